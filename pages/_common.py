"""Streamlit glue shared by the pages: the cached store, cached results, and the sidebar kept in the URL."""

from __future__ import annotations

import importlib
import threading
from dataclasses import dataclass, field

import streamlit as st

from reformdash import service, settings
from reformdash.errors import NotFound
from reformdash.labels import L
from reformdash.registry import Registry

_ROUTING = threading.local()


def app_pages(lang: str) -> list:
    """The dashboard's pages in navigation order (url_path is what a link names)."""
    t = {"vi": ["Tổng quan", "Xu hướng", "Thay đổi thứ hạng", "Chỉ số thành phần", "So sánh", "Đơn vị", "Mục tiêu"],
         "en": ["Overview", "Trends", "Rank changes", "Components", "Compare", "Units", "Goals"]}[lang]
    staff = {"vi": ["Tải dữ liệu", "Dữ liệu", "Danh mục"], "en": ["Upload", "Data", "Registry"]}[lang]
    return [
        st.Page("pages/overview.py", title=t[0], icon=":material/home:", default=True),  # served at /
        st.Page("pages/trends.py", title=t[1], icon=":material/show_chart:", url_path="trends"),
        st.Page("pages/ranks.py", title=t[2], icon=":material/leaderboard:", url_path="ranks"),
        st.Page("pages/components.py", title=t[3], icon=":material/grid_view:", url_path="components"),
        st.Page("pages/compare.py", title=t[4], icon=":material/compare_arrows:", url_path="compare"),
        st.Page("pages/units.py", title=t[5], icon=":material/account_tree:", url_path="units"),
        st.Page("pages/goals.py", title=t[6], icon=":material/flag:", url_path="goals"),
        st.Page("pages/present.py", title="Trình chiếu" if lang == "vi" else "Present", icon=":material/slideshow:",
                url_path="present"),
        st.Page("pages/upload.py", title=staff[0], icon=":material/upload_file:", url_path="upload"),
        st.Page("pages/data.py", title=staff[1], icon=":material/database:", url_path="data"),
        st.Page("pages/admin.py", title=staff[2], icon=":material/admin_panel_settings:", url_path="admin"),
    ]


# The role a page needs to appear in the sidebar; a page reached by URL without it refuses on its own (require()).
PAGE_ROLES = {"upload": "editor", "data": "editor", "admin": "admin"}


def sidebar_links(pages: list) -> None:
    """Our own page links, so viewers never see data-changing pages."""
    from pages._auth import current_user, has_role

    user = current_user()
    for page in pages:
        needed = PAGE_ROLES.get(page.url_path)
        if needed is None or has_role(user, needed):
            st.sidebar.page_link(page, label=page.title, icon=page.icon)
    st.sidebar.divider()


def boot() -> None:
    """Route every run through st.navigation.

    With a pages/ folder beside dashboard.py, Streamlit runs a deep link such as /trends straight from the file
    (its old folder routing); calling st.navigation here too keeps our titles, order and sidebar on every URL.
    """
    if getattr(_ROUTING, "active", False):
        return
    # the radio's new value (this run) wins over the URL, which the page updates only after the sidebar is drawn
    lang = st.session_state.get("lang_radio") or ("en" if st.query_params.get("lang") == "en" else "vi")
    st.set_page_config(page_title="reformdash — Chỉ số CCHC", page_icon=":material/analytics:", layout="wide")
    _ROUTING.active = True
    try:
        from pages._auth import sign_in_box, sign_in_required

        pages = app_pages(lang)
        current = st.navigation(pages, position="hidden")
        # first, so the links below already reflect who is signed in (or who was just disabled)
        user = sign_in_box(lang)
        if user is None and sign_in_required():
            st.stop()  # REFORMDASH_LOGIN_REQUIRED: the sign-in form is all an anonymous visitor gets
        sidebar_links(pages)
        current.run()
    finally:
        _ROUTING.active = False
    st.stop()


def get_store():
    """The store of the configured database (one per process and path)."""
    return _store(service.db_path())


@st.cache_resource
def _store(path: str):
    """Open once; a first start initialises an empty database with the demo data, as `init` does."""
    store = service.open_store(path)
    service.init(store)
    return store


def cached(fn, *args, **kwargs):
    """fn(store, *args, **kwargs), cached until an import changes the data version."""
    store = get_store()
    # the database path is part of the key: two databases can share a version number
    return _cached(f"{fn.__module__}:{fn.__qualname__}", store.path, store.data_version(), args,
                   tuple(sorted(kwargs.items())))


def figure(fn, *args, **kwargs):
    """A finished Plotly figure from reformdash.figures, cached by data version and shared, not copied.

    st.cache_data would unpickle a fresh Figure on every rerun, which re-validates every trace (~35 ms a chart);
    figures are never mutated after they are built, so one shared object is safe.
    """
    store = get_store()
    return _figure(f"{fn.__module__}:{fn.__qualname__}", store.path, store.data_version(), args,
                   tuple(sorted(kwargs.items())))


def chart(fig, key: str, data=None, text: str = "", name: str = "bieu-do") -> None:
    """A chart with downloads of its image (PNG, SVG) and data (xlsx), and its paragraph for a written report.

    The images and the workbook are made only when a button is pressed (deferred downloads), so a page run
    never waits for the browser that draws them.
    """
    from reformdash import exports, images

    V = _param("lang", "vi") != "en"
    st.plotly_chart(fig, width="stretch", key=key)
    png, svg, xlsx, _ = st.columns([1, 1, 1.3, 3])
    png.download_button("Ảnh PNG" if V else "PNG image", data=lambda: images.render(fig, "png"),
                        file_name=f"{name}.png", mime=images.FORMATS["png"], key=f"{key}_png", on_click="ignore",
                        icon=":material/image:", type="tertiary")
    svg.download_button("Ảnh SVG" if V else "SVG image", data=lambda: images.render(fig, "svg"),
                        file_name=f"{name}.svg", mime=images.FORMATS["svg"], key=f"{key}_svg", on_click="ignore",
                        icon=":material/image:", type="tertiary")
    if data is not None:
        xlsx.download_button("Số liệu (Excel)" if V else "Data (Excel)",
                             data=lambda: exports.to_xlsx(exports.readable(data, "vi" if V else "en")),
                             file_name=f"{name}.xlsx", mime=exports.XLSX_MIME, key=f"{key}_xlsx",
                             on_click="ignore", icon=":material/table:", type="tertiary")
    if text:
        with st.expander("Đoạn văn cho báo cáo (bấm biểu tượng để sao chép)" if V
                         else "Paragraph for a report (click the icon to copy)", icon=":material/content_copy:"):
            st.code(text, language=None, wrap_lines=True)


@st.cache_resource(max_entries=300, show_spinner=False)
def _figure(name: str, path: str, version: int, args: tuple, kwargs: tuple):
    from reformdash.figures import finish

    return finish(_call(name, args, kwargs))


# cache_resource, not cache_data: results are shared, not unpickled afresh on every call (~0.5 ms each, six or more
# a page). Pages treat results as read-only: they select, assign or copy, never set a column in place.
@st.cache_resource(max_entries=1000, show_spinner=False)
def _cached(name: str, path: str, version: int, args: tuple, kwargs: tuple):
    return _call(name, args, kwargs)


def _call(name: str, args: tuple, kwargs: tuple):
    """Run 'module:function' on the store (the version argument of the callers only keys the cache)."""
    module, qualname = name.split(":")
    fn = getattr(importlib.import_module(module), qualname)
    return fn(get_store(), *args, **dict(kwargs))


@st.cache_resource(max_entries=50, show_spinner=False)  # read-only: shared, not unpickled per call
def _registry(path: str, version: int) -> Registry:
    return Registry.load(get_store())


def registry() -> Registry:
    """The registry, reloaded when the data version changes."""
    store = get_store()
    return _registry(store.path, store.data_version())


@dataclass
class View:
    """What the reader chose in the sidebar (kept in the URL so a link reproduces it)."""

    lang: str
    entity: str
    entity_name: str
    entity_kind: str
    index: str | None = None
    index_name: str = ""
    unit: str = ""
    years: list[int] = field(default_factory=list)
    year_from: int | None = None
    year_to: int | None = None


def _param(name: str, default: str | None = None) -> str | None:
    value = st.query_params.get(name)
    return value if value not in (None, "") else default


def int_param(name: str, default: int) -> int:
    """A whole number from the URL; the default when it is missing or not a number."""
    value = (_param(name) or "").strip()
    return int(value) if value.lstrip("-").isdigit() else default


def language() -> str:
    """'vi' (default) or 'en', kept in the URL."""
    current = _param("lang", "vi")
    choice = st.sidebar.radio(L("language"), ["vi", "en"], index=0 if current != "en" else 1,
                              format_func=lambda x: "Tiếng Việt" if x == "vi" else "English", horizontal=True,
                              key="lang_radio")
    st.query_params["lang"] = choice
    return choice


def sidebar(index_kinds: tuple[str, ...] = ("province", "ministry"), need_years: bool = True) -> View:
    """Language, focus entity, index and years; every choice written back to the URL."""
    from reformdash.analysis import sidebar_choices, years_of

    lang = language()
    choices = cached(sidebar_choices, lang)
    codes, names = choices.entities, choices.entity_names
    wanted = _param("entity")
    if wanted not in names:
        try:
            wanted = registry().get(settings.get("REFORMDASH_FOCUS_ENTITY")).code
        except NotFound:
            wanted = codes[0] if codes else None
    if not codes:
        st.info(L("no_data", lang, what=""))
        st.stop()
    entity = st.sidebar.selectbox(L("focus", lang), codes, index=codes.index(wanted) if wanted in codes else 0,
                                  format_func=lambda c: names.get(c, c), key="focus_entity")
    st.query_params["entity"] = entity
    view = View(lang, entity, names[entity], choices.entity_kinds[entity])
    icodes = [c for c, kind in choices.index_kinds.items() if not index_kinds or kind in index_kinds]
    if not icodes:
        return view
    inames = choices.index_names
    wanted_index = (_param("index") or "PCI").upper()
    index = st.sidebar.selectbox(L("index", lang), icodes,
                                 index=icodes.index(wanted_index) if wanted_index in icodes else 0,
                                 format_func=lambda c: f"{c.replace('_', ' ')} — {inames[c]}", key="index_code")
    st.query_params["index"] = index
    view.index, view.index_name = index, inames[index]
    view.unit = choices.index_units[index]
    years = cached(years_of, index)
    view.years = years
    if need_years and years:
        lo, hi = min(years), max(years)
        a, b = int_param("from", lo), int_param("to", hi)  # a hand-edited link must not crash the page
        a, b = max(lo, min(a, hi)), min(hi, max(b, lo))
        if lo < hi:
            a, b = st.sidebar.slider(L("years", lang), lo, hi, (min(a, b), max(a, b)), key="year_range")
        st.query_params["from"], st.query_params["to"] = str(a), str(b)
        view.year_from, view.year_to = a, b
    return view


def field_note(sizes: list[int], years: list[int], lang: str) -> str | None:
    """Why ranks are shown as percentiles: the number of ranked entities changed (42 → 64 → 63 → 34)."""
    sizes = [int(n) for n in dict.fromkeys(sizes)]
    if len(sizes) < 2:
        return None
    chain = " → ".join(str(n) for n in sizes)
    if lang == "en":
        text = f"The number of ranked entities changed ({chain}), so ranks are shown as percentiles (100 = first)."
        return text + (" From 1 July 2025 there are 34 provinces." if max(years) >= 2025 else "")
    text = f"Số đơn vị được xếp hạng thay đổi qua các năm ({chain}) nên thứ hạng được quy về thang phần trăm " \
           "(100 = đứng đầu) để so sánh."
    return text + (" Từ 1/7/2025 cả nước có 34 tỉnh, thành phố." if max(years) >= 2025 else "")


def sample_badge(is_sample: bool, lang: str) -> str:
    """' :orange-badge[MẪU]' when figures are a sample."""
    return f" :orange-badge[{L('sample', lang)}]" if is_sample else ""


def page_year(view: View, title: str) -> int:
    """Title the page, stop with a clear note if the index has no data, else the year chosen (kept in the URL)."""
    st.title(title)
    if not view.index or not view.years:
        st.info(L("no_data", view.lang, what=""))
        st.stop()
    years = [y for y in view.years if (view.year_from or 0) <= y <= (view.year_to or 9999)] or view.years
    return year_picker(L("year", view.lang), years, "year", years[-1])


def year_picker(label: str, years: list[int], key: str, default: int, column=None) -> int:
    """A year select kept in the URL under `key`."""
    wanted = _param(key)
    value = int(wanted) if wanted and wanted.isdigit() and int(wanted) in years else default
    where = column or st
    chosen = where.selectbox(label, years, index=years.index(value), key=f"pick_{key}")
    st.query_params[key] = str(chosen)
    return chosen


def peers_picker(view: View, options: list[str], names: dict[str, str], default: list[str]) -> list[str]:
    """Peers chosen for comparison (kept in the URL)."""
    wanted = [p for p in (_param("peers") or "").split(",") if p in options] or default
    chosen = st.multiselect(L("peers", view.lang), options, default=[p for p in wanted if p in options],
                            format_func=lambda c: names.get(c, c), key="peers", max_selections=7)
    st.query_params["peers"] = ",".join(chosen)
    return chosen

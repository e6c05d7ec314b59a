"""Streamlit glue shared by the pages: the cached store, cached results, and the sidebar kept in the URL."""

from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass, field

import streamlit as st

from pages._print import print_styles
from reformdash import service, settings
from reformdash.errors import ReformdashError
from reformdash.memo import Memo, freeze
from reformdash.registry import Registry
from reformdash.words import L

_ROUTING = threading.local()


def app_pages(lang: str, role: str | None = None) -> list:
    """The dashboard's pages in navigation order (url_path is what a link names).

    Staff pages stay routable for everyone but are listed only for their role: a viewer never sees their links,
    and one who opens them by URL is refused by the page itself (require()).
    """
    from pages._auth import has_role

    t = [L(key, lang) for key in ("overview", "trends", "ranks", "components", "compare", "page.menu.units", "goals",
                                  "page.menu.map")]
    staff = [L(key, lang) for key in ("page.menu.upload", "page.menu.data", "page.menu.admin")]

    def listed(url_path: str) -> str:
        needed = PAGE_ROLES.get(url_path)
        return "visible" if needed is None or has_role(role, needed) else "hidden"

    return [
        st.Page("pages/overview.py", title=t[0], icon=":material/home:", default=True),  # served at /
        st.Page("pages/trends.py", title=t[1], icon=":material/show_chart:", url_path="trends"),
        st.Page("pages/ranks.py", title=t[2], icon=":material/leaderboard:", url_path="ranks"),
        st.Page("pages/components.py", title=t[3], icon=":material/grid_view:", url_path="components"),
        st.Page("pages/compare.py", title=t[4], icon=":material/compare_arrows:", url_path="compare"),
        st.Page("pages/map.py", title=t[7], icon=":material/map:", url_path="map"),
        st.Page("pages/units.py", title=t[5], icon=":material/account_tree:", url_path="units"),
        st.Page("pages/goals.py", title=t[6], icon=":material/flag:", url_path="goals"),
        st.Page("pages/plan.py", title=L("page.menu.plan", lang), icon=":material/checklist:",
                url_path="plan"),
        st.Page("pages/present.py", title=L("page.menu.present", lang), icon=":material/slideshow:",
                url_path="present"),
        st.Page("pages/upload.py", title=staff[0], icon=":material/upload_file:", url_path="upload",
                visibility=listed("upload")),
        st.Page("pages/data.py", title=staff[1], icon=":material/database:", url_path="data",
                visibility=listed("data")),
        st.Page("pages/admin.py", title=staff[2], icon=":material/admin_panel_settings:", url_path="admin",
                visibility=listed("admin")),
    ]


# The role a page needs to be listed in the sidebar; a page reached by URL without it refuses on its own (require()).
PAGE_ROLES = {"upload": "editor", "data": "editor", "admin": "admin"}


def session_pages(lang: str, role: str | None) -> list:
    """This session's pages for its language and role (st.Page resolves and checks its file on creation, so a
    session keeps its own; sessions do not share them, because st.navigation marks the page it runs)."""
    key = f"_pages_{lang}_{role or 'anonymous'}"
    pages = st.session_state.get(key)
    if pages is None:
        pages = st.session_state[key] = app_pages(lang, role)
    return pages


def boot() -> None:
    """Route every run through st.navigation, with Streamlit's own sidebar menu filtered by role.

    With a pages/ folder beside dashboard.py, Streamlit runs a deep link such as /trends straight from the file
    (its old folder routing); calling st.navigation here too keeps our titles, order and sidebar on every URL.
    """
    if getattr(_ROUTING, "active", False):
        return
    started = pace_reruns()
    # the radio's new value (this run) wins over the URL, which the page updates only after the sidebar is drawn
    lang = st.session_state.get("lang_radio") or lang_param()
    # an emoji icon is drawn by the browser; a :material/…: one is fetched from fonts.gstatic.com by every visitor
    st.set_page_config(page_title=L("page.app_title", lang), page_icon="📊", layout="wide")
    print_styles()  # Ctrl+P: A4, no sidebar, charts fitted to the paper (issue 14 B11)
    _ROUTING.active = True
    _ROUTING.values = {}
    try:
        from pages._auth import refresh_user, sign_in_box, sign_in_required

        # before the menu, so it already reflects who is signed in (or who was just disabled)
        user = refresh_user(lang)
        locked_out = user is None and sign_in_required()
        pages = session_pages(lang, user.role if user else None)
        # navigation comes before any stop: without it Streamlit would list every file of pages/ itself
        current = st.navigation(pages, position="hidden" if locked_out else "sidebar")
        # the titles the menu lists this run (read by tests; the menu itself is not an element AppTest sees)
        st.session_state["_menu"] = [] if locked_out else [p.title for p in pages if p.visibility == "visible"]
        sign_in_box(lang, user)
        if locked_out:
            st.stop()  # REFORMDASH_LOGIN_REQUIRED: the sign-in form is all an anonymous visitor gets
        try:
            current.run()
        except ReformdashError as e:  # e.g. a full disk: one sentence, never a traceback naming server paths
            st.error(e.text(lang))
    finally:
        _ROUTING.active = False
        count_run(started)
    st.stop()


# One client changing widgets as fast as it can (1,600 toggles a minute) kept the server's one process busy with its
# reruns: other visitors' pages and the health check stalled. A session's runs may fill RUN_SHARE of the time, after
# a burst of RUN_BURST_S seconds of running: a run over that waits at the top of boot() — sleeping, so the other
# sessions have the processor — and the clicks that arrive meanwhile are merged into the one rerun that follows.
# A person reading (a run of well under a second every few seconds) never waits.
RUN_SHARE = 0.3
RUN_BURST_S = 3.0
RUN_COUNTED_S = 1.0  # one long run (an import) counts this much at most, so the next click waits a few seconds at most


def _drained(bucket: tuple[float, float] | None, now: float) -> float:
    level, stamp = bucket if bucket is not None else (0.0, now)
    return max(0.0, level - max(0.0, now - stamp) * RUN_SHARE)


def pace(bucket: tuple[float, float] | None, now: float) -> float:
    """Seconds a run starting at `now` waits; bucket = (seconds of running not yet paid for, when it was counted)."""
    return max(0.0, (_drained(bucket, now) - RUN_BURST_S) / RUN_SHARE)


def spent(bucket: tuple[float, float] | None, now: float, seconds: float) -> tuple[float, float]:
    """The bucket after a run of `seconds` that ended at `now`."""
    return _drained(bucket, now) + min(seconds, RUN_COUNTED_S), now


def pace_reruns() -> float | None:
    """Wait if this session's runs have taken too much of the time lately; the run's start (None: not paced).

    AppTest runs (tests, benchmarks) are never paced: they rerun on purpose, and a browser cannot reach this.
    """
    from streamlit import config

    if config.get_option("global.appTest"):
        return None
    wait = pace(st.session_state.get("_run_bucket"), time.monotonic())
    if wait:
        time.sleep(wait)
    return time.monotonic()


def count_run(started: float | None) -> None:
    """Add this run's time to the session's bucket (interrupted runs too: their time was spent)."""
    if started is not None:
        now = time.monotonic()
        st.session_state["_run_bucket"] = spent(st.session_state.get("_run_bucket"), now, now - started)


def once_per_run(name: str, make):
    """make() once per script run of the app (every call outside a run makes it afresh)."""
    if not getattr(_ROUTING, "active", False):
        return make()
    values = _ROUTING.values
    if name not in values:
        values[name] = make()
    return values[name]


def get_store():
    """The store of the configured database (one per process and path)."""
    path = service.db_path()
    return _STORES.get(path, lambda: _open_store(path))


def _open_store(path: str):
    """Open once; a first start initialises an empty database with the demo data, as `init` does."""
    from reformdash import control, replica

    role = settings.get("REFORMDASH_ROLE")
    if role == "reader":  # one of several processes serving readers: the writer's latest copy (docs/scaling.md)
        return replica.ReplicaStore(path)
    store = service.open_store(path)
    service.init(store)
    control.serve(store)  # the CLI runs its commands here while this process holds the file
    if role == "writer":
        replica.Publisher(store)
    return store


# Results are shared, not copied: pages treat them as read-only (they select, assign or copy, never set a column
# in place), and figures are never changed after finish(). Keys hold the database path as well as its data
# version, because two databases can share a version number.
_STORES = Memo(64)
_RESULTS = Memo(1000)
_FIGURES = Memo(300)
_REGISTRIES = Memo(50)
_ARROWS = Memo(300)


def clear_caches() -> None:
    """Forget every cached store, result, figure and registry (benchmarks and tests switching databases)."""
    for memo in (_STORES, _RESULTS, _FIGURES, _REGISTRIES, _ARROWS):
        memo.clear()


def _key(fn, store, args: tuple, kwargs: dict) -> tuple:
    """What a cached call is known by: function, database, its data version and the arguments."""
    return fn, store.path, store.data_version(), freeze(args), freeze(kwargs)


def cached(fn, *args, **kwargs):
    """fn(store, *args, **kwargs), cached until an import changes the data version."""
    store = get_store()
    key = _key(fn, store, args, kwargs)
    return _RESULTS.get(key, lambda: fn(store, *args, **kwargs))


def figure(fn, *args, **kwargs):
    """A finished Plotly figure from reformdash.figures, cached by data version and shared, not copied.

    A pickled cache would rebuild a Figure on every rerun, which re-validates every trace (~35 ms a chart).
    """
    from reformdash.figures import finish

    store = get_store()
    key = _key(fn, store, args, kwargs)
    return _FIGURES.get(key, lambda: finish(fn(store, *args, **kwargs)))


def chart(fig, key: str, data=None, text=None, name: str = "bieu-do", **options):
    """A chart, and under it one fold with downloads of its image (PNG, SVG) and data (xlsx) and its report paragraph.

    The fold's content runs only while it is open (a lazy expander), `data` and `text` may be callables that are
    called only then, and the images and the workbook are made only when a button is pressed (deferred
    downloads): a page run never pays for what nobody asked for.
    """
    lang = lang_param()
    state = st.plotly_chart(fig, width="stretch", key=key, **options)  # options: on_select, config (the map)
    fold = lazy_expander(L("page.chart.more", lang), f"{key}_more", icon=":material/download:")
    if fold.open:
        with fold:
            _chart_extras(fig, key, data, text, name, lang)
    return state


def _chart_extras(fig, key: str, data, text, name: str, lang: str) -> None:
    """The open fold: image and data downloads, then the paragraph in a copy box."""
    from reformdash import exports, images

    data = data() if callable(data) else data
    text = text() if callable(text) else text

    png, svg, xlsx, _ = st.columns([1, 1, 1.3, 3])
    png.download_button(L("page.chart.png", lang), data=lambda: images.render(fig, "png"),
                        file_name=f"{name}.png", mime=images.FORMATS["png"], key=f"{key}_png", on_click="ignore",
                        icon=":material/image:", type="tertiary")
    svg.download_button(L("page.chart.svg", lang), data=lambda: images.render(fig, "svg"),
                        file_name=f"{name}.svg", mime=images.FORMATS["svg"], key=f"{key}_svg", on_click="ignore",
                        icon=":material/image:", type="tertiary")
    if data is not None:
        xlsx.download_button(L("page.chart.xlsx", lang),
                             data=lambda: exports.to_xlsx(exports.readable(data, lang)),
                             file_name=f"{name}.xlsx", mime=exports.XLSX_MIME, key=f"{key}_xlsx",
                             on_click="ignore", icon=":material/table:", type="tertiary")
    if text:
        st.caption(L("page.chart.paragraph", lang))
        st.code(text, language=None, wrap_lines=True)


def table(fn, *args, **kwargs) -> None:
    """st.dataframe of the cached table fn(store, *args, **kwargs), turned into Arrow once per data version.

    Given a DataFrame, st.dataframe converts it to Arrow on every run (~1 ms for a small table); given an Arrow
    table it only writes the bytes.
    """
    import pyarrow as pa

    store = get_store()
    key = _key(fn, store, args, kwargs)
    arrow = _ARROWS.get(key, lambda: pa.Table.from_pandas(cached(fn, *args, **kwargs), preserve_index=False))
    st.dataframe(arrow, hide_index=True, width="stretch")


def lazy_expander(label: str, key: str, icon: str | None = None):
    """An expander whose content runs only while it is open: `with` it when .open is True."""
    return st.expander(label, key=key, icon=icon, on_change="rerun")


def registry() -> Registry:
    """The registry, reloaded when the data version changes."""
    store = get_store()
    return _REGISTRIES.get((store.path, store.data_version()), lambda: Registry.load(store))


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


# Every query parameter is read through the parsers below: a link is typed by hand, so any value may arrive
# (a superscript digit, a 10 kB string, NUL, a repeated key). A value that does not parse is the default, silently.
MAX_PARAM_LENGTH = 200  # longer than any code, name or tab label the pages write
_WHOLE = re.compile(r"[0-9]{1,4}", re.ASCII)  # years, slide numbers: "²".isdigit() is True, this is not fooled
MAX_CODES = 30  # peers in one link (the picker allows 7)


def text_param(name: str, default: str | None = None) -> str | None:
    """The raw text of a query parameter: the default when missing, empty, too long or holding control characters."""
    value = st.query_params.get(name)
    if not isinstance(value, str) or value == "" or len(value) > MAX_PARAM_LENGTH or not value.isprintable():
        return default
    return value


def set_param(name: str, value: str) -> None:
    """Keep a choice in the URL; unchanged values are not sent again (each write is a message to the browser)."""
    if st.query_params.get(name) != value:
        st.query_params[name] = value


def int_param(name: str, default: int) -> int:
    """A whole number of 1–4 ASCII digits from the URL (a year, a slide); the default otherwise."""
    value = (text_param(name) or "").strip()
    return int(value) if _WHOLE.fullmatch(value) else default


def choice_param(name: str, options, default=None):
    """The URL's value when it is one of `options` (codes, not names); the default otherwise."""
    value = text_param(name)
    return value if value is not None and value in options else default


def codes_param(name: str, options) -> list[str]:
    """Comma-separated codes from the URL, each one of `options`, in order, without repeats."""
    value = text_param(name) or ""
    return list(dict.fromkeys(c for c in value.split(",")[:MAX_CODES] if c in options))


def lang_param() -> str:
    """'en' or 'vi' as the URL says; without one, the language this session last chose, else 'vi'.

    Streamlit's menu opens a page with an empty query string: without the session's choice an English reader was
    sent back to Vietnamese on every click (issue 14 B1).
    """
    value = text_param("lang")
    if value in ("vi", "en"):
        return value
    return "en" if st.session_state.get(LANG_KEPT) == "en" else "vi"


LANG_KEPT = "_lang"  # the session's language, kept by language() under a key no widget owns


def lang_key(key: str, lang: str) -> str:
    """A widget key per language for a select whose options are shown by name.

    Streamlit sends a select's value as its label and the browser keeps the label it last showed: after a language
    switch the old label came back as the value (the name «Quảng Ninh» instead of the code 22, a KeyError). A widget
    of its own per language starts from the URL, which holds codes.
    """
    return key if lang == "vi" else f"{key}_{lang}"


def language() -> str:
    """'vi' (default) or 'en', kept in the URL."""
    current = lang_param()
    choice = st.sidebar.radio(L("language"), ["vi", "en"], index=0 if current != "en" else 1,
                              format_func=lambda x: L("page.language.vi") if x == "vi" else L("page.language.en"),
                              horizontal=True, key="lang_radio")
    st.session_state[LANG_KEPT] = choice
    set_param("lang", choice)
    return choice


def sidebar(index_kinds: tuple[str, ...] = ("province", "ministry"), need_years: bool = True) -> View:
    """Language, focus entity, index and years; every choice written back to the URL."""
    from reformdash.analysis import sidebar_choices, years_of

    lang = language()
    choices = cached(sidebar_choices, lang)
    codes, names = choices.entities, choices.entity_names
    wanted = choice_param("entity", names)
    if wanted is None:  # the organisation's focus, set by an administrator (issue 14 B2)
        wanted = cached(settings.organisation).focus
    if not codes:
        st.info(L("no_data", lang, what=""))
        st.stop()
    default = codes.index(wanted) if wanted in codes else 0
    entity = st.sidebar.selectbox(L("focus", lang), codes, index=default, format_func=names.__getitem__,
                                  key=lang_key("focus_entity", lang))
    entity = entity if entity in names else codes[default]  # only ever a code
    set_param("entity", entity)
    view = View(lang, entity, names[entity], choices.entity_kinds[entity])
    icodes = [c for c, kind in choices.index_kinds.items() if not index_kinds or kind in index_kinds]
    if not icodes:
        return view
    inames = choices.index_names
    wanted_index = (text_param("index") or "PCI").upper()
    default = icodes.index(wanted_index) if wanted_index in icodes else 0
    index = st.sidebar.selectbox(L("index", lang), icodes, index=default,
                                 format_func=lambda c: f"{c.replace('_', ' ')} — {inames[c]}",
                                 key=lang_key("index_code", lang))
    index = index if index in icodes else icodes[default]
    set_param("index", index)
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
        set_param("from", str(a))
        set_param("to", str(b))
        view.year_from, view.year_to = a, b
    return view


def field_note(sizes: list[int], years: list[int], lang: str) -> str | None:
    """Why ranks are shown as percentiles: the number of ranked entities changed (42 → 64 → 63 → 34)."""
    sizes = [int(n) for n in dict.fromkeys(sizes)]
    if len(sizes) < 2:
        return None
    text = L("page.field_note", lang, chain=" → ".join(str(n) for n in sizes))
    return text + (" " + L("page.field_note_34", lang) if max(years) >= 2025 else "")


def sample_badge(is_sample: bool, lang: str) -> str:
    """' :orange-badge[MẪU]' when figures are a sample."""
    return f" :orange-badge[{L('sample', lang)}]" if is_sample else ""


def page_year(view: View, title: str, only: list[int] | None = None) -> int:
    """Title the page, stop with a clear note if the index has no data, else the year chosen (kept in the URL).

    `only`: the years the page can show (the components page: years with component scores).
    """
    st.title(title)
    available = [y for y in view.years if only is None or y in only]
    if not view.index or not available:
        st.info(L("no_data", view.lang, what=view.index.replace("_", " ") if view.index and view.years else ""))
        st.stop()
    years = [y for y in available if (view.year_from or 0) <= y <= (view.year_to or 9999)] or available
    return year_picker(L("year", view.lang), years, "year", years[-1])


def year_picker(label: str, years: list[int], key: str, default: int, column=None) -> int:
    """A year select kept in the URL under `key`."""
    value = int_param(key, default)
    value = value if value in years else default
    where = column or st
    chosen = where.selectbox(label, years, index=years.index(value), key=f"pick_{key}")
    chosen = chosen if chosen in years else value
    set_param(key, str(chosen))
    return chosen


def peers_picker(view: View, options: list[str], names: dict[str, str], default: list[str]) -> list[str]:
    """Peers chosen for comparison (kept in the URL)."""
    wanted = codes_param("peers", options)[:7] or [p for p in default if p in options]
    chosen = st.multiselect(L("peers", view.lang), options, default=wanted, format_func=names.__getitem__,
                            key=lang_key("peers", view.lang), max_selections=7)
    chosen = [p for p in chosen if p in options]  # only ever codes
    set_param("peers", ",".join(chosen))
    return chosen

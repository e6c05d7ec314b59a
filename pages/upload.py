"""Tải dữ liệu: drop files, see what the importer understood, correct it, see the difference, commit."""

import hashlib

import streamlit as st

from pages._auth import current_user, has_role, require
from pages._common import boot, get_store, language, registry
from pages._uploader import uploader_words
from reformdash.batches import commit, make_plan
from reformdash.catalog import Catalog
from reformdash.catalog_admin import add_index
from reformdash.errors import ReformdashError
from reformdash.ingest.importer import ImportOptions, inspect_file
from reformdash.ingest.layout import NEW_UNIT, SKIP_ROW
from reformdash.upload import (
    PROBLEMS_SHOWN,
    changes_table,
    column_table,
    entity_label,
    import_columns,
    index_proposal,
    match_choices,
    meaning_options,
    name_page,
    name_table,
    problem_cells,
    word,
)
from reformdash.words import L
from reformdash.words.headers import with_headers
from reformdash.words.pages import INDEX_UNITS

boot()

lang = language()
user = require("editor", lang)
st.title(L("page.upload.title", lang))
st.caption(L("page.upload.intro", lang))
store = get_store()
catalog = Catalog.load(store)
reg = registry()
uploader_words(lang)
files = st.file_uploader(L("page.upload.files", lang), type=["xlsx", "xls", "ods", "csv"], accept_multiple_files=True,
                         key="upload_files")
AUTO = L("page.upload.auto", lang)


def _short(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:10]


def _choose_name(key: str, row: str, widget: str, next_row: str | None) -> None:
    """A name matched by hand (or marked skip / new): remembered for this file, the next unknown name comes up."""
    chosen = st.session_state[widget]
    names = st.session_state.setdefault(f"nm_{key}", {})
    if chosen:
        names[row] = chosen
    else:
        names.pop(row, None)
    if chosen and next_row:
        st.session_state[f"nr_{key}"] = next_row


def _choose_meaning(key: str, place: tuple, widget: str, detected: str) -> None:
    overrides = st.session_state.setdefault(f"ov_{key}", {})
    if st.session_state[widget] == detected:
        overrides.pop(place, None)
    else:
        overrides[place] = st.session_state[widget]


def _create_index(key: str) -> None:
    """The department's own index, made in one step by an editor; the file is then read as that index."""
    get = st.session_state.get
    who = current_user()
    if not has_role(who, "editor"):  # a callback runs before the page's own check: an editor or an admin only
        st.session_state[f"nie_{key}"] = L("page.upload.need_editor", lang)
        return
    try:
        code = add_index(store, get(f"nic_{key}", ""), get(f"nin_{key}", ""), unit=get(f"niu_{key}", INDEX_UNITS[0]),
                         scale_min=float(get(f"nilo_{key}", 0)), scale_max=float(get(f"nihi_{key}", 100)),
                         entity_kind="unit", user=who.name, lang=lang)
    except ReformdashError as e:
        st.session_state[f"nie_{key}"] = e.text(lang)
    else:
        st.session_state.pop(f"nie_{key}", None)
        st.session_state[f"ix_{key}"] = code
        st.session_state[f"lv_{key}"] = "unit"


def index_form(key: str, data: bytes, file_name: str, parent: str | None) -> None:
    """Offer to register the file's index when the catalog has none like it (a department's own scoring)."""
    with st.expander(L("page.upload.new_index", lang), expanded=True):
        kept = st.session_state.get(f"nip_{key}")
        if kept is None or kept[0] != parent:  # read the file's headers once per parent chosen
            parent_name = reg.entities[parent].name_vi if parent in reg.entities else None
            kept = st.session_state[f"nip_{key}"] = (parent, index_proposal(data, file_name, parent_name))
        proposal = kept[1]
        with st.form(f"nf_{key}", border=False):
            a, b = st.columns([3, 2])
            a.text_input(L("page.upload.index_name", lang), proposal["name"], key=f"nin_{key}")
            b.text_input(L("page.upload.index_code", lang), proposal["code"], key=f"nic_{key}")
            c, d, e = st.columns(3)
            units = list(INDEX_UNITS)  # codes kept as the index's unit; points shown in the reader's language
            c.selectbox(L("page.upload.index_unit", lang), units, units.index(proposal["unit"]), key=f"niu_{key}",
                        format_func=lambda u: L("goal.points", lang) if u == INDEX_UNITS[0] else u)
            d.number_input(L("page.upload.scale_from", lang), value=proposal["scale_min"], key=f"nilo_{key}")
            e.number_input(L("page.upload.scale_to", lang), value=proposal["scale_max"], key=f"nihi_{key}")
            st.form_submit_button(L("page.upload.create_index", lang), on_click=_create_index, args=(key,))
        if st.session_state.get(f"nie_{key}"):
            st.error(st.session_state[f"nie_{key}"])


def columns_fold(key: str, found, overrides: dict) -> None:
    """The columns as read, and one correction at a time (a file may have hundreds of columns)."""
    columns = column_table(found, catalog, lang)
    choices = meaning_options(catalog, found.parts[0].index_code, lang)
    st.markdown(f"**{L('page.upload.columns', lang)}**")
    st.dataframe(with_headers(columns[["sheet", "letter", "header", "label"]], lang), hide_index=True, width="stretch")
    fixable = columns[columns["meaning"] != "entity"]
    if not len(fixable):
        return
    with st.expander(L("page.upload.fix_columns", lang)):
        # the columns not used come first: they are the ones most often misread
        fixable = fixable.iloc[(fixable["meaning"] != "ignore").argsort(kind="stable")]
        places = {f"{r.sheet}\0{r.col}": r for r in fixable.itertuples(index=False)}
        picked = st.selectbox(L("page.upload.column", lang), list(places), key=f"cc_{key}",
                              format_func=lambda p: f"{places[p].letter} · {places[p].header[:60]} — "
                                                    f"{places[p].label}")
        row = places[picked]
        place = (row.sheet, int(row.col))
        current = overrides.get(place, row.meaning)
        options = list(choices) if current in choices else list(choices) + [current]
        widget = f"cm_{key}_{_short(picked)}"
        st.selectbox(L("page.upload.column_is", lang, letter=row.letter, header=row.header[:60]), options,
                     index=options.index(current), key=widget, format_func=lambda c: choices.get(c, row.label),
                     on_change=_choose_meaning, args=(key, place, widget, row.meaning))


def names_fold(key: str, found, names: dict, level: str, parent: str | None) -> None:
    """Every name in the file, a page at a time with a search; one name at a time is matched by hand."""
    kept = st.session_state.get(f"nt_{key}")
    if kept is None or kept[0] is not found:  # listed once per reading of the file, not on every page turn
        kept = st.session_state[f"nt_{key}"] = (found, name_table(found, names))
    table = kept[1]
    unknown = int((table["how"] == "unknown").sum())
    title = L("page.upload.names", lang, count=len(table))
    if unknown:
        title += " — " + L("page.upload.names_unknown", lang, count=unknown)
    with st.expander(title, expanded=bool(unknown or names)):
        under = reg.entities[parent].name(lang) if parent in reg.entities else None
        if unknown:
            st.caption((L("page.upload.pick_under", lang, under=under) if under else L("page.upload.pick", lang))
                       + L("page.upload.pick_skip_new" if level == "unit" else "page.upload.pick_skip", lang))
        a, b, c = st.columns([3, 2, 1])
        search = a.text_input(L("page.upload.search", lang), key=f"ns_{key}")
        only = b.toggle(L("page.upload.hide_auto", lang), value=bool(unknown) or bool(names), key=f"nu_{key}")
        _, pages = name_page(table, reg, lang, search, only, page=1)
        if st.session_state.get(f"np_{key}", 1) > pages:
            st.session_state[f"np_{key}"] = pages
        page = c.number_input(L("page.upload.page", lang), 1, pages, key=f"np_{key}")
        shown, _ = name_page(table, reg, lang, search, only, page=page)
        st.dataframe(with_headers(shown, lang), hide_index=True, width="stretch")
        st.caption(L("page.upload.page_of", lang, page=page, pages=pages))
        on_page = list(shown["in_file"])
        if not on_page:
            return
        if st.session_state.get(f"nr_{key}") not in on_page:
            st.session_state.pop(f"nr_{key}", None)
        row = st.selectbox(L("page.upload.pick_name", lang), on_page, key=f"nr_{key}")
        kinds = found.find.kinds if found.find else ("province",)
        marks = [SKIP_ROW] + ([NEW_UNIT] if level == "unit" else [])
        options = [""] + marks + match_choices(store, reg, row, kinds, parent)
        current = names.get(row, "")
        if current and current not in options:
            options.append(current)
        waiting = [n for n, h in zip(shown["in_file"], table.set_index("in_file").loc[on_page, "how"])
                   if h == "unknown" and n != row]
        widget = f"nc_{key}_{_short(row)}"
        only = f" ({L('page.upload.only_units', lang, under=under)})" if under and "unit" in kinds else ""
        st.selectbox(L("page.upload.name_is", lang, name=row, only=only), options, index=options.index(current),
                     key=widget,
                     format_func=lambda c: word("not_chosen", lang) if not c else entity_label(reg, c, lang),
                     on_change=_choose_name, args=(key, row, widget, waiting[0] if waiting else None))


def file_card(position: int, name: str, data: bytes, sha: str) -> None:
    """One uploaded file: what was understood, corrections, the difference, the commit button."""
    key = _short(f"{position}\0{name}\0{sha}")
    st.subheader(name)
    c1, c2, c3, c4 = st.columns(4)
    index = c1.selectbox(L("index", lang), [AUTO] + list(catalog.indices), key=f"ix_{key}",
                         format_func=lambda c: c if c == AUTO else c.replace("_", " "))
    year = c2.number_input(L("page.upload.year", lang), 0, 2100, 0, key=f"yr_{key}")
    level_names = {"province": L("page.upload.level_province", lang), "ministry": L("page.upload.level_ministry", lang),
                   "unit": L("page.upload.level_unit", lang)}
    level = c3.selectbox(L("page.upload.level", lang), [AUTO, "province", "ministry", "unit"], key=f"lv_{key}",
                         format_func=lambda x: level_names.get(x, x))
    parent, create = None, False
    if level == "unit":
        parents = [e for e in reg.entities.values() if e.kind in ("province", "unit") and e.valid_to is None]
        parent = c4.selectbox(L("parent", lang), [e.code for e in parents],
                              format_func=lambda c: reg.entities[c].name(lang), key=f"pa_{key}")
        create = c4.checkbox(L("page.upload.create_units", lang), key=f"cu_{key}")
    overrides = st.session_state.setdefault(f"ov_{key}", {})
    names = st.session_state.setdefault(f"nm_{key}", {})
    # sheet and header row are chosen below the preview; their last values are read here
    sheet = st.session_state.get(f"sh_{key}", AUTO)
    header_row = st.session_state.get(f"hr_{key}", 0)
    options = ImportOptions(index=None if index == AUTO else index, year=year or None,
                            sheet=None if sheet == AUTO else sheet, level=None if level == AUTO else level,
                            parent=parent, create_units=create, lang=lang, columns=import_columns(overrides),
                            names=dict(names) or None, header_row=header_row or None)
    # a file is read once per set of choices: paging or searching the names does not read it again
    signature = (repr(options), store.data_version())
    kept = st.session_state.get(f"in_{key}")
    try:
        found = kept[1] if kept and kept[0] == signature else inspect_file(data, name, catalog, reg, options,
                                                                                       remember=True)
    except ReformdashError as e:
        st.error(e.text(lang))
        return
    st.session_state[f"in_{key}"] = (signature, found)
    s1, s2 = st.columns(2)
    s1.selectbox(L("page.upload.sheet", lang), [AUTO] + found.sheet_names, key=f"sh_{key}")
    s2.number_input(L("page.upload.header_row", lang), 0, 100000, key=f"hr_{key}")
    if index == AUTO and any(p.key == "no_index" or p.key == "no_table" and level == "unit"
                             for p in found.problems):
        index_form(key, data, name, parent)
    if found.parts:
        sheets = ", ".join(dict.fromkeys(p.layout.sheet for p in found.parts))
        header_rows = sorted({p.layout.place(h, 0)[0] for p in found.parts for h in p.layout.header_rows
                              if not p.layout.transposed})
        years = sorted({p.year for p in found.parts if p.year}) or (
            sorted(found.scores["year"].unique()) if found.scores is not None else [year] if year else [])
        detected = ", ".join(dict.fromkeys(p.index_code or "?" for p in found.parts))
        st.markdown(L("page.upload.understood", lang, detected=detected, years=", ".join(map(str, years)) or "?",
                      sheets=sheets)
                    + (" · " + L("page.upload.header_rows", lang, rows=", ".join(map(str, header_rows)))
                       if header_rows else ""))
        columns_fold(key, found, overrides)
        names_fold(key, found, names, level, parent)
    if found.problems:
        st.error(L("page.upload.cannot_commit", lang, n=len(found.problems)))
        # a table that wraps: the «Vấn đề» sentence is read whole, not cut at the column's edge
        st.table(problem_cells(found.problems, lang), hide_index=True)
        if len(found.problems) > PROBLEMS_SHOWN:
            st.caption(L("page.upload.more_problems", lang, n=len(found.problems) - PROBLEMS_SHOWN))
        return
    kept = st.session_state.get(f"pl_{key}")
    if kept is None or kept[0] is not found:  # compared with the store once per reading, not on every rerun
        kept = st.session_state[f"pl_{key}"] = (found, make_plan(store, found.analysis()))
    plan = kept[1]
    m1, m2, m3 = st.columns(3)
    m1.metric(L("page.upload.added", lang), len(plan.added))
    m2.metric(L("page.upload.changed", lang), len(plan.changed))
    m3.metric(L("page.upload.unchanged", lang), plan.unchanged)
    if plan.analysis.new_units:
        st.caption(L("page.upload.new_units", lang, names=", ".join(u["name_vi"] for u in plan.analysis.new_units[:20])
                     + (" …" if len(plan.analysis.new_units) > 20 else "")))
    if len(plan.changed):
        st.dataframe(changes_table(plan.changed, reg, lang), hide_index=True, width="stretch")
    if plan.is_noop:
        st.info(L("page.upload.noop", lang))
        return
    if st.button(L("page.upload.commit", lang), key=f"commit_{key}", type="primary"):
        # names matched by hand become aliases in the same transaction as the scores: both or neither
        aliases = {raw: code for raw, code in names.items() if code not in (SKIP_ROW, NEW_UNIT)}
        try:
            batch_id = commit(store, plan, user.name, aliases=aliases, lang=lang)
        except ReformdashError as e:
            st.error(e.text(lang))
        else:
            st.success(L("page.upload.written", lang, batch=batch_id, added=len(plan.added),
                         changed=len(plan.changed)))
            st.session_state.pop(f"ov_{key}", None)
            st.session_state.pop(f"nm_{key}", None)


first_of: dict[str, str] = {}
cards = []
for position, upload in enumerate(files or []):
    content = upload.getvalue()
    digest = hashlib.sha256(content).hexdigest()
    if digest in first_of:  # the same content twice: one import, and no second set of widgets
        st.info(L("page.upload.duplicate", lang, name=upload.name, first=first_of[digest]))
        continue
    first_of[digest] = upload.name
    cards.append((position, upload.name, content, digest))
live = {f"in_{_short(f'{position}{chr(0)}{name}{chr(0)}{digest}')}" for position, name, _, digest in cards}
for position, name, content, digest in cards:
    with st.container(border=True):
        file_card(position, name, content, digest)
for kept_key in [k for k in st.session_state if str(k).startswith(("in_", "nt_", "pl_")) and f"in_{k[3:]}" not in live]:
    del st.session_state[kept_key]  # a file taken out of the uploader: its reading is not kept

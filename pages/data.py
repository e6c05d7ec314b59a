"""Dữ liệu: the history of imports with revert and the original files, exports of any selection, blank templates."""

import streamlit as st

from pages._auth import has_role, require
from pages._common import boot, cached, get_store, language
from reformdash import backup, exports
from reformdash.errors import ReformdashError
from reformdash.markup import markdown_lines, markdown_text
from reformdash.words import L

boot()

lang = language()
user = require("editor", lang)
st.title(L("page.menu.data", lang))
store = get_store()
names = [L("page.data.history", lang), L("page.data.export", lang), L("page.data.templates", lang)]
admin = has_role(user, "admin")  # a backup holds the accounts' password hashes: administrators only
tabs = st.tabs(names + ([L("page.data.backup", lang)] if admin else []))
history_tab, export_tab, template_tab = tabs[:3]

with history_tab:
    done = st.session_state.pop("revert_done", None)
    if done:
        st.success(exports.revert_summary(done, lang))
    history = cached(exports.batch_history)
    if history.empty:
        st.info(L("page.data.nothing_imported", lang))
    else:
        st.dataframe(exports.history_table(history, lang), hide_index=True, width="stretch")
        rows = {int(r["id"]): r for r in history.to_dict("records")}
        batch_id = st.selectbox(
            L("page.data.batch", lang), list(rows), key="batch_pick",
            format_func=lambda i: f"{i} · {rows[i]['file_name']} · {rows[i]['user_name']} · "
                                  f"{rows[i]['created_at']:%d/%m/%Y %H:%M}")
        row = rows[batch_id]
        c1, c2 = st.columns(2)
        c1.download_button(L("page.data.original", lang),
                           data=lambda: exports.batch_file(store, batch_id)[1], file_name=row["file_name"],
                           icon=":material/download:", key="batch_file", on_click="ignore")
        reverted = exports.is_reverted(row)
        allowed = exports.can_revert(user.name, user.role, row["user_name"])
        if reverted:
            c2.caption(L("page.data.reverted", lang))
        elif not allowed:
            c2.caption(L("page.data.only_owner", lang))
        elif st.session_state.get("revert_confirm") != batch_id:
            if c2.button(L("page.data.revert", lang), key="revert_ask"):
                st.session_state["revert_confirm"] = batch_id
                st.rerun()
        else:
            st.warning(markdown_text(exports.revert_question(row, lang)))  # the uploaded file's name
            b1, b2 = st.columns(2)
            if b1.button(L("page.data.revert_yes", lang), type="primary", key="revert_yes"):
                st.session_state.pop("revert_confirm", None)
                try:
                    st.session_state["revert_done"] = exports.revert_batch(store, batch_id, user.name, user.role,
                                                                           lang)
                    st.rerun()
                except ReformdashError as e:
                    st.error(markdown_lines(e.text(lang)))  # it may quote a file or user name
            if b2.button(L("page.data.cancel", lang), key="revert_no"):
                st.session_state.pop("revert_confirm", None)
                st.rerun()

with export_tab:
    choices = cached(exports.export_choices, lang)
    if choices.empty:
        st.info(L("page.data.nothing_to_export", lang))
    else:
        info = choices.set_index("code")
        index = st.selectbox(L("index", lang), list(info.index), key="export_index",
                             format_func=lambda c: f"{c.replace('_', ' ')} — {info.loc[c, 'name']}")
        lo, hi = int(info.loc[index, "year_from"]), int(info.loc[index, "year_to"])
        year_from, year_to = (st.slider(L("page.data.years", lang), lo, hi, (lo, hi), key="export_years")
                              if lo < hi else (lo, hi))
        entities = cached(exports.export_entities, index, lang)
        names = dict(zip(entities["code"], entities["name"]))
        chosen = tuple(st.multiselect(L("page.data.entities", lang),
                                      list(names), format_func=lambda c: names.get(c, c), key="export_entities"))
        c1, c2 = st.columns(2)
        for col, fmt, mime in ((c1, "xlsx", exports.XLSX_MIME), (c2, "csv", exports.CSV_MIME)):
            col.download_button(
                L("page.data.download", lang, format=fmt.upper()),
                data=lambda fmt=fmt: exports.export_bytes(store, index, year_from, year_to, chosen, fmt, lang),
                file_name=exports.export_file_name(index, year_from, year_to, fmt), mime=mime,
                icon=":material/download:", key=f"export_{fmt}", on_click="ignore")
        st.caption(L("page.data.export_note", lang))

with template_tab:
    st.caption(L("page.data.template_note", lang))
    parents = cached(exports.unit_parent_choices, lang)
    parent_names = dict(zip(parents["code"], parents["name"]))
    parent = st.selectbox(L("page.data.units_of", lang), [None, *parent_names], key="template_parent",
                          format_func=lambda c: L("page.data.all", lang) if c is None else parent_names[c])
    for name, (build, file_name, label_vi, label_en) in exports.TEMPLATES.items():
        make = (lambda build=build: build(store, parent)) if name == "units" else (lambda build=build: build(store))
        st.download_button(label_en if lang == "en" else label_vi, data=make, file_name=file_name,
                           mime=exports.XLSX_MIME, icon=":material/description:", key=f"template_{name}",
                           on_click="ignore")

if admin:
    with tabs[3]:
        st.caption(L("page.data.backup_note", lang))
        st.download_button(L("page.data.backup_download", lang), data=lambda: backup.backup_bytes(store),
                           file_name=backup.file_name(), mime="application/zip", icon=":material/backup:",
                           key="backup_download", on_click="ignore")

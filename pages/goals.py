"""Mục tiêu: every goal of the plan with its status, the numbers behind it, editing and import."""

import streamlit as st

from pages._auth import current_user, has_role
from pages._common import boot, cached, get_store, language, lazy_expander, table
from reformdash import goals, tables
from reformdash.errors import ReformdashError
from reformdash.labels import L
from reformdash.markup import markdown_lines

boot()

lang = language()
st.title(L("goals", lang))
store = get_store()
status = cached(goals.evaluate_goals, lang)
if status.empty:
    st.info(L("no_data", lang, what=L("goals", lang).lower()))
else:
    board = cached(tables.goal_board, lang)
    c1, c2, c3 = st.columns(3)
    for column, (word, count) in zip((c1, c2, c3), board["counts"]):
        column.metric(word, count)
    st.subheader(L("goals_table", lang))
    st.markdown(board["lines"])  # one list, one element
    as_table = lazy_expander("Bảng số liệu mục tiêu" if lang == "vi" else "Goals as a table", "goals_table")
    if as_table.open:
        with as_table:
            table(tables.goal_table, lang)
if not has_role(current_user(), "editor"):
    st.stop()  # viewers read goals; editing and importing them is for editors
with st.expander(L("goals_edit", lang)):
    edited = st.data_editor(goals.list_goals(store), num_rows="dynamic", hide_index=True, key="goal_editor")
    if st.button(L("save", lang), key="goal_save"):
        try:
            goals.save_goals(store, edited)
            st.success(L("saved", lang))
        except ReformdashError as e:
            st.error(markdown_lines(e.message))  # it quotes cells of the file or the grid: literal text
with st.expander(L("goals_upload", lang)):
    upload = st.file_uploader("xlsx / csv", type=["xlsx", "xls", "ods", "csv"], key="goal_file")
    if upload is not None and st.button(L("save", lang), key="goal_import"):
        try:
            n = goals.import_goals(store, upload.getvalue(), upload.name, lang)
            st.success(f"{L('saved', lang)} ({n})")
        except ReformdashError as e:
            st.error(markdown_lines(e.message))  # it quotes cells of the file or the grid: literal text

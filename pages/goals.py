"""Mục tiêu: every goal of the plan with its status, the numbers behind it, editing and import."""

import streamlit as st

from pages._common import boot, get_store, language
from reformdash.errors import ReformdashError
from reformdash.labels import L

boot()

lang = language()
st.title(L("goals", lang))
store = get_store()
try:
    from reformdash import goals
except ImportError:
    st.info(L("no_data", lang, what=L("goals", lang).lower()))
    st.stop()
status = goals.evaluate_goals(store, lang)
if status.empty:
    st.info(L("no_data", lang, what=L("goals", lang).lower()))
else:
    words = {"met": L("goal_met", lang), "not_met": L("goal_not_met", lang), "no_data": L("goal_no_data", lang)}
    counts = status["status"].value_counts()
    c1, c2, c3 = st.columns(3)
    c1.metric(words["met"], int(counts.get("met", 0)))
    c2.metric(words["not_met"], int(counts.get("not_met", 0)))
    c3.metric(words["no_data"], int(counts.get("no_data", 0)))
    st.subheader(L("goals_table", lang))
    shown = status.assign(status=status["status"].map(words))
    st.dataframe(shown, hide_index=True, width="stretch")
with st.expander(L("goals_edit", lang)):
    edited = st.data_editor(goals.list_goals(store), num_rows="dynamic", hide_index=True, key="goal_editor")
    if st.button(L("save", lang), key="goal_save"):
        try:
            goals.save_goals(store, edited)
            st.success(L("saved", lang))
        except ReformdashError as e:
            st.error(e.message)
with st.expander(L("goals_upload", lang)):
    upload = st.file_uploader("xlsx / csv", type=["xlsx", "xls", "ods", "csv"], key="goal_file")
    if upload is not None and st.button(L("save", lang), key="goal_import"):
        try:
            n = goals.import_goals(store, upload.getvalue(), upload.name, lang)
            st.success(f"{L('saved', lang)} ({n})")
        except ReformdashError as e:
            st.error(e.message)

"""Mục tiêu: every goal of the plan with its status, the numbers behind it, editing and import."""

import streamlit as st

from pages._auth import current_user, has_role
from pages._common import boot, cached, get_store, language
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
status = cached(goals.evaluate_goals, lang)
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
    badge = {"met": ":green-badge[", "not_met": ":red-badge[", "no_data": ":gray-badge["}
    for row in status.itertuples(index=False):
        who = row.entity_name if isinstance(row.entity_name, str) else row.entity_code
        st.markdown(f"- {badge[row.status]}{words[row.status]}] **{row.index.replace('_', ' ')}** · {who} — "
                    f"{row.detail}")
    with st.expander("Bảng số liệu mục tiêu" if lang == "vi" else "Goals as a table"):
        kinds = {"rank_up": ("Tăng bậc", "Places up"), "rank_at_most": ("Nằm trong nhóm", "Top N"),
                 "value_at_least": ("Không thấp hơn", "At least"), "yoy_increase": ("Năm sau cao hơn năm trước",
                                                                                   "Higher each year")}
        table = status.assign(status=status["status"].map(words),
                              kind=status["kind"].map(lambda k: kinds.get(k, (k, k))[1 if lang == "en" else 0]))
        columns = {"vi": ["Chỉ số", "Thành phần", "Đơn vị", "Loại mục tiêu", "Mục tiêu", "Năm gốc", "Năm mục tiêu",
                          "Thực tế", "Tình trạng", "Còn thiếu"],
                   "en": ["Index", "Component", "Entity", "Kind", "Target", "Base year", "Target year", "Actual",
                          "Status", "Distance"]}[lang]
        table = table[["index", "component", "entity_name", "kind", "target", "base_year", "target_year", "actual",
                       "status", "distance"]]
        table.columns = columns
        st.dataframe(table, hide_index=True, width="stretch")
if not has_role(current_user(), "editor"):
    st.stop()  # viewers read goals; editing and importing them is for editors
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

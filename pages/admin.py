"""Danh mục (admin): add and rename units, add aliases, add a custom index; every change is listed."""

import streamlit as st

from pages._auth import require
from pages._common import boot, cached, get_store, language
from reformdash import auth, catalog_admin
from reformdash.errors import ReformdashError

boot()

lang = language()
user = require("admin", lang)
V = lang == "vi"
st.title("Danh mục" if V else "Registry")
st.caption("Mọi thay đổi được ghi lại (ai, khi nào, thay đổi gì) ở thẻ «Nhật ký»." if V
           else "Every change is recorded (who, when, what) under «Log».")
store = get_store()
done = st.session_state.pop("registry_done", None)
if done:
    st.success(done)
everyone = cached(catalog_admin.entity_options)
units = cached(catalog_admin.entity_options, ("unit",))
unit_tab, alias_tab, index_tab, log_tab, signin_tab = st.tabs(
    ["Đơn vị", "Tên gọi khác", "Chỉ số riêng", "Nhật ký", "Đăng nhập sai"] if V
    else ["Units", "Aliases", "Custom index", "Log", "Failed sign-ins"])


def run(action, message: str) -> None:
    """Do a registry change, then show what was done (or the reason it was refused)."""
    try:
        action()
    except ReformdashError as e:
        st.error(f"**{e.title}** — {e.message}")
        return
    st.session_state["registry_done"] = message
    st.rerun()


with unit_tab:
    with st.form("unit_add", clear_on_submit=True):
        st.subheader("Thêm đơn vị" if V else "Add a unit")
        name = st.text_input("Tên đơn vị" if V else "Unit name", key="unit_name")
        parent = st.selectbox("Cơ quan chủ quản" if V else "Parent", list(everyone), key="unit_parent",
                              format_func=everyone.get, index=None,
                              placeholder="Chọn tỉnh, sở, ngành…" if V else "Choose a province, department…")
        if st.form_submit_button("Thêm" if V else "Add", key="unit_add_submit"):
            if parent is None:
                st.error("Hãy chọn cơ quan chủ quản." if V else "Choose the parent.")
            else:
                run(lambda: catalog_admin.add_unit(store, None, name, parent, user.name, lang),
                    f"Đã thêm đơn vị «{name}»." if V else f"Unit «{name}» added.")
    if units:
        with st.form("unit_rename"):
            st.subheader("Đổi tên đơn vị" if V else "Rename a unit")
            code = st.selectbox("Đơn vị" if V else "Unit", list(units), format_func=units.get, key="rename_code")
            new_name = st.text_input("Tên mới" if V else "New name", key="rename_name")
            st.caption("Tên cũ vẫn được nhận khi nhập tệp cũ." if V else "Files with the old name still match.")
            if st.form_submit_button("Đổi tên" if V else "Rename", key="unit_rename_submit"):
                run(lambda: catalog_admin.rename_unit(store, code, new_name, user.name, lang),
                    f"Đã đổi tên thành «{new_name}»." if V else f"Renamed to «{new_name}».")

with alias_tab:
    with st.form("alias_add", clear_on_submit=True):
        st.subheader("Thêm tên gọi khác" if V else "Add an alias")
        st.caption("Cách viết khác của một tỉnh, bộ, ngành hoặc đơn vị trong bảng tính (ví dụ «Sở YT QN»)." if V
                   else "Another spelling found in spreadsheets (e.g. «HCMC»).")
        entity = st.selectbox("Tỉnh/Đơn vị" if V else "Entity", list(everyone), format_func=everyone.get,
                              key="alias_entity")
        alias = st.text_input("Tên gọi khác" if V else "Alias", key="alias_text")
        if st.form_submit_button("Thêm" if V else "Add", key="alias_add_submit"):
            run(lambda: catalog_admin.add_alias(store, entity, alias, user.name, lang),
                f"Đã thêm tên gọi «{alias}»." if V else f"Alias «{alias}» added.")

with index_tab:
    with st.form("index_add"):
        st.subheader("Thêm chỉ số riêng" if V else "Add a custom index")
        c1, c2 = st.columns(2)
        code = c1.text_input("Mã chỉ số (ví dụ DDCI_QN)" if V else "Code (e.g. DDCI_QN)", key="index_code_new")
        name_vi = c2.text_input("Tên chỉ số" if V else "Name (Vietnamese)", key="index_name")
        c3, c4, c5, c6 = st.columns(4)
        kinds = {"unit": "Đơn vị trực thuộc" if V else "Units", "province": "Tỉnh" if V else "Provinces",
                 "ministry": "Bộ, ngành" if V else "Ministries"}
        kind = c3.selectbox("Xếp hạng" if V else "Ranks", list(kinds), format_func=kinds.get, key="index_kind")
        unit = c4.text_input("Đơn vị đo" if V else "Unit", "%", key="index_unit")
        scale_max = c5.number_input("Điểm tối đa" if V else "Maximum", 0.0, 10000.0, 100.0, key="index_max")
        first_year = c6.number_input("Năm đầu tiên" if V else "First year", 1990, 2100, 2020, key="index_year")
        components = st.text_area(
            "Chỉ số thành phần, mỗi dòng một: «mã; tên» hoặc chỉ «tên»" if V
            else "Components, one a line: «code; name» or just «name»", key="index_components",
            placeholder="the_che; Cải cách thể chế\nCải cách thủ tục hành chính")
        if st.form_submit_button("Thêm chỉ số" if V else "Add index", key="index_add_submit"):
            run(lambda: catalog_admin.add_index(
                store, code, name_vi, unit=unit or "%", scale_max=scale_max, entity_kind=kind,
                first_year=int(first_year), components=catalog_admin.parse_components(components), user=user.name,
                lang=lang), f"Đã thêm chỉ số {code.upper()}." if V else f"Index {code.upper()} added.")

with log_tab:
    changes = cached(catalog_admin.registry_changes, lang)
    if changes.empty:
        st.info("Chưa có thay đổi nào." if V else "No changes yet.")
    else:
        st.dataframe(changes, hide_index=True, width="stretch")

with signin_tab:
    st.caption("Các lần đăng nhập không thành công gần đây (mới nhất trước): tên đã nhập, thời điểm, địa chỉ máy. "
               "Sau 5 lần sai với một tên, hoặc 20 lần từ một địa chỉ, phải chờ lâu dần (30 giây, 60 giây, …). "
               "Dòng lệnh: python -m reformdash users failed-logins." if V else
               "Recent failed sign-ins (newest first): the name typed, when, from which address. After 5 failures "
               "on a name, or 20 from one address, the wait grows (30 s, 60 s, …). Command line: "
               "python -m reformdash users failed-logins.")
    failures = auth.failed_sign_ins(store, lang, limit=500)  # not cached: the log changes without a data version
    if failures.empty:
        st.info("Chưa có lần đăng nhập sai nào." if V else "No failed sign-ins.")
    else:
        st.dataframe(failures.rename(columns=dict(zip(
            failures.columns, ["Thời điểm", "Tên đăng nhập", "Địa chỉ", "Kết quả"] if V
            else ["When", "User name", "Address", "Outcome"]))), hide_index=True, width="stretch")

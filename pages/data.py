"""Dữ liệu: the history of imports with revert and the original files, exports of any selection, blank templates."""

import streamlit as st

from pages._auth import has_role, require
from pages._common import boot, cached, get_store, language
from reformdash import backup, exports
from reformdash.errors import ReformdashError
from reformdash.markup import markdown_lines, markdown_text

boot()

lang = language()
user = require("editor", lang)
V = lang == "vi"
st.title("Dữ liệu" if V else "Data")
store = get_store()
names = ["Lịch sử nhập", "Xuất số liệu", "Mẫu nhập liệu"] if V else ["Import history", "Export", "Templates"]
admin = has_role(user, "admin")  # a backup holds the accounts' password hashes: administrators only
tabs = st.tabs(names + (["Sao lưu" if V else "Backup"] if admin else []))
history_tab, export_tab, template_tab = tabs[:3]

with history_tab:
    done = st.session_state.pop("revert_done", None)
    if done:
        st.success(exports.revert_summary(done, lang))
    history = cached(exports.batch_history)
    if history.empty:
        st.info("Chưa có lần nhập dữ liệu nào." if V else "Nothing has been imported yet.")
    else:
        st.dataframe(exports.history_table(history, lang), hide_index=True, width="stretch")
        rows = {int(r["id"]): r for r in history.to_dict("records")}
        batch_id = st.selectbox(
            "Chọn lô nhập" if V else "Batch", list(rows), key="batch_pick",
            format_func=lambda i: f"{i} · {rows[i]['file_name']} · {rows[i]['user_name']} · "
                                  f"{rows[i]['created_at']:%d/%m/%Y %H:%M}")
        row = rows[batch_id]
        c1, c2 = st.columns(2)
        c1.download_button("Tải tệp gốc" if V else "Download the original file",
                           data=lambda: exports.batch_file(store, batch_id)[1], file_name=row["file_name"],
                           icon=":material/download:", key="batch_file", on_click="ignore")
        reverted = exports.is_reverted(row)
        allowed = exports.can_revert(user.name, user.role, row["user_name"])
        if reverted:
            c2.caption("Lô này đã được hoàn tác." if V else "This batch has been reverted.")
        elif not allowed:
            c2.caption("Chỉ người nhập lô này hoặc quản trị viên được hoàn tác." if V
                       else "Only the person who imported it or an admin may revert it.")
        elif st.session_state.get("revert_confirm") != batch_id:
            if c2.button("Hoàn tác lô này…" if V else "Revert this batch…", key="revert_ask"):
                st.session_state["revert_confirm"] = batch_id
                st.rerun()
        else:
            st.warning(markdown_text(exports.revert_question(row, lang)))  # the uploaded file's name
            b1, b2 = st.columns(2)
            if b1.button("Xác nhận hoàn tác" if V else "Confirm revert", type="primary", key="revert_yes"):
                st.session_state.pop("revert_confirm", None)
                try:
                    st.session_state["revert_done"] = exports.revert_batch(store, batch_id, user.name, user.role,
                                                                           lang)
                    st.rerun()
                except ReformdashError as e:
                    st.error(markdown_lines(e.message))  # it may quote a file or user name
            if b2.button("Hủy" if V else "Cancel", key="revert_no"):
                st.session_state.pop("revert_confirm", None)
                st.rerun()

with export_tab:
    choices = cached(exports.export_choices, lang)
    if choices.empty:
        st.info("Chưa có số liệu để xuất." if V else "No figures to export yet.")
    else:
        info = choices.set_index("code")
        index = st.selectbox("Chỉ số" if V else "Index", list(info.index), key="export_index",
                             format_func=lambda c: f"{c.replace('_', ' ')} — {info.loc[c, 'name']}")
        lo, hi = int(info.loc[index, "year_from"]), int(info.loc[index, "year_to"])
        year_from, year_to = (st.slider("Năm" if V else "Years", lo, hi, (lo, hi), key="export_years")
                              if lo < hi else (lo, hi))
        entities = cached(exports.export_entities, index, lang)
        names = dict(zip(entities["code"], entities["name"]))
        chosen = tuple(st.multiselect("Tỉnh/Đơn vị (để trống = tất cả)" if V else "Entities (empty = all)",
                                      list(names), format_func=lambda c: names.get(c, c), key="export_entities"))
        c1, c2 = st.columns(2)
        for col, fmt, mime in ((c1, "xlsx", exports.XLSX_MIME), (c2, "csv", exports.CSV_MIME)):
            col.download_button(
                f"Tải {fmt.upper()}" if V else f"Download {fmt.upper()}",
                data=lambda fmt=fmt: exports.export_bytes(store, index, year_from, year_to, chosen, fmt, lang),
                file_name=exports.export_file_name(index, year_from, year_to, fmt), mime=mime,
                icon=":material/download:", key=f"export_{fmt}", on_click="ignore")
        st.caption("Ô văn bản bắt đầu bằng =, +, -, @ được thêm dấu ' để bảng tính không chạy như công thức; CSV "
                   "dùng UTF-8 có BOM để Excel đọc đúng tiếng Việt." if V else
                   "Text cells starting with =, +, -, @ get a leading ' so spreadsheets never run them; the CSV is "
                   "UTF-8 with a BOM for Excel.")

with template_tab:
    st.caption("Mẫu trống có tiêu đề tiếng Việt, trang «Hướng dẫn» và danh sách chọn cho chỉ số, đơn vị, năm. "
               "Điền xong tải lên ở trang «Tải dữ liệu» (mục tiêu: trang «Mục tiêu»)." if V else
               "Blank templates with Vietnamese headers, an instructions sheet and drop-downs for index, entity and "
               "year. Upload them on the Upload page (goals: on the Goals page).")
    parents = cached(exports.unit_parent_choices, lang)
    parent_names = dict(zip(parents["code"], parents["name"]))
    parent = st.selectbox("Đơn vị trực thuộc của" if V else "Units of", [None, *parent_names], key="template_parent",
                          format_func=lambda c: ("(tất cả)" if V else "(all)") if c is None else parent_names[c])
    for name, (build, file_name, label_vi, label_en) in exports.TEMPLATES.items():
        make = (lambda build=build: build(store, parent)) if name == "units" else (lambda build=build: build(store))
        st.download_button(label_vi if V else label_en, data=make, file_name=file_name, mime=exports.XLSX_MIME,
                           icon=":material/description:", key=f"template_{name}", on_click="ignore")

if admin:
    with tabs[3]:
        st.caption("Toàn bộ cơ sở dữ liệu trong một tệp .zip (kèm bảng kê số dòng và mã sha256), chép nhất quán ngay "
                   "khi bảng điều khiển đang chạy. Khôi phục: python -m reformdash restore TỆP." if V else
                   "The whole database in one .zip (with row counts and a sha256), a consistent copy while the "
                   "dashboard runs. Restore with: python -m reformdash restore FILE.")
        st.download_button("Tải bản sao lưu" if V else "Download a backup", data=lambda: backup.backup_bytes(store),
                           file_name=backup.file_name(), mime="application/zip", icon=":material/backup:",
                           key="backup_download", on_click="ignore")

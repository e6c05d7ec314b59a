"""Tải dữ liệu: drop files, see what the importer understood, correct it, see the difference, commit."""

import hashlib

import streamlit as st

from pages._auth import require
from pages._common import boot, get_store, language, registry
from reformdash.batches import commit, make_plan
from reformdash.catalog import Catalog
from reformdash.catalog_admin import add_alias
from reformdash.errors import ReformdashError
from reformdash.i18n import format_number
from reformdash.ingest.importer import ImportOptions, inspect_file
from reformdash.upload import column_table, entity_matches, meaning_options, problem_table

boot()

lang = language()
user = require("editor", lang)
V = lang == "vi"
st.title("Tải dữ liệu" if V else "Upload data")
st.caption("Kéo thả bảng kết quả (xlsx, xls, ods, csv). Chưa có gì được ghi cho đến khi bấm «Ghi vào cơ sở dữ liệu»."
           if V else "Drop result tables (xlsx, xls, ods, csv). Nothing is written until you press Commit.")
store = get_store()
catalog = Catalog.load(store)
reg = registry()
files = st.file_uploader("Tệp" if V else "Files", type=["xlsx", "xls", "ods", "csv"], accept_multiple_files=True,
                         key="upload_files")
AUTO = "(tự nhận)" if V else "(detect)"
for upload in files or []:
    data = upload.getvalue()
    key = hashlib.sha256(data).hexdigest()[:12]
    with st.container(border=True):
        st.subheader(upload.name)
        c1, c2, c3, c4 = st.columns(4)
        index = c1.selectbox("Chỉ số" if V else "Index", [AUTO] + list(catalog.indices), key=f"ix_{key}",
                             format_func=lambda c: c if c == AUTO else c.replace("_", " "))
        year = c2.number_input("Năm (0 = tự nhận)" if V else "Year (0 = detect)", 0, 2100, 0, key=f"yr_{key}")
        level = c3.selectbox("Cấp" if V else "Level", [AUTO, "province", "ministry", "unit"], key=f"lv_{key}",
                             format_func=lambda x: {"province": "Tỉnh" if V else "Province",
                                                    "ministry": "Bộ, ngành" if V else "Ministry",
                                                    "unit": "Đơn vị trực thuộc" if V else "Unit"}.get(x, x))
        parent, create = None, False
        if level == "unit":
            parents = [e for e in reg.entities.values() if e.kind in ("province", "unit") and e.valid_to is None]
            parent = c4.selectbox("Cơ quan chủ quản" if V else "Parent", [e.code for e in parents],
                                  format_func=lambda c: reg.entities[c].name(lang), key=f"pa_{key}")
            create = c4.checkbox("Tạo đơn vị mới" if V else "Create new units", key=f"cu_{key}")
        overrides = st.session_state.setdefault(f"ov_{key}", {})
        names = st.session_state.setdefault(f"nm_{key}", {})
        # sheet and header row are chosen below the preview; their last values are read here
        sheet = st.session_state.get(f"sh_{key}", AUTO)
        header_row = st.session_state.get(f"hr_{key}", 0)
        options = ImportOptions(index=None if index == AUTO else index, year=year or None,
                                sheet=None if sheet == AUTO else sheet, level=None if level == AUTO else level,
                                parent=parent, create_units=create, lang=lang, columns=dict(overrides) or None,
                                names=dict(names) or None, header_row=header_row or None)
        try:
            found = inspect_file(data, upload.name, catalog, reg, options, remember=True)
        except ReformdashError as e:
            st.error(e.message)
            continue
        s1, s2 = st.columns(2)
        s1.selectbox("Trang tính" if V else "Sheet", [AUTO] + found.sheet_names, key=f"sh_{key}")
        s2.number_input("Dòng tiêu đề (0 = tự nhận)" if V else "Header row (0 = detect)", 0, 100000, key=f"hr_{key}")
        if found.parts:
            sheets = ", ".join(dict.fromkeys(p.layout.sheet for p in found.parts))
            header_rows = sorted({p.layout.place(h, 0)[0] for p in found.parts for h in p.layout.header_rows
                                  if not p.layout.transposed})
            years = sorted({p.year for p in found.parts if p.year}) or (
                sorted(found.scores["year"].unique()) if found.scores is not None else [])
            detected = ", ".join(dict.fromkeys(p.index_code or "?" for p in found.parts))
            st.markdown(("**Đã nhận ra:** " if V else "**Understood:** ")
                        + f"{detected} · {', '.join(map(str, years)) or '?'} · "
                        + ("trang " if V else "sheet ") + sheets
                        + (f" · {'dòng tiêu đề' if V else 'header rows'} {', '.join(map(str, header_rows))}"
                           if header_rows else ""))
            columns = column_table(found, catalog, lang)
            choices = meaning_options(catalog, found.parts[0].index_code, lang)
            st.markdown("**Các cột**" if V else "**Columns**")
            st.dataframe(columns[["sheet", "letter", "header", "label"]].rename(columns={
                "sheet": "Trang" if V else "Sheet", "letter": "Cột" if V else "Column",
                "header": "Tiêu đề" if V else "Header", "label": "Được hiểu là" if V else "Read as"}),
                hide_index=True, width="stretch")
            with st.expander("Sửa cách hiểu các cột" if V else "Correct the columns"):
                labels = list(choices)
                for row in columns[columns["meaning"] != "entity"].itertuples(index=False):
                    current = overrides.get((row.sheet, int(row.col)), row.meaning)
                    options_here = labels if current in labels else labels + [current]
                    chosen = st.selectbox(f"{row.sheet} · {row.letter} · {row.header[:60]}", options_here,
                                          index=options_here.index(current), key=f"col_{key}_{row.sheet}_{row.col}",
                                          format_func=lambda c, r=row, ch=choices: ch.get(c, r.label))
                    if chosen != current:
                        overrides[(row.sheet, int(row.col))] = chosen
                        st.rerun()
            matches = entity_matches(found, reg, lang)
            unknown = matches[matches["code"] == ""]
            with st.expander(("Tên tỉnh / đơn vị đã nhận ra" if V else "Names matched")
                             + (f" — {len(unknown)} {'chưa nhận ra' if V else 'unknown'}" if len(unknown) else ""),
                             expanded=bool(len(unknown))):
                st.dataframe(matches, hide_index=True, width="stretch")
                kinds = found.find.kinds if found.find else ("province",)
                for row in unknown.itertuples(index=False):
                    candidates = [c for c in (reg.resolve(n, kinds) for n in row.did_you_mean.split(", ") if n) if c]
                    picked = st.selectbox(f"«{row.in_file}» {'là' if V else 'is'}", [""] + candidates,
                                          key=f"nm_{key}_{row.in_file}",
                                          format_func=lambda c: ("(chưa chọn)" if V else "(not chosen)") if not c
                                          else reg.entities[c].name(lang))
                    if picked and names.get(row.in_file) != picked:
                        names[row.in_file] = picked
                        st.rerun()
        if found.problems:
            st.error(("Chưa thể ghi: {n} vấn đề cần sửa trong tệp hoặc chọn lại ở trên." if V else
                      "Cannot commit: {n} problems to fix in the file or above.").format(n=len(found.problems)))
            st.dataframe(problem_table(found.problems, lang), hide_index=True, width="stretch")
            continue
        plan = make_plan(store, found.analysis())
        m1, m2, m3 = st.columns(3)
        m1.metric("Thêm mới" if V else "Added", len(plan.added))
        m2.metric("Thay đổi" if V else "Changed", len(plan.changed))
        m3.metric("Không đổi" if V else "Unchanged", plan.unchanged)
        if len(plan.changed):
            shown = plan.changed.assign(
                entity=[reg.entities[c].name(lang) if c in reg.entities else c for c in plan.changed["entity_code"]],
                old=[format_number(v, lang, 2) for v in plan.changed["old_value"]],
                new=[format_number(v, lang, 2) for v in plan.changed["value"]])
            st.dataframe(shown[["index_code", "year", "entity", "component_code", "old", "new", "old_rank", "rank"]],
                         hide_index=True, width="stretch")
        if plan.is_noop:
            st.info("Tệp này không làm thay đổi gì (đã được nhập trước đó)." if V else
                    "This file changes nothing (already imported).")
            continue
        if st.button("Ghi vào cơ sở dữ liệu" if V else "Commit", key=f"commit_{key}", type="primary"):
            try:
                batch_id = commit(store, plan, user.name)
            except ReformdashError as e:
                st.error(e.message)
            else:
                st.success(f"Đã ghi lô {batch_id}: thêm {len(plan.added)}, thay đổi {len(plan.changed)}." if V
                            else f"Written as batch {batch_id}: {len(plan.added)} added, {len(plan.changed)} "
                            "changed.")
                remember = [(raw, code) for raw, code in names.items()]
                for raw, code in remember:  # a name matched by hand is remembered as an alias for next time
                    try:
                        add_alias(store, code, raw, user.name, lang)
                    except ReformdashError:
                        pass  # already known, or names another entity: the import itself is done
                st.session_state.pop(f"ov_{key}", None)
                st.session_state.pop(f"nm_{key}", None)

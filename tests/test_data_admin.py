"""The Data page (history, revert rule, exports, templates) and the Registry admin page, as functions and as pages."""

from __future__ import annotations

import csv
import io

import openpyxl
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from pages._auth import User
from reformdash import auth, catalog_admin, exports, goals, service
from reformdash.batches import commit
from reformdash.catalog import Catalog
from reformdash.errors import ReformdashError
from reformdash.ingest.importer import ImportOptions
from reformdash.registry import Registry

from .conftest import ROOT
from .helpers import xlsx_bytes


@pytest.fixture
def demo(store):
    """The fixture store with the demo data loaded."""
    service.init(store)
    return store


def import_rows(store, rows, user="an", name="pci_2021.xlsx"):
    """Import a small PCI table as `user`; returns the batch id."""
    data = xlsx_bytes({"PCI 2021": [["Tỉnh", "PCI"], *rows]})
    return commit(store, service.plan_file(store, data, name, ImportOptions(index="PCI", year=2021)), user)


def filled(template: bytes, rows: list[list]) -> bytes:
    """A template with rows typed into its first sheet."""
    wb = openpyxl.load_workbook(io.BytesIO(template))
    ws = wb.worksheets[0]
    for row in rows:
        ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# export -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["=1+2", "+84 912", "-abc", "@SUM(A1)", "=HYPERLINK(\"http://x\")", "\tx"])
def test_formula_like_text_is_neutralised(text):
    assert exports.neutralise_cell(text) == "'" + text


@pytest.mark.parametrize("value", [-3.5, -2, 0, 7.25, "Quảng Ninh", "", None, "a=b"])
def test_numbers_and_plain_text_are_left_alone(value):
    assert exports.neutralise_cell(value) == value


def test_export_neutralises_text_but_keeps_negative_numbers_as_numbers():
    frame = pd.DataFrame({"name": ["=cmd|' /C calc'!A0", "Hà Nội", "-bad"], "value": [-1.5, 2.0, None],
                          "rank": pd.array([1, None, 3], dtype="Int64")})
    wb = openpyxl.load_workbook(io.BytesIO(exports.to_xlsx(frame)))
    ws = wb.active
    assert [c.value for c in ws[1]] == ["name", "value", "rank"]
    assert ws["A2"].value == "'=cmd|' /C calc'!A0" and ws["A2"].data_type == "s"
    assert ws["A4"].value == "'-bad"
    assert ws["B2"].value == -1.5 and ws["B2"].data_type == "n"
    assert ws["B4"].value is None and ws["C3"].value is None
    text = exports.to_csv(frame).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1] == ["'=cmd|' /C calc'!A0", "-1.5", "1"]
    assert rows[3][0] == "'-bad"


def test_csv_has_a_bom_and_a_vietnamese_header(demo):
    data = exports.export_bytes(demo, "PCI", 2018, 2019, ("22", "01"), "csv", "vi")
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["Chỉ số", "Năm", "Mã", "Tỉnh/Đơn vị", "Chỉ số thành phần", "Điểm", "Xếp hạng", "Trên tổng số",
                       "Nhóm xếp hạng", "Mẫu"]
    body = rows[1:]
    assert {r[2] for r in body} == {"22", "01"} and {r[1] for r in body} == {"2018", "2019"}
    overall = [r for r in body if r[1] == "2019" and r[2] == "22" and r[4] == ""]
    assert overall and overall[0][6] == "1" and overall[0][7] == "63"


def test_export_in_english_and_xlsx_keeps_numbers(demo):
    frame = exports.export_frame(demo, "PAPI", 2019, 2019, None, "en")
    assert list(frame.columns)[:5] == ["Index", "Year", "Code", "Entity", "Component"]
    assert frame["Year"].eq(2019).all() and frame["Code"].nunique() == 63
    wb = openpyxl.load_workbook(io.BytesIO(exports.export_bytes(demo, "PAPI", 2019, 2019, (), "xlsx", "en")))
    assert wb.sheetnames == ["Data", "About"]
    assert isinstance(wb["Data"]["F2"].value, float)


def test_sample_rows_are_marked_in_the_export(demo):
    frame = exports.export_frame(demo, "SIPAS", 2000, 2100)
    assert not frame.empty and frame["Mẫu"].eq("MẪU").all()


def test_an_exported_selection_can_be_imported_again(demo):
    data = exports.export_bytes(demo, "PCI", 2019, 2019, (), "xlsx", "vi")
    plan = service.plan_file(demo, data, "pci_2019_export.xlsx", ImportOptions())
    assert plan.is_noop or (not len(plan.added) and not len(plan.changed))


# templates --------------------------------------------------------------------------------------------
def validations(ws) -> dict[str, str]:
    """First cell column letter -> list formula of each data validation."""
    return {str(dv.sqref).split(":")[0].rstrip("0123456789"): dv.formula1 for dv in ws.data_validations.dataValidation}


def list_values(wb, formula: str) -> list:
    sheet = formula.lstrip("=").split("!")[0]
    return [c.value for c in wb[sheet]["A"][1:]]


def test_the_results_template_has_headers_instructions_and_lists(demo):
    wb = openpyxl.load_workbook(io.BytesIO(exports.template_results(demo)))
    ws = wb.worksheets[0]
    assert [c.value for c in ws[1]] == ["Chỉ số", "Năm", "Tỉnh/Đơn vị", "Chỉ số thành phần", "Điểm", "Xếp hạng"]
    assert "Hướng dẫn" in wb.sheetnames and "KHÔNG ghi 0" in " ".join(c.value or "" for c in wb["Hướng dẫn"]["A"])
    lists = validations(ws)
    assert set(lists) >= {"A", "B", "C"}
    assert list_values(wb, lists["A"])[:4] == ["PAR_INDEX", "SIPAS", "PAPI", "PCI"]
    assert "Quảng Ninh" in list_values(wb, lists["C"]) and "Bộ Tư pháp" in list_values(wb, lists["C"])
    assert 2019 in list_values(wb, lists["B"])
    hidden = [s.title for s in wb.worksheets if s.sheet_state == "hidden"]
    assert {lists[c].lstrip("=").split("!")[0] for c in "ABC"} <= set(hidden)


def test_a_filled_results_template_imports(demo):
    data = filled(exports.template_results(demo), [
        ["PCI", 2021, "Quảng Ninh", None, 70.5, 1], ["PCI", 2021, "TP.HCM", None, 65.25, 2],
        ["PCI", 2021, "Quảng Ninh", "Tính minh bạch", 7.1, None], ["PCI", 2021, "TP.HCM", "Tính minh bạch", 6.0, None],
    ])  # 2021: the demo holds PCI up to 2020
    plan = service.plan_file(demo, data, "mau_ket_qua_chi_so.xlsx", ImportOptions())
    added = plan.added.set_index(["entity_code", "component_code"])
    assert len(added) == 4 and set(plan.added["year"]) == {2021}
    assert added.loc[("79", ""), "value"] == 65.25 and added.loc[("22", "transparency"), "value"] == 7.1
    assert commit(demo, plan, "an") is not None


def test_the_unit_template_lists_the_units_of_a_parent_and_imports(demo):
    template = exports.template_units(demo, "22-SYT")
    wb = openpyxl.load_workbook(io.BytesIO(template))
    lists = validations(wb.worksheets[0])
    assert list_values(wb, lists["A"]) == ["SYT_CCHC"]
    assert "Bệnh viện Phổi" in list_values(wb, lists["C"])
    assert "Cải cách thể chế" in list_values(wb, lists["D"])
    data = filled(template, [["SYT_CCHC", 2019, "Bệnh viện Phổi", None, 81.5, None],
                             ["SYT_CCHC", 2019, "Bệnh viện Phổi", "Cải cách thể chế", 77, None],
                             ["SYT_CCHC", 2019, "Bệnh viện Bãi Cháy", None, 79, None]])
    plan = service.plan_file(demo, data, "mau_ket_qua_don_vi.xlsx", ImportOptions(level="unit", parent="22-SYT"))
    assert len(plan.added) == 3
    assert set(plan.added["entity_code"]) == {"22-SYT-benhvienphoi", "22-SYT-benhvienbaichay"}
    assert set(plan.added["component_code"]) == {"", "the_che"}


def test_the_goals_template_lists_kinds_and_imports(store):
    template = exports.template_goals(store)
    wb = openpyxl.load_workbook(io.BytesIO(template))
    ws = wb.worksheets[0]
    assert [c.value for c in ws[1]][:7] == ["Chỉ số", "Chỉ số thành phần", "Đơn vị", "Loại mục tiêu", "Mục tiêu",
                                            "Năm gốc", "Năm mục tiêu"]
    lists = validations(ws)
    assert list_values(wb, lists["D"]) == list(exports.goal_kind_choices().values())
    assert {"A", "C", "F", "G"} <= set(lists)
    assert [goals.parse_kind(w)[0] for w in exports.goal_kind_choices().values()] == list(exports.goal_kind_choices())
    data = filled(template, [
        ["PCI", None, "Quảng Ninh", exports.goal_kind_choices()["rank_up"], 3, 2016, 2019, "tăng 3 bậc"],
        ["PAPI", "Tất cả", "Quảng Ninh", exports.goal_kind_choices()["yoy_increase"], None, None, 2019, None],
        ["SIPAS", None, "Quảng Ninh", exports.goal_kind_choices()["value_at_least"], 90, None, 2025, None],
        ["PCI", None, "Hà Nội", exports.goal_kind_choices()["rank_at_most"], 10, None, 2025, None],
    ])
    assert goals.import_goals(store, data, "mau_muc_tieu.xlsx") == 4
    stored = goals.list_goals(store)
    assert sorted(stored["kind"]) == sorted(exports.goal_kind_choices())


# history and revert -----------------------------------------------------------------------------------
@pytest.mark.parametrize("user, role, owner, allowed", [
    ("an", "editor", "an", True), ("an", "editor", "binh", False), ("an", "admin", "binh", True),
    ("an", "viewer", "an", False), (None, None, "an", False), ("an", "admin", "an", True),
])
def test_an_editor_reverts_only_their_own_batches_an_admin_any(user, role, owner, allowed):
    assert exports.can_revert(user, role, owner) is allowed


def test_revert_refuses_another_editors_batch_and_lets_an_admin(store):
    batch = import_rows(store, [["Quảng Ninh", 70.0], ["Hà Nội", 60.0]], user="binh")
    with pytest.raises(ReformdashError, match="binh"):
        exports.revert_batch(store, batch, "an", "editor")
    result = exports.revert_batch(store, batch, "root", "admin")
    assert result == {"batch_id": batch, "removed": 2, "restored": 0}
    history = exports.batch_history(store)
    assert history.loc[history.id == batch, "reverted_at"].notna().all()
    assert "Đã hoàn tác lô" in exports.revert_summary(result)


def test_the_history_table_and_the_original_file(store):
    data = xlsx_bytes({"PCI 2021": [["Tỉnh", "PCI"], ["Quảng Ninh", 70.0]]})
    batch = commit(store, service.plan_file(store, data, "pci_2021.xlsx", ImportOptions(index="PCI", year=2021)), "an")
    table = exports.history_table(exports.batch_history(store))
    assert list(table.columns) == ["Lô", "Thời điểm", "Người thực hiện", "Tệp", "Trang tính", "Chỉ số", "Các năm",
                                   "Thêm", "Sửa", "Không đổi", "Mẫu", "Đã hoàn tác"]
    assert table.iloc[0]["Người thực hiện"] == "an" and table.iloc[0]["Thêm"] == 1
    assert exports.batch_file(store, batch) == ("pci_2021.xlsx", data)
    question = exports.revert_question(exports.batch_history(store).iloc[0].to_dict())
    assert "pci_2021.xlsx" in question and "1 giá trị" in question


@pytest.mark.parametrize("years, shown", [("2005,2006,2007,2010", "2005–2007, 2010"), ("2019", "2019"), ("", ""),
                                          (None, "")])
def test_a_batch_years_are_shown_as_spans(years, shown):
    assert exports.year_spans(years) == shown


# registry admin ---------------------------------------------------------------------------------------
def changes(store) -> list[tuple]:
    return [tuple(r) for r in store.df("registry_changes_list", lang="vi")[
        ["user_name", "action", "entity_code", "index_code"]].itertuples(index=False)]


def test_adding_and_renaming_a_unit_is_recorded_and_the_old_name_still_matches(store):
    code = catalog_admin.add_unit(store, None, "Sở Tư pháp", "22", user="root")
    assert code == "22-sotuphap"
    catalog_admin.rename_unit(store, code, "Sở Tư pháp tỉnh Quảng Ninh", user="root")
    reg = Registry.load(store)
    assert reg.entities[code].name_vi == "Sở Tư pháp tỉnh Quảng Ninh"
    assert reg.resolve("Sở Tư pháp", ("unit",)) == code == reg.resolve("Sở Tư pháp tỉnh Quảng Ninh", ("unit",))
    assert changes(store) == [("root", "rename_unit", code, None), ("root", "add_unit", code, None)]
    table = catalog_admin.registry_changes(store)
    assert table.iloc[0]["Chi tiết"] == "Sở Tư pháp → Sở Tư pháp tỉnh Quảng Ninh"
    assert table.iloc[0]["Thao tác"] == "Đổi tên đơn vị"


@pytest.mark.parametrize("name, parent, message", [
    ("", "22", "Chưa có tên"), ("Sở Y tế", "99", "Không có cơ quan chủ quản"), ("Sở  y tế", "22", "Đã có đơn vị"),
])
def test_a_bad_unit_is_refused_with_a_clear_message(store, name, parent, message):
    catalog_admin.add_unit(store, None, "Sở Y tế", "22", user="root")
    with pytest.raises(ReformdashError, match=message):
        catalog_admin.add_unit(store, None, name, parent, user="root")
    assert len(changes(store)) == 1


def test_the_same_unit_name_under_another_parent_is_fine(store):
    a = catalog_admin.add_unit(store, None, "Sở Y tế", "22", user="root")
    b = catalog_admin.add_unit(store, None, "Sở Y tế", "01", user="root")
    assert a != b


def test_an_alias_is_added_and_recorded(store):
    catalog_admin.add_alias(store, "22", "QNinh", user="root")
    assert Registry.load(store).resolve("Q. Ninh") == "22"
    assert changes(store) == [("root", "add_alias", "22", None)]


@pytest.mark.parametrize("code, alias, message", [
    ("22", "Hà Nội", "đã dùng cho Hà Nội"), ("22", "Quảng Ninh", "đã là tên của"), ("22", "  ", "Chưa có"),
    ("XX", "abc", "Không có đơn vị"),
])
def test_a_bad_alias_is_refused(store, code, alias, message):
    with pytest.raises(ReformdashError, match=message):
        catalog_admin.add_alias(store, code, alias, user="root")
    assert changes(store) == []


def test_only_units_are_renamed(store):
    with pytest.raises(ReformdashError, match="không phải đơn vị"):
        catalog_admin.rename_unit(store, "22", "Quảng Ninh mới", user="root")


def test_a_custom_index_is_added_with_components_and_recorded(store):
    comps = catalog_admin.parse_components("the_che; Cải cách thể chế\nCải cách thủ tục hành chính\n")
    assert comps == [("the_che", "Cải cách thể chế"), ("cai_cach_thu_tuc_hanh_chinh", "Cải cách thủ tục hành chính")]
    catalog_admin.add_index(store, "ddci qn", "Chỉ số DDCI Quảng Ninh", entity_kind="unit", first_year=2018,
                            components=comps, user="root")
    catalog = Catalog.load(store)
    assert catalog.indices["DDCI_QN"].entity_kind == "unit"
    assert set(catalog.components["DDCI_QN"]) == {"the_che", "cai_cach_thu_tuc_hanh_chinh"}
    assert changes(store) == [("root", "add_index", None, "DDCI_QN")]


@pytest.mark.parametrize("code, name, comps, message", [
    ("PCI", "Chỉ số khác", [], "đã có"), ("X", "Tên", [], "không hợp lệ"),
    ("NEW_IX", "Chỉ số năng lực cạnh tranh cấp tỉnh", [], "Đã có chỉ số tên"),
    ("NEW_IX", "Tên", [("a", "Một"), ("a", "Hai")], "bị lặp"), ("NEW_IX", "Tên", [("A B", "Một")], "không hợp lệ"),
])
def test_a_bad_custom_index_is_refused(store, code, name, comps, message):
    with pytest.raises(ReformdashError, match=message):
        catalog_admin.add_index(store, code, name, components=comps, user="root")
    assert changes(store) == []


# pages ------------------------------------------------------------------------------------------------
ACCOUNTS = {"an": "editor", "binh": "editor", "xem": "viewer", "root": "admin"}


def add_accounts(store) -> None:
    """The accounts the page tests sign in as (sessions re-check the role in the database on every run)."""
    for name, role in ACCOUNTS.items():
        auth.add_user(store, name, role, "mot-mat-khau-dai")


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("data_pages") / "demo.duckdb"
    store = service.open_store(str(path))
    service.init(store)
    add_accounts(store)
    store.close()
    return str(path)


def open_page(page: str, user: User | None, lang: str = "vi") -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.query_params["lang"] = lang
    if user is not None:
        at.session_state["user"] = user
    return at.switch_page(f"pages/{page}.py").run()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_an_editor_sees_the_history_and_the_downloads(monkeypatch, demo_db, lang):
    monkeypatch.setenv("REFORMDASH_DB", demo_db)
    at = open_page("data", User("an", "editor"), lang)
    assert not at.exception, [e.message for e in at.exception]
    assert at.title[0].value == ("Dữ liệu" if lang == "vi" else "Data")
    table = at.dataframe[0].value
    assert len(table) == 8 and ("Tệp" if lang == "vi" else "File") in table.columns  # with the sample plan
    # the original file, xlsx and csv exports, three templates
    assert len(at.get("download_button")) == 6
    # the demo batches were imported by "reformdash": editor "an" may not revert them
    assert "revert_ask" not in [b.key for b in at.button]


def test_an_admin_reverts_with_a_confirmation(monkeypatch, tmp_path):
    path = str(tmp_path / "revert.duckdb")
    store = service.open_store(path)
    service.init(store, demo=False)
    batch = import_rows(store, [["Quảng Ninh", 70.0], ["Hà Nội", 60.0]], user="an")
    add_accounts(store)
    store.close()
    monkeypatch.setenv("REFORMDASH_DB", path)
    at = open_page("data", User("an", "editor"))
    assert not at.exception, [e.message for e in at.exception]
    at.button(key="revert_ask").click().run()
    assert any(f"Hoàn tác lô {batch}" in w.value for w in at.warning)
    at.button(key="revert_yes").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert any("Đã hoàn tác lô" in s.value and "gỡ 2 giá trị" in s.value for s in at.success)
    assert "revert_ask" not in [b.key for b in at.button]


def test_a_viewer_is_refused_on_the_data_page(monkeypatch, demo_db):
    monkeypatch.setenv("REFORMDASH_DB", demo_db)
    at = open_page("data", User("xem", "viewer"))
    assert not at.exception
    assert at.error and not at.get("download_button") and not at.dataframe


def test_the_registry_page_refuses_editors(monkeypatch, demo_db):
    monkeypatch.setenv("REFORMDASH_DB", demo_db)
    at = open_page("admin", User("an", "editor"))
    assert not at.exception
    assert at.error and not at.text_input


def test_an_admin_adds_a_unit_on_the_registry_page(monkeypatch, tmp_path):
    path = str(tmp_path / "admin.duckdb")
    store = service.open_store(path)
    service.init(store, demo=False)
    add_accounts(store)
    store.close()
    monkeypatch.setenv("REFORMDASH_DB", path)
    at = open_page("admin", User("root", "admin"))
    assert not at.exception, [e.message for e in at.exception]
    at.text_input(key="unit_name").input("Sở Nội vụ")
    at.selectbox(key="unit_parent").select("22")
    at.button(key="unit_add_submit").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert any("Sở Nội vụ" in s.value for s in at.success)
    log = at.dataframe[0].value
    assert log.iloc[0]["Người thực hiện"] == "root" and "Sở Nội vụ" in log.iloc[0]["Chi tiết"]
    at.text_input(key="unit_name").input("Sở  nội vụ")
    at.selectbox(key="unit_parent").select("22")
    at.button(key="unit_add_submit").click().run()
    assert any("Đã có đơn vị «Sở Nội vụ»" in e.value for e in at.error)
    assert len(at.dataframe[0].value) == 1


def test_the_registry_page_runs_in_english(monkeypatch, demo_db):
    monkeypatch.setenv("REFORMDASH_DB", demo_db)
    at = open_page("admin", User("root", "admin"), "en")
    assert not at.exception, [e.message for e in at.exception]
    assert at.title[0].value == "Registry" and at.selectbox(key="rename_code").options


def test_reverting_on_the_data_page_restores_the_earlier_values(monkeypatch, tmp_path):
    path = str(tmp_path / "restore.duckdb")
    store = service.open_store(path)
    service.init(store, demo=False)
    import_rows(store, [["Quảng Ninh", 70.0], ["Hà Nội", 60.0]], user="an")
    second = import_rows(store, [["Quảng Ninh", 75.5], ["Hà Nội", 60.0]], user="an", name="pci_2021_sua.xlsx")
    add_accounts(store)
    store.close()
    monkeypatch.setenv("REFORMDASH_DB", path)
    at = open_page("data", User("an", "editor"))
    at.button(key="revert_ask").click().run()  # the newest batch is selected first
    assert any(f"Hoàn tác lô {second}" in w.value for w in at.warning)
    at.button(key="revert_yes").click().run()
    assert any("khôi phục 1 giá trị cũ" in s.value for s in at.success), [s.value for s in at.success]
    store = service.open_store(path)
    try:
        values = service.scores(store, "PCI", 2021).set_index("entity_code")["value"]
    finally:
        store.close()
    assert values["22"] == 70.0 and values["01"] == 60.0


def test_only_an_admin_gets_the_backup_download_and_it_restores(monkeypatch, demo_db, tmp_path):
    import io
    import zipfile

    from reformdash import backup

    monkeypatch.setenv("REFORMDASH_DB", demo_db)
    editor = open_page("data", User("an", "editor"))
    assert len(editor.tabs) == 3 and len(editor.get("download_button")) == 6  # no backup tab, no backup button
    admin = open_page("data", User(next(n for n, r in ACCOUNTS.items() if r == "admin"), "admin"))
    assert not admin.exception, [e.message for e in admin.exception]
    assert [t.label for t in admin.tabs][-1] == "Sao lưu" and len(admin.get("download_button")) == 7
    store = service.open_store(demo_db)
    try:
        data = backup.backup_bytes(store)  # what the button hands out when pressed
    finally:
        store.close()
    assert "manifest.json" in zipfile.ZipFile(io.BytesIO(data)).namelist()
    (tmp_path / "b.zip").write_bytes(data)
    backup.restore(tmp_path / "b.zip", tmp_path / "restored.duckdb")
    restored = service.open_store(str(tmp_path / "restored.duckdb"))
    assert restored.rows("score_count")[0][0] > 30_000
    restored.close()

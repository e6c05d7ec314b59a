"""The upload page: editors load real workbooks and unit results, correct columns, commit; viewers are refused."""

import pytest
from streamlit.testing.v1 import AppTest

from pages._auth import User
from reformdash import service

from .conftest import REAL, ROOT

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
needs_real = pytest.mark.skipif(not REAL.is_dir(), reason=f"real workbooks absent ({REAL}); skipped")


@pytest.fixture
def empty_db(tmp_path, monkeypatch):
    path = tmp_path / "upload.duckdb"
    store = service.open_store(str(path))
    service.init(store, demo=False)
    store.close()
    monkeypatch.setenv("REFORMDASH_DB", str(path))
    return path


def upload_page(role: str = "editor", lang: str = "vi") -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=180)
    at.session_state["user"] = User("an", role)
    at.query_params["lang"] = lang
    return at.switch_page("pages/upload.py").run()


def commit_button(at):
    return next(b for b in at.button if b.key and b.key.startswith("commit_"))


def scores(path, index, year=None):
    store = service.open_store(str(path))
    try:
        return service.scores(store, index, year)
    finally:
        store.close()


@needs_real
@pytest.mark.parametrize("relative, index, year, provinces", [
    ("pci/PCI 2005.xls", "PCI", 2005, 42),                      # ranks and tiers on their own sheet
    ("pci/PCI 2010.xls", "PCI", 2010, 63),                      # every column sorted on its own
    ("pci/PCI 2019.xlsx", "PCI", 2019, 63),                     # English summary with look-up rows
    ("papi/PAPI 2011-2019.xlsx", "PAPI", 2017, 63),             # one sheet per year, two header rows
    ("papi/PAPI 2018 FULL vie.xlsx", "PAPI", 2018, 61),         # provinces as columns, KCDL cells
    ("pci/PCI 2006.xls", "PCI", 2006, 64),                      # Hà Tây, a rank column with no header
    ("pci/PCI 2009.xls", "PCI", 2009, 63),                      # blank first row, two header rows, codes
    ("pci/PCI 2014.xlsx", "PCI", 2014, 63),                     # sheets calamine refuses (openpyxl fallback)
    ("papi/2019_PAPI_Provincial_indicators2019_VIE_ENG.xlsx", "PAPI", 2019, 63),  # a row of GSO codes
    ("papi/PAPI 2019 eng.xlsx", "PAPI", 2019, 63),              # dimension sheets sorted by score
])
def test_an_editor_uploads_a_real_workbook_and_commits_it(empty_db, relative, index, year, provinces):
    at = upload_page()
    path = REAL / relative
    at.get("file_uploader")[0].upload(path.name, path.read_bytes(), XLSX).run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert any(index in m.value and str(year) in m.value for m in at.markdown)
    commit_button(at).click().run()
    assert at.success and "Đã ghi lô" in at.success[0].value
    overall = scores(empty_db, index, year)
    assert (overall["component"] == "").sum() == provinces


@needs_real
def test_the_new_year_appears_on_the_dashboard_after_a_commit(empty_db):
    at = upload_page()
    path = REAL / "pci" / "PCI 2019.xlsx"
    at.get("file_uploader")[0].upload(path.name, path.read_bytes(), XLSX).run()
    commit_button(at).click().run()
    overview = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120).run()
    assert any(m.label == "PCI 2019" or "73,40" in m.value for m in overview.metric)


def test_unit_results_need_a_parent_and_create_units(empty_db):
    at = upload_page()
    rows = ["Chỉ số,Năm,Đơn vị,Điểm"] + [f"PAR_INDEX,{y},{u},{80 + i + y % 7}" for y in (2023, 2024)
                                        for i, u in enumerate(["Bệnh viện Bãi Cháy", "Trung tâm Y tế Vân Đồn",
                                                               "Trung tâm Kiểm soát bệnh tật"])]
    at.get("file_uploader")[0].upload("ket_qua_don_vi.csv", "\n".join(rows).encode(), "text/csv").run()
    level = next(s for s in at.selectbox if s.key and s.key.startswith("lv_"))
    level.set_value("unit").run()
    parent = next(s for s in at.selectbox if s.key and s.key.startswith("pa_"))
    parent.set_value("22").run()
    assert at.error, "unknown units are refused until the user agrees to create them"
    next(c for c in at.checkbox if c.key and c.key.startswith("cu_")).check().run()
    assert not at.error, [e.value for e in at.error]
    commit_button(at).click().run()
    assert at.success
    stored = scores(empty_db, "PAR_INDEX")
    assert len(stored) == 6 and set(stored["entity_name"]) == {"Bệnh viện Bãi Cháy", "Trung tâm Y tế Vân Đồn",
                                                               "Trung tâm Kiểm soát bệnh tật"}


def test_an_editor_corrects_a_column_the_importer_did_not_understand(empty_db):
    at = upload_page()
    data = "Tỉnh,Điểm bình quân,Tính minh bạch\nHà Nội,65.5,6.1\nQuảng Ninh,73.4,7.2\nĐà Nẵng,70.1,8.0\n"
    at.get("file_uploader")[0].upload("pci_2019.csv", data.encode(), "text/csv").run()
    column = next(s for s in at.selectbox if "Điểm bình quân" in s.label)
    assert column.value == "ignore"
    column.set_value("overall").run()
    assert any("Điểm tổng" in str(d.value) for d in at.dataframe)
    commit_button(at).click().run()
    overall = scores(empty_db, "PCI", 2019)
    assert overall.set_index(["entity_code", "component"]).loc[("22", ""), "value"] == 73.4


def test_a_bad_file_shows_the_place_and_writes_nothing(empty_db):
    at = upload_page()
    at.get("file_uploader")[0].upload("pci_2019.csv", "Tỉnh,PCI\nHà Nội,-5\nQuảng Ninh,70\n".encode(),
                                      "text/csv").run()
    assert at.error and not [b for b in at.button if b.key and b.key.startswith("commit_")]
    problems = at.dataframe[-1].value
    assert list(problems.iloc[0][["Dòng", "Cột"]]) == [2, "B (PCI)"]
    assert scores(empty_db, "PCI").empty


def test_a_viewer_sees_no_upload_controls_and_is_refused(empty_db):
    at = upload_page(role="viewer")
    assert at.error and not at.get("file_uploader")
    assert "Tải dữ liệu" not in at.session_state["_menu"]


def test_an_unknown_name_is_matched_by_hand_and_remembered(empty_db):
    at = upload_page()
    data = "Tỉnh,PCI\nHà Nội,65.5\nQuang Nimh,73.4\nĐà Nẵng,70.1\n"
    at.get("file_uploader")[0].upload("pci_2019.csv", data.encode(), "text/csv").run()
    assert at.error, "the unknown name blocks the commit"
    pick = next(s for s in at.selectbox if "Quang Nimh" in s.label)
    assert "22" in pick.options or any("Quảng Ninh" in o for o in pick.options)
    pick.set_value("22").run()
    assert not at.error, [e.value for e in at.error]
    commit_button(at).click().run()
    assert scores(empty_db, "PCI", 2019).set_index("entity_code").loc["22", "value"] == 73.4
    store = service.open_store(str(empty_db))
    try:
        from reformdash.registry import Registry

        assert Registry.load(store).resolve("Quang Nimh") == "22"  # remembered for the next file
    finally:
        store.close()


def test_the_sheet_and_the_header_row_can_be_said(empty_db):
    from .helpers import xlsx_bytes

    data = xlsx_bytes({"Ghi chú": [["Bảng này chỉ là ghi chú"]],
                       "Số liệu": [["Báo cáo"], ["Tỉnh", "Chỉ số PCI"], ["Hà Nội", 65.5], ["Quảng Ninh", 73.4]]})
    at = upload_page()
    at.get("file_uploader")[0].upload("pci_2019.xlsx", data, XLSX).run()
    sheet = next(s for s in at.selectbox if s.key and s.key.startswith("sh_"))
    assert "Số liệu" in sheet.options
    sheet.set_value("Số liệu").run()
    assert any("dòng tiêu đề 2" in m.value for m in at.markdown), [m.value for m in at.markdown]
    commit_button(at).click().run()
    assert len(scores(empty_db, "PCI", 2019)) == 2

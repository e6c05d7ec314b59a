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
    problems = at.table[-1].value  # a table that wraps: the problem is read whole, not cut at its column's edge
    assert list(problems.iloc[0][["Dòng", "Cột"]]) == ["2", "B (PCI)"]
    assert problems.iloc[0]["Vấn đề"].startswith("giá trị") and len(problems.iloc[0]["Vấn đề"]) > 40
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


WIDGETS = ("selectbox", "multiselect", "text_input", "text_area", "number_input", "checkbox", "toggle", "radio",
           "button", "slider", "select_slider", "date_input", "time_input", "color_picker")


def widget_count(at) -> int:
    return sum(len(at.get(kind)) for kind in WIDGETS)


def test_two_files_with_the_same_content_are_one_import(empty_db):
    at = upload_page()
    data = "Tỉnh,PCI\nHà Nội,65.5\nQuảng Ninh,73.4\n".encode()
    uploader = at.get("file_uploader")[0]
    uploader.upload("pci_2019.csv", data, "text/csv")
    uploader.upload("pci_2019 (1).csv", data, "text/csv").run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("pci_2019 (1).csv" in i.value and "chỉ được nhập một lần" in i.value for i in at.info)
    assert len([b for b in at.button if b.key and b.key.startswith("commit_")]) == 1
    commit_button(at).click().run()
    assert not at.exception and at.success
    assert len(scores(empty_db, "PCI", 2019)) == 2


def test_five_thousand_unknown_names_draw_a_page_not_five_thousand_widgets(empty_db):
    at = upload_page()
    rows = ["Tỉnh,PCI"] + [f"Nơi số {i} không có thật,{50 + i % 40}" for i in range(5000)]
    at.get("file_uploader")[0].upload("pci_2019.csv", "\n".join(rows).encode(), "text/csv").run()
    assert not at.exception, [e.value for e in at.exception]
    assert widget_count(at) < 100, widget_count(at)
    names = next(d for d in at.dataframe if "Tên trong tệp" in d.value.columns).value
    assert len(names) == 50 and names["Trạng thái"].eq("chưa nhận ra").all()
    assert any("Trang 1/100" in c.value for c in at.caption)
    pick = next(s for s in at.selectbox if s.key and s.key.startswith("nr_"))
    assert len(pick.options) == 50
    next(t for t in at.text_input if t.key and t.key.startswith("ns_")).input("số 4999").run()
    names = next(d for d in at.dataframe if "Tên trong tệp" in d.value.columns).value
    assert list(names["Tên trong tệp"]) == ["Nơi số 4999 không có thật"]
    assert widget_count(at) < 100


def make_departments(path):
    """Two health departments, each with a «Bệnh viện Đa khoa tỉnh» and a «Trung tâm Pháp y», and their index."""
    from reformdash.catalog_admin import add_index, add_unit

    store = service.open_store(str(path))
    try:
        add_index(store, "CCHC_YT", "Chấm điểm CCHC ngành y tế", unit="điểm", entity_kind="unit")
        for parent, name, province in (("SYT-KT", "Sở Y tế Kon Tum", "62"), ("SYT-QN", "Sở Y tế Quảng Ninh", "22")):
            add_unit(store, parent, name, province)
            for unit in ("Bệnh viện Đa khoa tỉnh", "Trung tâm Pháp y", "Trung tâm Kiểm soát bệnh tật"):
                add_unit(store, f"{parent}-{len(unit)}", unit, parent)
        add_unit(store, "SYT-QN-PHOI", "Bệnh viện Phổi", "SYT-QN")
    finally:
        store.close()


KT_SHEET = ("Đơn vị,Điểm,Xếp hạng\nTrung tâm Pháp y,70,2\nBệnh viện đa khoa tỉnh Kon Tum,80,1\n"
            "Khối dự phòng,75,\nPhòng khám Mới,60,3\n")


def kon_tum_upload(at, data=KT_SHEET):
    at.get("file_uploader")[0].upload("cham_diem_2024.csv", data.encode(), "text/csv").run()
    next(s for s in at.selectbox if s.key and s.key.startswith("ix_")).set_value("CCHC_YT").run()
    next(s for s in at.number_input if s.key and s.key.startswith("yr_")).set_value(2024).run()
    next(s for s in at.selectbox if s.key and s.key.startswith("lv_")).set_value("unit").run()
    next(s for s in at.selectbox if s.key and s.key.startswith("pa_")).set_value("SYT-KT").run()
    return at


def name_choice(at, name):
    next(s for s in at.selectbox if s.key and s.key.startswith("nr_")).set_value(name).run()
    return next(s for s in at.selectbox if s.key and s.key.startswith("nc_") and name in s.label)


def stored_units(path):
    store = service.open_store(str(path))
    try:
        frame = store.df("scores", index_code="CCHC_YT", year=None, entity_code=None, lang="vi")
        from reformdash.registry import Registry

        return frame, Registry.load(store)
    finally:
        store.close()


def test_a_unit_is_matched_only_among_the_parents_units_each_shown_with_code_and_parent(empty_db):
    make_departments(empty_db)
    at = kon_tum_upload(upload_page())
    assert at.error, "three names are unknown"
    choice = name_choice(at, "Bệnh viện đa khoa tỉnh Kon Tum")
    units = choice.options[3:]  # after «(chưa chọn)», «bỏ qua», «tạo đơn vị mới»
    assert choice.options[:3] == ["(chưa chọn)", "không phải đơn vị / bỏ qua", "tạo đơn vị mới"]
    assert len(units) == 3, "the whole list of the parent's units, and only them"
    assert all(u.endswith(" · Sở Y tế Kon Tum") for u in units), units
    assert units[0] == "Bệnh viện Đa khoa tỉnh · SYT-KT-22 · Sở Y tế Kon Tum", "the closest comes first"
    assert not any("Quảng Ninh" in u or "Phổi" in u for u in units)
    choice.set_value("SYT-KT-22").run()
    name_choice(at, "Khối dự phòng").set_value("-").run()
    name_choice(at, "Phòng khám Mới").set_value("+").run()
    assert not at.error, [e.value for e in at.error]
    commit_button(at).click().run()
    assert at.success, [e.value for e in at.error]
    frame, registry = stored_units(empty_db)
    by_unit = frame.set_index("entity_code")["value"].to_dict()
    new = registry.resolve("Phòng khám Mới", ("unit",), parent="SYT-KT")
    assert by_unit == {"SYT-KT-22": 80.0, "SYT-KT-16": 70.0, new: 60.0}, "skipped row left out, new unit created"
    assert registry.entities[new].parent_code == "SYT-KT"
    # the hand-made match is remembered for this department only
    assert registry.resolve("Bệnh viện đa khoa tỉnh Kon Tum", ("unit",), parent="SYT-KT") == "SYT-KT-22"
    assert registry.resolve("Bệnh viện đa khoa tỉnh Kon Tum", ("unit",), parent="SYT-QN") is None
    assert registry.resolve("Khối dự phòng", ("unit",), parent="SYT-KT") is None


def test_names_matched_by_hand_are_rolled_back_with_a_failed_commit(empty_db, monkeypatch):
    import reformdash.batches as batches
    from reformdash.errors import ReformdashError

    at = upload_page()
    at.get("file_uploader")[0].upload("pci_2019.csv", "Tỉnh,PCI\nHà Nội,65.5\nQuang Nimh,73.4\n".encode(),
                                      "text/csv").run()
    name_choice(at, "Quang Nimh").set_value("22").run()

    def broken(tx):
        raise ReformdashError("ổ đĩa đầy", "Lỗi ghi")

    with monkeypatch.context() as patch:
        patch.setattr(batches, "bump_version", broken)  # the commit's last statement fails
        commit_button(at).click().run()
    assert any("ổ đĩa đầy" in e.value for e in at.error) and not at.success
    store = service.open_store(str(empty_db))
    try:
        from reformdash.registry import Registry

        assert Registry.load(store).resolve("Quang Nimh") is None, "no alias without its batch"
    finally:
        store.close()
    assert scores(empty_db, "PCI").empty
    commit_button(at).click().run()
    assert at.success, [e.value for e in at.error]
    assert scores(empty_db, "PCI", 2019).set_index("entity_code").loc["22", "value"] == 73.4


def test_a_refused_name_writes_no_score(empty_db):
    from reformdash.catalog_admin import add_alias

    at = upload_page()
    at.get("file_uploader")[0].upload("pci_2019.csv", "Tỉnh,PCI\nHà Nội,65.5\nQuang Nimh,73.4\n".encode(),
                                      "text/csv").run()
    name_choice(at, "Quang Nimh").set_value("22").run()
    store = service.open_store(str(empty_db))
    try:
        add_alias(store, "01", "Quang Nimh", "binh")  # meanwhile another editor taught it to mean Hà Nội
    finally:
        store.close()
    at.run()
    commit_button(at).click().run()
    assert any("Quang Nimh" in e.value and "Hà Nội" in e.value for e in at.error) and not at.success
    assert scores(empty_db, "PCI").empty


def test_an_editor_creates_the_departments_index_in_one_step(empty_db):
    make_departments(empty_db)
    at = upload_page()
    sheet = "Đơn vị,Điểm,Xếp hạng\nBệnh viện Đa khoa tỉnh,80,1\nTrung tâm Pháp y,70,2\n"
    at.get("file_uploader")[0].upload("Chấm điểm CCHC Sở Y tế Kon Tum 2024.csv", sheet.encode(), "text/csv").run()
    next(s for s in at.number_input if s.key and s.key.startswith("yr_")).set_value(2024).run()
    next(s for s in at.selectbox if s.key and s.key.startswith("lv_")).set_value("unit").run()
    next(s for s in at.selectbox if s.key and s.key.startswith("pa_")).set_value("SYT-KT").run()
    name = next(t for t in at.text_input if t.key and t.key.startswith("nin_"))
    assert name.value == "Chấm điểm CCHC Sở Y tế Kon Tum"
    assert next(n for n in at.number_input if n.key and n.key.startswith("nihi_")).value == 100
    next(t for t in at.text_input if t.key and t.key.startswith("nic_")).input("CCHC_SYT_KT")
    next(b for b in at.button if "Tạo chỉ số" in b.label).click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert next(s for s in at.selectbox if s.key and s.key.startswith("ix_")).value == "CCHC_SYT_KT"
    assert not at.error, [e.value for e in at.error]
    commit_button(at).click().run()
    assert at.success
    store = service.open_store(str(empty_db))
    try:
        index = next(r for r in store.rows("catalog_indices") if r[0] == "CCHC_SYT_KT")
        changes = store.df("registry_changes_list", lang="vi")
    finally:
        store.close()
    assert index[1] == "Chấm điểm CCHC Sở Y tế Kon Tum" and (index[3], index[4], index[5]) == ("điểm", 0, 100)
    assert "an" in set(changes["user_name"])
    assert len(scores(empty_db, "CCHC_SYT_KT")) == 2


def test_the_column_meanings_are_the_cli_column_option_words(store):
    from reformdash.catalog import Catalog
    from reformdash.upload import import_columns, meaning_options

    options = meaning_options(Catalog.load(store), "PCI", "vi")
    plain = [o for o in options if not o.startswith("component:")]
    assert sorted(plain) == ["ignore", "overall", "rank", "rank_of", "tier", "year"]
    assert sum(o.startswith("component:") for o in options) >= 9
    assert import_columns({("csv", 2): "component:minh_bach", ("csv", 3): "rank"}) == {
        ("csv", 2): "minh_bach", ("csv", 3): "rank"}


def test_the_index_proposed_takes_its_name_and_scale_from_the_sheet():
    from reformdash.upload import index_proposal

    from .helpers import xlsx_bytes

    data = xlsx_bytes({"Tổng hợp": [
        ["BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM CCHC CÁC ĐƠN VỊ TRỰC THUỘC NĂM 2024"], [],
        ["STT", "Đơn vị", "Tiêu chí", None, "Tổng điểm (100 điểm)", "Xếp hạng"],
        [None, None, "Chỉ đạo điều hành (10 điểm)", "Tác động của CCHC (20 điểm)"],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"], [1, "Bệnh viện Đa khoa tỉnh", 8, 15, 80, 1]]})
    proposal = index_proposal(data, "Book1.xlsx", "Sở Y tế Kon Tum")
    assert proposal == {"code": "BANG_TONG_HOP_KET_QUA_CHAM_DIEM", "name": "BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM CCHC "
                        "CÁC ĐƠN VỊ TRỰC THUỘC", "unit": "điểm", "scale_min": 0.0, "scale_max": 100.0}
    plain = index_proposal("Đơn vị,Tỷ lệ (%)\nA,80\n".encode(), "Book1.csv", "Sở Y tế Kon Tum")
    assert (plain["name"], plain["unit"], plain["scale_max"]) == ("Chấm điểm CCHC của Sở Y tế Kon Tum", "%", 100.0)


def test_the_names_table_speaks_english_by_the_language_switch(empty_db):
    at = upload_page(lang="en")
    at.get("file_uploader")[0].upload("pci_2019.csv", "Tỉnh,PCI\nHà Nội,65.5\nQuang Nimh,73.4\n".encode(),
                                      "text/csv").run()
    assert not at.exception
    names = next(d for d in at.dataframe if "Name in the file" in d.value.columns).value
    assert list(names["Match"]) == ["unknown"]
    choice = name_choice(at, "Quang Nimh")
    assert choice.options[:2] == ["(not chosen)", "not a unit / skip"] and "Quang Ninh · 22" in choice.options[2:5]
    choice.set_value("22").run()
    commit_button(at).click().run()
    assert at.success and "Written as batch" in at.success[0].value


def test_an_index_is_not_created_once_the_editor_role_is_gone(empty_db):
    at = upload_page()
    at.get("file_uploader")[0].upload("Chấm điểm CCHC Sở Y tế Kon Tum 2024.csv",
                                      "Đơn vị,Điểm\nA,80\nB,70\n".encode(), "text/csv").run()
    next(s for s in at.selectbox if s.key and s.key.startswith("lv_")).set_value("unit").run()
    at.session_state["user"] = User("an", "viewer")  # the role was taken away while the form was open
    next(b for b in at.button if "Tạo chỉ số" in b.label).click().run()
    store = service.open_store(str(empty_db))
    try:
        assert not [r for r in store.rows("catalog_indices") if r[0].startswith("CHAM_DIEM")]
    finally:
        store.close()

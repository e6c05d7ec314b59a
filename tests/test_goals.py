"""Goals (Mục tiêu): kinds and their Vietnamese wording, import, status and distance, the merger, the CLI."""

import io
import json
import shutil
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pandas as pd
import pytest

from reformdash import goals, service
from reformdash.batches import commit
from reformdash.cli import main
from reformdash.errors import ImportRejected, NotFound
from reformdash.ingest.importer import ImportOptions
from reformdash.store import Store, query_text
from tests.helpers import xlsx_bytes

VI_HEADER = "Chỉ số,Chỉ số thành phần,Đơn vị,Loại mục tiêu,Mục tiêu,Năm gốc,Năm mục tiêu\n"
EN_HEADER = "index,component,entity,kind,target,base_year,target_year\n"

# A small PCI field (6 provinces), ranks published with their field ("2/6": a partial table gets no computed ranks):
# 2017: Đà Nẵng 1, Quảng Ninh 2, Bắc Ninh 3, Hà Nội 4, Hải Phòng 5, Cần Thơ 6
# 2018: Cần Thơ has no data
# 2019: Quảng Ninh and Đà Nẵng tied 1st, Hải Phòng 3, Hà Nội 4, Bắc Ninh 5, Cần Thơ 6
FIELD = {
    "pci_2017.csv": "Tỉnh,PCI,Xếp hạng\nHà Nội,60,4/6\nQuảng Ninh,70,2/6\nĐà Nẵng,72,1/6\nBắc Ninh,65,3/6\n"
                    "Hải Phòng,58,5/6\nCần Thơ,55,6/6\n",
    "pci_2018.csv": "Tỉnh,PCI,Xếp hạng\nHà Nội,62,4/5\nQuảng Ninh,70.5,2/5\nĐà Nẵng,73,1/5\nBắc Ninh,66,3/5\n"
                    "Hải Phòng,60,5/5\n",
    "pci_2019.csv": "Tỉnh,PCI,Xếp hạng\nHà Nội,66,4/6\nQuảng Ninh,71,1/6\nĐà Nẵng,71,1/6\nBắc Ninh,64,5/6\n"
                    "Hải Phòng,70.5,3/6\nCần Thơ,50,6/6\n",
}


@pytest.fixture
def field(store):
    """The fresh store with the small PCI field of FIELD."""
    for name, text in FIELD.items():
        plan = service.plan_file(store, text.encode("utf-8"), name, ImportOptions())
        commit(store, plan, "tester")
    return store


@pytest.fixture(scope="session")
def demo_file(demo_db):
    """The shared demo database (tests work on copies)."""
    return Path(demo_db)


@pytest.fixture
def demo(demo_file, tmp_path):
    """A copy of the demo database."""
    path = tmp_path / "demo.duckdb"
    shutil.copy(demo_file, path)
    s = Store(path)
    s.migrate()
    s.cursor().execute("DELETE FROM goal")  # whatever goals init may load (sample ones too), tests start without
    yield s
    s.close()


def import_csv(store, text, name="muc_tieu.csv", header=VI_HEADER, lang="vi"):
    return goals.import_goals(store, (header + text).encode("utf-8"), name, lang)


def status_of(store, row, lang="vi", header=VI_HEADER):
    """Import one goal row and return its evaluated row."""
    import_csv(store, row + "\n", header=header)
    result = goals.evaluate_goals(store, lang)
    assert len(result) == 1
    return result.iloc[0]


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


# kinds in Vietnamese ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, kind, number", [
    ("rank_up", "rank_up", None),
    ("RANK AT MOST", "rank_at_most", None),
    ("value_at_least", "value_at_least", None),
    ("yoy_increase", "yoy_increase", None),
    ("tăng bậc", "rank_up", None),
    ("Tăng 05 bậc so với năm 2022", "rank_up", 5),
    ("tăng ít nhất 3 bậc", "rank_up", 3),
    ("tang hang", "rank_up", None),
    ("top", "rank_at_most", None),
    ("Top 10", "rank_at_most", 10),
    ("Nằm trong nhóm 10 tỉnh dẫn đầu", "rank_at_most", 10),
    ("xếp thứ 5 trở lên", "rank_at_most", 5),
    ("không thấp hơn", "value_at_least", None),
    ("Không thấp hơn 90%", "value_at_least", 90),
    ("≥ 90%", "value_at_least", 90),
    (">= 50,5", "value_at_least", 50.5),
    ("đạt tối thiểu 80 điểm", "value_at_least", 80),
    ("Năm sau cao hơn năm trước", "yoy_increase", None),
    ("nam sau cao hon nam truoc", "yoy_increase", None),
    ("tăng hằng năm", "yoy_increase", None),
    ("giảm", None, None),
    ("", None, None),
])
def test_goal_kinds_are_read_from_codes_and_vietnamese_wording(text, kind, number):
    assert goals.parse_kind(text) == (kind, number)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("code", sorted(goals.GOAL_KINDS))
def test_each_goal_kind_is_one_entry_whose_words_read_back_as_it(code, lang):
    """Issue 14 A: a kind's words, parser, judge and template label live in one GOAL_KINDS entry."""
    from reformdash.words import t

    kind = goals.GOAL_KINDS[code]
    assert kind.code == code and callable(getattr(goals._Evaluator, kind.judge))
    for key in (kind.name_key, kind.label_key):  # the editor's and the template's words are read back
        assert goals.parse_kind(t(key, lang))[0] == code
    assert goals.kind_word(code, lang) == t(kind.name_key, lang)
    assert t(kind.help_key, lang).strip()


def test_the_kinds_offered_everywhere_are_the_registry(store):
    from reformdash import exports

    assert goals.KINDS == tuple(goals.GOAL_KINDS) == tuple(exports.goal_kind_choices())
    _frame, choices = goals.editor_frame(store, "en")
    assert [goals.parse_kind(w)[0] for w in choices["Kind"]] == list(goals.KINDS)


def test_a_cell_naming_several_indices_gives_one_goal_each(store, catalog):
    assert goals.parse_indices("Chỉ số PAR INDEX, PAPI, PCI", catalog) == ["PAR_INDEX", "PAPI", "PCI"]
    assert goals.parse_indices("Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính "
                               "nhà nước", catalog) == ["SIPAS"]
    assert import_csv(store, "\"PAR INDEX, PAPI, PCI\",,Quảng Ninh,Năm sau cao hơn năm trước,,2022,2024\n") == 3
    assert sorted(goals.list_goals(store)["index"]) == ["PAPI", "PAR_INDEX", "PCI"]


# each kind: met / not met / no data --------------------------------------------------------------------
@pytest.mark.parametrize("row, status, actual, distance", [
    # rank_up: Hải Phòng 5th -> 3rd
    ("PCI,,Hải Phòng,tăng bậc,2,2017,2019", "met", 2, 0),
    ("PCI,,Hải Phòng,tăng 3 bậc,,2017,2019", "not_met", 2, 0.5),  # 2nd needs 71 (Quảng Ninh/Đà Nẵng)
    ("PCI,,Bắc Ninh,rank_up,1,2017,2019", "not_met", -2, 7.0),  # 3rd -> 5th; 2nd place scored 71
    ("PCI,,Cần Thơ,tăng bậc,1,2018,2019", "no_data", None, None),
    # rank_at_most
    ("PCI,,Hà Nội,top,4,,2019", "met", 4, 0),
    ("PCI,,Hà Nội,Nằm trong nhóm 3 dẫn đầu,,,2019", "not_met", 4, 4.5),  # 3rd place scored 70.5
    ("PCI,,Cần Thơ,top 3,,,2018", "no_data", None, None),
    # value_at_least
    ("PCI,,Quảng Ninh,không thấp hơn,71,,2019", "met", 71, 0),
    ("PCI,,Quảng Ninh,≥ 72,,,2019", "not_met", 71, 1.0),
    ("PCI,,Cần Thơ,value_at_least,50,,2018", "no_data", None, None),
    # yoy_increase
    ("PCI,,Hà Nội,Năm sau cao hơn năm trước,,2017,2019", "met", 2, 0),
    ("PCI,,Đà Nẵng,năm sau cao hơn năm trước,,2017,2019", "not_met", 1, 2.0),
    ("PCI,,Cần Thơ,yoy_increase,,2017,2019", "no_data", None, None),
])
def test_each_kind_is_met_not_met_or_without_data(field, row, status, actual, distance):
    result = status_of(field, row)
    assert result["status"] == status, result["detail"]
    if actual is None:
        assert pd.isna(result["actual"]) and pd.isna(result["distance"])
    else:
        assert result["actual"] == pytest.approx(actual)
    if distance is not None:
        assert result["distance"] == pytest.approx(distance)


def test_a_rank_up_goal_not_met_says_how_many_points_the_required_rank_needed(field):
    result = status_of(field, "PCI,,Bắc Ninh,tăng 1 bậc,,2017,2019")
    # 3rd in 2017, so 2nd was needed in 2019: the other entities' 2nd best value is 71 (a tie at the top)
    assert result["distance"] == pytest.approx(71 - 64)
    assert result["detail"] == ("Năm 2019 xếp thứ 5/6, giảm 2 bậc so với năm 2017 (thứ 3/6; mục tiêu tăng 1 bậc, "
                                "tức thứ 2 trở lên): chưa đạt; để đạt thứ 2 cần thêm 7,00 điểm "
                                "(điểm của vị trí thứ 2 là 71,00 điểm).")


@pytest.mark.parametrize("row, status", [
    ("PCI,,Đà Nẵng,top 1,,,2019", "met"),  # tied first with Quảng Ninh: a tie at N is within N
    ("PCI,,Quảng Ninh,tăng 1 bậc,,2017,2019", "met"),  # 2nd -> tied 1st
])
def test_a_tie_in_rank_counts_as_that_rank(field, row, status):
    assert status_of(field, row)["status"] == status


def test_reaching_the_value_at_the_required_rank_is_enough_because_ties_share_the_rank(field):
    result = status_of(field, "PCI,,Bắc Ninh,top 4,,,2019")
    assert result["status"] == "not_met"
    assert result["distance"] == pytest.approx(66 - 64)  # Hà Nội's 66 is 4th; equal to it ties at 4th


def test_an_entity_already_first_meets_a_rank_up_goal_by_staying_first(field):
    result = status_of(field, "PCI,,Quảng Ninh,tăng 5 bậc,,2017,2019")
    assert result["status"] == "met" and "đã đứng đầu" in result["detail"]


def test_a_missing_year_is_named_in_the_detail(field):
    result = status_of(field, "PCI,,Cần Thơ,tăng 1 bậc,,2018,2019")
    assert result["detail"] == "Không có số liệu năm 2018: chưa có dữ liệu."


def test_every_missing_year_of_a_yoy_goal_is_named(field):
    result = status_of(field, "PCI,,Cần Thơ,yoy_increase,,2016,2019")
    assert result["status"] == "no_data"  # 2016 and 2018 missing: no pair of years to compare
    assert result["detail"] == ("Giai đoạn 2016–2019: — (2016) → 55,00 (2017) → — (2018) → 50,00 (2019); "
                                "thiếu số liệu năm 2016, 2018: chưa có dữ liệu.")


def test_a_year_that_fell_fails_a_yoy_goal_even_when_another_year_is_missing(field):
    result = status_of(field, "PCI,,Đà Nẵng,yoy_increase,,2016,2019")
    assert result["status"] == "not_met" and "năm 2019 không cao hơn năm trước" in result["detail"]


def test_a_future_target_year_has_no_data_but_shows_the_provisional_position(field):
    result = status_of(field, "PCI,,Quảng Ninh,top 3,,,2030")
    assert result["status"] == "no_data" and pd.isna(result["actual"])
    assert result["detail"] == ("Chưa có kết quả năm 2030 (số liệu mới nhất: năm 2019): chưa có dữ liệu. "
                                "Tạm tính theo kết quả năm 2019: năm 2019 xếp thứ 1/6 (mục tiêu: trong nhóm 3 "
                                "dẫn đầu): đạt.")


def test_the_detail_is_english_with_lang_en(field):
    import_csv(field, "PCI,,Hà Nội,top 3,,,2019\n")
    detail = goals.evaluate_goals(field, "en").iloc[0]["detail"]
    assert detail == ("In 2019 ranked 4/6 (goal: top 3): not met; rank 3 needed 4.50 more points "
                      "(rank 3 scored 70.50 points).")


def test_values_are_written_the_vietnamese_way(field):
    detail = status_of(field, "PCI,,Hải Phòng,không thấp hơn,70.75,,2019")["detail"]
    assert detail == "Năm 2019 đạt 70,50 điểm (mục tiêu không thấp hơn 70,75 điểm): chưa đạt; còn thiếu 0,25 điểm."


# the 2025 merger ----------------------------------------------------------------------------------------
def test_percentile_is_one_for_the_first_and_zero_for_the_last():
    assert goals.percentile(1, 63) == 1 and goals.percentile(63, 63) == 0 and goals.percentile(1, 1) == 1
    assert goals.percentile(12, 34) == pytest.approx(22 / 33)


def test_a_rank_goal_across_the_merger_compares_percentiles_and_says_so(demo):
    result = status_of(demo, "PAR INDEX,,Quảng Ninh,tăng 5 bậc,,2022,2025")
    # 15/63 in 2022 (percentile 77.4%), 19/34 in 2025 (45.5%); +5 places = 10/63 = 85.5% = 5th of 34
    assert result["status"] == "not_met"
    assert "phân vị 45,5%" in result["detail"] and "phân vị 77,4%" in result["detail"]
    assert "so sánh theo thứ hạng phần trăm" in result["detail"] and "01/07/2025" in result["detail"]
    assert "thứ 5/34" in result["detail"]
    assert result["actual"] == pytest.approx(round((15 / 33 - 48 / 62) * 62, 1))
    english = goals.evaluate_goals(demo, "en").iloc[0]["detail"]
    assert "percentile ranks were compared" in english


def test_a_rank_goal_in_one_field_does_not_mention_percentiles(demo):
    detail = status_of(demo, "PAR INDEX,,Quảng Ninh,tăng 1 bậc,,2022,2024")["detail"]
    assert "phân vị" not in detail and "xếp thứ 17/63" in detail


def test_top_n_after_the_merger_refers_to_the_new_field(demo):
    result = status_of(demo, "PAR INDEX,,Quảng Ninh,top 20,,,2025")
    assert result["status"] == "met" and "19/34" in result["detail"]


def test_every_component_checks_each_component_valid_in_those_years(demo):
    result = status_of(demo, "PAR INDEX,tất cả,Quảng Ninh,năm sau cao hơn năm trước,,2023,2024")
    # 2022-2025 components: 8, without "modernisation" (to 2021)
    assert "8 chỉ số thành phần" in result["detail"]
    assert result["status"] in ("met", "not_met")
    assert "Hiện đại hóa" not in result["detail"]


# import: headers, blank base year, re-import -------------------------------------------------------------
@pytest.mark.parametrize("header", [VI_HEADER, EN_HEADER, VI_HEADER.upper(), "chi so,chi so thanh phan,don vi,"
                                    "loai muc tieu,muc tieu,nam goc,nam muc tieu\n"],
                         ids=["vietnamese", "english", "upper case", "no diacritics"])
def test_vietnamese_and_english_headers_are_accepted(store, header):
    import_csv(store, "PCI,,Quảng Ninh,tăng bậc,3,2017,2019\n", header=header)
    stored = goals.list_goals(store).iloc[0]
    assert (stored["index"], stored["entity_code"], stored["kind"], stored["target"], stored["base_year"],
            stored["target_year"]) == ("PCI", "22", "rank_up", 3, 2017, 2019)


def test_the_header_row_is_found_under_title_rows_in_an_xlsx(store):
    data = xlsx_bytes({"Mục tiêu 2025": [
        ["KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025"],
        [],
        ["STT", "Chỉ số", "Chỉ số thành phần", "Đơn vị", "Loại mục tiêu", "Mục tiêu", "Năm gốc", "Năm mục tiêu"],
        [1, "SIPAS", None, "Quảng Ninh", "≥", 0.9, None, 2025],
        [2, "PCI", "Tính minh bạch", 22, "top", 10, None, 2019],
    ]})
    assert goals.import_goals(store, data, "ke_hoach.xlsx") == 2
    stored = goals.list_goals(store)
    assert stored["target"].tolist() == [90, 10]  # Excel keeps a cell shown as 90% as 0.9
    assert stored["component"].tolist() == ["", "transparency"]
    assert stored["entity_code"].tolist() == ["22", "22"]


def test_a_blank_base_year_of_yoy_increase_means_the_year_before(store):
    import_csv(store, "PAPI,,Quảng Ninh,Năm sau cao hơn năm trước,,,2019\n")
    assert goals.list_goals(store).iloc[0]["base_year"] == 2018


def test_importing_the_same_goal_again_updates_its_target_instead_of_duplicating_it(store):
    import_csv(store, "PCI,,Quảng Ninh,top,5,,2019\nPCI,,Quảng Ninh,tăng bậc,3,2017,2019\n")
    version = store.data_version()
    import_csv(store, "PCI,,Quảng Ninh,top,3,,2019\n", name="sua.csv")
    stored = goals.list_goals(store)
    assert len(stored) == 2
    assert stored.set_index("kind").loc["rank_at_most", "target"] == 3
    assert store.data_version() > version


def test_the_same_goal_with_two_targets_in_one_file_is_rejected(store):
    with pytest.raises(ImportRejected) as e:
        import_csv(store, "PCI,,Quảng Ninh,top,5,,2019\nPCI,,Quảng Ninh,top,3,,2019\n")
    assert "dòng 3" in e.value.message and "dòng 2" in e.value.message


# bad rows: rejected with their place, nothing written ----------------------------------------------------
@pytest.mark.parametrize("row, column, fragment", [
    ("PCX,,Quảng Ninh,top,5,,2019", "A (Chỉ số)", "không có chỉ số «PCX»"),
    ("PCI,,Quảng Nin,top,5,,2019", "C (Đơn vị)", "có phải là: Quảng Ninh"),
    ("PCI,,Quảng Ninh,giảm,5,,2019", "D (Loại mục tiêu)", "không nhận ra loại mục tiêu «giảm»"),
    ("PCI,,Quảng Ninh,top,năm,,2019", "E (Mục tiêu)", "phải là thứ hạng"),
    ("PCI,,Quảng Ninh,tăng bậc,2.5,2017,2019", "E (Mục tiêu)", "số bậc cần tăng"),
    ("SIPAS,,Quảng Ninh,≥,120,,2025", "E (Mục tiêu)", "ngoài thang điểm 0–100"),
    ("PCI,,Quảng Ninh,top 5,10,,2019", "E (Mục tiêu)", "loại mục tiêu ghi 5"),
    ("PCI,,Quảng Ninh,năm sau cao hơn năm trước,5,2017,2019", "E (Mục tiêu)", "không cần giá trị mục tiêu"),
    ("PCI,,Quảng Ninh,top,5,,20x9", "G (Năm mục tiêu)", "không phải là năm"),
    ("PCI,,Quảng Ninh,top,5,,1990", "G (Năm mục tiêu)", "năm 1990 không hợp lệ cho PCI"),
    ("PCI,,Quảng Ninh,top,5,,2999", "G (Năm mục tiêu)", "không hợp lệ"),
    ("PCI,,Quảng Ninh,top,5,,", "G (Năm mục tiêu)", "cần nhập năm mục tiêu"),
    ("PCI,,Quảng Ninh,tăng bậc,3,2019,2017", "F (Năm gốc)", "phải trước năm mục tiêu 2017"),
    ("PCI,,Quảng Ninh,tăng bậc,3,,2019", "F (Năm gốc)", "cần nhập năm gốc"),
    ("PCI,Sức khỏe,Quảng Ninh,top,5,,2019", "B (Chỉ số thành phần)", "không có chỉ số thành phần «Sức khỏe»"),
    ("PCI,tất cả,Quảng Ninh,top,5,,2019", "B (Chỉ số thành phần)", "chỉ dùng với loại"),
    ("PAPI,Quản trị môi trường,Quảng Ninh,≥,5,,2016", "B (Chỉ số thành phần)", "không có năm 2016"),
    ("PAR INDEX,,Kon Tum,top,5,,2026", "C (Đơn vị)", "không tồn tại vào năm 2026"),
])
def test_a_bad_goal_row_is_rejected_with_its_place_and_nothing_is_written(store, row, column, fragment):
    version = store.data_version()
    text = "PCI,,Quảng Ninh,top,5,,2018\n" + row + "\n"  # a good first row is not written either
    with pytest.raises(ImportRejected) as e:
        import_csv(store, text, name="ke_hoach.csv")
    message = e.value.message
    assert "Tệp «ke_hoach.csv»" in message and "dòng 3" in message and f"cột {column}" in message
    assert fragment in message, message
    assert goals.list_goals(store).empty and store.data_version() == version


def test_a_bad_row_in_an_xlsx_names_the_sheet_in_english_too(store):
    data = xlsx_bytes({"Goals": [EN_HEADER.strip().split(","), ["PCI", None, "Atlantis", "top", 5, None, 2019]]})
    with pytest.raises(ImportRejected) as e:
        goals.import_goals(store, data, "plan.xlsx", lang="en")
    assert e.value.message.startswith("File 'plan.xlsx', sheet 'Goals', row 2, column C (entity), value 'Atlantis'")


@pytest.mark.parametrize("content", [b"a,b,c\n1,2,3\n", b"%PDF-1.4 not a table"], ids=["no header", "not a sheet"])
def test_a_file_that_is_not_a_goals_table_is_rejected(store, content):
    with pytest.raises(ImportRejected):
        goals.import_goals(store, content, "x.csv")
    assert goals.list_goals(store).empty


# the page's editor --------------------------------------------------------------------------------------
def test_saving_the_edited_table_replaces_the_goals_and_keeps_their_ids(store):
    import_csv(store, "PCI,,Quảng Ninh,top,5,,2019\nPCI,,Quảng Ninh,tăng bậc,3,2017,2019\n")
    table = goals.list_goals(store)
    table.loc[0, "target"] = 2
    table = table.drop(index=1)
    new = {"index": "SIPAS", "component": "", "entity_code": "", "entity_name": "Quảng Ninh",
           "kind": "không thấp hơn", "target": 90, "base_year": None, "target_year": 2025}
    table = pd.concat([table, pd.DataFrame([new])], ignore_index=True)
    table["entity"] = table["entity_name"]
    goals.save_goals(store, table)
    stored = goals.list_goals(store)
    assert stored["kind"].tolist() == ["rank_at_most", "value_at_least"]
    assert stored["target"].tolist() == [2, 90]
    assert stored["id"].iloc[0] == table["id"].iloc[0]


def test_saving_a_bad_edited_row_changes_nothing(store):
    import_csv(store, "PCI,,Quảng Ninh,top,5,,2019\n")
    table = goals.list_goals(store)
    table.loc[0, "kind"] = "giảm"
    with pytest.raises(ImportRejected) as e:
        goals.save_goals(store, table)
    assert "bảng mục tiêu" in e.value.message and "dòng 1" in e.value.message and "cột kind" in e.value.message
    assert goals.list_goals(store)["kind"].tolist() == ["rank_at_most"]


def test_a_goal_can_be_deleted_and_an_unknown_one_is_not_found(store):
    import_csv(store, "PCI,,Quảng Ninh,top,5,,2019\n")
    goal_id = int(goals.list_goals(store).iloc[0]["id"])
    goals.delete_goal(store, goal_id)
    assert goals.list_goals(store).empty
    with pytest.raises(NotFound):
        goals.delete_goal(store, goal_id)


def test_no_goals_evaluate_to_an_empty_table_with_the_columns(store):
    assert list(goals.evaluate_goals(store).columns) == goals.RESULT_COLUMNS


# the demo goals -----------------------------------------------------------------------------------------
def test_the_demo_goals_cover_every_kind_and_every_status(demo):
    assert goals.load_demo_goals(demo) == 10
    assert goals.load_demo_goals(demo) == 0  # only into an empty table
    result = goals.evaluate_goals(demo)
    assert set(result["kind"]) == set(goals.KINDS)
    assert set(result["status"]) == set(goals.STATUSES)
    assert (result["entity_code"].str.startswith("22")).all()
    assert result["detail"].str.len().gt(20).all()


# queries ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name, params", [
    ("goal_list", {"lang": "vi"}), ("goal_scores", {}), ("goal_latest_years", {}), ("goal_mergers", {}),
    ("goal_count", {}),
])
def test_every_goal_query_returns_its_documented_columns(store, name, params):
    documented = query_text(name).split("-- columns:")[1].split("\n")[0]
    expected = [c.strip() for c in documented.split(",")]
    assert list(store.df(name, **params).columns) == expected


# CLI ----------------------------------------------------------------------------------------------------
@pytest.fixture
def cli_db(demo_file, tmp_path):
    path = tmp_path / "cli.duckdb"
    shutil.copy(demo_file, path)
    s = Store(path)
    s.cursor().execute("DELETE FROM goal")
    s.close()
    return str(path)


def test_cli_goals_import_and_status_as_csv(cli_db, tmp_path):
    plan = tmp_path / "ke_hoach.csv"
    plan.write_text(VI_HEADER + "PCI,,Quảng Ninh,top,5,,2019\nPAPI,,Quảng Ninh,tăng 5 bậc,,2017,2019\n",
                    encoding="utf-8")
    code, out, _ = run("--db", cli_db, "goals", "import", str(plan))
    assert code == 0 and "Đã nhập 2 mục tiêu" in out
    code, out, _ = run("--db", cli_db, "goals", "status", "--format", "csv")
    assert code == 0
    frame = pd.read_csv(io.StringIO(out), dtype={"entity_code": str}, keep_default_na=False)
    assert list(frame.columns) == ["index", "component", "entity_code", "entity_name", "kind", "target", "base_year",
                                   "target_year", "actual", "status"]
    assert frame[["index", "kind", "target", "actual", "status"]].values.tolist() == [
        ["PCI", "rank_at_most", 5, 1, "met"], ["PAPI", "rank_up", 5, 29, "met"]]  # PAPI 32nd -> 3rd


def test_the_status_csv_can_be_imported_again_without_duplicating_goals(cli_db, tmp_path):
    plan = tmp_path / "ke_hoach.csv"
    plan.write_text(VI_HEADER + "PCI,,Quảng Ninh,top,5,,2019\n"
                    "PAR INDEX,*,Quảng Ninh,năm sau cao hơn năm trước,,,2025\n", encoding="utf-8")
    assert run("--db", cli_db, "goals", "import", str(plan))[0] == 0
    status = tmp_path / "status.csv"
    status.write_text(run("--db", cli_db, "goals", "status", "--format", "csv")[1], encoding="utf-8")
    code, out, err = run("--db", cli_db, "goals", "import", str(status))
    assert code == 0, err
    code, out, _ = run("--db", cli_db, "goals", "status", "--format", "csv")
    assert pd.read_csv(io.StringIO(out), keep_default_na=False)["component"].tolist() == ["", "*"]


def test_cli_goals_status_as_json_in_english(cli_db, tmp_path):
    plan = tmp_path / "plan.csv"
    plan.write_text(EN_HEADER + "SIPAS,,Quang Ninh,value_at_least,99,,2025\n", encoding="utf-8")
    assert run("--db", cli_db, "goals", "import", str(plan))[0] == 0
    code, out, _ = run("--db", cli_db, "--lang", "en", "goals", "status", "--format", "json")
    rows = json.loads(out)
    assert code == 0 and rows[0]["status"] == "not_met" and rows[0]["entity_name"] == "Quang Ninh"
    assert rows[0]["base_year"] is None and rows[0]["actual"] == 97.5


def test_cli_goals_import_rejects_a_bad_file_with_exit_2(cli_db, tmp_path):
    plan = tmp_path / "ke_hoach.csv"
    plan.write_text(VI_HEADER + "PCI,,Quảng Ninh,top,5,,2019\nPCI,,Quảng Ninh,top,5,,năm sau\n", encoding="utf-8")
    code, out, err = run("--db", cli_db, "goals", "import", str(plan))
    assert code == 2 and "dòng 3" in err and "Năm mục tiêu" in err and "năm sau" in err
    code, out, _ = run("--db", cli_db, "goals", "status", "--format", "csv")
    assert code == 0 and out.strip().count("\n") == 0  # header only: nothing was written


def test_cli_goals_needs_a_subcommand():
    with pytest.raises(SystemExit) as e, redirect_stderr(io.StringIO()):
        main(["goals"])
    assert e.value.code == 2

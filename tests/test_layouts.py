"""The importer understands the shapes real files come in (synthetic files, one shape each)."""

import pytest

from reformdash.errors import ImportRejected

from .helpers import csv_bytes, overall, scores_of, xlsx_bytes

PCI_ROWS = [["Hà Nội", 65.5, 6.1], ["Quảng Ninh", 73.4, 7.2], ["Đà Nẵng", 70.1, 8.0], ["Bắc Ninh", 70.1, 5.5]]


def test_title_rows_two_header_rows_and_line_breaks(catalog, registry):
    data = xlsx_bytes({"Bảng 1": [
        ["BẢNG XẾP HẠNG CHỈ SỐ NĂNG LỰC CẠNH TRANH CẤP TỈNH NĂM 2019"],
        [],
        ["Tỉnh, thành phố", "Chỉ số PCI\ncó trọng số", "Chỉ số thành phần 1"],
        ["Province", "Weighted PCI", "Entry\nCosts"],
        *PCI_ROWS,
    ]})
    scores = scores_of(data, "bang.xlsx", catalog, registry)
    assert set(scores.year) == {2019} and set(scores.index_code) == {"PCI"}
    # four of 63 provinces: a partial table gets no invented ranks
    assert overall(scores)["22"] == (73.4, None, None)
    assert set(scores.component_code) == {"", "entry_costs"}


def test_ranks_are_computed_over_a_whole_field_with_ties_sharing_a_place(catalog, registry):
    provinces = [e for e in registry.entities.values() if e.kind == "province" and e.in_field(2019)]
    assert len(provinces) == 63
    values = {e.code: 50.0 + i / 10 for i, e in enumerate(sorted(provinces, key=lambda e: e.code))}
    values["48"] = values["27"] = 99.0  # a tie at the top of the field
    values["22"] = 99.5
    text = "Tỉnh,PCI\n" + "".join(f"{registry.entities[c].name_vi},{v}\n" for c, v in values.items())
    scores = scores_of(csv_bytes(text), "pci_2019.csv", catalog, registry)
    assert overall(scores)["22"] == (99.5, 1, 63)
    assert overall(scores)["48"][1] == overall(scores)["27"][1] == 2  # ties share a place
    assert sorted(r for _, r, _ in overall(scores).values())[3] == 4  # 1224 ranking skips 3


def test_published_ranks_are_kept_as_published(catalog, registry):
    text = "Tỉnh,PCI,Xếp hạng\nHà Nội,65.5,15\nQuảng Ninh,73.4,1\nĐà Nẵng,70.1,3\n"
    scores = scores_of(csv_bytes(text), "pci_2019.csv", catalog, registry)
    assert overall(scores)["48"][1] == 3 and overall(scores)["01"][1] == 15
    assert overall(scores)["01"][2] == 63  # out of the year's field, not the largest rank in the file


@pytest.mark.parametrize("written, rank, rank_of", [
    ("38/63", 38, 63), ("38 / 63", 38, 63), ("Xếp thứ 38/63", 38, 63), ("thứ 38", 38, 63), ("38", 38, 63),
    ("1/34", 1, 34),
])
def test_ranks_written_with_their_field(catalog, registry, written, rank, rank_of):
    text = f"Tỉnh,PCI,Xếp hạng\nHà Nội,65.5,{written}\n"
    scores = scores_of(csv_bytes(text), "pci_2019.csv", catalog, registry)
    assert overall(scores)["01"] == (65.5, rank, rank_of)


def test_a_rank_larger_than_its_field_is_refused(catalog, registry):
    with pytest.raises(ImportRejected) as e:
        scores_of(csv_bytes("Tỉnh,PCI,Xếp hạng\nHà Nội,65.5,64/63\n"), "pci_2019.csv", catalog, registry)
    assert "64/63" in e.value.message


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1258"])
def test_csv_encodings(catalog, registry, encoding):
    text = "Tỉnh;Chỉ số PCI;Tính minh bạch\nHà Nội;65,5;6,1\nThừa Thiên Huế;66,2;7,25\nQuảng Ninh;73,4;N/A\n"
    scores = scores_of(csv_bytes(text, encoding), "pci 2019.csv", catalog, registry)
    assert overall(scores)["46"][0] == 66.2
    transparency = scores[scores.component_code == "transparency"]
    assert set(transparency.entity_code) == {"01", "46"}  # N/A is missing, not zero


def test_decimal_commas_and_points_mixed_in_one_sheet(catalog, registry):
    data = xlsx_bytes({"S": [["Tỉnh", "PCI"], ["Hà Nội", "65,5"], ["Quảng Ninh", 73.4], ["Đà Nẵng", "70.1"]]})
    assert overall(scores_of(data, "pci2018.xlsx", catalog, registry))["01"][0] == 65.5


def test_summary_rows_under_the_data_are_skipped(catalog, registry):
    rows = [["Tỉnh", "PCI"], *[[r[0], r[1]] for r in PCI_ROWS], ["Trung vị", 68.0], ["Max", 73.4], ["Min", 65.5]]
    scores = scores_of(xlsx_bytes({"S": rows}), "PCI 2017.xlsx", catalog, registry)
    assert len(scores) == 4


def test_years_as_columns(catalog, registry):
    text = "Tỉnh,2017,2018,2019\nHà Nội,60.1,61.2,62.3\nQuảng Ninh,70.1,70.3,73.4\n"
    scores = scores_of(csv_bytes(text), "pci theo nam.csv", catalog, registry, index="PCI")
    assert sorted(scores.year.unique()) == [2017, 2018, 2019]
    assert overall(scores[scores.year == 2019])["22"] == (73.4, None, None)  # two of 63: no ranks


def test_provinces_as_columns(catalog, registry):
    rows = [["Chỉ số", "Hà Nội", "Quảng Ninh", "Đà Nẵng"], ["Chỉ số PCI", 65.5, 73.4, 70.1],
            ["Tính minh bạch", 6.1, 7.2, 8.0]]
    scores = scores_of(xlsx_bytes({"PCI 2019": rows}), "x.xlsx", catalog, registry)
    assert overall(scores)["48"] == (70.1, None, None)


def test_each_column_sorted_on_its_own(catalog, registry):
    rows = [["TT", "Tỉnh", "Tính minh bạch", "", "PCI 2015"],
            [1, "Đà Nẵng", 8.0, "Quảng Ninh", 73.4], [2, "Quảng Ninh", 7.2, "Đà Nẵng", 70.1],
            [3, "Hà Nội", 6.1, "Hà Nội", 65.5]]
    scores = scores_of(xlsx_bytes({"Tong hop": rows}), "pci.xlsx", catalog, registry)
    t = scores[scores.component_code == "transparency"].set_index("entity_code")["value"]
    assert t["48"] == 8.0 and t["01"] == 6.1
    assert overall(scores)["22"] == (73.4, None, None)


def test_long_layout_with_vietnamese_headers(catalog, registry):
    text = ("Chỉ số,Năm,Tỉnh,Chỉ số thành phần,Điểm\nPAPI,2019,Hà Nội,,41.5\nPAPI,2019,Quảng Ninh,,46.7\n"
            "PAPI,2019,Hà Nội,Công khai minh bạch,4.9\n")
    scores = scores_of(csv_bytes(text), "long.csv", catalog, registry)
    assert set(scores.component_code) == {"", "d2"}


def test_index_and_year_must_be_said_when_the_file_does_not(catalog, registry):
    text = "Tỉnh,Điểm tổng\nHà Nội,80.5\nQuảng Ninh,90.1\n"
    with pytest.raises(ImportRejected):
        scores_of(csv_bytes(text), "ketqua.csv", catalog, registry)
    scores = scores_of(csv_bytes("Tỉnh,Chỉ số CCHC\nHà Nội,80.5\nQuảng Ninh,90.1\n"), "ketqua.csv", catalog,
                       registry, year=2023)
    assert set(scores.index_code) == {"PAR_INDEX"} and set(scores.year) == {2023}


def test_ministries_for_par_index(catalog, registry):
    text = "\"Bộ, ngành\",Chỉ số CCHC\nBộ Tư pháp,88.1\nNgân hàng Nhà nước Việt Nam,91.2\nBộ Nội vụ,89\n"
    scores = scores_of(csv_bytes(text), "par_bo_2023.csv", catalog, registry, level="ministry")
    assert overall(scores)["NHNN"] == (91.2, None, None)  # three of the ministries: no invented ranks


def test_units_are_created_only_when_asked(catalog, registry):
    text = "Đơn vị,Điểm\nBệnh viện A,85\nTrung tâm Y tế B,90\n"
    with pytest.raises(ImportRejected) as e:
        scores_of(csv_bytes(text), "donvi.csv", catalog, registry, index="PAR_INDEX", year=2024, level="unit",
                  parent="Quảng Ninh")
    assert "Bệnh viện A" in e.value.message and "--create-units" in e.value.message
    scores = scores_of(csv_bytes(text), "donvi.csv", catalog, registry, index="PAR_INDEX", year=2024, level="unit",
                       parent="Quảng Ninh", create_units=True)
    assert len(scores) == 2 and all(code.startswith("22-") for code in scores.entity_code)


def test_the_user_can_say_which_row_holds_the_headers(catalog, registry):
    rows = [["Tỉnh", "Ghi chú"], ["Năm 2019", ""], ["Tỉnh", "Chỉ số PCI"], ["Hà Nội", 65.5], ["Quảng Ninh", 73.4]]
    scores = scores_of(xlsx_bytes({"S": rows}), "pci_2019.xlsx", catalog, registry, header_row=3)
    assert overall(scores) == {"22": (73.4, None, None), "01": (65.5, None, None)}


def test_names_matched_by_hand_win(catalog, registry):
    text = "Tỉnh,PCI\nHà Nội,65.5\nQuang Nimh,73.4\n"
    scores = scores_of(csv_bytes(text), "pci_2019.csv", catalog, registry, names={"Quang Nimh": "22"})
    assert overall(scores)["22"][0] == 73.4


def test_formulas_are_never_evaluated_only_their_cached_values_read(catalog, registry):
    # openpyxl writes formulas without a cached result; a reader that evaluated them would see 100 here
    data = xlsx_bytes({"S": [["Tỉnh", "PCI"], ["Hà Nội", "=10*10"], ["Quảng Ninh", 73.4], ["Đà Nẵng", 70.1]]})
    scores = scores_of(data, "pci_2019.xlsx", catalog, registry)
    assert "01" not in overall(scores) and overall(scores)["22"][0] == 73.4

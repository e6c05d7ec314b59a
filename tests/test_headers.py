"""Headers are understood by meaning (vocabulary in data/reference), and no numeric column is ever dropped silently."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reformdash.catalog_admin import add_index, add_unit
from reformdash.errors import ImportRejected
from reformdash.ingest import headers
from reformdash.ingest.importer import ImportOptions, inspect_file
from reformdash.registry import Registry
from reformdash.text import strip_accents

from .helpers import csv_bytes, overall, scores_of, xlsx_bytes

THREE = [("Hà Nội", 65.5, 15), ("Quảng Ninh", 73.4, 1), ("Đà Nẵng", 70.1, 3)]


def table(score_header: str, rank_header: str = "Xếp hạng", sep: str = ",") -> bytes:
    """A three-province CSV with a score and a rank column."""
    lines = [sep.join(["Tỉnh", f'"{score_header}"' if sep in score_header else score_header, rank_header])]
    for name, value, rank in THREE:
        shown = str(value).replace(".", ",") if sep == ";" else str(value)
        lines.append(sep.join([name, shown, str(rank)]))
    return csv_bytes("\n".join(lines) + "\n")


@pytest.mark.parametrize(("text", "index", "role", "component"), [
    ("Điểm PCI", "PCI", "overall", ""),
    ("Diem PCI", "PCI", "overall", ""),
    ("Chỉ số PAPI 2019", "PAPI", "overall", ""),
    ("PAR INDEX (%)", "PAR_INDEX", "overall", ""),
    ("Chỉ số hài lòng (%)", "SIPAS", "overall", ""),
    ("SIPAS", "SIPAS", "overall", ""),
    ("PCI score", "PCI", "overall", ""),
    ("Tổng điểm (100 điểm)", "PAR_INDEX", "overall", ""),
    ("Điểm tổng hợp", "PAR_INDEX", "overall", ""),
    ("TONG CONG", "PAR_INDEX", "overall", ""),
    ("Overall", "PCI", "overall", ""),
    ("Xếp hạng PCI", "PCI", "rank", None),
    ("Thứ hạng", "PCI", "rank", None),
    ("Vị trí", "PCI", "rank", None),
    ("Ranking 2019", "PCI", "rank", None),
    ("Xếp loại", "PAR_INDEX", "tier", None),
    ("Nhóm", "PCI", "tier", None),
    ("Năm", "PCI", "year", None),
    ("STT", "PCI", "order", None),
    ("Ghi chú", "PCI", "notes", None),
    ("Điểm Tính minh bạch", "PCI", "target", "transparency"),
    ("Transparency score", "PCI", "target", "transparency"),
    ("Tinh minh bach va tiep can thong tin", "PCI", "target", "transparency"),
    ("Trasparency and Acess to Information", "PCI", "target", "transparency"),  # typos: fuzzy, less sure
])
def test_header_wording_is_read_by_meaning(catalog, text, index, role, component):
    reading = headers.read_header(text, catalog, index)
    assert reading.role == role, reading
    if component is not None:
        assert reading.target is not None and reading.target.component_code == component
    assert 0 < reading.confidence <= 1


def test_a_maximum_in_the_header_is_kept():
    assert headers.maximum_in("Tác động của CCHC (10 điểm)") == 10
    assert headers.maximum_in("Tổng điểm (100 điểm)") == 100
    assert headers.maximum_in("Điểm PCI") is None


@pytest.mark.parametrize("row, expected", [
    (["(1)", "(2)", "(3)", "(4)", "(5)=(3)+(4)"], True),
    ([1, 2, 3, 4, 5, 6], True),
    (["", "Hà Nội", 65.5, 6.1], False),
    (["STT", "Tỉnh", "PCI"], False),
])
def test_numbering_rows(row, expected):
    assert headers.numbering_row(row) is expected


@pytest.mark.parametrize("score_header", ["Điểm PCI", "PCI", "Chỉ số PCI", "PCI 2019", "Điểm số PCI (điểm)",
                                          "PCI score", "Tổng điểm PCI"])
def test_three_province_csv_imports(catalog, registry, score_header):
    scores = scores_of(table(score_header), "pci_2019.csv", catalog, registry)
    assert overall(scores)["22"][:2] == (73.4, 1)
    assert overall(scores)["01"][:2] == (65.5, 15)


def test_semicolon_csv_under_a_title_line_with_commas(catalog, registry):
    text = ("BẢNG XẾP HẠNG PCI, NĂM 2019, NGUỒN VCCI\nTỉnh;Điểm PCI;Xếp hạng\nHà Nội;65,5;15\n"
            "Quảng Ninh;73,4;1\nĐà Nẵng;70,1;3\nNguồn: pcivietnam.vn\n")
    scores = scores_of(csv_bytes(text), "bang.csv", catalog, registry)
    assert overall(scores)["48"][:2] == (70.1, 3)


def test_years_as_columns_each_column_its_own_year(catalog, registry):
    text = "Tỉnh,PCI 2018,PCI 2019\nHà Nội,60.1,65.5\nQuảng Ninh,70.1,73.4\nĐà Nẵng,69,70.1\n"
    scores = scores_of(csv_bytes(text), "PCI 2019.csv", catalog, registry)
    got = {(int(r.year), r.entity_code): r.value for r in scores.itertuples()}
    assert got[(2018, "22")] == 70.1 and got[(2019, "22")] == 73.4 and got[(2018, "48")] == 69


def test_score_and_rank_pairs_per_year(catalog, registry):
    rows = [["BẢNG XẾP HẠNG PCI"], ["Tỉnh", "PCI 2018", "", "PCI 2019", ""], ["", "Điểm", "Hạng", "Điểm", "Hạng"],
            ["Hà Nội", 60.1, 30, 65.5, 15], ["Quảng Ninh", 70.1, 2, 73.4, 1], ["Đà Nẵng", 69.0, 5, 70.1, 3]]
    scores = scores_of(xlsx_bytes({"S": rows}), "pci.xlsx", catalog, registry)
    got = {(int(r.year), r.entity_code): (r.value, r.rank) for r in scores.itertuples()}
    assert got[(2018, "01")] == (60.1, 30) and got[(2019, "01")] == (65.5, 15)


def test_long_table_with_an_index_column(catalog, registry):
    text = ("Chỉ số,Năm,Tỉnh,Điểm\nPCI,2019,Hà Nội,65.5\nPCI,2019,Quảng Ninh,73.4\nPAPI,2019,Hà Nội,45.1\n"
            "PAPI,2019,Quảng Ninh,44.0\n")
    scores = scores_of(csv_bytes(text), "nhieu_chi_so.csv", catalog, registry)
    assert set(scores.index_code) == {"PCI", "PAPI"}


def test_a_numeric_column_of_unknown_meaning_stops_the_import_and_names_the_way_out(catalog, registry):
    text = "Tỉnh,PCI,Điểm XYZ\nHà Nội,65.5,3.2\nQuảng Ninh,73.4,4.1\nĐà Nẵng,70.1,2.2\n"
    with pytest.raises(ImportRejected) as e:
        scores_of(csv_bytes(text), "pci_2019.csv", catalog, registry)
    assert "cột C (Điểm XYZ)" in e.value.message and '--column "Điểm XYZ=' in e.value.message
    scores = scores_of(csv_bytes(text), "pci_2019.csv", catalog, registry, columns={"Điểm XYZ": "ignore"})
    assert overall(scores)["22"][0] == 73.4
    scores = scores_of(csv_bytes(text), "pci_2019.csv", catalog, registry, columns={"C": "component:transparency"})
    assert scores[scores.component_code == "transparency"].shape[0] == 3


def test_unused_columns_are_listed_with_reasons(catalog, registry):
    text = ("STT,Tỉnh,Province,PCI,Ghi chú\n1,Hà Nội,Ha Noi,65.5,x\n2,Quảng Ninh,Quang Ninh,73.4,\n"
            "3,Đà Nẵng,Da Nang,70.1,\n")
    found = inspect_file(csv_bytes(text), "pci_2019.csv", catalog, registry, ImportOptions())
    reasons = {letter: why for _, letter, _, why in found.analysis().unused}
    assert reasons == {"A": "số thứ tự", "C": "trùng cột tên", "E": "ghi chú"}


def test_no_table_message_says_what_was_found_and_the_option(catalog, registry):
    text = "Tỉnh,Cột lạ\nHà Nội,65.5\nQuảng Ninh,73.4\nĐà Nẵng,70.1\n"
    with pytest.raises(ImportRejected) as e:
        scores_of(csv_bytes(text), "bang.csv", catalog, registry)
    assert "cột tên «A (Tỉnh)»" in e.value.message and "--index" in e.value.message
    with pytest.raises(ImportRejected) as e:
        scores_of(csv_bytes(text), "bang.csv", catalog, registry, index="PCI", year=2019, lang="en")
    assert '--column "Cột lạ=' in e.value.message


# --- the property: a numeric column is mapped, or named in a refusal; never dropped --------------------------
INDEX_WORDS = {"PCI": ["PCI", "Chỉ số PCI", "chỉ số năng lực cạnh tranh cấp tỉnh"],
               "PAPI": ["PAPI", "Chỉ số PAPI"], "PAR_INDEX": ["PAR INDEX", "Chỉ số CCHC"],
               "SIPAS": ["SIPAS", "Chỉ số hài lòng"]}
SCORE_WORDS = ["", "Điểm", "Điểm số", "Tổng điểm", "Điểm tổng hợp", "Tổng cộng", "Kết quả", "score", "total",
               "overall", "Xếp hạng", "Thứ hạng", "Hạng", "rank", "ranking", "Vị trí", "Xếp loại", "tier"]
UNITS = ["", "(%)", "(điểm)", "(100 điểm)"]


@st.composite
def wordings(draw):
    index = draw(st.sampled_from(sorted(INDEX_WORDS)))
    parts = [draw(st.sampled_from(INDEX_WORDS[index])), draw(st.sampled_from(SCORE_WORDS))]
    if draw(st.booleans()):
        parts.reverse()
    year = draw(st.sampled_from(["", "2019", "năm 2019"]))
    text = " ".join(p for p in [*parts, year, draw(st.sampled_from(UNITS))] if p)
    if draw(st.booleans()):
        text = strip_accents(text)
    text = draw(st.sampled_from([text, text.upper(), text.lower(), text.title()]))
    return index, text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(wordings())
def test_a_numeric_column_is_mapped_or_refused_never_dropped(catalog, registry, drawn):
    index, text = drawn
    rows = [["Tỉnh", text], ["Hà Nội", 61.5], ["Quảng Ninh", 72.4], ["Đà Nẵng", 70.1]]
    found = inspect_file(xlsx_bytes({"S": rows}), "bang_2019.xlsx", catalog, registry,
                         ImportOptions(index=index, year=2019))
    mapped = any(1 in {c.col for c in p.layout.columns} for p in found.parts)
    # named in a refusal: as the problem's column, or in a "no table" message listing what was understood
    refused = any((p.column or "").startswith("B") or f"B «{text}»" in p.render() for p in found.problems)
    assert mapped or refused, (text, [p.render() for p in found.problems])


# --- a department's own scoring sheet -------------------------------------------------------------------------
def unit_sheet(parent_title: str, units: list[tuple]) -> list[list]:
    """A Sở Y tế's scoring of its units: title, two-row merged header, numbering row, group rows, totals."""
    rows = [["SỞ Y TẾ " + parent_title.upper()], ["KẾT QUẢ CHẤM ĐIỂM CẢI CÁCH HÀNH CHÍNH NĂM 2024"], [],
            ["STT", "Tên đơn vị", "Tiêu chí", "", "Tổng điểm (100 điểm)", "Xếp hạng", "Xếp loại"],
            ["", "", "Công tác chỉ đạo (40 điểm)", "Tác động của CCHC (60 điểm)", "", "", ""],
            ["(1)", "(2)", "(3)", "(4)", "(5)=(3)+(4)", "(6)", "(7)"],
            ["I", "KHỐI BỆNH VIỆN", "", "", "", "", ""]]
    for k, (name, a, b, rank, tier) in enumerate(units, 1):
        if k == 8:
            rows.append(["II", "KHỐI TRUNG TÂM", "", "", "", "", ""])
        rows.append([k, name, a, b, a + b, rank, tier])
    rows += [["", "Tổng cộng", 1, 1, 2, "", ""], ["", "Trung bình", 1, 1, 2, "", ""], [],
             ["", "Người lập biểu", "", "", "GIÁM ĐỐC"]]
    return rows


@pytest.fixture
def two_departments(store):
    """Two health departments, each with 14 units, two of them named alike in both."""
    from reformdash.catalog import Catalog

    add_index(store, "SYT_TEST", "Chỉ số CCHC đơn vị Sở Y tế (thử)", entity_kind="unit", scale_max=100,
              components=[("chi_dao", "Công tác chỉ đạo"), ("tac_dong", "Tác động của CCHC")])
    names = ["Bệnh viện Đa khoa tỉnh", "Trung tâm Pháp y"] + [f"Bệnh viện số {k}" for k in range(3, 15)]
    for parent in ("22", "62"):
        add_unit(store, f"SYT{parent}", f"Sở Y tế {parent}", parent)
        for k, name in enumerate(names):
            add_unit(store, f"SYT{parent}-{k:02d}", name, f"SYT{parent}")
    return Catalog.load(store), Registry.load(store), names


def test_unit_sheet_lands_under_its_own_parent(two_departments):
    catalog, registry, names = two_departments
    for parent, bonus in (("SYT22", 0), ("SYT62", 5)):
        units = [(n, 20 + k + bonus * 0.1, 30 + k, 14 - k, "Tốt" if k > 7 else "Khá") for k, n in enumerate(names)]
        rows = unit_sheet(parent, units)
        found = inspect_file(xlsx_bytes({"KQ": rows}), "cham_diem_2024.xlsx", catalog, registry,
                             ImportOptions(index="SYT_TEST", level="unit", parent=parent))
        assert not found.problems, [p.render() for p in found.problems]
        scores = found.scores
        top = scores[scores.component_code == ""].set_index("entity_code")
        assert set(top.index) == {f"{parent}-{k:02d}" for k in range(14)}  # each row under its own parent
        assert top.at[f"{parent}-01", "value"] == pytest.approx(20 + 1 + bonus * 0.1 + 31)
        assert top.at[f"{parent}-00", "rank"] == 14 and top.at[f"{parent}-13", "rank"] == 1
        assert top.at[f"{parent}-13", "tier"] == "Tốt"
        assert found.maxima[("SYT_TEST", "chi_dao")] == 40 and found.maxima[("SYT_TEST", "")] == 100
        assert len(scores) == 14 * 3


def test_parent_by_name_and_units_never_matched_across_departments(two_departments):
    catalog, registry, names = two_departments
    assert registry.get("Sở Y tế 62").code == "SYT62"
    assert registry.resolve("Trung tâm Pháp y", ("unit",), parent="SYT62") == "SYT62-01"
    assert registry.resolve("Trung tâm Pháp y", ("unit",)) is None  # two departments: the parent must say
    assert all(n in names for n in registry.suggest("Trung tam Phap y tinh", ("unit",), parent="SYT22"))

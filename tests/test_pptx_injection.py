"""Formula injection in the PowerPoint (issue 15, hole 4): the chart workbooks (PowerPoint's «Edit Data») hold unit
names as neutralised text, as the xlsx and csv exports do, never as formulas or links."""

from __future__ import annotations

import io
import re
import shutil
import zipfile

import openpyxl
import pytest

from reformdash import catalog_admin, service
from reformdash.briefing import build_briefing
from reformdash.export_pptx import pptx_bytes
from reformdash.exports import neutralise_cell

HOSTILE = ['=HYPERLINK("http://evil.invalid","x")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(1)",
           "http://evil.invalid/link"]
UNITS = ["22-SYT-benhvienbaichay", "22-SYT-benhviencampha", "22-SYT-benhviendakhoatinh", "22-SYT-benhvienphoi",
         "22-SYT-benhviensannhi"]


@pytest.fixture(scope="module")
def deck(demo_db, tmp_path_factory) -> zipfile.ZipFile:
    """The 2025 deck of Quảng Ninh, whose health department's units carry formula-like names."""
    path = str(tmp_path_factory.mktemp("pptx") / "hostile.duckdb")
    shutil.copyfile(demo_db, path)
    store = service.open_store(path)
    try:
        for code, name in zip(UNITS, HOSTILE):
            catalog_admin.rename_unit(store, code, name, user="tester")
        data = pptx_bytes(build_briefing(store, "22", 2025))
    finally:
        store.close()
    return zipfile.ZipFile(io.BytesIO(data))


def workbooks(deck: zipfile.ZipFile) -> dict[str, openpyxl.Workbook]:
    return {name: openpyxl.load_workbook(io.BytesIO(deck.read(name)))
            for name in deck.namelist() if name.startswith("ppt/embeddings/") and name.endswith(".xlsx")}


def test_no_cell_of_any_chart_workbook_is_a_formula_or_a_link(deck):
    books = workbooks(deck)
    assert books, "the deck embeds its charts' workbooks"
    for name, book in books.items():
        for sheet in book.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", f"{name} {cell.coordinate} is a formula: {cell.value!r}"
                    assert cell.hyperlink is None, f"{name} {cell.coordinate} is a link"
    for name in books:  # no formula element at all, whatever openpyxl makes of it
        sheet_xml = zipfile.ZipFile(io.BytesIO(deck.read(name))).read("xl/worksheets/sheet1.xml").decode()
        assert "<f>" not in sheet_xml and "<f " not in sheet_xml, name


def test_the_hostile_names_are_kept_as_text_prefixed_as_the_other_exports_do(deck):
    cells = {cell.value for book in workbooks(deck).values() for sheet in book.worksheets
             for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)}
    for name in HOSTILE:
        expected = neutralise_cell(name)
        assert expected in cells, f"{name!r} is not in the chart workbook as {expected!r}"
    assert "'=HYPERLINK(\"http://evil.invalid\",\"x\")" in cells and "'-2+3" in cells and "'@SUM(1)" in cells


def test_the_charts_category_labels_in_the_slide_xml_match_the_workbook(deck):
    labels = set()
    for name in deck.namelist():
        if name.startswith("ppt/charts/chart") and name.endswith(".xml"):
            xml = deck.read(name).decode()
            for cat in re.findall(r"<c:cat>(.*?)</c:cat>", xml, re.S):
                labels.update(re.findall(r"<c:v>(.*?)</c:v>", cat, re.S))
    import html

    labels = {html.unescape(v) for v in labels}
    for name in HOSTILE:
        assert neutralise_cell(name) in labels, f"{name!r} is not a category label as {neutralise_cell(name)!r}"
        if neutralise_cell(name) != name:
            assert name not in labels, f"{name!r} is a bare category label"

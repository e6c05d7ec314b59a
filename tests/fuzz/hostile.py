"""Hostile spreadsheets: tiny files whose sheets reach far (an xlsx) or whose repeats expand (an .ods).

Every one asks a reader to lay out more cells than the server has memory for; each must be refused before calamine
sees it. The xlsx variants hide the far cell from a byte scan in every way the review found (quote styles,
whitespace, prefixes, no `r` at all, a sheet part stored elsewhere, a UTF-16 part); `random_hostile` combines them.
"""

from __future__ import annotations

import io
import random
import zipfile

from tests.fuzz.xlsx import CONTENT_TYPES, ROOT_RELS, WORKBOOK, WORKBOOK_RELS

SHEET_HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')
HEADER = '<c r="A1" t="inlineStr"><is><t>Tỉnh</t></is></c><c r="B1" t="inlineStr"><is><t>PCI</t></is></c>'
REL = ('<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"'
       ' Target="{target}"/>')


def sheet_xml(body: str, dimension: str = "") -> str:
    return f"{SHEET_HEAD}{dimension}<sheetData>{body}</sheetData></worksheet>"


def xlsx_with(sheet: str | bytes, target: str = "worksheets/sheet1.xml", member: str | None = None) -> bytes:
    """A one-sheet xlsx whose sheet part is `member` (default: where `target` points from xl/)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES.format(sheets=""))
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml", WORKBOOK.format(sheets='<sheet name="PCI 2019" sheetId="1" r:id="rId1"/>'))
        z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.format(rels=REL.format(target=target)))
        z.writestr(member or f"xl/{target}", sheet)
    return buf.getvalue()


def far(quote: str = '"', gap: str = " ", eq: str = "=", letters: str = "XFD") -> str:
    """Cells at the last column of row 1 and the last row of column A, written with the given quoting."""
    def attr(value: str) -> str:
        return f"{gap}r{eq}{quote}{value}{quote}"
    return sheet_xml(f"<row{attr('1')}>{HEADER}<c{attr(letters + '1')}><v>1</v></c></row>"
                     f"<row{attr('1048576')}><c{attr('A1048576')}><v>2</v></c></row>")


def implicit_far() -> str:
    """No `r` anywhere: 16,384 empty cells then a value, 1,048,574 empty rows, then a value (calamine counts)."""
    return sheet_xml("<row>" + "<c/>" * 16383 + "<c><v>1</v></c></row>" + "<row/>" * 1048574
                     + "<row><c><v>2</v></c></row>")


def implicit_wide_rows() -> str:
    """No `r`: one row 16,384 cells wide, then 1,600 empty rows and a value: 26 M cells, under Excel's bounds."""
    return sheet_xml("<row>" + "<c/>" * 16383 + "<c><v>1</v></c></row>" + "<row/>" * 1600
                     + "<row><c><v>2</v></c></row>")


XLSX = {
    "double_quotes": lambda: xlsx_with(far()),
    "single_quotes": lambda: xlsx_with(far("'")),
    "tab_before_r": lambda: xlsx_with(far(gap="\t")),
    "newline_before_r": lambda: xlsx_with(far(gap="\n")),
    "spaces_around_equals": lambda: xlsx_with(far(eq=" = ")),
    "lower_case_column": lambda: xlsx_with(far(letters="xfd")),
    "prefixed_elements": lambda: xlsx_with(far().replace("<row", "<x:row").replace("</row", "</x:row")
                                           .replace("<c ", "<x:c ").replace("</c>", "</x:c>")
                                           .replace("<worksheet ", '<worksheet xmlns:x="urn:x" ')),
    "no_r_attributes": lambda: xlsx_with(implicit_far()),
    "no_r_26m_cells": lambda: xlsx_with(implicit_wide_rows()),
    "column_z_all_rows": lambda: xlsx_with(far(letters="Z")),  # 27 M cells: one letter, every row
    "sheet_in_sub_folder": lambda: xlsx_with(far(), "worksheets/sub/deeper/sheet1.xml"),
    "sheet_outside_xl_absolute": lambda: xlsx_with(far(), "/data/sheet.xml", member="data/sheet.xml"),
    "sheet_parent_relative": lambda: xlsx_with(far(), "../x.xml", member="xl/../x.xml"),
    "sheet_with_other_extension": lambda: xlsx_with(far(), "worksheets/sheet1.bin"),
    "sheet_name_upper_case": lambda: xlsx_with(far(), member="XL/WORKSHEETS/SHEET1.XML"),
    "utf16_sheet": lambda: xlsx_with(far().replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")),
    "huge_dimension_and_far_cell": lambda: xlsx_with(far().replace(
        "<sheetData>", '<dimension ref="A1:XFD1048576"/><sheetData>')),
    "many_empty_rows_then_wide": lambda: xlsx_with(sheet_xml(  # row 700,002 by counting, 21 columns wide
        f'<row r="1">{HEADER}</row>' + "<row/>" * 700_000 + "<row>" + "<c/>" * 20 + "<c><v>1</v></c></row>")),
}

ODS_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')
MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
            'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
            '<manifest:file-entry manifest:full-path="/" '
            'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            '</manifest:manifest>')


def ods_cell(value: float | str | None = None, repeat: int = 1) -> str:
    rep = f' table:number-columns-repeated="{repeat}"' if repeat > 1 else ""
    if value is None:
        return f"<table:table-cell{rep}/>"
    if isinstance(value, str):
        return f'<table:table-cell{rep} office:value-type="string"><text:p>{value}</text:p></table:table-cell>'
    return f'<table:table-cell{rep} office:value-type="float" office:value="{value}"><text:p>{value}</text:p>' \
           "</table:table-cell>"


def ods_row(cells: list[str], repeat: int = 1) -> str:
    rep = f' table:number-rows-repeated="{repeat}"' if repeat > 1 else ""
    return f"<table:table-row{rep}>{''.join(cells)}</table:table-row>"


def ods_with(tables: dict[str, str], extra: dict[str, str] | None = None) -> bytes:
    """An .ods (mimetype first, stored) whose content.xml holds these tables' rows."""
    body = "".join(f'<table:table table:name="{name}">{rows}</table:table>' for name, rows in tables.items())
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODS_NS} office:version="1.2">'
               f"<office:body><office:spreadsheet>{body}</office:spreadsheet></office:body>"
               "</office:document-content>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", MANIFEST)
        z.writestr("content.xml", content)
        for name, text in (extra or {}).items():
            z.writestr(name, text)
    return buf.getvalue()


def ods_as_xlsx() -> bytes:
    """An .ods that also holds xl/workbook.xml: the type check says xlsx, calamine falls back to reading the .ods."""
    data = ODS["repeated_block_24m"]()
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            z.writestr(info, src.read(info.filename))
        z.writestr("xl/workbook.xml", "<workbook/>")
    return buf.getvalue()


ODS = {
    # the review's 840-byte file: 5,000 rows × 4,920 columns of one value, 24.6 M cells, 3.4 GB
    "repeated_block_24m": lambda: ods_with({"PCI 2019": ods_row([ods_cell("Tỉnh"), ods_cell(1.5, 4919)], 5000)}),
    "value_after_repeated_empty_rows": lambda: ods_with({"PCI 2019": ods_row([ods_cell(None, 1000), ods_cell(1)])
                                                          + ods_row([ods_cell(None)], 100_000)
                                                          + ods_row([ods_cell(2)])}),
    "one_cell_repeated_past_excel": lambda: ods_with({"PCI 2019": ods_row([ods_cell(1, 100_000_000)])}),
    "two_tables_over_the_sum": lambda: ods_with({"A": ods_row([ods_cell(1, 1000)], 2500),
                                                 "B": ods_row([ods_cell(1, 1000)], 2500)}),
    "ods_dressed_as_xlsx": ods_as_xlsx,
}

HOSTILE = {**{f"xlsx_{k}": v for k, v in XLSX.items()}, **{f"ods_{k}": v for k, v in ODS.items()}}


def suffix(name: str) -> str:
    return ".ods" if name.startswith("ods_") and name != "ods_ods_dressed_as_xlsx" else ".xlsx"


def random_hostile(rng: random.Random) -> tuple[str, bytes, str]:
    """(file name, bytes, how it was made): a far-reaching sheet written and stored in a random hostile way."""
    quote, gap, eq = rng.choice(['"', "'"]), rng.choice([" ", "\t", "\n", "  ", "\r\n"]), rng.choice(["=", " = "])
    letters = rng.choice(["XFD", "xfd", "Z", "AAA", "XFE"])
    row = rng.choice(["1048576", "1048577", "500000", "99999999"])
    body = (f"<row{gap}r{eq}{quote}1{quote}>{HEADER}<c{gap}r{eq}{quote}{letters}1{quote}><v>1</v></c></row>"
            f"<row{gap}r{eq}{quote}{row}{quote}><c{gap}r{eq}{quote}A{row}{quote}><v>2</v></c></row>")
    if rng.random() < 0.3:  # the far cell without a reference, after empty cells
        body = f'<row r="1">{HEADER}' + "<c/>" * rng.choice([16383, 20000]) + "<c><v>1</v></c></row>" + \
               "<row/>" * rng.choice([1000, 5000]) + "<row><c><v>2</v></c></row>"
    if rng.random() < 0.3:
        body = body.replace("<row", "<s:row").replace("</row", "</s:row").replace("<c", "<s:c").replace(
            "</c>", "</s:c>")
    sheet = sheet_xml(body).replace("<worksheet ", '<worksheet xmlns:s="urn:s" ')
    if rng.random() < 0.3:
        sheet = sheet.replace("<sheetData>", '<dimension ref="A1:XFD1048576"/><sheetData>')
    target, member = rng.choice([("worksheets/sheet1.xml", None), ("worksheets/a/b/s.xml", None),
                                 ("/elsewhere/s.xml", "elsewhere/s.xml"), ("../s.xml", "xl/../s.xml"),
                                 ("worksheets/sheet1.dat", None),
                                 ("worksheets/sheet1.xml", "XL/Worksheets/Sheet1.xml")])
    how = f"quote {quote!r} gap {gap!r} eq {eq!r} far {letters}/{row} part {member or target}"
    return f"pci_2019_hostile_{rng.randrange(10**6):06d}.xlsx", xlsx_with(sheet, target, member), how

"""A tiny xlsx whose two cells sit at XFD1 and A1048576: calamine would lay out 17 billion cells and abort."""

from __future__ import annotations

import io
import zipfile

from tests.fuzz.xlsx import CONTENT_TYPES, ROOT_RELS, SHEET_REL, SHEET_TYPE, WORKBOOK, WORKBOOK_RELS

SHEET = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
         '<row r="1"><c r="A1" t="inlineStr"><is><t>Tỉnh</t></is></c><c r="XFD1"><v>1</v></c></row>'
         '<row r="1048576"><c r="A1048576"><v>2</v></c></row></sheetData></worksheet>')


def far_corner_xlsx() -> bytes:
    """The whole file, about 1 KB."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES.format(sheets=SHEET_TYPE.format(n=1)))
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml", WORKBOOK.format(sheets='<sheet name="PCI 2019" sheetId="1" r:id="rId1"/>'))
        z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.format(rels=SHEET_REL.format(n=1)))
        z.writestr("xl/worksheets/sheet1.xml", SHEET)
    return buf.getvalue()

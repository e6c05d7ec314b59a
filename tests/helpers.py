"""Small builders for test spreadsheets."""

from __future__ import annotations

import io
import unicodedata

import openpyxl

from reformdash.ingest.importer import ImportOptions, analyse


def xlsx_bytes(sheets: dict[str, list[list]]) -> bytes:
    """An xlsx with the given sheets (rows of cells)."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def csv_bytes(text: str, encoding: str = "utf-8") -> bytes:
    """CSV text encoded; Windows-1258 the way Vietnamese Windows writes it (tone marks as combining characters)."""
    if encoding != "cp1258":
        return text.encode(encoding)
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONE_MARKS))
            out += base.encode("cp1258") + "".join(c for c in parts if c in TONE_MARKS).encode("cp1258")
    return out


def scores_of(data: bytes, name: str, catalog, registry, **options):
    """The clean scores the importer reads."""
    return analyse(data, name, catalog, registry, ImportOptions(**options)).scores


def overall(scores) -> dict:
    """entity_code -> (value, rank, rank_of) of overall rows."""
    rows = scores[scores.component_code == ""]
    return {r.entity_code: (r.value, _int(r.rank), _int(r.rank_of)) for r in rows.itertuples(index=False)}


def _int(value):
    """A nullable integer as int or None (pd.NA cannot be compared in a tuple)."""
    import pandas as pd

    return None if pd.isna(value) else int(value)

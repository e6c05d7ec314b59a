"""Read xlsx/xls/ods/csv into plain grids, safely: type by content, size limits, no formulas evaluated."""

from __future__ import annotations

import codecs
import csv
import io
import re
import subprocess
import sys
import zipfile
from dataclasses import dataclass

import numpy as np
import python_calamine

from reformdash import settings
from reformdash.errors import ImportRejected, Problem

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
# calamine lays a sheet out densely, from A1 to its farthest cell (32 bytes a cell), and a failed allocation aborts
# the whole process (the dashboard too): a sheet spanning more cells than this is refused before calamine sees it.
MAX_CELLS = 25_000_000
ROW_REF = re.compile(rb'<row\b[^>]*?\sr="(\d+)"')
WIDE_CELL_REF = re.compile(rb' r="([A-Z]{2,})\d')  # a literal start keeps the scan at C speed
# .xls and .ods are first opened by calamine in a throw-away process that reports each sheet's size
PROBE = ("import io, sys, python_calamine\n"
         "book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(sys.stdin.buffer.read()))\n"
         "for name in book.sheet_names:\n"
         "    sheet = book.get_sheet_by_name(name)\n"
         "    print(sheet.height, sheet.width, name.replace('\\n', ' '))\n")
PROBE_SECONDS = 60
PROBE_MEMORY = 4 << 30


@dataclass
class Sheet:
    """One sheet as rows of cells (str, float, int, bool, date or '')."""

    name: str
    rows: list[list]


def sniff_kind(data: bytes) -> str:
    """What the bytes are by content: xlsx, ods, xls, encrypted, csv, or a description of something else."""
    if data.startswith(ZIP_MAGIC):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                names = set(z.namelist())
                if "xl/workbook.xml" in names:
                    return "xlsx"
                if "mimetype" in names and b"opendocument.spreadsheet" in z.read("mimetype"):
                    return "ods"
                if "word/document.xml" in names:
                    return "Word (docx)"
                if "ppt/presentation.xml" in names:
                    return "PowerPoint (pptx)"
        except zipfile.BadZipFile:
            return "tệp nén hỏng (zip)"
        return "tệp nén zip"
    if data.startswith(OLE_MAGIC):
        # Password-protected xlsx files are OLE containers holding an EncryptedPackage stream.
        head = data[:65536]
        if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e" in data[:2_000_000] or \
                b"EncryptionInfo" in head.replace(b"\x00", b""):
            return "encrypted"
        return "xls"
    if data.startswith(b"%PDF"):
        return "PDF"
    for magic, kind in ((b"\x89PNG", "ảnh PNG"), (b"\xff\xd8\xff", "ảnh JPEG"), (b"GIF8", "ảnh GIF"),
                        (b"\x1f\x8b", "tệp nén gzip"), (b"Rar!", "tệp nén RAR"), (b"7z\xbc\xaf", "tệp nén 7z"),
                        (b"MZ", "chương trình (exe)"), (b"\x7fELF", "chương trình (ELF)")):
        if data.startswith(magic):
            return kind
    if data.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html")):
        return "trang web (HTML)"
    if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "dữ liệu nhị phân"
    return "csv"


def check_archive(data: bytes, file_name: str) -> None:
    """Refuse an xlsx/ods whose unpacked size is over the bound, before any parser sees it."""
    limit_mb = float(settings.get("REFORMDASH_MAX_UNPACKED_MB"))
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        total = sum(info.file_size for info in z.infolist())
        ratio = total / max(len(data), 1)
    if total > limit_mb * 1024 * 1024 or (ratio > 200 and total > 50 * 1024 * 1024):
        raise ImportRejected([Problem("zip_bomb", file_name, params={"size": round(total / 1048576),
                                                                     "limit": round(limit_mb)})])


def column_number(letters: str) -> int:
    """A -> 1, XFD -> 16384."""
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def too_many_cells(file_name: str, sheet: str | None, rows: int, cols: int) -> ImportRejected:
    return ImportRejected([Problem("sheet_too_big", file_name, sheet=sheet, params={
        "rows": rows, "cols": cols, "cells": rows * cols, "limit": MAX_CELLS})])


def check_xlsx_extent(data: bytes, file_name: str) -> None:
    """Refuse an xlsx sheet reaching farther than MAX_CELLS from A1 (read by streaming its XML, not by calamine)."""
    try:
        extents = list(xlsx_extents(data))
    except Exception as e:  # noqa: BLE001 - a damaged member: bad CRC, bad deflate data, unknown compression
        raise ImportRejected([Problem("unreadable", file_name, params={"detail": str(e)[:200]})]) from e
    for rows, cols in extents:
        if rows * cols > MAX_CELLS:
            raise too_many_cells(file_name, None, rows, cols)


def xlsx_extents(data: bytes):
    """(last row, last column) of every worksheet of an xlsx, from its cell references."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for info in z.infolist():
            if not re.fullmatch(r"xl/worksheets/[^/]+\.xml", info.filename):
                continue
            rows, cols, tail = 0, 1, b""
            with z.open(info) as member:
                while chunk := member.read(1 << 22):
                    text = tail + chunk
                    found = ROW_REF.findall(text)
                    if found:  # numpy parses a million row numbers at C speed
                        rows = max(rows, int(np.array(found, dtype=f"S{max(map(len, found))}").astype(np.int64).max()))
                    wide = WIDE_CELL_REF.findall(text)
                    if wide:
                        cols = max(cols, column_number(max(wide, key=lambda w: (len(w), w)).decode()))
                    tail = text[-256:]
            yield rows, cols


def probe_sheets(data: bytes, file_name: str) -> None:
    """Open an .xls/.ods in a throw-away process first: calamine aborts the process on some damaged ones."""
    def limit_memory() -> None:  # a huge allocation then fails at once instead of swapping
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (PROBE_MEMORY, PROBE_MEMORY))

    try:
        done = subprocess.run([sys.executable, "-c", PROBE], input=data, capture_output=True, timeout=PROBE_SECONDS,
                              preexec_fn=limit_memory if sys.platform != "win32" else None)
    except subprocess.TimeoutExpired as e:
        raise ImportRejected([Problem("unreadable", file_name, params={"detail": f"> {PROBE_SECONDS} s"})]) from e
    if done.returncode != 0:
        said = [line.strip() for line in done.stderr.decode("utf-8", "replace").splitlines()
                if line.strip() and not line.startswith(("note:", "thread ", "stack backtrace", "Traceback", " "))]
        detail = said[-1] if said else f"exit {done.returncode}"  # Python's error or Rust's abort, said last
        raise ImportRejected([Problem("unreadable", file_name, params={"detail": detail[:200]})])
    for line in done.stdout.decode("utf-8", "replace").splitlines():
        height, width, name = (line.split(" ", 2) + [""])[:3]
        if int(height) * int(width) > MAX_CELLS:
            raise too_many_cells(file_name, name, int(height), int(width))


def read_workbook(data: bytes, file_name: str) -> list[Sheet]:
    """All sheets of a spreadsheet file (any supported type) as grids."""
    if not data or not data.strip():
        raise ImportRejected([Problem("empty_file", file_name)])
    limit_mb = float(settings.get("REFORMDASH_MAX_UPLOAD_MB"))
    if len(data) > limit_mb * 1024 * 1024:
        raise ImportRejected([Problem("too_large", file_name, params={"size": round(len(data) / 1048576, 1),
                                                                      "limit": round(limit_mb)})])
    kind = sniff_kind(data)
    if kind == "encrypted":
        raise ImportRejected([Problem("encrypted", file_name)])
    if kind == "csv":
        return [read_csv(data, file_name)]
    if kind not in ("xlsx", "xls", "ods"):
        raise ImportRejected([Problem("wrong_type", file_name, params={"kind": kind})])
    if kind in ("xlsx", "ods"):
        check_archive(data, file_name)
    if kind == "xlsx":
        check_xlsx_extent(data, file_name)
    else:
        probe_sheets(data, file_name)
    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except BaseException as e:  # calamine raises its own error types for corrupt files, or panics
        if not reader_failed(e):
            raise
        raise ImportRejected([Problem("unreadable", file_name, params={"detail": str(e)[:200]})]) from e
    sheets = []
    for name in workbook.sheet_names:
        try:
            rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
        except BaseException as e:  # calamine refuses some odd sheet dimensions (PCI 2014)
            if not reader_failed(e):
                raise
            if kind != "xlsx":
                raise ImportRejected([Problem("unreadable", file_name, sheet=name,
                                              params={"detail": str(e)[:200]})]) from e
            rows = read_sheet_openpyxl(data, name, file_name)
        sheets.append(Sheet(name, rows))
    return sheets


def reader_failed(error: BaseException) -> bool:
    """True for a reader's failure (an error, or a panic of calamine's Rust code); False for Ctrl-C and exit."""
    # pyo3 raises a Rust panic (damaged .xls files cause some) as PanicException, a BaseException
    return isinstance(error, Exception) or type(error).__name__ == "PanicException"


def read_sheet_openpyxl(data: bytes, sheet: str, file_name: str) -> list[list]:
    """Fallback for xlsx sheets calamine refuses; cached formula values only, never evaluated."""
    import openpyxl

    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        ws = wb[sheet]
        ws.reset_dimensions()  # the odd dimension record is what trips calamine; ignore it here too
        rows = [["" if c is None else c for c in row] for row in ws.iter_rows(values_only=True)]
        wb.close()
    except Exception as e:  # noqa: BLE001
        raise ImportRejected([Problem("unreadable", file_name, sheet=sheet, params={"detail": str(e)[:200]})]) from e
    width = max((len(r) for r in rows), default=0)
    return [r + [""] * (width - len(r)) for r in rows]


def decode_text(data: bytes, file_name: str) -> str:
    """CSV bytes as text: UTF-8 (with or without BOM), UTF-16, or Windows-1258."""
    try:
        if data.startswith(codecs.BOM_UTF8):
            return data[3:].decode("utf-8")
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return data.decode("utf-16")
    except UnicodeDecodeError as e:  # the mark says the encoding, the bytes break it (a cut or damaged file)
        raise ImportRejected([Problem("bad_encoding", file_name)]) from e
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError as e:
        raise ImportRejected([Problem("bad_encoding", file_name)]) from e
    import unicodedata

    return unicodedata.normalize("NFC", text)


def guess_separator(text: str) -> str:
    """The separator of the table body: the most fields on most lines; title and source lines do not decide.

    A ';' file's decimal commas and a title line's commas split lines into fewer, uneven fields: the separator
    giving many lines the same larger number of fields wins (score: share of lines at that count × the count).
    """
    sample = [line for line in text.splitlines()[:60] if line.strip()]
    best, best_score = ",", (-1.0, 0)
    for sep in (";", "\t", ","):
        try:
            counts = [len(row) for row in csv.reader(io.StringIO("\n".join(sample)), delimiter=sep)]
        except csv.Error:
            continue  # read_csv names the broken line
        if not counts:
            continue
        mode = max(set(counts), key=lambda n: (counts.count(n), n))
        share = counts.count(mode) / len(counts)
        score = (share * mode if mode > 1 and share >= 0.5 else 0.0, mode)
        if score > best_score:
            best, best_score = sep, score
    return best


def read_csv(data: bytes, file_name: str) -> Sheet:
    """A CSV file as one sheet; separator ',' ';' or tab found by counting."""
    text = decode_text(data, file_name)
    sep = guess_separator(text)
    # newline="": lines may end in \r (Excel for Mac), \n or \r\n, and quoted cells may hold line breaks
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    try:
        rows = [row for row in reader if any(cell.strip() for cell in row)]
    except csv.Error as e:
        raise ImportRejected([csv_problem(e, file_name, reader.line_num)]) from e
    width = max((len(r) for r in rows), default=0)
    if width == 0:
        raise ImportRejected([Problem("empty_file", file_name)])
    return Sheet("csv", [r + [""] * (width - len(r)) for r in rows])


def csv_problem(error: csv.Error, file_name: str, line: int) -> Problem:
    """Why the csv module stopped at a line, as a problem naming that line."""
    detail = str(error)
    if "field limit" in detail:
        return Problem("csv_field_too_long", file_name, row=line, params={"limit": csv.field_size_limit()})
    return Problem("csv_unreadable", file_name, row=line, params={"detail": detail[:200]})

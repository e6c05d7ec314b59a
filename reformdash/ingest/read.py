"""Read xlsx/xls/ods/csv into plain grids, safely: type by content, size limits, no formulas evaluated."""

from __future__ import annotations

import codecs
import csv
import functools
import io
import posixpath
import re
import subprocess
import sys
import threading
import zipfile
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import python_calamine

from reformdash import settings
from reformdash.errors import ImportRejected, Problem, Said

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
# Excel's own bounds: no real sheet reaches past them, a crafted one does to make a reader lay out billions of cells
MAX_ROWS = 1_048_576
MAX_COLS = 16_384
# calamine lays a sheet out densely from A1 to its farthest cell (32 bytes a cell) and the grid then becomes Python
# lists; a failed allocation aborts the whole process (the dashboard too), so these bounds hold before any reading
MAX_CELLS = 10_000_000       # one sheet
MAX_BOOK_CELLS = 20_000_000  # all sheets of a file together (they are all in memory at once)
# an .ods costs about 100 bytes a cell (calamine keeps a formula text beside every value, then copies the grid)
MAX_ODS_CELLS = 4_000_000
CHUNK = 1 << 22
# The fast scan of an xlsx sheet vouches for its extent only when every cell is written `<c r="A1"...`, as Excel,
# LibreOffice and openpyxl write them; anything else (quotes, spacing, prefixes, no r) goes to the exact XML parse.
PREFIXED_CELL = re.compile(rb':c[\s/>]')
ODD_CELL = re.compile(rb'<c(?! r=")[/>\t\n\r\x0b\x0c ]')  # a cell tag that does not begin `<c r="`
LAST_CELL = re.compile(rb'<c r="([A-Za-z]+)([0-9]+)"')
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
REF = re.compile(r"([A-Za-z]*)([0-9]+)")
ODS_VALUE_ATTRS = {"value", "string-value", "date-value", "time-value", "boolean-value", "formula"}
# .xls and .ods are first opened by calamine in a throw-away process that reports each sheet's size
PROBE = ("import io, sys, python_calamine\n"
         "book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(sys.stdin.buffer.read()))\n"
         "for name in book.sheet_names:\n"
         "    sheet = book.get_sheet_by_name(name)\n"
         "    print(sheet.height, sheet.width, name.replace('\\n', ' '))\n")
PROBE_SECONDS = 60
PROBE_MEMORY = 2 << 30
MEMO_FILES = 8
MEMO_CELLS = 5_000_000


@dataclass
class Sheet:
    """One sheet as rows of cells (str, float, int, bool, date or '')."""

    name: str
    rows: list[list]


# What a file that is not a spreadsheet is, in words (the codes sniff_kind returns).
FILE_KINDS = {
    "xlsb": "file_kind.xlsb", "docx": "file_kind.docx", "pptx": "file_kind.pptx", "zip_broken": "file_kind.zip_broken",
    "zip": "file_kind.zip", "pdf": "file_kind.pdf", "png": "file_kind.png", "jpeg": "file_kind.jpeg",
    "gif": "file_kind.gif", "gzip": "file_kind.gzip", "rar": "file_kind.rar", "7z": "file_kind.7z",
    "exe": "file_kind.exe", "elf": "file_kind.elf", "html": "file_kind.html", "binary": "file_kind.binary",
}


def sniff_kind(data: bytes) -> str:
    """What the bytes are by content: xlsx, ods, xls, encrypted, csv, or the code of something else (FILE_KINDS)."""
    if data.startswith(ZIP_MAGIC):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                names = set(z.namelist())
                if any(n.lower() == "xl/workbook.bin" for n in names):
                    return "xlsb"  # calamine would read its binary sheets, which nothing bounds
                if "xl/workbook.xml" in names:
                    return "xlsx"
                if "mimetype" in names and b"opendocument.spreadsheet" in z.read("mimetype"):
                    return "ods"
                if "word/document.xml" in names:
                    return "docx"
                if "ppt/presentation.xml" in names:
                    return "pptx"
        except zipfile.BadZipFile:
            return "zip_broken"
        return "zip"
    if data.startswith(OLE_MAGIC):
        # Password-protected xlsx files are OLE containers holding an EncryptedPackage stream.
        head = data[:65536]
        if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e" in data[:2_000_000] or \
                b"EncryptionInfo" in head.replace(b"\x00", b""):
            return "encrypted"
        return "xls"
    if data.startswith(b"%PDF"):
        return "pdf"
    for magic, kind in ((b"\x89PNG", "png"), (b"\xff\xd8\xff", "jpeg"), (b"GIF8", "gif"), (b"\x1f\x8b", "gzip"),
                        (b"Rar!", "rar"), (b"7z\xbc\xaf", "7z"), (b"MZ", "exe"), (b"\x7fELF", "elf")):
        if data.startswith(magic):
            return kind
    if data.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html")):
        return "html"
    if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "binary"
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
    """A -> 1, XFD -> 16384 (lower case too, as calamine reads it)."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def too_many_cells(file_name: str, sheet: str | None, rows: int, cols: int, limit: int = MAX_CELLS) -> ImportRejected:
    return ImportRejected([Problem("sheet_too_big", file_name, sheet=sheet, params={
        "rows": rows, "cols": cols, "cells": rows * cols, "limit": limit})])


class TooFar(Exception):
    """A sheet's extent passed a bound while it was being read (the reading stops there)."""

    def __init__(self, rows: int, cols: int, limit: int = MAX_CELLS, sheet: str | None = None, before: int = 0):
        super().__init__(rows, cols)
        self.rows, self.cols, self.limit, self.sheet, self.before = rows, cols, limit, sheet, before


class SheetEnd(Exception):
    """The end of the first <sheetData>: calamine reads no further, nor does the exact scan."""


class Unreadable(Exception):
    """A part of the file no reader should trust (a DTD, a cell inside a cell, a reference that is no reference)."""


def check_extent(rows: int, cols: int, limit: int = MAX_CELLS, sheet: str | None = None, before: int = 0) -> None:
    """TooFar when a sheet reaching row `rows`, column `cols` passes Excel's bounds or, with `before` cells of the
    file's earlier sheets, `limit` cells from A1."""
    if rows > MAX_ROWS or cols > MAX_COLS or before + rows * cols > limit:
        raise TooFar(rows, cols, limit, sheet, before)


def refusal(file_name: str, sheet: str | None, far: TooFar) -> ImportRejected:
    """The rejection for a sheet past the bounds, in the words that fit what it passed."""
    sheet = far.sheet or sheet
    if far.rows > MAX_ROWS or far.cols > MAX_COLS:
        return ImportRejected([Problem("sheet_too_far", file_name, sheet=sheet, params={
            "rows": far.rows, "cols": far.cols, "max_rows": MAX_ROWS, "max_cols": MAX_COLS})])
    if far.rows * far.cols <= far.limit:  # this sheet fits; with the sheets before it, the file does not
        return ImportRejected([Problem("book_too_big", file_name, params={
            "cells": far.before + far.rows * far.cols, "limit": far.limit})])
    return too_many_cells(file_name, sheet, far.rows, far.cols, far.limit)


def check_zip_extent(data: bytes, file_name: str) -> bool:
    """Refuse an xlsx/ods whose sheets reach past the bounds, read from its XML without calamine; True when some
    sheet needed the exact (slow) parse, i.e. was written unlike any spreadsheet program writes it."""
    total, odd = 0, False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = xlsx_sheet_names(z)
            for info in z.infolist():
                sheet = names.get(info.filename.lower())
                try:
                    # calamine falls back to reading a zip as .ods when it is no xlsx: content.xml is bounded too
                    if info.filename == "content.xml":
                        ods_cells(z, info)
                        continue
                    extent = member_extent(z, info)
                except TooFar as far:
                    raise refusal(file_name, sheet, far) from None
                if extent is None:
                    continue
                rows, cols, slow = extent
                odd = odd or slow
                if total + rows * cols > MAX_BOOK_CELLS:
                    raise refusal(file_name, sheet, TooFar(rows, cols, MAX_BOOK_CELLS, sheet, total))
                total += rows * cols
    except (ImportRejected, KeyboardInterrupt):
        raise
    except Exception as e:  # noqa: BLE001 - a damaged member: bad CRC, bad deflate data, malformed XML, a DTD
        raise ImportRejected([Problem("unreadable", file_name, params={"detail": str(e)[:200]})]) from e
    return odd


def xml_starts(data: bytes) -> list[tuple[str, dict]]:
    """(local name, attributes) of every element of a small XML part; a DTD is refused, so no entity is expanded."""
    found: list[tuple[str, dict]] = []
    parser = expat_parser()
    parser.StartElementHandler = lambda name, attrs: found.append((name.split(":", 1)[-1], attrs))
    parser.Parse(data, True)
    return found


def expat_parser():
    """An expat parser that refuses any DTD (entities are where XML bombs live; OOXML and ODF have none)."""
    from xml.parsers import expat

    def refuse(*args):
        raise Unreadable("DOCTYPE")

    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    return parser


def xlsx_sheet_names(z: zipfile.ZipFile) -> dict[str, str]:
    """{member path in lower case: sheet name} from the workbook and its relationships (to name a sheet; every
    member is scanned whatever they say, as calamine finds parts by name, ignoring case)."""
    try:
        return sheet_paths(z)
    except Exception:  # noqa: BLE001 - names are a courtesy; a damaged workbook part is calamine's to report
        return {}


def sheet_paths(z: zipfile.ZipFile) -> dict[str, str]:
    lower = {n.lower(): n for n in z.namelist()}
    if "xl/workbook.xml" not in lower or "xl/_rels/workbook.xml.rels" not in lower:
        return {}
    targets = {attrs.get("Id"): attrs.get("Target", "") for local, attrs in
               xml_starts(z.read(lower["xl/_rels/workbook.xml.rels"])) if local == "Relationship"}
    names: dict[str, str] = {}
    for local, attrs in xml_starts(z.read(lower["xl/workbook.xml"])):  # a damaged one: calamine will say so
        rel = attrs.get("r:id") or attrs.get("relationships:id")
        if local != "sheet" or rel not in targets:
            continue
        target = targets[rel]
        # calamine's reading ("/xl/a" and "xl/a" as they are, anything else under xl/) and the package's own
        for path in (target.lstrip("/"), target if target.startswith("xl/") else f"xl/{target}",
                     posixpath.normpath(target.lstrip("/") if target.startswith("/") else f"xl/{target}")):
            names[path.lower()] = attrs.get("name", "")
    return names


def member_extent(z: zipfile.ZipFile, info: zipfile.ZipInfo) -> tuple[int, int, bool] | None:
    """(rows, columns, exact parse needed) of a worksheet member from A1, or None for a member holding no sheet."""
    scan = FastScan()
    with z.open(info) as member, ThreadPoolExecutor(1) as inflater:
        first = member.read(CHUNK)
        # UTF-16 hides the markup from a byte scan: the XML parser reads it (calamine reads no cell of it)
        scan.irregular = first[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) or first[:4] in (
            b"<\x00?\x00", b"\x00<\x00?", b"<\x00w\x00", b"\x00<\x00w")
        chunk = first
        while chunk and not scan.irregular:
            # the next chunk is inflated while this one is searched: zlib and RE2 both let go of the GIL
            following = inflater.submit(member.read, CHUNK)
            scan.feed(chunk)
            chunk = following.result()
        if not scan.irregular:
            scan.feed(b"", last=True)
            return (*scan.extent(), False) if scan.sheet else None
    with z.open(info) as member:
        exact = ExactScan()
        exact.read(member)
    return (exact.rows, exact.cols, True) if exact.sheet else None


class FastScan:
    """The extent of a sheet whose cells all begin `<c r="…"`, by regular expressions at C speed, chunk by chunk."""

    def __init__(self):
        self.tail = b""
        self.sheet = self.irregular = False
        self.rows = self.cols = 0

    def feed(self, chunk: bytes, last: bool = False) -> None:
        """Scan up to the chunk's last '<' (no tag is cut: '<' never occurs inside one); keep the rest."""
        piece = self.tail + chunk if self.tail else chunk
        cut = len(piece) if last else piece.rfind(b"<")
        if cut <= 0 and len(piece) > CHUNK:
            cut = len(piece)  # one enormous tag or text: its start is here, the rest holds no '<' to miss
        if cut <= 0:
            self.tail = piece
            return
        # the piece is searched between `start` and `cut` in place: copying 4 MB chunks cost more than the searches
        start, self.tail = 0, piece[cut:]
        if not self.sheet:  # calamine reads cells only after <sheetData>; a member without one is no sheet
            start = piece.find(b"sheetData", 0, cut)
            if start < 0:
                return
            self.sheet = True
        # the last cell gives the rows (programs write rows in order), the last whole row's last cell the width
        for end in (cut, piece.rfind(b"</row>", start, cut)):
            last = piece.rfind(b'<c r="', start, end) if end > start else -1
            m = LAST_CELL.match(piece, last, cut) if last >= 0 else None
            if m:
                self.rows = max(self.rows, int(m.group(2)))
                self.cols = max(self.cols, column_number(m.group(1).decode()))
        if nothing_past(piece, start, cut, self.rows, self.cols):
            return  # the common case, decided without holding the GIL; otherwise the searches below say what
        if PREFIXED_CELL.search(piece, start, cut):
            self.irregular = True
            return
        if ODD_CELL.search(piece, start, cut):  # a cell written otherwise: only the exact parse can say where it sits
            self.irregular = True
            return
        # the cells past the extent so far, each read whole; the bound grows with each one found, so a chunk ending
        # mid-row (its last cell in column A) costs a match per column, not one per cell of its other columns
        while m := cells_beyond(self.rows, self.cols).search(piece, start, cut):
            self.rows = max(self.rows, int(m.group(2)))
            self.cols = max(self.cols, column_number(m.group(1).decode()))
            start = m.end()

    def extent(self) -> tuple[int, int]:
        check_extent(self.rows, self.cols)
        return self.rows, self.cols


class ExactScan:
    """A sheet's extent read as calamine reads it, with a real XML parser: a cell without `r` sits right of the
    previous one, a row without `r` below the previous one; only the first <sheetData> counts; stops at a bound."""

    def __init__(self):
        self.state = "before"
        self.sheet = self.in_cell = False
        self.row = self.col = self.rows = self.cols = self.cells = 0
        self.row_of_cell = 0

    def read(self, member) -> None:
        parser = expat_parser()
        parser.StartElementHandler = self.start
        parser.EndElementHandler = self.end
        try:
            while chunk := member.read(1 << 20):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
        except SheetEnd:
            pass

    def start(self, name: str, attrs: dict) -> None:
        local = name.split(":", 1)[-1]  # calamine matches local names, whatever the prefix
        if self.state == "before":
            if local == "sheetData":
                self.state, self.sheet = "in", True
            return
        if self.in_cell:
            if local in ("c", "row", "sheetData"):
                raise Unreadable(f"<{name}> inside a cell")
            return
        if local == "row":
            if "r" in attrs:
                self.row = reference(attrs["r"], need_column=False)[0]
        elif local == "c":
            if "r" in attrs:
                self.row_of_cell, self.col = reference(attrs["r"], need_column=True)
            else:
                self.row_of_cell = self.row
            self.in_cell = True
            self.cells += 1
            self.rows, self.cols = max(self.rows, self.row_of_cell + 1), max(self.cols, self.col + 1)
            check_extent(self.rows, self.cols)
            if self.cells > MAX_CELLS:  # duplicates: calamine would keep every one of them
                raise TooFar(self.cells, 1)

    def end(self, name: str) -> None:
        if self.state != "in":
            return
        local = name.split(":", 1)[-1]
        if self.in_cell:
            if local == "c":
                self.in_cell = False
                self.col += 1
            return
        if local == "row":
            self.row += 1
            self.col = 0
            if self.row > MAX_ROWS:
                raise TooFar(self.row, max(self.cols, 1))
        elif local == "sheetData":
            raise SheetEnd


def nothing_past(piece: bytes, start: int, end: int, rows: int, cols: int) -> bool:
    """True when piece[start:end] holds no prefixed cell, no cell written otherwise than `<c r="`, and no cell past
    (rows, cols): one pass of RE2 (pyarrow's, which lets go of the GIL) where Python's searches take three.

    It may say False when there is nothing (a reference with leading zeros): the exact searches then decide.
    """
    offsets = pa.py_buffer(np.array([start, end], dtype=np.int64))
    view = pa.Array.from_buffers(pa.large_binary(), 1, [None, offsets, pa.py_buffer(piece)])
    # two passes: RE2 skips to a pattern's first byte only when every alternative starts with the same one
    return not any(pc.match_substring_regex(view, pattern)[0].as_py() for pattern in (PREFIXED_RE2,
                                                                                    anything_past(rows, cols)))


SPACE_RE2 = r"\t\n\r\x0b\x0c "  # Python's \s in bytes; RE2's has no \x0b
PREFIXED_RE2 = rf":c[{SPACE_RE2}/>]"  # PREFIXED_CELL


@functools.lru_cache(maxsize=1024)
def anything_past(rows: int, cols: int) -> str:
    """An RE2 pattern (no lookahead) for a cell written otherwise than `<c r="` (ODD_CELL) or past (rows, cols)
    (cells_beyond); pyarrow reads binary data byte by byte, as Latin-1."""
    odd = rf'<c[/>{SPACE_RE2[:-1]}]|<c (?:[^r]|r[^=]|r=[^"]|r=?$|$)'
    letters, digits = column_letters(cols), str(rows) if rows > 0 else ""
    if not letters or not digits:
        past = r'<c r="[A-Za-z]+[0-9]'
    else:
        past = ('<c r="(?:' + greater(letters, "[A-Za-z]", letter_above, letter_same) + "|[A-Za-z]+"
                + greater(digits, "[0-9]", digit_above, str) + ")")
    return f"{odd}|{past}"


def greater(bound: str, symbol: str, above, same) -> str:
    """Alternatives for a run of `symbol`s whose value is above `bound` (written without leading zeros): a longer
    run, or as long with an equal beginning and then a symbol above."""
    return "(?:" + "|".join([f"{symbol}{{{len(bound) + 1},}}", *stepped(bound, symbol, above, same)]) + ")"


def stepped(bound: str, symbol: str, step, same) -> list[str]:
    """Runs as long as `bound` that begin as it does and then take `step` (a symbol above, or below) at one place."""
    options = []
    for i, ch in enumerate(bound):
        changed = step(ch)
        if changed is not None:
            rest = len(bound) - i - 1
            options.append("".join(map(same, bound[:i])) + changed + (f"{symbol}{{{rest}}}" if rest else ""))
    return options


def letter_above(ch: str) -> str | None:
    """The letters after `ch`, either case: C -> [D-Zd-z]."""
    up = chr(ord(ch) + 1)
    return f"[{up}-Z{up.lower()}-z]" if ch != "Z" else None


def digit_above(ch: str) -> str | None:
    return f"[{int(ch) + 1}-9]" if ch != "9" else None


@functools.lru_cache(maxsize=1024)
def cells_beyond(rows: int, cols: int) -> re.Pattern:
    """A pattern for `<c r="…"` cells whose column is past `cols` or whose row is past `rows`; groups: the
    reference's letters and digits.

    Its literal prefix `<c r="` lets the regular expression engine skip to each cell at C speed; then one negative
    lookahead, the exact "at most (cols, rows)", refuses a cell inside in a few steps, its most common forms tried
    first. An ordinary sheet yields no match at all. It runs only on chunks the RE2 pass flags (nothing_past).
    """
    letters, digits = column_letters(cols), str(rows) if rows > 0 else ""
    if not letters or not digits:  # nothing is inside yet: every cell is beyond
        return re.compile(b'<c r="([A-Za-z]+)([0-9]+)"')
    inside = at_most(letters, "[A-Za-z]", letter_below, letter_same) + at_most(digits, "[0-9]", digit_below, str)
    return re.compile(b'<c r="(?!' + inside.encode() + b'")([A-Za-z]+)([0-9]+)"')


def at_most(bound: str, symbol: str, below, same) -> str:
    """Alternatives for a run of `symbol`s whose value is at most `bound` (written without leading zeros): as long
    with an equal beginning and then a symbol below, the bound itself, or a shorter run (tried last: in a sheet's
    chunk most rows are as long as the last one). A longer run with leading zeros does not match: its cell is only
    read again."""
    options = [*stepped(bound, symbol, below, same), "".join(map(same, bound))]
    if len(bound) > 1:
        options.append(f"{symbol}{{1,{len(bound) - 1}}}")
    return "(?:" + "|".join(options) + ")"


def letter_below(ch: str) -> str | None:
    """The letters before `ch`, either case: D -> [A-Ca-c]."""
    down = chr(ord(ch) - 1)
    return f"[A-{down}a-{down.lower()}]" if ch != "A" else None


def letter_same(ch: str) -> str:
    return f"[{ch}{ch.lower()}]"


def digit_below(ch: str) -> str | None:
    return f"[0-{int(ch) - 1}]" if ch != "0" else None


def column_letters(number: int) -> str:
    """1 -> A, 28 -> AB, 0 -> '' (the inverse of column_number, in upper case)."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = LETTERS[rest] + letters
    return letters


def reference(text: str, need_column: bool) -> tuple[int, int]:
    """(row, column), 0-based, of "XFD1048576" as calamine reads it (letters optional for a row)."""
    m = REF.fullmatch(text)
    if not m or int(m.group(2)) == 0 or (need_column and not m.group(1)):
        raise Unreadable(f"cell reference {text[:40]!r}")
    return int(m.group(2)) - 1, column_number(m.group(1)) - 1 if m.group(1) else 0


def ods_cells(z: zipfile.ZipFile, info: zipfile.ZipInfo) -> int:
    """How many cells calamine would lay out for content.xml's tables (repeats expanded, trailing empty cells and
    rows ignored as LibreOffice writes them), summed from the stream before anything is expanded; TooFar past
    MAX_ODS_CELLS."""
    scan = OdsScan()
    parser = expat_parser()
    parser.StartElementHandler = scan.start
    parser.EndElementHandler = scan.end
    with z.open(info) as member:
        while chunk := member.read(1 << 20):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    return scan.total


class OdsScan:
    """Counts .ods tables as calamine expands them: a row is as wide as its last non-empty cell, a table as tall as
    its last non-empty row, a repeated non-empty cell or row counts as often as it is repeated; every table of the
    file is laid out at once, so the bound holds for their sum."""

    def __init__(self):
        self.total = self.in_cell = self.table = 0
        self.name: str | None = None

    def start(self, name: str, attrs: dict) -> None:
        local = name.split(":", 1)[-1]
        if self.in_cell:  # calamine skips what a cell holds (nested tables too)
            self.in_cell += 1
            return
        if local == "table":
            self.table += 1
            if self.table == 1:
                self.rows = self.used_rows = self.width = 0
                self.name = next((v for k, v in attrs.items() if k.split(":", 1)[-1] == "name"), None)
        elif self.table and local == "table-row":
            self.row_repeat = repeat(attrs, "number-rows-repeated")
            self.row_width = self.pending = 0
        elif self.table and local in ("table-cell", "covered-table-cell"):
            count = repeat(attrs, "number-columns-repeated")
            if attrs.get("office:value-type") == "string" or \
                    any(key.split(":", 1)[-1] in ODS_VALUE_ATTRS for key in attrs):
                self.row_width += self.pending + count
                self.pending = 0
                check_extent(1, self.row_width, MAX_ODS_CELLS, self.name)  # before the row is laid out
            else:
                self.pending += count  # empty: it counts only if a non-empty cell follows
            self.in_cell = 1

    def end(self, name: str) -> None:
        if self.in_cell:
            self.in_cell -= 1
            return
        local = name.split(":", 1)[-1]
        if not self.table:
            return
        if local == "table":
            self.table -= 1
            if not self.table:
                self.total += self.used_rows * self.width
        elif local == "table-row":
            self.rows += self.row_repeat
            if self.row_width:
                self.used_rows, self.width = self.rows, max(self.width, self.row_width)
                check_extent(self.used_rows, self.width, MAX_ODS_CELLS, self.name, before=self.total)


def repeat(attrs: dict, name: str) -> int:
    """A repeat count (number-rows-repeated, number-columns-repeated), whatever the prefix; 1 when absent."""
    for key, value in attrs.items():
        if key.split(":", 1)[-1] == name:
            if not value.strip().isdigit():
                raise Unreadable(f"{name}={value[:40]!r}")
            return int(value)
    return 1


def probe_sheets(data: bytes, file_name: str) -> None:
    """Open a file in a throw-away, memory-limited process first: calamine aborts the process on some damaged ones."""
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
        try:
            check_extent(int(height), int(width))
        except TooFar as far:
            raise refusal(file_name, name, far) from None


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
        raise ImportRejected([Problem("wrong_type", file_name, params={"kind": Said(FILE_KINDS[kind])})])
    odd = False
    if kind in ("xlsx", "ods"):
        check_archive(data, file_name)
        odd = check_zip_extent(data, file_name)
    if kind != "xlsx" or odd:  # an xlsx written unlike any program writes one gets the throw-away process too
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


_memo: OrderedDict[tuple[str, str], tuple[list[Sheet] | None, list[Problem]]] = OrderedDict()
_memo_lock = threading.Lock()


def read_workbook_once(data: bytes, file_name: str) -> list[Sheet]:
    """read_workbook, remembered by content and name (a page reruns on every widget change; the file is the same):
    a few recent files, up to MEMO_CELLS cells in all; a refusal is remembered too. Callers get their own rows."""
    import hashlib

    key = (hashlib.sha256(data).hexdigest(), file_name)
    with _memo_lock:
        if key in _memo:
            _memo.move_to_end(key)
            sheets, problems = _memo[key]
        else:
            sheets, problems = None, []
    if sheets is None and not problems:
        try:
            sheets = read_workbook(data, file_name)
        except ImportRejected as e:
            problems = e.problems
        size = sum(len(s.rows) * max((len(r) for r in s.rows), default=0) for s in sheets or [])
        if size <= MEMO_CELLS:
            with _memo_lock:
                _memo[key] = (sheets, problems)
                while len(_memo) > MEMO_FILES or sum(memo_size(v) for v in _memo.values()) > MEMO_CELLS:
                    _memo.popitem(last=False)
    if problems:
        raise ImportRejected(list(problems))
    return [Sheet(s.name, [list(r) for r in s.rows]) for s in sheets or []]


def memo_size(entry: tuple[list[Sheet] | None, list[Problem]]) -> int:
    return sum(len(s.rows) * max((len(r) for r in s.rows), default=0) for s in entry[0] or [])


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
    best, best_score = ",", (-1.0, 0.0, 0)
    for sep in (";", "\t", ","):
        try:
            counts = [len(row) for row in csv.reader(io.StringIO("\n".join(sample)), delimiter=sep)]
        except csv.Error:
            continue  # read_csv names the broken line
        if not counts:
            continue
        mode = max(set(counts), key=lambda n: (counts.count(n), n))
        share = counts.count(mode) / len(counts)
        # on a tie the more regular split wins: a name holding ';' («Sở '; DROP …») splits two lines of three, ','
        # splits every line alike
        score = (share * mode if mode > 1 and share >= 0.5 else 0.0, share, mode)
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

"""Mutations of the real workbooks and of good tables: byte-, zip-, XML- and cell-level, all from one seeded RNG."""

from __future__ import annotations

import io
import random
import re
import zipfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from tests.fuzz.xlsx import xlsx_bytes

REPO = Path(__file__).resolve().parent.parent.parent
REAL = REPO.parent / "shared" / "data" / "real"

# Cell values a careless export, a formula or a person produces.
WEIRD_TEXT = ["N/A", "KCDL", "-", "—", "", " ", "#DIV/0!", "#REF!", "#VALUE!", "=1/0", "65,5", "65.5.5", "1.234,5",
              "65,5%", "６５.５", "٦٥", "1e400", "-1e400", "1e-400", "NaN", "nan", "inf", "-inf", "Infinity", "0x1F",
              "1_000", "+-3", "∞", "١٢", "TRUE", "null", "None", "'; DROP TABLE score; --", "\" OR 1=1 --", "$x",
              "’ OR ‘1’=‘1", "{{7*7}}", "${jndi:ldap://x}", "%s%s%n", "\\x00", "Hà Nội", "Hà  Nội ", "HÀ NỘI",
              "Ha Noi", "TP. HCM", "2019", "Năm 2019", "PCI", "Xếp hạng", "Tổng", "Min", "Trung vị", "A" * 5000]
WEIRD_NUMBERS = [0, -0.0, -1, 1e308, -1e308, 1.7976931348623157e308, 5e-324, 1e20, 2 ** 63, 2 ** 64, 10 ** 30,
                 -(2 ** 63), 2 ** 31, float("nan"), float("inf"), float("-inf"), 99999, 1e-9, 0.1 + 0.2, True, False]
CONTROL = ["\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "\u0085", "\u200b", "\u200e",
           "\u202e", "\ufeff", "\ufffd", "\u2028", "\r", "\n", "\t", "\r\n", "\U0001f600", "\u0301"]


@dataclass
class Case:
    """One input: bytes, a file name, import options, and how it was made (to reproduce and to report)."""

    name: str
    data: bytes
    options: dict = field(default_factory=dict)
    how: str = ""


@cache
def real_files() -> list[Path]:
    """The real workbooks (none when ../shared/data/real is absent)."""
    if not REAL.is_dir():
        return []
    return sorted(p for p in REAL.glob("*/*") if p.suffix in (".xlsx", ".xls"))


@cache
def grids(path: Path) -> tuple[tuple[str, tuple[tuple, ...]], ...]:
    """A real workbook's sheets as read by the importer (immutable, so the cache is safe)."""
    from reformdash.ingest.read import read_workbook

    return tuple((s.name, tuple(tuple(r) for r in s.rows)) for s in read_workbook(path.read_bytes(), path.name))


def good_csv_rows() -> list[list]:
    """A small good PCI 2019 table."""
    from tests.fuzz.big import province_names

    names = province_names()
    return [["Tỉnh", "PCI", "Xếp hạng"]] + [[n, round(50 + i * 0.37, 2), i + 1] for i, n in enumerate(names)]


# ---------------------------------------------------------------- cell-level mutations of a grid

def _cells(grid: list[list], rng: random.Random, n: int) -> list[tuple[int, int]]:
    spots = [(r, c) for r in range(len(grid)) for c in range(len(grid[r]))]
    return rng.sample(spots, min(n, len(spots))) if spots else []


def text_cells(grid, rng):
    """Random cells turned into odd text."""
    for r, c in _cells(grid, rng, rng.randint(1, 12)):
        grid[r][c] = rng.choice(WEIRD_TEXT)
    return "text cells"


def numbers_as_text(grid, rng):
    """Numbers written as text, some with decimal commas or stray spaces."""
    for r, c in _cells(grid, rng, rng.randint(5, 60)):
        v = grid[r][c]
        if isinstance(v, float) and not isinstance(v, bool):
            grid[r][c] = rng.choice([str(v), str(v).replace(".", ","), f" {v} ", f"{v}%", f"{v:,.3f}"])
    return "numbers as text"


def weird_numbers(grid, rng):
    """Huge, tiny, NaN, inf, booleans, integers past 64 bits."""
    for r, c in _cells(grid, rng, rng.randint(1, 10)):
        grid[r][c] = rng.choice(WEIRD_NUMBERS)
    return "weird numbers"


def control_chars(grid, rng):
    """Control and invisible characters inside names and headers."""
    for r, c in _cells(grid, rng, rng.randint(1, 10)):
        text = str(grid[r][c])
        k = rng.randint(0, len(text))
        grid[r][c] = text[:k] + rng.choice(CONTROL) + text[k:]
    return "control characters"


def shuffle_headers(grid, rng):
    """Header cells (the first rows) shuffled within their row."""
    for r in range(min(len(grid), rng.randint(1, 6))):
        rng.shuffle(grid[r])
    return "shuffled headers"


def shuffle_columns(grid, rng):
    """Whole columns moved (headers and data together)."""
    width = max((len(r) for r in grid), default=0)
    order = list(range(width))
    rng.shuffle(order)
    for r, row in enumerate(grid):
        row = row + [""] * (width - len(row))
        grid[r] = [row[c] for c in order]
    return "shuffled columns"


def drop_or_duplicate_rows(grid, rng):
    """Rows removed, repeated or swapped (duplicates, lost headers)."""
    for _ in range(rng.randint(1, 6)):
        if not grid:
            break
        r = rng.randrange(len(grid))
        op = rng.random()
        if op < 0.4:
            del grid[r]
        elif op < 0.8:
            grid.insert(rng.randrange(len(grid) + 1), list(grid[r]))
        else:
            s = rng.randrange(len(grid))
            grid[r], grid[s] = grid[s], grid[r]
    return "rows dropped or repeated"


def blank_lines_and_columns(grid, rng):
    """Blank rows and columns inserted inside the table."""
    for _ in range(rng.randint(1, 4)):
        if rng.random() < 0.5:
            grid.insert(rng.randrange(len(grid) + 1), [])
        else:
            c = rng.randrange(max((len(r) for r in grid), default=0) + 1)
            for row in grid:
                row.insert(min(c, len(row)), "")
    return "blank rows or columns"


def transpose_grid(grid, rng):
    """Rows become columns."""
    width = max((len(r) for r in grid), default=0)
    grid[:] = [[row[c] if c < len(row) else "" for row in grid] for c in range(width)]
    return "transposed"


def wild_years(grid, rng):
    """Years in headers and cells far outside the indices' range."""
    for r, c in _cells(grid, rng, rng.randint(1, 5)):
        grid[r][c] = rng.choice(["Năm 0", "PCI 1899", "2050", "Năm 99999", -2019, 2019.5, 1e15, "2019-2020",
                                 "2019/2018", "PCI 2019 2020"])
    return "wild years"


def long_cells(grid, rng):
    """One enormous text cell (Excel allows 32,767 characters)."""
    r, c = _cells(grid, rng, 1)[0] if _cells(grid, rng, 1) else (0, 0)
    if grid:
        while len(grid[r]) <= c:
            grid[r].append("")
        grid[r][c] = "Hà Nội " * 4681
    return "a 32 KB cell"


CELL_MUTATIONS = [text_cells, numbers_as_text, weird_numbers, control_chars, shuffle_headers, shuffle_columns,
                  drop_or_duplicate_rows, blank_lines_and_columns, transpose_grid, wild_years, long_cells]


def mutate_sheets(sheets: list[tuple[str, list[list]]], rng: random.Random) -> tuple[list, str]:
    """Apply 1–3 cell mutations to random sheets; sometimes swap or rename sheets."""
    hows = []
    for _ in range(rng.randint(1, 3)):
        name, grid = rng.choice(sheets)
        m = rng.choice(CELL_MUTATIONS)
        hows.append(f"{m(grid, rng)} on «{name}»")
    if len(sheets) > 1 and rng.random() < 0.3:
        i, j = rng.sample(range(len(sheets)), 2)
        (a, ga), (b, gb) = sheets[i], sheets[j]
        sheets[i], sheets[j] = (a, gb), (b, ga)  # the names stay, the contents swap
        hows.append(f"swapped the contents of «{a}» and «{b}»")
    if rng.random() < 0.1:
        i = rng.randrange(len(sheets))
        sheets[i] = (rng.choice(["PCI 2019", "PAPI 2018", "Sheet1", "'; DROP TABLE score; --", "Năm 2019 (2)",
                                 "x" * 31, "PCI 2019\u200b"]), sheets[i][1])
        hows.append("renamed a sheet")
    return sheets, "; ".join(hows)


def unique_names(sheets: list[tuple[str, list[list]]]) -> dict[str, list[list]]:
    out: dict[str, list[list]] = {}
    for name, grid in sheets:
        while name in out:
            name += " (2)"
        out[name] = grid
    return out


def to_csv_bytes(grid: list[list], rng: random.Random) -> tuple[bytes, str]:
    """A grid as CSV with a random separator and encoding (as Excel and LibreOffice save them)."""
    import csv

    sep = rng.choice([",", ";", "\t"])
    buf = io.StringIO()
    csv.writer(buf, delimiter=sep, lineterminator=rng.choice(["\n", "\r\n"])).writerows(
        [["" if v is None else v for v in row] for row in grid])
    text = buf.getvalue()
    encoding = rng.choice(["utf-8", "utf-8-sig", "utf-16", "cp1258", "latin-1"])
    data = text.encode(encoding, errors="replace") if encoding in ("cp1258", "latin-1") else text.encode(encoding)
    return data, f"csv sep {sep!r} {encoding}"


# ---------------------------------------------------------------- byte-, zip- and XML-level mutations of a file

def truncate(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    cut = rng.randrange(1, max(2, len(data)))
    return data[:cut], f"truncated at byte {cut} of {len(data)}"


def flip_bytes(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    out = bytearray(data)
    n = rng.randint(1, 20)
    for _ in range(n):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out), f"{n} random bytes changed"


def zip_members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {i.filename: z.read(i.filename) for i in z.infolist()}


def rezip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in members.items():
            z.writestr(name, content)
    return buf.getvalue()


def drop_member(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    members = zip_members(data)
    victim = rng.choice(sorted(members))
    del members[victim]
    return rezip(members), f"zip member {victim} removed"


def corrupt_member(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    members = zip_members(data)
    victim = rng.choice(sorted(m for m in members if m.endswith(".xml")) or sorted(members))
    text = members[victim]
    cut = rng.randrange(len(text) + 1)
    junk = rng.choice([b"", b"<", b"<c r='A1'><v>1</v>", b"\x00\xff\xfe", b"]]>", b"&bogus;", b"<?xml?>"])
    members[victim] = text[:cut] + junk + text[cut + rng.randrange(0, 64):]
    return rezip(members), f"{victim} cut at {cut} with {junk!r}"


def swap_sheet_files(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    members = zip_members(data)
    sheets = sorted(m for m in members if re.match(r"xl/worksheets/sheet\d+\.xml$", m))
    if len(sheets) < 2:
        return drop_member(data, rng)
    a, b = rng.sample(sheets, 2)
    members[a], members[b] = members[b], members[a]
    return rezip(members), f"{a} and {b} swapped inside the zip"


def huge_dimension(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """A sheet claiming to span A1:XFD1048576 (the odd dimension record of PCI 2014, blown up)."""
    members = zip_members(data)
    sheets = sorted(m for m in members if m.startswith("xl/worksheets/sheet"))
    if not sheets:
        return flip_bytes(data, rng)
    victim = rng.choice(sheets)
    text = members[victim]
    ref = rng.choice([b"A1:XFD1048576", b"A1:ZZZZ99999999", b"A0:A0", b"", b"B2:A1"])
    if b"<dimension" in text:
        text = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="' + ref + b'"', text, count=1)
    members[victim] = text
    return rezip(members), f"{victim} dimension {ref.decode()}"


def entity_expansion(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """A 'billion laughs' DTD in the shared strings or a sheet: a parser that expands entities would explode."""
    members = zip_members(data)
    victim = "xl/sharedStrings.xml" if "xl/sharedStrings.xml" in members else sorted(
        m for m in members if m.startswith("xl/worksheets/sheet"))[0]
    dtd = b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">' + b"".join(
        b'<!ENTITY %s "%s">' % (chr(98 + i).encode(), (b"&" + chr(97 + i).encode() + b";") * 10) for i in range(9)
    ) + b"]>"
    text = members[victim]
    head_end = text.find(b"?>") + 2 if text.startswith(b"<?xml") else 0
    body = text[head_end:]
    body = re.sub(rb"<t([ >])", rb"<t\1&j;", body, count=1) if b"<t" in body else body
    members[victim] = text[:head_end] + dtd + body
    return rezip(members), f"entity expansion DTD in {victim}"


def zip64_lies(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """A central directory that lies about the unpacked size of a member."""
    out = bytearray(data)
    pos = out.rfind(b"PK\x01\x02")
    if pos < 0:
        return truncate(data, rng)
    size = rng.choice([0, 1, 0xFFFFFFFF, 0x7FFFFFFF])
    out[pos + 24:pos + 28] = size.to_bytes(4, "little")
    return bytes(out), f"central directory says {size} bytes"


def far_cell(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """One stray cell far from the table (a sheet that calamine would lay out densely up to it)."""
    members = zip_members(data)
    sheets = sorted(m for m in members if m.startswith("xl/worksheets/sheet"))
    if not sheets:
        return truncate(data, rng)
    victim = rng.choice(sheets)
    ref = rng.choice(["XFD1048576", "XFD70", "C1048576", "ZZ200000", "AAAA1"])
    row = "".join(ch for ch in ref if ch.isdigit())
    members[victim] = members[victim].replace(
        b"</sheetData>", f'<row r="{row}"><c r="{ref}"><v>1</v></c></row></sheetData>'.encode(), 1)
    return rezip(members), f"a stray cell at {ref} in {victim}"


BYTE_MUTATIONS = [truncate, flip_bytes]
ZIP_MUTATIONS = [drop_member, corrupt_member, swap_sheet_files, huge_dimension, entity_expansion, zip64_lies,
                 far_cell]
OPTIONS = [{}, {}, {}, {"index": "PCI"}, {"year": 2019}, {"index": "PAPI", "year": 2018}, {"sheet": "Summary"},
           {"level": "unit", "parent": "22", "create_units": True}, {"index": "'; DROP TABLE score; --"},
           {"year": -1}, {"year": 99999}, {"sheet": "không có"}, {"parent": "\" OR 1=1 --", "level": "unit"}]


def mutated_case(rng: random.Random, n: int) -> Case:
    """One mutated input: a real workbook (or a good table when they are absent) changed in one to three ways."""
    files = real_files()
    roll = rng.random()
    options = dict(rng.choice(OPTIONS)) if rng.random() < 0.2 else {}
    if files and roll < 0.35:
        path = rng.choice(files)
        data = path.read_bytes()
        if path.suffix == ".xlsx" and rng.random() < 0.7:
            m = rng.choice(ZIP_MUTATIONS)
        else:
            m = rng.choice(BYTE_MUTATIONS)
        data, how = m(data, rng)
        return Case(f"{n:05d}-{path.name}", data, options, f"{path.name}: {how}")
    if files:
        path = rng.choice(files)
        sheets = [(name, [list(r) for r in rows]) for name, rows in grids(path)]
        base = path.name
    else:
        sheets = [("PCI 2019", good_csv_rows())]
        base = "PCI 2019.xlsx"
    if not any(rows for _, rows in sheets):
        sheets = [("PCI 2019", good_csv_rows())]
    sheets, how = mutate_sheets(sheets, rng)
    if rng.random() < 0.2:
        name, grid = max(sheets, key=lambda s: len(s[1]))
        data, fmt = to_csv_bytes(grid, rng)
        stem = base.rsplit(".", 1)[0]
        return Case(f"{n:05d}-{stem}.csv", data, options, f"{base}: {how}; {fmt}")
    data = xlsx_bytes(unique_names(sheets))
    return Case(f"{n:05d}-{base.rsplit('.', 1)[0]}.xlsx", data, options, f"{base}: {how}")

"""No file may take the process down or eat gigabytes (issue 15, holes 2 and 5).

Each hostile file (tests/fuzz/hostile.py: a 1-2 kB xlsx reaching the far corner in every disguise the review found,
an 840-byte .ods whose repeats expand to 24.6 M cells, ...) goes through `python -m reformdash import` and
`goals import` in a subprocess, so a regression aborts that process (exit -6), not pytest. The refusal must be exit
2 with a sentence naming the file, the database unchanged, and the peak memory of the refusal small. Then: the
fast scan and the exact XML parse agree on ordinary sheets, and the upload page's reader reads a file once.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reformdash.errors import ImportRejected
from reformdash.ingest import read
from tests.fuzz.harness import REPO, Harness, cli_env, make_template
from tests.fuzz.hostile import HOSTILE, suffix

PEAK_MB = 400  # the attacks took 3.4 GB to 550 GB; the CLI alone (imports, DuckDB, the template) peaks near 200 MB
BOUNDS = ("vượt giới hạn", "ngoài giới hạn của Excel")  # sheet_too_big / book_too_big, sheet_too_far
# runs the CLI and reports its own peak memory and that of the throw-away reader it may start
# VmHWM, not ru_maxrss, for the CLI itself: Linux carries a forked parent's peak into the child's ru_maxrss across
# exec, so a large pytest process would be counted as the CLI's (VmHWM belongs to the new process image)
RUNNER = ("import re, resource, sys\n"
          "from reformdash.cli import main\n"
          "code = main(sys.argv[1:])\n"
          "own = int(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1))\n"
          "usage = [own, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss]\n"
          "print('PEAK_KB', *usage, file=sys.stderr)\n"
          "sys.exit(code)\n")


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return make_template(tmp_path_factory.mktemp("hostile"))


def run_cli(db, *args: str, timeout: float = 180) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", RUNNER, "--db", str(db), *args], cwd=REPO, env=cli_env(),
                          capture_output=True, text=True, timeout=timeout)


def peak_mb(stderr: str) -> float:
    line = next(line for line in stderr.splitlines() if line.startswith("PEAK_KB"))
    return max(int(v) for v in line.split()[1:]) / 1024


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_file_is_refused_cleanly_by_the_cli_with_little_memory(name, template, tmp_path):
    path = tmp_path / f"pci_2019_{name}{suffix(name)}"
    path.write_bytes(HOSTILE[name]())
    db = tmp_path / "db.duckdb"
    shutil.copyfile(template, db)
    before = Harness(db)
    fingerprint = before.before
    before.close()
    done = run_cli(db, "import", str(path))
    assert done.returncode == 2, f"exit {done.returncode} (-6 is the abort)\n{done.stderr[-2000:]}"
    assert f"Tệp «{path.name}»" in done.stderr and "Traceback" not in done.stderr, done.stderr
    assert any(words in done.stderr for words in BOUNDS), done.stderr  # refused for its size, not by chance
    assert peak_mb(done.stderr) < PEAK_MB, done.stderr
    after = Harness(db)
    assert after.before == fingerprint
    after.close()


@pytest.mark.parametrize("name", ["xlsx_double_quotes", "xlsx_single_quotes", "xlsx_no_r_attributes",
                                  "xlsx_sheet_outside_xl_absolute", "ods_repeated_block_24m"])
def test_goals_import_takes_the_same_guarded_read(name, template, tmp_path):
    path = tmp_path / f"muc_tieu_{name}{suffix(name)}"
    path.write_bytes(HOSTILE[name]())
    db = tmp_path / "db.duckdb"
    shutil.copyfile(template, db)
    done = run_cli(db, "goals", "import", str(path))
    assert done.returncode == 2, f"exit {done.returncode}\n{done.stderr[-2000:]}"
    assert f"Tệp «{path.name}»" in done.stderr and "Traceback" not in done.stderr, done.stderr
    assert any(words in done.stderr for words in BOUNDS), done.stderr
    assert peak_mb(done.stderr) < PEAK_MB, done.stderr


def test_the_refusals_say_what_was_passed_and_name_the_sheet():
    with pytest.raises(ImportRejected) as far:
        read.read_workbook(HOSTILE["xlsx_tab_before_r"](), "a.xlsx")
    assert "trang «PCI 2019»" in far.value.message and "1048576 dòng × 16384 cột" in far.value.message
    with pytest.raises(ImportRejected) as past:
        read.read_workbook(HOSTILE["ods_one_cell_repeated_past_excel"](), "b.ods")
    assert "cột 100000000" in past.value.message and "ngoài giới hạn của Excel" in past.value.message
    with pytest.raises(ImportRejected) as both:
        read.read_workbook(HOSTILE["ods_two_tables_over_the_sum"](), "c.ods")
    assert "cộng lại trải tới 5000000 ô" in both.value.message


# ---------------------------------------------------------------- what must still read

def test_an_ods_with_librecalcs_trailing_repeats_reads():
    """LibreOffice ends every sheet with a million empty rows of a thousand empty cells: nothing is laid out."""
    from tests.fuzz.hostile import ods_cell, ods_row, ods_with

    rows = ods_row([ods_cell("Tỉnh"), ods_cell("PCI"), ods_cell(None, 1022)]) + \
        ods_row([ods_cell("Hà Nội"), ods_cell(65.5), ods_cell(None, 1022)]) + \
        ods_row([ods_cell(None, 1024)], 1048574)
    sheets = read.read_workbook(ods_with({"PCI 2019": rows}), "pci.ods")
    assert [s.rows for s in sheets] == [[["Tỉnh", "PCI"], ["Hà Nội", 65.5]]]


def xlsx_variants() -> list[tuple[str, bytes]]:
    """One ordinary table written as programs write it and in the odd ways the exact parse must follow."""
    from tests.fuzz.hostile import sheet_xml, xlsx_with

    def body(attr) -> str:
        rows = []
        for r in range(1, 41):
            cells = "".join(f"<c{attr(f'{col}{r}')}><v>{r * 10 + n}</v></c>" for n, col in enumerate("ABCDEFG"))
            rows.append(f'<row r="{r}">{cells}</row>')
        return "".join(rows)

    plain = sheet_xml(body(lambda ref: f' r="{ref}"'))
    return [("canonical", xlsx_with(plain)),
            ("single quotes", xlsx_with(sheet_xml(body(lambda ref: f" r='{ref}'")))),
            ("no references", xlsx_with(sheet_xml(body(lambda ref: "").replace(' r="', ' x="')))),
            ("tab", xlsx_with(sheet_xml(body(lambda ref: f'\tr="{ref}"')))),
            ("utf-16", xlsx_with(plain.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")))]


@pytest.mark.parametrize("how, data", xlsx_variants(), ids=[v[0] for v in xlsx_variants()])
def test_the_fast_scan_and_the_exact_parse_agree_on_an_ordinary_sheet(how, data):
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
        rows, cols, exact = read.member_extent(z, info)
        parsed = read.ExactScan()
        with z.open(info) as member:
            parsed.read(member)
    assert (rows, cols) == (parsed.rows, parsed.cols) == (40, 7)
    assert exact == (how != "canonical")  # only what programs write takes the fast path
    if how != "utf-16":  # calamine reads no cell of a UTF-16 part; the check is only more careful than it
        sheets = read.read_workbook(data, "x.xlsx")
        assert len(sheets[0].rows) == 40 and len(sheets[0].rows[0]) == 7


def test_a_sheet_made_by_openpyxl_with_a_far_formatted_cell_is_measured_to_that_cell():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Tỉnh", "PCI"])
    ws["AB300"] = 1
    buf = io.BytesIO()
    wb.save(buf)
    import zipfile

    with zipfile.ZipFile(buf) as z:
        assert read.member_extent(z, z.getinfo("xl/worksheets/sheet1.xml")) == (300, 28, False)



@pytest.mark.parametrize("stray", ["C7", "H3", "Z40", "AA2", "XFD1", "A41", "B99", "E1048576", "A0000039", "ZZ9999",
                                   "BC100", "G40"])
@pytest.mark.parametrize("where", [0, 17, 39])
def test_the_fast_scan_finds_a_stray_cell_anywhere_as_the_exact_parse_does(stray, where):
    """A canonical sheet (the fast path) with one far cell in any row: both scans give the same extent."""
    import zipfile

    from tests.fuzz.hostile import sheet_xml, xlsx_with

    rows = []
    for r in range(1, 41):
        cells = "".join(f'<c r="{col}{r}"><v>{r}</v></c>' for col in "ABCDEFG")
        if r - 1 == where:
            cells += f'<c r="{stray}"><v>1</v></c>'
        rows.append(f'<row r="{r}">{cells}</row>')
    data = xlsx_with(sheet_xml("".join(rows)))
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
        parsed = read.ExactScan()
        with z.open(info) as member:
            parsed.read(member)
        try:
            fast = read.member_extent(z, info)
        except read.TooFar:
            fast = "too far"
    exact = (parsed.rows, parsed.cols, False) if parsed.rows * parsed.cols <= read.MAX_CELLS else "too far"
    assert fast == exact

# ---------------------------------------------------------------- the upload page reads a file once

def test_the_remembered_reader_reads_a_file_once_and_hands_out_its_own_rows(monkeypatch):
    calls = []
    real = read.read_workbook

    def counting(data, name):
        calls.append(name)
        return real(data, name)

    monkeypatch.setattr(read, "read_workbook", counting)
    monkeypatch.setattr(read, "_memo", type(read._memo)())
    data = "Tỉnh,PCI\nHà Nội,65.5\n".encode()
    first = read.read_workbook_once(data, "pci.csv")
    first[0].rows[0][0] = "changed by a caller"
    second = read.read_workbook_once(data, "pci.csv")
    assert calls == ["pci.csv"] and second[0].rows[0][0] == "Tỉnh"
    read.read_workbook_once(data, "other name.csv")  # a refusal names the file: the name is part of the key
    assert calls == ["pci.csv", "other name.csv"]


def test_a_refusal_is_remembered_and_the_memo_keeps_only_a_few_files(monkeypatch):
    calls = []
    real = read.read_workbook

    def counting(data, name):
        calls.append(name)
        return real(data, name)

    monkeypatch.setattr(read, "read_workbook", counting)
    monkeypatch.setattr(read, "_memo", type(read._memo)())
    hostile = HOSTILE["ods_repeated_block_24m"]()
    for _ in range(3):
        with pytest.raises(ImportRejected, match="vượt giới hạn"):
            read.read_workbook_once(hostile, "pci.ods")
    assert calls == ["pci.ods"]
    for n in range(read.MEMO_FILES + 3):
        read.read_workbook_once(f"Tỉnh,PCI\nHà Nội,{n}\n".encode(), f"{n}.csv")
    assert len(read._memo) == read.MEMO_FILES and ("pci.ods" not in {k[1] for k in read._memo})


def test_the_upload_page_reads_through_the_remembered_reader():
    source = (REPO / "pages" / "upload.py").read_text(encoding="utf-8")
    assert "inspect_file(" in source and "remember=True" in source


@settings(max_examples=3000, deadline=None)
@given(rows=st.integers(0, 2_000_000), cols=st.integers(0, 20_000), row=st.integers(1, 3_000_000),
       col=st.integers(1, 30_000), zeros=st.integers(0, 3), case=st.lists(st.booleans(), min_size=4, max_size=4),
       near=st.booleans())
def test_the_beyond_pattern_matches_exactly_the_cells_past_the_bound(rows, cols, row, col, zeros, case, near):
    """The fast scan reads only cells the pattern matches: it must match every cell past (rows, cols) and, so that an
    ordinary sheet costs no reading, none inside (a leading zero may make it read a cell again: harmless)."""
    if near:  # the interesting cases sit at the bound's own digits and letters
        row, col = max(rows + row % 3 - 1, 1), max(cols + col % 3 - 1, 1)
    letters = "".join(ch.lower() if low else ch for ch, low in zip(read.column_letters(col), case + [False] * 4))
    ref = f'<c r="{letters}{"0" * zeros}{row}"'.encode()
    assert read.column_number(letters) == col
    matched = read.cells_beyond(rows, cols).match(ref) is not None
    beyond = row > rows or col > cols
    assert matched == beyond or (matched and zeros)


CELL_STARTS = ['<c r="', "<c r='", '<c s="1" r="', "<c ", "<c\t", "<c\x0b", "<c>", "<c/>", '<x:c r="', "<x:c\n",
               '<c  r="', "<c r=", "<c r"]


@settings(max_examples=3000, deadline=None)
@given(rows=st.integers(0, 2_000_000), cols=st.integers(0, 20_000), row=st.integers(1, 3_000_000),
       col=st.integers(1, 30_000), zeros=st.integers(0, 2), lower=st.booleans(), start=st.sampled_from(CELL_STARTS),
       near=st.booleans(), end=st.sampled_from(['"><v>1</v></c>', '"/>', "", '" t="s"><v>0</v></c>']))
def test_the_re2_pass_says_nothing_is_past_only_when_pythons_searches_find_nothing(rows, cols, row, col, zeros,
                                                                                  lower, start, near, end):
    """RE2 decides most chunks alone: whenever Python's three searches would act on a piece (a prefixed cell, a cell
    written otherwise, a cell past the bound), the RE2 pass must say so too."""
    if near:
        row, col = max(rows + row % 3 - 1, 1), max(cols + col % 3 - 1, 1)
    letters = read.column_letters(col)
    piece = (f'<sheetData><row r="1">{start}{letters.lower() if lower else letters}{"0" * zeros}{row}{end}'
             "</row>").encode()
    acts = bool(read.PREFIXED_CELL.search(piece) or read.ODD_CELL.search(piece)
                or read.cells_beyond(rows, cols).search(piece))
    if acts:
        assert not read.nothing_past(piece, 0, len(piece), rows, cols)
    if start == '<c r="' and end and not zeros and row <= rows and col <= cols:
        assert read.nothing_past(piece, 0, len(piece), rows, cols)  # an ordinary cell inside: the fast answer


def test_an_ordinary_sheet_is_scanned_by_re2_alone(monkeypatch):
    """The 100,000-row bench sheet never reaches Python's searches (they hold the GIL and cost three times more)."""
    import zipfile

    from bench.imports import make_xlsx

    class Untouched:
        def search(self, *args):
            raise AssertionError("a Python search ran")

    data = make_xlsx(30_000)
    monkeypatch.setattr(read, "ODD_CELL", Untouched())
    monkeypatch.setattr(read, "PREFIXED_CELL", Untouched())
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert read.member_extent(z, z.getinfo("xl/worksheets/sheet1.xml")) == (30_002, 5, False)

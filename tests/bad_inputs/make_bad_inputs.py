"""Write the bad-input corpus: files the importer must reject with exit 2, a message naming the place, no write.

Usage: python tests/bad_inputs/make_bad_inputs.py TARGET_DIR

Deterministic: the only randomness is `random.Random(SEED)`. Nothing big is committed; the files are made
into a temporary folder by tests/test_bad_inputs.py. The one committed binary is the real password-protected
workbook pci_2019_password_real.xlsx (10 KB, made once with msoffcrypto-tool, which is not a dependency).

Each Case says the file to make, the extra CLI arguments of `import`, and the fragments the Vietnamese stderr
message must contain. Place fragments (sheet, row, column, value) are required only where the problem has a
place; file-level problems (empty, wrong type, zip bomb, password) only name the file and the reason.
"""

from __future__ import annotations

import csv
import io
import random
import shutil
import sys
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
if str(REPO) not in sys.path:  # also run as a script: python tests/bad_inputs/make_bad_inputs.py DIR
    sys.path.insert(0, str(REPO))

from tests.helpers import xlsx_bytes  # noqa: E402

SEED = 20240601
HEADER = "Tỉnh,PCI,Xếp hạng"
GOOD_ROWS = ["Hà Nội,65.5,2", "Quảng Ninh,70.1,1", "Đà Nẵng,64.2,3", "Hải Phòng,63.8,4", "Bắc Ninh,62.1,5"]


@dataclass
class Case:
    """One bad file: how to make it, how to import it, what the message must say."""

    name: str
    file: str
    make: Callable[[Path], None]
    args: list[str] = field(default_factory=list)
    expect: list[str] = field(default_factory=list)  # fragments of the Vietnamese stderr (file name added)
    absent: list[str] = field(default_factory=list)  # fragments that would name a wrong place


# ---------------------------------------------------------------- helpers


def csv_text(lines: list[str]) -> str:
    return "\n".join(lines) + "\n"


def write_text(text: str, encoding: str = "utf-8") -> Callable[[Path], None]:
    def make(path: Path) -> None:
        path.write_bytes(text.encode(encoding))
    return make


def write_bytes(data: bytes) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        path.write_bytes(data)
    return make


def good_with(row_no: int, line: str, header: str = HEADER) -> str:
    """The good CSV with its data line at spreadsheet row `row_no` (header = row 1) replaced by `line`."""
    rows = [header] + list(GOOD_ROWS)
    rows[row_no - 1] = line
    return csv_text(rows)


def provinces(year: int) -> list[str]:
    """Vietnamese names of the provinces that existed in `year`, from the reference data."""
    with open(REPO / "data" / "reference" / "entities.csv", encoding="utf-8") as f:
        out = []
        for r in csv.DictReader(f):
            if r["kind"] != "province":
                continue
            start = int(r["valid_from"][:4]) if r["valid_from"] else 0
            end = int(r["valid_to"][:4]) if r["valid_to"] else 9999
            if start <= year <= end:
                out.append(r["name_vi"])
    return out


def pci_table(year: int, start_value: float = 75.0) -> list[list]:
    """A full, plausible PCI table: header then one row per province, values falling, ranks 1..n."""
    names = provinces(year)
    rows: list[list] = [["STT", "Tỉnh", "Xếp hạng", "Ghi chú", "Chỉ số PCI"]]
    for i, name in enumerate(names):
        rows.append([i + 1, name, i + 1, "", round(start_value - i * 0.25, 2)])
    return rows


def make_deep_xlsx(path: Path) -> None:
    """Title row, blank row, header on row 3, data from row 4; row 40 column E holds 999."""
    table = pci_table(2019)
    rows: list[list] = [["Bảng xếp hạng PCI năm 2019"], []] + table
    rows[39][4] = 999  # spreadsheet row 40, column E
    path.write_bytes(xlsx_bytes({"PCI2019": rows}))


def make_two_sheets(path: Path) -> None:
    """Sheet 1 a good PCI 2018 table; sheet 2 the 2019 table with -2 at row 5, column E."""
    good = pci_table(2018)
    bad = pci_table(2019)
    bad[4][4] = -2  # header is row 1, so list index 4 is spreadsheet row 5
    path.write_bytes(xlsx_bytes({"PCI 2018": good, "PCI 2019": bad}))


def make_missing_sheet(path: Path) -> None:
    path.write_bytes(xlsx_bytes({"PCI 2019": pci_table(2019)}))


def make_truncated(path: Path) -> None:
    data = xlsx_bytes({"PCI 2019": pci_table(2019)})
    path.write_bytes(data[: len(data) // 2])


def make_zip_not_workbook(path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("readme.txt", "Đây là tệp nén, không phải bảng tính.\n")
        z.writestr("data/notes.txt", "PCI 2019\n")
    path.write_bytes(buf.getvalue())


def make_docx(path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<?xml version='1.0'?><Types/>")
        z.writestr("word/document.xml", "<?xml version='1.0'?><w:document/>")
    path.write_bytes(buf.getvalue())


def make_zip_bomb(path: Path) -> None:
    """A valid zip shaped like an xlsx whose worksheet unpacks to 400 MB of zeros (file well under 1 MB)."""
    chunk = b"\0" * (4 * 1024 * 1024)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                                          'package/2006/content-types"/>')
        z.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook/>')
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            for _ in range(100):
                member.write(chunk)


def make_ods_broken(path: Path) -> None:
    """An ODS-shaped zip (right mimetype) whose content.xml is not XML."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", "<?xml version='1.0'?><manifest:manifest/>")
        z.writestr("content.xml", b"\x00\x01<office:document-content \xff\xfe not xml at all")
    path.write_bytes(buf.getvalue())


def garbage(n: int, seed: int) -> bytes:
    rnd = random.Random(seed)
    data = bytes(rnd.randrange(256) for _ in range(n))
    return b"\x00\x13\x37" + data  # starts with no known magic, holds NUL bytes


def make_png(path: Path) -> None:
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
                     + garbage(200, SEED + 1))


def make_pdf(path: Path) -> None:
    path.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + garbage(300, SEED + 2)
                     + b"\n%%EOF\n")


def make_cfb_encrypted(path: Path) -> None:
    """Minimal OLE2/CFB shape of a password-protected workbook: magic, then the EncryptedPackage stream name."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + b"\x3e\x00\x03\x00\xfe\xff\x09\x00"
    header += b"\x00" * (512 - len(header))
    directory = ("EncryptionInfo".encode("utf-16-le") + b"\x00" * 10 + "EncryptedPackage".encode("utf-16-le"))
    path.write_bytes(header + directory + b"\x00" * (1024 - len(directory)) + garbage(1024, SEED + 3))


def make_ole_garbage(path: Path) -> None:
    """OLE2 magic (an old .xls) but nothing valid behind it."""
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + garbage(2000, SEED + 4))


def make_far_corner(path: Path) -> None:
    """A 1.6 KB xlsx with cells at XFD1 and A1048576: calamine would lay out 17 billion cells and abort the process."""
    from tests.fuzz.corner import far_corner_xlsx

    path.write_bytes(far_corner_xlsx())


def cfb_header_only() -> bytes:
    """An OLE2 (.xls) header and two stray bytes: calamine's Rust code panicked on it (found by tests/fuzz)."""
    import struct

    head = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
    head += b"\x00" * 6 + struct.pack("<9I", 0, 1, 1, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
    return head + struct.pack("<I", 0) + b"\xff\xff\xff\xff" * 108 + b"\x01\x02"


def nul_on_line(line: int) -> bytes:
    """A good CSV (a long note column pushes it past the 4 KB binary sniff) with a NUL byte on `line`."""
    rows = [HEADER + ",Ghi chú"] + [f"{r},{'ghi chú dài ' * 20}" for r in GOOD_ROWS * 8]
    rows = rows[:line - 1] + ["Hà Nội,6\x005.5,2,x"] + rows[line:]
    return csv_text(rows).encode("utf-8")


def copy_committed(name: str) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        shutil.copyfile(HERE / name, path)
    return make


TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def to_cp1258(text: str) -> bytes:
    """Vietnamese text the way Windows-1258 stores it: base letters precomposed, tone marks combining."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        try:
            out.append(ch.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in decomposed if c in TONE_MARKS)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
        out.append((base + tones).encode("cp1258"))
    return b"".join(out)


PROSE = """Báo cáo tóm tắt kết quả cải cách hành chính
Năm nay các địa phương đã có nhiều cố gắng trong việc cải thiện môi trường kinh doanh.
Đề nghị các sở, ngành tiếp tục rà soát thủ tục hành chính và công khai kết quả.
Nơi nhận: như trên; lưu VT.
"""

# ---------------------------------------------------------------- the cases

CASES: list[Case] = [
    # --- file-level: nothing to read, or not a spreadsheet at all
    Case("empty_0_bytes", "pci_2019_empty.csv", write_bytes(b""), [], ["rỗng"]),
    Case("whitespace_only_csv", "pci_2019_whitespace.csv", write_text("   \n\t\n  \r\n   \n"), [], ["rỗng"]),
    Case("binary_garbage_xlsx", "pci_2019_garbage.xlsx", write_bytes(garbage(4096, SEED)), [], ["xlsx"]),
    Case("png_renamed_csv", "pci_2019_chart.csv", make_png, [], ["PNG"]),
    Case("pdf_renamed_xlsx", "pci_2019_report.xlsx", make_pdf, [], ["PDF"]),
    Case("zip_not_workbook_xlsx", "pci_2019_archive.xlsx", make_zip_not_workbook, [], ["zip"]),
    Case("docx_renamed_xlsx", "pci_2019_letter.xlsx", make_docx, [], ["Word"]),
    Case("zip_bomb_xlsx", "pci_2019_bomb.xlsx", make_zip_bomb, [], ["MB"]),
    Case("password_cfb_minimal", "pci_2019_locked.xlsx", make_cfb_encrypted, [], ["mật khẩu"]),
    Case("password_real_xlsx", "pci_2019_password_real.xlsx", copy_committed("pci_2019_password_real.xlsx"), [],
         ["mật khẩu"]),
    Case("truncated_xlsx", "pci_2019_truncated.xlsx", make_truncated, [], []),
    Case("ole_garbage_xls", "pci_2019_old.xls", make_ole_garbage, [], []),
    Case("ods_broken", "pci_2019_broken.ods", make_ods_broken, [], []),
    # --- found by the fuzzer (tests/fuzz): each once crashed or killed the importing process
    Case("far_corner_cells_xlsx", "pci_2019_far_corner.xlsx", make_far_corner, [], ["1048576 dòng × 16384 cột"]),
    Case("xls_header_panics_reader", "pci_2007_cut.xls", write_bytes(cfb_header_only()), [], ["không đọc được"]),
    Case("utf8_bom_cut_mid_letter", "pci_2019_bom_cut.csv", write_bytes(b"\xef\xbb\xbf\"\"\nT\xe1"), [],
         ["bảng mã"]),
    Case("missing_cell_then_text_value", "pci_2019_na_then_text.csv",
         write_text(csv_text(["Tỉnh,PCI", "Hà Nội,N/A", "Quảng Ninh,cao", "Đà Nẵng,64.2", "Cần Thơ,63"])), [],
         ["dòng 3", "cột B", "«cao»"], absent=["dòng 4", "64.2"]),  # the N/A row shifted the place (and crashed)
    Case("nul_byte_on_line_40", "pci_2019_nul.csv", write_bytes(nul_on_line(40)), [], ["dòng 40", "cột B"]),
    Case("prose_no_table", "pci_2019_prose.csv", write_text(PROSE), [], ["bảng"]),
    Case("header_only_csv", "pci_2019_header_only.csv", write_text(csv_text([HEADER])), [], []),
    Case("missing_sheet_option", "pci_2019_sheets.xlsx", make_missing_sheet, ["--sheet", "Không có"],
         ["Không có", "PCI 2019"]),
    # --- names
    Case("unknown_provinces", "pci_2019_unknown_province.csv",
         write_text(csv_text([HEADER] + GOOD_ROWS + ["Hà Nộii,61.0,6", "Quang Tri Province XYZ,60.5,7",
                                                     "Sài Gòn City Center,60.1,8"])), [],
         ["dòng 7", "dòng 8", "dòng 9", "cột A", "«Hà Nộii»", "«Quang Tri Province XYZ»", "«Sài Gòn City Center»"]),
    Case("mostly_unknown_provinces", "pci_2019_mostly_unknown.csv",
         write_text(csv_text([HEADER, "Hà Nội,65.5,2", "Hà Nộii,70.1,1", "Quang Tri Province XYZ,64.2,3",
                              "Sài Gòn City Center,63.8,4"])), [],
         ["dòng 3", "dòng 4", "dòng 5", "cột A", "«Hà Nộii»", "«Quang Tri Province XYZ»", "«Sài Gòn City Center»"]),
    Case("ascii_typo_suggestion", "pci_2019_typo.csv", write_text(good_with(4, "Quang Nimh,64.2,3")), [],
         ["dòng 4", "cột A", "«Quang Nimh»", "có phải là", "Quảng Ninh"]),
    Case("ceased_province_ha_tay_2019", "pci_2019_ha_tay.csv", write_text(good_with(3, "Hà Tây,60.0,6")), [],
         ["dòng 3", "cột A", "Hà Tây", "2019"]),
    Case("unknown_unit_without_create", "par_index_2022_units.csv",
         write_text(csv_text(["Tên đơn vị,Chỉ số CCHC,Xếp hạng", "Sở Ngoại vụ Mặt Trăng,85.5,1",
                              "Ban Quản lý Sao Hỏa,80.2,2"])),
         ["--index", "PAR_INDEX", "--level", "unit", "--parent", "Quảng Ninh"],
         ["dòng 2", "cột A", "Sở Ngoại vụ Mặt Trăng", "--create-units"]),
    # --- values
    Case("duplicate_rows_different_values", "pci_2019_duplicate.csv",
         write_text(good_with(4, "Hà Nội,66.0,3")), [], ["dòng 4", "dòng 2", "Hà Nội", "66"]),
    Case("negative_value", "pci_2019_bad_negative.csv", write_text(good_with(3, "Quảng Ninh,-3,1")), [],
         ["dòng 3", "cột B", "«-3»"]),
    Case("pci_above_scale_120", "pci_2019_bad_120.csv", write_text(good_with(2, "Hà Nội,120,2")), [],
         ["dòng 2", "cột B", "«120»", "100"]),
    Case("papi_below_scale_5", "papi_2019_bad_5.csv",
         write_text(csv_text(["Tỉnh,PAPI,Xếp hạng", "Hà Nội,45.2,1", "Quảng Ninh,5,2", "Đà Nẵng,44.0,3"])), [],
         ["dòng 3", "cột B", "«5»", "10"]),
    Case("subindex_above_10", "pci_2019_bad_subindex.csv",
         write_text(csv_text(["Tỉnh,Chỉ số PCI,Chi phí gia nhập thị trường,Tiếp cận đất đai",
                              "Hà Nội,65.5,7.1,6.2", "Quảng Ninh,70.1,8.0,6.9", "Đà Nẵng,64.2,7.5,12.5",
                              "Hải Phòng,63.8,7.2,6.1", "Bắc Ninh,62.1,7.0,6.0", "Cần Thơ,63.0,6.9,6.3"])), [],
         ["dòng 4", "cột D", "«12.5»", "10"]),
    Case("subindex_above_10_square_table", "pci_2019_bad_subindex_square.csv",
         write_text(csv_text(["Tỉnh,Chỉ số PCI,Chi phí gia nhập thị trường,Tiếp cận đất đai",
                              "Hà Nội,65.5,7.1,6.2", "Quảng Ninh,70.1,8.0,6.9", "Đà Nẵng,64.2,7.5,12.5",
                              "Hải Phòng,63.8,7.2,6.1"])), [],
         ["dòng 4", "cột D", "«12.5»", "10"]),
    Case("text_value_cao", "pci_2019_bad_text.csv", write_text(good_with(5, "Hải Phòng,cao,4")), [],
         ["dòng 5", "cột B", "«cao»"]),
    Case("huge_number_1e308", "pci_2019_bad_huge.csv", write_text(good_with(2, "Hà Nội,1e308,2")), [],
         ["dòng 2", "cột B", "1e308"]),
    Case("inf_value", "pci_2019_bad_inf.csv", write_text(good_with(3, "Quảng Ninh,inf,1")), [],
         ["dòng 3", "cột B", "«inf»"]),
    Case("formula_error_value", "pci_2019_bad_div0.csv", write_text(good_with(4, "Đà Nẵng,#DIV/0!,3")), [],
         ["dòng 4", "cột B", "«#DIV/0!»"]),
    Case("rank_fraction", "pci_2019_bad_rank_frac.csv", write_text(good_with(2, "Hà Nội,65.5,1.5")), [],
         ["dòng 2", "cột C", "«1.5»"]),
    Case("rank_text", "pci_2019_bad_rank_text.csv", write_text(good_with(3, "Quảng Ninh,70.1,abc")), [],
         ["dòng 3", "cột C", "«abc»"]),
    Case("rank_zero", "pci_2019_bad_rank_zero.csv", write_text(good_with(6, "Bắc Ninh,62.1,0")), [],
         ["dòng 6", "cột C", "«0»"]),
    # --- years
    Case("impossible_year_1850_option", "pci_bad_year_option.csv", write_text(csv_text([HEADER] + GOOD_ROWS)),
         ["--year", "1850"], ["1850"], absent=["cột B"]),  # the year came from --year, not from cell B2
    Case("year_column_2099", "long_bad_year_column.csv",
         write_text(csv_text(["Tỉnh,Mã chỉ số,Năm,Giá trị", "Hà Nội,PCI,2019,65.5", "Quảng Ninh,PCI,2099,70.1",
                              "Đà Nẵng,PCI,2019,64.2"])), [], ["dòng 3", "cột C", "«2099»"]),
    Case("year_column_text", "long_bad_year_text.csv",
         write_text(csv_text(["Tỉnh,Mã chỉ số,Năm,Giá trị", "Hà Nội,PCI,2019,65.5", "Quảng Ninh,PCI,2019,70.1",
                              "Đà Nẵng,PCI,năm ngoái,64.2"])), [], ["dòng 4", "cột C", "«năm ngoái»"]),
    # --- long tables
    Case("long_unknown_index", "long_bad_index.csv",
         write_text(csv_text(["Tỉnh,Mã chỉ số,Năm,Giá trị", "Hà Nội,PCI,2019,65.5", "Quảng Ninh,XYZ,2019,70.1",
                              "Đà Nẵng,PCI,2019,64.2"])), [], ["dòng 3", "cột B", "«XYZ»"]),
    Case("long_unknown_component", "pci_long_bad_component.csv",
         write_text(csv_text(["Tỉnh,Năm,Chỉ số thành phần,Điểm", "Hà Nội,2019,Tính minh bạch,6.5",
                              "Hà Nội,2019,Chỉ số hạnh phúc,7.0", "Quảng Ninh,2019,Tính minh bạch,7.1"])),
         ["--index", "PCI"], ["dòng 3", "cột C", "«Chỉ số hạnh phúc»"]),
    # --- spreadsheets with a place deep inside
    Case("xlsx_title_row_bad_row40_colE", "pci_2019_deep.xlsx", make_deep_xlsx, [],
         ["trang «PCI2019»", "dòng 40", "cột E", "999"]),
    Case("xlsx_bad_cell_on_second_sheet", "pci_two_sheets.xlsx", make_two_sheets, [],
         ["trang «PCI 2019»", "dòng 5", "cột E", "«-2»"]),
    # --- encodings and separators
    Case("cp1258_csv_bad_value", "pci_2019_cp1258.csv",
         write_bytes(to_cp1258(good_with(3, "Quảng Ninh,-5,1").replace("\n", "\r\n"))), [],
         ["dòng 3", "cột B", "«-5»"]),
    Case("utf16_csv_bad_value", "pci_2019_utf16.csv", write_text(good_with(4, "Đà Nẵng,abc,3"), "utf-16"), [],
         ["dòng 4", "cột B", "«abc»"]),
    Case("semicolon_decimal_comma_bad_value", "pci_2019_semicolon.csv",
         write_text(csv_text(["Tỉnh;PCI;Xếp hạng", "Hà Nội;65,5;2", "Quảng Ninh;70,1;1", "Đà Nẵng;-4,5;3",
                              "Hải Phòng;63,8;4"])), [], ["dòng 4", "cột B", "«-4,5»"]),
]


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 1
    target = Path(argv[0])
    build(target)
    print(f"{len(CASES)} files written to {target}")
    return 0


def build(target: Path) -> dict[str, Path]:
    """Make every case's file in `target`; return case name -> path."""
    target.mkdir(parents=True, exist_ok=True)
    names = [c.file for c in CASES]
    assert len(names) == len(set(names)), "two cases share a file name"
    out = {}
    for case in CASES:
        path = target / case.file
        case.make(path)
        out[case.name] = path
    return out


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""The import corpus: published tables transcribed by hand (real_tables.py) and staff-made department sheets.

`build(folder)` writes every file of the corpus into `folder` (xlsx are made here, never committed); run as a
script it also rewrites the committed text files: files/*.csv, expected/*, cases.csv and README's table.

    python tests/import_corpus/make_corpus.py

Staff sheets are generated with a fixed seed; their values are made up (labelled "generated"), their shapes are the
ones departments use. Published values come only from real_tables.py (no number is invented for them).
"""

from __future__ import annotations

import csv
import io
import random
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Font

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import real_tables as R  # noqa: E402

EXPECTED_COLUMNS = ["index", "year", "entity", "component", "value", "rank", "rank_of", "tier"]


@dataclass
class Case:
    """One import of the corpus: a file, the options it needs and what the database must hold afterwards."""

    case: str
    file: str
    shape: str
    options: str
    source: str
    exercises: str
    expected: list = field(default_factory=list)  # rows of EXPECTED_COLUMNS (the whole score table afterwards)
    refuse: list = field(default_factory=list)  # words the refusal must contain
    before: str = ""  # files imported first (with their own case's options), space separated case ids

    @property
    def result(self) -> str:
        return "refuse" if self.refuse else "values"


FILES: dict[str, bytes] = {}  # file name -> content (built by the functions below)
CASES: list[Case] = []


def E(index, year, entity, component, value, rank=None, rank_of=None, tier=None) -> list:
    """One expected score row."""
    return [index, year, entity, component or "", value, rank, rank_of, tier]


# ------------------------------------------------------------------ writers

def csv_text(rows: list[list], sep: str = ",") -> str:
    out = io.StringIO()
    w = csv.writer(out, delimiter=sep, lineterminator="\n")
    for row in rows:
        w.writerow(["" if c is None else c for c in row])
    return out.getvalue()


TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def cp1258(text: str) -> bytes:
    """Windows-1258 the way Vietnamese Windows writes it (tone marks as combining characters)."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONE_MARKS))
            out += base.encode("cp1258") + "".join(c for c in parts if c in TONE_MARKS).encode("cp1258")
    return out


def add_csv(name: str, rows: list[list], sep: str = ",", encoding: str = "utf-8") -> None:
    text = csv_text(rows, sep)
    FILES[name] = cp1258(text) if encoding == "cp1258" else text.encode(encoding)


def add_xlsx(name: str, sheets: dict[str, list[list]], merges: dict[str, list[str]] | None = None) -> None:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
        for rng in (merges or {}).get(title, []):
            ws.merge_cells(rng)
            ws[rng.split(":")[0]].alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws["A1"].font = Font(bold=True)
    buf = io.BytesIO()
    wb.save(buf)
    FILES[name] = buf.getvalue()


def num(text: str) -> float:
    """A printed number as a float: decimal comma or point, % and spaces dropped."""
    return float(str(text).strip().replace("%", "").replace(",", "."))


def rank_of_text(text: str) -> tuple[int | None, int | None]:
    t = str(text).strip()
    if not t:
        return None, None
    if "/" in t:
        a, b = t.split("/")
        return int(a.strip().split()[-1]), int(b)
    return int(t.split()[-1]), None


# ------------------------------------------------------------------ published tables

def real_top_list(case, name, rows, year, header, title_lines, source_line, source, sep=",", encoding="utf-8",
                  shape="", exercises="", options="", xlsx=False):
    table = [[t] for t in title_lines] + [header]
    expected = []
    for entity, score, rank, tier, code in rows:
        table.append([entity, score, rank, tier])
        expected.append(E("PCI", year, code, "", num(score), int(rank), 63, tier.strip()))
    table.append([source_line])
    if xlsx:
        add_xlsx(name, {"Sheet1": table})
    else:
        add_csv(name, table, sep, encoding)
    CASES.append(Case(case, name, shape, options, source, exercises, expected))


def build_real() -> None:
    real_top_list("r01", "pci_2019_top17_vinhphuc.csv", R.PCI_2019_TOP17, 2019,
                  ["Địa phương", "Điểm số PCI", "Xếp hạng", "Nhóm xếp hạng"],
                  ["Bảng xếp hạng PCI các tỉnh từ năm 2005 đến 2019", "Bảng xếp hạng PCI năm 2019"],
                  "Nguồn: Cổng thông tin doanh nghiệp tỉnh Vĩnh Phúc, 07/05/2020", R.VP_2019,
                  shape="top 17 of 63: title (with 2005 and 2019 in it), score, rank, tier; source note",
                  exercises="partial table keeps published ranks; rank_of 63 not 17; title with two years")
    real_top_list("r02", "PCI 2018 top 15.csv", R.PCI_2018_TOP15, 2018,
                  ["Địa Phương", "PCI", "Xếp hạng PCI", "Nhóm xếp hạng"], ["Top 15 bảng xếp hạng PCI năm 2018"],
                  "Nguồn: doanhnghiep.vinhphuc.gov.vn", R.VP_2019, sep=";",
                  shape="top 15, ';' CSV, cells with stray spaces, «Hà nội»",
                  exercises="';' separator, spaces around numbers and names, header «PCI» only")
    real_top_list("r03", "pci2017_top10.csv", R.PCI_2017_TOP12, 2017,
                  ["Địa Phương", "PCI", "Xếp hạng PCI", "Nhóm xếp hạng"], ["Top 10 bảng xếp hạng PCI năm 2017"],
                  "Nguồn: doanhnghiep.vinhphuc.gov.vn", R.VP_2019, encoding="utf-8-sig",
                  shape="«Top 10» title over 12 rows, UTF-8 BOM, rank « 9»",
                  exercises="BOM, partial coverage, rank with a leading space")
    real_top_list("r04", "PCI_2014_top10.xlsx", R.PCI_2014_TOP10, 2014,
                  ["Tên tỉnh", "PCI", "Xếp hạng", "Nhóm xếp hạng"], ["Top 10 bảng xếp hạng PCI năm 2014"],
                  "Nguồn: Cổng TTĐT tỉnh Vĩnh Phúc, 16/04/2015", R.VP_2014, xlsx=True,
                  shape="xlsx top 10, «Tên tỉnh», value «61.1» printed with one decimal",
                  exercises="xlsx partial table, text numbers")
    real_top_list("r05", "pci 2013 top 10 va vinh phuc.csv", R.PCI_2013_TOP10, 2013,
                  ["Tên tỉnh", "PCI", "Xếp hạng", "Nhóm xếp hạng"], ["Top 10 bảng xếp hạng PCI năm 2013"],
                  "Nguồn: vinhphuc.vn", R.VP_2014,
                  shape="top 10 plus the reader's own province at 26th; «TT- Huế»",
                  exercises="gap in ranks (10 then 26) is not a reason to re-rank; odd spelling of Huế")
    real_top_list("r06", "PCI2012.csv", R.PCI_2012_TOP10, 2012,
                  ["Tên tỉnh", "PCI", "Xếp hạng", "Nhóm xếp hạng"], ["Top 10 bảng xếp hạng PCI năm 2012"],
                  "Nguồn: vinhphuc.vn", R.VP_2014,
                  shape="top 10 plus Vĩnh Phúc 43rd; the year only in the title and the file name",
                  exercises="largest printed rank (43) is not the field size")
    real_top_list("r07", "xep_hang_pci_2011.xlsx", R.PCI_2011_TOP10, 2011,
                  ["Tên tỉnh", "PCI", "Xếp hạng", "Nhóm xếp hạng"], ["Top 10 bảng xếp hạng PCI năm 2011"],
                  "Nguồn: vinhphuc.vn", R.VP_2014, xlsx=True,
                  shape="xlsx top 10 plus Vĩnh Phúc 17th; «Đồng  Tháp» (two spaces), «Bà Rịa Vũng Tàu»",
                  exercises="names with double spaces and without the hyphen")
    real_top_list("r08", "pci_2016_top10.csv", R.PCI_2016_TOP3, 2016,
                  ["Địa Phương", "PCI", "Xếp hạng PCI", "Nhóm xếp hạng"], ["Top 10 bảng xếp hạng PCI năm 2016"],
                  "Nguồn: doanhnghiep.vinhphuc.gov.vn (chép 3 dòng đầu)", R.VP_2019,
                  shape="a «Top 10» title over the three rows retyped", exercises="three rows only: ranks 1-3 of 63")

    # vov.vn: rounded, decimal comma, imported over the precise top 12 of 2017
    rows = [["10 tỉnh, thành phố dẫn đầu PCI 2017"], ["Thứ hạng", "Tỉnh, thành phố", "Điểm PCI"]]
    rows += [[r, n, s] for r, n, s, _ in R.PCI_2017_VOV] + [["Nguồn: vov.vn, 3/2018"]]
    add_csv("pci_2017_vov_lam_tron.csv", rows, sep=";")
    precise = {code: (num(score), int(rank), tier.strip()) for _, score, rank, tier, code in R.PCI_2017_TOP12}
    expected = [E("PCI", 2017, code, "", v, rk, 63, t) for code, (v, rk, t) in precise.items()]
    CASES.append(Case("r09", "pci_2017_vov_lam_tron.csv", "rounded top 10 (one decimal, decimal comma) over the "
                      "precise top 12 of the same year", "", R.VOV,
                      "a value equal at the file's printed precision is unchanged and the precise value kept; ties "
                      "66,7/66,7 and 65,2/65,2 keep their published places", expected, before="r03"))

    # pcivietnam.vn Vietnamese sub-index table (PCI 2021, no year on the page)
    table = [["Bảng chỉ số PCI"], R.PCI_VI_HEADER]
    expected = []
    for name, cells, tier, code in R.PCI_2021_VI:
        parts = cells.split()
        table.append([name, *parts, tier])
        for comp, value in zip(R.PCI_COMPONENTS, parts[:10]):
            expected.append(E("PCI", 2021, code, comp, num(value)))
        expected.append(E("PCI", 2021, code, "", num(parts[10]), int(parts[11]), 63, tier))
    table.append(["Nguồn: pcivietnam.vn"])
    add_csv("bang_chi_so_pci_pcivietnam.csv", table)
    CASES.append(Case("r10", "bang_chi_so_pci_pcivietnam.csv", "first 21 of 63 rows: 10 sub-indices, score, rank, "
                      "tier; no year anywhere", "--year 2021", R.PCI_VI,
                      "«Chính sách hỗ trợ doanh nghiệp», «Điểm số PCI», «Bảng xếp hạng», «Xếp loại PCI»; partial: "
                      "sub-indices without ranks", expected))

    table = [["PCI Subindices of 63 provinces/cities"], R.PCI_EN_HEADER]
    expected = []
    for name, cells, tier, code in R.PCI_2019_EN:
        parts = cells.split()
        table.append([name, *parts, tier])
        if code is None:
            continue
        for comp, value in zip(R.PCI_COMPONENTS, parts[:10]):
            expected.append(E("PCI", 2019, code, comp, num(value)))
        expected.append(E("PCI", 2019, code, "", num(parts[10]), int(parts[11]), 63, tier))
    add_csv("pci_subindices_63_provinces.csv", table)
    CASES.append(Case("r11", "pci_subindices_63_provinces.csv", "English headers, names without diacritics, first "
                      "23 rows, a row of N/A for HCMC, no 14th place", "--year 2019", R.PCI_EN,
                      "«Access to land», «Labor Policy», «Law & Order», «PCI Score/Ranking/Tier»; N/A is missing",
                      expected))

    rows = [["Nguồn: investinquangninh.vn, mục Dữ liệu PCI"], ["TOP 10 BẢNG XẾP HẠNG PCI NĂM 2022"],
            ["Tỉnh, Thành phố", "Điểm PCI", "Hạng", "Nhóm xếp hạng"]]
    expected = []
    for name, score, rank, tier, code in R.PCI_2022_TOP10:
        rows.append([name, score, rank, tier])
        expected.append(E("PCI", 2022, code, "", num(score), int(rank), 63, tier))
    add_csv("top10_pci_2022.csv", rows, sep=";")
    CASES.append(Case("r12", "top10_pci_2022.csv", "top 10, ';' CSV whose first title line has a comma, header "
                      "«Tỉnh, Thành phố»", "", R.IQN, "separator from the body, not the title; «Hạng»", expected))

    # Quảng Ninh's profile: years as columns, score/rank pairs, province only in the title
    head1 = ["CHỈ SỐ THÀNH PHẦN"]
    head2 = [""]
    for y in R.QN_PROFILE_YEARS:
        head1 += [y, ""]
        head2 += ["Điểm số", "Thứ hạng"]
    table = [["Chỉ số thành phần PCI Quảng Ninh (2011 - 2022)"], head1, head2]
    expected = []
    for name, comp, first, cells in R.QN_PROFILE:
        parts = cells.split()
        row = [name] + [""] * (2 * (first - 2011)) + parts
        row += [""] * (1 + 2 * len(R.QN_PROFILE_YEARS) - len(row))
        table.append(row)
        for i in range(0, len(parts), 2):
            year = first + i // 2
            expected.append(E("PCI", year, "22", comp, num(parts[i]), int(parts[i + 1]), 63))
    table.append(["Nguồn: investinquangninh.vn (Dữ liệu PCI)"])
    merges = [f"{openpyxl.utils.get_column_letter(2 + 2 * k)}2:{openpyxl.utils.get_column_letter(3 + 2 * k)}2"
              for k in range(len(R.QN_PROFILE_YEARS))] + ["A2:A3"]
    add_xlsx("PCI Quang Ninh 2011-2022.xlsx", {"Quảng Ninh": table}, {"Quảng Ninh": merges})
    CASES.append(Case("r13", "PCI Quang Ninh 2011-2022.xlsx", "province profile: sub-indices as rows, years as "
                      "merged column pairs (Điểm số | Thứ hạng), decimal commas then points, the province only in "
                      "the title and sheet", "", R.IQN,
                      "one entity per sheet; a row starting in 2013; a row ending in 2020; no overall row",
                      expected))

    # ministries' PAR INDEX 2023: two-line header cells, extra score columns, «Trung bình» row
    header = ["Xếp hạng", "Các bộ, cơ quan ngang bộ", "Điểm\nthẩm định", "Điểm điều tra XHH", "Tổng điểm đạt được",
              "Chỉ số tổng hợp (PAR Index 2023)"]
    rows = [["PAR INDEX 2023: Chi tiết bảng xếp hạng của các bộ, cơ quan ngang bộ"],
            ["Bảng xếp hạng PAR INDEX 2023 của các bộ, cơ quan ngang bộ"], header]
    expected = []
    for rank, name, appraised, survey, total, index, code in R.MIN_2023_ROWS:
        rows.append([rank, name, appraised, survey, total, index])
        expected.append(E("PAR_INDEX", 2023, code, "", num(index), int(rank), 17))
    rows += [["Trung bình", "", "", "", "", "84.38"], ["* Kết quả Chỉ số CCHC tổng hợp"], ["Nguồn: Chinhphu.vn"]]
    add_csv("par_index_2023_bo_nganh.csv", rows)
    ignore = ('--level ministry --column "Điểm thẩm định=ignore" --column "Điểm điều tra XHH=ignore" '
              '--column "Tổng điểm đạt được=ignore"')
    CASES.append(Case("r14", "par_index_2023_bo_nganh.csv", "17 ministries: rank first, three score columns "
                      "besides the index, a header cell broken over two lines, «Trung bình» row", ignore, R.MIN_2023,
                      "--column ignore for the appraisal and survey parts; the whole field of 17 ranked", expected))
    CASES.append(Case("r14-refuse", "par_index_2023_bo_nganh.csv", "the same file without saying what the "
                      "appraisal and survey columns are", "--level ministry", R.MIN_2023,
                      "a numeric column of unknown meaning stops the import and names it",
                      refuse=["par_index_2023_bo_nganh.csv", "thẩm định", "cột C", "--column"]))

    rows = [["Justice ministry, Quang Ninh province lead public administrative reform index"],
            ["Province", "PAR Index 2023 (%)", "Rank"]]
    rows += [[n, v, r] for n, v, r, _ in R.PAR_2023_TOP5_EN] + [["Source: en.baochinhphu.vn, 17 April 2024"]]
    add_csv("par_index_2023_top5_en.csv", rows, sep=";")
    CASES.append(Case("r15", "par_index_2023_top5_en.csv", "English top 5, ';' CSV, title with a comma", "", R.BCP_EN,
                      "English names and header, (%) unit", [E("PAR_INDEX", 2023, c, "", num(v), int(r), 63)
                                                             for _, v, r, c in R.PAR_2023_TOP5_EN]))

    rows = [["KẾT QUẢ CÁC CHỈ SỐ NĂM 2021 CỦA TỈNH BÀ RỊA - VŨNG TÀU"], ["Chỉ số", "Điểm", "Xếp hạng", "Ghi chú"],
            ["PAR INDEX", "87,61", "", "giảm 7 bậc so với năm 2020"],
            ["PCI", "69,03", "thứ 9", "tăng 6 bậc so với năm 2020"],
            ["SIPAS", "86,72%", "Xếp thứ 38/63", ""],
            ["PAPI", "40,62", "", "nhóm 4 (nhóm đạt điểm thấp nhất)"],
            ["Nguồn: Báo Bà Rịa - Vũng Tàu, 7/2022"]]
    add_csv("chi_so_brvt_2021.csv", rows)
    CASES.append(Case("r16", "chi_so_brvt_2021.csv", "one province, four indices as rows (an index column), the "
                      "province and year only in the title, notes column", "", R.BRVT,
                      "long table with an index column; «thứ 9» and «Xếp thứ 38/63»",
                      [E("PAR_INDEX", 2021, "77", "", 87.61), E("PCI", 2021, "77", "", 69.03, 9, 63),
                       E("SIPAS", 2021, "77", "", 86.72, 38, 63), E("PAPI", 2021, "77", "", 40.62)]))

    rows = [["Chỉ số SIPAS năm 2023"], ["Địa phương", "Chỉ số SIPAS 2023", "Xếp hạng", "Ghi chú"]]
    rows += [[n, v, r, "giảm 3 bậc so với năm 2022" if c == "64" else ""] for n, v, r, c in R.SIPAS_2023]
    rows.append(["Nguồn: Báo Gia Lai (ảnh bảng xếp hạng của Bộ Nội vụ)"])
    add_csv("sipas_2023.csv", rows, sep=";")
    CASES.append(Case("r17", "sipas_2023.csv", "top 3 and Gia Lai (19th), values «90,61%»", "", R.GIALAI,
                      "percent sign with a decimal comma", [E("SIPAS", 2023, c, "", num(v), int(r), 63)
                                                            for _, v, r, c in R.SIPAS_2023]))

    rows = [["Quang Ninh Leads in PAPI 2020 Rankings"], ["Province", "PAPI 2020 score", "Ranking"]]
    rows += [[n, v, r] for n, v, r, _ in R.PAPI_2020_EN] + [["Source: news.gov.vn, April 14, 2021"]]
    add_xlsx("papi_2020_news_gov.xlsx", {"PAPI 2020": rows})
    CASES.append(Case("r18", "papi_2020_news_gov.xlsx", "top 3 and the two big cities without a rank, English",
                      "", R.NEWSGOV, "three decimals (48.811 is not 48811); rows without a rank",
                      [E("PAPI", 2020, c, "", num(v), int(r) if r else None, 63 if r else None)
                       for _, v, r, c in R.PAPI_2020_EN]))

    rows = [["KẾT QUẢ PAPI 2020 CỦA TỈNH QUẢNG NINH"], ["Chỉ số nội dung", "Điểm"]]
    rows += [[n, v] for n, v, _ in R.PAPI_2020_QN] + [["Tổng điểm", "48,811"], ["Nguồn: thitruonghanghoa.com"]]
    add_csv("papi_2020_quang_ninh.csv", rows, sep=";")
    CASES.append(Case("r19", "papi_2020_quang_ninh.csv", "one province's eight dimensions as rows and «Tổng điểm», "
                      "decimal commas, the province only in the title", "", R.TTHH,
                      "«48,811» with a decimal comma; profile of one province and year",
                      [E("PAPI", 2020, "22", c, num(v)) for _, v, c in R.PAPI_2020_QN] +
                      [E("PAPI", 2020, "22", "", 48.811)]))

    rows = [["Thua Thien Hue ranks 5th in country-wide PAPI ranking 2022"],
            ["Provincial Governance and Public Administration Performance Index ranking from 2018 to 2022:"],
            ["Year", "Score", "Ranking"], *[list(r) for r in R.TTH_PAPI], ["Source: gilimexip.com, 12 April 2023"]]
    add_csv("thua_thien_hue_papi.csv", rows, sep=";")
    CASES.append(Case("r20", "thua_thien_hue_papi.csv", "one province, years as rows, ranks «43/63», decimal "
                      "commas in an English page", "", R.GILIMEX,
                      "entity from the title; five years from the Year column",
                      [E("PAPI", int(y), "46", "", num(v), *rank_of_text(r)) for y, v, r in R.TTH_PAPI]))

    rows = [["TỔNG HỢP KẾT QUẢ CÁC CHỈ SỐ TỪ BÁO CHÍ"],
            ["Năm", "Tỉnh/thành phố", "Chỉ số", "Điểm", "Thứ hạng", "Nguồn"],
            ["2020", "Tuyên Quang", "PAPI", "44,396", "12/63", "tuyenquangtv.vn"],
            ["2017", "Quảng Ninh", "PAPI", "36,72", "32/63", "enternews.vn"],
            ["2022", "Nghệ An", "PCI", "66,60", "23/63", "baonghean.vn"],
            ["2021", "Quảng Ngãi", "PAR INDEX", "86,45", "39/63", "stttt.quangngai.gov.vn"],
            ["2023", "Hà Nội", "PAR INDEX", "91,43", "3/63", "nvsk.vnanet.vn"]]
    add_csv("tong_hop_bao_chi.csv", rows)
    CASES.append(Case("r21", "tong_hop_bao_chi.csv", "long table: year, province, index, score, «12/63» rank, "
                      "source column", "", f"{R.TQTV} {R.ENTERNEWS} {R.NGHEAN} {R.QNGAI} {R.NVSK_HN}",
                      "several indices and years in one table; a text column to leave alone",
                      [E("PAPI", 2020, "08", "", 44.396, 12, 63), E("PAPI", 2017, "22", "", 36.72, 32, 63),
                       E("PCI", 2022, "40", "", 66.60, 23, 63), E("PAR_INDEX", 2021, "51", "", 86.45, 39, 63),
                       E("PAR_INDEX", 2023, "01", "", 91.43, 3, 63)]))

    rows = [["NGÂN HÀNG NHÀ NƯỚC VIỆT NAM"], ["Chỉ số cải cách hành chính (Par Index) năm 2023"],
            ["Nội dung", "Kết quả", "Xếp hạng"],
            ["Chỉ số cải cách hành chính", "89,89%", "2/17"],
            ["Công tác chỉ đạo, điều hành cải cách hành chính", "97,02%", ""],
            ["Cải cách thủ tục hành chính", "97%", ""], ["Nguồn: vnba.org.vn, 14/6/2024"]]
    add_csv("nhnn_par_index_2023.csv", rows)
    CASES.append(Case("r22", "nhnn_par_index_2023.csv", "one ministry's profile: overall and two components as "
                      "rows, the ministry only in the title", "--level ministry", R.VNBA,
                      "«2/17» for a ministry; components by their Vietnamese names",
                      [E("PAR_INDEX", 2023, "NHNN", "", 89.89, 2, 17),
                       E("PAR_INDEX", 2023, "NHNN", "leadership", 97.02),
                       E("PAR_INDEX", 2023, "NHNN", "procedures", 97.0)]))

    rows = [["Chỉ số PAR INDEX năm 2021"], ["Xếp hạng", "Tỉnh, thành phố", "Chỉ số PAR INDEX (%)"]]
    rows += [[r, n, v] for r, n, v, _ in R.PAR_2021_QNGAI] + [["Nguồn: Sở TT&TT Quảng Ngãi, 25/5/2022"]]
    add_csv("par index 2021.csv", rows)
    CASES.append(Case("r23", "par index 2021.csv", "five leaders, Quảng Ngãi «39/63», the last «63/63»", "",
                      R.QNGAI, "rank column first, with and without the field",
                      [E("PAR_INDEX", 2021, c, "", num(v), *(rank_of_text(r) if "/" in r else (int(r), 63)))
                       for r, _, v, c in R.PAR_2021_QNGAI]))

    rows = [["PCI 2022 rankings (baonghean.vn, 11 April 2023)"], ["Province", "PCI 2022", "Rank (out of 63)"]]
    rows += [[n, v, r] for n, v, r, _ in R.PCI_2022_NGHEAN]
    add_csv("pci_2022_baonghean_en.csv", rows)
    CASES.append(Case("r24", "pci_2022_baonghean_en.csv", "six provinces an English article scores, «Ba Ria – Vung "
                      "Tau» with an en dash", "", R.NGHEAN, "field named in the header «(out of 63)»",
                      [E("PCI", 2022, c, "", num(v), int(r), 63) for _, v, r, c in R.PCI_2022_NGHEAN]))

    # years as columns: the ten provinces in all three Vĩnh Phúc top lists of 2017-2019
    by_year = {2017: R.PCI_2017_TOP12, 2018: R.PCI_2018_TOP15, 2019: R.PCI_2019_TOP17}
    values = {y: {code: score for _, score, _, _, code in rows_} for y, rows_ in by_year.items()}
    common = [code for _, _, _, _, code in R.PCI_2017_TOP12 if all(code in values[y] for y in by_year)]
    names = {code: name.strip() for name, _, _, _, code in R.PCI_2019_TOP17}
    rows = [["Điểm PCI các tỉnh dẫn đầu 2017 - 2019"], ["Tỉnh", "PCI 2017", "PCI 2018", "PCI 2019"]]
    rows += [[names[c], *(values[y][c].strip() for y in by_year)] for c in common]
    rows.append(["Nguồn: doanhnghiep.vinhphuc.gov.vn"])
    add_csv("diem_pci_2017_2019.csv", rows)
    CASES.append(Case("r25", "diem_pci_2017_2019.csv", "years as columns «PCI 2017 | PCI 2018 | PCI 2019», "
                      "ten provinces", "", R.VP_2019, "each column under its own year; partial: no ranks",
                      [E("PCI", y, c, "", num(values[y][c])) for y in by_year for c in common]))

    vp = {2011: ("62.57", "17"), 2012: ("55.15", "43"), 2013: ("58.86", "26"), 2014: ("61.81", "6"),
          2017: (" 64.90", "12"), 2018: (" 64.55", "13"), 2019: ("66.75", "17")}
    rows = [["Chỉ số PCI tỉnh Vĩnh Phúc qua các năm"], ["Năm", *vp], ["Điểm PCI", *(v for v, _ in vp.values())],
            ["Xếp hạng", *(r for _, r in vp.values())], ["Nguồn: vinhphuc.vn, doanhnghiep.vinhphuc.gov.vn"]]
    add_xlsx("pci_vinh_phuc_qua_cac_nam.xlsx", {"Vĩnh Phúc": rows})
    CASES.append(Case("r26", "pci_vinh_phuc_qua_cac_nam.xlsx", "one province, years as columns, a score row and a "
                      "rank row", "", f"{R.VP_2014} {R.VP_2019}", "years 2015-2016 absent; entity in the title",
                      [E("PCI", y, "26", "", num(v), int(r), 63) for y, (v, r) in vp.items()]))


# ------------------------------------------------------------------ staff-made department sheets

PAR_CRITERIA = [  # (PAR_INDEX component, header as departments write it, maximum)
    ("leadership", "Công tác chỉ đạo, điều hành CCHC", 10),
    ("institutions", "Cải cách thể chế", 9),
    ("procedures", "Cải cách thủ tục hành chính", 13),
    ("apparatus", "Cải cách tổ chức bộ máy", 9),
    ("civil_service", "Cải cách chế độ công vụ", 14),
    ("public_finance", "Cải cách tài chính công", 10),
    ("e_government", "Xây dựng và phát triển chính quyền điện tử, chính quyền số", 25),
    ("impact", "Tác động của CCHC", 10),
]
ASCII_NAMES = {"leadership": "Cong tac chi dao, dieu hanh CCHC", "institutions": "Cai cach the che",
               "procedures": "Cai cach thu tuc hanh chinh", "apparatus": "Cai cach to chuc bo may",
               "civil_service": "Cai cach che do cong vu", "public_finance": "Cai cach tai chinh cong",
               "e_government": "Xay dung va phat trien chinh quyen dien tu, chinh quyen so",
               "impact": "Tac dong cua CCHC"}
ENGLISH_NAMES = {"leadership": "Direction and management of administrative reform",
                 "institutions": "Institutional reform", "procedures": "Administrative procedure reform",
                 "apparatus": "Reform of the state administrative apparatus", "civil_service": "Civil service reform",
                 "public_finance": "Public finance reform", "e_government": "E-government and digital government",
                 "impact": "Impact of administrative reform"}

KONTUM_UNITS = [("KHỐI BỆNH VIỆN", ["Bệnh viện đa khoa tỉnh Kon Tum", "Bệnh viện Y dược cổ truyền - Phục hồi chức năng",
                                     "Bệnh viện Phổi", "Bệnh viện Đa khoa khu vực Ngọc Hồi"]),
                ("KHỐI TRUNG TÂM", ["Trung tâm Kiểm soát bệnh tật", "Trung tâm Pháp y", "Trung tâm Giám định y khoa",
                                    "Trung tâm Kiểm nghiệm", "Trung tâm Y tế thành phố Kon Tum",
                                    "Trung tâm Y tế huyện Đăk Hà", "Trung tâm Y tế huyện Sa Thầy",
                                    "Trung tâm Y tế huyện Đăk Tô"]),
                ("KHỐI CHI CỤC", ["Chi cục An toàn vệ sinh thực phẩm", "Chi cục Dân số - Kế hoạch hóa gia đình"])]
QN_UNITS = [("KHỐI BỆNH VIỆN", ["Bệnh viện Đa khoa tỉnh", "Bệnh viện Sản Nhi", "Bệnh viện Phổi", "Bệnh viện Bãi Cháy",
                                 "Bệnh viện Việt Nam - Thụy Điển Uông Bí", "Bệnh viện Y dược cổ truyền",
                                 "Bệnh viện Cẩm Phả"]),
            ("KHỐI TRUNG TÂM", ["Trung tâm Kiểm soát bệnh tật", "Trung tâm Pháp y", "Trung tâm Giám định y khoa",
                                "Trung tâm Kiểm nghiệm", "Trung tâm Y tế huyện Đầm Hà",
                                "Trung tâm Y tế thị xã Quảng Yên", "Trung tâm Y tế huyện Vân Đồn"])]
DAMHA_STATIONS = [("", ["Trạm Y tế thị trấn Đầm Hà", "Trạm Y tế xã Quảng Tân", "Trạm Y tế xã Quảng Lợi",
                        "Trạm Y tế xã Quảng An", "Trạm Y tế xã Quảng Lâm", "Trạm Y tế xã Đại Bình",
                        "Trạm Y tế xã Dực Yên", "Trạm Y tế xã Tân Bình", "Trạm Y tế xã Tân Lập"])]
VANDON_STATIONS = [("", ["Trạm Y tế thị trấn Cái Rồng", "Trạm Y tế xã Đài Xuyên", "Trạm Y tế xã Bình Dân",
                         "Trạm Y tế xã Vạn Yên", "Trạm Y tế xã Đoàn Kết", "Trạm Y tế xã Hạ Long",
                         "Trạm Y tế xã Đông Xá", "Trạm Y tế xã Quan Lạn", "Trạm Y tế xã Minh Châu",
                         "Trạm Y tế xã Bản Sen", "Trạm Y tế xã Thắng Lợi", "Trạm Y tế xã Ngọc Vừng"])]
BACGIANG_SCHOOLS = [("KHỐI TRƯỜNG THPT", ["Trường THPT Chuyên Bắc Giang", "Trường THPT Ngô Sĩ Liên",
                                           "Trường THPT Giáp Hải", "Trường THPT Lạng Giang số 1",
                                           "Trường THPT Yên Thế", "Trường THPT Lục Ngạn số 1"]),
                    ("KHỐI ĐƠN VỊ KHÁC", ["Trung tâm Giáo dục thường xuyên tỉnh",
                                          "Trường Phổ thông Dân tộc nội trú tỉnh",
                                          "Trung tâm Kỹ thuật tổng hợp - Hướng nghiệp"])]
KONTUM_DEPARTMENTS = [("KHỐI SỞ, BAN, NGÀNH", ["Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính", "Sở Kế hoạch và Đầu tư",
                                                "Sở Công Thương", "Sở Giao thông vận tải", "Sở Xây dựng",
                                                "Sở Tài nguyên và Môi trường", "Sở Giáo dục và Đào tạo", "Sở Y tế",
                                                "Ban Quản lý Khu kinh tế", "Thanh tra tỉnh", "Văn phòng UBND tỉnh",
                                                "Sở Văn hóa, Thể thao và Du lịch"])]
DDCI_CRITERIA = [("minh_bach", "Tính minh bạch và tiếp cận thông tin", 10), ("nang_dong", "Tính năng động", 10),
                 ("chi_phi_thoi_gian", "Chi phí thời gian", 10),
                 ("chi_phi_khong_chinh_thuc", "Chi phí không chính thức", 10),
                 ("canh_tranh_binh_dang", "Cạnh tranh bình đẳng", 10),
                 ("ho_tro_doanh_nghiep", "Hỗ trợ doanh nghiệp", 10), ("thiet_che_phap_ly", "Thiết chế pháp lý", 10),
                 ("vai_tro_nguoi_dung_dau", "Vai trò người đứng đầu", 10)]
DDCI_UNITS = [("KHỐI SỞ, NGÀNH", ["Sở Kế hoạch và Đầu tư", "Sở Tài nguyên và Môi trường", "Sở Xây dựng",
                                   "Sở Công Thương", "Cục Thuế tỉnh", "Công an tỉnh", "Ban Quản lý Khu kinh tế"]),
              ("KHỐI ĐỊA PHƯƠNG", ["UBND thành phố Hạ Long", "UBND thành phố Cẩm Phả", "UBND thành phố Uông Bí",
                                   "UBND thị xã Quảng Yên", "UBND huyện Vân Đồn", "UBND huyện Đầm Hà"])]

PARENTS = [  # code, name, parent: the departments the sheets belong to (made before each case)
    ("62-SYT", "Sở Y tế Kon Tum", "62"), ("22-SYT", "Sở Y tế Quảng Ninh", "22"),
    ("22-SYT-TTYTDH", "Trung tâm Y tế huyện Đầm Hà", "22-SYT"),
    ("22-SYT-TTYTVD", "Trung tâm Y tế huyện Vân Đồn", "22-SYT"),
    ("24-SGDDT", "Sở Giáo dục và Đào tạo Bắc Giang", "24"),
]
CUSTOM_INDICES = [  # code, Vietnamese name, components
    ("DDCI", "Chỉ số năng lực cạnh tranh cấp sở, ngành và địa phương", [(c, n) for c, n, _ in DDCI_CRITERIA]),
]


def ascii(text: str) -> str:
    """Vietnamese typed without diacritics, case kept."""
    text = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
    return unicodedata.normalize("NFC", "".join(ch for ch in text if unicodedata.category(ch) != "Mn"))


def tier_of(total: float) -> str:
    return "Xuất sắc" if total >= 90 else "Tốt" if total >= 80 else "Khá" if total >= 70 else "Trung bình"


def competition_ranks(values: dict) -> dict:
    """1224 ranking, higher is better."""
    return {k: 1 + sum(1 for w in values.values() if w > v) for k, v in values.items()}


def unit_scores(seed: int, groups, criteria) -> dict:
    """Generated scores: unit -> {component: value}, totals all distinct."""
    rng = random.Random(seed)
    units = [u for _, us in groups for u in us]
    while True:
        scores = {u: {c: round(m * rng.uniform(0.55, 1.0) * 4) / 4 for c, _, m in criteria} for u in units}
        totals = [round(sum(s.values()), 2) for s in scores.values()]
        if len(set(totals)) == len(totals):
            return scores


def unit_expected(index: str, year: int, parent: str, scores: dict, criteria, rank_components: bool = True,
                  ranks: dict | None = None, with_tier: bool = True) -> list:
    """Expected rows of a whole department sheet; a unit is written «PARENT_CODE/name as printed»."""
    totals = {u: round(sum(s.values()), 2) for u, s in scores.items()}
    ranks = ranks or competition_ranks(totals)
    n = len(scores)
    rows = []
    for u in scores:
        rows.append(E(index, year, f"{parent}/{u}", "", totals[u], ranks[u], n,
                      tier_of(totals[u]) if with_tier else None))
    for c, _, _ in criteria:
        comp = competition_ranks({u: s[c] for u, s in scores.items()})
        for u, s in scores.items():
            rows.append(E(index, year, f"{parent}/{u}", c, s[c], comp[u] if rank_components else None,
                          n if rank_components else None))
    return rows


def fmt(v: float, comma: bool = False) -> str | float:
    if not comma:
        return v
    return f"{v:g}".replace(".", ",")


def department_sheet(title_org: str, title: str, groups, scores, criteria, *, headers, total_header="Tổng điểm",
                     rank_header="Xếp hạng", tier_header="Xếp loại", numbering=True, group_rows=True,
                     summary=True, signature=True, max_in_header=True, max_row=False, comma=False, blank_cols=0,
                     notes=True, upper=False, stt="STT", unit_header="Tên đơn vị", rank_col=True, roman=False,
                     merge_groups=False):
    """Rows of a department's scoring sheet and the merges of its two-row header."""
    totals = {u: round(sum(s.values()), 2) for u, s in scores.items()}
    ranks = competition_ranks(totals)
    crit_heads = [f"{headers[c]} ({m} điểm)" if max_in_header else headers[c] for c, _, m in criteria]
    pad = [""] * blank_cols
    top = [stt, unit_header, "Điểm các lĩnh vực", *[""] * (len(criteria) - 1), *pad,
           f"{total_header} (100 điểm)" if max_in_header else total_header]
    if rank_col:
        top.append(rank_header)
    top.append(tier_header)
    if notes:
        top.append("Ghi chú")
    second = ["", "", *crit_heads, *pad, ""] + ([""] if rank_col else []) + [""] + ([""] if notes else [])
    if upper:
        top = [str(t).upper() for t in top]
        second = [str(t).upper() for t in second]
    rows = [[title_org], [title], [], top, second]
    ncols = len(top)
    header_row = 4
    merges = [f"A{header_row}:A{header_row + 1}", f"B{header_row}:B{header_row + 1}",
              f"C{header_row}:{openpyxl.utils.get_column_letter(2 + len(criteria))}{header_row}"]
    for k in range(2 + len(criteria) + blank_cols, ncols):
        col = openpyxl.utils.get_column_letter(k + 1)
        merges.append(f"{col}{header_row}:{col}{header_row + 1}")
    if numbering:
        rows.append([f"({i})" for i in range(1, ncols + 1)])
    if max_row:
        rows.append(["", "Điểm tối đa", *[m for _, _, m in criteria], *pad, 100] + ([""] if rank_col else []) +
                    [""] + ([""] if notes else []))
    n = 0
    romans = ["I", "II", "III", "IV"]
    for gi, (group, units) in enumerate(groups):
        if group and group_rows:
            rows.append([romans[gi], group] if roman else [group])
            if merge_groups:
                merges.append(f"A{len(rows)}:{openpyxl.utils.get_column_letter(ncols)}{len(rows)}")
        for u in units:
            n += 1
            s = scores[u]
            name = u.upper() if upper else u
            row = [n, name, *[fmt(s[c], comma) for c, _, _ in criteria], *pad, fmt(totals[u], comma)]
            if rank_col:
                row.append(ranks[u])
            row.append(tier_of(totals[u]))
            if notes:
                row.append("Tăng 2 bậc so với năm trước" if ranks[u] == 1 else "")
            rows.append(row)
    if summary:
        count = len(scores)
        sums = [round(sum(s[c] for s in scores.values()), 2) for c, _, _ in criteria]
        rows.append(["", "Tổng cộng", *[fmt(v, comma) for v in sums], *pad, fmt(round(sum(totals.values()), 2), comma)])
        rows.append(["", "Trung bình", *[fmt(round(v / count, 2), comma) for v in sums], *pad,
                     fmt(round(sum(totals.values()) / count, 2), comma)])
    if signature:
        rows += [[], ["", "NGƯỜI LẬP BIỂU", "", "", "", "", "GIÁM ĐỐC"], ["", "(Ký, ghi rõ họ tên)", "", "", "", "",
                                                                           "(Ký tên, đóng dấu)"],
                 [], ["", "Nguyễn Thị Hoa", "", "", "", "", "Trần Văn Minh"]]
    return rows, merges


def unit_case(case, name, shape, exercises, *, seed, year, parent, groups, criteria=PAR_CRITERIA, index="PAR_INDEX",
              headers=None, xlsx=True, sep=",", encoding="utf-8", extra_options="", before="", title_org="",
              title="", transpose=False, rank_col=True, parent_name=None, ascii_units=False, **kw):
    headers = headers or {c: n for c, n, _ in criteria}
    if ascii_units:
        groups = [(ascii(g), [ascii(u) for u in us]) for g, us in groups]
    scores = unit_scores(seed, groups, criteria)
    rows, merges = department_sheet(title_org, title, groups, scores, criteria, headers=headers, rank_col=rank_col,
                                    **kw)
    if transpose:
        rows = transposed_sheet(title_org, title, groups, scores, criteria, headers)
        merges = []
    if ascii_units:  # typed without diacritics throughout: headers, groups, names, tiers, signature
        rows = [[ascii(c) if isinstance(c, str) else c for c in row] for row in rows]
    if name not in FILES:
        if xlsx:
            add_xlsx(name, {"Tổng hợp": rows}, {"Tổng hợp": merges})
        else:
            add_csv(name, rows, sep, encoding)
    parent_arg = f'"{parent_name}"' if parent_name else parent
    options = f"--index {index} --year {year} --level unit --parent {parent_arg} --create-units {extra_options}".strip()
    expected = unit_expected(index, year, parent, scores, criteria, with_tier=not transpose)
    CASES.append(Case(case, name, shape, options, "generated", exercises, expected, before=before))
    return scores


def transposed_sheet(title_org, title, groups, scores, criteria, headers):
    """Criteria as rows, units as columns (how some departments lay it out on a landscape page)."""
    units = [u for _, us in groups for u in us]
    totals = {u: round(sum(s.values()), 2) for u, s in scores.items()}
    ranks = competition_ranks(totals)
    rows = [[title_org], [title], ["TT", "Tiêu chí", "Điểm tối đa", *units]]
    for i, (c, _, m) in enumerate(criteria, 1):
        rows.append([i, headers[c], m, *[scores[u][c] for u in units]])
    rows.append(["", "Tổng điểm", 100, *[totals[u] for u in units]])
    rows.append(["", "Xếp hạng", "", *[ranks[u] for u in units]])
    return rows


def build_staff() -> None:
    kt = "SỞ Y TẾ TỈNH KON TUM"
    qn = "SỞ Y TẾ TỈNH QUẢNG NINH"
    title = "BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM CCHC NĂM {}"
    kt24 = unit_case("s01", "syt_kontum_2024.xlsx", "Sở Y tế's 14 units: titles, two-row merged header, numbering "
                     "row (1)…(14), KHỐI groups, maxima in headers, total/rank/tier/notes, Tổng cộng/Trung bình, "
                     "signature block", "the department sheet of issue 11 §7", seed=1, year=2024, parent="62-SYT",
                     groups=KONTUM_UNITS, title_org=kt, title=title.format(2024))
    unit_case("s02", "syt_quangninh_2024.xlsx", "the same shape for Quảng Ninh's 14 units (also «Bệnh viện Đa khoa "
              "tỉnh», «Trung tâm Pháp y»)", "units land under their own parent", seed=2, year=2024, parent="22-SYT",
              groups=QN_UNITS, title_org=qn, title=title.format(2024))
    unit_case("s03", "syt_kontum_2024.xlsx", "Kon Tum's sheet imported after Quảng Ninh's", "never matched to the "
              "other department's «Bệnh viện Đa khoa tỉnh»/«Trung tâm Pháp y»", seed=1, year=2024, parent="62-SYT",
              groups=KONTUM_UNITS, title_org=kt, title=title.format(2024), before="s02")
    CASES[-1].expected += [r for c in CASES if c.case == "s02" for r in c.expected]
    unit_case("s04", "syt_quangninh_2024.xlsx", "Quảng Ninh's sheet imported after Kon Tum's", "the reverse order",
              seed=2, year=2024, parent="22-SYT", groups=QN_UNITS, title_org=qn, title=title.format(2024),
              before="s01")
    CASES[-1].expected += [r for c in CASES if c.case == "s01" for r in c.expected]
    unit_case("s05", "syt_kontum_2024.xlsx", "--parent given by name", "«--parent "
              "\"Sở Y tế Kon Tum\"» works like the code", seed=1, year=2024, parent="62-SYT",
              parent_name="Sở Y tế Kon Tum",
              groups=KONTUM_UNITS, title_org=kt, title=title.format(2024))
    unit_case("s06", "syt_quangninh_2023_khongdau.csv", "ASCII without diacritics CSV, same shape",
              "«Tong diem», «Xep hang», «Xep loai», «KHOI BENH VIEN»", seed=6, year=2023, parent="22-SYT",
              groups=QN_UNITS, ascii_units=True,
              headers=ASCII_NAMES, xlsx=False, title_org="SO Y TE TINH QUANG NINH",
              title="BANG TONG HOP KET QUA CHAM DIEM CCHC NAM 2023", total_header="Tong diem",
              rank_header="Xep hang", tier_header="Xep loai", unit_header="Ten don vi")
    unit_case("s07", "kontum_health_units_2023.xlsx", "English headers", "«Total», «Rank», «Grade», English "
              "criteria", seed=7, year=2023, parent="62-SYT", groups=KONTUM_UNITS, headers=ENGLISH_NAMES,
              title_org="KON TUM HEALTH DEPARTMENT", title="PAR SCORES OF SUBORDINATE UNITS 2023", total_header="Total",
              rank_header="Rank", tier_header="Grade", unit_header="Unit", stt="No.", max_in_header=False,
              max_row=True)
    unit_case("s08", "SYT_QN_2022_IN_HOA.csv", "UPPERCASE headers and unit names, ';' CSV, decimal commas",
              "case-insensitive headers and names", seed=8, year=2022, parent="22-SYT", groups=QN_UNITS, xlsx=False,
              sep=";", comma=True, upper=True, title_org=qn, title=title.format(2022))
    unit_case("s09", "syt_kontum_2022_cot_trong.xlsx", "two empty columns between the criteria and the total",
              "blank columns are not data", seed=9, year=2022, parent="62-SYT", groups=KONTUM_UNITS, blank_cols=2,
              title_org=kt, title=title.format(2022))
    unit_case("s10", "syt_quangninh_2021_diem_toi_da.xlsx", "a «Điểm tối đa» row under the header instead of "
              "maxima in the headers", "maximum-points row is not a unit", seed=10, year=2021, parent="22-SYT",
              groups=QN_UNITS, max_in_header=False, max_row=True, numbering=False, title_org=qn,
              title=title.format(2021), criteria=[c for c in PAR_CRITERIA if c[0] != "e_government"] +
              [("modernisation", "Hiện đại hóa hành chính", 25)], headers=None)
    unit_case("s11", "syt_kontum_2021_tieu_chi_theo_dong.xlsx", "criteria as rows, the 14 units as columns, a "
              "«Điểm tối đa» column, «Tổng điểm» and «Xếp hạng» rows", "units as columns", seed=11, year=2021,
              parent="62-SYT", groups=KONTUM_UNITS, transpose=True, title_org=kt, title=title.format(2021),
              criteria=[c for c in PAR_CRITERIA if c[0] != "e_government"] +
              [("modernisation", "Hiện đại hóa hành chính", 25)])
    unit_case("s12", "ttyt_damha_2024.xlsx", "a district health centre scoring its nine commune stations",
              "units under a unit", seed=12, year=2024, parent="22-SYT-TTYTDH", groups=DAMHA_STATIONS,
              title_org="TRUNG TÂM Y TẾ HUYỆN ĐẦM HÀ", title="KẾT QUẢ CHẤM ĐIỂM CCHC CÁC TRẠM Y TẾ NĂM 2024",
              unit_header="Trạm Y tế", group_rows=False)
    unit_case("s13", "ttyt_van_don_2023.csv", "Vân Đồn centre's twelve stations, CSV with BOM, no numbering row",
              "BOM; «Trạm Y tế xã …» names", seed=13, year=2023, parent="22-SYT-TTYTVD", groups=VANDON_STATIONS,
              xlsx=False, encoding="utf-8-sig", numbering=False, group_rows=False, signature=False,
              title_org="TRUNG TÂM Y TẾ HUYỆN VÂN ĐỒN", title="KẾT QUẢ CHẤM ĐIỂM CCHC CÁC TRẠM Y TẾ NĂM 2023")
    ddci_h = {c: n for c, n, _ in DDCI_CRITERIA}
    unit_case("s14", "ddci_quangninh_2023.xlsx", "DDCI-like: departments and districts scored on eight criteria, "
              "«Điểm DDCI», two groups", "a custom index (DDCI) with its own components", seed=14, year=2023,
              parent="22", groups=DDCI_UNITS, criteria=DDCI_CRITERIA, index="DDCI", headers=ddci_h,
              title_org="UBND TỈNH QUẢNG NINH", title="KẾT QUẢ ĐÁNH GIÁ DDCI NĂM 2023", total_header="Điểm DDCI",
              max_in_header=False)
    unit_case("s15", "ddci_quangninh_2022.csv", "DDCI ';' CSV with decimal commas, no notes", "decimal commas in a "
              "unit sheet", seed=15, year=2022, parent="22", groups=DDCI_UNITS, criteria=DDCI_CRITERIA, index="DDCI",
              headers=ddci_h, xlsx=False, sep=";", comma=True, notes=False, title_org="UBND TỈNH QUẢNG NINH",
              title="KẾT QUẢ ĐÁNH GIÁ DDCI NĂM 2022", total_header="Điểm DDCI", max_in_header=False)
    unit_case("s16", "sgddt_bacgiang_2024.xlsx", "Sở Giáo dục's nine schools and centres", "another kind of "
              "department", seed=16, year=2024, parent="24-SGDDT", groups=BACGIANG_SCHOOLS,
              title_org="SỞ GIÁO DỤC VÀ ĐÀO TẠO BẮC GIANG", title=title.format(2024))
    unit_case("s17", "sgddt_bacgiang_2023.csv", "the same in ASCII CSV", "ASCII names of schools", seed=17,
              year=2023, parent="24-SGDDT", groups=BACGIANG_SCHOOLS, ascii_units=True, headers=ASCII_NAMES,
              xlsx=False, title_org="SO GIAO DUC VA DAO TAO BAC GIANG",
              title="BANG TONG HOP KET QUA CHAM DIEM CCHC NAM 2023", total_header="Tong diem", rank_header="Xep hang",
              tier_header="Xep loai")
    unit_case("s18", "chi_so_cchc_so_nganh_kontum_2023.xlsx", "a province's PAR scoring of its 14 departments",
              "units directly under a province", seed=18, year=2023, parent="62", groups=KONTUM_DEPARTMENTS,
              title_org="UBND TỈNH KON TUM", title="CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CÁC SỞ, BAN, NGÀNH NĂM 2023",
              unit_header="Cơ quan, đơn vị")
    unit_case("s19", "syt_kontum_2020_cp1258.csv", "Windows-1258 CSV (Excel on Vietnamese Windows)", "encoding",
              seed=19, year=2020, parent="62-SYT", groups=KONTUM_UNITS, xlsx=False, encoding="cp1258",
              title_org=kt, title=title.format(2020), criteria=[c for c in PAR_CRITERIA if c[0] != "e_government"] +
              [("modernisation", "Hiện đại hóa hành chính", 25)])
    unit_case("s20", "syt_quangninh_2020.csv", "';' CSV with BOM and decimal commas", "separator and decimal "
              "mark together", seed=20, year=2020, parent="22-SYT", groups=QN_UNITS, xlsx=False, sep=";",
              encoding="utf-8-sig", comma=True, title_org=qn, title=title.format(2020),
              criteria=[c for c in PAR_CRITERIA if c[0] != "e_government"] +
              [("modernisation", "Hiện đại hóa hành chính", 25)])
    unit_case("s21", "syt_quangninh_2019_nhom_la_ma.xlsx", "groups numbered «I», «II» in the STT column",
              "roman group rows", seed=21, year=2019, parent="22-SYT", groups=QN_UNITS, roman=True, title_org=qn,
              title=title.format(2019), criteria=[c for c in PAR_CRITERIA if c[0] != "e_government"] +
              [("modernisation", "Hiện đại hóa hành chính", 25)])
    unit_case("s22", "syt_kontum_2019_khong_xep_hang.csv", "no rank column (tier only)", "ranks computed over the "
              "department's whole field of 14", seed=22, year=2019, parent="62-SYT", groups=KONTUM_UNITS,
              xlsx=False, rank_col=False, title_org=kt, title=title.format(2019),
              criteria=[c for c in PAR_CRITERIA if c[0] != "e_government"] +
              [("modernisation", "Hiện đại hóa hành chính", 25)])
    unit_case("s23", "syt_kontum_2023_gop_o.xlsx", "merged group rows across the table, header with line breaks",
              "merged cells", seed=23, year=2023, parent="62-SYT", groups=KONTUM_UNITS, title_org=kt,
              title=title.format(2023), total_header="Tổng điểm\n", merge_groups=True)
    unit_case("s24", "syt_quangninh_2022_song_ngu.xlsx", "bilingual two-row header (Vietnamese over English), no "
              "numbering", "second header row in English", seed=24, year=2022, parent="22-SYT", groups=QN_UNITS,
              numbering=False, headers={c: f"{n}\n{ENGLISH_NAMES[c]}" for c, n, _ in PAR_CRITERIA}, title_org=qn,
              title=title.format(2022) + " / PAR SCORES 2022", max_in_header=False)
    unit_case("s25", "ddci_kontum_2024.xlsx", "DDCI of Kon Tum's departments, uppercase", "custom index, upper "
              "case", seed=25, year=2024, parent="62", groups=[("KHỐI SỞ, NGÀNH", KONTUM_DEPARTMENTS[0][1][:10])],
              criteria=DDCI_CRITERIA, index="DDCI", headers=ddci_h, upper=True, title_org="UBND TỈNH KON TUM",
              title="KẾT QUẢ ĐÁNH GIÁ DDCI NĂM 2024", total_header="Điểm DDCI", max_in_header=False)

    unit_case("s38", "ttyt_damha_2023_khongdau.csv", "the Đầm Hà centre's stations typed without diacritics",
              "ASCII station names under a unit", seed=38, year=2023, parent="22-SYT-TTYTDH", groups=DAMHA_STATIONS,
              ascii_units=True, xlsx=False, group_rows=False, title_org="TRUNG TAM Y TE HUYEN DAM HA",
              title="KET QUA CHAM DIEM CCHC CAC TRAM Y TE NAM 2023", unit_header="Tram Y te", total_header="Tong diem",
              rank_header="Xep hang", tier_header="Xep loai")
    scores = unit_scores(39, QN_UNITS, PAR_CRITERIA)
    totals = {u: round(sum(v.values()), 2) for u, v in scores.items()}
    ranks = competition_ranks(totals)
    rows = [["SỞ Y TẾ TỈNH QUẢNG NINH"], ["XẾP HẠNG KẾT QUẢ CCHC CÁC ĐƠN VỊ NĂM 2018"], [],
            ["STT", "Đơn vị", "Tổng điểm", "Xếp hạng", "Xếp loại"]]
    for i, u in enumerate(sorted(totals, key=lambda k: ranks[k]), 1):
        rows.append([i, u, totals[u], ranks[u], tier_of(totals[u])])
    rows += [[], ["", "", "", "GIÁM ĐỐC"]]
    add_xlsx("syt_quangninh_2018_xep_hang.xlsx", {"Xếp hạng": rows})
    CASES.append(Case("s39", "syt_quangninh_2018_xep_hang.xlsx", "a ranking list only: total, rank, tier, "
                      "sorted by rank", "--index PAR_INDEX --year 2018 --level unit --parent 22-SYT --create-units",
                      "generated", "no criteria; STT is not the rank",
                      [E("PAR_INDEX", 2018, f"22-SYT/{u}", "", totals[u], ranks[u], 14, tier_of(totals[u]))
                       for u in totals]))

    # a correction of two units over the complete year of fourteen
    corrected = {u: dict(s) for u, s in kt24.items()}
    units = list(corrected)
    corrected[units[3]]["impact"] = max(0.0, corrected[units[3]]["impact"] - 1.0)
    corrected[units[7]]["leadership"] = corrected[units[7]]["leadership"] - 0.5
    totals = {u: round(sum(s.values()), 2) for u, s in corrected.items()}
    new_ranks = competition_ranks(totals)
    rows = [[kt], ["BẢNG ĐIỀU CHỈNH KẾT QUẢ CHẤM ĐIỂM CCHC NĂM 2024 (sau phúc tra)"],
            ["STT", "Tên đơn vị", *[f"{n} ({m} điểm)" for _, n, m in PAR_CRITERIA], "Tổng điểm (100 điểm)",
             "Xếp hạng", "Xếp loại"]]
    for i, u in enumerate((units[3], units[7]), 1):
        rows.append([i, u, *[corrected[u][c] for c, _, _ in PAR_CRITERIA], totals[u], new_ranks[u],
                     tier_of(totals[u])])
    add_csv("syt_kontum_2024_dieu_chinh.csv", rows)
    base = next(c for c in CASES if c.case == "s01").expected
    expected = []
    for row in base:
        index, year, key, comp, value, rank, rank_of, tier = row
        unit = key.split("/", 1)[1]
        if unit in (units[3], units[7]):
            if comp == "":
                expected.append(E(index, year, key, "", totals[unit], new_ranks[unit], 14, tier_of(totals[unit])))
            else:
                expected.append(E(index, year, key, comp, corrected[unit][comp], rank, rank_of))
        else:
            expected.append(row)
    # criteria ranks of the two corrected units stay as stored, the changed criterion's too: a partial file never
    # re-ranks a field it does not cover, and a rank the file does not state is kept on a changed row
    # (docs/decisions.md, «A partial file never damages a complete year»)
    CASES.append(Case("s26", "syt_kontum_2024_dieu_chinh.csv", "two units corrected after review, imported over "
                      "the complete year of fourteen", "--index PAR_INDEX --year 2024 --level unit --parent 62-SYT",
                      "generated", "a partial file changes only its rows; the other twelve keep their ranks",
                      expected, before="s01"))

    # hostile but honest
    rows = [["SỞ Y TẾ TỈNH KON TUM"], ["KẾT QUẢ CHẤM ĐIỂM CCHC NĂM 2018"],
            ["STT", "Tên đơn vị", "Tổng điểm", "Cột A", "Xếp hạng"]]
    rng = random.Random(27)
    units = [u for _, us in KONTUM_UNITS for u in us]
    totals = {u: round(rng.uniform(70, 95), 2) for u in units}
    ranks = competition_ranks(totals)
    for i, u in enumerate(units, 1):
        rows.append([i, u, totals[u], round(rng.uniform(0, 10), 1), ranks[u]])
    add_csv("syt_kontum_2018_cot_a.csv", rows)
    CASES.append(Case("s27", "syt_kontum_2018_cot_a.csv", "a numeric column headed «Cột A»", "--index PAR_INDEX "
                      "--year 2018 --level unit --parent 62-SYT --create-units", "generated",
                      "refusal naming the column and the way to say what it is",
                      refuse=["syt_kontum_2018_cot_a.csv", "Cột A", "cột D", "--column"]))

    real19 = [(n, cells.split(), code) for n, cells, _, code in R.PCI_2019_EN if code]
    vi_names = {c: n.strip() for n, _, _, _, c in R.PCI_2019_TOP17}
    rows = [["PCI 2019"], ["Tỉnh", "Điểm PCI", "Cột A"]]
    rows += [[vi_names[c], p[10], p[2]] for _, p, c in real19[:5]]
    add_csv("pci_2019_cot_a.csv", rows)
    CASES.append(Case("s28", "pci_2019_cot_a.csv", "a province table with a numeric «Cột A» (the transparency "
                      "scores, unlabelled)", "", R.PCI_EN, "refusal: a number never dropped silently",
                      refuse=["pci_2019_cot_a.csv", "Cột A", "cột C", "--column"]))
    rows = [["BẢNG XẾP HẠNG PCI NĂM 2018"], ["Tỉnh", "PCI", "", "Xếp hạng"]]
    p18 = {c: (n, s, r) for n, s, r, _, c in R.PCI_2018_TOP15}
    rows += [[p18[c][0].strip(), p18[c][1].strip(), p[3], p18[c][2]] for _, p, c in real19[:6] if c in p18]
    add_csv("pci_2018_cot_khong_ten.csv", rows)
    CASES.append(Case("s29", "pci_2018_cot_khong_ten.csv", "a numeric column with an empty header between score "
                      "and rank", "", f"{R.VP_2019} {R.PCI_EN}", "refusal naming column C and its missing header",
                      refuse=["pci_2018_cot_khong_ten.csv", "cột C", "--column"]))

    # sub-index tables whose overall column is headed unusually, from the real 2019 figures
    rows = [["Chỉ số PCI 2019 một số tỉnh"], ["Tỉnh", "Tính minh bạch", "Tính năng động", "Điểm tổng hợp PCI",
                                               "Thứ hạng"]]
    exp = []
    for _, p, c in real19[:6]:
        rows.append([vi_names[c], p[2], p[6], p[10], p[11]])
        exp += [E("PCI", 2019, c, "transparency", num(p[2])), E("PCI", 2019, c, "proactivity", num(p[6])),
                E("PCI", 2019, c, "", num(p[10]), int(p[11]), 63)]
    add_csv("pci_2019_diem_tong_hop.csv", rows)
    CASES.append(Case("s30", "pci_2019_diem_tong_hop.csv", "two sub-indices and «Điểm tổng hợp PCI», «Thứ hạng»",
                      "", R.PCI_EN, "the overall column found by meaning (issue 11: it vanished)", exp))
    rows = [["Provincial Competitiveness Index 2019"], ["Province", "Transparency", "Proactivity", "Labor Policy",
                                                        "Overall score", "Rank"]]
    exp = []
    for name, p, c in real19[:8]:
        rows.append([name, p[2], p[6], p[8], p[10], p[11]])
        exp += [E("PCI", 2019, c, "transparency", num(p[2])), E("PCI", 2019, c, "proactivity", num(p[6])),
                E("PCI", 2019, c, "labor_training", num(p[8])), E("PCI", 2019, c, "", num(p[10]), int(p[11]), 63)]
    add_xlsx("pci_2019_overall_score.xlsx", {"PCI": rows})
    CASES.append(Case("s31", "pci_2019_overall_score.xlsx", "English sub-index names and «Overall score»", "",
                      R.PCI_EN, "English components and overall column", exp))

    p19 = {c: s.strip() for _, s, _, _, c in R.PCI_2019_TOP17}
    p18s = {c: s.strip() for _, s, _, _, c in R.PCI_2018_TOP15}
    both = [c for c in p19 if c in p18s]
    rows = [["Tỉnh", "PCI 2018", "PCI 2019"]] + [[vi_names[c], p18s[c], p19[c]] for c in both]
    add_csv("PCI 2019.csv", rows)
    CASES.append(Case("s32", "PCI 2019.csv", "years as columns «Tỉnh | PCI 2018 | PCI 2019» in a file named "
                      "«PCI 2019»", "", R.VP_2019, "the 2018 column is stored as 2018 (issue 11 §5)",
                      [E("PCI", y, c, "", num(src[c])) for y, src in ((2018, p18s), (2019, p19)) for c in both]))
    rows = [["Tỉnh", "Điểm PCI", "Xếp hạng"]] + [[vi_names[c], p19[c], r] for c, r in (("22", 1), ("87", 2),
                                                                                      ("86", 3))]
    add_csv("pci_2019_3_tinh.csv", rows)
    CASES.append(Case("s33", "pci_2019_3_tinh.csv", "three-column CSV «Tỉnh, Điểm PCI, Xếp hạng», three "
                      "provinces", "", R.VP_2019, "the plain table issue 11 says is refused today",
                      [E("PCI", 2019, c, "", num(p19[c]), r, 63) for c, r in (("22", 1), ("87", 2), ("86", 3))]))
    rows = [["Tỉnh", "Chỉ số PAPI 2020 (điểm)", "Thứ hạng"]]
    vin = {"22": "Quảng Ninh", "87": "Đồng Tháp", "19": "Thái Nguyên"}
    rows += [[vin[c], v, r] for _, v, r, c in R.PAPI_2020_EN if c in vin]
    add_csv("papi_2020_chi_so.csv", rows)
    CASES.append(Case("s34", "papi_2020_chi_so.csv", "«Chỉ số PAPI 2020 (điểm)» header", "", R.NEWSGOV,
                      "index name, year and unit in one header",
                      [E("PAPI", 2020, c, "", num(v), int(r), 63) for _, v, r, c in R.PAPI_2020_EN if c in vin]))
    forms = {"31": "1 / 63", "22": "thứ 2", "48": "Xếp thứ 3/63", "46": "4/63", "26": "thứ 5"}
    rows = [["Tỉnh", "PAR INDEX 2021", "Xếp hạng"]]
    rows += [[n, v, forms[c]] for _, n, v, c in R.PAR_2021_QNGAI if c in forms]
    add_csv("par_index_2021_thu_hang.csv", rows)
    CASES.append(Case("s35", "par_index_2021_thu_hang.csv", "ranks written «1 / 63», «thứ 2», «Xếp thứ 3/63»",
                      "", R.QNGAI, "every rank form of issue 11 §3",
                      [E("PAR_INDEX", 2021, c, "", num(v), int(r), 63)
                       for r, _, v, c in R.PAR_2021_QNGAI if c in forms]))
    rows = [["Tỉnh", "Điểm PCI", "Xếp hạng"], ["Bình Dương", "70.00", "1"], ["Quảng Ninh", "69.00", "2"]]
    add_csv("pci_2025_binh_duong.csv", rows)
    CASES.append(Case("s36", "pci_2025_binh_duong.csv", "a 2025 table naming Bình Dương (merged into TP. Hồ Chí "
                      "Minh on 1 July 2025); made-up values", "", "generated", "the 2025 merger refusal",
                      refuse=["pci_2025_binh_duong.csv", "Bình Dương", "Hồ Chí Minh"]))
    rows = [["CHỈ SỐ SIPAS NĂM 2025"], ["Địa phương", "SIPAS (%)"], ["Bà Rịa - Vũng Tàu", "85,00"],
            ["Đồng Nai", "84,00"]]
    add_csv("sipas_2025_ba_ria_vung_tau.csv", rows, sep=";")
    CASES.append(Case("s37", "sipas_2025_ba_ria_vung_tau.csv", "a 2025 SIPAS table naming Bà Rịa - Vũng Tàu; "
                      "made-up values", "", "generated", "refusal names the province that absorbed it",
                      refuse=["sipas_2025_ba_ria_vung_tau.csv", "Bà Rịa - Vũng Tàu", "Hồ Chí Minh"]))


def build(folder: Path | None = None) -> dict[str, Path]:
    """Every file of the corpus written into folder; returns name -> path."""
    FILES.clear()
    CASES.clear()
    build_real()
    build_staff()
    paths = {}
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in FILES.items():
            (folder / name).write_bytes(data)
            paths[name] = folder / name
    return paths


def fmt_cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:.6g}" if abs(v) < 1e6 else repr(v)
    return str(v)


def write_committed() -> None:
    """Rewrite files/*.csv, expected/*, cases.csv (the committed text of the corpus)."""
    build()
    (HERE / "files").mkdir(exist_ok=True)
    (HERE / "expected").mkdir(exist_ok=True)
    for old in list((HERE / "files").iterdir()) + list((HERE / "expected").iterdir()):
        old.unlink()
    for name, data in FILES.items():
        if name.endswith(".csv"):
            (HERE / "files" / name).write_bytes(data)
    with open(HERE / "cases.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["case", "file", "shape", "options", "result", "before", "source", "exercises"])
        for c in CASES:
            w.writerow([c.case, c.file, c.shape, c.options, c.result, c.before, c.source, c.exercises])
            if c.refuse:
                (HERE / "expected" / f"{c.case}.refuse.txt").write_text("\n".join(c.refuse) + "\n", encoding="utf-8")
            else:
                with open(HERE / "expected" / f"{c.case}.csv", "w", encoding="utf-8", newline="") as g:
                    ew = csv.writer(g, lineterminator="\n")
                    ew.writerow(EXPECTED_COLUMNS)
                    for row in sorted(c.expected, key=lambda r: (r[0], r[1], str(r[2]), r[3])):
                        ew.writerow([fmt_cell(v) for v in row])
    with open(HERE / "parents.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["code", "name_vi", "parent_code"])
        w.writerows(PARENTS)
    with open(HERE / "custom_indices.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["code", "name_vi", "components"])
        for code, name, comps in CUSTOM_INDICES:
            w.writerow([code, name, "|".join(f"{c};{n}" for c, n in comps)])


if __name__ == "__main__":
    write_committed()
    print(f"{len(FILES)} files, {len(CASES)} cases")

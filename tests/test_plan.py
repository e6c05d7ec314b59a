"""Issue 12's done-means: the Kon Tum Sở Y tế plan's targets entered from a spreadsheet built here, four quarters of
results for eight units, and the status of every target in every quarter against figures computed by hand below."""

import datetime as dt
import io

import openpyxl
import pytest

from reformdash.errors import ImportRejected
from reformdash.plan import deadlines, judge, model, sheets
from reformdash.plan.periods import parse_period
from reformdash.store import query_text

PARENT = "KT-SYT"
UNITS = ["Bệnh viện Đa khoa tỉnh Kon Tum", "Bệnh viện Y dược cổ truyền", "Bệnh viện Phục hồi chức năng",
         "Trung tâm Kiểm soát bệnh tật", "Trung tâm Pháp y", "Trung tâm Giám định y khoa", "Chi cục Dân số",
         "Trung tâm Y tế huyện Đăk Hà"]
DISTRICT = UNITS[7]
TODAY = dt.date(2027, 1, 15)  # 2026 has ended: its year is only met | not_met | no_data

PLAN_ROWS = [  # Mã, Tên, ĐVT, Loại mục tiêu, Mục tiêu, Năm gốc, Năm, Chủ trì, Áp dụng cho, Cách tổng hợp, Đơn vị
    ("HL", "Mức độ hài lòng về giải quyết TTHC", "%", "≥", 90, None, 2026, "Văn phòng Sở", "tất cả đơn vị",
     "trung bình", None),
    ("GDTT", "Tỷ lệ giao dịch thanh toán trực tuyến", "%", None, "> 10%", None, 2026, "Văn phòng Sở",
     "tất cả đơn vị", "tử số/mẫu số", None),
    ("VBDT", "Hồ sơ luân chuyển nội bộ bằng phương thức điện tử", "%", None, "70%", None, 2026, "Văn phòng Sở",
     "tất cả đơn vị", "trung bình", None),
    ("HSTT", "Hồ sơ trực tuyến mức độ 3, 4", "%", None, "tối thiểu 25%", None, 2026, "Văn phòng Sở",
     "tất cả đơn vị", "tử số/mẫu số", None),
    ("KT", "Đơn vị trực thuộc được kiểm tra CCHC", "%", None, "30%", None, 2026, "Phòng TCCB", "Sở Y tế Kon Tum",
     "tổng", None),
    ("BCCS", "Báo cáo định kỳ chia sẻ trên hệ thống báo cáo của tỉnh", "%", None, "> 50%", None, 2026,
     "Văn phòng Sở", "tất cả đơn vị", "trung bình", None),
    ("XL", "Đơn vị đạt điểm đánh giá CCHC từ loại tốt trở lên", "%", "tỷ lệ đơn vị đạt",
     "trên 90% đơn vị đạt loại Tốt trở lên", None, 2026, "Phòng TCCB", "tất cả đơn vị", None, None),
    ("HSCV", "Hồ sơ công việc xử lý trên môi trường mạng", "%", None, "= 100%", None, 2026, "Văn phòng Sở",
     "tất cả đơn vị", "trung bình", None),
    ("BC", "Biên chế hưởng lương ngân sách", "người", None, "giảm bình quân 3–5%", 2025, 2026, "Phòng TCCB",
     "tất cả đơn vị", "tổng", None),
    ("CT", "Chi trực tiếp từ ngân sách", "triệu đồng", "giảm", "10-15%", 2025, 2026, "Phòng KHTC",
     "tất cả đơn vị", "tổng", None),
    ("XH", "Xếp hạng DDCI của huyện", "bậc", None, "PCI tăng 05 bậc", 2025, 2026, "Phòng KHTC", DISTRICT, None,
     DISTRICT),
    ("DDCI", "Điểm DDCI của huyện", "điểm", "năm sau cao hơn năm trước", None, None, 2026, "Phòng KHTC", DISTRICT,
     None, DISTRICT),
]
PLAN_HEADERS = ["Mã chỉ tiêu", "Tên chỉ tiêu", "Đơn vị tính", "Loại mục tiêu", "Mục tiêu", "Năm gốc", "Năm",
                "Đơn vị chủ trì", "Áp dụng cho", "Cách tổng hợp", "Đơn vị", "Cột lạ"]


def xlsx(sheets_rows: dict[str, list[list]]) -> bytes:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets_rows.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(list(row))
            for cell in ws[ws.max_row]:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"  # typed text «= 100%», not a formula
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def plan_file() -> bytes:
    title = ["KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026 CỦA SỞ Y TẾ KON TUM"]
    return xlsx({"Kế hoạch": [title, PLAN_HEADERS, *[[*r, "ghi chú"] for r in PLAN_ROWS]],
                 "Lịch báo cáo": [["Kỳ báo cáo", "Hạn"], ["Quý", "ngày 2 tháng cuối quý"], ["6 tháng", "2/6"],
                                  ["Năm", "15/11"]]})


# Quarterly values of 2026, the same for every unit unless said (see the hand computations in the tests).
Q = ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]


def results_rows() -> list[list]:
    rows = [["Mã chỉ tiêu", "Đơn vị", "Kỳ", "Giá trị", "Tử số", "Mẫu số", "Ngày gửi"]]
    sent = {"2026-Q1": "01/03/2026", "2026-Q2": "01/06/2026", "2026-Q3": "01/09/2026", "2026-Q4": "01/12/2026"}
    for i, unit in enumerate(UNITS):
        for k, q in enumerate(Q):
            day = "05/03/2026" if (i == 2 and q == "2026-Q1") else sent[q]  # unit 3's first report: 3 days late
            rows.append(["HL", unit, q, [88, 89, 90, 91][k], None, None, day])
            rows.append(["GDTT", unit, q, None, [8, 10, 12, 14][k], 100, day])
            rows.append(["VBDT", unit, q, [60, 65, 70, 75][k], None, None, day])
            rows.append(["HSTT", unit, q, None, 30 if i < 4 else 10, 100 if i < 4 else 50, day])
            rows.append(["BCCS", unit, q, [40, 45, 55, 60][k], None, None, day])
            rows.append(["XL", unit, q, ("Khá" if k < 2 else "Tốt") if i == 7 else "Tốt", None, None, day])
            rows.append(["HSCV", unit, q, 95 if (i == 7 and k == 1) else 100, None, None, day])
            rows.append(["CT", unit, q, [90, 90, 85, 85][k], None, None, day])
        rows.append(["BC", unit, "2026", 96 if i < 4 else 98, None, None, "01/12/2026"])
    for k, q in enumerate(Q):
        rows.append(["KT", "Sở Y tế Kon Tum", q, [10, 5, 10, 10][k], None, None, None])
    rows.append(["XH", DISTRICT, "2026", 24, None, None, "01/12/2026"])
    rows.append(["DDCI", DISTRICT, "2026", 62, None, None, "01/12/2026"])
    return rows


def base_year_file() -> bytes:
    """2025, one sheet per unit (named by the unit): staff, budget by quarter, and the district's DDCI."""
    books = {}
    for unit in UNITS:
        rows = [["Mã chỉ tiêu", "Kỳ", "Giá trị"], ["BC", "2025", 100]]
        rows += [["CT", f"2025-Q{q}", 100] for q in range(1, 5)]
        if unit == DISTRICT:
            rows += [["XH", "2025", 30], ["DDCI", "2025", 60.5]]
        books[unit[:31]] = rows
    return xlsx(books)


@pytest.fixture
def kontum(store):
    with store.transaction() as tx:
        tx.execute(query_text("unit_insert"), {"code": PARENT, "name_vi": "Sở Y tế Kon Tum", "parent_code": "62"})
        for i, unit in enumerate(UNITS):
            tx.execute(query_text("unit_insert"), {"code": f"KT-U{i + 1}", "name_vi": unit, "parent_code": PARENT})
    opts = sheets.Options(parent=PARENT, today=TODAY)
    assert model.commit(store, sheets.read_plan(store, plan_file(), "ke_hoach.xlsx", opts), "tester")
    assert model.commit(store, sheets.read_results(store, base_year_file(), "nam_2025.xlsx", opts), "tester")
    assert model.commit(store, sheets.read_results(store, xlsx({"Kết quả": results_rows()}), "ket_qua_2026.xlsx",
                                                   opts), "tester")
    return store


def status(store, period: str) -> dict:
    frame = judge.evaluate(store, period, PARENT, TODAY)
    return {(r.indicator, r.entity_code): r for r in frame.itertuples(index=False)}


def test_the_plan_sheet_is_read_with_its_kinds(kontum):
    plan = model.load(kontum, PARENT)
    assert list(plan.indicators) == [r[0] for r in PLAN_ROWS]
    got = {t.indicator_code: (t.entity_code, t.kind, t.target, t.target_high, t.strict, t.by_unit, t.base_year,
                              t.threshold) for t in plan.targets}
    assert got["HL"] == (PARENT, "at_least", 90, None, False, None, None, None)
    assert got["GDTT"] == (PARENT, "at_least", 10, None, True, None, None, None)
    assert got["HSTT"][1:3] == ("at_least", 25)
    assert got["HSCV"][1:3] == ("equals", 100)
    assert got["BC"] == (PARENT, "decrease_by", 3, 5, False, "percent", 2025, None)
    assert got["CT"] == (PARENT, "decrease_by", 10, 15, False, "percent", 2025, None)
    assert got["XL"] == (PARENT, "share_of_units_reaching", 90, None, True, None, None, 3)  # «Tốt» ranks 3
    assert got["XH"] == ("KT-U8", "increase_by", 5, None, False, "places", 2025, None)
    assert got["DDCI"][:2] == ("KT-U8", "every_year_higher")
    assert plan.indicators["BC"].higher_is_better is False and plan.indicators["XH"].higher_is_better is False
    assert plan.indicators["GDTT"].aggregation == "ratio" and plan.indicators["XL"].aggregation == "share_of_units"
    assert plan.indicators["KT"].applies_to == PARENT  # the department's own figure
    assert plan.indicators["XH"].applies_to == "KT-U8"
    assert deadlines.rules(plan) == {"Q": (3, 2), "H": (6, 2), "Y": (11, 15)}


# The department's status per quarter, computed by hand (docs/plan.md explains the rules):
# HL mean ≥ 90: quarters 88, 89, 90, 91. YTD Q1 88 (flat line: 88, at risk); Q2 88.5, line +1/3 a month → year
#   mean 89.5 (at risk); Q3 89, months 10–12 on the line 90.67 + 91 + 91.33 → (264 + 267 + 270 + 273)/12 = 89.5;
#   Q4 = the year 89.5 → not met, 0.5 points short.
# GDTT Σnum/Σden > 10%: 8, 10, 12, 14 of 100 → Q1 8% (at risk); Q2 numerator line gives 44/400 = 11% (on track);
#   Q3 30 + 14 = 44/400 (on track); Q4 44/400 = 11% → met.
# VBDT 70%: 60, 65, 70, 75 → forecasts 60, 67.5, 67.5 (at risk); the year 67.5 → not met, 2.5 short.
# HSTT ≥ 25%: units 1–4 send 30/100, units 5–8 10/50 each quarter: the department's ratio is 160/600 = 26.67%
#   (the mean of the units' rates would be 25%) → on track, on track, on track, met; units 5–8 (20%) not met.
# KT 30%, the department's own figure, a sum: 10, 5, 10, 10. Q1 10 + 9 months at 10/3 = 40 (on track);
#   Q2 15 + the falling line (clipped at 0) 0.56 = 15.56 (at risk); Q3 25 + 3 × 25/9 = 33.3 (on track); Q4 35 → met.
# BCCS > 50%: 40, 45, 55, 60 → 40, 47.5 (at risk), Q3 605/12 = 50.42 (on track), the year 50 → not met (not > 50).
# XL > 90% of units rated Tốt: unit 8 is Khá in Q1–Q2, Tốt from Q3: 7/8 = 87.5% (at risk) twice, then 8/8 (on
#   track, then met).
# HSCV = 100%: unit 8 sends 95 in Q2: quarters 100, 99.375, 100, 100 → Q1 on track; Q2 forecast 99.06 (at risk);
#   Q3 flat line at 99.79 (at risk); the year 99.84 → not met.
# BC decrease 3–5% vs 2025 (met at 3%): 2025 8 × 100 = 800, 2026 4 × 96 + 4 × 98 = 776 = 800 × 0.97 → met; only
#   yearly figures, so no data in Q1–Q3.
# CT decrease 10–15%: 2025 8 × 400 = 3200 → needs ≤ 2880; 2026 quarters 8 × 90, 90, 85, 85: Q1 and Q2 forecast
#   2880 (on track), Q3 8 × 348.33 = 2786.7 (on track), the year 8 × 350 = 2800 → met.
EXPECTED = {
    "HL": (["at_risk", "at_risk", "at_risk", "not_met"], [88, 88.5, 89, 89.5]),
    "GDTT": (["at_risk", "on_track", "on_track", "met"], [8, 9, 10, 11]),
    "VBDT": (["at_risk", "at_risk", "at_risk", "not_met"], [60, 62.5, 65, 67.5]),
    "HSTT": (["on_track", "on_track", "on_track", "met"], [160 / 6] * 4),
    "KT": (["on_track", "at_risk", "on_track", "met"], [10, 15, 25, 35]),
    "BCCS": (["at_risk", "at_risk", "on_track", "not_met"], [40, 42.5, 140 / 3, 50]),
    "XL": (["at_risk", "at_risk", "on_track", "met"], [87.5, 87.5, 100, 100]),
    "HSCV": (["on_track", "at_risk", "at_risk", "not_met"], [100, 99.6875, 299.375 / 3, 399.375 / 4]),
    "BC": (["no_data", "no_data", "no_data", "met"], [None, None, None, 776]),
    "CT": (["on_track", "on_track", "on_track", "met"], [720, 1440, 2120, 2800]),
}
FORECASTS = {"HL": [88, 89.5, 89.5], "GDTT": [8, 11, 11], "VBDT": [60, 67.5, 67.5], "BCCS": [40, 47.5, 605 / 12],
             "HSCV": [100, 99.0625, 1197.5 / 12], "KT": [40, 15 + 5 / 9, 25 + 25 / 3],
             "CT": [2880, 2880, 8 * (265 + 250 / 3)]}


@pytest.mark.parametrize("quarter", range(4))
def test_every_department_target_in_every_quarter(kontum, quarter):
    got = status(kontum, Q[quarter])
    for code, (statuses, actuals) in EXPECTED.items():
        row = got[(code, PARENT)]
        assert row.status == statuses[quarter], (code, Q[quarter], row.detail)
        if actuals[quarter] is None:
            assert row.actual != row.actual  # NaN: no figure
        else:
            assert row.actual == pytest.approx(actuals[quarter], abs=1e-3), (code, Q[quarter])
        if quarter < 3 and code in FORECASTS:
            assert row.forecast == pytest.approx(FORECASTS[code][quarter], abs=1e-3), (code, Q[quarter])


def test_units_and_the_district_centre(kontum):
    q4 = status(kontum, "2026-Q4")
    assert q4[("HSTT", "KT-U1")].status == "met" and q4[("HSTT", "KT-U5")].status == "not_met"
    assert q4[("HSTT", "KT-U5")].actual == pytest.approx(20)
    assert q4[("BC", "KT-U1")].status == "met"  # 96 ≤ 97
    assert q4[("BC", "KT-U5")].status == "not_met" and q4[("BC", "KT-U5")].gap == pytest.approx(1)  # 98 > 97
    assert q4[("XH", "KT-U8")].status == "met" and q4[("XH", "KT-U8")].need == 25  # 30 → 24: up 6 places
    assert q4[("DDCI", "KT-U8")].status == "met"  # 60.5 → 62
    assert ("XH", "KT-U1") not in q4 and ("XH", PARENT) not in q4  # the district's own targets only
    assert q4[("XL", "KT-U8")].status == "met" and status(kontum, "2026-Q1")[("XL", "KT-U8")].status == "at_risk"
    year = status(kontum, "2026")
    assert {r.status for r in year.values()} <= {"met", "not_met", "no_data"}  # a finished year
    assert year[("HL", PARENT)].status == "not_met"


def test_the_rule_in_words(kontum):
    row = status(kontum, "2026-Q4")[("HL", PARENT)]
    assert "đạt 89,5% / mục tiêu ≥ 90%: chưa đạt, còn thiếu 0,5 điểm phần trăm" in row.detail
    q2 = status(kontum, "2026-Q2")[("HL", PARENT)]
    assert "dự báo theo đường thẳng đến cuối năm: 89,5%" in q2.detail and "có nguy cơ không đạt" in q2.detail
    en = judge.evaluate(kontum, "2026-Q4", PARENT, TODAY, "en")
    hl = en[(en.indicator == "HL") & (en.entity_code == PARENT)].iloc[0]
    assert "89.5% against a target of ≥ 90%: not met, 0.5 percentage points short" in hl.detail
    bc = status(kontum, "2026-Q4")[("BC", PARENT)]
    assert bc.target == "giảm 3–5% so với năm 2025" and "cần ≤ 776" in bc.detail


def test_a_late_report_and_who_is_late(kontum):
    frame = deadlines.deadlines(kontum, "2026-Q1", PARENT, TODAY)
    late = frame[frame["days_late"] > 0]
    assert late[["entity_code", "due", "received", "days_late"]].values.tolist() == [
        ["KT-U3", dt.date(2026, 3, 2), dt.date(2026, 3, 5), 3]]
    assert late["words"].tolist() == ["chậm 3 ngày"]
    # nobody sent the six-months report: on 10 June 2026 it is eight days overdue for everyone
    now = deadlines.late_now(kontum, PARENT, dt.date(2026, 6, 10))
    h1 = now[now["period"] == "2026-H1"]
    assert len(h1) == 8 and set(h1["days_late"]) == {8}
    assert deadlines.due_date(parse_period("2026-Q3"), (3, 2)) == dt.date(2026, 9, 2)
    assert deadlines.due_date(parse_period("2026-H2"), (6, 2)) == dt.date(2026, 12, 2)
    assert deadlines.due_date(parse_period("2026"), (13, 15)) == dt.date(2027, 1, 15)


def test_reimport_changes_nothing_and_revert_restores(kontum):
    opts = sheets.Options(parent=PARENT, today=TODAY)
    again = model.preview(kontum, sheets.read_results(kontum, xlsx({"Kết quả": results_rows()}), "k.xlsx", opts))
    assert again.is_noop and model.commit(kontum, again, "tester") is None
    rows = results_rows()
    rows[1][3] = 95  # unit 1's Q1 satisfaction
    change = model.preview(kontum, sheets.read_results(kontum, xlsx({"Kết quả": rows}), "k2.xlsx", opts))
    assert change.counts["value"] == {"added": 0, "changed": 1, "unchanged": len(rows) - 2}
    batch = model.commit(kontum, change, "tester")
    assert status(kontum, "2026-Q1")[("HL", "KT-U1")].actual == 95
    from reformdash.batches import revert

    revert(kontum, batch)
    assert status(kontum, "2026-Q1")[("HL", "KT-U1")].actual == 88


def test_rejections_name_the_place_and_write_nothing(kontum):
    before = len(kontum.df("kpi_values", parent_code=PARENT))
    rows = results_rows()
    rows[1][1] = "Bệnh viện Không Có"
    rows[2][2] = "2026-Q5"
    rows[3][4] = "mười"
    with pytest.raises(ImportRejected) as e:
        sheets.read_results(kontum, xlsx({"Kết quả": rows}), "sai.xlsx", sheets.Options(parent=PARENT, today=TODAY))
    text = e.value.message
    assert "Tệp «sai.xlsx», trang «Kết quả», dòng 2, cột B (Đơn vị), giá trị «Bệnh viện Không Có»" in text
    assert "dòng 3, cột C (Kỳ), giá trị «2026-Q5»: kỳ không hợp lệ" in text
    assert "dòng 4, cột E (Tử số), giá trị «mười»: không phải là số." in text
    assert len(kontum.df("kpi_values", parent_code=PARENT)) == before


def test_unknown_columns_are_listed(kontum):
    change = sheets.read_plan(kontum, plan_file(), "kh.xlsx", sheets.Options(parent=PARENT, today=TODAY))
    assert any("L (Cột lạ)" in n for n in change.notes)
    assert any("3–5%" in n and "mức thấp hơn" in n for n in change.notes)  # a range is met at its lower bound


def test_templates_are_read_back(kontum):
    from reformdash.ingest.read import read_workbook
    from reformdash.plan import templates

    for name, (builder, _file, _vi, _en) in templates.TEMPLATES.items():
        data = builder(kontum, PARENT)
        first = read_workbook(data, "t.xlsx")[0]
        fields = {"plan": sheets.PLAN_FIELDS, "plan_results": sheets.RESULT_FIELDS, "tasks": sheets.TASK_FIELDS}[name]
        required = {"plan": ("name_vi", "target"), "plan_results": ("entity", "value"), "tasks": ("content",)}[name]
        table = sheets.find_table(first, fields, required)
        assert table is not None and table.unknown == [], name
    # a filled plan template imports
    wb = openpyxl.load_workbook(io.BytesIO(templates.template_plan(kontum, PARENT)))
    wb.active.append(["M1", "Mức độ hài lòng", "%", "≥", 95, None, 2027, "VP", "tất cả đơn vị", "trung bình",
                      "quý, 6 tháng, năm", None])
    buf = io.BytesIO()
    wb.save(buf)
    change = model.preview(kontum, sheets.read_plan(kontum, buf.getvalue(), "t.xlsx", sheets.Options(parent=PARENT)))
    assert change.counts["indicator"]["added"] == 1


def test_english_templates_are_read_back_with_their_english_drop_downs(kontum):
    from reformdash.ingest.read import read_workbook
    from reformdash.plan import templates

    fields = {"plan": sheets.PLAN_FIELDS, "plan_results": sheets.RESULT_FIELDS, "tasks": sheets.TASK_FIELDS}
    required = {"plan": ("name_vi", "target"), "plan_results": ("entity", "value"), "tasks": ("content",)}
    for name, (builder, _file, _vi, _en) in templates.TEMPLATES.items():
        book = read_workbook(builder(kontum, PARENT, lang="en"), "t.xlsx")
        assert book[0].rows[0] != read_workbook(builder(kontum, PARENT), "t.xlsx")[0].rows[0], name
        table = sheets.find_table(book[0], fields[name], required[name])
        assert table is not None and table.unknown == [], name
        assert set(table.columns) >= set(required[name]) and len(table.columns) == len(book[0].rows[0]), name
    # a plan row and a task row written with the English drop-downs' words import
    wb = openpyxl.load_workbook(io.BytesIO(templates.template_plan(kontum, PARENT, lang="en")))
    kind, aggregation, report = (templates.choices(n, "en") for n in ("kind", "aggregation", "report"))
    every = templates.choices("applies", "en")[0]
    wb.active.append(["M1", "Mức độ hài lòng", "%", kind[0], 95, None, 2027, "VP", every, aggregation[0], report[0],
                      None])
    wb.active.append(["M2", "Biên chế", "người", "decrease", 5, 2026, 2027, "VP", None, aggregation[1], report[1],
                      None])
    buf = io.BytesIO()
    wb.save(buf)
    change = sheets.read_plan(kontum, buf.getvalue(), "t.xlsx", sheets.Options(parent=PARENT, lang="en"))
    got = change.frames["indicator"].set_index("code")
    assert got.loc["M1", "aggregation"] == "mean" and got.loc["M1", "report_kinds"] == "Q,H,Y"
    assert got.loc["M1", "applies_to"] == "*" and got.loc["M2", "report_kinds"] == "H,Y"
    targets = change.frames["target"].set_index("indicator_code")
    assert targets.loc["M1", "kind"] == "at_least" and targets.loc["M2", "kind"] == "decrease_by"
    wb = openpyxl.load_workbook(io.BytesIO(templates.template_tasks(kontum, PARENT, lang="en")))
    due, status = templates.choices("due", "en"), templates.choices("status", "en")
    wb.active.append(["T1", "Review procedures", None, None, due[2], status[1], 2026, None, None, None])
    wb.active.append(["T2", "Publish reports", None, None, due[0], status[2], 2026, None, None, None])
    buf = io.BytesIO()
    wb.save(buf)
    change = sheets.read_tasks(kontum, buf.getvalue(), "t.xlsx", sheets.Options(parent=PARENT, lang="en"))
    tasks = change.frames["task"].set_index("code")
    assert tasks.loc["T1", "due_period"] == "2026-Q2" and tasks.loc["T1", "status"] == "in_progress"
    assert bool(tasks.loc["T2", "recurring"]) and tasks.loc["T2", "status"] == "done"


def test_the_sample_plan_is_loaded_by_init_and_removed_with_the_sample(tmp_path):
    from reformdash import service
    from reformdash.store import Store

    store = Store(tmp_path / "demo.duckdb")
    store.migrate()
    service.init(store)
    plan = model.load(store, "22-SYT")
    assert len(plan.indicators) == 20 and all("MẪU" in i.name_vi for i in plan.indicators.values())
    assert len(plan.tasks) == 6
    q3 = judge.evaluate(store, "2026-Q3", "22-SYT", dt.date(2026, 12, 1))
    assert set(q3["status"]) >= {"on_track", "at_risk"}
    late = deadlines.deadlines(store, None, "22-SYT", dt.date(2026, 12, 1))
    assert (late["state"] == "late").any() and (late["state"] == "missing").any()
    service.remove_sample(store)
    for query in ("kpi_indicators", "kpi_targets", "kpi_values", "kpi_tasks", "kpi_task_notes"):
        assert store.df(query, parent_code=None).empty, query
    store.close()


def test_tasks_with_due_status_notes(store):
    with store.transaction() as tx:
        tx.execute(query_text("unit_insert"), {"code": PARENT, "name_vi": "Sở Y tế Kon Tum", "parent_code": "62"})
        tx.execute(query_text("unit_insert"), {"code": "KT-U1", "name_vi": UNITS[0], "parent_code": PARENT})
    data = xlsx({"Nhiệm vụ": [
        ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian", "Tình trạng", "Năm", "Chỉ số liên quan",
         "Tiến độ", "Ngày cập nhật"],
        [1, "Rà soát thủ tục", "Văn phòng Sở", "Phòng TCCB; " + UNITS[0], "Quý II", "đang thực hiện", 2026, "PCI",
         "Đã rà soát 5 thủ tục", "10/05/2026"],
        [2, "Tuyên truyền CCHC", UNITS[0], None, "thường xuyên", "đang thực hiện", 2026, None, None, None],
        [3, "Khảo sát hài lòng", "Văn phòng Sở", None, "30/09/2026", "hoàn thành", None, None, None, None],
        [4, "Việc sai", "Văn phòng Sở", None, "bao giờ đó", "xong xuôi", 2026, None, None, None]]})
    with pytest.raises(ImportRejected) as e:
        sheets.read_tasks(store, data, "nv.xlsx", sheets.Options(parent=PARENT))
    assert "dòng 5, cột E (Thời gian), giá trị «bao giờ đó»" in e.value.message
    assert "dòng 5, cột F (Tình trạng), giá trị «xong xuôi»" in e.value.message
    good = xlsx({"Nhiệm vụ": [row for row in openpyxl.load_workbook(io.BytesIO(data)).active.iter_rows(
        values_only=True)][:4]})
    assert model.commit(store, sheets.read_tasks(store, good, "nv.xlsx", sheets.Options(parent=PARENT)), "tester")
    frame = model.tasks(store, PARENT, dt.date(2026, 7, 15)).set_index("content")
    assert frame.loc["Rà soát thủ tục", "due"] == "Quý II/2026" and frame.loc["Rà soát thủ tục", "overdue"]
    assert frame.loc["Rà soát thủ tục", "notes"] == "10/05/2026: Đã rà soát 5 thủ tục"
    assert frame.loc["Rà soát thủ tục", "index_code"] == "PCI"
    assert frame.loc["Tuyên truyền CCHC", "due"] == "thường xuyên"
    assert frame.loc["Tuyên truyền CCHC", "owner"] == UNITS[0]
    assert not frame.loc["Khảo sát hài lòng", "overdue"] and frame.loc["Khảo sát hài lòng", "status"] == "done"


@pytest.mark.parametrize("wording", ["≥ 90%", "> 10%", "≤ 5", "= 100%", "giảm 3–5% so với năm 2025",
                                     "tăng 5 bậc so với năm 2022", "tăng 2 điểm",
                                     "trên 90% đơn vị đạt loại Tốt trở lên", "năm sau cao hơn năm trước"])
def test_every_kind_is_one_definition_whose_label_reads_back_in_both_languages(wording):
    from reformdash.plan import kinds

    parsed = kinds.parse_target(None, wording, percent=True)
    kind = kinds.KINDS[parsed.kind]
    assert kind.name("vi") != kind.name("en")
    assert kind.judge(parsed.target, 50.0, True, parsed.strict, parsed.by_unit)[0] in kinds.SIGNS
    for lang in ("vi", "en"):
        again = kinds.parse_target(None, kinds.export_label(parsed, lang, "%"), percent=True)
        assert (again.kind, again.target, again.target_high, again.strict, again.by_unit, again.base_year,
                again.threshold) == (parsed.kind, parsed.target, parsed.target_high, parsed.strict, parsed.by_unit,
                                     parsed.base_year, parsed.threshold), (lang, kinds.export_label(parsed, lang, "%"))


def test_english_figures_name_their_unit_in_english_and_vietnamese_keep_the_code():
    from reformdash.plan import kinds, views

    assert views.number(7486.5, "triệu đồng", "vi") == "7.486,5 triệu đồng"
    assert views.number(7486.5, "triệu đồng", "en") == "7,486.5 million dong"
    assert views.number(3, "số", "en") == "3" and views.number(60, "phút", "en") == "60 minutes"
    target = kinds.parse_target(None, "≤ 60", higher_is_better=False)
    assert kinds.export_label(target, "vi", "phút") == "≤ 60 phút"
    assert kinds.export_label(target, "en", "phút") == "≤ 60 minutes"
    assert kinds.parse_target(None, kinds.export_label(target, "en", "phút")).kind == "at_most"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_editor_shows_a_target_of_thousands_so_that_it_reads_back_unchanged(lang):
    from reformdash.plan import edit, kinds

    for wording in ("≤ 7486,5", "≥ 1000", "giảm 1200 so với năm 2025"):
        stored = kinds.parse_target(None, wording)
        target = model.Target("P", "X", "P", "2026", stored.kind, stored.target, None, False, stored.by_unit, None,
                              None, False, wording, 1)
        shown = edit.target_words(target, "triệu đồng", lang)
        assert kinds.parse_target(None, shown).target == stored.target, shown


@pytest.mark.parametrize("text, target, high", [
    ("≥ 1.000 hồ sơ", 1000, None),              # Vietnamese thousands: a thousand, not one
    ("Số hồ sơ trực tuyến tối thiểu 12.000.000", 12_000_000, None),
    ("≥ 1.234,5", 1234.5, None), ("at least 1,234.5", 1234.5, None), ("≥ 10,000 lượt", 10_000, None),
    ("≥ 1,5", 1.5, None), ("≥ 1.5", 1.5, None), ("≥ 0.125", 0.125, None), ("≥ 90,5%", 90.5, None),
    ("≥ 90.125%", 90.125, None),               # before a percent sign three decimals stay decimals
    ("giảm 1.000–2.000 hồ sơ so với năm 2025", 1000, 2000), ("giảm bình quân 3,5–5,5%", 3.5, 5.5),
    ("tăng 5 bậc so với năm 2022", 5, None),
])
def test_a_target_reads_numbers_as_the_plan_writes_them(text, target, high):
    from reformdash.plan.kinds import parse_target

    parsed = parse_target("", text)
    assert parsed.target == pytest.approx(target)
    assert parsed.target_high == (pytest.approx(high) if high is not None else None)


def test_an_index_goal_reads_a_grouped_number_too():
    from reformdash.goals import parse_kind

    assert parse_kind("tăng 5 bậc so với năm 2022") == ("rank_up", 5)
    assert parse_kind("≥ 1.000")[1] == 1000


@pytest.mark.parametrize("text, unit", [
    ("giảm 1.000 hồ sơ so với năm 2025", "amount"), ("giảm 2 ngày", "amount"), ("giảm 3-5 ngày", "amount"),
    ("tăng 15 lượt truy cập", "amount"), ("increase by 500 visits", "amount"),
    ("giảm 3 so với năm 2025", "percent"), ("giảm bình quân 3–5%", "percent"), ("giảm 3% biên chế", "percent"),
    ("giảm 10 phần trăm", "percent"), ("increase by 5 percent", "percent"),
    ("tăng 5 bậc so với năm 2022", "places"), ("giảm 3 điểm", "points"), ("tăng 2 điểm phần trăm", "points"),
])
def test_a_change_says_its_unit_a_count_is_not_a_percent(text, unit):
    from reformdash.plan.kinds import parse_target

    assert parse_target("", text).by_unit == unit


def test_a_decrease_by_a_count_is_judged_as_a_count_and_written_back_as_one():
    """«giảm 1.000 hồ sơ» from 5.000: at most 4.000 (as a percent it would have asked for −45.000)."""
    from reformdash.plan.kinds import export_label, parse_target, requirement

    parsed = parse_target("", "giảm 1.000 hồ sơ so với năm 2025")
    assert requirement(parsed.kind, parsed.target, 5000, False, False, parsed.by_unit) == ("<=", 4000)
    for unit in ("hồ sơ", ""):
        for lang in ("vi", "en"):
            for grouping in (True, False):
                back = parse_target("", export_label(parsed, lang, unit, grouping))
                assert (back.kind, back.target, back.by_unit, back.base_year) == ("decrease_by", 1000, "amount", 2025)

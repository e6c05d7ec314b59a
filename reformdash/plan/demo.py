"""The sample plan (MẪU) of the sample health department 22-SYT: ~20 indicators, four quarters of 2025 and Q1–Q3
of 2026 for its 14 units (a few reports late), and tasks. Seeded, so the CSVs in data/demo/ are reproducible.

python -m reformdash.plan.demo      rewrites data/demo/sample_plan*.csv
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random

from reformdash.demo import SAMPLE_PARENT, SAMPLE_UNITS
from reformdash.plan import model, sheets
from reformdash.plan.deadlines import DEFAULT_RULES, due_date
from reformdash.plan.periods import Period
from reformdash.store import ROOT, Store

DEMO = ROOT / "data" / "demo"
FILES = {"plan": "sample_plan.csv", "results": "sample_plan_results.csv", "tasks": "sample_plan_tasks.csv"}
# code, name (MẪU), unit, target wording, aggregation, owner, level of the units' figures (start, yearly gain)
INDICATORS = [
    ("HL", "Mức độ hài lòng của người dân về giải quyết TTHC", "%", "≥ 90%", "trung bình", "Văn phòng Sở", 87, 2.0),
    ("TTTT", "Tỷ lệ giao dịch thanh toán trực tuyến", "%", "> 10%", "tử số/mẫu số", "Phòng KHTC", 7, 3.0),
    ("VBDT", "Hồ sơ luân chuyển nội bộ bằng phương thức điện tử", "%", "≥ 70%", "trung bình", "Văn phòng Sở", 62, 6),
    ("HSTT", "Hồ sơ trực tuyến mức độ 3, 4", "%", "tối thiểu 25%", "tử số/mẫu số", "Phòng NVY", 20, 4),
    ("BCCS", "Báo cáo định kỳ chia sẻ trên hệ thống báo cáo của tỉnh", "%", "> 50%", "trung bình", "Văn phòng Sở", 45,
     6),
    ("HSCV", "Hồ sơ công việc xử lý trên môi trường mạng", "%", "= 100%", "trung bình", "Văn phòng Sở", 96, 2),
    ("XL", "Đơn vị đạt điểm đánh giá CCHC từ loại Tốt trở lên", "%", "trên 90% đơn vị đạt loại Tốt trở lên",
     "tỷ lệ đơn vị đạt", "Phòng TCCB", 0, 0),
    ("BC", "Biên chế hưởng lương ngân sách (người)", "người", "giảm bình quân 3–5%", "tổng", "Phòng TCCB", 120, -4),
    ("CT", "Chi trực tiếp từ ngân sách (triệu đồng)", "triệu đồng", "giảm 10–15%", "tổng", "Phòng KHTC", 900, -110),
    ("TTHC", "Thủ tục hành chính giải quyết đúng hạn", "%", "≥ 98%", "trung bình", "Văn phòng Sở", 96, 1.5),
    ("CKS", "Văn bản điện tử có chữ ký số", "%", "≥ 95%", "trung bình", "Văn phòng Sở", 88, 4),
    ("HSBA", "Bệnh án điện tử triển khai", "%", "≥ 60%", "trung bình", "Phòng NVY", 40, 12),
    ("KTN", "Khiếu nại, phản ánh quá hạn xử lý", "số", "≤ 20", "tổng", "Thanh tra Sở", 0, 0),
    ("DTCB", "Công chức, viên chức được bồi dưỡng CCHC", "%", "≥ 80%", "trung bình", "Phòng TCCB", 70, 6),
    ("KHTT", "Khám chữa bệnh thanh toán không dùng tiền mặt", "%", "≥ 50%", "trung bình", "Phòng KHTC", 38, 8),
    ("DLYT", "Hồ sơ sức khỏe điện tử được lập", "%", "≥ 90%", "trung bình", "Phòng NVY", 80, 5),
    ("TGTT", "Thời gian chờ khám trung bình (phút)", "phút", "≤ 60", "trung bình", "Phòng NVY", 70, -6),
    ("KTRA", "Đơn vị trực thuộc được kiểm tra CCHC", "%", "30%", "tổng", "Phòng TCCB", 0, 0),
    ("SKCT", "Sáng kiến cải cách hành chính được công nhận", "số", "≥ 10", "tổng", "Phòng TCCB", 0.25, 0.1),
    ("HLNB", "Mức độ hài lòng của người bệnh nội trú", "%", "≥ 92%", "trung bình", "Phòng NVY", 89, 1.5),
]
NAMES_EN = {  # the English page's names (the sheet's «Tên tiếng Anh» column)
    "HL": "Citizens' satisfaction with administrative procedures", "TTTT": "Share of payments made online",
    "VBDT": "Internal dossiers circulated electronically", "HSTT": "Online dossiers at service levels 3 and 4",
    "BCCS": "Periodic reports shared on the provincial reporting system",
    "HSCV": "Work files handled on the network", "XL": "Units rated Good or better in the reform assessment",
    "BC": "State-paid staff (people)", "CT": "Direct budget spending (million dong)",
    "TTHC": "Administrative procedures settled on time", "CKS": "Electronic documents with a digital signature",
    "HSBA": "Electronic medical records in use", "KTN": "Complaints and feedback handled late",
    "DTCB": "Civil servants trained in administrative reform", "KHTT": "Cashless payments for medical care",
    "DLYT": "Electronic health records created", "TGTT": "Average waiting time for an examination (minutes)",
    "KTRA": "Units inspected for administrative reform", "SKCT": "Recognised administrative reform initiatives",
    "HLNB": "Inpatients' satisfaction",
}
TIERS = ["Khá", "Tốt", "Xuất sắc"]


def _rows(writer_rows: list[list]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(writer_rows)
    return buf.getvalue()


def build(seed: int = 17) -> dict[str, str]:
    """The three CSV texts (plan, results, tasks)."""
    rng = random.Random(seed)
    plan = [["Mã chỉ tiêu", "Tên chỉ tiêu", "Tên tiếng Anh", "Đơn vị tính", "Mục tiêu", "Năm gốc", "Năm",
             "Đơn vị chủ trì", "Áp dụng cho", "Cách tổng hợp", "Kỳ báo cáo"]]
    for year in (2025, 2026):
        for code, name, unit, target, agg, owner, _start, _gain in INDICATORS:
            applies = "Sở Y tế Quảng Ninh (mẫu)" if code == "KTRA" else "tất cả đơn vị"
            base = year - 1 if "giảm" in target else ""
            plan.append([code, f"{name} (MẪU)", f"{NAMES_EN[code]} (SAMPLE)", unit, target, base, year, owner,
                         applies, agg, "quý, năm"])
    results = [["Mã chỉ tiêu", "Đơn vị", "Kỳ", "Giá trị", "Tử số", "Mẫu số", "Ngày gửi"]]
    quarters = [Period(2025, "Q", q) for q in range(1, 5)] + [Period(2026, "Q", q) for q in range(1, 4)]
    late_units = {SAMPLE_UNITS[3]: 3, SAMPLE_UNITS[10]: 6}  # these two send late
    for ui, unit in enumerate(SAMPLE_UNITS):
        skill = rng.gauss(0, 1)
        for qi, q in enumerate(quarters):
            due = due_date(q, DEFAULT_RULES["Q"])
            delay = late_units.get(unit, 0) if qi % 2 else 0
            if ui == 12 and q == quarters[-1]:
                continue  # one unit has not sent its Q3/2026 report: late now
            sent = (due + dt.timedelta(days=delay - rng.randint(1, 5) if not delay else delay)).strftime("%d/%m/%Y")
            t = qi / 4  # years since Q1/2025
            for code, _name, unit_of, _target, agg, _owner, start, gain in INDICATORS:
                if code == "KTRA":
                    continue
                if code == "XL":
                    level = 1 + (skill > -1.2) + (skill > 1.2 and qi > 2)
                    results.append([code, unit, q.code, TIERS[min(2, level)], "", "", sent])
                    continue
                value = start + gain * t + skill * (abs(gain) + 1) * 0.8 + rng.gauss(0, abs(gain) * 0.3 + 0.3)
                if unit_of == "người":  # headcount is a stock: one yearly figure, sent with the yearly report
                    if q.number == 4 or q == quarters[-1]:
                        early = dt.timedelta(days=rng.randint(0, 4))
                        yearly = due_date(Period(q.year, "Y"), DEFAULT_RULES["Y"]) - early
                        results.append([code, unit, str(q.year), round(start + gain * (q.year - 2025) + skill * 3),
                                        "", "", yearly.strftime("%d/%m/%Y")])
                    continue
                if agg == "tổng":
                    value = max(0.0, value / 4 if unit_of == "triệu đồng" else round(max(0, value)))
                    results.append([code, unit, q.code, round(value, 1), "", "", sent])
                elif agg == "tử số/mẫu số":
                    den = rng.randint(80, 400)
                    num = round(den * min(0.99, max(0.0, value / 100)))
                    results.append([code, unit, q.code, "", num, den, sent])
                else:
                    cap = 100 if unit_of == "%" else 10_000
                    results.append([code, unit, q.code, round(min(cap, max(0, value)), 1), "", "", sent])
    for qi, q in enumerate(quarters):
        results.append(["KTRA", "Sở Y tế Quảng Ninh (mẫu)", q.code, [5, 10, 10, 8, 7, 6, 9][qi], "", "", ""])
    tasks = [["Mã nhiệm vụ", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn", "Tình trạng", "Năm",
              "Chỉ số liên quan", "Tiến độ", "Ngày cập nhật"],
             ["NV01", "Rà soát, đơn giản hóa thủ tục hành chính lĩnh vực khám chữa bệnh (MẪU)", "Văn phòng Sở",
              "Phòng NVY", "Quý II", "hoàn thành", 2026, "PAR INDEX - Cải cách thủ tục hành chính",
              "Đã trình UBND tỉnh phương án đơn giản hóa 12 thủ tục", "20/06/2026"],
             ["NV02", "Triển khai bệnh án điện tử tại các bệnh viện tuyến tỉnh (MẪU)", SAMPLE_UNITS[0],
              f"{SAMPLE_UNITS[1]}; {SAMPLE_UNITS[2]}", "31/12/2026", "đang thực hiện", 2026, "",
              "Đã triển khai tại 2/3 bệnh viện", "15/09/2026"],
             ["NV03", "Kiểm tra công tác CCHC tại các đơn vị trực thuộc (MẪU)", "Phòng TCCB", "Văn phòng Sở",
              "Quý III", "đang thực hiện", 2026, "", "Đã kiểm tra 4/14 đơn vị", "30/09/2026"],
             ["NV04", "Tuyên truyền, phổ biến về CCHC trên cổng thông tin điện tử của Sở (MẪU)", "Văn phòng Sở", "",
              "thường xuyên", "đang thực hiện", 2026, "SIPAS", "", ""],
             ["NV05", "Khảo sát mức độ hài lòng của người bệnh (MẪU)", SAMPLE_UNITS[6], "Phòng NVY", "Quý IV",
              "chưa thực hiện", 2026, "SIPAS", "", ""],
             ["NV06", "Thanh toán không dùng tiền mặt tại các cơ sở khám chữa bệnh (MẪU)", "Phòng KHTC",
              SAMPLE_UNITS[7], "Quý II", "đang thực hiện", 2026, "", "Chậm do chờ ngân hàng kết nối", "10/07/2026"]]
    return {"plan": _rows(plan), "results": _rows(results), "tasks": _rows(tasks)}


def load_demo_plan(store: Store, user: str = "reformdash") -> list[int]:
    """Import the sample plan's files into the sample department (sample batches: remove-sample takes them away)."""
    if SAMPLE_PARENT not in {r[0] for r in store.rows("registry_entities")}:
        return []
    ids = []
    options = sheets.Options(parent=SAMPLE_PARENT, today=dt.date(2026, 12, 1))
    for what, name in FILES.items():
        path = DEMO / name
        if not path.is_file():
            continue
        change = sheets.read_any(store, path.read_bytes(), name, what, options)
        batch_id = model.commit(store, change, user, is_sample=True)
        if batch_id:
            ids.append(batch_id)
    return ids


def main() -> int:
    """Rewrite data/demo/sample_plan*.csv."""
    for what, text in build().items():
        (DEMO / FILES[what]).write_text(text, encoding="utf-8")
        print(FILES[what], text.count("\n") - 1, "rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

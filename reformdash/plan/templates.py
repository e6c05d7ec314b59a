"""Blank xlsx templates (with drop-downs) for the plan, the units' periodic report and the tasks, read back by
reformdash.plan.sheets. Functions only: the Data / Kế hoạch page wires the download buttons."""

from __future__ import annotations

import datetime as dt

from reformdash.exports import _List, _template
from reformdash.plan.model import load
from reformdash.plan.periods import periods_of_year
from reformdash.store import Store

PLAN_HEADERS = ["Mã chỉ tiêu", "Tên chỉ tiêu", "Đơn vị tính", "Loại mục tiêu", "Mục tiêu", "Năm gốc", "Năm",
                "Đơn vị chủ trì", "Áp dụng cho", "Cách tổng hợp", "Kỳ báo cáo", "Đơn vị"]
RESULT_HEADERS = ["Mã chỉ tiêu", "Tên chỉ tiêu", "Đơn vị", "Kỳ", "Giá trị", "Tử số", "Mẫu số", "Ngày gửi"]
TASK_HEADERS = ["Mã nhiệm vụ", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn", "Tình trạng", "Năm",
                "Chỉ số liên quan", "Tiến độ", "Ngày cập nhật"]
KIND_WORDS = ["≥", ">", "≤", "<", "=", "tăng", "giảm", "tỷ lệ đơn vị đạt", "năm sau cao hơn năm trước"]
AGGREGATION_WORDS = ["trung bình", "tổng", "tử số/mẫu số", "tỷ lệ đơn vị đạt"]
UNIT_WORDS = ["%", "số", "người", "hồ sơ", "điểm", "ngày", "bậc", "triệu đồng"]
REPORT_WORDS = ["quý, 6 tháng, năm", "6 tháng, năm", "năm", "tháng, quý, 6 tháng, năm"]
STATUS_WORDS = ["chưa thực hiện", "đang thực hiện", "hoàn thành", "hủy"]


def _units(store: Store, parent: str | None) -> list[str]:
    if not parent:
        return []
    return store.df("kpi_units", parent_code=parent)["name_vi"].tolist()


def _years() -> list[int]:
    now = dt.date.today().year
    return list(range(now - 5, now + 6))


def template_plan(store: Store, parent: str | None = None) -> bytes:
    """Blank plan: one row per indicator (its department target), more rows with «Đơn vị» for a unit's own target."""
    units = _units(store, parent)
    lists = [_List(3, "DM_DVT", "Đơn vị tính", UNIT_WORDS, strict=False),
             _List(4, "DM_Loai", "Loại mục tiêu", KIND_WORDS, strict=False),
             _List(6, "DM_NamGoc", "Năm gốc", _years()), _List(7, "DM_Nam", "Năm", _years()),
             _List(9, "DM_ApDung", "Áp dụng cho", ["tất cả đơn vị", *units], strict=False),
             _List(10, "DM_TongHop", "Cách tổng hợp", AGGREGATION_WORDS),
             _List(11, "DM_KyBC", "Kỳ báo cáo", REPORT_WORDS, strict=False),
             _List(12, "DM_DonVi", "Đơn vị", units, strict=False)]
    lines = [
        "Mẫu nhập chỉ tiêu kế hoạch. Mỗi dòng là một chỉ tiêu với mục tiêu của cơ quan; thêm dòng cùng «Mã chỉ tiêu» "
        "và ghi «Đơn vị» khi một đơn vị có mục tiêu riêng.",
        "«Loại mục tiêu» và «Mục tiêu»: ≥ 90; > 10; ≤ 5; = 100; giảm 3–5 (so với «Năm gốc»; một khoảng được coi là đạt "
        "ở mức thấp hơn); tăng 5 bậc; tỷ lệ đơn vị đạt > 90% loại Tốt; năm sau cao hơn năm trước "
        "(để trống «Mục tiêu»).",
        "«Cách tổng hợp»: trung bình (bình quân các đơn vị), tổng, tử số/mẫu số (tổng tử số chia tổng mẫu số), "
        "tỷ lệ đơn vị đạt.",
        "«Kỳ báo cáo»: các kỳ đơn vị phải báo cáo (quý, 6 tháng, năm). Hạn báo cáo mặc định: quý — ngày 2 tháng cuối "
        "quý; 6 tháng — 2/6; năm — 15/11. Có thể thêm trang «Lịch báo cáo» (cột «Kỳ báo cáo», «Hạn»).",
        "Nhập bằng lệnh python -m reformdash plan import TỆP --parent CƠ_QUAN, hoặc ở trang «Kế hoạch».",
    ]
    return _template("Kế hoạch", PLAN_HEADERS, [12, 48, 12, 22, 24, 10, 8, 24, 28, 16, 20, 30], lists, lines)


def template_results(store: Store, parent: str | None = None, year: int | None = None) -> bytes:
    """Blank periodic report of the units: indicator codes, units and periods as drop-downs."""
    plan = load(store, parent) if parent else None
    codes = list(plan.indicators) if plan else []
    year = year or dt.date.today().year
    lists = [_List(1, "DM_ChiTieu", "Mã chỉ tiêu", codes, strict=bool(codes)),
             _List(3, "DM_DonVi", "Đơn vị", _units(store, parent), strict=False),
             _List(4, "DM_Ky", "Kỳ", [p.code for y in (year - 1, year) for p in periods_of_year(y)], strict=False)]
    lines = [
        "Mẫu báo cáo định kỳ của đơn vị. Mỗi dòng là một chỉ tiêu của một đơn vị trong một kỳ.",
        "«Kỳ»: 2026 (năm), 2026-H1 (6 tháng), 2026-Q3 (quý), 2026-07 (tháng). Số liệu quý là của riêng quý đó "
        "(không cộng dồn); chương trình tự tính lũy kế.",
        "«Giá trị», hoặc «Tử số» và «Mẫu số» cho chỉ tiêu tỷ lệ (ví dụ hồ sơ trực tuyến / tổng hồ sơ). Không có số "
        "liệu thì để trống, KHÔNG ghi 0.",
        "«Ngày gửi»: ngày đơn vị gửi báo cáo (dd/mm/yyyy), để biết báo cáo đúng hạn hay chậm.",
        "Mỗi đơn vị có thể gửi một trang riêng mang tên đơn vị (khi đó bỏ cột «Đơn vị»).",
    ]
    return _template("Kết quả", RESULT_HEADERS, [12, 40, 36, 12, 10, 10, 10, 12], lists, lines)


def template_tasks(store: Store, parent: str | None = None) -> bytes:
    """Blank task list: responsible and cooperating units, due time, status, progress notes."""
    units = _units(store, parent)
    lists = [_List(3, "DM_ChuTri", "Đơn vị chủ trì", units, strict=False),
             _List(5, "DM_ThoiHan", "Thời hạn", ["thường xuyên", "Quý I", "Quý II", "Quý III", "Quý IV",
                                                 "6 tháng đầu năm"], strict=False),
             _List(6, "DM_TinhTrang", "Tình trạng", STATUS_WORDS), _List(7, "DM_Nam", "Năm", _years())]
    lines = [
        "Mẫu nhập nhiệm vụ của kế hoạch. «Thời hạn»: một ngày (30/6/2026), một kỳ (Quý II) hoặc «thường xuyên».",
        "«Chỉ số liên quan»: chỉ số thành phần mà nhiệm vụ nhằm cải thiện, ví dụ «PCI - Tính minh bạch».",
        "«Tiến độ» và «Ngày cập nhật»: ghi chú tiến độ; mỗi lần nhập lại với ghi chú mới, ghi chú được thêm vào.",
    ]
    return _template("Nhiệm vụ", TASK_HEADERS, [12, 56, 28, 28, 16, 16, 8, 28, 40, 14], lists, lines)


TEMPLATES = {  # name -> (builder, file name, Vietnamese label, English label)
    "plan": (template_plan, "mau_ke_hoach.xlsx", "Mẫu kế hoạch (chỉ tiêu, mục tiêu)", "Plan template"),
    "plan_results": (template_results, "mau_bao_cao_dinh_ky.xlsx", "Mẫu báo cáo định kỳ của đơn vị",
                     "Units' periodic report template"),
    "tasks": (template_tasks, "mau_nhiem_vu.xlsx", "Mẫu nhiệm vụ", "Tasks template"),
}

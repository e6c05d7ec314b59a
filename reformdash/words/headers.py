"""The one table of column headers: a data frame's column code -> (Vietnamese, English) header.

Frames keep their column codes through the computation; `header`/`with_headers` apply the words only at the
edges (pages, exports, briefing). A code is listed once; sections name the part of the product that uses it.
"""

from __future__ import annotations

HEADERS: dict[str, tuple[str, str]] = {
    # scores and exports
    # briefing, charts and maps
    "index": ("Chỉ số", "Index"), "year": ("Năm", "Year"), "value": ("Giá trị", "Value"), "rank": ("Thứ hạng", "Rank"),
    "rank_of": ("Trên tổng số", "Rank of"), "change": ("Thay đổi", "Change"), "sample": ("Mẫu", "Sample"),
    "value_goal": ("Mục tiêu giá trị", "Value goal"), "rank_goal": ("Mục tiêu thứ hạng", "Rank goal"),
    "entity_name": ("Tỉnh/Đơn vị", "Entity"), "unit_name": ("Đơn vị", "Unit"),
    "component_name": ("Chỉ số thành phần", "Component"), "places_up": ("Số bậc tăng (+)/giảm (−)", "Places up"),
    "best": ("Cao nhất cả nước", "Best"), "goal": ("Mục tiêu", "Goal"), "target_year": ("Năm mục tiêu", "Target year"),
    "status": ("Kết quả", "Status"), "detail": ("Chi tiết", "Detail"),
    "province": ("Tỉnh, thành phố", "Province"), "quartile": ("Nhóm (1 = cao nhất)", "Quartile group (1 = highest)"),
    "note": ("Ghi chú", "Note"), "value_from": ("Giá trị (năm gốc)", "Value (from)"),
    "value_to": ("Giá trị (năm so sánh)", "Value (to)"), "rank_from": ("Hạng (năm gốc)", "Rank (from)"),
    "rank_to": ("Hạng (năm so sánh)", "Rank (to)"), "percentile_change": ("Thay đổi thứ hạng phần trăm",
                                                                           "Percentile change"),
    "index_code": ("Mã", "Code"), "first_year": ("Từ năm", "From"), "last_year": ("Đến năm", "To"),
    "entities": ("Số đơn vị", "Entities"), "scores": ("Số điểm số", "Scores"), "label": ("Nhãn", "Label"),
    # plan
    # pages
}


def header(code: str, lang: str = "vi") -> str:
    """The header of column `code` in `lang`; an unknown code is shown as itself."""
    vi, en = HEADERS.get(code, (code, code))
    return en if lang == "en" else vi


def with_headers(frame, lang: str = "vi"):
    """The frame with its known column codes replaced by headers (a copy; unknown columns keep their name)."""
    return frame.rename(columns={c: header(c, lang) for c in frame.columns if c in HEADERS})

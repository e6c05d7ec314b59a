"""The one table of column headers: a data frame's column code -> (Vietnamese, English) header.

Frames keep their column codes through the computation; `header`/`with_headers` apply the words only at the
edges (pages, exports, briefing). A code is listed once; sections name the part of the product that uses it.
"""

from __future__ import annotations

HEADERS: dict[str, tuple[str, str]] = {
    # scores and exports
    # briefing, charts and maps (the codes also in «scores and exports» carry the same words there)
    "index_code": ("Chỉ số", "Index"), "year": ("Năm", "Year"), "value": ("Giá trị", "Value"),
    "rank_of": ("Trên tổng số", "Rank of"), "change": ("Thay đổi", "Change"), "is_sample": ("Mẫu", "Sample"),
    "entity_name": ("Tỉnh/Đơn vị", "Entity"), "unit_name": ("Đơn vị", "Unit"),
    "component": ("Chỉ số thành phần", "Component"), "places_up": ("Số bậc tăng (+)/giảm (−)", "Places up"),
    "goal": ("Mục tiêu", "Goal"), "target_year": ("Năm mục tiêu", "Target year"), "detail": ("Chi tiết", "Detail"),
    "note": ("Ghi chú", "Note"),
    "value_goal": ("Mục tiêu giá trị", "Value goal"), "rank_goal": ("Mục tiêu thứ hạng", "Rank goal"),
    "province": ("Tỉnh, thành phố", "Province"), "quartile": ("Nhóm (1 = cao nhất)", "Quartile group (1 = highest)"),
    "percentile_change": ("Thay đổi thứ hạng phần trăm", "Percentile change"),
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

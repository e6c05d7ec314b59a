"""The one table of column headers: a data frame's column code -> (Vietnamese, English) header.

Frames keep their column codes through the computation; `header`/`with_headers` apply the words only at the
edges (pages, exports, briefing). A code is listed once; sections name the part of the product that uses it.
"""

from __future__ import annotations

HEADERS: dict[str, tuple[str, str]] = {
    # scores and exports
    # briefing, charts and maps
    # plan
    # pages
    # cli and core
    "id": ("Số", "No."),
    "created_at": ("Thời điểm", "When"),
    "user_name": ("Người thực hiện", "By"),
    "action": ("Thay đổi", "Change"),
    "subject": ("Đối tượng", "Subject"),
    "detail": ("Chi tiết", "Detail"),
}


def header(code: str, lang: str = "vi") -> str:
    """The header of column `code` in `lang`; an unknown code is shown as itself."""
    vi, en = HEADERS.get(code, (code, code))
    return en if lang == "en" else vi


def with_headers(frame, lang: str = "vi"):
    """The frame with its known column codes replaced by headers (a copy; unknown columns keep their name)."""
    return frame.rename(columns={c: header(c, lang) for c in frame.columns if c in HEADERS})

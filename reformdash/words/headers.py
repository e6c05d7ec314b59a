"""The one table of column headers: a data frame's column code -> (Vietnamese, English) header.

Frames keep their column codes through the computation; `header`/`with_headers` apply the words only at the
edges (pages, exports, briefing). A code is listed once; sections name the part of the product that uses it.
"""

from __future__ import annotations

HEADERS: dict[str, tuple[str, str]] = {
    # scores and exports
    "index_code": ("Chỉ số", "Index"), "year": ("Năm", "Year"), "years": ("Các năm", "Years"),
    "entity_code": ("Mã", "Code"), "entity_name": ("Tỉnh/Đơn vị", "Entity"), "unit_name": ("Đơn vị", "Unit"),
    "component": ("Chỉ số thành phần", "Component"), "component_code": ("Mã thành phần", "Component code"),
    "score": ("Điểm", "Score"), "value": ("Giá trị", "Value"), "rank": ("Xếp hạng", "Rank"),
    "rank_of": ("Trên tổng số", "Rank of"), "tier": ("Nhóm xếp hạng", "Tier"), "is_sample": ("Mẫu", "Sample"),
    "percentile": ("Phần trăm (100 = đầu)", "Percentile (100 = first)"),
    "prev_value": ("Giá trị năm trước", "Previous value"), "prev_rank": ("Hạng năm trước", "Previous rank"),
    "places_up": ("Số bậc tăng (+)/giảm (−)", "Places up"), "change": ("Thay đổi", "Change"),
    "median": ("Trung vị", "Median"), "best": ("Cao nhất", "Best"), "gap_to_best": ("Cách cao nhất", "Gap to best"),
    "rank_from": ("Hạng năm đầu", "Rank, first year"), "rank_to": ("Hạng năm cuối", "Rank, last year"),
    "value_from": ("Giá trị năm đầu", "Value, first year"), "value_to": ("Giá trị năm cuối", "Value, last year"),
    "rank_of_from": ("Trên tổng số (năm đầu)", "Rank of, first year"),
    "rank_of_to": ("Trên tổng số (năm cuối)", "Rank of, last year"), "region": ("Vùng", "Region"),
    "batch_id": ("Lô", "Batch"), "created_at": ("Thời điểm", "When"), "user_name": ("Người thực hiện", "By"),
    "file_name": ("Tệp", "File"), "sheet": ("Trang tính", "Sheet"), "added": ("Thêm", "Added"),
    "changed": ("Sửa", "Changed"), "unchanged": ("Không đổi", "Unchanged"), "reverted_at": ("Đã hoàn tác", "Reverted"),
    "old_value": ("Điểm cũ", "Old score"), "new_value": ("Điểm mới", "New score"), "old_rank": ("Hạng cũ", "Old rank"),
    "new_rank": ("Hạng mới", "New rank"), "row": ("Dòng", "Row"), "column": ("Cột", "Column"),
    "cell_value": ("Giá trị ô", "Cell value"), "problem": ("Vấn đề", "Problem"),
    "goal": ("Mục tiêu", "Goal"), "kind": ("Loại mục tiêu", "Goal kind"), "target": ("Giá trị mục tiêu", "Target"),
    "base_year": ("Năm gốc", "Base year"), "target_year": ("Năm mục tiêu", "Target year"),
    "actual": ("Thực tế", "Actual"), "status": ("Tình trạng", "Status"), "distance": ("Còn thiếu", "Distance"),
    "detail": ("Chi tiết", "Detail"), "note": ("Ghi chú", "Note"),
    # briefing, charts and maps
    "value_goal": ("Mục tiêu giá trị", "Value goal"), "rank_goal": ("Mục tiêu thứ hạng", "Rank goal"),
    "province": ("Tỉnh, thành phố", "Province"), "quartile": ("Nhóm (1 = cao nhất)", "Quartile group (1 = highest)"),
    "percentile_change": ("Thay đổi thứ hạng phần trăm", "Percentile change"),
    # plan
    "code": ("Mã chỉ tiêu", "Indicator code"),
    "name_vi": ("Tên chỉ tiêu", "Name (Vietnamese)"),
    "name_en": ("Tên tiếng Anh", "Name (English)"),
    "unit": ("Đơn vị tính", "Unit of measure"),
    "direction": ("Chiều tốt", "Direction"),
    "aggregation": ("Cách tổng hợp", "Aggregation"),
    "owner": ("Đơn vị chủ trì", "Responsible office"),
    "indicator_code": ("Chỉ tiêu", "Indicator"),
    "whose": ("Của", "Whose target"),
    # (kind, target and base_year: the headers above, as the goals use them)
    # pages
    # the upload page's columns as read: where each is (sheet: above), its header, what it means
    "letter": ("Cột (chữ)", "Column letter"),
    "header": ("Tiêu đề", "Header"),
    "label": ("Được hiểu là", "Read as"),
    "in_file": ("Tên trong tệp", "Name in the file"),  # the upload page's names: as written, matched to, how
    "matched": ("Khớp với", "Matched to"),
    "how": ("Trạng thái", "Match"),
    # admin: the organisation settings' log (reformdash/settings.py)
    "changed_at": ("Lúc thay đổi", "Changed at"),
    "changed_by": ("Người thay đổi", "Changed by"),
    "setting": ("Cài đặt", "Setting"),
    "old_setting": ("Giá trị cũ", "Old value"),
    "new_setting": ("Giá trị mới", "New value"),
    # cli and core: the registry's change log (created_at, user_name, detail: above)
    "id": ("Số", "No."),
    "action": ("Thao tác", "Action"),
    "subject": ("Đối tượng", "Subject"),
}


def header(code: str, lang: str = "vi") -> str:
    """The header of column `code` in `lang`; an unknown code is shown as itself."""
    vi, en = HEADERS.get(code, (code, code))
    return en if lang == "en" else vi


def with_headers(frame, lang: str = "vi"):
    """The frame with its known column codes replaced by headers (a copy; unknown columns keep their name)."""
    return frame.rename(columns={c: header(c, lang) for c in frame.columns if c in HEADERS})

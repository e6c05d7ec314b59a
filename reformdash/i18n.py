"""Vietnamese-first messages and number formatting; English by a switch."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # place of a problem
    "place": ("Tệp «{file}»", "File '{file}'"),
    "place.sheet": (", trang «{sheet}»", ", sheet '{sheet}'"),
    "place.row": (", dòng {row}", ", row {row}"),
    "place.column": (", cột {column}", ", column {column}"),
    "place.value": (", giá trị «{value}»", ", value '{value}'"),
    # rejections
    "empty_file": ("tệp rỗng, không có dữ liệu.", "the file is empty."),
    "too_large": ("tệp lớn {size} MB, vượt giới hạn {limit} MB.", "the file is {size} MB, over the {limit} MB limit."),
    "zip_bomb": (
        "tệp nén giải ra tới {size} MB (vượt giới hạn {limit} MB); có thể là tệp độc hại, không đọc.",
        "the archive unpacks to {size} MB (limit {limit} MB); it may be malicious and was not read.",
    ),
    "encrypted": (
        "tệp được đặt mật khẩu; hãy gỡ mật khẩu trong Excel rồi tải lại.",
        "the file is password-protected; remove the password in Excel and try again.",
    ),
    "wrong_type": (
        "không phải bảng tính (xlsx, xls, ods, csv); nội dung là {kind}.",
        "not a spreadsheet (xlsx, xls, ods, csv); the content looks like {kind}.",
    ),
    "unreadable": (
        "không đọc được tệp: tệp bị hỏng hoặc không đúng định dạng bảng tính (chi tiết kỹ thuật: {detail}).",
        "the file cannot be read: it is damaged or not a spreadsheet (technical detail: {detail}).",
    ),
    "bad_encoding": (
        "không nhận ra bảng mã chữ của tệp CSV (thử UTF-8, UTF-16, Windows-1258).",
        "the CSV text encoding is not recognised (tried UTF-8, UTF-16, Windows-1258).",
    ),
    "no_table": (
        "không tìm thấy bảng số liệu nào có cột tên tỉnh/đơn vị và cột chỉ số.",
        "no table with an entity column and index columns was found.",
    ),
    "no_sheet": ("không có trang «{sheet}»; các trang: {sheets}.", "there is no sheet '{sheet}'; sheets: {sheets}."),
    "no_index": (
        "không xác định được chỉ số (PCI, PAPI, PAR INDEX, SIPAS…); hãy chọn chỉ số (--index).",
        "the index cannot be told from the file; say it with --index.",
    ),
    "no_year": (
        "không xác định được năm của số liệu; hãy nhập năm (--year).",
        "the year cannot be told from the file; say it with --year.",
    ),
    "unknown_index": ("không có chỉ số «{value}» trong danh mục.", "there is no index '{value}' in the catalog."),
    "unknown_entity": (
        "không nhận ra tên «{value}»{suggestion}.",
        "'{value}' is not a known name{suggestion}.",
    ),
    "suggestion": (" — có phải là: {names}?", " — did you mean: {names}?"),
    "unknown_unit": (
        "đơn vị «{value}» chưa có trong danh mục; thêm --create-units để tạo mới{suggestion}.",
        "unit '{value}' is not registered; add --create-units to create it{suggestion}.",
    ),
    "unknown_component": (
        "không có chỉ số thành phần «{value}» của {index}.",
        "{index} has no component '{value}'.",
    ),
    "component_not_in_year": (
        "cột này được hiểu là «{component}» nhưng chỉ số thành phần này của {index} chỉ có trong các năm {span}, "
        "không có năm {year}; hãy kiểm tra tiêu đề cột.",
        "this column reads as '{component}', but that {index} component exists only in {span}, not in {year}; "
        "check the column header.",
    ),
    "not_a_number": ("«{value}» không phải là số.", "'{value}' is not a number."),
    "negative": ("giá trị âm không hợp lệ (điểm số không thể nhỏ hơn 0).", "a negative value is not allowed."),
    "out_of_scale": (
        "giá trị nằm ngoài thang điểm {low}–{high} của {what}.",
        "the value is outside the {low}–{high} scale of {what}.",
    ),
    "year_not_a_number": ("«{value}» không phải là năm (cần số như 2024).", "'{value}' is not a year (e.g. 2024)."),
    "bad_year_option": (
        "năm {value} (--year) không hợp lệ cho {index} (từ {low} đến {high}).",
        "year {value} (--year) is impossible for {index} (from {low} to {high}).",
    ),
    "bad_rank": ("thứ hạng «{value}» phải là số nguyên dương.", "rank '{value}' must be a positive whole number."),
    "bad_year": (
        "năm {value} không hợp lệ cho {index} (từ {low} đến {high}).",
        "year {value} is impossible for {index} (from {low} to {high}).",
    ),
    "duplicate": (
        "trùng dữ liệu: {entity} ({what}) đã có ở dòng {other_row} với giá trị khác ({other_value}).",
        "duplicate: {entity} ({what}) already appears on row {other_row} with another value ({other_value}).",
    ),
    "entity_not_in_year": (
        "{entity} không tồn tại vào năm {year} (hiệu lực {valid}).",
        "{entity} did not exist in {year} (valid {valid}).",
    ),
    "db_locked": (
        "cơ sở dữ liệu đang được chương trình khác ghi; hãy thử lại sau.",
        "the database is being written by another program; try again later.",
    ),
    "revert_unknown": ("không có lô nhập số {value}.", "there is no batch {value}."),
    "revert_done": ("lô {value} đã được hoàn tác trước đó.", "batch {value} was already reverted."),
    "revert_blocked": (
        "không thể hoàn tác lô {value}: lô {later} nhập sau đã ghi đè cùng số liệu; hãy hoàn tác lô {later} trước.",
        "batch {value} cannot be reverted: later batch {later} overwrote the same figures; revert {later} first.",
    ),
    "entity_lookup": ("không tìm thấy «{value}»{suggestion}.", "'{value}' was not found{suggestion}."),
    "more_problems": ("… và {count} lỗi khác.", "… and {count} more problems."),
    "rejected_title": ("Tệp bị từ chối, không ghi gì vào cơ sở dữ liệu", "File rejected; nothing was written"),
}


def t(key: str, lang: str = "vi", **params: object) -> str:
    """The message `key` in `lang` ('vi' or 'en') with params filled in."""
    vi, en = MESSAGES[key]
    return (en if lang == "en" else vi).format(**params)


def format_number(value: float | None, lang: str = "vi", decimals: int = 2) -> str:
    """89,12 in Vietnamese, 89.12 in English; thousands with '.' / ','."""
    if value is None:
        return "—"
    text = f"{value:,.{decimals}f}"
    if lang == "vi":
        text = text.replace(",", "\u0001").replace(".", ",").replace("\u0001", ".")
    return text

"""Labels, titles and notes of the pages and charts."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "overview": ("Tổng quan", "Overview"), "trends": ("Xu hướng", "Trends"),
    "ranks": ("Thay đổi thứ hạng", "Rank changes"), "components": ("Chỉ số thành phần", "Components"),
    "compare": ("So sánh", "Compare"), "units": ("Đơn vị trực thuộc", "Units"), "goals": ("Mục tiêu", "Goals"),
    "focus": ("Đơn vị theo dõi", "Focus"), "index": ("Chỉ số", "Index"), "years": ("Giai đoạn", "Years"),
    "language": ("Ngôn ngữ / Language", "Ngôn ngữ / Language"),
    "peers": ("So sánh với", "Compare with"), "from_year": ("Năm gốc", "Base year"), "to_year": ("Năm so sánh", "Year"),
    "year": ("Năm", "Year"), "show_percentile": ("Hiển thị thứ hạng phần trăm (so sánh được giữa 63 và 34 tỉnh)",
                                                 "Show percentile rank (comparable between 63 and 34 provinces)"),
    "sample": ("MẪU", "SAMPLE"),
    "sample_note": ("Số liệu gắn nhãn MẪU là số liệu minh họa, không phải số liệu công bố. Gỡ bằng lệnh: "
                    "python -m reformdash remove-sample.",
                    "Figures labelled SAMPLE are illustrative, not published. Remove them with: "
                    "python -m reformdash remove-sample."),
    "no_data": ("Chưa có số liệu {what}. Hãy tải bảng kết quả lên (trang Tải dữ liệu hoặc lệnh "
                "python -m reformdash import TỆP).",
                "No {what} figures yet. Upload a results table (python -m reformdash import FILE)."),
    "rank_of": ("xếp thứ {rank}/{of}", "rank {rank}/{of}"),
    "no_rank": ("chưa công bố thứ hạng", "rank not published"),
    "places_up": ("{n:+d} bậc", "{n:+d} places"),
    "same_place": ("giữ nguyên thứ hạng", "same place"),
    "field_changed": ("năm trước {prev}/{before}; số tỉnh xếp hạng đã thay đổi ({before} → {after}) nên không so "
                      "sánh số bậc", "previous year {prev}/{before}; the field changed size ({before} → {after}), so "
                      "places are not compared"),
    "goal_met": ("Đạt", "Met"), "goal_not_met": ("Chưa đạt", "Not met"), "goal_no_data": ("Chưa có dữ liệu",
                                                                                       "No data"),
    "trend_title": ("{index} của {entity}: giá trị và thứ hạng qua các năm",
                    "{index} — {entity}: value and rank over the years"),
    "bump_title": ("Thứ hạng {index} {a}–{b}", "{index} ranks {a}–{b}"),
    "slope_title": ("Thứ hạng năm {a} và năm {b}", "Rank in {a} and in {b}"),
    "bump_tab": ("Thứ hạng qua các năm", "Ranks over the years"),
    "slope_tab": ("So sánh hai năm", "Two years compared"),
    "diverging_tab": ("Số bậc tăng, giảm của mọi đơn vị", "Places gained or lost by everyone"),
    "diverging_title": ("Số bậc tăng, giảm từ năm {a} đến năm {b}", "Places gained or lost from {a} to {b}"),
    "heatmap_title": ("Điểm các chỉ số thành phần năm {year}", "Component scores {year}"),
    "heatmap_change_title": ("Thay đổi điểm thành phần so với năm {prev}", "Change in component scores since {prev}"),
    "drivers_title": ("Thứ hạng các chỉ số thành phần của {entity}: tăng, giảm so với năm {prev}",
                      "{entity}'s component ranks: places gained or lost since {prev}"),
    "compare_title": ("{index} năm {year}: {entity} so với các đơn vị khác", "{index} {year}: {entity} against others"),
    "units_title": ("Bảng xếp hạng các đơn vị năm {year}", "Units' leaderboard {year}"),
    "unit_trend_title": ("Kết quả của {unit} qua các năm", "{unit} over the years"),
    "unit_trend_tab": ("Một đơn vị qua các năm", "One unit over the years"),
    "missing_note": ("Không có số liệu ở một trong hai năm: {names}", "Missing in one of the two years: {names}"),
    "method_note": ("Phương pháp thay đổi năm {year}: thêm {added}; bỏ {dropped}",
                    "Method changed in {year}: added {added}; dropped {dropped}"),
    "summary": ("Tóm tắt", "Summary"),
    "best": ("Cao nhất", "Best"), "median": ("Trung vị", "Median"),
    "value": ("Giá trị", "Value"), "rank": ("Thứ hạng", "Rank"), "change": ("Thay đổi", "Change"),
    "component": ("Chỉ số thành phần", "Component"), "places": ("Số bậc", "Places"),
    "show_change": ("Tô màu theo thay đổi so với năm trước", "Colour by change since last year"),
    "parent": ("Cơ quan chủ quản", "Parent"), "unit": ("Đơn vị", "Unit"),
    "criteria": ("Kết quả theo tiêu chí", "Results by criterion"),
    "goals_table": ("Tình hình thực hiện mục tiêu", "Goals and their status"),
    "goals_edit": ("Sửa mục tiêu", "Edit goals"), "goals_upload": ("Nhập mục tiêu từ bảng tính", "Import goals"),
    "save": ("Lưu", "Save"), "saved": ("Đã lưu.", "Saved."),
    "goals_own": ("Mục tiêu của đơn vị", "The organisation's goals"),
    "goals_none_own": ("Chưa có mục tiêu nào của đơn vị: thêm ở «Sửa mục tiêu» hoặc nhập từ bảng tính.",
                       "No goals of the organisation yet: add them under «Edit goals» or import a spreadsheet."),
    "goals_sample": ("Mục tiêu mẫu", "Sample goals"),
    "goals_sample_note": ("Đi kèm dữ liệu mẫu để minh hoạ; gỡ cùng số liệu mẫu bằng lệnh "
                          "python -m reformdash remove-sample.",
                          "Shipped with the demo data as an illustration; removed with the sample by "
                          "python -m reformdash remove-sample."),
    "goals_as_table": ("Bảng số liệu mục tiêu", "Goals as a table"),
    "goals_edit_note": ("Mỗi dòng một mục tiêu của đơn vị; chọn loại mục tiêu trong danh sách, để trống ô không "
                        "cần. Mục tiêu mẫu không sửa ở đây.",
                        "One goal of the organisation a row; pick the kind from the list, leave unneeded cells "
                        "blank. Sample goals are not edited here."),
    "goals_file": ("Bảng tính mục tiêu (xlsx, xls, ods, csv)", "Goals spreadsheet (xlsx, xls, ods, csv)"),
    "goals_preview": ("Tệp có **{count}** mục tiêu đọc được và **{rows}** dòng lỗi. Xem lại trước khi lưu:",
                      "The file holds **{count}** readable goals and **{rows}** rows with problems. Check before "
                      "saving:"),
    "goals_save_good": ("Lưu {count} mục tiêu đọc được, bỏ qua các dòng lỗi",
                        "Save the {count} readable goals, leave out the rows with problems"),
    "entity": ("Đơn vị", "Entity"), "note": ("Ghi chú", "Note"),
}


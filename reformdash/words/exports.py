"""Words of the Data page's hand-outs: batch history and revert, exports, blank templates, the briefing's workbook,
the tables under the charts and the upload preview (exports.py, export_xlsx.py, tables.py, upload.py)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # batches: revert and original files
    "export.no_batch": ("Không có lô nhập số {batch_id}", "There is no batch {batch_id}"),
    "export.not_found": ("Không tìm thấy", "Not found"),
    "export.revert_not_allowed": ("Chỉ người nhập ({owner}) hoặc quản trị viên được hoàn tác lô {batch_id}.",
                                  "Only the person who imported it ({owner}) or an admin may revert batch {batch_id}."),
    "export.not_allowed": ("Không được phép", "Not allowed"),
    "export.revert_question": (
        "Hoàn tác lô {batch_id} (tệp {file_name}, do {user_name} nhập)? {added} giá trị của lô sẽ bị gỡ và "
        "{replaced} giá trị cũ mà lô đã thay sẽ được khôi phục.",
        "Revert batch {batch_id} ({file_name}, by {user_name})? Its {added} values are removed and the {replaced} "
        "values it replaced are restored.",
    ),
    "export.revert_summary": (
        "Đã hoàn tác lô {batch_id}: gỡ {removed} giá trị, khôi phục {restored} giá trị cũ.",
        "Batch {batch_id} reverted: {removed} values removed, {restored} earlier values restored.",
    ),
    "export.no_original": ("Lô {batch_id} không lưu tệp gốc", "Batch {batch_id} kept no original file"),
    "export.no_original_title": ("Không có tệp gốc", "No original file"),
    # exports
    "export.sheet_data": ("Số liệu", "Data"),
    "export.sheet_about": ("Thông tin", "About"),
    "export.note_selection": ("Chỉ số: {index}; năm {year_from}–{year_to}; {entities} đơn vị.",
                              "Index: {index}; years {year_from}–{year_to}; {entities} entities."),
    "export.every": ("mọi", "all"),
    "export.note_when": ("Xuất lúc {when} từ reformdash.", "Exported {when} from reformdash."),
    "export.note_sample": ("Dòng có cột Mẫu = MẪU là số liệu minh họa, không phải số liệu công bố.",
                           "Rows marked SAMPLE are illustrative, not published figures."),
    "export.cannot_write": ("Không ghi được tệp «{path}»: {error}", "Cannot write the file «{path}»: {error}"),
    "export.cannot_write_title": ("Không ghi được tệp", "Cannot write the file"),
    # the briefing's workbook: each slide's sheet name
    "export.sheet.glance": ("Tổng quan", "Overview"),
    "export.sheet.trend": ("Xu hướng", "Trend"),
    "export.sheet.changes": ("Thứ hạng", "Ranks"),
    "export.sheet.components": ("Thành phần", "Components"),
    "export.sheet.units": ("Đơn vị", "Units"),
    "export.sheet.goals": ("Mục tiêu", "Goals"),
    "export.sheet.plan_status": ("Kế hoạch", "Plan"),
    "export.sheet.plan_risk": ("Nguy cơ", "At risk"),
    "export.sheet.plan_late": ("Báo cáo chậm", "Late"),
    "export.sheet.plan_tasks": ("Nhiệm vụ", "Tasks"),
    # blank templates
    "export.template.guide_sheet": ("Hướng dẫn", "Guide"),
    "export.template.guide_title": ("HƯỚNG DẪN ĐIỀN MẪU", "HOW TO FILL IN THIS TEMPLATE"),
    "export.template.list_error_title": ("Giá trị không có trong danh sách", "Value not in the list"),
    "export.template.list_error": ("Hãy chọn {what} trong danh sách.", "Please choose {what} from the list."),
    "export.template.list_prompt": ("Chọn {what} trong danh sách.", "Choose {what} from the list."),
    "export.template.results_sheet": ("Kết quả", "Results"),
    "export.template.units_sheet": ("Kết quả đơn vị", "Unit results"),
    "export.template.goals_sheet": ("Mục tiêu", "Goals"),
    "export.template.results_label": ("Mẫu kết quả chỉ số (tỉnh, bộ ngành)",
                                      "Index results template (provinces, ministries)"),
    "export.template.units_label": ("Mẫu kết quả đơn vị trực thuộc", "Unit results template"),
    "export.template.goals_label": ("Mẫu mục tiêu kế hoạch", "Plan goals template"),
    "export.template.results_intro": (
        "Mẫu nhập kết quả chỉ số của các tỉnh, thành phố (hoặc bộ, ngành). Mỗi dòng là một giá trị: một chỉ số, "
        "một năm, một tỉnh, một chỉ số thành phần.",
        "Template for the index results of provinces and cities (or ministries). One value a row: one index, one "
        "year, one province, one component.",
    ),
    "export.template.results_index": ("Cột «Chỉ số»: chọn mã chỉ số trong danh sách thả xuống:",
                                      "Column «Index»: pick the index code from the drop-down list:"),
    "export.template.results_year": ("Cột «Năm»: chọn năm đánh giá (năm công bố kết quả).",
                                     "Column «Year»: pick the year assessed (the year the results were published)."),
    "export.template.results_entity": (
        "Cột «Tỉnh/Đơn vị»: chọn tên trong danh sách; tên viết tắt như TP.HCM, BRVT, TT-Huế cũng được nhận.",
        "Column «Entity»: pick the name from the list; short names such as TP.HCM, BRVT, TT-Huế are read too.",
    ),
    "export.template.results_component": (
        "Cột «Chỉ số thành phần»: để TRỐNG cho điểm tổng hợp của chỉ số; ghi tên chỉ số thành phần (có danh sách "
        "gợi ý) cho điểm thành phần — mỗi thành phần một dòng.",
        "Column «Component»: leave it BLANK for the index's overall score; write the component's name (a list "
        "suggests them) for a component's score — one component a row.",
    ),
    "export.template.results_value": (
        "Cột «Điểm»: ghi số (dấu thập phân là dấu phẩy hoặc dấu chấm). Không có dữ liệu thì để trống hoặc ghi N/A, "
        "KHÔNG ghi 0.",
        "Column «Score»: a number (comma or point as the decimal mark). Without data leave it blank or write N/A, "
        "NOT 0.",
    ),
    "export.template.results_rank": (
        "Cột «Xếp hạng»: ghi thứ hạng đã công bố nếu có; để trống thì chương trình tự xếp hạng theo điểm.",
        "Column «Rank»: the published rank if there is one; left blank, the program ranks by score.",
    ),
    "export.template.results_layout": (
        "Không thêm dòng tiêu đề phía trên, không gộp ô; có thể xóa các cột không dùng trừ Chỉ số, Năm, Tỉnh/Đơn vị, "
        "Điểm.",
        "Add no title rows above and merge no cells; unused columns may be deleted except Index, Year, Entity, "
        "Score.",
    ),
    "export.template.results_upload": (
        "Điền xong, tải tệp lên ở trang «Tải dữ liệu»; chương trình hiển thị phần sẽ thêm, sửa trước khi ghi.",
        "When done, upload the file on the «Upload» page; the program shows what it will add and change before "
        "saving.",
    ),
    "export.template.units_intro": (
        "Mẫu nhập kết quả chấm điểm các đơn vị trực thuộc{parent}. Mỗi dòng là một giá trị: một chỉ số, một năm, "
        "một đơn vị, một tiêu chí.",
        "Template for the scores of the subordinate units{parent}. One value a row: one index, one year, one unit, "
        "one criterion.",
    ),
    "export.template.units_of": (" của {parent}", " of {parent}"),
    "export.template.units_index": (
        "Cột «Chỉ số»: chọn mã bộ chỉ số của đơn vị trong danh sách (bộ chỉ số mới được thêm ở trang «Danh mục»):",
        "Column «Index»: pick the code of the units' index from the list (a new index is added on the «Catalog» "
        "page):",
    ),
    "export.template.units_year": ("Cột «Năm»: chọn năm đánh giá.", "Column «Year»: pick the year assessed."),
    "export.template.units_unit": (
        "Cột «Đơn vị»: chọn tên đơn vị trong danh sách; đơn vị mới có thể ghi tên và chọn «tạo đơn vị mới» khi tải "
        "lên.",
        "Column «Unit»: pick the unit's name from the list; a new unit may be written by name and «create a new "
        "unit» chosen on upload.",
    ),
    "export.template.units_component": (
        "Cột «Chỉ số thành phần»: để TRỐNG cho điểm tổng; ghi tên tiêu chí (có danh sách gợi ý) cho điểm từng tiêu "
        "chí — mỗi tiêu chí một dòng.",
        "Column «Component»: leave it BLANK for the total; write the criterion's name (a list suggests them) for "
        "each criterion's score — one criterion a row.",
    ),
    "export.template.units_value": (
        "Cột «Điểm»: ghi số; không có dữ liệu thì để trống, KHÔNG ghi 0. Cột «Xếp hạng» có thể để trống.",
        "Column «Score»: a number; without data leave it blank, NOT 0. Column «Rank» may be left blank.",
    ),
    "export.template.units_upload": (
        "Khi tải lên ở trang «Tải dữ liệu», chọn cấp «Đơn vị» và cơ quan chủ quản của các đơn vị.",
        "On the «Upload» page, choose the level «Unit» and the units' parent body.",
    ),
    "export.template.goals_intro": ("Mẫu nhập mục tiêu của kế hoạch. Mỗi dòng là một mục tiêu.",
                                    "Template for a plan's goals. One goal a row."),
    "export.template.goals_index": ("Cột «Chỉ số»: chọn mã chỉ số trong danh sách:",
                                    "Column «Index»: pick the index code from the list:"),
    "export.template.goals_component": (
        "Cột «Chỉ số thành phần»: để TRỐNG nếu mục tiêu là điểm/thứ hạng tổng hợp; chọn «Tất cả» khi mọi chỉ số "
        "thành phần đều phải năm sau cao hơn năm trước.",
        "Column «Component»: leave it BLANK for a goal on the overall score or rank; choose «All» when every "
        "component must be higher each year than the year before.",
    ),
    "export.template.goals_entity": ("Cột «Đơn vị»: tỉnh, bộ, ngành hoặc đơn vị trực thuộc (chọn trong danh sách).",
                                     "Column «Entity»: a province, ministry or subordinate unit (pick from the list)."),
    "export.template.goals_kind": ("Cột «Loại mục tiêu»: chọn một trong {count} loại:",
                                   "Column «Goal kind»: pick one of the {count} kinds:"),
    "export.template.goals_target": ("Cột «Mục tiêu»: ghi số (số bậc, thứ hạng hoặc điểm).",
                                     "Column «Target»: a number (places, a rank or a score)."),
    "export.template.goals_years": (
        "Cột «Năm gốc» và «Năm mục tiêu»: chọn năm; «Năm gốc» bắt buộc với loại «Tăng bậc».",
        "Columns «Base year» and «Target year»: pick the years; «Base year» is required for «Places up».",
    ),
    "export.template.goals_import": (
        "Điền xong, nhập ở trang «Mục tiêu» (hoặc lệnh python -m reformdash goals import TỆP).",
        "When done, import it on the «Goals» page (or with python -m reformdash goals import FILE).",
    ),
    # goal kinds: the template's drop-down wording (read back by reformdash.goals.parse_kind) and its explanation
    "export.goal_kind.rank_up": ("Tăng bậc (so với năm gốc)", "Places up (on the base year)"),
    "export.goal_kind.rank_at_most": ("Nằm trong nhóm dẫn đầu (top)", "Within the top (top N)"),
    "export.goal_kind.value_at_least": ("Đạt tối thiểu (≥)", "At least (≥)"),
    "export.goal_kind.yoy_increase": ("Năm sau cao hơn năm trước", "Higher than the previous year"),
    "export.goal_help.rank_up": (
        "    Tăng bậc — thứ hạng tăng ít nhất «Mục tiêu» bậc so với «Năm gốc» (ví dụ: PCI tăng 5 bậc so với năm 2022).",
        "    Places up — the rank rises at least «Target» places from the «Base year» (e.g. PCI up 5 places on 2022).",
    ),
    "export.goal_help.rank_at_most": (
        "    Nằm trong nhóm dẫn đầu (top) — xếp thứ «Mục tiêu» trở lên (ví dụ: top 10).",
        "    Within the top (top N) — ranked «Target» or better (e.g. top 10).",
    ),
    "export.goal_help.value_at_least": (
        "    Đạt tối thiểu (≥) — điểm không thấp hơn «Mục tiêu» (ví dụ: mức độ hài lòng ≥ 90%).",
        "    At least (≥) — the score is not below «Target» (e.g. satisfaction ≥ 90%).",
    ),
    "export.goal_help.yoy_increase": (
        "    Năm sau cao hơn năm trước — để trống «Mục tiêu»; «Năm gốc» để trống là năm liền trước.",
        "    Higher than the previous year — leave «Target» blank; a blank «Base year» means the year before.",
    ),
    # upload preview: what a column is read as, and how a name was matched
    "export.upload.ignore": ("(bỏ qua)", "(ignore)"),
    "export.upload.overall": ("Điểm tổng", "Overall score"),
    "export.upload.rank": ("Xếp hạng", "Rank"),
    "export.upload.tier": ("Nhóm xếp hạng", "Tier"),
    "export.upload.year": ("Năm", "Year"),
    "export.upload.rank_of": ("Số đơn vị xếp hạng", "Field size"),
    "export.upload.entity": ("Tên tỉnh / đơn vị", "Province / unit name"),
    "export.upload.value": ("Điểm", "Score"),
    "export.upload.index": ("Mã chỉ số", "Index code"),
    "export.upload.component": ("Tên chỉ số thành phần", "Component name"),
    "export.upload.year_value": ("Điểm của năm {year}", "Score of {year}"),
    "export.upload.auto": ("tự nhận ra", "recognised"),
    "export.upload.hand": ("đã chọn", "chosen"),
    "export.upload.unknown": ("chưa nhận ra", "unknown"),
    "export.upload.skip": ("không phải đơn vị / bỏ qua", "not a unit / skip"),
    "export.upload.new_unit": ("tạo đơn vị mới", "create a new unit"),
    "export.upload.not_chosen": ("(chưa chọn)", "(not chosen)"),
    "export.upload.own_index": ("Chấm điểm CCHC của {parent}", "Administrative reform scores of {parent}"),
}
# Keys composed at run time: export.upload.<meaning> (a column's role or a name's match, upload.word).
DYNAMIC = ("export.upload.",)

# Words read from users' files by the upload page's index proposal (parsing vocabulary, not output):
# a maximum written in a header, 'Tổng điểm (tối đa 100 điểm)', and a year inside a title.
MAX_POINTS = r"\(\s*(?:tối đa\s*)?(\d+(?:[.,]\d+)?)\s*(điểm|đ|%)\s*\)"
YEAR_IN_TITLE = r"\s*(năm\s*)?\b(19|20)\d\d\b"
POINTS_UNIT = "điểm"  # the unit code of an index scored in points (as the catalog stores it)
# A goal's index cell may name several indices: 'PAR INDEX, PAPI và PCI'.
INDEX_LIST_SPLIT = r"[,;/+&]|\bvà\b|\band\b"

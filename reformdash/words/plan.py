"""The plan's messages: indicators, targets, results, tasks and deadlines."""

from __future__ import annotations

DYNAMIC = ("plan.status.", "plan.field.")  # plan.status.{status}, plan.field.{field}

# Words read from users' cells (not shown): a target cell whose kind starts with one of these is a change in %, so a
# number in (0, 1] is not a fraction of 100 (kinds.parse_target).
CHANGE_WORDS = ("tăng", "giảm", "tang", "giam")
RANGE_WORDS = ("đến", "den", "to")  # «giảm 3 đến 5%»: a range's words between its two numbers (besides dashes)
# Unit codes of data/reference/plan_vocabulary.csv the code acts on: a plain count is shown without a unit; a rank
# («bậc») is better when smaller.
COUNT_UNIT = "số"
RANK_UNIT = "bậc"

WORDS: dict[str, tuple[str, str]] = {
    # rejections (rendered after the place: file, sheet, row, column, value)
    "plan.no_header": ("không tìm thấy dòng tiêu đề của bảng {what} (cần các cột: {columns}).",
                       "no header row of a {what} table was found (columns needed: {columns})."),
    "plan.blank": ("thiếu {what}.", "{what} is missing."),
    "plan.unknown_kind": ("không hiểu loại mục tiêu; dùng ≥, ≤, =, tăng, giảm, tỷ lệ đơn vị đạt, năm sau cao hơn năm "
                          "trước.", "the kind of target is not understood; use ≥, ≤, =, increase, decrease, share of "
                                    "units reaching, higher every year."),
    "plan.no_target_number": ("thiếu con số của mục tiêu (ví dụ ≥ 90%).", "the target has no number (e.g. ≥ 90%)."),
    "plan.no_threshold": ("mục tiêu tỷ lệ đơn vị đạt cần mức mỗi đơn vị phải đạt (ví dụ: loại Tốt, hoặc 80 điểm).",
                          "a share-of-units target needs the level each unit must reach (e.g. rated Good, or 80)."),
    "plan.bad_number": ("không phải là số.", "not a number."),
    "plan.bad_year": ("năm không hợp lệ (cần từ {low} đến {high}).", "not a valid year ({low} to {high})."),
    "plan.base_after": ("năm gốc phải trước năm của mục tiêu ({year}).", "the base year must come before {year}."),
    "plan.bad_period": ("kỳ không hợp lệ; viết 2026, 2026-H1, 2026-Q3, 2026-07 hoặc «Quý III/2026».",
                        "not a period; write 2026, 2026-H1, 2026-Q3, 2026-07 or 'Q3 2026'."),
    "plan.no_period": ("không biết số liệu của kỳ nào: thêm cột «Kỳ» hoặc chọn kỳ (--period 2026-Q3).",
                       "the period is not stated: add a 'Kỳ' column or give --period 2026-Q3."),
    "plan.unknown_unit": ("không có đơn vị này trong các đơn vị trực thuộc {parent}{hint}; thêm đơn vị ở trang "
                          "«Danh mục» hoặc dùng --create-units.",
                          "no such unit under {parent}{hint}; add it on the registry page or use --create-units."),
    "plan.unknown_parent": ("không tìm thấy cơ quan «{value}».", "no entity '{value}' was found."),
    "plan.no_parent": ("không biết kế hoạch này của cơ quan nào: chọn cơ quan (--parent).",
                       "whose plan this is is not known: give --parent."),
    "plan.unknown_indicator": ("kế hoạch của {parent} không có chỉ tiêu mã này; hãy nhập kế hoạch trước.",
                               "{parent}'s plan has no indicator with this code; import the plan first."),
    "plan.unknown_aggregation": ("không hiểu cách tổng hợp; dùng «trung bình», «tổng», «tử số/mẫu số» hoặc «tỷ lệ "
                                 "đơn vị đạt».", "the aggregation is not understood; use mean, sum, ratio or share "
                                                 "of units."),
    "plan.unknown_direction": ("không hiểu chiều tốt; dùng «cao hơn là tốt» hoặc «thấp hơn là tốt».",
                               "the direction is not understood; use 'higher is better' or 'lower is better'."),
    "plan.bad_date": ("không phải ngày (viết 15/11/2026).", "not a date (write 15/11/2026 or 2026-11-15)."),
    "plan.future_date": ("ngày gửi sau ngày hôm nay ({today}).", "the date sent is after today ({today})."),
    "plan.duplicate": ("trùng với dòng {other_row} ({what}).", "repeats row {other_row} ({what})."),
    "plan.den_zero": ("mẫu số bằng 0.", "the denominator is 0."),
    "plan.num_over_den": ("tử số lớn hơn mẫu số của một tỷ lệ phần trăm.", "the numerator exceeds the denominator."),
    "plan.ratio_differs": ("giá trị khác tử số/mẫu số ({ratio}).", "the value differs from numerator/denominator "
                                                                   "({ratio})."),
    "plan.half_ratio": ("có tử số mà thiếu mẫu số (hoặc ngược lại).", "a numerator without a denominator (or the "
                                                                      "reverse)."),
    "plan.unknown_status": ("không hiểu tình trạng; dùng «chưa thực hiện», «đang thực hiện», «hoàn thành», «hủy».",
                            "the status is not understood; use not started, in progress, done, cancelled."),
    "plan.bad_due": ("không hiểu thời hạn; ghi một ngày (30/6/2026), một kỳ (Quý II/2026) hoặc «thường xuyên».",
                     "the due time is not understood; write a date, a period (Q2 2026) or 'ongoing'."),
    "plan.unknown_component": ("không có chỉ số hoặc chỉ số thành phần này.", "no such index or component."),
    "plan.bad_due_rule": ("không hiểu hạn báo cáo; ghi như «ngày 2 tháng cuối quý», «2/6», «15/11».",
                          "the reporting deadline is not understood; write e.g. '2/6' or '15/11'."),
    "plan.code_fixed": ("mã của chỉ tiêu đã có không đổi được (mã cũ: {was}); thêm một dòng mới nếu cần mã khác.",
                        "an existing indicator's code cannot change (it was {was}); add a new row for a new code."),
    "plan.not_in_plan": ("chỉ tiêu này không áp dụng cho đơn vị này.", "this indicator does not apply to this unit."),
    # notes (shown with the preview, never silent)
    "plan.note.unknown_columns": ("Trang «{sheet}»: các cột không dùng đến: {columns}.",
                                  "Sheet '{sheet}': columns not used: {columns}."),
    "plan.note.skipped_sheet": ("Trang «{sheet}» không có bảng cần đọc nên được bỏ qua.",
                                "Sheet '{sheet}' holds no table to read and was skipped."),
    "plan.note.range": ("Dòng {row}: mục tiêu là một khoảng ({text}); được coi là đạt khi đạt mức thấp hơn.",
                        "Row {row}: the target is a range ({text}); it counts as met at its lower bound."),
    "plan.note.fraction": ("Dòng {row}: ô số {cell} được hiểu là {percent}% (Excel lưu 90% là 0,9).",
                           "Row {row}: the cell {cell} is read as {percent}% (Excel stores 90% as 0.9)."),
    "plan.note.new_unit": ("Đơn vị mới sẽ được tạo: {name}.", "A new unit will be created: {name}."),
    # status words and sentences
    "plan.status.met": ("đạt", "met"),
    "plan.status.on_track": ("đúng tiến độ", "on track"),
    "plan.status.at_risk": ("có nguy cơ không đạt", "at risk"),
    "plan.status.not_met": ("chưa đạt", "not met"),
    "plan.status.no_data": ("chưa có số liệu", "no data"),
    "plan.pp": ("điểm phần trăm", "percentage points"),
    "plan.detail": ("đạt {actual} / mục tiêu {target}: {status}{gap}", "{actual} against a target of {target}: "
                                                                        "{status}{gap}"),
    "plan.gap": (", còn thiếu {gap}", ", {gap} short"),
    "plan.over": (", vượt {gap}", ", {gap} over"),
    "plan.ytd": ("lũy kế đến hết {periods}", "year to date to the end of {periods}"),
    "plan.forecast": ("; dự báo theo đường thẳng đến cuối năm: {forecast}", "; straight-line forecast to year end: "
                                                                            "{forecast}"),
    "plan.base": (" (năm {year}: {value}; cần {need})", " ({year}: {value}; needs {need})"),
    "plan.no_base": ("chưa có số liệu năm {year} để so sánh", "no figure for {year} to compare with"),
    "plan.nothing": ("chưa có số liệu kỳ này", "no figure for this period"),
    "plan.share": ("{reached}/{counted} đơn vị đạt mức {threshold}", "{reached}/{counted} units reach {threshold}"),
    "plan.share_missing": ("; {missing} đơn vị chưa có số liệu", "; {missing} units have no figure"),
    "plan.late": ("chậm {days} ngày", "{days} days late"),
    "plan.on_time": ("đúng hạn", "on time"),
    "plan.not_received": ("chưa nhận", "not received"),
    "plan.imported": ("Đã ghi lô {batch}: {summary}.", "Written as batch {batch}: {summary}."),
    "plan.nothing_changed": ("Không có gì thay đổi; không tạo lô mới.", "Nothing changed; no batch created."),
    # the kinds of target (reformdash.plan.kinds.KINDS): names and how a target is written back
    "plan.kind.every_year_higher": ("Năm sau cao hơn năm trước", "Higher every year"),
    "plan.kind.share_of_units_reaching": ("Tỷ lệ đơn vị đạt", "Share of units reaching"),
    "plan.kind.decrease_by": ("Giảm (so với năm gốc)", "Decrease by (vs a base year)"),
    "plan.kind.increase_by": ("Tăng (so với năm gốc)", "Increase by (vs a base year)"),
    "plan.kind.equals": ("Bằng (=)", "Equals (=)"),
    "plan.kind.at_most": ("Không quá (≤)", "At most (≤)"),
    "plan.kind.at_least": ("Tối thiểu (≥)", "At least (≥)"),
    "plan.kind.share_label": ("{share} đơn vị đạt {what}", "{share} of units reach {what}"),
    "plan.kind.vs": (" so với năm {year}", " vs {year}"),
    "plan.kind.increase_word": ("tăng", "increase by"),
    "plan.kind.decrease_word": ("giảm", "decrease by"),
    "plan.by.points": (" điểm", " points"),
    "plan.by.places": (" bậc", " places"),
    # a change in the indicator's own unit when it has none to name («giảm 1.000 đơn vị»): read back as an amount
    "plan.by.amount": (" đơn vị", " units"),
    "plan.tier.excellent": ("Xuất sắc", "Excellent"),
    "plan.tier.good": ("Tốt", "Good"),
    "plan.tier.fair": ("Khá", "Fair"),
    "plan.tier.average": ("Trung bình", "Average"),
    "plan.tier_or_better": ("loại {tier} trở lên", "{tier} or better"),
    # periods (reformdash.plan.periods.Period.label)
    "plan.period.year": ("Năm {year}", "{year}"),
    "plan.period.half1": ("6 tháng đầu năm {year}", "H1 {year}"),
    "plan.period.half2": ("6 tháng cuối năm {year}", "H2 {year}"),
    "plan.period.quarter": ("Quý {quarter}/{year}", "Q{quarter} {year}"),
    "plan.period.month": ("Tháng {month}/{year}", "{month} {year}"),
    # deadlines, tasks, the judge
    "plan.not_due": ("chưa đến hạn", "not due yet"),
    "plan.ongoing": ("thường xuyên", "ongoing"),
    "plan.months_missing": ("thiếu số liệu tháng {months}", "months {months} missing"),
    "plan.busy_title": ("Cơ sở dữ liệu bận", "The database is busy"),
    # a change's summary («chỉ tiêu: thêm 20; mục tiêu: thêm 22, thay đổi 1»)
    "plan.table.indicator": ("chỉ tiêu", "indicators"),
    "plan.table.target": ("mục tiêu", "targets"),
    "plan.table.value": ("số liệu", "values"),
    "plan.table.due": ("hạn báo cáo", "deadlines"),
    "plan.table.task": ("nhiệm vụ", "tasks"),
    "plan.table.note": ("ghi chú tiến độ", "progress notes"),
    "plan.count.added": ("thêm", "added"),
    "plan.count.changed": ("thay đổi", "changed"),
    "plan.count.unchanged": ("không đổi", "unchanged"),
    "plan.new_units": ("đơn vị mới", "new units"),
    "plan.no_rows": ("không có dòng nào", "no rows"),
    # the sheets: what a file holds, the columns named in a rejection
    "plan.what.plan": ("kế hoạch (chỉ tiêu)", "plan (indicators)"),
    "plan.what.results": ("kết quả", "results"),
    "plan.what.tasks": ("nhiệm vụ", "tasks"),
    "plan.what.due": ("lịch báo cáo", "reporting calendar"),
    "plan.field.code": ("Mã chỉ tiêu", "indicator code"),
    "plan.field.name_vi": ("Tên chỉ tiêu", "indicator name"),
    "plan.field.target": ("Mục tiêu", "target"),
    "plan.field.entity": ("Đơn vị", "unit"),
    "plan.field.content": ("Nhiệm vụ", "task"),
    "plan.field.kind": ("Kỳ báo cáo", "report"),
    "plan.field.due": ("Hạn", "due"),
    "plan.field.value": ("Giá trị", "value"),
    "plan.field.period": ("Kỳ", "period"),
    "plan.field.year": ("Năm", "year"),
    "plan.field.base_year": ("Năm gốc", "base year"),
    "plan.field.name": ("Tên chỉ tiêu", "indicator name"),
    "plan.field.status": ("Tình trạng", "status"),
    "plan.did_you_mean": (" — có phải: {names}?", " — did you mean: {names}?"),
    # the editor of the plan (reformdash.plan.edit): its file and sheets as a rejection names them
    "plan.editor_file": ("Cập nhật kế hoạch", "Plan editor"),
    "plan.sheet.indicators": ("Chỉ tiêu", "Indicators"),
    "plan.sheet.targets": ("Mục tiêu năm {year}", "Targets {year}"),
    "plan.whole": ("Cả cơ quan", "Whole department"),
    # the readable label of a plan batch in the shared batch table (stored in Vietnamese, as the score batches' codes)
    "plan.batch.plan": ("KẾ HOẠCH", "PLAN"),
    "plan.batch.results": ("KẾT QUẢ KẾ HOẠCH", "PLAN RESULTS"),
    "plan.batch.tasks": ("NHIỆM VỤ", "TASKS"),
}

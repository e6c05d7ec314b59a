"""The plan's messages: indicators, targets, results, tasks and deadlines."""

from __future__ import annotations

DYNAMIC = ("plan.status.",)  # plan.status.{status}

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
}


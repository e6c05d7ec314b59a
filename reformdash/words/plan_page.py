"""The plan's pages, slides, figures and blank templates: the Kế hoạch page, the briefing's plan slides, the plan's
charts and the instructions sheet of its xlsx templates."""

from __future__ import annotations

DYNAMIC = ("plan.short.", "plan.task.", "plan.tpl.plan.", "plan.tpl.results.", "plan.tpl.tasks.")
# plan.short.{status}, plan.task.{task status}, plan.tpl.{template}.{field}: a template's column header

WORDS: dict[str, tuple[str, str]] = {
    # a status in a matrix cell or a chart's label (the legend and the sentences use plan.status.*)
    "plan.short.met": ("đạt", "met"),
    "plan.short.on_track": ("đúng tiến độ", "on track"),
    "plan.short.at_risk": ("nguy cơ", "at risk"),
    "plan.short.not_met": ("chưa đạt", "not met"),
    "plan.short.no_data": ("chưa có", "no data"),
    # a task's status
    "plan.task.not_started": ("chưa thực hiện", "not started"),
    "plan.task.in_progress": ("đang thực hiện", "in progress"),
    "plan.task.done": ("hoàn thành", "done"),
    "plan.task.cancelled": ("hủy", "cancelled"),
    # the headline sentence
    "plan.head.on_track": ("{label}, {good}/{total} chỉ tiêu đạt hoặc đúng tiến độ ({met} đạt, {on_track} đúng "
                           "tiến độ)",
                           "{label}: {good} of {total} targets met or on track ({met} met, {on_track} on track)"),
    "plan.head.met": ("{label}, {met}/{total} chỉ tiêu đạt", "{label}: {met} of {total} targets met"),
    "plan.head.more": (" và {more} chỉ tiêu khác", " and {more} more"),
    "plan.head.status": ("{count} chỉ tiêu {status}: {listed}", "{count} {status}: {listed}"),
    "plan.head.no_data": ("{count} chỉ tiêu chưa có số liệu", "{count} without figures"),
    # the tables' column headers (display only: the frames behind them are built here, not read back)
    "plan.col.indicator": ("Chỉ tiêu", "Indicator"),
    "plan.col.target": ("Mục tiêu", "Target"),
    "plan.col.office": ("Chủ trì", "Office"),
    "plan.col.responsible": ("Chủ trì", "Responsible"),
    "plan.col.unit": ("Đơn vị", "Unit"),
    "plan.col.status": ("Tình trạng", "Status"),
    "plan.col.state": ("Tình trạng", "State"),
    "plan.col.ytd": ("Lũy kế", "Year to date"),
    "plan.col.forecast": ("Dự báo cuối năm", "Year-end forecast"),
    "plan.col.how": ("Cách đánh giá", "How it was judged"),
    "plan.col.detail": ("Chi tiết", "Detail"),
    "plan.col.period": ("Kỳ báo cáo", "Period"),
    "plan.col.due": ("Hạn", "Due"),
    "plan.col.due_by": ("Thời hạn", "Due"),
    "plan.col.received": ("Ngày nhận", "Received"),
    "plan.col.code": ("Mã", "Code"),
    "plan.col.task": ("Nhiệm vụ", "Task"),
    "plan.col.notes": ("Ghi chú tiến độ", "Progress notes"),
    "plan.col.latest": ("Tiến độ mới nhất", "Latest progress"),
    "plan.col.table": ("Bảng", "Table"),
    "plan.col.added": ("Thêm", "Added"),
    "plan.col.changed": ("Thay đổi", "Changed"),
    "plan.col.unchanged": ("Không đổi", "Unchanged"),
    "plan.col.measure": ("Đơn vị tính", "Unit"),
    "plan.col.value": ("Giá trị", "Value"),
    "plan.col.numerator": ("Tử số", "Numerator"),
    "plan.col.denominator": ("Mẫu số", "Denominator"),
    # a preview's counts, one row per table
    "plan.counts.indicator": ("Chỉ tiêu", "Indicators"),
    "plan.counts.target": ("Mục tiêu", "Targets"),
    "plan.counts.value": ("Số liệu", "Values"),
    "plan.counts.due": ("Hạn báo cáo", "Deadlines"),
    "plan.counts.task": ("Nhiệm vụ", "Tasks"),
    "plan.counts.note": ("Ghi chú tiến độ", "Progress notes"),
    "plan.overdue_mark": ("⚠ quá hạn", "⚠ overdue"),
    # figures typed on the page, progress notes
    "plan.grid.half_ratio": ("Chỉ tiêu {code}: có tử số mà thiếu mẫu số (hoặc ngược lại).",
                             "Indicator {code}: a numerator without a denominator (or the reverse)."),
    "plan.grid.incomplete": ("Số liệu chưa đủ", "Incomplete figures"),
    "plan.grid.den_zero": ("Chỉ tiêu {code}: mẫu số bằng 0.", "Indicator {code}: the denominator is 0."),
    "plan.grid.wrong": ("Số liệu sai", "Wrong figures"),
    "plan.note_empty": ("Ghi chú trống.", "The note is empty."),
    "plan.note_empty_title": ("Thiếu nội dung", "Empty"),
    # the plan's charts
    "plan.fig.axis": ("Lũy kế ({unit})", "Year to date ({unit})"),
    "plan.fig.required": ("Mức cần đạt", "Required"),
    "plan.fig.forecast": ("Dự báo cuối năm (đường thẳng)", "Year-end forecast (straight line)"),
    "plan.fig.periods_title": ("{name}: lũy kế qua các kỳ", "{name}: year to date by period"),
    "plan.fig.units_title": ("{name}: các đơn vị, {period}", "{name}: units, {period}"),
    "plan.fig.need": ("cần đạt {need}", "required {need}"),
    # the briefing's plan slides
    "plan.slide.status_title": ("Kế hoạch CCHC: tình hình thực hiện {label}", "The plan: status, {label}"),
    "plan.slide.continued": ("Tiếp theo: chỉ tiêu {first}–{last}/{total}.",
                             "Continued: indicators {first}–{last} of {total}."),
    "plan.slide.risk_title": ("Chỉ tiêu có nguy cơ không đạt, {label}", "Targets at risk, {label}"),
    "plan.slide.not_met_title": ("Chỉ tiêu chưa đạt, {label}", "Targets not met, {label}"),
    "plan.slide.shortfall_axis": ("Còn thiếu so với mức cần đạt (% của mức cần đạt)",
                                  "Shortfall against the required level (% of it)"),
    "plan.slide.shortfall": ("Còn thiếu", "Shortfall"),
    "plan.slide.overdue_reports": ("{count} báo cáo quá hạn chưa nhận: {listed}",
                                   "{count} overdue reports not received: {listed}"),
    "plan.slide.sent_late": ("{count} báo cáo {label} gửi chậm", "{count} {label} reports sent late"),
    "plan.slide.none_late": ("Không có báo cáo nào chậm.", "No report is late."),
    "plan.slide.late_title": ("Báo cáo chậm", "Late reports"),
    "plan.slide.tasks_year": ("Năm {year} có {count} nhiệm vụ: {said}", "{year}: {count} tasks: {said}"),
    "plan.slide.tasks_overdue": ("; {count} nhiệm vụ quá hạn: {listed}", "; {count} overdue: {listed}"),
    "plan.slide.overdue_suffix": (" · quá hạn", " · overdue"),
    "plan.slide.tasks_title": ("Nhiệm vụ đến hạn và đang thực hiện", "Tasks due and in progress"),
    # the blank templates (reformdash.plan.templates): sheet, headers (read back by the sheet reader in either
    # language), instructions and the download button's label
    "plan.tpl.plan.sheet": ("Kế hoạch", "Plan"),
    "plan.tpl.plan.code": ("Mã chỉ tiêu", "Indicator code"),
    "plan.tpl.plan.name_vi": ("Tên chỉ tiêu", "Indicator name"),
    "plan.tpl.plan.unit": ("Đơn vị tính", "Unit of measure"),
    "plan.tpl.plan.kind": ("Loại mục tiêu", "Target kind"),
    "plan.tpl.plan.target": ("Mục tiêu", "Target"),
    "plan.tpl.plan.base_year": ("Năm gốc", "Base year"),
    "plan.tpl.plan.year": ("Năm", "Year"),
    "plan.tpl.plan.owner": ("Đơn vị chủ trì", "Responsible office"),
    "plan.tpl.plan.applies": ("Áp dụng cho", "Applies to"),
    "plan.tpl.plan.aggregation": ("Cách tổng hợp", "Aggregation"),
    "plan.tpl.plan.report": ("Kỳ báo cáo", "Reporting periods"),
    "plan.tpl.plan.entity": ("Đơn vị", "Unit name"),
    "plan.tpl.plan.line1": ("Mẫu nhập chỉ tiêu kế hoạch. Mỗi dòng là một chỉ tiêu với mục tiêu của cơ quan; thêm dòng "
                            "cùng «Mã chỉ tiêu» và ghi «Đơn vị» khi một đơn vị có mục tiêu riêng.",
                            "Plan indicators template. Each row is one indicator with the department's target; add a "
                            "row with the same 'Indicator code' and a 'Unit name' when a unit has a target of its "
                            "own."),
    "plan.tpl.plan.line2": ("«Loại mục tiêu» và «Mục tiêu»: ≥ 90; > 10; ≤ 5; = 100; giảm 3–5 (so với «Năm gốc»; một "
                            "khoảng được coi là đạt ở mức thấp hơn); tăng 5 bậc; tỷ lệ đơn vị đạt > 90% loại Tốt; năm "
                            "sau cao hơn năm trước (để trống «Mục tiêu»).",
                            "'Target kind' and 'Target': ≥ 90; > 10; ≤ 5; = 100; decrease 3–5 (against the 'Base "
                            "year'; a range counts as met at its lower bound); increase 5 places; share of units > 90% "
                            "rated Good; higher every year (leave 'Target' blank)."),
    "plan.tpl.plan.line3": ("«Cách tổng hợp»: trung bình (bình quân các đơn vị), tổng, tử số/mẫu số (tổng tử số chia "
                            "tổng mẫu số), tỷ lệ đơn vị đạt.",
                            "'Aggregation': mean (of the units), sum, ratio (the numerators' sum over the "
                            "denominators' sum), share of units (reaching a level)."),
    "plan.tpl.plan.line4": ("«Kỳ báo cáo»: các kỳ đơn vị phải báo cáo (quý, 6 tháng, năm). Hạn báo cáo mặc định: quý — "
                            "ngày 2 tháng cuối quý; 6 tháng — 2/6; năm — 15/11. Có thể thêm trang «Lịch báo cáo» (cột "
                            "«Kỳ báo cáo», «Hạn»).",
                            "'Reporting periods': the periods units report (quarter, half, year). Default deadlines: "
                            "a quarter — the 2nd of its last month; a half year — 2 June; the year — 15 November. A "
                            "'Reporting calendar' sheet (columns 'Report', 'Due') may set others."),
    "plan.tpl.plan.line5": ("Nhập bằng lệnh python -m reformdash plan import TỆP --parent CƠ_QUAN, hoặc ở trang «Kế "
                            "hoạch».", "Load it with python -m reformdash plan import FILE --parent ENTITY, or on the "
                                       "Plan page."),
    "plan.tpl.plan.label": ("Mẫu kế hoạch (chỉ tiêu, mục tiêu)", "Plan template"),
    "plan.tpl.results.sheet": ("Kết quả", "Results"),
    "plan.tpl.results.code": ("Mã chỉ tiêu", "Indicator code"),
    "plan.tpl.results.name": ("Tên chỉ tiêu", "Indicator"),
    "plan.tpl.results.entity": ("Đơn vị", "Unit"),
    "plan.tpl.results.period": ("Kỳ", "Period"),
    "plan.tpl.results.value": ("Giá trị", "Value"),
    "plan.tpl.results.numerator": ("Tử số", "Numerator"),
    "plan.tpl.results.denominator": ("Mẫu số", "Denominator"),
    "plan.tpl.results.received": ("Ngày gửi", "Date sent"),
    "plan.tpl.results.line1": ("Mẫu báo cáo định kỳ của đơn vị. Mỗi dòng là một chỉ tiêu của một đơn vị trong một kỳ.",
                               "Units' periodic report template. Each row is one indicator of one unit in one "
                               "period."),
    "plan.tpl.results.line2": ("«Kỳ»: 2026 (năm), 2026-H1 (6 tháng), 2026-Q3 (quý), 2026-07 (tháng). Số liệu quý là "
                               "của riêng quý đó (không cộng dồn); chương trình tự tính lũy kế.",
                               "'Period': 2026 (year), 2026-H1 (half year), 2026-Q3 (quarter), 2026-07 (month). A "
                               "quarter's figure is for that quarter alone (not cumulative); the program computes the "
                               "year to date."),
    "plan.tpl.results.line3": ("«Giá trị», hoặc «Tử số» và «Mẫu số» cho chỉ tiêu tỷ lệ (ví dụ hồ sơ trực tuyến / tổng "
                               "hồ sơ). Không có số liệu thì để trống, KHÔNG ghi 0.",
                               "'Value', or 'Numerator' and 'Denominator' for a ratio (e.g. online dossiers / all "
                               "dossiers). Leave a missing figure blank; do NOT write 0."),
    "plan.tpl.results.line4": ("«Ngày gửi»: ngày đơn vị gửi báo cáo (dd/mm/yyyy), để biết báo cáo đúng hạn hay chậm.",
                               "'Date sent': the day the unit sent its report (dd/mm/yyyy), to tell on time from "
                               "late."),
    "plan.tpl.results.line5": ("Mỗi đơn vị có thể gửi một trang riêng mang tên đơn vị (khi đó bỏ cột «Đơn vị»).",
                               "Each unit may send a sheet of its own named after the unit (then leave out the 'Unit' "
                               "column)."),
    "plan.tpl.results.label": ("Mẫu báo cáo định kỳ của đơn vị", "Units' periodic report template"),
    "plan.tpl.tasks.sheet": ("Nhiệm vụ", "Tasks"),
    "plan.tpl.tasks.code": ("Mã nhiệm vụ", "Task code"),
    "plan.tpl.tasks.content": ("Nhiệm vụ", "Task"),
    "plan.tpl.tasks.owner": ("Đơn vị chủ trì", "Responsible unit"),
    "plan.tpl.tasks.cooperating": ("Đơn vị phối hợp", "Cooperating units"),
    "plan.tpl.tasks.due": ("Thời hạn", "Deadline"),
    "plan.tpl.tasks.status": ("Tình trạng", "Status"),
    "plan.tpl.tasks.year": ("Năm", "Year"),
    "plan.tpl.tasks.component": ("Chỉ số liên quan", "Index component"),
    "plan.tpl.tasks.note": ("Tiến độ", "Progress"),
    "plan.tpl.tasks.note_date": ("Ngày cập nhật", "Note date"),
    "plan.tpl.tasks.line1": ("Mẫu nhập nhiệm vụ của kế hoạch. «Thời hạn»: một ngày (30/6/2026), một kỳ (Quý II) hoặc "
                             "«thường xuyên».", "Plan tasks template. 'Deadline': a date (30/6/2026), a period (Q2) or "
                                                "'ongoing'."),
    "plan.tpl.tasks.line2": ("«Chỉ số liên quan»: chỉ số thành phần mà nhiệm vụ nhằm cải thiện, ví dụ «PCI - Tính minh "
                             "bạch».", "'Index component': the component the task aims to improve, e.g. 'PCI - Tính "
                                       "minh bạch'."),
    "plan.tpl.tasks.line3": ("«Tiến độ» và «Ngày cập nhật»: ghi chú tiến độ; mỗi lần nhập lại với ghi chú mới, ghi chú "
                             "được thêm vào.", "'Progress' and 'Note date': a progress note; each new load with a new "
                                               "note adds it to the task's notes."),
    "plan.tpl.tasks.label": ("Mẫu nhiệm vụ", "Tasks template"),
    # the Kế hoạch page (pages/plan.py)
    "plan.page.title": ("Kế hoạch", "Plan"),
    "plan.page.all": ("(tất cả)", "(all)"),
    "plan.page.plan_of": ("Kế hoạch của", "Plan of"),
    "plan.page.plan_of_entity": ("Kế hoạch của cơ quan", "Plan of"),
    "plan.page.no_plan": ("Chưa có kế hoạch nào. Biên tập viên tải kế hoạch (chỉ tiêu, mục tiêu) ở mục «Cập nhật» bên "
                          "dưới, hoặc dùng lệnh python -m reformdash plan import TỆP.",
                          "No plan yet. An editor loads a plan (indicators, targets) under 'Update' below, or runs "
                          "python -m reformdash plan import FILE."),
    "plan.page.period": ("Kỳ", "Period"),
    "plan.page.office": ("Đơn vị chủ trì", "Responsible office"),
    "plan.page.late": ("**Chậm báo cáo:** ", "**Late reports:** "),
    "plan.page.tab.matrix": ("Chỉ tiêu × đơn vị", "Indicators × units"),
    "plan.page.tab.one": ("Một chỉ tiêu", "One indicator"),
    "plan.page.tab.late": ("Báo cáo chậm, nhiệm vụ", "Late reports, tasks"),
    "plan.page.tab.edit": ("Cập nhật", "Update"),
    "plan.page.no_match": ("Không có chỉ tiêu nào theo lựa chọn này.", "No indicator matches these choices."),
    "plan.page.matrix_caption": ("Mỗi ô: ký hiệu, tình trạng và giá trị lũy kế từ đầu năm. Trong năm, tình trạng dựa "
                                 "trên dự báo theo đường thẳng đến cuối năm; chọn «Một chỉ tiêu» để xem cách đánh giá.",
                                 "Each cell: symbol, status and the year-to-date figure. Inside the year the status "
                                 "follows a straight-line forecast to year end; open 'One indicator' for how each was "
                                 "judged."),
    "plan.page.who_late": ("Ai đang chậm báo cáo", "Who is late now"),
    "plan.page.none_overdue": ("Không có báo cáo nào quá hạn.", "No report is overdue."),
    "plan.page.no_tasks": ("Kế hoạch chưa có nhiệm vụ.", "The plan has no tasks."),
    "plan.page.no_period": ("Kế hoạch chưa có kỳ nào có số liệu hay mục tiêu.",
                            "The plan has no period with figures or targets yet."),
    "plan.page.rows_changed": ("Dòng thay đổi (cũ → mới): ", "Rows changed (old → new): "),
    "plan.page.write": ("Ghi vào cơ sở dữ liệu", "Write to the database"),
    "plan.page.need_editor": ("Bạn cần quyền biên tập.", "The editor role is needed."),
    "plan.page.file_holds": ("Loại tệp", "File holds"),
    "plan.page.what.plan": ("Kế hoạch (chỉ tiêu, mục tiêu)", "Plan (indicators, targets)"),
    "plan.page.what.results": ("Kết quả định kỳ của đơn vị", "Units' periodic results"),
    "plan.page.rows_period": ("Kỳ của các dòng không ghi kỳ", "Period of rows that do not state one"),
    "plan.page.file_period": ("(theo cột «Kỳ» trong tệp)", "(the file's period column)"),
    "plan.page.file": ("Tệp (.xlsx, .xls, .ods, .csv)", "File (.xlsx, .xls, .ods, .csv)"),
    "plan.page.preview_label": ("**Xem trước:** ", "**Preview:** "),
    "plan.page.date_sent": ("Ngày gửi", "Date sent"),
    "plan.page.no_indicator_unit": ("Đơn vị này không có chỉ tiêu nào trong kế hoạch.",
                                    "No indicator applies to this unit."),
    "plan.page.editor_caption": ("Sửa trực tiếp trong bảng; thêm chỉ tiêu hoặc mục tiêu ở dòng cuối. Mã của chỉ tiêu "
                                 "đã có không đổi được; xóa chỉ tiêu hay mục tiêu không làm ở đây (hoàn tác cả lô ở "
                                 "trang «Dữ liệu»).",
                                 "Edit in the tables; add an indicator or a target in the last row. An existing "
                                 "indicator's code cannot change; nothing is deleted here (a whole batch is undone on "
                                 "the Data page)."),
    "plan.page.target_help": ("Ví dụ: ≥ 90%, > 10%, giảm 3–5%, tăng 5 bậc, > 90% đơn vị đạt loại Tốt trở lên",
                              "E.g. ≥ 90%, > 10%, decrease by 3–5%, > 90% of units rated Good"),
    "plan.page.targets_year": ("Năm của mục tiêu", "Targets of the year"),
    "plan.page.period_targets": ("Mục tiêu theo kỳ (quý, 6 tháng) chỉ nhập bằng tệp kế hoạch.",
                                 "Targets for a quarter or half year are loaded from a plan file."),
    "plan.page.preview": ("Xem trước", "Preview"),
    "plan.page.date": ("Ngày", "Date"),
    "plan.page.progress": ("Tiến độ", "Progress"),
    "plan.page.add_note": ("Thêm ghi chú", "Add the note"),
    "plan.page.templates_caption": ("Mẫu trống có trang «Hướng dẫn» và danh sách chọn; điền xong tải lên ở mục «Tải "
                                    "tệp lên».", "Blank templates with an instructions sheet and drop-downs; fill them "
                                                 "in and upload them here."),
    "plan.page.no_units": ("Chưa có cơ quan nào có đơn vị trực thuộc: thêm ở trang «Danh mục».",
                           "No entity has units yet: add them on the Registry page."),
    "plan.page.action": ("Việc cần làm", "Action"),
    "plan.page.action.upload": ("Tải tệp lên", "Upload a file"),
    "plan.page.action.plan": ("Chỉ tiêu và mục tiêu", "Indicators and targets"),
    "plan.page.action.grid": ("Nhập tay số liệu", "Type figures"),
    "plan.page.action.note": ("Ghi chú tiến độ nhiệm vụ", "Task progress note"),
    "plan.page.action.templates": ("Mẫu trống", "Blank templates"),
    "plan.page.sign_in": ("Biên tập viên đăng nhập để tải kế hoạch, kết quả và nhiệm vụ.",
                          "Editors sign in to load the plan, results and tasks."),
}

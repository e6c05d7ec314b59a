"""Words of the dashboard's pages: the menu, the shared chart fold, upload, data, map, presentation, overview."""

from __future__ import annotations

# The units an index is stored with: codes kept in the database (shown through goal.points / as is), not words.
INDEX_UNITS = ("điểm", "%")

WORDS: dict[str, tuple[str, str]] = {
    # the app and its menu (pages/_common.py)
    "page.app_title": ("reformdash — Chỉ số CCHC", "reformdash — Administrative reform indices"),
    "page.menu.units": ("Đơn vị", "Units"),
    "page.menu.map": ("Bản đồ", "Map"),
    "page.menu.plan": ("Kế hoạch", "Plan"),
    "page.menu.present": ("Trình chiếu", "Present"),
    "page.menu.upload": ("Tải dữ liệu", "Upload"),
    "page.menu.data": ("Dữ liệu", "Data"),
    "page.menu.admin": ("Danh mục", "Registry"),
    "page.language.vi": ("Tiếng Việt", "Tiếng Việt"),  # each language is named in itself
    "page.language.en": ("English", "English"),
    "page.chart.more": ("Tải về · đoạn văn cho báo cáo", "Download · paragraph for a report"),
    "page.chart.png": ("Ảnh PNG", "PNG image"),
    "page.chart.svg": ("Ảnh SVG", "SVG image"),
    "page.chart.xlsx": ("Số liệu (Excel)", "Data (Excel)"),
    "page.chart.paragraph": ("Đoạn văn cho báo cáo (bấm biểu tượng ở góc để sao chép)",
                             "Paragraph for a report (click the icon in the corner to copy)"),
    "page.field_note": ("Số đơn vị được xếp hạng thay đổi qua các năm ({chain}) nên thứ hạng được quy về thang phần "
                        "trăm (100 = đứng đầu) để so sánh.",
                        "The number of ranked entities changed ({chain}), so ranks are shown as percentiles "
                        "(100 = first)."),
    "page.field_note_34": ("Từ 1/7/2025 cả nước có 34 tỉnh, thành phố.", "From 1 July 2025 there are 34 provinces."),

    # the file uploader's own words (pages/_uploader.py)
    "page.uploader.button": ("Chọn tệp", "Choose files"),
    "page.uploader.drop": ("Kéo thả tệp vào đây hoặc bấm «Chọn tệp»", "Drop files here or press «Choose files»"),

    # upload (pages/upload.py)
    "page.upload.title": ("Tải dữ liệu", "Upload data"),
    "page.upload.intro": ("Kéo thả bảng kết quả (xlsx, xls, ods, csv). Chưa có gì được ghi cho đến khi bấm «Ghi vào "
                          "cơ sở dữ liệu».",
                          "Drop result tables (xlsx, xls, ods, csv). Nothing is written until you press Commit."),
    "page.upload.files": ("Tệp", "Files"),
    "page.upload.auto": ("(tự nhận)", "(detect)"),
    "page.upload.need_editor": ("Bạn cần quyền biên tập để tạo chỉ số.", "Creating an index needs the editor role."),
    "page.upload.new_index": ("Chỉ số này chưa có trong danh mục? Tạo chỉ số riêng của cơ quan",
                              "Index not in the catalog? Create your department's own index"),
    "page.upload.index_name": ("Tên chỉ số", "Index name"),
    "page.upload.index_code": ("Mã (chữ in hoa, số, _)", "Code (capitals, digits, _)"),
    "page.upload.index_unit": ("Đơn vị tính", "Unit"),
    "page.upload.scale_from": ("Điểm thấp nhất", "Scale from"),
    "page.upload.scale_to": ("Điểm cao nhất", "Scale to"),
    "page.upload.create_index": ("Tạo chỉ số và đọc lại tệp", "Create the index and read the file again"),
    "page.upload.columns": ("Các cột", "Columns"),
    "page.upload.fix_columns": ("Sửa cách hiểu các cột", "Correct the columns"),
    "page.upload.column": ("Cột", "Column"),
    "page.upload.column_is": ("Cột {letter} «{header}» là", "Column {letter} «{header}» is"),
    "page.upload.names": ("Tên tỉnh / đơn vị trong tệp ({count})", "Names in the file ({count})"),
    "page.upload.names_unknown": ("{count} chưa nhận ra", "{count} unknown"),
    "page.upload.pick_under": ("Chọn từng tên chưa nhận ra rồi chọn nó là đơn vị nào của {under}",
                               "Pick each unknown name, then the unit of {under} it is"),
    "page.upload.pick": ("Chọn từng tên chưa nhận ra rồi chọn nó là tỉnh / đơn vị nào",
                         "Pick each unknown name, then the province / unit it is"),
    "page.upload.pick_skip": ("; dòng nhóm hay dòng tiêu đề thì chọn «không phải đơn vị / bỏ qua».",
                              "; for a group or title row choose «not a unit / skip»."),
    "page.upload.pick_skip_new": ("; dòng nhóm hay dòng tiêu đề thì chọn «không phải đơn vị / bỏ qua», đơn vị chưa có "
                                  "thì chọn «tạo đơn vị mới».",
                                  "; for a group or title row choose «not a unit / skip», for a unit not yet "
                                  "registered «create a new unit»."),
    "page.upload.search": ("Tìm tên", "Search names"),
    "page.upload.hide_auto": ("Ẩn tên đã tự nhận ra", "Hide names recognised"),
    "page.upload.page": ("Trang", "Page"),
    "page.upload.page_of": ("Trang {page}/{pages} · tối đa 50 tên một trang",
                            "Page {page}/{pages} · at most 50 names a page"),
    "page.upload.pick_name": ("Chọn một tên để khớp", "Pick a name to match"),
    "page.upload.only_units": ("chỉ các đơn vị của {under}", "only units of {under}"),
    "page.upload.name_is": ("«{name}» là{only}", "«{name}» is{only}"),
    "page.upload.year": ("Năm (0 = tự nhận)", "Year (0 = detect)"),
    "page.upload.level": ("Cấp", "Level"),
    "page.upload.level_province": ("Tỉnh", "Province"),
    "page.upload.level_ministry": ("Bộ, ngành", "Ministry"),
    "page.upload.level_unit": ("Đơn vị trực thuộc", "Unit"),
    "page.upload.create_units": ("Tạo mọi đơn vị chưa có", "Create all new units"),
    "page.upload.sheet": ("Trang tính", "Sheet"),
    "page.upload.header_row": ("Dòng tiêu đề (0 = tự nhận)", "Header row (0 = detect)"),
    "page.upload.understood": ("**Đã nhận ra:** {detected} · {years} · trang {sheets}",
                               "**Understood:** {detected} · {years} · sheet {sheets}"),
    "page.upload.header_rows": ("dòng tiêu đề {rows}", "header rows {rows}"),
    "page.upload.cannot_commit": ("Chưa thể ghi: {n} vấn đề cần sửa trong tệp hoặc chọn lại ở trên.",
                                  "Cannot commit: {n} problems to fix in the file or above."),
    "page.upload.more_problems": ("… và {n} vấn đề khác.", "… and {n} more problems."),
    "page.upload.added": ("Thêm mới", "Added"),
    "page.upload.changed": ("Thay đổi", "Changed"),
    "page.upload.unchanged": ("Không đổi", "Unchanged"),
    "page.upload.new_units": ("Đơn vị mới sẽ được tạo: {names}", "New units to be created: {names}"),
    "page.upload.noop": ("Tệp này không làm thay đổi gì (đã được nhập trước đó).",
                         "This file changes nothing (already imported)."),
    "page.upload.commit": ("Ghi vào cơ sở dữ liệu", "Commit"),
    "page.upload.written": ("Đã ghi lô {batch}: thêm {added}, thay đổi {changed}.",
                            "Written as batch {batch}: {added} added, {changed} changed."),
    "page.upload.duplicate": ("«{name}» có cùng nội dung với «{first}»: tệp trùng, chỉ được nhập một lần.",
                              "«{name}» has the same content as «{first}»: a duplicate, imported once."),

    # data (pages/data.py)
    "page.data.history": ("Lịch sử nhập", "Import history"),
    "page.data.export": ("Xuất số liệu", "Export"),
    "page.data.templates": ("Mẫu nhập liệu", "Templates"),
    "page.data.backup": ("Sao lưu", "Backup"),
    "page.data.nothing_imported": ("Chưa có lần nhập dữ liệu nào.", "Nothing has been imported yet."),
    "page.data.batch": ("Chọn lô nhập", "Batch"),
    "page.data.original": ("Tải tệp gốc", "Download the original file"),
    "page.data.reverted": ("Lô này đã được hoàn tác.", "This batch has been reverted."),
    "page.data.only_owner": ("Chỉ người nhập lô này hoặc quản trị viên được hoàn tác.",
                             "Only the person who imported it or an admin may revert it."),
    "page.data.revert": ("Hoàn tác lô này…", "Revert this batch…"),
    "page.data.revert_yes": ("Xác nhận hoàn tác", "Confirm revert"),
    "page.data.cancel": ("Hủy", "Cancel"),
    "page.data.nothing_to_export": ("Chưa có số liệu để xuất.", "No figures to export yet."),
    "page.data.years": ("Năm", "Years"),
    "page.data.entities": ("Tỉnh/Đơn vị (để trống = tất cả)", "Entities (empty = all)"),
    "page.data.download": ("Tải {format}", "Download {format}"),
    "page.data.export_note": ("Ô văn bản bắt đầu bằng =, +, -, @ được thêm dấu ' để bảng tính không chạy như công "
                              "thức; CSV dùng UTF-8 có BOM để Excel đọc đúng tiếng Việt.",
                              "Text cells starting with =, +, -, @ get a leading ' so spreadsheets never run them; "
                              "the CSV is UTF-8 with a BOM for Excel."),
    "page.data.template_note": ("Mẫu trống có tiêu đề tiếng Việt, trang «Hướng dẫn» và danh sách chọn cho chỉ số, đơn "
                                "vị, năm. Điền xong tải lên ở trang «Tải dữ liệu» (mục tiêu: trang «Mục tiêu»).",
                                "Blank templates with Vietnamese headers, an instructions sheet and drop-downs for "
                                "index, entity and year. Upload them on the Upload page (goals: on the Goals page)."),
    "page.data.units_of": ("Đơn vị trực thuộc của", "Units of"),
    "page.data.all": ("(tất cả)", "(all)"),
    "page.data.backup_note": ("Toàn bộ cơ sở dữ liệu trong một tệp .zip (kèm bảng kê số dòng và mã sha256), chép nhất "
                              "quán ngay khi bảng điều khiển đang chạy. Khôi phục: python -m reformdash restore TỆP.",
                              "The whole database in one .zip (with row counts and a sha256), a consistent copy while "
                              "the dashboard runs. Restore with: python -m reformdash restore FILE."),
    "page.data.backup_download": ("Tải bản sao lưu", "Download a backup"),

    # the overview's meeting block (pages/_meeting.py)
    "page.meeting.title": ("Tài liệu cho cuộc họp", "Meeting briefing"),
    "page.meeting.pptx_help": ("{entity}, {year}: biểu đồ gốc, sửa được số liệu; câu chữ cho người trình bày nằm trong "
                               "phần ghi chú.",
                               "{entity}, {year}: native, editable charts; the presenter's sentences are in the "
                               "speaker notes."),
    "page.meeting.xlsx": ("Số liệu (Excel)", "Figures (Excel)"),
    "page.meeting.cover": ("Trang bìa: tên cơ quan, cuộc họp", "Title slide: organisation, meeting"),
    "page.meeting.organisation": ("Cơ quan (trang bìa)", "Organisation (title slide)"),
    "page.meeting.meeting": ("Cuộc họp (trang bìa)", "Meeting (title slide)"),
    "page.meeting.meeting_example": ("Giao ban tháng…", "Monthly meeting…"),

    # map (pages/map.py)
    "page.map.overall": ("Chỉ số tổng hợp", "Overall index"),
    "page.map.colour_by": ("Tô màu theo", "Colour by"),
    "page.map.no_earlier": ("Chưa có năm nào trước năm này để so sánh.", "There is no earlier year to compare with."),
    "page.map.compared_with": ("So với năm", "Compared with"),
    "page.map.note": ("Bấm vào một tỉnh để chọn làm đơn vị theo dõi (viền đen). Tỉnh màu xám: chưa có dữ liệu, không "
                      "phải điểm thấp. Bản đồ năm {year}: {count} tỉnh, thành phố, có quần đảo Hoàng Sa và Trường Sa. "
                      "{source} («Địa phận tỉnh»).",
                      "Click a province to make it the focus (black outline). Grey: no data yet, not a low score. The "
                      "{year} map has {count} provinces, with the Hoang Sa and Truong Sa archipelagos. {source} "
                      "(«Địa phận tỉnh»)."),

    # presentation (pages/present.py)
    "page.present.nothing": ("Chưa có số liệu để trình chiếu.", "Nothing to present yet."),
    "page.present.first": ("« Đầu", "« First"),
    "page.present.previous": ("← Trước", "← Previous"),
    "page.present.next": ("Tiếp →", "Next →"),
    "page.present.last": ("Cuối »", "Last »"),
    "page.present.exit": ("✕ Thoát", "✕ Exit"),

    # overview (pages/overview.py)
    "page.overview.title": ("Tổng quan — {name}", "{name} at a glance"),
    "page.overview.late": ("Chậm báo cáo", "Late reports"),
    "page.overview.good": ("đạt hoặc đúng tiến độ", "met or on track"),
    "page.overview.held": ("Dữ liệu hiện có", "Data held"),
}

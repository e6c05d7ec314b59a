"""Problems and messages of the importer, the store, backups and the CLI."""

from __future__ import annotations

# Keys composed at run time from a code (backup.kind.{kind}, goal.says.{kind}…).
DYNAMIC = ("backup.how.", "backup.kind.", "backup.diff.", "goal.kind.", "goal.says.", "goal.status.", "goal_col.")

WORDS: dict[str, tuple[str, str]] = {
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
    "csv_field_too_long": (
        "một ô dài hơn {limit} ký tự (bảng tính không có ô dài như vậy); tệp có thể bị hỏng hoặc thiếu dấu ngoặc kép "
        "đóng.",
        "a cell longer than {limit} characters (spreadsheets have none that long); the file may be damaged or miss "
        "a closing quote.",
    ),
    "sheet_too_big": (
        "trang tính trải tới {rows} dòng × {cols} cột ({cells} ô tính từ ô A1), vượt giới hạn {limit} ô; hãy xóa các "
        "ô lẻ ở xa bảng số liệu (Ctrl+End cho thấy ô xa nhất) rồi lưu lại.",
        "the sheet spans {rows} rows × {cols} columns ({cells} cells from A1), over the {limit} cell limit; delete "
        "stray cells far from the table (Ctrl+End shows the farthest) and save again.",
    ),
    "sheet_too_far": (
        "trang tính có ô ở dòng {rows}, cột {cols}, ngoài giới hạn của Excel ({max_rows} dòng × {max_cols} cột); tệp "
        "bị hỏng hoặc được tạo ra để làm treo máy chủ, không đọc.",
        "the sheet has a cell at row {rows}, column {cols}, beyond Excel's bounds ({max_rows} rows × {max_cols} "
        "columns); the file is damaged or made to bring the server down, and was not read.",
    ),
    "book_too_big": (
        "các trang tính cộng lại trải tới {cells} ô, vượt giới hạn {limit} ô; hãy tách tệp hoặc xóa các trang không "
        "cần rồi lưu lại.",
        "the sheets together span {cells} cells, over the {limit} cell limit; split the file or delete the sheets "
        "not needed and save again.",
    ),
    "csv_unreadable": (
        "không đọc được dòng này của tệp CSV (chi tiết kỹ thuật: {detail}).",
        "this line of the CSV cannot be read (technical detail: {detail}).",
    ),
    "no_table": (
        "không tìm thấy bảng số liệu nào có cột tên tỉnh/đơn vị và cột chỉ số.",
        "no table with an entity column and index columns was found.",
    ),
    # the importer's understanding of columns (reformdash/ingest/headers.py)
    "no_table_detail": (
        "không tìm thấy bảng số liệu nào có cột tên tỉnh/đơn vị và cột chỉ số. Đã thấy: {found}.{hint}",
        "no table with an entity column and index columns was found. Found: {found}.{hint}",
    ),
    "unknown_column": (
        "cột số liệu chưa rõ nghĩa (có thể là: {guess}); chưa nhập gì. Hãy nói rõ, ví dụ: {option}"
        " (overall = điểm tổng, rank = thứ hạng, tier = xếp loại, year = năm, component:MÃ = chỉ số thành phần,"
        " ignore = bỏ qua).",
        "a column of numbers whose meaning is unknown (perhaps: {guess}); nothing imported. Say what it is,"
        " e.g. {option} (overall, rank, tier, year, component:CODE, or ignore).",
    ),
    "column_option_unmatched": (
        "--column «{value}»: không có cột nào mang tiêu đề hay chữ cái này (các cột: {headers}).",
        "--column '{value}': no column has this header or letter (columns: {headers}).",
    ),
    "hint_option": (" Thử: {option}", " Try: {option}"),
    "found.entity": ("cột tên «{column}»", "names in column {column}"),
    "found.no_entity": ("không có cột nào ghi tên tỉnh/đơn vị đã đăng ký", "no column names a registered entity"),
    "found.understood": ("hiểu được: {columns}", "understood: {columns}"),
    "found.not_understood": ("chưa hiểu: {columns}", "not understood: {columns}"),
    "found.no_index": ("chưa biết chỉ số nào", "the index is not known"),
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
    "above_maximum": (
        "giá trị lớn hơn điểm tối đa {maximum} của tiêu chí này (ghi ở tiêu đề cột hoặc hàng «Điểm tối đa»).",
        "the value is above this criterion's maximum of {maximum} (written in its header or «Điểm tối đa» row).",
    ),
    "year_not_a_number": ("«{value}» không phải là năm (cần số như 2024).", "'{value}' is not a year (e.g. 2024)."),
    "bad_year_option": (
        "năm {value} (--year) không hợp lệ cho {index} (từ {low} đến {high}).",
        "year {value} (--year) is impossible for {index} (from {low} to {high}).",
    ),
    "bad_rank": ("thứ hạng «{value}» phải là số nguyên dương (có thể ghi 38/63).",
                 "rank '{value}' must be a positive whole number (38/63 is accepted)."),
    "bad_year": (
        "năm {value} không hợp lệ cho {index} (từ {low} đến {high}).",
        "year {value} is impossible for {index} (from {low} to {high}).",
    ),
    "duplicate": (
        "trùng dữ liệu: {entity} ({what}) đã có ở dòng {other_row} với giá trị khác ({other_value}).",
        "duplicate: {entity} ({what}) already appears on row {other_row} with another value ({other_value}).",
    ),
    "note_zero_totals": (
        "{count} ô tổng bằng 0 nhưng không có số liệu thành phần: coi là thiếu số liệu",
        "{count} totals of 0 with no component values: treated as missing",
    ),
    "entity_merged": (
        "{entity} đã sáp nhập vào {absorber} từ {date}; kết quả năm {year} thuộc về {absorber}.",
        "{entity} merged into {absorber} on {date}; a result for {year} belongs to {absorber}.",
    ),
    "entity_not_yet": (
        "{entity} mang tên này từ {date}; kết quả năm {year} phải ghi theo tỉnh trước sáp nhập.",
        "{entity} bears this name from {date}; a result for {year} must name the province before the merger.",
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
    # names matched by hand, remembered with the batch (reformdash/batches.py): nothing is written if one is refused
    "alias_refused_title": ("Tên gọi khác bị từ chối, không ghi gì vào cơ sở dữ liệu",
                            "Alias refused; nothing was written"),
    "alias_unknown_entity": ("tên «{value}» được chọn là mã «{code}», nhưng không có đơn vị nào mã đó; chưa ghi gì.",
                             "«{value}» was matched to «{code}», which does not exist; nothing was written."),
    "alias_taken": ("tên «{value}» đã dùng cho {other} (mã {code}); hãy chọn lại, chưa ghi gì.",
                    "«{value}» already means {other} (code {code}); choose again; nothing was written."),
    "alias_bad_option": ("--name cần dạng \"TÊN=MÃ\" (MÃ là mã đơn vị, «-» để bỏ qua dòng), không phải «{value}».",
                         "--name needs \"TEXT=CODE\" (CODE an entity code, «-» to skip the row), not «{value}»."),
    "more_problems": ("… và {count} lỗi khác.", "… and {count} more problems."),
    "rejected_title": ("Tệp bị từ chối, không ghi gì vào cơ sở dữ liệu", "File rejected; nothing was written"),
    # remove-sample (reformdash/service.py)
    "sample_removed": (
        "Đã gỡ số liệu mẫu: {batches} lô, {scores} điểm số, {goals} mục tiêu, {entities} đơn vị, {indices} chỉ số, "
        "{components} chỉ số thành phần.",
        "Sample removed: {batches} batches, {scores} scores, {goals} goals, {entities} entities, {indices} indices, "
        "{components} components."),
    "sample_in_use": (
        "các lô {batches} (số liệu của đơn vị) có điểm số của đơn vị hoặc chỉ số mẫu; hãy hoàn tác các lô đó trước "
        "khi gỡ số liệu mẫu. Chưa gỡ gì.",
        "batches {batches} (your own data) hold scores of a sample unit or index; revert them before removing the "
        "sample. Nothing was removed."),
    "sample_in_use_title": ("Chưa thể gỡ số liệu mẫu", "The sample cannot be removed yet"),
    # goals (reformdash/goals.py): rejections
    "goal_table": ("bảng mục tiêu", "goals table"),
    "goal_no_header": (
        "không tìm thấy dòng tiêu đề của bảng mục tiêu; cần các cột: {columns}.",
        "no header row of a goals table was found; the columns needed are: {columns}.",
    ),
    "goal_no_rows": ("bảng mục tiêu không có dòng nào.", "the goals table has no rows."),
    "goal_blank": ("cần nhập {what}.", "{what} is required."),
    "goal_unknown_kind": (
        "không nhận ra loại mục tiêu «{value}» (dùng: {kinds}; hoặc {codes}).",
        "'{value}' is not a goal kind (use {kinds}; or {codes}).",
    ),
    "goal_bad_target": ("mục tiêu «{value}» phải là {what}.", "target '{value}' must be {what}."),
    "goal_target_places": ("số bậc cần tăng (số nguyên dương)", "a number of places (a positive whole number)"),
    "goal_target_rank": ("thứ hạng (số nguyên dương)", "a rank (a positive whole number)"),
    "goal_target_number": ("một số", "a number"),
    "goal_target_not_needed": (
        "loại mục tiêu «{kind}» không cần giá trị mục tiêu; hãy để trống ô này.",
        "a «{kind}» goal takes no target value; leave this cell blank.",
    ),
    "goal_target_conflict": (
        "loại mục tiêu ghi {kind_target} nhưng ô mục tiêu ghi «{value}».",
        "the goal kind says {kind_target} but the target cell says '{value}'.",
    ),
    "goal_base_after_target": (
        "năm gốc {value} phải trước năm mục tiêu {target_year}.",
        "base year {value} must come before target year {target_year}.",
    ),
    "goal_all_components_yoy_only": (
        "«tất cả» chỉ số thành phần chỉ dùng với loại {kinds}.",
        "'all' components can only be used with {kinds} goals.",
    ),
    "goal_component_not_in_year": (
        "chỉ số thành phần «{component}» của {index} chỉ có trong các năm {span}, không có năm {year}.",
        "{index} component '{component}' exists only in {span}, not in {year}.",
    ),
    "goal_duplicate": (
        "trùng mục tiêu ở dòng {other_row} (cùng chỉ số, thành phần, đơn vị, loại, năm gốc, năm mục tiêu).",
        "the same goal appears on row {other_row} (same index, component, entity, kind, base and target years).",
    ),
    "goal_unknown": ("không có mục tiêu số {value}.", "there is no goal {value}."),
    "goal_not_found": ("Không tìm thấy mục tiêu", "Goal not found"),
    "goal_col.index": ("chỉ số", "the index"),
    "goal_col.entity": ("đơn vị (tỉnh, bộ, đơn vị)", "the entity"),
    "goal_col.kind": ("loại mục tiêu", "the goal kind"),
    "goal_col.target": ("giá trị mục tiêu", "the target"),
    "goal_col.base_year": ("năm gốc", "the base year"),
    "goal_col.target_year": ("năm mục tiêu", "the target year"),
    # goals: status and the sentence behind it
    "goal.status.met": ("đạt", "met"),
    "goal.status.not_met": ("chưa đạt", "not met"),
    "goal.status.no_data": ("chưa có dữ liệu", "no data"),
    "goal.up": ("tăng {n} bậc", "up {n} places"),
    "goal.down": ("giảm {n} bậc", "down {n} places"),
    "goal.same": ("giữ nguyên thứ hạng", "unchanged"),
    "goal.points": ("điểm", "points"),
    "goal.pct_points": ("điểm phần trăm", "percentage points"),
    "goal.already_first": ("; đã đứng đầu", "; already first"),
    "goal.rank_up": (
        "Năm {year} xếp thứ {rank}/{of}, {change} so với năm {base_year} (thứ {base_rank}/{base_of}; "
        "mục tiêu tăng {target} bậc, tức thứ {need_rank} trở lên{first}): {status}{gap}.",
        "In {year} ranked {rank}/{of}, {change} on {base_year} ({base_rank}/{base_of}; goal: up {target} places, "
        "i.e. rank {need_rank} or better{first}): {status}{gap}.",
    ),
    "goal.rank_up_percentile": (
        "Năm {year} xếp thứ {rank}/{of} (phân vị {pct}), năm {base_year} xếp thứ {base_rank}/{base_of} "
        "(phân vị {base_pct}); số đơn vị được xếp hạng hai năm khác nhau{merger} nên so sánh theo thứ hạng phần trăm: "
        "tương đương {change} (mục tiêu tăng {target} bậc, tức phân vị từ {need_pct} trở lên, thứ {need_rank}/{of} "
        "trở lên{first}): {status}{gap}.",
        "In {year} ranked {rank}/{of} (percentile {pct}), in {base_year} {base_rank}/{base_of} (percentile "
        "{base_pct}); the two fields differ in size{merger}, so percentile ranks were compared: equivalent to "
        "{change} (goal: up {target} places, i.e. percentile {need_pct} or better, rank {need_rank}/{of} or "
        "better{first}): {status}{gap}.",
    ),
    "goal.merger": (" do sắp xếp đơn vị hành chính từ ngày {date}", " after the merger of {date}"),
    "goal.rank_gap": (
        "; để đạt thứ {need_rank} cần thêm {distance} {unit} (điểm của vị trí thứ {need_rank} là {need_value})",
        "; rank {need_rank} needed {distance} more {unit} (rank {need_rank} scored {need_value})",
    ),
    "goal.rank_at_most": (
        "Năm {year} xếp thứ {rank}/{of} (mục tiêu: trong nhóm {target} dẫn đầu): {status}{gap}.",
        "In {year} ranked {rank}/{of} (goal: top {target}): {status}{gap}.",
    ),
    "goal.value_at_least": (
        "Năm {year} đạt {value} (mục tiêu không thấp hơn {target}): {status}{gap}.",
        "In {year} scored {value} (goal: at least {target}): {status}{gap}.",
    ),
    "goal.value_gap": ("; còn thiếu {distance} {unit}", "; {distance} {unit} short"),
    "goal.yoy": ("Giai đoạn {base_year}–{year}: {series}; {summary}: {status}.",
                 "{base_year}–{year}: {series}; {summary}: {status}."),
    "goal.yoy_all_rose": ("năm sau đều cao hơn năm trước ({rose}/{checked} năm)",
                          "each year higher than the one before ({rose}/{checked} years)"),
    "goal.yoy_fell": ("năm {years} không cao hơn năm trước ({rose}/{checked} năm tăng)",
                      "{years} not higher than the year before ({rose}/{checked} years rose)"),
    "goal.yoy_missing": ("thiếu số liệu năm {years}", "no data for {years}"),
    "goal.yoy_components": (
        "Giai đoạn {base_year}–{year}, {checked} chỉ số thành phần: {rose} thành phần năm sau đều cao hơn năm trước"
        "{fell}{missing}: {status}.",
        "{base_year}–{year}, {checked} components: {rose} higher every year{fell}{missing}: {status}.",
    ),
    "goal.yoy_components_fell": ("; không tăng: {items}", "; not higher: {items}"),
    "goal.yoy_components_missing": ("; thiếu số liệu: {items}", "; no data: {items}"),
    "goal.no_data_years": ("Không có số liệu năm {years}: {status}.", "No data for {years}: {status}."),
    "goal.no_rank": ("Không có thứ hạng năm {years}: {status}.", "No rank for {years}: {status}."),
    "goal.no_index_data": ("Chưa có số liệu {index}: {status}.", "No {index} data yet: {status}."),
    "goal.future": (
        "Chưa có kết quả năm {year} (số liệu mới nhất: năm {latest}): {status}.",
        "No results for {year} yet (latest: {latest}): {status}.",
    ),
    "goal.provisional": (" Tạm tính theo kết quả năm {latest}: {detail}", " Provisionally, on {latest}: {detail}"),
    "goal.no_provisional": (
        " Chưa có năm nào sau năm gốc {base_year} để tạm tính.",
        " No year after the base year {base_year} to judge provisionally.",
    ),
    # goals: the goal itself in words (overview, goals page, briefing, editor)
    "goal.kind.rank_up": ("Tăng bậc", "Places up"),
    "goal.kind.rank_at_most": ("Nằm trong nhóm dẫn đầu", "Top N"),
    "goal.kind.value_at_least": ("Không thấp hơn", "At least"),
    "goal.kind.yoy_increase": ("Năm sau cao hơn năm trước", "Higher than the previous year"),
    "goal.all_components": ("Tất cả", "All"),
    "goal.says.rank_up": ("tăng {target} bậc so với năm {base_year}, đến năm {target_year}",
                          "up {target} places on {base_year} by {target_year}"),
    "goal.says.rank_at_most": ("nằm trong nhóm {target} dẫn đầu năm {target_year}",
                               "in the top {target} in {target_year}"),
    "goal.says.value_at_least": ("không thấp hơn {target} năm {target_year}", "at least {target} in {target_year}"),
    "goal.says.yoy_increase": ("năm sau cao hơn năm trước, {base_year}–{target_year}",
                               "higher each year, {base_year}–{target_year}"),
    "goal.says.every_component": ("mọi chỉ số thành phần", "every component"),
    "goal.merged": (
        "{entity} đã sáp nhập vào {successor} từ ngày {date}: không còn kết quả riêng của {entity} cho năm "
        "{year}, nên mục tiêu này không đánh giá được ({status}); để theo dõi tiếp, đặt mục tiêu cho {successor} "
        "(thứ hạng so sánh theo phân vị vì số tỉnh đổi từ 63 xuống 34).",
        "{entity} became part of {successor} on {date}: there are no results of {entity} of its own for {year}, "
        "so this goal cannot be judged ({status}); to follow it up, set the goal for {successor} (ranks compared "
        "as percentiles, since the field fell from 63 provinces to 34)."),
    "goal.imported": ("Đã nhập {count} mục tiêu từ «{file}».", "Imported {count} goals from '{file}'."),
    # backup and restore (reformdash/backup.py)
    "backup.title": ("Sao lưu", "Backup"),
    "backup.rejected_title": ("Tệp sao lưu bị từ chối, không thay đổi gì", "Backup refused; nothing was changed"),
    "backup.no_database": ("Không có cơ sở dữ liệu «{file}» để sao lưu.", "There is no database '{file}' to back up."),
    "backup.source_unreadable": (
        "Không đọc được cơ sở dữ liệu «{file}» (chi tiết kỹ thuật: {detail}).",
        "The database '{file}' cannot be read (technical detail: {detail}).",
    ),
    "backup.busy": (
        "Cơ sở dữ liệu «{file}» đang được ghi liên tục: sau {attempts} lần thử vẫn chưa chép được một bản nhất quán; "
        "hãy thử lại sau.",
        "The database '{file}' is being written all the time: no consistent copy after {attempts} attempts; "
        "try again later.",
    ),
    "backup.dest_exists": (
        "Tệp «{file}» đã có; hãy chọn tên khác, hoặc thêm --force để ghi đè.",
        "'{file}' already exists; choose another name, or add --force to overwrite it.",
    ),
    "backup.no_folder": ("Không có thư mục để ghi «{file}».", "The folder of '{file}' does not exist."),
    "backup.no_file": ("Không có tệp sao lưu «{file}».", "There is no backup file '{file}'."),
    "backup.not_a_backup": (
        "Tệp «{file}» không phải là tệp sao lưu của reformdash (cần tệp .zip do lệnh «backup» tạo ra).",
        "'{file}' is not a reformdash backup (a .zip made by the 'backup' command is needed).",
    ),
    "backup.too_new": (
        "Tệp sao lưu «{file}» do phiên bản mới hơn của chương trình tạo ra (lược đồ số {schema}, chương trình này "
        "chỉ biết đến số {known}); hãy cập nhật chương trình trước khi khôi phục.",
        "The backup '{file}' was made by a newer version (schema {schema}; this program knows up to {known}); "
        "update the program before restoring it.",
    ),
    "backup.damaged": (
        "Tệp sao lưu «{file}» bị hỏng hoặc không đầy đủ (chi tiết kỹ thuật: {detail}); không khôi phục.",
        "The backup '{file}' is damaged or incomplete (technical detail: {detail}); nothing was restored.",
    ),
    "backup.unsafe_member": (
        "Tệp sao lưu «{file}» có mục «{member}» với đường dẫn không an toàn (ra ngoài thư mục, đường dẫn tuyệt đối, "
        "dấu \\ hoặc tên ổ đĩa); không khôi phục.",
        "The backup '{file}' holds a member '{member}' with an unsafe path (leaving the folder, absolute, a "
        "backslash or a drive letter); nothing was restored.",
    ),
    "backup.symlink_member": (
        "Tệp sao lưu «{file}» có mục «{member}» là liên kết tượng trưng (symlink); không khôi phục.",
        "The backup '{file}' holds a member '{member}' that is a symbolic link; nothing was restored.",
    ),
    "backup.duplicate_member": (
        "Tệp sao lưu «{file}» có hai mục cùng tên «{member}»; không khôi phục.",
        "The backup '{file}' holds two members named '{member}'; nothing was restored.",
    ),
    "backup.unexpected_member": (
        "Tệp sao lưu «{file}» có mục lạ «{member}» (tệp sao lưu chỉ gồm manifest.json và reformdash.duckdb); "
        "không khôi phục.",
        "The backup '{file}' holds an unexpected member '{member}' (a backup holds only manifest.json and "
        "reformdash.duckdb); nothing was restored.",
    ),
    "backup.bad_manifest": (
        "Tệp sao lưu «{file}» có manifest.json với trường «{field}» không hợp lệ ({value}); không khôi phục.",
        "The backup '{file}' has a manifest.json whose field '{field}' is invalid ({value}); nothing was restored.",
    ),
    "backup.too_big": (
        "Tệp sao lưu «{file}»: mục «{member}» giải nén ra {size} MB, quá giới hạn {limit} MB "
        "(REFORMDASH_MAX_RESTORE_MB); không khôi phục.",
        "The backup '{file}': member '{member}' unpacks to {size} MB, over the limit of {limit} MB "
        "(REFORMDASH_MAX_RESTORE_MB); nothing was restored.",
    ),
    "backup.bomb": (
        "Tệp sao lưu «{file}»: mục «{member}» nén quá mức ({ratio}:1) hoặc giải nén ra nhiều hơn {size} byte đã khai "
        "(bom nén?); không khôi phục, không ghi gì ra đĩa.",
        "The backup '{file}': member '{member}' is compressed too far ({ratio}:1) or unpacks to more than its "
        "declared {size} bytes (a zip bomb?); nothing was restored or written to disk.",
    ),
    "backup.no_space": (
        "Không đủ chỗ trống để khôi phục «{file}»: cần {size} MB, ổ đĩa chứa «{folder}» chỉ còn {free} MB.",
        "Not enough free space to restore '{file}': {size} MB needed, the disk of '{folder}' has {free} MB free.",
    ),
    "backup.foreign_schema": (
        "Tệp sao lưu «{file}» có cơ sở dữ liệu không đúng lược đồ của chương trình: {objects}. Một tệp bị sửa như "
        "vậy có thể đọc tệp của máy chủ cho mọi người xem; không khôi phục.",
        "The backup '{file}' holds a database that is not the program's schema: {objects}. A file altered like "
        "this could show the server's files to every visitor; nothing was restored.",
    ),
    "backup.more": ("và {n} chỗ khác nữa", "and {n} more"),
    "backup.object": ("{kind} «{name}» ({what})", "{kind} '{name}' ({what})"),
    "backup.kind.schema": ("lược đồ (SCHEMA)", "schema"),
    "backup.kind.table": ("bảng (TABLE)", "table"),
    "backup.kind.column": ("cột", "column"),
    "backup.kind.constraint": ("ràng buộc", "constraint"),
    "backup.kind.view": ("khung nhìn (VIEW)", "view"),
    "backup.kind.function": ("hàm/macro", "function/macro"),
    "backup.kind.sequence": ("chuỗi số (SEQUENCE)", "sequence"),
    "backup.kind.type": ("kiểu dữ liệu (TYPE)", "type"),
    "backup.kind.index": ("chỉ mục (INDEX)", "index"),
    "backup.diff.extra": ("thừa", "extra"),
    "backup.diff.missing": ("thiếu", "missing"),
    "backup.diff.different": ("khác", "different"),
    "backup.target_exists": (
        "Đã có cơ sở dữ liệu «{file}»; thêm --force để thay bằng bản sao lưu (bản cũ được giữ lại với đuôi .bak), "
        "hoặc khôi phục vào đường dẫn khác (--db).",
        "The database '{file}' already exists; add --force to replace it with the backup (the old one is kept as "
        ".bak), or restore to another path (--db).",
    ),
    "backup.target_busy": (
        "Cơ sở dữ liệu «{file}» đang được chương trình khác mở (bảng điều khiển?); hãy dừng chương trình đó trước "
        "khi khôi phục.",
        "The database '{file}' is open in another program (the dashboard?); stop it before restoring.",
    ),
    "backup.done": (
        "Đã sao lưu {tables} bảng, {rows} dòng vào «{file}» ({size} MB; {how}).",
        "Backed up {tables} tables, {rows} rows to '{file}' ({size} MB; {how}).",
    ),
    "backup.how.file": ("đọc trực tiếp tệp cơ sở dữ liệu", "read from the database file"),
    "backup.how.snapshot": (
        "bảng điều khiển đang mở tệp: chép một bản chụp nhất quán",
        "the dashboard holds the file: a consistent snapshot was copied",
    ),
    "backup.how.live": ("chép trong tiến trình đang chạy", "copied inside the running process"),
    "restore.done": (
        "Đã khôi phục «{backup}» (sao lưu lúc {created_at}, {tables} bảng, {rows} dòng) vào «{file}».",
        "Restored '{backup}' (backed up at {created_at}, {tables} tables, {rows} rows) to '{file}'.",
    ),
    "restore.kept": ("Cơ sở dữ liệu cũ được giữ ở «{file}».", "The old database was kept as '{file}'."),
    # the control channel (reformdash/control.py): a command sent to the dashboard that holds the database
    "control.unreachable": (
        "Cơ sở dữ liệu {db} đang được chương trình khác mở (thường là bảng điều khiển), và không liên lạc được với "
        "bảng điều khiển qua kênh điều khiển ({reason}). Hãy chạy lệnh trên chính máy chủ của bảng điều khiển, bằng "
        "tài khoản hệ điều hành chạy bảng điều khiển (hoặc root); hoặc mở một trang của bảng điều khiển cho nó khởi "
        "động kênh điều khiển; hoặc dừng chương trình đang giữ tệp rồi thử lại.",
        "The database {db} is held by another program (usually the dashboard), and the dashboard cannot be reached "
        "through its control channel ({reason}). Run the command on the dashboard's own server, as the operating "
        "system account that runs the dashboard (or root); or open a dashboard page so that it starts its control "
        "channel; or stop the program holding the file and try again.",
    ),
    "control.no_file": ("không có tệp {file}", "there is no file {file}"),
    "control.unreadable": ("không đọc được {file}: {error}", "{file} cannot be read: {error}"),
    "control.refused": ("kết nối bị từ chối: {error}", "connection refused: {error}"),
    "control.bad_token": ("mã xác thực sai", "wrong token"),
    "control.bad_request": ("yêu cầu không hợp lệ: {error}", "bad request: {error}"),
    "control.too_large": ("yêu cầu quá lớn (giới hạn {limit} MB)", "request too large (limit {limit} MB)"),
    "control.no_answer": ("bảng điều khiển không trả lời: {error}", "the dashboard did not answer: {error}"),
    "control.refused_by_server": (
        "Bảng điều khiển từ chối lệnh: {reason}.", "The dashboard refused the command: {reason}.",
    ),
    # registry and catalog changes made by users (reformdash/catalog_admin.py)
    "admin.action.add_unit": ("Thêm đơn vị", "Unit added"),
    "admin.action.rename_unit": ("Đổi tên đơn vị", "Unit renamed"),
    "admin.action.add_alias": ("Thêm tên gọi khác", "Alias added"),
    "admin.action.add_index": ("Thêm chỉ số", "Index added"),
    "admin.detail.index": ("{name}; {count} chỉ số thành phần", "{name}; {count} components"),
    "admin.under": (" thuộc {parent}", " under {parent}"),
    "admin.bad_index_code": (
        "Mã chỉ số «{code}» không hợp lệ: 2–32 ký tự, bắt đầu bằng chữ cái, chỉ gồm chữ in hoa, số và dấu _",
        "Index code «{code}» is invalid: 2–32 capitals, digits or _, starting with a letter",
    ),
    "admin.bad_code.title": ("Mã không hợp lệ", "Invalid code"),
    "admin.no_index_name": ("Chưa có tên chỉ số", "The index needs a name"),
    "admin.no_name.title": ("Thiếu tên", "Name missing"),
    "admin.bad_scale": (
        "Thang điểm không hợp lệ: cận trên phải lớn hơn cận dưới",
        "Invalid scale: the maximum must be above the minimum",
    ),
    "admin.bad_scale.title": ("Thang điểm", "Scale"),
    "admin.bad_level": ("Cấp «{level}» không hợp lệ", "Level «{level}» is invalid"),
    "admin.bad_level.title": ("Cấp không hợp lệ", "Invalid level"),
    "admin.bad_component_code": (
        "Mã chỉ số thành phần «{code}» không hợp lệ (chữ thường không dấu, số, dấu _)",
        "Component code «{code}» is invalid (lower-case letters, digits, _)",
    ),
    "admin.no_component_name": ("Chỉ số thành phần «{code}» chưa có tên", "Component «{code}» has no name"),
    "admin.duplicate_component": (
        "Chỉ số thành phần «{name}» ({code}) bị lặp",
        "Component «{name}» ({code}) is repeated",
    ),
    "admin.duplicate_component.title": ("Trùng chỉ số thành phần", "Duplicate component"),
    "admin.index_code_taken": ("Mã chỉ số {code} đã có", "Index code {code} is taken"),
    "admin.duplicate_code.title": ("Trùng mã", "Duplicate code"),
    "admin.index_name_taken": ("Đã có chỉ số tên «{name}» (mã {code})", "An index named «{name}» exists (code {code})"),
    "admin.duplicate_name.title": ("Trùng tên", "Duplicate name"),
    "admin.no_unit_name": ("Chưa có tên đơn vị", "The unit needs a name"),
    "admin.no_parent": ("Không có cơ quan chủ quản mã «{code}»", "There is no parent «{code}»"),
    "admin.unit_code_taken": ("Mã đơn vị «{code}» đã có", "Unit code «{code}» is taken"),
    "admin.unit_name_taken": (
        "Đã có đơn vị «{name}»{where} (mã {code})",
        "A unit «{name}»{where} exists (code {code})",
    ),
    "admin.no_new_name": ("Chưa có tên mới", "The new name is missing"),
    "admin.not_a_unit": (
        "«{name}» không phải đơn vị trực thuộc: tên tỉnh, bộ, ngành lấy từ danh mục chuẩn; hãy thêm tên gọi khác",
        "«{name}» is not a unit: provinces and ministries come from the reference registry; add an alias instead",
    ),
    "admin.not_a_unit.title": ("Không đổi tên được", "Cannot rename"),
    "admin.same_name": ("Tên mới trùng tên hiện tại", "The new name is the current name"),
    "admin.same_name.title": ("Không có thay đổi", "Nothing changed"),
    "admin.no_entity": ("Không có đơn vị mã «{code}»", "There is no entity «{code}»"),
    "admin.alias_of_other": (
        "Tên «{alias}» đã dùng cho {name} (mã {code})",
        "«{alias}» already means {name} (code {code})",
    ),
    "admin.alias_of_other.title": ("Tên đã được dùng", "Name taken"),
    "admin.no_alias": ("Chưa có tên gọi khác", "The alias is missing"),
    "admin.alias_exists": ("«{alias}» đã là tên của {name}", "«{alias}» already names {name}"),
    "admin.alias_exists.title": ("Đã có", "Already there"),
    # cli and core: the store, the registry, the catalog, a replica (wcore)
    "error.title": ("Lỗi", "Error"),
    "not_found.title": ("Không tìm thấy", "Not found"),
    "no_such_file": ("Không có tệp «{path}»", "There is no file '{path}'"),
    "no_such_file.title": ("Không tìm thấy tệp", "File not found"),
    "registry.not_found": ("Không tìm thấy «{value}»{suggestion}", "'{value}' was not found{suggestion}"),
    "catalog.unknown_index": (
        "Không có chỉ số «{value}» (có: {known})",
        "There is no index '{value}' (known: {known})",
    ),
    "catalog.unknown_index.title": ("Không tìm thấy chỉ số", "Index not found"),
    "revert_done.title": ("Đã hoàn tác", "Already reverted"),
    "revert_blocked.title": ("Không thể hoàn tác", "Cannot revert"),
    "store.no_query": ("Không có truy vấn {name}", "There is no query {name}"),
    "store.program_error.title": ("Lỗi chương trình", "Program error"),
    "store.busy.title": ("Cơ sở dữ liệu bận", "Database busy"),
    "store.cannot_open": (
        "Không mở được cơ sở dữ liệu {path}: {error}",
        "The database {path} cannot be opened: {error}",
    ),
    "store.error": (
        "Cơ sở dữ liệu báo lỗi khi {what} (database error): {detail}",
        "The database failed while {what}: {detail}",
    ),
    "store.error.title": ("Lỗi cơ sở dữ liệu", "Database error"),
    "store.what.read": ("đọc dữ liệu", "reading data"),
    "store.what.write": ("ghi dữ liệu", "writing data"),
    "store.disk_full": (
        "Ổ đĩa đầy: không ghi được vào cơ sở dữ liệu, lần ghi này không được lưu. Dữ liệu đã có vẫn nguyên vẹn và vẫn "
        "xem được. Hãy giải phóng dung lượng trên ổ đĩa chứa cơ sở dữ liệu rồi thử lại (không cần khởi động lại chương "
        "trình).",
        "Disk full: the database could not be written, and this write was not saved. The data already stored is "
        "intact and can still be read. Free some space on the disk that holds the database and try again (no "
        "restart needed).",
    ),
    "store.disk_full.title": ("Ổ đĩa đầy", "Disk full"),
    "store.write_failed": (
        "Lỗi ghi cơ sở dữ liệu: lần ghi này không được lưu; chương trình đã mở lại cơ sở dữ liệu, dữ liệu đã có vẫn "
        "xem được. Chi tiết kỹ thuật: {detail}",
        "Database write failed: this write was not saved; the database was reopened and the data already stored "
        "can still be read. Technical detail: {detail}",
    ),
    "store.write_failed.title": ("Lỗi ghi cơ sở dữ liệu", "Database write failed"),
    "replica.read_only": (
        "Máy chủ này chỉ phục vụ xem số liệu; việc cập nhật dữ liệu làm ở máy chủ dành cho cán bộ (hoặc bằng dòng lệnh "
        "trên máy chủ).",
        "This server only serves readers; data is changed on the staff server (or with the command line on the "
        "server).",
    ),
    "replica.read_only.title": ("Chỉ xem", "Read only"),
    "replica.no_copy": (
        "Chưa có bản sao chỉ đọc của {db}: máy chủ ghi chưa chạy (REFORMDASH_ROLE=writer).",
        "There is no read-only copy of {db} yet: the writer server is not running (REFORMDASH_ROLE=writer).",
    ),
    "replica.no_copy.title": ("Chưa có bản sao", "No copy yet"),
    # what a file that is not a spreadsheet is (reformdash/ingest/read.py, the «wrong_type» problem)
    "file_kind.xlsb": ("Excel nhị phân (xlsb)", "binary Excel (xlsb)"),
    "file_kind.docx": ("Word (docx)", "Word (docx)"),
    "file_kind.pptx": ("PowerPoint (pptx)", "PowerPoint (pptx)"),
    "file_kind.zip_broken": ("tệp nén hỏng (zip)", "a damaged archive (zip)"),
    "file_kind.zip": ("tệp nén zip", "a zip archive"),
    "file_kind.pdf": ("PDF", "PDF"),
    "file_kind.png": ("ảnh PNG", "a PNG image"),
    "file_kind.jpeg": ("ảnh JPEG", "a JPEG image"),
    "file_kind.gif": ("ảnh GIF", "a GIF image"),
    "file_kind.gzip": ("tệp nén gzip", "a gzip archive"),
    "file_kind.rar": ("tệp nén RAR", "a RAR archive"),
    "file_kind.7z": ("tệp nén 7z", "a 7z archive"),
    "file_kind.exe": ("chương trình (exe)", "a program (exe)"),
    "file_kind.elf": ("chương trình (ELF)", "a program (ELF)"),
    "file_kind.html": ("trang web (HTML)", "a web page (HTML)"),
    "file_kind.binary": ("dữ liệu nhị phân", "binary data"),
    # the importer (reformdash/ingest/importer.py, validate.py)
    "import.any_meaning": ("overall | rank | component:MÃ", "overall | rank | component:CODE"),
    "import.skipped_rows": (
        "bỏ qua hàng đánh số cột / hàng nhóm: {sheet} {rows}",
        "numbering and group rows left out: {sheet} {rows}",
    ),
    "import.blank": ("(trống)", "(blank)"),
}

"""Words of the command line: its help, its output, and the installation check (doctor)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # argparse help that carries a Vietnamese gloss (English help elsewhere is the developers' contract)
    "cli.help.description": (
        "reformdash: chỉ số CCHC, SIPAS, PAPI, PCI",
        "reformdash: reform indices PAR INDEX, SIPAS, PAPI, PCI",
    ),
    "cli.help.remove_sample": (
        "remove the sample (mẫu) figures shipped with the demo",
        "remove the sample figures shipped with the demo",
    ),
    "cli.help.settings_set": (
        "đặt cài đặt: focus=22 name='Sở Nội vụ' peers=01,79 (peers= : các tỉnh cùng vùng)",
        "set settings: focus=22 name='Sở Nội vụ' peers=01,79 (peers= : the region)",
    ),
    "cli.help.goals": (
        "plan goals (mục tiêu): import a spreadsheet, show whether they are met",
        "plan goals: import a spreadsheet, show whether they are met",
    ),
    "cli.help.meeting": (
        "meeting named on the title slide (giao ban, sơ kết…)",
        "meeting named on the title slide (monthly review, half-year review…)",
    ),
    "cli.help.plan": (
        "the department's own plan: indicators, targets, status (kế hoạch)",
        "the department's own plan: indicators, targets, status",
    ),
    "cli.column_option_bad": (
        '«{text}»: cần dạng "TIÊU ĐỀ=overall|rank|tier|year|component:MÃ|ignore" '
        '(expected "HEADER=overall|rank|tier|year|component:CODE|ignore")',
        '«{text}»: expected "HEADER=overall|rank|tier|year|component:CODE|ignore"',
    ),
    # output of the commands
    "cli.dry_run": ("Chạy thử: chưa ghi gì.", "Dry run: nothing written."),
    "cli.db_error": ("Lỗi cơ sở dữ liệu: {detail}", "Database error: {detail}"),
    "cli.db_ready": ("Cơ sở dữ liệu sẵn sàng: {path}", "Database ready: {path}"),
    "cli.demo_loaded": ("Đã nạp dữ liệu mẫu: {count} lô ({ids}).", "Demo data loaded: {count} batches ({ids})."),
    "cli.nothing_changed": ("Không có gì thay đổi; không tạo lô mới.", "Nothing changed; no batch created."),
    "cli.written": ("Đã ghi lô {batch}.", "Written as batch {batch}."),
    "cli.plan.added": ("thêm", "added"),
    "cli.plan.changed": ("thay đổi", "changed"),
    "cli.plan.unchanged": ("không đổi", "unchanged"),
    "cli.plan.new_units": ("đơn vị mới", "new units"),
    "cli.plan.rank_change": ("hạng {old} → {new}", "rank {old} → {new}"),
    "cli.reverted": (
        "Đã hoàn tác lô {batch}: xóa {removed}, khôi phục {restored}.",
        "Batch {batch} reverted: {removed} removed, {restored} restored.",
    ),
    # accounts
    "cli.password": ("Mật khẩu", "Password"),
    "cli.password.prompt": ("Mật khẩu: ", "Password: "),
    "cli.password.again": ("Nhập lại mật khẩu: ", "Password again: "),
    "cli.password.not_sent": (
        "Lệnh gửi tới bảng điều khiển không kèm mật khẩu.",
        "The command sent to the dashboard carried no password.",
    ),
    "cli.password.unreadable": (
        "Không đọc được mật khẩu (hãy chạy trong cửa sổ lệnh, hoặc đặt biến môi trường REFORMDASH_PASSWORD).",
        "No password could be read (run it in a terminal, or set REFORMDASH_PASSWORD).",
    ),
    "cli.password.differ": (
        "Hai lần nhập mật khẩu không khớp; chưa ghi gì.",
        "The two passwords differ; nothing was written.",
    ),
    "cli.user.created": ("Đã tạo tài khoản «{name}» ({role}).", "Account '{name}' created ({role})."),
    "cli.user.disabled": ("Tài khoản «{name}» đã bị khóa.", "Account '{name}' disabled."),
    "cli.user.enabled": ("Tài khoản «{name}» đã được mở lại.", "Account '{name}' enabled again."),
    "cli.user.password_changed": ("Đã đổi mật khẩu của «{name}».", "Password of '{name}' changed."),
    # doctor: the installation check
    "cli.doctor.fix": ("cách sửa", "fix"),
    "cli.doctor.summary.ok": ("Mọi kiểm tra đều đạt.", "Every check passed."),
    "cli.doctor.summary.bad": (
        "{n} kiểm tra chưa đạt: xem «cách sửa» ở trên.",
        "{n} check(s) failed: see 'fix' above.",
    ),
    # names
    "cli.doctor.settings": ("Cài đặt", "Settings"),
    "cli.doctor.database": ("Cơ sở dữ liệu", "Database"),
    "cli.doctor.permissions": ("Quyền truy cập tệp", "File permissions"),
    "cli.doctor.disk": ("Dung lượng đĩa", "Disk space"),
    "cli.doctor.chromium": ("Chromium (ảnh biểu đồ, PDF)", "Chromium (chart images, PDF)"),
    "cli.doctor.fonts": ("Phông chữ tiếng Việt", "Vietnamese fonts"),
    "cli.doctor.control": ("Kênh điều khiển", "Control channel"),
    "cli.doctor.health": ("Máy chủ web", "Web server"),
    # findings
    "cli.doctor.settings.ok": ("{n} cài đặt hợp lệ", "{n} settings valid"),
    "cli.doctor.settings.bad": ("{name} = «{value}»: {why}", "{name} = '{value}': {why}"),
    "cli.doctor.settings.number": ("cần một số lớn hơn 0", "must be a number above 0"),
    "cli.doctor.settings.lang": ("chỉ nhận vi hoặc en", "must be vi or en"),
    "cli.doctor.settings.bool": ("chỉ nhận true hoặc false", "must be true or false"),
    "cli.doctor.settings.file": ("không có tệp này", "no such file"),
    "cli.doctor.settings.fix": (
        "sửa biến môi trường (hoặc .streamlit/secrets.toml), xem README «Cài đặt / Settings»",
        "correct the environment variable (or .streamlit/secrets.toml), see README 'Settings'",
    ),
    "cli.doctor.db.missing": ("chưa có tệp {db}", "{db} does not exist"),
    "cli.doctor.db.missing.fix": (
        "chạy: python -m reformdash --db {db} init",
        "run: python -m reformdash --db {db} init",
    ),
    "cli.doctor.db.ok": (
        "{db}: lược đồ {schema}/{latest}, {tables} bảng, {rows} dòng đọc trọn vẹn (mọi khối đúng checksum)",
        "{db}: schema {schema}/{latest}, {tables} tables, {rows} rows read whole (every block's checksum ok)",
    ),
    "cli.doctor.db.held": (
        "{db} đang được bảng điều khiển giữ (tiến trình {pid}); đã kiểm tra qua kênh điều khiển",
        "{db} is held by the dashboard (process {pid}); checked through its control channel",
    ),
    "cli.doctor.db.held_unknown": (
        "{db} đang bị một chương trình khác giữ, và không liên lạc được với bảng điều khiển",
        "{db} is held by another program, and the dashboard cannot be reached",
    ),
    "cli.doctor.db.held_unknown.fix": ("xem mục «Kênh điều khiển» bên dưới", "see 'Control channel' below"),
    "cli.doctor.db.broken": (
        "không mở hoặc không đọc trọn được {db}: {error}",
        "{db} cannot be opened or read whole: {error}",
    ),
    "cli.doctor.db.broken.fix": (
        "khôi phục bản sao lưu gần nhất: python -m reformdash --db {db} restore SAO_LUU.zip --force",
        "restore the latest backup: python -m reformdash --db {db} restore BACKUP.zip --force",
    ),
    "cli.doctor.db.old_schema": (
        "lược đồ {schema}, chương trình cần {latest}",
        "schema {schema}, the program needs {latest}",
    ),
    "cli.doctor.db.old_schema.fix": (
        "chạy: python -m reformdash --db {db} init (nâng cấp, giữ dữ liệu)",
        "run: python -m reformdash --db {db} init (upgrades, keeps the data)",
    ),
    "cli.doctor.db.new_schema": (
        "lược đồ {schema} mới hơn chương trình ({latest})",
        "schema {schema} is newer than the program ({latest})",
    ),
    "cli.doctor.db.new_schema.fix": ("cập nhật mã nguồn reformdash lên bản mới nhất", "update reformdash's code"),
    "cli.doctor.perm.ok": ("chỉ tài khoản chủ sở hữu đọc được {files}", "only the owner can read {files}"),
    "cli.doctor.perm.bad": (
        "{file} có quyền {mode}: người dùng khác trên máy đọc được (trong đó có mã băm mật khẩu)",
        "{file} has mode {mode}: other users of the machine can read it (it holds password hashes)",
    ),
    "cli.doctor.perm.fix": ("chạy: chmod 600 {files}", "run: chmod 600 {files}"),
    "cli.doctor.perm.windows": ("Windows: quyền do ACL của thư mục quyết định", "Windows: the folder's ACL decides"),
    "cli.doctor.disk.ok": (
        "còn trống {free} MB ở {folder} (cần ít nhất {need} MB)",
        "{free} MB free at {folder} (at least {need} MB needed)",
    ),
    "cli.doctor.disk.bad": (
        "chỉ còn {free} MB ở {folder}; cần ít nhất {need} MB (sao lưu và ghi cần thêm cỡ một lần cơ sở dữ liệu)",
        "only {free} MB free at {folder}; at least {need} MB needed (backups and writes need about the "
        "database's size again)",
    ),
    "cli.doctor.disk.fix": (
        "xóa bản sao lưu cũ hoặc tệp không cần trên ổ đĩa này, hoặc chuyển REFORMDASH_DB sang ổ khác",
        "delete old backups or other files on that disk, or move REFORMDASH_DB to another disk",
    ),
    "cli.doctor.chromium.ok": ("{path}: {version}", "{path}: {version}"),
    "cli.doctor.chromium.missing": (
        "không có {path} (các trang vẫn chạy; nút ảnh PNG/SVG và PDF báo thiếu chromium)",
        "{path} is missing (pages work; PNG/SVG and PDF buttons say chromium is missing)",
    ),
    "cli.doctor.chromium.broken": ("{path} không chạy được: {error}", "{path} does not run: {error}"),
    "cli.doctor.chromium.fix": (
        "chạy (quyền root): apt-get install -y chromium; hoặc đặt REFORMDASH_CHROMIUM",
        "run (as root): apt-get install -y chromium; or set REFORMDASH_CHROMIUM",
    ),
    "cli.doctor.fonts.ok": ("{fonts}", "{fonts}"),
    "cli.doctor.fonts.none": (
        "không có phông chữ nào hỗ trợ tiếng Việt (ảnh và PDF sẽ mất dấu)",
        "no font supports Vietnamese (images and PDFs would lose the diacritics)",
    ),
    "cli.doctor.fonts.no_fc": ("không có lệnh fc-list (fontconfig)", "fc-list (fontconfig) is missing"),
    "cli.doctor.fonts.fix": (
        "chạy (quyền root): apt-get install -y fontconfig fonts-dejavu-core fonts-noto-core",
        "run (as root): apt-get install -y fontconfig fonts-dejavu-core fonts-noto-core",
    ),
    "cli.doctor.control.ok": (
        "bảng điều khiển (tiến trình {pid}) nhận lệnh qua {address}",
        "the dashboard (process {pid}) takes commands at {address}",
    ),
    "cli.doctor.control.idle": (
        "bảng điều khiển chưa giữ cơ sở dữ liệu: lệnh chạy trực tiếp",
        "no dashboard holds the database: commands run directly",
    ),
    "cli.doctor.control.bad": ("không liên lạc được: {error}", "cannot be reached: {error}"),
    "cli.doctor.control.fix": (
        "chạy lệnh bằng tài khoản chạy bảng điều khiển (sudo -u reformdash …); nếu bảng điều khiển đã "
        "dừng bất thường, khởi động lại dịch vụ: systemctl restart reformdash",
        "run the command as the account that runs the dashboard (sudo -u reformdash …); if the dashboard "
        "stopped abnormally, restart it: systemctl restart reformdash",
    ),
    "cli.doctor.health.ok": ("{url} trả lời «ok»", "{url} answers 'ok'"),
    "cli.doctor.health.bad": ("{url} không trả lời: {error}", "{url} does not answer: {error}"),
    "cli.doctor.health.fix": (
        "xem nhật ký: journalctl -u reformdash -n 100; khởi động lại: systemctl restart reformdash",
        "read the log: journalctl -u reformdash -n 100; restart: systemctl restart reformdash",
    ),
}

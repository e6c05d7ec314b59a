"""The words of accounts and sign-in (auth.) and of the administrators' Registry page and settings (admin.)."""

from __future__ import annotations

DYNAMIC = ("auth.role.", "auth.outcome.")  # auth.role.{role}, auth.outcome.{outcome}

TRUE_WORDS = {"1", "true", "yes", "on", "co", "có"}  # a yes/no setting's "yes" (REFORMDASH_LOGIN_REQUIRED …)

WORDS: dict[str, tuple[str, str]] = {
    # accounts (reformdash/auth.py)
    "auth.title": ("Tài khoản không hợp lệ", "Invalid account"),
    "auth.bad_name": (
        "Tên đăng nhập «{name}» không hợp lệ: dùng 1–64 chữ, số, dấu cách hoặc . _ - @.",
        "The user name '{name}' is not valid: use 1–64 letters, digits, spaces or . _ - @.",
    ),
    "auth.bad_role": (
        "Vai trò «{role}» không có; chọn một trong: viewer (xem), editor (cập nhật dữ liệu), admin (quản trị).",
        "There is no role '{role}'; choose one of: viewer, editor, admin.",
    ),
    "auth.weak": (
        "Mật khẩu quá ngắn: cần ít nhất {n} ký tự.",
        "The password is too short: it needs at least {n} characters.",
    ),
    "auth.same_as_name": ("Mật khẩu không được trùng với tên đăng nhập.", "The password must not be the user name."),
    "auth.exists": ("Đã có tài khoản «{name}».", "There is already an account '{name}'."),
    "auth.email_taken": (
        "Địa chỉ thư «{email}» đã gắn với tài khoản «{other}».",
        "The e-mail address '{email}' already belongs to the account '{other}'.",
    ),
    "auth.bad_email": ("Địa chỉ thư «{email}» không hợp lệ.", "The e-mail address '{email}' is not valid."),
    "auth.unknown": ("Không có tài khoản «{name}».", "There is no account '{name}'."),
    "auth.outcome.ok": ("thành công", "signed in"),
    "auth.outcome.wrong_password": ("sai mật khẩu", "wrong password"),
    "auth.outcome.unknown_account": ("không có tài khoản", "no such account"),
    "auth.outcome.disabled": ("tài khoản bị khóa", "account disabled"),
    # sign-in on the pages (pages/_auth.py)
    "auth.role.viewer": ("người xem", "viewer"),
    "auth.role.editor": ("biên tập viên", "editor"),
    "auth.role.admin": ("quản trị viên", "administrator"),
    "auth.sign_in": ("Đăng nhập", "Sign in"),
    "auth.sign_out": ("Đăng xuất", "Sign out"),
    "auth.name": ("Tên đăng nhập", "User name"),
    "auth.password": ("Mật khẩu", "Password"),
    "auth.sso": ("Đăng nhập một lần ({provider})", "Single sign-on ({provider})"),
    "auth.wrong": ("Tên đăng nhập hoặc mật khẩu không đúng.", "Wrong user name or password."),
    "auth.locked": ("Tên đăng nhập hoặc mật khẩu không đúng. Đã nhập sai nhiều lần: vui lòng thử lại sau {s} giây.",
                    "Wrong user name or password. Too many failed attempts: please try again in {s} seconds."),
    "auth.wait": ("Đã nhập sai nhiều lần. Vui lòng thử lại sau {s} giây.",
                  "Too many failed attempts. Please try again in {s} seconds."),
    "auth.disabled": ("Tài khoản «{name}» đã bị khóa; hãy liên hệ quản trị viên.",
                      "The account '{name}' is disabled; ask an administrator."),
    "auth.required": ("Cần đăng nhập để xem bảng theo dõi.", "Sign in to see the dashboard."),
    "auth.no_authlib": ("Đăng nhập một lần đã được cấu hình nhưng thiếu gói Authlib (pip install Authlib).",
                        "Single sign-on is configured but the Authlib package is missing (pip install Authlib)."),
    "auth.refused": ("Bạn cần đăng nhập với quyền phù hợp để dùng trang này.",
                     "Sign in with a suitable role to use this page."),
    # the Registry page (pages/admin.py)
    "admin.title": ("Danh mục", "Registry"),
    "admin.caption": ("Mọi thay đổi được ghi lại (ai, khi nào, thay đổi gì) ở thẻ «Nhật ký».",
                      "Every change is recorded (who, when, what) under «Log»."),
    "admin.tab.units": ("Đơn vị", "Units"),
    "admin.tab.aliases": ("Tên gọi khác", "Aliases"),
    "admin.tab.index": ("Chỉ số riêng", "Custom index"),
    "admin.tab.log": ("Nhật ký", "Log"),
    "admin.tab.signins": ("Đăng nhập sai", "Failed sign-ins"),
    "admin.tab.organisation": ("Tổ chức", "Organisation"),
    "admin.unit.add": ("Thêm đơn vị", "Add a unit"),
    "admin.unit.name": ("Tên đơn vị", "Unit name"),
    "admin.unit.parent": ("Cơ quan chủ quản", "Parent"),
    "admin.unit.parent_placeholder": ("Chọn tỉnh, sở, ngành…", "Choose a province, department…"),
    "admin.add": ("Thêm", "Add"),
    "admin.unit.no_parent": ("Hãy chọn cơ quan chủ quản.", "Choose the parent."),
    "admin.unit.added": ("Đã thêm đơn vị «{name}».", "Unit «{name}» added."),
    "admin.unit.rename": ("Đổi tên đơn vị", "Rename a unit"),
    "admin.unit.unit": ("Đơn vị", "Unit"),
    "admin.unit.new_name": ("Tên mới", "New name"),
    "admin.unit.old_name_kept": ("Tên cũ vẫn được nhận khi nhập tệp cũ.", "Files with the old name still match."),
    "admin.unit.rename_button": ("Đổi tên", "Rename"),
    "admin.unit.renamed": ("Đã đổi tên thành «{name}».", "Renamed to «{name}»."),
    "admin.alias.add": ("Thêm tên gọi khác", "Add an alias"),
    "admin.alias.help": ("Cách viết khác của một tỉnh, bộ, ngành hoặc đơn vị trong bảng tính (ví dụ «Sở YT QN»).",
                         "Another spelling found in spreadsheets (e.g. «HCMC»)."),
    "admin.alias.entity": ("Tỉnh/Đơn vị", "Entity"),
    "admin.alias.alias": ("Tên gọi khác", "Alias"),
    "admin.alias.added": ("Đã thêm tên gọi «{alias}».", "Alias «{alias}» added."),
    "admin.index.add": ("Thêm chỉ số riêng", "Add a custom index"),
    "admin.index.code": ("Mã chỉ số (ví dụ DDCI_QN)", "Code (e.g. DDCI_QN)"),
    "admin.index.name": ("Tên chỉ số", "Name (Vietnamese)"),
    "admin.index.kind.unit": ("Đơn vị trực thuộc", "Units"),
    "admin.index.kind.province": ("Tỉnh", "Provinces"),
    "admin.index.kind.ministry": ("Bộ, ngành", "Ministries"),
    "admin.index.ranks": ("Xếp hạng", "Ranks"),
    "admin.index.unit": ("Đơn vị đo", "Unit"),
    "admin.index.maximum": ("Điểm tối đa", "Maximum"),
    "admin.index.first_year": ("Năm đầu tiên", "First year"),
    "admin.index.components": ("Chỉ số thành phần, mỗi dòng một: «mã; tên» hoặc chỉ «tên»",
                               "Components, one a line: «code; name» or just «name»"),
    "admin.index.placeholder": ("the_che; Cải cách thể chế\nCải cách thủ tục hành chính",
                                "institutions; Institutional reform\nAdministrative procedure reform"),
    "admin.index.submit": ("Thêm chỉ số", "Add index"),
    "admin.index.added": ("Đã thêm chỉ số {code}.", "Index {code} added."),
    "admin.log.empty": ("Chưa có thay đổi nào.", "No changes yet."),
    "admin.signins.help": (
        "Các lần đăng nhập không thành công gần đây (mới nhất trước): tên đã nhập, thời điểm, địa chỉ máy. "
        "Sau 5 lần sai với một tên, hoặc 20 lần từ một địa chỉ, phải chờ lâu dần (30 giây, 60 giây, …). "
        "Dòng lệnh: python -m reformdash users failed-logins.",
        "Recent failed sign-ins (newest first): the name typed, when, from which address. After 5 failures "
        "on a name, or 20 from one address, the wait grows (30 s, 60 s, …). Command line: "
        "python -m reformdash users failed-logins."),
    "admin.signins.empty": ("Chưa có lần đăng nhập sai nào.", "No failed sign-ins."),
    "admin.signins.when": ("Thời điểm", "When"),
    "admin.signins.name": ("Tên đăng nhập", "User name"),
    "admin.signins.address": ("Địa chỉ", "Address"),
    "admin.signins.outcome": ("Kết quả", "Outcome"),
    # the organisation's settings (reformdash/settings.py, the Registry page's «Tổ chức» tab, the CLI)
    "admin.org.title": ("Cài đặt không hợp lệ, không ghi gì", "Setting refused; nothing was written"),
    "admin.org.help": (
        "Đơn vị theo dõi mặc định của bảng theo dõi, tên tổ chức và các đơn vị so sánh mặc định. Trang Trình chiếu, "
        "trang Đơn vị và trang Thay đổi thứ hạng theo cài đặt này. Để trống đơn vị so sánh: các tỉnh cùng vùng. "
        "Dòng lệnh: python -m reformdash settings set focus=… name=… peers=…",
        "The dashboard's default focus, the organisation's name and its default peers. The presentation, the units "
        "page and the rank changes page follow them. No peers: the provinces of the focus's region. Command line: "
        "python -m reformdash settings set focus=… name=… peers=…"),
    "admin.org.focus": ("Đơn vị theo dõi", "Focus"),
    "admin.org.name": ("Tên tổ chức", "Organisation's name"),
    "admin.org.peers": ("Đơn vị so sánh mặc định", "Default peers"),
    "admin.org.peers_placeholder": ("Chọn tỉnh, bộ, ngành…", "Choose provinces, ministries…"),
    "admin.org.region_default": ("Để trống: {names} (cùng vùng).", "Left empty: {names} (same region)."),
    "admin.org.save": ("Lưu cài đặt", "Save settings"),
    "admin.org.saved": ("Đã lưu cài đặt của tổ chức.", "The organisation's settings are saved."),
    "admin.org.unchanged": ("Không có gì thay đổi.", "Nothing changed."),
    "admin.org.log": ("Các lần thay đổi cài đặt", "Changes of the settings"),
    "admin.org.bad_key": ("Không có cài đặt «{setting}»; dùng một trong: {keys}.",
                          "There is no setting '{setting}'; use one of: {keys}."),
    "admin.org.bad_name": ("Tên tổ chức phải là một dòng chữ, tối đa 120 ký tự.",
                           "The organisation's name must be one line of at most 120 characters."),
    "admin.org.too_many_peers": ("Chọn tối đa {n} đơn vị so sánh.", "Choose at most {n} peers."),
    "admin.org.unknown_entity": ("Không có «{value}» trong danh mục", "There is no '{value}' in the registry"),
    "admin.org.did_you_mean": (" — có phải là: {names}?", " — did you mean: {names}?"),
    "admin.org.no_user": ("Cần biết ai thay đổi cài đặt.", "Who changes the settings must be known."),
    "admin.org.bad_pair": ("«{item}» không có dạng khóa=giá trị (ví dụ focus=22).",
                           "'{item}' is not key=value (e.g. focus=22)."),
    "admin.org.changed": ("Đã lưu: {what}.", "Saved: {what}."),
}

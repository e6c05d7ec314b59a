"""Sign-in and roles: argon2 hashes only, authenticate, the `users` CLI, and the pages as each role sees them."""

import io
import json

import pandas as pd
import pytest
from argon2 import PasswordHasher
from streamlit.testing.v1 import AppTest

from pages._auth import User, has_role
from reformdash import auth, service
from reformdash.errors import NotFound

from .conftest import ROOT
from .test_cli import run

SECRET = "Mật-khẩu-rất-riêng-2024"


@pytest.fixture(autouse=True)
def _no_login_settings(monkeypatch):
    """The machine's own sign-in settings stay out of the tests."""
    monkeypatch.delenv("REFORMDASH_LOGIN_REQUIRED", raising=False)
    monkeypatch.delenv("REFORMDASH_PASSWORD", raising=False)


# --- accounts -------------------------------------------------------------------------------------------------------

def test_the_password_is_stored_only_as_an_argon2_hash(store, tmp_path):
    auth.add_user(store, "lan", "editor", SECRET)
    rows = store.cursor().table("app_user").fetchall()
    assert len(rows) == 1
    assert all(SECRET not in str(cell) for cell in rows[0])
    stored = rows[0][1]
    assert stored.startswith("$argon2id$") and PasswordHasher().verify(stored, SECRET)
    store.close()
    on_disk = b"".join(p.read_bytes() for p in tmp_path.glob("test.duckdb*"))
    assert SECRET.encode() not in on_disk


def test_two_accounts_with_the_same_password_get_different_hashes(store):
    auth.add_user(store, "a", "viewer", SECRET)
    auth.add_user(store, "b", "viewer", SECRET)
    hashes = [row[1] for row in store.cursor().table("app_user").fetchall()]
    assert hashes[0] != hashes[1], "salted"


def test_authenticate_accepts_the_right_password_and_records_the_sign_in(store):
    auth.add_user(store, "Lan", "editor", SECRET)
    assert auth.list_users(store)["last_login"].isna().all()
    assert auth.authenticate(store, "Lan", SECRET) == ("Lan", "editor")
    assert auth.authenticate(store, " lan ", SECRET) == ("Lan", "editor"), "names ignore case and spaces"
    assert auth.list_users(store)["last_login"].notna().all()


@pytest.mark.parametrize("name, password", [
    ("lan", "sai-mat-khau"), ("lan", ""), ("lan", SECRET.upper()), ("khong-co", SECRET), ("", SECRET),
])
def test_authenticate_refuses_wrong_passwords_and_unknown_names(store, name, password):
    auth.add_user(store, "lan", "admin", SECRET)
    assert auth.authenticate(store, name, password) is None


def test_an_unknown_name_costs_a_hash_verification_like_a_known_one(store, monkeypatch):
    auth.add_user(store, "lan", "viewer", SECRET)
    calls = []
    real = PasswordHasher()

    class Spy:
        def verify(self, stored, password):
            calls.append(stored)
            return real.verify(stored, password)

        def __getattr__(self, name):
            return getattr(real, name)

    monkeypatch.setattr(auth, "_hasher", lambda: Spy())
    assert auth.authenticate(store, "ai-do", SECRET) is None
    assert auth.authenticate(store, "lan", "sai-mat-khau") is None
    assert len(calls) == 2 and all(h.startswith("$argon2id$") for h in calls), "no early return for unknown names"


def test_a_disabled_account_cannot_sign_in_until_enabled_again(store):
    auth.add_user(store, "lan", "editor", SECRET)
    assert auth.disable_user(store, "LAN") == "lan"
    assert auth.authenticate(store, "lan", SECRET) is None
    assert auth.current_role(store, "lan") is None
    auth.disable_user(store, "lan", disabled=False)
    assert auth.authenticate(store, "lan", SECRET) == ("lan", "editor")


def test_set_password_replaces_the_old_one(store):
    auth.add_user(store, "lan", "editor", SECRET)
    auth.set_password(store, "lan", "mat-khau-moi-1")
    assert auth.authenticate(store, "lan", SECRET) is None
    assert auth.authenticate(store, "lan", "mat-khau-moi-1") == ("lan", "editor")
    with pytest.raises(NotFound, match="Không có tài khoản «ai»"):
        auth.set_password(store, "ai", "mat-khau-moi-1")


def test_an_account_without_password_signs_in_only_through_single_sign_on(store):
    auth.add_user(store, "lan", "editor", None, email="lan@so.gov.vn")
    assert auth.authenticate(store, "lan", "") is None
    assert auth.match_identity(store, "LAN@so.gov.vn", True) == ("lan", "editor")


@pytest.mark.parametrize("name, role, password, message", [
    ("lan", "editor", "ngan", "Mật khẩu quá ngắn: cần ít nhất 8 ký tự"),
    ("lan", "editor", "1234567", "ít nhất 8 ký tự"),
    ("matkhau1", "viewer", "MATKHAU1", "không được trùng với tên đăng nhập"),
    ("lan", "boss", SECRET, "Vai trò «boss» không có"),
    ("lan", "Admin", SECRET, "Vai trò «Admin» không có"),
    ("", "viewer", SECRET, "Tên đăng nhập «» không hợp lệ"),
    ("x'; DROP TABLE score; --", "viewer", SECRET, "không hợp lệ"),
])
def test_bad_accounts_are_refused_in_vietnamese_and_nothing_is_written(store, name, role, password, message):
    with pytest.raises(auth.UserRejected, match=message):
        auth.add_user(store, name, role, password)
    assert auth.list_users(store).empty


def test_names_and_emails_are_unique_ignoring_case(store):
    auth.add_user(store, "Lan", "editor", SECRET, email="lan@so.gov.vn")
    with pytest.raises(auth.UserRejected, match="Đã có tài khoản «Lan»"):
        auth.add_user(store, "LAN", "viewer", SECRET)
    with pytest.raises(auth.UserRejected, match="đã gắn với tài khoản «Lan»"):
        auth.add_user(store, "hoa", "viewer", SECRET, email="Lan@So.gov.vn")
    assert list(auth.list_users(store)["name"]) == ["Lan"]


@pytest.mark.parametrize("role, needed, allowed", [
    ("viewer", "viewer", True), ("viewer", "editor", False), ("viewer", "admin", False),
    ("editor", "viewer", True), ("editor", "editor", True), ("editor", "admin", False),
    ("admin", "viewer", True), ("admin", "editor", True), ("admin", "admin", True),
    ("root", "viewer", False), (None, "viewer", False),
])
def test_roles_are_ordered_viewer_editor_admin(role, needed, allowed):
    assert auth.role_at_least(role, needed) is allowed
    assert has_role(User("x", role) if role else None, needed) is allowed


@pytest.mark.parametrize("value, required", [
    (None, False), ("false", False), ("0", False), ("true", True), ("TRUE", True), ("1", True), ("yes", True),
])
def test_login_required_reads_the_setting(monkeypatch, value, required):
    if value is not None:
        monkeypatch.setenv("REFORMDASH_LOGIN_REQUIRED", value)
    assert auth.login_required() is required


def test_login_required_can_come_from_secrets():
    assert auth.login_required({"REFORMDASH_LOGIN_REQUIRED": True}) is True


def test_single_sign_on_matches_only_a_verified_email(store):
    auth.add_user(store, "lan", "admin", SECRET, email="lan@so.gov.vn")
    auth.add_user(store, "hoa@so.gov.vn", "editor", SECRET)
    auth.add_user(store, "cu", "editor", SECRET, email="cu@so.gov.vn")
    auth.disable_user(store, "cu")
    assert auth.match_identity(store, "Lan@So.gov.vn", True) == ("lan", "admin")
    assert auth.match_identity(store, "hoa@so.gov.vn", True) == ("hoa@so.gov.vn", "editor"), "named by the address"
    assert auth.match_identity(store, "lan@so.gov.vn", False) == ("lan@so.gov.vn", "viewer"), "unverified: viewer"
    assert auth.match_identity(store, "la@khac.vn", True) == ("la@khac.vn", "viewer"), "unknown: viewer"
    assert auth.match_identity(store, "cu@so.gov.vn", True) is None, "disabled: refused"
    assert auth.match_identity(store, "", True) is None


# --- CLI ------------------------------------------------------------------------------------------------------------

@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "cli.duckdb")
    assert run("--db", path, "init", "--no-demo")[0] == 0
    return path


def test_cli_users_add_takes_the_password_from_the_environment(db, monkeypatch):
    monkeypatch.setenv("REFORMDASH_PASSWORD", SECRET)
    code, out, err = run("--db", db, "users", "add", "quantri", "--role", "admin")
    assert code == 0, err
    assert "Đã tạo tài khoản «quantri» (admin)" in out
    assert SECRET not in out + err, "never echoed"
    store = service.open_store(db)
    assert auth.authenticate(store, "quantri", SECRET) == ("quantri", "admin")
    store.close()


def test_cli_users_add_asks_twice_without_echo(db, monkeypatch):
    answers = iter([SECRET, SECRET])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    code, out, err = run("--db", db, "users", "add", "lan", "--role", "editor", "--email", "Lan@So.gov.vn")
    assert code == 0, err
    assert SECRET not in out + err
    code, out, _ = run("--db", db, "users", "list", "--format", "csv")
    frame = pd.read_csv(io.StringIO(out))
    assert list(frame.columns) == ["name", "role", "email", "disabled", "has_password", "created_at", "last_login"]
    assert frame.loc[0, "email"] == "lan@so.gov.vn"
    assert "argon2" not in out


def test_cli_users_add_refuses_two_different_passwords(db, monkeypatch):
    answers = iter([SECRET, SECRET + "x"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    code, _, err = run("--db", db, "users", "add", "lan", "--role", "editor")
    assert code == 2 and "không khớp" in err
    assert json.loads(run("--db", db, "users", "list", "--format", "json")[1]) == []


@pytest.mark.parametrize("args, password, message", [
    (["add", "lan", "--role", "boss"], SECRET, "Vai trò «boss» không có"),
    (["add", "lan", "--role", "editor"], "ngan", "Mật khẩu quá ngắn"),
    (["add", "quantri", "--role", "viewer"], SECRET, "Đã có tài khoản «quantri»"),
    (["add", "a/b", "--role", "viewer"], SECRET, "không hợp lệ"),
    (["disable", "ai-do"], SECRET, "Không có tài khoản «ai-do»"),
])
def test_cli_users_exits_2_on_bad_input_with_a_clear_message(db, monkeypatch, args, password, message):
    monkeypatch.setenv("REFORMDASH_PASSWORD", SECRET)
    assert run("--db", db, "users", "add", "quantri", "--role", "admin")[0] == 0
    monkeypatch.setenv("REFORMDASH_PASSWORD", password)
    code, _, err = run("--db", db, "users", *args)
    assert code == 2
    assert message in err
    assert password not in err


def test_cli_never_takes_a_password_as_an_argument(db):
    with pytest.raises(SystemExit) as exit_info:
        run("--db", db, "users", "add", "lan", "--role", "admin", "--password", SECRET)
    assert exit_info.value.code == 2


def test_cli_users_disable_and_list(db, monkeypatch):
    monkeypatch.setenv("REFORMDASH_PASSWORD", SECRET)
    run("--db", db, "users", "add", "lan", "--role", "editor")
    code, out, _ = run("--db", db, "users", "disable", "lan")
    assert code == 0 and "đã bị khóa" in out
    rows = json.loads(run("--db", db, "users", "list", "--format", "json")[1])
    assert rows[0]["name"] == "lan" and rows[0]["disabled"] is True and "password_hash" not in rows[0]
    store = service.open_store(db)
    assert auth.authenticate(store, "lan", SECRET) is None
    store.close()


# --- pages ----------------------------------------------------------------------------------------------------------

PASSWORDS = {"bientap": "bien-tap-2024", "nguoixem": "nguoi-xem-2024", "khoa": "tam-khoa-2024"}


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("auth") / "demo.duckdb"
    store = service.open_store(str(path))
    service.init(store)
    auth.add_user(store, "bientap", "editor", PASSWORDS["bientap"], email="bientap@so.gov.vn")
    auth.add_user(store, "nguoixem", "viewer", PASSWORDS["nguoixem"])
    auth.add_user(store, "khoa", "editor", PASSWORDS["khoa"])
    store.close()
    return str(path)


@pytest.fixture
def app(monkeypatch, demo_db):
    monkeypatch.setenv("REFORMDASH_DB", demo_db)
    return AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)


def sign_in(at: AppTest, name: str, password: str | None = None) -> AppTest:
    if not at.get("text_input") or "auth_name" not in [t.key for t in at.text_input]:
        open_sign_in(at)
    at.text_input(key="auth_name").input(name)
    at.text_input(key="auth_password").input(PASSWORDS.get(name, "") if password is None else password)
    return at.button(key="auth_submit").click().run()


def open_sign_in(at: AppTest) -> AppTest:
    """Open the sidebar's «Đăng nhập» fold, as a click does (its form is built only while it is open)."""
    at.session_state["auth_open"] = True
    return at.run()


def sidebar_links(at: AppTest) -> list[str]:
    """The titles the sidebar menu lists (Streamlit's own navigation, filtered by role)."""
    return at.session_state["_menu"]


def test_an_anonymous_visitor_reads_the_dashboard_and_sees_no_staff_pages(app):
    at = app.run()
    assert not at.exception
    assert [e.label for e in at.sidebar.expander] == ["Đăng nhập"] and not at.sidebar.get("text_input"), \
        "the sign-in form stays folded (and unbuilt) until it is opened"
    open_sign_in(at)
    assert at.text_input(key="auth_name") and at.button(key="auth_submit")
    assert "Tổng quan" in sidebar_links(at) and "Tải dữ liệu" not in sidebar_links(at)


@pytest.mark.parametrize("name, sees_upload", [("bientap", True), ("nguoixem", False)])
def test_an_editor_sees_the_upload_link_and_a_viewer_does_not(app, name, sees_upload):
    at = sign_in(app.run(), name)
    assert not at.exception, [e.message for e in at.exception]
    assert at.session_state["user"] == User(name, "editor" if sees_upload else "viewer")
    assert ("Tải dữ liệu" in sidebar_links(at)) is sees_upload
    assert "Danh mục" not in sidebar_links(at), "the registry is for administrators"
    assert any(f"**{name}**" in m.value for m in at.sidebar.markdown), "the signed-in name is shown"
    assert at.button(key="auth_sign_out")


def test_a_viewer_who_opens_the_upload_page_is_refused(app):
    at = sign_in(app.run(), "nguoixem")
    at.switch_page("pages/upload.py").run()
    assert not at.exception
    assert any("đăng nhập với quyền phù hợp" in e.value for e in at.error)
    assert not at.get("file_uploader")


def test_signing_out_takes_the_staff_pages_away(app):
    at = sign_in(app.run(), "bientap")
    at.button(key="auth_sign_out").click().run()
    assert "user" not in at.session_state
    assert "Tải dữ liệu" not in sidebar_links(at)
    assert [e.label for e in at.sidebar.expander] == ["Đăng nhập"]


def test_a_wrong_password_is_refused_and_five_lock_the_account_for_30_seconds(app, monkeypatch):
    from datetime import datetime, timedelta

    clock = [datetime.now()]
    monkeypatch.setattr(auth, "now", lambda: clock[0])  # the throttle's clock: no sleeping
    at = app.run()
    at = sign_in(at, "bientap", "sai-mat-khau")
    assert "user" not in at.session_state
    assert any("không đúng" in w.value for w in at.sidebar.warning)
    for _ in range(4):
        at = sign_in(at, "bientap", "sai-mat-khau")
    assert any("thử lại sau 30 giây" in w.value for w in at.sidebar.warning)
    at = sign_in(at, "bientap")  # the right password, but too soon
    assert "user" not in at.session_state
    assert any("Vui lòng thử lại sau 30 giây" in w.value for w in at.sidebar.warning)
    clock[0] += timedelta(seconds=30)
    at = sign_in(at, "bientap")
    assert at.session_state["user"] == User("bientap", "editor")


def test_a_disabled_account_is_signed_out_on_its_next_click(app):
    at = sign_in(app.run(), "khoa")
    assert "Tải dữ liệu" in sidebar_links(at)
    from pages._common import get_store

    store = get_store()  # the dashboard's own connection: one writer per file
    auth.disable_user(store, "khoa")
    try:
        at.run()
        assert "user" not in at.session_state
        assert "Tải dữ liệu" not in sidebar_links(at)
        assert any("đã bị khóa" in w.value for w in at.sidebar.warning)
    finally:
        auth.disable_user(store, "khoa", disabled=False)


def test_with_login_required_an_anonymous_visitor_sees_only_the_sign_in_form(app, monkeypatch):
    monkeypatch.setenv("REFORMDASH_LOGIN_REQUIRED", "true")
    at = app.switch_page("pages/trends.py").run()
    assert not at.exception
    assert at.text_input(key="auth_name") and at.text_input(key="auth_password")
    assert not at.get("plotly_chart"), "no charts before signing in"
    assert not sidebar_links(at)
    assert any("Cần đăng nhập" in i.value for i in at.info)
    at = sign_in(at, "nguoixem")
    assert not at.exception
    assert at.get("plotly_chart"), "a viewer reads the charts"
    assert "Tải dữ liệu" not in sidebar_links(at)


SSO_SECRETS = {"auth": {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32,
                        "client_id": "reformdash", "client_secret": "s",
                        "server_metadata_url": "https://idp.example/.well-known/openid-configuration"}}


@pytest.mark.parametrize("email, verified, expected", [
    ("BienTap@so.gov.vn", True, User("bientap", "editor", via="sso")),
    ("la@khac.vn", True, User("la@khac.vn", "viewer", via="sso")),
    ("bientap@so.gov.vn", False, User("bientap@so.gov.vn", "viewer", via="sso")),
])
def test_a_single_sign_on_identity_gets_the_role_of_its_account(app, email, verified, expected):
    app.secrets = SSO_SECRETS
    app.user = {"is_logged_in": True, "email": email, "email_verified": verified, "name": "bientap"}
    at = app.run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.session_state["user"] == expected
    assert ("Tải dữ liệu" in sidebar_links(at)) is (expected.role == "editor")


def test_single_sign_on_offers_its_button_when_configured(app):
    app.secrets = SSO_SECRETS
    app.user = {"is_logged_in": False}
    at = open_sign_in(app.run())  # in the «Đăng nhập» fold, beside the password form
    assert not at.exception
    import importlib.util

    if importlib.util.find_spec("authlib") is None:  # st.login needs it; it is not in requirements.txt
        assert any("thiếu gói Authlib" in c.value for c in at.sidebar.caption)
    else:
        assert "auth_sso_default" in [b.key for b in at.button]

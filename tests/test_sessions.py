"""Browser sessions kept across reloads (issue 14 B3): server-side records, a one-time grant, a signed cookie token;
signing out, disabling the account, a new password or the end of its lifetime end a session at once."""

from __future__ import annotations

import stat
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from reformdash import auth, sessions

PASSWORD = "mat-khau-phien-2024"
T0 = datetime(2026, 3, 2, 8, 0)


@pytest.fixture
def account(store):
    auth.add_user(store, "lan", "editor", PASSWORD)
    return store


def signed_cookie(store, at=T0) -> tuple[str, str]:
    """(session id, the cookie's value) of a new session of 'lan' whose browser collected its cookie."""
    session, grant = sessions.start(store, "lan", at=at)
    value, max_age = sessions.collect(store, grant, at=at + timedelta(seconds=2))
    assert max_age == 12 * 3600
    return session, value


def test_a_collected_cookie_resumes_the_session_with_its_role(account):
    session, cookie = signed_cookie(account)
    assert sessions.resume(account, cookie, at=T0 + timedelta(hours=1)) == (session, "lan", "editor")
    assert sessions.role(account, session, at=T0 + timedelta(hours=1)) == "editor"
    # only hashes are stored: neither the cookie's token nor the grant can be read back from the database
    stored = " ".join(str(v) for row in account.cursor().execute("FROM app_session").fetchall() for v in row)
    assert cookie.split(".")[0] not in stored


def test_a_grant_is_spent_once_and_dies_within_a_minute(account):
    _, grant = sessions.start(account, "lan", at=T0)
    assert sessions.collect(account, grant, at=T0 + timedelta(seconds=61)) is None  # too late
    _, grant = sessions.start(account, "lan", at=T0)
    assert sessions.collect(account, grant, at=T0 + timedelta(seconds=1)) is not None
    assert sessions.collect(account, grant, at=T0 + timedelta(seconds=2)) is None  # already spent
    assert sessions.collect(account, "x" * 43, at=T0) is None and sessions.collect(account, None) is None


@pytest.mark.parametrize("tamper", [
    lambda v: v[:-1] + ("0" if v[-1] != "0" else "1"),  # the signature changed
    lambda v: ("B" if v[0] == "A" else "A") + v[1:],  # the token changed, the signature kept
    lambda v: v.split(".")[0],  # no signature
    lambda v: v + "x" * 300,  # absurdly long
    lambda v: "",
])
def test_a_forged_or_altered_cookie_opens_nothing(account, tamper):
    _, cookie = signed_cookie(account)
    assert sessions.resume(account, tamper(cookie), at=T0 + timedelta(minutes=5)) is None


def test_a_cookie_signed_with_another_installations_secret_opens_nothing(account, tmp_path):
    _, cookie = signed_cookie(account)
    sessions.secret_path(account).write_bytes(b"k" * 32)  # a restored database on another server: another secret
    assert sessions.resume(account, cookie, at=T0 + timedelta(minutes=5)) is None


def test_the_secret_is_kept_beside_the_database_for_its_owner_only(account):
    path = sessions.secret_path(account)
    sessions.secret(account)
    assert path.parent == Path(account.path).parent and path.exists()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sessions.secret(account) == path.read_bytes()  # made once, then read


def test_a_session_expires_after_its_lifetime(account, monkeypatch):
    monkeypatch.setenv("REFORMDASH_SESSION_HOURS", "2")
    session, grant = sessions.start(account, "lan", at=T0)
    cookie, max_age = sessions.collect(account, grant, at=T0)
    assert max_age == 7200
    assert sessions.resume(account, cookie, at=T0 + timedelta(minutes=119)) is not None
    assert sessions.resume(account, cookie, at=T0 + timedelta(minutes=121)) is None
    assert sessions.role(account, session, at=T0 + timedelta(minutes=121)) is None


def test_signing_out_ends_the_session_at_once(account):
    session, cookie = signed_cookie(account)
    other, other_cookie = signed_cookie(account)  # the same account in another browser
    sessions.end_session(account, session, at=T0 + timedelta(minutes=1))
    assert sessions.resume(account, cookie, at=T0 + timedelta(minutes=2)) is None
    assert sessions.role(account, session, at=T0 + timedelta(minutes=2)) is None
    assert sessions.resume(account, other_cookie, at=T0 + timedelta(minutes=2))[0] == other  # not the other one
    sessions.end_cookie(account, other_cookie, at=T0 + timedelta(minutes=3))  # the sign-out route
    assert sessions.resume(account, other_cookie, at=T0 + timedelta(minutes=4)) is None


def test_disabling_the_account_ends_its_sessions_and_enabling_does_not_bring_them_back(account):
    session, cookie = signed_cookie(account, at=sessions.now())
    auth.disable_user(account, "lan")
    assert sessions.resume(account, cookie) is None and sessions.role(account, session) is None
    auth.disable_user(account, "lan", disabled=False)
    assert sessions.resume(account, cookie) is None


def test_a_new_password_ends_the_accounts_sessions(account):
    _, cookie = signed_cookie(account, at=sessions.now())
    auth.set_password(account, "lan", PASSWORD + "-moi")
    assert sessions.resume(account, cookie) is None


def test_a_role_change_is_seen_by_the_live_session(account):
    session, _ = signed_cookie(account, at=sessions.now())
    account.cursor().execute("UPDATE app_user SET role = 'viewer' WHERE name = 'lan'")  # noqa: S608 (a test's edit)
    assert sessions.role(account, session) == "viewer"


def test_signing_in_on_the_page_opens_a_session_and_signing_out_ends_it(monkeypatch, tmp_path):
    from streamlit.testing.v1 import AppTest

    from pages._common import clear_caches, get_store
    from reformdash import service

    from .conftest import ROOT

    path = tmp_path / "pages.duckdb"
    store = service.open_store(str(path))
    service.init(store, demo=False)
    auth.add_user(store, "lan", "editor", PASSWORD)
    store.close()
    monkeypatch.setenv("REFORMDASH_DB", str(path))
    clear_caches()
    try:
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
        at.session_state["auth_open"] = True
        at.run()
        at.text_input(key="auth_name").input("lan")
        at.text_input(key="auth_password").input(PASSWORD)
        at = at.button(key="auth_submit").click().run()
        user = at.session_state["user"]
        assert user.session and sessions.role(get_store(), user.session) == "editor"
        # the page asked the browser for its cookie with a grant, which is no longer in the session's state
        assert any(sessions.GRANT_PATH + "?grant=" in h.proto.body for h in at.sidebar.get("html"))
        assert "_session_grant" not in at.session_state
        at = at.button(key="auth_sign_out").click().run()
        assert "user" not in at.session_state
        assert sessions.role(get_store(), user.session) is None
        assert any(sessions.SIGN_OUT_PATH in h.proto.body for h in at.sidebar.get("html"))
    finally:
        clear_caches()

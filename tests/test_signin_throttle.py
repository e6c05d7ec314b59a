"""Issue 15 hole 8: sign-in throttling per account and per address, in the database, with a log for administrators."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
from argon2 import PasswordHasher
from streamlit.testing.v1 import AppTest

from pages._auth import User
from reformdash import auth, service

from .conftest import ROOT
from .test_cli import run

SECRET = "Mật-khẩu-rất-riêng-2024"
WRONG = "doan-mo-123456"
T0 = datetime(2030, 3, 1, 9, 0, 0)


class Clock:
    """The throttle's clock, moved by hand."""

    def __init__(self, monkeypatch, start: datetime = T0):
        self.at = start
        monkeypatch.setattr(auth, "now", lambda: self.at)

    def advance(self, seconds: float) -> None:
        self.at += timedelta(seconds=seconds)


@pytest.fixture
def db(tmp_path):
    """A database file with an editor 'lan' and a disabled editor 'khoa'."""
    path = str(tmp_path / "throttle.duckdb")
    store = service.open_store(path)
    service.init(store, demo=False)
    auth.add_user(store, "lan", "editor", SECRET)
    auth.add_user(store, "khoa", "editor", SECRET)
    auth.disable_user(store, "khoa")
    store.close()
    return path


@pytest.fixture
def store(db):
    s = service.open_store(db)
    yield s
    s.close()


def test_twenty_wrong_passwords_then_the_right_one_waits_until_the_wait_has_passed(store, monkeypatch):
    """Twenty guesses, each a fresh session as a reload makes one: the wait grows and holds for the right password."""
    clock = Clock(monkeypatch)
    waits = []
    for _ in range(20):
        result = auth.sign_in(store, "lan", WRONG, "198.51.100.4")
        assert result.account is None
        waits.append(result.wait)
        clock.advance(result.wait)  # the attacker waits exactly as long as told, then guesses again
    assert waits[:4] == [0, 0, 0, 0] and waits[4:8] == [30, 60, 120, 240], "free tries, then the wait doubles"
    assert max(waits) == auth.MAX_WAIT
    clock.advance(-1)  # one second too soon
    refused = auth.sign_in(store, "lan", SECRET, "198.51.100.4")
    assert refused.account is None and refused.throttled and refused.wait == 1, "the right password is not checked"
    clock.advance(1)
    assert auth.sign_in(store, "lan", SECRET, "198.51.100.4").account == ("lan", "editor")
    assert auth.throttle_wait(store, "lan") == 0, "a successful sign-in clears the account's count"


def test_the_lock_holds_across_page_sessions(db, monkeypatch):
    """Five wrong passwords, each in a new browser session (a reload), lock the account for the next session too."""
    monkeypatch.setenv("REFORMDASH_DB", db)
    Clock(monkeypatch)

    def attempt(password: str) -> AppTest:
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
        at.session_state["auth_open"] = True
        at.run()
        at.text_input(key="auth_name").input("lan")
        at.text_input(key="auth_password").input(password)
        return at.button(key="auth_submit").click().run()

    for _ in range(5):
        at = attempt(WRONG)
        assert "user" not in at.session_state
    assert any("vui lòng thử lại sau 30 giây" in w.value for w in at.sidebar.warning)
    at = attempt(SECRET)  # a fresh session with the right password
    assert not at.exception
    assert "user" not in at.session_state
    assert any("Vui lòng thử lại sau 30 giây" in w.value for w in at.sidebar.warning), \
        [w.value for w in at.sidebar.warning]


def test_the_lock_survives_a_restart(db, monkeypatch):
    clock = Clock(monkeypatch)
    store = service.open_store(db)
    for _ in range(6):
        auth.sign_in(store, "lan", WRONG)
    store.close()
    store = service.open_store(db)  # the dashboard restarted
    try:
        assert auth.sign_in(store, "lan", SECRET).throttled
        clock.advance(auth.MAX_WAIT)
        assert auth.sign_in(store, "lan", SECRET).account == ("lan", "editor")
    finally:
        store.close()


def test_one_address_trying_many_names_is_throttled(store, monkeypatch):
    clock = Clock(monkeypatch)
    for i in range(auth.ADDRESS_FREE):
        result = auth.sign_in(store, f"ten-{i}", WRONG, "203.0.113.9")
        assert result.account is None and not result.throttled, "each name is tried only once"
    assert result.wait == 60
    refused = auth.sign_in(store, "lan", SECRET, "203.0.113.9")
    assert refused.throttled and refused.wait == 60, "the right password of another account, from that address"
    assert auth.sign_in(store, "lan", SECRET, "192.0.2.1").account == ("lan", "editor"), "other places are not held"
    clock.advance(60)
    assert auth.sign_in(store, "lan", SECRET, "203.0.113.9").account == ("lan", "editor")


def test_an_unknown_address_shares_no_bucket(store, monkeypatch):
    """Visitors whose address is unknown are throttled per account only: one shared bucket would lock all out."""
    Clock(monkeypatch)
    for i in range(auth.ADDRESS_FREE + 5):
        auth.sign_in(store, f"ten-{i}", WRONG, "")
    assert auth.sign_in(store, "lan", SECRET, "").account == ("lan", "editor")


def test_unknown_names_are_throttled_like_known_ones_and_a_lock_checks_no_hash(store, monkeypatch):
    """A lock says nothing about whether the account exists, and a locked attempt costs the same for both."""
    Clock(monkeypatch)
    for _ in range(auth.ACCOUNT_FREE):
        known, unknown = auth.sign_in(store, "lan", WRONG), auth.sign_in(store, "khong-co-ai", WRONG)
        assert (known.wait, known.throttled) == (unknown.wait, unknown.throttled)
    calls = []
    real = PasswordHasher()

    class Spy:
        def verify(self, stored, password):
            calls.append(stored)
            return real.verify(stored, password)

        def __getattr__(self, name):
            return getattr(real, name)

    monkeypatch.setattr(auth, "_hasher", lambda: Spy())
    assert auth.sign_in(store, "lan", SECRET).throttled and auth.sign_in(store, "khong-co-ai", SECRET).throttled
    assert calls == [], "no hash verification while locked, for either"
    assert auth.sign_in(store, "ai-khac", WRONG).account is None and len(calls) == 1, "an unlocked unknown name " \
        "still costs one verification"


def test_a_disabled_account_is_refused_with_its_right_password(store, monkeypatch):
    Clock(monkeypatch)
    result = auth.sign_in(store, "khoa", SECRET, "192.0.2.7")
    assert result.account is None and not result.throttled
    log = auth.failed_sign_ins(store, "en")
    assert log.iloc[0]["account"] == "khoa" and log.iloc[0]["outcome"] == "account disabled"


def test_the_log_lists_who_when_and_from_where(store, monkeypatch, db):
    clock = Clock(monkeypatch)
    auth.sign_in(store, " Lan ", WRONG, "198.51.100.4")
    clock.advance(5)
    auth.sign_in(store, "ai-do", WRONG, "2001:db8::1")
    clock.advance(5)
    auth.sign_in(store, "lan", SECRET, "198.51.100.4")  # a success is not a failed sign-in
    log = auth.failed_sign_ins(store)
    assert log.to_dict("records") == [
        {"attempted_at": T0 + timedelta(seconds=5), "account": "ai-do", "address": "2001:db8::1",
         "outcome": "không có tài khoản"},
        {"attempted_at": T0, "account": "lan", "address": "198.51.100.4", "outcome": "sai mật khẩu"},
    ]
    store.close()
    code, out, err = run("--db", db, "users", "failed-logins", "--format", "json")
    assert code == 0, err
    assert [(r["account"], r["address"]) for r in json.loads(out)] == [("ai-do", "2001:db8::1"),
                                                                      ("lan", "198.51.100.4")]


def test_administrators_see_failed_sign_ins_on_the_registry_page(db, monkeypatch):
    Clock(monkeypatch)
    store = service.open_store(db)
    auth.sign_in(store, "lan", WRONG, "198.51.100.4")
    store.close()
    monkeypatch.setenv("REFORMDASH_DB", db)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.session_state["user"] = User("quantri", "admin")
    at.switch_page("pages/admin.py").run()
    assert not at.exception, [e.message for e in at.exception]
    assert [t.label for t in at.tabs][-1] == "Đăng nhập sai"
    [table] = [d for d in at.dataframe if "Địa chỉ" in d.value.columns]
    assert table.value.iloc[0]["Tên đăng nhập"] == "lan" and table.value.iloc[0]["Địa chỉ"] == "198.51.100.4"


def test_the_wait_grows_stepwise_and_is_capped():
    at = T0
    assert auth.lockout(4, at, 5, 30.0, at) == 0
    assert [auth.lockout(n, at, 5, 30.0, at) for n in (5, 6, 7, 8, 9, 10)] == [30, 60, 120, 240, 480, 900]
    assert auth.lockout(10**6, at, 5, 30.0, at) == auth.MAX_WAIT
    assert auth.lockout(5, at, 5, 30.0, at + timedelta(seconds=29)) == 1
    assert auth.lockout(5, at, 5, 30.0, at + timedelta(seconds=31)) == 0

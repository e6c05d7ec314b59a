"""In a real browser: a sign-in survives a reload and a bookmarked staff page, in an HttpOnly SameSite cookie; signing
out, or an administrator disabling the account, ends it at once (issue 14 B3)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.browser.conftest import ROOT, prepared_env, served, sign_in
from tests.browser.test_pages_in_browser import wait_until_idle

NAME, PASSWORD = "nhanvien", "mat-khau-phien-lam-viec-7"
COOKIE = "reformdash_session"


@pytest.fixture(scope="module")
def session_app(tmp_path_factory):
    """`streamlit run serve.py` on a fresh database with an editor account; (base URL, environment for the CLI)."""
    workdir = tmp_path_factory.mktemp("sessions-app")
    env = prepared_env(workdir, "sessions.duckdb", NAME, PASSWORD)
    with served(env, workdir) as base:
        yield base, env


def cli(env: dict, *args: str) -> None:
    """A CLI command against the running dashboard's database (run in the dashboard's process)."""
    subprocess.run([sys.executable, "-m", "reformdash", *args], cwd=ROOT, env=env, check=True, capture_output=True,
                   timeout=120)


def signed_in(page) -> bool:
    """True when the sidebar shows the account and its sign-out button."""
    sidebar = page.locator('[data-testid="stSidebar"]')
    return sidebar.get_by_text(NAME).count() > 0 and sidebar.get_by_role("button", name="Đăng xuất").count() > 0


def session_cookie(context) -> dict | None:
    found = [c for c in context.cookies() if c["name"] == COOKIE]
    return found[0] if found else None


def test_a_sign_in_survives_a_reload_and_ends_on_sign_out_and_on_disable(browser, session_app):
    base, env = session_app
    context = browser.new_context(viewport={"width": 1400, "height": 1600}, locale="vi-VN")
    context.set_default_timeout(30_000)
    page = context.new_page()
    try:
        page.goto(f"{base}/trends?lang=vi")
        wait_until_idle(page)
        sign_in(page, NAME, PASSWORD)
        page.locator('[data-testid="stSidebar"]').get_by_role("button", name="Đăng xuất").wait_for()
        wait_until_idle(page)
        cookie = session_cookie(context)
        for _ in range(50):  # the page asks for the cookie once it is drawn
            if cookie is not None:
                break
            page.wait_for_timeout(100)
            cookie = session_cookie(context)
        assert cookie is not None, "no session cookie after signing in"
        assert cookie["httpOnly"] is True and cookie["sameSite"] == "Strict" and cookie["path"] == "/"
        assert cookie["expires"] > 0  # it expires (a persistent cookie with the session's lifetime)
        assert COOKIE not in page.evaluate("document.cookie")  # page scripts cannot read it

        page.reload()  # F5
        wait_until_idle(page)
        assert signed_in(page)
        page.goto(f"{base}/upload?lang=vi")  # a bookmarked staff page, in a fresh load
        wait_until_idle(page)
        assert signed_in(page)
        assert page.get_by_text("Bạn cần đăng nhập với quyền phù hợp").count() == 0

        page.locator('[data-testid="stSidebar"]').get_by_role("button", name="Đăng xuất").click()
        wait_until_idle(page)
        assert not signed_in(page)
        page.reload()
        wait_until_idle(page)
        assert not signed_in(page)
        # the cookie is deleted, and even a copy kept by an attacker opens nothing: the session ended on the server
        assert session_cookie(context) is None
        context.add_cookies([{k: cookie[k] for k in ("name", "value", "domain", "path", "httpOnly", "sameSite")}])
        page.reload()
        wait_until_idle(page)
        assert not signed_in(page)

        sign_in(page, NAME, PASSWORD)
        page.locator('[data-testid="stSidebar"]').get_by_role("button", name="Đăng xuất").wait_for()
        wait_until_idle(page)
        page.reload()
        wait_until_idle(page)
        assert signed_in(page)
        cli(env, "users", "disable", NAME)  # an administrator disables the account
        page.reload()
        wait_until_idle(page)
        assert not signed_in(page)
        cli(env, "users", "enable", NAME)  # enabling it again does not bring the ended session back
        page.reload()
        wait_until_idle(page)
        assert not signed_in(page)
    finally:
        context.close()

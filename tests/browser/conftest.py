"""Browser fixtures: the real dashboard served by `streamlit run` on a fresh database, and Debian's chromium.

DESIGN.md §6: Playwright drives Debian's chromium (`playwright install` cannot download here); screenshots use a
tall viewport because Streamlit scrolls inside its own container. On CI (CI=true) a missing browser fails the run
instead of skipping it, so a machine without chromium can never look green.
"""

from __future__ import annotations

import os
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

from bench.server import Server

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-output" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
SERVER_START_TIMEOUT = 90  # seconds until /_stcore/health answers


def on_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def _unavailable(reason: str):
    """Skip on a developer's machine; fail on CI, where the test command installs everything."""
    if on_ci():
        pytest.fail(f"{reason} (CI=true: browser tests must run, not skip)", pytrace=False)
    pytest.skip(reason)


def sign_in(page, name: str, password: str) -> None:
    """Sign in through the sidebar's form, as a person would."""
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_text("Đăng nhập").first.click()
    sidebar.get_by_label("Tên đăng nhập").fill(name)
    sidebar.get_by_label("Mật khẩu").fill(password)
    sidebar.locator('[data-testid="stFormSubmitButton"] button').click()


def open_upload_as_editor(page, path):
    """Sign in as the test editor, open «Tải dữ liệu» and drop a file: the commit button, once the preview is shown."""
    from tests.browser.test_pages_in_browser import wait_until_idle  # a test module: imported late, not at load

    sign_in(page, EDITOR, EDITOR_PASSWORD)
    wait_until_idle(page)
    page.locator('[data-testid="stSidebar"]').get_by_text("Tải dữ liệu").click()
    wait_until_idle(page)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(path))
    commit = page.get_by_role("button", name="Ghi vào cơ sở dữ liệu")
    commit.wait_for(timeout=90_000)
    return commit


@contextmanager
def served(env: dict, workdir: Path, script: str = "serve.py"):
    """`streamlit run serve.py` (the dashboard as deployed, with its session routes) with `env`: its base URL (no
    trailing slash); stopped on leaving."""
    server = Server(Path(script), ROOT, env, workdir / "streamlit.log")
    try:
        try:
            server.wait_healthy(SERVER_START_TIMEOUT)
        except RuntimeError as e:
            pytest.fail(str(e), pytrace=False)
        yield server.base
    finally:
        server.stop()


EDITOR, EDITOR_PASSWORD = "bientap", "mat-khau-thu-nghiem-9"


@pytest.fixture(scope="session")
def screenshots_dir() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


def prepared_env(workdir: Path, db_name: str, editor: str, password: str) -> dict:
    """The server's environment on a fresh database holding the demo data and one editor account.

    The database is prepared before the server opens it (DuckDB lets one process write a file).
    """
    env = dict(os.environ)
    for name in ("REFORMDASH_LANG", "REFORMDASH_MAX_UPLOAD_MB", "REFORMDASH_MAX_UNPACKED_MB"):
        env.pop(name, None)
    env.update(REFORMDASH_DB=str(workdir / db_name), REFORMDASH_USER="tester", PYTHONUNBUFFERED="1")
    prepare = dict(env, REFORMDASH_PASSWORD=password)
    for args in (["init"], ["users", "add", editor, "--role", "editor"]):
        subprocess.run([sys.executable, "-m", "reformdash", *args], cwd=ROOT, env=prepare, check=True,
                       capture_output=True, timeout=300)
    return env


@pytest.fixture(scope="session")
def app_url(tmp_path_factory):
    """Base URL (no trailing slash) of `streamlit run serve.py` on a fresh database; stopped at the end."""
    workdir = tmp_path_factory.mktemp("browser-app")
    with served(prepared_env(workdir, "browser.duckdb", EDITOR, EDITOR_PASSWORD), workdir) as base:
        yield base


@pytest.fixture(scope="package")
def browser():
    """Debian's chromium under Playwright, with the flags of DESIGN.md §6."""
    if not Path(CHROMIUM).exists():
        _unavailable(f"{CHROMIUM} is absent: install Debian's chromium (README's test command does it)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed: pip install -r requirements-dev.txt")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
                                              timeout=60_000)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page(browser):
    """A fresh tab, 1400×2400 so one screenshot holds the page (full_page misses Streamlit's inner scroll)."""
    context = browser.new_context(viewport={"width": 1400, "height": 2400}, locale="vi-VN")
    context.set_default_timeout(30_000)
    tab = context.new_page()
    try:
        yield tab
    finally:
        context.close()

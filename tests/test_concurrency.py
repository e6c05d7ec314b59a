"""Many readers while editors write: AppTest sessions in threads, and real browser tabs against `streamlit run`.

No page errors, no stale page once a commit returned (caches are keyed by the data version), no lost write.
Bounds: the AppTest part holds 6 sessions through 4 editor rounds (about 15 s here); the browser part opens 4 tabs
and one editor upload (about 40 s with the server start). More: `python -m bench.load --sessions 30 --rounds 20`.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from bench import load
from reformdash import auth, service

from .browser.conftest import (
    CHROMIUM,
    CHROMIUM_ARGS,
    EDITOR,
    EDITOR_PASSWORD,
    _unavailable,
    served,
    sign_in,
)


def test_viewer_sessions_see_every_commit_while_two_editors_import_and_revert(demo_db, capsys):
    result = load.run(quick=True, db=demo_db)
    with capsys.disabled():
        print(f"\nload: {result['sessions']} sessions, {result['page_runs']} page runs in {result['seconds']} s; "
              f"slowest page {result['slowest_page_s']} s ({result['slowest_page']}), median "
              f"{result['median_page_s']} s; {result['commits']} commits, {result['reverts']} reverts; "
              f"errors {len(result['errors'])}, stale {len(result['stale_pages'])}, "
              f"lost writes {len(result['lost_writes'])}")
    assert result["errors"] == []
    assert result["stale_pages"] == []
    assert result["lost_writes"] == []
    assert result["overview_states"] == 1 + 4 + 2, "4 imports and 2 reverts of the overview's value"
    assert result["page_runs"] >= 2 * result["sessions"] and result["commits"] >= 6


def test_the_load_check_catches_a_stale_page(demo_db, monkeypatch):
    """The freshness check can fail: an editor writing through a second Store object (outside the pages' one, so
    their cached data version never moves) is reported as stale pages."""
    from reformdash.store import Store

    opened = []

    def second_store(self, store, rounds, sessions):
        opened.append(Store(store.path))  # DuckDB shares the file's instance inside one process
        original(self, opened[-1], rounds, sessions)

    original = load.Editors.__init__
    monkeypatch.setattr(load.Editors, "__init__", second_store)
    result = load.run(quick=True, sessions=2, rounds=2, db=demo_db)
    opened[0].close()
    assert result["stale_pages"], result


# real browsers ------------------------------------------------------------------------------------------------
TABS = ["", "trends", ""]  # overview twice: it shows the value the editor changes
NEW_VALUE = "61,23"


@pytest.fixture
def served_db(demo_db, tmp_path):
    """`streamlit run` on a copy of the demo database with an editor account; stopped at the end."""
    if not Path(CHROMIUM).exists():
        _unavailable(f"{CHROMIUM} is absent: install Debian's chromium (README's test command does it)")
    db = tmp_path / "served.duckdb"
    shutil.copyfile(demo_db, db)
    store = service.open_store(str(db))
    auth.add_user(store, EDITOR, "editor", EDITOR_PASSWORD)
    store.close()
    env = {k: v for k, v in os.environ.items() if not k.startswith("REFORMDASH_")}
    env.update(REFORMDASH_DB=str(db), REFORMDASH_USER="tester", PYTHONUNBUFFERED="1")
    with served(env, tmp_path) as base:
        yield base, db


def test_browser_tabs_show_an_upload_as_soon_as_it_is_committed(served_db, tmp_path):
    from playwright.sync_api import sync_playwright

    from .browser.test_pages_in_browser import wait_until_idle

    base, db = served_db
    upload = tmp_path / "pci_2019_qn.csv"
    upload.write_bytes(load.qn_pci_2019(61.23))
    timings = []

    def visit(tab, path: str) -> str:
        t0 = time.perf_counter()
        tab.goto(f"{base}/{path}?lang=vi")
        wait_until_idle(tab)
        timings.append(time.perf_counter() - t0)
        assert not tab.locator('[data-testid="stException"]').count(), f"/{path}: an exception is shown"
        return tab.locator('[data-testid="stMain"]').inner_text()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
                                             timeout=60_000)
        try:
            contexts = [browser.new_context(viewport={"width": 1400, "height": 1600}, locale="vi-VN")
                        for _ in range(len(TABS) + 1)]
            for c in contexts:
                c.set_default_timeout(60_000)
            viewers = [c.new_page() for c in contexts[:-1]]
            editor = contexts[-1].new_page()
            for tab, path in zip(viewers, TABS, strict=True):
                text = visit(tab, path)
                if path == "":
                    assert "73,40" in text and NEW_VALUE not in text
            editor.goto(f"{base}/?lang=vi")
            wait_until_idle(editor)
            sidebar = editor.locator('[data-testid="stSidebar"]')
            sign_in(editor, EDITOR, EDITOR_PASSWORD)
            wait_until_idle(editor)
            sidebar.get_by_text("Tải dữ liệu").click()
            wait_until_idle(editor)
            editor.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(upload))
            commit = editor.get_by_role("button", name="Ghi vào cơ sở dữ liệu")
            commit.wait_for(timeout=90_000)
            text = visit(viewers[0], TABS[0])  # the preview writes nothing: still the old value
            assert "73,40" in text and NEW_VALUE not in text
            for tab in viewers:  # every viewer reruns its page while the server commits
                tab.evaluate("() => location.reload()")
            commit.click()
            editor.get_by_text("Đã ghi lô").wait_for(timeout=90_000)
            committed = time.perf_counter()
            for tab in viewers:
                wait_until_idle(tab)
                assert not tab.locator('[data-testid="stException"]').count()
            for tab, path in zip(viewers, TABS, strict=True):  # committed: every tab shows it on its next run
                text = visit(tab, path)
                if path == "":
                    assert NEW_VALUE in text, text[:500]
            seen = time.perf_counter() - committed
        finally:
            browser.close()
    print(f"\nbrowser: {len(TABS)} viewer tabs + 1 editor; {len(timings)} page loads, slowest {max(timings):.2f} s; "
          f"the {len(TABS)} tabs loaded after the commit all showed it ({seen:.1f} s for those loads)")

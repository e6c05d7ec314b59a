"""Real browser tabs against `streamlit run` while an editor uploads: no error, every tab shows the commit.

About 40 s with the server start: four tabs (three viewers, one editor) in the session's Debian chromium.
"""

from __future__ import annotations

import os
import shutil
import time

import pytest

from bench import load
from reformdash import auth, service
from tests.browser.conftest import EDITOR, EDITOR_PASSWORD, open_upload_as_editor, served
from tests.browser.test_pages_in_browser import wait_until_idle

TABS = ["", "trends", ""]  # overview twice: it shows the value the editor changes
NEW_VALUE = "61,23"


@pytest.fixture
def served_db(demo_db, tmp_path):
    """`streamlit run` on a copy of the demo database with an editor account; stopped at the end."""
    db = tmp_path / "served.duckdb"
    shutil.copyfile(demo_db, db)
    store = service.open_store(str(db))
    auth.add_user(store, EDITOR, "editor", EDITOR_PASSWORD)
    store.close()
    env = {k: v for k, v in os.environ.items() if not k.startswith("REFORMDASH_")}
    env.update(REFORMDASH_DB=str(db), REFORMDASH_USER="tester", PYTHONUNBUFFERED="1")
    with served(env, tmp_path) as base:
        yield base


def test_browser_tabs_show_an_upload_as_soon_as_it_is_committed(served_db, browser, tmp_path):
    base = served_db
    upload = tmp_path / "pci_2020_qn.csv"
    upload.write_bytes(load.qn_pci_latest(61.23))
    timings = []

    def visit(tab, path: str) -> str:
        t0 = time.perf_counter()
        tab.goto(f"{base}/{path}?lang=vi")
        wait_until_idle(tab)
        timings.append(time.perf_counter() - t0)
        assert not tab.locator('[data-testid="stException"]').count(), f"/{path}: an exception is shown"
        return tab.locator('[data-testid="stMain"]').inner_text()

    contexts = [browser.new_context(viewport={"width": 1400, "height": 1600}, locale="vi-VN")
                for _ in range(len(TABS) + 1)]
    try:
        for c in contexts:
            c.set_default_timeout(60_000)
        viewers = [c.new_page() for c in contexts[:-1]]
        editor = contexts[-1].new_page()
        for tab, path in zip(viewers, TABS, strict=True):
            text = visit(tab, path)
            if path == "":
                assert "75,09" in text and NEW_VALUE not in text
        editor.goto(f"{base}/?lang=vi")
        wait_until_idle(editor)
        commit = open_upload_as_editor(editor, upload)
        text = visit(viewers[0], TABS[0])  # the preview writes nothing: still the old value
        assert "75,09" in text and NEW_VALUE not in text
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
        for c in contexts:
            c.close()
    print(f"\nbrowser: {len(TABS)} viewer tabs + 1 editor; {len(timings)} page loads, slowest {max(timings):.2f} s; "
          f"the {len(TABS)} tabs loaded after the commit all showed it ({seen:.1f} s for those loads)")

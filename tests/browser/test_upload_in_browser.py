"""In a real browser: an editor signs in, uploads a real workbook through the file input, commits, sees the year."""

from pathlib import Path

import pytest

from tests.browser.conftest import open_upload_as_editor
from tests.browser.test_pages_in_browser import wait_until_idle

from ..conftest import REAL

pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason=f"real workbooks absent ({REAL}); skipped")


def test_an_editor_uploads_a_workbook_and_the_new_year_appears(app_url, page, screenshots_dir, tmp_path):
    # The demo already holds PCI 2005–2019; the same VCCI workbook under the name "PCI 2020.xlsx" is a new year.
    workbook = tmp_path / "PCI 2020.xlsx"
    workbook.write_bytes((REAL / "pci" / "PCI 2019.xlsx").read_bytes())
    page.goto(f"{app_url}/?lang=vi")
    wait_until_idle(page)
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert sidebar.get_by_text("Tải dữ liệu").count() == 0, "an anonymous visitor sees no upload link"
    commit = open_upload_as_editor(page, workbook)
    wait_until_idle(page)
    main = page.locator('[data-testid="stMain"]')
    assert "PCI · 2020" in main.inner_text()
    page.screenshot(path=str(Path(screenshots_dir) / "upload_preview_vi.png"))
    commit.click()
    page.get_by_text("Đã ghi lô").wait_for(timeout=90_000)
    wait_until_idle(page)
    page.screenshot(path=str(Path(screenshots_dir) / "upload_committed_vi.png"))
    sidebar.get_by_text("Tổng quan").click()
    wait_until_idle(page)
    page.get_by_text("PCI 2020").first.wait_for(timeout=60_000)
    assert not page.locator('[data-testid="stException"]').count()
    page.screenshot(path=str(Path(screenshots_dir) / "upload_overview_after_vi.png"))

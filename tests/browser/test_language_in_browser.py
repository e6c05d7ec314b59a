"""Issue 14 B1: a language chosen in the sidebar is kept when the reader moves through the menu."""

from __future__ import annotations

import re

from .test_pages_in_browser import wait_until_idle

MENU = '[data-testid="stSidebarNav"]'


def test_english_stays_english_through_the_menu(app_url, page, screenshots_dir):
    page.goto(f"{app_url}/?lang=vi", wait_until="domcontentloaded")
    wait_until_idle(page)
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_text("English", exact=True).click()
    wait_until_idle(page)
    assert re.search(r"[?&]lang=en\b", page.url), page.url
    menu = page.locator(MENU)
    menu.get_by_text("Trends", exact=True).click()  # English titles: the menu was redrawn in English
    wait_until_idle(page)
    for title, path in (("Trends", "trends"), ("Units", "units"), ("Map", "map"), ("Overview", "")):
        if title != "Trends":
            menu.get_by_text(title, exact=True).click()
            wait_until_idle(page)
        assert re.search(rf"/{path}\?", page.url) or path == "", page.url
        assert re.search(r"[?&]lang=en\b", page.url) and "lang=vi" not in page.url, (title, page.url)
        assert menu.get_by_text("Overview", exact=True).count() == 1, f"{title}: the menu is not English"
        assert sidebar.get_by_text("Tiếng Việt", exact=True).count() == 1
        assert page.get_by_role("radio", name="English").is_checked(), f"{title}: the switch went back to vi"
        page.screenshot(path=str(screenshots_dir / f"lang_kept_{path or 'overview'}_en.png"))

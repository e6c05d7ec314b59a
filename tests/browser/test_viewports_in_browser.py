"""Every page in both languages on a laptop (1366×768) and a phone (390×844), the presentation on a projector
(1280×720): it draws without an error and nothing runs off the right edge of the screen (issue 14 B).

Screenshots: test-output/screenshots/viewports/<page>_<lang>_<width>x<height>.png (looked at by a person).
"""

from __future__ import annotations

import pytest

from .test_pages_in_browser import CHART, LANGS, PAGES, wait_until_idle

VIEWPORTS = {"laptop": (1366, 768), "phone": (390, 844)}
# the document is wider than the window: something runs off the right edge (inner scroll areas such as tables and
# the menu are allowed to scroll inside themselves)
OVERFLOW_JS = "() => document.documentElement.scrollWidth - window.innerWidth"


@pytest.fixture(scope="module")
def shots(screenshots_dir):
    folder = screenshots_dir / "viewports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def open_and_check(browser, url: str, size: tuple[int, int], shot) -> None:
    context = browser.new_context(viewport={"width": size[0], "height": size[1]}, locale="vi-VN")
    context.set_default_timeout(30_000)
    tab = context.new_page()
    try:
        tab.goto(url, wait_until="domcontentloaded")
        try:
            wait_until_idle(tab)
            charts = tab.locator(CHART)
            for i in range(charts.count()):
                charts.nth(i).locator(".main-svg").first.wait_for(state="attached", timeout=30_000)
        finally:
            tab.screenshot(path=str(shot))
        exceptions = tab.locator('[data-testid="stException"]')
        assert exceptions.count() == 0, f"{url}: {exceptions.first.inner_text()[:1000]}"
        overflow = tab.evaluate(OVERFLOW_JS)
        assert overflow <= 1, f"{url} at {size[0]}×{size[1]}: the page is {overflow} px wider than the screen"
    finally:
        context.close()


@pytest.mark.parametrize("device", VIEWPORTS)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("ref", PAGES, ids=[p.url_path for p in PAGES])
def test_every_page_fits_a_laptop_and_a_phone(browser, app_url, shots, ref, lang, device):
    width, height = VIEWPORTS[device]
    open_and_check(browser, f"{app_url}/{ref.route}?lang={lang}", (width, height),
                   shots / f"{ref.url_path or 'overview'}_{lang}_{width}x{height}.png")


@pytest.mark.parametrize("lang", LANGS)
def test_the_presentation_fits_a_projector(browser, app_url, shots, lang):
    open_and_check(browser, f"{app_url}/present?lang={lang}&slide=2", (1280, 720),
                   shots / f"present_{lang}_1280x720.png")

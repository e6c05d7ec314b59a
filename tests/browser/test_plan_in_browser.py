"""The Kế hoạch page in chromium, in both languages, on a laptop (1366×768) and a phone (390×844): the status matrix,
one indicator's charts, and the overview's plan card. Screenshots: test-output/screenshots/plan_*.png (the first
screen as a person sees it, and a tall one of the whole page)."""

from __future__ import annotations

import pytest

from .test_pages_in_browser import CHART, wait_until_idle

SIZES = {"1366x768": (1366, 768), "390x844": (390, 844)}
TEXT = {"vi": ("Kế hoạch", "Cả cơ quan", "chỉ tiêu"), "en": ("Plan", "Whole department", "targets")}


def _open(browser, url: str, width: int, height: int):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="vi-VN")
    context.set_default_timeout(30_000)
    tab = context.new_page()
    tab.goto(url, wait_until="domcontentloaded")
    wait_until_idle(tab)
    _tables_drawn(tab)
    return context, tab


def _tables_drawn(tab) -> None:
    """st.dataframe draws on a canvas after the script ends: wait for each one before a screenshot."""
    tables = tab.locator('[data-testid="stDataFrame"]')
    for i in range(tables.count()):
        tables.nth(i).locator("canvas").first.wait_for(state="attached", timeout=30_000)
    tab.wait_for_timeout(500)


def _no_errors(tab, url: str) -> None:
    exceptions = tab.locator('[data-testid="stException"]')
    assert exceptions.count() == 0, f"{url}: {exceptions.first.inner_text()[:2000]}"


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_plan_page_reads_on_a_laptop_and_a_phone(browser, app_url, screenshots_dir, lang, size):
    width, height = SIZES[size]
    url = f"{app_url}/plan?lang={lang}"
    context, tab = _open(browser, url, width, height)
    try:
        tab.screenshot(path=str(screenshots_dir / f"plan_{lang}_{size}.png"))
        _no_errors(tab, url)
        main = tab.locator('[data-testid="stMain"]').inner_text()
        title, whole, counted = TEXT[lang]
        assert title in main and counted in main
        assert tab.locator('[data-testid="stDataFrame"]').count() >= 1, "the status matrix is drawn"
        assert ("MẪU" if lang == "vi" else "SAMPLE") in main
        tab.set_viewport_size({"width": width, "height": 2400})  # Streamlit scrolls inside: a tall view shows all
        wait_until_idle(tab)
        _tables_drawn(tab)
        tab.screenshot(path=str(screenshots_dir / f"plan_{lang}_{size}_whole.png"))
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_one_indicator_draws_its_charts(browser, app_url, screenshots_dir, lang):
    view = "Một chỉ tiêu" if lang == "vi" else "One indicator"
    url = f"{app_url}/plan?lang={lang}&plan_view={view}&indicator=HSTT"
    context, tab = _open(browser, url, 1366, 2000)
    try:
        charts = tab.locator(CHART)
        for i in range(charts.count()):
            charts.nth(i).locator(".main-svg").first.wait_for(state="attached", timeout=30_000)
        tab.screenshot(path=str(screenshots_dir / f"plan_indicator_{lang}_1366.png"))
        _no_errors(tab, url)
        assert tab.locator('[data-testid="stPlotlyChart"]').count() == 2
    finally:
        context.close()


def test_the_overview_shows_the_plan_card(browser, app_url, screenshots_dir):
    url = f"{app_url}/?lang=vi"
    context, tab = _open(browser, url, 1366, 768)
    try:
        tab.screenshot(path=str(screenshots_dir / "overview_plan_vi_1366x768.png"))
        _no_errors(tab, url)
        assert "Chậm báo cáo" in tab.locator('[data-testid="stMain"]').inner_text()
    finally:
        context.close()

"""In a real browser at projector size: the presentation is walked with the arrow keys, each slide saved."""

from pathlib import Path

from tests.browser.test_pages_in_browser import wait_until_idle


def test_the_presentation_is_walked_with_the_keyboard(browser, app_url, screenshots_dir):
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="vi-VN")
    page = context.new_page()
    try:
        page.goto(f"{app_url}/present?lang=vi&entity=22&year=2019&slide=1")
        wait_until_idle(page)
        total = int(page.locator(".st-key-slide-counter").inner_text().split("/")[1])
        assert total >= 8
        for number in range(1, total + 1):
            assert f"slide={number}" in page.url
            assert not page.locator('[data-testid="stException"]').count()
            assert page.locator('[data-testid="stSidebar"]').is_hidden()  # no chrome in front of a room
            page.screenshot(path=str(Path(screenshots_dir) / f"present_{number:02d}_vi.png"))
            if number < total:
                page.keyboard.press("ArrowRight")
                page.wait_for_url(f"**slide={number + 1}**", timeout=30_000)
                wait_until_idle(page)
        page.keyboard.press("ArrowLeft")
        page.wait_for_url(f"**slide={total - 1}**", timeout=30_000)
    finally:
        context.close()


def test_home_end_and_escape_and_a_projector_sized_slide(browser, app_url, screenshots_dir):
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="vi-VN")
    page = context.new_page()
    try:
        page.goto(f"{app_url}/present?lang=vi&entity=22&year=2025&slide=3")
        wait_until_idle(page)
        page.locator(".js-plotly-plot").first.wait_for(timeout=60_000)  # a loaded machine draws late (CI, 2 cores)
        assert page.locator(".modebar").count() == 0  # no Plotly toolbar over a projected chart
        page.screenshot(path=str(Path(screenshots_dir) / "present_1280x720_chart_vi.png"))
        total = int(page.locator(".st-key-slide-counter").inner_text().split("/")[1])
        page.keyboard.press("End")
        page.wait_for_function(f"() => location.search.includes('slide={total}')", timeout=30_000)
        wait_until_idle(page)
        assert page.locator('[data-testid="stTable"]').count() >= 1  # the goals: a whole table, no scrolling grid
        page.screenshot(path=str(Path(screenshots_dir) / "present_1280x720_goals_vi.png"))
        page.keyboard.press("Home")
        page.wait_for_function("() => location.search.includes('slide=1')", timeout=30_000)
        wait_until_idle(page)
        page.keyboard.press("Escape")
        page.wait_for_function("() => !location.pathname.includes('/present')", timeout=30_000)
        wait_until_idle(page)
        assert "lang=vi" in page.url and "entity=22" in page.url
        assert page.locator('[data-testid="stSidebar"]').is_visible()  # back on the overview, with its menu
    finally:
        context.close()

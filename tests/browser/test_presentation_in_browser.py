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

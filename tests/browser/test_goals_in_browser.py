"""In a real browser at a laptop's 1366×768: the overview's cards and goal lines, the goals page as an editor sees
it (sample goals apart, the editor in words, the uploader's own words in Vietnamese), in both languages."""

from pathlib import Path

import pytest

from tests.browser.conftest import EDITOR, EDITOR_PASSWORD, sign_in
from tests.browser.test_pages_in_browser import wait_until_idle

LAPTOP = {"width": 1366, "height": 768}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_overview_cards_are_whole_at_laptop_size(browser, app_url, screenshots_dir, lang):
    context = browser.new_context(viewport=LAPTOP, locale="vi-VN")
    page = context.new_page()
    try:
        page.goto(f"{app_url}/?lang={lang}")
        wait_until_idle(page)
        values = page.locator('[data-testid="stMetricValue"]')
        assert values.count() == 5  # four index cards and the plan's
        for i in range(values.count()):
            box = values.nth(i).locator("div").first
            # the number is not cut with an ellipsis: its text fits its box
            assert box.evaluate("e => e.scrollWidth <= e.clientWidth + 1"), values.nth(i).inner_text()
        page.screenshot(path=str(Path(screenshots_dir) / f"overview_1366x768_{lang}.png"))
    finally:
        context.close()


@pytest.mark.parametrize("lang, button, sample", [("vi", '"Chọn tệp"', "Mục tiêu mẫu"),
                                                  ("en", "none", "Sample goals")])
def test_the_goals_page_as_an_editor_at_laptop_size(browser, app_url, screenshots_dir, lang, button, sample):
    context = browser.new_context(viewport=LAPTOP, locale="vi-VN")
    context.set_default_timeout(30_000)
    page = context.new_page()
    try:
        page.goto(f"{app_url}/goals?lang=vi")  # the sign-in form's words are Vietnamese in the helper
        wait_until_idle(page)
        sign_in(page, EDITOR, EDITOR_PASSWORD)
        wait_until_idle(page)
        if lang == "en":  # switched in the page: a reload would end the session
            page.locator('[data-testid="stSidebar"]').get_by_text("English").click()
            wait_until_idle(page)
        main = page.locator('[data-testid="stMain"]')
        main.get_by_text(sample, exact=True).wait_for()
        main.get_by_text("Nhập mục tiêu từ bảng tính" if lang == "vi" else "Import goals").click()
        wait_until_idle(page)
        drop = page.locator('[data-testid="stFileUploaderDropzone"] button')
        drop.wait_for()
        after = drop.evaluate("b => getComputedStyle(b, '::after').content")
        assert after == button  # Vietnamese: «Chọn tệp» written over Streamlit's fixed «Upload»
        assert drop.get_by_text("Upload", exact=True).is_hidden() == (lang == "vi")
        assert page.get_by_text("per file").first.is_hidden() == (lang == "vi")
        page.screenshot(path=str(Path(screenshots_dir) / f"goals_editor_1366x768_{lang}.png"))
        assert not page.locator('[data-testid="stException"]').count()
    finally:
        context.close()

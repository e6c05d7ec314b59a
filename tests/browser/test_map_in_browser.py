"""The map page in chromium: drawn offline in both languages, a click on a province makes it the focus (page + URL).

Screenshots: test-output/screenshots/map_<lang>_<width>x<height>.png at a laptop's 1366×768 and a phone's 390×844
(and map_<lang>_<width>_whole.png, the whole page at that width).
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest

from .test_pages_in_browser import wait_until_idle

SIZES = [(1366, 768), (390, 844)]
# Hà Nội's centre is inside Hà Nội's shape at any zoom; the test clicks there
HA_NOI = (105.85, 21.03)


def _open(browser, app_url, lang: str, size: tuple[int, int], query: str = ""):
    context = browser.new_context(viewport={"width": size[0], "height": size[1]}, locale="vi-VN")
    context.set_default_timeout(30_000)
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    page.goto(f"{app_url}/map?lang={lang}&entity=22&index=PCI&year=2019{query}", wait_until="domcontentloaded")
    wait_until_idle(page)
    page.locator('[data-testid="stPlotlyChart"] .main-svg').first.wait_for(state="attached", timeout=60_000)
    page.locator('[data-testid="stPlotlyChart"] path.choroplethlocation').first.wait_for(timeout=60_000)
    return context, page, requests


def _outside(requests: list[str], app_url: str) -> list[str]:
    return [u for u in requests if not u.startswith(app_url) and not u.startswith(("data:", "blob:"))]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_map_draws_offline_with_its_source_and_focus(browser, app_url, screenshots_dir, lang, size):
    context, page, requests = _open(browser, app_url, lang, size)
    try:
        shot = screenshots_dir / f"map_{lang}_{size[0]}x{size[1]}.png"
        page.wait_for_timeout(500)
        page.screenshot(path=str(shot))
        # and the whole page (Streamlit scrolls inside its own container: a tall viewport shows it all)
        page.set_viewport_size({"width": size[0], "height": 2000})
        page.wait_for_timeout(1500)
        page.screenshot(path=str(screenshots_dir / f"map_{lang}_{size[0]}_whole.png"))
        shapes = page.locator('[data-testid="stPlotlyChart"] path.choroplethlocation')
        assert shapes.count() >= 63 + 1  # every province, plus the focus outline
        main = page.locator('[data-testid="stMain"]').inner_text()
        assert ("Bản đồ" if lang == "vi" else "Map") in main
        svg_text = page.locator('[data-testid="stPlotlyChart"]').first.inner_text()
        assert "Open Development Mekong" in svg_text
        assert ("Hoàng Sa" if lang == "vi" else "Hoang Sa") in svg_text
        assert page.locator('[data-testid="stException"]').count() == 0
        assert _outside(requests, app_url) == [], "the map must not fetch anything from the internet"
        # the shapes come once from this server (static/geo), not inside every rerun's figure
        assert any(u.endswith("/app/static/geo/provinces_63.geojson") for u in requests), requests
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_clicking_a_province_makes_it_the_focus(browser, app_url, screenshots_dir, lang):
    context, page, _ = _open(browser, app_url, lang, (1366, 768))
    try:
        focus = page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').first.locator("input")
        assert focus.input_value() == ("Quảng Ninh" if lang == "vi" else "Quang Ninh")
        # the filled trace's paths carry their location: click Hà Nội's (an entity the page did not focus)
        target = page.locator('[data-testid="stPlotlyChart"] .choropleth').first.locator("path.choroplethlocation")
        index = page.evaluate("""() => {
            const gd = document.querySelector('[data-testid="stPlotlyChart"] .js-plotly-plot');
            return gd.data[0].locations.indexOf('01');
        }""")
        assert index >= 0
        box = target.nth(index).bounding_box()
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.wait_for_function("() => new URLSearchParams(location.search).get('entity') === '01'", timeout=30_000)
        wait_until_idle(page)
        assert parse_qs(urlparse(page.url).query)["entity"] == ["01"]
        page.wait_for_function("""() => [...document.querySelectorAll('[data-testid="stSidebar"] input')]
            .some(i => i.value === 'Hà Nội' || i.value === 'Ha Noi')""", timeout=30_000)
        assert focus.input_value() == ("Hà Nội" if lang == "vi" else "Ha Noi")
        # the black outline moved to Hà Nội: the outline trace (the last choropleth) names it
        outlined = page.evaluate("""() => {
            const gd = document.querySelector('[data-testid="stPlotlyChart"] .js-plotly-plot');
            const outline = gd.data.filter(t => t.type === 'choropleth' && t.hoverinfo === 'skip');
            return outline.length ? outline[0].locations : null;
        }""")
        assert outlined == ["01"]
        page.screenshot(path=str(screenshots_dir / f"map_{lang}_clicked.png"), full_page=True)
    finally:
        context.close()

"""The pages draw Vietnamese with the project's own font, served by the dashboard itself (issue 14, item 8)."""

from __future__ import annotations

LOAD = 150_000  # ms: the first load may initialise the database

LOADED_FACES = """() => [...document.fonts]
    .filter(f => f.family.replace(/["']/g, '') === 'Be Vietnam Pro' && f.status === 'loaded')
    .map(f => f.weight)"""


def test_pages_and_charts_use_be_vietnam_pro_served_from_the_dashboard(page, app_url, screenshots_dir):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{app_url}/trends?entity=22&index=PCI&lang=vi")
    page.locator(".js-plotly-plot").first.wait_for(timeout=LOAD)
    page.wait_for_function(f"({LOADED_FACES})().length > 0", timeout=30_000)
    assert "400" in page.evaluate(LOADED_FACES)
    body = page.evaluate("getComputedStyle(document.querySelector('[data-testid=\"stMain\"]')).fontFamily")
    assert body.replace('"', "").startswith("Be Vietnam Pro")
    chart = page.evaluate("document.querySelector('.js-plotly-plot text').style.fontFamily")
    assert chart.replace('"', "").startswith("Be Vietnam Pro")
    fonts = [u for u in requests if u.endswith(".ttf")]
    assert fonts and all(u.startswith(f"{app_url}/app/static/fonts/") for u in fonts)
    page.screenshot(path=str(screenshots_dir / "trends_in_be_vietnam_pro.png"))

"""Issue 14 B11: printing a page (Ctrl+P, A4) gives its content only — no sidebar, no toolbar — and no chart or
table cut at the paper's edge, even when the page was drawn on a wide screen. The PDFs and print-media screenshots
are left in test-output/print/ to be looked at."""

from __future__ import annotations

import io

import pytest

from .conftest import ROOT
from .test_pages_in_browser import CHART, wait_until_idle

OUT = ROOT / "test-output" / "print"
A4_PRINTABLE_PX = (210 - 2 * 12) / 25.4 * 96  # A4 less the 12 mm margins of static/print.css, in CSS pixels
DRAWN = ('[data-testid="stPlotlyChart"], .js-plotly-plot .main-svg, [data-testid="stDataFrame"], '
         '[data-testid="stTable"], [data-testid="stMetric"]')


@pytest.mark.parametrize("route,lang", [("trends", "vi"), ("units", "en"), ("", "en"), ("map", "vi")])
def test_a_page_prints_on_a4_without_the_sidebar_and_without_cut_charts(browser, app_url, route, lang):
    context = browser.new_context(viewport={"width": 1600, "height": 1000}, locale="vi-VN")  # a wide screen
    context.set_default_timeout(30_000)
    page = context.new_page()
    try:
        page.goto(f"{app_url}/{route}?lang={lang}", wait_until="domcontentloaded")
        wait_until_idle(page)
        charts = page.locator(CHART)
        if route != "":
            charts.first.wait_for(timeout=60_000)
        for i in range(charts.count()):
            charts.nth(i).locator(".main-svg").first.wait_for(state="attached", timeout=30_000)
        sidebar = page.locator('[data-testid="stSidebar"]')
        assert sidebar.is_visible(), "on screen the sidebar is there"
        on_screen = max((box["width"] for box in boxes(page)), default=0)

        page.emulate_media(media="print")
        page.wait_for_function("""() => document.querySelector('[data-testid="stMainBlockContainer"]')
                                        ?.dataset.printZoom""", timeout=10_000)
        page.wait_for_timeout(1500)  # charts redraw for the narrower column
        name = f"{route or 'overview'}_{lang}"
        OUT.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(OUT / f"{name}.png"), full_page=True)

        assert not sidebar.is_visible(), "the sidebar is not printed"
        assert not page.locator('[data-testid="stHeader"]').is_visible(), "nor Streamlit's header and toolbar"
        printed = boxes(page)
        assert printed or route == "", "the page's charts and tables are found"
        if route != "":
            assert on_screen > A4_PRINTABLE_PX, "drawn on a wide screen: wider than the paper before printing"
        for box in printed:
            assert box["x"] >= -0.5 and box["x"] + box["width"] <= A4_PRINTABLE_PX + 1, (
                f"{name}: {box['what']} spans {box['x']:.0f}–{box['x'] + box['width']:.0f} px, the paper "
                f"{A4_PRINTABLE_PX:.0f} px")

        pdf = page.pdf(format="A4", prefer_css_page_size=True, print_background=True)
        (OUT / f"{name}.pdf").write_bytes(pdf)
        from pypdf import PdfReader

        sheets = PdfReader(io.BytesIO(pdf)).pages
        assert len(sheets) >= 1
        width, height = float(sheets[0].mediabox.width), float(sheets[0].mediabox.height)
        assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2, "A4 portrait"
        text = "".join(sheet.extract_text() for sheet in sheets)
        menu_word = "Xu hướng" if lang == "vi" else "Trends"
        if route not in ("trends",):
            assert menu_word not in text, "the menu is not on the paper"
    finally:
        context.close()


def boxes(page) -> list[dict]:
    """Where each chart, table and card is drawn (CSS pixels from the left of the page)."""
    return page.evaluate(f"""() => [...document.querySelectorAll('{DRAWN}')]
        .filter(e => e.getClientRects().length)
        .map(e => {{ const r = e.getBoundingClientRect();
                     return {{what: e.dataset.testid || 'svg', x: r.x, width: r.width}}; }})""")

"""Printing a page (Ctrl+P, A4; issue 14 B11): the content only — no sidebar, header or toolbar — full width, charts
and tables not cut at the paper's edge nor split across two sheets.

Both the style sheet and the script are constants of this module, sent by the app itself (nothing is fetched from
outside, and no user text enters them). Charts and tables are drawn at the screen's width in pixels and are not
redrawn for the paper, so a page printed from a wide screen cut them at the right edge: before printing, the script
scales the main column (CSS zoom) so its widest drawing fits the A4 width of the style sheet, and restores it after.
"""

import streamlit as st


def print_styles() -> None:
    """The print style sheet (style only: Streamlit puts it where it takes no room) and the script that fits wide
    charts to the paper (in the sidebar, which is not printed)."""
    st.html("""<style>
@page { size: A4; margin: 12mm; }
/* the script below runs from the sidebar; its empty element takes no room there */
[data-testid="stElementContainer"]:has(> [data-testid="stHtml"] > script:only-child) { display: none; }

@media print {
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
  [data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
  [data-testid="stStatusWidget"], [data-testid="stBottom"], [data-testid="stElementToolbar"], .modebar-container,
  [data-testid="stChatInput"], footer { display: none !important; }
  /* what only a screen can use: buttons, downloads, links to other pages, the file drop zone */
  [data-testid="stButton"], [data-testid="stDownloadButton"], [data-testid="stPageLink"],
  [data-testid="stFileUploader"], [data-testid="stFormSubmitButton"] { display: none !important; }

  /* Streamlit scrolls inside its own containers: unbound them so every part of the page reaches the paper */
  html, body, .stApp, [data-testid="stApp"], [data-testid="stAppViewContainer"], [data-testid="stMain"] {
    height: auto !important; min-height: 0 !important; overflow: visible !important; position: static !important;
  }
  [data-testid="stMain"] { margin: 0 !important; width: 100% !important; max-width: none !important;
    align-items: flex-start !important; }
  [data-testid="stMainBlockContainer"] { padding: 0 !important; max-width: none; margin: 0 !important; }

  /* a chart, table or map is not cut across two sheets */
  [data-testid="stPlotlyChart"], [data-testid="stDataFrame"], [data-testid="stTable"], [data-testid="stImage"],
  [data-testid="stMetric"], .js-plotly-plot { break-inside: avoid; page-break-inside: avoid; }
  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }

  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
</style>""")
    st.sidebar.html(r"""<script>
(() => {
  const win = window;
  if (win.reformdashPrint) return;
  win.reformdashPrint = true;
  const PRINTABLE = 703;  // CSS pixels: A4 (210 mm) less the two 12 mm margins of the style sheet above
  const LAID_OUT = 960;  // the narrowest column printed: a laptop's, so cards and their numbers do not wrap
  // what is drawn at a fixed width (a chart's picture, a table's canvas), not the boxes that stretch around it
  const DRAWN = '.js-plotly-plot .main-svg, [data-testid="stDataFrame"] canvas, [data-testid="stTable"] table, '
    + '[data-testid="stImage"] img';
  const main = () => document.querySelector('[data-testid="stMainBlockContainer"]');

  function fit() {
    const column = main();
    if (!column || column.dataset.printZoom) return;
    let widest = LAID_OUT;
    for (const element of column.querySelectorAll(DRAWN)) {
      widest = Math.max(widest, element.getBoundingClientRect().width);
    }
    const zoom = PRINTABLE / widest;
    column.dataset.printZoom = String(zoom);
    // the column keeps the width it had on screen: what was drawn for it fits, and redrawn charts stay that wide
    column.style.maxWidth = `${Math.ceil(PRINTABLE / zoom)}px`;
    column.style.zoom = String(zoom);
  }

  function restore() {
    const column = main();
    if (!column || !column.dataset.printZoom) return;
    delete column.dataset.printZoom;
    column.style.zoom = '';
    column.style.maxWidth = '';
  }

  win.addEventListener('beforeprint', fit);
  win.addEventListener('afterprint', restore);
  // emulated print media (and browsers that switch media before the print event) take the same path
  win.matchMedia('print').addEventListener('change', (e) => (e.matches ? fit() : restore()));
})();
</script>""", unsafe_allow_javascript=True)

"""Browser time to the first chart, and the server's peak memory, against a bare Streamlit page with one chart.

Two servers run side by side on 127.0.0.1 in the same run: `streamlit run dashboard.py` on a database made by
`python -m reformdash init` (the demo data), and `streamlit run` of a bare page with one Plotly chart. Debian's
chromium (Playwright) opens each page in a fresh tab; the page itself records performance.now() (milliseconds
since navigation started) when the first Plotly `.main-svg` is visible and when the script has finished.
One browser profile is used, as a reader's (its HTTP cache keeps Plotly's script after the first page), with a
new tab, so a new Streamlit session, for every visit. Every page is visited once first (cold caches), then
`rounds` rounds visit every page once and the bare page once, in the middle of the round (--quick: the trends
page only, once cold and once warm).
Memory: VmHWM (peak resident set) of each server process after every page has been opened.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

from bench.server import Server
from reformdash.store import ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
VISIT_TIMEOUT = 120_000  # milliseconds a page may take to draw its chart and finish
# url path of every reader's page (pages/_common.app_pages) and whether it draws a Plotly chart
PAGES = {"overview": ("", False), "trends": ("trends", True), "ranks": ("ranks", True),
         "components": ("components", True), "compare": ("compare", True), "units": ("units", True),
         "goals": ("goals", False), "present": ("present?slide=3", True),  # slide 3: value and rank charts
         "map": ("map", True)}
BARE = """import plotly.graph_objects as go
import streamlit as st

st.set_page_config(layout="wide")
st.plotly_chart(go.Figure(go.Scatter(x=[2017, 2018, 2019], y=[60.5, 62.1, 63.4])), width="stretch")
"""
# resolves with {chart, ready}: ms since navigation start when a .main-svg was first visible and when the script
# had finished with elements on the page (null if never within the bound)
PROBE = """([wantChart, bound]) => new Promise((resolve) => {
    const out = {chart: null, ready: null};
    const tick = () => {
        const now = performance.now();
        if (out.chart === null) {
            const svg = document.querySelector('.main-svg');
            if (svg) { const r = svg.getBoundingClientRect(); if (r.width > 0 && r.height > 0) out.chart = now; }
        }
        if (out.ready === null) {
            const app = document.querySelector('[data-testid="stApp"]');
            if (app && app.getAttribute('data-test-connection-state') === 'CONNECTED'
                && app.getAttribute('data-test-script-state') === 'notRunning'
                && document.querySelectorAll('[data-testid="stMain"] [data-testid="stElementContainer"]').length)
                out.ready = now;
        }
        if ((out.ready !== null && (out.chart !== null || !wantChart)) || now > bound) resolve(out);
        else setTimeout(tick, 5);
    };
    tick();
})"""


class Unavailable(RuntimeError):
    """Chromium or Playwright is missing: the section is skipped, saying why."""


def _env(db: Path) -> dict:
    env = dict(os.environ)
    for name in [n for n in env if n.startswith("REFORMDASH_")]:
        env.pop(name)
    env.update(REFORMDASH_DB=str(db), PYTHONUNBUFFERED="1")
    return env


def visit(context, url: str, want_chart: bool) -> dict:
    """Open `url` in a new tab (a new Streamlit session); {chart, ready} in seconds since navigation started."""
    page = context.new_page()
    try:
        page.goto(url, wait_until="commit", timeout=VISIT_TIMEOUT)
        got = page.evaluate(PROBE, [want_chart, VISIT_TIMEOUT])
        if got["ready"] is None or (want_chart and got["chart"] is None):
            raise RuntimeError(f"{url}: no chart or not finished within {VISIT_TIMEOUT / 1000:.0f} s ({got})")
        return {k: (v / 1000 if v is not None else None) for k, v in got.items()}
    finally:
        page.close()


def run(quick: bool = False) -> dict:
    """{"browser": times per page and ratios to the bare page, "memory": peak RSS of both servers}."""
    if not Path(CHROMIUM).exists():
        raise Unavailable(f"{CHROMIUM} is absent: install Debian's chromium (README's test command does it)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as e:
        raise Unavailable("playwright is not installed: pip install -r requirements-dev.txt") from e
    rounds = 1 if quick else 5
    with tempfile.TemporaryDirectory() as tmp, ExitStack() as stack:
        folder = Path(tmp)
        db = folder / "browser.duckdb"
        (folder / "bare.py").write_text(BARE, encoding="utf-8")
        # the dashboard opens its database at the first visit, so `init` can write it while the servers start
        dash = Server(Path("dashboard.py"), ROOT, _env(db), folder / "dashboard.log")
        stack.callback(dash.stop)
        bare = Server(folder / "bare.py", folder, _env(folder / "unused.duckdb"), folder / "bare.log")
        stack.callback(bare.stop)
        subprocess.run([sys.executable, "-m", "reformdash", "init"], cwd=ROOT, env=_env(db), check=True,
                       capture_output=True, timeout=300)
        dash.wait_healthy()
        bare.wait_healthy()
        playwright = stack.enter_context(sync_playwright())
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
                                             timeout=60_000)
        stack.callback(browser.close)
        # one browser profile, as a reader's: its HTTP cache keeps Plotly's script after the first page
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="vi-VN")
        stack.callback(context.close)
        timed = ["trends"] if quick else list(PAGES)
        cold = {"(bare)": visit(context, bare.base + "/", True)}
        for name in timed:
            path, chart = PAGES[name]
            cold[name] = visit(context, f"{dash.base}/{path}", chart)
        warm: dict[str, list[dict]] = {name: [] for name in ["(bare)", *timed]}
        for _ in range(rounds):  # the bare page once a round, between the dashboard's pages
            for i, name in enumerate(timed):
                if i == len(timed) // 2:
                    warm["(bare)"].append(visit(context, bare.base + "/", True))
                path, chart = PAGES[name]
                warm[name].append(visit(context, f"{dash.base}/{path}", chart))
        dash_peak, dash_rss = dash.peak_mb()
        bare_peak, bare_rss = bare.peak_mb()
    bare_chart = statistics.median(v["chart"] for v in warm["(bare)"])
    bare_ready = statistics.median(v["ready"] for v in warm["(bare)"])
    pages = {}
    for name in timed:
        chart = PAGES[name][1]
        first_chart = statistics.median(v["chart"] for v in warm[name]) if chart else None
        ready = statistics.median(v["ready"] for v in warm[name])
        pages[name] = {"chart_s": first_chart, "chart_ratio": first_chart / bare_chart if chart else None,
                       "ready_s": ready, "ready_ratio": ready / bare_ready, "cold_chart_s": cold[name]["chart"],
                       "cold_ready_s": cold[name]["ready"]}
    charted = [p for p in pages.values() if p["chart_s"] is not None]
    browser_result = {
        "rounds": rounds, "bare_chart_s": bare_chart, "bare_ready_s": bare_ready,
        "bare_cold_chart_s": cold["(bare)"]["chart"], "pages": pages,
        "trends_chart_s": pages["trends"]["chart_s"], "trends_chart_ratio": pages["trends"]["chart_ratio"],
        "worst_chart_ratio": max(p["chart_ratio"] for p in charted),
    }
    memory = {"pages_opened": len(timed), "visits": len(timed) * (rounds + 1), "dashboard_peak_mb": dash_peak,
              "dashboard_rss_mb": dash_rss, "bare_peak_mb": bare_peak, "bare_rss_mb": bare_rss,
              "ratio": dash_peak / bare_peak}
    return {"browser": browser_result, "memory": memory}


def detail(r: dict) -> str:
    """The per-page table: first chart and script finished, medians since navigation, against the bare page."""
    lines = [f"Browser (chromium, new tab per visit, medians of {r['rounds']} visits after a first one): "
             f"navigation → first .main-svg visible (chart) and → script finished (ready)",
             f"{'page':<12}{'first':>9}{'chart':>9}{'×bare':>7}{'ready':>9}{'×bare':>7}",
             f"{'(bare)':<12}{r['bare_cold_chart_s']:8.3f}s{r['bare_chart_s']:8.3f}s{1:7.2f}"
             f"{r['bare_ready_s']:8.3f}s{1:7.2f}"]
    for name, p in r["pages"].items():
        first = p["cold_chart_s"] if p["cold_chart_s"] is not None else p["cold_ready_s"]
        chart = f"{p['chart_s']:8.3f}s{p['chart_ratio']:7.2f}" if p["chart_s"] is not None else f"{'—':>9}{'':7}"
        lines.append(f"{name:<12}{first:8.3f}s{chart}{p['ready_s']:8.3f}s{p['ready_ratio']:7.2f}")
    lines.append("first = the page's first visit (its caches cold): chart, or ready when it has no chart")
    return "\n".join(lines)


def table(r: dict) -> list[tuple]:
    """Rows (figure, measured, baseline, ratio, goal) for the summary table."""
    worst = max((n for n, p in r["pages"].items() if p["chart_s"] is not None),
                key=lambda n: r["pages"][n]["chart_ratio"])
    return [
        ("browser: navigation → first chart, trends page vs bare page", f"{r['trends_chart_s']:.3f} s",
         f"{r['bare_chart_s']:.3f} s", r["trends_chart_ratio"], "— (watch)"),
        (f"browser: navigation → first chart, slowest page ({worst})", f"{r['pages'][worst]['chart_s']:.3f} s",
         f"{r['bare_chart_s']:.3f} s", r["pages"][worst]["chart_ratio"], "— (watch)"),
    ]


def memory_table(m: dict) -> list[tuple]:
    """Rows (figure, measured, baseline, ratio, goal) for the summary table."""
    pages = f"{m['pages_opened']} page" + ("s" if m["pages_opened"] != 1 else "")
    return [(f"server peak RSS after {pages} vs bare server", f"{m['dashboard_peak_mb']:.0f} MB",
             f"{m['bare_peak_mb']:.0f} MB", m["ratio"], "— (watch)")]

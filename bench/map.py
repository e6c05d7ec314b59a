"""The map page in the browser: time to the first drawn map against the bare Plotly page, and bytes sent.

Like bench/browser.py (same servers, same probe, same chromium): `streamlit run dashboard.py` on the demo data and
a bare page with one Plotly chart, side by side. A visit counts the map as drawn when its first province path
(`path.choroplethlocation`) is visible. Bytes: what the browser received over the app's websocket during a visit
(Streamlit's messages, where the figure and its GeoJSON travel), and the shipped GeoJSON files' sizes.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

from bench.browser import BARE, CHROMIUM, CHROMIUM_ARGS, PROBE, Unavailable, _env
from bench.server import Server
from reformdash.store import ROOT

MAP_URL = "map?entity=22&index=PCI&year=2019&map=value"
MAP_PROBE = PROBE.replace("document.querySelector('.main-svg')", "document.querySelector('path.choroplethlocation')")


def _visit(context, url: str, probe: str) -> dict:
    """{chart, ready} seconds since navigation, and the websocket bytes received during the visit."""
    page = context.new_page()
    received = {"bytes": 0}

    def on_socket(ws):
        ws.on("framereceived", lambda payload: received.__setitem__(
            "bytes", received["bytes"] + len(payload if isinstance(payload, (bytes, bytearray)) else
                                             payload.encode())))

    page.on("websocket", on_socket)
    try:
        page.goto(url, wait_until="commit", timeout=120_000)
        got = page.evaluate(probe, [True, 120_000])
        if got["chart"] is None or got["ready"] is None:
            raise RuntimeError(f"{url}: not drawn within 120 s ({got})")
        page.wait_for_timeout(300)  # the last frames of the run
        return {"chart": got["chart"] / 1000, "ready": got["ready"] / 1000, "bytes": received["bytes"]}
    finally:
        page.close()


def run(quick: bool = False) -> dict:
    """Medians of `rounds` visits of the map page and of the bare page, alternating, after one cold visit each."""
    if not Path(CHROMIUM).exists():
        raise Unavailable(f"{CHROMIUM} is absent")
    from playwright.sync_api import sync_playwright

    from reformdash import maps

    rounds = 2 if quick else 7
    with tempfile.TemporaryDirectory() as tmp, ExitStack() as stack:
        folder = Path(tmp)
        db = folder / "map.duckdb"
        (folder / "bare.py").write_text(BARE, encoding="utf-8")
        dash = Server(Path("dashboard.py"), ROOT, _env(db), folder / "dashboard.log")
        stack.callback(dash.stop)
        bare = Server(folder / "bare.py", folder, _env(folder / "unused.duckdb"), folder / "bare.log")
        stack.callback(bare.stop)
        subprocess.run([sys.executable, "-m", "reformdash", "init"], cwd=ROOT, env=_env(db), check=True,
                       capture_output=True, timeout=300)
        dash.wait_healthy()
        bare.wait_healthy()
        playwright = stack.enter_context(sync_playwright())
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        stack.callback(browser.close)
        context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="vi-VN")
        stack.callback(context.close)
        cold_bare = _visit(context, bare.base + "/", PROBE)
        cold_map = _visit(context, f"{dash.base}/{MAP_URL}", MAP_PROBE)
        maps_, bares = [], []
        for _ in range(rounds):
            bares.append(_visit(context, bare.base + "/", PROBE))
            maps_.append(_visit(context, f"{dash.base}/{MAP_URL}", MAP_PROBE))
    median = {k: statistics.median(v[k] for v in maps_) for k in ("chart", "ready", "bytes")}
    base = {k: statistics.median(v[k] for v in bares) for k in ("chart", "ready", "bytes")}
    return {"rounds": rounds, "map_chart_s": median["chart"], "bare_chart_s": base["chart"],
            "chart_ratio": median["chart"] / base["chart"], "map_ready_s": median["ready"],
            "bare_ready_s": base["ready"], "map_bytes": median["bytes"], "bare_bytes": base["bytes"],
            "bytes_ratio": median["bytes"] / base["bytes"], "cold_map_chart_s": cold_map["chart"],
            "cold_bare_chart_s": cold_bare["chart"], "geojson_63_bytes": maps.geometry_bytes(63),
            "geojson_34_bytes": maps.geometry_bytes(34)}


def table(r: dict) -> list[tuple]:
    """Rows (figure, measured, baseline, ratio, goal) for the summary table."""
    return [
        ("browser: navigation → first province drawn, map page vs bare Plotly page", f"{r['map_chart_s']:.3f} s",
         f"{r['bare_chart_s']:.3f} s", r["chart_ratio"], "— (watch)"),
        ("websocket bytes received by a visit, map page vs bare Plotly page", f"{r['map_bytes'] / 1000:.0f} kB",
         f"{r['bare_bytes'] / 1000:.0f} kB", r["bytes_ratio"], "— (watch)"),
        ("shipped GeoJSON, 63 / 34 provinces", f"{r['geojson_63_bytes'] / 1000:.0f} kB",
         f"{r['geojson_34_bytes'] / 1000:.0f} kB", None, "—"),
    ]

"""The meeting briefing: deck build time against the same slides without charts, the PDF, and chart images.

Issue 5's goal: the PowerPoint deck with its native charts builds in under 2× the time of the same slides with no
charts (both timed alternately in one run). Also printed: the PDF (every slide drawn by the warm kaleido server) and
the time per chart image (PNG and SVG) once the server is warm, against the first image (which starts chromium).
"""

from __future__ import annotations

import dataclasses
import statistics
import tempfile
import time
from pathlib import Path


def _median_time(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run(quick: bool = False) -> dict:
    """Time the deck, the chartless deck, the PDF and chart images on the demo data (Quảng Ninh, 2019)."""
    from reformdash import images, service
    from reformdash.briefing import build_briefing
    from reformdash.charts import briefing_figure
    from reformdash.export_pdf import pdf_bytes
    from reformdash.export_pptx import pptx_bytes

    repeats = 3 if quick else 7
    with tempfile.TemporaryDirectory() as folder:
        store = service.open_store(str(Path(folder) / "demo.duckdb"))
        service.init(store)
        briefing = build_briefing(store, "Quảng Ninh", 2019, "vi")
        model = _median_time(lambda: build_briefing(store, "Quảng Ninh", 2019, "vi"), repeats)
        store.close()
    bare = dataclasses.replace(briefing, slides=[dataclasses.replace(s, charts=[]) for s in briefing.slides])
    deck_times, bare_times = [], []
    for _ in range(repeats):  # alternating, so both see the same machine
        deck_times.append(_median_time(lambda: pptx_bytes(briefing), 1))
        bare_times.append(_median_time(lambda: pptx_bytes(bare), 1))
    charts = [c for s in briefing.slides for c in s.charts]
    result = {"slides": len(briefing.slides), "charts": len(charts), "briefing_model_s": model,
              "deck_s": statistics.median(deck_times), "deck_without_charts_s": statistics.median(bare_times)}
    result["deck_ratio"] = result["deck_s"] / result["deck_without_charts_s"]
    if images.browser_path() is None:
        result["images"] = "no chromium"
        return result
    images.stop()
    figure = briefing_figure(charts[0])
    start = time.perf_counter()
    images.render(figure, "png")
    result["first_image_s"] = time.perf_counter() - start  # starts chromium
    shown = charts if not quick else charts[:4]
    for fmt in ("png", "svg"):
        result[f"{fmt}_per_chart_s"] = statistics.median(
            _median_time(lambda c=c, fmt=fmt: images.render(briefing_figure(c), fmt), 1) for c in shown)
    result["pdf_s"] = _median_time(lambda: pdf_bytes(briefing), 1 if quick else 2)
    result["pdf_per_page_s"] = result["pdf_s"] / len(briefing.slides)
    images.stop()
    return result


def table(result: dict) -> str:
    """The figures as printed lines."""
    lines = [f"Briefing: {result['slides']} slides, {result['charts']} native charts (Quảng Ninh 2019, demo data)",
             f"  deck (.pptx)                 {result['deck_s'] * 1000:8.1f} ms",
             f"  same slides, no charts       {result['deck_without_charts_s'] * 1000:8.1f} ms",
             f"  ratio                        {result['deck_ratio']:8.2f}×   (goal < 2×)"]
    if "pdf_s" in result:
        lines += [f"  PDF (a page a slide)         {result['pdf_s']:8.2f} s  ({result['pdf_per_page_s']:.2f} s a page)",
                  f"  first image (starts chromium) {result['first_image_s']:7.2f} s",
                  f"  PNG per chart, warm server   {result['png_per_chart_s'] * 1000:8.1f} ms",
                  f"  SVG per chart, warm server   {result['svg_per_chart_s'] * 1000:8.1f} ms"]
    return "\n".join(lines)


if __name__ == "__main__":
    import sys

    print(table(run("--quick" in sys.argv)))

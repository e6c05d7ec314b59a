"""python -m bench [--quick] [--only SECTION ...] [--json PATH]: every benchmark, a table, and a JSON file.

Each figure is a ratio against a baseline measured side by side in the same run, because these machines are
noisy: import vs python-calamine's read (bench/imports.py), key queries on 1,000,000 score rows vs the demo data
(bench/queries.py), page scripts under AppTest vs a one-line page (bench/pages.py), the browser's first chart and
the server's peak memory vs a bare Streamlit page with one chart (bench/browser.py), viewer sessions while an
editor imports (bench/load.py) and the briefing deck vs the same slides without charts (bench/briefing.py), these
two when present. --quick shrinks sizes and repeats so the whole run stays under a
minute on an idle machine (tests/test_bench.py runs it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import math
import os
import platform
import subprocess
import sys
import time
import traceback
from pathlib import Path

from bench import browser, imports, pages, queries

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_JSON = ROOT / "bench" / "out" / "latest.json"  # bench/out/ is in .gitignore
SECTIONS = ("import", "queries", "pages", "browser", "load", "deck", "map")


def _optional(module: str, key: str, quick: bool) -> dict:
    """A section another module owns (bench/load.py, bench/briefing.py): its figures, or why they are missing."""
    if importlib.util.find_spec(f"bench.{module}") is None:
        return {key: {"skipped": f"bench/{module}.py is not there yet"}}
    return {key: importlib.import_module(f"bench.{module}").run(quick=quick)}


def _browser_section(quick: bool) -> dict:
    try:
        return browser.run(quick=quick)
    except browser.Unavailable as e:
        return {"browser": {"skipped": str(e)}, "memory": {"skipped": str(e)}}


def run_section(name: str, args) -> dict:
    """{result key: figures} of one section."""
    if name == "import":
        return {"import": imports.run(quick=args.quick, rows=args.rows)}
    if name == "queries":
        return {"queries": queries.run(quick=args.quick)}
    if name == "pages":
        return {"pages": pages.run(quick=args.quick)}
    if name == "browser":
        return _browser_section(args.quick)
    if name == "deck":
        return _optional("briefing", "deck", args.quick)
    if name == "map":
        from bench import map as map_bench

        try:
            return {"map": map_bench.run(quick=args.quick)}
        except browser.Unavailable as e:
            return {"map": {"skipped": str(e)}}
    return _optional("load", "load", args.quick)


def _commit() -> str | None:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                              timeout=10).stdout.strip() or None
    except OSError:
        return None


def _fmt_ratio(x) -> str:
    return f"{x:.2f}×" if isinstance(x, (int, float)) and math.isfinite(x) else "—"


def summary_rows(results: dict) -> list[tuple]:
    """(section, figure, measured, baseline, ratio, goal) for every headline figure."""
    rows = []
    from bench import map as map_bench

    makers = {"import": imports.table, "queries": queries.table, "pages": pages.table, "browser": browser.table,
              "memory": browser.memory_table, "map": map_bench.table}
    for key, make in makers.items():
        r = results.get(key)
        if r is None:
            continue
        if "skipped" in r or "error" in r:
            rows.append((key, r.get("skipped") or f"ERROR {r['error']}", "", "", None, ""))
            continue
        rows.extend((key, *row) for row in make(r))
    load = results.get("load")
    if load is not None:
        if "skipped" in load or "error" in load:
            rows.append(("load", load.get("skipped") or f"ERROR {load['error']}", "", "", None, ""))
        else:
            for k, v in load.items():  # bench/load.py's own figures; lists (errors, stale pages…) are counted
                if isinstance(v, (list, tuple)):
                    rows.append(("load", k.replace("_", " "), str(len(v)), "", None, "0"))
                elif isinstance(v, (int, float)) and not isinstance(v, bool):
                    rows.append(("load", k.replace("_", " "), f"{v:g}", "", None, "— (watch)"))
    deck = results.get("deck")
    if deck is not None:
        if "skipped" in deck or "error" in deck:
            rows.append(("deck", deck.get("skipped") or f"ERROR {deck['error']}", "", "", None, ""))
        else:
            rows.append(("deck", f".pptx deck ({deck['slides']} slides, {deck['charts']} charts) vs same slides "
                         "without charts", f"{deck['deck_s']:.3f} s", f"{deck['deck_without_charts_s']:.3f} s",
                         deck["deck_ratio"], "< 2× (issue 5)"))
    return rows


def render(rows: list[tuple]) -> str:
    """A plain-text table (also valid Markdown) of the summary rows."""
    head = ("section", "figure", "measured", "baseline", "ratio", "goal")
    cells = [head] + [(s, f, m, b, _fmt_ratio(r) if r is not None else "", g) for s, f, m, b, r, g in rows]
    widths = [max(len(str(c[i])) for c in cells) for i in range(len(head))]
    right = {2, 3, 4}

    def line(c):
        return "| " + " | ".join(str(x).rjust(w) if i in right else str(x).ljust(w)
                                 for i, (x, w) in enumerate(zip(c, widths))) + " |"

    sep = "|" + "|".join(("-" * (w + 1) + ":") if i in right else ("-" * (w + 2)) for i, w in enumerate(widths)) + "|"
    return "\n".join([line(head), sep] + [line(c) for c in cells[1:]])


def main(argv: list[str] | None = None) -> int:
    """Run the chosen sections, print their tables and the summary, write the JSON; 1 if a section failed."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, few repeats (under a minute when idle)")
    parser.add_argument("--rows", type=int, default=None, help="rows of the import benchmark's xlsx")
    parser.add_argument("--only", choices=SECTIONS, nargs="+", help="run only these sections")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, help=f"where to write the figures ({DEFAULT_JSON})")
    args = parser.parse_args(argv)
    chosen = [s for s in SECTIONS if not args.only or s in args.only]
    started = time.perf_counter()
    results: dict = {"meta": {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "quick": args.quick, "sections": chosen,
        "commit": _commit(), "python": platform.python_version(), "cpus": os.cpu_count(),
        "loadavg_start": list(os.getloadavg()), "section_s": {}}}
    failed = False
    for name in chosen:
        print(f"· {name} …", file=sys.stderr, flush=True)
        t0 = time.perf_counter()
        try:
            results.update(run_section(name, args))
        except Exception as e:  # one broken section must not hide the others' figures
            failed = True
            traceback.print_exc()
            keys = ("browser", "memory") if name == "browser" else (name,)
            results.update({k: {"error": f"{type(e).__name__}: {e}"} for k in keys})
        results["meta"]["section_s"][name] = time.perf_counter() - t0
    results["meta"]["loadavg_end"] = list(os.getloadavg())
    results["meta"]["total_s"] = time.perf_counter() - started
    details = [("queries", queries.detail), ("pages", pages.detail), ("browser", browser.detail)]
    if "deck" in chosen and importlib.util.find_spec("bench.briefing") is not None:
        details.append(("deck", importlib.import_module("bench.briefing").table))
    for key, detail in details:
        r = results.get(key)
        if r and "skipped" not in r and "error" not in r:
            print(detail(r), end="\n\n")
    meta = results["meta"]
    print(f"python -m bench{' --quick' if args.quick else ''} · {meta['date']} · commit {meta['commit']} · "
          f"{meta['cpus']} CPUs · load average {meta['loadavg_start'][0]:.1f} → {meta['loadavg_end'][0]:.1f} · "
          f"{meta['total_s']:.0f} s")
    print(render(summary_rows(results)))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"figures written to {args.json}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())

"""`python -m bench --quick` keeps working: it exits 0 and writes every section's figures as finite numbers.

Not a timing test: no figure is compared with a bound. Bounded: the quick run takes about a minute on an idle
2-core machine (up to ~2 minutes when other work shares it), so the subprocess gets 600 s before the test fails.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.__main__ import render, summary_rows

ROOT = Path(__file__).resolve().parent.parent
QUICK_TIMEOUT = 600  # seconds


def finite(x) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x) and x >= 0


def browser_expected() -> bool:
    """The browser section must run where chromium is (and always on CI, whose command installs it)."""
    return Path("/usr/bin/chromium").exists() or os.environ.get("CI", "").lower() in ("true", "1", "yes")


@pytest.fixture(scope="module")
def quick(tmp_path_factory) -> tuple[subprocess.CompletedProcess, dict]:
    out = tmp_path_factory.mktemp("bench") / "quick.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith("REFORMDASH_")}
    done = subprocess.run([sys.executable, "-m", "bench", "--quick", "--json", str(out)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=QUICK_TIMEOUT)
    return done, (json.loads(out.read_text(encoding="utf-8")) if out.is_file() else {})


def test_quick_run_exits_0_and_prints_the_table(quick):
    done, results = quick
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "| section | figure" in done.stdout
    assert results["meta"]["quick"] is True


def test_import_figures(quick):
    r = quick[1]["import"]
    for key in ("calamine_s", "import_s", "ratio", "calamine_peak_mb", "import_peak_mb", "memory_ratio", "scan_s"):
        assert finite(r[key]) and r[key] > 0, (key, r)
    assert len(r["round_ratios"]) == r["rounds"]
    assert r["ratio"] == pytest.approx(sorted(r["round_ratios"])[r["rounds"] // 2])
    assert min(r["round_ratios"]) <= r["import_s"] / r["calamine_s"] * 1.0001
    assert 0 < r["understanding_ratio"] < r["ratio"]


def test_query_figures_cover_the_key_queries(quick):
    r = quick[1]["queries"]
    assert r["score_rows"] >= 100_000 and finite(r["scan_s"])
    assert {"scores", "changes", "goals_status", "heatmap"} <= set(r["queries"])
    for name, q in r["queries"].items():
        assert all(finite(q[k]) for k in ("large_s", "demo_s", "ratio", "scans")), (name, q)


def test_page_figures_on_both_databases(quick):
    r = quick[1]["pages"]
    assert set(r["databases"]) == {"demo", "large"}
    assert r["databases"]["large"]["scores"] > r["databases"]["demo"]["scores"]
    for db in r["databases"].values():
        assert finite(db["floor_s"]) and len(db["pages"]) == 8  # the seven pages and the map
        for name, p in db["pages"].items():
            assert all(finite(p[k]) for k in ("cold_s", "warm_s", "ratio", "served_s", "served_ratio")), (name, p)
            assert p["charts"] >= (0 if name in ("overview", "goals") else 1), (name, p)  # the pages drew their charts
    assert finite(r["worst_demo_ratio"]) and finite(r["worst_demo_served_ratio"])


def test_served_runs_skip_what_apptest_repeats_on_every_run(monkeypatch, demo_db):
    """as_served() keeps one compiled page and routes the folder once; outside it AppTest does both on every run."""
    from streamlit.runtime.scriptrunner import script_cache
    from streamlit.testing.v1 import AppTest

    from bench.pages import as_served

    compiles = []
    monkeypatch.setenv("REFORMDASH_DB", demo_db)

    def counted(source, path, *args, **kwargs):
        compiles.append(path)
        return compile(source, path, *args, **kwargs)

    monkeypatch.setattr(script_cache, "compile", counted, raising=False)  # shadows the builtin in that module
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120).switch_page("pages/trends.py").run()
    compiles.clear()
    at.run()
    assert any(p.endswith("trends.py") for p in compiles), compiles  # AppTest compiles the page again
    with as_served() as routed:
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120).switch_page("pages/trends.py").run()
        routed["done"] = True
        at.run()
        compiles.clear()
        at.run()
        assert not compiles, compiles
        assert at.get("plotly_chart") and not at.exception


def test_browser_and_memory_figures(quick):
    results = quick[1]
    if not browser_expected():
        pytest.skip("no /usr/bin/chromium here: the browser section is skipped")
    r, m = results["browser"], results["memory"]
    assert "skipped" not in r and "error" not in r, r
    assert finite(r["bare_chart_s"]) and finite(r["trends_chart_s"]) and finite(r["trends_chart_ratio"])
    assert r["trends_chart_ratio"] == pytest.approx(r["trends_chart_s"] / r["bare_chart_s"])
    for key in ("dashboard_peak_mb", "bare_peak_mb", "ratio"):
        assert finite(m[key]) and m[key] > 0, (key, m)
    assert m["dashboard_peak_mb"] >= m["dashboard_rss_mb"]


def test_optional_sections_report_figures_or_say_why_not(quick):
    results = quick[1]
    for key, module in (("load", "load.py"), ("deck", "briefing.py")):
        r = results[key]
        if (ROOT / "bench" / module).is_file():
            assert "skipped" not in r and "error" not in r, r
            assert any(finite(v) for v in r.values()), r
        else:
            assert "is not there yet" in r["skipped"]


def test_summary_table_has_one_row_per_headline_figure():
    results = {"import": {"rows": 10, "import_s": 0.3, "calamine_s": 0.2, "ratio": 1.5, "import_peak_mb": 2.0,
                          "calamine_peak_mb": 1.0, "memory_ratio": 2.0},
               "browser": {"skipped": "no chromium"}, "load": {"sessions": 4, "errors": ["boom"]}}
    rows = summary_rows(results)
    assert [r[0] for r in rows] == ["import", "import", "browser", "load", "load"]
    assert ("load", "errors", "1", "", None, "0") in rows
    lines = render(rows).splitlines()
    assert len(lines) == 2 + len(rows) and len({len(line) for line in lines}) == 1
    assert "1.50×" in lines[2]

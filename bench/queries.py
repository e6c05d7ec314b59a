"""Key queries on a generated database of 1,000,000 score rows, beside the same calls on the demo data.

The calls are the ones the CLI and the pages make (service.scores, service.changes, goals.evaluate_goals,
analysis.component_table for the heatmap, analysis.unit_leaderboard), so Python's share is counted too. Baseline:
the same call on the demo data (35,000 rows) in the same run — the ratio says how a query grows when the store
grows ~28× (≈1 when it reads only what it needs, ≈28 when it scales with the whole table). A full scan of the large
score table (sum of two columns) is also timed, to show each query's cost in table scans.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from bench import data
from reformdash import analysis, goals, service
from reformdash.store import Store

SCAN = "SELECT count(*), sum(value), max(rank) FROM score"


def calls(store: Store, parent: str, unit_index: str) -> dict:
    """name → (description, zero-argument call) for one database."""
    return {
        "scores": ("scores --index PCI --entity 'Quảng Ninh'", lambda: service.scores(store, "PCI", entity="22")),
        "scores_year": ("scores --index PCI --year 2019", lambda: service.scores(store, "PCI", year=2019)),
        "changes": ("changes --index PCI --from 2018 --to 2019", lambda: service.changes(store, "PCI", 2018, 2019)),
        "goals_status": ("goals status (every goal of the plan)", lambda: goals.evaluate_goals(store)),
        "heatmap": ("heatmap: PCI components 2019 with 2018", lambda: analysis.component_table(store, "PCI", 2019)),
        "units": ("units' leaderboard of one department, last year",
                  lambda: analysis.unit_leaderboard(store, parent, unit_index, _last_year(store, parent, unit_index))),
    }


def _last_year(store: Store, parent: str, index: str) -> int:
    row = store.df("unit_indices", parent_code=parent).set_index("index_code").loc[index]
    return int(row.last_year)


def _unit_target(store: Store) -> tuple[str, str]:
    """The first department with units and its first index (the units page's default)."""
    parent = str(store.df("unit_parents", lang="vi")["code"].iloc[0])
    return parent, str(store.df("unit_indices", parent_code=parent)["index_code"].iloc[0])


def _time(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def _scan(store: Store) -> None:
    cur = store.cursor()
    try:
        cur.execute(SCAN).fetchall()
    finally:
        cur.close()


def run(quick: bool = False) -> dict:
    """Median time of each call on the large database and on the demo data, alternating, one warm-up each."""
    target = 100_000 if quick else 1_000_000
    rounds = 2 if quick else 5
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        small = folder / "demo.duckdb"
        store = service.open_store(str(small))
        service.init(store)
        store.close()
        big = folder / "large.duckdb"
        made = data.sized(big, target, folder / "provinces.duckdb")
        stores = {"large": Store(big), "demo": Store(small)}
        try:
            runs = {name: calls(s, *_unit_target(s)) for name, s in stores.items()}
            times: dict[str, dict[str, list[float]]] = {name: {q: [] for q in runs[name]} for name in stores}
            scans: list[float] = []
            for name in stores:  # warm-up: first-call costs (plans, catalog caches) are not what a reader pays twice
                for _, fn in runs[name].values():
                    fn()
            for _ in range(rounds):
                scans.append(_time(lambda: _scan(stores["large"])))
                for query in runs["large"]:
                    for name in ("large", "demo"):
                        times[name][query].append(_time(runs[name][query][1]))
            demo_rows = int(stores["demo"].rows("score_count")[0][0])
        finally:
            for s in stores.values():
                s.close()
    scan = statistics.median(scans)
    out: dict = {"score_rows": made["scores"], "units": made["units"], "generate_s": made["seconds"],
                 "demo_score_rows": demo_rows, "rounds": rounds, "scan_s": scan, "queries": {}}
    for query, (what, _) in runs["large"].items():
        large, small_t = statistics.median(times["large"][query]), statistics.median(times["demo"][query])
        out["queries"][query] = {"call": what, "large_s": large, "demo_s": small_t, "ratio": large / small_t,
                                 "scans": large / scan}
    return out


def detail(r: dict) -> str:
    """The per-query table."""
    lines = [f"Queries: {r['score_rows']:,} generated score rows ({r['units']:,} units; built in "
             f"{r['generate_s']:.1f} s) beside the demo data ({r['demo_score_rows']:,} rows); medians of "
             f"{r['rounds']}; full scan of the large table {r['scan_s'] * 1000:.1f} ms",
             f"{'query':<14}{'large':>10}{'demo':>10}{'×demo':>8}{'×scan':>8}  call"]
    for name, q in r["queries"].items():
        lines.append(f"{name:<14}{q['large_s'] * 1000:8.1f}ms{q['demo_s'] * 1000:8.1f}ms{q['ratio']:8.2f}"
                     f"{q['scans']:8.1f}  {q['call']}")
    return "\n".join(lines)


def table(r: dict) -> list[tuple]:
    """Rows (figure, measured, baseline, ratio, goal) for the summary table."""
    return [(f"query {name} on {r['score_rows']:,} rows vs demo data", f"{q['large_s'] * 1000:.1f} ms",
             f"{q['demo_s'] * 1000:.1f} ms", q["ratio"], "— (watch)") for name, q in r["queries"].items()]

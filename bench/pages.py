"""Page speed: each page's script time under Streamlit's AppTest against a bare one-line page, in one run.

Databases: the demo data, and a generated large one (63 provinces then 34 × 20 years × 4 indices with their
components, plus 500 units × 30 criteria × 10 years). Cold = the first run of a page (caches empty); warm = the
median of later reruns (what a reader pays when clicking around). Goal (issue 3): warm ≤ 3× the floor on the demo.
"""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
from pathlib import Path

import pandas as pd

from reformdash import service
from reformdash.catalog import Catalog
from reformdash.catalog_admin import add_index, add_unit
from reformdash.registry import Registry
from reformdash.store import ROOT, Store, bump_version, query_text

PAGES = ["overview", "trends", "ranks", "components", "compare", "units", "goals"]
FLOOR = 'import streamlit as st\nst.write("reformdash")\n'


def large_database(path: Path, seed: int = 5) -> None:
    """Fill a database with generated figures of realistic size (written directly, not through the importer)."""
    store = Store(path)
    store.migrate()
    catalog, registry = Catalog.load(store), Registry.load(store)
    rng = random.Random(seed)
    provinces = [e for e in registry.entities.values() if e.kind == "province" and e.code != "28"]
    rows = []
    for index in ("PAR_INDEX", "SIPAS", "PAPI", "PCI"):
        idx = catalog.indices[index]
        for year in range(2006, 2026):
            field = [e for e in provinces if e.valid_in(year) and (year < 2025 or e.valid_to is None)]
            comps = [""] + [c.code for c in catalog.components_in(index, year) if not c.parent_code]
            for comp in comps:
                hi = idx.scale_max if comp == "" else (10 if index in ("PCI", "PAPI") else 100)
                values = {e.code: rng.uniform(hi * 0.4, hi * 0.9) for e in field}
                ranked = sorted(values, key=lambda c: -values[c])
                for rank, code in enumerate(ranked, 1):
                    rows.append((index, year, code, comp, values[code], rank, len(field), None))
    add_index(store, "UNITS30", "Chỉ số thử 30 tiêu chí", components=[(f"tc{i}", f"Tiêu chí {i}") for i in range(30)])
    add_unit(store, "BIG", "Sở thử nghiệm lớn", "22")
    for u in range(500):
        add_unit(store, f"BIG-{u}", f"Đơn vị thử {u}", "BIG")
    for year in range(2016, 2026):
        for comp in [""] + [f"tc{i}" for i in range(30)]:
            values = {u: rng.uniform(50, 100) for u in range(500)}
            ranked = sorted(values, key=lambda u: -values[u])
            for rank, u in enumerate(ranked, 1):
                rows.append(("UNITS30", year, f"BIG-{u}", comp, values[u], rank, 500, None))
    frame = pd.DataFrame(rows, columns=["index_code", "year", "entity_code", "component_code", "value", "rank",
                                        "rank_of", "tier"])
    with store.transaction() as tx:
        batch = tx.execute(query_text("batch_insert"), {
            "file_name": "generated", "sha256": "-", "sheet": None, "index_code": "*", "years": "2006-2025",
            "user_name": "bench", "added": len(frame), "changed": 0, "unchanged": 0, "is_sample": True,
            "content": None}).fetchone()[0]
        frame["batch_id"] = batch
        tx.register("new_rows", frame)
        tx.execute(query_text("score_insert_rows"))
        tx.unregister("new_rows")
        bump_version(tx)
    store.close()
    print(f"generated database: {len(frame):,} scores")


def time_page(page: str | None, reruns: int) -> tuple[float, float]:
    """(cold, warm median) seconds of one page's script run under AppTest."""
    from streamlit.testing.v1 import AppTest

    if page is None:
        at = AppTest.from_string(FLOOR, default_timeout=300)
    else:
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=300)
    t0 = time.perf_counter()
    if page in (None, "overview"):
        at.run()
    else:
        at.switch_page(f"pages/{page}.py").run()
    cold = time.perf_counter() - t0
    assert not at.exception, [e.message for e in at.exception]
    warm = []
    for _ in range(reruns):
        t0 = time.perf_counter()
        at.run()
        warm.append(time.perf_counter() - t0)
    return cold, statistics.median(warm)


def run(quick: bool = False) -> int:
    """Print the table of page times for the demo and the large database."""
    import streamlit as st

    reruns = 2 if quick else 5
    with tempfile.TemporaryDirectory() as tmp:
        demo = Path(tmp) / "demo.duckdb"
        store = service.open_store(str(demo))
        service.init(store)
        store.close()
        targets = [("demo", demo)]
        if not quick:
            big = Path(tmp) / "large.duckdb"
            large_database(big)
            targets.append(("large", big))
        print(f"{'database':<10}{'page':<12}{'cold s':>9}{'warm s':>9}{'warm/floor':>12}")
        worst = 0.0
        for name, path in targets:
            os.environ["REFORMDASH_DB"] = str(path)
            st.cache_data.clear()
            st.cache_resource.clear()
            floor_cold, floor = time_page(None, reruns)
            print(f"{name:<10}{'(floor)':<12}{floor_cold:9.3f}{floor:9.3f}{1:12.2f}")
            for page in PAGES:
                cold, warm = time_page(page, reruns)
                ratio = warm / floor
                if name == "demo":
                    worst = max(worst, ratio)
                print(f"{name:<10}{page:<12}{cold:9.3f}{warm:9.3f}{ratio:12.2f}")
            st.cache_resource.clear()  # close nothing explicitly: the store goes with the process
        print(f"worst warm/floor on the demo data: {worst:.2f} (goal ≤ 3.00)")
    return 0

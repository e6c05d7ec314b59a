"""Import speed against python-calamine's bare read, measured side by side.

Generates an xlsx of unit results (long layout) and times, in one run and alternating, (a) python-calamine reading
every cell of it and (b) the whole import: read + find the table + validate + plan + commit into a fresh DuckDB
file. Reports both medians and the median of the rounds' own ratios (each import against the read just before
it). The goal (issue 2): ratio ≤ 1.5 at 100,000 rows.
"""

from __future__ import annotations

import io
import random
import statistics
import tempfile
import time
import tracemalloc
from pathlib import Path

import python_calamine

from bench.data import run_sql
from reformdash.batches import commit, make_plan
from reformdash.catalog import Catalog
from reformdash.catalog_admin import add_index
from reformdash.ingest.importer import ImportOptions, analyse
from reformdash.ingest.read import check_zip_extent
from reformdash.registry import Registry
from reformdash.store import Store
from reformdash.text import name_key

CRITERIA = [f"tc{i:02d}" for i in range(1, 21)]
GOAL = 1.5


def make_xlsx(rows: int, seed: int = 1) -> bytes:
    """Unit results: Chỉ số, Năm, Đơn vị, Tiêu chí, Điểm — `rows` distinct (unit, year, criterion) rows."""
    import openpyxl

    rng = random.Random(seed)
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Kết quả")
    ws.append(["KẾT QUẢ CHẤM ĐIỂM CẢI CÁCH HÀNH CHÍNH CÁC ĐƠN VỊ"])
    ws.append(["Chỉ số", "Năm", "Đơn vị", "Tiêu chí", "Điểm"])
    n = 0
    years = range(2016, 2026)
    unit = 0
    while n < rows:
        unit += 1
        for year in years:
            for c in CRITERIA:
                if n >= rows:
                    break
                ws.append(["BENCH", year, f"Đơn vị số {unit}", c, round(rng.uniform(40, 100), 2)])
                n += 1
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def calamine_read(data: bytes) -> int:
    """The floor: python-calamine reading every cell."""
    wb = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    cells = 0
    for name in wb.sheet_names:
        cells += sum(len(r) for r in wb.get_sheet_by_name(name).to_python())
    return cells


def prepared_store(folder: Path, units: int) -> Store:
    """A fresh database with the bench index and its units registered."""
    store = Store(folder / f"bench-{time.perf_counter_ns()}.duckdb")
    store.migrate()
    add_index(store, "BENCH", "Chỉ số thử", components=[(c, f"Tiêu chí {c}") for c in CRITERIA])
    with store.transaction() as tx:  # one statement, not add_unit() per unit: setup is not what is measured
        run_sql(tx, "import_units", {"units": units, "alias_prefix": name_key("Đơn vị số ")})
    return store


def full_import(store: Store, data: bytes) -> int:
    """Read + detect + validate + plan + commit."""
    catalog, registry = Catalog.load(store), Registry.load(store)
    analysis = analyse(data, "bench.xlsx", catalog, registry,
                       ImportOptions(level="unit", parent="BENCH-P"))
    plan = make_plan(store, analysis)
    commit(store, plan, "bench")
    return len(plan.added)


def run(quick: bool = False, rows: int | None = None) -> dict:
    """Medians of calamine's read and of the full import, the median of the rounds' ratios, and the peak Python
    memory of each."""
    rows = rows or (10_000 if quick else 100_000)
    rounds = 3 if quick else 7
    data = make_xlsx(rows)
    units = -(-rows // (10 * len(CRITERIA)))
    read_times, import_times, scan_times = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for _ in range(rounds):
            store = prepared_store(folder, units)  # setup is not timed
            t0 = time.perf_counter()
            calamine_read(data)
            t1 = time.perf_counter()
            added = full_import(store, data)
            t2 = time.perf_counter()
            check_zip_extent(data, "bench.xlsx")  # the import's own safety scan, timed alone
            t3 = time.perf_counter()
            store.close()
            assert added == rows, (added, rows)
            read_times.append(t1 - t0)
            import_times.append(t2 - t1)
            scan_times.append(t3 - t2)
        # memory: Python allocations at their peak (tracemalloc), in a separate untimed pass; DuckDB's own C++
        # memory is not counted by tracemalloc
        store = prepared_store(folder, units)
        tracemalloc.start()
        try:
            calamine_read(data)
            read_peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.reset_peak()
            full_import(store, data)
            import_peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
            store.close()
    read, full, scan = (statistics.median(read_times), statistics.median(import_times),
                        statistics.median(scan_times))
    # each round's import against the read just before it: a slow stretch of the machine then slows both sides of
    # one ratio, where a ratio of two medians could pair a fast read with a slow import
    ratios = [i / r for i, r in zip(import_times, read_times)]
    return {"rows": rows, "xlsx_mb": len(data) / 1e6, "rounds": rounds, "calamine_s": read, "import_s": full,
            "ratio": statistics.median(ratios), "round_ratios": ratios, "goal_ratio": GOAL, "scan_s": scan,
            "scan_ratio": statistics.median(s / r for s, r in zip(scan_times, read_times)),
            "understanding_ratio": statistics.median((i - s) / r for i, s, r in
                                                     zip(import_times, scan_times, read_times)),
            "calamine_peak_mb": read_peak / 1e6,
            "import_peak_mb": import_peak / 1e6, "memory_ratio": import_peak / read_peak}


def table(r: dict) -> list[tuple]:
    """Rows (figure, measured, baseline, ratio, goal) for the summary table."""
    rows = [
        (f"import {r['rows']:,} rows (read+validate+commit) vs calamine read", f"{r['import_s']:.3f} s",
         f"{r['calamine_s']:.3f} s", r["ratio"], f"≤ {GOAL:.1f}× (issue 2)"),
        ("peak Python memory, import vs calamine read", f"{r['import_peak_mb']:.1f} MB",
         f"{r['calamine_peak_mb']:.1f} MB", r["memory_ratio"], "—"),
    ]
    if "scan_s" in r:  # the import's own safety scan, and the import without it
        rows[1:1] = [
            ("  of which the xlsx safety scan before calamine (issue 15 hole 2)", f"{r['scan_s']:.3f} s",
             f"{r['calamine_s']:.3f} s", r["scan_ratio"], "—"),
            ("  the import without that scan vs calamine read", f"{r['import_s'] - r['scan_s']:.3f} s",
             f"{r['calamine_s']:.3f} s", r["understanding_ratio"], f"≤ {GOAL:.1f}×"),
        ]
    return rows

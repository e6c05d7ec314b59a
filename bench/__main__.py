"""python -m bench [--quick]: import speed against python-calamine's bare read, measured side by side.

Generates an xlsx of unit results (long layout) and times, in one run and alternating, (a) python-calamine reading
every cell of it and (b) the whole import: read + find the table + validate + plan + commit into a fresh DuckDB
file. Prints both medians and the ratio. The goal (issue 2): ratio ≤ 1.5 at 100,000 rows.
"""

from __future__ import annotations

import argparse
import io
import random
import statistics
import tempfile
import time
from pathlib import Path

import python_calamine

from reformdash.batches import commit, make_plan
from reformdash.catalog import Catalog
from reformdash.catalog_admin import add_index, add_unit
from reformdash.ingest.importer import ImportOptions, analyse
from reformdash.registry import Registry
from reformdash.store import Store

CRITERIA = [f"tc{i:02d}" for i in range(1, 21)]


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
    add_unit(store, "BENCH-P", "Sở thử nghiệm", "22")
    for u in range(1, units + 1):
        add_unit(store, f"BENCH-{u}", f"Đơn vị số {u}", "BENCH-P")
    return store


def full_import(store: Store, data: bytes) -> int:
    """Read + detect + validate + plan + commit."""
    catalog, registry = Catalog.load(store), Registry.load(store)
    analysis = analyse(data, "bench.xlsx", catalog, registry,
                       ImportOptions(level="unit", parent="BENCH-P"))
    plan = make_plan(store, analysis)
    commit(store, plan, "bench")
    return len(plan.added)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks and print their tables."""
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--quick", action="store_true", help="small sizes, few rounds (a smoke run)")
    parser.add_argument("--rows", type=int, default=None)
    parser.add_argument("--only", choices=["import", "pages"], help="run one benchmark")
    args = parser.parse_args(argv)
    if args.only != "pages":
        import_benchmark(args)
    if args.only != "import":
        from bench.pages import run

        print()
        run(quick=args.quick)
    return 0


def import_benchmark(args) -> int:
    """Import speed against python-calamine's read, side by side."""
    rows = args.rows or (10_000 if args.quick else 100_000)
    rounds = 3 if args.quick else 5
    data = make_xlsx(rows)
    units = -(-rows // (10 * len(CRITERIA)))
    read_times, import_times = [], []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for _ in range(rounds):
            store = prepared_store(folder, units)  # setup is not timed
            t0 = time.perf_counter()
            calamine_read(data)
            t1 = time.perf_counter()
            added = full_import(store, data)
            t2 = time.perf_counter()
            store.close()
            assert added == rows, (added, rows)
            read_times.append(t1 - t0)
            import_times.append(t2 - t1)
    read, full = statistics.median(read_times), statistics.median(import_times)
    print(f"rows: {rows:,}  xlsx size: {len(data) / 1e6:.1f} MB  rounds: {rounds} (medians)")
    print(f"{'python-calamine read only':<34}{read:8.3f} s")
    print(f"{'reformdash import (read+validate+commit)':<34}{full:8.3f} s")
    print(f"{'ratio':<34}{full / read:8.2f} x   (goal ≤ 1.50)")
    # memory: Python allocations at their peak (tracemalloc), in a separate untimed pass; DuckDB's own C++
    # memory is not counted by tracemalloc
    import tracemalloc

    with tempfile.TemporaryDirectory() as tmp:
        store = prepared_store(Path(tmp), units)
        tracemalloc.start()
        calamine_read(data)
        read_peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.reset_peak()
        full_import(store, data)
        import_peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        store.close()
    print(f"{'peak Python memory, calamine read':<34}{read_peak / 1e6:8.1f} MB")
    print(f"{'peak Python memory, import':<34}{import_peak / 1e6:8.1f} MB")
    print(f"{'memory ratio':<34}{import_peak / read_peak:8.2f} x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

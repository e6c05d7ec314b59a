"""Generated databases of realistic shape and any size, written by DuckDB set operations (no Python row loops).

Provinces: the four indices × 2006–2025 × their top-level components, over the field of each year (63 provinces,
34 after the 1 July 2025 merger). Units: departments under Quảng Ninh, each with its units × criteria × years.
Values are a hash of the key, so a run is reproducible; ranks are computed by window functions.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pandas as pd

from reformdash.catalog import Catalog
from reformdash.catalog_admin import add_index
from reformdash.registry import Registry
from reformdash.store import Store, bump_version, query_text
from reformdash.text import name_key

SQL = Path(__file__).resolve().parent / "sql"
PROVINCE_INDICES = ("PAR_INDEX", "SIPAS", "PAPI", "PCI")
PROVINCE_YEARS = range(2006, 2026)
UNIT_INDEX = "UNITS30"


def sql(name: str) -> str:
    """The SQL of bench/sql/<name>.sql."""
    return (SQL / f"{name}.sql").read_text(encoding="utf-8")


def run_sql(tx, name: str, params: dict) -> None:
    """Run each statement of bench/sql/<name>.sql with the parameters it names."""
    body = "\n".join(line for line in sql(name).splitlines() if not line.startswith("--"))
    for statement in filter(str.strip, body.split(";")):
        tx.execute(statement, {k: params[k] for k in set(re.findall(r"\$(\w+)", statement))} or None)


def province_combos(catalog: Catalog) -> pd.DataFrame:
    """(index, year, component, lo, hi) for every overall and top-level component score of the provinces."""
    rows = []
    for index in PROVINCE_INDICES:
        idx = catalog.indices[index]
        for year in PROVINCE_YEARS:
            comps = [""] + [c.code for c in catalog.components_in(index, year) if not c.parent_code]
            for comp in comps:
                hi = idx.scale_max if comp == "" else (10 if index in ("PCI", "PAPI") else 100)
                rows.append((index, year, comp, hi * 0.4, hi * 0.9))
    return pd.DataFrame(rows, columns=["index_code", "year", "component_code", "lo", "hi"])


def province_field(registry: Registry) -> pd.DataFrame:
    """Provinces with the years they existed (Hà Tây, 28, left out: it ended in 2008)."""
    rows = [(e.code, e.valid_from.year if e.valid_from else 0, e.valid_to.year if e.valid_to else 9999,
             e.valid_to is None)
            for e in registry.entities.values() if e.kind == "province" and e.code != "28"]
    return pd.DataFrame(rows, columns=["entity_code", "first_year", "last_year", "open"])


def unit_rows_each(criteria: int, years: range) -> int:
    """Score rows one unit adds: (overall + criteria) × years."""
    return (criteria + 1) * len(years)


def generate(path: Path, units: int, per_parent: int = 500, criteria: int = 30,
             unit_years: range = range(2016, 2026), goals: bool = True) -> dict:
    """Create the database at `path`; returns {"scores": rows, "units": n, "seconds": time to build}."""
    t0 = time.perf_counter()
    store = Store(path)
    try:
        store.migrate()
        catalog, registry = Catalog.load(store), Registry.load(store)
        add_index(store, UNIT_INDEX, "Chỉ số thử 30 tiêu chí", components=[(f"tc{i}", f"Tiêu chí {i}")
                                                                           for i in range(criteria)])
        parents = max(1, -(-units // per_parent))
        with store.transaction() as tx:
            run_sql(tx, "units", {"parents": parents, "units": units, "alias_prefix": name_key("Đơn vị thử ")})
            batch = tx.execute(query_text("batch_insert"), {
                "file_name": "generated", "sha256": "-", "sheet": None, "index_code": "*", "years": "2006-2025",
                "user_name": "bench", "added": 0, "changed": 0, "unchanged": 0, "is_sample": True,
                "content": None, "unused": None}).fetchone()[0]
            tx.register("combos", province_combos(catalog))
            tx.register("field", province_field(registry))
            run_sql(tx, "province_scores", {"batch_id": batch})
            tx.unregister("combos")
            tx.unregister("field")
            run_sql(tx, "unit_scores", {
                "batch_id": batch, "index_code": UNIT_INDEX, "units": units, "parents": parents,
                "first_year": unit_years.start, "last_year": unit_years.stop - 1,
                "components": [""] + [f"tc{i}" for i in range(criteria)]})
            if goals:
                run_sql(tx, "goals", {"index_code": UNIT_INDEX})
            scores = tx.execute("SELECT count(*) FROM score").fetchone()[0]
            tx.execute("UPDATE batch SET added = $n WHERE id = $id", {"n": scores, "id": batch})
            bump_version(tx)
    finally:
        store.close()
    return {"scores": int(scores), "units": units, "parents": parents, "seconds": time.perf_counter() - t0}


def province_rows(path: Path) -> int:
    """Score rows the provinces part alone adds (measured on a throwaway database)."""
    info = generate(path, units=0, goals=False)
    return info["scores"]


def sized(path: Path, target: int, scratch: Path, criteria: int = 30, unit_years: range = range(2016, 2026)) -> dict:
    """A database of at least `target` score rows: the provinces, then as many units as it takes."""
    provinces = province_rows(scratch)
    units = max(1, -(-(target - provinces) // unit_rows_each(criteria, unit_years)))
    return generate(path, units=units, per_parent=100, criteria=criteria, unit_years=unit_years)

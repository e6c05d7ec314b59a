"""Build the demo data: tidy CSV from the real workbooks (through the importer) and a labelled sample.

python -m reformdash.demo --real ../shared/data/real      rewrites data/demo/*.csv
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

import pandas as pd

from reformdash.catalog import Catalog
from reformdash.ingest.importer import ImportOptions, analyse
from reformdash.registry import Registry
from reformdash.store import ROOT, Store

DEMO = ROOT / "data" / "demo"
DEMO_COLUMNS = ["index", "year", "entity_code", "entity_name", "component", "value", "rank", "rank_of", "tier"]
# Real sources, in order of preference: an earlier source wins where two hold the same figure.
SOURCES = {
    # PCI 2020: VCCI's ranking page (score and rank, no sub-indices), transcribed in ../shared/data/real/tidy
    "pci.csv": [f"pci/PCI {y}.{'xls' if y <= 2011 else 'xlsx'}" for y in range(2005, 2020)]
    + ["tidy/pci_2020_vcci_web.csv"],
    "papi.csv": ["papi/PAPI 2011-2019.xlsx", "papi/PAPI 2018 FULL vie.xlsx",
                 "papi/2019_PAPI_Provincial_indicators2019_VIE_ENG.xlsx"],
}
SAMPLE_PARENT = "22-SYT"
# The sample department's units and the headers of its scoring file are sample content: data, not code.
SAMPLE_SPEC = json.loads((DEMO / "sample_units.json").read_text(encoding="utf-8"))
SAMPLE_UNITS: list[str] = SAMPLE_SPEC["units"]


def tidy_from_sources(store: Store, real: Path, sources: list[str]) -> pd.DataFrame:
    """Import each source with the project's importer and stack the results."""
    catalog, registry = Catalog.load(store), Registry.load(store)
    frames = []
    for relative in sources:
        path = real / relative
        analysis = analyse(path.read_bytes(), path.name, catalog, registry, ImportOptions())
        frame = analysis.scores.copy()
        frame["source"] = relative
        frames.append(frame)
    scores = pd.concat(frames, ignore_index=True)
    scores = scores.drop_duplicates(["index_code", "year", "entity_code", "component_code"], keep="first")
    names = {code: e.name_vi for code, e in registry.entities.items()}
    out = pd.DataFrame({
        "index": scores["index_code"], "year": scores["year"], "entity_code": scores["entity_code"],
        "entity_name": scores["entity_code"].map(names), "component": scores["component_code"],
        "value": scores["value"].round(6), "rank": scores["rank"], "rank_of": scores["rank_of"],
        "tier": scores["tier"],
    })
    return out.sort_values(["index", "year", "component", "entity_code"]).reset_index(drop=True)


def sample_provinces(store: Store, index_code: str, years: range, seed: int) -> pd.DataFrame:
    """Labelled sample figures (mẫu) for an index published only as images: a seeded random walk."""
    catalog, registry = Catalog.load(store), Registry.load(store)
    rng = random.Random(seed)
    provinces = [e for e in registry.entities.values() if e.kind == "province" and e.code != "28"]
    level = {e.code: rng.uniform(80, 90) for e in provinces}
    rows = []
    for year in years:
        alive = [e for e in provinces if e.valid_in(year) and (year < 2025 or e.valid_to is None)]
        for e in alive:
            level[e.code] = min(97.5, max(70.0, level[e.code] + rng.gauss(0.4, 1.6)))
            rows.append((year, e.code, e.name_vi, "", round(level[e.code], 2)))
            for comp in catalog.components_in(index_code, year):
                share = min(99.0, max(40.0, level[e.code] + rng.gauss(0, 6)))
                rows.append((year, e.code, e.name_vi, comp.code, round(share, 2)))
    frame = pd.DataFrame(rows, columns=["year", "entity_code", "entity_name", "component", "value"])
    frame.insert(0, "index", index_code)
    return frame


def sample_units(seed: int) -> pd.DataFrame:
    """Labelled sample results of a health department's units on its own PAR-style criteria."""
    rng = random.Random(seed)
    criteria = ["chi_dao", "the_che", "tthc", "to_chuc_bo_may", "cong_vu", "tai_chinh_cong", "chuyen_doi_so",
                "hai_long"]
    rows = []
    level = {u: rng.uniform(72, 88) for u in SAMPLE_UNITS}
    for year in range(2020, 2026):
        for unit in SAMPLE_UNITS:
            level[unit] = min(98.0, max(60.0, level[unit] + rng.gauss(0.8, 2.0)))
            rows.append(("SYT_CCHC", year, unit, "", round(level[unit], 2)))
            for c in criteria:
                rows.append(("SYT_CCHC", year, unit, c, round(min(100.0, max(30.0, level[unit] + rng.gauss(0, 7))), 2)))
    return pd.DataFrame(rows, columns=SAMPLE_SPEC["columns"])


def main(argv: list[str] | None = None) -> int:
    """Rewrite data/demo from the real workbooks and the seeded sample."""
    parser = argparse.ArgumentParser(prog="python -m reformdash.demo")
    parser.add_argument("--real", default=str(ROOT.parent / "shared" / "data" / "real"))
    args = parser.parse_args(argv)
    real = Path(args.real)
    store = Store(":memory:")
    store.migrate()
    DEMO.mkdir(parents=True, exist_ok=True)
    for name, sources in SOURCES.items():
        frame = tidy_from_sources(store, real, sources)
        frame.to_csv(DEMO / name, index=False, lineterminator="\n")
        print(f"{name}: {len(frame)} rows from {len(sources)} workbooks")
    sample_provinces(store, "PAR_INDEX", range(2018, 2026), 7).to_csv(
        DEMO / "sample_par_index.csv", index=False, lineterminator="\n")
    sample_provinces(store, "SIPAS", range(2018, 2026), 11).to_csv(
        DEMO / "sample_sipas.csv", index=False, lineterminator="\n")
    sample_units(13).to_csv(DEMO / "sample_units.csv", index=False, lineterminator="\n")
    print("sample_par_index.csv, sample_sipas.csv, sample_units.csv: seeded sample (labelled SAMPLE)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The big inputs (a 1,000,000-row sheet, 16,384 columns, a 1,000,000-line CSV), made once and cached on disk."""

from __future__ import annotations

import csv
import os
import tempfile
from pathlib import Path

from tests.fuzz.xlsx import write_xlsx

VERSION = 2  # bump when a generator changes, so stale cached files are not reused
REPO = Path(__file__).resolve().parent.parent.parent
MAX_ROWS = 1_048_576
MAX_COLS = 16_384


def cache_dir() -> Path:
    """$REFORMDASH_FUZZ_CACHE, else a folder in the system's temporary directory."""
    path = Path(os.environ.get("REFORMDASH_FUZZ_CACHE") or Path(tempfile.gettempdir()) / "reformdash-fuzz-cache")
    path.mkdir(parents=True, exist_ok=True)
    return path


def province_names() -> list[str]:
    """The 63 provinces of 2019, from the reference data."""
    with open(REPO / "data" / "reference" / "entities.csv", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["kind"] == "province"]
    return [r["name_vi"] for r in rows if (r["valid_from"] or "0")[:4] <= "2019" <= (r["valid_to"] or "9999")[:4]]


def _cached(name: str, make) -> Path:
    path = cache_dir() / f"v{VERSION}-{name}"
    if not path.is_file():
        tmp = path.with_suffix(path.suffix + ".part")
        make(tmp)
        tmp.replace(path)  # atomic: a killed run never leaves a half-written file under the real name
    return path


def million_rows_xlsx() -> Path:
    """PCI 2019 with 1,000,000 data rows (the provinces over and over): every repeat is a duplicate."""
    names = province_names()

    def rows():
        yield ["Tỉnh", "PCI 2019", "Xếp hạng"]
        for i in range(1_000_000):
            yield [names[i % len(names)], 50 + (i % 997) / 100, i % 63 + 1]

    return _cached("pci_2019_million_rows.xlsx", lambda p: write_xlsx(p, {"PCI 2019": rows()}))


def full_height_xlsx() -> Path:
    """Every row Excel allows (1,048,576): one good table on top, a stray value in the very last row."""
    names = province_names()

    def rows():
        yield ["Tỉnh", "PCI 2019"]
        for i, name in enumerate(names):
            yield [name, 60 + i / 10]
        for _ in range(MAX_ROWS - len(names) - 2):
            yield []
        yield ["", 1]

    return _cached("pci_2019_full_height.xlsx", lambda p: write_xlsx(p, {"PCI 2019": rows()}))


def widest_xlsx() -> Path:
    """PCI 2019 with 16,384 columns (Excel's limit): the provinces in column A, a number in every other cell."""
    names = province_names()

    def rows():
        yield ["Tỉnh", "PCI"] + [f"Chỉ tiêu {c}" for c in range(2, MAX_COLS)]
        for r, name in enumerate(names):
            yield [name] + [((r * 7 + c * 13) % 1000) / 10 for c in range(1, MAX_COLS)]

    return _cached("pci_2019_widest.xlsx", lambda p: write_xlsx(p, {"PCI 2019": rows()}))


def provinces_as_columns_xlsx() -> Path:
    """16,384 columns the other way round: provinces across the top repeated to the last column (duplicates)."""
    names = province_names()

    def rows():
        yield ["Năm 2019"] + [names[c % len(names)] for c in range(MAX_COLS - 1)]
        yield ["PCI"] + [50 + (c % 500) / 10 for c in range(MAX_COLS - 1)]

    return _cached("pci_2019_wide_provinces.xlsx", lambda p: write_xlsx(p, {"PCI 2019": rows()}))


def million_lines_csv() -> Path:
    """A 1,000,000-line CSV (about 20 MB, under the 25 MB upload bound): provinces repeated."""
    names = province_names()

    def make(path: Path) -> None:
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write("Tỉnh;PCI 2019;Xếp hạng\n")
            for i in range(1_000_000):
                value = f"{50 + (i % 997) / 100:.2f}".replace(".", ",")  # decimal commas, as ';' files have
                f.write(f"{names[i % len(names)]};{value};{i % 63 + 1}\n")

    return _cached("pci_2019_million_lines.csv", make)


BIG = {
    "million_rows_xlsx": million_rows_xlsx,
    "full_height_xlsx": full_height_xlsx,
    "widest_xlsx": widest_xlsx,
    "provinces_as_columns_xlsx": provinces_as_columns_xlsx,
    "million_lines_csv": million_lines_csv,
}

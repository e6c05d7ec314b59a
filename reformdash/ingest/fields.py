"""What a rank is out of: the field of a year (provinces or ministries in force, a parent's units)."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np

from reformdash.registry import Registry

FIELDS_CSV = Path(__file__).resolve().parents[2] / "data" / "reference" / "fields.csv"


@cache
def published_fields() -> dict[tuple[str, int, str], int]:
    """Fields the registry cannot tell: (index, year, kind) -> how many the publisher ranked (PCI 2005: 42)."""
    with FIELDS_CSV.open(encoding="utf-8") as f:
        return {(r["index_code"], int(r["year"]), r["kind"]): int(r["field"]) for r in csv.DictReader(f)}


@dataclass
class Fields:
    """The fields of an import: which entities each table lists, and the size of each year's field."""

    registry: Registry
    parent: str | None
    new_units: dict[str, dict] = field(default_factory=dict)
    listed: dict[int, set] = field(default_factory=dict)  # wide table (part) -> entity codes it lists
    _sizes: dict = field(default_factory=dict)

    def size(self, index_code: str, year: int, entity_code: str) -> int | None:
        """How many entities that year's field holds, for the kind (and parent) of an entity in it."""
        entity = self.registry.entities.get(entity_code)
        kind = entity.kind if entity is not None else ("unit" if entity_code in self.new_units else None)
        if kind is None:
            return None
        parent = (entity.parent_code if entity is not None else self.parent) if kind == "unit" else None
        key = (index_code, year, kind, parent)
        if key not in self._sizes:
            published = published_fields().get((index_code, year, kind))
            if published is not None:
                self._sizes[key] = published
            else:
                members = self.registry.field(kind, year, parent)
                extra = [c for c, u in self.new_units.items() if kind == "unit" and u.get("parent_code") == parent]
                self._sizes[key] = len(members) + len(extra) or None
        return self._sizes[key]

    def coverage(self, gid: np.ndarray, parts: np.ndarray, entities: np.ndarray, present: np.ndarray,
                 index_codes: np.ndarray, years: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Per group: the field's size (NaN if unknown) and whether the file lists the whole field.

        A wide table lists an entity even where its value is missing (N/A, KCDL): PAPI 2014 is a whole table with
        two provinces without data. A long table lists only the rows it has.
        """
        n_groups = int(gid.max()) + 1 if len(gid) else 0
        sizes = np.full(n_groups, np.nan)
        covered = np.zeros(n_groups, dtype=bool)
        order = np.argsort(gid, kind="stable")
        bounds = np.flatnonzero(np.r_[True, gid[order][1:] != gid[order][:-1], True])
        for a, b in zip(bounds[:-1], bounds[1:]):
            rows = order[a:b]
            g = int(gid[rows[0]])
            size = self.size(str(index_codes[rows[0]]), int(years[rows[0]]), str(entities[rows[0]]))
            if size is None:
                continue
            sizes[g] = size
            seen = set(entities[rows[present[rows]]].tolist())
            for part in set(parts[rows].tolist()):
                seen |= self.listed.get(part, set())
            covered[g] = len(seen) >= size
        return sizes, covered

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

    def members(self, index_code: str, year: int, entity_code: str) -> tuple[set, bool] | None:
        """(the field's members, whether more may count) for the kind (and parent) of an entity in it.

        Provinces and ministries: the registry's in force on 1 July (or a published size, fields.csv). Units: the
        parent's units this index has scored in any year; the units the file lists are added by coverage().
        """
        entity = self.registry.entities.get(entity_code)
        kind = entity.kind if entity is not None else ("unit" if entity_code in self.new_units else None)
        if kind is None:
            return None
        parent = (entity.parent_code if entity is not None else self.parent) if kind == "unit" else None
        key = (index_code, year, kind, parent)
        if key not in self._sizes:
            published = published_fields().get((index_code, year, kind))
            if published is not None:
                self._sizes[key] = (published, False)
            elif kind == "unit":
                scored = self.registry.unit_history.get((index_code, parent), set())
                self._sizes[key] = ({c for c in self.registry.field(kind, year, parent) if c in scored}, True)
            else:
                self._sizes[key] = (set(self.registry.field(kind, year, parent)) or None, False)
        return self._sizes[key] if self._sizes[key][0] is not None else None

    def coverage(self, gid: np.ndarray, parts: np.ndarray, entities: np.ndarray, present: np.ndarray,
                 index_codes: np.ndarray, years: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Per group: the field's size (NaN if unknown) and whether the file lists the whole field.

        A wide table lists an entity even where its value is missing (N/A, KCDL): PAPI 2014 is a whole table with
        two provinces without data. A long table lists only the rows it has. A unit index's field is the units it
        has scored before and the units this file lists (a department's sheet of all its units is whole the first
        time; two corrected units over a stored year of fourteen are not).
        """
        n_groups = int(gid.max()) + 1 if len(gid) else 0
        sizes = np.full(n_groups, np.nan)
        covered = np.zeros(n_groups, dtype=bool)
        order = np.argsort(gid, kind="stable")
        bounds = np.flatnonzero(np.r_[True, gid[order][1:] != gid[order][:-1], True])
        for a, b in zip(bounds[:-1], bounds[1:]):
            rows = order[a:b]
            g = int(gid[rows[0]])
            found = self.members(str(index_codes[rows[0]]), int(years[rows[0]]), str(entities[rows[0]]))
            if found is None:
                continue
            members, grows = found
            seen = set(entities[rows[present[rows]]].tolist())
            for part in set(parts[rows].tolist()):
                seen |= self.listed.get(part, set())
            if isinstance(members, int):  # a size the publisher states (PCI 2005: 42)
                sizes[g], covered[g] = members, len(seen) >= members
                continue
            whole = members | seen if grows else members
            sizes[g] = len(whole)
            covered[g] = bool(whole) and whole <= seen
        return sizes, covered

"""One entity's profile: a table with no name column, the entity named in the title, sheet or file name.

Rows and columns say the rest: a row or column is a year (2018, `Năm` over 2011 | 2012), an index (`PCI`, `Chỉ số
cải cách hành chính`), a component (`Tiếp cận đất đai`), the overall score (`Tổng điểm`) or a measure (`Điểm`,
`Xếp hạng`, `Xếp loại`); a year merged over a score/rank pair counts for both columns. Each value cell becomes a
long-table observation at its own place in the sheet, so messages name the cell the user sees.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from reformdash.catalog import Catalog
from reformdash.ingest import headers
from reformdash.ingest.extract import RAW_COLUMNS
from reformdash.ingest.layout import Column, EntityFinder, Layout, cell_text, is_number, row_is_blank
from reformdash.text import YEAR_RE, is_missing, words, years_in

MEASURES = ("rank", "tier")


@dataclass
class Label:
    """What one row label or column header says."""

    text: str = ""
    year: int | None = None
    index: str | None = None
    measure: str | None = None  # value | rank | tier | skip (notes, order…)
    component: bool = False  # a component's name, or the overall (resolved later, with its index)
    overall: bool = False

    @property
    def meaningful(self) -> bool:
        return bool(self.year or self.index or self.measure or self.component or self.overall)


def entity_in_text(text: str, find: EntityFinder) -> str | None:
    """The one registered entity a title, sheet or file name names (its longest spelling wins), else None."""
    tokens = words(text).split()
    taken = [False] * len(tokens)
    found = set()
    for n in range(min(7, len(tokens)), 0, -1):
        for i in range(len(tokens) - n + 1):
            if any(taken[i:i + n]):
                continue
            span = "".join(tokens[i:i + n])
            if not any(ch.isalpha() for ch in span) or (n == 1 and len(span) < 4):
                continue
            code = find(" ".join(tokens[i:i + n]))
            if code:
                found.add(code)
                taken[i:i + n] = [True] * n
    return found.pop() if len(found) == 1 else None


def read_label(text: str, catalog: Catalog, index_code: str | None) -> Label:
    """A row label's or column header's meaning."""
    label = Label(text)
    if not text:
        return label
    stripped = text.strip()
    if stripped.isdigit() and YEAR_RE.fullmatch(stripped):
        label.year = int(stripped)
        return label
    role = headers.role_of(text)
    if role == "year":
        label.measure = "skip"  # «Năm» heads the year labels
        return label
    if role in MEASURES:
        label.measure = role
        return label
    index = catalog.find_index(text)
    if index:
        label.index, label.overall = index, True
        return label
    allowed = [index_code] if index_code else None
    targets = catalog.match_header(text, allowed)
    if targets and targets[0].component_code:
        label.component = True
        return label
    if targets:  # the index's overall score by one of its names ("Điểm PCI")
        label.index, label.overall, label.measure = targets[0].index_code, True, "value"
        return label
    reading = headers.read_header(text, catalog, index_code)
    ys = years_in(text)
    label.year = ys[0] if len(ys) == 1 and not reading.rest.replace(str(ys[0]), "").strip() else None
    if reading.index_named and not reading.rest:
        label.index, label.overall = reading.index_named, True
    elif reading.role in ("value", "overall"):
        label.measure = "value"
        label.index = reading.index_named
        label.overall = reading.role == "overall" or bool(reading.index_named)
    elif reading.role in MEASURES:
        label.measure = reading.role
    elif reading.role == "target" and reading.target is not None:
        label.component, label.index = True, reading.target.index_code
    elif reading.role and reading.role not in ("entity", "component", "index"):
        label.measure = "skip"  # Ghi chú, STT, Nguồn…
    return label


def header_rows_of(rows: list[list]) -> tuple[list[int], int] | None:
    """(header rows, first data row): the first row of two or more cells, and a second one without numbers."""
    first = next((r for r, row in enumerate(rows[:30])
                  if sum(1 for c in row if not is_missing(c) and str(c).strip()) >= 2), None)
    if first is None:
        return None
    heads = [first]
    below = first + 1
    if below < len(rows) and not row_is_blank(rows[below]) and \
            not any(is_number(c) for c in rows[below][1:] if not is_missing(c)):
        heads.append(below)
        below += 1
    return heads, below


def find_profile(sheet_name: str, rows: list[list], catalog: Catalog, find: EntityFinder,
                 index_hint: str | None, file_name: str) -> Layout | None:
    """The profile table of one entity, or None when the sheet is not one."""
    if not rows or len(rows) > 500:
        return None
    found = header_rows_of(rows)
    if found is None:
        return None
    heads, first = found
    title = " ".join(cell_text(c) for r in range(heads[0]) for c in rows[r] if not is_missing(c))
    entity = next((e for e in (entity_in_text(t, find) for t in (title, sheet_name, file_name)) if e), None)
    if entity is None:
        return None
    index_code = index_hint or next(iter(catalog.indices_in_text(f"{title} {sheet_name} {file_name}")), None)
    last = first
    while last < len(rows) and not row_is_blank(rows[last]):
        lead = next((c for c in rows[last] if not is_missing(c) and str(c).strip()), "")
        if headers.is_end(lead) or headers.is_summary(lead) and not headers.role_of(str(lead)):
            break
        last += 1
    width = max((len(r) for r in rows[heads[0]:last]), default=0)
    label_col = next((c for c in range(width) if any(c < len(rows[r]) and not is_missing(rows[r][c])
                                                      for r in range(first, last))), None)
    if label_col is None:
        return None
    row_labels = {r: read_label(cell_text(rows[r][label_col]), catalog, index_code) for r in range(first, last)}
    if sum(lab.meaningful for lab in row_labels.values()) < max(1, 0.5 * len(row_labels)):
        return None  # the rows are not indices, components, years or measures (a unit sheet without --level)
    if index_code is None:
        index_code = next((lab.index for lab in row_labels.values() if lab.index), None)
    col_labels = {}
    for c in range(label_col + 1, width):
        texts = [cell_text(rows[h][c]) if c < len(rows[h]) else "" for h in heads]
        label = read_label(texts[-1] or texts[0], catalog, index_code)
        if label.year is None:
            # a year merged over a score/rank pair: the nearest filled cell on the left in an upper header row
            for h in heads[:-1] if len(heads) > 1 else heads:
                k = min(c, len(rows[h]) - 1)
                while k > label_col and is_missing(rows[h][k]):
                    k -= 1
                ys = years_in(cell_text(rows[h][k])) if k > label_col else []
                if len(ys) == 1:
                    label.year = ys[0]
                    break
        col_labels[c] = label
    return build(sheet_name, rows, heads, first, last, label_col, row_labels, col_labels, entity, index_code,
                 title, find)


def build(sheet_name, rows, heads, first, last, label_col, row_labels, col_labels, entity, index_code, title,
          find) -> Layout | None:
    """The layout, its observations at their own cells, and the columns it does not use."""
    groups: dict[tuple, dict] = {}
    unknown_cols: set[int] = set()
    for r in range(first, last):
        rl = row_labels[r]
        for c, cl in col_labels.items():
            cell = rows[r][c] if c < len(rows[r]) else ""
            if is_missing(cell) or cl.measure == "skip" or rl.measure == "skip":
                continue
            if not cl.meaningful and not rl.measure:
                unknown_cols.add(c)
                continue
            measure = rl.measure if rl.measure in MEASURES else cl.measure if cl.measure in MEASURES else "value"
            index = rl.index or cl.index or index_code
            year = rl.year or cl.year
            component = None if (rl.overall or rl.measure or rl.year) else rows[r][label_col]
            if component is None and cl.component:
                component = cell_text(rows[heads[-1]][c])
            key = (index, year, cell_text(component) if component else None)
            slot = groups.setdefault(key, {"row": r, "label": label_col})
            if measure == "value" and "value" not in slot:
                slot.update(value=cell, row=r, col=c)
            elif measure in MEASURES:
                slot.setdefault(measure, cell)
    records = [(g["row"], g["col"], index, year, comp, g["value"], g.get("rank"), g.get("tier"))
               for (index, year, comp), g in groups.items() if "value" in g]
    if not records:
        return None
    name = find.registry.entities[entity].name_vi
    n = len(records)
    frame = {k: np.full(n, None, dtype=object) for k in RAW_COLUMNS}
    for i, (r, c, index, year, comp, value, rank, tier) in enumerate(records):
        frame["row"][i], frame["col"][i], frame["entity_col"][i] = r, c, label_col
        frame["entity_raw"][i], frame["index_raw"][i], frame["component_raw"][i] = name, index, comp
        frame["year_raw"][i], frame["value_raw"][i], frame["rank_raw"][i], frame["tier_raw"][i] = \
            year, value, rank, tier
        frame["index_col"][i] = frame["component_col"][i] = frame["year_col"][i] = label_col
    records_frame = pd.DataFrame(frame)
    records_frame[["row", "col", "entity_col"]] = records_frame[["row", "col", "entity_col"]].astype(int)
    layout = Layout(sheet_name, False, rows, [label_col], heads, first, last, [], index_code, [], title, "profile")
    layout.records = records_frame
    layout.profile_entity = entity
    for c, cl in col_labels.items():
        header = " / ".join(t for t in (cell_text(rows[h][c]) if c < len(rows[h]) else "" for h in heads) if t)
        if c in unknown_cols and any(is_number(rows[r][c]) for r in range(first, last) if c < len(rows[r])):
            layout.unknown.append((c, header, None))
        elif cl.measure == "skip":
            if any(not is_missing(rows[r][c]) for r in range(first, last) if c < len(rows[r])):
                layout.unused.append((c, header, headers.role_of(header) or "text"))
        elif cl.meaningful:
            layout.columns.append(Column(c, "value" if cl.measure not in MEASURES else cl.measure, header,
                                         year=cl.year, entity_col=label_col))
    if any(lab.index for lab in row_labels.values()):
        layout.columns.append(Column(label_col, "index", cell_text(rows[heads[-1]][label_col])))
    layout.score = n
    return layout

"""Turn a found table into raw observations, column by column (fast on 100,000 rows)."""

from __future__ import annotations

from operator import itemgetter

import numpy as np
import pandas as pd

from reformdash.ingest.layout import Layout, column_from

# Only numbers and raw cells per row: texts that are the same on every row (headers, sheet) live in the layout.
RAW_COLUMNS = ["row", "col", "entity_col", "entity_raw", "index_raw", "component_raw",
               "year_raw", "value_raw", "index_col", "component_col", "year_col",
               "rank_raw", "rank_of_raw", "tier_raw", "target_component"]


def column_cells(layout: Layout, col: int) -> pd.Series:
    """Cells of one column over the data rows, as raw Python objects (no string conversion: it is slow)."""
    rows = layout.grid[layout.first_row:layout.last_row]
    try:
        cells = np.fromiter(map(itemgetter(col), rows), dtype=object, count=len(rows))
    except IndexError:  # ragged rows: column_from pads the short ones
        cells = np.fromiter(column_from(layout.grid, layout.first_row, col, layout.column_cache)[:len(rows)],
                            dtype=object, count=len(rows))
    return pd.Series(cells, dtype=object, copy=False)


def same(n: int, value: object) -> pd.Series:
    """One value on every row, as an object column (pandas would make a text column of a repeated str)."""
    cells = np.empty(n, dtype=object)
    cells.fill(value)  # np.full with dtype=object is ~25 times slower (it copies element by element)
    return pd.Series(cells, dtype=object, copy=False)


def column_headers(layout: Layout) -> dict[int, str]:
    """Header text of every column of the table (for messages)."""
    from reformdash.ingest.layout import cell_text, grid_width

    headers = {}
    for col in range(grid_width(layout.grid)):
        headers[col] = " / ".join(t for t in (cell_text(layout.grid[h][col]) if col < len(layout.grid[h]) else ""
                                              for h in layout.header_rows) if t)
    return headers


def extract(layout: Layout) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(observations, row attributes): one observation per value cell; ranks/tiers per entity cell."""
    if layout.kind == "profile":  # observations already read cell by cell (profile.py)
        return layout.records.copy(), pd.DataFrame(columns=["entity_raw", "row", "attr", "raw", "col", "header"])
    n = layout.last_row - layout.first_row
    by_role: dict[str, list] = {}
    for c in layout.columns:
        by_role.setdefault(c.role, []).append(c)
    blocks = []
    if layout.kind == "long":
        first = by_role["value"][0]
        frame = {"row": np.arange(layout.first_row, layout.last_row), "col": np.full(n, first.col),
                 "entity_col": np.full(n, first.entity_col),
                 "entity_raw": column_cells(layout, first.entity_col), "value_raw": column_cells(layout, first.col)}
        for role in ("index", "component", "year", "rank", "rank_of", "tier"):
            if role in by_role:
                frame[f"{role}_raw"] = column_cells(layout, by_role[role][0].col)
        for role in ("index", "component", "year"):
            if role in by_role:
                frame[f"{role}_col"] = np.full(n, by_role[role][0].col)
        attrs = pd.DataFrame(columns=["entity_raw", "row", "attr", "raw", "col", "header"])
        return _frame(frame, n), attrs
    value_cols = by_role.get("target", []) + by_role.get("year_value", [])
    for c in value_cols:
        frame = {"row": np.arange(layout.first_row, layout.last_row), "col": np.full(n, c.col),
                 "entity_col": np.full(n, c.entity_col),
                 "entity_raw": column_cells(layout, c.entity_col), "value_raw": column_cells(layout, c.col)}
        if "year" in by_role:  # a wide table with a year column: one year per row
            frame["year_raw"] = column_cells(layout, by_role["year"][0].col)
            frame["year_col"] = np.full(n, by_role["year"][0].col)
        if c.role == "target":
            frame["index_raw"] = same(n, c.target.index_code)
            frame["target_component"] = same(n, c.target.component_code)
            if layout.column_years and c.year is not None:  # PCI 2018 | PCI 2019: each column its own year
                frame["year_raw"] = same(n, c.year)
        else:
            frame["index_raw"] = same(n, layout.index_code)
            frame["target_component"] = same(n, "")
            frame["year_raw"] = same(n, c.year)
        blocks.append(_frame(frame, n))
    attr_frames = []
    for role in ("rank", "rank_of", "tier"):
        # one column per role, or one per year when the columns carry their years (Hạng 2018 | Hạng 2019)
        cols = by_role.get(role, [])
        cols = [c for c in cols if c.year is not None] or cols[:1] if layout.column_years else cols[:1]
        for c in cols:
            frame = {"entity_raw": column_cells(layout, c.entity_col),
                     "row": np.arange(layout.first_row, layout.last_row),
                     "attr": role, "raw": column_cells(layout, c.col), "col": c.col, "header": c.header}
            if layout.column_years and c.year is not None:
                frame["year"] = c.year
            attr_frames.append(pd.DataFrame(frame))
    attrs = pd.concat(attr_frames, ignore_index=True) if attr_frames else pd.DataFrame(
        columns=["entity_raw", "row", "attr", "raw", "col", "header"])
    obs = pd.concat(blocks, ignore_index=True) if blocks else _frame({}, 0)
    return obs, attrs


def _frame(columns: dict, n: int) -> pd.DataFrame:
    """The observation frame in RAW_COLUMNS order; columns not given are None (object).

    Every column is a new array made for this frame alone, so it is taken as it is (no copy, no consolidation).
    """
    return pd.DataFrame({name: columns[name] if name in columns else same(n, None) for name in RAW_COLUMNS},
                        copy=False)

"""Turn a found table into raw observations, column by column (fast on 100,000 rows)."""

from __future__ import annotations

import pandas as pd

from reformdash.ingest.layout import Layout, column_from

# Only numbers and raw cells per row: texts that are the same on every row (headers, sheet) live in the layout.
RAW_COLUMNS = ["row", "col", "entity_col", "entity_raw", "index_raw", "component_raw",
               "year_raw", "value_raw", "index_col", "component_col", "year_col",
               "rank_raw", "rank_of_raw", "tier_raw", "target_component"]


def column_cells(layout: Layout, col: int) -> pd.Series:
    """Cells of one column over the data rows, as raw Python objects (no string conversion: it is slow)."""
    cells = column_from(layout.grid, layout.first_row, col)
    return pd.Series(cells[:layout.last_row - layout.first_row], dtype=object)


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
    rows = list(range(layout.first_row, layout.last_row))
    by_role: dict[str, list] = {}
    for c in layout.columns:
        by_role.setdefault(c.role, []).append(c)
    blocks = []
    if layout.kind == "long":
        first = by_role["value"][0]
        frame = pd.DataFrame({
            "row": rows,
            "col": first.col,
            "entity_col": first.entity_col,
            "entity_raw": column_cells(layout, first.entity_col),
            "value_raw": column_cells(layout, first.col),
        })
        for role in ("index", "component", "year", "rank", "rank_of", "tier"):
            if role in by_role:
                frame[f"{role}_raw"] = column_cells(layout, by_role[role][0].col)
        for role in ("index", "component", "year"):
            if role in by_role:
                frame[f"{role}_col"] = by_role[role][0].col
        frame["target_component"] = None
        blocks.append(frame)
        attrs = pd.DataFrame(columns=["entity_raw", "row", "rank_raw", "rank_of_raw", "tier_raw"])
        return _complete(pd.concat(blocks, ignore_index=True)), attrs
    value_cols = by_role.get("target", []) + by_role.get("year_value", [])
    for c in value_cols:
        frame = pd.DataFrame({
            "row": rows,
            "col": c.col,
            "entity_col": c.entity_col,
            "entity_raw": column_cells(layout, c.entity_col),
            "value_raw": column_cells(layout, c.col),
        })
        if "year" in by_role:  # a wide table with a year column: one year per row
            frame["year_raw"] = column_cells(layout, by_role["year"][0].col)
            frame["year_col"] = by_role["year"][0].col
        if c.role == "target":
            frame["index_raw"] = c.target.index_code
            frame["target_component"] = c.target.component_code
        else:
            frame["index_raw"] = layout.index_code
            frame["target_component"] = ""
            frame["year_raw"] = c.year
        blocks.append(frame)
    attr_frames = []
    for role in ("rank", "rank_of", "tier"):
        for c in by_role.get(role, [])[:1]:
            attr_frames.append(pd.DataFrame({"entity_raw": column_cells(layout, c.entity_col), "row": rows,
                                             "attr": role, "raw": column_cells(layout, c.col), "col": c.col,
                                             "header": c.header}))
    attrs = pd.concat(attr_frames, ignore_index=True) if attr_frames else pd.DataFrame(
        columns=["entity_raw", "row", "attr", "raw", "col", "header"])
    obs = pd.concat(blocks, ignore_index=True) if blocks else pd.DataFrame(columns=RAW_COLUMNS)
    return _complete(obs), attrs


def _complete(frame: pd.DataFrame) -> pd.DataFrame:
    for name in RAW_COLUMNS:
        if name not in frame.columns:
            frame[name] = None
    return frame[RAW_COLUMNS]

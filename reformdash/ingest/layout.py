"""Find the table in a sheet: orientation, entity columns, header rows, data rows and what each column holds."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from reformdash.catalog import Catalog, Target, header_key
from reformdash.registry import Registry
from reformdash.text import is_missing, name_key, parse_int, words, years_in

_NUMERIC = re.compile(r"\s*[-+]?[\d.,\s%]+\s*")
SUMMARY_KEYS = {"min", "max", "median", "mean", "average", "trungvi", "trungbinh", "tong", "total", "sum",
                "canuoc", "national", "highest", "lowest", "caonhat", "thapnhat", "diemcaonhat", "diemthapnhat",
                "giatrilonnhat", "giatrinhonhat", "lonnhat", "nhonhat", "stdev", "dolechchuan", "minimum", "maximum"}
TIER_WORDS = {"rat tot", "tot", "kha", "trung binh", "tuong doi thap", "thap", "kha tot", "xuat sac", "excellent",
              "very high", "high", "mid high", "mid low", "low", "very low", "good", "fair", "average",
              "relatively low"}
# Header words naming a column's role in long or wide tables (ASCII keys, numbering and years removed).
ROLE_WORDS = {
    "entity": ["tinh", "tinh thanh pho", "tinh thanh", "ten tinh", "ten tinh thanh pho", "tinh thanh pho truc thuoc",
               "tinh thanh pho truc thuoc trung uong", "province", "provinces", "province name", "tentinh vie",
               "tentinh eng", "don vi", "ten don vi", "unit", "unit name", "entity", "entity name", "co quan",
               "ten co quan", "bo nganh", "bo co quan ngang bo", "ministry", "dia phuong", "ten", "name",
               "ten dia phuong", "doi tuong"],
    "entity_code": ["ma tinh", "tinhid", "tinh id", "entity code", "ma don vi", "ma", "code", "province code"],
    "rank": ["xep hang", "thu hang", "hang", "rank", "ranking", "thu hang xep hang", "vi tri xep hang"],
    "rank_of": ["rank of", "tren tong so", "tong so", "so don vi xep hang", "so tinh xep hang"],
    "tier": ["nhom xep hang", "nhom", "xep loai", "tier", "nhom hang", "phan loai", "ranking group", "muc xep hang",
             "nhom dieu hanh"],
    "year": ["nam", "year", "nam danh gia", "ky danh gia"],
    "index": ["index", "chi so", "ma chi so", "index code", "bo chi so", "ten chi so"],
    "component": ["chi so thanh phan", "component", "tieu chi", "linh vuc", "noi dung", "thanh phan",
                  "component code", "ma thanh phan", "ten tieu chi", "chi tieu", "criterion", "criteria"],
    "value": ["gia tri", "diem", "value", "score", "ket qua", "diem so", "diem dat", "ty le", "diem danh gia"],
    "ignore": ["thu tu", "stt", "tt", "so thu tu", "no", "thang diem", "vung", "region", "ghi chu", "note",
               "entity name", "ma pci", "tentinh eng"],
}
ROLE_OF_KEY = {}
for _role, _keys in ROLE_WORDS.items():
    for _k in _keys:
        ROLE_OF_KEY.setdefault(_k, _role)
ROLE_OF_KEY["entity name"] = "entity"


@dataclass
class Column:
    """What one column of the table holds."""

    col: int
    role: str  # target | rank | rank_of | tier | year | index | component | value | year_value | entity_code
    header: str
    target: Target | None = None
    year: int | None = None
    entity_col: int | None = None  # the entity column this value column belongs to


@dataclass
class Layout:
    """The table found in a sheet."""

    sheet: str
    transposed: bool
    grid: list[list]
    entity_cols: list[int]
    header_rows: list[int]
    first_row: int
    last_row: int  # exclusive
    columns: list[Column]
    index_code: str | None
    years: list[int]
    title: str
    kind: str  # wide | long | years
    score: int = 0
    notes: list[str] = field(default_factory=list)
    ignored: list[int] = field(default_factory=list)
    borrowed: list = field(default_factory=list)  # (other layout, its rank/tier column) lent to this table

    def place(self, row: int, col: int) -> tuple[int, str]:
        """1-based row number and column letter in the sheet as the user sees it."""
        if self.transposed:
            row, col = col, row
        return row + 1, column_letter(col)

    def column_label(self, row: int, col: int, header: str) -> str:
        """'C (Tính minh bạch)' for messages."""
        _, letter = self.place(row, col)
        return f"{letter} ({header})" if header else letter


def column_letter(col: int) -> str:
    """0 -> A, 26 -> AA."""
    letters = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def grid_width(grid: list[list], sample: int = 2000) -> int:
    """Number of columns (rows are padded by the readers; a sample of rows is enough)."""
    step = max(1, len(grid) // sample)
    return max((len(r) for r in grid[::step]), default=0) if grid else 0


def transpose(rows: list[list]) -> list[list]:
    """Columns as rows (for provinces-as-columns sheets)."""
    width = max((len(r) for r in rows), default=0)
    return [[r[c] if c < len(r) else "" for r in rows] for c in range(width)]


def cell_text(cell: object) -> str:
    """A header cell as one line of text."""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return " ".join(str(cell).split()) if not is_missing(cell) else ""


def row_is_blank(row: list) -> bool:
    """True if every cell is empty."""
    return all(is_missing(c) or (isinstance(c, str) and not c.strip()) for c in row)


def is_summary(cell: object) -> bool:
    """Rows like Min, Max, Trung vị, Điểm cao nhất under the data."""
    key = name_key(cell)
    return key in SUMMARY_KEYS or key.startswith(("trungbinh", "diemcao", "diemthap", "giatritrung"))


SKIP_ROW = "-"  # a name the user marked «không phải đơn vị / bỏ qua»: its rows are left out
NEW_UNIT = "+"  # a name the user marked «tạo đơn vị mới»: registered under the parent on commit


class EntityFinder:
    """Resolves cells to entity codes with a per-text cache (files repeat names)."""

    def __init__(self, registry: Registry, kinds: tuple[str, ...], parent: str | None,
                 chosen: dict[str, str] | None = None):
        self.registry, self.kinds, self.parent = registry, kinds, parent
        # names the user matched by hand (upload preview, --name) win over the registry; spacing and case aside
        self.chosen = {name_key(raw): code for raw, code in (chosen or {}).items() if name_key(raw)}
        self.cache: dict[object, str | None] = {}
        self.marks = {SKIP_ROW, NEW_UNIT} & set(self.chosen.values())

    def __call__(self, cell: object) -> str | None:
        if not isinstance(cell, str):
            return None
        hit = self.cache.get(cell, 0)
        if hit == 0:
            # numbers are never names in a table: "72" in a score column is not Tây Ninh's GSO code
            hit = None if not cell.strip() or _NUMERIC.fullmatch(cell) else \
                (self.chosen and self.chosen.get(name_key(cell))) or self.registry.resolve(cell, self.kinds,
                                                                                         self.parent)
            self.cache[cell] = hit
        return hit

    def marked(self, cell: object, mark: str) -> bool:
        """True if the user marked this name SKIP_ROW or NEW_UNIT."""
        return mark in self.marks and isinstance(cell, str) and self.chosen.get(name_key(cell)) == mark


def entity_column_counts(grid: list[list], find: EntityFinder, sample: int = 3000) -> dict[int, int]:
    """For each column, how many cells name a known entity."""
    counts: Counter = Counter()
    for row in grid[:sample]:
        for c, cell in enumerate(row):
            if isinstance(cell, str) and find(cell):
                counts[c] += 1
    return dict(counts)


def header_role_columns(grid: list[list], role: str, max_rows: int = 30) -> list[tuple[int, int]]:
    """(row, col) of header cells naming a role, e.g. an 'Đơn vị' column for units not yet registered."""
    hits = []
    for r, row in enumerate(grid[:max_rows]):
        for c, cell in enumerate(row):
            if isinstance(cell, str) and ROLE_OF_KEY.get(header_key(cell)) == role:
                hits.append((r, c))
    return hits


def find_layout(sheet_name: str, rows: list[list], catalog: Catalog, find: EntityFinder,
                index_hint: str | None, text_hints: str, allow_unknown_entities: bool,
                overrides: dict | None = None, header_row: int | None = None) -> Layout | None:
    """The most plausible table in a sheet, or None."""
    if not rows:
        return None
    candidates = []
    counts = entity_column_counts(rows, find)
    candidates.append((max(counts.values(), default=0), False, rows, counts))
    if len(rows) <= 2000 and (not counts or max(counts.values()) < 5):
        t_rows = transpose(rows)
        t_counts = entity_column_counts(t_rows, find)
        candidates.append((max(t_counts.values(), default=0), True, t_rows, t_counts))
    # the orientation whose best column names the most entities (ties: rows are entities)
    _, transposed, grid, counts = max(candidates, key=lambda c: c[0])
    entity_cols = entity_columns(grid, counts, find)
    by_header = False
    if not entity_cols:
        # names nobody registered yet (new units, typos): a column headed "Tỉnh"/"Đơn vị" is still the entity column
        hits = header_role_columns(rows, "entity")
        if hits:
            entity_cols, transposed, grid, by_header = [hits[0][1]], False, rows, True
    if not entity_cols:
        return None
    first_row = first_data_row(grid, entity_cols, find, by_header)
    if header_row is not None and not transposed and 0 < header_row < len(grid):
        first_row = header_row  # the user said which row holds the headers (1-based): data starts below it
    if first_row is None:
        return None
    header_rows, title_rows = header_and_title_rows(grid, first_row)
    last_row = end_of_data(grid, first_row, entity_cols)
    title = " ".join(cell_text(c) for r in title_rows for c in grid[r] if not is_missing(c))
    layout = Layout(sheet_name, transposed, grid, entity_cols, header_rows, first_row, last_row, [], None, [],
                    title, "wide")
    layout.index_code = choose_index(layout, catalog, index_hint, f"{text_hints} {sheet_name} {title}")
    map_columns(layout, catalog, overrides)
    layout.score = table_score(layout)
    return layout


def table_score(layout: Layout, sample: int = 2000) -> int:
    """How many values the table holds (estimated from a sample of rows on big sheets)."""
    rows = range(layout.first_row, layout.last_row)
    step = max(1, len(rows) // sample)
    cols = [c.col for c in layout.columns if c.role in ("target", "year_value", "value")]
    found = sum(1 for r in rows[::step] for c in cols if c < len(layout.grid[r]) and not is_missing(layout.grid[r][c]))
    return found * step


def entity_columns(grid: list[list], counts: dict[int, int], find: EntityFinder) -> list[int]:
    """Entity columns, dropping those that repeat another column's entities row by row (tentinh_eng/_vie)."""
    if not counts:
        return []
    best = max(counts.values())
    if best < 2:
        return []
    cols = sorted(c for c, n in counts.items() if n >= max(2, 0.3 * best))
    kept: list[int] = []
    for c in cols:
        duplicate = False
        for k in kept:
            same = both = 0
            for row in grid:
                a, b = find(row[k]) if k < len(row) else None, find(row[c]) if c < len(row) else None
                if a and b:
                    both += 1
                    same += a == b
            if both and same >= 0.9 * both:
                duplicate = True
                break
        if not duplicate:
            kept.append(c)
    return kept


def first_data_row(grid: list[list], entity_cols: list[int], find: EntityFinder, allow_unknown: bool) -> int | None:
    """The first row where an entity column names an entity."""
    for r, row in enumerate(grid):
        if any(c < len(row) and find(row[c]) for c in entity_cols):
            return r
    if allow_unknown:
        hits = [r for r, c in header_role_columns(grid, "entity") if c == entity_cols[0]]
        if hits and hits[0] + 1 < len(grid):
            return hits[0] + 1
    return None


def header_and_title_rows(grid: list[list], first_row: int) -> tuple[list[int], list[int]]:
    """Up to three non-blank rows right above the data are headers; rows above them are titles."""
    headers: list[int] = []
    r = first_row - 1
    while r >= 0 and len(headers) < 3:
        row = grid[r]
        if row_is_blank(row):
            if headers:
                break
        else:
            filled = sum(1 for c in row if not is_missing(c))
            if headers and filled <= 1:
                break  # a one-cell row above the headers is a title
            headers.append(r)
        r -= 1
    headers.reverse()
    title_rows = [i for i in range(0, headers[0] if headers else first_row) if not row_is_blank(grid[i])]
    return headers, title_rows


def end_of_data(grid: list[list], first_row: int, entity_cols: list[int]) -> int:
    """The data ends at the first blank row or summary row (Min, Max, Trung vị…) after it starts."""
    import pandas as pd

    rows = grid[first_row:]
    stops = []
    for c in entity_cols:
        cells = pd.Series(column_from(grid, first_row, c), dtype=object)
        codes, uniques = pd.factorize(cells, use_na_sentinel=True)
        # one verdict per distinct cell: blank, summary, or a name
        verdict = np.array([2 if (not isinstance(u, str) or not u.strip()) and is_missing_or_blank(u)
                            else 1 if isinstance(u, str) and is_summary(u) else 0 for u in uniques] + [2],
                           dtype=np.int8)
        stops.append(verdict[codes])
    flags = np.maximum.reduce(stops) if len(stops) > 1 else stops[0]
    all_blank = np.minimum.reduce([s == 2 for s in stops]) if len(stops) > 1 else stops[0] == 2
    for r in np.flatnonzero((flags == 1) | all_blank):
        if flags[r] == 1 and any(s[r] == 1 for s in stops):
            return first_row + int(r)
        if row_is_blank(rows[r]):
            return first_row + int(r)
    return len(grid)


_COLUMN_CACHE: dict = {}


def column_from(grid: list[list], first_row: int, col: int) -> list:
    """Cells of one column from a row down to the end (kept for the extraction that follows)."""
    key = (id(grid), first_row, col)
    cached = _COLUMN_CACHE.get(key)
    if cached is not None and cached[0] is grid:
        return cached[1]
    rows = grid[first_row:]
    try:
        cells = [row[col] for row in rows]
    except IndexError:  # ragged rows
        cells = [row[col] if col < len(row) else "" for row in rows]
    if len(_COLUMN_CACHE) > 64 or any(g is not grid for g, _ in _COLUMN_CACHE.values()):
        _COLUMN_CACHE.clear()  # one grid at a time: earlier files' grids must not stay alive here
    _COLUMN_CACHE[key] = (grid, cells)
    return cells


def is_missing_or_blank(cell: object) -> bool:
    """Empty string, None, NaN."""
    return cell is None or (isinstance(cell, str) and not cell.strip()) or (isinstance(cell, float) and cell != cell)


def choose_index(layout: Layout, catalog: Catalog, index_hint: str | None, text: str) -> str | None:
    """The index: as the user said, else the one whose components the headers name most, else named in titles."""
    if index_hint:
        return index_hint
    votes: Counter = Counter()
    for c in range(grid_width(layout.grid)):
        if c in layout.entity_cols:
            continue
        seen = set()
        for h in layout.header_rows:
            for t in catalog.match_header(layout.grid[h][c] if c < len(layout.grid[h]) else ""):
                seen.add(t.index_code)
        for code in seen:
            votes[code] += 1
    for code in catalog.indices_in_text(text):
        votes[code] += 3
    if not votes:
        return None
    ranked = votes.most_common()
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        named = catalog.indices_in_text(text)
        for code, _ in ranked:
            if code in named:
                return code
    return ranked[0][0]


def map_columns(layout: Layout, catalog: Catalog, overrides: dict | None = None) -> None:
    """Decide what each non-entity column holds, pairing it with its entity column; the user's corrections win."""
    grid, width = layout.grid, grid_width(layout.grid)
    allowed = [layout.index_code] if layout.index_code else None
    used_targets: dict[tuple, int] = {}
    columns: list[Column] = []
    for c in range(width):
        if c in layout.entity_cols:
            continue
        texts = [cell_text(grid[h][c]) if c < len(grid[h]) else "" for h in layout.header_rows]
        header = " / ".join(t for t in texts if t)
        column = classify(c, texts, header, catalog, allowed, layout)
        if overrides and c in overrides:
            column = override_column(c, header, overrides[c], layout)
            if column is None:
                layout.ignored.append(c)
                continue
        if column is None:
            if any(role_of(t) == "ignore" for t in texts if t):
                layout.ignored.append(c)
            continue
        column.entity_col = pair_entity_column(c, layout.entity_cols)
        if column.role == "target":
            key = (column.target.index_code, column.target.component_code, column.entity_col)
            if key in used_targets:
                # The same score twice (e.g. a confidence bound labelled alike): keep the exact or first one.
                prev = used_targets[key]
                if columns[prev].target.exact or not column.target.exact:
                    continue
                columns[prev] = column
                continue
            used_targets[key] = len(columns)
        columns.append(column)
    layout.columns = columns
    add_content_columns(layout)
    roles = {c.role for c in columns}
    if "value" in roles and (roles & {"component", "year", "index"} or "target" not in roles):
        layout.kind = "long"
    elif sum(1 for c in columns if c.role == "year_value") >= 2 and "target" not in roles:
        layout.kind = "years"
    else:
        layout.kind = "wide"


def classify(c: int, texts: list[str], header: str, catalog: Catalog, allowed: list[str] | None,
             layout: Layout) -> Column | None:
    """One column's role from its header texts (nearest header row first)."""
    targets_exact, targets_loose = [], []
    for text in reversed(texts):
        for t in catalog.match_header(text, allowed):
            (targets_exact if t.exact else targets_loose).append(t)
    roles = [role_of(t) for t in reversed(texts) if t]
    roles = [r for r in roles if r]
    if roles and roles[0] in ("rank", "tier", "rank_of", "year", "index", "component", "value", "entity_code",
                              "ignore"):
        # explicit role words beat loose matches ("Xếp hạng PCI" is a rank, not the PCI score)
        if roles[0] == "ignore":
            return None
        if not targets_exact or roles[0] in ("rank", "tier", "rank_of"):
            return Column(c, roles[0], header)
    if targets_exact or targets_loose:
        t = (targets_exact or targets_loose)[0]
        if t.component_code:
            comp = catalog.components[t.index_code][t.component_code]
            year = layout.years[0] if len(layout.years) == 1 else None
            if year is not None and not comp.valid_in(year):
                pass  # still keep: validation reports a component outside its years
        return Column(c, "target", header, target=t)
    for text in reversed(texts):
        ys = years_in(text)
        w = words(text).replace(str(ys[0]) if ys else "", "").strip() if ys else ""
        if len(ys) == 1 and w in ("", "nam", "year", "nam danh gia"):
            return Column(c, "year_value", header, year=ys[0])
        if isinstance(text, str) and text.strip().isdigit() and 1990 <= int(text.strip()) <= 2049:
            return Column(c, "year_value", header, year=int(text.strip()))
    return None


def override_column(c: int, header: str, meaning: str, layout: Layout) -> Column | None:
    """The column as the user said it is: ignored, the overall score, a component, a rank, a tier or a year."""
    if meaning == "ignore":
        return None
    if meaning in ("rank", "tier", "year", "rank_of"):
        return Column(c, meaning, header)
    component = "" if meaning == "overall" else meaning
    return Column(c, "target", header, target=Target(layout.index_code or "", component, True))


def role_of(text: str) -> str | None:
    """A header's role: exact role words, else rank/tier words inside it ("PCI 2013 ranking", "PCI tier")."""
    key = header_key(text)
    role = ROLE_OF_KEY.get(key)
    if role:
        return role
    padded = f" {key} "
    if any(f" {w} " in padded for w in ("tier", "nhom xep hang", "xep loai", "nhom dieu hanh")):
        return "tier"
    if any(f" {w} " in padded for w in ("rank", "ranking", "xep hang", "thu hang")):
        return "rank"
    return None


def pair_entity_column(c: int, entity_cols: list[int]) -> int:
    """The entity column a value column belongs to: nearest on its left, else the first."""
    left = [e for e in entity_cols if e < c]
    return left[-1] if left else entity_cols[0]


def add_content_columns(layout: Layout) -> None:
    """Unlabelled rank and tier columns recognised by content (PCI 2005 tiers, PCI 2006 ranks)."""
    roles = {c.role for c in layout.columns}
    known = {c.col for c in layout.columns} | set(layout.entity_cols) | set(layout.ignored)
    grid = layout.grid
    n = layout.last_row - layout.first_row
    if n < 3:
        return
    width = grid_width(grid)
    for c in range(width):
        if c in known:
            continue
        cells = [grid[r][c] if c < len(grid[r]) else "" for r in range(layout.first_row, layout.last_row)]
        present = [x for x in cells if not is_missing(x)]
        if not present:
            continue
        if "tier" not in roles and all(isinstance(x, str) and words(x) in TIER_WORDS for x in present):
            layout.columns.append(Column(c, "tier", "", entity_col=pair_entity_column(c, layout.entity_cols)))
            roles.add("tier")
            continue
        if "rank" not in roles and len(present) >= 0.8 * n:
            try:
                ints = [parse_int(x) for x in present]
            except ValueError:
                continue
            entity_col = pair_entity_column(c, layout.entity_cols)
            if all(i is not None and 1 <= i <= n + 1 for i in ints) and len(set(ints)) >= 0.8 * len(ints) \
                    and (not is_ordinal(ints) or rows_sorted_by_overall(layout, entity_col)):
                layout.columns.append(Column(c, "rank", "", entity_col=entity_col))
                roles.add("rank")


def is_ordinal(ints: list[int]) -> bool:
    """1, 2, 3, … in order is a row number (Thứ tự), not a rank, unless the rows are sorted by score."""
    return ints == list(range(1, len(ints) + 1))


def rows_sorted_by_overall(layout: Layout, entity_col: int) -> bool:
    """True if the overall score of the same entity column falls row by row: then 1, 2, 3… is the rank (PCI 2006)."""
    from reformdash.text import parse_number

    overall = [c for c in layout.columns if c.role == "target" and not c.target.component_code
               and c.entity_col == entity_col]
    if not overall:
        return False
    values = []
    for r in range(layout.first_row, layout.last_row):
        try:
            values.append(parse_number(layout.grid[r][overall[0].col]))
        except ValueError:
            return False
    present = [v for v in values if v is not None]
    return len(present) >= 3 and all(a >= b for a, b in zip(present, present[1:]))

"""Find the table in a sheet: orientation, entity columns, header rows, data rows and what each column holds."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import zip_longest

import numpy as np

from reformdash.catalog import Catalog, Target, header_key
from reformdash.ingest import headers
from reformdash.ingest.headers import USED_ROLES, is_summary, role_of
from reformdash.registry import Registry
from reformdash.text import is_missing, name_key, parse_int, parse_number, words, years_in
from reformdash.words.vocabulary import YEAR_WORDS

# plain numbers, and numbers in parentheses ("(10)" of a column-numbering row): never names in a table


@dataclass
class Column:
    """What one column of the table holds."""

    col: int
    role: str  # target | rank | rank_of | tier | year | index | component | value | year_value | entity_code
    header: str
    target: Target | None = None
    year: int | None = None
    entity_col: int | None = None  # the entity column this value column belongs to
    confidence: float = 1.0  # how sure the importer is of the role (1: exact words; less: near words or values)
    maximum: float | None = None  # a criterion's maximum written in its header, "(10 điểm)"


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
    unused: list = field(default_factory=list)  # (column letter, header, reason key) of columns not used
    unknown: list = field(default_factory=list)  # (column, header, guess) of numeric columns of unknown meaning
    skipped_rows: list = field(default_factory=list)  # numbering and group rows inside the table
    column_years: bool = False  # each value column carries its own year (PCI 2018 | PCI 2019)
    column_cache: dict = field(default_factory=dict, repr=False)  # this import's column cells, (row, col) -> cells
    overrides_used: set = field(default_factory=set)  # --column keys that named a column of this table
    row_maxima: dict = field(default_factory=dict)  # column -> maximum from a «Điểm tối đa» row
    records: object = None  # a profile's observations, read cell by cell (profile.py)
    profile_entity: str | None = None  # the entity a profile is about, named in its title, sheet or file name

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
            # text without a letter is never a name in a table: "72" in a score column is not Tây Ninh's GSO code,
            # "4/6" (a rank out of its field) is not Thừa Thiên Huế's "46", "(10)" is a column number
            hit = None if not any(ch.isalpha() for ch in cell) else \
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
    # column by column, each distinct cell looked up once (the loops over cells run in C: zip and Counter)
    for c, column in enumerate(zip_longest(*grid[:sample])):
        hits = sum(n for cell, n in Counter(column).items() if isinstance(cell, str) and find(cell))
        if hits:
            counts[c] = hits
    return dict(counts)


def header_role_columns(grid: list[list], role: str, max_rows: int = 30) -> list[tuple[int, int]]:
    """(row, col) of header cells naming a role, e.g. an 'Đơn vị' column for units not yet registered."""
    hits = []
    for r, row in enumerate(grid[:max_rows]):
        for c, cell in enumerate(row):
            if isinstance(cell, str) and headers.vocabulary().role_of.get(header_key(cell)) == role:
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
    if not entity_cols and allow_unknown_entities:
        # a unit sheet whatever its name column is headed («Trạm Y tế», «Trường»): the text column beside numbers;
        # or criteria as rows and the units as columns (a column naming the index's criteria, total and rank)
        found = units_as_columns(rows, catalog, index_hint, find) or name_column(rows, find)
        if found:
            transposed, entity_cols = found
            grid, by_header = (transpose(rows) if transposed else rows), True
    if not entity_cols:
        from reformdash.ingest.profile import find_profile  # profile builds on this module

        # no name column: one entity's profile, named in the title, the sheet or the file name
        return find_profile(sheet_name, rows, catalog, find, index_hint, text_hints)
    first_row = first_data_row(grid, entity_cols, find, by_header)
    if first_row is not None and allow_unknown_entities:
        # rows above the first registered name that read as data (a name beside numbers) are units not yet
        # registered, not a header row: «Bệnh viện đa khoa tỉnh Kon Tum» above the first known unit
        first_row = extend_up(grid, first_row, entity_cols, find)
    if header_row is not None and not transposed and 0 < header_row < len(grid):
        first_row = header_row  # the user said which row holds the headers (1-based): data starts below it
    if first_row is None:
        return None
    # a column-numbering row or a group row (KHỐI BỆNH VIỆN) right under the headers is not data; under a header
    # found by its words, rows without a name and without numbers are the header's second row (merged cells)
    while first_row < len(grid) and (skip_row(grid[first_row], entity_cols, find) or
                                     by_header and header_continues(grid[first_row], entity_cols)):
        first_row += 1
    header_rows, title_rows = header_and_title_rows(grid, first_row, entity_cols)
    cache: dict = {}  # this import's column cells, shared by end_of_data and the extraction
    last_row = end_of_data(grid, first_row, entity_cols, find, cache)
    title = " ".join(cell_text(c) for r in title_rows for c in grid[r] if not is_missing(c))
    layout = Layout(sheet_name, transposed, grid, entity_cols, header_rows, first_row, last_row, [], None, [],
                    title, "wide", column_cache=cache)
    blank_inner_rows(layout, find)
    below_headers = range(header_rows[-1] + 1 if header_rows else 0, first_row)
    for r in [*below_headers, *layout.skipped_rows]:
        found = maximum_row(grid[r], entity_cols)
        if found:  # «Điểm tối đa | 10 | 15 | …»: each criterion's maximum, as if written in its header
            layout.row_maxima.update(found)
    layout.index_code = choose_index(layout, catalog, index_hint, f"{text_hints} {sheet_name} {title}")
    map_columns(layout, catalog, overrides)
    layout.score = table_score(layout)
    return layout


def skip_row(row: list, entity_cols: list[int], find: EntityFinder) -> bool:
    """A numbering row, (1) (2) … (13), a group row with no numbers (KHỐI BỆNH VIỆN, I., II.), or a maximum-points
    row (Điểm tối đa | 10 | 15 | …)."""
    if any(c < len(row) and find(row[c]) for c in entity_cols):
        return False
    if headers.numbering_row(row) or maximum_row(row, entity_cols) is not None:
        return True
    return is_group_row(row, entity_cols)


def maximum_row(row: list, entity_cols: list[int]) -> dict | None:
    """{column: maximum} of a row labelled «Điểm tối đa» / «Thang điểm» / «Maximum» left of or in the name column."""
    last = max(entity_cols)
    label = [cell for cell in row[:last + 1] if isinstance(cell, str) and cell.strip()]
    if not label or not any(role_of(x) == "maximum" for x in label):
        return None
    values = {}
    for c in range(last + 1, len(row)):
        cell = row[c]
        if is_missing(cell):
            continue
        try:
            number = parse_number(cell)
        except (ValueError, TypeError):
            continue
        if number is not None:
            values[c] = number
    return values or None  # «Thang điểm | 10-80 điểm | 0%-100%» (PAPI's scales) is a header row, not maxima


def is_name_cell(cell: object) -> bool:
    """Text that can be a unit's name: letters, not a numbering, group, summary, note or header word."""
    if not isinstance(cell, str) or sum(ch.isalpha() for ch in cell) < 3:
        return False
    return not (headers.is_numbering(cell) or headers.looks_like_group(cell, caps=False) or is_summary(cell)
                or headers.is_end(cell) or role_of(cell))


def numbers_in(row: list, skip: int) -> int:
    """How many cells of a row, other than column `skip`, are numbers."""
    return sum(1 for c, cell in enumerate(row) if c != skip and not is_missing(cell) and is_number(cell))


def data_like(row: list, entity_cols: list[int], find: EntityFinder) -> bool:
    """A row that reads as data: a name (registered or not) in the name column beside at least two numbers."""
    c = entity_cols[0]
    return c < len(row) and (find(row[c]) is not None or is_name_cell(row[c])) and numbers_in(row, c) >= 2


def extend_up(grid: list[list], first_row: int, entity_cols: list[int], find: EntityFinder) -> int:
    """The first data row, looking above the first registered name for rows of names not registered yet."""
    r, best = first_row - 1, first_row
    while r >= 0:
        row = grid[r]
        if row_is_blank(row) or headers.numbering_row(row) or maximum_row(row, entity_cols) is not None:
            break
        if data_like(row, entity_cols, find):
            best = r
        elif not is_group_row(row, entity_cols):
            break
        r -= 1
    return best


def name_column(rows: list[list], find: EntityFinder, sample: int = 400) -> tuple[bool, list[int]] | None:
    """(False, [column]) of the column whose cells are names beside numbers in most rows (≥ 2), if any."""
    votes: Counter = Counter()
    for row in rows[:sample]:
        for c, cell in enumerate(row):
            if is_name_cell(cell) and numbers_in(row, c) >= 2:
                votes[c] += 1
                break  # the leftmost name of a row is its name (a notes column is further right)
    if not votes:
        return None
    col, n = votes.most_common(1)[0]
    return (False, [col]) if n >= 2 else None


def units_as_columns(rows: list[list], catalog: Catalog, index_hint: str | None,
                     find: EntityFinder) -> tuple[bool, list[int]] | None:
    """(True, [header row]) when a column names the index's criteria (and total, rank) row by row: the units are
    the columns, named in the row above the first criterion."""
    if len(rows) > 200 or not index_hint:
        return None
    allowed = [index_hint]
    width = grid_width(rows)
    for c in range(min(width, 4)):
        hits = [r for r, row in enumerate(rows) if c < len(row) and isinstance(row[c], str) and row[c].strip()
                and catalog.match_header(row[c], allowed)]
        if len(hits) < 3:
            continue
        above = hits[0] - 1
        while above >= 0 and row_is_blank(rows[above]):
            above -= 1
        if above < 0:
            return None
        names = [cell for cell in rows[above][c + 1:] if is_name_cell(cell) or find(cell)]
        if len(names) >= 2:
            return True, [above]
    return None


def header_continues(row: list, entity_cols: list[int]) -> bool:
    """Under a merged header: no name in the entity column, some text, and no numbers."""
    if any(c < len(row) and not is_missing(row[c]) for c in entity_cols) or row_is_blank(row):
        return False
    return not any(is_number(cell) for cell in row if not is_missing(cell))


def is_group_row(row: list, entity_cols: list[int]) -> bool:
    """A row labelling a group of units: a group label and no numbers outside its order-number cell."""
    filled = [cell for cell in row if not is_missing(cell)]
    if not filled or len(filled) > 2:
        return False  # a group row is a label, with at most its number (I, II, A) beside it
    labels = [row[c] for c in range(min(len(row), max(entity_cols) + 1)) if isinstance(row[c], str) and row[c].strip()]
    if not labels or not any(headers.looks_like_group(x) for x in labels):
        return False
    first = min(entity_cols)
    for c, cell in enumerate(row):
        if c < first or is_missing(cell):
            continue
        if isinstance(cell, (int, float)) and not isinstance(cell, bool):
            return False
        if isinstance(cell, str):
            try:
                if parse_number(cell) is not None:
                    return False
            except ValueError:
                pass
    return True


def blank_inner_rows(layout: Layout, find: EntityFinder) -> None:
    """Numbering and group rows inside the table are left out (the grid is copied, not the sheet's rows changed)."""

    grid, cols = layout.grid, layout.entity_cols
    candidates = np.zeros(layout.last_row - layout.first_row, dtype=bool)
    for c in cols:
        codes, uniques = column_codes(grid, layout.first_row, c, layout.column_cache)
        # one verdict per distinct cell: a stray number, "(3)", or a group label where a name should be (a known
        # name is looked up first: it is cached, the group words are not)
        verdict = np.array([not isinstance(u, str) and isinstance(u, (int, float)) and not isinstance(u, bool)
                            or isinstance(u, str) and not find(u)
                            and (headers.looks_like_group(u) or headers.is_numbering(u)) for u in uniques] + [False],
                           dtype=bool)
        candidates |= verdict[codes[:len(candidates)]]
    skipped = [layout.first_row + int(k) for k in np.flatnonzero(candidates)
               if skip_row(grid[layout.first_row + int(k)], cols, find)]
    if not skipped:
        return
    layout.grid = grid = list(grid)
    width = len(grid[skipped[0]])
    for r in skipped:
        grid[r] = [""] * width
    layout.skipped_rows = skipped
    layout.column_cache.clear()


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
        # a name column found by its content: the first row of a name beside numbers
        return next((r for r, row in enumerate(grid) if data_like(row, entity_cols, find)), None)
    return None


def header_and_title_rows(grid: list[list], first_row: int,
                          entity_cols: list[int] | None = None) -> tuple[list[int], list[int]]:
    """Up to three non-blank rows right above the data are headers (numbering, group rows skipped); then titles."""
    headers_: list[int] = []
    r = first_row - 1
    while r >= 0 and len(headers_) < 3:
        row = grid[r]
        if row_is_blank(row):
            if headers_:
                break
        elif headers.numbering_row(row) or (entity_cols and (is_group_row(row, entity_cols) or
                                                             maximum_row(row, entity_cols) is not None)):
            pass  # (1) (2) … (13), KHỐI BỆNH VIỆN or Điểm tối đa: says nothing about the columns' meaning
        else:
            filled = sum(1 for c in row if not is_missing(c))
            if headers_ and filled <= 1:
                break  # a one-cell row above the headers is a title
            headers_.append(r)
        r -= 1
    headers_.reverse()
    title_rows = [i for i in range(0, headers_[0] if headers_ else first_row) if not row_is_blank(grid[i])]
    return headers_, title_rows


def end_of_data(grid: list[list], first_row: int, entity_cols: list[int], find: EntityFinder | None = None,
                cache: dict | None = None) -> int:
    """The data ends at the first blank, summary (Min, Tổng cộng…) or source-note row after it starts."""

    rows = grid[first_row:]
    stops = []
    for c in entity_cols:
        codes, uniques = column_codes(grid, first_row, c, cache)
        # one verdict per distinct cell: blank, summary or source note, or a name
        verdict = np.array([2 if (not isinstance(u, str) or not u.strip()) and is_missing_or_blank(u)
                            else 1 if isinstance(u, str) and (is_summary(u) or headers.is_end(u)) and
                            not (find and find(u)) else 0 for u in uniques] + [2], dtype=np.int8)
        stops.append(verdict[codes])
    flags = np.maximum.reduce(stops) if len(stops) > 1 else stops[0]
    all_blank = np.minimum.reduce([s == 2 for s in stops]) if len(stops) > 1 else stops[0] == 2
    first = min(entity_cols)
    for r in np.flatnonzero((flags == 1) | all_blank):
        if flags[r] == 1 and any(s[r] == 1 for s in stops):
            return first_row + int(r)
        if row_is_blank(rows[r]):
            return first_row + int(r)
        # "Tổng cộng" / "Nguồn: …" written left of the names (in the STT column, or merged across it)
        if any(isinstance(x, str) and (is_summary(x) or headers.is_end(x)) for x in rows[r][:first + 1]):
            return first_row + int(r)
    return len(grid)


def column_from(grid: list[list], first_row: int, col: int, cache: dict | None = None) -> list:
    """Cells of one column from a row down to the end (kept in this import's cache for the extraction)."""
    if cache is not None:
        cached = cache.get((first_row, col))
        if cached is not None:
            return cached
    rows = grid[first_row:]
    try:
        cells = [row[col] for row in rows]
    except IndexError:  # ragged rows
        cells = [row[col] if col < len(row) else "" for row in rows]
    if cache is not None:
        cache[(first_row, col)] = cells
    return cells


def column_codes(grid: list[list], first_row: int, col: int, cache: dict | None = None) -> tuple[np.ndarray, object]:
    """pd.factorize of a column from a row down (NA as -1), kept in the import's cache beside its cells."""
    import pandas as pd

    key = ("codes", first_row, col)
    if cache is not None and key in cache:
        return cache[key]
    found = pd.factorize(pd.Series(column_from(grid, first_row, col, cache), dtype=object), use_na_sentinel=True)
    if cache is not None:
        cache[key] = found
    return found


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
            cell = layout.grid[h][c] if c < len(layout.grid[h]) else ""
            for t in catalog.match_header(cell):
                seen.add(t.index_code)
            if not seen and isinstance(cell, str) and cell.strip():
                named = headers.read_header(cell, catalog, None).index_named  # "Điểm PCI", "Xếp hạng PAPI"
                if named:
                    seen.add(named)
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


_LETTERS = re.compile(r"[A-Z]{1,3}")


def override_for(c: int, texts: list[str], header: str, layout: Layout, overrides: dict | None) -> str | None:
    """The user's word for a column: by its index (upload page), its folded header text, or its letter (C=rank)."""
    if not overrides:
        return None
    if c in overrides:
        return overrides[c]
    folded = {words(t) for t in [header, *texts] if t}
    for key, meaning in overrides.items():
        if isinstance(key, str) and words(key) in folded:
            layout.overrides_used.add(key)
            return meaning
    if not layout.transposed:
        letter = column_letter(c)
        for key, meaning in overrides.items():
            if isinstance(key, str) and _LETTERS.fullmatch(key.strip()) and key.strip() == letter and \
                    not any(words(key) == words(t) for t in texts if t):
                layout.overrides_used.add(key)
                return meaning
    return None


def map_columns(layout: Layout, catalog: Catalog, overrides: dict | None = None) -> None:
    """Decide what each non-entity column holds, pairing it with its entity column; the user's corrections win.

    Every column with a header or values ends up mapped, in layout.unused with a reason, or in layout.unknown.
    """
    grid, width = layout.grid, grid_width(layout.grid)
    allowed = [layout.index_code] if layout.index_code else None
    columns: list[Column] = []
    pending: list[tuple[int, str, str | None, str | None]] = []  # (col, header, reason role, guess)
    for c in range(width):
        if c in layout.entity_cols:
            continue
        texts = [cell_text(grid[h][c]) if c < len(grid[h]) else "" for h in layout.header_rows]
        header = " / ".join(t for t in texts if t)
        meaning = override_for(c, texts, header, layout, overrides)
        if meaning is not None:
            column = override_column(c, header, meaning, layout)
            if column is None:
                layout.ignored.append(c)
                pending.append((c, header, "user", None))
                continue
        else:
            column, why, guess = classify(c, texts, header, catalog, allowed, layout)
            if column is None:
                if why:
                    layout.ignored.append(c)
                pending.append((c, header, why, guess))
                continue
        column.maximum = next((m for m in map(headers.maximum_in, reversed(texts)) if m),
                              layout.row_maxima.get(c)) if column.maximum is None else column.maximum
        if column.role in ("target", "rank", "tier", "rank_of") and column.year is None:
            # a year merged over a score and rank pair ("PCI 2018" over Điểm | Hạng) counts for both columns
            years = headers.header_years(texts) or headers.header_years(merged_above(grid, layout.header_rows, c))
            if len(years) == 1:
                column.year = years[0]
        column.entity_col = pair_entity_column(c, layout.entity_cols)
        columns.append(column)
    roles = {c.role for c in columns}
    # "Tổng điểm" is the overall score of a wide table; in a long table (index/component column) it is the value
    for col in columns:
        if col.role == "overall":
            if layout.index_code and not roles & {"index", "component"}:
                col.role, col.target = "target", Target(layout.index_code, "", False)
            else:
                col.role = "value"
    # years as columns (PCI 2018 | PCI 2019): the same score under different years; a year inside one header
    # ("Transparency Sub-Index (As PCI 2005)", VCCI's "PCI 2013" in 2014) does not make a column its own year
    by_target: dict[tuple, set] = {}
    for col in columns:
        if col.role == "target" and col.year is not None:
            by_target.setdefault((col.target.index_code, col.target.component_code), set()).add(col.year)
    repeated = {key for key, years in by_target.items() if len(years) >= 2}
    layout.column_years = bool(repeated)
    for col in columns:
        if col.role == "year_value":
            continue
        if col.role == "target" and (col.target.index_code, col.target.component_code) in repeated:
            continue
        if col.role in ("rank", "tier", "rank_of") and layout.column_years:
            continue
        col.year = None  # one year for the table: from --year, the sheet, title or file name (sheet_year)
    layout.columns = dedupe_targets(layout, columns, pending)
    add_content_columns(layout)
    roles = {c.role for c in layout.columns}
    if "value" in roles and (roles & {"component", "year", "index"} or "target" not in roles):
        layout.kind = "long"
    elif sum(1 for c in layout.columns if c.role == "year_value") >= 2 and "target" not in roles:
        layout.kind = "years"
    else:
        layout.kind = "wide"
    account_for_columns(layout, pending)


def merged_above(grid: list[list], header_rows: list[int], c: int) -> list[str]:
    """Texts of upper header rows spanning over column c: the nearest filled cell on its left (a merged cell)."""
    texts = []
    for h in header_rows[:-1]:
        row = grid[h]
        k = min(c, len(row) - 1)
        while k >= 0 and is_missing(row[k]):
            k -= 1
        if k >= 0:
            texts.append(cell_text(row[k]))
    return texts


def dedupe_targets(layout: Layout, columns: list[Column], pending: list) -> list[Column]:
    """The same score twice (e.g. a confidence bound labelled alike): keep the exact or first one, list the other."""
    kept: list[Column] = []
    used: dict[tuple, int] = {}
    for column in columns:
        if column.role != "target":
            kept.append(column)
            continue
        key = (column.target.index_code, column.target.component_code, column.entity_col, column.year)
        if key in used:
            prev = used[key]
            if kept[prev].target.exact or not column.target.exact:
                pending.append((column.col, column.header, "duplicate", None))
                continue
            pending.append((kept[prev].col, kept[prev].header, "duplicate", None))
            kept[prev] = column
            continue
        used[key] = len(kept)
        kept.append(column)
    return kept


def account_for_columns(layout: Layout, pending: list) -> None:
    """Columns not used get a reason; a numeric column nobody understood goes to layout.unknown (stops the import)."""
    mapped = {c.col for c in layout.columns}
    for c, header, why, guess in pending:
        if c in mapped:
            continue
        present = column_sample(layout, c)
        if not present and not header:
            continue
        if why:
            layout.unused.append((c, header, why))
            continue
        numeric = [x for x in present if is_number(x) or headers.rank_text(x)]
        wording = max(header.split(" / "), key=lambda t: len(header_key(t).split())) if header else ""
        if not present:
            layout.unused.append((c, header, "blank"))
        elif len(numeric) < max(1, 0.6 * len(present)):
            layout.unused.append((c, header, "text"))
        elif guess or not header or len(header_key(wording).split()) <= 3:
            # near a known word, or too short to be an indicator's wording: the user must say what it is
            layout.unknown.append((c, header, guess or guess_from_values(layout, numeric)))
        else:
            layout.unused.append((c, header, "not_in_catalog"))  # an indicator's long wording the catalog lacks


def column_sample(layout: Layout, c: int, limit: int = 200) -> list:
    """Non-missing cells of a column in the data rows (a sample on big sheets)."""
    rows = range(layout.first_row, layout.last_row)
    step = max(1, len(rows) // limit)
    grid = layout.grid
    return [grid[r][c] for r in rows[::step] if c < len(grid[r]) and not is_missing(grid[r][c])]


def is_number(cell: object) -> bool:
    """True for a number or text that reads as one."""
    if isinstance(cell, bool):
        return False
    if isinstance(cell, (int, float)):
        return True
    try:
        return parse_number(cell) is not None
    except (ValueError, TypeError):
        return False


def guess_from_values(layout: Layout, numeric: list) -> str:
    """What a numeric column's values suggest: rank (1…N, 38/63) or a score."""
    if any(headers.rank_text(x) for x in numeric if isinstance(x, str)):
        return "rank"
    try:
        ints = [parse_int(x) for x in numeric]
    except ValueError:
        ints = []
    n = layout.last_row - layout.first_row
    if ints and all(i is not None and 1 <= i <= max(n + 1, 64) for i in ints) and len(set(ints)) >= 0.8 * len(ints):
        return "rank"
    has_overall = any(c.role == "target" and not c.target.component_code for c in layout.columns)
    return "component" if has_overall else "overall"


def classify(c: int, texts: list[str], header: str, catalog: Catalog, allowed: list[str] | None,
             layout: Layout) -> tuple[Column | None, str | None, str | None]:
    """One column's role from its header texts (nearest header row first): (column, reason not used, guess)."""
    targets_exact, targets_loose = [], []
    for text in reversed(texts):
        for t in catalog.match_header(text, allowed):
            (targets_exact if t.exact else targets_loose).append(t)
    roles = [role_of(t) for t in reversed(texts) if t]
    roles = [r for r in roles if r]
    if roles and roles[0] not in USED_ROLES and roles[0] != "entity_code":
        return None, roles[0], None  # STT, Ghi chú, Vùng…: a reason, not data
    if roles and roles[0] in ("rank", "tier", "rank_of", "year", "index", "component", "value", "entity_code"):
        # explicit role words beat loose matches ("Xếp hạng PCI" is a rank, not the PCI score)
        if not targets_exact or roles[0] in ("rank", "tier", "rank_of"):
            if roles[0] == "entity_code":
                return None, "entity_code", None
            if roles[0] == "component" and len(texts) > 1 and texts[-1] and role_of(texts[-1]) != "component":
                pass  # "Tiêu chí" over "Tác động của CCHC (10 điểm)": a group header, the criterion is below
            else:
                return Column(c, roles[0], header), None, None
    if targets_exact or targets_loose:
        t = (targets_exact or targets_loose)[0]
        return Column(c, "target", header, target=t, confidence=1.0 if t.exact else 0.8), None, None
    for text in reversed(texts):
        ys = years_in(text)
        w = words(text).replace(str(ys[0]) if ys else "", "").strip() if ys else ""
        if len(ys) == 1 and w in YEAR_WORDS:
            return Column(c, "year_value", header, year=ys[0]), None, None
        if isinstance(text, str) and text.strip().isdigit() and 1990 <= int(text.strip()) <= 2049:
            return Column(c, "year_value", header, year=int(text.strip())), None, None
    why = next((w for w in map(headers.reason_in, reversed(texts)) if w), None)
    if why:
        return None, why, None
    # the header read by meaning: index name or code, score and rank words, units, maximum, typos
    readings = [headers.read_header(t, catalog, layout.index_code) for t in reversed(texts) if t]
    if not readings:
        return None, None, None
    first = readings[0]
    upper_index = next((r.index_named for r in readings[1:] if r.index_named), None)
    if first.role is None:
        # a criterion under a group header ("Tiêu chí" / "Tác động của CCHC (10 điểm)") is a component not yet named
        grouped = any(r.role == "component" for r in readings[1:])
        guess = first.guess or ("component" if grouped else None) or (first.index_named and "overall")
        if not guess and upper_index:
            guess = "overall"
        return None, None, guess
    if first.role == "entity":
        return None, "entity_copy", None  # a second name column (English names, names as published)
    if first.role not in USED_ROLES and first.role != "target":
        return None, first.role, None
    target = first.target
    if first.role in ("value", "overall") and target is None and upper_index:
        target = Target(upper_index, "", False)
    if target is not None:
        if not target.index_code:
            return Column(c, "overall", header, confidence=first.confidence, maximum=first.maximum), None, None
        if layout.index_code and target.index_code != layout.index_code:
            if target.component_code:
                return None, "other_index", None
            target = Target(layout.index_code, "", False)
        return Column(c, "target", header, target=target, confidence=first.confidence,
                      maximum=first.maximum), None, None
    return Column(c, first.role, header, confidence=first.confidence, maximum=first.maximum), None, None


def override_column(c: int, header: str, meaning: str, layout: Layout) -> Column | None:
    """The column as the user said it is: ignored, the overall score, a component, a rank, a tier or a year."""
    meaning = meaning.strip()
    if meaning == "ignore":
        return None
    if meaning in ("rank", "tier", "year", "rank_of"):
        return Column(c, meaning, header)
    component = "" if meaning == "overall" else meaning.removeprefix("component:").strip()
    return Column(c, "target", header, target=Target(layout.index_code or "", component, True))


def pair_entity_column(c: int, entity_cols: list[int]) -> int:
    """The entity column a value column belongs to: nearest on its left, else the first."""
    left = [e for e in entity_cols if e < c]
    return left[-1] if left else entity_cols[0]


def add_content_columns(layout: Layout) -> None:
    """Unlabelled rank and tier columns recognised by content (PCI 2005 tiers, PCI 2006 ranks, 38/63)."""
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
        if "tier" not in roles and all(headers.is_tier_word(x) for x in present):
            layout.columns.append(Column(c, "tier", "", entity_col=pair_entity_column(c, layout.entity_cols),
                                         confidence=0.7))
            roles.add("tier")
            continue
        if "rank" not in roles and len(present) >= 0.8 * n:
            entity_col = pair_entity_column(c, layout.entity_cols)
            if all(isinstance(x, str) and headers.rank_text(x) for x in present):
                layout.columns.append(Column(c, "rank", "", entity_col=entity_col, confidence=0.7))
                roles.add("rank")
                continue
            try:
                ints = [parse_int(x) for x in present]
            except ValueError:
                continue
            if all(i is not None and 1 <= i <= n + 1 for i in ints) and len(set(ints)) >= 0.8 * len(ints) \
                    and (not is_ordinal(ints) or rows_sorted_by_overall(layout, entity_col)):
                layout.columns.append(Column(c, "rank", "", entity_col=entity_col, confidence=0.7))
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

"""Validate raw observations: entities, components, years, numbers, scales, duplicates; then ranks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from reformdash.catalog import OVERALL, Catalog
from reformdash.errors import Problem
from reformdash.ingest.extract import column_headers, same
from reformdash.ingest.fields import Fields
from reformdash.ingest.layout import NEW_UNIT, SKIP_ROW, EntityFinder, column_letter
from reformdash.registry import Registry
from reformdash.text import is_missing, name_key, parse_int, parse_number, parse_rank, words
from reformdash.words import format_number, t
from reformdash.words.vocabulary import OVERALL_WORDS


def empty_ints(n: int) -> pd.arrays.IntegerArray:
    """n missing integers (Int64), built without a Python list."""
    return pd.arrays.IntegerArray(np.zeros(n, dtype=np.int64), np.ones(n, dtype=bool))


def group_ids(frame: pd.DataFrame, columns: list[str], cache: dict | None = None) -> np.ndarray:
    """One integer per distinct combination of the columns (faster to group on than object columns).

    `cache` keeps each column's factorisation while the frame's rows do not change.
    """
    cache = {} if cache is None else cache
    ids = np.zeros(len(frame), dtype=np.int64)
    for c in columns:
        codes, uniques = coded(frame[c], cache, c)
        ids = ids * (len(uniques) + 1) + codes
    return pd.factorize(ids)[0]


def factorised(values) -> tuple[np.ndarray, object]:
    """pd.factorize(values, use_na_sentinel=False): codes in order of appearance, NA one value.

    A column holding one text throughout (the index code on every row) is recognised by one comparison.
    """
    cells = values.to_numpy() if isinstance(values, pd.Series) else values
    if len(cells) and cells.dtype == object and isinstance(cells[0], str) and (cells == cells[0]).all():
        return np.zeros(len(cells), dtype=np.intp), np.array([cells[0]], dtype=object)
    return pd.factorize(values, use_na_sentinel=False)


def coded(series: pd.Series, cache: dict, name: str) -> tuple[np.ndarray, object]:
    """A column's factorisation (see factorised), kept in cache[name]."""
    if name not in cache or len(cache[name][0]) != len(series):
        cache[name] = factorised(series)
    return cache[name]


def first_rows(codes: np.ndarray) -> np.ndarray:
    """Positions of the first row of each group, for group codes numbered in order of appearance (factorize)."""
    if not len(codes):
        return np.zeros(0, dtype=np.int64)
    top = np.maximum.accumulate(codes)
    new = np.empty(len(codes), dtype=bool)
    new[0] = True
    new[1:] = top[1:] > top[:-1]
    return np.flatnonzero(new)


def distinct_rows(frame: pd.DataFrame, columns: list[str], cache: dict | None = None) -> np.ndarray:
    """Positions of the first row of every distinct combination of the columns, in order of appearance.

    As DataFrame.drop_duplicates keeps them (None and NaN are one value), without building a frame.
    """
    return first_rows(group_ids(frame, columns, cache))


def numbers_of(cells: pd.Series) -> pd.Series:
    """Cells as floats, NaN where a cell is not a plain number (text cells then go through the careful parser)."""
    if pd.api.types.infer_dtype(cells, skipna=False) in ("floating", "integer", "mixed-integer-float"):
        return pd.Series(cells.to_numpy().astype(float), index=cells.index)  # numbers only: no text to parse
    return pd.to_numeric(cells, errors="coerce")


def shown_cell(cell: object) -> str:
    """A cell as the user typed it: -2.0 read from Excel shows as -2."""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return " ".join(str(cell).split())


def map_unique(series: pd.Series, lookup, cache: dict | None = None, source: str | None = None,
               target: str | None = None) -> pd.Series:
    """Apply `lookup` once per distinct value (files repeat names, codes and years on every row); NA looks up None.

    With `cache`, the series' factorisation is cache[source] (made if missing) and the result's is kept as
    cache[target], so grouping on either column later hashes nothing again.
    """
    if cache is not None and source:
        codes, uniques = coded(series, cache, source)
    else:
        codes, uniques = factorised(series)
    mapped = np.empty(len(uniques), dtype=object)
    for k, u in enumerate(uniques):
        mapped[k] = lookup(None if pd.isna(u) else u)
    if cache is not None and target:
        mapped_codes, mapped_uniques = pd.factorize(mapped, use_na_sentinel=False)
        cache[target] = (mapped_codes[codes], mapped_uniques)
    return pd.Series(mapped[codes], index=series.index, dtype=object)


SCALE_TOLERANCE = 1e-6


MISSING_CELL, BAD_CELL = object(), object()


def parse_value_cell(raw: object) -> object:
    """A value cell as a float, MISSING_CELL (blank, N/A, KCDL…) or BAD_CELL (text that is not a number)."""
    if is_missing(raw):
        return MISSING_CELL
    try:
        value = parse_number(raw)
    except (ValueError, TypeError):
        return BAD_CELL
    return np.nan if value is None else value


@dataclass
class Validation:
    """One import on its way from raw observations to clean scores: what every check reads and adds to."""

    file_name: str
    catalog: Catalog
    registry: Registry
    find: EntityFinder
    options: object
    parent: str | None
    obs: pd.DataFrame | None = None
    scores: pd.DataFrame | None = None
    problems: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    meta: list = field(default_factory=list)  # per part: sheet, transposed, {column: header}
    attr_frames: list = field(default_factory=list)
    wide_parts: set = field(default_factory=set)
    listed_raw: pd.DataFrame | None = None  # (part, entity cell) of every row a wide table lists
    bad_numbers: list = field(default_factory=list)
    maxima: dict = field(default_factory=dict)  # (part, column) -> the criterion's maximum, "(10 điểm)"
    new_units: dict = field(default_factory=dict)
    new_unit_of: dict = field(default_factory=dict)  # entity cell -> code of the unit this import creates
    codes: dict = field(default_factory=dict)  # factorised columns, reused while obs keeps its rows
    stop: bool = False  # a check found something the next ones cannot work around

    @property
    def lang(self) -> str:
        """The language of the messages."""
        return self.options.lang

    def place(self, frame: pd.DataFrame, i: int, col: int | None = None) -> dict:
        """File, sheet, row and column (letter and header) of an observation, as the user sees the sheet."""
        sheet, transposed, headers = self.meta[int(frame.at[i, "part"])]
        r = int(frame.at[i, "row"])
        c = int(frame.at[i, "col"] if col is None else col)
        header = headers.get(c, "")
        if transposed:
            r, c = c, r
        letter = column_letter(c)
        return {"file": self.file_name, "sheet": sheet, "row": r + 1,
                "column": f"{letter} ({header})" if header else letter}

    def place_of(self, frame: pd.DataFrame, i: int, role: str) -> dict:
        """The place of a long table's index/component/year cell (its own column, not the value's)."""
        col = frame.at[i, f"{role}_col"]
        if col is None or pd.isna(col):
            return self.place(frame, i)
        return self.place(frame, i, col=int(col))

    def header_of(self, frame: pd.DataFrame, i: int) -> str:
        """The header of an observation's column."""
        return self.meta[int(frame.at[i, "part"])][2].get(int(frame.at[i, "col"]), "")


def gather_parts(v: Validation, parts) -> None:
    """Every table's observations in one frame, with their rank/tier cells beside."""
    from reformdash.ingest.importer import frames_for

    frames = []
    for part in parts:
        layout = part.layout
        obs, attrs = frames_for(part)
        if not len(obs):
            continue
        obs["part"] = len(frames)
        for c in layout.columns:
            if c.maximum is not None and c.role == "target":
                v.maxima[(len(frames), c.col)] = c.maximum
        v.meta.append((layout.sheet if layout.sheet != "csv" else None, layout.transposed, column_headers(layout)))
        obs["part_index"] = same(len(obs), part.index_code)
        obs["part_year"] = part.year
        if layout.kind != "long":
            v.wide_parts.add(len(frames))
        frames.append(obs)
        if len(attrs):
            attrs = attrs.copy()
            if "sheet" not in attrs.columns:
                attrs["sheet"] = layout.sheet
            attrs["sheet"] = attrs["sheet"].fillna(layout.sheet)
            attrs["transposed"] = layout.transposed
            attrs["part_index"] = part.index_code
            attrs["part_year"] = part.year
            attrs["part"] = len(frames) - 1
            v.attr_frames.append(attrs)
    if not frames:
        v.problems.append(Problem("no_table", v.file_name))
        return
    obs = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    if SKIP_ROW in v.find.marks:  # rows the user marked «không phải đơn vị / bỏ qua» (upload preview, --name)
        skipped = [raw for raw in obs["entity_raw"].unique() if v.find.marked(raw, SKIP_ROW)]
        obs = obs[~obs["entity_raw"].isin(skipped)].reset_index(drop=True)
    v.obs = obs


def parse_values(v: Validation) -> None:
    """Numbers parse in bulk, text cells once each; missing cells are dropped (missing is never zero)."""
    obs = v.obs
    values = numbers_of(obs["value_raw"])
    text_rows = obs.index[values.isna()]
    keep = pd.Series(True, index=obs.index)
    bad_numbers = []
    if len(text_rows):  # text cells repeat ("N/A", "65,5" in a ';' file): each distinct one is parsed once
        parsed = map_unique(obs.loc[text_rows, "value_raw"], parse_value_cell).to_numpy()
        missing = np.fromiter((p is MISSING_CELL for p in parsed), bool, len(parsed))
        bad = np.fromiter((p is BAD_CELL for p in parsed), bool, len(parsed))
        keep.loc[text_rows[missing]] = False
        bad_numbers = list(text_rows[bad])
        fine = ~(missing | bad)
        values.loc[text_rows[fine]] = parsed[fine].astype(float)
    obs["value"] = values.astype(float)
    # which entities each wide table lists, missing values included: a whole table is known by its rows
    listed_rows = obs[obs["part"].isin(v.wide_parts)] if v.wide_parts else obs.iloc[:0]
    v.listed_raw = listed_rows[["part", "entity_raw"]].iloc[distinct_rows(listed_rows, ["part", "entity_raw"])]
    if not keep.all():
        # bad numbers are kept rows: their labels become their positions among the kept rows
        position = keep.cumsum() - 1
        bad_numbers = [int(position.at[i]) for i in bad_numbers]
        obs = obs[keep].reset_index(drop=True)
    v.obs, v.bad_numbers = obs, bad_numbers


def resolve_entities(v: Validation) -> None:
    """Each distinct name resolved once; unknown names are new units (when asked) or problems with suggestions."""
    obs, registry, options = v.obs, v.registry, v.options
    find = v.find
    obs["entity_code"] = map_unique(obs["entity_raw"], lambda raw: find(raw) if isinstance(raw, str)
                                    and not find.marked(raw, NEW_UNIT) else None, v.codes, "entity_raw", "entity_code")
    # the row mask is needed only when some distinct name is unknown
    if not any(pd.isna(c) for c in v.codes["entity_code"][1]):
        return
    unknown = obs[obs["entity_code"].isna()]
    seen_kinds = {registry.entities[c].kind for c in obs["entity_code"].dropna().unique() if c in registry.entities}
    suggest_kinds = tuple(k for k in find.kinds if k in seen_kinds) or find.kinds
    for raw, group in unknown.groupby("entity_raw", sort=False, dropna=False):
        i = group.index[0]
        shown = "" if is_missing(raw) else str(raw)
        if shown and (find.marked(raw, NEW_UNIT) or options.level == "unit" and options.create_units):
            code = unit_code(v.parent, shown, registry, v.new_units)
            v.new_units.setdefault(code, {"code": code, "name_vi": " ".join(shown.split()), "parent_code": v.parent})
            find.cache[raw] = code  # the file's rank and tier of the new unit are read too
            obs.loc[group.index, "entity_code"] = code
            v.codes.pop("entity_code", None)
            v.new_unit_of[raw] = code
            continue
        key = "unknown_unit" if options.level == "unit" else "unknown_entity"
        names = registry.suggest(shown, suggest_kinds, parent=v.parent) if shown else []
        sug = t("suggestion", v.lang, names=", ".join(names)) if names else ""
        p = v.place(obs, i, col=int(obs.at[i, "entity_col"]))
        v.problems.append(Problem(key, value=shown or t("import.blank", v.lang), params={"suggestion": sug}, **p))
        if len(v.problems) >= 40:
            break


class _LongRows:
    """The rows of long tables (index, component and year in columns of their own), read and written as one."""

    def __init__(self, obs: pd.DataFrame):
        self.obs = obs
        self.mask = obs["target_component"].isna()
        self.every = bool(self.mask.all())  # a single long table: whole columns, no masked copies

    def get(self, column: str) -> pd.Series:
        return self.obs[column] if self.every else self.obs.loc[self.mask, column]

    def set(self, column: str, values) -> None:
        if self.every:
            self.obs[column] = values if isinstance(values, pd.Series) else pd.Series(
                np.array(values, dtype=object), index=self.obs.index, dtype=object)
        else:
            self.obs.loc[self.mask, column] = values


def resolve_long_indices(v: Validation) -> None:
    """The index of each observation: its table's, else a long table's index column, else --index."""
    obs, catalog, codes = v.obs, v.catalog, v.codes
    obs["index_code"] = obs["part_index"]
    long = _LongRows(obs)
    if not long.mask.any():
        return
    default_index = catalog.find_index(v.options.index) if v.options.index else None
    mapped = map_unique(long.get("index_raw"),
                        lambda raw: None if is_missing(raw) else catalog.find_index(str(raw)) or "?",
                        *((codes, "index_raw", "index_code") if long.every else ()))
    if long.every and not any(pd.isna(c) for c in codes["index_code"][1]):
        filled = mapped  # every row names its index: nothing to fill in
    else:
        codes.pop("index_code", None)
        filled = mapped.where(mapped.notna(), long.get("part_index"))
        if default_index:
            filled = filled.where(filled.notna(), default_index)
    long.set("index_code", filled)
    # look at the distinct codes first: the row masks are only needed when something is wrong
    index_values = coded(obs["index_code"], codes, "index_code")[1]
    if any(isinstance(c, str) and c == "?" for c in index_values):
        for i in obs.index[long.mask & (obs["index_code"] == "?")][:20]:
            v.problems.append(Problem("unknown_index", value=obs.at[i, "index_raw"], **v.place_of(obs, i, "index")))
    if any(pd.isna(c) for c in index_values):
        no_index = obs.index[long.mask & obs["index_code"].isna()]
        if len(no_index):
            p = v.place(obs, no_index[0])
            p.pop("column")
            v.problems.append(Problem("no_index", **p))
    v.stop = bool(v.problems) and any(p.key in ("unknown_index", "no_index") for p in v.problems)


def resolve_long_components(v: Validation) -> None:
    """The component of each long-table observation, each distinct (index, text) once."""
    obs, catalog, codes = v.obs, v.catalog, v.codes
    long = _LongRows(obs)
    if long.mask.any():
        index_long, comp_long = long.get("index_code"), long.get("component_raw")
        pairs = distinct_rows(obs, ["index_code", "component_raw"], codes) if long.every else \
            distinct_rows(pd.DataFrame({"i": index_long, "c": comp_long}), ["i", "c"])
        pair_index = index_long.to_numpy()[pairs]
        comp_map = {}
        for index_code, raw in zip(pair_index, comp_long.to_numpy()[pairs]):
            if is_missing(raw) or words(raw) in OVERALL_WORDS:
                comp_map[(index_code, raw)] = OVERALL
            else:
                comp = catalog.component(index_code, str(raw).strip())
                comp_map[(index_code, raw)] = comp.code if comp else None
        if len(set(pair_index)) == 1:
            only = index_long.iloc[0]
            simple = {raw: code for (ix, raw), code in comp_map.items() if ix == only}
            long.set("target_component", map_unique(comp_long, lambda raw: simple.get(raw, OVERALL),
                                                    *((codes, "component_raw", "component_code") if long.every
                                                      else ())))
        else:
            long.set("target_component", [comp_map[(ix, raw)] for ix, raw in zip(index_long, comp_long)])
        for (index_code, raw), code in comp_map.items():
            if code is None:
                i = obs.index[long.mask & (obs["index_code"] == index_code) & (obs["component_raw"] == raw)][0]
                v.problems.append(Problem("unknown_component", value=raw, params={"index": index_code},
                                          **v.place_of(obs, i, "component")))
    obs["component_code"] = obs["target_component"]


def report_bad_numbers(v: Validation) -> None:
    """Value cells that are text but not a number."""
    for i in v.bad_numbers[:20]:
        v.problems.append(Problem("not_a_number", value=v.obs.at[i, "value_raw"], **v.place(v.obs, i)))


def _year_of(raw: object) -> int | None:
    """A year cell as a number, None if blank, -1 if unreadable."""
    if is_missing(raw):
        return None
    try:
        return parse_int(raw)
    except (ValueError, TypeError):
        return -1


def resolve_years(v: Validation) -> None:
    """The year of each observation: its own cell, else its table's (sheet, title, file name), else --year."""
    obs, codes = v.obs, v.codes
    year_codes, year_cells = coded(obs["year_raw"], codes, "year_raw")
    parsed = [_year_of(None if pd.isna(u) else u) for u in year_cells]
    if all(y is not None and y != -1 for y in parsed):
        # every row has its own readable year (a year column): nothing to fill in, nothing to report
        year_values = np.array(parsed, dtype=np.int64)
        years = pd.Series(year_values[year_codes], index=obs.index)
        distinct_codes, distinct_years = pd.factorize(year_values)
        codes["year"] = (distinct_codes[year_codes], distinct_years)
        bad = obs.index[:0]
    else:
        years = map_unique(obs["year_raw"], _year_of)
        years = years.where(years.notna(), obs["part_year"])
        if v.options.year:
            years = years.where(years.notna(), v.options.year)
        bad = obs.index[years.isna() | (years == -1)]
    for i in bad[:20]:
        raw = obs.at[i, "year_raw"]
        if is_missing(raw):
            p = v.place(obs, i)
            p.pop("column")
            v.problems.append(Problem("no_year", **p))
            break
        v.problems.append(Problem("year_not_a_number", value=raw, **v.place_of(obs, i, "year")))
    if not v.problems:
        obs["year"] = years.astype(int)


def check_year_range(v: Validation) -> None:
    """A year the index cannot have (before it began, after next year)."""
    obs, options = v.obs, v.options
    this_year = dt.date.today().year
    firsts = distinct_rows(obs, ["index_code", "year"], v.codes)
    for index_code, year in zip(obs["index_code"].to_numpy()[firsts].tolist(), obs["year"].to_numpy()[firsts].tolist()):
        first = v.catalog.indices[index_code].first_year
        if not (min(first, 1990) <= year <= this_year + 1) or year < first - 5:
            i = obs.index[(obs["index_code"] == index_code) & (obs["year"] == year)][0]
            params = {"index": index_code, "low": first, "high": this_year + 1}
            if is_missing(obs.at[i, "year_raw"]):
                # the year came from --year, the sheet or the file name, not from a cell
                where = {k: w for k, w in v.place(obs, i).items() if k in ("file", "sheet")}
                key = "bad_year_option" if options.year == year else "bad_year"
                v.problems.append(Problem(key, value=year, params=params, **where))
            else:
                v.problems.append(Problem("bad_year", value=year, params=params, **v.place_of(obs, i, "year")))


def check_entity_years(v: Validation) -> None:
    """An entity outside the year's field: merged away (Bình Dương in 2025), not yet named, or gone."""
    obs = v.obs
    for code, year in entities_out_of_years(obs, v.registry, v.codes):
        i = obs.index[(obs["entity_code"] == code) & (obs["year"] == year)][0]
        key, params = entity_year_problem(v.registry, code, int(year), v.lang)
        p = v.place(obs, i, col=int(obs.at[i, "entity_col"]))
        v.problems.append(Problem(key, value=obs.at[i, "entity_raw"], params=params, **p))


def check_component_years(v: Validation) -> None:
    """A component outside its years: a mislabelled column (PAPI 2014 vie) must not load quietly."""
    obs, catalog = v.obs, v.catalog
    comps = obs[["index_code", "component_code", "year"]].iloc[
        distinct_rows(obs, ["index_code", "component_code", "year"], v.codes)]
    comps = comps[comps["component_code"] != OVERALL]
    for index_code, comp, year in comps.itertuples(index=False):
        c = catalog.components[index_code][comp]
        if not c.valid_in(int(year)):
            i = obs.index[(obs["index_code"] == index_code) & (obs["component_code"] == comp)
                          & (obs["year"] == year)][0]
            span = f"{c.valid_from_year or '…'}–{c.valid_to_year or '…'}"
            v.problems.append(Problem("component_not_in_year", value=v.header_of(obs, i) or comp, params={
                "component": c.name(v.lang), "index": index_code, "year": int(year), "span": span},
                **v.place(obs, i)))


def check_scales(v: Validation) -> None:
    """Negative values and values outside the index's or component's scale; PAPI 2014's zero totals are missing."""
    obs, lang = v.obs, v.lang
    low, high, what = scales(obs, v.catalog, lang, v.codes)
    value, lows, highs = obs["value"].to_numpy(), low.to_numpy(), high.to_numpy()
    negative = value < 0
    outside = ((value < lows - SCALE_TOLERANCE) | (value > highs + SCALE_TOLERANCE)) & ~negative
    neg, out = pd.Series(negative, index=obs.index), pd.Series(outside, index=obs.index)
    # PAPI 2014 writes 0 as the total of provinces with no data: an overall 0 below a positive scale
    # with no component values for that entity is a formula artefact, i.e. missing.
    zero = outside & (value == 0) & (lows > 0)
    if zero.any():
        zero &= (obs["component_code"] == OVERALL).to_numpy()
    zero_artefact = pd.Series(zero, index=obs.index)
    if zero_artefact.any():
        has_components = set(zip(obs.loc[obs["component_code"] != OVERALL, "entity_code"],
                                 obs.loc[obs["component_code"] != OVERALL, "year"]))
        artefact = zero_artefact & ~pd.Series([(e, y) in has_components for e, y in
                                                zip(obs["entity_code"], obs["year"])], index=obs.index)
        if artefact.any():
            v.notes.append(t("note_zero_totals", lang, count=int(artefact.sum())))
        obs = v.obs = obs[~artefact]
        v.codes = {}
        out, neg, low, high = out[~artefact], neg[~artefact], low[~artefact], high[~artefact]
    for i in obs.index[neg][:20]:
        v.problems.append(Problem("negative", value=shown_cell(obs.at[i, "value_raw"]), **v.place(obs, i)))
    for i in obs.index[out][:20]:
        v.problems.append(Problem("out_of_scale", value=shown_cell(obs.at[i, "value_raw"]), params={
            "low": format_number(low[i], lang, 2), "high": format_number(high[i], lang, 2), "what": what(i)},
            **v.place(obs, i)))


def check_maxima(v: Validation) -> None:
    """A value above its criterion's maximum (written in the header, «(10 điểm)», or a «Điểm tối đa» row)."""
    if not v.maxima:
        return
    obs = v.obs
    keys = list(zip(obs["part"].to_numpy().tolist(), obs["col"].to_numpy().tolist()))
    maximum = np.array([v.maxima.get(k, np.inf) for k in keys], dtype=float)
    above = obs["value"].to_numpy(float) > maximum + SCALE_TOLERANCE
    for i in obs.index[above][:20]:
        v.problems.append(Problem("above_maximum", value=shown_cell(obs.at[i, "value_raw"]), params={
            "maximum": shown_cell(float(maximum[obs.index.get_loc(i)]))}, **v.place(obs, i)))


SCORE_KEY = ["index_code", "year", "entity_code", "component_code"]


def check_duplicates(v: Validation) -> None:
    """The same key twice with different values is an error; the same value twice is one row."""
    obs, registry = v.obs, v.registry
    gid = group_ids(obs, SCORE_KEY, v.codes)
    dup = pd.Series(np.bincount(gid)[gid] > 1 if len(gid) else np.zeros(0, dtype=bool), index=obs.index)
    if not dup.any():
        return
    for _, group in obs[dup].groupby(SCORE_KEY, sort=False):
        vals = group["value"].round(9)
        if vals.nunique() > 1:
            first, second = group.index[0], group.index[1]
            comp = group.at[first, "component_code"]
            p = v.place(obs, second)
            v.problems.append(Problem("duplicate", value=obs.at[second, "value_raw"], params={
                "entity": registry.entities[group.at[first, "entity_code"]].name_vi
                if group.at[first, "entity_code"] in registry.entities else group.at[first, "entity_raw"],
                "what": f"{group.at[first, 'index_code']} {group.at[first, 'year']}" + (f" · {comp}" if comp else ""),
                "other_row": v.place(obs, first)["row"], "other_value": obs.at[first, "value_raw"]}, **p))
            if len(v.problems) > 40:
                break
    v.obs = obs[~pd.Series(group_ids(obs, SCORE_KEY, v.codes), index=obs.index).duplicated(keep="first")]
    v.codes = {}


def read_published_ranks(v: Validation) -> None:
    """The scores with the ranks, fields and tiers the file publishes (long tables' columns, wide tables' cells)."""
    scores = v.obs[SCORE_KEY + ["value"]]  # a new frame (copy on write)
    scores["rank"] = empty_ints(len(scores))
    scores["rank_of"] = empty_ints(len(scores))
    scores["tier"] = None
    long_ranks(scores, v.obs, v.problems, v.place)
    v.scores = apply_attributes(scores, v.obs, v.attr_frames, v.find, v.problems, v.file_name, v.lang, v.registry)


def rank_over_fields(v: Validation) -> None:
    """Ranks computed where the file covers a whole field; every rank out of its field; printed precision kept."""
    fields = Fields(v.registry, v.parent, v.new_units)
    for part, raw in v.listed_raw.itertuples(index=False):
        code = (v.find(raw) if isinstance(raw, str) else None) or v.new_unit_of.get(raw)
        if code:
            fields.listed.setdefault(int(part), set()).add(code)
    scores, obs = v.scores, v.obs
    scores = compute_ranks(scores, v.catalog, v.codes if len(scores) == len(obs) else None, fields,
                           obs.loc[scores.index, "part"].to_numpy())
    scores["tolerance"] = printed_tolerance(obs.loc[scores.index, "value_raw"], scores["value"].to_numpy(float))
    if not scores.index.equals(pd.RangeIndex(len(scores))):
        scores = scores.reset_index(drop=True)
    v.scores = scores


# The checks in order; after a step marked True, problems found so far stop the import (later checks would only
# repeat them: a row with an unknown province has no year to check).
STEPS = [
    (parse_values, False),
    (resolve_entities, False),
    (resolve_long_indices, False),
    (resolve_long_components, False),
    (report_bad_numbers, True),
    (resolve_years, True),
    (check_year_range, True),
    (check_entity_years, False),
    (check_component_years, True),
    (check_scales, False),
    (check_maxima, False),
    (check_duplicates, True),
    (read_published_ranks, True),
    (rank_over_fields, False),
]


def validate(parts, file_name: str, catalog: Catalog, registry: Registry, find: EntityFinder, options,
             parent: str | None):
    """Clean scores for all parts, new units to create, problems (each with its place), notes."""
    v = Validation(file_name, catalog, registry, find, options, parent)
    gather_parts(v, parts)
    if v.problems:
        return None, [], v.problems, v.notes
    for step, stop_on_problems in STEPS:
        step(v)
        if v.stop or (stop_on_problems and v.problems):
            return None, [], v.problems, v.notes
    return v.scores, list(v.new_units.values()), v.problems, v.notes


MIN_TOLERANCE = 1e-6  # published figures carry float noise; the demo CSV keeps 6 decimals


def printed_tolerance(raw: pd.Series, values: np.ndarray) -> np.ndarray:
    """Half a unit of each value's last printed decimal: 65.5 → 0.05, "65,50" → 0.005, 62.158706665… → 1e-6.

    A value equal to the stored one at the file's own precision is unchanged (a web page's rounded 65.5 against
    the publisher's 65.4837): the precise stored value is kept.
    """
    tolerance = np.full(len(values), MIN_TOLERANCE)
    undecided = ~np.isnan(values)
    for decimals in range(0, 6):
        scaled = values * 10.0 ** decimals
        exact = undecided & (np.abs(scaled - np.round(scaled)) <= 1e-9 * np.maximum(np.abs(scaled), 1.0))
        tolerance[exact] = 0.5 * 10.0 ** -decimals
        undecided &= ~exact
    if pd.api.types.infer_dtype(raw, skipna=True) not in ("floating", "integer", "mixed-integer-float", "empty"):
        texts = np.fromiter((isinstance(x, str) for x in raw), bool, len(raw))
        if texts.any():  # text keeps its trailing zeros: "65,50" is printed to two decimals
            printed = map_unique(raw[texts], text_tolerance).to_numpy(dtype=float)
            tolerance[texts] = np.where(np.isnan(printed), tolerance[texts], printed)
    return tolerance


def text_tolerance(cell: object) -> float:
    """Half a unit of the last decimal written in a number typed as text; NaN when it cannot tell."""
    if not isinstance(cell, str):
        return np.nan
    text = cell.strip().rstrip("%").strip().replace("\u00a0", "").replace(" ", "")
    separators = [i for i, ch in enumerate(text) if ch in ".,"]
    if not separators:
        return 0.5 if text.lstrip("+-").isdigit() else np.nan
    last = separators[-1]
    tail = text[last + 1:]
    if not tail.isdigit():
        return np.nan
    if len(separators) == 1 and len(tail) == 3 and text[last] != text[0] and text.count(text[last]) == 1 \
            and parse_number(text) == float(text.replace(text[last], "")):
        return 0.5  # "1.234" read as a thousands separator
    return max(0.5 * 10.0 ** -len(tail), MIN_TOLERANCE)


def scales(obs: pd.DataFrame, catalog: Catalog, lang: str, codes: dict | None = None):
    """Lower and upper bound of each observation's scale (Series), and a function naming a row's scale."""
    table = {}
    gid = group_ids(obs, ["index_code", "component_code"], codes)
    firsts = first_rows(gid)
    keys = list(zip(obs["index_code"].to_numpy()[firsts], obs["component_code"].to_numpy()[firsts]))
    for index_code, comp in keys:
        index = catalog.indices[index_code]
        if comp:
            c = catalog.components[index_code][comp]
            low = c.scale_min if c.scale_min is not None and not pd.isna(c.scale_min) else 0.0
            high = c.scale_max if c.scale_max is not None and not pd.isna(c.scale_max) else index.scale_max
            # components are checked for sign and ceiling only: publishers' floors are not hard limits
            table[(index_code, comp)] = (min(low, 0.0), high, f"{index.code} · {c.name(lang)}")
        else:
            table[(index_code, comp)] = (index.scale_min, index.scale_max, index.name(lang))

    def what(i: int) -> str:
        return table[(obs.at[i, "index_code"], obs.at[i, "component_code"])][2]

    lows = np.array([table[k][0] for k in keys], dtype=float)
    highs = np.array([table[k][1] for k in keys], dtype=float)
    return pd.Series(lows[gid], index=obs.index), pd.Series(highs[gid], index=obs.index), what


def entities_out_of_years(obs: pd.DataFrame, registry: Registry, codes: dict) -> list[tuple]:
    """(entity code, year) pairs of rows naming an entity outside that year's field, in order of appearance.

    A yearly result belongs to the entities in force on 1 July of its year (Entity.in_field).
    """
    entity_ids, entity_codes = coded(obs["entity_code"], codes, "entity_code")
    spans = [registry.entities.get(c) for c in entity_codes]
    start = np.array([_mid_year_from(e.valid_from) if e is not None and e.valid_from else 0 for e in spans])
    end = np.array([_mid_year_to(e.valid_to) if e is not None and e.valid_to else 9999 for e in spans])
    year = obs["year"].to_numpy()
    if ((start[entity_ids] <= year) & (year <= end[entity_ids])).all():
        return []
    pairs = obs[["entity_code", "year"]].iloc[distinct_rows(obs, ["entity_code", "year"], codes)]
    return [(code, year) for code, year in pairs.itertuples(index=False)
            if code in registry.entities and not registry.entities[code].in_field(int(year))]


def _mid_year_from(day: dt.date) -> int:
    """The first year whose 1 July falls on or after the day."""
    return day.year if day <= dt.date(day.year, 7, 1) else day.year + 1


def _mid_year_to(day: dt.date) -> int:
    """The last year whose 1 July falls on or before the day."""
    return day.year if day >= dt.date(day.year, 7, 1) else day.year - 1


def entity_year_problem(registry: Registry, code: str, year: int, lang: str) -> tuple[str, dict]:
    """The problem key and words for an entity outside a year's field: merged away, not yet named, or gone."""
    entity = registry.entities[code]
    merged = registry.absorbed_by.get(code)
    if merged and entity.valid_to and dt.date(year, 7, 1) > entity.valid_to:
        absorber = registry.entities[merged[0]]
        return "entity_merged", {"entity": entity.name_vi, "absorber": absorber.name(lang),
                                 "date": merged[1].strftime("%d/%m/%Y"), "year": int(year)}
    if entity.valid_from and dt.date(year, 7, 1) < entity.valid_from:
        return "entity_not_yet", {"entity": entity.name_vi, "date": entity.valid_from.strftime("%d/%m/%Y"),
                                  "year": int(year)}
    valid = f"{entity.valid_from or '…'} – {entity.valid_to or '…'}"
    return "entity_not_in_year", {"entity": entity.name_vi, "year": int(year), "valid": valid}


def apply_attributes(scores, obs, attr_frames, find, problems, file_name, lang, registry):
    """Published rank, field size and tier onto the overall rows of the same entity and year."""
    if not attr_frames:
        return scores
    attrs = pd.concat(attr_frames, ignore_index=True)
    attrs = attrs[~attrs["raw"].map(is_missing)]
    if not len(attrs):
        return scores
    attrs = attrs.assign(entity_code=attrs["entity_raw"].map(
        lambda x: find(x) if isinstance(x, str) and not find.marked(x, SKIP_ROW) else None))
    attrs = attrs[attrs["entity_code"].notna()]
    overall = scores["component_code"] == OVERALL
    lookup, by_row = {}, {}
    for row in attrs.itertuples(index=False):
        year = getattr(row, "year", None)  # a rank column headed with its own year (Hạng 2018 | Hạng 2019)
        year = row.part_year if year is None or pd.isna(year) else int(year)
        if year is None or pd.isna(year):
            # a table with a year column: a rank belongs to its own row's year, not to the entity's every year
            table, k = by_row, (int(row.part), int(row.row), row.attr)
            stated_key = (int(row.part), int(row.row), "rank_of")
        else:
            table, k = lookup, (row.part_index, year, row.entity_code, row.attr)
            stated_key = (row.part_index, year, row.entity_code, "rank_of")
        if k in table:
            continue
        raw = row.raw
        if row.attr in ("rank", "rank_of"):
            try:
                value, stated = parse_rank(raw) if row.attr == "rank" else (parse_int(raw), None)
                if value is None or value < 1:
                    raise ValueError(raw)
                if stated is not None:  # "38/63": the file says what the rank is out of
                    table.setdefault(stated_key, stated)
            except (ValueError, TypeError):
                r, c = int(row.row), int(row.col)
                if row.transposed:
                    r, c = c, r
                letter = column_letter(c)
                problems.append(Problem("bad_rank", file_name, sheet=row.sheet, row=r + 1,
                                        column=f"{letter} ({row.header})" if row.header else letter, value=raw))
                continue
        else:
            value = " ".join(str(raw).split())
        table[k] = value
    parts_rows = list(zip(obs.loc[scores.index, "part"], obs.loc[scores.index, "row"])) if by_row else None
    for attr, column in (("rank", "rank"), ("rank_of", "rank_of"), ("tier", "tier")):
        vals = [lookup.get((i, y, e, attr)) if o else None for i, y, e, o in
                zip(scores["index_code"], scores["year"], scores["entity_code"], overall)]
        if by_row:
            vals = [v if v is not None or not o else by_row.get((int(part), int(r), attr))
                    for v, o, (part, r) in zip(vals, overall, parts_rows)]
        if any(v is not None for v in vals):
            scores[column] = pd.array(vals, dtype="Int64") if column != "tier" else vals
    tiers = scores["tier"]
    if tiers.notna().any():
        scores["tier"] = fill_tier_bands(scores)
    return scores


def long_ranks(scores: pd.DataFrame, obs: pd.DataFrame, problems: list, place) -> None:
    """Rank, rank_of and tier written on each row of a long table."""
    stated_of: dict = {}
    for raw_col, column in (("rank_raw", "rank"), ("rank_of_raw", "rank_of")):
        raw = obs[raw_col]
        if raw.isna().all():
            continue
        present = ~raw.map(is_missing)
        if not present.any():
            continue
        parsed = []
        for i, value in zip(obs.index, raw):
            if is_missing(value):
                parsed.append(None)
                continue
            try:
                n, stated = parse_rank(value) if column == "rank" else (parse_int(value), None)
                if n is None or n < 1:
                    raise ValueError(value)
                parsed.append(n)
                if stated is not None:
                    stated_of[i] = stated
            except (ValueError, TypeError):
                p = place(obs, i)
                p["column"] = None
                problems.append(Problem("bad_rank", value=value, **p))
                parsed.append(None)
        scores[column] = pd.array(parsed, dtype="Int64")
    if stated_of:  # ranks written "38/63" in a long table
        rank_of = scores["rank_of"].copy()
        for i, n in stated_of.items():
            if pd.isna(rank_of.at[i]):
                rank_of.at[i] = n
        scores["rank_of"] = rank_of
    tiers = obs["tier_raw"]
    if not tiers.isna().all() and (~tiers.map(is_missing)).any():
        scores["tier"] = [None if is_missing(x) else " ".join(str(x).split()) for x in tiers]


def fill_tier_bands(scores: pd.DataFrame) -> pd.Series:
    """A tier written once per band (merged cell, PCI 2005) applies down to the next one, in rank order."""
    tiers = scores["tier"].copy()
    for _, group in scores[scores["component_code"] == OVERALL].groupby(["index_code", "year"]):
        if group["rank"].isna().all():
            continue
        ordered = group.sort_values(["rank", "entity_code"])
        current = None
        for i in ordered.index:
            if tiers[i] is not None and not pd.isna(tiers[i]):
                current = tiers[i]
            elif current is not None:
                tiers[i] = current
    return tiers


def competition_rank(values: pd.Series, higher_is_better: bool) -> pd.Series:
    """1224 ranking: ties share the best place, the next place skips."""
    return values.rank(method="min", ascending=not higher_is_better).astype("Int64")


def competition_ranks(gid: np.ndarray, signed: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """1224 ranks within each group (higher first; NaN unranked) and each group's count of values, with numpy."""
    n = len(gid)
    present = ~np.isnan(signed)
    # by value, then (stable) by group: the order among equal values does not change their shared rank
    by_value = np.argsort(-np.where(present, signed, -np.inf))
    groups = gid[by_value]
    if n and gid.max() < np.iinfo(np.int16).max:
        groups = groups.astype(np.int16)  # numpy sorts small integers by radix
    order = by_value[np.argsort(groups, kind="stable")]
    g, v, p = gid[order], signed[order], present[order]
    idx = np.arange(n)
    new_group = np.ones(n, dtype=bool)
    new_group[1:] = g[1:] != g[:-1]
    group_start = np.maximum.accumulate(np.where(new_group, idx, 0))
    new_value = new_group.copy()
    new_value[1:] |= v[1:] != v[:-1]
    first_equal = np.maximum.accumulate(np.where(new_value, idx, 0))
    ranks_sorted = np.where(p, first_equal - group_start + 1, np.nan)
    ranks = np.empty(n)
    ranks[order] = ranks_sorted
    counts = np.bincount(gid, weights=present.astype(float))[gid]
    return ranks, counts


def compute_ranks(scores: pd.DataFrame, catalog: Catalog, codes: dict | None = None,
                  fields: Fields | None = None, parts: np.ndarray | None = None) -> pd.DataFrame:
    """Ranks where the file has none, only over a whole field; published ranks kept; rank_of the field's size.

    A partial table (a newspaper's top ten, a retyped part of MOHA's table) gets no invented ranks: "1/10 … 10/10"
    would be wrong. Published ranks of a partial table are out of the year's field (63, 34 from 2025, the parent's
    units), or of the field the file states ("38/63").
    """
    codes = {} if codes is None else codes
    gid = group_ids(scores, ["index_code", "year", "component_code"], codes)
    index_ids, index_codes = codes["index_code"]
    higher = np.array([catalog.indices[c].higher_is_better for c in index_codes], dtype=bool)[index_ids]
    values = scores["value"].to_numpy(float)
    computed, counted = competition_ranks(gid, np.where(higher, values, -values))
    if fields is not None and len(gid):
        sizes, covered = fields.coverage(gid, parts if parts is not None else np.zeros(len(gid), dtype=int),
                                         scores["entity_code"].to_numpy(), ~np.isnan(values),
                                         scores["index_code"].to_numpy(), scores["year"].to_numpy())
        whole, size = covered[gid], sizes[gid]
    else:
        whole, size = np.ones(len(gid), dtype=bool), np.full(len(gid), np.nan)
    computed = np.where(whole, computed, np.nan)
    # a whole table's field is what it ranks (PAPI 2014: 61 of 63 with data); a partial one's is the year's field
    field = np.where(whole, counted, size)
    rank = scores["rank"].to_numpy(dtype=float, na_value=np.nan)
    has_rank = ~np.isnan(rank)
    if has_rank.any():
        # a group with any published rank keeps the published ranks; its field is at least the largest rank
        published = np.bincount(gid, weights=has_rank.astype(float))[gid] > 0
        largest = np.zeros(gid.max() + 1)
        np.maximum.at(largest, gid, np.where(has_rank, rank, 0))
        field = np.where(published, np.fmax(field, largest[gid]), field)
        rank = np.where(published, rank, computed)
    else:
        rank = computed
    rank_of = scores["rank_of"].to_numpy(dtype=float, na_value=np.nan)
    rank_of = np.where(np.isnan(rank_of) & ~np.isnan(rank), field, rank_of)
    scores["rank"] = float_to_ints(rank)
    scores["rank_of"] = float_to_ints(rank_of)
    return scores


def float_to_ints(values: np.ndarray) -> pd.arrays.IntegerArray:
    """Floats with NaN as nullable integers."""
    missing = np.isnan(values)
    return pd.arrays.IntegerArray(np.where(missing, 0, values).astype(np.int64), missing)


def unit_code(parent: str | None, name: str, registry: Registry, taken: dict) -> str:
    """A readable, unique code for a new unit: parent code + name key."""
    base = f"{parent or 'U'}-{name_key(name)[:24]}"
    code, n = base, 2
    while code in registry.entities or (code in taken and taken[code]["name_vi"] != " ".join(name.split())):
        code, n = f"{base}-{n}", n + 1
    return code


"""Validate raw observations: entities, components, years, numbers, scales, duplicates; then ranks."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from reformdash.catalog import OVERALL, Catalog
from reformdash.errors import Problem
from reformdash.i18n import format_number, t
from reformdash.ingest.extract import column_headers, same
from reformdash.ingest.layout import NEW_UNIT, SKIP_ROW, EntityFinder, column_letter
from reformdash.registry import Registry
from reformdash.text import is_missing, name_key, parse_int, parse_number, words


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


OVERALL_WORDS = {"", "tong", "tong hop", "chung", "overall", "total", "chi so chung", "diem tong hop", "tong diem"}
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


def validate(parts, file_name: str, catalog: Catalog, registry: Registry, find: EntityFinder, options,
             parent: str | None):
    """Clean scores for all parts, new units to create, problems (each with its place), notes."""
    from reformdash.ingest.importer import frames_for

    lang = options.lang
    problems: list[Problem] = []
    notes: list[str] = []
    frames = []
    attr_frames = []
    new_units: dict[str, dict] = {}
    meta: list[tuple] = []  # per part: sheet, transposed, {column: header}
    for part in parts:
        layout = part.layout
        obs, attrs = frames_for(part)
        if not len(obs):
            continue
        obs["part"] = len(frames)
        meta.append((layout.sheet if layout.sheet != "csv" else None, layout.transposed, column_headers(layout)))
        obs["part_index"] = same(len(obs), part.index_code)
        obs["part_year"] = part.year
        frames.append(obs)
        if len(attrs):
            attrs = attrs.copy()
            if "sheet" not in attrs.columns:
                attrs["sheet"] = layout.sheet
            attrs["sheet"] = attrs["sheet"].fillna(layout.sheet)
            attrs["transposed"] = layout.transposed
            attrs["part_index"] = part.index_code
            attrs["part_year"] = part.year
            attr_frames.append(attrs)
    if not frames:
        return None, [], [Problem("no_table", file_name)], notes
    obs = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    if SKIP_ROW in find.marks:  # rows the user marked «không phải đơn vị / bỏ qua» (upload preview, --name)
        skipped = [raw for raw in obs["entity_raw"].unique() if find.marked(raw, SKIP_ROW)]
        obs = obs[~obs["entity_raw"].isin(skipped)].reset_index(drop=True)
    # values: numbers parse in bulk; only text cells go through the careful parser.
    # Missing cells are dropped (a missing value is missing, never zero).
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
    if not keep.all():
        # bad numbers are kept rows: their labels become their positions among the kept rows
        position = keep.cumsum() - 1
        bad_numbers = [int(position.at[i]) for i in bad_numbers]
        obs = obs[keep].reset_index(drop=True)

    def place_of(frame: pd.DataFrame, i: int, role: str) -> dict:
        """The place of a long table's index/component/year cell (its own column, not the value's)."""
        col = frame.at[i, f"{role}_col"]
        if col is None or pd.isna(col):
            return place(frame, i)
        return place(frame, i, col=int(col))

    def place(frame: pd.DataFrame, i: int, col: int | None = None) -> dict:
        sheet, transposed, headers = meta[int(frame.at[i, "part"])]
        r = int(frame.at[i, "row"])
        c = int(frame.at[i, "col"] if col is None else col)
        header = headers.get(c, "")
        if transposed:
            r, c = c, r
        letter = column_letter(c)
        return {"file": file_name, "sheet": sheet, "row": r + 1,
                "column": f"{letter} ({header})" if header else letter}

    def header_of(frame: pd.DataFrame, i: int) -> str:
        return meta[int(frame.at[i, "part"])][2].get(int(frame.at[i, "col"]), "")

    # entities: resolve each distinct name once
    kinds = find.kinds
    codes: dict = {}  # factorised columns, reused while obs keeps its rows and the column its values
    obs["entity_code"] = map_unique(obs["entity_raw"], lambda raw: find(raw) if isinstance(raw, str)
                                    and not find.marked(raw, NEW_UNIT) else None, codes, "entity_raw", "entity_code")
    # the row mask is needed only when some distinct name is unknown
    unknown = obs[obs["entity_code"].isna()] if any(pd.isna(v) for v in codes["entity_code"][1]) else obs.iloc[:0]
    seen_kinds = {registry.entities[c].kind for c in obs["entity_code"].dropna().unique() if c in registry.entities} \
        if len(unknown) else set()
    suggest_kinds = tuple(k for k in kinds if k in seen_kinds) or kinds
    for raw, group in unknown.groupby("entity_raw", sort=False, dropna=False):
        i = group.index[0]
        shown = "" if is_missing(raw) else str(raw)
        if shown and (find.marked(raw, NEW_UNIT) or options.level == "unit" and options.create_units):
            code = unit_code(parent, shown, registry, new_units)
            new_units.setdefault(code, {"code": code, "name_vi": " ".join(shown.split()), "parent_code": parent})
            find.cache[raw] = code  # the file's rank and tier of the new unit are read too
            obs.loc[group.index, "entity_code"] = code
            codes.pop("entity_code", None)
            continue
        key = "unknown_unit" if options.level == "unit" else "unknown_entity"
        names = registry.suggest(shown, suggest_kinds) if shown else []
        sug = t("suggestion", lang, names=", ".join(names)) if names else ""
        p = place(obs, i, col=int(obs.at[i, "entity_col"]))
        problems.append(Problem(key, value=shown or "(trống)", params={"suggestion": sug}, **p))
        if len(problems) >= 40:
            break
    # index per observation: from the table, else from a long table's index column
    obs["index_code"] = obs["part_index"]
    long_rows = obs["target_component"].isna()
    if long_rows.any():
        every = bool(long_rows.all())  # a single long table: whole columns, no masked copies

        def on_long(column: str) -> pd.Series:
            return obs[column] if every else obs.loc[long_rows, column]

        def set_long(column: str, values) -> None:
            if every:
                obs[column] = values if isinstance(values, pd.Series) else pd.Series(
                    np.array(values, dtype=object), index=obs.index, dtype=object)
            else:
                obs.loc[long_rows, column] = values

        default_index = catalog.find_index(options.index) if options.index else None
        mapped = map_unique(on_long("index_raw"),
                            lambda raw: None if is_missing(raw) else catalog.find_index(str(raw)) or "?",
                            *((codes, "index_raw", "index_code") if every else ()))
        if every and not any(pd.isna(v) for v in codes["index_code"][1]):
            filled = mapped  # every row names its index: nothing to fill in
        else:
            codes.pop("index_code", None)
            filled = mapped.where(mapped.notna(), on_long("part_index"))
            if default_index:
                filled = filled.where(filled.notna(), default_index)
        set_long("index_code", filled)
        # look at the distinct codes first: the row masks are only needed when something is wrong
        index_values = coded(obs["index_code"], codes, "index_code")[1]
        if any(isinstance(v, str) and v == "?" for v in index_values):
            for i in obs.index[long_rows & (obs["index_code"] == "?")][:20]:
                problems.append(Problem("unknown_index", value=obs.at[i, "index_raw"], **place_of(obs, i, "index")))
        no_index = obs.index[long_rows & obs["index_code"].isna()] if any(
            pd.isna(v) for v in index_values) else obs.index[:0]
        if len(no_index):
            p = place(obs, no_index[0])
            p.pop("column")
            problems.append(Problem("no_index", **p))
        if problems:
            return None, [], problems, notes
        # components: resolve each distinct (index, text) once
        index_long, comp_long = on_long("index_code"), on_long("component_raw")
        pairs = distinct_rows(obs, ["index_code", "component_raw"], codes) if every else \
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
            set_long("target_component", map_unique(comp_long, lambda raw: simple.get(raw, OVERALL),
                                                    *((codes, "component_raw", "component_code") if every else ())))
        else:
            set_long("target_component", [comp_map[(ix, raw)] for ix, raw in zip(index_long, comp_long)])
        for (index_code, raw), code in comp_map.items():
            if code is None:
                i = obs.index[long_rows & (obs["index_code"] == index_code) & (obs["component_raw"] == raw)][0]
                problems.append(Problem("unknown_component", value=raw, params={"index": index_code},
                                        **place_of(obs, i, "component")))
    obs["component_code"] = obs["target_component"]
    for i in bad_numbers[:20]:
        problems.append(Problem("not_a_number", value=obs.at[i, "value_raw"], **place(obs, i)))
    if problems:
        return None, [], problems, notes
    # years: each distinct cell parsed once
    def year_of(raw):
        if is_missing(raw):
            return None
        try:
            return parse_int(raw)
        except (ValueError, TypeError):
            return -1

    year_codes, year_cells = coded(obs["year_raw"], codes, "year_raw")
    parsed = [year_of(None if pd.isna(u) else u) for u in year_cells]
    if all(y is not None and y != -1 for y in parsed):
        # every row has its own readable year (a year column): nothing to fill in, nothing to report
        year_values = np.array(parsed, dtype=np.int64)
        years = pd.Series(year_values[year_codes], index=obs.index)
        distinct_codes, distinct_years = pd.factorize(year_values)
        codes["year"] = (distinct_codes[year_codes], distinct_years)
        bad = obs.index[:0]
    else:
        years = map_unique(obs["year_raw"], year_of)
        years = years.where(years.notna(), obs["part_year"])
        if options.year:
            years = years.where(years.notna(), options.year)
        bad = obs.index[years.isna() | (years == -1)]
    for i in bad[:20]:
        raw = obs.at[i, "year_raw"]
        if is_missing(raw):
            p = place(obs, i)
            p.pop("column")
            problems.append(Problem("no_year", **p))
            break
        problems.append(Problem("year_not_a_number", value=raw, **place_of(obs, i, "year")))
    if problems:
        return None, [], problems, notes
    obs["year"] = years.astype(int)
    this_year = dt.date.today().year
    firsts = distinct_rows(obs, ["index_code", "year"], codes)
    for index_code, year in zip(obs["index_code"].to_numpy()[firsts].tolist(), obs["year"].to_numpy()[firsts].tolist()):
        first = catalog.indices[index_code].first_year
        if not (min(first, 1990) <= year <= this_year + 1) or year < first - 5:
            i = obs.index[(obs["index_code"] == index_code) & (obs["year"] == year)][0]
            params = {"index": index_code, "low": first, "high": this_year + 1}
            if is_missing(obs.at[i, "year_raw"]):
                # the year came from --year, the sheet or the file name, not from a cell
                where = {k: v for k, v in place(obs, i).items() if k in ("file", "sheet")}
                key = "bad_year_option" if options.year == year else "bad_year"
                problems.append(Problem(key, value=year, params=params, **where))
            else:
                problems.append(Problem("bad_year", value=year, params=params, **place_of(obs, i, "year")))
    if problems:
        return None, [], problems, notes
    # entity valid in year
    for code, year in entities_out_of_years(obs, registry, codes):
        entity = registry.entities.get(code)
        if entity is not None and not entity.valid_in(int(year)):
            i = obs.index[(obs["entity_code"] == code) & (obs["year"] == year)][0]
            valid = f"{entity.valid_from or '…'} – {entity.valid_to or '…'}"
            p = place(obs, i, col=int(obs.at[i, "entity_col"]))
            problems.append(Problem("entity_not_in_year", value=obs.at[i, "entity_raw"],
                                    params={"entity": entity.name_vi, "year": int(year), "valid": valid}, **p))
    # components outside their years: a mislabelled column (PAPI 2014 vie) must not load quietly
    comps = obs[["index_code", "component_code", "year"]].iloc[
        distinct_rows(obs, ["index_code", "component_code", "year"], codes)]
    comps = comps[comps["component_code"] != OVERALL]
    for index_code, comp, year in comps.itertuples(index=False):
        c = catalog.components[index_code][comp]
        if not c.valid_in(int(year)):
            i = obs.index[(obs["index_code"] == index_code) & (obs["component_code"] == comp)
                          & (obs["year"] == year)][0]
            span = f"{c.valid_from_year or '…'}–{c.valid_to_year or '…'}"
            problems.append(Problem("component_not_in_year", value=header_of(obs, i) or comp, params={
                "component": c.name(lang), "index": index_code, "year": int(year), "span": span}, **place(obs, i)))
    if problems:
        return None, [], problems, notes
    # scales
    low, high, what = scales(obs, catalog, lang, codes)
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
            notes.append(f"{int(artefact.sum())} ô tổng bằng 0 nhưng không có số liệu thành phần: coi là thiếu số liệu")
        obs = obs[~artefact]
        codes = {}
        out, neg, low, high = out[~artefact], neg[~artefact], low[~artefact], high[~artefact]
    for i in obs.index[neg][:20]:
        problems.append(Problem("negative", value=shown_cell(obs.at[i, "value_raw"]), **place(obs, i)))
    for i in obs.index[out][:20]:
        problems.append(Problem("out_of_scale", value=shown_cell(obs.at[i, "value_raw"]),
                                params={"low": format_number(low[i], lang, 2), "high": format_number(high[i], lang, 2),
                                        "what": what(i)}, **place(obs, i)))
    # duplicates: same key twice with different values is an error; the same value twice is one row
    key = ["index_code", "year", "entity_code", "component_code"]
    gid = group_ids(obs, key, codes)
    dup = pd.Series(np.bincount(gid)[gid] > 1 if len(gid) else np.zeros(0, dtype=bool), index=obs.index)
    if dup.any():
        for _, group in obs[dup].groupby(key, sort=False):
            vals = group["value"].round(9)
            if vals.nunique() > 1:
                first, second = group.index[0], group.index[1]
                comp = group.at[first, "component_code"]
                p = place(obs, second)
                problems.append(Problem("duplicate", value=obs.at[second, "value_raw"], params={
                    "entity": registry.entities[group.at[first, "entity_code"]].name_vi
                    if group.at[first, "entity_code"] in registry.entities else group.at[first, "entity_raw"],
                    "what": f"{group.at[first, 'index_code']} {group.at[first, 'year']}"
                            + (f" · {comp}" if comp else ""),
                    "other_row": place(obs, first)["row"], "other_value": obs.at[first, "value_raw"]}, **p))
                if len(problems) > 40:
                    break
        obs = obs[~pd.Series(group_ids(obs, key, codes), index=obs.index).duplicated(keep="first")]
        codes = {}
    if problems:
        return None, [], problems, notes
    scores = obs[key + ["value"]]  # a new frame (copy on write)
    scores["rank"] = empty_ints(len(scores))
    scores["rank_of"] = empty_ints(len(scores))
    scores["tier"] = None
    long_ranks(scores, obs, problems, place)
    scores = apply_attributes(scores, obs, attr_frames, find, problems, file_name, lang, registry)
    if problems:
        return None, [], problems, notes
    scores = compute_ranks(scores, catalog, codes if len(scores) == len(obs) else None)
    if not scores.index.equals(pd.RangeIndex(len(scores))):
        scores = scores.reset_index(drop=True)
    return scores, list(new_units.values()), problems, notes


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
    """(entity code, year) pairs of rows naming an entity in a year it did not exist, in order of appearance."""
    entity_ids, entity_codes = coded(obs["entity_code"], codes, "entity_code")
    spans = [registry.entities.get(c) for c in entity_codes]
    start = np.array([e.valid_from.year if e is not None and e.valid_from else 0 for e in spans])
    end = np.array([e.valid_to.year if e is not None and e.valid_to else 9999 for e in spans])
    year = obs["year"].to_numpy()
    if ((start[entity_ids] <= year) & (year <= end[entity_ids])).all():
        return []
    pairs = obs[["entity_code", "year"]].iloc[distinct_rows(obs, ["entity_code", "year"], codes)]
    return [(code, year) for code, year in pairs.itertuples(index=False)
            if code in registry.entities and not registry.entities[code].valid_in(int(year))]


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
    lookup = {}
    for row in attrs.itertuples(index=False):
        k = (row.part_index, row.part_year, row.entity_code, row.attr)
        if k in lookup:
            continue
        raw = row.raw
        if row.attr in ("rank", "rank_of"):
            try:
                value = parse_int(raw)
                if value is None or value < 1:
                    raise ValueError(raw)
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
        lookup[k] = value
    for attr, column in (("rank", "rank"), ("rank_of", "rank_of"), ("tier", "tier")):
        vals = [lookup.get((i, y, e, attr)) if o else None for i, y, e, o in
                zip(scores["index_code"], scores["year"], scores["entity_code"], overall)]
        if any(v is not None for v in vals):
            scores[column] = pd.array(vals, dtype="Int64") if column != "tier" else vals
    tiers = scores["tier"]
    if tiers.notna().any():
        scores["tier"] = fill_tier_bands(scores)
    return scores


def long_ranks(scores: pd.DataFrame, obs: pd.DataFrame, problems: list, place) -> None:
    """Rank, rank_of and tier written on each row of a long table."""
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
                n = parse_int(value)
                if n is None or n < 1:
                    raise ValueError(value)
                parsed.append(n)
            except (ValueError, TypeError):
                p = place(obs, i)
                p["column"] = None
                problems.append(Problem("bad_rank", value=value, **p))
                parsed.append(None)
        scores[column] = pd.array(parsed, dtype="Int64")
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


def compute_ranks(scores: pd.DataFrame, catalog: Catalog, codes: dict | None = None) -> pd.DataFrame:
    """Ranks where the file has none (published ranks are kept), and rank_of for every ranked row."""
    codes = {} if codes is None else codes
    gid = group_ids(scores, ["index_code", "year", "component_code"], codes)
    index_ids, index_codes = codes["index_code"]
    higher = np.array([catalog.indices[c].higher_is_better for c in index_codes], dtype=bool)[index_ids]
    values = scores["value"].to_numpy(float)
    computed, field = competition_ranks(gid, np.where(higher, values, -values))
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
    rank_of = np.where(np.isnan(rank_of), field, rank_of)
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


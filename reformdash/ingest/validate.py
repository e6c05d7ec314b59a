"""Validate raw observations: entities, components, years, numbers, scales, duplicates; then ranks."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from reformdash.catalog import OVERALL, Catalog
from reformdash.errors import Problem
from reformdash.i18n import format_number, t
from reformdash.ingest.extract import column_headers
from reformdash.ingest.layout import EntityFinder, column_letter
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
        if c not in cache or len(cache[c][0]) != len(frame):
            cache[c] = pd.factorize(frame[c], use_na_sentinel=False)
        codes, uniques = cache[c]
        ids = ids * (len(uniques) + 1) + codes
    return pd.factorize(ids)[0]


def shown_cell(cell: object) -> str:
    """A cell as the user typed it: -2.0 read from Excel shows as -2."""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return " ".join(str(cell).split())


def map_unique(series: pd.Series, lookup) -> pd.Series:
    """Apply `lookup` once per distinct value (files repeat names, codes and years on every row)."""
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    mapped = np.empty(len(uniques) + 1, dtype=object)
    for k, u in enumerate(uniques):
        mapped[k] = lookup(u)
    mapped[-1] = lookup(None)
    return pd.Series(mapped[codes], index=series.index, dtype=object)


OVERALL_WORDS = {"", "tong", "tong hop", "chung", "overall", "total", "chi so chung", "diem tong hop", "tong diem"}
SCALE_TOLERANCE = 1e-6


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
        obs["part_index"] = part.index_code
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
    # values: numbers parse in bulk; only text cells go through the careful parser.
    # Missing cells are dropped (a missing value is missing, never zero).
    values = pd.to_numeric(obs["value_raw"], errors="coerce")
    text_rows = obs.index[values.isna()]
    keep = pd.Series(True, index=obs.index)
    bad_numbers = []
    for i in text_rows:
        raw = obs.at[i, "value_raw"]
        if is_missing(raw):
            keep.at[i] = False
            continue
        try:
            values.at[i] = parse_number(raw)
        except (ValueError, TypeError):
            bad_numbers.append(i)
    obs["value"] = values.astype(float)
    if not keep.all():
        obs = obs[keep]
    obs = obs.reset_index(drop=True) if not keep.all() else obs

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
    obs["entity_code"] = map_unique(obs["entity_raw"], lambda raw: find(raw) if isinstance(raw, str) else None)
    unknown = obs[obs["entity_code"].isna()]
    seen_kinds = {registry.entities[c].kind for c in obs["entity_code"].dropna().unique() if c in registry.entities}
    suggest_kinds = tuple(k for k in kinds if k in seen_kinds) or kinds
    for raw, group in unknown.groupby("entity_raw", sort=False, dropna=False):
        i = group.index[0]
        shown = "" if is_missing(raw) else str(raw)
        if options.level == "unit" and options.create_units and shown:
            code = unit_code(parent, shown, registry, new_units)
            new_units.setdefault(code, {"code": code, "name_vi": " ".join(shown.split()), "parent_code": parent})
            obs.loc[group.index, "entity_code"] = code
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
        default_index = catalog.find_index(options.index) if options.index else None
        mapped = map_unique(obs.loc[long_rows, "index_raw"],
                            lambda raw: None if is_missing(raw) else catalog.find_index(str(raw)) or "?")
        filled = mapped.where(mapped.notna(), obs.loc[long_rows, "part_index"])
        if default_index:
            filled = filled.where(filled.notna(), default_index)
        obs.loc[long_rows, "index_code"] = filled
        for i in obs.index[long_rows & (obs["index_code"] == "?")][:20]:
            problems.append(Problem("unknown_index", value=obs.at[i, "index_raw"], **place_of(obs, i, "index")))
        no_index = obs.index[long_rows & obs["index_code"].isna()]
        if len(no_index):
            p = place(obs, no_index[0])
            p.pop("column")
            problems.append(Problem("no_index", **p))
        if problems:
            return None, [], problems, notes
        # components: resolve each distinct (index, text) once
        pairs = obs.loc[long_rows, ["index_code", "component_raw"]].drop_duplicates()
        comp_map = {}
        for index_code, raw in pairs.itertuples(index=False):
            if is_missing(raw) or words(raw) in OVERALL_WORDS:
                comp_map[(index_code, raw)] = OVERALL
            else:
                comp = catalog.component(index_code, str(raw).strip())
                comp_map[(index_code, raw)] = comp.code if comp else None
        if obs.loc[long_rows, "index_code"].nunique() == 1:
            only = obs.loc[long_rows, "index_code"].iloc[0]
            simple = {raw: code for (ix, raw), code in comp_map.items() if ix == only}
            obs.loc[long_rows, "target_component"] = map_unique(obs.loc[long_rows, "component_raw"],
                                                                 lambda raw: simple.get(raw, OVERALL))
        else:
            obs.loc[long_rows, "target_component"] = [
                comp_map[(ix, raw)] for ix, raw in zip(obs.loc[long_rows, "index_code"],
                                                        obs.loc[long_rows, "component_raw"])]
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
    firsts = obs[["index_code", "year"]].drop_duplicates()
    for index_code, year in firsts.itertuples(index=False):
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
    codes: dict = {}  # factorised key columns, reused while obs keeps its rows
    first_rows = np.unique(group_ids(obs, ["entity_code", "year"], codes), return_index=True)[1]
    for code, year in obs[["entity_code", "year"]].iloc[first_rows].itertuples(index=False):
        entity = registry.entities.get(code)
        if entity is not None and not entity.valid_in(int(year)):
            i = obs.index[(obs["entity_code"] == code) & (obs["year"] == year)][0]
            valid = f"{entity.valid_from or '…'} – {entity.valid_to or '…'}"
            p = place(obs, i, col=int(obs.at[i, "entity_col"]))
            problems.append(Problem("entity_not_in_year", value=obs.at[i, "entity_raw"],
                                    params={"entity": entity.name_vi, "year": int(year), "valid": valid}, **p))
    # components outside their years: a mislabelled column (PAPI 2014 vie) must not load quietly
    comps = obs[["index_code", "component_code", "year"]].iloc[
        np.unique(group_ids(obs, ["index_code", "component_code", "year"], codes), return_index=True)[1]]
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
    neg = obs["value"] < 0
    out = ((obs["value"] < low - SCALE_TOLERANCE) | (obs["value"] > high + SCALE_TOLERANCE)) & ~neg
    # PAPI 2014 writes 0 as the total of provinces with no data: an overall 0 below a positive scale
    # with no component values for that entity is a formula artefact, i.e. missing.
    zero_artefact = out & (obs["value"] == 0) & (obs["component_code"] == OVERALL) & (low > 0)
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
    dup = pd.Series(group_ids(obs, key, codes), index=obs.index).duplicated(keep=False)
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
    scores = obs[key + ["value"]].copy()
    scores["rank"] = empty_ints(len(scores))
    scores["rank_of"] = empty_ints(len(scores))
    scores["tier"] = None
    long_ranks(scores, obs, problems, place)
    scores = apply_attributes(scores, obs, attr_frames, find, problems, file_name, lang, registry)
    if problems:
        return None, [], problems, notes
    scores = compute_ranks(scores, catalog, codes if len(scores) == len(obs) else None)
    return scores.reset_index(drop=True), list(new_units.values()), problems, notes


def scales(obs: pd.DataFrame, catalog: Catalog, lang: str, codes: dict | None = None):
    """Lower and upper bound of each observation's scale (Series), and a function naming a row's scale."""
    table = {}
    if obs["index_code"].nunique() == 1:
        pairs = [(obs["index_code"].iloc[0], comp) for comp in obs["component_code"].unique()]
    else:
        pairs = obs[["index_code", "component_code"]].drop_duplicates().itertuples(index=False)
    for index_code, comp in pairs:
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

    gid = group_ids(obs, ["index_code", "component_code"], codes)
    firsts = np.unique(gid, return_index=True)[1]
    keys = list(zip(obs["index_code"].to_numpy()[firsts], obs["component_code"].to_numpy()[firsts]))
    lows = np.array([table[k][0] for k in keys], dtype=float)
    highs = np.array([table[k][1] for k in keys], dtype=float)
    order = np.unique(gid)
    position = np.searchsorted(order, gid)
    return pd.Series(lows[position], index=obs.index), pd.Series(highs[position], index=obs.index), what


def apply_attributes(scores, obs, attr_frames, find, problems, file_name, lang, registry):
    """Published rank, field size and tier onto the overall rows of the same entity and year."""
    if not attr_frames:
        return scores
    attrs = pd.concat(attr_frames, ignore_index=True)
    attrs = attrs[~attrs["raw"].map(is_missing)]
    if not len(attrs):
        return scores
    attrs = attrs.assign(entity_code=attrs["entity_raw"].map(lambda x: find(x) if isinstance(x, str) else None))
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
    order = np.lexsort((-np.where(present, signed, -np.inf), gid))
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
    gid = group_ids(scores, ["index_code", "year", "component_code"], codes)
    higher = scores["index_code"].map({c: i.higher_is_better for c, i in catalog.indices.items()}).to_numpy(bool)
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


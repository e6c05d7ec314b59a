"""Validate raw observations: entities, components, years, numbers, scales, duplicates; then ranks."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from reformdash.catalog import OVERALL, Catalog
from reformdash.errors import Problem
from reformdash.i18n import format_number, t
from reformdash.ingest.layout import EntityFinder, column_letter
from reformdash.registry import Registry
from reformdash.text import is_missing, name_key, parse_int, parse_number, words

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
    for part in parts:
        layout = part.layout
        obs, attrs = frames_for(part)
        if not len(obs):
            continue
        obs["sheet"] = layout.sheet if layout.sheet != "csv" else None
        obs["transposed"] = layout.transposed
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
    obs = pd.concat(frames, ignore_index=True)
    # values: missing cells are dropped (a missing value is missing, never zero)
    missing = obs["value_raw"].map(is_missing)
    obs = obs[~missing].reset_index(drop=True)

    def place(frame: pd.DataFrame, i: int, col: int | None = None, header: str | None = None) -> dict:
        r = int(frame.at[i, "row"])
        c = int(frame.at[i, "col"] if col is None else col)
        if frame.at[i, "transposed"]:
            r, c = c, r
        if header is None:
            header = frame.at[i, "header"] if "header" in frame.columns and col is None else ""
        letter = column_letter(c)
        return {"file": file_name, "sheet": frame.at[i, "sheet"], "row": r + 1,
                "column": f"{letter} ({header})" if header else letter}

    # entities
    kinds = find.kinds
    entity_codes = {}
    for raw in obs["entity_raw"].unique():
        code = find(raw) if isinstance(raw, str) else find(str(raw)) if not is_missing(raw) else None
        entity_codes[raw] = code
    obs["entity_code"] = obs["entity_raw"].map(entity_codes)
    unknown = obs[obs["entity_code"].isna()]
    for raw, group in unknown.groupby("entity_raw", sort=False, dropna=False):
        i = group.index[0]
        shown = "" if is_missing(raw) else str(raw)
        if options.level == "unit" and options.create_units and shown:
            code = unit_code(parent, shown, registry, new_units)
            new_units.setdefault(code, {"code": code, "name_vi": " ".join(shown.split()), "parent_code": parent})
            obs.loc[group.index, "entity_code"] = code
            continue
        key = "unknown_unit" if options.level == "unit" else "unknown_entity"
        names = registry.suggest(shown, kinds) if shown else []
        sug = t("suggestion", lang, names=", ".join(names)) if names else ""
        p = place(obs, i, col=int(obs.at[i, "entity_col"]), header=obs.at[i, "entity_header"] or "")
        problems.append(Problem(key, value=shown or "(trống)", params={"suggestion": sug}, **p))
    # index and component per observation
    obs["index_code"] = obs["index_raw"].where(obs["index_raw"].notna(), obs["part_index"])
    long_rows = obs["target_component"].isna()
    if long_rows.any():
        cache = {}
        for i in obs.index[long_rows]:
            raw_index = obs.at[i, "index_raw"]
            if not is_missing(raw_index):
                code = catalog.find_index(str(raw_index))
                if code is None:
                    problems.append(Problem("unknown_index", value=raw_index, **place(obs, i)))
                    continue
                obs.at[i, "index_code"] = code
            index_code = obs.at[i, "index_code"] or options.index and catalog.find_index(options.index)
            if not index_code:
                problems.append(Problem("no_index", **{k: v for k, v in place(obs, i).items() if k != "column"}))
                break
            obs.at[i, "index_code"] = index_code
            raw_comp = obs.at[i, "component_raw"]
            ck = (index_code, raw_comp)
            if ck not in cache:
                if is_missing(raw_comp) or words(raw_comp) in OVERALL_WORDS:
                    cache[ck] = OVERALL
                else:
                    comp = catalog.component(index_code, str(raw_comp).strip())
                    cache[ck] = comp.code if comp else None
            if cache[ck] is None:
                problems.append(Problem("unknown_component", value=raw_comp,
                                        params={"index": index_code}, **place(obs, i)))
            obs.at[i, "target_component"] = cache[ck]
    obs["component_code"] = obs["target_component"]
    # years
    year_cache: dict = {}
    years = []
    for raw, default in zip(obs["year_raw"], obs["part_year"]):
        if is_missing(raw):
            years.append(default if default is not None and not pd.isna(default) else options.year)
            continue
        if raw not in year_cache:
            try:
                year_cache[raw] = parse_int(raw)
            except (ValueError, TypeError):
                year_cache[raw] = "bad"
        years.append(year_cache[raw])
    obs["year"] = years
    bad_year_rows = obs.index[obs["year"].map(lambda y: y == "bad" or y is None or pd.isna(y))]
    if len(bad_year_rows) and not problems:
        for i in bad_year_rows[:20]:
            raw = obs.at[i, "year_raw"]
            if is_missing(raw):
                problems.append(Problem("no_year", **{k: v for k, v in place(obs, i).items() if k != "column"}))
                break
            problems.append(Problem("bad_year", value=raw, params={"index": obs.at[i, "index_code"], "low": "?",
                                                                   "high": "?"}, **place(obs, i)))
    if problems:
        return None, [], problems, notes
    obs["year"] = obs["year"].astype(int)
    this_year = dt.date.today().year
    for (index_code, year), group in obs.groupby(["index_code", "year"], sort=False):
        first = catalog.indices[index_code].first_year
        if not (min(first, 1990) <= year <= this_year + 1) or year < first - 5:
            i = group.index[0]
            problems.append(Problem("bad_year", value=year, params={"index": index_code, "low": first,
                                                                    "high": this_year + 1}, **place(obs, i)))
    # numbers
    values = pd.to_numeric(obs["value_raw"], errors="coerce")
    slow = values.isna()
    for i in obs.index[slow]:
        try:
            values.at[i] = parse_number(obs.at[i, "value_raw"])
        except (ValueError, TypeError):
            problems.append(Problem("not_a_number", value=obs.at[i, "value_raw"], **place(obs, i)))
    obs["value"] = values.astype(float)
    if problems:
        return None, [], problems, notes
    # entity valid in year
    for (code, year), group in obs.groupby(["entity_code", "year"], sort=False):
        entity = registry.entities.get(code)
        if entity is not None and not entity.valid_in(int(year)):
            i = group.index[0]
            valid = f"{entity.valid_from or '…'} – {entity.valid_to or '…'}"
            p = place(obs, i, col=int(obs.at[i, "entity_col"]), header=obs.at[i, "entity_header"] or "")
            problems.append(Problem("entity_not_in_year", value=obs.at[i, "entity_raw"],
                                    params={"entity": entity.name_vi, "year": int(year), "valid": valid}, **p))
    # components outside their years: a mislabelled column (PAPI 2014 vie) must not load quietly
    for (index_code, comp, year), group in obs[obs["component_code"] != OVERALL].groupby(
            ["index_code", "component_code", "year"], sort=False):
        c = catalog.components[index_code][comp]
        if not c.valid_in(int(year)):
            i = group.index[0]
            span = f"{c.valid_from_year or '…'}–{c.valid_to_year or '…'}"
            problems.append(Problem("component_not_in_year", value=obs.at[i, "header"] or comp, params={
                "component": c.name(lang), "index": index_code, "year": int(year), "span": span}, **place(obs, i)))
    if problems:
        return None, [], problems, notes
    # scales
    low, high, what = scales(obs, catalog, lang)
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
        out, neg, low, high, what = out[~artefact], neg[~artefact], low[~artefact], high[~artefact], what[~artefact]
    for i in obs.index[neg][:20]:
        problems.append(Problem("negative", value=format_number(obs.at[i, "value"], lang, 4).rstrip("0"),
                                **place(obs, i)))
    for i in obs.index[out][:20]:
        problems.append(Problem("out_of_scale", value=obs.at[i, "value_raw"],
                                params={"low": format_number(low[i], lang, 2), "high": format_number(high[i], lang, 2),
                                        "what": what[i]}, **place(obs, i)))
    # duplicates: same key twice with different values is an error; the same value twice is one row
    key = ["index_code", "year", "entity_code", "component_code"]
    dup = obs.duplicated(key, keep=False)
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
        obs = obs.drop_duplicates(key, keep="first")
    if problems:
        return None, [], problems, notes
    scores = obs[key + ["value"]].copy()
    scores["rank"] = pd.array([None] * len(scores), dtype="Int64")
    scores["rank_of"] = pd.array([None] * len(scores), dtype="Int64")
    scores["tier"] = None
    long_ranks(scores, obs, problems, place)
    scores = apply_attributes(scores, obs, attr_frames, find, problems, file_name, lang, registry)
    if problems:
        return None, [], problems, notes
    scores = compute_ranks(scores, catalog)
    return scores.reset_index(drop=True), list(new_units.values()), problems, notes


def scales(obs: pd.DataFrame, catalog: Catalog, lang: str):
    """Lower and upper bound of each observation's scale, and what it is called."""
    lows, highs, whats = [], [], []
    cache = {}
    for index_code, comp in zip(obs["index_code"], obs["component_code"]):
        k = (index_code, comp)
        if k not in cache:
            index = catalog.indices[index_code]
            if comp:
                c = catalog.components[index_code][comp]
                low = c.scale_min if c.scale_min is not None and not pd.isna(c.scale_min) else 0.0
                high = c.scale_max if c.scale_max is not None and not pd.isna(c.scale_max) else index.scale_max
                cache[k] = (min(low, 0.0) if low > 0 else low, high, f"{index.code} · {c.name(lang)}")
            else:
                cache[k] = (index.scale_min, index.scale_max, index.name(lang))
        lows.append(cache[k][0])
        highs.append(cache[k][1])
        whats.append(cache[k][2])
    return (pd.Series(lows, index=obs.index), pd.Series(highs, index=obs.index),
            pd.Series(whats, index=obs.index))


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
    if (~tiers.map(is_missing)).any():
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


def compute_ranks(scores: pd.DataFrame, catalog: Catalog) -> pd.DataFrame:
    """Ranks where the file has none (published ranks are kept), and rank_of for every ranked row."""
    for (index_code, _year, _comp), group in scores.groupby(["index_code", "year", "component_code"], sort=False):
        hib = catalog.indices[index_code].higher_is_better
        field = int(group["value"].notna().sum())
        if group["rank"].isna().all():
            scores.loc[group.index, "rank"] = competition_rank(group["value"], hib)
        else:
            field = max(field, int(group["rank"].max()))
        if group["rank_of"].isna().all():
            scores.loc[group.index, "rank_of"] = field
    scores["rank"] = scores["rank"].astype("Int64")
    scores["rank_of"] = scores["rank_of"].astype("Int64")
    return scores


def unit_code(parent: str | None, name: str, registry: Registry, taken: dict) -> str:
    """A readable, unique code for a new unit: parent code + name key."""
    base = f"{parent or 'U'}-{name_key(name)[:24]}"
    code, n = base, 2
    while code in registry.entities or (code in taken and taken[code]["name_vi"] != " ".join(name.split())):
        code, n = f"{base}-{n}", n + 1
    return code


__all__ = ["validate", "competition_rank", "np"]

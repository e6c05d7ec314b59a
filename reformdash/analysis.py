"""Rank maths for the dashboard: trends, percentiles, fields, changes, component drivers, benchmarks, units."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from reformdash.catalog import OVERALL, Catalog
from reformdash.words import t

MERGER_YEAR = 2025  # provinces merged on 1 July 2025: 63 before, 34 after


def percentile(rank: pd.Series, rank_of: pd.Series) -> pd.Series:
    """Percentile rank, 100 = first, 0 = last: comparable between a field of 63 and one of 34."""
    rank = pd.to_numeric(rank, errors="coerce").astype(float)
    size = pd.to_numeric(rank_of, errors="coerce").astype(float)
    out = 100 * (size - rank) / (size - 1)
    return out.where(size > 1)


def entity_trend(store, index_code: str, entity_code: str, component: str = OVERALL) -> pd.DataFrame:
    """Year, value, rank, rank_of, percentile and sample flag of one entity."""
    frame = store.df("entity_trend", index_code=index_code, entity_code=entity_code, component=component)
    frame["percentile"] = percentile(frame["rank"], frame["rank_of"])
    return frame


@dataclass
class MethodBreak:
    """A year in which an index's set of components changed."""

    year: int
    added: list[str]
    dropped: list[str]


def method_breaks(catalog: Catalog, index_code: str, years: list[int], lang: str = "vi") -> list[MethodBreak]:
    """Years whose top-level component set differs from the year before, between consecutive `years`.

    The year given is when the method changed, even if the entity has no result that year (PAPI 2018).
    """
    breaks = []
    def top(year):
        return {c.code: c.name(lang) for c in catalog.components_in(index_code, year) if not c.parent_code}
    years = sorted(years)
    for prev, year in zip(years, years[1:]):
        a, b = top(prev), top(year)
        if set(a) != set(b):
            changed = next(y for y in range(prev + 1, year + 1) if set(top(y)) != set(a))
            breaks.append(MethodBreak(changed, [b[k] for k in sorted(set(b) - set(a))],
                                      [a[k] for k in sorted(set(a) - set(b))]))
    return breaks


def method_breaks_of(store, index_code: str, years: tuple, lang: str = "vi") -> list[MethodBreak]:
    """method_breaks() reading the catalog from the store (cacheable by the pages)."""
    return method_breaks(Catalog.load(store), index_code, list(years), lang)


def field(store, index_code: str, year: int, component: str = OVERALL, lang: str = "vi") -> pd.DataFrame:
    """Every entity's value and rank in a year."""
    frame = store.df("field_year", index_code=index_code, year=year, component=component, lang=lang)
    frame["percentile"] = percentile(frame["rank"], frame["rank_of"])
    return frame


def field_years(store, index_code: str, from_year: int, to_year: int, component: str = OVERALL,
                lang: str = "vi") -> pd.DataFrame:
    """Every entity's rank over a span of years (bump chart data), with percentile."""
    frame = store.df("field_years", index_code=index_code, from_year=from_year, to_year=to_year,
                     component=component, lang=lang)
    frame["percentile"] = percentile(frame["rank"], frame["rank_of"])
    return frame


def changes(store, index_code: str, from_year: int, to_year: int, component: str = OVERALL,
            lang: str = "vi") -> pd.DataFrame:
    """Rank change of every entity between two years; rows missing a year are kept with empty cells."""
    frame = store.df("changes", index_code=index_code, from_year=from_year, to_year=to_year, component=component,
                     lang=lang)
    return frame


def component_table(store, index_code: str, year: int, lang: str = "vi") -> pd.DataFrame:
    """Entity × component values of a year with their change since the year before."""
    frame = store.df("component_matrix", index_code=index_code, year=year, lang=lang)
    frame["change"] = frame["value"] - frame["prev_value"]
    frame["places_up"] = frame["prev_rank"] - frame["rank"]
    return frame


def component_drivers(store, index_code: str, entity_code: str, year: int, lang: str = "vi") -> pd.DataFrame:
    """The focus entity's components ordered by how much their rank moved: what drove the overall change."""
    table = component_table(store, index_code, year, lang)
    mine = table[table["entity_code"] == entity_code].copy()
    if mine.empty:
        return mine
    best = table.groupby("component_code")["value"].max()
    median = table.groupby("component_code")["value"].median()
    mine["best"] = mine["component_code"].map(best)
    mine["median"] = mine["component_code"].map(median)
    mine["gap_to_best"] = mine["best"] - mine["value"]
    return mine.sort_values(["places_up", "change"], ascending=False, na_position="last").reset_index(drop=True)


def benchmarks(store, index_code: str, year: int, entity_code: str, peers: list[str], lang: str = "vi",
               component: str = OVERALL) -> pd.DataFrame:
    """The focus entity beside chosen peers, its region's median and the national median and best."""
    frame = field(store, index_code, year, component, lang)
    if frame.empty:
        return pd.DataFrame(columns=["label", "value", "rank", "kind"])
    rows = []
    focus = frame[frame["entity_code"] == entity_code]
    for r in focus.itertuples(index=False):
        rows.append((r.entity_name, r.value, r.rank, "focus"))
    for r in frame[frame["entity_code"].isin([p for p in peers if p != entity_code])].itertuples(index=False):
        rows.append((r.entity_name, r.value, r.rank, "peer"))
    if not focus.empty and isinstance(focus["region"].iloc[0], str):
        region = focus["region"].iloc[0]
        same = frame[frame["region"] == region]
        label = t("brief.bench.region", lang, region=region)
        rows.append((label, float(same["value"].median()), None, "region"))
    rows.append((t("brief.bench.national", lang), float(frame["value"].median()), None, "national"))
    top = frame.sort_values(["rank", "entity_code"]).iloc[0]
    rows.append((t("brief.bench.best", lang, name=top.entity_name), float(top.value), 1, "best"))
    return pd.DataFrame(rows, columns=["label", "value", "rank", "kind"])


def unit_leaderboard(store, parent_code: str, index_code: str, year: int, lang: str = "vi") -> pd.DataFrame:
    """Units under a parent ranked in a year, with their change since the year before."""
    frame = store.df("unit_results", parent_code=parent_code, index_code=index_code, year=year, lang=lang)
    frame["change"] = frame["value"] - frame["prev_value"]
    frame["places_up"] = frame["prev_rank"] - frame["rank"]
    return frame


def years_of(store, index_code: str) -> list[int]:
    """Years an index has overall scores."""
    return [int(y) for y in store.df("index_years", index_code=index_code)["year"]]


def unit_parents(store, lang: str = "vi") -> pd.DataFrame:
    """Entities that have scored units under them (departments, the province), for the units page."""
    return store.df("unit_parents", lang=lang)


def unit_indices(store, parent_code: str) -> pd.DataFrame:
    """The indices a parent's units are scored on, with their first and last year."""
    return store.df("unit_indices", parent_code=parent_code)


def index_choices(store, lang: str = "vi") -> pd.DataFrame:
    """Every index with its name in the language, unit and the kind of entity it ranks."""
    return store.df("index_choices", lang=lang)


@dataclass(frozen=True)
class Choices:
    """What the sidebar offers, as plain lists and dicts (built once per data version, read on every page run)."""

    entities: list[str]
    entity_names: dict[str, str]
    entity_kinds: dict[str, str]
    index_kinds: dict[str, str]  # index code -> the kind of entity it ranks, in the selector's order
    index_names: dict[str, str]
    index_units: dict[str, str]


def sidebar_choices(store, lang: str = "vi") -> Choices:
    """Entities with scores and indices with scores, for the focus and index selectors."""
    entities = store.df("entity_choices", lang=lang)
    indices = index_choices(store, lang)
    return Choices(list(entities["code"]), dict(zip(entities["code"], entities["name"])),
                   dict(zip(entities["code"], entities["kind"])), dict(zip(indices["code"], indices["entity_kind"])),
                   dict(zip(indices["code"], indices["name"])), dict(zip(indices["code"], indices["unit"])))

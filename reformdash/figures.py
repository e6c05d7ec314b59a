"""Named figures: each one reads its data and draws it, so a page caches the finished figure by data version."""

from __future__ import annotations

import plotly.graph_objects as go

from reformdash import analysis, charts
from reformdash.catalog import Catalog
from reformdash.trends import goal_lines
from reformdash.words import L


class Finished(go.Figure):
    """A figure that will not change again: its dict is built once, not on every page run.

    Plotly's to_dict deep-copies every trace (9 ms for a 63-line bump chart) and st.plotly_chart calls it on each
    rerun; the cached figures of the pages are never mutated, so the first dict can be handed out again.
    """

    def to_dict(self):
        if "_finished_dict" not in self.__dict__:
            self.__dict__["_finished_dict"] = super().to_dict()
        return self.__dict__["_finished_dict"]


def finish(fig):
    """Mark a built figure as finished (same object, same data; None passes through)."""
    if isinstance(fig, go.Figure):
        fig.__class__ = Finished  # no rebuild: constructing a new Figure would re-validate every trace
    return fig


UNITS_SHOWN = 30  # bars and heatmap rows beyond this are unreadable; the full list is in the table


def trend(store, index: str, entity: str, entity_name: str, unit: str, year_from: int, year_to: int,
          percentile_mode: bool, show_merger: bool, lang: str):
    """Value and rank of one entity over the years, with method changes, the merger and its goals."""
    data = analysis.entity_trend(store, index, entity)
    data = data[(data["year"] >= year_from) & (data["year"] <= year_to)]
    breaks = analysis.method_breaks(Catalog.load(store), index, list(data["year"]), lang)
    value_goal, rank_goal = goal_lines(store, index, entity)
    return charts.trend_figure(data, L("trend_title", lang, index=index.replace("_", " "), entity=entity_name),
                               unit, lang, mode="percentile" if percentile_mode else "rank", breaks=breaks,
                               value_goal=value_goal, rank_goal=rank_goal, show_merger=show_merger)


def bump(store, index: str, year_from: int, year_to: int, highlight: tuple, use_percentile: bool, lang: str):
    """Everyone's rank over the years with the chosen entities in colour."""
    data = analysis.field_years(store, index, year_from, year_to, "", lang)
    return charts.bump_figure(data, list(highlight), L("bump_title", lang, index=index.replace("_", " "),
                                                      a=year_from, b=year_to), lang, use_percentile=use_percentile)


def slope(store, index: str, a: int, b: int, highlight: tuple, lang: str):
    """Rank in a base year against rank now."""
    moved = analysis.changes(store, index, a, b, "", lang)
    return charts.slope_figure(moved, a, b, list(highlight), L("slope_title", lang, a=a, b=b), lang)


def diverging(store, index: str, a: int, b: int, highlight: tuple, lang: str):
    """Places gained or lost by every entity between two years."""
    moved = analysis.changes(store, index, a, b, "", lang)
    return charts.diverging_figure(moved, list(highlight), L("diverging_title", lang, a=a, b=b), lang)


def heatmap(store, index: str, year: int, entities: tuple, show_change: bool, lang: str):
    """Entity × component values (or their change since last year)."""
    table = analysis.component_table(store, index, year, lang)
    title = L("heatmap_change_title", lang, prev=year - 1) if show_change else L("heatmap_title", lang, year=year)
    return charts.heatmap_figure(table, list(entities), title, lang, show="change" if show_change else "value")


def drivers(store, index: str, entity: str, entity_name: str, year: int, lang: str):
    """The focus entity's component rank moves."""
    data = analysis.component_drivers(store, index, entity, year, lang)
    if data.empty:
        return None
    return charts.drivers_figure(data, L("drivers_title", lang, entity=entity_name, prev=year - 1), lang)


def compare(store, index: str, year: int, entity: str, entity_name: str, peers: tuple, unit: str, lang: str):
    """The focus entity against peers, region, nation."""
    bench = analysis.benchmarks(store, index, year, entity, list(peers), lang)
    title = L("compare_title", lang, index=index.replace("_", " "), year=year, entity=entity_name)
    return charts.compare_figure(bench, title, unit, lang)


def leaderboard(store, parent: str, index: str, year: int, lang: str):
    """The first units of the leaderboard."""
    board = analysis.unit_leaderboard(store, parent, index, year, lang).head(UNITS_SHOWN)
    return charts.leaderboard_figure(board, L("units_title", lang, year=year), _unit(store, index), lang)


def unit_criteria(store, parent: str, index: str, year: int, lang: str):
    """The first units' results by criterion."""
    board = analysis.unit_leaderboard(store, parent, index, year, lang).head(UNITS_SHOWN)
    table = analysis.component_table(store, index, year, lang)
    table = table[table["entity_code"].isin(board["entity_code"])]
    if table.empty:
        return None
    return charts.heatmap_figure(table, list(board["entity_code"]), L("criteria", lang), lang, by_share=True)


def unit_trend(store, index: str, unit: str, unit_name: str, lang: str):
    """One unit over the years."""
    data = analysis.entity_trend(store, index, unit)
    return charts.trend_figure(data, L("unit_trend_title", lang, unit=unit_name), _unit(store, index), lang,
                               show_merger=False)


def _unit(store, index: str) -> str:
    """The index's own unit (a department's criteria may be in points): the axis says what the numbers are."""
    found = Catalog.load(store).indices.get(index)
    return found.unit if found else ""

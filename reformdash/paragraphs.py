"""The paragraph under each chart for a written report: the briefing's sentences for what the chart shows."""

from __future__ import annotations

import pandas as pd

from reformdash import analysis
from reformdash.briefing import builder
from reformdash.narrative import entity_phrase, unit_word
from reformdash.words import format_number


def trend(store, index: str, entity: str, year_from: int, year_to: int, lang: str = "vi") -> str:
    """The last year's result and move, the change since the first year shown, field and method notes."""
    data = analysis.entity_trend(store, index, entity)
    data = data[(data["year"] >= year_from) & (data["year"] <= year_to)].reset_index(drop=True)
    if data.empty:
        return ""
    b = builder(store, entity, int(data["year"].iloc[-1]), lang)
    sentences = b.trend(index, data).sentences
    first, last = data.iloc[0], data.iloc[-1]
    if len(data) > 1:
        sentences.insert(1, _since(b, index, first, last))
    return " ".join(sentences)


def _since(b, index: str, first, last) -> str:
    """'So với năm 2010, giá trị tăng 5,20 điểm; thứ hạng từ 30/63 lên 21/63.'"""
    change = float(last["value"]) - float(first["value"])
    unit = unit_word(b.unit(index), b.lang)
    amount = format_number(abs(change), b.lang)
    rank = ""
    if pd.notna(first["rank"]) and pd.notna(last["rank"]):
        r0, n0, r1, n1 = (int(first["rank"]), _of(first), int(last["rank"]), _of(last))
        key = "brief.since.rank_up" if r1 < r0 else "brief.since.rank_down" if r1 > r0 else "brief.since.rank_same"
        rank = b.tr(key, before=f"{r0}{n0}", after=f"{r1}{n1}")
    if change == 0:
        move = b.tr("brief.since.unchanged")
    else:
        move = b.tr("brief.since.up" if change > 0 else "brief.since.down", amount=f"{amount}{unit}")
    return b.tr("brief.since", year=int(first["year"]), move=move, rank=rank)


def _of(row) -> str:
    return f"/{int(row['rank_of'])}" if pd.notna(row["rank_of"]) else ""


def changes(store, index: str, entity: str, from_year: int, to_year: int, lang: str = "vi") -> str:
    """The entity's move between two years and the largest gain and fall in the field."""
    slide = builder(store, entity, to_year, lang).changes(index, from_year)
    return " ".join(slide.sentences) if slide else ""


def components(store, index: str, entity: str, year: int, lang: str = "vi") -> str:
    """The components that moved most for the entity since the year before."""
    slide = builder(store, entity, year, lang).components(index)
    return " ".join(slide.sentences) if slide else ""


def compare(store, index: str, entity: str, year: int, peers: tuple, lang: str = "vi") -> str:
    """The entity against the national median and best, and how many chosen peers it is ahead of."""
    b = builder(store, entity, year, lang)
    bench = analysis.benchmarks(store, index, year, entity, list(peers), lang)
    focus = bench[bench["kind"] == "focus"]
    if focus.empty:
        return ""
    me = float(focus["value"].iloc[0])
    unit = unit_word(b.unit(index), lang)
    who = entity_phrase(b.e.name(lang), b.e.kind, lang)
    median = float(bench.loc[bench["kind"] == "national", "value"].iloc[0])
    everyone = analysis.field(store, index, year, lang=lang)
    best = everyone.sort_values(["rank", "entity_code"]).iloc[0]
    gap = me - median
    if best["entity_code"] == entity:
        lead = b.tr("brief.compare.first")
    else:
        lead = b.tr("brief.compare.best", name=best["entity_name"], value=f"{b.num(best['value'])}{unit}")
    text = b.tr("brief.compare.above" if gap >= 0 else "brief.compare.below", year=year, index=b.label(index),
                who=who, value=f"{b.num(me)}{unit}", median=f"{b.num(median)}{unit}", gap=f"{b.num(abs(gap))}{unit}",
                lead=lead)
    others = bench[bench["kind"] == "peer"]
    if len(others):
        ahead = int((others["value"] < me).sum())
        text += " " + b.tr("brief.compare.peers", n=len(others), who=who, ahead=ahead)
    return text


def units(store, parent: str, index: str, year: int, lang: str = "vi") -> str:
    """The units' leaderboard in words: how many were scored, first, last and the largest gain."""
    slides = builder(store, parent, year, lang).units([parent], index)
    return " ".join(slides[0].sentences) if slides else ""


def unit_trend(store, index: str, unit: str, lang: str = "vi") -> str:
    """A unit's result in its latest year, its move, and the change since its first year."""
    data = analysis.entity_trend(store, index, unit)
    if data.empty:
        return ""
    return trend(store, index, unit, int(data["year"].min()), int(data["year"].max()), lang)


def unit_criteria(store, parent: str, index: str, year: int, lang: str = "vi") -> str:
    """Which criteria the units did best and worst on, on average, and the weakest unit of the weakest one."""
    b = builder(store, parent, year, lang)
    board = analysis.unit_leaderboard(store, parent, index, year, lang)
    table = analysis.component_table(store, index, year, lang)
    table = table[table["entity_code"].isin(board["entity_code"])].dropna(subset=["value"])
    if table.empty:
        return ""
    means = table.groupby("component_name")["value"].mean().sort_values()
    unit = unit_word(b.unit(index), lang)
    weakest = table[table["component_name"] == means.index[0]].sort_values("value").iloc[0]
    return b.tr("brief.criteria", year=year, n=table["entity_code"].nunique(), high=means.index[-1],
                high_value=f"{b.num(means.iloc[-1])}{unit}", low=means.index[0],
                low_value=f"{b.num(means.iloc[0])}{unit}", weakest=weakest["entity_name"],
                weakest_value=f"{b.num(weakest['value'])}{unit}")

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
        rank = b.tr(f"; thứ hạng từ {r0}{n0} {'lên' if r1 < r0 else 'xuống' if r1 > r0 else 'giữ ở'} {r1}{n1}",
                    f"; rank from {r0}{n0} to {r1}{n1}")
    if change == 0:
        move = b.tr("giá trị không đổi", "the value is unchanged")
    else:
        move = b.tr(f"giá trị {'tăng' if change > 0 else 'giảm'} {amount}{unit}",
                    f"the value is {'up' if change > 0 else 'down'} {amount}{unit}")
    return b.tr(f"So với năm {int(first['year'])}, {move}{rank}.", f"Compared with {int(first['year'])}, {move}{rank}.")


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
        lead = b.tr("đứng đầu cả nước", "first in the country")
    else:
        lead = b.tr(f"cao nhất cả nước là {best['entity_name']} ({b.num(best['value'])}{unit})",
                    f"the best is {best['entity_name']} ({b.num(best['value'])}{unit})")
    text = b.tr(
        f"Năm {year}, {b.label(index)} của {who} đạt {b.num(me)}{unit}, "
        f"{'cao hơn' if gap >= 0 else 'thấp hơn'} trung vị cả nước ({b.num(median)}{unit}) {b.num(abs(gap))}{unit}; "
        f"{lead}.",
        f"In {year}, {who} scored {b.num(me)}{unit} on {b.label(index)}, {b.num(abs(gap))}{unit} "
        f"{'above' if gap >= 0 else 'below'} the national median ({b.num(median)}{unit}); {lead}.")
    others = bench[bench["kind"] == "peer"]
    if len(others):
        ahead = int((others["value"] < me).sum())
        text += " " + b.tr(f"So với {len(others)} địa phương được chọn để so sánh, {who} cao hơn {ahead}.",
                           f"Of the {len(others)} peers chosen, {who} is ahead of {ahead}.")
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
    return b.tr(
        f"Năm {year}, trong {table['entity_code'].nunique()} đơn vị, tiêu chí có điểm bình quân cao nhất là "
        f"«{means.index[-1]}» ({b.num(means.iloc[-1])}{unit}), thấp nhất là «{means.index[0]}» "
        f"({b.num(means.iloc[0])}{unit}); ở tiêu chí này thấp nhất là {weakest['entity_name']} "
        f"({b.num(weakest['value'])}{unit}).",
        f"In {year}, across {table['entity_code'].nunique()} units, the criterion with the highest average is "
        f"“{means.index[-1]}” ({b.num(means.iloc[-1])}{unit}) and the lowest “{means.index[0]}” "
        f"({b.num(means.iloc[0])}{unit}); there the lowest unit is {weakest['entity_name']} "
        f"({b.num(weakest['value'])}{unit}).")

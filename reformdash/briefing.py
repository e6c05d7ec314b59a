"""The meeting briefing as plain data: slides with their chart data, ready sentences and sample flags.

Built from the analysis functions the pages use, so the deck (export_pptx), the workbook (export_xlsx) and the
presentation page show the same figures. Every index is shown as of the chosen year: for an index without a
result that year the latest earlier year is used, and nothing published after the chosen year is shown.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from reformdash import analysis
from reformdash.catalog import Catalog
from reformdash.errors import NotFound
from reformdash.goals import evaluate_goals
from reformdash.narrative import entity_phrase, unit_word, year_summary
from reformdash.overview import Card, focus_cards
from reformdash.registry import Registry
from reformdash.trends import goal_lines
from reformdash.words import L, format_number, t
from reformdash.words.headers import header

MAIN_INDICES = ("PAR_INDEX", "SIPAS", "PAPI", "PCI")
TOP_MOVERS = 5  # entities shown moving up, and as many moving down, on a rank-change slide


@dataclass
class Series:
    """One series of a chart: its name and one value per category (None = no data)."""

    name: str
    values: list[float | None]
    role: str = "data"  # data | goal (a goal line is drawn dashed)
    labels: list[str] | None = None  # text shown on each point (e.g. '19/34'), if not the value


@dataclass
class Chart:
    """A native chart's definition: form, categories and series."""

    kind: str  # line | bar
    title: str
    categories: list[str]
    series: list[Series]
    reverse: bool = False  # rank axis: 1 at the top
    number_format: str = "0.00"
    highlight: int | None = None  # category drawn in the focus colour
    marks: dict[str, str] = field(default_factory=dict)  # category -> why it is marked (a change of method)
    value_range: tuple[float, float] | None = None  # the value axis, so a small change does not look like a fall
    axis_note: str = ""  # said on the chart when the value axis does not start at the scale's minimum


@dataclass
class Slide:
    """One slide: title, the figures behind it, its charts or table, sentences and the sample flag."""

    key: str  # title | glance | trend | changes | components | units | plan_status | plan_risk | plan_late |
    # plan_tasks | goals
    title: str
    subtitle: str = ""
    data: pd.DataFrame | None = None  # what the xlsx export writes (column codes headed by words.headers)
    charts: list[Chart] = field(default_factory=list)
    table: bool = False  # data is shown as a table on the slide
    sentences: list[str] = field(default_factory=list)
    sample: bool = False
    index_code: str | None = None
    figure: object | None = None  # a drawn Plotly figure (the map), for slides no native chart can show


@dataclass
class Briefing:
    """The whole deck for one entity and year."""

    entity_code: str
    entity_name: str
    year: int
    lang: str
    organisation: str | None
    meeting: str | None
    date: dt.date
    slides: list[Slide]


TABLE_ROWS = 6  # rows of a table one projected slide holds at 1280×720 in large type
TABLE_LINES = 9  # lines of wrapped text one projected slide holds under its title
CELL_CHARS = 34  # characters a wrapped table cell holds on one line (the widest column, large type)


def _lines(row) -> int:
    """How many lines a table row takes once its longest cell wraps."""
    return max([1] + [math.ceil(len(str(v)) / CELL_CHARS) for v in row if isinstance(v, str)])


def projected(slides: list[Slide], rows: int = TABLE_ROWS, lines: int = TABLE_LINES) -> list[Slide]:
    """The slides as a projector shows them: a table longer than a slide holds (`rows` rows, `lines` lines of
    wrapped text) continues on the next slides («(2/3)»), so no table is cut or scrolled in front of a room."""
    out = []
    for s in slides:
        if not s.table or s.data is None:
            out.append(s)
            continue
        parts, start, used = [], 0, 0
        for i, row in enumerate(s.data.itertuples(index=False)):
            need = _lines(row)
            if i > start and (i - start >= rows or used + need > lines):
                parts.append(s.data.iloc[start:i].reset_index(drop=True))
                start, used = i, 0
            used += need
        parts.append(s.data.iloc[start:].reset_index(drop=True))
        if len(parts) == 1:
            out.append(s)
            continue
        for n, part in enumerate(parts, 1):
            title = s.title if n == 1 else f"{s.title} ({n}/{len(parts)})"
            out.append(Slide(s.key, title, s.subtitle, part, s.charts if n == 1 else [], True,
                             s.sentences if n == 1 else [], s.sample, s.index_code))
    return out


def date_text(day: dt.date, lang: str = "vi") -> str:
    """'ngày 22 tháng 11 năm 2026' / '22 November 2026'."""
    return t("brief.date", lang, day=day.day, month=t(f"brief.month.{day.month}", lang), year=day.year)


def build_briefing(store, entity: str, year: int, lang: str = "vi", organisation: str | None = None,
                   meeting: str | None = None, date: dt.date | None = None) -> Briefing:
    """The briefing of an entity (name or code) for a year; NotFound for an unknown entity or a year without data."""
    registry = Registry.load(store)
    e = registry.get(entity)
    catalog = Catalog.load(store)
    year = int(year)
    trends = {}
    for code in _ordered(catalog, e.code, store):
        trend = analysis.entity_trend(store, code, e.code)
        trend = trend[trend["year"] <= year].reset_index(drop=True)
        if not trend.empty:
            trends[code] = trend
    day = date or dt.date.today()
    from reformdash.plan.slides import plan_slides

    plan = plan_slides(store, e.code, year, day, lang)  # the plan of the entity or its departments that year
    if not plan and not any((t["year"] == year).any() for t in trends.values()):
        merged = merger_note(registry, e, lang) if not e.in_field(year) else ""
        raise NotFound(t("brief.no_figures", lang, year=year, name=e.name(lang)) + (f". {merged}" if merged else ""),
                       t("brief.no_figures.title", lang))
    b = _Builder(store, catalog, registry, e, year, lang)
    slides = [b.title_slide(organisation, meeting, date or dt.date.today()), b.glance(trends)]
    slides += [b.trend(code, t) for code, t in trends.items()]
    where = b.map_slide(trends)
    if where is not None:
        slides.append(where)
    slides += [s for code in trends if (s := b.changes(code)) is not None]
    slides += [s for code in trends if (s := b.components(code)) is not None]
    slides += b.units()
    slides += plan
    goals = b.goals()
    if goals is not None:
        slides.append(goals)
    return Briefing(e.code, e.name(lang), year, lang, organisation, meeting, date or dt.date.today(), slides)


def merger_note(registry: Registry, entity, lang: str = "vi") -> str:
    """«Từ ngày 01/07/2025, tỉnh Kon Tum sáp nhập vào tỉnh Quảng Ngãi …» for an absorbed entity, else ''."""
    if entity.code not in registry.absorbed_by:
        return ""
    new, when = registry.absorbed_by[entity.code]
    successor = registry.entities[new]
    old = entity_phrase(entity.name(lang), entity.kind, lang)
    to = entity_phrase(successor.name(lang), successor.kind, lang)
    last = when.year - 1 if when <= dt.date(when.year, 7, 1) else when.year  # a year's field is taken on 1 July
    on = date_text(when, lang) if lang == "en" else when.strftime("%d/%m/%Y")  # «01/07/2025» in a sentence
    return t("brief.merger_note", lang, on=on, old=old, to=to, name=entity.name(lang), last=last, first=last + 1)


def briefing_years(store, entity_code: str) -> list[int]:
    """Years with any result of the entity, or with a period of its (or its departments') plan: the years a
    briefing can be made for."""
    from reformdash.plan.slides import plan_years

    years = {int(y) for y in store.df("entity_years", entity_code=entity_code)["year"]}
    return sorted(years | set(plan_years(store, entity_code)))


def _ordered(catalog: Catalog, entity_code: str, store) -> list[str]:
    """The four indices first, then any other index the entity has results for (a unit's own index)."""
    held = set(store.df("entity_latest", entity_code=entity_code, lang="vi")["index_code"])
    return [c for c in MAIN_INDICES if c in held] + sorted(c for c in held if c not in MAIN_INDICES)


def _int(x) -> int | None:
    return None if x is None or pd.isna(x) else int(x)


def _float(x) -> float | None:
    return None if x is None or pd.isna(x) else float(x)


def builder(store, entity: str, year: int, lang: str = "vi") -> _Builder:
    """The slide builder of an entity and year, for one slide's figures and sentences (report paragraphs)."""
    registry = Registry.load(store)
    return _Builder(store, Catalog.load(store), registry, registry.get(entity), int(year), lang)


class _Builder:
    """Slides of one entity and year; holds what every slide needs."""

    def __init__(self, store, catalog: Catalog, registry: Registry, entity, year: int, lang: str):
        self.store, self.catalog, self.registry, self.e, self.year, self.lang = (store, catalog, registry, entity,
                                                                                year, lang)
        self.who = entity_phrase(entity.name(lang), entity.kind, lang)
        self._samples: dict[str, dict[int, bool]] = {}

    def tr(self, key: str, **params) -> str:
        return t(key, self.lang, **params)

    def col(self, code: str) -> str:
        """A table column's header in the reader's language (the one header table)."""
        return header(code, self.lang)

    def num(self, value, decimals: int = 2) -> str:
        return format_number(_float(value), self.lang, decimals)

    def label(self, code: str) -> str:
        """'Chỉ số PCI' (the four) or the index's own name."""
        if code in MAIN_INDICES:
            short = code.replace("_", " ")
            return self.tr("brief.index_label", name=short)
        return self.catalog.indices[code].name(self.lang)

    def unit(self, code: str) -> str:
        return self.catalog.indices[code].unit

    def sample_in(self, code: str, year: int) -> bool:
        """True if the index's figures of that year come from a sample batch."""
        if code not in self._samples:
            years = self.store.df("index_years", index_code=code)
            self._samples[code] = {int(r.year): bool(r.sample) for r in years.itertuples(index=False)}
        return self._samples[code].get(int(year), False)

    # slides ------------------------------------------------------------------------------------------
    def title_slide(self, organisation, meeting, day: dt.date) -> Slide:
        title = self.tr("brief.title", year=self.year)
        lines = [self.who[0].upper() + self.who[1:] if self.lang == "vi" else self.who]
        lines += [x for x in (organisation, meeting) if x]
        lines.append(date_text(day, self.lang))
        merged = self.registry.absorbed_by.get(self.e.code)
        if merged is not None and day >= merged[1]:
            # the province no longer exists on the day of the meeting: say what became of it under its name
            lines.insert(1, merger_note(self.registry, self.e, self.lang))
        return Slide("title", title, "\n".join(lines), sentences=lines)

    def glance(self, trends: dict[str, pd.DataFrame]) -> Slide:
        latest = {c.index_code: c for c in focus_cards(self.store, self.e.code, self.lang).cards}
        cards = []
        for code, trend in trends.items():
            card = latest.get(code)
            shown = int(trend["year"].iloc[-1])
            if card is None or not card.label.endswith(str(shown)):
                card = self.card_as_of(code, trend)  # the overview shows a later year than the briefing's
            cards.append((code, shown, card))
        rows = [(card.label.rsplit(" ", 1)[0], year, card.value, card.caption, card.delta or "",
                 L("sample", self.lang) if card.sample else "") for code, year, card in cards]
        data = pd.DataFrame(rows, columns=[self.col("index_code"), self.col("year"), self.col("value"),
                                           self.tr("brief.col.rank"), self.col("change"), self.col("is_sample")])
        return Slide("glance", self.tr("brief.glance.four" if len(cards) == 4 else "brief.glance.all",
                                       year=self.year),
                     self.e.name(self.lang), data, table=True, sentences=[c.sentence for _, _, c in cards],
                     sample=any(c.sample for _, _, c in cards))

    def card_as_of(self, code: str, trend: pd.DataFrame) -> Card:
        """An overview card for the last year of a trend cut at the briefing's year."""
        r = trend.iloc[-1]
        prev = trend[trend["year"] == r["year"] - 1]
        p = prev.iloc[0] if len(prev) else None
        rank, rank_of = _int(r["rank"]), _int(r["rank_of"])
        prev_rank = _int(p["rank"]) if p is not None else None
        prev_of = _int(p["rank_of"]) if p is not None else None
        delta, extra = None, ""
        if rank is not None and prev_rank is not None:
            if prev_of != rank_of:
                extra = " · " + L("field_changed", self.lang, prev=prev_rank, before=prev_of, after=rank_of)
            elif prev_rank != rank:
                delta = L("places_up", self.lang, n=prev_rank - rank)
            else:
                extra = " · " + L("same_place", self.lang)
        caption = (L("rank_of", self.lang, rank=rank, of=rank_of) if rank is not None else "—") + extra
        unit = self.unit(code)
        sentence = year_summary(self.label(code), self.e.name(self.lang), self.e.kind, unit, int(r["year"]),
                                float(r["value"]), rank, rank_of, int(r["year"]) - 1 if p is not None else None,
                                prev_rank, prev_of, self.lang)
        value = self.num(r["value"]) + unit_word(unit, self.lang)
        return Card(code, f"{code.replace('_', ' ')} {int(r['year'])}", value, delta, caption, sentence,
                    bool(r["sample"]))

    def trend(self, code: str, trend: pd.DataFrame) -> Slide:
        years = list(range(int(trend["year"].min()), int(trend["year"].max()) + 1))
        by_year = trend.set_index("year")
        def column(name):
            return [_float(by_year.at[y, name]) if y in by_year.index else None for y in years]
        values, ranks, rank_of = column("value"), column("rank"), column("rank_of")
        value_goal, rank_goal = goal_lines(self.store, code, self.e.code)
        due = {g.kind for g in self.due_goals().itertuples(index=False)
               if g.index == code and g.component == "" and g.entity_code == self.e.code}
        value_goal = value_goal if "value_at_least" in due else None  # a goal of a later plan is not drawn
        rank_goal = rank_goal if "rank_at_most" in due else None
        unit = self.unit(code)
        value_series = [Series(self.col("value"), values)]
        if value_goal is not None:
            shown = self.num(value_goal, 0 if float(value_goal).is_integer() else 2)
            value_series.append(Series(self.tr("brief.goal.value_line", value=shown),
                                       [value_goal] * len(years), "goal"))
        labels = [f"{int(r)}/{int(n)}" if r is not None and n is not None else "" for r, n in zip(ranks, rank_of)]
        rank_series = [Series(self.tr("brief.col.rank"), ranks, labels=labels)]
        if rank_goal is not None:
            rank_series.append(Series(self.tr("brief.goal.rank_line", rank=rank_goal),
                                      [float(rank_goal)] * len(years), "goal"))
        cats = [str(y) for y in years]
        breaks = analysis.method_breaks_of(self.store, code, tuple(int(y) for y in trend["year"]), self.lang)
        marks = {str(b.year): self.tr("brief.method_change") for b in breaks}
        value_range, axis_note = self.value_axis(code, [v for s in value_series for v in s.values])
        charts = [Chart("line", self.tr("brief.chart.value", unit=unit_word(unit, self.lang).strip()), cats,
                        value_series,
                        marks=marks, value_range=value_range, axis_note=axis_note),
                  Chart("line", self.tr("brief.chart.rank"), cats, rank_series,
                        reverse=True, number_format="0", marks=marks)]
        data = pd.DataFrame({self.col("year"): years, self.col("value"): values,
                             self.tr("brief.col.rank"): ranks, self.col("rank_of"): rank_of,
                             self.col("is_sample"): [L("sample", self.lang) if self.sample_in(code, y) else ""
                                                  for y in years]})
        if value_goal is not None:
            data[self.col("value_goal")] = value_goal
        if rank_goal is not None:
            data[self.col("rank_goal")] = rank_goal
        last = trend.iloc[-1]
        sentences = [self.summary(code, trend, int(last["year"]))]
        sentences += self.field_notes(trend)
        for b in breaks:
            added = "; ".join(b.added) or "—"
            sentences.append(self.tr("brief.method_note", year=b.year, added=added))
        for g in self.due_goals().itertuples(index=False):
            if g.index == code and g.component == "" and g.entity_code == self.e.code:
                sentences.append(g.detail)
        return Slide("trend", self.tr("brief.trend.title", index=self.label(code)),
                     f"{self.e.name(self.lang)}, {years[0]}–{years[-1]}", data, charts,
                     sentences=sentences, sample=bool(trend["sample"].any()), index_code=code)

    def value_axis(self, code: str, values: list[float | None]) -> tuple[tuple[float, float] | None, str]:
        """A value axis that cannot turn a one-point change into a collapse: it spans at least a fifth of the
        index's scale, on round steps, inside the scale; a note says where it starts when that is above the
        scale's minimum (a visible break rather than a silent zoom)."""
        shown = [float(v) for v in values if v is not None and not pd.isna(v)]
        index = self.catalog.indices[code]
        low, high = float(index.scale_min), float(index.scale_max)
        if not shown or high <= low:
            return None, ""
        scale = high - low
        step = 10.0 if scale >= 100 else 5.0 if scale >= 20 else 1.0
        lo = max(low, math.floor((min(shown) - 0.1 * scale) / step) * step)
        hi = min(high, math.ceil((max(shown) + 0.05 * scale) / step) * step)
        if hi - lo < 0.2 * scale:  # a flat series still gets a fifth of the scale
            hi = min(high, lo + math.ceil(0.2 * scale / step) * step)
            lo = max(low, hi - math.ceil(0.2 * scale / step) * step)
        note = "" if lo <= low else self.tr("brief.axis_note", start=self.num(lo, 0), low=self.num(low, 0))
        return (lo, hi), note

    def summary(self, code: str, trend: pd.DataFrame, year: int) -> str:
        """narrative.year_summary of the entity's score of a year, with the year before when there is one."""
        row = trend[trend["year"] == year].iloc[0]
        prev = trend[trend["year"] == year - 1]
        p = prev.iloc[0] if len(prev) else None
        return year_summary(self.label(code), self.e.name(self.lang), self.e.kind, self.unit(code), year,
                            float(row["value"]), _int(row["rank"]), _int(row["rank_of"]),
                            year - 1 if p is not None else None, _int(p["rank"]) if p is not None else None,
                            _int(p["rank_of"]) if p is not None else None, self.lang)

    def field_notes(self, trend: pd.DataFrame) -> list[str]:
        """A sentence for each change of the field's size along the trend (provinces merged in 2025…)."""
        notes, before = [], None
        for r in trend.itertuples(index=False):
            size = _int(r.rank_of)
            if before is not None and size is not None and size != before[1]:
                merger = self.tr("brief.field.merger") if r.year == analysis.MERGER_YEAR else ""
                notes.append(self.tr("brief.field.note", year=r.year, size=size, before=before[0],
                                     before_size=before[1], merger=merger))
            if size is not None:
                before = (r.year, size)
        return notes

    def map_slide(self, trends: dict[str, pd.DataFrame]) -> Slide | None:
        """The first index with a result of the briefing's year on the province map, the entity outlined."""
        from reformdash import maps

        if self.e.kind != "province":
            return None
        held = [c for c, t in trends.items() if (t["year"] == self.year).any()
                and self.catalog.indices[c].entity_kind == "province"]
        # published figures first: a map of sample figures is the last resort
        code = next((c for c in held if not self.sample_in(c, self.year)), held[0] if held else None)
        if code is None:
            return None
        frame = maps.map_table(self.store, code, self.year, lang=self.lang)
        label = code.replace("_", " ")
        spec = maps.MapSpec(code, self.year, "value", focus=self.e.code, unit=self.unit(code))
        spec = maps.MapSpec(**{**spec.__dict__, "title": maps.title_of(spec, label, "", self.lang)})
        figure = maps.map_figure(frame, spec, self.lang, height=620)
        sentences = [maps.sentence(frame, spec, self.label(code), self.lang),
                     self.tr("map.source_layer")]
        note = maps.ha_tay_note(self.store, code, self.year, self.lang)
        if note:
            sentences.append(note)
        return Slide("map", self.tr("brief.map.title", index=self.label(code), year=self.year),
                     self.tr("brief.map.subtitle", name=self.e.name(self.lang)),
                     maps.readable(frame, self.lang), sentences=sentences,
                     sample=bool(frame["sample"].any()), index_code=code, figure=figure)

    def changes(self, code: str, base: int | None = None) -> Slide | None:
        """Rank change against the field between a base year (the year before) and the briefing's year."""
        base = self.year - 1 if base is None else int(base)
        frame = analysis.changes(self.store, code, base, self.year, lang=self.lang)
        both = frame.dropna(subset=["rank_from", "rank_to"])
        if both.empty:
            return None
        before = analysis.field(self.store, code, base, lang=self.lang)["rank_of"].max()
        after = analysis.field(self.store, code, self.year, lang=self.lang)["rank_of"].max()
        comparable = _int(before) == _int(after)
        measure = "places_up" if comparable else "change"
        both = both.assign(change=both["value_to"] - both["value_from"])
        both = both.sort_values([measure, "rank_to", "entity_code"], ascending=[False, True, True])
        shown = pd.concat([both.head(TOP_MOVERS), both.tail(TOP_MOVERS), both[both["entity_code"] == self.e.code]])
        shown = shown.drop_duplicates("entity_code").sort_values([measure, "rank_to", "entity_code"],
                                                                 ascending=[False, True, True])
        unit = self.unit(code)
        names = list(shown["entity_name"])
        focus = [i for i, c in enumerate(shown["entity_code"]) if c == self.e.code]
        if comparable:
            chart = Chart("bar", self.tr("brief.changes.places_chart", base=base, year=self.year), names,
                          [Series(self.tr("brief.places"), [float(x) for x in shown["places_up"]])],
                          number_format="+0;-0;0", highlight=focus[0] if focus else None)
        else:
            chart = Chart("bar", self.tr("brief.changes.value_chart", base=base, year=self.year), names,
                          [Series(self.col("change"), [round(float(x), 4) for x in shown["change"]])],
                          highlight=focus[0] if focus else None)
        data = pd.DataFrame({
            self.col("entity_name"): names,
            self.tr("brief.col.rank_year", year=base): [_int(x) for x in shown["rank_from"]],
            self.tr("brief.col.rank_year", year=self.year): [_int(x) for x in shown["rank_to"]],
            self.col("places_up"): [_int(x) if comparable else None for x in shown["places_up"]],
            self.tr("brief.col.value_year", year=base): [_float(x) for x in shown["value_from"]],
            self.tr("brief.col.value_year", year=self.year): [_float(x) for x in shown["value_to"]],
        })
        sentences = []
        mine = both[both["entity_code"] == self.e.code]
        if len(mine):
            m = mine.iloc[0]
            sentences.append(year_summary(self.label(code), self.e.name(self.lang), self.e.kind, unit, self.year,
                                          float(m["value_to"]), _int(m["rank_to"]), _int(after), base,
                                          _int(m["rank_from"]), _int(before), self.lang))
        else:
            who = self.who[0].upper() + self.who[1:] if self.lang == "vi" else self.who
            sentences.append(self.tr("brief.changes.no_figures", who=who, base=base, year=self.year))
        if comparable:
            up, down = both.iloc[0], both.sort_values(["places_up", "rank_to"]).iloc[0]
            if up["places_up"] > 0:
                sentences.append(self.tr("brief.changes.gain", name=up["entity_name"], n=int(up["places_up"]),
                                         before=int(up["rank_from"]), after=int(up["rank_to"])))
            if down["places_up"] < 0:
                sentences.append(self.tr("brief.changes.fall", name=down["entity_name"], n=-int(down["places_up"]),
                                         before=int(down["rank_from"]), after=int(down["rank_to"])))
        else:
            sentences.append(self.tr("brief.changes.field", base=base, before=_int(before), year=self.year,
                                     after=_int(after)))
        sample = self.sample_in(code, self.year) or self.sample_in(code, base)
        return Slide("changes", self.tr("brief.changes.title", index=self.label(code), base=base),
                     self.e.name(self.lang), data, [chart], sentences=sentences, sample=sample, index_code=code)

    def components(self, code: str) -> Slide | None:
        """The entity's components in the briefing's year, ordered by how far their rank moved."""
        drivers = analysis.component_drivers(self.store, code, self.e.code, self.year, self.lang)
        drivers = drivers.dropna(subset=["prev_value"])
        if drivers.empty:
            return None
        before = analysis.field(self.store, code, self.year - 1, lang=self.lang)["rank_of"].max()
        after = analysis.field(self.store, code, self.year, lang=self.lang)["rank_of"].max()
        comparable = _int(before) == _int(after) and drivers["places_up"].notna().all()
        measure = "places_up" if comparable else "change"
        drivers = drivers.sort_values([measure, "component_code"], ascending=[False, True]).reset_index(drop=True)
        names = list(drivers["component_name"])
        if comparable:
            chart = Chart("bar", self.tr("brief.components.places_chart", before=self.year - 1, year=self.year),
                          names, [Series(self.tr("brief.places"), [float(x) for x in drivers["places_up"]])],
                          number_format="+0;-0;0")
        else:
            chart = Chart("bar", self.tr("brief.components.value_chart", before=self.year - 1, year=self.year),
                          names, [Series(self.col("change"), [round(float(x), 4) for x in drivers["change"]])])
        data = pd.DataFrame({
            self.col("component"): names,
            self.tr("brief.col.value_year", year=self.year - 1): [_float(x) for x in drivers["prev_value"]],
            self.tr("brief.col.value_year", year=self.year): [_float(x) for x in drivers["value"]],
            self.col("change"): [_float(x) for x in drivers["change"]],
            self.tr("brief.col.rank_year", year=self.year - 1): [_int(x) for x in drivers["prev_rank"]],
            self.tr("brief.col.rank_year", year=self.year): [_int(x) for x in drivers["rank"]],
            self.col("places_up"): [_int(x) if comparable else None for x in drivers["places_up"]],
            self.tr("brief.col.best"): [_float(x) for x in drivers["best"]],
        })
        unit = self.unit(code)
        sentences = []
        first, last = drivers.iloc[0], drivers.iloc[-1]
        for row, up, (places_key, value_key) in (
                (first, True, ("brief.components.up_places", "brief.components.up_value")),
                (last, False, ("brief.components.down_places", "brief.components.down_value"))):
            amount = row[measure]
            if pd.isna(amount) or (up and amount <= 0) or (not up and amount >= 0):
                continue
            values = (f"{self.num(row['prev_value'])} → {self.num(row['value'])}{unit_word(unit, self.lang)}")
            if comparable:
                sentences.append(self.tr(places_key, name=row["component_name"],
                                         n=abs(int(amount)), before=int(row["prev_rank"]), after=int(row["rank"]),
                                         values=values))
            else:
                sentences.append(self.tr(value_key, name=row["component_name"], values=values))
        sample = self.sample_in(code, self.year) or self.sample_in(code, self.year - 1)
        return Slide("components", self.tr("brief.components.title", index=self.label(code)),
                     f"{self.e.name(self.lang)}, {self.year - 1} → {self.year}", data, [chart], sentences=sentences,
                     sample=sample, index_code=code)

    def unit_parents(self) -> list[str]:
        """Entities with scored units that are the focus entity or sit under it (its departments)."""
        codes = []
        for code in self.store.df("unit_parents", lang=self.lang)["code"]:
            seen, c = set(), code
            while c is not None and c not in seen:
                if c == self.e.code:
                    codes.append(code)
                    break
                seen.add(c)
                parent = self.registry.entities.get(c)
                c = parent.parent_code if parent else None
        return codes

    def units(self, parents: list[str] | None = None, index: str | None = None) -> list[Slide]:
        """A leaderboard of the units under the entity (or its departments) for each of their indices.

        `parents` and `index` narrow it to some parents and one index (a page's paragraph needs one board).
        """
        slides = []
        for parent in parents if parents is not None else self.unit_parents():
            parent_name = self.registry.entities[parent].name(self.lang)
            for r in self.store.df("unit_indices", parent_code=parent).itertuples(index=False):
                if index is not None and r.index_code != index:
                    continue
                board = analysis.unit_leaderboard(self.store, parent, r.index_code, self.year, self.lang)
                board = board.dropna(subset=["value"])
                if board.empty:
                    continue
                unit = self.unit(r.index_code)
                names = list(board["entity_name"])
                series = [Series(str(self.year), [float(x) for x in board["value"]])]
                if board["prev_value"].notna().any():
                    series.append(Series(str(self.year - 1), [_float(x) for x in board["prev_value"]]))
                chart = Chart("bar", self.tr("brief.units.chart", year=self.year), names, series)
                data = pd.DataFrame({
                    self.col("unit_name"): names,
                    self.tr("brief.col.value_year", year=self.year): [float(x) for x in board["value"]],
                    self.tr("brief.col.rank"): [_int(x) for x in board["rank"]],
                    self.tr("brief.col.value_year", year=self.year - 1): [_float(x) for x in board["prev_value"]],
                    self.tr("brief.col.rank_year", year=self.year - 1): [_int(x) for x in board["prev_rank"]],
                    self.col("places_up"): [_int(x) for x in board["places_up"]],
                    self.col("is_sample"): [L("sample", self.lang) if s else "" for s in board["sample"]],
                })
                top, bottom = board.iloc[0], board.iloc[-1]
                u = unit_word(unit, self.lang)
                sentences = [self.tr("brief.units.summary", year=self.year, n=len(board), parent=parent_name,
                                     top=top["entity_name"], top_value=f"{self.num(top['value'])}{u}",
                                     bottom=bottom["entity_name"], bottom_value=f"{self.num(bottom['value'])}{u}")]
                moved = board.dropna(subset=["places_up"]).sort_values(["places_up", "rank"], ascending=[False, True])
                if len(moved) and moved.iloc[0]["places_up"] > 0:
                    m = moved.iloc[0]
                    sentences.append(self.tr("brief.changes.gain", name=m["entity_name"], n=int(m["places_up"]),
                                             before=int(m["prev_rank"]), after=int(m["rank"])))
                slides.append(Slide("units", self.tr("brief.units.title", parent=parent_name),
                                    self.catalog.indices[r.index_code].name(self.lang), data, [chart],
                                    sentences=sentences, sample=bool(board["sample"].any()),
                                    index_code=r.index_code))
        return slides

    def goal_frame(self) -> pd.DataFrame:
        if not hasattr(self, "_goals"):
            self._goals = evaluate_goals(self.store, self.lang)
            self._goals["component"] = self._goals["component"].fillna("")
        return self._goals

    def due_goals(self) -> pd.DataFrame:
        """Goals of the entity and its units due in the briefing's year, and later goals still open then.

        A goal due after the chosen year is shown only when its index has no results after that year, so a
        briefing for a past year never shows figures published later.
        """
        frame = self.goal_frame()
        mine = {self.e.code} | {c for c, ent in self.registry.entities.items() if self._under(ent)}
        if not hasattr(self, "_latest"):
            self._latest = {}
            for code in frame["index"].unique():
                years = analysis.years_of(self.store, code)
                self._latest[code] = max(years) if years else None
        keep = [r.entity_code in mine and (int(r.target_year) == self.year or (
                int(r.target_year) > self.year and (self._latest.get(r.index) or 0) <= self.year))
                for r in frame.itertuples(index=False)]
        return frame[np.array(keep, dtype=bool)]  # a plain empty list would select no columns, not no rows

    def left_out_goals(self) -> list[str]:
        """The entity's (and its units') goals not on the goals slide, each with why (due another year)."""
        frame = self.goal_frame()
        shown = set(self.due_goals()["id"])
        mine = {self.e.code} | {c for c, ent in self.registry.entities.items() if self._under(ent)}
        earlier, later = [], []
        for r in frame.itertuples(index=False):
            if r.entity_code not in mine or r.id in shown:
                continue
            (earlier if int(r.target_year) < self.year else later).append(f"{r.goal} ({r.entity_name})")
        notes = []
        if earlier:
            notes.append(self.tr("brief.goals.earlier", n=len(earlier), year=self.year, goals="; ".join(earlier)))
        if later:
            notes.append(self.tr("brief.goals.later", n=len(later), year=self.year, goals="; ".join(later)))
        return notes

    def goals(self) -> Slide | None:
        """Goals met and not met (see due_goals), with each goal's sentence, and which goals are left out and why."""
        goals = self.due_goals()
        left_out = self.left_out_goals()
        if goals.empty and not left_out:
            return None
        latest = self._latest
        status = {"met": L("goal_met", self.lang), "not_met": L("goal_not_met", self.lang),
                  "no_data": L("goal_no_data", self.lang)}
        samples = [self.sample_in(r.index, min(int(r.target_year), latest.get(r.index) or int(r.target_year)))
                   for r in goals.itertuples(index=False)]
        data = pd.DataFrame({  # column codes: the exports head them (words.headers); the slides leave out the detail
            "index_code": [self.label(c) for c in goals["index"]],
            "entity_name": list(goals["entity_name"]),
            "goal": [self.goal_words(r) for r in goals.itertuples(index=False)],
            "target_year": [int(y) for y in goals["target_year"]],
            "status": [status[s] for s in goals["status"]],
            "is_sample": [L("sample", self.lang) if s else "" for s in samples],
            "detail": list(goals["detail"]),
        })
        counts = goals["status"].value_counts()
        sentences = [self.tr("brief.goals.counts", n=len(goals), met=int(counts.get("met", 0)),
                             not_met=int(counts.get("not_met", 0)), no_data=int(counts.get("no_data", 0)))]
        sentences += [f"{label} — {d}" for label, d in zip(data.iloc[:, 0] + ": " + data.iloc[:, 2], goals["detail"])]
        sentences += left_out
        return Slide("goals", self.tr("brief.goals.title"),
                     self.e.name(self.lang), data, table=True, sentences=sentences, sample=any(samples))

    def _under(self, entity) -> bool:
        seen, c = set(), entity.parent_code
        while c is not None and c not in seen:
            if c == self.e.code:
                return True
            seen.add(c)
            parent = self.registry.entities.get(c)
            c = parent.parent_code if parent else None
        return False

    def goal_words(self, g) -> str:
        """'Trong nhóm 10 dẫn đầu', 'Tăng 5 bậc so với năm 2022', '≥ 90%', 'Năm sau cao hơn năm trước'."""
        target = _float(g.target)
        if g.kind == "rank_at_most":
            return self.tr("brief.goal.rank_at_most", n=int(target))
        if g.kind == "rank_up":
            return self.tr("brief.goal.rank_up", n=int(target), base=int(g.base_year))
        if g.kind == "value_at_least":
            unit = self.unit(g.index) if g.index in self.catalog.indices else ""
            return f"≥ {self.num(target, 0 if float(target).is_integer() else 2)}{unit_word(unit, self.lang)}"
        every = self.tr("brief.goal.every_component") if g.component == "*" else ""
        return self.tr("brief.goal.yoy") + every

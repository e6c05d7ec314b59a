"""What the overview page shows, computed here so tests can call it without Streamlit."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from reformdash.narrative import unit_word, year_summary
from reformdash.registry import Registry
from reformdash.words import L, format_number, t
from reformdash.words.headers import header


@dataclass
class Card:
    """One index card: label, value, rank change and a caption."""

    index_code: str
    label: str
    value: str
    delta: str | None
    caption: str
    sentence: str
    sample: bool
    goals: list[tuple[str, str, str]] = field(default_factory=list)  # (status, detail, the goal in words)
    figure: str = ""  # the value without a word unit («41,86»; «86,58%»): a card's big number, never cut
    unit: str = ""  # the unit word shown beside the label («điểm», «points»), when the figure has none


@dataclass
class Cards:
    """The focus entity's cards."""

    title: str
    cards: list[Card]
    footnote: str


def focus_cards(store, entity: str, lang: str, version: int = 0) -> Cards:
    """Latest value and rank of each index for the focus entity, with the sentence and goal status."""
    from reformdash.catalog import Catalog

    registry = Registry.load(store)
    catalog = Catalog.load(store)
    e = registry.get(entity)
    frame = store.df("entity_latest", entity_code=e.code, lang=lang)
    goals = goal_rows(store, e.code, lang)
    cards = []
    for r in frame.itertuples(index=False):
        label = catalog.label(r.index_code, lang)  # a department's own index by its name, not its code
        delta, extra = None, ""
        if pd.notna(r.prev_rank) and pd.notna(r.rank):
            if int(r.prev_rank_of) != int(r.rank_of):
                # places are not comparable when the field changed size (63 → 34 provinces in 2025)
                extra = " · " + L("field_changed", lang, prev=int(r.prev_rank), before=int(r.prev_rank_of),
                                  after=int(r.rank_of))
            else:
                up = int(r.prev_rank) - int(r.rank)
                delta = L("places_up", lang, n=up) if up else None
                if not up:
                    extra = " · " + L("same_place", lang)
        rank = L("rank_of", lang, rank=int(r.rank), of=int(r.rank_of)) if pd.notna(r.rank) else L("no_rank", lang)
        acronym = r.index_code in catalog.indices and catalog.indices[r.index_code].source == "reference"
        sentence = year_summary(t("brief.index_label", lang, name=label) if acronym else label, e.name(lang), e.kind,
                                r.unit,
                                int(r.year), r.value, r.rank, r.rank_of,
                                int(r.year) - 1 if pd.notna(r.prev_rank) else None, r.prev_rank, r.prev_rank_of,
                                lang)
        mine = [(g.status, g.detail, g.goal) for g in goals.itertuples(index=False) if g.index == r.index_code]
        number = format_number(r.value, lang)
        word = unit_word(r.unit, lang)
        cards.append(Card(r.index_code, f"{label} {r.year}", f"{number}{word}", delta, rank + extra, sentence,
                          bool(r.sample), mine, number + (word if r.unit == "%" else ""),
                          "" if r.unit == "%" else word.strip()))
    return Cards(e.name(lang), cards, L("sample_note", lang))


def goal_rows(store, entity_code: str, lang: str) -> pd.DataFrame:
    """Goal status rows of one entity (empty if goals are not set up)."""
    try:
        from reformdash.goals import evaluate_goals
    except ImportError:
        return pd.DataFrame(columns=["index", "status", "detail"])
    frame = evaluate_goals(store, lang)
    return frame[frame["entity_code"] == entity_code]


def coverage_table(store, lang: str, version: int = 0) -> pd.DataFrame:
    """Indices held, years, entities, and whether the figures are a sample."""
    frame = store.df("index_coverage", lang=lang)
    frame["sample"] = frame["sample"].map(lambda s: L("sample", lang) if s else "")
    frame.columns = [t("brief.col.code", lang), header("index_code", lang), t("brief.col.from_year", lang),
                     t("brief.col.to_year", lang), t("brief.col.entities", lang), t("brief.col.scores", lang),
                     t("brief.col.label", lang)]
    return frame

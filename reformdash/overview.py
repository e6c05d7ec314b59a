"""What the placeholder home page shows, computed here so tests can call it without Streamlit."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from reformdash.i18n import format_number
from reformdash.registry import Registry

SAMPLE_BADGE = {"vi": "MẪU", "en": "SAMPLE"}


@dataclass
class Card:
    """One index card: label, value, rank change and a caption."""

    label: str
    value: str
    delta: str | None
    caption: str


@dataclass
class Cards:
    """The focus entity's cards."""

    title: str
    cards: list[Card]
    footnote: str


@lru_cache(maxsize=64)
def _cards(store, entity: str, lang: str, version: int) -> Cards:
    registry = Registry.load(store)
    e = registry.get(entity)
    frame = store.df("entity_latest", entity_code=e.code, lang=lang)
    cards = []
    for r in frame.itertuples(index=False):
        badge = f" [{SAMPLE_BADGE[lang]}]" if r.sample else ""
        unit = "%" if r.unit == "%" else (" điểm" if lang == "vi" else " points")
        delta, caption_extra = None, ""
        if pd.notna(r.prev_rank) and pd.notna(r.rank):
            if int(r.prev_rank_of) != int(r.rank_of):
                # places are not comparable when the field changed size (63 → 34 provinces in 2025)
                caption_extra = (f" (năm trước {int(r.prev_rank)}/{int(r.prev_rank_of)})" if lang == "vi"
                                 else f" (previous year {int(r.prev_rank)}/{int(r.prev_rank_of)})")
            else:
                up = int(r.prev_rank) - int(r.rank)
                delta = (f"{up:+d} bậc" if lang == "vi" else f"{up:+d} places") if up else None
                if not up:
                    caption_extra = " (giữ nguyên)" if lang == "vi" else " (unchanged)"
        rank = f"{int(r.rank)}/{int(r.rank_of)}" if pd.notna(r.rank) else "—"
        label = r.index_code.replace("_", " ")
        cards.append(Card(f"{label} {r.year}{badge}", f"{format_number(r.value, lang)}{unit}", delta,
                          ("Xếp hạng " if lang == "vi" else "Rank ") + rank + caption_extra))
    title = e.name(lang)
    note = {"vi": "Các số liệu gắn nhãn MẪU là số liệu minh họa, không phải số liệu công bố; "
                  "gỡ bằng lệnh: python -m reformdash remove-sample.",
            "en": "Figures labelled SAMPLE are illustrative, not published; remove them with "
                  "python -m reformdash remove-sample."}[lang]
    return Cards(title, cards, note)


def focus_cards(store, entity: str, lang: str, version: int) -> Cards:
    """Latest value and rank of each index for the focus entity (cached by data version)."""
    return _cards(store, entity, lang, version)


def coverage_table(store, lang: str, version: int) -> pd.DataFrame:
    """Indices held, years, entities, and whether the figures are a sample."""
    frame = store.df("index_coverage", lang=lang)
    frame["sample"] = frame["sample"].map(lambda s: SAMPLE_BADGE[lang] if s else "")
    headers = {"vi": ["Mã", "Chỉ số", "Từ năm", "Đến năm", "Số đơn vị", "Số điểm số", "Nhãn"],
               "en": ["Code", "Index", "From", "To", "Entities", "Scores", "Label"]}[lang]
    frame.columns = headers
    return frame

"""Ready sentences in Vietnamese administrative phrasing (and English), with the language's number format."""

from __future__ import annotations

import pandas as pd

from reformdash.words import format_number, t
from reformdash.words.briefing import CITY_NAMES, CITY_PREFIXES


def unit_word(unit: str, lang: str) -> str:
    """' điểm' / '%' / ' points'."""
    if unit == "%":
        return "%"
    return t("brief.points", lang)


def entity_phrase(name: str, kind: str, lang: str) -> str:
    """'của tỉnh Quảng Ninh' / 'của Bộ Tư pháp' / 'của Bệnh viện…'."""
    if lang == "en":
        return name
    if kind == "province":
        lowered = name.lower()
        if lowered.startswith(CITY_PREFIXES):
            return name
        return t("brief.phrase.city" if name in CITY_NAMES else "brief.phrase.province", lang, name=name)
    return name


def year_summary(index_label: str, entity_name: str, kind: str, unit: str, year: int, value: float,
                 rank: int | None, rank_of: int | None, prev_year: int | None, prev_rank: int | None,
                 prev_rank_of: int | None, lang: str = "vi") -> str:
    """'Năm 2019, Chỉ số PCI của tỉnh Quảng Ninh đạt 73,40 điểm, xếp thứ 1/63, giữ nguyên so với năm 2018.'"""
    who = entity_phrase(entity_name, kind, lang)
    number = format_number(value, lang) + unit_word(unit, lang)
    text = t("brief.summary", lang, year=year, index=index_label, who=who, number=number)
    if rank is not None and not pd.isna(rank):
        text += t("brief.summary.rank", lang, rank=int(rank), of=int(rank_of))
    else:
        text += t("brief.summary.no_rank", lang)  # a partial table: no rank is invented
    text += move(rank, rank_of, prev_year, prev_rank, prev_rank_of, lang)
    return text + "."


def move(rank, rank_of, prev_year, prev_rank, prev_rank_of, lang: str = "vi") -> str:
    """', tăng 5 bậc so với năm 2018' / ', up 5 places on 2018' and their variants."""
    if prev_rank is None or pd.isna(prev_rank) or rank is None or pd.isna(rank):
        return ""
    if int(prev_rank_of) != int(rank_of):
        return t("brief.move.field_changed", lang, year=prev_year, rank=int(prev_rank), of=int(prev_rank_of))
    up = int(prev_rank) - int(rank)
    if up > 0:
        return t("brief.move.up", lang, n=up, year=prev_year)
    if up < 0:
        return t("brief.move.down", lang, n=-up, year=prev_year)
    return t("brief.move.same", lang, year=prev_year)

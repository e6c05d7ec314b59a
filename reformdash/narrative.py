"""Ready sentences in Vietnamese administrative phrasing (and English), with the language's number format."""

from __future__ import annotations

import pandas as pd

from reformdash.words import format_number


def unit_word(unit: str, lang: str) -> str:
    """' điểm' / '%' / ' points'."""
    if unit == "%":
        return "%"
    return " điểm" if lang == "vi" else " points"


def entity_phrase(name: str, kind: str, lang: str) -> str:
    """'của tỉnh Quảng Ninh' / 'của Bộ Tư pháp' / 'của Bệnh viện…'."""
    if lang == "en":
        return name
    if kind == "province":
        lowered = name.lower()
        if lowered.startswith(("tp.", "thành phố")):
            return name
        city = name in ("Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế", "Thừa Thiên Huế")
        return f"thành phố {name}" if city else f"tỉnh {name}"
    return name


def year_summary(index_label: str, entity_name: str, kind: str, unit: str, year: int, value: float,
                 rank: int | None, rank_of: int | None, prev_year: int | None, prev_rank: int | None,
                 prev_rank_of: int | None, lang: str = "vi") -> str:
    """'Năm 2019, Chỉ số PCI của tỉnh Quảng Ninh đạt 73,40 điểm, xếp thứ 1/63, giữ nguyên so với năm 2018.'"""
    who = entity_phrase(entity_name, kind, lang)
    number = format_number(value, lang) + unit_word(unit, lang)
    if lang == "en":
        text = f"In {year}, {who} scored {number} on {index_label}"
        if rank is not None and not pd.isna(rank):
            text += f", ranking {int(rank)}/{int(rank_of)}"
        else:
            text += " (rank not published)"  # a partial table: no rank is invented
        text += move_en(rank, rank_of, prev_year, prev_rank, prev_rank_of)
        return text + "."
    text = f"Năm {year}, {index_label} của {who} đạt {number}"
    if rank is not None and not pd.isna(rank):
        text += f", xếp thứ {int(rank)}/{int(rank_of)}"
    else:
        text += " (chưa công bố thứ hạng)"  # a partial table: no rank is invented
    text += move_vi(rank, rank_of, prev_year, prev_rank, prev_rank_of)
    return text + "."


def move_vi(rank, rank_of, prev_year, prev_rank, prev_rank_of) -> str:
    """', tăng 5 bậc so với năm 2018' and its variants."""
    if prev_rank is None or pd.isna(prev_rank) or rank is None or pd.isna(rank):
        return ""
    if int(prev_rank_of) != int(rank_of):
        return (f" (năm {prev_year} xếp thứ {int(prev_rank)}/{int(prev_rank_of)}; số đơn vị xếp hạng đã thay đổi "
                "nên không so sánh trực tiếp số bậc)")
    up = int(prev_rank) - int(rank)
    if up > 0:
        return f", tăng {up} bậc so với năm {prev_year}"
    if up < 0:
        return f", giảm {-up} bậc so với năm {prev_year}"
    return f", giữ nguyên thứ hạng so với năm {prev_year}"


def move_en(rank, rank_of, prev_year, prev_rank, prev_rank_of) -> str:
    """', up 5 places on 2018' and its variants."""
    if prev_rank is None or pd.isna(prev_rank) or rank is None or pd.isna(rank):
        return ""
    if int(prev_rank_of) != int(rank_of):
        return (f" ({int(prev_rank)}/{int(prev_rank_of)} in {prev_year}; the field changed size, so places are "
                "not compared)")
    up = int(prev_rank) - int(rank)
    if up > 0:
        return f", up {up} places on {prev_year}"
    if up < 0:
        return f", down {-up} places on {prev_year}"
    return f", the same place as in {prev_year}"

"""Numbers and dates as each language writes them."""

from __future__ import annotations


def format_number(value: float | None, lang: str = "vi", decimals: int = 2) -> str:
    """89,12 in Vietnamese, 89.12 in English; thousands with '.' / ','."""
    if value is None:
        return "—"
    text = f"{value:,.{decimals}f}"
    if lang == "vi":
        text = text.replace(",", "\u0001").replace(".", ",").replace("\u0001", ".")
    return text

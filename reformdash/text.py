"""Text keys and cell parsing shared by the importer and the registry."""

from __future__ import annotations

import math
import re
import unicodedata

from reformdash.words.vocabulary import LETTER_FOLDS, MISSING_TOKENS, NAME_PREFIXES

_PREFIXES = NAME_PREFIXES
_FOLDS = str.maketrans({**LETTER_FOLDS, **{chr(c): None for c in range(0x300, 0x370)}})  # and combining marks
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_SPACES = re.compile(r"\s+")
YEAR_RE = re.compile(r"(?<!\d)(20[0-4]\d|199\d)(?!\d)")


def strip_accents(text: str) -> str:
    """Vietnamese text without diacritics, đ folded to d, in lower case."""
    text = str(text)
    if text.isascii():  # most headers and cells: nothing to decompose or fold
        return text.lower()
    # the common combining marks (all of Vietnamese's) go by one table; a character-by-character pass only for
    # what is left outside ASCII (another script's marks)
    text = unicodedata.normalize("NFD", text).translate(_FOLDS)
    if not text.isascii():
        text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    return text.lower()


def words(text: object) -> str:
    """Lower-case ASCII words separated by single spaces (the header key)."""
    return _NON_ALNUM.sub(" ", strip_accents(str(text))).strip()


def name_key(text: object) -> str:
    """Key of an entity name: no diacritics, no prefixes like 'Tỉnh'/'TP.', no spaces or punctuation."""
    folded = _SPACES.sub(" ", strip_accents(str(text)).strip())
    for prefix in _PREFIXES:
        if folded.startswith(prefix) and len(folded) > len(prefix) + 2:
            folded = folded[len(prefix):]
            break
    return _NON_ALNUM.sub("", folded)


def clean(text: object) -> str:
    """Display text: NFC, no line breaks, single spaces."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", str(text))).strip()


def is_missing(cell: object) -> bool:
    """True for blanks and the publishers' no-data tokens."""
    if cell is None:
        return True
    if isinstance(cell, float) and math.isnan(cell):
        return True
    if isinstance(cell, str):
        return cell.strip().lower() in MISSING_TOKENS
    return False


def parse_number(cell: object) -> float | None:
    """A cell as a float; None when missing. Raises ValueError for text that is not a number.

    Accepts decimal commas ("65,97"), thousands separators ("1.234,5" / "1,234.5") and a trailing "%".
    """
    if isinstance(cell, bool):
        raise ValueError(cell)
    if isinstance(cell, (int, float)):
        if isinstance(cell, float) and (math.isnan(cell) or math.isinf(cell)):
            if math.isnan(cell):
                return None
            raise ValueError(cell)
        return float(cell)
    if is_missing(cell):
        return None
    text = str(cell).strip().replace("\u00a0", "").replace(" ", "")
    if text.endswith("%"):
        text = text[:-1]
    if "," in text and "." in text:
        if text.rfind(",") > text.rfind("."):
            text = text.replace(".", "").replace(",", ".")
        else:
            text = text.replace(",", "")
    elif text.count(",") == 1:
        text = text.replace(",", ".")
    value = float(text)  # raises ValueError on anything else
    if math.isnan(value) or math.isinf(value):
        raise ValueError(cell)
    return value


# A number inside a sentence («≥ 1.000 hồ sơ», «giảm 3–5%», «tăng 5 bậc»): thousands grouped as Vietnamese
# («12.000.000», «1.234,5») or English («1,234.5») write them, else one decimal separator («90,5», «1.5»).
NUMBER_IN_TEXT = (r"(?<![\d.,])(?:[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?|[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?)"
                  r"(?![\d])")
_NUMBER_IN_TEXT = re.compile(NUMBER_IN_TEXT)


def text_number(token: str, percent: bool = False) -> float:
    """A number as a sentence writes it (a NUMBER_IN_TEXT match). One separator before three digits groups
    thousands («1.000 hồ sơ» is a thousand, as Vietnamese writes it) unless a percent follows («90.125%»)."""
    dots, commas = token.count("."), token.count(",")
    if dots > 1 or (dots == 1 and not commas and not percent and _ONE_GROUP.fullmatch(token)):
        return float(token.replace(".", "").replace(",", "."))
    if commas > 1 or (commas == 1 and not dots and not percent and _ONE_GROUP.fullmatch(token)):
        return float(token.replace(",", ""))
    return parse_number(token)


_ONE_GROUP = re.compile(r"[1-9]\d{0,2}[.,]\d{3}")


def numbers_in_text(text: str) -> list[float]:
    """The numbers of a sentence that are not years (years are base years: «so với năm 2025»)."""
    text = YEAR_RE.sub(" ", text)
    return [text_number(m.group(), text[m.end():].lstrip().startswith("%")) for m in _NUMBER_IN_TEXT.finditer(text)]


def parse_int(cell: object) -> int | None:
    """A whole number (rank, year) or None; ValueError if fractional or not a number."""
    value = parse_number(cell)
    if value is None:
        return None
    if abs(value - round(value)) > 1e-9:
        raise ValueError(cell)
    return int(round(value))


_RANK_TEXT = re.compile(
    r"^(?:(?:xep|dung|vi tri|hang|thu hang|xep hang|rank|ranked|no|so)\s+)*(?:thu\s+)?(\d{1,4})"
    r"(?:\s*(?:/|tren|trong so|of|out of)\s*(\d{1,4}))?(?:\s+(?:tinh|tinh thanh|don vi|bo nganh|provinces?|units?))?$")


def parse_rank(cell: object) -> tuple[int | None, int | None]:
    """A published rank and, when the cell states it, the field: 38, "38/63", "Xếp thứ 38/63", "thứ 38".

    Raises ValueError for text that is not a rank (a fraction, a word, a rank larger than its field).
    """
    if isinstance(cell, str) and not is_missing(cell):
        text = re.sub(r"[^0-9a-z/]+", " ", strip_accents(cell)).strip()
        text = re.sub(r"\s*/\s*", "/", text).replace("/", " / ")
        text = re.sub(r"\s+", " ", text)
        hit = _RANK_TEXT.match(text.replace(" / ", " tren ") if " / " in text else text)
        if hit is None:
            rank = parse_int(cell)  # "38,0", "38.0"
            return (rank, None) if rank is None or rank >= 1 else _bad_rank(cell)
        rank, field = int(hit.group(1)), int(hit.group(2)) if hit.group(2) else None
        if rank < 1 or (field is not None and not rank <= field):
            _bad_rank(cell)
        return rank, field
    rank = parse_int(cell)
    if rank is not None and rank < 1:
        _bad_rank(cell)
    return rank, None


def _bad_rank(cell: object):
    raise ValueError(cell)


def years_in(text: object) -> list[int]:
    """Four-digit years 1990–2049 found in text."""
    return [int(y) for y in YEAR_RE.findall(str(text))]

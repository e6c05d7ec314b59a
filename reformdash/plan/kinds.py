"""Target kinds (loại mục tiêu) as a registry: one definition per kind — its words, how the plan's text is parsed,
what value an actual must reach (the judge) and how it is written back.

Every kind reduces a target to a requirement ``(op, need)``: the actual value meets the target when
``actual op need`` holds (op is one of ``>=``, ``>``, ``<=``, ``<``, ``==``). ``need`` may depend on a base value
(the base year's value for increase_by / decrease_by, last year's for every_year_higher). A range
(«giảm bình quân 3–5%») is met at its lower, less demanding bound; the upper bound is kept and shown.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from reformdash.store import REFERENCE
from reformdash.text import (
    NUMBER_IN_TEXT,
    YEAR_RE,
    is_missing,
    numbers_in_text,
    strip_accents,
    text_number,
    words,
)
from reformdash.words import format_number, t
from reformdash.words.plan import CHANGE_WORDS, RANGE_WORDS

EPS = 1e-9
_RANGE = re.compile(rf"({NUMBER_IN_TEXT})\s*(%?)\s*(?:" + "|".join(("-", "–", "—", *RANGE_WORDS))
                    + rf")\s*({NUMBER_IN_TEXT})(\s*%)?")


@cache
def vocabulary(group: str) -> dict[str, tuple[str, str]]:
    """Folded word -> (code, value) of one group of data/reference/plan_vocabulary.csv."""
    with open(REFERENCE / "plan_vocabulary.csv", encoding="utf-8") as f:
        return {words(r["word"]): (r["code"], r["value"]) for r in csv.DictReader(f) if r["group"] == group}


@cache
def labels(group: str, lang: str = "vi") -> dict[str, str]:
    """code -> the word a page shows for it (groups `aggregation_label`, `direction_label`; first row per language)."""
    out: dict[str, str] = {}
    with open(REFERENCE / "plan_vocabulary.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["group"] == group and r["value"] == ("en" if lang == "en" else "vi"):
                out.setdefault(r["code"], r["word"])
    return out


def unit_word(unit: str, lang: str = "vi") -> str:
    """A unit code as a page shows it: the code in Vietnamese, its `unit_label` in English («triệu đồng» -> million
    dong); a unit without a label as itself."""
    return labels("unit_label", lang).get(unit, unit) if lang == "en" else unit


def tier_value(text: object) -> float | None:
    """The rank of a rating word («Tốt» -> 3, «Xuất sắc» -> 4); None when it is not one."""
    found = vocabulary("tier").get(words(text))
    return float(found[1]) if found else None


def tier_in(text: str) -> float | None:
    """The rating a text names («đạt loại Tốt trở lên» -> 3), longest wording first."""
    folded = f" {words(text)} "
    for word, (_code, value) in sorted(vocabulary("tier").items(), key=lambda kv: -len(kv[0])):
        if f" {word} " in folded:
            return float(value)
    return None


@dataclass
class Parsed:
    """What a target's text says: its kind and numbers (None where the text does not say)."""

    kind: str
    target: float | None = None
    target_high: float | None = None
    strict: bool = False
    by_unit: str | None = None
    base_year: int | None = None
    threshold: float | None = None
    threshold_strict: bool = False
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Kind:
    """One kind of target: its words, the wording that announces it (the parser), its requirement (the judge) and how
    it is written back (the export label)."""

    code: str
    words: str  # its name's key in reformdash.words
    pattern: re.Pattern | None  # on folded text (strip_accents, lower case); None: recognised by sign only
    read: Callable[[Parsed, str, str, list[float]], None]  # fills the Parsed from (whole text, folded, numbers)
    judge: Callable[..., tuple[str, float] | None]  # (target, base, higher_is_better, strict, by_unit) -> (op, need)
    label: Callable[..., str]  # (target, lang, num, suffix, vs) -> «≥ 90%», «giảm 3–5% so với năm 2025»
    needs_base: bool = False
    needs_target: bool = True

    def name(self, lang: str = "vi") -> str:
        return t(self.words, lang)


# the parsers: what numbers of the wording each kind keeps ----------------------------------------------------------
def _read_nothing(parsed: Parsed, whole: str, folded: str, found: list[float]) -> None:
    return None


def _read_bound(parsed: Parsed, whole: str, folded: str, found: list[float]) -> None:
    if found:
        parsed.target = found[0]


def _read_share(parsed: Parsed, whole: str, folded: str, found: list[float]) -> None:
    # «> 90% đơn vị đạt loại Tốt trở lên», «tỷ lệ đơn vị đạt ≥ 80 điểm: trên 90%»
    share = re.search(rf"({NUMBER_IN_TEXT})\s*%", YEAR_RE.sub(" ", whole))
    parsed.target = text_number(share.group(1), percent=True) if share else (found[0] if found else None)
    rest = [n for n in found if parsed.target is None or abs(n - parsed.target) > EPS]
    parsed.threshold = tier_in(whole)
    if parsed.threshold is None and rest:
        parsed.threshold = rest[0]
    parsed.strict = bool(re.search(r"(?:(?<![<>≤≥])>(?!=)|\btren\b|\bmore than\b|\bover\b)\s*\d+(?:[.,]\d+)?\s*%",
                                   folded))


def _read_change(parsed: Parsed, whole: str, folded: str, found: list[float]) -> None:
    hit = _RANGE.search(YEAR_RE.sub(" ", whole))
    if hit:
        percent = bool(hit.group(2) or hit.group(4))
        a, b = text_number(hit.group(1), percent), text_number(hit.group(3), percent)
        parsed.target, parsed.target_high = min(a, b), max(a, b)
    elif found:
        parsed.target = found[0]
    if re.search(r"\bbac\b|\bhang\b|\bplaces?\b|\branks?\b", folded):
        parsed.by_unit = "places"
    elif re.search(r"diem phan tram|percentage points?|\bpoints?\b|\bdiem\b", folded):
        parsed.by_unit = "points"
    elif "%" not in folded and not re.search(r"phan tram|percent", folded) and _AMOUNT.search(
            YEAR_RE.sub(" ", folded)):
        parsed.by_unit = "amount"  # «giảm 1.000 hồ sơ», «giảm 2 ngày»: in the indicator's own unit, not a percent
    else:
        parsed.by_unit = "percent"


# a number followed by a word that is not the start of «so với …» / «than …»: a count of something («1.000 hồ sơ»)
_AMOUNT = re.compile(rf"(?:{NUMBER_IN_TEXT})\s*(?!(?:so|voi|than|compared|from|vs|by|den|toi|to|trong|in|nam|year)\b)"
                     r"[a-z]")


# the judges: (op, need) the actual must satisfy; None when the base it depends on is missing ----------------------
def _judge_at_least(target, base, higher_is_better, strict=False, by_unit=None):
    return (">" if strict else ">=", target)


def _judge_at_most(target, base, higher_is_better, strict=False, by_unit=None):
    return ("<" if strict else "<=", target)


def _judge_equals(target, base, higher_is_better, strict=False, by_unit=None):
    return ("==", target)


def _judge_every_year_higher(target, base, higher_is_better, strict=False, by_unit=None):
    if base is None:
        return None
    return (">" if higher_is_better else "<", base)


def _judge_change(sign: int):
    """increase_by (+1) or decrease_by (-1) of a percent, points or places, from the base year's value."""
    def judge(target, base, higher_is_better, strict=False, by_unit=None):
        if base is None:
            return None
        if by_unit == "places":  # ranks: a smaller number is a better place; «tăng 5 bậc» = 5 places up
            return ("<=", base - target) if sign > 0 else (">=", base + target)
        if by_unit in ("points", "amount"):  # «giảm 3 điểm», «giảm 1.000 hồ sơ»: an absolute change
            need = base + sign * target
        else:
            need = base * (1 + sign * target / 100)
        return (">=" if sign > 0 else "<=", need)
    return judge


# the export labels: the target as the plan would write it --------------------------------------------------------
def _label_every_year_higher(t_, lang, num, suffix, vs):
    return t("plan.kind.every_year_higher", lang) + vs


def _label_sign(strict_sign: str, sign: str):
    def label(t_, lang, num, suffix, vs):
        return f"{strict_sign if t_.strict else sign} {num(t_.target)}{suffix}"
    return label


def _label_share(t_, lang, num, suffix, vs):
    share = f"{'>' if t_.strict else '≥'} {num(t_.target)}%"
    return t("plan.kind.share_label", lang, share=share, what=tier_name(t_.threshold, lang) or num(t_.threshold))


def _label_change(word: str):
    def label(t_, lang, num, suffix, vs):
        amount = num(t_.target) + (f"–{num(t_.target_high)}" if t_.target_high is not None else "")
        by = {"percent": "%", "points": t("plan.by.points", lang), "places": t("plan.by.places", lang),
              "amount": suffix if suffix not in ("", "%") else t("plan.by.amount", lang)}.get(
            t_.by_unit or "percent", "%")
        return f"{t(word, lang)} {amount}{by}{vs}"
    return label


KINDS: dict[str, Kind] = {k.code: k for k in (
    Kind("every_year_higher", "plan.kind.every_year_higher",
         re.compile(r"nam sau cao hon nam truoc|cao hon nam truoc|tang (deu )?hang nam|moi nam (deu )?tang|"
                    r"higher than the (previous|prior|last) year|every year higher|higher every year|"
                    r"every_year_higher"), _read_nothing, _judge_every_year_higher, _label_every_year_higher,
         needs_base=False, needs_target=False),
    Kind("share_of_units_reaching", "plan.kind.share_of_units_reaching",
         re.compile(r"ty le (cac )?don vi|% (cac )?don vi|phan tram (cac )?don vi|so don vi dat|"
                    r"share of units|of units (rated|reach|meeting)|share_of_units_reaching|"
                    r"\d\s*% (cac )?(don vi|co quan)"), _read_share, _judge_at_least, _label_share),
    Kind("decrease_by", "plan.kind.decrease_by",
         re.compile(r"\bgiam\b|\bdecrease|\breduc|\bcut\b|decrease_by"), _read_change, _judge_change(-1),
         _label_change("plan.kind.decrease_word"), needs_base=True),
    Kind("increase_by", "plan.kind.increase_by",
         re.compile(r"\btang\b|\bincrease|\braise|\bgain|increase_by|\bnang\b"), _read_change, _judge_change(+1),
         _label_change("plan.kind.increase_word"), needs_base=True),
    Kind("equals", "plan.kind.equals",
         re.compile(r"^\s*=|\bbang\b|\bequals?\b|\bdung\b"), _read_bound, _judge_equals, _label_sign("=", "=")),
    Kind("at_most", "plan.kind.at_most",
         re.compile(r"[≤⩽<]|<=|\btoi da\b|\bkhong qua\b|\bkhong vuot\b|\bduoi\b|\bat most\b|\bless than\b|"
                    r"\bbelow\b|\bunder\b|\bat_most\b|\bthap hon\b"), _read_bound, _judge_at_most,
         _label_sign("<", "≤")),
    Kind("at_least", "plan.kind.at_least",
         re.compile(r"[≥⩾>]|>=|\btoi thieu\b|\bit nhat\b|\bkhong thap hon\b|\bkhong duoi\b|\btro len\b|"
                    r"\btren\b|\bat least\b|\bmore than\b|\bover\b|\babove\b|\bminimum\b|\bat_least\b|\bdat\b"),
         _read_bound, _judge_at_least, _label_sign(">", "≥")),
)}
# Checked in this order: «tăng hằng năm» is every_year_higher, not increase_by; «> 90% đơn vị đạt loại Tốt» is a
# share of units, not at_least; «giảm xuống dưới» is at_most… only when no number follows «giảm» (see parse).
ORDER = ("every_year_higher", "share_of_units_reaching", "decrease_by", "increase_by", "at_most", "equals",
         "at_least")
_STRICT_WORDS = re.compile(r"(?<![<>≤≥])[<>](?!=)|\btren\b|\bduoi\b|\bmore than\b|\bless than\b|\bover\b|"
                           r"\babove\b|\bbelow\b|\bunder\b|\bcao hon\b|\bthap hon\b")


def kind_label(code: str, lang: str = "vi") -> str:
    """The kind's name for people."""
    return KINDS[code].name(lang)


def find_kind(text: object) -> str | None:
    """The kind a text announces (its code, a Vietnamese or English wording, or a sign); None if none."""
    if is_missing(text):
        return None
    raw = str(text).strip()
    if raw in KINDS:
        return raw
    folded = strip_accents(raw)
    for code in ORDER:
        pattern = KINDS[code].pattern
        if pattern is not None and pattern.search(folded):
            return code
    return None


def numbers_in(text: str) -> list[float]:
    """Numbers of a text that are not years (years are base years: «so với năm 2025»)."""
    return numbers_in_text(text)


def parse_target(kind_cell: object, target_cell: object, higher_is_better: bool = True,
                 percent: bool = False) -> Parsed | None:
    """A target from the plan's «Loại mục tiêu» and «Mục tiêu» cells (either may hold the whole wording).

    None when no kind can be told. `percent`: the indicator is in %, so a number cell in (0, 1] is a fraction
    (Excel keeps a cell shown as 90% as 0.9).
    """
    kind_text = "" if is_missing(kind_cell) else str(kind_cell)
    if isinstance(target_cell, (int, float)) and not isinstance(target_cell, bool):
        number = float(target_cell)
        if percent and 0 < number <= 1 and not kind_text.strip().startswith(CHANGE_WORDS):
            number *= 100
        target_text = ""
        numbers = [number]
    else:
        target_text = "" if is_missing(target_cell) else str(target_cell)
        numbers = None
    whole = f"{kind_text} {target_text}".strip()
    kind = find_kind(kind_text) or find_kind(target_text)
    if kind is None:
        if numbers or numbers_in(whole):  # a bare number: the indicator's direction says which way
            kind = "at_least" if higher_is_better else "at_most"
        else:
            return None
    if kind == "at_least" and find_kind(target_text) == "at_most":
        kind = "at_most"
    folded = strip_accents(whole)
    found = numbers if numbers is not None else numbers_in(whole)
    if numbers is not None and target_text == "":
        found = numbers + [n for n in numbers_in(kind_text) if n not in numbers]
    parsed = Parsed(kind)
    years = [int(y) for y in YEAR_RE.findall(whole)]
    if years and kind in ("increase_by", "decrease_by", "every_year_higher"):
        parsed.base_year = years[0]
    parsed.strict = bool(_STRICT_WORDS.search(folded)) and kind in ("at_least", "at_most")
    KINDS[kind].read(parsed, whole, folded, found)
    return parsed


def requirement(kind: str, target: float | None, base: float | None, higher_is_better: bool, strict: bool = False,
                by_unit: str | None = None) -> tuple[str, float] | None:
    """(op, need): what the actual must satisfy (the kind's judge); None when the base it depends on is missing."""
    return KINDS[kind].judge(target, base, higher_is_better, strict, by_unit)


def holds(actual: float, op: str, need: float) -> bool:
    """True when `actual op need` (with a tolerance for float noise)."""
    if op == ">=":
        return actual >= need - EPS
    if op == ">":
        return actual > need + EPS
    if op == "<=":
        return actual <= need + EPS
    if op == "<":
        return actual < need - EPS
    return abs(actual - need) <= 1e-6


def better(op: str) -> int:
    """+1 when a larger actual helps meet the requirement, -1 when a smaller one does, 0 for equality."""
    return 1 if op in (">=", ">") else -1 if op in ("<=", "<") else 0


SIGNS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "==": "="}


def export_label(t_, lang: str = "vi", unit: str = "", grouping: bool = True) -> str:
    """The target as the plan would write it: «≥ 90%», «giảm 3–5% so với năm 2025», «tăng 5 bậc so với năm 2022».

    `grouping=False` writes no thousands separator («≤ 7486,5»): text read back by parse_target, where «7.486» would be
    a decimal."""
    def num(x: float | None) -> str:
        if x is None:
            return "?"
        text = format_number(x, lang, 0 if float(x).is_integer() else 2)
        return text if grouping else text.replace("." if lang == "vi" else ",", "")

    suffix = "%" if unit == "%" else f" {unit_word(unit, lang)}" if unit else ""
    vs = t("plan.kind.vs", lang, year=t_.base_year) if t_.base_year else ""
    return KINDS[t_.kind].label(t_, lang, num, suffix, vs)


TIERS = {4: "plan.tier.excellent", 3: "plan.tier.good", 2: "plan.tier.fair", 1: "plan.tier.average"}


def tier_name(value: float | None, lang: str = "vi") -> str | None:
    """«loại Tốt trở lên» for a rating's rank (None when the value is not a rating rank)."""
    if value is None:
        return None
    found = TIERS.get(int(value)) if float(value).is_integer() else None
    if found is None:
        return None
    return t("plan.tier_or_better", lang, tier=t(found, lang))

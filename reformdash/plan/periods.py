"""Reporting periods: `2026` (year), `2026-H1` (six months), `2026-Q3` (quarter), `2026-07` (month).

One module parses, validates, orders and relates them: which quarters (or months) make up a period, how far into
its year a period reaches, and the dates it starts and ends.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import total_ordering

from reformdash.text import strip_accents
from reformdash.words import t

KINDS = ("Y", "H", "Q", "M")  # year, six months, quarter, month
MONTHS = {"Y": 12, "H": 6, "Q": 3, "M": 1}
_CODE = re.compile(r"^(\d{4})(?:-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$")
# Written forms in plans and reports: «Quý III/2026», «quý 3 năm 2026», «6 tháng đầu năm 2026», «tháng 7/2026».
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_QUARTER = re.compile(r"^(?:quy|quarter|q)\s*(iv|iii|ii|i|[1-4])\s*(?:/|-|nam|year|\s)\s*(\d{4})$")
_QUARTER_FIRST = re.compile(r"^(\d{4})\s*(?:-|/|\s)\s*(?:quy|q)\s*([1-4])$")
_HALF = re.compile(r"^(?:6 thang dau nam|6 thang dau|6 thang|h1|nua dau nam|first half)\s*(?:/|-|nam|\s)?\s*(\d{4})$")
_HALF2 = re.compile(r"^(?:6 thang cuoi nam|6 thang cuoi|h2|nua cuoi nam|second half)\s*(?:/|-|nam|\s)?\s*(\d{4})$")
_MONTH = re.compile(r"^(?:thang|month)\s*(\d{1,2})\s*(?:/|-|nam|\s)\s*(\d{4})$")
_YEAR = re.compile(r"^(?:nam|year)?\s*(\d{4})$")
FIRST_YEAR, LAST_YEAR = 2000, 2100


@total_ordering
@dataclass(frozen=True)
class Period:
    """A year, half, quarter or month of a year."""

    year: int
    kind: str  # Y | H | Q | M
    number: int = 1  # which half, quarter or month (1 for the year)

    @property
    def code(self) -> str:
        """The written code: 2026, 2026-H1, 2026-Q3, 2026-07."""
        if self.kind == "Y":
            return str(self.year)
        if self.kind == "M":
            return f"{self.year}-{self.number:02d}"
        return f"{self.year}-{self.kind}{self.number}"

    def __str__(self) -> str:
        return self.code

    @property
    def first_month(self) -> int:
        """The month (1–12) the period starts in."""
        return (self.number - 1) * MONTHS[self.kind] + 1

    @property
    def last_month(self) -> int:
        """The month (1–12) the period ends in: how far into its year it reaches."""
        return self.number * MONTHS[self.kind]

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, self.first_month, 1)

    @property
    def end(self) -> dt.date:
        """The period's last day."""
        if self.last_month == 12:
            return dt.date(self.year, 12, 31)
        return dt.date(self.year, self.last_month + 1, 1) - dt.timedelta(days=1)

    @property
    def is_year(self) -> bool:
        return self.kind == "Y"

    @property
    def closes_year(self) -> bool:
        """True for the year itself and for its last half, quarter or month: year-to-date is then the year."""
        return self.last_month == 12

    def year_period(self) -> Period:
        return Period(self.year, "Y")

    def quarters(self) -> list[Period]:
        """The quarters inside this period (none for a month)."""
        if self.kind == "M":
            return []
        return [Period(self.year, "Q", q) for q in range((self.first_month + 2) // 3, self.last_month // 3 + 1)]

    def quarters_to_date(self) -> list[Period]:
        """Quarters of the year from Q1 to the quarter this period ends in (year-to-date)."""
        return [Period(self.year, "Q", q) for q in range(1, self.last_month // 3 + 1)]

    def label(self, lang: str = "vi") -> str:
        """«Quý III/2026», «6 tháng đầu năm 2026», «Năm 2026», «Tháng 7/2026» (English: Q3 2026, H1 2026…)."""
        roman = {1: "I", 2: "II", 3: "III", 4: "IV"}
        en = lang == "en"
        if self.kind == "Y":
            return t("plan.period.year", lang, year=self.year)
        if self.kind == "H":
            return t("plan.period.half1" if self.number == 1 else "plan.period.half2", lang, year=self.year)
        if self.kind == "Q":
            return t("plan.period.quarter", lang, quarter=self.number if en else roman[self.number], year=self.year)
        month = f"{dt.date(2000, self.number, 1):%B}" if en else self.number
        return t("plan.period.month", lang, month=month, year=self.year)

    def _key(self) -> tuple:
        # a year sorts after its parts (it ends last); among parts, by end then by length
        return (self.year, self.last_month, -MONTHS[self.kind] if self.kind != "Y" else 1)

    def __lt__(self, other: Period) -> bool:
        return self._key() < other._key()


def parse_period(text: object) -> Period:
    """A period from its code or a written form; ValueError when it is not one."""
    if isinstance(text, Period):
        return text
    if isinstance(text, float) and text.is_integer():
        text = int(text)
    raw = str(text).strip()
    hit = _CODE.match(raw.upper())
    if hit:
        year, rest = int(hit.group(1)), hit.group(2)
        period = Period(year, "Y") if rest is None else Period(year, rest[0], int(rest[1])) if rest[0] in "HQ" \
            else Period(year, "M", int(rest))
    else:
        period = _written(raw)
    if not FIRST_YEAR <= period.year <= LAST_YEAR:
        raise ValueError(text)
    return period


def _written(raw: str) -> Period:
    folded = re.sub(r"\s+", " ", strip_accents(raw).replace(".", " ")).strip()
    if hit := _QUARTER.match(folded):
        number = _ROMAN.get(hit.group(1)) or int(hit.group(1))
        return Period(int(hit.group(2)), "Q", number)
    if hit := _QUARTER_FIRST.match(folded):
        return Period(int(hit.group(1)), "Q", int(hit.group(2)))
    if hit := _HALF.match(folded):
        return Period(int(hit.group(1)), "H", 1)
    if hit := _HALF2.match(folded):
        return Period(int(hit.group(1)), "H", 2)
    if hit := _MONTH.match(folded):
        if 1 <= int(hit.group(1)) <= 12:
            return Period(int(hit.group(2)), "M", int(hit.group(1)))
    if hit := _YEAR.match(folded):
        return Period(int(hit.group(1)), "Y")
    raise ValueError(raw)


def is_period(text: object) -> bool:
    """True when the text is a period."""
    try:
        parse_period(text)
    except ValueError:
        return False
    return True


def finished(period: Period, today: dt.date) -> bool:
    """True when the period's last day is before today."""
    return period.end < today


def current_quarter(today: dt.date) -> Period:
    """The quarter `today` falls in."""
    return Period(today.year, "Q", (today.month - 1) // 3 + 1)


def latest_finished_quarter(today: dt.date) -> Period:
    """The last quarter that ended before today."""
    q = current_quarter(today)
    return Period(q.year - 1, "Q", 4) if q.number == 1 else Period(q.year, "Q", q.number - 1)


def periods_of_year(year: int, kinds: tuple[str, ...] = ("Q", "H", "Y")) -> list[Period]:
    """Every period of a year of the given kinds, in order."""
    out = []
    for kind in kinds:
        n = 12 // MONTHS[kind]
        out += [Period(year, kind, i) for i in range(1, n + 1)] if kind != "Y" else [Period(year, "Y")]
    return sorted(out)

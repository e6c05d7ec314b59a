"""What a column header or a row label means: a vocabulary kept as data (data/reference), matched on folded words."""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz, process

from reformdash.catalog import Catalog, Target, header_key
from reformdash.text import YEAR_RE, name_key, words, years_in
from reformdash.words.vocabulary import RANK_WORDS, SCORE_WORDS, TIER_WORDS

REFERENCE = Path(__file__).resolve().parents[2] / "data" / "reference"
# Roles that are mapped to data; every other role names a reason the column is not used.
USED_ROLES = ("entity", "rank", "rank_of", "tier", "year", "index", "component", "value", "overall")
# Roles whose words count anywhere in a header (once the catalog has not named it): statistics, unweighted variants
CONTAINED_ROLES = ("statistic", "variant")
# "(10 điểm)", "(100 điểm)", "tối đa 10", "max 10": a criterion's maximum, kept on the column
_MAXIMUM = re.compile(r"\(\s*(?:toi da\s*|max\s*)?(\d+(?:[.,]\d+)?)\s*(?:diem|d|points?|pts)\s*\)|"
                      r"(?:toi da|diem toi da|max|maximum)\s*[:=]?\s*(\d+(?:[.,]\d+)?)")
_UNITS = re.compile(r"\(\s*(?:%|diem|d|points?|ty le|ti le)\s*\)")
_NUMBERING_CELL = re.compile(r"\(?(?:\d{1,3}|[a-z])\)?(?:[=+*x/-]\(?\d{1,3}\)?)*")
_ROMAN = re.compile(r"(?i)[ivxlc]{1,6}[.)]?|[a-z][.)]")


@dataclass(frozen=True)
class Vocabulary:
    """The header and row words of data/reference, folded once per process."""

    role_of: dict  # folded phrase -> role
    weight: dict  # folded phrase -> weight
    phrases: tuple  # every folded phrase (for fuzzy matching)
    reasons: dict  # role -> (vi, en) reason for a column not used
    summary_exact: frozenset
    summary_prefix: tuple
    end_prefix: tuple
    group_exact: frozenset
    group_prefix: tuple
    tier_words: frozenset
    contained: dict = field(default_factory=dict)  # role -> folded phrases that count anywhere in a header
    stop_words: frozenset = frozenset()  # words a wording may add or leave out (Access *to* land = Land Access)


def _rows(name: str) -> list[dict]:
    with open(REFERENCE / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@functools.cache
def vocabulary() -> Vocabulary:
    """The vocabulary, read once per process."""
    role_of, weight = {}, {}
    for row in _rows("header_vocabulary.csv"):
        key = header_key(row["phrase"])
        if key and key not in role_of:
            role_of[key] = row["role"]
            weight[key] = float(row["weight"] or 1)
    reasons = {r["role"]: (r["reason_vi"], r["reason_en"]) for r in _rows("column_roles.csv")}
    contained = {role: tuple(k for k, r in role_of.items() if r == role) for role in CONTAINED_ROLES}
    kinds: dict[tuple, set] = {}
    for row in _rows("row_words.csv"):
        key = words(row["phrase"]) if row["kind"] == "tier" else name_key(row["phrase"])
        kinds.setdefault((row["kind"], row["match"]), set()).add(key)
    return Vocabulary(role_of, weight, tuple(role_of), reasons,
                      frozenset(kinds.get(("summary", "exact"), ())),
                      tuple(sorted(kinds.get(("summary", "prefix"), ()))),
                      tuple(sorted(kinds.get(("end", "prefix"), ()))),
                      frozenset(kinds.get(("group", "exact"), ())),
                      tuple(sorted(kinds.get(("group", "prefix"), ()))),
                      frozenset(kinds.get(("tier", "exact"), ())), contained,
                      frozenset(words(w) for w in kinds.get(("stop", "exact"), ())))


def reason(role: str, lang: str = "vi") -> str:
    """Why a column of that role is not used, in the language."""
    vi, en = vocabulary().reasons.get(role, (role, role))
    return en if lang == "en" else vi


def role_of(text: str) -> str | None:
    """A header's role: exact vocabulary words, else rank/tier words inside it ("PCI 2013 ranking", "PCI tier")."""
    key = header_key(text)
    role = vocabulary().role_of.get(key)
    if role:
        return role
    padded = f" {key} "
    if any(f" {w} " in padded for w in TIER_WORDS):
        return "tier"
    if any(f" {w} " in padded for w in RANK_WORDS):
        return "rank"
    return None


def reason_in(text: str) -> str | None:
    """A reason not to use a column, said anywhere in its header: a statistic (sai số, 95% CI), an unweighted total."""
    padded = f" {header_key(text)} "
    for role in CONTAINED_ROLES:
        if any(f" {p} " in padded for p in vocabulary().contained.get(role, ())):
            return role
    return None


def is_summary(cell: object) -> bool:
    """Rows like Min, Max, Trung vị, Điểm cao nhất, Tổng cộng under the data."""
    key = name_key(cell)
    v = vocabulary()
    return key in v.summary_exact or key.startswith(v.summary_prefix)


def is_end(cell: object) -> bool:
    """A source note or signature block under the table («Nguồn: …», «Người lập biểu»)."""
    if not isinstance(cell, str):
        return False
    return name_key(cell).startswith(vocabulary().end_prefix) and not cell.strip()[:1].isdigit()


def is_tier_word(cell: object) -> bool:
    """A tier as publishers and departments write them (Rất tốt, Khá, Xuất sắc…)."""
    return isinstance(cell, str) and words(cell) in vocabulary().tier_words


def looks_like_group(cell: object, caps: bool = True) -> bool:
    """A group label inside a table: KHỐI BỆNH VIỆN, I., II. Các trung tâm, A (caps=False: not by capitals alone,
    as a name beside numbers may be typed in capitals)."""
    if not isinstance(cell, str) or not cell.strip():
        return False
    text = cell.strip()
    first = text.split()[0]
    if _ROMAN.fullmatch(first) and (len(text.split()) == 1 or first[-1] in ".)" or first.isupper()):
        return True
    key = name_key(text)
    v = vocabulary()
    if key in v.group_exact or key.startswith(v.group_prefix):
        return True
    letters = [ch for ch in text if ch.isalpha()]
    return caps and len(letters) >= 4 and all(ch.isupper() for ch in letters) and len(text.split()) >= 2


def is_numbering(cell: object) -> bool:
    """A column-numbering cell: (1), (2), 3, (4)=(2)+(3), a, (b)."""
    if isinstance(cell, bool):
        return False
    if isinstance(cell, (int, float)):
        return float(cell).is_integer() and 0 <= cell < 200
    return isinstance(cell, str) and _NUMBERING_CELL.fullmatch("".join(cell.lower().split())) is not None


def numbering_row(row: list) -> bool:
    """A row numbering the columns, (1) (2) … (13) or 1 2 3 …: never names or values."""
    cells = [c for c in row if not (c is None or (isinstance(c, str) and not c.strip()) or
                                     (isinstance(c, float) and c != c))]
    if len(cells) < 3 or not all(is_numbering(c) for c in cells):
        return False
    if any(isinstance(c, str) and "(" in c for c in cells):
        return True
    nums = [int(c) for c in cells if isinstance(c, (int, float))]
    return len(nums) == len(cells) and nums == list(range(nums[0], nums[0] + len(nums)))


def maximum_in(text: str) -> float | None:
    """A criterion's maximum written in its header: 'Tác động của CCHC (10 điểm)' -> 10."""
    m = _MAXIMUM.search(words_keep_parens(text))
    if not m:
        return None
    return float((m.group(1) or m.group(2)).replace(",", "."))


def words_keep_parens(text: str) -> str:
    """Folded text keeping parentheses, digits, commas and points (for units and maxima)."""
    from reformdash.text import strip_accents

    return re.sub(r"[^0-9a-z().,%:=]+", " ", strip_accents(str(text))).strip()


@dataclass
class Reading:
    """What one header text says, once the index's own name, years, units and maximum are set aside."""

    text: str
    rest: str  # the folded words left
    index_named: str | None = None
    years: list = field(default_factory=list)
    maximum: float | None = None
    role: str | None = None
    target: Target | None = None
    confidence: float = 0.0
    guess: str | None = None  # a role the words come close to, for messages


def _index_names(catalog: Catalog) -> list[tuple[str, str]]:
    """(folded name, index code) of every index's code, names and aliases, longest first."""
    cached = getattr(catalog, "_folded_index_names", None)
    if cached is None:
        pairs = set()
        for code, i in catalog.indices.items():
            for text in (i.code, i.code.replace("_", " "), i.name_vi, i.name_en, *i.aliases):
                key = header_key(text)
                if key and len(key) >= 3:
                    pairs.add((key, code))
        cached = sorted(pairs, key=lambda p: -len(p[0]))
        catalog._folded_index_names = cached
    return cached


def read_header(text: str, catalog: Catalog, index_code: str | None) -> Reading:
    """The header's words without the index's name or code, years, units and maximum; then their role."""
    reading = Reading(text, "", years=years_in(text), maximum=maximum_in(text))
    folded = words_keep_parens(text)
    folded = _MAXIMUM.sub(" ", folded)
    folded = _UNITS.sub(" ", folded)
    key = header_key(folded)
    padded = f" {key} "
    for name, code in _index_names(catalog):
        if f" {name} " in padded and (index_code is None or code == index_code or name != header_key(code)):
            padded = padded.replace(f" {name} ", " ", 1)
            reading.index_named = reading.index_named or code
    rest = " ".join(padded.split())
    reading.rest = rest
    v = vocabulary()
    allowed = [index_code] if index_code else None
    named = reading.index_named
    if not rest:
        if named:
            reading.role, reading.target, reading.confidence = "overall", Target(named, "", False), 0.95
        return reading
    role = v.role_of.get(rest)
    if role in ("value", "overall"):
        reading.role, reading.confidence = "overall", v.weight[rest]
        if named or role == "overall":
            reading.target = Target(named or index_code or "", "", False)
        else:
            reading.role = "value"
        return reading
    if role:
        reading.role, reading.confidence = role, v.weight[rest]
        return reading
    # a component's name with score words around it ("Điểm Tính minh bạch", "Transparency score")
    stripped = " ".join(w for w in rest.split() if w not in SCORE_WORDS)
    for candidate in dict.fromkeys((rest, stripped)):
        targets = catalog.match_header(candidate, allowed) if candidate else []
        if targets:
            reading.role, reading.target, reading.confidence = "target", targets[0], 0.85
            return reading
    target = same_words(rest, catalog, allowed)
    if target is not None:  # the same words in another order ("Access to land" = "Land Access")
        reading.role, reading.target, reading.confidence = "target", target, 0.9
        return reading
    contained = role_of(rest)
    if contained:
        reading.role, reading.confidence = contained, 0.8
        return reading
    fuzzy_role(reading, catalog, allowed)
    return reading


def fuzzy_role(reading: Reading, catalog: Catalog, allowed: list[str] | None) -> None:
    """Typos and near wordings: the closest vocabulary phrase or component name, if close enough."""
    rest = reading.rest
    if len(rest) < 4:
        return
    v = vocabulary()
    hit = process.extractOne(rest, v.phrases, scorer=fuzz.ratio, score_cutoff=70)
    comp = None
    names = _component_names(catalog, tuple(allowed) if allowed else None)
    if names:
        comp = process.extractOne(rest, list(names), scorer=fuzz.token_sort_ratio, score_cutoff=70)
    best = max((h for h in (hit, comp) if h), key=lambda h: h[1], default=None)
    if best is None:
        return
    score = best[1] / 100
    if best is hit:
        role = v.role_of[hit[0]]
        if score >= 0.88 and len(hit[0]) >= 4:
            reading.role, reading.confidence = ("overall" if role == "value" and reading.index_named else role), score
            if reading.role == "overall":
                reading.target = Target(reading.index_named, "", False)
        else:
            reading.guess = role
    else:
        target = names[comp[0]]
        if score >= 0.88:
            reading.role, reading.target, reading.confidence = "target", target, score
        else:
            reading.guess = f"component:{target.component_code}"


def content_words(key: str) -> frozenset:
    """The words of a folded header that carry meaning (no stop words)."""
    stop = vocabulary().stop_words
    return frozenset(w for w in key.split() if w not in stop)


def same_words(rest: str, catalog: Catalog, allowed: list[str] | None) -> Target | None:
    """The one component whose name or alias has the same meaningful words as the header, in any order."""
    cache = catalog.__dict__.setdefault("_component_word_sets", {})
    key = tuple(allowed) if allowed else None
    if key not in cache:
        sets: dict = {}
        for code, comps in catalog.components.items():
            if allowed and code not in allowed:
                continue
            for c in comps.values():
                for text in (c.name_vi, c.name_en, *c.aliases):
                    found = content_words(header_key(text))
                    if len(found) >= 2:
                        sets.setdefault(found, set()).add((code, c.code))
        cache[key] = sets
    hits = cache[key].get(content_words(rest), ())
    return Target(*next(iter(hits)), False) if len(hits) == 1 else None


def _component_names(catalog: Catalog, allowed: tuple | None) -> dict:
    """Folded component names (vi and en) -> target, per allowed index set (cached on the catalog)."""
    cache = catalog.__dict__.setdefault("_folded_component_names", {})
    if allowed not in cache:
        names = {}
        for code, comps in catalog.components.items():
            if allowed and code not in allowed:
                continue
            for c in comps.values():
                for text in (c.name_vi, c.name_en):
                    key = header_key(text)
                    if key:
                        names.setdefault(key, Target(code, c.code, False))
        cache[allowed] = names
    return cache[allowed]


def header_years(texts: list[str]) -> list[int]:
    """Distinct years written in a column's header texts."""
    return sorted({int(y) for t in texts for y in YEAR_RE.findall(str(t))})


_RANK_TEXT = re.compile(r"(?:xep thu|thu|hang|rank|no)?\s*\d{1,3}\s*(?:/|tren|of)\s*\d{1,3}|(?:xep thu|thu)\s*\d{1,3}")


def rank_text(cell: object) -> bool:
    """A rank written as text: 38/63, 38 / 63, Xếp thứ 38/63, thứ 38."""
    if not isinstance(cell, str) or not any(ch.isdigit() for ch in cell):
        return False
    from reformdash.text import strip_accents

    folded = " ".join(re.sub(r"[^0-9a-z/]+", " ", strip_accents(cell)).split())
    return _RANK_TEXT.fullmatch(folded) is not None

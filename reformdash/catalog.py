"""The catalog of indices and their components by year, and matching of header text to them."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from reformdash.errors import NotFound
from reformdash.text import YEAR_RE, words
from reformdash.words import t as say

# Leading numbering publishers put before a component name: "Chỉ số 1:", "1.1:", "Sub-Index 9:", "Dimension 1:".
_NUMBERING = re.compile(
    r"^(?:(?:chi so thanh phan|chi so noi dung|noi dung|dimension|sub index|subindex|sub indices|chi so|cstp|"
    r"tieu chi|linh vuc|nhom chi tieu|thanh phan)\s+)?\d+(?:\s+\d+)*\s+(?=[a-z])"
)
# Words that mark a statistic about a score, not the score itself.
STAT_WORDS = ("phuong sai", "variance", "observations", "so quan sat", "sai so", "standard error", "ci low",
              "ci high", "can duoi", "can tren", "khoang tin cay", "95", "do lech")
NEGATIONS = ("chua", "khong", "un weighted", "unweighted", "non weighted")


def header_key(text: object) -> str:
    """Header text reduced for matching: ASCII words, no numbering prefix, no years."""
    # the catalog's own ~800 header aliases are keyed again on every load (each import): remember them
    return _header_key(text) if isinstance(text, str) else _header_key(str(text))


@functools.lru_cache(maxsize=16384)
def _header_key(text: str) -> str:
    key = words(text)
    key = YEAR_RE.sub(" ", key)
    key = re.sub(r"\s+", " ", key).strip()
    key = _NUMBERING.sub("", key)
    return key


def index_key(text: object) -> str:
    """Key of an index code or name: 'PAR INDEX', 'par_index' and 'Par-Index' are the same."""
    return re.sub(r"[^0-9a-z]", "", words(text))


@dataclass
class IndexDef:
    """One index of the catalog."""

    code: str
    name_vi: str
    name_en: str
    unit: str
    scale_min: float
    scale_max: float
    higher_is_better: bool
    entity_kind: str
    first_year: int
    aliases: list[str] = field(default_factory=list)
    source: str = "reference"

    def name(self, lang: str = "vi") -> str:
        """Display name in the language."""
        return self.name_en if lang == "en" else self.name_vi

    def label(self, lang: str = "vi") -> str:
        """The short label of cards and lists: the publishers' acronym (PAR INDEX, PCI) for the reference indices,
        the name for an index the organisation defined (its code, e.g. CCHC_SYT_KT, means nothing to a reader)."""
        return self.code.replace("_", " ") if self.source == "reference" else self.name(lang)


@dataclass
class ComponentDef:
    """A component (sub-index, dimension, area) of an index, valid for a span of years."""

    index_code: str
    code: str
    name_vi: str
    name_en: str
    parent_code: str | None
    valid_from_year: int | None
    valid_to_year: int | None
    scale_min: float | None
    scale_max: float | None
    aliases: list[str] = field(default_factory=list)

    def valid_in(self, year: int | None) -> bool:
        """True if the component exists in that year (or year unknown)."""
        if year is None:
            return True
        return (self.valid_from_year or 0) <= year <= (self.valid_to_year or 9999)

    def name(self, lang: str = "vi") -> str:
        """Display name in the language."""
        return self.name_en if lang == "en" else self.name_vi


OVERALL = ""  # component code of the overall score


@dataclass
class Target:
    """What a header maps to: an index's overall score or one of its components."""

    index_code: str
    component_code: str  # OVERALL for the overall score
    exact: bool


class Catalog:
    """Indices and components loaded from the store, with their header aliases as keys."""

    def __init__(self, indices: list[IndexDef], components: list[ComponentDef]):
        self.indices = {i.code: i for i in indices}
        self.components: dict[str, dict[str, ComponentDef]] = {}
        for c in components:
            self.components.setdefault(c.index_code, {})[c.code] = c
        self._index_keys: dict[str, str] = {}
        for i in indices:
            for text in [i.code, i.name_vi, i.name_en, *i.aliases]:
                self._index_keys.setdefault(index_key(text), i.code)
        # header key -> list of targets; exact keys and the aliases used for containment
        self._header: dict[str, list[Target]] = {}
        for i in indices:
            for text in [i.name_vi, i.name_en, *i.aliases]:
                self._add_header(text, Target(i.code, OVERALL, True))
        for comps in self.components.values():
            for c in comps.values():
                for text in [c.code, c.name_vi, c.name_en, *c.aliases]:
                    self._add_header(text, Target(c.index_code, c.code, True))
        self._contained = sorted(((k, t) for k, ts in self._header.items() for t in ts if len(k.split()) >= 2),
                                 key=lambda kt: -len(kt[0]))

    @classmethod
    def load(cls, store) -> Catalog:
        """Read the catalog tables."""
        indices = [
            IndexDef(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], [a for a in (r[9] or "").split("|") if a],
                     r[10])
            for r in store.rows("catalog_indices")
        ]
        components = [
            ComponentDef(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8],
                         [a for a in (r[9] or "").split("|") if a])
            for r in store.rows("catalog_components")
        ]
        return cls(indices, components)

    def _add_header(self, text: str, target: Target) -> None:
        key = header_key(text)
        if key:
            bucket = self._header.setdefault(key, [])
            if all((t.index_code, t.component_code) != (target.index_code, target.component_code) for t in bucket):
                bucket.append(target)

    # lookups -------------------------------------------------------------------------------------
    def index(self, text: str, lang: str = "vi") -> IndexDef:
        """The index named by code, name or alias; NotFound (in `lang`) otherwise."""
        code = self.find_index(text)
        if code is None:
            known = ", ".join(self.indices)
            raise NotFound(say("catalog.unknown_index", lang, value=text, known=known),
                           say("catalog.unknown_index.title", lang))
        return self.indices[code]

    def find_index(self, text: str) -> str | None:
        """Index code for a code/name/alias, or None."""
        return self._index_keys.get(index_key(text))

    def indices_in_text(self, text: str) -> list[str]:
        """Index codes whose code or alias appears as words in a file name, sheet name or title."""
        key = " " + words(text) + " "
        squashed = index_key(text)
        found = []
        for code, i in self.indices.items():
            names = [i.code, *i.aliases]
            for n in names:
                w = words(n)
                if w and (f" {w} " in key or (len(index_key(n)) >= 6 and index_key(n) in squashed)):
                    found.append(code)
                    break
        return found

    def component(self, index_code: str, text: str) -> ComponentDef | None:
        """The component of an index named by code, name or alias."""
        comps = self.components.get(index_code, {})
        if text in comps:
            return comps[text]
        for t in self.match_header(text, [index_code]):
            if t.component_code:
                return comps[t.component_code]
        return None

    def label(self, index_code: str, lang: str = "vi") -> str:
        """An index's short label (IndexDef.label); the code when the catalog does not have it."""
        index = self.indices.get(index_code)
        return index.label(lang) if index else index_code.replace("_", " ")

    def components_in(self, index_code: str, year: int | None) -> list[ComponentDef]:
        """Components of an index valid in a year."""
        return [c for c in self.components.get(index_code, {}).values() if c.valid_in(year)]

    def match_header(self, text: object, index_codes: list[str] | None = None) -> list[Target]:
        """Targets a header names: exact alias first, else the longest alias contained in it."""
        key = header_key(text)
        if not key or any(w in f" {key} " for w in (f" {s} " for s in STAT_WORDS)):
            return []
        allowed = set(index_codes) if index_codes else None
        exact = [t for t in self._header.get(key, []) if allowed is None or t.index_code in allowed]
        if exact:
            return exact
        padded = f" {key} "
        negated = {n for n in NEGATIONS if f" {n} " in padded}
        found: list[Target] = []
        hit = None
        for alias, t in self._contained:
            if hit is not None and alias != hit:
                break
            if allowed is not None and t.index_code not in allowed:
                continue
            # the alias must be most of the header: long indicator texts only mention a component
            if f" {alias} " in padded and all(f" {n} " in f" {alias} " for n in negated) \
                    and len(alias) >= 0.5 * len(key):
                hit = alias
                found.append(Target(t.index_code, t.component_code, False))
        return found

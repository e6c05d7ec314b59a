"""The entity registry: provinces, ministries and units, matched from any spelling."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from reformdash.errors import NotFound
from reformdash.text import name_key
from reformdash.words import t


@dataclass
class Entity:
    """A province, ministry or unit."""

    code: str
    kind: str
    name_vi: str
    name_en: str | None
    parent_code: str | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    code_2025: str | None = None

    def valid_in(self, year: int | None) -> bool:
        """True if the entity existed at some point of that year."""
        if year is None:
            return True
        start = self.valid_from.year if self.valid_from else 0
        end = self.valid_to.year if self.valid_to else 9999
        return start <= year <= end

    def in_field(self, year: int) -> bool:
        """True if the entity is part of that year's field: it existed on 1 July (the 2025 merger's cut-off).

        A yearly result speaks for the year's field: Hà Tây (to 31 July 2008) is in 2008's; Bình Dương
        (to 30 June 2025) is not in 2025's, where TP. Hồ Chí Minh stands for it.
        """
        mid = dt.date(year, 7, 1)
        return (self.valid_from is None or self.valid_from <= mid) and (self.valid_to is None or mid <= self.valid_to)

    def name(self, lang: str = "vi") -> str:
        """Display name."""
        return (self.name_en or self.name_vi) if lang == "en" else self.name_vi


class Registry:
    """Entities and alias keys; resolution is exact on keys, suggestions are fuzzy."""

    def __init__(self, entities: list[Entity], aliases: list[tuple[str, str]],
                 lineage: list[tuple[str, str, dt.date]] | None = None,
                 unit_history: list[tuple[str, str, str]] | None = None):
        self.entities = {e.code: e for e in entities}
        # (index, parent) -> the parent's units that index has scored in any year (the field of a unit index)
        self.unit_history: dict[tuple[str, str], set[str]] = {}
        for index_code, parent, code in unit_history or []:
            self.unit_history.setdefault((index_code, parent), set()).add(code)
        # old code -> (the entity that absorbed it, from when)
        self.absorbed_by = {old: (new, when) for old, new, when in (lineage or []) if new in self.entities}
        self.by_key: dict[str, list[str]] = {}
        # an entity's own names always match ("--parent 'Sở Y tế Quảng Ninh (mẫu)'"), aliases add spellings
        names = [(name_key(n), e.code) for e in entities for n in (e.name_vi, e.name_en) if n]
        for key, code in [*aliases, *names]:
            if code in self.entities:
                self.by_key.setdefault(key, [])
                if code not in self.by_key[key]:
                    self.by_key[key].append(code)

    @classmethod
    def load(cls, store) -> Registry:
        """Read entities and aliases from the store."""
        entities = [Entity(*r) for r in store.rows("registry_entities")]
        aliases = [(r[0], r[1]) for r in store.rows("registry_aliases")]
        lineage = [(r[0], r[1], r[2]) for r in store.rows("registry_lineage")]
        history = [(r[0], r[1], r[2]) for r in store.rows("registry_unit_history")]
        return cls(entities, aliases, lineage, history)

    def field(self, kind: str, year: int, parent: str | None = None) -> list[str]:
        """Codes of the entities that make up a year's field: provinces or ministries in force, a parent's units."""
        return [e.code for e in self.entities.values() if e.kind == kind and e.in_field(year)
                and (kind != "unit" or e.parent_code == parent)]

    def resolve(self, text: object, kinds: tuple[str, ...] = ("province",), parent: str | None = None,
                year: int | None = None) -> str | None:
        """Entity code for a name, alias or code of the given kinds; None if unknown."""
        if isinstance(text, float) and text.is_integer():
            text = int(text)
        if isinstance(text, int):
            text = f"{text:02d}"
        codes = self.by_key.get(name_key(text))
        if not codes:
            return None
        # a unit is matched only among its parent's units, never another department's
        matches = [c for c in codes if self.entities[c].kind in kinds
                   and (parent is None or self.entities[c].kind != "unit" or self.entities[c].parent_code == parent)]
        if len(matches) > 1 and year is not None:
            matches = [c for c in matches if self.entities[c].valid_in(year)] or matches
        if parent is None and len({self.entities[c].parent_code for c in matches
                                   if self.entities[c].kind == "unit"}) > 1:
            return None  # the same unit name under two departments: the parent must say which
        return matches[0] if matches else None

    def suggest(self, text: object, kinds: tuple[str, ...] = ("province",), limit: int = 3,
                parent: str | None = None) -> list[str]:
        """Closest names for an unknown one ("Did you mean…"); units only among the parent's, when one is given."""
        choices = {}
        for key, codes in self.by_key.items():
            for c in codes:
                e = self.entities[c]
                if e.kind in kinds and (parent is None or e.kind != "unit" or e.parent_code == parent):
                    choices.setdefault(key, c)
        hits = process.extract(name_key(text), list(choices), scorer=fuzz.WRatio, limit=limit * 3, score_cutoff=60)
        names: list[str] = []
        for key, _score, _ in hits:
            name = self.entities[choices[key]].name_vi
            if name not in names:
                names.append(name)
        return names[:limit]

    def get(self, text: str, kinds: tuple[str, ...] = ("province", "ministry", "unit"), lang: str = "vi") -> Entity:
        """The entity for a name or code; NotFound with suggestions (in `lang`) otherwise."""
        code = text if text in self.entities else self.resolve(text, kinds)
        if code is None:
            hint = ", ".join(self.suggest(text, kinds))
            more = t("suggestion", lang, names=hint) if hint else ""
            raise NotFound(t("registry.not_found", lang, value=text, suggestion=more), t("not_found.title", lang))
        return self.entities[code]

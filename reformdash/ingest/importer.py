"""The importer: from file bytes to a validated table of scores, then a plan (diff) against the store."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import pandas as pd

from reformdash.catalog import Catalog
from reformdash.errors import ImportRejected, NotFound, Problem
from reformdash.ingest.extract import extract
from reformdash.ingest.layout import EntityFinder, Layout, find_layout
from reformdash.ingest.read import read_workbook, read_workbook_once
from reformdash.ingest.validate import validate
from reformdash.registry import Registry
from reformdash.text import years_in

SCORE_COLUMNS = ["index_code", "year", "entity_code", "component_code", "value", "rank", "rank_of", "tier"]
LEVEL_KINDS = {"province": ("province",), "ministry": ("ministry",), "unit": ("unit",)}


@dataclass
class ImportOptions:
    """What the user said about a file (all optional)."""

    index: str | None = None
    year: int | None = None
    sheet: str | None = None
    level: str | None = None
    parent: str | None = None
    create_units: bool = False
    lang: str = "vi"
    # corrections from the upload preview: (sheet, column index in the table) -> "ignore", "overall", a component
    # code, "rank", "tier" or "year"; names matched by hand (text in the file -> entity code); the header row
    columns: dict | None = None
    names: dict | None = None
    header_row: int | None = None


@dataclass
class Part:
    """One table of the file that will be imported."""

    layout: Layout
    index_code: str
    year: int | None


@dataclass
class Analysis:
    """What the importer understood of a file: the tables used and the clean scores."""

    file_name: str
    sha256: str
    content: bytes
    parts: list[Part]
    scores: pd.DataFrame
    new_units: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def sheets(self) -> str:
        """Sheet names used, comma-separated."""
        return ", ".join(dict.fromkeys(p.layout.sheet for p in self.parts))

    @property
    def index_codes(self) -> list[str]:
        """Indices the file holds."""
        return sorted(self.scores["index_code"].unique()) if len(self.scores) else []

    @property
    def years(self) -> list[int]:
        """Years the file holds."""
        return sorted(int(y) for y in self.scores["year"].unique()) if len(self.scores) else []


@dataclass
class Inspection:
    """What the importer understood of a file, problems included (for the upload page's preview)."""

    file_name: str
    sha256: str
    content: bytes
    sheet_names: list[str]
    parts: list[Part]
    problems: list[Problem]
    scores: pd.DataFrame | None = None
    new_units: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    find: EntityFinder | None = None

    def analysis(self) -> Analysis:
        """The clean result; ImportRejected if anything was wrong."""
        if self.problems or self.scores is None:
            raise ImportRejected(self.problems or [Problem("no_table", self.file_name)])
        return Analysis(self.file_name, self.sha256, self.content, self.parts, self.scores, self.new_units,
                        self.notes)


def analyse(data: bytes, file_name: str, catalog: Catalog, registry: Registry,
            options: ImportOptions | None = None) -> Analysis:
    """Read, find tables, map, validate. Raises ImportRejected naming every problem's place."""
    options = options or ImportOptions()
    found = inspect_file(data, file_name, catalog, registry, options)
    if found.problems:
        raise ImportRejected(found.problems, options.lang)
    return found.analysis()


def inspect_file(data: bytes, file_name: str, catalog: Catalog, registry: Registry,
                 options: ImportOptions | None = None, remember: bool = False) -> Inspection:
    """Everything analyse() does, returning problems instead of raising them (unreadable files still raise);
    remember=True reads a file seen lately from memory (the upload page reruns on every widget change)."""
    options = options or ImportOptions()
    sheets = (read_workbook_once if remember else read_workbook)(data, file_name)
    found = Inspection(file_name, hashlib.sha256(data).hexdigest(), data, [s.name for s in sheets], [], [])
    if options.sheet:
        chosen = [s for s in sheets if s.name == options.sheet or s.name.strip() == options.sheet.strip()]
        if not chosen:
            found.problems = [Problem("no_sheet", file_name, params={
                "sheet": options.sheet, "sheets": ", ".join(s.name for s in sheets)})]
            return found
        sheets = chosen
    index_hint = None
    if options.index:
        index_hint = catalog.find_index(options.index)
        if index_hint is None:
            found.problems = [Problem("unknown_index", file_name, value=options.index)]
            return found
    parent = None
    if options.parent:
        try:
            parent = registry.get(options.parent).code
        except NotFound:
            found.problems = [Problem("entity_lookup", file_name, value=options.parent, params={
                "suggestion": suggestion(registry, options.parent, ("province", "ministry", "unit"), options.lang)})]
            return found
    kinds = entity_kinds(catalog, index_hint, options.level)
    find = EntityFinder(registry, kinds, parent, options.names)
    found.find = find
    allow_unknown = options.level == "unit" or kinds == ("unit",)
    layouts = []
    for sheet in sheets:
        overrides = {col: meaning for (name, col), meaning in (options.columns or {}).items() if name == sheet.name}
        layout = find_layout(sheet.name, sheet.rows, catalog, find, index_hint, file_name, allow_unknown,
                             overrides, options.header_row)
        if layout is not None and layout.score > 0:
            layouts.append(layout)
    if not layouts:
        found.problems = [Problem("no_table", file_name, sheet=sheets[0].name if len(sheets) == 1 else None)]
        return found
    found.parts, found.problems = choose_parts(layouts, file_name, options)
    if found.problems:
        return found
    scores, new_units, problems, notes = validate(found.parts, file_name, catalog, registry, find, options, parent)
    found.scores, found.new_units, found.problems, found.notes = scores, new_units, problems, notes
    return found


def entity_kinds(catalog: Catalog, index_code: str | None, level: str | None) -> tuple[str, ...]:
    """Which kinds of entity rows may name: the level the user said, else what the index ranks."""
    if level:
        return LEVEL_KINDS[level]
    if index_code:
        kind = catalog.indices[index_code].entity_kind
        if kind == "unit":
            return ("unit",)
        if index_code in ("PAR_INDEX", "SIPAS"):
            return ("province", "ministry")
        return (kind,)
    return ("province", "ministry")


def suggestion(registry: Registry, text: str, kinds: tuple[str, ...], lang: str) -> str:
    """' — có phải là: A, B?' or ''."""
    from reformdash.i18n import t

    names = registry.suggest(text, kinds)
    return t("suggestion", lang, names=", ".join(names)) if names else ""


def sheet_year(layout: Layout, options: ImportOptions, file_name: str) -> int | None:
    """The year of a wide table: said by the user, else the sheet name, title, file name, headers.

    Headers come last: VCCI's English summaries of 2014–2016 still say "PCI 2013".
    """
    if options.year:
        return options.year
    header_text = " ".join(c.header for c in layout.columns if c.role in ("target",))
    for text in (layout.sheet, layout.title, file_name, header_text):
        found = set(years_in(text))
        if len(found) == 1:
            return found.pop()
    return None


def choose_parts(layouts: list[Layout], file_name: str, options: ImportOptions) -> tuple[list[Part], list[Problem]]:
    """The best table per index and year; other sheets of the same year only lend missing ranks and tiers."""
    problems: list[Problem] = []
    best_score = max(lay.score for lay in layouts)
    groups: dict[tuple, list[Layout]] = {}
    for lay in layouts:
        if lay.index_code is None:
            if not any(col.role == "index" for col in lay.columns):
                problems.append(Problem("no_index", file_name, sheet=lay.sheet))
                continue
        if lay.kind == "wide" and not any(c.role == "year" for c in lay.columns):
            year = sheet_year(lay, options, file_name)
            if year is None:
                problems.append(Problem("no_year", file_name, sheet=lay.sheet))
                continue
            key = (lay.index_code, year)
        else:
            key = (lay.index_code, None, lay.sheet)
        groups.setdefault(key, []).append(lay)
    if problems and not groups:
        return [], problems[:1]
    parts = []
    for key, group in groups.items():
        group.sort(key=lambda lay: -lay.score)
        primary = group[0]
        if primary.score < 0.2 * best_score:
            continue  # a stray sheet (a look-up or a chart's data), not a table of its own
        lend_ranks(primary, group[1:])
        parts.append(Part(primary, key[0], key[1]))
    return parts, []


def lend_ranks(primary: Layout, others: list[Layout]) -> None:
    """If the main table has no rank or tier column, use another sheet's (PCI 2005 ranks sit on their own sheet)."""
    roles = {c.role for c in primary.columns}
    for role in ("rank", "tier"):
        if role in roles:
            continue
        for other in others:
            # only a sheet that carries the overall score ranks by it (component sheets rank their component)
            if not any(c.role == "target" and not c.target.component_code for c in other.columns):
                continue
            cols = [c for c in other.columns if c.role == role]
            if cols:
                primary.notes.append(f"{role}:{other.sheet}")
                primary.borrowed.append((other, cols[0]))
                break



def frames_for(part: Part) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Observations and rank/tier attributes of a part, including ranks lent by another sheet."""
    obs, attrs = extract(part.layout)
    for other, col in part.layout.borrowed:
        _, other_attrs = extract(other)
        other_attrs = other_attrs[other_attrs["attr"] == col.role].copy()
        other_attrs["sheet"] = other.sheet
        attrs = pd.concat([attrs, other_attrs], ignore_index=True) if len(attrs) else other_attrs
    return obs, attrs

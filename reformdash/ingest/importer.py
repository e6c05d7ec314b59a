"""The importer: from file bytes to a validated table of scores, then a plan (diff) against the store."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import pandas as pd

from reformdash.catalog import Catalog
from reformdash.errors import ImportRejected, NotFound, Problem
from reformdash.ingest import collector
from reformdash.ingest.extract import extract
from reformdash.ingest.layout import EntityFinder, Layout, cell_text, column_letter, find_layout
from reformdash.ingest.read import read_workbook, read_workbook_once
from reformdash.ingest.validate import validate
from reformdash.registry import Registry
from reformdash.text import years_in
from reformdash.words import t

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
    # code, "rank", "tier" or "year"; from the CLI (--column): header text or column letter -> the same meanings
    # ("component:CODE" too); names matched by hand (text in the file -> entity code); the header row
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
    # (sheet, column letter, header, reason) of every non-empty column the import does not use
    unused: list[tuple] = field(default_factory=list)
    # (index code, component code) -> the maximum written in the criterion's header, "(10 điểm)"
    maxima: dict = field(default_factory=dict)

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
    unused: list[tuple] = field(default_factory=list)  # as Analysis.unused
    maxima: dict = field(default_factory=dict)  # as Analysis.maxima

    def analysis(self) -> Analysis:
        """The clean result; ImportRejected if anything was wrong."""
        if self.problems or self.scores is None:
            raise ImportRejected(self.problems or [Problem("no_table", self.file_name)])
        return Analysis(self.file_name, self.sha256, self.content, self.parts, self.scores, self.new_units,
                        self.notes, self.unused, self.maxima)


def analyse(data: bytes, file_name: str, catalog: Catalog, registry: Registry,
            options: ImportOptions | None = None) -> Analysis:
    """Read, find tables, map, validate. Raises ImportRejected naming every problem's place."""
    options = options or ImportOptions()
    found = inspect_file(data, file_name, catalog, registry, options)
    if found.problems:
        raise ImportRejected(found.problems, options.lang)
    return found.analysis()


@collector.paused
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
    layouts, tried = [], []
    said = {key: meaning for key, meaning in (options.columns or {}).items() if isinstance(key, str)}
    for sheet in sheets:
        overrides = {col: meaning for key, meaning in (options.columns or {}).items()
                     if isinstance(key, tuple) for name, col in [key] if name == sheet.name}
        overrides.update(said)  # header texts and letters (--column) apply on every sheet
        layout = find_layout(sheet.name, sheet.rows, catalog, find, index_hint, file_name, allow_unknown,
                             overrides, options.header_row)
        tried.append((sheet.name, layout))
        if layout is not None and layout.score > 0:
            layouts.append(layout)
    if not layouts:
        found.problems = [no_table(file_name, sheets, tried, find, options.lang)]
        return found
    found.parts, found.problems = choose_parts(layouts, file_name, options)
    if found.problems:
        return found
    found.problems = unknown_columns(found.parts, file_name, options) + unmatched_options(
        said, [lay for _, lay in tried if lay is not None], file_name)
    found.unused, found.maxima, notes = understood(found.parts, options.lang)
    if found.problems:
        return found
    scores, new_units, problems, checked = validate(found.parts, file_name, catalog, registry, find, options, parent)
    found.scores, found.new_units, found.problems, found.notes = scores, new_units, problems, notes + checked
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
        if lay.kind == "profile":
            # years of its rows or columns, else the table's: --year, the sheet, title or file name
            key = (lay.index_code, sheet_year(lay, options, file_name), lay.sheet)
        elif lay.kind == "wide" and lay.column_years:
            # each value column under its own year; columns without one take the table's year, if it has one
            key = (lay.index_code, sheet_year(lay, options, file_name), lay.sheet)
        elif lay.kind == "wide" and not any(c.role == "year" for c in lay.columns):
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


def letter_of(layout: Layout, col: int) -> str:
    """A column as the user sees it: its letter, or its row number in a provinces-as-columns sheet."""
    if layout.transposed:
        return str(col + 1)
    return column_letter(col)


def option_for(header: str, letter: str, guess: str) -> str:
    """The --column option that says what a column is."""
    key = header.split(" / ")[-1] if header else letter
    return f'--column "{key}={"component:CODE" if guess == "component" else guess}"'


def unknown_columns(parts: list[Part], file_name: str, options: ImportOptions) -> list[Problem]:
    """A numeric column nobody understood stops the import: sheet, letter, header, a guess and the option to say it."""
    problems = []
    for part in parts:
        lay = part.layout
        for col, header, guess in lay.unknown:
            letter = letter_of(lay, col)
            shown = guess or t("import.any_meaning", options.lang)
            problems.append(Problem("unknown_column", file_name, sheet=None if lay.sheet == "csv" else lay.sheet,
                                    column=f"{letter} ({header})" if header else letter,
                                    params={"guess": shown, "option": option_for(header, letter, guess or "overall")}))
    return problems


def unmatched_options(said: dict, layouts: list[Layout], file_name: str) -> list[Problem]:
    """A --column naming no column of any table is a mistake to say, not to ignore."""
    used = set().union(*(lay.overrides_used for lay in layouts)) if layouts else set()
    problems = []
    for key in said:
        if key in used:
            continue
        heads = []
        for lay in layouts:
            heads += [f"{letter_of(lay, c.col)} «{c.header}»" for c in lay.columns if c.header]
            heads += [f"{letter_of(lay, c)} «{h}»" for c, h, _ in lay.unused if h]
        problems.append(Problem("column_option_unmatched", file_name, value=key,
                                params={"headers": ", ".join(heads[:12]) or "—"}))
    return problems


def understood(parts: list[Part], lang: str) -> tuple[list[tuple], dict, list[str]]:
    """Columns not used (with reasons), criteria maxima, and notes on rows left out, for the dry run and the page."""
    from reformdash.ingest.headers import reason

    unused, maxima, notes = [], {}, []
    for part in parts:
        lay = part.layout
        for col, header, why in lay.unused:
            unused.append((lay.sheet, letter_of(lay, col), header, reason(why, lang)))
        for c in lay.columns:
            if c.maximum is not None and c.role == "target":
                maxima[(c.target.index_code, c.target.component_code)] = c.maximum
        if lay.skipped_rows:
            rows = ", ".join(str(lay.place(r, 0)[0]) for r in lay.skipped_rows[:10])
            notes.append(t("import.skipped_rows", lang, sheet=lay.sheet, rows=rows))
    return unused, maxima, notes


def no_table(file_name: str, sheets, tried: list, find: EntityFinder, lang: str) -> Problem:
    """No table: say what was found (the names column, headers understood and not) and the option that would help."""

    found, hint = [], ""
    for name, lay in tried:
        if lay is None:
            continue
        where = "" if name == "csv" else f"{name}: "
        heads = {c: h for c, h in enumerate(lay.grid[lay.header_rows[-1]])} if lay.header_rows else {}
        ent = ", ".join(f"{letter_of(lay, c)} ({cell_text(heads.get(c, ''))})" for c in lay.entity_cols)
        found.append(where + t("found.entity", lang, column=ent))
        ok = [f"{letter_of(lay, c.col)} «{c.header}» = "
              f"{c.role if c.role != 'target' else c.target.component_code or 'overall'}" for c in lay.columns]
        if ok:
            found.append(t("found.understood", lang, columns="; ".join(ok)))
        not_ok = [f"{letter_of(lay, c)} «{h}»" for c, h, _ in lay.unknown] + \
            [f"{letter_of(lay, c)} «{h}»" for c, h, why in lay.unused if why == "text" and h]
        if not_ok:
            found.append(t("found.not_understood", lang, columns="; ".join(not_ok)))
        if lay.index_code is None:
            found.append(t("found.no_index", lang))
            hint = hint or t("hint_option", lang, option="--index PCI|PAPI|PAR_INDEX|SIPAS|…")
        elif lay.unknown and not hint:
            c, h, guess = lay.unknown[0]
            hint = t("hint_option", lang, option=option_for(h, letter_of(lay, c), guess or "overall"))
    if not found:
        found.append(t("found.no_entity", lang))
        hint = t("hint_option", lang, option="--level unit --parent \"…\" --create-units")
    return Problem("no_table_detail", file_name, sheet=sheets[0].name if len(sheets) == 1 and
                   sheets[0].name != "csv" else None, params={"found": "; ".join(found), "hint": hint})

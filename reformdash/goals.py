"""Goals of the plans (Mục tiêu): stored in DuckDB, imported from a spreadsheet, edited in a table, evaluated.

A goal names an index (and optionally a component), an entity (province, ministry or unit), a kind, a target,
a base year and a target year. Kinds, and what "met" means:

- ``rank_up`` N ("tăng N bậc so với năm …"): the entity gains at least N places from ``base_year`` to
  ``target_year``. Same field size in both years (``rank_of`` equal): met if
  ``rank_target <= rank_base - N``; ``actual`` = places gained (``rank_base - rank_target``, negative = lost).
  When the field sizes differ (63 provinces before 1 July 2025, 34 after; 64 → 63 in 2008; a year where some
  entities have no data) ranks are compared as percentile ranks ``p = (rank_of - rank) / (rank_of - 1)``
  (1 = first, 0 = last; 1 when the field has one entity): the required percentile is that of rank
  ``rank_base - N`` in the base year's field, and it is reached in the target year's field by every rank up to
  ``floor(rank_of_target - p_required * (rank_of_target - 1))``. ``actual`` is then the gain in percentile
  expressed in places of the base year's field (one decimal), and the detail says percentiles were compared and
  names the merger when ``entity_lineage`` has one between the two years.
  The required rank is never better than 1: an entity already first meets "up N places" by staying first (the
  detail says so), since no plan can ask for more than the top.
- ``rank_at_most`` N ("top N", "nằm trong nhóm N …"): met if the rank in ``target_year`` is at most N; across
  the merger N refers to the target year's field. ``actual`` = the rank. Ties share a rank, so a tie at N is met.
- ``value_at_least`` X ("≥ X", "không thấp hơn X"): met if the value in ``target_year`` is at least X.
  ``actual`` = the value. For an index in % on a 0–100 scale, a numeric cell in (0, 1] is read as a fraction
  (Excel stores a cell shown as "90%" as 0.9).
- ``yoy_increase`` ("năm sau cao hơn năm trước"): every year from ``base_year + 1`` to ``target_year`` is
  strictly higher than the year before (a blank base year means ``target_year - 1``). ``actual`` = how many years
  rose; the detail names the years that did not. Any year that did not rise makes it ``not_met`` even when
  other years are missing (the goal cannot be met any more); otherwise a missing year makes it ``no_data``.
  Component ``*`` ("tất cả", "all") checks every top-level component valid in all those years instead of the
  overall score; ``actual`` = how many components rose every year, and the detail names those that did not.

``distance`` is how far the entity was from the goal in the target year, in the index's points:
for rank goals the value it needed — the value of the entity at the required rank in that year's field, counting
only the other entities (a tie is enough) — minus its own value; for ``value_at_least`` ``X - value``; for a
single-series ``yoy_increase`` the fall of the first year that did not rise. 0 when met, empty without data.

Status is ``met`` (đạt), ``not_met`` (chưa đạt) or ``no_data`` (chưa có dữ liệu); the detail says which years
or values are missing. A target year after the latest published year of the index is ``no_data``, and the
detail adds the provisional position on the latest year the entity has data for.

The key of a goal is (index, component, entity, kind, base year, target year): importing the same goal again
updates its target; an import or a save is all or nothing, and any bad row rejects the whole file with its place.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import re
from dataclasses import dataclass

import pandas as pd

from reformdash.catalog import Catalog, ComponentDef, index_key
from reformdash.errors import ImportRejected, NotFound, Problem
from reformdash.ingest.layout import column_letter
from reformdash.ingest.read import read_workbook
from reformdash.registry import Registry
from reformdash.store import ROOT, Store, bump_version, query_text
from reformdash.text import is_missing, numbers_in_text, parse_int, parse_number, words
from reformdash.words import format_number, t
from reformdash.words.exports import INDEX_LIST_SPLIT

ALL_COMPONENTS = "*"
STATUSES = ("met", "not_met", "no_data")
CLI_COLUMNS = ["index", "component", "entity_code", "entity_name", "kind", "target", "base_year", "target_year",
               "actual", "status"]
RESULT_COLUMNS = [*CLI_COLUMNS, "detail", "distance", "id", "goal", "sample"]
DEMO_GOALS = ROOT / "data" / "demo" / "goals.csv"
ENTITY_KINDS = ("province", "ministry", "unit")
# Plans name years up to a decade or two ahead; anything further is a typing error.
YEARS_AHEAD = 20
EPS = 1e-9



def _goal_sheet() -> dict[str, dict]:
    """The goal sheet's vocabulary (data/reference/goal_sheet.csv): each field's header words, best first."""
    with (ROOT / "data" / "reference" / "goal_sheet.csv").open(encoding="utf-8") as f:
        return {r["field"]: r for r in csv.DictReader(f)}


_SHEET = _goal_sheet()
# Header words (folded by text.words) of each column, best first; English codes and Vietnamese headers both work.
FIELDS: dict[str, tuple[str, ...]] = {k: tuple(r["words"].split("|")) for k, r in _SHEET.items()
                                      if k != "all_components"}
REQUIRED = tuple(k for k, r in _SHEET.items() if r["required"] == "yes")
VI_HEADERS = {k: r["header_vi"] for k, r in _SHEET.items() if r["header_vi"]}
_ALL_WORDS = set(_SHEET["all_components"]["words"].split("|"))


# A new kind of goal is one more entry of GOAL_KINDS: every reader, judge, export and page takes its kinds from there.
@dataclass(frozen=True)
class GoalKind:
    """One kind of index goal: its words, how a cell is read as it, its target, its years and its judge."""

    code: str
    name_key: str  # its short name (goals page, editor); parse_kind reads it back
    says_key: str  # the goal in a sentence: {target}, {base_year}, {target_year}
    label_key: str  # its wording in the template's drop-down; parse_kind reads it back
    help_key: str  # its line in the template's instructions
    pattern: re.Pattern  # its wording in a cell, on text folded by text.words
    reading_order: int  # patterns are tried in this order ('tăng hằng năm' is yearly, 'tăng hạng' a rank gain)
    target: str | None  # 'places', 'rank', 'value', or None when it takes no target
    judge: str  # the _Evaluator method that judges it in a year
    signs: tuple[str, ...] = ()  # signs that name it when no wording does ('≥ 90')
    from_base: bool = False  # measured from the base year: the base must come before the target year
    base_required: bool = False
    base_is_previous_year: bool = False  # a blank base year means the year before the target year
    all_components: bool = False  # may apply to every component at once ('*')
    line: str | None = None  # the threshold it draws on a trend chart: on the 'value' or the 'rank' axis

    @property
    def target_words_key(self) -> str:
        """What its target must be, in the words of a rejection."""
        return {"places": "goal_target_places", "rank": "goal_target_rank"}.get(self.target or "",
                                                                                "goal_target_number")


GOAL_KINDS: dict[str, GoalKind] = {k.code: k for k in (
    GoalKind("rank_up", "goal.kind.rank_up", "goal.says.rank_up", "export.goal_kind.rank_up",
             "export.goal_help.rank_up",
             re.compile(r"\b(tang|nang)\b.*\b(bac|hang|thu hang|vi tri)\b|\brank up\b|\bplaces? up\b|"
                        r"\bup \d+ places?\b|\bgain\w* \d+ places?\b"),
             reading_order=2, target="places", judge="rank_up", from_base=True, base_required=True),
    GoalKind("rank_at_most", "goal.kind.rank_at_most", "goal.says.rank_at_most", "export.goal_kind.rank_at_most",
             "export.goal_help.rank_at_most",
             re.compile(r"\btop\b|\bnam trong nhom\b|\bthuoc nhom\b|\btrong nhom\b|\bxep (hang|thu)\b|"
                        r"\bdan dau\b|\brank at most\b|\bwithin the top\b|\bhang\b.*\b(khong qua|toi da)\b"),
             reading_order=3, target="rank", judge="rank_at_most", line="rank"),
    GoalKind("value_at_least", "goal.kind.value_at_least", "goal.says.value_at_least",
             "export.goal_kind.value_at_least", "export.goal_help.value_at_least",
             re.compile(r"khong thap hon|khong duoi|\btoi thieu\b|\bit nhat\b|\btro len\b|\bdat tu\b|"
                        r"at least|\bminimum\b|\bvalue at least\b"),
             reading_order=4, target="value", judge="value_at_least", signs=("≥", ">=", "⩾"), line="value"),
    GoalKind("yoy_increase", "goal.kind.yoy_increase", "goal.says.yoy_increase", "export.goal_kind.yoy_increase",
             "export.goal_help.yoy_increase",
             re.compile(r"nam sau cao hon nam truoc|cao hon nam truoc|\btang (deu )?hang nam\b|"
                        r"\bmoi nam (deu )?tang\b|\btang (deu )?qua (cac|tung) nam\b|\byoy\b|year on year|"
                        r"higher than the (previous|prior) year|increase every year|each year higher"),
             reading_order=1, target=None, judge="yoy_increase", from_base=True, base_is_previous_year=True,
             all_components=True),
)}
KINDS = tuple(GOAL_KINDS)


@dataclass
class Goal:
    """One validated goal, as stored."""

    index_code: str
    component_code: str
    entity_code: str
    kind: str
    target: float | None
    base_year: int | None
    target_year: int
    note: str = ""
    id: int | None = None

    def key(self) -> tuple:
        """What identifies a goal: importing it again updates its target."""
        return (self.index_code, self.component_code, self.entity_code, self.kind, self.base_year,
                self.target_year)


# parsing ----------------------------------------------------------------------------------------------
def parse_kind(text: object) -> tuple[str | None, float | None]:
    """Kind code and the number written with it ('tăng 05 bậc' -> ('rank_up', 5)); (None, None) if unknown."""
    if is_missing(text):
        return None, None
    raw = str(text)
    squashed = index_key(raw)
    number = _number_in(raw)
    for kind in KINDS:
        if squashed == index_key(kind):
            return kind, None
    folded = words(raw)
    for kind in sorted(GOAL_KINDS.values(), key=lambda k: k.reading_order):
        if kind.pattern.search(folded):
            return kind.code, number
    for kind in GOAL_KINDS.values():
        if any(sign in raw for sign in kind.signs):
            return kind.code, number
    return None, None


def _number_in(text: str) -> float | None:
    """The first number of a text that is not a year ('tăng 5 bậc so với năm 2022' -> 5)."""
    try:
        found = numbers_in_text(text)
    except ValueError:
        return None
    return found[0] if found else None


def parse_indices(text: object, catalog: Catalog) -> list[str] | None:
    """Index codes named by a cell; 'PAR INDEX, PAPI, PCI' names three. None if any part is unknown."""
    code = catalog.find_index(str(text))
    if code:
        return [code]
    parts = [p for p in re.split(INDEX_LIST_SPLIT, str(text)) if p.strip()]
    codes = [catalog.find_index(p) for p in parts]
    return codes if len(codes) > 1 and all(codes) else None


def find_header(rows: list[list], limit: int = 30) -> tuple[int, dict[str, int]] | None:
    """Row number (0-based) of the header and the column of each field, found by the column names."""
    for r, row in enumerate(rows[:limit]):
        keys = [words(cell) if not is_missing(cell) else "" for cell in row]
        columns: dict[str, int] = {}
        for field, names in FIELDS.items():
            for name in names:
                if name in keys:
                    columns[field] = keys.index(name)
                    break
        if all(f in columns for f in REQUIRED):
            return r, columns
    return None


class _RowReader:
    """Validates the rows of a goals table into Goals, collecting every problem with its place."""

    def __init__(self, store: Store, file_name: str, sheet: str | None, lang: str, letters: bool = True):
        self.catalog = Catalog.load(store)
        self.registry = Registry.load(store)
        self.file_name, self.sheet, self.lang, self.letters = file_name, sheet, lang, letters
        self.problems: list[Problem] = []
        self.max_year = dt.date.today().year + YEARS_AHEAD

    def read(self, rows: list[list], header_row: int, columns: dict[str, int], row_numbers=None) -> list[Goal]:
        """Goals of the rows under the header; problems are kept in self.problems."""
        self.headers = {f: str(rows[header_row][c]) for f, c in columns.items()}
        self.columns = columns
        goals: list[Goal] = []
        seen: dict[tuple, tuple[int, float | None]] = {}
        for offset, row in enumerate(rows[header_row + 1:]):
            number = row_numbers[offset] if row_numbers else header_row + offset + 2
            cells = {f: (row[c] if c < len(row) else "") for f, c in columns.items()}
            if all(is_missing(v) for f, v in cells.items() if f != "id"):
                continue
            for goal in self._row(cells, number):
                other = seen.get(goal.key())
                if other is None:
                    seen[goal.key()] = (number, goal.target)
                    goals.append(goal)
                elif other[1] != goal.target:
                    self._problem("goal_duplicate", number, "target", cells.get("target"),
                                  other_row=other[0])
        return goals

    def _column(self, field: str) -> str | None:
        if field not in self.columns:
            return None
        header = self.headers[field]
        if not self.letters:
            return header
        return f"{column_letter(self.columns[field])} ({header})"

    def _problem(self, key: str, row: int, field: str, value: object = None, **params) -> None:
        shown = None if is_missing(value) else value
        self.problems.append(Problem(key, self.file_name, self.sheet, row, self._column(field), shown, params))

    def _blank(self, row: int, field: str) -> None:
        self._problem("goal_blank", row, field, what=t(f"goal_col.{field}", self.lang))

    def _year(self, cell: object, row: int, field: str, index_codes: list[str]) -> int | None:
        """The year; None when blank or rejected (the problem is recorded)."""
        try:
            year = parse_int(cell)
        except ValueError:
            self._problem("year_not_a_number", row, field, cell)
            return None
        if year is None:
            return None
        for code in index_codes:
            low = self.catalog.indices[code].first_year
            if not low <= year <= self.max_year:
                self._problem("bad_year", row, field, year, index=code, low=low, high=self.max_year)
                return None
        return year

    def _row(self, cells: dict, row: int) -> list[Goal]:
        before = len(self.problems)
        # index
        index_codes: list[str] = []
        if is_missing(cells["index"]):
            self._blank(row, "index")
        else:
            index_codes = parse_indices(cells["index"], self.catalog) or []
            if not index_codes:
                self._problem("unknown_index", row, "index", cells["index"])
        # kind and target
        kind, kind_number = parse_kind(cells["kind"])
        if is_missing(cells["kind"]):
            self._blank(row, "kind")
        elif kind is None:
            self._problem("goal_unknown_kind", row, "kind", cells["kind"], codes=", ".join(KINDS),
                          kinds=", ".join(kind_word(k, self.lang) for k in KINDS))
        target = self._target(cells.get("target"), kind, kind_number, row, index_codes, cells)
        # years
        target_year = self._year(cells["target_year"], row, "target_year", index_codes)
        if is_missing(cells["target_year"]):
            self._blank(row, "target_year")
        base_year = self._year(cells.get("base_year"), row, "base_year", index_codes)
        rule = GOAL_KINDS.get(kind or "")
        if target_year is not None:
            if is_missing(cells.get("base_year")) and rule is not None and rule.base_is_previous_year:
                base_year = target_year - 1
            elif is_missing(cells.get("base_year")) and rule is not None and rule.base_required:
                self._blank(row, "base_year")
            elif base_year is not None:
                late = base_year >= target_year if rule is not None and rule.from_base else base_year > target_year
                if late:
                    self._problem("goal_base_after_target", row, "base_year", base_year, target_year=target_year)
        # entity
        entity_code = self._entity(cells["entity"], row, target_year)
        # component
        components = self._components(cells.get("component"), kind, index_codes, row, target_year, base_year)
        if len(self.problems) > before:
            return []
        note = "" if is_missing(cells.get("note")) else str(cells["note"]).strip()
        goal_id = None
        if not is_missing(cells.get("id")):
            try:
                goal_id = parse_int(cells["id"])
            except ValueError:
                goal_id = None
        return [Goal(code, comp, entity_code, kind, target, base_year, target_year, note,
                     goal_id if len(index_codes) == 1 else None)
                for code, comp in zip(index_codes, components, strict=True)]

    def _target(self, cell: object, kind: str | None, kind_number: float | None, row: int,
                index_codes: list[str], cells: dict) -> float | None:
        if kind is None:
            return None
        target: float | None
        try:
            target = parse_number(cell)
        except ValueError:
            # "top 10", "tăng 5 bậc", "≥ 90%" written in the target cell
            cell_kind, target = parse_kind(cell)
            if target is None or (cell_kind is not None and cell_kind != kind):
                self._problem("goal_bad_target", row, "target", cell, what=self._target_what(kind))
                return None
        if kind_number is not None:
            if target is None:
                target = kind_number
            elif abs(target - kind_number) > EPS:
                self._problem("goal_target_conflict", row, "target", cell, kind_target=format_number(
                    kind_number, self.lang, 0 if kind_number.is_integer() else 2))
                return None
        if GOAL_KINDS[kind].target is None:
            if target is not None:
                self._problem("goal_target_not_needed", row, "target", cell, kind=kind_word(kind, self.lang))
            return None
        if target is None:
            self._blank(row, "target")
            return None
        if GOAL_KINDS[kind].target in ("places", "rank"):
            if target < 1 or not float(target).is_integer():
                self._problem("goal_bad_target", row, "target", cell, what=self._target_what(kind))
                return None
            return float(target)
        for code in index_codes:
            index = self.catalog.indices[code]
            comp = self.catalog.component(code, str(cells.get("component"))) \
                if not is_missing(cells.get("component")) else None
            low = comp.scale_min if comp and comp.scale_min is not None else index.scale_min
            high = comp.scale_max if comp and comp.scale_max is not None else index.scale_max
            if index.unit == "%" and high == 100 and isinstance(cell, (int, float)) and 0 < target <= 1:
                target = target * 100  # Excel keeps "90%" as 0.9
            if not low <= target <= high:
                self._problem("out_of_scale", row, "target", cell, low=format_number(low, self.lang, 0),
                              high=format_number(high, self.lang, 0), what=code)
                return None
        return float(target)

    def _target_what(self, kind: str) -> str:
        return t(GOAL_KINDS[kind].target_words_key, self.lang)

    def _entity(self, cell: object, row: int, year: int | None) -> str | None:
        if is_missing(cell):
            self._blank(row, "entity")
            return None
        text = str(cell).strip()
        tail = text.rsplit(" · ", 1)[-1]  # the editor writes «name · code»: a unit's name alone may be ambiguous
        if tail != text and tail in self.registry.entities:
            text = cell = tail
        code = text if text in self.registry.entities else self.registry.resolve(cell, ENTITY_KINDS, year=year)
        if code is None:
            names = self.registry.suggest(cell, ENTITY_KINDS)
            suggestion = t("suggestion", self.lang, names=", ".join(names)) if names else ""
            self._problem("unknown_entity", row, "entity", cell, suggestion=suggestion)
            return None
        entity = self.registry.entities[code]
        if year is not None and not entity.valid_in(year):
            valid = f"{entity.valid_from or '…'} – {entity.valid_to or '…'}"
            self._problem("entity_not_in_year", row, "entity", cell, entity=entity.name(self.lang), year=year,
                          valid=valid)
            return None
        return code

    def _components(self, cell: object, kind: str | None, index_codes: list[str], row: int, target_year,
                    base_year) -> list[str]:
        if is_missing(cell):
            return ["" for _ in index_codes]
        text = str(cell).strip()
        if text == ALL_COMPONENTS or words(text) in _ALL_WORDS:
            if kind is not None and not GOAL_KINDS[kind].all_components:
                self._problem("goal_all_components_yoy_only", row, "component", cell, kinds=", ".join(
                    f"«{kind_word(k.code, self.lang)}»" for k in GOAL_KINDS.values() if k.all_components))
            return [ALL_COMPONENTS for _ in index_codes]
        found = []
        for code in index_codes:
            comp = self.catalog.component(code, text)
            if comp is None:
                self._problem("unknown_component", row, "component", cell, index=code)
                continue
            for year in (target_year, base_year):
                if year is not None and not comp.valid_in(year):
                    span = f"{comp.valid_from_year or '…'}–{comp.valid_to_year or '…'}"
                    self._problem("goal_component_not_in_year", row, "component", cell, component=comp.name(self.lang),
                                  index=code, span=span, year=year)
                    break
            found.append(comp.code)
        return found


def read_goals(store: Store, data: bytes, file_name: str, lang: str = "vi") -> list[Goal]:
    """The goals of a spreadsheet (xlsx, xls, ods, csv); ImportRejected with every bad row's place."""
    sheets = read_workbook(data, file_name)
    for sheet in sheets:
        found = find_header(sheet.rows)
        if found is None:
            continue
        header_row, columns = found
        reader = _RowReader(store, file_name, None if sheet.name == "csv" else sheet.name, lang)
        goals = reader.read(sheet.rows, header_row, columns)
        if reader.problems:
            raise ImportRejected(reader.problems, lang)
        if not goals:
            raise ImportRejected([Problem("goal_no_rows", file_name, reader.sheet)], lang)
        return goals
    columns = ", ".join(f"{VI_HEADERS[f]} ({f})" for f in VI_HEADERS)
    raise ImportRejected([Problem("goal_no_header", file_name, params={"columns": columns})], lang)


# storing ----------------------------------------------------------------------------------------------
def _frame(goals: list[Goal], sample: bool = False) -> pd.DataFrame:
    frame = pd.DataFrame({
        "id": pd.array([g.id for g in goals], dtype="Int64"),
        "index_code": [g.index_code for g in goals],
        "component_code": [g.component_code for g in goals],
        "entity_code": [g.entity_code for g in goals],
        "kind": [g.kind for g in goals],
        "target": pd.array([g.target for g in goals], dtype="Float64"),
        "base_year": pd.array([g.base_year for g in goals], dtype="Int64"),
        "target_year": pd.array([g.target_year for g in goals], dtype="Int64"),
        "note": [g.note for g in goals],
        "is_sample": pd.array([sample] * len(goals), dtype="boolean"),
    })
    return frame.astype({c: "string" for c in ("index_code", "component_code", "entity_code", "kind", "note")})


def _write(store: Store, goals: list[Goal], replace_all: bool, sample: bool = False) -> None:
    frame = _frame(goals, sample)
    with store.transaction() as tx:
        if replace_all:
            tx.execute(query_text("goal_delete_all"))
        tx.register("incoming_goals", frame)
        tx.execute(query_text("goal_update_incoming"))
        tx.execute(query_text("goal_insert_incoming"))
        tx.unregister("incoming_goals")
        bump_version(tx)


def import_goals(store: Store, data: bytes, file_name: str, lang: str = "vi", sample: bool = False) -> int:
    """Add the goals of a spreadsheet (the same goal again updates its target); returns how many it holds.

    Raises ImportRejected (nothing written) when the file or any row is bad.
    """
    goals = read_goals(store, data, file_name, lang)
    for goal in goals:
        goal.id = None  # an imported file never renumbers stored goals
    _write(store, goals, replace_all=False, sample=sample)
    return len(goals)


def list_goals(store: Store, lang: str = "vi") -> pd.DataFrame:
    """Stored goals: id, index, component, entity_code, entity_name, kind, target, base_year, target_year, note,
    sample (the organisation's first)."""
    return store.df("goal_list", lang=lang)


def save_goals(store: Store, frame: pd.DataFrame, lang: str = "vi") -> None:
    """Replace the organisation's goals with the rows of an edited table (st.data_editor), validated as an import;
    the sample goals are kept (the editor does not show them).

    The entity is read from an `entity` column when there is one, else `entity_code`. Raises ImportRejected.
    """
    frame = frame.drop(columns=[c for c in ("sample",) if c in frame.columns])
    if "entity" not in frame.columns and "entity_code" in frame.columns:
        frame = frame.drop(columns=[c for c in ("entity_name",) if c in frame.columns])
    header = [str(c) for c in frame.columns]
    rows = [header] + [["" if _blank_cell(v) else v for v in row] for row in frame.itertuples(index=False)]
    file_label = t("goal_table", lang)
    goals: list[Goal] = []
    if len(rows) > 1:
        found = find_header(rows, limit=1)
        if found is None:
            columns = ", ".join(FIELDS[f][0] for f in REQUIRED)
            raise ImportRejected([Problem("goal_no_header", file_label, params={"columns": columns})], lang)
        reader = _RowReader(store, file_label, None, lang, letters=False)
        goals = reader.read(rows, *found, row_numbers=list(range(1, len(rows))))
        if reader.problems:
            raise ImportRejected(reader.problems, lang)
    ids: set[int] = set()
    for goal in goals:
        if goal.id is not None and goal.id in ids:
            goal.id = None  # a copied row becomes a new goal
        if goal.id is not None:
            ids.add(goal.id)
    _write(store, goals, replace_all=True)


def kind_word(kind: str, lang: str = "vi") -> str:
    """A goal kind in the reader's words («Tăng bậc»), which parse_kind reads back."""
    return t(GOAL_KINDS[kind].name_key, lang) if kind in GOAL_KINDS else str(kind)


def _plain_number(x: object, lang: str) -> str:
    """A target as a person types it: 5, 90, 87,5 (vi) / 87.5 (en); blank when there is none."""
    value = _num(x)
    if value is None:
        return ""
    if float(value).is_integer():
        return format_number(value, lang, 0)
    return format_number(value, lang, 2).rstrip("0")


def statement(goal, catalog: Catalog, lang: str = "vi") -> str:
    """What the goal asks, in words: «PCI: nằm trong nhóm 5 dẫn đầu năm 2019»."""
    subject = catalog.label(goal.index, lang)
    if goal.component == ALL_COMPONENTS:
        subject += ", " + t("goal.says.every_component", lang)
    elif goal.component:
        comp = catalog.components.get(goal.index, {}).get(goal.component)
        subject += ", " + (comp.name(lang) if comp else goal.component)
    index = catalog.indices.get(goal.index)
    target = _plain_number(goal.target, lang)
    kind = GOAL_KINDS.get(goal.kind)
    if kind is not None and kind.target == "value" and index is not None:
        target += "%" if index.unit == "%" else f" {t('goal.points', lang)}"
    base = _num(goal.base_year)
    base_year = int(base) if base is not None else int(goal.target_year) - 1
    says = t(kind.says_key, lang, target=target, base_year=base_year, target_year=int(goal.target_year)) \
        if kind is not None else str(goal.kind)
    return f"{subject}: {says}"


def editor_frame(store: Store, lang: str = "vi") -> tuple[pd.DataFrame, dict[str, list[str]]]:
    """The organisation's goals as the editor shows them (words, not codes; blank, not None) under the goal sheet's
    headers, and the choices of its select columns. save_goals reads it back."""
    catalog = Catalog.load(store)
    registry = Registry.load(store)
    own = list_goals(store, lang)
    own = own[~own["sample"].astype(bool)]

    def entity_label(code: str) -> str:
        entity = registry.entities.get(code)
        return f"{entity.name(lang)} · {code}" if entity else code

    def component_label(index: str, comp: str) -> str:
        if comp == ALL_COMPONENTS:
            return t("goal.all_components", lang)
        found = catalog.components.get(index, {}).get(comp)
        return found.name(lang) if found else comp

    headers = {f: (VI_HEADERS.get(f, FIELDS[f][0].capitalize()) if lang == "vi" else FIELDS[f][0].capitalize())
               for f in ("index", "component", "entity", "kind", "target", "base_year", "target_year", "note")}
    headers["note"] = t("note", lang)
    frame = pd.DataFrame({
        "id": own["id"].astype("Int64"),
        headers["index"]: [catalog.label(c, lang) for c in own["index"]],
        headers["component"]: [component_label(i, c) for i, c in zip(own["index"], own["component"], strict=True)],
        headers["entity"]: [entity_label(c) for c in own["entity_code"]],
        headers["kind"]: [kind_word(k, lang) for k in own["kind"]],
        headers["target"]: [_plain_number(x, lang) for x in own["target"]],
        headers["base_year"]: ["" if _num(y) is None else str(int(y)) for y in own["base_year"]],
        headers["target_year"]: [str(int(y)) for y in own["target_year"]],
        headers["note"]: [str(n) for n in own["note"]],
    })
    # text columns typed as text even when there is no goal yet (an empty column would be a number column)
    frame = frame.astype({c: "string" for c in frame.columns if c != "id"})
    entities = [entity_label(c) for c, e in sorted(registry.entities.items(), key=lambda kv: kv[1].name(lang))
                if e.kind in ENTITY_KINDS]
    choices = {headers["index"]: [catalog.label(c, lang) for c in catalog.indices],
               headers["kind"]: [kind_word(k, lang) for k in KINDS],
               headers["entity"]: entities}
    return frame.reset_index(drop=True), choices


@dataclass
class Preview:
    """A goals file read but not saved: its good goals in words, and every problem with its place."""

    goals: list[Goal]
    problems: list[Problem]
    table: pd.DataFrame


def preview_goals(store: Store, data: bytes, file_name: str, lang: str = "vi") -> Preview:
    """Read a goals file without saving: the goals it holds (what each asks) and the problems of its bad rows.

    Raises ImportRejected only when no table of goals is found at all."""
    catalog = Catalog.load(store)
    sheets = read_workbook(data, file_name)
    for sheet in sheets:
        found = find_header(sheet.rows)
        if found is None:
            continue
        reader = _RowReader(store, file_name, None if sheet.name == "csv" else sheet.name, lang)
        goals = reader.read(sheet.rows, *found)
        if not goals and not reader.problems:
            raise ImportRejected([Problem("goal_no_rows", file_name, reader.sheet)], lang)
        names = Registry.load(store).entities
        table = pd.DataFrame({
            "goal": [statement(_Row(g), catalog, lang) for g in goals],
            "entity": [names[g.entity_code].name(lang) if g.entity_code in names else g.entity_code for g in goals],
            "note": [g.note for g in goals]})
        return Preview(goals, reader.problems, table)
    columns = ", ".join(f"{VI_HEADERS[f]} ({f})" for f in VI_HEADERS)
    raise ImportRejected([Problem("goal_no_header", file_name, params={"columns": columns})], lang)


def save_preview(store: Store, preview: Preview) -> int:
    """Save the good goals of a preview (the bad rows, listed to the person who chose this, are left out)."""
    for goal in preview.goals:
        goal.id = None
    _write(store, preview.goals, replace_all=False)
    return len(preview.goals)


@dataclass
class _Row:
    """A Goal seen with the field names of a stored row (index, component), as statement() reads them."""

    goal: Goal

    def __getattr__(self, name: str):
        return getattr(self.goal, {"index": "index_code", "component": "component_code"}.get(name, name))


def _blank_cell(value: object) -> bool:
    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def delete_goal(store: Store, goal_id: int, lang: str = "vi") -> None:
    """Remove one goal; NotFound if there is no such goal."""
    with store.transaction() as tx:
        gone = tx.execute(query_text("goal_delete"), {"goal_id": int(goal_id)}).fetchall()
        if not gone:
            raise NotFound(t("goal_unknown", lang, value=goal_id), t("goal_not_found", lang))
        bump_version(tx)


def load_demo_goals(store: Store) -> int:
    """The demo plan's goals for Quảng Ninh (data/demo/goals.csv), only into an empty goal table."""
    if not DEMO_GOALS.is_file() or store.rows("goal_count")[0][0]:
        return 0
    return import_goals(store, DEMO_GOALS.read_bytes(), DEMO_GOALS.name, sample=True)


# evaluating -------------------------------------------------------------------------------------------
@dataclass
class Point:
    """One entity's score in one year."""

    value: float | None
    rank: int | None
    rank_of: int | None


@dataclass
class Result:
    """Status of a goal and the numbers behind it."""

    status: str
    actual: float | None = None
    distance: float | None = None
    detail: str = ""


def _num(x: object) -> float | None:
    if x is None:
        return None
    try:
        return None if pd.isna(x) else float(x)
    except (TypeError, ValueError):
        return None


def percentile(rank: int, rank_of: int) -> float:
    """(rank_of - rank) / (rank_of - 1): 1 for the first, 0 for the last (1 when alone)."""
    return 1.0 if rank_of <= 1 else (rank_of - rank) / (rank_of - 1)


class _Evaluator:
    """Scores, fields and wording shared by the evaluation of all goals."""

    def __init__(self, store: Store, lang: str):
        self.lang = lang
        self.catalog = Catalog.load(store)
        scores = store.df("goal_scores")
        self.points: dict[tuple, Point] = {}
        for r in scores.itertuples(index=False):
            rank, rank_of = _num(r.rank), _num(r.rank_of)
            self.points[(r.index_code, r.component_code, r.entity_code, int(r.year))] = Point(
                _num(r.value), int(rank) if rank is not None else None, int(rank_of) if rank_of is not None else None)
        self.store = store
        self.fields: dict[tuple, pd.DataFrame] = {}  # read when a rank goal needs it, not the whole index at once
        self.latest = {code: int(year) for code, year in store.rows("goal_latest_years")}
        self.mergers = [(kind, date) for kind, date in store.rows("goal_mergers")]
        registry = Registry.load(store)
        self.entities, self.absorbed_by = registry.entities, registry.absorbed_by

    # wording -----------------------------------------------------------------------------------------
    def t(self, key: str, **params) -> str:
        return t(key, self.lang, **params)

    def status_word(self, status: str) -> str:
        return self.t(f"goal.status.{status}")

    def value_text(self, goal, x: float) -> str:
        if self.unit(goal) == "%":
            return format_number(x, self.lang, 2) + "%"
        return f"{format_number(x, self.lang, 2)} {self.t('goal.points')}"

    def target_text(self, goal, x: float) -> str:
        shown = format_number(x, self.lang, 0 if float(x).is_integer() else 2)
        return shown + "%" if self.unit(goal) == "%" else f"{shown} {self.t('goal.points')}"

    def points_unit(self, goal) -> str:
        return self.t("goal.pct_points" if self.unit(goal) == "%" else "goal.points")

    def unit(self, goal) -> str:
        index = self.catalog.indices.get(goal.index)
        return index.unit if index else ""

    def pct(self, p: float) -> str:
        return format_number(p * 100, self.lang, 1) + "%"

    def years(self, years: list[int]) -> str:
        return ", ".join(map(str, years))

    # data --------------------------------------------------------------------------------------------
    def point(self, goal, year: int, component: str | None = None) -> Point | None:
        comp = goal.component if component is None else component
        return self.points.get((goal.index, comp, goal.entity_code, year))

    def higher_is_better(self, goal) -> bool:
        index = self.catalog.indices.get(goal.index)
        return index.higher_is_better if index else True

    def needed_value(self, goal, year: int, need_rank: int) -> float | None:
        """The value of the entity at `need_rank` in that year's field, among the other entities."""
        key = (goal.index, goal.component, int(year))
        if key not in self.fields:
            self.fields[key] = self.store.df("goal_field", index_code=key[0], component_code=key[1], year=key[2])
        field = self.fields[key]
        if field.empty:
            return None
        others = field.loc[(field["entity_code"] != goal.entity_code) & field["value"].notna(), "value"]
        ordered = others.sort_values(ascending=not self.higher_is_better(goal)).tolist()
        if len(ordered) < need_rank:
            return None
        return float(ordered[need_rank - 1])

    def rank_gap(self, goal, year: int, need_rank: int, own: float | None) -> tuple[float | None, str]:
        needed = self.needed_value(goal, year, need_rank)
        if needed is None or own is None:
            return None, ""
        distance = max(0.0, (needed - own) if self.higher_is_better(goal) else (own - needed))
        return distance, self.t("goal.rank_gap", need_rank=need_rank, distance=format_number(distance, self.lang),
                                unit=self.points_unit(goal), need_value=self.value_text(goal, needed))

    def merger_between(self, goal, base_year: int, year: int) -> str:
        entity = self.entities.get(goal.entity_code)
        dates = [d for k, d in self.mergers if (entity is None or k == entity.kind) and base_year < d.year <= year]
        if not dates:
            return ""
        return self.t("goal.merger", date=max(dates).strftime("%d/%m/%Y"))

    # kinds -------------------------------------------------------------------------------------------
    def evaluate(self, goal) -> Result:
        merged = self.merged(goal)
        if merged is not None:
            return merged
        latest = self.latest.get(goal.index)
        if latest is None:
            return Result("no_data", detail=self.t("goal.no_index_data", index=goal.index,
                                                   status=self.status_word("no_data")))
        year = int(goal.target_year)
        if year > latest:
            detail = self.t("goal.future", year=year, latest=latest, status=self.status_word("no_data"))
            return Result("no_data", detail=detail + self.provisional(goal, latest))
        return self.judge(goal, year)

    def merged(self, goal) -> Result | None:
        """A goal of an entity absorbed before its target year (Kon Tum after 1 July 2025) cannot be judged: the
        entity has no results of its own; the detail names the entity that absorbed it."""
        entity = self.entities.get(goal.entity_code)
        if entity is None or entity.in_field(int(goal.target_year)) or goal.entity_code not in self.absorbed_by:
            return None
        new, when = self.absorbed_by[goal.entity_code]
        return Result("no_data", detail=self.t(
            "goal.merged", entity=entity.name(self.lang), successor=self.entities[new].name(self.lang),
            date=when.strftime("%d/%m/%Y"), year=int(goal.target_year), status=self.status_word("no_data")))

    def provisional(self, goal, latest: int) -> str:
        base = _num(goal.base_year)
        years = [y for y in range(latest, (int(base) if base is not None else 0), -1)
                 if goal.component == ALL_COMPONENTS or self.point(goal, y) is not None]
        if GOAL_KINDS[goal.kind].from_base and base is not None and not years:
            return self.t("goal.no_provisional", base_year=int(base))
        if not years:
            return ""
        result = self.judge(goal, years[0])
        inner = result.detail[:1].lower() + result.detail[1:]
        return self.t("goal.provisional", latest=years[0], detail=inner)

    def judge(self, goal, year: int) -> Result:
        return getattr(self, GOAL_KINDS[goal.kind].judge)(goal, year)

    def missing(self, goal, years: list[int], need_rank: bool) -> Result | None:
        points = {y: self.point(goal, y) for y in years}
        absent = [y for y, p in points.items() if p is None or p.value is None and not need_rank]
        if absent:
            return Result("no_data", detail=self.t("goal.no_data_years", years=self.years(absent),
                                                   status=self.status_word("no_data")))
        if need_rank:
            unranked = [y for y, p in points.items() if p.rank is None or p.rank_of is None]
            if unranked:
                return Result("no_data", detail=self.t("goal.no_rank", years=self.years(unranked),
                                                       status=self.status_word("no_data")))
        return None

    def rank_up(self, goal, year: int) -> Result:
        base_year = int(goal.base_year)
        gap_result = self.missing(goal, [base_year, year], need_rank=True)
        if gap_result:
            return gap_result
        base, now = self.point(goal, base_year), self.point(goal, year)
        places = int(goal.target)
        wanted = base.rank - places
        if base.rank_of == now.rank_of:
            need_rank = max(1, wanted)
            actual = float(base.rank - now.rank)
        else:
            need_pct = percentile(max(1, wanted), base.rank_of)
            need_rank = max(1, math.floor(now.rank_of - need_pct * (now.rank_of - 1) + EPS))
            actual = round((percentile(now.rank, now.rank_of) - percentile(base.rank, base.rank_of))
                           * (base.rank_of - 1), 1)
        met = now.rank <= need_rank
        status = "met" if met else "not_met"
        distance, gap = (0.0, "") if met else self.rank_gap(goal, year, need_rank, now.value)
        places_text = format_number(abs(actual), self.lang, 0 if actual.is_integer() else 1)
        if actual > EPS:
            change = self.t("goal.up", n=places_text)
        elif actual < -EPS:
            change = self.t("goal.down", n=places_text)
        else:
            change = self.t("goal.same")
        first = self.t("goal.already_first") if wanted < 1 and now.rank == 1 else ""
        params = dict(year=year, rank=now.rank, of=now.rank_of, change=change, base_year=base_year,
                      base_rank=base.rank, base_of=base.rank_of, target=places, need_rank=need_rank, first=first,
                      status=self.status_word(status), gap=gap)
        if base.rank_of == now.rank_of:
            detail = self.t("goal.rank_up", **params)
        else:
            detail = self.t("goal.rank_up_percentile", pct=self.pct(percentile(now.rank, now.rank_of)),
                            base_pct=self.pct(percentile(base.rank, base.rank_of)),
                            need_pct=self.pct(percentile(max(1, wanted), base.rank_of)),
                            merger=self.merger_between(goal, base_year, year), **params)
        return Result(status, actual, distance, detail)

    def rank_at_most(self, goal, year: int) -> Result:
        gap_result = self.missing(goal, [year], need_rank=True)
        if gap_result:
            return gap_result
        now = self.point(goal, year)
        need_rank = int(goal.target)
        met = now.rank <= need_rank
        status = "met" if met else "not_met"
        distance, gap = (0.0, "") if met else self.rank_gap(goal, year, need_rank, now.value)
        detail = self.t("goal.rank_at_most", year=year, rank=now.rank, of=now.rank_of, target=need_rank,
                        status=self.status_word(status), gap=gap)
        return Result(status, float(now.rank), distance, detail)

    def value_at_least(self, goal, year: int) -> Result:
        gap_result = self.missing(goal, [year], need_rank=False)
        if gap_result:
            return gap_result
        value = self.point(goal, year).value
        target = float(goal.target)
        met = value >= target - EPS
        status = "met" if met else "not_met"
        distance = 0.0 if met else target - value
        gap = "" if met else self.t("goal.value_gap", distance=format_number(distance, self.lang),
                                    unit=self.points_unit(goal))
        detail = self.t("goal.value_at_least", year=year, value=self.value_text(goal, value),
                        target=self.target_text(goal, target), status=self.status_word(status), gap=gap)
        return Result(status, value, distance, detail)

    def series(self, goal, component: str, base_year: int, year: int) -> tuple[dict, list[int], list[int], int]:
        """Values by year, years that did not rise, years missing, and how many rose."""
        values = {}
        for y in range(base_year, year + 1):
            p = self.point(goal, y, component)
            values[y] = p.value if p is not None else None
        fell, rose = [], 0
        for y in range(base_year + 1, year + 1):
            a, b = values[y - 1], values[y]
            if a is None or b is None:
                continue
            if b > a + EPS:
                rose += 1
            else:
                fell.append(y)
        missing = [y for y, v in values.items() if v is None]
        return values, fell, missing, rose

    def yoy_increase(self, goal, year: int) -> Result:
        base_year = int(goal.base_year) if _num(goal.base_year) is not None else year - 1
        if goal.component == ALL_COMPONENTS:
            return self.yoy_components(goal, base_year, year)
        values, fell, missing, rose = self.series(goal, goal.component, base_year, year)
        checked = year - base_year
        series = " → ".join(f"{format_number(v, self.lang) if v is not None else '—'} ({y})"
                            for y, v in values.items())
        distance = None
        if fell:
            status = "not_met"
            summary = self.t("goal.yoy_fell", years=self.years(fell), rose=rose, checked=checked)
            distance = max(0.0, values[fell[0] - 1] - values[fell[0]])
        elif missing:
            status = "no_data"
            summary = self.t("goal.yoy_missing", years=self.years(missing))
        else:
            status = "met"
            summary = self.t("goal.yoy_all_rose", rose=rose, checked=checked)
            distance = 0.0
        detail = self.t("goal.yoy", base_year=base_year, year=year, series=series, summary=summary,
                        status=self.status_word(status))
        return Result(status, float(rose), distance, detail)

    def yoy_components(self, goal, base_year: int, year: int) -> Result:
        years = range(base_year, year + 1)
        comps: list[ComponentDef] = [c for c in self.catalog.components_in(goal.index, year)
                                     if c.parent_code is None and all(c.valid_in(y) for y in years)]
        if not comps:
            return Result("no_data", detail=self.t("goal.no_data_years", years=f"{base_year}–{year}",
                                                   status=self.status_word("no_data")))
        fell_items, missing_items, all_rose = [], [], 0
        for c in comps:
            _values, fell, missing, _rose = self.series(goal, c.code, base_year, year)
            if fell:
                fell_items.append(f"{c.name(self.lang)} ({self.years(fell)})")
            elif missing:
                missing_items.append(f"{c.name(self.lang)} ({self.years(missing)})")
            else:
                all_rose += 1
        status = "not_met" if fell_items else "no_data" if missing_items else "met"
        detail = self.t("goal.yoy_components", base_year=base_year, year=year, checked=len(comps), rose=all_rose,
                        fell=self.t("goal.yoy_components_fell", items="; ".join(fell_items)) if fell_items else "",
                        missing=self.t("goal.yoy_components_missing", items="; ".join(missing_items))
                        if missing_items else "", status=self.status_word(status))
        return Result(status, float(all_rose), None, detail)


def evaluate_goals(store: Store, lang: str = "vi") -> pd.DataFrame:
    """Every goal with its status (met / not_met / no_data), actual, distance and a sentence saying why."""
    goals = list_goals(store, lang)
    if goals.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in RESULT_COLUMNS})
    evaluator = _Evaluator(store, lang)
    results = [evaluator.evaluate(g) for g in goals.itertuples(index=False)]
    for r in results:
        if r.status == "no_data":  # numbers from a partial series would read as a verdict
            r.actual = r.distance = None
    out = goals[["index", "component", "entity_code", "entity_name", "kind", "target",
                 "base_year", "target_year", "id", "sample"]].copy()
    out["goal"] = [statement(g, evaluator.catalog, lang) for g in goals.itertuples(index=False)]
    out["sample"] = out["sample"].astype(bool)
    out["actual"] = [r.actual for r in results]
    out["status"] = [r.status for r in results]
    out["detail"] = [r.detail for r in results]
    out["distance"] = [r.distance for r in results]
    out["actual"] = out["actual"].astype("float64")
    out["distance"] = out["distance"].astype("float64")
    out["base_year"] = out["base_year"].astype("Int64")
    out["target_year"] = out["target_year"].astype("Int64")
    return out[RESULT_COLUMNS].reset_index(drop=True)

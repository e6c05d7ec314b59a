"""Read the plan's spreadsheets — the plan (indicators and targets, the reporting calendar), the units' results and
the tasks — into a `Change` (reformdash.plan.model), with the importer's discipline: the header is found by its
words (Vietnamese with or without diacritics, or English), every rejection names file, sheet, row, column and value,
unknown columns are listed, units are matched only among the parent's units, and nothing is written here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pandas as pd

from reformdash.catalog import Catalog
from reformdash.errors import ImportRejected, Problem
from reformdash.ingest.layout import column_letter
from reformdash.ingest.read import Sheet, read_workbook
from reformdash.ingest.validate import unit_code
from reformdash.plan import kinds
from reformdash.plan.model import Change, load
from reformdash.plan.periods import Period, parse_period
from reformdash.registry import Registry
from reformdash.store import Store
from reformdash.text import clean, is_missing, name_key, parse_int, parse_number, strip_accents, words
from reformdash.words import CATALOG, format_number, t
from reformdash.words.plan import RANK_UNIT

# Header words (folded by text.words) of each column, best first.
PLAN_FIELDS: dict[str, tuple[str, ...]] = {
    "code": ("ma chi tieu", "ma", "ma so", "indicator code", "code", "ky hieu"),
    "name_vi": ("ten chi tieu", "chi tieu", "noi dung chi tieu", "noi dung", "indicator", "indicator name",
                "ten chi tieu tieng viet"),
    "name_en": ("ten tieng anh", "ten chi tieu tieng anh", "english name", "name en"),
    "unit": ("don vi tinh", "dvt", "don vi do", "unit", "unit of measure"),
    "kind": ("loai muc tieu", "loai", "kieu muc tieu", "kind", "target kind"),
    "target": ("muc tieu", "gia tri muc tieu", "chi tieu nam", "muc tieu nam", "target", "target value"),
    "base_year": ("nam goc", "nam co so", "so voi nam", "base year"),
    "year": ("nam", "nam ke hoach", "nam thuc hien", "year", "plan year"),
    "period": ("ky", "ky muc tieu", "period"),
    "owner": ("don vi chu tri", "chu tri", "co quan chu tri", "phong chu tri", "responsible office", "owner"),
    "applies": ("ap dung cho", "don vi thuc hien", "doi tuong ap dung", "pham vi ap dung", "applies to"),
    "entity": ("don vi", "muc tieu rieng cua don vi", "ten don vi", "unit name", "entity"),
    "aggregation": ("cach tong hop", "tong hop", "phuong phap tong hop", "aggregation"),
    "report": ("ky bao cao", "bao cao", "reporting periods", "report periods"),
    "direction": ("chieu", "chieu tot", "huong tot", "direction"),
    "numerator": ("tu so", "dinh nghia tu so", "numerator"),
    "denominator": ("mau so", "dinh nghia mau so", "denominator"),
    "component": ("chi so lien quan", "chi so thanh phan", "lien ket chi so", "component", "index component"),
    "ignore": ("stt", "tt", "so thu tu", "ghi chu", "note", "notes"),
}
RESULT_FIELDS: dict[str, tuple[str, ...]] = {
    "code": ("ma chi tieu", "ma", "indicator code", "code"),
    "name": ("ten chi tieu", "chi tieu", "noi dung", "indicator"),
    "entity": ("don vi", "ten don vi", "don vi bao cao", "co quan don vi", "unit", "entity"),
    "period": ("ky", "ky bao cao", "period", "quy", "thoi gian"),
    "value": ("gia tri", "ket qua", "ket qua thuc hien", "thuc hien", "so lieu", "value", "actual", "ty le"),
    "numerator": ("tu so", "numerator"),
    "denominator": ("mau so", "denominator"),
    "received": ("ngay gui", "ngay bao cao", "ngay nhan", "received", "received on", "date sent"),
    "ignore": ("stt", "tt", "so thu tu", "ghi chu", "note", "don vi tinh", "dvt", "muc tieu", "unit of measure"),
}
TASK_FIELDS: dict[str, tuple[str, ...]] = {
    "code": ("ma nhiem vu", "ma", "stt", "tt", "so thu tu", "code", "task code"),
    "content": ("nhiem vu", "noi dung nhiem vu", "noi dung", "ten nhiem vu", "task", "content"),
    "owner": ("don vi chu tri", "chu tri", "co quan chu tri", "responsible unit", "owner"),
    "cooperating": ("don vi phoi hop", "phoi hop", "co quan phoi hop", "cooperating units", "cooperating"),
    "due": ("thoi gian", "thoi han", "thoi gian hoan thanh", "thoi han hoan thanh", "han", "due", "deadline"),
    "status": ("tinh trang", "trang thai", "tien do thuc hien", "status"),
    "year": ("nam", "year"),
    "component": ("chi so lien quan", "chi so thanh phan", "lien ket chi so", "component", "index component"),
    "note": ("ghi chu tien do", "tien do", "cap nhat tien do", "progress note", "progress"),
    "note_date": ("ngay cap nhat", "ngay ghi chu", "note date"),
    "ignore": ("ghi chu", "note", "san pham", "ket qua dau ra", "output"),
}
DUE_FIELDS: dict[str, tuple[str, ...]] = {
    "kind": ("ky bao cao", "loai bao cao", "bao cao", "report", "period kind"),
    "due": ("han", "han gui", "han bao cao", "thoi han", "due", "deadline"),
    "ignore": ("stt", "tt", "ghi chu", "note"),
}
REQUIRED = {"plan": ("name_vi", "target"), "results": ("entity",), "tasks": ("content",), "due": ("kind", "due")}
WHAT = {"plan": "plan.what.plan", "results": "plan.what.results", "tasks": "plan.what.tasks", "due": "plan.what.due"}
_RECURRING = re.compile(r"thuong xuyen|hang (nam|quy|thang)|lien tuc|ongoing|continuous|regular")
_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_DAY_MONTH = re.compile(r"^(?:ngay\s*)?(\d{1,2})\s*(?:/|-|thang)\s*(\d{1,2})$")
_QUARTER_RULE = re.compile(r"ngay\s*(\d{1,2})\s*(?:cua\s*)?thang\s*(cuoi|thu (\d)|dau)\s*(?:cua\s*)?(quy|ky)"
                           r"(\s*sau|\s*tiep theo)?")
_TITLE_UNIT = re.compile(r"^\s*(?:don vi|co quan|don vi bao cao)\s*:\s*(.+)$")
YEARS_BACK, YEARS_AHEAD = 15, 10


def field_name(field: str, lang: str = "vi") -> str:
    """The column a rejection names for a field («Mã chỉ tiêu»); the field itself when it has no name."""
    key = f"plan.field.{field}"
    return t(key, lang) if key in CATALOG else field


@dataclass
class Options:
    """What the caller says about a file (the CLI's flags, the page's choices)."""

    parent: str | None = None
    create_units: bool = False
    period: str | None = None  # results: the period of rows that do not state one
    year: int | None = None  # plan and tasks: the year of rows that do not state one
    lang: str = "vi"
    today: dt.date | None = None


@dataclass
class Table:
    """A table found in a sheet: its header row and the column of each field."""

    sheet: Sheet
    header_row: int
    columns: dict[str, int]
    unknown: list[str]


def _cell_words(cell: object) -> str:
    return "" if is_missing(cell) else re.sub(r"^\d+\s+|\s+\d+$", "", words(cell)).strip()


def find_table(sheet: Sheet, fields: dict[str, tuple[str, ...]], required: tuple[str, ...],
               limit: int = 30) -> Table | None:
    """The first row naming the required fields, and the column of each field it names."""
    for r, row in enumerate(sheet.rows[:limit]):
        keys = [_cell_words(c) for c in row]
        columns: dict[str, int] = {}
        taken: set[int] = set()
        for exact in (True, False):  # exact names first, then a name followed by a unit: «Mục tiêu năm 2026 (%)»
            for field, names in fields.items():
                if field in columns:
                    continue
                for name in names:
                    hits = [c for c, k in enumerate(keys) if c not in taken and k and (
                        k == name if exact else (k.startswith(name + " ") and len(name.split()) >= 2))]
                    if hits:
                        columns[field] = hits[0]
                        taken.add(hits[0])
                        break
        if all(f in columns for f in required):
            ignore = columns.pop("ignore", None)
            unknown = [f"{column_letter(c)} ({clean(row[c])})" for c, k in enumerate(keys)
                       if k and c not in taken and c != ignore and not _all_blank(sheet.rows[r + 1:], c)]
            return Table(sheet, r, columns, unknown)
    return None


def _all_blank(rows: list[list], col: int) -> bool:
    return all(is_missing(row[col]) if col < len(row) else True for row in rows)


class Reader:
    """Validates rows, collecting every problem with its place (all are reported together)."""

    def __init__(self, store: Store, file_name: str, options: Options):
        self.store, self.file_name, self.options, self.lang = store, file_name, options, options.lang
        self.registry = Registry.load(store)
        self.catalog = Catalog.load(store)
        self.problems: list[Problem] = []
        self.notes: list[str] = []
        self.new_units: dict[str, dict] = {}
        self.today = options.today or dt.date.today()
        self.parent = self._parent()

    # places and problems ------------------------------------------------------------------------------------------
    def problem(self, key: str, table: Table | None, row: int | None, field: str | None, value: object = None,
                **params) -> None:
        column = None
        if table is not None and field in table.columns:
            c = table.columns[field]
            column = f"{column_letter(c)} ({clean(table.sheet.rows[table.header_row][c])})"
        shown = None if is_missing(value) else value
        self.problems.append(Problem(key, self.file_name, table.sheet.name if table else None, row, column, shown,
                                     params))

    def blank(self, table: Table, row: int, field: str) -> None:
        self.problem("plan.blank", table, row, field, what=field_name(field, self.lang))

    def raise_if_any(self) -> None:
        if self.problems:
            raise ImportRejected(self.problems, self.lang)

    # the parent and its units -------------------------------------------------------------------------------------
    def _parent(self) -> str | None:
        text = self.options.parent
        if text:
            code = text if text in self.registry.entities else self.registry.resolve(
                text, ("province", "ministry", "unit"))
            if code is None:  # an entity registered without aliases, by its name
                code = next((e.code for e in self.registry.entities.values() if name_key(e.name_vi) == name_key(
                    text)), None)
            if code is None:
                self.problems.append(Problem("plan.unknown_parent", self.file_name, value=text))
            return code
        from reformdash.plan.model import parents

        known = parents(self.store)["code"].tolist()
        return known[0] if len(known) == 1 else None

    def parent_name(self) -> str:
        e = self.registry.entities.get(self.parent or "")
        return e.name(self.lang) if e else str(self.parent)

    def unit(self, text: object, table: Table, row: int, field: str = "entity") -> str | None:
        """A unit among the parent's (or the parent itself); a new one with create_units; else a problem."""
        if is_missing(text):
            self.blank(table, row, field)
            return None
        if self.parent and name_key(text) in (name_key(self.parent), *[
                name_key(a) for a in self._parent_names()]):
            return self.parent
        code = self._own_unit(text)
        if code is not None:
            return code
        for new in self.new_units.values():
            if name_key(new["name_vi"]) == name_key(text):
                return new["code"]
        if self.options.create_units and self.parent:
            name = " ".join(clean(text).split())
            code = unit_code(self.parent, name, self.registry, self.new_units)
            self.new_units[code] = {"code": code, "name_vi": name, "parent_code": self.parent}
            self.notes.append(t("plan.note.new_unit", self.lang, name=name))
            return code
        units = [e.name_vi for e in self.registry.entities.values() if e.kind == "unit"
                 and e.parent_code == self.parent]
        from rapidfuzz import fuzz, process

        hits = process.extract(str(text), units, scorer=fuzz.WRatio, limit=2, score_cutoff=70)
        hint = t("plan.did_you_mean", self.lang, names=", ".join(h[0] for h in hits)) if hits else ""
        self.problem("plan.unknown_unit", table, row, field, text, parent=self.parent_name(), hint=hint)
        return None

    def _own_unit(self, text: object) -> str | None:
        """A unit of the parent by alias, code or name (units registered without aliases are matched by name)."""
        code = self.registry.resolve(text, ("unit",), parent=self.parent)
        if code is not None and self.registry.entities[code].parent_code == self.parent:
            return code
        key = name_key(text)
        for e in self.registry.entities.values():
            if e.kind == "unit" and e.parent_code == self.parent and key in (name_key(e.name_vi), name_key(e.code)):
                return e.code
        return None

    def _parent_names(self) -> list[str]:
        e = self.registry.entities.get(self.parent or "")
        return [e.name_vi, e.name_en or e.name_vi] if e else []

    # cells ----------------------------------------------------------------------------------------------------------
    def number(self, cell: object, table: Table, row: int, field: str) -> float | None:
        try:
            return parse_number(cell)
        except ValueError:
            self.problem("plan.bad_number", table, row, field, cell)
            return None

    def year(self, cell: object, table: Table, row: int, field: str) -> int | None:
        try:
            year = parse_int(cell)
        except ValueError:
            self.problem("plan.bad_year", table, row, field, cell, low=self.today.year - YEARS_BACK,
                         high=self.today.year + YEARS_AHEAD)
            return None
        low, high = self.today.year - YEARS_BACK, self.today.year + YEARS_AHEAD
        if year is not None and not low <= year <= high:
            self.problem("plan.bad_year", table, row, field, cell, low=low, high=high)
            return None
        return year

    def date(self, cell: object, table: Table, row: int, field: str) -> dt.date | None:
        if is_missing(cell):
            return None
        if isinstance(cell, dt.datetime):
            return cell.date()
        if isinstance(cell, dt.date):
            return cell
        text = str(cell).strip()
        hit = _DATE.match(text)
        try:
            if hit:
                return dt.date(int(hit.group(3)), int(hit.group(2)), int(hit.group(1)))
            return dt.date.fromisoformat(text[:10])
        except ValueError:
            self.problem("plan.bad_date", table, row, field, cell)
            return None

    def period(self, cell: object, table: Table, row: int, field: str = "period") -> Period | None:
        try:
            return parse_period(cell)
        except ValueError:
            self.problem("plan.bad_period", table, row, field, cell)
            return None

    def rows(self, table: Table):
        """(spreadsheet row number, {field: cell}) of the non-blank rows under the header."""
        for offset, row in enumerate(table.sheet.rows[table.header_row + 1:]):
            cells = {f: (row[c] if c < len(row) else "") for f, c in table.columns.items()}
            if all(is_missing(v) for v in cells.values()):
                continue
            yield table.header_row + offset + 2, cells

    def note_unknown(self, table: Table) -> None:
        if table.unknown:
            self.notes.append(t("plan.note.unknown_columns", self.lang, sheet=table.sheet.name,
                                columns=", ".join(table.unknown)))


def _sheets(data: bytes, file_name: str) -> list[Sheet]:
    return read_workbook(data, file_name)


def _require_parent(reader: Reader) -> None:
    if reader.parent is None and not reader.problems:
        reader.problems.append(Problem("plan.no_parent", reader.file_name))
    reader.raise_if_any()


def _no_table(reader: Reader, kind: str) -> ImportRejected:
    fields = {"plan": PLAN_FIELDS, "results": RESULT_FIELDS, "tasks": TASK_FIELDS}[kind]
    columns = ", ".join(f"«{field_name(f, reader.lang)}»" for f in REQUIRED[kind] if f in fields)
    return ImportRejected([Problem("plan.no_header", reader.file_name, params={
        "what": t(WHAT[kind], reader.lang), "columns": columns})], reader.lang)


# the plan ----------------------------------------------------------------------------------------------------------
def read_plan(store: Store, data: bytes, file_name: str, options: Options | None = None) -> Change:
    """Indicators and targets (and a «Lịch báo cáo» calendar or a tasks table when the workbook has them)."""
    options = options or Options()
    reader = Reader(store, file_name, options)
    _require_parent(reader)
    sheets = _sheets(data, file_name)
    change = Change("plan", file_name, data, reader.parent)
    plan_tables, task_tables, due_tables = [], [], []
    for sheet in sheets:
        found = find_table(sheet, PLAN_FIELDS, REQUIRED["plan"])
        if found:
            plan_tables.append(found)
            continue
        found = find_table(sheet, TASK_FIELDS, REQUIRED["tasks"])
        if found:
            task_tables.append(found)
            continue
        found = find_table(sheet, DUE_FIELDS, REQUIRED["due"])
        if found:
            due_tables.append(found)
        elif any(any(not is_missing(c) for c in row) for row in sheet.rows):
            reader.notes.append(t("plan.note.skipped_sheet", reader.lang, sheet=sheet.name))
    if not plan_tables:
        raise _no_table(reader, "plan")
    indicators, targets = [], []
    for table in plan_tables:
        reader.note_unknown(table)
        _plan_rows(reader, table, indicators, targets)
    dues = [d for table in due_tables for d in _due_rows(reader, table)]
    tasks, notes = [], []
    for table in task_tables:
        reader.note_unknown(table)
        _task_rows(reader, table, tasks, notes)
    reader.raise_if_any()
    change.frames = {"indicator": pd.DataFrame(indicators), "target": pd.DataFrame(targets)}
    if dues:
        change.frames["due"] = pd.DataFrame(dues)
    if tasks:
        change.frames["task"] = pd.DataFrame(tasks)
        change.frames["note"] = pd.DataFrame(notes, columns=["parent_code", "year", "task_code", "note_date", "text",
                                                             "user_name"])
    change.sheets = ", ".join(tb.sheet.name for tb in plan_tables + due_tables + task_tables)
    change.new_units, change.notes = list(reader.new_units.values()), reader.notes
    return change


def _aggregation(text: object) -> str | None:
    if is_missing(text):
        return None
    found = kinds.vocabulary("aggregation").get(words(text))
    if found:
        return found[0]
    folded = words(text)
    if "tu so" in folded or "mau so" in folded:
        return "ratio"
    if "don vi dat" in folded:
        return "share_of_units"
    return None


def _direction(text: object) -> bool | None:
    folded = words(text)
    if re.search(r"thap|giam|lower|less|smaller|min", folded):
        return False
    if re.search(r"cao|tang|higher|more|larger|max", folded):
        return True
    return None


def direction_cell(reader: Reader, table: Table, row: int, cells: dict) -> bool | None:
    """The «Chiều» cell: True (higher is better) or False; None when blank or not understood (then a problem)."""
    if is_missing(cells.get("direction")):
        return None
    found = _direction(cells["direction"])
    if found is None:
        reader.problem("plan.unknown_direction", table, row, "direction", cells["direction"])
    return found


def aggregation_cell(reader: Reader, table: Table, row: int, cells: dict) -> str | None:
    """The «Cách tổng hợp» cell as a code; None when blank or not understood (then a problem)."""
    aggregation = _aggregation(cells.get("aggregation"))
    if aggregation is None and not is_missing(cells.get("aggregation")):
        reader.problem("plan.unknown_aggregation", table, row, "aggregation", cells["aggregation"])
    return aggregation


def unit_cell(cell: object) -> str:
    """The «Đơn vị tính» cell by the vocabulary («tỷ lệ» -> %); % when blank."""
    return "%" if is_missing(cell) else kinds.vocabulary("unit").get(words(cell), (clean(cell), ""))[0]


def target_cell(reader: Reader, table: Table, row: int, cells: dict, unit: str,
                higher: bool) -> kinds.Parsed | None:
    """The «Loại mục tiêu» and «Mục tiêu» cells by the kinds registry; None (and a problem) when no kind is told."""
    parsed = kinds.parse_target(cells.get("kind"), cells.get("target"), percent=unit == "%", higher_is_better=higher)
    if parsed is None:
        if is_missing(cells.get("kind")) and is_missing(cells.get("target")):
            reader.blank(table, row, "target")
        else:
            reader.problem("plan.unknown_kind", table, row, "kind" if "kind" in table.columns else "target",
                           cells.get("kind") if not is_missing(cells.get("kind")) else cells.get("target"))
    return parsed


def check_target(reader: Reader, table: Table, row: int, cells: dict, parsed: kinds.Parsed, year: int) -> int | None:
    """The target's base year (the «Năm gốc» cell, the wording's, else the year before for a change), with the
    problems of a target that cannot be judged (no number, no level for a share of units, a base not before)."""
    base_year = parsed.base_year
    if not is_missing(cells.get("base_year")):
        base_year = reader.year(cells["base_year"], table, row, "base_year")
    if parsed.kind in ("increase_by", "decrease_by") and base_year is None:
        base_year = year - 1
    if parsed.kind == "every_year_higher":
        base_year = base_year or year - 1
    if base_year is not None and base_year >= year:
        reader.problem("plan.base_after", table, row, "base_year", base_year, year=year)
    if kinds.KINDS[parsed.kind].needs_target and parsed.target is None:
        reader.problem("plan.no_target_number", table, row, "target", cells.get("target"))
    if parsed.kind == "share_of_units_reaching" and parsed.threshold is None:
        reader.problem("plan.no_threshold", table, row, "target", cells.get("target"))
    if parsed.target_high is not None:
        text = clean(f"{'' if is_missing(cells.get('kind')) else cells['kind']} {cells.get('target', '')}")
        reader.notes.append(t("plan.note.range", reader.lang, row=row, text=text))
    return base_year


def target_row(parent: str, code: str, entity: str, period: str, parsed: kinds.Parsed, base_year: int | None,
               unit: str, raw_target: object) -> dict:
    """An indicator_target row (its text: the plan's own wording, else the kind's)."""
    text = clean(raw_target) if isinstance(raw_target, str) and not is_missing(raw_target) else ""
    return {"parent_code": parent, "indicator_code": code, "entity_code": entity, "period": period,
            "kind": parsed.kind, "target": parsed.target, "target_high": parsed.target_high,
            "strict": parsed.strict, "by_unit": parsed.by_unit, "base_year": base_year,
            "threshold": parsed.threshold, "threshold_strict": parsed.threshold_strict,
            "text": text or kinds.export_label(parsed, "vi", unit if parsed.kind != "share_of_units_reaching" else "")}


def _plan_rows(reader: Reader, table: Table, indicators: list[dict], targets: list[dict]) -> None:
    parent = reader.parent
    seen_codes: dict[str, int] = {}
    seen_targets: dict[tuple, int] = {}
    order = len(indicators)
    for row, cells in reader.rows(table):
        before = len(reader.problems)
        code = None if is_missing(cells.get("code")) else clean(cells["code"])
        year = reader.year(cells.get("year"), table, row, "year") if not is_missing(cells.get("year")) \
            else reader.options.year
        if year is None and not is_missing(cells.get("year")):
            continue
        if year is None:
            year = reader.today.year
        period = str(year)
        if not is_missing(cells.get("period")):
            p = reader.period(cells["period"], table, row)
            if p is not None:
                if p.year != year and not is_missing(cells.get("year")):
                    reader.problem("plan.bad_period", table, row, "period", cells["period"])
                period, year = p.code, p.year
        entity = parent
        if not is_missing(cells.get("entity")):
            entity = reader.unit(cells["entity"], table, row)
        # the indicator (its first row defines it; a later row with a unit is that unit's own target)
        unit = unit_cell(cells.get("unit"))
        new_indicator = code is None or code not in seen_codes
        if code is None:
            code = f"CT{order + 1:02d}"
        if new_indicator:
            if is_missing(cells.get("name_vi")):
                reader.blank(table, row, "name_vi")
            aggregation = aggregation_cell(reader, table, row, cells)
            direction = direction_cell(reader, table, row, cells)
            higher = direction if direction is not None else True
        parsed = target_cell(reader, table, row, cells, unit, higher if new_indicator else True)
        if parsed is None:
            continue
        if new_indicator:
            if not is_missing(cells.get("direction")):
                pass
            elif parsed.kind in ("decrease_by", "at_most"):
                higher = False  # «giảm 3% biên chế», «không quá 5 ngày»: smaller is better
            elif parsed.by_unit == "places" or unit == RANK_UNIT:
                higher = False  # a rank: a smaller number is a better place
            if aggregation is None:
                aggregation = "share_of_units" if parsed.kind == "share_of_units_reaching" else \
                    "ratio" if not is_missing(cells.get("numerator")) else "mean"
        base_year = check_target(reader, table, row, cells, parsed, year)
        if len(reader.problems) > before or entity is None:
            continue
        if new_indicator:
            seen_codes[code] = row
            order += 1
            applies = "*"
            if not is_missing(cells.get("applies")) and not re.search(r"tat ca|toan bo|all|moi don vi",
                                                                       words(cells["applies"])):
                codes = [reader.unit(p, table, row, "applies") for p in re.split(r"[;\n]", str(cells["applies"]))
                         if p.strip()]
                applies = "|".join(c for c in codes if c)
            index_code = component_code = None
            if not is_missing(cells.get("component")):
                index_code, component_code = _component(reader, cells["component"], table, row, year)
            report = "Q,H,Y"
            if not is_missing(cells.get("report")):
                report = _report_kinds(cells["report"]) or report
            indicators.append({
                "parent_code": parent, "code": code, "name_vi": clean(cells.get("name_vi", "")),
                "name_en": None if is_missing(cells.get("name_en")) else clean(cells["name_en"]), "unit": unit,
                "higher_is_better": higher, "aggregation": aggregation,
                "numerator_vi": None if is_missing(cells.get("numerator")) else clean(cells["numerator"]),
                "denominator_vi": None if is_missing(cells.get("denominator")) else clean(cells["denominator"]),
                "owner": None if is_missing(cells.get("owner")) else clean(cells["owner"]),
                "applies_to": applies, "report_kinds": report, "index_code": index_code,
                "component_code": component_code, "sort_order": order})
        key = (code, entity, period)
        if key in seen_targets:
            reader.problem("plan.duplicate", table, row, "code", code, other_row=seen_targets[key],
                           what=f"{code}, {period}")
            continue
        seen_targets[key] = row
        targets.append(target_row(parent, code, entity, period, parsed, base_year, unit, cells.get("target")))


def _report_kinds(text: object) -> str | None:
    """«quý, 6 tháng, năm» -> "Q,H,Y" (the kinds of period a unit reports)."""
    folded = words(text)
    found = []
    if re.search(r"6 thang|sau thang|nua nam|half", folded):
        found.append("H")
        folded = re.sub(r"6 thang( dau nam| cuoi nam)?|sau thang|nua nam|half", " ", folded)
    for kind, pattern in (("M", r"thang|month"), ("Q", r"quy|quarter"), ("Y", r"\bnam\b|year|annual")):
        if re.search(pattern, folded):
            found.append(kind)
    return ",".join(k for k in ("M", "Q", "H", "Y") if k in found) or None


def _component(reader: Reader, cell: object, table: Table, row: int, year: int) -> tuple[str | None, str | None]:
    """«PCI - Tính minh bạch» -> (PCI, its component code); a problem when the index or component is unknown."""
    text = clean(cell)
    parts = re.split(r"\s*[-–:/·]\s*", text, maxsplit=1)
    index_code = reader.catalog.find_index(parts[0])
    if index_code is None:
        reader.problem("plan.unknown_component", table, row, "component", cell)
        return None, None
    if len(parts) == 1:
        return index_code, ""
    comp = reader.catalog.component(index_code, parts[1])
    if comp is None:
        reader.problem("plan.unknown_component", table, row, "component", cell)
        return None, None
    return index_code, comp.code


def _due_rows(reader: Reader, table: Table) -> list[dict]:
    out = []
    for row, cells in reader.rows(table):
        kind = _report_kinds(cells["kind"])
        rule = parse_due_rule(cells["due"], kind.split(",")[0] if kind and "," not in kind else kind)
        if kind is None or "," in kind or rule is None:
            reader.problem("plan.bad_due_rule", table, row, "due" if kind and "," not in kind else "kind",
                           cells["due"] if kind and "," not in kind else cells["kind"])
            continue
        out.append({"parent_code": reader.parent, "period_kind": kind, "month_in_period": rule[0], "day": rule[1]})
    return out


def parse_due_rule(cell: object, kind: str | None) -> tuple[int, int] | None:
    """(month_in_period, day) of a deadline's wording for a period kind: «ngày 2 tháng cuối quý» -> (3, 2);
    «2/6» for six months -> (6, 2); «15/11» for the year -> (11, 15); «15/1 năm sau» -> (13, 15)."""
    if kind is None or is_missing(cell):
        return None
    if isinstance(cell, (dt.date, dt.datetime)):
        cell = f"{cell.day}/{cell.month}"
    folded = strip_accents(str(cell)).strip()
    folded = re.sub(r"\s+", " ", folded)
    from reformdash.plan.periods import MONTHS

    length = MONTHS[kind]
    hit = _QUARTER_RULE.search(folded)
    if hit:
        day = int(hit.group(1))
        which = hit.group(2)
        month = length if which == "cuoi" else 1 if which == "dau" else int(hit.group(3))
        if hit.group(5):
            month += length
        return (month, day) if 1 <= day <= 31 else None
    hit = _DAY_MONTH.match(folded.replace(" nam sau", ""))
    if hit:
        day, month = int(hit.group(1)), int(hit.group(2))
        if not (1 <= day <= 31 and 1 <= month <= 12):
            return None
        if kind == "Y":
            return (month + 12 if "nam sau" in folded else month, day)
        if kind == "H":  # the first half's month; the second half's is six later
            return (month if month <= 6 else month - 6, day)
        return None
    return None


# results -----------------------------------------------------------------------------------------------------------
def read_results(store: Store, data: bytes, file_name: str, options: Options | None = None) -> Change:
    """Units' values for periods: one table for all units, or one sheet per unit (named by the sheet or a title)."""
    options = options or Options()
    reader = Reader(store, file_name, options)
    _require_parent(reader)
    plan = load(store, reader.parent)
    default_period = None
    if options.period:
        try:
            default_period = parse_period(options.period)
        except ValueError:
            raise ImportRejected([Problem("plan.bad_period", file_name, value=options.period)], reader.lang) from None
    by_name = {name_key(i.name_vi): c for c, i in plan.indicators.items()}
    rows: list[dict] = []
    seen: dict[tuple, tuple[str, int]] = {}
    used = []
    fractions = 0
    for sheet in _sheets(data, file_name):
        table = find_table(sheet, RESULT_FIELDS, ("value",)) or find_table(sheet, RESULT_FIELDS, ("numerator",))
        if table is None or ("code" not in table.columns and "name" not in table.columns):
            if any(any(not is_missing(c) for c in r) for r in sheet.rows):
                reader.notes.append(t("plan.note.skipped_sheet", reader.lang, sheet=sheet.name))
            continue
        used.append(table)
        reader.note_unknown(table)
        sheet_unit = None
        if "entity" not in table.columns:  # one sheet per unit: a title «Đơn vị: …», else the sheet's name
            title = next((m.group(1) for r in sheet.rows[:table.header_row] for c in r if not is_missing(c)
                          for m in [_TITLE_UNIT.match(strip_accents(str(c)))] if m), None)
            if title is not None:
                raw = next(str(c) for r in sheet.rows[:table.header_row] for c in r if not is_missing(c)
                           and _TITLE_UNIT.match(strip_accents(str(c))))
                title = raw.split(":", 1)[1].strip()
            sheet_unit = reader.unit(title or sheet.name, table, None, "entity")
            if sheet_unit is None:
                continue
        for row, cells in reader.rows(table):
            before = len(reader.problems)
            code = None
            if not is_missing(cells.get("code")):
                code = clean(cells["code"])
                if code not in plan.indicators:
                    reader.problem("plan.unknown_indicator", table, row, "code", cells["code"],
                                   parent=reader.parent_name())
                    continue
            elif not is_missing(cells.get("name")):
                code = by_name.get(name_key(cells["name"]))
                if code is None:
                    reader.problem("plan.unknown_indicator", table, row, "name", cells["name"],
                                   parent=reader.parent_name())
                    continue
            else:
                reader.blank(table, row, "code")
                continue
            indicator = plan.indicators[code]
            entity = sheet_unit or reader.unit(cells.get("entity"), table, row)
            if is_missing(cells.get("period")):
                period = default_period
                if period is None:
                    reader.problem("plan.no_period", table, row, "period")
            else:
                period = reader.period(cells["period"], table, row)
            value = numerator = denominator = None
            raw = cells.get("value")
            if isinstance(raw, str) and not is_missing(raw) and kinds.tier_value(raw) is not None:
                value = kinds.tier_value(raw)
            elif not is_missing(raw):
                value = reader.number(raw, table, row, "value")
                if value is not None and indicator.unit == "%" and isinstance(raw, float) and 0 < value <= 1 \
                        and indicator.aggregation != "share_of_units":
                    value *= 100
                    fractions += 1
            if "numerator" in table.columns or "denominator" in table.columns:
                numerator = reader.number(cells.get("numerator"), table, row, "numerator")
                denominator = reader.number(cells.get("denominator"), table, row, "denominator")
                if (numerator is None) != (denominator is None):
                    reader.problem("plan.half_ratio", table, row, "numerator" if numerator is None else
                                   "denominator", cells.get("numerator") if numerator is not None else
                                   cells.get("denominator"))
                elif denominator is not None:
                    if denominator == 0:
                        reader.problem("plan.den_zero", table, row, "denominator", cells.get("denominator"))
                    elif indicator.unit == "%" and numerator > denominator:
                        reader.problem("plan.num_over_den", table, row, "numerator", cells.get("numerator"))
                    else:
                        ratio = numerator / denominator * (100 if indicator.unit == "%" else 1)
                        if value is not None and abs(value - ratio) > max(0.05, abs(ratio) * 0.001):
                            reader.problem("plan.ratio_differs", table, row, "value", raw,
                                           ratio=format_number(ratio, reader.lang, 2))
                        value = ratio
            if value is None and numerator is None and len(reader.problems) == before:
                if is_missing(raw):
                    reader.blank(table, row, "value")
            received = reader.date(cells.get("received"), table, row, "received")
            if received is not None and received > reader.today:
                reader.problem("plan.future_date", table, row, "received", cells.get("received"),
                               today=reader.today.strftime("%d/%m/%Y"))
            if len(reader.problems) > before or entity is None or period is None:
                continue
            if entity != reader.parent and entity not in reader.new_units and \
                    entity not in indicator.units(plan.units["code"].tolist()):
                reader.problem("plan.not_in_plan", table, row, "entity", cells.get("entity") or sheet.name)
                continue
            key = (code, entity, period.code)
            if key in seen:
                reader.problem("plan.duplicate", table, row, "code", code, other_row=seen[key][1],
                               what=f"{code}, {period.code}")
                continue
            seen[key] = (sheet.name, row)
            rows.append({"parent_code": reader.parent, "indicator_code": code, "entity_code": entity,
                         "period": period.code, "value": value, "numerator": numerator, "denominator": denominator,
                         "received_on": received})
    if not used:
        raise _no_table(reader, "results")
    if fractions:
        reader.notes.append(t("plan.note.fraction", reader.lang, row="…", cell="0–1",
                              percent=f"×100 ({fractions})"))
    reader.raise_if_any()
    change = Change("results", file_name, data, reader.parent, sheets=", ".join(tb.sheet.name for tb in used))
    change.frames = {"value": pd.DataFrame(rows, columns=["parent_code", "indicator_code", "entity_code", "period",
                                                          "value", "numerator", "denominator", "received_on"])}
    change.new_units, change.notes = list(reader.new_units.values()), reader.notes
    return change


# tasks -------------------------------------------------------------------------------------------------------------
def read_tasks(store: Store, data: bytes, file_name: str, options: Options | None = None) -> Change:
    """Tasks (nhiệm vụ) with their responsible and cooperating units, due time, status and progress notes."""
    options = options or Options()
    reader = Reader(store, file_name, options)
    _require_parent(reader)
    tasks, notes, used = [], [], []
    for sheet in _sheets(data, file_name):
        table = find_table(sheet, TASK_FIELDS, REQUIRED["tasks"])
        if table is None:
            continue
        used.append(table)
        reader.note_unknown(table)
        _task_rows(reader, table, tasks, notes)
    if not used:
        raise _no_table(reader, "tasks")
    reader.raise_if_any()
    change = Change("tasks", file_name, data, reader.parent, sheets=", ".join(tb.sheet.name for tb in used))
    change.frames = {"task": pd.DataFrame(tasks), "note": pd.DataFrame(notes, columns=[
        "parent_code", "year", "task_code", "note_date", "text", "user_name"])}
    change.new_units, change.notes = list(reader.new_units.values()), reader.notes
    return change


def _task_rows(reader: Reader, table: Table, tasks: list[dict], notes: list[dict]) -> None:
    seen: dict[tuple, int] = {}
    for row, cells in reader.rows(table):
        before = len(reader.problems)
        if is_missing(cells.get("content")):
            reader.blank(table, row, "content")
            continue
        content = clean(cells["content"])
        year = reader.year(cells.get("year"), table, row, "year") if not is_missing(cells.get("year")) else None
        due_date, due_period, recurring = None, None, False
        due = cells.get("due")
        if not is_missing(due):
            if isinstance(due, (dt.date, dt.datetime)) or _DATE.match(str(due).strip()):
                due_date = reader.date(due, table, row, "due")
            elif _RECURRING.search(words(due)):
                recurring = True
            else:
                text = str(due).strip()
                if year is not None and not re.search(r"\d{4}", text):
                    text = f"{text}/{year}"
                elif not re.search(r"\d{4}", text):
                    text = f"{text}/{reader.options.year or reader.today.year}"
                try:
                    due_period = parse_period(text).code
                except ValueError:
                    reader.problem("plan.bad_due", table, row, "due", due)
        if year is None:
            year = (due_date.year if due_date else int(due_period[:4]) if due_period else
                    reader.options.year or reader.today.year)
        owner_code = owner_text = None
        if not is_missing(cells.get("owner")):
            owner_text = clean(cells["owner"])
            owner_code = _quiet_unit(reader, owner_text)
        cooperating = "" if is_missing(cells.get("cooperating")) else "; ".join(
            clean(p) for p in re.split(r"[;\n]", str(cells["cooperating"])) if p.strip())
        status = "not_started"
        if not is_missing(cells.get("status")):
            found = kinds.vocabulary("task_status").get(words(cells["status"]))
            if found is None:
                reader.problem("plan.unknown_status", table, row, "status", cells["status"])
            else:
                status = found[0]
        index_code = component_code = None
        if not is_missing(cells.get("component")):
            index_code, component_code = _component(reader, cells["component"], table, row, year)
        code = None if is_missing(cells.get("code")) else clean(cells["code"])
        if code is None or re.fullmatch(r"\d+(\.0)?", code) and "code" in table.columns and words(
                table.sheet.rows[table.header_row][table.columns["code"]]) in ("stt", "tt", "so thu tu"):
            code = name_key(content)[:40] or f"NV{row}"
        if (year, code) in seen:
            reader.problem("plan.duplicate", table, row, "content", content, other_row=seen[(year, code)],
                           what=content[:40])
            continue
        seen[(year, code)] = row
        if len(reader.problems) > before:
            continue
        tasks.append({"parent_code": reader.parent, "year": year, "code": code, "content": content,
                      "owner_code": owner_code, "owner_text": owner_text, "cooperating": cooperating,
                      "due_date": due_date, "due_period": due_period, "recurring": recurring, "status": status,
                      "index_code": index_code, "component_code": component_code})
        if not is_missing(cells.get("note")):
            when = reader.date(cells.get("note_date"), table, row, "note_date") or reader.today
            notes.append({"parent_code": reader.parent, "year": year, "task_code": code, "note_date": when,
                          "text": clean(cells["note"]), "user_name": ""})


def _quiet_unit(reader: Reader, text: str) -> str | None:
    """A unit of the parent named by an owner cell, or None (an office such as «Văn phòng Sở» stays text)."""
    if reader.parent and name_key(text) in [name_key(n) for n in reader._parent_names()]:
        return reader.parent
    return reader._own_unit(text)


def read_any(store: Store, data: bytes, file_name: str, what: str, options: Options | None = None) -> Change:
    """read_plan / read_results / read_tasks by name ('plan', 'results', 'tasks')."""
    return {"plan": read_plan, "results": read_results, "tasks": read_tasks}[what](store, data, file_name, options)


__all__ = ["Options", "read_plan", "read_results", "read_tasks", "read_any", "parse_due_rule"]

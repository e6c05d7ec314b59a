"""The plan editor of the Kế hoạch page: a parent's indicators and one year's targets as frames an editor changes, and
the Change those frames make, read by the plan sheet's own cells and rules (reformdash.plan.sheets), so a target
typed «abc» is refused with the same message as in a file, placed by the editor's table, row and column.

Rows are added or changed, never deleted here (a plan sheet does not delete either; `revert` undoes a batch).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io

import pandas as pd

from reformdash.errors import Problem
from reformdash.ingest.read import Sheet
from reformdash.plan import kinds, model, sheets
from reformdash.store import Store
from reformdash.text import clean, is_missing
from reformdash.words import t
from reformdash.words.headers import header

INDICATOR_COLUMNS = ["code", "name_vi", "name_en", "unit", "direction", "aggregation", "owner", "was"]
TARGET_COLUMNS = ["indicator_code", "whose", "kind", "target", "base_year"]
# the editor's column -> the plan sheet's field (the same readers check both)
INDICATOR_FIELDS = {"code": "code", "name_vi": "name_vi", "name_en": "name_en", "unit": "unit",
                    "direction": "direction", "aggregation": "aggregation", "owner": "owner"}
TARGET_FIELDS = {"indicator_code": "code", "whose": "entity", "kind": "kind", "target": "target",
                 "base_year": "base_year"}
# the editor's columns: their headers (reformdash.words.headers, section «plan») are also the place a rejection names
HEADERS = ("code", "name_vi", "name_en", "unit", "direction", "aggregation", "owner", "indicator_code", "whose",
           "kind", "target", "base_year")


def indicator_sheet(lang: str = "vi") -> str:
    return t("plan.sheet.indicators", lang)


def target_sheet(year: int, lang: str = "vi") -> str:
    return t("plan.sheet.targets", lang, year=year)


# what the editor shows ------------------------------------------------------------------------------------------
def indicator_frame(store: Store, parent: str) -> pd.DataFrame:
    """The parent's indicators in the plan's order, one editable row each (`was`: the stored code, hidden)."""
    plan = model.load(store, parent)
    rows = [{"code": i.code, "name_vi": i.name_vi, "name_en": i.name_en, "unit": i.unit,
             "direction": "higher" if i.higher_is_better else "lower", "aggregation": i.aggregation,
             "owner": i.owner, "was": i.code}
            for i in sorted(plan.indicators.values(), key=lambda i: (i.sort_order, i.code))]
    return pd.DataFrame(rows, columns=INDICATOR_COLUMNS).astype(object)


def target_words(target: model.Target, unit: str, lang: str = "vi") -> str:
    """A stored target as the editor shows it («≥ 90%», «giảm 3–5%», «> 90% đơn vị đạt loại Tốt trở lên»): the
    kind's own wording without the base year (a column of its own), read back by the same parser."""
    if target.kind == "every_year_higher":
        return ""
    shown = dataclasses.replace(target, base_year=None)
    return kinds.export_label(shown, lang, unit if target.kind != "share_of_units_reaching" else "", grouping=False)


def target_frame(store: Store, parent: str, year: int, lang: str = "vi") -> pd.DataFrame:
    """The year's targets (the department's, then units' own), in the plan's order; period targets are not here."""
    plan = model.load(store, parent)
    order = {c: (i.sort_order, c) for c, i in plan.indicators.items()}
    chosen = [t for t in plan.targets if str(t.period) == str(year)]
    chosen.sort(key=lambda t: (order.get(t.indicator_code, (1 << 30, t.indicator_code)),
                               t.entity_code != parent, t.entity_code))
    rows = [{"indicator_code": t.indicator_code, "whose": t.entity_code, "kind": t.kind,
             "target": target_words(t, plan.indicators[t.indicator_code].unit, lang),
             "base_year": t.base_year} for t in chosen if t.indicator_code in plan.indicators]
    frame = pd.DataFrame(rows, columns=TARGET_COLUMNS)
    return frame.astype({"indicator_code": object, "whose": object, "kind": object, "target": object,
                         "base_year": "Int64"})


@dataclasses.dataclass
class Choices:
    """The select columns' options, each code with the word shown for it."""

    units: list[str]
    directions: dict[str, str]
    aggregations: dict[str, str]
    offices: list[str]
    kinds: dict[str, str]
    entities: dict[str, str]  # the parent (its department-wide target) and its units
    years: list[int]


def choices(store: Store, parent: str, today: dt.date, lang: str = "vi") -> Choices:
    """Options of the editor's select columns, in the page's language."""
    from reformdash.registry import Registry

    plan = model.load(store, parent)
    units = list(dict.fromkeys([code for code, _value in kinds.vocabulary("unit").values()]
                               + [i.unit for i in plan.indicators.values()]))
    registry = Registry.load(store)
    found = registry.entities.get(parent)
    whole = t("plan.whole", lang) + (f" ({found.name(lang)})" if found else "")
    entities = {parent: whole, **{r.code: (r.name_en or r.name_vi) if lang == "en" else r.name_vi
                                  for r in plan.units.itertuples(index=False)}}
    offices = sorted({i.owner for i in plan.indicators.values() if i.owner}
                     | {e.name_vi for e in registry.entities.values() if e.parent_code == parent})
    years = sorted({int(str(t.period)[:4]) for t in plan.targets} | {today.year, today.year + 1})
    return Choices(units, kinds.labels("direction_label", lang), kinds.labels("aggregation_label", lang), offices,
                   {code: kinds.kind_label(code, lang) for code in kinds.KINDS}, entities, years)


# what the editor's frames make ----------------------------------------------------------------------------------
class GridReader(sheets.Reader):
    """The plan sheet's reader, placing problems by the editor's table, row (as shown, from 1) and column header."""

    def problem(self, key: str, table: sheets.Table | None, row: int | None, field: str | None, value: object = None,
                **params) -> None:
        column = None
        if table is not None and field in table.columns:
            column = str(table.sheet.rows[0][table.columns[field]])
        self.problems.append(Problem(key, self.file_name, table.sheet.name if table else None, row, column,
                                     None if is_missing(value) else value, params))


def _value(x: object) -> object:
    """A frame's cell as the sheet readers expect it (pandas' blanks as None)."""
    if x is None or (not isinstance(x, (list, tuple, dict)) and pd.isna(x)):
        return None
    return x


def _table(name: str, columns: list[str], fields: dict[str, str], frame: pd.DataFrame,
           lang: str) -> tuple[sheets.Table, list[tuple[int, dict]]]:
    """The frame as a sheet (a header row of the editor's headers) and its non-blank rows as (row shown, cells)."""
    shown = [c for c in columns if c in fields]
    rows = [[_value(r.get(c)) for c in shown] for r in frame.to_dict("records")]
    sheet = Sheet(name, [[header(c, lang) for c in shown], *rows])
    table = sheets.Table(sheet, 0, {fields[c]: i for i, c in enumerate(shown)}, [])
    cells = [(n, {fields[c]: v for c, v in zip(shown, row, strict=True)}) for n, row in enumerate(rows, start=1)
             if not all(is_missing(v) for v in row)]
    return table, cells


def edited_change(store: Store, parent: str, year: int, indicators: pd.DataFrame, targets: pd.DataFrame,
                  lang: str = "vi", today: dt.date | None = None) -> model.Change:
    """A Change ('plan') of the edited indicators and the year's targets; ImportRejected naming every problem's
    table, row, column and value (the plan sheet's rules: kinds, numbers, base years, directions, aggregations)."""
    reader = GridReader(store, t("plan.editor_file", lang), sheets.Options(parent=parent, lang=lang, today=today))
    if reader.parent is None:
        reader.problems.append(Problem("plan.no_parent", reader.file_name))
    reader.raise_if_any()
    plan = model.load(store, parent)
    was_frame = indicators.reindex(columns=INDICATOR_COLUMNS)
    table, rows = _table(indicator_sheet(lang), INDICATOR_COLUMNS, INDICATOR_FIELDS, was_frame, lang)
    was = [_value(w) for w in was_frame["was"]]
    order = max((i.sort_order for i in plan.indicators.values()), default=0)
    out_indicators: list[dict] = []
    seen: dict[str, int] = {}
    for row, cells in rows:
        before = len(reader.problems)
        old_code = was[row - 1]
        code = None if is_missing(cells.get("code")) else clean(cells["code"])
        if code is None:
            reader.blank(table, row, "code")
        elif old_code is not None and code != old_code:
            reader.problem("plan.code_fixed", table, row, "code", cells["code"], was=old_code)
        elif code in seen:
            reader.problem("plan.duplicate", table, row, "code", code, other_row=seen[code], what=code)
        if is_missing(cells.get("name_vi")):
            reader.blank(table, row, "name_vi")
        direction = sheets.direction_cell(reader, table, row, cells)
        aggregation = sheets.aggregation_cell(reader, table, row, cells)
        if len(reader.problems) > before:
            continue
        seen[code] = row
        stored = plan.indicators.get(code)
        if stored is None:
            order += 1
        out_indicators.append({
            "parent_code": parent, "code": code, "name_vi": clean(cells["name_vi"]),
            "name_en": None if is_missing(cells.get("name_en")) else clean(cells["name_en"]),
            "unit": sheets.unit_cell(cells.get("unit")),
            "higher_is_better": direction if direction is not None else (stored.higher_is_better if stored else True),
            "aggregation": aggregation or (stored.aggregation if stored else "mean"),
            "owner": None if is_missing(cells.get("owner")) else clean(cells["owner"]),
            # what the editor does not show is kept as the plan sheet set it (a new indicator: every unit, Q,H,Y)
            "applies_to": stored.applies_to if stored else "*",
            "report_kinds": stored.report_kinds if stored else "Q,H,Y",
            "numerator_vi": stored.numerator_vi if stored else None,
            "denominator_vi": stored.denominator_vi if stored else None,
            "index_code": stored.index_code if stored else None,
            "component_code": stored.component_code if stored else None,
            "sort_order": stored.sort_order if stored else order})
    by_code = {i["code"]: i for i in out_indicators}
    known = by_code.keys() | {c for c in seen}
    table, rows = _table(target_sheet(year, lang), TARGET_COLUMNS, TARGET_FIELDS,
                         targets.reindex(columns=TARGET_COLUMNS), lang)
    stored_targets = {(t.indicator_code, t.entity_code): t for t in plan.targets if str(t.period) == str(year)}
    out_targets: list[dict] = []
    seen_targets: dict[tuple, int] = {}
    for row, cells in rows:
        before, notes = len(reader.problems), len(reader.notes)
        code = None if is_missing(cells.get("code")) else clean(cells["code"])
        if code is None:
            reader.blank(table, row, "code")
            continue
        if code not in known:
            if code in plan.indicators:  # its indicator row has a problem, reported there
                continue
            reader.problem("plan.unknown_indicator", table, row, "code", code, parent=reader.parent_name())
            continue
        entity = parent if is_missing(cells.get("entity")) else reader.unit(cells["entity"], table, row)
        indicator = by_code.get(code)
        if indicator is None:
            continue
        parsed = sheets.target_cell(reader, table, row, cells, indicator["unit"], indicator["higher_is_better"])
        if parsed is None:
            continue
        base_year = sheets.check_target(reader, table, row, cells, parsed, year)
        if len(reader.problems) > before or entity is None:
            continue
        if (code, entity) in seen_targets:
            reader.problem("plan.duplicate", table, row, "code", code, other_row=seen_targets[(code, entity)],
                           what=f"{code}, {year}")
            continue
        seen_targets[(code, entity)] = row
        parsed.base_year = base_year  # the stored wording names it: «giảm 20% so với năm 2024»
        new = sheets.target_row(parent, code, entity, str(year), parsed, base_year, indicator["unit"], None)
        old = stored_targets.get((code, entity))
        if old is not None and all(model._same(new[c], getattr(old, c)) for c in model.TABLES["target"][0]
                                   if c != "text"):
            new["text"] = old.text  # unchanged: keep the plan's own wording, and no note about it
            del reader.notes[notes:]
        out_targets.append(new)
    reader.raise_if_any()
    frames = {"indicator": pd.DataFrame(out_indicators, columns=model.TABLES["indicator"][0]),
              "target": pd.DataFrame(out_targets, columns=model.TABLES["target"][0])}
    content = io.StringIO()
    for name, frame in frames.items():
        content.write(f"# {name}\n")
        frame.to_csv(content, index=False)
    change = model.Change("plan", f"cap-nhat-ke-hoach_{parent}_{year}.csv", content.getvalue().encode("utf-8"),
                          parent, sheets=f"{indicator_sheet(lang)}, {target_sheet(year, lang)}", frames=frames)
    change.notes = reader.notes
    return change

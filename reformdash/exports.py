"""What the Data page hands out: the batch history and its revert rule, original files, exports and blank templates."""

from __future__ import annotations

import datetime as dt
import io
import math

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from reformdash import batches
from reformdash.catalog import Catalog
from reformdash.errors import NotFound, Rejected
from reformdash.goals import GOAL_KINDS, VI_HEADERS, YEARS_AHEAD
from reformdash.store import Store
from reformdash.words import pair, t
from reformdash.words.headers import header, with_headers

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_MIME = "text/csv"
# Text a spreadsheet would run as a formula (CSV/formula injection); tab and CR are on OWASP's list as well.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
TEMPLATE_ROWS = 2000  # rows of a template that carry the drop-downs
# Templates are Vietnamese files: their headers are what the importer and the goal reader read first.
TEMPLATE_LANG = "vi"


# batches ----------------------------------------------------------------------------------------------
# batches_list columns shown, as header codes (the query's id is the batch's number)
HISTORY_COLUMNS = ["batch_id", "created_at", "user_name", "file_name", "sheet", "index_code", "years", "added",
                   "changed", "unchanged", "is_sample", "reverted_at"]


def batch_history(store: Store) -> pd.DataFrame:
    """Every import batch, newest first (batches_list columns)."""
    return store.df("batches_list")


def history_table(frame: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    """The batch history with headers in the reader's language (reverted batches show when)."""
    out = frame.rename(columns={"id": "batch_id"})[HISTORY_COLUMNS].copy()
    out["is_sample"] = out["is_sample"].map(lambda x: t("sample", lang) if x else "")
    out["years"] = out["years"].map(year_spans)
    out["reverted_at"] = [f"{when:%Y-%m-%d %H:%M}" if not pd.isna(when) else "" for when in out["reverted_at"]]
    return with_headers(out, lang)


def year_spans(years: object) -> str:
    """'2005,2006,2007,2010' -> '2005–2007, 2010' (a batch's years, short enough for a table)."""
    found = sorted({int(y) for y in str(years or "").split(",") if y.strip().isdigit()})
    spans: list[list[int]] = []
    for y in found:
        if spans and y == spans[-1][1] + 1:
            spans[-1][1] = y
        else:
            spans.append([y, y])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in spans)


def can_revert(user_name: str | None, role: str | None, batch_user: str) -> bool:
    """An admin may revert any batch; an editor only their own; anyone else none."""
    if role == "admin":
        return user_name is not None
    return role == "editor" and user_name is not None and user_name == batch_user


def is_reverted(row: dict) -> bool:
    """True if a batch_history row was reverted."""
    return not pd.isna(row.get("reverted_at"))


def revert_batch(store: Store, batch_id: int, user_name: str, role: str, lang: str = "vi") -> dict:
    """Revert a batch if the user may; returns {batch_id, removed, restored}. Raises ReformdashError."""
    rows = store.rows("batch_owner", batch_id=batch_id)
    if not rows:
        raise NotFound(t("export.no_batch", lang, batch_id=batch_id), t("export.not_found", lang))
    owner = rows[0][1]
    if not can_revert(user_name, role, owner):
        raise Rejected(t("export.revert_not_allowed", lang, owner=owner, batch_id=batch_id),
                       t("export.not_allowed", lang))
    return batches.revert(store, batch_id, lang)


def revert_question(row: dict, lang: str = "vi") -> str:
    """The confirmation asked before a revert: what will be removed and restored."""
    n_new, n_old = int(row["added"]) + int(row["changed"]), int(row["changed"])
    return t("export.revert_question", lang, batch_id=row["id"], file_name=row["file_name"],
             user_name=row["user_name"], added=n_new, replaced=n_old)


def revert_summary(result: dict, lang: str = "vi") -> str:
    """One sentence after a revert."""
    return t("export.revert_summary", lang, batch_id=result["batch_id"], removed=result["removed"],
             restored=result["restored"])


def batch_file(store: Store, batch_id: int, lang: str = "vi") -> tuple[str, bytes]:
    """The original file of a batch (name and bytes); NotFound if it was not kept."""
    rows = store.rows("batch_content", batch_id=batch_id)
    if not rows or rows[0][1] is None:
        raise NotFound(t("export.no_original", lang, batch_id=batch_id), t("export.no_original_title", lang))
    return rows[0][0], bytes(rows[0][1])


# exports ----------------------------------------------------------------------------------------------
# export_scores columns, as header codes: the score table's value is a score (the column the importer reads back)
EXPORT_COLUMNS = ["index_code", "year", "entity_code", "entity_name", "component", "score", "rank", "rank_of", "tier",
                  "is_sample"]
# analysis columns that name the same thing as a header code: a component's name is the component, 'sample' the flag
SAME_AS = {"component_name": "component", "sample": "is_sample"}


def readable(frame: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    """The data behind a chart with headers in the reader's language (unknown columns keep their names)."""
    return with_headers(frame.rename(columns={c: SAME_AS[c] for c in frame.columns
                                              if c in SAME_AS and SAME_AS[c] not in frame.columns}), lang)


def neutralise_cell(value: object) -> object:
    """Text that a spreadsheet would run as a formula gets a leading quote; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def neutralise(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells cannot start a formula (=, +, -, @); numeric columns are left alone."""
    out = frame.copy()
    for col in out.columns:
        if not pd.api.types.is_numeric_dtype(out[col]) and not pd.api.types.is_bool_dtype(out[col]):
            out[col] = out[col].map(neutralise_cell).astype(object)
    return out


def export_frame(store: Store, index_code: str, year_from: int, year_to: int,
                 entity_codes: tuple[str, ...] | list[str] | None = None, lang: str = "vi") -> pd.DataFrame:
    """Scores of a selection with headers in the reader's language (no entities = every entity)."""
    frame = store.df("export_scores", index_code=index_code, year_from=int(year_from), year_to=int(year_to),
                     entity_codes=list(entity_codes) if entity_codes else None, lang=lang)
    frame["is_sample"] = frame["is_sample"].map(lambda x: t("sample", lang) if x else "")
    for col in ("rank", "rank_of"):
        frame[col] = frame[col].astype("Int64")
    return with_headers(frame.rename(columns={"value": "score"})[EXPORT_COLUMNS], lang)


def to_csv(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV with a BOM (so Excel reads Vietnamese correctly) and a header; text neutralised."""
    return neutralise(frame).to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def to_xlsx(frame: pd.DataFrame, sheet: str | None = None, notes: list[str] | None = None,
            notes_sheet: str | None = None, lang: str = "vi") -> bytes:
    """One-sheet workbook (plus a notes sheet when given); text neutralised, numbers kept as numbers."""
    sheet = sheet or t("export.sheet_data", lang)
    notes_sheet = notes_sheet or t("export.sheet_about", lang)
    wb = Workbook()
    ws = wb.active
    ws.title = sheet[:31]
    _write_table(ws, neutralise(frame))
    if notes:
        info = wb.create_sheet(notes_sheet[:31])
        for line in notes:
            info.append([neutralise_cell(line)])
        info.column_dimensions["A"].width = 100
    return _save(wb)


def export_bytes(store: Store, index_code: str, year_from: int, year_to: int, entity_codes: tuple[str, ...] = (),
                 fmt: str = "xlsx", lang: str = "vi") -> bytes:
    """The selection as xlsx or csv bytes (what the download buttons hand out)."""
    frame = export_frame(store, index_code, year_from, year_to, entity_codes, lang)
    if fmt == "csv":
        return to_csv(frame)
    now = dt.datetime.now()
    notes = [
        t("export.note_selection", lang, index=index_code, year_from=year_from, year_to=year_to,
          entities=len(entity_codes) or t("export.every", lang)),
        t("export.note_when", lang, when=f"{now:%Y-%m-%d %H:%M}" if lang == "en" else f"{now:%d/%m/%Y %H:%M}"),
        t("export.note_sample", lang),
    ]
    return to_xlsx(frame, notes=notes, lang=lang)


def export_file_name(index_code: str, year_from: int, year_to: int, fmt: str) -> str:
    """pci_2015-2019.xlsx"""
    years = str(year_from) if year_from == year_to else f"{year_from}-{year_to}"
    return f"{index_code.lower()}_{years}.{fmt}"


def export_choices(store: Store, lang: str = "vi") -> pd.DataFrame:
    """Indices that have scores: code, name, entity_kind, year_from, year_to."""
    return store.df("export_choices", lang=lang)


def export_entities(store: Store, index_code: str, lang: str = "vi") -> pd.DataFrame:
    """Entities that have scores of an index: code, name."""
    return store.df("export_entities", index_code=index_code, lang=lang)


def unit_parent_choices(store: Store, lang: str = "vi") -> pd.DataFrame:
    """Entities that have units under them: code, name, kind (for the unit template)."""
    return store.df("unit_parent_choices", lang=lang)


def _cell(value: object) -> object:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def _write_table(ws, frame: pd.DataFrame) -> None:
    ws.append([str(c) for c in frame.columns])
    for row in frame.itertuples(index=False, name=None):
        ws.append([_cell(v) for v in row])
    for cell in ws[1]:
        cell.data_type = "s"  # headers are text, never formulas
    _style_header(ws, len(frame.columns))


def _style_header(ws, width: int, widths: list[int] | None = None) -> None:
    for i in range(1, width + 1):
        cell = ws.cell(row=1, column=i)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        ws.column_dimensions[get_column_letter(i)].width = (widths or [])[i - 1] if widths else 18
    ws.freeze_panes = "A2"


def _save(wb: Workbook) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# templates --------------------------------------------------------------------------------------------
# the columns of each template, as header codes (the goals template writes the goal sheet's own headers)
RESULT_COLUMNS = ["index_code", "year", "entity_name", "component", "score", "rank"]
UNIT_COLUMNS = ["index_code", "year", "unit_name", "component", "score", "rank"]
GOAL_COLUMNS = ["index", "component", "entity", "kind", "target", "base_year", "target_year", "note"]


def goal_kind_choices(lang: str = TEMPLATE_LANG) -> dict[str, str]:
    """Each goal kind's wording in the template's drop-down; reformdash.goals.parse_kind reads each back."""
    return {code: t(kind.label_key, lang) for code, kind in GOAL_KINDS.items()}


class _List:
    """A drop-down: the column it applies to, its values (kept on a hidden sheet) and whether it is enforced."""

    def __init__(self, column: int, sheet: str, title: str, values: list, strict: bool = True):
        self.column, self.sheet, self.title, self.values, self.strict = column, sheet, title, values, strict


def _years(first: int, last: int) -> list[int]:
    return list(range(first, last + 1))


def _template(data_sheet: str, headers: list[str], widths: list[int], lists: list[_List],
              instructions: list[str]) -> bytes:
    """A workbook: the blank table first (importers read it first), the instructions, then hidden lists."""
    wb = Workbook()
    ws = wb.active
    ws.title = data_sheet
    ws.append(headers)
    _style_header(ws, len(headers), widths)
    guide = wb.create_sheet(t("export.template.guide_sheet", TEMPLATE_LANG))
    guide.column_dimensions["A"].width = 120
    guide.append([t("export.template.guide_title", TEMPLATE_LANG)])
    guide["A1"].font = Font(bold=True, size=13)
    for line in instructions:
        guide.append([line])
        guide.cell(row=guide.max_row, column=1).alignment = Alignment(wrap_text=True, vertical="top")
    for spec in lists:
        if not spec.values:
            continue
        sheet = wb.create_sheet(spec.sheet)
        sheet.append([spec.title])
        for value in spec.values:
            sheet.append([neutralise_cell(value)])
        sheet.sheet_state = "hidden"
        letter = get_column_letter(spec.column)
        dv = DataValidation(type="list", formula1=f"={spec.sheet}!$A$2:$A${len(spec.values) + 1}", allow_blank=True)
        dv.showDropDown = False  # (sic) openpyxl's flag hides the arrow when True
        dv.showErrorMessage = True
        dv.errorStyle = "stop" if spec.strict else "information"
        dv.errorTitle = t("export.template.list_error_title", TEMPLATE_LANG)
        dv.error = t("export.template.list_error", TEMPLATE_LANG, what=spec.title.lower())
        dv.promptTitle = spec.title
        dv.prompt = t("export.template.list_prompt", TEMPLATE_LANG, what=spec.title.lower())
        dv.showInputMessage = True
        ws.add_data_validation(dv)
        dv.add(f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")
    wb.active = 0
    return _save(wb)


def _index_lines(catalog: Catalog, codes: list[str]) -> list[str]:
    return [f"    {code} — {catalog.indices[code].name_vi}" for code in codes]


def _heads(codes: list[str]) -> list[str]:
    return [header(code, TEMPLATE_LANG) for code in codes]


def _goal_head(field: str) -> str:
    """A goals template header: the goal sheet's own word for the field (data/reference/goal_sheet.csv)."""
    return VI_HEADERS.get(field) or t(field, TEMPLATE_LANG)


def _lines(keys: list[str], index_lines: list[str], after: str, **params) -> list[str]:
    """The instructions of a template: its keys' words, the index list inserted after the key `after`."""
    out: list[str] = []
    for key in keys:
        out.append(t(key, TEMPLATE_LANG, **params))
        if key == after:
            out += index_lines
    return out


def template_results(store: Store) -> bytes:
    """Blank xlsx for index results of provinces and ministries (Vietnamese headers, instructions, drop-downs)."""
    catalog = Catalog.load(store)
    codes = [c for c, ix in catalog.indices.items() if ix.entity_kind in ("province", "ministry")]
    codes = _ordered(codes)
    names = _unique(r[2] for r in store.rows("template_entities", kinds=["province", "ministry"], parent_code=None))
    components = _unique(r[2] for r in store.rows("template_components", index_codes=codes))
    first = min((catalog.indices[c].first_year for c in codes), default=2005)
    index, year, entity, component = _heads(["index_code", "year", "entity_name", "component"])
    lists = [_List(1, "DM_ChiSo", index, codes), _List(2, "DM_Nam", year, _years(first, dt.date.today().year)),
             _List(3, "DM_DonVi", entity, names, strict=False),
             _List(4, "DM_ThanhPhan", component, components, strict=False)]
    keys = ["export.template.results_intro", "export.template.results_index", "export.template.results_year",
            "export.template.results_entity", "export.template.results_component", "export.template.results_value",
            "export.template.results_rank", "export.template.results_layout", "export.template.results_upload"]
    lines = _lines(keys, _index_lines(catalog, codes), "export.template.results_index")
    return _template(t("export.template.results_sheet", TEMPLATE_LANG), _heads(RESULT_COLUMNS),
                     [14, 10, 30, 40, 12, 12], lists, lines)


def template_units(store: Store, parent_code: str | None = None) -> bytes:
    """Blank xlsx for units' results (a department's own scoring), optionally for the units of one parent."""
    catalog = Catalog.load(store)
    codes = _ordered([c for c, ix in catalog.indices.items() if ix.entity_kind == "unit"])
    names = _unique(r[2] for r in store.rows("template_entities", kinds=["unit"], parent_code=parent_code)
                    if r[0] != parent_code)
    components = _unique(r[2] for r in store.rows("template_components", index_codes=codes))
    first = min((catalog.indices[c].first_year for c in codes), default=2015)
    index, year, unit, component = _heads(["index_code", "year", "unit_name", "component"])
    lists = [_List(1, "DM_ChiSo", index, codes), _List(2, "DM_Nam", year, _years(first, dt.date.today().year)),
             _List(3, "DM_DonVi", unit, names, strict=False),
             _List(4, "DM_TieuChi", component, components, strict=False)]
    parent = ""
    if parent_code:
        row = store.rows("entity_get", code=parent_code)
        parent = t("export.template.units_of", TEMPLATE_LANG, parent=row[0][2]) if row else ""
    keys = ["export.template.units_intro", "export.template.units_index", "export.template.units_year",
            "export.template.units_unit", "export.template.units_component", "export.template.units_value",
            "export.template.units_upload"]
    lines = _lines(keys, _index_lines(catalog, codes), "export.template.units_index", parent=parent)
    return _template(t("export.template.units_sheet", TEMPLATE_LANG), _heads(UNIT_COLUMNS),
                     [14, 10, 40, 40, 12, 12], lists, lines)


def template_goals(store: Store) -> bytes:
    """Blank xlsx for plan goals (the columns reformdash.goals.import_goals reads)."""
    catalog = Catalog.load(store)
    codes = _ordered(list(catalog.indices))
    names = _unique(r[2] for r in store.rows("template_entities", kinds=["province", "ministry", "unit"],
                                             parent_code=None))
    components = _unique(r[2] for r in store.rows("template_components", index_codes=codes))
    first = min((catalog.indices[c].first_year for c in codes), default=2005)
    years = _years(first, dt.date.today().year + YEARS_AHEAD)
    head = _goal_head
    lists = [_List(1, "DM_ChiSo", head("index"), codes),
             _List(2, "DM_ThanhPhan", head("component"), [t("goal.all_components", TEMPLATE_LANG), *components],
                   strict=False),
             _List(3, "DM_DonVi", head("entity"), names, strict=False),
             _List(4, "DM_Loai", head("kind"), list(goal_kind_choices().values())),
             _List(6, "DM_NamGoc", head("base_year"), years), _List(7, "DM_NamMucTieu", head("target_year"), years)]
    keys = ["export.template.goals_intro", "export.template.goals_index", "export.template.goals_component",
            "export.template.goals_entity", "export.template.goals_kind"]
    lines = _lines(keys, _index_lines(catalog, codes), "export.template.goals_index", count=len(GOAL_KINDS))
    lines += [t(kind.help_key, TEMPLATE_LANG) for kind in GOAL_KINDS.values()]
    lines += _lines(["export.template.goals_target", "export.template.goals_years", "export.template.goals_import"],
                    [], "")
    return _template(t("export.template.goals_sheet", TEMPLATE_LANG), [head(f) for f in GOAL_COLUMNS],
                     [14, 36, 30, 32, 12, 12, 14, 40], lists, lines)


TEMPLATES = {  # name -> (builder, file name, Vietnamese label, English label)
    "results": (template_results, "mau_ket_qua_chi_so.xlsx", *pair("export.template.results_label")),
    "units": (template_units, "mau_ket_qua_don_vi.xlsx", *pair("export.template.units_label")),
    "goals": (template_goals, "mau_muc_tieu.xlsx", *pair("export.template.goals_label")),
}


def _ordered(codes: list[str]) -> list[str]:
    first = ["PAR_INDEX", "SIPAS", "PAPI", "PCI"]
    return [c for c in first if c in codes] + sorted(c for c in codes if c not in first)


def _unique(values) -> list:
    return list(dict.fromkeys(v for v in values if v not in (None, "")))

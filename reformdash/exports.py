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
from reformdash.goals import YEARS_AHEAD
from reformdash.store import Store
from reformdash.words import CATALOG as LABELS

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_MIME = "text/csv"
# Text a spreadsheet would run as a formula (CSV/formula injection); tab and CR are on OWASP's list as well.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
TEMPLATE_ROWS = 2000  # rows of a template that carry the drop-downs


def _tr(vi: str, en: str, lang: str) -> str:
    return en if lang == "en" else vi


# batches ----------------------------------------------------------------------------------------------
HISTORY_COLUMNS = {  # batches_list column -> (Vietnamese, English) header
    "id": ("Lô", "Batch"), "created_at": ("Thời điểm", "When"), "user_name": ("Người nhập", "By"),
    "file_name": ("Tệp", "File"), "sheet": ("Trang tính", "Sheet"), "index_code": ("Chỉ số", "Index"),
    "years": ("Năm", "Years"), "added": ("Thêm", "Added"), "changed": ("Sửa", "Changed"),
    "unchanged": ("Không đổi", "Unchanged"), "is_sample": ("Mẫu", "Sample"), "reverted_at": ("Đã hoàn tác", "Reverted"),
}


def batch_history(store: Store) -> pd.DataFrame:
    """Every import batch, newest first (batches_list columns)."""
    return store.df("batches_list")


def history_table(frame: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    """The batch history with headers in the reader's language (reverted batches show when)."""
    out = frame[list(HISTORY_COLUMNS)].copy()
    out["is_sample"] = out["is_sample"].map(lambda x: _tr("MẪU", "SAMPLE", lang) if x else "")
    out["years"] = out["years"].map(year_spans)
    out["reverted_at"] = [f"{t:%Y-%m-%d %H:%M}" if not pd.isna(t) else "" for t in out["reverted_at"]]
    return out.rename(columns={c: _tr(*names, lang) for c, names in HISTORY_COLUMNS.items()})


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
        raise NotFound(_tr(f"Không có lô nhập số {batch_id}", f"There is no batch {batch_id}", lang),
                       _tr("Không tìm thấy", "Not found", lang))
    owner = rows[0][1]
    if not can_revert(user_name, role, owner):
        raise Rejected(
            _tr(f"Chỉ người nhập ({owner}) hoặc quản trị viên được hoàn tác lô {batch_id}.",
                f"Only the person who imported it ({owner}) or an admin may revert batch {batch_id}.", lang),
            _tr("Không được phép", "Not allowed", lang))
    return batches.revert(store, batch_id, lang)


def revert_question(row: dict, lang: str = "vi") -> str:
    """The confirmation asked before a revert: what will be removed and restored."""
    n_new, n_old = int(row["added"]) + int(row["changed"]), int(row["changed"])
    if lang == "en":
        return (f"Revert batch {row['id']} ({row['file_name']}, by {row['user_name']})? Its {n_new} values are "
                f"removed and the {n_old} values it replaced are restored.")
    return (f"Hoàn tác lô {row['id']} (tệp {row['file_name']}, do {row['user_name']} nhập)? {n_new} giá trị của lô "
            f"sẽ bị gỡ và {n_old} giá trị cũ mà lô đã thay sẽ được khôi phục.")


def revert_summary(result: dict, lang: str = "vi") -> str:
    """One sentence after a revert."""
    if lang == "en":
        return (f"Batch {result['batch_id']} reverted: {result['removed']} values removed, "
                f"{result['restored']} earlier values restored.")
    return (f"Đã hoàn tác lô {result['batch_id']}: gỡ {result['removed']} giá trị, khôi phục {result['restored']} "
            "giá trị cũ.")


def batch_file(store: Store, batch_id: int) -> tuple[str, bytes]:
    """The original file of a batch (name and bytes); NotFound if it was not kept."""
    rows = store.rows("batch_content", batch_id=batch_id)
    if not rows or rows[0][1] is None:
        raise NotFound(f"Lô {batch_id} không lưu tệp gốc", "Không có tệp gốc")
    return rows[0][0], bytes(rows[0][1])


# exports ----------------------------------------------------------------------------------------------
EXPORT_COLUMNS = {  # export_scores column -> (Vietnamese, English) header
    "index_code": ("Chỉ số", "Index"), "year": ("Năm", "Year"), "entity_code": ("Mã", "Code"),
    "entity_name": ("Tỉnh/Đơn vị", "Entity"), "component": ("Chỉ số thành phần", "Component"),
    "value": ("Điểm", "Value"), "rank": ("Xếp hạng", "Rank"), "rank_of": ("Trên tổng số", "Rank of"),
    "tier": ("Nhóm xếp hạng", "Tier"), "is_sample": ("Mẫu", "Sample"),
}


READABLE = {  # analysis column -> (Vietnamese, English) header, for the data behind a chart
    **EXPORT_COLUMNS, "value": LABELS["value"], "component_name": LABELS["component"],
    "component_code": ("Mã thành phần", "Code"),
    "percentile": ("Phần trăm (100 = đầu)", "Percentile (100 = first)"), "sample": ("Mẫu", "Sample"),
    "prev_value": ("Giá trị năm trước", "Previous value"), "prev_rank": ("Hạng năm trước", "Previous rank"),
    "places_up": ("Số bậc tăng (+)/giảm (−)", "Places up"), "change": LABELS["change"],
    "median": LABELS["median"], "best": LABELS["best"], "gap_to_best": ("Cách cao nhất", "Gap to best"),
    "label": ("", ""), "rank_from": ("Hạng năm đầu", "Rank, first year"),
    "rank_to": ("Hạng năm cuối", "Rank, last year"),
    "value_from": ("Giá trị năm đầu", "Value, first year"), "value_to": ("Giá trị năm cuối", "Value, last year"),
    "rank_of_from": ("Trên tổng số (năm đầu)", "Rank of, first year"),
    "rank_of_to": ("Trên tổng số (năm cuối)", "Rank of, last year"), "region": ("Vùng", "Region"),
}


def readable(frame: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    """The data behind a chart with headers in the reader's language (unknown columns keep their names)."""
    return frame.rename(columns={c: _tr(*READABLE[c], lang) or c for c in frame.columns if c in READABLE})


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
    frame["is_sample"] = frame["is_sample"].map(lambda x: _tr("MẪU", "SAMPLE", lang) if x else "")
    for col in ("rank", "rank_of"):
        frame[col] = frame[col].astype("Int64")
    return frame.rename(columns={c: _tr(*names, lang) for c, names in EXPORT_COLUMNS.items()})


def to_csv(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV with a BOM (so Excel reads Vietnamese correctly) and a header; text neutralised."""
    return neutralise(frame).to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def to_xlsx(frame: pd.DataFrame, sheet: str = "Số liệu", notes: list[str] | None = None,
            notes_sheet: str = "Thông tin") -> bytes:
    """One-sheet workbook (plus a notes sheet when given); text neutralised, numbers kept as numbers."""
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
    notes = [
        _tr(f"Chỉ số: {index_code}; năm {year_from}–{year_to}; {len(entity_codes) or 'mọi'} đơn vị.",
            f"Index: {index_code}; years {year_from}–{year_to}; {len(entity_codes) or 'all'} entities.", lang),
        _tr(f"Xuất lúc {dt.datetime.now():%d/%m/%Y %H:%M} từ reformdash.",
            f"Exported {dt.datetime.now():%Y-%m-%d %H:%M} from reformdash.", lang),
        _tr("Dòng có cột Mẫu = MẪU là số liệu minh họa, không phải số liệu công bố.",
            "Rows marked SAMPLE are illustrative, not published figures.", lang),
    ]
    return to_xlsx(frame, _tr("Số liệu", "Data", lang), notes, _tr("Thông tin", "About", lang))


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
RESULT_HEADERS = ["Chỉ số", "Năm", "Tỉnh/Đơn vị", "Chỉ số thành phần", "Điểm", "Xếp hạng"]
UNIT_HEADERS = ["Chỉ số", "Năm", "Đơn vị", "Chỉ số thành phần", "Điểm", "Xếp hạng"]
GOAL_HEADERS = ["Chỉ số", "Chỉ số thành phần", "Đơn vị", "Loại mục tiêu", "Mục tiêu", "Năm gốc", "Năm mục tiêu",
                "Ghi chú"]
# Wording of each goal kind offered in the drop-down; reformdash.goals.parse_kind reads each back as its kind.
GOAL_KIND_WORDS = {
    "rank_up": "Tăng bậc (so với năm gốc)",
    "rank_at_most": "Nằm trong nhóm dẫn đầu (top)",
    "value_at_least": "Đạt tối thiểu (≥)",
    "yoy_increase": "Năm sau cao hơn năm trước",
}


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
    guide = wb.create_sheet("Hướng dẫn")
    guide.column_dimensions["A"].width = 120
    guide.append(["HƯỚNG DẪN ĐIỀN MẪU"])
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
        dv.errorTitle = "Giá trị không có trong danh sách"
        dv.error = f"Hãy chọn {spec.title.lower()} trong danh sách."
        dv.promptTitle = spec.title
        dv.prompt = f"Chọn {spec.title.lower()} trong danh sách."
        dv.showInputMessage = True
        ws.add_data_validation(dv)
        dv.add(f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")
    wb.active = 0
    return _save(wb)


def _index_lines(catalog: Catalog, codes: list[str]) -> list[str]:
    return [f"    {code} — {catalog.indices[code].name_vi}" for code in codes]


def template_results(store: Store) -> bytes:
    """Blank xlsx for index results of provinces and ministries (Vietnamese headers, instructions, drop-downs)."""
    catalog = Catalog.load(store)
    codes = [c for c, ix in catalog.indices.items() if ix.entity_kind in ("province", "ministry")]
    codes = _ordered(codes)
    names = _unique(r[2] for r in store.rows("template_entities", kinds=["province", "ministry"], parent_code=None))
    components = _unique(r[2] for r in store.rows("template_components", index_codes=codes))
    first = min((catalog.indices[c].first_year for c in codes), default=2005)
    lists = [_List(1, "DM_ChiSo", "Chỉ số", codes), _List(2, "DM_Nam", "Năm", _years(first, dt.date.today().year)),
             _List(3, "DM_DonVi", "Tỉnh/Đơn vị", names, strict=False),
             _List(4, "DM_ThanhPhan", "Chỉ số thành phần", components, strict=False)]
    lines = [
        "Mẫu nhập kết quả chỉ số của các tỉnh, thành phố (hoặc bộ, ngành). Mỗi dòng là một giá trị: một chỉ số, "
        "một năm, một tỉnh, một chỉ số thành phần.",
        "Cột «Chỉ số»: chọn mã chỉ số trong danh sách thả xuống:", *_index_lines(catalog, codes),
        "Cột «Năm»: chọn năm đánh giá (năm công bố kết quả).",
        "Cột «Tỉnh/Đơn vị»: chọn tên trong danh sách; tên viết tắt như TP.HCM, BRVT, TT-Huế cũng được nhận.",
        "Cột «Chỉ số thành phần»: để TRỐNG cho điểm tổng hợp của chỉ số; ghi tên chỉ số thành phần (có danh sách "
        "gợi ý) cho điểm thành phần — mỗi thành phần một dòng.",
        "Cột «Điểm»: ghi số (dấu thập phân là dấu phẩy hoặc dấu chấm). Không có dữ liệu thì để trống hoặc ghi N/A, "
        "KHÔNG ghi 0.",
        "Cột «Xếp hạng»: ghi thứ hạng đã công bố nếu có; để trống thì chương trình tự xếp hạng theo điểm.",
        "Không thêm dòng tiêu đề phía trên, không gộp ô; có thể xóa các cột không dùng trừ Chỉ số, Năm, Tỉnh/Đơn vị, "
        "Điểm.",
        "Điền xong, tải tệp lên ở trang «Tải dữ liệu»; chương trình hiển thị phần sẽ thêm, sửa trước khi ghi.",
    ]
    return _template("Kết quả", RESULT_HEADERS, [14, 10, 30, 40, 12, 12], lists, lines)


def template_units(store: Store, parent_code: str | None = None) -> bytes:
    """Blank xlsx for units' results (a department's own scoring), optionally for the units of one parent."""
    catalog = Catalog.load(store)
    codes = _ordered([c for c, ix in catalog.indices.items() if ix.entity_kind == "unit"])
    names = _unique(r[2] for r in store.rows("template_entities", kinds=["unit"], parent_code=parent_code)
                    if r[0] != parent_code)
    components = _unique(r[2] for r in store.rows("template_components", index_codes=codes))
    first = min((catalog.indices[c].first_year for c in codes), default=2015)
    lists = [_List(1, "DM_ChiSo", "Chỉ số", codes), _List(2, "DM_Nam", "Năm", _years(first, dt.date.today().year)),
             _List(3, "DM_DonVi", "Đơn vị", names, strict=False),
             _List(4, "DM_TieuChi", "Chỉ số thành phần", components, strict=False)]
    parent = ""
    if parent_code:
        row = store.rows("entity_get", code=parent_code)
        parent = f" của {row[0][2]}" if row else ""
    lines = [
        f"Mẫu nhập kết quả chấm điểm các đơn vị trực thuộc{parent}. Mỗi dòng là một giá trị: một chỉ số, một năm, "
        "một đơn vị, một tiêu chí.",
        "Cột «Chỉ số»: chọn mã bộ chỉ số của đơn vị trong danh sách (bộ chỉ số mới được thêm ở trang «Danh mục»):",
        *_index_lines(catalog, codes),
        "Cột «Năm»: chọn năm đánh giá.",
        "Cột «Đơn vị»: chọn tên đơn vị trong danh sách; đơn vị mới có thể ghi tên và chọn «tạo đơn vị mới» khi tải "
        "lên.",
        "Cột «Chỉ số thành phần»: để TRỐNG cho điểm tổng; ghi tên tiêu chí (có danh sách gợi ý) cho điểm từng tiêu "
        "chí — mỗi tiêu chí một dòng.",
        "Cột «Điểm»: ghi số; không có dữ liệu thì để trống, KHÔNG ghi 0. Cột «Xếp hạng» có thể để trống.",
        "Khi tải lên ở trang «Tải dữ liệu», chọn cấp «Đơn vị» và cơ quan chủ quản của các đơn vị.",
    ]
    return _template("Kết quả đơn vị", UNIT_HEADERS, [14, 10, 40, 40, 12, 12], lists, lines)


def template_goals(store: Store) -> bytes:
    """Blank xlsx for plan goals (the columns reformdash.goals.import_goals reads)."""
    catalog = Catalog.load(store)
    codes = _ordered(list(catalog.indices))
    names = _unique(r[2] for r in store.rows("template_entities", kinds=["province", "ministry", "unit"],
                                             parent_code=None))
    components = _unique(r[2] for r in store.rows("template_components", index_codes=codes))
    first = min((catalog.indices[c].first_year for c in codes), default=2005)
    years = _years(first, dt.date.today().year + YEARS_AHEAD)
    lists = [_List(1, "DM_ChiSo", "Chỉ số", codes),
             _List(2, "DM_ThanhPhan", "Chỉ số thành phần", ["Tất cả", *components], strict=False),
             _List(3, "DM_DonVi", "Đơn vị", names, strict=False),
             _List(4, "DM_Loai", "Loại mục tiêu", list(GOAL_KIND_WORDS.values())),
             _List(6, "DM_NamGoc", "Năm gốc", years), _List(7, "DM_NamMucTieu", "Năm mục tiêu", years)]
    lines = [
        "Mẫu nhập mục tiêu của kế hoạch. Mỗi dòng là một mục tiêu.",
        "Cột «Chỉ số»: chọn mã chỉ số trong danh sách:", *_index_lines(catalog, codes),
        "Cột «Chỉ số thành phần»: để TRỐNG nếu mục tiêu là điểm/thứ hạng tổng hợp; chọn «Tất cả» khi mọi chỉ số "
        "thành phần đều phải năm sau cao hơn năm trước.",
        "Cột «Đơn vị»: tỉnh, bộ, ngành hoặc đơn vị trực thuộc (chọn trong danh sách).",
        "Cột «Loại mục tiêu»: chọn một trong bốn loại:",
        "    Tăng bậc — thứ hạng tăng ít nhất «Mục tiêu» bậc so với «Năm gốc» (ví dụ: PCI tăng 5 bậc so với năm 2022).",
        "    Nằm trong nhóm dẫn đầu (top) — xếp thứ «Mục tiêu» trở lên (ví dụ: top 10).",
        "    Đạt tối thiểu (≥) — điểm không thấp hơn «Mục tiêu» (ví dụ: mức độ hài lòng ≥ 90%).",
        "    Năm sau cao hơn năm trước — để trống «Mục tiêu»; «Năm gốc» để trống là năm liền trước.",
        "Cột «Mục tiêu»: ghi số (số bậc, thứ hạng hoặc điểm).",
        "Cột «Năm gốc» và «Năm mục tiêu»: chọn năm; «Năm gốc» bắt buộc với loại «Tăng bậc».",
        "Điền xong, nhập ở trang «Mục tiêu» (hoặc lệnh python -m reformdash goals import TỆP).",
    ]
    return _template("Mục tiêu", GOAL_HEADERS, [14, 36, 30, 32, 12, 12, 14, 40], lists, lines)


TEMPLATES = {  # name -> (builder, file name, Vietnamese label, English label)
    "results": (template_results, "mau_ket_qua_chi_so.xlsx", "Mẫu kết quả chỉ số (tỉnh, bộ ngành)",
                "Index results template (provinces, ministries)"),
    "units": (template_units, "mau_ket_qua_don_vi.xlsx", "Mẫu kết quả đơn vị trực thuộc", "Unit results template"),
    "goals": (template_goals, "mau_muc_tieu.xlsx", "Mẫu mục tiêu kế hoạch", "Plan goals template"),
}


def _ordered(codes: list[str]) -> list[str]:
    first = ["PAR_INDEX", "SIPAS", "PAPI", "PCI"]
    return [c for c in first if c in codes] + sorted(c for c in codes if c not in first)


def _unique(values) -> list:
    return list(dict.fromkeys(v for v in values if v not in (None, "")))

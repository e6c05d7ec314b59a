"""The briefing's figures as a workbook: one sheet per slide that holds data, then the sentences."""

from __future__ import annotations

import re
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from reformdash.briefing import Briefing, Slide, date_text
from reformdash.errors import ReformdashError
from reformdash.exports import _save, _write_table, neutralise, neutralise_cell
from reformdash.words import L

KIND_WORDS = {  # slide key -> (Vietnamese, English) word of its sheet name
    "glance": ("Tổng quan", "Overview"), "trend": ("Xu hướng", "Trend"), "changes": ("Thứ hạng", "Ranks"),
    "components": ("Thành phần", "Components"), "units": ("Đơn vị", "Units"), "goals": ("Mục tiêu", "Goals"),
    "plan_status": ("Kế hoạch", "Plan"), "plan_risk": ("Nguy cơ", "At risk"), "plan_late": ("Báo cáo chậm", "Late"),
    "plan_tasks": ("Nhiệm vụ", "Tasks"),
}
INFO_SHEET = ("Thông tin", "About")


def sheet_names(briefing: Briefing) -> list[tuple[str, Slide]]:
    """(sheet name, slide) of each slide with data, numbered as the slides are: '03 Xu hướng PCI'."""
    en = briefing.lang == "en"
    out, used = [], set()
    for number, slide in enumerate(briefing.slides, start=1):
        if slide.data is None:
            continue
        words = KIND_WORDS.get(slide.key, (slide.key, slide.key))[1 if en else 0]
        index = (slide.index_code or "").replace("_", " ")
        name = re.sub(r"[\[\]:*?/\\]", " ", f"{number:02d} {words} {index}".strip())[:31]
        while name in used:
            name = name[:28] + f" {len(used)}"
        used.add(name)
        out.append((name, slide))
    return out


def xlsx_bytes(briefing: Briefing) -> bytes:
    """The workbook as bytes: data sheets (text neutralised, numbers as numbers) and an information sheet."""
    wb = Workbook()
    wb.remove(wb.active)
    for name, slide in sheet_names(briefing):
        ws = wb.create_sheet(name)
        _write_table(ws, neutralise(slide.data))
    lang = briefing.lang
    info = wb.create_sheet(INFO_SHEET[1 if lang == "en" else 0])
    info.column_dimensions["A"].width = 130
    head = [briefing.slides[0].title, briefing.entity_name, briefing.organisation, briefing.meeting,
            date_text(briefing.date, lang)]
    for line in [x for x in head if x]:
        info.append([neutralise_cell(line)])
    info["A1"].font = Font(bold=True, size=13)
    if any(s.sample for s in briefing.slides):
        info.append([L("sample_note", lang)])
    for name, slide in sheet_names(briefing):
        info.append([])
        info.append([neutralise_cell(f"{slide.title}" + (f" ({name})" if name else ""))])
        info.cell(row=info.max_row, column=1).font = Font(bold=True)
        for sentence in slide.sentences:
            info.append([neutralise_cell(sentence)])
            info.cell(row=info.max_row, column=1).alignment = Alignment(wrap_text=True, vertical="top")
    return _save(wb)


def write_xlsx(briefing: Briefing, path_or_file) -> None:
    """Write the workbook to a path or a binary file."""
    data = xlsx_bytes(briefing)
    if isinstance(path_or_file, (str, Path)):
        try:
            Path(path_or_file).write_bytes(data)
        except OSError as e:
            raise ReformdashError(f"Không ghi được tệp «{path_or_file}»: {e.strerror or e}",
                                  "Không ghi được tệp") from e
    else:
        path_or_file.write(data)


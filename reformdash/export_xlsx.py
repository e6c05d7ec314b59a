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
from reformdash.words.headers import with_headers

SHEET_WORDS = {  # slide key -> the key of its sheet name's words
    "glance": "export.sheet.glance", "trend": "export.sheet.trend", "changes": "export.sheet.changes",
    "components": "export.sheet.components", "units": "export.sheet.units", "goals": "export.sheet.goals",
    "plan_status": "export.sheet.plan_status", "plan_risk": "export.sheet.plan_risk",
    "plan_late": "export.sheet.plan_late", "plan_tasks": "export.sheet.plan_tasks",
}


def sheet_names(briefing: Briefing) -> list[tuple[str, Slide]]:
    """(sheet name, slide) of each slide with data, numbered as the slides are: '03 Xu hướng PCI'."""
    out, used = [], set()
    for number, slide in enumerate(briefing.slides, start=1):
        if slide.data is None:
            continue
        words = L(SHEET_WORDS[slide.key], briefing.lang) if slide.key in SHEET_WORDS else slide.key
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
        _write_table(ws, neutralise(with_headers(slide.data, briefing.lang)))
    lang = briefing.lang
    info = wb.create_sheet(L("export.sheet_about", lang))
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
            raise ReformdashError(L("export.cannot_write", briefing.lang, path=path_or_file, error=e.strerror or e),
                                  L("export.cannot_write_title", briefing.lang)) from e
    else:
        path_or_file.write(data)


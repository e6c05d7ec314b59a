"""What the upload page shows before a commit: the table found, what each column means, names matched, problems."""

from __future__ import annotations

import pandas as pd

from reformdash.catalog import Catalog
from reformdash.errors import Problem
from reformdash.ingest.extract import column_headers
from reformdash.ingest.importer import Inspection
from reformdash.registry import Registry

WORDS = {
    "ignore": ("(bỏ qua)", "(ignore)"), "overall": ("Điểm tổng", "Overall score"), "rank": ("Xếp hạng", "Rank"),
    "tier": ("Nhóm xếp hạng", "Tier"), "year": ("Năm", "Year"), "rank_of": ("Số đơn vị xếp hạng", "Field size"),
    "entity": ("Tên tỉnh / đơn vị", "Province / unit name"), "value": ("Điểm", "Score"),
    "index": ("Mã chỉ số", "Index code"), "component": ("Tên chỉ số thành phần", "Component name"),
    "year_value": ("Điểm của năm {year}", "Score of {year}"),
}


def word(key: str, lang: str, **params) -> str:
    """A preview word in the language."""
    text = WORDS[key][1 if lang == "en" else 0]
    return text.format(**params) if params else text


def meaning_options(catalog: Catalog, index_code: str | None, lang: str) -> dict[str, str]:
    """What a column may be said to hold: code -> label."""
    options = {"ignore": word("ignore", lang), "overall": word("overall", lang)}
    for c in catalog.components.get(index_code or "", {}).values():
        options[c.code] = ("   " if c.parent_code else "") + c.name(lang)
    options.update({"rank": word("rank", lang), "tier": word("tier", lang), "year": word("year", lang)})
    return options


def column_table(found: Inspection, catalog: Catalog, lang: str) -> pd.DataFrame:
    """One row per column of every table used: sheet, column letter, header text, what the importer made of it."""
    rows = []
    for part in found.parts:
        layout = part.layout
        headers = column_headers(layout)
        first = layout.first_row
        for c in layout.entity_cols:
            _, letter = layout.place(first, c)
            rows.append((layout.sheet, c, letter, headers.get(c, ""), "entity", word("entity", lang)))
        for col in sorted(layout.columns, key=lambda x: x.col):
            _, letter = layout.place(first, col.col)
            if col.role == "target":
                code = col.target.component_code or "overall"
                comp = catalog.components.get(col.target.index_code, {}).get(col.target.component_code)
                label = comp.name(lang) if comp else word("overall", lang)
            elif col.role == "year_value":
                code, label = "year_value", word("year_value", lang, year=col.year)
            else:
                code, label = col.role, word(col.role, lang) if col.role in WORDS else col.role
            rows.append((layout.sheet, col.col, letter, headers.get(col.col, ""), code, label))
        used = set(layout.entity_cols) | {col.col for col in layout.columns}
        for c, text in headers.items():
            if c in used or (not text and c not in layout.ignored):
                continue  # blank columns without a header are left out of the preview
            _, letter = layout.place(first, c)
            rows.append((layout.sheet, c, letter, text, "ignore", word("ignore", lang)))
    frame = pd.DataFrame(rows, columns=["sheet", "col", "letter", "header", "meaning", "label"])
    return frame.sort_values(["sheet", "col"]).reset_index(drop=True)


def entity_matches(found: Inspection, registry: Registry, lang: str) -> pd.DataFrame:
    """Each distinct name in the file and the registered entity it matched (or none, with suggestions)."""
    rows = []
    seen = set()
    for part in found.parts:
        layout = part.layout
        for c in layout.entity_cols:
            for r in range(layout.first_row, layout.last_row):
                raw = layout.grid[r][c] if c < len(layout.grid[r]) else ""
                if not isinstance(raw, str) or not raw.strip() or raw in seen:
                    continue
                seen.add(raw)
                code = found.find(raw) if found.find else None
                if code:
                    rows.append((raw, registry.entities[code].name(lang), code, ""))
                else:
                    kinds = found.find.kinds if found.find else ("province",)
                    rows.append((raw, "", "", ", ".join(registry.suggest(raw, kinds))))
    return pd.DataFrame(rows, columns=["in_file", "matched", "code", "did_you_mean"])


def problem_table(problems: list[Problem], lang: str) -> pd.DataFrame:
    """Problems as rows: sheet, row, column, value and what is wrong, in plain words."""
    rows = [(p.sheet or "", p.row or "", p.column or "", "" if p.value is None else str(p.value)[:60],
             p.render(lang).split(": ", 1)[-1]) for p in problems]
    headers = {"vi": ["Trang", "Dòng", "Cột", "Giá trị", "Vấn đề"],
               "en": ["Sheet", "Row", "Column", "Value", "Problem"]}[lang]
    return pd.DataFrame(rows, columns=headers)

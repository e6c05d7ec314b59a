"""What the upload page shows before a commit: the table found, what each column means, names matched, problems.

The page draws a bounded number of widgets whatever the file holds: names are listed a page at a time, and one
name at a time is matched by hand (issue 15, hole 9: one select box per name took minutes and gigabytes).
"""

from __future__ import annotations

import re

import pandas as pd
from rapidfuzz import fuzz, process

from reformdash.catalog import Catalog
from reformdash.errors import Problem
from reformdash.ingest.extract import column_headers
from reformdash.ingest.importer import Inspection
from reformdash.ingest.layout import NEW_UNIT, SKIP_ROW
from reformdash.ingest.read import read_workbook
from reformdash.registry import Registry
from reformdash.text import name_key, words
from reformdash.words import CATALOG, format_number, t
from reformdash.words.exports import MAX_POINTS, POINTS_UNIT, YEAR_IN_TITLE
from reformdash.words.headers import with_headers

PAGE_SIZE = 50  # names drawn at a time in the names table
SUGGESTIONS = 5  # closest names offered first, before the whole list

# the column meanings the CLI's --column option takes, in the same words (component:CODE for a component)
MEANINGS = ("overall", "rank", "rank_of", "tier", "year", "ignore")
_MAX_POINTS = re.compile(MAX_POINTS, re.I)
_MARKS = {SKIP_ROW: "skip", NEW_UNIT: "new_unit"}  # a name's mark -> its word


def word(key: str, lang: str, **params) -> str:
    """A preview word in the language: a column's meaning or how a name was matched (export.upload.<key>)."""
    return t(f"export.upload.{_MARKS.get(key, key)}", lang, **params)


def has_word(key: str) -> bool:
    """True if `key` has a preview word."""
    return f"export.upload.{_MARKS.get(key, key)}" in CATALOG


def meaning_options(catalog: Catalog, index_code: str | None, lang: str) -> dict[str, str]:
    """What a column may be said to hold, as the CLI's --column says it: meaning -> label."""
    options = {"ignore": word("ignore", lang), "overall": word("overall", lang)}
    for c in catalog.components.get(index_code or "", {}).values():
        options[f"component:{c.code}"] = ("   " if c.parent_code else "") + c.name(lang)
    options.update({m: word(m, lang) for m in MEANINGS if m not in options})
    return options


def import_columns(overrides: dict) -> dict | None:
    """The page's column corrections as ImportOptions.columns: 'component:CODE' becomes the component's code."""
    return {place: meaning.split(":", 1)[1] if meaning.startswith("component:") else meaning
            for place, meaning in overrides.items()} or None


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
                comp = catalog.components.get(col.target.index_code, {}).get(col.target.component_code)
                code = f"component:{col.target.component_code}" if col.target.component_code else "overall"
                label = comp.name(lang) if comp else word("overall", lang)
            elif col.role == "year_value":
                code, label = "year_value", word("year_value", lang, year=col.year)
            else:
                code, label = col.role, word(col.role, lang) if has_word(col.role) else col.role
            rows.append((layout.sheet, col.col, letter, headers.get(col.col, ""), code, label))
        used = set(layout.entity_cols) | {col.col for col in layout.columns}
        for c, text in headers.items():
            if c in used or (not text and c not in layout.ignored):
                continue  # blank columns without a header are left out of the preview
            _, letter = layout.place(first, c)
            rows.append((layout.sheet, c, letter, text, "ignore", word("ignore", lang)))
    frame = pd.DataFrame(rows, columns=["sheet", "col", "letter", "header", "meaning", "label"])
    return frame.sort_values(["sheet", "col"]).reset_index(drop=True)


def name_table(found: Inspection, chosen: dict[str, str]) -> pd.DataFrame:
    """Each distinct name in the file's name columns, in file order: the text, the code it matched, and how
    (auto, hand, a skip or new-unit mark, unknown). No suggestions here: they cost a fuzzy search per name."""
    rows = []
    seen = set()
    find = found.find
    for part in found.parts:
        layout = part.layout
        for c in layout.entity_cols:
            for r in range(layout.first_row, layout.last_row):
                raw = layout.grid[r][c] if c < len(layout.grid[r]) else ""
                if not isinstance(raw, str) or not raw.strip() or raw in seen:
                    continue
                seen.add(raw)
                if raw in chosen:
                    code = chosen[raw]
                    how = code if code in (SKIP_ROW, NEW_UNIT) else "hand"
                else:
                    code = (find(raw) if find else None) or ""
                    how = "auto" if code else "unknown"
                rows.append((raw, "" if how in (SKIP_ROW, NEW_UNIT) else code, how))
    return pd.DataFrame(rows, columns=["in_file", "code", "how"])


def name_page(names: pd.DataFrame, registry: Registry, lang: str, search: str = "", hide_auto: bool = False,
              page: int = 1, size: int = PAGE_SIZE) -> tuple[pd.DataFrame, int]:
    """One page of the names table (unknown names first), filtered by a text search; and the number of pages.

    hide_auto leaves out names the importer recognised by itself (those chosen by hand stay, to be seen and changed).
    Labels are made only for the rows shown."""
    shown = names
    if hide_auto:
        shown = shown[shown["how"] != "auto"]
    wanted = words(search)
    if wanted:
        shown = shown[[wanted in words(n) for n in shown["in_file"]]]
    shown = shown.iloc[(shown["how"] != "unknown").argsort(kind="stable")]
    pages = max(1, -(-len(shown) // size))
    page = min(max(1, page), pages)
    part = shown.iloc[(page - 1) * size: page * size]
    table = pd.DataFrame({
        "in_file": part["in_file"].to_numpy(),
        "matched": [entity_label(registry, c, lang) if c else "" for c in part["code"]],
        "how": [word(h, lang) for h in part["how"]],
    })
    return table, pages


def entity_label(registry: Registry, code: str, lang: str) -> str:
    """'Bệnh viện Đa khoa tỉnh · 22-SYT-… · Sở Y tế Quảng Ninh': the name, the code and the parent, if any."""
    if code in (SKIP_ROW, NEW_UNIT):
        return word(code, lang)
    entity = registry.entities.get(code)
    if entity is None:
        return code
    parent = registry.entities.get(entity.parent_code) if entity.parent_code else None
    return " · ".join([entity.name(lang), code] + ([parent.name(lang)] if parent else []))


def match_choices(store, registry: Registry, text: str, kinds: tuple[str, ...], parent: str | None,
                  limit: int = SUGGESTIONS) -> list[str]:
    """Every entity a name may be matched to, the closest first: under a parent only that parent's units (queried,
    never another department's), else every entity of the kinds, in name order."""
    if parent and "unit" in kinds:
        pool = [row[0] for row in store.rows("upload_unit_choices", parent_code=parent)]
    else:
        pool = sorted((e.code for e in registry.entities.values() if e.kind in kinds),
                      key=lambda c: (words(registry.entities[c].name_vi), c))
    allowed = set(pool)
    keys: dict[str, str] = {}
    for key, codes in registry.by_key.items():
        for code in codes:
            if code in allowed:
                keys.setdefault(key, code)
    best: list[str] = []
    for key, _score, _ in process.extract(name_key(text), list(keys), scorer=fuzz.WRatio, limit=limit * 3,
                                          score_cutoff=50):
        if keys[key] not in best:
            best.append(keys[key])
    best = best[:limit]
    return best + [c for c in pool if c not in best]


def index_proposal(content: bytes, file_name: str, parent_name: str | None = None) -> dict:
    """A department's own index as the file suggests it: a name, a code, the unit and the scale from a header such
    as 'Tổng điểm (100 điểm)' (the largest maximum, a total's first)."""
    title, maxima, totals, percent = "", [], [], False
    for sheet in read_workbook(content, file_name)[:3]:
        for row in sheet.rows[:15]:
            texts = [c.strip() for c in row if isinstance(c, str) and c.strip()]
            if not title and len(texts) == 1 and len(texts[0]) > 8:
                title = texts[0]
            for text in texts:
                percent = percent or "(%)" in text.replace(" ", "")
                for number, unit in _MAX_POINTS.findall(text):
                    value = float(number.replace(",", "."))
                    maxima.append((value, unit.lower()))
                    if words(text).startswith(("tong", "total", "diem tong")):
                        totals.append((value, unit.lower()))
    top = max(totals or maxima, default=(100.0, "%" if percent else POINTS_UNIT))
    unit = "%" if top[1] == "%" else POINTS_UNIT
    stem = file_name.rsplit(".", 1)[0]
    named = len(words(re.sub(r"\d+", " ", stem)).split()) >= 3  # "Book1", "bang_diem_2024" name nothing
    # the proposal is the index's Vietnamese name (name_vi), whatever the page's language
    name = title or (stem if named or not parent_name else t("export.upload.own_index", "vi", parent=parent_name))
    name = re.sub(YEAR_IN_TITLE, "", name, flags=re.I).strip(" -–:") or name
    code = words(name).upper().replace(" ", "_")[:32].strip("_")
    if not code or not code[0].isalpha():
        code = f"U_{code}"[:32]
    return {"code": code, "name": name, "unit": unit, "scale_min": 0.0, "scale_max": top[0]}


CHANGE_COLUMNS = ["index_code", "year", "entity_name", "component_code", "old_value", "new_value", "old_rank",
                  "new_rank"]  # header codes of the changes table


def changes_table(changed: pd.DataFrame, registry: Registry, lang: str) -> pd.DataFrame:
    """The figures a commit would change, old beside new, with headers in the reader's language."""
    shown = changed.assign(
        entity_name=[registry.entities[c].name(lang) if c in registry.entities else c for c in changed["entity_code"]],
        old_value=[format_number(v, lang, 2) for v in changed["old_value"]],
        new_value=[format_number(v, lang, 2) for v in changed["value"]], new_rank=changed["rank"])
    return with_headers(shown[CHANGE_COLUMNS], lang)


PROBLEMS_SHOWN = 100  # problems listed in full on the page; the count says how many more there are


def problem_cells(problems: list[Problem], lang: str, limit: int = PROBLEMS_SHOWN) -> pd.DataFrame:
    """problem_table() for st.table, which wraps long cells instead of cutting them and reads markdown: every cell
    and header is escaped text (values and names come from the file)."""
    from reformdash.markup import markdown_text

    table = problem_table(problems[:limit], lang)
    cells = table.map(lambda v: markdown_text(v) if str(v) else "")
    cells.columns = [markdown_text(c) for c in table.columns]
    return cells


def problem_table(problems: list[Problem], lang: str) -> pd.DataFrame:
    """Problems as rows: sheet, row, column, value and what is wrong, in plain words."""
    rows = [(p.sheet or "", p.row or "", p.column or "", "" if p.value is None else str(p.value)[:60],
             p.render(lang).split(": ", 1)[-1]) for p in problems]
    return with_headers(pd.DataFrame(rows, columns=["sheet", "row", "column", "cell_value", "problem"]), lang)

"""Blank xlsx templates (with drop-downs) for the plan, the units' periodic report and the tasks, read back by
reformdash.plan.sheets, in Vietnamese or English (headers, drop-downs and instructions; the sheet reader knows both).
Functions only: the Data / Kế hoạch page wires the download buttons."""

from __future__ import annotations

import csv
import datetime as dt
from functools import cache

from reformdash.exports import _List, _template
from reformdash.plan.model import load
from reformdash.plan.periods import periods_of_year
from reformdash.store import REFERENCE, Store
from reformdash.words import pair, t

# the templates' columns (sheet fields of reformdash.plan.sheets); their headers are words plan.tpl.<table>.<field>
PLAN_HEADERS = ["code", "name_vi", "unit", "kind", "target", "base_year", "year", "owner", "applies", "aggregation",
                "report", "entity"]
RESULT_HEADERS = ["code", "name", "entity", "period", "value", "numerator", "denominator", "received"]
TASK_HEADERS = ["code", "content", "owner", "cooperating", "due", "status", "year", "component", "note", "note_date"]
PLAN_LINES = ("plan.tpl.plan.line1", "plan.tpl.plan.line2", "plan.tpl.plan.line3", "plan.tpl.plan.line4",
              "plan.tpl.plan.line5")
RESULT_LINES = ("plan.tpl.results.line1", "plan.tpl.results.line2", "plan.tpl.results.line3",
                "plan.tpl.results.line4", "plan.tpl.results.line5")
TASK_LINES = ("plan.tpl.tasks.line1", "plan.tpl.tasks.line2", "plan.tpl.tasks.line3")


@cache
def choices(name: str, lang: str = "vi") -> list[str]:
    """The drop-down values of one list in a language (data/reference/plan_vocabulary.csv, group template_choice)."""
    with open(REFERENCE / "plan_vocabulary.csv", encoding="utf-8") as f:
        return [r["word"] for r in csv.DictReader(f) if r["group"] == "template_choice" and r["code"] == name
                and r["value"] in ("*", "en" if lang == "en" else "vi")]


def headers(table: str, fields: list[str], lang: str = "vi") -> list[str]:
    """A template's header row."""
    return [t(f"plan.tpl.{table}.{f}", lang) for f in fields]


def _units(store: Store, parent: str | None) -> list[str]:
    if not parent:
        return []
    return store.df("kpi_units", parent_code=parent)["name_vi"].tolist()


def _years() -> list[int]:
    now = dt.date.today().year
    return list(range(now - 5, now + 6))


def template_plan(store: Store, parent: str | None = None, lang: str = "vi") -> bytes:
    """Blank plan: one row per indicator (its department target), more rows with «Đơn vị» for a unit's own target."""
    units = _units(store, parent)
    h = headers("plan", PLAN_HEADERS, lang)
    lists = [_List(3, "DM_DVT", h[2], choices("unit", lang), strict=False),
             _List(4, "DM_Loai", h[3], choices("kind", lang), strict=False),
             _List(6, "DM_NamGoc", h[5], _years()), _List(7, "DM_Nam", h[6], _years()),
             _List(9, "DM_ApDung", h[8], [*choices("applies", lang), *units], strict=False),
             _List(10, "DM_TongHop", h[9], choices("aggregation", lang)),
             _List(11, "DM_KyBC", h[10], choices("report", lang), strict=False),
             _List(12, "DM_DonVi", h[11], units, strict=False)]
    lines = [t(key, lang) for key in PLAN_LINES]
    return _template(t("plan.tpl.plan.sheet", lang), h, [12, 48, 12, 22, 24, 10, 8, 24, 28, 16, 20, 30], lists,
                     lines)


def template_results(store: Store, parent: str | None = None, year: int | None = None, lang: str = "vi") -> bytes:
    """Blank periodic report of the units: indicator codes, units and periods as drop-downs."""
    plan = load(store, parent) if parent else None
    codes = list(plan.indicators) if plan else []
    year = year or dt.date.today().year
    h = headers("results", RESULT_HEADERS, lang)
    lists = [_List(1, "DM_ChiTieu", h[0], codes, strict=bool(codes)),
             _List(3, "DM_DonVi", h[2], _units(store, parent), strict=False),
             _List(4, "DM_Ky", h[3], [p.code for y in (year - 1, year) for p in periods_of_year(y)], strict=False)]
    lines = [t(key, lang) for key in RESULT_LINES]
    return _template(t("plan.tpl.results.sheet", lang), h, [12, 40, 36, 12, 10, 10, 10, 12], lists, lines)


def template_tasks(store: Store, parent: str | None = None, lang: str = "vi") -> bytes:
    """Blank task list: responsible and cooperating units, due time, status, progress notes."""
    units = _units(store, parent)
    h = headers("tasks", TASK_HEADERS, lang)
    lists = [_List(3, "DM_ChuTri", h[2], units, strict=False),
             _List(5, "DM_ThoiHan", h[4], choices("due", lang), strict=False),
             _List(6, "DM_TinhTrang", h[5], choices("status", lang)), _List(7, "DM_Nam", h[6], _years())]
    lines = [t(key, lang) for key in TASK_LINES]
    return _template(t("plan.tpl.tasks.sheet", lang), h, [12, 56, 28, 28, 16, 16, 8, 28, 40, 14], lists, lines)


TEMPLATES = {  # name -> (builder, file name, Vietnamese label, English label)
    "plan": (template_plan, "mau_ke_hoach.xlsx", *pair("plan.tpl.plan.label")),
    "plan_results": (template_results, "mau_bao_cao_dinh_ky.xlsx", *pair("plan.tpl.results.label")),
    "tasks": (template_tasks, "mau_nhiem_vu.xlsx", *pair("plan.tpl.tasks.label")),
}

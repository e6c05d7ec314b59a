"""The plan's slides for the briefing: the status table (continued over as many slides as it needs, never cut), the
indicators at risk, late reports and tasks due, with the report sentences in administrative Vietnamese and English."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from reformdash.plan import deadlines, model, views
from reformdash.plan.periods import parse_period
from reformdash.store import Store

CHART_NAME = 36  # characters of an indicator's name on a chart's axis
ROWS = 8  # table rows a slide holds legibly with long indicator names; a longer table goes on to the next slide


def _tr(vi: str, en: str, lang: str) -> str:
    return en if lang == "en" else vi


def plan_period(store: Store, parent: str, year: int, today: dt.date) -> str | None:
    """The period a briefing of `year` reviews: the latest of that year that has ended (the year once it has)."""
    codes = [c for c in views.periods(store, parent) if parse_period(c).year == year]
    return views.default_period(codes, today)


def plan_years(store: Store, entity: str) -> list[int]:
    """Years with a plan period for the entity or the departments under it."""
    return sorted({parse_period(c).year for p in views.parents_under(store, entity) for c in views.periods(store, p)})


def _parts(frame: pd.DataFrame) -> list[pd.DataFrame]:
    return [frame.iloc[i:i + ROWS].reset_index(drop=True) for i in range(0, len(frame), ROWS)] or [frame]


def _numbered(title: str, i: int, n: int) -> str:
    return f"{title} ({i}/{n})" if n > 1 else title


def plan_slides(store: Store, entity: str, year: int, today: dt.date, lang: str = "vi") -> list:
    """Every plan of the entity or its departments in `year`: status, at risk, late reports, tasks due."""
    from reformdash.briefing import Chart, Series, Slide

    slides = []
    names = views.plan_parents(store, lang)
    for parent in views.parents_under(store, entity):
        period = plan_period(store, parent, year, today)
        if period is None:
            continue
        sample = views.is_sample(store, parent)
        who, label = names.get(parent, parent), views.period_label(period, lang)
        frame = views.status(store, parent, period, today, lang)
        rows = frame[frame["is_parent"]].reset_index(drop=True)
        sentence = views.headline_sentence(frame, period, lang)
        table = pd.DataFrame({
            _tr("Chỉ tiêu", "Indicator", lang): rows["indicator_name"],
            _tr("Chủ trì", "Office", lang): rows["owner"].fillna(""),
            _tr("Mục tiêu", "Target", lang): rows["target"],
            _tr("Lũy kế", "Year to date", lang): [views.number(v, u, lang) for v, u in zip(rows["actual"],
                                                                                          rows["unit"])],
            _tr("Dự báo cuối năm", "Year-end forecast", lang): [views.number(v, u, lang) for v, u in
                                                                zip(rows["forecast"], rows["unit"])],
            _tr("Tình trạng", "Status", lang): [f"{views.LOOK[s][0]} {views.word(s, lang)}" for s in rows["status"]],
            _tr("Chi tiết", "Detail", lang): rows["detail"],
        })
        title = _tr(f"Kế hoạch CCHC: tình hình thực hiện {label}", f"The plan: status, {label}", lang)
        parts = _parts(table)
        for i, part in enumerate(parts, start=1):
            first = (i - 1) * ROWS + 1
            said = [sentence] if i == 1 else [_tr(f"Tiếp theo: chỉ tiêu {first}–{first + len(part) - 1}/{len(table)}.",
                                                  f"Continued: indicators {first}–{first + len(part) - 1} of "
                                                  f"{len(table)}.", lang)]
            slides.append(Slide("plan_status", _numbered(title, i, len(parts)), who, part, table=True,
                                sentences=said, sample=sample))
        slides += _risk_slides(rows, who, label, sample, lang, Chart, Series, Slide)
        slides += _late_slides(store, parent, period, who, today, sample, lang, Slide)
        slides += _task_slides(store, parent, year, who, today, sample, lang, Slide)
    return slides


def _risk_slides(rows: pd.DataFrame, who: str, label: str, sample: bool, lang: str, Chart, Series, Slide) -> list:
    """The indicators at risk or not met: how far the forecast (or the year's figure) falls short, in % of the
    level required, and each one's rule in words."""
    risky = rows[rows["status"].isin(["at_risk", "not_met"])].copy()
    if risky.empty:
        return []
    judged = risky["forecast"].where(risky["forecast"].notna(), risky["actual"])
    risky["short"] = [-(g / abs(n)) * 100 if n else None for g, n in zip(risky["gap"], risky["need"])]
    risky["judged"] = judged
    risky = risky.sort_values(["status", "short"], ascending=[False, True], na_position="last")
    title = _tr(f"Chỉ tiêu có nguy cơ không đạt, {label}", f"Targets at risk, {label}", lang)
    if (risky["status"] == "not_met").all():
        title = _tr(f"Chỉ tiêu chưa đạt, {label}", f"Targets not met, {label}", lang)
    slides = []
    parts = _parts(risky)
    for i, part in enumerate(parts, start=1):
        names = list(part["indicator_name"])
        chart = Chart("bar", _tr("Còn thiếu so với mức cần đạt (% của mức cần đạt)",
                                 "Shortfall against the required level (% of it)", lang), [_short(n) for n in names],
                      [Series(_tr("Còn thiếu", "Shortfall", lang),
                              [None if pd.isna(x) else round(float(x), 1) for x in part["short"]])],
                      number_format="0.0")
        data = pd.DataFrame({
            _tr("Chỉ tiêu", "Indicator", lang): names,
            _tr("Mục tiêu", "Target", lang): part["target"],
            _tr("Lũy kế", "Year to date", lang): [views.number(v, u, lang) for v, u in zip(part["actual"],
                                                                                          part["unit"])],
            _tr("Dự báo cuối năm", "Year-end forecast", lang): [views.number(v, u, lang) for v, u in
                                                                zip(part["forecast"], part["unit"])],
            _tr("Tình trạng", "Status", lang): [views.word(s, lang) for s in part["status"]],
            _tr("Chi tiết", "Detail", lang): part["detail"],
        })
        sentences = [f"{n}: {d}" for n, d in zip(part["indicator_name"], part["detail"])]
        slides.append(Slide("plan_risk", _numbered(title, i, len(parts)), who, data, [chart], sentences=sentences,
                            sample=sample))
    return slides


def _short(name: str, limit: int = CHART_NAME) -> str:
    """A chart's category name cut at a word («…»): long names would squeeze the chart off a PDF page; the table
    and the sentences beside it carry the whole name."""
    if len(name) <= limit:
        return name
    return name[:limit].rsplit(" ", 1)[0] + "…"


def late_sentence(late: pd.DataFrame, sent_late: pd.DataFrame, label: str, lang: str) -> str:
    """«2 báo cáo quá hạn chưa nhận: A (Quý III/2026, chậm 90 ngày), …; 3 báo cáo Quý III/2026 gửi chậm.»"""
    parts = []
    if len(late):
        listed = ", ".join(f"{r.entity_name} ({views.period_label(r.period, lang)}, "
                           f"{_tr(f'chậm {r.days_late} ngày', f'{r.days_late} days late', lang)})"
                           for r in late.itertuples(index=False))
        parts.append(_tr(f"{len(late)} báo cáo quá hạn chưa nhận: {listed}",
                         f"{len(late)} overdue reports not received: {listed}", lang))
    if len(sent_late):
        parts.append(_tr(f"{len(sent_late)} báo cáo {label} gửi chậm", f"{len(sent_late)} {label} reports sent late",
                         lang))
    return "; ".join(parts) + "." if parts else _tr("Không có báo cáo nào chậm.", "No report is late.", lang)


def _late_slides(store: Store, parent: str, period: str, who: str, today: dt.date, sample: bool, lang: str,
                 Slide) -> list:
    late = deadlines.late_now(store, parent, today, lang)
    late = late[[parse_period(p).year == parse_period(period).year for p in late["period"]]]  # that year's reports
    of_period = deadlines.deadlines(store, period, parent, today, lang)
    sent_late = of_period[of_period["state"] == "late"]
    rows = pd.concat([late, sent_late]).drop_duplicates(["entity_code", "period"]).reset_index(drop=True)
    if rows.empty:
        return []
    label = views.period_label(period, lang)
    data = pd.DataFrame({
        _tr("Đơn vị", "Unit", lang): rows["entity_name"],
        _tr("Kỳ báo cáo", "Period", lang): [views.period_label(p, lang) for p in rows["period"]],
        _tr("Hạn", "Due", lang): [d.strftime("%d/%m/%Y") if d else "" for d in rows["due"]],
        _tr("Ngày nhận", "Received", lang): [d.strftime("%d/%m/%Y") if isinstance(d, dt.date) else ""
                                             for d in rows["received"]],
        _tr("Tình trạng", "State", lang): rows["words"],
    })
    sentence = late_sentence(late, sent_late, label, lang)
    parts = _parts(data)
    title = _tr("Báo cáo chậm", "Late reports", lang)
    return [Slide("plan_late", _numbered(title, i, len(parts)), who, part, table=True,
                  sentences=[sentence] if i == 1 else [], sample=sample) for i, part in enumerate(parts, start=1)]


def task_sentence(tasks: pd.DataFrame, year: int, lang: str) -> str:
    """«Năm 2026 có 6 nhiệm vụ: 1 hoàn thành, 4 đang thực hiện, 1 chưa thực hiện; 2 nhiệm vụ quá hạn: NV03, NV06.»"""
    counts = tasks["status"].value_counts()
    said = ", ".join(f"{int(counts[s])} {views.TASK_WORDS[s][lang == 'en']}" for s in views.TASK_WORDS
                     if counts.get(s, 0))
    text = _tr(f"Năm {year} có {len(tasks)} nhiệm vụ: {said}", f"{year}: {len(tasks)} tasks: {said}", lang)
    overdue = tasks[tasks["overdue"]]
    if len(overdue):
        listed = ", ".join(f"{r.code} ({r.content})" for r in overdue.itertuples(index=False))
        text += _tr(f"; {len(overdue)} nhiệm vụ quá hạn: {listed}", f"; {len(overdue)} overdue: {listed}", lang)
    return text + "."


def _task_slides(store: Store, parent: str, year: int, who: str, today: dt.date, sample: bool, lang: str,
                 Slide) -> list:
    tasks = model.tasks(store, parent, today, lang)
    tasks = tasks[tasks["year"] == year]
    if tasks.empty:
        return []
    due = tasks[~tasks["status"].isin(["done", "cancelled"])].sort_values(["overdue", "code"],
                                                                            ascending=[False, True])
    if due.empty:
        return []
    last_note = [n.split("\n")[-1] if isinstance(n, str) and n else "" for n in due["notes"]]
    data = pd.DataFrame({
        _tr("Nhiệm vụ", "Task", lang): [f"{c} · {t}" for c, t in zip(due["code"], due["content"])],
        _tr("Chủ trì", "Responsible", lang): due["owner"].fillna(""),
        _tr("Thời hạn", "Due", lang): due["due"],
        _tr("Tình trạng", "Status", lang): [views.TASK_WORDS.get(s, (s, s))[lang == "en"]
                                            + (_tr(" · quá hạn", " · overdue", lang) if o else "")
                                            for s, o in zip(due["status"], due["overdue"])],
        _tr("Tiến độ mới nhất", "Latest progress", lang): last_note,
    })
    sentence = task_sentence(tasks, year, lang)
    parts = _parts(data)
    title = _tr("Nhiệm vụ đến hạn và đang thực hiện", "Tasks due and in progress", lang)
    return [Slide("plan_tasks", _numbered(title, i, len(parts)), who, part, table=True,
                  sentences=[sentence] if i == 1 else [], sample=sample) for i, part in enumerate(parts, start=1)]

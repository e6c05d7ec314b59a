"""The plan's slides for the briefing: the status table (continued over as many slides as it needs, never cut), the
indicators at risk, late reports and tasks due, with the report sentences in administrative Vietnamese and English."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from reformdash.plan import deadlines, model, views
from reformdash.plan.periods import parse_period
from reformdash.store import Store
from reformdash.words import t

CHART_NAME = 36  # characters of an indicator's name on a chart's axis
ROWS = 8  # table rows a slide holds legibly with long indicator names; a longer table goes on to the next slide


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
            t("plan.col.indicator", lang): rows["indicator_name"],
            t("plan.col.office", lang): rows["owner"].fillna(""),
            t("plan.col.target", lang): rows["target"],
            t("plan.col.ytd", lang): [views.number(v, u, lang) for v, u in zip(rows["actual"], rows["unit"])],
            t("plan.col.forecast", lang): [views.number(v, u, lang) for v, u in zip(rows["forecast"], rows["unit"])],
            t("plan.col.status", lang): [f"{views.LOOK[s][0]} {views.word(s, lang)}" for s in rows["status"]],
            t("plan.col.detail", lang): rows["detail"],
        })
        title = t("plan.slide.status_title", lang, label=label)
        parts = _parts(table)
        for i, part in enumerate(parts, start=1):
            first = (i - 1) * ROWS + 1
            said = [sentence] if i == 1 else [t("plan.slide.continued", lang, first=first,
                                                last=first + len(part) - 1, total=len(table))]
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
    title = t("plan.slide.risk_title", lang, label=label)
    if (risky["status"] == "not_met").all():
        title = t("plan.slide.not_met_title", lang, label=label)
    slides = []
    parts = _parts(risky)
    for i, part in enumerate(parts, start=1):
        names = list(part["indicator_name"])
        chart = Chart("bar", t("plan.slide.shortfall_axis", lang), [_short(n) for n in names],
                      [Series(t("plan.slide.shortfall", lang),
                              [None if pd.isna(x) else round(float(x), 1) for x in part["short"]])],
                      number_format="0.0")
        data = pd.DataFrame({
            t("plan.col.indicator", lang): names,
            t("plan.col.target", lang): part["target"],
            t("plan.col.ytd", lang): [views.number(v, u, lang) for v, u in zip(part["actual"], part["unit"])],
            t("plan.col.forecast", lang): [views.number(v, u, lang) for v, u in zip(part["forecast"], part["unit"])],
            t("plan.col.status", lang): [views.word(s, lang) for s in part["status"]],
            t("plan.col.detail", lang): part["detail"],
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
                           f"{t('plan.late', lang, days=r.days_late)})" for r in late.itertuples(index=False))
        parts.append(t("plan.slide.overdue_reports", lang, count=len(late), listed=listed))
    if len(sent_late):
        parts.append(t("plan.slide.sent_late", lang, count=len(sent_late), label=label))
    return "; ".join(parts) + "." if parts else t("plan.slide.none_late", lang)


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
        t("plan.col.unit", lang): rows["entity_name"],
        t("plan.col.period", lang): [views.period_label(p, lang) for p in rows["period"]],
        t("plan.col.due", lang): [d.strftime("%d/%m/%Y") if d else "" for d in rows["due"]],
        t("plan.col.received", lang): [d.strftime("%d/%m/%Y") if isinstance(d, dt.date) else ""
                                       for d in rows["received"]],
        t("plan.col.state", lang): rows["words"],
    })
    sentence = late_sentence(late, sent_late, label, lang)
    parts = _parts(data)
    title = t("plan.slide.late_title", lang)
    return [Slide("plan_late", _numbered(title, i, len(parts)), who, part, table=True,
                  sentences=[sentence] if i == 1 else [], sample=sample) for i, part in enumerate(parts, start=1)]


def task_sentence(tasks: pd.DataFrame, year: int, lang: str) -> str:
    """«Năm 2026 có 6 nhiệm vụ: 1 hoàn thành, 4 đang thực hiện, 1 chưa thực hiện; 2 nhiệm vụ quá hạn: NV03, NV06.»"""
    counts = tasks["status"].value_counts()
    said = ", ".join(f"{int(counts[s])} {views.task_word(s, lang)}" for s in views.TASK_STATUSES
                     if counts.get(s, 0))
    text = t("plan.slide.tasks_year", lang, year=year, count=len(tasks), said=said)
    overdue = tasks[tasks["overdue"]]
    if len(overdue):
        listed = ", ".join(f"{r.code} ({r.content})" for r in overdue.itertuples(index=False))
        text += t("plan.slide.tasks_overdue", lang, count=len(overdue), listed=listed)
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
        t("plan.col.task", lang): [f"{c} · {x}" for c, x in zip(due["code"], due["content"])],
        t("plan.col.responsible", lang): due["owner"].fillna(""),
        t("plan.col.due_by", lang): due["due"],
        t("plan.col.status", lang): [views.task_word(s, lang) + (t("plan.slide.overdue_suffix", lang) if o else "")
                                     for s, o in zip(due["status"], due["overdue"])],
        t("plan.col.latest", lang): last_note,
    })
    sentence = task_sentence(tasks, year, lang)
    parts = _parts(data)
    title = t("plan.slide.tasks_title", lang)
    return [Slide("plan_tasks", _numbered(title, i, len(parts)), who, part, table=True,
                  sentences=[sentence] if i == 1 else [], sample=sample) for i, part in enumerate(parts, start=1)]

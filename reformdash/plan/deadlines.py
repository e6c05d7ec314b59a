"""The reporting calendar: when each period's report is due, who sent it when, and who is late («chậm 3 ngày»).

A rule says a period kind's report is due on `day` of month `month_in_period`, counted from the period's first
month: the defaults are the Kon Tum plan's — quarterly by the 2nd of the quarter's last month (3, 2), six months by
2 June (6, 2; the second half by 2 December), the year by 15 November (11, 15); a month in period past the period's
length falls after it (13 = January of the next year). A parent's `report_due` rows replace the defaults.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from reformdash.plan.model import PlanData, load, parents
from reformdash.plan.periods import Period, parse_period, periods_of_year
from reformdash.store import Store
from reformdash.words import t

DEFAULT_RULES: dict[str, tuple[int, int]] = {"Q": (3, 2), "H": (6, 2), "Y": (11, 15)}
CLI_COLUMNS = ["entity_code", "entity_name", "period", "due", "received", "days_late"]
COLUMNS = [*CLI_COLUMNS, "parent_code", "state", "words"]  # state: on_time | late | missing | waiting


def rules(plan: PlanData) -> dict[str, tuple[int, int]]:
    """The parent's rules over the defaults."""
    out = dict(DEFAULT_RULES)
    for r in plan.due.itertuples(index=False):
        out[r.period_kind] = (int(r.month_in_period), int(r.day))
    return out


def due_date(period: Period, rule: tuple[int, int] | None) -> dt.date | None:
    """The day a period's report is due under a rule; None when no rule covers the period's kind."""
    if rule is None:
        return None
    month_in_period, day = rule
    index = period.first_month - 1 + month_in_period - 1  # months after January of the period's year
    year, month = period.year + index // 12, index % 12 + 1
    last = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day, last))


def lateness(due: dt.date | None, received: dt.date | None, today: dt.date) -> tuple[str, int | None]:
    """(state, days late): on_time, late (sent after the day), missing (not sent, day passed), waiting (not yet due)."""
    if due is None:
        return ("on_time" if received else "waiting"), None
    if received is not None:
        days = (received - due).days
        return ("late", days) if days > 0 else ("on_time", 0)
    if today > due:
        return "missing", (today - due).days
    return "waiting", None


def state_words(state: str, days: int | None, lang: str = "vi") -> str:
    """«chậm 3 ngày», «đúng hạn», «chưa nhận (chậm 5 ngày)», «chưa đến hạn»."""
    if state == "late":
        return t("plan.late", lang, days=days)
    if state == "on_time":
        return t("plan.on_time", lang)
    if state == "missing":
        return f"{t('plan.not_received', lang)} ({t('plan.late', lang, days=days)})"
    return t("plan.not_due", lang)


def expected(plan: PlanData, period: Period | None, today: dt.date) -> list[tuple[str, Period]]:
    """(unit, period) pairs that owe a report: the kinds the unit's indicators report, in the plan's years; without
    a chosen period only those already due (or already sent)."""
    unit_codes = plan.units["code"].tolist()
    kinds_of: dict[str, set[str]] = {}
    for ind in plan.indicators.values():
        for u in ind.units(unit_codes):
            kinds_of.setdefault(u, set()).update(k for k in ind.report_kinds.split(",") if k)
    years = sorted({int(str(x.period)[:4]) for x in plan.targets} | {int(str(p)[:4]) for p in plan.values["period"]})
    sent = set(zip(plan.values["entity_code"], plan.values["period"], strict=True))
    table = rules(plan)
    out = []
    for unit in unit_codes:
        kinds = kinds_of.get(unit, set())
        if period is not None:
            if period.kind in kinds or (unit, period.code) in sent:
                out.append((unit, period))
            continue
        for year in years:
            for p in periods_of_year(year, tuple(k for k in ("Q", "H", "Y", "M") if k in kinds)):
                due = due_date(p, table.get(p.kind))
                if (unit, p.code) in sent or (due is not None and due < today):
                    out.append((unit, p))
    return out


def deadlines(store: Store, period: str | None = None, parent: str | None = None, today: dt.date | None = None,
              lang: str = "vi") -> pd.DataFrame:
    """Per unit and period: the due day, when its report arrived (the last value's «Ngày gửi») and days late.

    `days_late` is 0 when on time, the days after the due day when sent late, and for a report not yet sent whose
    day has passed, the days until today (the row's `received` is then empty: who is late now).
    """
    today = today or dt.date.today()
    chosen = parse_period(period) if period else None
    codes = [parent] if parent else parents(store)["code"].tolist()
    rows = []
    for code in codes:
        plan = load(store, code)
        names = {r.code: (r.name_en if lang == "en" else r.name_vi) for r in plan.units.itertuples(index=False)}
        received: dict[tuple[str, str], dt.date | None] = {}
        for r in plan.values.itertuples(index=False):
            day = None if pd.isna(r.received_on) else pd.Timestamp(r.received_on).date()
            key = (r.entity_code, r.period)
            if key not in received or (day is not None and (received[key] is None or day > received[key])):
                received[key] = day
        table = rules(plan)
        for unit, p in expected(plan, chosen, today):
            due = due_date(p, table.get(p.kind))
            got = received.get((unit, p.code))
            state, days = lateness(due, got, today)
            if (unit, p.code) in received and got is None:
                state, days = "on_time", None  # sent, date not stated
            rows.append({"entity_code": unit, "entity_name": names.get(unit, unit), "period": p.code,
                         "due": due, "received": got, "days_late": days, "parent_code": code, "state": state,
                         "words": state_words(state, days, lang)})
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["days_late"] = frame["days_late"].astype("Int64")
    order = frame["period"].map(lambda c: parse_period(c)._key()) if len(frame) else frame["period"]
    return frame.assign(_o=order).sort_values(["parent_code", "_o", "entity_name", "entity_code"]).drop(
        columns="_o").reset_index(drop=True)


def late_now(store: Store, parent: str | None = None, today: dt.date | None = None, lang: str = "vi") -> pd.DataFrame:
    """Reports whose day has passed and that have not arrived (deadlines' columns), most overdue first."""
    frame = deadlines(store, None, parent, today, lang)
    late = frame[frame["state"] == "missing"]
    return late.sort_values(["days_late", "entity_name"], ascending=[False, True]).reset_index(drop=True)

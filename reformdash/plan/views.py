"""What the plan's pages and slides show, computed here so tests call it without Streamlit: the status matrix, the
headline, one indicator over periods and units, who is late, tasks due, a unit's indicators, the report sentences,
and the Changes an editor's grid or note makes (previewed and committed by reformdash.plan.model)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from reformdash.errors import ReformdashError
from reformdash.memo import Memo
from reformdash.plan import deadlines, judge, kinds, model
from reformdash.plan.periods import parse_period
from reformdash.store import Store
from reformdash.words import format_number, t
from reformdash.words.plan import COUNT_UNIT

# Okabe–Ito colours (told apart with every common colour-blindness), and a symbol and a word in every cell so
# that colour is never the only sign: status -> (symbol, strong colour, light background, Streamlit badge colour)
LOOK = {
    "met": ("✔", "#0072B2", "#cfe3f3", "blue"),
    "on_track": ("➚", "#009E73", "#d2efe4", "green"),
    "at_risk": ("▲", "#E69F00", "#fde6b4", "orange"),
    "not_met": ("✖", "#D55E00", "#f7cfb6", "red"),
    "no_data": ("○", "#8a8a8a", "#ececec", "gray"),
}
TASK_STATUSES = ("not_started", "in_progress", "done", "cancelled")
NAMES_IN_SENTENCE = 5  # indicators named in a headline sentence; the rest are counted


def short_word(status: str, lang: str = "vi") -> str:
    """The status in a matrix cell or a chart's label: «nguy cơ» (the legend and the sentences use `word`)."""
    return t(f"plan.short.{status}", lang)


def task_word(status: str, lang: str = "vi") -> str:
    """A task's status in words («đang thực hiện»); an unknown status as itself."""
    return t(f"plan.task.{status}", lang) if status in TASK_STATUSES else status


def word(status: str, lang: str = "vi") -> str:
    """The status in words: «có nguy cơ không đạt»."""
    return t(f"plan.status.{status}", lang)


def badge(status: str, lang: str = "vi", count: int | None = None, short: bool = False) -> str:
    """A Streamlit badge with the symbol and the word (never colour alone): ':orange-badge[▲ 13 có nguy cơ…]'."""
    symbol, _strong, _light, colour = LOOK[status]
    said = short_word(status, lang) if short else word(status, lang)
    text = said if count is None else f"{count} {said}"
    return f":{colour}-badge[{symbol} {text}]"


def number(x: float | None, unit: str, lang: str = "vi") -> str:
    """«88,5%», «7.486,5 triệu đồng», «—» when missing."""
    if x is None or pd.isna(x):
        return "—"
    decimals = 0 if abs(x - round(x)) < 1e-9 else 1
    text = format_number(float(x), lang, decimals)
    if unit == "%":
        return text + "%"
    return f"{text} {kinds.unit_word(unit, lang)}" if unit and unit != COUNT_UNIT else text


# what a plan holds ----------------------------------------------------------------------------------------------
def plan_parents(store: Store, lang: str = "vi") -> dict[str, str]:
    """Entities with a plan: code -> name."""
    frame = model.parents(store, lang)
    return {r.code: (r.name if isinstance(r.name, str) else r.code) for r in frame.itertuples(index=False)}


def is_sample(store: Store, parent: str) -> bool:
    """True when the parent's plan figures come from the sample (MẪU) batches."""
    sample = set(store.df("sample_batches")["id"])
    if not sample:
        return False
    plan = model.load(store, parent)
    return any(i.batch_id in sample for i in plan.indicators.values()) or bool(plan.values["batch_id"].isin(sample)
                                                                               .any())


def periods(store: Store, parent: str) -> list[str]:
    """Periods with a figure or a target in the parent's plan, oldest first (codes)."""
    plan = model.load(store, parent)
    found = {parse_period(p) for p in plan.values["period"]} | {parse_period(str(x.period)[:4]) for x in plan.targets}
    return [p.code for p in sorted(found)]


def default_period(codes: list[str], today: dt.date) -> str | None:
    """The latest period that has ended (the quarter a meeting reviews), else the latest."""
    ended = [c for c in codes if parse_period(c).end < today]
    return (ended or codes or [None])[-1]


def period_label(code: str, lang: str = "vi") -> str:
    return parse_period(code).label(lang)


_STATUS = Memo(64)


def status(store: Store, parent: str, period: str, today: dt.date, lang: str = "vi") -> pd.DataFrame:
    """judge.evaluate of one parent and period (the matrix's, the headline's and the slides' rows), kept until the
    data changes: the matrix, its filters, the drill and the headline read the same frame (treat it as read-only)."""
    key = (store.path, store.data_version(), parent, period, today, lang)
    return _STATUS.get(key, lambda: judge.evaluate(store, period, parent, today, lang))


# the headline ---------------------------------------------------------------------------------------------------
@dataclass
class Headline:
    """The plan's headline for one parent: counts by status, who is late, and the sentence."""

    parent: str
    parent_name: str
    period: str
    period_label: str
    counts: dict[str, int]
    total: int
    late: list[str]  # «Trung tâm Pháp y: Quý III/2026, chưa nhận (chậm 90 ngày)»
    sample: bool
    sentence: str
    risky: list[str] = field(default_factory=list)  # names of the indicators at risk or not met
    late_units: list[str] = field(default_factory=list)  # who is late, most overdue first, once each


def headline_sentence(frame: pd.DataFrame, period: str, lang: str = "vi") -> str:
    """«Quý III/2026, 6/20 chỉ tiêu đạt hoặc đúng tiến độ; 13 chỉ tiêu có nguy cơ không đạt: A, B…; 1 chỉ tiêu chưa
    có số liệu.» (the parent's rows)."""
    rows = frame[frame["is_parent"]]
    counts = judge.summary(frame)
    total = len(rows)
    label = period_label(period, lang)
    good = counts["met"] + counts["on_track"]
    if counts["on_track"]:
        head = t("plan.head.on_track", lang, label=label, good=good, total=total, met=counts["met"],
                 on_track=counts["on_track"])
    else:
        head = t("plan.head.met", lang, label=label, met=counts["met"], total=total)
    parts = [head]
    for s in ("at_risk", "not_met"):
        if counts[s]:
            names = list(rows[rows["status"] == s]["indicator_name"])
            listed = ", ".join(names[:NAMES_IN_SENTENCE])
            more = len(names) - NAMES_IN_SENTENCE
            if more > 0:
                listed += t("plan.head.more", lang, more=more)
            parts.append(t("plan.head.status", lang, count=counts[s], status=word(s, lang), listed=listed))
    if counts["no_data"]:
        parts.append(t("plan.head.no_data", lang, count=counts["no_data"]))
    return "; ".join(parts) + "."


def late_lines(store: Store, parent: str, today: dt.date, lang: str = "vi") -> list[str]:
    """Who is late now, most overdue first: «Trung tâm Pháp y: Quý III/2026, chưa nhận (chậm 90 ngày)»."""
    late = deadlines.late_now(store, parent, today, lang)
    return [f"{r.entity_name}: {period_label(r.period, lang)}, {r.words}" for r in late.itertuples(index=False)]


def headline(store: Store, parent: str, today: dt.date, lang: str = "vi") -> Headline | None:
    """The headline of a parent's plan for its default period; None when the plan has no period."""
    codes = periods(store, parent)
    period = default_period(codes, today)
    if period is None:
        return None
    frame = status(store, parent, period, today, lang)
    rows = frame[frame["is_parent"]]
    counts = judge.summary(frame)
    names = plan_parents(store, lang)
    return Headline(parent, names.get(parent, parent), period, period_label(period, lang), counts, len(rows),
                    late_lines(store, parent, today, lang), is_sample(store, parent),
                    headline_sentence(frame, period, lang),
                    list(rows[rows["status"].isin(["at_risk", "not_met"])]["indicator_name"]),
                    list(dict.fromkeys(deadlines.late_now(store, parent, today, lang)["entity_name"])))


def parents_under(store: Store, entity: str) -> list[str]:
    """Plan parents that are the entity or sit under it (a province's departments)."""
    from reformdash.registry import Registry

    registry = Registry.load(store)
    out = []
    for code in plan_parents(store):
        seen, c = set(), code
        while c is not None and c not in seen:
            if c == entity:
                out.append(code)
                break
            seen.add(c)
            found = registry.entities.get(c)
            c = found.parent_code if found else None
    return out


def overview_headlines(store: Store, entity: str, today: dt.date, lang: str = "vi") -> list[Headline]:
    """The overview's plan cards: one headline per plan of the focus entity or its departments."""
    return [h for code in parents_under(store, entity) if (h := headline(store, code, today, lang)) is not None]


# the matrix -----------------------------------------------------------------------------------------------------
@dataclass
class Matrix:
    """Indicators × (the parent, its units): cell texts and, beside them, each cell's status (for the colours)."""

    cells: pd.DataFrame
    statuses: pd.DataFrame  # same shape; "" in the descriptive columns


def offices(store: Store, parent: str) -> list[str]:
    """The responsible offices named in the plan (the «office» filter)."""
    plan = model.load(store, parent)
    return sorted({i.owner for i in plan.indicators.values() if i.owner})


def units(store: Store, parent: str, lang: str = "vi") -> dict[str, str]:
    """The parent's units: code -> name."""
    plan = model.load(store, parent)
    return {r.code: (r.name_en if lang == "en" else r.name_vi) for r in plan.units.itertuples(index=False)}


def whole(lang: str) -> str:
    return t("plan.whole", lang)


def matrix(store: Store, parent: str, period: str, today: dt.date, lang: str = "vi", office: str | None = None,
           unit: str | None = None) -> Matrix:
    """The status matrix of a period, narrowed to one office's indicators and to one unit (beside the parent)."""
    frame = status(store, parent, period, today, lang)
    if office:
        frame = frame[frame["owner"] == office]
    if unit:
        frame = frame[frame["is_parent"] | (frame["entity_code"] == unit)]
    unit_names = units(store, parent, lang)
    entity_order = [c for c in unit_names if c in set(frame["entity_code"])]
    # the department's status right after the name: on a phone the first two columns are what shows
    heads = [t("plan.col.indicator", lang), whole(lang), t("plan.col.target", lang), t("plan.col.office", lang)]
    columns = [unit_names.get(c, c) for c in entity_order]
    cells, marks = [], []

    def cell(r) -> tuple[str, str]:
        if r is None:
            return "", ""
        value = "" if r.actual is None or pd.isna(r.actual) else " · " + number(r.actual, r.unit, lang)
        return f"{LOOK[r.status][0]} {short_word(r.status, lang)}{value}", r.status

    for _code, rows in frame.groupby("indicator", sort=False):
        first = rows.iloc[0]
        by_entity = {r.entity_code: r for r in rows.itertuples(index=False)}
        own = by_entity.get(parent)
        own_cell, own_mark = cell(own)
        row_cells = [first["indicator_name"], own_cell, own.target if own is not None else first["target"],
                     first["owner"] or ""]
        row_marks = ["", own_mark, "", ""]
        for e in entity_order:
            text, mark = cell(by_entity.get(e))
            row_cells.append(text)
            row_marks.append(mark)
        cells.append(row_cells)
        marks.append(row_marks)
    return Matrix(pd.DataFrame(cells, columns=heads + columns), pd.DataFrame(marks, columns=heads + columns))


def styled(m: Matrix):
    """The matrix as a pandas Styler: each status cell on its light colour, dark text (st.dataframe draws it)."""
    def colours(_frame):
        return m.statuses.map(lambda s: f"background-color: {LOOK[s][2]}; color: #1c2833" if s else "")

    return m.cells.style.apply(colours, axis=None)


def legend(lang: str = "vi") -> str:
    """The matrix's key as badges: symbol, colour and word of every status."""
    return " ".join(badge(s, lang) for s in LOOK)


# one indicator ----------------------------------------------------------------------------------------------------
def indicator_choices(store: Store, parent: str, lang: str = "vi") -> dict[str, str]:
    """code -> name of the parent's indicators, in the plan's order."""
    plan = model.load(store, parent)
    ordered = sorted(plan.indicators.values(), key=lambda i: (i.sort_order, i.code))
    return {i.code: i.name(lang) for i in ordered}


def indicator_history(store: Store, parent: str, indicator: str, today: dt.date, lang: str = "vi") -> pd.DataFrame:
    """One indicator for every period, the parent and its units (judge.evaluate's columns)."""
    frame = judge.evaluate(store, None, parent, today, lang, indicator=indicator)
    order = {c: i for i, c in enumerate(periods(store, parent))}
    return frame.assign(_o=frame["period"].map(order)).sort_values(["_o", "is_parent"], ascending=[True, False]) \
        .drop(columns="_o").reset_index(drop=True)


def indicator_units(store: Store, parent: str, indicator: str, period: str, today: dt.date,
                    lang: str = "vi") -> pd.DataFrame:
    """One indicator in one period: the parent first, then its units (status, actual, forecast, detail)."""
    frame = status(store, parent, period, today, lang)
    return frame[frame["indicator"] == indicator].reset_index(drop=True)


def unit_detail_table(frame: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    """indicator_units() as the page's table: entity, status word, year to date, forecast, the rule in words."""
    return pd.DataFrame({
        t("plan.col.unit", lang): frame["entity_name"],
        t("plan.col.status", lang): [f"{LOOK[s][0]} {word(s, lang)}" for s in frame["status"]],
        t("plan.col.ytd", lang): [number(v, u, lang) for v, u in zip(frame["actual"], frame["unit"])],
        t("plan.col.forecast", lang): [number(v, u, lang) for v, u in zip(frame["forecast"], frame["unit"])],
        t("plan.col.how", lang): frame["detail"],
    })


# a unit's indicators (the units page) -----------------------------------------------------------------------------
def unit_plan(store: Store, parent: str, unit: str, today: dt.date, lang: str = "vi") -> pd.DataFrame:
    """One unit's indicators in the plan's default period: indicator, target, year to date, status, the rule."""
    period = default_period(periods(store, parent), today)
    if period is None:
        return pd.DataFrame()
    frame = status(store, parent, period, today, lang)
    mine = frame[frame["entity_code"] == unit]
    return pd.DataFrame({
        t("plan.col.indicator", lang): mine["indicator_name"],
        t("plan.col.target", lang): mine["target"],
        t("plan.col.ytd", lang): [number(v, u, lang) for v, u in zip(mine["actual"], mine["unit"])],
        t("plan.col.status", lang): [f"{LOOK[s][0]} {word(s, lang)}" for s in mine["status"]],
        t("plan.col.how", lang): mine["detail"],
    }).reset_index(drop=True)


def units_summary(store: Store, parent: str, today: dt.date, lang: str = "vi") -> pd.DataFrame:
    """Per unit, how many of its indicators have each status in the default period (most at risk first)."""
    period = default_period(periods(store, parent), today)
    if period is None:
        return pd.DataFrame()
    frame = status(store, parent, period, today, lang)
    frame = frame[~frame["is_parent"]]
    counts = frame.groupby(["entity_code", "entity_name"])["status"].value_counts().unstack(fill_value=0)
    counts = counts.reindex(columns=list(LOOK), fill_value=0).reset_index()
    counts = counts.sort_values(["not_met", "at_risk", "entity_name"], ascending=[False, False, True])
    out = pd.DataFrame({t("plan.col.unit", lang): counts["entity_name"]})
    for s in LOOK:
        out[f"{LOOK[s][0]} {word(s, lang)}"] = counts[s].astype(int).to_numpy()
    return out.reset_index(drop=True)


# who is late, tasks -----------------------------------------------------------------------------------------------
def late_table(store: Store, parent: str, today: dt.date, lang: str = "vi") -> pd.DataFrame:
    """Reports not received whose day has passed, most overdue first."""
    late = deadlines.late_now(store, parent, today, lang)
    return pd.DataFrame({
        t("plan.col.unit", lang): late["entity_name"],
        t("plan.col.period", lang): [period_label(p, lang) for p in late["period"]],
        t("plan.col.due", lang): [d.strftime("%d/%m/%Y") if d else "" for d in late["due"]],
        t("plan.col.state", lang): late["words"],
    })


def tasks_table(store: Store, parent: str, today: dt.date, lang: str = "vi", open_only: bool = False) -> pd.DataFrame:
    """Tasks with owner, due time in words, status, overdue mark and their progress notes (overdue first)."""
    frame = model.tasks(store, parent, today, lang)
    if open_only:
        frame = frame[~frame["status"].isin(["done", "cancelled"])]
    frame = frame.sort_values(["overdue", "year", "code"], ascending=[False, True, True])
    late = t("plan.overdue_mark", lang)
    return pd.DataFrame({
        t("plan.col.code", lang): frame["code"],
        t("plan.col.task", lang): frame["content"],
        t("plan.col.responsible", lang): frame["owner"],
        t("plan.col.due_by", lang): frame["due"],
        t("plan.col.status", lang): [task_word(s, lang) + (f" · {late}" if o else "")
                                     for s, o in zip(frame["status"], frame["overdue"])],
        t("plan.col.notes", lang): frame["notes"].fillna(""),
    }).reset_index(drop=True)


def task_choices(store: Store, parent: str, lang: str = "vi") -> dict[str, str]:
    """'year|code' -> «NV01 · content» of the parent's tasks."""
    frame = model.tasks(store, parent, lang=lang)
    return {f"{r.year}|{r.code}": f"{r.code} · {r.content}" for r in frame.itertuples(index=False)}


# editors' changes -------------------------------------------------------------------------------------------------
GRID_COLUMNS = ["code", "name", "unit", "value", "numerator", "denominator"]


def grid_rows(store: Store, parent: str, entity: str, period: str, lang: str = "vi") -> pd.DataFrame:
    """The indicators an entity reports, with its figures for the period (blank when none): the editor's grid."""
    plan = model.load(store, parent)
    codes = plan.units["code"].tolist()
    mine = plan.values[(plan.values["entity_code"] == entity) & (plan.values["period"] == period)]
    held = {r.indicator_code: r for r in mine.itertuples(index=False)}
    rows = []
    for ind in sorted(plan.indicators.values(), key=lambda i: (i.sort_order, i.code)):
        if entity != parent and entity not in ind.units(codes):
            continue
        r = held.get(ind.code)
        rows.append({"code": ind.code, "name": ind.name(lang), "unit": ind.unit,
                     "value": None if r is None or pd.isna(r.value) else float(r.value),
                     "numerator": None if r is None or pd.isna(r.numerator) else float(r.numerator),
                     "denominator": None if r is None or pd.isna(r.denominator) else float(r.denominator)})
    return pd.DataFrame(rows, columns=GRID_COLUMNS).astype({"value": "float64", "numerator": "float64",
                                                             "denominator": "float64"})


def grid_change(store: Store, parent: str, entity: str, period: str, grid: pd.DataFrame, received: dt.date | None,
                lang: str = "vi") -> model.Change:
    """A Change of the values typed in the grid (rows left blank are not written); ReformdashError on a half ratio."""
    code = parse_period(period).code
    rows = []
    for r in grid.itertuples(index=False):
        value, num, den = (None if pd.isna(x) else float(x) for x in (r.value, r.numerator, r.denominator))
        if value is None and num is None and den is None:
            continue
        if (num is None) != (den is None):
            raise ReformdashError(t("plan.grid.half_ratio", lang, code=r.code), t("plan.grid.incomplete", lang))
        if den == 0:
            raise ReformdashError(t("plan.grid.den_zero", lang, code=r.code), t("plan.grid.wrong", lang))
        if value is None:
            value = num / den * (100 if r.unit == "%" else 1)
        rows.append({"parent_code": parent, "indicator_code": r.code, "entity_code": entity, "period": code,
                     "value": value, "numerator": num, "denominator": den, "received_on": received})
    frame = pd.DataFrame(rows, columns=model.TABLES["value"][0])
    text = frame.to_csv(index=False)
    return model.Change("results", f"nhap-tay_{entity}_{code}.csv", text.encode("utf-8"), parent,
                        frames={"value": frame})


def note_change(parent: str, task_key: str, day: dt.date, text: str, user: str, lang: str = "vi") -> model.Change:
    """A Change adding one dated progress note to a task ('year|code')."""
    text = " ".join(str(text).split())
    if not text:
        raise ReformdashError(t("plan.note_empty", lang), t("plan.note_empty_title", lang))
    year, code = task_key.split("|", 1)
    frame = pd.DataFrame([{"parent_code": parent, "year": int(year), "task_code": code, "note_date": day,
                           "text": text, "user_name": user}], columns=model.TABLES["note"][0])
    content = frame.to_csv(index=False).encode("utf-8")
    return model.Change("tasks", f"ghi-chu_{code}_{day:%Y%m%d}.csv", content, parent, frames={"note": frame})


def changed_rows(change: model.Change, lang: str = "vi") -> dict[str, pd.DataFrame]:
    """A preview's replaced rows, old → new in one column per field that differs: table -> frame."""
    out = {}
    for table, frame in change.changed.items():
        if frame is None or frame.empty:
            continue
        columns, key, _query = model.TABLES[table]
        shown = frame[key].copy()
        for c in columns:
            if c in key or f"old_{c}" not in frame:
                continue
            pairs = [(o, n) for o, n in zip(frame[f"old_{c}"], frame[c], strict=True)]
            if all(model._same(o, n) for o, n in pairs):
                continue
            shown[c] = [f"{_cell(o, lang)} → {_cell(n, lang)}" if not model._same(o, n) else _cell(n, lang)
                        for o, n in pairs]
        out[table] = shown.drop(columns=["parent_code"]).reset_index(drop=True)
    return out


def _cell(x, lang: str) -> str:
    x = model._none(x)
    if x is None:
        return "—"
    if isinstance(x, float):
        return format_number(x, lang, 0 if x.is_integer() else 2)
    if isinstance(x, (pd.Timestamp, dt.date)):
        return pd.Timestamp(x).strftime("%d/%m/%Y")
    return str(x)


def counts_table(change: model.Change, lang: str = "vi") -> pd.DataFrame:
    """The preview's counts: one row per table, added / changed / unchanged."""
    names = {"indicator": "plan.counts.indicator", "target": "plan.counts.target", "value": "plan.counts.value",
             "due": "plan.counts.due", "task": "plan.counts.task", "note": "plan.counts.note"}
    rows = [(t(names[table], lang), c["added"], c["changed"], c["unchanged"]) for table, c in change.counts.items()]
    return pd.DataFrame(rows, columns=[t("plan.col.table", lang), t("plan.col.added", lang),
                                       t("plan.col.changed", lang), t("plan.col.unchanged", lang)])


def entry_periods(store: Store, parent: str, today: dt.date) -> list[str]:
    """Periods an editor may type figures for: this year's and last year's quarters, halves and years."""
    from reformdash.plan.periods import periods_of_year

    years = sorted({today.year - 1, today.year} | {parse_period(p).year for p in periods(store, parent)})
    return [p.code for y in years for p in periods_of_year(y) if p.start <= today]



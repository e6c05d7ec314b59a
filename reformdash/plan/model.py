"""The plan's data: indicators, targets, values, the reporting calendar, tasks and notes — read and written.

A write is a `Change` (the rows a file or an editor would write, per table), previewed against the store
(`preview`: added / changed / unchanged per table) and committed in one transaction as one batch of the shared
`batch` table (`commit`), so the Data page's history, `revert BATCH_ID` and `remove-sample` treat plan batches like
score batches. What a batch replaced is kept in the *_replaced tables and restored by `revert_rows`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

import duckdb
import numpy as np
import pandas as pd

from reformdash.errors import StoreBusy
from reformdash.store import Store, bump_version, query_text
from reformdash.words import t

# table -> (columns written by a change, key columns, the query reading it)
TABLES: dict[str, tuple[list[str], list[str], str]] = {
    "indicator": (["parent_code", "code", "name_vi", "name_en", "unit", "higher_is_better", "aggregation",
                   "numerator_vi", "denominator_vi", "owner", "applies_to", "report_kinds", "index_code",
                   "component_code", "sort_order"], ["parent_code", "code"], "kpi_indicators"),
    "target": (["parent_code", "indicator_code", "entity_code", "period", "kind", "target", "target_high", "strict",
                "by_unit", "base_year", "threshold", "threshold_strict", "text"],
               ["parent_code", "indicator_code", "entity_code", "period"], "kpi_targets"),
    "value": (["parent_code", "indicator_code", "entity_code", "period", "value", "numerator", "denominator",
               "received_on"], ["parent_code", "indicator_code", "entity_code", "period"], "kpi_values"),
    "due": (["parent_code", "period_kind", "month_in_period", "day"], ["parent_code", "period_kind"],
            "kpi_due_rules"),
    "task": (["parent_code", "year", "code", "content", "owner_code", "owner_text", "cooperating", "due_date",
              "due_period", "recurring", "status", "index_code", "component_code"], ["parent_code", "year", "code"],
             "kpi_tasks"),
    "note": (["parent_code", "year", "task_code", "note_date", "text", "user_name"],
             ["parent_code", "year", "task_code", "note_date", "text"], "kpi_task_notes"),
}
AGGREGATIONS = ("mean", "sum", "ratio", "share_of_units")
TASK_STATUSES = ("not_started", "in_progress", "done", "cancelled")
BATCH_LABELS = {"plan": "plan.batch.plan", "results": "plan.batch.results", "tasks": "plan.batch.tasks"}
TOLERANCE = 1e-6


@dataclass
class Indicator:
    """One indicator (chỉ tiêu) of a parent's plan."""

    parent_code: str
    code: str
    name_vi: str
    name_en: str | None
    unit: str
    higher_is_better: bool
    aggregation: str
    numerator_vi: str | None
    denominator_vi: str | None
    owner: str | None
    applies_to: str
    report_kinds: str
    index_code: str | None
    component_code: str | None
    sort_order: int
    batch_id: int

    def name(self, lang: str = "vi") -> str:
        return (self.name_en or self.name_vi) if lang == "en" else self.name_vi

    def units(self, all_units: list[str]) -> list[str]:
        """The unit codes the indicator applies to."""
        if self.applies_to in ("*", ""):
            return list(all_units)
        wanted = set(self.applies_to.split("|"))
        return [u for u in all_units if u in wanted]


@dataclass
class Target:
    """A target of one indicator for one entity (the parent, or a unit where its own differs) and period."""

    parent_code: str
    indicator_code: str
    entity_code: str
    period: str
    kind: str
    target: float | None
    target_high: float | None
    strict: bool
    by_unit: str | None
    base_year: int | None
    threshold: float | None
    threshold_strict: bool
    text: str
    batch_id: int


@dataclass
class PlanData:
    """Everything of one parent's plan, read once."""

    parent_code: str
    indicators: dict[str, Indicator]
    targets: list[Target]
    values: pd.DataFrame  # kpi_values columns
    due: pd.DataFrame  # kpi_due_rules columns
    tasks: pd.DataFrame
    notes: pd.DataFrame
    units: pd.DataFrame  # code, name_vi, name_en

    def target_for(self, indicator: str, entity: str, period: str) -> Target | None:
        """The entity's own target for the period, else its yearly one; a unit without its own takes the parent's."""
        year = period.split("-")[0]
        found = {(t.entity_code, t.period): t for t in self.targets if t.indicator_code == indicator}
        for key in ((entity, period), (entity, year), (self.parent_code, period), (self.parent_code, year)):
            if key in found:
                return found[key]
        return None


def _none(x):
    return None if x is None or (isinstance(x, float) and np.isnan(x)) or x is pd.NA or x is pd.NaT else x


def load(store: Store, parent_code: str) -> PlanData:
    """One parent's plan."""
    indicators = {r[1]: Indicator(*r) for r in store.rows("kpi_indicators", parent_code=parent_code)}
    targets = [Target(*r) for r in store.rows("kpi_targets", parent_code=parent_code)]
    return PlanData(parent_code, indicators, targets, store.df("kpi_values", parent_code=parent_code),
                    store.df("kpi_due_rules", parent_code=parent_code), store.df("kpi_tasks", parent_code=parent_code),
                    store.df("kpi_task_notes", parent_code=parent_code), store.df("kpi_units", parent_code=parent_code))


def parents(store: Store, lang: str = "vi") -> pd.DataFrame:
    """Entities that have a plan: code, name."""
    return store.df("kpi_parents", lang=lang)


# writing ---------------------------------------------------------------------------------------------------------
@dataclass
class Change:
    """What a file (or an editor) would write: rows per table, with the place each came from."""

    kind: str  # plan | results | tasks
    file_name: str
    content: bytes
    parent_code: str
    sheets: str = ""
    frames: dict[str, pd.DataFrame] = field(default_factory=dict)  # table -> rows (TABLES columns)
    new_units: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # filled by preview(): table -> counts, and the rows that differ from the store (to write)
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    to_write: dict[str, pd.DataFrame] = field(default_factory=dict)
    changed: dict[str, pd.DataFrame] = field(default_factory=dict)  # rows that replace others, with old_* columns

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()

    @property
    def is_noop(self) -> bool:
        return not self.new_units and not any(len(f) for f in self.to_write.values())

    def summary(self, lang: str = "vi") -> str:
        """«chỉ tiêu: thêm 20; mục tiêu: thêm 22, thay đổi 1; …»."""
        names = {"indicator": "plan.table.indicator", "target": "plan.table.target", "value": "plan.table.value",
                 "due": "plan.table.due", "task": "plan.table.task", "note": "plan.table.note"}
        words = {"added": "plan.count.added", "changed": "plan.count.changed", "unchanged": "plan.count.unchanged"}
        parts = []
        for table, counts in self.counts.items():
            said = [f"{t(words[k], lang)} {n}" for k, n in counts.items() if n]
            if said:
                parts.append(f"{t(names[table], lang)}: {', '.join(said)}")
        if self.new_units:
            parts.append(t("plan.new_units", lang) + f": {len(self.new_units)}")
        return "; ".join(parts) or t("plan.no_rows", lang)


def _same(a, b) -> bool:
    a, b = _none(a), _none(b)
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, (int, float, np.number)) and isinstance(b, (int, float, np.number)) \
            and not isinstance(a, bool) and not isinstance(b, bool):
        return abs(float(a) - float(b)) <= TOLERANCE
    if isinstance(a, (dt.date, pd.Timestamp)) or isinstance(b, (dt.date, pd.Timestamp)):
        return pd.Timestamp(a) == pd.Timestamp(b)
    return a == b


def preview(store: Store, change: Change) -> Change:
    """Compare the change with the store: counts per table and the rows that would be written."""
    for table, frame in change.frames.items():
        columns, key, query = TABLES[table]
        existing = store.df(query, parent_code=change.parent_code)
        old = {tuple(r[k] for k in key): r for r in existing.to_dict("records")}
        write, replaced, added, changed, unchanged = [], [], 0, 0, 0
        for row in frame[columns].to_dict("records"):
            k = tuple(row[c] for c in key)
            if table == "note":
                k = (row["parent_code"], row["year"], row["task_code"], pd.Timestamp(row["note_date"]).date(),
                     row["text"])
                old_keys = {(r["parent_code"], r["year"], r["task_code"], pd.Timestamp(r["note_date"]).date(),
                             r["text"]) for r in existing.to_dict("records")}
                if k in old_keys:
                    unchanged += 1
                else:
                    added += 1
                    write.append(row)
                continue
            before = old.get(k)
            if before is None:
                added += 1
                write.append(row)
            elif all(_same(row[c], before[c]) for c in columns if c not in key):
                unchanged += 1
            else:
                changed += 1
                write.append(row)
                replaced.append({**row, **{f"old_{c}": before[c] for c in columns if c not in key}})
        change.counts[table] = {"added": added, "changed": changed, "unchanged": unchanged}
        change.to_write[table] = pd.DataFrame(write, columns=columns)
        change.changed[table] = pd.DataFrame(replaced)
    return change


def _typed(table: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Columns typed as the table's, so that an empty or all-blank frame registers with the right types."""
    out = frame.copy()
    for c in out.columns:
        if c in ("higher_is_better", "strict", "threshold_strict", "recurring"):
            out[c] = out[c].astype("boolean")
        elif c in ("target", "target_high", "threshold", "value", "numerator", "denominator"):
            out[c] = pd.to_numeric(out[c]).astype("float64")
        elif c in ("sort_order", "base_year", "year", "month_in_period", "day"):
            out[c] = pd.to_numeric(out[c]).astype("Int64")
        elif c in ("received_on", "due_date", "note_date"):
            out[c] = pd.to_datetime(out[c]).astype("datetime64[us]")
        else:
            out[c] = out[c].astype(object).where(out[c].notna(), None)
    return out


def commit(store: Store, change: Change, user: str, is_sample: bool = False) -> int | None:
    """Write a previewed change in one transaction as one batch; None when it changes nothing."""
    if not change.counts:
        preview(store, change)
    if change.is_noop:
        return None
    counts = {k: sum(c[k] for c in change.counts.values()) for k in ("added", "changed", "unchanged")}
    years = sorted({str(p)[:4] for f in change.to_write.values() for col in ("period", "year") if col in f
                    for p in f[col].dropna()})
    try:
        with store.transaction() as tx:
            batch_id = tx.execute(query_text("kpi_batch_insert"), {
                "file_name": change.file_name, "sha256": change.sha256, "sheet": change.sheets,
                "label": t(BATCH_LABELS[change.kind]), "years": ",".join(years), "user_name": user,
                "added": counts["added"], "changed": counts["changed"], "unchanged": counts["unchanged"],
                "is_sample": is_sample, "content": change.content, "kind": change.kind}).fetchone()[0]
            for unit in change.new_units:
                tx.execute(query_text("unit_insert"), unit)
                from reformdash.text import name_key

                tx.execute(query_text("alias_insert"), {"entity_code": unit["code"], "alias": unit["name_vi"],
                                                        "alias_key": name_key(unit["name_vi"])})
            tx.register("this_batch", pd.DataFrame({"batch_id": [batch_id]}, dtype="int32"))
            names = {"indicator": "new_indicator", "target": "new_target", "value": "new_value", "due": "new_due",
                     "task": "new_task", "note": "new_note"}
            for table, name in names.items():
                columns = TABLES[table][0]
                frame = change.to_write.get(table, pd.DataFrame(columns=columns))
                tx.register(name, _typed(table, frame[columns]))
            tx.execute(query_text("kpi_commit"))
            for name in [*names.values(), "this_batch"]:
                tx.unregister(name)
            bump_version(tx)
    except duckdb.TransactionException as e:
        raise StoreBusy(t("db_locked"), t("plan.busy_title")) from e
    return batch_id


def overwritten_by(tx: duckdb.DuckDBPyConnection, batch_id: int) -> tuple | None:
    """The latest live batch that replaced plan rows of this one (its revert must come first)."""
    rows = tx.execute(query_text("kpi_overwritten_by"), {"batch_id": batch_id}).fetchall()
    return rows[0] if rows else None


def revert_rows(tx: duckdb.DuckDBPyConnection, batch_id: int) -> tuple[int, int]:
    """Inside reformdash.batches.revert's transaction: remove the plan rows a batch wrote, restore what it replaced."""
    written, replaced = tx.execute(query_text("kpi_batch_rows"), {"batch_id": batch_id}).fetchall()[0]
    if not written and not replaced:
        return 0, 0
    tx.register("this_batch", pd.DataFrame({"batch_id": [batch_id]}, dtype="int32"))
    tx.execute(query_text("kpi_revert"))
    tx.unregister("this_batch")
    return int(written), int(replaced)


TASK_COLUMNS = ["parent_code", "year", "code", "content", "owner", "cooperating", "due", "status", "overdue",
                "index_code", "component_code", "notes", "last_note_date"]


def tasks(store: Store, parent_code: str | None = None, today: dt.date | None = None,
          lang: str = "vi") -> pd.DataFrame:
    """Tasks with their due time in words («thường xuyên», «Quý II/2026», «30/06/2026»), whether overdue (due passed,
    not done or cancelled), and their progress notes joined oldest first («dd/mm/yyyy: text»)."""
    from reformdash.plan.periods import parse_period

    today = today or dt.date.today()
    frame = store.df("kpi_tasks", parent_code=parent_code)
    notes = store.df("kpi_task_notes", parent_code=parent_code)
    names = {r[0]: (r[3] or r[2]) if lang == "en" else r[2] for r in store.rows("registry_entities")}
    rows = []
    for r in frame.itertuples(index=False):
        if r.recurring:
            due_text, due_day = t("plan.ongoing", lang), None
        elif not pd.isna(r.due_date):
            due_day = pd.Timestamp(r.due_date).date()
            due_text = due_day.strftime("%d/%m/%Y")
        elif r.due_period:
            period = parse_period(r.due_period)
            due_text, due_day = period.label(lang), period.end
        else:
            due_text, due_day = "", None
        mine = notes[(notes["year"] == r.year) & (notes["task_code"] == r.code)]
        said = [f"{pd.Timestamp(n.note_date):%d/%m/%Y}: {n.text}" for n in mine.itertuples(index=False)]
        rows.append({"parent_code": r.parent_code, "year": r.year, "code": r.code, "content": r.content,
                     "owner": names.get(r.owner_code, r.owner_text) if r.owner_code else r.owner_text,
                     "cooperating": r.cooperating, "due": due_text, "status": r.status,
                     "overdue": bool(due_day and due_day < today and r.status not in ("done", "cancelled")),
                     "index_code": r.index_code, "component_code": r.component_code, "notes": "\n".join(said),
                     "last_note_date": pd.Timestamp(mine["note_date"].max()).date() if len(mine) else None})
    return pd.DataFrame(rows, columns=TASK_COLUMNS)

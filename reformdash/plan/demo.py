"""The sample plan (MẪU) of the sample health department 22-SYT: ~20 indicators, four quarters of 2025 and Q1–Q3
of 2026 for its 14 units (a few reports late), and tasks. Seeded, so the CSVs in data/demo/ are reproducible.

python -m reformdash.plan.demo      rewrites data/demo/sample_plan*.csv from data/demo/sample_plan_spec.json
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random

from reformdash.demo import SAMPLE_PARENT, SAMPLE_UNITS
from reformdash.plan import kinds, model, sheets
from reformdash.plan.deadlines import DEFAULT_RULES, due_date
from reformdash.plan.periods import Period
from reformdash.store import ROOT, Store
from reformdash.text import words

DEMO = ROOT / "data" / "demo"
FILES = {"plan": "sample_plan.csv", "results": "sample_plan_results.csv", "tasks": "sample_plan_tasks.csv"}
SPEC = DEMO / "sample_plan_spec.json"  # the generator's input: indicators, headers, tasks (the sample's words)


def spec() -> dict:
    """The sample plan's input (data/demo/sample_plan_spec.json)."""
    return json.loads(SPEC.read_text(encoding="utf-8"))


def _rows(writer_rows: list[list]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(writer_rows)
    return buf.getvalue()


def build(seed: int = 17) -> dict[str, str]:
    """The three CSV texts (plan, results, tasks)."""
    rng = random.Random(seed)
    given = spec()
    indicators, (mark_vi, mark_en) = given["indicators"], given["sample_mark"]
    aggregation = {i["code"]: kinds.vocabulary("aggregation")[words(i["aggregation"])][0] for i in indicators}
    plan = [given["plan_header"]]
    for year in (2025, 2026):
        for i in indicators:
            applies = given["parent_name"] if i["code"] == "KTRA" else given["all_units"]
            base = year - 1 if kinds.find_kind(i["target"]) == "decrease_by" else ""
            plan.append([i["code"], f"{i['name']} ({mark_vi})", f"{i['name_en']} ({mark_en})", i["unit"], i["target"],
                         base, year, i["owner"], applies, i["aggregation"], given["report_periods"]])
    results = [given["results_header"]]
    quarters = [Period(2025, "Q", q) for q in range(1, 5)] + [Period(2026, "Q", q) for q in range(1, 4)]
    late_units = {SAMPLE_UNITS[3]: 3, SAMPLE_UNITS[10]: 6}  # these two send late
    for ui, unit in enumerate(SAMPLE_UNITS):
        skill = rng.gauss(0, 1)
        for qi, q in enumerate(quarters):
            due = due_date(q, DEFAULT_RULES["Q"])
            delay = late_units.get(unit, 0) if qi % 2 else 0
            if ui == 12 and q == quarters[-1]:
                continue  # one unit has not sent its Q3/2026 report: late now
            sent = (due + dt.timedelta(days=delay - rng.randint(1, 5) if not delay else delay)).strftime("%d/%m/%Y")
            t = qi / 4  # years since Q1/2025
            for i in indicators:
                code, unit_of, start, gain = i["code"], i["unit"], i["start"], i["gain"]
                if code == "KTRA":
                    continue
                if code == "XL":
                    level = 1 + (skill > -1.2) + (skill > 1.2 and qi > 2)
                    results.append([code, unit, q.code, given["tiers"][min(2, level)], "", "", sent])
                    continue
                value = start + gain * t + skill * (abs(gain) + 1) * 0.8 + rng.gauss(0, abs(gain) * 0.3 + 0.3)
                if i.get("stock"):  # headcount is a stock: one yearly figure, sent with the yearly report
                    if q.number == 4 or q == quarters[-1]:
                        early = dt.timedelta(days=rng.randint(0, 4))
                        yearly = due_date(Period(q.year, "Y"), DEFAULT_RULES["Y"]) - early
                        results.append([code, unit, str(q.year), round(start + gain * (q.year - 2025) + skill * 3),
                                        "", "", yearly.strftime("%d/%m/%Y")])
                    continue
                if aggregation[code] == "sum":
                    value = max(0.0, value / 4 if i.get("yearly_level") else round(max(0, value)))
                    results.append([code, unit, q.code, round(value, 1), "", "", sent])
                elif aggregation[code] == "ratio":
                    den = rng.randint(80, 400)
                    num = round(den * min(0.99, max(0.0, value / 100)))
                    results.append([code, unit, q.code, "", num, den, sent])
                else:
                    cap = 100 if unit_of == "%" else 10_000
                    results.append([code, unit, q.code, round(min(cap, max(0, value)), 1), "", "", sent])
    for qi, q in enumerate(quarters):
        results.append(["KTRA", given["parent_name"], q.code, [5, 10, 10, 8, 7, 6, 9][qi], "", "", ""])
    tasks = [given["tasks_header"], *[[c.format(units=SAMPLE_UNITS) if isinstance(c, str) else c for c in row]
                                      for row in given["tasks"]]]
    return {"plan": _rows(plan), "results": _rows(results), "tasks": _rows(tasks)}


def load_demo_plan(store: Store, user: str = "reformdash") -> list[int]:
    """Import the sample plan's files into the sample department (sample batches: remove-sample takes them away)."""
    if SAMPLE_PARENT not in {r[0] for r in store.rows("registry_entities")}:
        return []
    ids = []
    options = sheets.Options(parent=SAMPLE_PARENT, today=dt.date(2026, 12, 1))
    for what, name in FILES.items():
        path = DEMO / name
        if not path.is_file():
            continue
        change = sheets.read_any(store, path.read_bytes(), name, what, options)
        batch_id = model.commit(store, change, user, is_sample=True)
        if batch_id:
            ids.append(batch_id)
    return ids


def main() -> int:
    """Rewrite data/demo/sample_plan*.csv."""
    for what, text in build().items():
        (DEMO / FILES[what]).write_text(text, encoding="utf-8")
        print(FILES[what], text.count("\n") - 1, "rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

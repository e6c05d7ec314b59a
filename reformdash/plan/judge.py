"""Status and forecast of every target: met / on_track / at_risk / not_met / no_data, per indicator, entity, period.

Rules (docs/plan.md has worked examples):
- A period's *actual* is year-to-date: the pieces the entity reported from January to the period's end (the year's
  own value, else H1 and H2, else the quarters; months for a month period), combined by the indicator's rule
  over time — sum for `sum`, Σnumerator/Σdenominator for `ratio` (a weighted mean of the values when a piece has
  no numerator), the mean weighted by months for `mean`, the latest piece for a unit's level in `share_of_units`.
- A period that closes the year (the year, Q4, H2, December) is judged on the year: met | not_met, or no_data when
  a month of the year is missing. The year itself before it ends, with part of it reported, is judged like a period
  inside the year; once it has ended it is only met | not_met | no_data.
- A period inside the year is judged on a **straight-line forecast** to the year's end: the least-squares line through
  the reported pieces (per month for a sum), continued over the months not reported, combined with what was reported
  by the same rule; on_track when the forecast meets the target, at_risk when not. A sum that already meets an
  at-least target is met; one that already breaks an at-most target is not_met.
- A target written for the period itself (a quarter's own target) is judged on that period's own value.
- The parent's figure for a period is its own entered value, else its units' values combined by the indicator's
  rule (mean over units, sum, Σnum/Σden); for share_of_units it is the share of the units with a figure that reach
  the threshold (met, or on_track before the year's end).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from reformdash.plan import kinds
from reformdash.plan.model import Indicator, PlanData, Target, load, parents
from reformdash.plan.periods import Period, parse_period
from reformdash.store import Store
from reformdash.words import format_number, t

STATUSES = ("met", "on_track", "at_risk", "not_met", "no_data")
CLI_COLUMNS = ["indicator", "indicator_name", "entity_code", "entity_name", "period", "target", "actual", "status"]
COLUMNS = [*CLI_COLUMNS, "forecast", "need", "gap", "unit", "kind", "detail", "parent_code", "is_parent", "owner"]


@dataclass
class Piece:
    """One reported value covering months m0..m1 of a year."""

    m0: int
    m1: int
    value: float | None
    num: float | None = None
    den: float | None = None

    @property
    def months(self) -> int:
        return self.m1 - self.m0 + 1


@dataclass
class Result:
    """The status of one target for one entity and period, with the numbers and the sentence."""

    status: str
    actual: float | None = None
    forecast: float | None = None
    need: float | None = None
    gap: float | None = None
    detail: str = ""


def _pieces(series: dict[str, tuple], period: Period) -> tuple[list[Piece], list[int]]:
    """The reported pieces from January to the period's end, and the months of that span nobody reported."""
    last = period.last_month
    year = period.year

    def get(p: Period):
        return series.get(p.code)

    def piece(p: Period) -> Piece:
        v = get(p)
        return Piece(p.first_month, p.last_month, v[0], v[1], v[2])

    if last == 12 and get(Period(year, "Y")) is not None:
        return [piece(Period(year, "Y"))], []
    out: list[Piece] = []
    covered = 0
    if last >= 6 and get(Period(year, "H", 1)) is not None:
        out.append(piece(Period(year, "H", 1)))
        covered = 6
        if last == 12 and get(Period(year, "H", 2)) is not None:
            out.append(piece(Period(year, "H", 2)))
            covered = 12
    missing: list[int] = []
    for q in range(covered // 3 + 1, last // 3 + 1):
        p = Period(year, "Q", q)
        if get(p) is not None:
            out.append(piece(p))
        else:
            months = [Period(year, "M", m) for m in range(p.first_month, p.last_month + 1)]
            found = [m for m in months if get(m) is not None]
            out += [piece(m) for m in found]
            missing += [m.number for m in months if get(m) is None]
    for m in range((last // 3) * 3 + 1, last + 1):  # a month period inside a quarter
        p = Period(year, "M", m)
        if get(p) is not None:
            out.append(piece(p))
        else:
            missing.append(m)
    return out, missing


def combine(pieces: list[Piece], aggregation: str, percent: bool) -> float | None:
    """The pieces' value over their span by the indicator's rule."""
    if not pieces:
        return None
    if aggregation == "sum":
        return float(sum(p.value for p in pieces))
    if aggregation == "share_of_units":
        return pieces[-1].value
    if aggregation == "ratio" and all(p.num is not None and p.den for p in pieces):
        return sum(p.num for p in pieces) / sum(p.den for p in pieces) * (100 if percent else 1)
    weight = sum(p.months for p in pieces)
    return float(sum(p.value * p.months for p in pieces) / weight)


def _line(xs: list[float], ys: list[float], ws: list[float]):
    """The weighted least-squares line through the points (flat through one point)."""
    x, y, w = np.array(xs, float), np.array(ys, float), np.array(ws, float)
    mx, my = np.average(x, weights=w), np.average(y, weights=w)
    sxx = float(np.sum(w * (x - mx) ** 2))
    slope = float(np.sum(w * (x - mx) * (y - my)) / sxx) if sxx > 1e-12 else 0.0
    return lambda m: my + slope * (m - mx)


def forecast(pieces: list[Piece], aggregation: str, percent: bool) -> float | None:
    """The year's value on the straight line through the pieces, continued over the months not reported."""
    if not pieces:
        return None
    covered = {m for p in pieces for m in range(p.m0, p.m1 + 1)}
    rest = [m for m in range(1, 13) if m not in covered]
    mids = [(p.m0 + p.m1) / 2 for p in pieces]
    weights = [p.months for p in pieces]
    if aggregation == "sum":
        line = _line(mids, [p.value / p.months for p in pieces], weights)
        return float(sum(p.value for p in pieces) + sum(max(0.0, line(m)) for m in rest))
    if aggregation == "ratio" and all(p.num is not None and p.den for p in pieces):
        num = _line(mids, [p.num / p.months for p in pieces], weights)
        den = _line(mids, [p.den / p.months for p in pieces], weights)
        total_num = sum(p.num for p in pieces) + sum(max(0.0, num(m)) for m in rest)
        total_den = sum(p.den for p in pieces) + sum(max(0.0, den(m)) for m in rest)
        return total_num / total_den * (100 if percent else 1) if total_den else None
    line = _line(mids, [p.value for p in pieces], weights)

    def clip(v: float) -> float:
        return min(100.0, max(0.0, v)) if percent else v

    if aggregation == "share_of_units":
        return clip(line(12))
    return float((sum(p.value * p.months for p in pieces) + sum(clip(line(m)) for m in rest)) / 12)


class Judge:
    """Statuses of one parent's plan (reads the plan once)."""

    def __init__(self, plan: PlanData, today: dt.date, lang: str = "vi"):
        self.plan, self.today, self.lang = plan, today, lang
        self.unit_codes = plan.units["code"].tolist()
        self.names = {r.code: (r.name_en if lang == "en" else r.name_vi) for r in plan.units.itertuples(index=False)}
        # (indicator, entity) -> period -> (value, num, den)
        self.series: dict[tuple[str, str], dict[str, tuple]] = {}
        for r in plan.values.itertuples(index=False):
            v = None if pd.isna(r.value) else float(r.value)
            n = None if pd.isna(r.numerator) else float(r.numerator)
            d = None if pd.isna(r.denominator) else float(r.denominator)
            if v is None and n is not None and d:
                v = n / d
            if v is not None:
                self.series.setdefault((r.indicator_code, r.entity_code), {})[r.period] = (v, n, d)
        self._parent_series: dict[str, dict[str, tuple]] = {}
        self._cache: dict[tuple, Result] = {}

    # series -------------------------------------------------------------------------------------------------------
    def parent_series(self, ind: Indicator) -> dict[str, tuple]:
        """The parent's figure per period: entered, else combined from its units (not for share_of_units)."""
        if ind.code in self._parent_series:
            return self._parent_series[ind.code]
        own = self.series.get((ind.code, self.plan.parent_code), {})
        by_period: dict[str, list[tuple]] = {}
        for u in ind.units(self.unit_codes):
            for period, v in self.series.get((ind.code, u), {}).items():
                by_period.setdefault(period, []).append(v)
        out = {}
        percent = ind.unit == "%"
        for period, vs in by_period.items():
            if ind.aggregation == "sum":
                out[period] = (float(sum(v[0] for v in vs)), None, None)
            elif ind.aggregation == "ratio" and any(v[1] is not None and v[2] for v in vs):
                with_ratio = [v for v in vs if v[1] is not None and v[2]]
                num, den = sum(v[1] for v in with_ratio), sum(v[2] for v in with_ratio)
                out[period] = (num / den * (100 if percent else 1), num, den)
            else:
                out[period] = (float(np.mean([v[0] for v in vs])), None, None)
        out.update(own)
        self._parent_series[ind.code] = out
        return out

    def year_value(self, ind: Indicator, entity: str, year: int) -> float | None:
        """The entity's whole-year figure (None unless every month is covered)."""
        series = self.parent_series(ind) if entity == self.plan.parent_code else self.series.get((ind.code, entity),
                                                                                                {})
        pieces, missing = _pieces(series, Period(year, "Y"))
        if missing or not pieces:
            return None
        return combine(pieces, ind.aggregation, ind.unit == "%")

    # wording ------------------------------------------------------------------------------------------------------
    def num(self, ind: Indicator, x: float | None, decimals: int | None = None) -> str:
        if x is None:
            return "—"
        if decimals is None:
            decimals = 0 if abs(x - round(x)) < 1e-9 else 1 if abs(x * 10 - round(x * 10)) < 1e-6 else 2
        text = format_number(x, self.lang, decimals)
        return text + "%" if ind.unit == "%" else f"{text} {kinds.unit_word(ind.unit, self.lang)}"

    def gap_unit(self, ind: Indicator) -> str:
        return t("plan.pp", self.lang) if ind.unit == "%" else kinds.unit_word(ind.unit, self.lang)

    def word(self, status: str) -> str:
        return t(f"plan.status.{status}", self.lang)

    def label(self, ind: Indicator, target: Target) -> str:
        return kinds.export_label(target, self.lang, ind.unit if target.kind != "share_of_units_reaching" else "")

    # judging ------------------------------------------------------------------------------------------------------
    def unit_target(self, ind: Indicator, entity: str, period: Period) -> Target | None:
        """The target an entity is held to: its own, else the parent's; for share_of_units a unit is held to the
        threshold (at least), and the parent to the share."""
        found = self.plan.target_for(ind.code, entity, period.code)
        if found is None:
            return None
        if found.kind == "share_of_units_reaching" and entity != self.plan.parent_code:
            return Target(found.parent_code, found.indicator_code, entity, found.period, "at_least",
                          found.threshold, None, found.threshold_strict, None, None, None, False, "", found.batch_id)
        return found

    def judge(self, ind: Indicator, entity: str, period: Period) -> tuple[Target | None, Result]:
        key = (ind.code, entity, period.code)
        target = self.unit_target(ind, entity, period)
        if key in self._cache:
            return target, self._cache[key]
        if target is None:
            result = Result("no_data", detail=self.word("no_data"))
        elif target.kind == "share_of_units_reaching":
            result = self.share(ind, target, period)
        else:
            result = self.value_target(ind, entity, target, period)
        self._cache[key] = result
        return target, result

    def value_target(self, ind: Indicator, entity: str, target: Target, period: Period) -> Result:
        percent = ind.unit == "%"
        series = self.parent_series(ind) if entity == self.plan.parent_code else self.series.get((ind.code, entity),
                                                                                                {})
        base = None
        if kinds.KINDS[target.kind].needs_base or target.kind == "every_year_higher":
            base_year = target.base_year or period.year - 1
            base = self.year_value(ind, entity, base_year)
            if base is None:
                return Result("no_data", detail=t("plan.no_base", self.lang, year=base_year,
                                                  status=self.word("no_data")))
        req = kinds.requirement(target.kind, target.target, base, ind.higher_is_better, target.strict, target.by_unit)
        op, need = req
        label = self.label(ind, target)
        base_text = ""
        if base is not None:
            base_text = t("plan.base", self.lang, year=target.base_year or period.year - 1, value=self.num(ind, base),
                          need=f"{kinds.SIGNS[op]} {self.num(ind, need)}")
        own_period = target.period == period.code and not period.is_year
        if own_period:
            v = series.get(period.code)
            if v is None:
                return Result("no_data", detail=t("plan.nothing", self.lang, status=self.word("no_data")))
            return self.verdict(ind, v[0], None, op, need, label + base_text, final=True, prefix="")
        pieces, missing = _pieces(series, period)
        if not pieces:
            return Result("no_data", detail=t("plan.nothing", self.lang, status=self.word("no_data")))
        actual = combine(pieces, ind.aggregation, percent)
        closing = period.closes_year and (not period.is_year or not missing or period.end < self.today)
        span = self.span(period, pieces)
        if closing:
            if missing:
                months = ", ".join(str(m) for m in missing)
                words = t("plan.months_missing", self.lang, months=months)
                return Result("no_data", actual=actual, detail=f"{span}: {words}: {self.word('no_data')}")
            return self.verdict(ind, actual, None, op, need, label + base_text, final=True, prefix=span)
        if ind.aggregation == "sum" and target.kind in ("at_least", "at_most") and \
                kinds.holds(actual, op, need) == (op in (">=", ">")):
            return self.verdict(ind, actual, None, op, need, label + base_text, final=True, prefix=span)
        fc = forecast(pieces, ind.aggregation, percent)
        return self.verdict(ind, actual, fc, op, need, label + base_text, final=False, prefix=span)

    def span(self, period: Period, pieces: list[Piece]) -> str:
        """«lũy kế đến hết Quý III/2026» (empty for a whole year)."""
        if period.is_year and pieces and pieces[0].m0 == 1 and pieces[-1].m1 == 12:
            return ""
        return t("plan.ytd", self.lang, periods=period.label(self.lang))

    def verdict(self, ind: Indicator, actual: float, fc: float | None, op: str, need: float, label: str,
                final: bool, prefix: str) -> Result:
        judged = actual if final else fc
        ok = kinds.holds(judged, op, need)
        status = ("met" if ok else "not_met") if final else ("on_track" if ok else "at_risk")
        gap = 0.0 if ok else abs(need - judged)
        gap_text = ""
        if not ok and kinds.better(op):
            amount = format_number(gap, self.lang, 0 if abs(gap - round(gap)) < 1e-9 else 1 if abs(
                gap * 10 - round(gap * 10)) < 1e-6 else 2)
            key = "plan.gap" if (kinds.better(op) > 0) else "plan.over"
            gap_text = t(key, self.lang, gap=f"{amount} {self.gap_unit(ind)}")
        detail = t("plan.detail", self.lang, actual=self.num(ind, actual), target=label,
                   status=self.word(status) if final else "", gap=gap_text if final else "")
        if not final:
            detail = detail.rstrip(": ") + t("plan.forecast", self.lang, forecast=self.num(ind, round(fc, 2))) + \
                f": {self.word(status)}{gap_text}"
        if prefix:
            detail = f"{prefix[:1].upper()}{prefix[1:]} {detail}"
        else:
            detail = detail[:1].upper() + detail[1:]
        return Result(status, actual, fc, need, gap, detail)

    def share(self, ind: Indicator, target: Target, period: Period) -> Result:
        units = ind.units(self.unit_codes)
        reached = counted = 0
        for u in units:
            _t, r = self.judge(ind, u, period)
            if r.status == "no_data":
                continue
            counted += 1
            reached += r.status in ("met", "on_track")
        if not counted:
            return Result("no_data", detail=t("plan.nothing", self.lang, status=self.word("no_data")))
        share = reached / counted * 100
        op, need = kinds.requirement(target.kind, target.target, None, True, target.strict)
        final = period.closes_year and (not period.is_year or period.end < self.today or all(
            self.judge(ind, u, period)[1].status in ("met", "not_met", "no_data") for u in units))
        threshold = kinds.tier_name(target.threshold, self.lang) or self.num(ind, target.threshold)
        what = t("plan.share", self.lang, reached=reached, counted=counted, threshold=threshold)
        if counted < len(units):
            what += t("plan.share_missing", self.lang, missing=len(units) - counted)
        pseudo = Indicator(**{**ind.__dict__, "unit": "%"})
        result = self.verdict(pseudo, share, share if not final else None, op, need, self.label(ind, target),
                              final=final, prefix="")
        result.detail = f"{what}: {result.detail[:1].lower()}{result.detail[1:]}"
        return result


def _periods_with_data(plan: PlanData) -> list[Period]:
    found = {parse_period(p) for p in plan.values["period"]}
    found |= {parse_period(str(x.period)[:4]) for x in plan.targets}
    return sorted(found)


def evaluate(store: Store, period: str | None = None, parent: str | None = None, today: dt.date | None = None,
             lang: str = "vi", indicator: str | None = None) -> pd.DataFrame:
    """Every target's status per indicator, entity (the parent first, then its units) and period (COLUMNS).

    Without a period: every period that has a value, and every target year.
    """
    today = today or dt.date.today()
    chosen = parse_period(period) if period else None
    codes = [parent] if parent else parents(store)["code"].tolist()
    rows = []
    for code in codes:
        plan = load(store, code)
        judge = Judge(plan, today, lang)
        periods = [chosen] if chosen else _periods_with_data(plan)
        from reformdash.registry import Registry

        parent_entity = Registry.load(store).entities.get(code)
        parent_name = parent_entity.name(lang) if parent_entity else code
        for ind in plan.indicators.values():
            if indicator and ind.code != indicator:
                continue
            entities = [code, *ind.units(judge.unit_codes)]
            for p in periods:
                for e in entities:
                    target, r = judge.judge(ind, e, p)
                    if target is None:
                        continue
                    rows.append({
                        "indicator": ind.code, "indicator_name": ind.name(lang), "entity_code": e,
                        "entity_name": parent_name if e == code else judge.names.get(e, e), "period": p.code,
                        "target": judge.label(ind, target),
                        "actual": None if r.actual is None else round(r.actual, 4), "status": r.status,
                        "forecast": None if r.forecast is None else round(r.forecast, 4),
                        "need": r.need, "gap": r.gap, "unit": ind.unit, "kind": target.kind, "detail": r.detail,
                        "parent_code": code, "is_parent": e == code, "owner": ind.owner})
    frame = pd.DataFrame(rows, columns=COLUMNS)
    for c in ("actual", "forecast", "need", "gap"):
        frame[c] = frame[c].astype("float64")
    return frame


def summary(frame: pd.DataFrame) -> dict[str, int]:
    """How many targets have each status (the parent's rows only): the headline's numbers."""
    parent_rows = frame[frame["is_parent"]] if "is_parent" in frame else frame
    counts = parent_rows["status"].value_counts()
    return {s: int(counts.get(s, 0)) for s in STATUSES}

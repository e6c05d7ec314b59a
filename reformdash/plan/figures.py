"""The plan page's figures: one indicator over the periods (year to date, forecast, the target) and across units."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go

from reformdash.charts import _base
from reformdash.markup import plotly_text, plotly_texts
from reformdash.plan import kinds, views
from reformdash.store import Store
from reformdash.words import t


def _axis_title(unit: str, lang: str) -> str:
    return t("plan.fig.axis", lang, unit=kinds.unit_word(unit, lang))


def indicator_periods(store: Store, parent: str, indicator: str, today: dt.date, lang: str = "vi") -> go.Figure:
    """The parent's year-to-date figure per period, coloured and labelled by status, its forecast and its target."""
    frame = views.indicator_history(store, parent, indicator, today, lang)
    rows = frame[frame["is_parent"]]
    # a year whose quarters are shown is their last bar already (year to date): drawn once, not twice
    years_with_parts = {p.split("-")[0] for p in rows["period"] if "-" in p}
    rows = rows[[("-" in p) or (p not in years_with_parts) for p in rows["period"]]].reset_index(drop=True)
    name = views.indicator_choices(store, parent, lang).get(indicator, indicator)
    fig = go.Figure()
    if rows.empty:
        return _base(fig, name, lang, height=360)
    unit = rows["unit"].iloc[0]
    # the status word under each period: read without the colours
    labels = [f"{plotly_text(views.period_label(p, lang))}<br>{views.LOOK[s][0]} {views.short_word(s, lang)}"
              for p, s in zip(rows["period"], rows["status"])]
    need = [None if pd.isna(x) else float(x) for x in rows["need"]]
    fig.add_trace(go.Scatter(x=labels, y=need, name=t("plan.fig.required", lang), mode="lines",
                             line=dict(color="#1c2833", width=2, dash="dash", shape="hv")))
    fig.add_trace(go.Scatter(x=labels, y=rows["forecast"], name=t("plan.fig.forecast", lang),
                             mode="markers", marker=dict(symbol="diamond-open", size=13, color="#5d6d7e",
                                                         line=dict(width=2))))
    fig.add_trace(go.Bar(x=labels, y=rows["actual"], name=t("plan.col.ytd", lang),
                         marker_color=[views.LOOK[s][1] for s in rows["status"]],
                         text=[views.number(v, unit, lang) for v in rows["actual"]], textposition="outside",
                         cliponaxis=False, hovertext=plotly_texts(rows["detail"]), hoverinfo="text"))
    fig.update_yaxes(title_text=plotly_text(_axis_title(unit, lang)))
    fig.update_xaxes(type="category")
    title = t("plan.fig.periods_title", lang, name=name)
    fig = _base(fig, title, lang, height=440)
    fig.update_layout(margin=dict(b=90), legend=dict(y=-0.28))
    return fig


def indicator_units(store: Store, parent: str, indicator: str, period: str, today: dt.date,
                    lang: str = "vi") -> go.Figure:
    """Every unit's year-to-date figure in one period, a bar per unit with its status word, the required level."""
    frame = views.indicator_units(store, parent, indicator, period, today, lang)
    units = frame[~frame["is_parent"]].sort_values("actual", na_position="first").reset_index(drop=True)
    name = views.indicator_choices(store, parent, lang).get(indicator, indicator)
    title = t("plan.fig.units_title", lang, name=name, period=views.period_label(period, lang))
    fig = go.Figure()
    if units.empty:
        return _base(fig, title, lang, height=360)
    unit = units["unit"].iloc[0]
    text = [f"{views.number(v, unit, lang)}  {views.LOOK[s][0]} {views.short_word(s, lang)}"
            for v, s in zip(units["actual"], units["status"])]
    fig.add_trace(go.Bar(x=units["actual"], y=plotly_texts(units["entity_name"]), orientation="h",
                         marker_color=[views.LOOK[s][1] for s in units["status"]], text=text,
                         textposition="outside", cliponaxis=False, hovertext=plotly_texts(units["detail"]),
                         hoverinfo="text", name=t("plan.col.ytd", lang)))
    needs = units["need"].dropna()
    if len(needs) and needs.nunique() == 1:
        need = float(needs.iloc[0])
        fig.add_vline(x=need, line=dict(color="#1c2833", width=2, dash="dash"))
        fig.add_annotation(x=need, y=1, yref="paper", yanchor="bottom", showarrow=False,
                           text=plotly_text(t("plan.fig.need", lang, need=views.number(need, unit, lang))))
    fig.update_xaxes(title_text=plotly_text(_axis_title(unit, lang)))
    fig = _base(fig, title, lang, height=max(360, 30 * len(units) + 150))
    fig.update_layout(showlegend=False, margin=dict(r=190))  # room for «29,4% ↗ đúng tiến độ» beyond the bars
    return fig

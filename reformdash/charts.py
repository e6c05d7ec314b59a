"""Plotly figures: a chart is a definition (what, which data, which form) separate from the data."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
from plotly.subplots import make_subplots

from reformdash import fonts
from reformdash.analysis import MERGER_YEAR, MethodBreak
from reformdash.markup import plotly_text, plotly_texts
from reformdash.words import L, format_number, pair

# Every chart is turned into JSON on every page run (st.plotly_chart) and for every exported image: orjson does it
# about six times faster than the json module (the map page's GeoJSON: 9 ms → 1.5 ms a run; python -m bench).
pio.json.config.default_engine = "orjson"

FOCUS = "#c0392b"
PALETTE = ["#c0392b", "#1f6fb2", "#2e8b57", "#8e44ad", "#d68910", "#117a65", "#7f8c8d", "#a04000"]
GREY = "#c8ccd0"
UP, DOWN = "#1e8449", "#c0392b"
# the project's own font (static/fonts): the pages load it as the theme font, chromium finds it through fontconfig
FONT = dict(family=f"{fonts.FAMILY}, sans-serif", size=14)


def unit_label(unit: str, lang: str) -> str:
    """'%', 'điểm' or 'points'."""
    if unit == "%":
        return "%"
    return L("chart.points", lang) if unit == pair("chart.points")[0] else unit


def _page_template() -> go.layout.Template:
    """plotly_white's page styling without its per-trace defaults and its polar, 3-D, map and colour-scale parts.

    Every figure carries its template to the browser on each page run; the whole plotly_white is 7 kB of JSON that
    none of these charts use.
    """
    layout = pio.templates["plotly_white"].layout.to_plotly_json()
    for unused in ("polar", "ternary", "scene", "geo", "colorscale", "coloraxis"):
        layout.pop(unused, None)
    return go.layout.Template(layout=layout)


TEMPLATE = _page_template()


def _base(fig: go.Figure, title: str, lang: str, height: int = 460) -> go.Figure:
    fig.update_layout(title=dict(text=plotly_text(title), x=0, font=dict(size=18)), font=FONT, height=height,
                      template=TEMPLATE, margin=dict(l=60, r=30, t=70, b=50),
                      separators=",." if lang == "vi" else ".,", hovermode="closest",
                      legend=dict(orientation="h", y=-0.15))
    return fig


def trend_figure(trend: pd.DataFrame, title: str, unit: str, lang: str = "vi", mode: str = "rank",
                 breaks: list[MethodBreak] | None = None, value_goal: float | None = None,
                 rank_goal: int | None = None, show_merger: bool = True) -> go.Figure:
    """Value (top) and rank (bottom, 1 at the top) over the years, with field size, breaks and goals."""
    fig = make_subplots(rows=2, cols=1, shared_xaxes=True, vertical_spacing=0.1, row_heights=[0.5, 0.5],
                        subplot_titles=(f"{L('chart.value', lang)} ({plotly_text(unit_label(unit, lang))})",
                                        L("chart.rank", lang) if mode == "rank" else L("chart.percentile", lang)))
    fig.add_trace(go.Scatter(x=trend["year"], y=trend["value"], mode="lines+markers+text", name=L("chart.value", lang),
                             line=dict(color=FOCUS, width=3), marker=dict(size=8),
                             text=[format_number(v, lang) for v in trend["value"]], textposition="top center",
                             hovertemplate="%{x}: %{y:.2f}<extra></extra>"), row=1, col=1)
    if mode == "rank":
        labels = [f"{int(r)}/{int(n)}" if pd.notna(r) else "" for r, n in zip(trend["rank"], trend["rank_of"])]
        fig.add_trace(go.Scatter(x=trend["year"], y=trend["rank"], mode="lines+markers+text",
                                 name=L("chart.rank", lang),
                                 line=dict(color="#1f6fb2", width=3), marker=dict(size=8), text=labels,
                                 textposition="bottom center", customdata=trend["rank_of"],
                                 hovertemplate="%{x}: %{y}/%{customdata}<extra></extra>"), row=2, col=1)
        fig.update_yaxes(autorange="reversed", row=2, col=1, title_text=L("chart.rank", lang), tickformat="d",
                         dtick=1 if trend["rank"].max() <= 12 else None)
        if rank_goal:
            fig.add_hline(y=rank_goal, line_dash="dot", line_color="#1e8449", row=2, col=1,
                          annotation_text=f"{L('chart.goal', lang)}: ≤ {rank_goal}", annotation_position="bottom right")
    else:
        fig.add_trace(go.Scatter(x=trend["year"], y=trend["percentile"], mode="lines+markers",
                                 name=L("chart.percentile", lang), line=dict(color="#1f6fb2", width=3),
                                 hovertemplate="%{x}: %{y:.0f}<extra></extra>"), row=2, col=1)
        fig.update_yaxes(range=[0, 105], row=2, col=1)
    if value_goal is not None:
        fig.add_hline(y=value_goal, line_dash="dot", line_color="#1e8449", row=1, col=1,
                      annotation_text=f"{L('chart.goal', lang)}: ≥ {format_number(value_goal, lang)}",
                      annotation_position="bottom right")
    years = list(trend["year"])
    for br in breaks or []:
        if years and min(years) < br.year <= max(years):
            fig.add_vline(x=br.year - 0.5, line_dash="dash", line_color="#7f8c8d")
            fig.add_annotation(x=br.year - 0.5, y=0.5, yref="paper", text=L("chart.method", lang), showarrow=False,
                               font=dict(size=11, color="#7f8c8d"), bgcolor="white")
    if show_merger and years and min(years) < MERGER_YEAR <= max(years):
        fig.add_vline(x=MERGER_YEAR - 0.5, line_dash="dot", line_color="#8e44ad", line_width=2)
        fig.add_annotation(x=MERGER_YEAR - 0.5, y=-0.08, yref="paper", text=L("chart.merger", lang), showarrow=False,
                           font=dict(size=11, color="#8e44ad"))
    fig.update_xaxes(dtick=1, tickformat="d")
    fig.update_layout(showlegend=False)
    return _base(fig, title, lang, height=620)


def context_lines(data: pd.DataFrame, x: str, y: str, name: str, markers: bool = False,
                  hover: str = "%{text} %{x}: %{y}<extra></extra>") -> go.Scatter:
    """Everyone not chosen as one grey trace, a line per entity split by gaps, each point hovering its name.

    One trace rather than one per entity: 60-odd traces made the figure's JSON several times larger and slower to
    send and draw on every page run.
    """
    xs: list = []
    ys: list = []
    names: list = []
    for _, group in data.groupby("entity_code", sort=False):
        label = group["entity_name"].iloc[0]
        xs += [*group[x].tolist(), None]
        ys += [*group[y].tolist(), None]
        names += [plotly_text(label)] * len(group) + [None]  # a name is user text: hover labels read HTML
    return go.Scatter(x=xs, y=ys, text=names, mode="lines+markers" if markers else "lines", name=name,
                      line=dict(color=GREY, width=1), marker=dict(size=4, color=GREY), connectgaps=False,
                      showlegend=False, hovertemplate=hover)


def bump_figure(data: pd.DataFrame, highlight: list[str], title: str, lang: str = "vi",
                use_percentile: bool = False) -> go.Figure:
    """Ranks over the years: the chosen entities in colour with labels at the line ends, the rest in grey."""
    y = "percentile" if use_percentile else "rank"
    fig = go.Figure()
    rest = data[~data["entity_code"].isin(highlight)]
    fig.add_trace(context_lines(rest, "year", y, L("chart.others", lang)))
    for i, code in enumerate(highlight):
        group = data[data["entity_code"] == code]
        if group.empty:
            continue
        colour = PALETTE[i % len(PALETTE)]
        name = plotly_text(group["entity_name"].iloc[0])
        fig.add_trace(go.Scatter(x=group["year"], y=group[y], mode="lines+markers", name=name,
                                 line=dict(color=colour, width=4), marker=dict(size=9), showlegend=False,
                                 customdata=group["rank_of"],
                                 hovertemplate=f"{name} %{{x}}: %{{y}}/%{{customdata}}<extra></extra>"))
        last = group.iloc[-1]
        fig.add_annotation(x=last["year"], y=last[y], text=f" {name} ({int(last['rank'])})", xanchor="left",
                           showarrow=False, font=dict(color=colour, size=13))
    if use_percentile:
        fig.update_yaxes(title_text=L("chart.percentile", lang), range=[-2, 102])
    else:
        fig.update_yaxes(title_text=L("chart.rank", lang), autorange="reversed")
    fig.update_xaxes(dtick=1, tickformat="d")
    fig.update_layout(margin=dict(r=180))
    return _base(fig, title, lang, height=560)


def slope_figure(changes: pd.DataFrame, from_year: int, to_year: int, highlight: list[str], title: str,
                 lang: str = "vi") -> go.Figure:
    """Rank in the base year against rank now, one line per entity; missing years marked, not dropped."""
    fig = go.Figure()
    both = changes.dropna(subset=["rank_from", "rank_to"])
    # x is 0 (base year) and 1 (now) with year tick labels: category axes built from year strings misplace points
    rest = both[~both["entity_code"].isin(highlight)]
    ends = pd.DataFrame({"entity_code": rest["entity_code"].repeat(2), "entity_name": rest["entity_name"].repeat(2),
                         "x": [0, 1] * len(rest),
                         "rank": [int(v) for pair in zip(rest["rank_from"], rest["rank_to"]) for v in pair]})
    fig.add_trace(context_lines(ends, "x", "rank", L("chart.others", lang), markers=True,
                                hover="%{text}: %{y}<extra></extra>"))
    for r in both[both["entity_code"].isin(highlight)].itertuples(index=False):
        colour = PALETTE[highlight.index(r.entity_code) % len(PALETTE)]
        name = plotly_text(r.entity_name)
        fig.add_trace(go.Scatter(x=[0, 1], y=[int(r.rank_from), int(r.rank_to)], mode="lines+markers",
                                 line=dict(color=colour, width=4), showlegend=False,
                                 name=name, hovertemplate=f"{name}: %{{y}}<extra></extra>"))
        fig.add_annotation(x=1, y=int(r.rank_to), text=f" {name} ({int(r.rank_to)})", xanchor="left",
                           showarrow=False, font=dict(color=colour))
        fig.add_annotation(x=0, y=int(r.rank_from), text=f"({int(r.rank_from)}) ", xanchor="right",
                           showarrow=False, font=dict(color=colour))
    fig.update_yaxes(autorange="reversed", title_text=L("chart.rank", lang))
    fig.update_xaxes(tickvals=[0, 1], ticktext=[str(from_year), str(to_year)], range=[-0.15, 1.15])
    fig.update_layout(margin=dict(r=200, l=80))
    return _base(fig, title, lang, height=560)


def diverging_figure(changes: pd.DataFrame, highlight: list[str], title: str, lang: str = "vi") -> go.Figure:
    """Places gained or lost by every entity; entities missing a year listed as such at the bottom."""
    data = changes.copy()
    data["shown"] = data["places_up"]
    data = data.sort_values(["shown", "entity_name"], ascending=[True, False], na_position="first")
    colours = [GREY if pd.isna(v) else (UP if v > 0 else DOWN if v < 0 else "#7f8c8d") for v in data["shown"]]
    labels = [L("chart.missing", lang) if pd.isna(v) else f"{int(v):+d}" for v in data["shown"]]
    names = [f"<b>{plotly_text(n)}</b>" if c in highlight else plotly_text(n)
             for n, c in zip(data["entity_name"], data["entity_code"])]
    fig = go.Figure(go.Bar(x=data["shown"].fillna(0), y=names, orientation="h", marker_color=colours, text=labels,
                           textposition="outside", cliponaxis=False,
                           hovertemplate="%{y}: %{text}<extra></extra>"))
    fig.update_xaxes(title_text=L("chart.places", lang), zeroline=True, zerolinewidth=2)
    return _base(fig, title, lang, height=max(420, 18 * len(data) + 120))


def heatmap_figure(table: pd.DataFrame, entities: list[str], title: str, lang: str = "vi",
                   show: str = "value", by_share: bool = False) -> go.Figure:
    """Entity × component: values (or change since last year), focus entities on top.

    by_share: colour each value by its share of the criterion's maximum (a unit sheet's «(10 điểm)»), so a 9 of 10
    and a 22 of 25 compare fairly; a criterion without a known maximum is measured against its best value.
    """
    data = table[table["entity_code"].isin(entities)] if entities else table
    pivot = data.pivot_table(index="entity_name", columns="component_name", values=show, aggfunc="first")
    order = [n for c in entities for n in data.loc[data["entity_code"] == c, "entity_name"].unique()] if entities \
        else list(pivot.index)
    pivot = pivot.reindex([n for n in order if n in pivot.index])
    text = [[format_number(v, lang) if pd.notna(v) else "" for v in row] for row in pivot.to_numpy()]
    scale = "RdYlGn" if show == "value" else [[0, DOWN], [0.5, "#f7f7f7"], [1, UP]]
    z, zmin, zmax = pivot.to_numpy(), None, None
    if by_share and show == "value":
        known = data.dropna(subset=["maximum"]).groupby("component_name")["maximum"].first() \
            if "maximum" in data else pd.Series(dtype=float)
        ceiling = pivot.max().where(~pivot.columns.isin(known.index), known.reindex(pivot.columns))
        z, zmin, zmax = (pivot / ceiling.where(ceiling > 0)).to_numpy(), 0.0, 1.0
    fig = go.Figure(go.Heatmap(z=z, x=plotly_texts(pivot.columns), y=plotly_texts(pivot.index),
                               text=text, zmin=zmin, zmax=zmax,
                               texttemplate="%{text}", colorscale=scale, zmid=0 if show != "value" else None,
                               hovertemplate="%{y} · %{x}: %{text}<extra></extra>"))
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(tickangle=-30)
    return _base(fig, title, lang, height=max(380, 40 * len(pivot) + 220))


def drivers_figure(drivers: pd.DataFrame, title: str, lang: str = "vi") -> go.Figure:
    """The focus entity's components: change in places since last year (what drove the overall move)."""
    data = drivers.sort_values("places_up", na_position="first")
    colours = [GREY if pd.isna(v) else (UP if v > 0 else DOWN if v < 0 else "#7f8c8d") for v in data["places_up"]]
    text = [L("chart.missing", lang) if pd.isna(v) else f"{int(v):+d}" for v in data["places_up"]]
    fig = go.Figure(go.Bar(x=data["places_up"].fillna(0), y=plotly_texts(data["component_name"]), orientation="h",
                           marker_color=colours, text=text, textposition="outside", cliponaxis=False))
    fig.update_xaxes(title_text=L("chart.places", lang), zeroline=True, zerolinewidth=2)
    return _base(fig, title, lang, height=max(360, 40 * len(data) + 140))


def compare_figure(bench: pd.DataFrame, title: str, unit: str, lang: str = "vi") -> go.Figure:
    """Horizontal bars: focus, peers, region median, national median and best."""
    colours = {"focus": FOCUS, "peer": "#1f6fb2", "region": "#7f8c8d", "national": "#95a5a6", "best": "#1e8449"}
    data = bench.iloc[::-1]
    fig = go.Figure(go.Bar(x=data["value"], y=plotly_texts(data["label"]), orientation="h",
                           marker_color=[colours[k] for k in data["kind"]],
                           text=[format_number(v, lang) for v in data["value"]], textposition="outside",
                           cliponaxis=False))
    fig.update_xaxes(title_text=f"{L('chart.value', lang)} ({plotly_text(unit_label(unit, lang))})")
    return _base(fig, title, lang, height=max(360, 44 * len(data) + 140))


def leaderboard_figure(board: pd.DataFrame, title: str, unit: str, lang: str = "vi") -> go.Figure:
    """Units ranked, with the change since last year in the label."""
    data = board.sort_values("rank", ascending=False)
    labels = [f"{format_number(v, lang)}" + ("" if pd.isna(p) else f"  ({int(p):+d})" if p else "  (=)")
              for v, p in zip(data["value"], data["places_up"])]
    names = [f"{int(r)}. {plotly_text(n)}" for r, n in zip(data["rank"], data["entity_name"])]
    fig = go.Figure(go.Bar(x=data["value"], y=names, orientation="h", marker_color="#1f6fb2", text=labels,
                           textposition="outside", cliponaxis=False))
    fig.update_xaxes(title_text=f"{L('chart.value', lang)} ({plotly_text(unit_label(unit, lang))})")
    top = data["value"].max()
    if pd.notna(top) and top > 0 and data["value"].min() >= 0:  # room right of the longest bar for its label
        fig.update_xaxes(range=[0, top * 1.2])
    return _base(fig, title, lang, height=max(380, 34 * len(data) + 140))


def point_text(value, number_format: str, lang: str = "vi") -> str:
    """A value as its chart label: '+5' for places, '19' for a rank, '65,97' for a score."""
    if value is None or pd.isna(value):
        return ""
    if number_format.startswith("+0"):
        places = int(round(value))
        return f"{places:+d}".replace("-", "−") if places else "0"
    if number_format == "0":
        return str(int(round(value)))
    return format_number(value, lang)


PROJECTOR_FONT = 18  # axis words and legends on a projected slide
PROJECTOR_LABELS = 20  # the figures written on points and bars: read from the back of a room at 1366×768


def briefing_figure(chart, lang: str = "vi", height: int = 380) -> go.Figure:
    """A briefing chart (reformdash.briefing.Chart) drawn large for the presentation page and the PDF."""
    fig = go.Figure()
    categories = plotly_texts(chart.categories)  # unit and component names: user text
    for i, series in enumerate(chart.series):
        goal = series.role == "goal"
        colour = "#1e8449" if goal else PALETTE[i % len(PALETTE)]
        text = [point_text(v, chart.number_format, lang) for v in series.values]
        if chart.kind == "line":
            fig.add_trace(go.Scatter(x=categories, y=series.values, name=plotly_text(series.name),
                                     mode="lines" if goal else "lines+markers+text",
                                     line=dict(color=colour, width=2 if goal else 4, dash="dot" if goal else None),
                                     text=None if goal else plotly_texts(series.labels or text),
                                     # below the point on a rank axis (1 at the top), as the deck does
                                     textposition="bottom center" if chart.reverse else "top center",
                                     textfont=dict(size=PROJECTOR_LABELS), marker=dict(size=10),
                                     cliponaxis=False))  # the label under the lowest rank is not cut
        else:
            colours = ["#1f3b73" if chart.highlight == k else UP if (v or 0) > 0 else DOWN if (v or 0) < 0
                       else GREY for k, v in enumerate(series.values)]
            fig.add_trace(go.Bar(x=series.values, y=categories, name=plotly_text(series.name), orientation="h",
                                 marker_color=colours if len(chart.series) == 1 else colour,
                                 text=text, textposition="outside", cliponaxis=False,
                                 textfont=dict(size=PROJECTOR_LABELS)))
    if chart.reverse:
        fig.update_yaxes(autorange="reversed", autorangeoptions=dict(minallowed=0.5))  # rank 1 at the top, no 0
    if chart.kind == "bar":
        fig.update_yaxes(autorange="reversed")  # the first category on top
    fig.update_layout(legend=dict(orientation="h", y=-0.15))
    if chart.kind == "line":
        fig.update_xaxes(type="category")
    if getattr(chart, "value_range", None) is not None and not chart.reverse:
        fig.update_yaxes(range=list(chart.value_range), autorange=False)
    if getattr(chart, "axis_note", ""):
        # the axis does not start at the scale's minimum: say so where the break is
        fig.add_annotation(x=0, y=0, xref="paper", yref="paper", text=f"// {plotly_text(chart.axis_note)}",
                           showarrow=False, xanchor="left", yanchor="bottom", font=dict(size=13, color="#5d6d7e"))
    for category, why in chart.marks.items():  # e.g. PAPI 2018: eight dimensions instead of six
        if category in chart.categories:
            # by position: plotly.js reads a year-like string ("2018") on a category axis as position 2018
            at = chart.categories.index(category)
            fig.add_shape(type="line", x0=at, x1=at, y0=0, y1=1, yref="y domain",
                          line=dict(color="#7f8c8d", width=2, dash="dash"))
            fig.add_annotation(x=at, y=1, yref="y domain", text=f"▲ {plotly_text(why)}", showarrow=False,
                               xanchor="left", yanchor="bottom", font=dict(size=13, color="#5d6d7e"))
    # sized for a projector: the slide, its sentences and the buttons fit a 1280×720 screen
    fig = _base(fig, chart.title, lang, height=height)
    # _base sets the pages' 14 px type; a projected chart keeps its large one
    return fig.update_layout(font=dict(size=PROJECTOR_FONT), title_font=dict(size=22))

"""The province map: which shapes a year draws, the table behind a choropleth, and its Plotly figures.

Geometry is shipped in static/geo/ (built once by reformdash.geo_build; its sources in data/reference/geo/): 63
provinces up to 2024, 34 from 2025. Drawn by go.Choropleth with that GeoJSON, fitbounds="geojson", no base map and
no tiles: nothing is fetched from outside (plotly.js still asks for its world outline when a trace has a location
mode, so it is handed an empty one inline, see images.OFFLINE_TOPOJSON). A page names the file by its address on
this server (SHAPES_URL: the browser fetches it once and keeps it); images and slides carry it inline.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from reformdash.analysis import MERGER_YEAR, percentile
from reformdash.catalog import OVERALL, Catalog
from reformdash.charts import FONT, TEMPLATE, unit_label
from reformdash.images import OFFLINE_TOPOJSON
from reformdash.markup import plotly_text
from reformdash.store import REFERENCE, ROOT
from reformdash.words import L, format_number
from reformdash.words.headers import header

GEO = REFERENCE / "geo"  # the maps' notes and sources
SHAPES = ROOT / "static" / "geo"  # the GeoJSON, served by Streamlit's static serving
# where a page's browser finds them (relative, as .streamlit/config.toml's fonts: works under a base URL path)
SHAPES_URL = "app/static/geo"
MODES = ("value", "rank", "quartile", "change")
HA_NOI, HA_TAY = "01", "28"
OUTLINE = "#000000"  # the focus province: black reads on every colour of both scales
NO_DATA = "#c9ced3"  # grey, never a colour of the scale: a province without a value is not a low value
# colour-blind-safe scales: cividis for values and ranks (bright = better), four of its steps for quartiles, and a
# purple–orange diverging scale for change (PuOr, readable with every common colour-vision deficiency)
VALUE_SCALE = "Cividis"
QUARTILE_COLOURS = ["#00204d", "#575c6d", "#a69d75", "#ffea46"]  # lowest group … highest group
CHANGE_SCALE = [[0.0, "#b35806"], [0.25, "#f1a340"], [0.5, "#f7f7f7"], [0.75, "#998ec3"], [1.0, "#542788"]]
# where the archipelagos' names are written (they are a few pixels of reef at this scale)
ARCHIPELAGOS = ((112.0, 17.35, "map.archipelago.paracel"), (114.6, 10.9, "map.archipelago.spratly"))
CONFIG = {"topojsonURL": OFFLINE_TOPOJSON, "scrollZoom": False, "displaylogo": False}


def t(key: str, lang: str) -> str:
    """Map vocabulary in the language (`key` without its «map.» prefix)."""
    return L(f"map.{key}", lang)


def mode_name(mode: str, lang: str) -> str:
    return L(f"map.mode.{mode}", lang)


def quartile_name(group: int, lang: str) -> str:
    """«Nhóm đạt điểm cao nhất» … for group 1 (best) … 4."""
    return L(f"map.quartile.{int(group)}", lang)


def provinces_of(year: int) -> int:
    """How many provinces the year's map has: 63 up to 2024, 34 from 2025 (the 1 July 2025 merger)."""
    return 34 if int(year) >= MERGER_YEAR else 63


@functools.lru_cache(maxsize=2)
def geometry(count: int) -> dict:
    """The shipped GeoJSON of 63 or 34 provinces (features' id = the registry's entity code)."""
    return json.loads((SHAPES / f"provinces_{count}.geojson").read_text(encoding="utf-8"))


def geometry_bytes(count: int) -> int:
    """Size of a shipped map file (what a figure carries to the browser, before compression)."""
    return (SHAPES / f"provinces_{count}.geojson").stat().st_size


def shape_names(count: int, lang: str) -> dict[str, str]:
    """Entity code → name for every shape of the map."""
    return {f["id"]: f["properties"]["name_en" if lang == "en" else "name_vi"] for f in geometry(count)["features"]}


def components(store, index: str, year: int, lang: str = "vi") -> dict[str, str]:
    """Component code → name for the index's components with province scores that year ('' = overall first)."""
    frame = store.df("map_components", index_code=index, year=int(year), lang=lang)
    return dict(zip(frame["code"], frame["name"]))


def _quartiles(values: pd.Series, higher_is_better: bool) -> pd.Series:
    """1 (best quarter) … 4 by value among the provinces with one, as the PAPI reports group them."""
    position = values.rank(ascending=not higher_is_better, method="min")
    n = values.notna().sum()
    return (4 * (position - 1) // max(n, 1) + 1).clip(1, 4)


def map_table(store, index: str, year: int, component: str = OVERALL, lang: str = "vi") -> pd.DataFrame:
    """One row per shape of the year's map: value, rank, rank_of, percentile, quartile, and `note`.

    Provinces without a value keep their row with empty cells (drawn grey, «chưa có dữ liệu»). Before 1 August
    2008 Hà Tây had its own results but the map has no Hà Tây shape: Hà Nội's shape (today's, Hà Tây included)
    carries Hà Nội's figures, and Hà Tây's are named in `note`.
    """
    count = provinces_of(year)
    names = shape_names(count, lang)
    scores = store.df("map_values", index_code=index, year=int(year), component=component, lang=lang)
    scores = scores.set_index("entity_code")
    frame = pd.DataFrame({"entity_code": list(names), "entity_name": list(names.values())})
    for column in ("value", "rank", "rank_of", "sample"):
        frame[column] = frame["entity_code"].map(scores[column]) if len(scores) else None
    frame["value"] = pd.to_numeric(frame["value"], errors="coerce").astype(float)
    frame["rank"] = pd.to_numeric(frame["rank"], errors="coerce").astype(float)
    frame["rank_of"] = pd.to_numeric(frame["rank_of"], errors="coerce").astype(float)
    frame["sample"] = frame["sample"].fillna(False).astype(bool)
    frame["percentile"] = percentile(frame["rank"], frame["rank_of"])
    better = Catalog.load(store).indices[index].higher_is_better if index in Catalog.load(store).indices else True
    frame["quartile"] = _quartiles(frame["value"], better)
    frame["note"] = ""
    if HA_TAY in scores.index:
        r = scores.loc[HA_TAY]
        rank = L("map.rank_of", lang, rank=int(r["rank"]), of=int(r["rank_of"])) \
            if pd.notna(r["rank"]) and pd.notna(r["rank_of"]) else ""
        frame.loc[frame["entity_code"] == HA_NOI, "note"] = L("map.ha_tay", lang,
                                                                    value=format_number(float(r["value"]), lang),
                                                                    rank=rank)
    return frame


def ha_tay_note(store, index: str, year: int, lang: str = "vi") -> str | None:
    """Why Hà Tây is not drawn in a year that ranked it (2006–2008), or None."""
    scores = store.df("map_values", index_code=index, year=int(year), component=OVERALL, lang=lang)
    if HA_TAY not in set(scores["entity_code"]):
        return None
    return L("map.ha_tay_note", lang)


def change_table(store, index: str, from_year: int, to_year: int, component: str = OVERALL,
                 lang: str = "vi") -> pd.DataFrame:
    """One row per shape of the later year's map: ranks both years, places_up, percentile change, `measure`.

    Places are compared only within one field size; across a change of size (the 2025 merger: 63 → 34) the
    change is in percentile rank, each year's rank taken over its own field.
    """
    before = map_table(store, index, from_year, component, lang).set_index("entity_code")
    after = map_table(store, index, to_year, component, lang)
    frame = after[["entity_code", "entity_name"]].copy()
    codes = frame["entity_code"]
    frame["value_from"] = codes.map(before["value"])
    frame["value_to"] = after["value"]
    frame["rank_from"] = codes.map(before["rank"])
    frame["rank_to"] = after["rank"]
    frame["rank_of_from"] = codes.map(before["rank_of"])
    frame["rank_of_to"] = after["rank_of"]
    frame["places_up"] = frame["rank_from"] - frame["rank_to"]
    frame["percentile_change"] = codes.map(before["percentile"]).combine(after["percentile"],
                                                                         lambda a, b: b - a)
    sizes = {int(x) for x in pd.concat([frame["rank_of_from"], frame["rank_of_to"]]).dropna()}
    frame["measure"] = "percentile_change" if len(sizes) > 1 else "places_up"
    frame["sample"] = after["sample"] | codes.map(before["sample"]).fillna(False).astype(bool)
    return frame


def field_sizes(frame: pd.DataFrame) -> list[int]:
    """The field sizes of a change table, earlier year first (for the percentile note)."""
    return [int(x) for x in dict.fromkeys([*frame["rank_of_from"].dropna(), *frame["rank_of_to"].dropna()])]


@dataclass(frozen=True)
class MapSpec:
    """What a map shows: index, year (or two), component, mode, focus, and the words around it."""

    index: str
    year: int
    mode: str = "value"
    component: str = OVERALL
    focus: str | None = None
    base_year: int | None = None
    title: str = ""
    unit: str = ""


def _hover(name: str, lines: list[str]) -> str:
    return "<b>" + plotly_text(name) + "</b><br>" + "<br>".join(lines)


def _rank_text(rank, rank_of, lang: str) -> str:
    if pd.isna(rank):
        return f"{L('map.rank', lang)}: —"
    return f"{L('map.rank', lang)}: {int(rank)}" + (f"/{int(rank_of)}" if pd.notna(rank_of) else "")


def map_figure(frame: pd.DataFrame, spec: MapSpec, lang: str = "vi", height: int = 640,
               shapes_url: str | None = None) -> go.Figure:
    """A choropleth of one year (value, rank or quartile) or of a change (`frame` from change_table).

    With `shapes_url` the traces name the GeoJSON by its address (a page: ~120 kB less on every run, three traces
    each carried it); without, they carry it (images, slides: nothing to fetch from)."""
    count = len(frame)
    shapes = provinces_of(spec.year)
    gj = f"{shapes_url}/provinces_{shapes}.geojson" if shapes_url else geometry(shapes)
    if spec.mode == "change":
        measure = frame["measure"].iloc[0] if count else "places_up"
        z = frame[measure]
    elif spec.mode == "rank":
        z = -frame["rank"]  # rank 1 at the top of the colour bar, in the bright (better) colour
    elif spec.mode == "quartile":
        z = 5 - frame["quartile"]
    else:
        z = frame["value"]
    has = z.notna()
    shown, missing = frame[has], frame[~has]
    fig = go.Figure()
    hover = [_hover(r.entity_name, _lines(r, spec, lang)) for r in shown.itertuples(index=False)]
    trace = dict(geojson=gj, locations=list(shown["entity_code"]), z=list(z[has]),
                 customdata=list(shown["entity_code"]), text=hover, hovertemplate="%{text}<extra></extra>",
                 marker=dict(line=dict(color="white", width=0.6)),
                 selected=dict(marker=dict(opacity=1)), unselected=dict(marker=dict(opacity=1)), name="")
    trace.update(_scale(spec, frame, z[has], lang))
    fig.add_trace(go.Choropleth(**trace))
    if len(missing):
        fig.add_trace(go.Choropleth(
            geojson=gj, locations=list(missing["entity_code"]), z=[0] * len(missing),
            customdata=list(missing["entity_code"]), colorscale=[[0, NO_DATA], [1, NO_DATA]], showscale=False,
            text=[_hover(n, [L("map.no_data", lang)]) for n in missing["entity_name"]],
            hovertemplate="%{text}<extra></extra>", marker=dict(line=dict(color="white", width=0.6)),
            selected=dict(marker=dict(opacity=1)), unselected=dict(marker=dict(opacity=1)), name=""))
        fig.add_annotation(text=L("map.no_data_key", lang), x=0, y=0.0, xref="paper", yref="paper",
                           showarrow=False,
                           xanchor="left", yanchor="bottom", font=dict(size=12, color="#7b8288"))
    if spec.focus in set(frame["entity_code"]):
        fig.add_trace(go.Choropleth(
            geojson=gj, locations=[spec.focus], z=[0], colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]],
            showscale=False, hoverinfo="skip", marker=dict(line=dict(color=OUTLINE, width=2)), name=""))
    fig.add_trace(go.Scattergeo(
        lon=[a[0] for a in ARCHIPELAGOS], lat=[a[1] for a in ARCHIPELAGOS], mode="text", hoverinfo="skip",
        text=[L(a[2], lang) for a in ARCHIPELAGOS], textfont=dict(size=11, color="#4d5656"),
        showlegend=False, name=""))
    fig.add_annotation(text=L("map.source", lang), x=1, y=0.0, xref="paper", yref="paper", showarrow=False,
                       xanchor="right", yanchor="bottom", font=dict(size=11, color="#7b8288"))
    fig.update_geos(fitbounds="geojson", visible=False, projection_type="mercator", bgcolor="rgba(0,0,0,0)")
    fig.update_layout(title=dict(text=plotly_text(spec.title), x=0, font=dict(size=18)), font=FONT, height=height,
                      template=TEMPLATE, margin=dict(l=10, r=10, t=60, b=80), dragmode=False,
                      separators=",." if lang == "vi" else ".,", showlegend=False, clickmode="event+select")
    return fig


def _lines(r, spec: MapSpec, lang: str) -> list[str]:
    """A province's hover lines: value and rank (with the field), or both years and the change."""
    unit = unit_label(spec.unit, lang)
    if spec.mode == "change":
        lines = [f"{spec.base_year}: {format_number(r.value_from, lang) if pd.notna(r.value_from) else '—'}"
                 f" · {_rank_text(r.rank_from, r.rank_of_from, lang)}",
                 f"{spec.year}: {format_number(r.value_to, lang) if pd.notna(r.value_to) else '—'}"
                 f" · {_rank_text(r.rank_to, r.rank_of_to, lang)}"]
        if r.measure == "percentile_change":
            lines.append(f"{L('map.percentile', lang)}: {_signed(r.percentile_change, lang)}")
        else:
            lines.append(f"{L('map.places', lang)}: {_signed(r.places_up, lang, 0)}")
        return lines
    lines = [f"{L('map.value', lang)}: {format_number(r.value, lang)} {unit}".rstrip(),
             _rank_text(r.rank, r.rank_of, lang)]
    if spec.mode == "quartile" and pd.notna(r.quartile):
        lines.append(quartile_name(r.quartile, lang))
    if r.note:
        lines.append(plotly_text(r.note))
    return lines


def _signed(x, lang: str, decimals: int = 1) -> str:
    if pd.isna(x):
        return "—"
    text = format_number(abs(float(x)), lang, decimals)
    return ("+" if x > 0 else "−" if x < 0 else "") + text


def _scale(spec: MapSpec, frame: pd.DataFrame, z: pd.Series, lang: str) -> dict:
    """Colour scale and colour bar for the mode (the bar says which way is better)."""
    # under the map, across: the map keeps the whole width (a phone has 390 px), the bar reads left to right
    bar = dict(orientation="h", thickness=12, len=0.9, x=0.5, xanchor="center", y=-0.02, yanchor="top",
               outlinewidth=0, title=dict(side="top"))
    if spec.mode == "value":
        title = f"{L('map.value', lang)} ({unit_label(spec.unit, lang)}; {L('map.better', lang)})"
        return dict(colorscale=VALUE_SCALE, colorbar=dict(bar, title=dict(text=title, side="top",
                                                                              font=dict(size=12)), tickformat=".1f"))
    if spec.mode == "rank":
        worst = int(-z.min()) if len(z) else 1
        step = 5 if worst <= 40 else 10
        ticks = [1] + list(range(step, worst + 1, step))
        return dict(colorscale=VALUE_SCALE, zmin=-worst, zmax=-1,
                    colorbar=dict(bar, title=dict(text=L("map.rank_bar", lang), side="top", font=dict(size=12)),
                                  tickvals=[-x for x in ticks], ticktext=[str(x) for x in ticks]))
    if spec.mode == "quartile":
        scale = []
        for k, colour in enumerate(QUARTILE_COLOURS):  # four flat steps: z 1 (lowest group) … 4 (highest)
            scale += [[k / 4, colour], [(k + 1) / 4, colour]]
        return dict(colorscale=scale, zmin=0.5, zmax=4.5,
                    colorbar=dict(bar, title=dict(text=L("map.quartile", lang) + " ("
                                                  + L("map.better_right", lang) + ")",
                                                  side="top", font=dict(size=12)),
                                  tickvals=[1, 2, 3, 4], ticktext=[L(f"map.quartile_short.{4 - k}", lang)
                                                                     for k in range(4)]))
    measure = frame["measure"].iloc[0] if len(frame) else "places_up"
    reach = max(1.0, float(z.abs().max())) if len(z) else 1.0
    title = (L("map.pct_change" if measure == "percentile_change" else "map.places", lang) + "; "
             + L("map.gain_loss", lang))
    return dict(colorscale=CHANGE_SCALE, zmid=0, zmin=-reach, zmax=reach,
                colorbar=dict(bar, title=dict(text=title, side="top", font=dict(size=12)),
                              tickformat="+d" if measure == "places_up" else "+.0f"))


def title_of(spec: MapSpec, index_label: str, component_name: str, lang: str) -> str:
    """'PCI 2019 — giá trị', 'PAPI 2018 → 2019 — số bậc tăng/giảm'."""
    what = index_label + (f" · {component_name}" if component_name else "")
    if spec.mode == "change":
        return f"{what}: {spec.base_year} → {spec.year}"
    return f"{what} {spec.year} — {mode_name(spec.mode, lang).lower() if lang != 'en' else mode_name(spec.mode, lang)}"


def figure(store, index: str, year: int, mode: str = "value", component: str = OVERALL, focus: str | None = None,
           base_year: int | None = None, lang: str = "vi", height: int = 640,
           shapes_url: str | None = None) -> go.Figure:
    """The map as the page, the briefing and the exports draw it (reads its table, names its title)."""
    catalog = Catalog.load(store)
    definition = catalog.indices.get(index)
    unit = definition.unit if definition else ""
    names = components(store, index, year, lang) if component else {}
    label = index.replace("_", " ")
    if mode == "change":
        base = base_year if base_year is not None else year - 1
        frame = change_table(store, index, base, year, component, lang)
        spec = MapSpec(index, year, mode, component, focus, base, unit=unit)
    else:
        frame = map_table(store, index, year, component, lang)
        spec = MapSpec(index, year, mode, component, focus, unit=unit)
    spec = MapSpec(**{**spec.__dict__, "title": title_of(spec, label, names.get(component, ""), lang)})
    return map_figure(frame, spec, lang, height, shapes_url)


def with_shapes_inline(fig: go.Figure) -> go.Figure:
    """The figure with every GeoJSON named by its address on this server put inline (to draw it offline: kaleido
    has no server to ask)."""
    traces = [t for t in fig.data if isinstance(getattr(t, "geojson", None), str)]
    if not traces:
        return fig
    fig = go.Figure(fig)
    for trace in fig.data:
        name = trace.geojson.rsplit("/", 1)[-1] if isinstance(getattr(trace, "geojson", None), str) else ""
        if name.startswith("provinces_") and name.endswith(".geojson"):
            trace.geojson = geometry(int(name[len("provinces_"):-len(".geojson")]))
    return fig


def readable(frame: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    """The map's table with the reader's headers (for the table under the map and the Excel download)."""
    if "measure" in frame.columns:
        columns = {"entity_name": header("province", lang), "value_from": L("map.col.value_from", lang),
                   "value_to": L("map.col.value_to", lang), "rank_from": L("map.col.rank_from", lang),
                   "rank_to": L("map.col.rank_to", lang), "places_up": header("places_up", lang),
                   "percentile_change": header("percentile_change", lang)}
        out = frame[list(columns)].rename(columns=columns)
        if frame["measure"].iloc[0] == "percentile_change" if len(frame) else False:
            out = out.drop(columns=[columns["places_up"]])
        return out
    columns = {"entity_name": header("province", lang), "value": header("value", lang),
               "rank": L("brief.col.rank", lang), "rank_of": header("rank_of", lang),
               "quartile": header("quartile", lang), "note": header("note", lang)}
    out = frame[list(columns)].rename(columns=columns)
    return out.sort_values([columns["rank"], columns["entity_name"]], na_position="last").reset_index(drop=True)


def sentence(frame: pd.DataFrame, spec: MapSpec, index_label: str, lang: str = "vi") -> str:
    """One sentence for a report: how many provinces have a figure, the first and the last, the focus."""
    have = frame.dropna(subset=["value"]).sort_values(["value"], ascending=False)
    n, total = len(have), len(frame)
    if not n:
        return L("map.sentence.no_data", lang, index=index_label, year=spec.year)
    top, bottom = have.iloc[0], have.iloc[-1]
    v = functools.partial(format_number, lang=lang)
    text = L("map.sentence", lang, index=index_label, year=spec.year, n=n, total=total, top=top.entity_name,
                   top_value=v(top.value), bottom=bottom.entity_name, bottom_value=v(bottom.value))
    mine = frame[frame["entity_code"] == spec.focus]
    if spec.focus and len(mine) and pd.notna(mine.iloc[0]["value"]):
        r = mine.iloc[0]
        q = quartile_name(r.quartile, lang).lower()
        rank = L("map.rank_of", lang, rank=int(r["rank"]), of=int(r.rank_of)) \
            if pd.notna(r["rank"]) and pd.notna(r.rank_of) else ""
        text += f" {r.entity_name}: {v(r.value)}{rank} ({q})."
    return text


def places_text(x: float) -> str:
    """+5 / −3 / 0 (for tables)."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return ""
    return f"{int(x):+d}".replace("-", "−") if x else "0"

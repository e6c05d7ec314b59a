"""Bản đồ: a choropleth of the provinces for any index, component and year (value, rank, quartile or change)."""

import streamlit as st

from pages._common import (
    boot,
    cached,
    chart,
    choice_param,
    field_note,
    figure,
    lang_key,
    lang_param,
    set_param,
    sidebar,
    year_picker,
)
from reformdash import maps
from reformdash.words import L

boot()


def focus_clicked() -> None:
    """A province clicked on the map becomes the focus, in the URL and in the sidebar."""
    points = st.session_state["map_chart"].selection.get("points") or []
    codes = [p.get("customdata") or p.get("location") for p in points]
    codes = [c[0] if isinstance(c, list) else c for c in codes if c]
    if codes:
        st.query_params["entity"] = str(codes[0])
        # the browser sends the sidebar select's old value with the rerun: set the widget's state, not only the URL
        st.session_state[lang_key("focus_entity", lang_param())] = str(codes[0])


view = sidebar(index_kinds=("province",), need_years=False)
lang = view.lang
st.title(L("page.menu.map", lang))
if not view.index or not view.years:
    st.info(L("no_data", lang, what=""))
    st.stop()
label = view.index.replace("_", " ")
left, middle, right = st.columns([1, 2, 2])
year = year_picker(L("year", lang), view.years, "year", view.years[-1], left)
components = cached(maps.components, view.index, year, lang)
options = ["", *components]
wanted = choice_param("component", options, "")
component = middle.selectbox(L("component", lang), options,
                             index=options.index(wanted) if wanted in options else 0,
                             format_func=lambda c: components.get(c) or L("page.map.overall", lang),
                             key="map_component")
set_param("component", component)
wanted_mode = choice_param("map", maps.MODES, "value")
mode = right.segmented_control(L("page.map.colour_by", lang), maps.MODES,
                               default=wanted_mode if wanted_mode in maps.MODES else "value",
                               format_func=lambda m: maps.mode_name(m, lang), key="map_mode", required=True,
                               wrap=True)  # a phone's width holds three of the four choices
set_param("map", mode)
base = None
if mode == "change":
    earlier = [y for y in view.years if y < year]
    if not earlier:
        st.info(L("page.map.no_earlier", lang))
        st.stop()
    base = year_picker(L("page.map.compared_with", lang), earlier, "base", earlier[-1], left)

fig = figure(maps.figure, view.index, year, mode, component, view.entity, base, lang, shapes_url=maps.SHAPES_URL)
if mode == "change":
    changed = cached(maps.change_table, view.index, base, year, component, lang)
    data, note = (lambda: maps.readable(changed, lang)), field_note(maps.field_sizes(changed), [base, year], lang)
else:
    shown = cached(maps.map_table, view.index, year, component, lang)
    data, note = (lambda: maps.readable(shown, lang)), None
text = None if mode == "change" else (lambda: maps.sentence(shown, maps.MapSpec(view.index, year, mode, component,
                                                                                 view.entity), label, lang))
chart(fig, "map_chart", data, text, f"{view.index}_{year}_ban-do", on_select=focus_clicked,
      selection_mode="points", config=maps.CONFIG)
if note:
    st.caption(note)
ha_tay = cached(maps.ha_tay_note, view.index, year, lang)
if ha_tay:
    st.caption(ha_tay)
st.caption(L("page.map.note", lang, year=year, count=maps.provinces_of(year), source=maps.t("source", lang)))

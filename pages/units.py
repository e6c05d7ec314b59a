"""Đơn vị trực thuộc: leaderboard of subordinate units, trend per unit, criteria breakdown and goals."""

import streamlit as st

from pages._common import boot, cached, chart, figure, language, lazy_expander, set_param
from reformdash import figures, paragraphs, tables
from reformdash.analysis import entity_trend
from reformdash.labels import L
from reformdash.markup import markdown_text

boot()

lang = language()
st.title(L("units", lang))
pnames = cached(tables.unit_parent_names, lang)
if not pnames:
    st.info(L("no_data", lang, what=L("units", lang).lower()))
    st.stop()
codes = list(pnames)
wanted = st.query_params.get("parent", codes[0])
parent = st.sidebar.selectbox(L("parent", lang), codes, index=codes.index(wanted) if wanted in codes else 0,
                              format_func=pnames.get, key="unit_parent")
set_param("parent", parent)
spans, index_names = cached(tables.unit_index_spans, parent, lang)
index = st.sidebar.selectbox(L("index", lang), list(spans), key="unit_index", format_func=index_names.get)
years = spans[index]
year = st.sidebar.selectbox(L("year", lang), years, index=len(years) - 1, key="unit_year")
shown = cached(tables.unit_board, parent, index, year, lang)
board, unames = shown["board"], shown["names"]
st.markdown(f"#### {markdown_text(pnames[parent])}"
            + (" :orange-badge[" + L("sample", lang) + "]" if shown["sample"] else ""))
chart(figure(figures.leaderboard, parent, index, year, lang), "leaderboard", shown["chart"],
      lambda: cached(paragraphs.units, parent, index, year, lang), f"{index}_{year}_bang-xep-hang")
if len(board) > figures.UNITS_SHOWN:
    every = lazy_expander(f"{L('units', lang)}: {len(board)}", "unit_list")
    if every.open:
        with every:
            st.dataframe(shown["list"], hide_index=True, width="stretch")
criteria = figure(figures.unit_criteria, parent, index, year, lang)
# lazy tabs: only the chosen view is built (kept in the URL as ?unit_view=)
views = st.tabs([L("unit_trend_tab", lang)] + ([L("criteria", lang)] if criteria is not None else []),
                key="unit_view", on_change="rerun", bind="query-params")
trend_tab, criteria_tab = views[0], (views[1] if len(views) > 1 else None)
if trend_tab.open:
    with trend_tab:
        unit = st.selectbox(L("unit", lang), list(unames), format_func=unames.get, key="unit_pick")
        chart(figure(figures.unit_trend, index, unit, unames[unit], lang), "unit_trend",
              lambda: cached(entity_trend, index, unit), lambda: cached(paragraphs.unit_trend, index, unit, lang),
              f"{index}_{unit}")
if criteria_tab is not None and criteria_tab.open:
    with criteria_tab:
        chart(criteria, "unit_criteria", shown["criteria"],
              lambda: cached(paragraphs.unit_criteria, parent, index, year, lang), f"{index}_{year}_tieu-chi")
if shown["goal_lines"]:
    st.subheader(L("goals_table", lang))
    st.markdown(shown["goal_lines"])  # one list, one element
st.caption(L("sample_note", lang))

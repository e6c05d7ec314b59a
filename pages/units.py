"""Đơn vị trực thuộc: leaderboard of subordinate units, trend per unit, criteria breakdown and goals."""

import streamlit as st

from pages._common import boot, cached, chart, figure, language, lazy_expander, set_param
from reformdash import figures, paragraphs, tables
from reformdash.analysis import (
    entity_trend,
    index_choices,
    unit_indices,
    unit_parents,
)
from reformdash.labels import L

boot()

lang = language()
st.title(L("units", lang))
parents = cached(unit_parents, lang)
if parents.empty:
    st.info(L("no_data", lang, what=L("units", lang).lower()))
    st.stop()
codes = list(parents["code"])
pnames = dict(zip(parents["code"], parents["name"]))
wanted = st.query_params.get("parent", codes[0])
parent = st.sidebar.selectbox(L("parent", lang), codes, index=codes.index(wanted) if wanted in codes else 0,
                              format_func=lambda c: pnames[c], key="unit_parent")
set_param("parent", parent)
indices = cached(unit_indices, parent)
choices = cached(index_choices, lang)
index_names = dict(zip(choices["code"], choices["name"]))
index = st.sidebar.selectbox(L("index", lang), list(indices["index_code"]), key="unit_index",
                             format_func=lambda c: index_names.get(c, c))
row = indices.set_index("index_code").loc[index]
years = list(range(int(row.first_year), int(row.last_year) + 1))
year = st.sidebar.selectbox(L("year", lang), years, index=len(years) - 1, key="unit_year")
shown = cached(tables.unit_board, parent, index, year, lang)
board, unames = shown["board"], shown["names"]
st.markdown(f"#### {pnames[parent]}" + (" :orange-badge[" + L("sample", lang) + "]" if shown["sample"] else ""))
chart(figure(figures.leaderboard, parent, index, year, lang), "leaderboard", shown["chart"],
      lambda: cached(paragraphs.units, parent, index, year, lang), f"{index}_{year}_bang-xep-hang")
if len(board) > figures.UNITS_SHOWN:
    every = lazy_expander(f"{L('units', lang)}: {len(board)}", "unit_list")
    if every.open:
        with every:
            st.dataframe(shown["list"], hide_index=True, width="stretch")
unit = st.selectbox(L("unit", lang), list(unames), format_func=lambda c: unames[c], key="unit_pick")
chart(figure(figures.unit_trend, index, unit, unames[unit], lang), "unit_trend",
      lambda: cached(entity_trend, index, unit), lambda: cached(paragraphs.unit_trend, index, unit, lang),
      f"{index}_{unit}")
criteria = figure(figures.unit_criteria, parent, index, year, lang)
if criteria is not None:
    chart(criteria, "unit_criteria", shown["criteria"],
          lambda: cached(paragraphs.unit_criteria, parent, index, year, lang), f"{index}_{year}_tieu-chi")
if len(shown["goals"]):
    st.subheader(L("goals_table", lang))
    badge = {"met": ":green-badge[", "not_met": ":red-badge[", "no_data": ":gray-badge["}
    word = {"met": L("goal_met", lang), "not_met": L("goal_not_met", lang), "no_data": L("goal_no_data", lang)}
    for g in shown["goals"].itertuples(index=False):
        st.markdown(f"- {badge[g.status]}{word[g.status]}] **{g.entity_name}** — {g.detail}")
st.caption(L("sample_note", lang))

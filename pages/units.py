"""Đơn vị trực thuộc: leaderboard of subordinate units, trend per unit, criteria breakdown and goals."""

import streamlit as st

from pages._common import boot, cached, chart, figure, language
from reformdash import figures, paragraphs
from reformdash.analysis import (
    component_table,
    entity_trend,
    index_choices,
    unit_indices,
    unit_leaderboard,
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
st.query_params["parent"] = parent
indices = cached(unit_indices, parent)
choices = cached(index_choices, lang)
index_names = dict(zip(choices["code"], choices["name"]))
index = st.sidebar.selectbox(L("index", lang), list(indices["index_code"]), key="unit_index",
                             format_func=lambda c: index_names.get(c, c))
row = indices.set_index("index_code").loc[index]
years = list(range(int(row.first_year), int(row.last_year) + 1))
year = st.sidebar.selectbox(L("year", lang), years, index=len(years) - 1, key="unit_year")
board = cached(unit_leaderboard, parent, index, year, lang)
st.markdown(f"#### {pnames[parent]}" + (" :orange-badge[" + L("sample", lang) + "]" if board["sample"].any()
                                         else ""))
chart(figure(figures.leaderboard, parent, index, year, lang), "leaderboard",
      board[["rank", "entity_name", "value", "prev_value", "prev_rank", "places_up"]],
      cached(paragraphs.units, parent, index, year, lang), f"{index}_{year}_bang-xep-hang")
if len(board) > figures.UNITS_SHOWN:
    with st.expander(f"{L('units', lang)}: {len(board)}"):
        st.dataframe(board[["rank", "entity_name", "value", "places_up"]], hide_index=True, width="stretch")
unames = dict(zip(board["entity_code"], board["entity_name"]))
unit = st.selectbox(L("unit", lang), list(board["entity_code"]), format_func=lambda c: unames[c], key="unit_pick")
chart(figure(figures.unit_trend, index, unit, unames[unit], lang), "unit_trend",
      cached(entity_trend, index, unit), cached(paragraphs.unit_trend, index, unit, lang), f"{index}_{unit}")
criteria = figure(figures.unit_criteria, parent, index, year, lang)
if criteria is not None:
    scored = cached(component_table, index, year, lang)
    chart(criteria, "unit_criteria", scored[scored["entity_code"].isin(board["entity_code"])], "",
          f"{index}_{year}_tieu-chi")
try:
    from reformdash.goals import evaluate_goals

    unit_goals = cached(evaluate_goals, lang)
    unit_goals = unit_goals[unit_goals["entity_code"].isin(board["entity_code"])]
except ImportError:
    unit_goals = None
if unit_goals is not None and len(unit_goals):
    st.subheader(L("goals_table", lang))
    badge = {"met": ":green-badge[", "not_met": ":red-badge[", "no_data": ":gray-badge["}
    word = {"met": L("goal_met", lang), "not_met": L("goal_not_met", lang), "no_data": L("goal_no_data", lang)}
    for g in unit_goals.itertuples(index=False):
        st.markdown(f"- {badge[g.status]}{word[g.status]}] **{g.entity_name}** — {g.detail}")
st.caption(L("sample_note", lang))

"""Đơn vị trực thuộc: leaderboard of subordinate units, trend per unit, criteria breakdown and goals."""

import datetime as dt

import streamlit as st

from pages._common import boot, cached, chart, figure, language, lazy_expander, set_param
from reformdash import figures, paragraphs, settings, tables
from reformdash.analysis import entity_trend
from reformdash.markup import markdown_text
from reformdash.plan import views as plan_views
from reformdash.words import L

boot()

lang = language()
st.title(L("units", lang))
pnames = cached(tables.unit_parent_names, lang)
if not pnames:
    st.info(L("no_data", lang, what=L("units", lang).lower()))
    st.stop()
codes = list(pnames)
# the organisation's own department (or its units) before the sample's (issue 14 B2)
wanted = st.query_params.get("parent") or cached(settings.own_unit_parent, cached(settings.organisation).focus)
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
has_plan = parent in cached(plan_views.plan_parents, lang)
plan_word = L("page.menu.plan", lang)
views = st.tabs([L("unit_trend_tab", lang)] + ([L("criteria", lang)] if criteria is not None else [])
                + ([plan_word] if has_plan else []), key="unit_view", on_change="rerun", bind="query-params")
trend_tab, criteria_tab = views[0], (views[1] if criteria is not None else None)
plan_tab = views[-1] if has_plan else None
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
if plan_tab is not None and plan_tab.open:
    with plan_tab:  # each unit's plan indicators and their status in the period a meeting reviews
        today = dt.date.today()
        head = cached(plan_views.headline, parent, today, lang)
        if head is not None:
            st.markdown(markdown_text(head.sentence) + (" :orange-badge[" + L("sample", lang) + "]"
                                                        if head.sample else ""))
            st.dataframe(cached(plan_views.units_summary, parent, today, lang), hide_index=True, width="stretch")
            plan_units = cached(plan_views.units, parent, lang)
            chosen = st.selectbox(L("unit", lang), list(plan_units), format_func=plan_units.get,
                                  key="plan_unit_pick")
            st.dataframe(cached(plan_views.unit_plan, parent, chosen, today, lang), hide_index=True,
                         width="stretch")
            st.page_link("pages/plan.py", label=plan_word + " →", query_params={"plan": parent, "unit": chosen,
                                                                               "lang": lang})
if shown["goal_lines"]:
    st.subheader(L("goals_table", lang))
    st.markdown(shown["goal_lines"])  # one list, one element
st.caption(L("sample_note", lang))

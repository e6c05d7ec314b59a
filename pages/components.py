"""Chỉ số thành phần: heatmap entity × component, the focus against best and median, and what drove its rank."""

import streamlit as st

from pages._common import boot, cached, chart, figure, page_year, peers_picker, sidebar, table
from reformdash import figures, paragraphs, tables
from reformdash.analysis import component_drivers
from reformdash.words import L

boot()

view = sidebar()
lang = view.lang
# a year published without sub-indices (PCI 2020) is not offered here
year = page_year(view, L("components", lang), cached(tables.component_years, view.index))
names, ranked = cached(tables.component_leaders, view.index, year, lang)
if not names:
    st.info(L("no_data", lang, what=f"{view.index.replace('_', ' ')} {year}"))
    st.stop()
leaders = [c for c in ranked if c != view.entity][:3]
peers = peers_picker(view, sorted((c for c in names if c != view.entity), key=lambda c: names[c]), names, leaders)
shown = [view.entity] + peers
show_change = st.toggle(L("show_change", lang), value=False, key="heat_change")


def text():
    return cached(paragraphs.components, view.index, view.entity, year, lang)


chart(figure(figures.heatmap, view.index, year, tuple(shown), show_change, lang), "heatmap",
      lambda: cached(tables.component_rows, view.index, year, tuple(shown), lang), text,
      f"{view.index}_{year}_chi-so-thanh-phan")
drivers = cached(component_drivers, view.index, view.entity, year, lang)
if not drivers.empty:
    chart(figure(figures.drivers, view.index, view.entity, view.entity_name, year, lang), "drivers", drivers, text,
          f"{view.index}_{view.entity}_{year}_dong-gop")
    table(tables.drivers_table, view.index, view.entity, view.entity_name, year, lang)

"""So sánh: the focus entity against chosen peers, its region and the national median and best."""

import streamlit as st

from pages._common import boot, cached, chart, figure, page_year, peers_picker, sidebar, table
from reformdash import figures, paragraphs, tables
from reformdash.analysis import benchmarks
from reformdash.words import L

boot()

view = sidebar()
lang = view.lang
year = page_year(view, L("compare", lang))
names, options, default = cached(tables.compare_choices, view.index, year, view.entity, lang)
peers = peers_picker(view, options, names, default)
bench = cached(benchmarks, view.index, year, view.entity, tuple(peers), lang)
if bench.empty:
    st.info(L("no_data", lang, what=f"{view.index.replace('_', ' ')} {year}"))
    st.stop()
chart(figure(figures.compare, view.index, year, view.entity, view.entity_name, tuple(peers), view.unit, lang),
      "compare", lambda: bench.drop(columns=["kind"]),
      lambda: cached(paragraphs.compare, view.index, view.entity, year, tuple(peers), lang),
      f"{view.index}_{view.entity}_{year}_so-sanh")
table(tables.compare_table, view.index, year, view.entity, tuple(peers), lang)

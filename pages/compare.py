"""So sánh: the focus entity against chosen peers, its region and the national median and best."""

import streamlit as st

from pages._common import boot, cached, chart, figure, page_year, peers_picker, sidebar, table
from reformdash import figures, paragraphs, tables
from reformdash.analysis import benchmarks, field
from reformdash.labels import L

boot()

view = sidebar()
lang = view.lang
year = page_year(view, L("compare", lang))
everyone = cached(field, view.index, year, "", lang)
names = dict(zip(everyone["entity_code"], everyone["entity_name"]))
near = everyone.set_index("entity_code")
default = []
if view.entity in near.index:
    my_rank = near.loc[view.entity, "rank"]
    default = list(everyone.loc[(everyone["rank"] - my_rank).abs().between(1, 2), "entity_code"])[:3]
peers = peers_picker(view, sorted((c for c in names if c != view.entity), key=lambda c: names[c]), names, default)
bench = cached(benchmarks, view.index, year, view.entity, tuple(peers), lang)
if bench.empty:
    st.info(L("no_data", lang, what=f"{view.index.replace('_', ' ')} {year}"))
    st.stop()
chart(figure(figures.compare, view.index, year, view.entity, view.entity_name, tuple(peers), view.unit, lang),
      "compare", lambda: bench.drop(columns=["kind"]),
      lambda: cached(paragraphs.compare, view.index, view.entity, year, tuple(peers), lang),
      f"{view.index}_{view.entity}_{year}_so-sanh")
table(tables.compare_table, view.index, year, view.entity, tuple(peers), lang)

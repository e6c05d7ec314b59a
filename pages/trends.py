"""Xu hướng: value and rank of the focus entity over the years, with method changes, the merger and goals."""

import streamlit as st

from pages._common import boot, cached, chart, field_note, figure, sample_badge, sidebar, table
from reformdash import figures, paragraphs, tables
from reformdash.analysis import method_breaks_of
from reformdash.markup import markdown_text
from reformdash.words import L

boot()

view = sidebar()
lang = view.lang
st.title(L("trends", lang))
if not view.index:
    st.info(L("no_data", lang, what=""))
    st.stop()
trend = cached(tables.trend_rows, view.index, view.entity, view.year_from or 0, view.year_to or 9999)
label = view.index.replace("_", " ")
if trend.empty:
    st.info(L("no_data", lang, what=f"{label} — {view.entity_name}"))
    st.stop()
st.markdown(f"#### {markdown_text(view.index_name)}{sample_badge(bool(trend['sample'].any()), lang)}")
field_sizes = sorted(set(int(n) for n in trend["rank_of"].dropna()))
default_percentile = len(field_sizes) > 1
percentile_mode = st.toggle(L("show_percentile", lang), value=default_percentile, key="percentile")
breaks = cached(method_breaks_of, view.index, tuple(trend["year"]), lang)
fig = figure(figures.trend, view.index, view.entity, view.entity_name, view.unit, view.year_from, view.year_to,
             percentile_mode, view.entity_kind == "province", lang)
chart(fig, "trend", lambda: trend[["year", "value", "rank", "rank_of", "percentile"]],
      lambda: cached(paragraphs.trend, view.index, view.entity, view.year_from, view.year_to, lang),
      f"{view.index}_{view.entity}_{view.year_from}-{view.year_to}")
for br in breaks:
    st.caption(L("method_note", lang, year=br.year, added=", ".join(br.added) or "—",
                 dropped=", ".join(br.dropped) or "—"))
note = field_note(list(trend["rank_of"].dropna()), list(trend["year"]), lang)
if note:
    st.caption(note)
table(tables.trend_table, view.index, view.entity, view.year_from or 0, view.year_to or 9999, lang)

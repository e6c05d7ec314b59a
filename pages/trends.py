"""Xu hướng: value and rank of the focus entity over the years, with method changes, the merger and goals."""

import streamlit as st

from pages._common import boot, cached, field_note, get_store, sample_badge, sidebar
from reformdash.analysis import entity_trend, method_breaks
from reformdash.catalog import Catalog
from reformdash.charts import trend_figure
from reformdash.labels import L
from reformdash.trends import goal_lines

boot()

view = sidebar()
lang = view.lang
st.title(L("trends", lang))
if not view.index:
    st.info(L("no_data", lang, what=""))
    st.stop()
trend = cached(entity_trend, view.index, view.entity)
trend = trend[(trend["year"] >= (view.year_from or 0)) & (trend["year"] <= (view.year_to or 9999))]
label = view.index.replace("_", " ")
if trend.empty:
    st.info(L("no_data", lang, what=f"{label} — {view.entity_name}"))
    st.stop()
st.markdown(f"#### {view.index_name}{sample_badge(bool(trend['sample'].any()), lang)}")
field_sizes = sorted(set(int(n) for n in trend["rank_of"].dropna()))
default_percentile = len(field_sizes) > 1
percentile_mode = st.toggle(L("show_percentile", lang), value=default_percentile, key="percentile")
breaks = method_breaks(Catalog.load(get_store()), view.index, list(trend["year"]), lang)
value_goal, rank_goal = goal_lines(get_store(), view.index, view.entity)
fig = trend_figure(trend, L("trend_title", lang, index=label, entity=view.entity_name), view.unit, lang,
                   mode="percentile" if percentile_mode else "rank", breaks=breaks, value_goal=value_goal,
                   rank_goal=rank_goal, show_merger=view.entity_kind == "province")
st.plotly_chart(fig, width="stretch", key="trend")
for br in breaks:
    st.caption(L("method_note", lang, year=br.year, added=", ".join(br.added) or "—",
                 dropped=", ".join(br.dropped) or "—"))
note = field_note(list(trend["rank_of"].dropna()), list(trend["year"]), lang)
if note:
    st.caption(note)
table = trend[["year", "value", "rank", "rank_of", "percentile"]].rename(columns={
    "year": L("year", lang), "value": L("value", lang), "rank": L("rank", lang), "rank_of": "/",
    "percentile": "%"})
st.dataframe(table, hide_index=True, width="stretch")
st.download_button(L("download_data", lang), table.to_csv(index=False).encode("utf-8-sig"),
                   file_name=f"{view.index}_{view.entity}.csv", mime="text/csv")

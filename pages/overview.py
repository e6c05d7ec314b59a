"""Tổng quan: what the database holds and where the focus province stands (placeholder until the pages issue)."""

import streamlit as st

from pages._common import get_store, language
from reformdash import settings
from reformdash.overview import coverage_table, focus_cards

lang = language()
store = get_store()
version = store.data_version()

st.title("Tổng quan chỉ số cải cách hành chính" if lang == "vi" else "Reform indices at a glance")
focus_name = settings.get("REFORMDASH_FOCUS_ENTITY")
cards = focus_cards(store, focus_name, lang, version)
st.subheader(cards.title)
columns = st.columns(max(1, len(cards.cards)))
for column, card in zip(columns, cards.cards):
    with column:
        st.metric(card.label, card.value, card.delta, delta_color="normal")
        st.caption(card.caption)
st.subheader("Dữ liệu hiện có" if lang == "vi" else "Data held")
st.dataframe(coverage_table(store, lang, version), hide_index=True, width="stretch")
st.caption(cards.footnote)

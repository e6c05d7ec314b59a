"""Tổng quan: where the focus entity stands on every index this year, how it moved, and its goals."""

import streamlit as st

from pages._common import boot, cached, sample_badge, sidebar
from reformdash.labels import L
from reformdash.overview import coverage_table, focus_cards

boot()

BADGE = {"met": ":green-badge[", "not_met": ":red-badge[", "no_data": ":gray-badge["}
WORD = {"met": "goal_met", "not_met": "goal_not_met", "no_data": "goal_no_data"}

view = sidebar(index_kinds=(), need_years=False)
lang = view.lang
st.title(f"{L('overview', lang)} — {view.entity_name}" if lang == "vi" else f"{view.entity_name} at a glance")
cards = cached(focus_cards, view.entity, lang)
if not cards.cards:
    st.info(L("no_data", lang, what=view.entity_name))
else:
    columns = st.columns(len(cards.cards))
    for column, card in zip(columns, cards.cards):
        with column, st.container(border=True):
            st.markdown(f"**{card.label}**{sample_badge(card.sample, lang)}")
            st.metric(card.label, card.value, card.delta, label_visibility="collapsed")
            st.caption(card.caption)
            if card.goals:
                counts = {s: sum(1 for g in card.goals if g[0] == s) for s in ("met", "not_met", "no_data")}
                badges = [f"{BADGE[s]}{n} {L(WORD[s], lang).lower()}]" for s, n in counts.items() if n]
                st.markdown(f"{L('goals', lang)}: " + " ".join(badges))
    st.subheader(L("summary", lang))
    for card in cards.cards:
        st.markdown(f"- {card.sentence}{sample_badge(card.sample, lang)}")
    goals = [(card.label, g) for card in cards.cards for g in card.goals]
    if goals:
        st.subheader(L("goals_table", lang))
        for label, (status, detail) in goals:
            st.markdown(f"- {BADGE[status]}{L(WORD[status], lang)}] **{label.split(' ')[0]}** — {detail}")
        st.page_link("pages/goals.py", label=L("goals", lang) + " →")
with st.expander("Dữ liệu hiện có" if lang == "vi" else "Data held"):
    st.dataframe(cached(coverage_table, lang), hide_index=True, width="stretch")
if any(c.sample for c in cards.cards):
    st.caption(cards.footnote)

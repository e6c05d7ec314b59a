"""Tổng quan: where the focus entity stands on every index this year, how it moved, and its goals."""

import datetime as dt

import streamlit as st

from pages._common import boot, cached, lazy_expander, sample_badge, sidebar, table
from pages._meeting import meeting_files
from reformdash import tables
from reformdash.markup import markdown_text as md
from reformdash.overview import coverage_table, focus_cards
from reformdash.plan import views as plan_views
from reformdash.words import L

boot()

BADGE, WORD = tables.GOAL_BADGES, tables.GOAL_WORDS

view = sidebar(index_kinds=(), need_years=False)
lang = view.lang
name = md(view.entity_name)  # names are user text: shown literally, never as markup
st.title(L("page.overview.title", lang, name=name))
cards = cached(focus_cards, view.entity, lang)
plans = cached(plan_views.overview_headlines, view.entity, dt.date.today(), lang)  # the plan's headline, beside
if not cards.cards and not plans:
    st.info(L("no_data", lang, what=name))
else:
    columns = st.columns(len(cards.cards) + len(plans), border=True)
    for column, plan in zip(columns[len(cards.cards):], plans):
        with column:
            st.markdown(f"**{L('page.menu.plan', lang)} · {md(plan.period_label)}**"
                        f"{sample_badge(plan.sample, lang)}")
            good = plan.counts["met"] + plan.counts["on_track"]
            st.metric(md(plan.parent_name), f"{good}/{plan.total}", label_visibility="collapsed")
            late = (f"  \n{L('page.overview.late', lang)}: {len(plan.late)} "
                    f"({md(', '.join(plan.late_units))})" if plan.late else "")
            st.caption(f"{md(plan.parent_name)} — {L('page.overview.good', lang)}"
                       f"  \n" + " ".join(plan_views.badge(s, lang, n, short=True) for s, n in plan.counts.items()
                                    if n) + late)
            st.page_link("pages/plan.py", label=L("page.menu.plan", lang) + " →",
                         query_params={"plan": plan.parent, "lang": lang})
    for column, card in zip(columns, cards.cards):
        with column:
            unit = f" · {md(card.unit)}" if card.unit else ""  # beside the label, so the big number is never cut
            st.markdown(f"**{md(card.label)}**{unit}{sample_badge(card.sample, lang)}")
            st.metric(md(card.label), card.figure, card.delta, label_visibility="collapsed")
            text = md(card.caption)
            if card.goals:
                counts = {s: sum(1 for g in card.goals if g[0] == s) for s in ("met", "not_met", "no_data")}
                badges = [f"{BADGE[s]}{n} {L(WORD[s], lang).lower()}]" for s, n in counts.items() if n]
                text += f"  \n{L('goals', lang)}: " + " ".join(badges)
            st.caption(text)  # one element for the line under the figure and the goals
    # a heading and its list in one element: the same text as an element per line, without a dozen elements a run
    st.markdown(f"### {L('summary', lang)}\n" + "\n".join(
        [f"- {md(card.sentence)}{sample_badge(card.sample, lang)}" for card in cards.cards]
        + [f"- {md(plan.parent_name)}: {md(plan.sentence)}{sample_badge(plan.sample, lang)}" for plan in plans]))
    goals = [(card.label, g) for card in cards.cards for g in card.goals]
    if goals:
        # each line states its goal: two goals of one index without data would otherwise read the same
        lines = [f"- {BADGE[status]}{L(WORD[status], lang)}] **{md(goal)}** — {md(detail)}"
                 for _label, (status, detail, goal) in goals]
        st.markdown(f"### {L('goals_table', lang)}\n" + "\n".join(lines))
        st.page_link("pages/goals.py", label=L("goals", lang) + " →", query_params={"lang": lang})
if cards.cards:
    meeting_files(view.entity, view.entity_name, lang)
held = lazy_expander(L("page.overview.held", lang), "data_held")
if held.open:
    with held:
        table(coverage_table, lang)
if any(c.sample for c in cards.cards):
    st.caption(cards.footnote)

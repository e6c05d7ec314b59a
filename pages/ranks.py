"""Thay đổi thứ hạng: bump chart, slope chart between two years and places gained or lost by everyone."""

import streamlit as st

from pages._common import boot, cached, chart, field_note, figure, peers_picker, sidebar, year_picker
from reformdash import figures, paragraphs, settings, tables
from reformdash.analysis import changes, field_years
from reformdash.words import L

boot()

view = sidebar()
lang = view.lang
st.title(L("ranks", lang))
if not view.index or not view.years:
    st.info(L("no_data", lang, what=""))
    st.stop()
label = view.index.replace("_", " ")
context = cached(tables.field_context, view.index, view.year_from, view.year_to, lang)
if context["empty"]:
    st.info(L("no_data", lang, what=label))
    st.stop()
names, options = context["names"], context["options"]
# the organisation's peers for its focus, else the entity's region (issue 14 B2)
default_peers = [c for c in cached(settings.default_peers, view.entity) if c in names and c != view.entity]
peers = peers_picker(view, [c for c in options if c != view.entity], names, default_peers)
highlight = [view.entity] + peers
note = field_note(context["sizes"], context["years"], lang)
percentile_mode = note is not None
if note:
    st.caption(note)
# lazy tabs: only the view chosen is built, and the choice is kept in the URL (?view=)
over_years, two_years, gained = st.tabs([L("bump_tab", lang), L("slope_tab", lang), L("diverging_tab", lang)],
                                        key="view", on_change="rerun", bind="query-params")
if over_years.open:
    with over_years:
        chart(figure(figures.bump, view.index, view.year_from, view.year_to, tuple(highlight), percentile_mode,
                     lang), "bump", lambda: cached(field_years, view.index, view.year_from, view.year_to, "", lang),
              lambda: cached(paragraphs.changes, view.index, view.entity, view.year_from, view.year_to, lang),
              f"{view.index}_{view.year_from}-{view.year_to}_thu-hang")
for tab, draw, key, stem in ((two_years, figures.slope, "slope", "so-sanh-hai-nam"),
                             (gained, figures.diverging, "diverging", "tang-giam-bac")):
    if not tab.open:
        continue
    with tab:
        years = [y for y in view.years if view.year_from <= y <= view.year_to]
        c1, c2 = st.columns(2)
        a = year_picker(L("from_year", lang), years, "base", years[0], c1)
        b = year_picker(L("to_year", lang), years, "now", years[-1], c2)
        chart(figure(draw, view.index, a, b, tuple(highlight), lang), key,
              lambda a=a, b=b: cached(changes, view.index, a, b, "", lang),
              lambda a=a, b=b: cached(paragraphs.changes, view.index, view.entity, a, b, lang),
              f"{view.index}_{a}-{b}_{stem}")
        missing = cached(tables.missing_names, view.index, a, b, lang)
        if missing:
            st.caption(L("missing_note", lang, names=", ".join(missing)))

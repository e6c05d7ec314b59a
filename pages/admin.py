"""Danh mục (admin): add and rename units, add aliases, add a custom index; every change is listed."""

import streamlit as st

from pages._auth import require
from pages._common import boot, cached, get_store, language
from reformdash import auth, catalog_admin, settings
from reformdash.errors import ReformdashError
from reformdash.words import t
from reformdash.words.headers import with_headers

boot()

lang = language()
user = require("admin", lang)
st.title(t("admin.title", lang))
st.caption(t("admin.caption", lang))
store = get_store()
done = st.session_state.pop("registry_done", None)
if done:
    st.success(done)
everyone = cached(catalog_admin.entity_options)
units = cached(catalog_admin.entity_options, ("unit",))
unit_tab, alias_tab, index_tab, org_tab, log_tab, signin_tab = st.tabs(
    [t(key, lang) for key in ("admin.tab.units", "admin.tab.aliases", "admin.tab.index", "admin.tab.organisation",
                              "admin.tab.log", "admin.tab.signins")])


def run(action, message: str) -> None:
    """Do a registry change, then show what was done (or the reason it was refused)."""
    try:
        action()
    except ReformdashError as e:
        st.error(f"**{e.heading(lang)}** — {e.text(lang)}")
        return
    st.session_state["registry_done"] = message
    st.rerun()


with unit_tab:
    with st.form("unit_add", clear_on_submit=True):
        st.subheader(t("admin.unit.add", lang))
        name = st.text_input(t("admin.unit.name", lang), key="unit_name")
        parent = st.selectbox(t("admin.unit.parent", lang), list(everyone), key="unit_parent",
                              format_func=everyone.get, index=None,
                              placeholder=t("admin.unit.parent_placeholder", lang))
        if st.form_submit_button(t("admin.add", lang), key="unit_add_submit"):
            if parent is None:
                st.error(t("admin.unit.no_parent", lang))
            else:
                run(lambda: catalog_admin.add_unit(store, None, name, parent, user.name, lang),
                    t("admin.unit.added", lang, name=name))
    if units:
        with st.form("unit_rename"):
            st.subheader(t("admin.unit.rename", lang))
            code = st.selectbox(t("admin.unit.unit", lang), list(units), format_func=units.get, key="rename_code")
            new_name = st.text_input(t("admin.unit.new_name", lang), key="rename_name")
            st.caption(t("admin.unit.old_name_kept", lang))
            if st.form_submit_button(t("admin.unit.rename_button", lang), key="unit_rename_submit"):
                run(lambda: catalog_admin.rename_unit(store, code, new_name, user.name, lang),
                    t("admin.unit.renamed", lang, name=new_name))

with alias_tab:
    with st.form("alias_add", clear_on_submit=True):
        st.subheader(t("admin.alias.add", lang))
        st.caption(t("admin.alias.help", lang))
        entity = st.selectbox(t("admin.alias.entity", lang), list(everyone), format_func=everyone.get,
                              key="alias_entity")
        alias = st.text_input(t("admin.alias.alias", lang), key="alias_text")
        if st.form_submit_button(t("admin.add", lang), key="alias_add_submit"):
            run(lambda: catalog_admin.add_alias(store, entity, alias, user.name, lang),
                t("admin.alias.added", lang, alias=alias))

with index_tab:
    with st.form("index_add"):
        st.subheader(t("admin.index.add", lang))
        c1, c2 = st.columns(2)
        code = c1.text_input(t("admin.index.code", lang), key="index_code_new")
        name_vi = c2.text_input(t("admin.index.name", lang), key="index_name")
        c3, c4, c5, c6 = st.columns(4)
        kinds = {"unit": t("admin.index.kind.unit", lang), "province": t("admin.index.kind.province", lang),
                 "ministry": t("admin.index.kind.ministry", lang)}
        kind = c3.selectbox(t("admin.index.ranks", lang), list(kinds), format_func=kinds.get, key="index_kind")
        unit = c4.text_input(t("admin.index.unit", lang), "%", key="index_unit")
        scale_max = c5.number_input(t("admin.index.maximum", lang), 0.0, 10000.0, 100.0, key="index_max")
        first_year = c6.number_input(t("admin.index.first_year", lang), 1990, 2100, 2020, key="index_year")
        components = st.text_area(
            t("admin.index.components", lang), key="index_components",
            placeholder=t("admin.index.placeholder", lang))
        if st.form_submit_button(t("admin.index.submit", lang), key="index_add_submit"):
            run(lambda: catalog_admin.add_index(
                store, code, name_vi, unit=unit or "%", scale_max=scale_max, entity_kind=kind,
                first_year=int(first_year), components=catalog_admin.parse_components(components), user=user.name,
                lang=lang), t("admin.index.added", lang, code=code.upper()))

with log_tab:
    changes = cached(catalog_admin.registry_changes, lang)
    if changes.empty:
        st.info(t("admin.log.empty", lang))
    else:
        st.dataframe(changes, hide_index=True, width="stretch")

with signin_tab:
    st.caption(t("admin.signins.help", lang))
    failures = auth.failed_sign_ins(store, lang, limit=500)  # not cached: the log changes without a data version
    if failures.empty:
        st.info(t("admin.signins.empty", lang))
    else:
        st.dataframe(failures.rename(columns=dict(zip(
            failures.columns, [t(key, lang) for key in ("admin.signins.when", "admin.signins.name",
                                                        "admin.signins.address", "admin.signins.outcome")]))),
            hide_index=True, width="stretch")

with org_tab:  # the organisation's focus, name and default peers: the presentation, units and ranks pages follow
    org = cached(settings.organisation, lang)
    provinces = cached(catalog_admin.entity_options, ("province", "ministry"))
    st.caption(t("admin.org.help", lang))
    with st.form("org_settings"):
        focus = st.selectbox(t("admin.org.focus", lang), list(everyone), format_func=everyone.get, key="org_focus",
                             index=list(everyone).index(org.focus) if org.focus in everyone else 0)
        # empty until an administrator names the organisation: the focus's name stands in (in either language)
        org_name = st.text_input(t("admin.org.name", lang), org.name if org.named else "", key="org_name",
                                 max_chars=120, placeholder=org.name)
        peers = st.multiselect(t("admin.org.peers", lang), [c for c in provinces if c != focus],
                               default=[p for p in org.peers if p in provinces and p != focus],
                               format_func=provinces.get, key="org_peers", max_selections=settings.MAX_PEERS,
                               placeholder=t("admin.org.peers_placeholder", lang))
        region = [provinces[c] for c in cached(settings.region_peers, focus)[:settings.REGION_PEERS] if c in provinces]
        if region:
            st.caption(t("admin.org.region_default", lang, names=", ".join(region)))
        if st.form_submit_button(t("admin.org.save", lang), key="org_save"):
            try:
                changed = settings.set_organisation(store, user.name, lang, focus=focus, name=org_name, peers=peers)
            except ReformdashError as e:
                st.error(f"**{e.heading(lang)}** — {e.text(lang)}")
            else:
                st.session_state["registry_done"] = t("admin.org.saved" if changed else "admin.org.unchanged", lang)
                st.rerun()
    st.subheader(t("admin.org.log", lang))
    log = settings.organisation_changes(store)  # not cached: small, and read only on this tab
    if log.empty:
        st.info(t("admin.log.empty", lang))
    else:
        st.dataframe(with_headers(log, lang), hide_index=True, width="stretch")

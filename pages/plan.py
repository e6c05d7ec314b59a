"""Kế hoạch: the department's plan — every indicator's status for every unit, one indicator in depth, who is late
and the tasks due; editors load the plan's sheets (preview, then commit), type a unit's figures, add progress notes."""

import datetime as dt
import hashlib

import streamlit as st

from pages._auth import current_user, has_role
from pages._common import boot, cached, chart, figure, get_store, language, set_param, text_param
from reformdash import exports
from reformdash.errors import ReformdashError
from reformdash.markup import markdown_lines
from reformdash.markup import markdown_text as md
from reformdash.plan import edit, judge, model, sheets, templates, views
from reformdash.plan import figures as plan_figures
from reformdash.words import t

boot()

lang = language()
V = lang == "vi"
today = dt.date.today()
user = current_user()
editor = has_role(user, "editor")
store = get_store()
st.title(t("plan.page.title", lang))
ALL = t("plan.page.all", lang)


def pick(label: str, options: list, param: str, key: str, names: dict | None = None, where=None, default=None):
    """A select kept in the URL under `param` (an unknown value in a hand-edited link falls back to the default)."""
    wanted = text_param(param)
    if wanted not in options:
        wanted = default if default in options else options[0]
    chosen = (where or st).selectbox(label, options, index=options.index(wanted), key=key,
                                     format_func=(lambda c: names.get(c, c)) if names else str)
    set_param(param, str(chosen))
    return chosen


parents = cached(views.plan_parents, lang)
parent = None
if parents:
    parent = pick(t("plan.page.plan_of", lang), list(parents), "plan", "plan_parent", parents, where=st.sidebar)
else:
    st.info(t("plan.page.no_plan", lang))

codes = cached(views.periods, parent) if parent else []
if parent and codes:
    period_names = {c: views.period_label(c, lang) for c in codes}
    f1, f2, f3 = st.columns(3)
    period = pick(t("plan.page.period", lang), codes[::-1], "period", "plan_period", period_names, where=f1,
                  default=views.default_period(codes, today))
    office_list = cached(views.offices, parent)
    office = pick(t("plan.page.office", lang), [ALL, *office_list], "office", "plan_office",
                  where=f2)
    unit_names = cached(views.units, parent, lang)
    unit = pick(t("plan.col.unit", lang), [ALL, *unit_names], "unit", "plan_unit", unit_names, where=f3)
    office, unit = (None if office == ALL else office), (None if unit == ALL else unit)

    frame = cached(views.status, parent, period, today, lang)
    sample = cached(views.is_sample, parent)
    st.markdown(f"#### {md(parents[parent])}" + (f" :orange-badge[{t('sample', lang)}]" if sample else ""))
    counts = judge.summary(frame)
    st.markdown(md(views.headline_sentence(frame, period, lang)) + "  \n"
                + " ".join(views.badge(s, lang, n) for s, n in counts.items() if n))
    late_now = cached(views.late_lines, parent, today, lang)
    if late_now:
        st.markdown(t("plan.page.late", lang) + md("; ".join(late_now)))

    names = [t("plan.page.tab.matrix", lang), t("plan.page.tab.one", lang), t("plan.page.tab.late", lang)]
    edit_name = t("plan.page.tab.edit", lang)
    tabs = st.tabs(names + ([edit_name] if editor else []), key="plan_view", on_change="rerun",
                   bind="query-params")
    if tabs[0].open:
        with tabs[0]:
            matrix = cached(views.matrix, parent, period, today, lang, office, unit)
            st.markdown(views.legend(lang))
            if matrix.cells.empty:
                st.info(t("plan.page.no_match", lang))
            else:
                first = matrix.cells.columns[0]
                st.dataframe(views.styled(matrix), hide_index=True, width="stretch",
                             height=min(35 * (len(matrix.cells) + 1) + 3, 800),
                             column_config={first: st.column_config.TextColumn(first, pinned=True, width=210)})
                st.caption(t("plan.page.matrix_caption", lang))
    if tabs[1].open:
        with tabs[1]:
            choices = cached(views.indicator_choices, parent, lang)
            indicator = pick(t("plan.col.indicator", lang), list(choices), "indicator", "plan_indicator", choices)
            rows = cached(views.indicator_units, parent, indicator, period, today, lang)
            own = rows[rows["is_parent"]]
            if len(own):
                r = own.iloc[0]
                st.markdown(f"{views.badge(r['status'], lang)} **{md(views.whole(lang))}** — {md(r['detail'])}")
            chart(figure(plan_figures.indicator_periods, parent, indicator, today, lang), "plan_periods",
                  lambda: cached(views.indicator_history, parent, indicator, today, lang),
                  lambda: own.iloc[0]["detail"] if len(own) else "", f"ke-hoach_{indicator}")
            chart(figure(plan_figures.indicator_units, parent, indicator, period, today, lang), "plan_units",
                  lambda: rows, lambda: "\n".join(f"{e}: {d}" for e, d in zip(rows["entity_name"], rows["detail"])),
                  f"ke-hoach_{indicator}_{period}")
            st.dataframe(views.unit_detail_table(rows, lang), hide_index=True, width="stretch")
    if tabs[2].open:
        with tabs[2]:
            st.subheader(t("plan.page.who_late", lang))
            late = cached(views.late_table, parent, today, lang)
            if late.empty:
                st.success(t("plan.page.none_overdue", lang))
            else:
                st.dataframe(late, hide_index=True, width="stretch")
            st.subheader(t("plan.counts.task", lang))
            tasks = cached(views.tasks_table, parent, today, lang)
            if tasks.empty:
                st.info(t("plan.page.no_tasks", lang))
            else:
                st.dataframe(tasks, hide_index=True, width="stretch")
    edit_tab = tabs[3] if editor else None
elif parent:
    st.info(t("plan.page.no_period", lang))
    edit_tab = st.container() if editor else None
else:
    edit_tab = st.container() if editor else None


# editors ----------------------------------------------------------------------------------------------------------
def show_preview(change: model.Change, commit_key: str, forget: tuple[str, ...] = ()) -> None:
    """Counts added / changed / unchanged, the rows replaced (old → new), the notes; then the commit button."""
    st.dataframe(views.counts_table(change, lang), hide_index=True)
    for table, rows in views.changed_rows(change, lang).items():
        st.caption(t("plan.page.rows_changed", lang) + table)
        st.dataframe(rows, hide_index=True, width="stretch")
    if change.notes:
        st.markdown(markdown_lines("\n".join(change.notes)))
    if st.button(t("plan.page.write", lang), key=commit_key, type="primary",
                 disabled=change.is_noop, icon=":material/save:"):
        if not has_role(current_user(), "editor"):
            st.error(t("plan.page.need_editor", lang))
            return
        try:
            batch = model.commit(store, change, current_user().name)
        except ReformdashError as e:
            st.error(md(e.text(lang)))
            return
        st.session_state["plan_done"] = t("plan.imported", lang, batch=batch, summary=change.summary(lang)) \
            if batch else t("plan.nothing_changed", lang)
        for key in ("_plan_upload", *forget):  # the editors start again from what is now stored
            st.session_state.pop(key, None)
        st.rerun()
    if change.is_noop:
        st.caption(t("plan.nothing_changed", lang))


def upload_section(target: str) -> None:
    what = st.radio(t("plan.page.file_holds", lang), ["plan", "results", "tasks"], horizontal=True,
                    key="plan_upload_what", format_func=lambda w: t({
                        "plan": "plan.page.what.plan", "results": "plan.page.what.results",
                        "tasks": "plan.counts.task"}[w], lang))
    period = None
    if what == "results":
        options = [None, *views.entry_periods(store, target, today)[::-1]]
        period = st.selectbox(t("plan.page.rows_period", lang),
                              options, key="plan_upload_period",
                              format_func=lambda c: t("plan.page.file_period", lang)
                              if c is None else views.period_label(c, lang))
    file = st.file_uploader(t("plan.page.file", lang),
                            type=["xlsx", "xls", "ods", "csv"], key="plan_upload")
    if file is None:
        return
    data = file.getvalue()
    key = (hashlib.sha256(data).hexdigest(), file.name, what, target, period, lang)
    held = st.session_state.get("_plan_upload")
    if held is None or held[0] != key:  # read once per file and choices, not on every rerun
        try:
            change = sheets.read_any(store, data, file.name, what, sheets.Options(parent=target, period=period,
                                                                                  lang=lang, today=today))
            held = (key, model.preview(store, change), None)
        except ReformdashError as e:
            held = (key, None, e.text(lang))
        st.session_state["_plan_upload"] = held
    _key, change, problem = held
    if problem:
        st.error(markdown_lines(problem))
        return
    st.markdown(t("plan.page.preview_label", lang) + md(change.summary(lang)))
    show_preview(change, "plan_commit_upload")


def grid_section(target: str) -> None:
    names = {target: parents.get(target, target), **cached(views.units, target, lang)}
    c1, c2, c3 = st.columns(3)
    entity = c1.selectbox(t("plan.col.unit", lang), list(names), key="plan_grid_entity", format_func=names.get)
    periods = views.entry_periods(store, target, today)[::-1]
    if not periods:
        return
    period = c2.selectbox(t("plan.page.period", lang), periods, key="plan_grid_period",
                          format_func=lambda c: views.period_label(c, lang))
    received = c3.date_input(t("plan.page.date_sent", lang), value=today, max_value=today, key="plan_grid_received",
                             format="DD/MM/YYYY")
    rows = cached(views.grid_rows, target, entity, period, lang)
    if rows.empty:
        st.info(t("plan.page.no_indicator_unit", lang))
        return
    heads = {"code": t("plan.col.code", lang), "name": t("plan.col.indicator", lang),
             "unit": t("plan.col.measure", lang), "value": t("plan.col.value", lang),
             "numerator": t("plan.col.numerator", lang), "denominator": t("plan.col.denominator", lang)}
    edited = st.data_editor(rows, hide_index=True, width="stretch", key=f"plan_grid_{entity}_{period}",
                            disabled=["code", "name", "unit"], num_rows="fixed",
                            column_config={c: st.column_config.Column(h) for c, h in heads.items()})
    try:
        change = model.preview(store, views.grid_change(store, target, entity, period, edited, received, lang))
    except ReformdashError as e:
        st.error(md(e.text(lang)))
        return
    show_preview(change, "plan_commit_grid")


def plan_editor_section(target: str) -> None:
    """The plan's indicators and one year's targets in two grids; «Xem trước» shows what would change, then commit."""
    c = cached(edit.choices, target, today, lang)
    st.caption(t("plan.page.editor_caption", lang))
    h = {col: edit.header(col, lang) for col in edit.HEADERS}
    ind_key = f"plan_ind_editor_{target}"
    indicators = st.data_editor(
        cached(edit.indicator_frame, target), key=ind_key, num_rows="add", hide_index=True, width="stretch",
        column_order=[col for col in edit.INDICATOR_COLUMNS if col != "was"],
        column_config={
            "code": st.column_config.TextColumn(h["code"], required=True, max_chars=40),
            "name_vi": st.column_config.TextColumn(h["name_vi"], required=True, width="large"),
            "name_en": st.column_config.TextColumn(h["name_en"], width="medium"),
            "unit": st.column_config.SelectboxColumn(h["unit"], options=c.units, default="%"),
            "direction": st.column_config.SelectboxColumn(h["direction"], options=list(c.directions),
                                                          format_func=c.directions.get, default="higher"),
            "aggregation": st.column_config.SelectboxColumn(h["aggregation"], options=list(c.aggregations),
                                                            format_func=c.aggregations.get, default="mean"),
            "owner": st.column_config.SelectboxColumn(h["owner"], options=c.offices)})
    codes = [x for x in indicators["code"] if isinstance(x, str) and x.strip()]
    year = st.selectbox(t("plan.page.targets_year", lang), c.years[::-1], key="plan_edit_year",
                        index=c.years[::-1].index(today.year) if today.year in c.years else 0)
    target_key = f"plan_target_editor_{target}_{year}"
    targets = st.data_editor(
        cached(edit.target_frame, target, year, lang), key=target_key, num_rows="add", hide_index=True,
        width="stretch", column_config={
            "indicator_code": st.column_config.SelectboxColumn(h["indicator_code"], options=codes, required=True),
            "whose": st.column_config.SelectboxColumn(h["whose"], options=list(c.entities),
                                                            format_func=c.entities.get, default=target,
                                                            width="medium"),
            "kind": st.column_config.SelectboxColumn(h["kind"], options=list(c.kinds), format_func=c.kinds.get,
                                                     width="medium"),
            "target": st.column_config.TextColumn(h["target"], help=t("plan.page.target_help", lang)),
            "base_year": st.column_config.NumberColumn(h["base_year"], format="%d", step=1)})
    st.caption(t("plan.page.period_targets", lang))
    if st.button(t("plan.page.preview", lang), key="plan_edit_preview", icon=":material/preview:"):
        st.session_state["plan_edit_previewing"] = True
    if not st.session_state.get("plan_edit_previewing"):
        return
    try:
        change = model.preview(store, edit.edited_change(store, target, year, indicators, targets, lang, today))
    except ReformdashError as e:
        st.error(markdown_lines(e.text(lang)))
        return
    st.markdown(t("plan.page.preview_label", lang) + md(change.summary(lang)))
    show_preview(change, "plan_commit_edit", forget=(ind_key, target_key, "plan_edit_previewing"))


def note_section(target: str) -> None:
    choices = cached(views.task_choices, target, lang)
    if not choices:
        st.info(t("plan.page.no_tasks", lang))
        return
    task = st.selectbox(t("plan.col.task", lang), list(choices), key="plan_note_task", format_func=choices.get)
    c1, c2 = st.columns([1, 3])
    day = c1.date_input(t("plan.page.date", lang), value=today, max_value=today, key="plan_note_day",
                        format="DD/MM/YYYY")
    text = c2.text_input(t("plan.page.progress", lang), key="plan_note_text", max_chars=1000)
    if st.button(t("plan.page.add_note", lang), key="plan_note_add", icon=":material/note_add:"):
        try:
            change = views.note_change(target, task, day, text, current_user().name, lang)
            batch = model.commit(store, change, current_user().name)
        except ReformdashError as e:
            st.error(md(e.text(lang)))
            return
        st.session_state["plan_done"] = t("plan.imported", lang, batch=batch, summary=change.summary(lang)) \
            if batch else t("plan.nothing_changed", lang)
        st.rerun()


def template_section(target: str | None) -> None:
    st.caption(t("plan.page.templates_caption", lang))
    for name, (build, file_name, label_vi, label_en) in templates.TEMPLATES.items():
        st.download_button(label_vi if V else label_en, data=lambda build=build: build(store, target, lang=lang),
                           file_name=file_name, mime=exports.XLSX_MIME, icon=":material/description:",
                           key=f"plan_template_{name}", on_click="ignore")


if edit_tab is not None and (not hasattr(edit_tab, "open") or edit_tab.open):
    with edit_tab:
        done = st.session_state.pop("plan_done", None)
        if done:
            st.success(done)
        owners = {**parents, **{r.code: r.name for r in cached(exports.unit_parent_choices, lang).itertuples(
            index=False)}}
        target = st.selectbox(t("plan.page.plan_of_entity", lang), list(owners), key="plan_edit_parent",
                              index=list(owners).index(parent) if parent in owners else 0,
                              format_func=owners.get) if owners else None
        if target is None:
            st.info(t("plan.page.no_units", lang))
        else:
            actions = {"upload": "plan.page.action.upload", "plan": "plan.page.action.plan",
                       "grid": "plan.page.action.grid", "note": "plan.page.action.note",
                       "templates": "plan.page.action.templates"}
            action = st.segmented_control(t("plan.page.action", lang), list(actions), default="upload",
                                          key="plan_action", format_func=lambda a: t(actions[a], lang), wrap=True)
            if action == "upload":
                upload_section(target)
            elif action == "plan":
                plan_editor_section(target)
            elif action == "grid":
                grid_section(target)
            elif action == "note":
                note_section(target)
            elif action == "templates":
                template_section(target)
if parent and not editor:
    st.caption(t("plan.page.sign_in", lang))

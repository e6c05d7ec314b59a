"""Mục tiêu: every goal of the plan with its status, the numbers behind it, editing and import."""

import streamlit as st

from pages._auth import current_user, has_role
from pages._common import boot, cached, get_store, language, lazy_expander, table
from pages._uploader import uploader_words
from reformdash import goals, tables
from reformdash.errors import ImportRejected, ReformdashError
from reformdash.markup import markdown_lines
from reformdash.markup import markdown_text as md
from reformdash.words import L

boot()

lang = language()
st.title(L("goals", lang))
store = get_store()
saved = st.session_state.pop("goal_saved", None)
if saved:
    st.success(saved)  # said after the rerun that shows the saved goals
status = cached(goals.evaluate_goals, lang)
if status.empty:
    st.info(L("no_data", lang, what=L("goals", lang).lower()))
else:
    board = cached(tables.goal_board, lang)
    if board["own"]:
        c1, c2, c3 = st.columns(3)
        for column, (word, count) in zip((c1, c2, c3), board["counts"]):
            column.metric(word, count)
        st.subheader(L("goals_own", lang))
        st.markdown(board["lines"])  # one list, one element
    else:
        st.info(L("goals_none_own", lang))
    if board["sample"]:
        st.subheader(L("goals_sample", lang))
        st.caption(L("goals_sample_note", lang))
        st.markdown(board["sample_lines"])
    as_table = lazy_expander(L("goals_as_table", lang), "goals_table")
    if as_table.open:
        with as_table:
            table(tables.goal_table, lang)
if not has_role(current_user(), "editor"):
    st.stop()  # viewers read goals; editing and importing them is for editors


def _saved(text: str) -> None:
    """Say it after the rerun, which reads the goals again (the lists above were drawn before the save)."""
    st.session_state["goal_saved"] = text
    st.rerun()


def _problems(e: ImportRejected) -> None:
    """Every problem on its own line, with its row (one st.error of run-together sentences was unreadable)."""
    st.error(e.title + "\n\n" + "\n".join(f"- {md(p.render(lang))}" for p in e.problems))


with st.expander(L("goals_edit", lang)):
    st.caption(L("goals_edit_note", lang))
    frame, choices = cached(goals.editor_frame, lang)
    config = {name: st.column_config.SelectboxColumn(name, options=options, width="medium")
              for name, options in choices.items()}
    config["id"] = None  # kept for the save, not shown
    # the key follows the data version: after a save the editor starts from the stored goals, not old edits
    edited = st.data_editor(frame, num_rows="dynamic", hide_index=True, column_config=config,
                            key=f"goal_editor_{store.data_version()}")
    if st.button(L("save", lang), key="goal_save"):
        try:
            goals.save_goals(store, edited, lang)
            _saved(L("saved", lang))
        except ImportRejected as e:
            _problems(e)
        except ReformdashError as e:
            st.error(markdown_lines(e.text(lang)))  # it quotes cells of the file or the grid: literal text
with st.expander(L("goals_upload", lang)):
    uploader_words(lang)
    upload = st.file_uploader(L("goals_file", lang), type=["xlsx", "xls", "ods", "csv"], key="goal_file")
    if upload is not None:
        try:
            preview = goals.preview_goals(store, upload.getvalue(), upload.name, lang)
        except ImportRejected as e:
            _problems(e)
            preview = None
        if preview is not None:
            st.markdown(L("goals_preview", lang, count=len(preview.goals), rows=len({p.row for p in preview.problems})))
            if len(preview.table):
                st.dataframe(preview.table.rename(columns={"goal": L("goals", lang), "entity": L("entity", lang),
                                                           "note": L("note", lang)}), hide_index=True)
            if preview.problems:
                _problems(ImportRejected(preview.problems, lang))
            label = L("goals_save_good", lang, count=len(preview.goals)) if preview.problems else L("save", lang)
            if preview.goals and st.button(label, key="goal_import"):
                n = goals.save_preview(store, preview)
                _saved(f"{L('saved', lang)} ({n})")

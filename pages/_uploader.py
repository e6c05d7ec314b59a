"""Streamlit's file uploader in the reader's language: its button («Upload») and size line are fixed English."""

import streamlit as st

from reformdash.words import L

# Streamlit 1.67 has no parameter for the drop zone's words (streamlit/streamlit PR 10042 adding one was closed), so
# a fixed style sheet hides them and writes ours, from the catalog; nothing here comes from user text.


def _css_text(text: str) -> str:
    """Words as the body of a CSS string (a backslash or a quote cannot end it)."""
    return text.replace("\\", "\\\\").replace('"', '\\"')


def uploader_words(lang: str) -> None:
    """Put the uploader's own button and instructions into Vietnamese (English needs nothing)."""
    if lang == "vi":
        st.html("""<style>
[data-testid="stFileUploaderDropzone"] button > * {{ display: none; }}
[data-testid="stFileUploaderDropzone"] button::after {{ content: "{button}"; }}
[data-testid="stFileUploaderDropzoneInstructions"] > * {{ display: none; }}
[data-testid="stFileUploaderDropzoneInstructions"]::after {{ content: "{drop}"; }}
</style>""".format(button=_css_text(L("page.uploader.button", lang)), drop=_css_text(L("page.uploader.drop", lang))))

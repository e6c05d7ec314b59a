"""Streamlit's file uploader in the reader's language: its button («Upload») and size line are fixed English."""

import streamlit as st

# Streamlit 1.67 has no parameter for the drop zone's words (streamlit/streamlit PR 10042 adding one was closed), so
# a fixed style sheet hides them and writes ours; nothing here comes from user text.
_VI = """<style>
[data-testid="stFileUploaderDropzone"] button { font-size: 0; }
[data-testid="stFileUploaderDropzone"] button::after { content: "Chọn tệp"; font-size: 0.875rem; }
[data-testid="stFileUploaderDropzoneInstructions"] > div { font-size: 0; }
[data-testid="stFileUploaderDropzoneInstructions"] > div::after {
  content: "Kéo thả tệp vào đây hoặc bấm «Chọn tệp»"; font-size: 0.875rem; }
</style>"""


def uploader_words(lang: str) -> None:
    """Put the uploader's own button and instructions into Vietnamese (English needs nothing)."""
    if lang == "vi":
        st.html(_VI)

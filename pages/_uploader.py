"""Streamlit's file uploader in the reader's language: its button («Upload») and size line are fixed English."""

import streamlit as st

# Streamlit 1.67 has no parameter for the drop zone's words (streamlit/streamlit PR 10042 adding one was closed), so
# a fixed style sheet hides them and writes ours; nothing here comes from user text.


def uploader_words(lang: str) -> None:
    """Put the uploader's own button and instructions into Vietnamese (English needs nothing)."""
    if lang == "vi":
        st.html("""<style>
[data-testid="stFileUploaderDropzone"] button > * { display: none; }
[data-testid="stFileUploaderDropzone"] button::after { content: "Chọn tệp"; }
[data-testid="stFileUploaderDropzoneInstructions"] > * { display: none; }
[data-testid="stFileUploaderDropzoneInstructions"]::after { content: "Kéo thả tệp vào đây hoặc bấm «Chọn tệp»"; }
</style>""")

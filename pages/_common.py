"""Streamlit glue shared by the pages: the cached store and the language switch."""

from __future__ import annotations

import streamlit as st

from reformdash import service


def get_store():
    """The store of the configured database (one per process and path)."""
    return _store(service.db_path())


@st.cache_resource
def _store(path: str):
    """Open once; a first start initialises an empty database with the demo data, as `init` does."""
    store = service.open_store(path)
    service.init(store)
    return store


def language() -> str:
    """'vi' (default) or 'en', kept in the URL."""
    current = st.query_params.get("lang", "vi")
    choice = st.sidebar.radio("Ngôn ngữ / Language", ["vi", "en"], index=0 if current != "en" else 1,
                              format_func=lambda x: "Tiếng Việt" if x == "vi" else "English", horizontal=True)
    st.query_params["lang"] = choice
    return choice

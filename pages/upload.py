"""Placeholder: filled in by the upload/data-management work (issue 4)."""

import streamlit as st

from pages._auth import require
from pages._common import boot, language

boot()

lang = language()
require("editor" if "upload" != "admin" else "admin", lang)
st.title("upload")

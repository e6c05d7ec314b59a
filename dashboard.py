"""reformdash — Streamlit entry point: navigation and the shared store. Run: streamlit run dashboard.py"""

import streamlit as st

st.set_page_config(page_title="reformdash — Chỉ số CCHC", page_icon="📊", layout="wide")

pages = [st.Page("pages/overview.py", title="Tổng quan", icon="🏠", default=True)]
st.navigation(pages).run()

"""reformdash — Streamlit entry point. Run: streamlit run dashboard.py (the pages are listed in pages/_common.py)."""

from pages._common import boot

boot()

"""reformdash — Streamlit entry point: navigation only. Run: streamlit run dashboard.py"""

import streamlit as st

st.set_page_config(page_title="reformdash — Chỉ số CCHC", page_icon="📊", layout="wide")

lang = "en" if st.query_params.get("lang") == "en" else "vi"
T = {"vi": ["Tổng quan", "Xu hướng", "Thay đổi thứ hạng", "Chỉ số thành phần", "So sánh", "Đơn vị", "Mục tiêu"],
     "en": ["Overview", "Trends", "Rank changes", "Components", "Compare", "Units", "Goals"]}[lang]
pages = [
    st.Page("pages/overview.py", title=T[0], icon="🏠", url_path="overview", default=True),
    st.Page("pages/trends.py", title=T[1], icon="📈", url_path="trends"),
    st.Page("pages/ranks.py", title=T[2], icon="🏁", url_path="ranks"),
    st.Page("pages/components.py", title=T[3], icon="🧩", url_path="components"),
    st.Page("pages/compare.py", title=T[4], icon="⚖️", url_path="compare"),
    st.Page("pages/units.py", title=T[5], icon="🏥", url_path="units"),
    st.Page("pages/goals.py", title=T[6], icon="🎯", url_path="goals"),
]
st.navigation(pages).run()

"""Entry script of the dashboard: ``streamlit run dashboard/app.py`` (or ``tgraph dashboard``).

It sets the page up, lists the pages (one file each under ``app_pages/``, UI only; not
``pages/``, which Streamlit would also serve by itself, bypassing this script)
and runs the one the URL names. Everything the pages know about the graph
comes through :mod:`dashboard.ui`, which caches the store and its reads.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard.ui import guarded, sidebar_status

HERE = Path(__file__).resolve().parent

st.set_page_config(page_title="Testimony Graph", page_icon=":material/hub:", layout="wide")
st.html(f"<style>{(HERE / 'style.css').read_text(encoding='utf-8')}</style>")

PAGES = [
    st.Page("app_pages/overview.py", title="Overview", icon=":material/dashboard:", url_path="overview", default=True),
    st.Page("app_pages/explore.py", title="Explore", icon=":material/hub:", url_path="explore"),
    st.Page("app_pages/queries.py", title="Queries", icon=":material/manage_search:", url_path="queries"),
    st.Page("app_pages/accounts.py", title="Accounts", icon=":material/article:", url_path="accounts"),
    st.Page("app_pages/timeline.py", title="Timeline", icon=":material/timeline:", url_path="timeline"),
    st.Page("app_pages/export.py", title="Export", icon=":material/download:", url_path="export"),
]

page = st.navigation(PAGES)
with st.sidebar:
    st.markdown("**Testimony Graph**  \n<span class='tg-muted'>what accounts say, with their evidence</span>",
                unsafe_allow_html=True)
sidebar_status()
# The pages guard their own reads; this catches anything they did not foresee,
# so a user sees a message and what to try, never a stack trace.
with guarded(f"showing the {page.title} page"):
    page.run()

"""Entry script of the dashboard: ``streamlit run dashboard/app.py`` (or ``tgraph dashboard``).

It sets the page up, lists the pages (one file each under ``pages/``, UI only)
and runs the one the URL names. Everything the pages know about the graph
comes through :mod:`dashboard.ui`, which caches the store and its reads.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard.ui import sidebar_status

HERE = Path(__file__).resolve().parent

st.set_page_config(page_title="Testimony Graph", page_icon="🕸️", layout="wide")
st.html(f"<style>{(HERE / 'style.css').read_text(encoding='utf-8')}</style>")

PAGES = [
    st.Page("pages/overview.py", title="Overview", icon="📊", url_path="overview", default=True),
    st.Page("pages/explore.py", title="Explore", icon="🕸️", url_path="explore"),
    st.Page("pages/queries.py", title="Queries", icon="🔎", url_path="queries"),
    st.Page("pages/accounts.py", title="Accounts", icon="📄", url_path="accounts"),
    st.Page("pages/timeline.py", title="Timeline", icon="🗓️", url_path="timeline"),
    st.Page("pages/export.py", title="Export", icon="📦", url_path="export"),
]

page = st.navigation(PAGES)
with st.sidebar:
    st.markdown("**Testimony Graph**  \n<span class='tg-muted'>what accounts say, with their evidence</span>",
                unsafe_allow_html=True)
sidebar_status()
page.run()

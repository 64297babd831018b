"""KPI Lab: the router and the frame (page config, navigation, shared sidebar). No logic here."""

from kpi._fastpath import configure_arrow_memory

configure_arrow_memory()  # before pyarrow loads: see kpi/_fastpath.py

import streamlit as st  # noqa: E402

from kpi.ui import widgets  # noqa: E402

st.set_page_config(page_title="KPI Lab", page_icon=":material/support_agent:", layout="wide")

# Every page gets an explicit url_path that differs from its file name: with a pages/ folder
# beside app.py, Streamlit otherwise falls back to legacy multipage routing on deep links.
PAGES = [
    st.Page(
        "pages/overview_page.py",
        title="Overview",
        icon=":material/dashboard:",
        url_path="home",
        default=True,
    ),
    # The default page is served at "/" only; this hidden twin answers the /overview deep link.
    st.Page(
        "pages/overview_page.py",
        title="Overview",
        icon=":material/dashboard:",
        url_path="overview",
        visibility="hidden",
    ),
    st.Page("pages/data_page.py", title="Data", icon=":material/upload_file:", url_path="data"),
    st.Page(
        "pages/relationships_page.py",
        title="Relationships",
        icon=":material/hub:",
        url_path="relationships",
    ),
    st.Page(
        "pages/impact_page.py",
        title="Before/after",
        icon=":material/compare_arrows:",
        url_path="before-after",
    ),
    st.Page(
        "pages/leadlag_page.py",
        title="Leading vs lagging",
        icon=":material/timeline:",
        url_path="leading-lagging",
    ),
    st.Page(
        "pages/whatif_page.py",
        title="What would it take?",
        icon=":material/groups:",
        url_path="what-if",
    ),
    st.Page("pages/report_page.py", title="Report", icon=":material/slideshow:", url_path="report"),
]

page = st.navigation(PAGES)
pinned = widgets.sidebar()
page.run()
widgets.pinned_count(pinned)  # after the page: a pin made in this run is counted

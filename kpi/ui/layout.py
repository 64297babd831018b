"""Page CSS: a layout that fits a 900 px laptop window, and presentation mode.

Streamlit lays columns out side by side down to 640 px of window, so at 900 px with the sidebar
open four KPI cards share ~440 px and their values are cut ("6…"). The rules below let rows of
cards wrap two by two on narrow screens, let labels wrap instead of being cut, and keep button
labels readable. Presentation mode hides the sidebar, the toolbar and every page control drawn
inside a container whose key starts with ``controls_`` (see :func:`controls`).
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

__all__ = ["CONTROLS_PREFIX", "apply", "controls", "exit_presentation_button"]

CONTROLS_PREFIX = "controls_"

_BASE = """
<style>
/* Card values and labels wrap instead of being cut with an ellipsis. */
[data-testid="stMetricValue"] > div { overflow: visible; text-overflow: clip; white-space: normal; }
[data-testid="stMetricLabel"] p { white-space: normal; overflow: visible; text-overflow: clip; }
[data-testid="stMetricDelta"] > div { white-space: normal; }
/* Button labels wrap rather than become "HTML r…" or an empty box. */
[data-testid="stDownloadButton"] button p, [data-testid="stButton"] button p { white-space: normal; }
[data-testid="stDownloadButton"] button, [data-testid="stButton"] button { min-width: 2.5rem; }
@media (max-width: 1280px) {
  /* Rows of cards wrap two by two. */
  [data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"] [data-testid="stMetric"]) {
    flex-wrap: wrap; row-gap: 0.75rem;
  }
  [data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"] [data-testid="stMetric"])
    > [data-testid="stColumn"] {
    min-width: calc(50% - 1rem) !important; flex: 1 1 calc(50% - 1rem) !important;
  }
  [data-testid="stMetricValue"] { font-size: 1.75rem; }
  h1 { font-size: 2rem !important; }
  h2 { font-size: 1.5rem !important; }
}
</style>
"""

_PRESENTATION = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stToolbar"], [class*="st-key-controls_"] { display: none !important; }
[data-testid="stMainBlockContainer"] { max-width: 1400px; padding-top: 2rem; }
</style>
"""


def apply(*, presentation: bool = False) -> None:
    """Inject the layout CSS (and presentation mode's) into the page."""
    st.html(_BASE + (_PRESENTATION if presentation else ""))


def controls(name: str) -> DeltaGenerator:
    """A container for a page's controls (filters, pickers): hidden in presentation mode."""
    return st.container(key=f"{CONTROLS_PREFIX}{name}")


def exit_presentation_button() -> None:
    """The way out of presentation mode (the sidebar with its toggle is hidden)."""

    def _exit() -> None:
        from kpi.ui import state

        state.set_presentation(False)
        st.session_state["sidebar_presentation"] = False

    st.button("✕ Exit presentation mode", key="exit_presentation", on_click=_exit)


@st.fragment
def lazy_expander(label: str, key: str, body: Callable[[], None]) -> None:
    """A collapsed expander whose ``body`` runs only while it is open.

    A plain expander runs its content on every run, collapsed or not: a section nobody opened
    still paid for its computes and its charts on the page's first load. Opening or closing
    this one reruns the page; an opened section stays open for the session, across page
    switches. For sections the page's summary does not read.
    """
    from kpi.ui import state  # here: state imports the page frame, not the other way round

    box = st.expander(label, key=state.persist(key, False), on_change="rerun")
    if box.open:
        with box:
            body()

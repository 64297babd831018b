"""AppTest fixtures: a clean cache for every test, so no test sees another's data."""

from __future__ import annotations

import pytest
import streamlit as st


@pytest.fixture(autouse=True)
def _clear_streamlit_caches() -> None:
    st.cache_data.clear()
    st.cache_resource.clear()

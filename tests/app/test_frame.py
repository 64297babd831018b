"""The frame (app.py): navigation, the sidebar's dataset indicator, and session isolation."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from kpi.dataset import Dataset, load_sample
from kpi.ui import state

ROOT = Path(__file__).resolve().parents[2]


def _app() -> AppTest:
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)


def _sidebar_text(at: AppTest) -> str:
    return "\n".join(m.value for m in at.sidebar.markdown)


def test_landing_shows_the_sample_row_count_and_dates() -> None:
    sample = load_sample()
    lo, hi = sample.date_range
    at = _app().run()
    assert not at.exception
    text = _sidebar_text(at)
    assert "Sample contact center" in text
    assert f"{sample.n_rows:,} contacts" in text
    assert f"{lo:%d %b %Y}" in text and f"{hi:%d %b %Y}" in text


def _tiny(name: str, rows: int, queue: str) -> Dataset:
    frame = pd.DataFrame(
        {
            "contact_id": [f"{name}-{i}" for i in range(rows)],
            "start_time": pd.date_range("2025-03-03 09:00", periods=rows, freq="37min"),
            "queue": [queue] * rows,
            "answered": [True] * rows,
            "abandoned": [False] * rows,
            "wait_seconds": [10.0] * rows,
            "talk_seconds": [120.0] * rows,
        }
    )
    from kpi.schema import coerce

    return Dataset.from_frame(name, coerce(frame), source="upload")


def _check_isolation(make_app: Callable[[], AppTest]) -> None:
    """Two sessions in one server process, each with its own upload, see only their own data."""
    a, b = make_app(), make_app()
    a.session_state["kpi_dataset"] = _tiny("alpha.csv", 111, "Alpha")
    a.run()
    b.session_state["kpi_dataset"] = _tiny("beta.csv", 222, "Beta")
    b.run()
    a.run()  # rerun after the other session loaded its data
    for at, mine, theirs in ((a, "alpha.csv", "beta.csv"), (b, "beta.csv", "alpha.csv")):
        assert not at.exception
        text = _sidebar_text(at)
        assert mine in text and theirs not in text, text
    assert "111 contacts" in _sidebar_text(a) and "222 contacts" in _sidebar_text(b)
    # One session resets to the sample; the other keeps its own upload.
    a.session_state["kpi_dataset"] = None
    a.run()
    b.run()
    assert "Sample contact center" in _sidebar_text(a)
    assert "beta.csv" in _sidebar_text(b)


def test_two_sessions_see_only_their_own_data() -> None:
    _check_isolation(_app)


def test_isolation_check_catches_a_process_global_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    # A deliberately broken variant: the active dataset kept in a process-global slot (as a
    # cache keyed without the user's content would). The same check must then fail.
    shared: dict[str, Dataset] = {}
    real = state.current_dataset

    def leaky_current_dataset() -> Dataset:
        mine = state.st.session_state.get("kpi_dataset")
        if mine is not None and "ds" not in shared:
            shared["ds"] = mine
        return shared.get("ds") or real()

    monkeypatch.setattr(state, "current_dataset", leaky_current_dataset)
    with pytest.raises(AssertionError):
        _check_isolation(_app)

"""The Data page's lake source: load a date range of rows into a Dataset, and its report.

The rows come from :func:`kpi.engine.lake.load_lake_rows` (DuckDB, the importer's mapping as SQL,
the range pushed into the Parquet reader); the counts of that range are kept for the page to
show beside the loaded data, as an upload's import report is.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from kpi.dataset import Dataset
from kpi.engine.lake import LakeCheck, load_lake_rows
from kpi.ui import state
from kpi.ui.sources import LakeChoice

__all__ = ["lake_report", "lake_reasons_table", "load_lake"]

# (the Dataset loaded from the lake, its LakeCheck): the report shown while it is in use.
_LAKE = "data_page_lake"


def _ss() -> Any:
    return st.session_state


def load_lake(choice: LakeChoice) -> Dataset:
    """Read the choice's rows (DataError when the range is over the cap) into a Dataset, and
    remember the range's counts for :func:`lake_report`."""
    frame, check = load_lake_rows(
        list(choice.paths), choice.start, choice.end, max_rows=choice.max_rows
    )
    ds = Dataset.from_frame(choice.name, frame, source="lake")
    _ss()[_LAKE] = (ds, check)
    return ds


def lake_report() -> LakeCheck | None:
    """The counts of the lake rows every page uses now (None when they are not in use)."""
    kept = _ss().get(_LAKE)
    if kept is None:
        return None
    if state.is_sample() or state.current_dataset() is not kept[0]:
        _ss().pop(_LAKE, None)
        return None
    check: LakeCheck = kept[1]
    return check


def lake_reasons_table(check: LakeCheck) -> pd.DataFrame:
    """Reason -> rows it sets aside (the reasons that set some row aside, most first)."""
    rows = sorted(((r, n) for r, n in check.reasons.items() if n), key=lambda x: -x[1])
    return pd.DataFrame(rows, columns=["Reason", "Rows"])

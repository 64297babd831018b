"""Helpers every Overview module shares: the tidy frame of a table, one KPI's series, KPI facts."""

from __future__ import annotations

from typing import Any

import pandas as pd

from kpi.format import kpi_label, kpi_unit
from kpi.metrics import KPIS
from kpi.metrics import better as better_under

__all__ = ["frame_of", "kpi_meta", "series_of", "unavailable_of"]


def kpi_meta(kpi: str, settings: Any = None) -> tuple[str, str, str]:
    """(name, unit, better) of a KPI id, from the registry (the CES scale setting can flip
    ``better``). An id the registry does not know reads as a generic higher-is-better value."""
    k = KPIS.get(kpi)
    better = better_under(kpi, settings) if k is not None else "higher"
    return kpi_label(kpi), kpi_unit(kpi), better


def frame_of(table: Any) -> pd.DataFrame:
    """The tidy frame of a ``KpiTable`` (or the frame itself), with ``period`` as datetime."""
    frame = table.frame if hasattr(table, "frame") else table
    if "period" in frame.columns and not pd.api.types.is_datetime64_any_dtype(frame["period"]):
        frame = frame.assign(period=pd.to_datetime(frame["period"], errors="coerce"))
    return frame


def unavailable_of(table: Any) -> dict[str, str]:
    """KPI id -> why it cannot be computed on this table's data."""
    return dict(getattr(table, "unavailable", {}) or {})


def series_of(frame: pd.DataFrame, kpi: str) -> pd.DataFrame:
    """The rows of ``kpi`` with a value, oldest period first."""
    out = frame.loc[frame["kpi"] == kpi].sort_values("period")
    return out.loc[out["value"].notna()]

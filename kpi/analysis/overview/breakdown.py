"""Breakdowns: every KPI per segment, in display units."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from kpi.analysis.overview._common import frame_of
from kpi.format import axis_title, to_display
from kpi.segment import SEGMENT_COLUMNS

__all__ = ["breakdown_table", "segment_columns"]


def segment_columns(frame: pd.DataFrame, max_values: int = 500) -> list[str]:
    """Segment columns worth breaking down by: present with 2..``max_values`` distinct values."""
    out = []
    for col in SEGMENT_COLUMNS:
        if col in frame.columns:
            n = int(frame[col].nunique(dropna=True))
            if 1 < n <= max_values:
                out.append(col)
    return out


def breakdown_table(
    table: Any, kpis: Sequence[str] | None = None, *, display: bool = True
) -> pd.DataFrame:
    """Every KPI per segment, one row per segment value (a table built with ``grain="all"``).

    Parameters
    ----------
    table : a ``KpiTable`` (or its frame) computed with ``by=(segment,)`` and grain "all".
    kpis : the KPI columns, in order (default: every KPI present).
    display : column names with the KPI's display unit ("First contact resolution (%)",
        "Average handle time (min)") and values in it (:func:`kpi.format.to_display`), ready
        for ``st.dataframe``; ``False`` keeps the KPI ids and raw values.

    Returns
    -------
    pandas.DataFrame
        The segment column(s), then one column per KPI; sorted by contacts when present.
    """
    frame = frame_of(table)
    by = [c for c in getattr(table, "by", ()) or ()] or [
        c
        for c in frame.columns
        if c not in {"period", "kpi", "value", "numerator", "denominator", "ci_low", "ci_high"}
    ]
    present = list(dict.fromkeys(frame["kpi"].tolist()))
    order = [k for k in (kpis or present) if k in present]
    if kpis is not None and "contacts" in present and "contacts" not in order:
        order = ["contacts", *order]
    sub = frame.loc[frame["kpi"].isin(order)]
    wide = sub.pivot_table(index=by, columns="kpi", values="value", aggfunc="first", dropna=False)
    wide = wide.reindex(columns=order).reset_index()
    wide.columns.name = None
    if "contacts" in wide.columns:
        wide = wide.sort_values("contacts", ascending=False, ignore_index=True)
    if not display:
        return wide
    renamed: dict[str, str] = {}
    for kpi in order:
        factor = to_display(kpi, 1.0) or 1.0  # display units are linear in the KPI's unit
        wide[kpi] = wide[kpi].astype("float64") * factor
        renamed[kpi] = axis_title(kpi)
    return wide.rename(columns=renamed)

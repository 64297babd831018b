"""From a KPI table to the wide frames the analysis reads, and back to a table for the screen."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from kpi.analysis.relations.prepare import as_float, registry_rank
from kpi.analysis.relations.text import kpi_name
from kpi.errors import AnalysisError
from kpi.format import fmt_p
from kpi.segment import SEGMENT_COLUMNS, Segment, as_segment

__all__ = [
    "SegmentLike",
    "display_table",
    "entity_wide",
    "segment_choices",
    "segment_options",
    "segment_pairs",
    "wide_from_table",
]

#: A segment as the analysis functions accept it: a ``Segment``, its text ("queue=Billing"), a
#: ``{column: value}`` mapping (the older form, several columns allowed) or None (every row).
SegmentLike = Segment | str | Mapping[str, Any] | None


def segment_pairs(segment: SegmentLike) -> tuple[tuple[str, str], ...]:
    """The (column, value) conditions of a segment in any accepted form (empty: no segment)."""
    if isinstance(segment, Mapping):
        return tuple((str(c).strip(), str(v).strip()) for c, v in segment.items())
    seg = as_segment(segment)
    return () if seg is None else ((seg.column, seg.value),)


def _segment_text(pairs: tuple[tuple[str, str], ...]) -> str:
    return ", ".join(Segment(c, v).label() for c, v in pairs) or "the whole centre"


def wide_from_table(table: Any, segment: SegmentLike = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Values and volumes (denominators) of a ``KpiTable`` as two wide frames.

    Parameters
    ----------
    table : a ``kpi.engine.KpiTable`` (or its tidy ``frame``: ``period, <by...>, kpi, value,
        numerator, denominator``).
    segment : the segment to keep when the table was computed ``by`` a segment column:
        ``Segment("queue", "Tech Support")``, ``"queue=Tech Support"`` or
        ``{"queue": "Tech Support"}``; None keeps every row (a table without ``by``).

    Returns
    -------
    (values, volumes) : each with a ``date`` column and one column per KPI id; pass ``values``
        as ``frame`` and ``volumes`` as ``weights`` to ``correlation_table``.
    """
    tidy = table.frame if hasattr(table, "frame") else table
    if not isinstance(tidy, pd.DataFrame) or not {"period", "kpi", "value"} <= set(tidy.columns):
        raise AnalysisError("Expected a KPI table with 'period', 'kpi' and 'value' columns.")
    pairs = segment_pairs(segment)
    sel = tidy
    for col, val in pairs:
        if col not in sel.columns:
            raise AnalysisError(f"The KPI table has no '{col}' segment: compute it by '{col}'.")
        sel = sel[sel[col].astype(str).str.strip() == val]
    if sel.empty:
        raise AnalysisError(f"No KPI values for segment {_segment_text(pairs)}.")
    used = {c for c, _ in pairs}
    by = [c for c in getattr(table, "by", ()) or () if c not in used]
    if by and sel[by].drop_duplicates().shape[0] > 1:
        raise AnalysisError(f"The table is split by {by}: pick one segment value.")

    def pivot(col: str) -> pd.DataFrame:
        wide = sel.pivot_table(
            index="period", columns="kpi", values=col, aggfunc="first", sort=True
        )
        wide = wide.apply(as_float)
        names: list[str] = [str(c) for c in wide.columns]
        wide.columns = names
        order: list[str] = sorted(names, key=registry_rank)
        wide = wide[order]
        return wide.rename_axis("date").reset_index().rename_axis(None, axis=1)

    values = pivot("value")
    volumes = pivot("denominator") if "denominator" in sel.columns else values[["date"]]
    return values, volumes


def entity_wide(table: Any, by: str | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Values and volumes of a ``KpiTable`` computed ``by`` an entity, one row per entity.

    For the pair explorer with agents or queues as points: ``engine.compute(data, grain="all",
    by=["agent_id"])``.

    Returns
    -------
    (values, volumes) : each with the entity column first and one column per KPI id.
    """
    tidy = table.frame if hasattr(table, "frame") else table
    if by is None:
        tb = tuple(getattr(table, "by", ()) or ())
        if len(tb) != 1:
            raise AnalysisError("Say which column holds the agents or queues (by=...).")
        by = str(tb[0])
    if not isinstance(tidy, pd.DataFrame) or by not in tidy.columns:
        raise AnalysisError(f"The KPI table has no '{by}' column: compute it by '{by}'.")
    sel = tidy[tidy[by].notna()]
    if sel.empty:
        raise AnalysisError(f"No KPI values per {by}.")
    column: str = by

    def pivot(col: str) -> pd.DataFrame:
        wide = sel.pivot_table(index=column, columns="kpi", values=col, aggfunc="first", sort=True)
        wide = wide.apply(as_float)
        wide.columns = [str(c) for c in wide.columns]
        wide = wide.rename_axis(None, axis=1).reset_index()
        return wide.assign(**{column: wide[column].astype(str)})

    return pivot("value"), pivot("denominator")


def segment_options(
    frame: pd.DataFrame, columns: Sequence[str] = SEGMENT_COLUMNS
) -> dict[str, Segment | None]:
    """Segments a user can pick, as display label -> ``Segment`` (None = the whole centre).

    Columns with 2 to 50 values are offered (agents, usually more, are left out)."""
    out: dict[str, Segment | None] = {"Whole centre": None}
    for col in columns:
        if col not in frame.columns:
            continue
        values = sorted(str(v) for v in frame[col].dropna().unique().tolist() if str(v).strip())
        if 1 < len(values) <= 50:
            for v in values:
                seg = Segment(col, v)
                out[seg.label()] = seg
    return out


def segment_choices(
    frame: pd.DataFrame, columns: Sequence[str] = SEGMENT_COLUMNS
) -> dict[str, dict[str, str] | None]:
    """:func:`segment_options` with each segment as a ``{column: value}`` dict (the older form,
    kept for callers that build ``by=`` from it; prefer ``segment_options``)."""
    return {
        label: None if seg is None else {seg.column: seg.value}
        for label, seg in segment_options(frame, columns).items()
    }


def display_table(table: pd.DataFrame) -> pd.DataFrame:
    """The pair table with readable KPI names and rounded numbers, for the screen."""
    return pd.DataFrame(
        {
            "KPI": [kpi_name(k) for k in table["kpi_x"]],
            "with": [kpi_name(k) for k in table["kpi_y"]],
            "r": table["r"].round(2),
            "95% CI": [
                f"{lo:+.2f} to {hi:+.2f}" if math.isfinite(lo) else "n/a"
                for lo, hi in zip(table["ci_low"], table["ci_high"], strict=True)
            ],
            "p (adjusted)": table["p_adj"].map(fmt_p),
            "significant": table["significant"].map({True: "yes", False: "no"}),
            "periods": table["n"].astype(int),
            "effective periods": table["n_eff"].round(0),
            "warning": table["warning"],
        }
    )

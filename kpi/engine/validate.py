"""Step 1 of the engine: check a request and decide which KPIs can be computed.

Everything a user can get wrong (an unknown KPI or grain, a segment that is not a column, a grain
finer than the data's own, a date that cannot be read) stops here with one clear sentence, before
any SQL is built.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from kpi.dataset import Dataset
from kpi.errors import AnalysisError, DataError
from kpi.metrics import KPIS, Settings, unavailable
from kpi.schema import AGGREGATE_COLUMNS, INTERACTION_COLUMNS, detect_shape

__all__ = ["GRAINS", "Request", "canonical_columns", "check_grain", "optional_columns", "validate"]

#: Period lengths, finest first ("interval" = ``Settings.interval_minutes``; "all" = one period).
GRAINS: tuple[str, ...] = ("interval", "day", "week", "month", "quarter", "year", "all")
_ADJECTIVE = {
    "interval": "by interval",
    "day": "daily",
    "week": "weekly",
    "month": "monthly",
    "quarter": "quarterly",
    "year": "yearly",
}


def canonical_columns() -> frozenset[str]:
    """Every canonical column name (contacts and summaries), read from ``kpi.schema``."""
    return frozenset(c.name for c in (*INTERACTION_COLUMNS, *AGGREGATE_COLUMNS))


@dataclass(frozen=True, slots=True)
class Request:
    """A checked request: what to compute, over which rows, split how.

    ``kpis`` are the computable ids (registry order of the request); ``unavailable`` maps the
    others to the reason. ``start`` / ``end`` are bounds (``end`` exclusive) or None.
    """

    frame: pd.DataFrame
    shape: str
    kpis: tuple[str, ...]
    grain: str
    by: tuple[str, ...]
    settings: Settings
    start: pd.Timestamp | None
    end: pd.Timestamp | None
    filters: dict[str, list[Any]] = field(default_factory=dict)
    unavailable: dict[str, str] = field(default_factory=dict)
    remarks: tuple[str, ...] = ()

    @property
    def time_column(self) -> str:
        """``start_time`` for contacts, ``date`` for summary tables."""
        return "start_time" if self.shape == "interactions" else "date"


def _as_frame(data: pd.DataFrame | Dataset) -> tuple[pd.DataFrame, str, str | None]:
    if isinstance(data, Dataset):
        grain = getattr(data, "grain", None)
        return data.frame, data.shape, grain if isinstance(grain, str) else None
    if not isinstance(data, pd.DataFrame):
        raise DataError("The engine needs a table (a Dataset or a pandas DataFrame).")
    try:
        return data, detect_shape(data.columns), None
    except ValueError as err:
        raise DataError(
            "The table has no timestamp: map a 'start_time' (one row per contact) or a 'date' "
            "(one row per day) column."
        ) from err


def check_grain(grain: str, data_grain: str | None) -> tuple[str, ...]:
    """Refuse a grain finer than the data's; return remarks for a coarser one that does not nest.

    A monthly report cannot give weeks or days; weeks booked into months (or quarters, years)
    are booked in the period their first day falls in, which the remark says.
    """
    if grain not in GRAINS:
        raise AnalysisError(f"Unknown grain {grain!r}: use one of {', '.join(GRAINS)}.")
    if data_grain not in GRAINS or data_grain in ("interval", "all"):
        return ()
    if GRAINS.index(grain) < GRAINS.index(data_grain):
        allowed = ", ".join(GRAINS[GRAINS.index(data_grain) : -1])
        raise AnalysisError(
            f"This report is {_ADJECTIVE[data_grain]}: choose {allowed} or all "
            f"(a {data_grain}'s total cannot be split into {grain}s)."
        )
    if data_grain == "week" and grain in ("month", "quarter", "year"):
        return (f"each week of the report is booked in the {grain} its first day falls in",)
    return ()


def _bound(value: Any, *, end: bool) -> pd.Timestamp:
    try:
        ts = pd.Timestamp(value)
    except (ValueError, TypeError) as err:
        raise AnalysisError(f"Cannot read the date {value!r}: use YYYY-MM-DD.") from err
    if ts is pd.NaT:
        raise AnalysisError(f"Cannot read the date {value!r}: use YYYY-MM-DD.")
    if ts.tzinfo is not None:
        ts = ts.tz_localize(None)
    # A bare date as ``end`` includes that whole day.
    if end and (
        isinstance(value, dt.date) and not isinstance(value, dt.datetime) or ts == ts.normalize()
    ):
        ts = ts + pd.Timedelta(days=1)
    return ts


def _check_by(by: tuple[str, ...], frame: pd.DataFrame, tcol: str) -> None:
    canonical = canonical_columns()
    for b in by:
        if b not in frame.columns:
            raise DataError(f"Cannot split by {b!r}: the data has no such column.")
        if b in (tcol, "end_time") or b not in canonical:
            raise DataError(
                f"Cannot split by {b!r}: choose a segment column such as queue or channel."
            )
    if len(set(by)) != len(by):
        raise DataError("A segment column is listed twice in 'by'.")


def _columns_with_values(frame: pd.DataFrame, settings: Settings) -> list[str]:
    """The frame's columns, less the optional KPIs' columns that hold no value at all.

    A contact log with empty ticket columns is not a helpdesk export: an empty ``solved_time``
    column would otherwise make every contact an open ticket in the backlog.
    """
    optional = optional_columns(settings)
    empty = {c for c in optional if c in frame.columns and not frame[c].notna().any()}
    return [c for c in frame.columns if c not in empty]


def optional_columns(settings: Settings) -> frozenset[str]:
    """Columns of the optional KPIs (tickets...): a column of these holding no value at all is
    treated as absent (see :func:`validate`)."""
    return frozenset(
        col
        for kdef in KPIS.values()
        if kdef.optional
        for group in kdef.required(settings)
        for col in group.split("|")
    )


def _choose(
    kpis: Sequence[str] | None, columns: Iterable[str], shape: str, settings: Settings
) -> tuple[tuple[str, ...], dict[str, str]]:
    """The computable KPIs and the reasons of the others (optional KPIs only when asked for)."""
    if kpis is not None and not isinstance(kpis, str | bytes):
        wanted = list(dict.fromkeys(kpis))
    elif kpis is None:
        wanted = list(KPIS)
    else:
        wanted = [str(kpis)]
    unknown = [k for k in wanted if k not in KPIS]
    if unknown:
        raise AnalysisError(
            f"Unknown KPI id(s) {', '.join(unknown)}: known ids are {', '.join(KPIS)}."
        )
    cols = list(columns)
    computable: list[str] = []
    reasons: dict[str, str] = {}
    for k in wanted:
        why = unavailable(k, cols, shape, settings)
        if why is None:
            computable.append(k)
        elif kpis is not None or not KPIS[k].optional:
            reasons[k] = why.reason
    return tuple(computable), reasons


def validate(
    data: pd.DataFrame | Dataset,
    kpis: Sequence[str] | None,
    grain: str,
    by: Sequence[str] | str,
    settings: Settings | None,
    *,
    start: Any = None,
    end: Any = None,
    filters: Mapping[str, Iterable[Any]] | None = None,
) -> Request:
    """Check the arguments of :func:`kpi.engine.compute` and return the checked request."""
    frame, shape, data_grain = _as_frame(data)
    settings = settings or Settings()
    if not isinstance(settings, Settings):
        raise AnalysisError("settings must be a kpi.metrics.Settings (use Settings.from_dict).")
    remarks = check_grain(grain, data_grain if shape == "aggregated" else None)
    by_t = (by,) if isinstance(by, str) else tuple(by)
    tcol = "start_time" if shape == "interactions" else "date"
    _check_by(by_t, frame, tcol)
    computable, reasons = _choose(kpis, _columns_with_values(frame, settings), shape, settings)
    if (
        settings.time_attribution == "end"
        and shape == "interactions"
        and "end_time" not in frame.columns
    ):
        raise DataError("Booking contacts at their end time needs an 'end_time' column.")
    chosen: dict[str, list[Any]] = {}
    for col, values in (filters or {}).items():
        if col not in frame.columns:
            raise DataError(f"Cannot filter on {col!r}: the data has no such column.")
        vals = [v.item() if hasattr(v, "item") else v for v in values]
        if vals:
            chosen[col] = vals
    return Request(
        frame=frame,
        shape=shape,
        kpis=computable,
        grain=grain,
        by=by_t,
        settings=settings,
        start=None if start is None else _bound(start, end=False),
        end=None if end is None else _bound(end, end=True),
        filters=chosen,
        unavailable=reasons,
        remarks=remarks,
    )

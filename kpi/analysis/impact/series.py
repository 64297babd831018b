"""Inputs of ``kpi.analysis.impact``: dates, clean series, the grain (day ... year), seasonal terms.

Every analysis takes a regular series at one grain. The grain decides the words ("days",
"months"), the minimum lengths (stated in periods of that grain) and the seasonal terms: day of
week for daily series, month of year for monthly series spanning two years or more, quarter of
year for quarterly series spanning two years or more, none for weekly and yearly series.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from kpi.errors import AnalysisError

__all__ = [
    "GRAINS",
    "MIN_DAYS",
    "DateLike",
    "EventLike",
    "Grain",
    "clean_series",
    "daily_series",
    "infer_grain",
    "kpi_frame",
    "parse_events",
    "seasonal_columns",
    "split_checks",
    "time_index",
    "to_timestamp",
]

DateLike = str | dt.date | pd.Timestamp
EventLike = Any  # a date, a (date, label) pair, or an object with .date, .label (and .segment)

MIN_DAYS = 14
"""Fewest days with data allowed on each side of a change (daily series)."""


@dataclass(frozen=True, slots=True)
class Grain:
    """One regular spacing of a series and what follows from it.

    ``minimum`` periods are required on each side of a change, below ``good`` a result carries a
    low-power warning; ``season`` is the length of the seasonal cycle used (0 = none) once the
    series spans ``season_span`` periods.
    """

    name: str  # "day", "week", "month", "quarter", "year", "period"
    unit: str  # plural word: "days", "weeks", "months" ...
    days: float  # typical spacing in days
    minimum: int
    good: int
    season: int
    season_span: int
    season_label: str

    def word(self, n: int | float) -> str:
        """``n`` with the unit, singular when n is 1 ("1 month", "3 months")."""
        return f"{n:g} {self.unit[:-1] if n == 1 else self.unit}"


GRAINS: dict[str, Grain] = {
    "day": Grain("day", "days", 1.0, MIN_DAYS, 28, 7, 14, "day of week"),
    "week": Grain("week", "weeks", 7.0, 8, 13, 0, 0, ""),
    "month": Grain("month", "months", 30.44, 6, 12, 12, 24, "month of year"),
    "quarter": Grain("quarter", "quarters", 91.31, 4, 8, 4, 8, "quarter of year"),
    "year": Grain("year", "years", 365.25, 5, 10, 0, 0, ""),
    "period": Grain("period", "periods", 0.0, 5, 10, 0, 0, ""),
}


def infer_grain(index: pd.DatetimeIndex) -> Grain:
    """The grain of a sorted DatetimeIndex from the median spacing (gaps in a daily series are
    allowed); an unrecognised spacing is a generic "period"."""
    if len(index) < 2:
        return GRAINS["day"]
    gaps = np.diff(index.to_numpy()).astype("timedelta64[h]").astype(float) / 24.0
    step = float(np.median(gaps))
    for name, lo, hi in (
        ("day", 0.5, 1.5),
        ("week", 6.5, 7.5),
        ("month", 27.5, 31.5),
        ("quarter", 88.5, 92.5),
        ("year", 364.5, 366.5),
    ):
        if lo <= step <= hi:
            return GRAINS[name]
    return GRAINS["period"]


def to_timestamp(value: DateLike, what: str) -> pd.Timestamp:
    """A date from a string, date or timestamp; a clear error otherwise."""
    try:
        ts = pd.Timestamp(value)
    except (TypeError, ValueError) as err:
        raise AnalysisError(f"The {what} {value!r} is not a date: use YYYY-MM-DD.") from err
    if pd.isna(ts):
        raise AnalysisError(f"The {what} is missing: pick a date.")
    return ts.normalize()


def clean_series(series: pd.Series, name: str) -> pd.Series:
    """Float values on a sorted, tz-naive, normalised DatetimeIndex; duplicate dates averaged;
    non-finite values dropped (they are days without data, not zeros)."""
    if not isinstance(series, pd.Series):
        raise AnalysisError(f"The {name} must be a time series (a pandas Series on dates).")
    s = series.copy()
    if not isinstance(s.index, pd.DatetimeIndex):
        try:
            s.index = pd.DatetimeIndex(pd.to_datetime(s.index))
        except (TypeError, ValueError) as err:
            raise AnalysisError(f"The {name} must be indexed by dates.") from err
    idx = pd.DatetimeIndex(s.index)
    idx = idx.tz_localize(None) if idx.tz is not None else idx
    s.index = idx.normalize()
    s = pd.to_numeric(s, errors="coerce").astype("float64")
    s = s.groupby(level=0).mean().sort_index()
    s = s[np.isfinite(s.to_numpy())]
    if s.empty:
        raise AnalysisError(f"The {name} has no values: pick a KPI and segment with data.")
    return s


def split_checks(
    s: pd.Series, change: pd.Timestamp, name: str, grain: Grain
) -> tuple[np.ndarray, int, int]:
    """The post-change mask and the counts on each side; errors in the grain's words."""
    first, last = s.index[0], s.index[-1]
    if change <= first or change > last:
        raise AnalysisError(
            f"The change date {change:%Y-%m-%d} is outside the data for {name} "
            f"({first:%Y-%m-%d} to {last:%Y-%m-%d}): pick a date inside that range."
        )
    post = np.asarray(s.index >= change)
    n_after = int(post.sum())
    n_before = int(len(post) - n_after)
    for side, n in (("before", n_before), ("after", n_after)):
        if n == 0:
            raise AnalysisError(
                f"{name.capitalize()} has no data {side} {change:%Y-%m-%d}: pick another date, "
                "segment or KPI."
            )
        if n < grain.minimum:
            raise AnalysisError(
                f"Only {grain.word(n)} of {name} data {side} {change:%Y-%m-%d}; the test needs "
                f"at least {grain.minimum} on each side: pick another date or load a longer period."
            )
    if float(np.ptp(s.to_numpy())) == 0.0:
        raise AnalysisError(
            f"{name.capitalize()} is constant ({s.iloc[0]:g} in every {grain.name}), so there is "
            "no variation to test a change against."
        )
    return post, n_before, n_after


def time_index(index: pd.DatetimeIndex, change: pd.Timestamp, grain: Grain) -> np.ndarray:
    """Time since the change, in weeks for daily and weekly series (a trend per week reads
    better than per day), in periods of the grain otherwise."""
    if grain.name in ("month", "quarter"):
        months = (index.year - change.year) * 12 + (index.month - change.month)
        return np.asarray(months, dtype=float) / (3.0 if grain.name == "quarter" else 1.0)
    if grain.name == "year":
        return np.asarray(index.year - change.year, dtype=float)
    if grain.name == "period":
        return np.asarray((index - change) / pd.Timedelta(days=1), dtype=float)
    return np.asarray((index - change) / pd.Timedelta(days=7), dtype=float)


def seasonal_columns(
    index: pd.DatetimeIndex, grain: Grain, span: pd.DatetimeIndex | None = None
) -> tuple[list[np.ndarray], list[str]]:
    """Dummy columns of the grain's season on ``index`` (the first level is the reference).

    ``span`` is the index that decides whether there is enough data for the season and which
    levels exist (default ``index``): month of year needs two years of months.
    """
    ref = index if span is None else span
    if grain.season == 0 or len(ref) < grain.season_span:
        return [], []
    key = _season_key(index, grain)
    levels = sorted(set(_season_key(ref, grain).tolist()))
    return [(key == v).astype(float) for v in levels[1:]], [f"season_{v}" for v in levels[1:]]


def _season_key(index: pd.DatetimeIndex, grain: Grain) -> np.ndarray:
    if grain.name == "day":
        return np.asarray(index.day_of_week)
    if grain.name == "month":
        return np.asarray(index.month)
    return np.asarray(index.quarter)


def parse_events(events: Sequence[EventLike], segment: str = "") -> list[tuple[pd.Timestamp, str]]:
    """Dates and labels of other pinned changes. An event tied to another segment (``segment``
    attribute "queue=Tech Support" while ``segment`` is "queue=Billing") is left out: only
    changes in the same segment or the whole centre can be mixed into this estimate."""
    out = []
    mine = _norm_segment(segment)
    for ev in events:
        if isinstance(ev, tuple):
            out.append((to_timestamp(ev[0], "event date"), str(ev[1])))
        elif hasattr(ev, "date") and hasattr(ev, "label") and not isinstance(ev, dt.date):
            where = _norm_segment(str(getattr(ev, "segment", "") or ""))
            if where and mine and where != mine:
                continue
            out.append((to_timestamp(ev.date, "event date"), str(ev.label)))
        else:
            out.append((to_timestamp(ev, "event date"), "another change"))
    return out


def _norm_segment(text: str) -> str:
    return ",".join(
        "=".join(part.strip() for part in item.split("=", 1)) for item in text.split(",") if item
    )


def kpi_frame(table: Any) -> pd.DataFrame:
    """The tidy frame of a ``KpiTable`` (or the frame itself), with a ``date`` column."""
    frame = getattr(table, "frame", table)
    if not isinstance(frame, pd.DataFrame):
        raise AnalysisError("Expected a KpiTable or its tidy frame.")
    if "period" in frame.columns and "date" not in frame.columns:
        frame = frame.rename(columns={"period": "date"})
    return frame


def daily_series(
    table: Any, kpi: str, segment: Mapping[str, str] | None = None
) -> tuple[pd.Series, pd.Series | None]:
    """The values of one KPI in one segment, and their denominators (any grain).

    Parameters
    ----------
    table : a ``KpiTable`` (any grain) or its tidy ``frame`` (columns ``period`` or ``date``,
        the segment columns, ``kpi, value, numerator, denominator``).
    kpi : KPI id.
    segment : e.g. ``{"queue": "Billing"}``; None = the table as it is (no ``by`` columns).

    Returns
    -------
    (values, denominators)
        Two Series on a DatetimeIndex; denominators is None when the table has none.
    """
    frame = kpi_frame(table)
    rows = frame[frame["kpi"] == kpi]
    for col, value in (segment or {}).items():
        if col not in rows.columns:
            raise AnalysisError(f"The table has no {col!r} column: compute it with by=[{col!r}].")
        rows = rows[rows[col].astype("string") == str(value)]
    if rows.empty:
        where = ", ".join(f"{k} = {v}" for k, v in (segment or {}).items()) or "this data"
        raise AnalysisError(f"No daily values of {kpi!r} for {where}: pick another KPI or segment.")
    index = pd.DatetimeIndex(pd.to_datetime(rows["date"])).normalize()
    values = pd.Series(pd.to_numeric(rows["value"], errors="coerce").to_numpy(float), index=index)
    den = None
    if "denominator" in rows.columns:
        d = pd.to_numeric(rows["denominator"], errors="coerce").to_numpy(float)
        if np.isfinite(d).any():
            den = pd.Series(d, index=index)
    return values.sort_index(), None if den is None else den.sort_index()

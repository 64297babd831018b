"""Preparing KPI series for correlation: pick the columns, weigh them, remove what misleads.

Each series is cleaned with the guards that are on (:mod:`.guards`): day-of-week means and a
straight-line trend removed by weighted least squares, then its own lag-1 carry-over removed
(AR(1) prewhitening, ``e_t - phi e_t-1``). Rates and averages are weighted by their denominators.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from kpi.analysis.relations.guards import Guards
from kpi.errors import AnalysisError
from kpi.metrics import KPIS

__all__ = [
    "Prepared",
    "as_float",
    "date_index",
    "kpi_better",
    "kpi_unit",
    "numeric_columns",
    "prepare",
    "registry_rank",
]


@dataclass(frozen=True, slots=True)
class Prepared:
    """The series ready to correlate, and what was done to them."""

    values: pd.DataFrame  # cleaned series, indexed by date (or by entity), one column per KPI
    raw: pd.DataFrame  # the input values on the same index (before cleaning, after filters)
    weights: pd.DataFrame  # per-KPI weights (1.0 where unweighted), same index as ``raw``
    volume: pd.Series | None  # cleaned volume series (for the partial guard)
    volume_name: str | None
    is_time: bool
    applied: tuple[str, ...]  # guards actually applied
    filter_text: str
    notes: tuple[str, ...]
    n_removed: int = 0  # regressors (trend, weekdays) removed from every series: df lost


def kpi_unit(kpi: str) -> str | None:
    """The registry unit of a KPI ("rate", "seconds", "count"...), None when unknown."""
    k = KPIS.get(kpi)
    return str(k.unit) if k is not None else None


def kpi_better(kpi: str) -> str:
    """The registry's better direction of a KPI ("higher" / "lower"; "higher" when unknown)."""
    k = KPIS.get(kpi)
    return str(k.better) if k is not None else "higher"


def registry_rank(kpi: str) -> tuple[int, str]:
    """Sort key: the registry's order, unknown ids last (alphabetically)."""
    order = list(KPIS)
    return (order.index(kpi), kpi) if kpi in order else (len(order), kpi)


def date_index(frame: pd.DataFrame) -> pd.DataFrame | None:
    """The frame indexed by a sorted DatetimeIndex, or None when it has no dates."""
    for col in ("date", "period"):
        if col in frame.columns:
            out = frame.set_index(pd.DatetimeIndex(pd.to_datetime(frame[col]), name="date"))
            return out.drop(columns=[col]).sort_index()
    if isinstance(frame.index, pd.DatetimeIndex):
        return frame.rename_axis("date").sort_index()
    return None


def numeric_columns(frame: pd.DataFrame) -> list[str]:
    """Numeric, non-boolean columns (the KPI columns of a wide frame)."""
    return [
        c
        for c in frame.columns
        if pd.api.types.is_numeric_dtype(frame[c]) and not pd.api.types.is_bool_dtype(frame[c])
    ]


def as_float(s: pd.Series) -> pd.Series:
    """The series as float64; text that is not a number becomes NaN."""
    return pd.to_numeric(s, errors="coerce").astype("float64")


def design(index: pd.Index, is_time: bool, daily: bool) -> np.ndarray:
    """Trend (+ weekday) design matrix for the detrend guard."""
    n = len(index)
    if not is_time:
        return np.ones((n, 1))
    days = (pd.DatetimeIndex(index) - pd.DatetimeIndex(index)[0]).days.to_numpy(dtype=float)
    cols = [np.ones(n)]
    if n >= 4:
        cols.append(days / max(days.max(), 1.0))
    if daily and n >= 21:
        dow = pd.DatetimeIndex(index).day_of_week.to_numpy()
        present = sorted(set(dow.tolist()))
        cols.extend((dow == d).astype(float) for d in present[1:])
    return np.column_stack(cols)


def _wls_resid(y: np.ndarray, x: np.ndarray, w: np.ndarray) -> np.ndarray:
    sw = np.sqrt(w)
    beta, *_ = np.linalg.lstsq(x * sw[:, None], y * sw, rcond=None)
    return y - x @ beta


def _lag1(x: np.ndarray) -> float:
    x = x - x.mean()
    d = float(np.dot(x, x))
    return float(np.dot(x[1:], x[:-1]) / d) if d > 0 and len(x) > 2 else 0.0


def clean_series(
    s: pd.Series, w: pd.Series, *, is_time: bool, daily: bool, guards: Guards
) -> pd.Series:
    """Detrend (weekday + linear trend, WLS) then AR(1)-prewhiten one series (NaNs dropped)."""
    ok = s.notna() & w.notna() & (w > 0)
    s, w = s[ok], w[ok]
    if s.empty:
        return s
    y = s.to_numpy(dtype=float)
    if is_time and guards.detrend and len(y) >= 4:
        y = _wls_resid(y, design(s.index, is_time, daily), w.to_numpy(dtype=float))
    if is_time and guards.prewhiten and len(y) >= 4:
        phi = _lag1(y)
        # Innovations e_t - phi e_{t-1}: the first period has no predecessor and is dropped.
        return pd.Series(y[1:] - phi * y[:-1], index=s.index[1:], name=s.name)
    return pd.Series(y, index=s.index, name=s.name)


def _chosen(
    frame: pd.DataFrame, kpis: Sequence[str] | None
) -> tuple[pd.DataFrame, bool, list[str]]:
    """The data (indexed by date when it has dates), whether it does, and the KPIs to use."""
    if not isinstance(frame, pd.DataFrame) or frame.empty:
        raise AnalysisError("The KPI table is empty: choose a wider date range or another segment.")
    indexed = date_index(frame)
    if indexed is not None and indexed.index.has_duplicates:
        raise AnalysisError(
            "The table has several rows per date (one per segment): pick one segment first."
        )
    data = indexed if indexed is not None else frame
    available = numeric_columns(data)
    chosen = list(available) if kpis is None else list(dict.fromkeys(kpis))
    missing = [k for k in chosen if k not in data.columns]
    if missing:
        raise AnalysisError(
            f"KPI(s) {missing} are not in the table; available: {available}. "
            "Pick KPIs that were computed for this data."
        )
    if len(chosen) < 2:
        raise AnalysisError("Pick at least two KPIs to correlate.")
    return data, indexed is not None, chosen


def _weights(
    data: pd.DataFrame,
    raw: pd.DataFrame,
    weights: pd.DataFrame | str | None,
    is_time: bool,
) -> tuple[pd.DataFrame, bool]:
    """Per-KPI weights: the KPIs' denominators, for rates and averages only (not counts)."""
    wframe = pd.DataFrame(1.0, index=raw.index, columns=raw.columns)
    if weights is None:
        return wframe, False
    if isinstance(weights, str):
        if weights not in data.columns:
            raise AnalysisError(f"Weight column '{weights}' is not in the table.")
        common = as_float(data[weights])
        wdf = pd.DataFrame({k: common for k in raw.columns}, index=raw.index)
    else:
        wd = date_index(weights) if is_time else weights
        if wd is None:
            raise AnalysisError("The weights table needs the same 'date' column as the KPI table.")
        wdf = wd.reindex(raw.index)
    weighted_any = False
    for k in raw.columns:
        if k in wdf.columns and kpi_unit(k) != "count":
            col = as_float(wdf[k])
            wframe[k] = col.where(col > 0)
            weighted_any = True
    return wframe, weighted_any


def _volume(
    data: pd.DataFrame, raw: pd.DataFrame, volume: str | pd.Series | None, is_time: bool
) -> tuple[str | None, pd.Series | None]:
    """The contact-volume series for the partial guard (name, values), or (None, None)."""
    if isinstance(volume, pd.Series):
        series = as_float(volume)
        return str(volume.name or "volume"), series.reindex(raw.index) if is_time else series
    if isinstance(volume, str):
        if volume not in data.columns:
            raise AnalysisError(f"Volume column '{volume}' is not in the table.")
        return volume, as_float(data[volume])
    if "contacts" in data.columns:
        return "contacts", as_float(data["contacts"])
    return None, None


def _is_daily(raw: pd.DataFrame, is_time: bool, weekdays_only: bool) -> bool:
    if not is_time or len(raw) <= 2:
        return False
    step = pd.Series(raw.index).diff().dt.days.median()
    return bool(step <= 1.5) or (weekdays_only and bool(step <= 3))


def prepare(
    frame: pd.DataFrame,
    kpis: Sequence[str] | None,
    guards: Guards,
    weights: pd.DataFrame | str | None,
    volume: str | pd.Series | None,
    weekdays_only: bool,
) -> tuple[Prepared, list[str]]:
    """Check the table, pick the KPIs and apply the guards; returns the series and the KPIs."""
    data, is_time, chosen = _chosen(frame, kpis)
    notes: list[str] = []
    filter_text = "all periods"
    if weekdays_only:
        if not is_time:
            raise AnalysisError("'Weekdays only' needs a table with dates.")
        data = data[pd.DatetimeIndex(data.index).day_of_week < 5]
        filter_text = "weekdays only (Saturdays and Sundays dropped)"
    raw = data[chosen].apply(as_float)
    wframe, weighted_any = _weights(data, raw, weights if guards.volume_weights else None, is_time)
    daily = _is_daily(raw, is_time, weekdays_only)
    vol_name, vol_raw = (None, None)
    if guards.partial_volume:
        vol_name, vol_raw = _volume(data, raw, volume, is_time)
        if vol_raw is None:
            notes.append("no contact-volume column, so the partial-correlation guard was skipped")

    def clean(s: pd.Series, w: pd.Series) -> pd.Series:
        return clean_series(s, w, is_time=is_time, daily=daily, guards=guards)

    values = pd.DataFrame({k: clean(raw[k], wframe[k]) for k in chosen}).reindex(columns=chosen)
    vol_clean = None if vol_raw is None else clean(vol_raw, pd.Series(1.0, index=vol_raw.index))
    steps = (
        ("detrend", is_time and guards.detrend),
        ("prewhiten", is_time and guards.prewhiten),
        ("n_eff", is_time and guards.n_eff),
        ("volume_weights", weighted_any),
        ("partial_volume", vol_clean is not None),
    )
    if not is_time and (guards.detrend or guards.prewhiten):
        notes.append("points are not periods, so no trend or carry-over was removed")
    n_removed = 0
    if is_time and guards.detrend and len(raw) >= 4:
        n_removed = design(raw.index, True, daily).shape[1] - 1
    prepared = Prepared(
        values=values,
        raw=raw,
        weights=wframe,
        volume=vol_clean,
        volume_name=vol_name,
        is_time=is_time,
        applied=tuple(name for name, on in steps if on),
        filter_text=filter_text,
        notes=tuple(notes),
        n_removed=n_removed,
    )
    return prepared, chosen

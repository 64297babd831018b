"""How KPIs move together: correlations that do not lie, pair explorer, efficiency/experience balance.

Daily KPI series share weekday patterns, trends and day-to-day carry-over, so correlating their
levels finds "relationships" between KPIs that have nothing to do with each other (two independent
random walks come out "significant" 70-87% of the time). With the guards on (the default) every
series is cleaned first and the p-value allows for the autocorrelation that remains:

1. ``detrend``: day-of-week means and a straight-line trend are removed (weighted least squares);
2. ``prewhiten``: each series' own lag-1 carry-over is removed (AR(1) prewhitening: e_t - phi e_t-1);
3. ``volume_weights``: rates and averages are weighted by their denominators (a 40-contact day counts
   less than a 900-contact day);
4. ``partial_volume``: partial correlation controlling for contact volume;
5. ``n_eff``: the t-test and Fisher-z interval use an effective sample size,
   ``n_eff = n / (1 + 2 sum_k (1 - k/n) rho_x(k) rho_y(k))`` (Bartlett 1935; Bayley & Hammersley
   1946; lags up to n/5 as in Pyper & Peterman 1998, Can J Fish Aquat Sci 55:2127).

Calibration (``benchmarks/relations_calibration.py``, 400 families x 10 pairs, 182 days, p < 0.05):
independent random walks 5.0% significant with the guards on vs 82% off (Pearson; Spearman 5.4%
vs 81%); trending weekly-seasonal AR(1) series 4.7% on vs 100% off; white noise 4.4% vs 4.8%.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Any, Literal

import numpy as np
import pandas as pd
from scipy import optimize, special, stats
from statsmodels.stats.multitest import multipletests

from kpi.errors import AnalysisError

__all__ = [
    "GUARD_TEXT",
    "MIN_PERIODS",
    "BalanceResult",
    "Guards",
    "PairResult",
    "balance_table",
    "correlation_table",
    "display_table",
    "entity_wide",
    "effective_n",
    "kpi_name",
    "pair_analysis",
    "quadrant_labels",
    "rolling_correlation",
    "segment_choices",
    "wide_from_table",
]

Method = Literal["pearson", "spearman"]

#: Below this many periods a correlation is flagged as fragile.
MIN_PERIODS = 20
_Z975 = float(stats.norm.ppf(0.975))

#: One line per guard, shown beside the guards toggle.
GUARD_TEXT: dict[str, str] = {
    "detrend": (
        "Weekday pattern and straight-line trend removed from each daily series first: busy "
        "Mondays and slow drifts make unrelated KPIs look linked."
    ),
    "prewhiten": (
        "Each series' day-to-day carry-over removed (AR(1) prewhitening), so two KPIs that merely "
        "wander slowly are not mistaken for partners."
    ),
    "n_eff": (
        "P-values and intervals count the effective number of independent periods, not the raw "
        "number of days, because neighbouring days are alike."
    ),
    "volume_weights": (
        "Rates and averages weighted by their volume, so a 40-contact day counts less than a "
        "900-contact day."
    ),
    "partial_volume": (
        "Partial correlation controlling for contact volume: a busy day that pushes both KPIs "
        "is not counted as a link between them."
    ),
    "min_periods": f"Correlations resting on fewer than {MIN_PERIODS} periods are flagged as fragile.",
}

_GUARD_SHORT = {
    "detrend": "weekday+trend removed",
    "prewhiten": "AR(1) prewhitened",
    "n_eff": "effective n",
    "volume_weights": "volume-weighted",
    "partial_volume": "partial on volume",
}


@dataclass(frozen=True, slots=True)
class Guards:
    """Which spurious-correlation guards are on (all by default).

    ``Guards.coerce(True)`` = all on, ``Guards.coerce(False)`` = all off (plain correlation of
    levels), or pass an iterable of guard names to switch on only those.
    """

    detrend: bool = True
    prewhiten: bool = True
    n_eff: bool = True
    volume_weights: bool = True
    partial_volume: bool = True

    @classmethod
    def coerce(cls, guards: bool | Guards | Iterable[str]) -> Guards:
        """Build a ``Guards`` from True / False / a ``Guards`` / an iterable of guard names."""
        if isinstance(guards, Guards):
            return guards
        if isinstance(guards, bool | np.bool_):
            return cls() if guards else cls(**{f.name: False for f in fields(cls)})
        names = set(guards)
        unknown = names - {f.name for f in fields(cls)}
        if unknown:
            raise AnalysisError(
                f"Unknown guard(s) {sorted(unknown)}: choose from {[f.name for f in fields(cls)]}."
            )
        return cls(**{f.name: f.name in names for f in fields(cls)})

    @property
    def any(self) -> bool:
        """True when at least one guard is on."""
        return any(getattr(self, f.name) for f in fields(self))

    def names(self) -> tuple[str, ...]:
        """Names of the guards that are on."""
        return tuple(f.name for f in fields(self) if getattr(self, f.name))


# ----------------------------------------------------------------------------------------------
# Preparing series
# ----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Prepared:
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


def _kpi_unit(kpi: str) -> str | None:
    try:
        from kpi.metrics import KPIS
    except ImportError:  # pragma: no cover - the registry is part of the package
        return None
    k = KPIS.get(kpi)
    return getattr(k, "unit", None) if k is not None else None


def _kpi_better(kpi: str) -> str:
    try:
        from kpi.metrics import KPIS
    except ImportError:  # pragma: no cover
        return "higher"
    k = KPIS.get(kpi)
    return getattr(k, "better", "higher") if k is not None else "higher"


def kpi_name(kpi: str) -> str:
    """Display name of a KPI id (the id itself when the registry does not know it)."""
    try:
        from kpi.metrics import KPIS
    except ImportError:  # pragma: no cover
        return kpi
    k = KPIS.get(kpi)
    return str(getattr(k, "name", kpi)) if k is not None else kpi


def _registry_rank(kpi: str) -> tuple[int, str]:
    try:
        from kpi.metrics import KPIS
    except ImportError:  # pragma: no cover
        return (0, kpi)
    order = list(KPIS)
    return (order.index(kpi), kpi) if kpi in order else (len(order), kpi)


def _date_index(frame: pd.DataFrame) -> pd.DataFrame | None:
    """The frame indexed by a sorted DatetimeIndex, or None when it has no dates."""
    if "date" in frame.columns:
        out = frame.set_index(pd.DatetimeIndex(pd.to_datetime(frame["date"]), name="date"))
        return out.drop(columns=["date"]).sort_index()
    if "period" in frame.columns:
        out = frame.set_index(pd.DatetimeIndex(pd.to_datetime(frame["period"]), name="date"))
        return out.drop(columns=["period"]).sort_index()
    if isinstance(frame.index, pd.DatetimeIndex):
        return frame.rename_axis("date").sort_index()
    return None


def _numeric_columns(frame: pd.DataFrame) -> list[str]:
    return [
        c
        for c in frame.columns
        if pd.api.types.is_numeric_dtype(frame[c]) and not pd.api.types.is_bool_dtype(frame[c])
    ]


def _as_float(s: pd.Series) -> pd.Series:
    return pd.to_numeric(s, errors="coerce").astype("float64")


def _design(index: pd.Index, is_time: bool, daily: bool) -> np.ndarray:
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


def _clean_series(
    s: pd.Series, w: pd.Series, *, is_time: bool, daily: bool, guards: Guards
) -> pd.Series:
    """Detrend (weekday + linear trend, WLS) then AR(1)-prewhiten one series (NaNs dropped)."""
    ok = s.notna() & w.notna() & (w > 0)
    s, w = s[ok], w[ok]
    if s.empty:
        return s
    y = s.to_numpy(dtype=float)
    if is_time and guards.detrend and len(y) >= 4:
        y = _wls_resid(y, _design(s.index, is_time, daily), w.to_numpy(dtype=float))
    if is_time and guards.prewhiten and len(y) >= 4:
        phi = _lag1(y)
        # Innovations e_t - phi e_{t-1}: the first period has no predecessor and is dropped.
        return pd.Series(y[1:] - phi * y[:-1], index=s.index[1:], name=s.name)
    return pd.Series(y, index=s.index, name=s.name)


def _prepare(  # noqa: C901, PLR0915 -- ratchet (#17): split or fix pending
    frame: pd.DataFrame,
    kpis: Sequence[str] | None,
    guards: Guards,
    weights: pd.DataFrame | str | None,
    volume: str | pd.Series | None,
    weekdays_only: bool,
) -> tuple[_Prepared, list[str]]:
    if not isinstance(frame, pd.DataFrame) or frame.empty:
        raise AnalysisError("The KPI table is empty: choose a wider date range or another segment.")
    indexed = _date_index(frame)
    is_time = indexed is not None
    if indexed is not None and indexed.index.has_duplicates:
        raise AnalysisError(
            "The table has several rows per date (one per segment): pick one segment first."
        )
    data = indexed if indexed is not None else frame
    available = _numeric_columns(data)
    if kpis is None:
        chosen = list(available)
    else:
        chosen = list(dict.fromkeys(kpis))
        missing = [k for k in chosen if k not in data.columns]
        if missing:
            raise AnalysisError(
                f"KPI(s) {missing} are not in the table; available: {available}. "
                "Pick KPIs that were computed for this data."
            )
    if len(chosen) < 2:
        raise AnalysisError("Pick at least two KPIs to correlate.")

    notes: list[str] = []
    filter_text = "all periods"
    if weekdays_only:
        if not is_time:
            raise AnalysisError("'Weekdays only' needs a table with dates.")
        data = data[data.index.day_of_week < 5]
        filter_text = "weekdays only (Saturdays and Sundays dropped)"

    raw = data[chosen].apply(_as_float)

    # Weights: the KPIs' denominators (volume behind each value), only for rates and averages.
    wframe = pd.DataFrame(1.0, index=raw.index, columns=chosen)
    weighted_any = False
    if guards.volume_weights and weights is not None:
        if isinstance(weights, str):
            if weights not in data.columns:
                raise AnalysisError(f"Weight column '{weights}' is not in the table.")
            common = _as_float(data[weights])
            wdf = pd.DataFrame({k: common for k in chosen}, index=raw.index)
        else:
            wd = _date_index(weights) if is_time else weights
            if wd is None:
                raise AnalysisError(
                    "The weights table needs the same 'date' column as the KPI table."
                )
            wdf = wd.reindex(raw.index)
        for k in chosen:
            if k in wdf.columns and _kpi_unit(k) != "count":
                col = _as_float(wdf[k])
                wframe[k] = col.where(col > 0)
                weighted_any = True

    daily = False
    if is_time and len(raw) > 2:
        step = pd.Series(raw.index).diff().dt.days.median()
        daily = bool(step <= 1.5) or (weekdays_only and bool(step <= 3))

    vol_name: str | None = None
    vol_raw: pd.Series | None = None
    if guards.partial_volume:
        if isinstance(volume, pd.Series):
            vol_name = str(volume.name or "volume")
            vol_raw = _as_float(volume).reindex(raw.index) if is_time else _as_float(volume)
        elif isinstance(volume, str):
            if volume not in data.columns:
                raise AnalysisError(f"Volume column '{volume}' is not in the table.")
            vol_name, vol_raw = volume, _as_float(data[volume])
        elif "contacts" in data.columns:
            vol_name, vol_raw = "contacts", _as_float(data["contacts"])
        else:
            notes.append("no contact-volume column, so the partial-correlation guard was skipped")

    clean = {
        k: _clean_series(raw[k], wframe[k], is_time=is_time, daily=daily, guards=guards)
        for k in chosen
    }
    vol_clean = None
    if vol_raw is not None:
        vol_clean = _clean_series(
            vol_raw,
            pd.Series(1.0, index=vol_raw.index),
            is_time=is_time,
            daily=daily,
            guards=guards,
        )
    values = pd.DataFrame(clean).reindex(columns=chosen)

    applied = []
    if is_time and guards.detrend:
        applied.append("detrend")
    if is_time and guards.prewhiten:
        applied.append("prewhiten")
    if is_time and guards.n_eff:
        applied.append("n_eff")
    if weighted_any:
        applied.append("volume_weights")
    if vol_clean is not None:
        applied.append("partial_volume")
    if not is_time and (guards.detrend or guards.prewhiten):
        notes.append("points are not periods, so no trend or carry-over was removed")
    n_removed = 0
    if is_time and guards.detrend and len(raw) >= 4:
        n_removed = _design(raw.index, True, daily).shape[1] - 1
    prepared = _Prepared(
        values=values,
        raw=raw,
        weights=wframe,
        volume=vol_clean,
        volume_name=vol_name,
        is_time=is_time,
        applied=tuple(applied),
        filter_text=filter_text,
        notes=tuple(notes),
        n_removed=n_removed,
    )
    return prepared, chosen


# ----------------------------------------------------------------------------------------------
# The statistics of one pair
# ----------------------------------------------------------------------------------------------


def _acf(x: np.ndarray, lags: int) -> np.ndarray:
    x = x - x.mean()
    d = float(np.dot(x, x))
    if d <= 0:
        return np.zeros(lags)
    return np.array([np.dot(x[k:], x[:-k]) / d for k in range(1, lags + 1)])


def effective_n(x: np.ndarray, y: np.ndarray) -> float:
    """Bartlett / Bayley-Hammersley effective sample size of a correlation between two series.

    ``n / (1 + 2 sum_{k=1}^{n/5} (1 - k/n) rho_x(k) rho_y(k))``, clipped to [3, n].
    """
    n = len(x)
    if n < 6:
        return float(n)
    lags = max(1, n // 5)
    k = np.arange(1, lags + 1)
    s = float(np.sum((1 - k / n) * _acf(x, lags) * _acf(y, lags)))
    return float(np.clip(n / (1 + 2 * s), 3.0, n))


def _rank(x: np.ndarray) -> np.ndarray:
    return stats.rankdata(x)


def _wcenter(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    return x - np.sum(w * x) / np.sum(w)


def _wcorr(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> float:
    xc, yc = _wcenter(x, w), _wcenter(y, w)
    sxx, syy = float(np.sum(w * xc * xc)), float(np.sum(w * yc * yc))
    if sxx <= 0 or syy <= 0:
        return math.nan
    return float(np.clip(np.sum(w * xc * yc) / math.sqrt(sxx * syy), -1.0, 1.0))


def _wresid(y: np.ndarray, z: np.ndarray, w: np.ndarray) -> np.ndarray:
    yc, zc = _wcenter(y, w), _wcenter(z, w)
    szz = float(np.sum(w * zc * zc))
    return yc if szz <= 0 else yc - zc * float(np.sum(w * zc * yc)) / szz


@dataclass(frozen=True, slots=True)
class _PairStats:
    r: float
    ci_low: float
    ci_high: float
    p_value: float
    n: int
    n_eff: float
    x: np.ndarray = field(repr=False)  # the series actually correlated (adjusted)
    y: np.ndarray = field(repr=False)
    w: np.ndarray = field(repr=False)
    index: pd.Index = field(repr=False)
    partial: bool = False
    warnings: tuple[str, ...] = ()
    k: int = 0  # regressors partialled out (trend, weekdays, volume)


def _fisher_ci(r: float, n_eff: float, k: int, method: str) -> tuple[float, float]:
    dof = n_eff - 3 - k
    if not math.isfinite(r) or dof <= 0:
        return math.nan, math.nan
    if abs(r) >= 1.0:
        return r, r
    # Spearman: Bonett & Wright (2000) variance (1 + r^2/2) / (n - 3) of Fisher's z.
    var = (1 + r * r / 2) / dof if method == "spearman" else 1 / dof
    z = math.atanh(float(np.clip(r, -0.999999999, 0.999999999)))
    half = _Z975 * math.sqrt(var)
    return math.tanh(z - half), math.tanh(z + half)


def _t_pvalue(r: float, n_eff: float, k: int) -> float:
    dof = n_eff - 2 - k
    if not math.isfinite(r) or dof <= 0:
        return math.nan
    if abs(r) >= 1:
        return 0.0
    t = r * math.sqrt(dof / (1 - r * r))
    return float(2 * stats.t.sf(abs(t), dof))


def _pair_stats(
    prep: _Prepared, x: str, y: str, method: str, guards: Guards, n_periods: int
) -> _PairStats:
    both = pd.concat(
        [prep.values[x].rename("x"), prep.values[y].rename("y")], axis=1, join="inner"
    ).dropna()
    wx = prep.weights[x].reindex(both.index)
    wy = prep.weights[y].reindex(both.index)
    # A pair's weight: the harmonic combination 1/(1/w_x + 1/w_y), proportional to the inverse of
    # the summed sampling variances of the two values (each variance ~ 1/denominator).
    w = (1.0 / (1.0 / wx + 1.0 / wy)).fillna(0.0)
    use_partial = prep.volume is not None and prep.volume_name not in (x, y)
    if use_partial:
        both = both.join(prep.volume.rename("v"), how="inner").dropna()
        w = w.reindex(both.index)
    keep = w > 0
    both, w = both[keep], w[keep]
    warnings: list[str] = []
    n = int(len(both))
    if n < 5:
        warnings.append(f"only {n_periods} periods in common: too few to correlate")
        empty = np.array([])
        return _PairStats(
            math.nan,
            math.nan,
            math.nan,
            math.nan,
            n_periods,
            math.nan,
            empty,
            empty,
            empty,
            both.index,
            use_partial,
            tuple(warnings),
        )
    wv = w.to_numpy(dtype=float)
    wv = wv / wv.mean()
    xs, ys = both["x"].to_numpy(dtype=float), both["y"].to_numpy(dtype=float)
    if method == "spearman":
        xs, ys = _rank(xs), _rank(ys)
    # Residuals of a regression on the same k regressors: a partial correlation on n - 2 - k df.
    k = prep.n_removed
    if use_partial:
        v = both["v"].to_numpy(dtype=float)
        v = _rank(v) if method == "spearman" else v
        if np.ptp(v) > 0:
            xs, ys, k = _wresid(xs, v, wv), _wresid(ys, v, wv), k + 1
    r = _wcorr(xs, ys, wv)
    if not math.isfinite(r):
        warnings.append("one of the two KPIs does not vary here, so no correlation exists")
    n_eff = float(n)
    if "n_eff" in prep.applied:
        n_eff = effective_n(xs, ys)
    if "volume_weights" in prep.applied:
        kish = float(wv.sum() ** 2 / np.sum(wv * wv))
        n_eff = max(3.0, n_eff * kish / n)
    lo, hi = _fisher_ci(r, n_eff, k, method)
    p = _t_pvalue(r, n_eff, k)
    if n_periods < MIN_PERIODS:
        warnings.append(f"only {n_periods} periods: fragile, read as a hint")
    return _PairStats(
        r=r,
        ci_low=lo,
        ci_high=hi,
        p_value=p,
        n=n_periods,
        n_eff=n_eff,
        x=xs,
        y=ys,
        w=wv,
        index=both.index,
        partial=k > prep.n_removed,
        warnings=tuple(warnings),
        k=k,
    )


def _n_periods(prep: _Prepared, x: str, y: str) -> int:
    return int((prep.raw[x].notna() & prep.raw[y].notna()).sum())


def _guards_text(prep: _Prepared, partial: bool) -> str:
    parts = [_GUARD_SHORT[g] for g in prep.applied if g != "partial_volume"]
    if partial:
        parts.append(f"partial on {prep.volume_name}")
    text = "; ".join(parts) if parts else "none (levels)"
    return text


def _check_method(method: str) -> str:
    m = str(method).lower()
    if m not in ("pearson", "spearman"):
        raise AnalysisError(f"Unknown method '{method}': use 'pearson' or 'spearman'.")
    return m


# ----------------------------------------------------------------------------------------------
# Public API
# ----------------------------------------------------------------------------------------------


def correlation_table(
    frame: pd.DataFrame,
    kpis: Sequence[str] | None = None,
    *,
    method: Method = "spearman",
    guards: bool | Guards | Iterable[str] = True,
    weights: pd.DataFrame | str | None = None,
    volume: str | pd.Series | None = None,
    weekdays_only: bool = False,
    alpha: float = 0.05,
) -> pd.DataFrame:
    """Correlation of every pair of KPIs, guarded against spurious links, BH-adjusted.

    Parameters
    ----------
    frame : wide KPI frame: a ``date`` column (or DatetimeIndex) and one column per KPI id, as
        ``KpiTable.wide()``. Without dates the rows are entities (agents, queues): only the
        volume guards apply.
    kpis : KPI columns to correlate (default: every numeric column).
    method : "spearman" (rank, robust to outliers) or "pearson".
    guards : True (all guards, the default), False (plain correlation of levels), a ``Guards``
        or an iterable of guard names (see ``GUARD_TEXT``).
    weights : per-KPI volumes (denominators) with the same ``date`` column (``wide_from_table``),
        or the name of one column of ``frame`` used for every KPI. Count KPIs are never weighted.
    volume : the contact-volume column name or series for the partial-correlation guard
        (default: the ``contacts`` column when present; pairs involving it are not partialled).
    weekdays_only : drop Saturdays and Sundays first.
    alpha : significance level applied to ``p_adj``.

    Returns
    -------
    pandas.DataFrame
        One row per pair: ``kpi_x, kpi_y, r, ci_low, ci_high`` (95% Fisher-z interval using
        ``n_eff``), ``p_value`` (t test on ``n_eff - 2 - k`` df, k = 1 when partialled),
        ``p_adj`` (Benjamini-Hochberg over the pairs), ``n`` (periods with both KPIs),
        ``n_eff`` (effective independent periods), ``significant`` (``p_adj < alpha``),
        ``method``, ``guards`` (what was applied), ``filter``, ``warning`` (empty when none).
    """
    m = _check_method(method)
    g = Guards.coerce(guards)
    prep, chosen = _prepare(frame, kpis, g, weights, volume, weekdays_only)
    rows = []
    for i, x in enumerate(chosen):
        for y in chosen[i + 1 :]:
            ps = _pair_stats(prep, x, y, m, g, _n_periods(prep, x, y))
            rows.append(
                {
                    "kpi_x": x,
                    "kpi_y": y,
                    "r": ps.r,
                    "ci_low": ps.ci_low,
                    "ci_high": ps.ci_high,
                    "p_value": ps.p_value,
                    "n": ps.n,
                    "n_eff": ps.n_eff,
                    "method": m,
                    "guards": _guards_text(prep, ps.partial),
                    "filter": prep.filter_text,
                    "warning": "; ".join(ps.warnings),
                }
            )
    out = pd.DataFrame(rows)
    p = out["p_value"].to_numpy(dtype=float)
    ok = np.isfinite(p)
    p_adj = np.full(len(p), np.nan)
    if ok.any():
        # statsmodels' default is Holm-Sidak; the false-discovery rate is what a matrix needs.
        p_adj[ok] = multipletests(p[ok], alpha=alpha, method="fdr_bh")[1]
    out.insert(out.columns.get_loc("p_value") + 1, "p_adj", p_adj)
    out.insert(
        out.columns.get_loc("n_eff") + 1, "significant", np.nan_to_num(p_adj, nan=1.0) < alpha
    )
    return out


@dataclass(frozen=True, eq=False, slots=True)
class PairResult:
    """One pair of KPIs examined closely (``pair_analysis``).

    Attributes
    ----------
    kpi_x, kpi_y : the KPI ids. method : "pearson" or "spearman".
    r, ci_low, ci_high : the correlation and its 95% Fisher-z interval (using ``n_eff``).
    p_value : two-sided. n : periods (or entities) with both values. n_eff : effective n.
    slope, intercept : least-squares line of the plotted y on the plotted x.
    guards : what was applied, in words. filter : which periods were used.
    adjusted : True when the plotted values are the guarded (cleaned) ones, not the raw levels.
    points : one row per period/entity: ``label, x, y`` (raw), ``x_plot, y_plot`` (what is
        plotted and correlated), ``weight``.
    line : the fitted line with its 95% band: ``x, fit, fit_low, fit_high``.
    summary : one plain-language sentence. warnings : caveats.
    """

    kpi_x: str
    kpi_y: str
    method: str
    r: float
    ci_low: float
    ci_high: float
    p_value: float
    n: int
    n_eff: float
    slope: float
    intercept: float
    guards: str
    filter: str
    adjusted: bool
    points: pd.DataFrame
    line: pd.DataFrame
    summary: str
    warnings: tuple[str, ...] = ()

    def to_frame(self) -> pd.DataFrame:
        """One tidy row: ``kpi_x, kpi_y, r, ci_low, ci_high, p_value, n, n_eff, slope,
        intercept, method, guards, filter, summary``."""
        cols = [
            "kpi_x",
            "kpi_y",
            "r",
            "ci_low",
            "ci_high",
            "p_value",
            "n",
            "n_eff",
            "slope",
            "intercept",
            "method",
            "guards",
            "filter",
            "summary",
        ]
        return pd.DataFrame([{c: getattr(self, c) for c in cols}])


def _strength(r: float) -> str:
    a = abs(r)
    if a < 0.1:
        return "no"
    if a < 0.3:
        return "a weak"
    if a < 0.5:
        return "a moderate"
    return "a strong"


def _pair_sentence(x: str, y: str, r: float, lo: float, hi: float, p: float, unit: str) -> str:
    if not math.isfinite(r):
        return f"{kpi_name(x)} and {kpi_name(y)} cannot be correlated on this data."
    direction = "rise together" if r > 0 else "move in opposite directions"
    sig = math.isfinite(p) and p < 0.05
    ci = f"r = {r:+.2f}, 95% CI {lo:+.2f} to {hi:+.2f}" if math.isfinite(lo) else f"r = {r:+.2f}"
    if sig:
        return (
            f"{kpi_name(x)} and {kpi_name(y)} {direction} ({_strength(r)} link across {unit}, "
            f"{ci}); this is an association, not proof that one drives the other."
        )
    return (
        f"No reliable link between {kpi_name(x)} and {kpi_name(y)} across {unit} "
        f"({ci}, p = {p:.2f}): what moves together here could be chance."
    )


def pair_analysis(  # noqa: C901, PLR0915 -- ratchet (#17): split or fix pending
    frame: pd.DataFrame,
    x: str,
    y: str,
    *,
    method: Method = "pearson",
    guards: bool | Guards | Iterable[str] = True,
    weights: pd.DataFrame | str | None = None,
    volume: str | pd.Series | None = None,
    weekdays_only: bool = False,
    label: str | None = None,
) -> PairResult:
    """Examine one pair: the correlation with its CI, the points and a regression line with band.

    Parameters
    ----------
    frame : wide KPI frame with ``date`` (points are periods) or one row per entity (agents,
        queues: give the entity column as ``label``).
    x, y : KPI ids. method, guards, weights, volume, weekdays_only : as ``correlation_table``.
    label : column naming each point (default: the date, else the first text column, else the
        row index).

    Returns
    -------
    PairResult
        ``points`` columns ``label, x, y, x_plot, y_plot, weight``; ``line`` columns
        ``x, fit, fit_low, fit_high``. With guards on and dates, the plotted values are the
        cleaned ones (weekday, trend and carry-over removed; ``adjusted`` is True).
    """
    m = _check_method(method)
    if x == y:
        raise AnalysisError("Pick two different KPIs.")
    g = Guards.coerce(guards)
    base = frame
    if label is not None and label in frame.columns and _date_index(frame) is None:
        base = frame.set_index(label)
        if isinstance(weights, pd.DataFrame) and label in weights.columns:
            weights = weights.set_index(label)
    prep, _ = _prepare(base, [x, y], g, weights, volume, weekdays_only)
    ps = _pair_stats(prep, x, y, "pearson", g, _n_periods(prep, x, y))
    r_stats = ps if m == "pearson" else _pair_stats(prep, x, y, m, g, ps.n)
    adjusted = prep.is_time and bool({"detrend", "prewhiten"} & set(prep.applied)) or ps.partial

    if prep.is_time:
        labels = pd.Series(prep.raw.index.strftime("%Y-%m-%d"), index=prep.raw.index)
    elif label is not None and label not in frame.columns and label != base.index.name:
        raise AnalysisError(f"Label column '{label}' is not in the table.")
    else:
        if label is None:
            text_cols = [c for c in frame.columns if c not in _numeric_columns(frame)]
            if text_cols:
                prep_labels = frame[text_cols[0]].astype(str)
                labels = pd.Series(prep_labels.to_numpy(), index=prep.raw.index)
            else:
                labels = pd.Series(prep.raw.index.astype(str), index=prep.raw.index)
        else:
            labels = pd.Series(prep.raw.index.astype(str), index=prep.raw.index)
    idx = ps.index
    points = pd.DataFrame(
        {
            "label": labels.reindex(idx).astype(str).to_numpy(),
            "x": prep.raw[x].reindex(idx).to_numpy(dtype=float),
            "y": prep.raw[y].reindex(idx).to_numpy(dtype=float),
        }
    )
    if len(idx):
        # Plotted values are the series that were correlated, re-centred on the raw means so the
        # axes stay in the KPI's unit.
        xp = ps.x + (np.nanmean(points["x"]) if adjusted else 0.0)
        yp = ps.y + (np.nanmean(points["y"]) if adjusted else 0.0)
        if not adjusted:
            xp, yp = points["x"].to_numpy(), points["y"].to_numpy()
        points = points.assign(x_plot=xp, y_plot=yp, weight=ps.w)
    else:
        points = points.assign(x_plot=np.nan, y_plot=np.nan, weight=np.nan)

    slope = intercept = math.nan
    line = pd.DataFrame(columns=["x", "fit", "fit_low", "fit_high"], dtype=float)
    if len(points) >= 3 and np.ptp(points["x_plot"]) > 0:
        xv, yv, wv = (points[c].to_numpy(dtype=float) for c in ("x_plot", "y_plot", "weight"))
        xm, ym = np.sum(wv * xv) / wv.sum(), np.sum(wv * yv) / wv.sum()
        sxx = float(np.sum(wv * (xv - xm) ** 2))
        slope = float(np.sum(wv * (xv - xm) * (yv - ym)) / sxx)
        intercept = float(ym - slope * xm)
        resid = yv - (intercept + slope * xv)
        n_use = max(ps.n_eff, 3.0) if math.isfinite(ps.n_eff) else float(len(xv))
        # Residual variance on the effective number of periods, so the band is not too narrow
        # when neighbouring days are alike.
        s2 = float(np.sum(wv * resid**2) / wv.sum()) * len(xv) / max(n_use - 2, 1.0)
        grid = np.linspace(xv.min(), xv.max(), 50)
        se = np.sqrt(s2 * (1 / n_use + (grid - xm) ** 2 / (sxx / wv.sum() * n_use)))
        tcrit = float(stats.t.ppf(0.975, max(n_use - 2, 1.0)))
        fit = intercept + slope * grid
        line = pd.DataFrame(
            {"x": grid, "fit": fit, "fit_low": fit - tcrit * se, "fit_high": fit + tcrit * se}
        )

    unit = "periods" if prep.is_time else "points"
    warnings = list(r_stats.warnings) + list(prep.notes)
    summary = _pair_sentence(
        x, y, r_stats.r, r_stats.ci_low, r_stats.ci_high, r_stats.p_value, unit
    )
    return PairResult(
        kpi_x=x,
        kpi_y=y,
        method=m,
        r=float(r_stats.r),
        ci_low=float(r_stats.ci_low),
        ci_high=float(r_stats.ci_high),
        p_value=float(r_stats.p_value),
        n=int(r_stats.n),
        n_eff=float(r_stats.n_eff),
        slope=float(slope),
        intercept=float(intercept),
        guards=_guards_text(prep, ps.partial),
        filter=prep.filter_text,
        adjusted=bool(adjusted),
        points=points,
        line=line,
        summary=summary,
        warnings=tuple(warnings),
    )


def rolling_correlation(
    frame: pd.DataFrame,
    x: str,
    y: str,
    *,
    window: int = 28,
    method: Method = "pearson",
    guards: bool | Guards | Iterable[str] = True,
    weights: pd.DataFrame | str | None = None,
    volume: str | pd.Series | None = None,
    weekdays_only: bool = False,
) -> pd.DataFrame:
    """Correlation of two KPIs in a moving window, to see whether the relationship changed.

    The series are cleaned once over the whole range (as ``correlation_table``), then correlated
    window by window; each window's interval uses its own effective sample size.

    Returns
    -------
    pandas.DataFrame
        One row per window end: ``date`` (last period of the window), ``r``, ``ci_low``,
        ``ci_high``, ``n`` (periods in the window), ``n_eff``.
    """
    m = _check_method(method)
    if window < 5:
        raise AnalysisError("The rolling window needs at least 5 periods.")
    g = Guards.coerce(guards)
    prep, _ = _prepare(frame, [x, y], g, weights, volume, weekdays_only)
    if not prep.is_time:
        raise AnalysisError("A rolling correlation needs a table with dates.")
    ps = _pair_stats(prep, x, y, "pearson", g, _n_periods(prep, x, y))
    cols = ["date", "r", "ci_low", "ci_high", "n", "n_eff"]
    if len(ps.x) < window:
        return pd.DataFrame(columns=cols)
    xs, ys, ws = ps.x, ps.y, ps.w
    rows = []
    for end in range(window, len(xs) + 1):
        sl = slice(end - window, end)
        a, b, w = xs[sl], ys[sl], ws[sl]
        if m == "spearman":
            a, b = _rank(a), _rank(b)
        r = _wcorr(a, b, w)
        ne = effective_n(a, b) if "n_eff" in prep.applied else float(window)
        lo, hi = _fisher_ci(r, ne, ps.k, m)
        rows.append((ps.index[end - 1], r, lo, hi, window, ne))
    return pd.DataFrame(rows, columns=cols)


# ----------------------------------------------------------------------------------------------
# From a KpiTable
# ----------------------------------------------------------------------------------------------


def wide_from_table(
    table: Any, segment: Mapping[str, Any] | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Values and volumes (denominators) of a ``KpiTable`` as two wide frames.

    Parameters
    ----------
    table : a ``kpi.engine.KpiTable`` (or its tidy ``frame``: ``period, <by...>, kpi, value,
        numerator, denominator``).
    segment : e.g. ``{"queue": "Tech Support"}`` when the table was computed ``by`` a segment.

    Returns
    -------
    (values, volumes) : each with a ``date`` column and one column per KPI id; pass ``values``
        as ``frame`` and ``volumes`` as ``weights`` to ``correlation_table``.
    """
    tidy = table.frame if hasattr(table, "frame") else table
    if not isinstance(tidy, pd.DataFrame) or not {"period", "kpi", "value"} <= set(tidy.columns):
        raise AnalysisError("Expected a KPI table with 'period', 'kpi' and 'value' columns.")
    sel = tidy
    for col, val in (segment or {}).items():
        if col not in sel.columns:
            raise AnalysisError(f"The KPI table has no '{col}' segment: compute it by '{col}'.")
        sel = sel[sel[col].astype(str) == str(val)]
    if sel.empty:
        raise AnalysisError(f"No KPI values for segment {dict(segment or {})}.")
    by = [c for c in getattr(table, "by", ()) or () if c not in (segment or {})]
    if by and sel[by].drop_duplicates().shape[0] > 1:
        raise AnalysisError(f"The table is split by {by}: pick one segment value.")

    def pivot(col: str) -> pd.DataFrame:
        wide = sel.pivot_table(
            index="period", columns="kpi", values=col, aggfunc="first", sort=True
        )
        wide = wide.apply(_as_float)
        wide.columns = [str(c) for c in wide.columns]
        wide = wide[sorted(wide.columns, key=_registry_rank)]
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
        by = tb[0]
    if not isinstance(tidy, pd.DataFrame) or by not in tidy.columns:
        raise AnalysisError(f"The KPI table has no '{by}' column: compute it by '{by}'.")
    sel = tidy[tidy[by].notna()]
    if sel.empty:
        raise AnalysisError(f"No KPI values per {by}.")

    def pivot(col: str) -> pd.DataFrame:
        wide = sel.pivot_table(index=by, columns="kpi", values=col, aggfunc="first", sort=True)
        wide = wide.apply(_as_float)
        wide.columns = [str(c) for c in wide.columns]
        wide = wide.rename_axis(None, axis=1).reset_index()
        return wide.assign(**{by: wide[by].astype(str)})

    return pivot("value"), pivot("denominator")


def segment_choices(
    frame: pd.DataFrame, columns: Sequence[str] = ("queue", "channel", "team")
) -> dict[str, dict[str, str] | None]:
    """Segments a user can pick, as display label -> segment dict (None = the whole centre)."""
    out: dict[str, dict[str, str] | None] = {"Whole centre": None}
    for col in columns:
        if col not in frame.columns:
            continue
        values = sorted(str(v) for v in frame[col].dropna().unique().tolist() if str(v))
        if 1 < len(values) <= 50:
            for v in values:
                out[f"{col.replace('_', ' ').capitalize()}: {v}"] = {col: v}
    return out


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
            "p (adjusted)": table["p_adj"].map(lambda p: f"{p:.3g}" if math.isfinite(p) else "n/a"),
            "significant": table["significant"].map({True: "yes", False: "no"}),
            "periods": table["n"].astype(int),
            "effective periods": table["n_eff"].round(0),
            "warning": table["warning"],
        }
    )


# ----------------------------------------------------------------------------------------------
# Balance view (efficiency vs experience), with empirical-Bayes shrinkage
# ----------------------------------------------------------------------------------------------

_WORDS: dict[str, tuple[str, str]] = {
    "aht": ("fast", "slow"),
    "talk_time": ("short talks", "long talks"),
    "hold_time": ("little hold", "long holds"),
    "acw_time": ("quick wrap-up", "slow wrap-up"),
    "fcr": ("resolving", "not resolving"),
    "csat": ("satisfying", "not satisfying"),
    "csat_top2": ("satisfying", "not satisfying"),
    "nps": ("promoting", "not promoting"),
    "ces": ("low effort", "high effort"),
    "transfer_rate": ("few transfers", "many transfers"),
    "escalation_rate": ("few escalations", "many escalations"),
    "repeat_contact_rate": ("few repeats", "many repeats"),
}
_GAMING_NOTE = " (possible rushing or transfer gaming)"
_ENTITY_WORDS = {"agent_id": "agents", "team": "teams", "queue": "queues", "channel": "channels"}


def _words(kpi: str) -> tuple[str, str]:
    if kpi in _WORDS:
        return _WORDS[kpi]
    name = kpi_name(kpi)
    return f"better {name}", f"worse {name}"


def quadrant_labels(kpi_x: str, kpi_y: str) -> dict[tuple[bool, bool], str]:
    """Quadrant names keyed by (x is better than the centre, y is better than the centre)."""
    gx, bx = _words(kpi_x)
    gy, by_ = _words(kpi_y)
    speed = {k for k in (kpi_x, kpi_y) if _kpi_unit(k) == "seconds" or k in ("aht", "talk_time")}
    out = {}
    for good_x in (True, False):
        for good_y in (True, False):
            text = f"{gx if good_x else bx} and {gy if good_y else by_}"
            text = text[0].upper() + text[1:]
            fast_axis_good = (kpi_x in speed and good_x) or (kpi_y in speed and good_y)
            other_bad = (kpi_x in speed and not good_y) or (kpi_y in speed and not good_x)
            if speed and fast_axis_good and other_bad and good_x != good_y:
                text += _GAMING_NOTE
            out[(good_x, good_y)] = text
    return out


def _beta_binomial_prior(k: np.ndarray, n: np.ndarray) -> tuple[float, float]:
    """Beta prior (alpha, beta) by maximum marginal likelihood of the beta-binomial."""
    mu = float(k.sum() / n.sum())
    mu = min(max(mu, 1e-6), 1 - 1e-6)
    if len(k) < 3:
        return mu * 1e6, (1 - mu) * 1e6

    def nll(theta: np.ndarray) -> float:
        m = special.expit(theta[0])
        s = math.exp(theta[1])
        a, b = m * s, (1 - m) * s
        return -float(np.sum(special.betaln(k + a, n - k + b) - special.betaln(a, b)))

    best = None
    for s0 in (2.0, 20.0, 200.0, 2000.0):
        res = optimize.minimize(
            nll,
            np.array([special.logit(mu), math.log(s0)]),
            method="L-BFGS-B",
            bounds=[(-12, 12), (math.log(0.5), math.log(1e6))],
        )
        if best is None or res.fun < best.fun:
            best = res
    m = float(special.expit(best.x[0]))
    s = float(math.exp(best.x[1]))
    return m * s, (1 - m) * s


def _shrink_rate(sub: pd.DataFrame) -> pd.DataFrame:
    k = sub["numerator"].to_numpy(dtype=float)
    n = sub["denominator"].to_numpy(dtype=float)
    a, b = _beta_binomial_prior(k, n)
    pa, pb = k + a, n - k + b
    return pd.DataFrame(
        {
            "shrunk": pa / (pa + pb),
            "low": stats.beta.ppf(0.025, pa, pb),
            "high": stats.beta.ppf(0.975, pa, pb),
            "weight_own": n / (n + a + b),
        },
        index=sub.index,
    )


def _shrink_mean(sub: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    notes: list[str] = []
    m = sub["value"].to_numpy(dtype=float)
    n = sub["denominator"].to_numpy(dtype=float)
    se = np.full(len(m), np.nan)
    if {"ci_low", "ci_high"} <= set(sub.columns):
        se = (sub["ci_high"].to_numpy(dtype=float) - sub["ci_low"].to_numpy(dtype=float)) / (
            2 * _Z975
        )
    bad = ~np.isfinite(se) | (se <= 0)
    if bad.any():
        # No interval from the engine: assume a spread equal to the mean (durations are roughly
        # exponential), i.e. SE = mean / sqrt(n).
        centre = float(np.sum(m * n) / np.sum(n))
        se[bad] = abs(centre) / np.sqrt(np.maximum(n[bad], 1.0))
        notes.append("some agents had no interval, so a spread equal to the mean was assumed")
    v = se**2
    w = 1 / v
    mw = float(np.sum(w * m) / np.sum(w))
    q = float(np.sum(w * (m - mw) ** 2))
    c = float(np.sum(w) - np.sum(w * w) / np.sum(w))
    # DerSimonian-Laird between-agent variance.
    tau2 = max(0.0, (q - (len(m) - 1)) / c) if c > 0 and len(m) > 1 else 0.0
    wt = 1 / (v + tau2)
    mu = float(np.sum(wt * m) / np.sum(wt))
    b = tau2 / (tau2 + v) if tau2 > 0 else np.zeros(len(m))
    shrunk = mu + b * (m - mu)
    post_sd = np.sqrt(b * v)
    return (
        pd.DataFrame(
            {
                "shrunk": shrunk,
                "low": shrunk - _Z975 * post_sd,
                "high": shrunk + _Z975 * post_sd,
                "weight_own": b,
            },
            index=sub.index,
        ),
        notes,
    )


@dataclass(frozen=True, eq=False, slots=True)
class BalanceResult:
    """Agents (or teams) placed on an efficiency KPI vs an experience KPI (``balance_table``).

    Attributes
    ----------
    kpi_x, kpi_y : the KPI ids (x: efficiency, y: experience). by : the entity column.
    x_center, y_center : the centre's pooled values (sum of numerators / sum of denominators):
        the quadrant boundaries.
    n_entities : entities placed. r : volume-weighted correlation of the shrunk values.
    table : one row per entity: ``entity, n_x, n_y, x_raw, y_raw, x_shrunk, y_shrunk, x_low,
        x_high, y_low, y_high, x_weight_own, y_weight_own, quadrant, clear`` (``clear``: both
        95% posterior intervals exclude the centre).
    quadrants : the four labels keyed by (x better, y better).
    summary : one sentence. warnings : caveats.
    """

    kpi_x: str
    kpi_y: str
    by: str
    x_center: float
    y_center: float
    n_entities: int
    r: float
    table: pd.DataFrame
    quadrants: dict[tuple[bool, bool], str]
    summary: str
    warnings: tuple[str, ...] = ()

    def to_frame(self) -> pd.DataFrame:
        """The entity table with ``kpi_x, kpi_y`` columns added (tidy, ready to pin)."""
        return self.table.assign(kpi_x=self.kpi_x, kpi_y=self.kpi_y)


def balance_table(  # noqa: C901, PLR0915 -- ratchet (#17): split or fix pending
    table: Any,
    x: str = "aht",
    y: str = "fcr",
    *,
    by: str | None = None,
    min_volume: int = 1,
) -> BalanceResult:
    """Place agents (or teams) on an efficiency vs experience plane, small samples shrunk.

    Small-sample agents are pulled toward the centre by empirical Bayes, so a 12-contact agent is
    not flagged as the worst: rates (unit "rate") with a beta-binomial prior fitted by maximum
    marginal likelihood; means (seconds, scores) with a normal-normal model whose between-agent
    variance is the DerSimonian-Laird estimate and whose within-agent SE comes from the engine's
    interval.

    Parameters
    ----------
    table : ``engine.compute(data, grain="all", by=["agent_id"])`` (a ``KpiTable``) or its tidy
        frame: ``<by>, kpi, value, numerator, denominator[, ci_low, ci_high]``.
    x, y : KPI ids (e.g. "aht" and "fcr", "aht" and "csat", "transfer_rate" and "aht").
    by : the entity column (default: the table's single ``by`` column).
    min_volume : drop entities with a smaller denominator on either KPI.

    Returns
    -------
    BalanceResult
        ``table`` columns: ``entity, n_x, n_y, x_raw, y_raw, x_shrunk, y_shrunk, x_low, x_high,
        y_low, y_high, x_weight_own, y_weight_own, quadrant, clear``.
    """
    tidy = table.frame if hasattr(table, "frame") else table
    if not isinstance(tidy, pd.DataFrame) or not {"kpi", "value"} <= set(tidy.columns):
        raise AnalysisError("Expected a KPI table with 'kpi', 'value', 'numerator', 'denominator'.")
    if by is None:
        tb = tuple(getattr(table, "by", ()) or ())
        candidates = list(tb) or [
            c
            for c in tidy.columns
            if c not in {"period", "kpi", "value", "numerator", "denominator", "ci_low", "ci_high"}
        ]
        if len(candidates) != 1:
            raise AnalysisError("Say which column holds the agents or teams (by=...).")
        by = candidates[0]
    if by not in tidy.columns:
        raise AnalysisError(f"The KPI table has no '{by}' column: compute it by '{by}'.")
    if x == y:
        raise AnalysisError("Pick two different KPIs.")
    for k in (x, y):
        if k not in set(tidy["kpi"].astype(str)):
            raise AnalysisError(
                f"KPI '{k}' was not computed per {by}: it may need columns this data lacks."
            )
    if not {"numerator", "denominator"} <= set(tidy.columns):
        raise AnalysisError("The KPI table has no numerators/denominators to weigh agents by.")

    warnings: list[str] = []
    parts = {}
    centers = {}
    for k in (x, y):
        sub = tidy[(tidy["kpi"].astype(str) == k) & tidy[by].notna()].copy()
        sub = sub.assign(
            value=_as_float(sub["value"]),
            numerator=_as_float(sub["numerator"]),
            denominator=_as_float(sub["denominator"]),
        )
        sub = sub[np.isfinite(sub["value"]) & (sub["denominator"] > 0)]
        sub = sub.set_index(sub[by].astype(str))
        sub = sub[~sub.index.duplicated()]
        centers[k] = float(sub["numerator"].sum() / sub["denominator"].sum())
        parts[k] = sub
    common = parts[x].index.intersection(parts[y].index)
    keep = [
        e
        for e in common
        if parts[x].at[e, "denominator"] >= min_volume
        and parts[y].at[e, "denominator"] >= min_volume
    ]
    if len(keep) < 3:
        raise AnalysisError(
            f"Only {len(keep)} {by} values have both {kpi_name(x)} and {kpi_name(y)}: need at least 3."
        )
    out = pd.DataFrame(index=pd.Index(keep, name="entity"))
    for k, pre in ((x, "x"), (y, "y")):
        sub = parts[k].loc[keep]
        is_rate = _kpi_unit(k) == "rate" or (
            _kpi_unit(k) is None
            and bool(((sub["numerator"] <= sub["denominator"]) & (sub["numerator"] >= 0)).all())
            and bool(sub["value"].between(0, 1).all())
        )
        if is_rate:
            shr = _shrink_rate(sub)
        elif _kpi_unit(k) == "count":
            shr = pd.DataFrame(
                {
                    "shrunk": sub["value"],
                    "low": sub["value"],
                    "high": sub["value"],
                    "weight_own": 1.0,
                }
            )
        else:
            shr, notes = _shrink_mean(sub)
            warnings.extend(notes)
        out[f"n_{pre}"] = sub["denominator"].to_numpy()
        out[f"{pre}_raw"] = sub["value"].to_numpy()
        for c in ("shrunk", "low", "high"):
            out[f"{pre}_{c}"] = shr[c].to_numpy(dtype=float)
        out[f"{pre}_weight_own"] = np.asarray(shr["weight_own"], dtype=float)

    labels = quadrant_labels(x, y)
    cx, cy = centers[x], centers[y]

    def better(v: pd.Series, c: float, k: str) -> pd.Series:
        return v <= c if _kpi_better(k) == "lower" else v >= c

    gx = better(out["x_shrunk"], cx, x)
    gy = better(out["y_shrunk"], cy, y)
    out["quadrant"] = [labels[(bool(a), bool(b))] for a, b in zip(gx, gy, strict=True)]
    out["clear"] = ((out["x_low"] > cx) | (out["x_high"] < cx)) & (
        (out["y_low"] > cy) | (out["y_high"] < cy)
    )
    out = out.reset_index()
    w = np.sqrt(out["n_x"].to_numpy(float) * out["n_y"].to_numpy(float))
    r = _wcorr(out["x_shrunk"].to_numpy(float), out["y_shrunk"].to_numpy(float), w)
    flagged = [lab for lab in labels.values() if _GAMING_NOTE in lab]
    # The quadrant worth a manager's look: efficient but poor experience when the pair has one,
    # else worse on both.
    watch = flagged[0] if flagged else labels[(False, False)]
    risky = out[out["quadrant"] == watch]
    n_clear = int(risky["clear"].sum())
    raw_worst = out.loc[
        out["y_raw"].idxmin() if _kpi_better(y) == "higher" else out["y_raw"].idxmax()
    ]
    summary = (
        f"Of {len(out)} {_ENTITY_WORDS.get(by, by + ' values')}, {len(risky)} sit in "
        f"'{watch.split(' (')[0].lower()}' ({n_clear} clearly so after shrinking small samples "
        f"toward the centre); across them {kpi_name(x)} and {kpi_name(y)} correlate at "
        f"r = {r:+.2f}."
    )
    if raw_worst["n_y"] < np.median(out["n_y"]) / 2:
        warnings.append(
            f"{raw_worst['entity']} has the worst raw {kpi_name(y)} on only "
            f"{int(raw_worst['n_y'])} contacts; shrinkage moves it to "
            f"{raw_worst['y_shrunk']:.3g}."
        )
    if len(out) < 10:
        warnings.append(
            f"only {len(out)} {_ENTITY_WORDS.get(by, by + ' values')}: the quadrants are a rough guide"
        )
    return BalanceResult(
        kpi_x=x,
        kpi_y=y,
        by=by,
        x_center=cx,
        y_center=cy,
        n_entities=len(out),
        r=float(r),
        table=out,
        quadrants=labels,
        summary=summary,
        warnings=tuple(dict.fromkeys(warnings)),
    )

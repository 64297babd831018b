"""The statistics of one pair: weighted (partial) correlation, effective n, Fisher-z interval.

``n_eff = n / (1 + 2 sum_k (1 - k/n) rho_x(k) rho_y(k))`` (Bartlett 1935; Bayley & Hammersley
1946; lags up to n/5 as in Pyper & Peterman 1998, Can J Fish Aquat Sci 55:2127).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import stats

from kpi.analysis.relations.guards import GUARD_SHORT, MIN_PERIODS, Z975
from kpi.analysis.relations.prepare import Prepared

__all__ = [
    "PairStats",
    "effective_n",
    "fisher_ci",
    "guards_text",
    "n_periods",
    "pair_stats",
    "rank",
    "wcorr",
]


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


def rank(x: np.ndarray) -> np.ndarray:
    """Ranks (ties averaged), for Spearman."""
    return np.asarray(stats.rankdata(x), dtype=float)


def _wcenter(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    return x - np.sum(w * x) / np.sum(w)


def wcorr(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> float:
    """Weighted Pearson correlation (NaN when either series does not vary)."""
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
class PairStats:
    """The correlation of one pair and the series it was computed on."""

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


def fisher_ci(r: float, n_eff: float, k: int, method: str) -> tuple[float, float]:
    """95% Fisher-z interval of ``r`` on ``n_eff - 3 - k`` degrees of freedom."""
    dof = n_eff - 3 - k
    if not math.isfinite(r) or dof <= 0:
        return math.nan, math.nan
    if abs(r) >= 1.0:
        return r, r
    # Spearman: Bonett & Wright (2000) variance (1 + r^2/2) / (n - 3) of Fisher's z.
    var = (1 + r * r / 2) / dof if method == "spearman" else 1 / dof
    z = math.atanh(float(np.clip(r, -0.999999999, 0.999999999)))
    half = Z975 * math.sqrt(var)
    return math.tanh(z - half), math.tanh(z + half)


def _t_pvalue(r: float, n_eff: float, k: int) -> float:
    dof = n_eff - 2 - k
    if not math.isfinite(r) or dof <= 0:
        return math.nan
    if abs(r) >= 1:
        return 0.0
    t = r * math.sqrt(dof / (1 - r * r))
    return float(2 * stats.t.sf(abs(t), dof))


def _aligned(prep: Prepared, x: str, y: str) -> tuple[pd.DataFrame, pd.Series, bool]:
    """The pair's common periods (with the volume when partialled) and their weights."""
    both = pd.concat(
        [prep.values[x].rename("x"), prep.values[y].rename("y")], axis=1, join="inner"
    ).dropna()
    wx = prep.weights[x].reindex(both.index)
    wy = prep.weights[y].reindex(both.index)
    # A pair's weight: the harmonic combination 1/(1/w_x + 1/w_y), proportional to the inverse of
    # the summed sampling variances of the two values (each variance ~ 1/denominator).
    w = (1.0 / (1.0 / wx + 1.0 / wy)).fillna(0.0)
    use_partial = prep.volume is not None and prep.volume_name not in (x, y)
    if use_partial and prep.volume is not None:
        both = both.join(prep.volume.rename("v"), how="inner").dropna()
        w = w.reindex(both.index)
    keep = w > 0
    return both[keep], w[keep], use_partial


def pair_stats(prep: Prepared, x: str, y: str, method: str, n_periods: int) -> PairStats:
    """Correlation, interval and p-value of one pair under the guards ``prep`` applied."""
    both, w, use_partial = _aligned(prep, x, y)
    warnings: list[str] = []
    n = int(len(both))
    if n < 5:
        warnings.append(f"only {n_periods} periods in common: too few to correlate")
        empty = np.array([])
        nan = math.nan
        return PairStats(
            nan, nan, nan, nan, n_periods, nan, empty, empty, empty, both.index, use_partial,
            tuple(warnings),
        )  # fmt: skip
    wv = w.to_numpy(dtype=float)
    wv = wv / wv.mean()
    xs, ys = both["x"].to_numpy(dtype=float), both["y"].to_numpy(dtype=float)
    if method == "spearman":
        xs, ys = rank(xs), rank(ys)
    # Residuals of a regression on the same k regressors: a partial correlation on n - 2 - k df.
    k = prep.n_removed
    if use_partial:
        v = both["v"].to_numpy(dtype=float)
        v = rank(v) if method == "spearman" else v
        if np.ptp(v) > 0:
            xs, ys, k = _wresid(xs, v, wv), _wresid(ys, v, wv), k + 1
    r = wcorr(xs, ys, wv)
    if not math.isfinite(r):
        warnings.append("one of the two KPIs does not vary here, so no correlation exists")
    n_eff = effective_n(xs, ys) if "n_eff" in prep.applied else float(n)
    if "volume_weights" in prep.applied:
        kish = float(wv.sum() ** 2 / np.sum(wv * wv))
        n_eff = max(3.0, n_eff * kish / n)
    lo, hi = fisher_ci(r, n_eff, k, method)
    if n_periods < MIN_PERIODS:
        warnings.append(f"only {n_periods} periods: fragile, read as a hint")
    return PairStats(
        r=r,
        ci_low=lo,
        ci_high=hi,
        p_value=_t_pvalue(r, n_eff, k),
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


def n_periods(prep: Prepared, x: str, y: str) -> int:
    """Periods (or entities) where both KPIs have a value, before cleaning."""
    return int((prep.raw[x].notna() & prep.raw[y].notna()).sum())


def guards_text(prep: Prepared, partial: bool) -> str:
    """The guards applied to a pair, as a short list ("none (levels)" when none)."""
    parts = [GUARD_SHORT[g] for g in prep.applied if g != "partial_volume"]
    if partial:
        parts.append(f"partial on {prep.volume_name}")
    return "; ".join(parts) if parts else "none (levels)"

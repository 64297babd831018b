"""95% intervals of the engine's values, vectorised over the aggregated rows.

Wilson for rates, Student t for means, the multinomial variance of (p_promoters − p_detractors)
for NPS, the delta method for ratios of sums (occupancy) and a distribution-free interval from
the order statistics for quantiles.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import special  # not scipy.stats: ~0.45 s more to import on every cold page

from kpi.metrics import QUANTILE_FRACTIONS, quantile_grid

__all__ = [
    "CI_NAMES",
    "Z",
    "nps_interval",
    "quantile_interval",
    "ratio_interval",
    "t_interval",
    "wilson_interval",
]

Z = float(special.ndtri(0.975))  # = scipy.stats.norm.ppf(0.975)

#: The interval of each ``KpiDef.stat``, in words (hover text).
CI_NAMES: dict[str, str] = {
    "count": "none (a count)",
    "rate": "Wilson",
    "mean": "Student t",
    "ratio": "delta method",
    "nps": "normal, multinomial variance of promoters − detractors",
    "quantile": "distribution-free, from the order statistics",
}


def wilson_interval(
    num: np.ndarray | float, den: np.ndarray | float, z: float = Z
) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval for num/den (NaN where den <= 0)."""
    num = np.asarray(num, dtype="float64")
    den = np.asarray(den, dtype="float64")
    with np.errstate(invalid="ignore", divide="ignore"):
        p = num / den
        z2 = z * z
        centre = (p + z2 / (2 * den)) / (1 + z2 / den)
        half = z * np.sqrt(np.maximum(p * (1 - p), 0) / den + z2 / (4 * den * den)) / (1 + z2 / den)
    bad = ~(den > 0)
    lo = np.where(bad, np.nan, np.where(num <= 0, 0.0, np.clip(centre - half, 0, 1)))
    hi = np.where(bad, np.nan, np.where(num >= den, 1.0, np.clip(centre + half, 0, 1)))
    return lo, hi


def t_interval(total: np.ndarray, n: np.ndarray, ss: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = total / n
        var = np.maximum(ss - n * mean * mean, 0) / (n - 1)
        se = np.sqrt(var / n)
        t = special.stdtrit(np.maximum(n - 1, 1), 0.975)  # = scipy.stats.t.ppf
    ok = n > 1
    return np.where(ok, mean - t * se, np.nan), np.where(ok, mean + t * se, np.nan)


def nps_interval(prom: np.ndarray, det: np.ndarray, n: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    # NPS = p - d with (p, d) multinomial: Var = (p + d - (p - d)^2) / n.
    with np.errstate(invalid="ignore", divide="ignore"):
        p, d = prom / n, det / n
        est = p - d
        se = np.sqrt(np.maximum(p + d - est * est, 0) / n)
    ok = n > 0
    lo = np.where(ok, np.clip(est - Z * se, -1, 1) * 100, np.nan)
    hi = np.where(ok, np.clip(est + Z * se, -1, 1) * 100, np.nan)
    return lo, hi


def quantile_interval(
    grids: pd.Series, n: np.ndarray, p: float, z: float = 1.959963984540054
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(quantile, low, high) per row from quantiles evaluated at ``QUANTILE_FRACTIONS``.

    The distribution-free 95% interval of the p-quantile of n values runs between the order
    statistics at ranks n p -/+ z sqrt(n p (1 - p)), i.e. the quantiles at fractions
    p -/+ z sqrt(p (1 - p) / n) (normal approximation to the binomial), read off the grid by
    linear interpolation. Where those fractions leave the grid (a handful of contacts) or
    n < 10, the interval is left empty (NaN) rather than guessed.
    """
    fr = np.asarray(QUANTILE_FRACTIONS)
    near = np.asarray(quantile_grid(p))  # the interval is read inside p's own grid
    value = np.full(len(n), np.nan)
    lo = np.full(len(n), np.nan)
    hi = np.full(len(n), np.nan)
    at = int(np.argmin(np.abs(fr - p)))
    for i, (g, m) in enumerate(zip(grids, n, strict=True)):
        if g is None or not np.isfinite(m) or m <= 0:
            continue
        q = np.asarray(g, dtype="float64")
        if len(q) != len(fr):  # pragma: no cover - the SQL always returns the whole grid
            continue
        value[i] = q[at]
        if m < 10:
            continue
        half = z * np.sqrt(p * (1 - p) / m)
        if p - half >= near[0] and p + half <= near[-1]:
            lo[i] = np.interp(p - half, fr, q)
            hi[i] = np.interp(p + half, fr, q)
    return value, lo, hi


def ratio_interval(
    y: np.ndarray, x: np.ndarray, n: np.ndarray, yy: np.ndarray, xx: np.ndarray, xy: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    # Ratio estimator R = sum y / sum x; Var(R) ~ sum (y - R x)^2 / ((n - 1) n xbar^2).
    with np.errstate(invalid="ignore", divide="ignore"):
        r = y / x
        resid = np.maximum(yy - 2 * r * xy + r * r * xx, 0)
        xbar = x / n
        se = np.sqrt(resid / (n - 1) / n) / xbar
    ok = n > 1
    return (
        np.where(ok, np.clip(r - Z * se, 0, 1), np.nan),
        np.where(ok, np.clip(r + Z * se, 0, 1), np.nan),
    )

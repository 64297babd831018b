"""Interrupted time series on counts (e.g. monthly events with an exposure): quasi-Poisson."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import stats

from kpi.analysis.impact.results import CountItsResult
from kpi.errors import AnalysisError

__all__ = ["its_counts"]


def its_counts(
    counts: Sequence[float] | np.ndarray | pd.Series,
    post: Sequence[bool] | np.ndarray | pd.Series,
    *,
    offset: Sequence[float] | np.ndarray | pd.Series | None = None,
    time: Sequence[float] | np.ndarray | pd.Series | None = None,
    harmonics: int = 2,
    period: int = 12,
    rate_per: float = 1.0,
    alpha: float = 0.05,
) -> CountItsResult:
    """Interrupted time series on counts (e.g. monthly): quasi-Poisson GLM with an offset.

    Model: log E[count] = b0 + b1 time + b2 post + sum_k harmonic pairs(period) + log(offset),
    dispersion = Pearson chi^2/df (Lopez Bernal, Cummins & Gasparrini 2017, model 3). On the
    Sicily smoking-ban series it gives the published rate ratio 0.885 (0.839-0.933).

    Parameters
    ----------
    counts : event counts per period; post : True from the change on.
    offset : exposure (population, contacts...), not logged; time : 1..n by default.
    harmonics : number of sine/cosine pairs of ``period`` (0 = none).
    rate_per : scale of the naive rates (1e5 = per 100,000 of the exposure).
    """
    import statsmodels.api as sm

    y = np.asarray(counts, dtype=float)
    d = np.asarray(post, dtype=bool)
    n = len(y)
    if len(d) != n or n == 0:
        raise AnalysisError("Counts and the post-change flags must have the same length.")
    n_after = int(d.sum())
    n_before = n - n_after
    if min(n_before, n_after) < 3:
        raise AnalysisError("The count model needs at least 3 periods on each side of the change.")
    t = np.arange(1, n + 1, dtype=float) if time is None else np.asarray(time, dtype=float)
    exposure = np.ones(n) if offset is None else np.asarray(offset, dtype=float)
    if np.any(exposure <= 0) or np.any(y < 0):
        raise AnalysisError("Counts must be non-negative and the exposure positive.")
    cols = [np.ones(n), t, d.astype(float)]
    for k in range(1, harmonics + 1):
        cols += [np.sin(2 * np.pi * k * t / period), np.cos(2 * np.pi * k * t / period)]
    fit = sm.GLM(
        y, np.column_stack(cols), family=sm.families.Poisson(), offset=np.log(exposure)
    ).fit(scale="X2")
    b, se = float(fit.params[2]), float(fit.bse[2])
    z = float(stats.norm.ppf(1 - alpha / 2))
    rates = y / exposure * rate_per
    # Student's pooled t, as the reference analysis (p = 0.119 on Sicily; Welch gives 0.124).
    naive = stats.ttest_ind(rates[~d], rates[d])
    rr = math.exp(b)
    warns = []
    before, after = float(rates[~d].mean()), float(rates[d].mean())
    if (after > before and rr < 1) or (after < before and rr > 1):
        warns.append(
            "The plain before/after averages point the other way: the underlying trend and "
            "season, not the change, drive the raw difference."
        )
    return CountItsResult(
        rate_ratio=rr,
        ci_low=math.exp(b - z * se),
        ci_high=math.exp(b + z * se),
        p_value=float(fit.pvalues[2]),
        dispersion=float(fit.scale),
        naive_before=float(rates[~d].mean()),
        naive_after=float(rates[d].mean()),
        naive_p=float(naive.pvalue),
        n_before=n_before,
        n_after=n_after,
        method="quasi_poisson_its",
        alpha=float(alpha),
        warnings=tuple(warns),
    )

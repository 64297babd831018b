"""Segmented regression with AR(1) errors, shared by the ITS, the DiD and the power calculation.

Design columns: const, [trend], step, [slope change], [seasonal dummies of the grain]. The fit is
iterated Prais-Winsten FGLS (:func:`kpi.analysis.impact.models.fit_ar1_regression`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from kpi.analysis.impact.models import Ar1Fit, fit_ar1_regression
from kpi.analysis.impact.series import (
    EventLike,
    Grain,
    infer_grain,
    parse_events,
    seasonal_columns,
    time_index,
)
from kpi.analysis.impact.text import fmt_value
from kpi.errors import AnalysisError

__all__ = [
    "ItsFit",
    "chart_frame",
    "common_warnings",
    "design",
    "fit_its",
    "pooled_mean",
    "rtm_warning",
]


def design(
    index: pd.DatetimeIndex,
    change: pd.Timestamp,
    *,
    trend: bool,
    slope_change: bool,
    weekly: bool,
    grain: Grain | None = None,
) -> tuple[np.ndarray, list[str], np.ndarray]:
    """Columns const, [trend], step, [slope_change], [season...]; also the mask of the
    post-change columns. ``weekly`` switches the grain's seasonal terms on (day of week for a
    daily series); trend and slope are per week for daily and weekly series, per period of the
    grain otherwise."""
    g = grain or infer_grain(index)
    t = time_index(index, change, g)
    post = np.asarray(index >= change, dtype=float)
    cols: list[np.ndarray] = [np.ones(len(index))]
    names = ["const"]
    if trend:
        cols.append(t)
        names.append("trend")
    cols.append(post)
    names.append("step")
    if slope_change:
        cols.append(post * t)
        names.append("slope_change")
    if weekly:
        season, season_names = seasonal_columns(index, g)
        if g.name == "day":  # backwards-compatible names for the day of week
            season_names = [n.replace("season_", "dow_") for n in season_names]
        cols += season
        names += season_names
    x = np.column_stack(cols)
    is_change_col = np.array([n in ("step", "slope_change") for n in names])
    return x, names, is_change_col


@dataclass(frozen=True, slots=True)
class ItsFit:
    """A fitted segmented regression: the FGLS fit, the design with and without the change
    columns, and the average post-change effect with its standard error, p and t quantile."""

    fit: Ar1Fit
    x: np.ndarray
    x_cf: np.ndarray
    post: np.ndarray
    effect: float
    se: float
    p: float
    q: float


def fit_its(
    s: pd.Series,
    change: pd.Timestamp,
    *,
    alpha: float,
    trend: bool,
    slope_change: bool,
    weekly: bool,
    grain: Grain | None = None,
) -> ItsFit:
    """Fit the segmented regression; the effect is the average gap between the fitted line and
    the counterfactual (change columns set to zero) over the post period."""
    g = grain or infer_grain(pd.DatetimeIndex(s.index))
    x, _, is_change_col = design(
        pd.DatetimeIndex(s.index),
        change,
        trend=trend,
        slope_change=slope_change,
        weekly=weekly,
        grain=g,
    )
    if np.linalg.matrix_rank(x) < x.shape[1]:
        raise AnalysisError(
            f"The {g.unit} around the change are too few or too irregular to separate the change "
            "from the trend and season: pick another date or load a longer period."
        )
    fit = fit_ar1_regression(s.to_numpy(), x)
    if not fit.sigma2 > 0:
        raise AnalysisError("The series has no variation left to test a change against.")
    post = np.asarray(s.index >= change)
    x_cf = x.copy()
    x_cf[:, is_change_col] = 0.0
    contrast = (x[post] - x_cf[post]).mean(axis=0)
    effect, se = fit.contrast(contrast)
    tstat = effect / se if se > 0 else math.inf
    p = float(2.0 * stats.t.sf(abs(tstat), fit.df))
    q = float(stats.t.ppf(1.0 - alpha / 2.0, fit.df))
    return ItsFit(fit=fit, x=x, x_cf=x_cf, post=post, effect=effect, se=se, p=p, q=q)


def chart_frame(s: pd.Series, its: ItsFit) -> pd.DataFrame:
    """Columns ``date, observed, fitted, counterfactual, cf_low, cf_high, period``."""
    cf = its.x_cf @ its.fit.beta
    cf_se = np.sqrt(np.maximum(np.einsum("ij,jk,ik->i", its.x_cf, its.fit.cov, its.x_cf), 0.0))
    return pd.DataFrame(
        {
            "date": s.index,
            "observed": s.to_numpy(),
            "fitted": its.fit.fitted,
            "counterfactual": cf,
            "cf_low": cf - its.q * cf_se,
            "cf_high": cf + its.q * cf_se,
            "period": np.where(its.post, "after", "before"),
        }
    )


def pooled_mean(values: np.ndarray, weights: np.ndarray | None) -> float:
    """The mean, weighted by the denominators when known (a rate as a ratio of sums)."""
    if weights is None:
        return float(np.mean(values))
    return float(np.sum(values * weights) / np.sum(weights))


def common_warnings(
    s: pd.Series,
    change: pd.Timestamp,
    n_before: int,
    n_after: int,
    events: Sequence[EventLike],
    grain: Grain,
    *,
    segment: str = "",
    gaps: bool = True,
) -> list[str]:
    """Short periods (in the grain's words), skipped days, other pinned changes in the window."""
    out: list[str] = []
    if n_after < grain.good:
        out.append(
            f"Only {grain.word(n_after)} after the change: the test has little power and a real "
            f"effect may be missed; wait for at least {grain.word(grain.good)} of data."
        )
    if n_before < grain.good:
        out.append(
            f"Only {grain.word(n_before)} before the change: the baseline and its trend are "
            "uncertain."
        )
    if gaps and grain.name == "day":
        missing = (s.index[-1] - s.index[0]).days + 1 - len(s)
        if missing > 0:
            out.append(f"{missing} days in the window have no data and were skipped.")
    for date, label in parse_events(events, segment):
        if s.index[0] <= date <= s.index[-1] and date != change:
            out.append(
                f"Another change is pinned inside the window ({label}, {date:%Y-%m-%d}): its "
                "effect may be mixed into this estimate."
            )
    return out


def rtm_warning(
    s: pd.Series, change: pd.Timestamp, its: ItsFit, unit: str, grain: Grain
) -> str | None:
    """Warn when the change followed an unusually bad stretch (regression to the mean)."""
    pre = s[s.index < change]
    recent = pre.iloc[-(14 if grain.name == "day" else max(grain.minimum // 2, 2)) :]
    if len(pre) < 2 * len(recent):
        return None
    phi = min(max(its.fit.phi, 0.0), 0.95)
    marginal_sd = math.sqrt(its.fit.sigma2 / (1.0 - phi * phi))
    m = len(recent)
    se = marginal_sd * math.sqrt((1.0 + phi) / (1.0 - phi) / m)
    diff = float(recent.mean() - pre.mean())
    if se <= 0 or abs(diff) / se < 1.645 or np.sign(diff) == np.sign(its.effect):
        return None
    word = "high" if diff > 0 else "low"
    return (
        f"The {grain.word(m)} before the change were unusually {word} "
        f"({fmt_value(float(recent.mean()), unit)} against {fmt_value(float(pre.mean()), unit)} "
        "over the whole baseline, observed): part of the move may be regression to the mean — a "
        "change launched after a bad spell tends to look like it worked."
    )

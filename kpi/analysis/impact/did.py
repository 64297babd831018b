"""Difference-in-differences: the ITS model on treated minus one control, the 2x2 table and the
regression DiD (reference-style, for panel rows)."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import stats

from kpi.analysis.impact.models import fit_ar1_regression
from kpi.analysis.impact.results import DidRegressionResult, DidResult
from kpi.analysis.impact.segmented import chart_frame, common_warnings, fit_its, pooled_mean
from kpi.analysis.impact.series import (
    DateLike,
    EventLike,
    Grain,
    clean_series,
    infer_grain,
    seasonal_columns,
    split_checks,
    time_index,
    to_timestamp,
)
from kpi.analysis.impact.text import fmt_change, fmt_p, kpi_info
from kpi.errors import AnalysisError

__all__ = ["did_2x2", "did_its", "did_regression"]


# Length: a 30-field result, one keyword per line, after the two DiD checks.
def did_its(
    series: pd.Series,
    control: pd.Series,
    change: DateLike,
    *,
    alpha: float = 0.05,
    slope_change: bool = False,
    trend: bool = True,
    weekly: bool | None = None,
    weights: pd.Series | None = None,
    kpi: str = "",
    unit: str | None = None,
    segment: str = "",
    control_segment: str = "",
    events: Sequence[EventLike] = (),
) -> DidResult:
    """Difference-in-differences through the ITS model: treated minus control, so the shared
    trend and shocks cancel. The pre-period slope of the difference is tested (parallel
    trends), and the control's own shift at the date is tested too.

    Returns
    -------
    DidResult
        ``fitted`` is the ITS chart frame of the difference plus ``treated, control``.
    """
    info = kpi_info(kpi, unit)
    name = info.name if kpi else "the series"
    s = clean_series(series, name)
    c = clean_series(control, "control series")
    when = to_timestamp(change, "change date")
    common = s.index.intersection(c.index)
    if len(common) == 0:
        raise AnalysisError("The treated and control series share no dates: pick another control.")
    s_t, s_c = s.reindex(common), c.reindex(common)
    diff = s_t - s_c
    grain = infer_grain(pd.DatetimeIndex(common))
    seasonal = grain.season > 0 if weekly is None else weekly
    split_checks(s_t, when, name, grain)
    split_checks(s_c, when, "the control", grain)
    _, n_before, n_after = split_checks(diff, when, "the treated-minus-control difference", grain)
    its = fit_its(
        diff,
        when,
        alpha=alpha,
        trend=trend,
        slope_change=slope_change,
        weekly=seasonal,
        grain=grain,
    )
    w = None if weights is None else clean_series(weights, "weights").reindex(common).to_numpy()
    if w is not None and not np.isfinite(w).all():
        w = None
    value_after = pooled_mean(s_t.to_numpy()[its.post], None if w is None else w[its.post])
    warns = common_warnings(
        s_t, when, n_before, n_after, events, grain, segment=segment, gaps=seasonal
    )
    checks = _did_checks(s_c, diff, when, alpha=alpha, trend=trend, seasonal=seasonal, grain=grain)
    if checks["pretrend_p"] < 0.05:
        per = "week" if grain.name in ("day", "week") else grain.name
        warns.append(
            f"Before the change, {name} in the treated segment and the control did not move "
            f"in parallel (slope of the gap {fmt_change(checks['pretrend_slope'], info.unit)} per "
            f"{per}, {fmt_p(checks['pretrend_p'])}): the control may be a poor comparison."
        )
    if checks["control_p"] < alpha:
        warns.append(
            f"The control also shifted at the change date "
            f"({fmt_change(checks['control_effect'], info.unit)}, {fmt_p(checks['control_p'])}): "
            "something else changed at the same time, or the change reached the control too."
        )
    value_before = value_after - its.effect
    return DidResult(
        kpi=kpi,
        segment=segment,
        method="did_its_ar1",
        change=f"{when:%Y-%m-%d}",
        grain=grain.name,
        effect=float(its.effect),
        ci_low=float(its.effect - its.q * its.se),
        ci_high=float(its.effect + its.q * its.se),
        p_value=float(its.p),
        value_before=float(value_before),
        value_after=value_after,
        n_before=int(n_before),
        n_after=int(n_after),
        warnings=tuple(warns),
        unit=info.unit,
        alpha=float(alpha),
        relative_effect=float(its.effect / value_before) if value_before else math.nan,
        phi=float(its.fit.phi),
        mde=float((its.q + float(stats.t.ppf(0.8, its.fit.df))) * its.se),
        slope_change=slope_change,
        control_segment=control_segment,
        fitted=chart_frame(diff, its).assign(treated=s_t.to_numpy(), control=s_c.to_numpy()),
        **checks,
    )


def _did_checks(
    control: pd.Series,
    diff: pd.Series,
    change: pd.Timestamp,
    *,
    alpha: float,
    trend: bool,
    seasonal: bool,
    grain: Grain,
) -> dict[str, float]:
    """Parallel pre-trends (slope of the pre-period gap) and the control's own shift."""
    pre = diff[diff.index < change]
    pre_index = pd.DatetimeIndex(pre.index)
    cols = [np.ones(len(pre)), time_index(pre_index, change, grain)]
    if seasonal:
        cols += seasonal_columns(pre_index, grain)[0]
    fit = fit_ar1_regression(pre.to_numpy(), np.column_stack(cols))
    slope, se = float(fit.beta[1]), fit.se(1)
    pre_p = float(2.0 * stats.t.sf(abs(slope / se), fit.df)) if se > 0 else math.nan
    ctl = fit_its(
        control,
        change,
        alpha=alpha,
        trend=trend,
        slope_change=False,
        weekly=seasonal,
        grain=grain,
    )
    return {
        "pretrend_slope": slope,
        "pretrend_p": pre_p,
        "control_effect": ctl.effect,
        "control_p": ctl.p,
    }


def did_2x2(
    treated_before: Sequence[float] | np.ndarray | pd.Series,
    treated_after: Sequence[float] | np.ndarray | pd.Series,
    control_before: Sequence[float] | np.ndarray | pd.Series,
    control_after: Sequence[float] | np.ndarray | pd.Series,
    *,
    stat: str = "mean",
) -> float:
    """Classic 2x2 difference-in-differences: (T_after - T_before) - (C_after - C_before).

    ``stat`` ("mean" or "median") summarises each of the four cells.
    """
    if stat not in ("mean", "median"):
        raise AnalysisError("stat must be 'mean' or 'median'.")
    f = np.nanmedian if stat == "median" else np.nanmean
    cells = [
        np.asarray(v, dtype=float)
        for v in (treated_before, treated_after, control_before, control_after)
    ]
    if any(c.size == 0 or np.isnan(c).all() for c in cells):
        raise AnalysisError("Each of the four cells (treated/control x before/after) needs data.")
    tb, ta, cb, ca = (float(f(c)) for c in cells)
    return (ta - tb) - (ca - cb)


def did_regression(
    frame: pd.DataFrame,
    *,
    outcome: str,
    treated: str,
    post: str,
    time: str | None = None,
    alpha: float = 0.05,
    use_t: bool = True,
) -> DidRegressionResult:
    """Regression DiD: OLS ``outcome ~ treated * post [+ time]``; the effect is ``treated:post``.

    ``use_t=False`` gives normal-quantile intervals (as in the Mastering 'Metrics banks example:
    20.75, 13.65-27.85). With few rows prefer the default t intervals; with daily data prefer
    ``interrupted_time_series(..., control=...)``, which handles autocorrelated days.
    """
    import statsmodels.api as sm

    needed = [outcome, treated, post] + ([time] if time else [])
    missing = [c for c in needed if c not in frame.columns]
    if missing:
        raise AnalysisError(f"Missing column(s) {', '.join(missing)} for the DiD regression.")
    data = frame[needed].apply(pd.to_numeric, errors="coerce")
    dropped = int(data.isna().any(axis=1).sum())
    if dropped:
        raise AnalysisError(
            f"{dropped} row(s) have a missing or non-numeric {', '.join(needed)} value: fix or "
            "remove them first."
        )
    tr, po = data[treated].to_numpy(float), data[post].to_numpy(float)
    cols = {"const": np.ones(len(data)), "treated": tr, "post": po, "treated_post": tr * po}
    if time:
        cols["time"] = data[time].to_numpy(float)
    x = pd.DataFrame(cols)
    if len(data) <= x.shape[1] or np.linalg.matrix_rank(x.to_numpy()) < x.shape[1]:
        raise AnalysisError(
            "Too few rows, or no treated/control x before/after variation, for a DiD regression."
        )
    fit = sm.OLS(data[outcome].to_numpy(float), x).fit(use_t=use_t)
    effect, se = float(fit.params["treated_post"]), float(fit.bse["treated_post"])
    lo, hi = (float(v) for v in fit.conf_int(alpha=alpha).loc["treated_post"])
    return DidRegressionResult(
        effect=effect,
        ci_low=lo,
        ci_high=hi,
        p_value=float(fit.pvalues["treated_post"]),
        se=se,
        n=len(data),
        method="ols_did" + ("_trend" if time else ""),
        alpha=float(alpha),
    )

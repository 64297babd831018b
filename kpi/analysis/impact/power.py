"""Could this data show an effect at all? The minimum detectable effect of the ITS design."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from scipy import stats

from kpi.analysis.impact.models import ar1_covariance_of_beta, fit_ar1_regression
from kpi.analysis.impact.results import PowerResult
from kpi.analysis.impact.segmented import design
from kpi.analysis.impact.series import (
    DateLike,
    Grain,
    clean_series,
    infer_grain,
    seasonal_columns,
    time_index,
    to_timestamp,
)
from kpi.analysis.impact.text import fmt_change, kpi_info
from kpi.errors import AnalysisError

__all__ = ["minimum_detectable_effect"]

_LENGTHS = {"day": (14, 28, 42, 56, 84), "week": (8, 13, 26, 52), "month": (6, 12, 24)}


def _future(pre: pd.DatetimeIndex, when: pd.Timestamp, n: int, grain: Grain) -> pd.DatetimeIndex:
    freq = {"day": "D", "week": "7D", "month": "MS", "quarter": "QS", "year": "YS"}
    if grain.name in ("day", "week", "period"):
        step = pd.Timedelta(days=grain.days or 1.0)
        return pd.DatetimeIndex([when + i * step for i in range(n)])
    start = when if grain.name != "month" else when.to_period("M").to_timestamp()
    return pd.date_range(start, periods=n, freq=freq[grain.name])


# Length: a 19-line docstring and a 17-field result, one keyword per line.
def minimum_detectable_effect(
    series: pd.Series,
    change: DateLike | None = None,
    *,
    n_after: int | None = None,
    alpha: float = 0.05,
    power: float = 0.8,
    weekly: bool | None = None,
    kpi: str = "",
    unit: str | None = None,
) -> PowerResult:
    """Smallest level shift the interrupted time series could detect, accounting for AR(1).

    The pre-period is fitted with the ITS model's baseline (trend, season, AR(1) errors); the
    GLS variance of the step on a design with ``n_before`` + ``n_after`` periods then gives
    MDE = (t_{1-alpha/2} + t_{power}) x SE(step).

    Parameters
    ----------
    series : values at any grain; the periods before ``change`` (or all of them) are the baseline.
    change : the change date; ``n_after`` defaults to the periods of data after it.
    n_after : planned post-period length in periods of the grain (default: the grain's "good"
        length, 28 days).

    Returns
    -------
    PowerResult
        ``table`` has columns ``n_after, mde, mde_relative`` for a few usual lengths (14, 28, 42,
        56, 84 days) and the requested length.
    """
    info = kpi_info(kpi, unit)
    name = info.name if kpi else "the series"
    s = clean_series(series, name)
    grain = infer_grain(pd.DatetimeIndex(s.index))
    seasonal = grain.season > 0 if weekly is None else weekly
    if change is not None:
        when = to_timestamp(change, "change date")
        pre = s[s.index < when]
        if n_after is None:
            n_after = int((s.index >= when).sum())
    else:
        pre = s
        when = pre.index[-1] + pd.Timedelta(days=max(grain.days, 1.0))
    if n_after is None or n_after <= 0:
        n_after = grain.good
    if len(pre) < grain.minimum:
        raise AnalysisError(
            f"Only {grain.word(len(pre))} before the change: at least {grain.minimum} are needed "
            "to estimate the noise."
        )
    if float(np.ptp(pre.to_numpy())) == 0.0:
        raise AnalysisError(
            f"{name.capitalize()} is constant before the change, so its noise cannot be estimated."
        )
    pre_index = pd.DatetimeIndex(pre.index)
    cols = [np.ones(len(pre)), time_index(pre_index, when, grain)]
    if seasonal:
        cols += seasonal_columns(pre_index, grain)[0]
    base = fit_ar1_regression(pre.to_numpy(), np.column_stack(cols))
    mean_before = float(pre.mean())

    def mde_for(periods_after: int) -> tuple[float, float]:
        idx = pd.DatetimeIndex(pre_index.append(_future(pre_index, when, periods_after, grain)))
        x, names, _ = design(
            idx, when, trend=True, slope_change=False, weekly=seasonal, grain=grain
        )
        cov = ar1_covariance_of_beta(x, base.phi, base.sigma2)
        se = math.sqrt(cov[names.index("step"), names.index("step")])
        df = max(len(idx) - x.shape[1] - 1, 1)
        return (float(stats.t.ppf(1 - alpha / 2, df)) + float(stats.t.ppf(power, df))) * se, se

    mde, se = mde_for(n_after)
    lengths = sorted({*_LENGTHS.get(grain.name, (grain.minimum, grain.good)), int(n_after)})
    table = pd.DataFrame({"n_after": lengths, "mde": [mde_for(n)[0] for n in lengths]})
    table["mde_relative"] = table["mde"] / mean_before if mean_before else math.nan
    warns = []
    if n_after < grain.good:
        warns.append(
            f"The post period is short ({grain.word(n_after)}): only shifts of at least "
            f"{fmt_change(mde, info.unit, signed=False)} would reliably show; wait for "
            f"{grain.good}+ {grain.unit}."
        )
    if base.phi > 0.5:
        warns.append(
            f"Neighbouring {grain.unit} are strongly correlated (lag-1 autocorrelation "
            f"{base.phi:.2f}): each extra {grain.unit[:-1]} adds little information."
        )
    return PowerResult(
        kpi=kpi,
        mde=float(mde),
        mde_relative=float(mde / mean_before) if mean_before else math.nan,
        se=float(se),
        phi=float(base.phi),
        sigma=float(math.sqrt(base.sigma2)),
        mean_before=mean_before,
        n_before=len(pre),
        n_after=int(n_after),
        alpha=float(alpha),
        power=float(power),
        warnings=tuple(warns),
        unit=info.unit,
        grain=grain.name,
        table=table,
    )

"""The statistics of a lead-lag pair: preparation, stationarity, pre-whitening, cross-correlation,
Granger tests and the multiple-testing adjustment (plain arrays; private to the package)."""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from kpi.analysis.leadlag.results import MIN_PERIODS, GrangerResult, Stationarity
from kpi.errors import AnalysisError
from kpi.segment import Segment

__all__ = [
    "Pair",
    "as_wide",
    "bh",
    "ccf_p",
    "check_stationarity",
    "cross_correlation",
    "granger_test",
    "lag_cap",
    "prepare_pair",
    "prewhiten",
    "regular",
    "select_order",
]


def granger_test(effect: np.ndarray, cause: np.ndarray, lag_order: int) -> GrangerResult:
    """Granger causality ssr F-test of ``cause`` -> ``effect`` at one lag order.

    Wraps ``statsmodels.tsa.stattools.grangercausalitytests`` (which no longer takes ``verbose``
    in statsmodels 0.15) and returns plain numbers; equals R ``lmtest::grangertest``.

    Parameters
    ----------
    effect, cause : equal-length 1-D arrays, already stationary.
    lag_order : number of lags of both series in the regressions (>= 1).
    """
    from statsmodels.tsa.stattools import grangercausalitytests

    lag_order = max(1, int(lag_order))
    data = np.column_stack([np.asarray(effect, float), np.asarray(cause, float)])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = grangercausalitytests(data, [lag_order])
    f_stat, p_value, df_denom, df_num = res[lag_order][0]["ssr_ftest"]
    return GrangerResult(
        f_stat=float(f_stat),
        p_value=float(p_value),
        df_num=int(df_num),
        df_denom=int(df_denom),
        lag_order=lag_order,
    )


def check_stationarity(
    values: np.ndarray, *, alpha: float = 0.05, trend: bool = True
) -> Stationarity:
    """ADF (H0 unit root) and KPSS (H0 stationary) on one series.

    The series counts as stationary when ADF rejects a unit root and KPSS does not reject
    stationarity; when in doubt it is differenced, because Granger tests on unit-root series
    reject far too often. With ``trend`` both tests include a linear trend ("ct").
    """
    from statsmodels.tsa.stattools import adfuller, kpss

    x = np.asarray(values, float)
    regression = "ct" if trend else "c"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            adf_p = float(
                adfuller(x, regression=regression, autolag="AIC", result_object=True).pvalue
            )
        except (ValueError, np.linalg.LinAlgError):
            adf_p = float("nan")
        try:
            kpss_p = float(kpss(x, regression=regression, nlags="auto", result_object=True).pvalue)
        except (ValueError, OverflowError, np.linalg.LinAlgError):
            kpss_p = float("nan")
    stationary = bool(adf_p <= alpha and not kpss_p < alpha)
    return Stationarity(adf_p=adf_p, kpss_p=kpss_p, stationary=stationary)


def _ar_fit(x: np.ndarray, max_order: int) -> np.ndarray:
    """AR coefficients of a demeaned series, order by AIC on a common sample (0..max_order)."""
    n = len(x)
    max_order = int(max(0, min(max_order, n // 4)))
    if max_order == 0:
        return np.zeros(0)
    y = x[max_order:]
    lagmat = np.column_stack([x[max_order - i : n - i] for i in range(1, max_order + 1)])
    best_aic, best = len(y) * math.log(max(float(y @ y) / len(y), 1e-300)), np.zeros(0)
    for p in range(1, max_order + 1):
        coef, *_ = np.linalg.lstsq(lagmat[:, :p], y, rcond=None)
        resid = y - lagmat[:, :p] @ coef
        aic = len(y) * math.log(max(float(resid @ resid) / len(y), 1e-300)) + 2 * p
        if aic < best_aic:
            best_aic, best = aic, coef
    return best


def _ar_filter(x: np.ndarray, coef: np.ndarray) -> np.ndarray:
    p = len(coef)
    if p == 0:
        return x.copy()
    out = x[p:].copy()
    for i, c in enumerate(coef, start=1):
        out -= c * x[p - i : len(x) - i]
    return out


def prewhiten(
    driver: np.ndarray, outcome: np.ndarray, max_order: int = 10
) -> tuple[np.ndarray, np.ndarray, int]:
    """Filter both series with the AR model of the driver (order by AIC, at most ``max_order``).

    Returns the filtered driver, the filtered outcome and the AR order used.
    """
    x = np.asarray(driver, float) - np.mean(driver)
    y = np.asarray(outcome, float) - np.mean(outcome)
    coef = _ar_fit(x, max_order)
    return _ar_filter(x, coef), _ar_filter(y, coef), len(coef)


def cross_correlation(driver: np.ndarray, outcome: np.ndarray, max_lag: int) -> pd.DataFrame:
    """Sample cross-correlation r(L) = corr(driver_t, outcome_{t+L}) for L = −max_lag…max_lag.

    L > 0 means the driver moves L periods before the outcome. Biased (1/n) estimator, as in
    ``statsmodels.tsa.stattools.ccf(adjusted=False)``.

    Returns
    -------
    DataFrame with columns ``lag, ccf``.
    """
    x = np.asarray(driver, float) - np.mean(driver)
    y = np.asarray(outcome, float) - np.mean(outcome)
    n = len(x)
    denom = n * math.sqrt(float(x @ x) / n) * math.sqrt(float(y @ y) / n)
    lags = np.arange(-max_lag, max_lag + 1)
    r = np.empty(len(lags))
    for i, lag in enumerate(lags):
        if lag >= 0:
            r[i] = float(x[: n - lag] @ y[lag:]) / denom if lag < n else np.nan
        else:
            r[i] = float(x[-lag:] @ y[: n + lag]) / denom if -lag < n else np.nan
    return pd.DataFrame({"lag": lags.astype(int), "ccf": r})


# --------------------------------------------------------------------------------------------
# Series preparation
# --------------------------------------------------------------------------------------------
def _one_segment(frame: Any, segment: Segment) -> Any:
    """The rows of one segment: of a ``KpiTable`` computed ``by`` it, or of a wide frame."""
    if hasattr(frame, "wide") and callable(frame.wide):  # a KpiTable
        by = tuple(getattr(frame, "by", ()) or ())
        if segment.column not in by:
            raise AnalysisError(
                f"Cannot pick {segment.label()}: the KPIs were not computed by "
                f"{segment.column!r}; compute them with by=({segment.column!r},)."
            )
        values = frame.frame[segment.column].dropna().unique().tolist()
        found = [v for v in values if str(v).strip() == segment.value]
        if not found:
            raise AnalysisError(f"No KPI values for {segment.label()}: pick another segment.")
        return frame.wide({segment.column: found[0]})
    if not isinstance(frame, pd.DataFrame):
        raise AnalysisError("Lead-lag needs a table with a date column and one column per KPI.")
    rows = frame.loc[segment.mask(frame)]
    if rows.empty:
        raise AnalysisError(f"No KPI values for {segment.label()}: pick another segment.")
    return rows.drop(columns=[segment.column])


def as_wide(frame: Any, segment: Segment | None = None) -> pd.DataFrame:
    """A wide KPI frame indexed by date (of one ``segment`` when given), checked."""
    if segment is not None:
        frame = _one_segment(frame, segment)
    if hasattr(frame, "wide") and callable(frame.wide):  # a KpiTable
        frame = frame.wide()
    if not isinstance(frame, pd.DataFrame):
        raise AnalysisError("Lead-lag needs a table with a date column and one column per KPI.")
    if "date" in frame.columns:
        wide = frame.set_index("date")
    elif "period" in frame.columns:
        wide = frame.set_index("period")
    elif isinstance(frame.index, pd.DatetimeIndex):
        wide = frame
    else:
        raise AnalysisError(
            "The table has no 'date' column: compute the KPIs by day or week first."
        )
    try:
        wide.index = pd.DatetimeIndex(pd.to_datetime(wide.index))
    except (ValueError, TypeError) as err:
        raise AnalysisError(
            "The 'date' column could not be read as dates; check its format."
        ) from err
    wide = wide[wide.index.notna()].sort_index()
    if wide.index.has_duplicates:
        raise AnalysisError(
            "The table has several rows per date (one per segment?): pick one segment or compute "
            "the KPIs without a breakdown."
        )
    return wide


def regular(wide: pd.DataFrame) -> tuple[pd.DataFrame, str, int]:
    """Put the table on a regular calendar; returns it, the grain name and the step in days."""
    if len(wide) < 3:
        return wide, "period", 0
    steps = np.diff(wide.index.values).astype("timedelta64[s]").astype(float) / 86400.0
    step = float(np.median(steps))
    if step < 0.99:
        raise AnalysisError(
            "The table is finer than daily: compute the KPIs by day or week for lead-lag analysis."
        )
    if abs(step - 1) < 0.01 or abs(step - 7) < 0.01:
        days = int(round(step))
        full = pd.date_range(wide.index[0], wide.index[-1], freq=pd.Timedelta(days=days))
        if len(full) <= 3 * len(wide):
            return wide.reindex(full), ("day" if days == 1 else "week"), days
    return wide, "period", int(round(step))


@dataclass(frozen=True, slots=True)
class Pair:
    dates: pd.DatetimeIndex
    x: np.ndarray  # prepared driver
    y: np.ndarray  # prepared outcome
    differenced: bool
    filled: int


def _design(dates: pd.DatetimeIndex, weekly_cycle: bool) -> tuple[np.ndarray, int]:
    """Columns: day-of-week dummies (if any), then constant and trend. Returns (X, n_seasonal)."""
    n = len(dates)
    trend = np.arange(n, dtype=float) / max(n - 1, 1)
    cols: list[np.ndarray] = []
    if weekly_cycle:
        dow = np.asarray(dates.day_of_week)
        for d in range(1, 7):
            col = (dow == d).astype(float)
            if col.any():
                cols.append(col - col.mean())  # centred: removing them leaves the level alone
    n_seasonal = len(cols)
    cols += [np.ones(n), trend]
    return np.column_stack(cols), n_seasonal


def prepare_pair(x: pd.Series, y: pd.Series, *, weekly_cycle: bool, alpha: float) -> Pair:
    both = pd.concat([x.rename("x"), y.rename("y")], axis=1).astype(float)
    missing_inside = both.interpolate(limit_area="inside").notna() & both.isna()
    filled = int(missing_inside.any(axis=1).sum())
    both = both.interpolate(limit_area="inside").dropna()
    if len(both) < MIN_PERIODS:
        raise AnalysisError(f"only {len(both)} periods where both series have values")
    dates = pd.DatetimeIndex(both.index)
    X, k = _design(dates, weekly_cycle and len(both) >= 28)
    adjusted, residual = {}, {}
    for name in ("x", "y"):
        v = both[name].to_numpy(float)
        if np.nanstd(v) <= 1e-12 * max(1.0, float(np.nanmax(np.abs(v)))):
            raise AnalysisError("the series is constant")
        beta, *_ = np.linalg.lstsq(X, v, rcond=None)
        adjusted[name] = v - X[:, :k] @ beta[:k]  # day-of-week effects removed, trend kept
        residual[name] = v - X @ beta  # trend removed too
    stationary = all(check_stationarity(adjusted[n], alpha=alpha).stationary for n in ("x", "y"))
    if stationary:
        xs, ys = residual["x"], residual["y"]
    else:
        xs, ys, dates = np.diff(adjusted["x"]), np.diff(adjusted["y"]), dates[1:]
        xs, ys = xs - xs.mean(), ys - ys.mean()
    return Pair(dates=dates, x=xs, y=ys, differenced=not stationary, filled=filled)


def lag_cap(max_lag: int, n: int) -> int:
    # VAR with 2 series and p lags has 2p + 1 coefficients per equation: keep >= ~8 obs per lag.
    return int(max(1, min(max_lag, n // 8)))


def select_order(x: np.ndarray, y: np.ndarray, cap: int, ic: str) -> int:
    from statsmodels.tsa.api import VAR

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            orders = (
                VAR(np.column_stack([y, x])).select_order(maxlags=cap, trend="c").selected_orders
            )
            p = int(orders[ic])
        except (ValueError, np.linalg.LinAlgError):
            p = 1
    return max(1, min(p, cap))


def ccf_p(r: float, n: int, n_lags: int) -> float:
    """Two-sided p of one cross-correlation under white noise, Bonferroni over ``n_lags``."""
    if not math.isfinite(r):
        return float("nan")
    p = 2.0 * stats.norm.sf(abs(r) * math.sqrt(n))
    return float(min(1.0, p * n_lags))


def bh(p: np.ndarray) -> np.ndarray:
    from statsmodels.stats.multitest import multipletests

    out = np.full(len(p), np.nan)
    ok = np.isfinite(p)
    if ok.any():
        # method passed explicitly: multipletests defaults to Holm-Sidak.
        out[ok] = multipletests(p[ok], method="fdr_bh")[1]
    return out

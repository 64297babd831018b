"""Did the change work? Before/after comparison, interrupted time series, DiD, change points, power.

Daily KPI series are autocorrelated and weekly-seasonal: a t-test on daily values, or contacts
pooled across days in a two-proportion z-test, flags "significant" changes far more often than
its nominal 5% when nothing happened. Every test here models the day as the unit, with AR(1)
errors and day-of-week effects, and is calibrated by simulation (``benchmarks/calibration.py``).

Public functions
----------------
- ``interrupted_time_series(series, change, *, control=None, ...)`` -> ``ImpactResult``
  (segmented regression with AR(1) errors; DiD on treated minus control when ``control`` given).
- ``compare_periods(daily, change, ...)`` -> ``ImpactResult`` and ``before_after(table, ...)``
  -> DataFrame (one row per KPI): pooled values before/after with a day-level interval.
- ``minimum_detectable_effect(series, change, ...)`` -> ``PowerResult``.
- ``change_points(series, ...)`` -> ``ChangePointResult`` (binary segmentation, Bai CI).
- ``its_counts(counts, post, ...)`` -> ``CountItsResult`` (quasi-Poisson ITS for monthly counts).
- ``did_2x2(...)`` -> float and ``did_regression(frame, ...)`` -> ``DidRegressionResult``.
- ``daily_series(table, kpi, segment)`` -> the daily values and denominators of one KPI.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from kpi.analysis.impact.models import (
    Ar1Fit,
    ar1_covariance_of_beta,
    argmax_quantile,
    best_split,
    fit_ar1_regression,
    long_run_variance,
)
from kpi.analysis.impact.text import (
    fmt_change,
    fmt_date,
    fmt_interval,
    fmt_p,
    fmt_value,
    kpi_info,
    noise_clause,
)
from kpi.errors import AnalysisError
from kpi.metrics import KPIS

__all__ = [
    "MIN_DAYS",
    "ChangePointResult",
    "CountItsResult",
    "DidRegressionResult",
    "ImpactResult",
    "PowerResult",
    "before_after",
    "change_points",
    "compare_periods",
    "daily_series",
    "format_candidates",
    "format_comparison",
    "did_2x2",
    "did_regression",
    "interrupted_time_series",
    "its_counts",
    "its_from_table",
    "minimum_detectable_effect",
]

MIN_DAYS = 14
"""Fewest days with data allowed on each side of a change."""

GOOD_DAYS = 28
"""Below this many days on a side, results carry a low-power warning."""

DateLike = str | dt.date | pd.Timestamp
EventLike = DateLike | tuple[DateLike, str]

_CHANGE_POINT_CAVEAT = (
    "A date found by searching the data cannot then be tested on the same data as if it had been "
    "chosen in advance: its p-value would be far too small. Use it as a lead, and confirm it with "
    "what you know happened on that date or with new data."
)


# --------------------------------------------------------------------------------------------
# Result types
# --------------------------------------------------------------------------------------------


def _scalars(obj: Any, names: Sequence[str]) -> dict[str, Any]:
    return {n: getattr(obj, n) for n in names}


@dataclass(frozen=True, eq=False, slots=True)
class ImpactResult:
    """The effect of one change on one KPI.

    Attributes
    ----------
    kpi, segment : what was tested ("abandonment_rate", "queue=Billing").
    method : "its_ar1" (interrupted time series), "did_its_ar1" (treated minus control through
        the same model) or "periods_day_level" (pooled before/after with a day-level interval).
    change : first day of the new regime (ISO date).
    effect : after minus before in the KPI's unit (for ITS: the average level shift over the
        post period against the counterfactual); ``ci_low``/``ci_high`` its interval.
    p_value : two-sided p-value of "no change".
    value_before, value_after : the KPI before (for ITS/DiD: the counterfactual, i.e. what it
        would have been without the change) and after; ``value_after - value_before == effect``.
    n_before, n_after : days with data on each side.
    contacts_before, contacts_after : sum of the KPI's denominator on each side (NaN if unknown).
    phi : the estimated lag-1 autocorrelation of the daily errors.
    mde : smallest effect detectable with 80% power on this design.
    pretrend_slope, pretrend_p : DiD only: pre-period slope of treated minus control per week.
    control_effect, control_p : DiD only: the control's own shift at the change date.
    summary : the verdict, one sentence a manager can say.
    warnings : caveats (too few days, other changes in the window, regression to the mean...).
    fitted : the chart frame, columns ``date, observed, fitted, counterfactual, cf_low, cf_high,
        period`` ("before"/"after"), plus ``treated, control`` for DiD.
    """

    kpi: str
    segment: str
    method: str
    change: str
    effect: float
    ci_low: float
    ci_high: float
    p_value: float
    value_before: float
    value_after: float
    n_before: int
    n_after: int
    summary: str
    warnings: tuple[str, ...] = ()
    unit: str = "value"
    alpha: float = 0.05
    relative_effect: float = math.nan
    contacts_before: float = math.nan
    contacts_after: float = math.nan
    phi: float = math.nan
    mde: float = math.nan
    slope_change: bool = False
    control_segment: str = ""
    pretrend_slope: float = math.nan
    pretrend_p: float = math.nan
    control_effect: float = math.nan
    control_p: float = math.nan
    fitted: pd.DataFrame = field(default_factory=pd.DataFrame, repr=False)

    _FIELDS = (
        "kpi",
        "segment",
        "control_segment",
        "method",
        "change",
        "value_before",
        "value_after",
        "effect",
        "relative_effect",
        "ci_low",
        "ci_high",
        "p_value",
        "n_before",
        "n_after",
        "contacts_before",
        "contacts_after",
        "phi",
        "mde",
        "pretrend_slope",
        "pretrend_p",
        "control_effect",
        "control_p",
        "summary",
    )

    @property
    def significant(self) -> bool:
        return bool(self.p_value < self.alpha)

    def key_numbers(self) -> tuple[tuple[str, str], ...]:
        """(label, formatted value) pairs for a slide: before, after, change with CI, p."""
        return (
            ("Before", fmt_value(self.value_before, self.unit)),
            ("After", fmt_value(self.value_after, self.unit)),
            (
                "Change (95% CI)",
                f"{fmt_change(self.effect, self.unit)} "
                f"({fmt_interval(self.ci_low, self.ci_high, self.unit)})",
            ),
            ("p-value", fmt_p(self.p_value)),
        )

    def to_dict(self) -> dict[str, Any]:
        """Scalar fields plus ``warnings`` (a list), ready for JSON."""
        out = _scalars(self, self._FIELDS)
        out["warnings"] = list(self.warnings)
        return out

    def to_frame(self) -> pd.DataFrame:
        """One row; columns are the scalar fields listed in the class docstring, plus ``warnings``
        joined by " | "."""
        row = _scalars(self, self._FIELDS)
        row["warnings"] = " | ".join(self.warnings)
        return pd.DataFrame([row])


@dataclass(frozen=True, eq=False, slots=True)
class PowerResult:
    """Smallest effect the data could detect (MDE) at the chosen power.

    Attributes
    ----------
    mde : smallest level shift (KPI units) detected with probability ``power`` at level ``alpha``.
    mde_relative : ``mde`` / mean before the change.
    se : standard error of the level shift on this design; ``phi`` and ``sigma`` the AR(1)
        coefficient and innovation SD estimated on the pre-period.
    table : columns ``n_after, mde, mde_relative``: the MDE for several post-period lengths.
    """

    kpi: str
    mde: float
    mde_relative: float
    se: float
    phi: float
    sigma: float
    mean_before: float
    n_before: int
    n_after: int
    alpha: float
    power: float
    summary: str
    warnings: tuple[str, ...] = ()
    unit: str = "value"
    table: pd.DataFrame = field(default_factory=pd.DataFrame, repr=False)

    def to_frame(self) -> pd.DataFrame:
        """One row: kpi, mde, mde_relative, se, phi, sigma, mean_before, n_before, n_after,
        alpha, power, summary."""
        names = ("kpi", "mde", "mde_relative", "se", "phi", "sigma", "mean_before")
        names += ("n_before", "n_after", "alpha", "power", "summary")
        return pd.DataFrame([_scalars(self, names)])


@dataclass(frozen=True, eq=False, slots=True)
class ChangePointResult:
    """Candidate shift dates found in the data.

    Attributes
    ----------
    candidates : columns ``rank, date`` (first day of the new level), ``last_before``,
        ``mean_before, mean_after, shift`` (on the segment where it was found), ``score`` (sup of
        the standardised CUSUM), ``p_value`` (CUSUM test of that segment, before the search),
        ``ci_low, ci_high`` (95% dates, Bai 1997), ``significant``.
    """

    kpi: str
    candidates: pd.DataFrame
    summary: str
    warnings: tuple[str, ...] = ()

    def to_frame(self) -> pd.DataFrame:
        """The candidates table (see the class docstring)."""
        return self.candidates.copy()


@dataclass(frozen=True, eq=False, slots=True)
class CountItsResult:
    """Quasi-Poisson interrupted time series on counts with an exposure offset.

    Attributes
    ----------
    rate_ratio, ci_low, ci_high, p_value : the post-change step as a rate ratio (Wald interval
        with the Pearson dispersion, as R's ``glm(family=quasipoisson)`` + ``confint.default``).
    dispersion : Pearson chi-square / df.
    naive_before, naive_after, naive_p : mean rates before/after (per ``rate_per`` exposure)
        and the two-sample t-test p-value, for contrast (it ignores trend and seasonality).
    """

    rate_ratio: float
    ci_low: float
    ci_high: float
    p_value: float
    dispersion: float
    naive_before: float
    naive_after: float
    naive_p: float
    n_before: int
    n_after: int
    method: str
    summary: str
    warnings: tuple[str, ...] = ()

    def to_frame(self) -> pd.DataFrame:
        """One row with every field except ``warnings``."""
        names = ("method", "rate_ratio", "ci_low", "ci_high", "p_value", "dispersion")
        names += ("naive_before", "naive_after", "naive_p", "n_before", "n_after", "summary")
        return pd.DataFrame([_scalars(self, names)])


@dataclass(frozen=True, eq=False, slots=True)
class DidRegressionResult:
    """Regression difference-in-differences: the ``treated:post`` coefficient."""

    effect: float
    ci_low: float
    ci_high: float
    p_value: float
    se: float
    n: int
    method: str
    summary: str
    warnings: tuple[str, ...] = ()

    def to_frame(self) -> pd.DataFrame:
        """One row: method, effect, se, ci_low, ci_high, p_value, n, summary."""
        names = ("method", "effect", "se", "ci_low", "ci_high", "p_value", "n", "summary")
        return pd.DataFrame([_scalars(self, names)])


# --------------------------------------------------------------------------------------------
# Input checks
# --------------------------------------------------------------------------------------------


def _to_timestamp(value: DateLike, what: str) -> pd.Timestamp:
    try:
        ts = pd.Timestamp(value)
    except (TypeError, ValueError) as err:
        raise AnalysisError(f"The {what} {value!r} is not a date: use YYYY-MM-DD.") from err
    if pd.isna(ts):
        raise AnalysisError(f"The {what} is missing: pick a date.")
    return ts.normalize()


def _clean_series(series: pd.Series, name: str) -> pd.Series:
    if not isinstance(series, pd.Series):
        raise AnalysisError(f"The {name} must be a daily series (a pandas Series on dates).")
    s = series.copy()
    if not isinstance(s.index, pd.DatetimeIndex):
        try:
            s.index = pd.DatetimeIndex(pd.to_datetime(s.index))
        except (TypeError, ValueError) as err:
            raise AnalysisError(f"The {name} must be indexed by dates.") from err
    s.index = s.index.tz_localize(None) if s.index.tz is not None else s.index
    s.index = s.index.normalize()
    s = pd.to_numeric(s, errors="coerce").astype("float64")
    s = s.groupby(level=0).mean().sort_index()
    s = s[np.isfinite(s.to_numpy())]
    if s.empty:
        raise AnalysisError(f"The {name} has no values: pick a KPI and segment with data.")
    return s


def _is_daily(index: pd.DatetimeIndex) -> bool:
    if len(index) < 3:
        return False
    gaps = np.diff(index.to_numpy()).astype("timedelta64[D]").astype(int)
    return bool(np.median(gaps) == 1)


def _split_checks(s: pd.Series, change: pd.Timestamp, name: str) -> tuple[np.ndarray, int, int]:
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
        if n < MIN_DAYS:
            raise AnalysisError(
                f"Only {n} days of {name} data {side} {change:%Y-%m-%d}; the test needs at least "
                f"{MIN_DAYS} on each side: pick another date or load a longer period."
            )
    if float(np.ptp(s.to_numpy())) == 0.0:
        raise AnalysisError(
            f"{name.capitalize()} is constant ({s.iloc[0]:g} every day), so there is no "
            "variation to test a change against."
        )
    return post, n_before, n_after


def _design(
    index: pd.DatetimeIndex,
    change: pd.Timestamp,
    *,
    trend: bool,
    slope_change: bool,
    weekly: bool,
) -> tuple[np.ndarray, list[str], np.ndarray]:
    """Columns const, [trend], step, [slope], [dow...]; also the mask of post-change columns."""
    weeks = np.asarray((index - change) / pd.Timedelta(days=7), dtype=float)
    post = np.asarray(index >= change, dtype=float)
    cols: list[np.ndarray] = [np.ones(len(index))]
    names = ["const"]
    if trend:
        cols.append(weeks)
        names.append("trend")
    cols.append(post)
    names.append("step")
    if slope_change:
        cols.append(post * weeks)
        names.append("slope_change")
    if weekly:
        dow = np.asarray(index.day_of_week)
        present = sorted(set(dow.tolist()))
        for d in present[1:]:
            cols.append((dow == d).astype(float))
            names.append(f"dow_{d}")
    x = np.column_stack(cols)
    is_change_col = np.array([n in ("step", "slope_change") for n in names])
    return x, names, is_change_col


@dataclass(frozen=True, slots=True)
class _Its:
    fit: Ar1Fit
    x: np.ndarray
    x_cf: np.ndarray
    post: np.ndarray
    effect: float
    se: float
    p: float
    q: float  # t quantile for the CI


def _fit_its(
    s: pd.Series,
    change: pd.Timestamp,
    *,
    alpha: float,
    trend: bool,
    slope_change: bool,
    weekly: bool,
) -> _Its:
    x, _, is_change_col = _design(
        s.index, change, trend=trend, slope_change=slope_change, weekly=weekly
    )
    if np.linalg.matrix_rank(x) < x.shape[1]:
        raise AnalysisError(
            "The days around the change are too few or too irregular to separate the change from "
            "the trend and weekdays: pick another date or load a longer period."
        )
    fit = fit_ar1_regression(s.to_numpy(), x)
    if not fit.sigma2 > 0:
        raise AnalysisError("The series has no day-to-day variation left to test a change against.")
    post = np.asarray(s.index >= change)
    x_cf = x.copy()
    x_cf[:, is_change_col] = 0.0
    contrast = (x[post] - x_cf[post]).mean(axis=0)
    effect, se = fit.contrast(contrast)
    tstat = effect / se if se > 0 else math.inf
    p = float(2.0 * stats.t.sf(abs(tstat), fit.df))
    q = float(stats.t.ppf(1.0 - alpha / 2.0, fit.df))
    return _Its(fit=fit, x=x, x_cf=x_cf, post=post, effect=effect, se=se, p=p, q=q)


def _chart_frame(s: pd.Series, its: _Its) -> pd.DataFrame:
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


def _parse_events(events: Sequence[EventLike]) -> list[tuple[pd.Timestamp, str]]:
    out = []
    for ev in events:
        if isinstance(ev, tuple):
            out.append((_to_timestamp(ev[0], "event date"), str(ev[1])))
        elif hasattr(ev, "date") and hasattr(ev, "label") and not isinstance(ev, dt.date):
            out.append((_to_timestamp(ev.date, "event date"), str(ev.label)))
        else:
            out.append((_to_timestamp(ev, "event date"), "another change"))
    return out


def _mean(values: np.ndarray, weights: np.ndarray | None) -> float:
    if weights is None:
        return float(np.mean(values))
    return float(np.sum(values * weights) / np.sum(weights))


def _common_warnings(
    s: pd.Series,
    change: pd.Timestamp,
    n_before: int,
    n_after: int,
    events: Sequence[EventLike],
    weekly: bool,
) -> list[str]:
    out: list[str] = []
    if n_after < GOOD_DAYS:
        out.append(
            f"Only {n_after} days after the change: the test has little power and a real effect "
            f"may be missed; wait for at least {GOOD_DAYS} days of data."
        )
    if n_before < GOOD_DAYS:
        out.append(
            f"Only {n_before} days before the change: the baseline and its trend are uncertain."
        )
    if weekly:
        span = (s.index[-1] - s.index[0]).days + 1
        missing = span - len(s)
        if missing > 0:
            out.append(f"{missing} days in the window have no data and were skipped.")
    for date, label in _parse_events(events):
        if s.index[0] <= date <= s.index[-1] and date != change:
            out.append(
                f"Another change is pinned inside the window ({label}, {date:%Y-%m-%d}): its "
                "effect may be mixed into this estimate."
            )
    return out


def _rtm_warning(s: pd.Series, change: pd.Timestamp, its: _Its, unit: str) -> str | None:
    """Warn when the change followed an unusually bad stretch (regression to the mean)."""
    pre = s[s.index < change]
    recent = pre.iloc[-14:]
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
        f"The {m} days before the change were unusually {word} ({fmt_value(float(recent.mean()), unit)} "
        f"against {fmt_value(float(pre.mean()), unit)} over the whole baseline): part of the move may "
        "be regression to the mean — a change launched after a bad spell tends to look like it worked."
    )


def _verdict(
    *,
    name: str,
    segment: str,
    unit: str,
    before: float,
    after: float,
    effect: float,
    lo: float,
    hi: float,
    p: float,
    alpha: float,
    change: pd.Timestamp,
    what: str = "",
) -> str:
    where = f" in {segment.split('=', 1)[-1]}" if segment else ""
    level = round((1 - alpha) * 100)
    significant = p < alpha
    verb = ("fell" if effect < 0 else "rose") if significant else "went"
    ci = f"{level}% CI {fmt_interval(lo, hi, unit)}"
    text = (
        f"{name}{where} {verb} from {fmt_value(before, unit)} to {fmt_value(after, unit)} "
        f"after {fmt_date(change)}{what} ({fmt_change(effect, unit)}, {ci}); "
        f"{noise_clause(p, alpha)}."
    )
    return text[0].upper() + text[1:]


# --------------------------------------------------------------------------------------------
# Interrupted time series and DiD
# --------------------------------------------------------------------------------------------


def interrupted_time_series(  # noqa: PLR0915 -- ratchet (#17): split or fix pending
    series: pd.Series,
    change: DateLike,
    *,
    control: pd.Series | None = None,
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
) -> ImpactResult:
    """Interrupted time series: did the daily KPI shift at ``change``?

    Segmented regression of the daily value on a linear trend, a post-change level step
    (optionally a slope change), day-of-week effects, with AR(1) errors fitted by iterated
    Prais-Winsten FGLS (bias-corrected AR coefficient, t inference). Chosen by calibration: on
    null AR(1) series (84 + 56 days, weekly seasonality) it rejects 5-6% at nominal 5% where a
    Welch t-test rejects 10% (phi 0.3) to 28% (phi 0.6); see ``benchmarks/calibration.py``.

    With ``control``, the model runs on treated minus control (difference-in-differences): the
    shared trend and shocks cancel. The pre-period slope of the difference is tested (parallel
    trends), and the control's own shift is tested too.

    Parameters
    ----------
    series, control : daily values on a DatetimeIndex (missing days are skipped).
    change : the first day of the new regime.
    alpha : 1 - confidence level of the interval, and the significance level of the verdict.
    slope_change : also let the slope change after the date; ``effect`` is then the average
        shift over the post period.
    trend : include a linear pre-trend (default True).
    weekly : day-of-week effects (default: when the series is daily).
    weights : daily denominators (contacts), used only for the pooled ``value_after`` so a rate
        after the change is a ratio of sums, not an average of daily rates.
    kpi, unit, segment, control_segment : labels for the verdict ("abandonment_rate",
        "queue=Billing"); ``unit`` defaults to the KPI registry's.
    events : other pinned changes (dates, ``(date, label)`` pairs or objects with ``date`` and
        ``label``); any inside the window gives a warning.

    Returns
    -------
    ImpactResult
        See its docstring; ``fitted`` holds the chart frame.

    Raises
    ------
    AnalysisError
        The change date is outside the data, fewer than 14 days with data on a side, no data in
        one period, or a constant series.
    """
    info = kpi_info(kpi, unit)
    name = info.name if kpi else "the series"
    s = _clean_series(series, name)
    when = _to_timestamp(change, "change date")
    weekly = _is_daily(s.index) if weekly is None else weekly
    w = None
    if weights is not None:
        w_series = _clean_series(weights, "weights").reindex(s.index)
        w = w_series.to_numpy() if bool(w_series.notna().all()) else None

    if control is None:
        _, n_before, n_after = _split_checks(s, when, name)
        its = _fit_its(s, when, alpha=alpha, trend=trend, slope_change=slope_change, weekly=weekly)
        frame = _chart_frame(s, its)
        post_mask = its.post
        value_after = _mean(s.to_numpy()[post_mask], None if w is None else w[post_mask])
        method = "its_ar1"
        extra: dict[str, float] = {}
        warns = _common_warnings(s, when, n_before, n_after, events, weekly)
        rtm = _rtm_warning(s, when, its, info.unit)
        if rtm:
            warns.append(rtm)
        what = ""
    else:
        c = _clean_series(control, "control series")
        common = s.index.intersection(c.index)
        if len(common) == 0:
            raise AnalysisError(
                "The treated and control series share no dates: pick another control."
            )
        s_t, s_c = s.reindex(common), c.reindex(common)
        diff = s_t - s_c
        _split_checks(s_t, when, name)
        _split_checks(s_c, when, "the control")
        _, n_before, n_after = _split_checks(diff, when, "the treated-minus-control difference")
        its = _fit_its(
            diff, when, alpha=alpha, trend=trend, slope_change=slope_change, weekly=weekly
        )
        frame = _chart_frame(diff, its).assign(treated=s_t.to_numpy(), control=s_c.to_numpy())
        post_mask = its.post
        wt = None if w is None else pd.Series(w, index=s.index).reindex(common).to_numpy()
        value_after = _mean(s_t.to_numpy()[post_mask], wt if wt is None else wt[post_mask])
        method = "did_its_ar1"
        warns = _common_warnings(s_t, when, n_before, n_after, events, weekly)
        extra = _did_checks(s_c, diff, when, alpha=alpha, trend=trend, weekly=weekly)
        if extra["pretrend_p"] < 0.05:
            warns.append(
                f"Before the change, {name} in the treated segment and the control did not move "
                f"in parallel (slope of the gap {fmt_change(extra['pretrend_slope'], info.unit)} per "
                f"week, {fmt_p(extra['pretrend_p'])}): the control may be a poor comparison."
            )
        if extra["control_p"] < alpha:
            warns.append(
                f"The control also shifted at the change date ({fmt_change(extra['control_effect'], info.unit)}, "
                f"{fmt_p(extra['control_p'])}): something else changed at the same time, or the "
                "change reached the control too."
            )
        what = (
            f" relative to {control_segment.split('=', 1)[-1]}"
            if control_segment
            else " relative to the control"
        )

    effect = its.effect
    lo, hi = effect - its.q * its.se, effect + its.q * its.se
    value_before = value_after - effect
    mde = (its.q + float(stats.t.ppf(0.8, its.fit.df))) * its.se
    summary = _verdict(
        name=info.name if kpi else "The KPI",
        segment=segment,
        unit=info.unit,
        before=value_before,
        after=value_after,
        effect=effect,
        lo=lo,
        hi=hi,
        p=its.p,
        alpha=alpha,
        change=when,
        what=what,
    )
    return ImpactResult(
        kpi=kpi,
        segment=segment,
        method=method,
        change=f"{when:%Y-%m-%d}",
        effect=float(effect),
        ci_low=float(lo),
        ci_high=float(hi),
        p_value=float(its.p),
        value_before=float(value_before),
        value_after=float(value_after),
        n_before=int(n_before),
        n_after=int(n_after),
        summary=summary,
        warnings=tuple(warns),
        unit=info.unit,
        alpha=float(alpha),
        relative_effect=float(effect / value_before) if value_before else math.nan,
        contacts_before=float(np.sum(w[~post_mask]))
        if w is not None and control is None
        else math.nan,
        contacts_after=float(np.sum(w[post_mask]))
        if w is not None and control is None
        else math.nan,
        phi=float(its.fit.phi),
        mde=float(mde),
        slope_change=slope_change,
        control_segment=control_segment,
        pretrend_slope=float(extra.get("pretrend_slope", math.nan)),
        pretrend_p=float(extra.get("pretrend_p", math.nan)),
        control_effect=float(extra.get("control_effect", math.nan)),
        control_p=float(extra.get("control_p", math.nan)),
        fitted=frame,
    )


def _did_checks(
    control: pd.Series,
    diff: pd.Series,
    change: pd.Timestamp,
    *,
    alpha: float,
    trend: bool,
    weekly: bool,
) -> dict[str, float]:
    """Parallel pre-trends (slope of the pre-period gap) and the control's own shift."""
    pre = diff[diff.index < change]
    weeks = np.asarray((pre.index - change) / pd.Timedelta(days=7), dtype=float)
    cols = [np.ones(len(pre)), weeks]
    if weekly:
        dow = np.asarray(pre.index.day_of_week)
        cols += [(dow == d).astype(float) for d in sorted(set(dow.tolist()))[1:]]
    fit = fit_ar1_regression(pre.to_numpy(), np.column_stack(cols))
    slope, se = float(fit.beta[1]), fit.se(1)
    pre_p = float(2.0 * stats.t.sf(abs(slope / se), fit.df)) if se > 0 else math.nan
    ctl = _fit_its(control, change, alpha=alpha, trend=trend, slope_change=False, weekly=weekly)
    return {
        "pretrend_slope": slope,
        "pretrend_p": pre_p,
        "control_effect": ctl.effect,
        "control_p": ctl.p,
    }


# --------------------------------------------------------------------------------------------
# Pooled before/after comparison with a day-level interval
# --------------------------------------------------------------------------------------------


def compare_periods(  # noqa: C901, PLR0915 -- ratchet (#17): split or fix pending
    daily: pd.DataFrame,
    change: DateLike | None = None,
    *,
    before: tuple[DateLike, DateLike] | None = None,
    after: tuple[DateLike, DateLike] | None = None,
    kpi: str = "",
    unit: str | None = None,
    segment: str = "",
    alpha: float = 0.05,
) -> ImpactResult:
    """Pooled KPI before vs after, with an interval that does not pretend days are independent.

    Each period's value is the ratio of summed numerators to summed denominators (a rate on its
    counts, a mean on its contact-level sums). The interval comes from the days, not the
    contacts: the linearised variance of a ratio of sums with days as clusters (so day-to-day
    overdispersion is in it) inflated for AR(1) correlation between neighbouring days. On rates
    wobbling 1-2 points a day it rejects 5-7% of null comparisons where a two-proportion z-test
    on pooled contacts rejects 12-39% (``benchmarks/calibration.py``).

    Parameters
    ----------
    daily : one row per day, columns ``date`` (or ``period``), ``value`` and, when known,
        ``numerator`` and ``denominator``.
    change : first day of "after" (everything before is "before"); or give both periods.
    before, after : (first day, last day) of each period, inclusive.

    Returns
    -------
    ImpactResult
        ``method`` "periods_day_level"; ``n_before/n_after`` are days, ``contacts_*`` summed
        denominators; ``fitted`` holds ``date, observed, period``.
    """
    info = kpi_info(kpi, unit)
    name = info.name if kpi else "the KPI"
    frame = daily.rename(columns={"period": "date"}) if "date" not in daily.columns else daily
    if "date" not in frame.columns or "value" not in frame.columns:
        raise AnalysisError("The daily table needs a date and a value column.")
    dates = pd.DatetimeIndex(pd.to_datetime(frame["date"])).normalize()
    has_counts = {"numerator", "denominator"} <= set(frame.columns) and info.unit != "count"
    num = pd.to_numeric(frame["numerator"], errors="coerce").to_numpy(float) if has_counts else None
    den = (
        pd.to_numeric(frame["denominator"], errors="coerce").to_numpy(float) if has_counts else None
    )
    val = pd.to_numeric(frame["value"], errors="coerce").to_numpy(float)
    ok = np.isfinite(val)
    if has_counts:
        ok &= np.isfinite(num) & np.isfinite(den) & (den > 0)
    if before is None or after is None:
        if change is None:
            raise AnalysisError("Give a change date, or both a before and an after period.")
        when = _to_timestamp(change, "change date")
        in_before = np.asarray(dates < when)
        in_after = np.asarray(dates >= when)
        if len(dates) and (when <= dates.min() or when > dates.max()):
            raise AnalysisError(
                f"The change date {when:%Y-%m-%d} is outside the data ({dates.min():%Y-%m-%d} to "
                f"{dates.max():%Y-%m-%d}): pick a date inside that range."
            )
    else:
        b0, b1 = (_to_timestamp(d, "period date") for d in before)
        a0, a1 = (_to_timestamp(d, "period date") for d in after)
        if b1 >= a0:
            raise AnalysisError("The before period must end before the after period starts.")
        in_before = np.asarray((dates >= b0) & (dates <= b1))
        in_after = np.asarray((dates >= a0) & (dates <= a1))
        when = a0
    days: dict[str, np.ndarray] = {}
    for side, mask in (("before", in_before & ok), ("after", in_after & ok)):
        n = int(mask.sum())
        if n == 0:
            raise AnalysisError(
                f"{name.capitalize()} has no data {side} the change: pick another date, segment or KPI."
            )
        if n < MIN_DAYS:
            raise AnalysisError(
                f"Only {n} days of {name} data {side} the change; the comparison needs at least "
                f"{MIN_DAYS} on each side: pick other dates or load a longer period."
            )
        days[side] = mask
    keep = days["before"] | days["after"]
    if float(np.ptp(val[keep])) == 0.0:
        raise AnalysisError(
            f"{name.capitalize()} is constant in both periods, so there is nothing to compare."
        )

    # Linearised (ratio-estimator) variance: u_t = numerator_t - value * denominator_t sums to
    # zero in each period and Var(value) = Var(sum u_t) / (sum denominator)^2 (a sandwich with
    # days as clusters: no binomial assumption, so overdispersion is in it). Neighbouring days
    # are correlated: Var(sum u) ~ sum u^2 (1 + phi) / (1 - phi), phi the bias-corrected lag-1
    # autocorrelation of u / sqrt(denominator), pooled within periods.
    order = np.argsort(dates.to_numpy())
    means: dict[str, float] = {}
    sums: dict[str, tuple[np.ndarray, float]] = {}
    standardised = []
    for side in ("before", "after"):
        idx = order[days[side][order]]
        if has_counts:
            n_s, d_s = num[idx], den[idx]
        else:
            n_s, d_s = val[idx], np.ones(len(idx))
        m = float(n_s.sum() / d_s.sum())
        u = n_s - m * d_s
        means[side] = m
        sums[side] = (u, float(d_s.sum()))
        standardised.append(u / np.sqrt(d_s))
    n_tot = sum(len(z) for z in standardised)
    den_ac = sum(float(z @ z) for z in standardised)
    raw = sum(float(z[1:] @ z[:-1]) for z in standardised) / den_ac if den_ac > 0 else 0.0
    phi = float(np.clip(raw + (1.0 + 3.0 * raw) / n_tot + 1.0 / n_tot, 0.0, 0.95))
    var = 0.0
    for u, total in sums.values():
        k = len(u)
        var += float(u @ u) * k / (k - 1) * (1.0 + phi) / (1.0 - phi) / total**2
    se = math.sqrt(var)
    effect = means["after"] - means["before"]
    df = max(n_tot - 3, 1)
    q = float(stats.t.ppf(1 - alpha / 2, df))
    p = float(2 * stats.t.sf(abs(effect / se), df)) if se > 0 else 0.0
    n_before, n_after = int(days["before"].sum()), int(days["after"].sum())
    warns = _common_warnings(
        pd.Series(val[keep], index=dates[keep]).sort_index(), when, n_before, n_after, (), False
    )
    summary = _verdict(
        name=info.name if kpi else "The KPI",
        segment=segment,
        unit=info.unit,
        before=means["before"],
        after=means["after"],
        effect=effect,
        lo=effect - q * se,
        hi=effect + q * se,
        p=p,
        alpha=alpha,
        change=when,
    )
    chart = pd.DataFrame(
        {
            "date": dates[keep],
            "observed": val[keep],
            "period": np.where(days["after"][keep], "after", "before"),
        }
    ).sort_values("date", ignore_index=True)
    return ImpactResult(
        kpi=kpi,
        segment=segment,
        method="periods_day_level",
        change=f"{when:%Y-%m-%d}",
        effect=float(effect),
        ci_low=float(effect - q * se),
        ci_high=float(effect + q * se),
        p_value=p,
        value_before=float(means["before"]),
        value_after=float(means["after"]),
        n_before=n_before,
        n_after=n_after,
        summary=summary,
        warnings=tuple(warns),
        unit=info.unit,
        alpha=float(alpha),
        relative_effect=float(effect / means["before"]) if means["before"] else math.nan,
        contacts_before=float(den[days["before"]].sum()) if has_counts else math.nan,
        contacts_after=float(den[days["after"]].sum()) if has_counts else math.nan,
        phi=phi,
        fitted=chart,
    )


def _kpi_frame(table: Any) -> pd.DataFrame:
    frame = getattr(table, "frame", table)
    if not isinstance(frame, pd.DataFrame):
        raise AnalysisError("Expected a KpiTable or its tidy frame.")
    if "period" in frame.columns and "date" not in frame.columns:
        frame = frame.rename(columns={"period": "date"})
    return frame


def daily_series(
    table: Any, kpi: str, segment: Mapping[str, str] | None = None
) -> tuple[pd.Series, pd.Series | None]:
    """The daily values of one KPI in one segment, and their denominators.

    Parameters
    ----------
    table : a ``KpiTable`` (grain "day") or its tidy ``frame`` (columns ``period`` or ``date``,
        the segment columns, ``kpi, value, numerator, denominator``).
    kpi : KPI id.
    segment : e.g. ``{"queue": "Billing"}``; None = the table as it is (no ``by`` columns).

    Returns
    -------
    (values, denominators)
        Two Series on a DatetimeIndex; denominators is None when the table has none.
    """
    frame = _kpi_frame(table)
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


def its_from_table(
    table: Any,
    kpi: str,
    change: DateLike,
    *,
    segment: Mapping[str, str] | None = None,
    control: Mapping[str, str] | None = None,
    alpha: float = 0.05,
    slope_change: bool = False,
    events: Sequence[EventLike] = (),
) -> ImpactResult:
    """``interrupted_time_series`` on one KPI of a daily ``KpiTable`` (DiD when ``control`` given).

    Parameters
    ----------
    table : a daily ``KpiTable`` (or its tidy frame) computed ``by`` the segment column(s).
    segment, control : e.g. ``{"queue": "Billing"}`` and ``{"queue": "Sales"}``.
    """
    values, den = daily_series(table, kpi, segment)
    label = ", ".join(f"{k}={v}" for k, v in (segment or {}).items())
    ctl = None
    ctl_label = ""
    if control:
        if dict(control) == dict(segment or {}):
            raise AnalysisError(
                "The control segment is the segment under test: pick another control."
            )
        ctl, _ = daily_series(table, kpi, control)
        ctl_label = ", ".join(f"{k}={v}" for k, v in control.items())
    return interrupted_time_series(
        values,
        change,
        control=ctl,
        alpha=alpha,
        slope_change=slope_change,
        weights=den,
        kpi=kpi,
        segment=label,
        control_segment=ctl_label,
        events=events,
    )


def before_after(
    table: Any,
    change: DateLike | None = None,
    *,
    kpis: Sequence[str] | None = None,
    segment: Mapping[str, str] | None = None,
    before: tuple[DateLike, DateLike] | None = None,
    after: tuple[DateLike, DateLike] | None = None,
    alpha: float = 0.05,
    adjust: str = "holm",
) -> pd.DataFrame:
    """Before/after comparison table for several KPIs (see ``compare_periods`` for the model).

    Parameters
    ----------
    table : a daily ``KpiTable`` or its tidy frame.
    change / before, after : the change date, or the two periods.
    kpis : KPI ids (default: every KPI in the table).
    segment : e.g. ``{"queue": "Billing"}``.
    adjust : multiple-testing correction for ``p_adj``: "holm" or "fdr_bh".

    Returns
    -------
    DataFrame
        One row per KPI: ``kpi, value_before, value_after, change, change_rel, ci_low, ci_high,
        p_value, p_adj, contacts_before, contacts_after, days_before, days_after, method, note``.
        A KPI that cannot be compared has NaN figures and the reason in ``note``.
    """
    from statsmodels.stats.multitest import multipletests

    frame = _kpi_frame(table)
    wanted = list(kpis) if kpis is not None else list(dict.fromkeys(frame["kpi"].tolist()))
    label = ", ".join(f"{k}={v}" for k, v in (segment or {}).items())
    rows = []
    for k in wanted:
        row: dict[str, Any] = {"kpi": k}
        try:
            values, den = daily_series(frame, k, segment)
            daily = pd.DataFrame({"date": values.index, "value": values.to_numpy()})
            sub = _kpi_frame(table)
            if den is not None:
                part = sub[sub["kpi"] == k]
                for col, v in (segment or {}).items():
                    part = part[part[col].astype("string") == str(v)]
                part = part.sort_values("date")
                daily = daily.assign(
                    numerator=pd.to_numeric(part["numerator"], errors="coerce").to_numpy(float),
                    denominator=den.to_numpy(),
                )
            res = compare_periods(
                daily, change, before=before, after=after, kpi=k, segment=label, alpha=alpha
            )
            row |= {
                "value_before": res.value_before,
                "value_after": res.value_after,
                "change": res.effect,
                "change_rel": res.relative_effect,
                "ci_low": res.ci_low,
                "ci_high": res.ci_high,
                "p_value": res.p_value,
                "contacts_before": res.contacts_before,
                "contacts_after": res.contacts_after,
                "days_before": res.n_before,
                "days_after": res.n_after,
                "method": res.method,
                "note": " ".join(
                    [
                        *res.warnings,
                        *(
                            ["Each period: the contact-weighted mean of its daily quantiles."]
                            if k in KPIS and KPIS[k].stat == "quantile"
                            else []
                        ),
                    ]
                ),
            }
        except AnalysisError as err:
            row["note"] = str(err)
        rows.append(row)
    cols = [
        "kpi", "value_before", "value_after", "change", "change_rel", "ci_low", "ci_high",
        "p_value", "p_adj", "contacts_before", "contacts_after", "days_before", "days_after",
        "method", "note",
    ]  # fmt: skip
    out = pd.DataFrame(rows).reindex(columns=cols)
    for c in cols:
        if c not in ("kpi", "method", "note"):
            out[c] = pd.to_numeric(out[c], errors="coerce").astype("float64")
    tested = out["p_value"].notna().to_numpy()
    if tested.any():
        adj = multipletests(out.loc[tested, "p_value"].to_numpy(), method=adjust)[1]
        out.loc[tested, "p_adj"] = adj
    return out


def format_candidates(result: ChangePointResult, unit: str) -> pd.DataFrame:
    """The change-point candidates as text for display: dates as dates, levels in the KPI's
    unit, p formatted. Columns ``rank, new level from, 95% range of the date, before, after,
    shift, p, significant``."""
    rows = []
    for r in result.candidates.itertuples(index=False):
        rows.append(
            {
                "rank": int(r.rank),
                "new level from": f"{pd.Timestamp(r.date):%d %b %Y}",
                "95% range of the date": f"{pd.Timestamp(r.ci_low):%d %b} – "
                f"{pd.Timestamp(r.ci_high):%d %b %Y}",
                "before": fmt_value(float(r.mean_before), unit),
                "after": fmt_value(float(r.mean_after), unit),
                "shift": fmt_change(float(r.shift), unit),
                "p": fmt_p(float(r.p_value)).removeprefix("p = "),
                "significant": "yes" if bool(r.significant) else "no",
            }
        )
    return pd.DataFrame(rows)


def format_comparison(table: pd.DataFrame) -> pd.DataFrame:
    """The ``before_after`` table as text for display, each KPI in its own unit.

    Returns
    -------
    DataFrame
        Columns ``KPI, before, after, change, relative, 95% CI, p, p (adjusted), contacts before,
        contacts after, days before, days after, note``.
    """
    rows = []
    for r in table.itertuples(index=False):
        info = kpi_info(str(r.kpi))
        ok = pd.notna(r.change)
        rows.append(
            {
                "KPI": info.name,
                "before": fmt_value(r.value_before, info.unit) if ok else "",
                "after": fmt_value(r.value_after, info.unit) if ok else "",
                "change": fmt_change(r.change, info.unit) if ok else "",
                "relative": f"{r.change_rel:+.1%}".replace("-", "\u2212")
                if ok and pd.notna(r.change_rel)
                else "",
                "95% CI": fmt_interval(r.ci_low, r.ci_high, info.unit) if ok else "",
                "p": fmt_p(r.p_value).removeprefix("p = ") if ok else "",
                "p (adjusted)": fmt_p(r.p_adj).removeprefix("p = ") if ok else "",
                "contacts before": f"{r.contacts_before:,.0f}"
                if pd.notna(r.contacts_before)
                else "",
                "contacts after": f"{r.contacts_after:,.0f}" if pd.notna(r.contacts_after) else "",
                "days before": f"{r.days_before:.0f}" if pd.notna(r.days_before) else "",
                "days after": f"{r.days_after:.0f}" if pd.notna(r.days_after) else "",
                "note": str(r.note) if isinstance(r.note, str) else "",
            }
        )
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------------------------
# Power
# --------------------------------------------------------------------------------------------


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

    The pre-period is fitted with the ITS model's baseline (trend, weekdays, AR(1) errors); the
    GLS variance of the step on a design with ``n_before`` + ``n_after`` days then gives
    MDE = (t_{1-alpha/2} + t_{power}) x SE(step).

    Parameters
    ----------
    series : daily values; the days before ``change`` (or all of them) are the baseline.
    change : the change date; ``n_after`` defaults to the days of data after it.
    n_after : planned post-period length in days (default 28 when there is no change date).

    Returns
    -------
    PowerResult
        ``table`` has columns ``n_after, mde, mde_relative`` for 14, 28, 42, 56, 84 days and
        the requested length.
    """
    info = kpi_info(kpi, unit)
    name = info.name if kpi else "the series"
    s = _clean_series(series, name)
    weekly = _is_daily(s.index) if weekly is None else weekly
    if change is not None:
        when = _to_timestamp(change, "change date")
        pre = s[s.index < when]
        if n_after is None:
            n_after = int((s.index >= when).sum())
    else:
        pre = s
        when = pre.index[-1] + pd.Timedelta(days=1)
    if n_after is None or n_after <= 0:
        n_after = GOOD_DAYS
    if len(pre) < MIN_DAYS:
        raise AnalysisError(
            f"Only {len(pre)} days before the change: at least {MIN_DAYS} are needed to estimate "
            "the day-to-day noise."
        )
    if float(np.ptp(pre.to_numpy())) == 0.0:
        raise AnalysisError(
            f"{name.capitalize()} is constant before the change, so its noise cannot be estimated."
        )
    weeks = np.asarray((pre.index - when) / pd.Timedelta(days=7), dtype=float)
    cols = [np.ones(len(pre)), weeks]
    if weekly:
        dow = np.asarray(pre.index.day_of_week)
        cols += [(dow == d).astype(float) for d in sorted(set(dow.tolist()))[1:]]
    base = fit_ar1_regression(pre.to_numpy(), np.column_stack(cols))
    mean_before = float(pre.mean())

    def mde_for(days_after: int) -> tuple[float, float]:
        idx = pre.index.append(pd.date_range(when, periods=days_after, freq="D"))
        x, names, _ = _design(idx, when, trend=True, slope_change=False, weekly=weekly)
        cov = ar1_covariance_of_beta(x, base.phi, base.sigma2)
        se = math.sqrt(cov[names.index("step"), names.index("step")])
        df = max(len(idx) - x.shape[1] - 1, 1)
        return (float(stats.t.ppf(1 - alpha / 2, df)) + float(stats.t.ppf(power, df))) * se, se

    mde, se = mde_for(n_after)
    lengths = sorted({14, 28, 42, 56, 84, int(n_after)})
    table = pd.DataFrame({"n_after": lengths, "mde": [mde_for(n)[0] for n in lengths]})
    table["mde_relative"] = table["mde"] / mean_before if mean_before else math.nan
    warns = []
    if n_after < GOOD_DAYS:
        warns.append(
            f"The post period is short ({n_after} days): only shifts of at least "
            f"{fmt_change(mde, info.unit, signed=False)} would reliably show; wait for {GOOD_DAYS}+ days."
        )
    if base.phi > 0.5:
        warns.append(
            f"Neighbouring days are strongly correlated (lag-1 autocorrelation {base.phi:.2f}): each "
            "extra day adds little information."
        )
    rel = (
        f" ({mde / abs(mean_before):.0%} of the current {fmt_value(mean_before, info.unit)})"
        if mean_before
        else ""
    )
    summary = (
        f"With {len(pre)} days before and {n_after} after, the smallest change in "
        f"{info.name if kpi else 'the KPI'} this data could detect ({power:.0%} power, "
        f"{alpha:.0%} level) is about {fmt_change(mde, info.unit, signed=False)}{rel}."
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
        summary=summary,
        warnings=tuple(warns),
        unit=info.unit,
        table=table,
    )


# --------------------------------------------------------------------------------------------
# Change points
# --------------------------------------------------------------------------------------------


def change_points(
    series: pd.Series,
    *,
    max_changes: int = 3,
    min_size: int = MIN_DAYS,
    alpha: float = 0.05,
    weekly: bool | None = None,
    kpi: str = "",
    unit: str | None = None,
) -> ChangePointResult:
    """Most likely dates where the level shifted (binary segmentation, least-squares mean shift).

    In each segment the split that minimises the residual sum of squares is the candidate; the
    segment's evidence is the sup of the CUSUM of deviations standardised by the Newey-West
    long-run variance (robust to autocorrelated days), referred to the Kolmogorov distribution.
    Segments keep splitting while that test rejects at ``alpha``. The 95% interval of each date is
    Bai (1997): k +/- c * lrv / shift^2, with c the 97.5% quantile of the argmax of a two-sided
    Brownian motion with drift (about 11.0). Daily series are searched after removing
    day-of-week means. Nile 1871-1970: break after 1898 (strucchange: obs 28, CI 25-32).

    Returns
    -------
    ChangePointResult
        ``candidates`` (see its docstring); at least the best single split, flagged by
        ``significant``. Its warnings always carry the caveat that a date found in the data
        cannot be tested on the same data as if it had been chosen in advance.
    """
    info = kpi_info(kpi, unit)
    name = info.name if kpi else "the series"
    s = _clean_series(series, name)
    if len(s) < 2 * min_size:
        raise AnalysisError(
            f"Only {len(s)} points: searching for a shift needs at least {2 * min_size} "
            f"({min_size} on each side)."
        )
    if float(np.ptp(s.to_numpy())) == 0.0:
        raise AnalysisError(f"{name.capitalize()} is constant, so there is no shift to find.")
    weekly = _is_daily(s.index) if weekly is None else weekly
    y = s.to_numpy().copy()
    if weekly:
        dow = np.asarray(s.index.day_of_week)
        for d in set(dow.tolist()):
            y[dow == d] -= y[dow == d].mean()
        y += s.mean()
    c975 = argmax_quantile(0.975)
    found: list[dict[str, Any]] = []
    queue: list[tuple[int, int]] = [(0, len(y))]
    while queue and len(found) < max_changes:
        lo, hi = queue.pop(0)
        seg = y[lo:hi]
        split = best_split(seg, min_size)
        if split is None:
            continue
        k, _ = split
        m1, m2 = seg[:k].mean(), seg[k:].mean()
        resid = np.concatenate([seg[:k] - m1, seg[k:] - m2])
        lrv = long_run_variance(resid)
        n = len(seg)
        cusum = np.cumsum(seg - seg.mean())[:-1] / math.sqrt(n * lrv)
        score = float(np.max(np.abs(cusum)))
        p = float(stats.kstwobign.sf(score))
        significant = p < alpha
        if not significant and found:
            continue
        shift = float(m2 - m1)
        half = math.ceil(c975 * lrv / shift**2) if shift != 0 else n
        at = lo + k
        raw_before = s.iloc[lo:at].mean()
        raw_after = s.iloc[at:hi].mean()
        found.append(
            {
                "date": s.index[at],
                "last_before": s.index[at - 1],
                "mean_before": float(raw_before),
                "mean_after": float(raw_after),
                "shift": float(raw_after - raw_before),
                "score": score,
                "p_value": p,
                "ci_low": s.index[max(at - half, lo + 1)],
                "ci_high": s.index[min(at + half, hi - 1)],
                "significant": significant,
            }
        )
        if significant:
            queue += [(lo, at), (at, hi)]
    cand = pd.DataFrame(found).sort_values("score", ascending=False, ignore_index=True)
    cand.insert(0, "rank", np.arange(1, len(cand) + 1))
    sig = cand[cand["significant"]]
    if sig.empty:
        summary = (
            f"No clear shift in {name}: the strongest candidate, {fmt_date(cand['date'].iloc[0])}, "
            f"is within what day-to-day noise produces ({fmt_p(float(cand['p_value'].iloc[0]))})."
        )
    else:
        top = sig.iloc[0]
        summary = (
            f"The most likely shift in {name} starts on {fmt_date(top['date'])} "
            f"({fmt_value(top['mean_before'], info.unit)} to {fmt_value(top['mean_after'], info.unit)}; "
            f"95% range of dates {top['ci_low']:%d %b} to {top['ci_high']:%d %b %Y})"
            + (f"; {len(sig) - 1} more candidate(s) listed." if len(sig) > 1 else ".")
        )
    return ChangePointResult(
        kpi=kpi, candidates=cand, summary=summary, warnings=(_CHANGE_POINT_CAVEAT,)
    )


# --------------------------------------------------------------------------------------------
# Reference-style models: counts with an offset, and regression DiD
# --------------------------------------------------------------------------------------------


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

    Returns
    -------
    CountItsResult
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
    p = float(fit.pvalues[2])
    rates = y / exposure * rate_per
    # Student's pooled t, as the reference analysis (p = 0.119 on Sicily; Welch gives 0.124).
    naive = stats.ttest_ind(rates[~d], rates[d])
    rr = math.exp(b)
    warns = []
    if (
        float(rates[d].mean()) > float(rates[~d].mean())
        and rr < 1
        or float(rates[d].mean()) < float(rates[~d].mean())
        and rr > 1
    ):
        warns.append(
            "The plain before/after averages point the other way: the underlying trend and "
            "season, not the change, drive the raw difference."
        )
    summary = (
        f"After the change the rate was {abs(rr - 1):.1%} {'lower' if rr < 1 else 'higher'} than the "
        f"trend predicted (rate ratio {rr:.3f}, {round((1 - alpha) * 100)}% CI "
        f"{math.exp(b - z * se):.3f} to {math.exp(b + z * se):.3f}); {noise_clause(p, alpha)}."
    )
    return CountItsResult(
        rate_ratio=rr,
        ci_low=math.exp(b - z * se),
        ci_high=math.exp(b + z * se),
        p_value=p,
        dispersion=float(fit.scale),
        naive_before=float(rates[~d].mean()),
        naive_after=float(rates[d].mean()),
        naive_p=float(naive.pvalue),
        n_before=n_before,
        n_after=n_after,
        method="quasi_poisson_its",
        summary=summary,
        warnings=tuple(warns),
    )


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

    Returns
    -------
    DidRegressionResult
    """
    import statsmodels.api as sm

    needed = [outcome, treated, post] + ([time] if time else [])
    missing = [c for c in needed if c not in frame.columns]
    if missing:
        raise AnalysisError(f"Missing column(s) {', '.join(missing)} for the DiD regression.")
    data = frame[needed].apply(pd.to_numeric, errors="coerce").dropna()
    tr, po = data[treated].to_numpy(float), data[post].to_numpy(float)
    cols = {"const": np.ones(len(data)), "treated": tr, "post": po, "treated_post": tr * po}
    if time:
        cols["time"] = data[time].to_numpy(float)
    x = pd.DataFrame(cols)
    if len(data) <= x.shape[1] or np.linalg.matrix_rank(x.to_numpy()) < x.shape[1]:
        raise AnalysisError(
            "Too few rows, or no treated/control x before/after variation, for a DiD regression."
        )
    fit = sm.OLS(data[outcome].to_numpy(float), x, missing="drop").fit(use_t=use_t)
    effect, se = float(fit.params["treated_post"]), float(fit.bse["treated_post"])
    lo, hi = (float(v) for v in fit.conf_int(alpha=alpha).loc["treated_post"])
    p = float(fit.pvalues["treated_post"])
    summary = (
        f"Difference-in-differences: {effect:+.3g} ({round((1 - alpha) * 100)}% CI {lo:.3g} to "
        f"{hi:.3g}); {noise_clause(p, alpha)}."
    )
    return DidRegressionResult(
        effect=effect,
        ci_low=lo,
        ci_high=hi,
        p_value=p,
        se=se,
        n=len(data),
        method="ols_did" + ("_trend" if time else ""),
        summary=summary,
    )

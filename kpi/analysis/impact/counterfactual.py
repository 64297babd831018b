"""A counterfactual from several comparison series (CausalImpact-style), at any grain.

The treated KPI is modelled on comparison series the change did not touch (other queues,
channels, sites) plus the grain's season, over the pre-period only; the model is then projected
past the change with the comparison series' actual values: "expected without the change". The
effect per period is observed minus expected, averaged over the post period; its interval comes
from the joint covariance of the projection errors over the whole post period (they are
correlated: one wrong level moves every period), including the uncertainty of the coefficients.

Two models (``model=``):

- ``"ar1"`` (default): regression on the comparison series with AR(1) errors, fitted by
  iterated Prais-Winsten FGLS with the bias-corrected AR coefficient
  (:func:`~kpi.analysis.impact.models.fit_ar1_regression`); t inference.
- ``"local_level"``: a structural time series with a random-walk level plus the regression
  (statsmodels ``UnobservedComponents``, coefficients in the state), the model of R's
  CausalImpact without its priors; maximum likelihood, normal inference.

Chosen by calibration (``benchmarks/counterfactual_calibration.py``, 200 null series per cell,
84 + 56 days, AR(1) noise and a weekly pattern, 1-5 comparison series sharing a common factor;
Monte-Carlo SE 1.5 points): the AR(1) model rejects 3.0-7.0% at phi 0.3 and 3.0-7.5% at phi 0.6
at nominal 5%, and finds a shift of one standard deviation 99.5-100% (phi 0.3) and 82.5-88% (phi
0.6) of the time, where the single-control DiD on the same series finds it 59.5-64.5% and
37.5-42.5% of the time (its false positives 3.0-7.5%). The local level is over-cautious at phi
0.6 (0.5-1% false positives: its random-walk level absorbs the autocorrelated noise and its band
widens with every projected day), so it has less power; it stays available as ``model=``.
"""

from __future__ import annotations

import math
import warnings as _warnings
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from kpi.analysis.impact.models import fit_ar1_regression
from kpi.analysis.impact.results import CounterfactualResult
from kpi.analysis.impact.segmented import common_warnings, fit_its
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

__all__ = ["MODELS", "Projection", "counterfactual_impact", "project"]

MODELS = ("ar1", "local_level")

POOR_FIT_R2 = 0.25
"""Below this pre-period R² of the one-step predictions, the comparison series (and the
series' own past) explain too little of the treated series for a sharp counterfactual."""


@dataclass(frozen=True, slots=True)
class Projection:
    """The fitted model's numbers: one-step predictions over the pre-period, the projection
    over the post period and the joint covariance of its errors, the t degrees of freedom
    (``inf`` for normal inference) and the AR coefficient (NaN for the local level)."""

    pre_pred: np.ndarray
    post_pred: np.ndarray
    post_cov: np.ndarray
    df: float
    phi: float
    burn: int


def _regressors(
    index: pd.DatetimeIndex,
    controls: np.ndarray,
    change: pd.Timestamp,
    grain: Grain,
    *,
    seasonal: bool,
    trend: bool,
    pre: np.ndarray,
) -> tuple[np.ndarray, str]:
    """const, comparison series, [trend], [season]; also the season's name ("" if none)."""
    cols = [np.ones(len(index)), *controls.T]
    if trend:
        cols.append(time_index(index, change, grain))
    label = ""
    if seasonal:
        season, _ = seasonal_columns(index, grain, span=index[pre])
        cols += season
        label = grain.season_label if season else ""
    return np.column_stack(cols), label


def _ar1_projection(y: np.ndarray, x: np.ndarray, n_pre: int) -> Projection:
    fit = fit_ar1_regression(y[:n_pre], x[:n_pre])
    phi, beta = fit.phi, fit.beta
    resid = y[:n_pre] - x[:n_pre] @ beta
    pre_pred = x[:n_pre] @ beta
    pre_pred[1:] += phi * resid[:-1]
    m = len(y) - n_pre
    h = np.arange(1, m + 1, dtype=float)
    decay = phi**h
    # y_hat(n+h) = (x_h - phi^h x_n) beta + phi^h y_n: the coefficients' uncertainty enters
    # through x_h - phi^h x_n, the future AR(1) errors through their own covariance.
    x_tilde = x[n_pre:] - np.outer(decay, x[n_pre - 1])
    post_pred = x_tilde @ beta + decay * y[n_pre - 1]
    lo = np.minimum.outer(h, h)
    gap = np.abs(np.subtract.outer(h, h))
    if abs(phi) < 1e-12:
        ar_cov = fit.sigma2 * np.eye(m)
    else:
        ar_cov = fit.sigma2 * phi**gap * (1.0 - phi ** (2.0 * lo)) / (1.0 - phi * phi)
    cov = x_tilde @ fit.cov @ x_tilde.T + ar_cov
    return Projection(pre_pred, post_pred, cov, float(fit.df), float(phi), 1)


def _local_level_projection(y: np.ndarray, x: np.ndarray, n_pre: int) -> Projection:
    from statsmodels.tsa.statespace.structural import UnobservedComponents

    exog = x[:, 1:]  # the random-walk level replaces the constant
    with _warnings.catch_warnings():
        _warnings.simplefilter("ignore")
        pre_model = UnobservedComponents(
            y[:n_pre], level="llevel", exog=exog[:n_pre], mle_regression=False
        )
        params = pre_model.fit(disp=False).params
        y_full = y.astype(float).copy()
        y_full[n_pre:] = np.nan
        full = UnobservedComponents(y_full, level="llevel", exog=exog, mle_regression=False)
        res = full.filter(params)
    pred = np.asarray(res.forecasts[0], dtype=float)
    ssm = full.ssm
    transition = np.asarray(ssm.transition)[:, :, 0]
    design = np.asarray(ssm.design)
    obs_var = float(np.asarray(ssm.obs_cov)[0, 0, 0])
    p_states = np.asarray(res.predicted_state_cov)
    m = len(y) - n_pre
    cov = np.zeros((m, m))
    for k in range(m):
        z_k = design[0, :, n_pre + k] if design.shape[2] > 1 else design[0, :, 0]
        v = p_states[:, :, n_pre + k] @ z_k
        for h in range(k, m):
            z_h = design[0, :, n_pre + h] if design.shape[2] > 1 else design[0, :, 0]
            cov[h, k] = cov[k, h] = float(z_h @ v)
            v = transition @ v
        cov[k, k] += obs_var
    burn = int(getattr(res, "loglikelihood_burn", 1)) or 1
    return Projection(pred[:n_pre], pred[n_pre:], cov, math.inf, math.nan, burn)


def project(y: np.ndarray, x: np.ndarray, n_pre: int, model: str = "ar1") -> Projection:
    """Fit ``model`` ("ar1" or "local_level") on the first ``n_pre`` rows of ``y`` on ``x``
    (whose first column is the constant) and project it over the remaining rows."""
    if model == "ar1":
        return _ar1_projection(y, x, n_pre)
    if model == "local_level":
        return _local_level_projection(y, x, n_pre)
    raise AnalysisError(f"Unknown counterfactual model {model!r}: use one of {', '.join(MODELS)}.")


def _align(
    series: pd.Series, controls: pd.DataFrame, name: str
) -> tuple[pd.Series, pd.DataFrame, int]:
    if not isinstance(controls, pd.DataFrame) or controls.shape[1] == 0:
        raise AnalysisError(
            "The comparison series must be a table with one column per series (at least one)."
        )
    s = clean_series(series, name)
    cleaned = {str(c): clean_series(controls[c], f"comparison series {c}") for c in controls}
    frame = pd.DataFrame(cleaned)
    joined = frame.join(s.rename("__treated__"), how="outer")
    complete = joined.dropna()
    if complete.empty:
        raise AnalysisError(
            f"{name.capitalize()} and the comparison series share no dates: pick others."
        )
    left_out = len(joined) - len(complete)
    return complete["__treated__"], complete.drop(columns="__treated__"), left_out


def _fit_quality(y: np.ndarray, pred: np.ndarray, burn: int) -> tuple[float, float]:
    obs, fit = y[burn:], pred[burn:]
    sst = float(np.sum((obs - obs.mean()) ** 2))
    r2 = 1.0 - float(np.sum((obs - fit) ** 2)) / sst if sst > 0 else math.nan
    mape = float(np.mean(np.abs((obs - fit) / obs))) if np.all(obs != 0) else math.nan
    return r2, mape


# Length: a 22-line docstring; checks, design and projection read best in order.
def counterfactual_impact(
    series: pd.Series,
    change: DateLike,
    controls: pd.DataFrame,
    *,
    alpha: float = 0.05,
    model: str = "ar1",
    seasonal: bool | None = None,
    trend: bool = False,
    weights: pd.Series | None = None,
    kpi: str = "",
    unit: str | None = None,
    segment: str = "",
    events: Sequence[EventLike] = (),
) -> CounterfactualResult:
    """Observed vs expected without the change, the expectation built from comparison series.

    Parameters
    ----------
    series : the treated KPI on a DatetimeIndex (daily, weekly, monthly, quarterly or yearly).
    change : first day (period) of the new regime.
    controls : comparison series, one column each, on the same dates (dates missing in any
        series are left out, with a warning saying how many).
    model : "ar1" (default, calibrated) or "local_level" (see the module docstring).
    seasonal : the grain's seasonal terms (default: on when the grain has a season and the
        pre-period spans it: day of week; month of year with two years of months).
    trend : add a linear trend (off by default: the comparison series carry the shared trend,
        and a trend projected over a long post period drifts).
    weights : denominators, used only for ``contacts_before/after``.

    Returns
    -------
    CounterfactualResult
        ``effect`` average absolute effect per period (observed - expected), ``ci_low/ci_high``,
        ``p_value``, ``relative_effect``, ``cumulative`` with its interval, ``fit_r2/fit_mape``
        and ``fitted`` (observed, expected with its band, cumulative effect with its band).
    """
    info = kpi_info(kpi, unit)
    name = info.name if kpi else "the series"
    s, ctl, left_out = _align(series, controls, name)
    when = to_timestamp(change, "change date")
    index = pd.DatetimeIndex(s.index)
    grain = infer_grain(index)
    post, n_before, n_after = split_checks(s, when, name, grain)
    pre = ~post
    for col in ctl.columns:
        if float(np.ptp(ctl[col].to_numpy()[pre])) == 0.0:
            raise AnalysisError(
                f"The comparison series {col} is constant before the change: it cannot predict "
                f"{name}. Untick it."
            )
    use_season = grain.season > 0 if seasonal is None else seasonal
    x, season_label = _regressors(
        index,
        ctl.to_numpy(float),
        when,
        grain,
        seasonal=use_season,
        trend=trend,
        pre=pre,
    )
    if x.shape[1] >= n_before - 2 or np.linalg.matrix_rank(x[pre]) < x.shape[1]:
        raise AnalysisError(
            f"Only {grain.word(n_before)} before the change for {x.shape[1]} coefficients "
            f"({ctl.shape[1]} comparison series{', the ' + season_label if season_label else ''}"
            "): use fewer comparison series or a longer period."
        )
    y = s.to_numpy(float)
    proj = project(y, x, n_before, model)
    return _result(
        s=s,
        ctl=ctl,
        proj=proj,
        when=when,
        grain=grain,
        alpha=alpha,
        model=model,
        season_label=season_label,
        weights=weights,
        info_unit=info.unit,
        kpi=kpi,
        segment=segment,
        warnings=_warnings_for(
            s, ctl, proj, when, grain, n_before, n_after, events, segment, left_out, alpha, info
        ),
    )


def _chart_frame(s: pd.Series, proj: Projection, gap: np.ndarray, q: float) -> pd.DataFrame:
    """Observed, one-step fit then projection with its pointwise band, and the cumulative
    effect with its band (from the partial sums of the projection covariance)."""
    y = s.to_numpy(float)
    n_pre = len(proj.pre_pred)
    point_sd = np.sqrt(np.maximum(np.diag(proj.post_cov), 0.0))
    cum_sd = np.sqrt(np.maximum(np.diag(np.cumsum(np.cumsum(proj.post_cov, 0), 1)), 0.0))
    cumulative = np.cumsum(gap)
    nan_pre = np.full(n_pre, np.nan)
    expected = np.concatenate([proj.pre_pred, proj.post_pred])
    return pd.DataFrame(
        {
            "date": s.index,
            "observed": y,
            "fitted": expected,
            "counterfactual": expected,
            "cf_low": np.concatenate([nan_pre, proj.post_pred - q * point_sd]),
            "cf_high": np.concatenate([nan_pre, proj.post_pred + q * point_sd]),
            "period": np.where(np.arange(len(y)) >= n_pre, "after", "before"),
            "effect": np.concatenate([nan_pre, gap]),
            "cumulative": np.concatenate([nan_pre, cumulative]),
            "cumulative_low": np.concatenate([nan_pre, cumulative - q * cum_sd]),
            "cumulative_high": np.concatenate([nan_pre, cumulative + q * cum_sd]),
        }
    )


# Length: one keyword per line of the 35-field result.
def _result(
    *,
    s: pd.Series,
    ctl: pd.DataFrame,
    proj: Projection,
    when: pd.Timestamp,
    grain: Grain,
    alpha: float,
    model: str,
    season_label: str,
    weights: pd.Series | None,
    info_unit: str,
    kpi: str,
    segment: str,
    warnings: tuple[tuple[str, ...], tuple[float, ...], tuple[float, float]],
) -> CounterfactualResult:
    y = s.to_numpy(float)
    n_pre = len(proj.pre_pred)
    m = len(proj.post_pred)
    gap = y[n_pre:] - proj.post_pred
    total_var = float(proj.post_cov.sum())
    effect = float(gap.mean())
    se = math.sqrt(max(total_var, 0.0)) / m
    q = float(
        stats.t.ppf(1 - alpha / 2, proj.df)
        if math.isfinite(proj.df)
        else stats.norm.ppf(1 - alpha / 2)
    )
    if se > 0:
        z = abs(effect) / se
        p = float(2 * (stats.t.sf(z, proj.df) if math.isfinite(proj.df) else stats.norm.sf(z)))
    else:
        p = 0.0 if effect != 0 else 1.0
    expected = float(proj.post_pred.mean())
    observed_after = float(y[n_pre:].mean())
    texts, control_p, (r2, mape) = warnings
    frame = _chart_frame(s, proj, gap, q)
    w = None
    if weights is not None:
        w = clean_series(weights, "weights").reindex(s.index).to_numpy()
        w = w if np.isfinite(w).all() else None
    t80 = float(stats.t.ppf(0.8, proj.df) if math.isfinite(proj.df) else stats.norm.ppf(0.8))
    return CounterfactualResult(
        kpi=kpi,
        segment=segment,
        method=f"counterfactual_{model}",
        change=f"{when:%Y-%m-%d}",
        grain=grain.name,
        effect=effect,
        ci_low=effect - q * se,
        ci_high=effect + q * se,
        p_value=p,
        value_before=expected,
        value_after=observed_after,
        n_before=n_pre,
        n_after=m,
        warnings=texts,
        unit=info_unit,
        alpha=float(alpha),
        relative_effect=effect / expected if expected else math.nan,
        relative_low=(effect - q * se) / expected if expected else math.nan,
        relative_high=(effect + q * se) / expected if expected else math.nan,
        contacts_before=float(w[:n_pre].sum()) if w is not None else math.nan,
        contacts_after=float(w[n_pre:].sum()) if w is not None else math.nan,
        phi=proj.phi,
        mde=(q + t80) * se,
        controls=tuple(str(c) for c in ctl.columns),
        model=model,
        cumulative=float(gap.sum()),
        cumulative_low=float(gap.sum() - q * se * m),
        cumulative_high=float(gap.sum() + q * se * m),
        fit_r2=r2,
        fit_mape=mape,
        seasonality=season_label,
        correlations=tuple(
            float(np.corrcoef(y[:n_pre], ctl[c].to_numpy(float)[:n_pre])[0, 1]) for c in ctl.columns
        ),
        control_shift_p=control_p,
        fitted=frame,
    )


def _warnings_for(
    s: pd.Series,
    ctl: pd.DataFrame,
    proj: Projection,
    when: pd.Timestamp,
    grain: Grain,
    n_before: int,
    n_after: int,
    events: Sequence[EventLike],
    segment: str,
    left_out: int,
    alpha: float,
    info: object,
) -> tuple[tuple[str, ...], tuple[float, ...], tuple[float, float]]:
    """Caveats, each comparison series' own shift p-value, and the pre-period fit (R², MAPE)."""
    unit = str(getattr(info, "unit", "value"))
    out = common_warnings(s, when, n_before, n_after, events, grain, segment=segment, gaps=False)
    if left_out:
        out.append(
            f"{grain.word(left_out)} without a value in the KPI or one of the comparison series "
            "were left out."
        )
    shift_p = []
    for col in ctl.columns:
        try:
            fit = fit_its(
                ctl[col],
                when,
                alpha=alpha,
                trend=True,
                slope_change=False,
                weekly=grain.season > 0,
                grain=grain,
            )
        except AnalysisError:
            shift_p.append(math.nan)
            continue
        shift_p.append(float(fit.p))
        if fit.p < alpha:
            out.append(
                f"The comparison series {col.split('=', 1)[-1]} itself shifted at the change date "
                f"({fmt_change(fit.effect, unit)}, {fmt_p(fit.p)}): the change may have reached "
                "it too, or something else happened then. Consider unticking it."
            )
    r2, mape = _fit_quality(s.to_numpy(float)[:n_before], proj.pre_pred, proj.burn)
    if not r2 >= POOR_FIT_R2:
        out.append(
            f"The comparison series tracked the KPI poorly before the change (one-step R² "
            f"{r2:.2f}): the expected level rests mostly on the KPI's own baseline, as in a plain "
            "before/after. A comparison series that moves with this one would sharpen it."
        )
    return tuple(out), tuple(shift_p), (r2, mape)

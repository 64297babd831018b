"""The correlation matrix, the pair explorer and the rolling correlation."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd
from scipy import stats
from statsmodels.stats.multitest import multipletests

from kpi.analysis.relations.correlation import (
    PairStats,
    effective_n,
    fisher_ci,
    guards_text,
    n_periods,
    pair_stats,
    rank,
    wcorr,
)
from kpi.analysis.relations.guards import Guards, Method, check_method
from kpi.analysis.relations.prepare import Prepared, date_index, numeric_columns, prepare
from kpi.analysis.relations.results import PairResult
from kpi.errors import AnalysisError

__all__ = ["correlation_table", "pair_analysis", "rolling_correlation"]


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
    m = check_method(method)
    prep, chosen = prepare(frame, kpis, Guards.coerce(guards), weights, volume, weekdays_only)
    rows = []
    for i, x in enumerate(chosen):
        for y in chosen[i + 1 :]:
            ps = pair_stats(prep, x, y, m, n_periods(prep, x, y))
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
                    "guards": guards_text(prep, ps.partial),
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
    out.insert(list(out.columns).index("p_value") + 1, "p_adj", p_adj)
    out.insert(
        list(out.columns).index("n_eff") + 1, "significant", np.nan_to_num(p_adj, nan=1.0) < alpha
    )
    return out


def _labels(
    frame: pd.DataFrame, base: pd.DataFrame, prep: Prepared, label: str | None
) -> pd.Series:
    """The name of each point: its date, else the label column, a text column or the row."""
    index = prep.raw.index
    if prep.is_time:
        return pd.Series(pd.DatetimeIndex(index).strftime("%Y-%m-%d"), index=index)
    if label is not None and label not in frame.columns and label != base.index.name:
        raise AnalysisError(f"Label column '{label}' is not in the table.")
    if label is None:
        text_cols = [c for c in frame.columns if c not in numeric_columns(frame)]
        if text_cols:
            return pd.Series(frame[text_cols[0]].astype(str).to_numpy(), index=index)
    return pd.Series(index.astype(str), index=index)


def _points(
    prep: Prepared, ps: PairStats, labels: pd.Series, x: str, y: str, adjusted: bool
) -> pd.DataFrame:
    """One row per point: raw ``x, y``, the plotted (correlated) ``x_plot, y_plot``, weight."""
    idx = ps.index
    points = pd.DataFrame(
        {
            "label": labels.reindex(idx).astype(str).to_numpy(),
            "x": prep.raw[x].reindex(idx).to_numpy(dtype=float),
            "y": prep.raw[y].reindex(idx).to_numpy(dtype=float),
        }
    )
    if not len(idx):
        return points.assign(x_plot=np.nan, y_plot=np.nan, weight=np.nan)
    if not adjusted:
        return points.assign(
            x_plot=points["x"].to_numpy(), y_plot=points["y"].to_numpy(), weight=ps.w
        )
    # Plotted values are the series that were correlated, re-centred on the raw means so the
    # axes stay in the KPI's unit.
    return points.assign(
        x_plot=ps.x + np.nanmean(points["x"]), y_plot=ps.y + np.nanmean(points["y"]), weight=ps.w
    )


def _fit_line(points: pd.DataFrame, n_eff: float) -> tuple[float, float, pd.DataFrame]:
    """Weighted least-squares line of ``y_plot`` on ``x_plot`` with its 95% band."""
    line = pd.DataFrame(columns=["x", "fit", "fit_low", "fit_high"], dtype=float)
    if len(points) < 3 or not np.ptp(points["x_plot"]) > 0:
        return math.nan, math.nan, line
    xv, yv, wv = (points[c].to_numpy(dtype=float) for c in ("x_plot", "y_plot", "weight"))
    xm, ym = np.sum(wv * xv) / wv.sum(), np.sum(wv * yv) / wv.sum()
    sxx = float(np.sum(wv * (xv - xm) ** 2))
    slope = float(np.sum(wv * (xv - xm) * (yv - ym)) / sxx)
    intercept = float(ym - slope * xm)
    resid = yv - (intercept + slope * xv)
    n_use = max(n_eff, 3.0) if math.isfinite(n_eff) else float(len(xv))
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
    return slope, intercept, line


def pair_analysis(
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
    m = check_method(method)
    if x == y:
        raise AnalysisError("Pick two different KPIs.")
    base = frame
    if label is not None and label in frame.columns and date_index(frame) is None:
        base = frame.set_index(label)
        if isinstance(weights, pd.DataFrame) and label in weights.columns:
            weights = weights.set_index(label)
    prep, _ = prepare(base, [x, y], Guards.coerce(guards), weights, volume, weekdays_only)
    # The plotted points and the line are Pearson on the cleaned values; r is the chosen method.
    ps = pair_stats(prep, x, y, "pearson", n_periods(prep, x, y))
    r_stats = ps if m == "pearson" else pair_stats(prep, x, y, m, ps.n)
    adjusted = prep.is_time and bool({"detrend", "prewhiten"} & set(prep.applied)) or ps.partial
    points = _points(prep, ps, _labels(frame, base, prep, label), x, y, adjusted)
    slope, intercept, line = _fit_line(points, ps.n_eff)
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
        guards=guards_text(prep, ps.partial),
        filter=prep.filter_text,
        adjusted=bool(adjusted),
        points=points,
        line=line,
        warnings=tuple(r_stats.warnings) + tuple(prep.notes),
        is_time=prep.is_time,
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
    m = check_method(method)
    if window < 5:
        raise AnalysisError("The rolling window needs at least 5 periods.")
    prep, _ = prepare(frame, [x, y], Guards.coerce(guards), weights, volume, weekdays_only)
    if not prep.is_time:
        raise AnalysisError("A rolling correlation needs a table with dates.")
    ps = pair_stats(prep, x, y, "pearson", n_periods(prep, x, y))
    cols = ["date", "r", "ci_low", "ci_high", "n", "n_eff"]
    if len(ps.x) < window:
        return pd.DataFrame(columns=cols)
    rows = []
    for end in range(window, len(ps.x) + 1):
        sl = slice(end - window, end)
        a, b, w = ps.x[sl], ps.y[sl], ps.w[sl]
        if m == "spearman":
            a, b = rank(a), rank(b)
        r = wcorr(a, b, w)
        ne = effective_n(a, b) if "n_eff" in prep.applied else float(window)
        lo, hi = fisher_ci(r, ne, ps.k, m)
        rows.append((ps.index[end - 1], r, lo, hi, window, ne))
    return pd.DataFrame(rows, columns=cols)

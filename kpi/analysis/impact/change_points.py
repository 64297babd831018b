"""Not sure of the date? Candidate shift dates found in the data (binary segmentation)."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from kpi import format as fmt
from kpi.analysis.impact.models import argmax_quantile, best_split, long_run_variance
from kpi.analysis.impact.results import ChangePointResult
from kpi.analysis.impact.series import MIN_DAYS, clean_series, infer_grain
from kpi.analysis.impact.text import fmt_change, fmt_value, kpi_info
from kpi.errors import AnalysisError

__all__ = ["change_points", "format_candidates"]


def _deseasonalise(s: pd.Series, weekly: bool) -> np.ndarray:
    y = s.to_numpy().copy()
    if weekly:
        dow = np.asarray(pd.DatetimeIndex(s.index).day_of_week)
        for d in set(dow.tolist()):
            y[dow == d] -= y[dow == d].mean()
        y += s.mean()
    return y


def _candidate(
    s: pd.Series, y: np.ndarray, lo: int, hi: int, min_size: int, alpha: float, c975: float
) -> dict[str, Any] | None:
    """The best split of ``y[lo:hi]`` with its CUSUM evidence and Bai interval."""
    seg = y[lo:hi]
    split = best_split(seg, min_size)
    if split is None:
        return None
    k, _ = split
    m1, m2 = seg[:k].mean(), seg[k:].mean()
    lrv = long_run_variance(np.concatenate([seg[:k] - m1, seg[k:] - m2]))
    n = len(seg)
    score = float(np.max(np.abs(np.cumsum(seg - seg.mean())[:-1] / math.sqrt(n * lrv))))
    p = float(stats.kstwobign.sf(score))
    shift = float(m2 - m1)
    half = math.ceil(c975 * lrv / shift**2) if shift != 0 else n
    at = lo + k
    raw_before, raw_after = float(s.iloc[lo:at].mean()), float(s.iloc[at:hi].mean())
    return {
        "date": s.index[at],
        "last_before": s.index[at - 1],
        "mean_before": raw_before,
        "mean_after": raw_after,
        "shift": raw_after - raw_before,
        "score": score,
        "p_value": p,
        "ci_low": s.index[max(at - half, lo + 1)],
        "ci_high": s.index[min(at + half, hi - 1)],
        "significant": p < alpha,
        "_at": at,
    }


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
    s = clean_series(series, name)
    if len(s) < 2 * min_size:
        raise AnalysisError(
            f"Only {len(s)} points: searching for a shift needs at least {2 * min_size} "
            f"({min_size} on each side)."
        )
    if float(np.ptp(s.to_numpy())) == 0.0:
        raise AnalysisError(f"{name.capitalize()} is constant, so there is no shift to find.")
    if weekly is None:
        weekly = infer_grain(pd.DatetimeIndex(s.index)).name == "day" and len(s) >= 3
    y = _deseasonalise(s, weekly)
    c975 = argmax_quantile(0.975)
    found: list[dict[str, Any]] = []
    queue: list[tuple[int, int]] = [(0, len(y))]
    while queue and len(found) < max_changes:
        lo, hi = queue.pop(0)
        cand = _candidate(s, y, lo, hi, min_size, alpha, c975)
        if cand is None or (not cand["significant"] and found):
            continue
        at = cand.pop("_at")
        found.append(cand)
        if cand["significant"]:
            queue += [(lo, at), (at, hi)]
    table = pd.DataFrame(found).sort_values("score", ascending=False, ignore_index=True)
    table.insert(0, "rank", np.arange(1, len(table) + 1))
    return ChangePointResult(kpi=kpi, candidates=table, unit=info.unit)


def format_candidates(result: ChangePointResult, unit: str, *, with_p: bool = True) -> pd.DataFrame:
    """The change-point candidates as text for display: dates as dates, observed levels in the
    KPI's unit. Columns ``rank, new level from, 95% range of the date, before, after, shift``,
    plus ``p, significant`` when ``with_p`` — leave them out where the table is shown to
    people: a p-value of a date found by searching is not valid (see the result's warning)."""
    rows = []
    for r in result.candidates.to_dict("records"):
        row: dict[str, Any] = {
            "rank": int(r["rank"]),
            "new level from": fmt.fmt_date(r["date"]),
            "95% range of the date": fmt.fmt_date_range(r["ci_low"], r["ci_high"]),
            "before": fmt_value(float(r["mean_before"]), unit),
            "after": fmt_value(float(r["mean_after"]), unit),
            "shift": fmt_change(float(r["shift"]), unit),
        }
        if with_p:
            row |= {
                "p": fmt.fmt_p(float(r["p_value"])),
                "significant": "yes" if bool(r["significant"]) else "no",
            }
        rows.append(row)
    return pd.DataFrame(rows)

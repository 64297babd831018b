"""Observed before/after: pooled values of each period with an interval that treats the day, not
the contact, as the unit; a table for several KPIs with a multiple-testing correction."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from kpi import format as fmt
from kpi.analysis.impact.results import ItsResult
from kpi.analysis.impact.segmented import common_warnings
from kpi.analysis.impact.series import (
    GRAINS,
    MIN_DAYS,
    DateLike,
    daily_series,
    kpi_frame,
    to_timestamp,
)
from kpi.analysis.impact.text import fmt_change, fmt_interval, fmt_value, kpi_info
from kpi.errors import AnalysisError
from kpi.metrics import KPIS

__all__ = ["before_after", "compare_periods", "format_comparison"]


@dataclass(frozen=True, slots=True)
class _Daily:
    dates: pd.DatetimeIndex
    value: np.ndarray
    num: np.ndarray | None
    den: np.ndarray | None
    ok: np.ndarray


def _read_daily(daily: pd.DataFrame, unit: str) -> _Daily:
    frame = daily.rename(columns={"period": "date"}) if "date" not in daily.columns else daily
    if "date" not in frame.columns or "value" not in frame.columns:
        raise AnalysisError("The daily table needs a date and a value column.")
    dates = pd.DatetimeIndex(pd.to_datetime(frame["date"])).normalize()
    has_counts = {"numerator", "denominator"} <= set(frame.columns) and unit != "count"
    num = den = None
    val = pd.to_numeric(frame["value"], errors="coerce").to_numpy(float)
    ok = np.isfinite(val)
    if has_counts:
        num = pd.to_numeric(frame["numerator"], errors="coerce").to_numpy(float)
        den = pd.to_numeric(frame["denominator"], errors="coerce").to_numpy(float)
        ok &= np.isfinite(num) & np.isfinite(den) & (den > 0)
    return _Daily(dates, val, num, den, ok)


def _masks(
    dates: pd.DatetimeIndex,
    change: DateLike | None,
    before: tuple[DateLike, DateLike] | None,
    after: tuple[DateLike, DateLike] | None,
) -> tuple[np.ndarray, np.ndarray, pd.Timestamp]:
    if before is None or after is None:
        if change is None:
            raise AnalysisError("Give a change date, or both a before and an after period.")
        when = to_timestamp(change, "change date")
        if len(dates) and (when <= dates.min() or when > dates.max()):
            raise AnalysisError(
                f"The change date {when:%Y-%m-%d} is outside the data ({dates.min():%Y-%m-%d} to "
                f"{dates.max():%Y-%m-%d}): pick a date inside that range."
            )
        return np.asarray(dates < when), np.asarray(dates >= when), when
    b0, b1 = (to_timestamp(d, "period date") for d in before)
    a0, a1 = (to_timestamp(d, "period date") for d in after)
    if b1 >= a0:
        raise AnalysisError("The before period must end before the after period starts.")
    return np.asarray((dates >= b0) & (dates <= b1)), np.asarray((dates >= a0) & (dates <= a1)), a0


def _pooled(d: _Daily, days: dict[str, np.ndarray]) -> tuple[dict[str, float], float, float, int]:
    """Means of each period, their difference's standard error, phi and the number of days.

    Linearised (ratio-estimator) variance: u_t = numerator_t - value * denominator_t sums to
    zero in each period and Var(value) = Var(sum u_t) / (sum denominator)^2 (a sandwich with
    days as clusters: no binomial assumption, so overdispersion is in it). Neighbouring days
    are correlated: Var(sum u) ~ sum u^2 (1 + phi) / (1 - phi), phi the bias-corrected lag-1
    autocorrelation of u / sqrt(denominator), pooled within periods.
    """
    order = np.argsort(d.dates.to_numpy())
    means: dict[str, float] = {}
    sums: list[tuple[np.ndarray, float]] = []
    standardised = []
    for side in ("before", "after"):
        idx = order[days[side][order]]
        if d.num is not None and d.den is not None:
            n_s, d_s = d.num[idx], d.den[idx]
        else:
            n_s, d_s = d.value[idx], np.ones(len(idx))
        m = float(n_s.sum() / d_s.sum())
        u = n_s - m * d_s
        means[side] = m
        sums.append((u, float(d_s.sum())))
        standardised.append(u / np.sqrt(d_s))
    n_tot = sum(len(z) for z in standardised)
    den_ac = sum(float(z @ z) for z in standardised)
    raw = sum(float(z[1:] @ z[:-1]) for z in standardised) / den_ac if den_ac > 0 else 0.0
    phi = float(np.clip(raw + (1.0 + 3.0 * raw) / n_tot + 1.0 / n_tot, 0.0, 0.95))
    var = 0.0
    for u, total in sums:
        k = len(u)
        var += float(u @ u) * k / (k - 1) * (1.0 + phi) / (1.0 - phi) / total**2
    return means, math.sqrt(var), phi, n_tot


# Length: a 24-line docstring and a 20-field result, one keyword per line.
def compare_periods(
    daily: pd.DataFrame,
    change: DateLike | None = None,
    *,
    before: tuple[DateLike, DateLike] | None = None,
    after: tuple[DateLike, DateLike] | None = None,
    kpi: str = "",
    unit: str | None = None,
    segment: str = "",
    alpha: float = 0.05,
) -> ItsResult:
    """Pooled KPI before vs after (observed), with an interval that does not pretend days are
    independent.

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
    ItsResult
        ``method`` "periods_day_level"; ``value_before/value_after`` observed; ``n_before/
        n_after`` days, ``contacts_*`` summed denominators; ``fitted`` holds ``date, observed,
        period``.
    """
    info = kpi_info(kpi, unit)
    name = info.name if kpi else "the KPI"
    d = _read_daily(daily, info.unit)
    in_before, in_after, when = _masks(d.dates, change, before, after)
    days: dict[str, np.ndarray] = {}
    for side, mask in (("before", in_before & d.ok), ("after", in_after & d.ok)):
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
    if float(np.ptp(d.value[keep])) == 0.0:
        raise AnalysisError(
            f"{name.capitalize()} is constant in both periods, so there is nothing to compare."
        )
    means, se, phi, n_tot = _pooled(d, days)
    effect = means["after"] - means["before"]
    q = float(stats.t.ppf(1 - alpha / 2, max(n_tot - 3, 1)))
    p = float(2 * stats.t.sf(abs(effect / se), max(n_tot - 3, 1))) if se > 0 else 0.0
    n_before, n_after = int(days["before"].sum()), int(days["after"].sum())
    warns = common_warnings(
        pd.Series(d.value[keep], index=d.dates[keep]).sort_index(),
        when,
        n_before,
        n_after,
        (),
        GRAINS["day"],
        gaps=False,
    )
    chart = pd.DataFrame(
        {
            "date": d.dates[keep],
            "observed": d.value[keep],
            "period": np.where(days["after"][keep], "after", "before"),
        }
    ).sort_values("date", ignore_index=True)
    counts = d.den is not None
    return ItsResult(
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
        warnings=tuple(warns),
        unit=info.unit,
        alpha=float(alpha),
        relative_effect=float(effect / means["before"]) if means["before"] else math.nan,
        contacts_before=float(d.den[days["before"]].sum())
        if counts and d.den is not None
        else math.nan,
        contacts_after=float(d.den[days["after"]].sum())
        if counts and d.den is not None
        else math.nan,
        phi=phi,
        fitted=chart,
    )


def _daily_rows(table: Any, kpi: str, segment: Mapping[str, str] | None) -> pd.DataFrame:
    """One KPI's daily rows (date, value and, when known, numerator and denominator)."""
    values, den = daily_series(table, kpi, segment)
    daily = pd.DataFrame({"date": values.index, "value": values.to_numpy()})
    if den is None:
        return daily
    part = kpi_frame(table)
    part = part[part["kpi"] == kpi]
    for col, v in (segment or {}).items():
        part = part[part[col].astype("string") == str(v)]
    part = part.sort_values("date")
    return daily.assign(
        numerator=pd.to_numeric(part["numerator"], errors="coerce").to_numpy(float),
        denominator=den.to_numpy(),
    )


_COLUMNS = [
    "kpi", "value_before", "value_after", "change", "change_rel", "ci_low", "ci_high",
    "p_value", "p_adj", "contacts_before", "contacts_after", "days_before", "days_after",
    "method", "note",
]  # fmt: skip


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
    """Observed before/after table for several KPIs (see ``compare_periods`` for the model).

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

    frame = kpi_frame(table)
    wanted = list(kpis) if kpis is not None else list(dict.fromkeys(frame["kpi"].tolist()))
    label = ", ".join(f"{k}={v}" for k, v in (segment or {}).items())
    rows = []
    for k in wanted:
        row: dict[str, Any] = {"kpi": k}
        try:
            res = compare_periods(
                _daily_rows(table, k, segment),
                change,
                before=before,
                after=after,
                kpi=k,
                segment=label,
                alpha=alpha,
            )
        except AnalysisError as err:
            row["note"] = str(err)
            rows.append(row)
            continue
        quantile = ["Each period: the contact-weighted mean of its daily quantiles."]
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
                [*res.warnings, *(quantile if k in KPIS and KPIS[k].stat == "quantile" else [])]
            ),
        }
        rows.append(row)
    out = pd.DataFrame(rows).reindex(columns=_COLUMNS)
    for c in _COLUMNS:
        if c not in ("kpi", "method", "note"):
            out[c] = pd.to_numeric(out[c], errors="coerce").astype("float64")
    tested = out["p_value"].notna().to_numpy()
    if tested.any():
        out.loc[tested, "p_adj"] = multipletests(
            out.loc[tested, "p_value"].to_numpy(), method=adjust
        )[1]
    return out


def format_comparison(table: pd.DataFrame) -> pd.DataFrame:
    """The ``before_after`` table as text for display, each KPI in its own unit; the before and
    after values are observed (pooled over each period).

    Returns
    -------
    DataFrame
        Columns ``KPI, observed before, observed after, change, relative, 95% CI, p, p (adjusted), contacts before,
        contacts after, days before, days after, note``.
    """
    return pd.DataFrame([_display_row(r) for r in table.to_dict("records")])


def _display_row(r: dict[Any, Any]) -> dict[str, str]:
    info = kpi_info(str(r["kpi"]))
    ok = bool(pd.notna(r["change"]))

    def shown(text: str) -> str:
        return text if ok else ""

    def count(col: str) -> str:
        return fmt.fmt_count(r[col]) if pd.notna(r[col]) else ""

    def days(col: str) -> str:
        return f"{float(r[col]):.0f}" if pd.notna(r[col]) else ""

    rel = r["change_rel"]
    return {
        "KPI": info.name,
        "observed before": shown(fmt_value(float(r["value_before"]), info.unit)),
        "observed after": shown(fmt_value(float(r["value_after"]), info.unit)),
        "change": shown(fmt_change(float(r["change"]), info.unit)),
        "relative": shown(f"{float(rel):+.1%}".replace("-", "\u2212")) if pd.notna(rel) else "",
        "95% CI": shown(fmt_interval(float(r["ci_low"]), float(r["ci_high"]), info.unit)),
        "p": shown(fmt.fmt_p(r["p_value"])),
        "p (adjusted)": shown(fmt.fmt_p(r["p_adj"])),
        "contacts before": count("contacts_before"),
        "contacts after": count("contacts_after"),
        "days before": days("days_before"),
        "days after": days("days_after"),
        "note": str(r["note"]) if isinstance(r["note"], str) else "",
    }

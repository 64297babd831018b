"""Step 4 of the engine: aggregates (one row per period x segment) -> the tidy KpiTable frame.

Values are ratios of the summed parts with their 95% intervals; counts are 0 on the periods of
the data's range with no contact (per segment too; rates stay missing there); a stock (the open
backlog) is the running balance of its entries and exits at each period's end.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from kpi.engine.intervals import (
    nps_interval,
    quantile_interval,
    ratio_interval,
    t_interval,
    wilson_interval,
)
from kpi.engine.table import FRAME_COLUMNS
from kpi.metrics import KPIS, KpiSql, Settings

__all__ = ["complete_periods", "empty_frame", "merge", "period_grid", "stock_frame", "tidy"]

_NA = "\x00<NA>"  # stands for a missing segment value while joining


def merge(left: pd.DataFrame, right: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Outer-join two aggregate frames on period x segment (missing segment values match)."""
    lk = left.assign(**{k: left[k].astype("string").fillna(_NA) for k in keys[1:]})
    rk = right.assign(**{k: right[k].astype("string").fillna(_NA) for k in keys[1:]})
    out = lk.merge(rk, on=keys, how="outer")
    if "__tmin_w" in out:
        out["__tmin"] = (
            out["__tmin"].fillna(out["__tmin_w"]) if "__tmin" in out else out["__tmin_w"]
        )
    for k in keys[1:]:
        out[k] = out[k].mask(out[k] == _NA)
    return out


def period_grid(
    first: pd.Timestamp, last: pd.Timestamp, grain: str, settings: Settings
) -> pd.DatetimeIndex:
    """Every period start from ``first`` to ``last`` (both period starts) at ``grain``."""
    freq = {
        "interval": f"{int(settings.interval_minutes)}min",
        "day": "D",
        "week": "7D",
        "month": "MS",
        "quarter": "QS",
        "year": "YS",
    }[grain]
    return pd.DatetimeIndex(pd.date_range(first, last, freq=freq), dtype="datetime64[ns]")


def complete_periods(
    agg: pd.DataFrame, by: tuple[str, ...], grain: str, settings: Settings, counts: list[str]
) -> pd.DataFrame:
    """Add the missing period x segment rows of the data's range; ``counts`` columns get 0.

    The segments are the combinations seen in the data; the range runs from its first period
    to its last. Other columns stay missing (a rate has no value on a day with no contact).
    """
    if grain == "all" or agg.empty or agg["_period"].isna().all():
        return agg
    periods = pd.to_datetime(agg["_period"]).astype("datetime64[ns]")
    grid = period_grid(periods.min(), periods.max(), grain, settings)
    keyed = agg.assign(_period=periods, **{b: agg[b].astype("string").fillna(_NA) for b in by})
    segs = keyed[list(by)].drop_duplicates() if by else pd.DataFrame(index=[0])
    full = segs.merge(pd.DataFrame({"_period": grid}), how="cross")
    if len(full) == len(keyed):
        return agg
    out = full.merge(keyed, on=["_period", *by], how="left")
    for c in counts:
        if c in out:
            out[c] = pd.to_numeric(out[c], errors="coerce").fillna(0.0)
    for b in by:
        out[b] = out[b].mask(out[b] == _NA)
    return out


def _column(agg: pd.DataFrame, name: str) -> np.ndarray:
    return pd.to_numeric(agg[name], errors="coerce").astype("float64").to_numpy()


def _values(
    agg: pd.DataFrame, k: str, spec: KpiSql
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(value, numerator, denominator, ci_low, ci_high, keep) of KPI ``k`` on every row."""

    def col(name: str) -> np.ndarray:
        return _column(agg, f"{k}__{name}")

    n = len(agg)
    none = np.full(n, np.nan)
    if spec.stat == "count":
        num = col("num")
        return num, num, none, none, none, np.isfinite(num)
    if spec.stat == "quantile":
        den = col("den")
        frac = float(col("p")[0]) if n else 0.5
        value, lo, hi = quantile_interval(agg[f"{k}__q"], den, frac)
        # numerator / denominator = the quantile, so that pooling periods by their sums
        # (before/after, trend windows) gives the contact-weighted mean of their quantiles:
        # a quantile cannot be rebuilt from its parts.
        return value, value * den, den, lo, hi, den > 0
    if spec.stat == "nps":
        prom, det, den = col("prom"), col("det"), col("den")
        with np.errstate(invalid="ignore", divide="ignore"):
            value = 100 * (prom - det) / den
        lo, hi = nps_interval(prom, det, den)
        return value, prom - det, den, lo, hi, den > 0
    num, den = col("num"), col("den")
    with np.errstate(invalid="ignore", divide="ignore"):
        value = num / den
    if spec.stat == "rate":
        lo, hi = wilson_interval(num, den)
    elif spec.stat == "mean" and f"{k}__ss" in agg:
        lo, hi = t_interval(num, den, col("ss"))
    elif spec.stat == "ratio":
        lo, hi = ratio_interval(num, den, col("n"), col("yy"), col("xx"), col("xy"))
    else:  # a re-weighted mean from a summary table: no per-contact spread to use
        lo, hi = none, none
    return value, num, den, lo, hi, den > 0


def empty_frame(by: tuple[str, ...]) -> pd.DataFrame:
    """The tidy frame with no rows (its columns and dtypes)."""
    cols = {
        "period": pd.Series(dtype="datetime64[ns]"),
        **{b: pd.Series(dtype="string") for b in by},
        "kpi": pd.Series(dtype="string"),
    }
    cols.update({c: pd.Series(dtype="float64") for c in FRAME_COLUMNS[2:]})
    return pd.DataFrame(cols)


def tidy(
    agg: pd.DataFrame,
    specs: Mapping[str, KpiSql],
    by: tuple[str, ...],
    extra: list[pd.DataFrame] | None = None,
    skip: tuple[str, ...] = (),
) -> pd.DataFrame:
    """Aggregates -> tidy rows with values and intervals.

    ``extra`` are ready tidy rows (the stocks) and ``skip`` the KPIs they stand for.
    """
    parts = [p for p in extra or [] if len(p)]
    period = pd.to_datetime(agg["_period"]).astype("datetime64[ns]") if len(agg) else None
    for k, spec in specs.items():
        if k in skip or not len(agg):
            continue
        value, num, den, lo, hi, keep = _values(agg, k, spec)
        part = pd.DataFrame(
            {
                "period": period,
                **{b: agg[b].astype("string") for b in by},
                "kpi": k,
                "value": value,
                "numerator": num,
                "denominator": den,
                "ci_low": lo,
                "ci_high": hi,
            }
        )
        parts.append(part.loc[keep])
    if not parts:
        return empty_frame(by)
    out = pd.concat(parts, ignore_index=True)
    out["kpi"] = out["kpi"].astype("string")
    order = {k: i for i, k in enumerate(KPIS)}
    out = (
        out.assign(_o=out["kpi"].map(order))
        .sort_values(["period", *by, "_o"], kind="stable")
        .drop(columns="_o")
        .reset_index(drop=True)
    )
    return out[["period", *by, *FRAME_COLUMNS[1:]]]


def stock_frame(
    kpi: str,
    deltas: pd.DataFrame,
    periods: pd.Series,
    by: tuple[str, ...],
) -> pd.DataFrame:
    """A stock's tidy rows: at each of ``periods``, the sum of every ``delta`` up to it.

    ``deltas`` has ``_period``, the ``by`` columns and ``delta`` (entries − exits booked at that
    period, including periods before the range); ``periods`` are the output period starts
    (with grain "all": the start of the range's last day, dated afterwards).
    """
    if deltas.empty or periods.empty:
        return empty_frame(by)
    d = deltas.assign(
        _period=pd.to_datetime(deltas["_period"]).astype("datetime64[ns]"),
        **{b: deltas[b].astype("string").fillna(_NA) for b in by},
    )
    keys = list(by) or ["_all"]
    if not by:
        d = d.assign(_all=_NA)
    wide = d.pivot_table(
        index="_period", columns=keys, values="delta", aggfunc="sum", fill_value=0.0
    )
    want = pd.DatetimeIndex(sorted(set(pd.to_datetime(periods).astype("datetime64[ns]"))))
    running = wide.reindex(wide.index.union(want), fill_value=0.0).sort_index().cumsum()
    level = running.loc[want]
    long = level.stack(list(range(level.columns.nlevels)), future_stack=True).reset_index()
    long.columns = pd.Index(["period", *keys, "value"])
    out = pd.DataFrame(
        {
            "period": long["period"].astype("datetime64[ns]"),
            **{b: long[b].mask(long[b] == _NA).astype("string") for b in by},
            "kpi": kpi,
            "value": long["value"].astype("float64"),
            "numerator": long["value"].astype("float64"),
            "denominator": np.nan,
            "ci_low": np.nan,
            "ci_high": np.nan,
        }
    )
    return out

"""Calibration of ``kpi.analysis.impact`` by simulation: does the test cry wolf, and does it find real shifts?

Run by hand (about a minute on one core)::

    python benchmarks/calibration.py [--series 1000] [--placebos 300]

1. Interrupted time series on null series (84 days before, 56 after, AR(1) errors with
   phi = 0.3 and 0.6, weekly seasonality): share of p < 0.05 for ``interrupted_time_series``
   beside a naive Welch t-test of the daily values on the same series; power for a level shift
   of one (marginal) standard deviation.
2. Difference-in-differences on null pairs (independent AR(1) treated and control).
3. Pooled before/after of a rate (``compare_periods``) when daily rates wobble by 1.5 points:
   the day-level model beside a two-proportion z-test on contacts pooled across days.
4. Real-data placebo: "Call Center Data" (1,251 days, ../shared/data/call_center_daily), daily
   abandonment = Abandoned / Incoming; 140-day windows at random, fake change on day 85.
"""

from __future__ import annotations

import argparse
import math
import time
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats
from statsmodels.stats.proportion import proportions_ztest

from kpi.analysis.impact import compare_periods, interrupted_time_series

ROOT = Path(__file__).resolve().parents[1]
CALL_CENTER = (
    ROOT.parent / "shared" / "data" / "call_center_daily" / "Call Center Data.sarima_dated.csv"
)
N_BEFORE, N_AFTER = 84, 56
WEEKLY = np.array([0.0, 0.3, 0.2, 0.1, 0.0, -0.8, -1.0])
START = pd.Timestamp("2026-01-05")  # a Monday


def ar1_series(rng: np.random.Generator, phi: float, n: int) -> np.ndarray:
    """Stationary AR(1) with unit innovation SD."""
    e = np.empty(n)
    e[0] = rng.normal() / math.sqrt(1 - phi * phi)
    for t in range(1, n):
        e[t] = phi * e[t - 1] + rng.normal()
    return e


def null_series(rng: np.random.Generator, phi: float, shift_sd: float = 0.0) -> pd.Series:
    n = N_BEFORE + N_AFTER
    idx = pd.date_range(START, periods=n, freq="D")
    y = 10.0 + WEEKLY[idx.day_of_week] + ar1_series(rng, phi, n)
    y[N_BEFORE:] += shift_sd / math.sqrt(1 - phi * phi)
    return pd.Series(y, index=idx)


def its_rates(n_series: int, phi: float, seed: int) -> dict[str, float]:
    rng = np.random.default_rng(seed)
    change = START + pd.Timedelta(days=N_BEFORE)
    its = welch = power = power_welch = 0
    for _ in range(n_series):
        y = null_series(rng, phi)
        its += interrupted_time_series(y, change).p_value < 0.05
        welch += (
            stats.ttest_ind(y.iloc[:N_BEFORE], y.iloc[N_BEFORE:], equal_var=False).pvalue < 0.05
        )
        z = null_series(rng, phi, shift_sd=1.0)
        power += interrupted_time_series(z, change).p_value < 0.05
        power_welch += (
            stats.ttest_ind(z.iloc[:N_BEFORE], z.iloc[N_BEFORE:], equal_var=False).pvalue < 0.05
        )
    return {
        "fpr_its": its / n_series,
        "fpr_welch": welch / n_series,
        "power_its_1sd": power / n_series,
        "power_welch_1sd": power_welch / n_series,
    }


def did_rate(n_series: int, phi: float, seed: int) -> float:
    rng = np.random.default_rng(seed)
    change = START + pd.Timedelta(days=N_BEFORE)
    hits = 0
    for _ in range(n_series):
        treated, control = null_series(rng, phi), null_series(rng, phi)
        hits += interrupted_time_series(treated, change, control=control).p_value < 0.05
    return hits / n_series


def rate_days(rng: np.random.Generator, wobble: float, phi: float) -> pd.DataFrame:
    n = N_BEFORE + N_AFTER
    idx = pd.date_range(START, periods=n, freq="D")
    volume = np.where(idx.day_of_week >= 5, 120, 400)
    offered = rng.poisson(volume)
    p = np.clip(0.08 + wobble * math.sqrt(1 - phi * phi) * ar1_series(rng, phi, n), 0.005, 0.5)
    abandoned = rng.binomial(offered, p)
    return pd.DataFrame(
        {"date": idx, "numerator": abandoned, "denominator": offered, "value": abandoned / offered}
    )


def pooled_rates(n_series: int, wobble: float, phi: float, seed: int) -> dict[str, float]:
    rng = np.random.default_rng(seed)
    change = START + pd.Timedelta(days=N_BEFORE)
    day_level = pooled = 0
    for _ in range(n_series):
        d = rate_days(rng, wobble, phi)
        day_level += compare_periods(d, change, kpi="abandonment_rate").p_value < 0.05
        b, a = d.iloc[:N_BEFORE], d.iloc[N_BEFORE:]
        counts = [b["numerator"].sum(), a["numerator"].sum()]
        nobs = [b["denominator"].sum(), a["denominator"].sum()]
        pooled += proportions_ztest(counts, nobs)[1] < 0.05
    return {"fpr_day_level": day_level / n_series, "fpr_pooled_z": pooled / n_series}


def real_placebo(n_placebos: int, seed: int) -> dict[str, float]:
    frame = pd.read_csv(CALL_CENTER, parse_dates=["Fecha"]).sort_values("Fecha")
    series = pd.Series(
        (frame["Abandoned Calls"] / frame["Incoming Calls"]).to_numpy(float), index=frame["Fecha"]
    )
    daily = pd.DataFrame(
        {
            "date": frame["Fecha"],
            "numerator": frame["Abandoned Calls"].to_numpy(float),
            "denominator": frame["Incoming Calls"].to_numpy(float),
            "value": series.to_numpy(),
        }
    )
    rng = np.random.default_rng(seed)
    width = N_BEFORE + N_AFTER
    starts = rng.integers(0, len(series) - width, size=n_placebos)
    its = welch = day_level = pooled = 0
    for s0 in starts:
        window = series.iloc[s0 : s0 + width]
        change = window.index[N_BEFORE]
        its += interrupted_time_series(window, change).p_value < 0.05
        welch += (
            stats.ttest_ind(window.iloc[:N_BEFORE], window.iloc[N_BEFORE:], equal_var=False).pvalue
            < 0.05
        )
        d = daily.iloc[s0 : s0 + width]
        day_level += compare_periods(d, change).p_value < 0.05
        b, a = d.iloc[:N_BEFORE], d.iloc[N_BEFORE:]
        z = proportions_ztest(
            [b["numerator"].sum(), a["numerator"].sum()],
            [b["denominator"].sum(), a["denominator"].sum()],
        )
        pooled += z[1] < 0.05
    n = len(starts)
    return {
        "its": its / n,
        "welch": welch / n,
        "day_level": day_level / n,
        "pooled_z": pooled / n,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--series", type=int, default=1000, help="simulated series per setting")
    parser.add_argument("--placebos", type=int, default=300, help="fake dates on the real data")
    args = parser.parse_args()
    t0 = time.perf_counter()
    n = args.series
    mc = 1.96 * math.sqrt(0.05 * 0.95 / n)
    print(
        f"Interrupted time series, {n} null series each (84 + 56 days; MC 95% margin +/-{mc:.3f})"
    )
    print(f"{'phi':>5} {'FPR ITS':>9} {'FPR Welch':>10} {'power ITS 1 SD':>15} {'power Welch':>12}")
    for i, phi in enumerate((0.3, 0.6)):
        r = its_rates(n, phi, seed=100 + i)
        print(
            f"{phi:>5} {r['fpr_its']:>9.3f} {r['fpr_welch']:>10.3f} {r['power_its_1sd']:>15.3f} "
            f"{r['power_welch_1sd']:>12.3f}"
        )
    print("\nDifference-in-differences on null pairs")
    for i, phi in enumerate((0.3, 0.6)):
        print(f"  phi {phi}: FPR {did_rate(n // 2, phi, seed=200 + i):.3f}")
    print("\nPooled before/after of a rate (8% abandonment, 400 weekday / 120 weekend contacts)")
    print(f"{'wobble':>7} {'phi':>5} {'FPR day-level':>14} {'FPR pooled z':>13}")
    for i, (wobble, phi) in enumerate(((0.01, 0.0), (0.015, 0.3), (0.02, 0.3))):
        r = pooled_rates(n // 2, wobble, phi, seed=300 + i)
        print(f"{wobble:>7} {phi:>5} {r['fpr_day_level']:>14.3f} {r['fpr_pooled_z']:>13.3f}")
    if CALL_CENTER.is_file():
        r = real_placebo(args.placebos, seed=400)
        print(f"\nReal-data placebo ({args.placebos} random 140-day windows of Call Center Data)")
        print(
            f"  share p < 0.05: ITS {r['its']:.3f}, Welch {r['welch']:.3f}, "
            f"day-level before/after {r['day_level']:.3f}, pooled z {r['pooled_z']:.3f}"
        )
    else:
        print(f"\n(real-data placebo skipped: {CALL_CENTER} not found)")
    print(f"\n{time.perf_counter() - t0:.0f} s")


if __name__ == "__main__":
    main()

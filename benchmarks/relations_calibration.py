"""Calibration of ``kpi.analysis.relations.correlation_table``: false positives on unrelated KPIs.

Simulates families of mutually independent daily series and counts how often a pair comes out
"significant" (raw p < 0.05, and per family after Benjamini-Hochberg) with the guards on and off.
With no true relationship anywhere, a calibrated test flags about 5% of pairs.

Scenarios (each series independent of the others):
- ``random_walk``: cumulative sums of white noise (the classic spurious-regression case);
- ``trend_weekly_ar``: a linear trend of random slope (same sign), a weekday pattern and AR(1)
  noise with phi = 0.7 (what daily contact-centre KPIs look like);
- ``white_noise``: the control, where even levels are fine.

Run by hand: ``/work/venv/bin/python benchmarks/relations_calibration.py [--reps 400]``.
The test suite calls ``run()`` with a few reps only.
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import pandas as pd

from kpi.analysis.relations import correlation_table

SCENARIOS = ("random_walk", "trend_weekly_ar", "white_noise")
_WEEKDAY = np.array([2.0, 1.0, 0.5, 0.0, -0.5, -1.5, -2.5])


def simulate_family(
    scenario: str, rng: np.random.Generator, *, n_days: int = 182, n_series: int = 5
) -> pd.DataFrame:
    """``n_series`` independent daily series of one scenario, as a wide frame with ``date``."""
    dates = pd.date_range("2026-01-05", periods=n_days, freq="D")
    t = np.arange(n_days, dtype=float)
    cols = {}
    for j in range(n_series):
        e = rng.normal(size=n_days)
        if scenario == "random_walk":
            y = np.cumsum(e)
        elif scenario == "trend_weekly_ar":
            ar = np.zeros(n_days)
            for i in range(1, n_days):
                ar[i] = 0.7 * ar[i - 1] + e[i]
            y = 0.03 * rng.uniform(0.5, 2.0) * t + _WEEKDAY[dates.day_of_week] + ar
        elif scenario == "white_noise":
            y = e
        else:
            raise ValueError(f"unknown scenario {scenario!r}")
        cols[f"kpi_{j}"] = y
    return pd.DataFrame({"date": dates, **cols})


def run(
    reps: int = 200,
    *,
    n_days: int = 182,
    n_series: int = 5,
    seed: int = 20260105,
    methods: tuple[str, ...] = ("pearson", "spearman"),
    scenarios: tuple[str, ...] = SCENARIOS,
) -> pd.DataFrame:
    """False-positive rates by scenario, method and guards.

    Returns
    -------
    pandas.DataFrame
        One row per (scenario, method, guards): ``pairs`` tested, ``false_positive_rate``
        (share of pairs with raw p < 0.05), ``familywise_bh`` (share of families with at least
        one pair with BH-adjusted p < 0.05), ``mean_abs_r``.
    """
    rng = np.random.default_rng(seed)
    rows = []
    for scenario in scenarios:
        tallies: dict[tuple[str, bool], list[float]] = {}
        for _ in range(reps):
            fam = simulate_family(scenario, rng, n_days=n_days, n_series=n_series)
            for method in methods:
                for guards in (True, False):
                    tab = correlation_table(fam, method=method, guards=guards)
                    t = tallies.setdefault((method, guards), [0, 0, 0, 0.0])
                    t[0] += len(tab)
                    t[1] += int((tab["p_value"] < 0.05).sum())
                    t[2] += int((tab["p_adj"] < 0.05).any())
                    t[3] += float(tab["r"].abs().sum())
        for (method, guards), (pairs, hits, fam_hits, abs_r) in tallies.items():
            rows.append(
                {
                    "scenario": scenario,
                    "method": method,
                    "guards": "on" if guards else "off",
                    "pairs": pairs,
                    "false_positive_rate": hits / pairs,
                    "familywise_bh": fam_hits / reps,
                    "mean_abs_r": abs_r / pairs,
                }
            )
    return pd.DataFrame(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=400)
    parser.add_argument("--days", type=int, default=182)
    parser.add_argument("--series", type=int, default=5)
    parser.add_argument("--seed", type=int, default=20260105)
    args = parser.parse_args()
    t0 = time.perf_counter()
    out = run(args.reps, n_days=args.days, n_series=args.series, seed=args.seed)
    wide = out.pivot_table(
        index=["scenario", "method"], columns="guards", values="false_positive_rate"
    )
    print(f"{args.reps} families x {args.series * (args.series - 1) // 2} pairs, {args.days} days")
    print(out.to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    print()
    print("False-positive rate per pair (nominal 0.05):")
    print(wide[["on", "off"]].to_string(float_format=lambda v: f"{v:.3f}"))
    print(f"({time.perf_counter() - t0:.0f} s)")


if __name__ == "__main__":
    main()

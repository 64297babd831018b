"""Calibration of the counterfactual from several comparison series (``counterfactual_impact``).

Run by hand: ``.venv/bin/python benchmarks/counterfactual_calibration.py [reps]`` (default 200
replications per cell; a few minutes on one core).

Null series: 84 + 56 days, day-of-week pattern, a common factor f (AR(1), phi) shared by the
treated KPI and its comparison series, plus each series' own AR(1) noise (same phi, sd 1 each):

    y_t   = 10 + week_t + f_t + e_t
    c_jt  = 10 + week_t + l_j f_t + u_jt,    l_j in [0.7, 1.3]

For each phi (0.3, 0.6) and number of comparison series k (1, 2, 3, 5) it reports the share of
null series called significant at 5% (false positives) and the share with a planted shift of one
standard deviation of y's noise (power), for

- ``cf_ar1``: regression on the comparison series with AR(1) errors (the default),
- ``cf_local_level``: a local level + regression state-space model (statsmodels
  ``UnobservedComponents``, maximum likelihood; CausalImpact's structure without its priors),
  run on k = 1, 3, 5 only (it is ~20x slower),
- ``did``: the single-control difference-in-differences (ITS on treated minus the first
  comparison series), the method the counterfactual must not do worse than.

Monte-Carlo standard error of a rate p over R replications: sqrt(p (1 - p) / R) (1.5 points at
5% and R = 200).

Last run (200 replications, 2 shared cores, 625 s):

    phi  k  false positives: cf_ar1 / cf_local_level / did   power at 1 sd: cf_ar1 / did
    0.3  1                   0.040 / 0.050 / 0.030                         1.000 / 0.605
    0.3  2                   0.055 /   -   / 0.070                         1.000 / 0.615
    0.3  3                   0.045 / 0.055 / 0.030                         0.995 / 0.645
    0.3  5                   0.070 / 0.060 / 0.045                         0.995 / 0.595
    0.6  1                   0.070 / 0.010 / 0.060                         0.825 / 0.405
    0.6  2                   0.035 /   -   / 0.075                         0.850 / 0.395
    0.6  3                   0.030 / 0.005 / 0.075                         0.880 / 0.375
    0.6  5                   0.075 / 0.005 / 0.050                         0.850 / 0.425
"""

from __future__ import annotations

import math
import sys
import time

import numpy as np
import pandas as pd

from kpi.analysis.impact import counterfactual_impact, did_its

START = pd.Timestamp("2026-01-05")
N_PRE, N_POST = 84, 56
WEEK = np.array([0.0, 0.3, 0.2, 0.1, 0.0, -0.8, -1.0])
CHANGE = START + pd.Timedelta(days=N_PRE)


def ar1(rng: np.random.Generator, phi: float, n: int) -> np.ndarray:
    e = np.empty(n)
    e[0] = rng.normal() / math.sqrt(1 - phi * phi)
    for t in range(1, n):
        e[t] = phi * e[t - 1] + rng.normal()
    return e


def draw(
    rng: np.random.Generator, phi: float, k: int, shift: float
) -> tuple[pd.Series, pd.DataFrame]:
    n = N_PRE + N_POST
    idx = pd.date_range(START, periods=n, freq="D")
    week = WEEK[idx.day_of_week]
    f = ar1(rng, phi, n)
    y = 10 + week + f + ar1(rng, phi, n)
    y[N_PRE:] += shift
    loads = rng.uniform(0.7, 1.3, size=k)
    ctl = {f"c{j}": 10 + week + loads[j] * f + ar1(rng, phi, n) for j in range(k)}
    return pd.Series(y, index=idx), pd.DataFrame(ctl, index=idx)


def rates(phi: float, k: int, reps: int, shift: float, local_level: bool, seed: int) -> dict:
    rng = np.random.default_rng(seed)
    hits = {"cf_ar1": 0, "cf_local_level": 0, "did": 0}
    for _ in range(reps):
        y, ctl = draw(rng, phi, k, shift)
        hits["cf_ar1"] += counterfactual_impact(y, CHANGE, ctl).p_value < 0.05
        if local_level:
            res = counterfactual_impact(y, CHANGE, ctl, model="local_level")
            hits["cf_local_level"] += res.p_value < 0.05
        hits["did"] += did_its(y, ctl.iloc[:, 0], CHANGE).p_value < 0.05
    out = {m: h / reps for m, h in hits.items()}
    if not local_level:
        out["cf_local_level"] = math.nan
    return out


def main(reps: int = 200) -> pd.DataFrame:
    rows = []
    t0 = time.time()
    for phi in (0.3, 0.6):
        sd = math.sqrt(2.0 / (1.0 - phi * phi))  # sd of f + e, the treated series' noise
        for k in (1, 2, 3, 5):
            ll = k in (1, 3, 5)
            null = rates(phi, k, reps, 0.0, ll, seed=int(100 * phi) + k)
            power = rates(phi, k, reps, sd, False, seed=1000 + int(100 * phi) + k)
            for m in ("cf_ar1", "cf_local_level", "did"):
                rows.append(
                    {
                        "phi": phi,
                        "controls": k,
                        "method": m,
                        "false_positive": null[m],
                        "power_1sd": power.get(m, math.nan),
                    }
                )
            print(f"phi {phi} k {k} done ({time.time() - t0:.0f} s)", file=sys.stderr)
    table = pd.DataFrame(rows)
    print(
        f"{reps} replications per cell; Monte-Carlo SE at 5%: {math.sqrt(0.05 * 0.95 / reps):.3f}"
    )
    print(table.to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    return table


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)

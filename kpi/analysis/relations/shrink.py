"""Empirical-Bayes shrinkage of per-entity KPI values toward the centre.

Rates: a beta-binomial prior fitted by maximum marginal likelihood, a beta posterior per entity.
Means (seconds, scores): a normal-normal model whose between-entity variance is the
DerSimonian-Laird estimate and whose within-entity SE comes from the engine's interval.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd
from scipy import optimize, special, stats

from kpi.analysis.relations.guards import Z975

__all__ = ["beta_binomial_prior", "shrink_mean", "shrink_rate"]


def beta_binomial_prior(k: np.ndarray, n: np.ndarray) -> tuple[float, float]:
    """Beta prior (alpha, beta) by maximum marginal likelihood of the beta-binomial."""
    mu = float(k.sum() / n.sum())
    mu = min(max(mu, 1e-6), 1 - 1e-6)
    if len(k) < 3:
        return mu * 1e6, (1 - mu) * 1e6

    def nll(theta: np.ndarray) -> float:
        m = special.expit(theta[0])
        s = math.exp(theta[1])
        a, b = m * s, (1 - m) * s
        return -float(np.sum(special.betaln(k + a, n - k + b) - special.betaln(a, b)))

    best: Any = None
    for s0 in (2.0, 20.0, 200.0, 2000.0):
        res = optimize.minimize(
            nll,
            np.array([special.logit(mu), math.log(s0)]),
            method="L-BFGS-B",
            bounds=[(-12, 12), (math.log(0.5), math.log(1e6))],
        )
        if best is None or res.fun < best.fun:
            best = res
    m = float(special.expit(best.x[0]))
    s = float(math.exp(best.x[1]))
    return m * s, (1 - m) * s


def shrink_rate(sub: pd.DataFrame) -> pd.DataFrame:
    """Beta posterior of each entity's rate: ``shrunk, low, high, weight_own``."""
    k = sub["numerator"].to_numpy(dtype=float)
    n = sub["denominator"].to_numpy(dtype=float)
    a, b = beta_binomial_prior(k, n)
    pa, pb = k + a, n - k + b
    return pd.DataFrame(
        {
            "shrunk": pa / (pa + pb),
            "low": stats.beta.ppf(0.025, pa, pb),
            "high": stats.beta.ppf(0.975, pa, pb),
            "weight_own": n / (n + a + b),
        },
        index=sub.index,
    )


def shrink_mean(sub: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """Normal-normal shrinkage of each entity's mean: ``shrunk, low, high, weight_own``, notes."""
    notes: list[str] = []
    m = sub["value"].to_numpy(dtype=float)
    n = sub["denominator"].to_numpy(dtype=float)
    se = np.full(len(m), np.nan)
    if {"ci_low", "ci_high"} <= set(sub.columns):
        se = (sub["ci_high"].to_numpy(dtype=float) - sub["ci_low"].to_numpy(dtype=float)) / (
            2 * Z975
        )
    bad = ~np.isfinite(se) | (se <= 0)
    if bad.any():
        # No interval from the engine: assume a spread equal to the mean (durations are roughly
        # exponential), i.e. SE = mean / sqrt(n).
        centre = float(np.sum(m * n) / np.sum(n))
        se[bad] = abs(centre) / np.sqrt(np.maximum(n[bad], 1.0))
        notes.append("some agents had no interval, so a spread equal to the mean was assumed")
    v = se**2
    w = 1 / v
    mw = float(np.sum(w * m) / np.sum(w))
    q = float(np.sum(w * (m - mw) ** 2))
    c = float(np.sum(w) - np.sum(w * w) / np.sum(w))
    # DerSimonian-Laird between-agent variance.
    tau2 = max(0.0, (q - (len(m) - 1)) / c) if c > 0 and len(m) > 1 else 0.0
    wt = 1 / (v + tau2)
    mu = float(np.sum(wt * m) / np.sum(wt))
    b = tau2 / (tau2 + v) if tau2 > 0 else np.zeros(len(m))
    shrunk = mu + b * (m - mu)
    post_sd = np.sqrt(b * v)
    frame = pd.DataFrame(
        {
            "shrunk": shrunk,
            "low": shrunk - Z975 * post_sd,
            "high": shrunk + Z975 * post_sd,
            "weight_own": b,
        },
        index=sub.index,
    )
    return frame, notes

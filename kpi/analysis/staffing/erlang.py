"""Erlang B, Erlang C and Erlang A: the queueing models a workforce planner staffs with.

Every function works on NumPy arrays (one element per interval and queue) and stays finite for
centres with thousands of calls per interval: no factorial is ever formed. Erlang B is evaluated
in log space from the Poisson identity ``B(n, A) = P(N = n) / P(N <= n)`` with ``N ~ Poisson(A)``
(``gammaln`` and the regularised incomplete gamma), then stepped with the classic stable recursion
``B(n+1) = A B(n) / (n + 1 + A B(n))`` while searching for the smallest staffing that meets a target.

Units: ``volume`` is calls offered in an interval of ``interval_minutes``; ``aht_seconds`` is the
average handle time (talk + hold + after-call work); traffic ``A = volume x AHT / interval`` in
Erlangs; service level is the share of calls answered within ``threshold_seconds``.

Erlang A (M/M/n+M, callers abandon after an exponential patience) follows Mandelbaum & Zeltyn,
"The Palm/Erlang-A queue, with applications to call centers" (2007), sections 3-4, which restate
Garnett, Mandelbaum & Reiman, "Designing a call center with impatient customers", M&SOM 4(3), 2002.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike, NDArray
from scipy import special

from kpi.errors import AnalysisError

__all__ = [
    "ErlangA",
    "ErlangC",
    "agents_needed",
    "erlang_a",
    "erlang_a_table",
    "erlang_b",
    "erlang_c",
    "erlang_c_table",
    "staffing_table",
    "traffic_erlangs",
]

Floats = NDArray[np.float64]

#: Below this Poisson CDF the log-space identity loses its footing (n far below A); there the
#: finite series 1/B = sum_j prod_{i<j} (n - i) / A, whose terms shrink geometrically, takes over.
_TINY_CDF = 1e-250
#: A safety stop for the staffing search (a target no finite staffing reaches).
_MAX_STEPS = 100_000
#: Gauss-Legendre nodes for the Erlang A service-level integral over [0, threshold].
_GL_NODES, _GL_WEIGHTS = np.polynomial.legendre.leggauss(48)


def traffic_erlangs(volume: ArrayLike, interval_minutes: float, aht_seconds: ArrayLike) -> Floats:
    """Offered traffic in Erlangs: calls per second x handle time in seconds."""
    vol = np.asarray(volume, dtype=float)
    aht = np.asarray(aht_seconds, dtype=float)
    return np.asarray(vol * aht / (float(interval_minutes) * 60.0), dtype=float)


def erlang_b(agents: ArrayLike, traffic: ArrayLike) -> Floats:
    """Erlang B blocking probability for ``agents`` lines offered ``traffic`` Erlangs.

    Log-space Poisson identity; the series fallback covers staffing far below the traffic.
    """
    n, a = np.broadcast_arrays(np.asarray(agents, dtype=float), np.asarray(traffic, dtype=float))
    n = np.floor(n)
    out = np.ones(n.shape, dtype=float)
    live = (a > 0) & (n > 0)
    out[(a <= 0) & (n > 0)] = 0.0
    if not live.any():
        return out
    nl, al = n[live], a[live]
    cdf = special.pdtr(nl, al)
    with np.errstate(divide="ignore", invalid="ignore"):
        log_b = nl * np.log(al) - al - special.gammaln(nl + 1.0) - np.log(cdf)
    b = np.exp(np.minimum(log_b, 0.0))
    low = cdf < _TINY_CDF
    if low.any():
        b[low] = 1.0 / _inverse_b_series(nl[low], al[low])
    out[live] = b
    return out


def _inverse_b_series(n: Floats, a: Floats) -> Floats:
    # 1/B(n, A) = sum_{j=0}^{n} prod_{i=0}^{j-1} (n - i) / A: exact, every term below the last
    # one when n < A, so it converges fast exactly where the identity underflows.
    total = np.ones_like(n)
    term = np.ones_like(n)
    for i in range(int(n.max())):
        term = term * np.clip(n - i, 0.0, None) / a
        total += term
        if float(term.max()) < 1e-17 * float(total.min()):
            break
    return total


def _erlang_c_from_b(n: Floats, a: Floats, b: Floats) -> Floats:
    with np.errstate(divide="ignore", invalid="ignore"):
        c = n * b / (n - a * (1.0 - b))
    return np.where(n > a, np.clip(c, 0.0, 1.0), 1.0)


def _c_metrics(
    n: Floats, a: Floats, b: Floats, aht: Floats, threshold: float
) -> tuple[Floats, Floats, Floats]:
    """Wait probability, service level, ASA for n agents (arrays; n <= a is unstable)."""
    c = _erlang_c_from_b(n, a, b)
    stable = n > a
    gap = np.where(stable, n - a, 1.0)
    sl = np.where(stable, 1.0 - c * np.exp(-gap * threshold / aht), 0.0)
    asa = np.where(stable, c * aht / gap, np.inf)
    return c, sl, asa


def _check_common(
    interval_minutes: float, threshold_seconds: float, shrinkage: float, volume: Floats, aht: Floats
) -> None:
    if not interval_minutes > 0:
        raise AnalysisError(f"The interval must be longer than 0 minutes, not {interval_minutes}.")
    if not threshold_seconds >= 0:
        raise AnalysisError("The service-level threshold must be 0 seconds or more.")
    if not 0 <= shrinkage < 1:
        raise AnalysisError(
            f"Shrinkage must be at least 0% and below 100%, not {shrinkage:.0%} "
            "(it is the share of paid time agents are not on the phones)."
        )
    if volume.size and (np.isnan(volume).any() or volume.min() < 0):
        raise AnalysisError("Call volumes must be 0 or more (a volume is missing or negative).")
    if aht.size and (np.isnan(aht).any() or aht.min() <= 0):
        raise AnalysisError("The average handle time must be more than 0 seconds.")


def erlang_c_table(
    agents: ArrayLike,
    volume: ArrayLike,
    interval_minutes: float,
    aht_seconds: ArrayLike,
    threshold_seconds: float = 20.0,
) -> pd.DataFrame:
    """Erlang C for given staffing, vectorised (one row per element of the broadcast inputs).

    Returns
    -------
    DataFrame with ``traffic`` (Erlangs), ``agents``, ``wait_probability`` (Erlang C),
    ``service_level`` (answered within the threshold), ``asa_seconds`` (mean wait of all calls)
    and ``occupancy`` (traffic / agents). With agents at or below the traffic the queue grows
    without bound: wait probability 1, service level 0, ASA infinite, occupancy 1.
    """
    n, vol, aht = np.broadcast_arrays(
        np.asarray(agents, dtype=float).ravel(),
        np.asarray(volume, dtype=float).ravel(),
        np.asarray(aht_seconds, dtype=float).ravel(),
    )
    _check_common(interval_minutes, threshold_seconds, 0.0, vol, aht)
    a = traffic_erlangs(vol, interval_minutes, aht)
    c, sl, asa = _c_metrics(n, a, erlang_b(n, a), aht, threshold_seconds)
    idle = a <= 0
    with np.errstate(divide="ignore", invalid="ignore"):
        occupancy = np.where(n > a, a / n, 1.0)
    return pd.DataFrame(
        {
            "traffic": a,
            "agents": n,
            "wait_probability": np.where(idle, 0.0, c),
            "service_level": np.where(idle, 1.0, sl),
            "asa_seconds": np.where(idle, 0.0, asa),
            "occupancy": np.where(idle, 0.0, occupancy),
        }
    )


def staffing_table(
    volume: ArrayLike,
    interval_minutes: float,
    aht_seconds: ArrayLike,
    service_level: float | None = 0.8,
    threshold_seconds: float = 20.0,
    shrinkage: float = 0.0,
    asa_seconds: float | None = None,
) -> pd.DataFrame:
    """The fewest agents meeting a service-level and/or ASA target, for every interval at once.

    Parameters
    ----------
    volume : calls offered per interval (array).
    interval_minutes : interval length.
    aht_seconds : average handle time per interval (array or scalar).
    service_level : target share answered within ``threshold_seconds`` (None: no SL target).
    threshold_seconds : the service-level threshold.
    shrinkage : share of paid time not available for calls (breaks, training, absence).
    asa_seconds : optional target for the average speed of answer (None: no ASA target).

    Returns
    -------
    DataFrame with ``traffic`` (Erlangs), ``agents`` (on the phones, Erlang C),
    ``scheduled_agents`` (agents / (1 - shrinkage): paid agents to schedule),
    ``wait_probability``, ``service_level``, ``asa_seconds`` and ``occupancy`` at that staffing.
    Intervals without calls need 0 agents.
    """
    vol, aht = np.broadcast_arrays(
        np.asarray(volume, dtype=float).ravel(), np.asarray(aht_seconds, dtype=float).ravel()
    )
    _check_common(interval_minutes, threshold_seconds, shrinkage, vol, aht)
    if service_level is None and asa_seconds is None:
        raise AnalysisError("Give a service-level target, an ASA target, or both.")
    if service_level is not None and not 0 < service_level < 1:
        raise AnalysisError(
            f"The service-level target must be between 0% and 100% (exclusive), not {service_level:.0%}."
        )
    if asa_seconds is not None and not asa_seconds > 0:
        raise AnalysisError("The ASA target must be more than 0 seconds.")
    a = traffic_erlangs(vol, interval_minutes, aht)
    agents = _search(a, aht, service_level, threshold_seconds, asa_seconds)
    out = erlang_c_table(agents, vol, interval_minutes, aht, threshold_seconds)
    out.insert(2, "scheduled_agents", agents / (1.0 - shrinkage))
    return out


def _search(
    a: Floats,
    aht: Floats,
    sl_target: float | None,
    threshold: float,
    asa_target: float | None,
) -> Floats:
    # Start at the first stable staffing, floor(A) + 1, with B from the log-space identity, then
    # add one agent at a time (Erlang B recursion) only for the intervals still short of target:
    # the work is the number of intervals x the few steps between A and the answer.
    n = np.where(a > 0, np.floor(a) + 1.0, 0.0)
    active = np.flatnonzero(a > 0)
    b = erlang_b(n[active], a[active])
    for _ in range(_MAX_STEPS):
        if active.size == 0:
            return n
        na, aa, ht = n[active], a[active], aht[active]
        _, sl, asa = _c_metrics(na, aa, b, ht, threshold)
        ok = np.ones(active.size, dtype=bool)
        if sl_target is not None:
            ok &= sl >= sl_target - 1e-12
        if asa_target is not None:
            ok &= asa <= asa_target + 1e-12
        keep = ~ok
        active, b = active[keep], b[keep]
        n[active] += 1.0
        b = aa[keep] * b / (n[active] + aa[keep] * b)
    raise AnalysisError("No staffing up to 100,000 agents meets this target: relax the target.")


@dataclass(frozen=True, slots=True)
class ErlangC:
    """Erlang C staffing for one interval.

    Attributes
    ----------
    volume, interval_minutes, aht_seconds, threshold_seconds, shrinkage : the inputs.
    traffic : offered load in Erlangs.
    agents : agents on the phones.
    scheduled_agents : agents to schedule once shrinkage is added (agents / (1 - shrinkage)).
    service_level : share answered within the threshold (0-1).
    asa_seconds : average speed of answer (mean wait of all calls), seconds; also ``asa``.
    occupancy : share of the agents' phone time spent handling calls.
    wait_probability : share of callers who wait at all (the Erlang C probability).
    """

    volume: float
    interval_minutes: float
    aht_seconds: float
    threshold_seconds: float
    shrinkage: float
    traffic: float
    agents: int
    scheduled_agents: float
    service_level: float
    asa_seconds: float
    occupancy: float
    wait_probability: float

    @property
    def asa(self) -> float:
        """Average speed of answer in seconds."""
        return self.asa_seconds

    def summary(self) -> str:
        """One sentence for a slide."""
        sched = (
            f" ({self.scheduled_agents:.1f} scheduled with {self.shrinkage:.0%} shrinkage)"
            if self.shrinkage
            else ""
        )
        asa = f"{self.asa_seconds:.1f} s" if math.isfinite(self.asa_seconds) else "unbounded"
        return (
            f"{self.volume:,.0f} calls in {self.interval_minutes:g} minutes at "
            f"{self.aht_seconds:,.0f} s handle time ({self.traffic:.1f} Erlangs) with "
            f"{self.agents} agents{sched}: {self.service_level:.1%} answered within "
            f"{self.threshold_seconds:g} s, average speed of answer {asa}, occupancy "
            f"{self.occupancy:.1%}."
        )


def _erlang_c_result(
    row: pd.Series,
    volume: float,
    interval_minutes: float,
    aht_seconds: float,
    threshold_seconds: float,
    shrinkage: float,
) -> ErlangC:
    agents = int(row["agents"])
    return ErlangC(
        volume=float(volume),
        interval_minutes=float(interval_minutes),
        aht_seconds=float(aht_seconds),
        threshold_seconds=float(threshold_seconds),
        shrinkage=float(shrinkage),
        traffic=float(row["traffic"]),
        agents=agents,
        scheduled_agents=float(agents / (1.0 - shrinkage)),
        service_level=float(row["service_level"]),
        asa_seconds=float(row["asa_seconds"]),
        occupancy=float(row["occupancy"]),
        wait_probability=float(row["wait_probability"]),
    )


def agents_needed(
    volume: float,
    interval_minutes: float,
    aht_seconds: float,
    service_level: float | None = 0.8,
    threshold_seconds: float = 20.0,
    shrinkage: float = 0.0,
    asa_seconds: float | None = None,
) -> ErlangC:
    """The fewest agents meeting the target in one interval (Erlang C).

    e.g. 100 calls in 30 minutes at 180 s, 80% in 20 s -> 14 agents, 88.8%, ASA 7.8 s.
    ``asa_seconds`` adds (or, with ``service_level=None``, replaces) an ASA target.
    """
    table = staffing_table(
        [volume],
        interval_minutes,
        [aht_seconds],
        service_level=service_level,
        threshold_seconds=threshold_seconds,
        shrinkage=shrinkage,
        asa_seconds=asa_seconds,
    )
    return _erlang_c_result(
        table.iloc[0], volume, interval_minutes, aht_seconds, threshold_seconds, shrinkage
    )


def erlang_c(
    agents: int,
    volume: float,
    interval_minutes: float,
    aht_seconds: float,
    threshold_seconds: float = 20.0,
    shrinkage: float = 0.0,
) -> ErlangC:
    """Erlang C outcomes of a given staffing in one interval (e.g. 13 agents -> 79.6%)."""
    if agents < 0:
        raise AnalysisError("The number of agents must be 0 or more.")
    table = erlang_c_table([agents], volume, interval_minutes, [aht_seconds], threshold_seconds)
    _check_common(interval_minutes, threshold_seconds, shrinkage, np.array([volume]), np.ones(1))
    return _erlang_c_result(
        table.iloc[0], volume, interval_minutes, aht_seconds, threshold_seconds, shrinkage
    )


# --------------------------------------------------------------------------- Erlang A


def _log_a(x: Floats, y: Floats) -> Floats:
    """log A(x, y), A(x, y) = x e^y y^-x gamma(x, y) = 1 + sum_j y^j / prod_{k<=j} (x + k).

    Mandelbaum & Zeltyn (2007), eq. (3.3). Through the regularised incomplete gamma where it is
    representable; the power series (fast when y < x) where the incomplete gamma underflows.
    """
    p = special.gammainc(x, y)
    out = np.empty_like(x)
    ok = p > _TINY_CDF
    with np.errstate(divide="ignore"):
        out[ok] = (
            np.log(x[ok]) + y[ok] - x[ok] * np.log(y[ok]) + special.gammaln(x[ok]) + np.log(p[ok])
        )
    rest = ~ok
    if rest.any():
        xs, ys = x[rest], y[rest]
        total = np.ones_like(xs)
        term = np.ones_like(xs)
        for k in range(1, 100_000):
            term = term * ys / (xs + k)
            total += term
            if float((term / total).max()) < 1e-17:
                break
        out[rest] = np.log(total)
    return out


def _abandonment_parts(
    n: Floats, lam: Floats, mu: Floats, theta: Floats
) -> tuple[Floats, Floats, Floats, Floats]:
    """P(wait > 0), P(abandon), x = n mu / theta, y = lam / theta (M&Z 2007, eqs. 3.4-3.6)."""
    x = n * mu / theta
    y = lam / theta
    log_a = _log_a(x, y)
    big_a = np.exp(np.minimum(log_a, 700.0))
    e1 = erlang_b(n, lam / mu)
    # P(W > 0) = A E1 / (1 + (A - 1) E1), written to stay finite when A is astronomically large.
    with np.errstate(over="ignore", invalid="ignore"):
        p_wait = np.where(log_a > 700.0, 1.0, big_a * e1 / (1.0 + (big_a - 1.0) * e1))
        rho = lam / (n * mu)
        # P(Ab | W > 0) = 1 / (rho A) + 1 - 1 / rho
        p_ab_given_wait = 1.0 / (rho * big_a) + 1.0 - 1.0 / rho
    p_ab = np.clip(p_wait * np.clip(p_ab_given_wait, 0.0, 1.0), 0.0, 1.0)
    return np.clip(p_wait, 0.0, 1.0), p_ab, x, y


def _survival(t: Floats, x: Floats, y: Floats, theta: Floats, log_a_y: Floats) -> Floats:
    """P(V > t | V > 0) for the virtual wait V: gamma(x, y e^{-theta t}) / gamma(x, y)
    (M&Z 2007, eq. 4.2), through log A so that it never divides two underflowed numbers."""
    yt = y * np.exp(-theta * t)
    log_s = -x * theta * t + (y - yt) + _log_a(x, yt) - log_a_y
    return np.exp(np.minimum(log_s, 0.0))


@dataclass(frozen=True, slots=True)
class ErlangA:
    """Erlang A (M/M/n+M) outcomes of a staffing in one interval.

    Attributes
    ----------
    volume, interval_minutes, aht_seconds, patience_seconds, threshold_seconds : the inputs.
    agents : agents on the phones.
    service_level : share of offered calls answered within the threshold (abandons count
        against it).
    abandonment : share of offered calls that hang up before an agent answers.
    wait_probability : share of callers who have to wait.
    average_wait_seconds : mean time in queue of all callers, answered or abandoned
        (= abandonment x mean patience, by Little's law).
    occupancy : answered traffic / agents.
    """

    volume: float
    interval_minutes: float
    aht_seconds: float
    patience_seconds: float
    threshold_seconds: float
    agents: int
    service_level: float
    abandonment: float
    wait_probability: float
    average_wait_seconds: float
    occupancy: float

    def summary(self) -> str:
        """One sentence for a slide."""
        return (
            f"With {self.agents} agents and callers who wait {self.patience_seconds:,.0f} s on "
            f"average before hanging up, {self.abandonment:.1%} abandon and "
            f"{self.service_level:.1%} are answered within {self.threshold_seconds:g} s."
        )


def erlang_a_table(
    agents: ArrayLike,
    volume: ArrayLike,
    interval_minutes: float,
    aht_seconds: ArrayLike,
    patience_seconds: ArrayLike,
    threshold_seconds: float = 20.0,
) -> pd.DataFrame:
    """Erlang A (abandonment with exponential patience) for given staffing, vectorised.

    Returns
    -------
    DataFrame with ``agents``, ``wait_probability``, ``abandonment``, ``service_level``
    (answered within the threshold / offered), ``average_wait_seconds`` (all callers) and
    ``occupancy``. Infinite patience gives Erlang C (where it is stable). Unlike Erlang C, any
    staffing is stable: callers who wait too long leave.
    """
    n, vol, aht, pat = np.broadcast_arrays(
        np.asarray(agents, dtype=float).ravel(),
        np.asarray(volume, dtype=float).ravel(),
        np.asarray(aht_seconds, dtype=float).ravel(),
        np.asarray(patience_seconds, dtype=float).ravel(),
    )
    _check_common(interval_minutes, threshold_seconds, 0.0, vol, aht)
    if pat.size and (np.isnan(pat).any() or pat.min() <= 0):
        raise AnalysisError("The callers' mean patience must be more than 0 seconds.")
    size = n.shape[0]
    out = {
        "agents": n.copy(),
        "wait_probability": np.zeros(size),
        "abandonment": np.zeros(size),
        "service_level": np.ones(size),
        "average_wait_seconds": np.zeros(size),
        "occupancy": np.zeros(size),
    }
    lam = vol / (float(interval_minutes) * 60.0)
    finite = np.isfinite(pat)
    nobody = (lam > 0) & (n <= 0)
    out["wait_probability"][nobody] = 1.0
    out["abandonment"][nobody] = 1.0
    out["service_level"][nobody] = 0.0
    out["average_wait_seconds"][nobody] = pat[nobody]
    rows = np.flatnonzero((lam > 0) & (n > 0) & finite)
    if rows.size:
        _fill_erlang_a(out, rows, n, lam, aht, pat, threshold_seconds)
    patient = np.flatnonzero((lam > 0) & (n > 0) & ~finite)
    if patient.size:
        c = erlang_c_table(
            n[patient], vol[patient], interval_minutes, aht[patient], threshold_seconds
        )
        out["wait_probability"][patient] = c["wait_probability"].to_numpy()
        out["service_level"][patient] = c["service_level"].to_numpy()
        out["average_wait_seconds"][patient] = c["asa_seconds"].to_numpy()
        out["occupancy"][patient] = c["occupancy"].to_numpy()
    return pd.DataFrame(out)


def _fill_erlang_a(
    out: dict[str, Floats],
    rows: NDArray[np.intp],
    n_all: Floats,
    lam_all: Floats,
    aht_all: Floats,
    pat_all: Floats,
    threshold: float,
) -> None:
    n, lam = n_all[rows], lam_all[rows]
    mu, theta = 1.0 / aht_all[rows], 1.0 / pat_all[rows]
    p_wait, p_ab, x, y = _abandonment_parts(n, lam, mu, theta)
    # Answered within T = P(V = 0) + P(V > 0) * integral_0^T e^{-theta v} dF(v | V > 0); by parts
    # = 1 - e^{-theta T} S(T) - theta * integral_0^T e^{-theta v} S(v) dv, S the conditional
    # survival of the virtual wait; the integral by Gauss-Legendre (S is smooth and monotone).
    if threshold > 0:
        log_a_y = _log_a(x, y)
        half = threshold / 2.0
        nodes = half * (_GL_NODES + 1.0)
        t = np.broadcast_to(nodes[None, :], (rows.size, nodes.size))
        rep = (np.repeat(v[:, None], nodes.size, axis=1) for v in (x, y, theta, log_a_y))
        xr, yr, thr, lr = rep
        s = _survival(t, xr, yr, thr, lr)
        integral = half * (np.exp(-thr * t) * s) @ _GL_WEIGHTS
        s_t = _survival(np.full_like(x, threshold), x, y, theta, log_a_y)
        within = 1.0 - np.exp(-theta * threshold) * s_t - theta * integral
    else:
        within = np.zeros_like(x)
    out["wait_probability"][rows] = p_wait
    out["abandonment"][rows] = p_ab
    out["service_level"][rows] = np.clip((1.0 - p_wait) + p_wait * np.clip(within, 0, 1), 0, 1)
    out["average_wait_seconds"][rows] = p_ab / theta
    out["occupancy"][rows] = np.clip(lam * (1.0 - p_ab) / (n * mu), 0.0, 1.0)


def erlang_a(
    agents: int,
    volume: float,
    interval_minutes: float,
    aht_seconds: float,
    patience_seconds: float,
    threshold_seconds: float = 20.0,
) -> ErlangA:
    """Erlang A outcomes of a staffing in one interval: abandonment and service level."""
    if agents < 0:
        raise AnalysisError("The number of agents must be 0 or more.")
    row = erlang_a_table(
        [agents], [volume], interval_minutes, [aht_seconds], [patience_seconds], threshold_seconds
    ).iloc[0]
    return ErlangA(
        volume=float(volume),
        interval_minutes=float(interval_minutes),
        aht_seconds=float(aht_seconds),
        patience_seconds=float(patience_seconds),
        threshold_seconds=float(threshold_seconds),
        agents=int(agents),
        service_level=float(row["service_level"]),
        abandonment=float(row["abandonment"]),
        wait_probability=float(row["wait_probability"]),
        average_wait_seconds=float(row["average_wait_seconds"]),
        occupancy=float(row["occupancy"]),
    )

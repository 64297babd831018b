"""Day-level state of a simulation (calendar, load, pressure, morale, agents) and draw helpers."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from kpi.simulate.params import (
    EMAIL,
    ENGAGEMENT_LAG,
    ENGAGEMENT_PHI,
    HOLD_GROWTH,
    HOURLY_EMAIL,
    HOURLY_WEEKDAY,
    HOURLY_WEEKEND,
    N_AGENTS,
    N_CUSTOMERS,
    PRESSURE_PHI,
    PRESSURE_SD,
    RHO,
    VOLUME_GROWTH,
)


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def change_day(days: int, fraction: float, weekdays: np.ndarray) -> int:
    """The first Monday at or after ``fraction`` of the period (else the nearest weekday)."""
    target = min(max(int(math.ceil(fraction * days)), 1), days - 1)
    for d in range(target, days):
        if weekdays[d] == 0:
            return d
    for d in range(target, days):
        if weekdays[d] < 5:
            return d
    for d in range(target, 0, -1):
        if weekdays[d] < 5:
            return d
    return target


def ar1(rng: np.random.Generator, n: int, phi: float) -> np.ndarray:
    """A stationary AR(1) series with unit variance."""
    eps = rng.standard_normal(n)
    out = np.empty(n)
    out[0] = eps[0]
    scale = math.sqrt(1.0 - phi * phi)
    for i in range(1, n):
        out[i] = phi * out[i - 1] + scale * eps[i]
    return out


def draw_cat(rng: np.random.Generator, probs: np.ndarray) -> np.ndarray:
    """One category per row of ``probs`` (rows sum to 1)."""
    cum = np.cumsum(probs, axis=1)
    u = rng.random(len(probs))[:, None]
    return np.minimum((u > cum).sum(axis=1), probs.shape[1] - 1)


class Context:
    """Day-level state shared by all generations of contacts."""

    def __init__(self, seed: int, days: int, start: pd.Timestamp) -> None:
        self.seed = seed
        self.days = days
        self.start = start
        dates = pd.date_range(start, periods=days, freq="D")
        self.weekday = dates.day_of_week.to_numpy()
        self.weekend = self.weekday >= 5
        self.ivr_day = change_day(days, 0.6, self.weekday)
        self.aht_day = change_day(days, 0.4, self.weekday)
        rng = self.rng("days")
        t = np.arange(days) / max(days - 1, 1)
        self.volume_trend = 1.0 + VOLUME_GROWTH * t
        self.hold_trend = 1.0 + HOLD_GROWTH * t
        # unforecast volume: common day noise + queue-day noise; it also loads the queues
        day_noise = rng.normal(0.0, 0.02, days)
        qd_noise = rng.normal(0.0, 0.02, (4, days))
        self.surprise = np.exp(day_noise[None, :] + qd_noise)
        self.rho = (
            RHO[:, None, None]
            * self.surprise[:, :, None]
            * np.exp(rng.normal(0.0, 0.05, (4, days, 24)))
        )
        self.hold_day = np.exp(rng.normal(0.0, 0.04, days))
        self.pressure = np.exp(-PRESSURE_SD * ar1(rng, days, PRESSURE_PHI))
        latent = ar1(rng, days + ENGAGEMENT_LAG, ENGAGEMENT_PHI)
        self.latent = latent[ENGAGEMENT_LAG:]
        self.latent_lagged = latent[:days]  # latent(t - lag) for day t
        rng_agents = self.rng("agents")
        self.agent_speed = np.exp(rng_agents.normal(0.0, 0.12, N_AGENTS))
        self.agent_skill = rng_agents.normal(0.0, 0.25, N_AGENTS)
        offset = rng_agents.normal(0.0, 0.3, N_AGENTS)
        pulse = (
            3.7
            + offset[:, None]
            + 0.45 * self.latent[None, :]
            + rng_agents.normal(0.0, 0.25, (N_AGENTS, days))
        )
        self.pulse = np.clip(np.round(pulse, 1), 1.0, 5.0)
        w = self.rng("customers").gamma(0.6, 1.0, N_CUSTOMERS)
        self.customer_cdf = np.cumsum(w) / w.sum()

    def rng(self, name: str, generation: int = 0) -> np.random.Generator:
        """An independent, named random stream (stable across code paths)."""
        key = [self.seed, generation, *name.encode()]
        return np.random.default_rng(np.random.SeedSequence(key))

    def hours(self, rng: np.random.Generator, day: np.ndarray, channel: np.ndarray) -> np.ndarray:
        """Arrival second of the day from the intraday profiles."""
        profiles = np.stack([HOURLY_WEEKDAY, HOURLY_WEEKEND, HOURLY_EMAIL])
        which = np.where(channel == EMAIL, 2, self.weekend[day].astype(int))
        probs = profiles[which]
        probs = probs / probs.sum(axis=1, keepdims=True)
        hour = draw_cat(rng, probs)
        return hour * 3600 + rng.integers(0, 3600, len(day))

"""A simulated contact center with planted effects: the bundled sample and the test oracle.

:func:`simulate` returns a canonical interaction table (``kpi.schema`` columns and dtypes, one
row per contact) and a ``truth`` dict describing the effects planted in it, so that every
analysis page can be checked against a known answer. :func:`write_sample` writes the bundled
``sample_data/`` files.

The center
----------
Queues "Billing", "Tech Support", "Sales", "General"; channels phone (majority), chat and email;
40 agents ("A001".."A040") in 5 teams of 8 ("Atlas" -> Billing, "Beacon" and "Comet" -> Tech
Support, "Delta" -> Sales, "Echo" -> General and some Billing overflow). Topics "Password reset"
(~2.5 min), "Billing question" (~6 min), "Technical issue" (~10 min), "Dispute" (~12.5 min),
"Order" (~7 min) and "Other" (~5 min). Phone and chat open 08:00-20:00 on weekdays and 09:00-17:00
at weekends (weekend volume is a third of a weekday's); email arrives around the clock.

Column semantics (what the engine can rely on)
----------------------------------------------
* ``direction``: "inbound" (customer-initiated) or "outbound" (Sales call-outs, and proactive
  outreach with ``proactive`` True). ``proactive`` is False for every other row.
* Inbound phone and chat are queued: exactly one of ``answered`` / ``abandoned`` / ``blocked`` is
  True. ``blocked`` (phone only, on overloaded intervals) never queued: ``wait_seconds`` is NaN.
  ``wait_seconds`` is the queue time: until answer when answered, until hang-up when abandoned.
* Email is never abandoned or blocked (``answered`` True, the other two False); it has no queue
  wait (``wait_seconds`` NaN) but a ``first_response_seconds`` in hours. Chat has
  ``first_response_seconds`` = queue wait + the agent's first reply (answered chats only);
  phone has none (NaN).
* Outbound rows are ``answered`` True (connected calls), never abandoned/blocked, no wait.
* Agent fields (``agent_id``, ``team``, ``engagement``), handling times (``talk_seconds``,
  ``hold_seconds``, ``acw_seconds``, ``handle_seconds`` = talk + hold + ACW, ``idle_seconds``)
  and outcome flags ``transferred``, ``escalated``, ``resolved`` are set for answered rows only
  (NA/NaN otherwise). ``resolved`` is NA for outbound rows. ``hold_seconds`` is 0 for chat and
  email. ``converted`` is set for answered Sales rows only. ``topic`` is set for every row (the
  IVR / web-form reason). ``parent_contact_id`` is NA everywhere (transfers are one row each:
  the ``transferred`` flag, no separate transfer legs).
* Surveys (``csat`` 1-5, ``nps`` 0-10, ``ces`` 1-7 where 7 = most effort) for about a fifth of
  answered inbound contacts, NaN otherwise.
* ``engagement`` is the handling agent's engagement pulse (1-5, one decimal) on that day.
* ``cost``: handle minutes times a per-minute rate by channel (phone 0.90, chat 0.70, email
  0.60) plus 0.02 per minute of phone queueing; 0 for blocked calls.
* Repeat contacts: an unresolved answered contact brings the same ``customer_id`` back within
  1-7 days with probability 0.75 (same queue and topic); abandoned and blocked callers retry
  (minutes to two days later); customers also recur by chance (150,000 customers, skewed).
* Unrecorded drivers: a per-queue-day and per-interval load factor (unforecast volume) drives
  waits, abandonment and blocking; staffing follows the forecast, so access KPIs have no trend.

The planted effects (``truth["effects"]``)
------------------------------------------
Dates are ISO strings; a change is effective from the start of its date ("after" includes it).
Rates are fractions 0-1, durations seconds, CSAT the 1-5 mean of responses.

1. ``ivr`` — a new IVR menu in Billing makes callers more patient, cutting phone abandonment
   roughly in half. Fields: ``id``, ``queue`` ("Billing"), ``channel`` ("phone"), ``date`` (a
   Monday about 60% into the period), ``kpi`` ("abandonment_rate"), ``before``, ``after``
   (realised abandoned / (answered + abandoned) of inbound Billing phone contacts before and from
   the date; blocked excluded), ``effect`` (the expected change caused by the IVR over the
   realised post-period contacts: mean abandonment probability with the IVR minus without it,
   same waits; negative), ``control_queues`` (["Sales", "General"], unchanged), ``description``.
2. ``aht_target`` — an aggressive AHT target in Tech Support (talk and ACW cut ~28%, hold
   untouched): handle time falls ~25%, resolution, CSAT fall, repeats and transfers rise.
   Resolution depends at contact level on whether the time spent covered the time the issue
   needed, and a daily AR(1) "pressure" factor scales Tech Support talk/ACW, so daily AHT and
   daily FCR co-vary. Fields: ``id``, ``queue`` ("Tech Support"), ``date`` (a Monday about 40%
   into the period), ``aht_before_seconds``, ``aht_after_seconds`` (mean ``handle_seconds``),
   ``fcr_before``, ``fcr_after`` (share ``resolved``), ``csat_before``, ``csat_after`` (mean
   ``csat`` of responses), ``transfer_before``, ``transfer_after`` (share ``transferred``), all
   over answered inbound Tech Support contacts before / from the date; ``repeat_before``,
   ``repeat_after``: share of those contacts followed by another contact of the same customer
   (any queue) within ``repeat_window_days`` (7) days, contacts in the last 7 days excluded
   (right-censored); ``description``.
3. ``engagement_leads_csat`` — a centre-wide daily AR(1) latent (``phi`` 0.7) drives the agents'
   daily engagement pulse; CSAT on day t is shifted by ``beta`` * latent(t - 5). Fields: ``id``,
   ``driver`` ("engagement"), ``outcome`` ("csat"), ``lag_days`` (5), ``phi``, ``beta``,
   ``lag_correlation`` and ``contemporaneous_correlation`` (realised Pearson correlations of the
   daily mean engagement of answered contacts with the daily mean CSAT, at lag 5 and lag 0),
   ``description``. Nothing else depends on engagement.
4. ``shared_trend`` — contact volume grows ~25% over the period (more new customers) and mean
   hold time per answered contact grows ~30% (a degrading knowledge base), independently: no
   day-level link. Fields: ``id``, ``kpis`` (["contacts", "hold_time"]), ``note``,
   ``contacts_growth``, ``hold_growth`` (planted growth from the first to the last day, as
   fractions).

``truth`` itself: ``seed``, ``start``, ``end`` (first and last day, ISO), ``days``, ``rows``,
``effects``.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from kpi.schema import INTERACTION_COLUMNS, coerce

__all__ = ["QUEUES", "CHANNELS", "TOPICS", "simulate", "write_sample"]

QUEUES: tuple[str, ...] = ("Billing", "Tech Support", "Sales", "General")
CHANNELS: tuple[str, ...] = ("phone", "chat", "email")
TOPICS: tuple[str, ...] = (
    "Password reset",
    "Billing question",
    "Technical issue",
    "Dispute",
    "Order",
    "Other",
)
TEAMS: tuple[str, ...] = ("Atlas", "Beacon", "Comet", "Delta", "Echo")
AGENTS_PER_TEAM = 8
N_AGENTS = len(TEAMS) * AGENTS_PER_TEAM
N_CUSTOMERS = 150_000

BILLING, TECH, SALES, GENERAL = range(4)
PHONE, CHAT, EMAIL = range(3)

# New-issue inbound contacts on a Wednesday at the start of the period (all queues).
BASE_DAILY = 930.0
VOLUME_GROWTH = 0.25
HOLD_GROWTH = 0.30
DOW_FACTOR = np.array([1.15, 1.05, 1.0, 1.0, 0.93, 0.38, 0.27])  # Mon..Sun
QUEUE_SHARE = np.array([0.28, 0.32, 0.15, 0.25])
# channel mix per queue (phone, chat, email)
CHANNEL_MIX = np.array(
    [[0.65, 0.20, 0.15], [0.60, 0.28, 0.12], [0.75, 0.20, 0.05], [0.60, 0.22, 0.18]]
)
# topic mix per queue (order of TOPICS)
TOPIC_MIX = np.array(
    [
        [0.10, 0.60, 0.00, 0.20, 0.00, 0.10],
        [0.25, 0.00, 0.70, 0.00, 0.00, 0.05],
        [0.00, 0.10, 0.00, 0.00, 0.80, 0.10],
        [0.25, 0.15, 0.10, 0.00, 0.10, 0.40],
    ]
)
# mean talk + ACW work per topic (seconds; hold comes on top) and ceiling of the resolution rate
TOPIC_WORK = np.array([140.0, 330.0, 560.0, 700.0, 390.0, 270.0])
TOPIC_MAX_RES = np.array([0.98, 0.95, 0.92, 0.82, 0.96, 0.90])
CHANNEL_WORK = np.array([1.0, 1.3, 0.8])
CHANNEL_RATE = np.array([0.90, 0.70, 0.60])  # cost per handle minute

# queueing: typical load, mean conditional wait scale (s), mean patience (s) per queue x channel
RHO = np.array([0.87, 0.86, 0.84, 0.85])
WAIT_SCALE = np.array([80.0, 45.0, 35.0, 40.0])
PATIENCE = np.array([[200.0, 420.0], [330.0, 500.0], [300.0, 480.0], [320.0, 480.0]])
IVR_PATIENCE_FACTOR = 2.4

# Tech Support AHT target: talk and ACW multiplied by this from the target date
AHT_TARGET_FACTOR = 0.72
PRESSURE_PHI = 0.6
PRESSURE_SD = 0.10
# resolution: p = TOPIC_MAX_RES * sigmoid(RES_A + RES_B * log(work / required))
RES_A = 2.5
RES_B = 5.5
FOLLOW_UP_P = 0.75
FOLLOW_UP_DAYS = np.array([0.30, 0.22, 0.15, 0.11, 0.09, 0.07, 0.06])

ENGAGEMENT_PHI = 0.7
ENGAGEMENT_LAG = 5
ENGAGEMENT_BETA = 0.15
SURVEY_RATE = np.array([0.22, 0.20, 0.15])

_HOURLY_WEEKDAY = np.zeros(24)
_HOURLY_WEEKDAY[8:20] = [0.6, 1.0, 1.25, 1.2, 0.95, 1.0, 1.15, 1.1, 1.0, 0.8, 0.55, 0.4]
_HOURLY_WEEKEND = np.zeros(24)
_HOURLY_WEEKEND[9:17] = [0.8, 1.0, 1.1, 1.0, 0.9, 0.9, 0.8, 0.6]
_HOURLY_EMAIL = np.full(24, 0.25)
_HOURLY_EMAIL[7:23] = [
    0.5,
    0.8,
    1.0,
    1.1,
    1.1,
    1.0,
    1.0,
    1.1,
    1.0,
    0.9,
    0.8,
    0.7,
    0.7,
    0.6,
    0.5,
    0.4,
]

# queue -> (team indices, probabilities)
_QUEUE_TEAMS = {
    BILLING: (np.array([0, 4]), np.array([0.8, 0.2])),
    TECH: (np.array([1, 2]), np.array([0.5, 0.5])),
    SALES: (np.array([3]), np.array([1.0])),
    GENERAL: (np.array([4]), np.array([1.0])),
}

_COLUMNS = tuple(c.name for c in INTERACTION_COLUMNS)


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def _change_day(days: int, fraction: float, weekdays: np.ndarray) -> int:
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


def _ar1(rng: np.random.Generator, n: int, phi: float) -> np.ndarray:
    """A stationary AR(1) series with unit variance."""
    eps = rng.standard_normal(n)
    out = np.empty(n)
    out[0] = eps[0]
    scale = math.sqrt(1.0 - phi * phi)
    for i in range(1, n):
        out[i] = phi * out[i - 1] + scale * eps[i]
    return out


def _draw_cat(rng: np.random.Generator, probs: np.ndarray) -> np.ndarray:
    """One category per row of ``probs`` (rows sum to 1)."""
    cum = np.cumsum(probs, axis=1)
    u = rng.random(len(probs))[:, None]
    return np.minimum((u > cum).sum(axis=1), probs.shape[1] - 1)


class _Context:
    """Day-level state shared by all generations of contacts."""

    def __init__(self, seed: int, days: int, start: pd.Timestamp) -> None:
        self.seed = seed
        self.days = days
        self.start = start
        dates = pd.date_range(start, periods=days, freq="D")
        self.weekday = dates.day_of_week.to_numpy()
        self.weekend = self.weekday >= 5
        self.ivr_day = _change_day(days, 0.6, self.weekday)
        self.aht_day = _change_day(days, 0.4, self.weekday)
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
        self.pressure = np.exp(-PRESSURE_SD * _ar1(rng, days, PRESSURE_PHI))
        latent = _ar1(rng, days + ENGAGEMENT_LAG, ENGAGEMENT_PHI)
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
        profiles = np.stack([_HOURLY_WEEKDAY, _HOURLY_WEEKEND, _HOURLY_EMAIL])
        which = np.where(channel == EMAIL, 2, self.weekend[day].astype(int))
        probs = profiles[which]
        probs = probs / probs.sum(axis=1, keepdims=True)
        hour = _draw_cat(rng, probs)
        return hour * 3600 + rng.integers(0, 3600, len(day))


def _new_contacts(ctx: _Context) -> dict[str, np.ndarray]:
    """Generation 0: new inbound issues plus outbound calls."""
    rng = ctx.rng("arrivals")
    days = ctx.days
    dow = DOW_FACTOR[ctx.weekday]
    lam = BASE_DAILY * QUEUE_SHARE[:, None] * (ctx.volume_trend * dow)[None, :] * ctx.surprise
    counts = rng.poisson(lam)  # (queue, day)
    q_idx, d_idx = np.meshgrid(np.arange(4), np.arange(days), indexing="ij")
    queue = np.repeat(q_idx.ravel(), counts.ravel())
    day = np.repeat(d_idx.ravel(), counts.ravel())
    channel = _draw_cat(rng, CHANNEL_MIX[queue])
    topic = _draw_cat(rng, TOPIC_MIX[queue])
    n_in = len(queue)
    # outbound on weekdays: Sales call-outs and proactive outreach (General/Billing)
    weekday_lam = BASE_DAILY * ctx.volume_trend * (~ctx.weekend)
    n_sales = rng.poisson(0.04 * weekday_lam)
    n_pro = rng.poisson(0.025 * weekday_lam)
    day_s = np.repeat(np.arange(days), n_sales)
    day_p = np.repeat(np.arange(days), n_pro)
    pro_queue = np.where(rng.random(len(day_p)) < 0.7, GENERAL, BILLING)
    pro_topic = np.where(pro_queue == BILLING, 1, 5)
    out = {
        "queue": np.concatenate([queue, np.full(len(day_s), SALES), pro_queue]),
        "day": np.concatenate([day, day_s, day_p]),
        "channel": np.concatenate([channel, np.zeros(len(day_s) + len(day_p), dtype=int)]),
        "topic": np.concatenate([topic, np.full(len(day_s), 4), pro_topic]),
        "outbound": np.concatenate([np.zeros(n_in, bool), np.ones(len(day_s) + len(day_p), bool)]),
        "proactive": np.concatenate([np.zeros(n_in + len(day_s), bool), np.ones(len(day_p), bool)]),
    }
    n = len(out["day"])
    sec = ctx.hours(rng, out["day"], out["channel"])
    # outbound calls are made 09:00-18:00
    sec = np.where(out["outbound"], rng.integers(9 * 3600, 18 * 3600, n), sec)
    out["t"] = out["day"] * 86400 + sec
    out["customer"] = np.searchsorted(ctx.customer_cdf, rng.random(n), side="right")
    out["customer"] = np.minimum(out["customer"], N_CUSTOMERS - 1)
    return out


def _process(ctx: _Context, b: dict[str, np.ndarray], generation: int) -> dict[str, np.ndarray]:  # noqa: PLR0915 -- ratchet (#17): split or fix pending
    """Queueing, handling, outcomes and surveys for one batch of contacts."""
    rng = ctx.rng("process", generation)
    n = len(b["t"])
    day, q, ch, topic = b["day"], b["queue"], b["channel"], b["topic"]
    outbound = b["outbound"]
    hour = (b["t"] % 86400) // 3600
    inbound = ~outbound
    queued_channel = inbound & (ch != EMAIL)

    # --- queueing -------------------------------------------------------------------------
    rho = ctx.rho[q, day, hour] * np.where(ch == CHAT, 0.97, 1.0)
    u_block, u_wait, u_pat = rng.random(n), rng.random(n), rng.random(n)
    cond_wait = rng.exponential(1.0, n)
    p_block = np.clip(2.0 * (rho - 0.95), 0.0, 0.5)
    blocked = queued_channel & (ch == PHONE) & (u_block < p_block)
    p_wait = np.clip(0.35 + 1.5 * (rho - 0.85), 0.03, 0.95)
    mean_wait = WAIT_SCALE[q] * np.exp(6.0 * (rho - 0.85))
    wait = np.where(u_wait < p_wait, cond_wait * mean_wait, rng.exponential(2.0, n))
    wait = np.round(wait)
    patience_mean = PATIENCE[q, np.minimum(ch, 1)]
    ivr = (q == BILLING) & (ch == PHONE) & (day >= ctx.ivr_day)
    patience_ivr = patience_mean * np.where(ivr, IVR_PATIENCE_FACTOR, 1.0)
    patience = -np.log1p(-u_pat) * patience_ivr
    abandoned = queued_channel & ~blocked & (wait > patience)
    answered = ~blocked & ~abandoned
    wait_seconds = np.where(
        queued_channel & ~blocked, np.where(abandoned, np.round(patience), wait), np.nan
    )
    # expected abandonment with and without the IVR (same waits): the planted effect
    p_ab_with = 1.0 - np.exp(-wait / patience_ivr)
    p_ab_without = 1.0 - np.exp(-wait / patience_mean)

    # --- handling -------------------------------------------------------------------------
    team_choice = np.zeros(n, dtype=int)
    u_team = rng.random(n)
    for qq, (teams, probs) in _QUEUE_TEAMS.items():
        sel = q == qq
        team_choice[sel] = teams[
            np.searchsorted(np.cumsum(probs), u_team[sel], side="right").clip(0, len(teams) - 1)
        ]
    agent = team_choice * AGENTS_PER_TEAM + rng.integers(0, AGENTS_PER_TEAM, n)
    base = TOPIC_WORK[topic] * CHANNEL_WORK[ch]
    tech = q == TECH
    target = tech & (day >= ctx.aht_day)
    work = (
        base
        * ctx.agent_speed[agent]
        * np.where(tech, ctx.pressure[day], 1.0)
        * np.where(target, AHT_TARGET_FACTOR, 1.0)
        * np.exp(rng.normal(-0.031, 0.25, n))
    )
    required = base * np.exp(rng.normal(-0.06, 0.30, n))
    x = np.log(work / required)
    acw_share = np.clip(rng.normal(0.18, 0.04, n), 0.05, 0.4)
    acw = np.round(work * acw_share)
    talk = np.round(work) - acw
    held = (ch == PHONE) & (rng.random(n) < 0.4)
    hold = np.where(
        held,
        np.round(
            0.25
            * TOPIC_WORK[topic]
            * ctx.hold_trend[day]
            * ctx.hold_day[day]
            * rng.lognormal(-0.18, 0.6, n)
        ),
        0.0,
    )
    handle = talk + hold + acw

    # --- outcomes -------------------------------------------------------------------------
    p_res = TOPIC_MAX_RES[topic] * _sigmoid(RES_A + RES_B * x + ctx.agent_skill[agent])
    resolved = rng.random(n) < p_res
    transferred = rng.random(n) < _sigmoid(-2.7 - 1.6 * x)
    resolved &= ~(transferred & (rng.random(n) < 0.3))
    escalated = rng.random(n) < np.where(topic == 3, 0.12, 0.025)
    shortfall = np.clip(-x, 0.0, 1.5)

    # --- surveys --------------------------------------------------------------------------
    responded = answered & inbound & (rng.random(n) < SURVEY_RATE[ch])
    w_min = np.minimum(np.nan_to_num(wait_seconds) / 60.0, 5.0)
    noise = rng.normal(0.0, 0.65, n)
    sat = 4.95 - 1.2 * (~resolved) - 2.2 * shortfall - 0.35 * transferred - 0.12 * w_min + noise
    csat = np.clip(np.round(sat + ENGAGEMENT_BETA * ctx.latent_lagged[day]), 1, 5)
    nps = np.clip(np.round(8.3 + 1.8 * (sat - 4.3) + rng.normal(0.0, 1.0, n)), 0, 10)
    ces = np.clip(
        np.round(
            2.3 + 1.2 * (~resolved) + 0.5 * transferred + 0.3 * w_min + rng.normal(0.0, 0.9, n)
        ),
        1,
        7,
    )

    # --- other columns --------------------------------------------------------------------
    occ = np.clip(0.84 + 0.5 * (rho - RHO[q]) + rng.normal(0.0, 0.02, n), 0.6, 0.97)
    idle = np.round(handle * (1.0 - occ) / occ * rng.exponential(1.0, n))
    first_resp = np.where(
        ch == CHAT,
        wait + np.round(rng.uniform(5.0, 30.0, n)),
        np.where(
            ch == EMAIL,
            np.round(np.clip(rng.lognormal(math.log(9000.0), 0.8, n), 600, 86400)),
            np.nan,
        ),
    )
    first_resp = np.where(answered & inbound & (ch != PHONE), first_resp, np.nan)
    cost = np.where(
        answered,
        handle / 60.0 * CHANNEL_RATE[ch],
        0.0,
    ) + np.where(ch == PHONE, np.nan_to_num(wait_seconds) / 60.0 * 0.02, 0.0)
    cost = np.round(cost, 2)
    converted = rng.random(n) < np.where(outbound, 0.08, 0.24) * np.where(resolved, 1.0, 0.5)
    end = b["t"] + np.nan_to_num(np.where(ch == EMAIL, first_resp, wait_seconds))
    end = end + np.where(answered, handle, 0.0)

    a = answered
    nan = np.nan
    return {
        **b,
        "answered": answered,
        "abandoned": abandoned,
        "blocked": blocked,
        "wait_seconds": wait_seconds,
        "talk_seconds": np.where(a, talk, nan),
        "hold_seconds": np.where(a, hold, nan),
        "acw_seconds": np.where(a, acw, nan),
        "handle_seconds": np.where(a, handle, nan),
        "idle_seconds": np.where(a, idle, nan),
        "first_response_seconds": first_resp,
        "agent": np.where(a, agent, -1),
        "resolved_raw": resolved & a,
        "resolved": np.where(a & inbound, resolved.astype(float), nan),
        "transferred": np.where(a, transferred.astype(float), nan),
        "escalated": np.where(a, escalated.astype(float), nan),
        "converted": np.where(a & (q == SALES), converted.astype(float), nan),
        "csat": np.where(responded, csat, nan),
        "nps": np.where(responded, nps, nan),
        "ces": np.where(responded, ces, nan),
        "engagement": np.where(a, ctx.pulse[agent, day], nan),
        "cost": cost,
        "end": end,
        "p_ab_with": p_ab_with,
        "p_ab_without": p_ab_without,
    }


def _next_generation(
    ctx: _Context, p: dict[str, np.ndarray], generation: int
) -> dict[str, np.ndarray]:
    """Follow-ups of unresolved contacts and retries of abandoned / blocked calls."""
    rng = ctx.rng("repeats", generation)
    n = len(p["t"])
    inbound = ~p["outbound"]
    unresolved = p["answered"] & inbound & ~p["resolved_raw"]
    follow = np.where(unresolved, rng.random(n) < FOLLOW_UP_P, rng.random(n) < 0.02) & inbound
    follow &= p["answered"]
    retry = (p["abandoned"] & (rng.random(n) < 0.5)) | (p["blocked"] & (rng.random(n) < 0.7))
    offset_days = 1 + _draw_cat(rng, np.broadcast_to(FOLLOW_UP_DAYS, (n, 7)))
    delay_retry = np.where(
        rng.random(n) < 0.75,
        rng.integers(300, 3600, n),
        86400 * rng.integers(1, 3, n) + rng.integers(-7200, 7200, n),
    )
    u_ch = rng.random(n)
    ch_follow = np.where(u_ch < 0.7, p["channel"], PHONE)
    sel_f, sel_r = np.flatnonzero(follow), np.flatnonzero(retry)
    f_day = p["day"][sel_f] + offset_days[sel_f]
    # fewer people call back at the weekend: most wait for Monday
    wd = (ctx.start.day_of_week + f_day) % 7
    to_monday = (wd >= 5) & (rng.random(len(f_day)) < 0.6)
    f_day = np.where(to_monday, f_day + 7 - wd, f_day)
    f_ch = ch_follow[sel_f]
    keep = f_day < ctx.days
    sel_f, f_day, f_ch = sel_f[keep], f_day[keep], f_ch[keep]
    f_t = f_day * 86400 + ctx.hours(rng, f_day, f_ch)
    r_t = p["t"][sel_r] + delay_retry[sel_r]
    keep = r_t < ctx.days * 86400
    sel_r, r_t = sel_r[keep], r_t[keep]
    idx = np.concatenate([sel_f, sel_r])
    return {
        "queue": p["queue"][idx],
        "day": np.concatenate([f_day, r_t // 86400]),
        "channel": np.concatenate([f_ch, p["channel"][sel_r]]),
        "topic": p["topic"][idx],
        "outbound": np.zeros(len(idx), bool),
        "proactive": np.zeros(len(idx), bool),
        "t": np.concatenate([f_t, r_t]),
        "customer": p["customer"][idx],
    }


def _to_frame(ctx: _Context, rows: dict[str, np.ndarray]) -> pd.DataFrame:
    order = np.lexsort((rows["customer"], rows["t"]))
    r = {k: v[order] for k, v in rows.items()}
    n = len(order)
    start = np.datetime64(ctx.start.strftime("%Y-%m-%d"), "s")
    agent = r["agent"]
    has_agent = agent >= 0
    agent_names = np.array([f"A{i + 1:03d}" for i in range(N_AGENTS)], dtype=object)
    team_names = np.array(TEAMS, dtype=object)

    def cat(
        names: tuple[str, ...] | np.ndarray, codes: np.ndarray, mask: np.ndarray | None = None
    ) -> pd.Series:
        values = np.asarray(names, dtype=object)[np.maximum(codes, 0)]
        s = pd.Series(values, dtype="string")
        if mask is not None:
            s = s.where(pd.Series(mask))
        return s

    def flag(x: np.ndarray) -> pd.Series:
        return pd.Series(x == 1.0, dtype="boolean").mask(np.isnan(x))

    frame = pd.DataFrame(
        {
            "contact_id": pd.Series([f"C{i:07d}" for i in range(1, n + 1)], dtype="string"),
            "start_time": (start + r["t"].astype("timedelta64[s]")).astype("datetime64[ns]"),
            "end_time": (
                start + np.round(r["end"]).astype(np.int64).astype("timedelta64[s]")
            ).astype("datetime64[ns]"),
            "parent_contact_id": pd.Series([pd.NA] * n, dtype="string"),
            "customer_id": pd.Series([f"K{c:06d}" for c in r["customer"]], dtype="string"),
            "channel": cat(CHANNELS, r["channel"]),
            "direction": cat(("inbound", "outbound"), r["outbound"].astype(int)),
            "queue": cat(QUEUES, r["queue"]),
            "agent_id": cat(agent_names, agent, has_agent),
            "team": cat(team_names, agent // AGENTS_PER_TEAM, has_agent),
            "topic": cat(TOPICS, r["topic"]),
            "wait_seconds": r["wait_seconds"],
            "talk_seconds": r["talk_seconds"],
            "hold_seconds": r["hold_seconds"],
            "acw_seconds": r["acw_seconds"],
            "handle_seconds": r["handle_seconds"],
            "first_response_seconds": r["first_response_seconds"],
            "idle_seconds": r["idle_seconds"],
            "answered": flag(r["answered"].astype(float)),
            "abandoned": flag(r["abandoned"].astype(float)),
            "blocked": flag(r["blocked"].astype(float)),
            "transferred": flag(r["transferred"]),
            "escalated": flag(r["escalated"]),
            "resolved": flag(r["resolved"]),
            "converted": flag(r["converted"]),
            "proactive": flag(r["proactive"].astype(float)),
            "csat": r["csat"],
            "nps": r["nps"],
            "ces": r["ces"],
            "engagement": r["engagement"],
            "cost": r["cost"],
        }
    )
    # The sample is a contact center, not a helpdesk: ticket columns stay empty.
    frame = frame.reindex(columns=list(_COLUMNS))
    return coerce(frame, "interactions")


def _rate(x: pd.Series) -> float:
    x = x.dropna()
    return float(x.astype(float).mean()) if len(x) else float("nan")


def _truth(ctx: _Context, frame: pd.DataFrame, rows: dict[str, np.ndarray]) -> dict[str, Any]:
    day = (frame["start_time"] - ctx.start).dt.days.to_numpy()
    dates = pd.date_range(ctx.start, periods=ctx.days, freq="D")
    inbound = (frame["direction"] == "inbound").to_numpy()
    phone = (frame["channel"] == "phone").to_numpy()
    answered = frame["answered"].to_numpy(dtype=bool)
    blocked = frame["blocked"].to_numpy(dtype=bool)
    qname = frame["queue"].to_numpy(dtype=object)

    # 1. IVR
    offered = inbound & phone & ~blocked & (qname == "Billing")
    ab = frame["abandoned"].to_numpy(dtype=bool)
    pre, post = offered & (day < ctx.ivr_day), offered & (day >= ctx.ivr_day)
    order = np.lexsort((rows["customer"], rows["t"]))
    p_with, p_without = rows["p_ab_with"][order], rows["p_ab_without"][order]
    ivr = {
        "id": "ivr",
        "queue": "Billing",
        "channel": "phone",
        "date": dates[ctx.ivr_day].date().isoformat(),
        "kpi": "abandonment_rate",
        "before": float(ab[pre].mean()) if pre.any() else float("nan"),
        "after": float(ab[post].mean()) if post.any() else float("nan"),
        "effect": float(p_with[post].mean() - p_without[post].mean())
        if post.any()
        else float("nan"),
        "control_queues": ["Sales", "General"],
        "description": "A new IVR menu in Billing (phone) makes callers more patient: abandonment roughly halves; other queues unchanged.",
    }

    # 2. AHT target
    ts = inbound & answered & (qname == "Tech Support")
    before, after = ts & (day < ctx.aht_day), ts & (day >= ctx.aht_day)
    repeat = _followed_within(frame, 7)
    judged = day < ctx.days - 7

    def m(col: str, sel: np.ndarray) -> float:
        return _rate(frame.loc[sel, col])

    aht = {
        "id": "aht_target",
        "queue": "Tech Support",
        "date": dates[ctx.aht_day].date().isoformat(),
        "aht_before_seconds": m("handle_seconds", before),
        "aht_after_seconds": m("handle_seconds", after),
        "fcr_before": m("resolved", before),
        "fcr_after": m("resolved", after),
        "csat_before": m("csat", before),
        "csat_after": m("csat", after),
        "repeat_before": float(repeat[before & judged].mean()),
        "repeat_after": float(repeat[after & judged].mean())
        if (after & judged).any()
        else float("nan"),
        "repeat_window_days": 7,
        "transfer_before": m("transferred", before),
        "transfer_after": m("transferred", after),
        "description": "An aggressive AHT target in Tech Support: agents rush, so handle time falls but fewer issues are resolved, customers call back and get transferred more, and CSAT falls.",
    }

    # 3. engagement leads CSAT
    daily = pd.DataFrame({"day": day, "engagement": frame["engagement"], "csat": frame["csat"]})
    daily = daily.groupby("day").mean().reindex(range(ctx.days))
    eng, cs = daily["engagement"].to_numpy(), daily["csat"].to_numpy()
    lag = ENGAGEMENT_LAG
    engagement = {
        "id": "engagement_leads_csat",
        "driver": "engagement",
        "outcome": "csat",
        "lag_days": lag,
        "phi": ENGAGEMENT_PHI,
        "beta": ENGAGEMENT_BETA,
        "lag_correlation": _corr(eng[:-lag], cs[lag:]) if ctx.days > lag + 2 else float("nan"),
        "contemporaneous_correlation": _corr(eng, cs),
        "description": "A centre-wide morale cycle moves the agents' daily engagement pulse; CSAT follows five days later. Nothing else depends on engagement.",
    }

    # 4. shared trend
    trend = {
        "id": "shared_trend",
        "kpis": ["contacts", "hold_time"],
        "note": "both trend upward; no causal link",
        "contacts_growth": VOLUME_GROWTH,
        "hold_growth": HOLD_GROWTH,
    }
    return {
        "seed": ctx.seed,
        "start": dates[0].date().isoformat(),
        "end": dates[-1].date().isoformat(),
        "days": ctx.days,
        "rows": len(frame),
        "effects": [ivr, aht, engagement, trend],
    }


def _corr(a: np.ndarray, b: np.ndarray) -> float:
    ok = ~(np.isnan(a) | np.isnan(b))
    if ok.sum() < 3:
        return float("nan")
    return float(np.corrcoef(a[ok], b[ok])[0, 1])


def _followed_within(frame: pd.DataFrame, days: int) -> np.ndarray:
    """True where the same customer has a later contact within ``days`` days."""
    cust = frame["customer_id"].to_numpy(dtype=object)
    t = frame["start_time"].to_numpy().astype("datetime64[s]").astype(np.int64)
    order = np.lexsort((t, cust))
    c_sorted, t_sorted = cust[order], t[order]
    nxt_same = np.zeros(len(order), bool)
    nxt_same[:-1] = c_sorted[1:] == c_sorted[:-1]
    gap = np.full(len(order), np.inf)
    gap[:-1] = t_sorted[1:] - t_sorted[:-1]
    hit = nxt_same & (gap > 0) & (gap <= days * 86400)
    out = np.zeros(len(order), bool)
    out[order] = hit
    return out


def simulate(
    seed: int = 7, *, days: int = 182, start: str = "2026-01-05"
) -> tuple[pd.DataFrame, dict]:
    """Simulate a contact center's interaction export with planted effects.

    Parameters
    ----------
    seed : random seed; the same seed (and ``days``, ``start``) gives the same table.
    days : number of days (at least 14).
    start : first day (ISO date).

    Returns
    -------
    frame : canonical interaction table (``kpi.schema`` columns in schema order, coerced), one row
        per contact sorted by ``start_time``: contact_id, start_time, end_time,
        parent_contact_id, customer_id, channel, direction, queue, agent_id, team, topic,
        wait_seconds, talk_seconds, hold_seconds, acw_seconds, handle_seconds,
        first_response_seconds, idle_seconds, answered, abandoned, blocked, transferred,
        escalated, resolved, converted, proactive, csat, nps, ces, engagement, cost.
    truth : JSON-serialisable description of the planted effects (see the module docstring).
    """
    if days < 14:
        raise ValueError("simulate needs at least 14 days")
    ctx = _Context(int(seed), int(days), pd.Timestamp(start).normalize())
    batch = _new_contacts(ctx)
    parts = []
    for generation in range(8):
        processed = _process(ctx, batch, generation)
        parts.append(processed)
        batch = _next_generation(ctx, processed, generation)
        if len(batch["t"]) == 0:
            break
    rows = {k: np.concatenate([p[k] for p in parts]) for k in parts[0]}
    frame = _to_frame(ctx, rows)
    truth = _truth(ctx, frame, rows)
    return frame, _clean(truth)


def _clean(value: Any) -> Any:
    """Plain JSON types, NaN as None, floats rounded to 6 significant decimals."""
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if isinstance(value, int | np.integer):
        return int(value)
    if isinstance(value, float | np.floating):
        v = float(value)
        return None if not math.isfinite(v) else round(v, 6)
    return value


def write_sample(out_dir: Path | str, seed: int = 7) -> list[Path]:
    """Write the sample files: ``contacts.parquet``, ``contacts_excerpt.csv``, ``truth.json``.

    The parquet file (zstd, no index) is byte-identical for the same seed; the CSV excerpt holds
    the first 500 rows with ISO timestamps; ``truth.json`` has sorted keys and indent 2.
    Returns the written paths in that order.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    frame, truth = simulate(seed)
    parquet = out / "contacts.parquet"
    frame.to_parquet(parquet, engine="pyarrow", compression="zstd", index=False)
    excerpt = out / "contacts_excerpt.csv"
    frame.head(500).to_csv(
        excerpt, index=False, date_format="%Y-%m-%dT%H:%M:%S", lineterminator="\n"
    )
    truth_path = out / "truth.json"
    truth_path.write_text(json.dumps(truth, indent=2, sort_keys=True, allow_nan=False) + "\n")
    return [parquet, excerpt, truth_path]

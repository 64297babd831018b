"""One generation of contacts through the center: queueing, handling, outcomes and surveys.

:func:`process` runs the stages in a fixed order on one random stream per generation; each stage
draws its numbers in the order written, so the sample stays identical for a seed. Do not reorder
the stages or the draws inside them.
"""

from __future__ import annotations

import math

import numpy as np

from kpi.simulate.context import Context, sigmoid
from kpi.simulate.params import (
    AGENTS_PER_TEAM,
    AHT_TARGET_FACTOR,
    BILLING,
    CHANNEL_RATE,
    CHANNEL_WORK,
    CHAT,
    EMAIL,
    ENGAGEMENT_BETA,
    IVR_PATIENCE_FACTOR,
    PATIENCE,
    PHONE,
    QUEUE_TEAMS,
    RES_A,
    RES_B,
    RHO,
    SALES,
    SURVEY_RATE,
    TECH,
    TOPIC_MAX_RES,
    TOPIC_WORK,
    WAIT_SCALE,
)

Arrays = dict[str, np.ndarray]


def process(ctx: Context, b: Arrays, generation: int) -> Arrays:
    """Queueing, handling, outcomes and surveys for one batch of contacts."""
    rng = ctx.rng("process", generation)
    hour = (b["t"] % 86400) // 3600
    queue = _queueing(ctx, rng, b, hour)
    handling = _handling(ctx, rng, b)
    outcomes = _outcomes(ctx, rng, b, handling)
    surveys = _surveys(ctx, rng, b, queue, outcomes)
    other = _other_columns(ctx, rng, b, queue, handling, outcomes)
    return _columns(ctx, b, queue, handling, outcomes, surveys, other)


def _queueing(ctx: Context, rng: np.random.Generator, b: Arrays, hour: np.ndarray) -> Arrays:
    """Blocking, queue waits and abandonment; the IVR's patience effect is planted here."""
    n = len(b["t"])
    day, q, ch = b["day"], b["queue"], b["channel"]
    queued_channel = ~b["outbound"] & (ch != EMAIL)
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
    return {
        "rho": rho,
        "wait": wait,
        "blocked": blocked,
        "abandoned": abandoned,
        "answered": answered,
        "wait_seconds": wait_seconds,
        # expected abandonment with and without the IVR (same waits): the planted effect
        "p_ab_with": 1.0 - np.exp(-wait / patience_ivr),
        "p_ab_without": 1.0 - np.exp(-wait / patience_mean),
    }


def _handling(ctx: Context, rng: np.random.Generator, b: Arrays) -> Arrays:
    """Agent choice and talk / hold / ACW; the Tech Support AHT target is planted here."""
    n = len(b["t"])
    day, q, ch, topic = b["day"], b["queue"], b["channel"], b["topic"]
    team_choice = np.zeros(n, dtype=int)
    u_team = rng.random(n)
    for qq, (teams, probs) in QUEUE_TEAMS.items():
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
    return {
        "agent": agent,
        # log of the time spent over the time the issue needed: drives resolution and surveys
        "x": np.log(work / required),
        "talk": talk,
        "hold": hold,
        "acw": acw,
        "handle": talk + hold + acw,
    }


def _outcomes(ctx: Context, rng: np.random.Generator, b: Arrays, handling: Arrays) -> Arrays:
    """Resolution, transfers and escalations from the time spent and the agent's skill."""
    n = len(b["t"])
    topic, x = b["topic"], handling["x"]
    p_res = TOPIC_MAX_RES[topic] * sigmoid(RES_A + RES_B * x + ctx.agent_skill[handling["agent"]])
    resolved = rng.random(n) < p_res
    transferred = rng.random(n) < sigmoid(-2.7 - 1.6 * x)
    resolved &= ~(transferred & (rng.random(n) < 0.3))
    escalated = rng.random(n) < np.where(topic == 3, 0.12, 0.025)
    return {
        "resolved": resolved,
        "transferred": transferred,
        "escalated": escalated,
        "shortfall": np.clip(-x, 0.0, 1.5),
    }


def _surveys(
    ctx: Context, rng: np.random.Generator, b: Arrays, queue: Arrays, outcomes: Arrays
) -> Arrays:
    """CSAT, NPS and CES responses; engagement's lagged lead on CSAT is planted here."""
    n = len(b["t"])
    day, ch = b["day"], b["channel"]
    resolved, transferred = outcomes["resolved"], outcomes["transferred"]
    responded = queue["answered"] & ~b["outbound"] & (rng.random(n) < SURVEY_RATE[ch])
    w_min = np.minimum(np.nan_to_num(queue["wait_seconds"]) / 60.0, 5.0)
    noise = rng.normal(0.0, 0.65, n)
    sat = (
        4.95
        - 1.2 * (~resolved)
        - 2.2 * outcomes["shortfall"]
        - 0.35 * transferred
        - 0.12 * w_min
        + noise
    )
    csat = np.clip(np.round(sat + ENGAGEMENT_BETA * ctx.latent_lagged[day]), 1, 5)
    nps = np.clip(np.round(8.3 + 1.8 * (sat - 4.3) + rng.normal(0.0, 1.0, n)), 0, 10)
    ces = np.clip(
        np.round(
            2.3 + 1.2 * (~resolved) + 0.5 * transferred + 0.3 * w_min + rng.normal(0.0, 0.9, n)
        ),
        1,
        7,
    )
    return {"responded": responded, "csat": csat, "nps": nps, "ces": ces}


def _other_columns(
    ctx: Context,
    rng: np.random.Generator,
    b: Arrays,
    queue: Arrays,
    handling: Arrays,
    outcomes: Arrays,
) -> Arrays:
    """Idle time, first response, cost, conversion and the contact's end."""
    n = len(b["t"])
    q, ch = b["queue"], b["channel"]
    answered, wait, wait_seconds = queue["answered"], queue["wait"], queue["wait_seconds"]
    handle = handling["handle"]
    occ = np.clip(0.84 + 0.5 * (queue["rho"] - RHO[q]) + rng.normal(0.0, 0.02, n), 0.6, 0.97)
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
    first_resp = np.where(answered & ~b["outbound"] & (ch != PHONE), first_resp, np.nan)
    cost = np.where(
        answered,
        handle / 60.0 * CHANNEL_RATE[ch],
        0.0,
    ) + np.where(ch == PHONE, np.nan_to_num(wait_seconds) / 60.0 * 0.02, 0.0)
    cost = np.round(cost, 2)
    converted = rng.random(n) < np.where(b["outbound"], 0.08, 0.24) * np.where(
        outcomes["resolved"], 1.0, 0.5
    )
    end = b["t"] + np.nan_to_num(np.where(ch == EMAIL, first_resp, wait_seconds))
    end = end + np.where(answered, handle, 0.0)
    return {
        "idle": idle,
        "first_resp": first_resp,
        "cost": cost,
        "converted": converted,
        "end": end,
    }


def _columns(
    ctx: Context,
    b: Arrays,
    queue: Arrays,
    handling: Arrays,
    outcomes: Arrays,
    surveys: Arrays,
    other: Arrays,
) -> Arrays:
    """The batch's row columns: handling and outcomes only where answered, surveys where given."""
    a = queue["answered"]
    inbound = ~b["outbound"]
    agent = handling["agent"]
    resolved = outcomes["resolved"]
    responded = surveys["responded"]
    nan = np.nan
    return {
        **b,
        "answered": a,
        "abandoned": queue["abandoned"],
        "blocked": queue["blocked"],
        "wait_seconds": queue["wait_seconds"],
        "talk_seconds": np.where(a, handling["talk"], nan),
        "hold_seconds": np.where(a, handling["hold"], nan),
        "acw_seconds": np.where(a, handling["acw"], nan),
        "handle_seconds": np.where(a, handling["handle"], nan),
        "idle_seconds": np.where(a, other["idle"], nan),
        "first_response_seconds": other["first_resp"],
        "agent": np.where(a, agent, -1),
        "resolved_raw": resolved & a,
        "resolved": np.where(a & inbound, resolved.astype(float), nan),
        "transferred": np.where(a, outcomes["transferred"].astype(float), nan),
        "escalated": np.where(a, outcomes["escalated"].astype(float), nan),
        "converted": np.where(a & (b["queue"] == SALES), other["converted"].astype(float), nan),
        "csat": np.where(responded, surveys["csat"], nan),
        "nps": np.where(responded, surveys["nps"], nan),
        "ces": np.where(responded, surveys["ces"], nan),
        "engagement": np.where(a, ctx.pulse[agent, b["day"]], nan),
        "cost": other["cost"],
        "end": other["end"],
        "p_ab_with": queue["p_ab_with"],
        "p_ab_without": queue["p_ab_without"],
    }

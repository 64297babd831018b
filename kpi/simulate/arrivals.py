"""Arrivals: new inbound issues and outbound calls, then follow-ups and retries per generation."""

from __future__ import annotations

import numpy as np

from kpi.simulate.context import Context, draw_cat
from kpi.simulate.params import (
    BASE_DAILY,
    BILLING,
    CHANNEL_MIX,
    DOW_FACTOR,
    FOLLOW_UP_DAYS,
    FOLLOW_UP_P,
    GENERAL,
    N_CUSTOMERS,
    PHONE,
    QUEUE_SHARE,
    SALES,
    TOPIC_MIX,
)


def new_contacts(ctx: Context) -> dict[str, np.ndarray]:
    """Generation 0: new inbound issues plus outbound calls."""
    rng = ctx.rng("arrivals")
    days = ctx.days
    dow = DOW_FACTOR[ctx.weekday]
    lam = BASE_DAILY * QUEUE_SHARE[:, None] * (ctx.volume_trend * dow)[None, :] * ctx.surprise
    counts = rng.poisson(lam)  # (queue, day)
    q_idx, d_idx = np.meshgrid(np.arange(4), np.arange(days), indexing="ij")
    queue = np.repeat(q_idx.ravel(), counts.ravel())
    day = np.repeat(d_idx.ravel(), counts.ravel())
    channel = draw_cat(rng, CHANNEL_MIX[queue])
    topic = draw_cat(rng, TOPIC_MIX[queue])
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


def next_generation(
    ctx: Context, p: dict[str, np.ndarray], generation: int
) -> dict[str, np.ndarray]:
    """Follow-ups of unresolved contacts and retries of abandoned / blocked calls."""
    rng = ctx.rng("repeats", generation)
    n = len(p["t"])
    inbound = ~p["outbound"]
    unresolved = p["answered"] & inbound & ~p["resolved_raw"]
    follow = np.where(unresolved, rng.random(n) < FOLLOW_UP_P, rng.random(n) < 0.02) & inbound
    follow &= p["answered"]
    retry = (p["abandoned"] & (rng.random(n) < 0.5)) | (p["blocked"] & (rng.random(n) < 0.7))
    offset_days = 1 + draw_cat(rng, np.broadcast_to(FOLLOW_UP_DAYS, (n, 7)))
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

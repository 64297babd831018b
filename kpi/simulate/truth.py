"""The ``truth`` dict: the planted effects and what they realised in the simulated table.

The fields of each effect are described in the :mod:`kpi.simulate` docstring.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from kpi.simulate.context import Context
from kpi.simulate.params import (
    ENGAGEMENT_BETA,
    ENGAGEMENT_LAG,
    ENGAGEMENT_PHI,
    HOLD_GROWTH,
    VOLUME_GROWTH,
)

REPEAT_WINDOW_DAYS = 7


def build_truth(ctx: Context, frame: pd.DataFrame, rows: dict[str, np.ndarray]) -> dict[str, Any]:
    """The truth dict (not yet cleaned to plain JSON types: see :func:`clean`)."""
    day = (frame["start_time"] - ctx.start).dt.days.to_numpy()
    dates = pd.date_range(ctx.start, periods=ctx.days, freq="D")
    return {
        "seed": ctx.seed,
        "start": dates[0].date().isoformat(),
        "end": dates[-1].date().isoformat(),
        "days": ctx.days,
        "rows": len(frame),
        "effects": [
            _ivr(ctx, frame, rows, day, dates),
            _aht_target(ctx, frame, day, dates),
            _engagement(ctx, frame, day),
            _shared_trend(),
        ],
    }


def _ivr(
    ctx: Context,
    frame: pd.DataFrame,
    rows: dict[str, np.ndarray],
    day: np.ndarray,
    dates: pd.DatetimeIndex,
) -> dict[str, Any]:
    """Effect 1: the Billing IVR halves phone abandonment."""
    inbound = (frame["direction"] == "inbound").to_numpy()
    phone = (frame["channel"] == "phone").to_numpy()
    blocked = frame["blocked"].to_numpy(dtype=bool)
    qname = frame["queue"].to_numpy(dtype=object)
    offered = inbound & phone & ~blocked & (qname == "Billing")
    ab = frame["abandoned"].to_numpy(dtype=bool)
    pre, post = offered & (day < ctx.ivr_day), offered & (day >= ctx.ivr_day)
    # the frame is sorted like this; the rows are still in generation order
    order = np.lexsort((rows["customer"], rows["t"]))
    p_with, p_without = rows["p_ab_with"][order], rows["p_ab_without"][order]
    return {
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


def _aht_target(
    ctx: Context, frame: pd.DataFrame, day: np.ndarray, dates: pd.DatetimeIndex
) -> dict[str, Any]:
    """Effect 2: the Tech Support AHT target and its side effects."""
    inbound = (frame["direction"] == "inbound").to_numpy()
    answered = frame["answered"].to_numpy(dtype=bool)
    qname = frame["queue"].to_numpy(dtype=object)
    ts = inbound & answered & (qname == "Tech Support")
    before, after = ts & (day < ctx.aht_day), ts & (day >= ctx.aht_day)
    repeat = followed_within(frame, REPEAT_WINDOW_DAYS)
    judged = day < ctx.days - REPEAT_WINDOW_DAYS

    def m(col: str, sel: np.ndarray) -> float:
        return _rate(frame.loc[sel, col])

    return {
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
        "repeat_window_days": REPEAT_WINDOW_DAYS,
        "transfer_before": m("transferred", before),
        "transfer_after": m("transferred", after),
        "description": "An aggressive AHT target in Tech Support: agents rush, so handle time falls but fewer issues are resolved, customers call back and get transferred more, and CSAT falls.",
    }


def _engagement(ctx: Context, frame: pd.DataFrame, day: np.ndarray) -> dict[str, Any]:
    """Effect 3: engagement leads CSAT by ``ENGAGEMENT_LAG`` days."""
    daily = pd.DataFrame({"day": day, "engagement": frame["engagement"], "csat": frame["csat"]})
    daily = daily.groupby("day").mean().reindex(range(ctx.days))
    eng, cs = daily["engagement"].to_numpy(), daily["csat"].to_numpy()
    lag = ENGAGEMENT_LAG
    return {
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


def _shared_trend() -> dict[str, Any]:
    """Effect 4: volume and hold time trend upward independently."""
    return {
        "id": "shared_trend",
        "kpis": ["contacts", "hold_time"],
        "note": "both trend upward; no causal link",
        "contacts_growth": VOLUME_GROWTH,
        "hold_growth": HOLD_GROWTH,
    }


def _rate(x: pd.Series) -> float:
    x = x.dropna()
    return float(x.astype(float).mean()) if len(x) else float("nan")


def _corr(a: np.ndarray, b: np.ndarray) -> float:
    ok = ~(np.isnan(a) | np.isnan(b))
    if ok.sum() < 3:
        return float("nan")
    return float(np.corrcoef(a[ok], b[ok])[0, 1])


def followed_within(frame: pd.DataFrame, days: int) -> np.ndarray:
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


def clean(value: Any) -> Any:
    """Plain JSON types, NaN as None, floats rounded to 6 significant decimals."""
    if isinstance(value, dict):
        return {str(k): clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [clean(v) for v in value]
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if isinstance(value, int | np.integer):
        return int(value)
    if isinstance(value, float | np.floating):
        v = float(value)
        return None if not math.isfinite(v) else round(v, 6)
    return value

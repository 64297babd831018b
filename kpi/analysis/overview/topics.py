"""Contact reasons: AHT against topic norms, the Pareto of topics, and topic spikes."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from kpi.analysis.overview._common import frame_of

__all__ = ["TOPIC_NORMS", "TopicNorm", "aht_by_topic", "topic_norm", "topic_pareto", "topic_spikes"]


@dataclass(frozen=True, slots=True)
class TopicNorm:
    """A handle-time norm for a kind of contact (KPI_REFERENCE.md, "AHT by topic")."""

    name: str
    keywords: tuple[str, ...]
    low_seconds: float
    high_seconds: float


# Checked in order: "billing dispute" is a dispute, not a billing question.
TOPIC_NORMS: tuple[TopicNorm, ...] = (
    TopicNorm("disputes", ("dispute", "chargeback", "complaint"), 600.0, 900.0),
    TopicNorm("password reset", ("password", "reset", "login", "log in"), 120.0, 180.0),
    TopicNorm("billing", ("billing", "bill", "invoice", "payment"), 300.0, 420.0),
    TopicNorm("technical", ("technical", "tech", "troubleshoot", "outage"), 480.0, 720.0),
)


def topic_norm(topic: str, norms: Sequence[TopicNorm] = TOPIC_NORMS) -> TopicNorm | None:
    """The AHT norm whose keyword appears in ``topic`` (case-insensitive), or None."""
    text = str(topic).casefold()
    for norm in norms:
        if any(word in text for word in norm.keywords):
            return norm
    return None


def aht_by_topic(
    table: Any,
    overall_target_seconds: float | None = None,
    norms: Sequence[TopicNorm] = TOPIC_NORMS,
) -> pd.DataFrame:
    """AHT per topic against topic-specific norms (never one target for all).

    Parameters
    ----------
    table : a ``KpiTable`` (or frame) with ``by=("topic",)``, grain "all", containing ``aht``.
    overall_target_seconds : the AHT target used for topics no norm matches.
    norms : the keyword norms (default :data:`TOPIC_NORMS`).

    Returns
    -------
    pandas.DataFrame
        ``topic, handled, aht_seconds, aht_minutes, norm, norm_low_minutes, norm_high_minutes,
        status`` ("within", "above", "below" the norm, "above target" / "within target" for
        unmatched topics, "" without a target), one row per topic, longest AHT first.
    """
    frame = frame_of(table)
    rows = frame.loc[frame["kpi"] == "aht"]
    out = []
    for _, r in rows.iterrows():
        topic = str(r["topic"])
        aht = float(r["value"])
        norm = topic_norm(topic, norms)
        if norm is not None:
            low, high, label = norm.low_seconds, norm.high_seconds, norm.name
            if math.isnan(aht):
                status = ""
            elif aht > high:
                status = "above"
            elif aht < low:
                status = "below"
            else:
                status = "within"
        else:
            label = "overall target"
            low = float("nan")
            high = float(overall_target_seconds) if overall_target_seconds else float("nan")
            if math.isnan(high) or math.isnan(aht):
                status = ""
            else:
                status = "above target" if aht > high else "within target"
        out.append(
            {
                "topic": topic,
                "handled": float(r.get("denominator", float("nan"))),
                "aht_seconds": aht,
                "aht_minutes": aht / 60.0,
                "norm": label,
                "norm_low_minutes": low / 60.0,
                "norm_high_minutes": high / 60.0,
                "status": status,
            }
        )
    result = pd.DataFrame(
        out,
        columns=[
            "topic",
            "handled",
            "aht_seconds",
            "aht_minutes",
            "norm",
            "norm_low_minutes",
            "norm_high_minutes",
            "status",
        ],
    )
    return result.sort_values("aht_seconds", ascending=False, ignore_index=True)


def topic_pareto(
    table: Any,
    weekly: Any = None,
    *,
    column: str = "topic",
    structural_share: float = 0.30,
    most_weeks: float = 0.5,
    recent_weeks: int = 4,
) -> pd.DataFrame:
    """Contact reasons by volume with their share, cumulative share and trend.

    Parameters
    ----------
    table : ``contacts`` by ``column`` with grain "all" (a ``KpiTable`` or its frame).
    weekly : ``contacts`` by week and ``column`` (optional): share per week and trend.
    structural_share : a topic at or above this share of contacts ...
    most_weeks : ... on more than this fraction of weeks is structural (the same reason every
        week), not an incident.
    recent_weeks : the trend compares the share of the last ``recent_weeks`` weeks with the
        weeks before.

    Returns
    -------
    pandas.DataFrame
        ``topic, contacts, share, cumulative_share, weeks_at_or_above, weeks, share_recent,
        share_before, share_change, structural`` (bool), largest first.
    """
    frame = frame_of(table)
    counts = frame.loc[frame["kpi"] == "contacts", [column, "value"]]
    counts = counts.rename(columns={column: "topic", "value": "contacts"})
    counts = counts.loc[counts["contacts"].fillna(0) > 0]
    counts = counts.sort_values("contacts", ascending=False, ignore_index=True)
    total = float(counts["contacts"].sum())
    out = counts.assign(
        topic=counts["topic"].astype(str),
        share=counts["contacts"] / total if total else np.nan,
    )
    out = out.assign(cumulative_share=out["share"].cumsum())
    extra = pd.DataFrame(
        {
            "topic": out["topic"],
            "weeks_at_or_above": 0,
            "weeks": 0,
            "share_recent": np.nan,
            "share_before": np.nan,
        }
    )
    if weekly is not None:
        wk = frame_of(weekly)
        wk = wk.loc[wk["kpi"] == "contacts"]
        if not wk.empty:
            piv = wk.pivot_table(
                index="period", columns=column, values="value", aggfunc="sum", fill_value=0.0
            ).sort_index()
            piv.columns = [str(c) for c in piv.columns]
            share = piv.div(piv.sum(axis=1).replace(0, np.nan), axis=0)
            n_weeks = len(share)
            recent = piv.tail(recent_weeks)
            before = piv.iloc[:-recent_weeks] if n_weeks > recent_weeks else piv.iloc[0:0]
            for i, topic in enumerate(extra["topic"]):
                if topic not in share.columns:
                    continue
                extra.loc[i, "weeks_at_or_above"] = int((share[topic] >= structural_share).sum())
                extra.loc[i, "weeks"] = n_weeks
                rs = recent.sum().sum()
                extra.loc[i, "share_recent"] = recent[topic].sum() / rs if rs else np.nan
                bs = before.sum().sum()
                extra.loc[i, "share_before"] = before[topic].sum() / bs if bs else np.nan
    out = out.merge(extra, on="topic", how="left")
    out = out.assign(
        share_change=out["share_recent"] - out["share_before"],
        structural=(out["weeks"] > 0) & (out["weeks_at_or_above"] > most_weeks * out["weeks"]),
    )
    return out


def topic_spikes(
    daily: Any,
    *,
    column: str = "topic",
    k: float = 5.0,
    min_count: float = 10.0,
) -> pd.DataFrame:
    """One-off spikes of a contact reason (an incident), as opposed to a structural share.

    A day is a spike when its count for a topic is more than ``k`` robust standard deviations
    (1.4826 x the median absolute deviation) above the topic's median for that weekday (weekday
    medians, so a quiet weekend does not make every Monday look like a spike).

    Parameters
    ----------
    daily : ``contacts`` by day and ``column`` (a ``KpiTable`` or its frame).

    Returns
    -------
    pandas.DataFrame
        ``date, topic, contacts, typical, robust_sd, z, sentence``, largest ``z`` first.
    """
    frame = frame_of(daily)
    frame = frame.loc[frame["kpi"] == "contacts"]
    cols = ["date", "topic", "contacts", "typical", "robust_sd", "z", "sentence"]
    if frame.empty or column not in frame.columns:
        return pd.DataFrame(columns=cols)
    piv = frame.pivot_table(
        index="period", columns=column, values="value", aggfunc="sum", fill_value=0.0
    ).sort_index()
    piv = piv.asfreq("D", fill_value=0.0) if len(piv) > 1 else piv
    rows = []
    weekday = pd.DatetimeIndex(piv.index).day_of_week
    for topic in piv.columns:
        counts = piv[topic].astype(float)
        typical = counts.groupby(weekday).transform("median")
        resid = counts - typical
        mad = float(np.median(np.abs(resid - np.median(resid))))
        scale = 1.4826 * mad
        if scale <= 0:
            scale = max(1.0, math.sqrt(max(float(typical.median()), 1.0)))
        z = resid / scale
        for day in counts.index[(z > k) & (counts >= min_count)]:
            c, t = float(counts[day]), float(typical[day])
            rows.append(
                {
                    "date": day,
                    "topic": str(topic),
                    "contacts": c,
                    "typical": t,
                    "robust_sd": scale,
                    "z": float(z[day]),
                    "sentence": (
                        f"{day:%a %d %b %Y}: {c:,.0f} contacts about {topic} against a typical "
                        f"{t:,.0f} for that weekday — a one-off spike (an incident?), not a "
                        "structural reason."
                    ),
                }
            )
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values("z", ascending=False, ignore_index=True)

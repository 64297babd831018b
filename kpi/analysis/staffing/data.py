"""From the user's contacts to the inputs of the queueing models, and the staffing they imply.

One row per contact in; small tables out: calls offered per interval and queue, handle time, the
callers' patience, the repeat-contact behaviour, and the agents each interval needed against the
service level it reached.

Staffing counts every queued leg of a transfer chain (each leg takes an agent's time), which is
why the volume here can exceed the engine's ``contacts`` KPI (one per chain). Repeat and FCR
figures come from the KPI engine, so they follow the same definitions as everywhere else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from kpi.analysis.staffing.erlang import erlang_a_table, staffing_table, traffic_erlangs
from kpi.dataset import Dataset
from kpi.errors import AnalysisError, DataError

__all__ = [
    "ALL_QUEUES",
    "RepeatModel",
    "Workload",
    "contacts_frame",
    "interval_load",
    "interval_staffing",
    "last_complete_month",
    "month_workload",
    "patience_by_queue",
    "repeat_model",
]

INTERVALS: tuple[int, ...] = (15, 30, 60)
ALL_QUEUES = "All queues"


def contacts_frame(data: Dataset | pd.DataFrame) -> pd.DataFrame:
    """The contact-level frame of ``data`` (DataError for aggregated reports)."""
    frame = data.frame if isinstance(data, Dataset) else data
    if isinstance(data, Dataset) and data.shape != "interactions":
        raise DataError(
            "Staffing needs one row per contact (start time, waits and handle times); "
            "daily aggregated reports do not show the calls within an interval."
        )
    if "start_time" not in frame.columns:
        raise DataError("Staffing needs a start time for every contact.")
    return frame


def _flag(frame: pd.DataFrame, name: str, default: bool) -> np.ndarray:
    if name not in frame.columns:
        return np.full(len(frame), default)
    return frame[name].astype("boolean").fillna(False).to_numpy(dtype=bool)


def _handle_seconds(frame: pd.DataFrame) -> np.ndarray:
    # Same rule as the engine's AHT: the export's handle time, else talk + hold + ACW.
    parts = [c for c in ("hold_seconds", "acw_seconds") if c in frame.columns]
    fallback = None
    if "talk_seconds" in frame.columns:
        fallback = frame["talk_seconds"].astype(float)
        for c in parts:
            fallback = fallback + frame[c].astype(float).fillna(0.0)
    if "handle_seconds" in frame.columns:
        handle = frame["handle_seconds"].astype(float)
        if fallback is not None:
            handle = handle.fillna(fallback)
        return handle.to_numpy(dtype=float)
    if fallback is None:
        raise DataError(
            "Staffing needs the handle time of each contact: a handle_seconds or talk_seconds column."
        )
    return fallback.to_numpy(dtype=float)


def _select(
    frame: pd.DataFrame, channel: str | None, start: Any, end: Any
) -> tuple[pd.DataFrame, np.ndarray]:
    mask = np.ones(len(frame), dtype=bool)
    if "direction" in frame.columns:
        mask &= (frame["direction"].astype("string") != "outbound").fillna(True).to_numpy(bool)
    if channel and "channel" in frame.columns:
        mask &= (frame["channel"].astype("string") == channel).fillna(False).to_numpy(bool)
    mask &= ~_flag(frame, "blocked", False)
    abandoned = _flag(frame, "abandoned", False)
    if "wait_seconds" in frame.columns:  # queued: it waited (or abandoned), as in the engine
        mask &= frame["wait_seconds"].notna().to_numpy(bool) | abandoned
    t = frame["start_time"]
    if start is not None:
        mask &= (t >= pd.Timestamp(start)).fillna(False).to_numpy(bool)
    if end is not None:
        mask &= (t < pd.Timestamp(end)).fillna(False).to_numpy(bool)
    mask &= t.notna().to_numpy(bool)
    return frame.loc[mask], mask


def interval_load(
    data: Dataset | pd.DataFrame,
    interval_minutes: int = 30,
    threshold_seconds: float = 20.0,
    channel: str | None = "phone",
    start: Any = None,
    end: Any = None,
) -> pd.DataFrame:
    """Calls offered, answered and abandoned per interval and queue.

    Parameters
    ----------
    data : contacts (canonical columns; ``start_time`` and a handle time needed).
    interval_minutes : 15, 30 or 60.
    threshold_seconds : service-level threshold T.
    channel : keep this channel only (None: all). Erlang models describe calls; chats are
        handled concurrently and e-mails wait in a backlog, so they do not fit.
    start, end : keep contacts that started in [start, end).

    Returns
    -------
    DataFrame, one row per queue and interval with at least one call: ``queue``
    ("All queues" without a queue column), ``interval_start``, ``offered`` (inbound, not
    blocked, queued), ``answered``, ``abandoned``, ``answered_within`` (answered within T),
    ``handle_seconds`` (total over answered calls), ``handled_with_time`` (answered calls with a
    handle time), ``wait_seconds`` (total time in queue of all offered calls: the exposure of
    the patience estimate) and ``agents_seen`` (distinct agents who answered a call that
    started in the interval; NaN without agent ids).
    """
    if interval_minutes not in INTERVALS:
        raise AnalysisError(f"Use an interval of 15, 30 or 60 minutes, not {interval_minutes}.")
    frame = contacts_frame(data)
    handle_all = _handle_seconds(frame)
    sub, mask = _select(frame, channel, start, end)
    if sub.empty:
        what = f" on the {channel} channel" if channel and "channel" in frame.columns else ""
        raise DataError(f"No inbound queued contacts{what} in the chosen period.")
    answered = _flag(sub, "answered", True) & ~_flag(sub, "abandoned", False)
    abandoned = _flag(sub, "abandoned", False)
    wait = sub["wait_seconds"].astype(float).to_numpy() if "wait_seconds" in sub else None
    handle = handle_all[mask]
    has_handle = answered & np.isfinite(handle)
    work = pd.DataFrame(
        {
            "queue": (
                sub["queue"].astype("string").fillna("(no queue)").to_numpy()
                if "queue" in sub.columns
                else np.full(len(sub), ALL_QUEUES)
            ),
            "interval_start": sub["start_time"].dt.floor(f"{interval_minutes}min").to_numpy(),
            "offered": 1,
            "answered": answered.astype(int),
            "abandoned": abandoned.astype(int),
            "answered_within": (
                (answered & (np.nan_to_num(wait, nan=np.inf) <= threshold_seconds)).astype(int)
                if wait is not None
                else np.zeros(len(sub), dtype=int)
            ),
            "handle_seconds": np.where(has_handle, handle, 0.0),
            "handled_with_time": has_handle.astype(int),
            "wait_seconds": np.nan_to_num(wait, nan=0.0) if wait is not None else 0.0,
        }
    )
    out = work.groupby(["queue", "interval_start"], sort=True, observed=True).sum().reset_index()
    if "agent_id" in sub.columns:
        agents = pd.DataFrame(
            {
                "queue": work["queue"],
                "interval_start": work["interval_start"],
                "agent": sub["agent_id"].astype("string").where(answered).to_numpy(),
            }
        )
        seen = agents.groupby(["queue", "interval_start"], sort=True)["agent"].nunique()
        out["agents_seen"] = seen.to_numpy(dtype=float)
    else:
        out["agents_seen"] = np.nan
    if wait is None:
        out["wait_seconds"] = np.nan
        out["answered_within"] = np.nan
    return out


def patience_by_queue(load: pd.DataFrame) -> pd.DataFrame:
    """Callers' mean patience per queue, for Erlang A.

    Estimator: exponential patience with right-censoring. A caller who abandoned after waiting
    w shows their patience was w; a caller answered after w shows only that it exceeded w. The
    maximum-likelihood abandonment rate is then theta = abandoned / total waiting time of every
    caller who queued (answered and abandoned), and the mean patience 1 / theta.

    Returns
    -------
    DataFrame with ``queue``, ``abandoned``, ``wait_seconds`` (total exposure),
    ``abandon_rate_per_second`` (theta) and ``patience_seconds`` (inf when nobody abandoned,
    NaN when the data has no waits).
    """
    grouped = load.groupby("queue", sort=True)[["abandoned", "wait_seconds"]].sum(min_count=1)
    out = grouped.reset_index()
    exposure = out["wait_seconds"].astype(float)
    theta = out["abandoned"].astype(float) / exposure.where(exposure > 0)
    out["abandon_rate_per_second"] = theta
    with np.errstate(divide="ignore"):
        out["patience_seconds"] = np.where(
            theta > 0, 1.0 / theta, np.where(theta == 0, np.inf, np.nan)
        )
    return out


def _aht_by_queue(load: pd.DataFrame) -> pd.Series:
    sums = load.groupby("queue", sort=True)[["handle_seconds", "handled_with_time"]].sum()
    aht = sums["handle_seconds"] / sums["handled_with_time"].where(sums["handled_with_time"] > 0)
    if aht.isna().all():
        raise DataError("No answered call has a handle time: staffing cannot be computed.")
    return aht.fillna(float(sums["handle_seconds"].sum() / sums["handled_with_time"].sum()))


def interval_staffing(
    load: pd.DataFrame,
    interval_minutes: int,
    service_level: float = 0.8,
    threshold_seconds: float = 20.0,
    asa_seconds: float | None = None,
) -> pd.DataFrame:
    """The agents each interval needed for the target vs the service level it reached.

    Handle time is the queue's average over the whole load (one interval holds too few calls
    for a stable AHT). Agents needed come from Erlang C; the service level the seen agents
    would give, from Erlang A with the queue's estimated patience.

    Returns
    -------
    ``load``'s columns plus ``aht_seconds``, ``traffic`` (Erlangs), ``agents_needed``,
    ``service_level_reached`` (answered within T / (answered + abandoned), the data),
    ``service_level_modelled`` (Erlang A with ``agents_seen``; NaN without agent ids),
    ``staffing_gap`` (agents seen - agents needed) and ``status``: "understaffed" (fewer agents
    seen than needed), "overstaffed" (more than needed + max(1, 20%)), "as needed"; without agent
    ids "below target" / "on target" from the service level reached.
    """
    aht = _aht_by_queue(load)
    patience = patience_by_queue(load).set_index("queue")["patience_seconds"]
    out = load.copy()
    out["aht_seconds"] = out["queue"].map(aht).astype(float)
    staff = staffing_table(
        out["offered"].to_numpy(float),
        interval_minutes,
        out["aht_seconds"].to_numpy(float),
        service_level=service_level,
        threshold_seconds=threshold_seconds,
        asa_seconds=asa_seconds,
    )
    out["traffic"] = traffic_erlangs(out["offered"], interval_minutes, out["aht_seconds"])
    out["agents_needed"] = staff["agents"].to_numpy()
    judged = (out["answered"] + out["abandoned"]).astype(float)
    out["service_level_reached"] = out["answered_within"] / judged.where(judged > 0)
    seen = out["agents_seen"].to_numpy(float)
    pat = out["queue"].map(patience).astype(float).fillna(np.inf).to_numpy()
    if np.isfinite(seen).any():
        ok = np.isfinite(seen)
        modelled = np.full(len(out), np.nan)
        modelled[ok] = erlang_a_table(
            seen[ok],
            out["offered"].to_numpy(float)[ok],
            interval_minutes,
            out["aht_seconds"].to_numpy(float)[ok],
            pat[ok],
            threshold_seconds,
        )["service_level"].to_numpy()
        out["service_level_modelled"] = modelled
        gap = seen - out["agents_needed"].to_numpy(float)
        out["staffing_gap"] = gap
        slack = np.maximum(1.0, 0.2 * out["agents_needed"].to_numpy(float))
        out["status"] = np.where(
            ~ok,
            "unknown",
            np.where(gap < 0, "understaffed", np.where(gap > slack, "overstaffed", "as needed")),
        )
    else:
        out["service_level_modelled"] = np.nan
        out["staffing_gap"] = np.nan
        reached = out["service_level_reached"].to_numpy(float)
        out["status"] = np.where(reached < service_level, "below target", "on target")
    return out


def last_complete_month(data: Dataset | pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp]:
    """First day and the day after the last day of the data's last complete calendar month."""
    t = contacts_frame(data)["start_time"].dropna()
    if t.empty:
        raise DataError("The data has no contact with a start time.")
    first, last = pd.Timestamp(t.min()), pd.Timestamp(t.max())
    month_start = last.normalize().replace(day=1)
    next_month = month_start + pd.offsets.MonthBegin(1)
    if last.normalize() + pd.Timedelta(days=1) < next_month:  # the last month is cut short
        next_month, month_start = month_start, month_start - pd.offsets.MonthBegin(1)
    if first > month_start:
        raise AnalysisError(
            f"The data ({first:%d %b %Y} to {last:%d %b %Y}) holds no complete calendar month: "
            "the what-if starts from one."
        )
    return pd.Timestamp(month_start), pd.Timestamp(next_month)


@dataclass(frozen=True, slots=True)
class RepeatModel:
    """How often a contact is followed by another one from the same customer, by outcome.

    The repeat rate is modelled as ``fcr x repeat_if_resolved + (1 - fcr) x repeat_if_unresolved``
    (both read from the data), and every contact, first or repeat, is followed by another with
    that probability: contacts = first contacts / (1 - repeat rate). Changing FCR changes the
    repeat rate and so the volume.

    Attributes
    ----------
    fcr : first-contact resolution of the data's period (engine KPI ``fcr``).
    repeat_rate : repeat-contact rate the data shows (engine KPI ``repeat_contact_rate``).
    repeat_if_resolved, repeat_if_unresolved : the repeat rate of contacts flagged resolved /
        unresolved.
    window_days : the repeat window.
    warnings : why a figure is assumed rather than measured.
    """

    fcr: float
    repeat_rate: float
    repeat_if_resolved: float
    repeat_if_unresolved: float
    window_days: float = 7.0
    warnings: tuple[str, ...] = ()

    def repeat_rate_at(self, fcr: float) -> float:
        """The repeat rate the model expects at ``fcr``."""
        rate = fcr * self.repeat_if_resolved + (1.0 - fcr) * self.repeat_if_unresolved
        return float(min(max(rate, 0.0), 0.95))

    def volume_factor(self, fcr: float) -> float:
        """Contacts at ``fcr`` relative to contacts at the data's FCR (same first contacts)."""
        return (1.0 - self.repeat_rate_at(self.fcr)) / (1.0 - self.repeat_rate_at(fcr))


def _kpi_value(frame: pd.DataFrame, kpi: str, **where: Any) -> float:
    rows = frame[frame["kpi"] == kpi]
    for col, value in where.items():
        # Segment values come back as text ("True") or booleans, depending on the engine.
        text = rows[col].astype("string").str.lower()
        rows = rows[(text == str(value).lower()).fillna(False)]
    values = rows["value"].dropna()
    return float(values.iloc[0]) if len(values) else float("nan")


def repeat_model(
    data: Dataset | pd.DataFrame,
    start: Any = None,
    end: Any = None,
    channel: str | None = "phone",
    queue: str | None = None,
) -> RepeatModel:
    """FCR, repeat rate, and the repeat rate of resolved vs unresolved contacts, from the engine.

    Without customer ids the repeat rate cannot be measured: every unresolved contact is then
    assumed to come back once and resolved ones never (a warning says so). Without a
    ``resolved`` column FCR is unknown and cannot be a lever.
    """
    from kpi.engine import compute  # the engine owns the FCR and repeat definitions

    frame = contacts_frame(data)
    filters: dict[str, list[str]] = {}
    if channel and "channel" in frame.columns:
        filters["channel"] = [channel]
    if queue and queue != ALL_QUEUES and "queue" in frame.columns:
        filters["queue"] = [queue]
    kpis = ["fcr", "repeat_contact_rate"]
    whole = compute(data, kpis=kpis, grain="all", start=start, end=end, filters=filters)
    fcr = _kpi_value(whole.frame, "fcr")
    if not np.isfinite(fcr):
        raise AnalysisError(
            "First-contact resolution cannot be computed on this data (it needs a 'resolved' "
            "column), so the what-if cannot follow repeat contacts."
        )
    rate = _kpi_value(whole.frame, "repeat_contact_rate")
    if not np.isfinite(rate):
        return RepeatModel(
            fcr=fcr,
            repeat_rate=1.0 - fcr,
            repeat_if_resolved=0.0,
            repeat_if_unresolved=1.0,
            warnings=(
                "The data has no customer ids, so repeats cannot be measured: every unresolved "
                "contact is assumed to come back once.",
            ),
        )
    split = compute(
        data,
        kpis=["repeat_contact_rate"],
        grain="all",
        by=["resolved"],
        start=start,
        end=end,
        filters=filters,
    ).frame
    resolved = _kpi_value(split, "repeat_contact_rate", resolved=True)
    unresolved = _kpi_value(split, "repeat_contact_rate", resolved=False)
    warnings: tuple[str, ...] = ()
    if not (np.isfinite(resolved) and np.isfinite(unresolved)):
        resolved, unresolved = rate, rate
        warnings = (
            "Resolved and unresolved contacts could not be told apart: FCR changes do not change the repeat rate.",
        )
    return RepeatModel(
        fcr=fcr,
        repeat_rate=rate,
        repeat_if_resolved=resolved,
        repeat_if_unresolved=unresolved,
        warnings=warnings,
    )


@dataclass(frozen=True, slots=True)
class Workload:
    """A month of calls, interval by interval: the baseline every what-if starts from.

    Attributes
    ----------
    intervals : one row per queue and interval with calls: ``queue``, ``interval_start``,
        ``volume`` (calls offered), ``aht_seconds`` (the queue's month AHT),
        ``patience_seconds`` (the queue's estimated mean patience; inf without abandons).
    interval_minutes : interval length.
    month_start, month_end : the month (end exclusive).
    channel : the channel analysed (None: all).
    queue : the queue analysed ("All queues": every queue).
    repeats : the repeat-contact model.
    warnings : caveats about the inputs.
    """

    intervals: pd.DataFrame
    interval_minutes: int
    month_start: pd.Timestamp
    month_end: pd.Timestamp
    channel: str | None
    queue: str
    repeats: RepeatModel
    warnings: tuple[str, ...] = field(default=())

    @property
    def aht_seconds(self) -> float:
        """Volume-weighted AHT of the month."""
        v = self.intervals["volume"]
        return float((v * self.intervals["aht_seconds"]).sum() / v.sum())

    @property
    def contacts(self) -> float:
        """Calls offered in the month."""
        return float(self.intervals["volume"].sum())

    @property
    def label(self) -> str:
        """e.g. "June 2026"."""
        return f"{self.month_start:%B %Y}"


def month_workload(
    data: Dataset | pd.DataFrame,
    interval_minutes: int = 30,
    channel: str | None = "phone",
    queue: str | None = None,
) -> Workload:
    """The last complete month of the data as a workload: volume, AHT and patience per interval.

    ``queue`` keeps one queue (None or "All queues": every queue, each staffed separately:
    no agent is shared between queues, i.e. no multi-skill routing).
    """
    start, end = last_complete_month(data)
    frame = full = contacts_frame(data)
    if queue and queue != ALL_QUEUES:
        if "queue" not in frame.columns:
            raise DataError(f"The data has no queue column, so queue {queue!r} cannot be chosen.")
        frame = frame[(frame["queue"].astype("string") == queue).fillna(False)]
        if frame.empty:
            raise DataError(f"No contact in queue {queue!r}.")
    load = interval_load(frame, interval_minutes, channel=channel, start=start, end=end)
    aht = _aht_by_queue(load)
    patience = patience_by_queue(load).set_index("queue")["patience_seconds"]
    intervals = pd.DataFrame(
        {
            "queue": load["queue"],
            "interval_start": load["interval_start"],
            "volume": load["offered"].astype(float),
            "aht_seconds": load["queue"].map(aht).astype(float),
            "patience_seconds": load["queue"].map(patience).astype(float),
        }
    )
    warnings = []
    if intervals["patience_seconds"].isna().any():
        warnings.append(
            "The data has no queue waits, so abandonment (Erlang A) cannot be estimated."
        )
    repeats = repeat_model(full, start, end, channel, queue)
    return Workload(
        intervals=intervals,
        interval_minutes=interval_minutes,
        month_start=start,
        month_end=end,
        channel=channel,
        queue=queue or ALL_QUEUES,
        repeats=repeats,
        warnings=(*warnings, *repeats.warnings),
    )

"""How the data's month was staffed: intervals under or over the agents the target needed."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from kpi import format as fmt
from kpi.analysis.staffing.data import (
    ALL_QUEUES,
    contacts_frame,
    interval_load,
    interval_staffing,
    last_complete_month,
)
from kpi.dataset import Dataset

__all__ = ["StaffingCheck", "segments", "staffing_check"]


def segments(data: Dataset | pd.DataFrame) -> dict[str, list[str]]:
    """The channels and queues a staffing can be run on: ``{"channel": [...], "queue": [...]}``
    (queue list starts with "All queues"; empty channel list without a channel column)."""
    frame = contacts_frame(data)
    out: dict[str, list[str]] = {"channel": [], "queue": [ALL_QUEUES]}
    for col in ("channel", "queue"):
        if col in frame.columns:
            values = sorted(str(v) for v in frame[col].dropna().unique() if str(v))
            out[col] = [*out[col], *values]
    return out


@dataclass(frozen=True, slots=True)
class StaffingCheck:
    """Each interval of the month: agents the target needed vs agents seen and service reached.

    Attributes
    ----------
    month : e.g. "June 2026".
    service_level, threshold_seconds : the target judged against.
    intervals : :func:`~kpi.analysis.staffing.data.interval_staffing`'s table.
    has_agents : True when the export has agent ids (agents seen per interval are known).
    """

    month: str
    service_level: float
    threshold_seconds: float
    intervals: pd.DataFrame
    has_agents: bool

    def counts(self) -> dict[str, int]:
        """Intervals by status."""
        return {str(k): int(v) for k, v in self.intervals["status"].value_counts().items()}

    def summary(self) -> str:
        """One or two sentences on how well the month was staffed."""
        t = self.intervals
        n = len(t)
        judged = (t["answered"] + t["abandoned"]).to_numpy(float)
        reached = float(np.nansum(t["answered_within"]) / judged.sum()) if judged.sum() else np.nan
        below = int((t["service_level_reached"] < self.service_level).sum())
        target = f"{fmt.fmt_share(self.service_level, 0)} in {self.threshold_seconds:g} s"
        text = (
            f"In {self.month}, {fmt.fmt_share(reached)} of calls were answered within "
            f"{self.threshold_seconds:g} s; {fmt.fmt_count(below)} of {fmt.fmt_count(n)} queue-intervals fell short of "
            f"{target}."
        )
        if self.has_agents:
            c = self.counts()
            text += (
                f" Against the agents seen answering calls, {c.get('understaffed', 0):,} "
                f"intervals had fewer than the target needed and {c.get('overstaffed', 0):,} "
                "had clearly more (an estimate: idle agents and agents shared between queues "
                "are not seen)."
            )
        return text

    def worst(self, rows: int = 10) -> pd.DataFrame:
        """The intervals furthest below target, for display: queue, interval, calls, AHT,
        agents needed, agents seen, service level reached."""
        t = self.intervals.assign(_short=self.intervals["service_level_reached"].fillna(1.0))
        t = t.sort_values(["_short", "offered"], ascending=[True, False]).head(rows)
        return pd.DataFrame(
            {
                "queue": t["queue"].astype(str).to_numpy(),
                "interval": pd.to_datetime(t["interval_start"]).dt.strftime("%a %d %b %H:%M"),
                "calls": t["offered"].astype(int).to_numpy(),
                "AHT (min)": (t["aht_seconds"] / 60).round(1).to_numpy(),
                "agents needed": t["agents_needed"].astype(int).to_numpy(),
                "agents seen": t["agents_seen"].to_numpy(),
                "service level reached": [fmt.fmt_share(v, 0) for v in t["service_level_reached"]],
            }
        )


def staffing_check(
    data: Dataset | pd.DataFrame,
    interval_minutes: int = 30,
    service_level: float = 0.8,
    threshold_seconds: float = 20.0,
    channel: str | None = "phone",
    queue: str | None = None,
) -> StaffingCheck:
    """The data's last complete month, interval by interval, against the target."""
    start, end = last_complete_month(data)
    frame = contacts_frame(data)
    if queue and queue != ALL_QUEUES and "queue" in frame.columns:
        frame = frame[(frame["queue"].astype("string") == queue).fillna(False)]
    load = interval_load(frame, interval_minutes, threshold_seconds, channel, start, end)
    table = interval_staffing(load, interval_minutes, service_level, threshold_seconds)
    return StaffingCheck(
        month=f"{start:%B %Y}",
        service_level=service_level,
        threshold_seconds=threshold_seconds,
        intervals=table,
        has_agents=bool(np.isfinite(table["agents_seen"].to_numpy(float)).any()),
    )

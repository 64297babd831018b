"""Charts of the staffing what-if (``kpi.analysis.staffing``)."""

from __future__ import annotations

import altair as alt

from kpi.analysis.staffing import WhatIf, agents_by_time_of_day

__all__ = ["agents_chart"]


def agents_chart(result: WhatIf) -> alt.Chart:
    """Scheduled agents by time of day (average day of the month), baseline vs scenario."""
    frame = agents_by_time_of_day(result)
    return (
        alt.Chart(frame, title=f"Scheduled agents by time of day, {result.month} (average day)")
        .mark_line(point=True)
        .encode(
            x=alt.X("time_of_day:O", title="Time of day"),
            y=alt.Y("agents:Q", title="Scheduled agents (all queues)"),
            color=alt.Color("scenario:N", title=None, sort=[result.baseline.name]),
            tooltip=[
                alt.Tooltip("time_of_day:O", title="Time"),
                alt.Tooltip("scenario:N", title="Column"),
                alt.Tooltip("agents:Q", title="Agents", format=".1f"),
            ],
        )
        .properties(height=300)
    )

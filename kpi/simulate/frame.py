"""The canonical interaction table from the simulated rows."""

from __future__ import annotations

import numpy as np
import pandas as pd

from kpi.schema import coerce
from kpi.simulate.context import Context
from kpi.simulate.params import AGENTS_PER_TEAM, CHANNELS, COLUMNS, N_AGENTS, QUEUES, TEAMS, TOPICS


def to_frame(ctx: Context, rows: dict[str, np.ndarray]) -> pd.DataFrame:
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
    frame = frame.reindex(columns=list(COLUMNS))
    return coerce(frame, "interactions")

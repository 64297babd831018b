"""Run the simulation: arrivals, up to eight generations of repeats, the table and its truth."""

from __future__ import annotations

import numpy as np
import pandas as pd

from kpi.simulate.arrivals import new_contacts, next_generation
from kpi.simulate.context import Context
from kpi.simulate.frame import to_frame
from kpi.simulate.process import process
from kpi.simulate.truth import build_truth, clean


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
    truth : JSON-serialisable description of the planted effects (see the :mod:`kpi.simulate`
        docstring).
    """
    if days < 14:
        raise ValueError("simulate needs at least 14 days")
    ctx = Context(int(seed), int(days), pd.Timestamp(start).normalize())
    batch = new_contacts(ctx)
    parts = []
    for generation in range(8):
        processed = process(ctx, batch, generation)
        parts.append(processed)
        batch = next_generation(ctx, processed, generation)
        if len(batch["t"]) == 0:
            break
    rows = {k: np.concatenate([p[k] for p in parts]) for k in parts[0]}
    frame = to_frame(ctx, rows)
    truth = build_truth(ctx, frame, rows)
    return frame, clean(truth)

"""Summary reports laid out wide, with one column group per queue ("Sales Offered", "Sales ASA",
"Support Offered", ...), read as one row per period and queue.

Part of the importer (:mod:`kpi.ingest.api`): the file's raw table is reshaped before it is
mapped, so every later step sees the usual long layout (a ``Queue`` column and one column per
field). Groups are found by :func:`kpi.ingest.shape.column_groups`.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from kpi.ingest.readers import RawTable
from kpi.ingest.shape import column_groups

__all__ = ["unpivot_groups"]

#: Group names that sum the others ("Total Offered", "All Queues ASA"): left out, else every
#: contact would count twice.
_TOTAL_GROUPS = frozenset({"total", "totals", "all", "all queues", "overall", "grand total", "sum"})


def unpivot_groups(raw: RawTable) -> RawTable:
    """``raw`` with its column groups stacked, one row per line and group, the group's name in
    a ``Queue`` column; unchanged when the file has no column groups.

    The columns outside every group (the date, an interval) are repeated on each row. A
    group named as a total ("Total Offered") is left out, and the notes say so.
    """
    frame = raw.frame
    groups = column_groups(str(c) for c in frame.columns)
    if not groups:
        return raw
    grouped = {c for cs in groups.values() for c in cs}
    shared = [c for c in frame.columns if str(c) not in grouped]
    kept = {g: cs for g, cs in groups.items() if g.strip().lower() not in _TOTAL_GROUPS}
    totals = [g for g in groups if g not in kept]
    name = "Queue" if "Queue" not in {str(c) for c in shared} else "Queue group"
    parts = []
    for group, cols in kept.items():
        part = frame[shared].copy()
        part[name] = group
        for c in cols:
            part[c[len(group) :].strip()] = frame[c].array
        parts.append(part)
    long = pd.concat(parts, ignore_index=True, sort=False)
    notes = [
        f"one column group per queue ({', '.join(kept)}) read as one row per line and queue: "
        f"{len(frame):,} lines give {len(long):,} rows (the queue in a '{name}' column)"
    ]
    if totals:
        notes.append(
            f"column group {', '.join(repr(t) for t in totals)} left out: it sums the other "
            "queues (kept, every contact would count twice)"
        )
    return replace(raw, frame=long, notes=[*raw.notes, *notes])

"""Findings: results pinned to the meeting report, from any page or the CLI."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from typing import Any, Literal

import pandas as pd

__all__ = ["Finding", "FindingKind"]

FindingKind = Literal[
    "kpi_cards",
    "trend",
    "breakdown",
    "signal",
    "correlation",
    "impact",
    "leadlag",
    "staffing",
    "table",
]


@dataclass(frozen=True, eq=False, slots=True)
class Finding:
    """One pinned result.

    Attributes
    ----------
    kind : which analysis produced it.
    title : slide title.
    sentence : the plain-language reading, one sentence a manager can say.
    numbers : key figures as (label, formatted value) pairs, in display order.
    scope : data scope: dataset, dates, segment and the settings that produced the numbers, as
        the one caption line every export prints under the finding.
    context : the same facts as (label, value) pairs in display order, e.g.
        ``(("Dataset", "Sample"), ("Period", "05 Jan – 05 Jul 2026"), ("Segment", "Queue: Tech
        Support"))``; ``context_text()`` words them. Empty for findings made before it existed.
    chart : the Vega-Lite spec of the chart (``alt.Chart.to_dict()``), or None.
    table : a tidy table behind the finding, or None.
    note : the user's free-text note.
    id : stable id used to reorder / remove.
    """

    kind: FindingKind
    title: str
    sentence: str
    numbers: tuple[tuple[str, str], ...] = ()
    scope: str = ""
    chart: dict[str, Any] | None = None
    table: pd.DataFrame | None = None
    note: str = ""
    id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])
    context: tuple[tuple[str, str], ...] = ()

    def with_note(self, note: str) -> Finding:
        """A copy with the user's note replaced."""
        return replace(self, note=note)

    def context_value(self, label: str) -> str | None:
        """The context value recorded under ``label`` ("Segment", "Period"...), or None."""
        return next((value for key, value in self.context if key == label), None)

    def context_text(self) -> str:
        """The context as one caption line: "Dataset: … · Period: … · Segment: …"."""
        return " · ".join(f"{key}: {value}" for key, value in self.context if value)

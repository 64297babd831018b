"""Segments: one slice of the contacts (``queue = Billing``), as a value, and the columns that
can slice them (the only list).

A segment travels through the analysis APIs as a :class:`Segment`, never as a string: the
string form (``"queue=Billing"``, also read with spaces around ``=``) exists only at the
boundary (a URL, a CLI flag, a saved finding) and is read back with :meth:`Segment.parse`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kpi.errors import AnalysisError

__all__ = ["COMPARE_COLUMNS", "SEGMENT_COLUMNS", "Segment", "as_segment", "column_label"]

#: Canonical columns a segment can be cut on, in the order they are offered.
SEGMENT_COLUMNS: tuple[str, ...] = ("queue", "channel", "topic", "agent_id", "team", "direction")

#: The segment columns a user filters on or compares (the sidebar filters, the before/after
#: segment and comparison series): agents are too many to list, direction is a setting.
COMPARE_COLUMNS: tuple[str, ...] = tuple(
    c for c in SEGMENT_COLUMNS if c not in ("agent_id", "direction")
)

_COLUMN_LABELS: dict[str, str] = {
    "queue": "Queue",
    "channel": "Channel",
    "topic": "Topic",
    "agent_id": "Agent",
    "team": "Team",
    "direction": "Direction",
}


def column_label(column: str) -> str:
    """A segment column as a header: "Queue", "Agent" (for ``agent_id``)."""
    if column in _COLUMN_LABELS:
        return _COLUMN_LABELS[column]
    text = column.replace("_", " ").strip()
    return text[:1].upper() + text[1:]


@dataclass(frozen=True, slots=True)
class Segment:
    """One slice of the contacts: the rows where ``column`` equals ``value``."""

    column: str
    value: str

    def __post_init__(self) -> None:
        if not isinstance(self.column, str) or not self.column.strip():
            raise AnalysisError("A segment needs a column name, e.g. queue=Billing.")
        if self.value is None or not str(self.value).strip():
            raise AnalysisError(
                f"The segment on {self.column!r} needs a value, e.g. queue=Billing."
            )
        object.__setattr__(self, "column", self.column.strip())
        object.__setattr__(self, "value", str(self.value).strip())

    @classmethod
    def parse(cls, text: str) -> Segment:
        """A segment from ``"queue=Billing"`` or ``"queue = Billing"`` (the value may hold "=")."""
        if not isinstance(text, str) or "=" not in text:
            raise AnalysisError(
                f"Segment {text!r} is not of the form column=value (e.g. queue=Billing)."
            )
        column, value = text.split("=", 1)
        return cls(column, value)

    def __str__(self) -> str:
        return f"{self.column}={self.value}"

    def label(self) -> str:
        """The segment as a reader sees it: "Queue: Billing"."""
        return f"{column_label(self.column)}: {self.value}"

    def mask(self, frame: Any) -> Any:
        """Boolean Series: the rows of ``frame`` in this segment (values compared as text)."""
        if self.column not in frame.columns:
            raise AnalysisError(
                f"Cannot cut the segment {self.label()}: the data has no {self.column!r} column."
            )
        return frame[self.column].astype("string").str.strip() == self.value


def as_segment(value: Segment | str | None) -> Segment | None:
    """A :class:`Segment` from a Segment, its string form, or None / "" (no segment)."""
    if value is None or isinstance(value, Segment):
        return value
    if isinstance(value, str):
        return Segment.parse(value) if value.strip() else None
    raise AnalysisError(f"A segment is column=value (e.g. queue=Billing), not {value!r}.")

"""The canonical tables of KPI Lab: the one place their columns are spelled out.

Two input shapes reach the engine:

* **interactions** (contact level): one row per contact, ``INTERACTION_COLUMNS``;
* **aggregated** (pre-aggregated daily or interval reports): one row per period (and optional
  segment), ``AGGREGATE_COLUMNS``. Averages travel with the counts that weight them, so that a
  week's ASA is re-weighted by calls answered rather than averaged over days.

Importers map source columns onto these names, the engine writes SQL over them, the simulator
produces them and the glossary documents them. Nothing else spells the column list out.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from kpi.segment import SEGMENT_COLUMNS

__all__ = [
    "SEGMENT_ALIASES",
    "AGGREGATE_COLUMNS",
    "AGGREGATE_REQUIRED",
    "BOOL_COLUMNS",
    "DURATION_COLUMNS",
    "INTERACTION_COLUMNS",
    "INTERACTION_REQUIRED",
    "SEGMENT_COLUMNS",
    "SURVEY_COLUMNS",
    "TICKET_COLUMNS",
    "Column",
    "Shape",
    "aggregate_column",
    "coerce",
    "column",
    "detect_shape",
    "empty_frame",
    "out_of_range",
    "out_of_range_masks",
]

Shape = Literal["interactions", "aggregated"]
Kind = Literal["id", "datetime", "category", "duration", "bool", "score", "count", "number", "rate"]

_DTYPES: dict[str, str] = {
    "id": "string",
    "category": "string",
    "datetime": "datetime64[ns]",
    "duration": "float64",
    "bool": "boolean",
    "score": "float64",
    "count": "float64",
    "number": "float64",
    "rate": "float64",
}


@dataclass(frozen=True, slots=True)
class Column:
    """One canonical column.

    Attributes
    ----------
    name : canonical name (what the engine's SQL reads).
    kind : id, datetime, category, duration (seconds), bool, score, count, number or rate (0-1).
    meaning : one line for the glossary and the mapping screen.
    minimum, maximum : allowed closed range (``None`` = unbounded). Values outside are quarantined.
    required : the row is unusable without it.
    unit : display unit.
    warn_above : values above this are kept but flagged (e.g. a talk time over 4 hours).
    """

    name: str
    kind: Kind
    meaning: str
    minimum: float | None = None
    maximum: float | None = None
    required: bool = False
    unit: str = ""
    warn_above: float | None = None

    @property
    def dtype(self) -> str:
        """The pandas dtype the column is stored in."""
        return _DTYPES[self.kind]


_H4 = 4 * 3600.0

INTERACTION_COLUMNS: tuple[Column, ...] = (
    Column(
        "contact_id", "id", "Unique id of the contact (call, chat, email, ticket).", required=True
    ),
    Column(
        "start_time",
        "datetime",
        "When the contact started (local time; UTC exports are converted on import).",
        required=True,
    ),
    Column("end_time", "datetime", "When the contact ended (disconnect / solved)."),
    Column(
        "parent_contact_id",
        "id",
        "Initial contact of a transfer chain (Amazon Connect InitialContactId); "
        "transfers are counted per initial contact.",
    ),
    Column(
        "customer_id",
        "id",
        "Who contacted (account, phone number, e-mail): basis of repeat contacts.",
    ),
    Column("channel", "category", "phone, chat, email, social, ..."),
    Column("direction", "category", "inbound or outbound."),
    Column("queue", "category", "Queue, skill or campaign the contact was routed to."),
    Column("agent_id", "category", "Agent who handled the contact."),
    Column("team", "category", "Agent's team or group."),
    Column("topic", "category", "Contact reason / topic / disposition category."),
    Column(
        "wait_seconds",
        "duration",
        "Time in queue: until answer for answered contacts, until hang-up for abandoned ones.",
        0,
        None,
        unit="s",
        warn_above=_H4,
    ),
    Column(
        "talk_seconds", "duration", "Talk (interaction) time.", 0, None, unit="s", warn_above=_H4
    ),
    Column("hold_seconds", "duration", "Customer hold time.", 0, None, unit="s", warn_above=_H4),
    Column(
        "acw_seconds",
        "duration",
        "After-contact work (wrap-up) time.",
        0,
        None,
        unit="s",
        warn_above=_H4,
    ),
    Column(
        "handle_seconds",
        "duration",
        "Total handle time when the export gives it directly; otherwise talk + hold + ACW.",
        0,
        None,
        unit="s",
        warn_above=_H4,
    ),
    Column(
        "first_response_seconds",
        "duration",
        "Time to first agent response (digital channels).",
        0,
        None,
        unit="s",
    ),
    Column(
        "idle_seconds",
        "duration",
        "Agent's available (idle) time before this contact was assigned: basis of occupancy.",
        0,
        None,
        unit="s",
    ),
    Column("answered", "bool", "Reached an agent."),
    Column("abandoned", "bool", "Caller hung up while waiting in queue."),
    Column("blocked", "bool", "Rejected before queueing (busy signal, queue full)."),
    Column("transferred", "bool", "Transferred to another agent or queue."),
    Column("escalated", "bool", "Escalated to a supervisor or a higher tier."),
    Column("resolved", "bool", "Resolved on this contact (agent- or survey-declared)."),
    Column("converted", "bool", "A sale / conversion resulted."),
    Column("proactive", "bool", "Proactive outreach made by the center (not customer-initiated)."),
    Column("csat", "score", "Post-contact satisfaction, 1-5 (5 best).", 1, 5),
    Column("nps", "score", "Likelihood to recommend, 0-10.", 0, 10),
    Column("ces", "score", "Customer effort score, 1-7 (7 = most effort).", 1, 7),
    Column("engagement", "score", "Agent engagement score of the week, 1-5.", 1, 5),
    Column("cost", "number", "Cost of the contact (currency).", 0, None, unit="currency"),
    # Tickets (helpdesk exports: Zendesk, Freshdesk, Jira Service Management, ServiceNow, HubSpot)
    Column("priority", "category", "Ticket priority (urgent, high, normal, low...)."),
    Column("status", "category", "Ticket status at export (open, pending, solved, closed...)."),
    Column(
        "resolution_seconds",
        "duration",
        "Time from ticket creation to solved / resolved (computed from the two timestamps when "
        "the export gives them).",
        0,
        None,
        unit="s",
    ),
    Column("solved_time", "datetime", "When the ticket was solved / resolved / closed."),
)

#: Canonical columns of helpdesk ticket exports (a contact is a ticket).
TICKET_COLUMNS: tuple[str, ...] = (
    "priority",
    "status",
    "first_response_seconds",
    "resolution_seconds",
    "solved_time",
)

AGGREGATE_COLUMNS: tuple[Column, ...] = (
    Column("date", "datetime", "Day (or interval start) the row summarises.", required=True),
    Column("queue", "category", "Queue or skill (optional segment)."),
    Column("channel", "category", "Channel (optional segment)."),
    Column("agent_id", "category", "Agent or representative (optional segment)."),
    Column("team", "category", "Team (optional segment)."),
    Column("topic", "category", "Topic (optional segment)."),
    Column("offered", "count", "Contacts offered (inbound attempts that reached the queue).", 0),
    Column("answered", "count", "Contacts answered / handled.", 0),
    Column("abandoned", "count", "Contacts abandoned in queue.", 0),
    Column("blocked", "count", "Contacts blocked.", 0),
    Column("resolved", "count", "Contacts resolved.", 0),
    Column("transferred", "count", "Contacts transferred.", 0),
    Column(
        "asa_seconds", "duration", "Average speed of answer (mean wait of answered).", 0, unit="s"
    ),
    Column("aht_seconds", "duration", "Average handle time per handled contact.", 0, unit="s"),
    Column("talk_seconds", "duration", "Average talk time per handled contact.", 0, unit="s"),
    Column(
        "avg_wait_seconds",
        "duration",
        "Average waiting time of all queued contacts (not ASA: includes abandoned).",
        0,
        unit="s",
    ),
    Column("service_level", "rate", "Share answered within the threshold (0-1).", 0, 1),
    Column(
        "occupancy",
        "rate",
        "Share of the agents' available time spent handling contacts (0-1), per row.",
        0,
        1,
    ),
    Column(
        "available_seconds",
        "duration",
        "The agents' available time of the row (staffed minus not-ready), in seconds: from an "
        "agent report's time, with the occupancy it gives.",
        0,
        unit="s",
    ),
    Column(
        "answered_within",
        "count",
        "Contacts answered within the service-level threshold (the export's own threshold, "
        "e.g. 'Answered within 20s'): service level = answered_within ÷ (answered + abandoned).",
        0,
    ),
    Column("csat", "score", "Mean CSAT of the period (1-5).", 1, 5),
    Column("csat_responses", "count", "Survey responses behind the mean CSAT.", 0),
    Column(
        "csat_top2",
        "rate",
        "Share of the period's survey responses in the top box (the export's own, e.g. 4-5).",
        0,
        1,
    ),
    Column("nps", "number", "Net promoter score of the period (-100 to 100).", -100, 100),
    Column(
        "nps_promoters", "rate", "Share of the period's NPS responses that are promoters.", 0, 1
    ),
    Column(
        "nps_detractors", "rate", "Share of the period's NPS responses that are detractors.", 0, 1
    ),
    Column("nps_responses", "count", "NPS survey responses behind the period's shares.", 0),
    Column("fcr_rate", "rate", "First contact resolution of the period (0-1).", 0, 1),
    Column("fcr_responses", "count", "Contacts or surveys the period's FCR is measured on.", 0),
    Column("cost", "number", "Total cost of the row's contacts (labour, telephony), currency.", 0),
)

INTERACTION_REQUIRED: tuple[str, ...] = tuple(c.name for c in INTERACTION_COLUMNS if c.required)
AGGREGATE_REQUIRED: tuple[str, ...] = tuple(c.name for c in AGGREGATE_COLUMNS if c.required)
DURATION_COLUMNS: tuple[str, ...] = tuple(
    c.name for c in INTERACTION_COLUMNS if c.kind == "duration"
)
BOOL_COLUMNS: tuple[str, ...] = tuple(c.name for c in INTERACTION_COLUMNS if c.kind == "bool")
SURVEY_COLUMNS: tuple[str, ...] = ("csat", "nps", "ces")

_BY_NAME = {c.name: c for c in INTERACTION_COLUMNS}
_AGG_BY_NAME = {c.name: c for c in AGGREGATE_COLUMNS}


def column(name: str) -> Column:
    """The interaction-table column called ``name`` (KeyError if it is not canonical)."""
    return _BY_NAME[name]


def aggregate_column(name: str) -> Column:
    """The aggregated-table column called ``name`` (KeyError if it is not canonical)."""
    return _AGG_BY_NAME[name]


def _columns(shape: Shape) -> tuple[Column, ...]:
    return INTERACTION_COLUMNS if shape == "interactions" else AGGREGATE_COLUMNS


def detect_shape(columns: Iterable[str]) -> Shape:
    """Which canonical shape a frame with these (canonical) column names is.

    A frame with ``start_time`` is contact level; one with ``date`` and no ``start_time`` is
    aggregated. Raises ``ValueError`` when neither is present.
    """
    cols = set(columns)
    if "start_time" in cols:
        return "interactions"
    if "date" in cols:
        return "aggregated"
    raise ValueError(
        "no timestamp column: need 'start_time' (one row per contact) or 'date' (daily rows)"
    )


def empty_frame(
    shape: Shape = "interactions", columns: Iterable[str] | None = None
) -> pd.DataFrame:
    """An empty frame with canonical dtypes (all columns, or the given subset)."""
    wanted = set(columns) if columns is not None else None
    return pd.DataFrame(
        {
            c.name: pd.Series(dtype=c.dtype)
            for c in _columns(shape)
            if wanted is None or c.name in wanted
        }
    )


def coerce(frame: pd.DataFrame, shape: Shape | None = None) -> pd.DataFrame:
    """Cast the canonical columns present in ``frame`` to their canonical dtypes.

    Columns that are not canonical are dropped; column order follows the schema. Values are
    cast, not validated: range checks are :func:`out_of_range`'s job (the importer quarantines).
    """
    shape = shape or detect_shape(frame.columns)
    out = {}
    for c in _columns(shape):
        if c.name not in frame.columns:
            continue
        s = frame[c.name]
        if c.kind == "datetime":
            s = pd.to_datetime(s, errors="coerce")
            if getattr(s.dt, "tz", None) is not None:
                s = s.dt.tz_localize(None)
            s = s.astype("datetime64[ns]")
        elif c.kind == "bool":
            s = s.astype("boolean")
        elif c.kind in ("id", "category"):
            s = s.astype("string")
        else:
            s = pd.to_numeric(s, errors="coerce").astype("float64")
        out[c.name] = s
    return pd.DataFrame(out, index=frame.index)


def out_of_range(frame: pd.DataFrame, shape: Shape | None = None) -> pd.DataFrame:
    """Boolean frame: True where a canonical numeric value lies outside its allowed range.

    NaN is never out of range (a missing value is missing, not wrong); +/-inf always is.
    """
    shape = shape or detect_shape(frame.columns)
    flags = out_of_range_masks(frame, shape)
    for c in _columns(shape):
        if c.name in frame.columns and c.name not in flags and c.kind in _RANGED:
            flags[c.name] = np.zeros(len(frame), dtype=bool)
    order = [c.name for c in _columns(shape) if c.name in flags]
    return pd.DataFrame({k: flags[k] for k in order}, index=frame.index)


_RANGED = ("duration", "score", "count", "number", "rate")


def out_of_range_masks(frame: pd.DataFrame, shape: Shape) -> dict[str, np.ndarray]:
    """Like :func:`out_of_range`, for the columns with at least one value out of range only
    (a large clean file builds no mask at all)."""
    flags = {}
    for c in _columns(shape):
        if c.name not in frame.columns or c.kind not in _RANGED:
            continue
        col = frame[c.name]
        if col.dtype == np.float64:  # already numbers: no conversion, no copy
            v = col.to_numpy()
        else:
            v = pd.to_numeric(col, errors="coerce").astype("float64").to_numpy()
        # fmin / fmax skip NaN (and give NaN for an all-missing column, which is fine).
        lo = float(np.fmin.reduce(v)) if len(v) else math.nan
        hi = float(np.fmax.reduce(v)) if len(v) else math.nan
        if math.isnan(lo):
            inside = True
        else:
            inside = math.isfinite(lo) and math.isfinite(hi)
            inside &= c.minimum is None or lo >= c.minimum
            inside &= c.maximum is None or hi <= c.maximum
        if inside:  # the common case: two passes, no mask built
            continue
        bad = np.isinf(v)
        with np.errstate(invalid="ignore"):
            if c.minimum is not None:
                bad |= v < c.minimum
            if c.maximum is not None:
                bad |= v > c.maximum
        flags[c.name] = bad
    return flags


#: Everyday names of segment columns -> the canonical column ("split by agent" means agent_id).
#: For the engine's ``by=`` and ``Table.value(**segment)`` (not used there yet: see #16).
SEGMENT_ALIASES: dict[str, str] = {"agent": "agent_id", "skill": "queue", "split": "queue"}

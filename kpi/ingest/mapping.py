"""Column mapping for the importer: synonyms, vendor presets, auto-mapping and the JSON file.

Private to :mod:`kpi.ingest` (which re-exports the public names). The synonym table follows
``KPI_REFERENCE.md`` ("Column synonyms for auto-mapping"); names are matched case-, space-,
underscore- and punctuation-insensitively.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from collections.abc import Mapping as _AbcMapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from kpi.errors import MappingError
from kpi.schema import AGGREGATE_COLUMNS, INTERACTION_COLUMNS, Shape

__all__ = [
    "PRESETS",
    "TRANSFORMS",
    "UNITS",
    "FieldMap",
    "Mapping",
    "auto_map",
    "detect_source_shape",
    "load_mapping",
    "norm",
    "save_mapping",
]

#: Extra (non-canonical) targets the importer understands: the last-updated time used to keep
#: the latest of duplicated contact records.
EXTRA_TARGETS: tuple[str, ...] = ("updated_at",)

#: Duration units: seconds, milliseconds, minutes, hours, "hms" (HH:MM:SS text); "auto" = infer.
UNITS: tuple[str, ...] = ("auto", "s", "ms", "min", "h", "hms")

#: How a source column becomes the canonical value.
#: "" direct; "invert" boolean negated (Answered=N -> abandoned); "present" True when the cell is
#: not empty (a timestamp that exists); "absent" the opposite; "equals" True when the cell equals
#: one of ``values`` (case-insensitive); "queued_not_answered" True when the first column is filled
#: and the second is empty (Amazon Connect: enqueued, never connected to an agent);
#: "per_answered" a period total divided by the answered count (Genesys "Total Talk").
TRANSFORMS: tuple[str, ...] = (
    "",
    "invert",
    "present",
    "absent",
    "equals",
    "queued_not_answered",
    "per_answered",
    "coalesce",
)

_MAPPING_VERSION = 1


def norm(name: str) -> str:
    """Lower-case a column name and drop everything but letters and digits."""
    return re.sub(r"[^a-z0-9]", "", str(name).lower())


@dataclass(frozen=True, slots=True)
class FieldMap:
    """Where one canonical column comes from.

    Attributes
    ----------
    target : canonical column name (``kpi.schema``), or ``updated_at``.
    source : one source column, or two (date + time columns; the two columns of a rule).
    unit : duration unit (see ``UNITS``); "auto" infers it from the name and the values.
    transform : see ``TRANSFORMS``.
    values : for ``transform="equals"``, the values that mean True.
    """

    target: str
    source: tuple[str, ...]
    unit: str = "auto"
    transform: str = ""
    values: tuple[str, ...] = ()

    def to_json(self) -> str | list[str] | dict[str, Any]:
        """The compact JSON form: a column name, a [date, time] pair, or an object."""
        if self.unit == "auto" and not self.transform and not self.values:
            return self.source[0] if len(self.source) == 1 else list(self.source)
        out: dict[str, Any] = {
            "source": self.source[0] if len(self.source) == 1 else list(self.source)
        }
        if self.unit != "auto":
            out["unit"] = self.unit
        if self.transform:
            out["transform"] = self.transform
        if self.values:
            out["values"] = list(self.values)
        return out

    def describe(self) -> str:
        """e.g. ``abandoned <- not "Answered (Y/N)"``."""
        src = " + ".join(f'"{s}"' for s in self.source)
        extra = {
            "invert": f"not {src}",
            "present": f"{src} is filled",
            "absent": f"{src} is empty",
            "equals": f"{src} in ({', '.join(self.values)})",
            "queued_not_answered": " and not ".join(f'"{s}"' for s in self.source),
            "per_answered": f"{src} / answered",
            "coalesce": " or ".join(f'"{s}"' for s in self.source),
        }.get(self.transform, src)
        unit = f" [{self.unit}]" if self.unit != "auto" else ""
        return f"{self.target} <- {extra}{unit}"


@dataclass(frozen=True, slots=True)
class Mapping:
    """A complete column mapping: canonical column -> source columns, plus the input shape.

    ``fields`` keeps one :class:`FieldMap` per canonical column. ``preset`` names the vendor
    preset it started from (None = synonyms only).
    """

    shape: Shape
    fields: tuple[FieldMap, ...] = ()
    preset: str | None = None

    def __post_init__(self) -> None:
        if self.shape not in ("interactions", "aggregated"):
            raise MappingError(
                f"Unknown shape {self.shape!r} in the mapping: use 'interactions' (one row per "
                "contact) or 'aggregated' (one row per day or interval)."
            )

    @property
    def targets(self) -> tuple[str, ...]:
        return tuple(f.target for f in self.fields)

    def get(self, target: str) -> FieldMap | None:
        """The field mapped to ``target`` (None when unmapped)."""
        for f in self.fields:
            if f.target == target:
                return f
        return None

    def sources(self) -> set[str]:
        """Every source column the mapping reads."""
        return {s for f in self.fields for s in f.source}

    def with_field(self, target: str, source: str | Iterable[str] | None, **kwargs: Any) -> Mapping:
        """A copy with ``target`` mapped to ``source`` (None or "" removes it)."""
        kept = tuple(f for f in self.fields if f.target != target)
        if source is None or source == "":
            return replace(self, fields=kept)
        src = (source,) if isinstance(source, str) else tuple(source)
        return replace(self, fields=(*kept, FieldMap(target, src, **kwargs)))

    def restricted_to(self, columns: Iterable[str]) -> Mapping:
        """The fields whose source columns are all in ``columns``."""
        cols = set(columns)
        return replace(self, fields=tuple(f for f in self.fields if set(f.source) <= cols))

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form written by :func:`save_mapping`."""
        return {
            "kpi_lab_mapping": _MAPPING_VERSION,
            "shape": self.shape,
            "preset": self.preset,
            "fields": {f.target: f.to_json() for f in self.fields},
        }

    @classmethod
    def from_dict(cls, data: Any, *, origin: str = "the mapping") -> Mapping:  # noqa: C901 -- ratchet (#17): split or fix pending
        """Validate and build a mapping from its JSON form (MappingError on any problem)."""
        if not isinstance(data, dict) or not isinstance(data.get("fields"), dict):
            raise MappingError(
                f"{origin} is not a KPI Lab mapping (expected an object with a 'fields' object): "
                "save a mapping from the Data page and load that file."
            )
        shape = data.get("shape", "interactions")
        if shape not in ("interactions", "aggregated"):
            raise MappingError(
                f"{origin} has shape {shape!r}: use 'interactions' (one row per contact) or "
                "'aggregated' (one row per day or interval)."
            )
        allowed = _targets(shape)
        fields = []
        for target, spec in data["fields"].items():
            if target not in allowed:
                raise MappingError(
                    f"{origin} maps to {target!r}, which is not a column of the {shape} table: "
                    f"use one of {', '.join(sorted(allowed))}."
                )
            if isinstance(spec, str | list):
                spec = {"source": spec}
            if not isinstance(spec, dict) or "source" not in spec:
                raise MappingError(
                    f"{origin}: the entry for {target!r} must be a column name, a list of column "
                    "names or an object with a 'source'."
                )
            src = spec["source"]
            src = [src] if isinstance(src, str) else src
            if (
                not isinstance(src, list)
                or not 1 <= len(src) <= 2
                or not all(isinstance(s, str) and s for s in src)
            ):
                raise MappingError(
                    f"{origin}: the source of {target!r} must be one column name or two "
                    "(a date and a time column)."
                )
            unit = spec.get("unit", "auto")
            if unit not in UNITS:
                raise MappingError(
                    f"{origin}: unit {unit!r} for {target!r} is unknown; use one of {', '.join(UNITS)}."
                )
            transform = spec.get("transform", "")
            if transform not in TRANSFORMS:
                raise MappingError(
                    f"{origin}: transform {transform!r} for {target!r} is unknown; use one of "
                    f"{', '.join(t for t in TRANSFORMS if t)}."
                )
            values = spec.get("values", [])
            if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                raise MappingError(f"{origin}: 'values' for {target!r} must be a list of texts.")
            fields.append(FieldMap(target, tuple(src), unit, transform, tuple(values)))
        preset = data.get("preset")
        return cls(
            shape=shape, fields=tuple(fields), preset=preset if isinstance(preset, str) else None
        )

    def describe(self) -> str:
        """One line per mapped column."""
        head = f"shape: {self.shape}" + (f" (preset: {self.preset})" if self.preset else "")
        return "\n".join([head, *(f"  {f.describe()}" for f in self.fields)])


def _targets(shape: str) -> set[str]:
    cols = INTERACTION_COLUMNS if shape == "interactions" else AGGREGATE_COLUMNS
    return {c.name for c in cols} | set(EXTRA_TARGETS)


def save_mapping(mapping: Mapping, path: str | Path) -> Path:
    """Write ``mapping`` as a small JSON file (the format :func:`load_mapping` reads)."""
    path = Path(path)
    path.write_text(
        json.dumps(mapping.to_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return path


def load_mapping(source: str | Path | bytes | _AbcMapping[str, Any]) -> Mapping:
    """Read and validate a mapping JSON file (a path, its bytes, or the parsed object).

    Raises
    ------
    MappingError : the file is missing, not JSON, or maps to unknown columns / units / rules.
    """
    if isinstance(source, _AbcMapping):
        return Mapping.from_dict(dict(source))
    origin = "the mapping file"
    if isinstance(source, bytes):
        text = source.decode("utf-8-sig", errors="replace")
    else:
        path = Path(source)
        origin = f"mapping file '{path.name}'"
        try:
            text = path.read_text(encoding="utf-8-sig")
        except OSError as err:
            raise MappingError(
                f"Cannot read {origin} ({err.strerror or err}): check the path."
            ) from None
    try:
        data = json.loads(text)
    except ValueError:
        raise MappingError(
            f"{origin[0].upper()}{origin[1:]} is not valid JSON: save a mapping from the Data "
            "page and load that file."
        ) from None
    return Mapping.from_dict(data, origin=origin[0].upper() + origin[1:])


# ---------------------------------------------------------------------------------------------
# Synonyms (KPI_REFERENCE.md), per shape. First match wins, in this order of targets.

_INTERACTION_SYNONYMS: dict[str, tuple[str, ...]] = {
    "contact_id": (
        "ContactId",
        "contact_id",
        "Contact ID",
        "CALL ID",
        "call_id",
        "conversationId",
        "Conversation ID",
        "Interaction ID",
        "interactionId",
        "Ticket ID",
        "Id",
        "callsid",
        "Call SID",
        "Session ID",
        "Record ID",
    ),
    "parent_contact_id": (
        "InitialContactId",
        "initial_contact_id",
        "Master_Contact_ID",
        "Master Contact ID",
        "Journey ID",
        "PreviousContactId",
        "RelatedContactId",
        "Parent Contact ID",
    ),
    "customer_id": (
        "customer_id",
        "CustomerEndpoint.Address",
        "ANI",
        "ANI_Dialnum",
        "Contact Person Number",
        "contact_phone_number",
        "Caller ID",
        "CLI",
        "customerUri",
        "Requester",
        "Requester id",
        "Contact_Name",
        "CUSTOMER NAME",
        "Customer Name",
        "Customer ID",
        "Customer",
        "Caller",
        "Account ID",
        "Phone Number",
        "Email",
    ),
    "channel": (
        "Channel",
        "Media_Name",
        "Media Type",
        "mediaType",
        "Channel Type",
        "Via",
        "Media",
        "Contact Type",
    ),
    "direction": (
        "Direction",
        "InitiationMethod",
        "Initial Direction",
        "CALL TYPE",
        "Call Direction",
    ),
    "queue": (
        "Queue.Name",
        "Queue",
        "Queue Name",
        "First Queue",
        "queue_id",
        "Skill_Name",
        "Skill Name",
        "SKILL",
        "CAMPAIGN",
        "Campaign_Name",
        "Ring Groups",
        "Handling Ring Groups",
        "Group",
        "CallType",
    ),
    "agent_id": (
        "Agent.Username",
        "agent_id",
        "Agent Name",
        "AGENT NAME",
        "AGENT",
        "Agent_Name",
        "Agent_No",
        "User Name",
        "user_name",
        "user_email",
        "Users",
        "Assignee",
        "Agent",
        "userId",
        "Agent ID",
        "Representative",
        "Sales Rep",
        "Rep",
    ),
    "team": (
        "team",
        "Team Name",
        "Team_Name",
        "Agent.RoutingProfile.Name",
        "Agent assigned team",
        "Team",
        "Agent.HierarchyGroups.Level1.GroupName",
    ),
    "topic": (
        "Topic",
        "DISPOSITION",
        "Disp_Name",
        "Wrap-up",
        "wrapUpCode",
        "Contact_Code",
        "Contact Reason",
        "Reason",
        "Category",
        "Call Reason",
        "Subject",
    ),
    "start_time": (
        "start_time",
        "InitiationTimestamp",
        "initiation_timestamp",
        "Started At",
        "start_at",
        "TIMESTAMP",
        "Start Time",
        "Start",
        "Created at",
        "Created time",
        "Contact Started At",
        "Call Start",
        "Start Date Time",
        "Datetime",
        "Date Time",
        "Timestamp",
    ),
    "end_time": (
        "end_time",
        "DisconnectTimestamp",
        "Finished At",
        "end_at",
        "Contact Finished At",
        "Solved at",
        "Resolved time",
        "Closed time",
        "End Time",
        "Call End",
    ),
    "wait_seconds": (
        "wait_seconds",
        "Queue.Duration",
        "QUEUE WAIT TIME",
        "Wait Time",
        "wait_time",
        "tAnswered",
        "InQueue",
        "Speed of answer in seconds",
        "Speed of answer",
        "Answer Time",
        "Queue Time",
        "Time in Queue",
        "Waiting Time",
    ),
    "talk_seconds": (
        "talk_seconds",
        "Agent.AgentInteractionDuration",
        "TALK TIME",
        "Talk Time",
        "talk_time",
        "tTalk",
        "tTalkComplete",
        "Total Talk",
        "Active_Talk_Time",
        "AvgTalkDuration",
        "Talk Duration",
        "Agent_Time",
        "Avg Talk",
    ),
    "hold_seconds": (
        "hold_seconds",
        "Agent.CustomerHoldDuration",
        "HOLD TIME",
        "Hold Time",
        "hold_time",
        "tHeld",
        "tHeldComplete",
        "Total Hold",
        "Hold_Time",
        "Hard Hold Time",
    ),
    "acw_seconds": (
        "acw_seconds",
        "Agent.AfterContactWorkDuration",
        "AFTER CALL WORK TIME",
        "After Call Work Time",
        "ACW_Seconds",
        "ACW_Time",
        "tAcw",
        "Total ACW",
        "Wrap-up Time",
        "wrap_up_time",
        "PostQueue",
        "ACW",
    ),
    "handle_seconds": (
        "handle_seconds",
        "HANDLE TIME",
        "Handle Time",
        "tHandle",
        "Total Handle",
        "Handle",
        "Avg Handle",
    ),
    "first_response_seconds": (
        "first_response_seconds",
        "First reply time in minutes",
        "First Reply Time",
        "First Response Time",
        "first_response_time",
        "FRT",
    ),
    "idle_seconds": ("idle_seconds", "Idle Time", "Available Time"),
    "answered": ("answered", "Answered (Y/N)", "Answered", "is_answered", "Answer (Y/N)"),
    "abandoned": (
        "abandoned",
        "ABANDONED",
        "Abandon (Y/N)",
        "Abandon",
        "Abandoned (Y/N)",
        "is_abandoned",
        "Abandoned",
    ),
    "blocked": ("blocked", "Blocked", "is_blocked", "Busy"),
    "transferred": (
        "transferred",
        "TRANSFERS",
        "Transfer Out (Yes/No)",
        "Transfer Out",
        "nTransferred",
        "Transferred",
        "is_transferred",
        "Transfer",
    ),
    "escalated": ("escalated", "Escalated", "is_escalated", "Escalation"),
    "resolved": (
        "resolved",
        "Resolved",
        "FCR",
        "First Contact Resolution",
        "Attributes.fcr",
        "Resolved (Y/N)",
        "is_resolved",
    ),
    "converted": ("converted", "Converted", "Sale", "Conversion"),
    "proactive": ("proactive", "Proactive"),
    "csat": (
        "csat",
        "Satisfaction rating",
        "Satisfaction Score",
        "Survey results",
        "Attributes.csat",
        "rating",
        "csat_score",
        "CSAT",
        "Satisfaction",
    ),
    "nps": ("nps", "NPS", "Attributes.nps", "nps_score", "Likelihood to recommend"),
    "ces": ("ces", "CES", "Attributes.ces", "ces_score", "Customer Effort Score", "Effort"),
    "engagement": ("engagement", "Engagement", "Agent Engagement"),
    "cost": ("cost", "COST", "Cost"),
    "updated_at": (
        "LastUpdateTimestamp",
        "Last Updated",
        "Updated at",
        "last_updated",
        "updated_at",
    ),
}

_AGGREGATE_SYNONYMS: dict[str, tuple[str, ...]] = {
    "date": (
        "date",
        "Date",
        "Fecha",
        "Interval Start",
        "Day",
        "Period",
        "Interval",
        "Report Date",
        "Datum",
        "Jour",
    ),
    "queue": ("queue", "Queue", "Queue Name", "Skill", "Skill Name", "Campaign"),
    "channel": ("channel", "Channel", "Media Type", "Media"),
    "agent_id": (
        "agent_id",
        "Agent",
        "Agent Name",
        "Sales Rep",
        "Representative",
        "Rep",
        "User Name",
    ),
    "team": ("team", "Team", "Team Name"),
    "topic": ("topic", "Topic"),
    "offered": (
        "offered",
        "CallsOffered",
        "Calls Offered",
        "Incoming Calls",
        "Offered",
        "Offer",
        "nOffered",
        "Contacts Offered",
        "Inbound Calls",
        "Total Calls",
    ),
    "answered": (
        "answered",
        "CallsHandled",
        "Calls Handled",
        "Answered Calls",
        "Answered",
        "Handled",
        "nAnswered",
        "nHandled",
        "Calls Answered",
        "Contacts Handled",
    ),
    "abandoned": (
        "abandoned",
        "CallsAbandoned",
        "Calls Abandoned",
        "Abandoned Calls",
        "Abandoned",
        "Abandon",
        "nAbandon",
        "Contacts Abandoned",
    ),
    "blocked": ("blocked", "Blocked", "Calls Blocked", "nBlocked"),
    "resolved": ("resolved", "Resolved", "Calls Resolved"),
    "transferred": ("transferred", "Transferred", "Transfers", "nTransferred"),
    "asa_seconds": (
        "asa_seconds",
        "AverageSpeedofAnswer",
        "Average Speed of Answer",
        "ASA",
        "Avg Speed of Answer",
        "Answer Speed (AVG)",
        "Avg Answer",
        "Answer Speed",
    ),
    "aht_seconds": ("aht_seconds", "AHT", "Average Handle Time", "Avg Handle", "Avg Handle Time"),
    "talk_seconds": (
        "talk_seconds",
        "Talk Duration (AVG)",
        "Avg Talk",
        "AvgTalkDuration",
        "Average Talk Time",
        "Total Talk",
    ),
    "avg_wait_seconds": (
        "avg_wait_seconds",
        "Waiting Time (AVG)",
        "Avg Wait",
        "Average Wait Time",
        "Avg Wait Time",
    ),
    "service_level": (
        "service_level",
        "ServiceLevel",
        "Service Level",
        "Service Level (20 Seconds)",
        "SL",
        "Service Level %",
        "SLA",
    ),
    "csat": ("csat", "CSAT", "Avg CSAT", "Satisfaction"),
    "csat_responses": ("csat_responses", "CSAT Responses", "Survey Responses", "Responses"),
}

#: Date-part and time-part column names that are combined into ``start_time``.
_DATE_PARTS = ("Date", "Start_Date", "Start Date", "Call Date", "Contact Date", "Fecha", "Day")
_TIME_PARTS = ("Time", "start_time", "Start Time", "Call Time", "Contact Time", "Hora")

# Booleans whose source says the opposite of the target, found by name.
_INVERSE = {"abandoned": "answered", "answered": "abandoned"}


def _p(target: str, *source: str, **kw: Any) -> FieldMap:
    return FieldMap(target, tuple(source), **kw)


#: Vendor presets: the native column names of each platform's export (KPI_REFERENCE.md).
PRESETS: dict[str, Mapping] = {
    "amazon_connect": Mapping(
        "interactions",
        (
            _p("contact_id", "ContactId"),
            _p("parent_contact_id", "InitialContactId"),
            _p("customer_id", "CustomerEndpoint.Address"),
            _p("channel", "Channel"),
            _p("direction", "InitiationMethod"),
            _p("queue", "Queue.Name"),
            _p("agent_id", "Agent.Username"),
            _p("team", "Agent.RoutingProfile.Name"),
            _p("start_time", "InitiationTimestamp"),
            _p("end_time", "DisconnectTimestamp"),
            _p("wait_seconds", "Queue.Duration", unit="s"),
            _p("talk_seconds", "Agent.AgentInteractionDuration", unit="s"),
            _p("hold_seconds", "Agent.CustomerHoldDuration", unit="s"),
            _p("acw_seconds", "Agent.AfterContactWorkDuration", unit="s"),
            _p("answered", "Agent.ConnectedToAgentTimestamp", transform="present"),
            _p(
                "abandoned",
                "Queue.EnqueueTimestamp",
                "Agent.ConnectedToAgentTimestamp",
                transform="queued_not_answered",
            ),
            _p("transferred", "TransferCompletedTimestamp", transform="present"),
            _p("csat", "Attributes.csat"),
            _p("updated_at", "LastUpdateTimestamp"),
        ),
        "amazon_connect",
    ),
    "genesys_cloud": Mapping(
        "aggregated",
        (
            _p("date", "Interval Start"),
            _p("queue", "Queue Name"),
            _p("channel", "Media Type"),
            _p("offered", "Offer"),
            _p("answered", "Answered"),
            _p("abandoned", "Abandon"),
            _p("asa_seconds", "ASA"),
            _p("aht_seconds", "Avg Handle"),
            _p("talk_seconds", "Total Talk", transform="per_answered"),
            _p("service_level", "Service Level %"),
        ),
        "genesys_cloud",
    ),
    "five9": Mapping(
        "interactions",
        (
            _p("contact_id", "CALL ID"),
            _p("start_time", "TIMESTAMP"),
            _p("queue", "CAMPAIGN"),
            _p("direction", "CALL TYPE"),
            _p("agent_id", "AGENT"),
            _p("topic", "DISPOSITION"),
            _p("customer_id", "ANI"),
            _p("wait_seconds", "QUEUE WAIT TIME"),
            _p("talk_seconds", "TALK TIME"),
            _p("hold_seconds", "HOLD TIME"),
            _p("acw_seconds", "AFTER CALL WORK TIME"),
            _p("transferred", "TRANSFERS"),
            _p("abandoned", "ABANDONED"),
            _p("answered", "ABANDONED", transform="invert"),
            _p("cost", "COST"),
        ),
        "five9",
    ),
    "nice_cxone": Mapping(
        "interactions",
        (
            _p("contact_id", "Contact_ID"),
            _p("parent_contact_id", "Master_Contact_ID"),
            _p("channel", "Media_Name"),
            _p("queue", "Skill_Name"),
            _p("agent_id", "Agent_Name"),
            _p("team", "Team_Name"),
            _p("customer_id", "ANI_Dialnum"),
            _p("start_time", "Start_Date", "start_time"),
            _p("wait_seconds", "InQueue", unit="s"),
            _p("talk_seconds", "Active_Talk_Time", unit="s"),
            _p("hold_seconds", "Hold_Time", unit="s"),
            _p("acw_seconds", "ACW_Seconds", unit="s"),
            _p("abandoned", "Abandon"),
            _p("answered", "Abandon", transform="invert"),
            _p("topic", "Disp_Name"),
        ),
        "nice_cxone",
    ),
    "talkdesk": Mapping(
        "interactions",
        (
            _p("contact_id", "Interaction ID"),
            _p("start_time", "Started At"),
            _p("end_time", "Finished At"),
            _p("customer_id", "Contact Person Number"),
            _p("queue", "Ring Groups"),
            _p("agent_id", "User Name"),
            _p("direction", "Type"),
            _p("wait_seconds", "Wait Time", "Abandon Time", transform="coalesce"),
            _p("talk_seconds", "Talk Time"),
            _p("hold_seconds", "Hold Time"),
            _p("acw_seconds", "After Call Work Time"),
            _p("handle_seconds", "Handle Time"),
            _p("transferred", "Transfer Out (Yes/No)"),
            _p("abandoned", "Type", transform="equals", values=("abandoned", "short_abandoned")),
            _p("answered", "Type", transform="equals", values=("inbound",)),
        ),
        "talkdesk",
    ),
    "zendesk": Mapping(
        "interactions",
        (
            _p("contact_id", "Id"),
            _p("start_time", "Created at"),
            _p("end_time", "Solved at"),
            _p("customer_id", "Requester"),
            _p("agent_id", "Assignee"),
            _p("queue", "Group"),
            _p("channel", "Via"),
            _p("csat", "Satisfaction Score"),
            _p("first_response_seconds", "First reply time in minutes", unit="min"),
        ),
        "zendesk",
    ),
    "pwc": Mapping(
        "interactions",
        (
            _p("contact_id", "Call Id"),
            _p("agent_id", "Agent"),
            _p("start_time", "Date", "Time"),
            _p("topic", "Topic"),
            _p("answered", "Answered (Y/N)"),
            _p("abandoned", "Answered (Y/N)", transform="invert"),
            _p("resolved", "Resolved"),
            _p("wait_seconds", "Speed of answer in seconds", unit="s"),
            _p("talk_seconds", "AvgTalkDuration"),
            _p("csat", "Satisfaction rating"),
        ),
        "pwc",
    ),
}

#: Columns that identify a preset (all must be present for the preset to be chosen).
_PRESET_KEYS: dict[str, tuple[str, ...]] = {
    "amazon_connect": ("ContactId", "InitiationTimestamp"),
    "genesys_cloud": ("Interval Start", "Media Type"),
    "five9": ("CALL ID", "TIMESTAMP"),
    "nice_cxone": ("Contact_ID", "Skill_Name"),
    "talkdesk": ("Interaction ID", "Started At"),
    "zendesk": ("Id", "Created at", "Solved at"),
    "pwc": ("Call Id", "Answered (Y/N)", "Speed of answer in seconds"),
}

_ID_NORMS = {norm(s) for s in _INTERACTION_SYNONYMS["contact_id"]}
_COUNT_NORMS = {
    norm(s) for t in ("offered", "answered", "abandoned") for s in _AGGREGATE_SYNONYMS[t]
}


def detect_source_shape(columns: Iterable[str]) -> Shape:
    """Guess the shape from source column names: a contact id column means one row per contact.

    Without an id column, a file with a date and offered/answered/abandoned count columns is an
    aggregated report; anything else is treated as contact level.
    """
    cols = list(columns)
    normed = {norm(c) for c in cols}
    for name, keys in _PRESET_KEYS.items():
        if all(norm(k) in normed for k in keys):
            return PRESETS[name].shape
    if normed & _ID_NORMS:
        return "interactions"
    has_date = any(norm(s) in normed for s in _AGGREGATE_SYNONYMS["date"])
    counts = normed & _COUNT_NORMS
    if counts and (has_date or len(counts) >= 2):
        return "aggregated"
    return "interactions"


def _find(columns: list[str], names: Iterable[str], used: set[str]) -> str | None:
    by_norm: dict[str, str] = {}
    for c in columns:
        by_norm.setdefault(norm(c), c)
    for n in names:
        c = by_norm.get(norm(n))
        if c is not None and c not in used:
            return c
    return None


def auto_map(columns: Iterable[str], shape: Shape | None = None) -> Mapping:  # noqa: C901 -- ratchet (#17): split or fix pending
    """Map source column names to canonical columns, with no user input.

    A vendor preset is used when its key columns are all present (Amazon Connect, Genesys Cloud,
    Five9, NICE CXone, Talkdesk, Zendesk, the PwC call-centre export); the remaining canonical
    columns are filled from the synonym table (``KPI_REFERENCE.md``), matched case-, space- and
    punctuation-insensitively. A date column and a time column are combined into ``start_time``.
    A boolean found only in its inverse form (``Answered (Y/N)``) gives the other one inverted.

    Parameters
    ----------
    columns : the source column names.
    shape : force "interactions" or "aggregated" (default: :func:`detect_source_shape`).
    """
    cols = [str(c) for c in columns]
    present = set(cols)
    shape = shape or detect_source_shape(cols)
    normed = {norm(c) for c in cols}
    fields: list[FieldMap] = []
    preset_name = None
    for name, keys in _PRESET_KEYS.items():
        preset = PRESETS[name]
        if preset.shape == shape and all(norm(k) in normed for k in keys):
            preset_name = name
            by_norm = {norm(c): c for c in cols}
            for f in preset.fields:
                src = tuple(by_norm.get(norm(s), s) for s in f.source)
                if set(src) <= present:
                    fields.append(replace(f, source=src))
            break
    used = {s for f in fields for s in f.source if f.transform in ("", "coalesce", "per_answered")}
    done = {f.target for f in fields}
    synonyms = _INTERACTION_SYNONYMS if shape == "interactions" else _AGGREGATE_SYNONYMS
    time_target = "start_time" if shape == "interactions" else "date"
    for target, names in synonyms.items():
        if target in done:
            continue
        if target == time_target and shape == "interactions":
            date_col = _find(cols, _DATE_PARTS, used)
            time_col = _find(cols, _TIME_PARTS, used | ({date_col} if date_col else set()))
            if date_col and time_col:
                fields.append(FieldMap(target, (date_col, time_col)))
                used |= {date_col, time_col}
                done.add(target)
                continue
        src = _find(cols, names, used)
        if src is None and target == time_target:
            src = _find(cols, _DATE_PARTS, used)
        if src is not None:
            fields.append(FieldMap(target, (src,)))
            used.add(src)
            done.add(target)
    if shape == "interactions":
        for target, other in _INVERSE.items():
            if target not in done and other in done:
                of = next(f for f in fields if f.target == other)
                if not of.transform and len(of.source) == 1:
                    fields.append(FieldMap(target, of.source, transform="invert"))
                    done.add(target)
    order = {name: i for i, name in enumerate(synonyms)}
    fields.sort(key=lambda f: order.get(f.target, 99))
    return Mapping(shape=shape, fields=tuple(fields), preset=preset_name)


def mapping_targets(shape: Shape) -> list[str]:
    """The canonical columns a user can map, in schema order (plus ``updated_at``)."""
    cols = INTERACTION_COLUMNS if shape == "interactions" else AGGREGATE_COLUMNS
    out = [c.name for c in cols]
    if shape == "interactions":
        out += list(EXTRA_TARGETS)
    return out

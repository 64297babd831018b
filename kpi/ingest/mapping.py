"""Column mapping for the importer: the mapping objects, vendor presets and the JSON file.

The auto-mapping (synonyms, values, evidence) is :mod:`kpi.ingest.automap`; the file format
is documented in ``docs/mapping.md`` (JSON Schema: ``docs/mapping.schema.json``).

Private to :mod:`kpi.ingest` (which re-exports the public names). The synonym table follows
``KPI_REFERENCE.md`` ("Column synonyms for auto-mapping"); names are matched case-, space-,
underscore- and punctuation-insensitively.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from collections.abc import Mapping as _AbcMapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from kpi.errors import MappingError
from kpi.ingest.headers import norm
from kpi.schema import AGGREGATE_COLUMNS, INTERACTION_COLUMNS, Shape

__all__ = [
    "PRESETS",
    "TRANSFORMS",
    "UNITS",
    "FieldMap",
    "Mapping",
    "DATE_ORDERS",
    "GRAINS",
    "OUTCOME_CLASSES",
    "OUTCOME_OTHERS",
    "OutcomeRule",
    "load_mapping",
    "norm",
    "save_mapping",
]

#: Extra (non-canonical) targets the importer understands: the last-updated time used to keep
#: the latest of duplicated contact records.
EXTRA_TARGETS: tuple[str, ...] = ("updated_at",)

#: How day and month are ordered in a date column: "auto" (decided from all the values),
#: "dmy" (day first, 06/01/2025 = 6 January), "mdy" (month first) or "ymd".
DATE_ORDERS: tuple[str, ...] = ("auto", "dmy", "mdy", "ymd")

#: What an outcome value means: answered, abandoned (in queue), blocked (never queued),
#: voicemail (left a message or asked for a callback: neither answered nor abandoned), ignore
#: (not an inbound attempt to count: phantom calls, tests) or hangup (the
#: customer hung up: abandoned when the contact never reached an agent -- no agent, no talk or
#: handle time -- answered otherwise; Amazon Connect's CUSTOMER_DISCONNECT) or wrapup (a
#: wrap-up code an agent chose, such as Five9's "Resolved" or "Sale": answered when the contact
#: reached an agent, counted in no rate otherwise) or ended (the contact ended normally, Webex
#: Contact Center's terminationType "normal", or was transferred: the same as wrapup).
OUTCOME_CLASSES: tuple[str, ...] = (
    "answered",
    "abandoned",
    "blocked",
    "voicemail",
    "ignore",
    "hangup",
    "wrapup",
    "ended",
)

#: What a value an outcome rule does not list means: "ignore" (neither answered nor abandoned)
#: or "keep" (the rule only corrects the rows it lists; the others keep the answered /
#: abandoned flags that mapped columns give, e.g. a disposition "Voicemail" beside a 0/1
#: ABANDONED column).
OUTCOME_OTHERS: tuple[str, ...] = ("ignore", "keep")

#: Periods of aggregated rows.
GRAINS: tuple[str, ...] = ("auto", "interval", "day", "week", "month", "quarter", "year")

#: Duration units: seconds, milliseconds, minutes, hours, "hms" (HH:MM:SS text; two parts are
#: MM:SS), "hm" (H:MM text, hours and minutes: a week's "142:32" talk time); "auto" = infer.
UNITS: tuple[str, ...] = ("auto", "s", "ms", "min", "h", "hms", "hm")

#: How a source column becomes the canonical value.
#: "" direct; "invert" boolean negated (Answered=N -> abandoned); "present" True when the cell is
#: not empty (a timestamp that exists); "absent" the opposite; "equals" True when the cell equals
#: one of ``values`` (case-insensitive); "queued_not_answered" True when the first column is filled
#: and the second is empty (Amazon Connect: enqueued, never connected to an agent), and a third,
#: when given, empty too (no next contact: a callback the customer chose is no abandon);
#: For ``direction`` (codes such as PureConnect's 1 / 2), "equals" lists the values that mean
#: outbound: every other value is inbound.
#: "per_answered" a period total divided by the answered count (Genesys "Total Talk"; with
#: several columns, their sum: total talk + hold + ACW = the handle time);
#: "positive" True where the (duration) column is above zero (answered: talk time > 0);
#: "of_offered" a count from a rate of the offered count (a report with "% Abandoned" and no
#: abandoned count: abandoned = rate x offered);
#: "coalesce" the first filled of the columns; "elapsed" the seconds from the first timestamp
#: column to the second (ticket created -> first response / solved), or to a third where the
#: second is empty (call started -> answered, else ended: the wait); "sum" the sum of the
#: columns (an interval report's average ACD time + average ACW time = AHT; a summary's abandons
#: over a threshold + its short abandons); "of_available"
#: occupancy from an agent report's time: handle time (AHT x answered) / (the first column,
#: staffed or logged-in time, minus the second, AUX or not-ready time, when there is one);
#: "interval_end" a date and the end of its interval ("Interval Ending" 08:30): the interval
#: starts one interval length earlier.
TRANSFORMS: tuple[str, ...] = (
    "",
    "invert",
    "present",
    "absent",
    "equals",
    "queued_not_answered",
    "per_answered",
    "of_offered",
    "positive",
    "coalesce",
    "elapsed",
    "sum",
    "of_available",
    "interval_end",
)

_MAPPING_VERSION = 1


def _elapsed_text(source: tuple[str, ...]) -> str:
    """ "answered_at" (else "ended_at") - "started_at": the elapsed transform in words."""
    if len(source) < 2:  # not an elapsed field (the describe table is built for every field)
        return ", ".join(f'"{s}"' for s in source)
    later = f'"{source[1]}"' + (f' (else "{source[2]}")' if len(source) > 2 else "")
    return f'{later} - "{source[0]}"'


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
    date_order : for dates, see ``DATE_ORDERS`` ("auto" decides from all the values).
    """

    target: str
    source: tuple[str, ...]
    unit: str = "auto"
    transform: str = ""
    values: tuple[str, ...] = ()
    date_order: str = "auto"

    def to_json(self) -> str | list[str] | dict[str, Any]:
        """The compact JSON form: a column name, a [date, time] pair, or an object."""
        if (
            self.unit == "auto"
            and not self.transform
            and not self.values
            and self.date_order == "auto"
        ):
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
        if self.date_order != "auto":
            out["date_order"] = self.date_order
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
            "per_answered": f"({src}) / answered" if len(self.source) > 1 else f"{src} / answered",
            "of_offered": f"{src} x offered",
            "positive": f"{src} > 0",
            "coalesce": " or ".join(f'"{s}"' for s in self.source),
            "elapsed": _elapsed_text(self.source),
            "sum": " + ".join(f'"{s}"' for s in self.source),
            "of_available": "AHT x answered / (" + " - ".join(f'"{s}"' for s in self.source) + ")",
            "interval_end": " + ".join(f'"{s}"' for s in self.source) + " - one interval",
        }.get(self.transform, src)
        unit = f" [{self.unit}]" if self.unit != "auto" else ""
        order = f" (date order {self.date_order})" if self.date_order != "auto" else ""
        return f"{self.target} <- {extra}{unit}{order}"


@dataclass(frozen=True, slots=True)
class OutcomeRule:
    """A categorical outcome column and what each of its values means.

    Attributes
    ----------
    source : the outcome column (``outcome``, ``disposition``, ``call result``...).
    values : (value, class) pairs; classes are ``OUTCOME_CLASSES``. Values are matched trimmed
        and case-insensitively.
    others : what a value not listed means (``OUTCOME_OTHERS``): "ignore" (the default: neither
        answered nor abandoned, and reported) or "keep" (the flags of the mapped answered /
        abandoned columns stand; the rule overrides only the rows it lists).
    """

    source: str
    values: tuple[tuple[str, str], ...]
    others: str = "ignore"

    def classes(self) -> dict[str, str]:
        """value (lower case, trimmed) -> class."""
        return {v.strip().lower(): c for v, c in self.values}

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"source": self.source, "values": dict(self.values)}
        if self.others != "ignore":
            out["others"] = self.others
        return out

    def describe(self) -> str:
        groups: dict[str, list[str]] = {}
        for v, c in self.values:
            groups.setdefault(c, []).append(v)
        parts = [f"{c}: {', '.join(vs)}" for c, vs in groups.items()]
        if self.others == "keep":
            parts.append("other values: the mapped answered/abandoned columns")
        return f'outcome <- "{self.source}" ({"; ".join(parts)})'


@dataclass(frozen=True, slots=True)
class Mapping:
    """A complete column mapping: canonical column -> source columns, plus the input shape.

    ``fields`` keeps one :class:`FieldMap` per canonical column. ``preset`` names the vendor
    preset it started from (None = synonyms only).
    """

    shape: Shape
    fields: tuple[FieldMap, ...] = ()
    preset: str | None = None
    outcome: OutcomeRule | None = None
    grain: str = "auto"

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
        out = {s for f in self.fields for s in f.source}
        return out | ({self.outcome.source} if self.outcome else set())

    def with_field(self, target: str, source: str | Iterable[str] | None, **kwargs: Any) -> Mapping:
        """A copy with ``target`` mapped to ``source`` (None or "" removes it)."""
        kept = tuple(f for f in self.fields if f.target != target)
        if source is None or source == "":
            return replace(self, fields=kept)
        src = (source,) if isinstance(source, str) else tuple(source)
        return replace(self, fields=(*kept, FieldMap(target, src, **kwargs)))

    def restricted_to(self, columns: Iterable[str]) -> Mapping:
        """The fields (and outcome rule) whose source columns are all in ``columns``."""
        cols = set(columns)
        outcome = self.outcome if self.outcome and self.outcome.source in cols else None
        return replace(
            self, fields=tuple(f for f in self.fields if set(f.source) <= cols), outcome=outcome
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form written by :func:`save_mapping`."""
        return {
            "kpi_lab_mapping": _MAPPING_VERSION,
            "shape": self.shape,
            "preset": self.preset,
            "fields": {f.target: f.to_json() for f in self.fields},
            **({"outcome": self.outcome.to_json()} if self.outcome else {}),
            **({"grain": self.grain} if self.grain != "auto" else {}),
        }

    @classmethod
    def from_dict(cls, data: Any, *, origin: str = "the mapping") -> Mapping:
        """Validate and build a mapping from its JSON form (MappingError on any problem).

        Keys the importer writes for people (``evidence``, ``notes``, ``$schema``) are ignored.
        """
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
        order = data.get("date_order", "auto")
        if order not in DATE_ORDERS:
            raise MappingError(
                f"{origin}: date_order {order!r} is unknown; use one of {', '.join(DATE_ORDERS)}."
            )
        fields = [
            _field_from_json(target, spec, allowed, shape, origin, order)
            for target, spec in data["fields"].items()
        ]
        grain = data.get("grain", "auto")
        if grain not in GRAINS:
            raise MappingError(
                f"{origin}: grain {grain!r} is unknown; use one of {', '.join(GRAINS)}."
            )
        preset = data.get("preset")
        return cls(
            shape=shape,
            fields=tuple(fields),
            preset=preset if isinstance(preset, str) else None,
            outcome=_outcome_from_json(data.get("outcome"), origin),
            grain=grain,
        )

    def describe(self) -> str:
        """One line per mapped column."""
        head = f"shape: {self.shape}" + (f" (preset: {self.preset})" if self.preset else "")
        lines = [head, *(f"  {f.describe()}" for f in self.fields)]
        if self.outcome:
            lines.append(f"  {self.outcome.describe()}")
        if self.grain != "auto":
            lines.append(f"  grain: {self.grain}")
        return "\n".join(lines)


def _field_from_json(
    target: str, spec: Any, allowed: set[str], shape: str, origin: str, order: str
) -> FieldMap:
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
    checks = (
        ("unit", UNITS, "auto"),
        ("transform", TRANSFORMS, ""),
        ("date_order", DATE_ORDERS, order),
    )
    got: dict[str, str] = {}
    for key, allowed_values, default in checks:
        value = spec.get(key, default)
        if value not in allowed_values:
            raise MappingError(
                f"{origin}: {key} {value!r} for {target!r} is unknown; use one of "
                f"{', '.join(v for v in allowed_values if v)}."
            )
        got[key] = value
    values = spec.get("values", [])
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise MappingError(f"{origin}: 'values' for {target!r} must be a list of texts.")
    return FieldMap(
        target, tuple(src), got["unit"], got["transform"], tuple(values), got["date_order"]
    )


def _outcome_from_json(spec: Any, origin: str) -> OutcomeRule | None:
    if spec is None:
        return None
    ok = (
        isinstance(spec, dict)
        and isinstance(spec.get("source"), str)
        and isinstance(spec.get("values"), dict)
    )
    if not ok:
        raise MappingError(
            f"{origin}: 'outcome' must be an object with a 'source' column and a 'values' object "
            '(for example {"source": "outcome", "values": {"AGENT": "answered"}}).'
        )
    pairs = []
    for value, cls_ in spec["values"].items():
        if cls_ not in OUTCOME_CLASSES:
            raise MappingError(
                f"{origin}: outcome value {value!r} is given the meaning {cls_!r}; use one of "
                f"{', '.join(OUTCOME_CLASSES)}."
            )
        pairs.append((str(value), str(cls_)))
    others = spec.get("others", "ignore")
    if others not in OUTCOME_OTHERS:
        raise MappingError(
            f"{origin}: outcome 'others' {others!r} is unknown; use one of "
            f"{', '.join(OUTCOME_OTHERS)}."
        )
    return OutcomeRule(spec["source"], tuple(pairs), others)


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
    "pureconnect": Mapping(
        "interactions",
        (
            _p("contact_id", "InteractionIDKey"),
            _p("start_time", "InitiatedDateTimeUTC"),
            _p("end_time", "TerminatedDateTimeUTC"),
            # InteractionSummary's Direction: 1 inbound, 2 outbound.
            _p("direction", "Direction", transform="equals", values=("2",)),
            _p("queue", "LastAssignedWorkgroupID"),
            _p("agent_id", "LastLocalUserId"),
            _p("wait_seconds", "tQueueWait", unit="ms"),
            _p("talk_seconds", "tConnected", unit="ms"),
            _p("hold_seconds", "tHeld", unit="ms"),
            _p("acw_seconds", "tACW", unit="ms"),
            _p("answered", "ConnectedDateTimeUTC", transform="present"),
            # Never connected to an agent: abandoned (an inbound call; outbound ones are not
            # counted in the abandonment rate).
            _p("abandoned", "ConnectedDateTimeUTC", transform="absent"),
            _p("transferred", "nTransfer"),
        ),
        "pureconnect",
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
#: A column a preset prefers for a target when the file has it and fills it: Five9's SKILL is
#: the queue a call waited in, its CAMPAIGN the entry point (a whole line of business).
PRESET_PREFERRED: dict[str, dict[str, str]] = {"five9": {"queue": "SKILL"}}

_PRESET_KEYS: dict[str, tuple[str, ...]] = {
    "amazon_connect": ("ContactId", "InitiationTimestamp"),
    "genesys_cloud": ("Interval Start", "Media Type"),
    "five9": ("CALL ID", "TIMESTAMP", "CAMPAIGN"),
    "nice_cxone": ("Contact_ID", "Skill_Name"),
    "talkdesk": ("Interaction ID", "Started At"),
    "zendesk": ("Id", "Created at", "Solved at"),
    "pwc": ("Call Id", "Answered (Y/N)", "Speed of answer in seconds"),
}


def mapping_targets(shape: Shape) -> list[str]:
    """The canonical columns a user can map, in schema order (plus ``updated_at``)."""
    cols = INTERACTION_COLUMNS if shape == "interactions" else AGGREGATE_COLUMNS
    out = [c.name for c in cols]
    if shape == "interactions":
        out += list(EXTRA_TARGETS)
    return out

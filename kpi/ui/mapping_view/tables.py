"""Tables, labels and sentences of the Data page's column mapping (pure: no session state).

The importer (:mod:`kpi.ingest`) decides which column feeds each field, how an outcome column's
values are read, the date order of each date column, the grain of aggregated rows and the unit of
each duration. These helpers turn those decisions into what a CX manager reads (field names, not
codes; the evidence in plain words) and turn the page's edits back into a
:class:`~kpi.ingest.Mapping`, which the page then imports with again.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from collections.abc import Mapping as MappingOf
from dataclasses import dataclass, replace

import pandas as pd

from kpi import format as fmt
from kpi import ingest
from kpi.errors import MappingError, MissingDateColumn
from kpi.ingest.dates import DateOrderDecision
from kpi.ingest.mapping import OUTCOME_CLASSES, FieldMap, Mapping, OutcomeRule
from kpi.schema import AGGREGATE_COLUMNS, INTERACTION_COLUMNS, Shape

__all__ = [
    "needed_text",
    "preview_table",
    "completeness_table",
    "DOC_PATH",
    "FIELD_LABELS",
    "GRAIN_LABELS",
    "ORDER_LABELS",
    "OUTCOME_LABELS",
    "UNIT_LABELS",
    "DateColumn",
    "abandonment_sentence",
    "column_table",
    "column_choices",
    "columns_from_table",
    "date_columns",
    "evidence_table",
    "field_label",
    "grain_of",
    "grain_sentence",
    "mapping_json",
    "missing_date_message",
    "order_of",
    "outcome_table",
    "read_mapping_file",
    "replace_outcome",
    "rule_from_table",
    "target_label",
    "unit_table",
    "units_from_table",
    "with_date_order",
    "with_grain",
]

#: Where the mapping file format is documented (JSON Schema beside it).
DOC_PATH = "docs/mapping.md"

#: Plain names of the canonical fields (what the mapping tables show instead of the ids).
FIELD_LABELS: dict[str, str] = {
    "contact_id": "Contact id",
    "start_time": "Start time",
    "end_time": "End time",
    "parent_contact_id": "First contact of a transfer chain",
    "customer_id": "Customer",
    "channel": "Channel",
    "direction": "Direction (inbound / outbound)",
    "queue": "Queue",
    "agent_id": "Agent",
    "team": "Team",
    "topic": "Topic",
    "wait_seconds": "Wait time",
    "talk_seconds": "Talk time",
    "hold_seconds": "Hold time",
    "acw_seconds": "After-contact work",
    "handle_seconds": "Handle time",
    "first_response_seconds": "First response time",
    "idle_seconds": "Agent idle time",
    "answered": "Answered",
    "abandoned": "Abandoned",
    "blocked": "Blocked",
    "transferred": "Transferred",
    "escalated": "Escalated",
    "resolved": "Resolved",
    "converted": "Converted (sale)",
    "proactive": "Proactive outreach",
    "csat": "Satisfaction score (CSAT)",
    "nps": "Likelihood to recommend (NPS)",
    "ces": "Customer effort (CES)",
    "engagement": "Agent engagement",
    "cost": "Cost",
    "priority": "Priority",
    "status": "Status",
    "resolution_seconds": "Resolution time",
    "solved_time": "Solved time",
    "updated_at": "Last update of the record",
    "date": "Date (period start)",
    "offered": "Contacts offered",
    "asa_seconds": "Average speed of answer",
    "aht_seconds": "Average handle time",
    "avg_wait_seconds": "Average wait (answered and abandoned)",
    "service_level": "Service level",
    "csat_responses": "Survey responses",
    "csat_top2": "CSAT top-box share",
    "nps_promoters": "NPS promoters (share)",
    "nps_detractors": "NPS detractors (share)",
    "nps_responses": "NPS responses",
    "fcr_rate": "First contact resolution (rate)",
    "fcr_responses": "FCR basis (contacts or surveys)",
    "available_seconds": "Available time (staffed minus not ready)",
}
#: Aggregated reports hold counts where contact files hold yes/no flags.
_AGGREGATE_LABELS: dict[str, str] = {
    "answered": "Contacts answered",
    "abandoned": "Contacts abandoned",
    "blocked": "Contacts blocked",
    "resolved": "Contacts resolved",
    "transferred": "Contacts transferred",
    "talk_seconds": "Average talk time",
    "csat": "Mean satisfaction score (CSAT)",
}

_OUTCOME_WORDS: dict[str, str] = {
    "answered": "answered (reached an agent)",
    "abandoned": "abandoned (hung up in the queue)",
    "blocked": "blocked (never queued)",
    "voicemail": "voicemail or callback",
    "hangup": "customer hung up (abandoned unless it reached an agent)",
    "wrapup": "an agent's wrap-up code (answered when it reached an agent)",
    "ended": "ended normally (answered when it reached an agent)",
    "ignore": "ignore (counts in no rate)",
}
#: What each outcome class means, as the outcome rule editor offers it: every class of
#: ``OUTCOME_CLASSES``, in its order (a class without words here shows its own name).
OUTCOME_LABELS: dict[str, str] = {c: _OUTCOME_WORDS.get(c, c) for c in OUTCOME_CLASSES}
#: Date orders as the override offers them.
ORDER_LABELS: dict[str, str] = {
    "auto": "decide from the values",
    "dmy": "day first (31/12/2025)",
    "mdy": "month first (12/31/2025)",
    "ymd": "year first (2025-12-31)",
}
#: Duration units as the unit editor offers them.
UNIT_LABELS: dict[str, str] = {
    "auto": "detect from the header and values",
    "s": "seconds",
    "ms": "milliseconds",
    "min": "minutes",
    "h": "hours",
    "hms": "H:MM:SS text",
}
#: Grains of aggregated rows as the grain override offers them.
GRAIN_LABELS: dict[str, str] = {
    "auto": "detect",
    "interval": "an interval within a day",
    "day": "a day",
    "week": "a week",
    "month": "a month",
    "quarter": "a quarter",
    "year": "a year",
}
_PRESET_NAMES = {
    "amazon_connect": "Amazon Connect",
    "genesys_cloud": "Genesys Cloud",
    "five9": "Five9",
    "nice_cxone": "NICE CXone",
    "talkdesk": "Talkdesk",
    "zendesk": "Zendesk",
    "pwc": "PwC call-centre",
}
_KINDS: dict[Shape, dict[str, str]] = {
    "interactions": {c.name: str(c.kind) for c in INTERACTION_COLUMNS} | {"updated_at": "datetime"},
    "aggregated": {c.name: str(c.kind) for c in AGGREGATE_COLUMNS},
}
_MEANINGS: dict[Shape, dict[str, str]] = {
    "interactions": {c.name: c.meaning for c in INTERACTION_COLUMNS}
    | {"updated_at": "Last update of the record (keeps the latest of duplicated records)."},
    "aggregated": {c.name: c.meaning for c in AGGREGATE_COLUMNS},
}
_MAPPING_FILE_LIMIT = 1_000_000


def field_label(target: str, shape: Shape = "interactions") -> str:
    """The plain name of a canonical field ("Wait time" for ``wait_seconds``)."""
    if shape == "aggregated" and target in _AGGREGATE_LABELS:
        return _AGGREGATE_LABELS[target]
    return FIELD_LABELS.get(target) or fmt.kpi_label(target)


# ------------------------------------------------------------------------------------------
# Evidence: per field, the column chosen and why
# ------------------------------------------------------------------------------------------
_REWORDS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (
        re.compile(r"^header '(.+)' matches '(.+)'$"),
        lambda m: f"its header matches the usual name “{m.group(2)}”",
    ),
    (
        re.compile(r"^unit (\w+) from the header$"),
        lambda m: f"the header gives the unit ({UNIT_LABELS.get(m.group(1), m.group(1))})",
    ),
    (
        re.compile(r"^the (\w+) preset names this column$"),
        lambda m: f"the {_PRESET_NAMES.get(m.group(1), m.group(1))} export names this column",
    ),
    (
        re.compile(r"^date column '(.+)' and time column '(.+)' combined$"),
        lambda m: f"the day from '{m.group(1)}' and the time of day from '{m.group(2)}'",
    ),
)


def _plain(evidence: str) -> tuple[str, str]:
    """(why, sample values) from one line of the importer's evidence."""
    why: list[str] = []
    samples = ""
    for part in evidence.split("; "):
        if part.startswith("sample values: "):
            samples = part.removeprefix("sample values: ")
            continue
        for pattern, say in _REWORDS:
            m = pattern.match(part)
            if m is not None:
                part = say(m)
                break
        why.append(part)
    text = "; ".join(why)
    return text[:1].upper() + text[1:], samples


def _strip_file(text: str, files: Iterable[str]) -> str:
    for name in files:
        if text.startswith(f"{name}: "):
            return text.removeprefix(f"{name}: ")
    return text


def _why(
    f: FieldMap, auto: Mapping | None, evidence: dict[str, str], origin: str, files: Sequence[str]
) -> tuple[str, str]:
    proposed = auto.get(f.target) if auto is not None else None
    if proposed is not None and proposed.source == f.source and f.target in evidence:
        return _plain(_strip_file(evidence[f.target], files))
    if origin == "file":
        return "Set in the mapping file you loaded", ""
    if origin == "edited":
        return "Chosen on this page", ""
    return "Chosen by the importer", ""


def evidence_table(
    mapping: Mapping,
    auto: Mapping | None,
    evidence: dict[str, str],
    origin: str = "auto",
    files: Sequence[str] = (),
) -> pd.DataFrame:
    """Per mapped field: the column chosen and why, in plain words.

    Parameters
    ----------
    mapping : the mapping the import used (``ImportResult.mapping``).
    auto : the importer's own proposal for these files (None when it could not be computed).
    evidence : the proposal's evidence per target (``ingest.propose_mapping``).
    origin : where the fields that differ from the proposal come from: "auto", "edited" (on
        this page) or "file" (a mapping file the user loaded).
    files : the file names (their "name: " prefix is dropped from the evidence).

    Returns
    -------
    DataFrame with columns ``Field``, ``Column in your file``, ``Why this column``, ``Unit``
    and ``Sample values``; one row per mapped field, then one for the outcome column.
    """
    rows = []
    kinds = _KINDS[mapping.shape]
    for f in mapping.fields:
        why, samples = _why(f, auto, evidence, origin, files)
        unit = UNIT_LABELS.get(f.unit, f.unit) if kinds.get(f.target) == "duration" else ""
        rows.append(
            (field_label(f.target, mapping.shape), " + ".join(f.source), why, unit, samples)
        )
    if mapping.outcome is not None:
        same = auto is not None and auto.outcome == mapping.outcome
        if same and "outcome" in evidence:
            why, samples = _plain(_strip_file(evidence["outcome"], files))
        else:
            why, samples = _why(FieldMap("outcome", ()), None, {}, origin, files)
        rows.append(
            ("Outcome (answered / abandoned ...)", mapping.outcome.source, why, "", samples)
        )
    columns = ["Field", "Column in your file", "Why this column", "Unit", "Sample values"]
    return pd.DataFrame(rows, columns=columns)


# ------------------------------------------------------------------------------------------
# Outcome value rules
# ------------------------------------------------------------------------------------------
def outcome_table(rule: OutcomeRule) -> pd.DataFrame:
    """The outcome rule as an editable table: columns ``Value in the file`` and ``Means``
    (one of :data:`OUTCOME_LABELS`' texts)."""
    rows = [(value, OUTCOME_LABELS[cls]) for value, cls in rule.values]
    return pd.DataFrame(rows, columns=["Value in the file", "Means"])


def rule_from_table(rule: OutcomeRule, table: pd.DataFrame) -> OutcomeRule:
    """The outcome rule with the meanings chosen in an edited :func:`outcome_table`.

    A cell left empty keeps the value's previous meaning; a text that is not one of the
    offered meanings raises MappingError.
    """
    by_label = {label: cls for cls, label in OUTCOME_LABELS.items()} | {
        c: c for c in OUTCOME_CLASSES
    }
    before = dict(rule.values)
    pairs = []
    for value, label in zip(table["Value in the file"], table["Means"], strict=True):
        key = str(value)
        if label is None or pd.isna(label) or str(label).strip() == "":
            pairs.append((key, before.get(key, "ignore")))
            continue
        if str(label) not in by_label:
            raise MappingError(
                f"'{label}' is not a meaning for the outcome value '{key}': choose one of "
                f"{', '.join(OUTCOME_LABELS.values())}."
            )
        pairs.append((key, by_label[str(label)]))
    return OutcomeRule(rule.source, tuple(pairs), others=rule.others)


def abandonment_sentence(table: pd.DataFrame) -> str | None:
    """ "Abandonment rate with these rules: 50.0% (2 of 4 offered contacts)" from a KpiTable
    frame computed at grain "all" for ``abandonment_rate`` (None when not available)."""
    rows = table[table["kpi"] == "abandonment_rate"]
    if rows.empty or pd.isna(rows["value"].iloc[0]):
        return None
    row = rows.iloc[0]
    value = fmt.fmt_kpi("abandonment_rate", float(row["value"]))
    return (
        f"{fmt.kpi_label('abandonment_rate')} with these rules: **{value}** "
        f"({fmt.fmt_count(row['numerator'])} abandoned of {fmt.fmt_count(row['denominator'])} "
        "offered contacts)."
    )


# ------------------------------------------------------------------------------------------
# Date order, grain, units, columns
# ------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class DateColumn:
    """How one date column was read.

    Attributes
    ----------
    target : the canonical field (``start_time``, ``date``...).
    source : the column of the file that holds the dates.
    order : "dmy", "mdy" or "ymd" as read ("" when the import said nothing).
    forced : the mapping's ``date_order`` for the field ("auto" = decided from the values).
    sentence : the import report's sentence saying how the order was decided.
    """

    target: str
    source: str
    order: str
    forced: str
    sentence: str


def date_columns(
    mapping: Mapping, decisions: MappingOf[str, DateOrderDecision]
) -> list[DateColumn]:
    """The date columns whose day/month order was decided (or set in the mapping), each with
    the evidence sentence, from the import's structured record (``ImportReport.date_orders``)."""
    out = []
    kinds = _KINDS[mapping.shape]
    for f in mapping.fields:
        if kinds.get(f.target) != "datetime" or f.transform:
            continue
        d = decisions.get(f.target)
        order, sentence = (d.order, d.sentence() or "") if d is not None else ("", "")
        if f.date_order != "auto" and not sentence:
            order = f.date_order
            sentence = f"'{f.source[0]}': read {ORDER_LABELS[order]}, as the mapping says"
        if order:
            out.append(DateColumn(f.target, f.source[0], order, f.date_order, sentence))
    return out


def with_date_order(mapping: Mapping, target: str, order: str) -> Mapping:
    """``mapping`` with the date order of ``target`` set ("auto" to decide from the values)."""
    fields = tuple(
        replace(f, date_order=order) if f.target == target else f for f in mapping.fields
    )
    return replace(mapping, fields=fields)


def grain_sentence(grain: str | None, forced: str) -> str:
    """ "Each row summarises a month (detected)." for an aggregated import."""
    if grain is None:
        return ""
    how = "set in the mapping" if forced != "auto" else "detected from the dates"
    return (
        f"Each row summarises {GRAIN_LABELS.get(grain, grain)} ({how}). Every page works at "
        "that grain or a coarser one."
    )


def with_grain(mapping: Mapping, grain: str) -> Mapping:
    """``mapping`` with the grain of aggregated rows set ("auto" to detect it)."""
    return replace(mapping, grain=grain)


def unit_table(mapping: Mapping) -> pd.DataFrame:
    """Duration fields and their unit: columns ``Field``, ``Column in your file``, ``Unit``
    (one of :data:`UNIT_LABELS`' texts). Computed durations (ticket timestamps) are left out."""
    kinds = _KINDS[mapping.shape]
    rows = [
        (field_label(f.target, mapping.shape), " + ".join(f.source), UNIT_LABELS[f.unit])
        for f in mapping.fields
        if kinds.get(f.target) == "duration" and f.transform != "elapsed"
    ]
    return pd.DataFrame(rows, columns=["Field", "Column in your file", "Unit"])


def units_from_table(mapping: Mapping, table: pd.DataFrame) -> Mapping:
    """``mapping`` with the units chosen in an edited :func:`unit_table`."""
    by_label = {label: unit for unit, label in UNIT_LABELS.items()}
    chosen = {
        str(field): by_label.get(str(unit), "")
        for field, unit in zip(table["Field"], table["Unit"], strict=True)
    }
    fields = []
    for f in mapping.fields:
        unit = chosen.get(field_label(f.target, mapping.shape), "")
        fields.append(replace(f, unit=unit) if unit else f)
    return replace(mapping, fields=tuple(fields))


def column_table(mapping: Mapping) -> pd.DataFrame:
    """Every field a user can map, with its column: ``Field``, ``Column in your file`` ("" when
    unmapped; a date and a time column joined by " + ") and ``What it is``."""
    rows = []
    for target in ingest.mapping_targets(mapping.shape):
        f = mapping.get(target)
        rows.append(
            (
                field_label(target, mapping.shape),
                " + ".join(f.source) if f else "",
                _MEANINGS[mapping.shape].get(target, ""),
            )
        )
    return pd.DataFrame(rows, columns=["Field", "Column in your file", "What it is"])


def column_choices(table: pd.DataFrame, columns: Sequence[str]) -> list[str]:
    """What the column editor offers: nothing, every column of the files, and the date + time
    pairs already in ``table`` (a :func:`column_table`)."""
    pairs = [s for s in table["Column in your file"] if " + " in str(s)]
    return list(dict.fromkeys(["", *columns, *pairs]))


def columns_from_table(mapping: Mapping, table: pd.DataFrame) -> Mapping:
    """``mapping`` with the columns chosen in an edited :func:`column_table`.

    A field whose column is unchanged keeps its unit, rule and date order; a field given
    another column is read with the defaults (unit and date order detected); an emptied
    field is unmapped.
    """
    targets = {field_label(t, mapping.shape): t for t in ingest.mapping_targets(mapping.shape)}
    out = mapping
    for label, source in zip(table["Field"], table["Column in your file"], strict=True):
        target = targets.get(str(label))
        if target is None:
            continue
        text = "" if source is None or pd.isna(source) else str(source).strip()
        current = mapping.get(target)
        if current is not None and " + ".join(current.source) == text:
            continue
        parts = [p.strip() for p in text.split(" + ")] if text else None
        if parts is not None and len(parts) > 2:
            raise MappingError(
                f"{label}: '{text}' names {len(parts)} columns; a field reads one column, or a "
                "date and a time column joined by ' + '."
            )
        out = out.with_field(target, parts)
    return out


# ------------------------------------------------------------------------------------------
# The mapping file
# ------------------------------------------------------------------------------------------
def mapping_json(mapping: Mapping, evidence: dict[str, str] | None = None) -> bytes:
    """The mapping as the JSON file ``kpi map`` writes (format: ``docs/mapping.md``), with the
    evidence for people (ignored when the file is read back)."""
    data = mapping.to_dict() | {"$comment": f"KPI Lab column mapping; format: {DOC_PATH}"}
    if evidence:
        data["evidence"] = dict(evidence)
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def read_mapping_file(data: bytes, name: str = "the mapping file") -> Mapping:
    """Validate an uploaded mapping file (MappingError with one clear sentence if it is not a
    KPI Lab mapping: too large, not JSON, unknown fields, units, rules or classes)."""
    if len(data) > _MAPPING_FILE_LIMIT:
        raise MappingError(
            f"'{name}' is {len(data):,} bytes: too large to be a mapping file. Save a mapping "
            f"from this page (format: {DOC_PATH}) and load that file."
        )
    try:
        return ingest.load_mapping(data)
    except MappingError as err:
        raise MappingError(f"'{name}': {err}") from None
    except (RecursionError, TypeError, ValueError, AttributeError):
        raise MappingError(
            f"'{name}' is not a KPI Lab mapping file: save a mapping from this page (format: "
            f"{DOC_PATH}) and load that file."
        ) from None


def replace_outcome(mapping: Mapping, rule: OutcomeRule) -> Mapping:
    """``mapping`` with the outcome value rule ``rule``."""
    return replace(mapping, outcome=rule)


def order_of(label: str) -> str:
    """The date order ("auto", "dmy", "mdy", "ymd") of an :data:`ORDER_LABELS` text."""
    return next((k for k, v in ORDER_LABELS.items() if v == label), "auto")


def grain_of(label: str) -> str:
    """The grain of a :data:`GRAIN_LABELS` text ("auto" when unknown)."""
    return next((k for k, v in GRAIN_LABELS.items() if v == label), "auto")


def target_label(err: MissingDateColumn) -> str:
    """The plain name of the field a :class:`MissingDateColumn` error says is missing."""
    return field_label(err.target, "aggregated" if err.target == "date" else "interactions")


def missing_date_message(err: MissingDateColumn) -> str:
    """What is wrong and the one choice that fixes it, from the error's typed attributes
    (``file``, ``target``, ``candidates``), in the field's plain name."""
    if not err.candidates:
        return str(err)
    label = target_label(err).lower()
    first, *others = err.candidates
    also = f" (other candidates: {', '.join(repr(c) for c in others[:3])})" if others else ""
    return (
        f"'{err.file}' has no column the importer recognises as the {label}: '{first}' looks "
        f"like dates — use it as the {label}{also}."
    )


def needed_text(missing: Sequence[str], shape: Shape) -> str:
    """The fields a KPI needs, in plain names ("Resolved", "Hold time or Handle time")."""
    return ", ".join(
        " or ".join(field_label(part, shape) for part in m.split("|")) for m in missing
    )


def preview_table(frame: pd.DataFrame, shape: Shape, rows: int = 100) -> pd.DataFrame:
    """The first ``rows`` imported rows with the fields' plain names as headers."""
    return frame.head(rows).rename(columns=lambda c: field_label(str(c), shape))


def completeness_table(fill_rates: pd.DataFrame, shape: Shape) -> pd.DataFrame:
    """``ImportReport.fill_rates`` for the screen: columns ``Field``, ``Column in your file``
    ("computed" for fields the importer derives), ``Rows with a value`` and ``Share filled``."""
    return pd.DataFrame(
        {
            "Field": [field_label(str(c), shape) for c in fill_rates["column"]],
            "Column in your file": [
                "computed" if s == "(derived)" else s for s in fill_rates["source"]
            ],
            "Rows with a value": fill_rates["filled"].to_numpy(),
            "Share filled": fill_rates["fill_rate"].to_numpy(),
        }
    )

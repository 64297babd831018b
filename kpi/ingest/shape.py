"""What a file's columns and sample values say before any mapping: contact rows or period
totals (:func:`detect_source_shape`), calendar timestamps, numeric durations; the vendor key
columns and the date-part and time-part column names. Used by :mod:`kpi.ingest.automap`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from collections.abc import Mapping as AbcMapping

from kpi.ingest.grain import WEEKDAY_PREFIX
from kpi.ingest.headers import (
    AGGREGATE_SYNONYMS,
    INTERACTION_SYNONYMS,
    header_key,
    header_unit,
    norm,
)
from kpi.ingest.mapping import PRESETS
from kpi.schema import Shape

__all__ = [
    "DATE_PARTS",
    "PRESET_KEYS",
    "TIME_PARTS",
    "Samples",
    "detect_source_shape",
    "looks_like_timestamps",
    "numeric_duration",
]

Samples = AbcMapping[str, Sequence[str]]

#: Columns that identify a preset (all must be present for the preset to be chosen).
PRESET_KEYS: dict[str, tuple[str, ...]] = {
    "amazon_connect": ("ContactId", "InitiationTimestamp"),
    "genesys_cloud": ("Interval Start", "Media Type"),
    "five9": ("CALL ID", "TIMESTAMP"),
    "pureconnect": ("InteractionIDKey", "InitiatedDateTimeUTC"),
    "nice_cxone": ("Contact_ID", "Skill_Name"),
    "talkdesk": ("Interaction ID", "Started At"),
    "zendesk": ("Id", "Created at", "Solved at"),
    "pwc": ("Call Id", "Answered (Y/N)", "Speed of answer in seconds"),
}
#: Date-part and time-part column names that are combined into ``start_time``.
DATE_PARTS = (
    "Date",
    "Start_Date",
    "Start Date",
    "Call Date",
    "Contact Date",
    "Day",
    "Datum",
    "Anrufdatum",
    "Date d'appel",
    "Jour",
    "Fecha",
    "Fecha de llamada",
    "Dag",
    "Gespreksdatum",
    "Data",
    "Data chiamata",
    "Giorno",
    "Data da chamada",
    "Dia",
)
#: (A column named as the start comes before a bare "Time", which may be a duration.)
TIME_PARTS = (
    "start_time",
    "Start Time",
    "Start",
    "Call Start",
    "Time",
    "Call Hour",
    "Start Hour",
    "Call Time",
    "Contact Time",
    "Hora",
    "vru_entry",
    "Entry Time",
    "Arrival Time",
    "Uhrzeit",
    "Zeit",
    "Anrufzeit",
    "Heure",
    "Heure d'appel",
    "Hora",
    "Hora de llamada",
    "Tijd",
    "Tijdstip",
    "Ora",
    "Ora chiamata",
    "Orario",
    "Hora da chamada",
)
_TIMESTAMP = re.compile(
    # an optional weekday first ("Tue 03/04/2025 9:05 AM", "Tuesday, 4 March 2025", "lun, 10
    # mar 2025"); months as words in any of the languages ("10. März 2025", "3-févr.-25")
    r"^\s*" + WEEKDAY_PREFIX + r"?"
    r"(\d{4}[/.\-]\d{1,2}[/.\-]\d{1,2}|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|"
    r"[^\W\d_]{3,9}\.? \d{1,2},? \d{4}|\d{1,2}\.?(?: de)? [^\W\d_]{3,10}\.?(?: de)? \d{4}|"
    r"\d{1,2}[/\-][^\W\d_]{3,9}\.?[/\-]\d{2,4}|"
    # East Asian dates: "2025年3月10日", "2025년 3월 10일", "2025. 3. 10."
    r"\d{4}\s*[年년]\s*\d{1,2}\s*[月월]\s*\d{1,2}|\d{4}\.\s*\d{1,2}\.\s*\d{1,2})"
)


def looks_like_timestamps(values: Sequence[str], share: float = 0.8) -> bool:
    """At least ``share`` of the values read as calendar dates or timestamps (not clock times,
    not numbers)."""
    vals = [str(v) for v in values if str(v).strip()][:200]
    if not vals:
        return False
    return sum(bool(_TIMESTAMP.match(v)) for v in vals) >= share * len(vals)


def detect_source_shape(columns: Iterable[str], samples: Samples | None = None) -> Shape:
    """Guess the shape from source column names: a contact id column means one row per contact.

    Without an id column, a file with a date and offered/answered/abandoned count columns is an
    aggregated report -- unless its rows look like individual contacts (with ``samples``):
    the "count" columns hold yes/no words, or only 0/1 beside per-contact durations (wait,
    talk, hold time) or a time-of-day column. Anything else is treated as contact level.
    """
    cols = list(columns)
    normed = {norm(c) for c in cols} | {header_key(c) for c in cols}
    for name, keys in PRESET_KEYS.items():
        if all(norm(k) in normed for k in keys):
            return PRESETS[name].shape
    if normed & {header_key(s) for s in INTERACTION_SYNONYMS["contact_id"]}:
        return "interactions"
    has_date = any(header_key(s) in normed for s in AGGREGATE_SYNONYMS["date"])
    count_keys = {
        header_key(s) for t in ("offered", "answered", "abandoned") for s in AGGREGATE_SYNONYMS[t]
    }
    counts = normed & count_keys
    if counts and (has_date or len(counts) >= 2):
        count_cols = [c for c in cols if header_key(c) in count_keys or norm(c) in count_keys]
        if samples and _rows_are_contacts(cols, count_cols, samples):
            return "interactions"
        return "aggregated"
    return "interactions"


_YES_NO = frozenset(
    {"y", "n", "yes", "no", "true", "false", "t", "f", "ja", "nein", "oui", "non", "si", "sí",
     "sì", "sim", "não", "nao", "nee", "x"}
)  # fmt: skip
_PER_CONTACT = ("wait_seconds", "talk_seconds", "hold_seconds", "acw_seconds", "handle_seconds")
_CLOCK = re.compile(r"^\d{1,2}:\d{2}(:\d{2})?(\s*[ap]\.?m\.?)?$", re.IGNORECASE)


def _rows_are_contacts(cols: list[str], count_cols: list[str], samples: Samples) -> bool:
    """Whether the rows of a file without an id column are contacts rather than period counts."""
    seen = {c: [str(v).strip().lower() for v in samples.get(c, []) if str(v).strip()] for c in cols}
    flags = [seen[c] for c in count_cols if seen.get(c)]
    if not flags:
        return False
    if any(
        any(v in _YES_NO for v in vals) and all(v in _YES_NO or v in _ZERO_ONE for v in vals)
        for vals in flags
    ):
        return True  # "Abandoned: Yes/No" (some cells 0/1) is a flag of one call, never a count
    if not all(set(vals) <= _ZERO_ONE for vals in flags):
        return False  # counts above one: period totals
    durations = {header_key(s) for t in _PER_CONTACT for s in INTERACTION_SYNONYMS[t]}
    per_contact = any(header_key(c) in durations for c in cols)
    clock_names = {header_key(n) for n in TIME_PARTS}
    clock = any(
        header_key(c) in clock_names and seen[c] and all(_CLOCK.match(v) for v in seen[c][:50])
        for c in cols
    )
    return per_contact or clock


_NUMBER = re.compile(r"^-?\d+([.,]\d+)?$")
_ZERO_ONE = frozenset({"0", "1", "0.0", "1.0"})


def numeric_duration(col: str, values: Sequence[str]) -> bool:
    """The header announces a duration unit and the values are numbers (or clock durations)."""
    if header_unit(col) is None:
        return False
    vals = [str(v).strip() for v in values if str(v).strip()][:100]
    return bool(vals) and all(_NUMBER.match(v) or _CLOCK.match(v) for v in vals)


#: Field names a report repeats once per queue in a wide layout ("Sales Offered", "Sales ASA").
_GROUP_FIELDS = ("offered", "answered", "abandoned", "asa_seconds", "aht_seconds", "service_level")


def column_groups(columns: Iterable[str]) -> dict[str, list[str]]:
    """A wide report's column groups: prefix -> the columns that hold one summary field under
    it ("Sales Offered", "Sales Answered", "Support Offered", ...). Empty unless at least two
    prefixes each hold at least two such fields (then the file has one column group per queue
    rather than one row per queue)."""
    keys = _group_keys()
    groups: dict[str, list[str]] = {}
    fields: dict[str, set[str]] = {}
    for c in columns:
        words = str(c).split()
        for k in range(1, min(4, len(words))):
            prefix, field = " ".join(words[:-k]), " ".join(words[-k:])
            if header_key(field) in keys and prefix.lower() not in _NOT_GROUPS:
                groups.setdefault(prefix, []).append(str(c))
                fields.setdefault(prefix, set()).add(header_key(field))
                break
    groups = {p: cs for p, cs in groups.items() if len(cs) >= 2}
    # Queues repeat the same fields: prefixes that share fewer than two are no such groups.
    shared = {p for p in groups if any(len(fields[p] & fields[q]) >= 2 for q in groups if q != p)}
    groups = {p: cs for p, cs in groups.items() if p in shared}
    return groups if len(groups) >= 2 else {}


@functools.cache
def _group_keys() -> frozenset[str]:
    """The header keys of the summary fields a column group repeats (worked out once)."""
    return frozenset(header_key(n) for f in _GROUP_FIELDS for n in AGGREGATE_SYNONYMS.get(f, ()))


#: Header prefixes that are no queue: Power BI's and pivot tables' aggregations ("Sum of
#: Offered", "Average of ASA").
_NOT_GROUPS = frozenset(
    {"sum of", "average of", "avg of", "mean of", "median of", "count of", "min of", "max of"}
)
#: Prefixes of a plan-versus-actual report ("Forecast Calls", "Actual Calls"): only the
#: actual figures are contacts.
PLAN_WORDS = frozenset(
    {"forecast", "fcst", "forecasted", "planned", "plan", "required", "scheduled", "budget",
     "target", "expected", "projected"}
)  # fmt: skip
ACTUAL_WORDS = frozenset({"actual", "actuals", "act", "real", "observed"})

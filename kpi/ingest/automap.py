"""Auto-mapping: source columns -> canonical fields, with the evidence for each choice.

Order: a vendor preset when its key columns are all there; then the synonym table
(:mod:`kpi.ingest.headers`), matched on normalised headers (units and decorations removed, the
unit read from the header); values must agree with the field's kind (a timestamp column is never
a duration, a date field needs values that read as dates); then an outcome column recognised
from its values; then durations computed from pairs of timestamps, only through their
difference and only when no column gives the duration (started -> connected: the wait; created
-> first response, created -> solved).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

import pandas as pd

from kpi.ingest.fallbacks import bare_duration
from kpi.ingest.grain import parse_periods
from kpi.ingest.headers import (
    AGGREGATE_SYNONYMS,
    INTERACTION_SYNONYMS,
    header_key,
    header_legend,
    header_unit,
    leaf_names,
    norm,
)
from kpi.ingest.mapping import PRESET_PREFERRED, PRESETS, FieldMap, Mapping, OutcomeRule
from kpi.ingest.outcomes import classify_value, propose_correction, propose_rule
from kpi.ingest.parsers import (
    direction_label,
    likert_words,
    parse_direction,
    parse_duration,
    says_direction,
    written_durations,
)
from kpi.ingest.shape import (
    DATE_PARTS,
    PRESET_KEYS,
    TIME_PARTS,
    Samples,
    detect_source_shape,
    looks_like_timestamps,
    numeric_duration,
)
from kpi.metrics.settings import Settings
from kpi.schema import AGGREGATE_COLUMNS, INTERACTION_COLUMNS, Shape

__all__ = ["Proposal", "auto_map", "detect_source_shape", "propose"]

_INVERSE = {"abandoned": "answered", "answered": "abandoned"}
_FIRST_RESPONSE_AT = (
    "first response at",
    "first responded at",
    "first reply at",
    "first response date",
    "first response time",
    "first reply time",
    "first_response_at",
    "first responded",
    "date responded",
    "responded time",
    "responded at",
    "responded on",
    "responded date",
)

_KINDS = {c.name: c.kind for c in INTERACTION_COLUMNS} | {"updated_at": "datetime"}
_AGG_KINDS = {c.name: c.kind for c in AGGREGATE_COLUMNS}


@dataclass(frozen=True)
class Proposal:
    """An auto-mapping and why: ``evidence`` maps each target to one sentence."""

    mapping: Mapping
    evidence: dict[str, str] = field(default_factory=dict)
    notes: tuple[str, ...] = ()


#: Category stems that, with a duration unit in the header, name a duration ("queue_seconds" is
#: the time in queue, i.e. the wait).
_STEM_DURATION = {
    "queue": "wait_seconds",
    "inqueue": "wait_seconds",
    "queued": "wait_seconds",
    "ivr": "ivr_seconds",
    "hold": "hold_seconds",
    "talk": "talk_seconds",
    "wrap": "acw_seconds",
    "wrapup": "acw_seconds",
    "handle": "handle_seconds",
}


def _stem_duration(col: str, values: Sequence[str]) -> bool:
    """A column named by a category stem that holds durations: numbers under a duration-unit
    header ("queue_seconds", "Queue (min)"), or a stem that names a time ("Wrap Up") with
    durations written out ("0:01:30", "2 mins 5 secs")."""
    if numeric_duration(col, values):
        return True
    return header_key(col) in _STEM_DURATION and written_durations(values)


def _stem_durations(st: _State) -> None:
    """A category stem holding durations (:func:`_stem_duration`) is that category's duration
    (queue -> wait, wrap-up -> after-call work)."""
    if st.shape != "interactions":
        return
    for c in st.cols:
        target = _STEM_DURATION.get(header_key(c))
        if target is None or target in st.done or target not in _KINDS or c in st.used:
            continue
        if _stem_duration(c, st.samples.get(c, [])):
            f = _unit_field(st, target, c)
            st.add(f, f"'{c}' is a duration (unit {f.unit}) of the {header_key(c)}")


class _State:
    """The mapping being built: fields, used source columns and the evidence."""

    def __init__(self, cols: list[str], shape: Shape, samples: Samples) -> None:
        self.cols = cols
        self.shape = shape
        self.samples = samples
        self.fields: list[FieldMap] = []
        self.used: set[str] = set()
        self.evidence: dict[str, str] = {}
        self.notes: list[str] = []

    @property
    def done(self) -> set[str]:
        return {f.target for f in self.fields}

    def add(self, f: FieldMap, why: str) -> None:
        self.fields.append(f)
        if f.transform in ("", "coalesce", "per_answered", "of_offered", "sum"):
            self.used |= set(f.source)
        shown = [s for s in f.source if s in self.samples]
        if shown:
            vals = ", ".join(str(v) for v in list(self.samples[shown[0]])[:3])
            why += f"; sample values: {vals}"
        self.evidence[f.target] = why

    def kind(self, target: str) -> str:
        kinds = _KINDS if self.shape == "interactions" else _AGG_KINDS
        return kinds.get(target, "")

    def fits(self, target: str, col: str) -> bool:
        """Whether the values of ``col`` agree with the kind of ``target`` (no samples: yes)."""
        values = self.samples.get(col)
        if not values:
            return True
        stamps = looks_like_timestamps(values)
        kind = self.kind(target)
        if kind == "duration":
            return not stamps and _durations(target, values)
        if kind == "bool" and any(_CLOCK_OR_RANGE.match(str(v).strip()) for v in values):
            return False  # "Busy" 00:30:00 in an agent status report is a time, not a flag
        if kind in ("bool", "count", "score", "number", "rate"):
            return not stamps
        if kind in ("category", "id") and _stem_duration(col, values):
            return False  # "queue_seconds" beside "queue", "Wrap Up" 0:01:30: a duration
        if (
            target == "channel"
            and sum(any(ch.isdigit() for ch in str(v)) for v in values) > len(values) / 2
        ):
            return False  # a "Source" of phone numbers or addresses: no channel names
        if kind == "datetime":
            # A date column may hold some bad cells (they are quarantined later): a few dates do.
            # Numbers: Excel serial dates or epoch times, never a 0/1 checkbox ("Closed").
            head = [str(v) for v in values[:50]]
            numbers = all(re.fullmatch(r"\d+(\.\d+)?", v) for v in head) and any(
                float(v) >= 10_000 for v in head
            )
            if looks_like_timestamps(values, 0.3) or numbers:
                return True
            # A summary's period labels ("Apr 2024", "2024-W15"); "Jan" with no year is none.
            labels = pd.Series([str(v) for v in values], dtype="string")
            return (
                self.shape == "aggregated"
                and target == "date"
                and (parse_periods(labels) is not None)
            )
        return True

    def stamps_for_value(self, target: str, col: str) -> bool:
        """A flag, count or duration field offered a column of timestamps (Jira's "Resolved"
        holds when the issue was resolved, not a yes/no): never the same field."""
        kind = self.kind(target)
        values = self.samples.get(col)
        if not values or kind not in ("duration", "bool", "count"):
            return False
        return looks_like_timestamps(values)

    def find(self, target: str, names: Iterable[str]) -> tuple[str, str] | None:
        """(column, synonym) of the first synonym that matches an unused column."""
        exact: dict[str, str] = {}
        keyed: dict[str, str] = {}
        counts = self.kind(target) == "count"
        # A flattened JSON export's dotted names also match by their last part where it says
        # enough on its own ("metrics.queueTime"; "queue.name" keeps its parent).
        leaves = leaf_names(self.cols) if any("." in c for c in self.cols) else {}
        for c in self.cols:
            if c not in self.used and not (counts and "%" in c):  # "Abandon %" is no count
                exact.setdefault(norm(c), c)
                keyed.setdefault(header_key(c), c)
        for c, leaf in leaves.items():
            if c not in self.used and " " not in c:
                keyed.setdefault(header_key(leaf), c)
        for n in names:
            hit = exact.get(norm(n)) or keyed.get(header_key(n))
            # A column named as the canonical field is taken at its word (bad cells are then
            # quarantined with a reason); any other name must have values of the right kind.
            if hit is None:
                continue
            if (norm(hit) == norm(target) and not self.stamps_for_value(target, hit)) or self.fits(
                target, hit
            ):
                return hit, n
        return None


def _preset(st: _State) -> str | None:
    normed = {norm(c) for c in st.cols}
    by_norm: dict[str, str] = {}
    for c in st.cols:  # the first column of a name ("Abandon" before "Abandon %")
        if "%" not in c:
            by_norm.setdefault(norm(c), c)
    for name, keys in PRESET_KEYS.items():
        preset = PRESETS[name]
        if preset.shape == st.shape and all(norm(k) in normed for k in keys):
            preferred = PRESET_PREFERRED.get(name, {})
            for f in preset.fields:
                src = tuple(s if s in st.cols else by_norm.get(norm(s), s) for s in f.source)
                better = by_norm.get(norm(preferred.get(f.target, "")))
                if better is not None and (not st.samples or st.samples.get(better)):
                    src = (better,)
                if set(src) <= set(st.cols):
                    st.add(replace(f, source=src), f"the {name} preset names this column")
            return name
    return None


def _unit_field(st: _State, target: str, col: str) -> FieldMap:
    unit = header_unit(col) if st.kind(target) == "duration" else None
    return FieldMap(target, (col,), unit=unit or "auto")


def _synonyms(st: _State) -> None:
    table = INTERACTION_SYNONYMS if st.shape == "interactions" else AGGREGATE_SYNONYMS
    time_target = "start_time" if st.shape == "interactions" else "date"
    for target, names in table.items():
        if target in st.done:
            continue
        if target == time_target and st.shape == "interactions" and _date_time_pair(st):
            continue
        if target == time_target and st.shape == "aggregated" and _date_interval_pair(st):
            continue
        hit = st.find(target, names)
        if hit is None and target == time_target:
            hit = st.find(target, DATE_PARTS)
        if hit is None:
            continue
        col, syn = hit
        f = _unit_field(st, target, col)
        why = f"header '{col}' matches '{syn}'"
        if f.unit != "auto":
            why += f"; unit {f.unit} from the header"
        st.add(f, why)


def _date_time_pair(st: _State) -> bool:
    """A date column and a time-of-day column combined into the start, unless a column of its
    own names the start with a date and a time ("Start" 2025-03-03 09:14:05 beside "Date" and a
    "Time" of durations)."""
    date = st.find("start_time", DATE_PARTS)
    if date is None:
        return False
    whole = st.find("start_time", INTERACTION_SYNONYMS["start_time"])
    if whole is not None and whole[0] != date[0]:
        values = st.samples.get(whole[0], [])
        if looks_like_timestamps(values) and _has_time_of_day(values):
            return False
    st.used.add(date[0])
    time = st.find("wait_seconds", TIME_PARTS)  # a clock column: not a calendar date
    st.used.discard(date[0])
    if time is None or looks_like_timestamps(st.samples.get(time[0], [])):
        return False
    st.add(
        FieldMap("start_time", (date[0], time[0])),
        f"date column '{date[0]}' and time column '{time[0]}' combined",
    )
    return True


#: Header keys of an interval report's time-of-day column ("Interval" = "08:00-08:30").
#: A summary's date column beside its interval column, besides the date parts of a contact log
#: (a contact log's "Report Date" may be the day the report ran: not one of those).
_REPORT_DATES = ("Report Date", "Interval Date", "Business Date", "Stat Date")
_INTERVAL_KEYS = frozenset(
    {"interval", "timeinterval", "halfhour", "intervalstart", "intervalstarttime", "starttime",
     "time", "hour", "quarterhour", "period", "timeofday", "uhrzeit", "zeit", "heure", "hora",
     "intervalle", "intervalo", "intervallo", "fasciaoraria", "ora", "tijd"}
)  # fmt: skip
#: Interval columns labelled by the interval's end ("Interval Ending 08:30").
_INTERVAL_ENDS = frozenset(
    {"intervalending", "intervalend", "intervalendtime", "endinginterval", "periodending",
     "intervalendingtime", "endtime"}
)  # fmt: skip
_INTERVAL_KEYS = _INTERVAL_KEYS | _INTERVAL_ENDS
_CLOCK_OR_RANGE = re.compile(
    r"^\d{1,2}:\d{2}(:\d{2})?(\s*[ap]\.?m\.?)?"
    r"(\s*(-|–|to)\s*\d{1,2}:\d{2}(:\d{2})?(\s*[ap]\.?m\.?)?)?$",
    re.I,
)


_LATER = re.compile(
    r"(solv|resolv|clos|end|finish|complet|updat|modif|due|first|reply|respon|last|"
    r"resol|clot|ferm|cierr|gelost|geschlossen|opgelost|gesloten|connect|attempt|accept|answer)"
)


_CREATED = re.compile(
    r"(creat|crea|erstell|eroffn|aangemaakt|ouvert|opened|submitted|received|recu|start|"
    r"initiat|began|begin|arriv|placed|inicio|debut|beginn|request)"
)


def _only_date(st: _State) -> None:
    """No start column by name: the one unused column of timestamps whose header says created
    (in any of the languages) and names no later event (solved, closed, updated, first
    response...) is the start ("Date de création", "Fecha de alta creada"). A date column with
    another name ("Logged") is left to the user, with the message naming it."""
    if st.shape != "interactions" or "start_time" in st.done:
        return
    stamps = [
        c for c in st.cols if c not in st.used and looks_like_timestamps(st.samples.get(c, []))
    ]
    earliest = [c for c in stamps if not _LATER.search(header_key(c))]
    first = [c for c in earliest if _CREATED.search(header_key(c))]
    if len(first) == 1:
        why = f"'{first[0]}' is the start time: the only column of dates that names no later event"
    elif _only_moment(st, earliest):
        # A call log's one column of date-and-time values (3CX "Call Time"): when each contact
        # has a single moment, it is when the contact started. Dates alone are left to the user.
        first = earliest
        why = f"'{first[0]}' is the start time: the file's only column of dates with times of day"
    else:
        return
    st.add(FieldMap("start_time", (first[0],)), why)
    st.notes.append(why)  # a guess from the header's wording: said in the report


def _date_interval_pair(st: _State) -> bool:
    """A summary's date column and a time-of-day / interval column ("08:00-08:30") -> one
    ``date`` per interval (the grain is then the interval, not the day)."""
    date = st.find("date", (*DATE_PARTS, *_REPORT_DATES))
    if date is None or not looks_like_timestamps(st.samples.get(date[0], [])):
        return False
    for c in st.cols:
        # "0 days 09:00:00": a time of day Arrow read as such (as a duration since midnight).
        vals = [
            str(v).strip().removeprefix("0 days ") for v in st.samples.get(c, []) if str(v).strip()
        ]
        if c == date[0] or c in st.used or header_key(c) not in _INTERVAL_KEYS or not vals:
            continue
        if all(_CLOCK_OR_RANGE.match(v) for v in vals[:200]):
            if header_key(c) in _INTERVAL_ENDS:
                st.add(
                    FieldMap("date", (date[0], c), transform="interval_end"),
                    f"date column '{date[0]}' and interval column '{c}' combined (the "
                    "interval's end: it starts one interval earlier)",
                )
                return True
            st.add(
                FieldMap("date", (date[0], c)),
                f"date column '{date[0]}' and interval column '{c}' combined (interval start)",
            )
            return True
    return False


def _agg_handle_sum(st: _State) -> None:
    """An interval report with average talk (ACD) time and average after-call work but no AHT:
    AHT = talk + hold + ACW per row (averages over the same answered contacts; hold when the
    report has an average of it)."""
    if st.shape != "aggregated" or "aht_seconds" in st.done:
        return
    talk = next(
        (f.source[0] for f in st.fields if f.target == "talk_seconds" and not f.transform), None
    )
    acw_keys = {header_key(n) for n in _AGG_ACW}
    acw = next((c for c in st.cols if c not in st.used and header_key(c) in acw_keys), None)
    if talk is None or acw is None:
        return
    hold_keys = {header_key(n) for n in _AGG_HOLD}
    hold = next((c for c in st.cols if c not in st.used and header_key(c) in hold_keys), None)
    parts = (talk, hold, acw) if hold else (talk, acw)
    st.add(
        FieldMap("aht_seconds", parts, transform="sum"),
        "AHT = " + " + ".join(f"'{c}'" for c in parts)
        + (" (average talk + average hold + average after-call work)" if hold
           else " (average talk + average after-call work)"),
    )  # fmt: skip


#: Header keys of a summary's period totals of hold and after-call work: with a talk total, the
#: handle time's other parts.
_TOTAL_HOLD = frozenset({"totalholdtime", "totalhold", "totalholdduration"})
_TOTAL_ACW = frozenset(
    {"totalacwtime", "totalacw", "totalwrapuptime", "totalwraptime", "totalwrapup",
     "totalaftercallwork", "totalaftercallworktime"}
)  # fmt: skip


#: Header keys of hold and after-call work columns that do not say total ("ACW (hh:mm)"): period
#: totals when their values are too long to be averages.
_HOLD_KEYS = frozenset({"hold", "holdtime", "holdduration", "inboundholdtime", "inboundhold"})
_ACW_KEYS = frozenset(
    {"acw", "acwtime", "wrapup", "wrapuptime", "wrap", "aftercallwork", "wraptime",
     "inboundacwtime", "acwduration"}
)  # fmt: skip


def _too_long_for_averages(st: _State, col: str) -> bool:
    longest = _median_seconds(col, st.samples.get(col, []))
    return longest is not None and longest > _AVERAGE_CEILING


def _agg_handle_totals(st: _State) -> None:
    """A summary with a talk total ("Total Talk Time", read per answered) and totals of hold
    and after-call work but no handle time: AHT = (talk + hold + ACW) / answered."""
    if st.shape != "aggregated" or "aht_seconds" in st.done:
        return
    talk = next(
        (f for f in st.fields if f.target == "talk_seconds" and f.transform == "per_answered"),
        None,
    )
    if talk is None:
        return
    parts = [
        c
        for named, plain in ((_TOTAL_HOLD, _HOLD_KEYS), (_TOTAL_ACW, _ACW_KEYS))
        for c in st.cols
        if c not in st.used
        # beside a talk total, a hold or ACW column that does not say average is a total too
        and (
            header_key(c) in named
            or (
                header_key(c) in plain
                and (_too_long_for_averages(st, c) or not _AVERAGE_WORD.search(c))
            )
        )
    ][:2]
    if not parts:
        return
    source = (talk.source[0], *parts)
    st.add(
        FieldMap("aht_seconds", source, talk.unit, transform="per_answered"),
        "AHT = (" + " + ".join(f"'{c}'" for c in source) + ") / answered (period totals)",
    )


#: Header keys of an agent report's staffed (logged-in) time and of its AUX (not ready) time.
_STAFFED = frozenset(
    {"staffedtime", "staffed", "totalstaffedtime", "loggedintime", "logintime", "totalloggedin",
     "totalloggedintime", "timeloggedin", "signedintime", "loggedin", "signedin"}
)  # fmt: skip
_AUX = frozenset(
    {"auxtime", "totalauxtime", "aux", "notreadytime", "totalnotreadytime", "unavailabletime",
     "notready", "unavailable"}
)  # fmt: skip


#: One column per AUX (not ready) reason: "AUX 1 Break", "AUX 2 Lunch" (Avaya CMS).
_AUX_REASON = re.compile(r"^aux\d+")


def _occupancy_from_time(st: _State) -> None:
    """An agent report with the handle time, the answered count and the staffed (logged-in)
    time, maybe AUX time too (one column, or one per AUX reason), but no occupancy: occupancy
    = handle time / (staffed - AUX), pooled over the available time (an agent with no
    contacts counts). A report's own occupancy stands: its time columns may mean otherwise."""
    answered = "answered" in st.done or {"offered", "abandoned"} <= st.done
    if st.shape != "aggregated" or "occupancy" in st.done or "aht_seconds" not in st.done:
        return

    def times(keys: frozenset[str] | re.Pattern[str]) -> list[str]:  # times, not yes / no
        return [
            c
            for c in st.cols
            if c not in st.used
            and (
                header_key(c) in keys if isinstance(keys, frozenset) else keys.match(header_key(c))
            )
            and st.fits("aht_seconds", c)
        ]

    staffed = next(iter(times(_STAFFED)), None)
    if staffed is None or not answered:
        return
    aux = times(_AUX)[:1] or times(_AUX_REASON)
    minus = "".join(f" - '{c}'" for c in aux)
    st.add(
        FieldMap("occupancy", (staffed, *aux), transform="of_available"),
        f"occupancy = handle time (AHT x answered) / ('{staffed}'{minus})",
    )


#: Period totals of a summary report, by field: their sum over the period's answered contacts
#: ("Total Talk", "Handle Time (hrs)" = 53.89 for a week), divided by the answered count.
_AGG_TOTALS: dict[str, tuple[str, ...]] = {
    "asa_seconds": ("Wait Time", "Total Wait Time", "Total Wait", "Answer Time",
                    "Total Answer Time", "Queue Time", "Total Queue Time", "Speed of Answer Total"),
    "aht_seconds": ("Handle Time", "Total Handle Time", "Total Handle", "Handling Time",
                    "Total Handling Time"),
    "talk_seconds": ("Talk Time", "Total Talk Time", "Total Talk", "ACD Time", "Total ACD Time",
                     "Inbound Talk Time"),
}  # fmt: skip
_AVERAGE_WORD = re.compile(
    r"(^|[^a-z])(avg|average|mean|durchschnitt\w*|moyen\w*|medio|media|gem)([^a-z]|$)|^[ø⌀]",
    re.I,
)
_TOTAL_WORD = re.compile(r"(^|[^a-z])(total|sum|summe|gesamt|totale|tot)([^a-z]|$)", re.I)
#: Above this (in seconds), a summary row's value cannot be an average per contact.
_AVERAGE_CEILING = 3 * 3600.0


def _period_totals(st: _State) -> None:
    """A summary report's duration totals: a header saying so ("Total Talk") or values too
    long for an average per contact (a week's "Handle Time (hrs)" of 53.89) make the field a
    period total, divided by the answered count. A header that could be either, with values
    that could be averages, is left unmapped with a note (never guessed)."""
    if st.shape != "aggregated":
        return
    answered = "answered" in st.done or {"offered", "abandoned"} <= st.done
    for i, f in enumerate(st.fields):  # taken by the synonyms as an average: a total?
        if f.target in _AGG_TOTALS and not f.transform and _says_total(f.source[0]):
            st.fields[i] = replace(f, transform="per_answered")
            st.evidence[f.target] += "; a period total (the header says so), divided by answered"
    _total_beside_average(st, answered)
    staffed = any(header_key(c) in _STAFFED for c in st.cols)
    for target, names in _AGG_TOTALS.items():
        if target in st.done:
            continue
        keys = {header_key(n) for n in names}
        col = next((c for c in st.cols if c not in st.used and header_key(c) in keys), None)
        if col is None or st.stamps_for_value(target, col):
            continue
        longest = _median_seconds(col, st.samples.get(col, []))
        # An agent report gives its times as totals (beside the staffed time they add up to).
        total = (
            _says_total(col)
            or (longest is not None and longest > _AVERAGE_CEILING)
            or (staffed and not _AVERAGE_WORD.search(str(col)))
        )
        if not total and _AVERAGE_WORD.search(str(col)):  # "Average of Handle Time (sec)"
            st.add(_unit_field(st, target, col), f"header '{col}' says it is an average")
            continue
        if not total:
            st.notes.append(
                f"'{col}' is not used: it may be an average or a period total; map it to "
                f"{target} (an average) or with transform per_answered (a total)"
            )
            continue
        if not answered:
            st.notes.append(
                f"'{col}' looks like a period total but the file has no answered count to "
                "divide it by: it is not used"
            )
            continue
        f = replace(_unit_field(st, target, col), transform="per_answered")
        why = "the header says so" if _says_total(col) else "its values are too long for averages"
        st.add(f, f"'{col}' is a period total ({why}), divided by answered")


def _total_beside_average(st: _State, answered: bool) -> None:
    """An average the synonyms took ("Avg Talk") beside a plain column of the same measure
    ("Talk Time"): the plain one is the period total, and it gives the exact figure (the
    average is rounded to the second), divided by answered."""
    for f in list(st.fields):
        if f.target not in _AGG_TOTALS or f.transform or not _AVERAGE_WORD.search(f.source[0]):
            continue
        keys = {header_key(n) for n in _AGG_TOTALS[f.target]}
        col = next(
            (
                c
                for c in st.cols
                if c not in st.used and header_key(c) in keys and not _AVERAGE_WORD.search(c)
            ),
            None,
        )
        if col is None or not answered:
            continue
        st.fields.remove(f)
        st.used.discard(f.source[0])
        st.add(
            replace(_unit_field(st, f.target, col), transform="per_answered"),
            f"'{col}' is the period total beside the average '{f.source[0]}': divided by answered",
        )


#: Elapsed times of a ticket: never negative ("-12h 18m" is time left on an SLA, breached).
_ELAPSED = frozenset({"first_response_seconds", "resolution_seconds"})


def _durations(target: str, values: Sequence[str]) -> bool:
    """A sample that may hold durations: most values have digits (Jira's "Resolution" holds
    "Done", a name, not a time; bad cells among numbers are quarantined later). A ticket's
    elapsed times are never negative ("-12h 18m" is time left on an SLA)."""
    vals = [str(v).strip() for v in values if str(v).strip()][:200]
    if not vals:
        return True
    if sum(not any(ch.isdigit() for ch in v) for v in vals) > 0.2 * len(vals):
        return False
    if target not in _ELAPSED:
        return True
    secs, _, _ = parse_duration(pd.Series(vals, dtype="string"), "s")
    return not bool((secs < 0).any())


def _time_left(st: _State) -> None:
    """Say why a column named as a ticket's elapsed time was not used when it holds negative
    times: Jira Service Management's "Time to first response" is the time left on the SLA."""
    table = INTERACTION_SYNONYMS if st.shape == "interactions" else {}
    for target in sorted(_ELAPSED - st.done):
        keys = {header_key(n) for n in table.get(target, ())}
        for c in st.cols:
            values = st.samples.get(c, [])
            if c in st.used or header_key(c) not in keys or not _durations("", values):
                continue
            if not _durations(target, values):
                st.notes.append(
                    f"'{c}' is not read as {target}: it holds negative times (time left on an "
                    "SLA, not the time taken)"
                )


#: Zendesk's satisfaction words: "good" / "bad" ratings, "offered" / "unoffered" no rating.
_RATING_WORDS = frozenset(
    {"good", "bad", "offered", "unoffered", "thumbs_up", "thumbs_down", "thumbs up", "thumbs down"}
)
_UP_DOWN = frozenset({"good", "bad", "thumbs_up", "thumbs_down", "thumbs up", "thumbs down"})


def _good_bad(st: _State) -> None:
    """A column whose values are Zendesk's satisfaction words (``score``: good, bad, offered)
    is the CSAT, whatever its header (good and bad are read as 5 and 1)."""
    if st.shape != "interactions" or "csat" in st.done:
        return
    for c in st.cols:
        values = {str(v).strip().lower() for v in st.samples.get(c, []) if str(v).strip()}
        if c not in st.used and values & _UP_DOWN and values <= _RATING_WORDS:
            st.add(FieldMap("csat", (c,)), f"'{c}' holds good / bad satisfaction ratings")
            return


#: Survey questions written out as headers (SurveyMonkey, Qualtrics question texts), by field,
#: with the scale their answers must be on.
_QUESTIONS: tuple[tuple[str, re.Pattern[str], float, float], ...] = (
    ("nps", re.compile(
        r"(likely|likelihood|wahrscheinlich|probab|waarschijnlijk).{0,80}"
        r"(recommend|empfehl|recommand|recomend|raccomand|aanbevelen|aanraden)", re.I), 0, 10),
    ("csat", re.compile(
        r"how satisfied|overall satisfaction|satisfied with|satisfied or dissatisfied|"
        r"wie zufrieden|satisfait|satisfecho|soddisfatt|tevreden", re.I), 1, 5),
    ("ces", re.compile(
        r"how easy|easy (was it|it was)|how much effort|effort did|wie einfach|facile|f[aá]cil|"
        r"gemakkelijk", re.I), 1, 7),
)  # fmt: skip
#: Fields that make a file a contact log rather than a survey export.
_CONTACT_FIELDS = frozenset(
    {"wait_seconds", "talk_seconds", "handle_seconds", "queue", "answered", "abandoned"}
)


def _questions(st: _State) -> None:
    """A survey question written out as a header ("How likely is it that you would recommend
    us to a friend?") is its score's column when its answers are numbers on that score's
    scale (0-10, 1-5, 1-7); a "- Group" column of labels beside it is not."""
    if st.shape != "interactions":
        return
    for target, question, low, high in _QUESTIONS:
        if target in st.done:
            continue
        for c in st.cols:
            if c in st.used or not question.search(str(c)):
                continue
            vals = [str(v).strip() for v in st.samples.get(c, []) if str(v).strip()]
            nums = pd.to_numeric(pd.Series(vals, dtype="string"), errors="coerce")
            if vals and nums.notna().all() and nums.between(low, high).all():
                st.add(
                    FieldMap(target, (c,)),
                    f"the question '{c}' is answered on a {low:g}-{high:g} scale",
                )
                break
            if target == "csat" and likert_words(vals):
                st.add(
                    FieldMap(target, (c,)),
                    f"the question '{c}' is answered in words from very satisfied to very "
                    "dissatisfied",
                )
                break


def _answered_by_talk(st: _State, outcome: Mapping | None) -> None:
    """A contact log that says nothing of outcomes (no answered or abandoned column, no outcome
    column, no connected time) but has talk (else handle) times: a contact was answered when it
    has talk time (an agent contact report); counted as handled otherwise, a call of no time
    would lower the AHT. Abandonment stays unknown: a contact without talk may have
    hung up, or been an unanswered outbound dial."""
    if st.shape != "interactions" or outcome is not None or {"answered", "abandoned"} & st.done:
        return

    def timed(target: str) -> FieldMap | None:
        return next(
            (f for f in st.fields if f.target == target and not f.transform and len(f.source) == 1),
            None,
        )

    talk = timed("talk_seconds")
    if talk is None:
        _answered_by_agent(st)  # answered and abandoned, from the agent beside the queue time
        talk = timed("handle_seconds") if "answered" not in st.done else None
    if talk is None:
        return
    why = f"answered where '{talk.source[0]}' is above zero (the file has no outcome column)"
    st.add(FieldMap("answered", talk.source, talk.unit, transform="positive"), why)
    st.notes.append(why)


def _answered_by_agent(st: _State) -> None:
    """A queue log that says nothing of outcomes and has no talk times, but names the agent of
    each contact beside its time in queue (a chat archive: "operator 1 nick", "queue duration"):
    a contact was answered when an agent is named, else it left the queue unanswered."""
    agent = next((f for f in st.fields if f.target == "agent_id"), None)
    if agent is None or "wait_seconds" not in st.done or len(agent.source) != 1:
        return
    col = agent.source[0]
    st.add(
        FieldMap("answered", (col,), transform="present"),
        f"answered where '{col}' names an agent (the file has no outcome column)",
    )
    st.add(
        FieldMap("abandoned", (col,), transform="absent"),
        f"abandoned where '{col}' is empty: the contact waited in the queue and no agent took it",
    )
    st.notes.append(
        f"answered where '{col}' names an agent, abandoned where it is empty (the file has no "
        "outcome column)"
    )


_SCIENTIFIC = re.compile(r"^\d(\.\d+)?e\+\d+$", re.IGNORECASE)


def _rounded_ids(st: _State) -> None:
    """Ids written like "2.40603E+11": Excel showed long numbers in scientific notation and the
    file was saved so, rounding them; contacts then share ids (they are numbered apart). Said
    in the report, with what to do."""
    f = next((f for f in st.fields if f.target == "contact_id"), None)
    values = [str(v).strip() for v in st.samples.get(f.source[0], [])] if f else []
    if f is None or not values or sum(map(bool, map(_SCIENTIFIC.match, values))) < len(values) / 2:
        return
    st.notes.append(
        f"'{f.source[0]}' holds ids in scientific notation ({values[0]}): Excel rounded them "
        "when the file was saved, so different contacts share an id; export the file again "
        "from the source system (or open it in Excel with that column as text)"
    )


def _says_total(col: str) -> bool:
    return bool(_TOTAL_WORD.search(str(col)))


def _median_seconds(col: str, values: Sequence[str]) -> float | None:
    """The median of a column's sample values in seconds (unit from the header, else seconds;
    H:MM:SS read as such); None without numbers."""
    vals = [str(v).strip() for v in values if str(v).strip()][:200]
    if not vals:
        return None
    unit = header_unit(col) or "s"
    secs, bad, _ = parse_duration(pd.Series(vals, dtype="string"), unit, col)
    got = secs[~bad].dropna()
    return float(got.median()) if len(got) else None


#: Abandon rates of a summary report (matched on header keys, which drop "%"); the header or
#: the values must still say it is a rate ("% Verlaten" is, "Verlaten" is a count).
_ABANDON_RATES = (
    "Abandon %", "Abandon Rate", "Abandonment Rate", "Abandoned %", "Abandon Pct", "Aband %",
    "Verlaten", "Verlaten %", "Taux d'abandon", "Abandons %", "Tasa de abandono", "Abandono",
    "Tasso di abbandono", "Abbandono", "Taxa de abandono", "Abbruchquote", "Abbruchrate",
)  # fmt: skip
_RATE_HEADER = re.compile(r"%|percent|pct|rate|taux|tasa|tasso|taxa|quote", re.IGNORECASE)


def _abandon_rate(st: _State) -> None:
    """A summary report with an abandon rate but no abandoned count: abandoned = rate x offered
    (the pooled rate is then the rate weighted by offered, never a mean of the rates)."""
    if st.shape != "aggregated" or "abandoned" in st.done or "offered" not in st.done:
        return
    keys = {header_key(n) for n in _ABANDON_RATES}
    for c in st.cols:
        if c in st.used or header_key(c) not in keys:
            continue
        values = [str(v).strip() for v in st.samples.get(c, []) if str(v).strip()]
        if _RATE_HEADER.search(c) or any(v.endswith("%") for v in values):
            st.add(
                FieldMap("abandoned", (c,), transform="of_offered"),
                f"'{c}' is an abandon rate: abandoned = rate x offered",
            )
            return


#: A summary's average hold per answered contact (a part of its handle time).
_AGG_HOLD = ("Avg Hold Time", "Avg Hold", "Average Hold Time", "Average Hold", "Avg. Hold Time",
             "Hold (AVG)", "Avg Hold Duration")  # fmt: skip
_AGG_ACW = (
    "Avg. wrap-up time",
    "Avg wrap-up time",
    "Avg ACW Time",
    "Avg ACW",
    "Average ACW",
    "ACW (AVG)",
    "Average After Call Work",
    "Avg After Call Work",
    "Avg Wrap",
    "Avg Wrap Time",
    "Average Wrap Up Time",
    "Avg Wrap-up Time",
    "TMPL",  # Italian: tempo medio di post-lavorazione
    "平均後処理時間",
    "평균 후처리 시간",
    "平均话后处理时长",
)


def _outcome(st: _State) -> Mapping | None:
    if st.shape != "interactions":
        return None
    flags = {"answered", "abandoned"} & st.done
    # Answered read from talk time > 0 is no column of flags: wrap-up codes beside it still give
    # the abandoned calls ("Abandon" in a Five9 DISPOSITION).
    given = {f.target for f in st.fields if f.target in flags and f.transform != "positive"}
    if len(flags) < 2:
        for c in st.cols:
            values = st.samples.get(c)
            if not values:
                continue
            got = _column_rule(c, values, needs_name=c in st.used)
            if got is not None and given and got[0].others != "keep" and _codes_only(got[0]):
                continue  # wrap-up codes beside a mapped flag: the correction below instead
            if got is not None:
                rule, why = got
                st.evidence["outcome"] = f"column '{c}': {why}"
                st.used.add(c)
                return Mapping(st.shape, outcome=rule)
    if not flags:
        return None
    flag_sources = {s for f in st.fields if f.target in flags for s in f.source}
    for c in st.cols:  # flags are mapped: an outcome column may still correct some rows
        values = st.samples.get(c) if c not in flag_sources else None
        fixed = propose_correction(c, values) if values else None
        if fixed is not None:
            st.evidence["outcome"] = f"column '{c}': {fixed[1]}"
            return Mapping(st.shape, outcome=fixed[0])
    return None


def _column_rule(
    name: str, values: Sequence[str], *, needs_name: bool
) -> tuple[OutcomeRule, str] | None:
    """:func:`_rule_with_outbound` on a column's values, or on the labels its header's legend
    gives its codes ("outcome (1=answered,2=abandoned)"), the rule then written on the codes."""
    legend = header_legend(name)
    if not legend:
        return _rule_with_outbound(name, values, needs_name=needs_name)
    labels = [legend.get(str(v).strip(), str(v)) for v in values]
    got = _rule_with_outbound(name, labels, needs_name=needs_name)
    if got is None:
        return None
    codes = {label: code for code, label in legend.items()}
    rule = replace(got[0], values=tuple((codes.get(v, v), c) for v, c in got[0].values))
    return rule, f"{got[1]} (codes explained in the header)"


def _direction_by_values(st: _State) -> None:
    """A column of direction words under a name that says nothing ("Type" = incoming /
    outgoing, CloudTalk): the direction, when no column is named as one."""
    if st.shape != "interactions" or "direction" in st.done:
        return
    for c in st.cols:
        values = {str(v).strip().lower() for v in st.samples.get(c, []) if str(v).strip()}
        if c in st.used or not 2 <= len(values) <= 6 or any(len(v) > 20 for v in values):
            continue
        labels = {direction_label(v) for v in values}
        if labels == {"inbound", "outbound"} and all(says_direction(v) for v in values):
            st.add(
                FieldMap("direction", (c,)),
                f"'{c}' holds direction words ({', '.join(sorted(values))})",
            )
            return


def _coded_directions(st: _State) -> None:
    """A direction column of codes whose header explains them ("direction (1=in,2=out)"): the
    codes whose label says outbound are listed with ``equals``, every other one is inbound."""
    f = next((f for f in st.fields if f.target == "direction" and not f.transform), None)
    legend = header_legend(f.source[0]) if f is not None and len(f.source) == 1 else {}
    if f is None or not legend:
        return
    labels = parse_direction(pd.Series(list(legend.values()), dtype="string"))
    out = tuple(code for code, label in zip(legend, labels, strict=True) if label == "outbound")
    if not out:
        return
    st.fields[st.fields.index(f)] = replace(f, transform="equals", values=out)
    st.evidence["direction"] = (
        f"'{f.source[0]}': the header's legend says {', '.join(out)} mean outbound"
    )


def _rule_with_outbound(
    name: str, values: Sequence[str], *, needs_name: bool
) -> tuple[OutcomeRule, str] | None:
    """:func:`propose_rule`, with the outbound words the outcome vocabulary does not know
    ("outgoing": Dialpad's ``category`` incoming / abandoned / voicemail / outgoing) set apart:
    they say the direction, not an outcome, so they neither count for nor against the column
    being an outcome column, and the rule lists them as "ignore" (then
    :func:`_direction_from_outcome` reads them as outbound)."""
    distinct = [v for v in dict.fromkeys(str(v).strip() for v in values) if v]
    if len(distinct) > 44:  # ids, names, times: past propose_rule's 40 values (+ outbound)
        return None
    outbound = [v for v in distinct if classify_value(v) is None and _is_outbound_word(v)]
    got = propose_rule(
        name, [v for v in values if str(v).strip() not in outbound], needs_name=needs_name
    )
    if got is None or not outbound:
        return got
    rule, why = got
    extra = tuple((v, "ignore") for v in outbound)
    why += f" ({', '.join(outbound)}: outbound, not an outcome)"
    return replace(rule, values=rule.values + extra), why


def _is_outbound_word(value: str) -> bool:
    """An outcome-column value that only says "outbound" ("outgoing", "Outbound call")."""
    return bool(_OUTBOUND_VALUE.match(re.sub(r"[^a-z]", "", value.lower())))


def _codes_only(rule: OutcomeRule) -> bool:
    """The rule says "answered" only through agents' wrap-up codes."""
    classes = {c for _, c in rule.values}
    return "wrapup" in classes and "answered" not in classes


_OUTBOUND_VALUE = re.compile(r"^out(bound|going)?$|^outbound")


def _direction_from_outcome(st: _State, outcome: Mapping | None) -> Mapping | None:
    """An outcome column that also says ``outbound`` (Talkdesk's ``Type``: inbound / outbound /
    abandoned / missed / voicemail) is the direction too: outbound rows are handled contacts
    that were never offered to a queue (answered, direction outbound), every other value is an
    inbound attempt."""
    rule = outcome.outcome if outcome is not None else None
    if rule is None or "direction" in st.done:
        return outcome
    out = [v for v, _ in rule.values if _is_outbound_word(v)]
    if not out:
        return outcome
    pairs = tuple((v, "answered" if v in out else c) for v, c in rule.values)
    st.add(
        FieldMap("direction", (rule.source,)),
        f"'{rule.source}' says {', '.join(out)} (outbound: handled, not offered); the other "
        "values are inbound",
    )
    return Mapping(st.shape, outcome=replace(rule, values=pairs))


def _callback_attempts(st: _State, outcome: Mapping | None) -> Mapping | None:
    """In a callback log (its id column names callbacks: "Callback ID"), each row is a call
    back to a customer who asked for one: "No Answer" or "Busy" says the customer was not
    reached on that call, not that a caller gave up in the queue. Such values count in no rate
    (said in the evidence); reached customers stay answered, voicemail stays voicemail."""
    rule = outcome.outcome if outcome is not None else None
    ids = [s for f in st.fields if f.target == "contact_id" for s in f.source]
    if rule is None or not ids or "callback" not in header_key(ids[0]):
        return outcome
    unreached = [v for v, c in rule.values if c in ("abandoned", "blocked")]
    if not unreached:
        return outcome
    pairs = tuple((v, "ignore" if v in unreached else c) for v, c in rule.values)
    why = (
        f"a callback log ('{ids[0]}'): {', '.join(unreached)} in '{rule.source}' mean the "
        "customer was not reached on the callback, counted in no rate (not abandoned in the queue)"
    )
    st.evidence["outcome"] = st.evidence.get("outcome", f"column '{rule.source}'") + f"; {why}"
    st.notes.append(why)
    return Mapping(st.shape, outcome=replace(rule, values=pairs))


#: Header keys of a "joined the queue at" timestamp and of a "connected to an agent at" one
#: (Amazon Connect CTRs: ``Queue.EnqueueTimestamp`` / ``QueueInfo.EnqueueTimestamp`` and
#: ``Agent.ConnectedToAgentTimestamp``; other platforms' "queued at" / "answered at").
_ENQUEUED = frozenset(
    {"queueenqueuetimestamp", "queueinfoenqueuetimestamp", "enqueuetimestamp", "enqueuedat",
     "queuedat", "queuestartedat", "enqueuetime", "queueentrytime", "queuestarttime"}
)  # fmt: skip
#: A messaging session's "accepted by an agent" moment: the session waited for an agent from
#: its start, so a session never accepted was abandoned (Salesforce Messaging "Accept Time").
_ACCEPTED = frozenset(
    {
        "accepttime",
        "acceptedat",
        "accepttimestamp",
        "agentaccepttime",
        "accepteddate",
        "acceptdatetime",
    }
)
_CONNECTED = _ACCEPTED | frozenset(
    {"agentconnectedtoagenttimestamp", "connectedtoagenttimestamp", "connectedtoagentat",
     "agentconnectedat", "answeredat", "answertimestamp", "connectedat", "agentanswertime",
     "dateconnected", "connecteddatetimeutc", "connecteddatetime", "connectedtime",
     "エージェント接続タイムスタンプ", "エージェント接続日時", "応答日時", "接通时间", "接听时间"}
)  # fmt: skip
#: "Assigned to an agent" (Dixa "assigned_at"): the connected moment only beside a queued one
#: (a ticket's "Assigned at" is when a ticket got an owner, not an answer).
_ASSIGNED = frozenset({"assignedat", "assignedtime", "agentassignedat"})
#: Header keys of a "the contact ended at" timestamp (beside the end-time synonyms): Aircall
#: ``ended_at``, Dialpad ``date_ended``.
_ENDED = frozenset(
    {"endedat", "dateended", "callendedat", "hungupat", "disconnectedat", "endtimestamp"}
)  # fmt: skip


_WITHIN = re.compile(
    r"(?:\bwithin|\bin|\bunder|\bbelow|\bless than|<=?)[\s_]*(\d{1,3})[\s_]*"
    r"(?:s|sec|secs|seconds?)?\b\W*$",
    re.IGNORECASE,
)
#: "Service level 60 seconds" (Amazon Connect), "SL (20 sec)": the threshold after the name.
_SL_SECONDS = re.compile(
    r"(?:service[\s_]*level|\bsl\b|taux de service|niveau de service|nivel de servicio|"
    r"n[ií]vel de servi[cç]o|livello di servizio|servicegrad)"
    r"[\s_(%]*(\d{1,3})[\s_]*(?:s|sec|secs|seconds?|sek|seg|secondes?|segundos?|secondi)\b\W*$",
    re.IGNORECASE,
)
_RATE_WORDS = re.compile(r"%|percent|pct|\brate\b|service\s*level|\bsl\b", re.IGNORECASE)


#: Threshold headers that count contacts that were not answered.
_NOT_ANSWERED = re.compile(
    r"abandon|aband|lost|drop|hang|verlo|perdu|abbandon|short", re.IGNORECASE
)


def _sl_threshold(st: _State) -> None:
    """Summary columns that name a service-level threshold ("Answered within 20s", "% within
    30 sec"): a count of contacts answered within it (``answered_within``) or the service
    level itself (``service_level``), and the threshold, said in the notes."""
    if st.shape != "aggregated":
        return
    named = [
        (c, m) for c in st.cols if (m := _WITHIN.search(c.strip()) or _SL_SECONDS.search(c.strip()))
    ]
    # Several thresholds side by side ("Service level 10 / 20 / 60 seconds"): the settings'
    # own first, then the export's order.
    default = Settings().sl_threshold_seconds
    named.sort(key=lambda cm: float(cm[1].group(1)) != default)
    for c, m in named:
        if c in st.used or _NOT_ANSWERED.search(c):
            continue  # "Short Abandons (<5s)" counts abandons, not answers within 5 s
        values = [str(v).strip() for v in st.samples.get(c, []) if str(v).strip()]
        rate = (
            bool(_RATE_WORDS.search(c))
            or any("%" in v for v in values)
            # A fraction ("0.853", "85.3"); a whole number written as "16.0" (a workbook's
            # number cell) is a count.
            or any(re.fullmatch(r"0?\.\d*[1-9]\d*|\d{1,2}\.\d*[1-9]\d*", v) for v in values)
        )
        target = "service_level" if rate else "answered_within"
        if target in st.done:
            continue
        st.add(FieldMap(target, (c,)), f"header '{c}' names a threshold of {m.group(1)} s")
        others = [o for o, _ in named if o != c and o not in st.used]
        st.notes.append(
            f"'{c}': service level with the export's threshold of {m.group(1)} s (the settings' "
            "threshold cannot be re-applied to a summary)"
            + (f"; not used: {', '.join(repr(o) for o in others)}" if others else "")
        )


#: "Abandoned (>5s)": a summary's abandons over a short-abandon threshold.
_ABANDONED_OVER = re.compile(
    r"aband\w*\s*[\(\[]\s*(?:>=?|over|after)\s*(\d{1,3})\s*(?:s|sec|secs|seconds?)?\s*[\)\]]",
    re.IGNORECASE,
)
_SHORT_ABANDONS = frozenset(
    {"shortabandons", "shortabandon", "shortabandoned", "shortabandonedcalls", "shortabandoncalls",
     "shortabands", "shortaband"}
)  # fmt: skip


def _survey_responses(st: _State) -> None:
    """A summary's bare "Responses" beside NPS figures and no CSAT: the NPS responses."""
    if st.shape != "aggregated" or not ({"nps", "nps_promoters"} & st.done):
        return
    if {"csat", "csat_top2", "nps_responses"} & st.done:
        return
    f = next((f for f in st.fields if f.target == "csat_responses"), None)
    if f is None:
        return
    st.fields.remove(f)
    st.add(
        replace(f, target="nps_responses"),
        f"'{f.source[0]}' counts the NPS responses (the file has NPS figures and no CSAT)",
    )


#: Header keys of the contact a contact went on to (Amazon Connect's ``NextContactId``: the
#: callback the customer chose, a transfer).
_NEXT_CONTACT = frozenset({"nextcontactid", "nextcontact", "callbackcontactid"})


def _next_contact(st: _State) -> None:
    """A contact queued, never connected, that went on to a next contact (a queued callback the
    customer asked for) is no abandon: the abandoned rule also needs no next contact."""
    f = next((f for f in st.fields if f.target == "abandoned"), None)
    if f is None or f.transform != "queued_not_answered" or len(f.source) != 2:
        return
    nxt = next((c for c in st.cols if header_key(c) in _NEXT_CONTACT), None)
    if nxt is None:
        return
    st.fields.remove(f)
    st.add(
        replace(f, source=(*f.source, nxt)),
        f"abandoned: '{f.source[0]}' filled (queued), '{f.source[1]}' empty (no agent) and "
        f"'{nxt}' empty (no callback or transfer followed)",
    )
    st.notes.append(
        f"a contact queued and never connected that went on to a next contact ('{nxt}': a "
        "callback the customer chose, a transfer) is not abandoned"
    )


#: Italian summaries' abbreviations: TMA is "tempo medio di attesa" (the wait) beside TMC
#: (talk) and TMPL (after-call work); in Spanish and Portuguese TMA is the handle time.
_ITALIAN_TIMES = {"tmc": "talk_seconds", "tmpl": ""}  # TMPL: the ACW of AHT = TMC + TMPL


def _italian_tma(st: _State) -> None:
    """ "TMA" beside "TMC" / "TMPL" is the Italian wait (ASA), not the handle time."""
    if st.shape != "aggregated":
        return
    italian = {header_key(c): c for c in st.cols if header_key(c) in _ITALIAN_TIMES}
    tma = next((f for f in st.fields if f.target == "aht_seconds" and not f.transform), None)
    if not italian or tma is None or header_key(tma.source[0]) != "tma":
        return
    st.fields.remove(tma)
    if "asa_seconds" not in st.done:
        st.add(
            replace(tma, target="asa_seconds"),
            f"'{tma.source[0]}' is the Italian tempo medio di attesa (beside "
            f"{', '.join(repr(c) for c in italian.values())})",
        )
    for key, col in italian.items():
        target = _ITALIAN_TIMES[key]
        if target and target not in st.done and col not in st.used:
            st.add(FieldMap(target, (col,), header_unit(col) or "auto"), f"'{col}' (Italian)")


def _abandons_over(st: _State) -> None:
    """A summary that splits its abandons at a threshold ("Abandoned (>5s)" beside "Short
    Abandons"): abandoned is their sum, as the abandonment definition counts short abandons
    (unless a setting leaves them out); without the short ones, the longer ones alone, said."""
    if st.shape != "aggregated" or "abandoned" in st.done:
        return
    over = next((c for c in st.cols if c not in st.used and _ABANDONED_OVER.search(c)), None)
    if over is None:
        return
    seconds = _ABANDONED_OVER.search(over).group(1)  # type: ignore[union-attr]
    short = next(
        (c for c in st.cols if c not in st.used and header_key(c) in _SHORT_ABANDONS), None
    )
    if short is None:
        st.add(FieldMap("abandoned", (over,)), f"'{over}' counts abandons over {seconds} s")
        st.notes.append(
            f"'{over}': abandons over {seconds} s only; the file has no count of shorter ones, "
            "so abandonment leaves them out"
        )
        return
    st.add(
        FieldMap("abandoned", (over, short), transform="sum"),
        f"abandoned = '{over}' + '{short}' (abandons over and under {seconds} s)",
    )
    st.notes.append(
        f"abandoned = '{over}' + '{short}': short abandons count, as in the abandonment "
        "definition (the setting that leaves them out needs contact-level waits)"
    )


def _queue_stamps(st: _State) -> None:
    """answered = connected to an agent; abandoned = queued and never connected to one."""
    if st.shape != "interactions":
        return
    keys = {header_key(c): c for c in st.cols}  # a preset may already read the connected one
    queued = next((keys[k] for k in keys if k in _ENQUEUED), None)
    connected = next((keys[k] for k in keys if k in _CONNECTED), None)
    if connected is None and queued is not None:
        connected = next((keys[k] for k in keys if k in _ASSIGNED), None)
    if connected is None:
        return
    if "answered" not in st.done:
        st.add(
            FieldMap("answered", (connected,), transform="present"),
            f"'{connected}' is filled when the contact reached an agent",
        )
    if queued is not None and "abandoned" not in st.done:
        st.add(
            FieldMap("abandoned", (queued, connected), transform="queued_not_answered"),
            f"abandoned: '{queued}' filled (queued) and '{connected}' empty (no agent)",
        )
    elif header_key(connected) in _ACCEPTED and "abandoned" not in st.done:
        st.add(
            FieldMap("abandoned", (connected,), transform="absent"),
            f"abandoned: '{connected}' empty (the session waited from its start, no agent took it)",
        )


def _wait_from_stamps(st: _State) -> None:
    """No wait column: the wait is the time from the start to when an agent connected (Aircall
    ``answered_at`` - ``started_at``, Dialpad ``date_connected`` - ``date_started``). A contact
    never connected waited until it ended (hung up in queue, or sent to voicemail) when the
    file says when contacts ended: without that, an unanswered contact would have no wait and
    would no longer count as queued (abandonment, service level)."""
    if st.shape != "interactions" or "wait_seconds" in st.done:
        return
    start = next((f for f in st.fields if f.target == "start_time"), None)
    if start is None or len(start.source) != 1 or start.transform:
        return
    begun = start.source[0]
    if not _clock_stamps(st.samples.get(begun, [])):
        return  # dates alone: counting from midnight is not a wait
    stamps = [c for c in st.cols if c != begun and _clock_stamps(st.samples.get(c, []))]
    queued = next((c for c in stamps if header_key(c) in _ENQUEUED), None)
    connected = next((c for c in stamps if header_key(c) in _CONNECTED), None)
    if connected is None and queued is not None:
        connected = next((c for c in stamps if header_key(c) in _ASSIGNED), None)
    if connected is None:
        return
    # The wait starts when the contact joined the queue when the file says so (Dixa
    # "queued_at"): from the start it would count the menu or bot time, and a contact that
    # never queued (an e-mail) would look like a queued one.
    begun = queued or begun
    end = next((f.source[0] for f in st.fields if f.target == "end_time" and not f.transform), None)
    ended = end if end in stamps else next((c for c in stamps if header_key(c) in _ENDED), None)
    why = f"wait = '{connected}' - '{begun}' (the file has no wait column)"
    if ended is not None:
        why += f"; a contact never connected waited until '{ended}'"
    source = (begun, connected) + ((ended,) if ended is not None else ())
    st.add(FieldMap("wait_seconds", source, transform="elapsed"), why)


def _clock_stamps(values: Sequence[str]) -> bool:
    """Timestamps with a time of day, or Unix epoch seconds / milliseconds (Aircall)."""
    vals = [str(v).strip() for v in values if str(v).strip()][:200]
    if vals and all(re.fullmatch(r"\d{9,13}(\.0+)?", v) for v in vals):
        return True
    return looks_like_timestamps(vals) and _has_time_of_day(vals)


def _tickets(st: _State) -> None:
    if st.shape != "interactions":
        return
    start = next((f for f in st.fields if f.target == "start_time"), None)
    created = start.source[0] if start is not None and len(start.source) == 1 else None
    end = next((f for f in st.fields if f.target == "end_time"), None)
    solved_names = {header_key(n) for n in INTERACTION_SYNONYMS["solved_time"]}
    if (
        "solved_time" not in st.done
        and end is not None
        and header_key(end.source[0]) in solved_names
    ):
        st.add(
            FieldMap("solved_time", end.source), f"'{end.source[0]}' is when the ticket was solved"
        )
    stamps = [
        c for c in st.cols if c not in st.used and looks_like_timestamps(st.samples.get(c, []))
    ]
    first = next((c for c in stamps if _is_first_response(c)), None)
    dated = created is not None and not _has_time_of_day(st.samples.get(created, []))
    _calendar_first_response(st, first, created if not dated else None)
    if "first_response_seconds" not in st.done and first is not None:
        if created is None or dated:
            why = (
                f"'{created}' holds dates without a time of day (counting from midnight would "
                "add the hours before each ticket was created)"
                if dated
                else "the file has no creation time"
            )
            st.notes.append(
                f"'{first}' holds timestamps, not durations, and {why}: first response time "
                "cannot be computed (map start_time to the creation timestamp to compute it)"
            )
        else:
            st.add(
                FieldMap("first_response_seconds", (created, first), transform="elapsed"),
                f"'{first}' holds timestamps: first response = '{first}' - '{created}'",
            )
    solved = next((f for f in st.fields if f.target == "solved_time"), None)
    given = next((f for f in st.fields if f.target == "resolution_seconds"), None)
    if given is not None and not given.transform and solved is not None and created and not dated:
        # A resolution column of hours or minutes (rounded, or counting working hours only)
        # beside the creation and solved timestamps: the timestamps give it exactly.
        _give_way(st, given, "resolution time", f"'{solved.source[0]}' - '{created}'",
                  "to the second (a helpdesk's own figure may be rounded or count its working "
                  "hours only)")  # fmt: skip
    if "resolution_seconds" not in st.done and solved is not None and created and not dated:
        st.add(
            FieldMap("resolution_seconds", (created, solved.source[0]), transform="elapsed"),
            f"resolution = '{solved.source[0]}' - '{created}'",
        )


def _calendar_first_response(st: _State, first: str | None, created: str | None) -> None:
    """A first-response time mapped from a column of minutes or hours, beside the timestamps of
    creation and of the first response: the timestamps give it instead. A helpdesk's own
    figure often counts the working hours of its SLA calendar only (Zammad's "First Response
    In Min"), where the KPI is the time the customer waited; the report says which was used."""
    mapped = next((f for f in st.fields if f.target == "first_response_seconds"), None)
    if mapped is None or mapped.transform or first is None or created is None:
        return
    _give_way(st, mapped, "first response time", f"'{first}' - '{created}'",
              "as the customer waited (a helpdesk's own figure may count its working hours "
              "only)")  # fmt: skip


def _give_way(st: _State, mapped: FieldMap, what: str, stamps: str, how: str) -> None:
    """A helpdesk's own figure mapped to a field gives way to the timestamps (said)."""
    st.fields.remove(mapped)
    st.used.discard(mapped.source[0])
    st.notes.append(f"'{mapped.source[0]}' is not used for the {what}: {stamps} gives it {how}")


_FIRST_RESPONSE_KEY = re.compile(
    r"^(first|initial)(agent|admin|teammate|staff)?(response|reply|responded|replied|respond)"
    r"(at|time|date|timestamp|datetime|on|sent)?$"
)


def _is_first_response(col: str) -> bool:
    """A header naming when the first response was sent ("First response at", Freshdesk's
    "Initial response time", Intercom's "First admin reply at")."""
    key = header_key(col)
    return key in {header_key(n) for n in _FIRST_RESPONSE_AT} or bool(
        _FIRST_RESPONSE_KEY.match(key)
    )


def _only_moment(st: _State, earliest: list[str]) -> bool:
    """``earliest`` is the file's one column of timestamps (mapped or not), its values carry
    times of day and its header is a name (letters, not itself a date)."""
    every = [c for c in st.cols if looks_like_timestamps(st.samples.get(c, []))]
    if len(every) != 1 or earliest != every:
        return False
    name = str(every[0])
    return (
        bool(re.search(r"[^\W\d_]{3}", name))
        and not looks_like_timestamps([name])
        and _has_time_of_day(st.samples.get(every[0], []))
    )


def _has_time_of_day(values: Sequence[str]) -> bool:
    """Whether timestamps carry a time of day (not only dates, nor every one at midnight)."""
    vals = [str(v).strip() for v in values if str(v).strip()][:200]
    clock = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?")
    for v in vals:
        m = clock.search(v)
        if m is not None and any(int(g) for g in m.groups() if g):
            return True
    return False


def _bare_duration(st: _State) -> None:
    """No talk or handle column by name: a lone "Duration" column is the talk time (not in a
    survey export, where it is how long the survey took)."""
    survey = bool(st.done & {"nps", "csat", "ces"}) and not st.done & _CONTACT_FIELDS
    if st.shape != "interactions" or {"talk_seconds", "handle_seconds"} & st.done or survey:
        return
    col = bare_duration(st.cols, st.used, st.samples)
    if col is not None:
        why = (
            f"'{col}' is the only duration column: the length of the connected contact, read "
            "as talk time (no talk, hold or handle column)"
        )
        st.add(_unit_field(st, "talk_seconds", col), why)
        st.notes.append(why)  # a guess from the absence of other columns: said in the report


#: Header keys of a column naming where a contact was transferred to (blank when it was not).
_TRANSFERRED_TO = frozenset(
    {"transferredto", "transferto", "transferdestination", "transferredtoqueue",
     "transferredtoagent", "transfertarget"}
)  # fmt: skip


def _transfer_target(st: _State) -> None:
    """A column naming where each contact was transferred ("Transferred To" = "Tier 2", blank
    when not): transferred where it is filled."""
    if st.shape != "interactions" or "transferred" in st.done:
        return
    col = next((c for c in st.cols if c not in st.used and header_key(c) in _TRANSFERRED_TO), None)
    names = [str(v).strip() for v in st.samples.get(col or "", []) if str(v).strip()]
    if col is None or not names or not all(any(ch.isalpha() for ch in v) for v in names):
        return  # a count ("Transferred to Agent" 196 in an IVR report) is no destination
    st.add(
        FieldMap("transferred", (col,), transform="present"),
        f"transferred where '{col}' names where the contact went",
    )


_TICKET_ID = re.compile(r"ticket|case|incident|issue")


def _inverse(st: _State) -> None:
    """A yes/no column that says answered also says abandoned (its opposite), and the other way
    round, except in a ticket export (a ticket id or a priority): osTicket's "Answered" says an
    agent has replied, and an unanswered ticket is still open, not abandoned in a queue."""
    if st.shape != "interactions":
        return
    ids = [s for f in st.fields if f.target == "contact_id" for s in f.source]
    tickets = "priority" in st.done or any(_TICKET_ID.search(header_key(s)) for s in ids)
    for target, other in _INVERSE.items():
        if target == "abandoned" and tickets:
            continue
        if target not in st.done and other in st.done:
            of = next(f for f in st.fields if f.target == other)
            if not of.transform and len(of.source) == 1:
                st.add(
                    FieldMap(target, of.source, transform="invert"),
                    f"'{of.source[0]}' says {other}: {target} is its opposite",
                )


def propose(
    columns: Iterable[str], shape: Shape | None = None, samples: Samples | None = None
) -> Proposal:
    """The auto-mapping of ``columns`` (with ``samples``: column -> a few values as text,
    used to check kinds and recognise outcome columns), with the evidence for each choice."""
    cols = [str(c) for c in columns]
    st = _State(cols, shape or detect_source_shape(cols, samples), samples or {})
    preset = _preset(st)
    _sl_threshold(st)
    _synonyms(st)
    _italian_tma(st)
    _abandons_over(st)
    _survey_responses(st)
    _direction_by_values(st)
    _coded_directions(st)
    _rounded_ids(st)
    _period_totals(st)
    _questions(st)
    _stem_durations(st)
    _only_date(st)
    _bare_duration(st)
    _queue_stamps(st)
    _next_contact(st)
    _wait_from_stamps(st)
    _agg_handle_sum(st)
    _agg_handle_totals(st)
    _occupancy_from_time(st)
    _abandon_rate(st)
    outcome = _outcome(st)
    outcome = _direction_from_outcome(st, outcome)
    outcome = _callback_attempts(st, outcome)
    _tickets(st)
    _time_left(st)
    _good_bad(st)
    _answered_by_talk(st, outcome)
    _inverse(st)
    _transfer_target(st)
    table = INTERACTION_SYNONYMS if st.shape == "interactions" else AGGREGATE_SYNONYMS
    order = {name: i for i, name in enumerate(table)}
    fields = sorted(st.fields, key=lambda f: order.get(f.target, 99))
    mapping = Mapping(
        shape=st.shape,
        fields=tuple(fields),
        preset=preset,
        outcome=outcome.outcome if outcome else None,
    )
    return Proposal(mapping, st.evidence, tuple(st.notes))


def auto_map(
    columns: Iterable[str], shape: Shape | None = None, samples: Samples | None = None
) -> Mapping:
    """Map source column names to canonical columns, with no user input (see :func:`propose`).

    A vendor preset is used when its key columns are all present (Amazon Connect, Genesys Cloud,
    Five9, NICE CXone, Talkdesk, Zendesk, the PwC call-centre export); the remaining canonical
    columns are filled from the synonym table, matched on normalised headers. A date column and
    a time column are combined into ``start_time``. A boolean found only in its inverse form
    (``Answered (Y/N)``) gives the other one inverted.
    """
    return propose(columns, shape, samples).mapping

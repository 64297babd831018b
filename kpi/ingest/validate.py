"""Per file: parse every mapped field and give each row its first problem (or none).

A row's reason is the first check it fails, in mapping order; the reasons are a Categorical,
so that checks on a million rows stay cheap.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from kpi._fastpath import executor
from kpi.errors import MappingError, MissingDateColumn
from kpi.ingest import _fastpath as fp
from kpi.ingest import contacts as C
from kpi.ingest import parsers as P
from kpi.ingest import timestamps as T
from kpi.ingest.contacts import TICKET_FIELDS
from kpi.ingest.dates import DateOrderDecision, impossible_in
from kpi.ingest.fields import apply_field, col_def, decide_order
from kpi.ingest.grain import detect_grain, parse_periods, range_starts
from kpi.ingest.headers import header_unit
from kpi.ingest.legs import link_legs, transfers_from_chains
from kpi.ingest.mapping import FieldMap, Mapping
from kpi.ingest.readers import RawTable
from kpi.ingest.zones import convert_row_zones
from kpi.schema import SURVEY_COLUMNS, Shape, out_of_range_masks

__all__ = [
    "ParsedFile",
    "columns_text",
    "date_candidates",
    "first_reason",
    "no_reason",
    "parse_file",
    "range_reasons",
    "shown",
]


@dataclass(eq=False)  # a file is itself: compared by identity, never by its frames
class ParsedFile:
    """One file after mapping: canonical columns, first-problem reason per row, raw frame."""

    raw: RawTable
    mapping: Mapping
    frame: pd.DataFrame
    reason: pd.Series
    notes: list[str]
    warnings: list[str]
    role: str  # "main" or "survey"
    repeated: np.ndarray | None = None  # ids that may occur more than once (``fp.repeated``)
    grain: str | None = None  # aggregated rows: interval, day, week, month, quarter, year
    date_orders: dict[str, DateOrderDecision] = field(default_factory=dict)  # per target


def no_reason(index: pd.Index) -> pd.Series:
    """A reason per row, none yet: a Categorical, so that checks on a million rows are cheap."""
    codes = np.full(len(index), -1, dtype=np.int16)
    cats = pd.Index([], dtype=object)
    return pd.Series(pd.Categorical.from_codes(codes, categories=cats), index=index, copy=False)


def first_reason(reason: pd.Series, mask: pd.Series | np.ndarray, text: str) -> pd.Series:
    """Give ``text`` as the reason of the rows in ``mask`` that have none yet."""
    if not isinstance(reason.dtype, pd.CategoricalDtype):
        reason = reason.astype("category")
    codes = reason.cat.codes.to_numpy()
    take = np.asarray(mask, dtype=bool) & (codes < 0)
    if not take.any():
        return reason
    cats = list(reason.cat.categories)
    if text not in cats:
        cats.append(text)
    new: np.ndarray = codes.astype(np.int8 if len(cats) < 128 else np.int32)  # int8: pandas' own
    new[take] = cats.index(text)
    labels = pd.Index(cats, dtype=object)  # one category dtype, so files can be stacked
    cat = pd.Categorical.from_codes(new, categories=labels, validate=False)
    return pd.Series(cat, index=reason.index, copy=False)


def shown(name: str) -> str:
    """A source column name fit for a one-line message: no line breaks, at most 40 characters."""
    text = " ".join(str(name).split())
    return text if len(text) <= 40 else text[:39] + "…"


def columns_text(cols: Sequence[str]) -> str:
    text = ", ".join(shown(c) for c in cols[:8])
    return text + (f" and {len(cols) - 8} more" if len(cols) > 8 else "")


@dataclass
class _Parsed:
    """One field of one file, parsed: the masks are None when no row is flagged."""

    value: pd.Series
    bad: pd.Series | None  # unparseable cells
    note: str | None
    field: FieldMap  # with the detected unit filled in
    far: pd.Series | None  # timestamps outside 1970-2099
    dups: Any  # contact ids that may repeat (``fp.repeated``)
    order: DateOrderDecision | None = None  # how a text date column's order was decided
    wrong: pd.Series | None = None  # dates impossible in that order (set aside)


def _read_dates(
    f: FieldMap, frame_raw: pd.DataFrame, shape: Shape, timezone: str | None, locale: bool
) -> tuple[pd.Series, pd.Series, str | None, FieldMap, DateOrderDecision | None, pd.Series | None]:
    """A field through :func:`apply_field`, with its date order decided first: values that are
    impossible in a forced order are masked (one column, one order) and flagged."""
    periods, starts = None, None
    if shape == "aggregated" and f.target == "date" and len(f.source) == 1:
        col = frame_raw[f.source[0]]
        periods = parse_periods(col) if P.is_text(col) else None
        starts = range_starts(col) if P.is_text(col) and periods is None else None
    if periods is not None:
        bad_rows = P.filled_mask(frame_raw[f.source[0]]) & periods[0].isna()
        said = f"'{f.source[0]}' read as {periods[1]} periods (first day of each)"
        return periods[0], bad_rows, said, f, None, None
    if starts is not None:  # "09/08/2024 - 09/14/2024": each period from its first date
        frame_raw = frame_raw.assign(**{f.source[0]: starts})
    order = decide_order(f, frame_raw, shape, locale)
    value, bad_rows, note, f2 = apply_field(
        f, frame_raw, shape, timezone, locale_dayfirst=locale, order=order
    )
    if starts is not None:
        said = f"'{f.source[0]}' holds date ranges: each period starts on its first date"
        note = f"{said}; {note}" if note else said
    wrong = None
    if order is not None and order.forces:
        mask = impossible_in(frame_raw[f.source[0]], order.order)
        if mask.any():
            wrong = mask
            value = value.mask(mask)
            first = frame_raw[f.source[0]][mask].iloc[0]
            order = replace(
                order, rejected=int(mask.sum()), rejected_example=str(first).strip()[:10]
            )
    return value, bad_rows, note, f2, order, wrong


def _parse_one(
    f: FieldMap,
    frame_raw: pd.DataFrame,
    shape: Shape,
    timezone: str | None,
    locale: bool,
    early: fp.EarlyRepeats | None = None,
) -> _Parsed:
    """One field of one file, parsed and checked (here, in parallel); ``early``: the contact
    ids' repeats looked for as the file was read."""
    value, bad_rows, note, f2, order, wrong = _read_dates(f, frame_raw, shape, timezone, locale)
    if wrong is not None:
        bad_rows = bad_rows & ~wrong
    bad = bad_rows if bad_rows.any() else None
    far = None
    if pd.api.types.is_datetime64_any_dtype(value.dtype):
        far = T.implausible(value)
        if far.any():  # 1900 zero dates, 2999/9999 "never" markers: not real contacts
            value = value.mask(far)
        else:
            far = None
        # NumPy's cast skips pandas' overflow checks: safe, as years outside 1970-2099
        # were just masked (NaT stays NaT).
        if isinstance(value.dtype, np.dtype):
            ns = value.to_numpy().astype("datetime64[ns]", copy=False)
            value = pd.Series(ns, index=value.index, copy=False)
        else:
            value = value.astype("datetime64[ns]")
    dups = None
    if f.target == "contact_id" and shape == "interactions":
        dups = early.of(value) if early is not None else None
        if dups is None:
            dups = fp.repeated(value)
    return _Parsed(value, bad, note, f2, far, dups, order, wrong)


def _locale_dayfirst(raw: RawTable) -> bool:
    """The reader saw a ';' separator or decimal commas: dates are likely day-first."""
    return "decimal comma" in raw.notes or "delimiter: ';'" in raw.notes


#: Transforms that need other fields parsed first: a period total per answered contact, a
#: count from a rate of the offered count, occupancy from the handle and available time
#: (after the handle time: it may be a period total itself).
_AFTER = ("per_answered", "of_offered", "of_available")


def _per_answered(
    raw: RawTable, fields: list[FieldMap], out: dict[str, pd.Series], reason: pd.Series
) -> tuple[list[FieldMap], list[str], pd.Series]:
    used, notes = [], []
    for f in sorted(fields, key=lambda f: f.transform == "of_available"):
        col = raw.frame[f.source[0]]
        if f.transform == "of_available":
            out[f.target], out["available_seconds"], bad, note = _occupancy(raw, f, out)
            reason = first_reason(reason, bad, f"unparseable {f.target}")
            used.append(f)
            notes.append(note)
            continue
        if f.transform == "of_offered":
            rate, bad, _ = P.parse_rate(col)
            if "offered" not in out:
                raise MappingError(
                    f"'{f.source[0]}' is a rate of the offered contacts, but no column is mapped "
                    "to offered: map the offered count too."
                )
            out[f.target] = (rate * pd.to_numeric(out["offered"], errors="coerce")).round()
            reason = first_reason(reason, bad, f"unparseable {f.target}")
            used.append(f)
            notes.append(
                f"{f.target} = '{f.source[0]}' x offered, rounded to whole contacts (the report "
                "has a rate, not a count)"
            )
            continue
        answered, by = _answered_count(out, f.source[0])
        total, bad, unit = _period_total(raw, f, answered)
        out[f.target] = total / answered.where(answered > 0)
        reason = first_reason(reason, bad, f"unparseable {f.target}")
        used.append(replace(f, unit=unit))
        parts = " + ".join(f"'{s}'" for s in f.source)
        what = "a period total" if len(f.source) == 1 else "period totals, added up"
        notes.append(f"{parts} ({what}, unit {unit}) divided by {by}")
    return used, notes, reason


def _occupancy(
    raw: RawTable, f: FieldMap, out: dict[str, pd.Series]
) -> tuple[pd.Series, pd.Series, pd.Series, str]:
    """Occupancy per row from an agent report's time: handle time (AHT x answered) divided by
    the available time (staffed minus AUX; rows with none have no occupancy); also the
    available seconds themselves (none below zero), the unreadable cells and the note."""
    if "aht_seconds" not in out:
        raise MappingError(
            f"occupancy from '{f.source[0]}' needs the handle time: map aht_seconds too."
        )
    answered, by = _answered_count(out, f.source[0])
    available, bad = _available_time(raw, f)
    handle = pd.to_numeric(out["aht_seconds"], errors="coerce") * answered
    share = handle / available.where(available > 0)
    minus = "".join(f" - '{s}'" for s in f.source[1:])
    note = f"occupancy = handle time (AHT x {by}) / ('{f.source[0]}'{minus})"
    return share, available.clip(lower=0), bad, note


def _available_time(raw: RawTable, f: FieldMap) -> tuple[pd.Series, pd.Series]:
    """An agent report's available seconds (the first column, staffed time, minus the others,
    not-ready time) and its unreadable cells."""
    staffed, bad, _ = P.parse_duration(
        raw.frame[f.source[0]], header_unit(f.source[0]) or "auto", f.source[0]
    )
    available = staffed
    for s in f.source[1:]:
        away, more, _ = P.parse_duration(raw.frame[s], header_unit(s) or "auto", s)
        available, bad = available - away.fillna(0), bad | more
    return available, bad


def _period_total(
    raw: RawTable, f: FieldMap, answered: pd.Series
) -> tuple[pd.Series, pd.Series, str]:
    """The seconds of a period total (the sum of its columns: talk + hold + ACW; a row missing
    one has none), the unreadable cells and the unit. Totals are long by nature: they are
    milliseconds only if the averages per answered contact still look so."""
    # Each column in the unit its own header names (talk in hours, ACW in minutes), else the
    # field's.
    units = [f.unit] if len(f.source) == 1 else [header_unit(s) or f.unit for s in f.source]
    parts = [P.parse_duration(raw.frame[s], u, s) for s, u in zip(f.source, units, strict=True)]
    if f.unit == "auto" and any(unit == "ms" for _, _, unit in parts):
        parts = [P.parse_duration(raw.frame[s], "s", s) for s in f.source]
        total = sum((p[0] for p in parts[1:]), parts[0][0])
        if (total / answered.where(answered > 0)).median() > P.MS_MEDIAN:
            return total / 1000.0, _any_bad(parts), "ms"
        return total, _any_bad(parts), "s"
    total = sum((p[0] for p in parts[1:]), parts[0][0])
    return total, _any_bad(parts), parts[0][2]


def _any_bad(parts: list[tuple[pd.Series, pd.Series, str]]) -> pd.Series:
    bad = parts[0][1]
    for _, more, _ in parts[1:]:
        bad = bad | more
    return bad


#: A threshold in seconds written in a header or a title line ("Service level threshold: 30
#: seconds", "SL (20s)", "answered within 30 sec").
_SECONDS = re.compile(r"(\d{1,3})\s*(?:s|sec|secs|seconds?)\b", re.IGNORECASE)
_SL_WORDS = re.compile(r"service\s*level|\bsl\b|within", re.IGNORECASE)


def _sl_threshold_said(raw: RawTable, mapping: Mapping) -> list[str]:
    """A summary's service level (or count answered within it) whose header names no threshold:
    the threshold a title line states ("Service level threshold: 30 seconds"), else a note that
    the file does not say it. The value is the export's own either way; the settings' threshold
    cannot be re-applied to a summary."""
    f = mapping.get("service_level") or mapping.get("answered_within")
    if f is None or any(_SECONDS.search(c) for c in f.source):
        return []
    for line in raw.title:
        m = _SECONDS.search(line) if _SL_WORDS.search(line) else None
        if m is not None:
            return [
                f"'{f.source[0]}': service level with a threshold of {m.group(1)} s, as the "
                f"title line says ('{line.strip()[:80]}'), not the settings' threshold"
            ]
    return [
        f"'{f.source[0]}': service level with the export's own threshold, which the file does "
        "not state (the settings' threshold cannot be re-applied to a summary)"
    ]


def _answered_count(out: dict[str, pd.Series], source: str) -> tuple[pd.Series, str]:
    """The answered count a period total is divided by: the answered column, else offered -
    abandoned; with how it is said in the import report."""
    if "answered" in out:
        return pd.to_numeric(out["answered"], errors="coerce"), "answered"
    if "offered" in out and "abandoned" in out:
        diff = pd.to_numeric(out["offered"], errors="coerce") - pd.to_numeric(
            out["abandoned"], errors="coerce"
        )
        return diff.clip(lower=0), "answered (offered - abandoned)"
    raise MappingError(
        f"'{source}' is a total divided by answered contacts, but no column is mapped to "
        "answered: map the answered count too."
    )


def parse_file(
    raw: RawTable,
    mapping: Mapping,
    timezone: str | None,
    undated_start: dt.date | str | None,
) -> ParsedFile:
    """Parse every mapped field of one file and give each row its first problem (or none)."""
    shape = mapping.shape
    frame_raw = raw.frame
    time_target = "start_time" if shape == "interactions" else "date"
    reason = no_reason(frame_raw.index)
    notes = list(raw.notes)
    out: dict[str, pd.Series] = {}
    used_fields = []
    repeated: np.ndarray | None = None
    fields = [f for f in mapping.fields if f.transform not in _AFTER]
    locale = _locale_dayfirst(raw)

    def one(f: FieldMap) -> _Parsed:
        return _parse_one(f, frame_raw, shape, timezone, locale, raw.early_repeats)

    # Columns are parsed two at a time: most of the work is in NumPy and Arrow kernels, which
    # release the GIL. Results are taken in mapping order, so reasons keep their precedence.
    orders: dict[str, DateOrderDecision] = {}
    rejections: list[str] = []  # rows set aside by a forced date order: said as warnings
    for f, got in zip(fields, executor().map(one, fields), strict=True):
        used_fields.append(got.field)
        if got.dups is not None:
            repeated = got.dups
        if got.note:
            notes.append(got.note)
        reason = _field_reasons(reason, got, time_target)
        if got.order is not None and got.order.order:
            orders[f.target] = got.order
            if got.order.rejected:
                rejections.append(got.order.rejection())
        out[f.target] = got.value
    later = [f for f in mapping.fields if f.transform in _AFTER]
    more, more_notes, reason = _per_answered(raw, later, out, reason)
    used_fields += more
    notes += more_notes + _flags_and_zones(mapping, raw, out, timezone, used_fields)
    notes += C.fold_case(out) + C.phone_keys(out) + C.no_queue_wait(out)
    notes += C.milliseconds_labelled_seconds(out, used_fields)
    if shape == "interactions":
        notes += link_legs(frame_raw, out) + transfers_from_chains(out)
    role, warnings = _role(raw, mapping, out, undated_start)
    warnings = raw.warnings + rejections + warnings + C.unknown_directions(mapping, raw, out)
    frame = pd.DataFrame(out, index=frame_raw.index, copy=False)
    if role == "main":
        reason = first_reason(
            reason, frame[time_target].isna(), f"missing or unparseable {time_target}"
        )
    reason = _id_reasons(frame, frame_raw, mapping, role, reason)
    reason = range_reasons(frame, shape, _not_contacts(frame, reason, mapping, raw))
    grain = None
    if shape == "aggregated" and role == "main":
        grain = _grain(mapping, frame["date"], notes)
        notes += _sl_threshold_said(raw, mapping)
    return ParsedFile(
        raw=raw,
        mapping=replace(mapping, fields=tuple(used_fields)),
        frame=frame,
        reason=reason,
        notes=notes,
        warnings=warnings,
        role=role,
        repeated=repeated,
        grain=grain,
        date_orders=orders,
    )


def _not_contacts(
    frame: pd.DataFrame, reason: pd.Series, mapping: Mapping, raw: RawTable
) -> pd.Series:
    """Rows that are no customer contact (:func:`contacts.not_contacts`: test calls, internal
    calls and legs, spam) set aside with their reason."""
    for rows, why in C.not_contacts(frame, C.test_calls(mapping, raw), C.merged_tickets(raw)):
        reason = first_reason(reason, rows, why)
    return reason


def _flags_and_zones(
    mapping: Mapping,
    raw: RawTable,
    out: dict[str, pd.Series],
    timezone: str | None,
    used: list[FieldMap],
) -> list[str]:
    """The answered / abandoned flags completed, then each row's time zone applied; the notes.

    Blank answered cells with talk time first, and dials with no talk time: an outcome rule's
    own "counts in no rate" (a value the user set to ignore) then stands."""
    contacts = mapping.shape == "interactions"
    notes = (
        C.answered_by_talk(out) + C.dials_connected(mapping, out) + C.reached_no_agent(mapping, out)
        if contacts
        else []
    )
    notes += C.apply_outcome(mapping, raw, out)
    if contacts:
        sources = {f.target: f.source for f in used}
        notes += convert_row_zones(raw.frame, out, timezone or T.local_zone(), sources)
    return notes


def _field_reasons(reason: pd.Series, got: _Parsed, time_target: str) -> pd.Series:
    """The reasons one parsed field gives its rows: a date impossible in the column's order,
    an unparseable cell, an implausible timestamp (first come, first kept)."""
    target = got.field.target
    if got.wrong is not None and got.order is not None:
        reason = first_reason(reason, got.wrong, got.order.reason())
    if got.bad is not None:
        label = "missing or unparseable" if target == time_target else "unparseable"
        reason = first_reason(reason, got.bad, f"{label} {target}")
    if got.far is not None:
        reason = first_reason(
            reason, got.far, f"implausible {target} (Unix time zero or before, or after 2099)"
        )
    return reason


def _id_reasons(
    frame: pd.DataFrame, frame_raw: pd.DataFrame, mapping: Mapping, role: str, reason: pd.Series
) -> pd.Series:
    """Rows without an id; and, in a contact file with no id column (its rows were numbered),
    rows equal to an earlier one in every column: the same record written twice."""
    if "contact_id" in frame.columns:
        reason = first_reason(reason, frame["contact_id"].isna(), "missing contact_id")
    if role == "main" and mapping.shape == "interactions" and mapping.get("contact_id") is None:
        same = frame_raw.duplicated(keep="first").to_numpy()
        reason = first_reason(reason, same, "duplicate row (identical to an earlier row)")
    return reason


def _grain(mapping: Mapping, dates: pd.Series, notes: list[str]) -> str:
    if mapping.grain != "auto":
        return mapping.grain
    said = next((n for n in notes if " periods (first day of each)" in n), None)
    if said is not None:
        return said.split(" read as ")[1].split(" periods")[0]
    return detect_grain(dates)


def _role(
    raw: RawTable,
    mapping: Mapping,
    out: dict[str, pd.Series],
    undated_start: dt.date | str | None,
) -> tuple[str, list[str]]:
    """ "main" or "survey", numbering undated daily rows or contacts without an id (in ``out``)."""
    shape = mapping.shape
    time_target = "start_time" if shape == "interactions" else "date"
    frame_raw = raw.frame
    n = len(frame_raw)
    targets = set(out)
    warnings: list[str] = []
    role = "main"
    if time_target not in targets:
        if shape == "aggregated" and undated_start is not None:
            first = pd.Timestamp(undated_start).normalize()
            out["date"] = pd.Series(
                first + pd.to_timedelta(np.arange(n), unit="D"), index=frame_raw.index
            ).astype("datetime64[ns]")
            warnings.append(
                f"'{raw.source}' has no date column: its {n:,} rows were taken as consecutive days "
                f"from {first:%Y-%m-%d} (file order)"
            )
        elif (
            "contact_id" in targets
            and targets & set(SURVEY_COLUMNS)
            and shape == "interactions"
            and not targets & TICKET_FIELDS
        ):
            role = "survey"
        else:
            raise _missing_date(raw, shape)
    if role == "main" and shape == "interactions" and "contact_id" not in out:
        stem = Path(raw.source).stem
        out["contact_id"] = pd.Series(
            [f"{stem}:{i + 1}" for i in range(n)], index=frame_raw.index, dtype="string"
        )
        warnings.append(
            f"'{raw.source}' has no contact id column: rows were numbered as ids; only rows "
            "identical to an earlier row in every column can be told apart as duplicates"
        )
    return role, warnings


def _missing_date(raw: RawTable, shape: Shape) -> MissingDateColumn:
    cols = [str(c) for c in raw.frame.columns]
    target = "start_time" if shape == "interactions" else "date"
    candidates = date_candidates(raw.frame)
    if candidates:
        first = candidates[0]
        return MissingDateColumn(
            f"'{raw.source}' has no date column the importer recognises: '{first}' looks like "
            f"dates — map it to {target} ({_PLAIN_TARGET[target]})"
            + (f" (other candidates: {', '.join(candidates[1:4])})" if len(candidates) > 1 else "")
            + ".",
            file=raw.source,
            target=target,
            candidates=tuple(candidates),
        )
    if shape == "aggregated":
        return MissingDateColumn(
            f"'{raw.source}' has no date column (its columns: {columns_text(cols)}): add "
            "a date column, or give the date of the first row so that the rows are read as "
            "consecutive days.",
            file=raw.source,
            target=target,
        )
    return MissingDateColumn(
        f"'{raw.source}' has no date or time column (its columns: {columns_text(cols)}): "
        "add one, or map a column to start_time (contacts) or date (daily rows).",
        file=raw.source,
        target=target,
    )


_PLAIN_TARGET = {"start_time": "the start time", "date": "the date of each row"}


def date_candidates(frame: pd.DataFrame) -> list[str]:
    """Columns whose first values mostly read as dates or period labels, best first."""
    scored = []
    for c in frame.columns:
        sample = frame[c].dropna().head(50)
        if sample.empty or pd.api.types.is_bool_dtype(sample.dtype):
            continue
        if pd.api.types.is_datetime64_any_dtype(sample.dtype):
            scored.append((1.0, str(c)))
            continue
        if not P.is_text(sample):
            continue
        text = sample.astype("string")
        ok = text.str.match(_DATE_LIKE).mean()
        if ok < 0.8 and parse_periods(text) is not None and not text.str.fullmatch(r"\d+").all():
            ok = 0.9
        if ok >= 0.8:
            scored.append((float(ok), str(c)))
    return [c for _, c in sorted(scored, key=lambda t: -t[0])]


_DATE_LIKE = (
    r"^\s*(\d{4}[/.\-]\d{1,2}[/.\-]\d{1,2}|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|"
    r"[A-Za-z]{3,9}\.? \d{1,2},? \d{4}|\d{1,2} [A-Za-z]{3,9}\.? \d{4})"
)


def range_reasons(frame: pd.DataFrame, shape: Shape, reason: pd.Series) -> pd.Series:
    flags = out_of_range_masks(frame, shape)  # columns with a value out of range only
    for name, bad in flags.items():
        if not bad.any():
            continue
        c = col_def(name, shape)
        if c.kind == "score":
            lo, hi = int(c.minimum or 0), int(c.maximum or 0)
            text = f"{name} outside its {lo}-{hi} scale"
        elif c.kind == "rate":
            text = f"{name} outside 0-1"
        elif c.kind == "duration":
            text = f"negative {name}"
        else:
            text = f"negative {name}"
        values = pd.to_numeric(frame[name], errors="coerce")
        inf = bad & np.isinf(values.to_numpy(dtype="float64", na_value=np.nan))
        reason = first_reason(reason, inf, f"infinite {name}")
        reason = first_reason(reason, bad, text)
    return reason

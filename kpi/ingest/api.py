"""Import real exports: any platform's CSV/Excel/Parquet/JSON lines, mapped and validated.

``read_files`` reads one or more files (paths, or ``(filename, bytes)`` uploads), maps their
columns onto the canonical tables of :mod:`kpi.schema` (vendor presets, then the synonym table of
``KPI_REFERENCE.md``), parses timestamps, durations and booleans, validates every row and returns
an :class:`ImportResult`: the :class:`~kpi.dataset.Dataset` plus an :class:`ImportReport` in
which every row read is either kept or quarantined with its reason
(``rows_read == rows_kept + rows_quarantined``).

Several files at once: contact files (or daily files) are appended; a survey file (contact ids
and scores, no dates) is joined onto the contacts by ``contact_id``. Duplicate contact ids
(Amazon Connect delivers at least once) keep the latest record (by last-updated time, else end
time, else file order); the older ones are quarantined.

User errors raise :class:`~kpi.errors.DataError` or :class:`~kpi.errors.MappingError` with one
sentence saying what is wrong and what to do.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd

from kpi.errors import DataError, KpiLabError, MappingError, MissingDateColumn, NoDataRows
from kpi.ingest.automap import Proposal, auto_map, detect_source_shape, propose
from kpi.ingest.combine import combine
from kpi.ingest.fields import col_def
from kpi.ingest.headers import norm
from kpi.ingest.mapping import (
    PRESETS,
    UNITS,
    FieldMap,
    Mapping,
    load_mapping,
    mapping_targets,
    save_mapping,
)
from kpi.ingest.readers import (
    ARROW_BOOL_WORDS,
    RawTable,
    Source,
    check_size,
    list_sheets,
    read_raw,
    to_source,
)
from kpi.ingest.report import ImportReport, ImportResult
from kpi.ingest.shape import looks_like_timestamps
from kpi.ingest.validate import (
    TICKET_FIELDS,
    ParsedFile,
    columns_text,
    date_candidates,
    parse_file,
)
from kpi.ingest.wide import (
    date_from_title,
    date_parts,
    day_figures,
    measure_rows,
    segment_from_names,
    transposed,
    unpivot_groups,
)
from kpi.schema import SURVEY_COLUMNS, Shape

__all__ = [
    "MAX_BYTES",
    "PRESETS",
    "UNITS",
    "FieldMap",
    "ImportReport",
    "ImportResult",
    "Mapping",
    "MissingDateColumn",
    "MissingTimestampError",
    "Proposal",
    "auto_map",
    "detect_source_shape",
    "list_sheets",
    "load_mapping",
    "mapping_from_table",
    "mapping_table",
    "mapping_targets",
    "propose",
    "propose_mapping",
    "read_files",
    "safe_csv",
    "save_mapping",
]

#: Default import limit per file (the Data page passes Streamlit's upload limit).
MAX_BYTES = 1_000_000_000

Progress = Callable[[float, str], None]

#: The older name of :class:`~kpi.errors.MissingDateColumn` (kept for callers that catch it).
MissingTimestampError = MissingDateColumn


def force_text(
    mapping: Mapping | None, shape: Shape | None, *, key: bool = True
) -> Callable[[list[str], dict[str, list[str]]], dict[str, str]]:
    """Columns to read as text: ids and categories (leading zeros), and durations with colons
    (Arrow would read "02:30" as a time of day, 2.5 hours, where an export means 2 min 30 s).

    How each mapped column is read: ids and category labels as plain text ("text"; the contact
    id as "key", whose repeats are looked for at once, see ``EarlyRepeats``, unless ``key`` is
    False), yes/no
    flags whose sample holds only yes/no words as Arrow booleans ("bool"), other flags,
    directions and labels compared with a value dictionary-encoded ("dict": each distinct value
    is then parsed once, see ``_apply_by_category``).
    """

    def pick(names: list[str], samples: dict[str, list[str]]) -> dict[str, str]:
        m = mapping.restricted_to(names) if mapping is not None else auto_map(names, shape, samples)
        out: dict[str, str] = {}
        for f in m.fields:
            reads, overrides = _read_as(f, col_def(f.target, m.shape).kind, samples)
            if overrides:
                out.update(reads)
            else:
                for c, how in reads.items():
                    out.setdefault(c, how)
        for c in names:  # other yes/no columns stay as written (not read as booleans)
            if c not in out and _yes_no_words(samples.get(c, [])):
                out[c] = "text"
        ids = m.get("contact_id") if key and m.shape == "interactions" else None
        if ids is not None and len(ids.source) == 1 and out.get(ids.source[0]) == "text":
            out[ids.source[0]] = "key"  # its repeats are looked for as soon as it is read
        return out

    return pick


def _yes_no_words(values: list[str]) -> bool:
    """The sample's non-empty cells are all yes/no words Arrow can read as booleans."""
    filled = [v for v in values if v != ""]
    return bool(filled) and all(v in ARROW_BOOL_WORDS for v in filled)


def _read_as(f: FieldMap, kind: str, samples: dict[str, list[str]]) -> tuple[dict[str, str], bool]:
    """How to read the source columns of one mapped field (column -> "text" | "bool" | "dict"),
    and whether that overrides what an earlier field asked for the same column."""
    if kind == "id" or (f.target == "date" and len(f.source) == 2):
        # Ids keep their leading zeros; a summary's date + interval pair stays text (Arrow would
        # read "09:00" as a time of day, and the pair is then no longer seen as one).
        return dict.fromkeys(f.source, "text"), True
    if kind == "bool" and f.transform in ("", "invert"):
        # Yes/no words Arrow can read as booleans itself (a cell outside the list later in
        # the file makes the reader fall back to "dict").
        return {c: "bool" if _yes_no_words(samples.get(c, [])) else "dict" for c in f.source}, False
    if kind == "category" and f.transform == "" and f.target != "direction":
        # Labels kept as written (trimmed): plain text reads fastest and needs no decoding at
        # the end.
        return dict.fromkeys(f.source, "text"), False
    if kind == "category" and f.transform == "" or f.transform == "equals":
        return dict.fromkeys(f.source, "dict"), False
    if kind == "duration" and any(":" in v for c in f.source for v in samples.get(c, [])):
        return dict.fromkeys(f.source, "text"), True
    return {}, False


def read_files(
    sources: Sequence[str | Path | tuple[str, bytes]] | str | Path | tuple[str, bytes],
    mapping: Mapping | None = None,
    *,
    sheet: str | None = None,
    shape: Shape | None = None,
    timezone: str | None = None,
    max_bytes: int = MAX_BYTES,
    undated_start: dt.date | str | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Read, map and validate export files into a canonical dataset.

    Parameters
    ----------
    sources : paths, or ``(filename, bytes)`` pairs from an upload (one or several).
    mapping : the column mapping to use (default: :func:`auto_map` per file).
    sheet : Excel sheet to read (default: the first sheet with data).
    shape : force "interactions" (one row per contact) or "aggregated" (one row per day).
    timezone : IANA zone that timestamps with a UTC offset (``Z``, ``+02:00``) are converted to
        (default: this machine's zone). Naive timestamps are taken as local time as they are.
    max_bytes : size limit per file (DataError above it).
    undated_start : for a daily file with no date column, the date of the first row; rows are
        then numbered as consecutive days (a documented fallback, off by default).
    progress : called with (fraction 0-1, message) as the import advances.

    Returns
    -------
    ImportResult
        ``.dataset`` (canonical frame, see :mod:`kpi.schema`), ``.report`` (:class:`ImportReport`)
        and ``.mapping``.

    Raises
    ------
    DataError : a file is empty, unreadable, too large, has no timestamp column, or no row is usable.
    MappingError : the mapping names columns the files do not have.
    """

    def tell(frac: float, msg: str) -> None:
        if progress is not None:
            progress(min(max(frac, 0.0), 1.0), msg)

    if isinstance(sources, str | Path | tuple):
        sources = [sources]  # type: ignore[list-item]
    items = list(sources)  # type: ignore[arg-type]
    if not items:
        raise DataError("No file was given: choose one or more export files (CSV, Excel, Parquet).")
    srcs = [to_source(s) for s in items]
    for s in srcs:
        check_size(s, max_bytes)
    from_upload = all(s.data is not None for s in srcs)
    if mapping is not None and shape is not None and mapping.shape != shape:
        mapping = replace(mapping, shape=shape)

    raws, all_columns = _read_all(srcs, mapping, shape, sheet, tell)
    _check_sources(mapping, all_columns, srcs)
    if mapping is None:  # a mapping names the columns as the file has them
        raws = segment_from_names(
            [
                unpivot_groups(
                    date_parts(measure_rows(transposed(day_figures(date_from_title(r)))))
                )
                for r in raws
            ]
        )
    parsed, proposals = _parse_all(raws, mapping, shape, (timezone, undated_start), tell)
    tell(0.75, "Combining files")
    got = merge_proposals(proposals) if len(proposals) == len(raws) else None
    own = (got[0], got[1]) if got is not None else (None, {})
    return combine(parsed, srcs, from_upload, all_columns, tell, own)


def _parse_all(
    raws: list[RawTable],
    mapping: Mapping | None,
    shape: Shape | None,
    when: tuple[str | None, dt.date | str | None],
    tell: Progress,
) -> tuple[list[ParsedFile], list[tuple[str, Proposal]]]:
    """Each file mapped (given, else auto-mapped: one mapping per layout) and parsed; the
    auto-mapping's proposals with their evidence. ``when``: the time zone and undated start."""
    maps = [_mapping_for(raw, mapping, shape, alone=len(raws) == 1) for raw in raws]
    if mapping is None:
        maps = _same_layout_same_rule(raws, maps)
    parsed: list[ParsedFile] = []
    proposals: list[tuple[str, Proposal]] = []
    undated: list[tuple[RawTable, MissingDateColumn]] = []
    for i, (raw, (m, proposal)) in enumerate(zip(raws, maps, strict=True)):
        tell(0.6 + 0.15 * i / len(raws), f"Mapping and checking {raw.source}")
        try:
            got = parse_file(raw, m, when[0], when[1])
        except MissingDateColumn as err:  # beside other files: no contacts (an agent list)
            if len(raws) == 1:
                raise
            undated.append((raw, err))
            continue
        if proposal is not None:
            proposals.append((raw.source, proposal))
        parsed.append(got)
    if not parsed:
        raise undated[0][1]
    parsed[0].warnings.extend(
        f"'{raw.source}' has no date or time column, so its {len(raw.frame):,} rows are not "
        "contacts placed in time (an agent list, a reference table?): it was left out; import it "
        "on its own to map a date column"
        for raw, _ in undated
    )
    return parsed, proposals


def _same_layout_same_rule(
    raws: list[RawTable], maps: list[tuple[Mapping, Proposal | None]]
) -> list[tuple[Mapping, Proposal | None]]:
    """Files with the same columns (one report downloaded day by day) read with one mapping: a
    file whose own values could not show its outcome column (a day when every call was
    answered) takes the mapping of a file of the same layout whose values did, and says so."""
    ruled: dict[tuple[str, ...], tuple[str, Mapping]] = {}
    for raw, (m, _) in zip(raws, maps, strict=True):
        key = tuple(str(c) for c in raw.frame.columns)
        if m.outcome is not None and key not in ruled:
            ruled[key] = (raw.source, m)
    if not ruled:
        return maps
    out = []
    for raw, (m, proposal) in zip(raws, maps, strict=True):
        got = ruled.get(tuple(str(c) for c in raw.frame.columns))
        if got is None or m.outcome is not None or m.shape != got[1].shape:
            out.append((m, proposal))
            continue
        raw.notes.append(
            f"read with the mapping of '{got[0]}' (the same columns), whose values show what "
            f"'{got[1].outcome.source if got[1].outcome else ''}' means"
        )
        out.append((got[1], proposal))
    return out


def _mapping_for(
    raw: RawTable, mapping: Mapping | None, shape: Shape | None, *, alone: bool
) -> tuple[Mapping, Proposal | None]:
    """The mapping one file is read with, and the auto-mapping's proposal (its evidence; None
    when a given mapping leaves nothing to propose)."""
    if mapping is not None:
        m = mapping.restricted_to([str(c) for c in raw.frame.columns])
        try:
            return m, propose_for(raw, shape)
        except KpiLabError:  # the evidence only: the mapping is given
            return m, None
    proposal = propose_for(raw, shape)
    if alone:
        proposal = _lone_survey(raw, proposal)
    if shape is None:
        _refuse_non_contacts(raw, proposal.mapping)
    raw.notes.extend(proposal.notes)
    return proposal.mapping, proposal


#: Column names of an agent status (presence) report: time in each state, not contacts.
_PRESENCE = frozenset(
    {"loggedin", "logintime", "loggedintime", "onqueue", "offqueue", "available",
     "availabletime", "break", "meal", "meeting", "training", "away", "notready",
     "notreadytime", "idle", "idletime", "interacting", "notresponding", "staffedtime", "aux",
     "auxtime", "acwtime", "ringtime", "onbreak", "lunch"}
)  # fmt: skip


def _refuse_non_contacts(raw: RawTable, m: Mapping) -> None:
    """An auto-mapping that found nothing of a contact in a file with no id and dates without a
    time of day (an IVR report whose volume column was not recognised; an agent status report,
    whose "Idle" is the day's idle time, not one contact's): counting its rows as contacts
    would be a silent misread, so the import stops and says what to map."""
    start = m.get("start_time")
    if m.shape != "interactions" or m.get("contact_id") is not None or start is None:
        return
    if len(start.source) != 1 or norm(start.source[0]) == "starttime":
        return  # a date and a time, or a column the file itself calls the start time
    presence = [str(c) for c in raw.frame.columns if norm(str(c)) in _PRESENCE]
    if len(presence) < 4 and any(
        col_def(f.target, m.shape).kind not in ("category", "datetime") for f in m.fields
    ):
        return
    values = pd.Series(samples_of(raw.frame).get(start.source[0], []), dtype="string")
    try:
        days = pd.to_datetime(values, errors="coerce", format="mixed").dropna()
    except (ValueError, TypeError):  # mixed time zones and the like: times of day, then
        return
    if days.empty or not bool((days == days.dt.normalize()).all()):
        return
    cols = [str(c) for c in raw.frame.columns]
    raise DataError(
        f"'{raw.source}' holds no contacts the importer can see (no contact id, dates without a "
        f"time of day, no column of one contact such as a wait or talk time; its columns: "
        f"{columns_text(cols)}): if it is a summary report, map its volume column to offered "
        "or answered in a mapping file."
    )


#: Headers of a survey's answer moment ("Response Date", "Submitted At", "RecordedDate").
_ANSWERED_AT = re.compile(r"respon|submit|record|complet|answer|survey|date|time", re.IGNORECASE)


def _lone_survey(raw: RawTable, proposal: Proposal) -> Proposal:
    """A survey export imported on its own (ids and scores; no start time by name, as it would
    otherwise join the contacts of another file by id): when its responses are dated, the
    moment of each answer is its start time, and the scores are read per day of answer."""
    m = proposal.mapping
    targets = {f.target for f in m.fields}
    if (
        m.shape != "interactions"
        or "start_time" in targets
        or not targets & set(SURVEY_COLUMNS)
        or targets & TICKET_FIELDS
    ):
        return proposal
    used = m.sources()
    samples = samples_of(raw.frame)
    stamps = [
        str(c)
        for c in raw.frame.columns
        if str(c) not in used and looks_like_timestamps(samples.get(str(c), []))
    ]
    named = [c for c in stamps if _ANSWERED_AT.search(c)]
    if len(named) != 1:
        return proposal
    why = (
        f"a survey export read on its own: '{named[0]}' (when each answer was given) is the "
        "start time"
    )
    fields = (*m.fields, FieldMap("start_time", (named[0],)))
    return replace(
        proposal,
        mapping=replace(m, fields=fields),
        evidence={**proposal.evidence, "start_time": why},
        notes=(*proposal.notes, why),
    )


def _read_all(
    srcs: list[Source],
    mapping: Mapping | None,
    shape: Shape | None,
    sheet: str | None,
    tell: Progress,
) -> tuple[list[RawTable], list[str]]:
    raws: list[RawTable] = []
    all_columns: list[str] = []
    empty: list[NoDataRows] = []
    for i, src in enumerate(srcs):
        tell(0.6 * i / len(srcs), f"Reading {src.name}")
        try:
            raw = read_raw(src, sheet=sheet, force_text=force_text(mapping, shape))
        except NoDataRows as err:  # a day with no contacts among other files: left out, said
            if len(srcs) == 1:
                raise
            empty.append(err)
            continue
        all_columns += [str(c) for c in raw.frame.columns if str(c) not in all_columns]
        raws.append(raw)
    if not raws:
        raise empty[0]
    raws[0].warnings += [f"{err} It was left out." for err in empty]
    return raws, all_columns


def _check_sources(mapping: Mapping | None, all_columns: list[str], srcs: list[Source]) -> None:
    if mapping is None:
        return
    found = set(all_columns)
    missing = [s for s in sorted(mapping.sources()) if s not in found]
    if missing:
        raise MappingError(
            f"The mapping uses column '{missing[0]}', which is not in "
            f"{', '.join(repr(s.name) for s in srcs)} (columns: {columns_text(all_columns)}): "
            "pick a column from the file or remove that line from the mapping."
        )


def samples_of(frame: pd.DataFrame, n: int = 500) -> dict[str, list[str]]:
    """A few distinct filled values per column, as text (what the auto-mapping looks at)."""
    head = frame.head(n).astype(object)  # one conversion, not one per column
    out = {}
    for c in head.columns:
        s = head[c].dropna()
        values = [str(v).strip() for v in pd.unique(s.to_numpy())]
        out[str(c)] = [v for v in values if v][:60]
    return out


def propose_for(raw: RawTable, shape: Shape | None = None) -> Proposal:
    """The auto-mapping of one file read by :func:`read_raw`, with its evidence."""
    return propose([str(c) for c in raw.frame.columns], shape, samples_of(raw.frame))


def propose_mapping(
    sources: Sequence[str | Path | tuple[str, bytes]],
    *,
    shape: Shape | None = None,
    sheet: str | None = None,
) -> tuple[Mapping, dict[str, str], tuple[str, ...]]:
    """The auto-mapping of the files (the first file's choice per target wins), the evidence
    per target and the notes: what ``kpi map`` writes."""
    proposals = []
    for item in sources:
        src = to_source(item)
        # ``key=False``: only the mapping is wanted, not the ids' repeats
        raw = read_raw(src, sheet=sheet, force_text=force_text(None, shape, key=False))
        proposal = propose_for(raw, shape)
        proposals.append((src.name, _with_date_hint(raw, proposal)))
    got = merge_proposals(proposals)
    if got is None:
        raise DataError("No file was given: name one or more export files.")
    return got


def _with_date_hint(raw: RawTable, proposal: Proposal) -> Proposal:
    """The proposal, with a note when it found no date column: the columns that look like dates
    and the line to add (``kpi map`` writes the mapping the user then edits)."""
    m = proposal.mapping
    target = "start_time" if m.shape == "interactions" else "date"
    if m.get(target) is not None:
        return proposal
    candidates = date_candidates(raw.frame)
    if candidates:
        hint = (
            f"no {target} column found; {', '.join(repr(c) for c in candidates[:3])} look like "
            f'dates: add "{target}": "{candidates[0]}" to the fields'
        )
    else:
        hint = f"no {target} column found, and no column looks like dates"
    return replace(proposal, notes=(*proposal.notes, hint))


def merge_proposals(
    proposals: Sequence[tuple[str, Proposal]],
) -> tuple[Mapping, dict[str, str], tuple[str, ...]] | None:
    """The files' auto-mappings as one (the first file's choice per target wins), the evidence
    per target ("file: why") and the notes; None when there is no file."""
    fields: dict[str, FieldMap] = {}
    evidence: dict[str, str] = {}
    notes: list[str] = []
    first: Mapping | None = None
    for name, p in proposals:
        first = first or p.mapping
        if p.mapping.shape != first.shape:
            continue
        for f in p.mapping.fields:
            if f.target not in fields:
                fields[f.target] = f
                evidence[f.target] = f"{name}: {p.evidence.get(f.target, '')}"
        if "outcome" in p.evidence and "outcome" not in evidence:
            evidence["outcome"] = f"{name}: {p.evidence['outcome']}"
            first = replace(first, outcome=first.outcome or p.mapping.outcome)
        notes += [f"{name}: {n}" for n in p.notes]
    if first is None:
        return None
    return replace(first, fields=tuple(fields.values())), evidence, tuple(notes)


# --- helpers for the mapping editor and downloads ---------------------------------------------


def mapping_table(mapping: Mapping) -> pd.DataFrame:
    """The mapping as an editable table: one row per canonical column.

    Columns: ``column`` (canonical name), ``source`` (source column, "" when unmapped; date and
    time pairs joined with " + "), ``unit``, ``rule`` (transform) and ``meaning``.
    """
    rows = []
    for target in mapping_targets(mapping.shape):
        f = mapping.get(target)
        meaning = col_def(target, mapping.shape).meaning
        rows.append(
            {
                "column": target,
                "source": " + ".join(f.source) if f else "",
                "unit": f.unit if f else "auto",
                "rule": (f.transform + (":" + "|".join(f.values) if f.values else "")) if f else "",
                "meaning": meaning,
            }
        )
    return pd.DataFrame(rows)


def mapping_from_table(table: pd.DataFrame, shape: Shape, preset: str | None = None) -> Mapping:
    """Build a :class:`Mapping` back from an edited :func:`mapping_table` (MappingError if invalid)."""
    data: dict[str, Any] = {"shape": shape, "preset": preset, "fields": {}}
    for row in table.to_dict("records"):
        src = str(row.get("source") or "").strip()
        if not src or src.lower() in ("nan", "<na>", "none"):
            continue
        parts = [s.strip() for s in src.split(" + ")]
        rule = str(row.get("rule") or "").strip()
        transform, _, values = rule.partition(":")
        spec: dict[str, Any] = {"source": parts if len(parts) > 1 else parts[0]}
        unit = str(row.get("unit") or "auto").strip() or "auto"
        if unit != "auto":
            spec["unit"] = unit
        if transform:
            spec["transform"] = transform
        if values:
            spec["values"] = values.split("|")
        data["fields"][str(row["column"])] = spec
    return Mapping.from_dict(data)


def safe_csv(frame: pd.DataFrame) -> bytes:
    """CSV bytes with spreadsheet formulas neutralised by the product's one guard
    (:func:`kpi.report.safe.safe_frame`: cells and names starting ``= + - @``, a tab or a
    carriage return get a leading ')."""
    from kpi.report.safe import safe_frame  # the report package is heavy: loaded when needed

    return safe_frame(frame).to_csv(index=False).encode("utf-8")

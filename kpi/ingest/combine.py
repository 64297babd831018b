"""Several parsed files -> one dataset: stack -> dedupe -> join surveys -> quarantine."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd
import pyarrow as pa
from pandas.api.types import union_categoricals

from kpi._fastpath import executor
from kpi.dataset import Dataset
from kpi.errors import DataError, MissingDateColumn
from kpi.ingest import _fastpath as fp
from kpi.ingest import parsers as P
from kpi.ingest.contacts import CALL_FIELDS, TICKET_ONLY
from kpi.ingest.dates import DateOrderDecision
from kpi.ingest.mapping import FieldMap, Mapping
from kpi.ingest.readers import Source
from kpi.ingest.report import ImportReport, ImportResult
from kpi.ingest.surveys import join_survey, responses_beside_log
from kpi.ingest.validate import ParsedFile, first_reason
from kpi.metrics.sql import priority_of
from kpi.schema import AGGREGATE_COLUMNS, INTERACTION_COLUMNS, Shape
from kpi.segment import SEGMENT_COLUMNS

__all__ = ["combine", "date_orders", "dedupe"]

Progress = Callable[[float, str], None]


def combine(
    parsed: list[ParsedFile],
    srcs: list[Source],
    from_upload: bool,
    all_columns: list[str],
    tell: Progress,
    proposal: tuple[Mapping | None, dict[str, str]] = (None, {}),
) -> ImportResult:
    """The files' parsed rows as one dataset; ``proposal`` is the importer's own mapping of the
    files and its evidence (kept on the result for the mapping editor).

    Stages: :func:`_stack` the main files -> :func:`_dedupe_stage` (duplicates, then ids made
    unique) -> :func:`_join_surveys` -> quarantine (:func:`_quarantined`) and the kept rows ->
    warnings on kept values (:func:`_value_warnings`) -> :func:`_report`.
    """
    parsed, beside = responses_beside_log(parsed)
    main, surveys, shape = _roles(parsed)
    notes = list(dict.fromkeys(f"{p.raw.source}: {n}" for p in parsed for n in p.notes))
    notes += beside
    warnings = [w for p in parsed for w in p.warnings]
    notes += _padded_ids(main)
    warnings += _mixed_files(main)
    frame, reason, starts = _stack(main)
    frame, reason, duplicates, renumbered = _dedupe_stage(frame, reason, main, shape, warnings)
    frame, joined, survey_quarantine = _join_surveys(frame, reason, surveys, notes)

    tell(0.85, "Validating")
    kept_mask = reason.isna().to_numpy()
    rows_read = sum(len(p.raw.frame) + len(p.raw.skipped) for p in parsed)
    if not kept_mask.any():
        raise _nothing_kept(frame, reason, main)
    qparts = _quarantined(main, parsed, reason, kept_mask, starts)
    # The raw and parsed frames are not needed any more: let them go (1M rows: peak memory
    # about 60 MB lower, and Arrow memory after the import 104 MB instead of 249 MB). After
    # this, ``frame`` alone holds the parsed columns, so the kept rows can be moved to the
    # front of each NumPy column in place (no new memory: on a virtual machine a fresh
    # million-row column costs more in page faults than the copy itself).
    for p in parsed:
        p.raw.frame = fp.emptied(p.raw.frame)
        p.raw.early_repeats = None  # it holds the ids as read
        p.frame = fp.emptied(p.frame)
    if kept_mask.all():  # nothing quarantined (the common case): no copy of a million rows
        kept = frame.reset_index(drop=True)
    else:
        columns = {str(c): frame[c] for c in frame.columns}
        del frame  # the columns are handed over: fp.rows lets each go once it is filtered
        kept = fp.rows(columns, kept_mask, in_place=True)
    kept, derived = _value_warnings(kept, shape, warnings)

    qparts += survey_quarantine
    quarantine = (
        pd.concat([q.astype(object) for q in qparts], ignore_index=True)
        if qparts
        else pd.DataFrame({"file": pd.Series(dtype="string"), "reason": pd.Series(dtype="string")})
    )
    counts = _Counts(rows_read, len(kept) + joined, len(quarantine), joined, duplicates, renumbered)
    dataset_frame = canonical(kept, shape)
    report, combined = _report(
        dataset_frame, shape, parsed, counts, quarantine, (warnings, notes), derived
    )
    names = report.files
    label = ", ".join(names) if len(names) <= 3 else f"{names[0]} and {len(names) - 1} more files"
    dataset = Dataset(
        name=label,
        frame=dataset_frame,
        shape=shape,
        source="upload" if from_upload else "file",
        report=report,
        grain=report.grain,
    )
    tell(1.0, "Done")
    return ImportResult(
        dataset=dataset,
        report=report,
        mapping=combined,
        columns=tuple(all_columns),
        proposal=proposal[0],
        evidence=dict(proposal[1]),
    )


@dataclass(frozen=True)
class _Counts:
    """Row accounting of one import."""

    read: int
    kept: int
    quarantined: int
    joined: int
    duplicates: int
    renumbered: int


def _roles(parsed: list[ParsedFile]) -> tuple[list[ParsedFile], list[ParsedFile], Shape]:
    """(main files, survey files, their one shape); a clear error for what cannot combine."""
    main = [p for p in parsed if p.role == "main"]
    surveys = [p for p in parsed if p.role == "survey"]
    if not main:
        which = ", ".join(f"'{p.raw.source}'" for p in surveys)
        raise MissingDateColumn(
            f"{which} looks like a survey file (contact ids and scores, no dates): import it "
            "together with the contacts file it belongs to."
        )
    shapes = {p.mapping.shape for p in main}
    if len(shapes) > 1:
        contacts = ", ".join(p.raw.source for p in main if p.mapping.shape == "interactions")
        daily = ", ".join(p.raw.source for p in main if p.mapping.shape == "aggregated")
        raise DataError(
            f"Cannot combine contact-level files ({contacts}) with daily summary files ({daily}): "
            "import them separately."
        )
    return main, surveys, main[0].mapping.shape


def _mixed_files(main: list[ParsedFile]) -> list[str]:
    """Warnings on contact files of different kinds stacked together: call logs beside ticket
    exports (contacts count both), and files without the channel the others give (a view by
    channel leaves their contacts out)."""
    if len(main) < 2 or main[0].mapping.shape != "interactions":
        return []
    targets = {p.raw.source: {f.target for f in p.mapping.fields} for p in main}
    tickets = [n for n, t in targets.items() if t & TICKET_ONLY and not t & CALL_FIELDS]
    calls = [n for n, t in targets.items() if t & CALL_FIELDS and not t & TICKET_ONLY]
    out = []
    if tickets and calls:
        out.append(
            f"this import mixes call logs ({', '.join(calls)}) and ticket exports "
            f"({', '.join(tickets)}): contacts, and every KPI over all contacts, count both; "
            "filter by channel or import them separately to see each"
        )
    with_channel = [n for n, t in targets.items() if "channel" in t]
    if with_channel:
        for p in main:
            if "channel" not in targets[p.raw.source]:
                out.append(
                    f"'{p.raw.source}' has no channel column: its {len(p.frame):,} contacts have "
                    f"no channel (unlike those of {', '.join(repr(n) for n in with_channel)}), so "
                    "a view by channel leaves them out"
                )
    return out


def _padded_ids(main: list[ParsedFile]) -> list[str]:
    """Contact ids a spreadsheet turned into numbers (``00481350`` saved as 481350) beside files
    that write them as digits with leading zeros, all of one width: padded back to that width,
    so that the same contact in two files is found twice. The notes say which files."""
    if len(main) < 2 or main[0].mapping.shape != "interactions":
        return []
    numeric, widths = [], set()
    for p in main:
        f = p.mapping.get("contact_id")
        if f is None or len(f.source) != 1 or f.source[0] not in p.raw.frame.columns:
            continue
        if pd.api.types.is_numeric_dtype(p.raw.frame[f.source[0]].dtype):
            numeric.append(p)
            continue
        ids = p.frame["contact_id"].dropna().astype("string")
        if len(ids) and ids.str.fullmatch(r"\d+").all() and ids.str.startswith("0").any():
            widths |= set(ids.str.len().unique().tolist())
    if not numeric or len(widths) != 1:
        return []
    width = int(widths.pop())
    others = (
        pd.concat(
            [
                q.frame[["contact_id", "start_time"]]
                for q in main
                if q not in numeric and "start_time" in q.frame.columns
            ]  # fmt: skip
        )
        .dropna(subset=["contact_id"])
        .drop_duplicates("contact_id")
    )
    notes = []
    for p in numeric:
        ids = p.frame["contact_id"].astype("string")
        fits = ids.str.fullmatch(r"\d+").fillna(True) & ids.str.len().fillna(0).le(width)
        if not fits.all() or not _same_contacts(ids.str.zfill(width), p.frame, others):
            continue
        p.frame = p.frame.assign(contact_id=ids.str.zfill(width))
        notes.append(
            f"{p.raw.source}: its contact ids are numbers (a spreadsheet dropped their leading "
            f"zeros): padded to {width} digits, as the other files write them"
        )
    return notes


def _same_contacts(padded: pd.Series, frame: pd.DataFrame, others: pd.DataFrame) -> bool:
    """Whether padded ids that the other files have name the same contacts there (the same
    start time, to the minute) -- else they are another system's own numbers."""
    if "start_time" not in frame.columns or others.empty:
        return False
    there = others.set_index("contact_id")["start_time"]
    found = padded.isin(there.index).fillna(False).to_numpy(dtype=bool)
    if not found.any():
        return False
    mine = frame["start_time"].to_numpy()[found]
    theirs = there.reindex(padded[found]).to_numpy()
    same = np.abs(mine - theirs) <= np.timedelta64(60, "s")
    return bool(same.mean() >= 0.8)


def _stack(main: list[ParsedFile]) -> tuple[pd.DataFrame, pd.Series, np.ndarray]:
    """The main files' rows and reasons stacked, and where each file starts: row i of the stack
    is row i - starts[k] of file k, k = the last start <= i."""
    frames = [p.frame.reset_index(drop=True) for p in main]
    reasons = [p.reason.reset_index(drop=True) for p in main]
    starts = np.cumsum([0] + [len(p.frame) for p in main])
    frame = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    reason = (
        pd.Series(union_categoricals([r.array for r in reasons]), copy=False)
        if len(reasons) > 1
        else reasons[0]
    )
    return frame, reason, starts


def _shared_periods(
    frame: pd.DataFrame, reason: pd.Series, main: list[ParsedFile], keys: list[str], n: int
) -> str:
    """The warning on summary rows that share a date and segment: the column not mapped that
    tells them apart ("Cost Centre": map it as a segment), else overlapping exports."""
    said = f"{n:,} rows share a date (and segment) with another row: kept all (added up)"
    c = _telling_column(frame, reason, main, keys)
    if c is not None:
        return (
            f"{said}; they differ by '{c}', which is not mapped: map it to queue or team to see "
            "it as a segment"
        )
    return f"{said}; check for overlapping exports"


def _telling_column(
    frame: pd.DataFrame, reason: pd.Series, main: list[ParsedFile], keys: list[str]
) -> str | None:
    """A text column no field maps that tells apart the kept rows sharing ``keys`` (a "Site"
    or "Cost Centre" the mapping left out), else None."""
    used = {s for p in main for f in p.mapping.fields for s in f.source}
    raw = pd.concat([p.raw.frame for p in main], ignore_index=True)
    if len(raw) != len(frame):
        return None
    ok = reason.isna().to_numpy()
    for c in raw.columns:
        if str(c) in used or pd.api.types.is_numeric_dtype(raw[c].dtype):
            continue
        both = frame.loc[ok, keys].assign(_by=raw.loc[ok, c].astype("string").to_numpy())
        if not both.duplicated(keep=False).any():
            return str(c)
    return None


def _fuller_rows(
    frame: pd.DataFrame, reason: pd.Series, main: list[ParsedFile], keys: list[str]
) -> tuple[pd.Series, int]:
    """Summary rows of one period and segment in two files (a day downloaded again later, the
    first download partial): the row with more contacts is kept, the others are set aside with
    their reason. Rows of one file, and rows an unmapped column tells apart, are all kept."""
    count = next((c for c in ("offered", "answered") if c in frame.columns), None)
    if len(main) < 2 or count is None or _telling_column(frame, reason, main, keys) is not None:
        return reason, 0
    ok = reason.isna().to_numpy()
    file_of = np.repeat(np.arange(len(main)), [len(p.frame) for p in main])
    rows = (
        frame.loc[ok, keys]
        .astype("string")
        .assign(
            _file=file_of[ok], _n=pd.to_numeric(frame.loc[ok, count], errors="coerce").to_numpy()
        )
    )
    group = rows.groupby(keys, dropna=False)
    across = (group["_file"].transform("nunique") > 1) & (
        group["_file"].transform("size") == group["_file"].transform("nunique")
    )
    if not across.any():
        return reason, 0
    pick = rows[across].sort_values(["_n", "_file"], na_position="first")
    older = pick.duplicated(keys, keep="last")
    drop = np.zeros(len(frame), dtype=bool)
    drop[np.flatnonzero(ok)[rows.index.get_indexer(pick.index[older.to_numpy()])]] = True
    n = int(drop.sum())
    if n:
        reason = first_reason(
            reason,
            drop,
            "the same period and segment in another file with more contacts (a later "
            "download of a partial period): the fuller row kept",
        )
    return reason, n


def _copies_across_files(
    frame: pd.DataFrame, reason: pd.Series, main: list[ParsedFile]
) -> tuple[pd.Series, int]:
    """Summary rows repeated in a later file, the same in every column (monthly exports that
    overlap by a day): the later copies are quarantined, counted once. Rows alike within one
    file stay (two lines of one report are two lines)."""
    if len(main) < 2:
        return reason, 0
    ok = reason.isna().to_numpy()
    file_of = np.repeat(np.arange(len(main)), [len(p.frame) for p in main])
    rows = frame.loc[ok].astype("string")
    first_file = (
        rows.assign(_file=file_of[ok])
        .groupby(list(rows.columns), dropna=False)["_file"]
        .transform("min")
    )
    later = np.zeros(len(frame), dtype=bool)
    later[np.flatnonzero(ok)] = (first_file.to_numpy() < file_of[ok]) & rows.duplicated().to_numpy()
    n = int(later.sum())
    if n:
        reason = first_reason(
            reason, later, "the same row in an earlier file (overlapping exports): counted once"
        )
    return reason, n


def _dedupe_stage(
    frame: pd.DataFrame,
    reason: pd.Series,
    main: list[ParsedFile],
    shape: Shape,
    warnings: list[str],
) -> tuple[pd.DataFrame, pd.Series, int, int]:
    """Contacts: older duplicates quarantined and repeating ids made unique -> (frame, reason,
    duplicates, ids renumbered). Daily rows are all kept, with a warning when they overlap."""
    if shape != "interactions":
        reason, copies = _copies_across_files(frame, reason, main)
        keys = ["date", *[c for c in SEGMENT_COLUMNS if c in frame.columns]]
        reason, fuller = _fuller_rows(frame, reason, main, keys)
        copies += fuller
        dup = frame.loc[reason.isna(), keys].duplicated(keep=False)
        if dup.any():
            warnings.append(_shared_periods(frame, reason, main, keys, int(dup.sum())))
        return frame, reason, copies, 0
    one = main[0].repeated if len(main) == 1 else None
    frame, reason, duplicates = dedupe(frame, reason, one)
    frame, renumbered = unique_ids(frame, reason, one)
    if renumbered:
        warnings.append(
            f"the contact id repeats across different start times on {renumbered:,} rows: it "
            "is not a unique key (ids that restart, e.g. every day), so every row was kept and "
            "those ids were made unique by adding the start date (id@YYYY-MM-DD)"
        )
    return frame, reason, duplicates, renumbered


def _join_surveys(
    frame: pd.DataFrame, reason: pd.Series, surveys: list[ParsedFile], notes: list[str]
) -> tuple[pd.DataFrame, int, list[pd.DataFrame]]:
    """Survey files joined onto kept contacts -> (frame, rows joined, their quarantine parts);
    how their ids were matched is added to ``notes``."""
    joined = 0
    quarantine: list[pd.DataFrame] = []
    for p in surveys:
        frame, n_joined, q, how = join_survey(frame, reason, p)
        joined += n_joined
        if q is not None:
            quarantine.append(q)
        if how is not None:
            notes.append(f"{p.raw.source}: survey ids matched to the contacts' ids {how}")
    return frame, joined, quarantine


def _nothing_kept(frame: pd.DataFrame, reason: pd.Series, main: list[ParsedFile]) -> DataError:
    """The error when every row was quarantined, with the first reason."""
    gone = reason.dropna()
    skipped = [s for p in main for s in p.raw.skipped]
    # Rows the parser set aside (ragged lines) count too: "all 0 rows" would hide them.
    n = len(frame) + len(skipped)
    if len(gone):
        first = gone.iloc[0]
    elif skipped:
        first = skipped[0].split(": ", 1)[0]
    else:  # pragma: no cover - an empty file is refused by the reader
        first = "no usable rows"
    rows = f"all {n:,} rows were" if n != 1 else "its only row was"
    return DataError(
        f"No row of {', '.join(repr(p.raw.source) for p in main)} could be used: {rows} "
        f"quarantined (first reason: {first}). Check the date format or the mapping."
    )


def _quarantined(
    main: list[ParsedFile],
    parsed: list[ParsedFile],
    reason: pd.Series,
    kept_mask: np.ndarray,
    starts: np.ndarray,
) -> list[pd.DataFrame]:
    """Quarantine parts: original columns + file + reason (few rows, picked by position), then
    the lines the reader skipped."""
    qparts = []
    bad_positions = np.flatnonzero(~kept_mask)
    for k, p in enumerate(main):
        sel = bad_positions[(bad_positions >= starts[k]) & (bad_positions < starts[k + 1])]
        if len(sel):
            part = p.raw.as_written(fp.pick(p.raw.frame, sel - starts[k]))
            part.insert(0, "file", p.raw.source)
            part["reason"] = reason.iloc[sel].astype("string").to_numpy()
            qparts.append(part)
    for p in parsed:
        if p.raw.skipped:
            qparts.append(
                pd.DataFrame(
                    {
                        "file": p.raw.source,
                        "raw_line": [s.split(": ", 1)[-1] for s in p.raw.skipped],
                        "reason": [s.split(": ", 1)[0] for s in p.raw.skipped],
                    }
                )
            )
    return qparts


def _value_warnings(
    kept: pd.DataFrame, shape: Shape, warnings: list[str]
) -> tuple[pd.DataFrame, bool]:
    """Warnings on kept values (kept all the same); daily rows get a derived answered count
    when they need one -> (kept, whether answered was derived)."""
    cols_def = INTERACTION_COLUMNS if shape == "interactions" else AGGREGATE_COLUMNS
    for c in cols_def:
        if c.warn_above is not None and c.name in kept.columns:
            values = kept[c.name].to_numpy(dtype="float64", na_value=np.nan)
            over = int(np.count_nonzero(values > c.warn_above))
            if over:
                hours = c.warn_above / 3600
                warnings.append(
                    f"{over:,} contacts have {c.name} over {hours:g} hours (kept; check them)"
                )
    if shape == "interactions" and {"start_time", "end_time"} <= set(kept.columns):
        # NaT compares False: a missing end never counts.
        back = np.count_nonzero(kept["end_time"].to_numpy() < kept["start_time"].to_numpy())
        if back:
            warnings.append(f"{back:,} contacts end before they start (kept; check the timezone)")
    if shape == "interactions" and "priority" in kept.columns:
        warnings += _unknown_priorities(kept["priority"])
    if shape != "aggregated":
        return kept, False
    kept, derived = _derived_answered(kept, warnings)
    if {"offered", "answered", "abandoned"} <= set(kept.columns):
        gap = int((kept["offered"] > kept["answered"] + kept["abandoned"]).sum())
        if gap:
            warnings.append(
                f"offered exceeds answered + abandoned on {gap:,} rows (a third outcome such "
                "as flow-outs or callbacks): the abandonment denominator is a choice"
            )
    return kept, derived


def _unknown_priorities(priority: pd.Series) -> list[str]:
    """A warning naming the priorities no SLA rule knows (they take the normal targets)."""
    labels = priority.dropna().astype("string").str.strip()
    unknown = [v for v in labels.unique()[:500] if v and priority_of(str(v)) is None]
    if not unknown:
        return []
    n = int(labels.isin(unknown).sum())
    shown = ", ".join(f"'{v}'" for v in unknown[:5]) + (", ..." if len(unknown) > 5 else "")
    return [
        f"{n:,} contacts have a priority the SLA targets do not know ({shown}): they take the "
        "normal priority's targets"
    ]


def _report(
    frame: pd.DataFrame,
    shape: Shape,
    parsed: list[ParsedFile],
    counts: _Counts,
    quarantine: pd.DataFrame,
    said: tuple[list[str], list[str]],
    derived: bool,
) -> tuple[ImportReport, Mapping]:
    """The import report of the canonical ``frame`` (``said``: its warnings and notes), and the
    files' combined mapping."""
    warnings, notes = said
    main = [p for p in parsed if p.role == "main"]
    surveys = [p for p in parsed if p.role == "survey"]
    combined = merge_mappings([p.mapping for p in main] + [p.mapping for p in surveys])
    fill = fill_rates(frame, combined)
    if derived:
        fill.loc[fill["column"] == "answered", "source"] = "(derived: offered - abandoned)"
    report = ImportReport(
        rows_read=counts.read,
        rows_kept=counts.kept,
        rows_quarantined=counts.quarantined,
        quarantine=quarantine,
        warnings=tuple(warnings),
        mapping=combined.to_dict(),
        shape=shape,
        files=tuple(p.raw.source for p in parsed),
        fill_rates=fill,
        rows_joined=counts.joined,
        duplicates=counts.duplicates,
        notes=tuple(notes),
        grain=_combined_grain(main) if shape == "aggregated" else None,
        ids_renumbered=counts.renumbered,
        date_orders=date_orders(parsed),
    )
    if counts.read != counts.kept + counts.quarantined:  # pragma: no cover - an importer bug
        raise AssertionError(
            f"row accounting broken: {counts.read} != {counts.kept} + {counts.quarantined}"
        )
    return report, combined


def date_orders(parsed: list[ParsedFile]) -> dict[str, DateOrderDecision]:
    """Per date field, the first file's decision, with the rows set aside summed over files."""
    out: dict[str, DateOrderDecision] = {}
    for p in parsed:
        for target, d in p.date_orders.items():
            had = out.get(target)
            if had is None:
                out[target] = d
            elif d.rejected:
                out[target] = replace(
                    had,
                    rejected=had.rejected + d.rejected,
                    rejected_example=had.rejected_example or d.rejected_example,
                )
    return out


def _combined_grain(main: list[ParsedFile]) -> str:
    """The coarsest grain of the files (a day file with a month file: month)."""
    ranks = ["interval", "day", "week", "month", "quarter", "year"]
    grains = [p.grain for p in main if p.grain in ranks]
    return max(grains, key=ranks.index) if grains else "day"


def dedupe(
    frame: pd.DataFrame, reason: pd.Series, repeated: np.ndarray | None = None
) -> tuple[pd.DataFrame, pd.Series, int]:
    """Keep the latest record of each contact (last-updated, else end time, else file order).

    A contact is one id at one start time: records sharing both are the same contact delivered
    twice (the older ones are quarantined). An id seen at different start times is not a key
    (call ids that restart every day): those rows are all kept, see :func:`unique_ids`.

    ``repeated`` (from :func:`fp.repeated` on the same ids) narrows the work to ids that occur
    more than once; without it, it is computed here.
    """
    ok = reason.isna().to_numpy()
    if repeated is None:
        repeated = fp.repeated(frame["contact_id"])
    pos = np.flatnonzero(repeated & ok)
    if not len(pos):
        return frame, reason, 0
    ids = fp.pick(frame[["contact_id"]], pos)["contact_id"]
    dup = ids.duplicated(keep=False).to_numpy()
    dup_any = np.zeros(len(frame), dtype=bool)
    dup_any[pos[dup]] = True
    if not dup_any.any():
        return frame, reason, 0
    where = np.flatnonzero(dup_any)  # positions of every record of a duplicated id
    key = next((c for c in ("updated_at", "end_time") if c in frame.columns), None)
    start = ["start_time"] if "start_time" in frame.columns else []
    sub = fp.pick(frame[["contact_id", *start, *([key] if key else [])]], where)
    # Oldest first (ties and missing times in file order), so that the latest is kept; a record
    # that says the contact was answered outranks one that does not (a ring group's members:
    # "Answered elsewhere" beside the one who answered).
    answered = (
        fp.pick(frame[["answered"]], where)["answered"].fillna(False).to_numpy(dtype=bool)
        if "answered" in frame.columns
        else np.zeros(len(sub), dtype=bool)
    )
    order = (
        pd.DataFrame(
            {
                "a": answered,
                "k": sub[key] if key is not None else np.zeros(len(sub)),
                "p": np.arange(len(sub)),
            }
        )
        .sort_values(["a", "k", "p"], na_position="first")
        .index.to_numpy()
    )
    older = sub[["contact_id", *start]].iloc[order].duplicated(keep="last").to_numpy()
    mask = np.zeros(len(frame), dtype=bool)
    mask[where[order[older]]] = True
    reason = first_reason(reason, mask, "duplicate contact_id (older record)")
    return frame, reason, int(mask.sum())


def unique_ids(
    frame: pd.DataFrame, reason: pd.Series, repeated: np.ndarray | None = None
) -> tuple[pd.DataFrame, int]:
    """Make kept contact ids unique where an id repeats across different start times.

    Such an id column is not a key (a call id that restarts every day): each of its repeated
    ids becomes ``id@YYYY-MM-DD`` (its start date), or ``id@YYYY-MM-DDTHH:MM:SS`` when the date
    alone still repeats. Returns the frame and how many rows were given a new id.
    """
    if repeated is not None and not repeated.any():  # no id occurs twice: nothing to do
        return frame, 0
    ok = reason.isna().to_numpy()
    rep = (fp.repeated(frame["contact_id"]) if repeated is None else repeated) & ok
    pos = np.flatnonzero(rep)
    if not len(pos) or "start_time" not in frame.columns:
        return frame, 0
    sub = fp.pick(frame[["contact_id", "start_time"]], pos)
    again = sub["contact_id"].duplicated(keep=False).to_numpy()
    if not again.any():
        return frame, 0
    pos, sub = pos[again], sub.loc[again]
    day = sub["start_time"].dt.strftime("%Y-%m-%d")
    new = sub["contact_id"].astype("string") + "@" + day.astype("string")
    clash = new.duplicated(keep=False).to_numpy()
    if clash.any():
        full = sub["start_time"].dt.strftime("%Y-%m-%dT%H:%M:%S").astype("string")
        new = new.where(~clash, sub["contact_id"].astype("string") + "@" + full)
    frame = frame.assign(contact_id=fp.replace_at(frame["contact_id"], pos, new))
    return frame, len(pos)


def _derived_answered(kept: pd.DataFrame, warnings: list[str]) -> tuple[pd.DataFrame, bool]:
    """Aggregated ASA needs answered counts to weigh periods: offered - abandoned when the file
    has no answered column (one clear note either way)."""
    if "asa_seconds" not in kept.columns or "answered" in kept.columns:
        return kept, False
    if {"offered", "abandoned"} <= set(kept.columns):
        answered = (kept["offered"] - kept["abandoned"]).clip(lower=0)
        warnings.append(
            "ASA is weighted by answered calls, taken as offered - abandoned (the file has no "
            "answered count); rows missing either count have no answered count and no ASA weight"
        )
        return kept.assign(answered=answered), True
    warnings.append(
        "ASA has no answered count beside it (and no offered and abandoned counts to derive "
        "one): ASA cannot be combined across periods, so the ASA KPI is not available; add the "
        "answered count to the export"
    )
    return kept, False


def merge_mappings(maps: list[Mapping]) -> Mapping:
    fields: list[FieldMap] = []
    seen: set[str] = set()
    for m in maps:
        for f in m.fields:
            if f.target not in seen:
                fields.append(f)
                seen.add(f.target)
    preset = next((m.preset for m in maps if m.preset), None)
    outcome = next((m.outcome for m in maps if m.outcome), None)
    grain = next((m.grain for m in maps if m.grain != "auto"), "auto")
    return Mapping(
        shape=maps[0].shape, fields=tuple(fields), preset=preset, outcome=outcome, grain=grain
    )


def _filled_count(s: pd.Series) -> int:
    """Cells with a value; Arrow text knows its missing count without a scan."""
    if P.is_arrow_text(s):
        return len(s) - pa.array(s.array).null_count
    return int(s.count())


def fill_rates(frame: pd.DataFrame, mapping: Mapping) -> pd.DataFrame:
    rows = []
    n = len(frame)
    counts = executor().map(_filled_count, [frame[c] for c in frame.columns])  # NumPy: no GIL
    for c, filled in zip(frame.columns, counts, strict=True):
        f = mapping.get(c)
        source = " + ".join(f.source) if f is not None else "(derived)"
        rows.append((c, source, filled, filled / n if n else float("nan")))
    return pd.DataFrame(rows, columns=["column", "source", "filled", "fill_rate"])


def canonical(frame: pd.DataFrame, shape: Shape) -> pd.DataFrame:
    """Canonical column order and dtypes (as ``schema.coerce``), casting only what differs."""
    cols = INTERACTION_COLUMNS if shape == "interactions" else AGGREGATE_COLUMNS
    out = {}
    categorical = [
        c.name
        for c in cols
        if c.name in frame.columns
        and c.dtype == "string"
        and isinstance(frame[c.name].dtype, pd.CategoricalDtype)
    ]
    # Decoding is Arrow work that releases the GIL: several columns at once.
    parts = [frame[c] for c in categorical]
    decoded = dict(zip(categorical, executor().map(fp.decode, parts), strict=True))
    for c in cols:
        if c.name not in frame.columns:
            continue
        s = decoded.get(c.name, frame[c.name])
        if str(s.dtype) != c.dtype:
            s = s.astype(c.dtype)  # type: ignore[call-overload]  # a dtype name held in a str
        out[c.name] = s
    return pd.DataFrame(out, index=frame.index, copy=False)

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
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from pandas.api.types import union_categoricals

from kpi._fastpath import executor
from kpi.dataset import Dataset
from kpi.errors import DataError, MappingError
from kpi.ingest import parsers as P
from kpi.ingest.mapping import (
    PRESETS,
    UNITS,
    FieldMap,
    Mapping,
    auto_map,
    detect_source_shape,
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
from kpi.schema import (
    AGGREGATE_COLUMNS,
    INTERACTION_COLUMNS,
    SURVEY_COLUMNS,
    Column,
    Shape,
    out_of_range_masks,
)

__all__ = [
    "MAX_BYTES",
    "PRESETS",
    "UNITS",
    "FieldMap",
    "ImportReport",
    "ImportResult",
    "Mapping",
    "MissingTimestampError",
    "auto_map",
    "detect_source_shape",
    "list_sheets",
    "load_mapping",
    "mapping_from_table",
    "mapping_table",
    "mapping_targets",
    "read_files",
    "safe_csv",
    "save_mapping",
]

#: Default import limit per file (the Data page passes Streamlit's upload limit).
MAX_BYTES = 1_000_000_000

Progress = Callable[[float, str], None]


class MissingTimestampError(DataError):
    """No date or time column: the rows cannot be placed in time."""


@dataclass(frozen=True, eq=False)
class ImportReport:
    """What the importer did with every row.

    Attributes
    ----------
    rows_read : rows found in the files (data rows, including rows the parser had to skip).
    rows_kept : rows used (contacts or daily rows in the dataset, plus survey rows joined onto them).
    rows_quarantined : rows set aside; ``rows_read == rows_kept + rows_quarantined``.
    quarantine : the quarantined rows, original columns plus ``file`` and ``reason``.
    warnings : kept-with-warning findings (talk time over 4 hours, percent rates...).
    mapping : the mapping used (``Mapping.to_dict()`` form, detected units filled in).
    shape : "interactions" or "aggregated".
    files : file names read.
    fill_rates : one row per mapped canonical column: ``column, source, filled, fill_rate``
        (share of kept rows with a value).
    rows_joined : survey rows joined onto contacts (counted in ``rows_kept``).
    duplicates : older duplicate records quarantined.
    notes : what the readers detected (encoding, delimiter, sheet, units).
    """

    rows_read: int
    rows_kept: int
    rows_quarantined: int
    quarantine: pd.DataFrame
    warnings: tuple[str, ...]
    mapping: dict[str, Any]
    shape: Shape
    files: tuple[str, ...]
    fill_rates: pd.DataFrame
    rows_joined: int = 0
    duplicates: int = 0
    notes: tuple[str, ...] = ()

    def reasons(self) -> pd.DataFrame:
        """Quarantine counts by reason: columns ``reason, rows``, most frequent first."""
        if self.quarantine.empty:
            return pd.DataFrame(
                {"reason": pd.Series(dtype="string"), "rows": pd.Series(dtype="int64")}
            )
        counts = self.quarantine["reason"].value_counts()
        return pd.DataFrame({"reason": counts.index.astype("string"), "rows": counts.to_numpy()})

    def summary(self) -> str:
        """One sentence: rows read, kept and quarantined, and the main reasons."""
        unit = "contacts" if self.shape == "interactions" else "daily rows"
        files = ", ".join(self.files)
        s = (
            f"Read {self.rows_read:,} rows from {files}: kept {self.rows_kept:,}"
            + (
                f" ({self.rows_joined:,} of them survey responses joined to {unit})"
                if self.rows_joined
                else ""
            )
            + f", quarantined {self.rows_quarantined:,}"
        )
        if self.rows_quarantined:
            top = self.reasons().head(3)
            s += " (" + "; ".join(f"{r.reason}: {r.rows:,}" for r in top.itertuples()) + ")"
        return s + "."

    def to_frame(self) -> pd.DataFrame:
        """The accounting as a tidy table: columns ``item, rows``."""
        items = [
            ("read", self.rows_read),
            ("kept", self.rows_kept),
            ("quarantined", self.rows_quarantined),
            ("survey rows joined", self.rows_joined),
            ("duplicates quarantined", self.duplicates),
        ]
        return pd.DataFrame(items, columns=["item", "rows"])


@dataclass(frozen=True, eq=False)
class ImportResult:
    """The imported dataset, the report, and the mapping that produced them."""

    dataset: Dataset
    report: ImportReport
    mapping: Mapping
    columns: tuple[str, ...] = field(default=())  # every source column seen (for the editor)

    def describe(self) -> str:
        """The report summary, warnings, reader notes and the mapping, for ``--verbose``."""
        lines = [self.report.summary()]
        lines += [f"note: {n}" for n in self.report.notes]
        lines += [f"warning: {w}" for w in self.report.warnings]
        lines.append("mapping: " + self.mapping.describe())
        return "\n".join(lines)


# ---------------------------------------------------------------------------------------------


def _col_def(target: str, shape: Shape) -> Column:
    if target == "updated_at":
        return Column("updated_at", "datetime", "Last update of the record.")
    cols = INTERACTION_COLUMNS if shape == "interactions" else AGGREGATE_COLUMNS
    for c in cols:
        if c.name == target:
            return c
    raise MappingError(f"'{target}' is not a column of the {shape} table: fix the mapping.")


@dataclass
class _Parsed:
    """One file after mapping: canonical columns, first-problem reason per row, raw frame."""

    raw: RawTable
    mapping: Mapping
    frame: pd.DataFrame
    reason: pd.Series
    notes: list[str]
    warnings: list[str]
    role: str  # "main" or "survey"
    repeated: np.ndarray | None = None  # ids that may occur more than once (``_repeated``)


def _no_reason(index: pd.Index) -> pd.Series:
    """A reason per row, none yet: a Categorical, so that checks on a million rows are cheap."""
    codes = np.full(len(index), -1, dtype=np.int16)
    cats = pd.Index([], dtype=object)
    return pd.Series(pd.Categorical.from_codes(codes, categories=cats), index=index, copy=False)


def _first(reason: pd.Series, mask: pd.Series | np.ndarray, text: str) -> pd.Series:
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


def _apply_field(  # noqa: C901 -- ratchet (#17): split or fix pending
    f: FieldMap, raw: pd.DataFrame, shape: Shape, timezone: str | None
) -> tuple[pd.Series, pd.Series, str | None, FieldMap]:
    """(canonical values, unparseable mask, note, field with the detected unit filled in)."""
    kind = _col_def(f.target, shape).kind
    cols = [raw[c] for c in f.source]
    if len(cols) == 1 and isinstance(cols[0].dtype, pd.CategoricalDtype):
        if kind in ("id", "category", "bool") or f.transform in _ELEMENTWISE:
            return _apply_by_category(f, cols[0], kind, shape, timezone)
        # Distribution-based detection (units, percent scale) needs every cell: decode.
        plain = cols[0].astype(cols[0].cat.categories.dtype)
        return _apply_field(f, raw.assign(**{f.source[0]: plain}), shape, timezone)
    none = pd.Series(False, index=raw.index)
    t = f.transform
    if t == "invert":
        v, _ = P.parse_bool(cols[0])
        return ~v, none, None, f
    if t == "present":
        return P._filled(cols[0]).astype("boolean"), none, None, f  # noqa: SLF001 -- ratchet (#17): split or fix pending
    if t == "absent":
        return (~P._filled(cols[0])).astype("boolean"), none, None, f  # noqa: SLF001 -- ratchet (#17): split or fix pending
    if t == "queued_not_answered":
        out = P._filled(cols[0]) & ~P._filled(cols[1])  # noqa: SLF001 -- ratchet (#17): split or fix pending
        return out.astype("boolean"), none, None, f
    if t == "equals":
        low = P.parse_text(cols[0]).str.lower()
        wanted = {v.lower() for v in f.values}
        out = low.isin(wanted).astype("boolean").where(low.notna(), pd.NA)
        return out, none, None, f
    if t == "coalesce":
        parts = [
            _apply_field(replace(f, source=(c,), transform=""), raw, shape, timezone)
            for c in f.source
        ]
        value = parts[0][0]
        bad = parts[0][1]
        for v, b, _, _ in parts[1:]:
            value = value.fillna(v)
            bad = bad | b
        return value, bad, None, replace(f, unit=parts[0][3].unit)
    if kind == "datetime":
        if len(cols) == 2:
            v, bad, note = P.combine_date_time(cols[0], cols[1], timezone)
        else:
            v, bad, note = P.parse_datetime(cols[0], timezone)
        return v, bad, note, f
    if kind == "duration":
        v, bad, unit = P.parse_duration(cols[0], f.unit, f.source[0])
        note = None
        if f.unit == "auto" and unit != "s":
            label = {"ms": "milliseconds", "min": "minutes", "h": "hours", "hms": "HH:MM:SS"}[unit]
            note = f"'{f.source[0]}' read as {label}"
        return v, bad, note, replace(f, unit=unit)
    if kind == "bool":
        v, unknown = P.parse_bool(cols[0])
        return v, none, _unrecognised(f, unknown), f
    if kind in ("id", "category"):
        if f.target == "direction":
            return P.parse_direction(cols[0]), none, None, f
        if kind == "id":  # mostly distinct values: parse them all, no dictionary pass
            return P._parse_text(cols[0]), none, None, f  # noqa: SLF001 -- ratchet (#17): split or fix pending
        return P.parse_text(cols[0]), none, None, f
    if kind == "score":
        v, bad, note = P.parse_score(cols[0])
        if f.target == "csat":
            v, scale = P.csat_to_five(v, f.source[0])
            note = "; ".join(n for n in (note, scale) if n) or None
        return v, bad, (f"'{f.source[0]}': {note}" if note else None), f
    if kind == "rate":
        v, bad, note = P.parse_rate(cols[0])
        return v, bad, (f"'{f.source[0]}' read as a percentage" if note else None), f
    v, bad = P.parse_number(cols[0])
    return v, bad, None, f


#: Transforms whose result for a cell depends on that cell alone.
_ELEMENTWISE = ("invert", "present", "absent", "equals")


def _unrecognised(f: FieldMap, unknown: pd.Series) -> str | None:
    n = int(unknown.sum())
    if not n:
        return None
    return f"'{f.source[0]}': {n:,} values not recognised as yes/no were left empty"


def _apply_by_category(
    f: FieldMap, col: pd.Series, kind: str, shape: Shape, timezone: str | None
) -> tuple[pd.Series, pd.Series, str | None, FieldMap]:
    """``_apply_field`` on a dictionary-encoded column: parse each distinct value once (plus
    one missing cell), then spread the results over the rows by the category codes."""
    cats = pd.Series(col.cat.categories)
    small = cats.reindex(range(len(cats) + 1))  # the extra last entry is a missing cell
    codes = col.cat.codes.to_numpy()  # -1 (missing) picks that last entry

    def spread_bool(values: pd.Series) -> np.ndarray:
        return np.asarray(values.to_numpy(dtype=bool, na_value=False))[codes]

    def spread(values: pd.Series) -> pd.Series:
        if isinstance(values.dtype, pd.BooleanDtype):
            arr = values.array
            data = np.asarray(arr.to_numpy(dtype=bool, na_value=False))[codes]
            mask = np.asarray(arr.isna())[codes]
            return pd.Series(pd.arrays.BooleanArray(data, mask), index=col.index, copy=False)
        if isinstance(values.dtype, np.dtype):
            return pd.Series(values.to_numpy()[codes], index=col.index, copy=False)
        return pd.Series(
            values.array.take(np.where(codes < 0, len(cats), codes)), index=col.index, copy=False
        )

    if kind == "bool" and not f.transform:
        v, unknown = P.parse_bool(small)
        unknown_rows = spread_bool(unknown)
        none = pd.Series(np.zeros(len(col), dtype=bool), index=col.index, copy=False)
        return spread(v), none, _unrecognised(f, unknown_rows), f
    value, bad, note, f2 = _apply_field(f, small.to_frame(f.source[0]), shape, timezone)
    bad_rows = pd.Series(
        spread_bool(bad) if bad.any() else np.zeros(len(col), dtype=bool),
        index=col.index,
        copy=False,
    )
    if kind == "category" and P._is_text(value):  # noqa: SLF001 -- ratchet (#17): split or fix pending
        # Stay dictionary-encoded until the rows are filtered (``_canonical`` decodes).
        labels = value.iloc[: len(cats)]
        if labels.notna().all() and labels.is_unique:  # one label each: the same codes
            cat = pd.Categorical.from_codes(
                codes, categories=pd.Index(labels.to_numpy(dtype=object)), validate=False
            )
            return pd.Series(cat, index=col.index, copy=False), bad_rows, note, f2
        ucodes, uniques = pd.factorize(value, use_na_sentinel=True)
        cat = pd.Categorical.from_codes(
            ucodes.astype(np.int32)[codes], categories=pd.Index(uniques), validate=False
        )
        return pd.Series(cat, index=col.index, copy=False), bad_rows, note, f2
    return spread(value), bad_rows, note, f2


def _shown(name: str) -> str:
    """A source column name fit for a one-line message: no line breaks, at most 40 characters."""
    text = " ".join(str(name).split())
    return text if len(text) <= 40 else text[:39] + "…"


def _columns_text(cols: Sequence[str]) -> str:
    shown = ", ".join(_shown(c) for c in cols[:8])
    return shown + (f" and {len(cols) - 8} more" if len(cols) > 8 else "")


def _parse_file(  # noqa: C901, PLR0915 -- ratchet (#17): split or fix pending
    raw: RawTable,
    mapping: Mapping,
    timezone: str | None,
    undated_start: dt.date | str | None,
) -> _Parsed:
    shape = mapping.shape
    frame_raw = raw.frame
    n = len(frame_raw)
    time_target = "start_time" if shape == "interactions" else "date"
    reason = _no_reason(frame_raw.index)
    notes = list(raw.notes)
    warnings: list[str] = []
    out: dict[str, pd.Series] = {}
    used_fields = []
    repeated: np.ndarray | None = None
    fields = [f for f in mapping.fields if f.transform != "per_answered"]
    per_answered = [f for f in mapping.fields if f.transform == "per_answered"]

    def one(
        f: FieldMap,
    ) -> tuple[pd.Series, pd.Series | None, str | None, FieldMap, pd.Series | None, Any]:
        """(values, unparseable mask or None, note, field, implausible mask or None, repeats)
        of one field; the masks are None when no row is flagged (checked here, in parallel)."""
        value, bad_rows, note, f2 = _apply_field(f, frame_raw, shape, timezone)
        bad = bad_rows if bad_rows.any() else None
        far = None
        if pd.api.types.is_datetime64_any_dtype(value.dtype):
            far = P.implausible(value)
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
            dups = _repeated(value)
        return value, bad, note, f2, far, dups

    # Columns are parsed two at a time: most of the work is in NumPy and Arrow kernels, which
    # release the GIL. Results are taken in mapping order, so reasons keep their precedence.
    for f, (value, bad, note, f2, far, dups) in zip(
        fields, executor().map(one, fields), strict=True
    ):
        used_fields.append(f2)
        if dups is not None:
            repeated = dups
        if note:
            notes.append(note)
        if bad is not None:
            label = "missing or unparseable" if f.target == time_target else "unparseable"
            reason = _first(reason, bad, f"{label} {f.target}")
        if far is not None:
            reason = _first(reason, far, f"implausible {f.target} (before 1970 or after 2099)")
        out[f.target] = value
    for f in per_answered:
        total, bad, unit = P.parse_duration(frame_raw[f.source[0]], f.unit, f.source[0])
        if "answered" not in out:
            raise MappingError(
                f"'{f.source[0]}' is a total divided by answered contacts, but no column is mapped "
                "to answered: map the answered count too."
            )
        out[f.target] = total / out["answered"].where(out["answered"] > 0)
        reason = _first(reason, bad, f"unparseable {f.target}")
        used_fields.append(replace(f, unit=unit))
        notes.append(f"'{f.source[0]}' divided by answered to get an average")
    targets = set(out)
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
        elif "contact_id" in targets and targets & set(SURVEY_COLUMNS) and shape == "interactions":
            role = "survey"
        else:
            cols = list(frame_raw.columns)
            if shape == "aggregated":
                raise MissingTimestampError(
                    f"'{raw.source}' has no date column (its columns: {_columns_text(cols)}): add "
                    "a date column, or give the date of the first row so that the rows are read as "
                    "consecutive days."
                )
            raise MissingTimestampError(
                f"'{raw.source}' has no date or time column (its columns: {_columns_text(cols)}): "
                "add one, or map a column to start_time (contacts) or date (daily rows)."
            )
    if role == "main" and shape == "interactions" and "contact_id" not in out:
        stem = Path(raw.source).stem
        out["contact_id"] = pd.Series(
            [f"{stem}:{i + 1}" for i in range(n)], index=frame_raw.index, dtype="string"
        )
        warnings.append(
            f"'{raw.source}' has no contact id column: rows were numbered, so duplicate records "
            "cannot be detected"
        )
    frame = pd.DataFrame(out, index=frame_raw.index, copy=False)
    if role == "main":
        reason = _first(reason, frame[time_target].isna(), f"missing or unparseable {time_target}")
    if "contact_id" in frame.columns:
        reason = _first(reason, frame["contact_id"].isna(), "missing contact_id")
    reason = _range_reasons(frame, shape, reason)
    return _Parsed(
        raw=raw,
        mapping=replace(mapping, fields=tuple(used_fields)),
        frame=frame,
        reason=reason,
        notes=notes,
        warnings=warnings,
        role=role,
        repeated=repeated,
    )


def _range_reasons(frame: pd.DataFrame, shape: Shape, reason: pd.Series) -> pd.Series:
    flags = out_of_range_masks(frame, shape)  # columns with a value out of range only
    for name, bad in flags.items():
        if not bad.any():
            continue
        c = _col_def(name, shape)
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
        reason = _first(reason, inf, f"infinite {name}")
        reason = _first(reason, bad, text)
    return reason


def _force_text(  # noqa: C901 -- ratchet (#17): split or fix pending
    mapping: Mapping | None, shape: Shape | None
) -> Callable[[list[str], dict[str, list[str]]], dict[str, str]]:
    """Columns to read as text: ids and categories (leading zeros), and durations with colons
    (Arrow would read "02:30" as a time of day, 2.5 hours, where an export means 2 min 30 s).

    How each mapped column is read: ids and category labels as plain text ("text"), yes/no
    flags whose sample holds only yes/no words as Arrow booleans ("bool"), other flags,
    directions and labels compared with a value dictionary-encoded ("dict": each distinct value
    is then parsed once, see ``_apply_by_category``).
    """

    def pick(names: list[str], samples: dict[str, list[str]]) -> dict[str, str]:  # noqa: C901 -- ratchet (#17): split or fix pending
        m = mapping.restricted_to(names) if mapping is not None else auto_map(names, shape)
        out: dict[str, str] = {}
        for f in m.fields:
            kind = _col_def(f.target, m.shape).kind
            if kind == "id":
                out.update(dict.fromkeys(f.source, "text"))
            elif kind == "bool" and f.transform in ("", "invert"):
                # Yes/no words Arrow can read as booleans itself (a cell outside the list
                # later in the file makes the reader fall back to "dict").
                for c in f.source:
                    values = [v for v in samples.get(c, []) if v != ""]
                    words = values and all(v in ARROW_BOOL_WORDS for v in values)
                    out.setdefault(c, "bool" if words else "dict")
            elif kind == "category" and f.transform == "" and f.target != "direction":
                # Labels kept as written (trimmed): plain text reads fastest and needs no
                # decoding at the end.
                for c in f.source:
                    out.setdefault(c, "text")
            elif kind == "category" and f.transform == "" or f.transform == "equals":
                for c in f.source:
                    out.setdefault(c, "dict")
            elif kind == "duration" and any(":" in v for c in f.source for v in samples.get(c, [])):
                out.update(dict.fromkeys(f.source, "text"))
        for c in names:  # other yes/no columns stay as written (not read as booleans)
            values = [v for v in samples.get(c, []) if v != ""]
            if c not in out and values and all(v in ARROW_BOOL_WORDS for v in values):
                out[c] = "text"
        return out

    return pick


def read_files(  # noqa: C901 -- ratchet (#17): split or fix pending
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

    raws: list[RawTable] = []
    all_columns: list[str] = []
    for i, src in enumerate(srcs):
        tell(0.6 * i / len(srcs), f"Reading {src.name}")
        raw = read_raw(src, sheet=sheet, force_text=_force_text(mapping, shape))
        all_columns += [str(c) for c in raw.frame.columns if str(c) not in all_columns]
        raws.append(raw)
    if mapping is not None:
        found = set(all_columns)
        missing = [s for f in mapping.fields for s in f.source if s not in found]
        if missing:
            raise MappingError(
                f"The mapping uses column '{missing[0]}', which is not in "
                f"{', '.join(repr(s.name) for s in srcs)} (columns: {_columns_text(all_columns)}): "
                "pick a column from the file or remove that line from the mapping."
            )
    parsed: list[_Parsed] = []
    for i, raw in enumerate(raws):
        tell(0.6 + 0.15 * i / len(raws), f"Mapping and checking {raw.source}")
        cols = [str(c) for c in raw.frame.columns]
        m = mapping.restricted_to(cols) if mapping is not None else auto_map(cols, shape)
        parsed.append(_parse_file(raw, m, timezone, undated_start))
    tell(0.75, "Combining files")
    return _combine(parsed, srcs, from_upload, all_columns, tell)


def _combine(  # noqa: C901, PLR0915 -- ratchet (#17): split or fix pending
    parsed: list[_Parsed],
    srcs: list[Source],
    from_upload: bool,
    all_columns: list[str],
    tell: Progress,
) -> ImportResult:
    main = [p for p in parsed if p.role == "main"]
    surveys = [p for p in parsed if p.role == "survey"]
    if not main:
        names = ", ".join(f"'{p.raw.source}'" for p in surveys)
        raise MissingTimestampError(
            f"{names} looks like a survey file (contact ids and scores, no dates): import it "
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
    shape: Shape = main[0].mapping.shape
    notes = list(dict.fromkeys(f"{p.raw.source}: {n}" for p in parsed for n in p.notes))
    warnings = [w for p in parsed for w in p.warnings]

    # Stack the main files; remember which file and row each canonical row came from.
    frames, reasons = [], []
    for p in main:
        frames.append(p.frame.reset_index(drop=True))
        reasons.append(p.reason.reset_index(drop=True))
    # Row i of the stack is row i - starts[k] of file k, k = the last start <= i.
    starts = np.cumsum([0] + [len(p.frame) for p in main])
    frame = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    reason = (
        pd.Series(union_categoricals([r.array for r in reasons]), copy=False)
        if len(reasons) > 1
        else reasons[0]
    )

    duplicates = 0
    if shape == "interactions":
        one = main[0].repeated if len(main) == 1 else None
        frame, reason, duplicates = _dedupe(frame, reason, one)
    else:
        keys = [
            "date",
            *[c for c in ("queue", "channel", "agent_id", "team", "topic") if c in frame.columns],
        ]
        ok = reason.isna()
        dup = frame.loc[ok, keys].duplicated(keep=False)
        if dup.any():
            warnings.append(
                f"{int(dup.sum()):,} rows share a date (and segment) with another row: kept all; "
                "check for overlapping exports"
            )

    # Join surveys onto kept contacts.
    joined = 0
    survey_quarantine: list[pd.DataFrame] = []
    for p in surveys:
        frame, n_joined, q = _join_survey(frame, reason, p)
        joined += n_joined
        if q is not None:
            survey_quarantine.append(q)

    tell(0.85, "Validating")
    kept_mask = reason.isna().to_numpy()
    rows_read = sum(len(p.raw.frame) + len(p.raw.skipped) for p in parsed)
    if not kept_mask.any():
        q = reason.dropna()
        skipped = [s for p in main for s in p.raw.skipped]
        # Rows the parser set aside (ragged lines) count too: "all 0 rows" would hide them.
        n = len(frame) + len(skipped)
        if len(q):
            first = q.iloc[0]
        elif skipped:
            first = skipped[0].split(": ", 1)[0]
        else:  # pragma: no cover - an empty file is refused by the reader
            first = "no usable rows"
        rows = f"all {n:,} rows were" if n != 1 else "its only row was"
        raise DataError(
            f"No row of {', '.join(repr(p.raw.source) for p in main)} could be used: {rows} "
            f"quarantined (first reason: {first}). Check the date format or the mapping."
        )

    # Quarantine: original columns + file + reason (few rows, picked by position).
    qparts = []
    bad_positions = np.flatnonzero(~kept_mask)
    for k, p in enumerate(main):
        sel = bad_positions[(bad_positions >= starts[k]) & (bad_positions < starts[k + 1])]
        if len(sel):
            part = p.raw.as_written(_pick(p.raw.frame, sel - starts[k]))
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
    # The raw and parsed frames are not needed any more: let them go (1M rows: peak memory
    # about 60 MB lower, and Arrow memory after the import 104 MB instead of 249 MB). After
    # this, ``frame`` alone holds the parsed columns, so the kept rows can be moved to the
    # front of each NumPy column in place (no new memory: on a virtual machine a fresh
    # million-row column costs more in page faults than the copy itself).
    frames.clear()
    for p in parsed:
        p.raw.frame = _emptied(p.raw.frame)
        p.frame = _emptied(p.frame)
    if kept_mask.all():  # nothing quarantined (the common case): no copy of a million rows
        kept = frame.reset_index(drop=True)
    else:
        columns = {str(c): frame[c] for c in frame.columns}
        del frame
        kept = _rows(columns, kept_mask, in_place=True)

    # Warnings on kept values.
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
    if shape == "aggregated":
        if "asa_seconds" in kept.columns and "answered" not in kept.columns:
            warnings.append(
                "ASA has no answered counts beside it: periods longer than a row weigh every row "
                "equally"
            )
        if {"offered", "answered", "abandoned"} <= set(kept.columns):
            gap = int((kept["offered"] > kept["answered"] + kept["abandoned"]).sum())
            if gap:
                warnings.append(
                    f"offered exceeds answered + abandoned on {gap:,} rows (a third outcome such "
                    "as flow-outs or callbacks): the abandonment denominator is a choice"
                )

    qparts += survey_quarantine
    quarantine = (
        pd.concat([q.astype(object) for q in qparts], ignore_index=True)
        if qparts
        else pd.DataFrame({"file": pd.Series(dtype="string"), "reason": pd.Series(dtype="string")})
    )
    rows_quarantined = len(quarantine)
    rows_kept = len(kept) + joined

    combined = _merge_mappings([p.mapping for p in main] + [p.mapping for p in surveys])
    dataset_frame = _canonical(kept, shape)
    fill = _fill_rates(dataset_frame, combined)
    names = tuple(p.raw.source for p in parsed)
    report = ImportReport(
        rows_read=rows_read,
        rows_kept=rows_kept,
        rows_quarantined=rows_quarantined,
        quarantine=quarantine,
        warnings=tuple(warnings),
        mapping=combined.to_dict(),
        shape=shape,
        files=names,
        fill_rates=fill,
        rows_joined=joined,
        duplicates=duplicates,
        notes=tuple(notes),
    )
    if rows_read != rows_kept + rows_quarantined:  # pragma: no cover - an importer bug
        raise AssertionError(
            f"row accounting broken: {rows_read} != {rows_kept} + {rows_quarantined}"
        )
    name = ", ".join(names) if len(names) <= 3 else f"{names[0]} and {len(names) - 1} more files"
    dataset = Dataset(
        name=name,
        frame=dataset_frame,
        shape=shape,
        source="upload" if from_upload else "file",
        report=report,
    )
    tell(1.0, "Done")
    return ImportResult(
        dataset=dataset, report=report, mapping=combined, columns=tuple(all_columns)
    )


def _rows(  # noqa: C901 -- ratchet (#17): split or fix pending
    frame: pd.DataFrame | dict[str, pd.Series],
    keep: np.ndarray,
    *,
    in_place: bool = False,
) -> pd.DataFrame:
    """The rows of ``frame`` where ``keep`` is True, renumbered from 0, column by column (two
    columns at a time on the shared pool). pandas' own row filter spends most of its time on
    the index, and its take on chunked Arrow text concatenates every chunk first (about 50 ms a
    column). Dictionary-encoded text comes out decoded (as :func:`_decode`).

    ``frame`` may be a dict of columns the caller hands over: each is dropped from it as soon as
    it is filtered, so that it can be freed then rather than after the last column. With
    ``in_place=True`` (only for such a dict, whose columns nothing else holds) NumPy columns
    are compacted in place (:func:`_compact`): their old values are overwritten.
    """
    if in_place and not isinstance(frame, dict):
        raise TypeError("in_place needs a dict of columns the caller hands over")
    cols = [str(c) for c in frame] if isinstance(frame, dict) else list(frame.columns)
    # Two columns may hold one array (a source mapped twice): it is compacted once, for the
    # first of them, and the others take that result. Arrays that overlap otherwise (views at
    # different offsets) are copied instead.
    first_of: dict[str, str] = {}
    copied: set[str] = set()
    if in_place:
        arrays = {c: frame[c].to_numpy() for c in cols if isinstance(frame[c].dtype, np.dtype)}
        owner: dict[tuple[int, str, int, int], str] = {}
        for c, a in arrays.items():
            key = (a.__array_interface__["data"][0], a.dtype.str, a.strides[0], len(a))
            first_of[c] = owner.setdefault(key, c)
        firsts = [c for c in arrays if first_of[c] == c]
        for i, c in enumerate(firsts):
            for d in firsts[i + 1 :]:
                if np.may_share_memory(arrays[c], arrays[d]):
                    copied |= {c, d}
        del arrays

    def take(c: str) -> Any:  # a boolean mask: Arrow filters text twice as fast as it takes
        s = frame.pop(c) if isinstance(frame, dict) else frame[c]
        if isinstance(s.dtype, pd.CategoricalDtype) and P._is_text(s):  # noqa: SLF001 -- ratchet (#17): split or fix pending
            return _decode(s, keep).array
        if P.is_arrow_text(s):
            return _keep_text(s, keep)
        if not isinstance(s.dtype, np.dtype):
            return s.array[keep]
        if not in_place or c in copied:
            return s.to_numpy()[keep]
        values = s.to_numpy().view()
        try:
            values.flags.writeable = True  # ours alone (see the docstring)
        except ValueError:  # a read-only buffer underneath (e.g. Arrow memory): copy
            return values[keep]
        return _compact(values, keep)

    todo = [c for c in cols if first_of.get(c, c) == c]
    done = dict(zip(todo, executor().map(take, todo), strict=True))
    out = {c: done[first_of.get(c, c)] for c in cols}
    if isinstance(frame, dict):
        frame.clear()  # the columns that shared an array
    return pd.DataFrame(out, columns=cols, copy=False)


def _compact(values: np.ndarray, keep: np.ndarray, block: int = 8192) -> np.ndarray:
    """``values[keep]`` moved to the front of ``values`` (overwriting it), returned as a view.

    Block by block, through a small buffer that is reused: no new array as large as the
    column. Rows before the first dropped one stay where they are.
    """
    dropped = np.flatnonzero(~keep)
    if not len(dropped):
        return values
    write = int(dropped[0])
    for start in range(write, len(values), block):
        part = values[start : start + block][keep[start : start + block]]
        values[write : write + len(part)] = part
        write += len(part)
    return values[:write]


def _pick(frame: pd.DataFrame, positions: np.ndarray) -> pd.DataFrame:
    """The rows of ``frame`` at ``positions`` (few, ascending), renumbered from 0. Chunked Arrow
    text is taken chunk by chunk: Arrow's take on a chunked array joins the chunks first."""
    out = {}
    for c in frame.columns:
        s = frame[c]
        if isinstance(s.dtype, pd.CategoricalDtype) and P._is_text(s):  # noqa: SLF001 -- ratchet (#17): split or fix pending
            out[c] = _decode(s, positions).array
        elif P.is_arrow_text(s):
            values = pa.array(s.array)
            chunks = values.chunks if isinstance(values, pa.ChunkedArray) else [values]
            ends = np.cumsum([len(ch) for ch in chunks])
            which = np.searchsorted(ends, positions, side="right")
            parts = []
            for k in np.unique(which):
                local = positions[which == k] - (ends[k] - len(chunks[k]))
                parts.append(chunks[k].take(pa.array(local)))
            out[c] = pd.array(pa.chunked_array(parts, type=values.type), dtype=s.dtype)
        elif isinstance(s.dtype, np.dtype):
            out[c] = s.to_numpy()[positions]
        else:
            out[c] = s.array.take(positions)
    return pd.DataFrame(out, columns=frame.columns, copy=False)


def _keep_text(s: pd.Series, keep: np.ndarray) -> Any:
    """The rows of Arrow text ``s`` where ``keep`` is True, chunk by chunk: a chunk that keeps
    every row is kept as it is (no copy). Quarantined rows are usually few and bunched (a bad
    export day, re-delivered records), so most of a large file's chunks are not copied."""
    values = pa.array(s.array)
    chunks = values.chunks if isinstance(values, pa.ChunkedArray) else [values]
    parts = []
    start = 0
    for chunk in chunks:
        part = keep[start : start + len(chunk)]
        start += len(chunk)
        if part.all():
            parts.append(chunk)
        elif part.any():
            parts.append(chunk.filter(pa.array(part)))
    return pd.array(pa.chunked_array(parts, type=values.type), dtype=s.dtype)


def _emptied(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame``'s column names with no rows, sharing no memory with it (a slice of Arrow text
    would keep the whole column alive)."""
    return pd.DataFrame(columns=frame.columns)


def _canonical(frame: pd.DataFrame, shape: Shape) -> pd.DataFrame:
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
    decoded = dict(zip(categorical, executor().map(_decode, parts), strict=True))
    for c in cols:
        if c.name not in frame.columns:
            continue
        s = decoded.get(c.name, frame[c.name])
        if str(s.dtype) != c.dtype:
            s = s.astype(c.dtype)
        out[c.name] = s
    return pd.DataFrame(out, index=frame.index, copy=False)


def _decode(s: pd.Series, rows: np.ndarray | None = None) -> pd.Series:
    """A Categorical of text -> the canonical "string" dtype (Arrow's take: pandas' own cast
    of a million rows is ten times slower); ``rows``: only those rows (positions or a boolean
    mask), renumbered."""
    codes = s.cat.codes.to_numpy()
    if rows is not None:
        codes = codes[rows]
    labels = pa.array(np.asarray(s.cat.categories, dtype=object), type=pa.large_string())
    values = pc.take(labels, pa.array(codes, mask=codes < 0))
    index = s.index if rows is None else pd.RangeIndex(len(codes))
    return pd.Series(pd.array(values, dtype="string"), index=index, name=s.name, copy=False)


def _repeated(ids: pd.Series) -> np.ndarray:
    """True where the id may occur more than once in ``ids`` (a superset: confirm on the few
    rows it marks). A missing id is never marked.

    Hashing a million distinct strings costs more than reading them, so for Arrow text each
    id is reduced to a 32-bit key (length, first and last 8 bytes) and the keys are sorted:
    equal ids give equal keys, and distinct ids rarely share one.
    """
    values = pa.array(ids.array) if not isinstance(ids.dtype, np.dtype) else None
    if values is None or not (
        pa.types.is_string(values.type) or pa.types.is_large_string(values.type)
    ):
        return (ids.notna() & ids.duplicated(keep=False)).to_numpy()
    chunks = values.chunks if isinstance(values, pa.ChunkedArray) else [values]
    keys = np.concatenate([_text_keys(c) for c in chunks]) if chunks else np.zeros(0, np.uint32)
    ordered = np.sort(keys)
    same = ordered[1:] == ordered[:-1]
    if not same.any():
        return np.zeros(len(keys), dtype=bool)
    shared = np.unique(ordered[1:][same])
    # Which keys are shared: first through a table of their low 16 bits (64 KB, it stays in
    # the cache; read through a view of the keys, no copy), then exactly on the rows that pass
    # it. Many shared keys (overlapping exports) would pass nearly every row: 20 bits then.
    if len(shared) <= 2048:
        table = np.zeros(1 << 16, dtype=bool)
        table[shared & 0xFFFF] = True
        low = keys.view(np.uint16)[0 if sys.byteorder == "little" else 1 :: 2]
        out = table[low]
    else:
        table = np.zeros(1 << 20, dtype=bool)
        table[shared & 0xFFFFF] = True
        out = table[keys & 0xFFFFF]
    maybe = np.flatnonzero(out)
    out[maybe] = np.isin(keys[maybe], shared)
    valid = pc.is_valid(values)
    if isinstance(valid, pa.ChunkedArray):
        valid = valid.combine_chunks()
    return out & valid.to_numpy(zero_copy_only=False)


def _text_keys(arr: pa.Array, block: int = 1 << 15) -> np.ndarray:
    """A uint32 key per string of an Arrow text array from its bytes' length, first 8 and
    last 8 bytes: equal strings always get equal keys (missing strings: any key). Worked out
    ``block`` strings at a time, so that the temporary arrays stay small and are reused."""
    n = len(arr)
    out = np.empty(n, dtype=np.uint32)
    if n == 0:
        return out
    offsets, data = P.text_buffers(arr)
    # Padded so that every string has 8 bytes from its start (a copy of the bytes: gathering
    # from the unpadded bytes and patching the last few strings costs more).
    padded = np.concatenate([data[: offsets[-1]], np.zeros(8, dtype=np.uint8)])
    # Every 8-byte window of the text as one little-endian uint64 (overlapping, unaligned);
    # read by fancy indexing (np.take would first copy this strided view, 8 bytes a byte).
    windows = np.ndarray(shape=(len(padded) - 7,), dtype="<u8", buffer=padded, strides=(1,))
    for start in range(0, n, block):
        stop = min(start + block, n)
        starts, ends = offsets[start:stop], offsets[start + 1 : stop + 1]
        lens = (ends - starts).astype(np.uint64)
        width = np.minimum(lens, np.uint64(8))
        mask = np.where(
            width == 8,
            np.uint64(0xFFFFFFFFFFFFFFFF),
            (np.uint64(1) << (width * np.uint64(8))) - np.uint64(1),
        )
        first = windows[starts] & mask
        last = windows[np.maximum(starts, ends - 8)] & mask
        with np.errstate(over="ignore"):
            key = first * np.uint64(0x9E3779B97F4A7C15)
            key ^= (last + np.uint64(0x632BE59BD9B4E019)) * np.uint64(0xBF58476D1CE4E5B9)
            key ^= lens * np.uint64(0x94D049BB133111EB)
            key ^= key >> np.uint64(29)
        out[start:stop] = key ^ (key >> np.uint64(32))
    return out


def _dedupe(
    frame: pd.DataFrame, reason: pd.Series, repeated: np.ndarray | None = None
) -> tuple[pd.DataFrame, pd.Series, int]:
    """Keep the latest record of each contact id (last-updated, else end time, else file order).

    ``repeated`` (from :func:`_repeated` on the same ids) narrows the work to ids that occur
    more than once; without it, it is computed here.
    """
    ok = reason.isna().to_numpy()
    if repeated is None:
        repeated = _repeated(frame["contact_id"])
    pos = np.flatnonzero(repeated & ok)
    if not len(pos):
        return frame, reason, 0
    ids = _pick(frame[["contact_id"]], pos)["contact_id"]
    dup = ids.duplicated(keep=False).to_numpy()
    dup_any = np.zeros(len(frame), dtype=bool)
    dup_any[pos[dup]] = True
    if not dup_any.any():
        return frame, reason, 0
    where = np.flatnonzero(dup_any)  # positions of every record of a duplicated id
    key = next((c for c in ("updated_at", "end_time") if c in frame.columns), None)
    sub = _pick(frame[["contact_id", *([key] if key else [])]], where)
    if key is not None:  # oldest first; ties and missing times in file order
        order = (
            pd.DataFrame({"k": sub[key], "p": np.arange(len(sub))})
            .sort_values(["k", "p"], na_position="first")
            .index.to_numpy()
        )
    else:
        order = np.arange(len(sub))
    older = sub["contact_id"].iloc[order].duplicated(keep="last").to_numpy()
    mask = np.zeros(len(frame), dtype=bool)
    mask[where[order[older]]] = True
    reason = _first(reason, mask, "duplicate contact_id (older record)")
    return frame, reason, int(mask.sum())


def _join_survey(
    frame: pd.DataFrame, reason: pd.Series, p: _Parsed
) -> tuple[pd.DataFrame, int, pd.DataFrame | None]:
    """Fill survey columns of kept contacts from a survey file; unmatched rows are quarantined."""
    s = p.frame.copy()
    r = p.reason.copy()
    dup = s["contact_id"].duplicated(keep="last") & r.isna()
    r = _first(r, dup, "duplicate survey for contact_id (older response)")
    kept_ids = pd.Index(frame.loc[reason.isna(), "contact_id"].dropna().unique())
    unmatched = ~s["contact_id"].isin(kept_ids)
    r = _first(r, unmatched, "survey for a contact_id not in the contacts")
    good = s.loc[r.isna()].set_index("contact_id")
    cols = [c for c in good.columns if c != "updated_at"]
    frame = frame.copy()
    for c in cols:
        mapped = frame["contact_id"].map(good[c])
        if c in frame.columns:
            frame[c] = mapped.where(mapped.notna(), frame[c]) if len(good) else frame[c]
        else:
            frame[c] = mapped
    q = None
    if r.notna().any():
        q = p.raw.as_written(p.raw.frame.loc[r.notna()])
        q.insert(0, "file", p.raw.source)
        q["reason"] = r[r.notna()].astype("string").to_numpy()
    return frame, int(r.isna().sum()), q


def _merge_mappings(maps: list[Mapping]) -> Mapping:
    fields: list[FieldMap] = []
    seen: set[str] = set()
    for m in maps:
        for f in m.fields:
            if f.target not in seen:
                fields.append(f)
                seen.add(f.target)
    preset = next((m.preset for m in maps if m.preset), None)
    return Mapping(shape=maps[0].shape, fields=tuple(fields), preset=preset)


def _filled_count(s: pd.Series) -> int:
    """Cells with a value; Arrow text knows its missing count without a scan."""
    if P.is_arrow_text(s):
        return len(s) - pa.array(s.array).null_count
    return int(s.count())


def _fill_rates(frame: pd.DataFrame, mapping: Mapping) -> pd.DataFrame:
    rows = []
    n = len(frame)
    counts = executor().map(_filled_count, [frame[c] for c in frame.columns])  # NumPy: no GIL
    for c, filled in zip(frame.columns, counts, strict=True):
        f = mapping.get(c)
        source = " + ".join(f.source) if f is not None else "(derived)"
        rows.append((c, source, filled, filled / n if n else float("nan")))
    return pd.DataFrame(rows, columns=["column", "source", "filled", "fill_rate"])


# --- helpers for the mapping editor and downloads ---------------------------------------------


def mapping_table(mapping: Mapping) -> pd.DataFrame:
    """The mapping as an editable table: one row per canonical column.

    Columns: ``column`` (canonical name), ``source`` (source column, "" when unmapped; date and
    time pairs joined with " + "), ``unit``, ``rule`` (transform) and ``meaning``.
    """
    rows = []
    for target in mapping_targets(mapping.shape):
        f = mapping.get(target)
        meaning = _col_def(target, mapping.shape).meaning
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
    """CSV bytes with spreadsheet formulas neutralised (cells starting = + - @ get a leading ')."""

    def clean(v: Any) -> Any:
        if isinstance(v, str) and v[:1] in ("=", "+", "-", "@", "\t", "\r"):
            return "'" + v
        return v

    out = frame.copy()
    for c in out.columns:
        if out[c].dtype == object or pd.api.types.is_string_dtype(out[c].dtype):
            out[c] = out[c].map(clean, na_action="ignore")
    out.columns = [clean(str(c)) for c in out.columns]
    return out.to_csv(index=False).encode("utf-8")

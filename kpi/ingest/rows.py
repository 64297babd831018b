"""Rows that are not records: spreadsheet spacer rows, a trailing notes line, and a group row
above the real header (#16, third round).

Google Sheets and Excel exports often carry blank rows between blocks (",,,,,") and a last
"Notes: ..." line in the first column; report tools put a group row ("Queue", "Queue",
"Handling", ...) above the column names. None of them is a contact: they are taken out before
mapping, each with a note in the import report, so that no row disappears without a word.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from kpi.ingest import _fastpath as fp

__all__ = ["drop_layout_rows", "promote_field_row"]

_NUMBER_OR_DATE = re.compile(r"^[-+]?[\d.,:/\s%]+$|^\d{4}-\d\d-\d\d")


def _filled(part: pd.DataFrame) -> pd.DataFrame:
    """True where a cell of ``part`` holds something (not missing, not blank text).

    Cell by cell: ``part`` is a few rows (the tail and the blank-looking ones), where pandas'
    per-column operations would cost more than the cells themselves.
    """
    cells = part.astype(object).to_numpy()
    out = [[_holds(v) for v in row] for row in cells]
    return pd.DataFrame(out, index=part.index, columns=part.columns, dtype=bool)


def _holds(value: object) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    return not bool(pd.isna(value))  # type: ignore[call-overload]  # a scalar cell


def _blank(col: pd.Series) -> np.ndarray:
    """True where a cell is missing or blank text (Arrow's kernels on Arrow-backed text)."""
    if pd.api.types.is_numeric_dtype(col.dtype) or pd.api.types.is_bool_dtype(col.dtype):
        return col.isna().to_numpy()
    if isinstance(col.dtype, pd.ArrowDtype | pd.StringDtype) and col.dtype != object:
        try:
            arr = pa.array(col.array)
        except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError):
            arr = None
        if (
            arr is not None
            and pa.types.is_string(arr.type)
            or (arr is not None and pa.types.is_large_string(arr.type))
        ):
            if not arr.null_count and not fp.has_blank(arr) and not fp.edge_space(arr):
                return np.zeros(len(col), dtype=bool)  # no empty cell, none starts with a space
            blank = pc.or_kleene(
                pc.is_null(arr),
                pc.or_kleene(pc.equal(pc.binary_length(arr), 0), pc.utf8_is_space(arr)),
            )
            return blank.fill_null(True).to_numpy(zero_copy_only=False)
    return (col.isna() | col.astype("string").str.strip().eq("").fillna(True)).to_numpy()


def drop_layout_rows(frame: pd.DataFrame) -> tuple[pd.DataFrame, list[str], list[str]]:
    """``frame`` without its blank rows and without trailing note lines (one text cell, in the
    first column, every other cell blank, below the last record), with a note for each.

    Returns the frame, the notes, and one ``"reason: line"`` entry per row taken out, which
    the importer quarantines like a ragged line: every row of the file is accounted for.
    """
    if frame.shape[1] < 3 or frame.empty:
        return frame, [], []
    candidates = frame.index[_blank(frame.iloc[:, 0])]
    # Blank rows have an empty first column; note rows are at the very end: look at both only.
    # A slice when only the tail is looked at: picking rows from a million-row Arrow frame by
    # label costs more than the whole check.
    part = (
        frame.iloc[-20:] if not len(candidates) else frame.loc[candidates.union(frame.index[-20:])]
    )
    filled = _filled(part)
    n_filled = filled.sum(axis=1)
    blank = n_filled.index[n_filled.eq(0)]
    notes: list[str] = []
    footer: list[object] = []
    for idx in reversed(frame.index):
        if idx not in n_filled.index:
            break
        if n_filled[idx] == 0:
            continue
        cell = str(frame.at[idx, frame.columns[0]]).strip()
        if (
            n_filled[idx] == 1
            and filled.at[idx, frame.columns[0]]
            and not _NUMBER_OR_DATE.match(cell)
        ):
            footer.append(idx)
            continue
        break
    drop = blank.union(pd.Index(footer))
    if not len(drop):
        return frame, [], []
    lines = ["blank row (a spacer with no value, not a contact): "] * len(blank)
    if len(blank):
        notes.append(f"{len(blank):,} blank rows (spacers with no value) skipped: not contacts")
    for idx in reversed(footer):
        text = str(frame.at[idx, frame.columns[0]]).strip()
        shown = text if len(text) <= 80 else text[:77] + "..."
        notes.append(f"note line below the data skipped (not a contact): '{shown}'")
        lines.append(f"note line below the data (not a contact): {text}")
    return frame.drop(index=drop), notes, lines


def _texts(values: list[object]) -> bool:
    cells = [str(v).strip() for v in values]
    return all(c and c.lower() not in ("nan", "<na>") for c in cells) and not any(
        _NUMBER_OR_DATE.match(c) for c in cells
    )


_SUFFIX = re.compile(r"\.\d+$")


def promote_field_row(frame: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """A group row above the column names ("Call, Call, Queue, Queue, Handling, ...") read as
    the header: the first data row holds the real names. Recognised when the header repeats
    names (or leaves cells blank, as a merged group cell does), the first row is all text and
    unique, and the next rows are not (they hold numbers or dates). The header becomes the
    field row; a field name that repeats keeps its group in front ("Queue Wait", "Handling
    Wait")."""
    if len(frame) < 2 or frame.shape[1] < 2:
        return frame, []
    header = [str(c) for c in frame.columns]
    groups = [_SUFFIX.sub("", c) if not c.startswith("column ") else "" for c in header]
    repeated = len(set(groups)) < len(groups) or "" in groups
    row0 = frame.iloc[0].tolist()
    if not repeated or not _texts(row0):
        return frame, []
    fields = [str(v).strip() for v in row0]
    if len(set(fields)) < len(fields) and len(set(zip(groups, fields, strict=True))) < len(fields):
        return frame, []
    nxt = frame.iloc[1 : min(len(frame), 6)]
    if all(_texts(list(r)) for r in nxt.itertuples(index=False)):
        return frame, []  # more text rows: not a header followed by data
    names, last = [], ""
    for g, f in zip(groups, fields, strict=True):
        last = g or last
        names.append(f"{last} {f}".strip() if fields.count(f) > 1 else f)
    out = frame.iloc[1:].set_axis(names, axis=1)
    shown = ", ".join(dict.fromkeys(g for g in groups if g))
    return out, [f"two header rows: the group row ({shown}) stands above the column names"]

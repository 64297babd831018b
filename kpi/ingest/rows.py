"""Rows that are not records: spreadsheet spacer rows, a trailing notes line, and a group row
above the real header (#16, third round).

Google Sheets and Excel exports often carry blank rows between blocks (",,,,,") and a last
"Notes: ..." line in the first column; report tools put a group row ("Queue", "Queue",
"Handling", ...) above the column names. None of them is a contact: they are taken out before
mapping, each with a note in the import report, so that no row disappears without a word.
"""

from __future__ import annotations

import re

import pandas as pd

__all__ = ["drop_layout_rows", "promote_field_row"]

_NUMBER_OR_DATE = re.compile(r"^[-+]?[\d.,:/\s%]+$|^\d{4}-\d\d-\d\d")


def _filled(frame: pd.DataFrame, rows: pd.Index) -> pd.DataFrame:
    """True where a cell of ``rows`` holds something (not missing, not blank text)."""
    part = frame.loc[rows]
    out = part.notna()
    for c in part.columns:
        if not pd.api.types.is_numeric_dtype(part[c].dtype) and not pd.api.types.is_bool_dtype(
            part[c].dtype
        ):
            out[c] = out[c] & part[c].astype("string").str.strip().ne("").fillna(False)
    return out.astype(bool)


def drop_layout_rows(frame: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """``frame`` without its blank rows and without trailing note lines (one text cell, in the
    first column, every other cell blank, below the last record), with a note for each."""
    if frame.shape[1] < 3 or frame.empty:
        return frame, []
    first = frame.iloc[:, 0]
    candidates = frame.index[
        first.isna().to_numpy() | first.astype("string").str.strip().eq("").fillna(True).to_numpy()
    ]
    # Blank rows have an empty first column; note rows are at the very end: look at both only.
    tail = frame.index[-20:]
    look = candidates.union(tail)
    filled = _filled(frame, look)
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
        return frame, []
    if len(blank):
        notes.append(f"{len(blank):,} blank rows (spacers with no value) skipped: not contacts")
    for idx in reversed(footer):
        text = str(frame.at[idx, frame.columns[0]]).strip()
        shown = text if len(text) <= 80 else text[:77] + "..."
        notes.append(f"note line below the data skipped (not a contact): '{shown}'")
    return frame.drop(index=drop), notes


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

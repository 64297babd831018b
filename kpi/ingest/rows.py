"""Rows that are not records: spreadsheet spacer rows, a trailing notes line, total lines, and
a group row above the real header (#16, third and fourth rounds).

Google Sheets and Excel exports often carry blank rows between blocks (",,,,,") and a last
"Notes: ..." line in the first column; report exports add a "Total" line at the bottom, or a
"Total for <queue>" line after each block and a "Grand Total" at the end; report tools put a
group row ("Queue", "Queue", "Handling", ...) above the column names. None of them is a contact
or a period: they are taken out before mapping, each with a note in the import report, so that
no row disappears without a word.
"""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from kpi.ingest import _fastpath as fp

__all__ = [
    "drop_layout_rows",
    "promote_field_row",
    "repeated_headers",
    "survey_header_rows",
    "units_row",
]

_NUMBER_OR_DATE = re.compile(r"^[-+]?[\d.,:/\s%]+$|^\d{4}-\d\d-\d\d")

#: The total words, "{s}" standing for the white space of each regular expression dialect.
_WORDS = (
    r"grand[{s}-]*totals?|sub[{s}-]*totals?|totals?|total[{s}]+for[{s}]+\S.*|sum|summe|gesamt"
    r"|gesamtsumme|totaal|totale(?:[{s}]+generale)?|total[{s}]+g[eé]n[eé]ral|total[{s}]+geral"
    r"|somme"
    # what a total sums, named before it: "Daily Total", "Report Total", "Team Subtotal"
    r"|(?:daily|day|weekly|week|monthly|month|report|overall|period|page|queue|skill|team"
    r"|interval|center|centre|site|group|department|dept|region|campaign|channel|split"
    r"|location|agent|division|unit)[{s}-]*(?:sub[{s}-]*)?totals?"
)
#: A whole cell that labels a total line (after trimming; case-insensitive, a trailing ':'
#: allowed). Whole-cell only: a queue "Total Care" or an agent "Totaro" is a record.
_TOTAL = re.compile("(?:" + _WORDS.replace("{s}", r"\s") + r")\s*:?", re.IGNORECASE)
#: The same for Arrow's RE2 kernel, on the untrimmed cell (RE2's \s is ASCII: no-break space
#: added).
_TOTAL_RE2 = "(?i)^[{s}]*(?:" + _WORDS + ")[{s}]*:?[{s}]*$"
_TOTAL_RE2 = _TOTAL_RE2.replace("{s}", r"\s\x{a0}")
#: The total words that close the whole table rather than one block.
_GRAND = re.compile(r"grand|g[eé]n[eé]ral|geral|generale|gesamtsumme", re.IGNORECASE)


#: The letters the first three of a total word can be ("tot", "sub", "sum", "som", "gra",
#: "ges", "dai", "rep", "cen", "sit", ...), position by position: a cheap filter before the regular
#: expression runs (a superset: "sob" passes, the expression judges).
_TOTAL_BYTES = (b"tsgdwmropqicalu", b"oureavknighplr", b"tbmasiyenprglcov")
#: A date written in a text cell: 13/03/2025, 2025-03-13, 13.03.25, "Mar 13", "13 Mar".
_MONTH = r"(?:jan|feb|m[aä]r|apr|ma[iy]|jun|jul|aug|sep|o[ck]t|nov|de[cz])[a-zäé]*\.?"
_DATE = re.compile(
    r"(?<!\d)(?:\d{1,2}([-/.])\d{1,2}\1(?:\d{4}|\d\d)|\d{4}([-/.])\d{1,2}\2\d{1,2})(?!\d)"
    rf"|\b{_MONTH}\s+\d{{1,2}}\b|\b\d{{1,2}}\.?\s+{_MONTH}(?![a-z])",
    re.IGNORECASE,
)


def _filled(part: pd.DataFrame) -> tuple[np.ndarray, pd.DataFrame]:
    """The cells of ``part`` (an object array) and True where one holds something (not
    missing, not blank text).

    Cell by cell: ``part`` is a few rows (the tail and the blank- or total-looking ones), where
    pandas' per-column operations would cost more than the cells themselves.
    """
    cells = part.astype(object).to_numpy()
    out = [[_holds(v) for v in row] for row in cells]
    return cells, pd.DataFrame(out, index=part.index, columns=part.columns, dtype=bool)


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


def _total_words(col: pd.Series) -> np.ndarray:
    """True where a cell may be a total word (:data:`_TOTAL`; a superset, each row is confirmed
    by :func:`_total_lines`). Number, date and duration columns hold none; Arrow text is
    filtered on its first three bytes, and only the strings that pass go to Arrow's regular
    expression kernel: a column of ids or queue names costs a few vectorised passes."""
    dtype = col.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        cats = pd.Series(dtype.categories)
        hit = np.array([isinstance(v, str) and bool(_TOTAL.fullmatch(v.strip())) for v in cats])
        codes = col.cat.codes.to_numpy()
        return np.append(hit, False)[codes] if hit.any() else np.zeros(len(col), dtype=bool)
    if fp.is_arrow_text(col):
        arr = pa.array(col.array)
        chunks = arr.chunks if isinstance(arr, pa.ChunkedArray) else [arr]
        out = np.zeros(len(col), dtype=bool)
        at = 0
        for chunk in chunks:
            out[at : at + len(chunk)] = fp.match_text(chunk, _TOTAL_RE2, _TOTAL_BYTES)
            at += len(chunk)
        return out
    if pd.api.types.is_string_dtype(dtype):  # object columns too
        return np.array([isinstance(v, str) and bool(_TOTAL.fullmatch(v.strip())) for v in col])
    return np.zeros(len(col), dtype=bool)  # numbers, dates, durations, booleans


def _is_date(value: object) -> bool:
    """Whether a cell holds a date: a date-typed value, or text with a written date."""
    if isinstance(value, str):
        return bool(_DATE.search(value))
    if isinstance(value, pd.Timestamp | dt.date | np.datetime64):
        return not bool(pd.isna(value))
    return False


def _total_lines(cells: np.ndarray, filled: np.ndarray) -> dict[int, str]:
    """The total lines among the rows of ``cells`` (by position) and their total word: the
    first filled cell is a total word, and no other cell is a date (a row "Total, 2025-03-10,
    97, ..." is that day's record, not a line to set aside)."""
    out: dict[int, str] = {}
    if not cells.size:
        return out
    firsts = filled.argmax(axis=1)
    for i in np.flatnonzero(filled.any(axis=1)):
        j = int(firsts[i])
        word = cells[i, j]
        if not isinstance(word, str) or not _TOTAL.fullmatch(word.strip()):
            continue
        if any(
            _is_date(v) for v, f in zip(cells[i, j + 1 :], filled[i, j + 1 :], strict=True) if f
        ):
            continue
        out[int(i)] = word.strip()
    return out


def _pivot_blocks(
    frame: pd.DataFrame, blanks: np.ndarray
) -> tuple[pd.DataFrame, int, dict[object, str]]:
    """A pivot table in compact form writes its first column once per block ("15/10/2024" on
    the day's first interval, blank below) and closes each block with a subtotal line
    ("15/10/2024 Total"). When every block so closed starts with its value and is blank in
    between, the value is filled down the block. Returns the frame, the rows filled and the
    subtotal lines (row label -> their cell)."""
    if not blanks.any() or blanks.all():
        return frame, 0, {}
    # A subtotal line follows the last blank row of its block: only those rows can be one.
    after = np.flatnonzero(~blanks[1:] & blanks[:-1]) + 1
    text = frame.iloc[:, 0].astype("string").str.strip()
    closing = {}
    for i in after:
        label = str(text.iloc[i])
        if label.lower().endswith(" total"):
            closing[int(i)] = label[: -len(" total")].strip()
    if not closing:
        return frame, 0, {}
    fill = np.zeros(len(frame), dtype=bool)
    for end, value in closing.items():
        start = end - 1
        while start >= 0 and blanks[start]:
            start -= 1
        if start < 0 or str(text.iloc[start]) != value:
            return frame, 0, {}  # not a pivot block: leave the column as it is
        fill[start + 1 : end] = True
    filled = text.mask(fill).ffill().where(fill, frame.iloc[:, 0].astype("string"))
    out = frame.assign(**{str(frame.columns[0]): filled})
    return out, int(fill.sum()), {frame.index[i]: str(text.iloc[i]) for i in closing}


def _label_totals(frame: pd.DataFrame, first: np.ndarray) -> dict[object, str]:
    """Total lines whose word stands beside the labels of the rows they sum, in one of the first
    three columns: "10/14/2024, Daily Total, Claims" after that day's Claims intervals, or
    "Total, 2025-03-10" after that day's queues. Such a row is a total line where another row
    (not a total) has the same labels (the other two of those columns that are not numbers; a
    blank cell matches any), so a queue named "Total" with no rows to sum is a record.
    (row label -> word; ``first``: the first column's total words, found already)"""
    lead = list(range(min(3, frame.shape[1])))
    out: dict[object, str] = {}
    for j in lead:
        words = first if j == 0 else _total_words(frame.iloc[:, j])
        n = int(np.count_nonzero(words))
        if not n or 2 * n > len(frame):
            continue  # none, or mostly "totals": a value of the data
        keys = [
            c
            for c in (frame.columns[k] for k in lead if k != j)
            if not pd.api.types.is_numeric_dtype(frame[c].dtype)  # figures differ: labels only
        ]
        if not keys:
            continue  # no label beside the word: a first-column total (:func:`_total_lines`)
        text = pd.DataFrame(
            {c: frame[c].astype("string").str.strip().fillna("") for c in keys}, index=frame.index
        )
        others = text[~words]
        rows = text[words]
        word = frame.iloc[:, j][words].astype("string").str.strip()
        for pattern, group in rows.groupby([rows[c].ne("") for c in keys], sort=False):
            on = [c for c, filled in zip(keys, pattern, strict=True) if filled]
            if not on:
                hit = np.full(len(group), len(others) > 0)
            else:
                seen = pd.MultiIndex.from_frame(others[on].drop_duplicates())
                hit = pd.MultiIndex.from_frame(group[on]).isin(seen)
            out.update({i: str(word[i]) for i in group.index[hit]})
    return out


def _fewer_than_rows(frame: pd.DataFrame, totals: dict[object, str]) -> str | None:
    """A note when total lines beside labels count fewer than the rows they stand for (a
    report by skill counts a call queued to two skills in both; its "Totals" count it once):
    the rows overlap, and KPIs summed over them count such contacts more than once."""
    lead = [c for c in frame.columns[:3] if not pd.api.types.is_numeric_dtype(frame[c].dtype)]
    counts = [c for c in frame.columns if pd.api.types.is_integer_dtype(frame[c].dtype)]
    if not totals or not lead or not counts:
        return None
    text = {c: frame[c].astype("string").str.strip().fillna("").to_numpy() for c in lead}
    figures = frame[counts].to_numpy()
    at = {label: k for k, label in enumerate(frame.index)}
    rows = np.ones(len(frame), dtype=bool)
    rows[[at[t] for t in totals]] = False
    fewer = []
    for t, word in totals.items():
        k = at[t]
        labels = {c: v[k] for c, v in text.items() if v[k] and v[k] != word}
        if not labels:
            continue
        same = rows & np.logical_and.reduce([text[c] == v for c, v in labels.items()])
        if np.count_nonzero(same) >= 2 and bool((figures[k] < figures[same].sum(axis=0)).any()):
            fewer.append(t)
    if not fewer:
        return None
    return (
        f"{len(fewer):,} total lines count fewer contacts than the rows beside them (a contact "
        "counted in several rows, as a report by skill does): the rows overlap, so volumes and "
        "rates over all of them count such contacts more than once"
    )


def _written(cells: np.ndarray, filled: np.ndarray) -> str:
    """A row as a line of the file (its cells joined by ','; blank cells empty)."""
    return ",".join(str(v).strip() if f else "" for v, f in zip(cells, filled, strict=True))


def _total_note(words: list[str]) -> str:
    """The report's note on the total lines taken out, naming them."""
    shown = ", ".join(f"'{w}'" for w in list(dict.fromkeys(words))[:5])
    shown += ", ..." if len(set(words)) > 5 else ""
    if len(words) == 1:
        return f"a total line set aside (a sum of other rows, not a period or a contact): {shown}"
    grand = sum(bool(_GRAND.search(w)) for w in words)
    sub = len(words) - grand
    kinds = f"{sub:,} subtotal{'s' if sub > 1 else ''} and a grand total"
    if grand != 1 or not sub:
        kinds = "sums of other rows"
    return f"{len(words):,} total lines ({kinds}) set aside: not periods or contacts: {shown}"


def _footer(
    frame: pd.DataFrame, filled: pd.DataFrame, n_filled: pd.Series, totals: dict[object, str]
) -> list[object]:
    """The note lines below the last record (last first): one text cell, in the first column,
    that is not a number or a date. Blank rows and total lines between them are passed over."""
    footer: list[object] = []
    for idx in reversed(frame.index):
        if idx not in n_filled.index:
            break
        if n_filled[idx] == 0 or idx in totals:
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
    return footer


def drop_layout_rows(frame: pd.DataFrame) -> tuple[pd.DataFrame, list[str], list[str]]:
    """``frame`` without its blank rows, total lines and trailing note lines (one text cell, in
    the first column, every other cell blank, below the last record), with a note for each.

    A total line's first filled cell is a whole total word ("Total", "Grand Total", "Total for
    Sales", "Subtotal:", "Summe", "Total geral", ...; :data:`_TOTAL`) and none of its other
    cells is a date. It sums other rows: kept, it would count every contact twice. The word is
    in the first column, or further right when the cells before it are blank (Vonage indents
    its totals). Should more than half of the rows be "total lines", the word is a value of
    the data (a queue named "Total") and every row stays.

    Returns the frame, the notes, and one ``"reason: line"`` entry per row taken out, which
    the importer quarantines like a ragged line: every row of the file is accounted for.
    """
    if frame.shape[1] < 3 or frame.empty:
        return frame, [], []
    first = frame.iloc[:, 0]
    blanks = _blank(first)
    frame, filled_down, subtotals = _pivot_blocks(frame, blanks)
    if filled_down:
        first, blanks = frame.iloc[:, 0], _blank(frame.iloc[:, 0])
    words = _total_words(first)
    if 2 * np.count_nonzero(words) > len(frame):
        words[:] = False  # mostly "totals": a value of the data (a queue named so)
    beside = {**_label_totals(frame, words), **subtotals}
    candidates = frame.index[blanks | words].union(pd.Index(list(beside)))
    # Blank rows have an empty first column, a total line a total word there (or an empty
    # first column, or beside the labels of the rows it sums); note rows are at the very end:
    # look at these only.
    # A slice when only the tail is looked at: picking rows from a million-row Arrow frame by
    # label costs more than the whole check.
    part = (
        frame.iloc[-20:] if not len(candidates) else frame.loc[candidates.union(frame.index[-20:])]
    )
    cells, filled = _filled(part)
    n_filled = filled.sum(axis=1)
    blank = n_filled.index[n_filled.eq(0)]
    mask = filled.to_numpy()
    found = _total_lines(cells, mask)
    at = {label: k for k, label in enumerate(part.index)}
    found.update({at[i]: w for i, w in beside.items() if i not in blank})
    if 2 * len(found) > len(frame):
        found = {}  # mostly "totals": a value of the data (a queue named so), not layout rows
    totals = {part.index[i]: w for i, w in found.items()}
    footer = _footer(frame, filled, n_filled, totals)
    notes: list[str] = []
    if filled_down:
        notes.append(
            f"'{frame.columns[0]}' is written once per block (a pivot table): filled down "
            f"over {filled_down:,} rows below each value"
        )
    drop = blank.union(pd.Index(footer)).union(pd.Index(list(totals)))
    if not len(drop):
        return frame, notes, []
    lines = ["blank row (a spacer with no value, not a contact): "] * len(blank)
    if len(blank):
        notes.append(f"{len(blank):,} blank rows (spacers with no value) skipped: not contacts")
    if totals:
        notes.append(_total_note(list(totals.values())))
        fewer = _fewer_than_rows(frame, {i: w for i, w in totals.items() if i in beside})
        notes += [fewer] if fewer else []
        lines += [
            "total line (a sum of other rows, not a period or a contact): "
            + _written(cells[i], mask[i])
            for i in found
        ]
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
    # A cell merged down over both rows ("Date" in a workbook) leaves the field row blank
    # below it: the header's own name is that column's field name.
    row0 = [
        g if not _holds(v) and g and not h.startswith("column ") else v
        for v, g, h in zip(frame.iloc[0].tolist(), groups, header, strict=True)
    ]
    if not repeated or not _texts(row0):
        return frame, []
    fields = [str(v).strip() for v in row0]
    spans, last = [], ""  # a merged group cell names the columns up to the next group
    for g in groups:
        last = g or last
        spans.append(last)
    if len(set(fields)) < len(fields) and len(set(zip(spans, fields, strict=True))) < len(fields):
        return frame, []
    nxt = frame.iloc[1 : min(len(frame), 6)]
    if all(_texts(list(r)) for r in nxt.itertuples(index=False)):
        return frame, []  # more text rows: not a header followed by data
    names = [
        f"{g} {f}".strip() if fields.count(f) > 1 else f for g, f in zip(spans, fields, strict=True)
    ]
    out = frame.iloc[1:].set_axis(names, axis=1)
    shown = ", ".join(dict.fromkeys(g for g in groups if g))
    return out, [f"two header rows: the group row ({shown}) stands above the column names"]


#: Qualtrics question ids ("Q1", "Q1_NPS_GROUP", "Q2_3", "QID5"): their question text names them.
_QUESTION_ID = re.compile(r"^(?:Q|QID)\d+(?:_\w+)?$", re.IGNORECASE)
#: SurveyMonkey's answer-type row under the question texts.
_ANSWER_TYPES = frozenset({"response", "open-ended response", "other (please specify)"})


def survey_header_rows(frame: pd.DataFrame) -> tuple[pd.DataFrame, list[str], list[str]]:
    """Survey exports with header rows under the column names: Qualtrics writes the question
    texts, then a row of import ids (``{"ImportId": "QID1"}``); SurveyMonkey an answer-type row
    ("Response", "Open-Ended Response"). Those rows are set aside (as ``"reason: line"``
    entries, like other layout rows), and a column named by a question id ("Q1") takes its
    question text as its name, so that the fields are matched on what was asked.

    Returns the frame, the notes and the lines set aside.
    """
    if len(frame) < 2 or frame.shape[1] < 2:
        return frame, [], []
    cells, filled = _filled(frame.iloc[:2])
    mask = filled.to_numpy()
    first = [str(v).strip() for v, f in zip(cells[0], mask[0], strict=True) if f]
    second = [str(v).strip() for v, f in zip(cells[1], mask[1], strict=True) if f]
    if second and all(v.startswith('{"ImportId"') for v in second):
        texts = [str(v).strip() if f else "" for v, f in zip(cells[0], mask[0], strict=True)]
        names = [
            t if t and _QUESTION_ID.match(str(c)) and t not in frame.columns else str(c)
            for c, t in zip(frame.columns, texts, strict=True)
        ]
        renamed = sum(str(c) != n for c, n in zip(frame.columns, names, strict=True))
        out = frame.iloc[2:].set_axis(names, axis=1)
        lines = [
            "survey header row (the question texts, not a response): "
            + _written(cells[0], mask[0]),
            "survey header row (Qualtrics import ids, not a response): "
            + _written(cells[1], mask[1]),
        ]
        note = (
            "Qualtrics header rows (question texts, import ids) set aside; "
            f"{renamed} question columns named by their question text"
        )
        return out, [note], lines
    if first and all(v.lower() in _ANSWER_TYPES for v in first):
        out = frame.iloc[1:]
        line = "survey header row (answer types, not a response): " + _written(cells[0], mask[0])
        return out, ["SurveyMonkey's answer-type row under the questions set aside"], [line]
    return frame, [], []


#: Unit words a units row under the column names holds, and what each adds to its name: a
#: duration unit or a percent sign (the importer reads both from a header); counts add nothing.
_UNIT_CELLS = {
    "s": " (s)", "sec": " (s)", "secs": " (s)", "seconds": " (s)", "ms": " (ms)",
    "min": " (min)", "mins": " (min)", "minutes": " (min)", "h": " (h)", "hrs": " (h)",
    "hours": " (h)", "%": " %", "pct": " %", "percent": " %", "calls": "", "contacts": "",
    "count": "", "#": "", "n": "", "chats": "", "emails": "", "tickets": "",
}  # fmt: skip


def units_row(frame: pd.DataFrame) -> tuple[pd.DataFrame, list[str], list[str]]:
    """A row of units under the column names (``calls``, ``s``, ``%``; blank over the label
    columns) set aside as a ``"reason: line"`` entry, each unit written into its column's name
    ("ASA" -> "ASA (s)", "Service Level" -> "Service Level %"), where the importer reads it."""
    if len(frame) < 2 or frame.shape[1] < 2:
        return frame, [], []
    cells = [str(v).strip() if _holds(v) else "" for v in frame.iloc[0]]
    units = [c.lower() for c in cells if c]
    if len(units) < 2 or any(u not in _UNIT_CELLS for u in units):
        return frame, [], []
    names = {
        col: f"{col}{_UNIT_CELLS[u.lower()]}"
        for col, u in zip(frame.columns, cells, strict=True)
        if u and _UNIT_CELLS[u.lower()] and _UNIT_CELLS[u.lower()].strip() not in str(col)
    }
    line = ",".join(cells)
    out = frame.iloc[1:].rename(columns=names)
    note = f"a units row under the column names ({', '.join(dict.fromkeys(units))}) read into them"
    return out, [note], [f"units row (the columns' units, not a contact or a period): {line}"]


def repeated_headers(frame: pd.DataFrame) -> tuple[pd.DataFrame, list[str], list[str]]:
    """Lines that repeat the column names (a report printed with a header on every page, two
    exports glued together) set aside as ``"reason: line"`` entries: they are no data. Found
    from the first column (one vectorised comparison; a byte-order mark before it, as ``copy
    /b`` leaves, is no difference), confirmed on the other cells of the few lines found.

    A repeated header whose names stand in another order (a later export with its columns
    moved) is one too: the rows below it, up to the next header, are read by its names."""
    if frame.empty or frame.shape[1] < 2:
        return frame, [], []
    first, name = frame.iloc[:, 0], str(frame.columns[0]).strip()
    if not (pd.api.types.is_string_dtype(first.dtype) or first.dtype == object):
        return frame, [], []
    same = fp.text_ends_with(first, name)  # a byte-order mark before it is no difference
    if not same.any():
        return frame, [], []
    pos = np.flatnonzero(same)
    cells, filled = _filled(frame.iloc[pos])
    names = [str(c).strip() for c in frame.columns]
    rows = [[str(v).strip().lstrip("\ufeff") for v in row] for row in cells]
    in_place = [sum(v == n for v, n in zip(row, names, strict=True)) for row in rows]
    moved = [
        k
        for k, row in enumerate(rows)
        if in_place[k] < 0.8 * len(names) and sorted(row) == sorted(names)
    ]
    header = [n >= 0.8 * len(names) or k in moved for k, n in enumerate(in_place)]
    drop = pos[np.asarray(header, dtype=bool)]
    if not len(drop):
        return frame, [], []
    mask = filled.to_numpy()
    lines = [
        "the header repeated (a page break), not a contact: " + _written(cells[i], mask[i])
        for i, h in enumerate(header)
        if h
    ]
    notes = [f"{len(drop):,} lines repeating the column names (page breaks) set aside"]
    if moved:
        frame = _realigned(frame, drop, {int(pos[k]): rows[k] for k in moved}, names)
        notes.append(
            f"the column names repeat in another order on {len(moved):,} lines (exports with "
            "their columns moved, joined into one file): the rows below each are read by its "
            "names"
        )
    keep = np.ones(len(frame), dtype=bool)
    keep[drop] = False
    return frame.iloc[keep], notes, lines


def _realigned(
    frame: pd.DataFrame, headers: np.ndarray, moved: dict[int, list[str]], names: list[str]
) -> pd.DataFrame:
    """``frame`` with the rows below each moved header (position -> its names), up to the next
    header line, put back under the columns their header names."""
    parts, start = [], 0
    bounds = [int(h) for h in headers] + [len(frame)]
    for k, h in enumerate(bounds[:-1]):
        if h not in moved:
            continue
        stop = bounds[k + 1]
        parts.append(frame.iloc[start : h + 1])
        block = frame.iloc[h + 1 : stop]
        order = [moved[h].index(n) for n in names]
        parts.append(block.iloc[:, order].set_axis(frame.columns, axis=1))
        start = stop
    parts.append(frame.iloc[start:])
    out = pd.concat([p.astype("string") for p in parts]) if len(parts) > 1 else frame
    return out

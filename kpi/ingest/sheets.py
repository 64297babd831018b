"""Workbook, Parquet and JSON readers for the importer (text files: :mod:`kpi.ingest.readers`).

Excel ``.xlsx`` is read with openpyxl, old Excel 97-2003 ``.xls`` with calamine, LibreOffice ``.ods``
with odfpy (all through pandas); each returns a :class:`~kpi.ingest.readers.RawTable`.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from pathlib import Path
from typing import Any, Literal

import pandas as pd
import pyarrow as pa

from kpi.errors import DataError
from kpi.ingest.headers import leaf_names
from kpi.ingest.readers import (
    RawTable,
    Source,
    arrow_input,
    lines_text,
    normalise_arrow,
)
from kpi.ingest.sniff import preamble_rows

__all__ = ["read_excel", "read_jsonl", "read_parquet", "workbook_sheets"]


def _engine(kind: str) -> Literal["odf", "openpyxl", "calamine"]:
    return "odf" if kind == "ods" else "calamine" if kind == "xls" else "openpyxl"


def _unreadable() -> tuple[type[BaseException], ...]:
    """The errors a damaged workbook raises in its reader."""
    errors: tuple[type[BaseException], ...] = (
        zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError, AttributeError, IndexError,
    )  # fmt: skip
    try:
        from python_calamine import CalamineError
    except ImportError:  # pragma: no cover - python-calamine is a dependency
        return errors
    return (*errors, CalamineError)


def _book(src: Source) -> Any:
    """The workbook as pandas reads it: the path, or the uploaded bytes as a binary stream
    (pandas-stubs type the stream as ``ReadBuffer[bytes]``, which ``BytesIO`` is)."""
    return src.stream()


def _damaged(src: Source, kind: str) -> str:
    if kind == "xls":
        return (
            f"'{src.name}' could not be opened as an Excel 97-2003 workbook (the file is damaged): "
            "open it in Excel and save it as .xlsx or CSV."
        )
    if kind == "ods":
        return (
            f"'{src.name}' could not be opened as a LibreOffice spreadsheet (the file is damaged or "
            "is not really .ods): save it again from LibreOffice as .ods, .xlsx or CSV."
        )
    return (
        f"'{src.name}' could not be opened as an Excel workbook (the file is damaged or is not "
        "really .xlsx): save it again from Excel as .xlsx or CSV."
    )


def workbook_sheets(src: Source, kind: str = "excel") -> list[str]:
    """The sheet names of an .xlsx (``kind="excel"``), .xls (``"xls"``) or .ods (``"ods"``)
    workbook."""
    engine = _engine(kind)
    try:
        with pd.ExcelFile(_book(src), engine=engine) as book:
            return [str(s) for s in book.sheet_names]
    except _unreadable():
        raise DataError(_damaged(src, kind)) from None
    except ImportError:  # pragma: no cover - odfpy and python-calamine are dependencies
        package = {"odf": "odfpy", "calamine": "python-calamine"}.get(engine, engine)
        raise DataError(
            f"'{src.name}' needs the {package} package, which is missing: install it (pip "
            f"install {package}) or save the file as .xlsx or CSV."
        ) from None


def read_excel(src: Source, sheet: str | None, kind: str = "excel") -> RawTable:
    """The sheet that holds the data table (or ``sheet``) of an .xlsx, .xls or .ods workbook.

    Without ``sheet``, every sheet is read and the one whose header names canonical fields (or
    has a column of dates) with the most rows wins: a short "Summary" sheet in front of the
    data is skipped. With no such sheet, the first sheet with any cells is read.
    """
    engine = _engine(kind)
    sheets = workbook_sheets(src, kind)
    if sheet is not None and sheet not in sheets:
        raise DataError(
            f"'{src.name}' has no sheet named '{sheet}'; its sheets are: "
            f"{', '.join(sheets)}. Pick one of them."
        )
    candidates: list[tuple[str, int, pd.DataFrame]] = []
    titles: dict[str, list[tuple[object, ...]]] = {}  # the lines above each sheet's header
    try:
        for name in [sheet] if sheet is not None else sheets:
            whole = pd.read_excel(_book(src), sheet_name=name, engine=engine, header=None)
            skip = preamble_rows(list(whole.head(60).itertuples(index=False, name=None)))
            titles[name] = list(whole.head(skip).itertuples(index=False, name=None))
            frame = pd.read_excel(_book(src), sheet_name=name, engine=engine, header=skip)
            candidates.append((name, skip, frame))
    except _unreadable():
        raise DataError(_damaged(src, kind)) from None
    name, skip, frame = _table_sheet(candidates)
    notes = []
    warnings = []
    if len(sheets) > 1:
        why = "" if sheet is not None else ": the sheet that holds the data table"
        notes.append(f"sheet '{name}' of {len(sheets)} ({', '.join(sheets)}) read{why}")
        same = [n for n, _, f in candidates if n != name and list(f.columns) == list(frame.columns)]
        if same and sheet is None:  # one month per sheet: the others are data too
            warnings.append(
                f"'{src.name}': sheet '{name}' read; {', '.join(repr(n) for n in same)} "
                "have the same columns and were not read: pick each with --sheet (the sheet "
                "picker on the Data page), or save them as one sheet"
            )
    if skip:
        notes.append(f"header on row {skip + 1}: {lines_text(skip)} above it skipped")
    uncomputed = _uncomputed_formulas(src, name, skip, frame) if kind == "excel" else []
    if uncomputed:
        frame = frame.drop(columns=uncomputed)
        warnings.append(
            f"'{src.name}': {', '.join(repr(c) for c in uncomputed)} "
            f"{'holds' if len(uncomputed) == 1 else 'hold'} formulas saved without their "
            "results (the file was written by a program, not saved in Excel), so "
            f"{'it was' if len(uncomputed) == 1 else 'they were'} left out: open the file in "
            "Excel or LibreOffice and save it to compute them"
        )
    frame = frame.dropna(how="all")
    frame = excel_objects(frame)
    title = [
        " ".join(str(v).strip() for v in row if v is not None and v == v and str(v).strip())
        for row in titles.get(name, [])
    ]
    return RawTable(
        src.name,
        frame.reset_index(drop=True),
        [],
        notes,
        sheet=name,
        warnings=warnings,
        title=title,
    )


def _uncomputed_formulas(src: Source, sheet: str, skip: int, frame: pd.DataFrame) -> list[str]:
    """The columns of ``frame`` with no value at all whose cells are formulas (``=C2-D2``): a
    workbook written by a program that stores formulas but not their results. Only a frame with
    an empty column costs a second look at the workbook (its first 20 rows, formulas kept)."""
    empty = [c for c in frame.columns if frame[c].isna().all()]
    if not empty:
        return []
    import openpyxl

    try:
        book = openpyxl.load_workbook(src.stream(), read_only=True, data_only=False)
    except _unreadable():  # pragma: no cover - pandas just read it
        return []
    try:
        rows = book[sheet].iter_rows(min_row=skip + 1, max_row=skip + 21, values_only=True)
        header = next(rows, ())
        body = list(rows)
    finally:
        book.close()
    at = {str(h).strip(): i for i, h in enumerate(header) if h is not None}
    out = []
    for c in empty:
        i = at.get(str(c).strip())
        if i is not None and any(
            isinstance(r[i], str) and r[i].startswith("=") for r in body if i < len(r)
        ):
            out.append(str(c))
    return out


def _table_sheet(
    candidates: list[tuple[str, int, pd.DataFrame]],
) -> tuple[str, int, pd.DataFrame]:
    """The candidate (sheet, header row, frame) holding the data: the most rows among sheets
    whose header maps to canonical fields or that have a date column; else the first sheet
    with cells."""
    from kpi.ingest.headers import AGGREGATE_SYNONYMS, INTERACTION_SYNONYMS, header_key
    from kpi.ingest.shape import looks_like_timestamps

    known = {header_key(n) for t in (INTERACTION_SYNONYMS, AGGREGATE_SYNONYMS) for v in t.values()
             for n in v}  # fmt: skip
    best: tuple[int, int] | None = None
    chosen = None
    for i, (_name, _skip, frame) in enumerate(candidates):
        rows = len(frame.dropna(how="all"))
        if frame.shape[1] == 0 or rows == 0:
            continue
        hits = sum(header_key(str(c)) in known for c in frame.columns)
        dated = any(
            looks_like_timestamps([str(v) for v in frame[c].dropna().head(50)])
            or pd.api.types.is_datetime64_any_dtype(frame[c].dtype)
            for c in frame.columns
        )
        score = (1 if hits or dated else 0, rows)
        if best is None or score > best:
            best, chosen = score, i
    return candidates[chosen if chosen is not None else 0]


def excel_objects(frame: pd.DataFrame) -> pd.DataFrame:
    """Excel cells of mixed types: times of day become durations, anything else mixed is text."""
    out = {}
    for c in frame.columns:
        s = frame[c]
        if s.dtype == object:
            filled = s.dropna()
            if len(filled) and all(isinstance(v, dt.time) for v in filled):
                s = pd.to_timedelta(s.map(lambda v: str(v) if isinstance(v, dt.time) else None))
            else:
                s = s.map(lambda v: None if v is None or v != v else str(v)).astype("string")
        out[c] = s
    return pd.DataFrame(out, index=frame.index)


# --- parquet / json ------------------------------------------------------------------------


def read_parquet(src: Source) -> RawTable:
    """A Parquet file (times of day become durations)."""
    import pyarrow.parquet as pq

    try:
        with arrow_input(src) as where:
            table = pq.read_table(where)
    except (pa.ArrowException, OSError, ValueError):
        raise DataError(
            f"'{src.name}' could not be read as Parquet (the file is damaged or incomplete): "
            "export it again."
        ) from None
    frame = normalise_arrow(table).to_pandas(date_as_object=False)
    leaves = leaf_names([str(c) for c in frame.columns])  # "agent.name" as a JSON export is
    notes = [f"nested fields named by their last part: {_shown(leaves)}"] if leaves else []
    return RawTable(src.name, frame.rename(columns=leaves), notes=notes)


def _shown(renamed: dict[str, str]) -> str:
    said = ", ".join(f"{a} -> {b}" for a, b in list(renamed.items())[:4])
    return said + (", ..." if len(renamed) > 4 else "")


def read_jsonl(src: Source) -> RawTable:
    """JSON lines, one JSON list of objects, or an API response holding such a list.

    Nested objects become dotted columns (``queue.name``, ``timings.wait_seconds``); an API
    response (``{"data": [...], "meta": ...}``, JSON:API's ``attributes``) is read as its list
    of records. Lists inside a record stay as JSON text in one cell.
    """
    data = src.data if src.data is not None else Path(str(src.path)).read_bytes()
    text = data.decode("utf-8-sig", errors="replace")
    stripped = text.lstrip()
    if stripped.startswith(("[", "{")):
        try:
            doc = json.loads(stripped)
        except ValueError:
            doc = None  # JSON lines (one object per line) are not one document
        rows = _records(doc)
        if rows is not None:
            raw = _flat_table(src.name, rows)
            raw.warnings += _more_pages(src.name, doc, len(rows))
            return raw
        if stripped.startswith("["):
            raise DataError(
                f"'{src.name}' is not valid JSON (expected a list of objects or one object per "
                "line): export one JSON object per line."
            )
    flat = _flat_json_lines(data)
    if flat is not None:
        return RawTable(src.name, flat)
    joined = _concatenated(stripped)
    if joined is not None:  # objects written back to back ("}{"), as a stream delivers them
        raw = _flat_table(src.name, joined)
        raw.notes.append(f"{len(joined):,} JSON objects written back to back, read one by one")
        return raw
    return _flat_table(src.name, _json_lines(src.name, text))


def _json_lines(name: str, text: str) -> list[dict[str, Any]]:
    """One JSON object per line (blank lines skipped); a clear error at the first that is not."""
    rows = []
    for i, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except ValueError:
            obj = None
        if not isinstance(obj, dict):
            raise DataError(
                f"'{name}' is not valid JSON lines (line {i} is not a JSON object): export one "
                "JSON object per line."
            )
        rows.append(obj)
    return rows


def _concatenated(text: str) -> list[dict[str, Any]] | None:
    """Objects written back to back with no newline between them (a Firehose object:
    ``{...}{...}``), or None when the text is not that (JSON lines: one object per line)."""
    if "}{" not in text.replace(" ", "").replace("\n", "").replace("\r", ""):
        return None
    decoder = json.JSONDecoder()
    rows, at = [], 0
    while at < len(text):
        while at < len(text) and text[at].isspace():
            at += 1
        if at == len(text):
            break
        try:
            obj, at = decoder.raw_decode(text, at)
        except ValueError:
            return None
        if not isinstance(obj, dict):
            return None
        rows.append(obj)
    return rows if len(rows) > 1 else None


#: Keys of an API response that say more pages follow (Zendesk's ``next_page``, ``has_more``).
_NEXT = ("next_page", "next", "nextpage", "next_cursor", "nextpageuri", "next_page_uri")


def _more_pages(name: str, doc: object, n: int) -> list[str]:
    """A warning when an API response says it is one page of more: its other records are not
    in the file."""
    if not isinstance(doc, dict):
        return []
    low = {str(k).lower(): v for k, v in doc.items()}
    more = any(low.get(k) for k in _NEXT) or low.get("has_more") is True
    total = next((low[k] for k in ("count", "total", "totalhits", "total_count") if k in low), None)
    if isinstance(total, int) and total > n:
        return [
            f"'{name}' is one page of an API response: {n:,} of its {total:,} records; export "
            "every page (or the whole period) to see them all"
        ]
    if more:
        return [
            f"'{name}' is one page of an API response ({n:,} records; it names a next page): "
            "export every page (or the whole period) to see them all"
        ]
    return []


def _flat_json_lines(data: bytes) -> pd.DataFrame | None:
    """JSON lines read by Arrow (fast on large files) when no record nests an object or a list;
    None otherwise (the records are then read one by one and flattened)."""
    import pyarrow.json as pajson

    try:
        table = pajson.read_json(io.BytesIO(data))
    except pa.ArrowInvalid:
        return None
    if any(pa.types.is_nested(f.type) for f in table.schema):
        return None
    return normalise_arrow(table).to_pandas(date_as_object=False)


#: Keys under which an API response holds its records ({"data": [...], "meta": {...}}).
_ENVELOPE = frozenset(
    {"data", "results", "items", "records", "rows", "value", "values", "entries", "hits",
     "calls", "conversations", "tickets", "interactions", "contacts", "objects"}
)  # fmt: skip


def _records(doc: object) -> list[dict[str, Any]] | None:
    """The records of a JSON document: a list of objects, or an API response's list of objects
    (under ``data``, ``results``, ``items``...); None otherwise (a lone object is one record
    of a JSON-lines file, even when one of its fields is a list)."""
    if isinstance(doc, list):
        return doc if doc and all(isinstance(r, dict) for r in doc) else None
    if not isinstance(doc, dict):
        return None
    lists = [
        v
        for k, v in doc.items()
        if str(k).lower() in _ENVELOPE
        and isinstance(v, list)
        and v
        and all(isinstance(r, dict) for r in v)
    ]
    return max(lists, key=len) if lists else None


def _flat_table(source: str, rows: list[dict[str, Any]]) -> RawTable:
    """The records as a :class:`RawTable`, saying which nested fields were renamed."""
    frame, renamed = _flat_records(rows)
    notes = []
    if renamed:
        shown = ", ".join(f"'{a}' as '{b}'" for a, b in list(renamed.items())[:6])
        more = f" and {len(renamed) - 6} more" if len(renamed) > 6 else ""
        notes.append(f"nested JSON fields read as columns: {shown}{more}")
    return RawTable(source, frame, notes=notes)


def _one_child_as_parent(frame: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, str]]:
    """A field that is null on some records and an object of one field on the others
    (``"csat": null`` / ``"csat": {"score": 4}``) is that one field: its column takes the
    parent's name instead of an all-empty ``csat`` beside ``csat.score``."""
    names = [str(c) for c in frame.columns]
    renamed: dict[str, str] = {}
    for parent in names:
        children = [n for n in names if n.startswith(parent + ".")]
        if len(children) == 1 and frame[parent].isna().all():
            frame = frame.drop(columns=[parent]).rename(columns={children[0]: parent})
            renamed[children[0]] = parent
        elif children and frame[parent].isna().all():  # "Agent": null beside Agent.Username...
            frame = frame.drop(columns=[parent])
    return frame, renamed


def _flat_records(rows: list[dict[str, Any]]) -> tuple[pd.DataFrame, dict[str, str]]:
    """Records as a table: nested objects as dotted columns (named by their last part when it
    says enough, :func:`~kpi.ingest.headers.leaf_names`), JSON:API's ``attributes.`` prefix dropped where no other
    column has the name, lists as JSON text. Also returns the dotted name -> column name of
    every nested field given a shorter name."""
    if not rows:
        return pd.DataFrame(), {}
    frame = pd.json_normalize(rows)
    names = [str(c) for c in frame.columns]
    short = {c: c[len("attributes.") :] for c in names if c.startswith("attributes.")}
    taken = set(names) - set(short)
    renamed = {c: n for c, n in short.items() if n not in taken}
    frame = frame.rename(columns=renamed)
    frame, parents = _one_child_as_parent(frame)
    leaves = leaf_names([str(c) for c in frame.columns])
    frame = frame.rename(columns=leaves)
    back = {n: c for c, n in renamed.items()}
    renamed = {back.get(c, c): n for c, n in (parents | leaves).items()}
    for c in frame.columns:
        col = frame[c]
        if col.dtype == object and col.map(lambda v: isinstance(v, list | dict)).any():
            frame[c] = col.map(
                lambda v: json.dumps(v, default=str) if isinstance(v, list | dict) else v
            )
    return frame, renamed

"""KPIs straight from a Parquet lake, out of core: DuckDB scans the files, no pandas frame of rows.

``compute_lake("lake/")`` accepts a Parquet file, a folder of Parquet files (hive partitions
such as ``date=2026-01-01/`` included) or a glob, and returns the same :class:`KpiTable` the
in-memory engine returns, so every analysis runs on it unchanged.

How it stays out of core:

* **One scan, the registry's SQL.** The importer's column mapping and value rules become one
  ``SELECT`` over ``read_parquet`` (renames, unit factors, casts, ``CASE`` for value words), a
  view named ``src``; the engine's own query (from :mod:`kpi.metrics`) runs over it. Nothing
  of the KPI definitions is restated here.
* **Projection and filter push-down.** The view lists only the columns the chosen KPIs read;
  ``start`` / ``end`` become a filter on the RAW start time column that DuckDB pushes into the
  Parquet reader (row groups whose min/max lie outside are skipped), widened by the repeat
  window when a chosen KPI looks past the range (see :func:`_pushdown`); the plan's own exact
  filter then keeps the range asked.
* **Spilling.** ``memory_limit`` and ``temp_directory`` are set on the connection: the group-by
  and the repeat-contact window sort spill to disk rather than fail.

Rows the importer would quarantine (an unreadable or missing start time, a negative duration,
a score outside its scale, text where a number belongs) are left out by the same rules, as SQL
(:mod:`kpi.engine.lake_mapping`). By default only the rules on the columns the chosen KPIs read
are applied, so the scan stays as narrow as the query: a row whose only fault is in a column no
chosen KPI reads is counted (the importer would set it aside). ``check_all=True`` applies every
rule, as the importer does; :func:`check_lake` counts every rule's rows either way.
"""

from __future__ import annotations

import glob as _glob
import os
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from kpi.engine.lake_mapping import LakeScan, Query, lake_scan, quote_ident, sql_literal
from kpi.engine.plan import QueryPlan, plan
from kpi.engine.run import finish
from kpi.engine.table import KpiTable
from kpi.engine.tidy import merge
from kpi.engine.validate import Request, optional_columns, validate
from kpi.errors import AnalysisError, DataError
from kpi.ingest import Mapping as ColumnMapping
from kpi.metrics import Settings
from kpi.schema import coerce
from kpi.sources import DEFAULT_MAX_ROWS

LakePath = str | os.PathLike[str] | Sequence[str | os.PathLike[str]]

__all__ = [
    "LakeCheck",
    "LakeScan",
    "check_lake",
    "compute_lake",
    "empty_columns",
    "lake_scan",
    "lake_span",
    "load_lake_rows",
    "parquet_globs",
    "plan_lake",
    "run_plan",
]

# ---------------------------------------------------------------------------------------------
# where the files are


def parquet_globs(path: str | os.PathLike[str] | Sequence[str | os.PathLike[str]]) -> list[str]:
    """The glob patterns DuckDB (or Spark) reads for a file, a folder, a glob, or a list of them.

    A folder becomes ``folder/**/*.parquet`` (hive partition folders included). Raises
    ``DataError`` when a path matches no Parquet file.
    """
    items = [path] if isinstance(path, str | os.PathLike) else list(path)
    if not items:
        raise DataError("No Parquet path given: name a file, a folder or a glob.")
    out: list[str] = []
    for item in items:
        text = os.fspath(item)
        p = Path(text)
        if p.is_dir():
            pattern = str(p / "**" / "*.parquet")
        elif p.is_file():
            pattern = str(p)
        elif _glob.has_magic(text):
            pattern = text
        else:
            raise DataError(f"{text} does not exist: name a Parquet file, a folder or a glob.")
        if not _glob.glob(pattern, recursive=True):
            if pattern == text:
                raise DataError(f"No Parquet file matches {text}.")
            raise DataError(f"No Parquet file under {text} (looked for {pattern}).")
        out.append(pattern)
    return out


# ---------------------------------------------------------------------------------------------
# the engine's own steps over the mapped view: validate -> plan -> run -> tidy


def plan_lake(
    columns: Sequence[str],
    kpis: Sequence[str] | None = None,
    grain: str = "day",
    by: Sequence[str] | str = (),
    settings: Settings | None = None,
    *,
    start: Any = None,
    end: Any = None,
    filters: Mapping[str, Iterable[Any]] | None = None,
    empty: Iterable[str] = (),
) -> tuple[Request, QueryPlan]:
    """The engine's checked request and SQL plan for a lake with canonical ``columns``.

    The request is checked by :func:`kpi.engine.validate.validate` on the column names alone (a
    one-row stand-in frame, no row of the lake is read: ``empty`` names the columns that hold no
    value, see :func:`empty_columns`), and :func:`kpi.engine.plan.plan` writes the SQL over a
    relation named ``src``.
    """
    gone = set(empty)
    stand_in = pd.DataFrame({c: [None if c in gone else 0] for c in columns}, dtype=object)
    req = validate(stand_in, kpis, grain, by, settings, start=start, end=end, filters=filters)
    qp = plan(
        "src", list(columns), req.kpis, shape=req.shape, grain=req.grain, by=req.by,
        settings=req.settings, start=req.start, end=req.end, filters=req.filters,
    )  # fmt: skip
    return req, qp


def empty_columns(
    scan: LakeScan, query: Query, relation: str, settings: Settings | None = None
) -> set[str]:
    """The optional KPIs' columns of ``scan`` that hold no value in the lake (treated as absent,
    as the in-memory engine treats an empty column). One ``LIMIT 1`` probe per such column,
    which stops at the first value; a lake without those columns costs nothing."""
    wanted = optional_columns(settings or Settings()) & set(scan.columns)
    return {
        c
        for c in sorted(wanted)
        if not query(f"SELECT 1 FROM {relation} WHERE {scan.columns[c]} IS NOT NULL LIMIT 1")
    }


# ---------------------------------------------------------------------------------------------
# running it


def _connect(
    memory_limit: str | None, temp_directory: str | os.PathLike[str] | None, threads: int | None
) -> duckdb.DuckDBPyConnection:
    config: dict[str, Any] = {"preserve_insertion_order": False}
    if memory_limit:
        config["memory_limit"] = memory_limit
    if temp_directory:
        Path(temp_directory).mkdir(parents=True, exist_ok=True)
        config["temp_directory"] = str(temp_directory)
    if threads:
        config["threads"] = int(threads)
    try:
        con = duckdb.connect(config=config)
    except duckdb.Error as err:
        raise AnalysisError(f"Cannot open DuckDB with these settings ({err}).") from err
    con.execute("SET TimeZone = 'UTC'")
    # The footers read to bind the scan (union_by_name reads every file's) are kept for the
    # scan itself rather than read again: measured 0.04 s of CPU less at 10M contacts / 365 files.
    con.execute("SET parquet_metadata_cache = true")
    return con


def _duck_scan(
    con: duckdb.DuckDBPyConnection, globs: list[str], mapping: ColumnMapping | None
) -> LakeScan:
    """View ``raw`` over the Parquet files on ``con``, and the mapping over it."""
    files = "[" + ", ".join(sql_literal(g) for g in globs) + "]"
    try:
        con.execute(
            f"CREATE VIEW raw AS SELECT * FROM read_parquet({files}, hive_partitioning = true, "
            "union_by_name = true)"
        )
        described = con.execute("DESCRIBE SELECT * FROM raw").fetchall()
    except duckdb.Error as err:
        raise DataError(f"Cannot read the Parquet files ({err}).") from err
    types = {str(r[0]): str(r[1]) for r in described}
    return lake_scan(types, lambda sql: con.execute(sql).fetchall(), "raw", mapping)


def compute_lake(
    path: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    kpis: Sequence[str] | None = None,
    grain: str = "day",
    by: Sequence[str] | str = (),
    settings: Settings | None = None,
    *,
    start: Any = None,
    end: Any = None,
    filters: Mapping[str, Iterable[Any]] | None = None,
    mapping: ColumnMapping | None = None,
    memory_limit: str | None = "2GB",
    temp_directory: str | os.PathLike[str] | None = None,
    threads: int | None = None,
    check_all: bool = False,
) -> KpiTable:
    """KPIs by period and segment from Parquet files, scanned by DuckDB out of core.

    Parameters
    ----------
    path : a Parquet file, a folder (hive partitions included), a glob, or a list of these.
    kpis, grain, by, settings, start, end, filters : as :func:`kpi.engine.compute`.
    mapping : the importer's column mapping (None: auto-mapped from the column names).
    memory_limit : DuckDB's ``memory_limit`` ("2GB" by default; None = DuckDB's 80% of RAM).
    temp_directory : where DuckDB spills (default: its own ``.tmp`` beside the database).
    threads : DuckDB threads (default: one per core).
    check_all : leave out rows breaking any quarantine rule, as the importer does (default: only
        the rules on the columns the KPIs read, which keeps the scan narrow).

    Returns
    -------
    KpiTable, as the in-memory engine returns it (same frame columns, notes, unavailable).
    """
    globs = parquet_globs(path)
    con = _connect(memory_limit, temp_directory, threads)
    try:
        scan = _duck_scan(con, globs, mapping)
        empty = empty_columns(scan, lambda sql: con.execute(sql).fetchall(), "raw", settings)
        req, qp = plan_lake(
            list(scan.columns), kpis, grain, by, settings,
            start=start, end=end, filters=filters, empty=empty,
        )  # fmt: skip
        rows = "raw"
        where = _pushdown(con, scan, req, qp)
        if where:
            con.execute(f"CREATE VIEW in_range AS SELECT * FROM raw WHERE {where}")
            rows = "in_range"
        con.execute(f"CREATE VIEW src AS {scan.select(qp.columns, rows, check_all=check_all)}")
        agg, stocks = run_plan(con, qp, req.by)
        return finish(req, qp, agg, stocks)
    finally:
        con.close()


#: Slack added to a widened bound (whole days; the window's own bound is exact in microseconds).
_SLACK = pd.Timedelta(days=1)


def _stamp_sql(ts: pd.Timestamp, cast: str) -> str:
    return f"CAST(TIMESTAMP '{ts.isoformat(sep=' ')}' AS {cast})"


def _pushdown(con: duckdb.DuckDBPyConnection, scan: LakeScan, req: Request, qp: QueryPlan) -> str:
    """A filter on the RAW start time column, widened so that the plan's results are unchanged
    (the plan's own exact filter then keeps only the range asked); "" when none is safe.

    The raw column is compared with constants, so DuckDB skips the row groups (and files)
    outside it. Widened by what the chosen KPIs look at beyond the range:

    * the repeat-contact window pass (FCR by repeat, repeat rate) looks ``fcr_window_days``
      after each contact and ``fcr_ignore_minutes`` before it (the previous contact), and
      judges maturity against the lake's LAST start time: the rows at that last moment are
      kept too, so ``max(start_time)`` is the lake's own;
    * none is pushed when the range is on another time (``time_attribution="end"``), when a
      stock KPI (the ticket backlog, no time filter) or a ticket age (the lake's last moment)
      is asked, or when the start time is not a stored timestamp (nothing to push into).
    """
    if req.start is None and req.end is None:
        return ""
    if req.settings.time_attribution != "start" or qp.stock or "max(start_time)" in qp.main:
        return ""
    time_sql, time_type = _time_column(con, scan)
    if time_sql == scan.columns["start_time"]:
        return ""
    before = after = pd.Timedelta(0)
    if qp.window:
        before = pd.Timedelta(minutes=req.settings.fcr_ignore_minutes) + _SLACK
        after = pd.Timedelta(days=req.settings.fcr_window_days) + _SLACK
    conds: list[str] = []
    if req.start is not None:
        conds.append(f"{time_sql} >= {_stamp_sql(req.start - before, time_type)}")
    if req.end is not None:
        hi = req.end + after
        upper = f"{time_sql} < {_stamp_sql(hi, time_type)}"
        if qp.window:
            row = con.execute(
                f"SELECT max({time_sql})::TIMESTAMP FROM raw WHERE {time_sql} >= "
                f"{_stamp_sql(hi, time_type)}"
            ).fetchone()
            if row is not None and row[0] is not None:
                upper = f"({upper} OR {time_sql} >= {_stamp_sql(pd.Timestamp(row[0]), time_type)})"
        conds.append(upper)
    return " AND ".join(conds)


def run_plan(
    con: duckdb.DuckDBPyConnection, qp: QueryPlan, by: Sequence[str]
) -> tuple[pd.DataFrame, dict[str, pd.DataFrame]]:
    """Run a plan over the view ``src`` on ``con``: (aggregates, stock deltas by KPI)."""
    try:
        agg = con.execute(qp.main, list(qp.params)).fetch_df()
        if qp.window:
            agg = merge(agg, con.execute(qp.window, list(qp.params)).fetch_df(), ["_period", *by])
        stocks = {
            k: con.execute(sql, list(qp.stock_params)).fetch_df() for k, sql in qp.stock.items()
        }
    except duckdb.OutOfMemoryException as err:
        raise AnalysisError(
            f"DuckDB ran out of memory ({err}); raise memory_limit or give a temp_directory "
            "with free space to spill to."
        ) from err
    except duckdb.Error as err:
        raise AnalysisError(
            f"The KPI query failed on the lake ({type(err).__name__}: {err})."
        ) from err
    return agg, stocks


# ---------------------------------------------------------------------------------------------
# what the importer would set aside


@dataclass(frozen=True, slots=True)
class LakeCheck:
    """Rows of a lake and those the importer's rules would quarantine.

    Attributes
    ----------
    rows_read : rows in the files (in the date range, when one was given).
    rows_quarantined : rows matching at least one rule (each counted once).
    reasons : reason -> rows matching it (a row may match several).
    seconds : time the check took.
    notes : how values were read (see :class:`LakeScan`).
    """

    rows_read: int
    rows_quarantined: int
    reasons: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    notes: tuple[str, ...] = ()

    @property
    def rows_kept(self) -> int:
        """Rows the KPIs are computed from."""
        return self.rows_read - self.rows_quarantined

    def summary(self) -> str:
        """One sentence: rows read, kept and quarantined, and why."""
        text = (
            f"Read {self.rows_read:,} rows, kept {self.rows_kept:,}, "
            f"quarantined {self.rows_quarantined:,}"
        )
        top = [f"{n:,} {r}" for r, n in sorted(self.reasons.items(), key=lambda x: -x[1]) if n]
        return text + (f" ({'; '.join(top)})." if top else ".")


def check_lake(
    path: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    mapping: ColumnMapping | None = None,
    memory_limit: str | None = "2GB",
    temp_directory: str | os.PathLike[str] | None = None,
    threads: int | None = None,
) -> LakeCheck:
    """Count the rows of a lake that the importer would quarantine, reason by reason.

    One scan of the columns the rules read. Duplicate contact ids (kept once by the importer) are
    not looked for: at lake scale that is a join of the whole table with itself.
    """
    t0 = time.perf_counter()
    con = _connect(memory_limit, temp_directory, threads)
    try:
        scan = _duck_scan(con, parquet_globs(path), mapping)
        parts = ["count(*)"]
        parts += [f"count_if(coalesce({c}, FALSE))" for c in scan.rules.values()]
        anyrule = " OR ".join(f"coalesce({c}, FALSE)" for c in scan.rules.values()) or "FALSE"
        parts.append(f"count_if({anyrule})")
        row = con.execute(f"SELECT {', '.join(parts)} FROM raw").fetchone()
    except duckdb.Error as err:
        raise AnalysisError(f"Checking the lake failed ({type(err).__name__}: {err}).") from err
    finally:
        con.close()
    assert row is not None
    reasons = {r: int(n) for r, n in zip(scan.rules, row[1:-1], strict=True)}
    return LakeCheck(
        rows_read=int(row[0]),
        rows_quarantined=int(row[-1]),
        reasons=reasons,
        seconds=time.perf_counter() - t0,
        notes=scan.notes,
    )


# ---------------------------------------------------------------------------------------------
# a date range of rows, for the app (a Dataset every page uses)


def _bound(value: Any, *, end: bool) -> pd.Timestamp:
    """A range bound as a naive UTC timestamp; a bare date as ``end`` includes that whole day
    (the engine's convention: ``end`` is exclusive after this)."""
    try:
        ts = pd.Timestamp(value)
    except (ValueError, TypeError) as err:
        raise DataError(f"Cannot read the date {value!r}: use YYYY-MM-DD.") from err
    if ts is pd.NaT:
        raise DataError(f"Cannot read the date {value!r}: use YYYY-MM-DD.")
    if ts.tzinfo is not None:
        ts = ts.tz_convert("UTC").tz_localize(None)
    if end and ts == ts.normalize():
        ts = ts + pd.Timedelta(days=1)
    return ts


def _range_sql(time_sql: str, start: Any, end: Any, cast: str = "TIMESTAMP") -> tuple[str, str]:
    """WHERE text on the start time (bounds as literals cast to ``cast``), and the range in
    words. ``time_sql`` is a raw timestamp column when the lake stores one, so the comparison is
    column-to-constant and DuckDB pushes it into the Parquet reader (row-group min/max)."""
    lo = None if start is None else _bound(start, end=False)
    hi = None if end is None else _bound(end, end=True)
    if lo is not None and hi is not None and hi <= lo:
        raise DataError("The range ends before it starts: pick the first day, then the last.")
    conds = []
    if lo is not None:
        conds.append(f"{time_sql} >= CAST(TIMESTAMP '{lo.isoformat(sep=' ')}' AS {cast})")
    if hi is not None:
        conds.append(f"{time_sql} < CAST(TIMESTAMP '{hi.isoformat(sep=' ')}' AS {cast})")
    words = (
        f"{'the start' if lo is None else f'{lo:%Y-%m-%d}'} to "
        f"{'the end' if hi is None else f'{hi - pd.Timedelta(days=1):%Y-%m-%d}'}"
    )
    return " AND ".join(conds) or "TRUE", words


def _time_column(con: duckdb.DuckDBPyConnection, scan: LakeScan) -> tuple[str, str]:
    """What to filter the range on: the raw column and its type when the mapped start time is
    a stored timestamp (pushed down), else the mapped expression itself."""
    expr = scan.columns["start_time"]
    for name, sql_type, *_ in con.execute("DESCRIBE SELECT * FROM raw").fetchall():
        if str(sql_type).upper().startswith("TIMESTAMP") and expr == (
            f"CAST({quote_ident(str(name))} AS TIMESTAMP)"
        ):
            return quote_ident(str(name)), str(sql_type)
    return expr, "TIMESTAMP"


def lake_span(
    path: LakePath, mapping: ColumnMapping | None = None
) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """First and last start time in a lake (one scan of that column; None when it has none)."""
    con = _connect("1GB", None, None)
    try:
        scan = _duck_scan(con, parquet_globs(path), mapping)
        t = scan.columns["start_time"]
        row = con.execute(f"SELECT min({t}), max({t}) FROM raw").fetchone()
    except duckdb.Error as err:
        raise DataError(f"Cannot read the start times of the lake ({err}).") from err
    finally:
        con.close()
    if row is None or row[0] is None:
        return None
    return pd.Timestamp(row[0]), pd.Timestamp(row[1])


def load_lake_rows(
    path: LakePath,
    start: Any = None,
    end: Any = None,
    mapping: ColumnMapping | None = None,
    *,
    max_rows: int = DEFAULT_MAX_ROWS,
    memory_limit: str | None = "2GB",
    temp_directory: str | os.PathLike[str] | None = None,
) -> tuple[pd.DataFrame, LakeCheck]:
    """The canonical contact rows of a lake whose start time lies in ``start`` .. ``end``.

    The importer's mapping runs as SQL over a DuckDB scan (:func:`lake_scan`); the range is a
    filter on the start time that DuckDB pushes into the Parquet reader (row groups outside it
    are skipped), and every quarantine rule applies (``check_all``), as on an import. Two
    passes: one counts the range's rows and those set aside, reason by reason; only when the
    rows kept fit under ``max_rows`` does the second bring them into pandas.

    Parameters
    ----------
    path : a Parquet file, a folder (hive partitions included), a glob, or a list of files.
    start, end : the first and last day (a bare date as ``end`` includes that day; None: open).
    mapping : the importer's column mapping (None: auto-mapped from the column names).
    max_rows : the most rows kept; a range with more raises ``DataError`` saying what to do.

    Returns
    -------
    (frame, check): the rows kept with canonical columns and dtypes (sorted by start time), and
    the range's counts (``rows_read`` = rows in the range). Rows without a readable start time
    belong to no range: :func:`check_lake` counts them over the whole lake. Duplicate contact
    ids are not looked for (the importer keeps one).
    """
    t0 = time.perf_counter()
    con = _connect(memory_limit, temp_directory, None)
    try:
        scan = _duck_scan(con, parquet_globs(path), mapping)
        time_sql, time_type = _time_column(con, scan)
        where, words = _range_sql(time_sql, start, end, time_type)
        con.execute(f"CREATE VIEW in_range AS SELECT * FROM raw WHERE {where}")
        check = _range_counts(con, scan)
        if check.rows_kept > max_rows:
            raise DataError(
                f"{words} holds {check.rows_kept:,} contacts, more than the {max_rows:,} this "
                "app loads at once: pick a shorter range, or compute the KPIs on the whole lake "
                "out of core with `kpi compute PATH`."
            )
        sql = scan.select(list(scan.columns), "in_range", check_all=True)
        try:
            frame = con.execute(f'{sql} ORDER BY "start_time"').fetch_df()
        except duckdb.Error as err:
            raise DataError(f"Reading the lake failed ({type(err).__name__}: {err}).") from err
    finally:
        con.close()
    frame = coerce(frame, "interactions").reset_index(drop=True)
    seconds = time.perf_counter() - t0
    return frame, LakeCheck(
        check.rows_read, check.rows_quarantined, check.reasons, seconds, check.notes
    )


def _range_counts(con: duckdb.DuckDBPyConnection, scan: LakeScan) -> LakeCheck:
    """Rows in the range and those each rule sets aside (one pass, the range pushed down)."""
    rules = list(scan.rules.values())
    parts = ["count(*)", *(f"count_if(coalesce({c}, FALSE))" for c in rules)]
    anyrule = " OR ".join(f"coalesce({c}, FALSE)" for c in rules) or "FALSE"
    parts.append(f"count_if({anyrule})")
    try:
        row = con.execute(f"SELECT {', '.join(parts)} FROM in_range").fetchone()
    except duckdb.Error as err:
        raise DataError(f"Reading the lake failed ({type(err).__name__}: {err}).") from err
    assert row is not None
    return LakeCheck(
        rows_read=int(row[0]),
        rows_quarantined=int(row[-1]),
        reasons={r: int(n) for r, n in zip(scan.rules, row[1:-1], strict=True)},
        notes=scan.notes,
    )

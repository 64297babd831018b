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
  ``start`` / ``end`` become a filter on the start time that DuckDB pushes into the Parquet
  reader (row groups whose min/max lie outside are skipped).
* **Spilling.** ``memory_limit`` and ``temp_directory`` are set on the connection: the group-by
  and the repeat-contact window sort spill to disk rather than fail.

Rows the importer would quarantine (an unreadable or missing start time, a negative duration,
a score outside its scale, text where a number belongs) are left out by the same rules, as SQL,
and counted by :func:`check_lake`.
"""

from __future__ import annotations

import glob as _glob
import os
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from kpi.engine.plan import QueryPlan, plan

# The end of ``kpi.engine.run.compute`` (notes from the totals, stock rows) is private there;
# the lake repeats only the calls, not the logic (asked: a public ``run.finish``).
from kpi.engine.run import _notes as engine_notes
from kpi.engine.run import _stock_rows as engine_stock_rows
from kpi.engine.table import KpiTable
from kpi.engine.tidy import complete_periods, merge, tidy
from kpi.engine.validate import Request, validate
from kpi.errors import AnalysisError, DataError, MappingError
from kpi.ingest import FieldMap, auto_map
from kpi.ingest import Mapping as ColumnMapping
from kpi.ingest.parsers import parse_bool, parse_direction, unit_from_name
from kpi.metrics import Settings
from kpi.schema import INTERACTION_COLUMNS, Column

#: Runs one DuckDB-dialect statement, returns its rows.
Query = Callable[[str], list[tuple[Any, ...]]]

__all__ = [
    "LakeCheck",
    "LakeScan",
    "check_lake",
    "compute_lake",
    "lake_scan",
    "parquet_globs",
    "finish",
    "plan_lake",
    "run_plan",
]

_BY_NAME: dict[str, Column] = {c.name: c for c in INTERACTION_COLUMNS}
_FACTORS = {"s": 1.0, "ms": 0.001, "min": 60.0, "h": 3600.0}
#: Text columns with more distinct values than this cannot be read as yes/no or a direction.
_MAX_WORDS = 1000


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _lit(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


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
            raise DataError(f"No Parquet file under {text} (looked for {pattern}).")
        out.append(pattern)
    return out


# ---------------------------------------------------------------------------------------------
# the importer's mapping as SQL over the scan


@dataclass(frozen=True, slots=True)
class LakeScan:
    """The mapped view of a lake: canonical column -> SQL over the raw scan, and the rules.

    Attributes
    ----------
    columns : canonical column -> SQL expression over the raw columns (DuckDB dialect).
    rules : quarantine reason -> SQL condition true for a row the importer would set aside.
    mapping : the column mapping applied (auto-mapped when none was given).
    notes : how values were read (units inferred, rules that need the importer).
    """

    columns: dict[str, str]
    rules: dict[str, str]
    mapping: ColumnMapping
    notes: tuple[str, ...] = ()

    def select(self, names: Iterable[str], relation: str, *, keep: bool = True) -> str:
        """``SELECT`` of the canonical ``names`` from ``relation``; ``keep`` drops quarantined rows."""
        cols = [n for n in dict.fromkeys(names) if n in self.columns]
        body = ", ".join(f"{self.columns[n]} AS {_q(n)}" for n in cols) or "NULL AS _none"
        sql = f"SELECT {body} FROM {relation}"
        if keep and self.rules:
            sql += (
                f" WHERE NOT ({' OR '.join(f'coalesce({c}, FALSE)' for c in self.rules.values())})"
            )
        return sql


def _kind_of(sql_type: str) -> str:
    t = sql_type.upper()
    if t.startswith(("TIMESTAMP", "DATETIME")):
        return "timestamp"
    if t == "DATE":
        return "date"
    if t in ("BOOLEAN", "BOOL"):
        return "bool"
    if t.startswith(("VARCHAR", "STRING", "TEXT", "CHAR")):
        return "text"
    if any(
        t.startswith(n) for n in ("TINYINT", "SMALLINT", "INT", "BIGINT", "HUGEINT", "UTINY",
                                  "USMALL", "UINT", "UBIG", "FLOAT", "DOUBLE", "DECIMAL", "REAL",
                                  "LONG", "SHORT", "BYTE")
    ):  # fmt: skip
        return "number"
    return "other"


def _words_case(col: str, words: dict[str, Any]) -> str:
    """CASE over the distinct text values of ``col`` (their meaning found by the importer)."""
    if not words:
        return "NULL"
    whens = " ".join(
        f"WHEN {_lit(k)} THEN {'NULL' if v is None else _value_sql(v)}" for k, v in words.items()
    )
    return f"(CASE {col} {whens} END)"


def _value_sql(v: Any) -> str:
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    return _lit(str(v))


class _Mapper:
    """Builds :class:`LakeScan` for one relation (DuckDB queries for distinct values / units)."""

    def __init__(self, query: Query, relation: str, types: dict[str, str]):
        self.query = query
        self.relation = relation
        self.kinds = {n: _kind_of(t) for n, t in types.items()}
        self.notes: list[str] = []
        self.rules: dict[str, str] = {}

    def distinct(self, col: str) -> list[Any]:
        rows = self.query(
            f"SELECT DISTINCT {_q(col)} FROM {self.relation} WHERE {_q(col)} IS NOT NULL "
            f"LIMIT {_MAX_WORDS + 1}"
        )
        if len(rows) > _MAX_WORDS:
            raise MappingError(
                f"'{col}' has more than {_MAX_WORDS:,} different values: it cannot be read as "
                "yes/no or a direction; map another column."
            )
        return [r[0] for r in rows]

    def text_bool(self, col: str) -> str:
        values = self.distinct(col)
        parsed, _ = parse_bool(pd.Series(values, dtype="string"))
        words = {
            str(v): (None if pd.isna(b) else bool(b)) for v, b in zip(values, parsed, strict=True)
        }
        return _words_case(_q(col), words)

    def as_bool(self, col: str) -> str:
        kind = self.kinds[col]
        if kind == "bool":
            return _q(col)
        if kind == "number":
            return f"({_q(col)} <> 0)"
        return self.text_bool(col)

    def filled(self, col: str) -> str:
        if self.kinds[col] == "text":
            return f"({_q(col)} IS NOT NULL AND trim({_q(col)}) <> '')"
        return f"({_q(col)} IS NOT NULL)"

    def transform(self, f: FieldMap) -> str:
        src = f.source
        if f.transform == "invert":
            return f"(NOT {self.as_bool(src[0])})"
        if f.transform == "present":
            return self.filled(src[0])
        if f.transform == "absent":
            return f"(NOT {self.filled(src[0])})"
        if f.transform == "queued_not_answered":
            return f"({self.filled(src[0])} AND NOT {self.filled(src[1])})"
        if f.transform == "equals":
            wanted = ", ".join(_lit(v.lower()) for v in f.values) or "NULL"
            text = f"lower(trim(CAST({_q(src[0])} AS VARCHAR)))"
            return f"(CASE WHEN {_q(src[0])} IS NULL THEN NULL ELSE {text} IN ({wanted}) END)"
        if f.transform == "coalesce":
            parts = [self.field(FieldMap(f.target, (s,), f.unit)) for s in src]
            return f"coalesce({', '.join(parts)})"
        raise MappingError(
            f"The mapping's transform {f.transform!r} for {f.target} needs the importer: it is not "
            "available on a Parquet lake (import the files instead)."
        )

    def field(self, f: FieldMap) -> str:
        """SQL for one mapped canonical column, with its quarantine rules recorded."""
        for s in f.source:
            if s not in self.kinds:
                raise MappingError(f"The mapping reads '{s}', which is not a column of the lake.")
        if f.transform:
            return self.transform(f)
        col = _BY_NAME[f.target]
        if col.kind == "datetime":
            return self.datetime(f)
        if col.kind == "bool":
            return self.as_bool(f.source[0])
        if col.kind in ("id", "category"):
            if f.target == "direction" and self.kinds[f.source[0]] == "text":
                values = self.distinct(f.source[0])
                parsed = parse_direction(pd.Series(values, dtype="string"))
                words = {
                    str(v): (None if pd.isna(d) else str(d))
                    for v, d in zip(values, parsed, strict=True)
                }
                return _words_case(_q(f.source[0]), words)
            return f"CAST({_q(f.source[0])} AS VARCHAR)"
        return self.number(f, col)

    def datetime(self, f: FieldMap) -> str:
        stamps = [c for c in f.source if self.kinds[c] == "timestamp"]
        if len(f.source) == 2 and stamps:
            # A date + time pair where one is a whole timestamp (a hive ``date=`` partition
            # beside the start time): the timestamp alone says it.
            f = FieldMap(f.target, (stamps[0],), f.unit)
        if len(f.source) == 2:
            d, t = (_q(s) for s in f.source)
            expr = f"TRY_CAST(CAST({d} AS VARCHAR) || ' ' || CAST({t} AS VARCHAR) AS TIMESTAMP)"
            raw = f"coalesce({d}, {t})"
        else:
            raw = _q(f.source[0])
            kind = self.kinds[f.source[0]]
            if kind in ("timestamp", "date"):
                expr = f"CAST({raw} AS TIMESTAMP)"
            else:
                expr = f"TRY_CAST({raw} AS TIMESTAMP)"
                self.notes.append(
                    f"'{f.source[0]}' read as ISO timestamps (YYYY-MM-DD hh:mm:ss); other "
                    "formats are quarantined as unreadable"
                )
        if f.target == "start_time":
            self.rules["no start_time"] = f"({raw} IS NULL)"
        self.rules[f"unreadable {f.target}"] = f"({raw} IS NOT NULL AND {expr} IS NULL)"
        return expr

    def unit(self, f: FieldMap) -> str:
        if f.unit != "auto":
            return f.unit
        named = unit_from_name(f.source[0])
        if named:
            return named
        # The importer's rule: a median positive value above 10,000 means milliseconds.
        col = _q(f.source[0])
        num = col if self.kinds[f.source[0]] == "number" else f"TRY_CAST({col} AS DOUBLE)"
        med = self.query(
            f"SELECT median(v) FROM (SELECT {num} AS v FROM {self.relation} "
            f"WHERE {num} > 0 LIMIT 100000) AS sample"
        )[0]
        unit = "ms" if med and med[0] is not None and float(med[0]) > 10_000 else "s"
        if unit == "ms":
            self.notes.append(f"'{f.source[0]}' read as milliseconds (median above 10,000)")
        return unit

    def number(self, f: FieldMap, col: Column) -> str:
        src = f.source[0]
        raw = _q(src)
        if self.kinds[src] == "number":
            expr = f"CAST({raw} AS DOUBLE)"
        elif self.kinds[src] == "text" and col.kind == "duration" and f.unit == "hms":
            expr = _hms_sql(raw)
        else:
            expr = f"TRY_CAST({raw} AS DOUBLE)"
            self.rules[f"unreadable {f.target}"] = f"({self.filled(src)} AND {expr} IS NULL)"
        if col.kind == "duration":
            factor = _FACTORS[self.unit(f)]
            expr = expr if factor == 1.0 else f"({expr} * {factor:g})"
        # abs(x) = Infinity rather than isinf(x): the same text runs on Spark.
        self.rules[f"infinite {f.target}"] = f"(abs({expr}) = CAST('Infinity' AS DOUBLE))"
        if col.minimum is not None:
            word = "negative" if col.minimum == 0 else "below-range"
            self.rules[f"{word} {f.target}"] = f"({expr} < {col.minimum:g})"
        if col.maximum is not None:
            self.rules[f"{f.target} above {col.maximum:g}"] = f"({expr} > {col.maximum:g})"
        return expr


def _hms_sql(col: str) -> str:
    """Seconds from HH:MM:SS or MM:SS text (plain seconds when there is no colon)."""
    parts = f"string_split(trim({col}), ':')"
    num = "TRY_CAST({0}[{1}] AS DOUBLE)"
    three = " + ".join(f"{num.format(parts, i)} * {m}" for i, m in ((1, 3600), (2, 60), (3, 1)))
    two = f"{num.format(parts, 1)} * 60 + {num.format(parts, 2)}"
    return (
        f"(CASE len({parts}) WHEN 3 THEN {three} WHEN 2 THEN {two} "
        f"ELSE TRY_CAST(trim({col}) AS DOUBLE) END)"
    )


def lake_scan(
    types: Mapping[str, str],
    query: Query,
    relation: str,
    mapping: ColumnMapping | None = None,
) -> LakeScan:
    """The importer's mapping and value rules over ``relation``, as SQL (see :class:`LakeScan`).

    Parameters
    ----------
    types : the raw relation's column -> SQL type (DuckDB or Spark type names).
    query : runs one DuckDB-dialect statement and returns its rows (distinct values of a yes/no
        or direction column, a sample median to infer a duration unit).
    relation : the raw relation (a view over the Parquet scan).
    mapping : the column mapping; None auto-maps the lake's column names (vendor presets, then
        the synonym table), as the importer does.
    """
    types = dict(types)
    if mapping is None:
        mapping = auto_map(list(types), "interactions")
    if mapping.shape != "interactions":
        raise DataError(
            "A Parquet lake is read as contacts (one row per contact); a daily table is small "
            "enough to import on the Data page."
        )
    if mapping.get("start_time") is None:
        raise DataError(
            "The lake has no start time: map a column to 'start_time' (a mapping JSON from the "
            f"Data page). Its columns: {', '.join(list(types)[:12])}."
        )
    m = _Mapper(query, relation, types)
    columns = {f.target: m.field(f) for f in mapping.fields if f.target in _BY_NAME}
    return LakeScan(columns=columns, rules=dict(m.rules), mapping=mapping, notes=tuple(m.notes))


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
) -> tuple[Request, QueryPlan]:
    """The engine's checked request and SQL plan for a lake with canonical ``columns``.

    The request is checked by :func:`kpi.engine.validate.validate` on the column names alone (an
    empty frame: no row is read), and :func:`kpi.engine.plan.plan` writes the SQL over a
    relation named ``src``.
    """
    req = validate(
        pd.DataFrame(columns=list(columns)), kpis, grain, by, settings,
        start=start, end=end, filters=filters,
    )  # fmt: skip
    qp = plan(
        "src", list(columns), req.kpis, shape=req.shape, grain=req.grain, by=req.by,
        settings=req.settings, start=req.start, end=req.end, filters=req.filters,
    )  # fmt: skip
    return req, qp


def finish(
    req: Request, qp: QueryPlan, agg: pd.DataFrame, stocks: Mapping[str, pd.DataFrame]
) -> KpiTable:
    """Aggregates (main merged with the window pass) -> KpiTable, as ``kpi.engine.compute`` does."""
    if req.shape == "interactions":
        counts = [f"{k}__num" for k, s in qp.specs.items() if s.stat == "count"]
        agg = complete_periods(agg, req.by, req.grain, req.settings, counts)
    stock_rows = engine_stock_rows(req, qp, agg, stocks)
    if req.grain == "all" and len(agg):
        agg["_period"] = pd.Timestamp(agg["__tmin"].min()).normalize()
    notes, excluded = engine_notes(req, qp, agg)
    return KpiTable(
        frame=tidy(agg, qp.specs, req.by, stock_rows, skip=tuple(qp.stock)),
        settings=req.settings,
        grain=req.grain,
        by=req.by,
        unavailable=req.unavailable,
        notes=notes,
        shape=req.shape,
        excluded=excluded,
        remarks=req.remarks,
    )


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
    return con


def _duck_scan(
    con: duckdb.DuckDBPyConnection, globs: list[str], mapping: ColumnMapping | None
) -> LakeScan:
    """View ``raw`` over the Parquet files on ``con``, and the mapping over it."""
    files = "[" + ", ".join(_lit(g) for g in globs) + "]"
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

    Returns
    -------
    KpiTable, as the in-memory engine returns it (same frame columns, notes, unavailable).
    """
    globs = parquet_globs(path)
    con = _connect(memory_limit, temp_directory, threads)
    try:
        scan = _duck_scan(con, globs, mapping)
        req, qp = plan_lake(
            list(scan.columns), kpis, grain, by, settings, start=start, end=end, filters=filters
        )
        con.execute(f"CREATE VIEW src AS {scan.select(qp.columns, 'raw')}")
        agg, stocks = run_plan(con, qp, req.by)
        return finish(req, qp, agg, stocks)
    finally:
        con.close()


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

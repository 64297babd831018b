"""The importer's column mapping and value rules as SQL over a raw Parquet scan (DuckDB dialect).

:func:`lake_scan` turns a :class:`kpi.ingest.Mapping` (auto-mapped from the lake's column names
when none is given) into one ``SELECT`` over the raw relation: renames, unit factors, casts,
``CASE`` for yes/no words, and the importer's quarantine rules as SQL conditions, each tied to
the canonical column it checks. The same text runs on Spark after
:func:`kpi.engine.dialect.translate`.

Extra scans are avoided where the lake is already canonical: a ``BOOLEAN`` column is used as it
is, a direction is read by the importer's own patterns in SQL (no pass over its distinct values),
a timestamp column cannot be unreadable and an integer cannot be infinite, so neither rule is
written. Only a yes/no column stored as text, and a duration without a unit in its name, cost
one small query each (its distinct values; a sample median).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from kpi.errors import DataError, MappingError
from kpi.ingest import FieldMap, auto_map
from kpi.ingest import Mapping as ColumnMapping
from kpi.ingest.contacts import NO_QUEUE_MEDIA
from kpi.ingest.parsers import DIRECTION_PATTERNS, parse_bool, unit_from_name
from kpi.schema import INTERACTION_COLUMNS, Column

__all__ = [
    "DIRECTION_PATTERNS",
    "LakeScan",
    "Query",
    "direction_sql",
    "lake_scan",
    "quote_ident",
    "sql_literal",
]

#: Runs one DuckDB-dialect statement, returns its rows.
Query = Callable[[str], list[tuple[Any, ...]]]

_BY_NAME: dict[str, Column] = {c.name: c for c in INTERACTION_COLUMNS}
_FACTORS = {"s": 1.0, "ms": 0.001, "min": 60.0, "h": 3600.0, "hms": 1.0, "hm": 3600.0}
#: Text columns with more distinct values than this cannot be read as yes/no or a direction.
_MAX_WORDS = 1000


def quote_ident(name: str) -> str:
    """``name`` as a double-quoted SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def sql_literal(text: str) -> str:
    """``text`` as a single-quoted SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def direction_sql(col: str) -> str:
    """inbound / outbound from a text column ``col`` (SQL), as the importer reads directions.

    Canonical values pass through one ``IN`` test; only other labels meet the patterns. No
    scan of the column's distinct values is needed.
    """
    low = f"lower(trim({col}))"
    whens = " ".join(
        f"WHEN regexp_matches({low}, {sql_literal(rx)}) THEN {sql_literal(label)}"
        for rx, label in DIRECTION_PATTERNS
    )
    return (
        f"(CASE WHEN {col} IN ('inbound', 'outbound') THEN {col} "
        f"WHEN {low} = '' THEN NULL {whens} ELSE {low} END)"
    )


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
    checks : quarantine reason -> the canonical column whose value it judges.
    """

    columns: dict[str, str]
    rules: dict[str, str]
    mapping: ColumnMapping
    notes: tuple[str, ...] = ()
    checks: dict[str, str] = field(default_factory=dict)

    def rules_for(self, names: Iterable[str] | None) -> dict[str, str]:
        """The rules judging one of the canonical ``names`` (every rule when None)."""
        if names is None:
            return dict(self.rules)
        wanted = set(names)
        return {r: c for r, c in self.rules.items() if self.checks.get(r, "") in wanted}

    def select(
        self, names: Iterable[str], relation: str, *, keep: bool = True, check_all: bool = False
    ) -> str:
        """``SELECT`` of the canonical ``names`` from ``relation``.

        ``keep`` drops the rows a rule sets aside: by default only the rules on the selected
        columns (a query reads no other column, so the scan stays narrow); ``check_all`` applies
        every rule, as the importer does, at the cost of reading every checked column.
        """
        cols = [n for n in dict.fromkeys(names) if n in self.columns]
        body = ", ".join(f"{self.columns[n]} AS {quote_ident(n)}" for n in cols) or "NULL AS _none"
        sql = f"SELECT {body} FROM {relation}"
        rules = self.rules_for(None if check_all else cols)
        if keep and rules:
            sql += f" WHERE NOT ({' OR '.join(f'coalesce({c}, FALSE)' for c in rules.values())})"
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


def _is_integer(sql_type: str) -> bool:
    t = sql_type.upper()
    return not t.startswith("INTERVAL") and t.startswith(("TINYINT", "SMALLINT", "INT", "BIGINT", "HUGEINT", "UTINY", "USMALL",
                         "UINT", "UBIG", "LONG", "SHORT", "BYTE"))  # fmt: skip


def _words_case(col: str, words: dict[str, Any]) -> str:
    """CASE over the distinct text values of ``col`` (their meaning found by the importer)."""
    if not words:
        return "NULL"
    whens = " ".join(
        f"WHEN {sql_literal(k)} THEN {'NULL' if v is None else _value_sql(v)}"
        for k, v in words.items()
    )
    return f"(CASE {col} {whens} END)"


def _value_sql(v: Any) -> str:
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    return sql_literal(str(v))


class _Mapper:
    """Builds :class:`LakeScan` for one relation (DuckDB queries for distinct values / units)."""

    def __init__(self, query: Query, relation: str, types: dict[str, str]):
        self.query = query
        self.relation = relation
        self.kinds = {n: _kind_of(t) for n, t in types.items()}
        self.integers = {n for n, t in types.items() if _is_integer(t)}
        self.notes: list[str] = []
        self.rules: dict[str, str] = {}
        self.checks: dict[str, str] = {}

    def rule(self, reason: str, target: str, sql: str) -> None:
        """Record a quarantine rule on the canonical column ``target``."""
        self.rules[reason] = sql
        self.checks[reason] = target

    def distinct(self, col: str) -> list[Any]:
        rows = self.query(
            f"SELECT DISTINCT {quote_ident(col)} FROM {self.relation} WHERE {quote_ident(col)} IS NOT NULL "
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
        return _words_case(quote_ident(col), words)

    def as_bool(self, col: str) -> str:
        kind = self.kinds[col]
        if kind == "bool":
            return quote_ident(col)
        if kind == "number":
            return f"({quote_ident(col)} <> 0)"
        return self.text_bool(col)

    def filled(self, col: str) -> str:
        if self.kinds[col] == "text":
            return f"({quote_ident(col)} IS NOT NULL AND trim({quote_ident(col)}) <> '')"
        return f"({quote_ident(col)} IS NOT NULL)"

    def transform(self, f: FieldMap) -> str:
        src = f.source
        if f.transform == "invert":
            return f"(NOT {self.as_bool(src[0])})"
        if f.transform == "present":
            return self.filled(src[0])
        if f.transform == "absent":
            return f"(NOT {self.filled(src[0])})"
        if f.transform == "positive":
            value = self.number(FieldMap("talk_seconds", src[:1], f.unit), _BY_NAME["talk_seconds"])
            return f"(CASE WHEN ({value}) IS NULL THEN NULL ELSE ({value}) > 0 END)"
        if f.transform == "queued_not_answered":
            later = "".join(f" AND NOT {self.filled(c)}" for c in src[2:])
            return f"({self.filled(src[0])} AND NOT {self.filled(src[1])}{later})"
        if f.transform == "equals":
            wanted = ", ".join(sql_literal(v.lower()) for v in f.values) or "NULL"
            text = f"lower(trim(CAST({quote_ident(src[0])} AS VARCHAR)))"
            if f.target == "direction":  # direction codes: the listed ones mean outbound
                return (
                    f"(CASE WHEN {quote_ident(src[0])} IS NULL THEN NULL WHEN {text} IN "
                    f"({wanted}) THEN 'outbound' ELSE 'inbound' END)"
                )
            return (
                f"(CASE WHEN {quote_ident(src[0])} IS NULL THEN NULL ELSE {text} IN ({wanted}) END)"
            )
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
                expr = direction_sql(quote_ident(f.source[0]))
                self.rule(
                    "internal call or an agent's transfer / conference leg (not a customer "
                    "contact)",
                    f.target,
                    f"({expr} = 'internal')",
                )
                return expr
            text = f"CAST({quote_ident(f.source[0])} AS VARCHAR)"
            if self.kinds[f.source[0]] != "text":
                return text
            return f"nullif(trim({text}), '')"  # as the importer: trimmed, blank is missing
        return self.number(f, col)

    def datetime(self, f: FieldMap) -> str:
        stamps = [c for c in f.source if self.kinds[c] == "timestamp"]
        if len(f.source) == 2 and stamps:
            # A date + time pair where one is a whole timestamp (a hive ``date=`` partition
            # beside the start time): the timestamp alone says it.
            f = FieldMap(f.target, (stamps[0],), f.unit)
        stored = False  # a stored timestamp or date cannot be unreadable: no rule for it
        if len(f.source) == 2:
            d, t = (quote_ident(s) for s in f.source)
            expr = f"TRY_CAST(CAST({d} AS VARCHAR) || ' ' || CAST({t} AS VARCHAR) AS TIMESTAMP)"
            raw = f"coalesce({d}, {t})"
        else:
            raw = quote_ident(f.source[0])
            stored = self.kinds[f.source[0]] in ("timestamp", "date")
            if stored:
                expr = f"CAST({raw} AS TIMESTAMP)"
            else:
                expr = f"TRY_CAST({raw} AS TIMESTAMP)"
                self.notes.append(
                    f"'{f.source[0]}' read as ISO timestamps (YYYY-MM-DD hh:mm:ss); other "
                    "formats are quarantined as unreadable"
                )
        if f.target == "start_time":
            self.rule("no start_time", f.target, f"({raw} IS NULL)")
        if not stored:
            self.rule(f"unreadable {f.target}", f.target, f"({raw} IS NOT NULL AND {expr} IS NULL)")
        return expr

    def unit(self, f: FieldMap) -> str:
        if f.unit != "auto":
            return f.unit
        named = unit_from_name(f.source[0])
        if named:
            return named
        # The importer's rule: a median positive value above 10,000 means milliseconds.
        col = quote_ident(f.source[0])
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
        raw = quote_ident(src)
        if self.kinds[src] == "number":
            expr = f"CAST({raw} AS DOUBLE)"
        elif self.kinds[src] == "text" and col.kind == "duration" and f.unit in ("hms", "hm"):
            expr = _hms_sql(raw, hours=f.unit == "hm")
        else:
            expr = f"TRY_CAST({raw} AS DOUBLE)"
            self.rule(
                f"unreadable {f.target}", f.target, f"({self.filled(src)} AND {expr} IS NULL)"
            )
        if col.kind == "duration" and not (self.kinds[src] == "text" and f.unit in ("hms", "hm")):
            factor = _FACTORS[self.unit(f)]
            expr = expr if factor == 1.0 else f"({expr} * {factor:g})"
        if src not in self.integers:  # an integer column cannot hold infinity
            # abs(x) = Infinity rather than isinf(x): the same text runs on Spark.
            inf = f"(abs({expr}) = CAST('Infinity' AS DOUBLE))"
            self.rule(f"infinite {f.target}", f.target, inf)
        if col.minimum is not None:
            word = "negative" if col.minimum == 0 else "below-range"
            self.rule(f"{word} {f.target}", f.target, f"({expr} < {col.minimum:g})")
        if col.maximum is not None:
            self.rule(f"{f.target} above {col.maximum:g}", f.target, f"({expr} > {col.maximum:g})")
        return expr


def _hms_sql(col: str, *, hours: bool = False) -> str:
    """Seconds from HH:MM:SS or MM:SS text (plain seconds when there is no colon); with
    ``hours``, two parts are H:MM (unit "hm")."""
    parts = f"string_split(trim({col}), ':')"
    num = "TRY_CAST({0}[{1}] AS DOUBLE)"
    three = " + ".join(f"{num.format(parts, i)} * {m}" for i, m in ((1, 3600), (2, 60), (3, 1)))
    first = 3600 if hours else 60
    two = f"{num.format(parts, 1)} * {first} + {num.format(parts, 2)} * {first // 60}"
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
    if "wait_seconds" in columns and "channel" in columns:
        # E-mails' queue time of 0 is written where the medium has none: no wait, so that they
        # count in no queue rate (the importer's rule, ``kpi.ingest.contacts.no_queue_wait``).
        wait, channel = columns["wait_seconds"], columns["channel"]
        email = f"regexp_matches(lower({channel}), {sql_literal(NO_QUEUE_MEDIA)})"
        columns["wait_seconds"] = (
            f"(CASE WHEN ({wait}) = 0 AND coalesce({email}, FALSE) THEN NULL ELSE {wait} END)"
        )
    return LakeScan(
        columns=columns,
        rules=dict(m.rules),
        mapping=mapping,
        notes=tuple(m.notes),
        checks=dict(m.checks),
    )

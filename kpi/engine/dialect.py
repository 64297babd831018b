"""The registry's SQL in another engine's dialect: DuckDB SQL translated once per dialect.

The KPI definitions live once, as DuckDB SQL, in :mod:`kpi.metrics`; the engine assembles them
into one ``GROUP BY`` query (and the repeat-contact window query). Other engines run that same
text, translated by `sqlglot <https://sqlglot.com>`_ plus a few rewrites sqlglot does not make
(or makes differently from what Spark accepts):

* ``quantile_cont(x, [p1, p2, ...])`` becomes Spark's ``percentile(x, array(p1, p2, ...))``:
  **exact**, the same linear interpolation between order statistics as DuckDB's
  ``quantile_cont`` (Hyndman & Fan type 7), so the quantile KPIs agree to floating-point
  rounding. ``percentile`` holds a group's values in memory; with
  ``quantiles="approx"`` it becomes ``percentile_approx(x, array(...), accuracy)`` instead
  (Greenwald-Khanna: the returned value's rank is within ``n / accuracy`` of the exact rank, i.e.
  within 1/10,000 of the distribution at the default accuracy 10,000), for clusters whose groups
  are too large to hold.
* ``INTERVAL (n) MICROSECOND`` (the repeat-contact window) becomes ``INTERVAL 'n/1e6' SECOND``.
* ``time_bucket(INTERVAL 'k minutes', t)`` becomes epoch-aligned buckets over
  ``unix_micros`` (DuckDB aligns minute buckets on 2000-01-03, a whole number of days after the
  epoch, so the buckets coincide whenever k divides a day).
* ``SELECT * REPLACE (col::TIMESTAMP AS col)`` loses its ``REPLACE``: the Spark source relation
  already casts its timestamp columns (see :func:`kpi.engine.spark.compute_spark`).

Only DuckDB -> Spark is provided; ``translate(sql, "duckdb")`` returns the text unchanged.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Literal

from kpi.errors import AnalysisError

__all__ = ["DIALECTS", "QUANTILE_MODES", "translate"]

DIALECTS: tuple[str, ...] = ("duckdb", "spark")
QUANTILE_MODES: tuple[str, ...] = ("exact", "approx")

#: ``percentile_approx`` accuracy: rank error at most n / accuracy (Spark's documented bound).
APPROX_ACCURACY = 10_000

_MICROS = {
    "MICROSECOND": 1,
    "MICROSECONDS": 1,
    "MILLISECOND": 1_000,
    "MILLISECONDS": 1_000,
    "SECOND": 1_000_000,
    "SECONDS": 1_000_000,
    "MINUTE": 60_000_000,
    "MINUTES": 60_000_000,
    "HOUR": 3_600_000_000,
    "HOURS": 3_600_000_000,
    "DAY": 86_400_000_000,
    "DAYS": 86_400_000_000,
}


def translate(
    sql: str,
    dialect: str,
    *,
    quantiles: Literal["exact", "approx"] = "exact",
) -> str:
    """The DuckDB ``sql`` in ``dialect`` ("duckdb" returns it unchanged, "spark" translates).

    Parameters
    ----------
    sql : one DuckDB statement, as assembled by the engine from the registry.
    dialect : "duckdb" or "spark".
    quantiles : "exact" (Spark ``percentile``) or "approx" (``percentile_approx`` with
        accuracy ``APPROX_ACCURACY``).

    Returns
    -------
    The statement in the target dialect; ``?`` placeholders are kept (Spark binds them
    positionally).
    """
    if dialect not in DIALECTS:
        raise AnalysisError(f"Unknown SQL dialect {dialect!r}: use one of {', '.join(DIALECTS)}.")
    if quantiles not in QUANTILE_MODES:
        raise AnalysisError(
            f"Unknown quantile mode {quantiles!r}: use one of {', '.join(QUANTILE_MODES)}."
        )
    if dialect == "duckdb":
        return sql
    return _to_spark(sql, quantiles)


@lru_cache(maxsize=64)
def _to_spark(sql: str, quantiles: str) -> str:
    # sqlglot is imported here: the DuckDB engine never needs it.
    import sqlglot
    from sqlglot import exp
    from sqlglot.errors import SqlglotError

    try:
        tree = sqlglot.parse_one(sql, read="duckdb")
    except SqlglotError as err:  # pragma: no cover - the engine's SQL always parses
        raise AnalysisError(f"The KPI query could not be translated for Spark ({err}).") from err

    def rewrite(node: exp.Expression) -> exp.Expression:
        if isinstance(node, exp.Star) and node.args.get("replace"):
            node.set("replace", None)
            return node
        if isinstance(node, exp.PercentileCont) and isinstance(node.expression, exp.Array):
            return _percentile(node, quantiles)
        if isinstance(node, exp.Interval):
            return _interval(node)
        if isinstance(node, exp.DateBin):
            return _bucket(node)
        return node

    out = _inline_windows(tree.transform(rewrite))
    return out.sql(dialect="spark")


def _inline_windows(tree: Any) -> Any:
    """``OVER (c RANGE ...)`` with a named window ``c``: Spark accepts a name alone, never a
    name plus a frame, so every window that names one gets its partition and order copied in."""
    from sqlglot import exp

    assert isinstance(tree, exp.Expression)
    for select in tree.find_all(exp.Select):
        named = {w.name: w for w in select.args.get("windows") or []}
        if not named:
            continue
        for win in select.find_all(exp.Window):
            ref = win.args.get("alias")
            if ref is None or ref.name not in named or win.args.get("partition_by"):
                continue
            spec = named[ref.name]
            win.set("alias", None)
            win.set("partition_by", [e.copy() for e in spec.args.get("partition_by") or []])
            order = spec.args.get("order")
            win.set("order", order.copy() if order is not None else None)
        select.set("windows", None)
    return tree


def _percentile(node: Any, quantiles: str) -> Any:
    from sqlglot import exp

    assert isinstance(node, exp.PercentileCont)
    grid = exp.Array(
        expressions=[exp.cast(e.copy(), exp.DataType.build("double")) for e in node.expression]
    )
    if quantiles == "approx":
        return exp.Anonymous(
            this="percentile_approx",
            expressions=[node.this.copy(), grid, exp.Literal.number(APPROX_ACCURACY)],
        )
    return exp.Anonymous(this="percentile", expressions=[node.this.copy(), grid])


def _micros(node: Any) -> int | None:
    """Microseconds of a constant DuckDB interval (None when it is not a constant)."""
    from sqlglot import exp

    assert isinstance(node, exp.Interval)
    value = node.this.unnest() if isinstance(node.this, exp.Paren) else node.this
    unit = node.args.get("unit")
    if not isinstance(value, exp.Literal):
        return None
    text = str(value.this).strip()
    name = unit.name.upper() if unit is not None else ""
    if not name and " " in text:  # INTERVAL '15 minutes'
        text, name = text.split(None, 1)
        name = name.upper()
    if name not in _MICROS:
        return None
    try:
        return int(round(float(text) * _MICROS[name]))
    except ValueError:
        return None


def _interval(node: Any) -> Any:
    from sqlglot import exp

    us = _micros(node)
    if us is None:
        assert isinstance(node, exp.Expression)
        return node
    seconds = f"{us / 1e6:.6f}".rstrip("0").rstrip(".")
    return exp.Interval(this=exp.Literal.string(seconds), unit=exp.var("SECOND"))


def _bucket(node: Any) -> Any:
    from sqlglot import exp

    assert isinstance(node, exp.DateBin)
    us = _micros(node.this) if isinstance(node.this, exp.Interval) else None
    if not us:
        raise AnalysisError("Spark cannot run this time bucket: use a whole number of minutes.")
    ts = node.expression.sql(dialect="spark")
    # unix_micros reads a TIMESTAMP; the session runs in UTC, so the NTZ value casts unchanged.
    text = (
        f"CAST(timestamp_micros(floor(unix_micros(CAST({ts} AS TIMESTAMP)) / {us}) * {us}) "
        "AS TIMESTAMP_NTZ)"
    )
    return exp.maybe_parse(text, dialect="spark")

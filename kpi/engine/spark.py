"""The same KPIs on Apache Spark: the registry's SQL, translated once, run where the data is.

``compute_spark("s3a://bucket/contacts/", master="spark://host:7077")`` plans the engine's
queries exactly as :func:`kpi.engine.lake.compute_lake` does (the importer's mapping as a
``SELECT`` over the scan, the registry's aggregates), translates them to Spark SQL with
:func:`kpi.engine.dialect.translate` and brings back only the aggregates (periods x segments):
the :class:`KpiTable` is built from them by the same code as the in-memory engine's.

PySpark is an optional extra (``pip install -e ".[spark]"``); Java 17+ must be on the machine
for a local or client-mode session. Quantile KPIs use Spark's exact ``percentile`` by default
(see :mod:`kpi.engine.dialect`).
"""

from __future__ import annotations

import glob as _glob
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from kpi.engine.dialect import translate
from kpi.engine.lake import empty_columns, parquet_globs, plan_lake
from kpi.engine.lake_mapping import lake_scan
from kpi.engine.run import finish
from kpi.engine.table import KpiTable
from kpi.engine.tidy import merge
from kpi.errors import AnalysisError, DataError
from kpi.ingest import Mapping as ColumnMapping
from kpi.metrics import Settings

if TYPE_CHECKING:  # pragma: no cover
    from pyspark.sql import SparkSession

__all__ = ["compute_spark", "spark_session"]

_URI = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)


def spark_session(master: str = "local[2]", *, app_name: str = "kpi-lab") -> SparkSession:
    """A Spark session for KPI Lab: ``local[n]``, a cluster URL, or Spark Connect ``sc://...``.

    The session runs in UTC (timestamps without a zone are read as written), reads Parquet
    nanosecond timestamps (pandas writes them) as numbers that the source view converts, and
    sends results to Python through Arrow.
    """
    try:
        from pyspark.sql import SparkSession
    except ImportError as err:
        raise AnalysisError(
            'Spark needs the optional extra: pip install -e ".[spark]" (PySpark and sqlglot).'
        ) from err
    builder: Any = SparkSession.builder.appName(app_name)
    builder = builder.remote(master) if master.startswith("sc://") else builder.master(master)
    conf = {
        "spark.sql.session.timeZone": "UTC",
        "spark.sql.legacy.parquet.nanosAsLong": "true",
        "spark.sql.execution.arrow.pyspark.enabled": "true",
        "spark.ui.enabled": "false",
    }
    if master.startswith("local"):
        conf["spark.sql.shuffle.partitions"] = str(max(2 * (os.cpu_count() or 2), 4))
    for k, v in conf.items():
        builder = builder.config(k, v)
    try:
        session: SparkSession = builder.getOrCreate()
    except Exception as err:  # py4j / JVM start-up failures have no common base class
        raise AnalysisError(
            f"Could not start Spark at {master} ({type(err).__name__}: {err}). A local session "
            "needs Java 17 or newer on the PATH."
        ) from err
    return session


def _spark_paths(path: str | os.PathLike[str] | Sequence[str | os.PathLike[str]]) -> list[str]:
    """Paths as Spark reads them: URIs (s3a://, hdfs://, abfss://) as given, local ones checked."""
    items = [path] if isinstance(path, str | os.PathLike) else list(path)
    out = []
    for item in items:
        text = os.fspath(item)
        if _URI.match(text) and not text.startswith("file://"):
            out.append(text)
        else:
            parquet_globs(text)  # a clear DataError when nothing is there
            out.append(str(Path(text).resolve()) if not any(c in text for c in "*?[") else text)
    return out


def _nanos_columns(paths: list[str]) -> set[str]:
    """Columns stored as nanosecond timestamps in the first local file (Spark reads them as
    longs with ``nanosAsLong``; the raw view turns them back into timestamps)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    for p in paths:
        if _URI.match(p):
            continue
        matches = sorted(_glob.glob(parquet_globs(p)[0], recursive=True))
        if not matches:
            continue
        schema = pq.read_schema(matches[0])
        return {f.name for f in schema if pa.types.is_timestamp(f.type) and f.type.unit == "ns"}
    return set()


# Over 80 lines only by its 22-line docstring (the code is ~60): read -> scan -> plan -> run on
# Spark, each step a call into the lake engine's shared stages.
def compute_spark(
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
    master: str = "local[2]",
    spark: SparkSession | None = None,
    quantiles: Literal["exact", "approx"] = "exact",
    check_all: bool = False,
) -> KpiTable:
    """KPIs by period and segment computed on Spark from Parquet files.

    Parameters
    ----------
    path : Parquet file, folder (hive partitions discovered by Spark), glob, or a URI Spark
        reads (``s3a://``, ``hdfs://``, ``abfss://``), or a list of them.
    kpis, grain, by, settings, start, end, filters : as :func:`kpi.engine.compute`.
    mapping : the importer's column mapping (None: auto-mapped from the column names).
    master : Spark master when ``spark`` is None (``local[2]``, ``spark://host:7077``,
        ``yarn``, ``sc://host:15002``).
    spark : an existing session to use (it is left running).
    quantiles : "exact" (``percentile``) or "approx" (``percentile_approx``), see
        :mod:`kpi.engine.dialect`.
    check_all : apply every quarantine rule, not only those on the columns read (see
        :func:`kpi.engine.lake.compute_lake`).

    Returns
    -------
    KpiTable, as the in-memory engine returns it.
    """
    paths = _spark_paths(path)
    session = spark if spark is not None else spark_session(master)
    try:
        df = session.read.parquet(*paths)
    except Exception as err:  # AnalysisException lives in pyspark: keep the import optional
        raise DataError(f"Spark could not read {', '.join(paths)} ({err}).") from err
    nanos = _nanos_columns(paths) & set(df.columns)
    cols = ", ".join(
        f"CAST(timestamp_micros(div(`{c}`, 1000)) AS TIMESTAMP_NTZ) AS `{c}`"
        if c in nanos
        else f"`{c}`"
        for c in df.columns
    )
    df.createOrReplaceTempView("kpi_lab_parquet")
    session.sql(f"SELECT {cols} FROM kpi_lab_parquet").createOrReplaceTempView("raw")
    types = {
        f.name: ("timestamp" if f.name in nanos else f.dataType.simpleString())
        for f in df.schema.fields
    }

    def query(sql: str) -> list[tuple[Any, ...]]:
        return [tuple(r) for r in session.sql(translate(sql, "spark")).collect()]

    scan = lake_scan(types, query, "raw", mapping)
    req, qp = plan_lake(
        list(scan.columns), kpis, grain, by, settings,
        start=start, end=end, filters=filters, empty=empty_columns(scan, query, "raw", settings),
    )  # fmt: skip
    view = translate(scan.select(qp.columns, "raw", check_all=check_all), "spark")
    session.sql(view).createOrReplaceTempView("src")

    def run(sql: str, params: Sequence[Any]) -> Any:
        return session.sql(
            translate(sql, "spark", quantiles=quantiles), args=list(params)
        ).toPandas()

    try:
        agg = run(qp.main, qp.params)
        if qp.window:
            agg = merge(agg, run(qp.window, qp.params), ["_period", *req.by])
        stocks = {k: run(sql, qp.stock_params) for k, sql in qp.stock.items()}
    except Exception as err:  # Spark's exceptions live in pyspark: keep the import optional
        raise AnalysisError(
            f"The KPI query failed on Spark ({type(err).__name__}: {err})."
        ) from err
    return finish(req, qp, agg, stocks)

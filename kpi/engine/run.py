"""The engine: validate → plan → run (DuckDB) → tidy, giving a :class:`KpiTable`.

One ``GROUP BY`` pass with conditional aggregates computes every requested KPI's numerator,
denominator (and sum of squares for means) per period x segment; the repeat-contact FCR adds one
window pass (per customer, ordered by start time); a stock such as the ticket backlog adds one
pass of entries and exits. Values are ratios of sums over the period — never averages of daily
rates — and each carries its 95% interval (see :mod:`kpi.engine.intervals`).

A fresh DuckDB connection is opened per call, so concurrent sessions never share state.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from kpi.dataset import Dataset
from kpi.engine.plan import QueryPlan, plan
from kpi.engine.table import KpiTable
from kpi.engine.tidy import complete_periods, merge, stock_frame, tidy
from kpi.engine.validate import Request, validate
from kpi.errors import AnalysisError
from kpi.metrics import KPIS, Settings

__all__ = ["compute", "execute", "finish"]


def _arrow(req: Request, qp: QueryPlan) -> pa.Table:
    """Only the columns the SQL reads cross into DuckDB (Arrow, zero-copy where possible)."""
    table = pa.Table.from_pandas(req.frame[list(qp.columns)], preserve_index=False)
    if qp.window and "customer_id" not in req.by and "customer_id" not in req.filters:
        # The window partitions by customer: integer codes sort faster than strings.
        codes = pc.dictionary_encode(table["customer_id"].combine_chunks()).indices
        table = table.set_column(table.schema.get_field_index("customer_id"), "customer_id", codes)
    return table


def execute(
    qp: QueryPlan, table: pa.Table | pd.DataFrame, by: Sequence[str] = ()
) -> tuple[pd.DataFrame, dict[str, pd.DataFrame]]:
    """Run a plan whose source is ``src`` over ``table``: (aggregates, stock deltas by KPI)."""
    con = duckdb.connect()
    try:
        con.register("src", table)
        agg = con.execute(qp.main, list(qp.params)).fetch_df()
        if qp.window:
            wagg = con.execute(qp.window, list(qp.params)).fetch_df()
            agg = merge(agg, wagg, ["_period", *by])
        stocks = {
            k: con.execute(sql, list(qp.stock_params)).fetch_df() for k, sql in qp.stock.items()
        }
    except duckdb.Error as err:  # pragma: no cover - a bug, reported as one sentence
        raise AnalysisError(
            f"The KPI query failed on this data ({type(err).__name__}: {err})."
        ) from err
    finally:
        con.close()
    return agg, stocks


def _totals(agg: pd.DataFrame, kpi: str) -> dict[str, float]:
    prefix = f"{kpi}__"
    return {
        c[len(prefix) :]: float(pd.to_numeric(agg[c], errors="coerce").sum())
        for c in agg.columns
        if c.startswith(prefix) and c[len(prefix) :] in ("excl", "gap", "immature", "wait")
    }


def _notes(req: Request, qp: QueryPlan, agg: pd.DataFrame) -> tuple[dict[str, str], dict[str, int]]:
    """Per-KPI notes (how the SQL was chosen, what its totals say) and rows left out."""
    notes: dict[str, str] = {}
    excluded: dict[str, int] = {}
    for k in qp.specs:
        totals = _totals(agg, k)
        parts = [qp.notes.get(k, ""), KPIS[k].note(totals, req.settings, req.shape)]
        n = int(totals.get("excl", 0))
        if n:
            excluded[k] = n
            if req.shape == "aggregated":
                parts.append(
                    f"{n:,} row{'s' if n > 1 else ''} of the summary left out of numerator and "
                    "denominator: a part of the figure is empty"
                )
        text = "; ".join(p for p in parts if p)
        if text:
            notes[k] = text
    return notes, excluded


def _stock_rows(
    req: Request, qp: QueryPlan, agg: pd.DataFrame, stocks: Mapping[str, pd.DataFrame]
) -> list[pd.DataFrame]:
    if not stocks or agg.empty:
        return []
    if req.grain == "all":
        last = pd.Timestamp(agg["__tmax"].max()).normalize()
        periods = pd.Series([last])
    else:
        periods = pd.Series(pd.to_datetime(agg["_period"]).unique())
    rows = []
    for k, deltas in stocks.items():
        f = stock_frame(k, deltas, periods, req.by)
        if req.grain == "all" and len(f):
            f = f.assign(period=pd.Timestamp(agg["__tmin"].min()).normalize())
        rows.append(f)
    return rows


def compute(
    data: pd.DataFrame | Dataset,
    kpis: Sequence[str] | None = None,
    grain: str = "day",
    by: Sequence[str] | str = (),
    settings: Settings | None = None,
    *,
    start: Any = None,
    end: Any = None,
    filters: Mapping[str, Iterable[Any]] | None = None,
) -> KpiTable:
    """Compute KPIs by period and segment.

    Parameters
    ----------
    data : canonical interactions (one row per contact or ticket) or an aggregated table (one
        row per day, week or month; a ``Dataset`` carries its ``grain``), as a ``Dataset`` or a
        DataFrame (shape detected from ``start_time`` / ``date``).
    kpis : KPI ids (default: every registry KPI; those the data cannot support are reported in
        ``unavailable``, never as zero — optional ones such as the ticket KPIs only when asked).
    grain : "interval" (``settings.interval_minutes``), "day", "week" (ISO, Monday), "month",
        "quarter", "year" or "all" (one period for the whole range, dated at its first day).
        A summary table cannot be split finer than its own grain.
    by : segment columns (queue, channel, agent_id, team, topic, direction...).
    settings : formula variants (``kpi.metrics.Settings``); defaults when None.
    start, end : keep contacts from ``start`` to ``end`` (a bare date as ``end`` includes that day).
        The repeat-contact window and the backlog still look at rows outside the range.
    filters : ``{column: [values]}`` segment filters (kept rows have one of the values).

    Returns
    -------
    KpiTable whose ``frame`` has columns ``period``, the ``by`` columns, ``kpi``, ``value``,
    ``numerator``, ``denominator``, ``ci_low``, ``ci_high``.
    """
    req = validate(data, kpis, grain, by, settings, start=start, end=end, filters=filters)
    qp = plan(
        "src",
        list(req.frame.columns),
        req.kpis,
        shape=req.shape,
        grain=req.grain,
        by=req.by,
        settings=req.settings,
        start=req.start,
        end=req.end,
        filters=req.filters,
    )
    agg, stocks = execute(qp, _arrow(req, qp), req.by)
    return finish(req, qp, agg, stocks)


def finish(
    req: Request, qp: QueryPlan, agg: pd.DataFrame, stocks: Mapping[str, pd.DataFrame]
) -> KpiTable:
    """The plan's aggregates -> :class:`KpiTable`: the end of :func:`compute`, for any runner.

    Parameters
    ----------
    req : the checked request (:func:`kpi.engine.validate.validate`).
    qp : the plan whose queries produced ``agg`` and ``stocks``.
    agg : the main query's aggregates, merged with the window pass's (if the plan has one) on
        ``_period`` and the ``by`` columns — as :func:`execute` returns them, or as DuckDB over a
        Parquet lake or Spark return them (:mod:`kpi.engine.lake`, :mod:`kpi.engine.spark`).
    stocks : stock deltas by KPI (the plan's ``stock`` queries).

    Returns
    -------
    KpiTable with empty periods completed, stocks, notes and rows left out.
    """
    if req.shape == "interactions":
        counts = [f"{k}__num" for k, s in qp.specs.items() if s.stat == "count"]
        agg = complete_periods(agg, req.by, req.grain, req.settings, counts)
    stock_rows = _stock_rows(req, qp, agg, stocks)
    if req.grain == "all" and len(agg):
        agg["_period"] = pd.Timestamp(agg["__tmin"].min()).normalize()
    notes, excluded = _notes(req, qp, agg)
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

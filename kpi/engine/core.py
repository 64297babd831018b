"""The KPI engine: KPIs by period and segment, computed in DuckDB from the registry's SQL.

One ``GROUP BY`` pass with conditional aggregates computes every requested KPI's numerator,
denominator (and sum of squares for means) per period x segment; the repeat-contact FCR adds one
window pass (per customer, ordered by start time). Values are ratios of sums over the period —
never averages of daily rates — and each carries its 95% interval: Wilson for rates, Student t
for means, the multinomial variance of (p_promoters − p_detractors) for NPS and the delta method
for ratios of sums (occupancy).

A fresh DuckDB connection is opened per call, so concurrent sessions never share state.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from scipy import stats

from kpi.dataset import Dataset
from kpi.errors import AnalysisError, DataError
from kpi.metrics import (
    KPIS,
    QUANTILE_FRACTIONS,
    SL_VARIANTS,
    KpiSql,
    Settings,
    aggregated_sql,
    available_kpis,
    derived_columns,
    kpi_sql,
    quantile_grid,
    snippets,
)
from kpi.schema import AGGREGATE_COLUMNS, INTERACTION_COLUMNS, detect_shape

__all__ = ["GRAINS", "KpiTable", "compute", "wilson_interval"]

GRAINS: tuple[str, ...] = ("interval", "day", "week", "month", "all")
FRAME_COLUMNS: tuple[str, ...] = (
    "period",
    "kpi",
    "value",
    "numerator",
    "denominator",
    "ci_low",
    "ci_high",
)
_Z = float(stats.norm.ppf(0.975))
_CANONICAL = {c.name for c in INTERACTION_COLUMNS} | {c.name for c in AGGREGATE_COLUMNS}
_WINDOW_KPIS = ("repeat_contact_rate",)


@dataclass(frozen=True, slots=True)
class KpiTable:
    """KPIs by period (and segment): the engine's result.

    Attributes
    ----------
    frame : tidy table, one row per period x segment x KPI. Columns: ``period`` (start of the
        period, datetime), one column per ``by`` segment, ``kpi`` (id), ``value``, ``numerator``,
        ``denominator``, ``ci_low``, ``ci_high`` (95%). A period with an empty denominator has no
        row. Rates are fractions 0-1, NPS -100..100 (numerator = promoters − detractors),
        durations seconds; ``contacts`` has no denominator and no interval.
    settings : the formula settings used.
    grain : "interval", "day", "week", "month" or "all".
    by : segment columns.
    unavailable : KPI id -> reason naming the missing columns (those KPIs have no rows).
    notes : KPI id -> how it was computed beyond its formula (weights, denominators, censoring).
    shape : "interactions" or "aggregated" (the input).
    """

    frame: pd.DataFrame
    settings: Settings
    grain: str
    by: tuple[str, ...] = ()
    unavailable: dict[str, str] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    shape: str = "interactions"

    @property
    def kpis(self) -> tuple[str, ...]:
        """The KPI ids that have rows, in registry order."""
        present = set(self.frame["kpi"].unique().tolist())
        return tuple(k for k in KPIS if k in present)

    def wide(self, segment: Mapping[str, Any] | str | None = None) -> pd.DataFrame:
        """The values as a wide frame: ``date`` plus one column per KPI id.

        Parameters
        ----------
        segment : with ``by``, pick one segment (``{"queue": "Billing"}``, or the value itself
            when there is one ``by`` column); None keeps every segment as one block of rows per
            segment value, with the ``by`` columns before the KPI columns.

        Returns
        -------
        DataFrame with columns ``date``, [``by`` columns when no segment is picked], KPI ids
        (registry order); one row per period (x segment), sorted by segment then date.
        """
        f = self.frame
        by = list(self.by)
        if segment is not None:
            if isinstance(segment, str):
                if len(by) != 1:
                    raise AnalysisError(
                        "Pass the segment as a dict like {'queue': 'Billing'}: the table is split by "
                        f"{', '.join(by) or 'nothing'}."
                    )
                segment = {by[0]: segment}
            unknown = [k for k in segment if k not in by]
            if unknown:
                raise AnalysisError(
                    f"The table is not split by {', '.join(unknown)}: it is split by {', '.join(by) or 'nothing'}."
                )
            mask = pd.Series(True, index=f.index)
            for k, v in segment.items():
                mask &= (f[k] == v).fillna(False)
            f = f.loc[mask]
            by = [b for b in by if b not in segment]
        index = [*by, "period"]
        if f.empty:
            return pd.DataFrame({"date": pd.Series(dtype="datetime64[ns]")})
        w = f.pivot_table(index=index, columns="kpi", values="value", aggfunc="first", dropna=False)
        w = w.reindex(columns=[k for k in KPIS if k in w.columns])
        w.columns.name = None
        w = w.reset_index().rename(columns={"period": "date"})
        w = w.dropna(subset=[c for c in w.columns if c in KPIS], how="all")
        w = w[["date", *by, *[c for c in w.columns if c in KPIS]]]
        return w.sort_values([*by, "date"]).reset_index(drop=True)

    def value(self, kpi: str, period: Any = None, **segment: Any) -> float:
        """One value: ``table.value("fcr", "2026-03-02", queue="Billing")``.

        ``period`` may be omitted when the table has one period (grain "all"). Returns NaN when
        the period/segment has no row (empty denominator); raises ``AnalysisError`` for an
        unavailable KPI or an ambiguous request.
        """
        if kpi in self.unavailable:
            raise AnalysisError(
                f"{KPIS[kpi].name} is not available on this data: {self.unavailable[kpi]}."
            )
        f = self.frame.loc[self.frame["kpi"] == kpi]
        if period is not None:
            f = f.loc[f["period"] == pd.Timestamp(period)]
        for k, v in segment.items():
            if k not in self.by:
                raise AnalysisError(f"The table is not split by {k}.")
            f = f.loc[(f[k] == v).fillna(False)]
        if len(f) > 1:
            raise AnalysisError(
                f"{len(f)} rows match {kpi}: name the period and every segment ({', '.join(self.by) or 'none'})."
            )
        return float(f["value"].iloc[0]) if len(f) else float("nan")

    def describe(self, kpi: str) -> str:  # noqa: C901 -- ratchet (#17): split or fix pending
        """Formula plus the settings it was computed with (hover text next to a figure)."""
        k = KPIS[kpi]
        s = self.settings
        parts = [f"{k.name} = {k.formula}."]
        if kpi == "service_level" and self.shape == "interactions":
            parts.append(
                f"Threshold {s.sl_threshold_seconds:g} s; variant {s.sl_variant.replace('_', ' ')}: "
                f"{SL_VARIANTS[s.sl_variant]}."
            )
            if s.exclude_short_abandons or s.sl_variant == "abandons_ignored":
                parts.append(f"Short abandons (< {s.short_abandon_seconds:g} s) left out.")
        elif kpi == "abandonment_rate" and self.shape == "interactions":
            parts.append(
                "Denominator: inbound offered (queued, not blocked)."
                if s.abandonment_denominator == "offered"
                else "Denominator: answered + abandoned."
            )
            if s.exclude_short_abandons:
                parts.append(f"Short abandons (< {s.short_abandon_seconds:g} s) left out.")
        elif kpi == "short_abandon_rate":
            parts.append(f"Short abandon = abandoned within {s.short_abandon_seconds:g} s.")
        elif kpi == "fcr" and self.shape == "interactions":
            if s.fcr_method == "flag":
                parts.append("Method: the agent/survey-declared resolved flag.")
            else:
                parts.append(
                    f"Method: no repeat contact by the same customer within {s.fcr_window_days:g} "
                    f"days (contacts within {s.fcr_ignore_minutes:g} min ignored as transfers or "
                    f"callbacks; the last {s.fcr_window_days:g} days are immature and left out)."
                )
        elif kpi == "repeat_contact_rate":
            parts.append(
                f"Window {s.fcr_window_days:g} days, ignoring {s.fcr_ignore_minutes:g} min; the last "
                f"{s.fcr_window_days:g} days are immature and left out."
            )
        elif kpi == "csat_top2":
            parts.append(f"Satisfied = rating ≥ {s.csat_top_box_min:g}.")
        elif kpi == "ces":
            parts.append(
                "Scale: agreement (higher = better)."
                if s.ces_higher_is_better
                else "Scale: effort 1-7 (lower = better)."
            )
        if kpi in self.notes:
            parts.append(self.notes[kpi].rstrip(".") + ".")
        if kpi in self.unavailable:
            parts.append(f"Not available: {self.unavailable[kpi]}.")
        by = f" by {', '.join(self.by)}" if self.by else ""
        how = "Quantile of the contacts" if k.stat == "quantile" else "Ratio of sums"
        parts.append(f"{how} per {self.grain}{by}; 95% interval: {_CI_NAMES[k.stat]}.")
        return " ".join(parts)

    def to_frame(self) -> pd.DataFrame:
        """The tidy frame (a copy)."""
        return self.frame.copy()


_CI_NAMES = {
    "count": "none (a count)",
    "rate": "Wilson",
    "mean": "Student t",
    "ratio": "delta method",
    "nps": "normal, multinomial variance of promoters − detractors",
    "quantile": "distribution-free, from the order statistics",
}


# ---------------------------------------------------------------------------------------------
# intervals (vectorised over the aggregated rows)


def wilson_interval(
    num: np.ndarray | float, den: np.ndarray | float, z: float = _Z
) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval for num/den (NaN where den <= 0)."""
    num = np.asarray(num, dtype="float64")
    den = np.asarray(den, dtype="float64")
    with np.errstate(invalid="ignore", divide="ignore"):
        p = num / den
        z2 = z * z
        centre = (p + z2 / (2 * den)) / (1 + z2 / den)
        half = z * np.sqrt(np.maximum(p * (1 - p), 0) / den + z2 / (4 * den * den)) / (1 + z2 / den)
    bad = ~(den > 0)
    lo = np.where(bad, np.nan, np.where(num <= 0, 0.0, np.clip(centre - half, 0, 1)))
    hi = np.where(bad, np.nan, np.where(num >= den, 1.0, np.clip(centre + half, 0, 1)))
    return lo, hi


def _t_interval(total: np.ndarray, n: np.ndarray, ss: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = total / n
        var = np.maximum(ss - n * mean * mean, 0) / (n - 1)
        se = np.sqrt(var / n)
        t = stats.t.ppf(0.975, np.maximum(n - 1, 1))
    ok = n > 1
    return np.where(ok, mean - t * se, np.nan), np.where(ok, mean + t * se, np.nan)


def _nps_interval(
    prom: np.ndarray, det: np.ndarray, n: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    # NPS = p - d with (p, d) multinomial: Var = (p + d - (p - d)^2) / n.
    with np.errstate(invalid="ignore", divide="ignore"):
        p, d = prom / n, det / n
        est = p - d
        se = np.sqrt(np.maximum(p + d - est * est, 0) / n)
    ok = n > 0
    lo = np.where(ok, np.clip(est - _Z * se, -1, 1) * 100, np.nan)
    hi = np.where(ok, np.clip(est + _Z * se, -1, 1) * 100, np.nan)
    return lo, hi


def _quantile_interval(
    grids: pd.Series, n: np.ndarray, p: float, z: float = 1.959963984540054
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(quantile, low, high) per row from quantiles evaluated at ``QUANTILE_FRACTIONS``.

    The distribution-free 95% interval of the p-quantile of n values runs between the order
    statistics at ranks n p -/+ z sqrt(n p (1 - p)), i.e. the quantiles at fractions
    p -/+ z sqrt(p (1 - p) / n) (normal approximation to the binomial), read off the grid by
    linear interpolation. Where those fractions leave the grid (a handful of contacts) or
    n < 10, the interval is left empty (NaN) rather than guessed.
    """
    fr = np.asarray(QUANTILE_FRACTIONS)
    near = np.asarray(quantile_grid(p))  # the interval is read inside p's own grid
    value = np.full(len(n), np.nan)
    lo = np.full(len(n), np.nan)
    hi = np.full(len(n), np.nan)
    at = int(np.argmin(np.abs(fr - p)))
    for i, (g, m) in enumerate(zip(grids, n, strict=True)):
        if g is None or not np.isfinite(m) or m <= 0:
            continue
        q = np.asarray(g, dtype="float64")
        if len(q) != len(fr):  # pragma: no cover - the SQL always returns the whole grid
            continue
        value[i] = q[at]
        if m < 10:
            continue
        half = z * np.sqrt(p * (1 - p) / m)
        if p - half >= near[0] and p + half <= near[-1]:
            lo[i] = np.interp(p - half, fr, q)
            hi[i] = np.interp(p + half, fr, q)
    return value, lo, hi


def _ratio_interval(
    y: np.ndarray, x: np.ndarray, n: np.ndarray, yy: np.ndarray, xx: np.ndarray, xy: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    # Ratio estimator R = sum y / sum x; Var(R) ~ sum (y - R x)^2 / ((n - 1) n xbar^2).
    with np.errstate(invalid="ignore", divide="ignore"):
        r = y / x
        resid = np.maximum(yy - 2 * r * xy + r * r * xx, 0)
        xbar = x / n
        se = np.sqrt(resid / (n - 1) / n) / xbar
    ok = n > 1
    return (
        np.where(ok, np.clip(r - _Z * se, 0, 1), np.nan),
        np.where(ok, np.clip(r + _Z * se, 0, 1), np.nan),
    )


# ---------------------------------------------------------------------------------------------
# the engine


def _as_frame(data: pd.DataFrame | Dataset) -> tuple[pd.DataFrame, str]:
    if isinstance(data, Dataset):
        return data.frame, data.shape
    if not isinstance(data, pd.DataFrame):
        raise DataError("The engine needs a table (a Dataset or a pandas DataFrame).")
    try:
        return data, detect_shape(data.columns)
    except ValueError as err:
        raise DataError(
            "The table has no timestamp: map a 'start_time' (one row per contact) or a 'date' "
            "(one row per day) column."
        ) from err


def _period_sql(grain: str, tcol: str, settings: Settings) -> str:
    if grain == "interval":
        return f"time_bucket(INTERVAL '{int(settings.interval_minutes)} minutes', {tcol})"
    if grain == "all":
        return "NULL::TIMESTAMP"
    return f"date_trunc('{grain}', {tcol})::TIMESTAMP"


def _bound(value: Any, *, end: bool) -> pd.Timestamp:
    try:
        ts = pd.Timestamp(value)
    except (ValueError, TypeError) as err:
        raise AnalysisError(f"Cannot read the date {value!r}: use YYYY-MM-DD.") from err
    if ts.tzinfo is not None:
        ts = ts.tz_localize(None)
    # A bare date as ``end`` includes that whole day.
    if end and (
        isinstance(value, dt.date) and not isinstance(value, dt.datetime) or ts == ts.normalize()
    ):
        ts = ts + pd.Timedelta(days=1)
    return ts


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def compute(  # noqa: C901, PLR0915 -- ratchet (#17): split or fix pending
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
    data : canonical interactions (one row per contact) or an aggregated daily table, as a
        ``Dataset`` or a DataFrame (shape detected from ``start_time`` / ``date``).
    kpis : KPI ids (default: every registry KPI; those the data cannot support are reported in
        ``unavailable``, never as zero).
    grain : "interval" (``settings.interval_minutes``), "day", "week" (ISO, Monday), "month" or
        "all" (one period for the whole range, dated at its first day).
    by : segment columns (queue, channel, agent_id, team, topic, direction...).
    settings : formula variants (``kpi.metrics.Settings``); defaults when None.
    start, end : keep contacts from ``start`` to ``end`` (a bare date as ``end`` includes that day).
        The repeat-contact window still looks at contacts outside the range.
    filters : ``{column: [values]}`` segment filters (kept rows have one of the values).

    Returns
    -------
    KpiTable whose ``frame`` has columns ``period``, the ``by`` columns, ``kpi``, ``value``,
    ``numerator``, ``denominator``, ``ci_low``, ``ci_high``.
    """
    frame, shape = _as_frame(data)
    settings = settings or Settings()
    if not isinstance(settings, Settings):
        raise AnalysisError("settings must be a kpi.metrics.Settings (use Settings.from_dict).")
    if grain not in GRAINS:
        raise AnalysisError(f"Unknown grain {grain!r}: use one of {', '.join(GRAINS)}.")
    by = (by,) if isinstance(by, str) else tuple(by)
    tcol = "start_time" if shape == "interactions" else "date"
    for b in by:
        if b not in frame.columns:
            raise DataError(f"Cannot split by {b!r}: the data has no such column.")
        if b in (tcol, "end_time") or b not in _CANONICAL:
            raise DataError(
                f"Cannot split by {b!r}: choose a segment column such as queue or channel."
            )
    if len(set(by)) != len(by):
        raise DataError("A segment column is listed twice in 'by'.")
    wanted = list(KPIS) if kpis is None else list(dict.fromkeys(kpis))
    unknown = [k for k in wanted if k not in KPIS]
    if unknown:
        raise AnalysisError(
            f"Unknown KPI id(s) {', '.join(unknown)}: known ids are {', '.join(KPIS)}."
        )
    if (
        settings.time_attribution == "end"
        and shape == "interactions"
        and "end_time" not in frame.columns
    ):
        raise DataError("Booking contacts at their end time needs an 'end_time' column.")

    avail = available_kpis(frame.columns, shape, settings)
    unavailable: dict[str, str] = {}
    computable: list[str] = []
    for k in wanted:
        gone = avail[k]
        if not gone:
            computable.append(k)
        elif gone == ("contact-level data",):
            unavailable[k] = (
                f"needs contact-level data ({KPIS[k].formula}); a daily table cannot give it"
            )
        else:
            names = [" or ".join(g.split("|")) for g in gone]
            unavailable[k] = f"missing column{'s' if len(names) > 1 else ''} {', '.join(names)}"
            if k == "fcr" and settings.fcr_method == "flag" and "customer_id" in frame.columns:
                unavailable[k] += " (or switch the FCR method to the repeat-contact window)"

    params: list[Any] = []
    where: list[str] = []
    t_expr = tcol
    if shape == "interactions" and settings.time_attribution == "end":
        t_expr = "coalesce(end_time, start_time)"
    if start is not None:
        where.append("_t >= ?")
        params.append(_bound(start, end=False).to_pydatetime())
    if end is not None:
        where.append("_t < ?")
        params.append(_bound(end, end=True).to_pydatetime())
    for col, values in (filters or {}).items():
        if col not in frame.columns:
            raise DataError(f"Cannot filter on {col!r}: the data has no such column.")
        vals = list(values)
        if not vals:
            continue
        where.append(f"{_quote(col)} IN ({', '.join('?' for _ in vals)})")
        params.extend(v.item() if hasattr(v, "item") else v for v in vals)

    specs: dict[str, KpiSql] = {}
    notes: dict[str, str] = {}
    for k in computable:
        if shape == "interactions":
            specs[k] = kpi_sql(k, frame.columns, settings)
        else:
            res = aggregated_sql(k, frame.columns, settings)
            assert isinstance(res, KpiSql)
            specs[k] = res
            if res.note:
                notes[k] = res.note

    # The repeat-contact flags need a window pass per customer: those aggregates run in a second,
    # narrow query (few columns through the sort), merged on the period x segment keys.
    in_window: dict[str, KpiSql] = {}
    if shape == "interactions":
        for k in list(specs):
            if k in _WINDOW_KPIS or (k == "fcr" and settings.fcr_method == "repeat"):
                in_window[k] = specs[k]
    main_specs = {k: v for k, v in specs.items() if k not in in_window}

    def selects(group: Mapping[str, KpiSql]) -> list[str]:
        return [
            f"{sql} AS {_quote(f'{k}__{name}')}"
            for k, spec in group.items()
            for name, sql in spec.aggs.items()
        ]

    main_sel = [*selects(main_specs), "count(*) AS __rows", "min(_t) AS __tmin"]
    win_sel = selects(in_window)
    if "fcr" in in_window:
        win_sel.append(
            f"count_if({snippets(frame.columns, settings)['fcr_immature']}) AS fcr__immature"
        )
    if win_sel:
        win_sel.append("min(_t) AS __tmin_w")

    derived = derived_columns(frame.columns, settings) if shape == "interactions" else {}
    used = " ".join([*main_sel, *win_sel])
    derived = {
        k: v
        for k, v in derived.items()
        if re.search(rf"\b{k}\b", used) or k in ("_inbound", "_initial", "_handled") and win_sel
    }
    text = " ".join([used, *derived.values(), *where])

    # Only the columns the SQL reads cross into DuckDB (Arrow, zero-copy where possible).
    needed = {
        c for c in frame.columns if c in _CANONICAL and re.search(rf"\b{re.escape(c)}\b", text)
    }
    needed |= {tcol, *by}
    if t_expr != tcol:
        needed.add("end_time")
    if win_sel:
        needed |= {"customer_id", "start_time"}
    cols = [c for c in frame.columns if c in needed]

    period = _period_sql(grain, "_t", settings)
    keys = ["_period", *[_quote(b) for b in by]]
    group = ", ".join(keys)
    sql_where = f"WHERE {' AND '.join(where)}" if where else ""
    ts_cols = [c for c in cols if c in ("start_time", "end_time", "date")]
    replace = ", ".join(f"{c}::TIMESTAMP AS {c}" for c in ts_cols)
    star = f"* REPLACE ({replace})" if replace else "*"
    flags = "".join(f", {expr} AS {name}" for name, expr in derived.items())
    base = f"SELECT {star}{flags} FROM src"
    main_sql = f"""
    WITH b AS ({base}),
    kept AS (SELECT *, {period} AS _period FROM (SELECT *, {t_expr} AS _t FROM b) {sql_where})
    SELECT {group}, {", ".join(main_sel)} FROM kept GROUP BY {group}
    """
    win_sql = ""
    if win_sel:
        ignore_us = max(int(round(settings.fcr_ignore_minutes * 60e6)), 1)
        window_us = int(round(settings.fcr_window_days * 86400e6))
        narrow_cols = [
            "start_time",
            "customer_id",
            *by,
            *(c for c in (filters or {}) if c in frame.columns),
            *(["end_time"] if t_expr != tcol else []),
            "_inbound",
            "_initial",
            "_handled",
        ]
        narrow = ", ".join(_quote(c) for c in dict.fromkeys(narrow_cols))
        win_sql = f"""
        WITH b AS ({base}),
        n AS (
            SELECT {narrow}, (_inbound AND customer_id IS NOT NULL) AS _inb_cust,
                start_time <= (SELECT max(start_time) FROM b) - INTERVAL ({window_us}) MICROSECOND AS _mature
            FROM b
        ),
        w AS (
            SELECT *,
                coalesce(start_time - lag(start_time) OVER c > INTERVAL ({ignore_us}) MICROSECOND, TRUE) AS _first,
                count(*) OVER (c RANGE BETWEEN INTERVAL ({ignore_us}) MICROSECOND FOLLOWING
                                   AND INTERVAL ({window_us}) MICROSECOND FOLLOWING) > 0 AS _repeat
            FROM n WHERE _inb_cust
            WINDOW c AS (PARTITION BY customer_id ORDER BY start_time)
        ),
        kept AS (SELECT *, {period} AS _period FROM (SELECT *, {t_expr} AS _t FROM w) {sql_where})
        SELECT {group}, {", ".join(win_sel)} FROM kept GROUP BY {group}
        """

    table = pa.Table.from_pandas(frame[cols], preserve_index=False)
    if win_sel and "customer_id" not in by and "customer_id" not in (filters or {}):
        # The window partitions by customer: integer codes sort faster than strings.
        codes = pc.dictionary_encode(table["customer_id"].combine_chunks()).indices
        table = table.set_column(table.schema.get_field_index("customer_id"), "customer_id", codes)
    con = duckdb.connect()
    try:
        con.register("src", table)
        agg = con.execute(main_sql, params).fetch_df()
        if win_sql:
            wagg = con.execute(win_sql, params).fetch_df()
            agg = _merge(agg, wagg, ["_period", *by])
    except duckdb.Error as err:  # pragma: no cover - a bug, reported as one sentence
        raise AnalysisError(
            f"The KPI query failed on this data ({type(err).__name__}: {err})."
        ) from err
    finally:
        con.close()

    if grain == "all" and len(agg):
        first = pd.Timestamp(agg["__tmin"].min()).normalize()
        agg["_period"] = first
    out = _tidy(agg, specs, by)
    if shape == "aggregated" and "abandonment_rate" in specs and "abandonment_rate__gap" in agg:
        gap = float(agg["abandonment_rate__gap"].sum())
        if abs(gap) > 0.5:
            notes["abandonment_rate"] += (
                f"; offered ≠ answered + abandoned by {gap:,.0f} contacts over the range "
                f"(a third outcome such as flow-outs or callbacks)"
            )
    if "fcr__immature" in agg:
        imm = int(agg["fcr__immature"].sum())
        notes["fcr"] = (
            f"{imm:,} handled contacts in the last {settings.fcr_window_days:g} days are immature "
            "(a repeat could still come) and are left out of the denominator"
        )
    if "repeat_contact_rate" in specs:
        notes.setdefault(
            "repeat_contact_rate",
            f"contacts in the last {settings.fcr_window_days:g} days of the data are immature and left out",
        )
    return KpiTable(
        frame=out,
        settings=settings,
        grain=grain,
        by=by,
        unavailable=unavailable,
        notes=notes,
        shape=shape,
    )


def _merge(left: pd.DataFrame, right: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Outer-join two aggregate frames on period x segment (missing segment values match)."""
    fill = "\x00<NA>"
    lk = left.assign(**{k: left[k].astype("string").fillna(fill) for k in keys[1:]})
    rk = right.assign(**{k: right[k].astype("string").fillna(fill) for k in keys[1:]})
    out = lk.merge(rk, on=keys, how="outer")
    if "__tmin_w" in out:
        out["__tmin"] = (
            out["__tmin"].fillna(out["__tmin_w"]) if "__tmin" in out else out["__tmin_w"]
        )
    for k in keys[1:]:
        out[k] = out[k].mask(out[k] == fill)
    return out


def _tidy(agg: pd.DataFrame, specs: Mapping[str, KpiSql], by: tuple[str, ...]) -> pd.DataFrame:
    """Aggregates (one row per period x segment) -> tidy rows with values and intervals."""
    parts = []
    period = pd.to_datetime(agg["_period"]).astype("datetime64[ns]") if len(agg) else None
    for k, spec in specs.items():

        def col(name: str, k: str = k) -> np.ndarray:
            return pd.to_numeric(agg[f"{k}__{name}"], errors="coerce").astype("float64").to_numpy()

        if spec.stat == "count":
            num = col("num")
            den = np.full(len(num), np.nan)
            value = num
            lo = hi = np.full(len(num), np.nan)
            keep = np.isfinite(num)
        elif spec.stat == "quantile":
            den = col("den")
            frac = float(col("p")[0]) if len(agg) else 0.5
            value, lo, hi = _quantile_interval(agg[f"{k}__q"], den, frac)
            # numerator / denominator = the quantile, so that pooling periods by their sums
            # (before/after, trend windows) gives the contact-weighted mean of their quantiles:
            # a quantile cannot be rebuilt from its parts.
            num = value * den
            keep = den > 0
        elif spec.stat == "nps":
            prom, det, den = col("prom"), col("det"), col("den")
            num = prom - det
            with np.errstate(invalid="ignore", divide="ignore"):
                value = 100 * num / den
            lo, hi = _nps_interval(prom, det, den)
            keep = den > 0
        else:
            num, den = col("num"), col("den")
            with np.errstate(invalid="ignore", divide="ignore"):
                value = num / den
            if spec.stat == "rate":
                lo, hi = wilson_interval(num, den)
            elif spec.stat == "mean" and f"{k}__ss" in agg:
                lo, hi = _t_interval(num, den, col("ss"))
            elif spec.stat == "ratio":
                lo, hi = _ratio_interval(num, den, col("n"), col("yy"), col("xx"), col("xy"))
            else:  # a re-weighted mean from a daily table: no per-contact spread to use
                lo = hi = np.full(len(num), np.nan)
            keep = den > 0
        part = pd.DataFrame(
            {
                "period": period,
                **{b: agg[b].astype("string") for b in by},
                "kpi": k,
                "value": value,
                "numerator": num,
                "denominator": den,
                "ci_low": lo,
                "ci_high": hi,
            }
        )
        parts.append(part.loc[keep])
    if not parts or not len(agg):
        cols = {
            "period": pd.Series(dtype="datetime64[ns]"),
            **{b: pd.Series(dtype="string") for b in by},
            "kpi": pd.Series(dtype="string"),
        }
        cols.update({c: pd.Series(dtype="float64") for c in FRAME_COLUMNS[2:]})
        return pd.DataFrame(cols)
    out = pd.concat(parts, ignore_index=True)
    out["kpi"] = out["kpi"].astype("string")
    order = {k: i for i, k in enumerate(KPIS)}
    out = (
        out.assign(_o=out["kpi"].map(order))
        .sort_values(["period", *by, "_o"], kind="stable")
        .drop(columns="_o")
        .reset_index(drop=True)
    )
    return out[["period", *by, *FRAME_COLUMNS[1:]]]

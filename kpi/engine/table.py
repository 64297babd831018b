"""The engine's result: :class:`KpiTable`, KPIs by period (and segment) as a tidy frame."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from kpi.engine.intervals import CI_NAMES
from kpi.errors import AnalysisError
from kpi.metrics import KPIS, Settings

__all__ = ["FRAME_COLUMNS", "KpiTable"]

FRAME_COLUMNS: tuple[str, ...] = (
    "period",
    "kpi",
    "value",
    "numerator",
    "denominator",
    "ci_low",
    "ci_high",
)


@dataclass(frozen=True, slots=True)
class KpiTable:
    """KPIs by period (and segment): the engine's result.

    Attributes
    ----------
    frame : tidy table, one row per period x segment x KPI. Columns: ``period`` (start of the
        period, datetime), one column per ``by`` segment, ``kpi`` (id), ``value``, ``numerator``,
        ``denominator``, ``ci_low``, ``ci_high`` (95%). A period with an empty denominator has no
        row (except counts of contacts, which are 0 on a period of the data's range with no
        contact, per segment too). Rates are fractions 0-1, NPS -100..100 (numerator = promoters − detractors),
        durations seconds; ``contacts`` has no denominator and no interval.
    settings : the formula settings used.
    grain : "interval", "day", "week", "month", "quarter", "year" or "all".
    by : segment columns.
    unavailable : KPI id -> reason naming the missing columns (those KPIs have no rows).
    notes : KPI id -> how it was computed beyond its formula (weights, denominators, censoring).
    shape : "interactions" or "aggregated" (the input).
    excluded : KPI id -> rows left out of its numerator and denominator because a part was
        missing (a summary row with an empty "abandoned" cell; a closed ticket with no solved
        time). Only KPIs that left rows out are listed.
    remarks : notes about the whole table (e.g. weekly rows booked into months).
    """

    frame: pd.DataFrame
    settings: Settings
    grain: str
    by: tuple[str, ...] = ()
    unavailable: dict[str, str] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    shape: str = "interactions"
    excluded: dict[str, int] = field(default_factory=dict)
    remarks: tuple[str, ...] = ()

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

    def describe(self, kpi: str) -> str:
        """Formula plus the settings it was computed with (hover text next to a figure)."""
        k = KPIS[kpi]
        parts = [f"{k.name} = {k.formula}."]
        extra = k.explain(self.settings, self.shape)
        if extra:
            parts.append(extra)
        if kpi in self.notes:
            parts.append(self.notes[kpi].rstrip(".") + ".")
        if kpi in self.unavailable:
            parts.append(f"Not available: {self.unavailable[kpi]}.")
        parts.extend(r.rstrip(".") + "." for r in self.remarks)
        by = f" by {', '.join(self.by)}" if self.by else ""
        if k.engine == "stock":
            how = f"Level at the end of each {self.grain}{by}"
        elif k.stat == "quantile":
            how = f"Quantile of the contacts per {self.grain}{by}"
        else:
            how = f"Ratio of sums per {self.grain}{by}"
        parts.append(f"{how}; 95% interval: {CI_NAMES[k.stat]}.")
        return " ".join(parts)

    def to_frame(self) -> pd.DataFrame:
        """The tidy frame (a copy)."""
        return self.frame.copy()

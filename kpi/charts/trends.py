"""Trend, sparkline and Pareto charts of the Overview (Altair; the same spec on page and report)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

import altair as alt
import pandas as pd

from kpi.metrics import KPIS
from kpi.segment import column_label

__all__ = [
    "breakdown_chart",
    "cards_chart",
    "pareto_chart",
    "sparkline_data",
    "trend_chart",
    "trend_frame",
]

_BAND = "#9ecae1"
_LINE = "#1f77b4"
_TARGET = "#2ca02c"
_EVENT = "#d62728"


def _meta(kpi: str) -> tuple[str, str]:
    k = KPIS.get(kpi)
    if k is None:
        return kpi.replace("_", " "), "rate"
    return str(k.name), str(k.unit)


def _tidy(table: Any) -> pd.DataFrame:
    frame = table.frame if hasattr(table, "frame") else table
    if not pd.api.types.is_datetime64_any_dtype(frame["period"]):
        frame = frame.assign(period=pd.to_datetime(frame["period"], errors="coerce"))
    return frame


def trend_frame(table: Any, kpi: str, segment: Mapping[str, str] | None = None) -> pd.DataFrame:
    """The plotted rows of one KPI: ``period, value, ci_low, ci_high, denominator``, oldest first.

    Parameters
    ----------
    table : a ``KpiTable`` (or its tidy frame).
    kpi : KPI id.
    segment : e.g. ``{"queue": "Billing"}`` to pick one segment of a table computed with ``by``.
    """
    frame = _tidy(table)
    rows = frame.loc[frame["kpi"] == kpi]
    for col, value in (segment or {}).items():
        rows = rows.loc[rows[col].astype(str) == str(value)]
    cols = ["period", "value", "ci_low", "ci_high", "denominator"]
    rows = rows.loc[rows["value"].notna(), [c for c in cols if c in rows.columns]]
    return rows.sort_values("period", ignore_index=True)


def sparkline_data(table: Any, kpi: str, points: int = 26) -> list[float]:
    """The latest ``points`` values of ``kpi`` (oldest first) for ``st.metric(chart_data=...)``."""
    rows = trend_frame(table, kpi)
    return [float(v) for v in rows["value"].tail(points) if not math.isnan(float(v))]


def _event_rows(events: Iterable[Any]) -> pd.DataFrame:
    rows = []
    for e in events:
        if isinstance(e, Mapping):
            date, label = e.get("date"), e.get("label", "")
        elif isinstance(e, tuple):
            date, label = e[0], e[1]
        else:
            date, label = getattr(e, "date", None), getattr(e, "label", "")
        if date is not None:
            rows.append({"date": pd.Timestamp(date), "label": str(label)})
    return pd.DataFrame(rows, columns=["date", "label"])


def trend_chart(
    table: Any,
    kpi: str,
    *,
    target: float | None = None,
    events: Iterable[Any] = (),
    segment: Mapping[str, str] | None = None,
    title: str | None = None,
    height: int = 260,
) -> alt.LayerChart:
    """A KPI over time with its 95% band, the target line and markers for pinned events.

    Parameters
    ----------
    table : a ``KpiTable`` by period (or its frame).
    kpi : KPI id.
    target : draws a dashed horizontal line when given.
    events : pinned interventions: objects with ``date`` and ``label`` (``state.Event``), dicts
        or ``(date, label)`` tuples; each draws a vertical rule with its label. Events outside
        the plotted dates are left out.
    segment : pick one segment of a table computed with ``by``.

    Returns
    -------
    altair.LayerChart
        Layers in order: band (``ci_low``..``ci_high``), line with points, then the target rule
        and the event rules / labels when present.
    """
    name, unit = _meta(kpi)
    data, target, axis_format, y_title = _in_display_unit(
        kpi, name, unit, trend_frame(table, kpi, segment), target
    )
    layers = _band_and_line(data, name, y_title, axis_format)
    if target is not None and not math.isnan(target):
        tdf = pd.DataFrame({"target": [float(target)], "label": [f"target {target:g}"]})
        rule = alt.Chart(tdf).mark_rule(color=_TARGET, strokeDash=[6, 4], size=2)
        layers.append(rule.encode(y="target:Q", tooltip=[alt.Tooltip("label:N", title="Target")]))
    layers += _event_layers(_event_rows(events), data)
    chart = alt.layer(*layers).properties(height=height, width="container")
    if title:
        chart = chart.properties(title=alt.Title(title, anchor="start", offset=6))
    return chart  # type: ignore[return-value]  # altair: .properties() -> LayerChart | FacetChart


def _in_display_unit(
    kpi: str, name: str, unit: str, data: pd.DataFrame, target: float | None
) -> tuple[pd.DataFrame, float | None, str, str]:
    """(data, target, axis format, y title) in the KPI's display unit, as its card and target
    box show it (one unit per KPI: durations in minutes when the KPI shows minutes)."""
    axis_format = {"rate": ".0%", "nps": "+.0f", "seconds": ",.0f", "count": ",.0f"}.get(
        unit, ".2f"
    )
    y_title = {"seconds": f"{name} (seconds)"}.get(unit, name)
    if unit == "seconds":
        from kpi.format import axis_title, display_unit, to_display

        shown_unit = display_unit(kpi)
        if shown_unit != "s":
            scale = (to_display(kpi, 3600.0) or 3600.0) / 3600.0
            data = data.assign(
                **{c: data[c] * scale for c in ("value", "ci_low", "ci_high") if c in data}
            )
            target = None if target is None else float(target) * scale
            axis_format = ",.1f"
        y_title = axis_title(kpi)
    return data, target, axis_format, y_title


def _band_and_line(
    data: pd.DataFrame, name: str, y_title: str, axis_format: str
) -> list[alt.Chart]:
    """The 95% band (when the rows have intervals) and the value line with points."""
    x = alt.X("period:T", title=None)
    base = alt.Chart(data)
    layers: list[alt.Chart] = []
    if {"ci_low", "ci_high"} <= set(data.columns) and data["ci_low"].notna().any():
        layers.append(
            base.mark_area(opacity=0.25, color=_BAND).encode(
                x=x,
                y=alt.Y("ci_low:Q", title=y_title, axis=alt.Axis(format=axis_format)),
                y2="ci_high:Q",
                tooltip=[
                    alt.Tooltip("period:T", title="Period"),
                    alt.Tooltip("ci_low:Q", title="95% CI low", format=axis_format),
                    alt.Tooltip("ci_high:Q", title="95% CI high", format=axis_format),
                ],
            )
        )
    layers.append(
        base.mark_line(point=True, color=_LINE).encode(
            x=x,
            y=alt.Y(
                "value:Q",
                title=y_title,
                axis=alt.Axis(format=axis_format),
                scale=alt.Scale(zero=False),
            ),
            tooltip=[
                alt.Tooltip("period:T", title="Period"),
                alt.Tooltip("value:Q", title=name, format=axis_format),
                alt.Tooltip("denominator:Q", title="Based on", format=",.0f"),
            ],
        )
    )
    return layers


def _event_layers(ev: pd.DataFrame, data: pd.DataFrame) -> list[alt.Chart]:
    """A rule and a label per pinned event within the plotted dates (none outside them)."""
    if ev.empty or data.empty:
        return []
    lo, hi = data["period"].min(), data["period"].max() + pd.Timedelta(days=31)
    ev = ev.loc[(ev["date"] >= lo) & (ev["date"] <= hi)]
    if ev.empty:
        return []
    # Labels of neighbouring events would print over each other: stagger them in 3 rows, and
    # cut a long name (the full one is in the tooltip).
    ev = ev.sort_values("date").assign(ypx=[2 + 12 * (i % 3) for i in range(len(ev))])
    ev_chart = alt.Chart(ev)
    return [
        ev_chart.mark_rule(color=_EVENT, strokeDash=[2, 2], size=2).encode(
            x="date:T",
            tooltip=[alt.Tooltip("label:N", title="Event"), alt.Tooltip("date:T")],
        ),
        ev_chart.mark_text(
            align="left", dx=4, dy=-4, color=_EVENT, baseline="top", limit=140, fontSize=11
        ).encode(x="date:T", y=alt.Y("ypx:Q", scale=None, axis=None), text="label:N"),
    ]


def pareto_chart(pareto: pd.DataFrame, *, title: str | None = None) -> alt.LayerChart:
    """Bars of contacts by reason (largest first) with the cumulative share as a line.

    Parameters
    ----------
    pareto : the output of ``kpi.analysis.overview.topic_pareto`` (``topic, contacts, share,
        cumulative_share, structural``).

    Returns
    -------
    altair.LayerChart
        Bars (coloured by structural / other) and the cumulative-share line on a second axis.
    """
    data = pareto.assign(
        kind=pareto.get("structural", pd.Series(False, index=pareto.index)).map(
            {True: "structural (≥ share on most weeks)", False: "other"}
        )
    )
    order = data["topic"].tolist()
    x = alt.X("topic:N", sort=order, title=None)
    bars = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=x,
            y=alt.Y("contacts:Q", title="Contacts"),
            color=alt.Color(
                "kind:N",
                title=None,
                scale=alt.Scale(
                    domain=["structural (≥ share on most weeks)", "other"],
                    range=["#d62728", "#1f77b4"],
                ),
                legend=alt.Legend(orient="bottom"),
            ),
            tooltip=[
                alt.Tooltip("topic:N", title="Reason"),
                alt.Tooltip("contacts:Q", format=",.0f"),
                alt.Tooltip("share:Q", format=".1%"),
            ],
        )
    )
    line = (
        alt.Chart(data)
        .mark_line(point=True, color="#555555")
        .encode(
            x=x,
            y=alt.Y(
                "cumulative_share:Q",
                title="Cumulative share",
                axis=alt.Axis(format=".0%"),
                scale=alt.Scale(domain=[0, 1]),
            ),
            tooltip=[alt.Tooltip("cumulative_share:Q", title="Cumulative", format=".1%")],
        )
    )
    chart = (
        alt.layer(bars, line)
        .resolve_scale(y="independent")
        .properties(height=280, width="container")
    )
    if title:
        chart = chart.properties(title=title)
    return chart


def breakdown_chart(
    table: Any,
    kpi: str,
    by: str,
    *,
    target: float | None = None,
    top: int = 25,
    title: str | None = None,
) -> alt.LayerChart:
    """One KPI per segment (grain "all"): horizontal bars with 95% error bars and the target.

    Parameters
    ----------
    table : a ``KpiTable`` computed with ``by=(by,)`` (or its frame).
    kpi : KPI id.
    by : the segment column.
    target : draws a dashed vertical line when given.
    top : at most this many segments (the largest denominators).

    Returns
    -------
    altair.LayerChart
        Layers: bars (``value``), error bars (``ci_low``..``ci_high``), target rule if any.
    """
    name, unit = _meta(kpi)
    frame = table.frame if hasattr(table, "frame") else table
    rows = frame.loc[(frame["kpi"] == kpi) & frame["value"].notna()]
    if "denominator" in rows.columns and rows["denominator"].notna().any():
        rows = rows.sort_values("denominator", ascending=False)
    rows = rows.head(top).assign(segment=lambda d: d[by].astype(str))
    data = rows[["segment", "value", "ci_low", "ci_high", "denominator"]]
    axis_format = {"rate": ".0%", "nps": "+.0f", "seconds": ",.0f", "count": ",.0f"}.get(
        unit, ".2f"
    )
    order = data.sort_values("value", ascending=False)["segment"].tolist()
    y = alt.Y(
        "segment:N",
        sort=order,
        title=column_label(by),
        # Every category labelled (Vega drops "overlapping" labels by default).
        axis=alt.Axis(labelOverlap=False, labelLimit=220),
    )
    base = alt.Chart(data)
    layers: list[alt.Chart] = [
        base.mark_bar(color=_LINE, opacity=0.8).encode(
            y=y,
            x=alt.X("value:Q", title=name, axis=alt.Axis(format=axis_format)),
            tooltip=[
                alt.Tooltip("segment:N", title=column_label(by)),
                alt.Tooltip("value:Q", title=name, format=axis_format),
                alt.Tooltip("denominator:Q", title="Based on", format=",.0f"),
            ],
        )
    ]
    if data["ci_low"].notna().any():
        layers.append(base.mark_rule(color="#333333").encode(y=y, x="ci_low:Q", x2="ci_high:Q"))
    if target is not None and not math.isnan(target):
        tdf = pd.DataFrame({"target": [float(target)]})
        layers.append(
            alt.Chart(tdf).mark_rule(color=_TARGET, strokeDash=[6, 4], size=2).encode(x="target:Q")
        )
    chart = alt.layer(*layers).properties(height=max(160, 30 * len(data)), width="container")
    if title:
        chart = chart.properties(title=title)
    return chart  # type: ignore[return-value]  # altair: .properties() -> LayerChart | FacetChart


def cards_chart(
    table: Any,
    kpis: Iterable[str],
    targets: Mapping[str, float | None] | None = None,
    *,
    columns: int = 4,
    width: int = 170,
    height: int = 90,
) -> alt.ConcatChart:
    """Small multiples of the card KPIs: one line per KPI over its periods, with its target.

    The picture of a pinned "KPIs against their targets" finding: each panel has its own y scale
    (a rate and a duration cannot share one) and a dashed target line where there is a target.
    """
    targets = targets or {}
    panels = []
    for kpi in kpis:
        rows = trend_frame(table, kpi)
        if rows.empty:
            continue
        name, unit = _meta(kpi)
        scale = 100.0 if unit == "rate" else 1.0
        data = rows.assign(shown=rows["value"] * scale)
        y = alt.Y("shown:Q", title=None, scale=alt.Scale(zero=False))
        line = (
            alt.Chart(data)
            .mark_line(color=_LINE, strokeWidth=1.5)
            .encode(x=alt.X("period:T", title=None, axis=alt.Axis(format="%b", labelAngle=0)), y=y)
        )
        layers: list[alt.Chart] = [line]
        target = targets.get(kpi)
        if target is not None and math.isfinite(float(target)):
            layers.append(
                alt.Chart(pd.DataFrame({"shown": [float(target) * scale]}))
                .mark_rule(color=_TARGET, strokeDash=[4, 3])
                .encode(y="shown:Q")
            )
        suffix = " (%)" if unit == "rate" else " (s)" if unit == "seconds" else ""
        panels.append(
            alt.layer(*layers).properties(title=f"{name}{suffix}", width=width, height=height)
        )
    if not panels:
        raise ValueError("no card KPI has values to draw")
    return alt.concat(*panels, columns=columns).resolve_scale(y="independent")

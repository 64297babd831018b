"""The weekly report's findings: the KPI scorecard, the alerts and one slide per change.

Numbers come from :func:`kpi.report.weekly.weekly_report`; every value is formatted by
:mod:`kpi.format` in the KPI's one display unit.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from kpi.analysis.overview.triggers import targets_met
from kpi.findings import Finding
from kpi.format import (
    axis_title,
    fmt_kpi,
    fmt_kpi_change,
    fmt_p,
    fmt_p_clause,
    kpi_label,
    to_display,
)

if TYPE_CHECKING:
    from kpi.report.weekly import Week

__all__ = ["TREND_WEEKS", "alerts_finding", "change_finding", "scorecard_finding", "trigger_rows"]

#: Weeks of history on a change slide.
TREND_WEEKS = 8

_OP_WORDS = {"below": "below", "above": "above", "drop": "down by", "rise": "up by"}


def trigger_rows(rules: list[tuple[str, str, float]], values: pd.DataFrame) -> pd.DataFrame:
    """Each (kpi, op, threshold) rule against this and last week's values in ``values``
    (indexed by KPI id): ``trigger, kpi, name, rule, threshold, this_week, previous_week,
    fired, reading`` (``fired`` is None when the KPI has no value)."""
    rows = []
    for kpi, op, threshold in rules:
        now = float(values["this_week"].get(kpi, math.nan))
        before = float(values["previous_week"].get(kpi, math.nan))
        change = now - before
        measured = {"below": now, "above": now, "drop": -change, "rise": change}[op]
        if math.isnan(measured):
            fired: bool | None = None
        elif op in ("below",):
            fired = measured < threshold
        else:
            fired = measured > threshold if op == "above" else measured >= threshold
        shown = (
            fmt_kpi(kpi, threshold)
            if op in ("below", "above")
            else fmt_kpi_change(kpi, threshold, signed=False)
        )
        if op in ("below", "above"):
            reading = f"{fmt_kpi(kpi, now)} ({'under' if op == 'below' else 'over'} {shown})"
        else:
            reading = f"{fmt_kpi_change(kpi, change)} ({'down' if op == 'drop' else 'up'} {shown}+)"
        rows.append(
            {
                "reading": reading,
                "trigger": f"{kpi}_{op}",
                "kpi": kpi,
                "name": kpi_label(kpi),
                "rule": f"{kpi_label(kpi)} {_OP_WORDS[op]} {shown}",
                "threshold": threshold,
                "this_week": now,
                "previous_week": before,
                "fired": fired,
            }
        )
    return pd.DataFrame(
        rows,
        columns=[
            "trigger",
            "kpi",
            "name",
            "rule",
            "threshold",
            "this_week",
            "previous_week",
            "fired",
            "reading",
        ],
    )


def _scorecard_chart(daily: pd.DataFrame, week: Week, order: list[str]) -> dict[str, Any]:
    import altair as alt

    frame = daily.assign(
        weekday=daily["date"].dt.strftime("%a"),
        week=np.where(daily["date"].dt.date >= week.start, "This week", "Previous week"),
    )[["name", "weekday", "week", "value"]]
    days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    chart = (
        alt.Chart(frame)
        .mark_line(point=True)
        .encode(
            x=alt.X("weekday:N", sort=days, title=None),
            y=alt.Y("value:Q", title=None, scale=alt.Scale(zero=False)),
            color=alt.Color(
                "week:N",
                sort=["Previous week", "This week"],
                scale=alt.Scale(range=["#9aa5b1", "#2563eb"]),
                title=None,
            ),
        )
        .properties(width=170, height=110)
        .facet(facet=alt.Facet("name:N", title=None, sort=order), columns=4)
        .resolve_scale(y="independent")
        .configure_legend(orient="top")
    )
    return chart.to_dict()


def _trend_chart(weekly: pd.DataFrame, kpi: str, target: float | None) -> dict[str, Any]:
    import altair as alt

    # Values in the KPI's display unit (rates in percent, AHT in minutes) and weeks as evenly
    # spaced "week of" labels.
    factor = to_display(kpi, 1.0) or 1.0
    frame = weekly.assign(
        week=weekly["period"].dt.strftime("%d %b"),
        value=weekly["value"] * factor,
        ci_low=weekly["ci_low"] * factor,
        ci_high=weekly["ci_high"] * factor,
    )[["week", "value", "ci_low", "ci_high"]]
    title = axis_title(kpi)
    x = alt.X("week:O", sort=list(frame["week"]), title="Week of", axis=alt.Axis(labelAngle=0))
    base = alt.Chart(frame).encode(x=x)
    layers = [
        base.mark_errorbar(ticks=True).encode(y=alt.Y("ci_low:Q", title=title), y2="ci_high:Q"),
        base.mark_line(point=True).encode(
            y=alt.Y("value:Q", title=title, scale=alt.Scale(zero=False))
        ),
    ]
    if target is not None and not math.isnan(target):
        layers.append(
            alt.Chart(pd.DataFrame({"target": [target * factor]}))
            .mark_rule(strokeDash=[6, 4], color="#d64545")
            .encode(y="target:Q")
        )
    return alt.layer(*layers).properties(width=640, height=280).to_dict()


def scorecard_finding(
    table: pd.DataFrame,
    daily: pd.DataFrame,
    week: Week,
    scope: str,
    unavailable: dict[str, str],
    requested: list[str],
    alpha: float,
) -> Finding:
    shown = table[table["in_report"]]
    numbers = []
    for kpi, name, now, change, before in zip(
        shown["kpi"],
        shown["name"],
        shown["this_week"],
        shown["change"],
        shown["previous_week"],
        strict=True,
    ):
        text = f"{fmt_kpi(kpi, now)} ({fmt_kpi_change(kpi, change)} vs {fmt_kpi(kpi, before)})"
        numbers.append((str(name), text))
    met, rated = targets_met(None if pd.isna(v) else bool(v) for v in shown["on_target"])
    significant = shown[shown["significant"]]
    if len(significant):
        moves = ", ".join(
            f"{name} {'up' if change > 0 else 'down'}"
            for name, change in zip(significant["name"], significant["change"], strict=True)
        )
        change_text = f"{len(significant)} changed beyond day-to-day noise ({moves})"
    else:
        change_text = "none moved beyond day-to-day noise"
    sentence = (
        f"In the {week.describe()}, {met} of {rated} KPIs with a target met it, and "
        f"compared with the week before {change_text}."
    )
    missing = [k for k in requested if k in unavailable]
    if missing:
        sentence += " Not available on this data: " + ", ".join(kpi_label(k) for k in missing) + "."
    labels = {k: axis_title(k) for k in table["kpi"]}
    factors = {k: to_display(k, 1.0) or 1.0 for k in table["kpi"]}
    chart_frame = daily[daily["kpi"].isin(list(shown["kpi"]))]
    chart_frame = chart_frame.assign(
        name=chart_frame["kpi"].map(labels),
        value=chart_frame["value"] * chart_frame["kpi"].map(factors).astype(float),
    )
    columns = [
        "kpi", "name", "unit", "this_week", "previous_week", "change", "target", "on_target",
        "p_value", "p_adj", "significant", "days",
    ]  # fmt: skip
    return Finding(
        kind="kpi_cards",
        title=f"KPIs for the week of {week.start:%d %b %Y}",
        sentence=sentence,
        numbers=tuple(numbers),
        scope=f"{scope} · changes tested day by day, paired by weekday, Holm-adjusted, "
        f"alpha {alpha:g}",
        chart=_scorecard_chart(chart_frame, week, [labels[k] for k in shown["kpi"]]),
        table=shown[columns].reset_index(drop=True),
    )


def alerts_finding(triggers: pd.DataFrame, week: Week, scope: str) -> Finding:
    fired = triggers[triggers["fired"].fillna(False).astype(bool)]
    if len(fired):
        title = f"Alerts: {len(fired)} trigger{'s' if len(fired) != 1 else ''} fired"
        sentence = f"In the {week.describe()}: " + "; ".join(fired["rule"]) + " — worth a look."
    else:
        title = "Alerts: no trigger fired"
        sentence = f"No alert fired in the {week.describe()} ({len(triggers)} rules checked)."
    numbers = tuple(
        (str(name), str(reading))
        for name, reading in zip(fired["name"], fired["reading"], strict=True)
    )
    unknown = triggers[triggers["fired"].isna()]
    if len(unknown):
        sentence += " Not checked (KPI not available): " + ", ".join(unknown["name"]) + "."
    return Finding(
        kind="table",
        title=title,
        sentence=sentence,
        numbers=numbers,
        scope=scope,
        table=triggers.reset_index(drop=True),
    )


def change_finding(row: Any, weekly: pd.DataFrame, week: Week, scope: str) -> Finding:
    frame = weekly.loc[weekly["kpi"] == row.kpi]
    frame = frame[["period", "value", "numerator", "denominator", "ci_low", "ci_high"]]
    frame = frame.assign(period=pd.to_datetime(frame["period"])).reset_index(drop=True)
    direction = "rose" if row.change > 0 else "fell"
    improved = (row.change > 0) == (row.better == "higher")
    # A volume change is neither good nor bad news by itself.
    verdict = (
        "a change" if row.unit == "count" else "an improvement" if improved else "a deterioration"
    )
    sentence = (
        f"{row.name} {direction} from {fmt_kpi(row.kpi, row.previous_week)} to "
        f"{fmt_kpi(row.kpi, row.this_week)} ({fmt_kpi_change(row.kpi, row.change)}), {verdict} larger than "
        f"day-to-day noise (adjusted {fmt_p_clause(row.p_adj)}, {row.days} weekdays compared)."
    )
    target = None if math.isnan(row.target) else row.target
    numbers: tuple[tuple[str, str], ...] = (
        ("This week", fmt_kpi(row.kpi, row.this_week)),
        ("Previous week", fmt_kpi(row.kpi, row.previous_week)),
        ("Change", fmt_kpi_change(row.kpi, row.change)),
        ("Adjusted p", fmt_p(row.p_adj)),
    )
    if target is not None:
        numbers += (("Target", fmt_kpi(row.kpi, target)),)
    return Finding(
        kind="trend",
        title=f"{row.name} {direction} this week",
        sentence=sentence,
        numbers=numbers,
        scope=f"{scope} · last {TREND_WEEKS} weeks with 95% intervals",
        chart=_trend_chart(frame, row.kpi, target),
        table=frame,
    )

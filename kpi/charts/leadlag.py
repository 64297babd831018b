"""Charts of the lead-lag analysis (``kpi.analysis.leadlag``): map, aligned pair, CCF bars, impulse response."""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd

from kpi.analysis.leadlag import ROLES, ImpulseResponse, LeadLagResult, aligned_series
from kpi.format import fmt_p, kpi_label

__all__ = [
    "ROLE_COLORS",
    "leadlag_ccf_chart",
    "leadlag_detail_chart",
    "leadlag_irf_chart",
    "leadlag_map_chart",
]

ROLE_COLORS: dict[str, str] = {
    "leading": "#1b9e77",
    "coincident": "#7570b3",
    "lagging": "#d95f02",
    "no evidence": "#bdbdbd",
}
_UNITS = {"day": "days", "week": "weeks"}


def _table(result: LeadLagResult | pd.DataFrame) -> tuple[pd.DataFrame, str, str]:
    if isinstance(result, LeadLagResult):
        return result.table, result.outcome, result.grain
    outcome = str(result.attrs.get("outcome", "the outcome"))
    if "outcome" in result.columns and len(result):
        outcome = str(result["outcome"].iloc[0])
    return result, outcome, str(result.attrs.get("grain", "day"))


def leadlag_map_chart(result: LeadLagResult | pd.DataFrame) -> alt.LayerChart:
    """Drivers on a timeline by best lag (x), one row each, sized by |cross-correlation|.

    Positive lags (right of the outcome line) move before the outcome. Colour = role; the
    tooltip carries the textbook role, the p-values and the plain-language summary.
    """
    table, outcome_id, grain = _table(result)
    outcome = kpi_label(outcome_id)
    unit = _UNITS.get(grain, "periods")
    data = table.assign(
        strength=table["ccf_at_best_lag"].abs().fillna(0.0),
        lag=table["best_lag"].astype("Float64").fillna(0.0).astype(float),
        default_role=table["default_role"].replace("", "—"),
    )[["kpi", "role", "lag", "strength", "ccf_at_best_lag", "p_adj", "default_role", "summary"]]
    data = data.assign(
        ccf_at_best_lag=data["ccf_at_best_lag"].astype(float),
        p_adj=data["p_adj"].astype(float),
        kpi=data["kpi"].astype(object),
        name=[kpi_label(k) for k in data["kpi"]],
        role=data["role"].astype(object),
        default_role=data["default_role"].astype(object),
        summary=data["summary"].astype(object),
        p_text=[fmt_p(p) for p in data["p_adj"]],
    )
    order = data.sort_values(["lag", "strength"], ascending=[False, False])["name"].tolist()
    max_abs = max(1.0, float(data["lag"].abs().max() or 1.0))
    x = alt.X(
        "lag:Q",
        title=f"{unit.capitalize()} before {outcome} (negative: after)",
        scale=alt.Scale(domain=[-max_abs - 1, max_abs + 1]),
    )
    points = (
        alt.Chart(data)
        .mark_circle(opacity=0.85, stroke="#333333", strokeWidth=0.5)
        .encode(
            x=x,
            y=alt.Y("name:N", sort=order, title=None, axis=alt.Axis(labelLimit=260)),
            size=alt.Size(
                "strength:Q",
                title="|r| pre-whitened",
                scale=alt.Scale(domain=[0, 1], range=[30, 900]),
            ),
            color=alt.Color(
                "role:N",
                title="Role in your data",
                scale=alt.Scale(domain=list(ROLES), range=[ROLE_COLORS[r] for r in ROLES]),
            ),
            tooltip=[
                alt.Tooltip("name:N", title="KPI"),
                alt.Tooltip("role:N", title="role (data)"),
                alt.Tooltip("default_role:N", title="textbook role"),
                alt.Tooltip("lag:Q", title=f"best lag ({unit})"),
                alt.Tooltip("ccf_at_best_lag:Q", title="r", format="+.2f"),
                alt.Tooltip("p_text:N", title="Granger p (adjusted)"),
                alt.Tooltip("summary:N", title="reading"),
            ],
        )
    )
    rule = (
        alt.Chart(pd.DataFrame({"lag": [0.0], "label": [f"{outcome} (same {unit[:-1]})"]}))
        .mark_rule(color="#555555", strokeDash=[4, 3])
        .encode(x="lag:Q", tooltip=alt.Tooltip("label:N", title=""))
    )
    return alt.layer(rule, points).properties(  # type: ignore[return-value]  # altair: .properties() -> LayerChart | FacetChart
        title=f"Lead-lag map: which KPIs move before {outcome}",
        width="container",
        height=max(160, 26 * len(data)),
    )


def leadlag_detail_chart(
    frame: Any, driver: str, outcome: str, lag: int, *, grain: str = "day"
) -> alt.Chart:
    """The outcome and the driver shifted by ``lag`` periods, both as z-scores on one axis.

    ``frame`` is the wide KPI table (``date`` + one column per KPI) the analysis ran on.
    """
    data = aligned_series(frame, driver, outcome, lag)
    names = {driver: kpi_label(driver), outcome: kpi_label(outcome)}
    data = data.assign(
        series=data["series"].astype(object),
        label=[_readable_series(str(s), names) for s in data["series"]],
        kpi=data["kpi"].astype(object),
    )
    unit = _UNITS.get(grain, "periods")
    driver, outcome = names[driver], names[outcome]
    title = (
        f"{outcome} and {driver} shifted {abs(int(lag))} {unit} "
        f"{'forward' if lag >= 0 else 'back'} (z-scores)"
        if lag
        else f"{outcome} and {driver} on the same {unit[:-1]} (z-scores)"
    )
    return (
        alt.Chart(data)
        .mark_line(strokeWidth=1.6)
        .encode(
            x=alt.X("date:T", title=None),
            y=alt.Y("z:Q", title="standardised value (z)"),
            color=alt.Color("label:N", title=None, legend=alt.Legend(orient="top", labelLimit=320)),
            tooltip=[
                alt.Tooltip("date:T"),
                alt.Tooltip("label:N", title="series"),
                alt.Tooltip("value:Q", format=".3g"),
                alt.Tooltip("z:Q", format="+.2f"),
            ],
        )
        .properties(title=title, width="container", height=260)
    )


def _readable_series(series: str, names: dict[str, str]) -> str:
    for kpi_id in sorted(names, key=len, reverse=True):
        series = series.replace(kpi_id, names[kpi_id])
    return series


def leadlag_ccf_chart(result: LeadLagResult, driver: str) -> alt.LayerChart:
    """Pre-whitened cross-correlation of one driver at every lag, with the corrected band."""
    data = result.ccf[result.ccf["kpi"] == driver]
    data = data.assign(kpi=data["kpi"].astype(object), lag=data["lag"].astype(int))
    band = float(data["band"].iloc[0]) if len(data) else 0.0
    unit = _UNITS.get(result.grain, "periods")
    bars = (
        alt.Chart(data)
        .mark_bar(size=7)
        .encode(
            x=alt.X("lag:Q", title=f"lag ({unit}; positive = {kpi_label(driver)} moves first)"),
            y=alt.Y("ccf:Q", title="cross-correlation (pre-whitened)"),
            color=alt.condition(
                f"abs(datum.ccf) > {band}", alt.value("#1b9e77"), alt.value("#9e9e9e")
            ),
            tooltip=[alt.Tooltip("lag:Q"), alt.Tooltip("ccf:Q", format="+.3f")],
        )
    )
    rules = (
        alt.Chart(pd.DataFrame({"y": [band, -band]}))
        .mark_rule(strokeDash=[4, 3], color="#d95f02")
        .encode(y="y:Q")
    )
    return alt.layer(bars, rules).properties(  # type: ignore[return-value]  # altair: .properties() -> LayerChart | FacetChart
        title=f"{kpi_label(driver)} vs {kpi_label(result.outcome)}: band corrected across lags "
        f"(±{band:.2f})",
        width="container",
        height=220,
    )


def leadlag_irf_chart(irf: ImpulseResponse, *, grain: str = "day") -> alt.LayerChart:
    """Change in the outcome's level after a one-off driver shock, with the 95% band."""
    data = irf.frame
    unit = _UNITS.get(grain, "periods")
    base = alt.Chart(data).encode(x=alt.X("step:Q", title=f"{unit} after the shock"))
    band = base.mark_area(opacity=0.25, color="#1b9e77").encode(
        y=alt.Y("level_low:Q", title=f"change in {kpi_label(irf.outcome)}"), y2="level_high:Q"
    )
    line = base.mark_line(point=True, color="#1b9e77").encode(
        y="level:Q",
        tooltip=[
            alt.Tooltip("step:Q"),
            alt.Tooltip("level:Q", format="+.4f"),
            alt.Tooltip("level_low:Q", format="+.4f"),
            alt.Tooltip("level_high:Q", format="+.4f"),
        ],
    )
    zero = alt.Chart(pd.DataFrame({"y": [0.0]})).mark_rule(color="#555555").encode(y="y:Q")
    return alt.layer(band, zero, line).properties(  # type: ignore[return-value]  # altair: .properties() -> LayerChart | FacetChart
        title=f"Response of {kpi_label(irf.outcome)} to a shock of {irf.shock:.3g} in "
        f"{kpi_label(irf.driver)}",
        width="container",
        height=240,
    )

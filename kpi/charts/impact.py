"""Charts of the before/after analysis (``kpi.analysis.impact``): ITS, DiD, change points, comparison."""

from __future__ import annotations

from typing import TYPE_CHECKING

import altair as alt
import pandas as pd

from kpi import format as fmt

if TYPE_CHECKING:  # the results only: importing the analysis loads scipy and statsmodels
    from kpi.analysis.impact import ChangePointResult, CounterfactualResult, ImpactResult

__all__ = [
    "before_after_chart",
    "change_point_chart",
    "counterfactual_chart",
    "did_chart",
    "impact_chart",
]

_OBSERVED = "#9e9e9e"
_FITTED = "#1f77b4"
_COUNTERFACTUAL = "#d62728"
_TREATED = "#1f77b4"
_CONTROL = "#ff7f0e"


def _kpi_title(kpi: str | None) -> str:
    """An axis title: the KPI's display name ("Abandonment rate"), not its id."""
    return fmt.kpi_label(kpi) if kpi else "value"


def _fmt(unit: str) -> str:
    return ".1%" if unit == "rate" else ",.3~g"


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    # pandas 3 string / nullable dtypes are converted at the boundary so Altair serialises them.
    out = {}
    for c in frame.columns:
        s = frame[c]
        if pd.api.types.is_datetime64_any_dtype(s):
            out[c] = s
        elif pd.api.types.is_bool_dtype(s):
            out[c] = s.astype(bool)
        elif pd.api.types.is_numeric_dtype(s):
            out[c] = pd.to_numeric(s, errors="coerce").astype(float)
        else:
            out[c] = s.astype(object)
    return pd.DataFrame(out, index=frame.index)


def _rule(change: str) -> alt.Chart:
    return (
        alt.Chart(pd.DataFrame({"date": [pd.Timestamp(change)], "label": ["change"]}))
        .mark_rule(strokeDash=[4, 3], color="black")
        .encode(x="date:T", tooltip=[alt.Tooltip("date:T", title="Change")])
    )


def impact_chart(
    result: ImpactResult, *, title: str | None = None
) -> alt.LayerChart | alt.FacetChart:
    """Observed daily values, the fitted model, and after the change the counterfactual with its band.

    The band is the interval of the expected level had nothing changed; the gap between the
    fitted line and the counterfactual after the dashed rule is the estimated effect. For a DiD
    result the series shown is treated minus control.
    """
    frame = _plain(result.fitted)
    if frame.empty:
        return alt.layer(_rule(result.change))
    fmt = _fmt(result.unit)
    y_title = "Treated − control" if result.method.startswith("did") else _kpi_title(result.kpi)
    x = alt.X("date:T", title=None)
    points = (
        alt.Chart(frame)
        .mark_circle(size=18, color=_OBSERVED, opacity=0.7)
        .encode(
            x=x,
            y=alt.Y("observed:Q", title=y_title, axis=alt.Axis(format=fmt)),
            tooltip=[alt.Tooltip("date:T"), alt.Tooltip("observed:Q", format=fmt)],
        )
    )
    layers: list[alt.Chart] = [points]
    if "fitted" in frame.columns:
        after = frame[frame["period"] == "after"]
        band = (
            alt.Chart(after)
            .mark_area(opacity=0.18, color=_COUNTERFACTUAL)
            .encode(x=x, y=alt.Y("cf_low:Q"), y2="cf_high:Q")
        )
        cf = (
            alt.Chart(after)
            .mark_line(strokeDash=[6, 3], color=_COUNTERFACTUAL)
            .encode(
                x=x,
                y="counterfactual:Q",
                tooltip=[
                    alt.Tooltip("date:T"),
                    alt.Tooltip("counterfactual:Q", title="Without the change", format=fmt),
                ],
            )
        )
        fitted = alt.Chart(frame).mark_line(color=_FITTED).encode(x=x, y="fitted:Q")
        layers = [band, points, fitted, cf]
    layers.append(_rule(result.change))
    return alt.layer(*layers).properties(
        # Two short lines: one long title is cut with an ellipsis at 900 px.
        title=title
        or alt.TitleParams(
            "Observed (dots) and model (blue)",
            subtitle="Red dashes and band: expected without the change",
        ),
        width="container",
        height=280,
    )


def counterfactual_chart(
    result: CounterfactualResult, *, title: str | None = None
) -> alt.VConcatChart:
    """Observed vs expected without the change (with its band), and below the cumulative effect
    since the change with its band. Before the change the line is the model's one-step
    prediction: how well the comparison series tracked the KPI."""
    frame = _plain(result.fitted)
    fmt = _fmt(result.unit)
    x = alt.X("date:T", title=None)
    after = frame[frame["period"] == "after"]
    band = (
        alt.Chart(after)
        .mark_area(opacity=0.18, color=_COUNTERFACTUAL)
        .encode(x=x, y=alt.Y("cf_low:Q"), y2="cf_high:Q")
    )
    observed = (
        alt.Chart(frame)
        .mark_line(color=_OBSERVED, point=alt.OverlayMarkDef(size=12, color=_OBSERVED))
        .encode(
            x=x,
            y=alt.Y("observed:Q", title=_kpi_title(result.kpi), axis=alt.Axis(format=fmt)),
            tooltip=[
                alt.Tooltip("date:T"),
                alt.Tooltip("observed:Q", title="Observed", format=fmt),
                alt.Tooltip("counterfactual:Q", title="Expected", format=fmt),
            ],
        )
    )
    expected = (
        alt.Chart(frame)
        .mark_line(strokeDash=[6, 3], color=_COUNTERFACTUAL)
        .encode(x=x, y="counterfactual:Q")
    )
    top = alt.layer(band, observed, expected, _rule(result.change)).properties(
        title=title
        or alt.TitleParams(
            "Observed and expected without the change",
            subtitle="Grey: observed · red dashes: expected, with its 95% band",
        ),
        width="container",
        height=260,
    )
    cum_band = (
        alt.Chart(after)
        .mark_area(opacity=0.18, color=_FITTED)
        .encode(x=x, y=alt.Y("cumulative_low:Q"), y2="cumulative_high:Q")
    )
    cum = (
        alt.Chart(after)
        .mark_line(color=_FITTED)
        .encode(
            x=x,
            y=alt.Y("cumulative:Q", title="Cumulative effect", axis=alt.Axis(format=fmt)),
            tooltip=[alt.Tooltip("date:T"), alt.Tooltip("cumulative:Q", format=fmt)],
        )
    )
    zero = alt.Chart(pd.DataFrame({"y": [0.0]})).mark_rule(color="black").encode(y="y:Q")
    bottom = alt.layer(cum_band, cum, zero).properties(
        title=alt.TitleParams(
            "Cumulative effect since the change", subtitle="Observed − expected, 95% band"
        ),
        width="container",
        height=160,
    )
    return alt.vconcat(top, bottom)


def did_chart(result: ImpactResult, *, title: str | None = None) -> alt.LayerChart | alt.FacetChart:
    """Treated and control daily series side by side (only for a DiD result)."""
    frame = _plain(result.fitted)
    if "treated" not in frame.columns:
        return impact_chart(result, title=title)
    treated = result.segment.split("=", 1)[-1] or "treated"
    control = str(getattr(result, "control_segment", "")).split("=", 1)[-1] or "control"
    long = frame.melt(id_vars=["date"], value_vars=["treated", "control"], var_name="series")
    long["series"] = long["series"].map({"treated": treated, "control": control}).astype(object)
    fmt = _fmt(result.unit)
    lines = (
        alt.Chart(long)
        .mark_line(opacity=0.8)
        .encode(
            x=alt.X("date:T", title=None),
            y=alt.Y("value:Q", title=_kpi_title(result.kpi), axis=alt.Axis(format=fmt)),
            color=alt.Color(
                "series:N",
                title=None,
                scale=alt.Scale(domain=[treated, control], range=[_TREATED, _CONTROL]),
            ),
            tooltip=["series:N", alt.Tooltip("date:T"), alt.Tooltip("value:Q", format=fmt)],
        )
    )
    return alt.layer(lines, _rule(result.change)).properties(
        title=title or f"{treated} vs {control}", width="container", height=240
    )


def change_point_chart(
    series: pd.Series, result: ChangePointResult, *, unit: str = "value", title: str | None = None
) -> alt.LayerChart | alt.FacetChart:
    """The daily series with each candidate shift date as a rule and its 95% date range shaded."""
    data = _plain(
        pd.DataFrame({"date": pd.DatetimeIndex(series.index), "value": series.to_numpy(float)})
    )
    fmt = _fmt(unit)
    line = (
        alt.Chart(data)
        .mark_line(color=_OBSERVED)
        .encode(
            x=alt.X("date:T", title=None),
            y=alt.Y("value:Q", title=_kpi_title(result.kpi), axis=alt.Axis(format=fmt)),
        )
    )
    cand = _plain(result.candidates[["rank", "date", "ci_low", "ci_high", "significant", "score"]])
    ranges = (
        alt.Chart(cand)
        .mark_rect(opacity=0.15, color=_COUNTERFACTUAL)
        .encode(x="ci_low:T", x2="ci_high:T")
    )
    rules = (
        alt.Chart(cand)
        .mark_rule(color=_COUNTERFACTUAL, strokeWidth=2)
        .encode(
            x="date:T",
            strokeDash=alt.condition("datum.significant", alt.value([1, 0]), alt.value([4, 3])),
            tooltip=[
                alt.Tooltip("rank:Q", title="Candidate"),
                alt.Tooltip("date:T", title="New level from"),
                alt.Tooltip("score:Q", format=".2f"),
            ],
        )
    )
    return alt.layer(ranges, line, rules).properties(
        title=title
        or alt.TitleParams("Candidate shift dates", subtitle="Shaded: 95% range of the date"),
        width="container",
        height=240,
    )


def before_after_chart(
    table: pd.DataFrame, *, title: str | None = None
) -> alt.LayerChart | alt.FacetChart:
    """Relative change of each KPI with its 95% CI (from ``kpi.analysis.impact.before_after``)."""
    data = table.dropna(subset=["change"]).copy()
    base = data["value_before"].where(data["value_before"] != 0)
    data = _plain(
        data.assign(
            rel=data["change"] / base,
            rel_low=data["ci_low"] / base,
            rel_high=data["ci_high"] / base,
            significant=(data["p_adj"] < 0.05).astype(bool),
        )[["kpi", "rel", "rel_low", "rel_high", "significant", "p_value", "p_adj"]]
    )
    y = alt.Y("kpi:N", title=None, sort=None)
    bars = (
        alt.Chart(data)
        .mark_rule(strokeWidth=2)
        .encode(
            y=y,
            x=alt.X("rel_low:Q", title="Change vs before", axis=alt.Axis(format="%")),
            x2="rel_high:Q",
        )
    )
    dots = (
        alt.Chart(data)
        .mark_point(filled=True, size=70)
        .encode(
            y=y,
            x="rel:Q",
            color=alt.Color("significant:N", title="Significant (adjusted)"),
            tooltip=[
                "kpi:N",
                alt.Tooltip("rel:Q", format="+.1%"),
                alt.Tooltip("p_adj:Q", format=".3f"),
            ],
        )
    )
    zero = alt.Chart(pd.DataFrame({"x": [0.0]})).mark_rule(color="black").encode(x="x:Q")
    return alt.layer(bars, dots, zero).properties(
        title=title or "Change after vs before (95% CI)", width="container"
    )

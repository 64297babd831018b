"""Charts of KPI relationships (``kpi.analysis.relations``): heatmap, pair scatter, rolling r, balance quadrants."""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping
from typing import Any, Literal

import altair as alt
import pandas as pd

from kpi.analysis.relations import BalanceResult, PairResult, kpi_name
from kpi.format import fmt_p

__all__ = [
    "balance_quadrant_chart",
    "correlation_heatmap",
    "pair_scatter",
    "rolling_correlation_chart",
]

_DIVERGING = alt.Scale(scheme="redblue", domain=[-1, 1], reverse=True)
_MUTED_OPACITY = 0.18


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    # Altair serialises object/float columns most predictably; pandas 3 string/nullable dtypes
    # are converted at the boundary.
    out: dict[str, pd.Series] = {}
    for c in frame.columns:
        s = frame[c]
        if pd.api.types.is_bool_dtype(s):
            out[c] = s.astype(bool)
        elif pd.api.types.is_numeric_dtype(s):
            out[c] = pd.to_numeric(s, errors="coerce").astype(float)
        elif pd.api.types.is_datetime64_any_dtype(s):
            out[c] = s
        else:
            out[c] = s.astype(object)
    return pd.DataFrame(out, index=frame.index)


def correlation_heatmap(
    table: pd.DataFrame, *, alpha: float = 0.05, title: str | None = None
) -> alt.LayerChart:
    """Correlation matrix from ``correlation_table``: colour = r, non-significant cells muted.

    Each pair appears in both triangles; cells whose BH-adjusted p-value is not below ``alpha``
    are drawn faded with grey text, so only the reliable links stand out. The label shows r and,
    below it, the number of periods.
    """
    if table.empty:
        raise ValueError("correlation_heatmap needs at least one pair")
    rows: list[dict[str, object]] = []
    kpis: list[str] = []
    for rec in table.to_dict("records"):
        for a, b in ((rec["kpi_x"], rec["kpi_y"]), (rec["kpi_y"], rec["kpi_x"])):
            rows.append(_pair_cell(rec, str(a), str(b), alpha))
        for k in (rec["kpi_x"], rec["kpi_y"]):
            if k not in kpis:
                kpis.append(k)
    names = [kpi_name(k) for k in kpis]
    rows += [_diagonal_cell(nm) for nm in names]
    data = _plain(pd.DataFrame(rows))
    data = data.assign(p_text=[fmt_p(p) if p == p else "" for p in data["p_adj"]])
    size = max(40, min(90, 440 // max(len(names), 1)))
    chart = _heatmap_layers(data, names).properties(
        width="container",
        height=size * len(names),
        # Title and subtitle: one long line is cut with an ellipsis at 900 px.
        title=title
        or alt.TitleParams(
            "How the KPIs move together", subtitle="Faded: not significant after adjustment"
        ),
    )
    return chart


def _pair_cell(rec: Mapping[Hashable, Any], a: str, b: str, alpha: float) -> dict[str, object]:
    """The heatmap cell of row KPI ``a`` and column KPI ``b`` from one pair of the table."""
    sig = (
        bool(rec.get("p_adj", 1.0) < alpha) if math.isfinite(rec.get("p_adj", math.nan)) else False
    )
    return {
        "row": kpi_name(a),
        "col": kpi_name(b),
        "r": rec["r"],
        "ci_low": rec["ci_low"],
        "ci_high": rec["ci_high"],
        "p_adj": rec["p_adj"],
        "n": rec["n"],
        "n_eff": rec.get("n_eff", rec["n"]),
        "significant": "yes" if sig else "no",
        "shade": 1.0 if sig else _MUTED_OPACITY,
        "label": "" if not math.isfinite(rec["r"]) else f"{rec['r']:+.2f}",
        "sub": f"n={int(rec['n'])}",
        "warning": rec.get("warning", ""),
    }


def _diagonal_cell(name: str) -> dict[str, object]:
    """An empty cell on the diagonal (a KPI with itself)."""
    nan = math.nan
    return {
        "row": name,
        "col": name,
        "r": nan,
        "ci_low": nan,
        "ci_high": nan,
        "p_adj": nan,
        "n": nan,
        "n_eff": nan,
        "significant": "",
        "shade": 0.0,
        "label": "",
        "sub": "",
        "warning": "",
    }


def _heatmap_layers(data: pd.DataFrame, names: list[str]) -> alt.LayerChart:
    """Coloured cells (faded when not significant), the r label and the n below it."""
    base = alt.Chart(data).encode(
        # Full KPI names on both axes (no "Average handle ti…"), every label drawn.
        x=alt.X(
            "col:N",
            sort=names,
            title=None,
            axis=alt.Axis(labelAngle=-40, labelLimit=220, labelOverlap=False),
        ),
        y=alt.Y("row:N", sort=names, title=None, axis=alt.Axis(labelLimit=220, labelOverlap=False)),
    )
    tooltip = [
        alt.Tooltip("row:N", title="KPI"),
        alt.Tooltip("col:N", title="with"),
        alt.Tooltip("r:Q", format="+.2f"),
        alt.Tooltip("ci_low:Q", format="+.2f", title="95% CI low"),
        alt.Tooltip("ci_high:Q", format="+.2f", title="95% CI high"),
        alt.Tooltip("p_text:N", title="p (BH-adjusted)"),
        alt.Tooltip("n:Q", title="periods"),
        alt.Tooltip("n_eff:Q", format=".0f", title="effective periods"),
        alt.Tooltip("significant:N"),
        alt.Tooltip("warning:N"),
    ]
    cells = base.mark_rect(stroke="white", strokeWidth=1).encode(
        color=alt.Color("r:Q", scale=_DIVERGING, title="r"),
        opacity=alt.Opacity("shade:Q", scale=None, legend=None),
        tooltip=tooltip,
    )
    text_color = alt.condition(
        alt.datum.significant == "yes", alt.value("#111111"), alt.value("#9a9a9a")
    )
    labels = base.mark_text(baseline="bottom", dy=2, fontSize=12).encode(
        text="label:N", color=text_color
    )
    subs = base.mark_text(baseline="top", dy=4, fontSize=9).encode(text="sub:N", color=text_color)
    return cells + labels + subs


def _axis_title(kpi: str, adjusted: bool) -> str:
    name = kpi_name(kpi)
    return f"{name} (adjusted)" if adjusted else name


def pair_scatter(result: PairResult, *, title: str | None = None) -> alt.LayerChart:
    """Scatter of one KPI against another with the least-squares line and its 95% band.

    With the guards on the plotted values are the cleaned ones (weekday pattern, trend and
    carry-over removed, re-centred on the KPI's mean), so the picture matches the quoted r.
    """
    pts = _plain(result.points)
    x_title = _axis_title(result.kpi_x, result.adjusted)
    y_title = _axis_title(result.kpi_y, result.adjusted)
    points = (
        alt.Chart(pts)
        .mark_circle(opacity=0.65, color="#4c78a8")
        .encode(
            x=alt.X("x_plot:Q", title=x_title, scale=alt.Scale(zero=False)),
            y=alt.Y("y_plot:Q", title=y_title, scale=alt.Scale(zero=False)),
            size=alt.Size(
                "weight:Q", title="weight", legend=None, scale=alt.Scale(range=[15, 120])
            ),
            tooltip=[
                alt.Tooltip("label:N", title="point"),
                alt.Tooltip("x:Q", title=kpi_name(result.kpi_x), format=".3~f"),
                alt.Tooltip("y:Q", title=kpi_name(result.kpi_y), format=".3~f"),
            ],
        )
    )
    layers: list[alt.Chart] = [points]
    if not result.line.empty:
        line_data = _plain(result.line)
        band = (
            alt.Chart(line_data)
            .mark_area(opacity=0.2, color="#f58518")
            .encode(x="x:Q", y="fit_low:Q", y2="fit_high:Q")
        )
        line = (
            alt.Chart(line_data)
            .mark_line(color="#f58518", strokeWidth=2)
            .encode(x="x:Q", y="fit:Q")
        )
        layers = [band, points, line]
    r_text = "r = n/a" if not math.isfinite(result.r) else f"r = {result.r:+.2f}"
    if math.isfinite(result.ci_low):
        r_text += f" (95% CI {result.ci_low:+.2f} to {result.ci_high:+.2f})"
    return alt.layer(*layers).properties(  # type: ignore[return-value]  # altair: .properties() -> LayerChart | FacetChart
        width="container",
        height=320,
        title=alt.Title(
            title or f"{kpi_name(result.kpi_y)} vs {kpi_name(result.kpi_x)}",
            subtitle=f"{r_text}, {result.method}; guards: {result.guards}",
        ),
    )


def rolling_correlation_chart(
    frame: pd.DataFrame, *, title: str | None = None, kpi_x: str = "", kpi_y: str = ""
) -> alt.LayerChart:
    """Rolling correlation (``rolling_correlation``) with its 95% band and a zero line."""
    data = _plain(frame)
    band = (
        alt.Chart(data)
        .mark_area(opacity=0.2, color="#54a24b")
        .encode(
            x=alt.X("date:T", title="Window ending"),
            y=alt.Y("ci_low:Q", scale=alt.Scale(domain=[-1, 1]), title="Correlation r"),
            y2="ci_high:Q",
        )
    )
    line = (
        alt.Chart(data)
        .mark_line(color="#54a24b", strokeWidth=2)
        .encode(
            x="date:T",
            y="r:Q",
            tooltip=[
                alt.Tooltip("date:T", title="window ending"),
                alt.Tooltip("r:Q", format="+.2f"),
                alt.Tooltip("ci_low:Q", format="+.2f", title="95% CI low"),
                alt.Tooltip("ci_high:Q", format="+.2f", title="95% CI high"),
                alt.Tooltip("n:Q", title="periods"),
            ],
        )
    )
    zero = (
        alt.Chart(pd.DataFrame({"y": [0.0]}))
        .mark_rule(color="#888888", strokeDash=[4, 4])
        .encode(y="y:Q")
    )
    pair = f"{kpi_name(kpi_y)} vs {kpi_name(kpi_x)}: " if kpi_x and kpi_y else ""
    return alt.layer(band, zero, line).properties(  # type: ignore[return-value]  # altair: .properties() -> LayerChart | FacetChart
        width="container",
        height=220,
        title=title or f"{pair}did the relationship change over time?",
    )


_QUADRANT_COLORS = ["#1b9e77", "#7570b3", "#d95f02", "#e7298a"]


def balance_quadrant_chart(result: BalanceResult, *, title: str | None = None) -> alt.LayerChart:
    """Agents/teams on efficiency (x) vs experience (y), shrunk values, quadrants labelled.

    Lines at the centre's pooled values split the plane; each point's colour is its quadrant,
    its size the contacts behind it; the tooltip shows raw and shrunk values. Axes run so that
    "better" is to the right and up (AHT, a lower-is-better KPI, runs right to left).
    """
    x_name, y_name = kpi_name(result.kpi_x), kpi_name(result.kpi_y)
    vline = (
        alt.Chart(pd.DataFrame({"x": [result.x_center]}))
        .mark_rule(color="#666666", strokeDash=[4, 4])
        .encode(x="x:Q")
    )
    hline = (
        alt.Chart(pd.DataFrame({"y": [result.y_center]}))
        .mark_rule(color="#666666", strokeDash=[4, 4])
        .encode(y="y:Q")
    )
    layers = [vline, hline, _quadrant_points(result), *_corner_labels(result.quadrants)]
    return alt.layer(*layers).properties(  # type: ignore[return-value]  # altair: .properties() -> LayerChart | FacetChart
        width="container",
        height=420,
        title=alt.Title(
            title or f"{y_name} vs {x_name} by {result.by.replace('_', ' ')}",
            subtitle="Right = better "
            + x_name
            + ", up = better "
            + y_name
            + "; dashed lines = centre; small samples shrunk toward the centre",
        ),
    )


def _quadrant_points(result: BalanceResult) -> alt.Chart:
    """One point per entity at its shrunk values, coloured by quadrant, sized by contacts;
    axes reversed for a lower-is-better KPI."""
    from kpi.analysis.relations import kpi_better  # the registry's "better" direction

    data = _plain(result.table.assign(entity=result.table["entity"].astype(str)))
    labels = result.quadrants
    order = [
        labels[(True, True)],
        labels[(False, True)],
        labels[(True, False)],
        labels[(False, False)],
    ]
    rev_x = kpi_better(result.kpi_x) == "lower"
    rev_y = kpi_better(result.kpi_y) == "lower"
    x_name, y_name = kpi_name(result.kpi_x), kpi_name(result.kpi_y)
    x_enc = alt.X(
        "x_shrunk:Q",
        title=f"{x_name} (shrunk toward the centre)",
        scale=alt.Scale(zero=False, reverse=rev_x),
    )
    y_enc = alt.Y(
        "y_shrunk:Q",
        title=f"{y_name} (shrunk toward the centre)",
        scale=alt.Scale(zero=False, reverse=rev_y),
    )
    return (
        alt.Chart(data)
        .mark_circle(opacity=0.8, stroke="#333333", strokeWidth=0.4)
        .encode(
            x=x_enc,
            y=y_enc,
            color=alt.Color(
                "quadrant:N",
                scale=alt.Scale(domain=order, range=_QUADRANT_COLORS),
                legend=alt.Legend(orient="bottom", columns=2, title=None, labelLimit=400),
            ),
            size=alt.Size("n_y:Q", title="contacts", scale=alt.Scale(range=[20, 400])),
            tooltip=[
                alt.Tooltip("entity:N", title=result.by),
                alt.Tooltip("quadrant:N"),
                alt.Tooltip("x_raw:Q", title=f"{x_name} raw", format=".3~f"),
                alt.Tooltip("x_shrunk:Q", title=f"{x_name} shrunk", format=".3~f"),
                alt.Tooltip("y_raw:Q", title=f"{y_name} raw", format=".3~f"),
                alt.Tooltip("y_shrunk:Q", title=f"{y_name} shrunk", format=".3~f"),
                alt.Tooltip("n_x:Q", title=f"n ({x_name})"),
                alt.Tooltip("n_y:Q", title=f"n ({y_name})"),
                alt.Tooltip("clear:N", title="clearly in quadrant"),
            ],
        )
    )


def _corner_labels(labels: dict[tuple[bool, bool], str]) -> list[alt.Chart]:
    """Quadrant names in the plot corners: better-x is to the right, better-y at the top."""
    corners: list[tuple[str, float, float, Literal["left", "right"]]] = [
        (labels[(True, True)].split(" (")[0], 0.98, 0.02, "right"),
        (labels[(False, True)].split(" (")[0], 0.02, 0.02, "left"),
        (labels[(True, False)].split(" (")[0], 0.98, 0.98, "right"),
        (labels[(False, False)].split(" (")[0], 0.02, 0.98, "left"),
    ]
    # Corner labels are placed in pixel space via expressions on the chart's width/height.
    return [
        alt.Chart(pd.DataFrame([{"text": text, "xr": xr, "yr": yr, "align": align}]))
        .mark_text(
            align=align,
            baseline="top" if yr < 0.5 else "bottom",
            fontSize=11,
            fontStyle="italic",
            color="#555555",
        )
        .encode(
            x=alt.XValue(value=alt.ExprRef(expr=f"width * {xr}")),
            y=alt.YValue(value=alt.ExprRef(expr=f"height * {yr}")),
            text="text:N",
        )
        for text, xr, yr, align in corners
    ]

"""Altair chart builders: result -> ``alt.Chart``; the same chart on the page and in the report.

Each area keeps its builders in its own module; this package re-exports the public ones.
"""

from kpi.charts.impact import before_after_chart, change_point_chart, did_chart, impact_chart
from kpi.charts.leadlag import (
    ROLE_COLORS,
    leadlag_ccf_chart,
    leadlag_detail_chart,
    leadlag_irf_chart,
    leadlag_map_chart,
)
from kpi.charts.relations import (
    balance_quadrant_chart,
    correlation_heatmap,
    pair_scatter,
    rolling_correlation_chart,
)
from kpi.charts.trends import (
    breakdown_chart,
    cards_chart,
    pareto_chart,
    sparkline_data,
    trend_chart,
    trend_frame,
)

__all__ = [
    "ROLE_COLORS",
    "balance_quadrant_chart",
    "before_after_chart",
    "breakdown_chart",
    "cards_chart",
    "change_point_chart",
    "correlation_heatmap",
    "did_chart",
    "impact_chart",
    "leadlag_ccf_chart",
    "leadlag_detail_chart",
    "leadlag_irf_chart",
    "leadlag_map_chart",
    "pair_scatter",
    "pareto_chart",
    "rolling_correlation_chart",
    "sparkline_data",
    "trend_chart",
    "trend_frame",
]

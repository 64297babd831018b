"""Altair chart builders: result -> ``alt.Chart``; the same chart on the page and in the report.

Each area keeps its builders in its own module (``trends``, ``relations``, ``leadlag``,
``impact``, ``staffing``); this package re-exports the public ones. They load on first use, so a
page that draws trend charts does not import the statistics behind the lead/lag charts.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

#: Where each public builder lives.
_HOME: dict[str, str] = {
    "before_after_chart": "impact",
    "change_point_chart": "impact",
    "did_chart": "impact",
    "impact_chart": "impact",
    "ROLE_COLORS": "leadlag",
    "leadlag_ccf_chart": "leadlag",
    "leadlag_detail_chart": "leadlag",
    "leadlag_irf_chart": "leadlag",
    "leadlag_map_chart": "leadlag",
    "balance_quadrant_chart": "relations",
    "correlation_heatmap": "relations",
    "pair_scatter": "relations",
    "rolling_correlation_chart": "relations",
    "breakdown_chart": "trends",
    "cards_chart": "trends",
    "pareto_chart": "trends",
    "sparkline_data": "trends",
    "trend_chart": "trends",
    "trend_frame": "trends",
}

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


def __getattr__(name: str) -> Any:
    """Load the builder's module on first use (PEP 562)."""
    if name not in _HOME:
        raise AttributeError(f"module 'kpi.charts' has no attribute {name!r}")
    return getattr(importlib.import_module(f"kpi.charts.{_HOME[name]}"), name)

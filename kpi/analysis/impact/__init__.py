"""Did a change work? Before/after, interrupted time series, DiD, a counterfactual from several
comparison series, change points and power — at any regular grain (day to year).

The package, stage by stage:

- ``series``: inputs — dates, clean series, the grain and its season, a KPI table's series.
- ``models``: numerical core (regression with AR(1) errors, change-point search, Bai's CI).
- ``segmented``: the segmented regression shared by the ITS, the DiD and the power calculation.
- ``its``: ``interrupted_time_series`` (the entry point for the three designs), ``its_from_table``.
- ``did``: difference-in-differences (ITS on treated minus control; 2x2; regression).
- ``counterfactual``: the treated KPI modelled on several comparison series, projected past the
  change (CausalImpact-style).
- ``periods``: observed before/after means with a day-level interval; the several-KPI table.
- ``change_points``, ``power``, ``counts``: candidate dates, the MDE, quasi-Poisson ITS on counts.
- ``results``: frozen result types (numbers only); ``text``: every sentence, on request.
"""

from kpi.analysis.impact.change_points import change_points, format_candidates
from kpi.analysis.impact.counterfactual import counterfactual_impact
from kpi.analysis.impact.counts import its_counts
from kpi.analysis.impact.did import did_2x2, did_its, did_regression
from kpi.analysis.impact.its import interrupted_time_series, its_from_table
from kpi.analysis.impact.periods import before_after, compare_periods, format_comparison
from kpi.analysis.impact.power import minimum_detectable_effect
from kpi.analysis.impact.results import (
    ChangePointResult,
    CounterfactualResult,
    CountItsResult,
    DidRegressionResult,
    DidResult,
    ImpactResult,
    ItsResult,
    PowerResult,
)
from kpi.analysis.impact.series import GRAINS, MIN_DAYS, Grain, daily_series, infer_grain
from kpi.analysis.impact.text import side_effects

__all__ = [
    "GRAINS",
    "MIN_DAYS",
    "ChangePointResult",
    "CountItsResult",
    "CounterfactualResult",
    "DidRegressionResult",
    "DidResult",
    "Grain",
    "ImpactResult",
    "ItsResult",
    "PowerResult",
    "before_after",
    "change_points",
    "compare_periods",
    "counterfactual_impact",
    "daily_series",
    "did_2x2",
    "did_its",
    "did_regression",
    "format_candidates",
    "format_comparison",
    "infer_grain",
    "interrupted_time_series",
    "its_counts",
    "its_from_table",
    "minimum_detectable_effect",
    "side_effects",
]

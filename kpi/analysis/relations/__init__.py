"""How KPIs move together: correlations that do not lie, pair explorer, efficiency/experience balance.

Daily KPI series share weekday patterns, trends and day-to-day carry-over, so correlating their
levels finds "relationships" between KPIs that have nothing to do with each other (two independent
random walks come out "significant" 70-87% of the time). With the guards on (the default) every
series is cleaned first and the p-value allows for the autocorrelation that remains:

1. ``detrend``: day-of-week means and a straight-line trend are removed (weighted least squares);
2. ``prewhiten``: each series' own lag-1 carry-over is removed (AR(1) prewhitening: e_t - phi e_t-1);
3. ``volume_weights``: rates and averages are weighted by their denominators (a 40-contact day counts
   less than a 900-contact day);
4. ``partial_volume``: partial correlation controlling for contact volume;
5. ``n_eff``: the t-test and Fisher-z interval use an effective sample size,
   ``n_eff = n / (1 + 2 sum_k (1 - k/n) rho_x(k) rho_y(k))`` (Bartlett 1935; Bayley & Hammersley
   1946; lags up to n/5 as in Pyper & Peterman 1998, Can J Fish Aquat Sci 55:2127).

Calibration (``benchmarks/relations_calibration.py``, 400 families x 10 pairs, 182 days, p < 0.05):
independent random walks 5.0% significant with the guards on vs 82% off (Pearson; Spearman 5.4%
vs 81%); trending weekly-seasonal AR(1) series 4.7% on vs 100% off; white noise 4.4% vs 4.8%.

The package, one job a module: :mod:`.guards` (which guards, in words) → :mod:`.prepare`
(pick, weigh and clean the series) → :mod:`.correlation` (one pair's statistics) →
:mod:`.pairs` (matrix, pair explorer, rolling r); :mod:`.balance` with :mod:`.shrink`
(agents on two KPIs, empirical Bayes); :mod:`.tables` (from a ``KpiTable``, segments, the screen
table); :mod:`.results` (result types: numbers) and :mod:`.text` (their sentences, on request).
"""

from kpi.analysis.relations.balance import balance_table
from kpi.analysis.relations.correlation import effective_n
from kpi.analysis.relations.guards import GUARD_TEXT, MIN_PERIODS, Guards, Method
from kpi.analysis.relations.pairs import correlation_table, pair_analysis, rolling_correlation
from kpi.analysis.relations.prepare import kpi_better
from kpi.analysis.relations.results import BalanceResult, PairResult
from kpi.analysis.relations.tables import (
    SegmentLike,
    display_table,
    entity_wide,
    segment_choices,
    segment_options,
    wide_from_table,
)
from kpi.analysis.relations.text import kpi_name, quadrant_labels

__all__ = [
    "GUARD_TEXT",
    "MIN_PERIODS",
    "BalanceResult",
    "Guards",
    "Method",
    "PairResult",
    "SegmentLike",
    "balance_table",
    "correlation_table",
    "display_table",
    "effective_n",
    "entity_wide",
    "kpi_better",
    "kpi_name",
    "pair_analysis",
    "quadrant_labels",
    "rolling_correlation",
    "segment_choices",
    "segment_options",
    "wide_from_table",
]

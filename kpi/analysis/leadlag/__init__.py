"""Leading vs lagging: which KPIs move before an outcome KPI, and by how many days.

For each candidate driver and one outcome (CSAT by default) the analysis

1. puts both series on a regular calendar (interior gaps interpolated, edges trimmed);
2. removes day-of-week effects (daily grain) and checks stationarity with ADF (H0: unit root)
   and KPSS (H0: stationary; statsmodels clips its p-value to [0.01, 0.10]) on the
   seasonally adjusted series with a trend term; stationary pairs are detrended, otherwise both
   series are differenced;
3. pre-whitens: an AR model is fitted to the driver (order by AIC) and both series are filtered
   with it, so the cross-correlation band ±z/√n is valid (Box & Jenkins; the band assumes one of
   the two series is white noise);
4. cross-correlates at lags −k…+k (lag L > 0: the driver moves L periods *before* the outcome);
   the significance band is Bonferroni-corrected across the 2k + 1 lags;
5. runs Granger tests in both directions (ssr F-test, as R ``lmtest::grangertest``) on the
   prepared pair, with the VAR lag order chosen by an information criterion (capped);
6. adjusts the Granger p-values across drivers with Benjamini–Hochberg (passed explicitly:
   ``multipletests`` defaults to Holm–Sidak).

A driver is ``leading`` only when **both** the adjusted forward Granger p-value and the
lag-corrected pre-whitened cross-correlation at a positive lag are significant; under no link
each of the two tests alone keeps the rate of false "leading" labels at or below alpha, and BH
across drivers keeps the family-wise rate at alpha when no driver is linked (calibrated by
``benchmarks/leadlag_calibration.py``). ``lagging`` mirrors it (reverse Granger, negative lag);
``coincident`` is a corrected significant same-period correlation without a confirmed lead.
"""

from kpi.analysis.leadlag._series import (
    bh,
    check_stationarity,
    cross_correlation,
    granger_test,
    prewhiten,
)
from kpi.analysis.leadlag.core import analyze, candidate_kpis, lead_lag, outcome_options
from kpi.analysis.leadlag.impulse import aligned_series, impulse_response
from kpi.analysis.leadlag.results import (
    CAVEATS,
    MIN_PERIODS,
    OUTCOME_CHOICES,
    ROLES,
    WARN_PERIODS,
    GrangerResult,
    ImpulseResponse,
    LeadLagResult,
    Stationarity,
)

#: The Benjamini-Hochberg adjustment (its tests import it by this name).
_bh = bh

__all__ = [
    "CAVEATS",
    "MIN_PERIODS",
    "OUTCOME_CHOICES",
    "ROLES",
    "WARN_PERIODS",
    "GrangerResult",
    "ImpulseResponse",
    "LeadLagResult",
    "Stationarity",
    "aligned_series",
    "analyze",
    "candidate_kpis",
    "check_stationarity",
    "cross_correlation",
    "granger_test",
    "impulse_response",
    "lead_lag",
    "outcome_options",
    "prewhiten",
]

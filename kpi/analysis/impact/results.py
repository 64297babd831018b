"""Result types of ``kpi.analysis.impact``: frozen, plain numbers; prose on request.

``summary`` is a property computed from the numbers when read (:mod:`kpi.analysis.impact.text`),
never a stored field. ``warnings`` are the caveats found while computing (they depend on
intermediate fits that the result does not keep).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

import pandas as pd

from kpi.analysis.impact import text

__all__ = [
    "ChangePointResult",
    "CountItsResult",
    "CounterfactualResult",
    "DidRegressionResult",
    "DidResult",
    "ImpactResult",
    "ItsResult",
    "PowerResult",
]


def _scalars(obj: Any, names: Sequence[str]) -> dict[str, Any]:
    return {n: getattr(obj, n) for n in names}


@dataclass(frozen=True, eq=False, slots=True, kw_only=True)
class ImpactResult:
    """The effect of one change on one KPI (common to every method).

    Attributes
    ----------
    kpi, segment : what was tested ("abandonment_rate", "queue=Billing").
    method : "its_ar1" (interrupted time series), "did_its_ar1" (treated minus control through
        the same model), "counterfactual_ar1" / "counterfactual_local_level" (a model on several
        comparison series) or "periods_day_level" (observed before/after means).
    change : first day of the new regime (ISO date).
    grain : "day", "week", "month", "quarter", "year" (or "period").
    effect : average effect per period over the post period, in the KPI's unit (observed minus
        expected; for "periods_day_level" after minus before); ``ci_low``/``ci_high`` its interval.
    p_value : two-sided p-value of "no change".
    value_before : for a model, the value *expected without the change* over the post period;
        for "periods_day_level", the observed value before. ``value_after`` is observed after;
        ``value_after - value_before == effect``.
    n_before, n_after : periods with data on each side.
    contacts_before, contacts_after : sum of the KPI's denominator on each side (NaN if unknown).
    phi : lag-1 autocorrelation of the errors; mde : smallest effect detectable with 80% power.
    fitted : the chart frame, columns ``date, observed, fitted, counterfactual, cf_low, cf_high,
        period`` ("before"/"after"), plus method-specific columns.
    """

    kpi: str
    segment: str
    method: str
    change: str
    effect: float
    ci_low: float
    ci_high: float
    p_value: float
    value_before: float
    value_after: float
    n_before: int
    n_after: int
    warnings: tuple[str, ...] = ()
    unit: str = "value"
    alpha: float = 0.05
    grain: str = "day"
    relative_effect: float = math.nan
    contacts_before: float = math.nan
    contacts_after: float = math.nan
    phi: float = math.nan
    mde: float = math.nan
    slope_change: bool = False
    fitted: pd.DataFrame = field(default_factory=pd.DataFrame, repr=False)

    FIELDS: ClassVar[tuple[str, ...]] = (
        "kpi",
        "segment",
        "method",
        "change",
        "grain",
        "value_before",
        "value_after",
        "effect",
        "relative_effect",
        "ci_low",
        "ci_high",
        "p_value",
        "n_before",
        "n_after",
        "contacts_before",
        "contacts_after",
        "phi",
        "mde",
    )

    @property
    def significant(self) -> bool:
        return bool(self.p_value < self.alpha)

    @property
    def expected_before(self) -> bool:
        """True when ``value_before`` is a model's expectation, not an observed mean."""
        return self.method != "periods_day_level"

    @property
    def summary(self) -> str:
        """The verdict, one sentence a manager can say (computed from the numbers)."""
        return text.impact_summary(self)

    def key_numbers(self) -> tuple[tuple[str, str], ...]:
        """(label, formatted value) pairs for a slide: before, after, change with CI, p. A
        model's "before" says it is the expectation without the change."""
        before = text.fmt_value(self.value_before, self.unit)
        return (
            ("Before", f"expected {before}" if self.expected_before else before),
            ("After", text.fmt_value(self.value_after, self.unit)),
            (
                "Change (95% CI)",
                f"{text.fmt_change(self.effect, self.unit)} "
                f"({text.fmt_interval(self.ci_low, self.ci_high, self.unit)})",
            ),
            ("p-value", text.fmt_p(self.p_value)),
        )

    def to_dict(self) -> dict[str, Any]:
        """Scalar fields, ``summary`` and ``warnings`` (a list), ready for JSON."""
        out = _scalars(self, self.FIELDS)
        out["summary"] = self.summary
        out["warnings"] = list(self.warnings)
        return out

    def to_frame(self) -> pd.DataFrame:
        """One row: the scalar fields, ``summary`` and ``warnings`` joined by " | "."""
        row = _scalars(self, self.FIELDS)
        row["summary"] = self.summary
        row["warnings"] = " | ".join(self.warnings)
        return pd.DataFrame([row])


@dataclass(frozen=True, eq=False, slots=True, kw_only=True)
class ItsResult(ImpactResult):
    """Interrupted time series on one series ("its_ar1") or observed periods
    ("periods_day_level")."""


@dataclass(frozen=True, eq=False, slots=True, kw_only=True)
class DidResult(ImpactResult):
    """Difference-in-differences through the ITS model on treated minus control.

    pretrend_slope, pretrend_p : pre-period slope of treated minus control per week (per period
        of the grain when not daily or weekly), and its p-value (parallel trends).
    control_effect, control_p : the control's own shift at the change date.
    """

    control_segment: str = ""
    pretrend_slope: float = math.nan
    pretrend_p: float = math.nan
    control_effect: float = math.nan
    control_p: float = math.nan

    FIELDS: ClassVar[tuple[str, ...]] = (
        *ImpactResult.FIELDS,
        "control_segment",
        "pretrend_slope",
        "pretrend_p",
        "control_effect",
        "control_p",
    )


@dataclass(frozen=True, eq=False, slots=True, kw_only=True)
class CounterfactualResult(ImpactResult):
    """The treated KPI modelled on several comparison series over the pre-period, projected past
    the change (``value_before`` = expected without the change, averaged over the post period).

    controls : labels of the comparison series ("queue=Sales", ...).
    model : "ar1" (regression with AR(1) errors) or "local_level" (structural, CausalImpact-like).
    cumulative, cumulative_low, cumulative_high : summed effect over the post period, interval.
    relative_low, relative_high : interval of ``relative_effect`` (effect / expected).
    fit_r2, fit_mape : pre-period fit of the one-step-ahead predictions (R², mean absolute
        percentage error; NaN when a value is 0).
    correlations : pre-period correlation of each comparison series with the treated one.
    control_shift_p : p-value of each comparison series' own shift at the change date.
    fitted : ``date, observed, fitted, counterfactual, cf_low, cf_high, period, effect,
        cumulative, cumulative_low, cumulative_high`` (cumulative columns after the change only).
    """

    controls: tuple[str, ...] = ()
    model: str = "ar1"
    cumulative: float = math.nan
    cumulative_low: float = math.nan
    cumulative_high: float = math.nan
    relative_low: float = math.nan
    relative_high: float = math.nan
    fit_r2: float = math.nan
    fit_mape: float = math.nan
    seasonality: str = ""
    correlations: tuple[float, ...] = ()
    control_shift_p: tuple[float, ...] = ()

    FIELDS: ClassVar[tuple[str, ...]] = (
        *ImpactResult.FIELDS,
        "model",
        "seasonality",
        "cumulative",
        "cumulative_low",
        "cumulative_high",
        "relative_low",
        "relative_high",
        "fit_r2",
        "fit_mape",
    )

    @property
    def fit_summary(self) -> str:
        """How well the comparison series tracked the KPI before the change (computed)."""
        return text.fit_summary(self)

    def key_numbers(self) -> tuple[tuple[str, str], ...]:
        """(label, formatted value): observed after, expected without the change, the average
        and cumulative effects with their intervals, p."""
        u = self.unit
        return (
            ("Observed after", text.fmt_value(self.value_after, u)),
            ("Expected without the change", text.fmt_value(self.value_before, u)),
            (
                "Effect per period (95% CI)",
                f"{text.fmt_change(self.effect, u)} "
                f"({text.fmt_interval(self.ci_low, self.ci_high, u)})",
            ),
            ("p-value", text.fmt_p(self.p_value)),
        )

    def to_dict(self) -> dict[str, Any]:
        out = ImpactResult.to_dict(self)
        out["controls"] = list(self.controls)
        out["correlations"] = list(self.correlations)
        out["control_shift_p"] = list(self.control_shift_p)
        return out


@dataclass(frozen=True, eq=False, slots=True, kw_only=True)
class PowerResult:
    """Smallest effect the data could detect (MDE) at the chosen power.

    Attributes
    ----------
    mde : smallest level shift (KPI units) detected with probability ``power`` at level ``alpha``.
    mde_relative : ``mde`` / mean before the change.
    se : standard error of the level shift on this design; ``phi`` and ``sigma`` the AR(1)
        coefficient and innovation SD estimated on the pre-period.
    table : columns ``n_after, mde, mde_relative``: the MDE for several post-period lengths.
    """

    kpi: str
    mde: float
    mde_relative: float
    se: float
    phi: float
    sigma: float
    mean_before: float
    n_before: int
    n_after: int
    alpha: float
    power: float
    warnings: tuple[str, ...] = ()
    unit: str = "value"
    grain: str = "day"
    table: pd.DataFrame = field(default_factory=pd.DataFrame, repr=False)

    @property
    def summary(self) -> str:
        return text.power_summary(self)

    def to_frame(self) -> pd.DataFrame:
        """One row: kpi, mde, mde_relative, se, phi, sigma, mean_before, n_before, n_after,
        alpha, power, summary."""
        names: tuple[str, ...] = ("kpi", "mde", "mde_relative", "se", "phi", "sigma")
        names += ("mean_before",)
        names += ("n_before", "n_after", "alpha", "power", "summary")
        return pd.DataFrame([_scalars(self, names)])


@dataclass(frozen=True, eq=False, slots=True, kw_only=True)
class ChangePointResult:
    """Candidate shift dates found in the data.

    Attributes
    ----------
    candidates : columns ``rank, date`` (first day of the new level), ``last_before``,
        ``mean_before, mean_after, shift`` (on the segment where it was found), ``score`` (sup of
        the standardised CUSUM), ``p_value`` (CUSUM test of that segment, before the search),
        ``ci_low, ci_high`` (95% dates, Bai 1997), ``significant``.
    """

    kpi: str
    candidates: pd.DataFrame
    unit: str = "value"
    warnings: tuple[str, ...] = (text.CHANGE_POINT_CAVEAT,)

    @property
    def summary(self) -> str:
        return text.change_point_summary(self)

    def to_frame(self) -> pd.DataFrame:
        """The candidates table (see the class docstring)."""
        return self.candidates.copy()


@dataclass(frozen=True, eq=False, slots=True, kw_only=True)
class CountItsResult:
    """Quasi-Poisson interrupted time series on counts with an exposure offset.

    Attributes
    ----------
    rate_ratio, ci_low, ci_high, p_value : the post-change step as a rate ratio (Wald interval
        with the Pearson dispersion, as R's ``glm(family=quasipoisson)`` + ``confint.default``).
    dispersion : Pearson chi-square / df.
    naive_before, naive_after, naive_p : mean rates before/after (per ``rate_per`` exposure)
        and the two-sample t-test p-value, for contrast (it ignores trend and seasonality).
    """

    rate_ratio: float
    ci_low: float
    ci_high: float
    p_value: float
    dispersion: float
    naive_before: float
    naive_after: float
    naive_p: float
    n_before: int
    n_after: int
    method: str
    alpha: float = 0.05
    warnings: tuple[str, ...] = ()

    @property
    def summary(self) -> str:
        return text.count_summary(self)

    def to_frame(self) -> pd.DataFrame:
        """One row with every field except ``warnings``."""
        names: tuple[str, ...] = ("method", "rate_ratio", "ci_low", "ci_high", "p_value")
        names += ("dispersion",)
        names += ("naive_before", "naive_after", "naive_p", "n_before", "n_after", "summary")
        return pd.DataFrame([_scalars(self, names)])


@dataclass(frozen=True, eq=False, slots=True, kw_only=True)
class DidRegressionResult:
    """Regression difference-in-differences: the ``treated:post`` coefficient."""

    effect: float
    ci_low: float
    ci_high: float
    p_value: float
    se: float
    n: int
    method: str
    alpha: float = 0.05
    warnings: tuple[str, ...] = ()

    @property
    def summary(self) -> str:
        return text.did_regression_summary(self)

    def to_frame(self) -> pd.DataFrame:
        """One row: method, effect, se, ci_low, ci_high, p_value, n, summary."""
        names = ("method", "effect", "se", "ci_low", "ci_high", "p_value", "n", "summary")
        return pd.DataFrame([_scalars(self, names)])

"""Every sentence of ``kpi.analysis.impact``, produced on request from a result's numbers.

Values are formatted by :mod:`kpi.format` (the product's one formatter); the impact texts only
print a negative number with the typographic minus sign (U+2212), as they always have.

Wording rules: a model's expectation is never presented as an observed "before" value. A model
based verdict reads "was Y after the change; expected X without it (95% CI ...)"; observed means
say they are observed. Periods are counted in the grain's words ("months", never "days" for
months).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd

from kpi import format as fmt
from kpi.analysis.impact.series import GRAINS

if TYPE_CHECKING:
    from kpi.analysis.impact.results import (
        ChangePointResult,
        CounterfactualResult,
        CountItsResult,
        DidRegressionResult,
        ImpactResult,
        PowerResult,
    )

__all__ = [
    "CHANGE_POINT_CAVEAT",
    "MINUS",
    "KpiInfo",
    "change_point_summary",
    "count_summary",
    "did_regression_summary",
    "fmt_change",
    "fmt_date",
    "fmt_interval",
    "fmt_p",
    "fmt_value",
    "fit_summary",
    "impact_summary",
    "kpi_info",
    "noise_clause",
    "power_summary",
    "side_effects",
]

MINUS = "\u2212"

CHANGE_POINT_CAVEAT = (
    "A date found by searching the data cannot then be tested on the same data as if it had been "
    "chosen in advance: its p-value would be far too small. Use it as a lead, and confirm it with "
    "what you know happened on that date or with new data."
)


@dataclass(frozen=True, slots=True)
class KpiInfo:
    id: str
    name: str
    unit: str  # "rate" | "seconds" | "count" | "score" | "nps" | "currency" | "value"
    better: str  # "higher" | "lower" | ""


def kpi_info(kpi: str | None, unit: str | None = None) -> KpiInfo:
    """Name, unit and better direction of a KPI id, from the registry (via :mod:`kpi.format`)."""
    from kpi.metrics import KPIS

    key = kpi or ""
    entry = KPIS.get(key)
    better = str(entry.better) if entry is not None else ""
    name = fmt.kpi_label(key) if key else "The KPI"
    return KpiInfo(id=key, name=name, unit=unit or fmt.kpi_unit(key), better=better)


def _typographic(text: str) -> str:
    return text.replace("-", MINUS)


def fmt_value(value: float, unit: str) -> str:
    """A KPI value ("8.9%", "5.2 min", "4.21"): :func:`kpi.format.fmt_value`."""
    return _typographic(fmt.fmt_value(value, unit))


def fmt_change(value: float, unit: str, *, signed: bool = True) -> str:
    """A change in KPI units ("−3.8 pts"): :func:`kpi.format.fmt_change`."""
    return _typographic(fmt.fmt_change(value, unit, signed))


def fmt_interval(low: float, high: float, unit: str) -> str:
    """An interval of changes, the unit once ("−4.6 to −3.0 pts")."""
    return _typographic(fmt.fmt_interval(low, high, unit, signed=True))


def fmt_p(p: float) -> str:
    """A p-value for prose ("p < 0.001", "p = 0.03")."""
    return fmt.fmt_p_clause(p)


def fmt_date(date: Any) -> str:
    return fmt.fmt_date(date)


def noise_clause(p: float, alpha: float) -> str:
    """How likely the change is to be noise, in words."""
    if p < min(alpha, 0.001):
        return "a change this large is very unlikely to be noise"
    if p < min(alpha, 0.01):
        return "a change this large is unlikely to be noise"
    if p < alpha:
        return f"probably a real change, though noise cannot be ruled out ({fmt_p(p)})"
    return f"a change this size could well be noise ({fmt_p(p)})"


def _where(segment: str) -> str:
    return f" in {segment.split('=', 1)[-1]}" if segment else ""


def _ci(r: ImpactResult) -> str:
    return f"{round((1 - r.alpha) * 100)}% CI {fmt_interval(r.ci_low, r.ci_high, r.unit)}"


def _capital(text: str) -> str:
    return text[0].upper() + text[1:]


def impact_summary(r: ImpactResult) -> str:
    """The verdict of an ITS, DiD, counterfactual or observed before/after comparison."""
    from kpi.analysis.impact.results import CounterfactualResult, DidResult

    if isinstance(r, CounterfactualResult):
        return counterfactual_summary(r)
    name = kpi_info(r.kpi, r.unit).name if r.kpi else "The KPI"
    significant = r.p_value < r.alpha
    date = fmt_date(pd.Timestamp(r.change))
    if r.method == "periods_day_level":
        verb = ("fell" if r.effect < 0 else "rose") if significant else "went"
        text = (
            f"{name}{_where(r.segment)} {verb} from {fmt_value(r.value_before, r.unit)} to "
            f"{fmt_value(r.value_after, r.unit)} (observed, before vs after {date}; "
            f"{fmt_change(r.effect, r.unit)}, {_ci(r)}); {noise_clause(r.p_value, r.alpha)}."
        )
        return _capital(text)
    against = ""
    if isinstance(r, DidResult):
        against = f" relative to {r.control_segment.split('=', 1)[-1] or 'the control'}"
    head = (
        f"{'fell' if r.effect < 0 else 'rose'} from its expected level"
        if significant
        else "did not clearly move from its expected level"
    )
    text = (
        f"{name}{_where(r.segment)} {head} after {date}{against}: it was "
        f"{fmt_value(r.value_after, r.unit)} after the change; expected "
        f"{fmt_value(r.value_before, r.unit)} without it ({fmt_change(r.effect, r.unit)}, "
        f"{_ci(r)}); {noise_clause(r.p_value, r.alpha)}."
    )
    return _capital(text)


def _names(items: Sequence[str]) -> str:
    labels = [s.split("=", 1)[-1] for s in items]
    if len(labels) <= 1:
        return "".join(labels) or "the comparison series"
    return ", ".join(labels[:-1]) + " and " + labels[-1]


def counterfactual_summary(r: CounterfactualResult) -> str:
    """'X was Y after the change; expected Z without it, judging by A and B (... per month).'"""
    name = kpi_info(r.kpi, r.unit).name if r.kpi else "The KPI"
    per = GRAINS.get(r.grain, GRAINS["day"]).unit[:-1]
    text = (
        f"{name}{_where(r.segment)} was {fmt_value(r.value_after, r.unit)} on average after "
        f"{fmt_date(pd.Timestamp(r.change))}; expected {fmt_value(r.value_before, r.unit)} "
        f"without the change, judging by {_names(r.controls)} "
        f"({fmt_change(r.effect, r.unit)} per {per}, {_ci(r)}); "
        f"{noise_clause(r.p_value, r.alpha)}."
    )
    return _capital(text)


def power_summary(r: PowerResult) -> str:
    grain = GRAINS.get(r.grain, GRAINS["day"])
    name = kpi_info(r.kpi, r.unit).name if r.kpi else "the KPI"
    rel = (
        f" ({r.mde / abs(r.mean_before):.0%} of the current {fmt_value(r.mean_before, r.unit)})"
        if r.mean_before
        else ""
    )
    return (
        f"With {grain.word(r.n_before)} before and {grain.word(r.n_after)} after, the smallest "
        f"change in {name} this data could detect ({r.power:.0%} power, {r.alpha:.0%} level) is "
        f"about {fmt_change(r.mde, r.unit, signed=False)}{rel}."
    )


def change_point_summary(r: ChangePointResult) -> str:
    name = kpi_info(r.kpi, r.unit).name if r.kpi else "the series"
    cand = r.candidates
    sig = cand[cand["significant"]]
    if sig.empty:
        return (
            f"No clear shift in {name}: the strongest candidate, {fmt_date(cand['date'].iloc[0])}, "
            f"is within what noise produces ({fmt_p(float(cand['p_value'].iloc[0]))})."
        )
    top = sig.iloc[0]
    more = f"; {len(sig) - 1} more candidate(s) listed." if len(sig) > 1 else "."
    return (
        f"The most likely shift in {name} starts on {fmt_date(top['date'])} "
        f"({fmt_value(top['mean_before'], r.unit)} to {fmt_value(top['mean_after'], r.unit)}, "
        f"observed means; 95% range of dates "
        f"{fmt.fmt_date_range(top['ci_low'], top['ci_high'])}){more}"
    )


def count_summary(r: CountItsResult) -> str:
    rr = r.rate_ratio
    return (
        f"After the change the rate was {abs(rr - 1):.1%} {'lower' if rr < 1 else 'higher'} than "
        f"the trend predicted (rate ratio {rr:.3f}, {round((1 - r.alpha) * 100)}% CI "
        f"{r.ci_low:.3f} to {r.ci_high:.3f}); {noise_clause(r.p_value, r.alpha)}."
    )


def did_regression_summary(r: DidRegressionResult) -> str:
    return (
        f"Difference-in-differences: {r.effect:+.3g} ({round((1 - r.alpha) * 100)}% CI "
        f"{r.ci_low:.3g} to {r.ci_high:.3g}); {noise_clause(r.p_value, r.alpha)}."
    )


def side_effects(table: pd.DataFrame, kpi: str, alpha: float = 0.05) -> str:
    """The other KPIs of a ``before_after`` table that moved after the correction for testing
    several KPIs ("" when none did): no metric in isolation."""
    if "p_adj" not in table.columns:
        return ""
    moved = table[(table["kpi"] != kpi) & (table["p_adj"] < alpha)]
    if moved.empty:
        return ""
    parts = []
    for r in moved.to_dict("records"):
        info = kpi_info(str(r["kpi"]))
        parts.append(
            f"{info.name} {fmt_change(float(r['change']), info.unit)} "
            f"({fmt_value(float(r['value_before']), info.unit)} to "
            f"{fmt_value(float(r['value_after']), info.unit)})"
        )
    return (
        "Other KPIs also moved after the change (observed, adjusted for testing several KPIs): "
        + "; ".join(parts)
        + "."
    )


def fit_summary(r: CounterfactualResult) -> str:
    """How well the model on the comparison series tracked the KPI before the change."""
    grain = GRAINS.get(r.grain, GRAINS["day"])
    corr = ", ".join(
        f"{c.split('=', 1)[-1]} {v:+.2f}" for c, v in zip(r.controls, r.correlations, strict=False)
    )
    mape = f"; typical miss {r.fit_mape:.0%} of the value" if math.isfinite(r.fit_mape) else ""
    season = f", with {r.seasonality} effects" if r.seasonality else ""
    model = "regression with AR(1) errors" if r.model == "ar1" else "local level + regression"
    return (
        f"Pre-period fit: over {grain.word(r.n_before)} before the change, the model "
        f"({model} on {_names(r.controls)}{season}) predicted each {grain.unit[:-1]} one step "
        f"ahead with R² {r.fit_r2:.2f}{mape}. Correlation of each comparison series with "
        f"the KPI before the change: {corr}."
    )

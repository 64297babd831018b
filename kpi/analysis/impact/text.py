"""Words and number formats for ``kpi.analysis.impact`` verdicts (private)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

__all__ = [
    "KpiInfo",
    "fmt_change",
    "fmt_date",
    "fmt_interval",
    "fmt_p",
    "fmt_value",
    "kpi_info",
    "noise_clause",
]

MINUS = "\u2212"

# Used only when the KPI registry (kpi.metrics) is not importable or does not know the id.
_FALLBACK_UNITS: dict[str, str] = {
    "abandonment_rate": "rate",
    "short_abandon_rate": "rate",
    "service_level": "rate",
    "fcr": "rate",
    "repeat_contact_rate": "rate",
    "transfer_rate": "rate",
    "escalation_rate": "rate",
    "blocked_rate": "rate",
    "csat_top2": "rate",
    "conversion_rate": "rate",
    "occupancy": "rate",
    "proactive_ratio": "rate",
    "aht": "seconds",
    "talk_time": "seconds",
    "hold_time": "seconds",
    "acw_time": "seconds",
    "asa": "seconds",
    "frt": "seconds",
    "contacts": "count",
    "nps": "nps",
    "csat": "score",
    "ces": "score",
    "cost_per_contact": "currency",
}


@dataclass(frozen=True, slots=True)
class KpiInfo:
    id: str
    name: str
    unit: str  # "rate" | "seconds" | "count" | "score" | "nps" | "currency" | "value"
    better: str  # "higher" | "lower" | ""


def kpi_info(kpi: str, unit: str | None = None) -> KpiInfo:
    """Name, unit and better direction of a KPI id, from the registry when available."""
    name, reg_unit, better = "", "", ""
    try:
        from kpi.metrics import KPIS

        k = KPIS.get(kpi)
        if k is not None:
            name, reg_unit, better = str(k.name), str(k.unit), str(k.better)
    except ImportError:  # the registry is optional for the statistics
        pass
    if not name:
        name = kpi.replace("_", " ").capitalize() if kpi else "The KPI"
    final_unit = unit or reg_unit or _FALLBACK_UNITS.get(kpi, "value")
    return KpiInfo(id=kpi, name=name, unit=final_unit, better=better)


def _signed(text: str, value: float) -> str:
    if value < 0:
        return MINUS + text
    if value > 0:
        return "+" + text
    return text


def fmt_value(value: float, unit: str) -> str:
    """A KPI value as shown to a manager ("8.9%", "312 s", "4.21")."""
    if not math.isfinite(value):
        return "n/a"
    if unit == "rate":
        return f"{value * 100:.1f}%".replace("-", MINUS)
    if unit == "seconds":
        return f"{value:,.0f} s".replace("-", MINUS)
    if unit == "count":
        return f"{value:,.0f}".replace("-", MINUS)
    if unit == "nps":
        return f"{value:.1f}".replace("-", MINUS)
    text = f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3g}"
    return text.replace("-", MINUS)


def fmt_change(value: float, unit: str, *, signed: bool = True) -> str:
    """A change in KPI units ("−3.8 pts", "+12 s")."""
    if not math.isfinite(value):
        return "n/a"
    mag = abs(value)
    if unit == "rate":
        text = f"{mag * 100:.1f} pts"
    elif unit == "seconds":
        text = f"{mag:,.0f} s" if mag >= 10 else f"{mag:.1f} s"
    elif unit == "count":
        text = f"{mag:,.0f}" if mag >= 10 else f"{mag:.1f}"
    elif unit == "nps":
        text = f"{mag:.1f} points"
    elif unit == "score":  # a 1-5 (or 1-7) rating: hundredths are what a manager reads
        text = f"{mag:.2f}"
    else:
        text = f"{mag:.3g}"
    return _signed(text, value) if signed else text


def fmt_interval(low: float, high: float, unit: str) -> str:
    """An interval of changes with the unit once ("−4.6 to −3.0 pts")."""
    lo, hi = fmt_change(low, unit), fmt_change(high, unit)
    for suffix in (" pts", " s", " points"):
        if lo.endswith(suffix) and hi.endswith(suffix):
            lo = lo[: -len(suffix)]
    return f"{lo} to {hi}"


def fmt_p(p: float) -> str:
    if not math.isfinite(p):
        return "p = n/a"
    return "p < 0.001" if p < 0.001 else f"p = {p:.3f}" if p < 0.01 else f"p = {p:.2f}"


def fmt_date(date: pd.Timestamp) -> str:
    return f"{date.day} {date:%b %Y}"


def noise_clause(p: float, alpha: float) -> str:
    """How likely the change is to be noise, in words."""
    if p < min(alpha, 0.001):
        return "a change this large is very unlikely to be noise"
    if p < min(alpha, 0.01):
        return "a change this large is unlikely to be noise"
    if p < alpha:
        return f"probably a real change, though noise cannot be ruled out ({fmt_p(p)})"
    return f"a change this size could well be noise ({fmt_p(p)})"

"""Formula settings: how the KPIs whose definition differs between platforms are computed.

Formula choices that differ between platforms are settings, not forks: service-level threshold
and variant, short abandons, the abandonment denominator, the FCR method (resolved flag or
repeat-contact window with right-censoring), CSAT mean vs top-2 box, the CES scale direction,
and the ticket SLA targets per priority. Settings travel with every result
(``KpiTable.settings``) so a figure always says how it was made.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields
from typing import Any

from kpi.errors import AnalysisError

__all__ = ["PRIORITIES", "SL_VARIANTS", "Settings"]

SL_VARIANTS: dict[str, str] = {
    "answered_only": "answered within T ÷ answered",
    "abandons_negative": "answered within T ÷ (answered + abandoned)  [Genesys default, Cisco 'abandons negative']",
    "abandons_ignored": "answered within T ÷ (answered + abandoned − short abandons)  [Talkdesk; abandons below the short-abandon threshold ignored]",
    "abandons_positive": "(answered within T + abandoned within T) ÷ (answered + abandoned)  [Amazon Connect, Cisco 'abandons positive']",
}

#: Ticket priorities the SLA targets are set for, most urgent first. The value words helpdesks
#: use for each (Zendesk urgent/high/normal/low, Jira highest..lowest, ServiceNow 1-5, P1-P4)
#: are read in :func:`kpi.metrics.sql.priority_sql`.
PRIORITIES: tuple[str, ...] = ("urgent", "high", "normal", "low")

_CHOICES: dict[str, tuple[str, ...]] = {
    "sl_variant": tuple(SL_VARIANTS),
    "abandonment_denominator": ("offered", "answered_abandoned"),
    "fcr_method": ("flag", "repeat"),
    "csat_method": ("mean", "top2"),
    "time_attribution": ("start", "end"),
}


@dataclass(frozen=True, slots=True)
class Settings:
    """How the KPIs with platform-dependent formulas are computed.

    Attributes
    ----------
    sl_threshold_seconds : service-level threshold T (answered within T seconds). Default 20.
    sl_variant : one of ``SL_VARIANTS`` (default "abandons_negative", the Genesys default).
    short_abandon_seconds : an abandon with a queue time below this is a *short abandon*.
    exclude_short_abandons : drop short abandons from abandonment and service-level numerators
        and denominators (Google CCAI / Genesys switch).
    abandonment_denominator : "offered" (every queued inbound contact, incl. flow-outs) or
        "answered_abandoned" (answered + abandoned only).
    fcr_method : "flag" (agent/survey-declared ``resolved``) or "repeat" (no repeat contact by the
        same customer within ``fcr_window_days``; the last ``fcr_window_days`` of the data are
        right-censored: immature and out of the denominator).
    fcr_window_days : repeat-contact window N (days).
    fcr_ignore_minutes : a further contact within this many minutes is a transfer/callback of the
        same contact, not a repeat.
    csat_method : "mean" or "top2" — which CSAT figure is the headline (both are computed).
    csat_top_box_min : lowest rating counted as satisfied in the top-2 box (1-5 scale).
    ces_higher_is_better : False for a 1-7 *effort* scale (default), True for a CES 2.0
        *agreement* scale.
    interval_minutes : length of the "interval" grain.
    time_attribution : book a contact in the period it "start"s or "end"s.
    sla_response_<priority>_hours : first-response target of a ticket by priority (urgent 1 h,
        high 4 h, normal 8 h, low 24 h).
    sla_resolution_<priority>_hours : resolution target by priority (urgent 4 h, high 24 h,
        normal 72 h, low 120 h). Both sets are common helpdesk defaults (the tiers of the
        example SLA policies help-desk vendors ship), not an industry standard: set your own.
        Tickets with no or an unrecognised priority are held to the normal target.
    """

    sl_threshold_seconds: float = 20.0
    sl_variant: str = "abandons_negative"
    short_abandon_seconds: float = 5.0
    exclude_short_abandons: bool = False
    abandonment_denominator: str = "offered"
    fcr_method: str = "flag"
    fcr_window_days: float = 7.0
    fcr_ignore_minutes: float = 15.0
    csat_method: str = "top2"
    csat_top_box_min: float = 4.0
    ces_higher_is_better: bool = False
    interval_minutes: int = 30
    time_attribution: str = "start"
    sla_response_urgent_hours: float = 1.0
    sla_response_high_hours: float = 4.0
    sla_response_normal_hours: float = 8.0
    sla_response_low_hours: float = 24.0
    sla_resolution_urgent_hours: float = 4.0
    sla_resolution_high_hours: float = 24.0
    sla_resolution_normal_hours: float = 72.0
    sla_resolution_low_hours: float = 120.0

    def __post_init__(self) -> None:
        for name, allowed in _CHOICES.items():
            if getattr(self, name) not in allowed:
                raise AnalysisError(
                    f"Setting {name}={getattr(self, name)!r} is not valid: use one of {', '.join(allowed)}."
                )
        numeric = [
            "sl_threshold_seconds",
            "short_abandon_seconds",
            "fcr_window_days",
            "fcr_ignore_minutes",
            "interval_minutes",
            *(f"sla_{kind}_{p}_hours" for kind in ("response", "resolution") for p in PRIORITIES),
        ]
        for name in numeric:
            v = getattr(self, name)
            if (
                isinstance(v, bool)
                or not isinstance(v, int | float)
                or not math.isfinite(v)
                or v < 0
            ):
                raise AnalysisError(f"Setting {name} must be a non-negative number, not {v!r}.")
        if self.fcr_window_days <= 0 or self.interval_minutes <= 0:
            raise AnalysisError("Settings fcr_window_days and interval_minutes must be above zero.")

    @property
    def csat_kpi(self) -> str:
        """The headline CSAT KPI id for ``csat_method`` ("csat" or "csat_top2")."""
        return "csat_top2" if self.csat_method == "top2" else "csat"

    def sla_seconds(self, kind: str) -> dict[str, float]:
        """The SLA target of each priority in seconds; ``kind`` is "response" or "resolution"."""
        if kind not in ("response", "resolution"):
            raise AnalysisError(f"Unknown SLA kind {kind!r}: use response or resolution.")
        return {p: 3600.0 * float(getattr(self, f"sla_{kind}_{p}_hours")) for p in PRIORITIES}

    def sla_text(self, kind: str) -> str:
        """e.g. "urgent 1 h, high 4 h, normal 8 h, low 24 h"."""
        return ", ".join(f"{p} {s / 3600:g} h" for p, s in self.sla_seconds(kind).items())

    def describe(self) -> str:
        """One line saying how the variant KPIs are computed (shown next to every figure)."""
        t = _num(self.sl_threshold_seconds)
        parts = [f"service level {t} s, {self.sl_variant.replace('_', ' ')}"]
        if self.exclude_short_abandons:
            parts.append(f"short abandons (< {_num(self.short_abandon_seconds)} s) excluded")
        else:
            parts.append(f"short abandon < {_num(self.short_abandon_seconds)} s")
        parts.append(
            "abandonment ÷ offered"
            if self.abandonment_denominator == "offered"
            else "abandonment ÷ (answered + abandoned)"
        )
        if self.fcr_method == "flag":
            parts.append("FCR from the resolved flag")
        else:
            parts.append(
                f"FCR = no repeat within {_num(self.fcr_window_days)} days "
                f"(contacts within {_num(self.fcr_ignore_minutes)} min ignored; last "
                f"{_num(self.fcr_window_days)} days immature)"
            )
        parts.append("CSAT top-2 box" if self.csat_method == "top2" else "CSAT mean of 1-5")
        parts.append(
            "CES higher = better" if self.ces_higher_is_better else "CES lower = less effort"
        )
        if self.time_attribution == "end":
            parts.append("contacts booked at their end time")
        return "; ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        """Plain dict (JSON-ready)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> Settings:
        """Settings from a dict (e.g. ``settings.json``); unknown keys raise ``AnalysisError``."""
        data = dict(data or {})
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise AnalysisError(
                f"Unknown setting(s) {', '.join(unknown)}: known settings are {', '.join(sorted(known))}."
            )
        return cls(**data)


def _num(v: float) -> str:
    return f"{v:g}"

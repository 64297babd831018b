"""Lead-lag sentences, produced from the numbers when a result is read (never stored).

KPIs are named as the reader knows them (:func:`kpi.format.kpi_label`: "CSAT (mean)", not
"csat").
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import pandas as pd

from kpi.format import fmt_kpi, fmt_kpi_change, fmt_p_clause, kpi_label
from kpi.metrics import KPIS
from kpi.segment import Segment

if TYPE_CHECKING:
    from kpi.analysis.leadlag.results import ImpulseResponse

__all__ = [
    "ROLE_RANK",
    "default_role",
    "driver_summary",
    "expected_role",
    "impulse_summary",
    "overall_summary",
    "unit_text",
]

#: Textbook roles in the order they move: a leading KPI moves before a bridging one, and so on.
ROLE_RANK = {"leading": 0, "bridging": 1, "lagging": 2}


def unit_text(grain: str, n: int) -> str:
    """``n`` periods of ``grain`` in words: "1 day", "5 days", "2 weeks", "3 periods"."""
    word = {"day": "day", "week": "week"}.get(grain, "period")
    return f"{n} {word}" + ("" if abs(n) == 1 else "s")


def default_role(kpi: str) -> str:
    """The registry's textbook role of a KPI (leading / bridging / lagging; "" if unknown)."""
    kdef = KPIS.get(kpi)
    return str(kdef.role) if kdef is not None else ""


def expected_role(driver_default: str, outcome_default: str) -> str:
    """What the textbook roles suggest for the driver relative to the outcome."""
    if driver_default not in ROLE_RANK or outcome_default not in ROLE_RANK:
        return ""
    d, o = ROLE_RANK[driver_default], ROLE_RANK[outcome_default]
    return "leading" if d < o else "lagging" if d > o else "coincident"


def _in(segment: Segment | None) -> str:
    return "" if segment is None else f" ({segment.label()})"


def _textbook(rec: Mapping[str, Any], name: str, outcome: str) -> str:
    """The textbook's view of a driver and whether the data agrees with it."""
    if not rec.get("default_role"):
        return ""
    text = f" Textbook view: {name} is a {rec['default_role']} KPI"
    expected = rec.get("expected_role") or ""
    if not expected:
        return text + "."
    role = rec["role"]
    verdict = (
        "the data agrees"
        if role == expected
        else "the data shows no evidence either way"
        if role == "no evidence"
        else "the data disagrees"
    )
    return text + f", so it would be expected to be {expected} for {outcome}; {verdict}."


def _lag(value: Any) -> int:
    try:
        return (
            0 if value is None or value is pd.NA or not math.isfinite(float(value)) else int(value)
        )
    except (TypeError, ValueError):
        return 0


def driver_summary(rec: Mapping[str, Any], outcome_id: str, grain: str) -> str:
    """One driver's reading from its row of numbers (``kpi, role, best_lag, ccf_at_best_lag,
    p_adj, p_adj_reverse, default_role, expected_role``, optional ``error``)."""
    kpi, outcome = kpi_label(str(rec["kpi"])), kpi_label(outcome_id)
    if rec.get("error"):
        return f"{kpi} could not be tested: {rec['error']}."
    role, lag, r = rec["role"], _lag(rec.get("best_lag")), float(rec["ccf_at_best_lag"])
    direction = "rise" if r > 0 else "fall"
    textbook = _textbook(rec, kpi, outcome)
    if role == "leading":
        return (
            f"{kpi} moves {unit_text(grain, lag)} before {outcome}: a rise in {kpi} is followed "
            f"by a {direction} in {outcome} (pre-whitened r = {r:+.2f}, Granger "
            f"{fmt_p_clause(rec['p_adj'])} after adjustment).{textbook}"
        )
    if role == "lagging":
        return (
            f"{kpi} moves {unit_text(grain, -lag)} after {outcome}: a rise in {outcome} is "
            f"followed by a {direction} in {kpi} (pre-whitened r = {r:+.2f}, reverse Granger "
            f"{fmt_p_clause(rec['p_adj_reverse'])} after adjustment).{textbook}"
        )
    if role == "coincident":
        together = "together" if r > 0 else "in opposite directions"
        return (
            f"{kpi} and {outcome} move {together} in the same {unit_text(grain, 1)[2:]} "
            f"(pre-whitened r = {r:+.2f}) with no confirmed lead either way.{textbook}"
        )
    return (
        f"No evidence that {kpi} moves before or after {outcome} (adjusted Granger "
        f"{fmt_p_clause(rec['p_adj'])} forward, {fmt_p_clause(rec['p_adj_reverse'])} reverse; no "
        f"cross-correlation beyond the corrected band).{textbook}"
    )


def overall_summary(
    table: pd.DataFrame, outcome_id: str, grain: str, segment: Segment | None = None
) -> str:
    """The whole result in one sentence: which KPIs move before the outcome, by how much."""
    outcome = kpi_label(outcome_id) + _in(segment)
    lead = table[table["role"] == "leading"]
    if lead.empty:
        coinc = [kpi_label(str(k)) for k in table[table["role"] == "coincident"]["kpi"]]
        tail = f"; {', '.join(coinc)} move in the same period" if coinc else ""
        return f"No KPI shows a confirmed lead over {outcome} in this data{tail}."
    parts = [
        f"{kpi_label(str(k))} ({unit_text(grain, _lag(lag))})"
        for k, lag in zip(lead["kpi"], lead["best_lag"], strict=True)
    ]
    return f"{len(lead)} of {len(table)} KPIs move before {outcome}: {', '.join(parts)}."


def impulse_summary(irf: ImpulseResponse) -> str:
    """The impulse response in one sentence: shock, peak change, and whether it is clear."""
    excludes_zero = irf.peak_low > 0 or irf.peak_high < 0
    return (
        f"A one-off rise of {fmt_kpi(irf.driver, irf.shock)} in {kpi_label(irf.driver)} is "
        f"followed by a change of {fmt_kpi_change(irf.outcome, irf.peak_level)} in "
        f"{kpi_label(irf.outcome)}{_in(irf.segment)} after {unit_text(irf.grain, irf.peak_step)} "
        + (
            "(the 95% band excludes zero)."
            if excludes_zero
            else "(the 95% band includes zero: no clear response)."
        )
    )

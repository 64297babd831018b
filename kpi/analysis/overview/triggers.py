"""Action triggers and targets, read from the KPI registry (the one trigger table).

The registry (:data:`kpi.metrics.KPIS`) holds each KPI's default ``target`` and action
``trigger`` (a level beyond which the KPI is red and a trigger fires, on the wrong side given
``better``) and ``trigger_change`` (a fall / rise of that size over the trigger window, e.g. NPS
down 10+ points). The Overview's cards and trigger list and the weekly report all read them here.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import pandas as pd

from kpi.analysis.overview._common import frame_of, series_of
from kpi.format import fmt_kpi, fmt_kpi_change, kpi_label
from kpi.metrics import KPIS

__all__ = [
    "DEFAULT_TRIGGERS",
    "Trigger",
    "default_red_lines",
    "default_targets",
    "evaluate_triggers",
    "meets_target",
    "TRIGGER_ACTIONS",
    "registry_triggers",
    "targets_met",
]

# --------------------------------------------------------------------------------------------
# Targets, red lines and triggers: all from the registry
# --------------------------------------------------------------------------------------------

# The first action a manager takes when a KPI's trigger fires (KPI_REFERENCE.md, "action triggers").
TRIGGER_ACTIONS: dict[str, str] = {
    "csat": "Review recent calls for failure patterns.",
    "fcr": "Analyse transfer reasons and routing.",
    "abandonment_rate": "Check queue depth by time of day, adjust shifts or offer callbacks.",
    "nps": "Survey the detractors.",
    "service_level": "Check staffing against the forecast for the missed intervals.",
    "asa": "Check staffing against the forecast for the missed intervals.",
    "occupancy": "Check schedules and breaks: sustained occupancy this high burns agents out.",
    "ces": "Map the journeys with the highest effort and remove steps.",
}
_DEFAULT_ACTION = "Look at the weeks and segments where it fired for a common cause."

# KPI_REFERENCE.md's action triggers, read only while the registry has no ``trigger`` fields
# (kpi.metrics is adding ``KpiDef.trigger`` / ``trigger_change``); once it has them, the
# registry is the only source.
_REFERENCE_LEVELS: dict[str, float] = {"csat": 4.0, "fcr": 0.70, "abandonment_rate": 0.08}
_REFERENCE_CHANGES: dict[str, float] = {"nps": 10.0}


def _registry_has_triggers() -> bool:
    return any(hasattr(k, "trigger") for k in KPIS.values())


def _finite_or_none(value: Any) -> float | None:
    return None if value is None or not math.isfinite(float(value)) else float(value)


def _level(kpi: str) -> float | None:
    if _registry_has_triggers():
        return _finite_or_none(getattr(KPIS.get(kpi), "trigger", None))
    return _REFERENCE_LEVELS.get(kpi)


def _change(kpi: str) -> float | None:
    if _registry_has_triggers():
        return _finite_or_none(getattr(KPIS.get(kpi), "trigger_change", None))
    return _REFERENCE_CHANGES.get(kpi)


def default_targets(kpis: Iterable[str]) -> dict[str, float]:
    """The registry's default target of each KPI (KPI_REFERENCE.md); KPIs without one are left out."""
    out: dict[str, float] = {}
    for kpi in kpis:
        target = _finite_or_none(getattr(KPIS.get(kpi), "target", None))
        if target is not None:
            out[kpi] = target
    return out


def default_red_lines(kpis: Iterable[str] | None = None) -> dict[str, float]:
    """The registry's action-trigger level of each KPI that has one: beyond it a card is red."""
    out: dict[str, float] = {}
    for kpi in KPIS if kpis is None else kpis:
        level = _level(kpi)
        if level is not None:
            out[kpi] = level
    return out


def meets_target(value: float | None, target: float | None, better: str) -> bool | None:
    """Whether ``value`` meets ``target`` (None when either is missing): the one rule the cards
    and the weekly report count "KPIs that met their target" with."""
    v, t = _finite_or_none(value), _finite_or_none(target)
    if v is None or t is None:
        return None
    return v >= t if better == "higher" else v <= t


def targets_met(results: Iterable[bool | None]) -> tuple[int, int]:
    """(met, rated): how many KPIs met their target, of those with both a value and a target."""
    rated = [r for r in results if r is not None]
    return sum(bool(r) for r in rated), len(rated)


@dataclass(frozen=True, slots=True)
class Trigger:
    """An action trigger: fire when a weekly KPI crosses ``threshold``.

    ``op`` is "<" (below), ">" (above), "drop" or "rise" (the latest ``window`` weeks pooled are
    at least ``threshold`` below / above the ``window`` weeks before them).
    """

    kpi: str
    op: Literal["<", ">", "drop", "rise"]
    threshold: float
    action: str
    window: int = 4

    def describe(self) -> str:
        """e.g. "CSAT (mean) below 4.00", "Net promoter score down 10.0+ points"."""
        if self.op in ("drop", "rise"):
            size = fmt_kpi_change(self.kpi, self.threshold, signed=False)
            if size.endswith(" pts"):
                size = size.removesuffix(" pts") + "+ points"
            else:
                size += "+"
            word = "down" if self.op == "drop" else "up"
            return (
                f"{kpi_label(self.kpi)} {word} {size} "
                f"({self.window} weeks vs the {self.window} before)"
            )
        word = "below" if self.op == "<" else "above"
        return f"{kpi_label(self.kpi)} {word} {fmt_kpi(self.kpi, self.threshold)}"


def registry_triggers(kpis: Iterable[str] | None = None) -> tuple[Trigger, ...]:
    """One trigger per registry ``trigger`` (a level, against ``better``) and ``trigger_change``
    (a fall of a higher-is-better KPI, a rise of a lower-is-better one), in registry order."""
    out: list[Trigger] = []
    for kpi in KPIS if kpis is None else kpis:
        if kpi not in KPIS:
            continue
        higher = KPIS[kpi].better == "higher"
        action = TRIGGER_ACTIONS.get(kpi, _DEFAULT_ACTION)
        level = _level(kpi)
        if level is not None:
            out.append(Trigger(kpi, "<" if higher else ">", level, action))
        change = _change(kpi)
        if change is not None:
            out.append(Trigger(kpi, "drop" if higher else "rise", change, action))
    return tuple(out)


#: The registry's triggers (KPI_REFERENCE.md: CSAT < 4.0, FCR < 70%, abandonment > 8%, NPS
#: down 10+ points), as the Overview and the weekly report evaluate them.
DEFAULT_TRIGGERS: tuple[Trigger, ...] = registry_triggers()


_TRIGGER_COLUMNS = [
    "kpi",
    "name",
    "where",
    "rule",
    "weeks",
    "n_weeks",
    "first_week",
    "last_week",
    "latest_value",
    "worst_value",
    "threshold",
    "action",
    "sentence",
]


def _fired_weeks(s: pd.DataFrame, trig: Trigger, min_denominator: float) -> pd.DataFrame:
    """Rows (period, value) of ``s`` on which the trigger fires."""
    s = s.loc[s["denominator"].fillna(0) >= min_denominator] if "denominator" in s else s
    if s.empty:
        return s.assign(shown=[])
    if trig.op == "<":
        hit = s.loc[s["value"] < trig.threshold]
        return hit.assign(shown=hit["value"])
    if trig.op == ">":
        hit = s.loc[s["value"] > trig.threshold]
        return hit.assign(shown=hit["value"])
    # "drop" / "rise": pooled window vs the window before it (weights = responses), so one
    # noisy week of NPS does not fire the trigger on its own.
    w = trig.window
    if len(s) < 2 * w:
        return s.iloc[0:0].assign(shown=[])
    v = s["value"].to_numpy(float)
    n = s["denominator"].to_numpy(float) if "denominator" in s else np.ones(len(s))
    sign = 1.0 if trig.op == "drop" else -1.0
    rows, shown = [], []
    for i in range(2 * w - 1, len(s)):
        recent = slice(i - w + 1, i + 1)
        before = slice(i - 2 * w + 1, i - w + 1)
        a = np.average(v[recent], weights=n[recent])
        b = np.average(v[before], weights=n[before])
        if sign * (b - a) >= trig.threshold:
            rows.append(i)
            shown.append(a - b)
    return s.iloc[rows].assign(shown=shown)


def _format_weeks(periods: Sequence[pd.Timestamp]) -> str:
    """Consecutive weeks collapsed into ranges: "2 Mar – 16 Mar 2026, 6 Apr 2026"."""
    out: list[str] = []
    run: list[pd.Timestamp] = []
    for p in sorted(periods):
        if run and (p - run[-1]).days > 7:
            out.append(_run_text(run))
            run = []
        run.append(p)
    if run:
        out.append(_run_text(run))
    return ", ".join(out)


def _run_text(run: list[pd.Timestamp]) -> str:
    if len(run) == 1:
        return f"w/c {run[0]:%d %b %Y}"
    first = f"{run[0]:%d %b}" if run[0].year == run[-1].year else f"{run[0]:%d %b %Y}"
    return f"w/c {first} – {run[-1]:%d %b %Y}"


def evaluate_triggers(
    weekly: Any,
    by_segment: Any = None,
    triggers: Sequence[Trigger] = DEFAULT_TRIGGERS,
    *,
    segment_column: str = "queue",
    min_denominator: float = 30.0,
) -> pd.DataFrame:
    """Which action triggers fired, when (which weeks), where, and the suggested first action.

    Parameters
    ----------
    weekly : a ``KpiTable`` (or frame) by week for the whole center (where = "All").
    by_segment : optionally the same by week and ``segment_column`` (e.g. queue).
    triggers : the thresholds (default :data:`DEFAULT_TRIGGERS`, from KPI_REFERENCE.md).
    segment_column : the segment column of ``by_segment``.
    min_denominator : weeks with fewer responses / contacts behind the value are ignored.

    Returns
    -------
    pandas.DataFrame
        ``kpi, name, where, rule, weeks, n_weeks, first_week, last_week, latest_value,
        worst_value, threshold, action, sentence``; one row per (trigger, segment) that fired.
        ``weeks`` lists the week starts (consecutive weeks as ranges); for a "drop" trigger
        ``latest_value`` / ``worst_value`` are the changes (e.g. -12 points).
    """
    sources: list[tuple[str, pd.DataFrame]] = []
    if weekly is not None:
        sources.append(("All", frame_of(weekly)))
    if by_segment is not None:
        seg = frame_of(by_segment)
        if segment_column in seg.columns:
            for value, part in seg.groupby(segment_column, sort=True, dropna=True):
                sources.append((f"{segment_column} = {value}", part))
    rows = []
    for trig in triggers:
        for where, frame in sources:
            s = series_of(frame, trig.kpi)
            hit = _fired_weeks(s, trig, min_denominator) if not s.empty else s
            if not hit.empty:
                rows.append(_trigger_row(trig, where, hit))
    out = pd.DataFrame(rows, columns=_TRIGGER_COLUMNS)
    if not out.empty:
        out = out.sort_values(["last_week", "n_weeks"], ascending=[False, False], ignore_index=True)
    return out


def _trigger_row(trig: Trigger, where: str, hit: pd.DataFrame) -> dict[str, Any]:
    """One row of :func:`evaluate_triggers`: the weeks ``trig`` fired on in ``where``."""
    periods = [pd.Timestamp(p) for p in hit["period"]]
    low_is_bad = trig.op in ("<", "drop")
    worst = float(hit["shown"].min()) if low_is_bad else float(hit["shown"].max())
    weeks = _format_weeks(periods)
    value_text = (
        fmt_kpi_change(trig.kpi, worst) if trig.op in ("drop", "rise") else fmt_kpi(trig.kpi, worst)
    )
    sentence = (
        f"{trig.describe()} in {where if where != 'All' else 'the whole center'} "
        f"for {len(periods)} week{'s' if len(periods) != 1 else ''} ({weeks}); "
        f"worst {value_text}. First action: {trig.action[0].lower()}{trig.action[1:]}"
    )
    return {
        "kpi": trig.kpi,
        "name": kpi_label(trig.kpi),
        "where": where,
        "rule": trig.describe(),
        "weeks": weeks,
        "n_weeks": len(periods),
        "first_week": min(periods),
        "last_week": max(periods),
        "latest_value": float(hit["shown"].iloc[-1]),
        "worst_value": worst,
        "threshold": trig.threshold,
        "action": trig.action,
        "sentence": sentence,
    }

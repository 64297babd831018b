"""What would it take? A month of the user's calls restaffed under changed AHT, FCR and volume.

The baseline is the data's last complete month, interval by interval. A scenario changes

* **AHT**: every queue's handle time scaled so the month's average becomes the new AHT;
* **FCR**: unresolved contacts come back. The repeat rate follows FCR through the
  :class:`~kpi.analysis.staffing.data.RepeatModel` read from the data, and the volume with it
  (first contacts stay; repeats change);
* **volume**: first contacts up or down by a share;
* targets (service level, threshold, ASA), shrinkage and the cost of an agent-hour.

Each interval is staffed with Erlang C for the target; Erlang A then gives the abandonment and
service level that staffing reaches when callers hang up (patience estimated per queue). Money:
scheduled agent-hours (agents / (1 - shrinkage) x interval length) x cost per agent-hour.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from kpi import format as fmt
from kpi.analysis.staffing.data import ALL_QUEUES, Workload
from kpi.analysis.staffing.erlang import erlang_a_table, staffing_table
from kpi.errors import AnalysisError

__all__ = [
    "SEED_SCENARIO",
    "Outcome",
    "Scenario",
    "WhatIf",
    "agents_by_time_of_day",
    "cards",
    "comparison_table",
    "evaluate",
    "seed_scenarios",
    "what_if",
]


@dataclass(frozen=True, slots=True)
class Scenario:
    """The inputs of one column of the what-if (None: as the data shows).

    Attributes
    ----------
    name : column title ("Baseline", "Scenario").
    aht_minutes : average handle time (talk + hold + after-call work), minutes.
    fcr : first-contact resolution (0-1).
    volume_change : change in first contacts, e.g. 0.10 for 10% more.
    shrinkage : share of paid agent time not available for calls (0-1).
    service_level : target share answered within ``threshold_seconds`` (None: ASA target only).
    threshold_seconds : service-level threshold.
    asa_seconds : average-speed-of-answer target (None: none).
    cost_per_agent_hour : fully loaded cost of a paid agent-hour.
    currency : symbol or code shown with money.
    """

    name: str = "Scenario"
    aht_minutes: float | None = None
    fcr: float | None = None
    volume_change: float = 0.0
    shrinkage: float = 0.30
    service_level: float | None = 0.80
    threshold_seconds: float = 20.0
    asa_seconds: float | None = None
    cost_per_agent_hour: float = 30.0
    currency: str = "€"

    def __post_init__(self) -> None:
        if self.aht_minutes is not None and not self.aht_minutes > 0:
            raise AnalysisError("The AHT must be more than 0 minutes.")
        if self.fcr is not None and not 0 <= self.fcr <= 1:
            raise AnalysisError(f"FCR must be between 0% and 100%, not {self.fcr:.0%}.")
        if not self.volume_change > -1:
            raise AnalysisError("The volume change must be above -100%.")
        if not 0 <= self.shrinkage < 1:
            raise AnalysisError("Shrinkage must be at least 0% and below 100%.")
        if not self.cost_per_agent_hour >= 0:
            raise AnalysisError("The cost per agent-hour must be 0 or more.")


#: The seed story: a centre cut AHT from 8 to 5 minutes and FCR fell from 78% to 61%.
SEED_SCENARIO: dict[str, dict[str, float]] = {
    "baseline": {"aht_minutes": 8.0, "fcr": 0.78},
    "scenario": {"aht_minutes": 5.0, "fcr": 0.61},
}


def seed_scenarios(common: Scenario | None = None) -> tuple[Scenario, Scenario]:
    """Baseline and scenario of the seed story (AHT 8 -> 5 min, FCR 78% -> 61%), other inputs
    taken from ``common``."""
    base = common or Scenario()
    before, after = SEED_SCENARIO["baseline"], SEED_SCENARIO["scenario"]
    return (
        replace(base, name="Baseline", aht_minutes=before["aht_minutes"], fcr=before["fcr"]),
        replace(base, name="Scenario", aht_minutes=after["aht_minutes"], fcr=after["fcr"]),
    )


@dataclass(frozen=True, slots=True)
class Outcome:
    """A month staffed under one scenario.

    Attributes
    ----------
    name : the scenario's name.
    aht_seconds, fcr : the handle time and FCR used.
    repeat_rate : share of contacts followed by a repeat (from FCR via the repeat model).
    contacts : calls offered in the month; ``repeat_contacts`` of them are repeats.
    agent_hours : scheduled (paid) agent-hours, shrinkage included.
    average_agents, peak_agents : scheduled agents across all queues, mean over the open
        intervals and highest interval.
    service_level : share answered within the threshold with that staffing (Erlang C: nobody
        hangs up), weighted by calls.
    asa_seconds : average speed of answer (Erlang C), weighted by calls.
    occupancy : handle time / agents' phone time.
    service_level_with_abandons : the same staffing when callers hang up (Erlang A): answered
        within the threshold / offered. NaN without queue waits.
    abandonment : share of calls abandoned (Erlang A). NaN without queue waits.
    cost : agent_hours x cost per agent-hour, for the month.
    resolved_contacts : answered contacts x FCR.
    cost_per_resolved : cost / resolved contacts.
    currency : the money unit.
    """

    name: str
    aht_seconds: float
    fcr: float
    repeat_rate: float
    contacts: float
    repeat_contacts: float
    agent_hours: float
    average_agents: float
    peak_agents: float
    service_level: float
    asa_seconds: float
    occupancy: float
    service_level_with_abandons: float
    abandonment: float
    cost: float
    resolved_contacts: float
    cost_per_resolved: float
    currency: str


def _weighted(values: pd.Series | np.ndarray, weights: np.ndarray) -> float:
    v = np.asarray(values, dtype=float)
    ok = np.isfinite(v) & (weights > 0)
    if not ok.any():
        return float("nan")
    return float((v[ok] * weights[ok]).sum() / weights[ok].sum())


def evaluate(workload: Workload, scenario: Scenario) -> tuple[Outcome, pd.DataFrame]:
    """Staff ``workload`` under ``scenario``.

    Returns
    -------
    The month's :class:`Outcome` and the interval table: ``queue``, ``interval_start``,
    ``volume``, ``aht_seconds``, ``agents`` (on the phones), ``scheduled_agents``,
    ``service_level``, ``asa_seconds``, ``occupancy`` (Erlang C), ``abandonment`` and
    ``service_level_with_abandons`` (Erlang A).
    """
    rep = workload.repeats
    fcr = rep.fcr if scenario.fcr is None else float(scenario.fcr)
    factor = rep.volume_factor(fcr) * (1.0 + scenario.volume_change)
    iv = workload.intervals
    aht_scale = 1.0
    if scenario.aht_minutes is not None:
        aht_scale = scenario.aht_minutes * 60.0 / workload.aht_seconds
    volume = iv["volume"].to_numpy(float) * factor
    aht = iv["aht_seconds"].to_numpy(float) * aht_scale
    staff = staffing_table(
        volume,
        workload.interval_minutes,
        aht,
        service_level=scenario.service_level,
        threshold_seconds=scenario.threshold_seconds,
        shrinkage=scenario.shrinkage,
        asa_seconds=scenario.asa_seconds,
    )
    patience = iv["patience_seconds"].to_numpy(float)
    known = np.isfinite(patience) | (patience == np.inf)
    ea = erlang_a_table(
        staff["agents"].to_numpy(),
        volume,
        workload.interval_minutes,
        aht,
        np.where(np.isnan(patience), np.inf, patience),
        scenario.threshold_seconds,
    )
    table = pd.DataFrame(
        {
            "queue": iv["queue"].to_numpy(),
            "interval_start": iv["interval_start"].to_numpy(),
            "volume": volume,
            "aht_seconds": aht,
            "agents": staff["agents"].to_numpy(),
            "scheduled_agents": staff["scheduled_agents"].to_numpy(),
            "service_level": staff["service_level"].to_numpy(),
            "asa_seconds": staff["asa_seconds"].to_numpy(),
            "occupancy": staff["occupancy"].to_numpy(),
            "abandonment": np.where(known, ea["abandonment"].to_numpy(), np.nan),
            "service_level_with_abandons": np.where(known, ea["service_level"].to_numpy(), np.nan),
        }
    )
    return _outcome(workload, scenario, table, fcr), table


def _outcome(workload: Workload, scenario: Scenario, table: pd.DataFrame, fcr: float) -> Outcome:
    hours = workload.interval_minutes / 60.0
    volume = table["volume"].to_numpy(float)
    contacts = float(volume.sum())
    agent_hours = float(table["scheduled_agents"].sum() * hours)
    per_interval = table.groupby("interval_start")["scheduled_agents"].sum()
    abandonment = _weighted(table["abandonment"], volume)
    answered = contacts * (1.0 - (abandonment if math.isfinite(abandonment) else 0.0))
    resolved = answered * fcr
    cost = agent_hours * scenario.cost_per_agent_hour
    traffic = float((volume * table["aht_seconds"].to_numpy(float)).sum())
    phone_time = float((table["agents"].to_numpy(float) * workload.interval_minutes * 60.0).sum())
    repeat_rate = workload.repeats.repeat_rate_at(fcr)
    return Outcome(
        name=scenario.name,
        aht_seconds=_weighted(table["aht_seconds"], volume),
        fcr=fcr,
        repeat_rate=repeat_rate,
        contacts=contacts,
        repeat_contacts=contacts * repeat_rate,
        agent_hours=agent_hours,
        average_agents=float(per_interval.mean()) if len(per_interval) else 0.0,
        peak_agents=float(per_interval.max()) if len(per_interval) else 0.0,
        service_level=_weighted(table["service_level"], volume),
        asa_seconds=_weighted(table["asa_seconds"], volume),
        occupancy=traffic / phone_time if phone_time > 0 else 0.0,
        service_level_with_abandons=_weighted(table["service_level_with_abandons"], volume),
        abandonment=abandonment,
        cost=cost,
        resolved_contacts=resolved,
        cost_per_resolved=cost / resolved if resolved > 0 else float("nan"),
        currency=scenario.currency,
    )


def _money(value: float, currency: str, *, signed: bool = False) -> str:
    # Cents only where they matter: a cost per contact, not a month's bill.
    text = fmt.fmt_money(value, currency, decimals=2 if abs(value) < 100 else 0)
    return "+" + text if signed and value > 0 else text


def _minutes(seconds: float) -> str:
    return fmt.fmt_value(seconds, "min")


def _from_to(before: str, after: str, unit: str = "") -> str:
    """ "8.0 → 5.0 min": the unit once, after the second value."""
    if unit and before.endswith(unit) and after.endswith(unit):
        before = before.removesuffix(unit).rstrip()
    return f"{before} \u2192 {after}"


def _relative(change: float) -> str:
    """A relative change as a signed whole percentage ("+12%", "-3%")."""
    text = fmt.fmt_share(abs(change), 0)
    return ("-" if change < 0 and text.strip("0%") else "+") + text


@dataclass(frozen=True, slots=True)
class WhatIf:
    """Baseline vs scenario for a month of calls.

    Attributes
    ----------
    month : e.g. "June 2026"; ``channel`` and ``queue`` say what was staffed.
    interval_minutes : the staffing interval.
    baseline, scenario : the two outcomes.
    aht_change_only : the scenario's AHT at the baseline's FCR: the saving before repeat calls.
    intervals : per interval: ``queue``, ``interval_start``, then ``baseline_<x>`` and
        ``scenario_<x>`` for volume, agents, scheduled_agents, service_level, abandonment.
    warnings : caveats about the inputs.
    """

    month: str
    channel: str | None
    queue: str
    interval_minutes: int
    baseline: Outcome
    scenario: Outcome
    aht_change_only: Outcome
    intervals: pd.DataFrame
    warnings: tuple[str, ...] = ()

    @property
    def saving_survives(self) -> bool:
        """True when the scenario still costs less than the baseline once repeats are counted."""
        return self.scenario.cost < self.baseline.cost

    @property
    def scope(self) -> str:
        """e.g. "all queues" or "Billing"."""
        return "all queues" if self.queue == ALL_QUEUES else self.queue

    def title(self) -> str:
        """A slide title, e.g. "What would it take: AHT 8.0 → 5.0 min, FCR 78% → 61%"."""
        return f"What would it take: {self._what()} ({self.month}, {self.scope})"

    def _what(self) -> str:
        b, s = self.baseline, self.scenario
        aht = _from_to(_minutes(b.aht_seconds), _minutes(s.aht_seconds), "min")
        fcr = _from_to(fmt.fmt_share(b.fcr, 0), fmt.fmt_share(s.fcr, 0))
        return f"AHT {aht}, FCR {fcr}"

    def summary(self) -> str:
        """The reading for a slide: what the change does to agents, service and money."""
        b, s, a = self.baseline, self.scenario, self.aht_change_only
        cur = s.currency
        what = self._what()
        calls = s.contacts / b.contacts - 1.0 if b.contacts else 0.0
        gross = b.cost - a.cost
        net = b.cost - s.cost
        head = (
            f"{self.month}, {self.scope}: "
            f"{what} changes the calls by {_relative(calls)} and the cost from "
            f"{_money(b.cost, cur)} to {_money(s.cost, cur)} a month "
            f"({fmt.fmt_change(s.agent_hours - b.agent_hours, 'count')} agent-hours)"
        )
        if abs(s.fcr - b.fcr) < 1e-9 or abs(gross) < 1e-9:
            verdict = "."
        elif gross > 0 and net > 0:
            eaten = 1.0 - net / gross
            verdict = (
                f": the AHT saving ({_money(gross, cur)}) survives the repeat calls, which eat "
                f"{fmt.fmt_share(eaten, 0)} of it."
            )
        elif gross > 0:
            verdict = (
                f": the AHT saving ({_money(gross, cur)}) does not survive the repeat calls, "
                f"which cost {_money(-net + gross, cur)}."
            )
        else:
            verdict = "."
        per = (
            " Cost per resolved contact: "
            f"{_from_to(_money(b.cost_per_resolved, cur), _money(s.cost_per_resolved, cur))}."
        )
        return head + verdict + per

    def to_frame(self) -> pd.DataFrame:
        """Tidy comparison: ``measure``, ``unit``, ``baseline``, ``aht_change_only``,
        ``scenario``, ``change`` (scenario - baseline); plain numbers."""
        rows = []
        for measure, unit, attr in _MEASURES:
            b = float(getattr(self.baseline, attr))
            a = float(getattr(self.aht_change_only, attr))
            s = float(getattr(self.scenario, attr))
            rows.append((measure, unit, b, a, s, s - b))
        return pd.DataFrame(
            rows, columns=["measure", "unit", "baseline", "aht_change_only", "scenario", "change"]
        )

    def key_numbers(self) -> tuple[tuple[str, str], ...]:
        """(label, formatted value) pairs for a pinned finding."""
        b, s = self.baseline, self.scenario
        cur = s.currency
        return tuple(
            (
                label,
                _from_to(
                    _display(getattr(b, attr), unit, cur), _display(getattr(s, attr), unit, cur)
                ),
            )
            for label, attr, unit, _ in _CARDS
        )


_MEASURES: tuple[tuple[str, str, str], ...] = (
    ("AHT", "minutes", "aht_seconds"),
    ("FCR", "rate", "fcr"),
    ("Repeat rate", "rate", "repeat_rate"),
    ("Calls", "count", "contacts"),
    ("Repeat calls", "count", "repeat_contacts"),
    ("Agents (average scheduled)", "agents", "average_agents"),
    ("Agents (peak scheduled)", "agents", "peak_agents"),
    ("Agent-hours", "hours", "agent_hours"),
    ("Service level", "rate", "service_level"),
    ("Average speed of answer", "seconds", "asa_seconds"),
    ("Occupancy", "rate", "occupancy"),
    ("Abandonment (callers hang up)", "rate", "abandonment"),
    ("Service level (callers hang up)", "rate", "service_level_with_abandons"),
    ("Cost per month", "currency", "cost"),
    ("Cost per resolved contact", "currency", "cost_per_resolved"),
)


def what_if(workload: Workload, baseline: Scenario, scenario: Scenario) -> WhatIf:
    """Baseline vs scenario (and the scenario's AHT alone) for the workload's month."""
    base, base_table = evaluate(workload, replace(baseline, name=baseline.name or "Baseline"))
    scen, scen_table = evaluate(workload, scenario)
    base_fcr = workload.repeats.fcr if baseline.fcr is None else baseline.fcr
    aht_only, _ = evaluate(workload, replace(scenario, name="AHT change only", fcr=base_fcr))
    cols = ["volume", "agents", "scheduled_agents", "service_level", "abandonment"]
    intervals = pd.concat(
        [
            base_table[["queue", "interval_start"]],
            base_table[cols].add_prefix("baseline_"),
            scen_table[cols].add_prefix("scenario_"),
        ],
        axis=1,
    )
    return WhatIf(
        month=workload.label,
        channel=workload.channel,
        queue=workload.queue,
        interval_minutes=workload.interval_minutes,
        baseline=base,
        scenario=scen,
        aht_change_only=aht_only,
        intervals=intervals,
        warnings=workload.warnings,
    )


def agents_by_time_of_day(result: WhatIf) -> pd.DataFrame:
    """Scheduled agents across queues by time of day, averaged over the month's days.

    Returns
    -------
    Tidy frame: ``time_of_day`` ("HH:MM"), ``scenario`` (the outcome's name), ``agents``.
    """
    iv = result.intervals
    names = {"baseline": result.baseline.name, "scenario": result.scenario.name}
    parts = []
    for prefix, name in names.items():
        per = iv.groupby("interval_start")[f"{prefix}_scheduled_agents"].sum()
        times = pd.DatetimeIndex(per.index)
        days = max(len(set(times.normalize())), 1)
        by_time = per.groupby(times.strftime("%H:%M")).sum() / days
        parts.append(
            pd.DataFrame(
                {"time_of_day": by_time.index, "scenario": name, "agents": by_time.to_numpy()}
            )
        )
    return pd.concat(parts, ignore_index=True)


def _display(value: float, unit: str, currency: str, *, signed: bool = False) -> str:
    """A value (or with ``signed`` a change) of one measure, through :mod:`kpi.format`."""
    value = float(value)
    if not math.isfinite(value):
        return fmt.NA
    if unit == "currency":
        return _money(value, currency, signed=signed)
    # Agents have no unit of their own: kpi.format's generic number (3 significant digits).
    shown = {"minutes": "min", "seconds": "s", "rate": "rate", "hours": "count"}.get(unit, unit)
    if signed:
        return fmt.fmt_change(value, "seconds" if shown in ("min", "s") else shown)
    return fmt.fmt_value(value, shown)


def comparison_table(result: WhatIf) -> pd.DataFrame:
    """:meth:`WhatIf.to_frame` as display text: ``measure``, the three columns named after the
    outcomes, and ``change`` (scenario vs baseline)."""
    frame = result.to_frame()
    cur = result.scenario.currency
    out = pd.DataFrame({"measure": frame["measure"]})
    columns = {
        result.baseline.name: "baseline",
        "AHT change only": "aht_change_only",
        result.scenario.name: "scenario",
    }
    for title, col in columns.items():
        out[title] = [_display(v, u, cur) for v, u in zip(frame[col], frame["unit"], strict=True)]
    out["change"] = [
        _display(v, u, cur, signed=True)
        for v, u in zip(frame["change"], frame["unit"], strict=True)
    ]
    return out


_CARDS: tuple[tuple[str, str, str, str], ...] = (
    # label, attribute, unit, which way is good ("inverse": a rise shows red)
    ("Agents (average scheduled)", "average_agents", "agents", "inverse"),
    ("Service level", "service_level", "rate", "normal"),
    ("Abandonment (callers hang up)", "abandonment", "rate", "inverse"),
    ("Cost per month", "cost", "currency", "inverse"),
    ("Cost per resolved contact", "cost_per_resolved", "currency", "inverse"),
)


def cards(result: WhatIf) -> list[tuple[str, list[dict[str, str | None]]]]:
    """Metric cards for the page: for each outcome (baseline, AHT change only, scenario) its
    title and a list of ``{"label", "value", "delta", "delta_color"}`` (delta vs baseline)."""
    cur = result.scenario.currency
    out = []
    for outcome in (result.baseline, result.aht_change_only, result.scenario):
        items: list[dict[str, str | None]] = []
        for label, attr, unit, colour in _CARDS:
            value = float(getattr(outcome, attr))
            change = value - float(getattr(result.baseline, attr))
            items.append(
                {
                    "label": label,
                    "value": _display(value, unit, cur),
                    "delta": None
                    if outcome is result.baseline
                    else _display(change, unit, cur, signed=True),
                    # No change reads grey, not as a red or green arrow.
                    "delta_color": colour if abs(change) > 1e-9 else "off",
                }
            )
        out.append((outcome.name, items))
    return out

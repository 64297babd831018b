"""The Overview: the KPIs that matter against their targets, and the warnings a manager needs.

Everything here works on ``KpiTable`` objects from :func:`kpi.engine.compute` (or on their tidy
``frame``: columns ``period, <by...>, kpi, value, numerator, denominator, ci_low, ci_high``), so
the cards, triggers and signals always agree with ``kpi compute`` on the same data.

* :func:`kpi_cards` — value of the latest complete period, change vs the previous one, sparkline,
  target and a red / amber / green status.
* :func:`evaluate_triggers` — the action triggers of ``KPI_REFERENCE.md`` (CSAT < 4.0, FCR < 70%,
  abandonment > 8%, NPS down 10+ points): when, where, and the suggested first action.
* :func:`detect_signals` / :func:`detect_transfer_gaming` — conflicting signals and gaming
  ("AHT improved while FCR and CSAT declined"), each with its evidence and dates.
* :func:`breakdown_table`, :func:`aht_by_topic` — every KPI by segment; AHT against topic norms.
* :func:`topic_pareto`, :func:`topic_spikes` — contact reasons: structural share vs incident.
* :func:`money` — cost per contact and the cost of repeat contacts.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import pandas as pd
from scipy import stats

__all__ = [
    "CORE_KPIS",
    "DEFAULT_CARD_KPIS",
    "FALLBACK_CARD_KPIS",
    "DEFAULT_TRIGGERS",
    "SUPPORTING_KPIS",
    "TOPIC_NORMS",
    "KpiCard",
    "MoneyResult",
    "Signal",
    "TopicNorm",
    "Trigger",
    "aht_by_topic",
    "breakdown_table",
    "cards_frame",
    "cards_reading",
    "default_card_kpis",
    "default_targets",
    "detect_signals",
    "detect_transfer_gaming",
    "evaluate_triggers",
    "format_change",
    "kpi_cards",
    "money",
    "period_end",
    "rag_status",
    "segment_columns",
    "signal_kpis",
    "signal_numbers",
    "signals_frame",
    "topic_norm",
    "topic_pareto",
    "topic_spikes",
    "trend_reading",
]

CORE_KPIS: tuple[str, ...] = ("csat", "nps", "fcr", "ces", "abandonment_rate")
SUPPORTING_KPIS: tuple[str, ...] = ("service_level", "aht")
DEFAULT_CARD_KPIS: tuple[str, ...] = CORE_KPIS + SUPPORTING_KPIS
#: Stand-ins when the data lacks core KPIs (a daily report with no surveys): access first.
FALLBACK_CARD_KPIS: tuple[str, ...] = (
    "contacts",
    "asa",
    "abandonment_rate",
    "service_level",
    "aht",
    "transfer_rate",
    "repeat_contact_rate",
)


def default_card_kpis(unavailable: Iterable[str], *, minimum: int = 5) -> list[str]:
    """The default cards this data can fill: the core set minus what it lacks, topped up.

    A daily 3-1-1 report has no CSAT, NPS, FCR or CES: rather than four "n/a" cards the
    Overview opens on what the data has (volume, ASA, abandonment, service level), and says
    which core KPIs are missing and why.
    """
    missing = set(unavailable)
    cards = [k for k in DEFAULT_CARD_KPIS if k not in missing]
    for k in FALLBACK_CARD_KPIS:
        if len(cards) >= minimum:
            break
        if k not in missing and k not in cards:
            cards.append(k)
    return cards


Status = Literal["green", "amber", "red", "none"]

# Fallback metadata when the registry (kpi.metrics) does not know a KPI id.
_FALLBACK_UNIT: dict[str, str] = {
    "csat": "score",
    "nps": "nps",
    "ces": "score",
    "aht": "seconds",
    "asa": "seconds",
    "contacts": "count",
    "cost_per_contact": "currency",
}
_LOWER_IS_BETTER = {
    "ces",
    "aht",
    "asa",
    "abandonment_rate",
    "short_abandon_rate",
    "transfer_rate",
    "escalation_rate",
    "blocked_rate",
    "repeat_contact_rate",
    "cost_per_contact",
    "talk_time",
    "hold_time",
    "acw_time",
    "frt",
}


def _registry() -> Mapping[str, Any]:
    try:
        from kpi.metrics import KPIS
    except ImportError:  # pragma: no cover - the registry is part of the package
        return {}
    return KPIS


def _meta(kpi: str, settings: Any = None) -> tuple[str, str, str]:
    """(name, unit, better) of a KPI id, from the registry with safe fallbacks."""
    k = _registry().get(kpi)
    if k is not None:
        better = str(k.better)
        if settings is not None:
            from kpi.metrics import better as better_under

            better = better_under(kpi, settings)
        return str(k.name), str(k.unit), better
    unit = _FALLBACK_UNIT.get(kpi, "rate")
    better = "lower" if kpi in _LOWER_IS_BETTER else "higher"
    return kpi.replace("_", " "), unit, better


def _name(kpi: str) -> str:
    return _meta(kpi)[0]


def _fmt(kpi: str, value: float) -> str:
    """The registry's formatting of a value (``nan`` -> an em dash)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    k = _registry().get(kpi)
    if k is not None:
        return str(k.format(value))
    unit = _meta(kpi)[1]
    if unit == "rate":
        return f"{value:.1%}"
    if unit == "seconds":
        return f"{value:.0f} s"
    if unit == "nps":
        return f"{value:+.0f}"
    if unit == "count":
        return f"{value:,.0f}"
    return f"{value:.2f}"


def format_change(kpi: str, change: float) -> str:
    """A change in the KPI's own unit: "+2.1 pts" for rates, "-35 s", "+0.12", "+3 pts" for NPS."""
    if change is None or math.isnan(change):
        return ""
    unit = _meta(kpi)[1]
    if unit == "rate":
        return f"{change * 100:+.1f} pts"
    if unit == "nps":
        return f"{change:+.1f} pts"
    if unit == "seconds":
        # Same scale as the registry's format: minutes from 100 s on.
        return f"{change:+.1f} s" if abs(change) < 100 else f"{change / 60:+.1f} min"
    if unit == "count":
        return f"{change:+,.0f}"
    if unit == "currency":
        return f"{change:+,.2f}"
    return f"{change:+.2f}"


def _frame(table: Any) -> pd.DataFrame:
    """The tidy frame of a ``KpiTable`` (or the frame itself), with ``period`` as datetime."""
    frame = table.frame if hasattr(table, "frame") else table
    if "period" in frame.columns and not pd.api.types.is_datetime64_any_dtype(frame["period"]):
        frame = frame.assign(period=pd.to_datetime(frame["period"], errors="coerce"))
    return frame


def _unavailable(table: Any) -> dict[str, str]:
    return dict(getattr(table, "unavailable", {}) or {})


def _series(frame: pd.DataFrame, kpi: str) -> pd.DataFrame:
    out = frame.loc[frame["kpi"] == kpi].sort_values("period")
    return out.loc[out["value"].notna()]


# --------------------------------------------------------------------------------------------
# Targets and status
# --------------------------------------------------------------------------------------------

# Where an action trigger exists, it is the red line; between it and the target is amber.
_RED_AT: dict[str, float] = {"csat": 4.0, "fcr": 0.70, "abandonment_rate": 0.08}


def default_targets(kpis: Iterable[str]) -> dict[str, float]:
    """The registry's default target of each KPI (KPI_REFERENCE.md); KPIs without one are left out."""
    out: dict[str, float] = {}
    for kpi in kpis:
        k = _registry().get(kpi)
        target = getattr(k, "target", None) if k is not None else None
        if target is not None and not (isinstance(target, float) and math.isnan(target)):
            out[kpi] = float(target)
    return out


def rag_status(
    value: float, target: float | None, better: str, red_at: float | None = None
) -> Status:
    """Red / amber / green of ``value`` against ``target``.

    Green when the target is met; red beyond ``red_at`` (the action trigger) when given, else
    beyond 10% of the target's size (10 points for targets near zero, such as NPS); amber between.
    """
    if target is None or value is None or math.isnan(value) or math.isnan(target):
        return "none"
    sign = 1.0 if better == "higher" else -1.0
    if sign * (value - target) >= 0:
        return "green"
    if red_at is None or sign * (target - red_at) <= 0:
        tolerance = max(abs(target) * 0.10, 10.0 if abs(target) >= 20 else 0.0)
        red_at = target - sign * tolerance
    return "amber" if sign * (value - red_at) >= 0 else "red"


def period_end(period: pd.Timestamp, grain: str) -> pd.Timestamp:
    """The last day of a period that starts at ``period`` (weeks start on Monday)."""
    if grain == "week":
        return period + pd.Timedelta(days=6)
    if grain == "month":
        return period + pd.offsets.MonthEnd(0)
    return period.normalize()


@dataclass(frozen=True, slots=True)
class KpiCard:
    """One KPI card of the Overview.

    Attributes
    ----------
    kpi, name : registry id and display name.
    value, previous, change : latest complete period, the one before, and their difference
        (KPI units; rates as fractions). NaN when not computable.
    value_text, change_text : formatted for the card ("78.1%", "-2.3 pts").
    period, previous_period : start dates of the two periods.
    target, target_text : the target used (NaN / "" when none).
    status : "green", "amber", "red" or "none".
    better : "higher" or "lower" (colours the change).
    sparkline : the KPI's values per period, oldest first (NaN dropped).
    help : formula, definition and settings used (the card's hover text).
    unavailable : why the KPI cannot be computed on this data ("" when it can).
    """

    kpi: str
    name: str
    value: float
    previous: float
    change: float
    value_text: str
    change_text: str
    period: pd.Timestamp | None
    previous_period: pd.Timestamp | None
    target: float
    target_text: str
    status: Status
    better: str
    sparkline: tuple[float, ...]
    help: str
    unavailable: str = ""

    @property
    def delta_color(self) -> str:
        """``st.metric`` delta colour: a fall is good when lower is better."""
        return "normal" if self.better == "higher" else "inverse"

    @property
    def status_icon(self) -> str:
        """A traffic-light emoji for the status."""
        return {"green": "🟢", "amber": "🟠", "red": "🔴"}.get(self.status, "⚪")

    def metric_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for ``st.metric`` (label, value, delta, sparkline, help...)."""
        label = f"{self.status_icon} {self.name}"
        if self.unavailable:
            return {"label": label, "value": "n/a", "help": self.help}
        delta_description = f"vs {self.previous_period:%d %b}" if self.previous_period else None
        return {
            "label": label,
            "value": self.value_text,
            "delta": self.change_text or None,
            "delta_color": self.delta_color,
            "help": self.help,
            "chart_data": list(self.sparkline) if len(self.sparkline) > 1 else None,
            "chart_type": "line",
            "border": True,
            "delta_description": delta_description,
        }

    def to_dict(self) -> dict[str, Any]:
        """Plain values for a table or a finding."""
        return {
            "kpi": self.kpi,
            "name": self.name,
            "value": self.value,
            "previous": self.previous,
            "change": self.change,
            "target": self.target,
            "status": self.status,
            "period": self.period,
            "unavailable": self.unavailable,
        }


def _help_text(kpi: str, settings_text: str, target_text: str, table: Any = None) -> str:
    k = _registry().get(kpi)
    parts = []
    describe = getattr(table, "describe", None)
    if k is not None and describe is not None:
        # The engine's own description: formula plus the variant and settings it used.
        if getattr(k, "definition", ""):
            parts.append(str(k.definition))
        parts.append(f"**Formula:** {describe(kpi)}")
    elif k is not None:
        if getattr(k, "definition", ""):
            parts.append(str(k.definition))
        if getattr(k, "formula", ""):
            parts.append(f"**Formula:** {k.formula}")
    if target_text:
        parts.append(f"**Target:** {target_text}")
    if settings_text:
        parts.append(f"**Settings:** {settings_text}")
    return "\n\n".join(parts)


def _wait_tail(frame: pd.DataFrame, period: pd.Timestamp) -> str:
    """ "Median 3.0 s · 90th percentile 52.0 s ..." for ``period``, or "" without them."""
    if "kpi" not in frame.columns:
        return ""
    got = {}
    for kpi in ("asa_median", "asa_p90"):
        s = _series(frame, kpi)
        s = s.loc[s["period"] == period] if not s.empty else s
        if not s.empty and math.isfinite(float(s["value"].iloc[-1])):
            got[kpi] = _fmt(kpi, float(s["value"].iloc[-1]))
    if len(got) < 2:
        return ""
    return (
        f"**Median wait** {got['asa_median']} · **90th percentile** {got['asa_p90']} in the "
        "same period: a few long waits pull the mean (ASA) above what most callers see."
    )


def kpi_cards(
    table: Any,
    kpis: Sequence[str] = DEFAULT_CARD_KPIS,
    targets: Mapping[str, float] | None = None,
    *,
    grain: str | None = None,
    data_end: pd.Timestamp | None = None,
    settings: Any = None,
    red_at: Mapping[str, float] | None = None,
    sparkline_points: int = 26,
) -> list[KpiCard]:
    """One card per KPI: latest complete period vs the previous one, against the target.

    Parameters
    ----------
    table : a ``KpiTable`` (or its frame) by period without segments.
    kpis : KPI ids, in card order.
    targets : target per KPI id (defaults to :func:`default_targets`).
    grain : the table's grain ("day", "week", "month"); read from the table when omitted.
    data_end : last timestamp of the data; a period that ends after it is incomplete and is not
        used as the card's value (it would compare half a week with a full one).
    settings : the ``kpi.metrics.Settings`` used (its ``describe()`` goes into the hover text;
        the CES scale setting decides whether lower or higher effort is better).
    red_at : action-trigger thresholds that mark red (default CSAT 4.0, FCR 70%, abandonment 8%).
    sparkline_points : number of latest periods in the sparkline.

    Returns
    -------
    list[KpiCard]
        In ``kpis`` order; unavailable KPIs carry the reason (never a zero).
    """
    frame = _frame(table)
    grain = grain or getattr(table, "grain", "week")
    unavailable = _unavailable(table)
    targets = dict(default_targets(kpis)) | dict(targets or {})
    red = dict(_RED_AT) | dict(red_at or {})
    settings_text = settings.describe() if settings is not None else ""
    cards = []
    for kpi in kpis:
        name, _unit, better = _meta(kpi, settings)
        target = float(targets.get(kpi, float("nan")))
        target_text = "" if math.isnan(target) else ("≥ " if better == "higher" else "≤ ")
        if target_text:
            target_text += _fmt(kpi, target)
        s = _series(frame, kpi) if "kpi" in frame.columns else frame.iloc[0:0]
        if kpi in unavailable or s.empty:
            reason = unavailable.get(kpi, "no values in the selected period")
            cards.append(
                KpiCard(
                    kpi,
                    name,
                    float("nan"),
                    float("nan"),
                    float("nan"),
                    "n/a",
                    "",
                    None,
                    None,
                    target,
                    target_text,
                    "none",
                    better,
                    (),
                    f"Not available: {reason}",
                    unavailable=reason,
                )
            )
            continue
        complete = s
        if data_end is not None and grain in ("day", "week", "month"):
            last_day = pd.Timestamp(data_end).normalize()
            ends = s["period"].map(lambda p: period_end(p, grain))
            complete = s.loc[ends <= last_day]
            if complete.empty:
                complete = s
        value = float(complete["value"].iloc[-1])
        period = pd.Timestamp(complete["period"].iloc[-1])
        if len(complete) > 1:
            previous = float(complete["value"].iloc[-2])
            previous_period: pd.Timestamp | None = pd.Timestamp(complete["period"].iloc[-2])
        else:
            previous, previous_period = float("nan"), None
        change = value - previous
        status = rag_status(value, None if math.isnan(target) else target, better, red.get(kpi))
        spark = tuple(float(v) for v in s["value"].tail(sparkline_points))
        help_text = _help_text(kpi, settings_text, target_text, table)
        if kpi == "asa":  # the mean hides the tail: median and P90 of the same period beside it
            tail = _wait_tail(frame, period)
            if tail:
                help_text = f"{tail}\n\n{help_text}"
        cards.append(
            KpiCard(
                kpi=kpi,
                name=name,
                value=value,
                previous=previous,
                change=change,
                value_text=_fmt(kpi, value),
                change_text=format_change(kpi, change),
                period=period,
                previous_period=previous_period,
                target=target,
                target_text=target_text,
                status=status,
                better=better,
                sparkline=spark,
                help=help_text,
            )
        )
    return cards


def cards_frame(cards: Sequence[KpiCard]) -> pd.DataFrame:
    """The cards as a table: ``kpi, name, period, value, previous, change, target, status,
    unavailable`` (KPI units; rates as fractions)."""
    cols = ["kpi", "name", "period", "value", "previous", "change", "target", "status"]
    rows = [{k: c.to_dict()[k] for k in cols} | {"unavailable": c.unavailable} for c in cards]
    return pd.DataFrame(rows, columns=[*cols, "unavailable"])


def cards_reading(cards: Sequence[KpiCard]) -> str:
    """One sentence: how many KPIs meet their target and which are red / amber."""
    rated = [c for c in cards if c.status != "none"]
    if not rated:
        return "No KPI has both a value and a target on this data."
    met = sum(c.status == "green" for c in rated)
    when = next((c.period for c in rated if c.period is not None), None)
    sentence = f"{met} of {len(rated)} KPIs with a target meet it"
    if when is not None:
        sentence += f" in the period starting {when:%d %b %Y}"
    red = [f"{c.name} ({c.value_text} vs {c.target_text})" for c in rated if c.status == "red"]
    amber = [f"{c.name} ({c.value_text})" for c in rated if c.status == "amber"]
    if red:
        sentence += f"; needs action: {', '.join(red)}"
    if amber:
        sentence += f"; close to the line: {', '.join(amber)}"
    return sentence + "."


def trend_reading(
    table: Any,
    kpi: str,
    target: float | None = None,
    window: int = 4,
    segment: Mapping[str, str] | None = None,
) -> str:
    """One sentence on a KPI's trend: the first ``window`` periods vs the last ``window``.

    Periods are pooled with their denominators; ``segment`` picks one segment of a ``by`` table.
    """
    frame = _frame(table)
    for col, value in (segment or {}).items():
        frame = frame.loc[frame[col].astype(str) == str(value)]
    s = _series(frame, kpi)
    if s.empty:
        return f"{_name(kpi)} has no values on this data."
    w = max(1, min(window, len(s) // 2))
    first = s.head(w)
    last = s.tail(w)

    def pooled(part: pd.DataFrame) -> float:
        den = part["denominator"].to_numpy(float) if "denominator" in part else None
        if den is None or not np.isfinite(den).all() or den.sum() <= 0:
            return float(part["value"].mean())
        return float(np.average(part["value"].to_numpy(float), weights=den))

    a, b = pooled(first), pooled(last)
    p0, p1 = pd.Timestamp(s["period"].iloc[0]), pd.Timestamp(s["period"].iloc[-1])
    direction = "rose" if b > a else "fell" if b < a else "held"
    sentence = (
        f"{_name(kpi)} {direction} from {_fmt(kpi, a)} (first {w} periods from {p0:%d %b %Y}) "
        f"to {_fmt(kpi, b)} (last {w}, to {p1:%d %b %Y})"
    )
    if target is not None and not math.isnan(target):
        better = _meta(kpi)[2]
        ok = b >= target if better == "higher" else b <= target
        sentence += f", {'meeting' if ok else 'missing'} the target of {_fmt(kpi, target)}"
    return sentence + "."


def segment_columns(frame: pd.DataFrame, max_values: int = 500) -> list[str]:
    """Segment columns worth breaking down by: present with 2..``max_values`` distinct values."""
    out = []
    for col in ("queue", "channel", "topic", "team", "agent_id"):
        if col in frame.columns:
            n = int(frame[col].nunique(dropna=True))
            if 1 < n <= max_values:
                out.append(col)
    return out


# --------------------------------------------------------------------------------------------
# Breakdowns and AHT by topic
# --------------------------------------------------------------------------------------------


def _display_scale(kpi: str) -> tuple[float, str]:
    unit = _meta(kpi)[1]
    return {
        "rate": (100.0, "%"),
        "seconds": (1.0, "s"),
        "nps": (1.0, "pts"),
        "currency": (1.0, "cost"),
    }.get(unit, (1.0, ""))


def breakdown_table(
    table: Any, kpis: Sequence[str] | None = None, *, display: bool = True
) -> pd.DataFrame:
    """Every KPI per segment, one row per segment value (a table built with ``grain="all"``).

    Parameters
    ----------
    table : a ``KpiTable`` (or its frame) computed with ``by=(segment,)`` and grain "all".
    kpis : the KPI columns, in order (default: every KPI present).
    display : column names with units ("FCR (%)") and rates in percent, ready for
        ``st.dataframe``; ``False`` keeps the KPI ids and raw values.

    Returns
    -------
    pandas.DataFrame
        The segment column(s), then one column per KPI; sorted by contacts when present.
    """
    frame = _frame(table)
    by = [c for c in getattr(table, "by", ()) or ()] or [
        c
        for c in frame.columns
        if c not in {"period", "kpi", "value", "numerator", "denominator", "ci_low", "ci_high"}
    ]
    present = list(dict.fromkeys(frame["kpi"].tolist()))
    order = [k for k in (kpis or present) if k in present]
    if kpis is not None and "contacts" in present and "contacts" not in order:
        order = ["contacts", *order]
    sub = frame.loc[frame["kpi"].isin(order)]
    wide = sub.pivot_table(index=by, columns="kpi", values="value", aggfunc="first", dropna=False)
    wide = wide.reindex(columns=order).reset_index()
    wide.columns.name = None
    if "contacts" in wide.columns:
        wide = wide.sort_values("contacts", ascending=False, ignore_index=True)
    if not display:
        return wide
    renamed: dict[str, str] = {}
    for kpi in order:
        scale, suffix = _display_scale(kpi)
        wide[kpi] = wide[kpi].astype("float64") * scale
        renamed[kpi] = f"{_name(kpi)} ({suffix})" if suffix else _name(kpi)
    return wide.rename(columns=renamed)


@dataclass(frozen=True, slots=True)
class TopicNorm:
    """A handle-time norm for a kind of contact (KPI_REFERENCE.md, "AHT by topic")."""

    name: str
    keywords: tuple[str, ...]
    low_seconds: float
    high_seconds: float


# Checked in order: "billing dispute" is a dispute, not a billing question.
TOPIC_NORMS: tuple[TopicNorm, ...] = (
    TopicNorm("disputes", ("dispute", "chargeback", "complaint"), 600.0, 900.0),
    TopicNorm("password reset", ("password", "reset", "login", "log in"), 120.0, 180.0),
    TopicNorm("billing", ("billing", "bill", "invoice", "payment"), 300.0, 420.0),
    TopicNorm("technical", ("technical", "tech", "troubleshoot", "outage"), 480.0, 720.0),
)


def topic_norm(topic: str, norms: Sequence[TopicNorm] = TOPIC_NORMS) -> TopicNorm | None:
    """The AHT norm whose keyword appears in ``topic`` (case-insensitive), or None."""
    text = str(topic).casefold()
    for norm in norms:
        if any(word in text for word in norm.keywords):
            return norm
    return None


def aht_by_topic(
    table: Any,
    overall_target_seconds: float | None = None,
    norms: Sequence[TopicNorm] = TOPIC_NORMS,
) -> pd.DataFrame:
    """AHT per topic against topic-specific norms (never one target for all).

    Parameters
    ----------
    table : a ``KpiTable`` (or frame) with ``by=("topic",)``, grain "all", containing ``aht``.
    overall_target_seconds : the AHT target used for topics no norm matches.
    norms : the keyword norms (default :data:`TOPIC_NORMS`).

    Returns
    -------
    pandas.DataFrame
        ``topic, handled, aht_seconds, aht_minutes, norm, norm_low_minutes, norm_high_minutes,
        status`` ("within", "above", "below" the norm, "above target" / "within target" for
        unmatched topics, "" without a target), one row per topic, longest AHT first.
    """
    frame = _frame(table)
    rows = frame.loc[frame["kpi"] == "aht"]
    out = []
    for _, r in rows.iterrows():
        topic = str(r["topic"])
        aht = float(r["value"])
        norm = topic_norm(topic, norms)
        if norm is not None:
            low, high, label = norm.low_seconds, norm.high_seconds, norm.name
            if math.isnan(aht):
                status = ""
            elif aht > high:
                status = "above"
            elif aht < low:
                status = "below"
            else:
                status = "within"
        else:
            label = "overall target"
            low = float("nan")
            high = float(overall_target_seconds) if overall_target_seconds else float("nan")
            if math.isnan(high) or math.isnan(aht):
                status = ""
            else:
                status = "above target" if aht > high else "within target"
        out.append(
            {
                "topic": topic,
                "handled": float(r.get("denominator", float("nan"))),
                "aht_seconds": aht,
                "aht_minutes": aht / 60.0,
                "norm": label,
                "norm_low_minutes": low / 60.0,
                "norm_high_minutes": high / 60.0,
                "status": status,
            }
        )
    result = pd.DataFrame(
        out,
        columns=[
            "topic",
            "handled",
            "aht_seconds",
            "aht_minutes",
            "norm",
            "norm_low_minutes",
            "norm_high_minutes",
            "status",
        ],
    )
    return result.sort_values("aht_seconds", ascending=False, ignore_index=True)


# --------------------------------------------------------------------------------------------
# Action triggers
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Trigger:
    """An action trigger: fire when a weekly KPI crosses ``threshold``.

    ``op`` is "<" (below), ">" (above) or "drop" (the latest ``window`` weeks pooled are at least
    ``threshold`` below the ``window`` weeks before them).
    """

    kpi: str
    op: Literal["<", ">", "drop"]
    threshold: float
    action: str
    window: int = 4

    def describe(self) -> str:
        """e.g. "CSAT below 4.00", "NPS down 10+ points"."""
        if self.op == "drop":
            size = format_change(self.kpi, self.threshold).lstrip("+").replace(" pts", "")
            return (
                f"{_name(self.kpi)} down {size}+ points "
                f"({self.window} weeks vs the {self.window} before)"
            )
        word = "below" if self.op == "<" else "above"
        return f"{_name(self.kpi)} {word} {_fmt(self.kpi, self.threshold)}"


DEFAULT_TRIGGERS: tuple[Trigger, ...] = (
    Trigger("csat", "<", 4.0, "Review recent calls for failure patterns."),
    Trigger("fcr", "<", 0.70, "Analyse transfer reasons and routing."),
    Trigger(
        "abandonment_rate",
        ">",
        0.08,
        "Check queue depth by time of day, adjust shifts or offer callbacks.",
    ),
    Trigger("nps", "drop", 10.0, "Survey the detractors."),
)

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
    # "drop": pooled window vs the window before it (weights = responses), so one noisy week of
    # NPS does not fire the trigger on its own.
    w = trig.window
    if len(s) < 2 * w:
        return s.iloc[0:0].assign(shown=[])
    v = s["value"].to_numpy(float)
    n = s["denominator"].to_numpy(float) if "denominator" in s else np.ones(len(s))
    rows, shown = [], []
    for i in range(2 * w - 1, len(s)):
        recent = slice(i - w + 1, i + 1)
        before = slice(i - 2 * w + 1, i - w + 1)
        a = np.average(v[recent], weights=n[recent])
        b = np.average(v[before], weights=n[before])
        if b - a >= trig.threshold:
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
        sources.append(("All", _frame(weekly)))
    if by_segment is not None:
        seg = _frame(by_segment)
        if segment_column in seg.columns:
            for value, part in seg.groupby(segment_column, sort=True, dropna=True):
                sources.append((f"{segment_column} = {value}", part))
    rows = []
    for trig in triggers:
        for where, frame in sources:
            s = _series(frame, trig.kpi)
            if s.empty:
                continue
            hit = _fired_weeks(s, trig, min_denominator)
            if hit.empty:
                continue
            periods = [pd.Timestamp(p) for p in hit["period"]]
            worst = (
                float(hit["shown"].min()) if trig.op in ("<", "drop") else float(hit["shown"].max())
            )
            latest = float(hit["shown"].iloc[-1])
            weeks = _format_weeks(periods)
            value_text = (
                format_change(trig.kpi, worst) if trig.op == "drop" else _fmt(trig.kpi, worst)
            )
            sentence = (
                f"{trig.describe()} in {where if where != 'All' else 'the whole center'} "
                f"for {len(periods)} week{'s' if len(periods) != 1 else ''} ({weeks}); "
                f"worst {value_text}. First action: {trig.action[0].lower()}{trig.action[1:]}"
            )
            rows.append(
                {
                    "kpi": trig.kpi,
                    "name": _name(trig.kpi),
                    "where": where,
                    "rule": trig.describe(),
                    "weeks": weeks,
                    "n_weeks": len(periods),
                    "first_week": min(periods),
                    "last_week": max(periods),
                    "latest_value": latest,
                    "worst_value": worst,
                    "threshold": trig.threshold,
                    "action": trig.action,
                    "sentence": sentence,
                }
            )
    out = pd.DataFrame(rows, columns=_TRIGGER_COLUMNS)
    if not out.empty:
        out = out.sort_values(["last_week", "n_weeks"], ascending=[False, False], ignore_index=True)
    return out


# --------------------------------------------------------------------------------------------
# Conflicting signals and gaming
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Signal:
    """A conflicting signal or a gaming pattern, with its evidence.

    Attributes
    ----------
    kind : "rushed_calls" (AHT down while FCR / CSAT fall), "transfer_without_resolution"
        (AHT down while transfers rise, or an agent/queue with low AHT and high transfers),
        "abandonment_without_wait" (abandonment up while ASA is flat).
    segment : where ("queue = Tech Support", "agent_id = A017", "All").
    sentence : the plain-language reading with the numbers and dates.
    evidence : the numbers behind it (before/after means, changes, p-values, periods).
    start, end : the period the pattern covers (the change week to the last week).
    """

    kind: str
    segment: str
    sentence: str
    evidence: dict[str, Any] = field(default_factory=dict, hash=False)
    start: pd.Timestamp | None = None
    end: pd.Timestamp | None = None

    def to_dict(self) -> dict[str, Any]:
        """One row of :func:`signals_frame`."""
        return {
            "kind": self.kind,
            "segment": self.segment,
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence,
        }


def signal_numbers(signal: Signal) -> tuple[tuple[str, str], ...]:
    """The key figures of a signal for a pinned finding: each KPI before -> after, with p."""
    ev = signal.evidence
    out: list[tuple[str, str]] = []
    for kpi in signal_kpis(signal):
        name = _meta(kpi, None)[0]
        text = f"{_fmt(kpi, float(ev[f'{kpi}_before']))} → {_fmt(kpi, float(ev[f'{kpi}_after']))}"
        p = ev.get(f"{kpi}_p_value")
        if p is not None and math.isfinite(float(p)):
            text += f" (p = {float(p):.2g})"
        out.append((name, text))
    for key in ev:  # a segment against its peers (transfer gaming)
        if key.endswith("_peer_median"):
            kpi = key.removesuffix("_peer_median")
            if kpi in ev:
                mine, peers = _fmt(kpi, float(ev[kpi])), _fmt(kpi, float(ev[key]))
                out.append((_meta(kpi, None)[0], f"{mine} (median peer {peers})"))
    if "change_week" in ev:
        out.append(("From the week of", f"{pd.Timestamp(ev['change_week']):%d %b %Y}"))
    elif "p_value" in ev:
        out.append(("p (one-sided, Bonferroni over peers)", f"{float(ev['p_value']):.2g}"))
    return tuple(out)


def signal_kpis(signal: Signal) -> list[str]:
    """The KPIs a signal is about, in the order its evidence names them."""
    ev = signal.evidence
    return [
        k.removesuffix("_before")
        for k in ev
        if k.endswith("_before") and k != "n_weeks_before" and f"{k[:-7]}_after" in ev
    ]


def signals_frame(signals: Sequence[Signal]) -> pd.DataFrame:
    """Signals as a tidy table: ``kind, segment, start, end, sentence``."""
    return pd.DataFrame(
        [s.to_dict() for s in signals], columns=["kind", "segment", "start", "end", "sentence"]
    )


@dataclass(frozen=True, slots=True)
class _Shift:
    """Before/after comparison of a weekly series at a split."""

    before: float
    after: float
    change: float
    relative: float
    p_value: float
    n_before: int
    n_after: int


def _best_split(values: np.ndarray, min_weeks: int) -> int | None:
    """Index of the first "after" week of the single mean shift that best explains ``values``.

    The split minimises the within-segment sum of squares (a one-change-point least-squares fit).
    """
    n = len(values)
    if n < 2 * min_weeks:
        return None
    best, best_sse = None, math.inf
    for k in range(min_weeks, n - min_weeks + 1):
        a, b = values[:k], values[k:]
        sse = float(((a - a.mean()) ** 2).sum() + ((b - b.mean()) ** 2).sum())
        if sse < best_sse:
            best, best_sse = k, sse
    return best


def _shift(values: np.ndarray, k: int) -> _Shift:
    a, b = values[:k], values[k:]
    before, after = float(a.mean()), float(b.mean())
    if len(a) > 1 and len(b) > 1 and (a.std() > 0 or b.std() > 0):
        p = float(stats.ttest_ind(b, a, equal_var=False).pvalue)
    else:
        p = float("nan")
    rel = (after - before) / abs(before) if before else float("nan")
    return _Shift(before, after, after - before, rel, p, len(a), len(b))


def _fmt_shift(kpi: str, sh: _Shift) -> str:
    verb = "fell" if sh.change < 0 else "rose"
    return (
        f"{_name(kpi)} {verb} {format_change(kpi, abs(sh.change)).lstrip('+')} "
        f"({_fmt(kpi, sh.before)} → {_fmt(kpi, sh.after)})"
    )


def _weekly_wide(frame: pd.DataFrame) -> pd.DataFrame:
    wide = frame.pivot_table(index="period", columns="kpi", values="value", aggfunc="first")
    return wide.sort_index()


def _moved(sh: _Shift | None, direction: int, alpha: float, min_relative: float) -> bool:
    if sh is None or math.isnan(sh.p_value):
        return False
    return direction * sh.change > 0 and sh.p_value < alpha and abs(sh.relative) >= min_relative


def detect_signals(
    weekly: Any,
    *,
    segment_column: str | None = "queue",
    min_weeks: int = 3,
    alpha: float = 0.01,
    min_relative_change: float = 0.05,
    grain: str = "week",
) -> list[Signal]:
    """Conflicting movements of KPIs over time, per segment.

    For each segment (and for the whole table when ``segment_column`` is None), the week at
    which the driving KPI (AHT; abandonment for the access check) shifts is found by a single
    mean-shift split of its weekly values (least squares, at least ``min_weeks`` weeks each
    side). Weeks before and from that week are compared with Welch's t-test on the weekly values
    (so week-to-week noise, not the contact count, sets the bar). The driving KPI must pass
    ``alpha`` divided by the number of candidate splits (the split was searched for), the
    companion KPIs ``alpha``; every change must also be at least ``min_relative_change`` of its
    level (or 2 points for rates) to count.

    Patterns
    --------
    * ``rushed_calls``: AHT fell while FCR and/or CSAT fell (calls are rushed).
    * ``transfer_without_resolution``: AHT fell while the transfer rate rose.
    * ``abandonment_without_wait``: abandonment rose while ASA stayed flat (look before the queue).

    Parameters
    ----------
    weekly : a ``KpiTable`` (or frame) by week (optionally by ``segment_column``) with ``aht``,
        ``fcr``, ``csat``, ``transfer_rate``, ``abandonment_rate``, ``asa`` where available.
    segment_column : the segment column; None for a table without segments.

    Returns
    -------
    list[Signal]
        ``start`` is the first week after the shift, ``end`` the last day of the last week.
    """
    frame = _frame(weekly)
    if segment_column and segment_column in frame.columns:
        groups = [
            (f"{segment_column} = {v}", part)
            for v, part in frame.groupby(segment_column, sort=True, dropna=True)
        ]
    else:
        groups = [("All", frame)]
    out: list[Signal] = []
    for segment, part in groups:
        wide = _weekly_wide(part)
        out.extend(_time_signals(segment, wide, min_weeks, alpha, min_relative_change, grain))
    return out


def _min_rel(kpi: str, level: float, min_relative: float) -> float:
    # Rates need an absolute 2-point move as well: 2 pts of a 10% rate is a 20% relative change.
    if _meta(kpi)[1] == "rate" and level:
        return min(min_relative, 0.02 / abs(level))
    return min_relative


def _time_signals(  # noqa: C901 -- ratchet (#17): split or fix pending
    segment: str,
    wide: pd.DataFrame,
    min_weeks: int,
    alpha: float,
    min_relative: float,
    grain: str,
) -> list[Signal]:
    out: list[Signal] = []
    periods = [pd.Timestamp(p) for p in wide.index]

    def series(kpi: str) -> np.ndarray | None:
        if kpi not in wide.columns:
            return None
        v = wide[kpi].to_numpy(float)
        return None if np.isnan(v).any() or len(v) < 2 * min_weeks else v

    def at(kpi: str, k: int) -> _Shift | None:
        v = series(kpi)
        return None if v is None else _shift(v, k)

    def moved(kpi: str, sh: _Shift | None, direction: int, a: float) -> bool:
        lvl = sh.before if sh is not None else 0.0
        return _moved(sh, direction, a, _min_rel(kpi, lvl, min_relative))

    end = period_end(periods[-1], grain) if periods else None

    aht = series("aht")
    if aht is not None:
        k = _best_split(aht, min_weeks)
        if k is not None:
            n_splits = len(aht) - 2 * min_weeks + 1
            sh_aht = _shift(aht, k)
            if moved("aht", sh_aht, -1, alpha / n_splits):
                start = periods[k]
                evidence_base = {
                    "change_week": start,
                    "before_weeks": (periods[0], periods[k - 1]),
                    "after_weeks": (periods[k], periods[-1]),
                    "aht": sh_aht,
                }
                declined = {
                    kpi: sh
                    for kpi in ("fcr", "csat")
                    if moved(kpi, sh := at(kpi, k), -1, alpha)  # type: ignore[arg-type]
                }
                if declined:
                    parts = " and ".join(_fmt_shift(kpi, sh) for kpi, sh in declined.items())
                    sentence = (
                        f"In {segment.split(' = ')[-1]}, from the week of {start:%d %b %Y} "
                        f"{_fmt_shift('aht', sh_aht)} while {parts}: calls look rushed — the "
                        "faster handling is not resolving the issue. Check repeat contacts and "
                        "transfers before rewarding the lower AHT."
                    )
                    out.append(
                        Signal(
                            "rushed_calls",
                            segment,
                            sentence,
                            _evidence(evidence_base | declined),
                            start,
                            end,
                        )
                    )
                sh_tr = at("transfer_rate", k)
                if moved("transfer_rate", sh_tr, +1, alpha):
                    sentence = (
                        f"In {segment.split(' = ')[-1]}, from the week of {start:%d %b %Y} "
                        f"{_fmt_shift('aht', sh_aht)} while "
                        f"{_fmt_shift('transfer_rate', sh_tr)}: contacts are being passed on "
                        "rather than resolved (transfer without resolution)."
                    )
                    out.append(
                        Signal(
                            "transfer_without_resolution",
                            segment,
                            sentence,
                            _evidence(evidence_base | {"transfer_rate": sh_tr}),
                            start,
                            end,
                        )
                    )
    ab = series("abandonment_rate")
    if ab is not None:
        k = _best_split(ab, min_weeks)
        if k is not None:
            n_splits = len(ab) - 2 * min_weeks + 1
            sh_ab = _shift(ab, k)
            sh_asa = at("asa", k)
            asa_flat = sh_asa is not None and (
                (math.isnan(sh_asa.p_value) or sh_asa.p_value >= 0.05)
                and abs(sh_asa.relative) < 0.10
            )
            if moved("abandonment_rate", sh_ab, +1, alpha / n_splits) and asa_flat:
                start = periods[k]
                sentence = (
                    f"In {segment.split(' = ')[-1]}, from the week of {start:%d %b %Y} "
                    f"{_fmt_shift('abandonment_rate', sh_ab)} while ASA stayed flat "
                    f"({_fmt('asa', sh_asa.before)} → {_fmt('asa', sh_asa.after)}): callers are "
                    "not leaving because of the wait — look before the queue (IVR, messages, "
                    "callback offers) and at short abandons."
                )
                out.append(
                    Signal(
                        "abandonment_without_wait",
                        segment,
                        sentence,
                        _evidence(
                            {
                                "change_week": start,
                                "before_weeks": (periods[0], periods[k - 1]),
                                "after_weeks": (periods[k], periods[-1]),
                                "abandonment_rate": sh_ab,
                                "asa": sh_asa,
                            }
                        ),
                        start,
                        end,
                    )
                )
    return out


def _evidence(items: Mapping[str, Any]) -> dict[str, Any]:
    """Flatten shifts into plain numbers: ``aht_before``, ``aht_after``, ``aht_p_value``..."""
    out: dict[str, Any] = {}
    for key, value in items.items():
        if isinstance(value, _Shift):
            out[f"{key}_before"] = value.before
            out[f"{key}_after"] = value.after
            out[f"{key}_change"] = value.change
            out[f"{key}_relative_change"] = value.relative
            out[f"{key}_p_value"] = value.p_value
            out["n_weeks_before"] = value.n_before
            out["n_weeks_after"] = value.n_after
        else:
            out[key] = value
    return out


def detect_transfer_gaming(
    table: Any,
    *,
    segment_column: str = "agent_id",
    min_contacts: float = 50.0,
    aht_ratio: float = 0.85,
    transfer_ratio: float = 1.5,
    alpha: float = 0.01,
    start: pd.Timestamp | None = None,
    end: pd.Timestamp | None = None,
) -> list[Signal]:
    """Agents (or queues) with a low AHT and a high transfer rate: "transfer without resolution".

    A segment is flagged when its AHT is at most ``aht_ratio`` times the median of its peers and
    its transfer rate at least ``transfer_ratio`` times the peers' median, and the transfer rate
    is significantly above the rest (two-proportion z-test, ``alpha`` divided by the number of
    segments tested).

    Parameters
    ----------
    table : a ``KpiTable`` (or frame) with grain "all", ``by=(segment_column,)``, holding ``aht``
        and ``transfer_rate`` (with numerators and denominators).
    start, end : the period covered (reported on the signal).

    Returns
    -------
    list[Signal]
        Kind "transfer_without_resolution", one per flagged segment.
    """
    frame = _frame(table)
    if segment_column not in frame.columns:
        return []
    aht = frame.loc[frame["kpi"] == "aht"].set_index(segment_column)
    tr = frame.loc[frame["kpi"] == "transfer_rate"].set_index(segment_column)
    common = aht.index.intersection(tr.index)
    if len(common) < 3:
        return []
    aht, tr = aht.loc[common], tr.loc[common]
    keep = tr["denominator"].astype(float) >= min_contacts
    aht, tr = aht.loc[keep], tr.loc[keep]
    if len(aht) < 3:
        return []
    med_aht = float(aht["value"].median())
    med_tr = float(tr["value"].median())
    total_num = float(tr["numerator"].sum())
    total_den = float(tr["denominator"].sum())
    out = []
    for seg in aht.index:
        a, t = float(aht.at[seg, "value"]), float(tr.at[seg, "value"])
        if not (a <= aht_ratio * med_aht and t >= transfer_ratio * med_tr and t > 0):
            continue
        x1, n1 = float(tr.at[seg, "numerator"]), float(tr.at[seg, "denominator"])
        x2, n2 = total_num - x1, total_den - n1
        if n2 <= 0:
            continue
        pooled = (x1 + x2) / (n1 + n2)
        se = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2)) if 0 < pooled < 1 else 0.0
        if se == 0:
            continue
        z = (x1 / n1 - x2 / n2) / se
        p = float(stats.norm.sf(z))
        if p >= alpha / len(aht):
            continue
        sentence = (
            f"{segment_column.replace('_', ' ').capitalize()} {seg} has a short AHT "
            f"({_fmt('aht', a)} vs {_fmt('aht', med_aht)} for the median peer) but transfers "
            f"{_fmt('transfer_rate', t)} of contacts (peers {_fmt('transfer_rate', med_tr)}): "
            "a low AHT obtained by passing contacts on, not by resolving them."
        )
        out.append(
            Signal(
                "transfer_without_resolution",
                f"{segment_column} = {seg}",
                sentence,
                {
                    "aht": a,
                    "aht_peer_median": med_aht,
                    "transfer_rate": t,
                    "transfer_rate_peer_median": med_tr,
                    "contacts": n1,
                    "z": float(z),
                    "p_value": p,
                },
                start,
                end,
            )
        )
    return out


# --------------------------------------------------------------------------------------------
# Contact reasons: Pareto, structural share, incidents
# --------------------------------------------------------------------------------------------


def topic_pareto(
    table: Any,
    weekly: Any = None,
    *,
    column: str = "topic",
    structural_share: float = 0.30,
    most_weeks: float = 0.5,
    recent_weeks: int = 4,
) -> pd.DataFrame:
    """Contact reasons by volume with their share, cumulative share and trend.

    Parameters
    ----------
    table : ``contacts`` by ``column`` with grain "all" (a ``KpiTable`` or its frame).
    weekly : ``contacts`` by week and ``column`` (optional): share per week and trend.
    structural_share : a topic at or above this share of contacts ...
    most_weeks : ... on more than this fraction of weeks is structural (the same reason every
        week), not an incident.
    recent_weeks : the trend compares the share of the last ``recent_weeks`` weeks with the
        weeks before.

    Returns
    -------
    pandas.DataFrame
        ``topic, contacts, share, cumulative_share, weeks_at_or_above, weeks, share_recent,
        share_before, share_change, structural`` (bool), largest first.
    """
    frame = _frame(table)
    counts = frame.loc[frame["kpi"] == "contacts", [column, "value"]]
    counts = counts.rename(columns={column: "topic", "value": "contacts"})
    counts = counts.loc[counts["contacts"].fillna(0) > 0]
    counts = counts.sort_values("contacts", ascending=False, ignore_index=True)
    total = float(counts["contacts"].sum())
    out = counts.assign(
        topic=counts["topic"].astype(str),
        share=counts["contacts"] / total if total else np.nan,
    )
    out = out.assign(cumulative_share=out["share"].cumsum())
    extra = pd.DataFrame(
        {
            "topic": out["topic"],
            "weeks_at_or_above": 0,
            "weeks": 0,
            "share_recent": np.nan,
            "share_before": np.nan,
        }
    )
    if weekly is not None:
        wk = _frame(weekly)
        wk = wk.loc[wk["kpi"] == "contacts"]
        if not wk.empty:
            piv = wk.pivot_table(
                index="period", columns=column, values="value", aggfunc="sum", fill_value=0.0
            ).sort_index()
            piv.columns = [str(c) for c in piv.columns]
            share = piv.div(piv.sum(axis=1).replace(0, np.nan), axis=0)
            n_weeks = len(share)
            recent = piv.tail(recent_weeks)
            before = piv.iloc[:-recent_weeks] if n_weeks > recent_weeks else piv.iloc[0:0]
            for i, topic in enumerate(extra["topic"]):
                if topic not in share.columns:
                    continue
                extra.loc[i, "weeks_at_or_above"] = int((share[topic] >= structural_share).sum())
                extra.loc[i, "weeks"] = n_weeks
                rs = recent.sum().sum()
                extra.loc[i, "share_recent"] = recent[topic].sum() / rs if rs else np.nan
                bs = before.sum().sum()
                extra.loc[i, "share_before"] = before[topic].sum() / bs if bs else np.nan
    out = out.merge(extra, on="topic", how="left")
    out = out.assign(
        share_change=out["share_recent"] - out["share_before"],
        structural=(out["weeks"] > 0) & (out["weeks_at_or_above"] > most_weeks * out["weeks"]),
    )
    return out


def topic_spikes(
    daily: Any,
    *,
    column: str = "topic",
    k: float = 5.0,
    min_count: float = 10.0,
) -> pd.DataFrame:
    """One-off spikes of a contact reason (an incident), as opposed to a structural share.

    A day is a spike when its count for a topic is more than ``k`` robust standard deviations
    (1.4826 x the median absolute deviation) above the topic's median for that weekday (weekday
    medians, so a quiet weekend does not make every Monday look like a spike).

    Parameters
    ----------
    daily : ``contacts`` by day and ``column`` (a ``KpiTable`` or its frame).

    Returns
    -------
    pandas.DataFrame
        ``date, topic, contacts, typical, robust_sd, z, sentence``, largest ``z`` first.
    """
    frame = _frame(daily)
    frame = frame.loc[frame["kpi"] == "contacts"]
    cols = ["date", "topic", "contacts", "typical", "robust_sd", "z", "sentence"]
    if frame.empty or column not in frame.columns:
        return pd.DataFrame(columns=cols)
    piv = frame.pivot_table(
        index="period", columns=column, values="value", aggfunc="sum", fill_value=0.0
    ).sort_index()
    piv = piv.asfreq("D", fill_value=0.0) if len(piv) > 1 else piv
    rows = []
    weekday = piv.index.day_of_week
    for topic in piv.columns:
        counts = piv[topic].astype(float)
        typical = counts.groupby(weekday).transform("median")
        resid = counts - typical
        mad = float(np.median(np.abs(resid - np.median(resid))))
        scale = 1.4826 * mad
        if scale <= 0:
            scale = max(1.0, math.sqrt(max(float(typical.median()), 1.0)))
        z = resid / scale
        for day in counts.index[(z > k) & (counts >= min_count)]:
            c, t = float(counts[day]), float(typical[day])
            rows.append(
                {
                    "date": day,
                    "topic": str(topic),
                    "contacts": c,
                    "typical": t,
                    "robust_sd": scale,
                    "z": float(z[day]),
                    "sentence": (
                        f"{day:%a %d %b %Y}: {c:,.0f} contacts about {topic} against a typical "
                        f"{t:,.0f} for that weekday — a one-off spike (an incident?), not a "
                        "structural reason."
                    ),
                }
            )
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values("z", ascending=False, ignore_index=True)


# --------------------------------------------------------------------------------------------
# Money
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MoneyResult:
    """Cost per contact and the cost of repeat contacts.

    Attributes
    ----------
    cost_per_contact : cost of one contact (currency units).
    basis : "data" (the data's ``cost`` column), "per_minute" (AHT x cost per handled minute)
        or "per_contact" (entered by the user); "" when no cost is known.
    contacts : contacts in the period.
    total_cost : cost_per_contact x contacts.
    repeats : repeat contacts (the repeat-contact KPI's numerator, or unresolved first contacts).
    repeat_cost : repeats x cost_per_contact.
    fcr : first-contact resolution (fraction) or NaN.
    first_contacts : FCR's denominator or NaN.
    cost_per_fcr_point : money saved per year-period by one more point of FCR (1% of first
        contacts not coming back) — the translation of FCR into money.
    summary : the plain-language sentence.
    warnings : approximations made.
    """

    cost_per_contact: float
    basis: str
    contacts: float
    total_cost: float
    repeats: float
    repeat_cost: float
    fcr: float
    first_contacts: float
    cost_per_fcr_point: float
    summary: str
    warnings: tuple[str, ...] = ()

    def to_frame(self) -> pd.DataFrame:
        """``item, value`` rows for a table or an export."""
        items = [
            ("cost_per_contact", self.cost_per_contact),
            ("contacts", self.contacts),
            ("total_cost", self.total_cost),
            ("repeats", self.repeats),
            ("repeat_cost", self.repeat_cost),
            ("fcr", self.fcr),
            ("cost_per_fcr_point", self.cost_per_fcr_point),
        ]
        return pd.DataFrame(items, columns=["item", "value"])


def _row(frame: pd.DataFrame, kpi: str) -> pd.Series | None:
    rows = frame.loc[frame["kpi"] == kpi]
    if rows.empty or rows["value"].isna().all():
        return None
    return rows.iloc[-1]


def money(
    table: Any,
    *,
    cost_per_minute: float | None = None,
    cost_per_contact: float | None = None,
    currency: str = "",
) -> MoneyResult:
    """Cost per contact and what repeat contacts cost, so FCR can be read in money.

    The data's ``cost`` column wins when present (the ``cost_per_contact`` KPI); otherwise
    ``cost_per_minute`` x AHT, otherwise the entered ``cost_per_contact``.

    Parameters
    ----------
    table : a ``KpiTable`` (or frame) with grain "all" and no segments, holding ``contacts``
        and where available ``cost_per_contact``, ``aht``, ``repeat_contact_rate``, ``fcr``.
    cost_per_minute : cost of one handled minute (used when the data has no cost column).
    cost_per_contact : cost of one contact (used when neither of the above is available).
    currency : a symbol or code for the sentence ("€", "USD").

    Returns
    -------
    MoneyResult
        The repeat cost is repeats x cost per contact ("cost of poor FCR", KPI_REFERENCE.md).
    """
    frame = _frame(table)
    warnings: list[str] = []
    contacts_row = _row(frame, "contacts")
    contacts = float(contacts_row["value"]) if contacts_row is not None else float("nan")
    cpc, basis = float("nan"), ""
    data_cost = _row(frame, "cost_per_contact")
    aht = _row(frame, "aht")
    if data_cost is not None:
        cpc, basis = float(data_cost["value"]), "data"
    elif cost_per_minute is not None and cost_per_minute > 0 and aht is not None:
        cpc, basis = float(aht["value"]) / 60.0 * cost_per_minute, "per_minute"
        warnings.append(
            "Cost per contact = AHT x cost per handled minute: queue time, IVR and overheads "
            "are not included."
        )
    elif cost_per_contact is not None and cost_per_contact > 0:
        cpc, basis = float(cost_per_contact), "per_contact"
    fcr_row = _row(frame, "fcr")
    fcr = float(fcr_row["value"]) if fcr_row is not None else float("nan")
    first = float(fcr_row["denominator"]) if fcr_row is not None else float("nan")
    rep = _row(frame, "repeat_contact_rate")
    if rep is not None and not math.isnan(float(rep["numerator"])):
        repeats = float(rep["numerator"])
    elif fcr_row is not None:
        repeats = float(fcr_row["denominator"] - fcr_row["numerator"])
        warnings.append(
            "Repeat contacts estimated as unresolved first contacts (no repeat-contact data)."
        )
    else:
        repeats = float("nan")
    total = cpc * contacts
    repeat_cost = cpc * repeats
    per_point = 0.01 * first * cpc
    cur = f"{currency} " if currency and len(currency) > 1 else currency
    if basis:
        summary = (
            f"A contact costs about {cur}{cpc:,.2f}; the {repeats:,.0f} repeat contacts cost "
            f"{cur}{repeat_cost:,.0f}"
        )
        if not math.isnan(per_point):
            summary += (
                f", and each point of FCR is worth about {cur}{per_point:,.0f} over this period."
            )
        else:
            summary += "."
    else:
        summary = "Enter a cost per handled minute or per contact to translate repeats into money."
    return MoneyResult(
        cost_per_contact=cpc,
        basis=basis,
        contacts=contacts,
        total_cost=total,
        repeats=repeats,
        repeat_cost=repeat_cost,
        fcr=fcr,
        first_contacts=first,
        cost_per_fcr_point=per_point,
        summary=summary,
        warnings=tuple(warnings),
    )

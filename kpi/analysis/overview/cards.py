"""KPI cards: the latest complete period of each KPI against its target, with a status."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

import numpy as np
import pandas as pd

from kpi.analysis.overview._common import frame_of, kpi_meta, series_of, unavailable_of
from kpi.analysis.overview.triggers import (
    default_red_lines,
    default_targets,
    meets_target,
    targets_met,
)
from kpi.errors import AnalysisError
from kpi.format import NA, fmt_kpi, fmt_kpi_change, fmt_target, kpi_label
from kpi.metrics import KPIS
from kpi.segment import Segment, as_segment

__all__ = [
    "CORE_KPIS",
    "DEFAULT_CARD_KPIS",
    "FALLBACK_CARD_KPIS",
    "SUPPORTING_KPIS",
    "KpiCard",
    "Status",
    "cards_frame",
    "cards_reading",
    "default_card_kpis",
    "format_change",
    "kpi_cards",
    "period_end",
    "rag_status",
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


def format_change(kpi: str, change: float) -> str:
    """A change in the KPI's own unit: "+2.1 pts" for rates, "-35.0 s", "+0.12", "+3.0 pts" for
    NPS ("" when missing). The one formatter is :func:`kpi.format.fmt_kpi_change`."""
    if change is None or (isinstance(change, float) and math.isnan(change)):
        return ""
    return fmt_kpi_change(kpi, change)


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
    """One KPI card of the Overview: numbers; the texts are produced on request.

    Attributes
    ----------
    kpi, name : registry id and display name.
    value, previous, change : latest complete period, the one before, and their difference
        (KPI units; rates as fractions). NaN when not computable.
    period, previous_period : start dates of the two periods.
    target : the target used (NaN when none).
    status : "green", "amber", "red" or "none".
    better : "higher" or "lower" (colours the change).
    sparkline : the KPI's values per period, oldest first (NaN dropped).
    help : formula, definition and settings used (the card's hover text).
    unavailable : why the KPI cannot be computed on this data ("" when it can).

    ``value_text``, ``change_text`` and ``target_text`` format them with :mod:`kpi.format`
    ("78.1%", "-2.3 pts", "≥ 75.0%").
    """

    kpi: str
    name: str
    value: float
    previous: float
    change: float
    period: pd.Timestamp | None
    previous_period: pd.Timestamp | None
    target: float
    status: Status
    better: str
    sparkline: tuple[float, ...]
    help: str
    unavailable: str = ""

    @property
    def value_text(self) -> str:
        """The value in the KPI's display unit ("n/a" when it cannot be computed)."""
        return NA if self.unavailable else fmt_kpi(self.kpi, self.value)

    @property
    def change_text(self) -> str:
        """The change from the previous period ("" when there is none)."""
        return format_change(self.kpi, self.change)

    @property
    def target_text(self) -> str:
        """The target with its direction ("≥ 75.0%", "≤ 6.0 min"; "" without a target)."""
        return "" if math.isnan(self.target) else fmt_target(self.kpi, self.target, self.better)

    @property
    def meets_target(self) -> bool | None:
        """Whether the value meets the target (None without a value or a target)."""
        return meets_target(self.value, self.target, self.better)

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
            return {"label": label, "value": NA, "help": self.help}
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
    k = KPIS.get(kpi)
    parts = []
    if k is not None and k.definition:
        parts.append(str(k.definition))
    describe = getattr(table, "describe", None)
    if k is not None and describe is not None:
        # The engine's own description: formula plus the variant and settings it used.
        parts.append(f"**Formula:** {describe(kpi)}")
    elif k is not None and k.formula:
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
        s = series_of(frame, kpi)
        s = s.loc[s["period"] == period] if not s.empty else s
        if not s.empty and math.isfinite(float(s["value"].iloc[-1])):
            got[kpi] = fmt_kpi(kpi, float(s["value"].iloc[-1]))
    if len(got) < 2:
        return ""
    return (
        f"**Median wait** {got['asa_median']} · **90th percentile** {got['asa_p90']} in the "
        "same period: a few long waits pull the mean (ASA) above what most callers see."
    )


def _complete(s: pd.DataFrame, grain: str, data_end: pd.Timestamp | None) -> pd.DataFrame:
    """The periods of ``s`` that end by ``data_end`` (all of them if none does)."""
    if data_end is None or grain not in ("day", "week", "month"):
        return s
    last_day = pd.Timestamp(data_end).normalize()
    ends = s["period"].map(lambda p: period_end(p, grain))
    complete = s.loc[ends <= last_day]
    return s if complete.empty else complete


def _card(
    kpi: str,
    s: pd.DataFrame,
    complete: pd.DataFrame,
    target: float,
    meta: tuple[str, str, str],
    red: float | None,
    sparkline_points: int,
) -> KpiCard:
    name, _unit, better = meta
    value = float(complete["value"].iloc[-1])
    period = pd.Timestamp(complete["period"].iloc[-1])
    previous, previous_period = float("nan"), None
    if len(complete) > 1:
        previous = float(complete["value"].iloc[-2])
        previous_period = pd.Timestamp(complete["period"].iloc[-2])
    status = rag_status(value, None if math.isnan(target) else target, better, red)
    spark = tuple(float(v) for v in s["value"].tail(sparkline_points))
    return KpiCard(
        kpi=kpi, name=name, value=value, previous=previous, change=value - previous,
        period=period, previous_period=previous_period, target=target, status=status,
        better=better, sparkline=spark, help="",
    )  # fmt: skip


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
    targets : target per KPI id (defaults to the registry's, :func:`default_targets`).
    grain : the table's grain ("day", "week", "month"); read from the table when omitted.
    data_end : last timestamp of the data; a period that ends after it is incomplete and is not
        used as the card's value (it would compare half a week with a full one).
    settings : the ``kpi.metrics.Settings`` used (its ``describe()`` goes into the hover text;
        the CES scale setting decides whether lower or higher effort is better).
    red_at : action-trigger levels that mark red (default: the registry's triggers,
        :func:`default_red_lines` — CSAT 4.0, FCR 70%, abandonment 8%).
    sparkline_points : number of latest periods in the sparkline.

    Returns
    -------
    list[KpiCard]
        In ``kpis`` order; unavailable KPIs carry the reason (never a zero).
    """
    frame = frame_of(table)
    grain = str(grain or getattr(table, "grain", "week"))
    unavailable = unavailable_of(table)
    targets = dict(default_targets(kpis)) | dict(targets or {})
    red = default_red_lines(kpis) | dict(red_at or {})
    settings_text = settings.describe() if settings is not None else ""
    cards = []
    for kpi in kpis:
        meta = kpi_meta(kpi, settings)
        target = float(targets.get(kpi, float("nan")))
        target_text = "" if math.isnan(target) else fmt_target(kpi, target, meta[2])
        s = series_of(frame, kpi) if "kpi" in frame.columns else frame.iloc[0:0]
        if kpi in unavailable or s.empty:
            reason = unavailable.get(kpi, "no values in the selected period")
            cards.append(
                KpiCard(
                    kpi,
                    meta[0],
                    float("nan"),
                    float("nan"),
                    float("nan"),
                    None,
                    None,
                    target,
                    "none",
                    meta[2],
                    (),
                    f"Not available: {reason}",
                    unavailable=reason,
                )  # fmt: skip
            )
            continue
        card = _card(
            kpi, s, _complete(s, grain, data_end), target, meta, red.get(kpi), sparkline_points
        )
        help_text = _help_text(kpi, settings_text, target_text, table)
        if kpi == "asa":  # the mean hides the tail: median and P90 of the same period beside it
            tail = _wait_tail(frame, card.period) if card.period is not None else ""
            help_text = f"{tail}\n\n{help_text}" if tail else help_text
        cards.append(replace(card, help=help_text))
    return cards


def cards_frame(cards: Sequence[KpiCard]) -> pd.DataFrame:
    """The cards as a table: ``kpi, name, period, value, previous, change, target, status,
    unavailable`` (KPI units; rates as fractions)."""
    cols = ["kpi", "name", "period", "value", "previous", "change", "target", "status"]
    rows = [{k: c.to_dict()[k] for k in cols} | {"unavailable": c.unavailable} for c in cards]
    return pd.DataFrame(rows, columns=[*cols, "unavailable"])


def cards_reading(cards: Sequence[KpiCard]) -> str:
    """One sentence: how many KPIs meet their target and which are red / amber.

    "Met" is :func:`meets_target`, the rule the weekly report counts with, so both say the same
    "n of m" for the same period and KPIs.
    """
    met, rated_n = targets_met(c.meets_target for c in cards)
    rated = [c for c in cards if c.meets_target is not None]
    if not rated_n:
        return "No KPI has both a value and a target on this data."
    when = next((c.period for c in rated if c.period is not None), None)
    sentence = f"{met} of {rated_n} KPIs with a target meet it"
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
    segment: Segment | str | Mapping[str, str] | None = None,
) -> str:
    """One sentence on a KPI's trend: the first ``window`` periods vs the last ``window``.

    Periods are pooled with their denominators; ``segment`` picks one segment of a ``by`` table
    (a ``Segment``, "queue=Billing", or the older ``{"queue": "Billing"}``).
    """
    frame = frame_of(table)
    pairs = (
        [(str(c), str(v).strip()) for c, v in segment.items()]
        if isinstance(segment, Mapping)
        else [(seg.column, seg.value) for seg in (as_segment(segment),) if seg is not None]
    )
    for col, value in pairs:
        if col not in frame.columns:
            raise AnalysisError(
                f"Cannot pick {Segment(col, value).label()}: the KPIs were not computed by {col!r}."
            )
        frame = frame.loc[frame[col].astype(str).str.strip() == value]
    s = series_of(frame, kpi)
    if s.empty:
        return f"{kpi_label(kpi)} has no values on this data."
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
        f"{kpi_label(kpi)} {direction} from {fmt_kpi(kpi, a)} (first {w} periods from {p0:%d %b %Y}) "
        f"to {fmt_kpi(kpi, b)} (last {w}, to {p1:%d %b %Y})"
    )
    ok = meets_target(b, target, kpi_meta(kpi)[2])
    if ok is not None and target is not None:
        sentence += f", {'meeting' if ok else 'missing'} the target of {fmt_kpi(kpi, target)}"
    return sentence + "."

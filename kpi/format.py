"""Every value, change, interval, p-value, date, count and amount the product shows (the only one).

One rule per unit, one display unit per KPI:

* rates (0-1 fractions) show as percentages ("78.0%"); their changes in percentage points
  ("+2.1 pts"), never as a percentage of a percentage;
* a duration KPI has one display unit, on its card, in its target box, on its chart axis and in
  its tables (:data:`DISPLAY_UNITS`): minutes for the long ones (handle, talk, first response),
  seconds for the short waits (ASA and its median, hold, after-contact work), hours for ticket
  resolution. Input boxes take that unit (:func:`from_display`) — a target of "6" for AHT means
  6 minutes, not 6 seconds;
* a *change* of a duration is a duration in its own right and reads in the unit that fits its
  size: seconds below 100 s ("-30.0 s"), minutes below 3 hours ("-2.1 min"), hours above;
* scores (CSAT mean, CES) with two decimals, NPS as a signed whole number ("+40") and its changes
  in points, counts with thousands separators, money with its currency ("€4.50");
* p-values as "< 0.001" or "0.03" (never "1.35e-12"); :func:`fmt_p_clause` gives "p < 0.001" /
  "p = 0.03" for prose (never "p = < 0.001");
* a missing value (None, NaN, infinity) is :data:`NA`.

KPI facts (name, unit) come from the registry :data:`kpi.metrics.KPIS`; an id the registry does
not know is shown as a generic number under a readable name.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from kpi.errors import AnalysisError

if TYPE_CHECKING:
    from kpi.metrics import KpiDef

__all__ = [
    "DISPLAY_UNITS",
    "NA",
    "axis_title",
    "fmt_cell",
    "display_unit",
    "fmt_change",
    "fmt_count",
    "fmt_date",
    "fmt_date_range",
    "fmt_interval",
    "fmt_kpi",
    "fmt_kpi_change",
    "fmt_money",
    "fmt_p",
    "fmt_p_clause",
    "fmt_share",
    "fmt_target",
    "fmt_value",
    "from_display",
    "kpi_label",
    "kpi_unit",
    "to_display",
]

#: What a missing value reads as.
NA = "n/a"

#: The display unit of every duration KPI (registry unit "seconds"): "s", "min" or "h". Chosen
#: by the KPI's typical size in a contact centre (KPI_REFERENCE.md): handle and talk time run to
#: several minutes, first response on digital channels to minutes or hours; waits, hold and
#: after-contact work are tens of seconds; ticket resolution takes hours. A duration KPI not
#: listed takes the registry's ``display_unit`` when it is "s", "min" or "h", else minutes when
#: its target or benchmark reaches 2 minutes, else seconds.
DISPLAY_UNITS: Mapping[str, str] = {
    "aht": "min",
    "talk_time": "min",
    "hold_time": "s",
    "acw_time": "s",
    "asa": "s",
    "asa_median": "s",
    "asa_p90": "min",
    "frt": "min",
    "resolution_time": "h",
    "ticket_resolution_time": "h",
}

#: Display unit of the other registry units (the symbol an input box or axis title shows).
_UNIT_DISPLAY: Mapping[str, str] = {
    "rate": "%",
    "count": "",
    "score": "",
    "nps": "",
    "currency": "currency",
    "seconds": "s",
}

_DURATION_DIVISOR: Mapping[str, float] = {"s": 1.0, "min": 60.0, "h": 3600.0}


def _kpi(kpi_id: str) -> KpiDef | None:
    # Imported when called: the registry's own ``KpiDef.format`` delegates here, so a
    # module-level import would be circular.
    from kpi.metrics import KPIS

    return KPIS.get(kpi_id)


def _finite(value: Any) -> float | None:
    """``value`` as a finite float, or None (None, NaN, infinity, non-numbers)."""
    if value is None or isinstance(value, bool):
        return None
    try:
        v = float(value)
    except (TypeError, ValueError):
        return None
    return v if math.isfinite(v) else None


def _duration_scale(magnitude: float) -> str:
    """The unit a duration of ``magnitude`` seconds reads best in."""
    if magnitude < 100:
        return "s"
    if magnitude < 3 * 3600:
        return "min"
    return "h"


def _duration(seconds: float, unit: str) -> str:
    """``seconds`` in ``unit`` ("s", "min", "h"), without a sign convention."""
    v = seconds / _DURATION_DIVISOR[unit]
    if unit == "s" and abs(v) >= 100:
        return f"{v:,.0f} s"
    return f"{v:,.1f} {unit}"


# ------------------------------------------------------------------------------------------
# Registry facts
# ------------------------------------------------------------------------------------------
def kpi_unit(kpi_id: str) -> str:
    """The registry unit of ``kpi_id`` ("rate", "seconds", "count", "score", "nps",
    "currency"), or "value" for an id the registry does not know."""
    k = _kpi(kpi_id)
    return str(k.unit) if k is not None else "value"


def kpi_label(kpi_id: str) -> str:
    """The KPI's display name ("Average handle time"), never its id."""
    k = _kpi(kpi_id)
    if k is not None:
        return str(k.name)
    text = str(kpi_id).replace("_", " ").strip()
    return text[:1].upper() + text[1:] if text else "The KPI"


def display_unit(kpi_id: str, currency: str = "€") -> str:
    """The unit ``kpi_id`` is shown and typed in: "%", "s", "min", "h", the currency, or ""."""
    unit = kpi_unit(kpi_id)
    if unit == "seconds":
        if kpi_id in DISPLAY_UNITS:
            return DISPLAY_UNITS[kpi_id]
        declared = getattr(_kpi(kpi_id), "display_unit", "")
        return declared if declared in _DURATION_DIVISOR else _default_duration_unit(kpi_id)
    if unit == "currency":
        return currency
    return _UNIT_DISPLAY.get(unit, "")


def _default_duration_unit(kpi_id: str) -> str:
    # A duration KPI not in the table: minutes when its target or benchmark is 2 minutes or more.
    k = _kpi(kpi_id)
    typical = [getattr(k, "target", None)] + list(getattr(k, "benchmark", None) or ())
    sizes = [v for v in typical if v is not None]
    return "min" if sizes and max(sizes) >= 120 else "s"


def axis_title(kpi_id: str, currency: str = "€") -> str:
    """A chart axis or table header: the KPI's name with its display unit ("AHT (min)")."""
    unit = display_unit(kpi_id, currency)
    return f"{kpi_label(kpi_id)} ({unit})" if unit else kpi_label(kpi_id)


def to_display(kpi_id: str, value: float | None) -> float | None:
    """A registry value in the KPI's display unit (0.8 -> 80.0 for a rate; 372 s -> 6.2 min)."""
    v = _finite(value)
    if v is None:
        return None
    unit = display_unit(kpi_id)
    if unit == "%":
        return v * 100.0
    return v / _DURATION_DIVISOR.get(unit, 1.0) if kpi_unit(kpi_id) == "seconds" else v


def from_display(kpi_id: str, shown: float | None) -> float | None:
    """The registry value of a number typed in the KPI's display unit (inverse of
    :func:`to_display`): 6 for AHT (minutes) -> 360 s; 80 for a rate -> 0.8."""
    if shown is None:
        return None
    v = _finite(shown)
    if v is None:
        raise AnalysisError(f"{kpi_label(kpi_id)}: {shown!r} is not a number.")
    unit = display_unit(kpi_id)
    if unit == "%":
        return v / 100.0
    return v * _DURATION_DIVISOR.get(unit, 1.0) if kpi_unit(kpi_id) == "seconds" else v


# ------------------------------------------------------------------------------------------
# Values, changes, intervals
# ------------------------------------------------------------------------------------------
def fmt_value(value: Any, unit: str, *, currency: str = "€") -> str:
    """A value in ``unit``: a registry unit ("rate", "seconds", "count", "score", "nps",
    "currency") or a display unit ("%", "s", "min", "h"). "seconds" picks s / min / h by size."""
    v = _finite(value)
    if v is None:
        return NA
    if unit in ("rate", "%"):
        return f"{100 * v:.1f}%"
    if unit == "seconds":
        return _duration(v, _duration_scale(abs(v)))
    if unit in _DURATION_DIVISOR:
        return _duration(v, unit)
    if unit == "nps":
        return f"{v:+.0f}"
    if unit == "count":
        return f"{v:,.0f}"
    if unit == "currency":
        return fmt_money(v, currency)
    if unit == "score":
        return f"{v:.2f}"
    return f"{v:,.0f}" if abs(v) >= 100 else f"{v:.3g}"


def fmt_kpi(kpi_id: str, value: Any, *, currency: str = "€") -> str:
    """A KPI value in the KPI's one display unit ("78.0%", "6.2 min", "21.3 s", "4.20")."""
    unit = kpi_unit(kpi_id)
    if unit == "seconds":
        return fmt_value(value, display_unit(kpi_id))
    return fmt_value(value, unit, currency=currency)


def _signed(text: str, value: float) -> str:
    # The sign of what is shown: a change that rounds to zero reads "+0.0", never "-0.0".
    shown_zero = not any(c in "123456789" for c in text)
    return ("-" if value < 0 and not shown_zero else "+") + text


def fmt_change(delta: Any, unit: str, signed: bool = True, *, currency: str = "€") -> str:
    """A change in ``unit``: "+2.1 pts" for rates and NPS, "-30.0 s" / "-2.1 min" for durations
    (by size), "+0.12" for scores, "+1,234" for counts, "-€0.40" for money."""
    v = _finite(delta)
    if v is None:
        return NA
    mag = abs(v)
    if unit in ("rate", "%"):
        text = f"{100 * mag:.1f} pts"
    elif unit == "nps":
        text = f"{mag:.1f} pts"
    elif unit == "seconds" or unit in _DURATION_DIVISOR:
        text = _duration(mag, _duration_scale(mag))
    elif unit == "count":
        text = f"{mag:,.0f}"
    elif unit == "currency":
        text = fmt_money(mag, currency)
    elif unit == "score":
        text = f"{mag:.2f}"
    else:
        text = f"{mag:,.0f}" if mag >= 100 else f"{mag:.3g}"
    return _signed(text, v) if signed else text


def fmt_kpi_change(kpi_id: str, delta: Any, signed: bool = True, *, currency: str = "€") -> str:
    """A change of ``kpi_id`` (:func:`fmt_change` in the KPI's registry unit)."""
    return fmt_change(delta, kpi_unit(kpi_id), signed, currency=currency)


_SUFFIXES = (" pts", " s", " min", " h", "%")


def fmt_interval(low: Any, high: Any, unit: str, *, signed: bool = False) -> str:
    """An interval with the unit once: "72.0 to 78.0%", or with ``signed`` (an interval of
    changes) "-4.6 to -3.0 pts". Both ends share one duration scale."""
    lo, hi = _finite(low), _finite(high)
    if lo is None or hi is None:
        return NA
    if unit == "seconds" or (signed and unit in _DURATION_DIVISOR):
        unit = _duration_scale(max(abs(lo), abs(hi)))
    if signed:
        a, b = fmt_change(lo, unit), fmt_change(hi, unit)
        if unit in _DURATION_DIVISOR:  # one scale for both ends
            a = _signed(_duration(abs(lo), unit), lo)
            b = _signed(_duration(abs(hi), unit), hi)
    else:
        a, b = fmt_value(lo, unit), fmt_value(hi, unit)
    for suffix in _SUFFIXES:
        if a.endswith(suffix) and b.endswith(suffix):
            a = a[: -len(suffix)]
            break
    return f"{a} to {b}"


def fmt_target(kpi_id: str, target: Any, better: str | None = None) -> str:
    """A target with its direction, in the KPI's display unit ("≥ 80.0%", "≤ 6.0 min")."""
    if _finite(target) is None:
        return NA
    k = _kpi(kpi_id)
    direction = better or (str(k.better) if k is not None else "higher")
    sign = "≥" if direction == "higher" else "≤"
    return f"{sign} {fmt_kpi(kpi_id, target)}"


# ------------------------------------------------------------------------------------------
# p-values, counts, shares, money, dates
# ------------------------------------------------------------------------------------------
def fmt_p(p: Any) -> str:
    """A p-value as a reader sees it: "< 0.001", "0.004", "0.03", "> 0.99"; never exponents."""
    v = _finite(p)
    if v is None:
        return NA
    if v < 0.001:
        return "< 0.001"
    if v < 0.01:
        return f"{v:.3f}"
    if v > 0.99:
        return "> 0.99"
    text = f"{v:.2f}"
    if v < 0.05 <= float(text):  # never round a p below 0.05 up to "0.05"
        return f"{math.floor(v * 1000) / 1000:.3f}"
    return text


def fmt_p_clause(p: Any) -> str:
    """A p-value for prose: "p < 0.001", "p = 0.03", "p > 0.99" ("p = n/a" when missing)."""
    text = fmt_p(p)
    return f"p {text}" if text[0] in "<>" else f"p = {text}"


def fmt_count(n: Any) -> str:
    """A count with thousands separators ("214,780")."""
    v = _finite(n)
    return NA if v is None else f"{v:,.0f}"


def fmt_share(share: Any, decimals: int = 1) -> str:
    """A 0-1 share as a percentage ("12.5%") — for shares that are not a KPI (of contacts...)."""
    v = _finite(share)
    return NA if v is None else f"{100 * v:.{decimals}f}%"


def fmt_money(value: Any, currency: str = "€", decimals: int = 2) -> str:
    """An amount with its currency: "€1,234.50", "-€3.00"; a code reads "1,234.50 CHF"."""
    v = _finite(value)
    if v is None:
        return NA
    num = f"{abs(v):,.{decimals}f}"
    sign = "-" if v < 0 and any(c in "123456789" for c in num) else ""
    cur = currency.strip()
    if not cur:
        return f"{sign}{num}"
    if len(cur) == 1:
        return f"{sign}{cur}{num}"
    return f"{sign}{num} {cur}"


def _as_date(value: Any) -> _dt.date | None:
    import pandas as pd

    if value is None or value is pd.NaT:
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    try:
        ts = pd.Timestamp(value)
    except (TypeError, ValueError):
        return None
    return None if pd.isna(ts) else ts.date()


def fmt_date(value: Any) -> str:
    """A date as people write it: "2 Mar 2026" (accepts dates, timestamps and ISO strings)."""
    d = _as_date(value)
    return NA if d is None else f"{d.day} {d:%b %Y}"


def fmt_date_range(start: Any, end: Any) -> str:
    """A date range with nothing repeated: "2–8 Mar 2026", "30 Mar – 5 Apr 2026",
    "29 Dec 2025 – 4 Jan 2026"; one day reads as that date."""
    a, b = _as_date(start), _as_date(end)
    if a is None or b is None:
        return NA
    if a == b:
        return fmt_date(a)
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}–{b.day} {b:%b %Y}"
    if a.year == b.year:
        return f"{a.day} {a:%b} – {b.day} {b:%b %Y}"
    return f"{fmt_date(a)} – {fmt_date(b)}"


# ------------------------------------------------------------------------------------------
# Table cells of no particular KPI
# ------------------------------------------------------------------------------------------
def _fmt_float(v: float) -> str:
    if math.isnan(v):
        return ""
    if math.isinf(v):
        return "∞" if v > 0 else "-∞"
    if v.is_integer() and abs(v) < 1e15:
        return f"{v:,.0f}"
    return f"{v:,.1f}" if abs(v) >= 100 else f"{v:.4g}"


def fmt_cell(value: Any) -> str:
    """A table cell of no particular unit as short text: thousands separators, four significant
    digits ("66.14", "431.1", "1,234"), "yes"/"no", ISO dates; missing values read ""."""
    import numpy as np
    import pandas as pd

    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, bool | np.bool_):
        return "yes" if value else "no"
    if isinstance(value, float | np.floating):
        return _fmt_float(float(value))
    if isinstance(value, int | np.integer):
        return f"{int(value):,}"
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d" if value == value.normalize() else "%Y-%m-%d %H:%M")
    return str(value)

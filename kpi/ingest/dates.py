"""Date order (day first or month first) decided per column from all of its values.

06/01/2025 is 6 January in most of the world and June 1st in the United States. One look at a
hundred rows cannot tell: a column is read day-first when any value's first field is over 12,
month-first when any value's second field is over 12, and the whole column is read that way.
When no value decides it, a locale hint (a ``;`` separator with decimal commas, a ``.``
separator) says day-first; otherwise month-first is assumed, and the report says so.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

__all__ = ["DateOrder", "DateOrderDecision", "detect_date_order", "impossible_in"]

_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_NUMERIC = r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2,4})\b"


@dataclass(frozen=True, slots=True)
class DateOrderDecision:
    """How a date column's day/month order was decided (``ImportReport.date_orders``).

    Attributes
    ----------
    order : "dmy", "mdy" or "" (the values are not day/month/year dates: ISO, text months...).
    decided_by : "data" (a field over 12), "iso" (the column's ISO dates set the period the
        written dates must fall in), "span" (read one way the dates cover a short period, read
        the other way months: ``count`` and ``other`` are the two spans in days), "months"
        (read so, every date is the first of a month: a monthly report; ``count`` months),
        "hint" (the
        file's ``;`` separator and decimal commas,
        or dotted dates), "assumed" (ambiguous: month-first assumed, or mixed orders: the
        majority), "mapping" (set in the mapping) or "".
    count : how many distinct values showed the deciding field over 12.
    example : one value of the column (the deciding one when decided by the data).
    column : the file's column (the date part when a date and a time are combined).
    target : the canonical field (``start_time``, ``date``...).
    rejected : rows quarantined because their date is impossible in the order the mapping
        forces (``13/01/2025`` under month-first); never read in the other order.
    rejected_example : one such value.
    """

    order: str
    decided_by: str
    count: int = 0
    example: str = ""
    column: str = ""
    target: str = ""
    rejected: int = 0
    rejected_example: str = ""
    other: int = 0  # "span": the days the dates would span read in the other order

    @property
    def dayfirst(self) -> bool | None:
        return {"dmy": True, "mdy": False}.get(self.order)

    def sentence(self) -> str | None:
        """The evidence, in one or two sentences (None when there was nothing to decide)."""
        said = self.describe(self.column)
        if said is None or not self.rejected:
            return said
        return f"{said}. {self.rejection()}"

    def rejection(self) -> str:
        """What the forced order set aside ("" when nothing)."""
        if not self.rejected:
            return ""
        word = _WORDS.get(self.order, self.order)
        other = "day-first" if self.order == "mdy" else "month-first"
        rows = "1 row" if self.rejected == 1 else f"{self.rejected:,} rows"
        fix = (
            f"if the file is {other}, set its date order to {other} or to decide from the values"
            if self.decided_by == "mapping"
            else "the column mixes orders: check the export"
        )
        return (
            f"'{self.column}': {rows} set aside, as {self.rejected_example} is not a valid "
            f"{word} date; {fix}"
        )

    @property
    def forces(self) -> bool:
        """True when values impossible in ``order`` are set aside: the order is forced by the
        mapping, or the column mixes both orders (the majority is read)."""
        return self.order in _WORDS and (
            self.decided_by == "mapping" or (self.decided_by == "assumed" and self.count > 0)
        )

    def reason(self) -> str:
        """The quarantine reason of a row whose date is impossible in ``order``."""
        word = _WORDS.get(self.order, self.order)
        return f"not a valid {word} date ('{self.column}' is read {word})"

    def describe(self, column: str) -> str | None:
        """One sentence for the import report (None when there was nothing to decide)."""
        if not self.order:
            return None
        word = _WORDS[self.order]
        meaning = _meaning(self.example, self.order)
        head = f"'{column}': read {word}" + (f" ({self.example} = {meaning})" if meaning else "")
        if self.decided_by == "data":
            field = "first" if self.order == "dmy" else "second"
            have = "value has" if self.count == 1 else "values have"
            return f"{head}: {self.count:,} {have} a {field} field over 12"
        if self.decided_by == "iso":
            return (
                f"{head}: the column's ISO dates set its period, and {self.count:,} written dates "
                "fall inside it only when read so"
            )
        if self.decided_by == "months":
            return (
                f"{head}: ambiguous (no value has a field over 12), but read so every date is "
                f"the first of a month ({self.count:,} months: a monthly report); set "
                "date_order in the mapping if that is wrong"
            )
        if self.decided_by == "span":
            other = "month-first" if self.order == "dmy" else "day-first"
            return (
                f"{head}: ambiguous (no value has a field over 12), but read so its dates "
                f"span {_days(self.count)}, read {other} {_days(self.other)}; set date_order in "
                "the mapping if that is wrong"
            )
        if self.decided_by == "hint":
            return f"{head}: no value decides it; the file's ';' separator and decimal commas say day-first"
        if self.decided_by == "mapping":
            return f"{head}, as the mapping says (date_order)"
        return (
            f"{head}: ambiguous, no value has a field over 12, so month-first was assumed; "
            "set date_order to dmy in the mapping if the file is day-first"
        )


def _order_by_iso(distinct: pd.Series, fields: pd.DataFrame) -> DateOrderDecision | None:
    """The order that puts more of the ambiguous written dates inside the period of the same
    column's ISO dates (a workbook's date cells beside dates retyped as dd/mm text), or None
    (fewer than three ISO dates, or a tie)."""
    iso = pd.to_datetime(
        distinct[distinct.str.match(r"^\s*\d{4}-\d{2}-\d{2}", na=False)].str.strip().str[:10],
        errors="coerce",
        format="%Y-%m-%d",
    ).dropna()
    if len(iso) < 3:
        return None
    lo, hi = iso.min(), iso.max()
    a, b, year = (fields[k].astype(int) for k in (0, 1, 2))
    year = year.where(year >= 100, year + 2000)
    inside = {}
    for order, (day, month) in (("dmy", (a, b)), ("mdy", (b, a))):
        dates = pd.to_datetime(
            pd.DataFrame({"year": year, "month": month, "day": day}), errors="coerce"
        )
        inside[order] = int(dates.between(lo, hi).sum())
    if inside["dmy"] == inside["mdy"]:
        return None
    order = max(inside, key=lambda o: inside[o])
    example = str(distinct[fields.index[0]])
    return DateOrderDecision(order, "iso", inside[order], example)


def _days(n: int) -> str:
    return "1 day" if n == 1 else f"{n:,} days"


#: Read one way, the dates must span at most this share of the other way's span (and the
#: other way at least four weeks) for the shorter to decide: an export covers one period.
_SPAN_RATIO, _SPAN_MIN_DAYS = 3, 28


def _order_by_span(
    distinct: pd.Series, fields: pd.DataFrame, periods: bool = False
) -> DateOrderDecision | None:
    """The order in which the ambiguous dates (no field over 12) cover a short period where the
    other order spreads them over months (a UK week 03/03-07/03 read month-first runs from
    3 March to 3 July), or None when neither is clearly shorter."""
    a, b, year = (fields[k].astype(int) for k in (0, 1, 2))
    year = year.where(year >= 100, year + 2000)
    # A summary dates each month by its first day: the order that makes every date the 1st
    # of three or more months is the one (01/01..12/01 month-first, 01/01..01/12 day-first),
    # however short the other order's span. (Not for contact logs: contacts come every day.)
    firsts = (("dmy", (a, b)), ("mdy", (b, a))) if periods else ()
    for order, (day, month) in firsts:
        if day.eq(1).all() and month.nunique() >= 3:
            example = str(distinct[fields.index[0]])
            return DateOrderDecision(order, "months", int(month.nunique()), example)
    spans = {}
    for order, (day, month) in (("dmy", (a, b)), ("mdy", (b, a))):
        dates = pd.to_datetime(
            pd.DataFrame({"year": year, "month": month, "day": day}), errors="coerce"
        ).dropna()
        if len(dates) < 2:
            return None
        spans[order] = int((dates.max() - dates.min()).days)
    short, long = sorted(spans, key=lambda o: spans[o])
    if spans[long] < _SPAN_MIN_DAYS or spans[short] * _SPAN_RATIO > spans[long]:
        return None
    example = str(distinct[fields.index[0]])
    return DateOrderDecision(short, "span", spans[short], example, other=spans[long])


#: The name this module had before it became the report's record.
DateOrder = DateOrderDecision
_WORDS = {"dmy": "day-first", "mdy": "month-first"}


def _meaning(example: str, order: str) -> str:
    m = pd.Series([example]).str.extract(_NUMERIC).iloc[0]
    if m.isna().any():
        return ""
    a, b = int(m[0]), int(m[1])
    day, month = (a, b) if order == "dmy" else (b, a)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return ""
    year = m[2] if len(str(m[2])) == 4 else f"20{m[2]}"
    return f"{day} {_MONTHS[month - 1]} {year}"


def _date_parts(text: pd.Series) -> pa.Array:
    """The date part of each value (its first ten characters, trimmed), as Arrow text."""
    values = pa.array(text.astype("string").array) if len(text) else pa.array([], pa.string())
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    return pc.utf8_slice_codeunits(pc.utf8_trim_whitespace(values), 0, 10)


def impossible_in(text: pd.Series, order: str) -> pd.Series:
    """True where a value written d/m/y or m/d/y is not a valid date in ``order`` ("dmy" or
    "mdy"): ``13/01/2025`` is not month-first (no 13th month), ``01/32/2025`` not either.

    Used when the mapping forces the order: such values are set aside, never read the other
    way round (one column, one order). ISO and text-month values are never flagged.
    """
    out = pd.Series(np.zeros(len(text), dtype=bool), index=text.index, copy=False)
    if order not in _WORDS or not len(text):
        return out
    parts = _date_parts(text)
    distinct = pd.Series(pc.unique(parts).drop_null().to_pylist(), dtype="object")
    fields = distinct.str.extract(_NUMERIC).dropna()
    if fields.empty:
        return out
    a, b = fields[0].astype(int), fields[1].astype(int)
    day, month = (a, b) if order == "dmy" else (b, a)
    year = fields[2].astype(int)
    year = year.where(year >= 100, year + 2000)
    stamp = pd.to_datetime(
        pd.DataFrame({"year": year, "month": month.clip(1, 12), "day": 1}), errors="coerce"
    )
    last = stamp.dt.days_in_month
    wrong = ~month.between(1, 12) | ~day.between(1, 31) | (day > last.fillna(31))
    bad = set(distinct[fields.index[wrong.to_numpy()]])
    if not bad:
        return out
    hit = pc.is_in(parts, value_set=pa.array(sorted(bad), pa.string()))
    return pd.Series(
        np.asarray(hit.to_numpy(zero_copy_only=False), dtype=bool), index=text.index, copy=False
    ).fillna(False)


def detect_date_order(
    text: pd.Series, *, locale_dayfirst: bool = False, forced: str = "auto", periods: bool = False
) -> DateOrderDecision:
    """Decide the order of day and month in ``text`` (dates as written) from all its values.

    ``forced`` ("dmy" / "mdy") comes from the mapping and wins; ``locale_dayfirst`` is the
    reader's hint (``;`` separator with decimal commas); ``periods``: the dates label a
    summary's periods (a monthly report dates each month by its first day).
    """
    # The date part only, distinct values: a million timestamps hold a few hundred dates.
    head = pc.unique(_date_parts(text)).drop_null()
    distinct = pd.Series(head.to_pylist(), dtype="object")
    fields = distinct.str.extract(_NUMERIC).dropna()
    if fields.empty:
        return DateOrderDecision("", "")
    example = str(distinct[fields.index[0]])
    if forced in ("dmy", "mdy"):
        return DateOrderDecision(forced, "mapping", 0, example)
    first = fields[0].astype(int)
    second = fields[1].astype(int)
    day_first = int((first > 12).sum())
    month_first = int((second > 12).sum())
    if day_first and not month_first:
        return DateOrderDecision(
            "dmy", "data", day_first, str(distinct[first[first > 12].index[0]])
        )
    if month_first and not day_first:
        return DateOrderDecision(
            "mdy", "data", month_first, str(distinct[second[second > 12].index[0]])
        )
    if day_first and month_first:  # both: mixed formats; the majority wins, and it is said
        order = "dmy" if day_first >= month_first else "mdy"
        return DateOrderDecision(order, "assumed", max(day_first, month_first), example)
    by_iso = _order_by_iso(distinct, fields)
    if by_iso is not None:
        return by_iso
    dotted = fields.index.isin(distinct.index[distinct.str.contains(r"^\s*\d{1,2}\.\d{1,2}\.")])
    if dotted.all():  # 01.03.2025: dotted dates are day-first wherever they are written
        return DateOrderDecision("dmy", "hint", 0, example)
    by_span = _order_by_span(distinct, fields, periods)
    if by_span is not None:
        return by_span
    if locale_dayfirst:
        return DateOrderDecision("dmy", "hint", 0, example)
    return DateOrderDecision("mdy", "assumed", 0, example)

"""Date order (day first or month first) decided per column from all of its values.

06/01/2025 is 6 January in most of the world and June 1st in the United States. One look at a
hundred rows cannot tell: a column is read day-first when any value's first field is over 12,
month-first when any value's second field is over 12, and the whole column is read that way.
When no value decides it, a locale hint (a ``;`` separator with decimal commas, a ``.``
separator) says day-first; otherwise month-first is assumed, and the report says so.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

__all__ = ["DateOrder", "detect_date_order"]

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
class DateOrder:
    """How a column's dates were read.

    Attributes
    ----------
    order : "dmy", "mdy" or "" (the values are not day/month/year dates: ISO, text months...).
    decided_by : "values" (a field over 12), "locale" (separator hint), "assumed" (ambiguous:
        month-first assumed), "mapping" (set in the mapping) or "".
    count : how many distinct values showed the deciding field over 12.
    example : one value of the column.
    """

    order: str
    decided_by: str
    count: int = 0
    example: str = ""

    @property
    def dayfirst(self) -> bool | None:
        return {"dmy": True, "mdy": False}.get(self.order)

    def describe(self, column: str) -> str | None:
        """One sentence for the import report (None when there was nothing to decide)."""
        if not self.order:
            return None
        word = "day-first" if self.order == "dmy" else "month-first"
        meaning = _meaning(self.example, self.order)
        head = f"'{column}': read {word}" + (f" ({self.example} = {meaning})" if meaning else "")
        if self.decided_by == "values":
            field = "first" if self.order == "dmy" else "second"
            return f"{head}: {self.count:,} values have a {field} field over 12"
        if self.decided_by == "locale":
            return f"{head}: no value decides it; the file's ';' separator and decimal commas say day-first"
        if self.decided_by == "mapping":
            return f"{head}, as the mapping says (date_order)"
        return (
            f"{head}: ambiguous, no value has a field over 12, so month-first was assumed; "
            "set date_order to dmy in the mapping if the file is day-first"
        )


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


def detect_date_order(
    text: pd.Series, *, locale_dayfirst: bool = False, forced: str = "auto"
) -> DateOrder:
    """Decide the order of day and month in ``text`` (dates as written) from all its values.

    ``forced`` ("dmy" / "mdy") comes from the mapping and wins; ``locale_dayfirst`` is the
    reader's hint (``;`` separator with decimal commas).
    """
    values = pa.array(text.astype("string").array) if len(text) else pa.array([], pa.string())
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    # The date part only, distinct values: a million timestamps hold a few hundred dates.
    head = pc.unique(pc.utf8_slice_codeunits(pc.utf8_trim_whitespace(values), 0, 10)).drop_null()
    distinct = pd.Series(head.to_pylist(), dtype="object")
    fields = distinct.str.extract(_NUMERIC).dropna()
    if fields.empty:
        return DateOrder("", "")
    example = str(distinct[fields.index[0]])
    if forced in ("dmy", "mdy"):
        return DateOrder(forced, "mapping", 0, example)
    first = fields[0].astype(int)
    second = fields[1].astype(int)
    day_first = int((first > 12).sum())
    month_first = int((second > 12).sum())
    if day_first and not month_first:
        return DateOrder("dmy", "values", day_first, str(distinct[first[first > 12].index[0]]))
    if month_first and not day_first:
        return DateOrder("mdy", "values", month_first, str(distinct[second[second > 12].index[0]]))
    if day_first and month_first:  # both: mixed formats; the majority wins, and it is said
        order = "dmy" if day_first >= month_first else "mdy"
        return DateOrder(order, "assumed", max(day_first, month_first), example)
    dotted = fields.index.isin(distinct.index[distinct.str.contains(r"^\s*\d{1,2}\.\d{1,2}\.")])
    if locale_dayfirst or dotted.all():
        return DateOrder("dmy", "locale", 0, example)
    return DateOrder("mdy", "assumed", 0, example)

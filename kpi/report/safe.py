"""Neutralising values from the user's data before they reach a spreadsheet, a slide or a page."""

from __future__ import annotations

import math
import re
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["FORMULA_PREFIXES", "format_value", "safe_cell", "safe_frame", "xml_text"]

# OWASP "CSV injection": a spreadsheet evaluates a cell that starts with one of these as a
# formula (=HYPERLINK(...), +cmd|..., -2+3, @SUM(...)); tab and carriage return are included
# because some importers strip them and then see the next character.
FORMULA_PREFIXES: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")

# Characters XML 1.0 forbids (openpyxl and python-pptx refuse them): C0 controls except tab,
# newline and carriage return.
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def safe_cell(value: Any) -> Any:
    """One cell made safe for CSV / Excel: a formula-looking string gets a leading quote.

    Only strings are touched: a negative number stored as a number stays a number.

    Parameters
    ----------
    value : any cell value.

    Returns
    -------
    The value unchanged, or ``"'" + value`` when it is a string starting with ``=``, ``+``,
    ``-``, ``@``, a tab or a carriage return.
    """
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _safe_labels(index: pd.Index) -> pd.Index:
    if isinstance(index, pd.MultiIndex):
        return pd.MultiIndex.from_tuples(
            [tuple(safe_cell(v) for v in t) for t in index], names=index.names
        )
    if pd.api.types.is_object_dtype(index.dtype) or isinstance(index.dtype, pd.StringDtype):
        return pd.Index([safe_cell(v) for v in index], name=index.name, dtype=object)
    return index


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` safe to write as CSV / Excel (see :func:`safe_cell`).

    String cells (object, string and categorical columns), column names and string index labels
    that look like formulas get a leading single quote. Numeric, boolean and datetime columns
    are returned unchanged, so numbers stay numbers.

    Parameters
    ----------
    frame : any DataFrame.

    Returns
    -------
    DataFrame with the same shape, columns (names neutralised) and index.
    """
    out = frame.copy()
    for i in range(out.shape[1]):
        col = out.iloc[:, i]
        dtype = col.dtype
        if isinstance(dtype, pd.CategoricalDtype):
            col = col.astype(object)
            dtype = col.dtype
        if pd.api.types.is_object_dtype(dtype) or isinstance(dtype, pd.StringDtype):
            values = np.array([safe_cell(v) for v in col.tolist()], dtype=object)
            out.isetitem(i, pd.Series(values, index=out.index, dtype=object))
    out.columns = _safe_labels(out.columns)
    out.index = _safe_labels(out.index)
    return out


def xml_text(text: Any) -> str:
    """``str(text)`` without the control characters XML cannot hold."""
    return _XML_ILLEGAL.sub("", "" if text is None else str(text))


def format_value(value: Any) -> str:  # noqa: C901 -- ratchet (#17): split or fix pending
    """A table cell as short display text (thousands separators, 4 significant digits)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, float | np.floating):
        v = float(value)
        if math.isnan(v):
            return ""
        if math.isinf(v):
            return "∞" if v > 0 else "-∞"
        if v.is_integer() and abs(v) < 1e15:
            return f"{v:,.0f}"
        if abs(v) >= 100:
            return f"{v:,.1f}"
        return f"{v:.4g}"
    if isinstance(value, bool | np.bool_):
        return "yes" if value else "no"
    if isinstance(value, int | np.integer):
        return f"{int(value):,}"
    if isinstance(value, pd.Timestamp):
        if value == value.normalize():
            return value.strftime("%Y-%m-%d")
        return value.strftime("%Y-%m-%d %H:%M")
    return str(value)

"""Neutralising values from the user's data before they reach a spreadsheet, a slide or a page."""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

from kpi.format import fmt_cell

__all__ = ["FORMULA_PREFIXES", "format_value", "safe_cell", "safe_frame", "xml_text"]

# The product's one guard against spreadsheet formulas (CSV / Excel / slides / the CLI's CSV):
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
            # a Series of dtype object: a bare array would be re-inferred as a string dtype
            column = pd.Series(values, index=out.index, dtype=object)
            out.isetitem(i, column)  # type: ignore[arg-type]  # pandas-stubs omit Series here
    out.columns = _safe_labels(out.columns)
    out.index = _safe_labels(out.index)
    return out


def xml_text(text: Any) -> str:
    """``str(text)`` without the control characters XML cannot hold."""
    return _XML_ILLEGAL.sub("", "" if text is None else str(text))


def format_value(value: Any) -> str:
    """A table cell as short display text: :func:`kpi.format.fmt_cell` (the one formatter)."""
    return fmt_cell(value)

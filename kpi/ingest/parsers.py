"""Vectorised value parsers for the importer: timestamps, durations, booleans, numbers, rates.

Private to :mod:`kpi.ingest`. Every parser returns the parsed series and a boolean ``bad`` mask
(True where the cell had a value that could not be read), so the importer can quarantine those
rows instead of silently turning them into missing values.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from kpi.ingest._fastpath import edge_space, has_blank, is_arrow_text

__all__ = [
    "DIRECTION_PATTERNS",
    "by_unique",
    "csat_to_five",
    "decimal_minutes",
    "filled_mask",
    "is_arrow_text",
    "is_text",
    "parse_id_text",
    "parse_score",
    "parse_bool",
    "parse_direction",
    "parse_duration",
    "parse_number",
    "parse_number_noted",
    "number_separators",
    "parse_rate",
    "parse_text",
    "unit_from_name",
    "written_durations",
]

#: Ticks: a yes in a hand-kept sheet.
_TICKS = frozenset({"✓", "✔", "☑", "✅", "√"})
_TRUE = {
    "y",
    "yes",
    "true",
    "t",
    "1",
    "1.0",
    "oui",
    "si",
    "sí",
    "sì",
    "sim",
    "ja",
    "x",
    "abandoned",
    *_TICKS,
}
#: A cell that marks a yes (a tick, an X) in a column whose other cells are left blank.
_MARKS = _TICKS | {"x", "*"}
_FALSE = {"n", "no", "false", "f", "0", "0.0", "non", "nein", "não", "nao", "nee", "2", "2.0"}


def is_text(s: pd.Series) -> bool:
    """Text cells (object or string dtype, or a Categorical of text)."""
    if isinstance(s.dtype, pd.CategoricalDtype):
        return is_text(pd.Series(s.cat.categories))
    return s.dtype == object or pd.api.types.is_string_dtype(s.dtype)


def by_unique(s: pd.Series, fn: Callable[[pd.Series], pd.Series], dtype: Any) -> pd.Series:
    """Apply ``fn`` (Series -> Series) to the distinct values of ``s`` only, then broadcast.

    Category-like columns (Y/N flags, directions, channels) have a handful of distinct values in
    a million rows: parsing those few is what keeps large imports fast.
    """
    # An id column (a million distinct values) gains nothing from factorising first: judge
    # the cardinality on a sample before paying for a full hash pass.
    if len(s) > 20_000 and s.iloc[:20_000].nunique(dropna=True) > 5_000:
        return fn(s).astype(dtype)
    codes, uniques = pd.factorize(s, use_na_sentinel=True)
    if len(uniques) > max(1000, len(s) // 4):
        return fn(s).astype(dtype)
    parsed = fn(pd.Series(np.asarray(uniques, dtype=object), dtype=s.dtype)).astype(dtype)
    return pd.Series(parsed.array.take(codes, allow_fill=True), index=s.index, copy=False)


def filled_mask(s: pd.Series) -> pd.Series:
    """True where a cell holds something (not missing, not blank text)."""
    if isinstance(s.dtype, pd.CategoricalDtype):  # judge each category once
        cats = filled_mask(pd.Series(s.cat.categories)).to_numpy()
        codes = s.cat.codes.to_numpy()
        return pd.Series(
            np.where(codes < 0, False, cats[np.maximum(codes, 0)]), index=s.index, copy=False
        )
    mask = s.notna()
    if is_text(s):
        mask &= s.astype("string").str.strip().fillna("").ne("")
    return mask.fillna(False).astype(bool)


#: Whole days in front of an H:MM:SS clock. .NET writes a timespan "1.02:03:04" (a "-" in front
#: negates the whole span); pandas writes a Timedelta "0 days 00:05:12.500000" and Python a
#: timedelta "1 day, 2:03:04", whose days carry the sign and whose clock is added to them
#: ("-1 days +23:59:50" is -10 s). Groups: the .NET sign and days, the signed days in words,
#: the clock.
_DAYS = re.compile(
    r"^\s*(?:(-?)(\d+)\.|(-?\d+)\s+days?,?\s+\+?)(\d+:\d{1,2}:\d{1,2}(?:\.\d+)?)\s*$",
    re.IGNORECASE,
)
#: The cells that may start with days: a test that Arrow's regular expressions run at C speed
#: (no "\s", which pandas runs in Python), only those cells are then read with :data:`_DAYS`.
_MAY_HAVE_DAYS = r"^[ \t]*-?\d+(?:\.\d+:\d{1,2}:|[ \t]+days?)"
#: H:MM:SS, MM:SS, with fractions of a second, days in front as above.
_HMS = re.compile(
    r"^\s*-?(?:\d+\.|\d+\s+days?,?\s+\+?(?=\d+:\d{1,2}:))?\d+:\d{1,2}(:\d{1,2})?([.,]\d+)?\s*$",
    re.IGNORECASE,
)


def unit_from_name(name: str) -> str | None:
    """The duration unit a column name announces (None when it says nothing)."""
    n = name.lower()
    if re.search(r"(\bms\b|_ms$|millis|milliseconds|\(ms\))", n):
        return "ms"
    if re.search(r"(minutes|\bmins?\b|_min$|\(min\)|in min)", n):
        return "min"
    if re.search(r"(\bhrs?\b|hours|\(in hrs\)|\(h\))", n):
        return "h"
    if re.search(r"(seconds|\bsecs?\b|_s$|\(s\))", n):
        return "s"
    return None


_FACTORS = {"s": 1.0, "ms": 0.001, "min": 60.0, "h": 3600.0, "hm": 3600.0}


def parse_duration(
    s: pd.Series, unit: str = "auto", name: str = "", *, minutes: bool = False
) -> tuple[pd.Series, pd.Series, str]:
    """Durations in seconds from seconds, ms, minutes, hours or HH:MM:SS text.

    With ``unit="auto"`` the unit comes from the column name ("... in minutes", "_ms"), else
    from the values: HH:MM:SS text is read as such; plain numbers whose median is above 10,000
    are taken as milliseconds (a median contact over 2.7 hours is implausible); with
    ``minutes`` (one contact per row, not a summary's averages) numbers that are whole seconds
    divided by 60 are decimal minutes (:func:`decimal_minutes`); else seconds.
    Returns (seconds float64, bad mask, unit used).
    """
    if isinstance(s.dtype, np.dtype) and s.dtype.kind in "iuf" and unit != "hms":
        # Plain numbers (the common case on a large file): no text handling, no copies.
        num = pd.Series(s.to_numpy(dtype="float64"), index=s.index, copy=False)
        if unit == "auto":
            unit = unit_from_name(name) or _unit_from_values(num, minutes)
        none = pd.Series(np.zeros(len(s), dtype=bool), index=s.index, copy=False)
        return _scaled(num, unit, minutes), none, unit
    filled = filled_mask(s)
    if pd.api.types.is_timedelta64_dtype(s.dtype):
        return s.dt.total_seconds().astype("float64"), pd.Series(False, index=s.index), "hms"
    if pd.api.types.is_bool_dtype(s.dtype):  # true/false is not a duration: every cell is bad
        return pd.Series(np.nan, index=s.index), filled, "s" if unit == "auto" else unit
    if is_text(s):
        text = s.astype("string").str.strip()
        written = _written_duration(text, filled, unit)
        if written is not None:
            secs, bad, used = written
            return secs, _no_figure(text, bad), used
        # Milliseconds are written whole: "3,322" ms is three thousand, not 3.322.
        known = unit if unit != "auto" else unit_from_name(name)
        num, bad = parse_number(text, integer_like=known == "ms")
    else:
        num = pd.to_numeric(s, errors="coerce").astype("float64")
        bad = filled & num.isna()
        if unit == "hms":
            unit = "s"
    if unit == "auto":
        unit = unit_from_name(name) or _unit_from_values(num, minutes)
    return _scaled(num, unit, minutes), bad, unit


def _written_duration(
    text: pd.Series, filled: pd.Series, unit: str
) -> tuple[pd.Series, pd.Series, str] | None:
    """Durations written as H:MM:SS, spelled out ("3h 50m") or in ISO 8601 ("PT3M19S"), read
    as such when most of a sample is; None for plain numbers. Placeholders ("--" where a
    duration does not apply) are left out of the sample."""
    sample = _figures(text, filled)
    # A zero is the same under every reading: a typed 0 where there was no hold beside clock
    # cells ("0", "0:01:59") must not outvote the clocks.
    sample = sample[~sample.str.fullmatch(r"-?0+(?:[.,]0+)?").fillna(False)]
    if unit == "hms":  # a clock written with dots or "h" ("11.24.16", "9 h 43", "13h05")
        text = text.str.replace(_DOT_CLOCK, r"\1:\2:\3", regex=True)
        text = text.str.replace(_H_CLOCK, r"\1:\2:00", regex=True)
    # H:MM:SS text is read as such even when the header names a unit ("Talk (s)").
    if unit == "hm":  # "142:32" under "(hh:mm)": hours and minutes
        hm = text.where(text.str.count(":").ne(1).fillna(True), text + ":00")
        secs, bad, _ = _parse_hms(hm, filled)
        return secs, bad, "hm"
    if unit == "hms" or (len(sample) and sample.str.match(_HMS).mean() > 0.5):
        return _parse_hms(text, filled)
    if len(sample) and sample.str.match(_SPELLED).mean() > 0.5:
        return _parse_spelled(text, filled)
    if len(sample) and sample.str.match(_ISO).mean() > 0.5:
        return _parse_iso(text, filled)
    if len(sample) and sample.str.match(_PRIME).mean() > 0.5:  # 5'34'' (Switzerland)
        parts = text.str.extract(_PRIME)
        secs = pd.to_numeric(parts[0], errors="coerce") * 60 + pd.to_numeric(
            parts[1], errors="coerce"
        )
        return secs.astype("float64"), filled & secs.isna(), "hms"
    return None


def written_durations(values: Sequence[str]) -> bool:
    """Whether most of ``values`` are durations written as clocks (``0:01:30``), spelled out
    (``2 mins 5 secs``) or in ISO 8601 (``PT1M30S``): a column of times taken, not of names."""
    cells = (str(v).strip() for v in values)
    vals = [v for v in cells if v and v.lower() not in _NO_DURATION][:200]
    if not vals:
        return False
    hits = sum(bool(_HMS.match(v) or _SPELLED.match(v) or _ISO.match(v)) for v in vals)
    return hits > 0.8 * len(vals)


def _scaled(num: pd.Series, unit: str, each: bool = False) -> pd.Series:
    """Numbers in ``unit`` as seconds. A contact's own minutes and hours (``each``) are
    rounded to the whole second: an export writes 1 h 50 min as "1.8333" h (6,599.88 s), and
    10 min 59 s as "10,98" min (658.8 s), coarser than the seconds it measured. A summary's
    averages are rounded only within 0.15 s of a whole second: 5.97 min stays 358.2 s (two
    decimals of a minute are 0.6 s apart)."""
    factor = _FACTORS.get(unit, 1.0)
    if factor == 1.0:
        return num
    out = num * factor
    if factor < 60:
        return out
    whole = out.round(0)
    return whole if each else whole.where((out - whole).abs() < 0.15, out)


#: Times of day with dots (Danish, Finnish "11.24.16") or an "h" (Canadian French "9 h 43").
_DOT_CLOCK = r"^\s*(\d{1,2})\.(\d{2})\.(\d{2})\s*$"
_H_CLOCK = r"^\s*(\d{1,2})\s*h\s*(\d{2})\s*$"
#: Minutes and seconds with primes: "5'34''", "0'36\"" (Swiss exports).
_PRIME = re.compile(r"^\s*(\d+)'\s*(\d{1,2})(?:''|\"|′′|″)?\s*$")
#: Spelled-out durations: "3h 50m", "1d 2h", "45m", "2 hours 5 minutes", "1w 2d" (Jira).
_PART = r"(\d+(?:[.,]\d+)?)\s*(w|d|h|m|s)[a-z]*"
_SPELLED = re.compile(rf"^\s*-?\s*(?:{_PART}\s*,?\s*)+$", re.IGNORECASE)
_PART_RE = re.compile(_PART, re.IGNORECASE)
#: Jira counts working time: a "1d" is 8 hours and "1w" 5 days by default, but a service-desk
#: export's "Time to first response" is elapsed time, so a day is 24 h and a week 7 days.
_SPELLED_FACTORS = {"w": 604_800.0, "d": 86_400.0, "h": 3600.0, "m": 60.0, "s": 1.0}


def _parse_spelled(text: pd.Series, filled: pd.Series) -> tuple[pd.Series, pd.Series, str]:
    """Seconds from spelled-out durations ("3h 50m"); cells that do not read are bad."""

    def one(v: object) -> float:
        cell = str(v).strip().lower()
        if not _SPELLED.match(cell):
            return float("nan")
        total = sum(
            float(n.replace(",", ".")) * _SPELLED_FACTORS[u.lower()]
            for n, u in _PART_RE.findall(cell)
        )
        return -total if cell.startswith("-") else total

    uniques = pd.unique(text[filled])
    lookup = {u: one(u) for u in uniques}
    out = text.map(lookup).astype("float64")
    return out, filled & out.isna(), "s"


#: ISO 8601 durations (CDRs, APIs): "PT3M19S", "PT0S", "PT1H2M3.5S", "P1DT2H".
_ISO = re.compile(
    r"^-?P(?=\d|T\d)(?:(\d+(?:[.,]\d+)?)D)?"
    r"(?:T(?=\d)(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$",
    re.IGNORECASE,
)


def _parse_iso(text: pd.Series, filled: pd.Series) -> tuple[pd.Series, pd.Series, str]:
    """Seconds from ISO 8601 durations; cells that do not read are bad."""

    def one(v: object) -> float:
        m = _ISO.match(str(v).strip())
        if m is None:
            return float("nan")
        parts = [float(g.replace(",", ".")) if g else 0.0 for g in m.groups()]
        total = parts[0] * 86_400 + parts[1] * 3600 + parts[2] * 60 + parts[3]
        return -total if str(v).strip().startswith("-") else total

    uniques = pd.unique(text[filled])
    lookup = {u: one(u) for u in uniques}
    out = text.map(lookup).astype("float64")
    return out, filled & out.isna(), "s"


#: A median above this many "seconds" per contact is taken as milliseconds (2.7 hours).
MS_MEDIAN = 10_000.0


def _unit_from_values(num: pd.Series, minutes: bool = False) -> str:
    """ "ms" when the median positive value is above 10,000 (a median contact over 2.7 hours is
    implausible in seconds); with ``minutes``, "min" when :func:`decimal_minutes` says so;
    else "s". Judged on an even sample of at most ~100,000 cells."""
    values = num.to_numpy(dtype="float64", na_value=np.nan)
    if len(values) > 200_000:
        values = values[:: len(values) // 100_000]
    positive = values[values > 0]
    if len(positive) and float(np.median(positive)) > MS_MEDIAN:
        return "ms"
    return "min" if minutes and decimal_minutes(positive) else "s"


def decimal_minutes(values: np.ndarray) -> bool:
    """Whether durations are decimal minutes written from whole seconds (Dialpad's
    ``talk_duration`` 4.733333 = 284 s / 60), a unit no header says.

    Every positive value times 60 is a whole number (within 0.003), at least 5 values are not
    whole, and at least 3 of them (and a fifth of the non-whole ones) are a number of seconds
    that is not a multiple of 3 over 60 -- a repeating decimal (.016667, .733333) that seconds
    written with up to three decimals (12.5, 30.25, 1.234) cannot be, as 1/20 s multiples are
    exactly the sixtieths with a finite decimal. Seconds written as whole numbers are never
    minutes. And the median read as minutes is at most 3 hours.
    """
    v = values[np.isfinite(values) & (values > 0)]
    if len(v) < 5:
        return False
    sixty = v * 60.0
    whole_seconds = np.abs(sixty - np.round(sixty)) <= 0.003
    if not whole_seconds.all():
        return False
    fractional = v[np.abs(v - np.round(v)) > 1e-9]
    if len(fractional) < 5:
        return False
    thirds = np.round(fractional * 60.0).astype("int64") % 3 != 0
    n = int(thirds.sum())
    return n >= 3 and n >= 0.2 * len(fractional) and float(np.median(v)) <= 180.0


def _parse_hms(text: pd.Series, filled: pd.Series) -> tuple[pd.Series, pd.Series, str]:
    # .NET "1.02:03:04": 1 day 2 h 3 min 4 s, the sign ("-1.02:03:04") read with the clock's;
    # pandas "-1 days +23:59:50": signed days, to which the clock is added after its sign.
    days, signed_days = np.zeros(len(text)), np.zeros(len(text))
    maybe = text.str.contains(_MAY_HAVE_DAYS, case=False, regex=True)
    at = maybe.fillna(False).to_numpy(dtype=bool)
    if at.any():  # only the cells with days are read one by one
        some = text[at]
        day_parts = some.str.extract(_DAYS)
        days[at] = pd.to_numeric(day_parts[1], errors="coerce").fillna(0.0)
        signed_days[at] = pd.to_numeric(day_parts[2], errors="coerce").fillna(0.0)
        clock = (day_parts[0].fillna("") + day_parts[3]).fillna(some)  # with the .NET sign
        text = text.copy()
        text[at] = clock.to_numpy()
    if bool(text.str.contains(",", regex=False).any()):  # "00:00:14,3": a decimal comma
        text = text.str.replace(r"(:\d{1,2}),(\d+)\s*$", r"\1.\2", regex=True)
    parts = text.str.split(":", expand=True, n=2)
    nums = pd.DataFrame({k: pd.to_numeric(parts[k], errors="coerce") for k in parts.columns})
    secs: pd.Series
    if nums.shape[1] == 0:  # no cell at all (every row of the file was set aside)
        secs = pd.Series(np.nan, index=text.index)
    elif nums.shape[1] == 1:  # no colon at all: plain seconds
        secs = nums[0]
    else:  # the size first, its sign after: "-5:12" is -(5 min 12 s)
        lead = nums[0].abs()
        if nums.shape[1] == 2:  # MM:SS
            secs = lead * 60 + nums[1]
        else:
            three = nums[2].notna()
            secs = (lead * 3600 + nums[1] * 60 + nums[2]).where(three, lead * 60 + nums[1])
        # a typed 0 among clocks (no hold): zero under any reading
        zero = (parts[1].isna() & nums[0].eq(0)).fillna(False).to_numpy(dtype=bool)
        secs = secs.mask(zero, 0.0)
    secs = secs.astype("float64") + days * 86_400.0
    negative = text.str.startswith("-").fillna(False)
    secs = secs.where(~negative, -secs.abs()) + signed_days * 86_400.0
    bad = filled & secs.isna()
    return secs, bad, "hms"


def _is_placeholder(text: pd.Series) -> pd.Series:
    """True where a text cell stands for "no duration" (:data:`_NO_DURATION`)."""
    return text.str.lower().isin(_NO_DURATION).fillna(False).astype(bool)


def _figures(text: pd.Series, filled: pd.Series, n: int = 200) -> pd.Series:
    """The first ``n`` filled cells of ``text`` that are not placeholders ("--" where a duration
    does not apply): the sample a column's written form is judged on. The whole column is
    looked at only when the first cells hold placeholders."""
    sample = text[filled].iloc[:n]
    if _is_placeholder(sample).any():
        sample = text[filled & ~_is_placeholder(text)].iloc[:n]
    return sample


def _no_figure(text: pd.Series, bad: pd.Series) -> pd.Series:
    """``bad`` without its placeholder cells: "--" in a duration column is no value (not
    applicable), an empty cell, not an unreadable one. Only the bad cells are looked at."""
    where = np.flatnonzero(bad.to_numpy(dtype=bool))
    if not len(where):
        return bad
    out = bad.to_numpy(dtype=bool, copy=True)
    out[where[_is_placeholder(text.iloc[where]).to_numpy(dtype=bool)]] = False
    return pd.Series(out, index=bad.index, copy=False)


#: Spaces and apostrophes that group thousands ("1 234", "1'234" in Switzerland): an apostrophe
#: only before three digits ("5'34''" is 5 minutes 34 seconds, not 534).
_GROUP_MARK = r"[\s\u00a0]|'(?=\d{3}(?:\D|$))"


#: Cells that stand for "no figure" in a number column (a hand-kept tracker): read as missing.
#: A currency written with an amount ("$0.0135", "R$ 1.234,56", "12,50 €", "USD 3.20").
_CURRENCY = r"^(?:R\$|US\$|[$€£¥₹]|USD|EUR|GBP|BRL|CHF)\s*|\s*(?:[$€£¥₹]|USD|EUR|GBP|BRL|CHF)$"
PLACEHOLDERS = frozenset(
    {"-", "--", "–", "—", "n/a", "na", "#n/a", "tbc", "tbd", "pending", "?", "x", "none", "nil",
     "∞", "inf", "infinity",
     "check", "unknown", "tba", "n.a.", "??",
     # Excel's errors: a formula with nothing to compute ("#DIV/0!" on a day with no calls)
     "#div/0!", "#value!", "#ref!", "#num!", "#name?", "#null!", "#error!", "#error"}
)  # fmt: skip
#: The same in a duration column ("--" where a duration does not apply), but for "x": among
#: durations a lone mark is no placeholder, it stays an unreadable cell.
_NO_DURATION = PLACEHOLDERS - {"x"}


def parse_number(s: pd.Series, *, integer_like: bool = False) -> tuple[pd.Series, pd.Series]:
    """Numbers from numeric or text cells: decimal commas, thousands separators (``3,343``,
    ``1.234.567``, ``1 234``) and thousands spaces accepted (see :func:`number_separators`).

    ``integer_like``: the column holds counts, so ``3,343`` is three thousand and more.
    """
    out, bad, _ = parse_number_noted(s, integer_like=integer_like)
    return out, bad


def _without_currency(text: pd.Series, filled: pd.Series) -> tuple[pd.Series, pd.Series]:
    """The text and its plain numbers, a currency around the amounts taken off when the cells
    carry one ("$0.0135", "R$ 12,50", "12,50 €")."""
    out = _to_float(text)
    unread = filled & out.isna()
    if unread.any() and bool(text[unread].str.contains(_CURRENCY, regex=True).any()):
        text = text.str.replace(_CURRENCY, "", regex=True).str.strip()
        out = _to_float(text)
    return text, out


def parse_number_noted(
    s: pd.Series, *, integer_like: bool = False
) -> tuple[pd.Series, pd.Series, str | None]:
    """:func:`parse_number` plus a note saying how ``,`` and ``.`` were read (None when no
    cell needed it)."""
    filled = filled_mask(s)
    if pd.api.types.is_bool_dtype(s.dtype):
        return s.astype("float64"), pd.Series(False, index=s.index), None
    if not is_text(s):
        out = pd.to_numeric(s, errors="coerce").astype("float64")
        return out, filled & out.isna(), None
    # A leading apostrophe is Excel's mark for "a number stored as text" ('19)
    text, out = _without_currency(s.astype("string").str.strip().str.lstrip("'"), filled)
    unread = filled & out.isna()
    if unread.any():  # "-", "TBC" in a hand-kept sheet: no figure, not a bad cell
        gap = text.str.lower().isin(PLACEHOLDERS).fillna(False) & unread
        filled, unread = filled & ~gap, unread & ~gap
    if not unread.any() and not integer_like:
        return out, unread, None
    how = number_separators(text[filled], integer_like)
    if how == "plain" and not unread.any():
        return out, unread, None
    out = _separated(text.str.replace(_GROUP_MARK, "", regex=True), how, out)
    said = {
        "thousands_comma": (",", "',' read as a thousands separator"),
        "thousands_dot": (".", "'.' read as a thousands separator"),
        "thousands_both": (".", "',' and '.' both read as thousands separators (counts)"),
        "decimal_comma": (",", "',' read as the decimal point"),
    }.get(how)
    note = None
    if said is not None:
        has = text.str.contains(said[0], regex=False).fillna(False) & out.notna()
        if has.any():
            i = int(np.flatnonzero(has.to_numpy(dtype=bool))[0])
            note = f"{said[1]} ({text.iloc[i]} = {out.iloc[i]:g})"
    return out, filled & out.isna(), note


def _separated(cleaned: pd.Series, how: str, out: pd.Series) -> pd.Series:
    """The numbers of ``cleaned`` (group spaces taken out) read with the separators ``how``
    (:func:`number_separators`); ``out`` holds what plain parsing already read."""
    if how == "thousands_comma":  # 1,234.5
        return _to_float(cleaned.str.replace(",", "", regex=False))
    if how == "thousands_dot":  # 1.234,5
        return _to_float(
            cleaned.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
        )
    if how == "thousands_both":  # 1,480 and 1.105 in one column of counts
        return _to_float(cleaned.str.replace(r"[.,]", "", regex=True))
    # decimal comma (12,5), or spaces only
    return out.fillna(_to_float(cleaned.str.replace(",", ".", regex=False)))


_US = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$")
_EU = re.compile(r"^-?\d{1,3}(\.\d{3})+(,\d+)?$")


def number_separators(text: pd.Series, integer_like: bool = False) -> str:
    """How a column writes its numbers, decided from all its values: "thousands_comma"
    (1,234,567.5), "thousands_dot" (1.234.567,5), "thousands_both" (counts written 1,480 and
    1.105 in one column), "decimal_comma" (12,5) or "plain".

    A comma is a thousands separator when every value with a comma has groups of exactly three
    digits after it and either the column holds counts (``integer_like``), a value has two
    groups (1,234,567), or other values use ``.`` as the decimal point; otherwise it is a
    decimal comma. The dot the other way round (a dot is a decimal point unless the values
    have several groups or write a decimal comma after them, or count columns with only
    three-digit groups).
    """
    values = pd.Series(pd.unique(text.dropna().str.replace(_GROUP_MARK, "", regex=True)))
    values = values[values != ""].astype(str)
    if values.empty:
        return "plain"
    comma = values[values.str.contains(",", regex=False)]
    dot = values[values.str.contains(".", regex=False)]
    both = values[values.str.contains(",", regex=False) & values.str.contains(".", regex=False)]
    if len(both):
        first_comma = (both.str.find(",") < both.str.find(".")).mean()
        return "thousands_comma" if first_comma >= 0.5 else "thousands_dot"
    # Counts pasted from sites that group differently ("1,480" beside "1.105"): both marks are
    # thousands separators when every value with either has three-digit groups.
    if (
        integer_like
        and len(comma)
        and len(dot)
        and bool(comma.str.match(_US).all())
        and bool(dot.str.match(_EU).all())
    ):
        return "thousands_both"
    if len(comma):
        grouped = bool(comma.str.match(_US).all())
        several = bool(comma.str.count(",").gt(1).any())
        dot_decimals = bool(len(dot)) and not bool(dot.str.match(_EU).all())
        if grouped and (integer_like or several or dot_decimals):
            return "thousands_comma"
        return "decimal_comma"
    if len(dot):
        grouped = bool(dot.str.match(_EU).all())
        several = bool(dot.str.count(r"\.").gt(1).any())
        if grouped and (several or integer_like):
            return "thousands_dot"
    return "plain"


def _to_float(text: pd.Series) -> pd.Series:
    """Text -> float64 (NaN where unreadable). ``pd.to_numeric`` alone gives Int64 for "0" and
    "1", which then refuses to take 1.5 from a second pass."""
    num = pd.to_numeric(text, errors="coerce")
    return pd.Series(num.to_numpy(dtype="float64", na_value=np.nan), index=text.index, copy=False)


def parse_rate(s: pd.Series) -> tuple[pd.Series, pd.Series, str | None]:
    """Rates as fractions 0-1 from "76.28%", 76.28 or 0.7628 (percent scale detected)."""
    note = None
    if is_text(s):
        text = s.astype("string").str.strip()
        pct = text.str.endswith("%").fillna(False)
        num, bad = parse_number(text.str.rstrip("%"))
        num = num.where(~pct, num / 100)
        if pct.any():
            note = "percent"
    else:
        num, bad = parse_number(s)
    finite = num.dropna()
    # Percentages: all within 0-100, or nearly all of them (one "104.2" in a hand-kept sheet is
    # a percentage out of range, set aside, not a reason to read 85.3 as 85.3 times).
    above = finite[finite > 1]
    if (
        note is None
        and len(finite)
        and len(above)
        and finite.min() >= 0
        and (finite.max() <= 100 or (above <= 100).mean() >= 0.9)
    ):
        if _mixed_scales(finite):  # a hand-merged sheet: 0.5616 beside 66.1
            return num.where(num <= 1, num / 100), bad, "mixed"
        num = num / 100
        note = "percent"
    return num, bad, note


def _mixed_scales(values: pd.Series) -> bool:
    """Rates written both as fractions and as percentages in one column: at least three of
    each, and the fractions x 100 about as large as the percentages (an abandon rate in percent
    has values under 1 too, but far smaller than its others)."""
    small, large = values[(values > 0) & (values < 1)], values[values > 1]
    if len(small) < 3 or len(large) < 3:
        return False
    ratio = float(small.median()) * 100 / float(large.median())
    return 0.5 <= ratio <= 2.0


_CSAT_WORDS = {
    "good": 5.0,
    "bad": 1.0,
    "satisfied": 5.0,
    "unsatisfied": 1.0,
    "rated good": 5.0,  # LiveChat's archive
    "rated bad": 1.0,
    "thumbs_up": 5.0,  # Kustomer, chat widgets: a thumb up or down
    "thumbs_down": 1.0,
    "thumbs up": 5.0,
    "thumbs down": 1.0,
    "👍": 5.0,
    "👎": 1.0,
}
_NO_RESPONSE = {
    "offered",
    "unoffered",
    "not offered",
    "no response",
    "n/a",
    "na",
    "-",
    "not rated",
    "unrated",
}


#: Satisfaction answered in words on a 5-point scale (SurveyMonkey, Qualtrics labels).
LIKERT = {
    "very satisfied": 5.0,
    "extremely satisfied": 5.0,
    "completely satisfied": 5.0,
    "satisfied": 4.0,
    "somewhat satisfied": 4.0,
    "neither satisfied nor dissatisfied": 3.0,
    "neither satisfied or dissatisfied": 3.0,
    "neutral": 3.0,
    "somewhat dissatisfied": 2.0,
    "dissatisfied": 2.0,
    "very dissatisfied": 1.0,
    "extremely dissatisfied": 1.0,
    "completely dissatisfied": 1.0,
}


def likert_words(values: Sequence[str]) -> bool:
    """Whether satisfaction is answered in words on a 5-point scale: more than two levels, and
    most distinct answers are such words (a stray "n/a?" is an unreadable cell)."""
    low = {str(v).strip().lower() for v in values if str(v).strip()} - _NO_RESPONSE
    known = low & set(LIKERT)
    return len({LIKERT[v] for v in known}) > 2 and len(known) >= 0.8 * len(low)


def parse_score(s: pd.Series) -> tuple[pd.Series, pd.Series, str | None]:
    """Survey scores; Zendesk's good/bad become 5/1 (so top-2-box = share good); satisfaction
    in words on a 5-point scale (very satisfied .. very dissatisfied) becomes 5 .. 1."""
    if isinstance(s.dtype, np.dtype) and s.dtype.kind in "iuf":  # plain numbers: no copies
        none = pd.Series(np.zeros(len(s), dtype=bool), index=s.index, copy=False)
        return pd.Series(s.to_numpy(dtype="float64"), index=s.index, copy=False), none, None
    if not is_text(s):
        num, bad = parse_number(s)
        return num, bad, None
    low = s.astype("string").str.strip().str.lower()
    if likert_words([str(v) for v in pd.unique(low.dropna().iloc[:2000])]):
        scored = low.map(LIKERT.get, na_action="ignore")
        bad = low.notna() & scored.isna() & ~low.isin(_NO_RESPONSE).fillna(False)
        said = "satisfaction words read on a 5-point scale (very satisfied = 5 .. very dissatisfied = 1)"
        return pd.to_numeric(scored, errors="coerce").astype("float64"), bad.astype(bool), said
    words = low.map(_CSAT_WORDS.get, na_action="ignore")
    blank = low.isin(_NO_RESPONSE).fillna(False)
    num, bad = parse_number(s.where(~blank & words.isna(), None))
    used_words = words.notna().any()
    out = num.fillna(pd.to_numeric(words, errors="coerce").astype("float64"))
    bad = bad & words.isna()
    note = "good/bad ratings stored as 5/1 (top-2-box = share good)" if used_words else None
    return out.astype("float64"), bad.fillna(False).astype(bool), note


_TEN = re.compile(r"(?:\b[01]\s*[-–to]+\s*10\b|/\s*10\b|out of 10|\b10[- ]point)", re.I)


def csat_to_five(values: pd.Series, name: str = "") -> tuple[pd.Series, str | None]:
    """CSAT answered on a 10-point scale, rescaled to the canonical 1-5 (note, or None).

    The scale is 1-10 (or 0-10 when a 0 occurs) when the column name says so ("CSAT (1-10)",
    "rating /10"), or when the answers are whole numbers up to 10 that look like a 10-point
    scale and not like a 1-5 scale with a few typos: at least 6 distinct answers, at least 10%
    of them above 5, with two or more distinct values there. Rescaling is
    linear, ends to ends: 1-10 -> 1 + (x - 1) * 4/9, so 8-10 land at 4 or more and count as
    satisfied in top-2-box; 0-10 -> 1 + x * 4/10 (7.5 and up satisfied). Anything else is left
    as it is (values above 5 are then quarantined as off the scale).
    """
    named = bool(_TEN.search(name))
    arr = values.to_numpy(dtype="float64", na_value=np.nan)
    with np.errstate(invalid="ignore"):
        top = float(np.fmax.reduce(arr)) if len(arr) else np.nan
    if not named and not (5 < top <= 10):  # a 1-5 survey (or off any scale): nothing to do
        return values, None
    finite = values[np.isfinite(arr)]
    if finite.empty:
        return values, None
    low, high = float(finite.min()), float(finite.max())
    whole = bool((finite == finite.round()).all())
    above = finite[finite > 5]
    spread = finite.nunique() >= 6 and above.nunique() >= 2 and len(above) >= 0.10 * len(finite)
    if not (named or (whole and spread and 5 < high <= 10)) or low < 0 or high > 10:
        return values, None
    if low >= 1:
        out = 1 + (values - 1) * 4 / 9
        return out, "answers on a 1-10 scale rescaled to 1-5 (8-10 count as satisfied)"
    out = 1 + values * 4 / 10
    return out, "answers on a 0-10 scale rescaled to 1-5 (8-10 count as satisfied)"


def parse_bool(s: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Booleans from Y/N, Yes/No, true/false, 1/0, 1/2 codes (1 = yes, 2 = no) or counts (>0).

    Returns (pandas "boolean" series, mask of unrecognised values, which are left missing).
    """
    if is_text(s):
        filled = filled_mask(s)
        out = by_unique(s, lambda u: _parse_bool(u)[0], "boolean")
        return out, filled & out.isna()
    return _parse_bool(s)


def _parse_bool(s: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Booleans from Y/N, Yes/No, true/false, 1/0, 1/2 codes (1 = yes, 2 = no) or counts (>0).

    Returns (pandas "boolean" series, mask of unrecognised values, which are left missing).
    """
    filled = filled_mask(s)
    if pd.api.types.is_bool_dtype(s.dtype):
        return s.astype("boolean"), pd.Series(False, index=s.index)
    if not is_text(s) or pd.to_numeric(s.dropna().iloc[:200], errors="coerce").notna().all():
        num = pd.to_numeric(s, errors="coerce")
        values = set(num.dropna().unique().tolist())
        if values and values <= {1.0, 2.0}:
            out = num.map({1.0: True, 2.0: False})
        else:
            out = num > 0
        out = out.astype("boolean").mask(num.isna())
        return out, filled & num.isna()
    low = s.astype("string").str.strip().str.lower()
    out = pd.Series(pd.NA, index=s.index, dtype="boolean")
    out = out.mask(low.isin(_TRUE).fillna(False), True)
    out = out.mask(low.isin(_FALSE).fillna(False), False)
    return out, filled & out.isna()


def marks_or_blank(
    raw: pd.Series, values: pd.Series, *, inverted: bool = False
) -> tuple[pd.Series, str | None]:
    """A yes/no column that only ticks or crosses its yes cells (``✓`` / ``X`` or blank, a hand-
    kept sheet): its blank cells are no (yes in ``values`` read ``inverted``: abandoned as the
    opposite of a ticked "Answered"), said in a note; any other column is left as it is."""
    if isinstance(raw.dtype, pd.CategoricalDtype):
        words = {str(c).strip().lower() for c in raw.cat.categories} - {""}
        if not words or not words <= _MARKS:
            return values, None
    elif not is_text(raw):
        return values, None
    elif not {str(v).strip().lower() for v in raw.iloc[:500].dropna()} - {""} <= _MARKS:
        return values, None  # the first rows already hold another word: no pass over the rest
    text = raw.astype("string").str.strip().str.lower()
    filled = text.notna() & text.ne("")
    if not filled.any() or filled.all():
        return values, None
    words = set(pd.unique(text[filled]))
    if not words <= _MARKS:
        return values, None
    if words & _TICKS and "x" in words:  # ✓ for yes, X for no: a blank is not recorded
        cross = text.eq("x").fillna(False).to_numpy(dtype=bool)
        out = values.astype("boolean").mask(cross, inverted)
        n = int(cross.sum())
        crosses = "1 cross" if n == 1 else f"{n:,} crosses"
        return out, f"'{raw.name}': ticks and crosses: {crosses} read as no"
    blank = (~filled).to_numpy(dtype=bool)
    out = values.astype("boolean").mask(blank, inverted)
    return out, f"'{raw.name}': a mark or blank: {int(blank.sum()):,} blank cells read as no"


def parse_text(s: pd.Series) -> pd.Series:
    """Text ids and categories: stripped, blanks missing, numbers without a trailing ".0"."""
    if is_arrow_text(s):
        return parse_id_text(s)  # Arrow kernels: faster than finding the distinct values first
    if is_text(s):
        return by_unique(s, parse_id_text, "string")
    return parse_id_text(s)


def parse_id_text(s: pd.Series) -> pd.Series:
    """Like :func:`parse_text`, cell by cell (no pass over the distinct values): for ids."""
    if is_arrow_text(s):
        # Arrow text (ids on a large file): trim and blank -> missing in Arrow kernels.
        values = pa.array(s.array)
        trimmed = pc.utf8_trim_whitespace(values) if edge_space(values) else values
        if has_blank(trimmed):
            blank = pc.equal(pc.binary_length(trimmed), 0)
            trimmed = pc.if_else(blank, pa.scalar(None, trimmed.type), trimmed)
        return pd.Series(pd.array(trimmed, dtype="string"), index=s.index, copy=False)
    if pd.api.types.is_float_dtype(s.dtype):
        whole = s.dropna()
        if len(whole) and (whole == whole.round()).all():
            s = s.astype("Int64")
    out = s.astype("string").str.strip()
    return out.mask(out.eq("").fillna(False), pd.NA)


def parse_direction(s: pd.Series) -> pd.Series:
    """inbound / outbound from INBOUND, Outbound, Autodial, CALLBACK, TRANSFER..."""
    return by_unique(s, _parse_direction, "string")


# "in", "incoming" (not "internal"); German, French, Spanish, Dutch, Italian, Portuguese,
# Hungarian, Japanese, Chinese and Korean words;
# a phone system's call legs (Webex Calling: TERMINATING at the user, ORIGINATING from them;
# Teams: user_in, user_out).
_INBOUND = (
    r"^in(?:[^t]|$)|inbound|transfer|queue|eingehend|entrant|entrada|inkomend|in entrata|"
    r"ricevut|terminating|_in$|bejöv|bejov|インバウンド|着信|受信|転送|呼入|来电|인바운드|수신"
)
_OUTBOUND = (
    r"^out|outbound|autodial|manual|callback|api|preview|dialer|ausgehend|sortant|saliente|"
    r"salida|uitgaand|uscita|sa[ií]da|originating|_out$|kimen|アウトバウンド|発信|コールバック|呼出|外呼|"
    r"去电|아웃바운드|발신"
)
_INBOUND_ATTEMPT = r"abandon|missed|voicemail"  # unknown labels that still say inbound
#: Calls that are no customer contact: between extensions, or a leg an agent added to a call
#: (Five9's "3rd party transfer" / "3rd party conference", a consult): set aside on import.
_INTERNAL = (
    r"internal|^intern$|intercom|extension|^ext\b|3rd party|third party|consult|conference|"
    r"interne|interno|intern[eo]|内線|内部|内线|내선"
)

#: The direction rules, in order, over the trimmed lower-case label: internal calls and legs,
#: inbound words, outbound words, then inbound attempts ("abandoned", "missed"); a label
#: matching none is kept as it is.
#: The one source: the lake's SQL (kpi.engine.lake_mapping) applies the same list.
DIRECTION_PATTERNS: tuple[tuple[str, str], ...] = (
    (_INTERNAL, "internal"),
    (_INBOUND, "inbound"),
    (_OUTBOUND, "outbound"),
    (_INBOUND_ATTEMPT, "inbound"),
)


def _parse_direction(s: pd.Series) -> pd.Series:
    low = parse_text(s).str.lower()
    if len(low) <= 256:  # the distinct labels (see parse_direction): one by one is quicker
        labels = [_direction_of(v) if isinstance(v, str) else None for v in low]
        return pd.Series(labels, index=s.index, dtype="string")
    out = pd.Series(pd.NA, index=s.index, dtype="string")
    internal = low.str.contains(_INTERNAL, regex=True).fillna(False)
    inbound = low.str.contains(_INBOUND, regex=True).fillna(False) & ~internal
    outbound = low.str.contains(_OUTBOUND, regex=True).fillna(False) & ~internal
    out = out.mask(internal, "internal")
    out = out.mask(inbound, "inbound").mask(outbound & ~inbound, "outbound")
    # Unknown labels (e.g. Talkdesk's "abandoned") are inbound attempts when they say so.
    other = low.notna() & ~internal & ~inbound & ~outbound
    out = out.mask(other & low.str.contains(_INBOUND_ATTEMPT, regex=True).fillna(False), "inbound")
    return out.mask(other & out.isna(), low)


def says_direction(text: str) -> bool:
    """Whether a label is a direction word ("incoming", "outbound"), not an outcome that only
    implies one ("abandoned", "missed")."""
    low = text.strip().lower()
    return bool(re.search(_INBOUND, low) or re.search(_OUTBOUND, low))


def direction_label(text: str) -> str:
    """The direction one raw label reads as: "inbound", "outbound", "internal" (no customer
    contact), or the label itself (trimmed, lower case) when it says none of these."""
    return _direction_of(text.strip().lower())


def _direction_of(low: str) -> str:
    """:func:`_parse_direction` of one trimmed, lower-case label."""
    if re.search(_INTERNAL, low):
        return "internal"
    if re.search(_INBOUND, low):
        return "inbound"
    if re.search(_OUTBOUND, low):
        return "outbound"
    return "inbound" if re.search(_INBOUND_ATTEMPT, low) else low

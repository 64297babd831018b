"""Timestamps for the importer: any common export format, UTC offsets, compact digit dates
(``YYYYMMDD``, ``YYMMDD``), Excel serial days, and a date column combined with a time-of-day
column.

Private to :mod:`kpi.ingest` (split from :mod:`kpi.ingest.parsers`, whose text and number
helpers it uses). Every parser returns the values and a ``bad`` mask (cells that held something
unreadable), so that the importer quarantines those rows instead of losing them silently.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

import numpy as np
import pandas as pd

from kpi.ingest.grain import WEEKDAY_PREFIX, english_months
from kpi.ingest.parsers import filled_mask, is_text, parse_duration

__all__ = [
    "PLAUSIBLE_FROM",
    "PLAUSIBLE_UNTIL",
    "combine_date_time",
    "compact_dates",
    "implausible",
    "local_zone",
    "parse_datetime",
]

_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %H:%M",
    "%m/%d/%Y %I:%M:%S %p",
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%Y",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y %H.%M.%S",  # Finnish: "2.9.2024 8.41.02"
    "%d.%m.%Y %H.%M",
    "%d.%m.%Y",
    "%d-%m-%Y %H:%M:%S",
    "%d-%m-%Y",
    "%a, %d %b %Y %H:%M:%S",
    "%d %b %Y %H:%M:%S",
    "%d %b %Y",
    "%b %d, %Y %H:%M:%S",
    "%b %d, %Y %I:%M:%S %p",
    "%b %d, %Y",
    # Jira: "03/Mar/25 8:21 AM"; Oracle / SAP style "03-MAR-2025 08:21"
    "%d/%b/%y %I:%M %p",
    "%d/%b/%y %H:%M",
    "%d/%b/%y",
    "%d/%b/%Y %I:%M %p",
    "%d/%b/%Y %H:%M",
    "%d/%b/%Y",
    "%d-%b-%Y %H:%M:%S",
    "%d-%b-%Y %H:%M",
    "%d-%b-%Y",
    "%d-%b-%y %H:%M",
    "%d-%b-%y",
    # Oracle's default TIMESTAMP text, DD-MON-RR HH.MI.SSXFF AM: "03-MAR-25 08.05.36.913000 AM"
    # (a clock written with dots, fractions of a second); a four-digit year, no fraction
    # (TIMESTAMP(0)), or HH24.
    "%d-%b-%y %I.%M.%S.%f %p",
    "%d-%b-%Y %I.%M.%S.%f %p",
    "%d-%b-%y %I.%M.%S %p",
    "%d-%b-%Y %I.%M.%S %p",
    "%d-%b-%y %H.%M.%S.%f",
    "%d-%b-%Y %H.%M.%S.%f",
)
_OFFSET = re.compile(r"(Z|[+-]\d\d:?\d\d)$")
# A time of day followed by a UTC offset ("10:00:00Z", "10:00+05:30", "10:00:00.5 -0800"): the
# offset must follow a time, so that a day-first date such as "05-01-2026" is not taken for one.
_AWARE = r"(?:\d:\d\d(?::\d\d(?:\.\d+)?)?|^\d{4}-\d\d-\d\d)\s*(?:Z|UTC|[+-]\d\d(?::?\d\d)?)$"

#: Timestamps outside [PLAUSIBLE_FROM, PLAUSIBLE_UNTIL) are quarantined as implausible: contact
#: centre records from before 1970 are placeholders (Excel's 1900 zero date, "0001-01-01") and
#: those after 2099 are "never" markers ("2999-12-31", "9999-12-31"), not real contacts.
PLAUSIBLE_FROM = pd.Timestamp("1970-01-01")
PLAUSIBLE_UNTIL = pd.Timestamp("2100-01-01")
_ISO_NAIVE = r"^\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?)?$"
_ISO = re.compile(r"^\d{4}-\d\d-\d\d([T ]\d\d:\d\d(:\d\d(\.\d+)?)?)?(Z|[+-]\d\d:?\d\d)?$")


def _localise(values: pd.Series, timezone: str | None) -> tuple[pd.Series, str | None]:
    """Aware timestamps -> naive wall-clock time in ``timezone`` (default: this machine's zone).

    The result keeps a unit no finer than microseconds (``datetime64[s]`` stays as it is): wide
    enough for placeholder years such as 2999 or 9999 (nanoseconds stop in 2262), which the
    importer then quarantines as implausible (:func:`implausible`) before casting to the
    canonical ``datetime64[ns]``.
    """
    tz = getattr(values.dt, "tz", None)
    if tz is None:
        return values, None
    target = timezone or local_zone()
    out = values.dt.tz_convert(target).dt.tz_localize(None)
    return out, f"timestamps with a UTC offset converted to {target} local time"


def implausible(values: pd.Series) -> pd.Series:
    """True where a parsed timestamp lies outside the plausible window (1970 to 2099)."""
    if isinstance(values.dtype, np.dtype) and len(values):
        # The earliest and latest first: one pass, and no masks when all is plausible.
        lo, hi = values.min(), values.max()
        if pd.isna(lo) or (lo > PLAUSIBLE_FROM and hi < PLAUSIBLE_UNTIL):
            return pd.Series(np.zeros(len(values), dtype=bool), index=values.index, copy=False)
    # 1970-01-01 00:00:00 itself is Unix time zero: a placeholder, not a contact
    out = (values <= PLAUSIBLE_FROM) | (values >= PLAUSIBLE_UNTIL)
    return out.fillna(False).astype(bool)


def local_zone() -> str:
    """This machine's time zone (an IANA name where the system gives one, else its offset):
    the zone timestamps with an offset are converted to when no ``timezone`` is asked."""
    name = dt.datetime.now().astimezone().tzname() or "UTC"
    try:
        import zoneinfo

        key = getattr(dt.datetime.now().astimezone().tzinfo, "key", None)
        if key:
            zoneinfo.ZoneInfo(key)
            return key
    except Exception:  # pragma: no cover - platform dependent
        pass
    return "UTC" if name in ("UTC", "GMT") else _offset_zone()


def _offset_zone() -> str:
    off = dt.datetime.now().astimezone().utcoffset() or dt.timedelta(0)
    hours = int(off.total_seconds() // 3600)
    # Etc/GMT zones have the sign inverted (Etc/GMT-2 is UTC+2).
    return "UTC" if hours == 0 else f"Etc/GMT{-hours:+d}"


def parse_datetime(
    s: pd.Series, timezone: str | None = None, *, dayfirst: bool | None = None
) -> tuple[pd.Series, pd.Series, str | None]:
    """Parse timestamps of any common export format.

    Naive timestamps are kept as local time; timestamps with ``Z`` or an offset are converted to
    ``timezone`` and made naive, cell by cell (a column may mix both). Returns (values
    ``datetime64[us]``, bad mask, note); years outside 1970-2099 are left to the caller to flag
    (:func:`implausible`).
    """
    if pd.api.types.is_datetime64_any_dtype(s.dtype):
        out, note = _localise(s, timezone)
        return out, pd.Series(np.zeros(len(s), dtype=bool), index=s.index, copy=False), note
    filled = filled_mask(s)
    compact = compact_dates(s)
    if compact is not None:
        return compact, filled & compact.isna(), None
    epoch = epoch_times(s)
    if epoch is not None:
        out, note = _localise(epoch[0], timezone)
        return out, filled & out.isna(), f"{note or 'epoch times'} ({epoch[1]} since 1970, UTC)"
    if pd.api.types.is_numeric_dtype(s.dtype) and not pd.api.types.is_bool_dtype(s.dtype):
        # Excel serial day numbers (1900 system) when they look like dates 1990-2100.
        v = pd.to_numeric(s, errors="coerce")
        ok = v.between(32874, 73051)
        # A serial's fraction of a day carries float noise (45720.375000001): to the millisecond.
        days = pd.to_timedelta(v.where(ok), unit="D").dt.round("ms")
        out = (pd.Timestamp("1899-12-30") + days).astype("datetime64[ns]")
        return out, filled & ~ok.fillna(False), None
    text = _drop_weekday(s.astype("string").str.strip())
    if not filled.any():
        return pd.Series(pd.NaT, index=s.index, dtype="datetime64[us]"), filled, None
    # Each cell keeps its own meaning whatever its neighbours are: a cell with a UTC offset is
    # converted to ``timezone``; a cell without one is local wall-clock time as it is. A column
    # mixing both is parsed in two parts (pandas refuses to mix them in one call).
    aware = filled & text.str.contains(_AWARE, regex=True).fillna(False).astype(bool)
    if aware.any() and not aware[filled].all():
        naive_v, naive_bad, _ = _parse_datetime_text(text.where(~aware), filled & ~aware, False)
        aware_v, aware_bad, note = _parse_datetime_text(text.where(aware), aware, True, timezone)
        out = naive_v.where(~aware, aware_v)
        n_naive = int((filled & ~aware).sum())
        note = (
            f"{note}; {n_naive:,} timestamps without an offset in the same column were kept as "
            "local time as they are"
        )
        return out, naive_bad | aware_bad, note
    return _parse_datetime_text(text, filled, bool(aware.any()), timezone, dayfirst)


#: A weekday name before a date ("Tue 03/04/2025 9:05 AM", "Tuesday, 4 March 2025", "lun, 10
#: mar 2025"): it repeats what the date says, so it is dropped before parsing.
_WEEKDAY = re.compile(r"^" + WEEKDAY_PREFIX + r"(?=\d|[^\W\d_]{3})")


#: East Asian ways of writing a date and a time, and what they become: "2025年3月10日",
#: "2025년 3월 10일", "2025. 3. 10." -> 2025-3-10; a weekday after the date, "(月)", "(월)",
#: "(周一)", dropped (the date says it); 午前 / 上午 / 오전 before a clock -> "AM" after it.
_EAST_ASIAN = (
    (re.compile(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?"), r"\1-\2-\3"),
    (re.compile(r"^(\d{4})\.\s*(\d{1,2})\.\s*(\d{1,2})\.?(?=\s|$)"), r"\1-\2-\3"),
    (
        re.compile(
            r"\s*[（(]\s*(?:[月火水木金土日월화수목금토일]|周.|星期.|[A-Za-z]{2,3})\s*[）)]"
        ),
        "",
    ),
    (re.compile(r"(?:午前|上午|오전)\s*(\d{1,2}:\d{2}(?::\d{2})?)"), r"\1 AM"),
    (re.compile(r"(?:午後|下午|오후)\s*(\d{1,2}:\d{2}(?::\d{2})?)"), r"\1 PM"),
)
_EAST_ASIAN_MARK = re.compile(r"[年년月월日일午上下오]|^\d{4}\.\s*\d{1,2}\.|[（(][^)）]{1,3}[)）]")
#: A weekday written after the date (Turkish "7 Nisan 2025 Pazartesi").
_WEEKDAY_AFTER = re.compile(
    r"\s+(?:pazartesi|sal[ıi]|[çc]ar[şs]amba|per[şs]embe|cumartesi|cuma|pazar)\b", re.IGNORECASE
)


def _east_asian(text: pd.Series) -> pd.Series:
    """:data:`_EAST_ASIAN` dates and clocks rewritten for the parser."""
    for pattern, repl in _EAST_ASIAN:
        text = text.str.replace(pattern, repl, regex=True)
    return text.str.strip()


def _drop_weekday(text: pd.Series) -> pd.Series:
    """``text`` without a weekday name (looked for only when the first value has one), its
    months in English when they are written in another language (:func:`english_months`),
    East Asian dates written the ISO way (:func:`_east_asian`)."""
    first = text.dropna()
    first = first[first != ""]
    if first.empty:
        return text
    if _EAST_ASIAN_MARK.search(str(first.iloc[0])):
        text = _east_asian(text)
        first = text.dropna()
        first = first[first != ""]
    if _WEEKDAY_AFTER.search(str(first.iloc[0])):
        text = text.str.replace(_WEEKDAY_AFTER, "", regex=True)
    if _WEEKDAY.match(str(first.iloc[0])):
        text = text.str.replace(_WEEKDAY, "", regex=True)
    elif not re.search(r"[^\W\d_T]", str(first.iloc[0])):  # no letter (ISO's T aside)
        return text
    months = english_months(text)
    return text if months is None else months


#: A time of day on the 12-hour clock ("9:05 AM", "10:09:52 p.m.").
_AMPM = re.compile(
    # a zone abbreviation after it ("8:25:44 AM EST", Ooma) names the local clock: left off
    r"^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap])\.?\s*m\.?(?:\s+(?:[ECMPA]K?[SD]T|UTC|GMT))?$",
    re.IGNORECASE,
)


def _clock_24h(text: pd.Series) -> pd.Series:
    """12-hour clock times ("1:24:19 PM") as 24-hour "13:24:19"; other cells as they are."""
    parts = text.str.extract(_AMPM)
    has = parts[0].notna()
    if not has.any():
        return text
    hour = pd.to_numeric(parts[0], errors="coerce") % 12
    hour = hour + 12 * parts[3].str.lower().eq("p").astype(int)
    sec = parts[2].fillna("00")
    clock = hour.astype("Int64").astype("string").str.zfill(2) + ":" + parts[1] + ":" + sec
    bad = has & pd.to_numeric(parts[0], errors="coerce").gt(12)
    return text.where(~has | bad, clock)


def _digit_clock(text: pd.Series) -> tuple[pd.Series, str | None]:
    """Times of day written as digits only, ``HHMMSS`` ("93435" = 09:34:35, a legacy ACD's
    CALL_TIME) or ``HHMM`` ("930"), as "H:MM:SS" with a note; other columns as they are.

    Digits are a clock when there are five values or more, every one has hours below 24 and
    minutes and seconds below 60; seconds since midnight break that on nearly every row (34,475
    s is 09:34:35). Values all up to 23 are hours, up to 2359 ``HHMM``, else ``HHMMSS``.
    """
    filled = text.dropna()
    filled = filled[filled != ""]
    if len(filled) < 5 or not bool(filled.str.fullmatch(r"\d{1,6}").all()):
        return text, None
    value = pd.to_numeric(text, errors="coerce")
    six = bool(value.max() > 2359)
    hours = bool(value.max() <= 23)  # "8", "17": an hour ("call_hour"), not 00:08
    whole = value * 10_000 if hours else value * 100 if not six else value  # -> HHMMSS
    hh, mm, ss = whole // 10_000, whole // 100 % 100, whole % 100
    if not bool((hh.le(23) & mm.le(59) & ss.le(59))[filled.index].all()):
        return text, None

    def two(part: pd.Series) -> pd.Series:
        return part.astype("Int64").astype("string").str.zfill(2)

    clock = hh.astype("Int64").astype("string") + ":" + two(mm) + ":" + two(ss)
    first = filled.index[0]
    form = "hours" if hours else "HHMMSS" if six else "HHMM"
    said = (
        f"'{text.name}': times of day written as digits, read as {form} "
        f"({filled[first]} = {clock[first]})"
    )
    return text.where(value.isna(), clock), said


_COMPACT = re.compile(r"^\d{6}$|^\d{8}$")
_EPOCH = re.compile(r"^\d{10}(\d{3})?(\.0+)?$")
#: Unix epoch bounds (2000-01-01 .. 2100-01-01) in seconds: a 10-digit number in this range is
#: epoch seconds, a 13-digit one epoch milliseconds; anything else is an id, not a time.
_EPOCH_FROM, _EPOCH_UNTIL = 946_684_800, 4_102_444_800


def epoch_times(s: pd.Series) -> tuple[pd.Series, str] | None:
    """Unix epoch times (10 digits: seconds; 13 digits: milliseconds) as aware UTC timestamps,
    with the unit's name; None unless *every* filled value is a whole number of one width
    whose time falls in 2000-2099 (an id column of 10 or 13 digits rarely does)."""
    if pd.api.types.is_bool_dtype(s.dtype) or not len(s):
        return None
    head = s.iloc[:1000].dropna().iloc[:50]
    if head.empty or not all(_EPOCH.match(str(x).strip()) for x in head):
        return None
    v = pd.to_numeric(s, errors="coerce")
    filled = filled_mask(s)
    if v[filled].isna().any() or not (v.dropna() == v.dropna().round()).all():
        return None
    units: tuple[tuple[Literal["s", "ms"], int, str], ...] = (
        ("s", 1, "seconds"),
        ("ms", 1000, "milliseconds"),
    )
    for unit, scale, name in units:
        lo, hi = _EPOCH_FROM * scale, _EPOCH_UNTIL * scale
        if v.dropna().between(lo, hi, inclusive="left").all():
            out = pd.to_datetime(v.astype("Float64").astype("float64"), unit=unit, utc=True)
            return out.dt.floor("us"), name
    return None


def compact_dates(s: pd.Series) -> pd.Series | None:
    """Dates written as digits only, ``YYYYMMDD`` (20250304) or ``YYMMDD`` (990103, a call log
    of 1999), as timestamps; None unless *every* filled value is a valid date of one form.

    Numbers lose their leading zeros (``000103`` is read as 103), so whole numbers below
    1,000,000 are taken as six digits. Excel serial day numbers (5 digits) are not dates of
    either form: the month would be over 12.
    """
    if pd.api.types.is_bool_dtype(s.dtype) or not len(s):
        return None
    head = s.iloc[:1000].dropna().iloc[:50]
    if head.empty or not all(_COMPACT.match(_digits(x)) for x in head):
        return None  # one look at the first values spares a scan of a million timestamps
    if pd.api.types.is_numeric_dtype(s.dtype):
        v = pd.to_numeric(s, errors="coerce").dropna()
        if v.empty or not (v == v.round()).all() or (v < 0).any():
            return None
        width = 8 if (v >= 1_000_000).any() else 6
        text = s.map(lambda x: f"{int(x):0{width}d}" if pd.notna(x) else None).astype("string")
    elif is_text(s):
        text = s.astype("string").str.strip()
        text = text.mask(text.eq("").fillna(False), pd.NA)
    else:
        return None
    filled = text.dropna()
    distinct = pd.unique(filled)
    if not len(distinct) or not all(_COMPACT.match(str(x)) for x in distinct[:5000]):
        return None
    lengths = {len(str(x)) for x in distinct}
    if len(lengths) != 1:
        return None
    fmt = "%Y%m%d" if lengths == {8} else "%y%m%d"
    parsed = pd.to_datetime(pd.Series(distinct, dtype=object), format=fmt, errors="coerce")
    if parsed.isna().any():
        return None
    lookup = dict(zip(distinct, parsed, strict=True))
    out = pd.to_datetime(text.map(lookup), errors="coerce")
    return pd.Series(out.to_numpy(dtype="datetime64[us]"), index=s.index, copy=False)


def _digits(x: object) -> str:
    """A cell as compact-date digits: whole numbers zero-padded to six, text trimmed."""
    if isinstance(x, int | float | np.integer | np.floating):
        return f"{int(x):06d}" if float(x).is_integer() and x >= 0 else ""
    return str(x).strip()


def _parse_datetime_text(
    text: pd.Series,
    filled: pd.Series,
    has_offset: bool,
    timezone: str | None = None,
    dayfirst: bool | None = None,
) -> tuple[pd.Series, pd.Series, str | None]:
    sample = text[filled].iloc[:300].tolist()
    try:
        if all(_ISO.match(v) for v in sample):
            parsed = pd.to_datetime(text, errors="coerce", format="ISO8601", utc=has_offset)
        else:
            fmt = _best_format(sample, dayfirst)
            if fmt is not None and not has_offset:
                parsed = _with_iso(pd.to_datetime(text, errors="coerce", format=fmt), text)
            elif has_offset or not dayfirst:
                parsed = pd.to_datetime(
                    text, errors="coerce", format="mixed", utc=has_offset, dayfirst=bool(dayfirst)
                )
            else:  # day-first cells, and ISO cells read as ISO (dayfirst would swap their parts)
                iso = text.str.match(_ISO_NAIVE).fillna(False).astype(bool)
                mixed = pd.to_datetime(
                    text.where(~iso), errors="coerce", format="mixed", dayfirst=True
                )
                parsed = _with_iso(mixed, text)
        if parsed.dtype == object:  # offsets the split above did not recognise
            raise ValueError("mixed timezones")
    except (ValueError, TypeError, OverflowError):
        out = _parse_cells(text, timezone)
        return out, filled & out.isna(), None
    out, note = _localise(parsed, timezone)
    bad = filled & out.isna()
    return out, bad, note


def _with_iso(parsed: pd.Series, text: pd.Series) -> pd.Series:
    """``parsed`` with the cells it could not read filled from ISO dates (``2025-03-04``): an
    ISO date is unambiguous, so it is read in any column, whatever the column's own format."""
    missed = parsed.isna() & text.str.match(_ISO_NAIVE).fillna(False).astype(bool)
    if not missed.any():
        return parsed
    iso = pd.to_datetime(text.where(missed), errors="coerce", format="ISO8601")
    return parsed.fillna(iso.astype(parsed.dtype))


def _parse_cells(text: pd.Series, timezone: str | None) -> pd.Series:
    """Slow path, one value at a time, for what a whole-column parse refused (an offset format
    among naive cells): offsets are converted to ``timezone``, naive cells kept as they are.
    Unreadable cells become NaT (and are flagged by the caller)."""
    target = timezone or local_zone()

    def one(v: object) -> object:
        try:
            t = pd.Timestamp(str(v))
            if t.tzinfo is not None:
                t = t.tz_convert(target).tz_localize(None)
            return t.as_unit("us")
        except (ValueError, TypeError, OverflowError, KeyError):
            return pd.NaT

    values = text.map(one, na_action="ignore")
    return pd.to_datetime(values, errors="coerce").astype("datetime64[us]")


def _best_format(sample: list[str], dayfirst: bool | None) -> str | None:
    best, best_hits = None, 0
    # ISO dates are read whatever the column's format (:func:`_with_iso`): judge the others.
    probe = [v for v in sample if not re.match(_ISO_NAIVE, v)][:100] or sample[:100]
    for fmt in _FORMATS:
        if dayfirst is True and fmt.startswith("%m/%d"):
            continue
        if dayfirst is False and fmt.startswith("%d/%m"):
            continue
        hits = 0
        for v in probe:
            try:
                dt.datetime.strptime(v, fmt)
                hits += 1
            except ValueError:
                pass
        if hits > best_hits:
            best, best_hits = fmt, hits
        if hits == len(probe):
            break
    return best if best_hits >= max(1, len(probe) * 0.8) else None


#: An interval label, "08:00-08:30" or "8:00 AM-8:30 AM": its first time, AM/PM included.
_RANGE = (
    r"^(\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?)\s*(?:-|–|to)\s*"
    r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?$"
)


def combine_date_time(
    date: pd.Series,
    time: pd.Series,
    timezone: str | None = None,
    *,
    dayfirst: bool | None = None,
) -> tuple[pd.Series, pd.Series, str | None]:
    """A date column plus a time-of-day column -> one timestamp (bad where either is unreadable)."""
    d, bad_d, note = parse_datetime(date, timezone, dayfirst=dayfirst)
    day = d.dt.normalize()
    if pd.api.types.is_timedelta64_dtype(time.dtype):
        offset = time
        bad_t = pd.Series(False, index=time.index)
    elif pd.api.types.is_datetime64_any_dtype(time.dtype):
        offset = time - time.dt.normalize()
        bad_t = pd.Series(False, index=time.index)
    else:
        text = time.astype("string").str.strip()
        # An interval label "08:00-08:30" (interval reports) starts at its first time.
        text = text.str.replace(_RANGE, r"\1", regex=True)
        text = _clock_24h(text)
        text, said = _digit_clock(text)
        note = "; ".join(n for n in (note, said) if n) or None
        # A time of day written H:MM is hours and minutes (as a duration it would be MM:SS).
        text = text.where(~text.str.fullmatch(r"\d{1,2}:\d{2}").fillna(False), text + ":00")
        secs, bad_t, _ = parse_duration(text, "hms", "time")
        # A time of day lies within the day (24:00:00 included); anything else is not a time.
        outside = secs.notna() & ~secs.between(0, 86_400)
        bad_t = bad_t | outside
        offset = pd.to_timedelta(secs.where(~outside), unit="s")
    offset = offset.fillna(pd.Timedelta(0)).astype("timedelta64[us]")
    out = (day.astype("datetime64[us]") + offset).astype("datetime64[us]")
    return out, bad_d | bad_t, note

"""Summary reports laid out for a reader rather than as a table, reshaped before they are mapped:
one column group per queue ("Sales Offered", "Sales ASA", "Support Offered", ...) read as one
row per period and queue; a plan-versus-actual report read as its actual figures; a date split
into Year / Quarter / Month / Day columns (Power BI's date hierarchy) read as one date; Tableau's
long layout (one row per measure: "Measure Names", "Measure Values") read as one row per period;
several files of one layout whose names differ by a queue ("calls_Sales.csv", "calls_Support.csv")
given that queue as a column.

Part of the importer (:mod:`kpi.ingest.api`): the file's raw table is reshaped before it is
mapped, so every later step sees the usual long layout (a ``Queue`` column and one column per
field). Groups are found by :func:`kpi.ingest.shape.column_groups`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

import pandas as pd

from kpi.errors import DataError
from kpi.ingest.grain import is_period, month_number
from kpi.ingest.headers import AGGREGATE_SYNONYMS, INTERACTION_SYNONYMS, header_key
from kpi.ingest.readers import RawTable
from kpi.ingest.shape import ACTUAL_WORDS, PLAN_WORDS, column_groups

__all__ = [
    "date_from_title",
    "day_figures",
    "date_parts",
    "measure_rows",
    "segment_from_names",
    "transposed",
    "unpivot_groups",
]

#: Header keys of segment columns (the synonym tables' queue, channel and team names, and a
#: few routing units): files that have one need no segment from their names.
_SEGMENT_KEYS = frozenset(
    header_key(n)
    for table in (INTERACTION_SYNONYMS, AGGREGATE_SYNONYMS)
    for target in ("queue", "channel", "team")
    for n in table.get(target, ())
) | frozenset({"campaign", "department", "group", "workgroup", "calltype"})

#: Segment names that are channels: a group or a file name of these is a Channel, not a Queue.
_CHANNEL_WORDS = frozenset({"phone", "voice", "chat", "email", "e-mail", "sms", "social", "web"})

#: Group names that sum the others ("Total Offered", "All Queues ASA"): left out, else every
#: contact would count twice.
_TOTAL_GROUPS = frozenset({"total", "totals", "all", "all queues", "overall", "grand total", "sum"})


#: Header keys of the summary fields (the aggregated synonym table): the row names of a
#: transposed report.
_FIELD_KEYS = frozenset(header_key(n) for names in AGGREGATE_SYNONYMS.values() for n in names)
#: Columns of a transposed report that sum or average the periods: left out.
_TOTAL_COLUMNS = _TOTAL_GROUPS | {"ytd", "year to date", "mtd", "qtd", "average", "avg", "mean"}
#: Words before the first day of a week in a column header ("w/c 01/07/2024": week commencing).
#: A week-ending date is not one of them: read as the period's start it would shift every week.
_WEEK_START = re.compile(
    r"^(?:w/c|w/b|wc|wb|week commencing|week beginning|week starting|week of|wk of|"
    r"semaine du|woche ab|woche vom)\b[\s:.]*",
    re.IGNORECASE,
)


#: A figure to date ("Calls WTD", "MTD ASA", "Calls Month to Date") and the day's own one
#: ("Calls Today", "Daily ASA").
_TO_DATE = re.compile(
    r"(?:^|[\s_(])(wtd|mtd|qtd|ytd|(?:week|month|quarter|year)[\s_-]*to[\s_-]*date)(?:$|[\s_)])",
    re.IGNORECASE,
)
_TODAY = re.compile(r"(?:^|[\s_(])(today|daily|day)(?:$|[\s_)])", re.IGNORECASE)


def day_figures(raw: RawTable) -> RawTable:
    """A daily report that writes each figure for the day and to date ("Calls Today", "Calls
    WTD", "Calls MTD"): the to-date columns are left out (they sum earlier days again) and
    the day's figures keep the measure's name ("Calls"); the notes say so. Unchanged unless
    every to-date column has a day's column of the same measure."""
    frame = raw.frame
    names = [str(c) for c in frame.columns]
    to_date = [c for c in names if _TO_DATE.search(c)]
    if not to_date:
        return raw
    day = {c: " ".join(_TODAY.sub(" ", c).split()) for c in names if _TODAY.search(c)}
    day = {c: m for c, m in day.items() if m}  # a "Day" column is the date, not a figure
    measures = set(day.values())
    if not day or any(" ".join(_TO_DATE.sub(" ", c).split()) not in measures for c in to_date):
        return raw
    if len(measures) != len(day) or measures & (set(names) - set(day)):
        return raw  # two day columns of one measure, or the plain name taken already
    out = frame.drop(columns=to_date).rename(columns=day)
    note = (
        f"figures to date left out ({', '.join(to_date[:4])}{', ...' if len(to_date) > 4 else ''}):"
        f" they add up earlier days again; the day's figures read ({', '.join(list(day)[:3])}, ...)"
    )
    return replace(raw, frame=out, notes=[*raw.notes, note])


def transposed(raw: RawTable) -> RawTable:
    """A report written sideways -- one row per KPI ("Calls Offered", "ASA (s)"), one column per
    period ("w/c 01/07/2024", "Jul 2024") -- read as one row per period, its label in a ``Date``
    column; a ``Total`` (or ``YTD``, ``Average``) column is left out, and the notes say so.
    Unchanged unless every column after the first names a period (or a total) and at least two
    row names are summary fields."""
    frame = raw.frame
    if frame.shape[1] < 3 or not 2 <= len(frame) <= 100:
        return raw
    rest = [str(c) for c in frame.columns[1:]]
    totals = [c for c in rest if c.strip().lower() in _TOTAL_COLUMNS]
    periods = [c for c in rest if c not in totals]
    labels = [_WEEK_START.sub("", c.strip()) for c in periods]
    if len(periods) < 2 or not all(is_period(label) for label in labels):
        return raw
    names = frame.iloc[:, 0].astype("string").str.strip()
    if names.isna().any() or names.duplicated().any():
        return raw
    if sum(header_key(str(n)) in _FIELD_KEYS for n in names) < 2:
        return raw
    out = pd.DataFrame(
        {str(n): frame.iloc[i][periods].astype("string").to_numpy() for i, n in enumerate(names)}
    )
    out.insert(0, "Date", pd.Series(labels, dtype="string"))
    said = f"'{periods[0]}'" if labels[0] == periods[0] else f"'{periods[0]}' (read as {labels[0]})"
    notes = [
        f"a report written sideways (one row per measure, one column per period) read as one row "
        f"per period: {len(periods)} period columns from {said} give {len(out)} rows"
    ]
    if totals:
        notes.append(
            f"column {', '.join(repr(t) for t in totals)} left out: it sums or averages the "
            "periods (kept, every contact would count twice)"
        )
    return replace(raw, frame=out, notes=[*raw.notes, *notes])


def unpivot_groups(raw: RawTable) -> RawTable:
    """``raw`` with its column groups stacked, one row per line and group, the group's name in
    a ``Queue`` column; unchanged when the file has no column groups.

    The columns outside every group (the date, an interval) are repeated on each row. A
    group named as a total ("Total Offered") is left out, and the notes say so.
    """
    frame = raw.frame
    groups = column_groups(str(c) for c in frame.columns)
    if not groups:
        return raw
    if {g.lower() for g in groups} <= PLAN_WORDS | ACTUAL_WORDS:
        return _actual_only(raw, groups)
    grouped = {c for cs in groups.values() for c in cs}
    shared = [c for c in frame.columns if str(c) not in grouped]
    kept = {g: cs for g, cs in groups.items() if g.strip().lower() not in _TOTAL_GROUPS}
    totals = [g for g in groups if g not in kept]
    segment = "Channel" if {g.lower() for g in kept} <= _CHANNEL_WORDS else "Queue"
    name = segment if segment not in {str(c) for c in shared} else f"{segment} group"
    parts = []
    for group, cols in kept.items():
        part = frame[shared].copy()
        part[name] = group
        for c in cols:
            part[c[len(group) :].strip()] = frame[c].array
        parts.append(part)
    long = pd.concat(parts, ignore_index=True, sort=False)
    notes = [
        f"one column group per {segment.lower()} ({', '.join(kept)}) read as one row per line "
        f"and {segment.lower()}: {len(frame):,} lines give {len(long):,} rows (the "
        f"{segment.lower()} in a '{name}' column)"
    ]
    if totals:
        notes.append(
            f"column group {', '.join(repr(t) for t in totals)} left out: it sums the other "
            f"{segment.lower()}s (kept, every contact would count twice)"
        )
    return replace(raw, frame=long, notes=[*raw.notes, *notes])


def _actual_only(raw: RawTable, groups: dict[str, list[str]]) -> RawTable:
    """A plan-versus-actual report ("Forecast Calls", "Actual Calls", "Required Staff"): the
    actual figures keep their field names ("Calls"); the planned ones are left out (a forecast
    call is no contact), and the notes say so."""
    frame = raw.frame
    actual = [g for g in groups if g.lower() in ACTUAL_WORDS]
    plan_words = tuple(f"{w} " for w in PLAN_WORDS)
    planned = [str(c) for c in frame.columns if str(c).lower().startswith(plan_words)]
    renames = {c: c[len(g) :].strip() for g in actual for c in groups[g]}
    # Every "Actual ..." column, not only the summary fields the groups were found by.
    for c in frame.columns:
        for g in actual:
            if str(c).lower().startswith(g.lower() + " ") and str(c) not in renames:
                renames[str(c)] = str(c)[len(g) :].strip()
    clash = set(renames.values()) & {str(c) for c in frame.columns if str(c) not in renames}
    out = frame.drop(columns=planned + [c for c in clash if c not in renames]).rename(
        columns=renames
    )
    notes = [
        f"a plan-versus-actual report: the actual figures are read ({', '.join(renames)}); the "
        f"planned ones are left out ({', '.join(planned) or 'none'}): a forecast call is no contact"
    ]
    return replace(raw, frame=out, notes=[*raw.notes, *notes])


#: Header keys of a date hierarchy's parts (Power BI, pivot tables), in English, German, French,
#: Spanish, Italian, Portuguese and Dutch.
_YEAR = frozenset({"year", "jahr", "annee", "ano", "anno", "jaar"})
_QUARTER = frozenset({"quarter", "quartal", "trimestre", "kwartaal"})
_MONTH_PART = frozenset({"month", "monat", "mois", "mes", "mese", "maand"})
_DAY_PART = frozenset({"day", "tag", "jour", "dia", "giorno", "dag"})
_WEEK_PART = frozenset(
    {"week", "weeknumber", "weekno", "weeknr", "wk", "kw", "woche", "kalenderwoche", "semaine",
     "semana", "settimana"}
)  # fmt: skip


def date_parts(raw: RawTable) -> RawTable:
    """A date split into Year, (Quarter,) Month and Day columns ("2024", "Qtr 2", "May", "27")
    read as one ``Date`` column ("2024-05-27"; "2024-05" without a day); unchanged when the file
    has a date column of its own or its parts do not all read as such."""
    frame = raw.frame
    by_key = {header_key(str(c)): str(c) for c in frame.columns}
    year = next((by_key[k] for k in _YEAR if k in by_key), None)
    month = next((by_key[k] for k in _MONTH_PART if k in by_key), None)
    if year is None or "date" in by_key:
        return raw
    if month is None:
        week = next((by_key[k] for k in _WEEK_PART if k in by_key), None)
        return _year_week(raw, year, week) if week is not None else raw
    day = next((by_key[k] for k in _DAY_PART if k in by_key), None)
    quarter = next((by_key[k] for k in _QUARTER if k in by_key), None)
    years = pd.to_numeric(frame[year], errors="coerce")
    months = frame[month].map(_month_number)
    days = pd.to_numeric(frame[day], errors="coerce") if day else pd.Series(1, index=frame.index)
    ok = years.between(1970, 2099) & months.between(1, 12) & days.between(1, 31)
    if not bool(ok[frame[year].notna()].all()):
        return raw
    stamps = pd.to_datetime(
        pd.DataFrame({"year": years, "month": months, "day": days}).where(ok), errors="coerce"
    )
    text = stamps.dt.strftime("%Y-%m-%d" if day else "%Y-%m").astype("string")
    parts = [c for c in (year, quarter, month, day) if c]
    out = frame.drop(columns=parts)
    out.insert(0, "Date", text)
    note = f"the date is read from its parts ({', '.join(parts)}), as one 'Date' column"
    return replace(raw, frame=out, notes=[*raw.notes, note])


def _year_week(raw: RawTable, year: str, week: str) -> RawTable:
    """Year and ISO week number columns ("2024", "36") read as one ``Date`` column, the Monday
    each week starts (ISO 8601); unchanged unless every row's pair is such a week."""
    frame = raw.frame
    years = pd.to_numeric(frame[year], errors="coerce")
    weeks = pd.to_numeric(frame[week], errors="coerce")
    ok = years.between(1970, 2099) & weeks.between(1, 53) & (weeks == weeks.round())
    if not bool(ok[frame[year].notna()].all()):
        return raw
    try:
        days = [
            dt.date.fromisocalendar(int(y), int(w), 1).isoformat() if good else None
            for y, w, good in zip(years, weeks, ok, strict=True)
        ]
    except ValueError:  # week 53 of a year that has 52
        return raw
    out = frame.drop(columns=[year, week])
    out.insert(0, "Date", pd.Series(days, index=frame.index, dtype="string"))
    note = (
        f"the date is read from its parts ({year}, {week}) as the Monday each ISO week starts, "
        "in one 'Date' column"
    )
    return replace(raw, frame=out, notes=[*raw.notes, note])


#: A time of day or an interval of one ("08:00", "8:00 AM - 8:30 AM", "08:00-08:15").
_CLOCK_CELL = re.compile(
    r"^\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?"
    r"(?:\s*[-–]\s*\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?)?$",
    re.IGNORECASE,
)
#: A date in a title line ("Report date: 15/10/2024", "Date: 2024-10-15").
_TITLE_DATE = re.compile(
    r"(?<![\d/.-])(\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})(?![\d/.-])"
)
#: Title lines that date the report's making, not its data.
_MADE = re.compile(r"generated|created|printed|run on|exported|erstellt|g[eé]n[eé]r[eé]", re.I)


def date_from_title(raw: RawTable) -> RawTable:
    """An interval report whose day is written only in a title line above the table ("Report
    date: 15/10/2024"): that date in a ``Date`` column on every row, said in the notes.
    Unchanged unless the table has a column of times of day or intervals and no column of
    dates, and the title lines hold exactly one date apart from when the report was made."""
    frame = raw.frame
    if not raw.title or frame.empty or "Date" in frame.columns:
        return raw
    dates = {d for line in raw.title if not _MADE.search(line) for d in _TITLE_DATE.findall(line)}
    if len(dates) != 1:
        return raw
    head = frame.head(50)
    kinds = [_cells_kind(head[c]) for c in frame.columns]
    if "date" in kinds or "clock" not in kinds:
        return raw
    (day,) = dates
    others = sorted(
        {d for line in raw.skipped for d in _TITLE_DATE.findall(line.split(": ", 1)[-1])} - {day}
    )
    if others:  # one table per day, each under its own date line: never all on the first day
        raise DataError(
            f"'{raw.source}' holds several tables, each under its own date line ({day}, "
            f"{', '.join(others[:3])}{' ...' if len(others) > 3 else ''}): KPI Lab reads one "
            "table per file. Export each day as its own file, or a report with a date column."
        )
    out = frame.copy()
    out.insert(0, "Date", pd.Series(day, index=frame.index, dtype="string"))
    line = next(t for t in raw.title if day in t)
    note = f"the table has no date column: every row dated {day}, from the title line '{line}'"
    return replace(raw, frame=out, notes=[*raw.notes, note])


def _cells_kind(col: pd.Series) -> str:
    """ "date" when most cells are dates, "clock" when most are times of day or intervals."""
    if pd.api.types.is_datetime64_any_dtype(col.dtype):
        return "date"
    cells = [str(v).strip() for v in col.dropna() if str(v).strip()]
    if not cells:
        return ""
    if sum(bool(_CLOCK_CELL.match(v)) for v in cells) > 0.8 * len(cells):
        return "clock"
    if sum(bool(_TITLE_DATE.search(v)) for v in cells) > 0.8 * len(cells):
        return "date"
    return ""


def _month_number(value: object) -> float:
    """1-12 from a month's number or name ("May", "mai", "05"); NaN otherwise."""
    text = str(value).strip()
    if text.isdigit():
        return float(text)
    got = month_number(text)
    return float(got) if got else float("nan")


def measure_rows(raw: RawTable) -> RawTable:
    """Tableau's long layout, one line per period (and segment) and measure ("Measure Names",
    "Measure Values"), read as one row per period with a column per measure; unchanged when the
    file has no such pair of columns."""
    frame = raw.frame
    by_key = {header_key(str(c)): c for c in frame.columns}
    names, values = by_key.get("measurenames"), by_key.get("measurevalues")
    if names is None or values is None:
        return raw
    keys = [c for c in frame.columns if c not in (names, values)]
    long = frame.astype({names: "string"})
    wide = long.pivot_table(
        index=keys, columns=names, values=values, aggfunc="first", sort=False, dropna=False
    )
    measures = list(dict.fromkeys(long[names].dropna()))
    out = wide.reindex(columns=measures).reset_index()
    out.columns = [str(c) for c in out.columns]
    note = (
        f"one line per measure ({', '.join(measures[:6])}{', ...' if len(measures) > 6 else ''}) "
        f"read as one row per {', '.join(str(k) for k in keys) or 'line'}: {len(frame):,} lines "
        f"give {len(out):,} rows"
    )
    return replace(raw, frame=out, notes=[*raw.notes, note])


_NAME_TOKEN = re.compile(r"[^_\-\s.]+")


def segment_from_names(raws: list[RawTable]) -> list[RawTable]:
    """Files with the same columns and no queue or channel column, whose names differ in one
    word only ("queue_Sales.csv", "queue_Support.csv"), each get that word as a ``Queue`` column
    (``Channel`` when the words are channels): the segment the export left in the file name.
    Words with digits (dates, numbers: one file per day) are no segment."""
    if len(raws) < 2 or len({frozenset(map(str, r.frame.columns)) for r in raws}) != 1:
        return raws
    keys = {header_key(str(c)) for c in raws[0].frame.columns}
    if keys & _SEGMENT_KEYS:
        return raws
    tokens = [_NAME_TOKEN.findall(Path(r.source).stem) for r in raws]
    if len({len(t) for t in tokens}) != 1:
        return raws
    differ = [i for i in range(len(tokens[0])) if len({t[i] for t in tokens}) > 1]
    if len(differ) != 1:
        return raws
    words = [t[differ[0]] for t in tokens]
    if len(set(words)) < len(words) or any(any(ch.isdigit() for ch in w) for w in words):
        return raws
    name = "Channel" if {w.lower() for w in words} <= _CHANNEL_WORDS else "Queue"
    note = f"'{name}' taken from the file names ({', '.join(words)}): the files hold no such column"
    return [
        replace(r, frame=r.frame.assign(**{name: w}), notes=[*r.notes, note])
        for r, w in zip(raws, words, strict=True)
    ]

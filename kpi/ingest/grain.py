"""The grain of aggregated rows: interval, day, week, month, quarter or year.

A monthly report writes its period as ``Apr 2024``, ``April 2024``, ``2024-04`` or ``04/2024``;
a quarterly one ``Q2 2024`` or ``2024-Q2``; a yearly one ``2024``; a weekly one ``2024-W15`` or
the date the week starts. :func:`parse_periods` reads those labels as the period's first day;
:func:`detect_grain` then tells the grain from the labels, or from the spacing of the dates.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd

__all__ = [
    "WEEKDAY_PREFIX",
    "detect_grain",
    "english_months",
    "is_period",
    "month_number",
    "parse_periods",
    "range_starts",
]

#: Month names and abbreviations (English, French, German, Spanish, Dutch, Italian, Portuguese),
#: written without accents (labels are matched with theirs removed: "févr." is "fevr").
_MONTH_NAMES = (
    ("jan", "january", "janv", "janvier", "januar", "janner", "ene", "enero", "januari", "gen", "gennaio",
     "janeiro"),
    ("feb", "february", "fev", "fevr", "fevrier", "februar", "feber", "febrero", "februari", "febbraio",
     "fevereiro"),
    ("mar", "march", "mars", "marz", "marzo", "mrt", "maart", "marco"),
    ("apr", "april", "avr", "avril", "abr", "abril", "aprile"),
    ("may", "mai", "mayo", "mei", "mag", "maggio", "maio"),
    ("jun", "june", "juin", "juni", "junio", "giu", "giugno", "junho"),
    ("jul", "july", "juil", "juillet", "juli", "julio", "lug", "luglio", "julho"),
    ("aug", "august", "aout", "ago", "agosto", "augustus"),
    ("sep", "sept", "september", "septembre", "septiembre", "set", "settembre", "setembro"),
    ("oct", "october", "octobre", "okt", "oktober", "octubre", "ott", "ottobre", "out", "outubro"),
    ("nov", "november", "novembre", "noviembre", "novembro"),
    ("dec", "december", "decembre", "dez", "dezember", "dic", "diciembre", "dicembre", "dezembro"),
)  # fmt: skip
#: Polish, Swedish, Danish / Norwegian and Turkish months (plain: "września" is "wrzesnia",
#: Turkish "Mayıs" loses its dotless i: "mays").
_MORE_MONTHS = (
    ("sty", "styczen", "stycznia", "ocak"),
    ("lut", "luty", "lutego", "subat"),
    ("marzec", "marca", "marts", "mart"),
    ("kwi", "kwiecien", "kwietnia", "nisan"),
    ("maj", "maja", "mays", "mayis"),
    ("cze", "czerwiec", "czerwca", "haziran"),
    ("lip", "lipiec", "lipca", "temmuz"),
    ("sie", "sierpien", "sierpnia", "augusti", "agustos"),
    ("wrz", "wrzesien", "wrzesnia", "eylul"),
    ("paz", "pazdziernik", "pazdziernika", "ekim"),
    ("lis", "listopad", "listopada", "kasm", "kasim"),
    ("gru", "grudzien", "grudnia", "desember", "aralk", "aralik"),
)
_MONTH = {
    m: i + 1
    for table in (_MONTH_NAMES, _MORE_MONTHS)
    for i, names in enumerate(table)
    for m in names
}
#: English month names and abbreviations (those of _MONTH_NAMES' first two columns).
_ENGLISH_MONTHS = frozenset(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
     "january", "february", "march", "april", "june", "july", "august", "september", "october",
     "november", "december"]
)  # fmt: skip
_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

#: A weekday name before a date, in the languages of the month names: English in any form
#: ("Tue 03/04/2025", "Tuesday, 4 March 2025"); the others written in full ("lunes, 10 de
#: marzo"), or abbreviated before a comma or a dot ("lun, 10 mar 2025", "Mo., 10. März
#: 2025", "lun. 10 mars 2025"), as a bare "mar" or "do" could be a month or a word.
WEEKDAY_PREFIX = (
    r"(?i:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?\s+"
    r"|(?:lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo|lundi|mardi|mercredi|"
    r"jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|"
    r"sonntag|segunda|ter[cç]a|quarta|quinta|sexta)(?:-feira)?,?\s+"
    r"|(?:luned[iì]|marted[iì]|mercoled[iì]|gioved[iì]|venerd[iì]|sabato|domenica|maandag|"
    r"dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag),?\s+"
    r"|(?:lun|mar|mi[eé]|jue|vie|s[aá]b|dom|mer|jeu|ven|sam|dim|gio|seg|ter|qua|qui|sex|mo|di|"
    r"mi|do|fr|sa|so|ma|wo|vr|za|zo)(?:\.,?|,)\s+)"
)
#: A month written as a word in a date ("10 mar 2025", "10. März 2025", "10 de marzo de
#: 2025", "3-févr.-25"): the word (group 2) between the day and the year.
_WORD_DATE = re.compile(
    r"^\s*(\d{1,2})\.?(?:\s+de)?[\s\-/]*([^\W\d_]{3,13})\.?(?:\s+de)?[\s\-/,]*(?=\d{2,4}\b)"
)


def english_months(text: pd.Series) -> pd.Series | None:
    """Dates whose month is a word in another language ("10 mar 2025" in Spanish is English
    already; "10 ene 2025", "10. März 2025", "10 de marzo de 2025" are not) rewritten as
    "10 Jan 2025", for a parser that knows English names only; None when the column has no such
    month (judged on its first 2,000 filled values: a file is written in one language)."""
    filled = text.dropna()
    head = filled[filled != ""].iloc[:2000]
    if head.empty or not bool(head.str.match(_WORD_DATE).any()):
        return None
    words = head.str.extract(_WORD_DATE)[1].dropna().unique()
    if all(_plain(w) in _ENGLISH_MONTHS for w in words):
        return None
    if not all(month_number(w) for w in words):
        return None  # a word that is no month: not a date written this way

    def one(m: re.Match[str]) -> str:
        number = month_number(m.group(2))
        return f"{m.group(1)} {_ABBR[number - 1]} " if number else m.group(0)

    return text.str.replace(_WORD_DATE, one, regex=True)


_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("quarter", re.compile(r"^q([1-4])[\s\-/']*(\d{4})$")),
    ("quarter", re.compile(r"^(\d{4})[\s\-/]*q([1-4])$")),
    ("week", re.compile(r"^(\d{4})-?w(\d{1,2})$")),
    # "Week 10 2025", "Wk 10, 2025", "KW 10 2025", "Semaine 10 2025": (week, year)
    (
        "week_first",
        re.compile(
            r"^(?:week|wk|w|kw|semaine|semana|settimana|week nr|uke|uge|vecka|v|viikko|vko|"
            r"tydzien|tyden|hafta)\.?\s*(\d{1,2})[\s,\-/]+(\d{4})$"
        ),
    ),
    # "2025 Week 10", "2025, week 10": (year, week)
    ("week", re.compile(r"^(\d{4}),?\s+(?:week|wk|kw)\.?\s*(\d{1,2})$")),
    ("month", re.compile(r"^([a-z]{3,10})\.?[\s\-/']*(\d{4}|\d{2})$")),
    ("month", re.compile(r"^(\d{4})[\-/](\d{1,2})$")),
    ("month", re.compile(r"^(\d{1,2})[\-/](\d{4})$")),
    ("year", re.compile(r"^(\d{4})$")),
)


#: A date written with digits only ("01/07/2024", "2024-07-01", "1.7.24").
_DIGIT_DATE = re.compile(r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}$")


def is_period(label: str) -> bool:
    """Whether ``label`` names one period: a date written with digits, or a period label
    (``Apr 2024``, ``Q2 2024``, ``2024-W15``, ``2024``)."""
    return bool(_DIGIT_DATE.match(label.strip())) or _one(label) is not None


#: A period written as its first and last dates ("09/08/2024 - 09/14/2024", "1.7.2024 bis
#: 7.7.2024"): the separator stands between spaces, so an ISO date's "-" is no range.
_RANGE = re.compile(
    r"^\s*(\d[\d/.\-]*\d)\s+(?:-|–|—|to|until|bis|au|al|a|t/m|tot)\s+\d[\d/.\-]*\d\s*$",
    re.IGNORECASE,
)


def range_starts(text: pd.Series) -> pd.Series | None:
    """The first date of each period written as a date range, or None unless every filled
    value is such a range."""
    values = text.astype("string").str.strip()
    filled = values.dropna()
    filled = filled[filled != ""]
    if filled.empty or not bool(filled.str.match(_RANGE).all()):
        return None
    return values.str.extract(_RANGE, expand=False)


def month_number(name: str) -> int | None:
    """A month's number from its name or abbreviation in any of the languages ("févr." -> 2)."""
    return _MONTH.get(_plain(name).rstrip("."))


def _plain(label: str) -> str:
    """The label lower-cased, single-spaced, without accents ("févr. 2024" -> "fevr. 2024")."""
    low = " ".join(label.strip().lower().split())
    if low.isascii():
        return low
    return unicodedata.normalize("NFKD", low).encode("ascii", "ignore").decode()


def _one(label: str) -> tuple[pd.Timestamp, str] | None:
    low = _plain(label)
    for grain, pat in _PATTERNS:
        m = pat.match(low)
        if m is None:
            continue
        g = m.groups()
        try:
            if grain == "quarter":
                q, y = (g[0], g[1]) if low.startswith("q") else (g[1], g[0])
                return pd.Timestamp(int(y), 3 * int(q) - 2, 1), grain
            if grain == "week":
                return pd.Timestamp.fromisocalendar(int(g[0]), int(g[1]), 1), grain
            if grain == "week_first":
                return pd.Timestamp.fromisocalendar(int(g[1]), int(g[0]), 1), "week"
            if grain == "year":
                year = int(g[0])
                return (pd.Timestamp(year, 1, 1), grain) if 1970 <= year < 2100 else None
            if g[0].isalpha():
                month = _MONTH.get(g[0])
                year = int(g[1]) if len(g[1]) == 4 else 2000 + int(g[1])
            elif len(g[0]) == 4:
                year, month = int(g[0]), int(g[1])
            else:
                month, year = int(g[0]), int(g[1])
            return (pd.Timestamp(year, month, 1), grain) if month and 1 <= month <= 12 else None
        except ValueError:
            return None
    return None


def parse_periods(text: pd.Series) -> tuple[pd.Series, str] | None:
    """Period labels (``Apr 2024``, ``Q2 2024``, ``2024-W15``, ``2024``...) as the first day of
    each period, and their grain; None when most filled cells are not such labels (then the
    column is read as ordinary dates). Unreadable labels are NaT."""
    values = text.astype("string").str.strip()
    filled = values.dropna()
    filled = filled[filled != ""]
    if filled.empty:
        return None
    parsed = {u: _one(str(u)) for u in pd.unique(filled)}
    good = [p for p in parsed.values() if p is not None]
    if len(good) < 0.8 * len(parsed):
        return None
    grains = pd.Series([g for _, g in good]).value_counts()
    grain = str(grains.index[0])
    starts = {u: p[0] for u, p in parsed.items() if p is not None and p[1] == grain}
    out = pd.to_datetime(values.map(starts), errors="coerce").astype("datetime64[ns]")
    return out, grain


def detect_grain(dates: pd.Series) -> str:
    """The grain of aggregated rows from the spacing of their distinct dates: "interval"
    (times within a day), "day", "week", "month", "quarter" or "year"."""
    d = pd.Series(pd.to_datetime(dates, errors="coerce")).dropna()
    if d.empty:
        return "day"
    if (d != d.dt.normalize()).any():
        # One time of day on every row, days apart (Genesys' "Interval Start" of a daily
        # report is local midnight written in UTC, 04:00Z): days, not intervals.
        if d.dt.time.nunique() > 1:
            return "interval"
        d = d.dt.normalize()
    u = np.sort(d.unique())
    if len(u) < 2:
        return "month" if pd.Timestamp(u[0]).day == 1 else "day"
    gap = float(np.median(np.diff(u).astype("timedelta64[D]").astype(float)))
    first_days = bool((pd.DatetimeIndex(u).day == 1).all())
    if first_days and 28 <= gap <= 31:
        return "month"
    if first_days and 89 <= gap <= 92:
        return "quarter"
    if first_days and 365 <= gap <= 366:
        return "year"
    if gap == 7:
        return "week"
    return "day"

"""A time-zone column beside local times: each row's wall-clock time read in its own zone.

A phone system with sites in several zones may write every call's start in the site's local
time, with the zone in a column of its own (``Time Zone`` = ``America/Chicago``, ``PST``,
``UTC-05:00``). Read as they are, three sites' clocks would be one: calls land in the wrong
hour, or on the wrong day. :func:`convert_row_zones` reads each row's times in its zone and
converts them to the import's zone, as timestamps written with an offset are.
"""

from __future__ import annotations

import re
import zoneinfo

import numpy as np
import pandas as pd

from kpi.ingest.headers import header_key, header_zone_label

__all__ = [
    "carries_offsets",
    "convert_row_zones",
    "header_zone",
    "in_zone",
    "zone_column",
    "zone_of",
]

#: Header keys of a column that gives each row's time zone.
_ZONE_HEADERS = frozenset(
    {"timezone", "tz", "zone", "timezonename", "tzname", "sitetimezone", "localtimezone",
     "zeitzone", "fuseauhoraire", "zonahoraria", "fusoorario", "tijdzone", "fusohorario"}
)  # fmt: skip
#: Zone abbreviations that name one zone (not IST, which is India's, Ireland's or Israel's).
_ABBREVIATIONS = {
    "est": "America/New_York", "edt": "America/New_York", "et": "America/New_York",
    "cst": "America/Chicago", "cdt": "America/Chicago", "ct": "America/Chicago",
    "mst": "America/Denver", "mdt": "America/Denver", "mt": "America/Denver",
    "pst": "America/Los_Angeles", "pdt": "America/Los_Angeles", "pt": "America/Los_Angeles",
    "akst": "America/Anchorage", "hst": "Pacific/Honolulu", "gmt": "UTC", "utc": "UTC",
    "z": "UTC", "bst": "Europe/London", "cet": "Europe/Paris", "cest": "Europe/Paris",
    "eet": "Europe/Athens", "eest": "Europe/Athens", "aest": "Australia/Sydney",
    "aedt": "Australia/Sydney", "jst": "Asia/Tokyo", "sgt": "Asia/Singapore",
}  # fmt: skip
#: A timestamp written with its offset ("...Z", "...-05:00"): already absolute.
_AWARE = re.compile(r"(?:z|[+-]\d{2}:?\d{2})$", re.IGNORECASE)
#: A fixed offset from UTC: "UTC-05:00", "GMT+1", "+02:00", "(GMT-06:00) Central Time".
_OFFSET = re.compile(r"^\(?(?:utc|gmt)?\s*([+-])(\d{1,2})(?::?(\d{2}))?\)?", re.IGNORECASE)


def zone_of(label: str) -> str | None:
    """The IANA zone (or fixed offset, "+05:30") a label names; None if it names none."""
    text = label.strip()
    if not text:
        return None
    if "/" in text:
        try:
            zoneinfo.ZoneInfo(text)
            return text
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return None
    known = _ABBREVIATIONS.get(text.lower())
    if known:
        return known
    m = _OFFSET.match(text)
    if m is None:
        return None
    return f"{m.group(1)}{int(m.group(2)):02d}:{m.group(3) or '00'}"


def header_zone(name: str) -> str | None:
    """The time zone a header names for its values ("Start Time (UTC)", "Date
    (America/Chicago)", "ASA (EST)"), else None."""
    label = header_zone_label(name)
    return zone_of(label) if label else None


def carries_offsets(col: pd.Series) -> bool:
    """The first cells of a text column carry a UTC offset ("...Z", "...-05:00"): its times
    are absolute already."""
    head = col.dropna().astype(str).str.strip().head(50)
    return bool(head.str.contains(_AWARE).any())


def in_zone(values: pd.Series, zone: str, target: str) -> pd.Series:
    """Naive wall-clock ``values`` read in ``zone``, as naive wall-clock time in ``target``.
    The repeated hour of an autumn change is read as its first (summer-time) pass."""
    first = np.ones(len(values), dtype=bool)
    local = values.dt.tz_localize(zone, ambiguous=first, nonexistent="shift_forward")
    return local.dt.tz_convert(target).dt.tz_localize(None)


def zone_column(frame: pd.DataFrame) -> tuple[str, dict[str, str]] | None:
    """The column that gives each row's zone, with each distinct label's zone: a column named
    so whose every filled value names a zone."""
    for c in frame.columns:
        if header_key(str(c)) not in _ZONE_HEADERS:
            continue
        labels = frame[c].dropna().astype(str).str.strip()
        distinct = [v for v in labels.unique()[:200] if v]
        zones = {v: zone_of(v) for v in distinct}
        if distinct and all(zones.values()):
            return str(c), {v: z for v, z in zones.items() if z}
    return None


def convert_row_zones(
    frame: pd.DataFrame,
    out: dict[str, pd.Series],
    target: str,
    sources: dict[str, tuple[str, ...]],
) -> list[str]:
    """``out``'s timestamps read in the zone of each row (:func:`zone_column` of the raw
    ``frame``) and converted to ``target`` wall-clock time; the note that says so (none when
    the file has no zone column). A field whose source columns (``sources``) carry offsets
    is absolute already and stays as it is."""
    found = zone_column(frame)
    if found is None:
        return []

    def naive(field: str) -> bool:
        return not any(carries_offsets(frame[c]) for c in sources.get(field, ()) if c in frame)

    present = [f for f, v in out.items() if pd.api.types.is_datetime64_dtype(v.dtype) and naive(f)]
    if not present:
        return []
    column, zones = found
    labels = frame[column].astype("string").str.strip()
    for f in present:
        values = out[f]
        converted = values.copy()
        for label, zone in zones.items():
            rows = labels.eq(label).fillna(False).to_numpy(dtype=bool)
            if not rows.any():
                continue
            converted[rows] = in_zone(values[rows], zone, target).to_numpy()
        out[f] = converted
    shown = ", ".join(sorted(zones)[:4]) + (", ..." if len(zones) > 4 else "")
    return [
        f"'{column}' gives each row's time zone ({shown}): {', '.join(present)} read in it and "
        f"converted to {target} time"
    ]

"""Regenerate the twenty-fourth blind acceptance corpus (tests/test_real_exports_24.py).

    .venv/bin/python tests/data/exports24/make_exports.py             # write the files
    .venv/bin/python tests/data/exports24/make_exports.py --expected  # also print the truth

Round 24: time and calendar traps in otherwise ordinary contact logs and summaries, the kind
that give wrong days or wrong durations silently. Each file is a normal-looking export with ONE
trap: an interval report labelled by the interval's END whose last interval is "24:00"; a 24/7
15-minute interval report written as ranges whose last range ends at midnight ("23:45 -
00:00"); a pandas-written log whose durations are timedeltas ("0 days 00:05:12"); an Oracle
extract with default TIMESTAMP text ("03-MAR-25 08.05.12.123000 PM"); a multi-site log with a
per-row "Time Zone" column; ISO timestamps with milliseconds and offsets across the US spring
DST change; a weekly summary over ISO week 53 and the year end ("2020-W53"); a daily summary
whose total times run over 24 hours ("26:15:07"); a daily summary dated "Monday, March 3,
2025"; a UK log with two-digit years ("03/03/25 08:05"); a log with "--" for durations that
do not apply.

Each builder draws rows with its own seeded ``random.Random``, writes them the way the export
looks, and returns the KPIs computed in plain Python over the drawn records -- never with
KPI Lab code.

Conventions (the registry's documented defaults, as rounds 1-23): contacts = rows of a contact
log; abandonment = abandoned / inbound queued; ASA = mean wait of answered; AHT = mean talk +
hold + ACW of handled; service level (20 s, abandons negative) = answered within 20 s /
(answered + abandoned). Summaries: contacts = sum offered, abandonment = abandoned / offered,
ASA / AHT / a displayed service level weighted by answered.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/data: export_kit
from export_kit import (  # noqa: E402
    Builders,
    draw_row,
    drawn_calls,
    handled,
    hms,
    log_truth,
    rows_truth,
    weekdays,
)  # fmt: skip

OUT = Path(__file__).resolve().parent
BUILD = Builders(OUT)
builder, write_csv = BUILD, BUILD.write_csv
AGENTS = ["Maya Lopez", "Omar Haddad", "Jin Park", "Sara Novak", "Luca Bianchi", "Ada Okafor"]
QUEUES = ["Billing", "Support", "Sales"]
MAR = weekdays(dt.date(2025, 3, 3), dt.date(2025, 3, 14))  # spans the US DST change (Mar 9)
WK1 = weekdays(dt.date(2025, 3, 3), dt.date(2025, 3, 7))


def at(d: dt.date, minutes: int) -> dt.datetime:
    return dt.datetime.combine(d, dt.time()) + dt.timedelta(minutes=minutes)


def interval_rows(rng: random.Random, days: list[dt.date], step: int) -> list[dict[str, Any]]:
    """A 24/7 queue's intervals of ``step`` minutes: small volumes, busier by day."""
    rows = []
    for d in days:
        for m in range(0, 24 * 60, step):
            busy = 8 * 60 <= m < 20 * 60
            r = draw_row(rng, at(d, m), (14 if busy else 5) * step // 15)
            r["sl"] = round(r["sl"], 1)
            rows.append(r)
    return rows


# --- 1. Interval report labelled by the interval END, last interval "24:00" ----------------------


@builder
def build_interval_ending_24h() -> dict[str, Any]:
    # A WFM (Verint-style) queue history export: "Interval Ending" 00:30 ... 23:30, 24:00 for
    # the interval 23:30-24:00 of the same date. Averages in seconds, service level percent.
    rng = random.Random(2401)
    rows = interval_rows(rng, WK1, 30)
    out = []
    for r in rows:
        end = r["day"] + dt.timedelta(minutes=30)
        label = "24:00" if end.time() == dt.time() else f"{end:%H:%M}"
        out.append([f"{r['day']:%m/%d/%Y}", label, "Customer Care", r["offered"], r["answered"],
                    r["abandoned"], r["asa"], r["aht"], f"{r['sl']:.1f}"])  # fmt: skip
    write_csv(
        "interval_ending_24h.csv",
        ["Date", "Interval Ending", "Queue", "Offered", "Handled", "Abandoned",
         "Avg Speed of Answer", "Avg Handle Time", "Service Level %"],
        out,
    )  # fmt: skip
    t = rows_truth(rows)
    t["first_start"] = f"{rows[0]['day']:%Y-%m-%d %H:%M}"
    t["last_start"] = f"{rows[-1]['day']:%Y-%m-%d %H:%M}"
    t["offered_last_day"] = sum(r["offered"] for r in rows if r["day"].date() == WK1[-1])
    return t


# --- 2. 15-minute ranges, 24/7, the last range ends at midnight ("23:45 - 00:00") ---------------


@builder
def build_interval15_midnight_ranges() -> dict[str, Any]:
    # A cloud ACD's 15-minute queue interval export for a 24/7 line: "Interval" written as
    # "23:45 - 00:00" ranges, "Report Date" ISO, counts and mm:ss-free seconds.
    rng = random.Random(2402)
    rows = interval_rows(rng, WK1[:3], 15)
    out = []
    for r in rows:
        end = r["day"] + dt.timedelta(minutes=15)
        out.append([f"{r['day']:%Y-%m-%d}", f"{r['day']:%H:%M} - {end:%H:%M}", r["offered"],
                     r["answered"], r["abandoned"], r["asa"], r["talk"], r["hold"], r["acw"],
                     r["within"]])  # fmt: skip
    write_csv(
        "interval15_midnight_ranges.csv",
        ["Report Date", "Interval", "Contacts Offered", "Contacts Answered",
         "Contacts Abandoned", "Avg Answer Time (s)", "Avg Talk Time (s)", "Avg Hold Time (s)",
         "Avg After Call Work (s)", "Answered Within 20s"],
        out,
    )  # fmt: skip
    t = rows_truth(rows, sl="count")
    t["offered_last_day"] = sum(r["offered"] for r in rows if r["day"].date() == WK1[2])
    return t


# --- 3. pandas to_csv of timedeltas: "0 days 00:05:12" -------------------------------------------


@builder
def build_pandas_timedelta_calls() -> dict[str, Any]:
    # A data team's notebook export (DataFrame.to_csv): snake_case columns, "started_at"
    # ISO with a space, durations as pandas Timedelta text ("0 days 00:05:12"),
    # "answered" True / False.
    rng = random.Random(2403)
    recs = drawn_calls(rng, MAR, 7, p_ab=0.15)

    def td(s: int) -> str:
        return f"0 days {hms(s)}"

    rows = []
    for i, c in enumerate(recs):
        ok = handled(c)
        rows.append([i, f"{c['start']:%Y-%m-%d %H:%M:%S}", rng.choice(QUEUES), ok,
                     td(c["wait"]), td(c["talk"]), td(c["hold"]), td(c["acw"])])  # fmt: skip
    write_csv(
        "pandas_timedelta_calls.csv",
        ["", "started_at", "queue", "answered", "wait_time", "talk_time", "hold_time",
         "acw_time"],
        rows,
    )  # fmt: skip
    return log_truth(recs)


# --- 4. Oracle default TIMESTAMP text: "03-MAR-25 08.05.12.123000 PM" ----------------------------


@builder
def build_oracle_timestamp_cdr() -> dict[str, Any]:
    # SQL Developer export of an Oracle call table: CALL_START in the default NLS format
    # DD-MON-RR HH.MI.SSXFF AM, upper-case columns, seconds as numbers.
    rng = random.Random(2404)
    recs = drawn_calls(rng, MAR, 7, p_ab=0.15)
    rows = []
    for i, c in enumerate(recs):
        t = c["start"]
        us = rng.randint(0, 999) * 1000
        stamp = (f"{t:%d}-{t:%b}-{t:%y} ".upper() + f"{t.hour % 12 or 12:02d}.{t:%M}.{t:%S}."
                 f"{us:06d} {'AM' if t.hour < 12 else 'PM'}")  # fmt: skip
        ok = handled(c)
        rows.append([7300100 + i, stamp, rng.choice(QUEUES).upper(), "ANSWERED" if ok else
                     "ABANDONED", c["wait"], c["talk"], c["hold"], c["acw"]])  # fmt: skip
    write_csv(
        "oracle_timestamp_cdr.csv",
        ["CALL_ID", "CALL_START", "SKILL_NAME", "DISPOSITION", "QUEUE_SECS", "TALK_SECS",
         "HOLD_SECS", "WRAP_SECS"],
        rows,
    )  # fmt: skip
    t = log_truth(recs)
    t["pm_rows"] = sum(c["start"].hour >= 12 for c in recs)
    return t


# --- 5. A per-row "Time Zone" column (three sites) ------------------------------------------------


@builder
def build_row_time_zone() -> dict[str, Any]:
    # A multi-site PBX call report: "Start Time" is each site's local wall-clock time,
    # "Time Zone" names the site's zone on every row (New York, Chicago, Los Angeles).
    rng = random.Random(2405)
    recs = drawn_calls(rng, MAR, 8, p_ab=0.15)
    zones = {"America/New_York": "Eastern", "America/Chicago": "Central",
             "America/Los_Angeles": "Pacific"}  # fmt: skip
    rows = []
    for i, c in enumerate(recs):
        tz = rng.choice(list(zones))
        c["utc"] = c["start"].replace(tzinfo=ZoneInfo(tz)).astimezone(dt.UTC)
        ok = handled(c)
        rows.append([f"{c['start']:%m/%d/%Y %H:%M:%S}", tz, f"SITE-{zones[tz].upper()}",
                     f"{5550100 + i}", "Inbound", ok and "Answered" or "Abandoned",
                     c["wait"], c["talk"] + c["hold"], c["acw"]])  # fmt: skip
        c["talk"] += c["hold"]
        c["hold"] = 0
    write_csv(
        "row_time_zone.csv",
        ["Start Time", "Time Zone", "Site", "Call Ref", "Direction", "Result", "Ring Time",
         "Talk Time", "Wrap Time"],
        rows,
    )  # fmt: skip
    t = log_truth(recs)
    t["utc_first_day"] = min(c["utc"] for c in recs).date().isoformat()
    t["utc_last_day"] = max(c["utc"] for c in recs).date().isoformat()
    t["utc_after_midnight"] = sum(c["utc"].date() != c["start"].date() for c in recs)
    ny = ZoneInfo("America/New_York")
    t["ny_from_18h"] = sum(c["utc"].astimezone(ny).hour >= 18 for c in recs)
    t["ny_hours"] = sorted({c["utc"].astimezone(ny).hour for c in recs})
    return t


# --- 6. ISO timestamps with milliseconds and offsets, across the spring DST change ---------------


@builder
def build_iso_millis_spring_dst() -> dict[str, Any]:
    # An API pull of a New York centre (JSON flattened to CSV): "createdAt"
    # 2025-03-03T08:05:12.123-05:00 before March 9, -04:00 after; durations in seconds.
    rng = random.Random(2406)
    recs = drawn_calls(rng, MAR, 8, p_ab=0.15)
    ny = ZoneInfo("America/New_York")
    rows = []
    for c in recs:
        t = c["start"].replace(tzinfo=ny)
        off = t.utcoffset()
        assert off is not None
        h = int(off.total_seconds()) // 3600
        stamp = f"{t:%Y-%m-%dT%H:%M:%S}.{rng.randint(0, 999):03d}{'-' if h < 0 else '+'}" \
                f"{abs(h):02d}:00"  # fmt: skip
        ok = handled(c)
        rows.append([f"{rng.getrandbits(48):012x}", stamp, rng.choice(QUEUES),
                     "completed" if ok else "abandoned", c["wait"], c["talk"], c["hold"],
                     c["acw"]])  # fmt: skip
    write_csv(
        "iso_millis_spring_dst.csv",
        ["contactId", "createdAt", "queue.name", "status", "metrics.queueTime",
         "metrics.talkTime", "metrics.holdTime", "metrics.wrapUpTime"],
        rows,
    )  # fmt: skip
    t = log_truth(recs)
    t["utc_last_day"] = max(c["start"].replace(tzinfo=ny).astimezone(dt.UTC) for c in recs
                            ).date().isoformat()  # fmt: skip
    return t


# --- 7. Weekly summary across ISO week 53 and the year end ----------------------------------------


@builder
def build_week53_weekly() -> dict[str, Any]:
    # A weekly service report, "Week" written as ISO year-week: 2020-W49 ... 2020-W53,
    # 2021-W01 ... 2021-W04 (2020 has 53 ISO weeks; W53 starts Monday 2020-12-28).
    rng = random.Random(2407)
    rows = []
    for y, w in [(2020, w) for w in range(49, 54)] + [(2021, w) for w in range(1, 5)]:
        r = draw_row(rng, dt.datetime.combine(dt.date.fromisocalendar(y, w, 1), dt.time()), 900)
        r["label"] = f"{y}-W{w:02d}"
        r["sl"] = round(r["sl"], 1)
        rows.append(r)
    write_csv(
        "week53_weekly.csv",
        ["Week", "Calls Offered", "Calls Answered", "Calls Abandoned", "ASA (sec)",
         "AHT (sec)", "SL %"],
        [[r["label"], r["offered"], r["answered"], r["abandoned"], r["asa"], r["aht"],
          f"{r['sl']:.1f}"] for r in rows],
    )  # fmt: skip
    t = rows_truth(rows)
    t["week53_offered"] = rows[4]["offered"]
    t["week53_start"] = rows[4]["day"].date().isoformat()
    return t


# --- 8. Daily totals over 24 hours ("26:15:07") ---------------------------------------------------


@builder
def build_daily_totals_over_24h() -> dict[str, Any]:
    # A daily queue report of a busy centre with total times in Excel's [h]:mm:ss: "Total
    # Talk Time" 26:15:07 on busy days (over 24 hours), 19:02:44 on quiet ones.
    rng = random.Random(2408)
    rows = [draw_row(rng, dt.datetime.combine(d, dt.time()), 300) for d in MAR]
    out = []
    for r in rows:
        r["sl"] = round(r["sl"], 1)
        out.append([f"{r['day']:%Y-%m-%d}", "Retail Banking", r["offered"], r["answered"],
                    r["abandoned"], hms(r["talk"] * r["answered"]),
                    hms(r["hold"] * r["answered"]), hms(r["acw"] * r["answered"]), r["asa"],
                    f"{r['sl']:.1f}%"])  # fmt: skip
    write_csv(
        "daily_totals_over_24h.csv",
        ["Date", "Queue", "Calls Offered", "Calls Answered", "Calls Abandoned",
         "Total Talk Time", "Total Hold Time", "Total ACW Time", "ASA (s)", "Service Level"],
        out,
    )  # fmt: skip
    t = rows_truth(rows)
    t["days_talk_over_24h"] = sum(r["talk"] * r["answered"] >= 86400 for r in rows)
    return t


# --- 9. Daily summary dated "Monday, March 3, 2025" ------------------------------------------------


@builder
def build_weekday_long_dates() -> dict[str, Any]:
    # A daily summary pasted from a BI dashboard: "Day" in the US long format with the
    # weekday ("Monday, March 3, 2025", quoted for its commas), averages as H:MM:SS.
    rng = random.Random(2409)
    rows = [draw_row(rng, dt.datetime.combine(d, dt.time()), 180) for d in MAR]
    out = []
    for r in rows:
        r["sl"] = round(r["sl"])
        d = r["day"]
        out.append([f"{d:%A}, {d:%B} {d.day}, {d.year}", r["offered"], r["answered"],
                    r["abandoned"], hms(r["asa"]), hms(r["aht"]), f"{r['sl']}%"])  # fmt: skip
    write_csv(
        "weekday_long_dates.csv",
        ["Day", "Calls Offered", "Calls Answered", "Calls Abandoned", "Avg Speed of Answer",
         "Avg Handle Time", "Service Level"],
        out,
    )  # fmt: skip
    return rows_truth(rows)


# --- 10. UK log with two-digit years ("03/03/25 08:05") --------------------------------------------


@builder
def build_two_digit_year_uk() -> dict[str, Any]:
    # A UK hosted-PBX call log: "Date/Time" day-first with a two-digit year and no seconds
    # ("03/03/25 08:05"), "Ring (secs)", "Duration (secs)" talk, "Answered" Yes / No.
    rng = random.Random(2410)
    recs = drawn_calls(rng, MAR, 8, p_ab=0.15)
    rows = []
    for i, c in enumerate(recs):
        c["start"] = c["start"].replace(second=0)
        ok = handled(c)
        c["hold"] = c["acw"] = 0
        c["handle"] = c["talk"] if ok else 0
        rows.append([f"{c['start']:%d/%m/%y %H:%M}", f"0{1632 + i * 7}", "Main Line",
                     rng.choice(["Sales", "Service"]), "Yes" if ok else "No", c["wait"],
                     c["talk"]])  # fmt: skip
    write_csv(
        "two_digit_year_uk.csv",
        ["Date/Time", "Caller", "DDI", "Hunt Group", "Answered", "Ring (secs)",
         "Duration (secs)"],
        rows,
    )  # fmt: skip
    return log_truth(recs)


# --- 11. "--" for durations that do not apply ---------------------------------------------------


@builder
def build_dash_missing_durations() -> dict[str, Any]:
    # A contact-centre log viewed in a web portal and exported: durations H:MM:SS, "--" where
    # a duration does not apply (talk / hold / wrap of abandoned calls, hold never used).
    rng = random.Random(2411)
    recs = drawn_calls(rng, WK1 + MAR[5:], 8, p_ab=0.18)
    rows = []
    for i, c in enumerate(recs):
        ok = handled(c)

        def dur(s: int, ok: bool = ok) -> str:
            return hms(s, pad=False) if ok and s else "--"

        rows.append([f"{c['start']:%m/%d/%Y %I:%M:%S %p}", f"{880000 + i}",
                     rng.choice(QUEUES), rng.choice(AGENTS) if ok else "--",
                     "Handled" if ok else "Abandoned", hms(c["wait"], pad=False),
                     dur(c["talk"]), dur(c["hold"]), dur(c["acw"])])  # fmt: skip
    write_csv(
        "dash_missing_durations.csv",
        ["Start Date/Time", "Contact ID", "Skill", "Agent", "Disposition", "Queue Time",
         "Talk Time", "Hold Time", "Wrap Time"],
        rows,
    )  # fmt: skip
    return log_truth(recs)


if __name__ == "__main__":
    BUILD.main()

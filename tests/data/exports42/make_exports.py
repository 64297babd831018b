"""Regenerate the forty-second blind acceptance corpus (tests/test_real_exports_42.py).

    .venv/bin/python tests/data/exports42/make_exports.py             # write the files
    .venv/bin/python tests/data/exports42/make_exports.py --expected  # also print the truth

Round 42 is a regression check of the most common AGGREGATED (summary) reports at realistic
size: the default queue / interval reports of mainstream platforms as a CX manager downloads
them (90-180 days of daily rows, or 15 / 30-minute intervals over 4 weeks, several queues):
Amazon Connect historical metrics (30 min, 24 h, blank averages on empty intervals, a queue
renamed half-way), Genesys Cloud Queue Performance (interval view across the autumn DST change
with its repeated 1:00 AM intervals, service level as a fraction; daily view with "Total" and
"Avg" columns side by side, totals past 24 h), Five9 ACD Queue report (a Total line per day and
a Grand Total), NICE CXone Skill Summary (a "Skill No" beside the name, "Service Level (30
sec)"), Talkdesk Calls by Ring Group (no AHT column: talk + hold + wrap-up; "Missed" and
"Voicemail" beside answered / abandoned; "SL 30s"), Zendesk Talk daily calls (inbound and
outbound in one "Calls" column), Avaya CMS split/skill interval text export (one block per
day and skill, the date only in the block's title), Cisco CUIC Call Type Historical (15 min,
"-" on empty intervals, the spring DST day of 23 hours), NICE IEX forecast vs actual (15 min,
forecast columns first).

Each builder draws rows with its own seeded ``random.Random`` and returns the truth computed
in plain Python over the rows it drew -- never with KPI Lab code: over the whole file, for one
queue, and per ISO week for the first two weeks.

Conventions (the registry's, kpi/metrics/aggregated.py): contacts = sum of offered (answered +
abandoned when the report has no offered column); abandonment = abandoned / offered; ASA and
AHT (talk + hold + ACW) weighted by answered; service level = answered within the threshold /
(answered + abandoned) when the report has that count, else the report's own percentage (as
written) weighted by answered.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/data: export_kit
from export_kit import Builders, csv_text, hms, r4  # noqa: E402

OUT = Path(__file__).resolve().parent
BUILD = Builders(OUT)
builder, write_csv = BUILD, BUILD.write_csv
KPIS = ("contacts", "abandonment_rate", "asa", "aht", "service_level")


def days_between(start: dt.date, end: dt.date, weekends: bool = True) -> list[dt.date]:
    out, d = [], start
    while d <= end:
        if weekends or d.weekday() < 5:
            out.append(d)
        d += dt.timedelta(days=1)
    return out


def cell(rng: random.Random, day: dt.date, base: float, p_third: float = 0.0) -> dict[str, Any]:
    """One period x queue of a summary: counts, whole-second averages, answered within."""
    offered = max(0, int(rng.gauss(base, base**0.5 + 0.4) + 0.5)) if base > 0 else 0
    abandoned = sum(rng.random() < 0.08 for _ in range(offered))
    third = sum(rng.random() < p_third for _ in range(offered - abandoned))
    answered = offered - abandoned - third
    r: dict[str, Any] = {"day": day, "offered": offered, "answered": answered,
                         "abandoned": abandoned, "third": third, "asa": None, "aht": None,
                         "talk": None, "hold": None, "acw": None, "within": 0, "sl": None}  # fmt: skip
    if answered:
        talk, hold, acw = rng.randint(150, 460), rng.randint(0, 45), rng.randint(15, 95)
        p = rng.uniform(0.5, 0.97)
        r.update(asa=rng.randint(4, 95), talk=talk, hold=hold, acw=acw, aht=talk + hold + acw,
                 within=sum(rng.random() < p for _ in range(answered)))  # fmt: skip
    if answered + abandoned:
        r["sl"] = r["within"] / (answered + abandoned)  # the platform's own figure, a fraction
    return r


def kpis(rows: list[dict[str, Any]], sl: str) -> dict[str, Any]:
    """The five KPIs of summary rows: ``sl`` "count" (within / (answered + abandoned)), "pct"
    (the written percentage ``sl_disp``, a fraction, weighted by answered) or "" (none)."""
    off = sum(r["offered"] for r in rows)
    ans = sum(r["answered"] for r in rows)
    out: dict[str, Any] = {
        "contacts": off,
        "abandonment_rate": r4(sum(r["abandoned"] for r in rows) / off),
        "asa": r4(sum(r["asa"] * r["answered"] for r in rows if r["answered"]) / ans),
        "aht": r4(sum(r["aht"] * r["answered"] for r in rows if r["answered"]) / ans),
    }
    if sl == "count":
        den = sum(r["answered"] + r["abandoned"] for r in rows)
        out["service_level"] = r4(sum(r["within"] for r in rows) / den)
    elif sl == "pct":
        have = [r for r in rows if r["sl_disp"] is not None]
        out["service_level"] = r4(
            sum(r["sl_disp"] * r["answered"] for r in have) / sum(r["answered"] for r in have)
        )
    return out


def truth(rows: list[dict[str, Any]], sl: str, queue: str, **extra: Any) -> dict[str, Any]:
    """Whole file, one queue, and per ISO week (Monday) for the first two weeks."""
    t: dict[str, Any] = {"data_rows": len(rows), **kpis(rows, sl)}
    t["first_day"] = min(r["day"] for r in rows).isoformat()
    t["last_day"] = max(r["day"] for r in rows).isoformat()
    t["queue"] = {queue: kpis([r for r in rows if r["queue"] == queue], sl)}
    mondays = sorted({r["day"] - dt.timedelta(days=r["day"].weekday()) for r in rows})[:2]
    weeks: dict[str, dict[str, float]] = {}
    for m in mondays:
        wk = kpis([r for r in rows if 0 <= (r["day"] - m).days < 7], sl)
        for k, v in wk.items():
            weeks.setdefault(k, {})[m.isoformat()] = v
    t["weeks"] = weeks
    return {**t, **extra}


def pct(x: float | None, dp: int = 2, sign: str = "%") -> str:
    return "" if x is None else f"{100 * x:.{dp}f}{sign}"


def disp(r: dict[str, Any], dp: int) -> None:
    """Round the written percentage (``dp`` decimals of a percent) into ``sl_disp``."""
    r["sl_disp"] = None if r["sl"] is None else round(100 * r["sl"], dp) / 100


def hm(sec: int | None, pad: bool = True) -> str:
    return "" if sec is None else hms(sec, pad)


def base_of(hour: float, peak: float, open_h: float = 0, close_h: float = 24) -> float:
    """Arrivals per interval: zero outside opening hours, a day curve inside."""
    if not open_h <= hour < close_h:
        return 0.0
    if hour < 7 or hour >= 21:
        return peak * 0.06
    return peak * (0.55 + 0.45 * (1 - abs(hour - 13.5) / 6.5))


# --- 1. Amazon Connect historical metrics, 30-minute intervals, 24 h ----------------------------


@builder
def build_connect_historical_intervals() -> dict[str, Any]:
    # Amazon Connect "Historical metrics" report, Queues table, 30-minute intervals over four
    # weeks (all 48 intervals a day, UTC), downloaded as CSV. An interval with no contact has
    # its counts 0 and its averages and service level blank. "BasicQueue" was renamed
    # "General Support" on 17 Feb: the same line under two names.
    rng = random.Random(4201)
    rows, drawn = [], []
    for d in days_between(dt.date(2025, 2, 3), dt.date(2025, 3, 2)):
        for slot in range(48):
            start = dt.datetime.combine(d, dt.time()) + dt.timedelta(minutes=30 * slot)
            for q, peak in (("BasicQueue", 9), ("Billing", 6), ("Claims", 4)):
                if q == "BasicQueue" and d >= dt.date(2025, 2, 17):
                    q = "General Support"
                wkend = 0.35 if d.weekday() >= 5 else 1.0
                r = cell(rng, d, base_of(slot / 2, peak * wkend), p_third=0.02)
                r["queue"] = q
                disp(r, 2)
                drawn.append(r)
                rows.append([
                    q, f"{start:%Y-%m-%dT%H:%M:%S}.000Z",
                    f"{start + dt.timedelta(minutes=30):%Y-%m-%dT%H:%M:%S}.000Z",
                    r["offered"], r["answered"], r["abandoned"], r["third"],
                    "" if r["asa"] is None else r["asa"], "" if r["aht"] is None else r["aht"],
                    pct(r["sl_disp"]),
                ])  # fmt: skip
    write_csv(
        "connect_historical_intervals.csv",
        ["Queue", "StartInterval", "EndInterval", "Contacts queued", "Contacts handled incoming",
         "Contacts abandoned", "Contacts transferred out from queue",
         "Average queue answer time", "Average handle time", "Service level 20 seconds"],
        rows,
    )  # fmt: skip
    return truth(drawn, "pct", "Billing", file_rows=len(rows))


# --- 2. Genesys Cloud Queue Performance, interval view, across the autumn DST change -----------


@builder
def build_genesys_queue_intervals_dst() -> dict[str, Any]:
    # Genesys Cloud "Queue Performance Detail" exported in the interval view (30 minutes,
    # America/Chicago wall clock) from Mon 20 Oct to Sun 16 Nov 2025. Sun 2 Nov has 25 hours:
    # 1:00 AM and 1:30 AM appear twice (CDT, then CST). "Nurse Line" runs 24 h, "Pharmacy"
    # 7 AM - 9 PM. Empty intervals are exported with 0 counts and blank metrics. "Avg Wait"
    # (every contact) sits beside "ASA"; "Abandon %" 5.1%; "Service Level %" a fraction 0.8241.
    rng = random.Random(4202)
    rows, drawn = [], []
    for d in days_between(dt.date(2025, 10, 20), dt.date(2025, 11, 16)):
        labels = []
        for slot in range(48):
            t = dt.datetime.combine(d, dt.time()) + dt.timedelta(minutes=30 * slot)
            labels.append(t)
            if d == dt.date(2025, 11, 2) and t.hour == 1:
                labels.append(t)  # the repeated hour (CST)
        for t in labels:
            for q, peak, oh, ch in (("Nurse Line", 7, 0, 24), ("Pharmacy", 10, 7, 21)):
                wkend = 0.5 if d.weekday() >= 5 else 1.0
                r = cell(rng, d, base_of(t.hour + t.minute / 60, peak * wkend, oh, ch), 0.03)
                if not (oh <= t.hour < ch):
                    continue  # the queue is closed: no row
                r["queue"] = q
                r["sl_disp"] = None if r["sl"] is None else round(r["sl"], 4)
                drawn.append(r)
                waits = r["answered"] + r["abandoned"] + r["third"]
                avg_wait = (r["asa"] or 0) * r["answered"] + 40 * r["abandoned"] + 90 * r["third"]
                e = t + dt.timedelta(minutes=30)
                rows.append([
                    q, "voice", f"{t:%-m/%-d/%y %-I:%M %p}", f"{e:%-m/%-d/%y %-I:%M %p}",
                    r["offered"], r["answered"], r["abandoned"],
                    pct(r["abandoned"] / r["offered"], 1) if r["offered"] else "",
                    r["third"], hm(r["asa"]), hm(round(avg_wait / waits) if waits else None),
                    hm(r["aht"]), hm(r["talk"]), hm(r["hold"]), hm(r["acw"]),
                    "" if r["sl_disp"] is None else f"{r['sl_disp']:.4f}", "0.8",
                ])  # fmt: skip
    write_csv(
        "genesys_queue_intervals_dst.csv",
        ["Queue", "Media Type", "Interval Start", "Interval End", "Offer", "Answer", "Abandon",
         "Abandon %", "Flowout", "ASA", "Avg Wait", "AHT", "Avg Talk", "Avg Hold", "Avg ACW",
         "Service Level %", "Service Level Target %"],
        rows,
    )  # fmt: skip
    nov2 = [r for r in drawn if r["day"] == dt.date(2025, 11, 2)]
    return truth(drawn, "pct", "Pharmacy", file_rows=len(rows),
                 nov2_offered=sum(r["offered"] for r in nov2))  # fmt: skip


# --- 3. Genesys Cloud Queue Performance, daily view: Total and Avg columns ---------------------


@builder
def build_genesys_queue_daily() -> dict[str, Any]:
    # The daily view over 120 days (6 Jan - 5 May 2025), four queues. Each duration comes as
    # "Total Handle" (H:MM:SS, often past 24 h) beside "Avg Handle"; the same for talk, hold
    # and ACW; "ASA" and "Service Level %" written 82.4 (no sign). "Claims" becomes "Claims &
    # Benefits" on 10 Mar.
    rng = random.Random(4203)
    rows, drawn = [], []
    for d in days_between(dt.date(2025, 1, 6), dt.date(2025, 5, 5)):
        for q, base in (("Sales", 260), ("Service", 410), ("Claims", 150), ("Retention", 90)):
            if q == "Claims" and d >= dt.date(2025, 3, 10):
                q = "Claims & Benefits"
            r = cell(rng, d, base * (0.3 if d.weekday() >= 5 else 1.0), 0.01)
            r["queue"] = q
            disp(r, 1)
            drawn.append(r)
            n = r["answered"]

            def tot(x: int | None, n: int = n) -> str:
                return hm(None if x is None else x * n, pad=False)

            rows.append([
                f"{d:%m/%d/%Y}", q, r["offered"], n, r["abandoned"],
                tot(r["aht"]), hm(r["aht"]), tot(r["talk"]), hm(r["talk"]),
                tot(r["hold"]), hm(r["hold"]), tot(r["acw"]), hm(r["acw"]), hm(r["asa"]),
                "" if r["sl_disp"] is None else f"{100 * r['sl_disp']:.1f}",
            ])  # fmt: skip
    write_csv(
        "genesys_queue_daily.csv",
        ["Date", "Queue", "Offer", "Answer", "Abandon", "Total Handle", "Avg Handle",
         "Total Talk", "Avg Talk", "Total Hold", "Avg Hold", "Total ACW", "Avg ACW", "ASA",
         "Service Level %"],
        rows,
    )  # fmt: skip
    return truth(drawn, "pct", "Sales", file_rows=len(rows))


# --- 4. Five9 ACD Queue report: a Total line per day and a Grand Total -------------------------


@builder
def build_five9_acd_queue_daily() -> dict[str, Any]:
    # Five9 "ACD Queue Report" grouped by DATE then SKILL over 90 days (3 Mar - 31 May 2025,
    # weekends too), a "Total" line closing each day (SKILL "Total") and "Grand Total" at the
    # end. Durations H:MM:SS, "ABANDON RATE" 5.12%, a count "ANSWERED WITHIN SL" beside
    # "SERVICE LEVEL %".
    rng = random.Random(4204)
    rows, drawn = [], []
    skills = (("Inbound_Sales", 120), ("Inbound_Support", 230), ("Spanish_Support", 60))

    def line(label: str, skill: str, rs: list[dict[str, Any]]) -> list[Any]:
        off, ans = sum(r["offered"] for r in rs), sum(r["answered"] for r in rs)
        ab, wi = sum(r["abandoned"] for r in rs), sum(r["within"] for r in rs)
        asa = round(sum((r["asa"] or 0) * r["answered"] for r in rs) / ans) if ans else None
        aht = round(sum((r["aht"] or 0) * r["answered"] for r in rs) / ans) if ans else None
        return [label, skill, off, ans, ab, pct(ab / off if off else None), hm(asa, False),
                hm(aht, False), wi, pct(wi / (ans + ab) if ans + ab else None)]  # fmt: skip

    for d in days_between(dt.date(2025, 3, 3), dt.date(2025, 5, 31)):
        day = []
        for s, base in skills:
            r = cell(rng, d, base * (0.25 if d.weekday() >= 5 else 1.0))
            r["queue"] = s
            day.append(r)
            rows.append(line(f"{d:%Y/%m/%d}", s, [r]))
        drawn += day
        rows.append(line(f"{d:%Y/%m/%d}", "Total", day))
    rows.append(line("Grand Total", "", drawn))
    write_csv(
        "five9_acd_queue_daily.csv",
        ["DATE", "SKILL", "CALLS OFFERED", "CALLS ANSWERED", "CALLS ABANDONED", "ABANDON RATE",
         "AVG SPEED OF ANSWER", "AVG HANDLE TIME", "ANSWERED WITHIN SL", "SERVICE LEVEL %"],
        rows,
    )  # fmt: skip
    return truth(drawn, "count", "Inbound_Support", file_rows=len(rows))


# --- 5. NICE CXone Skill Summary: "Skill No", "Service Level (30 sec)" -------------------------


@builder
def build_cxone_skill_summary() -> dict[str, Any]:
    # CXone "Skill Summary" by day over 182 days (6 Jan - 6 Jul 2025), three skills: "Skill
    # No" (a number) beside "Skill Name", "Contacts Offered / Handled / Abandoned", "Abandon %",
    # averages in seconds with decimals (35.27), "Service Level (30 sec)" written 82.4.
    rng = random.Random(4205)
    rows, drawn = [], []
    skills = ((4021187, "Phone - Orders", 140), (4021190, "Phone - Returns", 75),
              (4021193, "Phone - VIP", 25))  # fmt: skip
    for d in days_between(dt.date(2025, 1, 6), dt.date(2025, 7, 6)):
        for no, name, base in skills:
            r = cell(rng, d, base * (0.4 if d.weekday() >= 5 else 1.0), 0.02)
            r["queue"] = name
            disp(r, 1)
            if r["answered"]:  # averages with hundredths: the truth uses what is written
                for k in ("asa", "talk", "hold", "acw"):
                    r[k] = round(r[k] + rng.randint(0, 99) / 100, 2)
                r["aht"] = round(r["talk"] + r["hold"] + r["acw"], 2)
            drawn.append(r)
            rows.append([
                no, name, f"{d:%m/%d/%Y}", r["offered"], r["answered"], r["abandoned"],
                pct(r["abandoned"] / r["offered"], 2, "") if r["offered"] else "0.00",
                *("" if r[k] is None else f"{r[k]:.2f}" for k in ("asa", "aht", "talk",
                                                                   "hold", "acw")),
                "" if r["sl_disp"] is None else f"{100 * r['sl_disp']:.1f}",
            ])  # fmt: skip
    write_csv(
        "cxone_skill_summary.csv",
        ["Skill No", "Skill Name", "Date", "Contacts Offered", "Contacts Handled",
         "Contacts Abandoned", "Abandon %", "Avg Speed of Answer", "Avg Handle Time",
         "Avg Talk Time", "Avg Hold Time", "Avg ACW Time", "Service Level (30 sec)"],
        rows,
    )  # fmt: skip
    t = truth(drawn, "pct", "Phone - Returns", file_rows=len(rows))
    for k in ("asa", "aht"):  # weighted means of 2-decimal figures: round the float noise
        t[k] = r4(t[k])
    return t


# --- 6. Talkdesk "Calls by Ring Group": no AHT column, "SL 30s" -------------------------------


@builder
def build_talkdesk_ring_groups() -> dict[str, Any]:
    # Talkdesk Explore "Calls by Ring Group", daily over 100 days (3 Feb - 13 May 2025), four
    # ring groups. "Inbound Calls" = Answered + Abandoned + Missed + Voicemail; averages
    # HH:MM:SS of talk, hold and wrap-up (no handle-time column: AHT is their sum); "SL 30s"
    # 82.40%.
    rng = random.Random(4206)
    rows, drawn = [], []
    groups = (("billing", 70), ("tech_support", 160), ("onboarding", 40), ("cancellations", 30))
    for d in days_between(dt.date(2025, 2, 3), dt.date(2025, 5, 13)):
        for g, base in groups:
            r = cell(rng, d, base * (0.3 if d.weekday() >= 5 else 1.0), 0.05)
            r["queue"] = g
            disp(r, 2)
            vm = sum(rng.random() < 0.5 for _ in range(r["third"]))
            drawn.append(r)
            rows.append([
                g, f"{d:%Y-%m-%d}", r["offered"], r["answered"], r["abandoned"],
                r["third"] - vm, vm, hm(r["asa"]), hm(r["talk"]), hm(r["hold"]), hm(r["acw"]),
                pct(r["sl_disp"]),
            ])  # fmt: skip
    write_csv(
        "talkdesk_ring_groups.csv",
        ["Ring Group", "Date", "Inbound Calls", "Answered", "Abandoned", "Missed", "Voicemail",
         "Avg Speed of Answer", "Avg Talk Time", "Avg Hold Time", "Avg Wrap-Up Time", "SL 30s"],
        rows,
    )  # fmt: skip
    return truth(drawn, "pct", "tech_support", file_rows=len(rows))


# --- 7. Zendesk Talk daily calls: inbound and outbound in one "Calls" column -------------------


@builder
def build_zendesk_talk_daily() -> dict[str, Any]:
    # Zendesk Explore (Talk) "Calls" by "Call - Date" and "Line name" over 91 days (7 Apr -
    # 6 Jul 2025): "Calls" counts inbound and outbound, "Inbound calls" is what was offered, "Answered inbound
    # calls", "Abandoned in queue", "Callback requests" (the third outcome); averages in
    # seconds with one decimal; no service level.
    rng = random.Random(4207)
    rows, drawn = [], []
    for d in days_between(dt.date(2025, 4, 7), dt.date(2025, 7, 6)):
        for line, base in (("Support Line", 150), ("Sales Line", 55)):
            r = cell(rng, d, base * (0.3 if d.weekday() >= 5 else 1.0), 0.03)
            r["queue"] = line
            outbound = rng.randint(5, 40)
            if r["answered"]:
                for k in ("asa", "talk", "hold", "acw"):
                    r[k] = round(r[k] + rng.randint(0, 9) / 10, 1)
                r["aht"] = round(r["talk"] + r["hold"] + r["acw"], 1)
            drawn.append(r)
            rows.append([
                f"{d:%Y-%m-%d}", line, r["offered"] + outbound, r["offered"], outbound,
                r["answered"], r["abandoned"], r["third"],
                *("" if r[k] is None else f"{r[k]:.1f}" for k in ("asa", "talk", "hold", "acw")),
            ])  # fmt: skip
    write_csv(
        "zendesk_talk_daily.csv",
        ["Call - Date", "Line name", "Calls", "Inbound calls", "Outbound calls",
         "Answered inbound calls", "Abandoned in queue", "Callback requests",
         "Avg call wait time (sec)", "Avg talk time (sec)", "Avg hold time (sec)",
         "Avg wrap-up time (sec)"],
        rows,
    )  # fmt: skip
    return truth(drawn, "", "Sales Line", file_rows=len(rows))


# --- 8. Avaya CMS split/skill interval report, text export, one block per day and skill -------


@builder
def build_avaya_cms_interval_text() -> dict[str, Any]:
    # CMS Supervisor "Split/Skill Interval" report exported as text (tab-separated), run for
    # 20 weekdays and two skills: one block per day and skill, each with its title lines
    # ("Split/Skill: 21 Billing", "Date: 3/03/25 Monday"), the column names, a "Totals" line,
    # then 30-minute rows 7:00 AM - 7:00 PM. No offered column (contacts = ACD + abandoned);
    # "Avg Speed Ans" and the other averages m:ss; "% Within Service Level" a whole number.
    rng = random.Random(4208)
    out: list[list[Any]] = []
    drawn = []
    head = ["Time", "ACD Calls", "Avg Speed Ans", "Aband Calls", "Avg Aband Time",
            "Avg ACD Time", "Avg ACW Time", "Max Delay", "% Within Service Level"]  # fmt: skip

    def ms(s: int | None) -> str:
        return "" if s is None else f"{s // 60}:{s % 60:02d}"

    for d in days_between(dt.date(2025, 3, 3), dt.date(2025, 3, 28), weekends=False):
        for sk, base in (("21 Billing", 14), ("22 Tech Support", 22)):
            block = []
            for slot in range(24):
                t = dt.datetime.combine(d, dt.time(7)) + dt.timedelta(minutes=30 * slot)
                r = cell(rng, d, base_of(t.hour + t.minute / 60, base))
                r["queue"] = sk
                r["talk"] = r["talk"] and r["talk"] + r["hold"]  # ACD time includes hold
                r["hold"] = 0
                disp(r, 0)
                block.append((t, r))
            rs = [r for _, r in block]
            drawn += rs
            ans, ab = sum(r["answered"] for r in rs), sum(r["abandoned"] for r in rs)
            wi = sum(r["within"] for r in rs)

            def avg(k: str, rs: list[dict[str, Any]] = rs, ans: int = ans) -> str:
                return ms(round(sum((r[k] or 0) * r["answered"] for r in rs) / ans))

            out += [["Split/Skill Interval Report"], [f"Split/Skill: {sk}"],
                    [f"Date: {d:%-m/%d/%y} {d:%A}"], [], head,
                    ["Totals", ans, avg("asa"), ab, "0:41", avg("talk"), avg("acw"), "",
                     round(100 * wi / (ans + ab))]]  # fmt: skip
            for t, r in block:
                e = t + dt.timedelta(minutes=30)
                out.append([
                    f"{t:%-I:%M %p}-{e:%-I:%M %p}", r["answered"], ms(r["asa"]), r["abandoned"],
                    ms(rng.randint(10, 90)) if r["abandoned"] else "", ms(r["talk"]),
                    ms(r["acw"]), ms(rng.randint(60, 300)) if r["offered"] else "",
                    "" if r["sl_disp"] is None else round(100 * r["sl_disp"]),
                ])  # fmt: skip
            out.append([])
    (OUT / "avaya_cms_interval.txt").write_text(csv_text(out, sep="\t"), encoding="utf-8")
    return truth(drawn, "pct", "22 Tech Support")


# --- 9. Cisco CUIC Call Type Historical, 15 minutes, spring DST day ----------------------------


@builder
def build_cuic_call_type_15min() -> dict[str, Any]:
    # CUIC "Call Type Historical All Fields" at 15 minutes over 3 - 30 Mar 2025 (server time
    # US/Eastern). "CT_Emergency" runs 24 h (on Sun 9 Mar 2:00-2:45 AM do not exist: 92
    # intervals), "CT_Billing" 8 AM - 6 PM weekdays. Empty intervals have "-" in the averages
    # and service level; "Svc Lvl Calls" is the count answered within 30 s, "Service Level"
    # 82.40%.
    rng = random.Random(4209)
    rows, drawn = [], []
    for d in days_between(dt.date(2025, 3, 3), dt.date(2025, 3, 30)):
        for slot in range(96):
            t = dt.datetime.combine(d, dt.time()) + dt.timedelta(minutes=15 * slot)
            if d == dt.date(2025, 3, 9) and t.hour == 2:
                continue  # spring forward
            h = t.hour + t.minute / 60
            for ct, peak, oh, ch in (("CT_Emergency", 2.5, 0, 24), ("CT_Billing", 6, 8, 18)):
                if not (oh <= h < ch) or (ct == "CT_Billing" and d.weekday() >= 5):
                    continue
                r = cell(rng, d, base_of(h, peak, oh, ch))
                r["queue"] = ct
                drawn.append(r)
                dash = "-"
                rows.append([
                    ct, f"{t:%m/%d/%Y %H:%M:%S}", r["offered"], r["answered"], r["abandoned"],
                    dash if r["asa"] is None else r["asa"], dash if r["aht"] is None else r["aht"],
                    r["within"], dash if r["sl"] is None else pct(r["sl"]),
                ])  # fmt: skip
    write_csv(
        "cuic_call_type_15min.csv",
        ["Call Type Name", "Interval", "Calls Offered", "Calls Handled", "Total Aband",
         "Avg Speed Answer", "Avg Handle Time", "Svc Lvl Calls", "Service Level"],
        rows,
    )  # fmt: skip
    mar9 = [r for r in drawn if r["day"] == dt.date(2025, 3, 9)]
    return truth(drawn, "count", "CT_Billing", file_rows=len(rows),
                 mar9_rows=len(mar9))  # fmt: skip


# --- 10. NICE IEX forecast vs actual, 15 minutes ------------------------------------------------


@builder
def build_iex_forecast_vs_actual() -> dict[str, Any]:
    # NICE IEX WFM "Forecast vs Actual" (Intraday), 15-minute periods 7:00 - 19:00 on the
    # weekdays of 2 - 27 Jun 2025, two CTs: every forecast column comes before its actual
    # ("Fcst Calls", "Act Calls", "Fcst AHT", "Act AHT", ...), "Act Aband" the abandoned count,
    # "Act ASA" seconds, service level "Fcst SL%" / "Act SL%" written 82.4%. No answered column.
    rng = random.Random(4210)
    rows, drawn = [], []
    for d in days_between(dt.date(2025, 6, 2), dt.date(2025, 6, 27), weekends=False):
        for slot in range(48):
            t = dt.datetime.combine(d, dt.time(7)) + dt.timedelta(minutes=15 * slot)
            for ct, peak in (("Retail Banking", 8), ("Card Services", 5)):
                r = cell(rng, d, base_of(t.hour + t.minute / 60, peak))
                r["queue"] = ct
                disp(r, 1)
                drawn.append(r)
                fc = max(1, round(r["offered"] * rng.uniform(0.8, 1.2)))
                rows.append([
                    f"{d:%m/%d/%Y}", f"{t:%H:%M}", "Contact Center East", ct,
                    fc, r["offered"], rng.randint(300, 420), "" if r["aht"] is None else r["aht"],
                    "80.0%", pct(r["sl_disp"], 1), "" if r["asa"] is None else r["asa"],
                    r["abandoned"], round(fc * 0.3 + 1, 1), round(fc * 0.3 + rng.random(), 1),
                ])  # fmt: skip
    write_csv(
        "iex_forecast_vs_actual.csv",
        ["Date", "Period", "MU", "CT", "Fcst Calls", "Act Calls", "Fcst AHT", "Act AHT",
         "Fcst SL%", "Act SL%", "Act ASA", "Act Aband", "Req", "Sched Open"],
        rows,
    )  # fmt: skip
    return truth(drawn, "pct", "Card Services", file_rows=len(rows))


if __name__ == "__main__":
    BUILD.main()

"""Regenerate the tenth blind acceptance corpus (tests/test_real_exports_10.py).

    .venv/bin/python tests/data/exports10/make_exports.py             # write the files
    .venv/bin/python tests/data/exports10/make_exports.py --expected  # also print the truth

Round 10 is about BI-tool exports, multi-file imports and timestamp / number formats. Each
builder draws rows with its own seeded ``random.Random``, writes them the way the tool's export
looks, and returns the KPIs computed in plain Python over the drawn records (summary reports:
over the *displayed* numbers) -- never with KPI Lab code.

Conventions (the registry's documented defaults, as rounds 1-9):

* contact logs: contacts = rows; abandonment = abandoned / queued (answered + abandoned); ASA =
  mean wait of answered rows; AHT = mean talk + hold + ACW of answered rows; service level (20
  s, abandons negative) = answered within 20 s / (answered + abandoned); CSAT = mean 1-5 rating
  over rated rows; multi-file imports: the union of the files, a contact delivered twice (same
  id, same start) counted once;
* summary reports: contacts = sum offered; abandonment = sum abandoned / sum offered; ASA, AHT
  and a service-level percentage weighted by answered; an answered-within count gives service
  level = within / (answered + abandoned);
* tickets: FRT = mean seconds to the first response over replied tickets; resolution time =
  mean seconds to resolution over resolved tickets.

Round 10 shapes: Power BI "Export data" summarized (Sum of / Average of / Count of headers,
"6/3/2024 12:00:00 AM", unrounded float averages), Power BI with the auto date hierarchy (Year /
Quarter / Month / Day columns), a Tableau crosstab (UTF-16 LE, tabs, "June 3, 2024", "1,234",
a Grand Total row), Tableau "Measure Names / Measure Values" long data, Looker ("Calls Count",
view-prefixed headers, SL as a fraction), a Metabase question ("June 3, 2024, 8:05 AM", "Queue →
Name"), a warehouse log in epoch MILLISECONDS, ISO timestamps with "+02:00" mixed with "Z" (a
24/7 line: UTC and local days differ), .NET TimeSpan durations ("1.02:03:04",
"00:42:10.5000000") in a ticket export, a Swiss report (apostrophe thousands "1'234"), a
finance-style report (non-breaking-space thousands, "(1 234)" negative variances), and
multi-file imports: one file per day (ids restarting per file), two overlapping exports, one
file per queue (the queue only in the file name), the same columns in another order with an
extra column, and a truncated download (last line cut mid-row).
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/data: export_kit
from export_kit import (  # noqa: E402
    Builders,
    ans_word,
    csv_text,
    draw_call,
    draw_row,
    drawn_calls,
    log_truth,
    mean,
    r4,
    spread,
    summary_truth,
    weekdays,
)  # fmt: skip

OUT = Path(__file__).resolve().parent
BUILD = Builders(OUT)
builder, write_csv = BUILD, BUILD.write_csv
JUNE = weekdays(dt.date(2024, 6, 3), dt.date(2024, 6, 14))  # days 13+ disambiguate d/m
AGENTS = ["Maya Lopez", "Omar Haddad", "Jin Park", "Sara Novak", "Luca Bianchi", "Ada Okafor"]
NBSP = "\u00a0"


def us_dt(t: dt.datetime) -> str:
    """Power BI's m/d/yyyy h:mm:ss AM/PM."""
    return f"{t.month}/{t.day}/{t.year} {t.hour % 12 or 12}:{t:%M:%S} {t:%p}"


def grouped(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


# --- 1. Power BI "Export data" -- summarized data of a table visual ------------------------------


@builder
def build_powerbi_summarized_daily() -> dict[str, Any]:
    # Power BI names each summarized field by its aggregation: "Count of Call ID" (= offered),
    # "Sum of Answered", "Sum of Abandoned", "Average of Speed of Answer (sec)", "Average of
    # Handle Time (sec)" (unrounded floats, 13 significant digits), "Sum of Answered Within
    # 20s"; the Date column as a date-time at midnight "6/3/2024 12:00:00 AM".
    rng = random.Random(1001)
    rows, out = [], []
    for d in JUNE:
        for q in ("Sales", "Service"):
            r = draw_row(rng, d, 80)
            r["asa"] = float(f"{r['asa'] + rng.random():.13g}")
            r["aht"] = float(f"{r['aht'] + rng.random():.13g}")
            rows.append(r)
            out.append([
                us_dt(dt.datetime.combine(d, dt.time())), q, r["offered"], r["answered"],
                r["abandoned"], repr(r["asa"]), repr(r["aht"]), r["within"],
            ])  # fmt: skip
    write_csv(
        "powerbi_summarized_daily.csv",
        ["Date", "Queue Name", "Count of Call ID", "Sum of Answered", "Sum of Abandoned",
         "Average of Speed of Answer (sec)", "Average of Handle Time (sec)",
         "Sum of Answered Within 20s"],
        out,
    )  # fmt: skip
    return summary_truth(rows, sl="count")


# --- 2. Power BI export with the auto date hierarchy: Year / Quarter / Month / Day ---------------


@builder
def build_powerbi_date_hierarchy() -> dict[str, Any]:
    # A visual on Date's auto hierarchy exports four columns: Year 2024, Quarter "Qtr 2", Month
    # "May" / "June", Day 27 (day of the month); no date column at all. Two weeks across the
    # month end (27 May .. 7 June).
    rng = random.Random(1002)
    rows, out = [], []
    for d in weekdays(dt.date(2024, 5, 27), dt.date(2024, 6, 7)):
        r = draw_row(rng, d, 300)
        r["sl"] = round(r["sl"], 2)
        rows.append(r)
        out.append([
            d.year, f"Qtr {(d.month - 1) // 3 + 1}", f"{d:%B}", d.day, r["offered"],
            r["answered"], r["abandoned"], r["asa"], r["aht"], f"{r['sl'] / 100:.4f}",
        ])  # fmt: skip
    write_csv(
        "powerbi_date_hierarchy.csv",
        ["Year", "Quarter", "Month", "Day", "Sum of Offered", "Sum of Answered",
         "Sum of Abandoned", "Average of ASA", "Average of AHT", "Average of Service Level"],
        out,
    )  # fmt: skip
    return summary_truth(rows)


# --- 3. Tableau crosstab download: UTF-16 LE, tabs, a Grand Total row ----------------------------


@builder
def build_tableau_crosstab_utf16() -> dict[str, Any]:
    # "Download > Crosstab" as CSV: UTF-16 LE with a BOM, TAB separated, CRLF, the .csv
    # extension all the same. "Day of Date" "June 3, 2024"; counts over 999 with a thousands
    # comma ("1,234", quoted by nothing: tabs separate); "Avg. ASA" / "Avg. AHT" seconds with one
    # decimal; "SL %" "85.3%"; a final "Grand Total" row (sums and averages over everything).
    rng = random.Random(1003)
    rows, out = [], []
    for q in ("Billing", "Tech Support"):
        for d in JUNE:
            r = draw_row(rng, d, 900)
            r["asa"] = round(r["asa"] + rng.random(), 1)
            r["aht"] = round(r["aht"] + rng.random(), 1)
            r["sl"] = round(r["sl"], 1)
            rows.append(r)
            out.append([
                q, f"{d:%B} {d.day}, {d.year}", f"{r['offered']:,}", f"{r['answered']:,}",
                f"{r['abandoned']:,}", f"{r['asa']:.1f}", f"{r['aht']:.1f}", f"{r['sl']:.1f}%",
            ])  # fmt: skip
    t = summary_truth(rows)
    off, ans = sum(r["offered"] for r in rows), sum(r["answered"] for r in rows)
    out.append([
        "Grand Total", "", f"{off:,}", f"{ans:,}", f"{sum(r['abandoned'] for r in rows):,}",
        f"{t['asa']:.1f}", f"{t['aht']:.1f}", f"{100 * t['service_level']:.1f}%",
    ])  # fmt: skip
    head = ["Queue", "Day of Date", "Offered", "Answered", "Abandoned", "Avg. ASA", "Avg. AHT",
            "SL %"]  # fmt: skip
    text = csv_text([head, *out], sep="\t", eol="\r\n")
    (OUT / "tableau_crosstab_utf16.csv").write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    return t


# --- 4. Tableau "Download > Data": Measure Names / Measure Values (long format) -------------------


@builder
def build_tableau_measure_names_long() -> dict[str, Any]:
    # One row per day x measure: "Day of Date" m/d/yyyy, "Measure Names" (Offered, Answered,
    # Abandoned, Avg ASA, Avg AHT), "Measure Values". Ten days, 50 rows.
    rng = random.Random(1004)
    rows, out = [], []
    for d in JUNE:
        r = draw_row(rng, d, 500)
        rows.append(r)
        for name, key in (("Offered", "offered"), ("Answered", "answered"),
                          ("Abandoned", "abandoned"), ("Avg ASA", "asa"), ("Avg AHT", "aht")):  # fmt: skip
            out.append([f"{d.month}/{d.day}/{d.year}", name, r[key]])
    write_csv("tableau_measure_names_long.csv", ["Day of Date", "Measure Names", "Measure Values"],
              out)  # fmt: skip
    t = summary_truth(rows)
    del t["service_level"]
    t["rows"] = len(out)
    t["days"] = len(rows)
    return t


# --- 5. Looker: view-prefixed headers, "Calls Count" -----------------------------------------------


@builder
def build_looker_calls_daily() -> dict[str, Any]:
    # Looker names each field "<View> <Field>": "Calls Created Date" (YYYY-MM-DD), "Queues Name",
    # "Calls Count" (= offered), "Calls Answered Count", "Calls Abandoned Count", "Calls Average
    # Speed of Answer" / "Calls Average Handle Time" (seconds, 2 decimals), "Calls Service
    # Level" a fraction 0.8532 (answered within 20 s / (answered + abandoned)).
    rng = random.Random(1005)
    rows, out = [], []
    for d in JUNE:
        for q in ("Orders", "Returns"):
            r = draw_row(rng, d, 120)
            r["asa"] = round(r["asa"] + rng.random(), 2)
            r["aht"] = round(r["aht"] + rng.random(), 2)
            r["sl"] = round(r["sl"] / 100, 4) * 100
            rows.append(r)
            out.append([
                f"{d:%Y-%m-%d}", q, r["offered"], r["answered"], r["abandoned"],
                f"{r['asa']:.2f}", f"{r['aht']:.2f}", f"{r['sl'] / 100:.4f}",
            ])  # fmt: skip
    write_csv(
        "looker_calls_daily.csv",
        ["Calls Created Date", "Queues Name", "Calls Count", "Calls Answered Count",
         "Calls Abandoned Count", "Calls Average Speed of Answer", "Calls Average Handle Time",
         "Calls Service Level"],
        out,
    )  # fmt: skip
    return summary_truth(rows)


# --- 6. Metabase question download: formatted dates, FK arrow headers ----------------------------


@builder
def build_metabase_calls() -> dict[str, Any]:
    # Metabase writes dates formatted "June 3, 2024, 8:05 AM" (no seconds) and a foreign key's
    # field as "Queue → Name"; "Status" answered / abandoned in lower case; durations seconds.
    rng = random.Random(1006)
    recs, rows = drawn_calls(rng, JUNE, 6), []
    for i, c in enumerate(recs):
        c["start"] = c["start"].replace(second=0)
        t = c["start"]
        rows.append([
            5200 + i, f"{t:%B} {t.day}, {t.year}, {t.hour % 12 or 12}:{t:%M} {t:%p}",
            rng.choice(["Sales", "Support"]), c["outcome"], c["wait"], c["talk"], c["hold"],
            c["acw"],
        ])  # fmt: skip
    write_csv(
        "metabase_calls.csv",
        ["ID", "Created At", "Queue → Name", "Status", "Wait Seconds", "Talk Seconds",
         "Hold Seconds", "Wrap Seconds"],
        rows,
    )  # fmt: skip
    t = log_truth(recs)
    t["first_start"] = min(r["start"] for r in recs).isoformat(sep=" ")
    t["last_start"] = max(r["start"] for r in recs).isoformat(sep=" ")
    return t


# --- 7. Warehouse export: epoch MILLISECONDS, durations in ms --------------------------------------


@builder
def build_epoch_ms_calls() -> dict[str, Any]:
    # BigQuery / Snowflake dump: started_at_ms 13-digit Unix epoch milliseconds (UTC, with the
    # milliseconds); queue_ms / talk_ms / hold_ms / acw_ms integers in milliseconds;
    # disposition ANSWERED / ABANDONED.
    rng = random.Random(1007)
    recs, rows = drawn_calls(rng, JUNE, 6), []
    for i, c in enumerate(recs):
        ms = rng.randint(0, 999)
        c["start"] = c["start"].replace(microsecond=ms * 1000)
        epoch = int(c["start"].replace(tzinfo=dt.UTC).timestamp()) * 1000 + ms
        extra = [rng.randint(0, 999) for _ in range(4)]
        c["wait"] += extra[0] / 1000
        if c["outcome"] == "answered":
            c["talk"] += extra[1] / 1000
            c["acw"] += extra[3] / 1000
            c["handle"] = c["talk"] + c["hold"] + c["acw"]
        rows.append([
            f"c_{i:05d}", epoch, rng.choice(["q_sales", "q_care"]), c["outcome"].upper(),
            round(c["wait"] * 1000), round(c["talk"] * 1000), round(c["hold"] * 1000),
            round(c["acw"] * 1000),
        ])  # fmt: skip
    write_csv(
        "epoch_ms_calls.csv",
        ["call_id", "started_at_ms", "queue", "disposition", "queue_ms", "talk_ms", "hold_ms",
         "acw_ms"],
        rows,
    )  # fmt: skip
    t = log_truth(recs)
    t["first_start"] = min(r["start"] for r in recs).isoformat(sep=" ", timespec="milliseconds")
    return t


# --- 8. ISO 8601 with "+02:00" offsets mixed with "Z": a 24/7 line --------------------------------


@builder
def build_iso_offsets_mixed() -> dict[str, Any]:
    # An API export where older rows carry the local offset ("2024-06-03T08:00:00.000+02:00",
    # Europe/Berlin summer time) and newer rows are written in UTC ("...Z"); the line is open
    # around the clock, so a call at 00:30 local (+02:00) is 22:30 UTC the day before.
    rng = random.Random(1008)
    recs, rows = [], []
    days = [dt.date(2024, 6, 3) + dt.timedelta(days=k) for k in range(7)]
    for i, local in enumerate(spread(rng, days, 9, 0, 24)):
        c = draw_call(rng, p_ab=0.15)
        utc = local - dt.timedelta(hours=2)
        c["start"], c["local"] = utc, local
        recs.append(c)
        ms = f".{rng.randint(0, 999):03d}"
        when = (f"{local:%Y-%m-%dT%H:%M:%S}{ms}+02:00" if local.day < 7 or i % 2
                else f"{utc:%Y-%m-%dT%H:%M:%S}{ms}Z")  # fmt: skip
        rows.append([f"int-{700 + i}", when, "inbound", str(c["outcome"] == "abandoned").lower(),
                     c["wait"], c["talk"], c["hold"], c["acw"]])  # fmt: skip
    write_csv(
        "iso_offsets_mixed.csv",
        ["interaction_id", "started", "direction", "abandoned", "queue_seconds", "talk_seconds",
         "hold_seconds", "wrap_seconds"],
        rows,
    )  # fmt: skip
    t = log_truth(recs)
    t["utc_hours"] = sorted({r["start"].hour for r in recs}) == list(range(24))
    t["first_start_utc"] = min(r["start"] for r in recs).isoformat(sep=" ")
    t["last_start_utc"] = max(r["start"] for r in recs).isoformat(sep=" ")
    t["local_days"] = [min(r["local"] for r in recs).date().isoformat(),
                       max(r["local"] for r in recs).date().isoformat()]  # fmt: skip
    t["z_rows"] = sum(row[1].endswith("Z") for row in rows)
    t["per_utc_day"] = {}
    for r in recs:
        k = r["start"].date().isoformat()
        t["per_utc_day"][k] = t["per_utc_day"].get(k, 0) + 1
    return t


# --- 9. .NET TimeSpan durations in a ticket export ---------------------------------------------------


def timespan(sec: float) -> str:
    """.NET TimeSpan "c" format: [d.]hh:mm:ss[.fffffff]."""
    whole = int(sec)
    frac = round((sec - whole) * 1e7)
    d, rest = divmod(whole, 86400)
    h, rest = divmod(rest, 3600)
    m, s = divmod(rest, 60)
    out = (f"{d}." if d else "") + f"{h:02d}:{m:02d}:{s:02d}"
    return out + (f".{frac:07d}" if frac else "")


@builder
def build_tickets_timespan() -> dict[str, Any]:
    # A .NET help desk (CSV written from C# TimeSpan.ToString()): "First Response Time"
    # "00:42:10.5000000" (7-digit ticks), "Resolution Time" "1.02:03:04" (1 day 2 h) once over a
    # day; "Created On" ISO "2024-06-03 09:15:22"; open tickets have no resolution time.
    rng = random.Random(1009)
    tickets, rows = [], []
    for i, t in enumerate(spread(rng, JUNE, 5)):
        frt = rng.choice([rng.randint(60, 3600), rng.randint(3600, 30000)]) + rng.choice(
            [0, 0, 0.5, 0.25]
        )
        replied = rng.random() < 0.9
        solved = replied and rng.random() < 0.75
        res = frt + rng.randint(600, 400000) if solved else None
        tickets.append({"frt": frt if replied else None, "res": res})
        rows.append([
            f"CAS-{10450 + i:05d}-{rng.choice('BCDFGHJ')}{rng.randint(1, 9)}", f"{t:%Y-%m-%d %H:%M:%S}",
            rng.choice(["High", "Normal", "Low"]), "Resolved" if solved else "Active",
            timespan(frt) if replied else "", timespan(res) if res is not None else "",
        ])  # fmt: skip
    write_csv(
        "tickets_timespan.csv",
        ["Case Number", "Created On", "Priority", "Status", "First Response Time",
         "Resolution Time"],
        rows,
    )  # fmt: skip
    replied = [x["frt"] for x in tickets if x["frt"] is not None]
    solved = [x["res"] for x in tickets if x["res"] is not None]
    return {
        "rows": len(rows),
        "contacts": len(rows),
        "frt": r4(mean(replied)),
        "resolution_time": r4(mean(solved)),
        "over_a_day": sum(x > 86400 for x in solved),
        "first_day": JUNE[0].isoformat(),
        "last_day": JUNE[-1].isoformat(),
    }


# --- 10. Swiss daily report: apostrophe thousands "1'234" ------------------------------------------


@builder
def build_tagesreport_ch_apostroph() -> dict[str, Any]:
    # Excel de-CH "CSV (Trennzeichen-getrennt)": ';', Datum dd.mm.yyyy, counts with an
    # apostrophe thousands separator "1'234", averages with a decimal POINT "47.5";
    # Servicelevel "85.3%".
    rng = random.Random(1010)
    rows, out = [], []
    for d in JUNE:
        r = draw_row(rng, d, 1500)
        r["asa"] = r["asa"] + rng.choice([0, 0.5])
        r["aht"] = r["aht"] + rng.choice([0, 0.5])
        r["sl"] = round(r["sl"], 1)
        rows.append(r)
        out.append([
            f"{d:%d.%m.%Y}", "Kundendienst", grouped(r["offered"], "'"),
            grouped(r["answered"], "'"), grouped(r["abandoned"], "'"), f"{r['asa']:.1f}",
            f"{r['aht']:.1f}", f"{r['sl']:.1f}%",
        ])  # fmt: skip
    write_csv(
        "tagesreport_ch_apostroph.csv",
        ["Datum", "Warteschlange", "Angebotene Anrufe", "Angenommene Anrufe",
         "Abgebrochene Anrufe", "Ø Wartezeit (s)", "Ø Bearbeitungszeit (s)", "Servicelevel"],
        out,
        sep=";",
    )  # fmt: skip
    return summary_truth(rows)


# --- 11. Finance-style monthly report: NBSP thousands, "(1 234)" negative variances ---------------


@builder
def build_finance_report_nbsp_parens() -> dict[str, Any]:
    # A controller's monthly cost-centre report: counts with a NO-BREAK SPACE thousands
    # separator ("12 345", U+00A0); "Var. vs Budget" signed, negatives in parentheses "(1 234)"
    # (a distractor: it is no KPI); "Cost per Call" "4.12"; AHT / ASA seconds.
    rng = random.Random(1011)
    rows, out = [], []
    for m in range(1, 7):
        for cc in ("CC-410 Retail", "CC-420 Business"):
            r = draw_row(rng, dt.date(2024, m, 1), 14000)
            rows.append(r)
            var = rng.randint(-2500, 2500)
            varq = f"({grouped(-var, NBSP)})" if var < 0 else grouped(var, NBSP)
            out.append([
                f"{dt.date(2024, m, 1):%b %Y}", cc, grouped(r["offered"], NBSP),
                grouped(r["answered"], NBSP), grouped(r["abandoned"], NBSP), varq, r["asa"],
                r["aht"], f"{rng.uniform(3, 6):.2f}",
            ])  # fmt: skip
    write_csv(
        "finance_report_nbsp_parens.csv",
        ["Period", "Cost Centre", "Calls Offered", "Calls Answered", "Calls Abandoned",
         "Var. vs Budget", "ASA (s)", "AHT (s)", "Cost per Call"],
        out,
    )  # fmt: skip
    t = summary_truth(rows)
    del t["service_level"]
    return t


# --- 12-16. Multi-file imports -------------------------------------------------------------------------

LOG_HEAD = ["Call ID", "Start Time", "Queue", "Agent", "Result", "Wait (s)", "Talk (s)",
            "Hold (s)", "Wrap (s)"]  # fmt: skip


def log_row(c: dict[str, Any], cid: Any, queue: str, rng: random.Random) -> list[Any]:
    ans = c["outcome"] == "answered"
    return [cid, f"{c['start']:%Y-%m-%d %H:%M:%S}", queue, rng.choice(AGENTS) if ans else "",
            ans_word(c), c["wait"], c["talk"], c["hold"], c["acw"]]  # fmt: skip


@builder
def build_daily_files() -> dict[str, Any]:
    # One file per day (a scheduled daily export), the same header; "Call ID" restarts at 1 in
    # every file (a per-day sequence), so ids repeat across files at different start times.
    rng = random.Random(1012)
    recs = []
    days = JUNE[5:]
    for d in days:
        day = drawn_calls(rng, [d], 12)
        recs += day
        write_csv(f"daily_calls_{d:%Y-%m-%d}.csv", LOG_HEAD,
                  [log_row(c, i + 1, "Support", rng) for i, c in enumerate(day)])  # fmt: skip
    t = log_truth(recs)
    t["files"] = [f"daily_calls_{d:%Y-%m-%d}.csv" for d in days]
    return t


@builder
def build_overlapping_exports() -> dict[str, Any]:
    # Two ad-hoc exports of the same log: "calls_0603_0607.csv" (3-7 June) and
    # "calls_0605_0611.csv" (5-11 June); the 5-7 June rows are in both, byte for byte.
    rng = random.Random(1013)
    recs = drawn_calls(rng, JUNE[:7], 8)
    rows = [log_row(c, f"CL-{88000 + 7 * i}", rng.choice(["Sales", "Support"]), rng)
            for i, c in enumerate(recs)]  # fmt: skip
    a = [row for c, row in zip(recs, rows, strict=True) if c["start"].date() <= JUNE[4]]
    b = [row for c, row in zip(recs, rows, strict=True) if c["start"].date() >= JUNE[2]]
    write_csv("calls_0603_0607.csv", LOG_HEAD, a)
    write_csv("calls_0605_0611.csv", LOG_HEAD, b)
    t = log_truth(recs)
    t["rows_a"], t["rows_b"] = len(a), len(b)
    t["duplicates"] = len(a) + len(b) - len(recs)
    return t


@builder
def build_queue_files() -> dict[str, Any]:
    # One export per queue, the queue named only in the file name ("queue_Sales.csv"); the
    # columns are the same in every file and none of them is a queue.
    rng = random.Random(1014)
    recs, out = [], {}
    head = [h for h in LOG_HEAD if h != "Queue"]
    for k, q in enumerate(("Sales", "Support", "Billing")):
        qrecs = drawn_calls(rng, JUNE, 3)
        for c in qrecs:
            c["queue"] = q
        recs += qrecs
        rows = [[x for j, x in enumerate(log_row(c, f"{q[0]}{k}{i:04d}", q, rng)) if j != 2]
                for i, c in enumerate(qrecs)]  # fmt: skip
        write_csv(f"queue_{q}.csv", head, rows)
        out[q] = log_truth(qrecs)
    t = log_truth(recs)
    t["per_queue"] = {q: {k: v[k] for k in ("rows", "abandonment_rate", "aht")}
                      for q, v in out.items()}  # fmt: skip
    return t


@builder
def build_reordered_extra_column() -> dict[str, Any]:
    # Two weekly CRM exports: week 23 in one column order; week 24 after the admin changed the
    # report (columns in another order) and added "CSAT Score" (1-5, blank when not rated).
    rng = random.Random(1015)
    wk23 = drawn_calls(rng, JUNE[:5], 8)
    wk24 = drawn_calls(rng, JUNE[5:], 8)
    head = ["Interaction ID", "Date/Time Opened", "Queue", "Owner", "Call Result",
            "Queue Time (s)", "Talk Time (s)", "Hold Time (s)", "Wrap-up Time (s)"]  # fmt: skip
    rows23 = [log_row(c, f"00T5g0000{i:06d}", "Care", rng) for i, c in enumerate(wk23)]
    write_csv("crm_export_week23.csv", head, rows23)
    order = [4, 0, 7, 5, 1, 6, 3, 8, 2]
    rows24 = []
    for i, c in enumerate(wk24):
        row = log_row(c, f"00T5g0001{i:06d}", "Care", rng)
        c["csat"] = rng.choice([None, None, 1, 3, 4, 5, 5]) if c["outcome"] == "answered" else None
        rows24.append([row[j] for j in order] + ["" if c["csat"] is None else c["csat"]])
    write_csv("crm_export_week24.csv", [head[j] for j in order] + ["CSAT Score"], rows24)
    t = log_truth(wk23 + wk24)
    t["week24_rows"] = len(rows24)
    t["rated"] = sum(c["csat"] is not None for c in wk24)
    return t


@builder
def build_truncated_download() -> dict[str, Any]:
    # A browser download cut short: the last line stops inside the start time
    # ("CL-5060,2024-06-14 17:4") with no newline; the 59 lines above are complete.
    rng = random.Random(1016)
    recs = drawn_calls(rng, JUNE, 6)
    rows = [log_row(c, f"CL-{5001 + i}", "Support", rng) for i, c in enumerate(recs)]
    text = csv_text([LOG_HEAD, *rows])
    last = text.rstrip("\n").rsplit("\n", 1)[1]
    cut = text[: len(text) - 1 - len(last)] + last[: last.index(":") + 2]
    (OUT / "truncated_download.csv").write_text(cut, encoding="utf-8")
    t = log_truth(recs[:-1])
    t["rows"] = len(recs)
    t["last_line"] = cut.rsplit("\n", 1)[1]
    return t


if __name__ == "__main__":
    BUILD.main()

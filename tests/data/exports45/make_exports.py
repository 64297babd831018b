"""Regenerate the forty-fifth blind acceptance corpus (tests/test_real_exports_45.py).

    .venv/bin/python tests/data/exports45/make_exports.py             # write the files
    .venv/bin/python tests/data/exports45/make_exports.py --expected  # also print the truth

Round 45: a manager selects several DIFFERENT files at once in one import, as people do with
their Downloads folder (``kpi.ingest.read_files([...])``). Each set is a folder of
``tests/data/exports45/``:

1. ``set1_log_and_summary``: a contact log and the daily queue summary of the same queues and
   days (cannot be combined: the refusal must name both files);
2. ``set2_five9_to_genesys``: a platform migration in March 2025: Five9's call log until the
   14th (DATE / TIME, H:MM:SS, DISPOSITION words, skills "CS_Billing_EN"), Genesys Cloud's
   interactions export from the 17th (ISO start, milliseconds, Abandoned YES / NO, queues
   renamed "Billing Queue") -- one month;
3. ``set3_calls_and_tickets``: a call log and a Zendesk ticket export of the same fortnight;
4. ``set4_calls_and_roster``: a call log with agent ids and the agent roster (id -> name, team,
   hire date): the roster holds no contacts;
5. ``set5_calls_and_empty_day``: a week's daily call log files, Saturday's export header only;
6. ``set6_xlsx_and_csv_twins``: the same log downloaded as .xlsx and as .csv (all twice);
7. ``set7_monthly_zip``: a year as a zip of 12 monthly CSVs (refused), then the 12 CSVs
   unzipped (``unzipped/``), sizes differing, July a re-export with an extra "Wrap-up Code".

Each builder draws rows with its own seeded ``random.Random`` and returns the KPIs computed in
plain Python over the drawn records -- never with KPI Lab code. Conventions (the registry's
defaults): contacts = rows of a contact log, each contact once; abandonment and service level
(20 s, abandons negative) over inbound queued calls; ASA over answered; AHT = talk + hold + ACW
over handled calls; CSAT the mean 1-5 rating.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import zipfile
from pathlib import Path
from typing import Any

from openpyxl import Workbook

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/data: export_kit
from export_kit import (  # noqa: E402
    Builders,
    csv_text,
    drawn_calls,
    guid,
    handled,
    hms,
    log_truth,
    r4,
    save_xlsx,
    weekdays,
)  # fmt: skip

OUT = Path(__file__).resolve().parent
BUILD = Builders(OUT)
builder = BUILD
AGENTS = ["Maya Lopez", "Omar Haddad", "Jin Park", "Sara Novak", "Luca Bianchi", "Ada Okafor"]
QUEUES = ["Billing", "Support", "Sales"]


def put(folder: str, name: str, header: list[str], rows: list[list[Any]]) -> Path:
    d = OUT / folder
    d.mkdir(parents=True, exist_ok=True)
    p = d / name
    p.write_text(csv_text([header, *rows]), encoding="utf-8")
    return p


def split_truth(recs: list[dict[str, Any]]) -> dict[str, Any]:
    t = log_truth(recs)
    per: dict[str, int] = {}
    for c in recs:
        k = c["start"].date().replace(day=1).isoformat()
        per[k] = per.get(k, 0) + 1
    t["per_month"] = per
    return t


# --- 1. A contact log + the daily summary of the same queues ------------------------------------


@builder
def build_set1() -> dict[str, Any]:
    # The ACD's "Call Detail" log and its "Queue Daily" report of the same two weeks: the
    # summary is exactly the log summed per day and queue.
    rng = random.Random(4501)
    days = weekdays(dt.date(2025, 2, 3), dt.date(2025, 2, 14))
    recs = drawn_calls(rng, days, 9, p_ab=0.15)
    rows = []
    for i, c in enumerate(recs):
        c["queue"] = rng.choice(QUEUES)
        ok = handled(c)
        rows.append([
            f"CD-{310400 + i}", f"{c['start']:%Y-%m-%d %H:%M:%S}", c["queue"],
            rng.choice(AGENTS) if ok else "", "Answered" if ok else "Abandoned", c["wait"],
            c["talk"], c["hold"], c["acw"],
        ])  # fmt: skip
    put("set1_log_and_summary", "call_detail_feb_w1-2.csv",
        ["Call ID", "Start Time", "Queue", "Agent", "Result", "Wait (s)", "Talk (s)",
         "Hold (s)", "Wrap (s)"], rows)  # fmt: skip
    srows = []
    for d in days:
        for q in QUEUES:
            cs = [c for c in recs if c["start"].date() == d and c["queue"] == q]
            ans = [c for c in cs if handled(c)]
            ab = len(cs) - len(ans)
            srows.append([
                f"{d:%m/%d/%Y}", q, len(cs), len(ans), ab,
                round(sum(c["wait"] for c in ans) / len(ans)) if ans else 0,
                round(sum(c["handle"] for c in ans) / len(ans)) if ans else 0,
                f"{100 * sum(c['wait'] <= 20 for c in ans) / len(cs):.1f}%" if cs else "",
            ])  # fmt: skip
    put("set1_log_and_summary", "queue_daily_feb_w1-2.csv",
        ["Date", "Queue", "Offered", "Answered", "Abandoned", "ASA (s)", "AHT (s)",
         "Service Level %"], srows)  # fmt: skip
    t = log_truth(recs)
    t["summary_rows"] = len(srows)
    t["summary_offered"] = sum(r[2] for r in srows)
    return t


# --- 2. Five9 until the 14th, Genesys Cloud from the 17th ---------------------------------------

F9_SKILL = {"Billing": "CS_Billing_EN", "Support": "CS_TechSupport_EN", "Sales": "SLS_Inbound"}
GC_QUEUE = {"Billing": "Billing Queue", "Support": "Technical Support", "Sales": "Sales Inbound"}


@builder
def build_set2() -> dict[str, Any]:
    rng = random.Random(4502)
    f9_days = weekdays(dt.date(2025, 3, 3), dt.date(2025, 3, 14))
    gc_days = weekdays(dt.date(2025, 3, 17), dt.date(2025, 3, 31))
    f9 = drawn_calls(rng, f9_days, 8, p_ab=0.14)
    gc = drawn_calls(rng, gc_days, 8, p_ab=0.18)
    rows = []
    for c in f9:
        ok = handled(c)
        q = rng.choice(QUEUES)
        disp = rng.choice(["Resolved", "Resolved", "Information Provided", "Transferred",
                           "Callback Scheduled"]) if ok else "Abandon"  # fmt: skip
        rows.append([
            f"{rng.randint(10**17, 10**18 - 1)}", "Inbound", f"{c['start']:%Y/%m/%d}",
            f"{c['start']:%H:%M:%S}", F9_SKILL[q], "Main IVR",
            rng.choice(AGENTS) if ok else "", disp, hms(c["wait"]), hms(c["talk"]),
            hms(c["hold"]), hms(c["acw"]), hms(c["wait"] + c["talk"] + c["hold"] + c["acw"]),
        ])  # fmt: skip
    put("set2_five9_to_genesys", "Five9_Call_Log_2025-03-01_2025-03-14.csv",
        ["CALL ID", "CALL TYPE", "DATE", "TIME", "SKILL", "CAMPAIGN", "AGENT NAME",
         "DISPOSITION", "QUEUE WAIT TIME", "TALK TIME", "HOLD TIME", "AFTER CALL WORK TIME",
         "CALL TIME"], rows)  # fmt: skip
    rows = []
    for c in gc:
        ok = handled(c)
        q = rng.choice(QUEUES)
        end = c["start"] + dt.timedelta(seconds=c["wait"] + c["talk"] + c["hold"])
        rows.append([
            guid(rng), f"{c['start']:%Y-%m-%d %H:%M:%S}", f"{end:%Y-%m-%d %H:%M:%S}",
            "inbound", "voice", GC_QUEUE[q], rng.choice(AGENTS) if ok else "",
            "NO" if ok else "YES", c["wait"] * 1000, c["talk"] * 1000 if ok else "",
            c["hold"] * 1000 if ok else "", c["acw"] * 1000 if ok else "",
            c["handle"] * 1000 if ok else "",
        ])  # fmt: skip
    put("set2_five9_to_genesys", "Genesys_Interactions_2025-03-17_2025-03-31.csv",
        ["Conversation ID", "Date", "End Date", "Direction", "Media Type", "Queue",
         "Users - Interacted", "Abandoned", "Total Queue", "Total Talk", "Total Hold",
         "Total ACW", "Total Handle"], rows)  # fmt: skip
    t = log_truth(f9 + gc)
    t["five9"] = log_truth(f9)
    t["genesys"] = log_truth(gc)
    return t


# --- 3. A call log + a Zendesk ticket export ----------------------------------------------------


@builder
def build_set3() -> dict[str, Any]:
    rng = random.Random(4503)
    days = weekdays(dt.date(2025, 4, 7), dt.date(2025, 4, 18))
    calls = drawn_calls(rng, days, 8, p_ab=0.15)
    rows = []
    for i, c in enumerate(calls):
        ok = handled(c)
        rows.append([
            f"{88120 + 3 * i}", f"{c['start']:%m/%d/%Y %H:%M:%S}", rng.choice(QUEUES),
            rng.choice(AGENTS) if ok else "", "Answered" if ok else "Abandoned", c["wait"],
            c["talk"], c["hold"], c["acw"],
        ])  # fmt: skip
    put("set3_calls_and_tickets", "phone_calls_apr_7-18.csv",
        ["Call ID", "Call Start", "Queue", "Agent", "Call Result", "Wait Time (s)",
         "Talk Time (s)", "Hold Time (s)", "After Call Work (s)"], rows)  # fmt: skip
    tickets = []
    trows = []
    for d in days:
        for _ in range(5):
            t0 = dt.datetime.combine(d, dt.time()) + dt.timedelta(
                seconds=rng.randint(8 * 3600, 18 * 3600 - 1)
            )
            first = rng.randint(5, 600)  # minutes
            solved = rng.random() < 0.8
            full = first + rng.randint(0, 2000) if solved else None
            tk = {"start": t0, "first": first, "full": full}
            tickets.append(tk)
            trows.append([
                41000 + len(trows), f"Customer {rng.randint(100, 999)}",
                rng.choice(AGENTS), rng.choice(["Support", "Billing"]),
                rng.choice(["Login problem", "Refund request", "Invoice copy", "Change plan"]),
                "Solved" if solved else rng.choice(["Open", "Pending"]),
                rng.choice(["Normal", "High", "Low"]), rng.choice(["email", "web", "email"]),
                f"{t0:%Y-%m-%d %H:%M}",
                "" if full is None else f"{t0 + dt.timedelta(minutes=full):%Y-%m-%d %H:%M}",
                first, "" if full is None else full,
            ])  # fmt: skip
    put("set3_calls_and_tickets", "zendesk_tickets_apr_7-18.csv",
        ["Id", "Requester", "Assignee", "Group", "Subject", "Status", "Priority", "Via",
         "Created at", "Solved at", "First reply time in minutes",
         "Full resolution time in minutes"], trows)  # fmt: skip
    t = log_truth(calls)
    t["tickets"] = len(tickets)
    t["all_rows"] = len(calls) + len(tickets)
    t["ticket_first_reply_s"] = r4(sum(k["first"] * 60 for k in tickets) / len(tickets))
    return t


# --- 4. A call log with agent ids + the agent roster --------------------------------------------


@builder
def build_set4() -> dict[str, Any]:
    rng = random.Random(4504)
    days = weekdays(dt.date(2025, 5, 5), dt.date(2025, 5, 16))
    recs = drawn_calls(rng, days, 9, p_ab=0.15)
    ids = [1041, 1042, 1047, 1053, 1058, 1060, 1064, 1071]
    rows = []
    for i, c in enumerate(recs):
        ok = handled(c)
        rows.append([
            f"{c['start']:%Y-%m-%d %H:%M:%S}", f"IN-{52000 + i}", rng.choice(QUEUES),
            rng.choice(ids) if ok else "", "ANSWERED" if ok else "ABANDONED", c["wait"],
            c["talk"], c["hold"], c["acw"],
        ])  # fmt: skip
    put("set4_calls_and_roster", "calls_may_5-16.csv",
        ["Start", "Interaction ID", "Queue", "Agent ID", "Status", "Queue Seconds",
         "Talk Seconds", "Hold Seconds", "Wrap Seconds"], rows)  # fmt: skip
    names = AGENTS + ["Nora Kim", "Ravi Shah"]
    roster = []
    for k, a in enumerate(ids):
        hire = dt.datetime(2021, 1, 4) + dt.timedelta(days=rng.randint(0, 1400),
                                                       hours=rng.randint(8, 17))  # fmt: skip
        roster.append([a, names[k], rng.choice(["Team North", "Team South"]),
                       rng.choice(["Dana Cole", "Ivo Petrov"]), f"{hire:%Y-%m-%d}",
                       f"{hire:%H:%M}", "Active", "Full-time"])  # fmt: skip
    put("set4_calls_and_roster", "agent_roster.csv",
        ["Agent ID", "Agent Name", "Team", "Supervisor", "Hire Date", "Shift Start", "Status",
         "Contract"], roster)  # fmt: skip
    t = log_truth(recs)
    t["roster_rows"] = len(roster)
    return t


# --- 5. A week's daily call logs, Saturday's export header only ---------------------------------


@builder
def build_set5() -> dict[str, Any]:
    rng = random.Random(4505)
    days = weekdays(dt.date(2025, 6, 2), dt.date(2025, 6, 6))
    header = ["Call ID", "Call Start", "Queue", "Agent", "Result", "Wait (s)", "Talk (s)",
              "Hold (s)", "Wrap (s)"]  # fmt: skip
    recs = []
    for d in days:
        cs = drawn_calls(rng, [d], rng.randint(7, 11), p_ab=0.15)
        rows = []
        for c in cs:
            ok = handled(c)
            rows.append([
                f"{rng.randint(10**6, 10**7 - 1)}", f"{c['start']:%Y-%m-%d %H:%M:%S}",
                rng.choice(QUEUES), rng.choice(AGENTS) if ok else "",
                "Answered" if ok else "Abandoned", c["wait"], c["talk"], c["hold"], c["acw"],
            ])  # fmt: skip
        put("set5_calls_and_empty_day", f"calls_{d:%Y-%m-%d}.csv", header, rows)
        recs += cs
    put("set5_calls_and_empty_day", "calls_2025-06-07.csv", header, [])  # Saturday: no calls
    return log_truth(recs)


# --- 6. The same log as .xlsx and as .csv --------------------------------------------------------


@builder
def build_set6() -> dict[str, Any]:
    # The CSV is the download (US 12-hour text, seconds); the .xlsx is the same download
    # opened in Excel and saved (real date-time cells, number cells).
    rng = random.Random(4506)
    days = weekdays(dt.date(2025, 7, 7), dt.date(2025, 7, 18))
    recs = drawn_calls(rng, days, 7, p_ab=0.15)
    header = ["Contact ID", "Start Time", "Queue", "Agent", "Outcome", "Queue Wait",
              "Talk Time", "Hold Time", "Wrap Time"]  # fmt: skip
    rows, cells = [], []
    for c in recs:
        ok = handled(c)
        cid, q, a = guid(rng), rng.choice(QUEUES), rng.choice(AGENTS) if ok else ""
        t = c["start"]
        clock = f"{t.hour % 12 or 12}:{t:%M:%S} {'AM' if t.hour < 12 else 'PM'}"
        out = "Answered" if ok else "Abandoned"
        rows.append([cid, f"{t.month}/{t.day}/{t.year} {clock}", q, a, out, c["wait"],
                     c["talk"], c["hold"], c["acw"]])  # fmt: skip
        cells.append([cid, t, q, a or None, out, c["wait"], c["talk"], c["hold"], c["acw"]])
    put("set6_xlsx_and_csv_twins", "contact_log_jul_7-18.csv", header, rows)
    wb = Workbook()
    ws = wb.active
    ws.title = "contact_log_jul_7-18"
    ws.append(header)
    for r in cells:
        ws.append(r)
        ws.cell(ws.max_row, 2).number_format = "m/d/yyyy h:mm"
    save_xlsx(wb, OUT / "set6_xlsx_and_csv_twins" / "contact_log_jul_7-18.xlsx")
    return log_truth(recs)


# --- 7. A year: a zip of 12 monthly CSVs, then the CSVs unzipped ---------------------------------


@builder
def build_set7() -> dict[str, Any]:
    rng = random.Random(4507)
    header = ["Call ID", "Start Time", "Queue", "Agent", "Result", "Wait (s)", "Talk (s)",
              "Hold (s)", "Wrap (s)"]  # fmt: skip
    recs, files = [], []
    sizes = {1: 3, 2: 2, 3: 3, 4: 2, 5: 2, 6: 1, 7: 3, 8: 1, 9: 2, 10: 3, 11: 4, 12: 2}
    n = 0
    for m in range(1, 13):
        end = dt.date(2025 + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)
        cs = drawn_calls(rng, weekdays(dt.date(2025, m, 1), end), sizes[m], p_ab=0.15)
        extra = m == 7  # July was re-exported after the admin added "Wrap-up Code"
        rows = []
        for c in cs:
            ok = handled(c)
            n += 1
            row = [f"{700000 + n}", f"{c['start']:%Y-%m-%d %H:%M:%S}", rng.choice(QUEUES),
                   rng.choice(AGENTS) if ok else "", "Answered" if ok else "Abandoned",
                   c["wait"], c["talk"], c["hold"], c["acw"]]  # fmt: skip
            if extra:
                row.append(rng.choice(["Resolved", "Escalated", "Info Given", "Callback Needed"])
                           if ok else "")  # fmt: skip
            rows.append(row)
        name = f"call_log_2025-{m:02d}.csv"
        put("set7_monthly_zip/unzipped", name, header + (["Wrap-up Code"] if extra else []),
            rows)  # fmt: skip
        files.append(name)
        recs += cs
    with zipfile.ZipFile(OUT / "set7_monthly_zip" / "call_logs_2025.zip", "w") as z:
        for name in files:
            data = (OUT / "set7_monthly_zip" / "unzipped" / name).read_bytes()
            z.writestr(zipfile.ZipInfo(name, (2026, 1, 5, 9, 0, 0)), data, zipfile.ZIP_DEFLATED)
    t = split_truth(recs)
    jul = [c for c in recs if c["start"].month == 7]
    t["july"] = log_truth(jul)
    return t


if __name__ == "__main__":
    BUILD.main()

"""Regenerate the thirty-seventh blind acceptance corpus (tests/test_real_exports_37.py).

    .venv/bin/python tests/data/exports37/make_exports.py             # write the files
    .venv/bin/python tests/data/exports37/make_exports.py --expected  # also print the truth

Round 37 is a regression check of the most common FIRST imports, at realistic size (3,880 to
14,870 rows a file) with realistic value distributions: each file is the default export of a
mainstream platform (default columns and formats), over three weeks that hold a US daylight
saving change (Sunday 8 March 2026 or Sunday 1 November 2026, America/New_York). Traps are the
ones real data has at scale: heavy-tailed (log-normal) handle times with a few legitimate calls
of 2 to 3 hours, 0-second talk on abandoned calls, CSAT on about one answered call in eight,
agent names with accents and commas inside quotes, queue names with a trailing space, long
numeric ids with leading zeros, calls that end on the next day (the centre is open until
midnight), no calls at weekends.

Each builder draws rows with its own seeded ``random.Random``, writes them as the export looks
and returns the truth computed in plain Python over the drawn records -- never with KPI Lab
code: the log KPIs (``export_kit.log_truth``), contacts on three days and the AHT of two queues.

Conventions (the registry's defaults, as rounds 1-36): contacts = rows of a log; abandonment =
abandoned / inbound queued; ASA = mean wait of answered inbound calls; AHT = talk + hold + ACW
over handled calls (inbound answered, outbound connected); service level (20 s, abandons
negative) = answered within 20 s / (answered + abandoned); CSAT the mean 1-5 rating (Zendesk's
good / bad = 5 / 1); ticket resolution time = solved - created over solved tickets, first
response time over tickets with a first reply.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import sys
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/data: export_kit
from export_kit import Builders, guid, hms, log_truth, mean, r4, weekdays  # noqa: E402

OUT = Path(__file__).resolve().parent
BUILD = Builders(OUT)
builder, write_csv = BUILD, BUILD.write_csv
NY = ZoneInfo("America/New_York")
UTC = dt.UTC
MAR = weekdays(dt.date(2026, 3, 2), dt.date(2026, 3, 20))  # DST starts Sunday 8 March
NOV = weekdays(dt.date(2026, 10, 26), dt.date(2026, 11, 13))  # DST ends Sunday 1 November
FIRST = ["José", "Zoë", "Renée", "Łukasz", "Chloé", "Søren", "Ana", "Dmitri", "Aaliyah", "Ngozi",
         "François", "Mei", "Björn", "Inés", "Tomás", "Priya", "Kwame", "Hélène", "Jürgen", "Olu"]  # fmt: skip
LAST = ["Núñez", "O'Brien", "Dubois", "Kowalski", "Müller", "García", "Nguyen", "Smith", "Ødegaard",
        "Okafor", "Lefèvre", "Chen", "Åström", "Peña", "Silva", "Iyer", "Mensah", "Brontë", "Weiß",
        "Adeyemi"]  # fmt: skip
HOURS = [0, 0, 0, 0, 0, 0, 0, 2, 5, 9, 10, 10, 8, 9, 10, 9, 8, 6, 4, 3, 2, 2, 1, 1]  # 07:00-23:59


def agents(rng: random.Random, n: int) -> list[tuple[str, str]]:
    """(first, last) pairs: accents, an apostrophe, comma-bearing "Last, First" when written so."""
    return [(rng.choice(FIRST), rng.choice(LAST)) for _ in range(n)]


def draw(
    rng: random.Random,
    days: list[dt.date],
    per_day: int,
    queues: list[str],
    staff: list[Any],
    p_ab: float = 0.09,
    p_out: float = 0.0,
) -> list[dict[str, Any]]:
    """Calls of a centre open 07:00-24:00 on weekdays: log-normal talk / hold / ACW, 0.2% calls
    of 2-3 h, abandons with 0-second talk, CSAT on ~12% of answered calls."""
    out = []
    for d in days:
        n = round(per_day * (1.2 if d.weekday() == 0 else 0.9 if d.weekday() == 4 else 1.0)
                  * rng.uniform(0.9, 1.1))  # fmt: skip
        hrs = rng.choices(range(24), weights=HOURS, k=n)
        secs = sorted(h * 3600 + rng.randint(0, 3599) for h in hrs)
        for s in secs:
            start = dt.datetime.combine(d, dt.time()) + dt.timedelta(seconds=s)
            c: dict[str, Any] = {"start": start, "inbound": rng.random() >= p_out}
            if not c["inbound"]:
                c["queue"] = ""
                ok = rng.random() < 0.7
                c["outcome"] = "connected" if ok else "no_answer"
                c["wait"] = 0
            else:
                c["queue"] = rng.choice(queues)
                ok = rng.random() >= p_ab
                c["outcome"] = "answered" if ok else "abandoned"
                c["wait"] = (min(int(rng.expovariate(1 / 35)), 1800) if ok
                             else 1 + min(int(rng.expovariate(1 / 80)), 1800))  # fmt: skip
            if ok:
                talk = int(math.exp(rng.gauss(math.log(260), 0.75))) + 5
                if rng.random() < 0.002:
                    talk = rng.randint(7300, 10800)  # legitimate 2-3 h calls
                hold = 0 if rng.random() < 0.7 else int(math.exp(rng.gauss(math.log(70), 0.8)))
                acw = int(math.exp(rng.gauss(math.log(45), 0.7)))
                c.update(talk=talk, hold=hold, acw=acw, handle=talk + hold + acw)
                c["agent"] = rng.choice(staff)
                c["csat"] = rng.choice([1, 2, 3, 4, 4, 5, 5, 5]) if rng.random() < 0.12 else None
            else:
                c.update(talk=0, hold=0, acw=0, handle=0, agent=None, csat=None)
            c["end"] = start + dt.timedelta(seconds=c["wait"] + c["talk"] + c["hold"])
            out.append(c)
    return out


def truth(
    recs: list[dict[str, Any]], days3: list[str], queues2: list[str], rated: bool = False
) -> dict[str, Any]:
    """The log KPIs, contacts on three days, the AHT of two queues, the calls over midnight
    (CSAT only when the file has the ratings: ``rated``)."""
    t = log_truth(recs)
    if not rated:
        t.pop("csat", None)
    t["per_day"] = {d: sum(r["start"].date().isoformat() == d for r in recs) for d in days3}
    t["queue_aht"] = {
        q: r4(mean([r["handle"] for r in recs if r["queue"] == q and r["outcome"] == "answered"]))
        for q in queues2
    }
    t["answered"] = sum(r["outcome"] == "answered" for r in recs)
    t["over_midnight"] = sum(r["end"].date() > r["start"].date() for r in recs)
    t["over_2h"] = sum(r["talk"] > 7200 for r in recs)
    return t


def blank(x: Any) -> Any:
    return "" if x is None else x


# --- 1. Amazon Connect: contact search CSV (UTC "Z" timestamps, March DST) ----------------------


@builder
def build_connect_contact_search() -> dict[str, Any]:
    # Contact search > Download CSV: ISO UTC with milliseconds; durations as the UI shows them
    # (HH:MM:SS); "Agent" is the login; queue "Tech Support " has a trailing space. The centre
    # is in New York: read with timezone America/New_York, days are local days.
    rng = random.Random(3701)
    queues = ["Billing", "Tech Support ", "Sales", "Retention"]
    staff = [f"{f[0]}{sn}".lower().replace("'", "") for f, sn in agents(rng, 60)]
    recs = draw(rng, MAR, 800, queues, staff, p_ab=0.08)
    rows = []
    for c in recs:
        ok = c["outcome"] == "answered"
        t0 = c["start"].replace(tzinfo=NY).astimezone(UTC)
        t1 = c["end"].replace(tzinfo=NY).astimezone(UTC)
        ms = rng.randint(0, 999)
        rows.append([
            guid(rng), "VOICE", "INBOUND", f"{t0:%Y-%m-%dT%H:%M:%S}.{ms:03d}Z",
            f"{t1:%Y-%m-%dT%H:%M:%S}.{ms:03d}Z", c["queue"], blank(c["agent"]),
            hms(c["wait"]), hms(c["talk"]) if ok else "", hms(c["hold"]) if ok else "",
            hms(c["acw"]) if ok else "",
            rng.choice(["CUSTOMER_DISCONNECT", "AGENT_DISCONNECT"]) if ok else "CUSTOMER_DISCONNECT",
        ])  # fmt: skip
    write_csv(
        "connect_contact_search.csv",
        ["Contact ID", "Channel", "Initiation method", "Initiation timestamp",
         "Disconnect timestamp", "Queue", "Agent", "Queue duration", "Agent interaction duration",
         "Customer hold duration", "After contact work duration", "Disconnect reason"],
        rows,
    )  # fmt: skip
    return truth(recs, ["2026-03-06", "2026-03-09", "2026-03-20"], ["Billing", "Tech Support "])


# --- 2. Genesys Cloud: Interactions view export (ms durations, November DST) --------------------


@builder
def build_genesys_interactions() -> dict[str, Any]:
    # Performance > Interactions > Export: "Date" / "End Date" in the user's time zone,
    # 12-hour clock; durations in milliseconds; "Users - Interacted" as "Last, First" in quotes;
    # "Abandoned" YES / NO.
    rng = random.Random(3702)
    queues = ["Customer Care", "Billing ", "Claims", "Spanish Line"]
    staff = [f"{sn}, {f}" for f, sn in agents(rng, 70)]
    recs = draw(rng, NOV, 900, queues, staff, p_ab=0.1)
    rows = []
    for c in recs:
        ok = c["outcome"] == "answered"
        ms = 1000 * (c["wait"] + c["talk"] + c["hold"]) + rng.randint(0, 999)
        wait_ms = 1000 * c["wait"] + rng.randint(0, 999)
        c["wait"] = wait_ms / 1000  # the truth is over the milliseconds written
        rows.append([
            guid(rng), f"{c['start']:%m/%d/%Y %I:%M:%S %p}", f"{c['end']:%m/%d/%Y %I:%M:%S %p}",
            ms, "voice", "inbound", c["queue"], blank(c["agent"]),
            f"tel:+1{rng.randint(2012000000, 9899999999)}", "tel:+18005550100",
            "NO" if ok else "YES", wait_ms,
            1000 * c["handle"] if ok else "", 1000 * c["talk"] if ok else "",
            1000 * c["hold"] if ok else "", 1000 * c["acw"] if ok else "",
            rng.choice(["Billing Inquiry", "Claim Status", "Resolved", "Callback Needed"]) if ok
            else "",
        ])  # fmt: skip
    write_csv(
        "genesys_interactions.csv",
        ["Conversation ID", "Date", "End Date", "Duration", "Media Type", "Direction", "Queue",
         "Users - Interacted", "ANI", "DNIS", "Abandoned", "Total Queue", "Total Handle",
         "Total Talk", "Total Hold", "Total ACW", "Wrap-up"],
        rows,
    )  # fmt: skip
    return truth(recs, ["2026-10-30", "2026-11-02", "2026-11-13"], ["Customer Care", "Billing "])


# --- 3. Five9: Call Log report (inbound + outbound, zero-padded ids) ----------------------------


@builder
def build_five9_call_log() -> dict[str, Any]:
    # Reports > Call Log, CSV: TIMESTAMP "Mon, 09 Mar 2026 10:15:02"; durations H:MM:SS;
    # "CALL TYPE" Inbound / Outbound; "ABANDONED" 1 / 0; skills with a trailing space.
    rng = random.Random(3703)
    queues = ["Billing ", "Technical Support ", "Sales", "Escalations"]
    staff = [f"{f} {sn}" for f, sn in agents(rng, 80)]
    recs = draw(rng, MAR, 1000, queues, staff, p_ab=0.07, p_out=0.2)
    rows = []
    for i, c in enumerate(recs):
        ok = c["outcome"] in ("answered", "connected")
        name = c["agent"] or ""
        login = name.lower().replace(" ", ".").replace("'", "") + "@acme.com" if name else ""
        disp = ("Resolved" if c["inbound"] else "Sale") if ok else (
            "Abandon" if c["inbound"] else "No Answer")  # fmt: skip
        if not c["inbound"] and not ok:
            c["agent"] = name = login = rng.choice(staff)  # the dialling agent
            login = name.lower().replace(" ", ".").replace("'", "") + "@acme.com"
        rows.append([
            f"{i * 37 + 1029:019d}", f"{c['start']:%a, %d %b %Y %H:%M:%S}",
            "Inbound Care" if c["inbound"] else "Outbound Renewals",
            "Inbound" if c["inbound"] else "Outbound", login, name, disp,
            f"{rng.randint(2012000000, 9899999999)}", "8005550100", c["queue"],
            hms(c["wait"] + c["talk"] + c["hold"] + c["acw"], pad=False), "0:00:08",
            hms(c["wait"], pad=False), hms(rng.randint(1, 6) if ok else 0, pad=False),
            hms(c["talk"], pad=False), hms(c["hold"], pad=False), hms(c["acw"], pad=False),
            hms(c["handle"], pad=False), 0, 0 if ok or not c["inbound"] else 1,
        ])  # fmt: skip
    write_csv(
        "five9_call_log.csv",
        ["CALL ID", "TIMESTAMP", "CAMPAIGN", "CALL TYPE", "AGENT", "AGENT NAME", "DISPOSITION",
         "ANI", "DNIS", "SKILL", "CALL TIME", "IVR TIME", "QUEUE WAIT TIME", "RING TIME",
         "TALK TIME", "HOLD TIME", "AFTER CALL WORK TIME", "HANDLE TIME", "TRANSFERS",
         "ABANDONED"],
        rows,
    )  # fmt: skip
    return truth(recs, ["2026-03-02", "2026-03-09", "2026-03-13"], ["Billing ", "Sales"])


# --- 4. NICE CXone: Contact History (12-digit contact ids, November DST) ------------------------


@builder
def build_cxone_contact_history() -> dict[str, Any]:
    # Reporting > Contact History, CSV: "Start Date" 11/2/2026 and "Start Time" 10:15:02 AM
    # apart; seconds; "Abandon" Y / N; "Agent Name" "Last, First" with accents.
    rng = random.Random(3704)
    queues = ["IB_Billing", "IB_Tech Support ", "IB_Sales", "IB_Español"]
    staff = [f"{sn}, {f}" for f, sn in agents(rng, 50)]
    recs = draw(rng, NOV, 600, queues, staff, p_ab=0.11)
    rows = []
    for i, c in enumerate(recs):
        ok = c["outcome"] == "answered"
        cid = 601234567890 + 11 * i
        s = c["start"]
        rows.append([
            cid, cid, "Call", c["queue"], "Team " + rng.choice("ABCD"), blank(c["agent"]),
            f"{s.month}/{s.day}/{s.year}", f"{s:%I:%M:%S %p}".lstrip("0"), c["wait"],
            c["talk"], c["hold"], c["acw"], "N" if ok else "Y", 0 if ok else c["wait"],
        ])  # fmt: skip
    write_csv(
        "cxone_contact_history.csv",
        ["Contact ID", "Master Contact ID", "Media Type", "Skill Name", "Team Name",
         "Agent Name", "Start Date", "Start Time", "Inqueue Time", "Active Talk Time",
         "Hold Time", "ACW Time", "Abandon", "Abandon Time"],
        rows,
    )  # fmt: skip
    return truth(recs, ["2026-10-26", "2026-11-02", "2026-11-06"], ["IB_Billing", "IB_Español"])


# --- 5. Talkdesk: Explore "Calls" report (call types, HH:MM:SS) ---------------------------------


@builder
def build_talkdesk_calls() -> dict[str, Any]:
    # Explore > Calls > Export CSV: "Call Type" inbound / abandoned / outbound /
    # outbound_missed; "Start Time" / "End Time" in the account's zone; HH:MM:SS durations;
    # "Rating" 1-5 on a few calls.
    rng = random.Random(3705)
    queues = ["support", "billing ", "sales"]
    staff = [f"{f} {sn}" for f, sn in agents(rng, 40)]
    recs = draw(rng, MAR, 500, queues, staff, p_ab=0.1, p_out=0.15)
    rows = []
    for c in recs:
        kind = {"answered": "inbound", "abandoned": "abandoned", "connected": "outbound",
                "no_answer": "outbound_missed"}[c["outcome"]]  # fmt: skip
        if kind == "outbound_missed":
            c["agent"] = rng.choice(staff)
        rows.append([
            f"{rng.getrandbits(128):032x}", kind, f"{c['start']:%Y-%m-%d %H:%M:%S}",
            f"{c['end']:%Y-%m-%d %H:%M:%S}", "+18005550100",
            f"+1{rng.randint(2012000000, 9899999999)}", c["queue"], blank(c["agent"]),
            hms(c["wait"]), hms(c["talk"]), hms(c["hold"]), hms(c["acw"]), hms(c["handle"]),
            blank(c["csat"]),
        ])  # fmt: skip
    write_csv(
        "talkdesk_calls_explore.csv",
        ["Interaction ID", "Call Type", "Start Time", "End Time", "Talkdesk Phone Number",
         "Customer Phone Number", "Ring Groups", "Agent Name", "Waiting Time", "Talk Time",
         "Hold Time", "Wrap Up Time", "Handle Time", "Rating"],
        rows,
    )  # fmt: skip
    return truth(
        recs, ["2026-03-03", "2026-03-10", "2026-03-19"], ["support", "billing "], rated=True
    )


# --- 6./7. Tickets: Zendesk Explore, Salesforce cases report ------------------------------------


def draw_tickets(rng: random.Random, days: list[dt.date], per_day: int) -> list[dict[str, Any]]:
    """Tickets created 07:00-23:59 on weekdays; ~85% solved after a log-normal time (hours to
    days, a few weeks); a first reply on ~93%; a rating on ~15% of the solved."""
    out = []
    for d in days:
        n = round(per_day * rng.uniform(0.85, 1.15))
        hrs = rng.choices(range(24), weights=HOURS, k=n)
        for s in sorted(h * 3600 + rng.randint(0, 3599) for h in hrs):
            t: dict[str, Any] = {
                "start": dt.datetime.combine(d, dt.time()) + dt.timedelta(seconds=s)
            }
            t["frt"] = (
                (int(math.exp(rng.gauss(math.log(95), 1.1))) + 1) if rng.random() < 0.93 else None
            )
            if rng.random() < 0.85:
                t["res"] = 60 * int(math.exp(rng.gauss(math.log(600), 1.3)) + (t["frt"] or 0) + 1)
            else:
                t["res"] = None
            t["csat"] = rng.choice([5, 5, 5, 5, 1]) if t["res"] and rng.random() < 0.15 else None
            out.append(t)
    return out  # fmt: skip


def ticket_truth(recs: list[dict[str, Any]], days3: list[str]) -> dict[str, Any]:
    solved = [t["res"] for t in recs if t["res"] is not None]
    out: dict[str, Any] = {
        "rows": len(recs),
        "contacts": len(recs),
        "resolution_time": r4(mean(solved)),
        "first_day": min(t["start"] for t in recs).date().isoformat(),
        "last_day": max(t["start"] for t in recs).date().isoformat(),
        "per_day": {d: sum(t["start"].date().isoformat() == d for t in recs) for d in days3},
    }
    frt = [t["frt"] * 60 for t in recs if t["frt"] is not None]
    if frt:
        out["frt"] = r4(mean(frt))
    rated = [t["csat"] for t in recs if t["csat"] is not None]
    if rated:
        out["csat"] = r4(mean(rated))
    return out


@builder
def build_zendesk_explore_tickets() -> dict[str, Any]:
    # Explore > Tickets dataset > CSV: timestamps "2026-11-02 10:15:02"; times in minutes;
    # "Ticket satisfaction rating" Good / Bad / Offered / Unoffered.
    rng = random.Random(3706)
    recs = draw_tickets(rng, NOV, 330)
    groups = ["Support", "Billing ", "Returns", "VIP"]
    staff = [f"{f} {sn}" for f, sn in agents(rng, 35)]
    rows = []
    for i, t in enumerate(recs):
        res = t["start"] + dt.timedelta(seconds=t["res"]) if t["res"] is not None else None
        rate = {5: "Good", 1: "Bad"}.get(t["csat"]) or (
            "Unoffered" if rng.random() < 0.7 or res is None else "Offered")  # fmt: skip
        rows.append([
            184201 + i, f"{t['start']:%Y-%m-%d %H:%M:%S}",
            f"{res:%Y-%m-%d %H:%M:%S}" if res else "",
            "Solved" if res else rng.choice(["Open", "Pending", "On-hold"]), rng.choice(groups),
            rng.choice(staff), rng.choice(["Email", "Web form", "Chat", "Phone call (incoming)"]),
            rng.choice(["Low", "Normal", "Normal", "High", "Urgent"]), rate,
            "" if t["frt"] is None else t["frt"], "" if t["res"] is None else t["res"] // 60,
        ])  # fmt: skip
    write_csv(
        "zendesk_explore_tickets.csv",
        ["Ticket ID", "Ticket created - Timestamp", "Ticket solved - Timestamp", "Ticket status",
         "Ticket group", "Ticket assignee", "Ticket channel", "Ticket priority",
         "Ticket satisfaction rating", "First reply time (min)", "Full resolution time (min)"],
        rows,
    )  # fmt: skip
    return ticket_truth(recs, ["2026-10-26", "2026-11-02", "2026-11-13"])


@builder
def build_salesforce_cases_report() -> dict[str, Any]:
    # Reports > Cases > Export "Details Only" CSV: "Case Number" 00012345 (leading zeros),
    # "Date/Time Opened" "3/9/2026, 10:15 AM" (minutes only), "Account Name" with commas.
    rng = random.Random(3707)
    recs = draw_tickets(rng, MAR, 260)
    for t in recs:  # the report shows minutes: the truth is over the minute values
        t["start"] = t["start"].replace(second=0)
        if t["res"] is not None:
            t["res"] = 60 * max(1, t["res"] // 60)
        t["frt"] = t["csat"] = None
    accounts = ["Acme, Inc.", "Globex Corporation", "Initech, LLC", "Umbrella Corp.",
                "Soylent, Ltd.", "Wayne Enterprises", "Stark Industries, Inc."]  # fmt: skip
    staff = [f"{f} {sn}" for f, sn in agents(rng, 30)]

    def stamp(x: dt.datetime) -> str:
        return f"{x.month}/{x.day}/{x.year}, {x:%I:%M %p}".replace(", 0", ", ")

    rows = []
    for i, t in enumerate(recs):
        res = t["start"] + dt.timedelta(seconds=t["res"]) if t["res"] is not None else None
        rows.append([
            f"{14870 + i:08d}", rng.choice(["Login issue", "Billing question, urgent",
                                            "Refund request", "Password reset"]),
            "Closed" if res else rng.choice(["New", "Working", "Escalated"]),
            rng.choice(["Low", "Medium", "High"]), rng.choice(["Phone", "Email", "Web"]),
            rng.choice(staff), stamp(t["start"]), stamp(res) if res else "",
            rng.choice(accounts),
        ])  # fmt: skip
    write_csv(
        "salesforce_cases_report.csv",
        ["Case Number", "Subject", "Status", "Priority", "Case Origin", "Case Owner",
         "Date/Time Opened", "Date/Time Closed", "Account Name"],
        rows,
    )  # fmt: skip
    return ticket_truth(recs, ["2026-03-02", "2026-03-09", "2026-03-20"])


if __name__ == "__main__":
    BUILD.main()

"""Regenerate the thirtieth blind acceptance corpus (tests/test_real_exports_30.py).

    .venv/bin/python tests/data/exports30/make_exports.py             # write the files
    .venv/bin/python tests/data/exports30/make_exports.py --expected  # also print the truth

Round 30: contact logs and agent summaries of the smaller and newer cloud phone and
contact-centre platforms a mid-size team uses in 2026, each as its CSV / XLSX download looks:
JustCall call logs (mm:ss durations past 60 minutes, costs in dollars), CloudTalk call history
(durations written "1h 2m 3s", outbound "missed" dials), Kixie call history (a power dialer:
mostly outbound, hyphenated "no-answer" / "busy" statuses), GoTo Connect call history (one row
per ring-group member, "Answered elsewhere" rows repeating the call), Zoho Voice call logs (an
XLSX with title lines and the time zone above the table, times without seconds), Freshdesk
Contact Center call metrics (a "Call Duration" total beside talk / hold / wrap-up), Vonage
Business call logs ("Start Time (UTC)" while the team works in New York), Ooma Office call logs
(times suffixed "EST" / "EDT" across the March DST change) and a Genesys Cloud agent
performance summary by 30-minute interval (an agent's "Missed" is an alert not answered, no
abandon).

Each builder draws rows with its own seeded ``random.Random``, writes them the way the export
looks, and returns the KPIs computed in plain Python over the drawn records -- never with
KPI Lab code.

Conventions (the registry's defaults, as rounds 1-29): contacts = rows of a contact log (one
per call: repeated legs of one call are no new contact); abandonment = abandoned / inbound
queued (answered + abandoned + voicemail; outbound is not queued); ASA = mean wait of answered
inbound calls; AHT = mean talk + hold + ACW of handled calls (inbound answered, outbound
connected); service level (20 s, abandons negative) = answered within 20 s / (answered +
abandoned). Summaries: AHT weighted by answered, transfer rate over answered.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path
from typing import Any

from openpyxl import Workbook

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/data: export_kit
from export_kit import (  # noqa: E402
    Builders,
    dial_out,
    draw_call,
    handled,
    hms,
    log_truth,
    mmss,
    r4,
    save_xlsx,
    spread,
    weekdays,
)  # fmt: skip

OUT = Path(__file__).resolve().parent
BUILD = Builders(OUT)
builder, write_csv = BUILD, BUILD.write_csv
USERS = ["maya.lopez", "omar.haddad", "jin.park", "sara.novak", "luca.bianchi", "ada.okafor"]
QUEUES = ["Sales", "Support", "Billing"]
MAR = weekdays(dt.date(2026, 3, 2), dt.date(2026, 3, 13))  # US DST starts Sunday 8 March
APR = weekdays(dt.date(2026, 4, 6), dt.date(2026, 4, 17))
FEB = weekdays(dt.date(2026, 2, 9), dt.date(2026, 2, 20))


def email(u: str, domain: str = "northwind.io") -> str:
    return f"{u}@{domain}"


def name(u: str) -> str:
    return " ".join(p.capitalize() for p in u.split("."))


def phone(rng: random.Random) -> str:
    return f"+1 ({rng.randint(201, 989)}) {rng.randint(200, 999)}-{rng.randint(1000, 9999)}"


def e164(rng: random.Random) -> str:
    return f"+1{rng.randint(201, 989)}{rng.randint(200, 999)}{rng.randint(1000, 9999)}"


def mixed(rng: random.Random, days: list[dt.date], per_day: int, p_out: float,
          p_ab: float = 0.15, p_vm: float = 0.0, **kw: Any) -> list[dict[str, Any]]:  # fmt: skip
    """Inbound calls (draw_call) and outbound dials (dial_out) at spread start times."""
    out = []
    for t in spread(rng, days, per_day, **kw):
        c = dial_out(rng) if rng.random() < p_out else draw_call(rng, p_ab=p_ab, p_vm=p_vm)
        c["start"] = t
        out.append(c)
    return out


def words(sec: int) -> str:
    """CloudTalk's duration text: "1h 2m 3s", "4m 5s", "45s", "0s"."""
    h, m, s = sec // 3600, sec % 3600 // 60, sec % 60
    parts = [f"{h}h"] if h else []
    if h or m:
        parts.append(f"{m}m")
    parts.append(f"{s}s")
    return " ".join(parts)


def ampm(t: dt.datetime, secs: bool = True) -> str:
    return f"{t.hour % 12 or 12:02d}:{t:%M}{t.strftime(':%S') if secs else ''} " + (
        "AM" if t.hour < 12 else "PM"
    )


def cost(rng: random.Random, sec: int) -> str:
    return f"${0.0045 * max(1, -(-sec // 60)) + rng.choice([0, 0.001]):.4f}"


# --- 1. JustCall call logs: mm:ss durations past 60 minutes, dollar costs -----------------------


@builder
def build_justcall_call_logs() -> dict[str, Any]:
    # JustCall's "Call Logs" CSV: "Call Date" 2026-03-02 and "Call Time" 09:05:12 AM in the
    # account zone, agent name and e-mail, contact and JustCall numbers, "Call Direction"
    # Incoming / Outgoing, "Call Type" answered / missed / voicemail (inbound) and completed /
    # unanswered (outbound), "Ring Time (sec)" (the wait), "Call Duration" as mm:ss with
    # minutes past 60 on long calls ("72:05"), "Call Cost" "$0.0135", tags, a recording URL.
    # No hold or wrap-up: the handle time is the call duration.
    rng = random.Random(3001)
    recs = mixed(rng, MAR, 9, p_out=0.25, p_ab=0.14, p_vm=0.06)
    rows = []
    for i, c in enumerate(recs):
        c["hold"] = c["acw"] = 0
        if handled(c) and rng.random() < 0.08:
            c["talk"] = rng.randint(3600, 4800)  # a long onboarding call
        c["handle"] = c["talk"] if handled(c) else 0
        u = rng.choice(USERS) if handled(c) or not c["inbound"] else ""
        kind = {"answered": "answered", "abandoned": "missed", "voicemail": "voicemail",
                "connected": "completed", "no_answer": "unanswered"}[c["outcome"]]  # fmt: skip
        rows.append([
            40918230 + 17 * i, f"{c['start']:%Y-%m-%d}", ampm(c["start"]),
            name(u) if u else "", email(u) if u else "", rng.choice(["", "Acme Corp", "J. Doe"]),
            e164(rng), "+18885550142", "Incoming" if c["inbound"] else "Outgoing", kind,
            c["wait"] if c["inbound"] else 0, mmss(c["talk"]),
            cost(rng, c["talk"]) if c["talk"] else "$0.0000",
            rng.choice(["", "", "lead", "support;vip"]),
            f"https://recordings.justcall.io/{40918230 + 17 * i}.mp3" if c["talk"] else "",
        ])  # fmt: skip
    write_csv(
        "justcall_call_logs.csv",
        ["Call ID", "Call Date", "Call Time", "Agent Name", "Agent Email", "Contact Name",
         "Contact Number", "JustCall Number", "Call Direction", "Call Type", "Ring Time (sec)",
         "Call Duration", "Call Cost", "Tags", "Call Recording"],
        rows,
    )  # fmt: skip
    return log_truth(recs)


# --- 2. CloudTalk call history: "1h 2m 3s" durations, outbound "missed" ------------------------


@builder
def build_cloudtalk_call_history() -> dict[str, Any]:
    # CloudTalk's "Calls" history: "Date (UTC)" 2026-04-06 09:05:12, "Type" incoming /
    # outgoing, "Status" answered / missed (a missed outgoing call is a dial nobody picked up),
    # "Agent" e-mail, "Group" (queue), "Waiting time", "Talking time", "Wrap-up time" written
    # "1m 5s" / "45s" / "1h 2m 3s", "Cost" "$0.0135", "Tags", "Recording".
    rng = random.Random(3002)
    recs = mixed(rng, APR, 8, p_out=0.3, p_ab=0.16)
    rows = []
    for i, c in enumerate(recs):
        c["hold"] = 0
        c["handle"] = c["talk"] + c["acw"] if handled(c) else 0
        ok = handled(c)
        rows.append([
            1285003 + i, f"{c['start']:%Y-%m-%d %H:%M:%S}",
            "incoming" if c["inbound"] else "outgoing", "answered" if ok else "missed",
            email(rng.choice(USERS)) if ok or not c["inbound"] else "", e164(rng),
            rng.choice(QUEUES) if c["inbound"] else "", words(c["wait"]), words(c["talk"]),
            words(c["acw"]), cost(rng, c["talk"]) if c["talk"] else "$0.0000",
            rng.choice(["", "", "Upsell", "Complaint", "Upsell, VIP"]),
            f"https://my.cloudtalk.io/r/{1285003 + i}" if ok else "",
        ])  # fmt: skip
    write_csv(
        "cloudtalk_call_history.csv",
        ["ID", "Date (UTC)", "Type", "Status", "Agent", "External number", "Group",
         "Waiting time", "Talking time", "Wrap-up time", "Cost", "Tags", "Recording"],
        rows,
    )  # fmt: skip
    return log_truth(recs)


# --- 3. Kixie call history: a power dialer, hyphenated statuses ---------------------------------


@builder
def build_kixie_call_history() -> dict[str, Any]:
    # Kixie's call history: mostly outbound power-dialer calls. "Date (America/Los_Angeles)"
    # 03/02/2026, "Time" 9:05 AM, "Agent Email", "From Number", "To Number", "Direction"
    # outgoing / incoming, "Call Status" connected / no-answer / busy (outbound), answered /
    # missed / voicemail (inbound), "Duration (s)" (talk), "Cadence", "Tags". No wait, hold or
    # wrap-up: ASA and service level cannot come out of it.
    rng = random.Random(3003)
    recs = mixed(rng, MAR, 10, p_out=0.7, p_ab=0.2, p_vm=0.1)
    rows = []
    for c in recs:
        c["hold"] = c["acw"] = 0
        c["handle"] = c["talk"] if handled(c) else 0
        if c["inbound"]:
            status = {"answered": "answered", "abandoned": "missed",
                      "voicemail": "voicemail"}[c["outcome"]]  # fmt: skip
        else:
            status = "connected" if handled(c) else rng.choice(["no-answer", "no-answer", "busy"])
        u = rng.choice(USERS)
        t = c["start"]
        ours, theirs = "+14155550123", e164(rng)
        rows.append([
            f"{t:%m/%d/%Y}", f"{t.hour % 12 or 12}:{t:%M} {'AM' if t.hour < 12 else 'PM'}",
            email(u, "kixie-demo.com") if handled(c) or not c["inbound"] else "",
            theirs if c["inbound"] else ours, ours if c["inbound"] else theirs,
            "incoming" if c["inbound"] else "outgoing", status, c["talk"],
            "" if c["inbound"] else rng.choice(["New Lead 7-Touch", "Renewal Q1"]),
            rng.choice(["", "", "demo-booked", "callback"]),
        ])  # fmt: skip
    write_csv(
        "kixie_call_history.csv",
        ["Date (America/Los_Angeles)", "Time", "Agent Email", "From Number", "To Number",
         "Direction", "Call Status", "Duration (s)", "Cadence", "Tags"],
        rows,
    )  # fmt: skip
    t = log_truth(recs)
    t["minute_clock"] = True
    return t


# --- 4. GoTo Connect call history: one row per ring-group member ---------------------------------


@builder
def build_goto_connect_call_history() -> dict[str, Any]:
    # GoTo Connect's "Call History" report downloaded for a ring group: one row per member the
    # call rang. The member who picked up has "Answered" and the talk time; the others have
    # "Answered elsewhere" and 00:00:00, with the same "Call ID" and start (sometimes listed
    # first). A call nobody answered is one "Missed" row (the caller hung up) or "Voicemail".
    # "Date (America/Chicago)" "Mar 2, 2026 9:05:12 AM", "Wait Time" and "Duration" hh:mm:ss.
    rng = random.Random(3004)
    calls = []
    for t in spread(rng, MAR, 7):
        c = draw_call(rng, p_ab=0.15, p_vm=0.07)
        c["start"] = t
        c["hold"] = c["acw"] = 0
        c["handle"] = c["talk"] if c["outcome"] == "answered" else 0
        calls.append(c)
    rows = []
    for i, c in enumerate(calls):
        cid = (
            f"{rng.randint(10**7, 10**8 - 1):x}-{i:04d}-4c1e-9b2a-{rng.randint(10**11, 10**12 - 1)}"
        )
        t = c["start"]
        when = f"{t:%b} {t.day}, {t.year} {t.hour % 12 or 12}:{t:%M:%S} " + (
            "AM" if t.hour < 12 else "PM"
        )
        base = [cid, when, "Inbound", name(rng.choice(["ann.lee", "bo.chen", "cy.ortiz"])),
                phone(rng), "(312) 555-0180", "Support Ring Group"]  # fmt: skip
        res = {"answered": "Answered", "abandoned": "Missed", "voicemail": "Voicemail"}
        if c["outcome"] != "answered":
            rows.append([*base, "", res[c["outcome"]], hms(c["wait"]), "00:00:00"])
            continue
        members = rng.sample(USERS, rng.randint(1, 3))
        legs = [[*base, email(members[0]), "Answered", hms(c["wait"]), hms(c["talk"])]]
        legs += [[*base, email(u), "Answered elsewhere", hms(c["wait"]), "00:00:00"]
                 for u in members[1:]]  # fmt: skip
        rng.shuffle(legs)
        rows += legs
    write_csv(
        "goto_connect_call_history.csv",
        ["Call ID", "Date (America/Chicago)", "Direction", "Caller Name", "Caller Number",
         "Dialed Number", "Ring Group", "Participant", "Result", "Wait Time", "Duration"],
        rows,
    )  # fmt: skip
    t = log_truth(calls)
    t["rows"] = len(rows)
    t["calls"] = len(calls)
    return t


# --- 5. Zoho Voice call logs: XLSX with title lines, times without seconds ----------------------


@builder
def build_zoho_voice_call_logs() -> dict[str, Any]:
    # Zoho Voice's "Call Logs" export (XLSX): three title lines (report name, "Time Zone :
    # (GMT -5:0) Eastern Standard Time ( America/New_York )", the date range) and a blank line
    # above the table. "Start Time" "Feb 09, 2026 09:05 AM" (no seconds), "Call Direction"
    # Incoming / Outgoing, "Call Status" Answered / Missed / Voicemail (inbound), Answered /
    # No Answer / Busy (outbound), "User" e-mail, "Department", "Ring Duration" (the wait),
    # "Call Duration" and "Hold Duration" hh:mm:ss.
    rng = random.Random(3005)
    recs = mixed(rng, FEB, 8, p_out=0.25, p_ab=0.15, p_vm=0.08)
    wb = Workbook()
    ws = wb.active
    ws.title = "Call Logs"
    ws.append(["Call Logs"])
    ws.append(["Time Zone : (GMT -5:0) Eastern Standard Time ( America/New_York )"])
    ws.append(["Date Range : Feb 09, 2026 - Feb 20, 2026"])
    ws.append([])
    ws.append(["Call Direction", "Call Status", "User", "Department", "From Number",
               "To Number", "Start Time", "Ring Duration", "Call Duration", "Hold Duration",
               "Call Cost"])  # fmt: skip
    for c in recs:
        c["acw"] = 0
        c["handle"] = c["talk"] + c["hold"] if handled(c) else 0
        if c["inbound"]:
            st = {"answered": "Answered", "abandoned": "Missed",
                  "voicemail": "Voicemail"}[c["outcome"]]  # fmt: skip
        else:
            st = "Answered" if handled(c) else rng.choice(["No Answer", "No Answer", "Busy"])
        u = email(rng.choice(USERS), "acme.co") if handled(c) or not c["inbound"] else ""
        ours, theirs = "+12125550190", e164(rng)
        ws.append([
            "Incoming" if c["inbound"] else "Outgoing", st, u,
            rng.choice(QUEUES) if c["inbound"] else "Outbound Sales",
            theirs if c["inbound"] else ours, ours if c["inbound"] else theirs,
            f"{c['start']:%b %d, %Y} {ampm(c['start'], secs=False)}",
            hms(c["wait"] if c["inbound"] else rng.randint(3, 25)), hms(c["talk"]),
            hms(c["hold"]), "$0.00" if not c["talk"] else f"${c['talk'] * 0.0002:.3f}",
        ])  # fmt: skip
    save_xlsx(wb, OUT / "zoho_voice_call_logs.xlsx")
    return log_truth(recs)


# --- 6. Freshdesk Contact Center call metrics: "Call Duration" beside talk / hold / wrap ---------


@builder
def build_freshdesk_cc_call_metrics() -> dict[str, Any]:
    # Freshdesk Contact Center (ex Freshcaller) "Call metrics" export: "Created Time (UTC)"
    # "02 Mar 2026 09:05:12", "Direction" Incoming / Outgoing, "Call Status" Completed /
    # Abandoned / Voicemail / Missed (inbound: missed = rang agents, caller hung up; counted
    # abandoned) and Completed / No Answer / Busy (outbound), "Wait Time", "Talk Time",
    # "Hold Duration", "Wrap-up Time" hh:mm:ss, and "Call Duration": the whole call, queue time
    # included (wait + talk + hold), which is not the handle time.
    rng = random.Random(3006)
    recs = mixed(rng, MAR, 9, p_out=0.2, p_ab=0.16, p_vm=0.06)
    rows = []
    for i, c in enumerate(recs):
        ok = handled(c)
        if c["inbound"]:
            st = {"answered": "Completed", "voicemail": "Voicemail"}.get(
                c["outcome"], rng.choice(["Abandoned", "Missed"])
            )
        else:
            st = "Completed" if ok else rng.choice(["No Answer", "Busy"])
        u = rng.choice(USERS) if ok or not c["inbound"] else ""
        total = c["wait"] + c["talk"] + c["hold"] if c["inbound"] else c["talk"] + c["hold"]
        rows.append([
            f"{7730015 + 3 * i}", "Incoming" if c["inbound"] else "Outgoing", st,
            name(u) if u else "", email(u, "helpwise.com") if u else "",
            rng.choice(QUEUES) if c["inbound"] else "", phone(rng), "+1 (646) 555-0111",
            f"{c['start']:%d %b %Y %H:%M:%S}", hms(c["wait"]), hms(c["talk"]), hms(c["hold"]),
            hms(c["acw"]), hms(total), rng.choice(["Within", "Within", "Outside"]),
            cost(rng, total), rng.choice(["", "", "refund", "onboarding"]),
        ])  # fmt: skip
    write_csv(
        "freshdesk_cc_call_metrics.csv",
        ["Call ID", "Direction", "Call Status", "Agent Name", "Agent Email", "Call Queue",
         "Customer Number", "Business Number", "Created Time (UTC)", "Wait Time", "Talk Time",
         "Hold Duration", "Wrap-up Time", "Call Duration", "Business Hours", "Cost", "Tags"],
        rows,
    )  # fmt: skip
    return log_truth(recs)


# --- 7. Vonage Business call logs: "Start Time (UTC)" for a New York team ------------------------

NY_UTC_HOURS = {False: 5, True: 4}  # EST / EDT offsets


def ny_dst(d: dt.date) -> bool:
    return d >= dt.date(2026, 3, 8)


@builder
def build_vonage_vbc_call_logs() -> dict[str, Any]:
    # Vonage Business Communications "Call Logs" report: the team in New York works 10:00-20:00
    # local, the export writes "Start Time (UTC)" with no offset in the values
    # (2026-03-03 00:35:12 is 19:35 the day before in New York). "Direction" Inbound /
    # Outbound, "Result" Answered / Missed / Voicemail / Busy (outbound busy and no answer),
    # "Duration" H:MM:SS when an hour or more, else M:SS; "Queue Time (sec)".
    rng = random.Random(3007)
    recs = mixed(rng, MAR, 8, p_out=0.2, p_ab=0.15, p_vm=0.06, h0=10, h1=20)
    rows = []
    for c in recs:
        c["hold"] = c["acw"] = 0
        if handled(c) and rng.random() < 0.06:
            c["talk"] = rng.randint(3600, 4500)
        c["handle"] = c["talk"] if handled(c) else 0
        utc = c["start"] + dt.timedelta(hours=NY_UTC_HOURS[ny_dst(c["start"].date())])
        if c["inbound"]:
            res = {"answered": "Answered", "abandoned": "Missed",
                   "voicemail": "Voicemail"}[c["outcome"]]  # fmt: skip
        else:
            res = "Answered" if handled(c) else rng.choice(["No Answer", "Busy"])
        s = c["talk"]
        dur = hms(s, pad=False) if s >= 3600 else f"{s // 60}:{s % 60:02d}"
        u = rng.choice(USERS) if handled(c) or not c["inbound"] else ""
        rows.append([
            f"{utc:%Y-%m-%d %H:%M:%S}", "Inbound" if c["inbound"] else "Outbound",
            e164(rng) if c["inbound"] else "12125550177",
            "12125550177" if c["inbound"] else e164(rng), name(u) if u else "",
            f"{rng.randint(101, 130)}" if u else "", res, c["wait"] if c["inbound"] else 0,
            dur,
        ])  # fmt: skip
    write_csv(
        "vonage_vbc_call_logs.csv",
        ["Start Time (UTC)", "Direction", "From", "To", "User", "Extension", "Result",
         "Queue Time (sec)", "Duration"],
        rows,
    )  # fmt: skip
    t = log_truth(recs)
    t["utc_first_day"] = min(r["start"] + dt.timedelta(hours=5) for r in recs).date().isoformat()
    t["utc_last_day"] = (
        max(r["start"] + dt.timedelta(hours=NY_UTC_HOURS[ny_dst(r["start"].date())]) for r in recs)
        .date()
        .isoformat()
    )
    t["after_19_local"] = sum(r["start"].hour >= 19 for r in recs)
    return t


# --- 8. Ooma Office call logs: "EST" / "EDT" after the time, across the DST change ---------------


@builder
def build_ooma_office_call_logs() -> dict[str, Any]:
    # Ooma Office Manager's call log download: "Date" 03/02/2026, "Time" "9:05 AM EST" (then
    # "EDT" from 9 March), "From", "To", "Extension", "Direction" Incoming / Outgoing,
    # "Result" Answered / Missed / Voicemail / No Answer, "Duration" m:ss. Talk only.
    rng = random.Random(3008)
    recs = mixed(rng, MAR, 8, p_out=0.2, p_ab=0.15, p_vm=0.08)
    rows = []
    for c in recs:
        c["hold"] = c["acw"] = 0
        c["handle"] = c["talk"] if handled(c) else 0
        t = c["start"]
        zone = "EDT" if ny_dst(t.date()) else "EST"
        if c["inbound"]:
            res = {"answered": "Answered", "abandoned": "Missed",
                   "voicemail": "Voicemail"}[c["outcome"]]  # fmt: skip
        else:
            res = "Answered" if handled(c) else "No Answer"
        ext = rng.choice(["101 - Front Desk", "102 - Maya", "103 - Omar", "104 - Jin"])
        rows.append([
            f"{t:%m/%d/%Y}", f"{t.hour % 12 or 12}:{t:%M:%S} {'AM' if t.hour < 12 else 'PM'} {zone}",
            phone(rng) if c["inbound"] else "(718) 555-0143",
            "(718) 555-0143" if c["inbound"] else phone(rng),
            ext if handled(c) or not c["inbound"] else "", "Incoming" if c["inbound"] else "Outgoing",
            res, f"{c['talk'] // 60}:{c['talk'] % 60:02d}",
        ])  # fmt: skip
    write_csv(
        "ooma_office_call_logs.csv",
        ["Date", "Time", "From", "To", "Extension", "Direction", "Result", "Duration"],
        rows,
    )  # fmt: skip
    return log_truth(recs)


# --- 9. Genesys Cloud agent performance summary by 30-minute interval ----------------------------


@builder
def build_genesys_agent_performance_interval() -> dict[str, Any]:
    # Genesys Cloud "Agent Performance Summary" exported by interval (30 minutes): one row per
    # agent and interval with "Interval Start" / "Interval End" "3/2/26 8:00 AM", "Offer",
    # "Answer", "Missed" (alerts the agent let ring out: the call went on to another agent, no
    # abandon), "Answer %", "Transfer", averages "Avg Talk", "Avg Hold", "Avg ACW",
    # "Avg Handle" hh:mm:ss. No queue abandons: abandonment and ASA are not in it.
    rng = random.Random(3009)
    rows_out, recs = [], []
    for d in weekdays(dt.date(2026, 4, 6), dt.date(2026, 4, 10)):
        for slot in range(16):  # 08:00-16:00
            start = dt.datetime.combine(d, dt.time(8)) + dt.timedelta(minutes=30 * slot)
            for u in USERS[:4]:
                if rng.random() < 0.25:
                    continue
                answered = rng.randint(1, 6)
                missed = rng.choice([0, 0, 0, 1])
                talk, hold, acw = rng.randint(150, 480), rng.randint(0, 45), rng.randint(15, 80)
                transfer = rng.choice([0, 0, 0, 1]) if answered > 1 else 0
                recs.append({"day": start, "answered": answered, "talk": talk, "hold": hold,
                             "acw": acw, "transferred": transfer, "offer": answered + missed})  # fmt: skip
                end = start + dt.timedelta(minutes=30)
                rows_out.append([
                    f"{start.month}/{start.day}/{start:%y} {ampm(start, secs=False).lstrip('0')}",
                    f"{end.month}/{end.day}/{end:%y} {ampm(end, secs=False).lstrip('0')}",
                    name(u), email(u, "contoso.com"), "Home", answered + missed, answered, missed,
                    f"{100 * answered / (answered + missed):.2f}%", transfer, hms(talk),
                    hms(hold), hms(acw), hms(talk + hold + acw),
                ])  # fmt: skip
    write_csv(
        "genesys_agent_performance_interval.csv",
        ["Interval Start", "Interval End", "Agent Name", "Agent Email", "Division", "Offer",
         "Answer", "Missed", "Answer %", "Transfer", "Avg Talk", "Avg Hold", "Avg ACW",
         "Avg Handle"],
        rows_out,
    )  # fmt: skip
    ans = sum(r["answered"] for r in recs)
    return {
        "rows": len(recs),
        "answered": ans,
        "offer": sum(r["offer"] for r in recs),
        "aht": r4(sum((r["talk"] + r["hold"] + r["acw"]) * r["answered"] for r in recs) / ans),
        "talk_time": r4(sum(r["talk"] * r["answered"] for r in recs) / ans),
        "transfer_rate": r4(sum(r["transferred"] for r in recs) / ans),
        "first_day": min(r["day"] for r in recs).date().isoformat(),
        "last_day": max(r["day"] for r in recs).date().isoformat(),
    }


if __name__ == "__main__":
    BUILD.main()

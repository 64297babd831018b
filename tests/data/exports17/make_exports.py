"""Regenerate the seventeenth blind acceptance corpus (tests/test_real_exports_17.py).

    .venv/bin/python tests/data/exports17/make_exports.py             # write the files
    .venv/bin/python tests/data/exports17/make_exports.py --expected  # also print the truth

Round 17 is about PLATFORMS AND EXPORT TYPES not covered by rounds 1-16: a UC phone system's
call detail records (Cisco Webex Calling, not Webex Contact Center), Zoom Phone call logs (not
Zoom Contact Center), the Microsoft Teams PSTN usage report, Twilio Programmable Voice call
logs (parent calls and their dialled child legs), HubSpot call activities (sales dialling
outcomes), the Salesforce Omni-Channel "Agent Work" report (one row per routing attempt), a
LiveChat archive export (chat), and three help desks: Freshservice (ITSM), Zammad (its Excel
report) and osTicket (a ticket list with no response or resolution times at all).

Each builder draws rows with its own seeded ``random.Random``, writes them the way the product's
export looks, and returns the KPIs computed in plain Python over the drawn records -- never with
KPI Lab code.

Conventions (the registry's documented defaults, as rounds 1-16):

* contact logs: contacts = rows (a child leg of a call, a re-routing attempt of the same work
  item is no new contact); abandonment = abandoned / queued (answered + abandoned + voicemail;
  outbound, blocked and never-queued contacts are not queued); ASA = mean wait of answered
  queued contacts; AHT = mean talk + hold + ACW of handled contacts (inbound answered, outbound
  connected to a person); service level (20 s, abandons negative) = answered within 20 s /
  (answered + abandoned); blocked rate = blocked / (queued + blocked); a phone system's ringing
  is its queue (an inbound call nobody picked up is abandoned, as round 4's 3CX "Unanswered");
* tickets (as round 9): FRT = mean seconds to the first agent reply; resolution time = mean
  seconds from creation to *resolved* (calendar time: business-hours minutes and a close after
  the resolve are distractors); SLA compliance with the default targets (urgent 1/4 h, high
  4/24 h, normal 8/72 h, low 24/120 h; no priority = normal): within / (tickets with the time
  + open tickets older than their target at the data's end = the latest creation or solved
  time); backlog over the whole file = open tickets + tickets solved after the last creation
  day (closed-status tickets with no solved time left out);
* CSAT: a good / bad rating is 5 / 1 (Zendesk's documented reading); top-2 box = share good.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import random
import statistics
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/data: export_kit
from export_kit import (  # noqa: E402
    Builders,
    draw_call,
    guid,
    hms,
    log_truth,
    mean,
    r4,
    save_xlsx,
    spread,
    weekdays,
)  # fmt: skip

OUT = Path(__file__).resolve().parent
BUILD = Builders(OUT)
builder, write_csv = BUILD, BUILD.write_csv
NOV = weekdays(dt.date(2024, 11, 4), dt.date(2024, 11, 15))  # days 13+ disambiguate d/m
AGENTS = ["Maya Lopez", "Omar Haddad", "Jin Park", "Sara Novak", "Luca Bianchi", "Ada Okafor"]
H = 3600
RSP_H = {"urgent": 1, "high": 4, "normal": 8, "low": 24}
RES_H = {"urgent": 4, "high": 24, "normal": 72, "low": 120}


def phone(rng: random.Random) -> str:
    return f"+1{rng.randint(2002000000, 9899999999)}"


def outbound(rng: random.Random, p_no: float = 0.25) -> dict[str, Any]:
    """An outbound dial: connected (talk) or not picked up (ring only)."""
    ring = rng.randint(4, 35)
    if rng.random() < p_no:
        return {"outcome": "no_answer", "wait": 0, "talk": 0, "hold": 0, "acw": 0, "handle": 0,
                "inbound": False, "ring": ring}  # fmt: skip
    talk = rng.randint(30, 900)
    return {"outcome": "connected", "wait": 0, "talk": talk, "hold": 0, "acw": 0,
            "handle": talk, "inbound": False, "ring": ring}  # fmt: skip


def talk_only(c: dict[str, Any]) -> dict[str, Any]:
    c["hold"] = c["acw"] = 0
    c["handle"] = c["talk"] if c["outcome"] == "answered" else 0
    return c


def iso_ms(t: dt.datetime, ms: int) -> str:
    return f"{t:%Y-%m-%dT%H:%M:%S}.{ms:03d}Z"


# --- 1. Cisco Webex Calling: Control Hub "Detailed Call History" (CDR) --------------------------


@builder
def build_webex_calling_cdr() -> dict[str, Any]:
    # Control Hub > Analytics > Calling > Detailed Call History CSV (Webex Calling, the cloud
    # PBX -- no queue, no agent states): "Start time" / "Answer time" / "Release time" ISO UTC
    # with milliseconds; "Duration" (seconds connected) and "Ring duration" (seconds); "Answered"
    # true / false, "Answer indicator" Yes / No; "Direction" ORIGINATING (the user dialled out) /
    # TERMINATING (a call to the user); "Call type" SIP_INBOUND for PSTN calls in,
    # SIP_NATIONAL / SIP_MOBILE out; "Call outcome" Success / "Call outcome reason" Normal even
    # when nobody answered (the caller hung up while it rang): only Answered says so.
    rng = random.Random(1701)
    recs, rows = [], []
    for t in spread(rng, NOV, 8):
        c = outbound(rng) if rng.random() < 0.22 else talk_only(draw_call(rng, p_ab=0.16))
        if c["inbound"]:
            c["wait"] = min(c["wait"], 75)  # phones ring out after 75 s (then the call drops)
            ring = c["wait"]
        else:
            ring = c["ring"]
        c["start"] = t
        recs.append(c)
        ok = c["outcome"] in ("answered", "connected")
        ms = rng.randint(0, 999)
        user = rng.choice(AGENTS)
        ans_t = t + dt.timedelta(seconds=ring)
        rel_t = ans_t + dt.timedelta(seconds=c["talk"]) if ok else ans_t
        ext = phone(rng)
        did = f"+1312555{rng.randint(1000, 1099)}"
        rows.append([
            iso_ms(t, ms), iso_ms(ans_t, ms) if ok else "", iso_ms(rel_t, ms), c["talk"], ring,
            str(ok).lower(), "Yes" if ok else "No",
            "TERMINATING" if c["inbound"] else "ORIGINATING",
            "SIP_INBOUND" if c["inbound"] else rng.choice(["SIP_NATIONAL", "SIP_MOBILE"]),
            ext if c["inbound"] else did, did if c["inbound"] else ext, user, "User",
            "Chicago HQ", "Success", "Normal",
            rng.choice(["Local", "Remote"]) if ok else "Remote", guid(rng), guid(rng),
        ])  # fmt: skip
    write_csv(
        "webex_calling_cdr.csv",
        ["Start time", "Answer time", "Release time", "Duration", "Ring duration", "Answered",
         "Answer indicator", "Direction", "Call type", "Calling number", "Called number", "User",
         "User type", "Location", "Call outcome", "Call outcome reason", "Releasing party",
         "Correlation ID", "Local call ID"],
        rows,
    )  # fmt: skip
    t = log_truth(recs)
    t["outbound"] = sum(not r["inbound"] for r in recs)
    return t


# --- 2. Zoom Phone call logs: the outcome only in "Result" ----------------------------------------


def us_12h(t: dt.datetime) -> str:
    return f"{t:%m/%d/%Y} {t.hour % 12 or 12:02d}:{t:%M:%S} {t:%p}"


@builder
def build_zoom_phone_call_logs() -> dict[str, Any]:
    # Zoom Phone admin portal > Call Logs > Export: "Direction" Inbound / Outbound, caller and
    # callee columns, "Date & Time" "11/04/2024 08:05:12 AM", "Path" (Call Queue / Extension /
    # PSTN), "Duration" hh:mm:ss (the voicemail's length on a Voicemail row), "Result": inbound
    # Call connected / Call Cancel (the caller hung up while the queue rang: abandoned) /
    # Voicemail / Blocked (a blocked number: never queued); outbound Call connected / No Answer /
    # Busy (not an inbound contact: no abandon). No wait column: no ASA, no service level.
    rng = random.Random(1702)
    recs, rows = [], []
    for t in spread(rng, NOV, 9):
        u = rng.random()
        if u < 0.25:
            c = outbound(rng, p_no=0.3)
            if c["outcome"] == "no_answer" and rng.random() < 0.3:
                c["outcome"] = "busy"
        elif u < 0.29:
            c = {"outcome": "blocked", "wait": 0, "talk": 0, "hold": 0, "acw": 0, "handle": 0,
                 "inbound": True}  # fmt: skip
        else:
            c = talk_only(draw_call(rng, p_ab=0.15, p_vm=0.07))
        c["start"] = t
        recs.append(c)
        result = {"answered": "Call connected", "connected": "Call connected",
                  "abandoned": "Call Cancel", "voicemail": "Voicemail", "blocked": "Blocked",
                  "no_answer": "No Answer", "busy": "Busy"}[c["outcome"]]  # fmt: skip
        shown = rng.randint(15, 95) if c["outcome"] == "voicemail" else c["talk"]
        c["shown"] = shown
        agent, cust = rng.choice(AGENTS), phone(rng)
        if c["inbound"]:
            callee = "Support Queue" if c["outcome"] != "answered" else agent
            row = ["Inbound", "", cust, "PSTN", callee, "+13125550100", "Call Queue"]
            path = "Call Queue" if c["outcome"] != "blocked" else "Blocked"
        else:
            row = ["Outbound", agent, "+13125550100", "Extension", "", cust, "PSTN"]
            path = "PSTN"
        rows.append([*row[:6], us_12h(t), "Chicago", path, hms(shown), result])
    write_csv(
        "zoom_phone_call_logs.csv",
        ["Direction", "Caller Name", "Caller Number", "Caller Number Type", "Callee Name",
         "Callee Number", "Date & Time", "Site", "Path", "Duration", "Result"],
        rows,
    )  # fmt: skip
    handled = [r for r in recs if r["outcome"] in ("answered", "connected")]
    queued = [r for r in recs if r["outcome"] in ("answered", "abandoned", "voicemail")]
    blocked = sum(r["outcome"] == "blocked" for r in recs)
    return {
        "rows": len(recs), "contacts": len(recs),
        "abandonment_rate": r4(sum(r["outcome"] == "abandoned" for r in queued) / len(queued)),
        "aht": r4(mean([r["talk"] for r in handled])),
        "blocked_rate": r4(blocked / (len(queued) + blocked)),
        "first_day": NOV[0].isoformat(), "last_day": NOV[-1].isoformat(),
        "voicemail": sum(r["outcome"] == "voicemail" for r in recs),
        "aht_if_voicemail_counted": r4(mean([r["shown"] for r in handled] + [
            r["shown"] for r in recs if r["outcome"] == "voicemail"])),
    }  # fmt: skip


# --- 3. Microsoft Teams PSTN usage report (Calling Plan) ------------------------------------------


@builder
def build_teams_pstn_usage() -> dict[str, Any]:
    # Teams admin center > Analytics & reports > PSTN and SMS (preview) usage > Export: one row
    # per CONNECTED PSTN call (unanswered calls are not in it); "Call Type" user_in / user_out;
    # "Start Time" / "End Time" ISO UTC; "Duration Seconds"; "Connection Fee" and "Charge" in
    # the "Currency" (money, not durations). No outcome, no wait: abandonment, ASA and service
    # level cannot be known; AHT = mean Duration Seconds (talk only).
    rng = random.Random(1703)
    recs, rows = [], []
    for t in spread(rng, NOV, 7):
        inbound = rng.random() < 0.6
        talk = rng.randint(20, 1500)
        recs.append({"start": t, "talk": talk, "inbound": inbound})
        user = rng.choice(AGENTS)
        upn = user.lower().replace(" ", ".") + "@contoso.com"
        num = phone(rng)
        end = t + dt.timedelta(seconds=talk)
        charge = 0.0 if inbound else round(talk / 60 * 0.021, 4)
        rows.append([
            guid(rng), guid(rng), "", "US", guid(rng), upn, user,
            num if inbound else "+13125550100", "user_in" if inbound else "user_out",
            "user" if inbound else "geographic", "Domestic", "United States",
            "+13125550100" if inbound else num, f"{t:%Y-%m-%dT%H:%M:%S}Z",
            f"{end:%Y-%m-%dT%H:%M:%S}Z", talk, "0", f"{charge:.4f}", "USD",
            "MCOPSTNU" if not inbound else "MCOEV",
        ])  # fmt: skip
    write_csv(
        "teams_pstn_usage.csv",
        ["UsageId", "Call ID", "Conference ID", "User Location", "AAD ObjectId", "UPN",
         "User Display Name", "Caller ID", "Call Type", "Number Type", "Domestic/International",
         "Destination Dialed", "Destination Number", "Start Time", "End Time", "Duration Seconds",
         "Connection Fee", "Charge", "Currency", "Capability"],
        rows,
    )  # fmt: skip
    return {
        "rows": len(recs), "contacts": len(recs), "aht": r4(mean([r["talk"] for r in recs])),
        "inbound": sum(r["inbound"] for r in recs),
        "first_day": NOV[0].isoformat(), "last_day": NOV[-1].isoformat(),
    }  # fmt: skip


# --- 4. Twilio Programmable Voice call log: parent calls and dialled child legs -------------------


@builder
def build_twilio_voice_calls() -> dict[str, Any]:
    # Console > Monitor > Call logs > Export CSV: "Call Sid" (CA + 32 hex), "Parent Call Sid"
    # (set on the legs a <Dial> created), "Direction" inbound / outbound-dial (a child leg:
    # the inbound call dialled to an agent's phone) / outbound-api (a call the app placed),
    # "Status" completed / no-answer / busy / canceled, "Start Time" / "End Time" RFC 2822
    # ("Mon, 04 Nov 2024 08:05:12 +0000"), "Duration" seconds. An inbound call that rang two
    # agents has two child legs: contacts = parents (inbound + outbound-api), not rows.
    rng = random.Random(1704)
    rows, parents, legs = [], 0, 0

    def sid() -> str:
        return "CA" + "".join(rng.choice("0123456789abcdef") for _ in range(32))

    def stamp(t: dt.datetime) -> str:
        return email.utils.format_datetime(t.replace(tzinfo=dt.UTC)).replace("-0000", "+0000")

    for t in spread(rng, NOV, 6):
        parents += 1
        me = sid()
        if rng.random() < 0.2:
            c = outbound(rng)
            status = "completed" if c["outcome"] == "connected" else "no-answer"
            dur = c["talk"]
            rows.append([me, "", "outbound-api", status, stamp(t),
                         stamp(t + dt.timedelta(seconds=c["ring"] + dur)), dur,
                         "+13125550100", phone(rng)])  # fmt: skip
            continue
        cust = phone(rng)
        n_legs = rng.choice([1, 1, 1, 2])
        at = t + dt.timedelta(seconds=rng.randint(5, 25))  # the IVR before the <Dial>
        kids = []
        for k in range(n_legs):
            last = k == n_legs - 1
            ok = last and rng.random() < 0.85
            ring = rng.randint(5, 25)
            talk = rng.randint(40, 900) if ok else 0
            kids.append([sid(), me, "outbound-dial", "completed" if ok else "no-answer",
                         stamp(at), stamp(at + dt.timedelta(seconds=ring + talk)), talk,
                         cust, f"+1773555{rng.randint(1000, 1099)}"])  # fmt: skip
            at += dt.timedelta(seconds=ring + talk)
        legs += len(kids)
        rows.append([me, "", "inbound", "completed", stamp(t), stamp(at),
                     int((at - t).total_seconds()), cust, "+13125550100"])  # fmt: skip
        rows += kids
    write_csv(
        "twilio_voice_calls.csv",
        ["Call Sid", "Parent Call Sid", "Direction", "Status", "Start Time", "End Time",
         "Duration", "From", "To"],
        rows,
    )  # fmt: skip
    return {"rows": len(rows), "contacts": parents, "child_legs": legs,
            "first_day": NOV[0].isoformat(), "last_day": NOV[-1].isoformat()}  # fmt: skip


# --- 5. HubSpot call activities: sales dialling outcomes, duration in milliseconds ----------------


@builder
def build_hubspot_calls() -> dict[str, Any]:
    # CRM > Calls (activities) > Export: "Record ID", "Activity date" "2024-11-04 08:05",
    # "Call Title", "Call direction" Outbound, "Call outcome" Connected / No answer / Busy /
    # Left voicemail, "Call duration" -- the hs_call_duration property: MILLISECONDS, no unit in
    # the header --, "Activity assigned to", "Call status" Completed. Outbound only: no queue,
    # so no abandonment, ASA or service level; AHT = mean duration of Connected calls (a
    # voicemail left or a busy line is no conversation).
    rng = random.Random(1705)
    recs, rows = [], []
    for i, t in enumerate(spread(rng, NOV, 8, 9, 17)):
        t = t.replace(second=0)
        out = rng.choices(["Connected", "No answer", "Busy", "Left voicemail"], [5, 3, 1, 2])[0]
        sec = {"Connected": rng.randint(45, 1200), "No answer": rng.randint(15, 35),
               "Busy": rng.randint(2, 8), "Left voicemail": rng.randint(25, 75)}[out]  # fmt: skip
        ms = sec * 1000 + rng.randint(0, 999)
        recs.append({"start": t, "outcome": out, "ms": ms})
        rows.append([
            41003000000 + 17 * i, f"{t:%Y-%m-%d %H:%M}",
            f"Call with {rng.choice(['Acme Corp', 'Globex', 'Initech', 'Umbrella'])}",
            "Outbound", out, ms, rng.choice(AGENTS), "Completed",
        ])  # fmt: skip
    write_csv(
        "hubspot_calls.csv",
        ["Record ID", "Activity date", "Call Title", "Call direction", "Call outcome",
         "Call duration", "Activity assigned to", "Call status"],
        rows,
    )  # fmt: skip
    conn = [r["ms"] / 1000 for r in recs if r["outcome"] == "Connected"]
    return {"rows": len(recs), "contacts": len(recs), "aht": r4(mean(conn)),
            "connected": len(conn), "first_day": NOV[0].isoformat(),
            "last_day": NOV[-1].isoformat()}  # fmt: skip


# --- 6. Salesforce Omni-Channel "Agent Work" report: one row per routing attempt ------------------


def sf_when(t: dt.datetime) -> str:
    return f"{t.month}/{t.day}/{t.year}, {t.hour % 12 or 12}:{t:%M} {t:%p}"


@builder
def build_salesforce_agent_work() -> dict[str, Any]:
    # Reports > "Agent Work" (Omni-Channel) > Export > Details Only, CSV: "Agent Work: Name"
    # (00000123), "Work Item" (the case number / messaging session name routed), "Service
    # Channel" Case / Messaging, "Original Queue", "User: Full Name", "Status" Closed (accepted
    # and finished) / Declined (the agent declined the push: Omni routes it again, a new Agent
    # Work row for the same work item) / Declined On Push Timeout, "Request Date/Time",
    # "Assign Date/Time", "Accept Date/Time", "Close Date/Time" "11/4/2024, 8:05 AM" (minutes
    # only), "Speed to Answer", "Active Time", "Handle Time" in SECONDS, "Decline Reason".
    # Contacts = work items (not rows); ASA = Speed to Answer and AHT = Handle Time of the
    # accepted rows (one per work item). Canceled is left out: whether the customer gave up or
    # the case was closed elsewhere is not in the file.
    rng = random.Random(1706)
    rows, items = [], []
    aw = 4100
    for i, t in enumerate(spread(rng, NOV, 7)):
        t = t.replace(second=0)
        chan = rng.choice(["Case", "Messaging", "Messaging"])
        item = f"{51230 + 3 * i:08d}" if chan == "Case" else f"MS-{1880 + 2 * i:07d}"
        queue = rng.choice(["Tier 1 Support", "Billing"])
        n_dec = rng.choices([0, 1, 2], [8, 3, 1])[0]
        at = t + dt.timedelta(seconds=rng.randint(2, 40))
        for _k in range(n_dec):
            aw += 1
            to = rng.random() < 0.5
            rows.append([f"{aw:08d}", item, chan, queue, rng.choice(AGENTS),
                         "Declined On Push Timeout" if to else "Declined", sf_when(t),
                         sf_when(at), "", "", "", "", "", "" if to else "Busy with another "
                         "customer"])  # fmt: skip
            at += dt.timedelta(seconds=rng.randint(20, 90))
        speed = int((at - t).total_seconds()) + rng.randint(3, 25)
        acc = t + dt.timedelta(seconds=speed)
        handle = rng.randint(180, 1500) if chan == "Case" else rng.randint(240, 2400)
        active = round(handle * rng.uniform(0.55, 1.0))
        aw += 1
        rows.append([f"{aw:08d}", item, chan, queue, rng.choice(AGENTS), "Closed", sf_when(t),
                     sf_when(at), sf_when(acc), sf_when(acc + dt.timedelta(seconds=handle)),
                     speed, active, handle, ""])  # fmt: skip
        items.append({"start": t, "speed": speed, "handle": handle, "declines": n_dec})
    write_csv(
        "salesforce_agent_work.csv",
        ["Agent Work: Name", "Work Item", "Service Channel", "Original Queue", "User: Full Name",
         "Status", "Request Date/Time", "Assign Date/Time", "Accept Date/Time",
         "Close Date/Time", "Speed to Answer", "Active Time", "Handle Time", "Decline Reason"],
        rows,
    )  # fmt: skip
    return {
        "rows": len(rows), "contacts": len(items),
        "asa": r4(mean([r["speed"] for r in items])),
        "aht": r4(mean([r["handle"] for r in items])),
        "declined_rows": len(rows) - len(items),
        "first_day": NOV[0].isoformat(), "last_day": NOV[-1].isoformat(),
    }  # fmt: skip


# --- 7. LiveChat archive export: chats, good / bad ratings ----------------------------------------


@builder
def build_livechat_archives() -> dict[str, Any]:
    # LiveChat Archives > Export to CSV: lowercase headers, "chat id" (Q + 9 alphanumerics),
    # "chat start date" / "chat end date" "2024-11-04 08:05:12", "queue duration (in seconds)"
    # (0 when an agent was free), "first response time (in seconds)", "chat duration (in
    # seconds)", "chat rating" rated good / rated bad / not rated, "operator 1 nick", "group
    # name", "chat tags", "visitor name". A chat whose visitor left the queue has no operator
    # and no first response: abandoned. CSAT: good / bad = 5 / 1; FRT over answered chats.
    rng = random.Random(1707)
    recs, rows = [], []
    for t in spread(rng, NOV, 9):
        queued = rng.random() < 0.35
        wait = rng.randint(10, 420) if queued else 0
        left = queued and rng.random() < 0.3
        if left:
            frt = dur = None
            rating = "not rated"
            end = t + dt.timedelta(seconds=wait)
        else:
            frt = wait + rng.randint(4, 90)
            dur = frt + rng.randint(60, 1500)
            rating = rng.choice(["not rated", "not rated", "not rated", "rated good",
                                 "rated good", "rated bad"])  # fmt: skip
            end = t + dt.timedelta(seconds=dur)
        recs.append({"start": t, "wait": wait, "left": left, "frt": frt, "rating": rating})
        cid = "Q" + "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(9))
        rows.append([
            cid, f"{t:%Y-%m-%d %H:%M:%S}", f"{end:%Y-%m-%d %H:%M:%S}", wait,
            "" if frt is None else frt, "" if dur is None else dur, rating,
            "" if left else rng.choice(["maya", "omar", "jin", "sara"]),
            rng.choice(["General", "Sales"]),
            rng.choice(["", "billing", "shipping", "billing,refund"]) if not left else "",
            rng.choice(["Client", "Anna K.", "Tom", "Client"]),
        ])  # fmt: skip
    write_csv(
        "livechat_archives.csv",
        ["chat id", "chat start date", "chat end date", "queue duration (in seconds)",
         "first response time (in seconds)", "chat duration (in seconds)", "chat rating",
         "operator 1 nick", "group name", "chat tags", "visitor name"],
        rows,
    )  # fmt: skip
    ans = [r for r in recs if not r["left"]]
    rated = [5 if r["rating"] == "rated good" else 1 for r in recs if r["rating"] != "not rated"]
    return {
        "rows": len(recs), "contacts": len(recs),
        "abandonment_rate": r4(sum(r["left"] for r in recs) / len(recs)),
        "asa": r4(mean([r["wait"] for r in ans])),
        "service_level": r4(sum(r["wait"] <= 20 for r in ans) / len(recs)),
        "frt": r4(mean([r["frt"] for r in ans])),
        "csat": r4(mean(rated)), "csat_top2": r4(sum(x == 5 for x in rated) / len(rated)),
        "first_day": NOV[0].isoformat(), "last_day": NOV[-1].isoformat(),
    }  # fmt: skip


# --- tickets ---------------------------------------------------------------------------------------


def q_up(x: float, q: int) -> int:
    return int(q * -(-x // q))


def draw_ticket(rng: random.Random, t: dt.datetime, q: int, prios: list[str]) -> dict[str, Any]:
    """created, canonical priority, frt / res seconds (None when not replied / not solved)."""
    prio = rng.choices(prios, [1, 3, 5, 2][-len(prios) :])[0]
    replied = rng.random() < 0.88
    frt = q_up(rng.choice([rng.uniform(60, H), rng.uniform(1800, 6 * H),
                           rng.uniform(4 * H, 30 * H)]), q) if replied else None  # fmt: skip
    solved = replied and rng.random() < 0.7
    extra = rng.choice([rng.uniform(600, 6 * H), rng.uniform(6 * H, 48 * H),
                        rng.uniform(40 * H, 150 * H)])  # fmt: skip
    res = q_up(frt + extra, q) if solved and frt is not None else None
    return {"created": t, "prio": prio, "frt": frt, "res": res, "closed": False}


def ticket_truth(recs: list[dict[str, Any]]) -> dict[str, Any]:
    """The ticket KPIs of the module docstring (round 9's definitions)."""
    created = [r["created"] for r in recs]
    solved_at = [r["created"] + dt.timedelta(seconds=r["res"]) for r in recs
                 if r["res"] is not None]  # fmt: skip
    end = max(created + solved_at)
    last_day = max(created).date()
    frts = [r["frt"] for r in recs if r["frt"] is not None]
    ress = [r["res"] for r in recs if r["res"] is not None]

    def is_open(r: dict[str, Any]) -> bool:
        return r["res"] is None and not r["closed"]

    def age(r: dict[str, Any]) -> float:
        return (end - r["created"]).total_seconds()

    rsp_den = [
        r for r in recs if r["frt"] is not None or (is_open(r) and age(r) > RSP_H[r["prio"]] * H)
    ]
    rsp_num = [r for r in rsp_den if r["frt"] is not None and r["frt"] <= RSP_H[r["prio"]] * H]
    res_den = [
        r for r in recs if r["res"] is not None or (is_open(r) and age(r) > RES_H[r["prio"]] * H)
    ]
    res_num = [r for r in res_den if r["res"] is not None and r["res"] <= RES_H[r["prio"]] * H]
    late = [r for r in recs if r["res"] is not None
            and (r["created"] + dt.timedelta(seconds=r["res"])).date() > last_day]  # fmt: skip
    return {
        "rows": len(recs), "contacts": len(recs),
        "first_day": min(created).date().isoformat(), "last_day": last_day.isoformat(),
        "frt": r4(mean(frts)), "response_sla": r4(len(rsp_num) / len(rsp_den)),
        "resolution_time": r4(mean(ress)),
        "resolution_time_median": r4(statistics.median(ress)),
        "resolution_sla": r4(len(res_num) / len(res_den)),
        "backlog": sum(is_open(r) for r in recs) + len(late),
        "solved": len(ress), "open": sum(is_open(r) for r in recs),
    }  # fmt: skip


# --- 8. Freshservice tickets (ITSM) ---------------------------------------------------------------


@builder
def build_freshservice_tickets() -> dict[str, Any]:
    # Freshservice Tickets > Export (CSV): "Ticket Id" INC-1234 / SR-456, "Status" Open /
    # Pending / Resolved / Closed, "Priority" Low / Medium / High / Urgent, "Type" Incident /
    # Service Request, "Created Date" / "Due by Time" / "Resolved Date" / "Closed Date" /
    # "Last Updated" / "Initial Response Time" "2024-11-04 08:05:12", "First Response Time (in
    # Hrs)" and "Resolution Time (in Hrs)" (hours, 2 decimals: times are whole multiples of
    # 36 s so both agree with the timestamps), "Resolution Status" / "First Response Status"
    # Within SLA / SLA Violated (Freshservice's own policy, a distractor). Closed tickets were
    # auto-closed 48 h after the resolve: resolution time is to "Resolved Date".
    rng = random.Random(1708)
    recs, rows = [], []
    words = {"urgent": "Urgent", "high": "High", "normal": "Medium", "low": "Low"}
    for i, t in enumerate(spread(rng, NOV, 7)):
        r = draw_ticket(rng, t, 36, ["urgent", "high", "normal", "low"])
        recs.append(r)
        first = t + dt.timedelta(seconds=r["frt"]) if r["frt"] is not None else None
        res = t + dt.timedelta(seconds=r["res"]) if r["res"] is not None else None
        closed = res + dt.timedelta(hours=48) if res is not None and rng.random() < 0.5 else None
        status = ("Closed" if closed else "Resolved") if res else rng.choice(["Open", "Pending"])
        due = t + dt.timedelta(hours=RES_H[r["prio"]])
        last = max(x for x in (t, first, res, closed) if x is not None)
        kind = rng.choice(["Incident", "Incident", "Service Request"])
        fmt = "%Y-%m-%d %H:%M:%S"
        rows.append([
            f"{'INC' if kind == 'Incident' else 'SR'}-{2300 + i}",
            rng.choice(["VPN not connecting", "Laptop request", "Password reset",
                        "Printer offline", "Access to SharePoint"]),
            rng.choice(["Dana Fox", "Lee Chen", "Priya Rao", "Tom Berg"]),
            status, words[r["prio"]], rng.choice(["Email", "Portal", "Phone"]), kind,
            rng.choice(AGENTS) if first else "", rng.choice(["Service Desk", "Network Team"]),
            t.strftime(fmt), due.strftime(fmt), res.strftime(fmt) if res else "",
            closed.strftime(fmt) if closed else "", last.strftime(fmt),
            first.strftime(fmt) if first else "",
            f"{r['frt'] / H:.2f}" if first else "", f"{r['res'] / H:.2f}" if res else "",
            rng.randint(1, 6) if first else 0, rng.randint(1, 4),
            ("Within SLA" if rng.random() < 0.7 else "SLA Violated") if res else "",
            ("Within SLA" if rng.random() < 0.8 else "SLA Violated") if first else "",
        ])  # fmt: skip
    write_csv(
        "freshservice_tickets.csv",
        ["Ticket Id", "Subject", "Requester Name", "Status", "Priority", "Source", "Type",
         "Agent", "Group", "Created Date", "Due by Time", "Resolved Date", "Closed Date",
         "Last Updated", "Initial Response Time", "First Response Time (in Hrs)",
         "Resolution Time (in Hrs)", "Agent Interactions", "Requester Interactions",
         "Resolution Status", "First Response Status"],
        rows,
    )  # fmt: skip
    return ticket_truth(recs)


# --- 9. Zammad ticket report (Excel) --------------------------------------------------------------


def biz_minutes(a: dt.datetime, b: dt.datetime) -> int:
    """Minutes between a and b inside Mon-Fri 08:00-17:00 (Zammad's SLA calendar)."""
    n, t = 0, a.replace(second=0)
    while t < b:
        if t.weekday() < 5 and 8 <= t.hour < 17:
            n += 1
        t += dt.timedelta(minutes=1)
    return n


@builder
def build_zammad_tickets() -> dict[str, Any]:
    # Zammad Reporting > Download (lib/excel_sheet/ticket.rb): a bold title in A1 ("2024-11"),
    # an empty row, the header on row 3, a "Timezone: Europe/Berlin" footer two rows under the
    # data; datetimes are Excel date cells in local time; "#" ticket number text; "State" new /
    # open / pending reminder / closed / merged; "Priority" 1 low / 2 normal / 3 high (the digit
    # is Zammad's id, NOT P1 = urgent); "First Response In Min" / "Close In Min" are WORKING
    # minutes of the SLA calendar (Mon-Fri 08:00-17:00): a distractor -- the calendar times are
    # First Response At / Closed At minus Created At; "... Diff In Min" the minutes left on
    # the SLA (negative = breached). Merged tickets are closed with no close time.
    from openpyxl import Workbook  # noqa: PLC0415
    from openpyxl.styles import Font  # noqa: PLC0415

    rng = random.Random(1709)
    recs, rows = [], []
    words = {"high": "3 high", "normal": "2 normal", "low": "1 low"}
    sla_min = {"high": (120, 960), "normal": (480, 2880), "low": (1440, 7200)}
    for i, t in enumerate(spread(rng, NOV, 7)):
        r = draw_ticket(rng, t, 1, ["high", "normal", "low"])
        merged = r["frt"] is None and rng.random() < 0.25
        r["closed"] = merged
        recs.append(r)
        first = t + dt.timedelta(seconds=r["frt"]) if r["frt"] is not None else None
        close = t + dt.timedelta(seconds=r["res"]) if r["res"] is not None else None
        state = ("merged" if merged else "closed" if close else
                 rng.choice(["new", "open", "open", "pending reminder"]) if not first else
                 rng.choice(["open", "pending reminder"]))  # fmt: skip
        f_sla, c_sla = sla_min[r["prio"]]
        f_esc, c_esc = t + dt.timedelta(minutes=f_sla), t + dt.timedelta(minutes=c_sla)
        f_in = biz_minutes(t, first) if first else None
        c_in = biz_minutes(t, close) if close else None
        upd = max(x for x in (t, first, close) if x is not None) + dt.timedelta(minutes=3)
        rows.append([
            f"{24110 + i}{rng.randint(10, 99)}",
            rng.choice(["Rechnung fehlt", "Login failed", "Lieferung verspätet",
                        "Change address", "Refund request"]),
            state, words[r["prio"]], rng.choice(["Users", "Sales"]),
            rng.choice(AGENTS) if first else "-", rng.choice(["Eva Roth", "Jan Kurz", "Ida Berg"]),
            rng.choice(["", "Acme GmbH", "Globex AG"]), rng.choice(["email", "phone", "web"]),
            "Customer", rng.choice(["", "billing", "login"]), rng.choice([0, 0, 0.5, 1, 2]),
            t, upd, close, None if close else c_esc, c_in,
            (c_sla - c_in) if c_in is not None else None, first, None if first else f_esc, f_in,
            (f_sla - f_in) if f_in is not None else None,
            None, None, None, max(x for x in (t, first) if x is not None),
            first, t, rng.randint(1, 9), None if close else c_esc,
        ])  # fmt: skip
    head = ["#", "Title", "State", "Priority", "Group", "Owner", "Customer", "Organization",
            "Create Channel", "Sender", "Tags", "Time Units Total", "Created At", "Updated At",
            "Closed At", "Close Escalation At", "Close In Min", "Close Diff In Min",
            "First Response At", "First Response Escalation At", "First Response In Min",
            "First Response Diff In Min", "Update Escalation At", "Update In Min",
            "Update Diff In Min", "Last Contact At", "Last Contact Agent At",
            "Last Contact Customer At", "Article Count", "Escalation At"]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Worksheet1"
    ws.cell(1, 1, "2024-11").font = Font(bold=True, size=14)
    for j, h in enumerate(head, 1):
        ws.cell(3, j, h).font = Font(italic=True, color="FFFFFF")
    for i, row in enumerate(rows, 4):
        for j, v in enumerate(row, 1):
            if v is None or v == "":
                continue
            c = ws.cell(i, j, v)
            if isinstance(v, dt.datetime):
                c.number_format = "yyyy-mm-dd hh:mm:ss"
    ws.cell(4 + len(rows) + 1, 1, "Timezone: Europe/Berlin").font = Font(italic=True, size=8)
    save_xlsx(wb, OUT / "zammad_tickets.xlsx")
    t = ticket_truth(recs)
    t["merged"] = sum(r["closed"] for r in recs)
    bz = [biz_minutes(r["created"], r["created"] + dt.timedelta(seconds=r["res"])) * 60
          for r in recs if r["res"] is not None]  # fmt: skip
    t["resolution_time_if_working_minutes"] = r4(mean(bz))
    fz = [biz_minutes(r["created"], r["created"] + dt.timedelta(seconds=r["frt"])) * 60
          for r in recs if r["frt"] is not None]  # fmt: skip
    t["frt_if_working_minutes"] = r4(mean(fz))
    flat = ticket_truth([{**r, "prio": "normal"} for r in recs])
    t["response_sla_if_all_normal"] = flat["response_sla"]
    t["resolution_sla_if_all_normal"] = flat["resolution_sla"]
    return t


# --- 10. osTicket ticket export: no response or resolution times ----------------------------------


def os_when(t: dt.datetime) -> str:
    return f"{t.month}/{t.day}/{t:%y} {t.hour % 12 or 12}:{t:%M} {t:%p}"


@builder
def build_osticket_tickets() -> dict[str, Any]:
    # osTicket (1.17) Tickets > Export (CSV, the default columns): "Ticket Number" (6 digits),
    # "Date Created" / "Last Updated" / "Due Date" in the staff's short format "11/4/24 8:05 AM"
    # (month-first, two-digit year, 12-hour), "Priority" Low / Normal / High / Emergency,
    # "Current Status" Open / Resolved / Closed, "Overdue" / "Answered" Yes / No ("Answered":
    # an agent has replied -- not a phone answer), "Thread Count". There is no response or
    # resolution timestamp: "Last Updated" is any change (a reply, a note, the close). So FRT,
    # resolution time, the SLAs and the backlog cannot be known, and no queue KPI applies.
    rng = random.Random(1710)
    recs, rows = [], []
    for t in spread(rng, NOV, 6):
        prio = rng.choices(["Emergency", "High", "Normal", "Low"], [1, 3, 6, 2])[0]
        answered = rng.random() < 0.8
        status = rng.choice(["Open", "Resolved", "Closed", "Closed"]) if answered else "Open"
        upd = t + dt.timedelta(minutes=rng.randint(5, 6000)) if answered or rng.random() < 0.3 \
            else t  # fmt: skip
        due = t + dt.timedelta(hours={"Emergency": 4, "High": 24, "Normal": 72, "Low": 120}[prio])
        recs.append({"start": t})
        rows.append([
            str(rng.randint(100000, 999999)), os_when(t),
            rng.choice(["Cannot log in", "Invoice question", "Order status", "Bug report"]),
            rng.choice(["Dana Fox", "Lee Chen", "Priya Rao"]), prio,
            rng.choice(["Support", "Billing"]), rng.choice(["Web", "Email", "Phone"]), status,
            os_when(upd), os_when(due), "Yes" if status == "Open" and rng.random() < 0.2 else "No",
            "Yes" if answered else "No", rng.choice(AGENTS) if answered else "",
            rng.randint(1, 8) if answered else 1,
        ])  # fmt: skip
    write_csv(
        "osticket_tickets.csv",
        ["Ticket Number", "Date Created", "Subject", "From", "Priority", "Department", "Source",
         "Current Status", "Last Updated", "Due Date", "Overdue", "Answered", "Agent Assigned",
         "Thread Count"],
        rows,
    )  # fmt: skip
    return {"rows": len(recs), "contacts": len(recs), "first_day": NOV[0].isoformat(),
            "last_day": NOV[-1].isoformat()}  # fmt: skip


if __name__ == "__main__":
    BUILD.main()

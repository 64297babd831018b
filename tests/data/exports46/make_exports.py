"""Regenerate the forty-sixth blind acceptance corpus (tests/test_real_exports_46.py).

    .venv/bin/python tests/data/exports46/make_exports.py             # write the files
    .venv/bin/python tests/data/exports46/make_exports.py --expected  # also print the truth

Round 46: contact exports of CRM-centred and omnichannel platforms as of 2026, each with the
vendor's column names and formats and the traps these products have: Salesforce Service Cloud
Voice "Voice Calls" report (transfer legs with a "Previous Call"), Salesforce Omni-Channel
"Agent Work" over Phone and Messaging (messaging handle time is the whole open session, a
transferred work item has one row per queue, canceled work items), Dynamics 365 Contact Center
"Conversations" (a "Status" of "Wrap-up" beside a wrap-up duration, bot-only conversations,
a conversation duration in hours beside the handle time) and "Omnichannel historical
analytics" by day and channel (a WhatsApp AHT of 3-5 hours per conversation), Zoho Desk calls
(scheduled / overdue calls that never happened), Kustomer conversations (durations in ms,
thumbs up / down CSAT, bot-only conversations), Gladly contacts (the first column, a
"Conversation Id", repeats across contacts), Sprinklr Service cases (a bot named as the
"Assigned User"), LivePerson conversations with one row per skill segment (the conversation's
fields repeated on each segment, MCS beside CSAT), Genesys DX (Bold360) chats with only
timestamps (Created / Answered / Ended / Closed, unavailable chats) and Google CCAI Platform
chats (virtual-agent-only chats, "dismissed" before an agent).

Each builder draws rows with its own seeded ``random.Random``, writes them the way the export
looks, and returns the KPIs computed in plain Python over the drawn records -- never with
KPI Lab code.

Conventions (the registry's documented defaults, as earlier rounds): contacts = rows of a
contact log, one per conversation (a transfer leg / later queue segment is no new contact);
the queue KPIs count each leg that queued (as Amazon Connect's records); abandonment =
abandoned / inbound queued (answered + abandoned); a bot-only (contained) conversation, an
offline "unavailable" chat and a call never made are in no queue rate (a bot-only one is a
contact, a call never made is not); ASA = mean wait of answered; AHT = the export's handle
time (talk + hold + ACW) over handled rows, also per channel; service level (20 s, abandons
negative) = answered within 20 s / (answered + abandoned); FRT = mean first response over
conversations that have one; CSAT the mean 1-5 rating (thumbs up = 5, down = 1). Summaries:
contacts = sum offered, abandonment = abandoned / offered, ASA / AHT / service level weighted
by answered.
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
    csv_text,
    draw_call,
    guid,
    hms,
    log_truth,
    mean,
    r4,
    rows_truth,
    spread,
    weekdays,
)  # fmt: skip

OUT = Path(__file__).resolve().parent
BUILD = Builders(OUT)
builder, write_csv = BUILD, BUILD.write_csv
AGENTS = ["Maya Lopez", "Omar Haddad", "Jin Park", "Sara Novak", "Luca Bianchi", "Ada Okafor"]
FEB = weekdays(dt.date(2026, 2, 2), dt.date(2026, 2, 13))
MAR = weekdays(dt.date(2026, 3, 2), dt.date(2026, 3, 13))
APR = weekdays(dt.date(2026, 4, 6), dt.date(2026, 4, 17))


def truth(recs: list[dict[str, Any]], queues: tuple[str, str], **extra: Any) -> dict[str, Any]:
    """:func:`log_truth` plus contacts of two queues, FRT, and AHT per channel."""
    t = log_truth(recs) if any(r["outcome"] in ("answered", "abandoned") for r in recs) else {}
    for q in queues:
        t[f"contacts_{q}"] = sum(r.get("initial", True) for r in recs if r.get("queue") == q)
    frs = [r["fr"] for r in recs if r.get("fr") is not None and r.get("initial", True)]
    if frs:
        t["frt"] = r4(mean(frs))
    chans = sorted({r["channel"] for r in recs if r.get("channel")})
    for ch in chans:
        hs = [r["handle"] for r in recs if r.get("channel") == ch and r["outcome"] == "answered"]
        if hs:
            t[f"aht_{ch}"] = r4(mean(hs))
    return {**t, **extra}


def ampm(t: dt.datetime, secs: bool = False) -> str:
    """12-hour clock without a leading zero: 9:05 AM (9:05:12 AM with ``secs``)."""
    tail = f":{t:%S}" if secs else ""
    return f"{t.hour % 12 or 12}:{t:%M}{tail} {'AM' if t.hour < 12 else 'PM'}"


def mdy(t: dt.datetime) -> str:
    return f"{t.month}/{t.day}/{t.year}"


def chat(rng: random.Random, p_ab: float, long: bool = False) -> dict[str, Any]:
    """A messaging conversation: wait, then an agent's handle time (minutes for a live chat,
    hours for an asynchronous one left open: ``long``)."""
    c = draw_call(rng, p_ab=p_ab)
    if c["outcome"] == "answered":
        c["talk"] = rng.randint(3 * 3600, 5 * 3600) if long else rng.randint(240, 1500)
        c["hold"] = 0
        c["acw"] = rng.randint(10, 90)
        c["handle"] = c["talk"] + c["acw"]
    return c


# --- 1. Salesforce Service Cloud Voice: Voice Calls report, transfer legs -----------------------


@builder
def build_sfdc_scv_voice_calls() -> dict[str, Any]:
    # A Lightning report "Voice Calls with Queue" exported as "Details Only": the start on the
    # user's clock with no zone ("3/2/2026, 9:05 AM"); a transferred call is two VoiceCall
    # records, the second of "Call Type" Transfer naming the first in "Previous Call"; durations
    # in whole seconds; "Call Disposition" completed / abandoned.
    rng = random.Random(4601)
    queues = ["Billing Voice", "Support Voice"]
    recs, rows = [], []
    n = 0
    for t in spread(rng, MAR, 8):
        c = draw_call(rng, p_ab=0.14)
        c.update(start=t, queue=rng.choice(queues), initial=True, channel="voice")
        legs = [c]
        if c["outcome"] == "answered" and rng.random() < 0.2:
            leg = draw_call(rng, p_ab=0.0)
            t2 = t + dt.timedelta(seconds=c["wait"] + c["talk"] + c["hold"])
            other = queues[1 - queues.index(c["queue"])]
            leg.update(start=t2, queue=other, initial=False, channel="voice")
            legs.append(leg)
        prev = ""
        for lg in legs:
            n += 1
            name = f"VC-{1000480 + n:08d}"
            ok = lg["outcome"] == "answered"
            rows.append([
                name, "Inbound" if lg["initial"] else "Transfer",
                f"{mdy(lg['start'])}, {ampm(lg['start'])}", lg["queue"],
                rng.choice(AGENTS) if ok else "", lg["wait"], lg["talk"], lg["hold"], lg["acw"],
                "completed" if ok else "abandoned", prev,
            ])  # fmt: skip
            prev = name
            recs.append(lg)
    write_csv(
        "sfdc_scv_voice_calls.csv",
        ["Voice Call Name", "Call Type", "Call Started", "Queue Name", "Owner Name",
         "Queue Duration", "Talk Duration", "Hold Duration", "After Call Work Duration",
         "Call Disposition", "Previous Call"],
        rows,
    )  # fmt: skip
    return truth(recs, ("Billing Voice", "Support Voice"), legs=sum(not r["initial"] for r in recs))


# --- 2. Salesforce Omni-Channel Agent Work: Phone + Messaging, queue segments -------------------


@builder
def build_sfdc_agent_work_omni() -> dict[str, Any]:
    # Agent Work report over two service channels: Phone (handle time minutes) and Messaging
    # (accept to close: the whole open session, 3-5 hours; "Active Time" is the agent's focus
    # time, not the handle time). A work item transferred to another queue has a second Agent
    # Work row (Status "Closed") after its first ("Transferred"); a work item the customer left
    # before an agent accepted is "Canceled" (no Accept, no handle time). Salesforce report
    # timestamps "3/2/2026, 9:05 AM".
    rng = random.Random(4602)
    queues = ["Care Phone", "Care Messaging"]
    recs, rows = [], []
    n = 0
    for i, t in enumerate(spread(rng, MAR, 9)):
        msg = rng.random() < 0.45
        c = chat(rng, 0.12, long=True) if msg else draw_call(rng, p_ab=0.12)
        ch = "Messaging" if msg else "Phone"
        c.update(start=t, channel=ch, queue=queues[msg], initial=True)
        item = f"{'0Mw' if msg else '0LQ'}5g00000{i:05d}"
        legs = [c]
        if c["outcome"] == "answered" and rng.random() < 0.15:
            leg = chat(rng, 0.0, long=True) if msg else draw_call(rng, p_ab=0.0)
            leg.update(start=t + dt.timedelta(seconds=c["wait"] + c["handle"]), channel=ch,
                       queue="Tier 2", initial=False)  # fmt: skip
            legs.append(leg)
        for j, lg in enumerate(legs):
            n += 1
            ok = lg["outcome"] == "answered"
            s = lg["start"]
            acc = s + dt.timedelta(seconds=lg["wait"])
            end = acc + dt.timedelta(seconds=lg["handle"]) if ok else s + dt.timedelta(
                seconds=lg["wait"])  # fmt: skip
            active = (rng.randint(300, 1500) if msg else lg["talk"] + lg["hold"]) if ok else ""
            status = "Canceled" if not ok else "Transferred" if j < len(legs) - 1 else "Closed"
            rows.append([
                f"{4600000 + n:08d}", item, ch, lg["queue"], rng.choice(AGENTS) if ok else "",
                status, f"{mdy(s)}, {ampm(s)}", f"{mdy(acc)}, {ampm(acc)}" if ok else "",
                f"{mdy(end)}, {ampm(end)}", lg["wait"] if ok else "", active,
                lg["handle"] if ok else "",
            ])  # fmt: skip
            recs.append(lg)
    write_csv(
        "sfdc_agent_work_omni.csv",
        ["Agent Work: Name", "Work Item", "Service Channel", "Queue", "User: Full Name",
         "Status", "Request Date/Time", "Accept Date/Time", "Close Date/Time", "Speed to Answer",
         "Active Time", "Handle Time"],
        rows,
    )  # fmt: skip
    # Canceled: the customer left while queued (wait = request to close).
    return truth(recs, ("Care Phone", "Care Messaging"))


# --- 3. Dynamics 365 Contact Center: Conversations, "Wrap-up" status, bots ----------------------


@builder
def build_d365_conversations() -> dict[str, Any]:
    # Omnichannel historical analytics > Conversation drill-down, exported: "Created on" in
    # the user's display time zone with no zone ("3/2/2026 9:05 AM"); "Channel" Voice call /
    # Live chat / WhatsApp; "Status" Closed, or "Wrap-up" for conversations the agent was
    # still wrapping up at export time (the wrap-up seconds so far are in "Wrap-up time");
    # bot-only conversations (the Copilot agent contained them: "Bot handled" Yes, no queue,
    # no agent, "Is abandoned" No); "Conversation duration (sec)" is the whole conversation
    # (a WhatsApp one open for hours) beside "Handle time (sec)"; CSAT 1-5.
    rng = random.Random(4603)
    queues = ["Billing", "Support"]
    recs, rows = [], []
    chans = ["Voice call", "Voice call", "Live chat", "WhatsApp"]
    for t in spread(rng, FEB, 9):
        ch = rng.choice(chans)
        bot = rng.random() < 0.12
        c = draw_call(rng, p_ab=0.12) if ch == "Voice call" else chat(rng, 0.12)
        c.update(start=t, channel=ch, initial=True)
        if bot:
            c.update(outcome="contained", wait=0, talk=0, hold=0, acw=0, handle=0)
        ok = c["outcome"] == "answered"
        c["queue"] = "" if bot else rng.choice(queues)
        status = "Wrap-up" if ok and rng.random() < 0.08 else "Closed"
        c["csat"] = rng.choice([None, None, 2, 3, 4, 5, 5]) if ok and status == "Closed" else None
        dur = c["wait"] + c["handle"]
        if ch == "WhatsApp" and ok:
            dur += rng.randint(2 * 3600, 6 * 3600)  # the customer answers hours later
        rows.append([
            guid(rng), f"{mdy(t)} {ampm(t)}", ch, "Incoming", c["queue"],
            rng.choice(AGENTS) if ok else "", status, "Yes" if bot else "No",
            "Yes" if c["outcome"] == "abandoned" else "No", c["wait"] if not bot else "",
            c["talk"] if ok else 0, c["hold"] if ok else 0, c["acw"] if ok else 0,
            c["handle"] if ok else 0, dur, "" if c["csat"] is None else c["csat"],
        ])  # fmt: skip
        recs.append(c)
    write_csv(
        "d365_conversations.csv",
        ["Conversation ID", "Created on", "Channel", "Direction", "Queue", "Agent", "Status",
         "Bot handled", "Is abandoned", "Speed to answer (sec)", "Talk time (sec)",
         "Hold time (sec)", "Wrap-up time (sec)", "Handle time (sec)",
         "Conversation duration (sec)", "CSAT"],
        rows,
    )  # fmt: skip
    return truth(recs, ("Billing", "Support"), bots=sum(r["outcome"] == "contained" for r in recs))


# --- 4. Dynamics 365 Omnichannel historical analytics: day x channel ---------------------------


@builder
def build_d365_historical_channels() -> dict[str, Any]:
    # The "Omnichannel historical analytics" summary tab exported per day and channel: Voice
    # call rows with an AHT of minutes, WhatsApp rows with an AHT of 3-5 hours per conversation
    # (asynchronous messaging: the agent's session stays open); "Avg. handle time" and
    # "Avg. speed to answer" as hh:mm:ss; service level and abandon rate as "87.50%".
    rng = random.Random(4604)
    rows, out = [], []
    for d in APR:
        for ch in ("Voice call", "WhatsApp"):
            off = rng.randint(140, 220) if ch == "Voice call" else rng.randint(50, 90)
            ab = rng.randint(2, off // 10)
            ans = off - ab
            asa = rng.randint(15, 70) if ch == "Voice call" else rng.randint(40, 300)
            aht = rng.randint(300, 560) if ch == "Voice call" else rng.randint(3 * 3600, 5 * 3600)
            within = round(ans * rng.uniform(0.6, 0.9))
            sl = 100 * within / (ans + ab)
            r = {"day": dt.datetime.combine(d, dt.time()), "offered": off, "answered": ans,
                 "abandoned": ab, "asa": asa, "aht": aht, "sl": round(sl, 2), "ch": ch}  # fmt: skip
            rows.append(r)
            out.append([
                f"{d:%A}, {d:%B} {d.day}, {d.year}", ch, off, ans, ab, f"{100 * ab / off:.2f}%",
                hms(asa), hms(aht), f"{r['sl']:.2f}%",
            ])  # fmt: skip
    write_csv(
        "d365_historical_channels.csv",
        ["Date", "Channel", "Incoming conversations", "Engaged conversations",
         "Abandoned conversations", "Abandon rate", "Avg. speed to answer",
         "Avg. handle time", "Service level (20 seconds)"],
        out,
    )  # fmt: skip
    t = rows_truth(rows)
    for ch in ("Voice call", "WhatsApp"):
        sub = [r for r in rows if r["ch"] == ch]
        t[f"contacts_{ch}"] = sum(r["offered"] for r in sub)
        t[f"aht_{ch}"] = r4(sum(r["aht"] * r["answered"] for r in sub) / sum(
            r["answered"] for r in sub))  # fmt: skip
    return t


# --- 5. Zoho Desk: Calls (activities), scheduled calls never made --------------------------------


@builder
def build_zoho_desk_calls() -> dict[str, Any]:
    # Zoho Desk > Activities > Calls exported: inbound calls from the telephony integration
    # ("Completed" / "Missed") and outbound calls agents made ("Completed") or only planned
    # ("Scheduled" in the future, "Overdue" past and never made: no duration). "Call Start
    # Time" as "02 Mar 2026 09:05 AM", "Call Duration" mm:ss, "Department" the queue. No
    # queue wait is exported.
    rng = random.Random(4605)
    deps = ["Billing", "Support"]
    recs, rows = [], []
    planned = 0
    for i, t in enumerate(spread(rng, FEB, 8)):
        u = rng.random()
        dep = rng.choice(deps)
        ticket = f"#{48200 + i}"
        if u < 0.12:  # planned outbound call, never made
            planned += 1
            st = "Overdue" if t.date() < dt.date(2026, 2, 12) else "Scheduled"
            rows.append([f"Call back about {ticket}", "Outbound", f"{t:%d %b %Y %I:%M %p}", "",
                         st, rng.choice(AGENTS), dep, ticket])  # fmt: skip
            continue
        out = u < 0.35
        if out:
            talk = rng.randint(40, 600)
            c = {"outcome": "connected", "inbound": False, "wait": 0, "handle": talk}
        else:
            c = draw_call(rng, p_ab=0.15)
            c["acw"] = c["hold"] = 0
            c["handle"] = c["talk"]
        c.update(start=t, queue=dep, channel="phone")
        ok = c["outcome"] in ("answered", "connected")
        rows.append([
            f"{'Outgoing call' if out else 'Incoming call'} {ticket}",
            "Outbound" if out else "Inbound", f"{t:%d %b %Y %I:%M %p}",
            f"{c['handle'] // 60:02d}:{c['handle'] % 60:02d}" if ok else "00:00",
            "Completed" if ok else "Missed", rng.choice(AGENTS), dep, ticket,
        ])  # fmt: skip
        recs.append(c)
    write_csv(
        "zoho_desk_calls.csv",
        ["Subject", "Call Type", "Call Start Time", "Call Duration", "Status", "Call Owner",
         "Department", "Ticket Number"],
        rows,
    )  # fmt: skip
    t = truth(recs, ("Billing", "Support"), planned=planned, rows_in_file=len(rows))
    hd = [r["handle"] for r in recs if r["outcome"] in ("answered", "connected")]
    t["aht"] = r4(mean(hd))
    return t


# --- 6. Kustomer conversations: ms durations, thumbs CSAT, bot-only -----------------------------


@builder
def build_kustomer_conversations() -> dict[str, Any]:
    # A Kustomer saved search exported to CSV: "Created At" ISO UTC with milliseconds,
    # "Channel" chat / sms / voice, "Queue" (blank for conversations the Kustomer IQ bot
    # closed without an agent), durations in milliseconds under headers without a unit
    # ("First Response Time", "Handle Time", "Queue Time"), "Satisfaction" thumbs_up /
    # thumbs_down. A chat that left the queue before an agent took it has a queue time and no
    # assigned user ("Status" done).
    rng = random.Random(4606)
    queues = ["Orders", "Returns"]
    recs, rows = [], []
    for t in spread(rng, MAR, 8):
        ch = rng.choice(["chat", "chat", "sms", "voice"])
        c = draw_call(rng, p_ab=0.12) if ch == "voice" else chat(rng, 0.12)
        c.update(start=t, channel=ch, queue=rng.choice(queues))
        if rng.random() < 0.1:
            c.update(outcome="contained", wait=0, handle=0, queue="")
        ok = c["outcome"] == "answered"
        c["fr"] = c["wait"] + rng.randint(5, 60) if ok and ch != "voice" else None
        thumb = rng.choice([None, None, "thumbs_up", "thumbs_up", "thumbs_down"]) if ok else None
        c["csat"] = None if thumb is None else 5 if thumb == "thumbs_up" else 1
        ms = rng.randint(0, 999)
        rows.append([
            "".join(rng.choice("0123456789abcdef") for _ in range(24)),
            f"{t:%Y-%m-%dT%H:%M:%S}.{ms:03d}Z", ch, c["queue"],
            rng.choice(AGENTS) if ok else "", "done", "" if c["queue"] == "" else c["wait"] * 1000,
            "" if c["fr"] is None else c["fr"] * 1000 + rng.randint(0, 999),
            c["handle"] * 1000 if ok else "", thumb or "",
        ])  # fmt: skip
        if c["fr"] is not None:
            c["fr"] = c["fr"] + int(rows[-1][7] % 1000) / 1000
        recs.append(c)
    write_csv(
        "kustomer_conversations.csv",
        ["Conversation Id", "Created At", "Channel", "Queue", "Assigned Users", "Status",
         "Queue Time", "First Response Time", "Handle Time", "Satisfaction"],
        rows,
    )  # fmt: skip
    return truth(recs, tuple(queues), bots=sum(r["outcome"] == "contained" for r in recs))


# --- 7. Gladly contacts: "Conversation Id" first, repeating across contacts ----------------------


@builder
def build_gladly_contacts() -> dict[str, Any]:
    # Gladly's Contact Export: one row per contact; a customer's conversation holds several
    # contacts over days and channels, so "Conversation Id" (the first column) repeats; the
    # contact's own id is "Contact Id". "Initiated At" ISO UTC, "Channel" PHONE_CALL / CHAT /
    # SMS, "Inbox" the queue, "Outcome" HANDLED / ABANDONED, seconds durations.
    rng = random.Random(4607)
    inboxes = ["Billing Inbox", "Support Inbox"]
    recs, rows = [], []
    convs: list[str] = []
    for t in spread(rng, APR, 8):
        ch = rng.choice(["PHONE_CALL", "PHONE_CALL", "CHAT", "SMS"])
        c = draw_call(rng, p_ab=0.13) if ch == "PHONE_CALL" else chat(rng, 0.13)
        c.update(start=t, channel=ch, queue=rng.choice(inboxes))
        ok = c["outcome"] == "answered"
        if convs and rng.random() < 0.35:
            conv = rng.choice(convs[-30:])
        else:
            conv = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789")
                           for _ in range(22))  # fmt: skip
            convs.append(conv)
        c["csat"] = rng.choice([None, None, None, 3, 4, 5]) if ok else None
        rows.append([
            conv, guid(rng), f"{t:%Y-%m-%dT%H:%M:%S}Z", ch, "INBOUND", c["queue"],
            rng.choice(AGENTS) if ok else "", "HANDLED" if ok else "ABANDONED", c["wait"],
            c["talk"] + c["hold"] if ok else "", c["acw"] if ok else "",
            c["handle"] if ok else "", "" if c["csat"] is None else c["csat"],
        ])  # fmt: skip
        recs.append(c)
    write_csv(
        "gladly_contacts.csv",
        ["Conversation Id", "Contact Id", "Initiated At", "Channel", "Direction", "Inbox",
         "Agent", "Outcome", "Time In Queue", "Active Time", "Wrap Up Time", "Handle Time",
         "CSAT"],
        rows,
    )  # fmt: skip
    reps = len(rows) - len({r[0] for r in rows})
    return truth(recs, tuple(inboxes), repeated_conversation_ids=reps)


# --- 8. Sprinklr Service cases: a bot named as the assigned user ---------------------------------


@builder
def build_sprinklr_service_cases() -> dict[str, Any]:
    # Sprinklr Service "Case" report export: "Case Created Time" day-first ("03/02/2026
    # 09:05:12" = 3 February), "Channel" Voice / Live Chat / WhatsApp, "Queue", "Assigned User"
    # -- "Sprinklr AI+ Bot" on cases the conversational AI closed alone (no queue, no wait) --,
    # "Case Status" Closed / Abandoned, "Time in Queue (sec)", "Handle Time (sec)", "CSAT
    # Rating" 1-5. Cases from day 13 on make the order clear.
    rng = random.Random(4608)
    queues = ["Payments", "Technical"]
    recs, rows = [], []
    for i, t in enumerate(spread(rng, FEB, 8)):
        ch = rng.choice(["Voice", "Voice", "Live Chat", "WhatsApp"])
        c = draw_call(rng, p_ab=0.13) if ch == "Voice" else chat(rng, 0.13)
        c.update(start=t, channel=ch, queue=rng.choice(queues))
        bot = rng.random() < 0.15
        if bot:
            c.update(outcome="contained", wait=0, handle=0, queue="")
        ok = c["outcome"] == "answered"
        c["csat"] = rng.choice([None, 2, 3, 4, 5, 5]) if ok else None
        rows.append([
            31250000 + 17 * i, f"{t:%d/%m/%Y %H:%M:%S}", ch, c["queue"],
            "Sprinklr AI+ Bot" if bot else rng.choice(AGENTS) if ok else "",
            "Abandoned" if c["outcome"] == "abandoned" else "Closed",
            "" if bot else c["wait"], c["handle"] if ok else (rng.randint(20, 180) if bot else ""),
            "" if c["csat"] is None else c["csat"],
        ])  # fmt: skip
        recs.append(c)
    write_csv(
        "sprinklr_service_cases.csv",
        ["Case Number", "Case Created Time", "Channel", "Queue", "Assigned User", "Case Status",
         "Time in Queue (sec)", "Handle Time (sec)", "CSAT Rating"],
        rows,
    )  # fmt: skip
    return truth(recs, tuple(queues), bots=sum(r["outcome"] == "contained" for r in recs))


# --- 9. LivePerson: one row per skill segment, conversation fields repeated ----------------------


@builder
def build_liveperson_segments() -> dict[str, Any]:
    # Analytics Builder "Conversations by Skill" exported: one row per skill segment of a
    # conversation; a conversation transferred from one skill to another has two rows with the
    # same "Conversation ID" and "Conversation Start Time" and the conversation-level columns
    # ("Time to First Response (Sec)", "MCS", "CSAT") repeated; bot-only conversations have the
    # skill "Bot Routing" and no agent, no first response. MCS 0-100 is not the CSAT.
    rng = random.Random(4609)
    skills = ["Care_Messaging", "Sales_Messaging"]
    recs, rows = [], []
    for t in spread(rng, MAR, 7):
        cid = guid(rng)
        bot = rng.random() < 0.12
        c = chat(rng, 0.0)
        c.update(start=t, channel="messaging", initial=True)
        ms = rng.randint(0, 999)
        stamp = f"{t:%Y-%m-%d %H:%M:%S}.{ms:03d}+0000"
        if bot:
            c.update(outcome="contained", queue="Bot Routing", fr=None, csat=None, handle=0)
            recs.append(c)
            rows.append([cid, stamp, "Bot Routing", "", "CONSUMER", "", 0, "", ""])
            continue
        c["queue"] = rng.choice(skills)
        c["fr"] = rng.randint(5, 240)
        c["csat"] = rng.choice([None, None, 2, 3, 4, 5, 5])
        mcs = rng.randint(-40, 100)
        segs = [c["queue"]]
        if rng.random() < 0.2:
            segs.append(skills[1 - skills.index(c["queue"])])
        recs.append(c)
        for j, sk in enumerate(segs):
            if j:
                recs.append({"outcome": "answered", "inbound": True, "wait": 0, "handle": 0,
                             "start": t, "queue": sk, "initial": False})  # fmt: skip
            rows.append([
                cid, stamp, sk, rng.choice(AGENTS), "AGENT", c["fr"], rng.randint(3, 25), mcs,
                "" if c["csat"] is None else c["csat"],
            ])  # fmt: skip
    write_csv(
        "liveperson_segments.csv",
        ["Conversation ID", "Conversation Start Time", "Skill Name", "Agent Name",
         "Closed By", "Time to First Response (Sec)", "Agent Messages", "MCS", "CSAT"],
        rows,
    )  # fmt: skip
    conv = [r for r in recs if r.get("initial", True)]
    rated = [r["csat"] for r in conv if r.get("csat") is not None]
    t = {
        "rows": len(rows), "contacts": len(conv),
        "frt": r4(mean([r["fr"] for r in conv if r.get("fr") is not None])),
        "csat": r4(mean(rated)),
        "first_day": min(r["start"] for r in recs).date().isoformat(),
        "last_day": max(r["start"] for r in recs).date().isoformat(),
    }  # fmt: skip
    for q in skills:
        t[f"contacts_{q}"] = sum(r.get("queue") == q for r in conv)
    t["segments"] = len(rows) - len(conv)
    return t


# --- 10. Genesys DX (Bold360) chats: timestamps only, unavailable chats -------------------------


@builder
def build_genesys_dx_chats() -> dict[str, Any]:
    # A Genesys DX (formerly Bold360) chat report: a title line with the account's zone, then
    # one row per chat: "Created", "Answered" (blank: the visitor left first), "Ended" (the
    # conversation), "Closed" (the operator closed it after wrap-up); "ChatStatusType"
    # Completed / Missed / Unavailable (offline form: no operator available, never queued).
    # Operators take several chats at once. No duration column: wait = Answered - Created,
    # handle = Closed - Answered.
    rng = random.Random(4610)
    deps = ["Sales", "Support"]
    recs, rows = [], []
    for i, t in enumerate(spread(rng, APR, 8)):
        dep = rng.choice(deps)
        if rng.random() < 0.08:
            c = {"outcome": "unavailable", "inbound": True, "wait": 0, "handle": 0,
                 "start": t, "queue": dep}  # fmt: skip
            end = t + dt.timedelta(seconds=rng.randint(30, 120))
            stamp = f"{end:%Y-%m-%d %H:%M:%S}"
            rows.append([9100200 + i, f"{t:%Y-%m-%d %H:%M:%S}", "", stamp, stamp, dep,
                         "Website Chat", "", "Unavailable"])  # fmt: skip
            recs.append(c)
            continue
        c = chat(rng, 0.14)
        c.update(start=t, queue=dep, channel="chat")
        ok = c["outcome"] == "answered"
        ans = t + dt.timedelta(seconds=c["wait"])
        ended = ans + dt.timedelta(seconds=c["talk"])
        closed = ended + dt.timedelta(seconds=c["acw"])
        if not ok:
            ended = closed = t + dt.timedelta(seconds=c["wait"])
        rows.append([
            9100200 + i, f"{t:%Y-%m-%d %H:%M:%S}", f"{ans:%Y-%m-%d %H:%M:%S}" if ok else "",
            f"{ended:%Y-%m-%d %H:%M:%S}", f"{closed:%Y-%m-%d %H:%M:%S}", dep, "Website Chat",
            rng.choice(AGENTS) if ok else "", "Completed" if ok else "Missed",
        ])  # fmt: skip
        recs.append(c)
    hdr = ["ChatID", "Created", "Answered", "Ended", "Closed", "DepartmentName",
           "ChatWindowName", "OperatorName", "ChatStatusType"]  # fmt: skip
    title = "Chat Report,,,,,,,,\nTime Zone: (UTC) Coordinated Universal Time,,,,,,,,\n"
    (OUT / "genesys_dx_chats.csv").write_text(title + csv_text([hdr, *rows]), encoding="utf-8")
    return truth(recs, tuple(deps), unavailable=sum(r["outcome"] == "unavailable" for r in recs))


# --- 11. Google CCAI Platform chats: virtual-agent-only, "dismissed" ----------------------------


@builder
def build_ccai_platform_chats() -> dict[str, Any]:
    # CCAI Platform (ex UJET) chat export: snake_case headers, "created_at" "2026-03-02
    # 09:05:12 UTC", "queue_path" "Support > Chat > English"; a chat the virtual agent ended
    # alone is "finished" with "virtual_agent" named, "escalated" false, no agent, no wait; a
    # chat the customer left before an agent took it is "dismissed"; durations in seconds,
    # "rating" 1-5.
    rng = random.Random(4611)
    paths = ["Billing > Chat > English", "Support > Chat > English"]
    recs, rows = [], []
    for i, t in enumerate(spread(rng, FEB, 8)):
        c = chat(rng, 0.13)
        c.update(start=t, queue=rng.choice(paths), channel="chat")
        va = rng.random() < 0.14
        if va:
            c.update(outcome="contained", wait=0, handle=0)
        ok = c["outcome"] == "answered"
        c["csat"] = rng.choice([None, 1, 3, 4, 5, 5]) if ok else None
        rows.append([
            770400 + 3 * i, "web", "finished" if ok or va else "dismissed",
            f"{t:%Y-%m-%d %H:%M:%S} UTC", c["queue"], rng.choice(AGENTS) if ok else "",
            "Billing Bot" if va or rng.random() < 0.5 else "", "false" if va else "true",
            "" if va else c["wait"], c["talk"] if ok else (rng.randint(30, 200) if va else 0),
            c["acw"] if ok else 0, "" if c["csat"] is None else c["csat"],
        ])  # fmt: skip
        recs.append(c)
    write_csv(
        "ccai_platform_chats.csv",
        ["id", "chat_type", "status", "created_at", "queue_path", "agent_name", "virtual_agent",
         "escalated", "wait_duration", "chat_duration", "wrap_up_duration", "rating"],
        rows,
    )  # fmt: skip
    return truth(recs, tuple(paths), bots=sum(r["outcome"] == "contained" for r in recs))


if __name__ == "__main__":
    BUILD.main()

# ruff: noqa: B023  (the per-contact row helpers are called only inside their own loop turn)
"""Regenerate the twenty-eighth blind acceptance corpus (tests/test_real_exports_28.py).

    .venv/bin/python tests/data/exports28/make_exports.py             # write the files
    .venv/bin/python tests/data/exports28/make_exports.py --expected  # also print the truth

Round 28 is about how contacts link to each other: the most common platforms' contact-level
exports where a transfer, a consult, a conference or a queued callback writes more than one
record for one customer contact, where internal (agent-to-agent) calls sit among customer
calls, and where the same customer calls back within days (repeat contacts, first contact
resolution by repeat or by a "resolved on first contact" flag).

Each builder draws rows with its own seeded ``random.Random``, writes them the way the export
looks, and returns the KPIs computed in plain Python over the drawn records -- never with KPI
Lab code.

Definitions (the registry's, kpi/metrics/registry.py and sql.py, checked in code):

- contacts: one per transfer chain (the initial record; a transfer / callback record that
  points to an earlier contact of its chain is no new contact). A conversation exported one
  row per segment is one contact. An internal agent-to-agent call is no customer contact.
- transfer rate: handled initial contacts transferred / handled initial contacts.
- abandonment: abandoned / inbound queued customer contacts; ASA over answered; service level
  20 s abandons negative; AHT = talk + hold + ACW over handled records.
- repeat contact rate (window 7 days, ignore 15 min): over inbound contacts with a customer id
  whose start is at least 7 days before the data's last start (mature): the share followed by
  another inbound contact of the same customer between 15 min and 7 days later.
- FCR by repeat (``fcr_method="repeat"``): handled, mature, inbound initial contacts with a
  customer id that are not within 15 min of the customer's previous contact: the share NOT
  followed by a repeat. FCR by flag (default): resolved / handled initial contacts with a flag.
- The same customer is the same phone number, however it is written (+1 (415) 555-0100 and
  4155550100 are one caller).
"""

from __future__ import annotations

import datetime as dt
import random
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/data: export_kit
from export_kit import (  # noqa: E402
    Builders,
    draw_call,
    guid,
    hms,
    mean,
    r4,
    spread,
    weekdays,
)  # fmt: skip

OUT = Path(__file__).resolve().parent
BUILD = Builders(OUT)
builder, write_csv = BUILD, BUILD.write_csv
AGENTS = ["maya.lopez", "omar.haddad", "jin.park", "sara.novak", "luca.bianchi", "ada.okafor"]
NAMES = ["Maya Lopez", "Omar Haddad", "Jin Park", "Sara Novak", "Luca Bianchi", "Ada Okafor"]
QUEUES = ["Billing", "Support", "Sales"]
MAR = weekdays(dt.date(2025, 3, 3), dt.date(2025, 3, 14))
APR = weekdays(dt.date(2025, 4, 7), dt.date(2025, 4, 18))
MAY4 = weekdays(dt.date(2025, 5, 5), dt.date(2025, 5, 30))  # four weeks: repeats mature
S = dt.timedelta(seconds=1)


def iso_ms(t: dt.datetime) -> str:
    return f"{t:%Y-%m-%dT%H:%M:%S}.{(t.microsecond // 1000):03d}Z"


def digits(phone: str) -> str:
    """The caller's number, however written: the last 10 digits."""
    return re.sub(r"\D", "", phone)[-10:]


def repeat_truth(recs: list[dict[str, Any]], window_days: float = 7, ignore_min: float = 15
                 ) -> dict[str, Any]:  # fmt: skip
    """Repeat contact rate and FCR by repeat over records with ``start``, ``cust`` (the
    normalised customer or None), ``inbound``, ``handled``, ``initial``."""
    win, ign = dt.timedelta(days=window_days), dt.timedelta(minutes=ignore_min)
    last = max(r["start"] for r in recs)
    pool = sorted((r for r in recs if r["inbound"] and r["cust"]), key=lambda r: r["start"])
    by: dict[str, list[dict[str, Any]]] = {}
    for r in pool:
        by.setdefault(r["cust"], []).append(r)
    rep_n = rep_d = fcr_n = fcr_d = 0
    for rows in by.values():
        for i, r in enumerate(rows):
            first = i == 0 or r["start"] - rows[i - 1]["start"] > ign
            repeat = any(ign <= o["start"] - r["start"] <= win for o in rows[i + 1 :])
            mature = r["start"] <= last - win
            if r["initial"] and mature:
                rep_d += 1
                rep_n += repeat
                if r["handled"] and first:
                    fcr_d += 1
                    fcr_n += not repeat
    return {"repeat_contact_rate": r4(rep_n / rep_d), "fcr_repeat": r4(fcr_n / fcr_d),
            "rep_den": rep_d, "fcr_den": fcr_d}  # fmt: skip


def queue_truth(calls: list[dict[str, Any]]) -> dict[str, Any]:
    """Abandonment, ASA, service level over inbound queued customer contacts (``outcome``
    answered / abandoned), AHT over ``handled`` records with a ``handle``."""
    q = [c for c in calls if c["outcome"] in ("answered", "abandoned")]
    ans = [c for c in q if c["outcome"] == "answered"]
    return {
        "abandonment_rate": r4(sum(c["outcome"] == "abandoned" for c in q) / len(q)),
        "asa": r4(mean([c["wait"] for c in ans])),
        "service_level": r4(sum(c["wait"] <= 20 for c in ans) / len(q)),
    }


def days_of(recs: list[dict[str, Any]]) -> dict[str, str]:
    return {"first_day": min(r["start"] for r in recs).date().isoformat(),
            "last_day": max(r["start"] for r in recs).date().isoformat()}  # fmt: skip


# --- 1. Amazon Connect contact search: transfers make new contacts -------------------------------


@builder
def build_connect_search_transfers() -> dict[str, Any]:
    # The Contact search page's "Download CSV" with the chain columns switched on: "Initial
    # contact ID" and "Previous contact ID" are blank on the customer's first contact and
    # filled on each TRANSFER contact the transfer creates (a warm transfer to another queue,
    # sometimes a second one). Abandoned calls: no agent, CUSTOMER_DISCONNECT. No durations.
    rng = random.Random(2801)
    rows, recs = [], []
    for t in spread(rng, MAR, 9):
        cid = guid(rng)
        ok = rng.random() > 0.15
        legs = (1 if rng.random() < 0.3 else 0) + (1 if rng.random() < 0.08 else 0) if ok else 0
        end = t + rng.randint(60, 700) * S
        q = rng.choice(QUEUES)
        phone = f"+1415555{rng.randint(1000, 9999)}"
        rows.append([cid, "", "", "VOICE", "INBOUND", iso_ms(t), iso_ms(end), q,
                     rng.choice(AGENTS) if ok else "", phone,
                     ("AGENT_DISCONNECT" if legs else rng.choice(["CUSTOMER_DISCONNECT",
                      "AGENT_DISCONNECT"])) if ok else "CUSTOMER_DISCONNECT"])  # fmt: skip
        recs.append({"start": t, "initial": True, "handled": ok, "transferred": legs > 0})
        prev = cid
        for _ in range(legs):
            lid, s0 = guid(rng), end
            end = s0 + rng.randint(60, 600) * S
            rows.append([lid, cid, prev, "VOICE", "TRANSFER", iso_ms(s0), iso_ms(end),
                         rng.choice([x for x in QUEUES if x != q]), rng.choice(AGENTS), phone,
                         "CUSTOMER_DISCONNECT"])  # fmt: skip
            recs.append({"start": s0, "initial": False, "handled": True, "transferred": False})
            prev = lid
    write_csv(
        "connect_search_transfers.csv",
        ["Contact ID", "Initial contact ID", "Previous contact ID", "Channel",
         "Initiation method", "Initiation timestamp", "Disconnect timestamp", "Queue", "Agent",
         "Customer phone number", "Disconnect reason"],
        rows,
    )  # fmt: skip
    ini = [r for r in recs if r["initial"]]
    hd = [r for r in ini if r["handled"]]
    return {"rows": len(rows), "contacts": len(ini),
            "transfer_rate": r4(sum(r["transferred"] for r in hd) / len(hd)), **days_of(recs)}  # fmt: skip


# --- 2. Amazon Connect CTRs with queued callbacks ------------------------------------------------


@builder
def build_connect_ctr_callbacks() -> dict[str, Any]:
    # Contact records streamed to S3 and flattened (Athena CSV). A caller who chooses a
    # callback while in queue: the INBOUND contact was enqueued and never reached an agent
    # (DisconnectReason CONTACT_FLOW_DISCONNECT, NextContactId = the callback); the CALLBACK
    # contact (InitialContactId / PreviousContactId = the inbound one) is queued again, an
    # agent takes it and dials the customer. The inbound contact is no abandon: the customer
    # was called back. The chain is one contact.
    rng = random.Random(2802)
    rows, calls, handled_recs = [], [], []
    for t in spread(rng, APR, 10):
        c = draw_call(rng, p_ab=0.12)
        cid, phone = guid(rng), f"+1206555{rng.randint(1000, 9999)}"
        cb = c["outcome"] == "abandoned" and rng.random() < 0.6  # a callback, not an abandon
        q, enq = rng.choice(QUEUES), t + rng.randint(20, 60) * S
        if c["outcome"] == "answered":
            con = enq + c["wait"] * S
            end = con + (c["talk"] + c["hold"]) * S
            ag = rng.choice(AGENTS)
            rows.append([cid, "", "", "", "INBOUND", "VOICE", iso_ms(t), iso_ms(end), phone, q,
                         iso_ms(enq), c["wait"], ag, iso_ms(con), c["talk"], c["hold"],
                         c["acw"], rng.choice(["CUSTOMER_DISCONNECT", "AGENT_DISCONNECT"])])  # fmt: skip
            handled_recs.append(c["handle"])
            calls.append({"start": t, "outcome": "answered", "wait": c["wait"]})
            continue
        end = enq + c["wait"] * S
        if not cb:
            rows.append([cid, "", "", "", "INBOUND", "VOICE", iso_ms(t), iso_ms(end), phone, q,
                         iso_ms(enq), c["wait"], "", "", "", "", "", "CUSTOMER_DISCONNECT"])  # fmt: skip
            calls.append({"start": t, "outcome": "abandoned", "wait": c["wait"]})
            continue
        bid = guid(rng)
        rows.append([cid, "", "", bid, "INBOUND", "VOICE", iso_ms(t), iso_ms(end), phone, q,
                     iso_ms(enq), c["wait"], "", "", "", "", "", "CONTACT_FLOW_DISCONNECT"])  # fmt: skip
        calls.append({"start": t, "outcome": "callback", "wait": c["wait"]})
        bw = rng.randint(120, 1500)
        talk, hold, acw = rng.randint(60, 480), rng.choice([0, 0, rng.randint(5, 60)]), \
            rng.randint(10, 90)  # fmt: skip
        con = end + bw * S
        rows.append([bid, cid, cid, "", "CALLBACK", "VOICE", iso_ms(end), iso_ms(con + (talk + hold) * S),
                     phone, q, iso_ms(end), bw, rng.choice(AGENTS), iso_ms(con), talk, hold, acw,
                     "AGENT_DISCONNECT"])  # fmt: skip
        handled_recs.append(talk + hold + acw)
    write_csv(
        "connect_ctr_callbacks.csv",
        ["ContactId", "InitialContactId", "PreviousContactId", "NextContactId",
         "InitiationMethod", "Channel", "InitiationTimestamp", "DisconnectTimestamp",
         "CustomerEndpoint.Address", "Queue.Name", "Queue.EnqueueTimestamp", "Queue.Duration",
         "Agent.Username", "Agent.ConnectedToAgentTimestamp", "Agent.AgentInteractionDuration",
         "Agent.CustomerHoldDuration", "Agent.AfterContactWorkDuration", "DisconnectReason"],
        rows,
    )  # fmt: skip
    ab = sum(c["outcome"] == "abandoned" for c in calls)
    return {"rows": len(rows), "contacts": len(calls), "callbacks": len(rows) - len(calls),
            "abandonment_rate": r4(ab / len(calls)), "aht": r4(mean(handled_recs)),
            **days_of(calls)}  # fmt: skip


# --- 3. Genesys Cloud conversation detail, one row per participant segment -----------------------


@builder
def build_genesys_conversation_segments() -> dict[str, Any]:
    # The conversation detail job flattened to CSV: one row per segment of each participant
    # (customer, acd, agent): "Conversation ID" and "Conversation Start" repeat on every row,
    # "Segment Start" / "Segment End" ISO Z. An acd "interact" segment is the queue wait; an
    # agent's interact / hold / wrapup segments are its talk, hold and ACW. A blind transfer
    # adds a second acd segment (another queue) and a second agent. Abandoned: an acd segment
    # ended by the customer, no agent.
    rng = random.Random(2803)
    rows, convs = [], []
    for t in spread(rng, MAR, 7):
        c = draw_call(rng, p_ab=0.15)
        conv, ani = guid(rng), f"tel:+1312555{rng.randint(1000, 9999)}"
        q = rng.choice(QUEUES)
        ok = c["outcome"] == "answered"
        xfer = ok and rng.random() < 0.25
        conv_rec = {"start": t, "outcome": c["outcome"], "wait": c["wait"], "handle": 0,
                    "transferred": xfer}  # fmt: skip

        def seg(purpose: str, name: str, queue: str, kind: str, s0: dt.datetime, sec: int,
                disc: str = "") -> dt.datetime:  # fmt: skip
            e = s0 + sec * S
            rows.append([conv, iso_ms(t), "voice", "inbound", ani, purpose, name, queue, kind,
                         iso_ms(s0), iso_ms(e), disc])  # fmt: skip
            return e

        ivr_end = seg("ivr", "Main IVR", "", "interact", t, rng.randint(10, 40))
        qe = seg("acd", q, q, "interact", ivr_end, c["wait"],
                 "" if ok else "endpoint")  # fmt: skip
        if ok:
            who = rng.choice(NAMES)
            e = seg("agent", who, q, "interact", qe, c["talk"])
            if c["hold"]:
                e = seg("agent", who, q, "hold", e, c["hold"])
            e2 = seg("agent", who, q, "wrapup", e, c["acw"], "transfer" if xfer else "peer")
            conv_rec["handle"] = c["talk"] + c["hold"] + c["acw"]
            if xfer:
                q2 = rng.choice([x for x in QUEUES if x != q])
                w2, talk2, acw2 = rng.randint(5, 90), rng.randint(60, 400), rng.randint(5, 60)
                qe2 = seg("acd", q2, q2, "interact", e, w2)
                who2 = rng.choice([n for n in NAMES if n != who])
                e3 = seg("agent", who2, q2, "interact", qe2, talk2)
                seg("agent", who2, q2, "wrapup", e3, acw2, "peer")
                conv_rec["handle"] += talk2 + acw2
            del e2
        convs.append(conv_rec)
    write_csv(
        "genesys_conversation_segments.csv",
        ["Conversation ID", "Conversation Start", "Media Type", "Originating Direction", "ANI",
         "Participant Purpose", "Participant Name", "Queue Name", "Segment Type",
         "Segment Start", "Segment End", "Disconnect Type"],
        rows,
    )  # fmt: skip
    ans = [c for c in convs if c["outcome"] == "answered"]
    return {"rows": len(rows), "contacts": len(convs), **queue_truth(convs),
            "aht": r4(mean([c["handle"] for c in ans])),
            "transfer_rate": r4(sum(c["transferred"] for c in ans) / len(ans)),
            **days_of(convs)}  # fmt: skip


# --- 4. Five9 call log with 3rd-party transfer / conference legs and internal calls --------------


@builder
def build_five9_call_log_legs() -> dict[str, Any]:
    # Five9's Call Log report: an agent's 3rd-party transfer or conference writes its own row
    # ("3rd party transfer", "3rd party conference": the leg to the outside number, a new
    # CALL ID, no queue), and agent-to-agent calls are "Internal" rows (ANI = the agent's
    # station). Only the "Inbound" rows are customer contacts; TRANSFERS counts the
    # customer call's transfers. TIMESTAMP "Mon, 03 Mar 2025 08:34:12", durations H:MM:SS.
    rng = random.Random(2804)
    rows, calls = [], []
    cid = 300000000120000
    for t in spread(rng, APR, 9):
        c = draw_call(rng, p_ab=0.14)
        cid += rng.randint(3, 40)
        ok = c["outcome"] == "answered"
        leg = rng.choice(["3rd party transfer", "3rd party conference"]) \
            if ok and rng.random() < 0.3 else ""  # fmt: skip
        ag = rng.choice(AGENTS) if ok else ""
        ani = f"{rng.randint(201, 989)}555{rng.randint(1000, 9999)}"
        disp = (
            (
                "Transferred To 3rd Party"
                if leg == "3rd party transfer"
                else rng.choice(["Resolved", "Resolved", "Sale", "Follow-up"])
            )
            if ok
            else "Abandon"
        )
        calls.append({"start": t, "outcome": c["outcome"], "wait": c["wait"],
                      "transferred": leg == "3rd party transfer"})  # fmt: skip
        rows.append([cid, f"{t:%a, %d %b %Y %H:%M:%S}", "Inbound Care", "Inbound",
                     f"{ag}@acme.com" if ok else "", disp, ani, "8005550142", hms(c["wait"], False),
                     hms(c["talk"], False), hms(c["hold"], False), hms(c["acw"], False),
                     hms(c["handle"], False), int(leg == "3rd party transfer"),
                     int(leg == "3rd party conference"), 0 if ok else 1])  # fmt: skip
        if leg:
            lt = t + (c["wait"] + rng.randint(30, c["talk"])) * S
            talk = rng.randint(40, 300)
            rows.append([cid + 1, f"{lt:%a, %d %b %Y %H:%M:%S}", "Inbound Care", leg,
                         f"{ag}@acme.com", "", "8005550142", f"312555{rng.randint(1000, 9999)}",
                         "0:00:00", hms(talk, False), "0:00:00", "0:00:00", hms(talk, False), 0,
                         0, 0])  # fmt: skip
            cid += 1
        if rng.random() < 0.12:  # an agent calls a colleague
            it = t + rng.randint(60, 900) * S
            a, b = rng.sample(AGENTS, 2)
            talk = rng.randint(20, 240)
            cid += 1
            rows.append([cid, f"{it:%a, %d %b %Y %H:%M:%S}", "", "Internal", f"{a}@acme.com",
                         "Internal Call", f"{AGENTS.index(b) + 8101}", f"{AGENTS.index(a) + 8101}",
                         "0:00:00", hms(talk, False), "0:00:00", "0:00:00", hms(talk, False), 0,
                         0, 0])  # fmt: skip
    rows.sort(key=lambda r: dt.datetime.strptime(r[1], "%a, %d %b %Y %H:%M:%S"))
    write_csv(
        "five9_call_log_legs.csv",
        ["CALL ID", "TIMESTAMP", "CAMPAIGN", "CALL TYPE", "AGENT", "DISPOSITION", "ANI", "DNIS",
         "QUEUE WAIT TIME", "TALK TIME", "HOLD TIME", "AFTER CALL WORK TIME", "HANDLE TIME",
         "TRANSFERS", "CONFERENCES", "ABANDONED"],
        rows,
    )  # fmt: skip
    ans = [c for c in calls if c["outcome"] == "answered"]
    return {"rows": len(rows), "contacts": len(calls), **queue_truth(calls),
            "transfer_rate": r4(sum(c["transferred"] for c in ans) / len(ans)),
            **days_of(calls)}  # fmt: skip


# --- 5. NICE CXone contacts: "Master Contact ID" beside "Contact ID" -----------------------------


@builder
def build_cxone_master_contacts() -> dict[str, Any]:
    # CXone's Contact report (Reporting > Contact): a transfer to another skill writes a new
    # "Contact ID" whose "Master Contact ID" is the customer's first contact; on that first
    # contact "Master Contact ID" is its own "Contact ID". "Start Date" month-first, "Start
    # Time" 12-hour, seconds for the times, "Abandon" Y / N.
    rng = random.Random(2805)
    rows, recs = [], []
    nxt = 612004500
    skills = ["CS_Billing_Phone", "CS_Support_Phone", "CS_Sales_Phone"]
    for t in spread(rng, MAR, 8):
        c = draw_call(rng, p_ab=0.15)
        nxt += rng.randint(2, 30)
        master, ok = nxt, c["outcome"] == "answered"
        xfer = ok and rng.random() < 0.3
        sk = rng.choice(skills)
        ani = f"415555{rng.randint(1000, 9999)}"

        def row(cid: int, s0: dt.datetime, skill: str, agent: str, w: int, talk: int, hold: int,
                acw: int, ab: str) -> None:  # fmt: skip
            clock = f"{s0.hour % 12 or 12}:{s0:%M:%S} {'AM' if s0.hour < 12 else 'PM'}"
            rows.append([cid, master, "Call", skill, agent, f"{s0.month}/{s0.day}/{s0.year}",
                         clock, ani, "8885550100", "Inbound", w, talk, hold, acw, ab])  # fmt: skip

        row(master, t, sk, rng.choice(NAMES) if ok else "", c["wait"], c["talk"], c["hold"],
            c["acw"], "N" if ok else "Y")  # fmt: skip
        recs.append({"start": t, "handled": ok, "transferred": xfer})
        if xfer:
            nxt += 1
            s0 = t + (c["wait"] + c["talk"] + c["hold"]) * S
            row(nxt, s0, rng.choice([x for x in skills if x != sk]), rng.choice(NAMES),
                rng.randint(5, 80), rng.randint(60, 500), 0, rng.randint(5, 60), "N")  # fmt: skip
    write_csv(
        "cxone_master_contacts.csv",
        ["Contact ID", "Master Contact ID", "Media Type", "Skill Name", "Agent Name",
         "Start Date", "Start Time", "ANI/From", "DNIS/To", "Skill Direction", "Inqueue Time",
         "Agent Time", "Hold Time", "ACW Time", "Abandon"],
        rows,
    )  # fmt: skip
    hd = [r for r in recs if r["handled"]]
    return {"rows": len(rows), "contacts": len(recs),
            "transfer_rate": r4(sum(r["transferred"] for r in hd) / len(hd)), **days_of(recs)}  # fmt: skip


# --- 6. Zendesk Explore, Talk legs: one row per leg of a call -----------------------------------


@builder
def build_zendesk_talk_legs() -> dict[str, Any]:
    # Explore's Talk dataset exported at leg level: "Call ID" repeats on each leg; "Leg type"
    # Agent / Transfer / Consultation; a call transferred to another group has an Agent leg in
    # the first group and a Transfer leg in the second. "Leg created - Timestamp" is the leg's
    # start; the call's wait is on its first leg. Missed calls: one leg with no agent.
    rng = random.Random(2806)
    rows, calls = [], []
    groups = ["Support", "Billing", "Returns"]
    callid = 360001200000
    for t in spread(rng, APR, 7):
        c = draw_call(rng, p_ab=0.15)
        callid += rng.randint(5, 90)
        ok = c["outcome"] == "answered"
        kind = rng.choices(["", "Transfer", "Consultation"], [7, 2, 1])[0] if ok else ""
        g = rng.choice(groups)
        status = "Completed" if ok else "Abandoned in queue"
        leg = 0

        def add(s0: dt.datetime, typ: str, grp: str, agent: str, talk: int, hold: int, acw: int,
                wait: int) -> None:  # fmt: skip
            nonlocal leg
            leg += 1
            rows.append([callid, f"{callid}{leg:02d}", f"{s0:%Y-%m-%d %H:%M:%S}", "Inbound",
                         status, grp, typ, agent, wait, talk, hold, acw])  # fmt: skip

        add(t, "Agent", g, rng.choice(NAMES) if ok else "", c["talk"], c["hold"], c["acw"],
            c["wait"])  # fmt: skip
        if kind:
            s0 = t + (c["wait"] + c["talk"] // 2) * S
            g2 = rng.choice([x for x in groups if x != g]) if kind == "Transfer" else g
            add(s0, kind, g2, rng.choice(NAMES), rng.randint(30, 300), 0, rng.randint(0, 40), 0)
        calls.append({"start": t, "outcome": c["outcome"], "wait": c["wait"],
                      "transferred": kind == "Transfer"})  # fmt: skip
    write_csv(
        "zendesk_talk_legs.csv",
        ["Call ID", "Leg ID", "Leg created - Timestamp", "Call direction",
         "Call completion status", "Leg group", "Leg type", "Leg agent", "Call wait time (sec)",
         "Leg talk time (sec)", "Leg hold time (sec)", "Leg wrap-up time (sec)"],
        rows,
    )  # fmt: skip
    ans = [c for c in calls if c["outcome"] == "answered"]
    return {"rows": len(rows), "contacts": len(calls),
            **queue_truth(calls),
            "transfer_rate": r4(sum(c["transferred"] for c in ans) / len(ans)), **days_of(calls)}  # fmt: skip


# --- 7. CRM call log: the same caller written in different number formats -----------------------


def draw_customers(rng: random.Random, n: int) -> list[str]:
    return [f"{rng.choice([415, 628, 510])}555{rng.randint(1000, 9999):04d}" for _ in range(n)]


def phone_as(rng: random.Random, d: str) -> str:
    """One number in one of the ways a CRM keeps it (agents type it, the dialer writes it)."""
    a, b, c = d[:3], d[3:6], d[6:]
    return rng.choice([f"+1 ({a}) {b}-{c}", d, f"+1{d}", f"({a}) {b}-{c}", f"{a}-{b}-{c}",
                       f"1-{a}-{b}-{c}"])  # fmt: skip


@builder
def build_crm_calls_phone_formats() -> dict[str, Any]:
    # A CRM's call activity export (Salesforce-style Tasks report): "Phone" as the agent or the
    # CTI adapter wrote it, one caller in several formats. Inbound calls from a pool of
    # customers over four weeks (callers come back within days); "Call Result" Connected /
    # Missed; agents' outbound follow-ups are "Outbound" (not customer contacts of the window).
    rng = random.Random(2807)
    custs = draw_customers(rng, 70)
    rows, recs = [], []
    for i, t in enumerate(spread(rng, MAY4, 9)):
        c = draw_call(rng, p_ab=0.1)
        d = rng.choice(custs)
        out = rng.random() < 0.12
        ok = out or c["outcome"] == "answered"
        talk = c["talk"] if not out else rng.randint(30, 400)
        rows.append([f"00T5g00000{9100000 + 13 * i}", f"{t.month}/{t.day}/{t.year}",
                     f"{t.hour % 12 or 12}:{t:%M} {'AM' if t.hour < 12 else 'PM'}",
                     "Outbound" if out else "Inbound", "Connected" if ok else "Missed",
                     phone_as(rng, d), rng.choice(NAMES) if ok else "", talk if ok else 0,
                     "" if out else c["wait"]])  # fmt: skip
        recs.append({"start": t.replace(second=0), "cust": d, "inbound": not out,
                     "handled": ok, "initial": True})  # fmt: skip
    write_csv(
        "crm_calls_phone_formats.csv",
        ["Activity ID", "Date", "Time", "Call Type", "Call Result", "Phone Number",
         "Assigned", "Call Duration (seconds)", "Queue Wait (seconds)"],
        rows,
    )  # fmt: skip
    as_written = repeat_truth([{**r, "cust": rw[5]} for r, rw in zip(recs, rows, strict=True)])
    return {"rows": len(rows), "contacts": len(rows), **repeat_truth(recs),
            "as_written": as_written, **days_of(recs)}  # fmt: skip


# --- 8. Service desk calls: "Resolved on First Contact" Y / N / N/A beside repeats ---------------


@builder
def build_crm_resolved_flag_repeats() -> dict[str, Any]:
    # A CRM case-call export (Dynamics-style): "Customer ID" (CUST-00412), "Created On"
    # dd/mm/yyyy HH:MM, "Resolved on First Contact" Y / N on a customer's first call about an
    # issue and "N/A" on the follow-ups (the flag only judges first contacts); a callback
    # the agent makes is "Outgoing". Missed inbound calls: no agent, flag blank.
    rng = random.Random(2808)
    custs = [f"CUST-{rng.randint(100, 999):05d}" for _ in range(60)]
    rows, recs = [], []
    seen: dict[str, dt.datetime] = {}
    for i, t in enumerate(spread(rng, MAY4, 8)):
        c = draw_call(rng, p_ab=0.1)
        cu = rng.choice(custs)
        out = rng.random() < 0.1
        ok = out or c["outcome"] == "answered"
        follow = cu in seen and t - seen[cu] <= dt.timedelta(days=7)
        flag = None if not ok or out else (None if follow else rng.random() < 0.72)
        txt = "" if not ok else "N/A" if flag is None else "Y" if flag else "N"
        if not out:
            seen[cu] = t
        rows.append([f"CAS-{20250 + i:05d}-K{rng.randint(1, 9)}", f"{t:%d/%m/%Y %H:%M}", cu,
                     "Outgoing" if out else "Incoming", rng.choice(NAMES) if ok else "",
                     "Completed" if ok else "Missed", c["wait"] if not out else "",
                     c["handle"] if not out else rng.randint(60, 500), txt])  # fmt: skip
        recs.append({"start": t.replace(second=0), "cust": cu, "inbound": not out,
                     "handled": ok, "initial": True, "resolved": flag})  # fmt: skip
    write_csv(
        "crm_resolved_flag_repeats.csv",
        ["Case Call ID", "Created On", "Customer ID", "Direction", "Owner", "Call Status",
         "Wait Time (s)", "Handle Time (s)", "Resolved on First Contact"],
        rows,
    )  # fmt: skip
    flagged = [r for r in recs if r["handled"] and r["resolved"] is not None]
    return {"rows": len(rows), "contacts": len(rows),
            "fcr": r4(sum(r["resolved"] for r in flagged) / len(flagged)),
            "flagged": len(flagged), **repeat_truth(recs), **days_of(recs)}  # fmt: skip


# --- 9. 3CX call log with internal extension-to-extension calls ---------------------------------


@builder
def build_threecx_internal_calls() -> dict[str, Any]:
    # 3CX's Call History export (v18): "Direction" Inbound / Outbound / Internal; internal
    # calls are agents calling each other ("Jin Park (102)" to "Sara Novak (104)"), answered or
    # not. Only Inbound / Outbound calls are customer contacts. "Ringing" is the wait of an
    # inbound call, "Talking" the talk time (no hold / ACW columns).
    rng = random.Random(2809)
    ext = {n: 101 + i for i, n in enumerate(NAMES)}
    rows, recs = [], []
    for t in spread(rng, MAR, 11):
        kind = rng.choices(["Inbound", "Outbound", "Internal"], [7, 2, 2])[0]
        a = rng.choice(NAMES)
        if kind == "Internal":
            b = rng.choice([n for n in NAMES if n != a])
            ok = rng.random() < 0.8
            talk = rng.randint(15, 200) if ok else 0
            rows.append([f"{t:%d/%m/%Y %H:%M:%S}", f"{a} ({ext[a]})", f"{b} ({ext[b]})",
                         "Internal", "Answered" if ok else "Unanswered",
                         hms(rng.randint(2, 25)), hms(talk), "0.00",
                         f"Internal: {a} ({ext[a]}) → {b} ({ext[b]})"])  # fmt: skip
            continue
        num = f"+44 20 7946 {rng.randint(0, 9999):04d}"
        if kind == "Outbound":
            ok = rng.random() < 0.7
            talk = rng.randint(30, 500) if ok else 0
            rows.append([f"{t:%d/%m/%Y %H:%M:%S}", f"{a} ({ext[a]})", num, "Outbound",
                         "Answered" if ok else "Unanswered", hms(rng.randint(3, 30)), hms(talk),
                         f"{talk * 0.0012:.2f}", f"Outbound: {a} ({ext[a]}) → {num}"])  # fmt: skip
            recs.append({"start": t, "outcome": "connected" if ok else "no_answer",
                         "handle": talk, "inbound": False})  # fmt: skip
            continue
        c = draw_call(rng, p_ab=0.15)
        ok = c["outcome"] == "answered"
        rows.append([f"{t:%d/%m/%Y %H:%M:%S}", num, f"{a} ({ext[a]})" if ok else "Support (800)",
                     "Inbound", "Answered" if ok else "Unanswered", hms(c["wait"]),
                     hms(c["talk"] if ok else 0), "0.00",
                     f"Inbound: Support (800) → {a} ({ext[a]})" if ok else
                     "Inbound: Support (800) → Unanswered"])  # fmt: skip
        recs.append({"start": t, "outcome": c["outcome"], "wait": c["wait"],
                     "handle": c["talk"] if ok else 0, "inbound": True})  # fmt: skip
    write_csv(
        "threecx_internal_calls.csv",
        ["Call Time", "From", "To", "Direction", "Status", "Ringing", "Talking", "Cost",
         "Call Activity Details"],
        rows,
    )  # fmt: skip
    inb = [r for r in recs if r["inbound"]]
    hd = [r for r in recs if r["outcome"] in ("answered", "connected")]
    return {"rows": len(rows), "contacts": len(recs), "internal": len(rows) - len(recs),
            **queue_truth(inb), "aht": r4(mean([r["handle"] for r in hd])), **days_of(recs)}  # fmt: skip


if __name__ == "__main__":
    BUILD.main()

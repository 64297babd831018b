"""Regenerate the thirty-fifth blind acceptance corpus (tests/test_real_exports_35.py).

    .venv/bin/python tests/data/exports35/make_exports.py             # write the files
    .venv/bin/python tests/data/exports35/make_exports.py --expected  # also print the truth

Round 35: how calls END before or outside an agent -- the IVR and routing outcomes that decide
the denominators of abandonment, service level, ASA and "calls blocked". Each file imitates a
real platform export and mixes the endings that platform writes:

- ``connect_ctr_ivr_endings.csv`` (Amazon Connect CTR): IVR-only contacts with no queue that
  the caller hung up (``CUSTOMER_DISCONNECT``) or the flow closed (``CONTACT_FLOW_DISCONNECT``:
  self-service, after-hours message), short abandons (``Queue.Duration`` 0-4 s).
- ``genesys_interactions_flowout.csv`` (Genesys Cloud Interactions): ``Abandoned`` = NO on IVR-only
  conversations (no queue) and on flow-outs to voicemail after the queue's maximum time;
  short abandons; ``Short Abandon`` flag.
- ``ucce_tcd_dispositions.csv`` (Cisco UCCE Termination_Call_Detail via CUIC): ``Abandoned in
  Network`` (hung up in the VRU before queueing), ``Abandoned in Local Queue``, ``Short``,
  ``Interflow`` (overflowed to another site), ``Disconnect/drop handled primary route``.
- ``cms_call_records.csv`` (Avaya ECH / CMS-like call records): ``ANS``, ``ABAN``, ``BUSY``
  (blocked), ``FORCED_DISCONNECT`` (after-hours vector disconnect), ``OVERFLOW`` (interflowed).
- ``five9_call_log_selfservice.csv`` (Five9 Call Log): ``Self-Service`` (IVR-contained, every
  duration written 0:00:00), ``Voicemail`` after the max queue time, ``Queue Callback``,
  ``Abandon`` (some short), wrap-up codes.
- ``twilio_taskrouter_tasks.csv`` (Twilio TaskRouter tasks): ``canceled`` tasks whose reason
  is a hang-up (abandon), ``Task TTL Exceeded`` / ``redirected to voicemail`` (voicemail),
  ``callback requested``.
- ``acd_call_log_after_hours.csv`` (an ACD's call log): ``Closed - After Hours`` calls ended
  by a message (before 08:00 / after 18:00), ``Callback Requested``, ``Voicemail``,
  ``Short Abandoned``.
- ``daily_queue_summary_blocked.csv`` (a daily summary): ``Total Calls`` = Blocked (all trunks
  busy) + IVR Contained + Abandoned in IVR + Offered; ``Offered`` = Handled + Abandoned +
  Overflow Out + Callbacks Accepted; ``of which Short (<5s)`` is part of Abandoned.
- ``connect_historical_queues.csv`` (Amazon Connect historical metrics): ``Contacts incoming``
  (IVR-contained included) beside ``Contacts queued``, ``Contacts transferred out from queue``
  and ``Callback contacts``.

Definitions (kpi/metrics/registry.py, kpi/metrics/sql.py defaults, docs/mapping.md):

- contacts: rows of a contact log (IVR-only, after-hours and blocked calls are rows, i.e.
  contacts that started); in a summary, the sum of the OFFERED count -- the queue's offered
  (``Offered``, ``Contacts queued``), not a ``Total Calls`` / ``Contacts incoming`` that includes
  IVR-contained and blocked calls, because the registry's offered is "queued, not blocked".
- abandonment = abandoned in queue / inbound offered (queued, not blocked; default denominator
  "offered", which keeps flow-outs, overflow-outs, voicemails after the max queue time and
  accepted callbacks in the denominator -- settings.py: "every queued inbound contact, incl.
  flow-outs"). Short abandons count (``exclude_short_abandons`` is False). A caller who hangs
  up in the IVR never queued: not offered, not abandoned.
- voicemail after the max queue time: mapping.md's class ``voicemail`` = "neither answered nor
  abandoned" -- queued (in the abandonment denominator), not in the service level.
- service level (20 s, abandons negative): answered within 20 s / (answered + abandoned);
  voicemails, overflows and callbacks are in neither (sql.py ``queued`` needs _ans or _aband).
- ASA over answered; AHT = talk + hold + ACW over answered.
- short abandon rate = abandoned with a queue time under 5 s / offered.
- calls blocked = blocked / inbound attempts, read as the registry's written denominator
  "inbound attempts (offered + blocked)" (also the aggregated formula blocked ÷ (offered +
  blocked)): an after-hours forced disconnect or an IVR-only call is neither.
- summaries: ASA / AHT / service level weighted by answered (handled).
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/data: export_kit
from export_kit import Builders, guid, hms, mean, r4, spread, weekdays  # noqa: E402

OUT = Path(__file__).resolve().parent
BUILD = Builders(OUT)
builder, write_csv = BUILD, BUILD.write_csv

QUEUED = ("answered", "abandoned", "voicemail", "overflow", "callback")
AGENTS = ["maria.lopez", "james.okafor", "li.wei", "sara.novak", "tom.berg", "ana.silva"]


def draw_end(rng: random.Random, mix: dict[str, float]) -> dict[str, Any]:
    """One inbound call and how it ended: ``cat`` in answered, abandoned (``short`` under 5 s),
    voicemail (max queue time reached), overflow (left to another queue / site), callback
    (accepted), ivr_hangup, ivr_self (self-service), after_hours, blocked."""
    cat = rng.choices(list(mix), weights=list(mix.values()))[0]
    c: dict[str, Any] = {"cat": cat, "wait": None, "talk": 0, "hold": 0, "acw": 0, "short": False}
    c["ivr"] = rng.randint(15, 140) if cat not in ("blocked",) else 0
    if cat == "answered":
        c["wait"] = rng.choice([rng.randint(0, 20), rng.randint(0, 20), rng.randint(21, 240)])
        c["talk"], c["acw"] = rng.randint(45, 720), rng.randint(5, 150)
        c["hold"] = rng.choice([0, 0, rng.randint(5, 120)])
    elif cat == "abandoned":
        c["short"] = rng.random() < 0.3
        c["wait"] = rng.randint(0, 4) if c["short"] else rng.randint(5, 290)
    elif cat == "voicemail":
        c["wait"] = 300 + rng.randint(0, 3)
    elif cat == "overflow":
        c["wait"] = 120 + rng.randint(0, 2)
    elif cat == "callback":
        c["wait"] = rng.randint(25, 200)
    return c


def calls(rng: random.Random, days: list[dt.date], per_day: int, mix: dict[str, float],
          ) -> list[dict[str, Any]]:  # fmt: skip
    out = []
    for t in spread(rng, days, per_day):
        c = draw_end(rng, mix)
        if c["cat"] == "after_hours":  # closed: the call came before 08:00 or after 18:00
            late = rng.random() < 0.5
            t = t.replace(hour=rng.randint(18, 21) if late else rng.randint(6, 7))
        c["start"] = t
        out.append(c)
    out.sort(key=lambda c: c["start"])
    return out


def truth(recs: list[dict[str, Any]]) -> dict[str, Any]:
    """The registry's KPIs over drawn calls (see the module docstring)."""
    off = [c for c in recs if c["cat"] in QUEUED]
    ans = [c for c in off if c["cat"] == "answered"]
    ab = [c for c in off if c["cat"] == "abandoned"]
    blk = [c for c in recs if c["cat"] == "blocked"]
    out: dict[str, Any] = {
        "rows": len(recs),
        "cats": {k: sum(c["cat"] == k for c in recs) for k in sorted({c["cat"] for c in recs})},
        "contacts": len(recs),
        "abandonment_rate": r4(len(ab) / len(off)),
        "short_abandon_rate": r4(sum(c["short"] for c in ab) / len(off)),
        "asa": r4(mean([c["wait"] for c in ans])),
        "aht": r4(mean([c["talk"] + c["hold"] + c["acw"] for c in ans])),
        "service_level": r4(sum(c["wait"] <= 20 for c in ans) / (len(ans) + len(ab))),
        "first_day": min(c["start"] for c in recs).date().isoformat(),
        "last_day": max(c["start"] for c in recs).date().isoformat(),
    }
    if blk:
        out["blocked_rate"] = r4(len(blk) / (len(off) + len(blk)))
    return out


def iso_z(t: dt.datetime) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%S.000Z")


# --- 1. Amazon Connect CTR: IVR-only contacts, short abandons --------------------------------


@builder
def build_connect() -> dict[str, Any]:
    rng = random.Random(3501)
    mix = {"answered": 60, "abandoned": 14, "ivr_hangup": 9, "ivr_self": 12, "after_hours": 5}
    recs = calls(rng, weekdays(dt.date(2025, 6, 2), dt.date(2025, 6, 13)), 9, mix)
    header = ["ContactId", "InitialContactId", "Channel", "InitiationMethod",
              "InitiationTimestamp", "DisconnectTimestamp", "CustomerEndpoint.Address",
              "SystemEndpoint.Address", "Queue.Name", "Queue.EnqueueTimestamp", "Queue.Duration",
              "Agent.Username", "Agent.ConnectedToAgentTimestamp",
              "Agent.AgentInteractionDuration", "Agent.CustomerHoldDuration",
              "Agent.AfterContactWorkDuration", "DisconnectReason"]  # fmt: skip
    rows = []
    for c in recs:
        cid, t = guid(rng), c["start"]
        enq = t + dt.timedelta(seconds=c["ivr"])
        q = [""] * 3
        agent = [""] * 5
        if c["cat"] in ("answered", "abandoned"):
            q = [rng.choice(["Billing", "Support", "Sales"]), iso_z(enq), c["wait"]]
        if c["cat"] == "answered":
            conn = enq + dt.timedelta(seconds=c["wait"])
            agent = [rng.choice(AGENTS), iso_z(conn), c["talk"], c["hold"], c["acw"]]
            end = conn + dt.timedelta(seconds=c["talk"] + c["hold"])
            why = rng.choice(["CUSTOMER_DISCONNECT", "AGENT_DISCONNECT"])
        elif c["cat"] == "abandoned":
            end, why = enq + dt.timedelta(seconds=c["wait"]), "CUSTOMER_DISCONNECT"
        elif c["cat"] == "ivr_hangup":
            end, why = enq, "CUSTOMER_DISCONNECT"
        else:  # self-service or the closed message: the flow ends the contact
            end, why = enq, "CONTACT_FLOW_DISCONNECT"
        rows.append([cid, cid, "VOICE", "INBOUND", iso_z(t), iso_z(end),
                     f"+1206555{rng.randint(1000, 9999)}", "+18005550142", *q, *agent, why])  # fmt: skip
    write_csv("connect_ctr_ivr_endings.csv", header, rows)
    return truth(recs)


# --- 2. Genesys Cloud Interactions: flow-outs and IVR-only conversations ----------------------


@builder
def build_genesys() -> dict[str, Any]:
    rng = random.Random(3502)
    mix = {"answered": 62, "abandoned": 13, "voicemail": 9, "ivr_self": 10, "ivr_hangup": 6}
    recs = calls(rng, weekdays(dt.date(2025, 6, 16), dt.date(2025, 6, 27)), 9, mix)
    header = ["Conversation ID", "Date", "End Date", "Duration", "Media Type", "Direction", "ANI",
              "DNIS", "Queue", "Users - Interacted", "Wrap-up", "Abandoned", "Short Abandon",
              "Flow-out", "Disconnect Type", "Total Queue", "Total Talk", "Total Hold",
              "Total ACW"]  # fmt: skip
    rows = []
    for c in recs:
        t = c["start"]
        tot = c["ivr"] + (c["wait"] or 0) + c["talk"] + c["hold"]
        end = t + dt.timedelta(seconds=tot)
        queue, user, wrap, ab, short, flow, disc = "", "", "", "NO", "NO", "NO", "Customer"
        qt, talk, hold, acw = "", "", "", ""
        if c["cat"] in QUEUED:
            queue, qt = rng.choice(["Claims", "Policy Service"]), hms(c["wait"])
        if c["cat"] == "answered":
            user = rng.choice(["Maria Lopez", "James Okafor", "Li Wei", "Sara Novak"])
            wrap = rng.choice(["Claim Status", "Policy Change", "General Inquiry"])
            talk, acw = hms(c["talk"]), hms(c["acw"])
            hold = hms(c["hold"]) if c["hold"] else ""
            disc = rng.choice(["Customer", "Peer"])
        elif c["cat"] == "abandoned":
            ab, short = "YES", "YES" if c["short"] else "NO"
        elif c["cat"] == "voicemail":
            flow, disc = "YES", "Endpoint"
        elif c["cat"] == "ivr_self":
            disc = "Peer"  # the flow ended it after the self-service task
        rows.append([guid(rng), t.strftime("%m/%d/%Y %I:%M:%S %p"),
                     end.strftime("%m/%d/%Y %I:%M:%S %p"), hms(tot), "voice", "Inbound",
                     f"tel:+1312555{rng.randint(1000, 9999)}", "tel:+18885550199", queue, user,
                     wrap, ab, short, flow, disc, qt, talk, hold, acw])  # fmt: skip
    write_csv("genesys_interactions_flowout.csv", header, rows)
    return truth(recs)


# --- 3. Cisco UCCE Termination_Call_Detail (CUIC): dispositions in words ----------------------

UCCE_WORDS = {
    "answered": "Disconnect/drop handled primary route",
    "abandoned": "Abandoned in Local Queue",
    "ivr_hangup": "Abandoned in Network",
    "overflow": "Interflow",
}


@builder
def build_ucce() -> dict[str, Any]:
    rng = random.Random(3503)
    mix = {"answered": 62, "abandoned": 13, "ivr_hangup": 12, "overflow": 8}
    recs = calls(rng, weekdays(dt.date(2025, 7, 7), dt.date(2025, 7, 18)), 8, mix)
    header = ["DateTime", "RouterCallKeyDay", "RouterCallKey", "PeripheralCallKey", "CallTypeName",
              "SkillGroupSkillTargetID", "AgentSkillTargetID", "CallDisposition",
              "CallDispositionFlag", "Duration", "DelayTime", "LocalQTime", "RingTime",
              "TalkTime", "HoldTime", "WorkTime", "TimeToAband"]  # fmt: skip
    flags = {"answered": 1, "abandoned": 2, "ivr_hangup": 2, "overflow": 5}
    rows = []
    key = 40110
    for c in recs:
        key += rng.randint(1, 9)
        word = "Short" if c["short"] else UCCE_WORDS[c["cat"]]
        flag = 3 if c["short"] else flags[c["cat"]]
        q = c["wait"] if c["wait"] is not None else 0
        queued = c["cat"] != "ivr_hangup"
        ring = rng.randint(2, 9) if c["cat"] == "answered" else 0
        dur = c["ivr"] + q + ring + c["talk"] + c["hold"]
        aband = q if c["cat"] == "abandoned" else (c["ivr"] if c["cat"] == "ivr_hangup" else 0)
        ans = c["cat"] == "answered"
        rows.append([
            c["start"].strftime("%Y-%m-%d %H:%M:%S.%f")[:-3], 152000 + c["start"].toordinal() % 1000,
            key, 16800000 + key, rng.choice(["CT_Billing", "CT_TechSupport"]),
            rng.choice([5003, 5004]) if queued else "", rng.choice([5101, 5102, 5103, 5104, 5105])
            if ans else "", word, flag, dur, c["ivr"], q, ring, c["talk"], c["hold"], c["acw"],
            aband,
        ])  # fmt: skip
    write_csv("ucce_tcd_dispositions.csv", header, rows)
    return truth(recs)


# --- 4. Avaya ECH / CMS-like call records: BUSY, FORCED_DISCONNECT, OVERFLOW --------------------

CMS_WORDS = {"answered": "ANS", "abandoned": "ABAN", "blocked": "BUSY",
             "after_hours": "FORCED_DISCONNECT", "overflow": "OVERFLOW"}  # fmt: skip


@builder
def build_cms() -> dict[str, Any]:
    rng = random.Random(3504)
    mix = {"answered": 58, "abandoned": 13, "blocked": 9, "after_hours": 8, "overflow": 8}
    recs = calls(rng, weekdays(dt.date(2025, 8, 4), dt.date(2025, 8, 15)), 9, mix)
    header = ["CALLID", "SEGMENT", "SEGSTART", "SEGSTOP", "CALLING_PTY", "DIALED_NUM", "FIRSTVDN",
              "DISPVDN", "DISPSPLIT", "DISPOSITION", "DISPTIME", "QUEUETIME", "RINGTIME",
              "TALKTIME", "ANSHOLDTIME", "ACWTIME", "ANSLOGIN"]  # fmt: skip
    rows = []
    callid = 880410
    for c in recs:
        callid += rng.randint(1, 5)
        q = c["wait"] if c["wait"] is not None else 0
        ans = c["cat"] == "answered"
        ring = rng.randint(2, 8) if ans else 0
        stop = c["start"] + dt.timedelta(seconds=c["ivr"] + q + ring + c["talk"] + c["hold"])
        split = rng.choice(["101", "102"]) if c["cat"] in QUEUED else ""
        rows.append([callid, 1, c["start"].strftime("%m/%d/%Y %H:%M:%S"),
                     stop.strftime("%m/%d/%Y %H:%M:%S"), f"3125550{rng.randint(100, 999)}",
                     "8005550123", "60010", "60010", split, CMS_WORDS[c["cat"]],
                     q if c["cat"] in QUEUED else 0, q, ring, c["talk"], c["hold"], c["acw"],
                     rng.choice(["40211", "40212", "40213", "40214"]) if ans else ""])  # fmt: skip
    write_csv("cms_call_records.csv", header, rows)
    return truth(recs)


# --- 5. Five9 Call Log: Self-Service, Voicemail, Queue Callback ---------------------------------


@builder
def build_five9() -> dict[str, Any]:
    rng = random.Random(3505)
    mix = {"answered": 58, "abandoned": 13, "voicemail": 7, "callback": 8, "ivr_self": 14}
    recs = calls(rng, weekdays(dt.date(2025, 9, 1), dt.date(2025, 9, 12)), 9, mix)
    header = ["CALL ID", "DATE", "TIME", "CAMPAIGN", "SKILL", "CALL TYPE", "AGENT",
              "DISPOSITION", "ANI", "DNIS", "IVR TIME", "QUEUE WAIT TIME", "TALK TIME",
              "HOLD TIME", "AFTER CALL WORK TIME", "HANDLE TIME", "ABANDONED"]  # fmt: skip
    words = {"abandoned": "Abandon", "voicemail": "Voicemail", "callback": "Queue Callback",
             "ivr_self": "Self-Service"}  # fmt: skip
    rows = []
    cid = 300000000087000
    for c in recs:
        cid += rng.randint(3, 40)
        ans = c["cat"] == "answered"
        disp = rng.choice(["Resolved", "Resolved", "Sale", "Follow Up"]) if ans else words[c["cat"]]
        skill = rng.choice(["Billing", "Tech Support"]) if c["cat"] in QUEUED else ""
        agent = rng.choice(["dev.p@acme.com", "rita.k@acme.com", "sam.o@acme.com"]) if ans else ""
        handle = c["talk"] + c["hold"] + c["acw"]
        rows.append([cid, c["start"].strftime("%Y/%m/%d"), c["start"].strftime("%H:%M:%S"),
                     "Inbound Main Line", skill, "Inbound", agent, disp,
                     f"555{rng.randint(1000000, 9999999)}", "8005550177", hms(c["ivr"], False),
                     hms(c["wait"] or 0, False), hms(c["talk"], False), hms(c["hold"], False),
                     hms(c["acw"], False), hms(handle, False),
                     int(c["cat"] == "abandoned")])  # fmt: skip
    write_csv("five9_call_log_selfservice.csv", header, rows)
    return truth(recs)


# --- 6. Twilio TaskRouter tasks: canceled for a hang-up, a timeout or a voicemail --------------


@builder
def build_twilio() -> dict[str, Any]:
    rng = random.Random(3506)
    mix = {"answered": 62, "abandoned": 14, "voicemail": 10, "callback": 6}
    recs = calls(rng, weekdays(dt.date(2025, 10, 6), dt.date(2025, 10, 17)), 8, mix)
    header = ["task_sid", "date_created", "date_updated", "task_queue_friendly_name",
              "workflow_friendly_name", "task_channel_unique_name", "assignment_status",
              "reason", "age", "worker_friendly_name", "wait_time", "talk_time", "hold_time",
              "wrapup_time"]  # fmt: skip
    rows = []
    for c in recs:
        sid = "WT" + "".join(rng.choice("0123456789abcdef") for _ in range(32))
        t = c["start"] + dt.timedelta(seconds=c["ivr"])  # the task starts when the flow enqueues
        ans = c["cat"] == "answered"
        age = c["wait"] + c["talk"] + c["hold"] + c["acw"]
        if ans:
            status, reason = "completed", rng.choice(["Task completed", "wrapup completed"])
        elif c["cat"] == "abandoned":
            status, reason = "canceled", "hangup"
        elif c["cat"] == "voicemail":
            status = "canceled"
            reason = rng.choice(["Task TTL Exceeded", "redirected to voicemail"])
        else:
            status, reason = "canceled", "callback requested"
        rows.append([sid, t.strftime("%Y-%m-%dT%H:%M:%SZ"),
                     (t + dt.timedelta(seconds=age)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                     rng.choice(["Everyone", "Spanish"]), "Assign to Anyone", "voice", status,
                     reason, age, rng.choice(["Alice", "Bob", "Chen", "Dana"]) if ans else "",
                     c["wait"], c["talk"] if ans else "", c["hold"] if ans else "",
                     c["acw"] if ans else ""])  # fmt: skip
    write_csv("twilio_taskrouter_tasks.csv", header, rows)
    for c in recs:  # the task starts at enqueue: its day is that of the enqueue
        c["start"] = c["start"] + dt.timedelta(seconds=c["ivr"])
    return truth(recs)


# --- 7. An ACD call log: closed after hours, callback requested, voicemail -------------------


@builder
def build_acd_log() -> dict[str, Any]:
    rng = random.Random(3507)
    mix = {"answered": 60, "abandoned": 14, "voicemail": 7, "callback": 7, "after_hours": 10}
    recs = calls(rng, weekdays(dt.date(2025, 11, 3), dt.date(2025, 11, 14)), 8, mix)
    header = ["Call ID", "Start Time", "Queue", "Direction", "Result", "Agent", "Queue Time (s)",
              "Talk Time (s)", "Hold Time (s)", "Wrap Time (s)"]  # fmt: skip
    words = {"answered": "Answered", "abandoned": "Abandoned", "voicemail": "Voicemail",
             "callback": "Callback Requested", "after_hours": "Closed - After Hours"}  # fmt: skip
    rows = []
    cid = 7100200
    for c in recs:
        cid += rng.randint(1, 6)
        ans = c["cat"] == "answered"
        word = "Short Abandoned" if c["short"] else words[c["cat"]]
        queue = rng.choice(["Support", "Renewals"]) if c["cat"] in QUEUED else ""
        rows.append([cid, c["start"].strftime("%Y-%m-%d %H:%M:%S"), queue, "Inbound", word,
                     rng.choice(["Ana Ruiz", "Ben Cole", "Cy Park"]) if ans else "",
                     c["wait"] if c["wait"] is not None else "", c["talk"] if ans else "",
                     c["hold"] if ans else "", c["acw"] if ans else ""])  # fmt: skip
    write_csv("acd_call_log_after_hours.csv", header, rows)
    return truth(recs)


# --- 8. Daily queue summary: Blocked, IVR Contained, Overflow Out, Callbacks ------------------


def summary_rows_truth(rows: list[dict[str, Any]]) -> dict[str, Any]:
    off = sum(r["offered"] for r in rows)
    ans = sum(r["answered"] for r in rows)
    blk = sum(r["blocked"] for r in rows)
    return {
        "rows": len(rows),
        "contacts": off,
        "abandonment_rate": r4(sum(r["abandoned"] for r in rows) / off),
        "asa": r4(sum(r["asa"] * r["answered"] for r in rows) / ans),
        "aht": r4(sum(r["aht"] * r["answered"] for r in rows) / ans),
        "service_level": r4(sum(r["sl"] / 100 * r["answered"] for r in rows) / ans),
        "blocked_rate": r4(blk / (off + blk)),
        "first_day": min(r["day"] for r in rows).isoformat(),
        "last_day": max(r["day"] for r in rows).isoformat(),
    }


def draw_summary(rng: random.Random, day: dt.date, base: int) -> dict[str, Any]:
    answered = rng.randint(int(base * 0.7), int(base * 1.2))
    abandoned = rng.randint(2, max(3, answered // 7))
    short = rng.randint(0, abandoned // 3)
    overflow, callbacks = rng.randint(0, 9), rng.randint(0, 7)
    offered = answered + abandoned + overflow + callbacks
    blocked = rng.choice([0, 0, rng.randint(1, 25)])
    ivr, ivr_ab = rng.randint(20, 90), rng.randint(3, 20)
    within = round(answered * rng.uniform(0.55, 0.92))
    return {
        "day": day, "offered": offered, "answered": answered, "abandoned": abandoned,
        "short": short, "overflow": overflow, "callbacks": callbacks, "blocked": blocked,
        "ivr": ivr, "ivr_ab": ivr_ab, "total": blocked + ivr + ivr_ab + offered,
        "asa": rng.randint(10, 80), "aht": rng.randint(260, 520),
        "sl": round(100 * within / (answered + abandoned), 1),
    }  # fmt: skip


@builder
def build_summary() -> dict[str, Any]:
    rng = random.Random(3508)
    rows = []
    for d in weekdays(dt.date(2025, 5, 5), dt.date(2025, 5, 30)):
        for queue, base in (("Retail Banking", 160), ("Cards", 95)):
            r = draw_summary(rng, d, base)
            r["queue"] = queue
            rows.append(r)
    header = ["Date", "Queue", "Total Calls", "Blocked (All Trunks Busy)", "IVR Contained",
              "Abandoned in IVR", "Offered", "Handled", "Abandoned", "of which Short (<5s)",
              "Overflow Out", "Callbacks Accepted", "ASA (s)", "AHT (s)",
              "Service Level % (20s)"]  # fmt: skip
    body = [[r["day"].strftime("%d/%m/%Y"), r["queue"], r["total"], r["blocked"], r["ivr"],
             r["ivr_ab"], r["offered"], r["answered"], r["abandoned"], r["short"], r["overflow"],
             r["callbacks"], r["asa"], r["aht"], f"{r['sl']:.1f}"] for r in rows]  # fmt: skip
    write_csv("daily_queue_summary_blocked.csv", header, body)
    return summary_rows_truth(rows)


# --- 9. Amazon Connect historical metrics: incoming vs queued ----------------------------------


@builder
def build_connect_hist() -> dict[str, Any]:
    rng = random.Random(3509)
    rows = []
    for d in weekdays(dt.date(2025, 3, 3), dt.date(2025, 3, 28)):
        for queue, base in (("BasicQueue", 70), ("Claims", 120)):
            r = draw_summary(rng, d, base)
            r["queue"], r["blocked"] = queue, 0
            r["incoming"] = r["ivr"] + r["ivr_ab"] + r["offered"]
            rows.append(r)
    header = ["Queue", "StartInterval", "EndInterval", "Contacts incoming", "Contacts queued",
              "Contacts handled", "Contacts abandoned", "Contacts transferred out from queue",
              "Callback contacts", "Average queue answer time", "Average handle time",
              "Service level 20 seconds"]  # fmt: skip
    body = []
    for r in rows:
        s = dt.datetime.combine(r["day"], dt.time())
        body.append([r["queue"], s.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
                     (s + dt.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
                     r["incoming"], r["offered"], r["answered"], r["abandoned"], r["overflow"],
                     r["callbacks"], r["asa"], r["aht"], f"{r['sl']:.2f}%"])  # fmt: skip
    write_csv("connect_historical_queues.csv", header, body)
    t = summary_rows_truth(rows)
    del t["blocked_rate"]
    return t


if __name__ == "__main__":
    BUILD.main()

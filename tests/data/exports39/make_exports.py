"""Regenerate the thirty-ninth blind acceptance corpus (tests/test_real_exports_39.py).

    .venv/bin/python tests/data/exports39/make_exports.py             # write the files
    .venv/bin/python tests/data/exports39/make_exports.py --expected  # also print the truth

Round 39: contact data as it comes out of platform APIs and data streams rather than a UI's
CSV button: JSON Lines, JSON arrays and API pages, and the same data flattened to CSV by
``pandas.json_normalize``. Amazon Connect contact trace records (CTRs) delivered by Kinesis
Firehose to S3 (one object per line, nested ``Agent`` / ``Queue`` / ``Attributes``, ``Agent``
null on abandoned contacts, ``Queue`` null on IVR-only contacts, a CSAT attribute as a string),
two consecutive Firehose objects that repeat records (at-least-once delivery), the same CTRs
flattened by ``json_normalize`` (dotted headers), Firehose objects concatenated with no newline
(``}{``), Genesys Cloud analytics conversation details (participants -> sessions -> segments /
metrics in ms: lists a flat table cannot hold), a Zendesk tickets API page (``{"tickets": [...],
"next_page": ...}``, ``updated_at`` that is no solve time), a Twilio Calls list page (RFC 2822
dates, ``duration`` a string of seconds, statuses completed / no-answer / busy / canceled), a
Talkdesk webhook log (event envelope, epoch-millisecond times, numbers as strings, keys missing
rather than null, retried deliveries), and a Five9 stream as NDJSON with a BOM, CRLF and a
trailing empty line (durations HH:MM:SS, flags "0" / "1").

Each builder draws rows with its own seeded ``random.Random``, writes them the way the export
looks, and returns the KPIs computed in plain Python over the drawn records -- never with
KPI Lab code.

Conventions (the registry's documented defaults, as earlier rounds): contacts = rows of a
contact log (a contact delivered twice is one contact); abandonment = abandoned / inbound
queued (answered + abandoned; outbound and IVR-only contacts are not queued); ASA = mean wait
of answered inbound; AHT = mean talk + hold + ACW of handled contacts (inbound answered,
outbound connected); service level (20 s, abandons negative) = answered within 20 s /
(answered + abandoned); CSAT the mean 1-5 rating over rated contacts (Zendesk good / bad =
5 / 1, "offered" / "unoffered" is no rating).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/data: export_kit
from export_kit import (  # noqa: E402
    Builders,
    dial_out,
    draw_call,
    guid,
    hms,
    log_truth,
    mean,
    r4,
    spread,
    weekdays,
)  # fmt: skip

OUT = Path(__file__).resolve().parent
BUILD = Builders(OUT)
builder = BUILD
AGENTS = ["maya.lopez", "omar.haddad", "jin.park", "sara.novak", "luca.bianchi", "ada.okafor"]
NAMES = ["Maya Lopez", "Omar Haddad", "Jin Park", "Sara Novak", "Luca Bianchi", "Ada Okafor"]
QUEUES = ["Billing", "Support", "Sales"]
JUN = weekdays(dt.date(2025, 6, 2), dt.date(2025, 6, 13))
JUL = weekdays(dt.date(2025, 7, 7), dt.date(2025, 7, 18))
SEP = weekdays(dt.date(2025, 9, 1), dt.date(2025, 9, 12))
INSTANCE = "arn:aws:connect:eu-west-2:123456789012:instance/6f1c0a2e-11aa-4d2b-9d0e-31b1f0c0aa01"
Z = "%Y-%m-%dT%H:%M:%SZ"


def iso(t: dt.datetime) -> str:
    return t.strftime(Z)


def epoch_ms(t: dt.datetime) -> int:
    return int(t.replace(tzinfo=dt.UTC).timestamp() * 1000)


def write_lines(name: str, recs: list[dict[str, Any]], eol: str = "\n", bom: bool = False,
                trailing: str = "") -> None:  # fmt: skip
    text = eol.join(json.dumps(r, separators=(",", ":")) for r in recs) + eol + trailing
    (OUT / name).write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))


# --- 1-4. Amazon Connect CTRs from Kinesis Firehose -------------------------------------------


def ctr_calls(seed: int) -> list[dict[str, Any]]:
    """Connect contacts: inbound queued (answered / abandoned), IVR-only (no queue, self-served),
    outbound dials; a CSAT post-call survey attribute on some answered calls."""
    rng = random.Random(seed)
    out = []
    for t in spread(rng, JUN, 9):
        u = rng.random()
        if u < 0.1:
            c = {"outcome": "ivr", "wait": 0, "talk": 0, "hold": 0, "acw": 0, "handle": 0,
                 "inbound": True, "ivr": rng.randint(40, 200)}  # fmt: skip
        elif u < 0.22:
            c = dial_out(rng, p_no=0.3)
        else:
            c = draw_call(rng, p_ab=0.16)
        c["start"] = t
        c["id"] = guid(rng)
        c["queue"] = rng.choice(QUEUES)
        c["agent"] = rng.randrange(len(AGENTS))
        c["holds"] = rng.randint(1, 3) if c["hold"] else 0
        c["csat"] = rng.randint(1, 5) if c["outcome"] == "answered" and rng.random() < 0.4 else None
        c["ivr"] = c.get("ivr", rng.randint(10, 60))
        out.append(c)
    return out


def ctr(c: dict[str, Any]) -> dict[str, Any]:
    """One CTR as Connect writes it to the Firehose stream (format version 2017-03-10)."""
    init = c["start"]
    enq = init + dt.timedelta(seconds=c["ivr"])
    ans = c["outcome"] in ("answered", "connected")
    queued = c["inbound"] and c["outcome"] != "ivr"
    connected = (enq if queued else init) + dt.timedelta(seconds=c["wait"])
    end_talk = connected + dt.timedelta(seconds=c["talk"] + c["hold"])
    if ans:
        disc = end_talk
    elif queued:
        disc = connected
    elif c["outcome"] == "ivr":
        disc = init + dt.timedelta(seconds=c["ivr"])
    else:
        disc = init + dt.timedelta(seconds=30)
    agent = None
    if ans:
        a = AGENTS[c["agent"]]
        agent = {
            "ARN": f"{INSTANCE}/agent/{a}",
            "AfterContactWorkDuration": c["acw"],
            "AfterContactWorkEndTimestamp": iso(end_talk + dt.timedelta(seconds=c["acw"])),
            "AfterContactWorkStartTimestamp": iso(end_talk),
            "AgentInteractionDuration": c["talk"],
            "ConnectedToAgentTimestamp": iso(connected),
            "CustomerHoldDuration": c["hold"],
            "HierarchyGroups": None,
            "LongestHoldDuration": c["hold"] // max(1, c["holds"]) if c["hold"] else 0,
            "NumberOfHolds": c["holds"],
            "RoutingProfile": {"ARN": f"{INSTANCE}/routing-profile/rp1", "Name": "Basic"},
            "Username": a,
        }
    queue = None
    if queued:
        queue = {
            "ARN": f"{INSTANCE}/queue/{c['queue'].lower()}",
            "DequeueTimestamp": iso(connected),
            "Duration": c["wait"],
            "EnqueueTimestamp": iso(enq),
            "Name": c["queue"],
        }
    elif not c["inbound"]:  # an outbound dial runs through the agent's outbound queue
        queue = {"ARN": f"{INSTANCE}/queue/outbound", "DequeueTimestamp": None, "Duration": 0,
                 "EnqueueTimestamp": None, "Name": "Outbound"}  # fmt: skip
    attrs: dict[str, Any] = {"language": "en-GB"}
    if c["csat"] is not None:
        attrs["csatScore"] = str(c["csat"])  # contact attributes are strings
    return {
        "AWSAccountId": "123456789012",
        "AWSContactTraceRecordFormatVersion": "2017-03-10",
        "Agent": agent,
        "AgentConnectionAttempts": 1 if ans and c["inbound"] else 0,
        "Attributes": attrs,
        "Channel": "VOICE",
        "ConnectedToSystemTimestamp": iso(init),
        "ContactId": c["id"],
        "CustomerEndpoint": {
            "Address": f"+4420{7900000 + int(c['id'][:5], 16) % 99999:07d}",
            "Type": "TELEPHONE_NUMBER",
        },  # fmt: skip
        "DisconnectReason": "CUSTOMER_DISCONNECT" if c["inbound"] else "AGENT_DISCONNECT",
        "DisconnectTimestamp": iso(disc),
        "InitialContactId": None,
        "InitiationMethod": "INBOUND" if c["inbound"] else "OUTBOUND",
        "InitiationTimestamp": iso(init),
        "InstanceARN": INSTANCE,
        "LastUpdateTimestamp": iso(disc + dt.timedelta(seconds=c["acw"] + 2)),
        "MediaStreams": [{"Type": "AUDIO"}],
        "NextContactId": None,
        "PreviousContactId": None,
        "Queue": queue,
        "Recording": None,
        "Recordings": None,
        "SystemEndpoint": {"Address": "+442071234567", "Type": "TELEPHONE_NUMBER"},
        "TransferCompletedTimestamp": None,
        "TransferredToEndpoint": None,
    }


def connect_truth(calls: list[dict[str, Any]]) -> dict[str, Any]:
    t = log_truth(calls)
    t["ivr_only"] = sum(c["outcome"] == "ivr" for c in calls)
    t["outbound"] = sum(not c["inbound"] for c in calls)
    return t


CTR_A = ctr_calls(3901)
CTR_B = ctr_calls(3902)


@builder
def build_connect_ctr_firehose_a() -> dict[str, Any]:
    # s3://.../2025/06/13/10/connect-ctr-stream-1-2025-06-13-10-00-00-<uuid>: one CTR per line.
    write_lines("connect_ctr_firehose_a.jsonl", [ctr(c) for c in CTR_A])
    return connect_truth(CTR_A)


@builder
def build_connect_ctr_firehose_b() -> dict[str, Any]:
    # The next Firehose object: it starts with the last 7 records of A again (a retried put:
    # at-least-once delivery), then new contacts of the same fortnight.
    again = CTR_A[-7:]
    write_lines("connect_ctr_firehose_b.jsonl", [ctr(c) for c in again + CTR_B])
    both = connect_truth(CTR_A + CTR_B)
    return {"b_rows": len(again) + len(CTR_B), "repeated": len(again), "b_alone":
            connect_truth(again + CTR_B), "a_and_b": both}  # fmt: skip


@builder
def build_connect_ctr_normalized() -> dict[str, Any]:
    # pandas.json_normalize(records).to_csv(index=False): dotted headers, a null Agent gives
    # empty Agent.* cells, lists as Python reprs, NaN as empty, ints of a column with a gap as
    # floats ("412.0").
    import pandas as pd

    frame = pd.json_normalize([ctr(c) for c in CTR_A])
    frame.to_csv(OUT / "connect_ctr_normalized.csv", index=False)
    return {"columns": len(frame.columns), **connect_truth(CTR_A)}


@builder
def build_connect_ctr_concatenated() -> dict[str, Any]:
    # A Firehose stream with no newline delimiter processor: the objects are written back to
    # back ("...}{"AWSAccountId"...") on one line -- not JSON, not JSON lines.
    calls = CTR_A[:40]
    body = "".join(json.dumps(ctr(c), separators=(",", ":")) for c in calls)
    (OUT / "connect_ctr_concatenated.json").write_text(body, encoding="utf-8")
    return connect_truth(calls)


# --- 5. Genesys Cloud analytics conversation details (participants -> sessions -> segments) ---


@builder
def build_genesys_conversation_details() -> dict[str, Any]:
    # POST /api/v2/analytics/conversations/details/query: {"conversations": [...],
    # "totalHits": n}. The queue wait, talk, hold and wrap-up live in lists (participants ->
    # sessions -> metrics / segments) that a flat table can only keep as JSON text.
    rng = random.Random(3905)
    convs, recs = [], []
    for t in spread(rng, JUL, 8):
        c = draw_call(rng, p_ab=0.15)
        c["start"] = t
        recs.append(c)
        cid = guid(rng)
        ivr = rng.randint(10, 40)
        q0 = t + dt.timedelta(seconds=ivr)
        q1 = q0 + dt.timedelta(seconds=c["wait"])
        ms = lambda s: int(s * 1000)  # noqa: E731
        z = lambda x: x.strftime("%Y-%m-%dT%H:%M:%S.000Z")  # noqa: E731
        parts: list[dict[str, Any]] = [
            {"participantId": guid(rng), "purpose": "customer", "sessions": [
                {"mediaType": "voice", "direction": "inbound", "ani": "tel:+15551230000",
                 "segments": [{"segmentStart": z(t), "segmentEnd": z(q0), "segmentType": "system"}]}]},
            {"participantId": guid(rng), "purpose": "acd", "participantName": c.get("q", "Support"),
             "sessions": [{"mediaType": "voice", "direction": "inbound",
                           "metrics": [{"name": "nOffered", "value": 1, "emitDate": z(q0)},
                                       {"name": "tAcd", "value": ms(c["wait"]), "emitDate": z(q1)}]
                           + ([{"name": "tAbandon", "value": ms(c["wait"]), "emitDate": z(q1)}]
                              if c["outcome"] == "abandoned" else []),
                           "segments": [{"segmentStart": z(q0), "segmentEnd": z(q1),
                                         "segmentType": "interact", "queueId": "q-support",
                                         "disconnectType": "peer" if c["outcome"] == "answered"
                                         else "client"}]}]},
        ]  # fmt: skip
        end = q1
        if c["outcome"] == "answered":
            # talk split around a hold: interact, hold, interact, wrapup
            a = rng.randint(10, max(10, c["talk"] - 10)) if c["talk"] > 20 else c["talk"]
            segs = []
            s = q1
            for kind, d in (("interact", a), ("hold", c["hold"]), ("interact", c["talk"] - a),
                            ("wrapup", c["acw"])):  # fmt: skip
                if d:
                    segs.append({"segmentStart": z(s), "segmentEnd": z(s + dt.timedelta(seconds=d)),
                                 "segmentType": kind})  # fmt: skip
                    s += dt.timedelta(seconds=d)
            end = s
            metrics = [{"name": "tAnswered", "value": ms(c["wait"])},
                       {"name": "tTalk", "value": ms(c["talk"])},
                       {"name": "tTalkComplete", "value": ms(c["talk"])},
                       {"name": "tHeld", "value": ms(c["hold"])} if c["hold"] else None,
                       {"name": "tAcw", "value": ms(c["acw"])},
                       {"name": "tHandle", "value": ms(c["handle"])}]  # fmt: skip
            parts.append({"participantId": guid(rng), "purpose": "agent",
                          "userId": guid(rng), "participantName": rng.choice(NAMES),
                          "sessions": [{"mediaType": "voice", "direction": "inbound",
                                        "metrics": [m for m in metrics if m],
                                        "segments": segs}]})  # fmt: skip
        convs.append({
            "conversationId": cid,
            "conversationStart": z(t),
            "conversationEnd": z(end),
            "divisionIds": ["d-0001"],
            "originatingDirection": "inbound",
            "participants": parts,
        })  # fmt: skip
    doc = {"conversations": convs, "totalHits": len(convs)}
    (OUT / "genesys_conversation_details.json").write_text(json.dumps(doc, indent=2))
    return log_truth(recs)


# --- 6. Zendesk tickets API page ----------------------------------------------------------------


@builder
def build_zendesk_tickets_page() -> dict[str, Any]:
    # GET /api/v2/tickets.json: {"tickets": [100], "next_page": ".../tickets.json?page=2",
    # "previous_page": null, "count": 243}. satisfaction_rating: {"score": good|bad|offered|
    # unoffered}. created_at / updated_at: updated_at moves on every change (a tag, a
    # satisfaction survey, an automation closing the ticket days later): it is no solve time.
    rng = random.Random(3906)
    tickets, recs = [], []
    for i, t in enumerate(spread(rng, SEP, 10)):
        status = rng.choice(["closed", "closed", "solved", "solved", "open", "pending", "new"])
        upd = t + dt.timedelta(minutes=rng.randint(30, 60 * 24 * 6))
        score = rng.choice(["good", "good", "good", "bad", "offered", "unoffered", "good"])
        recs.append({"start": t, "csat": {"good": 5, "bad": 1}.get(score), "status": status})
        tickets.append({
            "url": f"https://acme.zendesk.com/api/v2/tickets/{48100 + i}.json",
            "id": 48100 + i,
            "external_id": None,
            "via": {"channel": rng.choice(["email", "web", "voice", "chat"]),
                    "source": {"from": {}, "to": {}, "rel": None}},
            "created_at": iso(t),
            "updated_at": iso(upd),
            "type": rng.choice(["question", "incident", "problem", None]),
            "subject": rng.choice(["Refund request", "Login problem", "Order status"]),
            "priority": rng.choice(["low", "normal", "normal", "high", None]),
            "status": status,
            "requester_id": 360000000 + rng.randint(1, 9999),
            "assignee_id": 370000000 + rng.randint(1, 6) if status != "new" else None,
            "group_id": 360001,
            "tags": rng.sample(["vip", "refund", "web", "app"], rng.randint(0, 2)),
            "custom_fields": [{"id": 360010, "value": None}],
            "satisfaction_rating": {"score": score} if score in ("offered", "unoffered")
            else {"score": score, "id": 9900 + i, "comment": None},
            "brand_id": 360002,
            "allow_channelback": False,
        })  # fmt: skip
    doc = {"tickets": tickets, "next_page": "https://acme.zendesk.com/api/v2/tickets.json?page=2",
           "previous_page": None, "count": 243}  # fmt: skip
    (OUT / "zendesk_tickets_page.json").write_text(json.dumps(doc, indent=2))
    rated = [r["csat"] for r in recs if r["csat"] is not None]
    return {"rows": len(recs), "count_in_api": 243, "csat": r4(mean(rated)), "rated": len(rated),
            "first_day": min(r["start"] for r in recs).date().isoformat(),
            "last_day": max(r["start"] for r in recs).date().isoformat()}  # fmt: skip


# --- 7. Twilio Calls list page ------------------------------------------------------------------


@builder
def build_twilio_calls_page() -> dict[str, Any]:
    # GET /2010-04-01/Accounts/AC.../Calls.json: {"calls": [...], "page": 0, "page_size": 100,
    # "next_page_uri": null, ...}. start_time / end_time in RFC 2822 ("Mon, 07 Jul 2025
    # 08:15:31 +0000"); duration a STRING of seconds (talk time); status completed (inbound
    # answered / outbound connected), canceled (inbound caller hung up before an answer),
    # no-answer / busy (outbound not picked up). No wait time in the resource.
    rng = random.Random(3907)
    calls, recs = [], []
    for t in spread(rng, JUL[:5], 16):
        if rng.random() < 0.3:
            c = dial_out(rng, p_no=0.35)
            status = (
                "completed" if c["outcome"] == "connected" else rng.choice(["no-answer", "busy"])
            )
            direction = "outbound-api"
        else:
            c = draw_call(rng, p_ab=0.18)
            status = "completed" if c["outcome"] == "answered" else "canceled"
            direction = "inbound"
        dur = c["talk"] + c["hold"]  # Twilio's duration: the connected leg (no ACW)
        c["handle"] = dur if status == "completed" else 0
        c["start"] = t
        recs.append(c)
        sid = "CA" + "".join(rng.choice("0123456789abcdef") for _ in range(32))
        end = t + dt.timedelta(seconds=dur if status == "completed" else rng.randint(5, 40))
        rfc = lambda x: email.utils.format_datetime(x.replace(tzinfo=dt.UTC))  # noqa: E731
        calls.append({
            "account_sid": "AC0123456789abcdef0123456789abcdef",
            "annotation": None,
            "answered_by": None,
            "api_version": "2010-04-01",
            "caller_name": None,
            "date_created": rfc(t - dt.timedelta(seconds=1)),
            "date_updated": rfc(end + dt.timedelta(seconds=1)),
            "direction": direction,
            "duration": str(dur if status == "completed" else 0),
            "end_time": rfc(end),
            "forwarded_from": None,
            "from": "+15017122661" if direction != "inbound" else f"+1415555{rng.randint(0, 9999):04d}",
            "from_formatted": "(501) 712-2661",
            "group_sid": None,
            "parent_call_sid": None,
            "phone_number_sid": "PN0123456789abcdef0123456789abcdef",
            "price": f"-{0.0085 * max(1, dur // 60 + 1):.5f}" if status == "completed" else None,
            "price_unit": "USD",
            "sid": sid,
            "start_time": rfc(t),
            "status": status,
            "subresource_uris": {"notifications": f"/2010-04-01/Accounts/AC0/Calls/{sid}/Notifications.json",
                                 "recordings": f"/2010-04-01/Accounts/AC0/Calls/{sid}/Recordings.json"},
            "queue_time": "0",
            "to": "+15558675310",
            "to_formatted": "(555) 867-5310",
            "trunk_sid": None,
            "uri": f"/2010-04-01/Accounts/AC0/Calls/{sid}.json",
        })  # fmt: skip
    doc = {"calls": calls, "end": len(calls) - 1, "first_page_uri": "/2010-04-01/Accounts/AC0/"
           "Calls.json?PageSize=100&Page=0", "next_page_uri": None, "page": 0, "page_size": 100,
           "previous_page_uri": None, "start": 0, "uri": "/2010-04-01/Accounts/AC0/Calls.json"
           "?PageSize=100&Page=0"}  # fmt: skip
    (OUT / "twilio_calls_page.json").write_text(json.dumps(doc, indent=2))
    inb = [c for c in recs if c["inbound"]]
    handled = [c for c in recs if c["handle"]]
    return {"rows": len(recs), "contacts": len(recs), "inbound": len(inb),
            "abandonment_rate": r4(sum(c["outcome"] == "abandoned" for c in inb) / len(inb)),
            "aht": r4(mean([c["handle"] for c in handled])),
            "first_day": min(c["start"] for c in recs).date().isoformat(),
            "last_day": max(c["start"] for c in recs).date().isoformat()}  # fmt: skip


# --- 8. Talkdesk webhook log ----------------------------------------------------------------------


@builder
def build_talkdesk_webhooks() -> dict[str, Any]:
    # A webhook receiver's log: one delivery per line {"event": "call_finished", "timestamp":
    # <delivery, epoch ms>, "account_id", "data": {...}}. data.start_at epoch ms (number),
    # durations in seconds as STRINGS, "agent" key absent (not null) on abandoned calls,
    # "csat" absent unless surveyed. About one delivery in twelve was retried (the receiver
    # answered 500): the same call_id again, with a delivery timestamp 1-6 hours later.
    rng = random.Random(3908)
    lines, recs = [], []
    for t in spread(rng, SEP, 9):
        c = draw_call(rng, p_ab=0.17)
        c["start"] = t
        c["csat"] = (
            rng.randint(1, 5) if c["outcome"] == "answered" and rng.random() < 0.35 else None
        )
        recs.append(c)
        end = t + dt.timedelta(seconds=c["wait"] + c["talk"] + c["hold"] + c["acw"])
        data: dict[str, Any] = {
            "call_id": guid(rng).replace("-", ""),
            "interaction_id": guid(rng).replace("-", ""),
            "type": "inbound" if c["outcome"] == "answered" else "abandoned",
            "start_at": epoch_ms(t),
            "end_at": epoch_ms(end),
            "ring_groups": [rng.choice(QUEUES).lower()],
            "wait_time": str(c["wait"]),
            "talk_time": str(c["talk"]),
            "hold_time": str(c["hold"]),
            "wrap_up_time": str(c["acw"]),
        }
        if c["outcome"] == "answered":
            i = rng.randrange(len(NAMES))
            data["agent"] = {"id": f"ag{i:03d}", "name": NAMES[i], "email": f"{AGENTS[i]}@acme.io"}
        if c["csat"] is not None:
            data["csat"] = {"score": str(c["csat"]), "scale": "1-5"}
        lines.append((end + dt.timedelta(seconds=2), data))
        if rng.random() < 1 / 12:
            lines.append((end + dt.timedelta(hours=rng.randint(1, 6)), data))
    lines.sort(key=lambda x: x[0])
    out = [{"event": "call_finished", "timestamp": epoch_ms(d), "account_id": "5f1c0a2e11aa",
            "data": data} for d, data in lines]  # fmt: skip
    write_lines("talkdesk_webhooks.jsonl", out)
    t = log_truth(recs)
    t["lines"] = len(out)
    return t


# --- 9. Five9 stream as NDJSON: BOM, CRLF, trailing empty line ---------------------------------


@builder
def build_five9_stream_bom() -> dict[str, Any]:
    # A data-lake export of the Five9 call log, one flat object per line, written by a Windows
    # tool: UTF-8 BOM, CRLF, an empty line at the end. Five9's field names upper-case with
    # spaces ("CALL ID", "QUEUE WAIT TIME"), durations "HH:MM:SS", flags "0" / "1", the
    # timestamp epoch milliseconds as a STRING.
    rng = random.Random(3909)
    recs, out = [], []
    for t in spread(rng, JUN, 8):
        outbound = rng.random() < 0.2
        c = dial_out(rng, p_no=0.3) if outbound else draw_call(rng, p_ab=0.15)
        c["start"] = t
        recs.append(c)
        ab = c["outcome"] == "abandoned"
        out.append({
            "CALL ID": str(rng.randint(10**14, 10**15 - 1)),
            "TIMESTAMP": str(epoch_ms(t)),
            "CAMPAIGN": "Outbound Sales" if outbound else rng.choice(["Inbound Support", "Inbound Billing"]),
            "CALL TYPE": "Outbound" if outbound else "Inbound",
            "SKILL": "" if outbound else rng.choice(QUEUES),
            "AGENT NAME": rng.choice(NAMES) if handled_(c) else "",
            "DISPOSITION": "Abandon" if ab else "No Answer" if c["outcome"] == "no_answer"
            else rng.choice(["Resolved", "Callback Scheduled", "Sale"]),
            "ABANDONED": "1" if ab else "0",
            "QUEUE WAIT TIME": hms(c["wait"]),
            "TALK TIME": hms(c["talk"]),
            "HOLD TIME": hms(c["hold"]),
            "AFTER CALL WORK TIME": hms(c["acw"]),
            "HANDLE TIME": hms(c["handle"]),
        })  # fmt: skip
    write_lines("five9_stream_bom.ndjson", out, eol="\r\n", bom=True, trailing="\r\n")
    return log_truth(recs)


def handled_(c: dict[str, Any]) -> bool:
    return c["outcome"] in ("answered", "connected")


if __name__ == "__main__":
    BUILD.main()

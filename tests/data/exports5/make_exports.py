"""Regenerate the fifth blind acceptance corpus (tests/test_real_exports_5.py).

    .venv/bin/python tests/data/exports5/make_exports.py             # write the files
    .venv/bin/python tests/data/exports5/make_exports.py --expected  # also print the truth

Each builder draws semantic rows with its own seeded ``random.Random``, writes them the way the
vendor's export looks, and returns KPIs computed with plain Python over the semantic rows (for
summary reports: over the displayed per-row numbers, weighted by answered) -- never with KPI Lab
code. The printed numbers are pasted into the test as literals.

Conventions (same as rounds 1-4): abandonment = abandoned / inbound contacts that queued
(answered + abandoned + voicemail); ASA = mean wait of answered inbound contacts; AHT = mean
talk + hold + ACW of handled contacts (inbound answered, outbound connected); service level =
answered within 20 s / (answered + abandoned); transfer rate = transferred / handled; CSAT =
mean of the 1-5 ratings given; summary reports: averages weighted by answered.

New shapes in round 5: Freshcaller call log (mm:ss durations, "14 Mar 2025 13:05:07"), Zendesk
Talk calls (API field names, completion_status incl. abandoned_in_ivr), an Avaya-style CDR with
ISO 8601 durations (PT1M30S) and +01:00/+02:00 offsets across the EU DST change, Help Scout
conversations ("1d 2h 3m" durations), Kustomer JSON:API response (nested attributes), a JSON
array of call objects with nested "queue" / "agent" / "timings" objects, a Dynamics
365 workbook whose first sheet is a summary, a daily queue workbook with a two-row merged header,
an all-quoted ';' CSV with "85,2 %", a PureConnect interaction summary in Parquet (tz-aware
timestamps, millisecond durations, Direction 1/2), weekly reports with "2025-W10" / "Week 10
2025" and totals in decimal hours "(hrs)", Nextiva call history ("1h 2m 3s", blank and negative
durations).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/data: export_kit
from export_kit import Builders, contact_truth, csv_text, draw_call, mean, spread, weekdays  # noqa: E402

OUT = Path(__file__).resolve().parent
BUILD = Builders(OUT)
builder, write_csv = BUILD, BUILD.write_csv
AGENTS = ["Maya Lopez", "Omar Haddad", "Jin Park", "Sara Novak", "Luca Bianchi", "Ada Okafor"]
MARCH = weekdays(dt.date(2025, 3, 3), dt.date(2025, 3, 14))  # day 13 and 14 disambiguate


def handled(recs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in recs if r["outcome"] == "answered" or (not r["inbound"] and r["handle"])]


def extra_truth(recs: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if any("transferred" in r for r in recs):
        h = handled(recs)
        out["transfer_rate"] = round(sum(bool(r.get("transferred")) for r in h) / len(h), 4)
    rated = [r["csat"] for r in recs if r.get("csat") is not None]
    if rated:
        out["csat"] = round(mean(rated), 4)
    return out


def outbound(rng: random.Random, p_no_answer: float = 0.2) -> dict[str, Any]:
    if rng.random() < p_no_answer:
        return {"outcome": "no_answer", "wait": 0, "talk": 0, "hold": 0, "acw": 0, "handle": 0,
                "inbound": False, "ring": rng.randint(8, 40)}  # fmt: skip
    talk, acw = rng.randint(30, 600), rng.randint(0, 60)
    return {"outcome": "connected", "wait": 0, "talk": talk, "hold": 0, "acw": acw,
            "handle": talk + acw, "inbound": False, "ring": rng.randint(3, 20)}  # fmt: skip


def mmss(sec: int) -> str:
    return f"{sec // 60:02d}:{sec % 60:02d}"


# --- 1. Freshcaller call log ----------------------------------------------------------------------


@builder
def build_freshcaller() -> dict[str, Any]:
    # "Created Time" 14 Mar 2025 13:05:07; Call Type Incoming / Outgoing; Status Completed /
    # Abandoned / Voicemail / No Answer (outgoing); durations mm:ss ("12:00" is 12 minutes).
    rng = random.Random(501)
    recs, rows = [], []
    for i, t in enumerate(spread(rng, MARCH, 7)):
        c = outbound(rng) if rng.random() < 0.2 else draw_call(rng, p_ab=0.15, p_vm=0.06)
        c["start"] = t
        ok = c["outcome"] in ("answered", "connected")
        c["transferred"] = ok and rng.random() < 0.12
        recs.append(c)
        status = {"answered": "Completed", "connected": "Completed", "abandoned": "Abandoned",
                  "voicemail": "Voicemail", "no_answer": "No Answer"}[c["outcome"]]  # fmt: skip
        rows.append([
            f"{88120000 + i * 13}", "Incoming" if c["inbound"] else "Outgoing", status,
            t.strftime("%d %b %Y %H:%M:%S"), "Support Line (+1 646 555 0100)",
            f"+1 212 555 0{rng.randint(100, 999)}", rng.choice(AGENTS) if ok else "",
            "Tier 1", mmss(c["wait"]), mmss(c["talk"]), mmss(c["hold"]), mmss(c["acw"]),
            mmss(c["wait"] + c["talk"] + c["hold"]), "Yes" if c["transferred"] else "No",
        ])  # fmt: skip
    header = ["Call ID", "Call Type", "Status", "Created Time", "Freshcaller Number",
              "Customer Number", "Agent", "Team", "Queue Time", "Talk Time", "Hold Duration",
              "Wrap-up Time", "Call Duration", "Transferred"]  # fmt: skip
    write_csv("freshcaller_call_log.csv", header, rows)
    return {**contact_truth(recs), **extra_truth(recs)}


# --- 2. Zendesk Talk calls (API incremental export flattened to CSV) --------------------------------


@builder
def build_zendesk_talk() -> dict[str, Any]:
    # API names: created_at ISO Z, direction inbound / outbound, completion_status completed /
    # abandoned_in_queue / abandoned_in_ivr (never reached a queue: not an abandon) /
    # wait_time, talk_time, hold_time, wrap_up_time (s).
    rng = random.Random(502)
    recs, rows = [], []
    for i, t in enumerate(spread(rng, MARCH, 8)):
        u = rng.random()
        if u < 0.15:
            c = outbound(rng, 0.0)
            status = "completed"
        elif u < 0.22:  # hung up in the IVR menu: not queued
            c = {"outcome": "ivr", "wait": 0, "talk": 0, "hold": 0, "acw": 0, "handle": 0,
                 "inbound": True}  # fmt: skip
            status = "abandoned_in_ivr"
        else:
            c = draw_call(rng, p_ab=0.15)
            status = "completed" if c["outcome"] == "answered" else "abandoned_in_queue"
        c["start"] = t
        ans = c["outcome"] in ("answered", "connected")
        c["csat"] = rng.choice([3, 4, 5, 5, 2]) if ans and rng.random() < 0.3 else None
        recs.append(c)
        ivr = rng.randint(5, 40) if c["inbound"] else 0
        duration = ivr + c["wait"] + c["talk"] + c["hold"]
        rows.append([
            360000100000 + i * 17, t.strftime("%Y-%m-%dT%H:%M:%SZ"),
            (t + dt.timedelta(seconds=duration + c["acw"])).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "inbound" if c["inbound"] else "outbound", status,
            376000111000 + AGENTS.index(rng.choice(AGENTS)) if ans else "",
            duration, c["wait"], c["wait"] if ans and c["inbound"] else "", c["talk"],
            c["hold"], c["acw"], ivr, "false",
            "false", "Support", "+1 (415) 555-0199",
        ])  # fmt: skip
    header = ["id", "created_at", "updated_at", "direction", "completion_status", "agent_id",
              "duration", "wait_time", "time_to_answer", "talk_time", "hold_time",
              "wrap_up_time", "ivr_time_spent", "voicemail", "callback", "default_group",
              "line"]  # fmt: skip
    write_csv("zendesk_talk_calls.csv", header, rows)
    # CSAT is not in the Talk export; the drawn ratings are not written.
    for r in recs:
        r.pop("csat")
    return contact_truth(recs)


# --- 3. Avaya-style CDR: ISO 8601 durations, offsets across the EU DST change ------------------------


AMS_DAYS = weekdays(dt.date(2025, 3, 24), dt.date(2025, 4, 4))  # DST starts Sun 30 March


def iso_dur(sec: int) -> str:
    if sec == 0:
        return "PT0S"
    h, m, s = sec // 3600, sec % 3600 // 60, sec % 60
    return "PT" + (f"{h}H" if h else "") + (f"{m}M" if m else "") + (f"{s}S" if s else "")


def parse_iso(v: str) -> int:
    h = m = sec = 0
    num = ""
    for ch in v.removeprefix("PT"):
        if ch.isdigit():
            num += ch
        else:
            h, m, sec = (
                (int(num), m, sec)
                if ch == "H"
                else (h, int(num), sec)
                if ch == "M"
                else (h, m, int(num))
            )
            num = ""
    return h * 3600 + m * 60 + sec


@builder
def build_avaya_cdr() -> dict[str, Any]:
    # startTime / answerTime / endTime local Amsterdam time with +01:00 (before 30 March) or
    # +02:00 (after); queueDuration / talkDuration / holdDuration / wrapUpDuration ISO 8601.
    rng = random.Random(503)
    recs, rows, utc = [], [], []
    for i, t in enumerate(spread(rng, AMS_DAYS, 6)):
        c = draw_call(rng, p_ab=0.16)
        c["start"] = t
        recs.append(c)
        off = dt.timedelta(hours=1 if t.date() < dt.date(2025, 3, 30) else 2)
        tz = dt.timezone(off)
        s = t.replace(tzinfo=tz)
        utc.append((t - off).isoformat())
        ans = c["outcome"] == "answered"
        a = s + dt.timedelta(seconds=c["wait"]) if ans else None
        e = s + dt.timedelta(seconds=c["wait"] + c["talk"] + c["hold"])
        rows.append([
            f"0A1B{i:05d}", s.isoformat(), a.isoformat() if a else "", e.isoformat(), "INBOUND",
            rng.choice(["NL_Support", "NL_Billing"]), f"agent{rng.randint(1, 6):02d}" if ans else "",
            "ANSWERED" if ans else "ABANDONED", iso_dur(c["wait"]), iso_dur(c["talk"]),
            iso_dur(c["hold"]), iso_dur(c["acw"]),
        ])  # fmt: skip
    header = ["callId", "startTime", "answerTime", "endTime", "direction", "queueName",
              "agentId", "disposition", "queueDuration", "talkDuration", "holdDuration",
              "wrapUpDuration"]  # fmt: skip
    write_csv("avaya_cdr_iso.csv", header, rows)
    # Control: the same rows with the durations in plain seconds (isolates the offsets / DST).
    secs = [[*r[:8], *(parse_iso(v) for v in r[8:])] for r in rows]
    write_csv("avaya_cdr_seconds.csv", header, secs)
    return {**contact_truth(recs), "first_utc": utc[0], "last_utc": utc[-1],
            "after_dst_first_utc": next(u for u in utc if u >= "2025-03-31")}  # fmt: skip


# --- 4. Help Scout conversations: "1d 2h 3m" durations ----------------------------------------------


def dhm(sec: int) -> str:
    d, h, m = sec // 86400, sec % 86400 // 3600, sec % 3600 // 60
    parts = [f"{d}d"] * bool(d) + [f"{h}h"] * bool(h) + [f"{m}m"] * bool(m)
    return " ".join(parts) or "0m"


@builder
def build_helpscout() -> dict[str, Any]:
    # Created "2025-03-14 13:05"; Status Active / Pending / Closed; First Response Time and
    # Resolution Time written "2h 15m", "1d 3h 12m" (whole minutes); blank when none yet.
    rng = random.Random(504)
    rows, frts, res = [], [], []
    for i, t in enumerate(spread(rng, MARCH, 5)):
        t = t.replace(second=0)
        replied = rng.random() < 0.85
        frt = rng.choice([rng.randint(2, 90), rng.randint(60, 600), rng.randint(600, 2000)]) * 60
        closed = replied and rng.random() < 0.7
        rt = frt + rng.randint(10, 3000) * 60 if closed else None
        status = "Closed" if closed else rng.choice(["Active", "Pending"])
        if replied:
            frts.append(frt)
        if closed:
            res.append(rt)
        rows.append([
            4100 + i, f"Question about order #{rng.randint(10000, 99999)}",
            f"customer{i}@example.com", "Support", status,
            rng.choice(AGENTS) if replied else "", t.strftime("%Y-%m-%d %H:%M"),
            dhm(frt) if replied else "", dhm(rt) if closed else "", rng.randint(1, 6),
        ])  # fmt: skip
    header = ["Conversation Number", "Subject", "Customer", "Mailbox", "Status", "Assigned To",
              "Created", "First Response Time", "Resolution Time", "Replies"]  # fmt: skip
    write_csv("helpscout_conversations.csv", header, rows)
    return {"rows": len(rows), "frt": round(mean(frts), 4), "resolution_time": round(mean(res), 4),
            "replied": len(frts), "closed": len(res)}  # fmt: skip


# --- 5. Kustomer JSON:API response (nested) ---------------------------------------------------------


def zstamp(t: dt.datetime) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"


@builder
def build_kustomer() -> dict[str, Any]:
    # {"data": [{"type": "conversation", "id", "attributes": {"createdAt", "status" open/done,
    # "firstResponse": {"createdAt", "time" (ms)}, "lastDone": {"createdAt", "time" (ms)},
    # "satisfactionLevel": {"rating": 1-5}}}], "links": ..., "meta": ...}
    rng = random.Random(505)
    data, frts, res, rates = [], [], [], []
    for i, t in enumerate(spread(rng, MARCH, 4)):
        t = t.replace(microsecond=rng.randint(0, 999) * 1000)
        attrs: dict[str, Any] = {
            "name": f"Chat with visitor {i}", "channels": [rng.choice(["chat", "email"])],
            "status": "open", "priority": rng.randint(1, 5), "createdAt": zstamp(t),
            "updatedAt": zstamp(t + dt.timedelta(hours=rng.randint(1, 50))),
            "messageCount": rng.randint(1, 9), "tags": [],
        }  # fmt: skip
        if rng.random() < 0.9:
            ms = rng.randint(20, 5400) * 1000 + rng.randint(0, 999)
            attrs["firstResponse"] = {"createdAt": zstamp(t + dt.timedelta(milliseconds=ms)),
                                      "time": ms, "businessTime": ms}  # fmt: skip
            frts.append(ms / 1000)
            if rng.random() < 0.75:
                done = ms + rng.randint(60, 200000) * 1000
                attrs["status"] = "done"
                attrs["lastDone"] = {"createdAt": zstamp(t + dt.timedelta(milliseconds=done)),
                                     "time": done, "createdBy": "5f1e0c0d"}  # fmt: skip
                res.append(done / 1000)
                if rng.random() < 0.5:
                    rating = rng.choice([1, 3, 4, 5, 5, 4])
                    attrs["satisfactionLevel"] = {"status": "rated", "rating": rating,
                                                  "channel": "email"}  # fmt: skip
                    rates.append(rating)
        data.append({
            "type": "conversation", "id": f"65f0a1b2c3d4e5f6a7b8{i:04d}", "attributes": attrs,
            "relationships": {"customer": {"data": {"type": "customer", "id": f"cus{i:04d}"}},
                              "assignedUsers": {"data": [{"type": "user", "id": "usr01"}]}},
        })  # fmt: skip
    doc = {"links": {"self": "/v1/conversations?page=1&pageSize=100", "next": None},
           "meta": {"pageSize": 100, "page": 1, "totalPages": 1}, "data": data}  # fmt: skip
    (OUT / "kustomer_conversations.json").write_text(json.dumps(doc, indent=2), encoding="utf-8")
    return {"rows": len(data), "frt": round(mean(frts), 4), "resolution_time": round(mean(res), 4),
            "csat": round(mean(rates), 4), "replied": len(frts), "done": len(res),
            "rated": len(rates)}  # fmt: skip


# --- 5b. REST API call list: a JSON array of objects with nested objects -------------------------


@builder
def build_nested_json() -> dict[str, Any]:
    # [{"id", "direction": "INBOUND"/"OUTBOUND", "created_at": "...Z", "queue": {"id", "name"},
    # "agent": {"id", "name"} or null, "outcome": "ANSWERED"/"ABANDONED"/"NO_ANSWER",
    # "timings": {"wait_seconds", "talk_seconds", "hold_seconds", "wrap_up_seconds"},
    # "csat": {"score": 1-5} or null}]
    rng = random.Random(512)
    recs, out = [], []
    for t in spread(rng, MARCH, 5):
        c = outbound(rng) if rng.random() < 0.15 else draw_call(rng, p_ab=0.15)
        c["start"] = t
        ok = c["outcome"] in ("answered", "connected")
        c["csat"] = rng.choice([2, 4, 5, 5, 3]) if ok and rng.random() < 0.4 else None
        recs.append(c)
        name = rng.choice(AGENTS)
        out.append({
            "id": f"c_{rng.getrandbits(48):012x}", "direction": "INBOUND" if c["inbound"]
            else "OUTBOUND", "created_at": t.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "queue": {"id": "q_01", "name": "Support"} if c["inbound"] else None,
            "agent": {"id": f"a_{AGENTS.index(name)}", "name": name} if ok else None,
            "outcome": {"answered": "ANSWERED", "connected": "ANSWERED",
                        "abandoned": "ABANDONED", "no_answer": "NO_ANSWER"}[c["outcome"]],
            "timings": {"wait_seconds": c["wait"], "talk_seconds": c["talk"],
                        "hold_seconds": c["hold"], "wrap_up_seconds": c["acw"]},
            "csat": {"score": c["csat"]} if c["csat"] else None,
        })  # fmt: skip
    (OUT / "api_calls_nested.json").write_text(json.dumps(out, indent=1), encoding="utf-8")
    return {**contact_truth(recs), **extra_truth(recs)}


# --- 6. Dynamics 365 workbook: summary sheet first, data on sheet 2 --------------------------------


@builder
def build_d365_xlsx() -> dict[str, Any]:
    import openpyxl

    rng = random.Random(506)
    wb = openpyxl.Workbook()
    summ = wb.active
    summ.title = "Summary"
    data = wb.create_sheet("Conversations")
    data.append(["Conversation", "Created On", "Channel", "Queue", "Status", "Status Reason",
                 "Agent", "Wait time (seconds)", "Talk time (seconds)", "Hold time (seconds)",
                 "Wrap-up time (seconds)", "Is abandoned", "Transferred", "CSAT"])  # fmt: skip
    recs = []
    for i, t in enumerate(spread(rng, MARCH, 6)):
        c = draw_call(rng, p_ab=0.14)
        ans = c["outcome"] == "answered"
        c["transferred"] = ans and rng.random() < 0.15
        c["csat"] = rng.choice([2, 3, 4, 5, 5]) if ans and rng.random() < 0.4 else None
        c["start"] = t
        recs.append(c)
        data.append([
            f"{{{rng.getrandbits(32):08x}-5e2a-ef11-8ee7-000d3a{i:06d}}}", t, "Voice",
            rng.choice(["Customer Care", "Billing"]), "Closed",
            "Resolved" if ans else "Abandoned", rng.choice(AGENTS) if ans else None, c["wait"],
            c["talk"], c["hold"], c["acw"], "No" if ans else "Yes",
            "Yes" if c["transferred"] else "No", c["csat"],
        ])  # fmt: skip
        data.cell(data.max_row, 2).number_format = "m/d/yyyy h:mm AM/PM"
    tr = contact_truth(recs)
    summ.append(["Omnichannel conversations - KPI summary"])
    summ.append(["Period", "3/3/2025 - 3/14/2025"])
    summ.append([])
    summ.append(["Metric", "Value"])
    summ.append(["Total conversations", len(recs)])
    summ.append(["Abandoned", tr["abandoned"]])
    summ.append(["Average wait (s)", tr["asa"]])
    summ.append(["Average handle (s)", tr["aht"]])
    summ.append(["Data on sheet 'Conversations'"])
    wb.save(OUT / "d365_conversations.xlsx")
    return {**tr, **extra_truth(recs)}


# --- 7. Daily queue workbook, two-row merged header ---------------------------------------------------


@builder
def build_merged_header_xlsx() -> dict[str, Any]:
    # Row 1: Date | Queue | "Calls" (merged over 3) | "Speed (sec)" (merged over 2) | Service Level
    # Row 2:      |       | Offered | Answered | Abandoned | ASA | AHT | % in 20s
    # Date and Queue merged vertically over both rows. 3 queues x 10 days.
    import openpyxl

    rng = random.Random(507)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Daily"
    ws.append(["Date", "Queue", "Calls", None, None, "Speed (sec)", None, "Service Level"])
    ws.append([None, None, "Offered", "Answered", "Abandoned", "ASA", "AHT", "% in 20s"])
    for rng_ in ["A1:A2", "B1:B2", "C1:E1", "F1:G1", "H1:H2"]:
        ws.merge_cells(rng_)
    shown = []
    for d in MARCH:
        for q in ["Sales", "Support", "Billing"]:
            off = rng.randint(40, 220)
            ab = rng.randint(0, off // 6)
            ans = off - ab
            asa, aht, sl = (
                rng.randint(6, 95),
                rng.randint(180, 560),
                round(rng.uniform(0.55, 0.97), 3),
            )
            shown.append((off, ans, ab, asa, aht, sl))
            ws.append([dt.datetime.combine(d, dt.time()), q, off, ans, ab, asa, aht, sl])
            ws.cell(ws.max_row, 1).number_format = "yyyy-mm-dd"
            ws.cell(ws.max_row, 8).number_format = "0.0%"
    wb.save(OUT / "queue_daily_merged_header.xlsx")
    o, a, b = (sum(p[i] for p in shown) for i in range(3))
    return {
        "rows": len(shown), "contacts": o, "abandonment_rate": round(b / o, 4),
        "asa": round(sum(p[1] * p[3] for p in shown) / a, 4),
        "aht": round(sum(p[1] * p[4] for p in shown) / a, 4),
        "service_level": round(sum(p[1] * p[5] for p in shown) / a, 4),
    }  # fmt: skip


# --- 8. All-quoted ';' daily report, "85,2 %" ---------------------------------------------------------


@builder
def build_quoted_semicolon() -> dict[str, Any]:
    # Every field quoted, ';', English headers, dates 14.03.2025, decimal comma, "85,2 %" with a
    # space before the percent sign; ASA / AHT seconds with one decimal ("23,4").
    rng = random.Random(508)
    rows, shown = [], []
    for d in MARCH:
        for q in ["Helpdesk", "Orders"]:
            off = rng.randint(50, 300)
            ab = rng.randint(0, off // 5)
            ans = off - ab
            asa, aht = round(rng.uniform(5, 90), 1), round(rng.uniform(150, 600), 1)
            sl = round(rng.uniform(55, 97), 1)
            shown.append((off, ans, ab, asa, aht, sl))
            rows.append([d.strftime("%d.%m.%Y"), q, off, ans, ab,
                         f"{100 * ab / off:.1f} %".replace(".", ","),
                         f"{asa:.1f}".replace(".", ","), f"{aht:.1f}".replace(".", ","),
                         f"{sl:.1f} %".replace(".", ",")])  # fmt: skip
    header = ["Date", "Queue", "Offered", "Answered", "Abandoned", "Abandon Rate", "ASA (s)",
              "AHT (s)", "Service Level"]  # fmt: skip
    text = csv_text([header, *rows], sep=";", eol="\r\n", quoting=csv.QUOTE_ALL)
    (OUT / "queue_daily_quoted.csv").write_text(text, encoding="utf-8")
    o, a, b = (sum(p[i] for p in shown) for i in range(3))
    return {
        "rows": len(shown), "contacts": o, "abandonment_rate": round(b / o, 4),
        "asa": round(sum(p[1] * p[3] for p in shown) / a, 4),
        "aht": round(sum(p[1] * p[4] for p in shown) / a, 4),
        "service_level": round(sum(p[1] * p[5] / 100 for p in shown) / a, 4),
    }  # fmt: skip


# --- 9. PureConnect interaction summary in Parquet --------------------------------------------------


@builder
def build_pureconnect_parquet() -> dict[str, Any]:
    # InteractionSummary columns: InitiatedDateTimeUTC / ConnectedDateTimeUTC /
    # TerminatedDateTimeUTC tz-aware (UTC), Direction 1 inbound / 2 outbound, tQueueWait /
    # tConnected / tACW milliseconds (tConnected = talk incl. hold), nTransfer count,
    # ConnectedDateTimeUTC null when never connected.
    import pandas as pd

    rng = random.Random(509)
    recs, cols = [], {k: [] for k in [
        "InteractionIDKey", "SiteID", "InitiatedDateTimeUTC", "ConnectedDateTimeUTC",
        "TerminatedDateTimeUTC", "Direction", "MediaType", "LastAssignedWorkgroupID",
        "LastLocalUserId", "tQueueWait", "tAlert", "tConnected", "tACW", "nTransfer"]}  # fmt: skip
    for i, t in enumerate(spread(rng, MARCH, 7)):
        c = outbound(rng) if rng.random() < 0.2 else draw_call(rng, p_ab=0.15)
        c["start"] = t
        ok = c["outcome"] in ("answered", "connected")
        n_tr = rng.choice([0, 0, 0, 0, 1, 1, 2]) if ok else 0
        c["transferred"] = n_tr > 0
        recs.append(c)
        s = pd.Timestamp(t, tz="UTC")
        pre = c["wait"] if c["inbound"] else c["ring"]
        con = s + pd.Timedelta(seconds=pre) if ok else pd.NaT
        end = s + pd.Timedelta(seconds=pre + c["talk"] + c["hold"])
        ms = rng.randint(0, 999)
        for k, v in zip(cols, [
            f"{100012345 + i * 3}20250303", 1, s, con, end, 1 if c["inbound"] else 2, 0,
            rng.choice(["Support", "Sales"]) if c["inbound"] else "",
            rng.choice(["mlopez", "ohaddad", "jpark"]) if ok else "",
            c["wait"] * 1000 + (ms if c["wait"] else 0), rng.randint(1000, 6000) if ok else 0,
            (c["talk"] + c["hold"]) * 1000, c["acw"] * 1000, n_tr,
        ], strict=True):  # fmt: skip
            cols[k].append(v)
        recs[-1]["wait"] = (c["wait"] * 1000 + (ms if c["wait"] else 0)) / 1000
    df = pd.DataFrame(cols)
    for k in ["InitiatedDateTimeUTC", "ConnectedDateTimeUTC", "TerminatedDateTimeUTC"]:
        df[k] = pd.to_datetime(df[k], utc=True)
    df.to_parquet(OUT / "pureconnect_interactions.parquet", index=False)
    return {**contact_truth(recs), **extra_truth(recs)}


# --- 10. Weekly reports: ISO weeks and decimal hours ----------------------------------------------


@builder
def build_weekly_hours() -> dict[str, Any]:
    # "2025-W10" (and, same numbers, "Week 10 2025"); per queue Offered / Answered / Abandoned /
    # "Answered in 20s"; "Wait Time (hrs)" and "Handle Time (hrs)" are TOTALS in decimal hours
    # (2 decimals) over answered calls. ASA / AHT = total hours * 3600 / answered.
    rng = random.Random(510)
    rows, rows2, shown = [], [], []
    for wk in range(10, 14):
        for q in ["Sales", "Support", "Billing"]:
            off = rng.randint(300, 900)
            ab = rng.randint(0, off // 7)
            ans = off - ab
            in20 = rng.randint(ans // 2, ans)
            wait_h = round(ans * rng.uniform(8, 80) / 3600, 2)
            handle_h = round(ans * rng.uniform(200, 520) / 3600, 2)
            shown.append((off, ans, ab, in20, wait_h, handle_h))
            tail = [q, off, ans, ab, in20, f"{wait_h:.2f}", f"{handle_h:.2f}"]
            rows.append([f"2025-W{wk}", *tail])
            rows2.append([f"Week {wk} 2025", *tail])
    header = ["Week", "Queue", "Offered", "Answered", "Abandoned", "Answered in 20s",
              "Wait Time (hrs)", "Handle Time (hrs)"]  # fmt: skip
    write_csv("weekly_isoweek_hours.csv", header, rows)
    write_csv("weekly_weekno_hours.csv", header, rows2)
    o, a, b = (sum(p[i] for p in shown) for i in range(3))
    return {
        "rows": len(shown), "contacts": o, "abandonment_rate": round(b / o, 4),
        "asa": round(sum(p[4] for p in shown) * 3600 / a, 4),
        "aht": round(sum(p[5] for p in shown) * 3600 / a, 4),
        "service_level": round(sum(p[3] for p in shown) / (a + b), 4),
        "service_level_answered": round(sum(p[3] for p in shown) / a, 4),
        "first_monday": str(dt.date.fromisocalendar(2025, 10, 1)),
        "last_monday": str(dt.date.fromisocalendar(2025, 13, 1)),
    }  # fmt: skip


# --- 11. Nextiva call history: "1h 2m 3s", blank and negative durations ----------------------------


def hms_words(sec: int) -> str:
    h, m, s = sec // 3600, sec % 3600 // 60, sec % 60
    parts = [f"{h}h"] * bool(h) + [f"{m}m"] * bool(m) + [f"{s}s"] * bool(s)
    return " ".join(parts) or "0s"


@builder
def build_nextiva() -> dict[str, Any]:
    # Date 2025-03-14 + Time 1:05:07 PM; Direction Inbound / Outbound; Result Answered / Missed
    # (inbound hung up in queue) / Voicemail / No Answer (outbound); "Wait Time" and "Duration"
    # written "45s", "3m 12s", "1h 2m 3s"; Duration blank when not connected; 3 answered rows
    # carry a clock-skew "-2s" wait (unknown wait: left out of ASA, still answered contacts).
    rng = random.Random(511)
    recs, rows = [], []
    skew = 0
    for i, t in enumerate(spread(rng, MARCH, 6)):
        c = outbound(rng) if rng.random() < 0.2 else draw_call(rng, p_ab=0.17, p_vm=0.05)
        c = {**c, "hold": 0, "acw": 0}
        c["handle"] = c["talk"] if c["outcome"] in ("answered", "connected") else 0
        if c["outcome"] == "answered" and rng.random() < 0.08:
            c["talk"] = c["handle"] = rng.randint(3700, 4200)  # over an hour: "1h 2m 3s"
        c["start"] = t
        result = {"answered": "Answered", "connected": "Answered", "abandoned": "Missed",
                  "voicemail": "Voicemail", "no_answer": "No Answer"}[c["outcome"]]  # fmt: skip
        wait = hms_words(c["wait"]) if c["inbound"] else ""
        if c["outcome"] == "answered" and skew < 3 and i % 5 == 2:
            wait, c["wait"], skew = f"-{rng.randint(1, 3)}s", None, skew + 1
        recs.append(c)
        rows.append([
            t.strftime("%Y-%m-%d"), t.strftime("%I:%M:%S %p").lstrip("0"),
            "Inbound" if c["inbound"] else "Outbound", result,
            f"+1 (480) 555-0{rng.randint(100, 999)}", "Main Line",
            rng.choice(AGENTS) if c["handle"] else "", wait,
            hms_words(c["talk"]) if c["handle"] else "",
        ])  # fmt: skip
    header = ["Date", "Time", "Direction", "Result", "Caller ID", "Called", "User", "Wait Time",
              "Duration"]  # fmt: skip
    write_csv("nextiva_call_history.csv", header, rows)
    inb = [r for r in recs if r["inbound"]]
    ans = [r for r in inb if r["outcome"] == "answered"]
    known = [r["wait"] for r in ans if r["wait"] is not None]
    ab = [r for r in inb if r["outcome"] == "abandoned"]
    h = handled(recs)
    return {
        "rows": len(recs), "skewed": skew, "abandonment_rate": round(len(ab) / len(inb), 4),
        "asa": round(mean(known), 4), "aht": round(mean([r["handle"] for r in h]), 4),
        "first_day": recs[0]["start"].date().isoformat(),
        "last_day": recs[-1]["start"].date().isoformat(),
        "over_hour": sum(r["talk"] > 3600 for r in recs),
    }  # fmt: skip


if __name__ == "__main__":
    BUILD.main()

"""Regenerate the eleventh blind acceptance corpus (tests/test_real_exports_11.py).

    .venv/bin/python tests/data/exports11/make_exports.py             # write the files
    .venv/bin/python tests/data/exports11/make_exports.py --expected  # also print the truth

Round 11 is about AGENT-LEVEL, WORKFORCE and OMNICHANNEL exports. Each builder draws rows with its
own seeded ``random.Random``, writes them the way the platform's export looks, and returns the
KPIs computed in plain Python over the drawn records (summary reports: over the *displayed*
numbers) -- never with KPI Lab code.

Conventions (the registry's documented defaults, as rounds 1-10):

* contact logs: contacts = rows; abandonment = abandoned / queued (a contact is queued when it
  has a queue wait or abandoned: e-mail and SMS rows with no wait are not in the denominator);
  ASA = mean wait of answered rows that have a wait; AHT = mean handle time of handled rows;
  service level (20 s, abandons negative) = answered within 20 s / (answered + abandoned) over
  queued rows; FRT (``frt``) = mean first-response seconds over rows that have one; CSAT =
  mean 1-5 rating (Zendesk good / bad = 5 / 1, docs/mapping.md);
* agent / summary reports: contacts = sum offered, else sum answered (an agent report has no
  offered count: its handled calls are the volume); averages weighted by answered (without an
  answered column, by offered - abandoned); transfer rate = transferred / answered; occupancy
  pooled as sum(AHT x handled) / sum(AHT x handled / occupancy) (kpi/metrics/aggregated.py);
* a WFM forecast-vs-actual file: only the ACTUAL columns are contacts and KPIs;
* an IVR containment report and an agent-status (presence) summary have no queue: contacts
  entering the IVR are the volume, but no ASA, AHT, abandonment, service level or transfer rate
  may come out of them.

Round 11 shapes: Genesys Cloud Agents Performance (per agent per day, "Handle" a COUNT beside
"Avg Handle"), Five9 Agent Productivity (UPPER CASE, total HANDLE TIME beside AVG HANDLE TIME,
OCCUPANCY % beside ADHERENCE %), Genesys Agent Status summary (presence durations only),
LivePerson messaging conversations ("+0000" timestamps, MCS 0-100 beside CSAT, unassigned
conversations), Zendesk Chat (legacy) API export (snake_case, missed chats, good / bad ratings,
response_time_first / _avg / _max), Salesforce Messaging sessions ("9/2/2024, 8:12 AM", Accept
Time as the answer moment, Missed sessions), an e-mail channel log (Received / First Reply
timestamps, reply counts, day-first dates), Sprinklr social cases (WhatsApp / Facebook / X,
first response in decimal minutes), an omnichannel interactions file (phone / chat / e-mail /
SMS, channel-specific columns mostly empty), a callback queue log (requested / attempted /
connected), an IVR self-service containment report, a WFM forecast-vs-actual interval file and
a NICE CXone Agent Contact detail (one row per agent leg, inbound and outbound, refused
routings).
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
builder, write_csv = BUILD, BUILD.write_csv
SEPT = weekdays(dt.date(2024, 9, 2), dt.date(2024, 9, 13))  # days 13+ disambiguate d/m
AGENTS = ["Maya Lopez", "Omar Haddad", "Jin Park", "Sara Novak", "Luca Bianchi"]


def us_ampm(t: dt.datetime) -> str:
    """Salesforce's report format: "9/2/2024, 8:12 AM"."""
    return f"{t.month}/{t.day}/{t.year}, {t.hour % 12 or 12}:{t:%M} {t:%p}"


def agent_row(rng: random.Random) -> dict[str, Any]:
    talk, hold, acw = rng.randint(180, 420), rng.randint(0, 40), rng.randint(20, 90)
    n = rng.randint(18, 45)
    return {"n": n, "talk": talk, "hold": hold, "acw": acw, "aht": talk + hold + acw,
            "transfers": rng.randint(0, n // 8)}  # fmt: skip


def agent_truth(rows: list[dict[str, Any]]) -> dict[str, Any]:
    n = sum(r["n"] for r in rows)
    return {
        "rows": len(rows),
        "contacts": n,
        "aht": r4(sum(r["aht"] * r["n"] for r in rows) / n),
        "talk_time": r4(sum(r["talk"] * r["n"] for r in rows) / n),
        "transfer_rate": r4(sum(r["transfers"] for r in rows) / n),
    }


# --- 1. Genesys Cloud "Agents Performance": per agent per day, "Handle" is a count ---------------


@builder
def build_genesys_agent_performance() -> dict[str, Any]:
    # Date ISO; Agent Name; Division; "Handle" the COUNT of handled interactions (Genesys'
    # metric name) beside "Avg Handle" / "Avg Talk" / "Avg Hold" / "Avg ACW" in H:MM:SS;
    # "Transfer" a count; "Alert - No Answer" (RONA, a distractor); no offered / abandoned.
    rng = random.Random(1101)
    rows, out = [], []
    for d in SEPT:
        for a in AGENTS:
            r = agent_row(rng)
            rows.append(r)
            out.append([
                f"{d:%Y-%m-%d}", a, "Home", r["n"], hms(r["aht"], pad=False),
                hms(r["talk"], pad=False), hms(r["hold"], pad=False), hms(r["acw"], pad=False),
                r["transfers"], rng.randint(0, 3),
            ])  # fmt: skip
    write_csv(
        "genesys_agent_performance.csv",
        ["Date", "Agent Name", "Division", "Handle", "Avg Handle", "Avg Talk", "Avg Hold",
         "Avg ACW", "Transfer", "Alert - No Answer"],
        out,
    )  # fmt: skip
    return {**agent_truth(rows), "first_day": "2024-09-02", "last_day": "2024-09-13"}


# --- 2. Five9 "Agent Productivity": UPPER CASE, totals beside averages, adherence -------------------


@builder
def build_five9_agent_productivity() -> dict[str, Any]:
    # DATE yyyy/mm/dd; AGENT an e-mail login; AGENT GROUP; LOGIN / READY / NOT READY TIME and
    # HANDLE TIME (the day's total) in H:MM:SS; CALLS HANDLED; AVG HANDLE TIME; "OCCUPANCY %"
    # = handle / (handle + ready) "82.35%"; "ADHERENCE %" (schedule adherence: a distractor).
    rng = random.Random(1102)
    rows, out = [], []
    for d in SEPT:
        for a in AGENTS[:4]:
            r = agent_row(rng)
            handle = r["n"] * r["aht"]
            ready = round(handle * (1 / rng.uniform(0.70, 0.92) - 1))
            r["occ"] = round(100 * handle / (handle + ready), 2)
            not_ready = rng.randint(1200, 3600)
            rows.append(r)
            out.append([
                f"{d:%Y/%m/%d}", a.lower().replace(" ", ".") + "@acme.com", "Care Tier 1",
                hms(handle + ready + not_ready), hms(ready), hms(not_ready), r["n"], hms(handle),
                hms(r["aht"]), f"{r['occ']:.2f}%", f"{rng.uniform(85, 99):.2f}%",
            ])  # fmt: skip
    write_csv(
        "five9_agent_productivity.csv",
        ["DATE", "AGENT", "AGENT GROUP", "LOGIN TIME", "READY TIME", "NOT READY TIME",
         "CALLS HANDLED", "HANDLE TIME", "AVG HANDLE TIME", "OCCUPANCY %", "ADHERENCE %"],
        out,
    )  # fmt: skip
    t = agent_truth(rows)
    del t["talk_time"], t["transfer_rate"]
    w = sum(r["aht"] * r["n"] for r in rows)
    t["occupancy"] = r4(w / sum(r["aht"] * r["n"] / (r["occ"] / 100) for r in rows))
    return {**t, "first_day": "2024-09-02", "last_day": "2024-09-13"}


# --- 3. Genesys Cloud "Agent Status Summary": presence durations only -----------------------------


@builder
def build_genesys_agent_status() -> dict[str, Any]:
    # Per agent per day: Logged In, On Queue, Off Queue, Idle, Interacting, Not Responding,
    # Available, Busy, Away, Break, Meal, Meeting, Training, all H:MM:SS. No contact counts:
    # no contact KPI can come out of it.
    rng = random.Random(1103)
    out = []
    for d in SEPT:
        for a in AGENTS[:4]:
            inter, idle, nr = (
                rng.randint(14000, 22000),
                rng.randint(2000, 6000),
                rng.randint(0, 300),
            )
            on_q = inter + idle + nr
            brk, meal, meet, train = (rng.randint(900, 1800), 1800, rng.choice([0, 1800]),
                                      rng.choice([0, 0, 3600]))  # fmt: skip
            off_q = brk + meal + meet + train
            out.append([
                a, f"{d:%m/%d/%Y}", hms(on_q + off_q), hms(on_q), hms(off_q), hms(idle),
                hms(inter), hms(nr), hms(idle), hms(meet + train), hms(0), hms(brk), hms(meal),
                hms(meet), hms(train),
            ])  # fmt: skip
    write_csv(
        "genesys_agent_status.csv",
        ["Agent Name", "Date", "Logged In", "On Queue", "Off Queue", "Idle", "Interacting",
         "Not Responding", "Available", "Busy", "Away", "Break", "Meal", "Meeting", "Training"],
        out,
    )  # fmt: skip
    return {"rows": len(out)}


# --- 4. LivePerson messaging conversations ---------------------------------------------------------


@builder
def build_liveperson_conversations() -> dict[str, Any]:
    # Conversation ID a GUID; Start / End Time "2024-09-02 08:12:55.123+0000" (UTC, LivePerson
    # API format); Skill; Agent Name (empty: unassigned, closed by SYSTEM, no first response);
    # "Time to First Response (Secs)"; "Duration (Secs)" the whole conversation; "MCS" the
    # meaningful-connection score 0-100 (NOT CSAT); "CSAT" 1-5, mostly blank.
    rng = random.Random(1104)
    recs, rows = [], []
    for t in spread(rng, SEPT, 6):
        assigned = rng.random() > 0.12
        frt = rng.choice([rng.randint(8, 90), rng.randint(60, 600)]) if assigned else None
        dur = (frt or 0) + rng.randint(240, 2400) if assigned else rng.randint(300, 3600)
        csat = rng.choice([None, None, None, 1, 3, 4, 5, 5]) if assigned else None
        recs.append({"start": t, "frt": frt, "csat": csat})
        end = t + dt.timedelta(seconds=dur)
        rows.append([
            guid(rng), f"{t:%Y-%m-%d %H:%M:%S}.{rng.randint(0, 999):03d}+0000",
            f"{end:%Y-%m-%d %H:%M:%S}.{rng.randint(0, 999):03d}+0000",
            rng.choice(["Messaging_Sales", "Messaging_Care"]),
            rng.choice(AGENTS) if assigned else "", "CLOSE",
            rng.choice(["CONSUMER", "AGENT"]) if assigned else "SYSTEM",
            "" if frt is None else frt, dur, rng.randint(0, 100) if assigned else "",
            "" if csat is None else csat,
        ])  # fmt: skip
    write_csv(
        "liveperson_conversations.csv",
        ["Conversation ID", "Start Time", "End Time", "Skill", "Agent Name", "Status",
         "Closed By", "Time to First Response (Secs)", "Duration (Secs)", "MCS", "CSAT"],
        rows,
    )  # fmt: skip
    answered = [r["frt"] for r in recs if r["frt"] is not None]
    rated = [r["csat"] for r in recs if r["csat"] is not None]
    return {"rows": len(recs), "contacts": len(recs), "frt": r4(mean(answered)),
            "csat": r4(mean(rated)), "unassigned": len(recs) - len(answered)}  # fmt: skip


# --- 5. Zendesk Chat (legacy) API export: snake_case, missed chats, good / bad ratings -----------


@builder
def build_zendesk_chat_export() -> dict[str, Any]:
    # id "2409.1234567.SxYz"; timestamp ISO Z; department_name; agent_names; missed
    # true / false; duration (s); response_time_first / _avg / _max (s, empty when missed);
    # rating good / bad / empty; count_agent / count_visitor message counts.
    rng = random.Random(1105)
    recs, rows = [], []
    for t in spread(rng, SEPT, 7):
        missed = rng.random() < 0.1
        first = None if missed else rng.choice([rng.randint(3, 40), rng.randint(20, 180)])
        rating = None if missed else rng.choice([None, None, "good", "good", "good", "bad"])
        recs.append({"start": t, "missed": missed, "frt": first, "rating": rating})
        avg = None if missed else first + rng.randint(0, 60)
        rows.append([
            f"2409.{rng.randint(1000000, 9999999)}.{rng.choice(['Sx', 'Qa', 'Lm'])}Yz",
            f"{t:%Y-%m-%dT%H:%M:%SZ}", "Visitor " + str(rng.randint(10000, 99999)),
            rng.choice(["Support", "Billing"]), "" if missed else rng.choice(AGENTS),
            "true" if missed else "false", rng.randint(30, 200) if missed else rng.randint(120, 1500),
            "" if missed else first, "" if missed else avg,
            "" if missed else avg + rng.randint(0, 120), rating or "",
            0 if missed else rng.randint(2, 15), rng.randint(1, 15),
        ])  # fmt: skip
    write_csv(
        "zendesk_chat_export.csv",
        ["id", "timestamp", "visitor_name", "department_name", "agent_names", "missed",
         "duration", "response_time_first", "response_time_avg", "response_time_max",
         "rating", "count_agent", "count_visitor"],
        rows,
    )  # fmt: skip
    rated = [5 if r["rating"] == "good" else 1 for r in recs if r["rating"]]
    return {"rows": len(recs), "contacts": len(recs),
            "frt": r4(mean([r["frt"] for r in recs if r["frt"] is not None])),
            "csat": r4(mean(rated)), "missed": sum(r["missed"] for r in recs)}  # fmt: skip


# --- 6. Salesforce Messaging sessions: "9/2/2024, 8:12 AM", Accept Time, Missed ------------------


@builder
def build_salesforce_messaging_sessions() -> dict[str, Any]:
    # Salesforce report export: "Messaging Session Name" MS-0000nnnn; "Conversation Channel"
    # WhatsApp / Text / Facebook Messenger; "Queue: Name"; Status Ended / Missed; Start Time,
    # Accept Time (agent accepted: empty when Missed), End Time, all "9/2/2024, 8:12 AM" (minute
    # precision); "Owner: Full Name"; Agent / End User Message Count. The wait is Accept - Start
    # (docs/mapping.md elapsed with three columns: start -> answered, else ended).
    rng = random.Random(1106)
    recs, rows = [], []
    n = 4100
    for t in spread(rng, SEPT, 6):
        t = t.replace(second=0)
        missed = rng.random() < 0.15
        wait = rng.randint(1, 12) * 60 if missed else rng.choice([0, 0, 60, 60, 120, 180, 300])
        acc = None if missed else t + dt.timedelta(seconds=wait)
        end = t + dt.timedelta(seconds=wait + (0 if missed else rng.randint(5, 40) * 60))
        recs.append({"start": t, "outcome": "abandoned" if missed else "answered", "wait": wait,
                     "handle": 0 if missed else (end - acc).seconds, "inbound": True})  # fmt: skip
        n += rng.randint(1, 5)
        rows.append([
            f"MS-{n:08d}", rng.choice(["WhatsApp", "Text", "Facebook Messenger"]),
            rng.choice(["Care Messaging", "Sales Messaging"]), "Missed" if missed else "Ended",
            us_ampm(t), "" if acc is None else us_ampm(acc), us_ampm(end),
            "Integration User" if missed else rng.choice(AGENTS),
            0 if missed else rng.randint(2, 20), rng.randint(1, 20),
        ])  # fmt: skip
    write_csv(
        "salesforce_messaging_sessions.csv",
        ["Messaging Session Name", "Conversation Channel", "Queue: Name", "Status", "Start Time",
         "Accept Time", "End Time", "Owner: Full Name", "Agent Message Count",
         "End User Message Count"],
        rows,
    )  # fmt: skip
    t = log_truth(recs)
    t["sl_60"] = r4(sum(r["outcome"] == "answered" and r["wait"] <= 60 for r in recs) / len(recs))
    return t


# --- 7. E-mail channel log: Received / First Reply timestamps, reply counts ------------------------


@builder
def build_email_channel_log() -> dict[str, Any]:
    # ';' day-first (a European shared mailbox tool): Message ID "<...@mail.acme.eu>"; Mailbox;
    # "Received" dd/mm/yyyy HH:MM; "First Reply" dd/mm/yyyy HH:MM (empty: not replied yet or
    # spam); "Replies" count; "Handled By"; Status Replied / Closed / Open / Spam.
    rng = random.Random(1107)
    recs, rows = [], []
    for t in spread(rng, SEPT, 5, 7, 19):
        t = t.replace(second=0)
        u = rng.random()
        status = "Spam" if u < 0.06 else "Open" if u < 0.16 else rng.choice(["Replied", "Closed"])
        frt = None if status in ("Spam", "Open") else rng.randint(4, 600) * 60
        recs.append({"start": t, "frt": frt})
        reply = "" if frt is None else f"{t + dt.timedelta(seconds=frt):%d/%m/%Y %H:%M}"
        rows.append([
            f"<{rng.randint(10**9, 10**10 - 1)}.{rng.randint(1000, 9999)}@mail.acme.eu>",
            rng.choice(["support@acme.eu", "billing@acme.eu"]), f"{t:%d/%m/%Y %H:%M}", reply,
            0 if frt is None else rng.randint(1, 6), "" if frt is None else rng.choice(AGENTS),
            status,
        ])  # fmt: skip
    write_csv(
        "email_channel_log.csv",
        ["Message ID", "Mailbox", "Received", "First Reply", "Replies", "Handled By", "Status"],
        rows,
        sep=";",
    )  # fmt: skip
    replied = [r["frt"] for r in recs if r["frt"] is not None]
    return {"rows": len(recs), "contacts": len(recs), "frt": r4(mean(replied)),
            "first_day": min(r["start"] for r in recs).date().isoformat(),
            "last_day": max(r["start"] for r in recs).date().isoformat()}  # fmt: skip


# --- 8. Sprinklr social cases: first response in decimal minutes -----------------------------------


@builder
def build_sprinklr_social_cases() -> dict[str, Any]:
    # "Case Number" 7 digits; "Case Creation Time" dd/mm/yyyy HH:MM:SS; "Social Network"
    # WHATSAPP_BUSINESS / FACEBOOK / TWITTER / INSTAGRAM; "First Response Time (In Minutes)"
    # decimal minutes ("12.45", empty when no brand response); "Average Response Time (In
    # Minutes)" (a distractor); "Case Status"; "Assigned User"; "Case Sentiment".
    rng = random.Random(1108)
    recs, rows = [], []
    for t in spread(rng, SEPT, 6):
        responded = rng.random() > 0.1
        mins = round(rng.uniform(0.5, 240), 2) if responded else None
        recs.append({"start": t, "frt": None if mins is None else mins * 60})
        rows.append([
            rng.randint(1000000, 9999999), f"{t:%d/%m/%Y %H:%M:%S}",
            rng.choice(["WHATSAPP_BUSINESS", "FACEBOOK", "TWITTER", "INSTAGRAM"]),
            "" if mins is None else f"{mins:.2f}",
            "" if mins is None else f"{mins + rng.uniform(0, 60):.2f}",
            rng.choice(["Closed", "Closed", "Awaiting Customer"]) if responded else "New",
            rng.choice(AGENTS) if responded else "",
            rng.choice(["POSITIVE", "NEUTRAL", "NEGATIVE"]),
        ])  # fmt: skip
    write_csv(
        "sprinklr_social_cases.csv",
        ["Case Number", "Case Creation Time", "Social Network",
         "First Response Time (In Minutes)", "Average Response Time (In Minutes)", "Case Status",
         "Assigned User", "Case Sentiment"],
        rows,
    )  # fmt: skip
    resp = [r["frt"] for r in recs if r["frt"] is not None]
    return {"rows": len(recs), "contacts": len(recs), "frt": r4(mean(resp))}


# --- 9. Omnichannel interactions: phone / chat / e-mail / SMS in one file --------------------------


@builder
def build_omnichannel_interactions() -> dict[str, Any]:
    # One row per interaction; Channel Phone / Chat / Email / SMS. "Queue Time (s)" phone and
    # chat only; "Abandoned" Yes / No on every row; "Talk Time (s)" / "Hold Time (s)" phone
    # only; "Handle Time (s)" every handled row; "First Response (s)" chat / e-mail / SMS;
    # "CSAT" 1-5 blank when not rated. Everything not applicable is EMPTY.
    rng = random.Random(1109)
    recs, rows = [], []
    for t in spread(rng, SEPT, 8):
        ch = rng.choice(["Phone"] * 4 + ["Chat"] * 2 + ["Email", "SMS"])
        queued = ch in ("Phone", "Chat")
        ab = queued and rng.random() < (0.14 if ch == "Phone" else 0.08)
        r: dict[str, Any] = {"start": t, "ch": ch, "ab": ab, "inbound": True}
        r["wait"] = (rng.randint(3, 240) if ab else rng.choice([rng.randint(0, 20),
                     rng.randint(0, 120)])) if queued else None  # fmt: skip
        talk = hold = None
        if ab:
            handle = first = None
        elif ch == "Phone":
            talk, hold, acw = (
                rng.randint(45, 700),
                rng.choice([0, 0, rng.randint(5, 90)]),
                rng.randint(5, 120),
            )
            handle, first = talk + hold + acw, None
        elif ch == "Chat":
            handle, first = rng.randint(200, 1800), rng.randint(5, 60)
        else:
            handle = rng.randint(60, 900)
            first = rng.randint(300, 14400) if ch == "Email" else rng.randint(30, 1800)
        r.update(handle=handle, frt=first)
        r["csat"] = None if ab else rng.choice([None, None, 2, 3, 4, 5, 5])
        recs.append(r)
        rows.append([
            f"OC-{240900000 + len(rows) * 7 + rng.randint(0, 6)}", ch, f"{t:%Y-%m-%d %H:%M:%S}",
            rng.choice(["General", "Billing"]), "" if ab else rng.choice(AGENTS),
            "" if r["wait"] is None else r["wait"], "Yes" if ab else "No",
            "" if talk is None else talk, "" if hold is None else hold,
            "" if handle is None else handle, "" if first is None else first,
            "" if r["csat"] is None else r["csat"],
        ])  # fmt: skip
    write_csv(
        "omnichannel_interactions.csv",
        ["Interaction ID", "Channel", "Start Time", "Queue", "Agent", "Queue Time (s)",
         "Abandoned", "Talk Time (s)", "Hold Time (s)", "Handle Time (s)",
         "First Response (s)", "CSAT"],
        rows,
    )  # fmt: skip
    queued = [r for r in recs if r["wait"] is not None]
    ans_q = [r for r in queued if not r["ab"]]
    ab = [r for r in queued if r["ab"]]
    return {
        "rows": len(recs), "contacts": len(recs),
        "abandonment_rate": r4(len(ab) / len(queued)),
        "asa": r4(mean([r["wait"] for r in ans_q])),
        "service_level": r4(sum(r["wait"] <= 20 for r in ans_q) / len(queued)),
        "aht": r4(mean([r["handle"] for r in recs if r["handle"] is not None])),
        "frt": r4(mean([r["frt"] for r in recs if r["frt"] is not None])),
        "csat": r4(mean([r["csat"] for r in recs if r["csat"] is not None])),
        "by_channel": {c: sum(r["ch"] == c for r in recs) for c in ("Phone", "Chat", "Email", "SMS")},
    }  # fmt: skip


# --- 10. Callback queue log: requested / attempted / connected -------------------------------------


@builder
def build_callback_queue_log() -> dict[str, Any]:
    # One row per callback request: "Callback ID"; "Requested At" ISO; Queue; "Customer Number";
    # "Est. Wait at Request (s)" (the predicted wait that made the caller choose a callback,
    # a distractor); "Attempts" 1-3; "First Attempt At"; "Connected At" (empty unless
    # connected); "Result" Connected / No Answer / Busy / Voicemail Left / Cancelled / Expired;
    # Agent (who dialled: set on every attempted callback); Talk / ACW seconds.
    rng = random.Random(1110)
    rows, handled = [], []
    for i, t in enumerate(spread(rng, SEPT, 6)):
        res = rng.choice(["Connected"] * 6 + ["No Answer", "Busy", "Voicemail Left", "Cancelled",
                                              "Expired"])  # fmt: skip
        attempted = res not in ("Cancelled", "Expired")
        first = t + dt.timedelta(seconds=rng.randint(300, 3000)) if attempted else None
        conn = first + dt.timedelta(seconds=rng.randint(8, 30)) if res == "Connected" else None
        talk = rng.randint(60, 700) if conn else 0
        acw = rng.randint(10, 120) if conn else 0
        if conn:
            handled.append(talk + acw)
        rows.append([
            f"CB-{20240900 + i}", f"{t:%Y-%m-%dT%H:%M:%S}", rng.choice(["Claims", "Policy"]),
            f"+4420{rng.randint(10**7, 10**8 - 1)}", rng.randint(120, 1500),
            rng.randint(1, 3) if attempted else 0,
            "" if first is None else f"{first:%Y-%m-%dT%H:%M:%S}",
            "" if conn is None else f"{conn:%Y-%m-%dT%H:%M:%S}", res,
            rng.choice(AGENTS) if attempted else "", talk, acw,
        ])  # fmt: skip
    write_csv(
        "callback_queue_log.csv",
        ["Callback ID", "Requested At", "Queue", "Customer Number", "Est. Wait at Request (s)",
         "Attempts", "First Attempt At", "Connected At", "Result", "Agent", "Talk (s)",
         "ACW (s)"],
        rows,
    )  # fmt: skip
    return {"rows": len(rows), "contacts": len(rows), "aht": r4(mean(handled)),
            "connected": len(handled)}  # fmt: skip


# --- 11. IVR self-service containment report --------------------------------------------------------


@builder
def build_ivr_containment_daily() -> dict[str, Any]:
    # Per day and IVR application: "Calls Entering IVR", "Self-Served" (contained), "Transferred
    # to Agent" (left the IVR for an agent queue: not an agent transfer), "Abandoned in IVR"
    # (hung up in the menus: not a queue abandon), "Containment Rate" "61.2%", "Avg IVR Time"
    # m:ss (time in menus: not a handle time).
    rng = random.Random(1111)
    rows, out = [], []
    for d in SEPT:
        for app in ("Main Menu", "Billing Self-Service"):
            n = rng.randint(300, 700)
            ab = rng.randint(5, n // 10)
            served = round((n - ab) * rng.uniform(0.4, 0.7))
            xfer = n - ab - served
            ivr = rng.randint(60, 240)
            rows.append({"n": n})
            out.append([
                f"{d:%Y-%m-%d}", app, n, served, xfer, ab, f"{100 * served / n:.1f}%",
                f"{ivr // 60}:{ivr % 60:02d}",
            ])  # fmt: skip
    write_csv(
        "ivr_containment_daily.csv",
        ["Date", "IVR Application", "Calls Entering IVR", "Self-Served", "Transferred to Agent",
         "Abandoned in IVR", "Containment Rate", "Avg IVR Time"],
        out,
    )  # fmt: skip
    return {"rows": len(rows), "contacts": sum(r["n"] for r in rows)}


# --- 12. WFM forecast vs actual, 30-minute intervals -------------------------------------------------


@builder
def build_wfm_forecast_vs_actual() -> dict[str, Any]:
    # Date dd-Mon-yyyy + Interval "08:00"; Queue; Forecast Calls / Forecast AHT (s) BEFORE
    # Actual Calls / Actual AHT (s); Actual Abandoned; "Forecast SL %" and "Actual SL %";
    # Required / Scheduled / Actual Staff (FTE, decimals); "Variance %". No answered column.
    rng = random.Random(1112)
    rows, out = [], []
    for d in SEPT[:3]:
        for i in range(16):
            t0 = dt.datetime.combine(d, dt.time(9)) + dt.timedelta(minutes=30 * i)
            calls = rng.randint(25, 70)
            fc = max(5, round(calls * rng.uniform(0.8, 1.25)))
            ab = rng.randint(0, calls // 8)
            aht, faht = rng.randint(240, 460), rng.randint(280, 380)
            sl = round(rng.uniform(55, 95), 1)
            req = round(fc * faht / 1800 / 0.85, 1)
            rows.append({"calls": calls, "ab": ab, "aht": aht, "sl": sl})
            out.append([
                f"{d:%d-%b-%Y}", f"{t0:%H:%M}", "Retail Banking", fc, faht, calls, aht, ab,
                "80.0%", f"{sl:.1f}%", f"{req:.1f}", f"{req + rng.uniform(-1.5, 1.5):.1f}",
                f"{req + rng.uniform(-2, 1):.1f}", f"{100 * (calls - fc) / fc:+.1f}%",
            ])  # fmt: skip
    write_csv(
        "wfm_forecast_vs_actual.csv",
        ["Date", "Interval", "Queue", "Forecast Calls", "Forecast AHT (s)", "Actual Calls",
         "Actual AHT (s)", "Actual Abandoned", "Forecast SL %", "Actual SL %", "Required Staff",
         "Scheduled Staff", "Actual Staff", "Variance %"],
        out,
    )  # fmt: skip
    off = sum(r["calls"] for r in rows)
    w = [r["calls"] - r["ab"] for r in rows]
    return {
        "rows": len(rows), "contacts": off,
        "abandonment_rate": r4(sum(r["ab"] for r in rows) / off),
        "aht": r4(sum(r["aht"] * x for r, x in zip(rows, w, strict=True)) / sum(w)),
        "service_level": r4(sum(r["sl"] / 100 * x for r, x in zip(rows, w, strict=True)) / sum(w)),
        "forecast_contacts": sum(int(o[3]) for o in out),
    }  # fmt: skip


# --- 13. NICE CXone "Agent Contact" detail: one row per agent leg, refused routings ---------------


def cxone_agent_row(c: dict[str, Any], agent: int, refused: bool, wait: int) -> list[Any]:
    """One CXone Agent Contact row: a refused routing has no talk, hold or ACW."""
    t = c["start"]
    talk, hold, acw = (0, 0, 0) if refused else (c["talk"], c["hold"], c["acw"])
    return [
        c["cid"], 3100 + agent, AGENTS[agent], "Team West",
        "OB_Renewals" if c["out"] else "IB_Care", "Outbound" if c["out"] else "Inbound",
        f"{t.month}/{t.day}/{t.year}", f"{t.hour % 12 or 12}:{t:%M:%S} {t:%p}",
        "Y" if refused else "N", wait, talk, hold, acw, talk + hold + acw,
    ]  # fmt: skip


@builder
def build_cxone_agent_contact() -> dict[str, Any]:
    # One row per contact handled (or refused) by an agent: Contact_ID; Agent_No; Agent_Name;
    # Team_Name; Skill_Name; Skill_Direction "Inbound" / "Outbound"; Start_Date m/d/yyyy +
    # Start_Time h:mm:ss AM/PM; "Refused" Y/N (routed to the agent, not accepted: RONA; the
    # contact went to the next agent, whose row follows with the same Contact_ID and start: a
    # duplicate of the contact, the later record kept, docs/mapping.md); Inqueue_Time,
    # Active_Talk_Time, Hold_Time, ACW_Time, Handle_Time in seconds.
    rng = random.Random(1113)
    recs, rows = [], []
    cid = 118830001
    for t in spread(rng, SEPT, 6):
        out_b = rng.random() < 0.25
        talk, acw = rng.randint(45, 650), rng.randint(5, 120)
        hold = 0 if out_b else rng.choice([0, 0, rng.randint(5, 90)])
        wait = 0 if out_b else rng.choice([rng.randint(0, 20), rng.randint(0, 120)])
        refused = not out_b and rng.random() < 0.12
        ag = rng.sample(range(len(AGENTS)), 2)

        c = {"cid": cid, "start": t, "out": out_b, "talk": talk, "hold": hold, "acw": acw}
        if refused:  # both rows carry the contact's start: the same id at the same start
            rows.append(cxone_agent_row(c, ag[0], True, wait))
            wait += rng.randint(15, 40)
            rows.append(cxone_agent_row(c, ag[1], False, wait))
        else:
            rows.append(cxone_agent_row(c, ag[0], False, wait))
        recs.append({"start": t, "inbound": not out_b, "wait": wait, "refused": refused,
                     "handle": talk + hold + acw})  # fmt: skip
        cid += rng.randint(2, 30)
    write_csv(
        "cxone_agent_contact.csv",
        ["Contact_ID", "Agent_No", "Agent_Name", "Team_Name", "Skill_Name", "Skill_Direction",
         "Start_Date", "Start_Time", "Refused", "Inqueue_Time", "Active_Talk_Time", "Hold_Time",
         "ACW_Time", "Handle_Time"],
        rows,
    )  # fmt: skip
    inb = [r for r in recs if r["inbound"]]
    return {
        "rows": len(rows), "contacts": len(recs), "refused": sum(r["refused"] for r in recs),
        "inbound": len(inb), "aht": r4(mean([r["handle"] for r in recs])),
        "asa": r4(mean([r["wait"] for r in inb])),
        "service_level": r4(sum(r["wait"] <= 20 for r in inb) / len(inb)),
    }  # fmt: skip


if __name__ == "__main__":
    BUILD.main()

"""Regenerate the thirty-third blind acceptance corpus (tests/test_real_exports_33.py).

    .venv/bin/python tests/data/exports33/make_exports.py             # write the files
    .venv/bin/python tests/data/exports33/make_exports.py --expected  # also print the truth

Round 33: data-quality traps in otherwise normal contact logs and summaries. The rule under
test: no row is silently dropped; every questionable row is kept or quarantined WITH a reason
in the import report; the KPIs follow the documented definitions. Traps: a re-sent batch
(exact duplicate rows) beside ids reused at a different start; negative durations
("-00:00:05", -12); milliseconds in a column labelled "(s)"; absurd values (talk 86,400 s,
wait 999999); starts in 1900, at the Unix epoch zero and in 2205 (a typo), ends before
starts; a daily summary with empty weekend days ("#DIV/0!" service level) and a missing bank
holiday; a blended log whose e-mails carry a queue time of 0; test calls and IVR-only rows;
CSAT 0 / 6 / 10 on a 1-5 scale; answered = Y with talk 0, abandoned = Y with talk time,
rows with every KPI field blank and rows without an id; an interval report with a service
level over 100% and a negative abandoned count.

Each builder draws rows with its own seeded ``random.Random``, writes them the way the export
looks, and returns the truth computed in plain Python over the drawn records -- never with
KPI Lab code. Each record carries its ``fate``: "kept", or the quarantine reason the
documented rules give it (docs/mapping.md, kpi/schema.py: a value outside its column's range
is quarantined; a duration above 4 hours is kept and flagged; a start before 1970 or after
2099 is implausible; the same id at the same start is a duplicate, the same id at another
start is kept as id@date).

Conventions (the registry's definitions, as earlier rounds): contacts = rows of a contact log
(a test call is no contact); abandonment = abandoned / inbound queued (a contact is queued
when it has a queue wait or abandoned: e-mail has no queue); ASA = mean wait of answered
queued contacts; AHT = talk + hold + ACW over handled (answered) contacts, a 0-second answered
call included; service level (20 s, abandons negative) = answered within 20 s / (answered +
abandoned) over queued contacts; CSAT the mean 1-5 rating. Summaries: contacts = sum offered,
abandonment = abandoned / offered, ASA / AHT / service level weighted by answered.
"""

from __future__ import annotations

import collections
import datetime as dt
import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/data: export_kit
from export_kit import (  # noqa: E402
    Builders,
    draw_call,
    draw_row,
    drawn_calls,
    hms,
    mean,
    r4,
    spread,
    weekdays,
)  # fmt: skip

OUT = Path(__file__).resolve().parent
BUILD = Builders(OUT)
builder, write_csv = BUILD, BUILD.write_csv
AGENTS = ["Maya Lopez", "Omar Haddad", "Jin Park", "Sara Novak", "Luca Bianchi", "Ada Okafor"]
QUEUES = ["Billing", "Support", "Sales"]
MAR = weekdays(dt.date(2025, 3, 10), dt.date(2025, 3, 21))
APR = weekdays(dt.date(2025, 4, 7), dt.date(2025, 4, 18))
MAY = weekdays(dt.date(2025, 5, 5), dt.date(2025, 5, 16))
KEPT = "kept"


def truth(recs: list[dict[str, Any]], sl_t: float = 20.0) -> dict[str, Any]:
    """KPIs over the records kept (``fate`` "kept"), by the registry's definitions.

    A record: ``outcome`` answered / abandoned / ivr (self-served in the IVR, never queued) /
    test (no contact) / unknown (no outcome recorded); ``wait`` None when the contact never
    queued (e-mail); ``handle`` the talk + hold + ACW of an answered contact."""
    kept = [r for r in recs if r["fate"] == KEPT]
    contacts = [r for r in kept if r["outcome"] != "test"]
    queued = [r for r in kept if r["outcome"] in ("answered", "abandoned")
              and (r["wait"] is not None or r["outcome"] == "abandoned")]  # fmt: skip
    ans = [r for r in queued if r["outcome"] == "answered"]
    ab = [r for r in queued if r["outcome"] == "abandoned"]
    served = [r for r in kept if r["outcome"] == "answered"]
    out: dict[str, Any] = {
        "rows": len(recs),
        "kept": len(kept),
        "quarantined": len(recs) - len(kept),
        "reasons": dict(collections.Counter(r["fate"] for r in recs if r["fate"] != KEPT)),
        "contacts": len(contacts),
        "abandonment_rate": r4(len(ab) / len(queued)),
        "asa": r4(mean([r["wait"] for r in ans])),
        "aht": r4(mean([r["handle"] for r in served])),
        "service_level": r4(sum(r["wait"] <= sl_t for r in ans) / (len(ans) + len(ab))),
        "first_day": min(r["start"] for r in kept).date().isoformat(),
        "last_day": max(r["start"] for r in kept).date().isoformat(),
    }
    rated = [r["csat"] for r in kept if r.get("csat") is not None]
    if rated:
        out["csat"] = r4(mean(rated))
    return out


def calls(rng: random.Random, days: list[dt.date], per_day: int, p_ab: float = 0.15
          ) -> list[dict[str, Any]]:  # fmt: skip
    out = drawn_calls(rng, days, per_day, p_ab=p_ab)
    for c in out:
        c["fate"] = KEPT
    return out


def yn(b: bool) -> str:
    return "Y" if b else "N"


# --- 1. A re-sent batch (exact duplicates) beside ids reused at another start -------------------


@builder
def build_ringcx_calls_resent_batch() -> dict[str, Any]:
    # A cloud contact centre's "Call Detail" export pulled by a scheduled job: the job failed
    # half-way on its first run and re-sent the last batch, so the last 12 rows appear twice,
    # identical in every column (the same call: same id, same start) -> the older copy is
    # quarantined "duplicate contact_id (older record)" (docs: only the same id at the same
    # start is a duplicate). The platform's "Session Id" is a 6-digit counter that wrapped:
    # 3 ids of the first week come back on calls of the second week at other starts -> every
    # row kept, the ids made unique as id@YYYY-MM-DD (docs: "Contact ids that repeat across
    # different start times are not a key").
    rng = random.Random(3301)
    recs = calls(rng, MAR, 8)
    ids = [f"{400100 + 3 * i}" for i in range(len(recs))]
    for k, j in ((2, 50), (9, 61), (17, 70)):  # a second-week call gets a first-week id
        ids[j] = ids[k]
    rows = []
    for i, c in enumerate(recs):
        ok = c["outcome"] == "answered"
        rows.append([
            ids[i], f"{c['start']:%m/%d/%Y %I:%M:%S %p}", rng.choice(QUEUES),
            rng.choice(AGENTS) if ok else "", c["wait"], c["talk"], c["hold"], c["acw"],
            "Answered" if ok else "Abandoned",
        ])  # fmt: skip
    resent = rows[-12:]
    for r in resent:
        recs.append({**recs[rows.index(r)], "fate": "duplicate contact_id (older record)"})
    write_csv(
        "ringcx_calls_resent_batch.csv",
        ["Session Id", "Call Start", "Queue Name", "Agent Name", "Queue Duration (sec)",
         "Talk Duration (sec)", "Hold Duration (sec)", "Wrap Duration (sec)", "Call Status"],
        rows + resent,
    )  # fmt: skip
    t = truth(recs)
    t["reused_ids"] = 3
    return t


# --- 2. Negative durations: "-00:00:05" hold, -12 s queue time ----------------------------------


@builder
def build_avaya_cdr_negative_durations() -> dict[str, Any]:
    # An on-premise ACD's call records: "Queue Time (s)" in whole seconds, "Talk Time",
    # "Hold Time", "ACW Time" as H:MM:SS. Clock skew between the switch and the recorder
    # leaves 3 answered calls with a queue time of -12 / -3 / -1 s and 2 with a hold of
    # "-00:00:05": schema.py gives durations a minimum of 0 -> these rows are quarantined
    # "negative wait_seconds" / "negative hold_seconds" (the first check a row fails).
    rng = random.Random(3302)
    recs = calls(rng, APR, 8)
    answered = [i for i, c in enumerate(recs) if c["outcome"] == "answered"]
    neg_wait = dict(zip(answered[3:6], (-12, -3, -1), strict=True))
    neg_hold = set(answered[20:22])
    rows = []
    for i, c in enumerate(recs):
        ok = c["outcome"] == "answered"
        wait = neg_wait.get(i, c["wait"])
        hold = "-00:00:05" if i in neg_hold else hms(c["hold"], pad=False)
        if i in neg_wait:
            c["fate"] = "negative wait_seconds"
        elif i in neg_hold:
            c["fate"] = "negative hold_seconds"
        rows.append([
            f"{c['start']:%Y-%m-%d}", f"{c['start']:%H:%M:%S}", 7_100_000 + 13 * i,
            rng.choice(["301", "302", "305"]), f"{rng.randint(5001, 5012)}" if ok else "",
            wait, hms(c["talk"], pad=False), hold, hms(c["acw"], pad=False),
            "ANS" if ok else "ABN",
        ])  # fmt: skip
    write_csv(
        "avaya_cdr_negative_durations.csv",
        ["Date", "Time", "UCID", "Split/Skill", "Login ID", "Queue Time (s)", "Talk Time",
         "Hold Time", "ACW Time", "Disposition"],
        rows,
    )  # fmt: skip
    return truth(recs)


# --- 3. Absurd values: a stuck line (talk 86,400 s), a sentinel wait of 999999 ------------------


@builder
def build_pbx_absurd_values() -> dict[str, Any]:
    # A hosted PBX's queue log in seconds. Two answered calls have a talk of 86,400 s (a
    # line stuck off-hook for a day) and two a wait of 999999 (the system's "not measured").
    # schema.py: durations have no maximum, only warn_above = 4 hours -> kept, counted in the
    # KPIs as they are, and the report flags them ("over 4 hours (kept; check them)").
    rng = random.Random(3303)
    recs = calls(rng, MAY, 9)
    answered = [i for i, c in enumerate(recs) if c["outcome"] == "answered"]
    for i in answered[7:9]:
        recs[i]["talk"] = 86_400
        recs[i]["handle"] = 86_400 + recs[i]["hold"] + recs[i]["acw"]
    for i in answered[30:32]:
        recs[i]["wait"] = 999_999
    rows = []
    for i, c in enumerate(recs):
        ok = c["outcome"] == "answered"
        rows.append([
            f"q-{88000 + i}", f"{c['start']:%Y-%m-%dT%H:%M:%S}", rng.choice(QUEUES),
            f"ext{rng.randint(200, 215)}" if ok else "", c["wait"], c["talk"], c["hold"],
            c["acw"], "completed" if ok else "abandoned",
        ])  # fmt: skip
    write_csv(
        "pbx_absurd_values.csv",
        ["call_id", "enter_time", "queue", "member", "wait_sec", "talk_sec", "hold_sec",
         "wrapup_sec", "status"],
        rows,
    )  # fmt: skip
    t = truth(recs)
    t["talk_over_4h"] = 2
    t["wait_over_4h"] = 2
    return t


# --- 4. Milliseconds in a column labelled "(s)" --------------------------------------------------


@builder
def build_ucaas_ms_labelled_seconds() -> dict[str, Any]:
    # A UCaaS call-queue report whose API returns milliseconds, but the export template's
    # headers say "(s)" for every duration: "Wait (s)" 14000, "Talk (s)" 245310. Every talk
    # is over 4 hours if read as seconds (a median of ~280,000). Truth: the durations are
    # milliseconds (the values cannot be seconds: 68-hour average calls); the docs' unit rule
    # reads a median over 10,000 as milliseconds. At the least the report must say so.
    rng = random.Random(3304)
    recs = calls(rng, MAR, 7)
    rows = []
    for i, c in enumerate(recs):
        ok = c["outcome"] == "answered"
        jw, jt, ja = rng.randint(0, 999), rng.randint(0, 999), rng.randint(0, 999)
        c["wait"] = c["wait"] + jw / 1000
        if ok:
            c["talk"] += jt / 1000
            c["acw"] += ja / 1000
            c["handle"] = c["talk"] + c["hold"] + c["acw"]
        rows.append([
            f"{c['start']:%Y-%m-%d %H:%M:%S}", f"CQ-{rng.choice(QUEUES)}",
            f"{i + 1:05d}-{rng.randint(100, 999)}",
            round(c["wait"] * 1000), round(c["talk"] * 1000), round(c["hold"] * 1000),
            round(c["acw"] * 1000), "Answered" if ok else "Abandoned",
        ])  # fmt: skip
    write_csv(
        "ucaas_ms_labelled_seconds.csv",
        ["Start Time", "Call Queue", "Call ID", "Wait (s)", "Talk (s)", "Hold (s)", "Wrap-up (s)",
         "Result"],
        rows,
    )  # fmt: skip
    return truth(recs)


# --- 5. Starts in 1900, at the epoch zero and in 2205; ends before starts -----------------------


@builder
def build_crm_call_log_bad_timestamps() -> dict[str, Any]:
    # A CRM's activity log of calls: "Call Start", "Call End" (ISO), "Queue Seconds", "Handle
    # Seconds", "Outcome". Broken clocks: 2 calls start at 1900-01-01 00:00:00 (Excel's zero
    # date) and 1 in 2205 (a typo for 2025): docs, timestamps before 1970 or after 2099 are
    # "implausible start_time (before 1970 or after 2099)" -> quarantined. 2 calls start at
    # 1970-01-01 00:00:00, the Unix epoch zero a null timestamp becomes: not a 1970 call; the
    # truth quarantines them (kept, the data would run from 1970). 3 calls have an end 5-9
    # minutes BEFORE their start (the end written in another zone): kept, warned ("end before
    # they start (kept; check the timezone)").
    rng = random.Random(3305)
    recs = calls(rng, APR, 8)
    bad = {5: "1900-01-01 00:00:00", 23: "1900-01-01 00:00:00", 41: "2205-04-09 10:14:07",
           12: "1970-01-01 00:00:00", 58: "1970-01-01 00:00:00"}  # fmt: skip
    back = {30, 44, 66}
    rows = []
    for i, c in enumerate(recs):
        ok = c["outcome"] == "answered"
        dur = c["wait"] + c["handle"] - c["acw"]
        end = c["start"] + dt.timedelta(seconds=dur)
        if i in back:
            end = c["start"] - dt.timedelta(seconds=rng.randint(300, 540))
        start = bad.get(i, f"{c['start']:%Y-%m-%d %H:%M:%S}")
        if i in bad:
            c["fate"] = "implausible start_time (before 1970 or after 2099)"
        rows.append([
            f"ACT-{560000 + 11 * i}", start, f"{end:%Y-%m-%d %H:%M:%S}",
            rng.choice(AGENTS) if ok else "", rng.choice(QUEUES), c["wait"], c["handle"],
            "Connected" if ok else "Abandoned",
        ])  # fmt: skip
    write_csv(
        "crm_call_log_bad_timestamps.csv",
        ["Activity ID", "Call Start", "Call End", "Assigned To", "Queue", "Queue Seconds",
         "Handle Seconds", "Outcome"],
        rows,
    )  # fmt: skip
    t = truth(recs)
    t["end_before_start"] = len(back)
    return t


# --- 6. A daily summary with empty weekend days and a missing bank holiday ----------------------


@builder
def build_daily_summary_weekends() -> dict[str, Any]:
    # A queue's daily summary Saturday 1 March - Sunday 23 March 2025, every calendar day: the
    # centre is closed at weekends, so Saturday and Sunday rows read Offered 0, Answered 0,
    # Abandoned 0, ASA 0:00, AHT 0:00 and a service level of "#DIV/0!" (the spreadsheet's
    # 0 / 0). Monday 17 March (a bank holiday) has no row at all. A 0-volume day is a real
    # zero (kept: no KPI moves, as every average is weighted by answered); "#DIV/0!" is a
    # spreadsheet's no-figure like "#N/A" (docs: "a number cell means no figure ... the row
    # stays").
    rng = random.Random(3306)
    days = [dt.date(2025, 3, 1) + dt.timedelta(days=k) for k in range(23)]
    rows, drawn = [], []
    for d in days:
        if d == dt.date(2025, 3, 17):
            continue
        if d.weekday() >= 5:
            rows.append([f"{d:%d/%m/%Y}", 0, 0, 0, "0:00", "0:00", "#DIV/0!"])
            continue
        r = draw_row(rng, d, 140)
        r["abandoned"] = r["offered"] - r["answered"]  # no flow-outs: offered = ans + ab
        r["sl"] = round(100 * r["within"] / (r["answered"] + r["abandoned"]), 1)
        drawn.append(r)
        rows.append([
            f"{d:%d/%m/%Y}", r["offered"], r["answered"], r["abandoned"],
            f"{r['asa'] // 60}:{r['asa'] % 60:02d}", f"{r['aht'] // 60}:{r['aht'] % 60:02d}",
            f"{r['sl']:.1f}%",
        ])  # fmt: skip
    write_csv(
        "daily_summary_weekends.csv",
        ["Date", "Calls Offered", "Calls Answered", "Calls Abandoned", "ASA", "AHT",
         "Service Level %"],
        rows,
    )  # fmt: skip
    ans = sum(r["answered"] for r in drawn)
    return {
        "rows": len(rows),
        "weekend_rows": len(rows) - len(drawn),
        "contacts": sum(r["offered"] for r in drawn),
        "abandonment_rate": r4(
            sum(r["abandoned"] for r in drawn) / sum(r["offered"] for r in drawn)
        ),
        "asa": r4(sum(r["asa"] * r["answered"] for r in drawn) / ans),
        "aht": r4(sum(r["aht"] * r["answered"] for r in drawn) / ans),
        "service_level": r4(sum(r["sl"] / 100 * r["answered"] for r in drawn) / ans),
        "first_day": days[0].isoformat(),
        "last_day": days[-1].isoformat(),
    }  # fmt: skip


# --- 7. A blended log: e-mails with a queue time of 0 beside calls and chats ---------------------


@builder
def build_blended_log_email_zero_wait() -> dict[str, Any]:
    # A blended team's interaction log: "Media Type" Voice / Chat / Email, "Queue Time"
    # (H:MM:SS), "Handle Time" (H:MM:SS), "Result" Handled / Abandoned. Calls and chats wait
    # in a queue; e-mails are pushed to agents and the platform writes their queue time as
    # 0:00:00. Registry (service_level, abandonment_rate, asa): contacts with no queue wait
    # (e-mail) are not counted -> e-mails are contacts, handled (AHT), but not in ASA,
    # service level or abandonment. Counting them would add ~40 answers within 20 s at 0 s.
    rng = random.Random(3307)
    recs, rows = [], []
    for i, t in enumerate(spread(rng, MAY, 10)):
        media = rng.choice(["Voice", "Voice", "Voice", "Chat", "Email"])
        if media == "Email":
            c = {"outcome": "answered", "wait": None, "talk": 0, "hold": 0, "acw": 0,
                 "handle": rng.randint(120, 900), "inbound": True}  # fmt: skip
        else:
            c = draw_call(rng, p_ab=0.12)
        c["start"], c["fate"] = t, KEPT
        recs.append(c)
        ok = c["outcome"] == "answered"
        rows.append([
            f"IX{90210000 + 17 * i}", media, f"{t:%Y-%m-%d %H:%M:%S}",
            rng.choice(["Orders", "Returns"]), rng.choice(AGENTS) if ok else "",
            hms(c["wait"] or 0, pad=False), hms(c["handle"], pad=False),
            "Handled" if ok else "Abandoned",
        ])  # fmt: skip
    write_csv(
        "blended_log_email_zero_wait.csv",
        ["Interaction ID", "Media Type", "Start Time", "Queue", "Agent", "Queue Time",
         "Handle Time", "Result"],
        rows,
    )  # fmt: skip
    t = truth(recs)
    t["emails"] = sum(r[1] == "Email" for r in rows)
    return t


# --- 8. Test calls and IVR-only rows -------------------------------------------------------------


@builder
def build_ivr_test_rows_log() -> dict[str, Any]:
    # A contact centre's call log with the IVR's rows: "Call Type" Inbound; "Queue" names the
    # queue, "IVR" for callers who finished in self-service (balance enquiry: never queued, no
    # agent, "Agent" = "System", "Disposition" = "IVR Only"), and the QA team's test calls
    # ("Agent" = "test", queue "QA Test", "Disposition" = "Test Call", 4 of them). Docs: an
    # outcome of a test is `ignore` (counts in no rate, not offered, not handled) and a test
    # call is no customer contact -> not in the contacts; IVR-only calls are contacts that
    # never queued: in the contacts, not offered, not handled.
    rng = random.Random(3308)
    recs = calls(rng, MAR, 8)
    for c in recs:
        u = rng.random()
        if u < 0.12:
            c.update(outcome="ivr", wait=None, talk=0, hold=0, acw=0, handle=0)
    for k in (7, 33, 34, 61):
        recs[k].update(outcome="test", wait=0, talk=rng.randint(10, 40), hold=0, acw=0)
    rows = []
    for i, c in enumerate(recs):
        o = c["outcome"]
        agent = {"answered": rng.choice(AGENTS), "abandoned": "", "ivr": "System",
                 "test": "test"}[o]  # fmt: skip
        queue = {"ivr": "IVR", "test": "QA Test"}.get(o, rng.choice(QUEUES))
        disp = {"answered": "Answered", "abandoned": "Abandoned", "ivr": "IVR Only",
                "test": "Test Call"}[o]  # fmt: skip
        rows.append([
            f"{c['start']:%m/%d/%Y}", f"{c['start']:%H:%M:%S}", f"{3300000 + 7 * i}", "Inbound",
            queue, agent, "" if c["wait"] is None else c["wait"], c["talk"], c["hold"],
            c["acw"], disp,
        ])  # fmt: skip
    write_csv(
        "ivr_test_rows_log.csv",
        ["Date", "Time", "Call ID", "Call Type", "Queue", "Agent", "Queue Time (sec)",
         "Talk Time (sec)", "Hold Time (sec)", "ACW (sec)", "Disposition"],
        rows,
    )  # fmt: skip
    t = truth(recs)
    t["ivr_only"] = sum(c["outcome"] == "ivr" for c in recs)
    t["tests"] = 4
    return t


# --- 9. CSAT 0, 6 and 10 on a 1-5 scale ----------------------------------------------------------


@builder
def build_survey_csat_out_of_range() -> dict[str, Any]:
    # A call log with the post-call survey's answer, "CSAT (1-5)": 1-5 or blank, and the IVR
    # survey's misreads: 0 on 3 calls (a caller pressed 0 for the operator), 6 on 1 call, 10
    # on 2 calls (the NPS question's key presses). schema.py: csat is 1-5, values outside are
    # quarantined -> those 6 rows are quarantined "csat outside its 1-5 scale".
    rng = random.Random(3309)
    recs = calls(rng, APR, 7)
    answered = [i for i, c in enumerate(recs) if c["outcome"] == "answered"]
    odd = dict(zip(answered[4:10], (0, 6, 10, 0, 10, 0), strict=True))
    rows = []
    for i, c in enumerate(recs):
        ok = c["outcome"] == "answered"
        c["csat"] = rng.choice([None, None, 1, 3, 4, 4, 5, 5]) if ok else None
        shown = c["csat"]
        if i in odd:
            shown, c["fate"] = odd[i], "csat outside its 1-5 scale"
        rows.append([
            f"{9100 + i}", f"{c['start']:%Y-%m-%d %H:%M}:{c['start'].second:02d}",
            rng.choice(QUEUES), rng.choice(AGENTS) if ok else "", c["wait"], c["talk"],
            c["hold"], c["acw"], yn(ok), "" if shown is None else shown,
        ])  # fmt: skip
    write_csv(
        "survey_csat_out_of_range.csv",
        ["Call Number", "Start", "Queue", "Agent", "Wait (sec)", "Talk (sec)", "Hold (sec)",
         "Wrap (sec)", "Answered", "CSAT (1-5)"],
        rows,
    )  # fmt: skip
    return truth(recs)


# --- 10. Answered Y with talk 0, abandoned Y with talk, blank rows, missing ids ------------------


@builder
def build_acd_flag_conflicts() -> dict[str, Any]:
    # An ACD log with two flag columns, "Answered" Y / N and "Abandoned" Y / N, and seconds.
    # - 3 calls Answered = Y with talk, hold and ACW 0 (the agent picked up to silence):
    #   answered (the flag says so), handled with a handle time of 0 (round 21's ghost call);
    # - 3 calls Abandoned = Y (Answered = N) with a talk time (the caller hung up as the
    #   transfer connected; the ACD still logged the ringing as talk): the flags say
    #   abandoned: not handled, in the abandonment rate;
    # - 2 rows with an id, a start and a queue but every KPI field blank (the record was cut
    #   off): contacts (rows of the log), in no rate;
    # - 2 rows with a blank "Call ID" (the merge lost them): quarantined "missing contact_id".
    rng = random.Random(3310)
    recs = calls(rng, MAY, 8)
    answered = [i for i, c in enumerate(recs) if c["outcome"] == "answered"]
    abandoned = [i for i, c in enumerate(recs) if c["outcome"] == "abandoned"]
    for i in answered[5:8]:
        recs[i].update(talk=0, hold=0, acw=0, handle=0)
    ab_talk = {i: rng.randint(15, 70) for i in abandoned[2:5]}
    blank = {answered[20], abandoned[6]}
    no_id = {answered[25], answered[40]}
    rows = []
    for i, c in enumerate(recs):
        ok = c["outcome"] == "answered"
        cid = "" if i in no_id else f"{c['start']:%y%m%d}{i:04d}"
        if i in no_id:
            c["fate"] = "missing contact_id"
        if i in blank:
            c.update(outcome="unknown", wait=None)
            rows.append([cid, f"{c['start']:%d.%m.%Y %H:%M:%S}", rng.choice(QUEUES), "", "",
                         "", "", "", "", ""])  # fmt: skip
            continue
        rows.append([
            cid, f"{c['start']:%d.%m.%Y %H:%M:%S}", rng.choice(QUEUES),
            rng.choice(AGENTS) if ok else "", c["wait"], ab_talk.get(i, c["talk"]), c["hold"],
            c["acw"], yn(ok), yn(not ok),
        ])  # fmt: skip
    write_csv(
        "acd_flag_conflicts.csv",
        ["Call ID", "Start", "Queue", "Agent", "Wait Secs", "Talk Secs", "Hold Secs",
         "ACW Secs", "Answered", "Abandoned"],
        rows,
    )  # fmt: skip
    return truth(recs)


# --- 11. An interval report with a service level over 100% and a negative abandoned ------------


@builder
def build_interval_report_out_of_range() -> dict[str, Any]:
    # A half-hourly queue report over one week (08:00-17:30, 20 intervals a day): "Interval
    # Start" ISO, "Offered", "Answered", "Abandoned", "ASA (s)", "AHT (s)", "SL %". Two
    # intervals carry the ACD's known glitches: "SL %" 104.2 (answers counted in the interval
    # after the call was offered) and "Abandoned" -1 (a correction booked against the
    # interval). schema.py: service_level is 0-1 and counts are >= 0 -> quarantined with
    # "service_level outside 0-1" and "negative abandoned"; KPIs over the other rows.
    rng = random.Random(3311)
    rows, kept = [], []
    bad_sl, bad_ab = (2, 14), (4, 33)
    n = 0
    for d in weekdays(dt.date(2025, 4, 7), dt.date(2025, 4, 11)):
        for k in range(20):
            t = dt.datetime.combine(d, dt.time(8)) + dt.timedelta(minutes=30 * k)
            r = draw_row(rng, t, 14)
            r["abandoned"] = r["offered"] - r["answered"]
            r["sl"] = round(100 * r["within"] / r["offered"], 1)
            pos = (d.weekday(), k)
            sl, ab = r["sl"], r["abandoned"]
            if pos == bad_sl:
                sl = 104.2
            elif pos == bad_ab:
                ab = -1
            else:
                kept.append(r)
            n += 1
            rows.append([f"{t:%Y-%m-%d %H:%M}", r["offered"], r["answered"], ab, r["asa"],
                         r["aht"], f"{sl:.1f}"])  # fmt: skip
    write_csv(
        "interval_report_out_of_range.csv",
        ["Interval Start", "Offered", "Answered", "Abandoned", "ASA (s)", "AHT (s)", "SL %"],
        rows,
    )  # fmt: skip
    ans = sum(r["answered"] for r in kept)
    off = sum(r["offered"] for r in kept)
    return {
        "rows": n,
        "kept": len(kept),
        "reasons": {"service_level outside 0-1": 1, "negative abandoned": 1},
        "contacts": off,
        "abandonment_rate": r4(sum(r["abandoned"] for r in kept) / off),
        "asa": r4(sum(r["asa"] * r["answered"] for r in kept) / ans),
        "aht": r4(sum(r["aht"] * r["answered"] for r in kept) / ans),
        "service_level": r4(sum(r["sl"] / 100 * r["answered"] for r in kept) / ans),
    }  # fmt: skip


if __name__ == "__main__":
    BUILD.main()

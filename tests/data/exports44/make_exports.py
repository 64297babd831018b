"""Regenerate the forty-fourth blind acceptance corpus (tests/test_real_exports_44.py).

    .venv/bin/python tests/data/exports44/make_exports.py             # write the files
    .venv/bin/python tests/data/exports44/make_exports.py --expected  # also print the truth

Round 44 is a regression hunt beside the importer rules added last: files that sit just beside
each rule, where it could fire wrongly or fail to fire.

Dates whose fields are all 12 or less (the order by span): a US monthly summary dated the 1st
of each month (``01/01/2025`` .. ``12/01/2025``); a German monthly report with dotted dates, a
``;`` separator and decimal commas (``01.01.2025`` .. ``01.12.2025``); a US log of two weeks
either side of New Year (``12/01/2025`` .. ``01/09/2026``); a UK daily summary of the 1st-12th of
three consecutive months. Survey responses beside a log: a callback list beside the inbound
log whose calls asked for them; a CRM activity list (Salesforce Tasks) of the same calls as the
PBX log; a QA-evaluation file (a supervisor's score per call) beside the calls, which have their
own CSAT. Answered as the opposite of an abandoned flag: a blended voice / chat / e-mail log
whose talk times are recorded for voice only, with voicemails. A hand-kept tracker whose
"Resolved?" column is a tick for yes and an X for no (blank: not asked) beside an "Escalated"
X / blank column. A voice log with zero-padded text ids beside a chat log numbered in the same
range. A Five9 call log whose disposition is wrap-up codes (``Callback Requested`` and
``Wrong Number`` chosen by agents on answered calls) and a typed 0 among clock hold times.

Each builder draws rows with its own seeded ``random.Random``, writes them the way the export
looks, and returns the KPIs computed in plain Python over the drawn records -- never with
KPI Lab code.

Conventions (the registry's defaults, as earlier rounds): contacts = rows of a contact log (a
callback is an outbound contact of its own; a second system's record of the same call is not);
abandonment = abandoned / inbound queued (answered + abandoned + voicemail / callback request);
ASA = mean wait of answered inbound rows; AHT = mean talk + hold + ACW of handled rows with a
handle time (inbound answered, outbound connected); service level (20 s, abandons negative) =
answered within 20 s / (answered + abandoned); FCR over handled rows asked; escalation over
handled; CSAT the mean 1-5 rating. Summaries: contacts = sum offered, abandonment = abandoned /
offered, ASA / AHT / a displayed service level weighted by answered.
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
    draw_row,
    drawn_calls,
    handled,
    hms,
    log_truth,
    mean,
    r4,
    save_xlsx,
    spread,
    summary_truth,
    weekdays,
)  # fmt: skip

OUT = Path(__file__).resolve().parent
BUILD = Builders(OUT)
builder, write_csv = BUILD, BUILD.write_csv
AGENTS = ["Maya Lopez", "Omar Haddad", "Jin Park", "Sara Novak", "Luca Bianchi", "Ada Okafor"]
QUEUES = ["Billing", "Support", "Sales"]
APR = weekdays(dt.date(2025, 4, 7), dt.date(2025, 4, 18))
MAY = weekdays(dt.date(2025, 5, 12), dt.date(2025, 5, 23))


def clock12(t: dt.datetime) -> str:
    return f"{t.hour % 12 or 12}:{t:%M:%S} {'AM' if t.hour < 12 else 'PM'}"


def de_num(x: float, nd: int = 2) -> str:
    return f"{x:.{nd}f}".replace(".", ",")


# --- 1. US monthly summary dated the 1st of each month (all fields 12 or less) ------------------


@builder
def build_us_monthly_firsts() -> dict[str, Any]:
    # A US contact centre's monthly queue report for 2025: "Month" 01/01/2025 .. 12/01/2025
    # (month-first, the 1st of each month), offered / answered / abandoned, ASA and AHT in
    # seconds, "Service Level %" as displayed.
    rng = random.Random(4401)
    rows, drawn = [], []
    for m in range(1, 13):
        r = draw_row(rng, dt.date(2025, m, 1), 2400)
        r["sl"] = round(r["sl"], 1)
        drawn.append(r)
        rows.append([f"{m:02d}/01/2025", r["offered"], r["answered"], r["abandoned"], r["asa"],
                     r["aht"], f"{r['sl']:.1f}"])  # fmt: skip
    write_csv(
        "us_monthly_firsts.csv",
        ["Month", "Calls Offered", "Calls Answered", "Calls Abandoned", "ASA (sec)",
         "AHT (sec)", "Service Level %"],
        rows,
    )  # fmt: skip
    t = summary_truth(drawn)
    del t["transfer_rate"], t["talk_time"]
    return t


# --- 2. German monthly report: dotted dates, ";" and decimal commas ----------------------------


@builder
def build_de_monatsbericht() -> dict[str, Any]:
    # A German service desk's Monatsbericht: "Monat" 01.01.2025 .. 01.12.2025 (day-first, the
    # dots and the ";" / decimal commas say so), "Angebotene Anrufe", "Angenommene Anrufe",
    # "Abgebrochene Anrufe", "Ø Wartezeit (s)", "Ø Bearbeitungszeit (s)", "Servicelevel (%)"
    # with a decimal comma.
    rng = random.Random(4402)
    rows, drawn = [], []
    for m in range(1, 13):
        r = draw_row(rng, dt.date(2025, m, 1), 1800)
        r["sl"] = round(r["sl"], 2)
        drawn.append(r)
        rows.append([f"01.{m:02d}.2025", r["offered"], r["answered"], r["abandoned"],
                     r["asa"], r["aht"], de_num(r["sl"])])  # fmt: skip
    write_csv(
        "de_monatsbericht.csv",
        ["Monat", "Angebotene Anrufe", "Angenommene Anrufe", "Abgebrochene Anrufe",
         "Ø Wartezeit (s)", "Ø Bearbeitungszeit (s)", "Servicelevel (%)"],
        rows,
        sep=";",
    )  # fmt: skip
    t = summary_truth(drawn)
    del t["transfer_rate"], t["talk_time"]
    return t


# --- 3. US log: two weeks either side of New Year ----------------------------------------------


@builder
def build_us_new_year_weeks() -> dict[str, Any]:
    # An IVR change went live over the holidays: the supervisor exported Mon 1 - Fri 5 December
    # 2025 and Mon 5 - Fri 9 January 2026 side by side. "Date/Time" 12/01/2025 8:05:12 AM
    # (month-first, 12-hour clock: every field 12 or less), waits and times in seconds.
    rng = random.Random(4403)
    days = weekdays(dt.date(2025, 12, 1), dt.date(2025, 12, 5)) + weekdays(
        dt.date(2026, 1, 5), dt.date(2026, 1, 9)
    )
    recs = drawn_calls(rng, days, 8, p_ab=0.15)
    rows = []
    for i, c in enumerate(recs):
        ok = handled(c)
        t = c["start"]
        rows.append([
            f"{t.month:02d}/{t.day:02d}/{t.year} {clock12(t)}", f"IVR{70410 + 3 * i}",
            rng.choice(QUEUES), rng.choice(AGENTS) if ok else "", c["wait"], c["talk"],
            c["hold"], c["acw"], "Answered" if ok else "Abandoned",
        ])  # fmt: skip
    write_csv(
        "us_new_year_weeks.csv",
        ["Date/Time", "Call ID", "Queue", "Agent", "Queue Wait", "Talk", "Hold", "Wrap",
         "Result"],
        rows,
    )  # fmt: skip
    return log_truth(recs)


# --- 4. UK daily summary of the 1st-12th of three months ---------------------------------------


@builder
def build_uk_first_fortnights() -> dict[str, Any]:
    # A billing line's month-start peak report: the working days from the 1st to the 12th of
    # September, October and November 2025, "Date" dd/mm/yyyy (every field 12 or less), two
    # queues, ASA / AHT in seconds, "SL %" as displayed.
    rng = random.Random(4404)
    days = [d for m in (9, 10, 11) for d in weekdays(dt.date(2025, m, 1), dt.date(2025, m, 12))]
    rows, drawn = [], []
    for d in days:
        for q in ("Billing", "Payments"):
            r = draw_row(rng, d, 90)
            r["sl"] = round(r["sl"], 1)
            drawn.append(r)
            rows.append([f"{d:%d/%m/%Y}", q, r["offered"], r["answered"], r["abandoned"],
                         r["asa"], r["aht"], f"{r['sl']:.1f}"])  # fmt: skip
    write_csv(
        "uk_first_fortnights.csv",
        ["Date", "Queue", "Offered", "Answered", "Abandoned", "ASA (s)", "AHT (s)", "SL %"],
        rows,
    )  # fmt: skip
    t = summary_truth(drawn)
    del t["transfer_rate"], t["talk_time"]
    return t


# --- 5. A callback list beside the inbound log ---------------------------------------------------


@builder
def build_callbacks_beside_log() -> dict[str, Any]:
    # Virtual hold: an inbound caller may ask to be called back ("Callback" in "Outcome"); the
    # callback platform's own list names each callback ("CB-"), the call it answers ("Original
    # Call ID"), when it was dialled, the agent, its talk time and "Status" Completed / No
    # Answer. Callbacks are outbound contacts of their own.
    rng = random.Random(4405)
    recs, rows, cbs = [], [], []
    for i, t in enumerate(spread(rng, APR, 8)):
        c = draw_call(rng, p_ab=0.12, p_vm=0.14)
        c["start"] = t
        recs.append(c)
        ok = handled(c)
        cid = f"IN-{20410 + i}"
        word = {"answered": "Answered", "abandoned": "Abandoned", "voicemail": "Callback"}
        rows.append([cid, f"{t:%Y-%m-%d %H:%M:%S}", rng.choice(QUEUES),
                     rng.choice(AGENTS) if ok else "", c["wait"], c["talk"], c["hold"], c["acw"],
                     word[c["outcome"]]])  # fmt: skip
        if c["outcome"] == "voicemail":
            cb = dial_out(rng, p_no=0.25)
            cb["start"] = t + dt.timedelta(minutes=rng.randint(8, 50))
            cb["talk"] += cb["hold"]  # the list has one talk time (hold included), no wrap
            cb["hold"] = cb["acw"] = 0
            cb["handle"] = cb["talk"]
            cbs.append((cid, cb))
    write_csv(
        "inbound_log_virtual_hold.csv",
        ["Call ID", "Start Time", "Queue", "Agent", "Wait (s)", "Talk (s)", "Hold (s)",
         "ACW (s)", "Outcome"],
        rows,
    )  # fmt: skip
    cb_rows = []
    for k, (cid, cb) in enumerate(cbs):
        ok = handled(cb)
        status = "Completed" if ok else "No Answer"
        cb_rows.append([f"CB-{5100 + k}", cid, f"{cb['start']:%Y-%m-%d %H:%M:%S}",
                        rng.choice(AGENTS), cb["talk"], status])  # fmt: skip
    write_csv(
        "callback_list.csv",
        ["Callback ID", "Original Call ID", "Dialled At", "Agent", "Talk Time (s)", "Status"],
        cb_rows,
    )  # fmt: skip
    t = log_truth(recs + [cb for _, cb in cbs])
    t["inbound_rows"], t["callbacks"] = len(recs), len(cbs)
    t["aht_inbound_only"] = log_truth(recs)["aht"]
    return t


# --- 6. Salesforce Task list of the same calls as the PBX log -------------------------------------


@builder
def build_crm_tasks_same_calls() -> dict[str, Any]:
    # The PBX's call log (every inbound call, answered or abandoned) and the CRM's Task export
    # for the same fortnight: one Task per answered call an agent logged, "Call Object
    # Identifier" = the PBX call id, "Call Duration In Seconds", "Call Type" Inbound. The
    # Tasks are the same calls, not more calls.
    rng = random.Random(4406)
    recs = drawn_calls(rng, MAY, 7, p_ab=0.15)
    rows, tasks = [], []
    for i, c in enumerate(recs):
        ok = handled(c)
        cid = f"{1747000000 + 613 * i}"
        agent = rng.choice(AGENTS) if ok else ""
        rows.append([cid, f"{c['start']:%Y-%m-%d %H:%M:%S}", rng.choice(QUEUES), agent,
                     c["wait"], c["talk"], c["hold"], c["acw"],
                     "ANSWERED" if ok else "ABANDONED"])  # fmt: skip
        if ok and rng.random() < 0.85:
            tasks.append([f"00T5g00000{rng.randint(10**7, 10**8 - 1)}", cid,
                          f"Call {rng.choice(['Billing question', 'Order status', 'Refund'])}",
                          agent, f"{c['start']:%m/%d/%Y}", "Inbound", c["talk"],
                          "Completed"])  # fmt: skip
    write_csv(
        "pbx_call_log.csv",
        ["Call ID", "Start", "Queue", "Agent", "Wait (s)", "Talk (s)", "Hold (s)", "Wrap (s)",
         "Disposition"],
        rows,
    )  # fmt: skip
    write_csv(
        "sfdc_tasks_calls.csv",
        ["Activity ID", "Call Object Identifier", "Subject", "Assigned", "Date", "Call Type",
         "Call Duration In Seconds", "Status"],
        tasks,
    )  # fmt: skip
    t = log_truth(recs)
    t["tasks"] = len(tasks)
    return t


# --- 7. QA evaluations beside the calls (which have their own CSAT) ---------------------------


@builder
def build_qa_beside_calls() -> dict[str, Any]:
    # The calls (post-call IVR survey "CSAT" 1-5, blank when not taken) and the quality team's
    # evaluations of some answered calls: "Evaluation ID", "Interaction ID", "Evaluator",
    # "Evaluated On", "Form", "Score" 0-100, "Auto-Fail" Yes / No. A QA score is no CSAT and an
    # evaluation no contact.
    rng = random.Random(4407)
    recs = drawn_calls(rng, APR, 7, p_ab=0.14)
    rows = []
    for i, c in enumerate(recs):
        ok = handled(c)
        c["id"] = f"INT-{880300 + i}"
        c["csat"] = rng.choice([None, None, 1, 3, 4, 4, 5, 5]) if ok else None
        rows.append([c["id"], f"{c['start']:%Y-%m-%d %H:%M:%S}", rng.choice(QUEUES),
                     rng.choice(AGENTS) if ok else "", c["wait"], c["talk"], c["hold"],
                     c["acw"], "Answered" if ok else "Abandoned",
                     "" if c["csat"] is None else c["csat"]])  # fmt: skip
    write_csv(
        "calls_with_csat.csv",
        ["Interaction ID", "Start Time", "Queue", "Agent", "Wait Time", "Talk Time",
         "Hold Time", "ACW Time", "Result", "CSAT"],
        rows,
    )  # fmt: skip
    picked = rng.sample([c for c in recs if handled(c)], 18)
    qa = []
    for k, c in enumerate(sorted(picked, key=lambda c: c["start"])):
        when = c["start"] + dt.timedelta(days=rng.randint(1, 3), hours=rng.randint(0, 3))
        score = rng.choice([62.5, 75, 81.25, 87.5, 93.75, 100])
        qa.append([f"EV-{3301 + k}", c["id"], rng.choice(["R. Chen", "P. Walsh"]),
                   f"{when:%Y-%m-%d %H:%M}", "Inbound Call Form v3", score,
                   "Yes" if score < 65 else "No"])  # fmt: skip
    write_csv(
        "qa_evaluations.csv",
        ["Evaluation ID", "Interaction ID", "Evaluator", "Evaluated On", "Form", "Score",
         "Auto-Fail"],
        qa,
    )  # fmt: skip
    t = log_truth(recs)
    t["evaluations"] = len(qa)
    return t


# --- 8. Blended log: "Abandoned" Y / N, talk times for voice only, voicemails -------------------


@builder
def build_blended_talk_voice_only() -> dict[str, Any]:
    # An ACD's blended skill log with no agent column: "Channel" Voice / Chat / Email,
    # "Abandoned" Y / N (answered is its opposite), "Queue Time (s)" for every channel;
    # "Talk Time (s)", "Hold Time (s)", "ACW Time (s)" recorded for voice only (blank on chats
    # and e-mails, which the ACD routes but does not time). Voice calls that went to voicemail
    # are "Abandoned" N with no talk time. Truth: chats and e-mails not abandoned were
    # answered; voicemails were not; AHT over the rows that have a handle time.
    rng = random.Random(4408)
    recs, rows = [], []
    for i, t in enumerate(spread(rng, APR, 9)):
        ch = rng.choices(["Voice", "Chat", "Email"], [6, 3, 1])[0]
        c = draw_call(rng, p_ab=0.12, p_vm=0.1 if ch == "Voice" else 0.0)
        if ch == "Email" and c["outcome"] == "answered":
            c["wait"] = rng.randint(300, 5400)
        c["start"], c["channel"] = t, ch
        recs.append(c)
        voice = ch == "Voice"
        rows.append([
            f"{600100 + i}", ch, f"{ch} {rng.choice(QUEUES)}", f"{t:%Y-%m-%d %H:%M:%S}",
            "Y" if c["outcome"] == "abandoned" else "N", c["wait"],
            c["talk"] if voice else "", c["hold"] if voice else "", c["acw"] if voice else "",
        ])  # fmt: skip
    write_csv(
        "blended_talk_voice_only.csv",
        ["Contact ID", "Channel", "Skill", "Start Time", "Abandoned", "Queue Time (s)",
         "Talk Time (s)", "Hold Time (s)", "ACW Time (s)"],
        rows,
    )  # fmt: skip
    t = log_truth(recs)
    timed = [r["handle"] for r in recs if r["outcome"] == "answered" and r["channel"] == "Voice"]
    t["aht"] = r4(mean(timed))
    t["voicemails"] = sum(r["outcome"] == "voicemail" for r in recs)
    t["untimed_answered"] = sum(
        r["outcome"] == "answered" and r["channel"] != "Voice" for r in recs
    )
    return t


# --- 9. Hand-kept tracker: "Resolved?" tick = yes, X = no, blank = not asked --------------------


@builder
def build_tracker_tick_cross() -> dict[str, Any]:
    # A small team's shared sheet of the calls they took: "Date" m/d/yyyy, "Time" h:mm AM,
    # "Agent", "Handle Time" m:ss, "Resolved?" ✓ (resolved) / X (not resolved) / blank (not
    # asked), "Escalated" X / blank, "Survey Sent" ✓ / blank, "CSAT" 1-5 or blank.
    rng = random.Random(4409)
    recs, rows = [], []
    for t in spread(rng, APR, 6):
        handle = rng.randint(90, 900)
        asked = rng.random() < 0.75
        res = rng.random() < 0.7 if asked else None
        esc = rng.random() < 0.12
        sent = rng.random() < 0.5
        csat = rng.choice([None, 2, 3, 4, 5, 5]) if sent else None
        rec = {"outcome": "answered", "inbound": True, "wait": 0, "handle": handle,
               "start": t, "resolved": res, "escalated": esc, "csat": csat}  # fmt: skip
        recs.append(rec)
        rows.append([
            f"{t.month}/{t.day}/{t.year}", clock12(t)[:-6] + clock12(t)[-3:],
            rng.choice(AGENTS[:4]), f"{handle // 60}:{handle % 60:02d}",
            "" if res is None else ("✓" if res else "X"), "X" if esc else "",
            "✓" if sent else "", "" if csat is None else csat,
        ])  # fmt: skip
    write_csv(
        "tracker_tick_cross.csv",
        ["Date", "Time", "Agent", "Handle Time", "Resolved?", "Escalated", "Survey Sent", "CSAT"],
        rows,
    )  # fmt: skip
    asked_ = [r for r in recs if r["resolved"] is not None]
    rated = [r["csat"] for r in recs if r["csat"] is not None]
    return {
        "rows": len(recs),
        "contacts": len(recs),
        "aht": r4(mean([r["handle"] for r in recs])),
        "fcr": r4(sum(r["resolved"] for r in asked_) / len(asked_)),
        "fcr_if_x_is_yes_blank_no": r4(len(asked_) / len(recs)),
        "escalation_rate": r4(sum(r["escalated"] for r in recs) / len(recs)),
        "csat": r4(mean(rated)),
        "first_day": recs[0]["start"].date().isoformat(),
        "last_day": recs[-1]["start"].date().isoformat(),
    }


# --- 10. Voice log with zero-padded text ids beside a chat log numbered in the same range -------


@builder
def build_padded_voice_numbered_chat() -> dict[str, Any]:
    # A small team exports its phone system's log ("Call ID" 004801 .. , six digits, quoted
    # text) and its chat tool's workbook ("Chat ID" 4799 .., number cells: the chat tool's own
    # counter) for the same fortnight and uploads both. The chat numbers are not the calls.
    rng = random.Random(4410)
    calls = drawn_calls(rng, MAY, 6, p_ab=0.15)
    rows = []
    for i, c in enumerate(calls):
        ok = handled(c)
        rows.append([f"{4801 + i:06d}", f"{c['start']:%Y-%m-%d %H:%M:%S}", rng.choice(QUEUES),
                     rng.choice(AGENTS) if ok else "", c["wait"], c["talk"], c["hold"],
                     c["acw"], "Answered" if ok else "Abandoned"])  # fmt: skip
    write_csv(
        "voice_calls_padded.csv",
        ["Call ID", "Start Time", "Queue", "Agent", "Wait (s)", "Talk (s)", "Hold (s)",
         "ACW (s)", "Result"],
        rows,
    )  # fmt: skip
    chats = drawn_calls(rng, MAY, 4, p_ab=0.1)
    crow = []
    for k, c in enumerate(chats):
        ok = handled(c)
        c["talk"] += c["hold"]
        c["hold"] = c["acw"] = 0
        c["handle"] = c["talk"] if ok else 0
        crow.append([4799 + k, c["start"], "Web Chat",
                     rng.choice(AGENTS) if ok else "", c["wait"], c["talk"],
                     "No" if ok else "Yes"])  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Chats"
    ws.append(["Chat ID", "Started", "Queue", "Agent", "Wait (s)", "Chat Duration (s)", "Missed"])
    for row in crow:
        ws.append(row)
        ws.cell(ws.max_row, 2).number_format = "yyyy-mm-dd hh:mm:ss"
    save_xlsx(wb, OUT / "chat_log_numbered.xlsx")
    t = log_truth(calls + chats)
    t["calls"], t["chats"] = len(calls), len(chats)
    t["colliding"] = sum(4801 <= 4799 + k < 4801 + len(calls) for k in range(len(chats)))
    return t


# --- 11. Five9 call log: wrap-up codes chosen on answered calls, typed 0 hold --------------------


@builder
def build_five9_agent_codes() -> dict[str, Any]:
    # A Five9 call log (inbound campaign), hand-cleaned in a sheet: "DISPOSITION" holds the
    # system's Abandon / Voicemail and the codes agents chose at wrap-up, among them "Callback
    # Requested" (the customer asked to be rung back later: an answered call) and "Wrong
    # Number" (an answered call that was not for this line). Durations H:MM:SS; "HOLD TIME"
    # typed 0 where there was no hold.
    rng = random.Random(4411)
    recs = drawn_calls(rng, APR, 8, p_ab=0.12, p_vm=0.06)
    codes = ["Resolved", "Resolved", "Billing Question", "Sale", "Follow-up Required",
             "Callback Requested", "Wrong Number"]  # fmt: skip
    rows = []
    for i, c in enumerate(recs):
        ok = handled(c)
        disp = (
            rng.choice(codes)
            if ok
            else {"abandoned": "Abandon", "voicemail": "Voicemail"}[c["outcome"]]
        )
        c["disp"] = disp
        t = c["start"]
        rows.append([
            f"{3000000 + 17 * i}", f"{t:%m/%d/%Y}", f"{t:%H:%M:%S}", "Inbound_Main", "Inbound",
            rng.choice(AGENTS) if ok else "", disp, hms(c["wait"], pad=False),
            hms(c["talk"], pad=False), hms(c["hold"], pad=False) if c["hold"] else "0",
            hms(c["acw"], pad=False),
        ])  # fmt: skip
    write_csv(
        "five9_agent_codes.csv",
        ["CALL ID", "DATE", "TIME", "CAMPAIGN", "CALL TYPE", "AGENT NAME", "DISPOSITION",
         "QUEUE WAIT TIME", "TALK TIME", "HOLD TIME", "AFTER CALL WORK TIME"],
        rows,
    )  # fmt: skip
    t = log_truth(recs)
    t["callback_requested"] = sum(r["disp"] == "Callback Requested" for r in recs)
    t["wrong_number"] = sum(r["disp"] == "Wrong Number" for r in recs)
    t["typed_zero_hold"] = sum(not r["hold"] for r in recs)
    return t


if __name__ == "__main__":
    BUILD.main()

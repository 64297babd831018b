"""Regenerate the seventh blind acceptance corpus (tests/test_real_exports_7.py).

    .venv/bin/python tests/data/exports7/make_exports.py             # write the files
    .venv/bin/python tests/data/exports7/make_exports.py --expected  # also print the truth

Each builder draws rows with its own seeded ``random.Random``, writes them the way the platform's
export looks, and returns the KPIs computed in plain Python over the drawn records (summary
reports: over the *displayed* numbers) -- never with KPI Lab code.

Conventions (the registry's documented defaults, as rounds 1-6):

* contact logs: contacts = every row (outbound dials included: one contact per row);
  abandonment = inbound abandoned / inbound queued (answered + abandoned + voicemail/callback);
  ASA = mean wait of answered inbound; AHT = mean talk + hold + ACW (or the export's handle
  time) of handled contacts (inbound answered, outbound connected); service level (20 s,
  abandons negative) = answered within 20 s / (answered + abandoned); transfer rate and FCR
  (flag method) over handled contacts; CSAT = mean of 1-5 ratings;
* summary reports: contacts = sum offered; abandonment = sum abandoned / sum offered;
  ASA, AHT, talk time, service-level percentage weighted by answered; an answered-within count
  gives service level = within / (answered + abandoned); transfer rate = transferred / answered;
* tickets: FRT = mean first-reply seconds of replied tickets; resolution time = mean seconds of
  solved tickets.

Round 7 shapes: Amazon Connect historical metrics (queue x day, "Service level 60 seconds",
transfers out), Mitel MiCC queue performance by 15-min period (title lines, Interflowed, Total),
a Five9 call log mixing inbound with an outbound campaign (Manual / Preview / Outbound call types,
dialer dispositions), an Excel "Unicode Text" save (UTF-16 LE, tabs, CRLF, UK dates), daily
reports with thousands separators (US "1,234" / "1,012.4" and German "1.234" / "1.012,4"), a
legacy ACD CSV with duplicate header names and trailing empty columns, a titled xlsx with a Total
row, percent-formatted fractions and Excel time-formatted durations, a chat export with
message timestamps, a queue-callback / voicemail heavy outcome column, mixed-case yes/no/y/0/1
flags, naive local times beside a "+02:00" offset column, a daily report with irregular gaps,
and a Zendesk Explore ticket export ("1,234.5" minutes, hours, date-only columns).
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
    draw_row,
    hms,
    log_truth,
    mean,
    mmss,
    r4,
    save_xlsx,
    spread,
    summary_truth,
    weekdays,
)  # fmt: skip

OUT = Path(__file__).resolve().parent
BUILD = Builders(OUT)
builder, write_csv = BUILD, BUILD.write_csv
MAY = weekdays(dt.date(2024, 5, 6), dt.date(2024, 5, 17))  # days 13+ disambiguate d/m
AGENTS = ["Maya Lopez", "Omar Haddad", "Jin Park", "Sara Novak", "Luca Bianchi", "Zoë Brontë"]
YES = ["Yes", "YES", "yes", "y", "Y", "1"]
NO = ["No", "NO", "no", "n", "N", "0"]


# --- 1. Amazon Connect historical metrics report: queue x day ------------------------------------


@builder
def build_amazon_connect_historical() -> dict[str, Any]:
    # Queue rows by daily interval; Contacts queued / handled / abandoned / transferred out;
    # averages hh:mm:ss; "Average queue abandon time" is a distractor (not ASA); "Service level
    # 60 seconds" "85.32%". queued - handled - abandoned = callbacks / flow-outs (0..4).
    rng = random.Random(701)
    rows, out = [], []
    for d in MAY:
        for q in ("BasicQueue", "Billing"):
            r = draw_row(rng, d, 140, gap=4)
            r["sl"] = round(r["sl"], 2)
            rows.append(r)
            out.append([
                q, f"{d:%m/%d/%Y} 00:00", f"{d + dt.timedelta(days=1):%m/%d/%Y} 00:00",
                r["offered"], r["answered"], r["abandoned"], r["transferred"], hms(r["asa"]),
                hms(rng.randint(20, 200)), hms(r["talk"]), hms(r["hold"]), hms(r["acw"]),
                hms(r["aht"]), f"{r['sl']:.2f}%",
            ])  # fmt: skip
    write_csv(
        "amazon_connect_historical_queues.csv",
        ["Queue", "StartInterval", "EndInterval", "Contacts queued", "Contacts handled",
         "Contacts abandoned", "Contacts transferred out", "Average queue answer time",
         "Average queue abandon time", "Average agent interaction time",
         "Average customer hold time", "Average after contact work time", "Average handle time",
         "Service level 60 seconds"],
        out,
    )  # fmt: skip
    return summary_truth(rows)


# --- 2. Mitel MiCC queue performance by period (15 minutes), title lines, Total ---------------------


@builder
def build_mitel_micc() -> dict[str, Any]:
    rng = random.Random(702)
    day = dt.date(2024, 5, 14)
    rows, out = [], []
    for i in range(16):
        t0 = dt.datetime.combine(day, dt.time(8)) + dt.timedelta(minutes=15 * i)
        t1 = t0 + dt.timedelta(minutes=15)
        r = draw_row(rng, day, 24, gap=2)
        r["sl"] = round(r["sl"], 1)
        r["start"] = t0
        rows.append(r)
        out.append([
            f"{day:%d/%m/%Y}", f"{t0:%H:%M} - {t1:%H:%M}", r["offered"], r["answered"],
            f"{100 * r['answered'] / r['offered']:.1f}%", r["abandoned"],
            f"{100 * r['abandoned'] / r['offered']:.1f}%", r["flow"], 0, hms(r["asa"]),
            hms(r["aht"]), hms(rng.randint(15, 120)), f"{r['sl']:.1f}",
        ])  # fmt: skip
    tot = ["Total", "", sum(r["offered"] for r in rows), sum(r["answered"] for r in rows), "",
           sum(r["abandoned"] for r in rows), "", sum(r["flow"] for r in rows), 0, "", "", "", ""]  # fmt: skip
    head = ["Date", "Period", "Offered", "Handled", "Handled %", "Abandoned", "Abandoned %",
            "Interflowed", "Requeue", "ASA", "Average Handling Time",
            "Average Time To Abandon", "Service Level %"]  # fmt: skip
    title = (
        "Queue Performance by Period\nQueue: P6001 Customer Service\n"
        "Range: 14/05/2024 08:00 - 14/05/2024 12:00\n\n"
    )
    (OUT / "mitel_micc_queue_period.csv").write_text(
        title + csv_text([head, *out, tot]), encoding="utf-8"
    )
    t = summary_truth(rows)
    t["first_start"] = rows[0]["start"].isoformat()
    t["last_start"] = rows[-1]["start"].isoformat()
    return t


# --- 3. Five9 call log: inbound skill calls mixed with an outbound campaign ------------------------


@builder
def build_five9_dialer_mixed() -> dict[str, Any]:
    # CALL TYPE Inbound / Outbound (predictive) / Manual / Preview. Outbound dispositions No
    # Answer / Busy / Answering Machine / Abandon (predictive: no agent free) are not handled
    # (manual and preview attempts still name the agent and carry a few seconds of ACW); Sale /
    # Not Interested / Do Not Call / Callback Scheduled are connected outbound calls.
    rng = random.Random(703)
    recs, rows = [], []
    for i, t in enumerate(spread(rng, MAY, 9)):
        agent = rng.choice(AGENTS)
        if rng.random() < 0.55:
            c = draw_call(rng, p_ab=0.15, p_vm=0.06)
            ctype, camp = "Inbound", "Inbound Care"
            disp = {"answered": rng.choice(["Resolved", "Not Resolved", "Sale"]),
                    "abandoned": "Abandon", "voicemail": "Voicemail"}[c["outcome"]]  # fmt: skip
            name = agent if c["outcome"] == "answered" else ""
            acw_shown = c["acw"]
        else:
            ctype = rng.choice(["Outbound", "Manual", "Preview"])
            camp = "Spring Renewals" if ctype == "Outbound" else "Agent Dial"
            ring = rng.randint(4, 30)
            if rng.random() < 0.45:
                talk, acw = rng.randint(40, 500), rng.randint(5, 60)
                c = {"outcome": "connected", "wait": 0, "talk": talk, "hold": 0, "acw": acw,
                     "handle": talk + acw, "inbound": False}  # fmt: skip
                disp = rng.choice(["Sale", "Not Interested", "Do Not Call", "Callback Scheduled"])
                name, acw_shown = agent, acw
            else:
                dead = ["No Answer", "Busy", "Answering Machine"]
                disp = rng.choice(dead + (["Abandon"] if ctype == "Outbound" else []))
                c = {"outcome": "dead", "wait": 0, "talk": 0, "hold": 0, "acw": 0, "handle": 0,
                     "inbound": False}  # fmt: skip
                manual = ctype != "Outbound"
                name = agent if manual else ""
                acw_shown = rng.randint(2, 15) if manual else 0
            c["ring"] = ring
        c["start"] = t
        recs.append(c)
        rows.append([
            f"{300000000070000 + i * 11}", f"{t:%Y/%m/%d}", f"{t:%H:%M:%S}", camp, ctype,
            name, disp, f"555{rng.randint(1000000, 9999999)}",
            hms(c["wait"] if c["inbound"] else 0, pad=False), hms(c["talk"], pad=False),
            hms(c["hold"], pad=False), hms(acw_shown, pad=False),
        ])  # fmt: skip
    write_csv(
        "five9_inbound_outbound_campaign.csv",
        ["CALL ID", "DATE", "TIME", "CAMPAIGN", "CALL TYPE", "AGENT NAME", "DISPOSITION", "DNIS",
         "QUEUE WAIT TIME", "TALK TIME", "HOLD TIME", "AFTER CALL WORK TIME"],
        rows,
    )  # fmt: skip
    t = log_truth(recs)
    t["inbound"] = sum(r["inbound"] for r in recs)
    t["outbound_connected"] = sum(r["outcome"] == "connected" for r in recs)
    return t


# --- 4. Excel "Unicode Text" save: UTF-16 LE, tab-separated, CRLF, UK dates ------------------------


@builder
def build_excel_unicode_text() -> dict[str, Any]:
    rng = random.Random(704)
    recs, rows = [], []
    for i, t in enumerate(spread(rng, MAY, 7)):
        c = draw_call(rng, p_ab=0.14)
        c["start"] = t
        c["transferred"] = c["outcome"] == "answered" and rng.random() < 0.15
        recs.append(c)
        ans = c["outcome"] == "answered"
        agent = rng.choice(AGENTS)
        last, first = agent.split()[1], agent.split()[0]
        rows.append([
            f"UK-{51000 + i}", t.strftime("%d/%m/%Y %H:%M"), rng.choice(["Sales", "Service"]),
            f"{last}, {first}" if ans else "", "Answered" if ans else "Abandoned", c["wait"],
            c["talk"], c["hold"], c["acw"], "Yes" if c["transferred"] else "No",
        ])  # fmt: skip
    head = ["Call Ref", "Start", "Queue", "Agent", "Result", "Wait (sec)", "Talk (sec)",
            "Hold (sec)", "Wrap (sec)", "Transferred"]  # fmt: skip
    text = csv_text([head, *rows], sep="\t", eol="\r\n")
    (OUT / "excel_unicode_text.txt").write_bytes(text.encode("utf-16"))  # BOM + LE
    return log_truth(recs)


# --- 5/6. Daily reports with thousands separators: US "1,234" and German "1.234" -------------------


@builder
def build_thousands_us() -> dict[str, Any]:
    # m/d/yyyy without zeros; counts "2,345" (quoted); AHT (sec) "1,012.4" or "987.6";
    # "Answered Within 30 Sec" is a count: SL = within / (answered + abandoned).
    rng = random.Random(705)
    rows, out = [], []
    for d in MAY:
        r = draw_row(rng, d, 2400)
        r["aht"] = round(rng.uniform(900, 1150), 1)
        r["asa"] = round(rng.uniform(10, 90), 1)
        rows.append(r)
        out.append([
            f"{d.month}/{d.day}/{d.year}", f"{r['offered']:,}", f"{r['answered']:,}",
            f"{r['abandoned']:,}", f"{r['within']:,}", f"{r['asa']:.1f}", f"{r['aht']:,.1f}",
        ])  # fmt: skip
    write_csv(
        "daily_thousands_us.csv",
        ["Date", "Calls Offered", "Calls Answered", "Calls Abandoned", "Answered Within 30 Sec",
         "Avg Speed of Answer (sec)", "Avg Handle Time (sec)"],
        out,
    )  # fmt: skip
    return summary_truth(rows, sl="count")


@builder
def build_thousands_de() -> dict[str, Any]:
    # ';', dd.mm.yyyy, counts "2.345", averages "1.012,4" / "987,6", "Servicelevel" "82,4 %".
    rng = random.Random(706)
    rows, out = [], []

    def de(x: float, nd: int) -> str:
        return f"{x:,.{nd}f}".replace(",", "_").replace(".", ",").replace("_", ".")

    for d in MAY:
        r = draw_row(rng, d, 2400)
        r["aht"] = round(rng.uniform(900, 1150), 1)
        r["asa"] = round(rng.uniform(10, 90), 1)
        r["sl"] = round(r["sl"], 1)
        rows.append(r)
        out.append([
            f"{d:%d.%m.%Y}", de(r["offered"], 0), de(r["answered"], 0), de(r["abandoned"], 0),
            de(r["asa"], 1), de(r["aht"], 1), f"{de(r['sl'], 1)} %",
        ])  # fmt: skip
    write_csv(
        "tagesbericht_tausender_de.csv",
        ["Datum", "Angebotene Anrufe", "Angenommene Anrufe", "Abgebrochene Anrufe",
         "Durchschnittliche Wartezeit (Sek.)", "Durchschnittliche Bearbeitungszeit (Sek.)",
         "Servicelevel"],
        out,
        sep=";",
    )  # fmt: skip
    return summary_truth(rows)


# --- 7. Legacy ACD call log: duplicate header names, trailing empty columns -----------------------


@builder
def build_legacy_dup_headers() -> dict[str, Any]:
    # "Queue" twice (number, name), "Agent" twice (extension, name); three empty trailing
    # header cells and every row ending in ",,,".
    rng = random.Random(707)
    recs, rows = [], []
    queues = {"601": "Sales", "602": "Support"}
    for i, t in enumerate(spread(rng, MAY, 6)):
        c = draw_call(rng, p_ab=0.16)
        c["start"] = t
        ans = c["outcome"] == "answered"
        c["transferred"] = ans and rng.random() < 0.2
        recs.append(c)
        qn = rng.choice(list(queues))
        ag = rng.randrange(len(AGENTS))
        rows.append([
            f"{710000 + i}", f"{t:%Y-%m-%d}", f"{t:%H:%M:%S}", qn, queues[qn],
            f"{2100 + ag}" if ans else "", AGENTS[ag] if ans else "", c["wait"], c["talk"],
            c["hold"], c["acw"], "Answered" if ans else "Abandoned",
            "Y" if c["transferred"] else "N", "", "", "",
        ])  # fmt: skip
    head = ["Call ID", "Date", "Time", "Queue", "Queue", "Agent", "Agent", "Wait", "Talk",
            "Hold", "Wrap", "Result", "Transferred", "", "", ""]  # fmt: skip
    write_csv("legacy_acd_dup_headers.csv", head, rows)
    return log_truth(recs)


# --- 8. Titled workbook: Total row, percent-formatted fractions, Excel time durations ---------------


@builder
def build_xlsx_time_percent_cells() -> dict[str, Any]:
    # Title block (3 lines + blank); Date cells are real dates shown dd/mm/yyyy; ASA / AHT are
    # Excel times (fractions of a day shown h:mm:ss); Abandon Rate and Service Level are
    # fractions shown as "85.3%"; a last "Total" row with sums and overall rates.
    import openpyxl

    rng = random.Random(708)
    rows = []
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Daily Queue Report"
    ws.append(["Daily Queue Report"])
    ws.append(["Period: 06/05/2024 - 17/05/2024"])
    ws.append(["Generated: 18/05/2024 06:00"])
    ws.append([])
    ws.append(["Date", "Queue", "Offered", "Answered", "Abandoned", "Abandon Rate", "ASA",
               "AHT", "Service Level"])  # fmt: skip
    for d in MAY:
        for q in ("Retail", "Business"):
            r = draw_row(rng, d, 90)
            r["sl"] = round(r["sl"] / 100, 3) * 100
            rows.append(r)
            ws.append([d, q, r["offered"], r["answered"], r["abandoned"],
                       r["abandoned"] / r["offered"], dt.time(0, r["asa"] // 60, r["asa"] % 60),
                       dt.time(0, r["aht"] // 60, r["aht"] % 60), round(r["sl"] / 100, 3)])  # fmt: skip
            row = ws.max_row
            ws.cell(row, 1).number_format = "dd/mm/yyyy"
            ws.cell(row, 6).number_format = "0.0%"
            ws.cell(row, 7).number_format = "h:mm:ss"
            ws.cell(row, 8).number_format = "h:mm:ss"
            ws.cell(row, 9).number_format = "0.0%"
    off = sum(r["offered"] for r in rows)
    ab = sum(r["abandoned"] for r in rows)
    ws.append(["Total", "", off, sum(r["answered"] for r in rows), ab, ab / off])
    ws.cell(ws.max_row, 6).number_format = "0.0%"
    save_xlsx(wb, OUT / "queue_report_time_cells.xlsx")  # the same bytes on every run
    return summary_truth(rows)


# --- 9. Chat export with message timestamps -----------------------------------------------------------


@builder
def build_chat_transcripts() -> dict[str, Any]:
    # Created = the first customer message; "First Agent Reply" empty for missed chats; rating
    # 1-5 stars, blank when not rated. FRT = first agent reply - created (replied chats).
    rng = random.Random(709)
    rows, frts, ratings, spans = [], [], [], []
    for i, t in enumerate(spread(rng, MAY, 6)):
        replied = rng.random() < 0.85
        frt = rng.choice([rng.randint(5, 60), rng.randint(30, 240), rng.randint(200, 900)])
        n_msg = rng.randint(4, 30)
        last = t + dt.timedelta(seconds=frt + rng.randint(60, 1800)) if replied else t
        end = last + dt.timedelta(seconds=rng.randint(10, 300))
        rating = rng.choice([None, None, 1, 3, 4, 5, 5]) if replied else None
        if replied:
            frts.append(frt)
        if rating is not None:
            ratings.append(rating)
        spans.append((end - t).total_seconds())
        rows.append([
            f"CHT{80200 + i * 3}", f"{t:%Y-%m-%d %H:%M:%S}", f"{t:%Y-%m-%d %H:%M:%S}",
            f"{t + dt.timedelta(seconds=frt):%Y-%m-%d %H:%M:%S}" if replied else "",
            f"{last:%Y-%m-%d %H:%M:%S}", f"{end:%Y-%m-%d %H:%M:%S}",
            "resolved" if replied else "missed", rng.choice(AGENTS) if replied else "",
            rng.choice(["Sales", "Support"]), n_msg if replied else 1,
            "" if rating is None else rating,
        ])  # fmt: skip
    write_csv(
        "chat_conversations.csv",
        ["Conversation ID", "Created", "First Customer Message", "First Agent Reply",
         "Last Message", "Closed", "Status", "Agent", "Department", "Messages",
         "Customer Rating (1-5)"],
        rows,
    )  # fmt: skip
    return {"rows": len(rows), "contacts": len(rows), "frt": r4(mean(frts)),
            "csat": r4(mean(ratings)), "replied": len(frts), "rated": len(ratings),
            "resolution_time": r4(mean(spans))}  # fmt: skip


# --- 10. Queue callback / voicemail heavy outcome column ------------------------------------------------


@builder
def build_callback_voicemail() -> dict[str, Any]:
    # Outcome Answered / Abandoned / Voicemail / Callback Requested (virtual hold: the caller
    # left the queue for a callback -- offered, neither answered nor abandoned); mm:ss times.
    rng = random.Random(710)
    recs, rows = [], []
    for i, t in enumerate(spread(rng, MAY, 8)):
        c = draw_call(rng, p_ab=0.12, p_vm=0.30)
        word = {"answered": "Answered", "abandoned": "Abandoned"}.get(c["outcome"])
        if c["outcome"] == "voicemail":
            word = "Callback Requested" if rng.random() < 0.6 else "Voicemail"
        c["start"] = t
        recs.append(c)
        ans = c["outcome"] == "answered"
        rows.append([
            f"INT-{90000 + i}", f"{t:%Y-%m-%d %H:%M}", rng.choice(["Claims", "Policy"]),
            rng.choice(AGENTS) if ans else "", word, mmss(c["wait"]), mmss(c["talk"]),
            mmss(c["hold"]), mmss(c["acw"]),
        ])  # fmt: skip
    write_csv(
        "callback_voicemail_outcomes.csv",
        ["Interaction ID", "Start Date/Time", "Queue", "Agent", "Outcome",
         "Time in Queue (mm:ss)", "Talk Time (mm:ss)", "Hold Time (mm:ss)",
         "Wrap Time (mm:ss)"],
        rows,
    )  # fmt: skip
    t = log_truth(recs)
    t["callbacks"] = sum(r[4] == "Callback Requested" for r in rows)
    t["voicemails"] = sum(r[4] == "Voicemail" for r in rows)
    return t


# --- 11. Mixed-case yes/no/y/0/1 flags -------------------------------------------------------------------


@builder
def build_mixed_flags() -> dict[str, Any]:
    # No outcome column: "Answered?" and "Abandoned?" in every spelling (two systems merged),
    # "Transferred" and "First Call Resolution" blank on unanswered calls, "Handle (s)".
    rng = random.Random(711)
    recs, rows = [], []
    for i, t in enumerate(spread(rng, MAY, 7)):
        c = draw_call(rng, p_ab=0.15)
        c["start"] = t
        ans = c["outcome"] == "answered"
        if ans:
            c["transferred"] = rng.random() < 0.15
            c["resolved"] = (not c["transferred"]) and rng.random() < 0.8
        recs.append(c)

        def yn(v: bool) -> str:
            return rng.choice(YES if v else NO)

        rows.append([
            f"R{4400 + i}", f"{t:%Y-%m-%d}", f"{t:%H:%M:%S}", rng.choice(["Sales", "Support"]),
            rng.choice(AGENTS) if ans else "", yn(ans), yn(not ans),
            yn(c["transferred"]) if ans else "", yn(c["resolved"]) if ans else "",
            c["wait"], c["handle"] if ans else 0,
        ])  # fmt: skip
    write_csv(
        "mixed_case_flags.csv",
        ["Call Ref", "Call Date", "Call Time", "Queue", "Agent", "Answered?", "Abandoned?",
         "Transferred", "First Call Resolution", "Wait (s)", "Handle (s)"],
        rows,
    )  # fmt: skip
    return log_truth(recs)


# --- 12. Naive local times beside a UTC offset column ------------------------------------------------


@builder
def build_local_time_offset() -> dict[str, Any]:
    # Berlin site in May: "Local Start Time" 2024-05-06 09:15:02 (naive) and "UTC Offset"
    # "+02:00". Office hours 08-18 local: the day is the same in local time and UTC.
    rng = random.Random(712)
    recs, rows = [], []
    for i, t in enumerate(spread(rng, MAY, 7)):
        c = draw_call(rng, p_ab=0.13, p_vm=0.04)
        c["start"] = t
        recs.append(c)
        word = {"answered": "ANSWERED", "abandoned": "ABANDONED", "voicemail": "VOICEMAIL"}
        rows.append([
            f"DE{620000 + i * 5}", f"{t:%Y-%m-%d %H:%M:%S}", "+02:00",
            rng.choice(["DE_Kundenservice", "DE_Technik"]),
            rng.choice(AGENTS) if c["outcome"] == "answered" else "", word[c["outcome"]],
            c["wait"], c["talk"], c["hold"], c["acw"],
        ])  # fmt: skip
    write_csv(
        "local_time_utc_offset.csv",
        ["Call ID", "Local Start Time", "UTC Offset", "Queue", "Agent", "Disposition",
         "Queue Seconds", "Talk Seconds", "Hold Seconds", "Wrap Seconds"],
        rows,
    )  # fmt: skip
    return log_truth(recs)


# --- 13. Daily report with whole days missing (irregular gaps) ---------------------------------------


@builder
def build_daily_gaps() -> dict[str, Any]:
    # One queue; rows only on the days the line was open: gaps of 2, 2, 3, 3, 4, 8 days.
    rng = random.Random(713)
    dates = [dt.date(2024, 5, d) for d in (6, 8, 10, 13, 16, 20, 28)]
    rows = []
    for d in dates:
        r = draw_row(rng, d, 300)
        r["sl"] = round(r["sl"], 1)
        rows.append(r)
    write_csv(
        "daily_report_gaps.csv",
        ["Day", "Offered", "Answered", "Abandoned", "ASA (s)", "AHT (s)", "SL %"],
        [[f"{r['day']:%Y-%m-%d}", r["offered"], r["answered"], r["abandoned"], r["asa"],
          r["aht"], f"{r['sl']:.1f}"] for r in rows],
    )  # fmt: skip
    return summary_truth(rows)


# --- 14. Zendesk Explore ticket export ------------------------------------------------------------------


@builder
def build_zendesk_explore() -> dict[str, Any]:
    # Attribute columns "Ticket created - Date" / "Ticket solved - Date" (dates only); metrics
    # "First reply time (min)" (Explore writes "1,234.5") and "Full resolution time (hrs)";
    # blank when not replied / not solved.
    rng = random.Random(714)
    rows, frts, res = [], [], []
    for i, t in enumerate(spread(rng, MAY, 5, 7, 20)):
        replied = rng.random() < 0.9
        frt_min = round(rng.choice([rng.uniform(2, 90), rng.uniform(60, 900),
                                    rng.uniform(1000, 2600)]), 1)  # fmt: skip
        solved = replied and rng.random() < 0.7
        res_h = round(frt_min / 60 + rng.uniform(0.5, 120), 2) if solved else None
        if replied:
            frts.append(frt_min * 60)
        if solved:
            res.append(res_h * 3600)
        status = rng.choice(["Solved", "Closed"]) if solved else rng.choice(["Open", "Pending"])
        solved_at = t + dt.timedelta(hours=res_h) if solved else None
        rows.append([
            900100 + i * 7, f"{t:%Y-%m-%d}", f"{solved_at:%Y-%m-%d}" if solved_at else "",
            status, rng.choice(["Urgent", "High", "Normal", "Normal", "Low"]),
            rng.choice(["Email", "Web form", "Chat"]), rng.choice(["Billing", "Support"]),
            rng.choice(AGENTS) if replied else "", f"{frt_min:,.1f}" if replied else "",
            f"{res_h:,.2f}" if solved else "",
        ])  # fmt: skip
    write_csv(
        "zendesk_explore_tickets.csv",
        ["Ticket ID", "Ticket created - Date", "Ticket solved - Date", "Ticket status",
         "Ticket priority", "Ticket channel", "Ticket group", "Assignee name",
         "First reply time (min)", "Full resolution time (hrs)"],
        rows,
    )  # fmt: skip
    return {"rows": len(rows), "contacts": len(rows), "frt": r4(mean(frts)),
            "resolution_time": r4(mean(res)), "replied": len(frts), "solved": len(res),
            "first_day": rows[0][1], "last_day": rows[-1][1]}  # fmt: skip


if __name__ == "__main__":
    BUILD.main()

"""Regenerate the eighth blind acceptance corpus (tests/test_real_exports_8.py).

    .venv/bin/python tests/data/exports8/make_exports.py             # write the files
    .venv/bin/python tests/data/exports8/make_exports.py --expected  # also print the truth

Round 8 is about VOICE / contact-centre platforms and their summary reports. Each builder draws
rows with its own seeded ``random.Random``, writes them the way the platform's export looks, and
returns the KPIs computed in plain Python over the drawn records (summary reports: over the
*displayed* numbers) -- never with KPI Lab code.

Conventions (the registry's documented defaults, as rounds 1-7):

* contact logs: contacts = rows that start a transfer chain (every row when the export has no
  parent / master id; an outbound dial is a contact); abandonment = inbound abandoned / inbound
  queued (answered + abandoned + voicemail / overflow / timeout); ASA = mean wait of answered
  inbound rows; AHT = mean talk + hold + ACW of handled rows (inbound answered, outbound
  connected); service level (20 s, abandons negative) = answered within 20 s / (answered +
  abandoned). Rate and mean KPIs count every leg of a transfer chain (the registry's SQL filters
  on ``_initial`` only for contacts, transfer rate and FCR); transfer rate over handled rows;
  CSAT = mean of 1-5 ratings;
* summary reports: contacts = sum offered; abandonment = sum abandoned / sum offered (a report
  with only an abandon percentage: the percentage re-weighted by offered); ASA, AHT, talk time
  and a service-level percentage weighted by answered; an answered-within count gives service
  level = within / (answered + abandoned); transfer rate = transferred / answered; blocked rate
  = blocked / (offered + blocked).

Round 8 shapes: Genesys Cloud queue performance by 30-min interval (ISO Z, averages in
MILLISECONDS, percentages as fractions 0.8532, a Transfer count), Cisco CUIC call type
historical half-hours (12-hour clock, "Return Busy", period totals beside averages), NICE CXone
contact detail (master_contact_id transfer legs, snake_case headers, Abandon Y/N), RingCentral
RingCX call details (UII ids, INBOUND + OUTBOUND dialer results ANSWER / ABANDON / MACHINE / ...),
Vonage Contact Center interaction log (UK dates, mm:ss beyond 60 minutes "75:12", no unit in
the header), Microsoft Teams call queue analytics exported from Power BI (no id, snake_case
results agent_joined_conference / disconnected / timed_out / overflown, "6/3/2024 8:54:45 AM"),
Twilio Flex Insights conversations (Yes/No abandoned, transfer counts, CSAT), Dialpad call
center daily stats (averages in decimal minutes, "Missed" third outcome), a Dutch weekly report
with only an abandon percentage ("Week 14 - 2024", "4,8%"), a French monthly report ("janv.
2024", "85,3 %"), a daily report with an ISO week column and "Mon 03 Jun 2024" labels (fractions
0.853), a workbook with hidden note rows, a hidden column, header comments and empty first
intervals, and a Genesys Cloud multichannel interactions view (voice / callback / message,
outbound, H:MM:SS totals, Transferred YES/NO).
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
    draw_call,
    draw_row,
    guid,
    hms,
    log_truth,
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
JUNE = weekdays(dt.date(2024, 6, 3), dt.date(2024, 6, 14))  # days 13+ disambiguate d/m
AGENTS = ["Maya Lopez", "Omar Haddad", "Jin Park", "Sara Novak", "Luca Bianchi", "Ada Okafor"]


def m_ss(sec: int) -> str:
    return f"{sec // 60}:{sec % 60:02d}"


def hexid(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


# --- 1. Genesys Cloud Queue Performance Detail: 30-minute intervals, milliseconds, fractions ------


@builder
def build_genesys_queue_interval_ms() -> dict[str, Any]:
    # Interval Start / End ISO Z (08:00 New York = 12:00Z); Offer / Answer / Abandon / Transfer
    # counts; "Answer %", "Abandon %", "Service Level %" written as fractions (0.8532); ASA and
    # the Avg Talk / Hold / ACW / Handle averages in MILLISECONDS with decimals (Genesys CSV
    # export); "Total Handle" (ms) a period total; Interval Complete TRUE; a Filters column.
    rng = random.Random(801)
    day = dt.date(2024, 6, 11)
    rows, out = [], []
    for q, qid in (("Sales", "6f1c0a2e-11aa-4d2b-9d0e-31b1f0c0aa01"),
                   ("Support", "6f1c0a2e-11aa-4d2b-9d0e-31b1f0c0aa02")):  # fmt: skip
        for i in range(10):
            t0 = dt.datetime.combine(day, dt.time(12)) + dt.timedelta(minutes=30 * i)
            r = draw_row(rng, day, 30)
            asa_ms = rng.randint(8000, 95000) + rng.choice([0, 0.25, 0.5, 0.75])
            talk_ms = rng.randint(180000, 420000) + rng.choice([0, 0.5])
            hold_ms = rng.randint(0, 40000) + 0.25
            acw_ms = rng.randint(20000, 90000) + 0.25
            aht_ms = talk_ms + hold_ms + acw_ms
            r.update(asa=asa_ms / 1000, talk=talk_ms / 1000, aht=aht_ms / 1000)
            r["sl"] = round(r["within"] / (r["answered"] + r["abandoned"]), 4) * 100
            rows.append(r)
            out.append([
                t0.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
                (t0 + dt.timedelta(minutes=30)).strftime("%Y-%m-%dT%H:%M:%S.000Z"), "TRUE",
                f"Queue={q};Media Type=voice", "voice", qid, q, r["offered"], r["answered"],
                f"{r['answered'] / r['offered']:.4f}", r["abandoned"],
                f"{r['abandoned'] / r['offered']:.4f}", r["transferred"],
                f"{r['sl'] / 100:.4f}", "0.8", repr(asa_ms), repr(talk_ms), repr(hold_ms),
                repr(acw_ms), repr(aht_ms), round(aht_ms * r["answered"]),
            ])  # fmt: skip
    write_csv(
        "genesys_queue_interval_ms.csv",
        ["Interval Start", "Interval End", "Interval Complete", "Filters", "Media Type",
         "Queue Id", "Queue Name", "Offer", "Answer", "Answer %", "Abandon", "Abandon %",
         "Transfer", "Service Level %", "Service Level Target %", "ASA", "Avg Talk", "Avg Hold",
         "Avg ACW", "Avg Handle", "Total Handle"],
        out,
    )  # fmt: skip
    return summary_truth(rows)


# --- 2. Cisco CUIC "Call Type Historical All Fields": half-hours, 12-hour clock, totals -----------


@builder
def build_cuic_call_type_interval() -> dict[str, Any]:
    # Interval "06/12/2024 10:00:00 AM" .. "01:30:00 PM"; Calls Offered / Calls Handled / Aband /
    # Return Busy (blocked before queueing, not in Calls Offered) / RONA (distractor); "Svc Lvl
    # Calls" a count answered within 20 s, "Svc Lvl Calls Offered" = handled + aband, "Svc Lvl"
    # "86.70%"; ASA and AHT averages in seconds beside "Answer Wait Time" and "Handle Time"
    # period totals (seconds).
    rng = random.Random(802)
    rows, out = [], []
    for d in (dt.date(2024, 6, 12), dt.date(2024, 6, 13)):
        for i in range(8):
            t0 = dt.datetime.combine(d, dt.time(10)) + dt.timedelta(minutes=30 * i)
            r = draw_row(rng, d, 40)
            r["blocked"] = rng.choice([0, 0, 0, 1, 2])
            rows.append(r)
            out.append([
                t0.strftime("%m/%d/%Y %I:%M:%S %p"), "CT_Billing_EN", 5001, r["offered"],
                r["answered"], r["abandoned"], r["blocked"], rng.randint(0, 2), r["within"],
                r["answered"] + r["abandoned"],
                f"{100 * r['within'] / (r['answered'] + r['abandoned']):.2f}%", r["asa"],
                r["aht"], r["asa"] * r["answered"], r["aht"] * r["answered"],
            ])  # fmt: skip
    write_csv(
        "cuic_call_type_interval.csv",
        ["Interval", "Call Type Name", "Call Type ID", "Calls Offered", "Calls Handled", "Aband",
         "Return Busy", "RONA", "Svc Lvl Calls", "Svc Lvl Calls Offered", "Svc Lvl", "ASA",
         "AHT", "Answer Wait Time", "Handle Time"],
        out,
    )  # fmt: skip
    t = summary_truth(rows, sl="count")
    blk = sum(r["blocked"] for r in rows)
    t["blocked_rate"] = r4(blk / (t["contacts"] + blk))
    return t


# --- 3. NICE CXone contact detail: master_contact_id transfer legs, snake_case --------------------


@builder
def build_cxone_contact_detail() -> dict[str, Any]:
    # One row per contact LEG: a transfer to another skill is a new contact_id whose
    # master_contact_id is the first leg's id (the first leg's master_contact_id is its own id).
    # start_date mm/dd/yyyy + start_time; Abandon Y/N; ABANDON_SECONDS; InQueue; PreQueue (IVR,
    # a distractor); Agent_Time (talk); Hold_Time; ACW_Time; Total_Time (distractor).
    rng = random.Random(803)
    recs, rows = [], []
    nid = 412870001

    def row(c: dict[str, Any], cid: int, master: int, skill: str, agent: str) -> list[Any]:
        t = c["start"]
        pre = rng.randint(5, 40) if c["initial"] else 0
        ab = c["outcome"] == "abandoned"
        return [
            cid, master, f"{t:%m/%d/%Y}", f"{t:%H:%M:%S}", skill, "Inbound_Care", agent,
            "Team East" if agent else "", "Y" if ab else "N", c["wait"] if ab else 0, c["wait"],
            pre, c["talk"], c["hold"], c["acw"], pre + c["wait"] + c["talk"] + c["hold"],
        ]  # fmt: skip

    for t in spread(rng, JUNE, 6):
        c = draw_call(rng, p_ab=0.14)
        c.update(start=t, initial=True)
        ans = c["outcome"] == "answered"
        cid = nid
        nid += rng.randint(3, 40)
        recs.append(c)
        rows.append(row(c, cid, cid, rng.choice(["CS_Billing", "CS_Orders"]),
                        rng.choice(AGENTS) if ans else ""))  # fmt: skip
        if ans and rng.random() < 0.2:
            leg = draw_call(rng, p_ab=0.0)
            leg.update(
                initial=False,
                start=t + dt.timedelta(seconds=c["wait"] + c["talk"] + c["hold"]),
            )
            recs.append(leg)
            rows.append(row(leg, nid, cid, "CS_Tier2", rng.choice(AGENTS)))
            nid += rng.randint(3, 40)
    write_csv(
        "cxone_contact_detail.csv",
        ["contact_id", "master_contact_id", "start_date", "start_time", "skill_name",
         "campaign_name", "agent_name", "team_name", "Abandon", "ABANDON_SECONDS", "InQueue",
         "PreQueue", "Agent_Time", "Hold_Time", "ACW_Time", "Total_Time"],
        rows,
    )  # fmt: skip
    t = log_truth(recs)
    t["legs"] = sum(not r["initial"] for r in recs)
    return t


# --- 4. RingCentral RingCX call details: inbound queue + outbound dialer --------------------------


@builder
def build_ringcx_call_details() -> dict[str, Any]:
    # UII a 20-digit id; "Call Start" with milliseconds; Call Type INBOUND / OUTBOUND; Call
    # Result ANSWER / ABANDON (inbound), ANSWER / NOANSWER / MACHINE / BUSY / INTERCEPT
    # (outbound predictive dialer: no agent unless connected); durations in whole seconds;
    # outbound rows have Queue Duration 0.
    rng = random.Random(804)
    recs, rows = [], []
    for t in spread(rng, JUNE, 8):
        if rng.random() < 0.6:
            c = draw_call(rng, p_ab=0.15)
            ans = c["outcome"] == "answered"
            ctype, q = "INBOUND", rng.choice(["Q_Support", "Q_Billing"])
            res = "ANSWER" if ans else "ABANDON"
            agent = rng.choice(AGENTS).lower().replace(" ", ".") if ans else ""
            disp = rng.choice(["Resolved", "Follow Up", "Info Given"]) if ans else ""
        else:
            ctype, q = "OUTBOUND", "Renewals_Q2"
            if rng.random() < 0.45:
                talk, acw = rng.randint(40, 500), rng.randint(5, 60)
                c = {"outcome": "connected", "wait": 0, "talk": talk, "hold": 0, "acw": acw,
                     "handle": talk + acw, "inbound": False}  # fmt: skip
                res = "ANSWER"
                agent = rng.choice(AGENTS).lower().replace(" ", ".")
                disp = rng.choice(["Sale", "Not Interested", "Call Back"])
            else:
                c = {"outcome": "dead", "wait": 0, "talk": 0, "hold": 0, "acw": 0, "handle": 0,
                     "inbound": False}  # fmt: skip
                res, agent, disp = rng.choice(["NOANSWER", "MACHINE", "BUSY", "INTERCEPT"]), "", ""
        c["start"] = t
        recs.append(c)
        rows.append([
            f"{t:%Y%m%d%H%M%S}{rng.randint(100000, 999999)}",
            f"{t:%Y-%m-%d %H:%M:%S}.{rng.randint(0, 999):03d}", ctype, q, agent,
            f"1{rng.randint(2000000000, 9999999999)}", "18005550142", c["wait"], c["talk"],
            c["hold"], c["acw"], res, disp,
        ])  # fmt: skip
    write_csv(
        "ringcx_call_details.csv",
        ["UII", "Call Start", "Call Type", "Queue/Campaign", "Agent Username", "ANI", "DNIS",
         "Queue Duration", "Talk Duration", "Hold Duration", "Wrap Duration", "Call Result",
         "Agent Disposition"],
        rows,
    )  # fmt: skip
    t = log_truth(recs)
    t["inbound"] = sum(r["inbound"] for r in recs)
    return t


# --- 5. Vonage Contact Center interaction log: mm:ss beyond 60 minutes ----------------------------


@builder
def build_vonage_cc_interactions() -> dict[str, Any]:
    # UK dd/mm/yyyy HH:MM:SS; durations mm:ss with no unit in the header and minutes over 59 on
    # long calls ("75:12"); Outcome Connected / Abandoned / Voicemail; Ring Time a distractor.
    rng = random.Random(805)
    recs, rows = [], []
    for t in spread(rng, JUNE, 7):
        c = draw_call(rng, p_ab=0.13, p_vm=0.06)
        if c["outcome"] == "answered" and rng.random() < 0.2:
            c["talk"] = rng.randint(3700, 6500)
            c["handle"] = c["talk"] + c["hold"] + c["acw"]
        c["start"] = t
        recs.append(c)
        ans = c["outcome"] == "answered"
        word = {"answered": "Connected", "abandoned": "Abandoned", "voicemail": "Voicemail"}
        rows.append([
            guid(rng), f"{t:%d/%m/%Y %H:%M:%S}", "Inbound", "Phone",
            rng.choice(["UK Support IP", "UK Sales IP"]), rng.choice(AGENTS) if ans else "",
            mmss(c["wait"]), mmss(rng.randint(3, 18) if ans else 0), mmss(c["talk"]),
            mmss(c["hold"]), mmss(c["acw"]), word[c["outcome"]],
        ])  # fmt: skip
    write_csv(
        "vonage_cc_interactions.csv",
        ["Interaction Guid", "Start Time", "Direction", "Channel Type", "Interaction Plan",
         "Agent Name", "Queue Time", "Ring Time", "Talk Time", "Hold Time", "Wrap Time",
         "Outcome"],
        rows,
    )  # fmt: skip
    t = log_truth(recs)
    t["long_calls"] = sum(r["talk"] >= 3600 for r in recs)
    return t


# --- 6. Microsoft Teams call queue analytics, exported from Power BI -------------------------------


@builder
def build_teams_call_queue_powerbi() -> dict[str, Any]:
    # Power BI "Export data" of the per-call table: no id column; "Call Start Time" in Power
    # BI's m/d/yyyy h:mm:ss AM/PM; "Call Queue Call Result" snake_case: agent_joined_conference /
    # transferred_to_agent (answered), disconnected (the caller hung up in queue: abandoned),
    # timed_out / overflown (sent to the timeout / overflow target: offered, neither answered
    # nor abandoned, like voicemail); "Waiting Time (Seconds)"; "Call Duration (Seconds)" the
    # agent-connected duration (0 when not answered).
    rng = random.Random(806)
    recs, rows = [], []
    for t in spread(rng, JUNE, 7):
        c = draw_call(rng, p_ab=0.14, p_vm=0.08)
        c["start"] = t
        c["handle"] = c["talk"] if c["outcome"] == "answered" else 0
        recs.append(c)
        res = {
            "answered": rng.choice(["agent_joined_conference"] * 3 + ["transferred_to_agent"]),
            "abandoned": "disconnected",
            "voicemail": rng.choice(["timed_out", "overflown"]),
        }[c["outcome"]]
        ans = c["outcome"] == "answered"
        rows.append([
            f"{t.month}/{t.day}/{t.year} {t.hour % 12 or 12}:{t:%M:%S} {t:%p}",
            rng.choice(["cq_helpdesk@contoso.com", "cq_hr@contoso.com"]), res, "User",
            rng.randint(3, 6), rng.choice(AGENTS) if ans else "", c["wait"],
            c["talk"] if ans else 0,
        ])  # fmt: skip
    write_csv(
        "teams_call_queue_powerbi.csv",
        ["Call Start Time", "Call Queue Identity", "Call Queue Call Result",
         "Call Queue Target Type", "Call Queue Agent Count", "Agent Name",
         "Waiting Time (Seconds)", "Call Duration (Seconds)"],
        rows,
    )  # fmt: skip
    t = log_truth(recs)
    t["timeouts"] = sum(r["outcome"] == "voicemail" for r in recs)
    return t


# --- 7. Twilio Flex Insights conversations -----------------------------------------------------------


@builder
def build_flex_insights_conversations() -> dict[str, Any]:
    # Conversation ID "WT" + 32 hex; Date + Time (HH:MM); Direction Inbound / Outbound (agent
    # callbacks: no queue time, handled); Abandoned Yes / No; Queue / Talk / Hold / Wrap Up /
    # Handle Time in seconds; "Transfers" a count (0, 1, 2); "CSAT" 1-5, blank when not rated.
    rng = random.Random(807)
    recs, rows = [], []
    for t in spread(rng, JUNE, 7):
        if rng.random() < 0.85:
            c = draw_call(rng, p_ab=0.15)
        else:
            talk, acw = rng.randint(60, 400), rng.randint(5, 60)
            c = {"outcome": "connected", "wait": 0, "talk": talk, "hold": 0, "acw": acw,
                 "handle": talk + acw, "inbound": False}  # fmt: skip
        handled = c["outcome"] in ("answered", "connected")
        c["start"] = t
        transfers = rng.choice([0] * 6 + [1, 1, 2]) if handled else 0
        c["transferred"] = transfers > 0
        c["csat"] = rng.choice([None, None, 2, 3, 4, 5, 5]) if handled else None
        recs.append(c)
        rows.append([
            "WT" + hexid(rng, 32), f"{t:%Y-%m-%d}", f"{t:%H:%M}",
            "Inbound" if c["inbound"] else "Outbound", "Voice",
            rng.choice(["Everyone", "Billing"]), rng.choice(AGENTS) if handled else "",
            "Yes" if c["outcome"] == "abandoned" else "No", c["wait"] if c["inbound"] else "",
            c["talk"], c["hold"], c["acw"], c["handle"], transfers,
            "" if c["csat"] is None else c["csat"],
        ])  # fmt: skip
    write_csv(
        "flex_insights_conversations.csv",
        ["Conversation ID", "Date", "Time", "Direction", "Communication Channel", "Queue",
         "Agent", "Abandoned", "Queue Time", "Talk Time", "Hold Time", "Wrap Up Time",
         "Handle Time", "Transfers", "CSAT"],
        rows,
    )  # fmt: skip
    return log_truth(recs)


# --- 8. Dialpad call center daily stats: decimal minutes, Missed third outcome ----------------------


@builder
def build_dialpad_callcenter_daily() -> dict[str, Any]:
    # Per day and call center: Inbound Calls = Answered + Missed (rang out to voicemail) +
    # Abandoned; averages in decimal minutes with six decimals ("0.716667"); "Service Level"
    # "85.3%"; the segment column is "Call Center".
    rng = random.Random(808)
    rows, out = [], []
    for d in JUNE:
        for cc in ("Support", "Sales"):
            r = draw_row(rng, d, 60, gap=5)
            r["asa"] = round(r["asa"] / 60, 6) * 60
            r["aht"] = round(r["aht"] / 60, 6) * 60
            r["sl"] = round(r["sl"], 1)
            rows.append(r)
            out.append([
                f"{d:%Y-%m-%d}", cc, r["offered"], r["answered"], r["flow"], r["abandoned"],
                f"{r['asa'] / 60:.6f}", f"{r['aht'] / 60:.6f}", f"{r['sl']:.1f}%",
            ])  # fmt: skip
    write_csv(
        "dialpad_callcenter_daily.csv",
        ["Date", "Call Center", "Inbound Calls", "Answered", "Missed", "Abandoned",
         "Avg Speed to Answer (min)", "Avg Handle Time (min)", "Service Level"],
        out,
    )  # fmt: skip
    return summary_truth(rows)


# --- 9. Dutch weekly report with only an abandon percentage --------------------------------------------


@builder
def build_weekrapport_nl() -> dict[str, Any]:
    # ';'; "Week 14 - 2024"; Aangeboden (offered), Beantwoord (answered), Doorgeschakeld
    # (overflowed: a third outcome, so offered - answered is NOT the abandoned count);
    # "% Verlaten" "4,8%" is the only abandon figure; "Gem. antwoordtijd" (ASA) and "Gem.
    # afhandeltijd" (AHT; "Gem." = gemiddelde) in m:ss;
    # Servicelevel "85,3%".
    rng = random.Random(809)
    rows, out = [], []
    for wk in range(14, 24):
        monday = dt.date.fromisocalendar(2024, wk, 1)
        r = draw_row(rng, monday, 900, gap=40)
        r["rate"] = round(100 * r["abandoned"] / r["offered"], 1)
        r["sl"] = round(r["sl"], 1)
        rows.append(r)
        out.append([
            f"Week {wk} - 2024", "Klantenservice", r["offered"], r["answered"], r["flow"],
            f"{r['rate']:.1f}%".replace(".", ","), m_ss(r["asa"]), m_ss(r["aht"]),
            f"{r['sl']:.1f}%".replace(".", ","),
        ])  # fmt: skip
    write_csv(
        "weekrapport_verlaten_pct_nl.csv",
        ["Week", "Wachtrij", "Aangeboden", "Beantwoord", "Doorgeschakeld", "% Verlaten",
         "Gem. antwoordtijd", "Gem. afhandeltijd", "Servicelevel"],
        out,
        sep=";",
    )  # fmt: skip
    t = summary_truth(rows)
    off = sum(r["offered"] for r in rows)
    t["abandonment_rate"] = r4(sum(r["rate"] / 100 * r["offered"] for r in rows) / off)
    t["abandonment_rate_exact"] = r4(sum(r["abandoned"] for r in rows) / off)
    return t


# --- 10. French monthly report: "janv. 2024", "85,3 %" ---------------------------------------------------


FR_MONTHS = ["janv.", "févr.", "mars", "avr.", "mai", "juin"]


@builder
def build_rapport_mensuel_fr() -> dict[str, Any]:
    # ';'; Mois "janv. 2024" .. "juin 2024" (French abbreviations); File; Appels présentés /
    # décrochés / abandonnés; "Taux d'abandon" "5,3 %" (distractor beside the counts);
    # "Délai moyen de décroché (s)" = ASA; "DMT" (durée moyenne de traitement) m:ss; "Taux de
    # service (20 s)" "85,3 %".
    rng = random.Random(810)
    rows, out = [], []
    for m, label in enumerate(FR_MONTHS, start=1):
        for q in ("Service client", "Facturation"):
            r = draw_row(rng, dt.date(2024, m, 1), 2600)
            r["sl"] = round(r["sl"], 1)
            rows.append(r)
            out.append([
                f"{label} 2024", q, r["offered"], r["answered"], r["abandoned"],
                f"{100 * r['abandoned'] / r['offered']:.1f} %".replace(".", ","), r["asa"],
                m_ss(r["aht"]), f"{r['sl']:.1f} %".replace(".", ","),
            ])  # fmt: skip
    write_csv(
        "rapport_mensuel_fr.csv",
        ["Mois", "File", "Appels présentés", "Appels décrochés", "Appels abandonnés",
         "Taux d'abandon", "Délai moyen de décroché (s)", "DMT", "Taux de service (20 s)"],
        out,
        sep=";",
    )  # fmt: skip
    return summary_truth(rows)


# --- 11. Daily report with an ISO week column and "Mon 03 Jun 2024" labels, fractions ----------------


@builder
def build_daily_week_weekday_labels() -> dict[str, Any]:
    # "Wk" "W23" (a distractor, not the date); "Date" "Mon 03 Jun 2024"; SL and abandon rate
    # as fractions "0.853" / "0.048"; ASA seconds; AHT mm:ss.
    rng = random.Random(811)
    rows, out = [], []
    for d in JUNE:
        r = draw_row(rng, d, 420)
        r["sl"] = round(r["sl"] / 100, 3) * 100
        rows.append(r)
        out.append([
            f"W{d.isocalendar()[1]}", f"{d:%a %d %b %Y}", "Helpdesk", r["offered"],
            r["answered"], r["abandoned"], f"{r['abandoned'] / r['offered']:.3f}", r["asa"],
            mmss(r["aht"]), f"{r['sl'] / 100:.3f}",
        ])  # fmt: skip
    write_csv(
        "daily_week_weekday_labels.csv",
        ["Wk", "Date", "Skill", "Offered", "Answered", "Abandoned", "Abandon Rate", "ASA",
         "AHT", "SL"],
        out,
    )  # fmt: skip
    return summary_truth(rows)


# --- 12. Workbook: hidden note rows, hidden column, header comments, empty first intervals ----------


@builder
def build_interval_hidden_notes_xlsx() -> dict[str, Any]:
    # Rows 1-2 hidden (export job notes), row 3 a visible title, row 4 blank, row 5 the header
    # (cell comments on "SL %" and "AHT (s)"), column C "Skill ID" hidden. 15-minute intervals
    # 07:00-11:45 on 12/06/2024 (a real date cell shown dd/mm/yyyy, Interval text "07:00");
    # the first intervals have no traffic: Offered 0 and the other cells EMPTY (07:00, 07:15,
    # 07:45) or one call (07:30).
    import openpyxl
    from openpyxl.comments import Comment

    rng = random.Random(812)
    day = dt.date(2024, 6, 12)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Interval"
    ws.append(["Export job 4471 (CMS R19) - internal, do not distribute"])
    ws.append(["Filter: skill 12 Billing; intervals 15 min; times local"])
    ws.append(["Billing - 15 minute intervals - 12/06/2024"])
    ws.append([])
    head = ["Date", "Interval", "Skill ID", "Offered", "Answered", "Abandoned", "ASA (s)",
            "AHT (s)", "SL %"]  # fmt: skip
    ws.append(head)
    ws.cell(5, 9).comment = Comment("Answered within 20 s / (answered + abandoned)", "WFM")
    ws.cell(5, 8).comment = Comment("Talk + hold + ACW", "WFM")
    ws.row_dimensions[1].hidden = True
    ws.row_dimensions[2].hidden = True
    ws.column_dimensions["C"].hidden = True
    rows = []
    for i in range(20):
        t0 = dt.datetime.combine(day, dt.time(7)) + dt.timedelta(minutes=15 * i)
        if i in (0, 1, 3):
            ws.append([day, f"{t0:%H:%M}", 12, 0, None, None, None, None, None])
        elif i == 2:
            r = {"day": day, "offered": 1, "answered": 1, "abandoned": 0, "asa": 12,
                 "aht": 245, "sl": 100.0}  # fmt: skip
            rows.append(r)
            ws.append([day, f"{t0:%H:%M}", 12, 1, 1, 0, 12, 245, 100.0])
        else:
            r = draw_row(rng, day, 22)
            r["sl"] = round(r["sl"], 1)
            rows.append(r)
            ws.append([day, f"{t0:%H:%M}", 12, r["offered"], r["answered"], r["abandoned"],
                       r["asa"], r["aht"], r["sl"]])  # fmt: skip
        ws.cell(ws.max_row, 1).number_format = "dd/mm/yyyy"
    save_xlsx(wb, OUT / "interval_hidden_notes.xlsx")
    t = summary_truth(rows)
    t["rows"] = 20
    return t


# --- 13. Genesys Cloud interactions view: multichannel, outbound, H:MM:SS totals --------------------


@builder
def build_genesys_interactions_multichannel() -> dict[str, Any]:
    # Date ISO Z (12:00-22:00Z = 08:00-18:00 New York); Media Type voice / callback / message;
    # Direction inbound / outbound (outbound voice: no queue, handled); "Users - Interacted"
    # "Lopez, Maya" (two names after a transfer); Abandoned YES / NO; Total Queue / Talk /
    # Hold / ACW / Handle in H:MM:SS ("0:05:23"), empty when not applicable; Transferred YES/NO.
    rng = random.Random(813)
    recs, rows = [], []
    for t in spread(rng, JUNE, 8, 12, 22):
        u = rng.random()
        media = "voice" if u < 0.75 else "callback" if u < 0.85 else "message"
        if media == "voice" and rng.random() < 0.2:
            talk, acw = rng.randint(40, 500), rng.randint(5, 60)
            c = {"outcome": "connected", "wait": 0, "talk": talk, "hold": 0, "acw": acw,
                 "handle": talk + acw, "inbound": False}  # fmt: skip
        else:
            c = draw_call(rng, p_ab=0.0 if media == "callback" else 0.15)
        handled = c["outcome"] in ("answered", "connected")
        c["start"] = t
        c["transferred"] = handled and rng.random() < 0.15
        recs.append(c)
        names = [f"{a.split()[1]}, {a.split()[0]}" for a in rng.sample(AGENTS, 2)]
        users = "; ".join(names[: 2 if c["transferred"] else 1]) if handled else ""

        def d(x: int, show: bool) -> str:
            return hms(x, pad=False) if show else ""

        rows.append([
            guid(rng), t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{rng.randint(0, 999):03d}Z", media,
            "inbound" if c["inbound"] else "outbound",
            rng.choice(["Sales", "Support"]) if c["inbound"] else "", users,
            "YES" if c["outcome"] == "abandoned" else "NO", d(c["wait"], c["inbound"]),
            d(c["talk"], handled), d(c["hold"], handled), d(c["acw"], handled),
            d(c["handle"], handled), "YES" if c["transferred"] else "NO",
        ])  # fmt: skip
    write_csv(
        "genesys_interactions_multichannel.csv",
        ["Conversation ID", "Date", "Media Type", "Direction", "Queue", "Users - Interacted",
         "Abandoned", "Total Queue", "Total Talk", "Total Hold", "Total ACW", "Total Handle",
         "Transferred"],
        rows,
    )  # fmt: skip
    t = log_truth(recs)
    t["inbound"] = sum(r["inbound"] for r in recs)
    return t


if __name__ == "__main__":
    BUILD.main()

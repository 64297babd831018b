"""Regenerate the fourteenth blind acceptance corpus (tests/test_real_exports_14.py).

    .venv/bin/python tests/data/exports14/make_exports.py             # write the files
    .venv/bin/python tests/data/exports14/make_exports.py --expected  # also print the truth

Round 14 is about CONTACT-CENTER PLATFORMS not covered by rounds 1-13. Each builder draws rows
with its own seeded ``random.Random``, writes them the way the platform's export looks, and
returns the KPIs computed in plain Python over the drawn records (summary reports: over the
*displayed* numbers) -- never with KPI Lab code.

Conventions (the registry's documented defaults, as rounds 1-13):

* contact logs: contacts = rows; abandonment = abandoned / queued (answered + abandoned +
  voicemail; a contact that never reached a queue -- IVR self-service, a deflection, a blocked
  call, e-mail, outbound -- is not queued); ASA = mean wait of answered queued contacts; AHT =
  mean talk + hold + ACW of handled contacts; service level (20 s, abandons negative) = answered
  within 20 s / (answered + abandoned); transfer rate = transferred / handled; FRT = mean
  first-response seconds over contacts that have one; CSAT = mean 1-5 rating over rated rows;
  a short abandon counts as abandoned (the default: ``exclude_short_abandons`` is off);
* summary / agent reports: contacts = sum offered (an agent report: sum handled); abandonment =
  sum abandoned / sum offered; averages weighted by answered; AHT = average ACD (talk + hold)
  time + average ACW time; an answered-within count gives within / (answered + abandoned), a
  displayed percentage is weighted by answered.

Round 14 shapes: Webex Contact Center Search API tasks flattened to CSV (camelCase, dotted
"lastQueue.name", epoch-ms times, millisecond durations, a mostly-zero hold column), Avaya CMS
"VDN Report" daily (title lines, mm/dd/yy, m:ss averages, Flow Out, a Summary row), Avaya CMS
agent report (agent x day, Extn Out Calls, Trans Out), Puzzel queue statistics (semicolon,
dd.mm.yyyy, "Lost" for abandoned, "Answered in SL"), Odigo call detail in French ("Dissuadé"
= given a deterrent message: blocked, never queued), Dixa conversation export (epoch-ms
queued_at / assigned_at, phone + chat + e-mail, first_response_time in ms), an Intercom
conversation export with Fin AI Agent (bot-only conversations beside handed-off ones),
Amazon Connect "Contact search" download (no durations, Initiation method, IVR-only contacts
with no queue, outbound with an outbound queue), GoTo Connect queue caller details (m:ss
unbounded minutes, Voicemail), and Google Contact Center AI Platform (UJET) calls
(short_abandoned, deflected, queue paths).
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
    drawn_calls,
    guid,
    hms,
    log_truth,
    mean,
    mmss,
    r4,
    spread,
    summary_truth,
    weekdays,
)  # fmt: skip

OUT = Path(__file__).resolve().parent
BUILD = Builders(OUT)
builder, write_csv = BUILD, BUILD.write_csv
OCT = weekdays(dt.date(2024, 10, 7), dt.date(2024, 10, 18))  # days 13+ disambiguate d/m
AGENTS = ["Maya Lopez", "Omar Haddad", "Jin Park", "Sara Novak", "Luca Bianchi", "Ada Okafor"]
UTC = dt.UTC


def epoch_ms(t: dt.datetime) -> int:
    return round(t.replace(tzinfo=UTC).timestamp() * 1000)


def span(recs: list[dict[str, Any]]) -> dict[str, str]:
    return {"first_day": min(r["start"] for r in recs).date().isoformat(),
            "last_day": max(r["start"] for r in recs).date().isoformat()}  # fmt: skip


# --- 1. Webex Contact Center: Search API tasks flattened to CSV ----------------------------------


@builder
def build_webex_cc_tasks() -> dict[str, Any]:
    # The Search API (what Analyzer's CSR is built on) flattened by a BI connector: camelCase
    # names, nested objects as "lastQueue.name" / "lastAgent.name"; createdTime / endedTime
    # epoch MILLISECONDS; queueDuration / connectedDuration / holdDuration / wrapupDuration in
    # MILLISECONDS with no unit in the name (holdDuration is 0 on most rows: its median says
    # nothing about the unit); terminationType normal / abandoned; status "ended"; channelType
    # telephony; transferCount 0..2 (a contact transferred at least once is transferred).
    rng = random.Random(1401)
    recs, rows = drawn_calls(rng, OCT, 7, p_ab=0.14), []
    for c in recs:
        ans = c["outcome"] == "answered"
        c["transferred"] = ans and rng.random() < 0.12
        t0 = c["start"]
        total = c["wait"] + c["talk"] + c["hold"] + c["acw"]
        rows.append([
            guid(rng), "ended", "telephony", "inbound", epoch_ms(t0),
            epoch_ms(t0 + dt.timedelta(seconds=total)), "normal" if ans else "abandoned",
            rng.choice(["Q_Sales_EN", "Q_Support_EN"]), rng.choice(AGENTS) if ans else "",
            c["wait"] * 1000 + (0 if ans else rng.randint(0, 999)), c["talk"] * 1000,
            c["hold"] * 1000, c["acw"] * 1000,
            (rng.choice([1, 1, 2]) if c["transferred"] else 0), "false",
            rng.choice(["Billing", "Order Status", "Tech Issue"]) if ans else "",
        ])  # fmt: skip
    write_csv(
        "webex_cc_tasks.csv",
        ["id", "status", "channelType", "direction", "createdTime", "endedTime",
         "terminationType", "lastQueue.name", "lastAgent.name", "queueDuration",
         "connectedDuration", "holdDuration", "wrapupDuration", "transferCount", "isCallback",
         "lastWrapupCodeName"],
        rows,
    )  # fmt: skip
    t = log_truth(recs)
    t["hold_time"] = r4(mean([r["hold"] for r in recs if r["outcome"] == "answered"]))
    return t


# --- 2. Avaya CMS "VDN Report" (historical, daily): title lines, mm/dd/yy, m:ss ------------------


def cms_time(sec: int) -> str:
    """CMS writes averages as m:ss (minutes unbounded): "0:25", "5:12"."""
    return f"{sec // 60}:{sec % 60:02d}"


@builder
def build_avaya_cms_vdn_daily() -> dict[str, Any]:
    # CMS Supervisor "Export Report Data" of the historical VDN Report (daily): title lines
    # (report name, VDN, date range), then Date "10/07/24" (mm/dd/yy), "Inbound Calls" (the
    # calls offered to the VDN), "Flow Out" (interflowed: neither answered nor abandoned),
    # "ACD Calls" (answered), "Aban Calls", "Avg Speed Ans", "Avg Aban Time", "Avg ACD Time"
    # (talk + hold), "Avg ACW Time", "% Within Service Level" (whole percent). A final
    # "Summary" line holds the totals.
    rng = random.Random(1402)
    rows, out = [], []
    for d in OCT:
        r = draw_row(rng, d, 420, gap=12)
        r["sl"] = round(r["sl"])
        rows.append(r)
        out.append([
            f"{d:%m/%d/%y}", r["offered"], r["flow"], r["answered"], r["abandoned"],
            cms_time(r["asa"]), cms_time(rng.randint(20, 140)), cms_time(r["talk"] + r["hold"]),
            cms_time(r["acw"]), r["sl"],
        ])  # fmt: skip
    t = summary_truth(rows)
    out.append(["Summary", sum(r["offered"] for r in rows), sum(r["flow"] for r in rows),
                sum(r["answered"] for r in rows), sum(r["abandoned"] for r in rows),
                cms_time(round(t["asa"])), "", "", "", round(100 * t["service_level"])])  # fmt: skip
    head = ["Date", "Inbound Calls", "Flow Out", "ACD Calls", "Aban Calls", "Avg Speed Ans",
            "Avg Aban Time", "Avg ACD Time", "Avg ACW Time", "% Within Service Level"]  # fmt: skip
    title = "VDN Report\nVDN: 60010 Sales Main Line\nDates: 10/07/24 - 10/18/24\n\n"
    (OUT / "avaya_cms_vdn_daily.csv").write_text(title + csv_text([head, *out]), encoding="utf-8")
    del t["transfer_rate"], t["talk_time"]  # not in the export (ACD time = talk + hold)
    return t


# --- 3. Avaya CMS agent report (historical, daily, one line per agent and day) -------------------


@builder
def build_avaya_cms_agent_daily() -> dict[str, Any]:
    # "Agent Group Summary" style export, one row per agent x day: Date mm/dd/yy, "Agent Name",
    # "Login ID", "ACD Calls" (answered), "Avg ACD Time" (talk + hold, m:ss), "Avg ACW Time",
    # "Extn Out Calls" (outbound extension calls: no ACD contact), "Trans Out" (ACD calls the
    # agent transferred), "Staffed Time" (H:MM:SS of the day), "% Agent Occup w/ ACW". No
    # offered or abandoned count: no queue KPI can come out of it.
    rng = random.Random(1403)
    rows = []
    recs = []
    for d in OCT[:5]:
        for i, a in enumerate(AGENTS[:4]):
            n = rng.randint(20, 44)
            acd, acw = rng.randint(200, 460), rng.randint(20, 90)
            tr = rng.randint(0, n // 8)
            recs.append({"n": n, "aht": acd + acw, "tr": tr})
            rows.append([f"{d:%m/%d/%y}", a, 4100 + i, n, cms_time(acd), cms_time(acw),
                         rng.randint(0, 6), tr, hms(rng.randint(25000, 30600), pad=False),
                         rng.randint(70, 92)])  # fmt: skip
    write_csv(
        "avaya_cms_agent_daily.csv",
        ["Date", "Agent Name", "Login ID", "ACD Calls", "Avg ACD Time", "Avg ACW Time",
         "Extn Out Calls", "Trans Out", "Staffed Time", "% Agent Occup w/ ACW"],
        rows,
    )  # fmt: skip
    n = sum(r["n"] for r in recs)
    return {"rows": len(rows), "contacts": n, "aht": r4(sum(r["aht"] * r["n"] for r in recs) / n),
            "transfer_rate": r4(sum(r["tr"] for r in recs) / n),
            "first_day": OCT[0].isoformat(), "last_day": OCT[4].isoformat()}  # fmt: skip


# --- 4. Puzzel queue statistics: semicolon, dd.mm.yyyy, "Lost" ----------------------------------


@builder
def build_puzzel_queue_statistics() -> dict[str, Any]:
    # Puzzel "Statistics > Queue overview" export (Excel-CSV, Nordic settings): ";" separated,
    # "Date" 07.10.2024, "Queue", "Offered", "Answered", "Lost" (the caller hung up in queue:
    # abandoned), "Answered in SL" (within the queue's 20 s SL), "Avg. wait answered",
    # "Avg. speaking time", "Avg. wrap-up time" (H:MM:SS), "SLA %" with a decimal comma.
    rng = random.Random(1404)
    rows, out = [], []
    for d in OCT:
        for q in ("Kundeservice", "Salg"):
            r = draw_row(rng, d, 150)
            r["hold"] = 0
            r["aht"] = r["talk"] + r["acw"]
            rows.append(r)
            out.append([
                f"{d:%d.%m.%Y}", q, r["offered"], r["answered"], r["abandoned"], r["within"],
                hms(r["asa"]), hms(r["talk"]), hms(r["acw"]), f"{r['sl']:.1f}".replace(".", ","),
            ])  # fmt: skip
    head = ["Date", "Queue", "Offered", "Answered", "Lost", "Answered in SL", "Avg. wait answered",
            "Avg. speaking time", "Avg. wrap-up time", "SLA %"]  # fmt: skip
    write_csv("puzzel_queue_statistics.csv", head, out, sep=";")
    t = summary_truth(rows, sl="count")
    t.pop("transfer_rate", None)
    return t


# --- 5. Odigo call detail (French): "Dissuadé" is a blocked call ---------------------------------


@builder
def build_odigo_detail_appels() -> dict[str, Any]:
    # Odigo (ex-Prosodie) "Détail des appels entrants": ";" separated, Windows-1252, "Date"
    # dd/mm/yyyy + "Heure" hh:mm:ss, "Service", "Agent", "Statut" Traité / Abandonné /
    # Dissuadé (a deterrent message was played -- closed, saturated -- and the call released:
    # never queued, i.e. blocked), "Temps d'attente", "Durée de communication", "Durée de
    # post-traitement" (H:MM:SS), "Transféré" Oui / Non.
    rng = random.Random(1405)
    recs, rows = [], []
    for t in spread(rng, OCT, 8):
        c = draw_call(rng, p_ab=0.12)
        c["start"] = t
        if rng.random() < 0.07:
            c.update(outcome="blocked", wait=0, talk=0, hold=0, acw=0, handle=0)
        ans = c["outcome"] == "answered"
        c["transferred"] = ans and rng.random() < 0.1
        c["handle"] = c["talk"] + c["acw"] if ans else 0  # no hold column in this export
        recs.append(c)
        statut = {"answered": "Traité", "abandoned": "Abandonné", "blocked": "Dissuadé"}
        rows.append([
            f"{t:%d/%m/%Y}", f"{t:%H:%M:%S}", rng.choice(["SAV", "Facturation"]),
            rng.choice(AGENTS) if ans else "", statut[c["outcome"]], hms(c["wait"]),
            hms(c["talk"]), hms(c["acw"]), "Oui" if c["transferred"] else "Non",
        ])  # fmt: skip
    head = ["Date", "Heure", "Service", "Agent", "Statut", "Temps d'attente",
            "Durée de communication", "Durée de post-traitement", "Transféré"]  # fmt: skip
    text = csv_text([head, *rows], sep=";", eol="\r\n")
    (OUT / "odigo_detail_appels.csv").write_bytes(text.encode("cp1252"))
    t = log_truth(recs)
    blocked = sum(r["outcome"] == "blocked" for r in recs)
    queued = sum(r["outcome"] in ("answered", "abandoned") for r in recs)
    t["blocked"] = blocked
    t["blocked_rate"] = r4(blocked / (queued + blocked))
    return t


# --- 6. Dixa conversation export: epoch-ms queue timestamps, three channels ----------------------


@builder
def build_dixa_conversations() -> dict[str, Any]:
    # Dixa Exports API conversations as CSV: id (integer), channel pstnphone / widgetchat /
    # email, direction inbound, created_at / queued_at / assigned_at / closed_at epoch
    # MILLISECONDS (assigned_at empty: the customer left the queue; e-mails are assigned from
    # the inbox with no queued_at), queue_name, assignee_name, first_response_time in
    # MILLISECONDS (chat and e-mail), csat_rating 1-5 mostly empty.
    rng = random.Random(1406)
    recs, rows = [], []
    for i, t in enumerate(spread(rng, OCT, 8)):
        ch = rng.choice(["pstnphone", "pstnphone", "widgetchat", "widgetchat", "email"])
        rec: dict[str, Any] = {"start": t, "inbound": True, "handle": 0}
        queued = assigned = frt = None
        if ch == "email":
            rec["outcome"] = "email"
            rec["wait"] = 0
            assigned = t + dt.timedelta(seconds=rng.randint(600, 20000))
            frt = (assigned - t).total_seconds() + rng.randint(60, 1800)
        else:
            ab = rng.random() < 0.15
            rec["outcome"] = "abandoned" if ab else "answered"
            queued = t + dt.timedelta(seconds=rng.randint(5, 40))
            rec["wait"] = (
                rng.randint(3, 300)
                if ab
                else rng.choice([rng.randint(0, 20), rng.randint(0, 20), rng.randint(21, 240)])
            )
            if not ab:
                assigned = queued + dt.timedelta(seconds=rec["wait"])
                if ch == "widgetchat":
                    frt = (assigned - t).total_seconds() + rng.randint(5, 90)
        end = (assigned or queued or t) + dt.timedelta(seconds=rng.randint(60, 1500))
        csat = rng.choice([None, None, None, 2, 4, 5, 5]) if rec["outcome"] != "abandoned" else None
        rec["frt"], rec["csat"] = frt, csat
        recs.append(rec)
        ms = rng.randint(0, 999)
        rows.append([
            51200 + 3 * i, ch, "inbound", epoch_ms(t) + ms,
            "" if queued is None else epoch_ms(queued) + ms,
            "" if assigned is None else epoch_ms(assigned) + ms, epoch_ms(end) + ms,
            rng.choice(["Support EN", "Sales EN"]),
            "" if assigned is None else rng.choice(AGENTS),
            "" if frt is None else round(frt * 1000), "" if csat is None else csat,
        ])  # fmt: skip
    write_csv(
        "dixa_conversations.csv",
        ["id", "channel", "direction", "created_at", "queued_at", "assigned_at", "closed_at",
         "queue_name", "assignee_name", "first_response_time", "csat_rating"],
        rows,
    )  # fmt: skip
    q = [r for r in recs if r["outcome"] in ("answered", "abandoned")]
    ans = [r for r in q if r["outcome"] == "answered"]
    return {
        "rows": len(recs), "contacts": len(recs),
        "abandonment_rate": r4(sum(r["outcome"] == "abandoned" for r in q) / len(q)),
        "asa": r4(mean([r["wait"] for r in ans])),
        "service_level": r4(sum(r["wait"] <= 20 for r in ans) / len(q)),
        "frt": r4(mean([r["frt"] for r in recs if r["frt"] is not None])),
        "csat": r4(mean([r["csat"] for r in recs if r["csat"] is not None])),
        "emails": sum(r["outcome"] == "email" for r in recs), **span(recs),
    }  # fmt: skip


# --- 7. Intercom conversations with Fin AI Agent: bot-only vs handed to a teammate ---------------


@builder
def build_intercom_fin_conversations() -> dict[str, Any]:
    # Intercom "Reports > Export" of conversations: "Conversation ID" (long digits),
    # "Conversation started at" "2024-10-07 08:05:12 UTC", "Channel" Messenger / Email,
    # "Fin AI Agent involved" true / false, "Fin AI Agent resolution state" Assumed resolution /
    # Confirmed resolution / Routed to team / empty, "Team assigned", "Teammate assigned",
    # "Time to first response (seconds)" (a TEAMMATE's first reply: empty on bot-only
    # conversations), "Conversation rating" 1-5 (customers rate Fin too).
    # Which KPIs apply: contacts = every conversation; FRT over the handed-off conversations a
    # teammate replied to; CSAT over rated conversations. No queue, no handle time: no
    # abandonment, ASA, service level or AHT. (Is a conversation Fin resolved a resolved
    # first contact? FCR is over agent-handled contacts: not asserted.)
    rng = random.Random(1407)
    recs, rows = [], []
    for t in spread(rng, OCT, 9):
        fin = rng.random() < 0.7
        state = rng.choice(["Assumed resolution", "Assumed resolution", "Confirmed resolution",
                            "Routed to team"]) if fin else ""  # fmt: skip
        human = not fin or state == "Routed to team"
        replied = human and rng.random() < 0.93
        frt = rng.choice([rng.randint(20, 240), rng.randint(200, 5400)]) if replied else None
        csat = rng.choice([None, None, None, 1, 3, 4, 5, 5])
        recs.append({"start": t, "frt": frt, "csat": csat, "bot_only": not human})
        rows.append([
            str(rng.randint(10**14, 10**15 - 1)), f"{t:%Y-%m-%d %H:%M:%S} UTC",
            rng.choice(["Messenger", "Messenger", "Email"]), str(fin).lower(), state,
            rng.choice(["Support", "Billing"]) if human else "",
            rng.choice(AGENTS) if replied else "", "" if frt is None else frt,
            "" if csat is None else csat,
        ])  # fmt: skip
    write_csv(
        "intercom_fin_conversations.csv",
        ["Conversation ID", "Conversation started at", "Channel", "Fin AI Agent involved",
         "Fin AI Agent resolution state", "Team assigned", "Teammate assigned",
         "Time to first response (seconds)", "Conversation rating"],
        rows,
    )  # fmt: skip
    return {
        "rows": len(recs), "contacts": len(recs),
        "frt": r4(mean([r["frt"] for r in recs if r["frt"] is not None])),
        "csat": r4(mean([r["csat"] for r in recs if r["csat"] is not None])),
        "bot_only": sum(r["bot_only"] for r in recs), **span(recs),
    }  # fmt: skip


# --- 8. Amazon Connect "Contact search" download (not a CTR export) -------------------------------


@builder
def build_connect_contact_search() -> dict[str, Any]:
    # The Contact search page's "Download" CSV: "Contact ID" GUID, "Channel" VOICE,
    # "Initiation method" INBOUND / OUTBOUND, "Initiation timestamp" / "Disconnect timestamp"
    # ISO UTC with milliseconds, "Queue" (empty when the caller never left the IVR flow;
    # outbound calls carry the agent's outbound queue "BasicQueue"), "Agent" (login, empty when
    # no agent connected), "Disconnect reason" CUSTOMER_DISCONNECT / AGENT_DISCONNECT /
    # CONTACT_FLOW_DISCONNECT. No durations at all.
    # Abandoned = inbound, queued, no agent; an IVR-only contact (no queue) is not queued, even
    # when the customer hung up (CUSTOMER_DISCONNECT).
    rng = random.Random(1408)
    recs, rows = [], []
    for t in spread(rng, OCT, 8):
        u = rng.random()
        kind = "ivr" if u < 0.12 else "out" if u < 0.22 else "ab" if u < 0.34 else "ans"
        recs.append({"start": t, "kind": kind})
        dur = {"ivr": rng.randint(20, 200), "out": rng.randint(30, 900),
               "ab": rng.randint(10, 300), "ans": rng.randint(90, 1200)}[kind]  # fmt: skip
        end = t + dt.timedelta(seconds=dur)
        reason = {"ivr": rng.choice(["CUSTOMER_DISCONNECT", "CONTACT_FLOW_DISCONNECT"]),
                  "ab": "CUSTOMER_DISCONNECT",
                  "out": rng.choice(["AGENT_DISCONNECT", "CUSTOMER_DISCONNECT"]),
                  "ans": rng.choice(["AGENT_DISCONNECT", "CUSTOMER_DISCONNECT"])}[kind]  # fmt: skip
        queue = {"ivr": "", "out": "BasicQueue"}.get(kind, rng.choice(["Sales", "Support"]))
        agent = (
            rng.choice(["maya.lopez", "omar.haddad", "jin.park"]) if kind in ("out", "ans") else ""
        )
        ms = rng.randint(0, 999)
        rows.append([
            guid(rng), "VOICE", "OUTBOUND" if kind == "out" else "INBOUND",
            f"{t:%Y-%m-%dT%H:%M:%S}.{ms:03d}Z", f"{end:%Y-%m-%dT%H:%M:%S}.{ms:03d}Z", queue, agent,
            reason,
        ])  # fmt: skip
    write_csv(
        "connect_contact_search.csv",
        ["Contact ID", "Channel", "Initiation method", "Initiation timestamp",
         "Disconnect timestamp", "Queue", "Agent", "Disconnect reason"],
        rows,
    )  # fmt: skip
    queued = [r for r in recs if r["kind"] in ("ab", "ans")]
    return {
        "rows": len(recs), "contacts": len(recs),
        "abandonment_rate": r4(sum(r["kind"] == "ab" for r in queued) / len(queued)),
        "ivr_only": sum(r["kind"] == "ivr" for r in recs),
        "outbound": sum(r["kind"] == "out" for r in recs),
        "abandonment_if_ivr_counted": r4(
            sum(r["kind"] in ("ab", "ivr") for r in recs)
            / sum(r["kind"] != "out" for r in recs)),
        **span(recs),
    }  # fmt: skip


# --- 9. GoTo Connect queue caller details: m:ss with unbounded minutes, Voicemail ----------------


def goto_when(t: dt.datetime) -> str:
    return f"{t:%b} {t.day}, {t.year} {t.hour % 12 or 12}:{t:%M:%S} {t:%p}"


@builder
def build_goto_queue_callers() -> dict[str, Any]:
    # GoTo Connect "Call Queue > Caller details" CSV: "Queue", "Caller ID", "Caller number",
    # "Start time" "Oct 7, 2024 8:05:12 AM", "Wait time" and "Talk time" in MM:SS with the
    # minutes unbounded ("12:05" is twelve minutes, "00:45" 45 seconds: never hours),
    # "Result" Answered / Abandoned / Voicemail, "Answered by".
    rng = random.Random(1409)
    recs, rows = drawn_calls(rng, OCT, 7, p_ab=0.13, p_vm=0.06), []
    for c in recs:
        ans = c["outcome"] == "answered"
        c["hold"] = c["acw"] = 0
        c["handle"] = c["talk"]
        rows.append([
            rng.choice(["Main Line", "Service Desk"]), rng.choice(["WIRELESS CALLER", "SMITH J",
                                                                    "ACME CORP", ""]),
            f"+1{rng.randint(2002000000, 9899999999)}", goto_when(c["start"]), mmss(c["wait"]),
            mmss(c["talk"]), c["outcome"].capitalize(), rng.choice(AGENTS) if ans else "",
        ])  # fmt: skip
    write_csv(
        "goto_queue_callers.csv",
        ["Queue", "Caller ID", "Caller number", "Start time", "Wait time", "Talk time", "Result",
         "Answered by"],
        rows,
    )  # fmt: skip
    t = log_truth(recs)
    t["voicemail"] = sum(r["outcome"] == "voicemail" for r in recs)
    t["max_talk"] = max(r["talk"] for r in recs)
    return t


# --- 10. Google Contact Center AI Platform (UJET): short_abandoned, deflected --------------------


@builder
def build_ccai_platform_calls() -> dict[str, Any]:
    # CCAI Platform (UJET) "Call data" CSV export: "id" integer, "call_type" ivr / scheduled /
    # mobile, "status" finished / abandoned / short_abandoned (hung up within the short
    # abandon window: counted as abandoned by default) / deflected (sent to SMS or self-service
    # before any queue: not queued), "created_at" "2024-10-07 08:05:12 UTC", "queue_path"
    # "Support > English", "agent_name", "wait_duration", "call_duration" (talk),
    # "hold_duration", "wrap_up_duration" in seconds, "rating" 1-5.
    rng = random.Random(1410)
    recs, rows = [], []
    for i, t in enumerate(spread(rng, OCT, 8)):
        c = draw_call(rng, p_ab=0.15)
        c["start"] = t
        status = "finished" if c["outcome"] == "answered" else "abandoned"
        if c["outcome"] == "abandoned" and rng.random() < 0.3:
            c["wait"] = rng.randint(1, 5)
            status = "short_abandoned"
        if rng.random() < 0.06:
            c.update(outcome="deflected", wait=0, talk=0, hold=0, acw=0, handle=0)
            status = "deflected"
        ans = c["outcome"] == "answered"
        c["csat"] = rng.choice([None, None, 2, 3, 4, 5, 5]) if ans else None
        recs.append(c)
        rows.append([
            880100 + 7 * i, rng.choice(["ivr", "ivr", "ivr", "scheduled", "mobile"]), status,
            f"{t:%Y-%m-%d %H:%M:%S} UTC",
            "" if status == "deflected" else rng.choice(["Support > English",
                                                          "Billing > English"]),
            rng.choice(AGENTS) if ans else "", c["wait"], c["talk"], c["hold"], c["acw"],
            "" if c["csat"] is None else c["csat"],
        ])  # fmt: skip
    write_csv(
        "ccai_platform_calls.csv",
        ["id", "call_type", "status", "created_at", "queue_path", "agent_name", "wait_duration",
         "call_duration", "hold_duration", "wrap_up_duration", "rating"],
        rows,
    )  # fmt: skip
    t = log_truth(recs)
    t["short_abandoned"] = sum(row[2] == "short_abandoned" for row in rows)
    t["deflected"] = sum(row[2] == "deflected" for row in rows)
    return t


if __name__ == "__main__":
    BUILD.main()

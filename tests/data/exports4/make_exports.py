"""Regenerate the fourth blind acceptance corpus (tests/test_real_exports_4.py).

    .venv/bin/python tests/data/exports4/make_exports.py             # write the files
    .venv/bin/python tests/data/exports4/make_exports.py --expected  # also print the truth

Each builder draws semantic rows with its own seeded ``random.Random``, writes them the way the
vendor's export looks, and returns KPIs computed with plain Python over the semantic rows (for
summary reports: over the displayed per-row numbers, weighted by answered) -- never with KPI Lab
code. The printed numbers are pasted into the test as literals.

Conventions (same as rounds 1-3): abandonment = abandoned / inbound contacts that queued
(answered + abandoned + voicemail); ASA = mean wait of answered inbound contacts; AHT = mean
talk + hold + ACW of handled contacts (inbound answered, outbound connected); service level =
answered within 20 s / (answered + abandoned); transfer rate = transferred / handled; CSAT =
mean of the 1-5 ratings given; summary reports: averages weighted by answered.

New shapes in round 4: Aircall (epoch seconds, answered_at, duration (total) / (in call)), 3CX
(UK day-first "Call Time", Ringing / Talking), Dialpad (timestamps pairs, durations in decimal
minutes), Italian semicolon export (decimal comma, Esito Risposta/Abbandonata, Trasferita Si/No),
Brazilian interval report ("08:00 - 08:30", TME/TMA, "85,2%", a Total line) and the same
numbers with English headers (interval_total_en.csv), Salesforce case
export (API names, ISO .000Z), Intercom conversations (timestamps with " UTC"), 8x8 TSV (12-hour
month-first "1:05:07 PM", durations "00:01:30.500"), Zoom Contact Center (BOM, CRLF, trailing
comma on every line, "Mar 4, 2025 09:05:12 AM", Short Abandoned), Vonage Excel queue summary
(title block, per-queue "Total for" rows and a Grand Total, "%" and hh:mm:ss text).
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/data: export_kit
from export_kit import Builders, contact_truth, csv_text, draw_call, hms, mean, spread, weekdays  # noqa: E402

OUT = Path(__file__).resolve().parent
BUILD = Builders(OUT)
builder, write_csv = BUILD, BUILD.write_csv
AGENTS = ["Maya Lopez", "Omar Haddad", "Jin Park", "Sara Novak", "Luca Bianchi", "Ada Okafor"]
MARCH = weekdays(dt.date(2025, 3, 3), dt.date(2025, 3, 14))  # day 13 and 14 disambiguate


def extra_truth(recs: list[dict[str, Any]]) -> dict[str, Any]:
    handled = [r for r in recs if r["outcome"] == "answered" or (not r["inbound"] and r["handle"])]
    out: dict[str, Any] = {}
    if any("transferred" in r for r in recs):
        out["transfer_rate"] = round(sum(bool(r.get("transferred")) for r in handled)
                                     / len(handled), 4)  # fmt: skip
    rated = [r["csat"] for r in recs if r.get("csat") is not None]
    if rated:
        out["csat"] = round(mean(rated), 4)
    return out


def epoch(t: dt.datetime) -> int:
    return int(t.replace(tzinfo=dt.UTC).timestamp())


def talk_only(c: dict[str, Any]) -> dict[str, Any]:
    """A call log with no hold / wrap columns: the handle time is the talk time."""
    c["hold"] = c["acw"] = 0
    c["handle"] = c["talk"] if c["outcome"] == "answered" else 0
    return c


def outbound(rng: random.Random, p_no_answer: float = 0.2) -> dict[str, Any]:
    if rng.random() < p_no_answer:
        return {"outcome": "no_answer", "wait": 0, "talk": 0, "hold": 0, "acw": 0, "handle": 0,
                "inbound": False, "ring": rng.randint(8, 40)}  # fmt: skip
    talk = rng.randint(30, 600)
    return {"outcome": "connected", "wait": 0, "talk": talk, "hold": 0, "acw": 0,
            "handle": talk, "inbound": False, "ring": rng.randint(3, 20)}  # fmt: skip


# --- 1. Aircall call export -----------------------------------------------------------------------


@builder
def build_aircall() -> dict[str, Any]:
    # started_at / answered_at / ended_at are Unix epoch seconds (UTC); "duration (total)" = ring
    # + talk (+ voicemail), "duration (in call)" = talk; status answered / missed / voicemail;
    # outbound calls not picked up are "missed" too (not an abandon: not an inbound contact).
    rng = random.Random(401)
    recs, rows = [], []
    for i, t in enumerate(spread(rng, MARCH, 7)):
        if rng.random() < 0.2:
            c = outbound(rng)
        else:
            c = talk_only(draw_call(rng, p_ab=0.15, p_vm=0.08))
        c["start"] = t
        recs.append(c)
        s = epoch(t)
        direction = "inbound" if c["inbound"] else "outbound"
        reason = ""
        if not c["inbound"]:
            status = "answered" if c["outcome"] == "connected" else "missed"
            ans_at = s + c["ring"] if status == "answered" else ""
            total = c["ring"] + c["talk"]
        elif c["outcome"] == "answered":
            status, ans_at, total = "answered", s + c["wait"], c["wait"] + c["talk"]
        elif c["outcome"] == "abandoned":
            status, ans_at, total = "missed", "", c["wait"]
            reason = rng.choice(["agents_did_not_answer", "no_available_agent",
                                 "abandoned_in_classic"])  # fmt: skip
        else:
            status, ans_at, total = "voicemail", "", c["wait"] + rng.randint(15, 60)
            reason = "agents_did_not_answer"
        rows.append([
            str(1822003400 + i * 7), direction, status, reason, s, ans_at, s + total, total,
            c["talk"], "" if status != "answered" else rng.choice(AGENTS),
            f"+1 415 555 0{rng.randint(100, 999)}", "Support US", "",
        ])  # fmt: skip
    header = ["id", "direction", "status", "missed_call_reason", "started_at", "answered_at",
              "ended_at", "duration (total)", "duration (in call)", "user", "number", "line",
              "tags"]  # fmt: skip
    write_csv("aircall_calls.csv", header, rows)
    return {**contact_truth(recs), **extra_truth(recs)}


# --- 2. 3CX call log ------------------------------------------------------------------------------


@builder
def build_threecx() -> dict[str, Any]:
    # "Call Time" 14/03/2025 13:05:07 (UK day-first); Ringing / Talking hh:mm:ss; Direction
    # Inbound / Outbound; Status Answered / Unanswered.
    rng = random.Random(402)
    recs, rows = [], []
    for t in spread(rng, MARCH, 6):
        c = outbound(rng) if rng.random() < 0.2 else talk_only(draw_call(rng, p_ab=0.18))
        c["start"] = t
        recs.append(c)
        agent = rng.choice(AGENTS)
        ext = 100 + AGENTS.index(agent)
        caller = f"+44 20 7946 0{rng.randint(100, 999)}"
        if c["inbound"]:
            ok = c["outcome"] == "answered"
            frm, to, ring = caller, f"{agent} ({ext})" if ok else "Support (800)", c["wait"]
            detail = (f"Inbound: Support (800) → {agent} ({ext})" if ok
                      else "Inbound: Support (800) → Unanswered")  # fmt: skip
        else:
            ok = c["outcome"] == "connected"
            frm, to, ring = f"{agent} ({ext})", caller, c["ring"]
            detail = f"Outbound: {agent} ({ext}) → {caller}"
        rows.append([t.strftime("%d/%m/%Y %H:%M:%S"), frm, to,
                     "Inbound" if c["inbound"] else "Outbound", "Answered" if ok else "Unanswered",
                     hms(ring), hms(c["talk"]), "0.00", detail])  # fmt: skip
    header = ["Call Time", "From", "To", "Direction", "Status", "Ringing", "Talking", "Cost",
              "Call Activity Details"]  # fmt: skip
    write_csv("threecx_call_log.csv", header, rows)
    return contact_truth(recs)


# --- 3. Dialpad calls -------------------------------------------------------------------------------


@builder
def build_dialpad() -> dict[str, Any]:
    # date_started / date_connected / date_ended (UTC); talk_duration and total_duration in
    # decimal MINUTES; category incoming / abandoned / voicemail / outgoing.
    rng = random.Random(403)
    recs, rows = [], []
    f = "%Y-%m-%d %H:%M:%S"
    for i, t in enumerate(spread(rng, MARCH, 6)):
        c = (
            outbound(rng, 0.0)
            if rng.random() < 0.2
            else talk_only(draw_call(rng, p_ab=0.15, p_vm=0.07))
        )
        c["start"] = t
        recs.append(c)
        if not c["inbound"]:
            con, cat, total = t + dt.timedelta(seconds=c["ring"]), "outgoing", c["ring"] + c["talk"]
        elif c["outcome"] == "answered":
            con, cat, total = t + dt.timedelta(seconds=c["wait"]), "incoming", c["wait"] + c["talk"]
        elif c["outcome"] == "abandoned":
            con, cat, total = None, "abandoned", c["wait"]
        else:
            con, cat, total = None, "voicemail", c["wait"] + rng.randint(15, 60)
        end = t + dt.timedelta(seconds=total)
        agent = rng.choice(AGENTS)
        rows.append([
            str(5718230091923456 + i * 977), t.strftime(f), con.strftime(f) if con else "",
            end.strftime(f), "inbound" if c["inbound"] else "outbound", cat,
            f"+1415555{rng.randint(1000, 9999)}", "+16505550100", "callcenter",
            "Support" if c["inbound"] else agent,
            f"{agent.split()[0].lower()}@example.com" if con else "",
            f"{c['talk'] / 60:.6f}", f"{total / 60:.6f}", "UTC",
        ])  # fmt: skip
    header = ["call_id", "date_started", "date_connected", "date_ended", "direction", "category",
              "external_number", "internal_number", "target_type", "name", "email",
              "talk_duration", "total_duration", "timezone"]  # fmt: skip
    write_csv("dialpad_calls.csv", header, rows)
    return contact_truth(recs)


# --- 4. Italian call export ------------------------------------------------------------------------


@builder
def build_italian() -> dict[str, Any]:
    # ';' with decimal comma ("12,5"), Data 14/03/2025 + Ora 13:05:07, "Durata conversazione"
    # hh:mm:ss, Esito Risposta / Abbandonata, Trasferita Sì / No, Voto 1-5 (sparse).
    rng = random.Random(404)
    recs, rows = [], []
    for i, t in enumerate(spread(rng, MARCH, 6)):
        c = draw_call(rng, p_ab=0.14)
        c["wait"] = c["wait"] + rng.choice([0.0, 0.5])
        c["hold"] = c["hold"] + (rng.choice([0.0, 0.5]) if c["hold"] else 0.0)
        c["handle"] = c["talk"] + c["hold"] + c["acw"] if c["outcome"] == "answered" else 0
        c["start"] = t
        ans = c["outcome"] == "answered"
        c["transferred"] = ans and rng.random() < 0.2
        c["csat"] = rng.choice([1, 2, 3, 4, 4, 5, 5, 5]) if ans and rng.random() < 0.4 else None
        recs.append(c)

        def it(x: float) -> str:
            return f"{x:.1f}".replace(".", ",")

        rows.append([
            f"IT-{20250300 + i}", t.strftime("%d/%m/%Y"), t.strftime("%H:%M:%S"),
            rng.choice(["Assistenza", "Commerciale"]), rng.choice(AGENTS) if ans else "",
            it(c["wait"]), hms(c["talk"]), it(c["hold"]), it(c["acw"]),
            "Risposta" if ans else "Abbandonata", "Sì" if c["transferred"] else "No",
            "" if c["csat"] is None else c["csat"],
        ])  # fmt: skip
    header = ["ID chiamata", "Data", "Ora", "Coda", "Operatore", "Tempo di attesa (sec)",
              "Durata conversazione", "Tempo in attesa (sec)", "Post-chiamata (sec)", "Esito",
              "Trasferita", "Voto"]  # fmt: skip
    (OUT / "it_chiamate.csv").write_text(csv_text([header, *rows], sep=";"), encoding="utf-8")
    return {**contact_truth(recs), **extra_truth(recs)}


# --- 5. Brazilian interval report -------------------------------------------------------------------


@builder
def build_pt_interval() -> dict[str, Any]:
    # Data 13/03/2025, Intervalo "08:00 - 08:30", Fila; Recebidas / Atendidas / Abandonadas;
    # TME (tempo médio de espera) / TMA (tempo médio de atendimento) hh:mm:ss; NS "85,2%"; a
    # last "Total" line. Averages weighted by Atendidas (answered).
    rng = random.Random(405)
    rows, shown = [], []
    for day in [dt.date(2025, 3, 13), dt.date(2025, 3, 14)]:
        for fila in ["Suporte", "Vendas"]:
            for k in range(16):  # 08:00 .. 16:00
                h0 = dt.datetime.combine(day, dt.time(8)) + dt.timedelta(minutes=30 * k)
                h1 = h0 + dt.timedelta(minutes=30)
                rec = rng.randint(4, 40)
                ab = rng.randint(0, rec // 4)
                ans = rec - ab
                tme, tma = rng.randint(5, 120), rng.randint(180, 600)
                ns = round(rng.uniform(55, 98), 1)
                shown.append((rec, ans, ab, tme, tma, ns))
                rows.append([day.strftime("%d/%m/%Y"), f"{h0:%H:%M} - {h1:%H:%M}", fila, rec, ans,
                             ab, hms(tme), hms(tma), f"{ns:.1f}%".replace(".", ",")])  # fmt: skip
    tot = [sum(s[i] for s in shown) for i in range(3)]
    rows.append(["Total", "", "", *tot, "", "", ""])
    header = ["Data", "Intervalo", "Fila", "Recebidas", "Atendidas", "Abandonadas", "TME", "TMA",
              "NS (%)"]  # fmt: skip
    (OUT / "pt_intervalos.csv").write_text(csv_text([header, *rows], sep=";"), encoding="utf-8")
    # The same numbers with English headers, ',' and "85.2%": isolates the Total line's effect.
    en = ["Date", "Interval", "Queue", "Offered", "Answered", "Abandoned", "ASA", "AHT",
          "Service Level %"]  # fmt: skip
    en_rows = [[*r[:8], r[8].replace(",", ".")] for r in rows]
    (OUT / "interval_total_en.csv").write_text(csv_text([en, *en_rows]), encoding="utf-8")
    n_ans = sum(s[1] for s in shown)
    return {
        "rows": len(shown),
        "contacts": tot[0],
        "abandonment_rate": round(tot[2] / tot[0], 4),
        "asa": round(sum(s[1] * s[3] for s in shown) / n_ans, 4),
        "aht": round(sum(s[1] * s[4] for s in shown) / n_ans, 4),
        "service_level": round(sum(s[1] * s[5] / 100 for s in shown) / n_ans, 4),
    }


# --- 6. Salesforce Service Cloud case export --------------------------------------------------------


@builder
def build_salesforce() -> dict[str, Any]:
    # Data Loader / Workbench export: API names, CreatedDate / ClosedDate
    # "2025-03-04T14:05:07.000Z"; Priority High / Medium / Low; Status New / Working /
    # Escalated / Closed; Origin Phone / Email / Web; IsEscalated / IsClosed true/false.
    rng = random.Random(406)
    rows, res, created = [], [], []
    f = "%Y-%m-%dT%H:%M:%S.000Z"
    for i, t in enumerate(spread(rng, MARCH, 6)):
        closed = rng.random() > 0.2
        esc = rng.random() < 0.15
        status = (
            "Closed"
            if closed
            else rng.choice(["New", "Working", "Escalated" if esc else "Working"])
        )
        dur = rng.randint(1, 120) * 1800 + rng.randint(0, 59) if closed else None
        created.append(t)
        if dur is not None:
            res.append(dur)
        rows.append([
            f"5003h00001Zq{i:06d}AAA", f"{1027 + i:08d}", t.strftime(f),
            (t + dt.timedelta(seconds=dur)).strftime(f) if dur is not None else "",
            rng.choice(["High", "Medium", "Medium", "Low"]), status,
            rng.choice(["Phone", "Email", "Web"]), "true" if esc else "false",
            "true" if closed else "false", f"0053h000004Owner{i % 4}",
            rng.choice(["Login issue", "Billing question", "Refund request", "Order status"]),
        ])  # fmt: skip
    header = ["Id", "CaseNumber", "CreatedDate", "ClosedDate", "Priority", "Status", "Origin",
              "IsEscalated", "IsClosed", "OwnerId", "Subject"]  # fmt: skip
    write_csv("salesforce_cases.csv", header, rows)
    return {
        "rows": len(rows), "resolved": len(res),
        "resolution_time": round(mean(res), 4),
        "resolution_time_median": round(statistics.median(res), 4),
        "first_day": min(created).date().isoformat(), "last_day": max(created).date().isoformat(),
    }  # fmt: skip


# --- 7. Intercom conversations -----------------------------------------------------------------------


@builder
def build_intercom() -> dict[str, Any]:
    # "Created at" / "First admin reply at" / "Last closed at" as "2025-03-04 14:05:07 UTC";
    # "Updated at" is NOT the close; "Conversation rating" 1-5, mostly blank; State open/closed/
    # snoozed.
    rng = random.Random(407)
    rows, frt, res, csat, created = [], [], [], [], []
    f = "%Y-%m-%d %H:%M:%S UTC"
    for i, t in enumerate(spread(rng, MARCH, 5)):
        created.append(t)
        replied = rng.random() > 0.1
        first = rng.randint(30, 14400) if replied else None
        closed = replied and rng.random() > 0.2
        done = (first or 0) + rng.randint(60, 172800) if closed else None
        upd = (done if done else (first or 0)) + rng.randint(0, 86400)
        rating = rng.choice([1, 2, 3, 4, 5, 5, 4]) if closed and rng.random() < 0.45 else None
        if first is not None:
            frt.append(first)
        if done is not None:
            res.append(done)
        if rating is not None:
            csat.append(rating)

        def at(s: int | None, t: dt.datetime = t) -> str:
            return "" if s is None else (t + dt.timedelta(seconds=s)).strftime(f)

        rows.append([
            str(215468900012 + i * 31), t.strftime(f), at(upd), at(first), at(done),
            "closed" if closed else rng.choice(["open", "snoozed"]),
            rng.choice(["Chat", "Email"]), rng.choice(["Tier 1", "Billing"]),
            rng.choice(AGENTS) if replied else "", "" if rating is None else rating,
            "" if rating is None else rng.choice(["", "thanks!", "slow reply"]),
        ])  # fmt: skip
    header = ["Conversation ID", "Created at", "Updated at", "First admin reply at",
              "Last closed at", "State", "Channel", "Team assigned", "Teammate assigned",
              "Conversation rating", "Conversation rating remark"]  # fmt: skip
    write_csv("intercom_conversations.csv", header, rows)
    return {
        "rows": len(rows), "frt": round(mean(frt), 4), "resolution_time": round(mean(res), 4),
        "csat": round(mean(csat), 4), "n_frt": len(frt), "n_res": len(res), "n_csat": len(csat),
        "first_day": min(created).date().isoformat(), "last_day": max(created).date().isoformat(),
    }  # fmt: skip


# --- 8. 8x8 Contact Center detailed report (TSV) -------------------------------------------------


@builder
def build_eightxeight() -> dict[str, Any]:
    # Tab-separated; "Start Time" 03/14/2025 1:05:07 PM (month-first, 12-hour, hour unpadded);
    # durations "00:01:30.500" with milliseconds; Outcome Accepted / Abandoned; Transferred Y/N.
    rng = random.Random(408)
    recs, rows = [], []
    for i, t in enumerate(spread(rng, MARCH, 6)):
        c = draw_call(rng, p_ab=0.15)
        ans = c["outcome"] == "answered"
        ms = [rng.randint(0, 999) / 1000 for _ in range(4)]
        c["wait"] += ms[0]
        if ans:
            c["talk"] += ms[1]
            c["hold"] += ms[2] if c["hold"] else 0
            c["acw"] += ms[3]
            c["handle"] = c["talk"] + c["hold"] + c["acw"]
        c["transferred"] = ans and rng.random() < 0.15
        c["start"] = t
        recs.append(c)

        def dur(x: float) -> str:
            return f"{hms(int(x))}.{round((x - int(x)) * 1000):03d}"

        rows.append([
            f"{8800120 + i}", "Phone", rng.choice(["Q-Support", "Q-Sales"]),
            rng.choice(AGENTS) if ans else "",
            f"{t.month:02d}/{t.day:02d}/{t.year} " + t.strftime("%I:%M:%S %p").lstrip("0"),
            dur(c["wait"]), dur(c["talk"]), dur(c["hold"]), dur(c["acw"]),
            "Accepted" if ans else "Abandoned", "Y" if c["transferred"] else "N",
        ])  # fmt: skip
    header = ["Transaction ID", "Media", "Queue", "Agent Name", "Start Time", "Time in Queue",
              "Talk Time", "Hold Time", "Wrap Up Time", "Outcome", "Transferred"]  # fmt: skip
    write_csv("eightxeight_detail.tsv", header, rows, sep="\t")
    return {**contact_truth(recs), **extra_truth(recs)}


# --- 9. Zoom Contact Center engagements (BOM, CRLF, trailing commas) -----------------------------


@builder
def build_zoom() -> dict[str, Any]:
    # UTF-8 BOM, CRLF, every line (header too) ends with a comma; "Start Time"
    # "Mar 4, 2025 09:05:12 AM"; durations hh:mm:ss; Result Completed / Abandoned /
    # Short Abandoned / Voicemail; Transfer Count 0-2; Survey Score 1-5 (sparse).
    rng = random.Random(409)
    recs, rows = [], []
    for i, t in enumerate(spread(rng, MARCH, 7)):
        c = draw_call(rng, p_ab=0.17, p_vm=0.06)
        if c["outcome"] == "abandoned" and rng.random() < 0.3:
            c["wait"] = rng.randint(1, 4)
        ans = c["outcome"] == "answered"
        n_tr = rng.choice([0, 0, 0, 0, 0, 1, 1, 2]) if ans else 0
        c["transferred"] = n_tr > 0
        c["csat"] = rng.choice([2, 3, 4, 5, 5]) if ans and rng.random() < 0.35 else None
        c["start"] = t
        recs.append(c)
        result = {"answered": "Completed", "voicemail": "Voicemail"}.get(
            c["outcome"], "Short Abandoned" if c["wait"] < 5 else "Abandoned"
        )
        end = t + dt.timedelta(seconds=c["wait"] + c["talk"] + c["hold"] + c["acw"])
        stamp = "%b {d}, %Y %I:%M:%S %p"
        rows.append([
            f"eng_{i:04d}Xz{rng.randint(1000, 9999)}", t.strftime(stamp.format(d=t.day)),
            end.strftime(stamp.format(d=end.day)), "Voice", "Inbound",
            rng.choice(["Billing", "Tech Support"]), rng.choice(AGENTS) if ans else "",
            hms(c["wait"]), hms(c["talk"]), hms(c["hold"]), hms(c["acw"]), result, n_tr,
            "" if c["csat"] is None else c["csat"], "",
        ])  # fmt: skip
    header = ["Engagement ID", "Start Time", "End Time", "Channel", "Direction", "Queue",
              "Agent", "Waiting Duration", "Talk Duration", "Hold Duration", "Wrap Up Duration",
              "Result", "Transfer Count", "Survey Score", ""]  # fmt: skip
    text = "\ufeff" + csv_text([header, *rows], eol="\r\n")
    (OUT / "zoom_cc_engagements.csv").write_bytes(text.encode("utf-8"))
    return {**contact_truth(recs), **extra_truth(recs)}


# --- 10. Vonage queue summary (Excel, title block, subtotals, grand total) ------------------------


@builder
def build_vonage_xlsx() -> dict[str, Any]:
    # A1 title (merged), period and time-zone lines, a blank row, the header; per queue 5 daily
    # rows then a "Total for <queue>" row; a last "Grand Total" row. Dates are date cells; ASA /
    # AHT "00:00:25" text; Service Level "85.2%" text.
    import openpyxl

    rng = random.Random(410)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Queue Summary"
    ws.append(["Vonage Contact Center - Queue Summary Report"])
    ws.merge_cells("A1:H1")
    ws.append(["Period: 03/10/2025 - 03/14/2025"])
    ws.append(["Time zone: (UTC) Coordinated Universal Time"])
    ws.append([])
    ws.append(["Queue", "Date", "Calls Offered", "Calls Answered", "Calls Abandoned",
               "Avg. Speed of Answer", "Avg. Handle Time", "Service Level"])  # fmt: skip
    shown = []
    for q in ["Sales", "Support", "Billing"]:
        part = []
        for d in weekdays(dt.date(2025, 3, 10), dt.date(2025, 3, 14)):
            off = rng.randint(60, 240)
            ab = rng.randint(0, off // 6)
            ans = off - ab
            asa, aht, sl = rng.randint(8, 90), rng.randint(200, 520), round(rng.uniform(60, 97), 1)
            part.append((off, ans, ab, asa, aht, sl))
            ws.append([q, dt.datetime.combine(d, dt.time()), off, ans, ab, hms(asa), hms(aht),
                       f"{sl:.1f}%"])  # fmt: skip
            ws.cell(ws.max_row, 2).number_format = "mm/dd/yyyy"
        shown += part
        o, a, b = (sum(p[i] for p in part) for i in range(3))
        ws.append([f"Total for {q}", None, o, a, b,
                   hms(round(sum(p[1] * p[3] for p in part) / a)),
                   hms(round(sum(p[1] * p[4] for p in part) / a)),
                   f"{sum(p[1] * p[5] for p in part) / a:.1f}%"])  # fmt: skip
    o, a, b = (sum(p[i] for p in shown) for i in range(3))
    ws.append(["Grand Total", None, o, a, b, hms(round(sum(p[1] * p[3] for p in shown) / a)),
               hms(round(sum(p[1] * p[4] for p in shown) / a)),
               f"{sum(p[1] * p[5] for p in shown) / a:.1f}%"])  # fmt: skip
    wb.save(OUT / "vonage_queue_summary.xlsx")
    return {
        "rows": len(shown), "contacts": o, "abandonment_rate": round(b / o, 4),
        "asa": round(sum(p[1] * p[3] for p in shown) / a, 4),
        "aht": round(sum(p[1] * p[4] for p in shown) / a, 4),
        "service_level": round(sum(p[1] * p[5] / 100 for p in shown) / a, 4),
    }  # fmt: skip


if __name__ == "__main__":
    BUILD.main()

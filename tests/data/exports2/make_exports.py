"""Regenerate the second blind acceptance corpus (tests/test_real_exports_2.py).

    .venv/bin/python tests/data/exports2/make_exports.py             # write the files
    .venv/bin/python tests/data/exports2/make_exports.py --expected  # also print the truth

Each builder draws semantic rows (seconds, outcomes, priorities) with its own seeded
``random.Random``, writes them the way the vendor's export looks, and returns KPIs computed with
plain Python over the semantic rows -- never over the written file, never with KPI Lab code.
The printed numbers were pasted into the test as literals.

Conventions of the truth: abandonment = abandoned / inbound contacts that queued (answered +
abandoned + voicemail); ASA = mean wait of answered inbound contacts; AHT = mean talk + hold +
ACW of handled contacts (inbound answered, outbound); service level = answered within 20 s /
(answered + abandoned); aggregated averages weighted by answered (handled) contacts; ticket
first-response SLA targets: urgent 1 h, high 4 h, normal 8 h, low 24 h.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
import re
import statistics
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/data: export_kit
from export_kit import contact_truth, draw_call, hms, mean, spread, weekdays  # noqa: E402

OUT = Path(__file__).resolve().parent
BUILDERS: dict[str, Callable[[], dict[str, Any]]] = {}
RESPONSE_SLA_H = {"urgent": 1, "high": 4, "normal": 8, "low": 24}
AGENTS = ["Maya Lopez", "Omar Haddad", "Jin Park", "Sara Novak", "Luca Bianchi", "Ada Okafor"]


def builder(fn: Callable[[], dict[str, Any]]) -> Callable[[], dict[str, Any]]:
    BUILDERS[fn.__name__.removeprefix("build_")] = fn
    return fn


def csv_text(
    header: list[str], rows: list[list[Any]], *, sep: str = ",", crlf: bool = False
) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=sep, lineterminator="\r\n" if crlf else "\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()


def write_csv(name: str, header: list[str], rows: list[list[Any]], *, sep: str = ",",
              encoding: str = "utf-8", crlf: bool = False) -> None:  # fmt: skip
    (OUT / name).write_bytes(csv_text(header, rows, sep=sep, crlf=crlf).encode(encoding))


def ticket_truth(tix: list[dict[str, Any]]) -> dict[str, Any]:
    """tix: created, priority (urgent/high/normal/low), frt (s or None), res (s or None), csat."""
    resp = [t for t in tix if t["frt"] is not None]
    res = [t["res"] for t in tix if t["res"] is not None]
    met = sum(t["frt"] <= RESPONSE_SLA_H[t["priority"]] * 3600 for t in resp)
    cs = [t["csat"] for t in tix if t.get("csat") is not None]
    return {
        "rows": len(tix),
        "responded": len(resp),
        "resolved": len(res),
        "frt": round(mean([t["frt"] for t in resp]), 4),
        "response_sla": round(met / len(resp), 4),
        "response_sla_all_normal": round(sum(t["frt"] <= 8 * 3600 for t in resp) / len(resp), 4),
        "resolution_time": round(mean(res), 4),
        "resolution_time_median": round(statistics.median(res), 4),
        "csat": round(mean(cs), 4) if cs else None,
        "first_day": min(t["created"] for t in tix).date().isoformat(),
        "last_day": max(t["created"] for t in tix).date().isoformat(),
    }


def draw_ticket(rng: random.Random, created: dt.datetime, p_open: float = 0.2) -> dict[str, Any]:
    pr = rng.choices(["urgent", "high", "normal", "low"], [1, 3, 5, 2])[0]
    # whole 10-minute steps (exact in hours and minutes); a third beyond the 8 h normal target
    frt = rng.choice([rng.randint(1, 18), rng.randint(1, 48), rng.randint(18, 180)]) * 600
    is_open = rng.random() < p_open
    res = None if is_open else frt + rng.randint(1, 96) * 1800
    csat = None if is_open or rng.random() < 0.4 else rng.choice([1, 2, 3, 4, 4, 5, 5, 5])
    return {"created": created, "priority": pr, "frt": frt, "res": res, "csat": csat}


# --- 1. Talkdesk calls, UTC offset -------------------------------------------------------------


@builder
def build_talkdesk() -> dict[str, Any]:
    rng = random.Random(201)
    days = weekdays(dt.date(2025, 2, 3), dt.date(2025, 2, 14))
    recs, rows = [], []
    tz = dt.timezone(dt.timedelta(hours=-5))
    per_day: dict[str, int] = {}
    late = 0
    # 07:00-21:59 local (-0500): calls after 19:00 local are the next day in UTC.
    for t in spread(rng, days, 8, 7, 22):
        u = rng.random()
        if u < 0.12:
            c = draw_call(rng, p_ab=0.0)
            c.update(inbound=False, outcome="none", wait=0, acw=0)
            c["handle"] = c["talk"] + c["hold"]
            typ = "outbound"
        else:
            c = draw_call(rng, p_ab=0.14, p_vm=0.06)
            c["acw"] = 0  # Talkdesk's calls report has no ACW column: handle = talk + hold
            c["handle"] = c["talk"] + c["hold"] if c["outcome"] == "answered" else 0
            typ = {"answered": "inbound", "voicemail": "voicemail"}.get(c["outcome"], "")
            if c["outcome"] == "abandoned":
                typ = rng.choice(["abandoned", "abandoned", "missed"])
        c["start"] = t
        recs.append(c)
        per_day[t.date().isoformat()] = per_day.get(t.date().isoformat(), 0) + 1
        late += t.hour >= 19
        agent = rng.choice(AGENTS) if c["outcome"] in ("answered", "none") else ""
        disp = {"inbound": "Resolved", "outbound": "Follow-up", "voicemail": "Voicemail left"}
        rows.append([
            f"{rng.getrandbits(64):016x}", t.replace(tzinfo=tz).strftime("%Y-%m-%d %H:%M:%S %z"),
            typ, hms(c["wait"]), hms(c["talk"]), hms(c["hold"]),
            rng.choice(["billing", "support"]), agent, disp.get(typ, ""),
        ])  # fmt: skip
    header = ["Call ID", "Start Date", "Type", "Wait Time", "Talk Time", "Hold Time",
              "Ring Groups", "Agent Name", "Disposition"]  # fmt: skip
    write_csv("talkdesk_calls.csv", header, rows)
    return {**contact_truth(recs), "per_day": per_day, "after_19h_local": late}


# --- 2. Twilio TaskRouter JSON lines -------------------------------------------------------------


@builder
def build_twilio() -> dict[str, Any]:
    rng = random.Random(202)
    days = weekdays(dt.date(2025, 4, 7), dt.date(2025, 4, 11))
    recs, lines = [], []
    for t in spread(rng, days, 14, 9, 17):
        c = draw_call(rng, p_ab=0.16)
        c["start"] = t
        recs.append(c)
        ms = int(t.replace(tzinfo=dt.UTC).timestamp() * 1000) + rng.randint(0, 999)
        ans = c["outcome"] == "answered"
        lines.append({
            "task_sid": "WT" + f"{rng.getrandbits(128):032x}",
            "date_created": ms,
            "task_queue_name": rng.choice(["Sales", "Support"]),
            "channel": "voice",
            "direction": "inbound",
            "worker_name": rng.choice(AGENTS) if ans else None,
            "assignment_status": "completed" if ans else "canceled",
            "canceled_reason": None if ans else "Task canceled: caller hung up",
            "queue_time_ms": c["wait"] * 1000,
            "talk_time_ms": c["talk"] * 1000,
            "hold_time_ms": c["hold"] * 1000,
            "wrapup_time_ms": c["acw"] * 1000,
            "abandoned": not ans,
        })  # fmt: skip
    (OUT / "twilio_tasks.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines))
    return contact_truth(recs)


# --- 3. Avaya CMS split/skill interval report ---------------------------------------------------


@builder
def build_avaya_interval() -> dict[str, Any]:
    rng = random.Random(203)
    rows, off, ab, ans, wait, talk, acw = [], 0, 0, 0, 0, 0, 0
    for d in (dt.date(2025, 3, 17), dt.date(2025, 3, 18)):
        for k in range(16):  # 08:00 .. 16:00
            h0 = dt.datetime.combine(d, dt.time(8)) + dt.timedelta(minutes=30 * k)
            h1 = h0 + dt.timedelta(minutes=30)
            a, b = rng.randint(8, 40), rng.randint(0, 6)
            asa, att, aacw = rng.randint(5, 90), rng.randint(180, 480), rng.randint(20, 90)
            off, ab, ans = off + a + b, ab + b, ans + a
            wait, talk, acw = wait + asa * a, talk + att * a, acw + aacw * a
            rows.append([f"{d.month}/{d.day}/{d.year}", "101 Billing",
                         f"{h0:%H:%M}-{h1:%H:%M}", a + b, a, b, f"{asa // 60}:{asa % 60:02d}",
                         f"{att // 60}:{att % 60:02d}", f"{aacw // 60}:{aacw % 60:02d}",
                         rng.randint(60, 95)])  # fmt: skip
    header = ["Date", "Split/Skill", "Interval", "Calls Offered", "ACD Calls", "Aband Calls",
              "Avg Speed Ans", "Avg ACD Time", "Avg ACW Time", "% Ans Calls within SL"]  # fmt: skip
    write_csv("avaya_cms_interval.csv", header, rows)
    return {"rows": len(rows), "contacts": off, "abandonment_rate": round(ab / off, 4),
            "asa": round(wait / ans, 4), "aht": round((talk + acw) / ans, 4)}  # fmt: skip


# --- 4. Cisco UCCE termination call detail, ms ----------------------------------------------------


@builder
def build_cisco() -> dict[str, Any]:
    rng = random.Random(204)
    days = weekdays(dt.date(2025, 3, 3), dt.date(2025, 3, 7))
    recs, rows = [], []
    for i, t in enumerate(spread(rng, days, 15)):
        c = draw_call(rng, p_ab=0.17)
        c["start"] = t
        recs.append(c)
        ans = c["outcome"] == "answered"
        disp = "Handled" if ans else rng.choice(["Abandoned in Local Queue", "Abandon Ring"])
        ts = t.strftime("%Y-%m-%dT%H:%M:%S") + f".{rng.randint(0, 999):03d}"
        rows.append([ts, 41000 + i * 7, 2000 + rng.randint(0, 3), disp,
                     rng.choice(["5001", "5002", "5007"]) if ans else "",
                     c["wait"] * 1000 + (rng.randint(0, 999) if not ans else 0),
                     c["talk"] * 1000, c["hold"] * 1000, c["acw"] * 1000])  # fmt: skip
    header = ["DateTime", "RecoveryKey", "CallTypeID", "CallDispositionName", "AgentPeripheralNumber",
              "Queue Time (ms)", "Talk Time (ms)", "Hold Time (ms)", "Wrap Up Time (ms)"]  # fmt: skip
    write_csv("cisco_ucce_tcd.csv", header, rows)
    return contact_truth(recs)


# --- 5. Excel: Summary + Calls sheets, header on row 4, numbers as text ------------------------------


@builder
def build_xlsx_two_sheets() -> dict[str, Any]:
    from openpyxl import Workbook

    rng = random.Random(205)
    days = weekdays(dt.date(2025, 5, 5), dt.date(2025, 5, 16))
    recs = []
    wb = Workbook()
    summ = wb.active
    summ.title = "Summary"
    ws = wb.create_sheet("Calls")
    ws["A1"] = "ACME Contact Center — Call Detail"
    ws.merge_cells("A1:H1")
    ws["A2"] = "Generated 2025-05-17 06:00 by WFM Reporting"
    ws.merge_cells("A2:H2")
    header = ["Call Ref", "Call Start", "Queue", "Agent", "Wait Seconds", "Talk Seconds",
              "Hold Seconds", "Wrap Seconds", "Abandoned"]  # fmt: skip
    for j, h in enumerate(header, 1):
        ws.cell(row=4, column=j, value=h)
    r = 5
    for i, t in enumerate(spread(rng, days, 5)):
        c = draw_call(rng, p_ab=0.15)
        c["start"] = t
        recs.append(c)
        ab = c["outcome"] == "abandoned"
        vals = [f"C{10000 + i}", t.strftime("%Y-%m-%d %H:%M:%S"), rng.choice(["Retail", "VIP"]),
                "" if ab else rng.choice(AGENTS), str(c["wait"]), str(c["talk"]),
                str(c["hold"]), str(c["acw"]), "Yes" if ab else "No"]  # fmt: skip
        for j, v in enumerate(vals, 1):
            ws.cell(row=r, column=j, value=v)  # numbers stored as text
        r += 1
    truth = contact_truth(recs)
    summ["A1"] = "Weekly summary"
    summ["A3"], summ["B3"] = "Total calls", truth["rows"]
    summ["A4"], summ["B4"] = "Abandoned", truth["abandoned"]
    summ["A5"], summ["B5"] = "See the Calls sheet for detail", None
    wb.properties.created = wb.properties.modified = dt.datetime(2025, 5, 17, 6, 0)
    buf = io.BytesIO()
    wb.save(buf)
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(OUT / "calls_two_sheets.xlsx", "w") as dst:
        for info in src.infolist():  # fixed member dates: the same bytes on every run
            fixed = zipfile.ZipInfo(info.filename, date_time=(2025, 5, 17, 6, 0, 0))
            data = src.read(info)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the save time
                data = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2025-05-17T06:00:00Z", data
                )
            dst.writestr(fixed, data, zipfile.ZIP_DEFLATED)
    return truth


# --- 6. BOM, CRLF, multiline quoted notes, trailing empty column -----------------------------------


@builder
def build_bom_notes() -> dict[str, Any]:
    rng = random.Random(206)
    days = weekdays(dt.date(2025, 4, 14), dt.date(2025, 4, 25))
    recs, rows = [], []
    notes = ["", "Customer asked about invoice 4411, refund pending", "Called back,\nno answer",
             'Said "urgent", escalated', "Address change; verified ID, DOB"]  # fmt: skip
    for i, t in enumerate(spread(rng, days, 6)):
        c = draw_call(rng, p_ab=0.15)
        c["start"] = t
        recs.append(c)
        ab = c["outcome"] == "abandoned"
        rows.append([f"{900000 + i}", t.strftime("%Y-%m-%d %H:%M:%S"), rng.choice(["Claims", "Policy"]),
                     "" if ab else rng.choice(AGENTS), c["wait"], c["talk"], c["hold"], c["acw"],
                     "Y" if ab else "N", rng.choice(notes), ""])  # fmt: skip
    header = ["Contact ID", "Start Time", "Queue", "Agent", "Wait (sec)", "Talk (sec)",
              "Hold (sec)", "Wrap (sec)", "Abandoned", "Notes", ""]  # fmt: skip
    (OUT / "bom_crlf_notes.csv").write_bytes(
        b"\xef\xbb\xbf" + csv_text(header, rows, crlf=True).encode("utf-8"))  # fmt: skip
    return contact_truth(recs)


# --- 7. TSV ---------------------------------------------------------------------------------------


@builder
def build_tsv() -> dict[str, Any]:
    rng = random.Random(207)
    days = weekdays(dt.date(2025, 6, 2), dt.date(2025, 6, 13))
    recs, rows = [], []
    for i, t in enumerate(spread(rng, days, 7)):
        c = draw_call(rng, p_ab=0.13)
        c["start"] = t
        recs.append(c)
        rows.append([f"int-{i:05d}", t.strftime("%Y-%m-%dT%H:%M:%S"), rng.choice(["EN", "ES"]),
                     c["wait"], c["talk"], c["hold"], c["acw"], c["outcome"]])  # fmt: skip
    header = ["interaction_id", "started_at", "queue", "queue_seconds", "talk_seconds",
              "hold_seconds", "acw_seconds", "outcome"]  # fmt: skip
    write_csv("interactions.tsv", header, rows, sep="\t")
    return contact_truth(recs)


# --- 8. 12-hour lowercase am/pm without seconds ---------------------------------------------------


@builder
def build_ampm_lower() -> dict[str, Any]:
    rng = random.Random(208)
    days = weekdays(dt.date(2025, 3, 3), dt.date(2025, 3, 21))
    recs, rows = [], []
    for t in spread(rng, days, 4):
        t = t.replace(second=0)
        c = draw_call(rng, p_ab=0.18)
        c["start"] = t
        recs.append(c)
        h12 = t.hour % 12 or 12
        stamp = f"{t.month}/{t.day}/{t.year} {h12}:{t.minute:02d} {'am' if t.hour < 12 else 'pm'}"
        rows.append([stamp, f"+1555{rng.randint(1000000, 9999999)}", rng.choice(["Main", "Spanish"]),
                     c["wait"], c["handle"], "N" if c["outcome"] == "abandoned" else "Y"])  # fmt: skip
    header = ["Call Date", "Caller", "Queue", "Wait (s)", "Handle (s)", "Answered (Y/N)"]
    write_csv("ampm_lower.csv", header, rows)
    return contact_truth(recs)


# --- 9. ISO-week weekly report ---------------------------------------------------------------------


@builder
def build_iso_week() -> dict[str, Any]:
    rng = random.Random(209)
    rows, off, ab, ans, wait, hnd = [], 0, 0, 0, 0, 0
    for w in range(2, 22):
        a, b = rng.randint(900, 1600), rng.randint(40, 220)
        asa, aht = rng.randint(15, 80), rng.randint(300, 520)
        off, ab, ans, wait, hnd = off + a + b, ab + b, ans + a, wait + asa * a, hnd + aht * a
        rows.append([f"2025-W{w:02d}", a + b, a, b, asa, aht])
    write_csv("iso_week_report.csv", ["Week", "Offered", "Answered", "Abandoned", "ASA (s)",
                                      "AHT (s)"], rows)  # fmt: skip
    return {"rows": len(rows), "contacts": off, "abandonment_rate": round(ab / off, 4),
            "asa": round(wait / ans, 4), "aht": round(hnd / ans, 4),
            "first_day": dt.date.fromisocalendar(2025, 2, 1).isoformat(),
            "last_day": dt.date.fromisocalendar(2025, 21, 1).isoformat()}  # fmt: skip


# --- 10. Spanish call log, latin-1, ';', decimal comma --------------------------------------------


@builder
def build_spanish() -> dict[str, Any]:
    rng = random.Random(210)
    days = weekdays(dt.date(2025, 2, 3), dt.date(2025, 2, 21))
    recs, rows = [], []
    for t in spread(rng, days, 5):
        c = draw_call(rng, p_ab=0.15)
        if c["outcome"] == "answered":  # Duración (min) with one decimal: handle in 6 s steps
            c["handle"] = rng.randint(10, 150) * 6
        c["start"] = t
        recs.append(c)
        ab = c["outcome"] == "abandoned"
        dur = f"{c['handle'] / 60:.1f}".replace(".", ",")
        rows.append([t.strftime("%d/%m/%Y"), t.strftime("%H:%M:%S"), rng.choice(["Atención", "Ventas"]),
                     "" if ab else rng.choice(AGENTS), c["wait"], dur, "Sí" if ab else "No"])  # fmt: skip
    header = ["Fecha", "Hora", "Cola", "Agente", "Tiempo de espera (seg)", "Duración (min)",
              "Abandonada"]  # fmt: skip
    write_csv("es_llamadas.csv", header, rows, sep=";", encoding="latin-1")
    return contact_truth(recs)


# --- 11. French helpdesk tickets ------------------------------------------------------------------


@builder
def build_french_tickets() -> dict[str, Any]:
    rng = random.Random(211)
    days = weekdays(dt.date(2025, 3, 3), dt.date(2025, 3, 21))
    tix, rows = [], []
    prio = {"urgent": "Urgente", "high": "Haute", "normal": "Normale", "low": "Basse"}
    for i, t in enumerate(spread(rng, days, 4)):
        tk = draw_ticket(rng, t)
        tix.append(tk)
        h = f"{tk['frt'] / 3600:.4f}".rstrip("0").rstrip(".").replace(".", ",")
        res = (
            ""
            if tk["res"] is None
            else f"{tk['res'] / 3600:.4f}".rstrip("0").rstrip(".").replace(".", ",")
        )
        rows.append([f"T-{5000 + i}", t.strftime("%d/%m/%Y %H:%M"), prio[tk["priority"]],
                     "Ouvert" if tk["res"] is None else "Résolu", rng.choice(["E-mail", "Chat"]),
                     h, res])  # fmt: skip
    header = ["N° de ticket", "Date de création", "Priorité", "Statut", "Canal",
              "Délai de première réponse (h)", "Délai de résolution (h)"]  # fmt: skip
    write_csv("fr_tickets.csv", header, rows, sep=";")
    for tk in tix:
        tk["created"] = tk["created"].replace(second=0)
    return ticket_truth(tix)


# --- 12. HubSpot tickets ----------------------------------------------------------------------------


@builder
def build_hubspot() -> dict[str, Any]:
    rng = random.Random(212)
    days = weekdays(dt.date(2025, 4, 1), dt.date(2025, 4, 18))
    tix, rows = [], []
    prio = {"urgent": "HIGH", "high": "HIGH", "normal": "MEDIUM", "low": "LOW"}
    for i, t in enumerate(spread(rng, days, 5)):
        tk = draw_ticket(rng, t.replace(second=0))
        if tk["priority"] == "urgent":  # HubSpot has no "urgent"
            tk["priority"] = "high"
        tix.append(tk)
        closed = "" if tk["res"] is None else (tk["created"] + dt.timedelta(seconds=tk["res"]))
        rows.append([str(780000 + i * 13), f"Ticket {i}", tk["created"].strftime("%Y-%m-%d %H:%M"),
                     "" if closed == "" else closed.strftime("%Y-%m-%d %H:%M"),
                     rng.choice(["New", "Waiting on contact"]) if closed == "" else "Closed",
                     prio[tk["priority"]], hms(tk["frt"]),
                     "" if tk["res"] is None else hms(tk["res"])])  # fmt: skip
    header = ["Ticket ID", "Ticket name", "Create date", "Close date", "Ticket status", "Priority",
              "Time to first agent email reply (HH:mm:ss)", "Time to close (HH:mm:ss)"]  # fmt: skip
    write_csv("hubspot_tickets.csv", header, rows)
    return ticket_truth(tix)


# --- 13. Jira Service Management ---------------------------------------------------------------------


@builder
def build_jira() -> dict[str, Any]:
    rng = random.Random(213)
    days = weekdays(dt.date(2025, 3, 3), dt.date(2025, 3, 14))
    tix, rows = [], []
    prio = {"urgent": "Highest", "high": "High", "normal": "Medium", "low": "Low"}

    def jira_ts(x: dt.datetime) -> str:
        h12 = x.hour % 12 or 12
        return f"{x.day:02d}/{x:%b}/{x:%y} {h12}:{x.minute:02d} {'AM' if x.hour < 12 else 'PM'}"

    def elapsed(sec: int) -> str:
        h, m = sec // 3600, sec % 3600 // 60
        return f"{h}h {m}m" if h else f"{m}m"

    for i, t in enumerate(spread(rng, days, 6)):
        tk = draw_ticket(rng, t.replace(second=0))
        tix.append(tk)
        resolved = (
            "" if tk["res"] is None else jira_ts(tk["created"] + dt.timedelta(seconds=tk["res"]))
        )
        rows.append([f"HELP-{101 + i}", f"Request {i}", rng.choice(["Service Request", "Incident"]),
                     rng.choice(["Open", "In Progress"]) if not resolved else rng.choice(["Resolved", "Closed"]),
                     prio[tk["priority"]], jira_ts(tk["created"]), resolved, elapsed(tk["frt"]),
                     "" if tk["csat"] is None else tk["csat"]])  # fmt: skip
    header = ["Issue key", "Summary", "Issue Type", "Status", "Priority", "Created", "Resolved",
              "Time to first response", "Satisfaction"]  # fmt: skip
    write_csv("jira_sm.csv", header, rows)
    return ticket_truth(tix)


# --- 14. daily summary with percent strings and space thousands ----------------------------------


@builder
def build_daily_pct() -> dict[str, Any]:
    rng = random.Random(214)
    rows, off, ab, ans, wait, sls = [], 0, 0, 0, 0, []
    for d in [dt.date(2025, 1, 1) + dt.timedelta(days=k) for k in range(45)]:
        a, b = rng.randint(700, 1900), rng.randint(20, 190)
        asa = rng.randint(10, 70)
        sl = rng.randint(55, 95)
        off, ab, ans, wait = off + a + b, ab + b, ans + a, wait + asa * a
        sls.append(sl / 100)
        th = lambda n: f"{n:,}".replace(",", " ")  # noqa: E731
        rows.append(
            [d.isoformat(), th(a + b), th(a), th(b), f"{100 * b / (a + b):.1f}%", f"{sl}%", asa]
        )
    write_csv("daily_pct_strings.csv", ["Date", "Offered", "Answered", "Abandoned", "Abandon %",
                                        "SL %", "ASA (sec)"], rows)  # fmt: skip
    return {"rows": len(rows), "contacts": off, "abandonment_rate": round(ab / off, 4),
            "asa": round(wait / ans, 4), "sl_min": min(sls), "sl_max": max(sls)}  # fmt: skip


@builder
def build_quarterly() -> dict[str, Any]:
    rng = random.Random(215)
    rows, off, ab = [], 0, 0
    for y in range(2020, 2025):
        for q in range(1, 5):
            a, b = rng.randint(20000, 45000), rng.randint(900, 5000)
            off, ab = off + a + b, ab + b
            rows.append([f"Q{q} {y}", f"{a + b:,}", f"{b:,}", rng.randint(20, 90)])
    write_csv(
        "quarterly_report.csv", ["Quarter", "Calls Offered", "Calls Abandoned", "ASA (s)"], rows
    )
    return {"rows": len(rows), "contacts": off, "abandonment_rate": round(ab / off, 4)}


# --- 15. agent-level daily report ------------------------------------------------------------------


@builder
def build_agent_daily() -> dict[str, Any]:
    rng = random.Random(216)
    rows, calls, hnd, occ, per_agent = [], 0, 0, [], {}
    for d in weekdays(dt.date(2025, 3, 3), dt.date(2025, 3, 14)):
        for ag in AGENTS[:4]:
            n, aht, o = rng.randint(25, 60), rng.randint(280, 560), rng.randint(62, 92)
            calls, hnd = calls + n, hnd + n * aht
            occ.append(o / 100)
            pa = per_agent.setdefault(ag, [0, 0])
            pa[0], pa[1] = pa[0] + n, pa[1] + n * aht
            rows.append([d.isoformat(), ag, n, aht, f"{o}%"])
    write_csv(
        "agent_daily.csv", ["Date", "Agent", "Calls Handled", "AHT (sec)", "Occupancy %"], rows
    )
    return {"rows": len(rows), "contacts": calls, "aht": round(hnd / calls, 4),
            "aht_jin": round(per_agent["Jin Park"][1] / per_agent["Jin Park"][0], 4),
            "occ_min": min(occ), "occ_max": max(occ)}  # fmt: skip


# --- 16. mixed date formats in one column -------------------------------------------------------------


@builder
def build_mixed_dates() -> dict[str, Any]:
    rng = random.Random(217)
    days = weekdays(dt.date(2025, 3, 3), dt.date(2025, 3, 14))
    recs, rows, per_day = [], [], {}
    for i, t in enumerate(spread(rng, days, 4)):
        c = draw_call(rng, p_ab=0.15)
        c["start"] = t
        recs.append(c)
        iso = i % 9 == 4  # a few ISO dates among dd.mm.yyyy
        per_day[t.date().isoformat()] = per_day.get(t.date().isoformat(), 0) + 1
        rows.append([f"{i + 1}", t.strftime("%Y-%m-%d") if iso else t.strftime("%d.%m.%Y"),
                     t.strftime("%H:%M"), c["wait"], c["handle"],
                     "ja" if c["outcome"] == "abandoned" else "nein"])  # fmt: skip
    write_csv("mixed_dates.csv", ["Nr", "Datum", "Zeit", "Wartezeit (s)", "Bearbeitungszeit (s)",
                                  "Abgebrochen"], rows)  # fmt: skip
    out = contact_truth(recs)
    out["iso_rows"] = sum(1 for i in range(len(rows)) if i % 9 == 4)
    out["per_day"] = per_day
    return out


def main() -> None:
    truths = {name: fn() for name, fn in BUILDERS.items()}
    if "--expected" in sys.argv:
        for name, t in truths.items():
            print(name, json.dumps(t, default=str))


if __name__ == "__main__":
    main()

"""Regenerate the ninth blind acceptance corpus (tests/test_real_exports_9.py).

    .venv/bin/python tests/data/exports9/make_exports.py             # write the files
    .venv/bin/python tests/data/exports9/make_exports.py --expected  # also print the truth

Each builder draws tickets or survey responses with its own seeded ``random.Random``, writes
them the way the tool's export looks, and returns the KPIs computed in plain Python over the
drawn records -- never with KPI Lab code.

Conventions (the registry's documented definitions, kpi/metrics/registry.py + tickets.py + sql.py):

* contacts = every ticket / survey response (one row each);
* FRT = mean seconds to the first agent reply over replied tickets; resolution time = mean
  (median) seconds from creation to *resolved* over solved tickets (calendar time: business-hours
  figures are distractors; a close after the resolve -- ServiceNow, Freshdesk -- is not it);
* response / resolution SLA (default targets urgent 1/4 h, high 4/24 h, normal 8/72 h, low
  24/120 h; an unknown priority gets the normal target): within ÷ (tickets with the time + open
  tickets older than their target at the data's end = the latest creation or solved time);
* backlog over the whole file (grain "all"): the level at the end of the last creation day =
  open tickets (no solved time, not in a closed status) + tickets solved after that day;
* CSAT = mean of 1-5 ratings (Zendesk good/bad = 5/1, "offered" is no response), top-2 box =
  share >= 4; NPS = 100 × (promoters 9-10 − detractors 0-6) ÷ responses; CES = mean 1-7;
  escalation rate = escalated ÷ tickets.

Round 9 shapes: ServiceNow incident list (field names, resolved_at vs a later closed_at,
Canceled, business_stc beside calendar_stc), Jira Service Management with SLA *remaining* time
("-2h 15m" = breached), a Salesforce case report (m/d/yyyy h:mm AM, "Age (Hours)" that keeps
growing for open cases, Closed / Escalated 0/1, report footer lines), Zendesk satisfaction
ratings (good/bad/offered), Qualtrics NPS (three header rows: names, question text, ImportId
JSON), SurveyMonkey (two header rows, 12-hour US dates), a Medallia survey with NPS + CES + CSAT,
a Zoho Desk workbook (summary sheet first, merged title, Excel serial dates, numbers stored as
text, a Total row), a Gorgias export saved for Excel (UTF-8 BOM, "sep=;" line, CRLF, decimal
commas), a Spanish Latin-1 ticket export, a Freshdesk "All tickets" export with multi-line quoted
descriptions (CRLF, trailing blank line), a warehouse parquet (Europe/Paris tz-aware timestamps,
categorical columns) and Zendesk API tickets as JSON lines with a nested metric set
(calendar / business minutes).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import random
import statistics
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/data: export_kit
from export_kit import (  # noqa: E402
    Builders,
    csv_text,
    mean,
    save_xlsx,
    spread,
    weekdays,
)  # fmt: skip

OUT = Path(__file__).resolve().parent
BUILD = Builders(OUT)
builder, write_csv = BUILD, BUILD.write_csv
MAY = weekdays(dt.date(2024, 5, 6), dt.date(2024, 5, 17))  # days 13+ disambiguate d/m
AGENTS = ["Maya Lopez", "Omar Haddad", "Jin Park", "Sara Novak", "Luca Bianchi", "Ada Okafor"]
PRIOS = ["urgent", "high", "normal", "low"]
RSP_H = {"urgent": 1, "high": 4, "normal": 8, "low": 24}
RES_H = {"urgent": 4, "high": 24, "normal": 72, "low": 120}
H = 3600


def r4(x: float) -> float:
    return round(x, 4)


def q_up(x: float, q: int) -> int:
    return int(q * math.ceil(x / q))


def draw_ticket(
    rng: random.Random, t: dt.datetime, qf: int = 60, qr: int = 60, p_reply: float = 0.88,
    p_solved: float = 0.72,
) -> dict[str, Any]:  # fmt: skip
    """created, canonical priority, frt / res seconds (None when not replied / not solved)."""
    prio = rng.choices(PRIOS, [1, 3, 5, 2])[0]
    replied = rng.random() < p_reply
    frt = q_up(rng.choice([rng.uniform(60, H), rng.uniform(1800, 6 * H),
                           rng.uniform(4 * H, 30 * H)]), qf) if replied else None  # fmt: skip
    solved = replied and rng.random() < p_solved
    extra = rng.choice([rng.uniform(600, 6 * H), rng.uniform(6 * H, 48 * H),
                        rng.uniform(40 * H, 150 * H)])  # fmt: skip
    res = q_up(frt + extra, qr) if solved and frt is not None else None
    return {"created": t, "prio": prio, "frt": frt, "res": res, "closed": False}


def ticket_truth(recs: list[dict[str, Any]], solved_stamps: bool = True) -> dict[str, Any]:
    """The ticket KPIs of the module docstring; ``closed`` = a closed status with no solved time.

    ``solved_stamps``: the file has a solved timestamp column (the data's end includes it)."""
    created = [r["created"] for r in recs]
    solved_at = [
        r["created"] + dt.timedelta(seconds=r["res"]) for r in recs if r["res"] is not None
    ]
    end = max(created + solved_at) if solved_stamps else max(created)
    last_day = max(created).date()
    frts = [r["frt"] for r in recs if r["frt"] is not None]
    ress = [r["res"] for r in recs if r["res"] is not None]

    def is_open(r: dict[str, Any]) -> bool:
        return r["res"] is None and not r["closed"]

    def age(r: dict[str, Any]) -> float:
        return (end - r["created"]).total_seconds()

    def prio(r: dict[str, Any]) -> str:
        return r["prio"] or "normal"

    rsp_den = [r for r in recs
               if r["frt"] is not None or (is_open(r) and age(r) > RSP_H[prio(r)] * H)]  # fmt: skip
    rsp_num = [r for r in rsp_den if r["frt"] is not None and r["frt"] <= RSP_H[prio(r)] * H]
    res_den = [r for r in recs
               if r["res"] is not None or (is_open(r) and age(r) > RES_H[prio(r)] * H)]  # fmt: skip
    res_num = [r for r in res_den if r["res"] is not None and r["res"] <= RES_H[prio(r)] * H]
    late = [r for r in recs if r["res"] is not None
            and (r["created"] + dt.timedelta(seconds=r["res"])).date() > last_day]  # fmt: skip
    out: dict[str, Any] = {
        "rows": len(recs),
        "contacts": len(recs),
        "first_day": min(created).date().isoformat(),
        "last_day": last_day.isoformat(),
        "resolution_time": r4(mean(ress)),
        "resolution_time_median": r4(statistics.median(ress)),
        "resolution_sla": r4(len(res_num) / len(res_den)),
        "backlog": sum(is_open(r) for r in recs) + len(late),
        "solved": len(ress),
        "open": sum(is_open(r) for r in recs),
    }
    if frts:
        out["frt"] = r4(mean(frts))
        out["response_sla"] = r4(len(rsp_num) / len(rsp_den))
        out["replied"] = len(frts)
    rated = [r["csat"] for r in recs if r.get("csat") is not None]
    if rated:
        out["csat"] = r4(mean(rated))
        out["csat_top2"] = r4(sum(x >= 4 for x in rated) / len(rated))
    return out


def survey_truth(recs: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {"rows": len(recs), "contacts": len(recs)}
    nps = [r["nps"] for r in recs if r.get("nps") is not None]
    if nps:
        prom, det = sum(x >= 9 for x in nps), sum(x <= 6 for x in nps)
        out["nps"] = r4(100 * (prom - det) / len(nps))
        out["nps_responses"] = len(nps)
    for k in ("csat", "ces"):
        xs = [r[k] for r in recs if r.get(k) is not None]
        if xs:
            out[k] = r4(mean(xs))
            if k == "csat":
                out["csat_top2"] = r4(sum(x >= 4 for x in xs) / len(xs))
    starts = [r["start"] for r in recs]
    out["first_day"] = min(starts).date().isoformat()
    out["last_day"] = max(starts).date().isoformat()
    return out


def dur_jira(sec: int) -> str:
    """Jira's "2h 15m" / "-2h 15m" / "45m" / "1d 3h" style (sign kept)."""
    sign, sec = ("-" if sec < 0 else ""), abs(sec)
    d, h, m = sec // 86400, sec % 86400 // 3600, sec % 3600 // 60
    parts = [f"{d}d"] * bool(d) + [f"{h}h"] * bool(h) + [f"{m}m"] * bool(m or not (d or h))
    return sign + " ".join(parts)


def us_ampm(t: dt.datetime, secs: bool = False) -> str:
    h12 = t.hour % 12 or 12
    tail = f":{t.second:02d}" if secs else ""
    return f"{t.month}/{t.day}/{t.year} {h12}:{t.minute:02d}{tail} {'AM' if t.hour < 12 else 'PM'}"


def minute(t: dt.datetime) -> dt.datetime:
    return t.replace(second=0)


def nps_draw(rng: random.Random) -> int:
    return rng.choice([10, 10, 9, 9, 9, 8, 8, 7, 7, 6, 5, 3, 2, 0, 10, 9])


# --- 1. ServiceNow incident list export (field names) ----------------------------------------------


@builder
def build_servicenow_incidents() -> dict[str, Any]:
    # number INC0010023; opened_at / resolved_at / closed_at (closed 7 days after the resolve,
    # when that is before the export on 27 May); state New / In Progress / On Hold / Resolved /
    # Closed / Canceled (closed_at set, never resolved); priority "1 - Critical" .. "5 -
    # Planning"; calendar_stc = resolve seconds, business_stc = business-hours seconds
    # (distractor); made_sla true/false; reassignment_count.
    rng = random.Random(901)
    export = dt.datetime(2024, 5, 27, 8, 0)
    words = {"urgent": ["1 - Critical"], "high": ["2 - High"], "normal": ["3 - Moderate"],
             "low": ["4 - Low", "5 - Planning"]}  # fmt: skip
    recs, rows = [], []
    for i, t in enumerate(spread(rng, MAY, 6, 7, 19)):
        r = draw_ticket(rng, t, p_reply=1.0, p_solved=0.75)
        r["frt"] = None  # an incident list has no first-response time
        canceled = r["res"] is None and rng.random() < 0.3
        r["closed"] = canceled
        recs.append(r)
        resolved = t + dt.timedelta(seconds=r["res"]) if r["res"] is not None else None
        if canceled:
            state, closed = "Canceled", t + dt.timedelta(hours=rng.randint(1, 30))
        elif resolved is None:
            state, closed = rng.choice(["New", "In Progress", "In Progress", "On Hold"]), None
        elif resolved + dt.timedelta(days=7) <= export:
            state, closed = "Closed", resolved + dt.timedelta(days=7)
        else:
            state, closed = "Resolved", None
        made = r["res"] is not None and r["res"] <= RES_H[r["prio"]] * H
        stamps = [s for s in (t, resolved, closed) if s is not None]
        rows.append([
            f"INC00{10023 + i}", f"{t:%Y-%m-%d %H:%M:%S}",
            rng.choice(["Email not syncing", "VPN drops, reconnect fails", "Printer offline",
                        "Password reset", "Laptop slow after update"]),
            rng.choice(["Abel Tuter", "Beth Anglin", "Fred Luddy", "Bud Richman"]),
            rng.choice(["Network", "Software", "Hardware", "Inquiry / Help"]),
            rng.choice(words[r["prio"]]), state,
            rng.choice(["Service Desk", "Network", "Hardware"]),
            rng.choice(AGENTS) if state != "New" else "",
            f"{resolved:%Y-%m-%d %H:%M:%S}" if resolved else "",
            f"{closed:%Y-%m-%d %H:%M:%S}" if closed else "",
            r["res"] if r["res"] is not None else 0,
            int(r["res"] * 0.31) if r["res"] is not None else 0,
            "true" if made else "false", rng.choice([0, 0, 0, 1, 1, 2, 3]), 0,
            f"{max(stamps):%Y-%m-%d %H:%M:%S}",
        ])  # fmt: skip
    write_csv(
        "servicenow_incidents.csv",
        ["number", "opened_at", "short_description", "caller_id", "category", "priority",
         "state", "assignment_group", "assigned_to", "resolved_at", "closed_at", "calendar_stc",
         "business_stc", "made_sla", "reassignment_count", "reopen_count", "sys_updated_on"],
        rows,
    )  # fmt: skip
    t = ticket_truth(recs)
    t["canceled"] = sum(r["closed"] for r in recs)
    return t


# --- 2. Jira Service Management: SLA fields show the time *remaining* ---------------------------------


@builder
def build_jsm_sla_remaining() -> dict[str, Any]:
    # "Time to first response" / "Time to resolution" are JSM SLA fields: goal - elapsed at the
    # stop (or now, while running): "3h 20m" = met with 3h 20m to spare, "-2h 15m" = breached by
    # 2h 15m. They are not elapsed times. Created / Resolved "06/May/24 9:14 AM"; Satisfaction
    # 1-5 (blank when not rated).
    rng = random.Random(902)
    now = dt.datetime(2024, 5, 20, 9, 0)
    words = {"urgent": "Highest", "high": "High", "normal": "Medium", "low": "Low"}
    recs, rows = [], []

    def jd(x: dt.datetime) -> str:
        return f"{x:%d/%b/%y} {x.hour % 12 or 12}:{x.minute:02d} {'AM' if x.hour < 12 else 'PM'}"

    for i, t in enumerate(spread(rng, MAY, 5, 8, 18)):
        t = minute(t)
        r = draw_ticket(rng, t, p_reply=0.9, p_solved=0.75)
        r["csat"] = rng.choice([None, None, 1, 2, 3, 4, 4, 5, 5, 5]) if r["res"] else None
        recs.append(r)
        res_at = t + dt.timedelta(seconds=r["res"]) if r["res"] is not None else None
        f_el = r["frt"] if r["frt"] is not None else int((now - t).total_seconds())
        r_el = r["res"] if r["res"] is not None else int((now - t).total_seconds())
        status = (rng.choice(["Resolved", "Closed"]) if res_at else
                  rng.choice(["Waiting for support", "Waiting for customer", "In Progress"]))  # fmt: skip
        rows.append([
            f"Request {i}", f"HELP-{201 + i}", f"{10450 + i}", "Get IT help", status,
            words[r["prio"]], rng.choice(AGENTS), "customer@example.com", jd(t),
            jd(res_at or t + dt.timedelta(hours=2)), jd(res_at) if res_at else "",
            "Done" if res_at else "", dur_jira(RSP_H[r["prio"]] * H - f_el),
            dur_jira(RES_H[r["prio"]] * H - r_el), "" if r["csat"] is None else r["csat"],
        ])  # fmt: skip
    write_csv(
        "jsm_sla_remaining.csv",
        ["Summary", "Issue key", "Issue id", "Request Type", "Status", "Priority", "Assignee",
         "Reporter", "Created", "Updated", "Resolved", "Resolution", "Time to first response",
         "Time to resolution", "Satisfaction"],
        rows,
    )  # fmt: skip
    t = ticket_truth(recs)
    t["breached_frt_cells"] = sum(row[12].startswith("-") for row in rows)
    return t


# --- 3. Salesforce Service Cloud case report (report export with footer) ------------------------------


@builder
def build_salesforce_case_report() -> dict[str, Any]:
    # Opened / Closed Date "5/6/2024 9:14 AM"; "Age (Hours)" = opened -> closed for closed
    # cases but opened -> report run (5/20/2024 8:00 AM) for open ones (not a resolution time);
    # "Closed" and "Escalated" 0/1 checkboxes; Status New / Working / Escalated / On Hold /
    # Closed; footer: Grand Totals, report name, copyright, confidentiality, generated by.
    rng = random.Random(903)
    run = dt.datetime(2024, 5, 20, 8, 0)
    words = {"urgent": "High", "high": "High", "normal": "Medium", "low": "Low"}
    recs, rows = [], []
    for i, t in enumerate(spread(rng, MAY, 6, 7, 19)):
        t = minute(t)
        r = draw_ticket(rng, t, p_reply=0.95, p_solved=0.75)
        r["prio"] = {"urgent": "high"}.get(r["prio"], r["prio"])  # Salesforce: High/Medium/Low
        r["frt"] = None
        esc = rng.random() < 0.18
        r["esc"] = esc
        recs.append(r)
        closed = t + dt.timedelta(seconds=r["res"]) if r["res"] is not None else None
        age = (r["res"] if closed else (run - t).total_seconds()) / H
        status = "Closed" if closed else ("Escalated" if esc else
                                          rng.choice(["New", "Working", "Working", "On Hold"]))  # fmt: skip
        rows.append([
            rng.choice(AGENTS), rng.choice(["Login issue", "Billing question", "Order status",
                                            "Refund request"]),
            f"{1027 + i:08d}", rng.choice(["Phone", "Email", "Web"]), words[r["prio"]], status,
            us_ampm(t), us_ampm(closed) if closed else "", f"{age:.1f}", int(bool(closed)),
            int(esc), rng.choice(["Acme Corp", "Globex", "Initech", "Umbrella"]),
        ])  # fmt: skip
    head = ["Case Owner", "Subject", "Case Number", "Case Origin", "Priority", "Status",
            "Opened Date", "Closed Date", "Age (Hours)", "Closed", "Escalated", "Account Name"]  # fmt: skip
    foot = [
        [f"Grand Totals ({len(rows)} records)"], [],
        ["Open and Closed Cases by Owner"],
        ["Copyright (c) 2000-2024 salesforce.com, inc. All rights reserved."],
        ["Confidential Information - Do Not Distribute"],
        ["Generated By:  Maya Lopez  5/20/2024 8:00 AM"], ["Acme Support"],
    ]  # fmt: skip
    (OUT / "salesforce_case_report.csv").write_text(
        csv_text([head, *rows]) + csv_text(foot, quoting=1), encoding="utf-8"
    )
    t = ticket_truth(recs)
    t["escalation_rate"] = r4(sum(r["esc"] for r in recs) / len(recs))
    return t


# --- 4. Zendesk satisfaction ratings (API fields, good / bad / offered) ------------------------------


@builder
def build_zendesk_satisfaction() -> dict[str, Any]:
    rng = random.Random(904)
    recs, rows = [], []
    reasons = ["The issue took too long to resolve", "The issue was not resolved",
               "The agent's knowledge is unsatisfactory", "Some other reason"]  # fmt: skip
    for i, t in enumerate(spread(rng, MAY, 7, 8, 20)):
        score = rng.choice(["good", "good", "good", "bad", "offered", "good", "bad", "offered"])
        csat = {"good": 5, "bad": 1}.get(score)
        recs.append({"start": t, "csat": csat})
        upd = t + dt.timedelta(minutes=rng.randint(0, 300))
        rows.append([
            360000100000 + i * 17, 5120 + i * 3, score,
            rng.choice(reasons) if score == "bad" else "",
            rng.choice(["", "Thanks, quick and friendly!", "Still waiting, \"fixed\" twice",
                        "ok"]) if score != "offered" else "",
            384000000 + rng.randint(0, 999), 371000000 + rng.randint(0, 5),
            360001000 + rng.randint(0, 2), f"{t:%Y-%m-%dT%H:%M:%SZ}", f"{upd:%Y-%m-%dT%H:%M:%SZ}",
        ])  # fmt: skip
    write_csv(
        "zendesk_satisfaction_ratings.csv",
        ["id", "ticket_id", "score", "reason", "comment", "requester_id", "assignee_id",
         "group_id", "created_at", "updated_at"],
        rows,
    )  # fmt: skip
    t = survey_truth(recs)
    t["offered"] = sum(r["csat"] is None for r in recs)
    return t


# --- 5. Qualtrics NPS survey: three header rows ---------------------------------------------------------


@builder
def build_qualtrics_nps() -> dict[str, Any]:
    # Row 1 the column names (Q1, Q1_NPS_GROUP, Q2, Q3), row 2 the question texts, row 3
    # ImportId JSON; "Duration (in seconds)" is the time taken to answer the survey. Q1 NPS 0-10,
    # Q3 satisfaction 1-5 (blank when the respondent stopped: Finished False, Progress < 100).
    rng = random.Random(905)
    recs, rows = [], []
    for i, t in enumerate(spread(rng, MAY, 6, 8, 18)):
        n = nps_draw(rng)
        finished = rng.random() < 0.85
        csat = rng.choice([5, 5, 4, 4, 4, 3, 2, 1]) if finished else None
        recs.append({"start": t, "nps": n, "csat": csat})
        took = rng.randint(25, 400)
        end = t + dt.timedelta(seconds=took)
        group = "Promoter" if n >= 9 else "Passive" if n >= 7 else "Detractor"
        rows.append([
            f"{t:%Y-%m-%d %H:%M:%S}", f"{end:%Y-%m-%d %H:%M:%S}", "IP Address",
            f"203.0.113.{rng.randint(1, 254)}", 100 if finished else rng.choice([33, 67]), took,
            "True" if finished else "False", f"{end:%Y-%m-%d %H:%M:%S}",
            f"R_{rng.getrandbits(60):015x}"[:17], "", "", "", "", "39.7392", "-104.9903",
            "email", "EN", n, group,
            rng.choice(["", "Fast answer", "Had to explain twice, then \"escalated\"", "n/a"]),
            "" if csat is None else csat, f"T-{7000 + i}",
        ])  # fmt: skip
    names = ["StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)",
             "Finished", "RecordedDate", "ResponseId", "RecipientLastName", "RecipientFirstName",
             "RecipientEmail", "ExternalReference", "LocationLatitude", "LocationLongitude",
             "DistributionChannel", "UserLanguage", "Q1", "Q1_NPS_GROUP", "Q2", "Q3",
             "TicketID"]  # fmt: skip
    texts = ["Start Date", "End Date", "Response Type", "IP Address", "Progress",
             "Duration (in seconds)", "Finished", "Recorded Date", "Response ID",
             "Recipient Last Name", "Recipient First Name", "Recipient Email",
             "External Data Reference", "Location Latitude", "Location Longitude",
             "Distribution Channel", "User Language",
             "How likely are you to recommend Acme Support to a friend or colleague?",
             "How likely are you to recommend Acme Support to a friend or colleague? - Group",
             "What is the main reason for your score?",
             "Overall, how satisfied are you with the support you received? (1 = very "
             "dissatisfied, 5 = very satisfied)", "TicketID"]  # fmt: skip
    ids = [{"ImportId": "startDate", "timeZone": "America/Denver"},
           {"ImportId": "endDate", "timeZone": "America/Denver"}, {"ImportId": "status"},
           {"ImportId": "ipAddress"}, {"ImportId": "progress"}, {"ImportId": "duration"},
           {"ImportId": "finished"}, {"ImportId": "recordedDate", "timeZone": "America/Denver"},
           {"ImportId": "_recordId"}, {"ImportId": "recipientLastName"},
           {"ImportId": "recipientFirstName"}, {"ImportId": "recipientEmail"},
           {"ImportId": "externalDataReference"}, {"ImportId": "locationLatitude"},
           {"ImportId": "locationLongitude"}, {"ImportId": "distributionChannel"},
           {"ImportId": "userLanguage"}, {"ImportId": "QID1"}, {"ImportId": "QID1_NPS_GROUP"},
           {"ImportId": "QID2_TEXT"}, {"ImportId": "QID3"}, {"ImportId": "TicketID"}]  # fmt: skip
    third = [json.dumps(x, separators=(",", ":")) for x in ids]
    write_csv("qualtrics_nps.csv", names, [texts, third, *rows])
    return survey_truth(recs)


# --- 6. SurveyMonkey: two header rows, 12-hour US dates -------------------------------------------------


@builder
def build_surveymonkey() -> dict[str, Any]:
    # Row 1 question texts, row 2 "Response" / "Open-Ended Response" under the questions;
    # numerical answers (NPS 0-10, satisfaction 1-5); Custom Data 1 = ticket number.
    rng = random.Random(906)
    recs, rows = [], []
    for i, t in enumerate(spread(rng, MAY, 5, 8, 18)):
        n = nps_draw(rng) if rng.random() < 0.94 else None
        csat = rng.choice([5, 5, 4, 4, 3, 3, 2, 1, None])
        recs.append({"start": t, "nps": n, "csat": csat})
        end = t + dt.timedelta(seconds=rng.randint(30, 500))
        rows.append([
            114000000000 + rng.randint(0, 9999999) * 7 + i, 431234567,
            us_ampm(t, secs=True), us_ampm(end, secs=True), f"198.51.100.{rng.randint(1, 254)}",
            "", "", "", f"T-{88000 + i}", "" if n is None else n, "" if csat is None else csat,
            rng.choice(["", "Faster replies please", "Great, thanks!"]),
        ])  # fmt: skip
    head1 = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address",
             "Email Address", "First Name", "Last Name", "Custom Data 1",
             "How likely is it that you would recommend Acme Support to a friend or colleague?",
             "Overall, how satisfied or dissatisfied are you with the support you received?",
             "What could we do better?"]  # fmt: skip
    head2 = ["", "", "", "", "", "", "", "", "", "Response", "Response", "Open-Ended Response"]
    write_csv("surveymonkey_nps_csat.csv", head1, [head2, *rows])
    return survey_truth(recs)


# --- 7. Medallia CX survey: NPS, CES and CSAT in one export ---------------------------------------------


@builder
def build_medallia_survey() -> dict[str, Any]:
    rng = random.Random(907)
    recs, rows = [], []
    for i, t in enumerate(spread(rng, MAY, 7, 8, 18)):
        n = nps_draw(rng) if rng.random() < 0.95 else None
        ces = rng.choice([1, 1, 2, 2, 2, 3, 3, 4, 5, 6, 7, None, None])
        csat = rng.choice([5, 5, 5, 4, 4, 3, 2, 1, None])
        recs.append({"start": t, "nps": n, "ces": ces, "csat": csat})
        rows.append([
            f"MDL-{5520000 + i * 13}", f"{t:%Y-%m-%d %H:%M:%S}", f"CT-{301000 + i}",
            rng.choice(["Voice", "Chat", "Email"]), rng.choice(AGENTS),
            "" if n is None else n, "" if ces is None else ces, "" if csat is None else csat,
            rng.choice(["", "Easy, one call.", "Transferred 3 times; 45 min on hold"]),
        ])  # fmt: skip
    write_csv(
        "medallia_cx_survey.csv",
        ["Survey ID", "Response Date", "Interaction ID", "Channel", "Agent Name",
         "Likelihood to Recommend (0-10)", "Customer Effort Score (1-7)",
         "Overall Satisfaction (1-5)", "Verbatim"],
        rows,
    )  # fmt: skip
    return survey_truth(recs)


# --- 8. Zoho Desk workbook: summary sheet first, merged title, serial dates, text numbers ----------------


@builder
def build_zoho_desk_xlsx() -> dict[str, Any]:
    # Sheet 1 "Summary" (counts by status, "% within SLA" percent-formatted); sheet 2 "Tickets":
    # merged title A1:J1, a "Generated" line, a blank row, the header; Created / Closed Time as
    # Excel serial numbers in General format; first response / resolution hours stored as text
    # ("2.75"); a last "Total" row (count and averages).
    import openpyxl

    rng = random.Random(908)
    words = {"urgent": "Urgent", "high": "High", "normal": "Medium", "low": "Low"}
    epoch = dt.datetime(1899, 12, 30)
    recs = []
    for t in spread(rng, MAY, 5, 8, 18):
        r = draw_ticket(rng, t, qf=36, qr=36, p_reply=0.9, p_solved=0.7)
        recs.append(r)
    wb = openpyxl.Workbook()
    s = wb.active
    s.title = "Summary"
    s.append(["Zoho Desk - Tickets by Status"])
    s.append(["Status", "Tickets", "% within SLA"])
    for st in ("Open", "On Hold", "Closed"):
        s.append([st, rng.randint(5, 30), round(rng.uniform(0.6, 0.95), 3)])
        s.cell(s.max_row, 3).number_format = "0.0%"
    ws = wb.create_sheet("Tickets")
    ws.append(["Zoho Desk - All Tickets (06 May 2024 - 17 May 2024)"])
    ws.merge_cells("A1:J1")
    ws.append(["Generated on 20 May 2024 08:00 AM"])
    ws.append([])
    ws.append(["Ticket Id", "Subject", "Department", "Priority", "Status", "Channel",
               "Created Time", "Closed Time", "First Response Time (Hrs)",
               "Resolution Time (Hrs)"])  # fmt: skip
    for i, r in enumerate(recs):
        t = r["created"]
        closed = t + dt.timedelta(seconds=r["res"]) if r["res"] is not None else None
        status = "Closed" if closed else rng.choice(["Open", "On Hold", "Escalated"])
        ws.append([
            f"#{1200 + i}", rng.choice(["Refund", "Login", "Shipping delay"]),
            rng.choice(["Support", "Sales"]), words[r["prio"]], status,
            rng.choice(["Email", "Web", "Phone"]),
            round((t - epoch).total_seconds() / 86400, 8),
            round((closed - epoch).total_seconds() / 86400, 8) if closed else None,
            f"{r['frt'] / H:.2f}" if r["frt"] is not None else "",
            f"{r['res'] / H:.2f}" if r["res"] is not None else "",
        ])  # fmt: skip
    frts = [r["frt"] / H for r in recs if r["frt"] is not None]
    ress = [r["res"] / H for r in recs if r["res"] is not None]
    ws.append(["Total", f"{len(recs)} tickets", "", "", "", "", None, None,
               f"{mean(frts):.2f}", f"{mean(ress):.2f}"])  # fmt: skip
    save_xlsx(wb, OUT / "zoho_desk_tickets.xlsx")  # the same bytes on every run
    return ticket_truth(recs)


# --- 9. Gorgias export saved for Excel: UTF-8 BOM, "sep=;", CRLF, decimal commas ------------------------


@builder
def build_gorgias_excel_sep() -> dict[str, Any]:
    rng = random.Random(909)
    recs, rows = [], []
    for i, t in enumerate(spread(rng, MAY, 6, 8, 20)):
        r = draw_ticket(rng, t, qf=30, qr=30, p_reply=0.9, p_solved=0.75)
        r["prio"] = None  # Gorgias tickets have no priority: every SLA is the normal one
        r["csat"] = rng.choice([None, None, 5, 5, 4, 3, 1]) if r["res"] is not None else None
        recs.append(r)
        closed = t + dt.timedelta(seconds=r["res"]) if r["res"] is not None else None
        rows.append([
            f"{41800000 + i * 29}", rng.choice(["Where is my order?", "Return label",
                                                "Promo code, not working"]),
            "closed" if closed else "open", rng.choice(["email", "chat", "facebook", "phone"]),
            f"{t:%d/%m/%Y %H:%M:%S}", f"{closed:%d/%m/%Y %H:%M:%S}" if closed else "",
            rng.choice(AGENTS) if r["frt"] is not None else "",
            rng.choice(["order-status", "refund", "vip", ""]),
            f"{r['frt'] / 60:.1f}".replace(".", ",") if r["frt"] is not None else "",
            f"{r['res'] / 60:.1f}".replace(".", ",") if r["res"] is not None else "",
            "" if r["csat"] is None else r["csat"],
        ])  # fmt: skip
    head = ["Ticket id", "Subject", "Status", "Channel", "Created date", "Closed date",
            "Assignee", "Tags", "First response time (minutes)", "Resolution time (minutes)",
            "Satisfaction score"]  # fmt: skip
    text = "sep=;\r\n" + csv_text([head, *rows], sep=";", eol="\r\n")
    (OUT / "gorgias_excel_sep.csv").write_bytes(text.encode("utf-8-sig"))
    return ticket_truth(recs)


# --- 10. Spanish ticket export in Latin-1 (cp1252) ------------------------------------------------------------


@builder
def build_spanish_latin1() -> dict[str, Any]:
    # ';', dd/mm/yyyy hh:mm, "Nº ticket", accents in headers and names; first response in
    # minutes "12,5", resolution in hours "26,75" (no solved timestamp); Estado Abierto /
    # Pendiente / Resuelto / Cerrado; Prioridad Urgente / Alta / Media / Baja; Satisfacción 1-5.
    rng = random.Random(910)
    words = {"urgent": "Urgente", "high": "Alta", "normal": "Media", "low": "Baja"}
    agents = ["Íñigo Peña", "Begoña Ruíz", "José Álvarez", "María Muñoz"]
    recs, rows = [], []
    for i, t in enumerate(spread(rng, MAY, 5, 8, 19)):
        t = minute(t)
        r = draw_ticket(rng, t, qf=30, qr=36, p_reply=0.9, p_solved=0.7)
        r["csat"] = rng.choice([None, 5, 4, 4, 3, 2]) if r["res"] is not None else None
        recs.append(r)
        estado = (
            rng.choice(["Resuelto", "Cerrado"])
            if r["res"]
            else rng.choice(["Abierto", "Pendiente"])
        )
        rows.append([
            f"SOP-{3300 + i}", f"{t:%d/%m/%Y %H:%M}", words[r["prio"]], estado,
            rng.choice(["Correo electrónico", "Teléfono", "Chat"]), rng.choice(agents),
            f"{r['frt'] / 60:.1f}".replace(".", ",") if r["frt"] is not None else "",
            f"{r['res'] / H:.2f}".replace(".", ",") if r["res"] is not None else "",
            "" if r["csat"] is None else r["csat"],
        ])  # fmt: skip
    head = ["Nº ticket", "Fecha de creación", "Prioridad", "Estado", "Canal", "Agente",
            "Tiempo de primera respuesta (min)", "Tiempo de resolución (h)", "Satisfacción"]  # fmt: skip
    (OUT / "tickets_soporte_latin1.csv").write_bytes(
        csv_text([head, *rows], sep=";").encode("cp1252")
    )
    return ticket_truth(recs)  # the data's end: creation + resolution time included


# --- 11. Freshdesk "All tickets": multi-line quoted descriptions, CRLF, trailing blank line --------------


@builder
def build_freshdesk_multiline() -> dict[str, Any]:
    # Description with embedded CRLF / LF, "" quotes and commas; Created / Initial response /
    # Resolved / Closed time stamps beside "First response time (in hrs)" and "Resolution time
    # (in hrs)"; "Time tracked" "00:45" (agent time logged, not a response or handle time);
    # Agent / Customer interactions counts; Status Open / Pending / Resolved / Closed.
    rng = random.Random(911)
    words = {"urgent": "Urgent", "high": "High", "normal": "Medium", "low": "Low"}
    descs = [
        'Hi,\r\nmy order #{n} arrived damaged.\r\nPhotos attached, "box crushed".\r\n\r\nThanks',
        'Can\'t log in since the update, error "401", tried twice,\nreset too.',
        'Invoice {n} shows 2x shipping; please refund, thx.\n-- \nSent from my "phone"',
        "Short question: do you ship to Norway?",
    ]
    recs, rows = [], []
    for i, t in enumerate(spread(rng, MAY, 6, 8, 19)):
        r = draw_ticket(rng, t, qf=36, qr=36, p_reply=0.9, p_solved=0.72)
        recs.append(r)
        first = t + dt.timedelta(seconds=r["frt"]) if r["frt"] is not None else None
        res = t + dt.timedelta(seconds=r["res"]) if r["res"] is not None else None
        status = rng.choice(["Resolved", "Closed"]) if res else rng.choice(["Open", "Pending"])
        closed = res + dt.timedelta(hours=rng.randint(24, 72)) if status == "Closed" else None
        due = t + dt.timedelta(hours=RES_H[r["prio"]])
        rows.append([
            5600 + i, rng.choice(["Damaged order", "Login problem", "Refund", "Shipping"]),
            rng.choice(descs).format(n=rng.randint(10000, 99999)), status, words[r["prio"]],
            rng.choice(["Email", "Portal", "Chat", "Phone"]), rng.choice(AGENTS),
            rng.choice(["Billing", "Tier 1"]), f"{t:%Y-%m-%d %H:%M:%S}",
            f"{due:%Y-%m-%d %H:%M:%S}", f"{first:%Y-%m-%d %H:%M:%S}" if first else "",
            f"{res:%Y-%m-%d %H:%M:%S}" if res else "",
            f"{closed:%Y-%m-%d %H:%M:%S}" if closed else "",
            f"{max(x for x in (t, first, res, closed) if x):%Y-%m-%d %H:%M:%S}",
            f"00:{rng.randint(5, 55):02d}", f"{r['frt'] / H:.2f}" if first else "",
            f"{r['res'] / H:.2f}" if res else "", rng.randint(1, 6), rng.randint(1, 5),
            ("Within SLA" if r["res"] <= RES_H[r["prio"]] * H else "SLA Violated") if res else "",
        ])  # fmt: skip
    head = ["Ticket ID", "Subject", "Description", "Status", "Priority", "Source", "Agent",
            "Group", "Created time", "Due by Time", "Initial response time", "Resolved time",
            "Closed time", "Last update time", "Time tracked", "First response time (in hrs)",
            "Resolution time (in hrs)", "Agent interactions", "Customer interactions",
            "Resolution status"]  # fmt: skip
    text = csv_text([head, *rows], eol="\r\n") + "\r\n"
    (OUT / "freshdesk_multiline_crlf.csv").write_bytes(text.encode("utf-8"))
    return ticket_truth(recs)


# --- 12. Warehouse parquet: tz-aware timestamps (Europe/Paris), categorical columns -----------------------


@builder
def build_warehouse_parquet() -> dict[str, Any]:
    # created_at / first_reply_at / solved_at timestamp[us, tz=Europe/Paris]; priority / status /
    # channel dictionary (categorical) columns; csat_rating nullable int8. Office hours 08-20
    # Paris are 06-18 UTC: the same days in UTC.
    import pandas as pd
    import pyarrow as pa
    import pyarrow.parquet as pq

    rng = random.Random(912)
    recs = []
    for t in spread(rng, MAY, 6, 8, 20):
        r = draw_ticket(rng, t, qf=1, qr=1, p_reply=0.88, p_solved=0.72)
        r["csat"] = rng.choice([None, None, 5, 4, 4, 3, 2, 1]) if r["res"] is not None else None
        recs.append(r)
    loc = [pd.Timestamp(r["created"], tz="Europe/Paris") for r in recs]
    utc = [x.tz_convert("UTC").tz_localize(None).to_pydatetime() for x in loc]
    for r, u in zip(recs, utc, strict=True):
        r["created"] = u  # the truth in UTC (the reader is asked for UTC)

    def stamp(i: int, sec: int | None) -> Any:
        return None if sec is None else loc[i] + pd.Timedelta(seconds=sec)

    status = [("solved" if rng.random() < 0.6 else "closed") if r["res"] is not None
              else rng.choice(["new", "open", "pending", "hold"]) for r in recs]  # fmt: skip
    table = pa.table({
        "ticket_id": pa.array([77000 + i for i in range(len(recs))], pa.int64()),
        "created_at": pa.array(loc, pa.timestamp("us", tz="Europe/Paris")),
        "first_reply_at": pa.array([stamp(i, r["frt"]) for i, r in enumerate(recs)],
                                   pa.timestamp("us", tz="Europe/Paris")),
        "solved_at": pa.array([stamp(i, r["res"]) for i, r in enumerate(recs)],
                              pa.timestamp("us", tz="Europe/Paris")),
        "priority": pa.array([r["prio"] for r in recs]).dictionary_encode(),
        "status": pa.array(status).dictionary_encode(),
        "channel": pa.array([rng.choice(["email", "web", "chat"]) for _ in recs]
                            ).dictionary_encode(),
        "csat_rating": pa.array([r["csat"] for r in recs], pa.int8()),
    })  # fmt: skip
    pq.write_table(table, OUT / "tickets_warehouse_tz.parquet")
    return ticket_truth(recs)


# --- 13. Zendesk API tickets as JSON lines with a nested metric set --------------------------------------------


@builder
def build_zendesk_api_jsonl() -> dict[str, Any]:
    # One ticket per line; "metric_set": {"reply_time_in_minutes": {"calendar": 95, "business":
    # 41}, "full_resolution_time_in_minutes": {...}, "solved_at": ...}; calendar is the elapsed
    # time, business the business-hours figure (distractor); "satisfaction_rating": {"score":
    # "good"/"bad"/"offered"/"unoffered"}; "via": {"channel": ...}.
    rng = random.Random(913)
    recs, lines = [], []
    for i, t in enumerate(spread(rng, MAY, 6, 8, 19)):
        r = draw_ticket(rng, t, qf=60, qr=60, p_reply=0.9, p_solved=0.72)
        r["prio"] = rng.choice([r["prio"]] * 4 + [None])
        score = (
            rng.choice(["good", "good", "bad", "offered", "unoffered"])
            if r["res"]
            else ("unoffered")
        )
        r["csat"] = {"good": 5, "bad": 1}.get(score)
        recs.append(r)
        solved = t + dt.timedelta(seconds=r["res"]) if r["res"] is not None else None

        def mins(sec: int | None) -> dict[str, int] | None:
            if sec is None:
                return {"calendar": None, "business": None}  # type: ignore[dict-item]
            return {"calendar": sec // 60, "business": int(sec // 60 * rng.uniform(0.2, 0.6))}

        status = (
            rng.choice(["solved", "closed"])
            if solved
            else rng.choice(["new", "open", "pending", "hold"])
        )
        obj = {
            "id": 20100 + i, "url": f"https://acme.zendesk.com/api/v2/tickets/{20100 + i}.json",
            "created_at": f"{t:%Y-%m-%dT%H:%M:%SZ}",
            "updated_at": f"{(solved or t) + dt.timedelta(minutes=5):%Y-%m-%dT%H:%M:%SZ}",
            "subject": "Order question", "status": status, "priority": r["prio"],
            "via": {"channel": rng.choice(["email", "web", "api"])},
            "assignee_id": 371000000 + rng.randint(0, 5) if r["frt"] is not None else None,
            "tags": ["shipping", "vip"][: rng.randint(0, 2)],
            "satisfaction_rating": {"score": score},
            "metric_set": {
                "replies": rng.randint(1, 4) if r["frt"] is not None else 0,
                "reopens": 0,
                "solved_at": f"{solved:%Y-%m-%dT%H:%M:%SZ}" if solved else None,
                "reply_time_in_minutes": mins(r["frt"]),
                "full_resolution_time_in_minutes": mins(r["res"]),
            },
        }  # fmt: skip
        lines.append(json.dumps(obj))
    (OUT / "zendesk_api_tickets.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ticket_truth(recs)


if __name__ == "__main__":
    BUILD.main()

"""Round 41 of the blind export suites: the most common first imports of HELPDESK ticket data,
at realistic size (tests/test_real_exports_41.py).

    .venv/bin/python tests/data/exports41/make_exports.py             # write the files
    .venv/bin/python tests/data/exports41/make_exports.py --expected  # also print the truth

Each file is the default export (2026 UI, default columns and formats) of a mainstream help
desk: Zendesk Explore CSV, Zendesk's legacy "Export as CSV", Freshdesk, ServiceNow incidents
(.csv and .xlsx), Jira Service Management, HubSpot, Intercom, Salesforce Service Cloud cases,
Help Scout; 2,400 to 8,000 tickets a file over four weeks (6 April - 3 May 2026). Realistic
distributions: log-normal first replies, heavy-tailed resolution times (hours to weeks), tickets
still open at export time, reopened tickets (the last solve counts), vendor priority words,
business-hours twins of the calendar figures, merged and spam tickets, accented agent names, a
UTC column beside a local one.

Each builder draws tickets with its own seeded ``random.Random`` and returns the truth computed
here in plain Python over the drawn tickets, never with KPI Lab code. Conventions (the
registry's defaults): a ticket counts once; FRT = mean calendar seconds to the first reply;
resolution time mean / median = calendar seconds from creation to the LAST solve; SLA with the
default targets (urgent 1/4 h, high 4/24 h, normal 8/72 h, low 24/120 h) over tickets with the
time + open tickets older than their target at the data's end (latest creation or solve);
backlog at the end of day D = tickets created by then and not solved by then (closed or
canceled with no solved time: not open); spam and merged tickets are no tickets; CSAT the mean
1-5 rating (good / bad = 5 / 1); tickets per ISO week (Monday) by creation.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import statistics
import sys
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/data: export_kit
from export_kit import Builders, mean, r4, save_xlsx  # noqa: E402

OUT = Path(__file__).resolve().parent
BUILD = Builders(OUT)
builder, write_csv = BUILD, BUILD.write_csv
UTC = dt.UTC
START = dt.date(2026, 4, 6)  # Monday; four weeks to Sunday 3 May
EXPORT = dt.datetime(2026, 5, 4, 7, 0)  # the export moment (UTC): later solves are not yet
H = 3600
RSP_H = {"urgent": 1, "high": 4, "normal": 8, "low": 24}
RES_H = {"urgent": 4, "high": 24, "normal": 72, "low": 120}
PRIOS = ["urgent", "high", "normal", "low"]
BACKLOG_DAYS = ["2026-04-17", "2026-04-29"]
WEEKS = ["2026-04-13", "2026-04-20"]
FIRST = ["José", "Zoë", "Renée", "Łukasz", "Chloé", "Søren", "Ana", "Dmitri", "Inés", "Ngozi",
         "François", "Mei", "Björn", "Tomás", "Priya", "Hélène", "Jürgen", "Olu"]  # fmt: skip
LAST = ["Núñez", "O'Brien", "Dubois", "Kowalski", "Müller", "García", "Nguyen", "Ødegaard",
        "Okafor", "Lefèvre", "Åström", "Peña", "Silva", "Iyer", "Weiß", "Adeyemi"]  # fmt: skip


def staff(rng: random.Random, n: int) -> list[str]:
    return [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(n)]


def draw(rng: random.Random, n: int, q: int = 1, p_csat: float = 0.2) -> list[dict[str, Any]]:
    """``n`` tickets created over the four weeks (UTC, weekdays busier, US hours), sorted.

    ``frt`` / ``res`` seconds (None: no reply / not solved by the export), ``first_res`` the
    first solve of a reopened ticket, ``prio`` canonical, ``csat`` 1-5 or None; times are
    multiples of ``q`` seconds (an export that shows minutes)."""
    days = [START + dt.timedelta(days=i) for i in range(28)]
    weights = [1.0 if d.weekday() < 5 else 0.25 for d in days]
    out = []
    for _ in range(n):
        d = rng.choices(days, weights)[0]
        sec = int(rng.triangular(12 * H, 24 * H - 1, 16 * H))
        sec -= sec % q
        t = dt.datetime.combine(d, dt.time()) + dt.timedelta(seconds=sec)
        prio = rng.choices(PRIOS, [1, 3, 6, 2])[0]
        frt = None
        if rng.random() < 0.95:
            frt = max(q, int(rng.lognormvariate(math.log(2.5 * H), 1.2)) // q * q)
        res = first_res = None
        if frt is not None and rng.random() < 0.93:
            res = frt + max(q, int(rng.lognormvariate(math.log(30 * H), 1.3)) // q * q)
            if rng.random() < 0.08:  # reopened: solved first, then reopened and solved again
                first_res = frt + (res - frt) // 3 // q * q
            if t + dt.timedelta(seconds=res) > EXPORT:
                res = None  # still open at export time (maybe after a first solve)
        if frt is not None and t + dt.timedelta(seconds=frt) > EXPORT:
            frt = res = first_res = None
        csat = None
        if res is not None and rng.random() < p_csat:
            csat = rng.choices([5, 4, 3, 2, 1], [55, 15, 8, 6, 16])[0]
        out.append({"created": t, "prio": prio, "frt": frt, "res": res, "first_res": first_res,
                    "csat": csat, "closed": False, "junk": False})  # fmt: skip
    out.sort(key=lambda r: r["created"])
    return out


def at(r: dict[str, Any], key: str) -> dt.datetime | None:
    return None if r[key] is None else r["created"] + dt.timedelta(seconds=r[key])


def truth(recs: list[dict[str, Any]], shift: dt.timedelta = dt.timedelta(0),
          two: tuple[str, str] = ("urgent", "normal")) -> dict[str, Any]:  # fmt: skip
    """The ticket KPIs of the module docstring. ``shift`` moves every time into the zone the
    import reads it in (naive local times read as they are)."""
    recs = [{**r, "created": r["created"] + shift} for r in recs if not r["junk"]]
    created = [r["created"] for r in recs]
    solved = [at(r, "res") for r in recs if r["res"] is not None]
    end = max(created + solved)  # type: ignore[operator]
    frts = [r["frt"] for r in recs if r["frt"] is not None]
    ress = [r["res"] for r in recs if r["res"] is not None]

    def is_open(r: dict[str, Any]) -> bool:
        return r["res"] is None and not r["closed"]

    def sla(rs: list[dict[str, Any]], key: str, target: dict[str, int]) -> float:
        def late(r: dict[str, Any]) -> bool:
            return is_open(r) and (end - r["created"]).total_seconds() > target[r["prio"]] * H

        den = [r for r in rs if r[key] is not None or late(r)]
        num = [r for r in den if r[key] is not None and r[key] <= target[r["prio"]] * H]
        return r4(len(num) / len(den))

    def backlog(day: str) -> int:
        eod = dt.datetime.fromisoformat(day) + dt.timedelta(days=1)
        return sum(
            1 for r in recs if r["created"] < eod and not r["closed"]
            and (r["res"] is None or at(r, "res") >= eod)  # type: ignore[operator]
        )  # fmt: skip

    weeks: dict[str, int] = {}
    for c in created:
        w = (c.date() - dt.timedelta(days=c.weekday())).isoformat()
        weeks[w] = weeks.get(w, 0) + 1
    csats = [r["csat"] for r in recs if r["csat"] is not None]
    out: dict[str, Any] = {
        "contacts": len(recs),
        "days": (min(created).date().isoformat(), max(created).date().isoformat()),
        "frt": r4(mean(frts)) if frts else None,
        "resolution_time": r4(mean(ress)),
        "resolution_time_median": r4(statistics.median(ress)),
        "response_sla": sla(recs, "frt", RSP_H) if frts else None,
        "resolution_sla": sla(recs, "res", RES_H),
        "backlog_days": {d: backlog(d) for d in BACKLOG_DAYS},
        "weeks": {w: weeks[w] for w in WEEKS},
        "csat": r4(mean(csats)) if csats else None,
    }
    for p in two:
        rs = [r for r in recs if r["prio"] == p]
        out[f"response_sla_{p}"] = sla(rs, "frt", RSP_H) if frts else None
        out[f"resolution_sla_{p}"] = sla(rs, "res", RES_H)
    return out


def local(t: dt.datetime, tz: str) -> dt.datetime:
    """A naive UTC time as the naive wall clock of ``tz``."""
    return t.replace(tzinfo=UTC).astimezone(ZoneInfo(tz)).replace(tzinfo=None)


def fmt(t: dt.datetime | None, f: str = "%Y-%m-%d %H:%M:%S") -> str:
    return "" if t is None else t.strftime(f)


def biz(sec: int | None, rng: random.Random) -> str:
    """A business-hours twin (a share of the calendar time), in whole minutes."""
    return "" if sec is None else str(int(sec * rng.uniform(0.25, 0.6)) // 60)


def open_status(rng: random.Random, r: dict[str, Any], words: list[str]) -> str:
    return words[0] if r["frt"] is None else rng.choice(words[1:])


# --- 1. Zendesk Explore (Support > Tickets) CSV -----------------------------------------------


@builder
def build_zendesk_explore_tickets() -> dict[str, Any]:
    # Explore 2026, a table on the Tickets dataset downloaded as CSV: timestamps in the account's
    # zone (America/Chicago) with no offset; First reply / Full and First resolution time in
    # minutes, each beside its "- Business hours" twin; "Ticket satisfaction rating" Good / Bad
    # / Offered / Unoffered; "Ticket reopens". Full resolution = to the LAST solve.
    rng = random.Random(4101)
    recs = draw(rng, 6000, q=60)
    words = {"urgent": "Urgent", "high": "High", "normal": "Normal", "low": "Low"}
    team = staff(rng, 40)
    rows = []
    for i, r in enumerate(recs):
        c, s = local(r["created"], "America/Chicago"), at(r, "res")
        status = (rng.choice(["Solved", "Closed"]) if s else
                  open_status(rng, r, ["New", "Open", "Open", "Pending", "On-hold"]))  # fmt: skip
        rate = {5: "Good", 1: "Bad"}.get(r["csat"] or 0)
        if r["csat"] in (2, 3, 4):
            r["csat"] = None  # Zendesk's rating is binary: these customers did not rate
        rate = rate or ("Offered" if s and rng.random() < 0.4 else "Unoffered")
        reopens = 1 if r["first_res"] is not None else 0
        rows.append([
            582001 + i, fmt(c), fmt(local(s, "America/Chicago")) if s else "", status,
            words[r["prio"]], rng.choice(["Support", "Billing", "Returns", "VIP"]),
            rng.choice(team) if r["frt"] else "", rng.choice(["Email", "Web form", "Chat"]),
            rate, "" if r["frt"] is None else r["frt"] // 60, biz(r["frt"], rng),
            "" if s is None else r["res"] // 60, biz(r["res"], rng),
            "" if s is None else (r["first_res"] or r["res"]) // 60, reopens,
        ])  # fmt: skip
    write_csv(
        "zendesk_explore_tickets.csv",
        ["Ticket ID", "Ticket created - Timestamp", "Ticket solved - Timestamp", "Ticket status",
         "Ticket priority", "Ticket group", "Ticket assignee", "Ticket channel",
         "Ticket satisfaction rating", "First reply time (min)",
         "First reply time - Business hours (min)", "Full resolution time (min)",
         "Full resolution time - Business hours (min)", "First resolution time (min)",
         "Ticket reopens"],
        rows,
    )  # fmt: skip
    return truth(recs, shift=dt.timedelta(hours=-5))


# --- 2. Zendesk legacy "Export as CSV" (Admin Center > Reports > Export) ----------------------


@builder
def build_zendesk_legacy_export() -> dict[str, Any]:
    # The full CSV data export: "Created at" "2026-04-06 09:14:33 -0500" (account zone with its
    # offset), "Resolution time" in whole HOURS, the minute metrics with "within business
    # hours" twins, "Satisfaction Score"; merged tickets are Closed with the tag
    # closed_by_merge (a duplicate of another ticket: no ticket), deleted spam has Status
    # "Deleted".
    rng = random.Random(4102)
    recs = draw(rng, 3600, q=1)
    team = staff(rng, 30)
    cst = dt.timedelta(hours=-5)
    rows = []
    for i, r in enumerate(recs):
        junk = rng.random() < 0.04
        if junk:
            r.update(junk=True, csat=None)
        s = at(r, "res")
        tags = "web_widget"
        if junk and rng.random() < 0.6:  # merged into another ticket
            status, tags = "Closed", "closed_by_merge web_widget"
            s = r["created"] + dt.timedelta(minutes=rng.randint(5, 300))
        elif junk:
            status, tags, s = "Deleted", "spam", None
        elif s:
            status = rng.choice(["Solved", "Closed"])
        else:
            status = open_status(rng, r, ["New", "Open", "Pending", "Hold"])
        rate = {5: "Good", 1: "Bad"}.get(r["csat"] or 0)
        if r["csat"] in (2, 3, 4):
            r["csat"] = None
        rate = rate or ("Offered" if s and rng.random() < 0.4 else "Unoffered")

        def z(t: dt.datetime | None) -> str:
            return "" if t is None else (t + cst).strftime("%Y-%m-%d %H:%M:%S -0500")

        res_s = None if s is None else int((s - r["created"]).total_seconds())
        frt = r["frt"]
        who = rng.choice(team)
        mins = [
            "" if frt is None else frt // 60, biz(frt, rng),
            "" if res_s is None else (r["first_res"] or res_s) // 60, biz(res_s, rng),
            "" if res_s is None else res_s // 60, biz(res_s, rng),
        ]  # fmt: skip
        rows.append([
            731000 + i, f"Customer {i}", 9100000 + i, "", f"c{i}@example.com", "example.com",
            who, who if frt else "", rng.choice(["Support", "Billing", "Returns"]),
            f"Order #{40000 + i}", tags, status, r["prio"].capitalize(),
            rng.choice(["Mail", "Web Widget", "Chat"]), rng.choice(["Question", "Incident",
                                                                     "Problem"]),
            z(r["created"]), z(max(x for x in (r["created"], s, at(r, "frt")) if x)),
            z(at(r, "frt")), "", "", z(at(r, "frt")), z(s),
            "" if res_s is None else res_s // H, rate, 1, 1,
            1 if r["first_res"] is not None else 0, rng.randint(1, 6), *mins,
        ])  # fmt: skip
    write_csv(
        "zendesk_legacy_export.csv",
        ["Id", "Requester", "Requester id", "Requester external id", "Requester email",
         "Requester domain", "Submitter", "Assignee", "Group", "Subject", "Tags", "Status",
         "Priority", "Via", "Ticket type", "Created at", "Updated at", "Assigned at",
         "Organization", "Due date", "Initially assigned at", "Solved at", "Resolution time",
         "Satisfaction Score", "Group stations", "Assignee stations", "Reopens", "Replies",
         "First reply time in minutes", "First reply time in minutes within business hours",
         "First resolution time in minutes",
         "First resolution time in minutes within business hours",
         "Full resolution time in minutes",
         "Full resolution time in minutes within business hours"],
        rows,
    )  # fmt: skip
    return truth(recs, two=("high", "low"))


# --- 3. Freshdesk tickets export ---------------------------------------------------------------


@builder
def build_freshdesk_tickets() -> dict[str, Any]:
    # Tickets > Export (CSV), default fields: times "2026-04-06 09:14:33" in the helpdesk's zone
    # (Europe/London, BST: UTC+1); "Initial response time" the first reply's timestamp;
    # "First response time (in hrs)" / "Resolution time (in hrs)" business hours of the SLA
    # policy (distractors); "Closed time" after "Resolved time"; priorities Low / Medium / High
    # / Urgent.
    rng = random.Random(4103)
    recs = draw(rng, 5000, q=1)
    team = staff(rng, 35)
    words = {"urgent": "Urgent", "high": "High", "normal": "Medium", "low": "Low"}
    bst = dt.timedelta(hours=1)
    rows = []
    for i, r in enumerate(recs):
        s, f = at(r, "res"), at(r, "frt")
        closed = s + dt.timedelta(hours=rng.uniform(1, 72)) if s else None
        if closed and closed > EXPORT:
            closed = None
        status = (
            ("Closed" if closed else "Resolved")
            if s
            else open_status(
                rng, r, ["Open", "Open", "Pending", "Waiting on Customer", "Waiting on Third Party"]
            )
        )
        rows.append([
            90001 + i, f"Issue {i}", status, words[r["prio"]],
            rng.choice(["Email", "Portal", "Chat", "Phone"]),
            rng.choice(["Question", "Incident", "Problem", ""]), rng.choice(team) if f else "",
            rng.choice(["Customer Support", "Escalations"]), fmt(r["created"] + bst),
            fmt(r["created"] + bst + dt.timedelta(hours=RES_H[r["prio"]])),
            fmt(s + bst) if s else "", fmt(closed + bst) if closed else "",
            fmt(max(x for x in (r["created"], s, f) if x) + bst), fmt(f + bst) if f else "",
            "00:00", "" if f is None else f"{r['frt'] * rng.uniform(0.3, 0.7) / H:.2f}",
            "" if s is None else f"{r['res'] * rng.uniform(0.3, 0.7) / H:.2f}",
            rng.randint(1, 5), rng.randint(1, 5),
            "" if s is None else ("SLA Violated" if r["res"] > RES_H[r["prio"]] * H
                                  else "Within SLA"),
            "" if f is None else ("SLA Violated" if r["frt"] > RSP_H[r["prio"]] * H
                                  else "Within SLA"),
            f"Kund{i % 7} Lindqvist", 4400000 + i,
        ])  # fmt: skip
        r["csat"] = None
    write_csv(
        "freshdesk_tickets.csv",
        ["Ticket ID", "Subject", "Status", "Priority", "Source", "Type", "Agent", "Group",
         "Created time", "Due by Time", "Resolved time", "Closed time", "Last update time",
         "Initial response time", "Time tracked", "First response time (in hrs)",
         "Resolution time (in hrs)", "Agent interactions", "Customer interactions",
         "Resolution status", "First response status", "Full name", "Contact ID"],
        rows,
    )  # fmt: skip
    return truth(recs, shift=bst, two=("urgent", "normal"))


# --- 4-5. ServiceNow incident list: CSV (field names) and Excel (labels) ------------------------

SN_PRIO = {"urgent": "1 - Critical", "high": "2 - High", "normal": "3 - Moderate",
           "low": "4 - Low"}  # fmt: skip


def servicenow_rows(rng: random.Random, recs: list[dict[str, Any]]) -> list[list[Any]]:
    """opened, resolved, closed (auto-close 3 days after the resolve), canceled incidents."""
    team = staff(rng, 25)
    rows = []
    for i, r in enumerate(recs):
        r["frt"] = None  # the incident list has no first response
        r["csat"] = None
        if r["res"] is None and rng.random() < 0.04:
            r["closed"] = True  # Canceled: closed, never resolved
        s = at(r, "res")
        closed = s + dt.timedelta(days=3) if s else None
        if closed and closed > EXPORT:
            closed = None
        if r["closed"]:
            state, closed = "Canceled", r["created"] + dt.timedelta(hours=rng.uniform(1, 30))
        elif s:
            state = "Closed" if closed else "Resolved"
        else:
            state = rng.choice(["New", "In Progress", "In Progress", "On Hold"])
        prio = SN_PRIO[r["prio"]] if r["prio"] != "low" or rng.random() < 0.7 else "5 - Planning"
        upd = max(x for x in (r["created"], s, closed) if x)
        rows.append([
            f"INC{18000 + i:07d}", r["created"], f"Incident {i}", f"Caller {i % 300}", prio,
            state, rng.choice(["Software", "Hardware", "Network", "Inquiry / Help"]),
            rng.choice(["Service Desk", "Network", "Hardware"]), rng.choice(team), upd,
            "admin", s, closed, "" if s is None else r["res"],
            "" if s is None else int(r["res"] * rng.uniform(0.25, 0.5)),
            1 if r["first_res"] is not None else 0,
        ])  # fmt: skip
    return rows


@builder
def build_servicenow_incident_csv() -> dict[str, Any]:
    # Incident list > right-click > Export > CSV: field names (number, opened_at, ...), display
    # values, times "2026-04-06 09:14:33" in the user's zone (America/New_York, EDT); resolve
    # times calendar_stc (seconds) beside business_stc; closed_at 3 days after resolved_at.
    rng = random.Random(4104)
    recs = draw(rng, 5000)
    rows = servicenow_rows(rng, recs)
    edt = dt.timedelta(hours=-4)
    for row in rows:
        for k in (1, 9, 11, 12):
            row[k] = fmt(row[k] + edt) if row[k] else ""
    write_csv(
        "servicenow_incident.csv",
        ["number", "opened_at", "short_description", "caller_id", "priority", "state",
         "category", "assignment_group", "assigned_to", "sys_updated_on", "sys_updated_by",
         "resolved_at", "closed_at", "calendar_stc", "business_stc", "reopen_count"],
        rows,
    )  # fmt: skip
    return truth(recs, shift=edt, two=("urgent", "high"))


@builder
def build_servicenow_incident_xlsx() -> dict[str, Any]:
    # The same list exported to Excel: column labels, date cells (the user's zone, EDT).
    import openpyxl

    rng = random.Random(4105)
    recs = draw(rng, 3000)
    rows = servicenow_rows(rng, recs)
    edt = dt.timedelta(hours=-4)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Page 1"
    ws.append(["Number", "Opened", "Short description", "Caller", "Priority", "State",
               "Category", "Assignment group", "Assigned to", "Updated", "Updated by",
               "Resolved", "Closed", "Resolve time", "Business resolve time", "Reopen count"])  # fmt: skip
    for row in rows:
        for k in (1, 9, 11, 12):
            row[k] = row[k] + edt if row[k] else None
        ws.append([None if v == "" else v for v in row])
    for col in "BJLM":
        for cell in ws[col][1:]:
            cell.number_format = "yyyy-mm-dd hh:mm:ss"
    save_xlsx(wb, OUT / "servicenow_incident.xlsx")
    return truth(recs, shift=edt, two=("high", "normal"))


# --- 6. Jira Service Management issues -----------------------------------------------------------


@builder
def build_jsm_issues() -> dict[str, Any]:
    # Filters > Export > Export CSV (current fields): "06/Apr/26 9:14 AM" (minutes, the user's
    # zone Europe/Berlin, CEST), priorities Highest / High / Medium / Low / Lowest, the SLA
    # fields "Time to first response" / "Time to resolution" as the time LEFT ("-3h 20m"),
    # "Satisfaction" 1-5.
    rng = random.Random(4106)
    recs = draw(rng, 4000, q=60, p_csat=0.3)
    cest = dt.timedelta(hours=2)
    team = staff(rng, 20)
    words = {"urgent": "Highest", "high": "High", "normal": "Medium"}

    def jira(t: dt.datetime | None) -> str:
        if t is None:
            return ""
        t += cest
        return f"{t:%d/%b/%y} {t.hour % 12 or 12}:{t:%M} {'AM' if t.hour < 12 else 'PM'}"

    def left(sec: int | None, target: int) -> str:
        if sec is None:
            return ""
        m = (target * H - sec) // 60
        a = abs(m)
        return f"{'-' if m < 0 else ''}{a // 60}h {a % 60}m"

    rows = []
    for i, r in enumerate(recs):
        s = at(r, "res")
        status = rng.choice(["Resolved", "Closed"]) if s else open_status(
            rng, r, ["Waiting for support", "Waiting for support", "In Progress",
                     "Waiting for customer", "Pending"])  # fmt: skip
        prio = words.get(r["prio"]) or rng.choice(["Low", "Lowest"])
        rows.append([
            "Service Request", f"HELP-{1200 + i}", 10400 + i, f"Request {i}",
            rng.choice(team) if r["frt"] else "", f"Reporter {i % 400}", prio, status,
            "Done" if s else "", jira(r["created"]),
            jira(max(x for x in (r["created"], s, at(r, "frt")) if x)), jira(s),
            left(r["frt"], RSP_H[r["prio"]]), left(r["res"], RES_H[r["prio"]]),
            r["csat"] or "", rng.choice(["Get IT help", "Request a new account", "Report a bug"]),
        ])  # fmt: skip
        r["frt"] = None  # no first-response time in the export (the SLA field is time left)
    write_csv(
        "jsm_issues.csv",
        ["Issue Type", "Issue key", "Issue id", "Summary", "Assignee", "Reporter", "Priority",
         "Status", "Resolution", "Created", "Updated", "Resolved",
         "Custom field (Time to first response)", "Custom field (Time to resolution)",
         "Custom field (Satisfaction)", "Custom field (Request Type)"],
        rows,
    )  # fmt: skip
    return truth(recs, shift=cest, two=("urgent", "high"))


# --- 7. HubSpot tickets --------------------------------------------------------------------------


@builder
def build_hubspot_tickets() -> dict[str, Any]:
    # CRM > Tickets > Export (CSV): "Create date" / "Close date" "2026-04-06 09:14" (account zone
    # America/Los_Angeles, PDT), "Time to close (HH:mm:ss)" and "Time to first agent reply
    # (HH:mm:ss)" with hours past 24 ("153:20:11"); statuses New / Waiting on contact /
    # Waiting on us / Closed; priority Low / Medium / High / Urgent.
    rng = random.Random(4107)
    recs = draw(rng, 5000, q=60)
    pdt = dt.timedelta(hours=-7)
    team = staff(rng, 30)
    words = {"urgent": "Urgent", "high": "High", "normal": "Medium", "low": "Low"}

    def hhmm(sec: int | None) -> str:
        if sec is None:
            return ""
        return f"{sec // H:02d}:{sec % H // 60:02d}:{sec % 60:02d}"

    rows = []
    for i, r in enumerate(recs):
        s = at(r, "res")
        r["csat"] = None
        status = (
            "Closed"
            if s
            else open_status(
                rng, r, ["New", "Waiting on us", "Waiting on contact", "Waiting on us"]
            )
        )
        rows.append([
            3300000000 + i * 7, f"Ticket {i}", "Support Pipeline", status, words[r["prio"]],
            fmt(r["created"] + pdt, "%Y-%m-%d %H:%M"), fmt(s + pdt, "%Y-%m-%d %H:%M") if s else "",
            rng.choice(team) if r["frt"] else "", rng.choice(["Email", "Chat", "Form"]),
            hhmm(r["res"]), hhmm(r["frt"]),
            fmt(max(x for x in (r["created"], s) if x) + pdt, "%Y-%m-%d %H:%M"),
        ])  # fmt: skip
    write_csv(
        "hubspot_tickets.csv",
        ["Ticket ID", "Ticket name", "Pipeline", "Ticket status", "Priority", "Create date",
         "Close date", "Ticket owner", "Source", "Time to close (HH:mm:ss)",
         "Time to first agent reply (HH:mm:ss)", "Last activity date"],
        rows,
    )  # fmt: skip
    return truth(recs, shift=pdt, two=("high", "normal"))


# --- 8. Intercom conversations -------------------------------------------------------------------


@builder
def build_intercom_conversations() -> dict[str, Any]:
    # Reports > Dataset export > Conversations (CSV): every timestamp twice, "(UTC)" and the
    # workspace's zone "(America/New_York)"; durations in seconds; "Conversation rating" 1-5;
    # state open / snoozed / closed; "Time to first close" (a reopened conversation closes
    # again later: "Time to last close" is its resolution); no priority words (SLA not judged).
    rng = random.Random(4108)
    recs = draw(rng, 8000, p_csat=0.3)
    team = staff(rng, 45)
    ny = "America/New_York"
    rows = []
    for r in recs:  # chats: first replies in minutes
        if r["frt"] is not None:
            r["frt"] = max(5, r["frt"] // 40)
    for i, r in enumerate(recs):
        s, f = at(r, "res"), at(r, "frt")
        if f is not None and r["res"] is not None and r["res"] <= r["frt"]:
            r["res"] += r["frt"]
            s = at(r, "res")
        first_close = at(r, "first_res") or s
        state = "closed" if s else rng.choice(["open", "open", "snoozed"])
        if s is None and first_close is not None:
            first_close = None
        rows.append([
            f"2150{i:08d}", fmt(r["created"]), fmt(local(r["created"], ny)),
            fmt(f), fmt(local(f, ny)) if f else "", fmt(s), fmt(local(s, ny)) if s else "",
            "" if r["frt"] is None else r["frt"],
            "" if first_close is None else int((first_close - r["created"]).total_seconds()),
            "" if s is None else r["res"], state, rng.choice(team) if f else "",
            rng.choice(["Support", "Sales", "Onboarding"]),
            rng.choice(["Chat", "Email", "Messenger"]), r["csat"] or "",
            "Priority" if r["prio"] == "urgent" else "Not priority",
        ])  # fmt: skip
    write_csv(
        "intercom_conversations.csv",
        ["Conversation ID", "Conversation started at (UTC)",
         "Conversation started at (America/New_York)", "First response at (UTC)",
         "First response at (America/New_York)", "Conversation last closed at (UTC)",
         "Conversation last closed at (America/New_York)", "Time to first response (seconds)",
         "Time to first close (seconds)", "Time to last close (seconds)", "Conversation state",
         "Teammate assigned", "Team assigned", "Channel", "Conversation rating", "Priority"],
        rows,
    )  # fmt: skip
    return truth(recs, two=("urgent", "normal"))


# --- 9. Salesforce Service Cloud cases -----------------------------------------------------------


@builder
def build_salesforce_cases() -> dict[str, Any]:
    # Reports > "Cases" report > Export > Details Only (CSV): "4/6/2026, 9:14 AM" in the user's
    # zone (America/Denver, MDT); "Age (Hours)" the opened -> closed hours for closed cases but
    # opened -> EXPORT for open ones (not a resolution time); statuses New / Working / On Hold
    # / Escalated / Closed; priorities Critical / High / Medium / Low.
    rng = random.Random(4109)
    recs = draw(rng, 5000, q=60)
    mdt = dt.timedelta(hours=-6)
    team = staff(rng, 30)
    words = {"urgent": "Critical", "high": "High", "normal": "Medium", "low": "Low"}

    def sf(t: dt.datetime | None) -> str:
        if t is None:
            return ""
        t += mdt
        return f"{t.month}/{t.day}/{t.year}, {t.hour % 12 or 12}:{t:%M} {'AM' if t.hour < 12 else 'PM'}"

    rows = []
    for i, r in enumerate(recs):
        s = at(r, "res")
        r["frt"] = r["csat"] = None
        age = ((s or EXPORT) - r["created"]).total_seconds() / H
        status = "Closed" if s else rng.choice(["New", "Working", "Working", "On Hold",
                                                "Escalated"])  # fmt: skip
        rows.append([
            f"{5001000 + i:08d}", f"Case {i}", status, words[r["prio"]],
            rng.choice(["Phone", "Email", "Web"]), rng.choice(team), sf(r["created"]), sf(s),
            f"{age:.1f}", 1 if s else 0, 1 if status == "Escalated" else 0,
            rng.choice(["Acme, Inc.", "Globex", "Initech, LLC", "Umbrella Corp."]),
        ])  # fmt: skip
    write_csv(
        "salesforce_cases.csv",
        ["Case Number", "Subject", "Status", "Priority", "Case Origin", "Case Owner",
         "Date/Time Opened", "Date/Time Closed", "Age (Hours)", "Closed", "Escalated",
         "Account Name"],
        rows,
    )  # fmt: skip
    return truth(recs, shift=mdt, two=("urgent", "normal"))


# --- 10. Help Scout conversations ----------------------------------------------------------------


@builder
def build_helpscout_conversations() -> dict[str, Any]:
    # Conversations export (CSV): ISO UTC times with Z ("2026-04-06T14:14:33Z") and a local
    # "Created (Local)" column ("Apr 6, 2026 10:14 AM", America/New_York); statuses active /
    # pending / closed / spam (spam is no ticket); no priority; no rating in the default
    # fields.
    rng = random.Random(4110)
    recs = draw(rng, 4000)
    team = staff(rng, 20)
    ny = "America/New_York"
    rows = []
    for i, r in enumerate(recs):
        r["csat"] = None
        if rng.random() < 0.03:
            r["junk"] = True
        s, f = at(r, "res"), at(r, "frt")
        status = "spam" if r["junk"] else ("closed" if s else
                                           rng.choice(["active", "active", "pending"]))  # fmt: skip
        lc = local(r["created"], ny)
        rows.append([
            41000000 + i * 3, 1800 + i, f"Question {i}", status, "Support",
            rng.choice(team) if f else "", f"Customer {i % 900}",
            f"{r['created']:%Y-%m-%dT%H:%M:%SZ}",
            f"{lc:%b} {lc.day}, {lc.year} {lc.hour % 12 or 12}:{lc:%M} "
            f"{'AM' if lc.hour < 12 else 'PM'}",
            f"{f:%Y-%m-%dT%H:%M:%SZ}" if f else "", f"{s:%Y-%m-%dT%H:%M:%SZ}" if s else "",
            rng.choice(["email", "chat"]), rng.randint(1, 6),
        ])  # fmt: skip
    write_csv(
        "helpscout_conversations.csv",
        ["Conversation ID", "Number", "Subject", "Status", "Mailbox", "Assigned To", "Customer",
         "Created At", "Created (Local)", "First Response At", "Closed At", "Type", "Threads"],
        rows,
    )  # fmt: skip
    return truth(recs)


if __name__ == "__main__":
    BUILD.main()

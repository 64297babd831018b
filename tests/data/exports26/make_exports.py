"""Round 26 of the blind export suites: helpdesk ticket and messaging exports as a support
manager downloads them in 2026 (tests/test_real_exports_26.py).

Each builder draws tickets with its own seeded ``random.Random``, writes them the way the export
it imitates does, and returns the truth computed here in plain Python over the drawn records,
never with KPI Lab code. ``python make_exports.py --expected`` prints it.

Conventions (the registry's defaults, as rounds 9 and 17): a ticket counts once however many
rows an export gives it; FRT = mean calendar seconds from creation to the first agent reply;
resolution time = mean (and median) calendar seconds from creation to the (last) solve; SLA
compliance with the default targets (urgent 1/4 h, high 4/24 h, normal 8/72 h, low 24/120 h;
no priority = normal): within / (tickets with the time + open tickets older than their target
at the data's end = the latest creation or solved time); backlog over the whole file = open
tickets + tickets solved after the last creation day (tickets in a closed status with no solved
time are not open; spam and trashed tickets are no tickets at all).
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/data: export_kit
from export_kit import Builders, mean, r4, save_xlsx, spread, weekdays  # noqa: E402

OUT = Path(__file__).resolve().parent
BUILD = Builders(OUT)
builder, write_csv = BUILD, BUILD.write_csv
AGENTS = ["Maya Lopez", "Omar Haddad", "Jin Park", "Sara Novak", "Luca Bianchi", "Ada Okafor"]
GROUPS = ["Billing", "Tier 1", "Tier 2"]
FEB = weekdays(dt.date(2026, 2, 2), dt.date(2026, 2, 13))
H = 3600
RSP_H = {"urgent": 1, "high": 4, "normal": 8, "low": 24}
RES_H = {"urgent": 4, "high": 24, "normal": 72, "low": 120}
PRIOS = ["urgent", "high", "normal", "low"]
ISO = "%Y-%m-%d %H:%M:%S"


def q_up(x: float, q: int) -> int:
    return int(q * -(-x // q))


def draw_ticket(rng: random.Random, t: dt.datetime, q: int = 1) -> dict[str, Any]:
    """created, canonical priority, frt / res seconds (None when not replied / not solved)."""
    prio = rng.choices(PRIOS, [1, 3, 5, 2])[0]
    replied = rng.random() < 0.88
    frt = q_up(rng.choice([rng.uniform(60, H), rng.uniform(1800, 6 * H),
                           rng.uniform(4 * H, 30 * H)]), q) if replied else None  # fmt: skip
    solved = replied and rng.random() < 0.7
    extra = rng.choice([rng.uniform(600, 6 * H), rng.uniform(6 * H, 48 * H),
                        rng.uniform(40 * H, 150 * H)])  # fmt: skip
    res = q_up(frt + extra, q) if solved and frt is not None else None
    return {"created": t, "prio": prio, "frt": frt, "res": res, "closed": False}


def at(r: dict[str, Any], key: str) -> dt.datetime | None:
    return None if r[key] is None else r["created"] + dt.timedelta(seconds=r[key])


def ticket_truth(recs: list[dict[str, Any]]) -> dict[str, Any]:
    """The ticket KPIs of the module docstring over the real tickets (no spam / trash)."""
    recs = [r for r in recs if not r.get("junk")]
    created = [r["created"] for r in recs]
    solved_at = [at(r, "res") for r in recs if r["res"] is not None]
    end = max(created + solved_at)  # type: ignore[operator]
    last_day = max(created).date()
    frts = [r["frt"] for r in recs if r["frt"] is not None]
    ress = [r["res"] for r in recs if r["res"] is not None]

    def is_open(r: dict[str, Any]) -> bool:
        return r["res"] is None and not r["closed"]

    def age(r: dict[str, Any]) -> float:
        return (end - r["created"]).total_seconds()

    rsp_den = [
        r for r in recs if r["frt"] is not None or (is_open(r) and age(r) > RSP_H[r["prio"]] * H)
    ]
    rsp_num = [r for r in rsp_den if r["frt"] is not None and r["frt"] <= RSP_H[r["prio"]] * H]
    res_den = [
        r for r in recs if r["res"] is not None or (is_open(r) and age(r) > RES_H[r["prio"]] * H)
    ]
    res_num = [r for r in res_den if r["res"] is not None and r["res"] <= RES_H[r["prio"]] * H]
    late = [r for r in recs if r["res"] is not None and at(r, "res").date() > last_day]  # type: ignore[union-attr]
    out = {
        "contacts": len(recs),
        "first_day": min(created).date().isoformat(), "last_day": last_day.isoformat(),
        "frt": r4(mean(frts)) if frts else None,
        "response_sla": r4(len(rsp_num) / len(rsp_den)) if frts else None,
        "resolution_time": r4(mean(ress)),
        "resolution_time_median": r4(statistics.median(ress)),
        "resolution_sla": r4(len(res_num) / len(res_den)),
        "backlog": sum(is_open(r) for r in recs) + len(late),
        "solved": len(ress), "open": sum(is_open(r) for r in recs),
    }  # fmt: skip
    return out


def fixed_prio(recs: list[dict[str, Any]], prio: str) -> dict[str, Any]:
    """The truth if every priority were read as ``prio`` (what an unread priority gives)."""
    return ticket_truth([{**r, "prio": prio} for r in recs])


# --- 1. Zendesk Explore "Updates history": one row per status change -----------------------------


@builder
def build_zendesk_updates_history() -> dict[str, Any]:
    # Explore > Support: Updates history dataset, a table with the attributes Ticket ID, Ticket
    # created - Timestamp, Ticket solved - Timestamp (the LAST solve; blank on a ticket reopened
    # and not solved again), Ticket priority, Ticket group, Ticket status (current), Update -
    # Timestamp, Changes - Previous value / New value (status field) and the metrics First
    # reply time (min), Full resolution time (min) repeated on every row of the ticket. About
    # one ticket in six was reopened after its first solve (solved -> open -> solved again).
    rng = random.Random(2601)
    recs, rows = [], []
    for i, t in enumerate(spread(rng, FEB, 6)):
        r = draw_ticket(rng, t, 60)
        recs.append(r)
        tid = 48100 + i
        prio = r["prio"].capitalize()
        grp = rng.choice(GROUPS)
        changes: list[tuple[dt.datetime, str, str]] = [(t, "", "new")]
        first, solved = at(r, "frt"), at(r, "res")
        if first is not None:
            changes.append((first, "new", "open"))
        final_status = "Open" if first else "New"
        solved_txt, full = "", ""
        if solved is not None:
            assert first is not None
            mid = first + (solved - first) / 2
            if rng.random() < 0.25:
                changes.append((mid, "open", "pending"))
                changes.append((mid + (solved - mid) / 2, "pending", "open"))
            if rng.random() < 0.2:  # reopened: solved first at mid, then again at `solved`
                first_solve = first + (solved - first) / 3
                changes += [(first_solve, "open", "solved"),
                            (first_solve + (solved - first_solve) / 2, "solved", "open")]  # fmt: skip
                changes.sort()
            changes.append((solved, "open", "solved"))
            final_status = "Solved"
            solved_txt, full = solved.strftime(ISO), f"{r['res'] // 60}"
        elif first is not None and rng.random() < 0.3:  # reopened, not solved again
            s1 = first + dt.timedelta(hours=rng.uniform(1, 20))
            changes += [(s1, "open", "solved"), (s1 + dt.timedelta(hours=rng.uniform(2, 30)),
                                                  "solved", "open")]  # fmt: skip
        frt_txt = f"{r['frt'] // 60}" if first is not None else ""
        for when, old, new in changes:
            rows.append([tid, t.strftime(ISO), solved_txt, prio, grp, final_status,
                         when.strftime(ISO), "status", old, new, frt_txt, full])  # fmt: skip
    rows.sort(key=lambda row: (row[6], row[0]))
    write_csv(
        "zendesk_updates_history.csv",
        ["Ticket ID", "Ticket created - Timestamp", "Ticket solved - Timestamp",
         "Ticket priority", "Ticket group", "Ticket status", "Update - Timestamp",
         "Changes - Field name", "Changes - Previous value", "Changes - New value",
         "First reply time (min)", "Full resolution time (min)"],
        rows,
    )  # fmt: skip
    return {**ticket_truth(recs), "rows": len(rows)}


# --- 2. Halo ITSM tickets: "P1 - Critical" priorities, UK dates ---------------------------------


@builder
def build_halo_itsm_tickets() -> dict[str, Any]:
    # Halo ITSM > Tickets > Export to CSV: "Ticket ID", "Summary", "User", "Client", "Status"
    # (New / In Progress / With User / Resolved / Closed), "Priority" "P1 - Critical", "P2 -
    # High", "P3 - Medium", "P4 - Low", "Team", "Agent", "Date Logged", "Date Responded",
    # "Date Closed" (dd/mm/yyyy HH:MM, UK tenant), "Response Target Met" / "Fix Target Met"
    # (Yes / No, Halo's own SLA with its working hours: distractors), "Fix by Date".
    rng = random.Random(2602)
    words = {"urgent": "P1 - Critical", "high": "P2 - High", "normal": "P3 - Medium",
             "low": "P4 - Low"}  # fmt: skip
    fmt = "%d/%m/%Y %H:%M"
    recs, rows = [], []
    for i, t in enumerate(spread(rng, FEB, 6)):
        t = t.replace(second=0)
        r = draw_ticket(rng, t, 60)
        recs.append(r)
        first, res = at(r, "frt"), at(r, "res")
        status = rng.choice(["Resolved", "Closed"]) if res else (
            rng.choice(["In Progress", "With User"]) if first else "New")  # fmt: skip
        rows.append([
            f"{31200 + i}", rng.choice(["Outlook crashing", "New starter laptop", "VPN drops",
                                        "Printer jam L2", "Teams audio"]),
            rng.choice(["K. Walsh", "R. Patel", "J. Evans", "M. Hughes"]),
            rng.choice(["Northwind Ltd", "Contoso UK"]), status, words[r["prio"]],
            rng.choice(["1st Line", "2nd Line"]), rng.choice(AGENTS) if first else "",
            t.strftime(fmt), first.strftime(fmt) if first else "", res.strftime(fmt) if res else "",
            ("Yes" if rng.random() < 0.7 else "No") if first else "",
            ("Yes" if rng.random() < 0.6 else "No") if res else "",
            (t + dt.timedelta(hours=RES_H[r["prio"]])).strftime(fmt),
        ])  # fmt: skip
    write_csv(
        "halo_itsm_tickets.csv",
        ["Ticket ID", "Summary", "User", "Client", "Status", "Priority", "Team", "Agent",
         "Date Logged", "Date Responded", "Date Closed", "Response Target Met",
         "Fix Target Met", "Fix by Date"],
        rows,
    )  # fmt: skip
    t = ticket_truth(recs)
    flat = fixed_prio(recs, "normal")
    t["response_sla_if_all_normal"] = flat["response_sla"]
    t["resolution_sla_if_all_normal"] = flat["resolution_sla"]
    return t


# --- 3. HappyFox: business and calendar hours side by side, "1d 3h 20m" -------------------------


def biz_seconds(a: dt.datetime, b: dt.datetime) -> int:
    """Seconds between a and b inside Mon-Fri 09:00-17:00 (minute resolution)."""
    n, t = 0, a
    while t < b:
        if t.weekday() < 5 and 9 <= t.hour < 17:
            n += 60
        t += dt.timedelta(minutes=1)
    return n


def dhm(sec: int) -> str:
    """HappyFox's "1d 3h 20m" (parts that are zero left out, "0m" for none)."""
    m = sec // 60
    d, h, mm = m // 1440, m % 1440 // 60, m % 60
    parts = [f"{d}d" if d else "", f"{h}h" if h else "", f"{mm}m" if mm else ""]
    return " ".join(p for p in parts if p) or "0m"


@builder
def build_happyfox_tickets() -> dict[str, Any]:
    # HappyFox > Reports > Tabular export: "Ticket ID" #SUP00412, "Subject", "Category",
    # "Status" (New / In Progress / On Hold / Closed), "Priority" (Low / Medium / High /
    # Critical), "Assignee", "Created On" (yyyy-mm-dd HH:MM), "Last Updated On", "Time to
    # First Response (Calendar Hours)", "Time to First Response (Business Hours)", "Time to
    # Resolve (Calendar Hours)", "Time to Resolve (Business Hours)" written "1d 3h 20m". No
    # response or resolution timestamps: the calendar columns are the times.
    rng = random.Random(2603)
    words = {"urgent": "Critical", "high": "High", "normal": "Medium", "low": "Low"}
    fmt = "%Y-%m-%d %H:%M"
    recs, rows = [], []
    for i, t in enumerate(spread(rng, FEB, 6)):
        t = t.replace(second=0)
        r = draw_ticket(rng, t, 60)
        recs.append(r)
        first, res = at(r, "frt"), at(r, "res")
        status = "Closed" if res else ("In Progress" if first else "New")
        if status == "In Progress" and rng.random() < 0.3:
            status = "On Hold"
        last = max(x for x in (t, first, res) if x is not None)
        rows.append([
            f"#SUP{412 + i:05d}", rng.choice(["Refund request", "Login issue", "Invoice copy",
                                              "Shipping delay"]),
            rng.choice(["Billing", "Accounts", "Orders"]), status, words[r["prio"]],
            rng.choice(AGENTS) if first else "", t.strftime(fmt), last.strftime(fmt),
            dhm(r["frt"]) if first else "", dhm(biz_seconds(t, first)) if first else "",
            dhm(r["res"]) if res else "", dhm(biz_seconds(t, res)) if res else "",
        ])  # fmt: skip
    write_csv(
        "happyfox_tickets.csv",
        ["Ticket ID", "Subject", "Category", "Status", "Priority", "Assignee", "Created On",
         "Last Updated On", "Time to First Response (Calendar Hours)",
         "Time to First Response (Business Hours)", "Time to Resolve (Calendar Hours)",
         "Time to Resolve (Business Hours)"],
        rows,
    )  # fmt: skip
    return ticket_truth(recs)


# --- 4. ManageEngine ServiceDesk Plus: "Feb 2, 2026 09:14 AM", overdue flags, "min" -----------


@builder
def build_sdp_requests() -> dict[str, Any]:
    # ServiceDesk Plus > Requests > Export as CSV: "Request ID", "Subject", "Requester",
    # "Technician", "Group", "Priority" (Low / Medium / High / Urgent), "Status" (Open / On
    # Hold / Resolved / Closed / Canceled), "Created Time", "Responded Time", "Resolved Time",
    # "Completed Time" ("Feb 2, 2026 09:14 AM"), "First Response Overdue" / "Overdue Status"
    # (true / false: SDP's own SLA), "Time Elapsed" ("135 min": working time the technician's
    # timer ran, a distractor). Canceled requests have no resolved time and are not open.
    rng = random.Random(2604)
    words = {"urgent": "Urgent", "high": "High", "normal": "Medium", "low": "Low"}

    def when(x: dt.datetime | None) -> str:
        if x is None:
            return ""
        return (
            f"{x:%b} {x.day}, {x:%Y} {x.hour % 12 or 12:02d}:{x:%M} {'AM' if x.hour < 12 else 'PM'}"
        )

    recs, rows = [], []
    for i, t in enumerate(spread(rng, FEB, 6)):
        t = t.replace(second=0)
        r = draw_ticket(rng, t, 60)
        first, res = at(r, "frt"), at(r, "res")
        status = rng.choice(["Resolved", "Closed"]) if res else (
            rng.choice(["Open", "On Hold"]) if first else "Open")  # fmt: skip
        if res is None and rng.random() < 0.12:
            status, r["closed"] = "Canceled", True
        recs.append(r)
        done = res + dt.timedelta(hours=rng.choice([0, 24])) if status == "Closed" else None
        rows.append([
            f"{9400 + i}", rng.choice(["Mailbox full", "Access request", "Software install",
                                       "Monitor flickers"]),
            rng.choice(["Anna Berg", "Tomas Ruiz", "Keiko Sato"]),
            rng.choice(AGENTS) if first else "", rng.choice(["Service Desk", "Desktop"]),
            words[r["prio"]], status, when(t), when(first), when(res), when(done),
            "true" if first is None or rng.random() < 0.2 else "false",
            "true" if rng.random() < 0.25 else "false",
            f"{rng.randint(5, 240)} min" if first else "0 min",
        ])  # fmt: skip
    write_csv(
        "sdp_requests.csv",
        ["Request ID", "Subject", "Requester", "Technician", "Group", "Priority", "Status",
         "Created Time", "Responded Time", "Resolved Time", "Completed Time",
         "First Response Overdue", "Overdue Status", "Time Elapsed"],
        rows,
    )  # fmt: skip
    return ticket_truth(recs)


# --- 5. Front conversations: local offsets beside UTC, "Waiting since" -------------------------


@builder
def build_front_conversations() -> dict[str, Any]:
    # Front > Analytics > Export (conversations): "Conversation ID" cnv_..., "Subject",
    # "Inbox", "Assignee", "Status" (unassigned / assigned / archived), "Tags", "Created at"
    # written in the workspace's zone with its offset (America/New_York, -05:00), "First reply
    # at" and "Archived at" in UTC with "Z", "Waiting since" (the customer's last unanswered
    # message, an open conversation only), "Messages". No priority: every SLA target is
    # normal's. Local creation 09:00-17:00 is 14:00-22:00 UTC, the same day.
    rng = random.Random(2605)
    recs, rows = [], []
    est = dt.timedelta(hours=-5)
    for t in spread(rng, FEB, 6, 9, 17):
        r = draw_ticket(rng, t)
        r["prio"] = "normal"
        recs.append(r)
        first, res = at(r, "frt"), at(r, "res")
        status = "archived" if res else ("assigned" if first else "unassigned")
        waiting = ""
        if res is None:
            w = (first or t) + dt.timedelta(minutes=rng.randint(0, 600)) if first else t
            waiting = (w - est).strftime("%Y-%m-%dT%H:%M:%SZ")
        utc = lambda x: "" if x is None else (x - est).strftime("%Y-%m-%dT%H:%M:%SZ")  # noqa: E731
        rows.append([
            f"cnv_{rng.getrandbits(40):x}", rng.choice(["Order #", "Re: Return label",
                                                         "Question about plan"]),
            rng.choice(["Support", "Returns"]), rng.choice(AGENTS) if first else "", status,
            rng.choice(["", "vip", "refund", "bug"]), t.strftime("%Y-%m-%dT%H:%M:%S-05:00"),
            utc(first), utc(res), waiting, rng.randint(1, 9),
        ])  # fmt: skip
    write_csv(
        "front_conversations.csv",
        ["Conversation ID", "Subject", "Inbox", "Assignee", "Status", "Tags", "Created at",
         "First reply at", "Archived at", "Waiting since", "Messages"],
        rows,
    )  # fmt: skip
    t = ticket_truth(recs)
    # days in UTC (the suite loads with timezone UTC): creation + 5 h, the same dates
    return t


# --- 6. Zendesk Explore backlog report: unsolved tickets per day and group ----------------------


@builder
def build_zendesk_backlog_daily() -> dict[str, Any]:
    # Explore > Backlog dashboard > "Backlog history" table exported: one row per calendar day
    # and group, "Unsolved tickets" at the day's end (a stock), "Created tickets", "Solved
    # tickets" (flows). The backlog at the end is the last day's unsolved, summed over groups.
    rng = random.Random(2606)
    rows, level = [], {g: rng.randint(20, 60) for g in GROUPS}
    last: dict[str, int] = {}
    created = 0
    d = dt.date(2026, 2, 2)
    while d <= dt.date(2026, 2, 15):
        for g in GROUPS:
            new = rng.randint(15, 40) if d.weekday() < 5 else rng.randint(0, 6)
            done = min(
                level[g] + new, rng.randint(10, 42) if d.weekday() < 5 else rng.randint(0, 3)
            )
            level[g] += new - done
            created += new
            rows.append([d.isoformat(), g, level[g], new, done])
            last[g] = level[g]
        d += dt.timedelta(days=1)
    write_csv("zendesk_backlog_daily.csv",
              ["Date - Day", "Ticket group", "Unsolved tickets", "Created tickets",
               "Solved tickets"], rows)  # fmt: skip
    return {"rows": len(rows), "first_day": "2026-02-02", "last_day": "2026-02-15",
            "backlog": sum(last.values()), "created": created}  # fmt: skip


# --- 7. A workbook: a pivot sheet first, the tickets second -----------------------------------


@builder
def build_tickets_with_pivot() -> dict[str, Any]:
    # A manager's workbook from a Zoho Desk export: sheet "Summary" (first, active) holds a
    # pivot by priority (Row Labels, Count of Ticket Id, Average of Resolution (hrs), Grand
    # Total); sheet "Tickets" the export: Ticket Id, Subject, Priority (High / Medium / Low /
    # Urgent), Status (Open / On Hold / Closed), Created Time, First Response Time (the reply's
    # timestamp), Closed Time as Excel datetime cells, Agent, Resolution (hrs) (a formula
    # result written as a number).
    from openpyxl import Workbook

    rng = random.Random(2607)
    words = {"urgent": "Urgent", "high": "High", "normal": "Medium", "low": "Low"}
    recs, rows = [], []
    for i, t in enumerate(spread(rng, FEB, 6)):
        r = draw_ticket(rng, t)
        recs.append(r)
        first, res = at(r, "frt"), at(r, "res")
        status = "Closed" if res else rng.choice(["Open", "On Hold"])
        rows.append([f"{77100 + i}", rng.choice(["Refund", "Password", "Delivery", "Invoice"]),
                     words[r["prio"]], status, t, first, res, rng.choice(AGENTS),
                     round(r["res"] / H, 2) if res else None])  # fmt: skip
    wb = Workbook()
    piv = wb.active
    piv.title = "Summary"
    piv.append(["Row Labels", "Count of Ticket Id", "Average of Resolution (hrs)"])
    for w in ["High", "Low", "Medium", "Urgent"]:
        mine = [x for x in rows if x[2] == w]
        hrs = [x[8] for x in mine if x[8] is not None]
        piv.append([w, len(mine), round(mean(hrs), 2) if hrs else None])
    allh = [x[8] for x in rows if x[8] is not None]
    piv.append(["Grand Total", len(rows), round(mean(allh), 2)])
    ws = wb.create_sheet("Tickets")
    ws.append(["Ticket Id", "Subject", "Priority", "Status", "Created Time",
               "First Response Time", "Closed Time", "Agent", "Resolution (hrs)"])  # fmt: skip
    for x in rows:
        ws.append(x)
    for col in "EFG":
        for c in ws[col][1:]:
            c.number_format = "dd/mm/yyyy hh:mm:ss"
    save_xlsx(wb, OUT / "tickets_with_pivot.xlsx")
    return ticket_truth(recs)


# --- 8. Kayako cases: spam, trash and merged cases -------------------------------------------------


@builder
def build_kayako_cases() -> dict[str, Any]:
    # Kayako > Cases > Export: "Case ID", "Subject", "Requester", "Status" (New / Open /
    # Pending / Completed / Closed; and, in the "All cases" view, Spam and Trash), "Priority"
    # (Low / Normal / High / Urgent, blank on spam), "Team", "Assignee", "Created at", "First
    # reply at", "Completed at" ("2026-02-02T09:14:05+00:00"), "Merged into" (a merged case is
    # Closed with the id it went into, and no completion). Spam and trashed cases are no
    # tickets: not contacts, not backlog; a merged case left the backlog (closed, no time).
    rng = random.Random(2608)
    words = {"urgent": "Urgent", "high": "High", "normal": "Normal", "low": "Low"}
    recs, rows = [], []
    fmt = "%Y-%m-%dT%H:%M:%S+00:00"
    for i, t in enumerate(spread(rng, FEB, 7)):
        r = draw_ticket(rng, t)
        first, res = at(r, "frt"), at(r, "res")
        u = rng.random()
        merged = ""
        if u < 0.1:  # spam: never replied, never completed
            r.update(frt=None, res=None, junk=True)
            first = res = None
            status, prio = "Spam", ""
        elif u < 0.16:
            r.update(frt=None, res=None, junk=True)
            first = res = None
            status, prio = "Trash", words[r["prio"]]
        elif u < 0.24 and res is None:
            r["closed"] = True
            status, prio, merged = "Closed", words[r["prio"]], f"{5600 + i - rng.randint(1, 5)}"
        else:
            status = rng.choice(["Completed", "Closed"]) if res else (
                rng.choice(["Open", "Pending"]) if first else "New")  # fmt: skip
            prio = words[r["prio"]]
        recs.append(r)
        rows.append([
            f"{5600 + i}", rng.choice(["Where is my order", "Cancel subscription", "WIN A PRIZE",
                                       "Broken item"]),
            rng.choice(["lee@example.com", "ana@example.org", "kim@example.net"]), status, prio,
            rng.choice(["Support", "Returns"]), rng.choice(AGENTS) if first else "",
            t.strftime(fmt), first.strftime(fmt) if first else "",
            res.strftime(fmt) if res else "", merged,
        ])  # fmt: skip
    write_csv(
        "kayako_cases.csv",
        ["Case ID", "Subject", "Requester", "Status", "Priority", "Team", "Assignee",
         "Created at", "First reply at", "Completed at", "Merged into"],
        rows,
    )  # fmt: skip
    t = ticket_truth(recs)
    t["rows"] = len(rows)
    t["junk"] = sum(bool(r.get("junk")) for r in recs)
    t["spam"] = sum(x[3] == "Spam" for x in rows)
    t["trash"] = sum(x[3] == "Trash" for x in rows)
    return t


# --- 9. Jira Service Management: priorities renamed "Sev 1" .. "Sev 4" --------------------------


@builder
def build_jsm_sev_priorities() -> dict[str, Any]:
    # Jira Service Management > Filters > Export > CSV (current fields): "Summary", "Issue key"
    # OPS-123, "Issue id", "Issue Type" (Incident), "Status" (Open / Work in progress /
    # Resolved / Closed), "Priority" renamed by the admin to "Sev 1" (critical) .. "Sev 4"
    # (low), "Assignee", "Reporter", "Created", "Updated", "Resolved" ("02/Feb/26 9:14 AM").
    # No first response time: FRT and the response SLA cannot be known.
    rng = random.Random(2609)
    words = {"urgent": "Sev 1", "high": "Sev 2", "normal": "Sev 3", "low": "Sev 4"}

    def jira(x: dt.datetime | None) -> str:
        if x is None:
            return ""
        return f"{x:%d/%b/%y} {x.hour % 12 or 12}:{x:%M} {'AM' if x.hour < 12 else 'PM'}"

    recs, rows = [], []
    for i, t in enumerate(spread(rng, FEB, 6)):
        t = t.replace(second=0)
        r = draw_ticket(rng, t, 60)
        r["frt"] = None
        recs.append(r)
        res = at(r, "res")
        status = rng.choice(["Resolved", "Closed"]) if res else rng.choice(
            ["Open", "Work in progress"])  # fmt: skip
        upd = res or t + dt.timedelta(minutes=rng.randint(5, 900))
        rows.append([
            rng.choice(["Checkout 500s", "Payment webhook lag", "SSO outage EU",
                        "Slow search"]), f"OPS-{1200 + i}", f"{40200 + i}", "Incident", status,
            words[r["prio"]], rng.choice(AGENTS), rng.choice(["pagerduty", "m.lopez"]),
            jira(t), jira(upd), jira(res),
        ])  # fmt: skip
    write_csv(
        "jsm_sev_priorities.csv",
        ["Summary", "Issue key", "Issue id", "Issue Type", "Status", "Priority", "Assignee",
         "Reporter", "Created", "Updated", "Resolved"],
        rows,
    )  # fmt: skip
    t = ticket_truth(recs)
    t["resolution_sla_if_all_normal"] = fixed_prio(recs, "normal")["resolution_sla"]
    return t


if __name__ == "__main__":
    BUILD.main()

"""Regenerate the twenty-ninth blind acceptance corpus (tests/test_real_exports_29.py).

    .venv/bin/python tests/data/exports29/make_exports.py             # write the files
    .venv/bin/python tests/data/exports29/make_exports.py --expected  # also print the truth

Round 29: agent-level and workforce-management exports a contact-center manager downloads,
read for the KPIs KPI Lab gives on them (contacts, AHT, occupancy, transfer rate, CSAT, cost
per contact) over the whole file and per agent. Each file with ONE trap: an Avaya CMS agent
report whose not-ready time is only written as one column per AUX reason code; agent names
written "Last, First" in quoted cells beside login ids; a payroll-style agent report in decimal
hours ("Staffed Hrs 7.75") beside H:MM:SS handle time, with a labour cost; a team-leader
subtotal row per team and a "Center Total" row per day; agents with no calls (one on leave:
occupancy undefined, one in training all day: occupancy 0); an agent session report (one row
per login, an agent logging in twice a day: two rows to add, and login/logout timestamps that
are not contacts); agent x 30-minute interval rows; a WFM adherence report (no contact KPIs);
a monthly agent scorecard with CSAT average + surveys and a QA score; outbound agent
productivity (dials, connects, talk time: no abandons to invent).

Each builder draws rows with its own seeded ``random.Random``, writes them the way the export
looks, and returns the KPIs computed in plain Python over the figures as displayed -- never
with KPI Lab code.

Conventions (the registry's defaults, as rounds 1-28): an agent report's contacts = the calls
the agents handled (an outbound report's: the dials); AHT = (talk + hold + ACW) / handled;
occupancy = handle time / (staffed - not ready), pooled as sums (per agent: the agent's sums;
undefined, not 0, for an agent with no available time); transfer rate over handled; CSAT the
mean 1-5 weighted by surveys; cost per contact = total cost / contacts.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/data: export_kit
from export_kit import Builders, csv_text, hms, r4, weekdays  # noqa: E402

OUT = Path(__file__).resolve().parent
BUILD = Builders(OUT)
builder, write_csv = BUILD, BUILD.write_csv
OCT = weekdays(dt.date(2025, 10, 6), dt.date(2025, 10, 17))
NOV = weekdays(dt.date(2025, 11, 3), dt.date(2025, 11, 7))
AGENTS = [
    ("Maya", "Lopez", "mlopez", 4101),
    ("Omar", "Haddad", "ohaddad", 4102),
    ("Jin", "Park", "jpark", 4103),
    ("Sara", "Novak", "snovak", 4104),
    ("Luca", "Bianchi", "lbianchi", 4105),
    ("Ada", "Okafor", "aokafor", 4106),
]
NAMES = [f"{f} {la}" for f, la, _, _ in AGENTS]


def write_lines(name: str, title: list[list[Any]], header: list[str], rows: list[list[Any]]
                ) -> None:  # fmt: skip
    """A report with title lines above the table."""
    (OUT / name).write_text(csv_text([*title, header, *rows]), encoding="utf-8")


def ms(sec: int) -> str:
    """CMS-style minutes:seconds ("7:09")."""
    return f"{sec // 60}:{sec % 60:02d}"


def handle_of(rng: random.Random, calls: int) -> tuple[int, int, int]:
    """A day's total talk, hold and ACW seconds for ``calls`` calls."""
    talk = sum(rng.randint(120, 480) for _ in range(calls))
    hold = sum(rng.choice([0, 0, rng.randint(5, 90)]) for _ in range(calls))
    acw = sum(rng.randint(10, 90) for _ in range(calls))
    return talk, hold, acw


def per_agent(rows: list[dict[str, Any]], num: str, den: str) -> dict[str, float | None]:
    """sum(num) / sum(den) per agent (None when the denominator is 0: undefined)."""
    out: dict[str, float | None] = {}
    for a in dict.fromkeys(r["agent"] for r in rows):
        mine = [r for r in rows if r["agent"] == a]
        d = sum(r[den] for r in mine)
        out[a] = r4(sum(r[num] for r in mine) / d) if d else None
    return out


def first_last(days: list[dt.date]) -> dict[str, str]:
    return {"first_day": min(days).isoformat(), "last_day": max(days).isoformat()}


# --- 1. Avaya CMS agent report: not-ready time only as one column per AUX reason ----------------

AUX = ["AUX 0 Default", "AUX 1 Break", "AUX 2 Lunch", "AUX 3 Meeting", "AUX 4 Training"]


@builder
def build_cms_agent_aux_reasons() -> dict[str, Any]:
    # CMS "Agent Summary" exported to CSV: title lines, "Date" 10/06/25, averages in m:ss
    # (Avg ACD Time includes hold), "Staffed Time" H:MM:SS, then one AUX column per reason
    # code and NO total AUX column. Not ready = the sum of the AUX columns.
    rng = random.Random(2901)
    rows = []
    for d in OCT:
        for name, (_, _, _, login) in zip(NAMES, AGENTS, strict=True):
            calls = rng.randint(25, 55)
            talk, hold, acw = handle_of(rng, calls)
            acd, wrap = round((talk + hold) / calls), round(acw / calls)
            aux = [rng.choice([0, rng.randint(0, 300)]), rng.randint(900, 1800),
                   rng.choice([1800, 3600]), rng.choice([0, 0, 1800]),
                   rng.choice([0, 0, 0, 3600])]  # fmt: skip
            idle = rng.randint(1200, 5400)
            handle = (acd + wrap) * calls  # as displayed
            staffed = handle + idle + sum(aux)
            rows.append({"day": d, "agent": name, "login": login, "calls": calls, "acd": acd,
                         "acw": wrap, "handle": handle, "aux": aux, "nr": sum(aux),
                         "staffed": staffed, "avail": staffed - sum(aux),
                         "trans": rng.randint(0, calls // 8)})  # fmt: skip
    write_lines(
        "cms_agent_aux_reasons.csv",
        [["Agent Summary"], ["Split/Skill: 12 Care Inbound"], ["Dates: 10/06/25 - 10/17/25"], []],
        ["Date", "Agent Name", "Login ID", "ACD Calls", "Avg ACD Time", "Avg ACW Time",
         "Trans Out", "Staffed Time", *AUX],
        [[f"{r['day']:%m/%d/%y}", r["agent"], r["login"], r["calls"], ms(r["acd"]),
          ms(r["acw"]), r["trans"], hms(r["staffed"], pad=False),
          *[hms(s, pad=False) for s in r["aux"]]] for r in rows],
    )  # fmt: skip
    calls, h = sum(r["calls"] for r in rows), sum(r["handle"] for r in rows)
    return {
        "rows": len(rows), "contacts": calls, "aht": r4(h / calls),
        "transfer_rate": r4(sum(r["trans"] for r in rows) / calls),
        "occupancy": r4(h / sum(r["avail"] for r in rows)),
        "occupancy_if_aux_ignored": r4(h / sum(r["staffed"] for r in rows)),
        "occupancy_by_agent": per_agent(rows, "handle", "avail"),
        **first_last(OCT),
    }  # fmt: skip


# --- 2. Agent names "Last, First" in quoted cells, login ids beside them -------------------------


@builder
def build_cxone_agent_last_first() -> dict[str, Any]:
    # NICE CXone "Agent Performance" CSV: "Agent Name" is "Lopez, Maya" (quoted, a comma
    # inside), "Agent ID" the login; totals in H:MM:SS; one row per agent per day.
    rng = random.Random(2902)
    rows = []
    for d in NOV:
        for f, la, login, _ in AGENTS:
            calls = rng.randint(20, 50)
            talk, hold, acw = handle_of(rng, calls)
            unav = rng.randint(2400, 6000)
            staffed = talk + hold + acw + unav + rng.randint(1200, 4800)
            rows.append({"day": d, "agent": f"{la}, {f}", "login": login, "calls": calls,
                         "talk": talk, "hold": hold, "acw": acw, "handle": talk + hold + acw,
                         "staffed": staffed, "unav": unav, "avail": staffed - unav,
                         "trans": rng.randint(0, calls // 6)})  # fmt: skip
    write_csv(
        "cxone_agent_last_first.csv",
        ["Date", "Agent Name", "Agent ID", "Inbound Handled", "Inbound Talk Time",
         "Inbound Hold Time", "ACW Time", "Transfers", "Login Time", "Unavailable Time"],
        [[f"{r['day']:%m/%d/%Y}", r["agent"], r["login"], r["calls"], hms(r["talk"]),
          hms(r["hold"]), hms(r["acw"]), r["trans"], hms(r["staffed"]), hms(r["unav"])]
         for r in rows],
    )  # fmt: skip
    calls, h = sum(r["calls"] for r in rows), sum(r["handle"] for r in rows)
    return {
        "rows": len(rows), "contacts": calls, "aht": r4(h / calls),
        "transfer_rate": r4(sum(r["trans"] for r in rows) / calls),
        "occupancy": r4(h / sum(r["avail"] for r in rows)),
        "aht_by_agent": per_agent(rows, "handle", "calls"),
        "contacts_by_agent": {a: sum(r["calls"] for r in rows if r["agent"] == a)
                              for a in dict.fromkeys(r["agent"] for r in rows)},
        **first_last(NOV),
    }  # fmt: skip


# --- 3. Decimal hours ("Staffed Hrs 7.75") beside H:MM:SS handle time, with a labour cost ------


@builder
def build_payroll_agent_hours() -> dict[str, Any]:
    # A WFM / payroll "Agent Hours" extract: "Staffed Hrs" and "Aux Hrs" in decimal hours to
    # 2 decimals, "Handle Time" H:MM:SS, "Hourly Rate" and "Labor Cost" (staffed hours x rate)
    # in dollars. Occupancy = handle / ((staffed - aux) hours x 3600).
    rng = random.Random(2903)
    rate = {n: rng.choice([18.5, 19.75, 21.0, 22.25]) for n in NAMES}
    rows = []
    for d in OCT:
        for n in NAMES:
            calls = rng.randint(25, 55)
            talk, hold, acw = handle_of(rng, calls)
            handle = talk + hold + acw
            aux_h = rng.choice([0.5, 0.75, 1.0, 1.25, 1.5])
            staffed_h = round((handle + rng.randint(1800, 5400)) / 3600 + aux_h, 2)
            staffed_h = max(staffed_h, round(handle / 3600 + aux_h + 0.01, 2))
            cost = round(staffed_h * rate[n], 2)
            rows.append({"day": d, "agent": n, "calls": calls, "handle": handle,
                         "staffed_h": staffed_h, "aux_h": aux_h, "cost": cost,
                         "avail": (staffed_h - aux_h) * 3600})  # fmt: skip
    write_csv(
        "payroll_agent_hours.csv",
        ["Work Date", "Employee", "Calls Handled", "Handle Time", "Staffed Hrs", "Aux Hrs",
         "Hourly Rate", "Labor Cost"],
        [[f"{r['day']:%Y-%m-%d}", r["agent"], r["calls"], hms(r["handle"], pad=False),
          f"{r['staffed_h']:.2f}", f"{r['aux_h']:.2f}", f"{rate[r['agent']]:.2f}",
          f"{r['cost']:.2f}"] for r in rows],
    )  # fmt: skip
    calls, h = sum(r["calls"] for r in rows), sum(r["handle"] for r in rows)
    return {
        "rows": len(rows), "contacts": calls, "aht": r4(h / calls),
        "occupancy": r4(h / sum(r["avail"] for r in rows)),
        "cost_per_contact": r4(sum(r["cost"] for r in rows) / calls),
        **first_last(OCT),
    }  # fmt: skip


# --- 4. Team-leader subtotal per team and a "Center Total" per day ------------------------------

TEAMS = {"Dana Rivera": NAMES[:3], "Ken Ito": NAMES[3:]}


@builder
def build_team_leader_subtotals() -> dict[str, Any]:
    # Daily agent report grouped by team leader: the agents of a team, then that team's
    # "Team Subtotal" row (Agent column), and after both teams a "Center Total" row (Team
    # Leader column, Agent blank). Totals in H:MM:SS, AHT m:ss as displayed.
    rng = random.Random(2904)
    rows, lines = [], []
    for d in OCT[:5]:
        day_rows = []
        for tl, agents in TEAMS.items():
            team = []
            for a in agents:
                calls = rng.randint(25, 55)
                handle = sum(handle_of(rng, calls))
                handle = calls * round(handle / calls)  # its AHT shows it to the second
                aux = rng.randint(2400, 5400)
                staffed = handle + aux + rng.randint(1200, 4800)
                r = {"day": d, "tl": tl, "agent": a, "calls": calls, "handle": handle,
                     "aux": aux, "staffed": staffed, "avail": staffed - aux,
                     "trans": rng.randint(0, calls // 8)}  # fmt: skip
                team.append(r)
                lines.append([f"{d:%m/%d/%Y}", tl, a, calls, hms(handle), ms(round(handle / calls)),
                              r["trans"], hms(staffed), hms(aux)])  # fmt: skip
            sub = {k: sum(r[k] for r in team) for k in ("calls", "handle", "trans", "staffed",
                                                        "aux")}  # fmt: skip
            lines.append([f"{d:%m/%d/%Y}", tl, "Team Subtotal", sub["calls"], hms(sub["handle"]),
                          ms(round(sub["handle"] / sub["calls"])), sub["trans"],
                          hms(sub["staffed"]), hms(sub["aux"])])  # fmt: skip
            day_rows += team
        tot = {k: sum(r[k] for r in day_rows) for k in ("calls", "handle", "trans", "staffed",
                                                        "aux")}  # fmt: skip
        lines.append([f"{d:%m/%d/%Y}", "Center Total", "", tot["calls"], hms(tot["handle"]),
                      ms(round(tot["handle"] / tot["calls"])), tot["trans"], hms(tot["staffed"]),
                      hms(tot["aux"])])  # fmt: skip
        rows += day_rows
    write_csv(
        "team_leader_subtotals.csv",
        [
            "Date",
            "Team Leader",
            "Agent",
            "Calls Handled",
            "Total Handle Time",
            "AHT",
            "Transfers",
            "Staffed Time",
            "AUX Time",
        ],
        lines,
    )
    calls, h = sum(r["calls"] for r in rows), sum(r["handle"] for r in rows)
    return {
        "rows": len(lines), "agent_rows": len(rows), "contacts": calls, "aht": r4(h / calls),
        "transfer_rate": r4(sum(r["trans"] for r in rows) / calls),
        "occupancy": r4(h / sum(r["avail"] for r in rows)),
        "contacts_if_totals_kept": calls * 3,
        **first_last(OCT[:5]),
    }  # fmt: skip


# --- 5. Agents with no calls: one on leave (undefined), one in training all day (0) -------------


@builder
def build_agent_roster_zero_calls() -> dict[str, Any]:
    # An agent daily report over the whole roster: "Ivy Chen" is on leave (every time 0:00:00,
    # 0 calls, the report writes 0.00% occupancy: undefined, not 0); "Noah Weber" is a new hire
    # in training (staffed 8 h, AUX 6 h, 2 h available and no call: occupancy 0, and his
    # available time belongs in the pooled denominator). The report's "Occupancy %" is handle /
    # (staffed - AUX) to 2 decimals.
    rng = random.Random(2905)
    rows = []
    for d in OCT[:5]:
        for n in [*NAMES[:4], "Noah Weber", "Ivy Chen"]:
            if n == "Ivy Chen":
                calls = handle = staffed = aux = 0
            elif n == "Noah Weber":
                calls = handle = 0
                staffed, aux = 28800, 21600
            else:
                calls = rng.randint(25, 55)
                handle = sum(handle_of(rng, calls))
                aux = rng.randint(2400, 5400)
                staffed = handle + aux + rng.randint(1200, 4800)
            rows.append({"day": d, "agent": n, "calls": calls, "handle": handle,
                         "staffed": staffed, "aux": aux, "avail": staffed - aux})  # fmt: skip
    write_csv(
        "agent_roster_zero_calls.csv",
        ["Date", "Agent", "ACD Calls", "AHT", "Staffed Time", "AUX Time", "Occupancy %"],
        [[f"{r['day']:%Y-%m-%d}", r["agent"], r["calls"],
          hms(round(r["handle"] / r["calls"]) if r["calls"] else 0),
          hms(r["staffed"]), hms(r["aux"]),
          f"{100 * r['handle'] / r['avail'] if r['avail'] else 0:.2f}%"] for r in rows],
    )  # fmt: skip
    # AHT as displayed (whole seconds) weighted by calls; occupancy from the figures shown
    shown = [{**r, "h": round(r["handle"] / r["calls"]) * r["calls"] if r["calls"] else 0}
             for r in rows]  # fmt: skip
    calls, h = sum(r["calls"] for r in shown), sum(r["h"] for r in shown)
    return {
        "rows": len(rows), "contacts": calls, "aht": r4(h / calls),
        "occupancy": r4(h / sum(r["avail"] for r in shown)),
        "occupancy_without_trainee": r4(
            h / sum(r["avail"] for r in shown if r["agent"] != "Noah Weber")),
        "occupancy_by_agent": per_agent(shown, "h", "avail"),
        **first_last(OCT[:5]),
    }  # fmt: skip


# --- 6. Agent session report: one row per login, two logins a day for some agents ---------------


@builder
def build_agent_login_sessions() -> dict[str, Any]:
    # Five9-style "Agent Login/Logout" session report: "Login Timestamp" / "Logout Timestamp"
    # (M/D/YYYY h:mm:ss AM), "Session Time", "Not Ready Time", "Calls Handled", "Handle Time".
    # Omar and Sara log in twice a day (split shift / reconnect): two rows to add, not
    # duplicates. A row is a session, not a contact.
    rng = random.Random(2906)
    rows = []
    for d in OCT[:5]:
        for n in NAMES:
            starts = [(8, 9 * 3600)] if n not in ("Omar Haddad", "Sara Novak") else \
                [(8, 4 * 3600), (13, 4 * 3600 + 1800)]  # fmt: skip
            for h0, length in starts:
                t0 = dt.datetime.combine(d, dt.time(h0)) + dt.timedelta(seconds=rng.randint(0, 600))
                calls = rng.randint(8, 25) if length < 6 * 3600 else rng.randint(25, 50)
                handle = sum(handle_of(rng, calls))
                nr = rng.randint(900, 2400)
                length = max(length, handle + nr + 600)
                rows.append({"day": d, "agent": n, "t0": t0, "t1": t0 + dt.timedelta(seconds=length),
                             "session": length, "nr": nr, "calls": calls, "handle": handle,
                             "avail": length - nr})  # fmt: skip

    def clock(t: dt.datetime) -> str:
        return f"{t.month}/{t.day}/{t.year} {t:%I:%M:%S %p}".replace(" 0", " ")

    write_csv(
        "agent_login_sessions.csv",
        ["Agent", "Login Timestamp", "Logout Timestamp", "Session Time", "Not Ready Time",
         "Calls Handled", "Handle Time"],
        [[r["agent"], clock(r["t0"]), clock(r["t1"]), hms(r["session"]), hms(r["nr"]),
          r["calls"], hms(r["handle"])] for r in rows],
    )  # fmt: skip
    calls, h = sum(r["calls"] for r in rows), sum(r["handle"] for r in rows)
    return {
        "rows": len(rows), "contacts": calls, "aht": r4(h / calls),
        "occupancy": r4(h / sum(r["avail"] for r in rows)),
        "contacts_by_agent": {a: sum(r["calls"] for r in rows if r["agent"] == a)
                              for a in NAMES},
        **first_last(OCT[:5]),
    }  # fmt: skip


# --- 7. Agent x 30-minute interval rows --------------------------------------------------------


@builder
def build_agent_interval_30() -> dict[str, Any]:
    # An "Agent Interval" report: one row per agent per 30-minute interval 08:00-16:30, times
    # in seconds: "Interval Start" (10/08/2025 08:30), "Agent", "Calls Handled", "Talk Time
    # (s)", "Hold Time (s)", "ACW Time (s)", "Staffed Time (s)", "Not Ready Time (s)". An
    # interval can have staffed time and no call.
    rng = random.Random(2907)
    rows = []
    for d in OCT[2:5]:
        for k in range(18):
            t = dt.datetime.combine(d, dt.time(8)) + dt.timedelta(minutes=30 * k)
            for n in NAMES:
                calls = rng.choice([0, 1, 2, 3, 3, 4, 4, 5])
                talk = sum(rng.randint(60, 300) for _ in range(calls))
                hold = sum(rng.choice([0, 0, rng.randint(5, 40)]) for _ in range(calls))
                acw = sum(rng.randint(10, 60) for _ in range(calls))
                nr = rng.choice([0, 0, 0, 300, 900, 1800])
                if talk + hold + acw > 1800 - nr:  # a full interval: no not-ready time
                    nr = 0
                if talk + hold + acw > 1800:
                    calls, talk, hold, acw = 0, 0, 0, 0
                handle = talk + hold + acw
                rows.append({"t": t, "agent": n, "calls": calls, "talk": talk, "hold": hold,
                             "acw": acw, "handle": handle, "staffed": 1800, "nr": nr,
                             "avail": 1800 - nr})  # fmt: skip
    write_csv(
        "agent_interval_30.csv",
        ["Interval Start", "Agent", "Calls Handled", "Talk Time (s)", "Hold Time (s)",
         "ACW Time (s)", "Staffed Time (s)", "Not Ready Time (s)"],
        [[f"{r['t']:%m/%d/%Y %H:%M}", r["agent"], r["calls"], r["talk"], r["hold"], r["acw"],
          r["staffed"], r["nr"]] for r in rows],
    )  # fmt: skip
    calls, h = sum(r["calls"] for r in rows), sum(r["handle"] for r in rows)
    return {
        "rows": len(rows), "contacts": calls, "aht": r4(h / calls),
        "occupancy": r4(h / sum(r["avail"] for r in rows)),
        "aht_by_agent": per_agent(rows, "handle", "calls"),
        "first_day": OCT[2].isoformat(), "last_day": OCT[4].isoformat(),
    }  # fmt: skip


# --- 8. WFM adherence report: scheduled vs actual, no contact KPIs ------------------------------


@builder
def build_wfm_adherence() -> dict[str, Any]:
    # NICE IEX-style "Agent Adherence Summary": per agent per day, scheduled and actual minutes
    # in adherence, "Adherence %" and "Conformance %". No contact is counted in it.
    rng = random.Random(2908)
    rows = []
    for d in OCT[:5]:
        for f, la, _, login in AGENTS:
            sched = 480
            in_adh = rng.randint(400, 475)
            actual = sched + rng.randint(-20, 15)
            rows.append([f"{la}, {f}", login, f"{d:%m/%d/%Y}", "Phones", hms(sched * 60)[:-3],
                         hms(actual * 60)[:-3], hms(in_adh * 60)[:-3],
                         hms((sched - in_adh) * 60)[:-3], f"{100 * in_adh / sched:.1f}",
                         f"{100 * actual / sched:.1f}"])  # fmt: skip
    write_lines(
        "wfm_adherence.csv",
        [["Agent Adherence Summary"], ["MU: 210 Care Inbound", "10/06/2025 - 10/10/2025"]],
        [
            "Agent Name",
            "Agent ID",
            "Date",
            "Activity Group",
            "Scheduled (hh:mm)",
            "Actual (hh:mm)",
            "In Adherence (hh:mm)",
            "Out of Adherence (hh:mm)",
            "Adherence %",
            "Conformance %",
        ],
        rows,
    )
    return {"rows": len(rows), **first_last(OCT[:5])}


# --- 9. Monthly agent scorecard: CSAT average + surveys, QA score ------------------------------


@builder
def build_agent_scorecard_monthly() -> dict[str, Any]:
    # A monthly agent scorecard: "Month" (Jul 2025), "Agent", "Calls Handled", "AHT" (m:ss),
    # "CSAT Avg (1-5)" to 2 decimals with "CSAT Surveys", "QA Score" (0-100), "FCR %". CSAT
    # pools over surveys; the QA score is not a CSAT.
    rng = random.Random(2909)
    rows = []
    for m in (7, 8, 9):
        for n in NAMES:
            calls = rng.randint(500, 900)
            aht = rng.randint(300, 520)
            surveys = rng.randint(8, 90)
            csat = round(sum(rng.choice([3, 4, 4, 5, 5, 5, 2, 1]) for _ in range(surveys))
                         / surveys, 2)  # fmt: skip
            rows.append({"m": dt.date(2025, m, 1), "agent": n, "calls": calls, "aht": aht,
                         "surveys": surveys, "csat": csat, "qa": round(rng.uniform(72, 98), 1),
                         "fcr": round(rng.uniform(65, 88), 1)})  # fmt: skip
    write_csv(
        "agent_scorecard_monthly.csv",
        ["Month", "Agent", "Calls Handled", "AHT", "CSAT Avg (1-5)", "CSAT Surveys",
         "QA Score", "FCR %"],
        [[f"{r['m']:%b %Y}", r["agent"], r["calls"], ms(r["aht"]), f"{r['csat']:.2f}",
          r["surveys"], f"{r['qa']:.1f}", f"{r['fcr']:.1f}%"] for r in rows],
    )  # fmt: skip
    calls = sum(r["calls"] for r in rows)
    return {
        "rows": len(rows), "contacts": calls,
        "aht": r4(sum(r["aht"] * r["calls"] for r in rows) / calls),
        "csat": r4(sum(r["csat"] * r["surveys"] for r in rows) / sum(r["surveys"] for r in rows)),
        "csat_rows_equal": r4(sum(r["csat"] for r in rows) / len(rows)),
        "fcr": r4(sum(r["fcr"] / 100 * r["calls"] for r in rows) / calls),
        "first_day": "2025-07-01", "last_day": "2025-09-01",
    }  # fmt: skip


# --- 10. Outbound agent productivity: dials, connects, talk time --------------------------------


@builder
def build_outbound_agent_dials() -> dict[str, Any]:
    # An outbound campaign "Agent Productivity" report: "Dials", "Connects", "Connect Rate",
    # "Talk Time", "Wrap Time" (totals H:MM:SS), "Avg Talk". A dial that did not connect was
    # not answered by the customer: it is no abandon; nothing queued, so no ASA / SL either.
    rng = random.Random(2910)
    rows = []
    for d in OCT:
        for n in NAMES:
            dials = rng.randint(80, 160)
            conn = round(dials * rng.uniform(0.2, 0.4))
            talk = sum(rng.randint(40, 420) for _ in range(conn))
            wrap = sum(rng.randint(10, 60) for _ in range(conn))
            rows.append({"day": d, "agent": n, "dials": dials, "conn": conn, "talk": talk,
                         "wrap": wrap})  # fmt: skip
    write_csv(
        "outbound_agent_dials.csv",
        ["Date", "Agent", "Campaign", "Dials", "Connects", "Connect Rate", "Talk Time",
         "Wrap Time", "Avg Talk"],
        [[f"{r['day']:%d/%m/%Y}", r["agent"], "Renewals Q4", r["dials"], r["conn"],
          f"{100 * r['conn'] / r['dials']:.1f}%", hms(r["talk"]), hms(r["wrap"]),
          hms(round(r["talk"] / r["conn"]))] for r in rows],
    )  # fmt: skip
    conn = sum(r["conn"] for r in rows)
    return {
        "rows": len(rows), "dials": sum(r["dials"] for r in rows), "connects": conn,
        "aht": r4(sum(r["talk"] + r["wrap"] for r in rows) / conn),
        "talk_time": r4(sum(r["talk"] for r in rows) / conn),
        **first_last(OCT),
    }  # fmt: skip


if __name__ == "__main__":
    BUILD.main()

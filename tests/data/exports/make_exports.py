"""Regenerate the blind acceptance corpus of real-looking exports (tests/test_real_exports.py).

    .venv/bin/python tests/data/exports/make_exports.py             # write the files
    .venv/bin/python tests/data/exports/make_exports.py --expected  # also print the truth

Each builder draws its rows with its own seeded ``random.Random`` (deterministic), writes the
file the way the vendor's export looks (headers, value spellings, decorations) and returns the
KPIs computed with plain Python over the *semantic* rows it drew (seconds, outcomes), never over
the written file and never with KPI Lab code. Those numbers were printed once with
``--expected`` and pasted into the test as literals.

Conventions of the truth (what a CX manager expects; the test file says why where debatable):
abandonment = abandoned / inbound contacts that queued (answered + abandoned + voicemail);
ASA = mean queue wait of answered inbound contacts; AHT = mean (talk + hold + ACW) of handled
contacts; service level (20 s, abandons negative) = answered within 20 s / (answered +
abandoned); aggregated averages are weighted by answered contacts; ticket SLA targets are the
app's defaults (first response: urgent 1 h, high 4 h, normal 8 h, low 24 h).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
import statistics
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/data: export_kit
from export_kit import mean, spread, weekdays  # noqa: E402

OUT = Path(__file__).resolve().parent
BUILDERS: dict[str, Callable[[], dict[str, Any]]] = {}
RESPONSE_SLA_H = {"urgent": 1, "high": 4, "normal": 8, "low": 24}


def builder(fn: Callable[[], dict[str, Any]]) -> Callable[[], dict[str, Any]]:
    BUILDERS[fn.__name__.removeprefix("build_")] = fn
    return fn


def write_csv(name: str, header: list[str], rows: list[list[Any]], *, sep: str = ",",
              encoding: str = "utf-8", crlf: bool = False) -> None:  # fmt: skip
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=sep, lineterminator="\r\n" if crlf else "\n")
    w.writerow(header)
    w.writerows(rows)
    (OUT / name).write_bytes(buf.getvalue().encode(encoding))


def hms(sec: float, pad: bool = False) -> str:
    s = int(round(sec))
    h, m, s = s // 3600, s % 3600 // 60, s % 60
    return f"{h:02d}:{m:02d}:{s:02d}" if pad else f"{h}:{m:02d}:{s:02d}"


def contact_truth(recs: list[dict[str, Any]], sl_t: float = 20.0) -> dict[str, Any]:
    """recs: dicts with inbound, outcome (answered/abandoned/voicemail/ignore/none), wait, handle."""
    inb = [r for r in recs if r["inbound"] and r["outcome"] != "ignore"]
    queued = [r for r in inb if r["outcome"] in ("answered", "abandoned", "voicemail")]
    ans = [r for r in queued if r["outcome"] == "answered"]
    ab = [r for r in queued if r["outcome"] == "abandoned"]
    handled = [r for r in recs if r["outcome"] == "answered" or (not r["inbound"] and r["handle"])]
    return {
        "rows": len(recs),
        "offered": len(queued),
        "answered": len(ans),
        "abandoned": len(ab),
        "abandonment_rate": len(ab) / len(queued),
        "asa": mean([r["wait"] for r in ans]),
        "aht": mean([r["handle"] for r in handled]) if handled else None,
        "service_level": sum(r["wait"] <= sl_t for r in ans) / (len(ans) + len(ab)),
        "first_day": min(r["start"] for r in recs).date().isoformat(),
        "last_day": max(r["start"] for r in recs).date().isoformat(),
    }


def draw_call(rng: random.Random, p_ab: float = 0.15, p_vm: float = 0.0) -> dict[str, Any]:
    """One inbound call: outcome, wait, talk, hold, acw (seconds, integers)."""
    u = rng.random()
    outcome = "abandoned" if u < p_ab else "voicemail" if u < p_ab + p_vm else "answered"
    if outcome == "answered":
        wait = rng.choice([rng.randint(0, 20), rng.randint(0, 20), rng.randint(21, 240)])
        talk, acw = rng.randint(45, 720), rng.randint(5, 150)
        hold = rng.choice([0, 0, rng.randint(5, 120)])
    else:
        wait = rng.randint(3, 300)
        talk = hold = acw = 0
    return {"outcome": outcome, "wait": wait, "talk": talk, "hold": hold, "acw": acw,
            "handle": talk + hold + acw if outcome == "answered" else 0, "inbound": True}  # fmt: skip


AGENTS = ["anna.k", "ben.o", "chloe.r", "dev.p", "elif.y", "femi.a"]


# --- 1. Amazon Connect contact records ----------------------------------------------------


@builder
def build_amazon_connect() -> dict[str, Any]:
    rng = random.Random(101)
    days = weekdays(dt.date(2025, 3, 3), dt.date(2025, 3, 7))
    recs, rows = [], []
    z = "%Y-%m-%dT%H:%M:%SZ"
    for i, t in enumerate(spread(rng, days, 12)):
        cid = f"{rng.getrandbits(32):08x}-{rng.getrandbits(16):04x}-4{i:03x}-a{rng.getrandbits(12):03x}-{rng.getrandbits(48):012x}"
        out = rng.random() < 0.12
        c = draw_call(rng, p_ab=0.18)
        queue = rng.choice(["Billing", "TechSupport", "Sales"])
        if out:
            c = {**c, "outcome": "none", "inbound": False, "wait": None}
            c["handle"] = c["talk"] + c["hold"] + c["acw"]
            if c["handle"] == 0:
                c["talk"] = rng.randint(60, 300)
                c["handle"] = c["talk"]
        c["start"] = t
        recs.append(c)
        agent = "" if c["outcome"] == "abandoned" else rng.choice(AGENTS)
        enq = t + dt.timedelta(seconds=rng.randint(8, 40)) if not out else None
        conn = (enq + dt.timedelta(seconds=c["wait"])) if c["outcome"] == "answered" else None
        if out:
            conn = t + dt.timedelta(seconds=rng.randint(5, 25))
        end = (conn or enq) + dt.timedelta(seconds=c["talk"] + c["hold"] + (c["wait"] if c["outcome"] == "abandoned" else 0))  # fmt: skip
        reason = ("CUSTOMER_DISCONNECT" if c["outcome"] == "abandoned"
                  else rng.choice(["CUSTOMER_DISCONNECT", "AGENT_DISCONNECT"]))  # fmt: skip
        rows.append([
            cid, cid, "VOICE", "OUTBOUND" if out else "INBOUND", t.strftime(z), end.strftime(z),
            (end + dt.timedelta(seconds=c["acw"] + 30)).strftime(z),
            f"+1555{rng.randint(1000000, 9999999)}", "" if out else queue,
            enq.strftime(z) if enq else "", "" if out else c["wait"], agent,
            conn.strftime(z) if conn else "",
            c["talk"] if agent else "", c["hold"] if agent else "", c["acw"] if agent else "",
            reason,
        ])  # fmt: skip
    header = ["ContactId", "InitialContactId", "Channel", "InitiationMethod",
              "InitiationTimestamp", "DisconnectTimestamp", "LastUpdateTimestamp",
              "CustomerEndpoint.Address", "Queue.Name", "QueueInfo.EnqueueTimestamp",
              "QueueInfo.Duration", "Agent.Username", "Agent.ConnectedToAgentTimestamp",
              "Agent.AgentInteractionDuration", "Agent.CustomerHoldDuration",
              "Agent.AfterContactWorkDuration", "DisconnectReason"]  # fmt: skip
    write_csv("amazon_connect_ctr.csv", header, rows)
    return contact_truth(recs)


# --- 2. Genesys Cloud interactions view export ---------------------------------------------


@builder
def build_genesys_interactions() -> dict[str, Any]:
    rng = random.Random(202)
    days = weekdays(dt.date(2025, 3, 3), dt.date(2025, 3, 21))
    people = ["Smith, Anna", "Okafor, Ben", "Ruiz, Chloe", "Patel, Dev"]
    recs, rows = [], []
    for t in spread(rng, days, 6)[:80]:
        out = rng.random() < 0.1
        ab = not out and rng.random() < 0.2
        talk, hold = rng.randint(40_000, 700_000), rng.choice([0, 0, rng.randint(3_000, 90_000)])
        acw = rng.randint(2_000, 120_000)
        queue_ms = None if out else rng.randint(1_500, 200_000)
        handle = 0 if ab else talk + hold + acw
        recs.append({"start": t, "inbound": not out,
                     "outcome": "none" if out else "abandoned" if ab else "answered",
                     "wait": None if queue_ms is None else queue_ms / 1000, "handle": handle / 1000})  # fmt: skip
        rows.append([
            f"{rng.getrandbits(32):08x}-{rng.getrandbits(16):04x}-{rng.getrandbits(16):04x}-{rng.getrandbits(16):04x}-{rng.getrandbits(48):012x}",
            t.strftime("%m/%d/%Y %I:%M:%S %p"), "voice", "outbound" if out else "inbound",
            "" if out else rng.choice(["Billing", "Support"]),
            "" if ab else rng.choice(people), f"tel:+1555{rng.randint(1000000, 9999999)}",
            "YES" if ab else "NO", "" if queue_ms is None else queue_ms,
            "" if ab else handle, "" if ab else talk, "" if ab else hold, "" if ab else acw,
            "" if ab else rng.choice(["Billing Inquiry", "Resolved", "Callback Requested"]),
        ])  # fmt: skip
    header = ["Conversation ID", "Date", "Media Type", "Direction", "Queue", "Users - Interacted",
              "ANI", "Abandoned", "Total Queue", "Total Handle", "Total Talk", "Total Hold",
              "Total ACW", "Wrap-up"]  # fmt: skip
    write_csv("genesys_interactions.csv", header, rows, crlf=True)
    return contact_truth(recs)


# --- 3. Five9 call log -----------------------------------------------------------------------


@builder
def build_five9_call_log() -> dict[str, Any]:
    rng = random.Random(303)
    days = weekdays(dt.date(2025, 3, 3), dt.date(2025, 3, 14))
    recs, rows = [], []
    for i, t in enumerate(spread(rng, days, 7)):
        c = draw_call(rng, p_ab=0.14, p_vm=0.1)
        c["start"] = t
        recs.append(c)
        disp = {"abandoned": "Abandon", "voicemail": "Voicemail"}.get(
            c["outcome"], rng.choice(["Resolved", "Resolved", "Not Resolved", "Transferred To 3rd Party"])
        )  # fmt: skip
        agent = rng.choice(AGENTS) + "@acme.com" if c["outcome"] == "answered" else ""
        rows.append([
            f"3000000{12345 + i * 7:08d}", t.strftime("%Y/%m/%d"), t.strftime("%H:%M:%S"),
            "Inbound Support", rng.choice(["Billing", "Tech"]), "Inbound", agent, disp,
            f"555{rng.randint(1000000, 9999999)}", hms(rng.randint(5, 30)), hms(c["handle"]),
            hms(c["wait"]), hms(c["talk"]), hms(c["hold"]), hms(c["acw"]),
            1 if c["outcome"] == "abandoned" else 0,
        ])  # fmt: skip
    header = ["CALL ID", "DATE", "TIME", "CAMPAIGN", "SKILL", "CALL TYPE", "AGENT", "DISPOSITION",
              "ANI", "IVR TIME", "HANDLE TIME", "QUEUE WAIT TIME", "TALK TIME", "HOLD TIME",
              "AFTER CALL WORK TIME", "ABANDONED"]  # fmt: skip
    write_csv("five9_call_log.csv", header, rows)
    return contact_truth(recs)


# --- 4. European day-first exports (';' and decimal comma) -----------------------------------


def _eu(seed: int, start: dt.date, end: dt.date) -> tuple[list[dict[str, Any]], list[list[Any]]]:
    rng = random.Random(seed)
    recs, rows = [], []
    for i, t in enumerate(spread(rng, weekdays(start, end), 4)):
        c = draw_call(rng, p_ab=0.12)
        c["wait"] = c["wait"] + rng.choice([0, 0.5])  # tenths of seconds, written "12,5"
        c["hold"] = 0
        c["handle"] = c["talk"] + c["acw"]
        c["start"] = t
        recs.append(c)
        rows.append([i + 1, t.strftime("%d/%m/%Y"), t.strftime("%H:%M:%S"), c, rng.choice(AGENTS)])
    return recs, rows


def _comma(x: float) -> str:
    return f"{x:g}".replace(".", ",")


@builder
def build_eu_dayfirst() -> dict[str, Any]:
    recs, raw = _eu(404, dt.date(2025, 1, 6), dt.date(2025, 2, 14))
    rows = []
    for n, d, tm, c, agent in raw:
        ans = c["outcome"] == "answered"
        rows.append([f"C{n:05d}", d, tm, "Service", agent if ans else "", _comma(c["wait"]),
                     _comma(c["talk"] + 0.0) if ans else "", _comma(c["acw"]) if ans else "",
                     "No" if ans else "Yes"])  # fmt: skip
    header = ["Call ID", "Date", "Time", "Queue", "Agent", "Wait Time (s)", "Talk Time (s)",
              "ACW (s)", "Abandoned"]  # fmt: skip
    write_csv("eu_dayfirst.csv", header, rows, sep=";", encoding="utf-8-sig", crlf=True)
    return contact_truth(recs)


@builder
def build_de_anrufe() -> dict[str, Any]:
    recs, raw = _eu(405, dt.date(2025, 2, 3), dt.date(2025, 3, 14))
    rows = []
    for n, d, tm, c, agent in raw:
        ans = c["outcome"] == "answered"
        rows.append([n, d, tm, "Kundenservice", agent if ans else "", _comma(c["wait"]),
                     _comma(c["talk"]) if ans else "0", _comma(c["acw"]) if ans else "0",
                     "Nein" if ans else "Ja"])  # fmt: skip
    header = ["Anruf-ID", "Datum", "Uhrzeit", "Warteschlange", "Mitarbeiter", "Wartezeit (s)",
              "Gesprächszeit (s)", "Nachbearbeitungszeit (s)", "Abgebrochen"]  # fmt: skip
    write_csv("de_anrufe.csv", header, rows, sep=";", encoding="cp1252", crlf=True)
    return contact_truth(recs)


@builder
def build_ambiguous_dates() -> dict[str, Any]:
    # Every date has both fields <= 12 (2-12 March 2025 written 03/02/2025 ... or 2 March as
    # 02/03/2025?), ',' separator and a decimal point: no evidence either way.
    rng = random.Random(406)
    # The same calls without an id column and with ISO dates: still one row per call.
    recs, rows, plain = [], [], []
    for i, t in enumerate(spread(rng, weekdays(dt.date(2025, 3, 3), dt.date(2025, 3, 12)), 3)):
        c = draw_call(rng, p_ab=0.25)
        c["start"] = t
        recs.append(c)
        ans = c["outcome"] == "answered"
        tail = [t.strftime("%H:%M"), c["wait"], c["talk"] if ans else "", "No" if ans else "Yes"]
        rows.append([f"A-{i + 1:03d}", t.strftime("%m/%d/%Y"), *tail])
        plain.append([t.strftime("%Y-%m-%d"), *tail])
    cols = ["Date", "Time", "Wait Time", "Talk Time", "Abandoned"]
    write_csv("ambiguous_dates.csv", ["Call ID", *cols], rows)
    write_csv("no_id_calls.csv", cols, plain)
    return contact_truth(recs)


# --- 5. US month-first with AM/PM --------------------------------------------------------------


@builder
def build_us_monthfirst() -> dict[str, Any]:
    rng = random.Random(505)
    recs, rows = [], []
    for t in spread(rng, weekdays(dt.date(2025, 1, 2), dt.date(2025, 1, 31)), 5):
        c = draw_call(rng, p_ab=0.1)
        c["start"] = t
        recs.append(c)
        ans = c["outcome"] == "answered"
        stamp = f"{t.month}/{t.day}/{t.year} {int(t.strftime('%I'))}:{t.strftime('%M %p')}"
        rows.append([stamp, f"(555) {rng.randint(200, 999)}-{rng.randint(1000, 9999)}", "Main",
                     rng.choice(AGENTS) if ans else "", c["wait"], c["talk"], c["hold"], c["acw"],
                     "N" if ans else "Y"])  # fmt: skip
    header = ["Start Time", "Caller ID", "Queue", "Agent Name", "Wait Time", "Talk Time",
              "Hold Time", "Wrap Up Time", "Abandoned"]  # fmt: skip
    write_csv("us_monthfirst.csv", header, rows)
    t = contact_truth(recs)
    # the file keeps minutes only: the first/last day are unaffected
    return t


# --- 6. unit-suffixed headers ----------------------------------------------------------------


@builder
def build_unit_suffixed_calls() -> dict[str, Any]:
    rng = random.Random(606)
    recs, rows = [], []
    for i, t in enumerate(spread(rng, weekdays(dt.date(2025, 4, 7), dt.date(2025, 4, 18)), 8)):
        c = draw_call(rng, p_ab=0.15)
        # multiples of 6 s so that "Handle Time [min]" is exact with one decimal
        c["talk"], c["hold"], c["acw"] = (6 * (c[k] // 6) for k in ("talk", "hold", "acw"))
        ans = c["outcome"] == "answered"
        c["handle"] = c["talk"] + c["hold"] + c["acw"] if ans else 0
        c["start"] = t
        recs.append(c)
        rows.append([f"CALL-{i + 1:04d}", t.strftime("%Y-%m-%d %H:%M:%S"), "Support",
                     rng.choice(AGENTS) if ans else "", c["wait"],
                     c["talk"] if ans else "", c["hold"] if ans else "", c["acw"] if ans else "",
                     f"{c['handle'] / 60:.1f}" if ans else "", "N" if ans else "Y"])  # fmt: skip
    header = ["Call ID", "Call Start", "Queue", "Agent", "Wait Time (s)", "Talk Time (s)",
              "Hold Time (s)", "ACW (s)", "Handle Time [min]", "Abandoned (Y/N)"]  # fmt: skip
    write_csv("unit_suffixed_calls.csv", header, rows)
    return contact_truth(recs)


def _daily_counts(rng: random.Random) -> tuple[int, int, int]:
    off = rng.randint(150, 420)
    ab = round(off * rng.uniform(0.03, 0.16))
    return off, off - ab, ab


@builder
def build_unit_suffixed_daily() -> dict[str, Any]:
    rng = random.Random(607)
    rows, tr = [], []
    d0 = dt.date(2025, 5, 1)
    for k in range(40):
        d = d0 + dt.timedelta(days=k)
        off, ans, ab = _daily_counts(rng)
        asa = rng.randint(8, 70)
        aht_min = round(rng.uniform(4.0, 9.0), 1)
        sl = round(rng.uniform(55, 95), 1)
        tr.append((d, off, ans, ab, asa, aht_min * 60, sl / 100))
        rows.append([d.isoformat(), off, ans, ab, f"{100 * ans / off:.1f}", asa, aht_min, sl])
    header = ["Date", "# Offered", "# Answered", "# Abandoned", "Answered %", "ASA (s)",
              "AHT (min)", "Service Level (%)"]  # fmt: skip
    write_csv("unit_suffixed_daily.csv", header, rows)
    sa = sum(r[2] for r in tr)
    return {
        "rows": len(tr), "contacts": sum(r[1] for r in tr),
        "abandonment_rate": sum(r[3] for r in tr) / sum(r[1] for r in tr),
        "asa": sum(r[4] * r[2] for r in tr) / sa, "aht": sum(r[5] * r[2] for r in tr) / sa,
        "service_level": sum(r[6] * r[2] for r in tr) / sa,
        "first_day": tr[0][0].isoformat(), "last_day": tr[-1][0].isoformat(),
    }  # fmt: skip


# --- 7. queue-research call log (Israeli bank style) -------------------------------------------


def _clock(t: dt.datetime) -> str:
    return f"{t.hour}:{t.minute:02d}:{t.second:02d}"


@builder
def build_bank_calllog() -> dict[str, Any]:
    rng = random.Random(707)
    days = [dt.date(1999, 1, 3), dt.date(1999, 1, 4), dt.date(1999, 1, 5)]
    servers = ["MICHAL", "DORIT", "AVI", "YIFAT", "ANAT"]
    recs, rows = [], []
    for d in days:
        for n, t in enumerate(spread(rng, [d], 50, 7, 17)):
            u = rng.random()
            outcome = "PHANTOM" if u < 0.06 else "HANG" if u < 0.24 else "AGENT"
            vru = rng.randint(3, 25)
            vexit = t + dt.timedelta(seconds=vru)
            direct = outcome == "AGENT" and rng.random() < 0.2  # reached an agent with no queue
            q = 0 if direct else rng.randint(1, 12) if outcome == "PHANTOM" else rng.randint(2, 400)
            ser = rng.randint(30, 900) if outcome == "AGENT" else 0
            qexit = vexit + dt.timedelta(seconds=q)
            rows.append([
                f"AA01{rng.randint(1, 16):02d}", n + 1, rng.choice([0, rng.randint(10**7, 10**8)]),
                rng.choice([0, 1, 2]), rng.choice(["PS", "PS", "PE", "IN", "NE", "NW", "TT"]),
                d.strftime("%y%m%d"), _clock(t), _clock(vexit), vru,
                "0:00:00" if direct else _clock(vexit), "0:00:00" if direct else _clock(qexit), q,
                outcome, _clock(qexit) if ser else "0:00:00",
                _clock(qexit + dt.timedelta(seconds=ser)) if ser else "0:00:00", ser,
                rng.choice(servers) if ser else "NO_SERVER",
            ])  # fmt: skip
            recs.append({"start": t, "inbound": True, "wait": q, "handle": ser,
                         "outcome": {"AGENT": "answered", "HANG": "abandoned"}.get(outcome, "ignore")})  # fmt: skip
    header = ["vru+line", "call_id", "customer_id", "priority", "type", "date", "vru_entry",
              "vru_exit", "vru_time", "q_start", "q_exit", "q_time", "outcome", "ser_start",
              "ser_exit", "ser_time", "server"]  # fmt: skip
    write_csv("bank_calllog.csv", header, rows)
    t = contact_truth(recs)
    t["phantom"] = sum(r["outcome"] == "ignore" for r in recs)
    return t


# --- 8. call ids restarting every day --------------------------------------------------------


@builder
def build_daily_restart_ids() -> dict[str, Any]:
    rng = random.Random(808)
    recs, rows = [], []
    for d in weekdays(dt.date(2025, 5, 5), dt.date(2025, 5, 9)):
        for n, t in enumerate(spread(rng, [d], 20)):
            c = draw_call(rng, p_ab=0.2)
            c["start"] = t
            recs.append(c)
            ans = c["outcome"] == "answered"
            rows.append([n + 1, d.isoformat(), t.strftime("%H:%M:%S"), "General",
                         rng.choice(AGENTS) if ans else "", c["wait"],
                         c["handle"] if ans else "", 0 if ans else 1])  # fmt: skip
    rows.insert(37, list(rows[36]))  # the export repeats one line verbatim (a true duplicate)
    header = ["call_id", "call_date", "call_time", "queue", "agent", "wait_sec", "handle_sec",
              "abandoned"]  # fmt: skip
    write_csv("daily_restart_ids.csv", header, rows)
    t = contact_truth(recs)
    t["file_rows"] = len(rows)
    return t


# --- 9. monthly aggregated report with missing numerators ------------------------------------


@builder
def build_monthly_report() -> dict[str, Any]:
    rng = random.Random(909)
    rows, tr = [], []
    empty = {"Jul 2023", "Dec 2023", "May 2024", "Aug 2024", "Nov 2024", "Feb 2025"}
    y, m = 2023, 4
    for _ in range(24):
        d = dt.date(y, m, 1)
        label = d.strftime("%b %Y")
        inbound = rng.randint(2500, 6000) + (4000 if label in empty else 0)
        ab = round(inbound * rng.uniform(0.18, 0.40))
        asa = rng.randint(25, 140)
        known = label not in empty
        tr.append((d, inbound, ab if known else None, asa))
        rows.append([label, f"{inbound:,}", ab if known else "", asa])
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    write_csv(
        "monthly_report.csv", ["Month", "Inbound Calls", "Abandoned Calls", "ASA (sec)"], rows
    )
    known = [r for r in tr if r[2] is not None]

    def pooled(rs: list[tuple[Any, ...]]) -> float:
        k = [r for r in rs if r[2] is not None]
        return sum(r[2] for r in k) / sum(r[1] for r in k)

    q2_2024 = [r for r in tr if r[0].year == 2024 and 4 <= r[0].month <= 6]
    jun = [r for r in tr if r[0] == dt.date(2024, 6, 1)][0]
    return {
        "rows": len(tr), "abandonment_rate": pooled(tr), "months_left_out": len(tr) - len(known),
        "naive_rate_all_inbound": sum(r[2] for r in known) / sum(r[1] for r in tr),
        "abandonment_2024_06": jun[2] / jun[1], "abandonment_2024_q2": pooled(q2_2024),
        "contacts": sum(r[1] for r in tr), "asa_min": min(r[3] for r in tr),
        "asa_max": max(r[3] for r in tr),
        "first_day": tr[0][0].isoformat(), "last_day": tr[-1][0].isoformat(),
    }  # fmt: skip


# --- 10. weekly aggregated report ------------------------------------------------------------


@builder
def build_weekly_report() -> dict[str, Any]:
    rng = random.Random(1010)
    rows, tr = [], []
    for k in range(26):
        d = dt.date(2025, 1, 6) + dt.timedelta(weeks=k)
        off = rng.randint(900, 2400)
        ab = round(off * rng.uniform(0.02, 0.14))
        ans = off - ab
        within = round(ans * rng.uniform(0.6, 0.95))
        aht = rng.randint(240, 520)
        tr.append((d, off, ans, ab, within, aht))
        rows.append([d.isoformat(), off, ans, ab, within, aht])
    header = ["Week starting", "Offered", "Answered", "Abandoned", "Answered within 20s",
              "AHT (s)"]  # fmt: skip
    write_csv("weekly_report.csv", header, rows)
    w3 = tr[2]
    return {
        "rows": len(tr), "contacts": sum(r[1] for r in tr),
        "abandonment_rate": sum(r[3] for r in tr) / sum(r[1] for r in tr),
        "service_level": sum(r[4] for r in tr) / sum(r[2] + r[3] for r in tr),
        "aht": sum(r[5] * r[2] for r in tr) / sum(r[2] for r in tr),
        "week3_start": w3[0].isoformat(), "week3_abandonment": w3[3] / w3[1],
        "week3_service_level": w3[4] / (w3[2] + w3[3]),
        "first_day": tr[0][0].isoformat(), "last_day": tr[-1][0].isoformat(),
    }  # fmt: skip


# --- 11. daily aggregated report with mm:ss averages -----------------------------------------


@builder
def build_daily_report() -> dict[str, Any]:
    rng = random.Random(1111)
    rows, tr = [], []
    for k in range(60):
        d = dt.date(2025, 1, 1) + dt.timedelta(days=k)
        off = rng.randint(80, 300)
        handled = off - rng.randint(2, 30)
        aht = rng.randint(180, 599)
        tr.append((d, off, handled, aht))
        rows.append([d.isoformat(), off, handled, f"{aht // 60:02d}:{aht % 60:02d}"])
    write_csv("daily_report.csv", ["Date", "Calls Offered", "Calls Handled",
                                   "Avg Handle Time (mm:ss)"], rows)  # fmt: skip
    return {
        "rows": len(tr), "contacts": sum(r[1] for r in tr),
        "aht": sum(r[3] * r[2] for r in tr) / sum(r[2] for r in tr),
        "first_day": tr[0][0].isoformat(), "last_day": tr[-1][0].isoformat(),
    }  # fmt: skip


# --- 12-14. ticket exports -------------------------------------------------------------------


def ticket_truth(tk: list[dict[str, Any]]) -> dict[str, Any]:
    """tk: created (datetime), frt (seconds or None), res (seconds or None), prio (urgent/.../None)."""
    solved = sorted(t["res"] for t in tk if t["res"] is not None)
    judged = [t for t in tk if t["frt"] is not None]
    ok = [t for t in judged if t["frt"] <= 3600 * RESPONSE_SLA_H[t["prio"] or "normal"]]
    out = {
        "rows": len(tk), "solved": len(solved), "resolution_time": mean(solved),
        "resolution_time_median": statistics.median(solved),
        "response_sla": len(ok) / len(judged),
        "response_sla_if_priority_ignored": sum(t["frt"] <= 8 * 3600 for t in judged) / len(judged),
        "frt": mean([t["frt"] for t in judged]),
        "first_day": min(t["created"] for t in tk).date().isoformat(),
        "last_day": max(t["created"] for t in tk).date().isoformat(),
    }  # fmt: skip
    csat = [t["csat"] for t in tk if t.get("csat") is not None]
    if csat:
        out["csat"] = mean(csat)
    return out


def draw_ticket(rng: random.Random, created: dt.datetime) -> dict[str, Any]:
    prio = rng.choice(["urgent", "high", "high", "normal", "normal", "normal", "low", "low"])
    frt = rng.choice([rng.randint(5, 90), rng.randint(60, 600), rng.randint(300, 2000)]) * 60
    solved = rng.random() < 0.75
    res = frt + rng.randint(10, 4000) * 60 if solved else None
    return {"created": created, "prio": prio, "frt": frt, "res": res}


@builder
def build_zendesk_tickets() -> dict[str, Any]:
    rng = random.Random(1212)
    tk, rows = [], []
    times = spread(rng, weekdays(dt.date(2025, 2, 3), dt.date(2025, 2, 28)), 4)[:80]
    for i, c in enumerate(times):
        c = c.replace(second=0)
        t = draw_ticket(rng, c)
        if rng.random() < 0.1:
            t["prio"] = None  # Zendesk leaves Priority blank when nobody set it
        tk.append(t)
        solved_at = c + dt.timedelta(seconds=t["res"]) if t["res"] else None
        status = rng.choice(["Solved", "Closed"]) if solved_at else rng.choice(["Open", "Pending", "On-hold"])  # fmt: skip
        rows.append([
            4100 + i, c.strftime("%Y-%m-%d %H:%M:%S"),
            solved_at.strftime("%Y-%m-%d %H:%M:%S") if solved_at else "",
            (t["prio"] or "").capitalize(), status,
            rng.choice(["Email", "Web form", "Chat", "Phone call (inbound)", "API"]),
            rng.choice(["Support", "Billing"]), rng.choice(["Sam Lee", "Tia Moreau", "-"]),
            t["frt"] // 60, t["res"] // 60 if t["res"] else "",
            rng.choice(["Good", "Bad", "Offered", "Unoffered", "Unoffered"]),
        ])  # fmt: skip
    header = ["Ticket ID", "Created at", "Solved at", "Priority", "Status", "Via", "Group",
              "Assignee", "First reply time in minutes", "Full resolution time in minutes",
              "Satisfaction Score"]  # fmt: skip
    write_csv("zendesk_tickets.csv", header, rows)
    return ticket_truth(tk)


@builder
def build_helpdesk_tickets() -> dict[str, Any]:
    rng = random.Random(1313)
    tk, rows = [], []
    names = {"urgent": "Critical", "high": "High", "normal": "Medium", "low": "Low"}
    for i, c in enumerate(spread(rng, weekdays(dt.date(2025, 3, 3), dt.date(2025, 3, 21)), 7)):
        c = c.replace(second=0)
        prio = rng.choice(list(names))
        frt_h = round(rng.choice([rng.uniform(0.1, 2), rng.uniform(1, 12), rng.uniform(6, 40)]), 2)
        status = rng.choice(["Resolved", "Closed", "Closed", "Open", "In Progress"])
        res_h = round(frt_h + rng.uniform(0.5, 96), 2) if status in ("Resolved", "Closed") else None
        csat = rng.randint(1, 5) if res_h is not None and rng.random() < 0.6 else None
        tk.append({"created": c, "prio": prio, "frt": frt_h * 3600,
                   "res": res_h * 3600 if res_h is not None else None, "csat": csat})  # fmt: skip
        rows.append([f"TCK-{1001 + i}", c.strftime("%Y-%m-%d %H:%M"), names[prio], status,
                     rng.choice(["Email", "Phone", "Chat", "Web Form"]), f"{frt_h:.2f}",
                     f"{res_h:.2f}" if res_h is not None else "", csat or ""])  # fmt: skip
    header = ["Ticket_ID", "Created_Date", "Priority", "Status", "Channel",
              "First_Response_Time_Hours", "Resolution_Time_Hours", "CSAT_Score"]  # fmt: skip
    write_csv("helpdesk_tickets.csv", header, rows)
    return ticket_truth(tk)


@builder
def build_freshdesk_timestamps() -> dict[str, Any]:
    rng = random.Random(1414)
    tk, rows = [], []
    f = "%Y-%m-%d %H:%M:%S"
    for i, c in enumerate(spread(rng, weekdays(dt.date(2025, 3, 3), dt.date(2025, 3, 14)), 8)):
        t = draw_ticket(rng, c)
        t["frt"] += rng.randint(0, 59)
        if t["res"] is not None:
            t["res"] += rng.randint(60, 119)
        tk.append(t)
        resolved = c + dt.timedelta(seconds=t["res"]) if t["res"] else None
        status = rng.choice(["Resolved", "Closed"]) if resolved else rng.choice(["Open", "Pending"])
        closed = resolved + dt.timedelta(hours=48) if status == "Closed" else None
        last = max(x for x in (c + dt.timedelta(seconds=t["frt"]), resolved, closed) if x)
        rows.append([
            5001 + i, rng.choice(["Refund request", "Cannot log in", "Invoice copy", "Bug report"]),
            status, t["prio"].capitalize().replace("Normal", "Medium"),
            rng.choice(["Email", "Portal", "Phone", "Chat"]), rng.choice(["Question", "Problem", "Incident"]),
            rng.choice(["Rui Costa", "Mei Chen", ""]), rng.choice(["Tier 1", "Billing"]),
            c.strftime(f), (c + dt.timedelta(days=3)).strftime(f),
            (c + dt.timedelta(seconds=t["frt"])).strftime(f),
            resolved.strftime(f) if resolved else "", closed.strftime(f) if closed else "",
            last.strftime(f),
        ])  # fmt: skip
    header = ["Ticket ID", "Subject", "Status", "Priority", "Source", "Type", "Agent", "Group",
              "Created time", "Due by Time", "Initial response time", "Resolved time",
              "Closed time", "Last update time"]  # fmt: skip
    write_csv("freshdesk_tickets.csv", header, rows)
    return ticket_truth(tk)


@builder
def build_servicenow_first_response_only() -> dict[str, Any]:
    # A ticket log with the day each ticket was logged (no time of day) and a "First response
    # at" timestamp: there is no creation *time*, so no first-response duration exists.
    rng = random.Random(1415)
    rows = []
    f = "%Y-%m-%d %H:%M:%S"
    prios = ["1 - Critical", "2 - High", "3 - Moderate", "4 - Low"]
    no_response, created = 0, []
    for i, c in enumerate(spread(rng, weekdays(dt.date(2025, 4, 1), dt.date(2025, 4, 11)), 6)):
        state = rng.choice(["New", "In Progress", "In Progress", "Resolved", "Closed"])
        first = c + dt.timedelta(seconds=rng.randint(300, 30000)) if state != "New" else None
        no_response += first is None
        created.append(c)
        upd = (first or c) + dt.timedelta(seconds=rng.randint(60, 90000))
        rows.append([f"INC00{10001 + i}", c.strftime("%Y-%m-%d"), rng.choice(prios), state,
                     rng.choice(["Service Desk", "Network"]), rng.choice(["Ava Ng", "Leo Park", ""]),
                     first.strftime(f) if first else "", upd.strftime(f)])  # fmt: skip
    header = ["Number", "Date", "Priority", "State", "Assignment group", "Assigned to",
              "First response at", "Updated"]  # fmt: skip
    write_csv("servicenow_first_response_only.csv", header, rows)
    return {"rows": len(rows), "no_first_response": no_response,
            "first_day": min(created).date().isoformat(), "last_day": max(created).date().isoformat()}  # fmt: skip


# --- 15. outcome columns ---------------------------------------------------------------------


@builder
def build_outcome_status() -> dict[str, Any]:
    rng = random.Random(1515)
    recs, rows = [], []
    for i, t in enumerate(spread(rng, weekdays(dt.date(2025, 6, 2), dt.date(2025, 6, 13)), 9)):
        c = draw_call(rng, p_ab=0.16, p_vm=0.08)
        c["start"] = t
        recs.append(c)
        ans = c["outcome"] == "answered"
        rows.append([f"{900000 + i}", t.strftime("%Y-%m-%d %H:%M:%S"), "Care",
                     rng.choice(AGENTS) if ans else "", c["outcome"].upper(), c["wait"],
                     c["talk"] if ans else ""])  # fmt: skip
    header = ["Call ID", "Call Start", "Queue", "Agent", "Status", "Wait (sec)", "Talk (sec)"]
    write_csv("outcome_status.csv", header, rows)
    return contact_truth(recs)


@builder
def build_outcome_handled() -> dict[str, Any]:
    rng = random.Random(1516)
    recs, rows = [], []
    for i, t in enumerate(spread(rng, weekdays(dt.date(2025, 6, 2), dt.date(2025, 6, 13)), 9)):
        c = draw_call(rng, p_ab=0.22)
        label = "Handled"
        if c["outcome"] == "abandoned":
            if rng.random() < 0.35:  # hung up within seconds: the export calls it a short abandon
                c["wait"], c["outcome"], label = rng.randint(1, 9), "ignore", "Short abandon"
            else:
                c["wait"], label = max(c["wait"], 10), "Abandoned"
        c["start"] = t
        recs.append(c)
        ans = c["outcome"] == "answered"
        rows.append([f"INT-{70000 + i}", t.strftime("%Y-%m-%d"), t.strftime("%H:%M:%S"), "Retail",
                     rng.choice(AGENTS) if ans else "", label, hms(c["wait"], pad=True),
                     hms(c["handle"], pad=True) if ans else ""])  # fmt: skip
    header = ["Interaction ID", "Date", "Time", "Skill", "Agent", "Call Result", "Queue Time",
              "Handle Time"]  # fmt: skip
    write_csv("outcome_handled.csv", header, rows)
    t = contact_truth(recs)
    t["short_abandons"] = sum(r["outcome"] == "ignore" for r in recs)
    return t


@builder
def build_outcome_disconnect() -> dict[str, Any]:
    rng = random.Random(1517)
    recs, rows = [], []
    for i, t in enumerate(spread(rng, weekdays(dt.date(2025, 6, 16), dt.date(2025, 6, 27)), 8)):
        c = draw_call(rng, p_ab=0.18)
        ivr = rng.random() < 0.08  # left in the IVR: never queued, not offered
        if ivr:
            c = {**c, "outcome": "none", "wait": None, "handle": 0}
        c["start"] = t
        recs.append(c)
        ans = c["outcome"] == "answered"
        reason = ("CONTACT_FLOW_DISCONNECT" if ivr else "CUSTOMER_DISCONNECT" if not ans
                  else rng.choice(["CUSTOMER_DISCONNECT", "AGENT_DISCONNECT"]))  # fmt: skip
        rows.append([f"ct-{i:04d}", t.strftime("%Y-%m-%dT%H:%M:%S"), "Claims",
                     rng.choice(AGENTS) if ans else "", "" if ivr else c["wait"],
                     c["talk"] if ans else "", reason])  # fmt: skip
    header = ["contact_id", "initiation_timestamp", "queue_name", "agent_username",
              "queue_wait_seconds", "talk_seconds", "disconnect_reason"]  # fmt: skip
    write_csv("outcome_disconnect.csv", header, rows)
    return contact_truth(recs)


# --- 16. spreadsheets: .ods, and .xlsx with title rows and a totals row ----------------------


@builder
def build_calls_ods() -> dict[str, Any]:
    import pandas as pd

    rng = random.Random(1616)
    recs, rows = [], []
    for i, t in enumerate(spread(rng, weekdays(dt.date(2025, 7, 1), dt.date(2025, 7, 10)), 5)):
        c = draw_call(rng, p_ab=0.15)
        c["start"] = t
        recs.append(c)
        ans = c["outcome"] == "answered"
        rows.append({"Call ID": f"L{i + 1:03d}", "Start": t, "Queue": "Helpline",
                     "Agent": rng.choice(AGENTS) if ans else "", "Wait Time": c["wait"],
                     "Talk Time": c["talk"], "Hold Time": c["hold"], "ACW": c["acw"],
                     "Abandoned": "No" if ans else "Yes"})  # fmt: skip
    pd.DataFrame(rows).to_excel(OUT / "calls.ods", engine="odf", index=False, sheet_name="Calls")
    return contact_truth(recs)


@builder
def build_titled_totals_xlsx() -> dict[str, Any]:
    from openpyxl import Workbook

    rng = random.Random(1617)
    wb = Workbook()
    ws = wb.active
    ws.title = "Daily"
    ws.append(["Contact Centre - Daily Summary"])
    ws.append(["Generated 01/04/2025 08:00 by WFM"])
    ws.append(["Date", "Offered", "Answered", "Abandoned", "ASA (s)", "AHT (s)", "Service Level"])
    tr = []
    for k in range(30):
        d = dt.date(2025, 3, 1) + dt.timedelta(days=k)
        off, ans, ab = _daily_counts(rng)
        asa, aht, sl = rng.randint(10, 80), rng.randint(200, 500), round(rng.uniform(0.5, 0.95), 3)
        tr.append((d, off, ans, ab, asa, aht, sl))
        ws.append([dt.datetime.combine(d, dt.time()), off, ans, ab, asa, aht, sl])
        ws.cell(ws.max_row, 1).number_format = "dd/mm/yyyy"
        ws.cell(ws.max_row, 7).number_format = "0.0%"
    sums = [sum(r[i] for r in tr) for i in (1, 2, 3)]
    ws.append(["Total", *sums, round(sum(r[4] * r[2] for r in tr) / sums[1]), None, None])
    wb.save(OUT / "titled_totals.xlsx")
    sa = sum(r[2] for r in tr)
    return {
        "rows": len(tr), "contacts": sums[0], "abandonment_rate": sums[2] / sums[0],
        "asa": sum(r[4] * r[2] for r in tr) / sa,
        "first_day": tr[0][0].isoformat(), "last_day": tr[-1][0].isoformat(),
    }  # fmt: skip


# --- 17. weekday-only call log (empty weekends) ----------------------------------------------


@builder
def build_weekday_calls() -> dict[str, Any]:
    rng = random.Random(1717)
    recs, rows = [], []
    for d in weekdays(dt.date(2025, 9, 1), dt.date(2025, 9, 19)):
        for t in spread(rng, [d], rng.randint(4, 9)):
            c = draw_call(rng, p_ab=0.15)
            c["start"] = t
            recs.append(c)
            ans = c["outcome"] == "answered"
            rows.append([f"W{len(rows) + 1:04d}", t.strftime("%Y-%m-%d %H:%M:%S"), "Support",
                         rng.choice(AGENTS) if ans else "", c["wait"], c["talk"] if ans else "",
                         "FALSE" if ans else "TRUE"])  # fmt: skip
    header = ["Call ID", "Start Time", "Queue", "Agent", "Wait Time", "Talk Time", "Abandoned"]
    write_csv("weekday_calls.csv", header, rows)
    t = contact_truth(recs)
    fri = [r for r in recs if r["start"].date() == dt.date(2025, 9, 5)]
    t["contacts_2025_09_05"] = len(fri)
    t["abandonment_2025_09_05"] = sum(r["outcome"] == "abandoned" for r in fri) / len(fri)
    return t


def main() -> None:
    truth = {name: fn() for name, fn in BUILDERS.items()}
    if "--expected" in sys.argv:
        print(json.dumps(truth, indent=1, default=str))


if __name__ == "__main__":
    main()

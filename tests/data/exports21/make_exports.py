"""Regenerate the twenty-first blind acceptance corpus (tests/test_real_exports_21.py).

    .venv/bin/python tests/data/exports21/make_exports.py             # write the files
    .venv/bin/python tests/data/exports21/make_exports.py --expected  # also print the truth

Round 21 is adversarial but realistic: each file is a normal-looking contact log or summary
with ONE trap a real export has, a trap that could give a silent wrong number: a "Date"
column that is the report's run date beside the real start timestamps; a "Time" column that
holds durations beside a "Date" + "Start" pair; queue names that read like outcomes
("Abandoned Cart Support", "Missed Delivery") and a shared login called "Total Care Team";
an "Answered" column coded 1 = yes, 2 = no; an "Answered" Y / N column left blank on outbound
dials (and a blank queue); a hand-merged daily summary whose service level is 0-1 on some days
and 0-100 on others; conference bridges of 2-8 hours and 0-second ghost calls; zero-padded ids
beside a caller phone number column; timestamps written with a trailing "Z" that are local
wall-clock times; a log sorted newest-first whose last day is partial; a daily summary with
m:ss / mm:ss averages that could be read as hours and minutes; a chat log whose "Created Date"
has no time of day while "Closed Date" is complete (and runs past the last day), with a
"Transferred To" queue name for transfers.

Each builder draws rows with its own seeded ``random.Random``, writes them the way the export
looks, and returns the KPIs computed in plain Python over the drawn records -- never with
KPI Lab code.

Conventions (the registry's documented defaults, as rounds 1-20): contacts = rows of a contact
log; abandonment = abandoned / inbound queued (answered + abandoned; outbound is not queued);
ASA = mean wait of answered inbound rows; AHT = mean talk + hold + ACW of handled rows (inbound
answered, outbound connected; a 0-second ghost call that was answered is handled, with a handle
time of 0); service level (20 s, abandons negative) = answered within 20 s / (answered +
abandoned); CSAT the mean 1-5 rating over rated rows. Summaries: contacts = sum offered,
abandonment = abandoned / offered, ASA / AHT / a displayed service level weighted by answered.
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
    dial_out,
    draw_call,
    draw_row,
    drawn_calls,
    handled,
    hms,
    log_truth,
    mmss,
    r4,
    spread,
    summary_truth,
    weekdays,
)  # fmt: skip

OUT = Path(__file__).resolve().parent
BUILD = Builders(OUT)
builder, write_csv = BUILD, BUILD.write_csv
AGENTS = ["Maya Lopez", "Omar Haddad", "Jin Park", "Sara Novak", "Luca Bianchi", "Ada Okafor"]
QUEUES = ["Billing", "Support", "Sales"]
MAR = weekdays(dt.date(2025, 3, 10), dt.date(2025, 3, 21))
APR = weekdays(dt.date(2025, 4, 7), dt.date(2025, 4, 25))  # three weeks
MAY = weekdays(dt.date(2025, 5, 5), dt.date(2025, 5, 16))


# --- 1. A "Date" column that is the report's run date -------------------------------------------


@builder
def build_calls_with_run_date() -> dict[str, Any]:
    # A scheduled report e-mailed every Monday: its first column "Date" is the day the report
    # ran (03/24/2025 on every row), the call's own start is "Call Start" (ISO). Durations in
    # seconds, "Call Result" Answered / Abandoned, "CSAT" 1-5 or blank.
    rng = random.Random(2101)
    recs = drawn_calls(rng, MAR, 8, p_ab=0.14)
    rows = []
    for i, c in enumerate(recs):
        ok = handled(c)
        c["csat"] = rng.choice([None, None, 2, 3, 4, 5, 5]) if ok else None
        rows.append([
            "03/24/2025", f"C-{58110 + 7 * i}", f"{c['start']:%Y-%m-%d %H:%M:%S}",
            rng.choice(QUEUES), rng.choice(AGENTS) if ok else "", c["wait"], c["talk"],
            c["hold"], c["acw"], "Answered" if ok else "Abandoned",
            "" if c["csat"] is None else c["csat"],
        ])  # fmt: skip
    write_csv(
        "calls_with_run_date.csv",
        ["Date", "Call ID", "Call Start", "Queue", "Agent", "Wait Time (s)", "Talk Time (s)",
         "Hold Time (s)", "ACW (s)", "Call Result", "CSAT"],
        rows,
    )  # fmt: skip
    return log_truth(recs)


# --- 2. "Time" holds durations, beside "Date" + "Start" ------------------------------------------


@builder
def build_cdr_time_is_duration() -> dict[str, Any]:
    # A small PBX's call detail report: "Date" 2025-03-10, "Start" 08:05:12 (the time of day),
    # "Time" 00:05:12 = the connected time of the call (talk + hold, H:MM:SS, 00:00:00 when
    # abandoned), "Queue Wait (s)", "Status" Answered / Abandoned. No ACW column: handle =
    # the connected time.
    rng = random.Random(2102)
    recs = drawn_calls(rng, MAR, 9, p_ab=0.16)
    rows = []
    for c in recs:
        ok = handled(c)
        c["acw"] = 0
        c["handle"] = c["talk"] + c["hold"] if ok else 0
        rows.append([
            f"{c['start']:%Y-%m-%d}", f"{c['start']:%H:%M:%S}", hms(c["handle"]),
            f"+44 20 7946 {rng.randint(1000, 9999)}", rng.choice(QUEUES),
            f"x{rng.randint(201, 212)}" if ok else "", c["wait"],
            "Answered" if ok else "Abandoned",
        ])  # fmt: skip
    write_csv(
        "cdr_time_is_duration.csv",
        ["Date", "Start", "Time", "Caller", "Queue", "Extension", "Queue Wait (s)", "Status"],
        rows,
    )  # fmt: skip
    return log_truth(recs)


# --- 3. Queue names that read like outcomes, an agent called "Total Care Team" ------------------


@builder
def build_queues_named_like_outcomes() -> dict[str, Any]:
    # An e-commerce centre's log: queues "Abandoned Cart Support", "Missed Delivery",
    # "Lost & Stolen Cards", "Transfer Requests"; a shared login "Total Care Team" takes a
    # third of the answered calls (second column, beside other agents). "Start Time"
    # month-first on the 12-hour clock ("4/7/2025 8:05:12 AM"), "Queue Time" and "Handle Time"
    # in seconds, "Outcome" Handled / Abandoned.
    rng = random.Random(2103)
    recs = drawn_calls(rng, APR, 6, p_ab=0.15)
    queues = ["Abandoned Cart Support", "Missed Delivery", "Lost & Stolen Cards",
              "Transfer Requests"]  # fmt: skip
    rows = []
    for i, c in enumerate(recs):
        ok = handled(c)
        t = c["start"]
        clock = f"{t.hour % 12 or 12}:{t:%M:%S} {'AM' if t.hour < 12 else 'PM'}"
        agent = rng.choice(["Total Care Team", "Total Care Team", *AGENTS]) if ok else ""
        rows.append([
            f"INT-{740200 + i}", agent, rng.choice(queues), f"{t.month}/{t.day}/{t.year} {clock}",
            c["wait"], c["handle"], "Handled" if ok else "Abandoned",
        ])  # fmt: skip
    write_csv(
        "queues_named_like_outcomes.csv",
        ["Interaction ID", "Agent Name", "Queue Name", "Start Time", "Queue Time",
         "Handle Time", "Outcome"],
        rows,
    )  # fmt: skip
    t = log_truth(recs)
    t["total_care_rows"] = sum(r[1] == "Total Care Team" for r in rows)
    return t


# --- 4. "Answered" coded 1 = yes, 2 = no ---------------------------------------------------------


@builder
def build_answered_coded_1_2() -> dict[str, Any]:
    # A legacy ACD extract: "Answered" 1 (yes) / 2 (no), no legend; "QueueSec", "TalkSec",
    # "HoldSec", "WrapSec" (0 on unanswered calls), "Skill" names.
    rng = random.Random(2104)
    recs = drawn_calls(rng, MAY, 7, p_ab=0.17)
    rows = []
    for i, c in enumerate(recs):
        ok = handled(c)
        rows.append([
            91000 + i, f"{c['start']:%Y-%m-%d %H:%M:%S}", rng.choice(QUEUES), 1 if ok else 2,
            c["wait"], c["talk"], c["hold"], c["acw"],
        ])  # fmt: skip
    write_csv(
        "answered_coded_1_2.csv",
        ["CallNo", "StartDateTime", "Skill", "Answered", "QueueSec", "TalkSec", "HoldSec",
         "WrapSec"],
        rows,
    )  # fmt: skip
    return log_truth(recs)


# --- 5. Answered Y / N, blank on outbound dials; Queue blank on outbound -------------------------


@builder
def build_outbound_blank_answered() -> dict[str, Any]:
    # A blended team's log with no direction column: inbound calls have a Queue and
    # "Answered" Y / N; outbound dials (a quarter of the rows) have a blank Queue, a blank
    # "Answered" (not applicable) and a blank "Wait (s)"; an agent works several queues and
    # dials out. Outbound connected calls have talk / hold / wrap, not picked up ones 0.
    rng = random.Random(2105)
    recs, rows = [], []
    for i, t in enumerate(spread(rng, MAR, 9)):
        c = dial_out(rng) if rng.random() < 0.25 else draw_call(rng, p_ab=0.15)
        c["start"] = t
        recs.append(c)
        ok = handled(c)
        inb = c["inbound"]
        rows.append([
            f"{t:%Y%m%d}-{i:04d}", f"{t:%Y-%m-%d %H:%M:%S}",
            rng.choice(AGENTS[:4]) if ok or not inb else "", rng.choice(QUEUES) if inb else "",
            ("Y" if ok else "N") if inb else "", c["wait"] if inb else "", c["talk"],
            c["hold"], c["acw"],
        ])  # fmt: skip
    write_csv(
        "outbound_blank_answered.csv",
        ["Call ID", "Start", "Agent", "Queue", "Answered", "Wait (s)", "Talk (s)", "Hold (s)",
         "Wrap (s)"],
        rows,
    )  # fmt: skip
    t = log_truth(recs)
    t["outbound"] = sum(not r["inbound"] for r in recs)
    blank_as_no = [r for r in recs if r["outcome"] != "answered"]
    t["abandonment_if_blank_is_no"] = r4(len(blank_as_no) / len(recs))
    inb_ans = [r["handle"] for r in recs if r["outcome"] == "answered"]
    t["aht_inbound_answered_only"] = r4(sum(inb_ans) / len(inb_ans))
    return t


# --- 6. Hand-merged daily summary: service level 0-1 some days, 0-100 on others -----------------


@builder
def build_sl_hand_merged() -> dict[str, Any]:
    # Two queues' daily rows pasted together from two tools: weeks 1-2 (old tool) write the
    # service level as a fraction (0.8234), week 3 (new tool) as a percentage (82.34).
    # "ASA (s)", "AHT (s)" averages; the service level is weighted by answered.
    rng = random.Random(2106)
    rows, drawn = [], []
    for d in APR:
        for q in ("Claims", "Policy"):
            r = draw_row(rng, d, 70)
            r["sl"] = round(r["sl"], 2)
            drawn.append(r)
            sl = f"{r['sl']:.2f}" if d >= dt.date(2025, 4, 21) else f"{r['sl'] / 100:.4f}"
            rows.append([d.isoformat(), q, r["offered"], r["answered"], r["abandoned"],
                         r["asa"], r["aht"], sl])  # fmt: skip
    write_csv(
        "sl_hand_merged.csv",
        ["Date", "Queue", "Offered", "Answered", "Abandoned", "ASA (s)", "AHT (s)",
         "Service Level"],
        rows,
    )  # fmt: skip
    t = summary_truth(drawn)
    del t["transfer_rate"], t["talk_time"]  # not in the file
    ans = sum(r["answered"] for r in drawn)
    t["sl_if_fraction_read_as_pct"] = r4(sum(
        (r["sl"] if r["day"] >= dt.date(2025, 4, 21) else r["sl"] / 100) / 100 * r["answered"]
        for r in drawn) / ans)  # fmt: skip
    return t


# --- 7. Conference bridges (2-8 h) and 0-second ghost calls --------------------------------------


@builder
def build_bridge_and_ghost_calls() -> dict[str, Any]:
    # A normal inbound log that also holds 5 conference bridges (answered, talk 2-8 hours) and
    # 7 ghost calls (answered, 0:00:00 talk, no hold, no wrap: the line dropped as the agent
    # picked up). "Talk" H:MM:SS, "Wait" / "Hold" / "After Call Work" in seconds.
    rng = random.Random(2107)
    recs = drawn_calls(rng, APR, 5, p_ab=0.14)
    for k in rng.sample(range(len(recs)), 12):
        c = recs[k]
        c["outcome"], c["wait"], c["hold"] = "answered", rng.randint(0, 15), 0
        if k % 2 and sum(r.get("bridge", False) for r in recs) < 5:
            c["bridge"] = True
            c["talk"], c["acw"] = rng.randint(7200, 28800), rng.randint(30, 300)
        else:
            c["ghost"] = True
            c["talk"] = c["acw"] = 0
        c["handle"] = c["talk"] + c["acw"]
    rows = []
    for c in recs:
        ok = handled(c)
        q = "Conference Bridge" if c.get("bridge") else rng.choice(QUEUES)
        rows.append([
            f"{rng.randint(10**9, 10**10 - 1)}", f"{c['start']:%Y-%m-%d %H:%M:%S}", q,
            rng.choice(AGENTS) if ok else "", c["wait"], hms(c["talk"], pad=False), c["hold"],
            c["acw"], "Answered" if ok else "Abandoned",
        ])  # fmt: skip
    write_csv(
        "bridge_and_ghost_calls.csv",
        ["Call Id", "Start Time", "Queue", "Agent", "Wait", "Talk", "Hold", "After Call Work",
         "Disposition"],
        rows,
    )  # fmt: skip
    t = log_truth(recs)
    t["bridges"] = sum(bool(r.get("bridge")) for r in recs)
    t["ghosts"] = sum(bool(r.get("ghost")) for r in recs)
    plain = [r for r in recs if handled(r) and not r.get("bridge") and not r.get("ghost")]
    t["aht_without_bridges_and_ghosts"] = r4(sum(r["handle"] for r in plain) / len(plain))
    return t


# --- 8. Zero-padded ids beside a caller phone number column -------------------------------------


@builder
def build_ids_leading_zeros() -> dict[str, Any]:
    # "Call Ref" 6 digits, zero-padded ("004871"); "Caller ID" the caller's phone number as
    # digits (a third of the callers ring more than once); "Account No" zero-padded too;
    # "Abandoned" 0 / 1 beside per-call durations.
    rng = random.Random(2108)
    recs = drawn_calls(rng, MAY, 8, p_ab=0.15)
    pool = [f"0{rng.randint(7400000000, 7999999999)}" for _ in range(45)]
    rows = []
    for i, c in enumerate(recs):
        ok = handled(c)
        rows.append([
            f"{4871 + i:06d}", rng.choice(pool), f"{rng.randint(1, 99999):08d}",
            f"{c['start']:%d/%m/%Y %H:%M:%S}", rng.choice(QUEUES), c["wait"], c["handle"],
            0 if ok else 1,
        ])  # fmt: skip
    write_csv(
        "ids_leading_zeros.csv",
        ["Call Ref", "Caller ID", "Account No", "Call Date", "Queue", "Wait", "Handle",
         "Abandoned"],
        rows,
    )  # fmt: skip
    t = log_truth(recs)
    t["first_ref"], t["last_ref"] = rows[0][0], rows[-1][0]
    return t


# --- 9. Trailing "Z" on local wall-clock times ----------------------------------------------------


@builder
def build_z_but_local() -> dict[str, Any]:
    # A US centre's export: "Start Time (UTC)" written as "2025-03-10T08:05:12Z", but the
    # values are the centre's local wall-clock time (calls 08:00-18:00 local). With no hint
    # in the data, the importer can only say what it assumed.
    rng = random.Random(2109)
    recs = drawn_calls(rng, MAR, 7, p_ab=0.13)
    rows = []
    for c in recs:
        ok = handled(c)
        rows.append([
            f"CA{rng.randint(10**7, 10**8 - 1)}", f"{c['start']:%Y-%m-%dT%H:%M:%S}Z",
            rng.choice(QUEUES), rng.choice(AGENTS) if ok else "", c["wait"], c["talk"],
            c["hold"], c["acw"], "completed" if ok else "abandoned",
        ])  # fmt: skip
    write_csv(
        "z_but_local.csv",
        ["Call SID", "Start Time (UTC)", "Queue", "Agent", "Wait (s)", "Talk (s)", "Hold (s)",
         "Wrap (s)", "Status"],
        rows,
    )  # fmt: skip
    return log_truth(recs)


# --- 10. Newest first, a partial last day --------------------------------------------------------


@builder
def build_newest_first_partial() -> dict[str, Any]:
    # Exported at 11:02 on Friday 25 April: that day holds only the morning's calls, and the
    # file is sorted newest first. "Start" day-first "25/04/2025 10:58", seconds columns,
    # "Abandoned" TRUE / FALSE.
    rng = random.Random(2110)
    recs = drawn_calls(rng, APR[:-1], 6, p_ab=0.15)
    for t in spread(rng, APR[-1:], 3, h0=8, h1=11):
        c = draw_call(rng, p_ab=0.15)
        c["start"] = t
        recs.append(c)
    rows = []
    for i, c in enumerate(recs):
        ok = handled(c)
        rows.append([
            f"{rng.randint(10**5, 10**6 - 1)}-{i:03d}", f"{c['start']:%d/%m/%Y %H:%M}",
            rng.choice(QUEUES), rng.choice(AGENTS) if ok else "", c["wait"], c["talk"],
            c["hold"], c["acw"], "FALSE" if ok else "TRUE",
        ])  # fmt: skip
    rows.reverse()
    write_csv(
        "newest_first_partial.csv",
        ["Contact Id", "Start", "Queue", "Agent", "Wait Secs", "Talk Secs", "Hold Secs",
         "Wrap Secs", "Abandoned"],
        rows,
    )  # fmt: skip
    t = log_truth(recs)
    t["last_day_rows"] = sum(r["start"].date() == APR[-1] for r in recs)
    return t


# --- 11. Daily summary with m:ss / mm:ss averages ------------------------------------------------


@builder
def build_daily_mmss_summary() -> dict[str, Any]:
    # A daily queue report: "ASA" "0:38" (m:ss), "AHT" "05:12" (mm:ss, never hours and
    # minutes), "SL %" "82.4%"; offered = answered + abandoned.
    rng = random.Random(2111)
    rows, drawn = [], []
    for d in MAY:
        for q in ("Retail", "Business"):
            r = draw_row(rng, d, 90)
            r["sl"] = round(r["sl"], 1)
            drawn.append(r)
            rows.append([d.isoformat(), q, r["offered"], r["answered"], r["abandoned"],
                         f"{r['asa'] // 60}:{r['asa'] % 60:02d}", mmss(r["aht"]),
                         f"{r['sl']:.1f}%"])  # fmt: skip
    write_csv(
        "daily_mmss_summary.csv",
        ["Date", "Queue", "Offered", "Answered", "Abandoned", "ASA", "AHT", "SL %"],
        rows,
    )  # fmt: skip
    t = summary_truth(drawn)
    del t["transfer_rate"], t["talk_time"]  # not in the file
    return t


# --- 12. Chat log: "Created Date" without a time, a complete "Closed Date" ----------------------


@builder
def build_chats_created_closed() -> dict[str, Any]:
    # A chat tool's export: "Created Date" holds the day only (2025-03-10), "Closed Date" the
    # full timestamp -- usually the same day, but chats opened late are closed the next
    # working morning (Friday 21 March's late chats close on Monday 24 March). "Wait Time"
    # seconds, "Chat Duration" H:MM:SS (the handle time), "Missed" Y / N, "Transferred To" a
    # queue name or blank, "Rating" 1-5 or blank.
    rng = random.Random(2112)
    recs = drawn_calls(rng, MAR, 8, p_ab=0.12)
    rows = []
    for i, c in enumerate(recs):
        ok = handled(c)
        c["acw"] = c["hold"] = 0
        c["handle"] = c["talk"] if ok else 0
        c["transferred"] = ok and rng.random() < 0.18
        c["csat"] = rng.choice([None, None, 1, 3, 4, 5, 5]) if ok else None
        end = c["start"] + dt.timedelta(seconds=c["wait"] + c["handle"])
        if c["start"].hour >= 16 and rng.random() < 0.5:  # left open overnight
            nxt = c["start"].date() + dt.timedelta(days=3 if c["start"].weekday() == 4 else 1)
            end = dt.datetime.combine(nxt, dt.time(8, rng.randint(0, 59), rng.randint(0, 59)))
        rows.append([
            f"CH-{30555 + i}", f"{c['start']:%Y-%m-%d}", f"{end:%Y-%m-%d %H:%M:%S}",
            rng.choice(QUEUES), rng.choice(AGENTS) if ok else "", c["wait"],
            hms(c["handle"]), "N" if ok else "Y",
            rng.choice(["Tier 2", "Retentions"]) if c["transferred"] else "",
            "" if c["csat"] is None else c["csat"],
        ])  # fmt: skip
    write_csv(
        "chats_created_closed.csv",
        ["Chat ID", "Created Date", "Closed Date", "Queue", "Agent", "Wait Time",
         "Chat Duration", "Missed", "Transferred To", "Rating"],
        rows,
    )  # fmt: skip
    t = log_truth(recs)
    t["last_closed_day"] = max(r[2] for r in rows)[:10]
    t["closed_next_day"] = sum(r[1] != r[2][:10] for r in rows)
    return t


if __name__ == "__main__":
    BUILD.main()

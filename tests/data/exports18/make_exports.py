"""Regenerate the eighteenth blind acceptance corpus (tests/test_real_exports_18.py).

    .venv/bin/python tests/data/exports18/make_exports.py             # write the files
    .venv/bin/python tests/data/exports18/make_exports.py --expected  # also print the truth

Round 18 is about AGGREGATED (summary) REPORTS as managers really get them: interval reports
(15 and 30 minutes, the date in a title line or only on a group's first row), per-agent daily
totals, per-queue daily reports in European writing with decimal minutes, weekly reports with
"Wk 41 2024" labels, Sunday-Saturday date ranges or separate Year / Week columns, monthly
reports with quarter and year-to-date rows in the same column, a workbook with one column
group per channel under a merged group row, and reports whose averages cannot give a KPI.
Each builder draws rows with its own seeded ``random.Random`` (``export_kit.draw_row``),
writes them the way the tool shows them, and returns the KPIs computed in plain Python over
the *displayed* numbers -- never with KPI Lab code.

Conventions (the registry's documented defaults, as rounds 1-17):

* contacts = sum offered (an agent report: sum handled); abandonment = sum abandoned / sum
  offered over the rows that have both; ASA, AHT and talk time are averages of answered
  contacts weighted by answered; a total (``Total Talk Time``) divided by handled is the
  average; AHT = talk (incl. hold) + ACW;
* service level: an answered-within count gives within / (answered + abandoned); a displayed
  percentage or fraction is weighted by answered;
* subtotal, quarter, year-to-date and grand-total lines are not periods: they are left out
  (counting them would double the volume).
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
    draw_row,
    hms,
    mmss,
    r4,
    rows_truth,
    save_xlsx,
    wavg,
    weekdays,
)

OUT = Path(__file__).resolve().parent
BUILD = Builders(OUT)
builder, write_csv = BUILD, BUILD.write_csv
OCT = weekdays(dt.date(2024, 10, 14), dt.date(2024, 10, 25))
AGENTS = ["Maya Lopez", "Omar Haddad", "Jin Park", "Sara Novak", "Luca Bianchi", "Ada Okafor"]


def intervals(day: dt.date, minutes: int, h0: int = 8, h1: int = 18) -> list[dt.datetime]:
    t, end, out = dt.datetime.combine(day, dt.time(h0)), dt.datetime.combine(day, dt.time(h1)), []
    while t < end:
        out.append(t)
        t += dt.timedelta(minutes=minutes)
    return out


def per_period(rows: list[dict[str, Any]], key: Any) -> dict[str, int]:
    """Contacts (sum offered) per period key."""
    out: dict[str, int] = {}
    for r in rows:
        k = key(r)
        out[k] = out.get(k, 0) + r["offered"]
    return out


# --- 1. A 15-minute interval report: the date only in a title line -----------------------------


@builder
def build_interval15_title_date() -> dict[str, Any]:
    # "Queue Interval Report" / "Report date: 15/10/2024" / "Generated: 16/10/2024 06:00" and a
    # blank line above the table; Interval "08:00-08:15" (no date column), Queue, ASA / AHT as
    # m:ss, service level "80.5%". Two queues x 40 intervals.
    rng = random.Random(1801)
    day = dt.date(2024, 10, 15)
    rows, lines = [], []
    for q in ("Billing", "Tech Support"):
        for t in intervals(day, 15):
            r = draw_row(rng, t, 9 if q == "Billing" else 6)
            r["sl"] = round(r["sl"], 1)
            rows.append(r)
            end = t + dt.timedelta(minutes=15)
            lines.append([f"{t:%H:%M}-{end:%H:%M}", q, r["offered"], r["answered"],
                          r["abandoned"], mmss(r["asa"]), mmss(r["aht"]), f"{r['sl']:.1f}%"])  # fmt: skip
    head = ["Interval", "Queue", "Offered", "Answered", "Abandoned", "Avg Speed of Answer",
            "Avg Handle Time", "Service Level"]  # fmt: skip
    top = [["Queue Interval Report"], ["Report date: 15/10/2024"],
           ["Generated: 16/10/2024 06:00"], []]  # fmt: skip
    (OUT / "interval15_title_date.csv").write_text(csv_text([*top, head, *lines]), "utf-8")
    return rows_truth(rows)


def clock12(t: dt.datetime) -> str:
    """ "8:00 AM", "12:30 PM" (no leading zero)."""
    return f"{t.hour % 12 or 12}:{t:%M %p}"


# --- 2. A 30-minute interval report: 12-hour clock ranges, daily totals, totals of time --------


@builder
def build_interval30_ampm_totals() -> dict[str, Any]:
    # Date "10/14/2024" (month-first), Interval "8:00 AM - 8:30 AM", Skill; "Answered in 20
    # sec" a count; "Total Talk Time" / "Total ACW Time" period totals (h:mm:ss) to divide by
    # handled; ASA in seconds. After each day a "Daily Total" line (its Interval cell), then a
    # "Report Total" line with an empty date.
    rng = random.Random(1802)
    rows, lines = [], []

    def sums(rs: list[dict[str, Any]]) -> list[Any]:
        ans = sum(r["answered"] for r in rs)
        return [sum(r["offered"] for r in rs), ans, sum(r["abandoned"] for r in rs),
                sum(r["within"] for r in rs), hms(sum(r["talk_tot"] for r in rs), pad=False),
                hms(sum(r["acw_tot"] for r in rs), pad=False),
                round(sum(r["asa"] * r["answered"] for r in rs) / ans)]  # fmt: skip

    for d in OCT[:3]:
        day = []
        for t in intervals(d, 30):
            r = draw_row(rng, t, 14)
            r["talk_tot"] = (r["talk"] + r["hold"]) * r["answered"] + rng.randint(0, 59)
            r["acw_tot"] = r["acw"] * r["answered"] + rng.randint(0, 59)
            day.append(r)
            end = t + dt.timedelta(minutes=30)
            span = f"{clock12(t)} - {clock12(end)}"
            lines.append([f"{d:%m/%d/%Y}", span, "Claims", *sums([r])])
        rows += day
        lines.append([f"{d:%m/%d/%Y}", "Daily Total", "Claims", *sums(day)])
    lines.append(["", "Report Total", "", *sums(rows)])
    head = ["Date", "Interval", "Skill", "Calls Offered", "Calls Handled", "Calls Abandoned",
            "Answered in 20 sec", "Total Talk Time", "Total ACW Time", "ASA (sec)"]  # fmt: skip
    write_csv("interval30_ampm_totals.csv", head, lines)
    ans = sum(r["answered"] for r in rows)
    return rows_truth(
        rows, sl="count",
        aht=r4(sum(r["talk_tot"] + r["acw_tot"] for r in rows) / ans),
        talk_time=r4(sum(r["talk_tot"] for r in rows) / ans),
        per_day=per_period(rows, lambda r: r["day"].date().isoformat()),
        lines=len(lines),
    )  # fmt: skip


# --- 3. Per-agent daily totals: handled, talk / hold / ACW / AUX / staffed time --------------


@builder
def build_agent_daily_totals() -> dict[str, Any]:
    # Agent x day (ISO dates), Team; "ACD Calls" handled; "Total Talk Time", "Total Hold
    # Time", "Total ACW Time", "AUX Time", "Staffed Time" as hh:mm:ss. No offered, abandoned,
    # wait or service level: agent KPIs only.
    rng = random.Random(1803)
    recs, lines = [], []
    for d in OCT[:5]:
        for i, a in enumerate(AGENTS):
            n = rng.randint(18, 42)
            talk, hold, acw = (sum(rng.randint(lo, hi) for _ in range(n))
                               for lo, hi in ((90, 600), (0, 60), (10, 120)))  # fmt: skip
            aux = rng.randint(1200, 5400)
            staffed = talk + hold + acw + aux + rng.randint(3600, 9000)
            recs.append({"handled": n, "talk": talk, "hold": hold, "acw": acw, "aux": aux,
                         "staffed": staffed})  # fmt: skip
            lines.append([d.isoformat(), a, "Team A" if i < 3 else "Team B", n, hms(talk),
                          hms(hold), hms(acw), hms(aux), hms(staffed)])  # fmt: skip
    head = ["Date", "Agent", "Team", "ACD Calls", "Total Talk Time", "Total Hold Time",
            "Total ACW Time", "AUX Time", "Staffed Time"]  # fmt: skip
    write_csv("agent_daily_totals.csv", head, lines)
    n = sum(r["handled"] for r in recs)
    return {
        "rows": len(recs),
        "contacts": n,
        "aht": r4(sum(r["talk"] + r["hold"] + r["acw"] for r in recs) / n),
        "talk_time": r4(sum(r["talk"] for r in recs) / n),
        "hold_time": r4(sum(r["hold"] for r in recs) / n),
        "acw_time": r4(sum(r["acw"] for r in recs) / n),
        # occupancy = handling / (handling + available), available = staffed - AUX - handling
        "occupancy": r4(
            sum(r["talk"] + r["hold"] + r["acw"] for r in recs)
            / sum(r["staffed"] - r["aux"] for r in recs)
        ),  # fmt: skip
        "first_day": OCT[0].isoformat(),
        "last_day": OCT[4].isoformat(),
    }


# --- 4. Per-queue daily, European writing: ";", dd.mm.yyyy, decimal minutes, "80,5 %" --------


@builder
def build_queue_daily_eu_minutes() -> dict[str, Any]:
    # A BI export from a Benelux site, in English: ";" separated, "14.10.2024", "ASA (min)"
    # "0,75" and "AHT (min)" "5,20" (decimal minutes, two places), "Service level" "80,5 %".
    rng = random.Random(1804)
    rows, lines = [], []
    for d in OCT:
        for q, base in (("Orders", 220), ("Returns", 130), ("Payments", 90)):
            r = draw_row(rng, dt.datetime.combine(d, dt.time()), base)
            asa_m, aht_m = round(r["asa"] / 60, 2), round(r["aht"] / 60, 2)
            r["asa"], r["aht"], r["sl"] = asa_m * 60, aht_m * 60, round(r["sl"], 1)
            r["asa_s"], r["aht_s"] = round(asa_m * 60), round(aht_m * 60)
            rows.append(r)
            lines.append([f"{d:%d.%m.%Y}", q, r["offered"], r["answered"], r["abandoned"],
                          f"{asa_m:.2f}".replace(".", ","), f"{aht_m:.2f}".replace(".", ","),
                          f"{r['sl']:.1f} %".replace(".", ",")])  # fmt: skip
    head = ["Date", "Queue", "Offered", "Answered", "Abandoned", "ASA (min)", "AHT (min)",
            "Service level"]  # fmt: skip
    write_csv("queue_daily_eu_minutes.csv", head, lines, sep=";")
    # "0,28" min is 16.8 s as written; to the whole second (17 s) the precision of two decimals
    # of a minute (0.6 s) is not overstated: both conventions are given.
    return rows_truth(rows, asa_whole_s=wavg(rows, "asa_s"), aht_whole_s=wavg(rows, "aht_s"))


# --- 5. Weekly per queue: "Wk 41 2024", subtotals per queue, a year-to-date line -----------------


def iso_monday(year: int, week: int) -> dt.date:
    return dt.date.fromisocalendar(year, week, 1)


@builder
def build_weekly_wk_subtotals() -> dict[str, Any]:
    # Queue, Week "Wk 36 2024".."Wk 44 2024" per queue; after each queue a "Sales Subtotal"
    # line (Week empty); a "YTD Total" line at the end. ASA / AHT hh:mm:ss, service level a
    # fraction "0.805" (three places).
    rng = random.Random(1805)
    rows, lines = [], []

    def agg(q: str, rs: list[dict[str, Any]]) -> list[Any]:
        ans = sum(r["answered"] for r in rs)
        return [q, "", sum(r["offered"] for r in rs), ans, sum(r["abandoned"] for r in rs),
                hms(sum(r["asa"] * r["answered"] for r in rs) / ans),
                hms(sum(r["aht"] * r["answered"] for r in rs) / ans),
                f"{sum(r['sl'] * r['answered'] for r in rs) / ans / 100:.3f}"]  # fmt: skip

    for q, base in (("Sales", 900), ("Service", 1300)):
        qrows = []
        for w in range(36, 45):
            r = draw_row(rng, dt.datetime.combine(iso_monday(2024, w), dt.time()), base)
            r["sl"] = round(r["sl"] / 100, 3) * 100
            r["week"] = w
            qrows.append(r)
            lines.append([q, f"Wk {w} 2024", r["offered"], r["answered"], r["abandoned"],
                          hms(r["asa"]), hms(r["aht"]), f"{r['sl'] / 100:.3f}"])  # fmt: skip
        lines.append(agg(f"{q} Subtotal", qrows))
        rows += qrows
    lines.append(agg("YTD Total", rows))
    head = ["Queue", "Week", "Offered", "Answered", "Abandoned", "ASA", "AHT", "Service Level"]
    write_csv("weekly_wk_subtotals.csv", head, lines)
    wk41 = [r for r in rows if r["week"] == 41]
    return rows_truth(rows, week41=rows_truth(wk41), lines=len(lines),
                 per_week=per_period(rows, lambda r: r["day"].date().isoformat()))  # fmt: skip


# --- 6. Monthly with quarter rows and a year-to-date row in the same column ---------------------


@builder
def build_monthly_quarter_rows() -> dict[str, Any]:
    # "Month": Jul 2024 .. Dec 2024, with "Q3 2024" after September and "Q4 2024" after
    # December (the quarter's sums, ASA / AHT / SL weighted by answered, rounded), then
    # "YTD 2024" (the six months). SL % as a number "78.4".
    rng = random.Random(1806)
    rows, lines = [], []

    def line(label: str, rs: list[dict[str, Any]]) -> list[Any]:
        ans = sum(r["answered"] for r in rs)
        return [label, sum(r["offered"] for r in rs), ans, sum(r["abandoned"] for r in rs),
                round(sum(r["asa"] * r["answered"] for r in rs) / ans),
                round(sum(r["aht"] * r["answered"] for r in rs) / ans),
                round(sum(r["sl"] * r["answered"] for r in rs) / ans, 1)]  # fmt: skip

    for quarter, months in (("Q3 2024", (7, 8, 9)), ("Q4 2024", (10, 11, 12))):
        qrows = []
        for m in months:
            r = draw_row(rng, dt.datetime(2024, m, 1), 6500)
            r["sl"] = round(r["sl"], 1)
            qrows.append(r)
            lines.append(line(f"{dt.date(2024, m, 1):%b %Y}", [r]))
        lines.append(line(quarter, qrows))
        rows += qrows
    lines.append(line("YTD 2024", rows))
    head = ["Month", "Offered", "Answered", "Abandoned", "ASA (s)", "AHT (s)", "SL %"]
    write_csv("monthly_quarter_rows.csv", head, lines)
    return rows_truth(rows, lines=len(lines),
                 per_month=per_period(rows, lambda r: r["day"].date().isoformat()))  # fmt: skip


# --- 7. One row per day, one column group per channel, under a merged group row (.xlsx) -------


@builder
def build_channel_groups_workbook() -> dict[str, Any]:
    # Row 1 a merged title; row 2 the group row: "Voice" merged over 6 columns, "Chat" over 6,
    # "Email" over 3 (no abandon, no ASA, no SL for e-mail); row 3 the metric names; a hidden
    # first column "#" (a lookup index); Date as date cells (format "ddd dd/mm/yyyy"); ASA in
    # seconds, AHT "mm:ss" text, SL % a number; below the table a blank row and two notes in
    # column B (column A is hidden).
    from openpyxl import Workbook

    rng = random.Random(1807)
    wb = Workbook()
    ws = wb.active
    ws.title = "Daily by channel"
    ws.append(["", "Contact centre \u2013 daily volumes by channel, 14-25 Oct 2024"])
    ws.merge_cells("B1:Q1")
    ws.append(["", "", "Voice", *[""] * 5, "Chat", *[""] * 5, "Email", "", ""])
    ws.merge_cells("C2:H2")
    ws.merge_cells("I2:N2")
    ws.merge_cells("O2:Q2")
    six = ["Offered", "Answered", "Abandoned", "ASA (s)", "AHT", "SL %"]
    ws.append(["#", "Date", *six, *six, "Offered", "Answered", "AHT"])
    ws.column_dimensions["A"].hidden = True
    rows: dict[str, list[dict[str, Any]]] = {"Voice": [], "Chat": [], "Email": []}
    for i, d in enumerate(OCT, start=1):
        cells: list[Any] = [i, dt.datetime.combine(d, dt.time())]
        for ch, base in (("Voice", 320), ("Chat", 140)):
            r = draw_row(rng, cells[1], base)
            r["sl"] = round(r["sl"], 1)
            if ch == "Chat":
                r["aht"] += 240  # chats run longer
            rows[ch].append(r)
            cells += [r["offered"], r["answered"], r["abandoned"], r["asa"], mmss(r["aht"]),
                      r["sl"]]  # fmt: skip
        off = rng.randint(60, 110)
        e = {"day": cells[1], "offered": off, "answered": off - rng.randint(-8, 15),
             "aht": rng.randint(420, 1100)}  # fmt: skip
        rows["Email"].append(e)
        cells += [e["offered"], e["answered"], mmss(e["aht"])]
        ws.append(cells)
        ws.cell(ws.max_row, 2).number_format = "ddd dd/mm/yyyy"
    ws.append([])
    ws.append(["", "Notes: e-mail has no abandons and no speed of answer; AHT is mm:ss."])
    ws.append(["", "Source: ACD, chat platform and e-mail queue, exported 28/10/2024."])
    save_xlsx(wb, OUT / "channel_groups.xlsx")
    queued = rows["Voice"] + rows["Chat"]
    every = queued + rows["Email"]
    off = sum(r["offered"] for r in every)
    return {
        "rows": len(every),
        "contacts": off,
        "abandonment_rate": r4(
            sum(r["abandoned"] for r in queued) / sum(r["offered"] for r in queued)
        ),  # fmt: skip
        "asa": wavg(queued, "asa"),
        "aht": wavg(every, "aht"),
        "service_level": r4(wavg(queued, "sl") / 100),
        "per_channel_contacts": {k: sum(r["offered"] for r in v) for k, v in rows.items()},
        "email_aht": wavg(rows["Email"], "aht"),
        "first_day": OCT[0].isoformat(),
        "last_day": OCT[-1].isoformat(),
    }


# --- 8. Weekly, Sunday-Saturday date ranges (a WFM tool) -------------------------------------------


@builder
def build_weekly_date_ranges() -> dict[str, Any]:
    # "Period" = "09/08/2024 - 09/14/2024" (US, Sunday to Saturday), 6 weeks x 2 queues; the
    # first date of some ranges is ambiguous alone ("10/06/2024"), the end dates are not.
    # "% In SL" a number, ASA / AHT m:ss.
    rng = random.Random(1808)
    rows, lines = [], []
    for k in range(6):
        sun = dt.date(2024, 9, 8) + dt.timedelta(weeks=k)
        sat = sun + dt.timedelta(days=6)
        for q, base in (("Inbound Sales", 700), ("Customer Care", 1100)):
            r = draw_row(rng, dt.datetime.combine(sun, dt.time()), base)
            r["sl"] = round(r["sl"], 1)
            rows.append(r)
            lines.append([f"{sun:%m/%d/%Y} - {sat:%m/%d/%Y}", q, r["offered"], r["answered"],
                          r["abandoned"], f"{r['sl']:.1f}", mmss(r["asa"]), mmss(r["aht"])])  # fmt: skip
    head = ["Period", "Queue", "Calls Offered", "Calls Handled", "Calls Abandoned", "% In SL",
            "ASA", "AHT"]  # fmt: skip
    write_csv("weekly_date_ranges.csv", head, lines)
    return rows_truth(rows, per_week=per_period(rows, lambda r: r["day"].date().isoformat()))


# --- 9. An Excel pivot saved as CSV: the date only on a group's first row --------------------------


@builder
def build_pivot_interval_filldown() -> dict[str, Any]:
    # Tabular pivot layout without "repeat item labels": the Date (dd/mm/yyyy) on the first
    # interval of each day only, "15/10/2024 Total" lines (sums; "Average of" cells the plain
    # mean of the intervals, as a pivot computes them), then "Grand Total". Intervals "08:00"
    # (30 minutes), "Sum of ..." / "Average of ..." headers.
    rng = random.Random(1809)
    rows, lines = [], []

    def tot(label: str, rs: list[dict[str, Any]]) -> list[Any]:
        return [label, "", *(sum(r[k] for r in rs) for k in ("offered", "answered", "abandoned",
                                                            "within")),
                round(sum(r["asa"] for r in rs) / len(rs), 2),
                round(sum(r["aht"] for r in rs) / len(rs), 2)]  # fmt: skip

    for d in OCT[1:3]:
        day = []
        for j, t in enumerate(intervals(d, 30)):
            r = draw_row(rng, t, 12)
            day.append(r)
            lines.append([f"{d:%d/%m/%Y}" if j == 0 else "", f"{t:%H:%M}", r["offered"],
                          r["answered"], r["abandoned"], r["within"], r["asa"], r["aht"]])  # fmt: skip
        lines.append(tot(f"{d:%d/%m/%Y} Total", day))
        rows += day
    lines.append(tot("Grand Total", rows))
    head = ["Date", "Interval", "Sum of Offered", "Sum of Answered", "Sum of Abandoned",
            "Sum of Answered Within 20s", "Average of ASA (s)", "Average of AHT (s)"]  # fmt: skip
    write_csv("pivot_interval_filldown.csv", head, lines)
    return rows_truth(rows, sl="count", lines=len(lines),
                 per_day=per_period(rows, lambda r: r["day"].date().isoformat()))  # fmt: skip


# --- 10. Average wait of all callers, not ASA; talk and wrap averages -------------------------------


@builder
def build_daily_avg_wait_not_asa() -> dict[str, Any]:
    # "Avg Wait Time (s)" is the mean wait of every queued caller (answered and abandoned), not
    # the speed of answer: ASA must stay unavailable. AHT = "Avg Talk Time (s)" (incl. hold) +
    # "Avg Wrap Time (s)"; "% Answered in 30s" (the tool's threshold is 30 s).
    rng = random.Random(1810)
    rows, lines = [], []
    for d in OCT:
        r = draw_row(rng, dt.datetime.combine(d, dt.time()), 480)
        ab_wait = rng.randint(30, 200)
        q = r["answered"] + r["abandoned"]
        r["avg_wait"] = round((r["asa"] * r["answered"] + ab_wait * r["abandoned"]) / q)
        r["sl"] = round(r["sl"], 1)
        rows.append(r)
        lines.append([d.isoformat(), r["offered"], r["answered"], r["abandoned"], r["avg_wait"],
                      r["talk"] + r["hold"], r["acw"], r["sl"]])  # fmt: skip
    head = ["Date", "Offered", "Answered", "Abandoned", "Avg Wait Time (s)",
            "Avg Talk Time (s)", "Avg Wrap Time (s)", "% Answered in 30s"]  # fmt: skip
    write_csv("daily_avg_wait_not_asa.csv", head, lines)
    t = rows_truth(rows)
    t["talk_time"] = r4(sum((r["talk"] + r["hold"]) * r["answered"] for r in rows)
                        / sum(r["answered"] for r in rows))  # fmt: skip
    t["asa_if_avg_wait_misread"] = wavg(rows, "avg_wait")
    del t["asa"]
    return t


# --- 11. Separate Year and Week columns ---------------------------------------------------------------


@builder
def build_weekly_year_week_columns() -> dict[str, Any]:
    # A pivot with "Year" (2024) and "Week" (36..41, ISO numbers) as separate columns, then
    # Queue and the figures; ASA / AHT in seconds, "SL" a fraction.
    rng = random.Random(1811)
    rows, lines = [], []
    for w in range(36, 42):
        for q, base in (("Retail", 800), ("Business", 350)):
            r = draw_row(rng, dt.datetime.combine(iso_monday(2024, w), dt.time()), base)
            r["sl"] = round(r["sl"] / 100, 3) * 100
            rows.append(r)
            lines.append([2024, w, q, r["offered"], r["answered"], r["abandoned"], r["asa"],
                          r["aht"], f"{r['sl'] / 100:.3f}"])  # fmt: skip
    head = ["Year", "Week", "Queue", "Offered", "Answered", "Abandoned", "ASA", "AHT", "SL"]
    write_csv("weekly_year_week_columns.csv", head, lines)
    return rows_truth(rows, per_week=per_period(rows, lambda r: r["day"].date().isoformat()))


# --- 12. A daily report whose dates read both ways ----------------------------------------------------


@builder
def build_daily_ambiguous_dates() -> dict[str, Any]:
    # 1-11 October 2024 (weekdays) written dd/mm/yyyy: every value also reads as month-first
    # (10 January, 10 February, ... 10 November). Nothing in the file tells them apart.
    rng = random.Random(1812)
    rows, lines = [], []
    for d in weekdays(dt.date(2024, 10, 1), dt.date(2024, 10, 11)):
        r = draw_row(rng, dt.datetime.combine(d, dt.time()), 400)
        r["sl"] = round(r["sl"], 1)
        rows.append(r)
        lines.append([f"{d:%d/%m/%Y}", r["offered"], r["answered"], r["abandoned"], r["asa"],
                      r["aht"], r["sl"]])  # fmt: skip
    head = ["Date", "Offered", "Answered", "Abandoned", "ASA (s)", "AHT (s)", "SL %"]
    write_csv("daily_ambiguous_dates.csv", head, lines)
    return rows_truth(rows)


if __name__ == "__main__":
    BUILD.main()

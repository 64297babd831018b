"""Regenerate the twentieth blind acceptance corpus (tests/test_real_exports_20.py).

    .venv/bin/python tests/data/exports20/make_exports.py             # write the files
    .venv/bin/python tests/data/exports20/make_exports.py --expected  # also print the truth

Round 20 is about MANAGEMENT REPORTS and MULTI-FILE IMPORTS: a monthly KPI scorecard with
targets and RAG status beside the actuals (.xlsx), a quarterly management pack (Summary sheet
written sideways, one daily sheet per month, a Notes sheet), twelve monthly CSVs of one layout
imported together (two of them overlap the next month by a day), the same year as one file
per queue (the queue only in the file name), a daily report with week-to-date and
month-to-date columns beside each daily figure, a report whose service level and abandon rate
use other denominators and say so, a quarterly report by region and channel in fiscal
quarters ("FY25 Q1", the fiscal year's start in a title line) and one without that note, a CSV
with a units row under the header, a French summary with space / non-breaking-space thousands
and "81,3 %", and a weekly team report of HH:MM totals over 24 hours ("125:30") with ASA
"0:00:45". Each builder draws rows with its own seeded ``random.Random``
(``export_kit.draw_row``), writes them the way the tool shows them, and returns the KPIs
computed in plain Python over the *displayed* numbers -- never with KPI Lab code.

Conventions (the registry's documented defaults, as rounds 1-19):

* contacts = sum offered; abandonment = sum abandoned / sum offered (short abandons included:
  the default counts them); ASA and AHT weighted by answered; a period total of time divided
  by handled; AHT = talk (incl. hold) + ACW; occupancy pooled = handle time / (staffed - AUX);
* service level: an answered-within count gives within / (answered + abandoned); a displayed
  percentage is weighted by answered -- unless the report states another denominator
  ("SL (ans/offered)": answered within / offered), then it is pooled over that denominator;
* target, RAG, week-to-date, month-to-date, quarter and year totals are not data; a day
  exported twice (two overlapping monthly files, identical rows) is one day.
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
    weekdays,
)

OUT = Path(__file__).resolve().parent
BUILD = Builders(OUT)
builder, write_csv = BUILD, BUILD.write_csv
OCT = weekdays(dt.date(2024, 10, 14), dt.date(2024, 10, 25))
NBSP, NNBSP = "\u00a0", "\u202f"


def per_period(rows: list[dict[str, Any]]) -> dict[str, int]:
    """Contacts (sum offered) per period start."""
    out: dict[str, int] = {}
    for r in rows:
        k = r["day"].date().isoformat()
        out[k] = out.get(k, 0) + r["offered"]
    return out


def midnight(d: dt.date) -> dt.datetime:
    return dt.datetime.combine(d, dt.time())


def rag(good: bool, near: bool) -> str:
    return "Green" if good else "Amber" if near else "Red"


# --- 1. A monthly KPI scorecard: targets and RAG beside the actuals (.xlsx) ----------------------


@builder
def build_scorecard_targets() -> dict[str, Any]:
    # Sheet "Scorecard 2024": a merged title, a line of targets, a blank line, then one row per
    # month (date cells shown "Jan-24"): counts, "Target SL" 80% beside "Actual SL" (fractions
    # shown as %), "SL RAG", "Target ASA (s)" / "Actual ASA (s)" / "ASA RAG", "Target Abandon %"
    # / "Actual Abandon %" / "Abandon RAG", AHT "mm:ss" text, Comments; a "FY 2024" total row.
    from openpyxl import Workbook

    rng = random.Random(2001)
    wb = Workbook()
    ws = wb.active
    ws.title = "Scorecard 2024"
    ws.append(["Customer Service KPI Scorecard 2024"])
    ws.merge_cells("A1:O1")
    ws.append(["Targets: service level 80% in 20 s, ASA 30 s, abandonment under 5%"])
    ws.append([])
    ws.append(["Month", "Calls Offered", "Calls Answered", "Calls Abandoned", "Target SL",
               "Actual SL", "SL RAG", "Target ASA (s)", "Actual ASA (s)", "ASA RAG",
               "Target Abandon %", "Actual Abandon %", "Abandon RAG", "AHT (mm:ss)",
               "Comments"])  # fmt: skip
    notes = {3: "Billing run moved to the 15th", 7: "Storm outage on the 9th", 11: "Peak season"}
    rows = []
    for m in range(1, 13):
        r = draw_row(rng, dt.datetime(2024, m, 1), 9000)
        r["sl"] = round(r["sl"] / 100, 3) * 100
        rows.append(r)
        ab = round(r["abandoned"] / r["offered"], 3)
        ws.append([r["day"], r["offered"], r["answered"], r["abandoned"], 0.8, r["sl"] / 100,
                   rag(r["sl"] >= 80, r["sl"] >= 75), 30, r["asa"],
                   rag(r["asa"] <= 30, r["asa"] <= 40), 0.05, ab, rag(ab <= 0.05, ab <= 0.08),
                   mmss(r["aht"]), notes.get(m, "")])  # fmt: skip
        n = ws.max_row
        ws.cell(n, 1).number_format = "mmm-yy"
        for c in (5, 6, 11, 12):
            ws.cell(n, c).number_format = "0.0%"
    ans = sum(r["answered"] for r in rows)
    off = sum(r["offered"] for r in rows)
    ab_tot = sum(r["abandoned"] for r in rows)
    ws.append(["FY 2024", off, ans, ab_tot, 0.8,
               round(sum(r["sl"] * r["answered"] for r in rows) / ans / 100, 3), "", 30,
               round(sum(r["asa"] * r["answered"] for r in rows) / ans), "", 0.05,
               round(ab_tot / off, 3), "",
               mmss(round(sum(r["aht"] * r["answered"] for r in rows) / ans)), ""])  # fmt: skip
    save_xlsx(wb, OUT / "scorecard_targets_2024.xlsx")
    return rows_truth(rows, per_month=per_period(rows))


# --- 2. A quarterly management pack: Summary (sideways), one sheet per month, Notes (.xlsx) ----


@builder
def build_mgmt_pack() -> dict[str, Any]:
    # Sheet "Summary": title, blank, then KPI rows x columns "Target", "Jul 2024", "Aug 2024",
    # "Sep 2024", "Q3 2024", "RAG", "Commentary" (the months' exact sums; averages to one
    # decimal). Sheets "Jul 2024", "Aug 2024", "Sep 2024": one row per weekday (date cells
    # "dd/mm/yyyy"), counts, "Answered within 20s", ASA / AHT in seconds. Sheet "Notes": text.
    from openpyxl import Workbook

    rng = random.Random(2002)
    wb = Workbook()
    summary = wb.active
    summary.title = "Summary"
    months = {}
    for m in (7, 8, 9):
        last = (dt.date(2024, m + 1, 1) - dt.timedelta(days=1)).day
        days = weekdays(dt.date(2024, m, 1), dt.date(2024, m, last))
        rs = [draw_row(rng, midnight(d), 420) for d in days]
        months[m] = rs
        ws = wb.create_sheet(f"{dt.date(2024, m, 1):%b %Y}")
        ws.append(["Date", "Offered", "Answered", "Abandoned", "Answered within 20s",
                   "ASA (s)", "AHT (s)"])  # fmt: skip
        for r in rs:
            ws.append([r["day"], r["offered"], r["answered"], r["abandoned"], r["within"],
                       r["asa"], r["aht"]])  # fmt: skip
            ws.cell(ws.max_row, 1).number_format = "dd/mm/yyyy"
    notes = wb.create_sheet("Notes")
    for line in ("Service level = answered within 20 s / (answered + abandoned).",
                 "Figures from the ACD daily feed; August includes the bank holiday.",
                 "RAG: green on target, amber within 5 points, red otherwise."):  # fmt: skip
        notes.append([line])

    def agg(rs: list[dict[str, Any]]) -> dict[str, Any]:
        ans = sum(r["answered"] for r in rs)
        a = {k: sum(r[k] for r in rs) for k in ("offered", "answered", "abandoned", "within")}
        a["asa"] = round(sum(r["asa"] * r["answered"] for r in rs) / ans, 1)
        a["aht"] = round(sum(r["aht"] * r["answered"] for r in rs) / ans, 1)
        a["sl"] = round(100 * a["within"] / (a["answered"] + a["abandoned"]), 1)
        a["ab_pct"] = round(100 * a["abandoned"] / a["offered"], 1)
        a["day"] = rs[0]["day"].replace(day=1)
        return a

    cols = [agg(months[m]) for m in (7, 8, 9)]
    q3 = agg([r for m in (7, 8, 9) for r in months[m]])
    summary.append(["Q3 2024 Management Pack \u2013 Customer Care"])
    summary.append([])
    summary.append(["KPI", "Target", "Jul 2024", "Aug 2024", "Sep 2024", "Q3 2024", "RAG",
                    "Commentary"])  # fmt: skip
    spec = [("Calls Offered", "offered", None), ("Calls Answered", "answered", None),
            ("Calls Abandoned", "abandoned", None), ("Answered within 20s", "within", None),
            ("ASA (s)", "asa", 30), ("AHT (s)", "aht", 360), ("Service Level %", "sl", 80),
            ("Abandon %", "ab_pct", 5)]  # fmt: skip
    comment = {"sl": "Below target in August (holiday cover)", "asa": "Improving"}
    for label, key, target in spec:
        status = ""
        if target is not None:
            good = q3[key] >= target if key == "sl" else q3[key] <= target
            status = "Green" if good else "Red"
        summary.append([label, target, *(c[key] for c in cols), q3[key], status,
                        comment.get(key, "")])  # fmt: skip
    save_xlsx(wb, OUT / "mgmt_pack_q3_2024.xlsx")
    daily = [r for m in (7, 8, 9) for r in months[m]]
    return {
        "daily": rows_truth(daily, sl="count", per_month={f"{m:02d}": sum(r["offered"] for r in
                                                                     months[m]) for m in months}),
        "summary": rows_truth(cols, sl="count"),
        "july": rows_truth(months[7], sl="count"),
        "day_rows": {f"{m:02d}": len(months[m]) for m in months},
    }  # fmt: skip


# --- 3. Twelve monthly CSVs of one layout imported together; two overlap by a day --------------

MONTHLY_HEAD = ["Date", "Calls Offered", "Calls Answered", "Calls Abandoned",
                "Answered Within 30s", "ASA (sec)", "AHT (sec)"]  # fmt: skip


@builder
def build_monthly_files() -> dict[str, Any]:
    # "acd_daily_2024-01.csv" .. "acd_daily_2024-12.csv": one row per weekday, ISO dates; the
    # March file also has 1 April and the September file 1 October (re-run a day late): the
    # same rows, byte for byte, as in the April and October files.
    rng = random.Random(2003)
    rows = [draw_row(rng, midnight(d), 300)
            for d in weekdays(dt.date(2024, 1, 1), dt.date(2024, 12, 31))]  # fmt: skip
    files = {}
    for m in range(1, 13):
        mine = [r for r in rows if r["day"].month == m]
        if m in (3, 9):
            mine.append(next(r for r in rows if r["day"].month == m + 1))
        lines = [[f"{r['day']:%Y-%m-%d}", r["offered"], r["answered"], r["abandoned"],
                  r["within"], r["asa"], r["aht"]] for r in mine]  # fmt: skip
        name = f"acd_daily_2024-{m:02d}.csv"
        write_csv(name, MONTHLY_HEAD, lines)
        files[name] = len(lines)
    april1 = rows[[r["day"].date() for r in rows].index(dt.date(2024, 4, 1))]
    return rows_truth(rows, sl="count", lines=sum(files.values()), files=files,
                 april=sum(r["offered"] for r in rows if r["day"].month == 4),
                 april1=april1["offered"],
                 contacts_if_doubled=sum(r["offered"] for r in rows) + april1["offered"]
                 + next(r for r in rows if r["day"].month == 10)["offered"])  # fmt: skip


# --- 4. The same year as one file per queue, the queue only in the file name ---------------------


@builder
def build_queue_files() -> dict[str, Any]:
    # "monthly_Sales.csv", "monthly_Service.csv", "monthly_Retention.csv": Month "January
    # 2024" .. "December 2024", Offered, Handled, Abandoned, ASA / AHT "mm:ss", "SL %" "81.2%".
    rng = random.Random(2004)
    rows, per_queue = [], {}
    head = ["Month", "Offered", "Handled", "Abandoned", "ASA", "AHT", "SL %"]
    for q, base in (("Sales", 5200), ("Service", 8800), ("Retention", 2100)):
        qrows, lines = [], []
        for m in range(1, 13):
            r = draw_row(rng, dt.datetime(2024, m, 1), base)
            r["sl"] = round(r["sl"], 1)
            qrows.append(r)
            lines.append([f"{r['day']:%B %Y}", r["offered"], r["answered"], r["abandoned"],
                          mmss(r["asa"]), mmss(r["aht"]), f"{r['sl']:.1f}%"])  # fmt: skip
        write_csv(f"monthly_{q}.csv", head, lines)
        per_queue[q] = rows_truth(qrows)
        rows += qrows
    return rows_truth(rows, per_queue={q: t["contacts"] for q, t in per_queue.items()},
                 retention=per_queue["Retention"], per_month=per_period(rows))  # fmt: skip


# --- 5. A daily report with week-to-date and month-to-date columns ------------------------------


@builder
def build_today_wtd_mtd() -> dict[str, Any]:
    # One row per weekday, 1-15 November 2024; every KPI three times: "Calls Today", "Calls
    # WTD", "Calls MTD", ... "SL% Today", "SL% WTD", "SL% MTD". Only "Today" is the day's own
    # figure: the WTD / MTD columns re-count earlier days.
    rng = random.Random(2005)
    rows, lines = [], []
    for d in weekdays(dt.date(2024, 11, 1), dt.date(2024, 11, 15)):
        r = draw_row(rng, midnight(d), 650)
        r["sl"] = round(r["sl"], 1)
        rows.append(r)
        monday = d - dt.timedelta(days=d.weekday())
        wtd = [x for x in rows if x["day"].date() >= monday]
        line: list[Any] = [d.isoformat()]
        for key in ("offered", "answered", "abandoned"):
            line += [r[key], sum(x[key] for x in wtd), sum(x[key] for x in rows)]
        for key in ("asa", "aht", "sl"):
            line.append(r[key])
            for span in (wtd, rows):
                ans = sum(x["answered"] for x in span)
                line.append(round(sum(x[key] * x["answered"] for x in span) / ans, 1))
        lines.append(line)
    head = ["Date"]
    for k in ("Calls", "Answered", "Abandoned", "ASA", "AHT", "SL%"):
        head += [f"{k} Today", f"{k} WTD", f"{k} MTD"]
    write_csv("daily_today_wtd_mtd.csv", head, lines)
    return rows_truth(rows, contacts_if_mtd=sum(line[3] for line in lines))


# --- 6. Other denominators, said in the headers; a short-abandon count beside abandoned ---------


@builder
def build_denominators() -> dict[str, Any]:
    # Two title lines define the figures: "SL (ans/offered)" = answered within 20 s / offered;
    # "Abandon % (excl. short)" = (abandoned - short) / (offered - short), short = under 5 s.
    # "Abandoned" counts every abandon, short ones included; "Short Abandons (<5s)" beside it.
    rng = random.Random(2006)
    rows, lines = [], []
    for d in OCT:
        for q, base in (("Mobile", 360), ("Broadband", 240)):
            r = draw_row(rng, midnight(d), base, gap=30)
            r["short"] = rng.randint(0, max(1, r["abandoned"] // 3))
            r["sl"] = round(100 * r["within"] / r["offered"], 1)
            r["ab_excl"] = round(100 * (r["abandoned"] - r["short"])
                                 / (r["offered"] - r["short"]), 1)  # fmt: skip
            rows.append(r)
            lines.append([d.isoformat(), q, r["offered"], r["answered"], r["abandoned"],
                          r["short"], r["ab_excl"], r["sl"], r["asa"], r["aht"]])  # fmt: skip
    head = ["Date", "Queue", "Offered", "Answered", "Abandoned", "Short Abandons (<5s)",
            "Abandon % (excl. short)", "SL (ans/offered)", "ASA (s)", "AHT (s)"]  # fmt: skip
    top = [["Daily queue performance"],
           ["SL (ans/offered) = calls answered within 20 s / calls offered; Abandon % (excl. "
            "short) = (abandoned - short abandons) / (offered - short abandons); a short "
            "abandon is under 5 s"]]  # fmt: skip
    (OUT / "sl_offered_short_abandons.csv").write_text(csv_text([*top, head, *lines]), "utf-8")
    off = sum(r["offered"] for r in rows)
    ab, short = sum(r["abandoned"] for r in rows), sum(r["short"] for r in rows)
    ans = sum(r["answered"] for r in rows)
    return rows_truth(
        rows, sl="offered",
        abandonment_excl_short=r4((ab - short) / (off - short)),
        sl_as_within_over_ans_ab=r4(sum(r["sl"] * r["offered"] for r in rows) / 100
                                    / sum(r["answered"] + r["abandoned"] for r in rows)),
        sl_weighted_by_answered=r4(sum(r["sl"] * r["answered"] for r in rows) / 100 / ans),
    )  # fmt: skip


# --- 7. Fiscal quarters by region and channel, the fiscal year's start in a title line ----------


def fiscal_start(fy: int, q: int, first_month: int) -> dt.datetime:
    """Start of quarter ``q`` of fiscal year ``fy`` (named by the calendar year it ends in)."""
    month0 = first_month - 1 + 3 * (q - 1)
    year = fy - 1 + month0 // 12 if first_month > 1 else fy
    return dt.datetime(year, month0 % 12 + 1, 1)


@builder
def build_fiscal_quarters() -> dict[str, Any]:
    # "Fiscal year starts 1 April: FY25 = 1 April 2024 to 31 March 2025" in a title line;
    # "Fiscal Quarter" FY25 Q1 .. FY26 Q1 x Region (North, South) x Channel (Voice, Chat);
    # a "FY25 Total" line after FY25 Q4 (the four quarters' sums) is not a period.
    rng = random.Random(2007)
    rows, lines = [], []
    quarters = [(25, 1), (25, 2), (25, 3), (25, 4), (26, 1)]

    def line(label: str, region: str, ch: str, rs: list[dict[str, Any]]) -> list[Any]:
        ans = sum(r["answered"] for r in rs)
        return [label, region, ch, *(sum(r[k] for r in rs) for k in ("offered", "answered",
                                                                     "abandoned")),
                round(sum(r["asa"] * r["answered"] for r in rs) / ans),
                round(sum(r["aht"] * r["answered"] for r in rs) / ans),
                round(sum(r["sl"] * r["answered"] for r in rs) / ans, 1)]  # fmt: skip

    for fy, q in quarters:
        for region in ("North", "South"):
            for ch, base in (("Voice", 21000), ("Chat", 7500)):
                r = draw_row(rng, fiscal_start(2000 + fy, q, 4), base)
                r["sl"] = round(r["sl"], 1)
                r["aht"] += 200 if ch == "Chat" else 0
                r["q"] = (fy, q)
                rows.append(r)
                lines.append(line(f"FY{fy} Q{q}", region, ch, [r]))
        if (fy, q) == (25, 4):
            lines.append(line("FY25 Total", "All", "All", [r for r in rows if r["q"][0] == 25]))
    head = ["Fiscal Quarter", "Region", "Channel", "Contacts Offered", "Contacts Answered",
            "Contacts Abandoned", "ASA (s)", "AHT (s)", "SL %"]  # fmt: skip
    top = [["Contact Centre Quarterly Report by Region and Channel"],
           ["Fiscal year starts 1 April: FY25 = 1 April 2024 to 31 March 2025"], []]  # fmt: skip
    (OUT / "fiscal_quarters_region_channel.csv").write_text(csv_text([*top, head, *lines]), "utf-8")
    return rows_truth(rows, per_quarter=per_period(rows), lines=len(lines))


@builder
def build_fiscal_no_note() -> dict[str, Any]:
    # "FY2025 Q1" .. "FY2025 Q4" with nothing saying when the fiscal year starts (January,
    # April, July and October are all in use): the dates cannot be known from the file.
    rng = random.Random(2008)
    rows, lines = [], []
    for q in range(1, 5):
        r = draw_row(rng, fiscal_start(2025, q, 7), 30000)
        r["sl"] = round(r["sl"], 1)
        rows.append(r)
        lines.append([f"FY2025 Q{q}", r["offered"], r["answered"], r["abandoned"], r["asa"],
                      r["aht"], r["sl"]])  # fmt: skip
    head = ["Quarter", "Offered", "Answered", "Abandoned", "ASA (s)", "AHT (s)", "SL %"]
    write_csv("fiscal_quarters_no_note.csv", head, lines)
    return rows_truth(rows)


# --- 8. A units row under the header ------------------------------------------------------------


@builder
def build_units_row() -> dict[str, Any]:
    # Header "Date, Queue, Offered, Answered, Abandoned, ASA, AHT, Service Level", then a row
    # of units ("", "", "calls", "calls", "calls", "s", "s", "%"), then the data; dates
    # "14-Oct-2024".
    rng = random.Random(2009)
    rows, lines = [], [["", "", "calls", "calls", "calls", "s", "s", "%"]]
    for d in OCT:
        for q, base in (("Claims", 260), ("Policy", 180)):
            r = draw_row(rng, midnight(d), base)
            r["sl"] = round(r["sl"], 1)
            rows.append(r)
            lines.append([f"{d:%d-%b-%Y}", q, r["offered"], r["answered"], r["abandoned"],
                          r["asa"], r["aht"], r["sl"]])  # fmt: skip
    head = ["Date", "Queue", "Offered", "Answered", "Abandoned", "ASA", "AHT", "Service Level"]
    write_csv("units_row_daily.csv", head, lines)
    return rows_truth(rows)


# --- 9. A French monthly summary: space thousands, "81,3 %" ---------------------------------------

FR_MONTHS = ["janv.", "févr.", "mars", "avr.", "mai", "juin"]


def fr_int(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


@builder
def build_french_spaces() -> dict[str, Any]:
    # Excel (fr-FR) "CSV UTF-8": ";" separated, a BOM; "Mois" "janv. 2024"; counts with a
    # narrow no-break space (U+202F, "Appels présentés"), a plain space ("Appels traités") or
    # a no-break space (U+00A0, "Appels abandonnés") between thousands; ASA with a decimal
    # comma ("42,3"); "Taux de service (20 s)" "81,3 %" with a no-break space before "%".
    rng = random.Random(2010)
    rows, lines = [], []
    for m in range(1, 7):
        for q, base in (("Particuliers", 14000), ("Professionnels", 4200)):
            r = draw_row(rng, dt.datetime(2024, m, 1), base)
            r["asa"] = round(r["asa"] + rng.randint(0, 9) / 10, 1)
            r["sl"] = round(r["sl"], 1)
            rows.append(r)
            lines.append([f"{FR_MONTHS[m - 1]} 2024", q, fr_int(r["offered"], NNBSP),
                          fr_int(r["answered"], " "), fr_int(r["abandoned"], NBSP),
                          f"{r['asa']:.1f}".replace(".", ","), r["aht"],
                          f"{r['sl']:.1f}{NBSP}%".replace(".", ",")])  # fmt: skip
    head = ["Mois", "File d'attente", "Appels présentés", "Appels traités",
            "Appels abandonnés", "Délai moyen de décroché (s)", "DMT (s)",
            "Taux de service (20 s)"]  # fmt: skip
    (OUT / "fr_synthese_mensuelle.csv").write_text(
        "\ufeff" + csv_text([head, *lines], sep=";", eol="\r\n"), "utf-8"
    )
    return rows_truth(rows, per_month=per_period(rows))


# --- 10. Weekly team totals as HH:MM over 24 hours, ASA "0:00:45" ------------------------------


def hhmm(sec: int) -> str:
    """Hours:minutes, hours unbounded ("125:30")."""
    return f"{sec // 3600}:{sec % 3600 // 60:02d}"


@builder
def build_hhmm_totals() -> dict[str, Any]:
    # A WFM weekly team report: "Week Beginning" dd/mm/yyyy (Mondays 2 Sep - 21 Oct 2024), Team;
    # "Talk Time (hh:mm)", "ACW (hh:mm)", "Staffed (hh:mm)", "AUX (hh:mm)" totals of the week
    # ("125:30" = 125 h 30 min, never 125 min 30 s); ASA "0:00:45" (h:mm:ss).
    rng = random.Random(2011)
    rows, lines = [], []
    for k in range(8):
        monday = dt.date(2024, 9, 2) + dt.timedelta(weeks=k)
        for team, base in (("Team Red", 1250), ("Team Blue", 900)):
            r = draw_row(rng, midnight(monday), base)
            talk = (r["talk"] + r["hold"]) * r["answered"] // 60 * 60
            acw = r["acw"] * r["answered"] // 60 * 60
            aux = rng.randint(40, 80) * 3600 + rng.randint(0, 59) * 60
            staffed = ((talk + acw) * 100 // rng.randint(72, 90)) // 60 * 60 + aux
            r.update(talk_tot=talk, acw_tot=acw, aux=aux, staffed=staffed)
            rows.append(r)
            lines.append([f"{monday:%d/%m/%Y}", team, r["offered"], r["answered"],
                          r["abandoned"], hms(r["asa"], pad=False), hhmm(talk), hhmm(acw),
                          hhmm(staffed), hhmm(aux)])  # fmt: skip
    head = ["Week Beginning", "Team", "Calls Offered", "Calls Handled", "Calls Abandoned",
            "ASA", "Talk Time (hh:mm)", "ACW (hh:mm)", "Staffed (hh:mm)", "AUX (hh:mm)"]  # fmt: skip
    write_csv("weekly_team_hhmm_totals.csv", head, lines)
    ans = sum(r["answered"] for r in rows)
    handle = sum(r["talk_tot"] + r["acw_tot"] for r in rows)
    t = rows_truth(rows, sl="")
    t.update(aht=r4(handle / ans), talk_time=r4(sum(r["talk_tot"] for r in rows) / ans),
             occupancy=r4(handle / sum(r["staffed"] - r["aux"] for r in rows)),
             aht_if_mmss=r4(sum((r["talk_tot"] + r["acw_tot"]) / 60 for r in rows) / ans),
             per_week=per_period(rows))  # fmt: skip
    return t


if __name__ == "__main__":
    BUILD.main()

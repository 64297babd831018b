"""Regenerate the thirteenth blind acceptance corpus (tests/test_real_exports_13.py).

    .venv/bin/python tests/data/exports13/make_exports.py             # write the files
    .venv/bin/python tests/data/exports13/make_exports.py --expected  # also print the truth

Round 13 is about the files a contact-center manager really has on their laptop: spreadsheets
maintained by hand, exports re-saved by Excel, files glued together, re-run or paged. Each
builder draws rows with its own seeded ``random.Random``, writes them as the file looks, and
returns the KPIs computed in plain Python over the drawn records (summary reports: over the
*displayed* numbers) -- never with KPI Lab code.

Conventions (the registry's documented defaults, as rounds 1-12):

* contact logs: contacts = rows (the same id at the same start delivered twice counted once);
  abandonment = abandoned / (answered + abandoned); ASA = mean wait of answered rows; AHT =
  mean talk + hold + ACW of answered rows; service level (20 s, abandons negative) = answered
  within 20 s / (answered + abandoned);
* summary reports: contacts = sum offered; abandonment = sum abandoned / sum offered; ASA, AHT
  and a service-level percentage weighted by answered. A cell with no figure ("n/a", "-",
  "TBC") is a missing value: that period counts in no average of that KPI (its weight is
  dropped), the other KPIs of the row are kept -- an assumption, the registry does not say.

Round 13 shapes: a hand-kept weekly KPI tracker (.xlsx: merged title and month cells, a Target
row, a Notes column, "n/a" / "-" / "TBC" in number cells, SL typed "85.3%" in some rows and
0.853 in others), a contact log re-saved by Excel (start times as Excel serials in a CSV, long
ids in scientific notation "2.40603E+11", a branch code without its leading zeros), a CSV
whose middle block has one extra field (a comma in an unquoted agent name), a summary table
stacked above the detail table, a header repeated every 50 rows (page breaks), a daily report
with a re-run appended (days twice), a log sorted newest first, a 24/7 log in New York local
time across the autumn DST change (01:00-02:00 twice) and 31 October, queue groups with a
Total group at the right and a Total row at the bottom, queue names in several spellings
("Billing", "billing ", "BILLING"), two files across a year end whose day/month order only a
few rows decide (one day-first, one month-first), a daily report re-saved by Excel (serial
dates, "0:00:45" averages, "85%"), a transposed tracker (KPIs as rows, weeks as columns, a
Total column) and a 20,000-row log with re-delivered lines.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/data: export_kit
from export_kit import (  # noqa: E402
    Builders,
    ans_word,
    csv_text,
    draw_call,
    draw_row,
    drawn_calls,
    hms,
    log_truth,
    r4,
    save_xlsx,
    spread,
    summary_truth,
    weekdays,
)  # fmt: skip

OUT = Path(__file__).resolve().parent
BUILD = Builders(OUT)
builder, write_csv = BUILD, BUILD.write_csv
JUNE = weekdays(dt.date(2024, 6, 3), dt.date(2024, 6, 14))
AGENTS = ["Maya Lopez", "Omar Haddad", "Jin Park", "Sara Novak", "Luca Bianchi", "Ada Okafor"]
LOG_HEAD = ["Call ID", "Start Time", "Queue", "Agent", "Result", "Wait (s)", "Talk (s)",
            "Hold (s)", "Wrap (s)"]  # fmt: skip
EXCEL_EPOCH = dt.datetime(1899, 12, 30)


def log_row(
    c: dict[str, Any], cid: Any, queue: str, rng: random.Random, when: str = ""
) -> list[Any]:
    ans = c["outcome"] == "answered"
    return [cid, when or f"{c['start']:%Y-%m-%d %H:%M:%S}", queue,
            rng.choice(AGENTS) if ans else "", ans_word(c), c["wait"], c["talk"], c["hold"],
            c["acw"]]  # fmt: skip


def weighted(rows: list[dict[str, Any]], key: str) -> float:
    """A per-period average weighted by answered, over the periods that have a figure."""
    have = [r for r in rows if r.get(key) is not None]
    return r4(sum(r[key] * r["answered"] for r in have) / sum(r["answered"] for r in have))


# --- 1. A weekly KPI tracker kept by hand (.xlsx) ------------------------------------------------


@builder
def build_weekly_kpi_tracker() -> dict[str, Any]:
    # Row 1 a merged title, row 2 blank, row 3 the header, row 4 "Target" (targets for ASA,
    # AHT, SL only), then 13 weeks (Mondays 1 Jan .. 25 Mar 2024, real date cells dd/mm/yyyy);
    # "Month" merged down over its weeks (only the first row of a merge holds the value);
    # ASA "n/a" in week 3 (ACD outage), AHT "-" in week 6, SL "TBC" in week 13; SL typed as text
    # "85.3%" in odd weeks and as a number 0.853 (format 0.0%) in even weeks; a Notes column.
    from openpyxl import Workbook

    rng = random.Random(1301)
    wb = Workbook()
    ws = wb.active
    ws.title = "Tracker"
    head = ["Month", "Week commencing", "Calls Offered", "Calls Answered", "Calls Abandoned",
            "ASA (s)", "AHT (s)", "Service Level", "Notes"]  # fmt: skip
    ws.append(["Customer Care \u2013 Weekly KPI Tracker 2024"])
    ws.merge_cells("A1:I1")
    ws.append([])
    ws.append(head)
    ws.append(["Target", None, None, None, None, 30, 360, "80%", "agreed with ops, Jan"])
    weeks = [dt.date(2024, 1, 1) + dt.timedelta(weeks=k) for k in range(13)]
    rows, first_of = [], {}
    notes = {3: "ACD outage Tue-Wed, ASA not available", 6: "AHT report broken", 9: "",
             13: "SL to be confirmed by WFM"}  # fmt: skip
    for k, d in enumerate(weeks, start=1):
        r = draw_row(rng, d, 1400)
        r["sl"] = round(r["sl"], 1)
        asa: Any = r["asa"]
        aht: Any = r["aht"]
        sl: Any = f"{r['sl']:.1f}%" if k % 2 else round(r["sl"] / 100, 3)
        if k == 3:
            asa, r["asa"] = "n/a", None
        if k == 6:
            aht, r["aht"] = "-", None
        if k == 13:
            sl, r["sl"] = "TBC", None
        rows.append(r)
        month = f"{d:%b}" if d.month not in first_of else None
        first_of.setdefault(d.month, ws.max_row + 1)
        ws.append([month, dt.datetime.combine(d, dt.time()), r["offered"], r["answered"],
                   r["abandoned"], asa, aht, sl, notes.get(k, "")])  # fmt: skip
        ws.cell(ws.max_row, 2).number_format = "dd/mm/yyyy"
        if isinstance(sl, float):
            ws.cell(ws.max_row, 8).number_format = "0.0%"
    last = {m: max(i for i, d in enumerate(weeks) if d.month == m) + 5 for m in first_of}
    for m, row in first_of.items():
        ws.merge_cells(start_row=row, start_column=1, end_row=last[m], end_column=1)
    save_xlsx(wb, OUT / "weekly_kpi_tracker.xlsx")
    off, ans = sum(r["offered"] for r in rows), sum(r["answered"] for r in rows)
    have_sl = [r for r in rows if r["sl"] is not None]
    return {
        "rows": len(rows),
        "contacts": off,
        "abandonment_rate": r4(sum(r["abandoned"] for r in rows) / off),
        "answered": ans,
        "asa": weighted(rows, "asa"),
        "aht": weighted(rows, "aht"),
        "service_level": r4(
            sum(r["sl"] / 100 * r["answered"] for r in have_sl)
            / sum(r["answered"] for r in have_sl)
        ),  # fmt: skip
        "first_day": weeks[0].isoformat(),
        "last_day": weeks[-1].isoformat(),
    }


# --- 2. A contact log re-saved by Excel ---------------------------------------------------------


def serial(t: dt.datetime) -> str:
    """Excel's General format of a date-time: 10 significant digits ("45446.35417")."""
    return f"{(t - EXCEL_EPOCH).total_seconds() / 86400:.5f}"


def from_serial(s: str) -> dt.datetime:
    return EXCEL_EPOCH + dt.timedelta(days=float(s))


@builder
def build_excel_resaved_calls() -> dict[str, Any]:
    # Opened in Excel and saved again as CSV: "Start Time" is the Excel serial in General
    # format ("45446.35417", 5 decimals: ~0.9 s), the 12-digit "Call ID" 240603080001.. shows
    # as "2.40603E+11" (6 significant digits: every id of a day is the same text), "Caller"
    # phone numbers likewise ("4.47701E+11"), "Branch" "0417" lost its leading zero ("417").
    rng = random.Random(1302)
    recs = drawn_calls(rng, JUNE, 7, h1=17)
    rows, seen = [], set()
    for i, c in enumerate(recs):
        s = serial(c["start"])
        assert s not in seen
        seen.add(s)
        cid = 240603080001 + 1000 * (c["start"].day - 3) + i
        caller = rng.randint(447700000000, 447799999999)
        row = log_row(c, _excel_sci(cid), "Support", rng, when=s)
        rows.append([*row[:2], _excel_sci(caller), rng.choice(["417", "52", "1208"]), *row[2:]])
        c["start"] = from_serial(s)
    head = ["Call ID", "Start Time", "Caller", "Branch", *LOG_HEAD[2:]]
    write_csv("excel_resaved_calls.csv", head, rows)
    t = log_truth(recs)
    t["distinct_id_texts"] = len({r[0] for r in rows})
    t["first_serial"] = rows[0][1]
    t["first_start"] = f"{min(c['start'] for c in recs):%Y-%m-%d %H:%M:%S.%f}"
    return t


def _excel_sci(n: int) -> str:
    """Excel's General format of a 12-digit number: "2.40603E+11" (trailing zeros dropped)."""
    mant, exp = f"{n:.5E}".split("E")
    return f"{mant.rstrip('0').rstrip('.')}E+{int(exp):02d}"


# --- 3. A comma in an unquoted field: a middle block with one extra field ---------------------


@builder
def build_comma_unquoted_agent() -> dict[str, Any]:
    # A home-grown script writes CSV by joining with ",", no quoting. After an HR import one
    # agent is "Lopez, Maya": her 8 calls (lines 21-28 of 60) have 10 fields, the agent split
    # over two columns and every later value shifted one column right.
    rng = random.Random(1303)
    recs = drawn_calls(rng, JUNE, 6)
    block = range(20, 28)
    lines = [",".join(LOG_HEAD)]
    for i, c in enumerate(recs):
        if i in block and c["outcome"] != "answered":  # her calls are answered ones
            c.update(draw_call(random.Random(i), p_ab=0.0))
        row = log_row(c, f"T{4100 + i}", rng.choice(["Sales", "Support"]), rng)
        if i in block:
            row[3] = "Lopez, Maya"
        lines.append(",".join(str(x) for x in row))
    (OUT / "comma_unquoted_agent.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    kept = [c for i, c in enumerate(recs) if i not in block]
    t = log_truth(kept)
    t["rows"] = len(recs)
    t["bad"] = len(block)
    t["all_rows"] = log_truth(recs)
    return t


# --- 4. Two tables stacked: a summary block above the detail --------------------------------------


@builder
def build_summary_then_detail() -> dict[str, Any]:
    # A report "saved as CSV" from Excel: a title, a per-queue summary table (its own header:
    # Queue, Offered, Answered, Abandoned, ASA, AHT, and an "All queues" line), a blank line,
    # a "Call detail" title, then the detail table with its own header; every line padded
    # with commas to the detail's 9 columns.
    rng = random.Random(1304)
    recs = drawn_calls(rng, JUNE[:5], 10)
    queues = [rng.choice(["Sales", "Support"]) for _ in recs]
    detail = [log_row(c, f"D-{3300 + i}", q, rng) for i, (c, q) in enumerate(zip(recs, queues,
                                                                                 strict=True))]  # fmt: skip
    summ = []
    for q in ("Sales", "Support", None):
        sub = [c for c, qq in zip(recs, queues, strict=True) if q is None or qq == q]
        ans = [c for c in sub if c["outcome"] == "answered"]
        summ.append([q or "All queues", len(sub), len(ans), len(sub) - len(ans),
                     round(sum(c["wait"] for c in ans) / len(ans)),
                     round(sum(c["handle"] for c in ans) / len(ans))])  # fmt: skip
    pad = [""] * 9
    lines = [["Queue summary 3-7 June 2024", *pad[1:]],
             ["Queue", "Offered", "Answered", "Abandoned", "ASA", "AHT", "", "", ""],
             *[[*s, "", "", ""] for s in summ], pad, ["Call detail", *pad[1:]], LOG_HEAD,
             *detail]  # fmt: skip
    (OUT / "summary_then_detail.csv").write_text(csv_text(lines), encoding="utf-8")
    t = log_truth(recs)
    t["summary_lines"] = len(summ)
    t["lines"] = len(lines)
    return t


# --- 5. Page breaks: the header repeated every 50 rows ---------------------------------------------


@builder
def build_page_break_headers() -> dict[str, Any]:
    # A "printable" export: after every 50 data rows a blank line and the header again (4
    # repeats for 230 calls).
    rng = random.Random(1305)
    recs = drawn_calls(rng, JUNE, 23)
    lines: list[list[Any]] = [LOG_HEAD]
    for i, c in enumerate(recs):
        if i and i % 50 == 0:
            lines += [[""] * len(LOG_HEAD), LOG_HEAD]
        lines.append(log_row(c, f"PB{70000 + i}", rng.choice(["Sales", "Support"]), rng))
    (OUT / "page_break_headers.csv").write_text(csv_text(lines), encoding="utf-8")
    t = log_truth(recs)
    t["lines"] = len(lines) - 1
    t["repeats"] = (len(recs) - 1) // 50
    return t


# --- 6. A daily report with a re-run appended ------------------------------------------------------


DAILY_HEAD = ["Date", "Offered", "Answered", "Abandoned", "ASA (s)", "AHT (s)", "SL %"]


def daily_line(r: dict[str, Any]) -> list[Any]:
    return [f"{r['day']:%Y-%m-%d}", r["offered"], r["answered"], r["abandoned"], r["asa"],
            r["aht"], f"{r['sl']:.1f}"]  # fmt: skip


@builder
def build_daily_report_rerun() -> dict[str, Any]:
    # A scheduled job appends each run's output to the same file; the run for 10-14 June was
    # started twice, so those five lines appear twice, identical, at the end.
    rng = random.Random(1306)
    rows = []
    for d in JUNE:
        r = draw_row(rng, d, 600)
        r["sl"] = round(r["sl"], 1)
        rows.append(r)
    lines = [daily_line(r) for r in rows] + [daily_line(r) for r in rows[5:]]
    write_csv("daily_report_rerun.csv", DAILY_HEAD, lines)
    t = summary_truth(rows)
    t["lines"] = len(lines)
    t["added_up"] = summary_truth(rows + rows[5:])  # the documented "kept all (added up)"
    return t


# --- 7. A contact log sorted newest first ------------------------------------------------------------


@builder
def build_newest_first_log() -> dict[str, Any]:
    # The CRM list view exported as shown: newest first; "14/06/2024 17:52" day-first, no
    # seconds.
    rng = random.Random(1307)
    recs = drawn_calls(rng, JUNE, 6)
    for c in recs:
        c["start"] = c["start"].replace(second=0)
    rows = [log_row(c, f"N{900 + i}", rng.choice(["Sales", "Support"]), rng,
                    when=f"{c['start']:%d/%m/%Y %H:%M}") for i, c in enumerate(recs)]  # fmt: skip
    write_csv("newest_first_log.csv", LOG_HEAD, rows[::-1])
    t = log_truth(recs)
    t["first_start"] = f"{min(c['start'] for c in recs):%Y-%m-%d %H:%M:%S}"
    t["last_start"] = f"{max(c['start'] for c in recs):%Y-%m-%d %H:%M:%S}"
    return t


# --- 8. A 24/7 log in local time across the autumn DST change -----------------------------------


@builder
def build_dst_autumn_local() -> dict[str, Any]:
    # New York wall-clock times, no offset: Mon 28 Oct .. Mon 4 Nov 2024 around the clock;
    # on Sun 3 Nov 01:00-02:00 happens twice (EDT, then EST), 3 Nov has 25 hours.
    rng = random.Random(1308)
    ny = ZoneInfo("America/New_York")
    t0 = dt.datetime(2024, 10, 28, 4, tzinfo=dt.UTC)
    hours = 8 * 24 + 1  # 28 Oct 00:00 EDT .. 5 Nov 00:00 EST
    recs = []
    twice = (6 * 24 + 1, 6 * 24 + 2)  # 05:00Z and 06:00Z on 3 Nov: 01:00 EDT, 01:00 EST
    for h in range(hours):
        for _ in range(3 if h in twice else rng.randint(1, 3)):
            utc = t0 + dt.timedelta(hours=h, seconds=rng.randint(0, 3599))
            c = draw_call(rng, p_ab=0.15)
            c["utc"] = utc
            c["start"] = utc.astimezone(ny).replace(tzinfo=None)
            recs.append(c)
    recs.sort(key=lambda c: c["utc"])
    rows = [log_row(c, f"NY-{50000 + i}", rng.choice(["Care", "Claims"]), rng)
            for i, c in enumerate(recs)]  # fmt: skip
    write_csv("dst_autumn_local.csv", LOG_HEAD, rows)
    t = log_truth(recs)
    per: dict[str, int] = {}
    for c in recs:
        k = c["start"].date().isoformat()
        per[k] = per.get(k, 0) + 1
    t["per_day"] = per
    one = [c for c in recs if c["start"].date() == dt.date(2024, 11, 3) and c["start"].hour == 1]
    t["repeated_hour"] = [f"{c['start']:%H:%M:%S}{c['utc'].astimezone(ny):%z}" for c in one]
    t["first_start"] = f"{recs[0]['start']:%Y-%m-%d %H:%M:%S}"
    t["last_start"] = f"{recs[-1]['start']:%Y-%m-%d %H:%M:%S}"
    return t


# --- 9. Queue groups with a Total group at the right and a Total row at the bottom --------------


@builder
def build_queue_groups_total_row_col() -> dict[str, Any]:
    # A manager's sheet: per day, Billing and Sales groups (Offered, Answered, Abandoned, ASA,
    # AHT), a "Total" group at the right (sums; ASA / AHT weighted by answered, rounded), and
    # a "Total" line at the bottom (the column sums; averages over the period).
    rng = random.Random(1309)
    rows, lines = [], []
    fields = ["Offered", "Answered", "Abandoned", "ASA", "AHT"]

    def cells(rs: list[dict[str, Any]]) -> list[Any]:
        ans = sum(r["answered"] for r in rs)
        return [sum(r["offered"] for r in rs), ans, sum(r["abandoned"] for r in rs),
                round(sum(r["asa"] * r["answered"] for r in rs) / ans),
                round(sum(r["aht"] * r["answered"] for r in rs) / ans)]  # fmt: skip

    for d in JUNE:
        day = [draw_row(rng, d, 150), draw_row(rng, d, 90)]
        rows += day
        lines.append([f"{d:%d/%m/%Y}", *cells(day[:1]), *cells(day[1:]), *cells(day)])
    lines.append(["Total", *cells(rows[0::2]), *cells(rows[1::2]), *cells(rows)])
    head = ["Date"] + [f"{q} {f}" for q in ("Billing", "Sales", "Total") for f in fields]
    write_csv("queue_groups_total_row_col.csv", head, lines)
    t = summary_truth(rows)
    del t["service_level"]
    t["lines"] = len(lines)
    return t


# --- 10. Queue names in several spellings -------------------------------------------------------------


@builder
def build_queue_spellings() -> dict[str, Any]:
    # Agents pick the queue from a free-text field: "Billing", "billing ", "BILLING", " Billing",
    # "Sales", "sales", "Support", "SUPPORT " -- three queues.
    rng = random.Random(1310)
    recs = drawn_calls(rng, JUNE, 8)
    spell = {"Billing": ["Billing", "billing ", "BILLING", " Billing"],
             "Sales": ["Sales", "sales"], "Support": ["Support", "SUPPORT "]}  # fmt: skip
    rows = []
    for i, c in enumerate(recs):
        c["queue"] = rng.choice(list(spell))
        rows.append(log_row(c, f"Q{2000 + i}", rng.choice(spell[c["queue"]]), rng))
    write_csv("queue_spellings.csv", LOG_HEAD, rows)
    t = log_truth(recs)
    t["per_queue"] = {}
    for q in spell:
        sub = [c for c in recs if c["queue"] == q]
        ans = [c for c in sub if c["outcome"] == "answered"]
        t["per_queue"][q] = [len(sub), r4(sum(c["handle"] for c in ans) / len(ans))]
    t["spellings"] = sorted({r[2] for r in rows})
    return t


# --- 11. Two years, day/month order decided by a few rows ------------------------------------------


def _year_end(rng: random.Random, days: list[tuple[dt.date, int]]) -> list[dict[str, Any]]:
    out = []
    for d, n in days:
        out += drawn_calls(rng, [d], n)
    return out


@builder
def build_year_end_dayfirst() -> dict[str, Any]:
    # UK "dd/mm/yyyy HH:MM:SS", 27 Dec 2023 .. 12 Jan 2024: only the 6 calls of 27-29 Dec have
    # a day over 12; the 150 January calls ("05/01/2024") read either way.
    rng = random.Random(1311)
    days = [(d, 2) for d in (dt.date(2023, 12, 27), dt.date(2023, 12, 28), dt.date(2023, 12, 29))]
    days += [(d, 15) for d in weekdays(dt.date(2024, 1, 1), dt.date(2024, 1, 12))]
    recs = _year_end(rng, days)
    rows = [log_row(c, f"UK{i:05d}", "Service", rng, when=f"{c['start']:%d/%m/%Y %H:%M:%S}")
            for i, c in enumerate(recs)]  # fmt: skip
    write_csv("year_end_dayfirst.csv", LOG_HEAD, rows)
    t = log_truth(recs)
    t["decisive"] = 6
    return t


@builder
def build_year_end_monthfirst() -> dict[str, Any]:
    # US "m/d/yyyy h:mm AM/PM", 4 Dec 2023 .. 12 Jan 2024: only the 2 calls of 13 Dec ("12/13/2023")
    # have a second field over 12; everything else ("12/4/2023", "1/8/2024") reads either way.
    rng = random.Random(1312)
    days = [(d, 10) for d in weekdays(dt.date(2023, 12, 4), dt.date(2023, 12, 8))]
    days += [(dt.date(2023, 12, 13), 2)]
    days += [(d, 10) for d in weekdays(dt.date(2024, 1, 8), dt.date(2024, 1, 12))]
    recs = _year_end(rng, days)
    for c in recs:
        c["start"] = c["start"].replace(second=0)

    def us(t: dt.datetime) -> str:
        return f"{t.month}/{t.day}/{t.year} {t.hour % 12 or 12}:{t:%M} {t:%p}"

    rows = [log_row(c, f"US{i:05d}", "Service", rng, when=us(c["start"]))
            for i, c in enumerate(recs)]  # fmt: skip
    write_csv("year_end_monthfirst.csv", LOG_HEAD, rows)
    t = log_truth(recs)
    t["decisive"] = 2
    return t


# --- 12. A daily report re-saved by Excel: serial dates, h:mm:ss averages, "85%" ---------------


@builder
def build_daily_excel_serials() -> dict[str, Any]:
    # Date as the Excel serial (General: "45446"), "Avg Speed of Answer" / "Avg Handle Time"
    # as Excel time text "0:00:45" / "0:05:12", "Service Level" "85%" (0% format, whole
    # percent); two queues x 10 days.
    rng = random.Random(1313)
    rows, lines = [], []
    for d in JUNE:
        for q in ("Billing", "Sales"):
            r = draw_row(rng, d, 200)
            r["sl"] = round(r["sl"])
            rows.append(r)
            lines.append([(d - EXCEL_EPOCH.date()).days, q, r["offered"], r["answered"],
                          r["abandoned"], hms(r["asa"], pad=False), hms(r["aht"], pad=False),
                          f"{r['sl']}%"])  # fmt: skip
    write_csv("daily_excel_serials.csv",
              ["Date", "Queue", "Offered", "Answered", "Abandoned", "Avg Speed of Answer",
               "Avg Handle Time", "Service Level"], lines)  # fmt: skip
    t = summary_truth(rows)
    t["first_serial"] = lines[0][0]
    return t


# --- 13. A transposed tracker: KPIs as rows, weeks as columns, a Total column ------------------


@builder
def build_transposed_weekly_kpis() -> dict[str, Any]:
    # The slide-ready layout: a title line, then "KPI" and one column per week ("w/c
    # 01/07/2024", UK dates) and "Total" at the right; rows Calls Offered, Calls Answered,
    # Calls Abandoned, ASA (s), AHT (s), Service Level % (the Total column: sums, weighted
    # averages).
    rng = random.Random(1314)
    weeks = [dt.date(2024, 7, 1) + dt.timedelta(weeks=k) for k in range(8)]
    rows = []
    for d in weeks:
        r = draw_row(rng, d, 1800)
        r["sl"] = round(r["sl"], 1)
        rows.append(r)
    t = summary_truth(rows)
    tot = {"offered": t["contacts"], "answered": sum(r["answered"] for r in rows),
           "abandoned": sum(r["abandoned"] for r in rows), "asa": round(t["asa"]),
           "aht": round(t["aht"]), "sl": round(100 * t["service_level"], 1)}  # fmt: skip
    names = [("Calls Offered", "offered"), ("Calls Answered", "answered"),
             ("Calls Abandoned", "abandoned"), ("ASA (s)", "asa"), ("AHT (s)", "aht"),
             ("Service Level %", "sl")]  # fmt: skip
    lines = [["Team Phoenix \u2013 weekly KPIs", *[""] * (len(weeks) + 1)],
             ["KPI", *[f"w/c {d:%d/%m/%Y}" for d in weeks], "Total"]]  # fmt: skip
    for label, k in names:
        lines.append([label, *[r[k] for r in rows], tot[k]])
    (OUT / "transposed_weekly_kpis.csv").write_text(csv_text(lines), encoding="utf-8")
    return t


# --- 14. At scale: 20,000 calls with re-delivered lines ------------------------------------------------


@builder
def build_large_calls_20k() -> dict[str, Any]:
    # A month of a busy line: 20,000 calls over the 22 weekdays of April 2024 (910 a day, 890 on the 30th),
    # three queues; the nightly sync re-delivered 25 lines (the same id and start, identical),
    # appended at the end.
    rng = random.Random(1315)
    days = weekdays(dt.date(2024, 4, 1), dt.date(2024, 4, 30))
    recs = []
    for t in spread(rng, days, 910)[:20000]:
        c = draw_call(rng, p_ab=0.12)
        c["start"] = t
        recs.append(c)
    assert len(recs) == 20000
    rows = [log_row(c, f"A{1000000 + i}", rng.choice(["Sales", "Support", "Billing"]), rng)
            for i, c in enumerate(recs)]  # fmt: skip
    again = sorted(rng.sample(range(len(rows)), 25))
    write_csv("large_calls_20k.csv", LOG_HEAD, rows + [rows[i] for i in again])
    t = log_truth(recs)
    t["lines"] = len(rows) + len(again)
    t["duplicates"] = len(again)
    return t


if __name__ == "__main__":
    BUILD.main()

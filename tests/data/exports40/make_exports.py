"""Regenerate the fortieth blind acceptance corpus (tests/test_real_exports_40.py).

    .venv/bin/python tests/data/exports40/make_exports.py             # write the files
    .venv/bin/python tests/data/exports40/make_exports.py --expected  # also print the truth

Round 40: Excel workbooks whose VALUES live in cell types and number formats, not in text.
Durations are fractions of a day shown as [h]:mm:ss, mm:ss or [mm]:ss (a 2-minute call is
0.00138889); percentages are 0.82 shown as 82.0%; dates are serial numbers with custom formats
(dd/mm/yyyy, d-mmm, ddd dd mmm, yyyy-mm-dd hh:mm AM/PM); times of day are fractions beside a
date column; counts are stored as text (Excel's green triangle); a cost has a currency format;
one workbook keeps the 1904 date system (Mac Excel). Formula cells carry their cached values
as Excel saves them (=I2+J2+K2 handle time, =IFERROR(E5/C5,"") rates, =SUBTOTAL(109,...)
totals), except in the two workbooks written by a script (openpyxl computes no formula: the
cached values are missing). Also: merged group headers over a second header row, a hidden
helper column, an AutoFilter and frozen panes.

Each builder draws rows with its own seeded ``random.Random`` and returns the KPIs computed in
plain Python over the drawn records -- never with KPI Lab code and never by reading the
workbook back. A total / SUBTOTAL row is no record.

Conventions (the registry's defaults, as earlier rounds): contacts = rows of a contact log (sum
offered in a summary); abandonment = abandoned / inbound queued; ASA = mean wait of answered;
AHT = mean talk + hold + ACW of handled; service level (20 s, abandons negative) = answered
within 20 s / (answered + abandoned); summaries weighted by answered.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import sys
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.styles import Alignment, Font
from openpyxl.utils.datetime import CALENDAR_MAC_1904

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/data: export_kit
from export_kit import (  # noqa: E402
    Builders,
    dial_out,
    draw_row,
    drawn_calls,
    guid,
    handled,
    log_truth,
    r4,
    save_xlsx,
    spread,
    summary_truth,
    weekdays,
)

OUT = Path(__file__).resolve().parent
BUILD = Builders(OUT)
builder = BUILD
AGENTS = ["Priya Nair", "Tom Becker", "Ana Souza", "Kofi Mensah", "Elena Rossi", "Wei Zhang"]
QUEUES = ["Billing", "Support", "Sales"]
OCT = weekdays(dt.date(2025, 10, 6), dt.date(2025, 10, 17))
NOV = weekdays(dt.date(2025, 11, 3), dt.date(2025, 11, 14))
SEP = weekdays(dt.date(2025, 9, 8), dt.date(2025, 9, 19))
BOLD = Font(bold=True)
DAY = 86400


def frac(sec: float) -> float:
    """Seconds as Excel keeps a duration or a time of day: a fraction of a day."""
    return sec / DAY


def cache(path: Path, cached: dict[str, dict[str, Any]]) -> None:
    """Write the cached value of formula cells, as Excel does when it saves: ``cached`` maps a
    sheet member ("xl/worksheets/sheet1.xml") to {cell: value}."""
    with zipfile.ZipFile(path) as src:
        members = [(i.filename, src.read(i)) for i in src.infolist()]
    with zipfile.ZipFile(path, "w") as dst:
        for name, data in members:
            for ref, val in cached.get(name, {}).items():
                text = str(val).encode()
                kind = b' t="str"' if isinstance(val, str) else b""
                pat = rb'(<c r="' + ref.encode() + rb'"[^>]*)><f>(.*?)</f><v\s*/?>(?:</v>)?'
                repl = rb"\1" + kind + rb"><f>\2</f><v>" + text + rb"</v>"
                new, n = re.subn(pat, repl, data)
                assert n == 1, (name, ref)
                data = new
            dst.writestr(zipfile.ZipInfo(name, (2024, 6, 15, 6, 0, 0)), data, zipfile.ZIP_DEFLATED)


def fmt(ws: Any, row: int, formats: dict[int, str]) -> None:
    """Number formats of one row: {column number: format}."""
    for col, f in formats.items():
        ws.cell(row, col).number_format = f


# --- 1. Genesys Cloud Interactions export opened in Excel and saved as .xlsx ---------------------


@builder
def build_genesys_interactions_hms() -> dict[str, Any]:
    # Genesys Cloud "Interactions" view: "Date" a date-time serial shown "yyyy-mm-dd hh:mm
    # AM/PM", "Abandoned" YES / NO, "Total Queue" / "Total Talk" / "Total Hold" / "Total ACW" as
    # fractions of a day shown [h]:mm:ss, "Total Handle" =J+K+L with Excel's cached value.
    rng = random.Random(4001)
    recs = drawn_calls(rng, OCT, 8, p_ab=0.15)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Interactions"
    ws.append(["Conversation ID", "Date", "Media Type", "Direction", "Queue", "Users - Interacted",
               "Abandoned", "ANI", "Total Queue", "Total Talk", "Total Hold", "Total ACW",
               "Total Handle"])  # fmt: skip
    cached: dict[str, Any] = {}
    for i, c in enumerate(recs, start=2):
        ok = handled(c)
        ws.append([
            guid(rng), c["start"], "voice", "Inbound", rng.choice(QUEUES),
            rng.choice(AGENTS) if ok else "", "NO" if ok else "YES",
            f"tel:+1312555{rng.randint(1000, 9999)}", frac(c["wait"]),
            frac(c["talk"]) if ok else None, frac(c["hold"]) if ok else None,
            frac(c["acw"]) if ok else None, f"=J{i}+K{i}+L{i}" if ok else None,
        ])  # fmt: skip
        fmt(ws, i, {2: "yyyy-mm-dd hh:mm AM/PM"} | {k: "[h]:mm:ss" for k in range(9, 14)})
        if ok:
            cached[f"M{i}"] = frac(c["talk"]) + frac(c["hold"]) + frac(c["acw"])
    path = OUT / "genesys_interactions_hms.xlsx"
    save_xlsx(wb, path)
    cache(path, {"xl/worksheets/sheet1.xml": cached})
    return log_truth(recs)


# --- 2. Five9 Call Log: DATE serial + TIME fraction, durations mm:ss -----------------------------


@builder
def build_five9_date_time_mmss() -> dict[str, Any]:
    # Five9 "Call Log" saved as .xlsx by a UK supervisor: "DATE" a date serial shown dd/mm/yyyy,
    # "TIME" the time of day as a fraction shown hh:mm:ss, "QUEUE WAIT TIME" / "TALK TIME" /
    # "HOLD TIME" / "AFTER CALL WORK TIME" fractions shown mm:ss (Excel's mm:ss, no hours),
    # "ABANDONED" 1 / 0. The clock and the durations are the same cell type.
    rng = random.Random(4002)
    recs = drawn_calls(rng, NOV, 9, p_ab=0.14)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Call Log"
    ws.append(["CALL ID", "DATE", "TIME", "CAMPAIGN", "SKILL", "AGENT NAME", "CALL TYPE", "ANI",
               "QUEUE WAIT TIME", "TALK TIME", "HOLD TIME", "AFTER CALL WORK TIME",
               "ABANDONED"])  # fmt: skip
    for i, c in enumerate(recs, start=2):
        ok = handled(c)
        t = c["start"]
        clock = t.hour * 3600 + t.minute * 60 + t.second
        ws.append([
            f"{rng.randint(10**17, 10**18 - 1)}", dt.datetime.combine(t.date(), dt.time()),
            frac(clock), "Inbound_UK", rng.choice(QUEUES), rng.choice(AGENTS) if ok else "",
            "Inbound", f"44{rng.randint(10**9, 10**10 - 1)}", frac(c["wait"]), frac(c["talk"]),
            frac(c["hold"]), frac(c["acw"]), 0 if ok else 1,
        ])  # fmt: skip
        fmt(ws, i, {2: "dd/mm/yyyy", 3: "hh:mm:ss"} | {k: "mm:ss" for k in range(9, 13)})
    save_xlsx(wb, OUT / "five9_date_time_mmss.xlsx")
    return log_truth(recs)


# --- 3. A team lead's weekly KPI workbook --------------------------------------------------------


@builder
def build_team_lead_weekly_kpi() -> dict[str, Any]:
    # Title line, then two header rows: merged groups "Volume" (Offered, Answered, Abandoned),
    # "Speed" (ASA, AHT) and "Quality" (SL %, Abandon %) over the field names. "Date" a serial
    # shown "ddd dd mmm" (no year shown), two teams a day, ASA / AHT fractions shown [mm]:ss,
    # "SL %" 0.8234 shown 82.3%, "Abandon %" =IFERROR(E/C,"") with cached values; a "Total" row
    # of =SUBTOTAL(109,...) (and 101 for the averages); AutoFilter, panes frozen under the
    # header.
    rng = random.Random(4003)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Weekly KPIs"
    ws.append(["Team Phoenix - daily KPIs, weeks 41-42"])
    ws.append(["", "", "Volume", "", "", "Speed", "", "Quality", ""])
    ws.append(["Date", "Team", "Offered", "Answered", "Abandoned", "ASA", "AHT", "SL %",
               "Abandon %"])  # fmt: skip
    for rng_ in ("C2:E2", "F2:G2", "H2:I2"):
        ws.merge_cells(rng_)
    for c in ws[2] + ws[3]:
        c.font = BOLD
        c.alignment = Alignment(horizontal="center")
    drawn, cached = [], {}
    for d in OCT:
        for team in ("Phoenix A", "Phoenix B"):
            r = draw_row(rng, d, 60)
            r["sl"] = round(r["sl"], 2)
            drawn.append(r)
            n = ws.max_row + 1
            ws.append([dt.datetime.combine(d, dt.time()), team, r["offered"], r["answered"],
                       r["abandoned"], frac(r["asa"]), frac(r["aht"]), r["sl"] / 100,
                       f'=IFERROR(E{n}/C{n},"")'])  # fmt: skip
            fmt(ws, n, {1: "ddd dd mmm", 6: "[mm]:ss", 7: "[mm]:ss", 8: "0.0%", 9: "0.0%"})
            cached[f"I{n}"] = r["abandoned"] / r["offered"]
    first, last = 4, ws.max_row
    tot = last + 1
    ws.append(["Total", "", *[f"=SUBTOTAL(109,{c}{first}:{c}{last})" for c in "CDE"],
               *[f"=SUBTOTAL(101,{c}{first}:{c}{last})" for c in "FGH"],
               f'=IFERROR(E{tot}/C{tot},"")'])  # fmt: skip
    fmt(ws, tot, {6: "[mm]:ss", 7: "[mm]:ss", 8: "0.0%", 9: "0.0%"})
    for c in ws[tot]:
        c.font = BOLD
    off = sum(r["offered"] for r in drawn)
    cached |= {f"C{tot}": off, f"D{tot}": sum(r["answered"] for r in drawn),
               f"E{tot}": sum(r["abandoned"] for r in drawn),
               f"F{tot}": frac(sum(r["asa"] for r in drawn) / len(drawn)),
               f"G{tot}": frac(sum(r["aht"] for r in drawn) / len(drawn)),
               f"H{tot}": sum(r["sl"] for r in drawn) / len(drawn) / 100,
               f"I{tot}": sum(r["abandoned"] for r in drawn) / off}  # fmt: skip
    ws.freeze_panes = "C4"
    ws.auto_filter.ref = f"A3:I{last}"
    path = OUT / "team_lead_weekly_kpi.xlsx"
    save_xlsx(wb, path)
    cache(path, {"xl/worksheets/sheet1.xml": cached})
    t = summary_truth(drawn)
    del t["transfer_rate"], t["talk_time"]  # not in the file
    return t


# --- 4. WFM interval export (NICE IEX style) with a hidden helper column -------------------------


@builder
def build_wfm_interval_export() -> dict[str, Any]:
    # A WFM tool's half-hour interval export: "Date" a serial shown d-mmm (no year shown),
    # "Interval" the interval start as a fraction shown h:mm AM/PM, "Calls Offered" /
    # "Calls Handled" / "Calls Abandoned", "AHT" shown [h]:mm:ss, "ASA" shown mm:ss, "Service
    # Level" 0.0%. Column C, hidden, is the planner's lookup key =A+B (a bare serial number,
    # General format) with its cached value.
    rng = random.Random(4004)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Interval Data"
    ws.append(["Date", "Interval", "Key", "Split", "Calls Offered", "Calls Handled",
               "Calls Abandoned", "AHT", "ASA", "Service Level"])  # fmt: skip
    drawn, cached = [], {}
    for d in SEP[:5]:
        for half in range(16, 36):  # 08:00 .. 17:30
            r = draw_row(rng, d, 8)
            r["sl"] = round(r["sl"], 1)
            r["start"] = dt.datetime.combine(d, dt.time(half // 2, 30 * (half % 2)))
            drawn.append(r)
            n = ws.max_row + 1
            ws.append([dt.datetime.combine(d, dt.time()), frac(half * 1800), f"=A{n}+B{n}",
                       "Retail Voice", r["offered"], r["answered"], r["abandoned"],
                       frac(r["aht"]), frac(r["asa"]), r["sl"] / 100])  # fmt: skip
            fmt(ws, n, {1: "d-mmm", 2: "h:mm AM/PM", 8: "[h]:mm:ss", 9: "mm:ss", 10: "0.0%"})
            base = (d - dt.date(1899, 12, 30)).days
            cached[f"C{n}"] = base + half / 48
    ws.column_dimensions["C"].hidden = True
    path = OUT / "wfm_interval_export.xlsx"
    save_xlsx(wb, path)
    cache(path, {"xl/worksheets/sheet1.xml": cached})
    t = summary_truth(drawn)
    del t["transfer_rate"], t["talk_time"]  # not in the file
    t["intervals"] = len(drawn)
    return t


# --- 5. A script-made daily report: formulas with no cached value --------------------------------


@builder
def build_script_report_no_cache() -> dict[str, Any]:
    # A nightly Python job writes the daily queue report with openpyxl: "Abandoned" is the
    # formula =C-D and "Abandon Rate" =IFERROR(E/C,"") -- openpyxl computes no formula, so the
    # file holds NO cached value for them (Excel would compute them on opening; a reader that
    # takes the cached values gets empty cells). "ASA (s)" / "AHT (s)" seconds, "SL %" 0.0%.
    rng = random.Random(4005)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Daily"
    ws.append(["Date", "Queue", "Offered", "Answered", "Abandoned", "Abandon Rate", "ASA (s)",
               "AHT (s)", "SL %"])  # fmt: skip
    drawn = []
    for d in NOV:
        for q in ("Billing", "Support"):
            r = draw_row(rng, d, 80)  # offered = answered + abandoned (no flow-outs)
            r["sl"] = round(r["sl"], 1)
            drawn.append(r)
            n = ws.max_row + 1
            ws.append([dt.datetime.combine(d, dt.time()), q, r["offered"], r["answered"],
                       f"=C{n}-D{n}", f'=IFERROR(E{n}/C{n},"")', r["asa"], r["aht"],
                       r["sl"] / 100])  # fmt: skip
            fmt(ws, n, {1: "yyyy-mm-dd", 6: "0.0%", 9: "0.0%"})
    save_xlsx(wb, OUT / "script_report_no_cache.xlsx")
    t = summary_truth(drawn)
    del t["transfer_rate"], t["talk_time"]  # not in the file
    return t


# --- 6. A script-made call log: the handle time is a formula with no cached value ----------------


@builder
def build_crm_log_handle_formula() -> dict[str, Any]:
    # A CRM's scheduled export (written with openpyxl): "Talk (s)", "Hold (s)", "Wrap (s)"
    # numbers and "Handle Time (s)" =SUM(F:H) with no cached value; "Call Start" a date-time
    # serial shown dd/mm/yyyy hh:mm, "Status" Answered / Abandoned, "Wait (s)" seconds.
    rng = random.Random(4006)
    recs = drawn_calls(rng, OCT, 7, p_ab=0.16)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Calls"
    ws.append(["Call Ref", "Call Start", "Queue", "Agent", "Wait (s)", "Talk (s)", "Hold (s)",
               "Wrap (s)", "Handle Time (s)", "Status"])  # fmt: skip
    for i, c in enumerate(recs, start=2):
        ok = handled(c)
        ws.append([f"CR-{55100 + i}", c["start"], rng.choice(QUEUES),
                   rng.choice(AGENTS) if ok else "", c["wait"], c["talk"], c["hold"], c["acw"],
                   f"=SUM(F{i}:H{i})", "Answered" if ok else "Abandoned"])  # fmt: skip
        fmt(ws, i, {2: "dd/mm/yyyy hh:mm"})
    save_xlsx(wb, OUT / "crm_log_handle_formula.xlsx")
    return log_truth(recs)


# --- 7. Mac Excel 1904 workbook: a date column and a time-of-day column -------------------------


@builder
def build_mac_1904_date_and_time() -> dict[str, Any]:
    # A call log kept in an old Mac Excel workbook (1904 date system): "Call Date" a date serial
    # counted from 1904 shown dd/mm/yyyy, "Call Time" the time of day as a fraction shown
    # h:mm AM/PM, "Wait" / "Talk" / "Hold" / "Wrap" fractions shown [mm]:ss (no hold: a typed 0
    # in General format), "Result" Answered / Abandoned.
    rng = random.Random(4007)
    recs = drawn_calls(rng, SEP, 7, p_ab=0.15)
    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "Log"
    ws.append(["Call Date", "Call Time", "Line", "Handled By", "Result", "Wait", "Talk", "Hold",
               "Wrap"])  # fmt: skip
    for i, c in enumerate(recs, start=2):
        ok = handled(c)
        t = c["start"]
        ws.append([dt.datetime.combine(t.date(), dt.time()),
                   frac(t.hour * 3600 + t.minute * 60), rng.choice(QUEUES),
                   rng.choice(AGENTS) if ok else "", "Answered" if ok else "Abandoned",
                   frac(c["wait"]), frac(c["talk"]), frac(c["hold"]) if c["hold"] else 0,
                   frac(c["acw"])])  # fmt: skip
        fmt(ws, i, {1: "dd/mm/yyyy", 2: "h:mm AM/PM"} | {k: "[mm]:ss" for k in range(6, 10)})
        if not c["hold"]:
            ws.cell(i, 8).number_format = "General"  # a typed 0, not a duration cell
    save_xlsx(wb, OUT / "mac_1904_date_and_time.xlsx")
    return log_truth(recs)


# --- 8. Queue summary with counts stored as text and a currency column --------------------------


@builder
def build_counts_as_text_cost() -> dict[str, Any]:
    # A daily queue summary pasted from a web report into a sheet formatted as Text: the counts
    # are text cells ("84", Excel's green triangle), "Avg Speed of Answer" / "Avg Handle Time"
    # fractions shown [h]:mm:ss, "Service Level" 0.0%, "Telephony Cost" a currency ($#,##0.00)
    # and "Total Talk Time" the day's talk time shown [h]:mm:ss (over 24 hours on busy days).
    rng = random.Random(4008)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Queue Summary"
    ws.append(["Report Date", "Queue", "Calls Offered", "Calls Answered", "Calls Abandoned",
               "Avg Speed of Answer", "Avg Handle Time", "Service Level", "Total Talk Time",
               "Telephony Cost"])  # fmt: skip
    drawn = []
    for d in SEP:
        for q in ("Claims", "Policy"):
            r = draw_row(rng, d, 300)
            r["sl"] = round(r["sl"], 1)
            drawn.append(r)
            n = ws.max_row + 1
            ws.append([dt.datetime.combine(d, dt.time()), q, str(r["offered"]),
                       str(r["answered"]), str(r["abandoned"]), frac(r["asa"]), frac(r["aht"]),
                       r["sl"] / 100, frac(r["talk"] * r["answered"]),
                       round(r["offered"] * rng.uniform(0.18, 0.35), 2)])  # fmt: skip
            fmt(ws, n, {1: "dd/mm/yyyy", 3: "@", 4: "@", 5: "@", 6: "[h]:mm:ss",
                        7: "[h]:mm:ss", 8: "0.0%", 9: "[h]:mm:ss", 10: '"$"#,##0.00'})  # fmt: skip
    save_xlsx(wb, OUT / "counts_as_text_cost.xlsx")
    t = summary_truth(drawn)
    del t["transfer_rate"]  # not in the file
    t["talk_time"] = r4(sum(r["talk"] * r["answered"] for r in drawn)
                        / sum(r["answered"] for r in drawn))  # fmt: skip
    t["days_over_24h_talk"] = sum(r["talk"] * r["answered"] >= DAY for r in drawn)
    return t


# --- 9. Outbound dialer log: d-mmm date, h:mm AM/PM time, a currency cost -----------------------


@builder
def build_dialer_cost_log() -> dict[str, Any]:
    # An outbound campaign's dialer log saved as .xlsx: "Date" shown d-mmm, "Time" shown
    # h:mm:ss AM/PM (fractions), "Call Type" Outbound, "Disposition" Connected / No Answer / Busy / Voicemail,
    # "Duration" (talk) and "Wrap" fractions shown [h]:mm:ss, "Cost" a currency ($0.0000 per
    # call, 0 when not connected). No inbound calls: abandonment and ASA do not apply.
    rng = random.Random(4009)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Dialer"
    ws.append(["Date", "Time", "Campaign", "Call Type", "Agent", "Phone", "Disposition",
               "Duration", "Wrap", "Cost"])  # fmt: skip
    recs = []
    for i, t in enumerate(spread(rng, NOV[:5], 12), start=2):
        c = dial_out(rng, p_no=0.35)
        c["start"] = t
        c["hold"], c["handle"] = 0, c["talk"] + c["acw"]
        recs.append(c)
        ok = handled(c)
        disp = "Connected" if ok else rng.choice(["No Answer", "Busy", "Voicemail"])
        ws.append([dt.datetime.combine(t.date(), dt.time()),
                   frac(t.hour * 3600 + t.minute * 60 + t.second), "Renewals Q4", "Outbound",
                   rng.choice(AGENTS[:4]), f"+1 415 555 {rng.randint(1000, 9999)}", disp,
                   frac(c["talk"]), frac(c["acw"]),
                   round(c["talk"] / 60 * 0.013, 4)])  # fmt: skip
        fmt(ws, i, {1: "d-mmm", 2: "h:mm:ss AM/PM", 8: "[h]:mm:ss", 9: "[h]:mm:ss",
                    10: '"$"#,##0.0000'})  # fmt: skip
    save_xlsx(wb, OUT / "dialer_cost_log.xlsx")
    conn = [c for c in recs if handled(c)]
    return {
        "rows": len(recs),
        "contacts": len(recs),
        "aht": r4(sum(c["handle"] for c in conn) / len(conn)),
        "connected": len(conn),
        "first_day": recs[0]["start"].date().isoformat(),
        "last_day": recs[-1]["start"].date().isoformat(),
    }


# --- 10. Genesys Queue Performance by interval: two header rows, merged -------------------------


@builder
def build_genesys_queue_intervals() -> dict[str, Any]:
    # Genesys Cloud "Queue Performance Detail" by 30-minute interval, exported to .xlsx: a
    # "Interval Start" date-time serial shown "m/d/yy h:mm AM/PM", a merged "Handle" group over
    # "Offer" / "Answer" / "Abandon", a merged "Time" group over "ASA" / "AHT" (fractions
    # shown [h]:mm:ss), "Service Level %" 0.0% and "Answer %" =IFERROR(D/C,"") cached.
    rng = random.Random(4010)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Queue Performance"
    ws.append(["Queue", "Interval Start", "Handle", "", "", "Time", "", "Service Level %",
               "Answer %"])  # fmt: skip
    ws.append(["", "", "Offer", "Answer", "Abandon", "ASA", "AHT", "", ""])
    for rng_ in ("C1:E1", "F1:G1", "A1:A2", "B1:B2", "H1:H2", "I1:I2"):
        ws.merge_cells(rng_)
    drawn, cached = [], {}
    for d in OCT[5:]:
        for half in range(18, 34):  # 09:00 .. 16:30
            r = draw_row(rng, d, 10)
            r["sl"] = round(r["sl"], 1)
            drawn.append(r)
            n = ws.max_row + 1
            ws.append(["Support", dt.datetime.combine(d, dt.time(half // 2, 30 * (half % 2))),
                       r["offered"], r["answered"], r["abandoned"], frac(r["asa"]),
                       frac(r["aht"]), r["sl"] / 100, f'=IFERROR(D{n}/C{n},"")'])  # fmt: skip
            fmt(ws, n, {2: "m/d/yy h:mm AM/PM", 6: "[h]:mm:ss", 7: "[h]:mm:ss", 8: "0.0%",
                        9: "0.0%"})  # fmt: skip
            cached[f"I{n}"] = r["answered"] / r["offered"]
    path = OUT / "genesys_queue_intervals.xlsx"
    save_xlsx(wb, path)
    cache(path, {"xl/worksheets/sheet1.xml": cached})
    t = summary_truth(drawn)
    del t["transfer_rate"], t["talk_time"]  # not in the file
    t["intervals"] = len(drawn)
    return t


# --- 11. A team lead's interval sheet: IFERROR rates that are "" on quiet intervals ------------


@builder
def build_interval_iferror_blanks() -> dict[str, Any]:
    # Counts per half hour (ACD export pasted in), then the team lead's formula columns with
    # Excel's cached values: "ASA" =IFERROR(F/D,"") over a "Total Wait" column (fractions shown
    # [mm]:ss), "Abandon %" =IFERROR(E/C,""), "SL %" =IFERROR(G/(D+E),"") over "Ans <= 20s":
    # early and late intervals have no calls, so those cells hold the text "" (not a number).
    # "Date" a serial shown dd/mm/yyyy, "Interval" a fraction shown hh:mm.
    rng = random.Random(4011)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Intervals"
    ws.append(["Date", "Interval", "Offered", "Answered", "Abandoned", "Total Wait",
               "Ans <= 20s", "ASA", "Abandon %", "SL %"])  # fmt: skip
    rows, cached = [], {}
    for d in NOV[5:]:
        for half in range(16, 38):  # 08:00 .. 18:30
            quiet = half < 17 or half > 34 or rng.random() < 0.08
            off = 0 if quiet else rng.randint(2, 12)
            ab = rng.randint(0, max(1, off // 5)) if off else 0
            ab = min(ab, off)
            ans = off - ab
            wait = sum(rng.choice([rng.randint(0, 20), rng.randint(21, 180)]) for _ in range(ans))
            within = rng.randint(0, ans)
            r = {"day": d, "offered": off, "answered": ans, "abandoned": ab, "wait": wait,
                 "within": within}  # fmt: skip
            rows.append(r)
            n = ws.max_row + 1
            ws.append([dt.datetime.combine(d, dt.time()), frac(half * 1800), off, ans, ab,
                       frac(wait), within, f'=IFERROR(F{n}/D{n},"")', f'=IFERROR(E{n}/C{n},"")',
                       f'=IFERROR(G{n}/(D{n}+E{n}),"")'])  # fmt: skip
            fmt(ws, n, {1: "dd/mm/yyyy", 2: "hh:mm", 6: "[mm]:ss", 8: "[mm]:ss", 9: "0.0%",
                        10: "0.0%"})  # fmt: skip
            cached[f"H{n}"] = frac(wait) / ans if ans else ""
            cached[f"I{n}"] = ab / off if off else ""
            cached[f"J{n}"] = within / (ans + ab) if ans + ab else ""
    path = OUT / "interval_iferror_blanks.xlsx"
    save_xlsx(wb, path)
    cache(path, {"xl/worksheets/sheet1.xml": cached})
    off = sum(r["offered"] for r in rows)
    ans = sum(r["answered"] for r in rows)
    ab = sum(r["abandoned"] for r in rows)
    busy = [r for r in rows if r["offered"]]
    return {
        "rows": len(rows),
        "quiet_rows": len(rows) - len(busy),
        "contacts": off,
        "abandonment_rate": r4(ab / off),
        "asa": r4(sum(r["wait"] for r in rows) / ans),
        "service_level": r4(sum(r["within"] for r in rows) / (ans + ab)),
        "first_day": rows[0]["day"].isoformat(),
        "last_day": rows[-1]["day"].isoformat(),
        "busy_first_day": busy[0]["day"].isoformat(),
    }


if __name__ == "__main__":
    BUILD.main()

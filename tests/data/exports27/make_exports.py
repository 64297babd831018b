"""Regenerate the twenty-seventh blind acceptance corpus (tests/test_real_exports_27.py).

    .venv/bin/python tests/data/exports27/make_exports.py             # write the files
    .venv/bin/python tests/data/exports27/make_exports.py --expected  # also print the truth

Round 27 sets its traps at the level of the FILE, not of the columns: ordinary contact logs and
daily summaries saved, re-saved, glued together or packed the way files really travel. A CSV
that starts with Excel's ``sep=;`` hint line (after a BOM); a tab-separated file saved with a
``.csv`` name whose agent names ("Lopez, Maya") hold one comma per line; CRLF line ends with
quoted notes holding line breaks and commas, the last line without a line break; two exports
of the same calls glued together with ``cat`` (every row twice, a second header line in the
middle); two weeks glued with Windows ``copy /b`` (a BOM and a header line in the middle); the
same day's file downloaded twice by a browser (``... (1).csv``) read with the next day's file;
a pandas ``to_csv`` of a frame that was itself read from a pandas CSV (two index columns,
"Unnamed: 0", and trailing "Unnamed: 11" / "Unnamed: 12" empty columns); a daily summary with
every value quoted, thousands commas inside the quotes; a daily summary followed by three blank
lines and a "Report generated: 17/03/2025 06:00" footer; an Excel workbook whose first sheet is
a cover page and whose data sheet has a merged title, a frozen header on row 7 and Excel's
Data > Subtotal rows ("03/03/2025 Total", "Grand Total", SUBTOTAL formulas with cached values)
with the detail rows collapsed (hidden); a gzip-compressed CSV and a zip holding a CSV, which
the importer does not claim to read (docs/mapping.md): they must be refused with a message.

Each builder draws rows with its own seeded ``random.Random``, writes them the way the export
looks, and returns the KPIs computed in plain Python over the drawn records -- never with
KPI Lab code. Conventions as round 21: contacts = rows of a contact log (sum offered in a
summary); abandonment over inbound queued; ASA over answered; AHT = talk + hold + ACW over
handled (inbound answered, outbound connected); service level 20 s, abandons negative;
summaries weighted by answered; CSAT mean 1-5.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import random
import re
import sys
import zipfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/data: export_kit
from export_kit import (  # noqa: E402
    Builders,
    csv_text,
    dial_out,
    draw_call,
    draw_row,
    drawn_calls,
    handled,
    hms,
    log_truth,
    r4,
    rows_truth,
    save_xlsx,
    spread,
    weekdays,
)  # fmt: skip

OUT = Path(__file__).resolve().parent
BUILD = Builders(OUT)
builder = BUILD
AGENTS = ["Maya Lopez", "Omar Haddad", "Jin Park", "Sara Novak", "Luca Bianchi", "Ada Okafor"]
QUEUES = ["Billing", "Support", "Sales"]
MAR = weekdays(dt.date(2025, 3, 3), dt.date(2025, 3, 14))
APR = weekdays(dt.date(2025, 4, 7), dt.date(2025, 4, 18))


def _write(name: str, text: str, encoding: str = "utf-8") -> None:
    (OUT / name).write_bytes(text.encode(encoding))


def _summary_rows(rng: random.Random, days: list[dt.date], queues: list[str], base: int
                  ) -> list[dict[str, Any]]:  # fmt: skip
    out = []
    for d in days:
        for q in queues:
            r = draw_row(rng, dt.datetime.combine(d, dt.time()), base)
            r["queue"] = q
            r["sl"] = round(r["sl"], 1)  # displayed with one decimal
            out.append(r)
    return out


# --- 1. Excel's "sep=;" hint line (after a BOM) ------------------------------------------------


@builder
def build_sep_hint_semicolon() -> dict[str, Any]:
    # A PBX call report "for Excel" from a European site: UTF-8 BOM, then "sep=;" (so that
    # Excel splits on semicolons whatever the locale), then the header. "Start Time"
    # dd.mm.yyyy HH:MM:SS, durations H:MM:SS, "Status" Answered / Unanswered.
    rng = random.Random(2701)
    recs = drawn_calls(rng, MAR, 8, p_ab=0.15)
    rows = []
    for i, c in enumerate(recs):
        ok = handled(c)
        rows.append([
            f"{c['start']:%d.%m.%Y %H:%M:%S}", f"00000196D5{0xB4A100 + 37 * i:06X}",
            rng.choice(QUEUES), rng.choice(AGENTS) if ok else "", "Inbound",
            "Answered" if ok else "Unanswered", hms(c["wait"]), hms(c["talk"]),
            hms(c["hold"]), hms(c["acw"]),
        ])  # fmt: skip
    head = ["Start Time", "Call ID", "Queue", "Agent", "Direction", "Status", "Wait Time",
            "Talk Time", "Hold Time", "Wrap Up Time"]  # fmt: skip
    text = "sep=;\r\n" + csv_text([head, *rows], sep=";", eol="\r\n")
    _write("calls_sep_hint.csv", text, "utf-8-sig")
    return log_truth(recs)


# --- 2. Tab-separated, saved with a .csv name, agent names "Last, First" -----------------------


@builder
def build_tab_named_csv() -> dict[str, Any]:
    # A SQL client's "Export result set" with the tab option but the default .csv name.
    # agent_name is "Lopez, Maya" (one comma on every answered line, none on the header).
    # Outbound dials (a fifth) have no queue and no wait; disposition ANSWERED / ABANDONED /
    # NO ANSWER (an outbound dial nobody picked up).
    rng = random.Random(2702)
    recs, rows = [], []
    names = [", ".join(reversed(a.split())) for a in AGENTS]
    for i, t in enumerate(spread(rng, MAR, 9)):
        c = dial_out(rng) if rng.random() < 0.2 else draw_call(rng, p_ab=0.15)
        c["start"] = t
        recs.append(c)
        inb, ok = c["inbound"], handled(c)
        disp = {"answered": "ANSWERED", "abandoned": "ABANDONED", "connected": "ANSWERED",
                "no_answer": "NO ANSWER"}[c["outcome"]]  # fmt: skip
        rows.append([
            4410200 + i, f"{t:%Y-%m-%d %H:%M:%S}", "inbound" if inb else "outbound",
            rng.choice(QUEUES) if inb else "", rng.choice(names) if ok or not inb else "",
            disp, c["wait"] if inb else 0, c["talk"], c["hold"], c["acw"],
        ])  # fmt: skip
    head = ["call_id", "call_start", "direction", "queue_name", "agent_name", "disposition",
            "wait_sec", "talk_sec", "hold_sec", "wrap_sec"]  # fmt: skip
    _write("cdr_export.csv", csv_text([head, *rows], sep="\t"))
    return log_truth(recs)


# --- 3. CRLF, quoted notes with line breaks and commas, no final line break --------------------


@builder
def build_notes_crlf() -> dict[str, Any]:
    # A CRM's activity export from Windows: CRLF line ends, "Notes" quoted and holding the
    # agent's own line breaks (LF, as Excel writes them inside a cell), commas, a clock time
    # and an amount; "Date" 3/5/2025 (month-first) + "Time" 14:05:09; CSAT 1-5 or empty. The
    # last line has no line break.
    rng = random.Random(2703)
    recs = drawn_calls(rng, MAR, 8, p_ab=0.14)
    notes = [
        "", "", "Customer called back at 14:05, no answer.\nLeft voicemail, will retry",
        "Refund issued: 45,00 EUR\nTicket 4471, closed", "VIP, handle asap",
        "Address changed\n\nOld: 12 High St, Leeds\nNew: 4 Mill Lane, York",
        '"Cancel everything", he said.\nEscalated, Tier 2', "Total: 3 devices, 2 returned",
    ]  # fmt: skip
    rows = []
    for i, c in enumerate(recs):
        ok = handled(c)
        c["csat"] = rng.choice([None, None, 2, 3, 4, 5, 5]) if ok else None
        t = c["start"]
        rows.append([
            f"ACT-{880100 + 3 * i}", f"{t.month}/{t.day}/{t.year}", f"{t:%H:%M:%S}",
            rng.choice(QUEUES), rng.choice(AGENTS) if ok else "", c["wait"], c["talk"],
            c["hold"], c["acw"], "Completed" if ok else "Abandoned",
            rng.choice(notes) if ok else "", "" if c["csat"] is None else c["csat"],
        ])  # fmt: skip
    head = ["Activity ID", "Date", "Time", "Queue", "Agent", "Wait (sec)", "Talk (sec)",
            "Hold (sec)", "Wrap (sec)", "Result", "Notes", "CSAT"]  # fmt: skip
    text = csv_text([head, *rows], eol="\r\n").removesuffix("\r\n")
    _write("crm_activities_notes.csv", text)
    t = log_truth(recs)
    t["multiline_notes"] = sum("\n" in r[10] for r in rows)
    return t


# --- 4. The same export twice, glued with cat ----------------------------------------------------


@builder
def build_exports_concatenated() -> dict[str, Any]:
    # Two people exported the same week and someone ran `cat a.csv b.csv > week.csv`: the
    # header, the calls, the header again, the same calls again.
    rng = random.Random(2704)
    recs = drawn_calls(rng, APR[:5], 10, p_ab=0.15)
    rows = []
    for i, c in enumerate(recs):
        ok = handled(c)
        rows.append([
            f"CL{77120 + i}", f"{c['start']:%Y-%m-%d %H:%M:%S}", rng.choice(QUEUES),
            rng.choice(AGENTS) if ok else "", "Answered" if ok else "Abandoned", c["wait"],
            c["talk"], c["hold"], c["acw"],
        ])  # fmt: skip
    head = ["Call ID", "Start", "Queue", "Agent", "Result", "Queue Time", "Talk Time",
            "Hold Time", "After Call Work"]  # fmt: skip
    one = csv_text([head, *rows])
    _write("week15_calls_combined.csv", one + one)
    return log_truth(recs)


# --- 5. Two weeks glued with Windows copy /b (BOM + header in the middle) -----------------------


@builder
def build_copy_b_two_weeks() -> dict[str, Any]:
    # `copy /b week10.csv+week11.csv march.csv`: both files were UTF-8 with a BOM and CRLF, so
    # the second week starts with a BOM and its header line in the middle of the file.
    rng = random.Random(2705)
    recs = drawn_calls(rng, MAR, 7, p_ab=0.16)
    head = ["Contact ID", "Initiation Timestamp", "Queue", "Agent", "Disposition",
            "Queue Wait (s)", "Talk (s)", "Hold (s)", "ACW (s)"]  # fmt: skip
    parts = []
    for week in (MAR[:5], MAR[5:]):
        rows = []
        for i, c in enumerate(r for r in recs if r["start"].date() in week):
            ok = handled(c)
            rows.append([
                f"{c['start']:%y%m%d}{i:03d}", f"{c['start']:%Y-%m-%dT%H:%M:%S}",
                rng.choice(QUEUES), rng.choice(AGENTS) if ok else "",
                "AGENT_DISCONNECT" if ok else "CUSTOMER_ABANDON", c["wait"], c["talk"],
                c["hold"], c["acw"],
            ])  # fmt: skip
        parts.append(csv_text([head, *rows], eol="\r\n").encode("utf-8-sig"))
    (OUT / "march_weeks_copy_b.csv").write_bytes(b"".join(parts))
    return log_truth(recs)


# --- 6. The same day downloaded twice by the browser ("... (1).csv") ---------------------------


@builder
def build_browser_duplicate() -> dict[str, Any]:
    # One file per day with no queue column; the 8 April download was saved twice, the second
    # time as "queue_calls_2025-04-08 (1).csv" (same bytes). The three files are imported
    # together.
    rng = random.Random(2706)
    days = APR[1:3]
    recs = drawn_calls(rng, days, 12, p_ab=0.15)
    head = ["Call Id", "Start Time", "Agent", "Answered", "Wait Seconds", "Talk Seconds",
            "Hold Seconds", "Wrap Seconds"]  # fmt: skip
    for d in days:
        rows = []
        for i, c in enumerate(r for r in recs if r["start"].date() == d):
            ok = handled(c)
            rows.append([
                f"{d:%m%d}-{i + 1:03d}", f"{c['start']:%Y-%m-%d %H:%M:%S}",
                rng.choice(AGENTS) if ok else "", "Y" if ok else "N", c["wait"], c["talk"],
                c["hold"], c["acw"],
            ])  # fmt: skip
        text = csv_text([head, *rows])
        _write(f"queue_calls_{d.isoformat()}.csv", text)
        if d == days[0]:
            _write(f"queue_calls_{d.isoformat()} (1).csv", text)
    t = log_truth(recs)
    t["rows_first_day"] = sum(r["start"].date() == days[0] for r in recs)
    return t


# --- 7. pandas to_csv of a frame read from a pandas CSV -----------------------------------------


@builder
def build_pandas_double_index() -> dict[str, Any]:
    # An analyst read raw.csv (a pandas CSV with its index, and two trailing commas in the
    # header of the system export: "Unnamed: 11", "Unnamed: 12"), dropped internal test calls,
    # sorted by start and saved with df.to_csv("calls_clean_v2.csv"): an unnamed index column
    # (with gaps, out of order), "Unnamed: 0" (the older index), the two empty trailing
    # columns. No call id; "answered" True / False.
    rng = random.Random(2707)
    recs = drawn_calls(rng, APR, 7, p_ab=0.15)
    order = list(range(len(recs) + 9))
    rng.shuffle(order)
    kept = sorted(order[: len(recs)])  # rows left after dropping test calls (gaps)
    old = rng.sample(range(1000, 2000), len(recs))
    rows = []
    for k, c in enumerate(recs):
        ok = handled(c)
        rows.append([
            kept[(k * 7) % len(recs)], old[k], f"{c['start']:%Y-%m-%d %H:%M:%S}",
            rng.choice(QUEUES), rng.choice(AGENTS) if ok else "", "True" if ok else "False",
            float(c["wait"]), float(c["talk"]), float(c["hold"]), float(c["acw"]), "", "",
        ])  # fmt: skip
    head = ["", "Unnamed: 0", "start_time", "queue", "agent", "answered", "wait_s", "talk_s",
            "hold_s", "acw_s", "Unnamed: 11", "Unnamed: 12"]  # fmt: skip
    _write("calls_clean_v2.csv", csv_text([head, *rows]))
    return log_truth(recs)


# --- 8. Every value quoted, thousands commas inside the quotes -----------------------------------


@builder
def build_all_quoted_daily() -> dict[str, Any]:
    # A BI tool's "CSV (all fields quoted)": one row per day and queue, counts with thousands
    # commas ("1,204"), averages H:MM:SS, the service level "81.3%".
    rng = random.Random(2708)
    rows = _summary_rows(rng, MAR, ["Retail", "Business"], 1100)
    out = [[
        f"{r['day']:%Y-%m-%d}", r["queue"], f"{r['offered']:,}", f"{r['answered']:,}",
        f"{r['abandoned']:,}", hms(r["asa"]), hms(r["aht"]), f"{r['sl']:.1f}%",
    ] for r in rows]  # fmt: skip
    head = ["Date", "Queue", "Calls Offered", "Calls Answered", "Calls Abandoned",
            "Avg Speed of Answer", "Avg Handle Time", "Service Level %"]  # fmt: skip
    _write("daily_queue_stats_quoted.csv", csv_text([head, *out], quoting=csv.QUOTE_ALL))
    return rows_truth(rows)


# --- 9. Daily summary, three blank lines, a "Report generated" footer --------------------------


@builder
def build_footer_generated() -> dict[str, Any]:
    # A scheduled daily report: day-first dates, then three empty lines, then the footer the
    # scheduler adds: "Report generated: 17/03/2025 06:00:14", the filter, a confidentiality
    # line (each in the first column, the other columns empty).
    rng = random.Random(2709)
    rows = _summary_rows(rng, MAR, ["All queues"], 420)
    out = [[
        f"{r['day']:%d/%m/%Y}", r["offered"], r["answered"], r["abandoned"], r["within"],
        r["asa"], r["aht"],
    ] for r in rows]  # fmt: skip
    head = ["Date", "Offered", "Answered", "Abandoned", "Answered within 20s", "ASA (sec)",
            "AHT (sec)"]  # fmt: skip
    blank = [""] * len(head)
    foot = [
        ["Report generated: 17/03/2025 06:00:14", *blank[1:]],
        ["Filter: Queue = All queues; Period = 03/03/2025 - 14/03/2025", *blank[1:]],
        ["Confidential - internal use only", *blank[1:]],
    ]  # fmt: skip
    _write("daily_report_footer.csv", csv_text([head, *out, blank, blank, blank, *foot]))
    return rows_truth(rows, sl="count")


# --- 10. Workbook: cover sheet first, Data > Subtotal rows, detail rows collapsed ----------------


@builder
def build_excel_subtotals() -> dict[str, Any]:
    # Sheet 1 "Read me": a cover page (title, text, a small "Field | Meaning" table). Sheet 2
    # "Data": A1:H1 merged title, A2 the run line, header on row 7 (frozen below it), one row
    # per day and queue, and Excel's Data > Subtotal at each change in Date: a row
    # "03/03/2025 Total" with =SUBTOTAL(9, ...) over the counts (cached values, as Excel saves
    # them), "Grand Total" at the end; the outline collapsed to level 2, so the detail rows are
    # hidden. ASA / AHT in seconds on the detail rows only.
    from openpyxl import Workbook
    from openpyxl.styles import Font

    rng = random.Random(2710)
    rows = _summary_rows(rng, MAR, ["Billing", "Support", "Sales"], 150)
    wb = Workbook()
    cover = wb.active
    cover.title = "Read me"
    cover["A1"] = "Contact Centre - Daily Queue Statistics"
    cover["A1"].font = Font(bold=True, size=14)
    cover["A3"] = "Prepared by Workforce Management for the weekly operations review."
    cover["A4"] = "Figures are final for the period 03/03/2025 - 14/03/2025."
    cover["A6"], cover["B6"] = "Field", "Meaning"
    for k, (f, m) in enumerate([
        ("Offered", "Calls that entered the queue"),
        ("Answered", "Calls answered by an agent"),
        ("Abandoned", "Callers who hung up in the queue"),
        ("Ans <= 20s", "Calls answered within 20 seconds"),
        ("ASA (s)", "Average speed of answer, seconds"),
        ("AHT (s)", "Average handle time, seconds"),
    ]):  # fmt: skip
        cover.cell(7 + k, 1, f)
        cover.cell(7 + k, 2, m)
    ws = wb.create_sheet("Data")
    ws["A1"] = "Daily Queue Statistics - March 2025"
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells("A1:H1")
    ws["A2"] = "Run 17/03/2025 06:00 - all queues"
    head = ["Date", "Queue", "Offered", "Answered", "Abandoned", "Ans <= 20s", "ASA (s)",
            "AHT (s)"]  # fmt: skip
    for j, h in enumerate(head, 1):
        ws.cell(7, j, h).font = Font(bold=True)
    ws.freeze_panes = "A8"
    cached: dict[str, int] = {}
    row = 8
    keys = ["offered", "answered", "abandoned", "within"]
    for d in MAR:
        first = row
        for r in (r for r in rows if r["day"].date() == d):
            ws.cell(row, 1, r["day"]).number_format = "dd/mm/yyyy"
            ws.cell(row, 2, r["queue"])
            for j, k in enumerate(keys, 3):
                ws.cell(row, j, r[k])
            ws.cell(row, 7, r["asa"])
            ws.cell(row, 8, r["aht"])
            ws.row_dimensions[row].outlineLevel = 2
            ws.row_dimensions[row].hidden = True
            row += 1
        ws.cell(row, 1, f"{d:%d/%m/%Y} Total").font = Font(bold=True)
        for j, k in enumerate(keys, 3):
            col = "CDEF"[j - 3]
            ws.cell(row, j, f"=SUBTOTAL(9,{col}{first}:{col}{row - 1})")
            cached[f"{col}{row}"] = sum(r[k] for r in rows if r["day"].date() == d)
        ws.row_dimensions[row].outlineLevel = 1
        row += 1
    ws.cell(row, 1, "Grand Total").font = Font(bold=True)
    for j, k in enumerate(keys, 3):
        col = "CDEF"[j - 3]
        ws.cell(row, j, f"=SUBTOTAL(9,{col}8:{col}{row - 1})")
        cached[f"{col}{row}"] = sum(r[k] for r in rows)
    ws.sheet_properties.outlinePr.summaryBelow = True
    path = OUT / "queue_stats_subtotals.xlsx"
    save_xlsx(wb, path)
    _cache_formulas(path, "xl/worksheets/sheet2.xml", cached)
    by_day = {d.isoformat(): sum(r["offered"] for r in rows if r["day"].date() == d) for d in MAR}
    return rows_truth(rows, sl="count", offered_by_day=by_day)


def _cache_formulas(path: Path, member: str, cached: dict[str, int]) -> None:
    """Write each formula's value into the sheet, as Excel does when it saves (openpyxl leaves
    ``<v>`` empty): ``<c r="C11"><f>...</f><v>412</v></c>``."""
    buf = io.BytesIO(path.read_bytes())
    with zipfile.ZipFile(buf) as src:
        items = [(i, src.read(i)) for i in src.infolist()]
    with zipfile.ZipFile(path, "w") as dst:
        for info, data in items:
            if info.filename == member:

                def put(m: re.Match[bytes]) -> bytes:
                    ref = m.group(1).decode()
                    return m.group(0).replace(b"<v></v>", b"").replace(
                        b"</f>", f"</f><v>{cached[ref]}</v>".encode()
                    ) if ref in cached else m.group(0)  # fmt: skip

                data = re.sub(rb'<c r="([A-Z]+\d+)"[^>]*><f>[^<]*</f>(?:<v></v>|<v />)?', put, data)
            dst.writestr(info, data, zipfile.ZIP_DEFLATED)


# --- 11. Compressed downloads: .csv.gz and .zip --------------------------------------------------


@builder
def build_compressed() -> dict[str, Any]:
    # A platform's "large export" link gives calls_2025-04.csv.gz; another mails a .zip
    # holding one CSV. docs/mapping.md claims neither: they must be refused with a message.
    rng = random.Random(2711)
    recs = drawn_calls(rng, APR, 5, p_ab=0.15)
    rows = [[f"Z{5500 + i}", f"{c['start']:%Y-%m-%d %H:%M:%S}", "Answered" if handled(c)
             else "Abandoned", c["wait"], c["talk"], c["hold"], c["acw"]]
            for i, c in enumerate(recs)]  # fmt: skip
    text = csv_text([["Call ID", "Start", "Result", "Wait", "Talk", "Hold", "ACW"], *rows])
    raw = io.BytesIO()
    with gzip.GzipFile("calls_2025-04.csv", "wb", fileobj=raw, mtime=0) as gz:
        gz.write(text.encode())
    (OUT / "calls_2025-04.csv.gz").write_bytes(raw.getvalue())
    with zipfile.ZipFile(OUT / "report_export.zip", "w") as z:
        z.writestr(zipfile.ZipInfo("calls_2025-04.csv", (2025, 5, 1, 6, 0, 0)), text,
                   zipfile.ZIP_DEFLATED)  # fmt: skip
    return log_truth(recs)


# --- 12. Two report versions glued with cat: the second header has its columns moved -----------


@builder
def build_concat_reordered() -> dict[str, Any]:
    # A month's log built with `cat week1.csv week2.csv > march.csv` after the vendor's
    # report update moved "Hold Time" before "Queue Time" and "Agent" before "Queue": the
    # second header line names the columns in their new places.
    rng = random.Random(2712)
    recs = drawn_calls(rng, MAR, 7, p_ab=0.15)
    old = ["Call ID", "Start", "Queue", "Agent", "Result", "Queue Time", "Talk Time",
           "Hold Time", "After Call Work"]  # fmt: skip
    new = ["Call ID", "Start", "Agent", "Queue", "Result", "Hold Time", "Talk Time",
           "Queue Time", "After Call Work"]  # fmt: skip
    text = ""
    for head, week in ((old, MAR[:5]), (new, MAR[5:])):
        rows = []
        for i, c in enumerate(r for r in recs if r["start"].date() in week):
            ok = handled(c)
            cell = {"Call ID": f"M{c['start']:%m%d}{i:03d}",
                    "Start": f"{c['start']:%Y-%m-%d %H:%M:%S}", "Queue": rng.choice(QUEUES),
                    "Agent": rng.choice(AGENTS) if ok else "",
                    "Result": "Answered" if ok else "Abandoned", "Queue Time": c["wait"],
                    "Talk Time": c["talk"], "Hold Time": c["hold"],
                    "After Call Work": c["acw"]}  # fmt: skip
            rows.append([cell[h] for h in head])
        text += csv_text([head, *rows])
    _write("march_calls_two_versions.csv", text)
    t = log_truth(recs)
    w2 = [r for r in recs if r["start"].date() in MAR[5:] and r["outcome"] == "answered"]
    w1 = [r for r in recs if r["start"].date() in MAR[:5] and r["outcome"] == "answered"]
    t["asa_if_week2_read_in_old_places"] = r4(
        (sum(r["wait"] for r in w1) + sum(r["hold"] for r in w2)) / (len(w1) + len(w2))
    )
    return t


# --- 13. A legacy ACD dump ending in a DOS end-of-file mark (Ctrl-Z) ------------------------------


@builder
def build_dos_eof() -> dict[str, Any]:
    # An old ACD's nightly dump written by a DOS-era tool: CRLF, upper-case names, the last
    # line followed by the end-of-file byte 0x1A; dates YYYYMMDD, times HHMMSS.
    rng = random.Random(2713)
    recs = drawn_calls(rng, APR, 6, p_ab=0.15)
    rows = []
    for i, c in enumerate(recs):
        ok = handled(c)
        rows.append([
            f"{c['start']:%Y%m%d}", f"{c['start']:%H%M%S}", 310400 + i, rng.choice(QUEUES).upper(),
            rng.randint(1001, 1012) if ok else "", "ANSWERED" if ok else "ABANDONED", c["wait"], c["talk"],
            c["hold"], c["acw"],
        ])  # fmt: skip
    head = ["CALL_DATE", "CALL_TIME", "CALL_ID", "SPLIT", "AGENT_ID", "DISPOSITION",
            "QUEUE_SEC", "TALK_SEC", "HOLD_SEC", "ACW_SEC"]  # fmt: skip
    (OUT / "acd_dump_0418.csv").write_bytes(
        csv_text([head, *rows], eol="\r\n").encode("ascii") + b"\x1a"
    )
    return log_truth(recs)


# --- 14. Each line pasted into one Excel column and saved again: one quoted field per line -------


@builder
def build_lines_quoted_whole() -> dict[str, Any]:
    # A CSV opened in a spreadsheet that did not split it (every line in column A), then saved
    # as CSV again: each line is one field, quoted because it holds commas, inner quotes
    # doubled ("Lopez, Maya" becomes ""Lopez, Maya"").
    rng = random.Random(2714)
    recs = drawn_calls(rng, APR, 6, p_ab=0.15)
    names = [", ".join(reversed(a.split())) for a in AGENTS]
    rows = []
    for i, c in enumerate(recs):
        ok = handled(c)
        rows.append([
            f"T-{61200 + i}", f"{c['start']:%d/%m/%Y %H:%M}", rng.choice(QUEUES),
            rng.choice(names) if ok else "", "Answered" if ok else "Abandoned", c["wait"],
            c["talk"], c["hold"], c["acw"],
        ])  # fmt: skip
    head = ["Call Ref", "Call Date", "Queue", "Agent", "Outcome", "Wait (s)", "Talk (s)",
            "Hold (s)", "Wrap (s)"]  # fmt: skip
    lines = csv_text([head, *rows]).splitlines()
    _write("calls_one_column.csv", csv_text([[ln] for ln in lines], eol="\r\n"))
    return log_truth(recs)


if __name__ == "__main__":
    BUILD.main()

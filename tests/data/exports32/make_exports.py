"""Regenerate the thirty-second blind acceptance corpus (tests/test_real_exports_32.py).

    .venv/bin/python tests/data/exports32/make_exports.py             # write the files
    .venv/bin/python tests/data/exports32/make_exports.py --expected  # also print the truth

Round 32: exports of the big platforms AFTER a manager worked on them in Excel or Google Sheets
before uploading. Each workbook is the vendor's export (its real column names and formats) with
the hand edits real users make: a renamed "Wait" column, an "AHT (m)" formula column and a typed
"Total" row of SUM formulas (Amazon Connect); an AutoFilter with hidden rows, a SUBTOTAL row
and a pivot summary sheet (Genesys Cloud); typed-over cells ("?", "check") and a hand "Notes"
column whose words read like outcomes (Five9); two exports pasted one under the other with a
blank line and a second header whose columns are in another order (NICE CXone); start dates
re-typed by hand in the UK format on some rows only (Zendesk Talk); numbers stored as text,
with a quote prefix or a visible leading apostrophe (Salesforce Service Cloud Voice); an abandon
rate turned into 0-1 by a formula beside a service level left as 0-100 numbers, with a total
row (Dynamics 365 Contact Center); a pivot-table sheet inserted in front of the data, with a
chart, and renamed duration headers (Talkdesk).

Formula cells carry their cached values (as Excel saves them): openpyxl writes formulas with an
empty cached value, so :func:`cache` fills them in the saved sheet XML.

Each builder draws rows with its own seeded ``random.Random`` and returns the KPIs computed in
plain Python over the drawn records -- never with KPI Lab code. The truth is what a careful human
counts: the drawn records, once each; a typed total or subtotal row is no record; a row hidden
by a filter is still a record (a filter is a view); a typed-over cell ("?") is no figure (the
KPI it feeds is computed over the rows that have one).

Conventions (the registry's defaults, as earlier rounds): contacts = rows of a contact log (sum
offered in a summary); abandonment = abandoned / inbound queued; ASA = mean wait of answered;
AHT = mean talk + hold + ACW of handled; service level (20 s, abandons negative) = answered
within 20 s / (answered + abandoned); CSAT the mean 1-5 rating; summaries weighted by answered.
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
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font, PatternFill

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/data: export_kit
from export_kit import (  # noqa: E402
    Builders,
    draw_row,
    drawn_calls,
    guid,
    handled,
    log_truth,
    mean,
    r4,
    rows_truth,
    save_xlsx,
    weekdays,
)  # fmt: skip

OUT = Path(__file__).resolve().parent
BUILD = Builders(OUT)
builder = BUILD
AGENTS = ["Maya Lopez", "Omar Haddad", "Jin Park", "Sara Novak", "Luca Bianchi", "Ada Okafor"]
QUEUES = ["Billing", "Support", "Sales"]
JUN = weekdays(dt.date(2025, 6, 2), dt.date(2025, 6, 13))
SEP = weekdays(dt.date(2025, 9, 1), dt.date(2025, 9, 12))
YELLOW = PatternFill("solid", fgColor="FFFF00")
BOLD = Font(bold=True)


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


def tod(sec: int) -> dt.time:
    """A duration as Excel keeps "0:05:12" typed in a cell: a time of day."""
    return (dt.datetime(2000, 1, 1) + dt.timedelta(seconds=int(sec))).time()


def known_truth(recs: list[dict[str, Any]], key: str) -> float:
    """The mean ``key`` of answered calls whose figure was not typed over."""
    return r4(mean([c[key] for c in recs if c["outcome"] == "answered" and not c.get("lost")]))


# --- 1. Amazon Connect: "Wait" renamed, "AHT (m)" formula column, typed Total row ---------------


@builder
def build_connect_ctr_edited() -> dict[str, Any]:
    # A Connect contact search export (CSV opened in Excel, saved as xlsx): "Queue duration"
    # renamed "Wait" by hand, a column "AHT (m)" added = ROUND((talk + hold + ACW) / 60, 2),
    # and a "Total" row typed under the data with SUM formulas (AVERAGE for AHT (m)).
    # Initiation timestamps stay text (ISO with Z, Excel does not parse them).
    rng = random.Random(3201)
    recs = drawn_calls(rng, JUN, 9, p_ab=0.15)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "contact_search_results"
    head = ["Contact ID", "Channel", "Initiation method", "Initiation timestamp", "Queue",
            "Agent", "Wait", "Agent interaction duration", "Customer hold duration",
            "After contact work duration", "AHT (m)", "Disconnect reason"]  # fmt: skip
    ws.append(head)
    cached: dict[str, Any] = {}
    for i, c in enumerate(recs, start=2):
        ok = handled(c)
        ms = rng.randint(0, 999)
        ws.append([
            guid(rng), "VOICE", "INBOUND", f"{c['start']:%Y-%m-%dT%H:%M:%S}.{ms:03d}Z",
            rng.choice(QUEUES), rng.choice(AGENTS).lower().replace(" ", ".") if ok else "",
            c["wait"], c["talk"], c["hold"], c["acw"],
            f"=ROUND((H{i}+I{i}+J{i})/60,2)" if ok else None,
            rng.choice(["CUSTOMER_DISCONNECT", "AGENT_DISCONNECT"]) if ok
            else "CUSTOMER_DISCONNECT",
        ])  # fmt: skip
        if ok:
            cached[f"K{i}"] = round(c["handle"] / 60, 2)
    last = len(recs) + 1
    tot = last + 1
    ws.append(["Total", None, None, None, None, None, f"=SUM(G2:G{last})",
               f"=SUM(H2:H{last})", f"=SUM(I2:I{last})", f"=SUM(J2:J{last})",
               f"=AVERAGE(K2:K{last})", None])  # fmt: skip
    for col in "ABCDEFGHIJK":
        ws[f"{col}{tot}"].font = BOLD
    cached[f"G{tot}"] = sum(c["wait"] for c in recs)
    cached[f"H{tot}"] = sum(c["talk"] for c in recs)
    cached[f"I{tot}"] = sum(c["hold"] for c in recs)
    cached[f"J{tot}"] = sum(c["acw"] for c in recs)
    aht_m = [round(c["handle"] / 60, 2) for c in recs if handled(c)]
    cached[f"K{tot}"] = sum(aht_m) / len(aht_m)
    path = OUT / "connect_ctr_edited.xlsx"
    save_xlsx(wb, path)
    cache(path, {"xl/worksheets/sheet1.xml": cached})
    return log_truth(recs)


# --- 2. Genesys Cloud: AutoFilter with hidden rows, a SUBTOTAL row, a pivot sheet -------------


@builder
def build_genesys_filtered_pivot() -> dict[str, Any]:
    # A Genesys Cloud Interactions view export opened in Excel: "Date" parsed by Excel into real
    # date-times, "Total Queue" / "Total Talk" / "Total Hold" / "Total ACW" H:MM:SS became time
    # cells. The manager put an AutoFilter on the header and filtered Queue to Billing +
    # Support (the Sales rows are hidden, still in the file), typed a "Total (visible)" row
    # with SUBTOTAL(103 / 9) formulas, and added a "Pivot" sheet after the data sheet.
    rng = random.Random(3202)
    recs = drawn_calls(rng, SEP, 10, p_ab=0.14)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Interactions"
    ws.append(["Date", "Conversation ID", "Media Type", "Direction", "Queue",
               "Users - Interacted", "Wrap-up", "Abandoned", "Total Queue", "Total Talk",
               "Total Hold", "Total ACW"])  # fmt: skip
    visible = []
    for i, c in enumerate(recs, start=2):
        ok = handled(c)
        q = rng.choice(QUEUES)
        c["queue"] = q
        ws.append([
            c["start"], guid(rng), "voice", "Inbound", q, rng.choice(AGENTS) if ok else None,
            rng.choice(["Resolved", "Billing Question", "Callback Scheduled"]) if ok else None,
            "NO" if ok else "YES", tod(c["wait"]), tod(c["talk"]) if ok else None,
            tod(c["hold"]) if ok else None, tod(c["acw"]) if ok else None,
        ])  # fmt: skip
        ws[f"A{i}"].number_format = "m/d/yy h:mm:ss AM/PM"
        for col in "IJKL":
            ws[f"{col}{i}"].number_format = "h:mm:ss"
        if q == "Sales":
            ws.row_dimensions[i].hidden = True
        else:
            visible.append(c)
    last = len(recs) + 1
    ws.auto_filter.ref = f"A1:L{last}"
    ws.auto_filter.add_filter_column(4, ["Billing", "Support"])
    tot = last + 1
    ws.append(["Total (visible)", f"=SUBTOTAL(103,B2:B{last})", None, None, None, None, None,
               None, f"=SUBTOTAL(9,I2:I{last})", f"=SUBTOTAL(9,J2:J{last})",
               f"=SUBTOTAL(9,K2:K{last})", f"=SUBTOTAL(9,L2:L{last})"])  # fmt: skip
    for col in "IJKL":
        ws[f"{col}{tot}"].number_format = "[h]:mm:ss"
    day = 86400
    cached = {
        f"B{tot}": len(visible),
        f"I{tot}": sum(c["wait"] for c in visible) / day,
        f"J{tot}": sum(c["talk"] for c in visible) / day,
        f"K{tot}": sum(c["hold"] for c in visible) / day,
        f"L{tot}": sum(c["acw"] for c in visible) / day,
    }
    pv = wb.create_sheet("Pivot")
    pv.append(["Count of Conversation ID", "Column Labels"])
    pv.append(["Row Labels", "NO", "YES", "Grand Total"])
    for q in QUEUES:
        n_no = sum(c["queue"] == q and handled(c) for c in recs)
        n_yes = sum(c["queue"] == q and not handled(c) for c in recs)
        pv.append([q, n_no, n_yes, n_no + n_yes])
    pv.append(["Grand Total", sum(handled(c) for c in recs),
               sum(not handled(c) for c in recs), len(recs)])  # fmt: skip
    path = OUT / "genesys_filtered_pivot.xlsx"
    save_xlsx(wb, path)
    cache(path, {"xl/worksheets/sheet1.xml": cached})
    t = log_truth(recs)
    t["visible"] = len(visible)
    return t


# --- 3. Five9: typed-over waits ("?", "check"), hand notes that read like outcomes -------------


@builder
def build_five9_notes_overtyped() -> dict[str, Any]:
    # A Five9 Call Log report opened in Excel: DATE / TIME parsed into date and time cells,
    # durations H:MM:SS became time cells, ABANDONED 0 / 1. The supervisor highlighted some rows
    # yellow, typed "?" or "check" over the QUEUE WAIT TIME of 5 answered calls (unknown), and
    # added a "Notes" column ("cust said she abandoned 2 calls before", "callback - line
    # dropped", "escalated"). Truth: ASA over the answered calls with a known wait; the notes
    # say nothing about this call's outcome.
    rng = random.Random(3203)
    recs = drawn_calls(rng, JUN, 8, p_ab=0.16)
    answered = [c for c in recs if c["outcome"] == "answered"]
    for c in rng.sample(answered, 5):
        c["lost"] = True
    notes = [
        "cust said she abandoned 2 calls before",
        "callback - line dropped earlier",
        "escalated to TL",
        "abandoned cart question",
        "repeat caller",
        "check recording",
    ]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Call Log"
    ws.append(["CALL ID", "DATE", "TIME", "CALL TYPE", "CAMPAIGN", "SKILL", "AGENT NAME",
               "DISPOSITION", "ANI", "QUEUE WAIT TIME", "TALK TIME", "HOLD TIME",
               "AFTER CALL WORK TIME", "HANDLE TIME", "ABANDONED", "Notes"])  # fmt: skip
    for i, c in enumerate(recs, start=2):
        ok = handled(c)
        wait: Any = rng.choice(["?", "check", "?"]) if c.get("lost") else tod(c["wait"])
        note = rng.choice(notes) if ok and rng.random() < 0.25 else None
        ws.append([
            300004000 + 17 * i, c["start"].date(), c["start"].time(), "Inbound", "Inbound_Main",
            rng.choice(QUEUES), rng.choice(AGENTS) if ok else None,
            rng.choice(["Resolved", "Info Given", "Transferred To 3rd Party"]) if ok
            else "Abandon", f"{rng.randint(2012000000, 9899999999)}", wait, tod(c["talk"]),
            tod(c["hold"]), tod(c["acw"]), tod(c["handle"]), 0 if ok else 1, note,
        ])  # fmt: skip
        ws[f"B{i}"].number_format = "yyyy/mm/dd"
        ws[f"C{i}"].number_format = "hh:mm:ss"
        for col in "JKLMN":
            ws[f"{col}{i}"].number_format = "hh:mm:ss"
        if c.get("lost") or note:
            for col in "ABCDEFGHIJKLMNOP":
                ws[f"{col}{i}"].fill = YELLOW
    save_xlsx(wb, OUT / "five9_notes_overtyped.xlsx")
    t = log_truth(recs)
    t["asa"] = known_truth(recs, "wait")
    del t["service_level"]  # the typed-over waits leave it open: not asserted
    return t


# --- 4. NICE CXone: two exports pasted one under the other, columns in another order -----------


@builder
def build_cxone_two_pasted() -> dict[str, Any]:
    # Two CXone "Completed Contacts" exports (week 1, week 2) pasted into one sheet: the first
    # with its header on row 1, a blank line, then the second export's header and rows. The
    # second export came from a colleague's saved report whose columns are in another order:
    # "Agent Time" before "In Queue", "ACW Time" before "Hold Time". Durations in seconds.
    rng = random.Random(3204)
    w1 = drawn_calls(rng, JUN[:5], 9, p_ab=0.15)
    w2 = drawn_calls(rng, JUN[5:], 9, p_ab=0.15)
    head1 = [
        "Contact ID",
        "Master Contact ID",
        "Start Date",
        "Start Time",
        "Skill Name",
        "Agent Name",
        "In Queue",
        "Agent Time",
        "Hold Time",
        "ACW Time",
        "Abandon",
    ]
    head2 = [
        "Contact ID",
        "Master Contact ID",
        "Start Date",
        "Start Time",
        "Skill Name",
        "Agent Name",
        "Agent Time",
        "In Queue",
        "ACW Time",
        "Hold Time",
        "Abandon",
    ]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Contacts"
    n = 0

    def put(head: list[str], recs: list[dict[str, Any]]) -> None:
        nonlocal n
        ws.append(head)
        for c in recs:
            ok = handled(c)
            cid = 551044928000 + 37 * n
            n += 1
            val = {"Contact ID": cid, "Master Contact ID": cid, "Start Date": c["start"].date(),
                   "Start Time": c["start"].time(), "Skill Name": rng.choice(QUEUES) + " Voice",
                   "Agent Name": rng.choice(AGENTS) if ok else None, "In Queue": c["wait"],
                   "Agent Time": c["talk"], "Hold Time": c["hold"], "ACW Time": c["acw"],
                   "Abandon": "N" if ok else "Y"}  # fmt: skip
            ws.append([val[h] for h in head])
            ws.cell(ws.max_row, 3).number_format = "mm/dd/yyyy"
            ws.cell(ws.max_row, 4).number_format = "h:mm:ss AM/PM"

    put(head1, w1)
    ws.append([])
    put(head2, w2)
    save_xlsx(wb, OUT / "cxone_two_pasted.xlsx")
    t = log_truth(w1 + w2)
    t["week2"] = log_truth(w2)
    return t


# --- 5. Zendesk Talk: start dates re-typed in the UK format on some rows ------------------------


@builder
def build_zendesk_retyped_dates() -> dict[str, Any]:
    # A Zendesk Talk calls export (Explore) opened in Excel: "Call created - Timestamp" parsed
    # into date-time cells. A UK team lead fixed 9 rows by re-typing the timestamp as text in
    # her local format ("04/06/2025 14:07", day first; cells formatted as text, so they stay
    # text). Four of them have a day of 12 or less (04/06 is 4 June, not 6 April).
    rng = random.Random(3205)
    recs = drawn_calls(rng, JUN, 8, p_ab=0.15)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Calls"
    ws.append(["Call ID", "Call created - Timestamp", "Call direction", "Call completion status",
               "Call group", "Agent name", "Call wait time (sec)", "Call talk time (sec)",
               "Call hold time (sec)", "Call wrap-up time (sec)"])  # fmt: skip
    small = [i for i, c in enumerate(recs) if c["start"].day <= 12]
    big = [i for i, c in enumerate(recs) if c["start"].day > 12]
    retyped = set(rng.sample(small, 5) + rng.sample(big, 4))
    for i, c in enumerate(recs):
        ok = handled(c)
        t = c["start"]
        if i in retyped:
            c["start"] = t = t.replace(second=0)  # re-typed to the minute
        when: Any = f"{t:%d/%m/%Y %H:%M}" if i in retyped else t
        ws.append([360001300000 + 41 * i, when, "Inbound", "Completed" if ok else "Abandoned",
                   rng.choice(QUEUES), rng.choice(AGENTS) if ok else None, c["wait"],
                   c["talk"], c["hold"], c["acw"]])  # fmt: skip
        cell = ws.cell(ws.max_row, 2)
        cell.number_format = "@" if i in retyped else "yyyy-mm-dd hh:mm:ss"
    save_xlsx(wb, OUT / "zendesk_retyped_dates.xlsx")
    t = log_truth(recs)
    t["retyped"] = sorted(f"{recs[i]['start']:%Y-%m-%d %H:%M}" for i in retyped)
    t["per_day"] = {d.isoformat(): sum(c["start"].date() == d for c in recs) for d in JUN}
    return t


# --- 6. Salesforce Service Cloud Voice: numbers stored as text ---------------------------------


@builder
def build_salesforce_scv_text_numbers() -> dict[str, Any]:
    # A Salesforce report on Voice Calls exported to Excel and edited: a third of the duration
    # cells were pasted back as text (Excel's "number stored as text", the quote prefix), and
    # 6 cells were typed with a visible leading apostrophe ("'45") in a Google Sheets copy saved
    # back to xlsx. "Call Start Date/Time" is Salesforce's "6/2/2025, 8:05 AM" text.
    rng = random.Random(3206)
    recs = drawn_calls(rng, JUN, 8, p_ab=0.15)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Voice Calls"
    ws.append(["Voice Call Name", "Call Type", "Call Start Date/Time", "Queue Name",
               "Owner: Full Name", "Call Disposition", "Queue Wait Time",
               "Agent Interaction Duration", "Total Hold Duration",
               "After Conversation Work Time"])  # fmt: skip
    cells = [(r, col) for r in range(len(recs)) for col in range(7, 11)]
    visible = set(rng.sample(cells, 6))
    for i, c in enumerate(recs):
        ok = handled(c)
        c["start"] = c["start"].replace(second=0)
        t = c["start"]
        clock = f"{t.hour % 12 or 12}:{t:%M} {'AM' if t.hour < 12 else 'PM'}"
        as_text = rng.random() < 0.33
        row: list[Any] = [f"VC-{rng.randint(10000000, 99999999)}", "Inbound",
                          f"{t.month}/{t.day}/{t.year}, {clock}", rng.choice(QUEUES),
                          rng.choice(AGENTS) if ok else None,
                          "completed" if ok else "abandoned"]  # fmt: skip
        for col, key in zip(range(7, 11), ("wait", "talk", "hold", "acw"), strict=True):
            v = c[key]
            row.append(f"'{v}" if (i, col) in visible else str(v) if as_text else v)
        ws.append(row)
        if as_text:
            for col in range(7, 11):
                ws.cell(ws.max_row, col).quotePrefix = True
    save_xlsx(wb, OUT / "salesforce_scv_text_numbers.xlsx")
    t = log_truth(recs)
    t["first_min"] = f"{min(c['start'] for c in recs):%Y-%m-%d %H:%M}"
    return t


# --- 7. Dynamics 365: abandon rate 0-1 by a formula, service level 0-100, a Total row ---------


@builder
def build_d365_daily_rates_formula() -> dict[str, Any]:
    # A Dynamics 365 Contact Center "Voice" daily report per queue, exported to Excel and
    # reworked: "Abandon rate" recomputed as =E/C (0-1, shown as %), "Service level (20
    # seconds)" pasted as plain numbers 0-100 (89.42, no % sign), and a "Total" row of SUM /
    # weighted formulas typed at the bottom.
    rng = random.Random(3207)
    rows = []
    for d in SEP:
        for q in ("Billing", "Support"):
            r = draw_row(rng, dt.datetime.combine(d, dt.time()), 60)
            r["queue"] = q
            rows.append(r)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Voice"
    ws.append(["Date", "Queue", "Incoming conversations", "Engaged conversations",
               "Abandoned conversations", "Abandon rate", "Avg. speed to answer (sec)",
               "Avg. handle time (sec)", "Service level (20 seconds)"])  # fmt: skip
    cached: dict[str, Any] = {}
    for i, r in enumerate(rows, start=2):
        ws.append([r["day"], r["queue"], r["offered"], r["answered"], r["abandoned"],
                   f"=E{i}/C{i}", r["asa"], r["aht"], round(r["sl"], 2)])  # fmt: skip
        r["sl"] = round(r["sl"], 2)
        ws[f"A{i}"].number_format = "dddd, mmmm d, yyyy"
        ws[f"F{i}"].number_format = "0.00%"
        cached[f"F{i}"] = r["abandoned"] / r["offered"]
    last = len(rows) + 1
    tot = last + 1
    ws.append(["Total", None, f"=SUM(C2:C{last})", f"=SUM(D2:D{last})", f"=SUM(E2:E{last})",
               f"=E{tot}/C{tot}", f"=SUMPRODUCT(G2:G{last},D2:D{last})/D{tot}",
               f"=SUMPRODUCT(H2:H{last},D2:D{last})/D{tot}",
               f"=SUMPRODUCT(I2:I{last},D2:D{last})/D{tot}"])  # fmt: skip
    ws[f"F{tot}"].number_format = "0.00%"
    off = sum(r["offered"] for r in rows)
    ans = sum(r["answered"] for r in rows)
    ab = sum(r["abandoned"] for r in rows)
    cached.update({
        f"C{tot}": off, f"D{tot}": ans, f"E{tot}": ab, f"F{tot}": ab / off,
        f"G{tot}": sum(r["asa"] * r["answered"] for r in rows) / ans,
        f"H{tot}": sum(r["aht"] * r["answered"] for r in rows) / ans,
        f"I{tot}": sum(r["sl"] * r["answered"] for r in rows) / ans,
    })  # fmt: skip
    path = OUT / "d365_daily_rates_formula.xlsx"
    save_xlsx(wb, path)
    cache(path, {"xl/worksheets/sheet1.xml": cached})
    return rows_truth(rows, sl="pct")


# --- 8. Talkdesk: a pivot sheet inserted in front, a chart, renamed duration headers ----------


@builder
def build_talkdesk_pivot_first() -> dict[str, Any]:
    # A Talkdesk Calls report opened in Excel: the manager renamed "Waiting Time" / "Talk
    # Time" / "Hold Time" / "Wrap Up Time" to "Wait" / "Talk" / "Hold" / "Wrap" (time
    # cells, H:MM:SS), added a "Comments" column, and inserted a PivotTable, which Excel puts
    # on a NEW sheet in front of the data ("Sheet1": calls and average talk per agent, with a
    # bar chart). "Call Type" inbound / abandoned; "Rating" 1-5 on some calls.
    rng = random.Random(3208)
    recs = drawn_calls(rng, SEP, 9, p_ab=0.15)
    wb = openpyxl.Workbook()
    pv = wb.active
    pv.title = "Sheet1"
    ws = wb.create_sheet("calls_report")
    ws.append(["Interaction ID", "Call Type", "Start Time", "End Time", "Ring Groups",
               "Agent Name", "Wait", "Talk", "Hold", "Wrap", "AHT (m)", "Rating",
               "Comments"])  # fmt: skip
    cached: dict[str, Any] = {}
    for i, c in enumerate(recs, start=2):
        ok = handled(c)
        c["agent"] = rng.choice(AGENTS) if ok else None
        c["csat"] = rng.choice([None, None, 3, 4, 5, 5, 2]) if ok else None
        end = c["start"] + dt.timedelta(seconds=c["wait"] + c["talk"] + c["hold"])
        ws.append([
            "".join(rng.choice("0123456789abcdef") for _ in range(32)),
            "inbound" if ok else "abandoned", c["start"], end, rng.choice(QUEUES), c["agent"],
            tod(c["wait"]), tod(c["talk"]), tod(c["hold"]), tod(c["acw"]),
            f"=ROUND((H{i}+I{i}+J{i})*1440,2)" if ok else None, c["csat"],
            rng.choice([None, None, None, "ok", "follow up", "complaint"]) if ok else None,
        ])  # fmt: skip
        for col in "CD":
            ws[f"{col}{ws.max_row}"].number_format = "mm/dd/yyyy hh:mm:ss AM/PM"
        for col in "GHIJ":
            ws[f"{col}{ws.max_row}"].number_format = "hh:mm:ss"
        if ok:
            cached[f"K{i}"] = round(c["handle"] / 60, 2)
    pv.append(["Row Labels", "Count of Interaction ID", "Average of Talk"])
    for a in AGENTS:
        mine = [c for c in recs if c["agent"] == a]
        pv.append([a, len(mine), tod(round(mean([c["talk"] for c in mine])))])
        pv.cell(pv.max_row, 3).number_format = "h:mm:ss"
    ab = [c for c in recs if not handled(c)]
    pv.append(["(blank)", len(ab), tod(0)])
    pv.append(["Grand Total", len(recs), tod(round(mean([c["talk"] for c in recs])))])
    chart = BarChart()
    chart.title = "Calls per agent"
    chart.add_data(
        Reference(pv, min_col=2, min_row=1, max_row=len(AGENTS) + 1), titles_from_data=True
    )
    chart.set_categories(Reference(pv, min_col=1, min_row=2, max_row=len(AGENTS) + 1))
    pv.add_chart(chart, "E2")
    path = OUT / "talkdesk_pivot_first.xlsx"
    save_xlsx(wb, path)
    cache(path, {"xl/worksheets/sheet2.xml": cached})
    return log_truth(recs)


# --- 9. Five9 from Google Sheets as CSV: totals row, AHT (m) formula, "n/a" on no-hold -------


@builder
def build_genesys_gsheets_csv() -> dict[str, Any]:
    # A Genesys Cloud Interactions export worked on in Google Sheets and downloaded as CSV:
    # headers shortened ("Queue Time (s)" for Total Queue in ms / 1000 by a formula, "Talk
    # (s)", "Hold (s)", "ACW (s)"), an "AHT (m)" formula column, "Date" re-formatted by Sheets
    # as "2025-09-01 08:05:12", and a blank line then a "TOTAL" row (SUM values) under the data.
    rng = random.Random(3209)
    recs = drawn_calls(rng, SEP, 8, p_ab=0.15)
    rows: list[list[Any]] = []
    for c in recs:
        ok = handled(c)
        rows.append([
            f"{c['start']:%Y-%m-%d %H:%M:%S}", guid(rng), "voice", "Inbound",
            rng.choice(QUEUES), rng.choice(AGENTS) if ok else "", "NO" if ok else "YES",
            c["wait"], c["talk"] if ok else "", c["hold"] if ok else "", c["acw"] if ok else "",
            f"{c['handle'] / 60:.2f}" if ok else "",
        ])  # fmt: skip
    ok_recs = [c for c in recs if handled(c)]
    total = ["TOTAL", "", "", "", "", "", "", sum(c["wait"] for c in recs),
             sum(c["talk"] for c in ok_recs), sum(c["hold"] for c in ok_recs),
             sum(c["acw"] for c in ok_recs),
             f"{mean([c['handle'] / 60 for c in ok_recs]):.2f}"]  # fmt: skip
    head = ["Date", "Conversation ID", "Media Type", "Direction", "Queue", "Agent", "Abandoned",
            "Queue Time (s)", "Talk (s)", "Hold (s)", "ACW (s)", "AHT (m)"]  # fmt: skip
    BUILD.write_csv("genesys_gsheets_total.csv", head, [*rows, [""] * len(head), total])
    return log_truth(recs)


# --- 10. Dynamics 365 conversations: re-typed UK dates, every one with a day of 12 or less ----


@builder
def build_d365_conversations_retyped() -> dict[str, Any]:
    # A Dynamics 365 Contact Center conversation export (Omnichannel "Conversations" view,
    # Export to Excel): "Created On" date-time cells. A UK supervisor re-typed 8 of them as
    # text in her format ("04/06/2025 14:07", cells formatted as text). Every re-typed day is
    # 12 or less, so no value says the order: read month-first most fall in October to December,
    # outside the 2-12 June the other 64 rows span; a careful human reads them day-first.
    rng = random.Random(3210)
    recs = drawn_calls(rng, JUN[:9], 8, p_ab=0.15)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Active Conversations"
    ws.append(["Conversation ID", "Created On", "Channel", "Queue", "Active agent",
               "Status reason", "Wait time (secs)", "Talk time (secs)", "Hold time (secs)",
               "Wrap-up time (secs)"])  # fmt: skip
    retyped = set(rng.sample(range(len(recs)), 8))
    for i, c in enumerate(recs):
        ok = handled(c)
        t = c["start"]
        if i in retyped:
            c["start"] = t = t.replace(second=0)
        ws.append([guid(rng), f"{t:%d/%m/%Y %H:%M}" if i in retyped else t, "Voice",
                   rng.choice(QUEUES), rng.choice(AGENTS) if ok else None,
                   "Closed" if ok else "Abandoned", c["wait"], c["talk"], c["hold"],
                   c["acw"]])  # fmt: skip
        ws.cell(ws.max_row, 2).number_format = "@" if i in retyped else "dd/mm/yyyy hh:mm"
    save_xlsx(wb, OUT / "d365_conversations_retyped.xlsx")
    t = log_truth(recs)
    t["retyped"] = sorted(f"{recs[i]['start']:%Y-%m-%d %H:%M}" for i in retyped)
    t["per_day"] = {d.isoformat(): sum(c["start"].date() == d for c in recs) for d in JUN[:9]}
    return t


if __name__ == "__main__":
    BUILD.main()

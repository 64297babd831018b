"""Regenerate the sixteenth blind acceptance corpus (tests/test_real_exports_16.py).

    .venv/bin/python tests/data/exports16/make_exports.py             # write the files
    .venv/bin/python tests/data/exports16/make_exports.py --expected  # also print the truth

Round 16 is about FILE-FORMAT and VALUE-FORMAT quirks of real contact logs: how a file was
saved (encoding, separator, line ends, quoting, sheets) and how its values are written (clocks,
dates, durations, numbers). Each builder draws rows with its own seeded ``random.Random``,
writes them the way the export looks, and returns the KPIs computed in plain Python over the
drawn records (durations as the file shows them: rounded minutes, milliseconds) -- never with
KPI Lab code.

Conventions (the registry's defaults, as rounds 1-15): contacts = rows of a contact log, sum
offered of a summary; abandonment = abandoned / inbound queued (answered + abandoned); ASA =
mean wait of answered inbound contacts; AHT = mean talk + hold + ACW of handled contacts
(inbound answered, outbound connected); service level (20 s, abandons negative) = answered
within 20 s / (answered + abandoned); summary averages weighted by answered, a displayed
service-level percentage weighted by answered; FCR over handled contacts with a flag; CSAT the
mean 1-5 rating over rated rows.

Round 16 shapes: an Excel "Unicode Text" save from an Australian PC (.txt, UTF-16 LE, tabs,
CRLF, "7/10/2024 1:05:09 pm" day-first 12-hour clock in lower case); a European CSV (UTF-8 BOM,
";", CRLF, a trailing ";" on every line, "07-Oct-2024" + a separate time column, decimal-comma
minutes in "(min)" columns, quoted notes holding ";", quotes and line breaks); a psql unaligned
dump (".txt", "|", "+00" offsets with microseconds, t / f, interval "00:03:25", a "(N rows)"
footer); a US log with milliseconds written with thousands separators ("412,345"); ISO
timestamps with -04:00 / -05:00 across the US DST end, with outbound calls; RFC 2822 dates
("Mon, 07 Oct 2024 13:05:09 +0000") with durations in words ("1 hr 2 mins 3 secs"); a workbook
whose call detail is the third sheet (title block, date cells, [h]:mm:ss duration cells, a
Total row); a legacy ACD dump (UPPER_CASE headers with trailing spaces, AGENT twice, columns in
an odd order, CALL_DATE yyyymmdd and CALL_TIME hhmmss digits without the leading zero); a daily
summary ("Mon 07-Oct-2024", "1,234", "10.1%", "5m 12s", a Total row); a CRM export (all fields
quoted, CRLF, notes with line breaks, "00:01:02.500", FCR Yes / No, CSAT with "N/A"); an Excel
re-save of a US log ("10/7/24 13:05": two-digit years, no seconds, only days 7-11: no single
right date order); a "CSV (Macintosh)" save (CR line ends, Mac Roman accents); and a workbook in
the 1904 date system (old Mac Excel).
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import sys
import zoneinfo
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

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
    save_xlsx,
    spread,
    summary_truth,
    weekdays,
)  # fmt: skip

OUT = Path(__file__).resolve().parent
BUILD = Builders(OUT)
builder, write_csv = BUILD, BUILD.write_csv
AGENTS = ["Maya Lopez", "Omar Haddad", "Jin Park", "Sara Novak", "Luca Bianchi", "Ada Okafor"]
QUEUES = ["Billing", "Support", "Sales"]
SEP = weekdays(dt.date(2024, 9, 2), dt.date(2024, 9, 13))
OCT = weekdays(dt.date(2024, 10, 7), dt.date(2024, 10, 18))
NY = zoneinfo.ZoneInfo("America/New_York")


def clock12(t: dt.datetime, lower: bool = False) -> str:
    """The 12-hour clock "1:05:09 PM" (hour not padded)."""
    ap = "AM" if t.hour < 12 else "PM"
    return f"{t.hour % 12 or 12}:{t:%M:%S} {ap.lower() if lower else ap}"


def agent_of(rng: random.Random, c: dict[str, Any]) -> str:
    return rng.choice(AGENTS) if c["outcome"] == "answered" else ""


# --- 1. Excel "Unicode Text" from an Australian PC: UTF-16 LE, tabs, d/mm/yyyy h:mm:ss pm --------


@builder
def build_excel_unicode_text_au() -> dict[str, Any]:
    # Excel "Save as > Unicode Text (*.txt)" on an en-AU machine: UTF-16 LE with a BOM, tab
    # separated, CRLF; the date cells are written as Excel displays them in that locale:
    # "2/09/2024 1:05:09 pm" (day not padded, month padded, 12-hour clock, lower-case am/pm).
    # Only the last day (13/09) has a first field over 12. Durations h:mm:ss.
    rng = random.Random(1601)
    recs, rows = drawn_calls(rng, SEP, 7, p_ab=0.14), []
    for c in recs:
        t = c["start"]
        rows.append([
            f"{t.day}/{t.month:02d}/{t.year} {clock12(t, lower=True)}", rng.choice(QUEUES),
            agent_of(rng, c), ans_word(c), hms(c["wait"], pad=False), hms(c["talk"], pad=False),
            hms(c["hold"], pad=False), hms(c["acw"], pad=False),
        ])  # fmt: skip
    head = ["Call Date", "Queue", "Agent", "Result", "Wait Time", "Talk Time", "Hold Time",
            "Wrap Time"]  # fmt: skip
    text = csv_text([head, *rows], sep="\t", eol="\r\n")
    (OUT / "excel_unicode_text_au.txt").write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    return log_truth(recs)


# --- 2. European CSV: BOM, ";", trailing ";", dd-Mon-yyyy + time, decimal-comma minutes, notes ---

NOTES = [
    "Customer asked about invoice; promised a callback",
    'Refund "approved" by team lead',
    "Address change\nnew: Rue du Lac 4; 1003 Lausanne",
    "Line dropped twice;\ncustomer angry\nescalate?",
    "Password reset",
    "",
    "",
    "",
]


def dec_comma(x: float) -> str:
    return f"{x:.2f}".replace(".", ",")


@builder
def build_eu_semicolon_notes() -> dict[str, Any]:
    # A CRM call list exported for Excel in a European locale with English headers: UTF-8 with
    # a BOM, ";" separated, CRLF, every line ending with a ";" (a trailing empty column), "Date"
    # 07-Oct-2024 and "Time" 13:05:09 in two columns, "Wait (sec)" whole seconds, talk and
    # wrap-up in decimal MINUTES with a decimal comma ("3,25") in "(min)" columns, and a
    # free-text "Notes" column whose cells hold ";", doubled quotes and line breaks (LF inside
    # the quoted cell). Truth: the whole seconds drawn. Minutes to 2 decimals are within 0.3 s
    # of them, so the whole second nearest to the minutes written is the one drawn.
    rng = random.Random(1602)
    recs, rows = drawn_calls(rng, OCT, 7, p_ab=0.15), []
    for c in recs:
        ans = c["outcome"] == "answered"
        talk_min, acw_min = round(c["talk"] / 60, 2), round(c["acw"] / 60, 2)
        assert round(talk_min * 60) == c["talk"] and round(acw_min * 60) == c["acw"]
        c["hold"] = 0
        c["handle"] = c["talk"] + c["acw"] if ans else 0
        t = c["start"]
        rows.append([
            f"{t:%d-%b-%Y}", f"{t:%H:%M:%S}", rng.choice(QUEUES), agent_of(rng, c),
            "Answered" if ans else "Abandoned", c["wait"], dec_comma(talk_min) if ans else "",
            dec_comma(acw_min) if ans else "", rng.choice(NOTES), "",
        ])  # fmt: skip
    head = ["Date", "Time", "Queue", "Agent", "Status", "Wait (sec)", "Talk Time (min)",
            "Wrap-up (min)", "Notes", ""]  # fmt: skip
    text = csv_text([head, *rows], sep=";", eol="\r\n")
    (OUT / "eu_semicolon_notes.csv").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    return log_truth(recs)


# --- 3. psql unaligned dump: "|", "+00" offsets, t / f, intervals, "(N rows)" footer -------------


def pg_ts(rng: random.Random, t: dt.datetime) -> str:
    us = rng.randint(0, 999999)
    frac = f".{us:06d}".rstrip("0").rstrip(".")
    return f"{t:%Y-%m-%d %H:%M:%S}{frac}+00"


@builder
def build_psql_calls_dump() -> dict[str, Any]:
    # `psql -A -o calls.txt -c "select ..."`: "|" separated, no quoting, NULL as an empty cell,
    # timestamptz "2024-09-02 08:05:12.43721+00" (a two-digit "+00" offset, trailing zeros of
    # the microseconds dropped), boolean "answered" t / f, interval columns "00:03:25", and
    # psql's footer line "(70 rows)" after the data.
    rng = random.Random(1603)
    recs, rows = drawn_calls(rng, SEP, 7, p_ab=0.15), []
    for i, c in enumerate(recs):
        ans = c["outcome"] == "answered"
        rows.append("|".join([
            str(700100 + i), rng.choice(QUEUES), agent_of(rng, c), pg_ts(rng, c["start"]),
            "t" if ans else "f", hms(c["wait"]), hms(c["talk"]), hms(c["hold"]), hms(c["acw"]),
        ]))  # fmt: skip
    head = "call_id|queue_name|agent_name|started_at|answered|wait|talk|hold|wrapup"
    lines = [head, *rows, f"({len(rows)} rows)"]
    (OUT / "psql_calls_dump.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return log_truth(recs)


# --- 4. US log: milliseconds with thousands separators, m/d/yyyy h:mm:ss AM --------------------


@builder
def build_us_ms_thousands() -> dict[str, Any]:
    # A BI tool's US export: "," separated, "Start Time" 10/7/2024 1:05:09 PM (month-first,
    # 12-hour), Abandoned Y / N, and the durations in MILLISECONDS formatted with thousands
    # separators ("412,345", quoted): a "," there is never a decimal comma.
    rng = random.Random(1604)
    recs, rows = drawn_calls(rng, OCT, 7, p_ab=0.14), []
    for c in recs:
        ans = c["outcome"] == "answered"
        ms = {k: c[k] * 1000 + (rng.randint(0, 999) if c[k] else 0)
              for k in ("wait", "talk", "hold", "acw")}  # fmt: skip
        for k, v in ms.items():
            c[k] = v / 1000
        c["handle"] = c["talk"] + c["hold"] + c["acw"] if ans else 0
        t = c["start"]
        rows.append([
            f"C-{rng.randint(10**7, 10**8 - 1)}", f"{t.month}/{t.day}/{t.year} {clock12(t)}",
            rng.choice(QUEUES), agent_of(rng, c), "N" if ans else "Y",
            *(f"{ms[k]:,}" for k in ("wait", "talk", "hold", "acw")),
        ])  # fmt: skip
    write_csv(
        "us_ms_thousands.csv",
        ["Call ID", "Start Time", "Queue", "Agent Name", "Abandoned", "Queue Time (ms)",
         "Talk Time (ms)", "Hold Time (ms)", "After Call Work (ms)"],
        rows,
    )  # fmt: skip
    return log_truth(recs)


# --- 5. ISO timestamps with -04:00 / -05:00 across the US DST end, inbound and outbound ---------

DST = weekdays(dt.date(2024, 10, 28), dt.date(2024, 11, 8))  # 3 November 2024: EDT -> EST


@builder
def build_iso_offsets_us_dst() -> dict[str, Any]:
    # A New York team's warehouse export: "start_time" ISO 8601 with the local offset
    # (2024-10-28T08:05:12-04:00, after 3 November -05:00), snake_case durations in seconds,
    # "direction" inbound / outbound, "disposition" answered / abandoned (inbound) and
    # connected (outbound: handled, never queued; empty queue_seconds). Local office hours.
    rng = random.Random(1605)
    recs, rows = [], []
    for t in spread(rng, DST, 7):
        out = rng.random() < 0.15
        c = draw_call(rng, p_ab=0.15)
        if out:
            c.update(outcome="connected", inbound=False, wait=0)
            c["handle"] = c["talk"] + c["hold"] + c["acw"]
        c["start"] = t
        recs.append(c)
        ans = c["outcome"] in ("answered", "connected")
        rows.append([
            f"INT{rng.randint(10**9, 10**10 - 1)}", t.replace(tzinfo=NY).isoformat(),
            "Outbound Sales" if out else rng.choice(QUEUES), "outbound" if out else "inbound",
            c["outcome"], "" if out else c["wait"], c["talk"] if ans else 0,
            c["hold"] if ans else 0, c["acw"] if ans else 0,
        ])  # fmt: skip
    write_csv(
        "iso_offsets_us_dst.csv",
        ["interaction_id", "start_time", "queue", "direction", "disposition", "queue_seconds",
         "talk_seconds", "hold_seconds", "wrap_seconds"],
        rows,
    )  # fmt: skip
    t = log_truth(recs)
    t["outbound"] = sum(not r["inbound"] for r in recs)
    return t


# --- 6. RFC 2822 dates and durations in words --------------------------------------------------

RFC = weekdays(dt.date(2024, 9, 23), dt.date(2024, 10, 4))


def words(sec: int) -> str:
    """Seconds in words: "1 hr 2 mins 3 secs", "1 min", "45 secs", "0 secs"."""
    h, m, s = sec // 3600, sec % 3600 // 60, sec % 60
    parts = []
    if h:
        parts.append(f"{h} hr" + ("s" if h > 1 else ""))
    if m:
        parts.append(f"{m} min" + ("s" if m > 1 else ""))
    if s or not parts:
        parts.append(f"{s} sec" + ("s" if s != 1 else ""))
    return " ".join(parts)


@builder
def build_rfc2822_duration_words() -> dict[str, Any]:
    # A cloud phone system's call history: "Date Created" in RFC 2822 (the API's date format:
    # "Mon, 23 Sep 2024 13:05:09 +0000"), "Status" answered / abandoned, durations in words
    # ("2 mins 3 secs", "45 secs", "1 min", "1 hr 2 mins 3 secs").
    rng = random.Random(1606)
    recs, rows = drawn_calls(rng, RFC, 7, p_ab=0.15), []
    for c in recs:
        if c["outcome"] == "answered" and rng.random() < 0.05:  # a few calls over an hour
            c["talk"] = rng.randint(3600, 4500)
            c["handle"] = c["talk"] + c["hold"] + c["acw"]
        rows.append([
            "CA" + "".join(rng.choice("0123456789abcdef") for _ in range(32)),
            f"{c['start']:%a, %d %b %Y %H:%M:%S} +0000", f"+4420{rng.randint(10**7, 10**8 - 1)}",
            rng.choice(QUEUES), c["outcome"], words(c["wait"]), words(c["talk"]),
            words(c["hold"]), words(c["acw"]),
        ])  # fmt: skip
    write_csv(
        "rfc2822_duration_words.csv",
        ["Call SID", "Date Created", "From", "Queue", "Status", "Wait", "Talk", "Hold",
         "Wrap Up"],
        rows,
    )  # fmt: skip
    t = log_truth(recs)
    t["max_talk"] = max(r["talk"] for r in recs)
    return t


# --- 7. Workbook: call detail on the third sheet, title block, [h]:mm:ss cells, Total row --------

WB = weekdays(dt.date(2024, 10, 14), dt.date(2024, 10, 25))


@builder
def build_call_detail_third_sheet() -> dict[str, Any]:
    # A reporting portal's .xlsx: sheet 1 "Report Filters" (key / value lines), sheet 2
    # "Summary" (one line per queue), sheet 3 "Call Detail": three title lines and a blank
    # line above the header, date cells (dd/mm/yyyy hh:mm:ss), durations as Excel time cells
    # ([h]:mm:ss), and a last "Total" line (count of calls, summed durations).
    rng = random.Random(1607)
    recs = drawn_calls(rng, WB, 6, p_ab=0.15)
    wb = openpyxl.Workbook()
    f = wb.active
    f.title = "Report Filters"
    for row in (["Report", "Call Detail"], ["Date range", "14/10/2024 - 25/10/2024"],
                ["Queues", "All"], ["Time zone", "(UTC) Coordinated Universal Time"]):  # fmt: skip
        f.append(row)
    s = wb.create_sheet("Summary")
    s.append(["Queue", "Calls", "Answered", "Abandoned"])
    for q in QUEUES:
        s.append([q, 0, 0, 0])
    d = wb.create_sheet("Call Detail")
    d.append(["Call Detail Report"])
    d.append(["Period: 14/10/2024 - 25/10/2024"])
    d.append(["Generated 26/10/2024 06:00 by reports@example.com"])
    d.append([])
    d.append(["Call Start", "Queue", "Agent", "Outcome", "Wait Time", "Talk Time", "Hold Time",
              "After Call Work"])  # fmt: skip
    per_q = {q: [0, 0, 0] for q in QUEUES}
    for c in recs:
        q = rng.choice(QUEUES)
        per_q[q][0] += 1
        per_q[q][1 if c["outcome"] == "answered" else 2] += 1
        d.append([c["start"], q, agent_of(rng, c), ans_word(c),
                  *(dt.timedelta(seconds=c[k]) for k in ("wait", "talk", "hold", "acw"))])  # fmt: skip
    d.append(["Total", "", "", len(recs),
              *(dt.timedelta(seconds=sum(c[k] for c in recs))
                for k in ("wait", "talk", "hold", "acw"))])  # fmt: skip
    for row in d.iter_rows(min_row=6, max_row=d.max_row):
        row[0].number_format = "dd/mm/yyyy hh:mm:ss"
        for cell in row[4:8]:
            cell.number_format = "[h]:mm:ss"
    for i, q in enumerate(QUEUES, start=2):
        for j, v in enumerate(per_q[q], start=2):
            s.cell(i, j, v)
    save_xlsx(wb, OUT / "call_detail_third_sheet.xlsx")
    return log_truth(recs)


# --- 8. Legacy ACD dump: UPPER_CASE headers with trailing spaces, AGENT twice, hhmmss digits ----

LEG = weekdays(dt.date(2024, 10, 21), dt.date(2024, 11, 1))


@builder
def build_legacy_acd_dump() -> dict[str, Any]:
    # A mainframe-era ACD's nightly extract: UPPER_CASE_UNDERSCORE headers padded with trailing
    # spaces, columns in the table's physical order (outcome first, date and time near the
    # end), "AGENT" twice (the login number, then the name), CALL_DATE yyyymmdd and CALL_TIME
    # hhmmss as NUMBERS (the leading zero lost: 80512 is 08:05:12), durations in seconds.
    rng = random.Random(1608)
    recs, rows = drawn_calls(rng, LEG, 7, p_ab=0.15), []
    for i, c in enumerate(recs):
        t = c["start"]
        ans = c["outcome"] == "answered"
        name = agent_of(rng, c)
        rows.append([
            "ANSWERED" if ans else "ABANDONED", c["talk"],
            4000 + AGENTS.index(name) * 7 if ans else "", name.upper(), c["wait"], c["hold"],
            c["acw"], rng.choice(QUEUES).upper(), int(f"{t:%H%M%S}"), f"{t:%Y%m%d}", 1000 + i,
        ])  # fmt: skip
    write_csv(
        "legacy_acd_dump.csv",
        ["DISPOSITION   ", "TALK_SECS  ", "AGENT ", "AGENT               ", "WAIT_SECS ",
         "HOLD_SECS ", "ACW_SECS  ", "SKILL_NAME     ", "CALL_TIME ", "CALL_DATE ", "SEQ_NO"],
        rows,
    )  # fmt: skip
    t = log_truth(recs)
    t["first_start"] = recs[0]["start"].isoformat()
    t["first_call_time"] = rows[0][8]
    return t


# --- 9. Daily summary formatted for reading: weekday labels, "1,234", "10.1%", "5m 12s", Total -----

DAILY = weekdays(dt.date(2024, 10, 7), dt.date(2024, 11, 1))


def m_s(sec: int) -> str:
    return f"{sec // 60}m {sec % 60:02d}s"


@builder
def build_daily_summary_formatted() -> dict[str, Any]:
    # A large centre's daily report pasted from a dashboard: "Day" Mon 07-Oct-2024, counts with
    # thousands separators, "Abandon Rate" and "Service Level (20 sec)" as "10.1%" text, ASA and
    # AHT as "0m 45s" / "5m 12s", a "Total" line at the bottom and an empty last line. Truth:
    # service level as displayed (one decimal) weighted by answered.
    rng = random.Random(1609)
    drawn = [draw_row(rng, d, 1150) for d in DAILY]
    rows, out = [], []
    for r in drawn:
        r["sl"] = round(r["sl"], 1)
        rows.append(r)
        out.append([
            f"{r['day']:%a %d-%b-%Y}", f"{r['offered']:,}", f"{r['answered']:,}",
            f"{r['abandoned']:,}", f"{100 * r['abandoned'] / r['offered']:.1f}%", m_s(r["asa"]),
            m_s(r["aht"]), f"{r['sl']:.1f}%",
        ])  # fmt: skip
    off = sum(r["offered"] for r in rows)
    ab = sum(r["abandoned"] for r in rows)
    out.append(["Total", f"{off:,}", f"{sum(r['answered'] for r in rows):,}", f"{ab:,}",
                f"{100 * ab / off:.1f}%", "", "", ""])  # fmt: skip
    head = ["Day", "Offered", "Answered", "Abandoned", "Abandon Rate", "ASA", "AHT",
            "Service Level (20 sec)"]  # fmt: skip
    (OUT / "daily_summary_formatted.csv").write_text(
        csv_text([head, *out]) + "\n", encoding="utf-8"
    )
    t = summary_truth(rows, sl="pct")
    t.pop("transfer_rate", None)
    t.pop("talk_time", None)
    return t


# --- 10. CRM export: all quoted, CRLF, multi-line notes, "00:01:02.500", FCR and CSAT -------------

CRM = weekdays(dt.date(2024, 10, 14), dt.date(2024, 10, 25))
CRM_NOTES = [
    "Billing question, resolved",
    'Customer said:\r\n"I was charged twice"\r\nrefund raised, ticket #4471',
    "Follow-up needed, see case 88213",
    "Moved to new plan\nconfirmed by e-mail",
    "",
    "",
]


def hms_ms(ms: int) -> str:
    return f"{hms(ms // 1000)}.{ms % 1000:03d}"


@builder
def build_crm_notes_fcr_csat() -> dict[str, Any]:
    # A CRM "Activities" export: every field quoted, CRLF, a "Call Notes" cell with line breaks
    # (CRLF and LF), commas and doubled quotes; "Start" 2024-10-14 08:05:12.437 (milliseconds,
    # no T); durations "00:01:02.500" (milliseconds); "First Contact Resolution" Yes / No
    # (empty when abandoned); "CSAT" 1-5, "N/A" or empty (no survey).
    rng = random.Random(1610)
    recs, rows = drawn_calls(rng, CRM, 7, p_ab=0.15), []
    for c in recs:
        ans = c["outcome"] == "answered"
        ms = {k: c[k] * 1000 + (rng.randint(0, 999) if c[k] else 0)
              for k in ("wait", "talk", "hold", "acw")}  # fmt: skip
        for k, v in ms.items():
            c[k] = v / 1000
        c["handle"] = c["talk"] + c["hold"] + c["acw"] if ans else 0
        c["resolved"] = (rng.random() < 0.72) if ans else None
        c["csat"] = rng.choice([None, None, None, 1, 3, 4, 4, 5, 5]) if ans else None
        survey = "" if c["csat"] is None else str(c["csat"])
        if c["csat"] is None and rng.random() < 0.5:
            survey = "N/A"
        t = c["start"]
        rows.append([
            f"00T{rng.randint(10**11, 10**12 - 1)}", f"{t:%Y-%m-%d %H:%M:%S}.{rng.randint(0, 999):03d}",
            rng.choice(QUEUES), agent_of(rng, c), ans_word(c),
            *(hms_ms(ms[k]) for k in ("wait", "talk", "hold", "acw")),
            "" if c["resolved"] is None else ("Yes" if c["resolved"] else "No"), survey,
            rng.choice(CRM_NOTES) if ans else "",
        ])  # fmt: skip
    head = ["Activity ID", "Start", "Queue", "Assigned To", "Call Result", "Wait Duration",
            "Talk Duration", "Hold Duration", "Wrap Duration", "First Contact Resolution",
            "CSAT", "Call Notes"]  # fmt: skip
    text = csv_text([head, *rows], eol="\r\n", quoting=csv.QUOTE_ALL)
    (OUT / "crm_notes_fcr_csat.csv").write_bytes(text.encode("utf-8"))
    return log_truth(recs)


# --- 11. Excel re-save of a US log: "10/7/24 13:05", only days 7-11 (ambiguous order) ----------


@builder
def build_excel_resaved_short_dates() -> dict[str, Any]:
    # A log opened in US Excel and saved again as CSV: the timestamps now show Excel's short
    # format "10/7/24 13:05" (two-digit year, no seconds), durations "0:03:25". The week is 7-11
    # October: no field is over 12, so "10/7/24" is 7 October (month-first, as written) or 10
    # July (day-first): no single right reading -- the importer must say what it assumed.
    rng = random.Random(1611)
    days = weekdays(dt.date(2024, 10, 7), dt.date(2024, 10, 11))
    recs, rows = drawn_calls(rng, days, 12, p_ab=0.15), []
    for c in recs:
        t = c["start"]
        rows.append([
            f"{t.month}/{t.day}/{t:%y} {t.hour}:{t:%M}", rng.choice(QUEUES), agent_of(rng, c),
            ans_word(c), hms(c["wait"], pad=False), hms(c["talk"], pad=False),
            hms(c["hold"], pad=False), hms(c["acw"], pad=False),
        ])  # fmt: skip
    write_csv(
        "excel_resaved_short_dates.csv",
        ["Call Start", "Queue", "Agent", "Result", "Wait", "Talk", "Hold", "Wrap"],
        rows,
    )  # fmt: skip
    t = log_truth(recs)
    t["if_day_first"] = ["2024-07-10", "2024-11-10"]
    return t


# --- 12. "CSV (Macintosh)": CR line ends, Mac Roman accents ------------------------------------

MAC_AGENTS = ["José Müller", "Zoë Ørsted", "François Lévêque", "Ana Peña"]


@builder
def build_mac_csv_cr() -> dict[str, Any]:
    # Excel for Mac's "Comma Separated Values (.csv)" of old (still offered as "CSV
    # (Macintosh)"): lines end with a lone CR and the text is Mac Roman ("é" is byte 0x8E,
    # "ü" 0x9F), agent names with accents. ISO dates, seconds.
    rng = random.Random(1612)
    recs, rows = drawn_calls(rng, OCT, 6, p_ab=0.15), []
    for c in recs:
        ans = c["outcome"] == "answered"
        rows.append([
            f"{c['start']:%Y-%m-%d %H:%M:%S}", rng.choice(QUEUES),
            rng.choice(MAC_AGENTS) if ans else "", ans_word(c), c["wait"], c["talk"], c["hold"],
            c["acw"],
        ])  # fmt: skip
    head = ["Start", "Queue", "Agent", "Result", "Wait (s)", "Talk (s)", "Hold (s)", "ACW (s)"]
    text = csv_text([head, *rows], eol="\r")
    (OUT / "mac_csv_cr.csv").write_bytes(text.encode("mac_roman"))
    t = log_truth(recs)
    t["agents"] = sorted({row[2] for row in rows if row[2]})
    return t


# --- 13. Workbook in the 1904 date system ---------------------------------------------------------


@builder
def build_mac_1904_workbook() -> dict[str, Any]:
    # A workbook first made in old Mac Excel keeps the 1904 date system (workbookPr date1904):
    # its date cells count days from 1 January 1904, 1,462 days fewer than the same date in a
    # 1900 workbook. Read as 1900 serials, every date is four years and a day early.
    rng = random.Random(1613)
    recs = drawn_calls(rng, OCT, 6, p_ab=0.15)
    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "Calls"
    ws.append(["Call Start", "Queue", "Agent", "Outcome", "Wait (s)", "Talk (s)", "Hold (s)",
               "ACW (s)"])  # fmt: skip
    for c in recs:
        ws.append([c["start"], rng.choice(QUEUES), agent_of(rng, c), ans_word(c), c["wait"],
                   c["talk"], c["hold"], c["acw"]])  # fmt: skip
    for row in ws.iter_rows(min_row=2):
        row[0].number_format = "yyyy-mm-dd hh:mm:ss"
    save_xlsx(wb, OUT / "mac_1904_workbook.xlsx")
    t = log_truth(recs)
    t["first_start"] = recs[0]["start"].isoformat()
    return t


if __name__ == "__main__":
    BUILD.main()

"""Regenerate the fifteenth blind acceptance corpus (tests/test_real_exports_15.py).

    .venv/bin/python tests/data/exports15/make_exports.py             # write the files
    .venv/bin/python tests/data/exports15/make_exports.py --expected  # also print the truth

Round 15 is a new user's first import through the ``kpi`` command and the Data page: files that
are valid but awkward, and files that are no export at all. Each builder draws rows with its
own seeded ``random.Random``, writes them as the file looks, and returns the KPIs computed in
plain Python over the drawn records -- never with KPI Lab code.

Conventions (the registry's defaults, as rounds 1-13): contacts = rows; abandonment =
abandoned / (answered + abandoned); ASA = mean wait of answered rows; AHT = mean talk + hold +
ACW of answered rows; service level (20 s, abandons negative) = answered within 20 s /
(answered + abandoned).

Files: a contact log whose start column has a name no synonym knows ("Logged"), a day-first
log whose order only its last rows decide, a workbook with one month per sheet, a header-only
export (BOM, CRLF), a PDF renamed .csv, a web report saved as .xls (HTML), a 200-column
export, a file named with spaces and accents (French, semicolons), a JSON API export
(``{"meta": .., "data": [..]}``, nested objects, milliseconds), a CSV saved with an .xlsx name,
a plain team log and three mapping files edited badly for it.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/data: export_kit
from export_kit import (  # noqa: E402
    Builders,
    csv_text,
    draw_call,
    log_truth,
    save_xlsx,
    spread,
    weekdays,
)  # fmt: skip

OUT = Path(__file__).resolve().parent
BUILD = Builders(OUT)
builder, write_csv = BUILD, BUILD.write_csv
AGENTS = ["Maya Lopez", "Omar Haddad", "Jin Park", "Sara Novak", "Luca Bianchi", "Ada Okafor"]
QUEUES = ["Billing", "Support", "Sales"]
KEYS = ("contacts", "abandonment_rate", "asa", "aht", "service_level")


def calls(rng: random.Random, days: list[dt.date], per_day: int) -> list[dict[str, Any]]:
    """Drawn inbound calls (answered / abandoned) with their start times and queues."""
    out = []
    for t in spread(rng, days, per_day):
        c = draw_call(rng, p_ab=0.15)
        c["start"] = t
        c["queue"] = rng.choice(QUEUES)
        c["agent"] = rng.choice(AGENTS) if c["outcome"] == "answered" else ""
        out.append(c)
    return out


def truth(recs: list[dict[str, Any]]) -> dict[str, Any]:
    t = log_truth(recs)
    return {k: t[k] for k in (*KEYS, "first_day", "last_day")} | {"rows": len(recs)}


def per_day(recs: list[dict[str, Any]]) -> dict[str, int]:
    out: dict[str, int] = {}
    for r in recs:
        d = r["start"].date().isoformat()
        out[d] = out.get(d, 0) + 1
    return out


# --- 1. Valid, but its start column has a name no synonym knows ----------------------------------


@builder
def build_crm_calls_logged() -> dict[str, Any]:
    """'Logged' holds each call's start, 'Closed' a later moment: neither is named as a start,
    so the importer must stop and name 'Logged' as the candidate (and the fix)."""
    rng = random.Random(1501)
    recs = calls(rng, weekdays(dt.date(2024, 4, 8), dt.date(2024, 4, 12)), 30)
    rows = []
    for i, c in enumerate(recs):
        last = c["start"] + dt.timedelta(seconds=c["wait"] + c["handle"] + rng.randint(60, 900))
        rows.append([f"REF-{7000 + i}", f"{c['start']:%Y-%m-%d %H:%M:%S}",
                     f"{last:%Y-%m-%d %H:%M:%S}", c["queue"], c["agent"],
                     "Answered" if c["outcome"] == "answered" else "Abandoned", c["wait"],
                     c["talk"], c["hold"], c["acw"]])  # fmt: skip
    write_csv("crm_calls_logged.csv", ["Ref", "Logged", "Closed", "Queue", "Agent",
              "Result", "Wait (s)", "Talk (s)", "Hold (s)", "Wrap (s)"], rows)  # fmt: skip
    return truth(recs)


# --- 2. Day-first dates that only the last rows decide --------------------------------------------


@builder
def build_calls_dayfirst_late() -> dict[str, Any]:
    """1-13 March 2024 written dd/mm/yyyy HH:MM:SS, oldest first: the 640 rows of 1-12 March
    read either way; only the 60 rows of 13 March (the end of the file) say day-first."""
    rng = random.Random(1502)
    days = weekdays(dt.date(2024, 3, 1), dt.date(2024, 3, 12))
    recs = calls(rng, days, 64) + calls(rng, [dt.date(2024, 3, 13)], 60)
    rows = [[f"C{50000 + i}", f"{c['start']:%d/%m/%Y %H:%M:%S}", c["queue"], c["agent"],
             "ANSWERED" if c["outcome"] == "answered" else "ABANDONED", c["wait"], c["talk"],
             c["hold"], c["acw"]] for i, c in enumerate(recs)]  # fmt: skip
    write_csv("calls_dayfirst_late.csv", ["Call ID", "Start Time", "Queue", "Agent", "Outcome",
              "Wait Time (s)", "Talk Time (s)", "Hold Time (s)", "ACW (s)"], rows)  # fmt: skip
    return truth(recs) | {"per_day": per_day(recs)}


# --- 3. A workbook with one month per sheet -------------------------------------------------------


@builder
def build_calls_by_month() -> dict[str, Any]:
    """Sheet 'Jan 2024' (first, 90 calls) and 'Feb 2024' (120 calls), the same layout."""
    from openpyxl import Workbook

    rng = random.Random(1503)
    jan = calls(rng, weekdays(dt.date(2024, 1, 15), dt.date(2024, 1, 19)), 18)
    feb = calls(rng, weekdays(dt.date(2024, 2, 12), dt.date(2024, 2, 16)), 24)
    wb = Workbook()
    for k, (title, recs) in enumerate((("Jan 2024", jan), ("Feb 2024", feb))):
        ws = wb.active if k == 0 else wb.create_sheet()
        ws.title = title
        ws.append(["Call ID", "Start Time", "Queue", "Agent", "Result", "Wait (s)", "Talk (s)",
                   "Hold (s)", "Wrap (s)"])  # fmt: skip
        for i, c in enumerate(recs):
            ws.append([f"{title[:3].upper()}-{i + 1:04d}", c["start"], c["queue"], c["agent"],
                       "Answered" if c["outcome"] == "answered" else "Abandoned", c["wait"],
                       c["talk"], c["hold"], c["acw"]])  # fmt: skip
    save_xlsx(wb, OUT / "calls_by_month.xlsx")
    return {"jan": truth(jan), "feb": truth(feb), "both": truth(jan + feb)}


# --- 4. An export with its header only ------------------------------------------------------------


@builder
def build_queue_export_header_only() -> dict[str, Any]:
    """A period with no calls: BOM, the header, CRLF, a blank line."""
    head = "\ufeffInteraction ID,Start Time,Queue,Agent,Wait Time (s),Talk Time (s),Outcome\r\n"
    (OUT / "queue_export_header_only.csv").write_bytes((head + "\r\n").encode("utf-8"))
    return {"rows": 0}


# --- 5. A PDF report renamed .csv -----------------------------------------------------------------


@builder
def build_monthly_kpis_pdf() -> dict[str, Any]:
    """A minimal one-page PDF (what 'Export > PDF' gives) saved as monthly_kpis.csv."""
    stream = b"BT /F1 12 Tf 72 720 Td (Monthly KPIs - March 2024 - SL 81.2%) Tj ET"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    (OUT / "monthly_kpis.csv").write_bytes(bytes(out))
    return {"rows": 0}


# --- 6. A web report saved as .xls (an HTML table) ------------------------------------------------


@builder
def build_acd_queue_report_html() -> dict[str, Any]:
    """What web reporting tools' "Export to Excel" writes: an HTML page with a table."""
    rng = random.Random(1506)
    lines = ["<html xmlns:x=\"urn:schemas-microsoft-com:office:excel\">",
             "<head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">",
             "<title>Queue Summary</title></head><body>", "<h2>Queue Summary - April 2024</h2>",
             "<table border=\"1\"><tr><th>Date</th><th>Queue</th><th>Offered</th>"
             "<th>Answered</th><th>Abandoned</th><th>ASA (s)</th></tr>"]  # fmt: skip
    for d in weekdays(dt.date(2024, 4, 1), dt.date(2024, 4, 5)):
        for q in QUEUES:
            off = rng.randint(80, 160)
            ab = rng.randint(2, 20)
            lines.append(f"<tr><td>{d:%Y-%m-%d}</td><td>{q}</td><td>{off}</td>"
                         f"<td>{off - ab}</td><td>{ab}</td><td>{rng.randint(8, 90)}</td></tr>")  # fmt: skip
    lines += ["</table></body></html>", ""]
    (OUT / "acd_queue_report.xls").write_text("\r\n".join(lines), encoding="utf-8")
    return {"rows": 15}


# --- 7. 200 columns ------------------------------------------------------------------------------


@builder
def build_contacts_200_columns() -> dict[str, Any]:
    """A contact export with every custom attribute switched on: 9 known columns spread among
    191 custom ones (numbers, yes/no flags, codes, free text)."""
    rng = random.Random(1507)
    recs = calls(rng, weekdays(dt.date(2024, 5, 13), dt.date(2024, 5, 17)), 24)
    known = {0: "Contact ID", 17: "Initiation Timestamp", 42: "Queue Name", 63: "Agent Name",
             88: "Outcome", 120: "Queue Wait (s)", 151: "Talk Time (s)", 170: "Hold Time (s)",
             199: "After Contact Work (s)"}  # fmt: skip
    kinds = ["num", "flag", "code", "text"]
    header, kind_of = [], {}
    n = 0
    for col in range(200):
        if col in known:
            header.append(known[col])
            continue
        n += 1
        kind_of[col] = kinds[n % 4]
        header.append(f"Custom Attribute {n:03d}")
    rows = []
    for i, c in enumerate(recs):
        vals = {0: f"8f3a{i:06d}", 17: f"{c['start']:%Y-%m-%dT%H:%M:%S}", 42: c["queue"],
                63: c["agent"], 88: "ANSWERED" if c["outcome"] == "answered" else "ABANDONED",
                120: c["wait"], 151: c["talk"], 170: c["hold"], 199: c["acw"]}  # fmt: skip
        row = []
        for col in range(200):
            if col in vals:
                row.append(vals[col])
            elif kind_of[col] == "num":
                row.append(rng.randint(0, 500))
            elif kind_of[col] == "flag":
                row.append(rng.choice(["Y", "N", ""]))
            elif kind_of[col] == "code":
                row.append(rng.choice(["A1", "B7", "C3", ""]))
            else:
                row.append(rng.choice(["renewal", "new address", "", "follow-up"]))
        rows.append(row)
    write_csv("contacts_200_columns.csv", header, rows)
    return truth(recs) | {"columns": len(header)}


# --- 8. A file name with spaces and accents (French export) ---------------------------------------

ACCENTED = "Appels été – équipe Nord (copie).csv"


@builder
def build_appels_ete() -> dict[str, Any]:
    """French headers, ';' separated, day-first dates (15-19 July: the day decides), a date
    and a time column, whole seconds, 'Répondu' / 'Abandonné' outcomes."""
    rng = random.Random(1508)
    recs = calls(rng, weekdays(dt.date(2024, 7, 15), dt.date(2024, 7, 19)), 20)
    rows = [[f"A-{i + 1:05d}", f"{c['start']:%d/%m/%Y}", f"{c['start']:%H:%M:%S}", c["queue"],
             c["agent"], "Répondu" if c["outcome"] == "answered" else "Abandonné", c["wait"],
             c["talk"], c["hold"], c["acw"]] for i, c in enumerate(recs)]  # fmt: skip
    head = ["N° appel", "Date", "Heure", "File d'attente", "Agent", "Statut",
            "Temps d'attente (s)", "Durée de conversation (s)", "Mise en attente (s)",
            "Post-appel (s)"]  # fmt: skip
    write_csv(ACCENTED, head, rows, sep=";")
    return truth(recs)


# --- 9. A JSON API export -------------------------------------------------------------------------


@builder
def build_api_calls_page1() -> dict[str, Any]:
    """``{"meta": {...}, "data": [...]}``: nested queue and metrics objects, UTC timestamps
    with Z, durations in milliseconds (``waitMs``, ``talkMs``, ``holdMs``, ``acwMs``)."""
    rng = random.Random(1509)
    recs = calls(rng, weekdays(dt.date(2024, 6, 17), dt.date(2024, 6, 21)), 20)
    data = []
    for i, c in enumerate(recs):
        data.append({
            "id": f"c-{i + 1:05d}",
            "startedAt": f"{c['start']:%Y-%m-%dT%H:%M:%S}.000Z",
            "direction": "inbound",
            "status": "answered" if c["outcome"] == "answered" else "abandoned",
            "queue": {"id": QUEUES.index(c["queue"]) + 10, "name": c["queue"]},
            "agent": {"name": c["agent"]} if c["agent"] else None,
            "metrics": {"waitMs": c["wait"] * 1000, "talkMs": c["talk"] * 1000,
                        "holdMs": c["hold"] * 1000, "acwMs": c["acw"] * 1000},
        })  # fmt: skip
    doc = {"meta": {"page": 1, "pageSize": 500, "total": len(data)}, "data": data}
    (OUT / "api_calls_page1.json").write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
    return truth(recs)


# --- 10. A CSV saved with an .xlsx name -----------------------------------------------------------


@builder
def build_crm_export_csv_named_xlsx() -> dict[str, Any]:
    """A CRM's "Export to Excel" that writes CSV text under an .xlsx name."""
    rng = random.Random(1510)
    recs = calls(rng, weekdays(dt.date(2024, 8, 5), dt.date(2024, 8, 9)), 16)
    rows = [[f"T{i + 1:05d}", f"{c['start']:%Y-%m-%d %H:%M:%S}", c["queue"], c["agent"],
             "Answered" if c["outcome"] == "answered" else "Abandoned", c["wait"], c["talk"],
             c["hold"], c["acw"]] for i, c in enumerate(recs)]  # fmt: skip
    head = ["Call ID", "Start Time", "Queue", "Agent", "Result", "Wait (s)", "Talk (s)",
            "Hold (s)", "Wrap (s)"]  # fmt: skip
    (OUT / "crm_export.xlsx").write_text(csv_text([head, *rows]), encoding="utf-8")
    return truth(recs)


# --- 11. A plain team log, and mapping files edited badly for it ----------------------------------

TEAM_HEAD = ["Call ID", "Start Time", "Queue", "Agent", "Disposition", "Wait (s)", "Talk (s)",
             "Hold (s)", "Wrap (s)"]  # fmt: skip


@builder
def build_team_calls() -> dict[str, Any]:
    """ANSWERED / ABANDONED / VOICEMAIL dispositions. Voicemail is offered, neither answered
    nor abandoned (docs/mapping.md): in the abandonment denominator (offered), not in the
    service level's (answered + abandoned), as export_kit.log_truth."""
    rng = random.Random(1511)
    recs = []
    for t in spread(rng, weekdays(dt.date(2024, 9, 2), dt.date(2024, 9, 6)), 20):
        c = draw_call(rng, p_ab=0.12, p_vm=0.06)
        c["start"], c["queue"] = t, rng.choice(QUEUES)
        c["agent"] = rng.choice(AGENTS) if c["outcome"] == "answered" else ""
        recs.append(c)
    rows = [[f"K{i + 1:05d}", f"{c['start']:%Y-%m-%d %H:%M:%S}", c["queue"], c["agent"],
             c["outcome"].upper(), c["wait"], c["talk"], c["hold"], c["acw"]]
            for i, c in enumerate(recs)]  # fmt: skip
    write_csv("team_calls.csv", TEAM_HEAD, rows)
    good = {
        "kpi_lab_mapping": 1,
        "shape": "interactions",
        "fields": {"contact_id": "Call ID", "start_time": "Start Time", "queue": "Queue",
                   "agent_id": "Agent", "wait_seconds": {"source": "Wait (s)", "unit": "s"},
                   "talk_seconds": {"source": "Talk (s)", "unit": "s"},
                   "hold_seconds": {"source": "Hold (s)", "unit": "s"},
                   "acw_seconds": {"source": "Wrap (s)", "unit": "s"}},
        "outcome": {"source": "Disposition", "values": {"ANSWERED": "answered",
                    "ABANDONED": "abandoned", "VOICEMAIL": "voicemail"}},
    }  # fmt: skip
    bad = {
        # 'handle_time' is no canonical column (the user meant acw_seconds)
        "mapping_unknown_target.json": {**good, "fields": {**good["fields"],
                                        "handle_time": {"source": "Wrap (s)", "unit": "s"}}},
        # 'minutes' is a unit, not a transform
        "mapping_bad_transform.json": {**good, "fields": {**good["fields"],
                                       "wait_seconds": {"source": "Wait (s)",
                                                        "transform": "minutes"}}},
        # the file says 'Talk (s)', the user typed 'Talk Time'
        "mapping_missing_column.json": {**good, "fields": {**good["fields"],
                                        "talk_seconds": {"source": "Talk Time", "unit": "s"}}},
    }  # fmt: skip
    for name, m in bad.items():
        (OUT / name).write_text(json.dumps(m, indent=2) + "\n", encoding="utf-8")
    t = log_truth(recs)
    queued = [r for r in recs if r["outcome"] in ("answered", "abandoned", "voicemail")]
    ans = [r for r in recs if r["outcome"] == "answered"]
    ab = [r for r in recs if r["outcome"] == "abandoned"]
    return {
        "rows": len(recs),
        "contacts": len(recs),
        "abandonment_rate": round(len(ab) / len(queued), 4),  # voicemail is offered
        "asa": t["asa"],
        "aht": t["aht"],
        "service_level": round(sum(r["wait"] <= 20 for r in ans) / (len(ans) + len(ab)), 4),
        "voicemail": len(queued) - len(ans) - len(ab),
        "first_day": t["first_day"],
        "last_day": t["last_day"],
    }


if __name__ == "__main__":
    BUILD.main()

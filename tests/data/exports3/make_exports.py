"""Regenerate the third blind acceptance corpus (tests/test_real_exports_3.py).

    .venv/bin/python tests/data/exports3/make_exports.py             # write the files
    .venv/bin/python tests/data/exports3/make_exports.py --expected  # also print the truth

Each builder draws semantic rows (seconds, outcomes, priorities) with its own seeded
``random.Random``, writes them the way the vendor's export looks, and returns KPIs computed with
plain Python over the semantic rows -- never over the written file, never with KPI Lab code.
The printed numbers were pasted into the test as literals.

Conventions of the truth (same as rounds 1 and 2): abandonment = abandoned / inbound contacts
that queued (answered + abandoned + voicemail); ASA = mean wait of answered inbound contacts;
AHT = mean talk + hold + ACW of handled contacts (inbound answered, outbound); service level =
answered within 20 s / (answered + abandoned); ticket first-response SLA targets: urgent 1 h,
high 4 h, normal 8 h, low 24 h.
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
from export_kit import contact_truth, draw_call, hms, mean, spread, weekdays  # noqa: E402

OUT = Path(__file__).resolve().parent
BUILDERS: dict[str, Callable[[], dict[str, Any]]] = {}
RESPONSE_SLA_H = {"urgent": 1, "high": 4, "normal": 8, "low": 24}
AGENTS = ["Maya Lopez", "Omar Haddad", "Jin Park", "Sara Novak", "Luca Bianchi", "Ada Okafor"]


def builder(fn: Callable[[], dict[str, Any]]) -> Callable[[], dict[str, Any]]:
    BUILDERS[fn.__name__.removeprefix("build_")] = fn
    return fn


def csv_text(rows: list[list[Any]], *, sep: str = ",") -> str:
    buf = io.StringIO()
    csv.writer(buf, delimiter=sep, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def write_csv(name: str, header: list[str], rows: list[list[Any]], *, sep: str = ",") -> None:
    (OUT / name).write_text(csv_text([header, *rows], sep=sep), encoding="utf-8")


def hms_words(sec: int) -> str:
    """3723 -> '1h 2m 3s'; 75 -> '1m 15s'; 0 -> '0s'."""
    h, m, s = sec // 3600, sec % 3600 // 60, sec % 60
    parts = [f"{h}h" if h else "", f"{m}m" if m else "", f"{s}s" if s or not (h or m) else ""]
    return " ".join(p for p in parts if p)


def ticket_truth(tix: list[dict[str, Any]]) -> dict[str, Any]:
    resp = [t for t in tix if t["frt"] is not None]
    res = [t["res"] for t in tix if t["res"] is not None]
    met = sum(t["frt"] <= RESPONSE_SLA_H[t["priority"]] * 3600 for t in resp)
    return {
        "rows": len(tix),
        "responded": len(resp),
        "resolved": len(res),
        "frt": round(mean([t["frt"] for t in resp]), 4),
        "response_sla": round(met / len(resp), 4),
        "resolution_time": round(mean(res), 4),
        "resolution_time_median": round(statistics.median(res), 4),
        "first_day": min(t["created"] for t in tix).date().isoformat(),
        "last_day": max(t["created"] for t in tix).date().isoformat(),
    }


def draw_ticket(rng: random.Random, created: dt.datetime, p_open: float = 0.2) -> dict[str, Any]:
    pr = rng.choices(["urgent", "high", "normal", "low"], [1, 3, 5, 2])[0]
    frt = rng.choice([rng.randint(1, 18), rng.randint(1, 48), rng.randint(18, 180)]) * 600
    is_open = rng.random() < p_open
    res = None if is_open else frt + rng.randint(1, 96) * 1800
    return {"created": created, "priority": pr, "frt": frt, "res": res}


# --- 1. NICE CXone contact history -----------------------------------------------------------------


@builder
def build_nice_cxone() -> dict[str, Any]:
    # Start Date 3/4/2025 + Start Time "9:05:12 AM"; Inqueue Time / Agent Time / PostQueue are
    # seconds; Abandon Y/N with the seconds in Abandon Time (Inqueue Time is 0 when abandoned).
    rng = random.Random(301)
    recs, rows = [], []
    for i, t in enumerate(spread(rng, weekdays(dt.date(2025, 3, 3), dt.date(2025, 3, 14)), 7)):
        c = draw_call(rng, p_ab=0.16)
        c["start"] = t
        recs.append(c)
        ab = c["outcome"] == "abandoned"
        rows.append([
            str(50812300 + i), f"{t.month}/{t.day}/{t.year}",
            t.strftime("%I:%M:%S %p").lstrip("0"), rng.choice(["Billing", "Tech Support"]),
            "" if ab else rng.choice(AGENTS), 0 if ab else c["wait"], c["talk"] + c["hold"],
            c["acw"], "Y" if ab else "N", c["wait"] if ab else 0,
        ])  # fmt: skip
    header = ["Contact ID", "Start Date", "Start Time", "Skill Name", "Agent Name",
              "Inqueue Time", "Agent Time", "PostQueue", "Abandon", "Abandon Time"]  # fmt: skip
    write_csv("nice_cxone_contacts.csv", header, rows)
    return contact_truth(recs)


# --- 2. RingCentral / 8x8 call log --------------------------------------------------------------------


@builder
def build_ringcentral() -> dict[str, Any]:
    # Date/Time "Tue 03/04/2025 9:05 AM"; Duration "0:05:12" (h:mm:ss, talk only);
    # Direction Inbound/Outbound; Result Accepted / Missed / Voicemail / Call connected.
    rng = random.Random(302)
    recs, rows = [], []
    for t in spread(rng, weekdays(dt.date(2025, 3, 3), dt.date(2025, 3, 14)), 7):
        t = t.replace(second=0)
        if rng.random() < 0.15:
            talk = rng.randint(30, 900)
            c = {"outcome": "none", "inbound": False, "wait": 0, "handle": talk}
            direction, result = "Outbound", "Call connected"
        else:
            c = draw_call(rng, p_ab=0.15, p_vm=0.07)
            talk = c["talk"]
            c["handle"] = talk if c["outcome"] == "answered" else 0  # no hold / ACW here
            direction = "Inbound"
            result = {"answered": "Accepted", "abandoned": "Missed"}.get(c["outcome"], "Voicemail")
            if c["outcome"] == "answered" and rng.random() < 0.05:
                talk = c["handle"] = 3600 + rng.randint(0, 500)  # a call over an hour: 1:02:05
        c["start"] = t
        recs.append(c)
        rows.append([
            direction, "Voice", "+1 (415) 555-0" + str(rng.randint(100, 999)), "Main Line",
            t.strftime("%a %m/%d/%Y ") + t.strftime("%I:%M %p").lstrip("0"), "Phone Call",
            result, hms(talk, pad=False),
        ])  # fmt: skip
    header = ["Direction", "Type", "From", "To", "Date/Time", "Action", "Result", "Duration"]
    write_csv("ringcentral_call_log.csv", header, rows)
    out = contact_truth([{**r, "wait": 0} for r in recs])
    del out["asa"], out["service_level"]
    out["contacts"] = len(recs)
    return out


# --- 3. Freshdesk with SLA status columns ----------------------------------------------------------


@builder
def build_freshdesk_sla() -> dict[str, Any]:
    # "Created time" 2025-03-03 08:22:00; "First response time (in hrs)" / "Resolution time
    # (in hrs)" decimal hours; "Resolution status" Within SLA / SLA Violated; open: blanks.
    rng = random.Random(303)
    tix, rows = [], []
    for i, t in enumerate(spread(rng, weekdays(dt.date(2025, 3, 3), dt.date(2025, 3, 14)), 6)):
        tk = draw_ticket(rng, t)
        tix.append(tk)
        pr = {"urgent": "Urgent", "high": "High", "normal": "Medium", "low": "Low"}[tk["priority"]]
        res = tk["res"]
        rows.append([
            str(9100 + i), "Order status?" if i % 3 else "Refund", "Resolved" if res else "Open",
            pr, t.strftime("%Y-%m-%d %H:%M:%S"), f"{tk['frt'] / 3600:.6g}",
            "" if res is None else f"{res / 3600:.6g}",
            "" if res is None else ("Within SLA" if res <= 48 * 3600 else "SLA Violated"),
            rng.choice(AGENTS),
        ])  # fmt: skip
    header = ["Ticket ID", "Subject", "Status", "Priority", "Created time",
              "First response time (in hrs)", "Resolution time (in hrs)", "Resolution status",
              "Agent"]  # fmt: skip
    write_csv("freshdesk_sla.csv", header, rows)
    return ticket_truth(tix)


# --- 4. Google Sheets export with spacer rows and a trailing notes row --------------------------------


@builder
def build_gsheets_notes() -> dict[str, Any]:
    # A blank spacer row (",,,,,") after each day and a last "Notes: ..." row in column A.
    rng = random.Random(304)
    recs, rows = [], []
    last_day = None
    for t in spread(rng, weekdays(dt.date(2025, 4, 7), dt.date(2025, 4, 18)), 6):
        if last_day is not None and t.date() != last_day:
            rows.append([""] * 6)
        last_day = t.date()
        c = draw_call(rng, p_ab=0.14)
        c["handle"] -= c["hold"]  # the tracker has no hold column: handle = talk + wrap
        c["start"] = t
        recs.append(c)
        rows.append([t.strftime("%Y-%m-%d %H:%M:%S"), rng.choice(AGENTS), c["wait"], c["talk"],
                     c["acw"], "Abandoned" if c["outcome"] == "abandoned" else "Answered"])  # fmt: skip
    rows.append([""] * 6)
    rows.append(["Notes: exported from the team tracker; waits in seconds.", "", "", "", "", ""])
    write_csv("gsheets_calls.csv", ["Timestamp", "Agent", "Wait (s)", "Talk (s)", "Wrap (s)",
                                    "Outcome"], rows)  # fmt: skip
    return contact_truth(recs)


# --- 5. semicolon CSV, ISO dates, decimal-comma seconds -------------------------------------------


@builder
def build_semicolon_iso() -> dict[str, Any]:
    # ';' with ISO dates "2025-03-04" and a separate time; durations in seconds with a decimal
    # comma ("12,5"); abandoned 1/0.
    rng = random.Random(305)
    recs, rows = [], []
    for i, t in enumerate(spread(rng, weekdays(dt.date(2025, 3, 3), dt.date(2025, 3, 12)), 8)):
        c = draw_call(rng, p_ab=0.13)
        half = rng.choice([0, 0.5])
        c["wait"] += half
        if c["outcome"] == "answered":
            c["talk"] += 0.5
            c["handle"] += 0.5
        c["start"] = t
        recs.append(c)
        rows.append([str(i + 1), t.strftime("%Y-%m-%d"), t.strftime("%H:%M:%S"),
                     f"{c['wait']:.1f}".replace(".", ","), f"{c['talk']:.1f}".replace(".", ","),
                     f"{float(c['hold']):.1f}".replace(".", ","),
                     f"{float(c['acw']):.1f}".replace(".", ","),
                     "1" if c["outcome"] == "abandoned" else "0"])  # fmt: skip
    write_csv("semicolon_iso_decimal.csv", ["id", "date", "time", "wait_sec", "talk_sec",
                                            "hold_sec", "acw_sec", "abandoned"], rows, sep=";")  # fmt: skip
    return contact_truth(recs)


# --- 6. Excel with serial-number dates -------------------------------------------------------------


@builder
def build_excel_serial() -> dict[str, Any]:
    # "Call Start" holds Excel serial numbers (45720.375 = 2025-03-04 09:00) as plain numbers,
    # not date-formatted cells; durations m:ss text.
    import openpyxl

    rng = random.Random(306)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Export"
    ws.append(["Call Start", "Queue", "Wait", "Handle", "Status"])
    recs = []
    epoch = dt.datetime(1899, 12, 30)
    for t in spread(rng, weekdays(dt.date(2025, 3, 3), dt.date(2025, 3, 14)), 6):
        t = t.replace(second=0)
        c = draw_call(rng, p_ab=0.15)
        c["start"] = t
        recs.append(c)
        serial = round((t - epoch).total_seconds() / 86400, 8)
        w, h = c["wait"], c["handle"]
        ws.append([serial, "Sales", f"{w // 60}:{w % 60:02d}", f"{h // 60}:{h % 60:02d}",
                   "Abandoned" if c["outcome"] == "abandoned" else "Completed"])  # fmt: skip
    fixed = dt.datetime(2025, 3, 15, 9, 0)  # fixed workbook dates: the same bytes every run
    wb.properties.created = wb.properties.modified = fixed
    wb.save(OUT / "excel_serial_dates.xlsx")
    out = contact_truth(recs)
    out["first_serial"] = ws.cell(2, 1).value
    return out


# --- 7. Parquet, tz-aware UTC timestamps, integer millisecond durations -------------------------


@builder
def build_parquet_tz() -> dict[str, Any]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rng = random.Random(307)
    recs = []
    cols: dict[str, list[Any]] = {k: [] for k in
                                  ["contact_id", "initiated_at", "queue_duration_ms",
                                   "talk_duration_ms", "acw_duration_ms", "disposition"]}  # fmt: skip
    for i, t in enumerate(spread(rng, weekdays(dt.date(2025, 5, 5), dt.date(2025, 5, 16)), 6)):
        c = draw_call(rng, p_ab=0.15)
        c["start"] = t
        recs.append(c)
        cols["contact_id"].append(f"c-{i:05d}")
        cols["initiated_at"].append(t.replace(tzinfo=dt.UTC))
        cols["queue_duration_ms"].append(c["wait"] * 1000 + rng.randint(0, 0))
        cols["talk_duration_ms"].append((c["talk"] + c["hold"]) * 1000)
        cols["acw_duration_ms"].append(c["acw"] * 1000)
        cols["disposition"].append("ABANDONED" if c["outcome"] == "abandoned" else "COMPLETED")
    table = pa.table({
        "contact_id": pa.array(cols["contact_id"]),
        "initiated_at": pa.array(cols["initiated_at"], type=pa.timestamp("ms", tz="UTC")),
        **{k: pa.array(cols[k], type=pa.int64()) for k in
           ["queue_duration_ms", "talk_duration_ms", "acw_duration_ms"]},
        "disposition": pa.array(cols["disposition"]),
    })  # fmt: skip
    pq.write_table(table, OUT / "contacts_tz.parquet")
    return contact_truth(recs)


# --- 8. JSON array (not lines), "1h 2m 3s" durations ---------------------------------------------


@builder
def build_json_array() -> dict[str, Any]:
    rng = random.Random(308)
    recs, items = [], []
    for i, t in enumerate(spread(rng, weekdays(dt.date(2025, 6, 2), dt.date(2025, 6, 6)), 12)):
        c = draw_call(rng, p_ab=0.15)
        c["start"] = t
        recs.append(c)
        items.append({"id": 7000 + i, "started": t.strftime("%Y-%m-%dT%H:%M:%SZ"),
                      "queue": "support", "waitTime": hms_words(c["wait"]),
                      "handleTime": hms_words(c["handle"]),
                      "status": "abandoned" if c["outcome"] == "abandoned" else "answered"})  # fmt: skip
    (OUT / "calls_array.json").write_text(json.dumps(items, indent=2), encoding="utf-8")
    return contact_truth(recs)


# --- 9. two-row header (group row + field row), Zendesk-Talk-like ----------------------------------


@builder
def build_two_row_header() -> dict[str, Any]:
    rng = random.Random(309)
    recs, rows = [], []
    for i, t in enumerate(spread(rng, weekdays(dt.date(2025, 2, 10), dt.date(2025, 2, 21)), 6)):
        c = draw_call(rng, p_ab=0.15)
        c["start"] = t
        recs.append(c)
        ans = c["outcome"] == "answered"
        rows.append([str(i + 1), t.strftime("%Y-%m-%d %H:%M"), c["wait"], "Yes" if ans else "No",
                     c["talk"], c["hold"], c["acw"]])  # fmt: skip
    group = ["Call", "Call", "Queue", "Queue", "Handling", "Handling", "Handling"]
    field = ["ID", "Created at", "Wait time (s)", "Answered", "Talk time (s)", "Hold time (s)",
             "Wrap-up time (s)"]  # fmt: skip
    (OUT / "two_row_header.csv").write_text(csv_text([group, field, *rows]), encoding="utf-8")
    return contact_truth(recs)


def main() -> None:
    truths = {name: fn() for name, fn in BUILDERS.items()}
    if "--expected" in sys.argv:
        for name, t in truths.items():
            print(name, json.dumps(t, default=str))


if __name__ == "__main__":
    main()

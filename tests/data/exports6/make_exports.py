"""Regenerate the sixth blind acceptance corpus (tests/test_real_exports_6.py).

    .venv/bin/python tests/data/exports6/make_exports.py             # write the files
    .venv/bin/python tests/data/exports6/make_exports.py --expected  # also print the truth

Round 6 is about AGGREGATED reports and multi-file imports. Each builder draws per-row numbers
with its own seeded ``random.Random``, writes them the way the vendor's export looks, and
returns the KPIs computed in plain Python over the *displayed* numbers (never KPI Lab code):

* contacts = sum of offered (or answered + abandoned when the report has no offered column);
* abandonment = sum abandoned / sum offered, over rows whose abandoned cell is filled;
* ASA, AHT = per-row averages weighted by answered (handled) calls;
* service level = answered within threshold / (answered + abandoned) when the count is in the
  report, else each row's percentage weighted by answered calls;
* occupancy (agent rows) = sum handle time / sum(handle time / occupancy), handle = AHT x calls;
* contact log: as rounds 1-5 (abandonment over queued, SL = answered <= 20 s / (ans + ab)).

Shapes: Genesys Cloud queue performance (ISO Z interval starts, hh:mm:ss, "85.3%"), Five9 skill
summary (yyyy/mm/dd, h:mm:ss, SL "0.853"), Avaya CMS split/skill interval TSV (title lines,
Date + Time columns, mm:ss "0:45", SL "85", a Totals row), Cisco UCCE call type report
(answered-within-SL counts), Talkdesk daily calls in two monthly files (empty abandoned cells),
NICE CXone skill summary workbook with every number stored as text, a wide report with one
column group per queue, an agent daily report (login, occupancy, utilisation), a Spanish report,
a monthly report with "Apr 2024" / "2024-04" / "April 2024", and a contact log + CSAT survey.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/data: export_kit
from export_kit import Builders, contact_truth, csv_text, draw_call, hms, spread, weekdays  # noqa: E402

OUT = Path(__file__).resolve().parent
BUILD = Builders(OUT)
builder, write_csv = BUILD, BUILD.write_csv
APRIL = weekdays(dt.date(2024, 4, 8), dt.date(2024, 4, 19))  # days 13+ disambiguate d/m
MAY = weekdays(dt.date(2024, 5, 6), dt.date(2024, 5, 17))
AGENTS = ["Maya Lopez", "Omar Haddad", "Jin Park", "Sara Novak", "Luca Bianchi", "Ada Okafor"]


def mmss(sec: int) -> str:
    return f"{sec // 60}:{sec % 60:02d}"


def draw_row(rng: random.Random, day: dt.date, queue: str, base: int = 120) -> dict[str, Any]:
    offered = rng.randint(int(base * 0.7), int(base * 1.3))
    abandoned = rng.randint(0, max(1, offered // 7))
    answered = offered - abandoned
    within = round(answered * rng.uniform(0.55, 0.95))
    return {
        "day": day,
        "queue": queue,
        "offered": offered,
        "answered": answered,
        "abandoned": abandoned,
        "asa": rng.randint(8, 95),
        "aht": rng.randint(210, 520),
        "within": within,
        # displayed service level (1 decimal of a percent), a share of answered + abandoned
        "sl": round(100 * within / (answered + abandoned), 1),
    }


def truth(rows: list[dict[str, Any]], *, sl: str = "pct") -> dict[str, Any]:
    """KPIs of summary rows from the displayed numbers (see the module docstring)."""
    ab_rows = [r for r in rows if r["abandoned"] is not None]
    ans = sum(r["answered"] for r in rows)
    out = {
        "rows": len(rows),
        "contacts": sum(r["offered"] for r in rows),
        "abandonment_rate": sum(r["abandoned"] for r in ab_rows)
        / sum(r["offered"] for r in ab_rows),
        "asa": sum(r["asa"] * r["answered"] for r in rows) / ans,
        "aht": sum(r["aht"] * r["answered"] for r in rows) / ans,
    }
    if sl == "pct":
        out["service_level"] = sum(r["sl"] / 100 * r["answered"] for r in rows) / ans
    else:  # answered-within counts
        out["service_level"] = sum(r["within"] for r in rows) / sum(
            r["answered"] + r["abandoned"] for r in rows
        )
    out = {k: round(v, 4) if isinstance(v, float) else v for k, v in out.items()}
    out["first_day"] = min(r["day"] for r in rows).isoformat()
    out["last_day"] = max(r["day"] for r in rows).isoformat()
    return out


# --- 1. Genesys Cloud queue performance (UI export) -----------------------------------------------


@builder
def build_genesys_queue_performance() -> dict[str, Any]:
    # Daily intervals of a view in America/New_York: Interval Start 2024-04-08T04:00:00.000Z.
    # "Abandon %" and "Answer %" are per-row rates (distractors); "Service Level %" "85.3%".
    rng = random.Random(601)
    rows = [draw_row(rng, d, q) for d in APRIL for q in ("Sales", "Support")]
    out = []
    for r in rows:
        start = dt.datetime.combine(r["day"], dt.time(4))
        end = start + dt.timedelta(days=1)
        out.append([
            start.strftime("%Y-%m-%dT%H:%M:%S.000Z"), end.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
            r["queue"], "voice", r["offered"], r["answered"],
            f"{100 * r['answered'] / r['offered']:.1f}%", r["abandoned"],
            f"{100 * r['abandoned'] / r['offered']:.1f}%", hms(r["asa"]), hms(r["aht"]),
            f"{r['sl']:.1f}%", "80%",
        ])  # fmt: skip
    write_csv(
        "genesys_queue_performance.csv",
        ["Interval Start", "Interval End", "Queue Name", "Media Type", "Offer", "Answer",
         "Answer %", "Abandon", "Abandon %", "ASA", "AHT", "Service Level %",
         "Service Level Target %"],
        out,
    )  # fmt: skip
    return truth(rows)


# --- 2. Five9 skill summary per day ---------------------------------------------------------------


@builder
def build_five9_skill_summary() -> dict[str, Any]:
    # DATE 2024/04/08, h:mm:ss durations, SERVICE LEVEL as a fraction "0.853".
    rng = random.Random(602)
    rows = [draw_row(rng, d, q, 90) for d in APRIL for q in ("Billing", "Tech Support")]
    out = [
        [r["day"].strftime("%Y/%m/%d"), r["queue"], r["offered"], r["answered"], r["abandoned"],
         hms(r["asa"], pad=False), hms(r["aht"], pad=False), f"{r['sl'] / 100:.3f}"]
        for r in rows
    ]  # fmt: skip
    for r in rows:
        r["sl"] = round(r["sl"] / 100, 3) * 100  # what the file shows
    write_csv(
        "five9_skill_summary.csv",
        ["DATE", "SKILL", "CALLS OFFERED", "CALLS HANDLED", "CALLS ABANDONED",
         "AVG SPEED OF ANSWER", "AVG HANDLE TIME", "SERVICE LEVEL"],
        out,
    )  # fmt: skip
    return truth(rows)


# --- 3. Avaya CMS split/skill interval (tab-separated text, title lines, Totals row) ----------------


@builder
def build_avaya_cms_interval() -> dict[str, Any]:
    # Half-hour intervals 08:00-12:00 of two days; no offered column (ACD + abandoned);
    # Avg Speed Ans / Avg ACD Time / Avg ACW Time as mm:ss; "% Within Service Level" 85 (no %).
    rng = random.Random(603)
    days = [dt.date(2024, 4, 15), dt.date(2024, 4, 16)]
    rows, out = [], []
    for d in days:
        for i in range(8):
            t = dt.time(8 + i // 2, 30 * (i % 2))
            r = draw_row(rng, d, "Support", 30)
            r["acd"], r["acw"] = r["aht"] - (acw := rng.randint(20, 90)), acw
            r["start"] = dt.datetime.combine(d, t)
            rows.append(r)
            t2 = (r["start"] + dt.timedelta(minutes=30)).time()
            out.append([
                d.strftime("%m/%d/%y"), f"{t.strftime('%I:%M %p').lstrip('0')}-"
                f"{t2.strftime('%I:%M %p').lstrip('0')}", r["answered"], mmss(r["asa"]),
                mmss(r["acd"]), mmss(r["acw"]), r["abandoned"], mmss(rng.randint(10, 80)),
                f"{round(r['sl'])}", 0, 0,
            ])  # fmt: skip
            r["sl"] = round(r["sl"])
    tot = ["Totals", "", sum(r["answered"] for r in rows), "", "", "",
           sum(r["abandoned"] for r in rows), "", "", 0, 0]  # fmt: skip
    head = ["Date", "Time", "ACD Calls", "Avg Speed Ans", "Avg ACD Time", "Avg ACW Time",
            "Aband Calls", "Avg Aband Time", "% Within Service Level", "Flow In", "Flow Out"]  # fmt: skip
    text = "Split/Skill Interval\nSplit/Skill: 3 Support\nDate: 04/15/24 - 04/16/24\n\n" + csv_text(
        [head, *out, tot], sep="\t"
    )
    (OUT / "avaya_cms_split_interval.txt").write_text(text, encoding="utf-8")
    t = truth(rows)
    t["first_start"] = min(r["start"] for r in rows).isoformat()
    t["last_start"] = max(r["start"] for r in rows).isoformat()
    return t


# --- 4. Cisco UCCE / Finesse call type report with answered-within-SL counts ----------------------


@builder
def build_ucce_call_type() -> dict[str, Any]:
    # CUIC "Call Type Historical": Interval 04/08/2024 12:00:00 AM (US m/d/Y), "Service Level
    # Calls" = answered within the threshold (count), "Service Level" per-row % (distractor).
    rng = random.Random(604)
    rows = [draw_row(rng, d, q, 150) for d in APRIL for q in ("CT_Sales_EN", "CT_Care_EN")]
    out = [
        [r["day"].strftime("%m/%d/%Y") + " 12:00:00 AM", r["queue"], r["offered"],
         r["answered"], r["abandoned"], r["asa"], r["aht"], r["within"], f"{r['sl']:.2f}%", 20]
        for r in rows
    ]  # fmt: skip
    write_csv(
        "ucce_call_type_daily.csv",
        ["Interval", "Call Type Name", "Calls Offered", "Calls Handled", "Aband", "ASA", "AHT",
         "Service Level Calls", "Service Level", "Service Level Threshold"],
        out,
    )  # fmt: skip
    return truth(rows, sl="count")


# --- 5. Talkdesk daily calls, April and May in two files; empty abandoned cells --------------------


def talkdesk(name: str, days: list[dt.date], seed: int, blanks: set[int]) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    rows = [draw_row(rng, d, "All", 200) for d in days]
    out = []
    for i, r in enumerate(rows):
        ab: Any = r["abandoned"]
        if i in blanks:  # the export leaves the cell empty (the counter failed that day)
            r["abandoned"] = None
            ab = ""
        out.append([r["day"].strftime("%m/%d/%Y"), r["offered"], r["answered"], ab,
                    r["asa"], hms(r["aht"]), f"{round(r['sl'])}%"])  # fmt: skip
        r["sl"] = round(r["sl"])
    write_csv(
        name,
        ["Date", "Inbound Calls", "Answered Calls", "Abandoned Calls",
         "Avg Speed of Answer (sec)", "Avg Handle Time", "Service Level"],
        out,
    )  # fmt: skip
    return rows


@builder
def build_talkdesk_two_months() -> dict[str, Any]:
    apr = talkdesk("talkdesk_daily_calls_2024-04.csv", APRIL, 605, {2, 7})
    may = talkdesk("talkdesk_daily_calls_2024-05.csv", MAY, 606, set())
    return {"april": truth(apr), "may": truth(may), "both": truth(apr + may)}


# --- 6. NICE CXone skill summary workbook, every number stored as text -------------------------------


@builder
def build_cxone_text_numbers() -> dict[str, Any]:
    import openpyxl

    rng = random.Random(607)
    rows = [draw_row(rng, d, q, 60) for d in APRIL for q in ("Retention", "Onboarding")]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Skill Summary"
    ws.append(["Skill Name", "Date", "Contacts Offered", "Contacts Handled",
               "Contacts Abandoned", "Avg Speed of Answer", "Avg Handle Time",
               "Service Level"])  # fmt: skip
    for r in rows:  # strings everywhere: Excel's "number stored as text"
        ws.append([r["queue"], r["day"].strftime("%m/%d/%Y"), str(r["offered"]),
                   str(r["answered"]), str(r["abandoned"]), mmss(r["asa"]),
                   mmss(r["aht"]), f"{r['sl'] / 100:.2f}"])  # fmt: skip
        r["sl"] = round(r["sl"] / 100, 2) * 100
    wb.save(OUT / "cxone_skill_summary_text.xlsx")
    return truth(rows)


# --- 7. Wide report: one column group per queue --------------------------------------------------------


@builder
def build_wide_per_queue() -> dict[str, Any]:
    rng = random.Random(608)
    queues = ["Sales", "Support", "Billing"]
    rows, out = [], []
    for d in APRIL:
        line: list[Any] = [d.isoformat()]
        for q in queues:
            r = draw_row(rng, d, q, 80)
            rows.append(r)
            line += [r["offered"], r["answered"], r["abandoned"], r["asa"], r["aht"]]
        out.append(line)
    head = ["Date"] + [f"{q} {m}" for q in queues
                       for m in ("Offered", "Answered", "Abandoned", "ASA", "AHT")]  # fmt: skip
    write_csv("wide_queue_groups.csv", head, out)
    t = truth(rows)
    del t["service_level"]
    t["rows"] = len(out)
    return t


# --- 8. Agent daily report: login time, occupancy, utilisation -------------------------------------


@builder
def build_agent_daily() -> dict[str, Any]:
    rng = random.Random(609)
    rows, out = [], []
    for d in APRIL:
        for a in AGENTS:
            login = rng.randint(7 * 3600, 8 * 3600 + 1800)
            n = rng.randint(35, 70)
            aht = rng.randint(240, 420)
            handle = n * aht
            avail = rng.randint(1800, 7200)
            occ = round(100 * handle / (handle + avail), 1)
            util = round(100 * handle / login, 1)
            rows.append({"n": n, "aht": aht, "occ": occ})
            out.append([d.strftime("%d-%b-%Y"), a, hms(login), n, hms(aht), hms(avail),
                        f"{occ}%", f"{util}%"])  # fmt: skip
    write_csv(
        "agent_daily_occupancy.csv",
        ["Date", "Agent Name", "Login Time", "Calls Handled", "AHT", "Available Time",
         "Occupancy", "Utilization"],
        out,
    )  # fmt: skip
    h = sum(r["n"] * r["aht"] for r in rows)
    return {
        "rows": len(rows),
        "contacts": sum(r["n"] for r in rows),
        "aht": round(h / sum(r["n"] for r in rows), 4),
        "occupancy": round(h / sum(r["n"] * r["aht"] / (r["occ"] / 100) for r in rows), 4),
    }


# --- 9. Spanish daily report ------------------------------------------------------------------------


@builder
def build_spanish_report() -> dict[str, Any]:
    # ';', dd/mm/yyyy, "Nivel de servicio" "85,3 %", TMO (tiempo medio de operación = AHT) mm:ss.
    rng = random.Random(610)
    rows = [draw_row(rng, d, q, 100) for d in APRIL for q in ("Atención al cliente", "Ventas")]
    out = [
        [r["day"].strftime("%d/%m/%Y"), r["queue"], r["offered"], r["answered"], r["abandoned"],
         r["asa"], mmss(r["aht"]), f"{r['sl']:.1f} %".replace(".", ",")]
        for r in rows
    ]  # fmt: skip
    write_csv(
        "informe_diario_colas_es.csv",
        ["Fecha", "Cola", "Llamadas recibidas", "Llamadas atendidas", "Llamadas abandonadas",
         "Velocidad media de respuesta (s)", "TMO", "Nivel de servicio"],
        out,
        sep=";",
    )  # fmt: skip
    return truth(rows)


# --- 10. Monthly report: "Apr 2024" / "2024-04" / "April 2024" ----------------------------------------


@builder
def build_monthly_labels() -> dict[str, Any]:
    rng = random.Random(611)
    months = [dt.date(2024, m, 1) for m in (4, 5, 6)]
    rows = [draw_row(rng, m, q, 2500) for m in months for q in ("Sales", "Support")]
    head = ["Month", "Queue", "Offered", "Answered", "Abandoned", "ASA (sec)", "AHT (sec)",
            "SL %"]  # fmt: skip
    for name, fmt in (("monthly_abbr.csv", "%b %Y"), ("monthly_iso.csv", "%Y-%m"),
                      ("monthly_long.csv", "%B %Y")):  # fmt: skip
        write_csv(name, head, [
            [r["day"].strftime(fmt), r["queue"], r["offered"], r["answered"], r["abandoned"],
             r["asa"], r["aht"], f"{r['sl']:.1f}"] for r in rows
        ])  # fmt: skip
    return truth(rows)


# --- 11. Contact log + separate CSAT survey export, joined by contact id ------------------------------


@builder
def build_calls_and_survey() -> dict[str, Any]:
    rng = random.Random(612)
    starts = spread(rng, APRIL, 8)
    recs, calls, survey = [], [], []
    for i, s in enumerate(starts):
        c = draw_call(rng)
        c["start"], c["id"] = s, f"C-{240000 + i * 7}"
        recs.append(c)
        calls.append([c["id"], s.strftime("%Y-%m-%d %H:%M:%S"), rng.choice(["Sales", "Support"]),
                      rng.choice(AGENTS) if c["outcome"] == "answered" else "",
                      "Answered" if c["outcome"] == "answered" else "Abandoned",
                      c["wait"], c["talk"], c["hold"], c["acw"]])  # fmt: skip
        if c["outcome"] == "answered" and rng.random() < 0.4:
            c["csat"] = rng.choice([1, 2, 3, 4, 4, 5, 5, 5])
            done = s + dt.timedelta(seconds=c["wait"] + c["handle"] + rng.randint(60, 3600))
            survey.append([done.strftime("%Y-%m-%d %H:%M:%S"), c["id"], c["csat"],
                           rng.choice(["", "Quick and helpful", "Too long on hold"])])  # fmt: skip
    write_csv(
        "calls_contact_log.csv",
        ["Contact ID", "Start Time", "Queue", "Agent", "Disposition", "Queue Time (s)",
         "Talk Time (s)", "Hold Time (s)", "ACW Time (s)"],
        calls,
    )  # fmt: skip
    rng.shuffle(survey)
    write_csv("csat_survey_responses.csv",
              ["Response Date", "Contact ID", "Satisfaction (1-5)", "Comment"], survey)  # fmt: skip
    # control: the same responses under the plain header "CSAT"
    write_csv("csat_survey_control.csv", ["Response Date", "Contact ID", "CSAT", "Comment"], survey)
    t = contact_truth(recs)
    rated = [r["csat"] for r in recs if "csat" in r]
    t["csat"] = round(sum(rated) / len(rated), 4)
    t["responses"] = len(rated)
    return t


if __name__ == "__main__":
    BUILD.main()

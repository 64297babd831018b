"""Regenerate the thirty-sixth blind acceptance corpus (tests/test_real_exports_36.py).

    .venv/bin/python tests/data/exports36/make_exports.py             # write the files
    .venv/bin/python tests/data/exports36/make_exports.py --expected  # also print the truth

Round 36 is about SCHEMA DRIFT across a year of downloads: the same report downloaded period by
period (monthly or weekly) and uploaded together in ONE import, where the vendor or the user
changed things between downloads. Each set is a sub-folder of 4-11 files:

1. ``set1_platform_update``: a monthly call log, January-June 2025. After the April platform
   update "Agent Name" is "Agent", "ACW Time" is "After Call Work", "Handle Time" is "Handle
   Duration", durations are H:MM:SS instead of seconds, "Start Time" is ISO instead of
   month-first 12-hour, the columns are in a new order; the April export starts on 27 March
   (its "last 5 weeks" preset), so five days are in both the March and the April file.
2. ``set2_columns_come_and_go``: a monthly contact log of 2025 with no August file (the export
   was forgotten). "CSAT Score" appears in May; "Hold Time" disappears in July (hold is then
   inside "Talk Time"); from October every duration is in milliseconds (the headers never give
   a unit).
3. ``set3_weekly_summary_redownload``: a daily queue summary downloaded every week (Sep-Oct
   2025), two queues a day. Week 39 was downloaded on Wednesday at 13:00 (a partial Wednesday)
   and again after the week ("... (1).csv": full Monday-Friday, Monday and Tuesday the same);
   week 41 was opened in Excel, a "Total" line added at the bottom and saved as .xlsx; from
   week 40 "Service Level %" is written 0.824 instead of 82.4% and "Avg Speed of Answer" is
   "ASA".
4. ``set4_regional_dayfirst``: a weekly call log (17 Feb - 21 Mar 2025) written month-first on
   the 12-hour clock ("2/17/2025 2:05:33 PM"); the week of 3-7 March was downloaded by a
   colleague in London whose regional setting wrote it day-first on the 24-hour clock with no
   seconds ("03/03/2025 14:05"), every day of it 12 or less.
5. ``set5_utc_switch_overlap``: a monthly call log of a New York centre, January-April 2025.
   January and February are in local time ("Start Time"); from the March update the header is
   "Start Time (UTC)" and the times are UTC; the March export covers 24 February - 31 March, so
   the last week of February is in two files, once in local time and once in UTC.
6. ``set6_agent_monthly_drift``: a monthly agent summary (one row per agent per month, first of
   the month as the date), January-June 2025: "Avg Handle Time" in seconds, from April
   "AHT (mm:ss)"; "Calls Abandoned" is never per agent (not in this report); from May an extra
   "Avg CSAT" column.
7. ``set7_excel_resave_overlap``: a weekly interaction log of June 2025 with zero-padded ids
   ("00481350"); the second week was downloaded with "last 10 days" (9-17 June: two days also
   in the third week's file), opened in Excel and saved as .xlsx (the ids became numbers, the
   starts Excel dates).

Each builder draws rows with its own seeded ``random.Random``, writes the files the way the
export looks, and returns the KPIs computed in plain Python over the drawn records -- never with
KPI Lab code -- over the whole set and per period ("per": {kpi: {first day of the period:
value}}).

Conventions (the registry's defaults, as rounds 1-35): contacts = rows of a contact log (each
contact once); abandonment = abandoned / inbound queued; ASA = mean wait of answered; AHT =
mean talk + hold + ACW of answered; service level (20 s, abandons negative) = answered within
20 s / (answered + abandoned); CSAT the mean 1-5 rating over rated contacts. Summaries:
contacts = sum offered, abandonment = abandoned / offered, ASA / AHT / displayed service level
weighted by answered.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import openpyxl

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/data: export_kit
from export_kit import (  # noqa: E402
    Builders,
    csv_text,
    draw_row,
    drawn_calls,
    handled,
    hms,
    log_truth,
    mean,
    r4,
    save_xlsx,
    summary_truth,
    weekdays,
)  # fmt: skip

OUT = Path(__file__).resolve().parent
BUILD = Builders(OUT)
builder = BUILD
AGENTS = ["Maya Lopez", "Omar Haddad", "Jin Park", "Sara Novak", "Luca Bianchi", "Ada Okafor"]
QUEUES = ["Billing", "Support", "Sales"]
NY = ZoneInfo("America/New_York")


def write(folder: str, name: str, header: list[str], rows: list[list[Any]]) -> None:
    d = OUT / folder
    d.mkdir(exist_ok=True)
    (d / name).write_text(csv_text([header, *rows]), encoding="utf-8")


def month_days(y: int, m: int) -> list[dt.date]:
    end = dt.date(y + m // 12, m % 12 + 1, 1) - dt.timedelta(days=1)
    return weekdays(dt.date(y, m, 1), end)


def us12(t: dt.datetime) -> str:
    """4/7/2025 8:05:12 AM"""
    return (
        f"{t.month}/{t.day}/{t.year} {t.hour % 12 or 12}:{t:%M:%S} {'AM' if t.hour < 12 else 'PM'}"
    )


def per_month(recs: list[dict[str, Any]], *kpis: str) -> dict[str, dict[str, float]]:
    """KPIs per calendar month of the records' (local) start: {kpi: {YYYY-MM-01: value}}."""
    by: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in recs:
        by[f"{r['start']:%Y-%m}-01"].append(r)
    out: dict[str, dict[str, float]] = {k: {} for k in kpis}
    for m, rs in sorted(by.items()):
        t = log_truth(rs)
        for k in kpis:
            if k in t:
                out[k][m] = t[k]
    return out


def calls(rng: random.Random, days: list[dt.date], per_day: int, p_ab: float = 0.15
          ) -> list[dict[str, Any]]:  # fmt: skip
    recs = drawn_calls(rng, days, per_day, p_ab=p_ab)
    for c in recs:
        c["agent"] = rng.choice(AGENTS) if handled(c) else ""
        c["queue"] = rng.choice(QUEUES)
    return recs


# --- 1. Monthly log, platform update in April (names, H:MM:SS, ISO, order, 5-day overlap) ------


@builder
def build_set1_platform_update() -> dict[str, Any]:
    rng = random.Random(3601)
    folder = "set1_platform_update"
    recs: list[dict[str, Any]] = []
    for m in range(1, 7):
        month = calls(rng, month_days(2025, m), 3)
        for i, c in enumerate(month):
            c["id"] = f"{m}{10000 + i * 7}"
        recs += month
    v1 = ["Call ID", "Start Time", "Agent Name", "Queue", "Wait Time", "Talk Time", "Hold Time",
          "ACW Time", "Handle Time", "Disposition"]  # fmt: skip
    v2 = ["Call ID", "Queue", "Agent", "Start Time", "Disposition", "Wait Time", "Talk Time",
          "Hold Time", "After Call Work", "Handle Duration"]  # fmt: skip
    lines = 0
    for m in range(1, 7):
        if m < 4:
            mine = [c for c in recs if c["start"].month == m]
            rows = [[c["id"], us12(c["start"]), c["agent"], c["queue"], c["wait"], c["talk"],
                     c["hold"], c["acw"], c["handle"],
                     "Handled" if handled(c) else "Abandoned"] for c in mine]  # fmt: skip
            write(folder, f"call_details_2025-{m:02d}.csv", v1, rows)
        else:
            lo = dt.datetime(2025, 3, 27) if m == 4 else dt.datetime(2025, m, 1)
            mine = [c for c in recs if lo <= c["start"] and c["start"].month <= m]
            rows = [[c["id"], c["queue"], c["agent"], f"{c['start']:%Y-%m-%d %H:%M:%S}",
                     "Handled" if handled(c) else "Abandoned", hms(c["wait"]), hms(c["talk"]),
                     hms(c["hold"]), hms(c["acw"]), hms(c["handle"])] for c in mine]  # fmt: skip
            write(folder, f"call_details_2025-{m:02d}.csv", v2, rows)
        lines += len(rows)
    t = log_truth(recs)
    return {**t, "lines": lines, "overlap": lines - len(recs),
            "per": per_month(recs, "contacts", "asa", "aht", "abandonment_rate")}  # fmt: skip


# --- 2. Columns that come and go, a gap month, milliseconds from October -------------------------


@builder
def build_set2_columns_come_and_go() -> dict[str, Any]:
    rng = random.Random(3602)
    folder = "set2_columns_come_and_go"
    recs: list[dict[str, Any]] = []
    n = 0
    for m in range(1, 13):
        if m == 8:
            continue  # the August export was never downloaded
        month = calls(rng, month_days(2025, m), 2)
        head = ["Contact ID", "Contact Start", "Skill", "Agent", "Queue Time", "Talk Time",
                "Hold Time", "Wrap Time", "Result"]  # fmt: skip
        if m >= 5:
            head.append("CSAT Score")
        if m >= 7:
            head.remove("Hold Time")
        k = 1000 if m >= 10 else 1
        rows = []
        for c in month:
            n += 1
            ok = handled(c)
            c["csat"] = rng.choice([None, None, 1, 3, 4, 4, 5, 5]) if ok and m >= 5 else None
            row = [f"CT-{260000 + n}", f"{c['start']:%Y-%m-%d %H:%M:%S}", c["queue"], c["agent"],
                   c["wait"] * k]  # fmt: skip
            row += [c["talk"] * k, c["hold"] * k] if m < 7 else [(c["talk"] + c["hold"]) * k]
            row += [c["acw"] * k, "Completed" if ok else "Abandoned"]
            if m >= 5:
                row.append("" if c["csat"] is None else c["csat"])
            rows.append(row)
        write(folder, f"contacts_{dt.date(2025, m, 1):%Y_%m_%b}.csv".lower(), head, rows)
        recs += month
    t = log_truth(recs)
    return {**t, "per": per_month(recs, "contacts", "asa", "aht", "csat", "service_level")}


# --- 3. Weekly daily summary: a re-download with a partial Wednesday, an .xlsx with a total ----


def _partial_wednesday(drawn: list[dict[str, Any]], wk: dt.date, line: Any) -> list[list[Any]]:
    """Downloaded on Wednesday at 13:00: Monday, Tuesday and the morning of Wednesday."""
    part = []
    for r in drawn:
        if r["day"] < wk + dt.timedelta(days=2):
            part.append(line(r))
        elif r["day"] == wk + dt.timedelta(days=2):
            off = r["offered"] // 2
            ab = r["abandoned"] // 2
            p = {**r, "offered": off, "abandoned": ab, "answered": off - ab - r["flow"],
                 "asa": max(1, r["asa"] - 7), "aht": r["aht"] + 11}  # fmt: skip
            part.append(line(p))
    return part


def _xlsx_with_total(path: Path, head: list[str], drawn: list[dict[str, Any]]) -> None:
    """The week opened in Excel: real dates, SL as a 0.0% number, a "Total" line added."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = path.stem
    ws.append(head)
    for r in drawn:
        ws.append([dt.datetime.combine(r["day"], dt.time()), r["queue"], r["offered"],
                   r["answered"], r["abandoned"], r["asa"], r["aht"],
                   round(r["sl"] / 100, 3)])  # fmt: skip
        ws.cell(ws.max_row, 1).number_format = "mm/dd/yyyy"
        ws.cell(ws.max_row, 8).number_format = "0.0%"
    tot = ["Total", "", sum(r["offered"] for r in drawn),
           sum(r["answered"] for r in drawn), sum(r["abandoned"] for r in drawn),
           round(mean([r["asa"] for r in drawn])), round(mean([r["aht"] for r in drawn])),
           round(mean([r["sl"] for r in drawn]) / 100, 3)]  # fmt: skip
    ws.append(tot)
    ws.cell(ws.max_row, 8).number_format = "0.0%"
    save_xlsx(wb, path)


@builder
def build_set3_weekly_summary_redownload() -> dict[str, Any]:
    rng = random.Random(3603)
    folder = "set3_weekly_summary_redownload"
    (OUT / folder).mkdir(exist_ok=True)
    weeks = [dt.date(2025, 9, 1) + dt.timedelta(weeks=w) for w in range(8)]
    rows: list[dict[str, Any]] = []
    lines = 0
    for wk in weeks:
        days = [wk + dt.timedelta(days=i) for i in range(5)]
        drawn = []
        for d in days:
            for q, base in (("Sales", 60), ("Service", 110)):
                r = draw_row(rng, d, base)
                r["queue"] = q
                r["sl"] = round(r["sl"], 1)  # as displayed
                drawn.append(r)
        rows += drawn
        no = wk.isocalendar()[1]
        new = no >= 40
        head = ["Date", "Queue", "Calls Offered", "Calls Answered", "Calls Abandoned",
                "ASA" if new else "Avg Speed of Answer", "Avg Handle Time",
                "Service Level %"]  # fmt: skip

        def line(r: dict[str, Any], new: bool = new) -> list[Any]:
            sl = f"{r['sl'] / 100:.3f}" if new else f"{r['sl']:.1f}%"
            return [f"{r['day']:%m/%d/%Y}", r["queue"], r["offered"], r["answered"],
                    r["abandoned"], r["asa"], r["aht"], sl]  # fmt: skip

        if no == 39:
            part = _partial_wednesday(drawn, wk, line)
            write(folder, f"queue_daily_wk{no}.csv", head, part)
            write(folder, f"queue_daily_wk{no} (1).csv", head, [line(r) for r in drawn])
            lines += len(part) + len(drawn)
        elif no == 41:
            _xlsx_with_total(OUT / folder / f"queue_daily_wk{no}.xlsx", head, drawn)
            lines += len(drawn) + 1
        else:
            write(folder, f"queue_daily_wk{no}.csv", head, [line(r) for r in drawn])
            lines += len(drawn)
    t = summary_truth(rows)
    per: dict[str, dict[str, float]] = {"contacts": {}, "aht": {}, "service_level": {}}
    for wk in weeks:
        t_w = summary_truth([r for r in rows if wk <= r["day"] < wk + dt.timedelta(days=7)])
        for k in per:
            per[k][wk.isoformat()] = t_w[k]
    wed = weeks[3] + dt.timedelta(days=2)
    return {**t, "lines": lines, "per_week": per,
            "wk39_wed_offered": sum(r["offered"] for r in rows if r["day"] == wed)}  # fmt: skip


# --- 4. Weekly log, one week day-first from a colleague's regional setting --------------------


@builder
def build_set4_regional_dayfirst() -> dict[str, Any]:
    rng = random.Random(3604)
    folder = "set4_regional_dayfirst"
    head = ["Call Id", "Date/Time", "Queue", "Agent", "Wait (s)", "Talk (s)", "Hold (s)",
            "Wrap (s)", "Status"]  # fmt: skip
    recs: list[dict[str, Any]] = []
    for w in range(5):
        mon = dt.date(2025, 2, 17) + dt.timedelta(weeks=w)
        week = calls(rng, weekdays(mon, mon + dt.timedelta(days=4)), 6)
        uk = mon == dt.date(2025, 3, 3)
        rows = []
        for i, c in enumerate(week):
            if uk:  # Excel's en-GB short date and time: no seconds
                c["start"] = c["start"].replace(second=0)
            when = f"{c['start']:%d/%m/%Y %H:%M}" if uk else us12(c["start"])
            rows.append([f"{mon:%m%d}-{i + 1:03d}", when, c["queue"], c["agent"], c["wait"],
                         c["talk"], c["hold"], c["acw"],
                         "Answered" if handled(c) else "Abandoned"])  # fmt: skip
        write(folder, f"weekly_calls_{mon:%Y-%m-%d}.csv", head, rows)
        recs += week
    t = log_truth(recs)
    by_day: dict[str, int] = defaultdict(int)
    for c in recs:
        by_day[c["start"].date().isoformat()] += 1
    return {**t, "per": per_month(recs, "contacts", "aht"), "per_day": dict(by_day)}


# --- 5. Local time, then "(UTC)" after the March update; last week of February twice ----------


@builder
def build_set5_utc_switch_overlap() -> dict[str, Any]:
    rng = random.Random(3605)
    folder = "set5_utc_switch_overlap"
    recs = calls(rng, weekdays(dt.date(2025, 1, 2), dt.date(2025, 4, 30)), 3)
    for i, c in enumerate(recs):
        c["id"] = f"{7730000 + 13 * i}"
    lines = 0
    for m, name in ((1, "jan"), (2, "feb"), (3, "mar"), (4, "apr")):
        utc = m >= 3
        lo = dt.datetime(2025, 2, 24) if m == 3 else dt.datetime(2025, m, 1)
        mine = [c for c in recs if lo <= c["start"] and c["start"].month <= m]
        head = ["Call ID", "Start Time (UTC)" if utc else "Start Time", "Queue", "Agent",
                "Queue Wait", "Talk", "Hold", "Wrap", "Call Outcome"]  # fmt: skip
        rows = []
        for c in mine:
            t = c["start"]
            if utc:
                t = t.replace(tzinfo=NY).astimezone(dt.UTC).replace(tzinfo=None)
            rows.append([c["id"], f"{t:%Y-%m-%d %H:%M:%S}", c["queue"], c["agent"], c["wait"],
                         c["talk"], c["hold"], c["acw"],
                         "ANSWERED" if handled(c) else "ABANDONED"])  # fmt: skip
        write(folder, f"call_log_2025_{name}.csv", head, rows)
        lines += len(rows)
    t = log_truth(recs)
    return {**t, "lines": lines, "overlap": lines - len(recs),
            "per": per_month(recs, "contacts", "asa", "aht")}  # fmt: skip


# --- 6. Monthly agent summary: AHT seconds, then mm:ss; CSAT from May --------------------------


@builder
def build_set6_agent_monthly_drift() -> dict[str, Any]:
    rng = random.Random(3606)
    folder = "set6_agent_monthly_drift"
    rows: list[dict[str, Any]] = []
    for m in range(1, 7):
        d = dt.date(2025, m, 1)
        new = m >= 4
        head = ["Month", "Agent Name", "Calls Handled", "Avg Talk Time",
                "AHT (mm:ss)" if new else "Avg Handle Time", "Avg Speed of Answer"]  # fmt: skip
        if m >= 5:
            head.append("Avg CSAT")
        out = []
        for a in AGENTS:
            ans = rng.randint(180, 420)
            talk = rng.randint(200, 480)
            aht = talk + rng.randint(30, 140)
            asa = rng.randint(10, 70)
            csat = round(rng.uniform(3.4, 4.8), 2) if m >= 5 else None
            rows.append({"day": d, "answered": ans, "aht": aht, "asa": asa, "csat": csat,
                         "talk": talk})  # fmt: skip
            line = [f"{d:%Y-%m-%d}", a, ans, talk,
                    f"{aht // 60}:{aht % 60:02d}" if new else aht, asa]  # fmt: skip
            if m >= 5:
                line.append(f"{csat:.2f}")
            out.append(line)
        write(folder, f"agent_summary_{d:%Y-%m}.csv", head, out)
    ans = sum(r["answered"] for r in rows)

    def w(key: str, rs: list[dict[str, Any]]) -> float:
        return r4(sum(r[key] * r["answered"] for r in rs) / sum(r["answered"] for r in rs))

    per: dict[str, dict[str, float]] = {"aht": {}, "asa": {}}
    for m in range(1, 7):
        rs = [r for r in rows if r["day"].month == m]
        per["aht"][f"2025-{m:02d}-01"] = w("aht", rs)
        per["asa"][f"2025-{m:02d}-01"] = w("asa", rs)
    rated = [r for r in rows if r["csat"] is not None]
    return {"rows": len(rows), "answered": ans, "aht": w("aht", rows), "asa": w("asa", rows),
            "talk_time": w("talk", rows), "csat_weighted": w("csat", rated),
            "csat_plain": r4(mean([r["csat"] for r in rated])), "per": per}  # fmt: skip


# --- 7. Weekly log, one week resaved from Excel as .xlsx (ids lose their zeros), overlapping ----


@builder
def build_set7_excel_resave_overlap() -> dict[str, Any]:
    rng = random.Random(3607)
    folder = "set7_excel_resave_overlap"
    (OUT / folder).mkdir(exist_ok=True)
    recs = calls(rng, weekdays(dt.date(2025, 6, 2), dt.date(2025, 6, 27)), 5)
    for i, c in enumerate(recs):
        c["id"] = f"{481200 + 3 * i:08d}"
        ok = handled(c)
        c["csat"] = rng.choice([None, None, None, 2, 4, 5, 5]) if ok else None
    head = ["Interaction ID", "Start", "Queue", "Agent", "Queue Seconds", "Talk Seconds",
            "Hold Seconds", "Wrap Seconds", "Answered", "CSAT (1-5)"]  # fmt: skip

    def line(c: dict[str, Any]) -> list[Any]:
        return [c["id"], f"{c['start']:%Y-%m-%d %H:%M:%S}", c["queue"], c["agent"], c["wait"],
                c["talk"], c["hold"], c["acw"], "Y" if handled(c) else "N",
                "" if c["csat"] is None else c["csat"]]  # fmt: skip

    # Weekly downloads Monday-Sunday; the second was run with "last 10 days" on Wednesday
    # 18 June (9-17 June: two days also in the third week's file) and resaved from Excel.
    spans = [
        (dt.date(2025, 6, 2), dt.date(2025, 6, 8)),
        (dt.date(2025, 6, 9), dt.date(2025, 6, 17)),
        (dt.date(2025, 6, 16), dt.date(2025, 6, 22)),
        (dt.date(2025, 6, 23), dt.date(2025, 6, 29)),
    ]
    lines = 0
    for k, (lo, hi) in enumerate(spans):
        mine = [c for c in recs if lo <= c["start"].date() <= hi]
        lines += len(mine)
        name = f"interactions_{lo:%Y%m%d}_{hi:%Y%m%d}"
        if k != 1:
            write(folder, name + ".csv", head, [line(c) for c in mine])
            continue
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = name[:31]
        ws.append(head)
        for c in mine:  # Excel made the ids numbers and the starts dates
            row = line(c)
            row[0] = int(c["id"])
            row[1] = c["start"]
            row[9] = c["csat"]
            ws.append(row)
            ws.cell(ws.max_row, 2).number_format = "m/d/yyyy h:mm"
        save_xlsx(wb, OUT / folder / (name + ".xlsx"))
    t = log_truth(recs)
    return {**t, "lines": lines, "overlap": lines - len(recs)}


if __name__ == "__main__":
    BUILD.main()

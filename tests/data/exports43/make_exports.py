"""Regenerate the forty-third blind acceptance corpus (tests/test_real_exports_43.py).

    .venv/bin/python tests/data/exports43/make_exports.py             # write the files
    .venv/bin/python tests/data/exports43/make_exports.py --expected  # also print the truth

Round 43: how durations, times, counts, flags and rates are WRITTEN in real contact logs and
summaries. Each file is an ordinary export whose trap is a value format: ISO 8601 durations in
several spellings (``PT2M30S``, ``PT1H5M``, ``P0DT0H2M30S``, ``PT12.5S``); durations written in
words (``2 min 30 sec``, ``150 sec``, ``1 hr 5 min 3 sec``, ``2.5 min``); Avaya CMS averages
pasted through Excel as ``mm.ss`` (``2.30`` = 2 min 30 s: no value's two decimals ever reach
60, so the data say it is minutes.seconds, not decimal minutes); decimal minutes under a
``(min)`` header (``4.75``) beside a service level written as a fraction under ``%`` and
``n/a`` / ``-`` / ``#N/A`` / ``∞`` on days without calls; weekly totals as .NET TimeSpan
(``1.02:03:04``) with ``-0:00:00`` for no hold; milliseconds with a decimal comma and dot
thousands (``81.234,5``); counts with thousands separators of three locales in one
consolidated file (``1,234``, ``1.234``, ``1 234`` with a narrow no-break space) and rates
``82.4%`` / ``82,4 %``; a sheet tracker's flags ✓ / TRUE / FALSE / X / Y / N with two-digit
years; ISO timestamps with a ``+05:30`` offset; a start in epoch milliseconds beside an end in
epoch seconds; a daily summary dated ``March 3rd, 2025`` with ``82 %`` and ``1,034``.

Each builder draws rows with its own seeded ``random.Random``, writes them the way the export
looks, and returns the KPIs computed in plain Python over the drawn records -- never with
KPI Lab code.

Conventions (the registry's defaults, as earlier rounds): contacts = rows of a contact log (sum
offered in a summary); abandonment = abandoned / inbound queued; ASA = mean wait of answered;
AHT = mean talk + hold + ACW of handled; service level (20 s, abandons negative) = answered
within 20 s / (answered + abandoned); transfer rate and FCR over handled; summaries weighted by
answered (a displayed average or rate as displayed).
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
    draw_row,
    drawn_calls,
    handled,
    hms,
    log_truth,
    r4,
    weekdays,
)  # fmt: skip

OUT = Path(__file__).resolve().parent
BUILD = Builders(OUT)
builder, write_csv = BUILD, BUILD.write_csv
AGENTS = ["Maya Lopez", "Omar Haddad", "Jin Park", "Sara Novak", "Luca Bianchi", "Ada Okafor"]
QUEUES = ["Billing", "Support", "Sales"]
MAR = weekdays(dt.date(2025, 3, 10), dt.date(2025, 3, 21))
APR = weekdays(dt.date(2025, 4, 7), dt.date(2025, 4, 18))
NNBSP = "\u202f"


def wsum(rows: list[dict[str, Any]], key: str, weight: str = "answered") -> float:
    return r4(sum(r[key] * r[weight] for r in rows) / sum(r[weight] for r in rows))


def sum_truth(rows: list[dict[str, Any]], **kpis: str) -> dict[str, Any]:
    """Summary KPIs over rows: contacts = sum offered, abandonment = abandoned / offered, each
    of ``kpis`` (name -> row key holding the displayed value in seconds / 0-1) weighted by
    answered."""
    off = sum(r["offered"] for r in rows)
    out: dict[str, Any] = {
        "rows": len(rows),
        "contacts": off,
        "abandonment_rate": r4(sum(r["abandoned"] for r in rows) / off),
    }
    live = [r for r in rows if r["answered"]]
    out.update({k: wsum(live, key) for k, key in kpis.items()})
    days = [r["day"] for r in rows]
    out["first_day"], out["last_day"] = min(days).isoformat(), max(days).isoformat()
    return out


# --- 1. ISO 8601 durations in several spellings -----------------------------------------------


def iso_dur(sec: float, style: int) -> str:
    """ISO 8601 duration: style 0 PT#H#M#S (zero parts left out), 1 P0DT#H#M#S (every part),
    2 seconds only (PT150S)."""
    whole = int(sec)
    frac = sec - whole
    h, m, s = whole // 3600, whole % 3600 // 60, whole % 60
    stxt = f"{s}.5" if frac else f"{s}"
    if style == 1:
        return f"P0DT{h}H{m}M{stxt}S"
    if style == 2:
        return f"PT{whole}.5S" if frac else f"PT{whole}S"
    if not sec:
        return "PT0S"
    return "PT" + (f"{h}H" if h else "") + (f"{m}M" if m else "") + (
        f"{stxt}S" if s or frac else "")  # fmt: skip


@builder
def build_sfdc_voicecall_iso_durations() -> dict[str, Any]:
    # Salesforce Service Cloud Voice VoiceCall records pulled through the REST API into CSV:
    # CallStartDateTime ISO with "Z", durations as ISO 8601 (the partner telephony writes
    # "PT2M30S", a second integration "P0DT0H2M30S", a third "PT150S"), half-second waits
    # ("PT12.5S"), "CallDisposition" completed / abandoned.
    rng = random.Random(4301)
    recs = drawn_calls(rng, MAR, 9, p_ab=0.15)
    rows = []
    for i, c in enumerate(recs):
        ok = handled(c)
        if rng.random() < 0.3:
            c["wait"] += 0.5
        style = rng.choice([0, 0, 0, 1, 2])
        if ok and rng.random() < 0.08:  # a long one: "PT1H5M3S"
            c["talk"] += 3600
            c["handle"] += 3600
        rows.append([
            f"0LQ5g00000{i:05d}AAA", f"{c['start']:%Y-%m-%dT%H:%M:%S}.000Z", "Inbound",
            rng.choice(QUEUES), iso_dur(c["wait"], style), iso_dur(c["talk"], style),
            iso_dur(c["hold"], style), iso_dur(c["acw"], style),
            "completed" if ok else "abandoned",
        ])  # fmt: skip
    write_csv(
        "sfdc_voicecall_iso_durations.csv",
        ["Id", "CallStartDateTime", "CallType", "QueueName", "QueueDuration", "TalkDuration",
         "HoldDuration", "AfterCallWorkDuration", "CallDisposition"],
        rows,
    )  # fmt: skip
    return log_truth(recs)


# --- 2. Durations written in words, several ways in one column --------------------------------


def words(sec: float, rng: random.Random) -> str:
    s = int(sec)
    if s >= 3600:
        h, m, x = s // 3600, s % 3600 // 60, s % 60
        return f"{h} hr {m} min {x} sec"
    if s % 30 == 0 and s >= 60 and rng.random() < 0.7:
        return f"{s / 60:g} min"  # "2.5 min"
    if rng.random() < 0.3 or s < 60:
        return f"{s} sec"  # "150 sec"
    return f"{s // 60} min {s % 60} sec"


@builder
def build_vonage_duration_words() -> dict[str, Any]:
    # A business phone system's "Call Queue Report" e-mailed as CSV: durations in words as the
    # web report shows them ("2 min 30 sec", "45 sec", "150 sec", "2.5 min", "1 hr 5 min 3 sec"),
    # "Result" Answered / Missed. Round numbers of minutes written as decimals.
    rng = random.Random(4302)
    recs = drawn_calls(rng, APR, 8, p_ab=0.16)
    rows = []
    for i, c in enumerate(recs):
        ok = handled(c)
        if ok:  # wraps in 30-second steps (the wrap timer), talk sometimes over an hour
            c["acw"] = 30 * rng.randint(1, 5)
            if rng.random() < 0.06:
                c["talk"] += 3600
            c["handle"] = c["talk"] + c["hold"] + c["acw"]
        t = c["start"]
        rows.append([
            f"{t:%m/%d/%Y} {t.hour % 12 or 12}:{t:%M} {'AM' if t.hour < 12 else 'PM'}",
            f"Q{400 + i}", rng.choice(QUEUES), rng.choice(AGENTS) if ok else "",
            words(c["wait"], rng), words(c["talk"], rng) if ok else "0 sec",
            words(c["hold"], rng) if ok else "0 sec", words(c["acw"], rng) if ok else "0 sec",
            "Answered" if ok else "Missed",
        ])  # fmt: skip
    write_csv(
        "vonage_duration_words.csv",
        ["Date/Time", "Call Ref", "Call Queue", "Answered By", "Time in Queue", "Talk Time",
         "Hold Time", "Wrap Time", "Result"],
        rows,
    )  # fmt: skip
    return log_truth(recs)


# --- 3. Avaya CMS split summary pasted through Excel: averages as mm.ss ------------------------


@builder
def build_avaya_cms_mmss_dotted() -> dict[str, Any]:
    # A supervisor copies the CMS "Split/Skill Summary" into Excel, which turns "2:30" into
    # the number 2.30 (the sheet's habit: minutes.seconds); saved as CSV. "Avg ACD Time" and
    # "Avg ACW Time" are mm.ss, "Avg Speed Ans" whole seconds, "% Within Service Level" a
    # number. AHT = ACD time + ACW time. No value's decimals reach .60: minutes.seconds.
    rng = random.Random(4303)
    rows, drawn = [], []
    for d in MAR:
        for sk in ("1 Billing", "2 Support", "3 Sales"):
            r = draw_row(rng, d, 90)
            r["talk"] = rng.randint(130, 460)
            r["hold"] = 0
            r["aht"] = r["talk"] + r["acw"]
            r["sl_disp"] = round(r["sl"])
            drawn.append(r)
            rows.append([
                f"{d:%m/%d/%Y}", sk, r["offered"], r["answered"], r["abandoned"], r["asa"],
                f"{r['talk'] // 60}.{r['talk'] % 60:02d}", f"{r['acw'] // 60}.{r['acw'] % 60:02d}",
                r["sl_disp"],
            ])  # fmt: skip
    write_csv(
        "avaya_cms_mmss_dotted.csv",
        ["Date", "Split/Skill", "Calls Offered", "ACD Calls", "Aband Calls", "Avg Speed Ans",
         "Avg ACD Time", "Avg ACW Time", "% Within Service Level"],
        rows,
    )  # fmt: skip
    for r in drawn:
        r["sl01"] = r["sl_disp"] / 100
    t = sum_truth(drawn, asa="asa", aht="aht", service_level="sl01")
    dec = [{**r, "x": (r["talk"] // 60 + r["talk"] % 60 / 100) * 60
            + (r["acw"] // 60 + r["acw"] % 60 / 100) * 60} for r in drawn]  # fmt: skip
    t["aht_if_decimal_minutes"] = wsum(dec, "x")
    return t


# --- 4. Decimal minutes "(min)", a fraction under "%", placeholders on empty days --------------


@builder
def build_daily_decimal_min_placeholders() -> dict[str, Any]:
    # A BI tool's daily queue table over two weeks including the weekends (no calls: "n/a",
    # "-", "#N/A" and "∞" where the tool divided by zero). "AHT (min)" in decimal minutes
    # (4.75), "ASA (sec)", "Service Level %" written as a fraction 0.824 (the format string was
    # lost in the export), counts plain.
    rng = random.Random(4304)
    rows, drawn = [], []
    d = dt.date(2025, 4, 7)
    while d <= dt.date(2025, 4, 18):
        if d.weekday() >= 5:
            rows.append([d.isoformat(), 0, 0, 0, rng.choice(["n/a", "-"]), "#N/A",
                         rng.choice(["∞", "n/a"]), "-"])  # fmt: skip
            drawn.append({"day": d, "offered": 0, "answered": 0, "abandoned": 0})
        else:
            r = draw_row(rng, d, 260)
            r["aht_min"] = round(r["aht"] / 60, 2)
            r["aht_s"] = r["aht_min"] * 60
            r["sl01"] = round(r["within"] / (r["answered"] + r["abandoned"]), 3)
            drawn.append(r)
            rows.append([d.isoformat(), r["offered"], r["answered"], r["abandoned"],
                         f"{r['aht_min']:.2f}", r["asa"], f"{r['sl01']:.3f}",
                         f"{r['abandoned'] / r['offered']:.3f}"])  # fmt: skip
        d += dt.timedelta(days=1)
    write_csv(
        "daily_decimal_min_placeholders.csv",
        ["Date", "Calls Offered", "Calls Answered", "Calls Abandoned", "AHT (min)", "ASA (sec)",
         "Service Level %", "Abandon Rate"],
        rows,
    )  # fmt: skip
    t = sum_truth(drawn, asa="asa", aht="aht_s", service_level="sl01")
    t["kept_rows"] = len(drawn)
    t["weekend_rows"] = sum(r["offered"] == 0 for r in drawn)
    return t


# --- 5. Weekly team totals as .NET TimeSpan, "-0:00:00" for no hold ---------------------------


def timespan(sec: int) -> str:
    d, rest = divmod(sec, 86400)
    return (f"{d}." if d else "") + hms(rest)


@builder
def build_weekly_team_timespan() -> dict[str, Any]:
    # An in-house .NET WFM tool's weekly team report: totals as TimeSpan.ToString()
    # ("1.02:03:04" = 1 day 2 h 3 min 4 s; "23:10:05" under a day), the chat team's hold
    # written "-0:00:00" (a rounding of -0.0 in the tool). AHT = (talk + hold + ACW) / answered,
    # ASA = total wait / answered, SL = answered in 20 s / (answered + abandoned).
    rng = random.Random(4305)
    rows, drawn = [], []
    weeks = [dt.date(2025, 3, 3) + dt.timedelta(weeks=k) for k in range(6)]
    for w in weeks:
        for team in ("Voice Billing", "Voice Support", "Chat"):
            off = rng.randint(380, 640)
            ab = rng.randint(10, off // 9)
            ans = off - ab
            talk = sum(rng.randint(120, 480) for _ in range(ans))
            hold = 0 if team == "Chat" else sum(rng.choice([0, 0, rng.randint(5, 90)])
                                                for _ in range(ans))  # fmt: skip
            acw = sum(rng.randint(10, 120) for _ in range(ans))
            wait = sum(rng.choice([rng.randint(0, 20), rng.randint(0, 150)]) for _ in range(ans))
            within = rng.randint(int(ans * 0.55), int(ans * 0.9))
            drawn.append({"day": w, "offered": off, "answered": ans, "abandoned": ab,
                          "asa": wait / ans, "aht": (talk + hold + acw) / ans,
                          "within": within})  # fmt: skip
            rows.append([f"{w:%Y-%m-%d}", team, off, ans, ab, timespan(wait), timespan(talk),
                         "-0:00:00" if not hold else timespan(hold), timespan(acw), within])  # fmt: skip
    write_csv(
        "weekly_team_timespan.csv",
        ["WeekStart", "Team", "Offered", "Handled", "Abandoned", "TotalWaitTime",
         "TotalTalkTime", "TotalHoldTime", "TotalWrapTime", "AnsweredWithinSL"],
        rows,
    )  # fmt: skip
    t = sum_truth(drawn, asa="asa", aht="aht")
    t["service_level"] = r4(sum(r["within"] for r in drawn)
                            / sum(r["answered"] + r["abandoned"] for r in drawn))  # fmt: skip
    t["over_a_day"] = sum("." in x[6] for x in rows)
    return t


# --- 6. German PBX: milliseconds with a decimal comma and dot thousands -----------------------


def de_ms(ms: float) -> str:
    whole = f"{int(ms):,}".replace(",", ".")
    return f"{whole},{round((ms - int(ms)) * 10)}"


@builder
def build_de_tk_anlage_ms() -> dict[str, Any]:
    # A German PBX's call journal (Excel-saved, ";" separated): "Datum" 10.03.2025, "Uhrzeit",
    # durations in milliseconds with the German number format "#.##0,0" ("81.234,5",
    # "934,5"), "Status" Angenommen / Abgebrochen.
    rng = random.Random(4306)
    recs = drawn_calls(rng, MAR, 8, p_ab=0.15)
    rows = []
    for i, c in enumerate(recs):
        ok = handled(c)
        ms = {k: c[k] * 1000 + rng.choice([0, 0.5, 500, 250.5]) for k in ("wait", "talk", "hold",
                                                                      "acw")}  # fmt: skip
        for k in ("hold",) if ok else ("talk", "hold", "acw"):
            if not c[k]:
                ms[k] = 0
        for k, v in ms.items():
            c[k] = v / 1000
        c["handle"] = c["talk"] + c["hold"] + c["acw"] if ok else 0
        rows.append([
            f"{c['start']:%d.%m.%Y}", f"{c['start']:%H:%M:%S}", f"{770100 + i}",
            rng.choice(["Vertrieb", "Kundendienst", "Technik"]), de_ms(ms["wait"]),
            de_ms(ms["talk"]), de_ms(ms["hold"]), de_ms(ms["acw"]),
            "Angenommen" if ok else "Abgebrochen",
        ])  # fmt: skip
    write_csv(
        "de_tk_anlage_ms.csv",
        ["Datum", "Uhrzeit", "Anruf-ID", "Warteschlange", "Wartezeit (ms)",
         "Gesprächszeit (ms)", "Haltezeit (ms)", "Nachbearbeitung (ms)", "Status"],
        rows, sep=";",
    )  # fmt: skip
    return log_truth(recs)


# --- 7. Consolidated regional daily rows: three thousands separators, two rate styles ---------


@builder
def build_regions_consolidated_counts() -> dict[str, Any]:
    # A group report pasting three sites' daily rows into one sheet: the US site writes counts
    # "1,234" and rates "82.4%", the German site "1.234" and "82,4 %", the French site
    # "1 234" (narrow no-break space) and "82,4 %". Dates ISO, ASA / AHT whole seconds.
    rng = random.Random(4307)
    rows, drawn = [], []
    for d in MAR:
        for site in ("Dallas", "Leipzig", "Lille"):
            r = draw_row(rng, d, 1150)
            r["sl1"] = round(r["sl"], 1)
            r["sl01"] = r["sl1"] / 100
            drawn.append(r)

            def n(x: int, site: str = site) -> str:
                g = f"{x:,}"
                return {"Dallas": g, "Leipzig": g.replace(",", "."),
                        "Lille": g.replace(",", NNBSP)}[site]  # fmt: skip

            rate = f"{r['sl1']:.1f}%" if site == "Dallas" else f"{r['sl1']:.1f} %".replace(".", ",")
            rows.append([d.isoformat(), site, n(r["offered"]), n(r["answered"]),
                         n(r["abandoned"]), r["asa"], r["aht"], rate])  # fmt: skip
    write_csv(
        "regions_consolidated_counts.csv",
        ["Date", "Site", "Offered", "Answered", "Abandoned", "ASA (s)", "AHT (s)",
         "Service Level"],
        rows,
    )  # fmt: skip
    return sum_truth(drawn, asa="asa", aht="aht", service_level="sl01")


# --- 8. A shared call tracker sheet: ✓ / TRUE / FALSE / X / Y / N, two-digit years -------------


@builder
def build_sheet_tracker_flags() -> dict[str, Any]:
    # A small team's Google Sheets call tracker, downloaded as CSV: "When" 3/10/25 8:05 (US,
    # two-digit year), "Answered" ✓ or blank (a checkbox rendered as a tick), "Transferred"
    # TRUE / FALSE (a checkbox column), "First Call Resolution" X or blank, "Callback" Y / N, minutes
    # and seconds "m:ss" for talk, seconds for the wait.
    rng = random.Random(4308)
    recs = drawn_calls(rng, APR, 7, p_ab=0.18)
    rows = []
    for c in recs:
        ok = handled(c)
        c["hold"] = c["acw"] = 0
        c["handle"] = c["talk"] if ok else 0
        c["transferred"] = ok and rng.random() < 0.15
        c["resolved"] = (rng.random() < 0.7) if ok else None
        t = c["start"]
        rows.append([
            f"{t.month}/{t.day}/{t:%y} {t.hour}:{t:%M}", rng.choice(AGENTS) if ok else "",
            rng.choice(QUEUES), "✓" if ok else "", c["wait"],
            f"{c['talk'] // 60}:{c['talk'] % 60:02d}" if ok else "",
            "TRUE" if c["transferred"] else "FALSE", "X" if c["resolved"] else "",
            "N" if ok else rng.choice(["Y", "N"]),
        ])  # fmt: skip
    write_csv(
        "sheet_tracker_flags.csv",
        ["When", "Who took it", "Line", "Answered", "Wait (s)", "Talk", "Transferred",
         "First Call Resolution", "Callback"],
        rows,
    )  # fmt: skip
    return log_truth(recs)


# --- 9. ISO timestamps with a +05:30 offset (an India site) -----------------------------------


@builder
def build_bpo_ist_offsets() -> dict[str, Any]:
    # A BPO's interaction export from Bengaluru: "interaction_start" ISO 8601 with "+05:30"
    # (local time with its offset), durations in seconds, "disposition" ANSWERED / ABANDONED.
    # Read in Asia/Kolkata the calls are 08:00-18:00 local; in UTC 02:30-12:30.
    rng = random.Random(4309)
    recs = drawn_calls(rng, MAR, 8, p_ab=0.14)
    rows = []
    for i, c in enumerate(recs):
        ok = handled(c)
        rows.append([
            f"BLR-{i + 30001}", f"{c['start']:%Y-%m-%dT%H:%M:%S}+05:30", rng.choice(QUEUES),
            c["wait"], c["talk"], c["hold"], c["acw"], "ANSWERED" if ok else "ABANDONED",
        ])  # fmt: skip
    write_csv(
        "bpo_ist_offsets.csv",
        ["interaction_id", "interaction_start", "queue", "queue_secs", "talk_secs",
         "hold_secs", "wrap_secs", "disposition"],
        rows,
    )  # fmt: skip
    return log_truth(recs)


# --- 10. Start in epoch milliseconds, end in epoch seconds -------------------------------------


@builder
def build_epoch_ms_and_s() -> dict[str, Any]:
    # A webhook log stored by a low-code tool: "started_at" epoch MILLISECONDS (13 digits, from
    # the telephony event), "ended_at" epoch SECONDS (10 digits, stamped by the tool), durations
    # in seconds, "status" answered / abandoned. Times are UTC (calls 08:00-18:00 UTC).
    rng = random.Random(4310)
    recs = drawn_calls(rng, APR, 8, p_ab=0.15)
    rows = []
    epoch = dt.datetime(1970, 1, 1)
    for i, c in enumerate(recs):
        ok = handled(c)
        ms = int((c["start"] - epoch).total_seconds()) * 1000 + rng.randint(0, 999)
        end = ms // 1000 + c["wait"] + c["talk"] + c["hold"]
        rows.append([f"wh_{i + 1:05d}", ms, end, rng.choice(QUEUES), c["wait"], c["talk"],
                     c["hold"], c["acw"], "answered" if ok else "abandoned"])  # fmt: skip
    write_csv(
        "epoch_ms_and_s.csv",
        ["event_id", "started_at", "ended_at", "queue", "wait_s", "talk_s", "hold_s", "acw_s",
         "status"],
        rows,
    )  # fmt: skip
    return log_truth(recs)


# --- 11. Daily summary dated "March 3rd, 2025", "82 %", "1,034" --------------------------------


def ordinal(n: int) -> str:
    suf = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suf}"


@builder
def build_ordinal_dates_daily() -> dict[str, Any]:
    # A Zendesk Explore-style daily dashboard export: "Date" written "March 3rd, 2025",
    # "Calls Offered" with thousands commas ("1,034"), "Service Level" "82 %" (a space before
    # the sign), "Avg Speed of Answer" and "Avg Handle Time" as m:ss.
    rng = random.Random(4311)
    rows, drawn = [], []
    for d in weekdays(dt.date(2025, 3, 3), dt.date(2025, 3, 28)):
        r = draw_row(rng, d, 1000)
        r["sl0"] = round(r["sl"])
        r["sl01"] = r["sl0"] / 100
        drawn.append(r)
        rows.append([f"{d:%B} {ordinal(d.day)}, {d.year}", f"{r['offered']:,}",
                     f"{r['answered']:,}", f"{r['abandoned']:,}",
                     f"{r['asa'] // 60}:{r['asa'] % 60:02d}",
                     f"{r['aht'] // 60}:{r['aht'] % 60:02d}", f"{r['sl0']} %"])  # fmt: skip
    write_csv(
        "ordinal_dates_daily.csv",
        ["Date", "Calls Offered", "Calls Answered", "Calls Abandoned", "Avg Speed of Answer",
         "Avg Handle Time", "Service Level"],
        rows,
    )  # fmt: skip
    return sum_truth(drawn, asa="asa", aht="aht", service_level="sl01")


if __name__ == "__main__":
    BUILD.main()

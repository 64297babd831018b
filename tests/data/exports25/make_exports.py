"""Regenerate the twenty-fifth blind acceptance corpus (tests/test_real_exports_25.py).

    .venv/bin/python tests/data/exports25/make_exports.py             # write the files
    .venv/bin/python tests/data/exports25/make_exports.py --expected  # also print the truth

Round 25: aggregated KPI reports (daily, weekly, monthly, interval; by queue, skill, agent or
channel) whose KPIs are written the many ways real reports write them, each file with ONE trap:
an Avaya CMS split/skill report where a call queued to several skills counts in each skill
(the "Totals" line is not the sum of the skills); a service level with a non-default 60 s
threshold; a week's "Total Handle Time" in H:MM:SS beyond 24 hours; CSAT averages with their
response counts beside a "% Satisfied (4-5)"; an NPS survey summary ("% Promoters", "%
Detractors", "Responses"); "Abandoned (>5s)" beside "Short Abandons" (offered counts both);
"Overflow Out" / "Transferred Out" / "Callbacks" flow columns with ASA written "38s"; a count
"Calls Answered Within SL" whose threshold is only in a title line, ASA in decimal minutes; an
agent state summary ("Logged In", "Available", "Not Ready", "Handle Time") for occupancy;
"FCR %" with the number of surveys it is based on; an interval report with two service levels
"SL% (20s)" and "SL% (60s)".

Each builder draws rows with its own seeded ``random.Random``, writes them the way the export
looks, and returns the KPIs computed in plain Python over the figures as displayed -- never
with KPI Lab code.

Conventions (the registry's documented defaults, as rounds 1-24): summaries: contacts = sum of
offered (of answered for an agent report), abandonment = abandoned / offered (short abandons
included), ASA / AHT / a displayed service level weighted by answered; a service-level count
gives within / (answered + abandoned); CSAT weighted by its responses; NPS = % promoters - %
detractors (-100..100) pooled over responses; FCR % pooled over the contacts it is based on;
occupancy = handle time / (logged in - not ready) pooled as sums; transfer rate over answered.
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
    csv_text,
    draw_call,
    draw_row,
    hms,
    mmss,
    r4,
    rows_truth,
    wavg,
    weekdays,
)  # fmt: skip

OUT = Path(__file__).resolve().parent
BUILD = Builders(OUT)
builder, write_csv = BUILD, BUILD.write_csv
JUN = weekdays(dt.date(2025, 6, 2), dt.date(2025, 6, 13))
SEP = weekdays(dt.date(2025, 9, 1), dt.date(2025, 9, 12))
AGENTS = ["Maya Lopez", "Omar Haddad", "Jin Park", "Sara Novak", "Luca Bianchi", "Ada Okafor"]


def write_lines(name: str, title: list[list[Any]], header: list[str], rows: list[list[Any]]
                ) -> None:  # fmt: skip
    """A report with title lines above the table."""
    (OUT / name).write_text(csv_text([*title, header, *rows]), encoding="utf-8")


def shown(r: dict[str, Any], sl_dp: int = 1) -> dict[str, Any]:
    """A drawn row's averages as the report displays them (whole seconds, SL to ``sl_dp``)."""
    r["sl"] = round(r["sl"], sl_dp)
    return r


def base_rows(rng: random.Random, days: list[Any], segs: list[str], base: int, gap: int = 0
              ) -> list[dict[str, Any]]:  # fmt: skip
    out = []
    for d in days:
        for s in segs:
            r = shown(draw_row(rng, d, base, gap))
            r["seg"] = s
            out.append(r)
    return out


def day_truth(rows: list[dict[str, Any]], **kw: Any) -> dict[str, Any]:
    """:func:`rows_truth` for rows whose ``day`` is a date (not a datetime)."""
    fixed = [{**r, "day": dt.datetime.combine(r["day"], dt.time())} for r in rows]
    return rows_truth(fixed, **kw)


# --- 1. Avaya CMS split/skill daily: calls counted in several skills -----------------------------


@builder
def build_cms_skill_multiskill() -> dict[str, Any]:
    # CMS "Split/Skill Report: Daily" exported to CSV: title lines (report name, skills, dates,
    # a note that a call queued to several skills counts in each), then per day one row per
    # skill and a "Totals" row with each call counted once. A quarter of the calls queue to a
    # second skill too: offered there, answered / abandoned only in the first one. "Avg Speed
    # Ans", "Avg ACD Time", "Avg ACW Time" m:ss; "% Within Service Level" one decimal.
    rng = random.Random(2501)
    skills = ["11 Billing", "12 Tech Support", "13 Retention"]
    rows, totals = [], []
    for d in JUN:
        calls = []
        for _ in range(rng.randint(70, 110)):
            c = draw_call(rng, p_ab=0.1)
            c["skills"] = rng.sample(skills, 2 if rng.random() < 0.25 else 1)
            calls.append(c)

        def line(label: str, cs: list[dict[str, Any]], first: list[dict[str, Any]], d: dt.date = d
                 ) -> list[Any]:  # fmt: skip
            ans = [c for c in first if c["outcome"] == "answered"]
            ab = [c for c in first if c["outcome"] == "abandoned"]
            n = len(ans) or 1
            sl = round(100 * sum(c["wait"] <= 20 for c in ans) / max(1, len(ans) + len(ab)), 1)
            asa = round(sum(c["wait"] for c in ans) / n)
            acd = round(sum(c["talk"] + c["hold"] for c in ans) / n)
            acw = round(sum(c["acw"] for c in ans) / n)
            return [f"{d:%m/%d/%Y}", label, len(cs), len(ans), len(ab), mmss(asa), mmss(acd),
                    mmss(acw), sl]  # fmt: skip

        for s in skills:
            cs = [c for c in calls if s in c["skills"]]
            rows.append(line(s, cs, [c for c in cs if c["skills"][0] == s]))
        tot = line("Totals", calls, calls)
        rows.append(tot)
        totals.append(tot)
    write_lines(
        "cms_skill_multiskill.csv",
        [["Split/Skill Report: Daily"], ["Splits/Skills: 11; 12; 13"],
         ["Dates: 06/02/2025 - 06/13/2025"],
         ["Note: a call queued to more than one skill is counted in each skill; Totals count "
          "each call once"], []],
        ["Date", "Split/Skill", "Calls Offered", "ACD Calls", "Aband Calls", "Avg Speed Ans",
         "Avg ACD Time", "Avg ACW Time", "% Within Service Level"],
        rows,
    )  # fmt: skip

    def sec(t: str) -> int:
        m, s = t.split(":")
        return int(m) * 60 + int(s)

    off = sum(t[2] for t in totals)
    ans = sum(t[3] for t in totals)
    return {
        "lines": len(rows), "skill_rows": len(rows) - len(totals), "contacts": off,
        "skill_offered_sum": sum(r[2] for r in rows if r[1] != "Totals"),
        "abandonment_rate": r4(sum(t[4] for t in totals) / off),
        "asa": r4(sum(sec(t[5]) * t[3] for t in totals) / ans),
        "aht": r4(sum((sec(t[6]) + sec(t[7])) * t[3] for t in totals) / ans),
        "service_level": r4(sum(t[8] / 100 * t[3] for t in totals) / ans),
        "first_day": JUN[0].isoformat(), "last_day": JUN[-1].isoformat(),
    }  # fmt: skip


# --- 2. Service level with a 60-second threshold -------------------------------------------------


@builder
def build_queue_sl_60s() -> dict[str, Any]:
    # A cloud ACD's "Queue Performance" daily export: ISO dates, "Queue", "Offered",
    # "Answered", "Abandoned", "ASA" m:ss, "AHT" m:ss, "Service Level (60s)" "87.4%". The
    # threshold is 60 s, not the 20 s of the settings: the report must say so.
    rng = random.Random(2502)
    rows = base_rows(rng, SEP, ["Care", "Sales"], 140)
    write_csv(
        "queue_sl_60s.csv",
        ["Date", "Queue", "Offered", "Answered", "Abandoned", "ASA", "AHT",
         "Service Level (60s)"],
        [[f"{r['day']:%Y-%m-%d}", r["seg"], r["offered"], r["answered"], r["abandoned"],
          mmss(r["asa"]), mmss(r["aht"]), f"{r['sl']:.1f}%"] for r in rows],
    )  # fmt: skip
    return day_truth(rows)


# --- 3. Weekly total handle time beyond 24 hours ---------------------------------------------------


@builder
def build_weekly_total_handle() -> dict[str, Any]:
    # A WFM weekly queue report: "Week Starting" (Mondays, "02-Jun-2025"), "Queue", "Calls
    # Offered", "Calls Handled", "Calls Abandoned", "ASA (sec)", "Total Handle Time" the week's
    # H:MM:SS total ("153:24:10"), "SL % (20s)" a number. AHT = total / handled.
    rng = random.Random(2503)
    mondays = [dt.date(2025, 6, 2) + dt.timedelta(weeks=k) for k in range(8)]
    rows = base_rows(rng, mondays, ["Claims", "Policy"], 700, gap=0)
    for r in rows:
        r["total"] = r["answered"] * r["aht"] + rng.randint(-30, 30)
    write_csv(
        "weekly_total_handle.csv",
        ["Week Starting", "Queue", "Calls Offered", "Calls Handled", "Calls Abandoned",
         "ASA (sec)", "Total Handle Time", "SL % (20s)"],
        [[f"{r['day']:%d-%b-%Y}", r["seg"], r["offered"], r["answered"], r["abandoned"],
          r["asa"], hms(r["total"]), f"{r['sl']:.1f}"] for r in rows],
    )  # fmt: skip
    ans = sum(r["answered"] for r in rows)
    t = day_truth(rows)
    t["aht"] = r4(sum(r["total"] for r in rows) / ans)
    return t


# --- 4. CSAT averages with their response counts, "% Satisfied (4-5)" ----------------------------


@builder
def build_channel_csat_responses() -> dict[str, Any]:
    # A daily channel scorecard: "Date" dd/mm/yyyy, "Channel" Voice / Chat, counts, "ASA (s)",
    # "AHT (s)", "SL %" "81.2%", "CSAT Avg" (1-5, two decimals), "CSAT Responses", "% Satisfied
    # (4-5)" "85.2%". CSAT must be weighted by its responses (a few on voice, many on chat),
    # not by answered calls; "% Satisfied" is the top-2 box, not a mean.
    rng = random.Random(2504)
    rows = base_rows(rng, JUN, ["Voice", "Chat"], 160)
    for r in rows:
        n = rng.randint(4, 14) if r["seg"] == "Voice" else rng.randint(40, 90)
        scores = [rng.choice([1, 2, 3, 4, 4, 5, 5, 5] if r["seg"] == "Chat" else [3, 4, 5, 5, 5])
                  for _ in range(n)]  # fmt: skip
        r["resp"], r["csat"] = n, round(sum(scores) / n, 2)
        r["top2"] = round(100 * sum(s >= 4 for s in scores) / n, 1)
    write_csv(
        "channel_csat_responses.csv",
        ["Date", "Channel", "Offered", "Answered", "Abandoned", "ASA (s)", "AHT (s)", "SL %",
         "CSAT Avg", "CSAT Responses", "% Satisfied (4-5)"],
        [[f"{r['day']:%d/%m/%Y}", r["seg"], r["offered"], r["answered"], r["abandoned"],
          r["asa"], r["aht"], f"{r['sl']:.1f}%", f"{r['csat']:.2f}", r["resp"],
          f"{r['top2']:.1f}%"] for r in rows],
    )  # fmt: skip
    return day_truth(
        rows,
        csat=wavg(rows, "csat", "resp"),
        csat_by_answered=wavg(rows, "csat"),
        csat_top2=r4(wavg(rows, "top2", "resp") / 100),
    )


# --- 5. NPS survey summary: "% Promoters", "% Detractors", responses ------------------------------


@builder
def build_monthly_nps_survey() -> dict[str, Any]:
    # A survey platform's monthly summary by channel: "Month" "Jan 2025" .. "Jun 2025",
    # "Channel", "Contacts Handled", "Responses", "% Promoters", "% Passives", "% Detractors",
    # "NPS" (whole points). No queue figures: abandonment, ASA, service level and CSAT cannot
    # come out of it; the pooled NPS is weighted by responses.
    rng = random.Random(2505)
    rows = []
    for m in range(1, 7):
        for ch in ["Phone", "Chat", "Email"]:
            n = rng.randint(60, 400)
            votes = [rng.choice([3, 6, 7, 8, 9, 9, 10, 10, 5, 8]) for _ in range(n)]
            p = sum(v >= 9 for v in votes)
            d = sum(v <= 6 for v in votes)
            rows.append({"month": dt.date(2025, m, 1), "ch": ch, "handled": rng.randint(2000, 6000),
                         "n": n, "p": round(100 * p / n, 1), "pa": round(100 * (n - p - d) / n, 1),
                         "d": round(100 * d / n, 1), "nps": round(100 * (p - d) / n)})  # fmt: skip
    write_csv(
        "monthly_nps_survey.csv",
        ["Month", "Channel", "Contacts Handled", "Responses", "% Promoters", "% Passives",
         "% Detractors", "NPS"],
        [[f"{r['month']:%b %Y}", r["ch"], r["handled"], r["n"], f"{r['p']:.1f}%",
          f"{r['pa']:.1f}%", f"{r['d']:.1f}%", r["nps"]] for r in rows],
    )  # fmt: skip
    n = sum(r["n"] for r in rows)
    return {
        "rows": len(rows), "handled": sum(r["handled"] for r in rows),
        "nps": r4(sum((r["p"] - r["d"]) * r["n"] for r in rows) / n),
        "nps_mean_of_rows": r4(sum(r["nps"] for r in rows) / len(rows)),
        "first_day": "2025-01-01", "last_day": "2025-06-01",
    }  # fmt: skip


# --- 6. "Abandoned (>5s)" beside "Short Abandons" -----------------------------------------------


@builder
def build_abandons_over_5s() -> dict[str, Any]:
    # A call-type daily report: "Date" 2025/09/01, "Call Type", "Offered" (every call that
    # reached the queue), "Handled", "Abandoned (>5s)" (callers who waited over 5 s),
    # "Short Abandons" (5 s or less: offered counts them too), "ASA" 00:00:38, "AHT"
    # 00:06:25, "Service Level %" 80.5. Abandonment (short abandons counted, the default) =
    # (abandoned over 5 s + short) / offered.
    rng = random.Random(2506)
    rows = base_rows(rng, SEP, ["CT_Billing", "CT_Orders"], 150)
    for r in rows:
        r["short"] = rng.randint(0, r["abandoned"] // 3 + 1) if r["abandoned"] else 0
        r["long"] = r["abandoned"] - r["short"]
    write_csv(
        "abandons_over_5s.csv",
        ["Date", "Call Type", "Offered", "Handled", "Abandoned (>5s)", "Short Abandons", "ASA",
         "AHT", "Service Level %"],
        [[f"{r['day']:%Y/%m/%d}", r["seg"], r["offered"], r["answered"], r["long"], r["short"],
          hms(r["asa"]), hms(r["aht"]), f"{r['sl']:.1f}"] for r in rows],
    )  # fmt: skip
    off = sum(r["offered"] for r in rows)
    return day_truth(rows, abandonment_long_only=r4(sum(r["long"] for r in rows) / off))


# --- 7. Offered / Handled / Abandoned / Overflow Out / Transferred Out / Callbacks ---------------


@builder
def build_queue_flow_callbacks() -> dict[str, Any]:
    # A daily queue report of a cloud contact centre: "Offered" = "Handled" + "Abandoned" +
    # "Overflow Out" (sent to another queue) + "Callbacks" (callers who left the queue for a
    # call back); "Transferred Out" counts handled calls the agent transferred. "Avg Speed of
    # Answer" written "38s", "Avg Handle Time" "6m 25s", "SLA %" "80.5%".
    rng = random.Random(2507)
    rows = []
    for d in JUN:
        for q in ["Mortgages", "Savings"]:
            r = shown(draw_row(rng, d, 120, gap=14))
            r["seg"] = q
            r["cb"] = rng.randint(0, r["flow"])
            r["over"] = r["flow"] - r["cb"]
            rows.append(r)
    write_csv(
        "queue_flow_callbacks.csv",
        ["Date", "Queue", "Offered", "Handled", "Abandoned", "Overflow Out", "Transferred Out",
         "Callbacks", "Avg Speed of Answer", "Avg Handle Time", "SLA %"],
        [[f"{r['day']:%Y-%m-%d}", r["seg"], r["offered"], r["answered"], r["abandoned"],
          r["over"], r["transferred"], r["cb"], f"{r['asa']}s",
          f"{r['aht'] // 60}m {r['aht'] % 60}s", f"{r['sl']:.1f}%"] for r in rows],
    )  # fmt: skip
    ans = sum(r["answered"] for r in rows)
    return day_truth(rows, transfer_rate=r4(sum(r["transferred"] for r in rows) / ans))


# --- 8. "Calls Answered Within SL": the threshold only in a title line --------------------------


@builder
def build_sl_count_title_threshold() -> dict[str, Any]:
    # A BI daily service report: title lines "Inbound Service Report", "Service level
    # threshold: 30 seconds", blank; then "Date" (US m/d/yyyy), "Calls Offered", "Calls
    # Answered", "Calls Abandoned", "Calls Answered Within SL" (a count, within 30 s), "Avg
    # Speed of Answer (min)" decimal minutes "0.63", "Avg Handle Time (min)" "6.42".
    rng = random.Random(2508)
    rows = []
    for d in SEP + weekdays(dt.date(2025, 9, 15), dt.date(2025, 9, 19)):
        r = draw_row(rng, d, 400)
        r["asa_m"], r["aht_m"] = round(r["asa"] / 60, 2), round(r["aht"] / 60, 2)
        rows.append(r)
    write_lines(
        "sl_count_title_threshold.csv",
        [["Inbound Service Report"], ["Service level threshold: 30 seconds"], []],
        ["Date", "Calls Offered", "Calls Answered", "Calls Abandoned", "Calls Answered Within SL",
         "Avg Speed of Answer (min)", "Avg Handle Time (min)"],
        [[f"{r['day'].month}/{r['day'].day}/{r['day'].year}", r["offered"], r["answered"],
          r["abandoned"], r["within"], f"{r['asa_m']:.2f}", f"{r['aht_m']:.2f}"] for r in rows],
    )  # fmt: skip
    ans = sum(r["answered"] for r in rows)
    t = day_truth(rows, sl="count")
    t["asa"] = r4(sum(r["asa_m"] * 60 * r["answered"] for r in rows) / ans)
    t["aht"] = r4(sum(r["aht_m"] * 60 * r["answered"] for r in rows) / ans)
    # To the whole second, the precision of two decimals of a minute (0.6 s) is not overstated:
    # both readings are right.
    t["asa_whole_s"] = r4(sum(round(r["asa_m"] * 60) * r["answered"] for r in rows) / ans)
    t["aht_whole_s"] = r4(sum(round(r["aht_m"] * 60) * r["answered"] for r in rows) / ans)
    return t


# --- 9. Agent state summary: Logged In / Available / Not Ready / Handle Time ---------------------


@builder
def build_agent_state_summary() -> dict[str, Any]:
    # An agent daily summary: "Date" ISO, "Agent", "Calls Handled", "Logged In", "Available"
    # (idle, waiting for a call), "Not Ready", "Handle Time" (talk + hold + wrap, the day's
    # total), all H:MM:SS; Logged In = Available + Handle Time + Not Ready. Occupancy =
    # handle / (logged in - not ready), pooled as sums; AHT = handle / calls. "Available" is
    # idle time, not the time available for calls. No queue figures.
    rng = random.Random(2509)
    rows = []
    for d in JUN:
        for a in AGENTS:
            calls = rng.randint(35, 70)
            handle = sum(rng.randint(200, 520) for _ in range(calls))
            nr = rng.randint(2400, 5400)
            avail = rng.randint(1800, 9000)
            rows.append({"day": d, "agent": a, "calls": calls, "handle": handle, "nr": nr,
                         "avail": avail, "login": handle + nr + avail})  # fmt: skip
    write_csv(
        "agent_state_summary.csv",
        ["Date", "Agent", "Calls Handled", "Logged In", "Available", "Not Ready", "Handle Time"],
        [[f"{r['day']:%Y-%m-%d}", r["agent"], r["calls"], hms(r["login"]), hms(r["avail"]),
          hms(r["nr"]), hms(r["handle"])] for r in rows],
    )  # fmt: skip
    h = sum(r["handle"] for r in rows)
    return {
        "rows": len(rows), "contacts": sum(r["calls"] for r in rows),
        "aht": r4(h / sum(r["calls"] for r in rows)),
        "occupancy": r4(h / sum(r["login"] - r["nr"] for r in rows)),
        "occupancy_if_available_is_staffed": r4(h / sum(r["avail"] for r in rows)),
        "first_day": JUN[0].isoformat(), "last_day": JUN[-1].isoformat(),
    }  # fmt: skip


# --- 10. "FCR %" with the surveys it is based on --------------------------------------------------


@builder
def build_weekly_fcr_surveyed() -> dict[str, Any]:
    # A weekly queue report: "Week" "2025-W23" .. "2025-W30", "Queue", counts, "ASA" m:ss,
    # "AHT" m:ss, "SL %" "80.5%", "FCR %" "72.4%" and "FCR Surveys" (the post-call surveys
    # that asked "was your issue resolved?": the FCR basis, far fewer than the answered calls).
    # FCR pooled over its surveys; the engine's FCR (resolved / answered) may use answered only
    # if it weighs the percentage by its own basis.
    rng = random.Random(2510)
    weeks = list(range(23, 31))
    rows = []
    for w in weeks:
        for q in ["Retail", "Business"]:
            r = shown(draw_row(rng, dt.date.fromisocalendar(2025, w, 1), 800))
            r["seg"], r["week"] = q, w
            r["n"] = rng.randint(30, 60) if q == "Retail" else rng.randint(150, 260)
            lo, hi = (0.55, 0.7) if q == "Retail" else (0.75, 0.9)
            r["fcr"] = round(100 * round(r["n"] * rng.uniform(lo, hi)) / r["n"], 1)
            rows.append(r)
    write_csv(
        "weekly_fcr_surveyed.csv",
        ["Week", "Queue", "Offered", "Answered", "Abandoned", "ASA", "AHT", "SL %", "FCR %",
         "FCR Surveys"],
        [[f"2025-W{r['week']}", r["seg"], r["offered"], r["answered"], r["abandoned"],
          mmss(r["asa"]), mmss(r["aht"]), f"{r['sl']:.1f}%", f"{r['fcr']:.1f}%", r["n"]]
         for r in rows],
    )  # fmt: skip
    return day_truth(
        rows, fcr=r4(wavg(rows, "fcr", "n") / 100), fcr_by_answered=r4(wavg(rows, "fcr") / 100)
    )


# --- 11. Interval report with "SL% (20s)" and "SL% (60s)" -----------------------------------------


@builder
def build_interval_two_sl() -> dict[str, Any]:
    # A 30-minute interval skill report over three days: "Date" dd.mm.yyyy (German site,
    # English headers), "Interval" "08:00", "Skill", "Offered", "Answered", "Abandoned",
    # "ASA" 00:00:38, "AHT" 00:06:25, "SL% (20s)" and "SL% (60s)" as numbers ("80.5"). The
    # 20-second one is the service level of the settings.
    rng = random.Random(2511)
    days = weekdays(dt.date(2025, 9, 8), dt.date(2025, 9, 10))
    slots = [dt.time(8 + k // 2, 30 * (k % 2)) for k in range(20)]
    rows = []
    for d in days:
        for t in slots:
            for s in ["Hardware", "Software"]:
                r = shown(draw_row(rng, dt.datetime.combine(d, t), 18))
                r["seg"] = s
                extra = round((r["answered"] - r["within"]) * rng.uniform(0.3, 0.9))
                r["sl60"] = round(100 * (r["within"] + extra) / (r["answered"] + r["abandoned"]), 1)
                rows.append(r)
    write_csv(
        "interval_two_sl.csv",
        ["Date", "Interval", "Skill", "Offered", "Answered", "Abandoned", "ASA", "AHT",
         "SL% (20s)", "SL% (60s)"],
        [[f"{r['day']:%d.%m.%Y}", f"{r['day']:%H:%M}", r["seg"], r["offered"], r["answered"],
          r["abandoned"], hms(r["asa"]), hms(r["aht"]), f"{r['sl']:.1f}", f"{r['sl60']:.1f}"]
         for r in rows],
    )  # fmt: skip
    return rows_truth(rows, sl60=r4(wavg(rows, "sl60") / 100))


if __name__ == "__main__":
    BUILD.main()

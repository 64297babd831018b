"""Second blind acceptance suite: other real-looking export shapes, read with no mapping (#16).

The files in ``tests/data/exports2/`` are written by ``make_exports.py`` (deterministic, seeded).
Every expected number is a literal computed with plain Python over the semantic rows the
generator drew, printed with ``make_exports.py --expected`` -- never with KPI Lab code. Rates are
fractions, durations seconds, compared to 4 decimals. The shapes differ from the first round
(``tests/test_real_exports.py``): UTC offsets, JSON lines with epoch milliseconds, interval
reports, millisecond headers, a data sheet behind a summary sheet, BOM + CRLF + multi-line quoted
notes, TSV, lowercase am/pm, ISO weeks, quarters, Spanish / French locales, HubSpot and Jira
ticket exports, percent strings with space thousands, agent-level rows, mixed date spellings.

Conventions (what a CX manager expects): abandonment = abandoned / inbound contacts that queued
(answered + abandoned + voicemail); ASA = mean wait of answered inbound contacts; AHT = mean
talk + hold + ACW of handled contacts (inbound answered and outbound); service level = answered
within 20 s / (answered + abandoned); aggregated averages weighted by answered (handled)
contacts; ticket first-response SLA by priority with the app's default targets (urgent 1 h,
high 4 h, normal 8 h, low 24 h).

Only the public API is used: ``kpi.ingest.read_files`` and ``kpi.engine.compute``.
"""

from __future__ import annotations

import re

import pytest
from exports_check import DP, accounted, days, expect, grains, reader, text, values

from kpi import ingest
from kpi.engine import compute
from kpi.errors import KpiLabError

load = reader("exports2")


def daily_contacts(r: ingest.ImportResult) -> dict[str, int]:
    """Contacts per calendar day with at least one contact."""
    wide = compute(r.dataset, kpis=["contacts"], grain="day").wide()
    return {
        d.date().isoformat(): int(n)
        for d, n in zip(wide["date"], wide["contacts"], strict=True)
        if n
    }


# --- 1. Talkdesk calls with a UTC offset ---------------------------------------------------------


def test_talkdesk_calls_with_utc_offset() -> None:
    # "2025-02-03 19:42:10 -0500". The centre is in New York and says so (timezone=...): a CX
    # manager reads the day a call happened on the wall clock of the centre, so the 20 calls
    # after 19:00 local stay on their local day (in UTC they would fall on the next day, and the
    # last one on Saturday 15 Feb). Eight calls on each weekday, local time.
    # Type: inbound (answered), abandoned and missed (an inbound caller nobody answered:
    # abandoned, 7 in all), voicemail (offered, neither answered nor abandoned), outbound
    # (handled, not offered). Wait/Talk/Hold are HH:MM:SS; no ACW column, so AHT = talk + hold.
    r = load("talkdesk_calls.csv", "America/New_York")
    accounted(r, 80)
    assert days(r) == ("2025-02-03", "2025-02-14")
    per_day = daily_contacts(r)
    assert per_day == {d: 8 for d in ["2025-02-03", "2025-02-04", "2025-02-05", "2025-02-06",
                                      "2025-02-07", "2025-02-10", "2025-02-11", "2025-02-12",
                                      "2025-02-13", "2025-02-14"]}, per_day  # fmt: skip
    got = values(r, "contacts", "abandonment_rate", "asa", "aht", "service_level")
    expect(got, contacts=80, abandonment_rate=0.1045, asa=46.4151, aht=420.1818,
           service_level=0.6167)  # fmt: skip


# --- 2. Twilio TaskRouter JSON lines, epoch milliseconds -------------------------------------------


def test_twilio_jsonl_epoch_ms() -> None:
    # date_created 1744018240299 is milliseconds since 1970 (UTC), not seconds (year 57,000)
    # and not an id. *_time_ms durations; abandoned true/false (JSON booleans).
    r = load("twilio_tasks.jsonl")
    accounted(r, 70)
    assert days(r) == ("2025-04-07", "2025-04-11")
    got = values(r, "contacts", "abandonment_rate", "asa", "aht", "service_level")
    expect(got, contacts=70, abandonment_rate=0.1286, asa=58.3279, aht=477.2131,
           service_level=0.5429)  # fmt: skip


# --- 3. Avaya CMS interval report ------------------------------------------------------------------


def test_avaya_cms_half_hour_intervals() -> None:
    # Date 3/17/2025 (month-first) + Interval "08:00-08:30": 16 half-hours a day, 2 days.
    # Calls Offered = ACD Calls + Aband Calls; Avg Speed Ans "0:25" and Avg ACD Time / Avg ACW
    # Time "5:12" are m:ss averages weighted by ACD (answered) calls; AHT = ACD time + ACW.
    r = load("avaya_cms_interval.csv")
    accounted(r, 32)
    assert r.dataset.shape == "aggregated"
    assert days(r) == ("2025-03-17", "2025-03-18")
    assert "interval" in grains(r), grains(r)
    got = values(r, "contacts", "abandonment_rate", "asa", "aht")
    expect(got, contacts=841, abandonment_rate=0.113, asa=41.0509, aht=379.5027)


# --- 4. Cisco UCCE call detail, ms ------------------------------------------------------------------


def test_cisco_ucce_ms_headers_and_fractional_seconds() -> None:
    # DateTime "2025-03-04T10:15:22.123" (naive, fractional seconds); "Queue Time (ms)" etc.
    # CallDispositionName Handled / "Abandoned in Local Queue" / "Abandon Ring" (both abandons).
    r = load("cisco_ucce_tcd.csv")
    accounted(r, 75)
    assert days(r) == ("2025-03-03", "2025-03-07")
    got = values(r, "contacts", "abandonment_rate", "asa", "aht", "service_level")
    expect(got, contacts=75, abandonment_rate=0.1467, asa=53.8125, aht=491.875,
           service_level=0.56)  # fmt: skip


# --- 5. Excel: data on the second sheet, header on row 4, numbers as text ----------------------


def test_xlsx_data_sheet_behind_summary_sheet() -> None:
    # Sheet "Summary" holds three label/value lines; sheet "Calls" has a merged title, a
    # "Generated ..." line, a blank row and the header on row 4; every number is stored as
    # text ("42"). The 50 calls are the data -- not the summary's 3 lines.
    r = load("calls_two_sheets.xlsx")
    accounted(r, 50)
    assert days(r) == ("2025-05-05", "2025-05-16")
    got = values(r, "contacts", "abandonment_rate", "asa", "aht")
    expect(got, contacts=50, abandonment_rate=0.18, asa=58.4878, aht=482.4878)


# --- 6. BOM + CRLF + multi-line quoted notes + trailing empty column ------------------------------


def test_bom_crlf_multiline_notes_trailing_comma() -> None:
    # A quoted "Called back,\nno answer" note is one field of one row (60 calls, not more);
    # the empty column the trailing comma makes is not an error.
    r = load("bom_crlf_notes.csv")
    accounted(r, 60)
    assert days(r) == ("2025-04-14", "2025-04-25")
    got = values(r, "contacts", "abandonment_rate", "asa", "aht", "service_level")
    expect(got, contacts=60, abandonment_rate=0.1167, asa=41.434, aht=488.8113,
           service_level=0.6333)  # fmt: skip


# --- 7. TSV --------------------------------------------------------------------------------------------


def test_tab_separated_export() -> None:
    # outcome answered/abandoned; *_seconds columns.
    r = load("interactions.tsv")
    accounted(r, 70)
    assert days(r) == ("2025-06-02", "2025-06-13")
    got = values(r, "contacts", "abandonment_rate", "asa", "aht")
    expect(got, contacts=70, abandonment_rate=0.1429, asa=52.5167, aht=457.2333)


# --- 8. lowercase am/pm, no seconds; inverse Answered (Y/N) ---------------------------------------


def test_lowercase_ampm_without_seconds_and_answered_flag() -> None:
    # "3/4/2025 2:05 pm" (month-first: second field up to 21). "Answered (Y/N)" = N is an
    # abandoned call (the inverse of an Abandoned flag). Handle (s) is the handle time.
    r = load("ampm_lower.csv")
    accounted(r, 60)
    assert days(r) == ("2025-03-03", "2025-03-21")
    hours = r.dataset.frame["start_ts"].dt.hour if "start_ts" in r.dataset.frame else None
    if hours is not None:  # "2:05 pm" is 14:05, not 02:05 (calls run 08:00-18:00)
        assert hours.between(8, 17).all(), hours.value_counts()
    got = values(r, "contacts", "abandonment_rate", "asa", "aht", "service_level")
    expect(got, contacts=60, abandonment_rate=0.2, asa=57.875, aht=494.2083,
           service_level=0.4833)  # fmt: skip


# --- 9. ISO-week weekly report -------------------------------------------------------------------------


def test_iso_week_labels() -> None:
    # Week "2025-W02" ... "2025-W21": the period starts on the ISO week's Monday (6 Jan ...
    # 19 May 2025), grain week.
    r = load("iso_week_report.csv")
    accounted(r, 20)
    assert r.dataset.shape == "aggregated"
    assert days(r) == ("2025-01-06", "2025-05-19")
    assert "week" in grains(r), grains(r)
    got = values(r, "contacts", "abandonment_rate", "asa", "aht")
    expect(got, contacts=27781, abandonment_rate=0.0979, asa=41.0451, aht=412.8458)


# --- 10. Spanish call log --------------------------------------------------------------------------------


def test_spanish_latin1_semicolon_minutes() -> None:
    # latin-1, ';', Fecha dd/mm/aaaa (03/02/2025 = 3 February; 13/02 onwards settles it),
    # Hora, Cola, Agente, "Tiempo de espera (seg)", "Duración (min)" with decimal comma
    # ("7,3" = 438 s: handle time), Abandonada Sí/No.
    r = load("es_llamadas.csv")
    accounted(r, 75)
    assert days(r) == ("2025-02-03", "2025-02-21")
    assert re.search(r"day[- ]?first|dd/mm|d/m/y|\bdmy\b", text(r)), text(r)
    got = values(r, "contacts", "abandonment_rate", "asa", "aht", "service_level")
    expect(got, contacts=75, abandonment_rate=0.1333, asa=44.9846, aht=460.5231,
           service_level=0.56)  # fmt: skip


# --- 11-13. ticket exports ------------------------------------------------------------------------------


def test_french_helpdesk_tickets() -> None:
    # ';', "Date de création" 03/03/2025 08:22 (day-first: up to 21/03), Priorité Urgente /
    # Haute / Normale / Basse, Statut Résolu / Ouvert (11 open: no resolution), delays in hours
    # with decimal comma ("3,5" h = 12,600 s). Response SLA by priority 0.6667 (0.8 if every
    # ticket got the normal 8 h target, i.e. if Priorité were not read).
    r = load("fr_tickets.csv")
    accounted(r, 60)
    assert days(r) == ("2025-03-03", "2025-03-21")
    got = values(r, "frt", "response_sla", "resolution_time", "resolution_time_median")
    expect(got, frt=24530.0, response_sla=0.6667, resolution_time=103542.8571,
           resolution_time_median=109800.0)  # fmt: skip


def test_hubspot_tickets_hhmmss_over_24h() -> None:
    # Create date / Close date "2025-04-01 08:45"; Priority HIGH / MEDIUM (= normal) / LOW;
    # "Time to first agent email reply (HH:mm:ss)" and "Time to close (HH:mm:ss)" where the hours
    # run past 24 ("27:20:00" = 98,400 s). 19 tickets open (no close).
    r = load("hubspot_tickets.csv")
    accounted(r, 70)
    assert days(r) == ("2025-04-01", "2025-04-18")
    got = values(r, "frt", "response_sla", "resolution_time", "resolution_time_median")
    expect(got, frt=28302.8571, response_sla=0.6571, resolution_time=113752.9412,
           resolution_time_median=109800.0)  # fmt: skip


def test_jira_service_management_export() -> None:
    # Created "03/Mar/25 8:21 AM" (day/month-name/2-digit year), Resolved (12 unresolved),
    # Priority Highest (urgent) / High / Medium (normal) / Low, "Time to first response" as
    # "3h 50m", Satisfaction 1-5 (23 rated; mean 3.4783).
    r = load("jira_sm.csv")
    accounted(r, 60)
    assert days(r) == ("2025-03-03", "2025-03-14")
    got = values(r, "frt", "response_sla", "resolution_time", "csat")
    expect(got, frt=28090.0, response_sla=0.6, resolution_time=114075.0, csat=3.4783)


# --- 14. daily summary with percent strings and space thousands; quarterly report ----------------


def test_daily_summary_percent_strings_space_thousands() -> None:
    # Offered "1 234" (space as thousands separator), "Abandon %" "7.5%", "SL %" "82%".
    # Abandonment from the counts (sum abandoned / sum offered); the pooled service level must
    # be a rate between the smallest and largest daily value (0.56 .. 0.94), not 56..94.
    r = load("daily_pct_strings.csv")
    accounted(r, 45)
    assert r.dataset.shape == "aggregated"
    assert days(r) == ("2025-01-01", "2025-02-14")
    got = values(r, "contacts", "abandonment_rate", "asa", "service_level")
    expect(got, contacts=67454, abandonment_rate=0.0651, asa=45.0581)
    assert 0.56 <= got["service_level"] <= 0.94, got


def test_quarterly_report() -> None:
    # Quarter "Q1 2020" ... "Q4 2024" (20 rows), counts "31,204": grain quarter.
    r = load("quarterly_report.csv")
    accounted(r, 20)
    assert r.dataset.shape == "aggregated"
    assert days(r) == ("2020-01-01", "2024-10-01")
    assert "quarter" in grains(r), grains(r)
    got = values(r, "contacts", "abandonment_rate")
    expect(got, contacts=694726, abandonment_rate=0.0916)
    with pytest.raises(KpiLabError, match=r"(?i)quarter"):
        compute(r.dataset, kpis=["abandonment_rate"], grain="month")


# --- 15. agent-level daily report -------------------------------------------------------------------


def test_agent_level_daily_report() -> None:
    # Date, Agent, Calls Handled, AHT (sec), Occupancy % ("78%"): 4 agents x 10 days. Contacts
    # = handled calls; AHT weighted by calls; Jin Park's own AHT 439.2155 s. Occupancy is a
    # rate between the smallest and largest row (0.62 .. 0.92).
    r = load("agent_daily.csv")
    accounted(r, 40)
    assert r.dataset.shape == "aggregated"
    assert days(r) == ("2025-03-03", "2025-03-14")
    got = values(r, "contacts", "aht", "occupancy")
    expect(got, contacts=1839, aht=426.9179)
    assert 0.62 <= got["occupancy"] <= 0.92, got
    # The library names segments by their canonical column (the UI shows "Agent").
    by_agent = compute(r.dataset, kpis=["aht"], grain="all", by=["agent_id"])
    assert by_agent.value("aht", agent_id="Jin Park") == pytest.approx(439.2155, abs=DP)


# --- 16. mixed date spellings in one column ----------------------------------------------------------


def test_mixed_date_formats_never_silently_mixed() -> None:
    # Datum is "04.03.2025" (dd.mm.yyyy, day-first: up to 14.03) on 36 rows and ISO
    # "2025-03-04" on 4 rows. Either every row is read right (4 calls on each weekday of
    # 3-14 March) or the ISO rows are quarantined with a reason that names the date -- never a
    # swapped day/month or a row lost without a word.
    r = load("mixed_dates.csv")
    accounted(r, 40, quarantined=None)
    rep = r.report
    assert rep.rows_quarantined in (0, 4), rep.summary()
    if rep.rows_quarantined:
        reasons = [str(x) for x in rep.quarantine["reason"]]  # names the date/start column
        assert all(re.search(r"(?i)date|datum|start", x) for x in reasons), reasons
    assert days(r) == ("2025-03-03", "2025-03-14")
    per_day = daily_contacts(r)
    assert sum(per_day.values()) == rep.rows_kept
    assert set(per_day) <= {"2025-03-03", "2025-03-04", "2025-03-05", "2025-03-06",
                            "2025-03-07", "2025-03-10", "2025-03-11", "2025-03-12",
                            "2025-03-13", "2025-03-14"}, per_day  # fmt: skip
    assert all(n <= 4 for n in per_day.values()), per_day
    if rep.rows_quarantined == 0:
        assert all(n == 4 for n in per_day.values()), per_day
        got = values(r, "contacts", "abandonment_rate", "asa", "aht")
        expect(got, contacts=40, abandonment_rate=0.075, asa=59.6216, aht=466.1892)

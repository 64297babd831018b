"""Blind acceptance suite: real-looking exports read with no mapping, KPIs checked by hand (#16).

The files in ``tests/data/exports/`` are written by ``make_exports.py`` (deterministic, seeded).
Every expected number below is a literal: it was computed with plain Python over the semantic
rows the generator drew (seconds, outcomes, priorities), printed once with
``make_exports.py --expected`` and pasted here -- never with KPI Lab code. Rates are fractions,
durations seconds, compared to 4 decimals.

Conventions (what a CX manager reading the export expects):

* abandonment = abandoned / inbound contacts that queued (answered + abandoned + voicemail);
  outbound contacts and contacts that never reached a queue (IVR hang-ups) are not offered;
* ASA = mean queue wait of answered inbound contacts (a zero wait counts);
* AHT = mean talk + hold + ACW of handled contacts (inbound answered and outbound);
* service level = answered within 20 s / (answered + abandoned) -- the app's default variant
  ("abandons negative", the Genesys default);
* aggregated averages (ASA, AHT, service level) are weighted by answered contacts;
* ticket first-response SLA uses the app's default targets (urgent 1 h, high 4 h, normal 8 h,
  low 24 h; no priority = normal).

Only the public API is used: ``kpi.ingest.read_files`` and ``kpi.engine.compute``.
"""

from __future__ import annotations

import math
import re

import pandas as pd
import pytest
from exports_check import DP, accounted, days, expect, grains, reader, text, values

from kpi.engine import compute
from kpi.errors import KpiLabError

load = reader("exports")


# --- 1. Amazon Connect contact records -----------------------------------------------------


def test_amazon_connect_contact_records() -> None:
    # 60 contacts (7 OUTBOUND with no queue), ISO Z timestamps, durations in seconds; abandoned
    # = queued with no agent (empty Agent.* columns). 46 answered, 8 abandoned of 54 queued.
    r = load("amazon_connect_ctr.csv")
    accounted(r, 60)
    assert days(r) == ("2025-03-03", "2025-03-07")
    got = values(r, "contacts", "abandonment_rate", "asa", "aht", "service_level")
    expect(got, contacts=60, abandonment_rate=0.1481, asa=55.3913, aht=472.0962,
           service_level=0.5741)  # fmt: skip


# --- 2. Genesys Cloud interactions view ----------------------------------------------------


def test_genesys_interactions_ms_durations_and_ampm_dates() -> None:
    # "03/04/2025 02:03:22 PM" (month-first: days up to 20 in the second field); Total Queue /
    # Handle / Talk / Hold / ACW in milliseconds (integers like 593158: 593 s, not 6.9 days);
    # Abandoned YES/NO; "Smith, Anna" quoted. 71 inbound (16 abandoned), 9 outbound handled.
    r = load("genesys_interactions.csv")
    accounted(r, 80)
    assert days(r) == ("2025-03-03", "2025-03-20")
    got = values(r, "contacts", "abandonment_rate", "asa", "aht")
    expect(got, contacts=80, abandonment_rate=0.2254, asa=101.0759, aht=447.3341)


# --- 3. Five9 call log -----------------------------------------------------------------------


def test_five9_call_log_voicemail_is_not_answered() -> None:
    # DATE 2025/03/04 + TIME 14:03:22; durations H:MM:SS. DISPOSITION "Voicemail" (7 calls,
    # ABANDONED = 0, no agent, HANDLE TIME 0:00:00) is neither answered nor abandoned: it stays
    # offered (abandonment 9/70) but is not in ASA or AHT -- counting it answered would pull AHT
    # and ASA down with zero-length "calls" nobody took.
    r = load("five9_call_log.csv")
    accounted(r, 70)
    assert days(r) == ("2025-03-03", "2025-03-14")
    got = values(r, "contacts", "abandonment_rate", "asa", "aht")
    expect(got, contacts=70, abandonment_rate=0.1286, asa=43.5614, aht=468.9474)


# --- 4. European day-first files ---------------------------------------------------------------


def test_eu_day_first_semicolon_decimal_comma() -> None:
    # UTF-8 BOM, ';', CRLF, "12,5" seconds. Date 06/01/2025 = 6 January; the first 5 days
    # (06/01-10/01) are ambiguous, 13/01/2025 onwards is not: the whole column is day-first,
    # six weeks (6 Jan - 14 Feb), and the report says so.
    r = load("eu_dayfirst.csv")
    accounted(r, 120)
    assert days(r) == ("2025-01-06", "2025-02-14")
    assert re.search(r"day[- ]?first|dd/mm|d/m/y|\bdmy\b", text(r)), text(r)
    got = values(r, "contacts", "abandonment_rate", "asa", "aht")
    expect(got, contacts=120, abandonment_rate=0.1667, asa=49.44, aht=447.78)


def test_german_export_cp1252_day_first() -> None:
    # A German-locale export: cp1252, ';', decimal comma, Datum/Uhrzeit, Wartezeit (s),
    # Gesprächszeit (s), Nachbearbeitungszeit (s), Abgebrochen Ja/Nein. 03/02/2025 = 3 February.
    r = load("de_anrufe.csv")
    accounted(r, 120)
    assert days(r) == ("2025-02-03", "2025-03-14")
    assert re.search(r"day[- ]?first|dd/mm|d/m/y|\bdmy\b", text(r)), text(r)
    got = values(r, "contacts", "abandonment_rate", "asa", "aht")
    expect(got, contacts=120, abandonment_rate=0.1, asa=57.7083, aht=453.3056)


def test_ambiguous_dates_say_which_order_was_assumed() -> None:
    # 03/03/2025 ... 03/12/2025: no field over 12 and no locale hint. Whichever order the
    # importer picks, the report must say it was an assumption (and that it can be changed).
    r = load("ambiguous_dates.csv")
    accounted(r, 24)
    assert re.search(r"ambiguous|assum", text(r)), text(r)
    expect(values(r, "contacts", "abandonment_rate", "asa"), contacts=24,
           abandonment_rate=0.2083, asa=41.3684)  # fmt: skip


def test_call_log_without_an_id_column_is_still_a_call_log() -> None:
    # The same 24 calls with no id column: Date + Time (HH:MM) + Yes/No "Abandoned" are one row
    # per call, not a daily report whose "Abandoned" is a count.
    r = load("no_id_calls.csv")
    accounted(r, 24)
    assert r.dataset.shape == "interactions"
    assert days(r) == ("2025-03-03", "2025-03-12")
    got = values(r, "contacts", "abandonment_rate", "asa", "service_level")
    expect(got, contacts=24, abandonment_rate=0.2083, asa=41.3684, service_level=0.5)


# --- 5. US month-first ---------------------------------------------------------------------------


def test_us_month_first_am_pm() -> None:
    # "1/2/2025 10:43 AM" ... "1/31/2025 4:12 PM": month-first (second field up to 31).
    r = load("us_monthfirst.csv")
    accounted(r, 110)
    assert days(r) == ("2025-01-02", "2025-01-31")
    got = values(r, "contacts", "abandonment_rate", "asa", "aht", "service_level")
    expect(got, contacts=110, abandonment_rate=0.1091, asa=45.4796, aht=473.9796,
           service_level=0.6091)  # fmt: skip


# --- 6. unit-suffixed headers ----------------------------------------------------------------


def test_unit_suffixed_contact_headers() -> None:
    # Wait Time (s), Talk Time (s), Hold Time (s), ACW (s), Handle Time [min] (10.2 = 612 s),
    # Abandoned (Y/N). Handle [min] x 60 equals talk + hold + ACW on every row, so AHT is the
    # same whichever the importer uses -- but not if minutes are read as seconds.
    r = load("unit_suffixed_calls.csv")
    accounted(r, 80)
    assert days(r) == ("2025-04-07", "2025-04-18")
    got = values(r, "contacts", "abandonment_rate", "asa", "aht", "service_level")
    expect(got, contacts=80, abandonment_rate=0.175, asa=52.2727, aht=528.1818,
           service_level=0.5125)  # fmt: skip


def test_unit_suffixed_daily_headers() -> None:
    # # Offered, # Answered, # Abandoned, Answered %, ASA (s), AHT (min) (4.7 = 282 s),
    # Service Level (%) (56.6 = 0.566). Averages weighted by # Answered.
    r = load("unit_suffixed_daily.csv")
    accounted(r, 40)
    assert r.dataset.shape == "aggregated"
    assert days(r) == ("2025-05-01", "2025-06-09")
    got = values(r, "contacts", "abandonment_rate", "asa", "aht", "service_level")
    expect(got, contacts=11392, abandonment_rate=0.0876, asa=42.3514, aht=399.6044,
           service_level=0.7447)  # fmt: skip


# --- 7. queue-research call log (Israeli bank style) -------------------------------------------


def test_bank_call_log_clock_columns_and_outcomes() -> None:
    # date 990103 (YYMMDD) + vru_entry 7:02:07; clock columns (q_start, ser_exit ... H:MM:SS,
    # 0:00:00 when unused) are times of day, not durations: wait = q_time, handle = ser_time
    # (seconds). outcome AGENT = answered, HANG = abandoned, PHANTOM (12 rows) = not a real
    # call: ignored, neither offered nor abandoned (the data's own documentation says so).
    # call_id restarts at 1 every day: not a key, no row dropped as a duplicate.
    r = load("bank_calllog.csv")
    accounted(r, 150, quarantined=None)
    rep = r.report
    assert rep.rows_kept >= 138, rep.summary()  # every AGENT/HANG row kept
    if rep.rows_quarantined:  # only phantoms may be set aside, and the reason must say so
        assert rep.rows_quarantined <= 12 and all(
            "phantom" in str(x).lower() for x in rep.quarantine["reason"]
        ), rep.reasons()
    assert days(r) == ("1999-01-03", "1999-01-05")
    got = values(r, "abandonment_rate", "asa", "aht", "service_level")
    expect(got, abandonment_rate=0.1014, asa=165.9677, aht=459.5, service_level=0.2029)


# --- 8. call ids that restart every day ----------------------------------------------------------


def test_call_ids_restarting_daily_keep_every_row() -> None:
    # call_id 1..20 on each of 5 days: 100 different calls. Line 38 repeats line 37 verbatim
    # (a true duplicate: same id, same date and time, same values): that one goes, with a reason.
    r = load("daily_restart_ids.csv")
    accounted(r, 101, quarantined=1)
    assert r.report.rows_kept == 100
    assert days(r) == ("2025-05-05", "2025-05-09")
    got = values(r, "contacts", "abandonment_rate", "asa", "aht")
    expect(got, contacts=100, abandonment_rate=0.21, asa=41.3165, aht=474.038)


# --- 9. monthly aggregated report -----------------------------------------------------------


def test_monthly_report_is_read_at_month_grain() -> None:
    # Month "Apr 2023" ... "Mar 2025" (24 rows), Inbound Calls "3,343" (thousands separator),
    # Abandoned Calls empty for 6 months (not an error: the row is kept), ASA (sec).
    r = load("monthly_report.csv")
    accounted(r, 24)
    assert r.dataset.shape == "aggregated"
    assert days(r) == ("2023-04-01", "2025-03-01")
    assert "month" in grains(r), grains(r)


def test_monthly_abandonment_leaves_out_months_without_a_numerator() -> None:
    # Pooled over the 18 months with an abandoned count: sum(abandoned) / sum(inbound of those
    # months) = 0.2903. Counting the 6 unknown months' inbound calls in the denominator would
    # give 0.1630 (the silent misread of the issue). The result says 6 periods were left out.
    r = load("monthly_report.csv")
    table = compute(r.dataset, kpis=["abandonment_rate", "contacts"], grain="all")
    assert table.value("abandonment_rate") == pytest.approx(0.2903, abs=DP)
    assert table.value("contacts") == pytest.approx(120576, abs=DP)
    assert re.search(r"\b6\b", table.describe("abandonment_rate")), table.describe(
        "abandonment_rate"
    )


def test_monthly_asa_without_answered_count_is_available() -> None:
    # No answered column: ASA must still be given (weighted by inbound - abandoned where known,
    # else equal weights), so it lies between the smallest and largest monthly ASA (25..133 s).
    r = load("monthly_report.csv")
    asa = values(r, "asa")["asa"]
    assert 25 <= asa <= 133, values(r, "asa")


def test_monthly_report_refuses_day_grain_and_works_by_month_and_quarter() -> None:
    r = load("monthly_report.csv")
    with pytest.raises(KpiLabError, match=r"(?i)month"):
        compute(r.dataset, kpis=["abandonment_rate"], grain="day")
    by_month = compute(r.dataset, kpis=["abandonment_rate"], grain="month")
    assert by_month.value("abandonment_rate", "2024-06-01") == pytest.approx(0.2853, abs=DP)
    # Q2 2024: April and June known, May empty -> (ab Apr + ab Jun) / (in Apr + in Jun).
    by_quarter = compute(r.dataset, kpis=["abandonment_rate"], grain="quarter")
    assert by_quarter.value("abandonment_rate", "2024-04-01") == pytest.approx(0.3110, abs=DP)


# --- 10. weekly aggregated report ------------------------------------------------------------


def test_weekly_report_service_level_and_abandonment() -> None:
    # Week starting 2025-01-06 ... 2025-06-30 (26 weeks); Offered = Answered + Abandoned.
    # Service level = sum(Answered within 20s) / sum(Answered + Abandoned) = 0.6936 (the app's
    # default variant; within / answered only would be a different, "answered-only" figure).
    r = load("weekly_report.csv")
    accounted(r, 26)
    assert r.dataset.shape == "aggregated"
    assert days(r) == ("2025-01-06", "2025-06-30")
    assert "week" in grains(r), grains(r)
    got = values(r, "contacts", "abandonment_rate", "service_level", "aht")
    expect(got, contacts=45470, abandonment_rate=0.0924, service_level=0.6936, aht=400.9323)
    weekly = compute(r.dataset, kpis=["abandonment_rate", "service_level"], grain="week")
    assert weekly.value("abandonment_rate", "2025-01-20") == pytest.approx(0.1249, abs=DP)
    assert weekly.value("service_level", "2025-01-20") == pytest.approx(0.7943, abs=DP)


# --- 11. daily aggregated report, mm:ss averages ---------------------------------------------


def test_daily_report_mmss_average_handle_time() -> None:
    # "05:56" is 5 min 56 s (356 s), not 5 h 56 min. AHT weighted by Calls Handled.
    r = load("daily_report.csv")
    accounted(r, 60)
    assert r.dataset.shape == "aggregated"
    assert days(r) == ("2025-01-01", "2025-03-01")
    assert "day" in grains(r), grains(r)
    got = values(r, "contacts", "aht")
    expect(got, contacts=11141, aht=369.4899)


# --- 12-14. ticket exports ---------------------------------------------------------------------


def test_zendesk_tickets() -> None:
    # Created at / Solved at (18 unsolved: empty), Priority (8 blank = normal target), First
    # reply time in minutes, Full resolution time in minutes (= Solved at - Created at), and
    # Satisfaction Score good/bad/offered/unoffered. Resolution over the 62 solved tickets.
    r = load("zendesk_tickets.csv")
    accounted(r, 80)
    assert days(r) == ("2025-02-03", "2025-02-28")
    got = values(r, "resolution_time", "resolution_time_median", "response_sla", "frt")
    expect(got, resolution_time=151768.0645, resolution_time_median=155010.0,
           response_sla=0.675, frt=29112.75)  # fmt: skip


def test_helpdesk_tickets_are_not_a_survey() -> None:
    # The file: Ticket_ID, Created_Date, Priority (Critical/High/Medium/Low), Status,
    # Channel, First_Response_Time_Hours, Resolution_Time_Hours (empty while open), CSAT_Score.
    # Hours -> seconds. Response SLA by priority: 0.4 (0.4571 if every ticket got the normal
    # 8 h target, i.e. if Priority were not read).
    r = load("helpdesk_tickets.csv")
    accounted(r, 105)
    assert r.dataset.shape == "interactions"
    assert days(r) == ("2025-03-03", "2025-03-21")
    got = values(r, "resolution_time", "resolution_time_median", "response_sla", "frt", "csat")
    expect(got, resolution_time=211556.0656, resolution_time_median=200628.0,
           response_sla=0.4, frt=37492.4571, csat=2.7895)  # fmt: skip


def test_freshdesk_timestamps_give_durations_by_difference() -> None:
    # Created time, Initial response time, Resolved time are timestamps: first response =
    # initial - created, resolution = resolved - created (52 resolved). Due by Time, Closed time
    # and Last update time are other timestamps, not the resolution.
    r = load("freshdesk_tickets.csv")
    accounted(r, 80)
    assert days(r) == ("2025-03-03", "2025-03-14")
    got = values(r, "resolution_time", "resolution_time_median", "response_sla", "frt")
    expect(got, resolution_time=148452.0577, resolution_time_median=143270.0,
           response_sla=0.5875, frt=32131.65)  # fmt: skip


def test_first_response_timestamps_without_creation_time() -> None:
    # A ticket log with the day each ticket was logged (Date, no time of day), a "First
    # response at" timestamp (empty on 16 New tickets) and "Updated": there is no creation
    # time, so no first-response duration can be computed. The timestamps must not be read as
    # durations (that quarantined most of a real file), no row may be quarantined for it, and
    # the report must say why first response time is not available. Counting from midnight of
    # the Date ("First response at" - Date) is not a response time: it adds the hours between
    # midnight and the (unknown) creation time to every ticket.
    r = load("servicenow_first_response_only.csv")
    accounted(r, 54)
    assert days(r) == ("2025-04-01", "2025-04-11")
    f = r.dataset.frame
    assert "first_response_seconds" not in f.columns or f["first_response_seconds"].isna().all()
    assert re.search(r"first.?response", text(r)), text(r)


# --- 15. outcome columns -------------------------------------------------------------------


def test_outcome_status_answered_abandoned_voicemail() -> None:
    # Status ANSWERED (70) / ABANDONED (13) / VOICEMAIL (7): voicemail callers queued and were
    # offered, but were neither answered nor abandoned -> abandonment 13/90.
    r = load("outcome_status.csv")
    accounted(r, 90)
    assert days(r) == ("2025-06-02", "2025-06-13")
    got = values(r, "contacts", "abandonment_rate", "asa")
    expect(got, contacts=90, abandonment_rate=0.1444, asa=52.1571)


def test_outcome_handled_abandoned_short_abandon() -> None:
    # Call Result Handled (62) / Abandoned (13) / Short abandon (15, queue time < 10 s). A short
    # abandon is an abandon: the abandonment definition counts short abandons unless the setting
    # exclude_short_abandons drops them (round 4 of the blind exports; it was "ignore" before,
    # which applied that setting behind the user's back) -> 28/90. Queue Time / Handle Time are
    # H:MM:SS durations.
    r = load("outcome_handled.csv")
    accounted(r, 90, quarantined=None)
    assert r.report.rows_kept >= 75, r.report.summary()
    assert days(r) == ("2025-06-02", "2025-06-13")
    got = values(r, "abandonment_rate", "asa", "aht")
    expect(got, abandonment_rate=0.3111, asa=53.8226, aht=487.8871)


def test_outcome_disconnect_reason_with_wait_column() -> None:
    # disconnect_reason CUSTOMER_DISCONNECT / AGENT_DISCONNECT / CONTACT_FLOW_DISCONNECT plus a
    # wait column. Abandoned = customer hung up before any agent (no agent, no talk): 12. A
    # customer who hangs up after talking to an agent was answered; CONTACT_FLOW_DISCONNECT (4,
    # empty wait) never queued and is not offered -> 12/76.
    r = load("outcome_disconnect.csv")
    accounted(r, 80)
    assert days(r) == ("2025-06-16", "2025-06-27")
    got = values(r, "abandonment_rate", "asa")
    expect(got, abandonment_rate=0.1579, asa=52.8281)


# --- 16. spreadsheets ----------------------------------------------------------------------


def test_libreoffice_ods_is_read() -> None:
    r = load("calls.ods")
    accounted(r, 40)
    assert days(r) == ("2025-07-01", "2025-07-10")
    got = values(r, "contacts", "abandonment_rate", "asa", "aht")
    expect(got, contacts=40, abandonment_rate=0.175, asa=42.0303, aht=463.697)


def test_xlsx_with_title_rows_and_totals_row() -> None:
    # Two title lines above the header; 30 daily rows; a "Total" row at the bottom that must
    # not be counted as a day (contacts would double to 18,600).
    r = load("titled_totals.xlsx")
    rep = r.report
    assert rep.rows_kept == 30, rep.summary()
    assert rep.rows_read in (30, 31), rep.summary()
    assert rep.rows_kept + rep.rows_quarantined == rep.rows_read
    assert days(r) == ("2025-03-01", "2025-03-30")
    got = values(r, "contacts", "abandonment_rate", "asa")
    expect(got, contacts=9300, abandonment_rate=0.0978, asa=51.6287)


# --- 17. days with no contacts -------------------------------------------------------------


def test_weekend_days_have_zero_contacts_and_no_rates() -> None:
    # Calls Monday-Friday only, 1-19 Sep 2025. Saturday 6 and Sunday 7 Sep: 0 contacts,
    # abandonment missing (no calls to rate), not interpolated and not absent.
    r = load("weekday_calls.csv")
    accounted(r, 98)
    assert days(r) == ("2025-09-01", "2025-09-19")
    daily = compute(r.dataset, kpis=["contacts", "abandonment_rate"], grain="day")
    assert daily.value("contacts", "2025-09-05") == 6
    assert daily.value("abandonment_rate", "2025-09-05") == pytest.approx(0.1667, abs=DP)
    assert daily.value("contacts", "2025-09-06") == 0
    assert daily.value("contacts", "2025-09-07") == 0
    assert math.isnan(daily.value("abandonment_rate", "2025-09-06"))
    wide = daily.wide()
    assert len(wide) == 19 and pd.Timestamp("2025-09-06") in set(wide["date"]), wide
    got = values(r, "contacts", "abandonment_rate", "asa")
    expect(got, contacts=98, abandonment_rate=0.1327, asa=53.4706)

"""Ninth blind acceptance suite: help-desk / ticket exports, survey exports and file quirks.

The files in ``tests/data/exports9/`` are written by ``make_exports.py`` there (deterministic,
seeded). Every expected number is a literal computed with plain Python over the records the
generator drew (``make_exports.py --expected``), never with KPI Lab code. Definitions (the
registry's, kpi/metrics/registry.py, tickets.py and sql.py): contacts = every ticket / response;
FRT = mean seconds to the first reply of replied tickets; resolution time = mean / median seconds
from creation to *resolved* (calendar time); SLA compliance with the default targets (urgent
1/4 h, high 4/24 h, normal 8/72 h, low 24/120 h; no priority = normal): within ÷ (tickets with
the time + open tickets older than their target at the data's end); backlog over the whole file =
the level at the end of the last creation day (open tickets + tickets solved after that day,
closed-status tickets with no solved time left out); CSAT mean of 1-5 (Zendesk good/bad = 5/1),
top-2 box = share >= 4; NPS = 100 × (promoters 9-10 − detractors 0-6) ÷ responses; CES = mean.

Definition choices that are ambiguous, and the one taken:
* the "data's end" for open tickets in the SLAs is the latest creation *or solved timestamp
  column* (plan._data_end); a file with resolution durations but no solved timestamp (the
  Spanish export) ends at its last creation -- the derived solved moments do not count;
* a file with no priority column (Gorgias) has no SLA figure at all (the KPIs require the
  column), although the settings say "no priority = the normal target": not asserted;
* footer / metadata lines (Salesforce report footer, survey question-text rows) are rows read
  and set aside with a reason, as in rounds 3 and 7.

Only the public API is used: ``kpi.ingest.read_files`` and ``kpi.engine.compute``.
"""

from __future__ import annotations

import pytest
from exports_check import accounted, days, expect, reader, starts, values

load = reader("exports9")
MAY = ("2024-05-06", "2024-05-17")
TICKET_SLAS = ("response_sla", "resolution_sla", "backlog")


# --- 1. ServiceNow incident list (field names) ---------------------------------------------------------


def test_servicenow_resolution_uses_resolved_at_not_closed_at() -> None:
    # closed_at is 7 days after resolved_at (auto-close); business_stc is a business-hours
    # distractor; 7 Canceled incidents have a closed_at but were never resolved.
    r = load("servicenow_incidents.csv")
    accounted(r, 60)
    assert days(r) == MAY
    expect(values(r, "contacts", "resolution_time", "resolution_time_median"), contacts=60,
           resolution_time=164660.0, resolution_time_median=120840.0)  # fmt: skip


def test_servicenow_resolution_sla_and_backlog() -> None:
    # "1 - Critical" .. "5 - Planning"; Canceled (closed, unresolved) is neither open nor judged.
    r = load("servicenow_incidents.csv")
    expect(values(r, "resolution_sla", "backlog"), resolution_sla=0.4615, backlog=23)


# --- 2. Jira Service Management: SLA fields hold the time remaining ("-2h 15m" = breached) ---------

_JSM_RESOLUTION = (
    "kpi/ingest/automap.py _synonyms/_State.find maps Jira's 'Resolution' column (the "
    "resolution NAME: 'Done') to resolution_seconds: the synonym 'resolution_seconds' has "
    "headers.header_key 'resolution' (the '_seconds' unit is stripped), equal to "
    "header_key('Resolution'), and _State.fits accepts any non-timestamp values for a duration. "
    "The 36 resolved tickets are quarantined as 'unparseable resolution_seconds' and the "
    "'Resolved' - 'Created' rule of automap._tickets is skipped (resolution already mapped): "
    "resolution_time NaN, expected 217743.3333 (median 154710.0), csat NaN (its rated tickets "
    "are among those quarantined), expected 4.0385. Fix: for a duration target require values "
    "that parse as durations in _State.fits, and match the canonical name only by norm() "
    "equality, not by its unit-stripped key"
)
_JSM_NEGATIVE = (
    "43 of 50 tickets quarantined: 36 by the 'Resolution' = 'Done' defect (see the resolution "
    "test) and 7 as 'negative first_response_seconds' (validate.range_reasons): automap maps "
    "JSM's SLA field 'Time to first response' (time REMAINING to the goal, '-12h 18m' = "
    "breached) as an elapsed first response, and parsers keep the sign, so each breached ticket "
    "is dropped whole. Expected 50 kept, 0 quarantined; got 7 kept. Fix: a negative duration "
    "in a ticket field should null that cell (with a warning), not quarantine the ticket; and a "
    "Jira 'Time to ...' SLA column with signed values should not be read as elapsed time"
)


def test_jsm_breached_sla_cells_do_not_drop_tickets() -> None:
    r = load("jsm_sla_remaining.csv")
    accounted(r, 50, quarantined=0)
    assert days(r) == MAY
    expect(values(r, "contacts"), contacts=50)
    # "Time to first response" is the time left on the SLA: not read as the time taken.
    assert r.mapping.get("first_response_seconds") is None
    assert any("holds negative times (time left on an SLA" in n for n in r.report.notes)


def test_jsm_resolution_from_resolved_timestamp() -> None:
    r = load("jsm_sla_remaining.csv")
    expect(values(r, "resolution_time", "resolution_time_median", "csat"),
           resolution_time=217743.3333, resolution_time_median=154710.0, csat=4.0385)  # fmt: skip


# --- 3. Salesforce case report: footer lines, "Age (Hours)", 0/1 checkboxes --------------------------


def test_salesforce_case_report_footer_lines_set_aside() -> None:
    # Grand Totals, report name, copyright, confidentiality, "Generated By", company: 6 lines.
    r = load("salesforce_case_report.csv")
    accounted(r, 66, quarantined=6)
    assert r.report.rows_kept == 60
    assert days(r) == MAY
    expect(values(r, "contacts"), contacts=60)


def test_salesforce_age_hours_is_not_resolution() -> None:
    # "Age (Hours)" keeps counting for open cases (to the report run): resolution comes from
    # Closed Date - Opened Date ("5/13/2024 2:05 PM"); "Closed" 0/1 is not a solved time.
    r = load("salesforce_case_report.csv")
    expect(values(r, "resolution_time", "resolution_time_median", "resolution_sla", "backlog"),
           resolution_time=157165.0, resolution_time_median=109590.0, resolution_sla=0.55,
           backlog=21)  # fmt: skip


def test_salesforce_escalated_checkbox() -> None:
    r = load("salesforce_case_report.csv")
    expect(values(r, "escalation_rate"), escalation_rate=0.2167)


# --- 4. Zendesk satisfaction ratings (good / bad / offered) ----------------------------------------

_ZD_SCORE = (
    "csat unavailable (expected csat 3.5517, csat_top2 0.6379 over 58 good/bad ratings): the "
    "ratings export's column is 'score' (good/bad/offered) and headers.INTERACTION_SYNONYMS"
    "['csat'] has no 'score', and kpi/ingest/automap.py has no value-based rule, although "
    "parsers.parse_score already reads good/bad as 5/1 and offered as no response. Fix: in "
    "automap, map an unmapped column whose values are all good/bad/offered/unoffered (parsers "
    "_CSAT_WORDS | _NO_RESPONSE, at least one good/bad) to csat"
)


def test_zendesk_ratings_rows_and_days() -> None:
    r = load("zendesk_satisfaction_ratings.csv")
    accounted(r, 70)
    assert days(r) == MAY
    expect(values(r, "contacts"), contacts=70)


def test_zendesk_ratings_good_bad_score_is_csat() -> None:
    r = load("zendesk_satisfaction_ratings.csv")
    expect(values(r, "csat", "csat_top2"), csat=3.5517, csat_top2=0.6379)


# --- 5. Qualtrics: three header rows (names, question texts, ImportId JSON) --------------------------

_QUALTRICS = (
    "nps and csat unavailable (expected nps 8.3333 over 60 responses, csat 3.4615): the reader "
    "takes row 1 (StartDate, ..., Q1, Q1_NPS_GROUP, Q3) as the header and rows 2-3 (question "
    'texts, {"ImportId": ...} JSON) as data, quarantined as \'missing or unparseable '
    "start_time'; 'Q1' / 'Q3' match no synonym, and the question text that names them ('How "
    "likely are you to recommend ...', 'how satisfied ...') is never read. kpi/ingest/rows.py "
    "knows only a group row ABOVE the names. Fix: recognise Qualtrics' layout (a row whose "
    "cells are all ImportId JSON under a row of texts) as header rows, match fields on the "
    "question text, and read a column with a '<col>_NPS_GROUP' sibling as nps"
)


def test_qualtrics_metadata_rows_are_not_responses() -> None:
    r = load("qualtrics_nps.csv")
    accounted(r, 62, quarantined=2)  # the question-text and ImportId rows, set aside
    assert r.report.rows_kept == 60
    assert days(r) == MAY
    expect(values(r, "contacts"), contacts=60)


@pytest.mark.xfail(strict=True, reason=_QUALTRICS)
def test_qualtrics_nps_and_csat_from_question_text() -> None:
    r = load("qualtrics_nps.csv")
    expect(values(r, "nps", "csat"), nps=8.3333, csat=3.4615)


# --- 6. SurveyMonkey: question texts as headers, "Response" row, 12-hour US dates ---------------------

_SURVEYMONKEY = (
    "nps and csat unavailable (expected nps 19.1489 over 47 answers, csat 3.3043 over 46): the "
    "headers are SurveyMonkey's question texts; 'How likely is it that you would recommend "
    "Acme Support to a friend or colleague?' (the standard NPS question) matches no "
    "headers.INTERACTION_SYNONYMS['nps'] entry (only nps / NPS / 'Likelihood to recommend'), "
    "'Overall, how satisfied or dissatisfied are you with the support you received?' no csat "
    "entry. Fix: in automap, match a header containing 'recommend' with 'likely' (0-10 values) "
    "to nps and 'how satisfied' (1-5 values) to csat; recognise the 'Response' / 'Open-Ended "
    "Response' second row as a header row"
)


def test_surveymonkey_second_header_row_and_dates() -> None:
    r = load("surveymonkey_nps_csat.csv")
    accounted(r, 51, quarantined=1)  # the "Response" row under the questions
    assert r.report.rows_kept == 50
    assert days(r) == MAY
    h = starts(r).dt.hour
    assert h.between(8, 17).all(), h.value_counts().sort_index().to_dict()
    expect(values(r, "contacts"), contacts=50)


@pytest.mark.xfail(strict=True, reason=_SURVEYMONKEY)
def test_surveymonkey_question_text_nps_and_csat() -> None:
    r = load("surveymonkey_nps_csat.csv")
    expect(values(r, "nps", "csat"), nps=19.1489, csat=3.3043)


# --- 7. Medallia survey export: NPS, CES and CSAT on their own --------------------------------------

_MEDALLIA = (
    'read_files raises MissingDateColumn "looks like a survey file (contact ids and scores, no '
    "dates)\" although 'Response Date' holds full timestamps: automap._only_date skips it "
    "because _LATER matches 'respon' (a 'first response' word), so start_time stays unmapped; "
    "validate._role then makes the file (contact_id 'Interaction ID' + nps/ces) a survey "
    "sidecar and combine._roles refuses a lone sidecar. Also 'Overall Satisfaction (1-5)' is "
    "no csat synonym (header_key 'overallsatisfaction'). Expected contacts 70, nps 8.8235, "
    "ces 3.3208, csat 3.459. Fix: when a survey-role file is imported alone, read it as the "
    "main file with its response timestamp as start_time (date_candidates), and add "
    "'Overall Satisfaction' to the csat synonyms"
)


@pytest.mark.xfail(strict=True, reason=_MEDALLIA)
def test_medallia_standalone_survey_nps_ces_csat() -> None:
    r = load("medallia_cx_survey.csv")
    accounted(r, 70)
    assert days(r) == MAY
    expect(values(r, "contacts", "nps", "ces", "csat", "csat_top2"), contacts=70, nps=8.8235,
           ces=3.3208, csat=3.459, csat_top2=0.5902)  # fmt: skip


# --- 8. Zoho Desk workbook: summary sheet first, merged title, serial dates, text numbers --------------


def test_zoho_desk_workbook_tickets_sheet() -> None:
    # Sheet "Tickets" (second), merged title + generated line + blank row, Created / Closed Time
    # as Excel serials in General format, hours stored as text, a Total row set aside.
    r = load("zoho_desk_tickets.xlsx")
    accounted(r, 51, quarantined=1)
    assert days(r) == MAY
    expect(values(r, "contacts", "frt", "resolution_time", "resolution_time_median"),
           contacts=50, frt=25366.6957, resolution_time=162103.7647,
           resolution_time_median=88020.0)  # fmt: skip


def test_zoho_desk_workbook_slas_and_backlog() -> None:
    r = load("zoho_desk_tickets.xlsx")
    expect(values(r, *TICKET_SLAS), response_sla=0.68, resolution_sla=0.5, backlog=22)


# --- 9. Gorgias saved for Excel: UTF-8 BOM, "sep=;" line, CRLF, decimal commas -------------------------


def test_gorgias_bom_sep_hint_crlf_decimal_comma() -> None:
    # No priority column: the SLA KPIs are unavailable by design (not asserted).
    r = load("gorgias_excel_sep.csv")
    accounted(r, 60)
    assert days(r) == MAY
    expect(values(r, "contacts", "frt", "resolution_time", "resolution_time_median", "csat",
                  "csat_top2", "backlog"),
           contacts=60, frt=25916.8421, resolution_time=209367.2093,
           resolution_time_median=181260.0, csat=3.8333, csat_top2=0.6333, backlog=22)  # fmt: skip


# --- 10. Spanish ticket export in Latin-1 ----------------------------------------------------------------


def test_spanish_latin1_ticket_export() -> None:
    r = load("tickets_soporte_latin1.csv")
    accounted(r, 50)
    assert days(r) == MAY
    assert "Íñigo Peña" in set(r.dataset.frame["agent_id"].dropna().astype(str))
    expect(values(r, "contacts", "frt", "resolution_time", "resolution_time_median", "csat"),
           contacts=50, frt=33651.1364, resolution_time=229806.0,
           resolution_time_median=174780.0, csat=3.6818)  # fmt: skip


def test_spanish_latin1_slas_and_backlog() -> None:
    # Resolution in hours only (no solved timestamp): the data's end is the last creation.
    r = load("tickets_soporte_latin1.csv")
    expect(values(r, *TICKET_SLAS), response_sla=0.4375, resolution_sla=0.2979, backlog=29)


# --- 11. Freshdesk "All tickets": multi-line quoted descriptions, CRLF, trailing blank line -------------


def test_freshdesk_multiline_descriptions_crlf() -> None:
    # "Time tracked" 00:45 is logged agent time, not a response; "Closed time" comes after the
    # resolve; Agent / Customer interactions are counts.
    r = load("freshdesk_multiline_crlf.csv")
    accounted(r, 60)
    assert days(r) == MAY
    expect(values(r, "contacts", "frt", "resolution_time", "resolution_time_median"),
           contacts=60, frt=23141.8868, resolution_time=171656.7273,
           resolution_time_median=109368.0)  # fmt: skip


def test_freshdesk_multiline_slas_and_backlog() -> None:
    r = load("freshdesk_multiline_crlf.csv")
    expect(values(r, *TICKET_SLAS), response_sla=0.65, resolution_sla=0.2667, backlog=34)


# --- 12. Warehouse parquet: Europe/Paris tz-aware timestamps, categorical columns -----------------------

_CSAT_RATING = (
    "csat unavailable (expected csat 3.25, csat_top2 0.5556 over 36 ratings): the column "
    "'csat_rating' (int8 1-5) has header_key 'csatrating', and headers.INTERACTION_SYNONYMS"
    "['csat'] holds 'CSAT', 'rating', 'Satisfaction rating' but not 'CSAT rating'; matching is "
    "whole-key only. Fix: add 'CSAT rating' / 'csat_rating' (and 'csat_score' exists already) "
    "to the csat synonyms"
)


def test_parquet_tz_aware_categorical_tickets() -> None:
    r = load("tickets_warehouse_tz.parquet")
    accounted(r, 60)
    assert days(r) == MAY
    h = starts(r).dt.hour  # 08-20 Paris = 06-18 UTC
    assert h.between(6, 17).all(), h.value_counts().sort_index().to_dict()
    expect(values(r, "contacts", "frt", "resolution_time", "resolution_time_median",
                  *TICKET_SLAS),
           contacts=60, frt=21077.3103, resolution_time=166502.8511,
           resolution_time_median=142884.0, response_sla=0.6833, resolution_sla=0.5,
           backlog=23)  # fmt: skip


def test_parquet_csat_rating_column() -> None:
    r = load("tickets_warehouse_tz.parquet")
    expect(values(r, "csat", "csat_top2"), csat=3.25, csat_top2=0.5556)


# --- 13. Zendesk API tickets as JSON lines with a nested metric set ----------------------------------------

_ZD_REPLY = (
    "frt and response_sla unavailable (expected frt 21706.8, response_sla 0.5833): "
    "kpi/ingest/sheets.py _leaf_names keeps 'metric_set.reply_time_in_minutes.calendar' / "
    "'.business' dotted (the leaf 'calendar' repeats), and no synonym matches that key; the "
    "parent 'reply_time_in_minutes' (header_key 'replytime', unit min = synonym 'Reply Time') "
    "is never tried. Fix: for a {calendar, business} object name the calendar leaf after its "
    "parent ('reply_time_in_minutes') and leave the business figure aside"
)
_ZD_NESTED_SCORE = (
    "csat unavailable (expected csat 4.0476, csat_top2 0.7619 over 21 good/bad): sheets."
    "_leaf_names renames 'satisfaction_rating.score' to 'score' ('score' is not in "
    "_GENERIC_LEAVES), dropping the parent that IS a csat synonym ('Satisfaction rating'); "
    "'score' matches nothing. Fix: add 'score' (and 'rating') to _GENERIC_LEAVES so the parent "
    "is kept, or try the parent's name when the leaf matches no field; a value rule for "
    "good/bad/offered (see the Zendesk ratings test) would also catch it"
)


def test_zendesk_api_jsonl_resolution_and_backlog() -> None:
    r = load("zendesk_api_tickets.jsonl")
    accounted(r, 60)
    assert days(r) == MAY
    expect(values(r, "contacts", "resolution_time", "resolution_time_median", "resolution_sla",
                  "backlog"),
           contacts=60, resolution_time=165818.3333, resolution_time_median=103740.0,
           resolution_sla=0.3833, backlog=31)  # fmt: skip


def test_zendesk_api_jsonl_reply_time_calendar_minutes() -> None:
    r = load("zendesk_api_tickets.jsonl")
    expect(values(r, "frt", "response_sla"), frt=21706.8, response_sla=0.5833)


def test_zendesk_api_jsonl_satisfaction_score() -> None:
    r = load("zendesk_api_tickets.jsonl")
    expect(values(r, "csat", "csat_top2"), csat=4.0476, csat_top2=0.7619)

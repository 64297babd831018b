"""Eighth blind acceptance suite: voice / contact-centre platforms and their summary reports.

The files in ``tests/data/exports8/`` are written by ``make_exports.py`` there (deterministic,
seeded). Every expected number is a literal computed with plain Python over the records the
generator drew (``make_exports.py --expected``), never with KPI Lab code. Definitions are the
registry's defaults (see the generator's docstring): contacts = rows starting a transfer chain
(every row without a master / parent id; an outbound dial is a contact), abandonment over
inbound queued contacts (timeouts / overflows / voicemail are offered, neither answered nor
abandoned), service level 20 s abandons negative, AHT over handled contacts (inbound answered,
outbound connected); summary reports re-weighted by answered, an answered-within count gives
within / (answered + abandoned).

The round found these importer defects, each marked ``xfail(strict=True)`` with its diagnosis:
Genesys' singular "Transfer" count, Cisco CUIC's "Svc Lvl Calls" / "Return Busy", RingCX's
"Call Result" with dialer values (MACHINE, INTERCEPT), Microsoft Teams' "Call Queue Call Result"
and its snake_case values, "Avg Speed to Answer" and Dialpad's "Call Center" segment, the week
label "Week 14 - 2024", Dutch "Gem." abbreviations, a report with only an abandon percentage,
French month labels ("janv. 2024") and French headers ("Appels présentés", "Appels décrochés",
"Délai moyen de décroché", "Taux de service").

Only the public API is used: ``kpi.ingest.read_files`` and ``kpi.engine.compute``.
"""

from __future__ import annotations

from exports_check import accounted, days, expect, grains, office_hours, reader, starts, values

load = reader("exports8")
JUNE = ("2024-06-03", "2024-06-14")
QUEUE_KPIS = ("contacts", "abandonment_rate", "asa", "aht", "service_level")


# --- 1. Genesys Cloud Queue Performance Detail: 30-min intervals, milliseconds, fractions ---------

_GQ = "genesys_queue_interval_ms.csv"


def test_genesys_interval_ms_dates_and_grain() -> None:
    r = load(_GQ)
    accounted(r, 20)
    assert days(r) == ("2024-06-11", "2024-06-11")
    assert "interval" in grains(r), grains(r)
    d = starts(r).sort_values()
    assert str(d.iloc[0]) == "2024-06-11 12:00:00"
    assert str(d.iloc[-1]) == "2024-06-11 16:30:00"


def test_genesys_interval_ms_counts() -> None:
    r = load(_GQ)
    expect(values(r, "contacts", "abandonment_rate"), contacts=559, abandonment_rate=0.0447)


def test_genesys_interval_ms_averages_in_milliseconds() -> None:
    # ASA 51480.25 / Avg Handle 461816.0 are milliseconds (Genesys CSV export).
    r = load(_GQ)
    expect(values(r, "asa", "aht", "talk_time"), asa=61.3554, aht=375.0026, talk_time=296.2778)


def test_genesys_interval_service_level_fraction() -> None:
    # "Service Level %" 0.7083 is a fraction; "Service Level Target %" 0.8 is not the level.
    r = load(_GQ)
    expect(values(r, "service_level"), service_level=0.6989)


def test_genesys_interval_transfer_count() -> None:
    r = load(_GQ)
    expect(values(r, "transfer_rate"), transfer_rate=0.0581)


# --- 2. Cisco CUIC call type historical half-hours: 12-hour clock, totals beside averages -----------

_CUIC = "cuic_call_type_interval.csv"


def test_cuic_interval_twelve_hour_clock() -> None:
    r = load(_CUIC)
    accounted(r, 16)
    assert days(r) == ("2024-06-12", "2024-06-13")
    assert "interval" in grains(r), grains(r)
    h = sorted(set(starts(r).dt.strftime("%H:%M")))
    assert h == ["10:00", "10:30", "11:00", "11:30", "12:00", "12:30", "13:00", "13:30"], h


def test_cuic_interval_volumes_and_averages() -> None:
    # ASA / AHT are the averages, not the period totals "Answer Wait Time" / "Handle Time".
    r = load(_CUIC)
    expect(values(r, "contacts", "abandonment_rate", "asa", "aht"), contacts=590,
           abandonment_rate=0.0593, asa=49.4126, aht=361.2162)  # fmt: skip


def test_cuic_svc_lvl_calls_count() -> None:
    r = load(_CUIC)
    expect(values(r, "service_level"), service_level=0.7203)


def test_cuic_return_busy_is_blocked() -> None:
    r = load(_CUIC)
    expect(values(r, "blocked_rate"), blocked_rate=0.015)


# --- 3. NICE CXone contact detail: master_contact_id transfer legs ------------------------------------

_CX = "cxone_contact_detail.csv"


def test_cxone_contact_detail_rows_and_days() -> None:
    r = load(_CX)
    accounted(r, 69)
    assert days(r) == JUNE
    office_hours(r)


def test_cxone_master_contact_id_counts_chains_once() -> None:
    # 60 first legs + 9 transfer legs whose master_contact_id names the first leg.
    r = load(_CX)
    expect(values(r, "contacts"), contacts=60)


def test_cxone_contact_detail_queue_kpis() -> None:
    # Every leg is a queued, answered or abandoned inbound row (the registry's SQL).
    r = load(_CX)
    expect(values(r, "abandonment_rate", "asa", "aht", "service_level"),
           abandonment_rate=0.1304, asa=45.2, aht=452.8167, service_level=0.5942)  # fmt: skip


# --- 4. RingCentral RingCX call details: inbound queue + outbound dialer -------------------------------

_RCX = "ringcx_call_details.csv"
_RCX_WHY = (
    "kpi/ingest/outcomes.py propose_rule rejects 'Call Result' (an outcome name): its distinct "
    "values are ANSWER, ABANDON, NOANSWER, BUSY (known) and MACHINE, INTERCEPT (RingCX dialer "
    "results, unknown to _EXACT), so only 4/6 = 67% are known, under the 80% a named column "
    "needs; no answered / abandoned column is mapped. "
)


def test_ringcx_rows_days_direction() -> None:
    r = load(_RCX)
    accounted(r, 80)
    assert days(r) == JUNE
    office_hours(r)
    assert (r.dataset.frame["direction"] == "inbound").sum() == 40


def test_ringcx_inbound_kpis() -> None:
    # Outbound NOANSWER / MACHINE / BUSY / INTERCEPT are not inbound abandons.
    r = load(_RCX)
    expect(values(r, "contacts", "abandonment_rate", "asa", "service_level"), contacts=80,
           abandonment_rate=0.175, asa=47.3636, service_level=0.525)  # fmt: skip


def test_ringcx_aht_counts_connected_outbound_only() -> None:
    r = load(_RCX)
    expect(values(r, "aht"), aht=406.1633)


# --- 5. Vonage Contact Center interaction log: mm:ss beyond 60 minutes --------------------------------

_VCC = "vonage_cc_interactions.csv"


def test_vonage_uk_dates() -> None:
    r = load(_VCC)
    accounted(r, 70)
    assert days(r) == JUNE
    office_hours(r)


def test_vonage_minutes_seconds_over_an_hour() -> None:
    # "Talk Time" "75:12" = 75 min 12 s (8 calls over an hour); "00:36" = 36 s, not 36 minutes.
    r = load(_VCC)
    expect(values(r, *QUEUE_KPIS), contacts=70, abandonment_rate=0.1286, asa=47.5965,
           aht=1180.7368, service_level=0.5455)  # fmt: skip


# --- 6. Microsoft Teams call queue analytics (Power BI export) -----------------------------------------

_TEAMS = "teams_call_queue_powerbi.csv"
_TEAMS_WHY = (
    "No outcome is mapped: kpi/ingest/outcomes.py OUTCOME_NAMES matches header keys exactly, "
    "so 'Call Queue Call Result' (key callqueuecallresult) is not an outcome name, and none "
    "of its values is in _EXACT (agent_joined_conference, transferred_to_agent, disconnected, "
    "timed_out, overflown), so propose_rule returns None. Fix: accept header keys ending in "
    "'callresult' / 'result' and add Teams' values: agent_joined_conference / "
    "transferred_to_agent = answered, disconnected = hangup (abandoned without an agent), "
    "timed_out / overflown = voicemail (sent on to the timeout / overflow target: offered, "
    "neither answered nor abandoned -- our reading; 'ignore' would drop them from the "
    "denominator), failed / error = ignore. With that rule given by hand the engine gives "
    "every expected value. "
)


def test_teams_powerbi_contact_rows() -> None:
    # No id column: still one call per row ("6/3/2024 1:28:58 PM", snake_case results).
    r = load(_TEAMS)
    accounted(r, 70)
    assert days(r) == JUNE
    office_hours(r)


def test_teams_answered_and_disconnected() -> None:
    r = load(_TEAMS)
    expect(values(r, "contacts", "asa", "aht", "service_level"), contacts=70, asa=53.6522,
           aht=350.9565, service_level=0.4746)  # fmt: skip


def test_teams_timed_out_overflown_are_offered() -> None:
    # 13 disconnected of 70 offered; the 11 timed_out / overflown calls waited in the queue and
    # were sent on: offered, not abandoned.
    r = load(_TEAMS)
    expect(values(r, "abandonment_rate"), abandonment_rate=0.1857)


# --- 7. Twilio Flex Insights conversations --------------------------------------------------------------

_FLEX = "flex_insights_conversations.csv"


def test_flex_insights_queue_kpis() -> None:
    r = load(_FLEX)
    accounted(r, 70)
    assert days(r) == JUNE
    office_hours(r)
    expect(values(r, *QUEUE_KPIS), contacts=70, abandonment_rate=0.0714, asa=56.4423,
           aht=413.3333, service_level=0.5536)  # fmt: skip


def test_flex_insights_transfer_count_and_csat() -> None:
    # "Transfers" 0 / 1 / 2 is a count: transferred when above 0; "CSAT" 1-5.
    r = load(_FLEX)
    expect(values(r, "transfer_rate", "csat"), transfer_rate=0.3333, csat=3.7778)


# --- 8. Dialpad call center daily stats: decimal minutes, Missed ----------------------------------------

_DP = "dialpad_callcenter_daily.csv"


def test_dialpad_daily_decimal_minutes() -> None:
    # "Missed" is a third outcome (offered > answered + abandoned); AHT "6.316667" minutes.
    r = load(_DP)
    accounted(r, 20)
    assert days(r) == JUNE
    assert "day" in grains(r), grains(r)
    expect(values(r, "contacts", "abandonment_rate", "aht", "service_level"), contacts=1213,
           abandonment_rate=0.0676, aht=379.8299, service_level=0.6857)  # fmt: skip


def test_dialpad_avg_speed_to_answer_minutes() -> None:
    r = load(_DP)
    expect(values(r, "asa"), asa=41.7394)


def test_dialpad_call_center_is_the_queue_segment() -> None:
    r = load(_DP)
    assert set(r.dataset.frame["queue"].astype(str)) == {"Support", "Sales"}


# --- 9. Dutch weekly report with only an abandon percentage ----------------------------------------------

_NL = "weekrapport_verlaten_pct_nl.csv"


_NL_WEEK = (
    "DataError 'all 10 rows were quarantined (first reason: missing or unparseable date)': "
    "kpi/ingest/grain.py _PATTERNS 'week_first' is (week|wk|...) N,? YYYY -- the separator "
    "between week number and year must be spaces or a comma, so 'Week 14 - 2024' matches no "
    "pattern, parse_periods returns None and the labels are then read as dates. Fix: allow "
    r"'[\s,\-/]+' between number and year (also '2024 - week 14'). "
)


def test_dutch_weekly_labels() -> None:
    r = load(_NL)
    accounted(r, 10)
    assert days(r) == ("2024-04-01", "2024-06-03")
    assert "week" in grains(r), grains(r)
    expect(values(r, "contacts", "service_level"), contacts=8824, service_level=0.7581)


def test_dutch_weekly_averages() -> None:
    r = load(_NL)
    expect(values(r, "asa", "aht"), asa=41.8981, aht=381.4003)


def test_dutch_weekly_abandon_percentage_only() -> None:
    # "% Verlaten" re-weighted by Aangeboden; offered - answered would count the overflows.
    r = load(_NL)
    expect(values(r, "abandonment_rate"), abandonment_rate=0.0546)


# --- 10. French monthly report: "janv. 2024", "85,3 %" -------------------------------------------------------

_FR = "rapport_mensuel_fr.csv"


_FR_MONTHS = (
    "DataError 'all 12 rows were quarantined (first reason: missing or unparseable date)': "
    "kpi/ingest/grain.py _MONTH knows English month names only and the 'month' pattern "
    "[a-z]{3,9} rejects accented letters, so 'janv. 2024', 'févr. 2024', 'mars', 'avr.', "
    "'mai', 'juin 2024' are not period labels (the headers 'Mois' / 'Monat' / 'Mes' / 'Maand' "
    "are synonyms, so the languages are claimed). Fix: add French, German, Spanish and Dutch "
    "month names and abbreviations (janv, févr/fevr, mars, avr, mai, juin, juil, août, sept, "
    "oct, nov, déc; Mär, Mai, Okt, Dez; ene, abr, ago, dic; mrt, mei, okt) matched after "
    "removing accents. "
)


def test_french_monthly_labels() -> None:
    r = load(_FR)
    accounted(r, 12)
    assert days(r) == ("2024-01-01", "2024-06-01")
    assert "month" in grains(r), grains(r)


def test_french_monthly_kpis() -> None:
    r = load(_FR)
    expect(values(r, *QUEUE_KPIS), contacts=29520, abandonment_rate=0.067, asa=42.3419,
           aht=354.9256, service_level=0.7314)  # fmt: skip


# --- 11. Daily report: ISO week column, "Mon 03 Jun 2024", fractions -------------------------------------


def test_daily_week_column_and_weekday_labels() -> None:
    r = load("daily_week_weekday_labels.csv")
    accounted(r, 10)
    assert days(r) == JUNE
    assert "day" in grains(r), grains(r)
    expect(values(r, *QUEUE_KPIS), contacts=4365, abandonment_rate=0.0458, asa=45.6118,
           aht=396.4773, service_level=0.7237)  # fmt: skip


# --- 12. Workbook: hidden notes, hidden column, header comments, empty first intervals ----------------


def test_xlsx_hidden_notes_and_empty_first_intervals() -> None:
    r = load("interval_hidden_notes.xlsx")
    accounted(r, 20, quarantined=None)
    assert days(r) == ("2024-06-12", "2024-06-12")
    assert "interval" in grains(r), grains(r)
    expect(values(r, *QUEUE_KPIS), contacts=314, abandonment_rate=0.0541, asa=66.5724,
           aht=354.9933, service_level=0.7153)  # fmt: skip


# --- 13. Genesys Cloud interactions: multichannel, outbound, H:MM:SS -----------------------------------

_GI = "genesys_interactions_multichannel.csv"


def test_genesys_multichannel_rows_and_direction() -> None:
    r = load(_GI)
    accounted(r, 80)
    assert days(r) == JUNE
    assert (r.dataset.frame["direction"] == "inbound").sum() == 67


def test_genesys_multichannel_kpis() -> None:
    r = load(_GI)
    expect(values(r, *QUEUE_KPIS, "transfer_rate"), contacts=80, abandonment_rate=0.1493,
           asa=41.0351, aht=460.1571, service_level=0.5672, transfer_rate=0.1286)  # fmt: skip

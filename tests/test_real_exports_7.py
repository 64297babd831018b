"""Seventh blind acceptance suite: platform exports and file quirks not covered by rounds 1-6.

The files in ``tests/data/exports7/`` are written by ``make_exports.py`` there (deterministic,
seeded). Every expected number is a literal computed with plain Python over the records the
generator drew (``make_exports.py --expected``), never with KPI Lab code. Definitions are the
registry's defaults (see the generator's docstring): contacts = every row of a contact log (an
outbound dial attempt is a contact), abandonment over inbound queued contacts (voicemail and
queue callbacks are offered, neither answered nor abandoned), service level 20 s abandons
negative, AHT over handled contacts (inbound answered, outbound connected); summary reports
re-weighted by answered, an answered-within count gives within / (answered + abandoned).

The round found nine importer defects (Amazon Connect historical-report names and its "Service
level 60 seconds", Five9 outbound dials to an answering machine counted as handled, German
thousands "2.959" read as decimals, "Customer Rating" as CSAT, flags spelled both Yes/No and 0/1,
"First Call Resolution"); all are fixed, and each test here guards one of them.

Only the public API is used: ``kpi.ingest.read_files`` and ``kpi.engine.compute``.
"""

from __future__ import annotations

from exports_check import accounted, days, expect, grains, office_hours, reader, starts, values

load = reader("exports7")
MAY = ("2024-05-06", "2024-05-17")
QUEUE_KPIS = ("contacts", "abandonment_rate", "asa", "aht", "service_level")


# --- 1. Amazon Connect historical metrics report (queue x day) ------------------------------------

_AC = "amazon_connect_historical_queues.csv"
_AC_VOCAB = (
    "kpi/ingest/headers.py AGGREGATE_SYNONYMS has none of Amazon Connect's historical-metrics "
    "names, and the file stops first at the date: "
)


def test_amazon_connect_historical_dates_and_grain() -> None:
    r = load(_AC)
    accounted(r, 20)
    assert days(r) == MAY
    assert "day" in grains(r), grains(r)
    assert set(r.dataset.frame["queue"].astype(str)) == {"BasicQueue", "Billing"}


def test_amazon_connect_historical_contacts_queued() -> None:
    r = load(_AC)
    expect(values(r, "contacts", "abandonment_rate"), contacts=2777, abandonment_rate=0.0663)


def test_amazon_connect_historical_averages() -> None:
    r = load(_AC)
    expect(values(r, "asa", "aht", "talk_time"), asa=51.4363, aht=368.4511, talk_time=288.5657)


def test_amazon_connect_historical_service_level_60() -> None:
    r = load(_AC)
    expect(values(r, "service_level"), service_level=0.6735)


def test_amazon_connect_historical_transfers_out() -> None:
    r = load(_AC)
    expect(values(r, "transfer_rate"), transfer_rate=0.043)


# --- 2. Mitel MiCC queue performance by 15-minute period -------------------------------------------


def test_mitel_micc_period_report() -> None:
    # Title lines, Date dd/mm/yyyy + Period "08:00 - 08:15", Interflowed calls (offered >
    # handled + abandoned), "Handled %" / "Abandoned %" distractors, a Total row.
    r = load("mitel_micc_queue_period.csv")
    accounted(r, 17, quarantined=1)
    assert days(r) == ("2024-05-14", "2024-05-14")
    assert "interval" in grains(r), grains(r)
    d = starts(r).sort_values()
    assert str(d.iloc[0]) == "2024-05-14 08:00:00"
    assert str(d.iloc[-1]) == "2024-05-14 11:45:00"
    expect(values(r, *QUEUE_KPIS), contacts=356, abandonment_rate=0.0478, asa=43.7723,
           aht=357.3477, service_level=0.7247)  # fmt: skip


# --- 3. Five9 call log: inbound skill calls + an outbound campaign ----------------------------------

_F9 = "five9_inbound_outbound_campaign.csv"


def test_five9_outbound_campaign_leaves_inbound_kpis_alone() -> None:
    # CALL TYPE Manual / Preview / Outbound are outbound: their "Abandon" / "No Answer" do not
    # enter the inbound abandonment, ASA or service level.
    r = load(_F9)
    accounted(r, 90)
    assert days(r) == MAY
    office_hours(r)
    assert (r.dataset.frame["direction"] == "inbound").sum() == 52
    expect(values(r, "contacts", "abandonment_rate", "asa", "service_level"), contacts=90,
           abandonment_rate=0.1538, asa=59.0, service_level=0.5217)  # fmt: skip


def test_five9_outbound_unconnected_dials_are_not_handled() -> None:
    r = load(_F9)
    expect(values(r, "aht"), aht=423.9167)


# --- 4. Excel "Unicode Text": UTF-16 LE, tabs, CRLF, UK day-first dates ------------------------------


def test_excel_unicode_text_utf16_tabs() -> None:
    r = load("excel_unicode_text.txt")
    accounted(r, 70)
    assert days(r) == MAY
    office_hours(r)
    assert "Brontë, Zoë" in set(r.dataset.frame["agent_id"].dropna().astype(str))
    expect(values(r, *QUEUE_KPIS, "transfer_rate"), contacts=70, abandonment_rate=0.2143,
           asa=51.4545, aht=490.5636, service_level=0.5429, transfer_rate=0.0545)  # fmt: skip


# --- 5/6. Daily reports with thousands separators ------------------------------------------------------


def test_daily_thousands_comma_us() -> None:
    # "2,211" quoted counts, AHT "1,126.6" beside "922.5", "Answered Within 30 Sec" a count.
    r = load("daily_thousands_us.csv")
    accounted(r, 10)
    assert days(r) == MAY
    assert "day" in grains(r), grains(r)
    expect(values(r, *QUEUE_KPIS), contacts=23788, abandonment_rate=0.0691, asa=58.0849,
           aht=982.9224, service_level=0.7029)  # fmt: skip


def test_daily_thousands_dot_de_averages() -> None:
    # "1.136,5" (thousands dot + decimal comma) in the averages, "75,3 %".
    r = load("tagesbericht_tausender_de.csv")
    accounted(r, 10)
    assert days(r) == MAY
    assert "day" in grains(r), grains(r)
    expect(values(r, "asa", "aht", "service_level"), asa=49.5189, aht=1073.0561,
           service_level=0.7462)  # fmt: skip


def test_daily_thousands_dot_de_counts() -> None:
    r = load("tagesbericht_tausender_de.csv")
    expect(values(r, "contacts", "abandonment_rate"), contacts=24568, abandonment_rate=0.0582)


# --- 7. Legacy ACD CSV: duplicate header names, trailing empty columns ------------------------------


def test_legacy_duplicate_headers_trailing_empty_columns() -> None:
    r = load("legacy_acd_dup_headers.csv")
    accounted(r, 60)
    assert days(r) == MAY
    office_hours(r)
    expect(values(r, *QUEUE_KPIS, "transfer_rate"), contacts=60, abandonment_rate=0.1833,
           asa=52.4898, aht=512.9184, service_level=0.5167, transfer_rate=0.1429)  # fmt: skip


# --- 8. Titled workbook: Total row, percent-formatted fractions, Excel time durations -------------


def test_xlsx_time_and_percent_formatted_cells() -> None:
    # ASA / AHT are Excel times (fractions of a day shown h:mm:ss), SL a fraction shown "85.3%",
    # Date real date cells; 3 title lines; a last "Total" row set aside.
    r = load("queue_report_time_cells.xlsx")
    accounted(r, 21, quarantined=1)
    assert r.report.rows_kept == 20
    assert days(r) == MAY
    assert "day" in grains(r), grains(r)
    expect(values(r, *QUEUE_KPIS), contacts=1720, abandonment_rate=0.0657, asa=49.6677,
           aht=353.4182, service_level=0.6796)  # fmt: skip


# --- 9. Chat export with message timestamps ----------------------------------------------------------


def test_chat_first_agent_reply_timestamp() -> None:
    # FRT = First Agent Reply - Created (replied chats only); resolution = Closed - Created.
    r = load("chat_conversations.csv")
    accounted(r, 60)
    assert days(r) == MAY
    expect(values(r, "contacts", "frt", "resolution_time"), contacts=60, frt=325.4898,
           resolution_time=1140.45)  # fmt: skip


def test_chat_customer_rating_is_csat() -> None:
    r = load("chat_conversations.csv")
    expect(values(r, "csat"), csat=3.4706)


# --- 10. Queue callback / voicemail heavy outcome column ---------------------------------------------


def test_callback_requests_are_offered_not_abandoned() -> None:
    # 18 "Callback Requested" + 13 "Voicemail" of 80: offered (abandonment denominator), not
    # abandoned, not answered, not in the service-level denominator.
    r = load("callback_voicemail_outcomes.csv")
    accounted(r, 80)
    assert days(r) == MAY
    expect(values(r, *QUEUE_KPIS), contacts=80, abandonment_rate=0.0875, asa=48.2143,
           aht=481.5714, service_level=0.5918)  # fmt: skip


# --- 11. Mixed-case yes/no/y/0/1 flags, no id column ------------------------------------------------

_FLAGS_SHAPE = (
    "read as an AGGREGATED report (1 row kept, 69 quarantined as 'unparseable answered' etc.): "
    "'Call Ref' is not an id synonym, so shape.detect_source_shape asks "
    "shape._rows_are_contacts, which accepts a flag column only when ALL its values are yes/no "
    "words or ALL are 0/1; 'Answered?' mixes Yes/NO/y/N with 1/0 (two systems merged), so the "
    "rows are taken for period counts. With the id renamed 'Call ID' the same flags parse "
    "correctly. Fix: in _rows_are_contacts accept values in _YES_NO | {'0','1'} with at least "
    "one yes/no word"
)


def test_mixed_case_flags_contact_log() -> None:
    r = load("mixed_case_flags.csv")
    accounted(r, 70)
    assert days(r) == MAY
    expect(values(r, *QUEUE_KPIS, "transfer_rate"), contacts=70, abandonment_rate=0.1429,
           asa=50.8833, aht=451.85, service_level=0.5286, transfer_rate=0.1)  # fmt: skip


def test_mixed_case_flags_first_call_resolution() -> None:
    r = load("mixed_case_flags.csv")
    expect(values(r, "fcr"), fcr=0.7167)


# --- 12. Naive local times beside a "+02:00" offset column ----------------------------------------------


def test_local_time_beside_utc_offset_column() -> None:
    # The offset column must not become a duration or shift the days (office hours 08-18 local).
    r = load("local_time_utc_offset.csv")
    accounted(r, 70)
    assert days(r) == MAY
    h = starts(r).dt.hour
    assert h.between(8, 17).all() or h.between(6, 15).all(), h.value_counts().to_dict()
    expect(values(r, *QUEUE_KPIS), contacts=70, abandonment_rate=0.1571, asa=59.4808,
           aht=426.2308, service_level=0.5556)  # fmt: skip


# --- 13. Daily report with whole days missing ------------------------------------------------------------


def test_daily_report_with_gaps_stays_daily() -> None:
    # Rows on 6, 8, 10, 13, 16, 20 and 28 May only (gaps of 2-8 days): still a daily report.
    r = load("daily_report_gaps.csv")
    accounted(r, 7)
    assert days(r) == ("2024-05-06", "2024-05-28")
    assert "day" in grains(r), grains(r)
    expect(values(r, *QUEUE_KPIS), contacts=1985, abandonment_rate=0.0605, asa=58.5142,
           aht=384.9126, service_level=0.7432)  # fmt: skip


# --- 14. Zendesk Explore ticket export ----------------------------------------------------------------------


def test_zendesk_explore_minutes_with_thousands_and_hours() -> None:
    # "First reply time (min)" "1,523.0"; "Full resolution time (hrs)"; created / solved are
    # dates only (not used for durations).
    r = load("zendesk_explore_tickets.csv")
    accounted(r, 50)
    assert days(r) == MAY
    expect(values(r, "contacts", "frt", "resolution_time"), contacts=50, frt=41333.5814,
           resolution_time=272822.4)  # fmt: skip

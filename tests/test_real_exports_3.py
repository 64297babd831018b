"""Third blind acceptance suite: more real-looking export shapes, read with no mapping (#16).

The files in ``tests/data/exports3/`` are written by ``make_exports.py`` (deterministic, seeded).
Every expected number is a literal computed with plain Python over the semantic rows the
generator drew, printed with ``make_exports.py --expected`` -- never with KPI Lab code. Rates are
fractions, durations seconds, compared to 4 decimals. New shapes after rounds 1 and 2: NICE
CXone contact history with a 12-hour "Start Time" column, a RingCentral call log ("Tue
03/04/2025 9:05 AM", a bare "Duration"), Freshdesk with SLA status columns, a Google Sheets
export with spacer rows and a notes line, a semicolon CSV with ISO dates and decimal-comma
seconds, Excel serial-number dates, Parquet with UTC timestamps and millisecond integers, a JSON
array with "1h 2m 3s" durations, and a two-row header (group row + field row).

Conventions: as in ``tests/test_real_exports_2.py`` (abandonment over inbound contacts that
queued; ASA over answered; AHT over handled; service level = answered within 20 s / (answered +
abandoned); first-response targets urgent 1 h, high 4 h, normal 8 h, low 24 h).

Only the public API is used: ``kpi.ingest.read_files`` and ``kpi.engine.compute``.
"""

from __future__ import annotations

from exports_check import accounted, days, expect, reader, text, values

from kpi import ingest

load = reader("exports3")


def starts(r: ingest.ImportResult):  # type: ignore[no-untyped-def]
    frame = r.dataset.frame
    col = "start_ts" if "start_ts" in frame else "start_time"
    return frame[col]


# --- 1. NICE CXone contact history -----------------------------------------------------------------


def test_nice_cxone_twelve_hour_start_time() -> None:
    # "Start Date" 3/4/2025 + "Start Time" "1:24:19 PM" (12-hour clock: 13:24, not 01:24 nor a
    # duration); "Inqueue Time" is the wait, "Agent Time" talk + hold, "PostQueue" ACW;
    # Abandon Y/N.
    r = load("nice_cxone_contacts.csv")
    accounted(r, 70)
    assert days(r) == ("2025-03-03", "2025-03-14")
    assert starts(r).dt.hour.between(8, 17).all(), starts(r).dt.hour.value_counts()
    got = values(r, "contacts", "abandonment_rate", "asa", "aht", "service_level")
    expect(got, contacts=70, abandonment_rate=0.1857, asa=53.5614, aht=516.7018,
           service_level=0.5)  # fmt: skip


# --- 2. RingCentral call log ----------------------------------------------------------------------------


def test_ringcentral_weekday_prefixed_dates_and_bare_duration() -> None:
    # "Date/Time" "Tue 03/04/2025 9:05 AM"; Result Accepted / Missed / Voicemail (inbound) and
    # "Call connected" (outbound: handled, not offered); "Duration" h:mm:ss is the talk time
    # (one call runs past an hour, "1:02:05"). No wait column: no ASA.
    r = load("ringcentral_call_log.csv")
    accounted(r, 70)
    assert days(r) == ("2025-03-03", "2025-03-14")
    assert starts(r).dt.hour.between(8, 17).all()
    got = values(r, "contacts", "abandonment_rate", "aht")
    expect(got, contacts=70, abandonment_rate=0.2063, aht=606.2642)


# --- 3. Freshdesk with SLA status ------------------------------------------------------------------


def test_freshdesk_hours_and_sla_status() -> None:
    # "First response time (in hrs)" / "Resolution time (in hrs)" decimal hours (0.833333 h =
    # 3,000 s, to the second); 11 open tickets with no resolution; "Resolution status" Within
    # SLA / SLA Violated is not an outcome of a call.
    r = load("freshdesk_sla.csv")
    accounted(r, 60)
    assert days(r) == ("2025-03-03", "2025-03-14")
    got = values(r, "frt", "response_sla", "resolution_time", "resolution_time_median")
    expect(got, frt=28070.0, response_sla=0.65, resolution_time=120808.1633,
           resolution_time_median=127800.0)  # fmt: skip


# --- 4. Google Sheets: spacer rows and a notes line -------------------------------------------------


def test_google_sheets_spacer_rows_and_notes_line() -> None:
    # A blank ",,,,," row between days and before the notes (10 in all) and a last "Notes: ..." line: neither is a
    # contact, and the report says both were skipped.
    r = load("gsheets_calls.csv")
    # Every line is accounted for: the 10 spacers and the notes line are set aside with their
    # reason (issue 16: no row is lost without a reason in the import report).
    accounted(r, 71, quarantined=11)
    assert days(r) == ("2025-04-07", "2025-04-18")
    assert "10 blank rows" in text(r), text(r)
    assert "notes: exported from the team tracker" in text(r), text(r)
    got = values(r, "contacts", "abandonment_rate", "asa", "aht", "service_level")
    expect(got, contacts=60, abandonment_rate=0.2167, asa=61.3404, aht=450.9149,
           service_level=0.45)  # fmt: skip


# --- 5. semicolon CSV, ISO dates, decimal comma -----------------------------------------------------


def test_semicolon_iso_dates_decimal_comma_seconds() -> None:
    # ';' with "2025-03-04" + "11:03:53" and seconds written "12,5"; abandoned 1/0.
    r = load("semicolon_iso_decimal.csv")
    accounted(r, 64)
    assert days(r) == ("2025-03-03", "2025-03-12")
    got = values(r, "contacts", "abandonment_rate", "asa", "aht", "service_level")
    expect(got, contacts=64, abandonment_rate=0.0469, asa=51.3033, aht=469.0246,
           service_level=0.625)  # fmt: skip


# --- 6. Excel serial dates ------------------------------------------------------------------------------


def test_excel_serial_number_dates() -> None:
    # "Call Start" 45719.47708333 (plain numbers, not date cells) = 2025-03-03 11:27:00: read to
    # the second, with no float noise (11:26:59.9997); Wait / Handle m:ss text.
    r = load("excel_serial_dates.xlsx")
    accounted(r, 60)
    assert days(r) == ("2025-03-03", "2025-03-14")
    ts = starts(r)
    assert (ts.dt.second == 0).all() and (ts.dt.microsecond == 0).all(), ts.head()
    assert str(ts.min()) == "2025-03-03 11:27:00"
    got = values(r, "contacts", "abandonment_rate", "asa", "aht", "service_level")
    expect(got, contacts=60, abandonment_rate=0.1667, asa=58.8, aht=509.72,
           service_level=0.4833)  # fmt: skip


# --- 7. Parquet, UTC timestamps, millisecond integers --------------------------------------------------


def test_parquet_utc_timestamps_and_ms_integers() -> None:
    # initiated_at timestamp[ms, tz=UTC]; *_duration_ms int64 (milliseconds, "acw_duration_ms"
    # included); disposition COMPLETED / ABANDONED.
    r = load("contacts_tz.parquet")
    accounted(r, 60)
    assert days(r) == ("2025-05-05", "2025-05-16")
    got = values(r, "contacts", "abandonment_rate", "asa", "aht", "service_level")
    expect(got, contacts=60, abandonment_rate=0.15, asa=47.1373, aht=452.6275,
           service_level=0.5667)  # fmt: skip


# --- 8. JSON array, "1h 2m 3s" durations --------------------------------------------------------------


def test_json_array_with_word_durations() -> None:
    # A JSON array of objects (not JSON lines); "started" ISO with Z; waitTime "2m 48s",
    # handleTime "12m 3s".
    r = load("calls_array.json")
    accounted(r, 60)
    assert days(r) == ("2025-06-02", "2025-06-06")
    got = values(r, "contacts", "abandonment_rate", "asa", "aht", "service_level")
    expect(got, contacts=60, abandonment_rate=0.1333, asa=52.3846, aht=501.9231,
           service_level=0.5667)  # fmt: skip


# --- 9. two-row header -------------------------------------------------------------------------------


def test_two_row_header_group_and_field_rows() -> None:
    # "Call, Call, Queue, Queue, Handling, ..." above "ID, Created at, Wait time (s), Answered,
    # Talk time (s), ...": the field row is the header, the group row is not a contact.
    r = load("two_row_header.csv")
    accounted(r, 60)
    assert days(r) == ("2025-02-10", "2025-02-21")
    assert "two header rows" in text(r), text(r)
    got = values(r, "contacts", "abandonment_rate", "asa", "aht", "service_level")
    expect(got, contacts=60, abandonment_rate=0.15, asa=50.8627, aht=485.1176,
           service_level=0.5333)  # fmt: skip

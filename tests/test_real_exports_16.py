"""Sixteenth blind acceptance suite: file-format and value-format quirks of real contact logs.

The files in ``tests/data/exports16/`` are written by ``make_exports.py`` there (deterministic,
seeded). Every expected number is a literal computed with plain Python over the records the
generator drew (``make_exports.py --expected``), never with KPI Lab code. Definitions are the
registry's defaults (see the generator's docstring): contacts = rows of a contact log, sum
offered of a summary; abandonment and service level (20 s, abandons negative) over inbound
queued contacts; ASA over answered; AHT = talk + hold + ACW over handled contacts (inbound
answered, outbound connected); summary averages weighted by answered; FCR over handled contacts
with a flag; CSAT the mean 1-5 rating.

One file has no single right reading: an Excel re-save whose dates ("10/7/24 13:05") never
have a field over 12. Its test asserts what the importer says it assumed, not a date order.

The round found these importer defects, each marked ``xfail(strict=True)`` with its diagnosis:
milliseconds written with thousands separators ("412,345") read as decimal commas, a column of
wrap-up DURATIONS named "wrapup" / "Wrap Up" taken as the topic (wrap-up code), hhmmss digits
in a time-of-day column ("93435") read as seconds past midnight, and Mac Roman text read as
Latin-1. All are fixed now.

Only the public API is used: ``kpi.ingest.read_files`` and ``kpi.engine.compute``.
"""

from __future__ import annotations

from exports_check import accounted, days, expect, office_hours, reader, starts, text, values

load = reader("exports16")
SEP = ("2024-09-02", "2024-09-13")
OCT = ("2024-10-07", "2024-10-18")
KPIS = ("contacts", "abandonment_rate", "asa", "aht", "service_level")


# --- 1. Excel "Unicode Text" (.txt) from an en-AU PC: UTF-16 LE, tabs, "2/09/2024 1:05:09 pm" ----

_AU = "excel_unicode_text_au.txt"


def test_au_unicode_text_rows_days() -> None:
    # Only the last day (13/09/2024) has a first field over 12: day-first, said.
    r = load(_AU)
    accounted(r, 70)
    assert days(r) == SEP
    office_hours(r)  # lower-case "pm" read on the 12-hour clock
    t = text(r)
    assert "utf-16" in t and "tab" in t
    assert "day-first" in t


def test_au_unicode_text_kpis() -> None:
    expect(values(load(_AU), *KPIS), contacts=70, abandonment_rate=0.1286, asa=51.7213,
           aht=478.2787, service_level=0.5714)  # fmt: skip


# --- 2. European CSV: BOM, ";", trailing ";", 07-Oct-2024 + time, decimal-comma minutes, notes --

_EU = "eu_semicolon_notes.csv"


def test_eu_semicolon_rows_days() -> None:
    # Notes with ";", doubled quotes and line breaks stay in their cell: 70 rows, none split.
    r = load(_EU)
    accounted(r, 70)
    assert days(r) == OCT
    office_hours(r)
    assert "bom" in text(r)


def test_eu_semicolon_kpis_decimal_comma_minutes() -> None:
    # "10,98" in "Talk Time (min)" is 658.8 s; the whole second nearest is the one drawn.
    expect(values(load(_EU), *KPIS), contacts=70, abandonment_rate=0.1857, asa=50.2807,
           aht=448.9123, service_level=0.5429)  # fmt: skip


# --- 3. psql unaligned dump: "|", "+00", t / f, intervals, "(70 rows)" footer -------------------

_PSQL = "psql_calls_dump.txt"


def test_psql_dump_rows_days_footer() -> None:
    # The "(70 rows)" footer is no contact: set aside with a reason.
    r = load(_PSQL)
    accounted(r, 71, quarantined=1)
    assert r.report.rows_kept == 70
    assert days(r) == SEP
    office_hours(r)
    expect(values(r, "contacts", "abandonment_rate", "asa", "service_level"), contacts=70,
           abandonment_rate=0.1714, asa=45.5172, service_level=0.5429)  # fmt: skip


def test_psql_dump_aht_with_wrapup() -> None:
    expect(values(load(_PSQL), "aht"), aht=489.3793)


# --- 4. US log: milliseconds with thousands separators ("412,345") ------------------------------

_USMS = "us_ms_thousands.csv"


def test_us_ms_rows_days() -> None:
    r = load(_USMS)
    accounted(r, 70)
    assert days(r) == OCT
    office_hours(r)
    assert "month-first" in text(r)


def test_us_ms_thousands_kpis() -> None:
    expect(values(load(_USMS), *KPIS), contacts=70, abandonment_rate=0.1429, asa=44.5915,
           aht=499.1874, service_level=0.5714)  # fmt: skip


# --- 5. ISO 8601 with -04:00 / -05:00 across the US DST end (3 Nov 2024), outbound calls ---------

_DST = "iso_offsets_us_dst.csv"


def test_iso_dst_local_days_and_hours() -> None:
    # Read in New York time: every call between 08:00 and 18:00 local, on both offsets.
    r = load(_DST, timezone="America/New_York")
    accounted(r, 70)
    assert days(r) == ("2024-10-28", "2024-11-08")
    office_hours(r)
    assert "america/new_york" in text(r)


def test_iso_dst_kpis_outbound_not_queued() -> None:
    # 6 outbound "connected" calls: handled (AHT), never queued (abandonment, ASA, SL).
    r = load(_DST, timezone="America/New_York")
    expect(values(r, *KPIS), contacts=70, abandonment_rate=0.1406, asa=58.2182, aht=479.6885,
           service_level=0.5)  # fmt: skip


# --- 6. RFC 2822 dates, durations in words -------------------------------------------------------

_RFC = "rfc2822_duration_words.csv"


def test_rfc2822_rows_days_and_words() -> None:
    r = load(_RFC)
    accounted(r, 70)
    assert days(r) == ("2024-09-23", "2024-10-04")
    office_hours(r)
    assert r.dataset.frame["talk_seconds"].max() == 4196  # "1 hr 9 mins 56 secs"
    expect(values(r, "contacts", "abandonment_rate", "asa", "service_level"), contacts=70,
           abandonment_rate=0.1286, asa=50.5082, service_level=0.5714)  # fmt: skip


def test_rfc2822_aht_with_wrap_up() -> None:
    expect(values(load(_RFC), "aht"), aht=626.2295)


# --- 7. Workbook: the call detail on the third sheet, title block, [h]:mm:ss cells, Total row ---


_WB = "call_detail_third_sheet.xlsx"


def test_third_sheet_rows_days_total_line() -> None:
    r = load(_WB)
    accounted(r, 61, quarantined=1)  # the Total line, set aside
    assert r.report.rows_kept == 60
    assert days(r) == ("2024-10-14", "2024-10-25")
    office_hours(r)
    t = text(r)
    assert "call detail" in t and "total" in t


def test_third_sheet_kpis() -> None:
    expect(values(load(_WB), *KPIS), contacts=60, abandonment_rate=0.1833, asa=46.6531,
           aht=448.3265, service_level=0.5667)  # fmt: skip


# --- 8. Legacy ACD dump: UPPER_CASE headers + trailing spaces, AGENT twice, hhmmss digits --------

_LEG = "legacy_acd_dump.csv"


def test_legacy_rows_days_and_clock() -> None:
    r = load(_LEG)
    accounted(r, 70)
    assert days(r) == ("2024-10-21", "2024-11-01")
    assert starts(r).iloc[0].isoformat() == "2024-10-21T09:34:35"
    assert "'call_time': times of day written as digits, read as hhmmss" in text(r)
    office_hours(r)


def test_legacy_kpis() -> None:
    expect(values(load(_LEG), *KPIS), contacts=70, abandonment_rate=0.1286, asa=56.6393,
           aht=471.6721, service_level=0.5286)  # fmt: skip


# --- 9. Daily summary for reading: "Mon 07-Oct-2024", "1,234", "10.1%", "5m 12s", Total ---------

_DAILY = "daily_summary_formatted.csv"


def test_daily_formatted_rows_days() -> None:
    r = load(_DAILY)
    accounted(r, 21, quarantined=1)  # the Total line
    assert r.report.rows_kept == 20
    assert r.dataset.shape == "aggregated"
    assert days(r) == ("2024-10-07", "2024-11-01")
    t = text(r)
    assert "thousands separator" in t and "percentage" in t


def test_daily_formatted_kpis() -> None:
    expect(values(load(_DAILY), *KPIS), contacts=23640, abandonment_rate=0.0659, asa=45.4025,
           aht=347.8819, service_level=0.6639)  # fmt: skip


# --- 10. CRM export: all quoted, CRLF, multi-line notes, "00:01:02.500", FCR, CSAT "N/A" ---------

_CRM = "crm_notes_fcr_csat.csv"


def test_crm_rows_days() -> None:
    r = load(_CRM)
    accounted(r, 70)
    assert days(r) == ("2024-10-14", "2024-10-25")
    office_hours(r)


def test_crm_kpis_fcr_csat() -> None:
    # Milliseconds kept; FCR over the 61 answered calls; "N/A" is no rating.
    expect(values(load(_CRM), *KPIS, "fcr", "csat"), contacts=70, abandonment_rate=0.1286,
           asa=42.8168, aht=482.8824, service_level=0.5714, fcr=0.7377, csat=3.5312)  # fmt: skip


# --- 11. Excel re-save "10/7/24 13:05", 7-11 October only: no single right date order ------------

_RESAVED = "excel_resaved_short_dates.csv"


def test_resaved_short_dates_says_what_it_assumed() -> None:
    # "10/7/24" is 7 October or 10 July: the importer must say which order it assumed, and its
    # days must follow that assumption (two-digit year 2024 either way).
    r = load(_RESAVED)
    accounted(r, 60)
    t = text(r)
    assert "ambiguous" in t and (
        "month-first was assumed" in t or "read month-first" in t and " span " in t
    )
    assert days(r) == ("2024-10-07", "2024-10-11")
    office_hours(r)


def test_resaved_short_dates_kpis() -> None:
    # The durations do not depend on the date order.
    expect(values(load(_RESAVED), *KPIS), contacts=60, abandonment_rate=0.1167, asa=32.9245,
           aht=447.9434, service_level=0.6667)  # fmt: skip


# --- 12. "CSV (Macintosh)": CR line ends, Mac Roman -----------------------------------------------

_MAC = "mac_csv_cr.csv"


def test_mac_cr_rows_days_kpis() -> None:
    r = load(_MAC)
    accounted(r, 60)
    assert days(r) == OCT
    office_hours(r)
    expect(values(r, *KPIS), contacts=60, abandonment_rate=0.1, asa=45.5185, aht=503.7407,
           service_level=0.65)  # fmt: skip


def test_mac_roman_agent_names() -> None:
    got = set(load(_MAC).dataset.frame["agent_id"].dropna().astype(str))
    assert got == {"Ana Peña", "François Lévêque", "José Müller", "Zoë Ørsted"}, got


# --- 13. Workbook in the 1904 date system (old Mac Excel) ----------------------------------------

_1904 = "mac_1904_workbook.xlsx"


def test_1904_workbook_dates_not_four_years_early() -> None:
    r = load(_1904)
    accounted(r, 60)
    assert days(r) == OCT
    assert starts(r).iloc[0].isoformat() == "2024-10-07T09:10:37"
    expect(values(r, *KPIS), contacts=60, abandonment_rate=0.15, asa=58.6078, aht=446.098,
           service_level=0.5667)  # fmt: skip

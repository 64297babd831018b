"""Nineteenth blind acceptance suite: contact logs as a CX manager gets them from IT or BI.

The files in ``tests/data/exports19/`` are written by ``make_exports.py`` there (deterministic,
seeded). Every expected number is a literal computed with plain Python over the records the
generator drew (``make_exports.py --expected``), never with KPI Lab code. Definitions are the
registry's defaults (see the generator's docstring): contacts = rows of a contact log (a
transfer leg is no new contact: contacts = calls); abandonment and service level (20 s, abandons
negative) over inbound queued contacts; ASA over answered; AHT = talk + hold + ACW over handled
contacts (inbound answered, outbound connected); rate and mean KPIs over every leg, transfer
rate and FCR over handled first legs; CSAT the mean 1-5 rating over rated rows.

Shapes: a MySQL INTO OUTFILE dump (tabs, \\N), an SSMS "Save Results As" CSV (NULL, datetime2(7)),
a warehouse fact extract (dim_ / fact_ prefixes, call_date + call_hour, load_ts), a leg-level
log (legs share call_id), two SQL extracts overlapping by a day, a JSON Lines API dump (nested
objects, epoch ms), a pandas Parquet file (dotted names, timedelta durations), a Hungarian log,
a Google Sheets download (two frozen header rows, empty columns, checkboxes), numeric codes with
the legend in the header, and a BigQuery EXPORT DATA shard (no wait column).

The round found these importer defects, each marked ``xfail(strict=True)`` with its diagnosis:
MySQL's ``\\N`` not read as missing, a warehouse fact table refused (``fact_`` / ``dim_``
prefixes, ``call_nk``, ``_cnt`` flags, ``call_hour``), call legs sharing a call id counted as
calls and a "transferred" leg result counted in no rate, Parquet's dotted column names not
shortened as JSON's are, no Hungarian headers or words, and header legends ("direction
(1=in,2=out)") not read -- with AHT then silently averaged over unanswered rows.

Only the public API is used: ``kpi.ingest.read_files`` and ``kpi.engine.compute``.
"""

from __future__ import annotations

from exports_check import (
    DATA,
    accounted,
    days,
    expect,
    office_hours,
    reader,
    text,
    unavailable,
    values,
)

from kpi import ingest
from kpi.errors import DataError

load = reader("exports19")
FEB = ("2025-02-10", "2025-02-21")
MAR = ("2025-03-03", "2025-03-14")
MAR3 = ("2025-03-17", "2025-04-04")
KPIS = ("contacts", "abandonment_rate", "asa", "aht", "service_level")


# --- 1. MySQL SELECT ... INTO OUTFILE: tabs, \N for NULL, DATETIME(6) ---------------------------

_MY = "mysql_outfile_cdr.tsv"


def test_mysql_outfile_rows_days() -> None:
    r = load(_MY)
    accounted(r, 90)
    assert days(r) == MAR
    office_hours(r)


def test_mysql_outfile_kpis() -> None:
    expect(values(load(_MY), *KPIS, "transfer_rate"), contacts=90, abandonment_rate=0.087,
           asa=50.7937, aht=458.2208, service_level=0.5652, transfer_rate=0.0909)  # fmt: skip


# --- 2. SSMS "Save Results As": NULL written out, datetime2(7), bit columns --------------------

_SSMS = "ssms_call_fact.csv"


def test_ssms_rows_days() -> None:
    # "2025-02-10 08:32:09.4930220": seven fraction digits; CRLF; GUID ids in upper case.
    r = load(_SSMS)
    accounted(r, 80)
    assert days(r) == FEB
    office_hours(r)


def test_ssms_kpis() -> None:
    # FirstCallResolved / CsatScore NULL where not set: out of the FCR / CSAT denominators.
    expect(values(load(_SSMS), *KPIS, "transfer_rate", "fcr", "csat"), contacts=80,
           abandonment_rate=0.1375, asa=61.0, aht=489.7971, service_level=0.5125,
           transfer_rate=0.0725, fcr=0.7414, csat=3.45)  # fmt: skip


# --- 3. Warehouse fact extract: call_sk / call_nk, dim_ / fact_, call_date + call_hour, load_ts --

_DWH = "dwh_fact_call.csv"


def test_dwh_rows_days_not_load_ts() -> None:
    # load_ts is the nightly ETL run (a day, or three days after a Friday, later).
    r = load(_DWH)
    accounted(r, 105)
    assert days(r) == MAR3
    office_hours(r)  # call_hour 8-17 is the time of day


def test_dwh_kpis() -> None:
    expect(values(load(_DWH), *KPIS, "transfer_rate"), contacts=105, abandonment_rate=0.0952,
           asa=56.1053, aht=499.0737, service_level=0.5333, transfer_rate=0.1263)  # fmt: skip


def test_dwh_has_no_csat() -> None:
    # Nothing in the extract is a rating (whether it is read or refused, no CSAT comes out).
    try:
        r = load(_DWH)
    except DataError:
        return
    unavailable(r, "csat", "fcr")


# --- 4. One row per call LEG: legs share call_id, leg_no 1-3 -------------------------------------

_LEGS = "call_legs.csv"
_LEGS_WHY = (
    "legs are counted as calls: call_id repeats on every leg of a call, and combine.py "
    "unique_ids reads it as an id that restarts (warning 'ids that restart, e.g. every day') "
    "and renames the legs id@date / id@dateTtime, so contacts = 95 legs (expected 70 calls; "
    "leg_no is not mapped, no first leg is derived), and transfer rate is unavailable "
    "(expected 0.2143: 'transferred' gives no transferred flag). Open: the importer has no "
    "legs-to-calls stage (contacts and transfers from first legs, rates over every leg)"
)


def test_call_legs_rows_days() -> None:
    r = load(_LEGS)
    accounted(r, 95)
    assert days(r) == MAR
    office_hours(r)


def test_call_legs_contacts_are_calls() -> None:
    # Fixed in the fifth session (kpi/ingest/legs.py): later legs link to their call. The
    # transfer rate is per handled initial contact (the registry's definition): 18 of the 59
    # answered calls have a second leg (counted on the file in plain Python), 0.3051 -- the
    # generator's 0.2143 divided by the 84 answered legs.
    expect(values(load(_LEGS), "contacts", "transfer_rate"), contacts=70, transfer_rate=0.3051)
    assert "later legs linked to their call" in text(load(_LEGS))


def test_call_legs_queue_kpis_count_every_leg() -> None:
    expect(values(load(_LEGS), "abandonment_rate", "asa", "aht", "service_level"),
           abandonment_rate=0.1158, asa=55.9048, aht=465.869, service_level=0.4947)  # fmt: skip


# --- 5. Two extracts overlapping by a day (extracted_at differs) ---------------------------------

_OV = ("calls_extract_0303_0307.csv", "calls_extract_0307_0314.csv")


def test_overlapping_extracts_duplicates_quarantined() -> None:
    # 40 + 48 rows; the 8 calls of Friday 7 March are in both (same call_id, same started_at).
    r = ingest.read_files([DATA / "exports19" / n for n in _OV], timezone="UTC")
    accounted(r, 88, quarantined=8)
    assert days(r) == MAR
    assert "duplicate" in text(r)
    expect(values(r, *KPIS), contacts=80, abandonment_rate=0.1875, asa=50.3846, aht=512.6,
           service_level=0.5125)  # fmt: skip


# --- 6. JSON Lines API dump: nested objects, epoch ms, millisecond durations ---------------------

_JL = "contacts_nested.jsonl"


def test_jsonl_rows_days() -> None:
    r = load(_JL)
    accounted(r, 90)
    assert days(r) == FEB
    office_hours(r)  # epoch milliseconds read as UTC
    assert "nested json fields" in text(r)


def test_jsonl_kpis() -> None:
    # OUTBOUND NO_ANSWER is no abandon; waitMs null on outbound; survey.csat nested.
    expect(values(load(_JL), *KPIS, "csat"), contacts=90, abandonment_rate=0.1467, asa=60.9443,
           aht=476.8234, service_level=0.5467, csat=3.9455)  # fmt: skip


# --- 7. pandas Parquet: dotted names, tz-aware timestamps, timedelta durations -------------------

_PQ = "calls_dotted.parquet"


def test_parquet_rows_days() -> None:
    r = load(_PQ)
    accounted(r, 80)
    assert days(r) == MAR
    office_hours(r)


def test_parquet_kpis() -> None:
    expect(values(load(_PQ), *KPIS, "fcr", "csat"), contacts=80, abandonment_rate=0.1449,
           asa=45.322, aht=465.6765, service_level=0.6232, fcr=0.8276, csat=3.7018)  # fmt: skip


# --- 8. Hungarian PBX log: "2025.03.17. 08:05:12", ";", Hungarian headers and words ---------------

_HU = "hu_hivasnaplo.csv"


def test_hungarian_rows_days() -> None:
    # Year-first dates with a dot after the day are read.
    r = load(_HU)
    accounted(r, 75)
    assert days(r) == MAR3
    office_hours(r)
    expect(values(r, "contacts"), contacts=75)


def test_hungarian_kpis() -> None:
    expect(values(load(_HU), *KPIS), contacts=75, abandonment_rate=0.129, asa=48.8519,
           aht=498.1077, service_level=0.5968)  # fmt: skip


# --- 9. Google Sheets download: frozen group row, empty trailing columns, checkboxes ------------

_GS = "gsheets_call_tracker.csv"


def test_gsheets_rows_days() -> None:
    r = load(_GS)
    accounted(r, 60)
    assert days(r) == MAR3
    office_hours(r)
    t = text(r)
    assert "header on line 2" in t
    assert "month-first" in t


def test_gsheets_kpis() -> None:
    # "Resolved?" empty when nobody ticked either box: out of the FCR denominator.
    expect(values(load(_GS), *KPIS, "transfer_rate", "fcr", "csat"), contacts=60,
           abandonment_rate=0.1667, asa=55.2, aht=428.68, service_level=0.5667,
           transfer_rate=0.2, fcr=0.7317, csat=3.3864)  # fmt: skip


# --- 10. Numeric codes with the legend in the header ---------------------------------------------

_COD = "coded_calls.csv"


def test_coded_rows_days() -> None:
    r = load(_COD)
    accounted(r, 90)
    assert days(r) == MAR3
    office_hours(r)


def test_coded_kpis() -> None:
    expect(values(load(_COD), *KPIS, "csat"), contacts=90, abandonment_rate=0.1408, asa=41.8833,
           aht=446.0135, service_level=0.6143, csat=3.62)  # fmt: skip


# --- 11. BigQuery EXPORT DATA shard: "... UTC" microseconds, true / false, no wait column -------

_BQ = "calls-000000000000.csv"


def test_bigquery_rows_days() -> None:
    r = load(_BQ)
    accounted(r, 70)
    assert days(r) == FEB
    office_hours(r)


def test_bigquery_wait_from_timestamps() -> None:
    # The wait is answered_at - started_at; the report says so.
    r = load(_BQ)
    assert "the wait is the time from 'started_at' to 'answered_at'" in text(r)
    expect(values(r, *KPIS), contacts=70, abandonment_rate=0.1714, asa=45.7241, aht=502.0172,
           service_level=0.6143)  # fmt: skip


def test_bigquery_has_no_survey_fields() -> None:
    unavailable(load(_BQ), "csat", "fcr", "transfer_rate")

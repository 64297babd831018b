"""Tenth blind acceptance suite: BI-tool exports, multi-file imports, timestamp / number formats.

The files in ``tests/data/exports10/`` are written by ``make_exports.py`` there (deterministic,
seeded). Every expected number is a literal computed with plain Python over the records the
generator drew (``make_exports.py --expected``), never with KPI Lab code. Definitions are the
registry's defaults (see the generator's docstring): contacts = rows (a contact delivered twice
by overlapping exports counted once), abandonment over answered + abandoned, service level 20 s
abandons negative, AHT over answered contacts; summary reports re-weighted by answered, an
answered-within count gives within / (answered + abandoned); tickets: FRT over replied tickets,
resolution time over resolved tickets.

The round found these importer defects, each marked ``xfail(strict=True)`` with its diagnosis:
Power BI's "Sum of" / "Average of" / "Count of" headers, Power BI's auto date hierarchy (Year /
Quarter / Month / Day), Tableau's "Day of Date" and "Avg." headers, Tableau's Measure Names /
Measure Values long format, Looker's view-prefixed headers, .NET TimeSpan days ("1.02:03:04"),
the German "Ø" (average) prefix, a "Cost Centre" segment taken for overlapping rows, and one
file per queue (the queue only in the file name is dropped silently).

Only the public API is used: ``kpi.ingest.read_files`` and ``kpi.engine.compute``.
"""

from __future__ import annotations

import functools

from exports_check import (
    DATA,
    accounted,
    days,
    expect,
    grains,
    office_hours,
    reader,
    starts,
    text,
    values,
)

from kpi import ingest

load = reader("exports10")
JUNE = ("2024-06-03", "2024-06-14")
QUEUE_KPIS = ("contacts", "abandonment_rate", "asa", "aht", "service_level")


@functools.cache
def load_many(*names: str) -> ingest.ImportResult:
    """Several exports of ``tests/data/exports10`` imported together (no mapping, UTC)."""
    return ingest.read_files([DATA / "exports10" / n for n in names], timezone="UTC")


# --- 1. Power BI "Export data" (summarized): Sum of / Average of / Count of ----------------------

_PBI = "powerbi_summarized_daily.csv"
_PBI_WHY = (
    "kpi/ingest/headers.py header_key strips units, '%', '#' and the word 'count' but not Power "
    "BI's aggregation prefixes, so 'Sum of Answered' (key sumofanswered), 'Sum of Abandoned', "
    "'Average of Speed of Answer (sec)', 'Average of Handle Time (sec)', 'Sum of Answered "
    "Within 20s' and 'Count of Call ID' match no AGGREGATE_SYNONYMS entry; with no count mapped, "
    "automap reads the file as a CONTACT LOG (ids numbered, 'Date' = start_time, warning 'no "
    "contact id column'): contacts = 20 rows instead of 1558 offered, every other KPI "
    "unavailable. Fix: in header_key drop a leading '(sum|average|avg|count|count "
    "\\(distinct\\)|min|max|median) of ' (Power BI, Excel pivot tables) and read 'Count of "
    "<contact id synonym>' as offered; with the prefixes removed by hand (and 'Count of Call "
    "ID' = 'Offered') the file imports with every expected value. "
)


def test_powerbi_summarized_is_a_daily_report() -> None:
    r = load(_PBI)
    accounted(r, 20)
    assert days(r) == JUNE
    assert "day" in grains(r), grains(r)
    assert r.dataset.shape == "aggregated"


def test_powerbi_summarized_kpis() -> None:
    # "Count of Call ID" is the offered count; averages unrounded floats ("55.64902622829").
    r = load(_PBI)
    expect(values(r, *QUEUE_KPIS), contacts=1558, abandonment_rate=0.0635, asa=53.9771,
           aht=355.2634, service_level=0.7253)  # fmt: skip


def test_powerbi_midnight_datetimes_read_month_first() -> None:
    # "6/13/2024 12:00:00 AM": month-first (a second field over 12), midnight.
    r = load(_PBI)
    assert days(r) == JUNE
    assert set(starts(r).dt.strftime("%H:%M:%S")) == {"00:00:00"}


# --- 2. Power BI auto date hierarchy: Year / Quarter / Month / Day columns ----------------------

_PBIH_WHY = (
    "DataError 'No row ... could be used: all 20 rows were quarantined (first reason: missing "
    "or unparseable date)' for a 10-line file. Two defects: (1) kpi/ingest/wide.py "
    "unpivot_groups, with kpi/ingest/shape.py column_groups, takes the aggregation prefixes "
    "'Sum of' (Offered, Answered, Abandoned) and 'Average of' (ASA, AHT, Service Level) for "
    "two QUEUE column groups: each line becomes two rows, Queue 'Sum of' with the counts and "
    "NaN averages, Queue 'Average of' with the averages and NaN counts (note 'one column "
    "group per queue (Sum of, Average of) ... 10 lines give 20 rows'); column_groups accepts "
    "groups that share no field. (2) Power BI's auto date hierarchy (Year 2024, Quarter 'Qtr "
    "2', Month 'May', Day 27) is never combined: automap maps 'Day' alone (a date synonym) as "
    "start_time, and 27, 28, ... 7 are days of the month, not dates. Fix: column_groups must "
    "require the groups to hold the same fields and ignore prefixes that name an aggregation "
    "(sum/average/count/min/max of); when Year, Month (name or number) and Day (1-31) "
    "columns are all present, build the date from them (Quarter a check) as a date and a "
    "time of day are combined, and note it. "
)


def test_powerbi_date_hierarchy_days() -> None:
    r = load("powerbi_date_hierarchy.csv")
    accounted(r, 10)
    assert days(r) == ("2024-05-27", "2024-06-07")
    assert "day" in grains(r), grains(r)


def test_powerbi_date_hierarchy_kpis() -> None:
    # "Average of Service Level" 0.5364 a fraction, weighted by answered.
    r = load("powerbi_date_hierarchy.csv")
    expect(values(r, *QUEUE_KPIS), contacts=2913, abandonment_rate=0.0687, asa=46.8304,
           aht=381.0052, service_level=0.6134)  # fmt: skip


# --- 3. Tableau crosstab: UTF-16 LE, tabs, "June 3, 2024", a Grand Total row --------------------

_TAB = "tableau_crosstab_utf16.csv"
_TAB_DATE_WHY = (
    "MissingDateColumn \"'Day of Date' looks like dates — map it to date\": "
    "kpi/ingest/headers.py AGGREGATE_SYNONYMS['date'] has no 'Day of Date' (Tableau names a "
    "discrete date part '<Part> of <Field>': Day / Week / Month / Quarter / Year of Date), and "
    "automap does not take the one column that looks like dates when no header names it "
    "(it does for contact logs: 'started' is 'the only column of dates'). Fix: accept "
    "'(day|week|month|quarter|year) of <anything>' as the date (the part is the grain), or "
    "take a lone date-looking column. With the header renamed 'Date' the UTF-16 / tab / "
    "'1,139' / 'Grand Total' handling is right (20 kept, the total line set aside) and "
    "contacts, abandonment and SL are right; "
)
_TAB_AVG_WHY = (
    "ASA / AHT: 'Avg. ASA' and 'Avg. AHT' (keys avgasa, avgaht) are not in AGGREGATE_SYNONYMS "
    "('ASA', 'AHT', 'Avg Handle' are) and header_key does not drop a leading 'avg' / 'average' "
    "/ 'mean' before matching. Fix: strip that prefix (or add the synonyms). "
)


def test_tableau_crosstab_rows_and_grand_total() -> None:
    # 20 day x queue rows; the "Grand Total" line is set aside (not a period).
    r = load(_TAB)
    accounted(r, 21, quarantined=None)
    assert r.report.rows_kept == 20
    assert days(r) == JUNE
    assert "day" in grains(r), grains(r)
    assert set(r.dataset.frame["queue"].astype(str)) == {"Billing", "Tech Support"}


def test_tableau_crosstab_counts_and_service_level() -> None:
    # "1,139" is one thousand one hundred and thirty-nine; "SL %" "85.3%".
    r = load(_TAB)
    expect(values(r, "contacts", "abandonment_rate", "service_level"), contacts=17538,
           abandonment_rate=0.058, service_level=0.6784)  # fmt: skip


def test_tableau_crosstab_avg_dot_headers() -> None:
    r = load(_TAB)
    expect(values(r, "asa", "aht"), asa=52.9512, aht=386.4466)


# --- 4. Tableau Measure Names / Measure Values (long format) -------------------------------------

_TABL_WHY = (
    "MissingDateColumn on 'Day of Date' (see the crosstab); with that header renamed 'Date' "
    "the file is read as a CONTACT LOG of 50 rows (ids numbered, no count mapped): nothing "
    "pivots Tableau's long data. Fix: in kpi/ingest/wide.py (beside unpivot_groups) recognise "
    "a 'Measure Names' + 'Measure Values' pair and pivot it to one row per remaining "
    "dimension values (here per day) with one column per measure name, then map as usual "
    "(Offered / Answered / Abandoned / Avg ASA / Avg AHT); say so in the notes. "
)


def test_tableau_measure_names_pivoted_to_days() -> None:
    # 50 lines = 10 days x 5 measures; one row per day after the pivot (the rows read are
    # those rows; the report says how many lines they came from).
    r = load("tableau_measure_names_long.csv")
    accounted(r, 10)
    assert any("50 lines give 10 rows" in n for n in r.report.notes), r.report.notes
    assert days(r) == JUNE
    assert r.dataset.shape == "aggregated"
    assert len(r.dataset.frame) == 10


def test_tableau_measure_names_kpis() -> None:
    r = load("tableau_measure_names_long.csv")
    expect(values(r, "contacts", "abandonment_rate", "asa", "aht"), contacts=4863,
           abandonment_rate=0.058, asa=40.606, aht=387.9)  # fmt: skip


# --- 5. Looker: view-prefixed headers ("Calls Count", "Queues Name") ------------------------------

_LOOKER_WHY = (
    "MissingDateColumn \"'Calls Created Date' looks like dates\": Looker names every field "
    "'<View> <Field>' ('Calls Created Date', 'Queues Name', 'Calls Average Handle Time', "
    "'Calls Service Level') and kpi/ingest/headers.py matches whole keys only; only 'Calls "
    "Count' / 'Calls Answered Count' / 'Calls Abandoned Count' match (the word 'count' is "
    "dropped). With the date renamed 'Date' the counts are right but queue, ASA, AHT and SL "
    "stay unmapped and the 20 rows are wrongly warned about as overlapping. Fix: when a "
    "header's first word is a view name shared by several headers ('Calls', 'Queues'), "
    "match the rest too ('Created Date' -> date, 'Name' of a 'Queues' view -> queue, "
    "'Average Speed of Answer', 'Average Handle Time', 'Service Level'). "
)


def test_looker_daily_report() -> None:
    r = load("looker_calls_daily.csv")
    accounted(r, 20)
    assert days(r) == JUNE
    assert "day" in grains(r), grains(r)
    assert set(r.dataset.frame["queue"].astype(str)) == {"Orders", "Returns"}
    # "Calls Service Level" 0.6345 is a fraction.
    expect(values(r, *QUEUE_KPIS), contacts=2495, abandonment_rate=0.0485, asa=56.5783,
           aht=390.0129, service_level=0.6664)  # fmt: skip


# --- 6. Metabase question: "June 3, 2024, 8:05 AM", "Queue → Name" ----------------------------------


def test_metabase_formatted_dates_and_fk_header() -> None:
    r = load("metabase_calls.csv")
    accounted(r, 60)
    assert days(r) == JUNE
    office_hours(r)
    s = starts(r)
    assert (str(s.min()), str(s.max())) == ("2024-06-03 08:13:00", "2024-06-14 17:15:00")
    assert set(r.dataset.frame["queue"].astype(str)) == {"Sales", "Support"}
    expect(values(r, *QUEUE_KPIS), contacts=60, abandonment_rate=0.1, asa=47.9815,
           aht=492.537, service_level=0.5833)  # fmt: skip


# --- 7. Warehouse export: epoch milliseconds, durations in ms ----------------------------------------


def test_epoch_milliseconds_start() -> None:
    # 1717403711088 = 2024-06-03 08:35:11.088 UTC (13 digits: milliseconds, not seconds).
    r = load("epoch_ms_calls.csv")
    accounted(r, 60)
    assert days(r) == JUNE
    office_hours(r)
    assert str(starts(r).min()) == "2024-06-03 08:35:11.088000"


def test_epoch_ms_durations() -> None:
    # queue_ms 6738 = 6.738 s (the "_ms" suffix; a 6.7 s wait is not 6,738 s).
    r = load("epoch_ms_calls.csv")
    expect(values(r, *QUEUE_KPIS), contacts=60, abandonment_rate=0.1333, asa=60.397,
           aht=467.3798, service_level=0.5167)  # fmt: skip


# --- 8. ISO 8601 with "+02:00" mixed with "Z": a 24/7 line -----------------------------------------

_ISO = "iso_offsets_mixed.csv"


def test_iso_offsets_and_z_in_utc() -> None:
    # 14 rows in "Z", 49 with "+02:00"; 01:49:56.747+02:00 on 3 June is 23:49:56.747 UTC on 2 June.
    r = load(_ISO)
    accounted(r, 63)
    assert days(r) == ("2024-06-02", "2024-06-09")
    s = starts(r)
    assert str(s.min()) == "2024-06-02 23:49:56.747000"
    assert str(s.max()) == "2024-06-09 16:11:43.771000"
    per_day = s.dt.strftime("%Y-%m-%d").value_counts().sort_index().to_dict()
    assert per_day == {"2024-06-02": 1, "2024-06-03": 9, "2024-06-04": 9, "2024-06-05": 8,
                       "2024-06-06": 9, "2024-06-07": 10, "2024-06-08": 8, "2024-06-09": 9}  # fmt: skip


def test_iso_offsets_in_local_zone() -> None:
    # The same instants shown in Europe/Berlin (summer: UTC+2): the calls' local days.
    r = load(_ISO, timezone="Europe/Berlin")
    assert days(r) == ("2024-06-03", "2024-06-09")
    assert str(starts(r).max()) == "2024-06-09 18:11:43.771000"


def test_iso_offsets_kpis() -> None:
    r = load(_ISO)
    expect(values(r, *QUEUE_KPIS), contacts=63, abandonment_rate=0.1905, asa=67.5098,
           aht=455.1373, service_level=0.4286)  # fmt: skip


# --- 9. .NET TimeSpan durations in a ticket export -----------------------------------------------------

_TS = "tickets_timespan.csv"
_TS_WHY = (
    "39 of 50 tickets QUARANTINED ('unparseable resolution_seconds'): kpi/ingest/parsers.py "
    r"_HMS (^-?\d+:\d{1,2}(:\d{1,2})?(\.\d+)?$) has no .NET day part, so 'Resolution Time' "
    "'1.02:03:04' (1 day 2 h 3 min 4 s; 35 of the 39 values are over a day) does not match, "
    "under half of the sample is H:MM:SS, the column is read as plain seconds (unit 's') and "
    "every cell fails pd.to_numeric -- '05:12:33' too; validate then drops the whole row for "
    "one bad optional duration, so contacts = 11 and FRT is the mean of those 11 (20851.15 "
    "instead of 12236.0455). Fix: accept an optional '<days>.' before H:MM:SS in _HMS "
    r"(^-?(\d+\.)?\d+:\d{2}:\d{2}(\.\d+)?$) and add days x 86400 in _parse_hms "
    "('00:42:10.5000000' with 7-digit ticks already reads). "
)


def test_timespan_tickets_all_kept() -> None:
    r = load(_TS)
    accounted(r, 50)
    assert days(r) == JUNE
    expect(values(r, "contacts", "frt"), contacts=50, frt=12236.0455)


def test_timespan_days_resolution_time() -> None:
    # "1.02:03:04" = 93784 s; 35 of the 39 resolved tickets took over a day.
    r = load(_TS)
    expect(values(r, "resolution_time"), resolution_time=243863.7756)


# --- 10. Swiss daily report: apostrophe thousands "1'234" -----------------------------------------

_CH = "tagesreport_ch_apostroph.csv"


def test_swiss_apostrophe_counts() -> None:
    # "1'512" = 1512 (Excel de-CH), dd.mm.yyyy, ';'.
    r = load(_CH)
    accounted(r, 10)
    assert days(r) == JUNE
    assert "day" in grains(r), grains(r)
    expect(values(r, "contacts", "abandonment_rate", "service_level"), contacts=14227,
           abandonment_rate=0.0584, service_level=0.6686)  # fmt: skip


_CH_WHY = (
    "ASA / AHT unavailable: 'Ø Wartezeit (s)' and 'Ø Bearbeitungszeit (s)' are not mapped. "
    "kpi/ingest/headers.py norm() drops 'Ø' (it has no NFKD decomposition), leaving the keys "
    "wartezeit / bearbeitungszeit, while AGGREGATE_SYNONYMS has only 'Durchschnittliche "
    "Wartezeit' (asa_seconds) and 'Durchschnittliche Bearbeitungszeit' (aht_seconds). 'Ø' "
    "(also '⌀') is the usual German sign for Durchschnitt; with the headers spelled out the "
    "file gives asa 56.7456 and aht 418.6675. Fix: read a leading Ø / ⌀ as 'durchschnittliche' "
    "(or 'avg') in header_key. Ambiguity noted: the product itself maps 'Durchschnittliche "
    "Wartezeit' to ASA (not avg_wait_seconds), and this test follows it. "
)


def test_swiss_average_sign_headers() -> None:
    r = load(_CH)
    expect(values(r, "asa", "aht"), asa=56.7456, aht=418.6675)


# --- 11. Finance-style report: NBSP thousands, "(1 234)" variances -----------------------------------

_FIN = "finance_report_nbsp_parens.csv"


def test_finance_nbsp_thousands_and_parenthesised_variance() -> None:
    # "15 811" (U+00A0) = 15811; "Var. vs Budget" "(1 234)" is no KPI and breaks nothing.
    r = load(_FIN)
    accounted(r, 12)
    assert days(r) == ("2024-01-01", "2024-06-01")
    assert "month" in grains(r), grains(r)
    expect(values(r, "contacts", "abandonment_rate", "asa", "aht"), contacts=169120,
           abandonment_rate=0.0663, asa=44.3983, aht=376.7862)  # fmt: skip


_FIN_WHY = (
    "The user is told '12 rows share a date (and segment) with another row: kept all; check "
    "for overlapping exports' (kpi/ingest/combine.py _dedupe_stage) although each month has "
    "one row per cost centre: 'Cost Centre' is in no segment synonym list of "
    "kpi/ingest/headers.py, so it is left unmapped and the dedupe key is the date alone. Fix: "
    "add 'Cost Centre' / 'Cost Center' / 'Department' / 'Business Unit' to a segment (team or "
    "queue), and before the overlap warning check whether an unmapped text column tells the "
    "rows apart (then name it: 'rows differ by Cost Centre, which is not mapped'). "
)


def test_finance_cost_centre_rows_are_not_overlaps() -> None:
    r = load(_FIN)
    assert "overlapping" not in text(r), text(r)


# --- 12. One file per day, ids restarting in every file ------------------------------------------------

_DAILY = tuple(f"daily_calls_2024-06-{d}.csv" for d in (10, 11, 12, 13, 14))


def test_daily_files_appended() -> None:
    # "Call ID" 1..12 in every file: the same id on other days is another call (renumbered).
    r = load_many(*_DAILY)
    accounted(r, 60)
    assert days(r) == ("2024-06-10", "2024-06-14")
    assert r.report.duplicates == 0
    assert r.report.ids_renumbered == 60
    assert len(r.report.files) == 5
    expect(values(r, *QUEUE_KPIS), contacts=60, abandonment_rate=0.25, asa=52.2667,
           aht=450.1111, service_level=0.5167)  # fmt: skip


# --- 13. Two overlapping exports of the same period ----------------------------------------------------

_OVERLAP = ("calls_0603_0607.csv", "calls_0605_0611.csv")


def test_overlapping_exports_drop_duplicates() -> None:
    # 40 + 40 rows; the 24 calls of 5-7 June are in both: 56 distinct contacts.
    r = load_many(*_OVERLAP)
    accounted(r, 80, quarantined=24)
    assert r.report.duplicates == 24
    assert r.report.rows_kept == 56
    assert days(r) == ("2024-06-03", "2024-06-11")
    assert "duplicate" in text(r)
    expect(values(r, *QUEUE_KPIS), contacts=56, abandonment_rate=0.0714, asa=60.4423,
           aht=462.3462, service_level=0.5357)  # fmt: skip


def test_overlapping_exports_order_does_not_matter() -> None:
    r = load_many(*reversed(_OVERLAP))
    accounted(r, 80, quarantined=24)
    expect(values(r, *QUEUE_KPIS), contacts=56, abandonment_rate=0.0714, asa=60.4423,
           aht=462.3462, service_level=0.5357)  # fmt: skip


# --- 14. One file per queue: the queue only in the file name -------------------------------------------

_QUEUES = ("queue_Sales.csv", "queue_Support.csv", "queue_Billing.csv")
_QUEUES_WHY = (
    "The queue in the file names is dropped silently: the dataset has no queue column and "
    "no note or warning mentions it (the notes only name each file's outcome column). "
    "kpi/ingest/api.py read_files / kpi/ingest/combine.py combine stack the files with no "
    "per-file attribute; nothing compares the names. Fix: when several files with the same "
    "columns have no segment column and their names differ in one token ('queue_Sales', "
    "'queue_Support', 'queue_Billing'), add queue = that token per file and say so in the "
    "notes (or at least warn: 'the files have no queue column; the names differ by Sales / "
    "Support / Billing: map a queue per file to compare them'). The KPIs over all files are "
    "right. "
)


def test_queue_files_pooled_kpis() -> None:
    r = load_many(*_QUEUES)
    accounted(r, 90)
    assert days(r) == JUNE
    expect(values(r, *QUEUE_KPIS), contacts=90, abandonment_rate=0.1333, asa=49.3846,
           aht=497.7821, service_level=0.5667)  # fmt: skip


def test_queue_files_queue_from_file_name_or_said() -> None:
    # Minimum: the queue taken from the file name, or the user told it was not.
    r = load_many(*_QUEUES)
    frame = r.dataset.frame
    from_name = "queue" in frame and set(frame["queue"].astype(str)) == {"Sales", "Support",
                                                                         "Billing"}  # fmt: skip
    said = "file name" in text(r) and "queue" in text(r)
    assert from_name or said, text(r)


def test_queue_files_per_queue_kpis() -> None:
    r = load_many(*_QUEUES)
    per = {"Sales": (0.1, 452.4074), "Support": (0.1667, 441.08), "Billing": (0.1333, 599.4231)}
    for q, (ab, aht) in per.items():
        sub = r.dataset.frame[r.dataset.frame["queue"].astype(str) == q]
        assert len(sub) == 30
        assert abs(sub["abandoned"].sum() / 30 - ab) <= 1e-4, q
        handled = sub[sub["answered"].astype(bool)]
        mean_handle = handled["talk_seconds"] + handled["hold_seconds"] + handled["acw_seconds"]
        assert abs(mean_handle.mean() - aht) <= 1e-4, q


# --- 15. Same columns in another order, an extra column in one file -------------------------------------

_CRM = ("crm_export_week23.csv", "crm_export_week24.csv")


def test_reordered_columns_and_extra_csat() -> None:
    # Week 24 has the columns in another order and a "CSAT Score" week 23 lacks.
    r = load_many(*_CRM)
    accounted(r, 80)
    assert days(r) == JUNE
    office_hours(r)
    assert int(r.dataset.frame["csat"].notna().sum()) == 18  # rated: only week 24 has CSAT
    expect(values(r, *QUEUE_KPIS, "csat"), contacts=80, abandonment_rate=0.1375, asa=62.6667,
           aht=492.7246, service_level=0.5, csat=3.3333)  # fmt: skip


# --- 16. Truncated download: the last line cut mid-row ----------------------------------------------------


def test_truncated_last_line_quarantined() -> None:
    # "CL-5060,2024-06-14 17:2" (no newline): set aside with its reason, 59 complete calls kept.
    r = load("truncated_download.csv")
    accounted(r, 60, quarantined=1)
    q = r.report.quarantine
    assert q["raw_line"].tolist() == ["CL-5060,2024-06-14 17:2"]
    assert "2 fields" in q["reason"].iloc[0]
    assert days(r) == JUNE
    expect(values(r, *QUEUE_KPIS), contacts=59, abandonment_rate=0.1186, asa=44.3654,
           aht=486.5769, service_level=0.5932)  # fmt: skip

"""Twenty-seventh blind acceptance suite: traps at the level of the FILE, not of the columns.

The files in ``tests/data/exports27/`` are written by ``make_exports.py`` there (deterministic,
seeded). Every expected number is a literal computed with plain Python over the records the
generator drew (``make_exports.py --expected``), never with KPI Lab code. Definitions are the
registry's defaults: contacts = rows of a contact log (sum offered in a summary); abandonment
and service level (20 s, abandons negative) over inbound queued contacts; ASA over answered;
AHT = talk + hold + ACW over handled contacts (inbound answered, outbound connected); CSAT the
mean 1-5 rating; summaries weighted by answered.

Each file is an ordinary contact log or daily summary, saved, glued or packed the way files
travel: Excel's ``sep=;`` hint line after a BOM; a tab-separated file named ``.csv`` with
"Last, First" agent names; CRLF with quoted multi-line notes and no final line break; the same
export twice glued with ``cat``; two weeks glued with Windows ``copy /b`` (a BOM and a header in
the middle); a day downloaded twice by a browser (``... (1).csv``) read with the next day; a
pandas CSV of a pandas CSV (two index columns, trailing ``Unnamed: 11`` columns); every value
quoted with thousands commas; three blank lines and a "Report generated" footer; a workbook
with a cover sheet first and Excel's Data > Subtotal rows collapsed (hidden detail rows,
SUBTOTAL formulas with cached values, header on row 7 under a merged title); two report
versions glued with ``cat`` (the second header has moved columns); a DOS end-of-file byte
(0x1A); a CSV pasted into one spreadsheet column and saved again (one quoted field per line);
a ``.csv.gz`` and a ``.zip`` (not claimed by docs/mapping.md: they must be refused clearly).

The round found these importer defects, each marked ``xfail(strict=True)`` with its diagnosis.
SILENT (a wrong number or wrong days, nothing said): Excel's subtotal labels ("13/03/2025
Total") make the date column day-first and the real date cells, stringified as ISO, are then
read year-day-month by pandas' ``dayfirst`` (2025-03-04 becomes 2025-04-03: days run to
2025-12-03, per-day figures land on the wrong days); a second header line whose columns moved
is not seen as a header, so the second week is read in the first week's column places (ASA and
AHT wrong). SAID: the BOM-prefixed header in the middle of a ``copy /b`` file (and the moved
header) is kept as a data row whose "Disposition" / "Result" word breaks the outcome column
(abandonment and service level unavailable; the line quarantined as an unparseable date); the
DOS end-of-file byte is counted and quarantined as a broken row; a one-column CSV of quoted
lines is refused as "no date column" with the whole header as one column name; a ``.zip``
holding a CSV is refused as a damaged Excel workbook.

Only the public API is used: ``kpi.ingest.read_files`` and ``kpi.engine.compute``.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from exports_check import (
    DATA,
    accounted,
    all_accounted,
    days,
    expect,
    office_hours,
    per_period,
    reader,
    starts,
    text,
    values,
)

from kpi import ingest
from kpi.errors import KpiLabError

load = reader("exports27")
MAR = ("2025-03-03", "2025-03-14")
APR = ("2025-04-07", "2025-04-18")
KPIS = ("contacts", "abandonment_rate", "asa", "aht", "service_level")


@functools.cache
def load_many(*names: str) -> ingest.ImportResult:
    """Several files of the folder imported together (no mapping)."""
    return ingest.read_files([DATA / "exports27" / n for n in names], timezone="UTC")


def refusal(name: str) -> str:
    """The message of the refusal, the file's name taken out (lower case)."""
    with pytest.raises(KpiLabError) as err:
        ingest.read_files([DATA / "exports27" / name], timezone="UTC")
    return str(err.value).replace(name, "<file>").replace(Path(name).stem, "<file>").lower()


# --- 1. "sep=;" (Excel's hint) after a BOM ---------------------------------------------------------

_SEP = "calls_sep_hint.csv"


def test_sep_hint_rows_days() -> None:
    r = load(_SEP)
    accounted(r, 80)  # the "sep=;" line is no row
    assert days(r) == MAR  # dd.mm.yyyy
    office_hours(r)
    assert "delimiter: ';'" in text(r)


def test_sep_hint_kpis() -> None:
    expect(values(load(_SEP), *KPIS), contacts=80, abandonment_rate=0.15, asa=37.0441,
           aht=492.1471, service_level=0.625)  # fmt: skip


# --- 2. Tab-separated with a .csv name, "Lopez, Maya" agent names ---------------------------------

_TAB = "cdr_export.csv"


def test_tab_named_csv_rows_days() -> None:
    r = load(_TAB)
    accounted(r, 90)
    assert days(r) == MAR
    office_hours(r)
    assert "delimiter: tab" in text(r)
    assert "Lopez, Maya" in set(r.dataset.frame["agent_id"].astype(str))


def test_tab_named_csv_kpis() -> None:
    # 18 outbound dials: not queued, connected ones handled.
    expect(values(load(_TAB), *KPIS), contacts=90, abandonment_rate=0.1667, asa=47.1833,
           aht=474.6438, service_level=0.5694)  # fmt: skip


# --- 3. CRLF, quoted notes with line breaks and commas, no final line break ------------------------

_NOTES = "crm_activities_notes.csv"


def test_notes_rows_days_last_line() -> None:
    r = load(_NOTES)
    # 80: the last line (no line break) is read; 32 notes with line breaks are no extra rows
    accounted(r, 80)
    assert days(r) == MAR  # month-first "3/5/2025" + "Time"
    office_hours(r)
    assert (starts(r).dt.date.astype(str) == "2025-03-14").sum() == 8


def test_notes_kpis() -> None:
    expect(values(load(_NOTES), *KPIS, "csat"), contacts=80, abandonment_rate=0.075,
           asa=54.3919, aht=457.6486, service_level=0.6, csat=3.7636)  # fmt: skip


# --- 4. The same export twice, glued with cat ----------------------------------------------------

_CAT = "week15_calls_combined.csv"


def test_concatenated_rows_once() -> None:
    r = load(_CAT)
    all_accounted(r, 50)  # each call once; the second copy and header set aside
    assert days(r) == ("2025-04-07", "2025-04-11")
    office_hours(r)
    assert "duplicate" in text(r) and "header" in text(r)


def test_concatenated_kpis() -> None:
    expect(values(load(_CAT), *KPIS), contacts=50, abandonment_rate=0.1, asa=47.2444,
           aht=495.9556, service_level=0.62)  # fmt: skip


# --- 5. Two weeks glued with copy /b: a BOM and a header line in the middle ------------------------

_COPYB = "march_weeks_copy_b.csv"
_COPYB_WHY = (
    "the second week's header starts with a BOM (\\ufeffContact ID): rows.repeated_headers "
    "compares the first cell with fp.text_equals(first, name) and the BOM makes it differ, so "
    "the line stays a data row (quarantined later as 'missing or unparseable start_time')"
)


def test_copy_b_rows_days() -> None:
    r = load(_COPYB)
    all_accounted(r, 70)
    assert days(r) == MAR
    office_hours(r)


def test_copy_b_volume_kpis() -> None:
    expect(values(load(_COPYB), "contacts", "asa", "aht"), contacts=70, asa=61.7833,
           aht=454.4833)  # fmt: skip


def test_copy_b_outcome_kpis() -> None:
    expect(values(load(_COPYB), "abandonment_rate", "service_level"), abandonment_rate=0.1429,
           service_level=0.5571)  # fmt: skip


def test_copy_b_middle_header_said() -> None:
    assert "header repeated" in text(load(_COPYB))


# --- 6. The same day downloaded twice ("... (1).csv"), read with the next day ---------------------

_DAYS = ("queue_calls_2025-04-08.csv", "queue_calls_2025-04-08 (1).csv",
         "queue_calls_2025-04-09.csv")  # fmt: skip


def test_browser_duplicate_rows_days() -> None:
    r = load_many(*_DAYS)
    accounted(r, 36, quarantined=12)  # the 12 calls of the second copy are duplicates
    assert days(r) == ("2025-04-08", "2025-04-09")
    office_hours(r)
    assert "queue" not in r.dataset.frame  # "(1)" is no queue name


def test_browser_duplicate_kpis() -> None:
    expect(values(load_many(*_DAYS), *KPIS), contacts=24, abandonment_rate=0.0417,
           asa=56.6087, aht=433.6087, service_level=0.625)  # fmt: skip


# --- 7. pandas CSV of a pandas CSV: two index columns, trailing Unnamed columns ---------------------

_PD = "calls_clean_v2.csv"


def test_pandas_index_rows_days() -> None:
    r = load(_PD)
    accounted(r, 70)
    assert days(r) == APR
    office_hours(r)


def test_pandas_index_kpis() -> None:
    expect(values(load(_PD), *KPIS), contacts=70, abandonment_rate=0.1429, asa=48.7167,
           aht=522.85, service_level=0.5571)  # fmt: skip


# --- 8. Every value quoted, thousands commas inside the quotes -------------------------------------

_QA = "daily_queue_stats_quoted.csv"


def test_all_quoted_rows_days() -> None:
    r = load(_QA)
    accounted(r, 20)
    assert days(r) == MAR


def test_all_quoted_kpis() -> None:
    # "1,204" read as 1.204 would give some 12,000 contacts fewer.
    expect(values(load(_QA), *KPIS), contacts=22921, abandonment_rate=0.0815, asa=47.2676,
           aht=373.2199, service_level=0.6721)  # fmt: skip


# --- 9. Three blank lines and a "Report generated: 17/03/2025" footer ------------------------------

_FOOT = "daily_report_footer.csv"


def test_footer_rows_days() -> None:
    r = load(_FOOT)
    all_accounted(r, 10)
    assert days(r) == MAR  # not 17/03/2025 from the footer
    assert "report generated" in text(r)


def test_footer_kpis() -> None:
    expect(values(load(_FOOT), *KPIS), contacts=4242, abandonment_rate=0.0396, asa=48.0984,
           aht=353.1711, service_level=0.724)  # fmt: skip


# --- 10. Workbook: cover sheet first, Data > Subtotal rows, detail rows hidden ---------------------

_SUB = "queue_stats_subtotals.xlsx"
_SUB_WHY = (
    "SILENT: days run 2025-03-03 .. 2025-12-03 with nothing said. The Date column holds date "
    "cells and Excel's subtotal labels ('13/03/2025 Total'): sheets.excel_objects turns the "
    "mixed column into text (dates as ISO '2025-03-04 00:00:00'), fields.decide_order takes "
    "the labels' first field over 12 as day-first, and timestamps._parse_datetime_text (no "
    "single format fits) calls pd.to_datetime(format='mixed', dayfirst=True), which reads the "
    "ISO text year-day-month: 2025-03-04 becomes 2025-04-03 (days 4-12 of every month move)."
)


def test_subtotals_rows_sheet() -> None:
    r = load(_SUB)
    all_accounted(r, 30)  # 10 day subtotals and the grand total set aside
    assert "sheet 'data'" in text(r)


def test_subtotals_days() -> None:
    assert days(load(_SUB)) == MAR


def test_subtotals_kpis() -> None:
    # the subtotal rows counted too would double the contacts (9,378)
    expect(values(load(_SUB), *KPIS), contacts=4689, abandonment_rate=0.0665, asa=49.207,
           aht=381.0354, service_level=0.7217)  # fmt: skip


def test_subtotals_per_day() -> None:
    assert per_period(load(_SUB), "contacts", "day") == {
        "2025-03-03": 515, "2025-03-04": 383, "2025-03-05": 411, "2025-03-06": 506,
        "2025-03-07": 471, "2025-03-10": 504, "2025-03-11": 453, "2025-03-12": 488,
        "2025-03-13": 436, "2025-03-14": 522,
    }  # fmt: skip


# --- 11. Compressed downloads: .csv.gz and .zip (not claimed: refused with a message) --------------


def test_gzip_refused_with_message() -> None:
    msg = refusal("calls_2025-04.csv.gz")
    assert ".gz" in msg and "csv" in msg


def test_zip_refused_as_archive() -> None:
    msg = refusal("report_export.zip")
    assert "zip" in msg and any(w in msg for w in ("extract", "unzip", "archive"))


# --- 12. Two report versions glued with cat: the second header moved columns -----------------------

_MOVED = "march_calls_two_versions.csv"
_MOVED_WHY = (
    "the second header line ('Agent' before 'Queue', 'Hold Time' where 'Queue Time' was) is "
    "not seen as a header: rows.repeated_headers sets a line aside only when at least 80% of "
    "its cells equal the column names IN PLACE (5 of 9 here), so the line stays a data row "
    "and the second week is read in the first week's column places"
)


def test_moved_header_rows_days() -> None:
    r = load(_MOVED)
    all_accounted(r, 70)
    assert days(r) == MAR
    office_hours(r)


def test_moved_header_asa_aht() -> None:
    expect(values(load(_MOVED), "contacts", "asa", "aht"), contacts=70, asa=58.5667,
           aht=489.7833)  # fmt: skip


def test_moved_header_outcome_kpis() -> None:
    expect(values(load(_MOVED), "abandonment_rate", "service_level"), abandonment_rate=0.1429,
           service_level=0.5571)  # fmt: skip


# --- 13. A DOS end-of-file byte (0x1A) after the last line --------------------------------------------

_EOF = "acd_dump_0418.csv"


def test_dos_eof_rows() -> None:
    accounted(load(_EOF), 60)


def test_dos_eof_days_kpis() -> None:
    r = load(_EOF)
    all_accounted(r, 60)
    assert days(r) == APR
    office_hours(r)  # YYYYMMDD + HHMMSS
    expect(values(r, *KPIS), contacts=60, abandonment_rate=0.0833, asa=40.5636, aht=456.6909,
           service_level=0.65)  # fmt: skip


# --- 14. Each line one quoted field (a CSV pasted into one column and saved again) ------------------

_ONE = "calls_one_column.csv"


def test_one_column_lines_read() -> None:
    r = load(_ONE)
    accounted(r, 60)
    assert days(r) == APR
    expect(values(r, *KPIS), contacts=60, abandonment_rate=0.1667, asa=47.32, aht=463.5,
           service_level=0.6)  # fmt: skip

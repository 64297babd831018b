"""Thirteenth blind acceptance suite: the files a contact-center manager has on their laptop.

The files in ``tests/data/exports13/`` are written by ``make_exports.py`` there (deterministic,
seeded; the .xlsx with fixed zip dates). Every expected number is a literal computed with plain
Python over the records the generator drew (``make_exports.py --expected``), never with KPI Lab
code. Definitions are the registry's defaults (see the generator's docstring): contacts = rows
(the same id at the same start delivered twice counted once), abandonment over answered +
abandoned, service level 20 s abandons negative, AHT over answered contacts; summary reports
re-weighted by answered. A summary cell with no figure ("n/a", "-", "TBC") is taken as a
missing value of that KPI for that period (its weight dropped, the row's other figures kept):
an assumption, the registry does not say -- it is what the engine does with an "n/a" cell.

The round found these importer defects, each marked ``xfail(strict=True)`` with its diagnosis:
a hand-kept tracker's merged "Month" column taken as the date (and "Week commencing" unknown),
"-" / "TBC" placeholders that quarantine a whole week, a summary table above the detail taken
as the header, a header repeated at page breaks that disables the outcome column, queue names
differing only in case kept apart, Excel's scientific-notation ids explained as "ids that
restart", and a transposed tracker (KPIs as rows, weeks as columns) refused. All are fixed now
(the tracker is read sideways: one row per week column, its Total column left out).

Only the public API is used: ``kpi.ingest.read_files`` / ``propose_mapping`` and
``kpi.engine.compute``.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from exports_check import (
    DATA,
    accounted,
    all_accounted,
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

load = reader("exports13")
JUNE = ("2024-06-03", "2024-06-14")
QUEUE_KPIS = ("contacts", "abandonment_rate", "asa", "aht", "service_level")


# --- 1. A weekly KPI tracker kept by hand (.xlsx) --------------------------------------------------

_TRACK = "weekly_kpi_tracker.xlsx"
_TRACK_DATE_WHY = (
    "DataError 'all 14 rows were quarantined (first reason: missing or unparseable date)': "
    "kpi/ingest/automap.py _synonyms maps the merged 'Month' column (AGGREGATE_SYNONYMS['date'] "
    "has 'Month') as the date, because _State.fits accepts ANY values for an aggregated 'date' "
    "(the datetime check is skipped for it); its values are 'Target', 'Jan', 'Feb', 'Mar' on the "
    "first row of each merge and blank below (openpyxl keeps a merged cell's value in its "
    "top-left cell only), no year, no day. The real dates are in 'Week commencing' (date cells), "
    "which no synonym names ('Week Beginning' / 'Week Starting' are there, the UK 'Week "
    "commencing' / 'w/c' are not), and a lone date-valued column is not taken for aggregated "
    "files. Fix: for an aggregated date require values that parse as dates or period labels "
    "(a bare month name without a year, mostly blank, is a label column); add 'Week "
    "Commencing' / 'W/C' to the date synonyms; else take the only column of date values. With "
    "'Week commencing' mapped by hand the file reads as weekly rows (see the next test). "
)
_TRACK_PLACEHOLDER_WHY = (
    "With 'Week commencing' mapped to date: 'n/a' (ASA, week 3) is read as missing (pandas' "
    "default NA words) and the week is kept, but AHT '-' (week 6) and SL 'TBC' (week 13) make "
    "kpi/ingest/validate.py quarantine the WHOLE row ('unparseable aht_seconds', 'unparseable "
    "service_level'; parsers.parse_number / parse_rate flag them bad): weeks 6 and 13 lose "
    "their offered / answered / abandoned too, so contacts = 15356 instead of 18044 and the "
    "last day is 18 March, not 25 March. Fix: read the placeholders people type in number "
    "cells ('-', '\u2013', 'TBC', 'TBD', 'n/a', '#N/A', 'pending', '?') as missing in the "
    "number / rate / duration parsers (a missing optional figure, as 'n/a' already is), with "
    "a note naming the word and the column, rather than quarantining the row. "
)


def _tracker_by_week() -> ingest.ImportResult:
    """The tracker with its date column mapped by hand (everything else as proposed)."""
    path = DATA / "exports13" / _TRACK
    m, _, _ = ingest.propose_mapping([path])
    fields = tuple(
        replace(f, source=("Week commencing",)) if f.target == "date" else f for f in m.fields
    )
    return ingest.read_files([path], mapping=replace(m, fields=fields), timezone="UTC")


def test_tracker_weekly_rows() -> None:
    # 13 weeks; the "Target" line (no date, targets only) set aside; title and blank line
    # above the header skipped.
    r = load(_TRACK)
    accounted(r, 14, quarantined=1)
    assert days(r) == ("2024-01-01", "2024-03-25")
    assert "week" in grains(r), grains(r)
    assert r.dataset.shape == "aggregated"


def test_tracker_kpis() -> None:
    # SL "59.4%" (text) and 0.677 (a number, 0.0% format) are the same kind of value.
    r = load(_TRACK)
    expect(values(r, *QUEUE_KPIS), contacts=18044, abandonment_rate=0.056, asa=52.3018,
           aht=369.9221, service_level=0.6478)  # fmt: skip


def test_tracker_placeholders_are_missing_figures() -> None:
    # "n/a" ASA, "-" AHT, "TBC" SL: the week stays, only that KPI misses its figure.
    r = _tracker_by_week()
    accounted(r, 14, quarantined=1)
    assert days(r) == ("2024-01-01", "2024-03-25")
    expect(values(r, *QUEUE_KPIS), contacts=18044, abandonment_rate=0.056, asa=52.3018,
           aht=369.9221, service_level=0.6478)  # fmt: skip


def test_tracker_target_row_and_mixed_percentages() -> None:
    # What already works once the date is mapped: the Target line is set aside for its
    # missing date, "n/a" is a missing ASA, "59.4%" and 0.677 are both fractions of 1.
    r = _tracker_by_week()
    reasons = r.report.reasons().set_index("reason")["rows"].to_dict()
    assert reasons.get("missing or unparseable date") == 1, reasons
    sl = r.dataset.frame["service_level"]
    assert sl.dropna().between(0, 1).all(), sl.tolist()
    assert sl.isna().sum() == 1  # week 13's "TBC": no figure, the week kept
    assert r.dataset.frame["asa_seconds"].isna().sum() == 1


# --- 2. A contact log re-saved by Excel: serial start times, ids "2.40603E+11" -----------------

_XL = "excel_resaved_calls.csv"
_XL_SCI_WHY = (
    "Every 'Call ID' is the text '2.40603E+11' (Excel's General format of 12-digit ids: the "
    "ids are destroyed, 70 rows share one value) and the user is told 'the contact id "
    "repeats across different start times on 70 rows: it is not a unique key (ids that "
    "restart, e.g. every day)' -- the wrong cause; 'Caller' '4.47704E+11' (mapped to "
    "customer_id) likewise. kpi/ingest/combine.py _dedupe_stage / unique_ids words the warning "
    "and nothing in kpi/ingest looks for a column of numbers in scientific notation. Fix: "
    "when an id-like column (contact_id, customer_id, agent_id) holds mantissa-exponent texts "
    "('\\d\\.\\d+E\\+\\d+'), warn that Excel rounded the ids (re-export, or open the CSV with "
    "that column as text) and say they cannot tell contacts apart; the KPIs are right. "
)


def test_excel_resaved_serial_starts() -> None:
    # "45446.38057" = 2024-06-03 09:08:01.248 (5 decimals of a day: 0.864 s steps).
    r = load(_XL)
    accounted(r, 70)
    assert days(r) == JUNE
    office_hours(r)
    assert str(starts(r).min()) == "2024-06-03 09:08:01.248000"


def test_excel_resaved_kpis_with_collapsed_ids() -> None:
    # One id text for all 70 calls: different start times, so 70 contacts, none dropped.
    r = load(_XL)
    assert r.report.duplicates == 0
    assert r.dataset.frame["contact_id"].nunique() == 70
    expect(values(r, *QUEUE_KPIS), contacts=70, abandonment_rate=0.1714, asa=47.8103,
           aht=440.3966, service_level=0.5714)  # fmt: skip


def test_excel_scientific_ids_are_named() -> None:
    t = text(load(_XL))
    assert "scientific" in t or "e+11" in t or "rounded" in t, t


# --- 3. A comma in an unquoted field: a middle block with one extra field ---------------------


def test_comma_in_unquoted_agent_block_set_aside() -> None:
    # Lines 21-28 ("...,Sales,Lopez, Maya,Answered,...") have 10 fields: set aside with the
    # reason, the 52 well-formed calls kept.
    r = load("comma_unquoted_agent.csv")
    accounted(r, 60, quarantined=8)
    q = r.report.quarantine
    assert all("Lopez, Maya" in ln for ln in q["raw_line"]), q["raw_line"].tolist()
    assert set(q["reason"]) == {"a line has 10 fields where the header has 9"}
    assert days(r) == JUNE
    expect(values(r, *QUEUE_KPIS), contacts=52, abandonment_rate=0.0962, asa=55.1064,
           aht=476.0, service_level=0.6346)  # fmt: skip


# --- 4. Two tables stacked: a summary block above the detail --------------------------------------

_STACK_WHY = (
    "MissingDateColumn \"'Offered' looks like dates\": kpi/ingest/sniff.py preamble_rows "
    "takes the first row filling 60% of the usual width as the header -- the SUMMARY table's "
    "'Queue, Offered, Answered, Abandoned, ASA, AHT' (6 of 9 cells, over 0.6 x 9) -- so the "
    "detail header and the 50 calls below become data rows of the summary's columns ('Offered' "
    "then holds the start times). Fix: when a later row that does not look like data fills the "
    "full usual width and is followed by the bulk of the rows (here 'Call ID, Start Time, ...' "
    "after a blank line and a 'Call detail' title), take it as the header and set the block "
    "above aside with a note ('a summary table above the data skipped: 3 lines'). "
)


def test_summary_block_above_detail() -> None:
    r = load("summary_then_detail.csv")
    all_accounted(r, 50)
    assert days(r) == ("2024-06-03", "2024-06-07")
    assert r.dataset.shape == "interactions"
    expect(values(r, *QUEUE_KPIS), contacts=50, abandonment_rate=0.1, asa=44.8, aht=548.7778,
           service_level=0.66)  # fmt: skip


# --- 5. Page breaks: the header repeated every 50 rows ---------------------------------------------

_PAGE = "page_break_headers.csv"
_PAGE_WHY = (
    "Abandonment rate and service level unavailable ('missing column abandoned'): the 4 "
    "repeated header lines are not recognised as layout (kpi/ingest/rows.py drop_layout_rows "
    "knows blank, total and note lines only), so their texts reach the mapping samples; "
    "kpi/ingest/outcomes.py propose_rule (via automap._outcome / _rule_with_outbound) refuses "
    "the 'Result' column because one value, 'Result', is no outcome word, and automap falls "
    "back to 'answered where talk > 0' (no abandons). The lines are later quarantined as "
    "'missing or unparseable start_time' -- accounted, but the reason is wrong. Fix: in "
    "drop_layout_rows set aside rows equal to the header (cell by cell, after strip) before "
    "mapping, with the reason 'the header repeated (a page break), not a contact' and a note. "
)


def test_page_break_lines_accounted() -> None:
    # 230 calls + 4 blank lines + 4 repeated headers: every line kept or set aside.
    r = load(_PAGE)
    accounted(r, 238, quarantined=8)
    assert days(r) == JUNE
    office_hours(r)
    expect(values(r, "contacts", "asa", "aht"), contacts=230, asa=50.7053, aht=486.3285)


def test_page_break_repeated_header_not_data() -> None:
    r = load(_PAGE)
    reasons = " ".join(r.report.reasons()["reason"]).lower()
    assert "header" in reasons, reasons
    expect(values(r, *QUEUE_KPIS), contacts=230, abandonment_rate=0.1, asa=50.7053,
           aht=486.3285, service_level=0.5826)  # fmt: skip


# --- 6. A daily report with a re-run appended -------------------------------------------------------


def test_daily_rerun_days_twice_warned_and_added_up() -> None:
    # 10-14 June appear twice, identical. docs/mapping.md: summary rows sharing a date are
    # "kept and added up" with a warning about overlapping exports -- so the documented KPIs
    # count those days twice (15 rows; once each: 6237 contacts, asa 54.0546, aht 351.479).
    r = load("daily_report_rerun.csv")
    accounted(r, 15)
    assert days(r) == JUNE
    assert "day" in grains(r), grains(r)
    assert "10 rows share a date" in text(r) and "overlapping" in text(r), text(r)
    expect(values(r, *QUEUE_KPIS), contacts=9283, abandonment_rate=0.0849, asa=54.8541,
           aht=349.942, service_level=0.6712)  # fmt: skip


# --- 7. A contact log sorted newest first --------------------------------------------------------------


def test_newest_first_log() -> None:
    # "14/06/2024 15:07" on the first line: day-first, read in any order.
    r = load("newest_first_log.csv")
    accounted(r, 60)
    assert days(r) == JUNE
    s = starts(r)
    assert (str(s.min()), str(s.max())) == ("2024-06-03 10:19:00", "2024-06-14 15:07:00")
    expect(values(r, *QUEUE_KPIS), contacts=60, abandonment_rate=0.1167, asa=50.4906,
           aht=500.434, service_level=0.5833)  # fmt: skip


# --- 8. A 24/7 log in New York local time across the autumn DST change ---------------------------

_DST = "dst_autumn_local.csv"
_DST_DAYS = {"2024-10-28": 53, "2024-10-29": 44, "2024-10-30": 46, "2024-10-31": 48,
             "2024-11-01": 51, "2024-11-02": 41, "2024-11-03": 52, "2024-11-04": 44}  # fmt: skip


@pytest.mark.parametrize("zone", ["UTC", "America/New_York"])
def test_dst_repeated_hour_kept(zone: str) -> None:
    # 01:15:45 .. 01:48:07 EDT then 01:15:49 .. 01:54:44 EST on 3 Nov (the clock goes back):
    # six calls, none a duplicate; naive local times stay as written in either zone.
    r = load(_DST, timezone=zone)
    accounted(r, 379)
    assert days(r) == ("2024-10-28", "2024-11-04")
    s = starts(r)
    assert s.dt.strftime("%Y-%m-%d").value_counts().sort_index().to_dict() == _DST_DAYS
    nov3_1am = s[(s.dt.strftime("%Y-%m-%d") == "2024-11-03") & (s.dt.hour == 1)]
    assert sorted(nov3_1am.dt.strftime("%H:%M:%S")) == [
        "01:15:45", "01:15:49", "01:24:58", "01:39:48", "01:48:07", "01:54:44"]  # fmt: skip
    expect(values(r, *QUEUE_KPIS), contacts=379, abandonment_rate=0.1662, asa=59.2025,
           aht=487.0633, service_level=0.5356)  # fmt: skip


# --- 9. Queue groups with a Total group at the right and a Total row at the bottom -------------


def test_total_group_and_total_row_left_out() -> None:
    # 10 lines x (Billing, Sales) = 20 rows; the "Total" group and the "Total" line set aside.
    r = load("queue_groups_total_row_col.csv")
    accounted(r, 21, quarantined=1)
    assert r.report.rows_kept == 20
    assert r.report.quarantine["raw_line"].str.startswith("Total,").all()
    assert days(r) == JUNE
    assert "day" in grains(r), grains(r)
    assert set(r.dataset.frame["queue"].astype(str)) == {"Billing", "Sales"}
    expect(values(r, "contacts", "abandonment_rate", "asa", "aht"), contacts=2492,
           abandonment_rate=0.059, asa=54.945, aht=354.1723)  # fmt: skip


# --- 10. Queue names in several spellings --------------------------------------------------------------

_SPELL = "queue_spellings.csv"
_SPELL_WHY = (
    "7 queues kept instead of 3: {'Billing': 17, 'Sales': 16, 'sales': 12, 'Support': 11, "
    "'billing': 11, 'SUPPORT': 8, 'BILLING': 5}. kpi/ingest/parsers.py parse_text (via "
    "fields._apply_kind for category fields) strips the spaces ('billing ' -> 'billing', "
    "' Billing' -> 'Billing') but keeps the case, so a free-text queue typed 'Billing' / "
    "'billing ' / 'BILLING' splits one queue into three in every per-queue view. Fix: for "
    "segment columns (queue, team, channel) fold values that differ only in case (and inner "
    "whitespace) onto their most frequent spelling, and note it ('queue: billing, BILLING read "
    "as Billing'). Ambiguity: docs/mapping.md does not say whether case is significant. "
)


def test_queue_spellings_pooled_kpis() -> None:
    r = load(_SPELL)
    accounted(r, 80)
    assert days(r) == JUNE
    expect(values(r, *QUEUE_KPIS), contacts=80, abandonment_rate=0.0875, asa=56.7671,
           aht=526.9315, service_level=0.6125)  # fmt: skip


def test_queue_spellings_are_one_queue() -> None:
    # "Billing", "billing ", "BILLING", " Billing" are Billing: 33 calls, AHT 549.7419.
    r = load(_SPELL)
    frame = r.dataset.frame
    q = frame["queue"].astype(str)
    assert q.nunique() == 3, q.value_counts().to_dict()
    want = {"billing": (33, 549.7419), "sales": (28, 432.8462), "support": (19, 635.625)}
    for name, (n, aht) in want.items():
        sub = frame[q.str.lower() == name]
        assert len(sub) == n, name
        ans = sub[sub["answered"].astype(bool)]
        handle = ans["talk_seconds"] + ans["hold_seconds"] + ans["acw_seconds"]
        assert abs(handle.mean() - aht) <= 1e-4, name


# --- 11. Two years, the day/month order decided by a few rows ------------------------------------


def test_year_end_dayfirst_decided_by_december() -> None:
    # Only 27-29 Dec (6 calls of 156) have a first field over 12; "05/01/2024" is 5 January.
    r = load("year_end_dayfirst.csv")
    accounted(r, 156)
    assert days(r) == ("2023-12-27", "2024-01-12")
    assert "day-first" in text(r)
    office_hours(r)
    expect(values(r, *QUEUE_KPIS), contacts=156, abandonment_rate=0.1923, asa=43.1111,
           aht=493.873, service_level=0.5641)  # fmt: skip


def test_year_end_monthfirst_decided_by_two_calls() -> None:
    # Only "12/13/2023" (2 calls of 102) has a second field over 12; "1/8/2024 9:05 AM" is
    # 8 January.
    r = load("year_end_monthfirst.csv")
    accounted(r, 102)
    assert days(r) == ("2023-12-04", "2024-01-12")
    assert "month-first" in text(r)
    office_hours(r)
    expect(values(r, *QUEUE_KPIS), contacts=102, abandonment_rate=0.1667, asa=54.2588,
           aht=491.5529, service_level=0.5392)  # fmt: skip


# --- 12. A daily report re-saved by Excel: serial dates, "0:00:45", "85%" ------------------------


def test_daily_excel_serial_dates() -> None:
    # "45446" = 2024-06-03; "0:00:45" = 45 s; "85%" = 0.85.
    r = load("daily_excel_serials.csv")
    accounted(r, 20)
    assert days(r) == JUNE
    assert "day" in grains(r), grains(r)
    assert set(r.dataset.frame["queue"].astype(str)) == {"Billing", "Sales"}
    expect(values(r, *QUEUE_KPIS), contacts=4177, abandonment_rate=0.0575, asa=52.0686,
           aht=393.3645, service_level=0.7278)  # fmt: skip


# --- 13. A transposed tracker: KPIs as rows, weeks as columns, a Total column ------------------


def test_transposed_weekly_tracker() -> None:
    r = load("transposed_weekly_kpis.csv")
    all_accounted(r, 8)
    assert days(r) == ("2024-07-01", "2024-08-19")
    assert "week" in grains(r), grains(r)
    expect(values(r, *QUEUE_KPIS), contacts=14709, abandonment_rate=0.074, asa=56.6494,
           aht=427.2277, service_level=0.6975)  # fmt: skip
    said = text(r)
    assert "a report written sideways" in said and "8 period columns" in said
    assert "column 'total' left out" in said


# --- 14. At scale: 20,000 calls, 25 re-delivered lines ----------------------------------------------


def test_large_log_accounting_at_scale() -> None:
    r = load("large_calls_20k.csv")
    accounted(r, 20025, quarantined=25)
    assert r.report.duplicates == 25
    assert days(r) == ("2024-04-01", "2024-04-30")
    assert set(r.dataset.frame["queue"].astype(str)) == {"Sales", "Support", "Billing"}
    expect(values(r, *QUEUE_KPIS), contacts=20000, abandonment_rate=0.1203, asa=50.0201,
           aht=481.1181, service_level=0.5876)  # fmt: skip

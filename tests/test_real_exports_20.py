"""Twentieth blind acceptance suite: management reports and multi-file imports.

The files in ``tests/data/exports20/`` are written by ``make_exports.py`` there (deterministic,
seeded; the .xlsx with fixed zip dates). Every expected number is a literal computed with plain
Python over the rows the generator drew (``make_exports.py --expected``), never with KPI Lab
code. Definitions are the registry's defaults (see the generator's docstring): contacts = sum
offered; abandonment = abandoned / offered (short abandons included); ASA and AHT weighted by
answered; a period total of time divided by handled; an answered-within count gives within /
(answered + abandoned), a displayed service level is weighted by answered -- unless the report
states another denominator ("SL (ans/offered)": pooled over offered); occupancy = handle time /
(staffed - AUX). Targets, RAG, week- and month-to-date columns and year totals are not data; a
day exported twice in two overlapping files is one day.

The round found these importer defects, each marked ``xfail(strict=True)`` with its diagnosis:
a quarterly pack reads only its first month sheet (warned); a day present in two monthly files
is counted twice (warned, but the KPIs are wrong); a daily report with Today / WTD / MTD
columns refused; a "Short Abandons (<5s)" count read as answered within 5 s (service level
0.0092, silently) while "SL (ans/offered)" is not read; fiscal quarters ("FY25 Q1") refused
although a title line says when the fiscal year starts; a units row under the header makes
every row unusable; "(hh:mm)" totals over 24 hours not read (no AHT, talk time or occupancy).

Only the public API is used: ``kpi.ingest.read_files`` and ``kpi.engine.compute``.
"""

from __future__ import annotations

import pytest
from exports_check import (
    DATA,
    accounted,
    all_accounted,
    days,
    expect,
    grains,
    per_period,
    reader,
    text,
    unavailable,
    values,
)

from kpi import ingest
from kpi.errors import KpiLabError

load = reader("exports20")
OCT = ("2024-10-14", "2024-10-25")
QUEUE_KPIS = ("contacts", "abandonment_rate", "asa", "aht", "service_level")


def load_all(*names: str) -> ingest.ImportResult:
    return ingest.read_files([DATA / "exports20" / n for n in names], timezone="UTC")


def by_segment(r: ingest.ImportResult, seg: str) -> dict[str, int]:
    frame = r.dataset.frame
    if seg not in frame:
        return {}
    return {str(k): int(v) for k, v in frame.groupby(seg)["offered"].sum().items()}


# --- 1. A monthly KPI scorecard: targets and RAG beside the actuals (.xlsx) ----------------------

_SC = "scorecard_targets_2024.xlsx"


def test_scorecard_months_and_fy_total_set_aside() -> None:
    # 12 months (date cells "Jan-24"); the "FY 2024" total line is not a month.
    r = load(_SC)
    accounted(r, 13, quarantined=1)
    assert days(r) == ("2024-01-01", "2024-12-01")
    assert "month" in grains(r), grains(r)
    assert per_period(r, "contacts", "month") == {
        "2024-01-01": 11104, "2024-02-01": 10960, "2024-03-01": 9843, "2024-04-01": 9378,
        "2024-05-01": 9923, "2024-06-01": 10540, "2024-07-01": 11425, "2024-08-01": 6667,
        "2024-09-01": 9966, "2024-10-01": 7833, "2024-11-01": 8170, "2024-12-01": 10709}  # fmt: skip


def test_scorecard_actuals_not_targets() -> None:
    # "Target SL" 80% / "Target ASA (s)" 30 beside the actuals: the actuals are the data.
    r = load(_SC)
    expect(values(r, *QUEUE_KPIS), contacts=116518, abandonment_rate=0.0624, asa=44.9776,
           aht=406.2558, service_level=0.6499)  # fmt: skip
    sources = {s for f in r.mapping.fields for s in f.source}
    assert not any(s.startswith("Target") or s.endswith("RAG") for s in sources), sources


# --- 2. A quarterly management pack: Summary, one sheet per month, Notes (.xlsx) ------------------

_PACK = "mgmt_pack_q3_2024.xlsx"
_PACK_WHY = (
    "Only the first month sheet is read: sheet 'Jul 2024' of 5 (Summary, Jul 2024, Aug 2024, "
    "Sep 2024, Notes), 23 rows, days 2024-07-01..2024-07-31, contacts 10466 instead of 29298 "
    "(ASA 45.3165 vs 47.703, SL 0.7254 vs 0.7257). Not silent: a warning says 'Aug 2024', "
    "'Sep 2024' have the same columns and were not read (pick each with --sheet) -- the "
    "documented behaviour of kpi/ingest/sheets.py (one sheet per import; read_files takes a "
    "single sheet=). A manager's pack is the quarter: read every sheet of the same columns "
    "(stacked, like several files of one layout), or read the Summary sheet sideways (months "
    "as columns, 'Target', 'Q3 2024', 'RAG' and 'Commentary' left out)."
)


@pytest.mark.xfail(strict=True, reason=_PACK_WHY)
def test_mgmt_pack_whole_quarter() -> None:
    r = load(_PACK)
    if "month" in grains(r):  # the Summary sheet read sideways: three months
        assert days(r) == ("2024-07-01", "2024-09-01")
        expect(values(r, *QUEUE_KPIS), contacts=29298, abandonment_rate=0.0591, asa=47.6911,
               aht=385.5531, service_level=0.7257)  # fmt: skip
        return
    all_accounted(r, 66)
    assert days(r) == ("2024-07-01", "2024-09-30")
    assert "day" in grains(r), grains(r)
    expect(values(r, *QUEUE_KPIS), contacts=29298, abandonment_rate=0.0591, asa=47.703,
           aht=385.5424, service_level=0.7257)  # fmt: skip


def test_mgmt_pack_one_sheet_said_and_right() -> None:
    # What works: when only one month sheet is read, the report names the ones left out, and
    # that month is read right (23 weekdays of July; "Answered within 20s" a count).
    r = load(_PACK)
    if days(r) != ("2024-07-01", "2024-07-31"):
        return  # more than July read: the test above checks it
    accounted(r, 23)
    t = text(r)
    assert "'aug 2024', 'sep 2024'" in t and "not read" in t, t
    expect(values(r, *QUEUE_KPIS), contacts=10466, abandonment_rate=0.0476, asa=45.3165,
           aht=387.3016, service_level=0.7254)  # fmt: skip


# --- 3. Twelve monthly CSVs of one layout; March and September overlap by a day ------------------

_MONTHS = [f"acd_daily_2024-{m:02d}.csv" for m in range(1, 13)]


def test_monthly_files_rows_days_grain() -> None:
    # 262 weekdays of 2024 in 12 files, 264 lines (two days in two files each).
    r = load_all(*_MONTHS)
    rep = r.report
    assert rep.rows_read == 264 and rep.rows_kept + rep.rows_quarantined == 264, rep.summary()
    assert days(r) == ("2024-01-01", "2024-12-31")
    assert "day" in grains(r), grains(r)
    assert "threshold of 30 s" in text(r), text(r)


def test_monthly_files_overlap_said() -> None:
    assert "overlapping" in text(load_all(*_MONTHS))


def test_monthly_files_overlap_counted_once() -> None:
    r = load_all(*_MONTHS)
    expect(values(r, *QUEUE_KPIS), contacts=77616, abandonment_rate=0.0623, asa=52.8014,
           aht=370.5335, service_level=0.7027)  # fmt: skip
    assert per_period(r, "contacts", "month")["2024-04-01"] == 6564


# --- 4. The same year as one file per queue, the queue only in the file name ---------------------

_QUEUES = ["monthly_Sales.csv", "monthly_Service.csv", "monthly_Retention.csv"]


def test_queue_files_months_and_queues() -> None:
    r = load_all(*_QUEUES)
    accounted(r, 36)
    assert days(r) == ("2024-01-01", "2024-12-01")
    assert "month" in grains(r), grains(r)
    assert by_segment(r, "queue") == {"Sales": 62392, "Service": 101030, "Retention": 23239}
    assert per_period(r, "contacts", "month")["2024-12-01"] == 12368


def test_queue_files_pooled_kpis() -> None:
    # "January 2024" labels, ASA / AHT "mm:ss", "SL %" "81.2%".
    expect(values(load_all(*_QUEUES), *QUEUE_KPIS), contacts=186661, abandonment_rate=0.0631,
           asa=46.4041, aht=390.3817, service_level=0.7178)  # fmt: skip


# --- 5. A daily report with week-to-date and month-to-date columns -------------------------------

_TODAY = "daily_today_wtd_mtd.csv"
_TODAY_WHY = (
    "Refused: DataError \"'daily_today_wtd_mtd.csv' holds no contacts the importer can see (no "
    "contact id, dates without a time of day, no column of one contact ...): if it is a summary "
    "report, map its volume column to offered or answered\". No synonym matches 'Calls Today', "
    "'Answered Today', 'ASA Today' (header keys 'callstoday', ... in kpi/ingest/headers.py), "
    "so kpi/ingest/automap.py finds no offered / answered column and the shape check refuses. "
    "Fix: read a trailing 'Today' / 'Daily' / 'Day' as the period of the figure (strip it "
    "before matching), and leave 'WTD', 'MTD', 'QTD', 'YTD' columns out with a note (they "
    "re-count earlier days: taking 'Calls MTD' would give 40593 contacts instead of 6698)."
)


def test_today_columns_are_the_data() -> None:
    # 11 weekdays, 1-15 November 2024; the Today figures only.
    r = load(_TODAY)
    accounted(r, 11)
    assert days(r) == ("2024-11-01", "2024-11-15")
    assert "day" in grains(r), grains(r)
    expect(values(r, *QUEUE_KPIS), contacts=6698, abandonment_rate=0.0564, asa=46.9,
           aht=358.4946, service_level=0.7175)  # fmt: skip


def test_today_never_counts_wtd_or_mtd() -> None:
    # Whatever it does: refuse, or read the Today figures -- never a to-date column.
    try:
        r = ingest.read_files([DATA / "exports20" / _TODAY], timezone="UTC")
    except KpiLabError as e:
        assert "map its volume column" in str(e), str(e)
        return
    expect(values(r, "contacts"), contacts=6698)


# --- 6. Other denominators said in the headers; short abandons beside abandoned ------------------

_DEN = "sl_offered_short_abandons.csv"
_SL_OFFERED_WHY = (
    "'SL (ans/offered)' is not read (header key 'slansoffered' matches no service-level "
    "synonym; the decoration '(ans/offered)' is not stripped by kpi/ingest/headers.py), so the "
    "service level comes from the mis-mapped short-abandon count: 0.0092 instead of 0.6898. "
    "Once read, the percentage is answered within / OFFERED, as the header and the title "
    "line say: pooled it must be weighted by offered (0.6898), not by answered (0.6900, the "
    "engine's default for a displayed percentage, kpi/metrics/aggregated.py service_level); "
    "or converted to a count (within = SL x offered) and divided by answered + abandoned "
    "(0.7207), saying which. Offered exceeds answered + abandoned here (flow-outs)."
)


def test_denominators_rows_counts_averages() -> None:
    # 10 days x 2 queues; "Abandoned" includes short abandons (the default counts them), so
    # "Abandon % (excl. short)" (0.0485 pooled) is not the abandonment rate.
    r = load(_DEN)
    accounted(r, 20)
    assert days(r) == OCT
    assert "day" in grains(r), grains(r)
    expect(values(r, "contacts", "abandonment_rate", "asa", "aht"), contacts=6328,
           abandonment_rate=0.0569, asa=62.5642, aht=393.277)  # fmt: skip


def test_short_abandons_not_answered_within() -> None:
    fields = {f.target: f.source for f in load(_DEN).mapping.fields}
    assert fields.get("answered_within") != ("Short Abandons (<5s)",), fields


@pytest.mark.xfail(strict=True, reason=_SL_OFFERED_WHY)
def test_service_level_over_offered() -> None:
    expect(values(load(_DEN), "service_level"), service_level=0.6898)


# --- 7. Fiscal quarters by region and channel; the fiscal year's start in a title line -----------

_FY = "fiscal_quarters_region_channel.csv"
_FY_WHY = (
    "Refused: MissingDateColumn \"'fiscal_quarters_region_channel.csv' has no date column (its "
    "columns: Fiscal Quarter, Region, ...)\". 'FY25 Q1' .. 'FY26 Q1' are not period labels: "
    "kpi/ingest/grain.py _LABELS knows 'Q2 2024' and '2024-Q2' only, and the title line "
    "'Fiscal year starts 1 April: FY25 = 1 April 2024 to 31 March 2025' is skipped as a title "
    "(kpi/ingest/sniff.py preamble_rows) without being read. Fix: read 'FY25 Q1' / 'FY2025 "
    "Q1' / 'Q1 FY25' with the fiscal year's first month from a title line ('fiscal year "
    "starts 1 April', 'FY25 = April 2024 ...') or a setting, FY named by the calendar year it "
    "ends in; without either, refuse naming the column and asking for the start month."
)


@pytest.mark.xfail(strict=True, reason=_FY_WHY)
def test_fiscal_quarters_read_from_the_note() -> None:
    # 5 quarters x 2 regions x 2 channels; "FY25 Total" is not a period.
    r = load(_FY)
    all_accounted(r, 20)
    assert days(r) == ("2024-04-01", "2025-04-01")
    assert "quarter" in grains(r), grains(r)
    assert per_period(r, "contacts", "quarter") == {
        "2024-04-01": 58625, "2024-07-01": 56457, "2024-10-01": 52261, "2025-01-01": 51923,
        "2025-04-01": 55048}  # fmt: skip
    expect(values(r, *QUEUE_KPIS), contacts=274314, abandonment_rate=0.0595, asa=41.4935,
           aht=433.0001, service_level=0.7179)  # fmt: skip


def test_fiscal_quarters_never_calendar_quarters() -> None:
    # FY25 Q1 read as January 2025 would shift every quarter by nine months: refuse instead.
    try:
        r = ingest.read_files([DATA / "exports20" / _FY], timezone="UTC")
    except KpiLabError as e:
        assert "no date column" in str(e) or "fiscal" in str(e).lower(), str(e)
        return
    assert days(r) == ("2024-04-01", "2025-04-01")


def test_fiscal_quarters_without_note_not_guessed() -> None:
    # "FY2025 Q1" .. "Q4" and nothing saying when the fiscal year starts: the importer refuses,
    # or says which start month it assumed; it never reads them as calendar quarters silently.
    try:
        r = ingest.read_files([DATA / "exports20" / "fiscal_quarters_no_note.csv"], timezone="UTC")
    except KpiLabError as e:
        assert "no date column" in str(e) or "fiscal" in str(e).lower(), str(e)
        return
    t = text(r)
    assert "fiscal" in t and "assumed" in t, t
    expect(values(r, "contacts"), contacts=117058)


# --- 8. A units row under the header --------------------------------------------------------------

_UNITS = "units_row_daily.csv"


def test_units_row_set_aside() -> None:
    r = load(_UNITS)
    all_accounted(r, 20)
    assert days(r) == OCT
    assert "day" in grains(r), grains(r)
    expect(values(r, *QUEUE_KPIS), contacts=4546, abandonment_rate=0.0741, asa=63.9682,
           aht=354.3533, service_level=0.6542)  # fmt: skip


# --- 9. A French monthly summary: space thousands, "81,3 %" ---------------------------------------

_FR = "fr_synthese_mensuelle.csv"


def test_french_spaces_months() -> None:
    # "janv. 2024" .. "juin 2024" x 2 files d'attente.
    r = load(_FR)
    accounted(r, 12)
    assert days(r) == ("2024-01-01", "2024-06-01")
    assert "month" in grains(r), grains(r)
    assert per_period(r, "contacts", "month") == {
        "2024-01-01": 17105, "2024-02-01": 21832, "2024-03-01": 15548, "2024-04-01": 17407,
        "2024-05-01": 21391, "2024-06-01": 17817}  # fmt: skip
    assert by_segment(r, "queue")["Professionnels"] < by_segment(r, "queue")["Particuliers"]


def test_french_spaces_kpis() -> None:
    # "12 079" (U+202F), "11 083" (space), "1 119" (U+00A0); "40,3" s; "66,5 %".
    r = load(_FR)
    expect(values(r, *QUEUE_KPIS), contacts=111100, abandonment_rate=0.0529, asa=48.2523,
           aht=369.103, service_level=0.6979)  # fmt: skip
    assert "decimal comma" in text(r), text(r)


# --- 10. Weekly team totals as HH:MM over 24 hours, ASA "0:00:45" --------------------------------

_HHMM = "weekly_team_hhmm_totals.csv"
_HHMM_WHY = (
    "AHT, talk time and occupancy unavailable ('missing column aht_seconds', ...): 'Talk Time "
    "(hh:mm)', 'ACW (hh:mm)', 'Staffed (hh:mm)', 'AUX (hh:mm)' are not mapped and no note or "
    "warning says so. kpi/ingest/headers.py _UNIT_WORDS knows 'hh:mm:ss', 'h:mm:ss', 'mm:ss', "
    "'m:ss' but not 'hh:mm' / 'h:mm', so the decoration stays in the key ('talktimehhmm') and "
    "no synonym matches. Mapping them is not enough: the clock parser reads a two-part value "
    "as MM:SS (the note on 'ASA' says so; kpi/ingest/parsers.py _parse_hms), so '125:30' "
    "would be 7530 s instead of 451800 s (AHT 7.1105 instead of 426.6312). Fix: '(hh:mm)' is "
    "an hours:minutes unit (two-part values are H:MM), then the totals are period totals "
    "(per_answered): AHT = (talk + ACW) / handled, occupancy = (talk + ACW) / (staffed - AUX)."
)


def test_hhmm_rows_volume_asa() -> None:
    # 8 weeks (Mondays, dd/mm/yyyy) x 2 teams; ASA "0:00:15" (h:mm:ss).
    r = load(_HHMM)
    accounted(r, 16)
    assert days(r) == ("2024-09-02", "2024-10-21")
    assert "week" in grains(r), grains(r)
    expect(values(r, "contacts", "abandonment_rate", "asa"), contacts=18044,
           abandonment_rate=0.0733, asa=50.3929)  # fmt: skip
    unavailable(r, "service_level")


def test_hhmm_totals_over_24_hours() -> None:
    r = load(_HHMM)
    expect(values(r, "aht", "talk_time", "occupancy"), aht=426.6312, talk_time=366.2006,
           occupancy=0.8082)  # fmt: skip

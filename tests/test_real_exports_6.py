"""Sixth blind acceptance suite: aggregated (summary) reports and multi-file imports, no mapping.

The files in ``tests/data/exports6/`` are written by ``make_exports.py`` there (deterministic,
seeded). Every expected number is a literal computed with plain Python over the numbers the
generator wrote (``make_exports.py --expected``), never with KPI Lab code. Rules of summary
reports: contacts = sum offered (answered + abandoned without an offered column); abandonment =
sum abandoned / sum offered over rows whose abandoned cell is filled; ASA, AHT and a percentage
service level weighted by answered; service level from an answered-within count when the report
has one (/ (answered + abandoned)); occupancy pooled as handle time / (handle time / occupancy).

The defects this round found are fixed (the last: a report with one column group per queue is
now read one row per queue).

Only the public API is used: ``kpi.ingest.read_files`` and ``kpi.engine.compute``.
"""

from __future__ import annotations

import pandas as pd
import pytest
from exports_check import DATA, accounted, days, expect, grains, reader, values

from kpi import ingest

load = reader("exports6")
APRIL = ("2024-04-08", "2024-04-19")
QUEUE_KPIS = ("contacts", "abandonment_rate", "asa", "aht", "service_level")


def load_many(*names: str) -> ingest.ImportResult:
    return ingest.read_files([DATA / "exports6" / n for n in names], timezone="UTC")


# --- 1. Genesys Cloud queue performance -----------------------------------------------------------


def test_genesys_queue_performance_ui_export() -> None:
    # Interval Start 2024-04-08T04:00:00.000Z (daily view in New York), Offer / Answer / Answer %
    # / Abandon / Abandon % / ASA hh:mm:ss / AHT / "Service Level %" "59.3%".
    r = load("genesys_queue_performance.csv")
    accounted(r, 20)
    assert days(r) == APRIL
    assert "day" in grains(r), grains(r)
    expect(values(r, *QUEUE_KPIS), contacts=2379, abandonment_rate=0.0647, asa=46.258,
           aht=371.5681, service_level=0.7172)  # fmt: skip


# --- 2. Five9 skill summary per day: SL as a fraction "0.853" ---------------------------------------


def test_five9_skill_summary_fraction_service_level() -> None:
    r = load("five9_skill_summary.csv")
    accounted(r, 20)
    assert days(r) == APRIL
    assert "day" in grains(r), grains(r)
    assert set(r.dataset.frame["queue"].astype(str)) == {"Billing", "Tech Support"}
    expect(values(r, *QUEUE_KPIS), contacts=1764, abandonment_rate=0.0709, asa=46.3173,
           aht=385.9286, service_level=0.7082)  # fmt: skip


# --- 3. Avaya CMS split/skill interval: title lines, mm:ss, "% Within Service Level" 85 ---------------


def test_avaya_cms_counts_and_mm_ss_averages() -> None:
    # No offered column: contacts = ACD Calls + Aband Calls; AHT = Avg ACD Time + Avg ACW Time;
    # the Totals row is set aside (quarantined with a reason), not added.
    r = load("avaya_cms_split_interval.txt")
    accounted(r, 17, quarantined=1)
    assert r.report.rows_kept == 16
    assert days(r) == ("2024-04-15", "2024-04-16")
    expect(values(r, "contacts", "abandonment_rate", "asa", "aht"), contacts=480,
           abandonment_rate=0.0625, asa=53.3889, aht=372.4422)  # fmt: skip


def test_avaya_cms_percent_within_service_level() -> None:
    r = load("avaya_cms_split_interval.txt")
    expect(values(r, "service_level"), service_level=0.7086)


def test_avaya_cms_interval_starts() -> None:
    r = load("avaya_cms_split_interval.txt")
    assert "interval" in grains(r), grains(r)
    d = r.dataset.frame["date"].sort_values()
    assert d.iloc[0] == pd.Timestamp("2024-04-15 08:00")
    assert d.iloc[-1] == pd.Timestamp("2024-04-16 11:30")


# --- 4. Cisco UCCE call type report: answered-within-SL counts ---------------------------------------


def test_ucce_call_type_counts() -> None:
    # Interval "04/08/2024 12:00:00 AM" (month-first), Calls Offered / Calls Handled / Aband.
    r = load("ucce_call_type_daily.csv")
    accounted(r, 20)
    assert days(r) == APRIL
    expect(values(r, "contacts", "abandonment_rate", "asa", "aht"), contacts=2854,
           abandonment_rate=0.0757, asa=54.5826, aht=404.1744)  # fmt: skip


def test_ucce_service_level_from_counts() -> None:
    r = load("ucce_call_type_daily.csv")
    expect(values(r, "service_level"), service_level=0.6917)


def test_ucce_call_type_is_a_segment() -> None:
    r = load("ucce_call_type_daily.csv")
    assert set(r.dataset.frame["queue"].astype(str)) == {"CT_Sales_EN", "CT_Care_EN"}


# --- 5. Talkdesk daily calls: empty abandoned cells; April + May in two files --------------------------


def test_talkdesk_empty_abandoned_leaves_both_sides() -> None:
    # 04/10 and 04/17 have an empty "Abandoned Calls": those days leave the abandonment
    # numerator and denominator (offered still counts in contacts).
    r = load("talkdesk_daily_calls_2024-04.csv")
    accounted(r, 10)
    assert days(r) == APRIL
    expect(values(r, *QUEUE_KPIS), contacts=2014, abandonment_rate=0.0514, asa=52.0284,
           aht=364.6453, service_level=0.7303)  # fmt: skip


def test_talkdesk_two_monthly_files_together() -> None:
    r = load_many("talkdesk_daily_calls_2024-04.csv", "talkdesk_daily_calls_2024-05.csv")
    accounted(r, 20)
    assert r.report.rows_kept == 20
    assert days(r) == ("2024-04-08", "2024-05-17")
    assert "day" in grains(r), grains(r)
    expect(values(r, *QUEUE_KPIS), contacts=4059, abandonment_rate=0.0495, asa=47.4436,
           aht=378.1997, service_level=0.6963)  # fmt: skip


# --- 6. NICE CXone skill summary workbook, numbers stored as text ---------------------------------------


def test_cxone_workbook_numbers_stored_as_text() -> None:
    # Every cell a string: "47", "0:48" (mm:ss), "3:49", SL "0.51".
    r = load("cxone_skill_summary_text.xlsx")
    accounted(r, 20)
    assert days(r) == APRIL
    expect(values(r, *QUEUE_KPIS), contacts=1144, abandonment_rate=0.0629, asa=59.0252,
           aht=384.4384, service_level=0.6881)  # fmt: skip


# --- 7. Wide report: one column group per queue ----------------------------------------------------------


def test_wide_report_column_group_per_queue() -> None:
    r = load("wide_queue_groups.csv")
    assert days(r) == APRIL
    got = values(r, "contacts", "abandonment_rate", "asa", "aht")
    expect(got, contacts=2419, abandonment_rate=0.0781, asa=52.7161, aht=366.3803)


# --- 8. Agent daily report: login, occupancy, utilisation --------------------------------------------------


def test_agent_daily_occupancy_not_utilisation() -> None:
    # Login Time / Available Time (hh:mm:ss) and Utilization % must not be taken for occupancy.
    r = load("agent_daily_occupancy.csv")
    accounted(r, 60)
    assert days(r) == APRIL
    assert r.dataset.frame["agent_id"].nunique() == 6
    expect(values(r, "contacts", "aht", "occupancy"), contacts=3125, aht=324.1504,
           occupancy=0.7995)  # fmt: skip


# --- 9. Spanish daily report ------------------------------------------------------------------------------


def test_spanish_report_counts_and_tmo() -> None:
    # ';', dd/mm/yyyy, Llamadas recibidas / atendidas / abandonadas, TMO m:ss.
    r = load("informe_diario_colas_es.csv")
    accounted(r, 20)
    assert days(r) == APRIL
    expect(values(r, "contacts", "abandonment_rate", "aht"), contacts=1812,
           abandonment_rate=0.0508, aht=347.8605)  # fmt: skip


def test_spanish_report_asa_and_service_level() -> None:
    r = load("informe_diario_colas_es.csv")
    expect(values(r, "asa", "service_level"), asa=44.9035, service_level=0.6924)


def test_spanish_report_queue_segment() -> None:
    r = load("informe_diario_colas_es.csv")
    assert set(r.dataset.frame["queue"].astype(str)) == {"Atención al cliente", "Ventas"}


# --- 10. Monthly report: "Apr 2024" / "2024-04" / "April 2024" ---------------------------------------------


@pytest.mark.parametrize("name", ["monthly_abbr.csv", "monthly_iso.csv", "monthly_long.csv"])
def test_monthly_labels(name: str) -> None:
    r = load(name)
    accounted(r, 6)
    assert days(r) == ("2024-04-01", "2024-06-01")
    assert "month" in grains(r), grains(r)
    expect(values(r, *QUEUE_KPIS), contacts=16629, abandonment_rate=0.0592, asa=72.1833,
           aht=354.1634, service_level=0.7043)  # fmt: skip


# --- 11. Contact log + CSAT survey export joined by contact id ---------------------------------------------


def test_contact_log_alone() -> None:
    r = load("calls_contact_log.csv")
    accounted(r, 80)
    assert days(r) == APRIL
    expect(values(r, *QUEUE_KPIS), contacts=80, abandonment_rate=0.125, asa=43.7429,
           aht=485.7429, service_level=0.6125)  # fmt: skip


def test_contact_log_with_survey_control_header() -> None:
    # Same responses under the header "CSAT": joined, survey rows are not contacts.
    r = load_many("calls_contact_log.csv", "csat_survey_control.csv")
    accounted(r, 102)
    assert days(r) == APRIL
    expect(values(r, "contacts", "abandonment_rate", "aht", "csat"), contacts=80,
           abandonment_rate=0.125, aht=485.7429, csat=4.0909)  # fmt: skip


def test_contact_log_with_csat_survey_export() -> None:
    r = load_many("calls_contact_log.csv", "csat_survey_responses.csv")
    accounted(r, 102)
    expect(values(r, "contacts", "abandonment_rate", "aht", "csat"), contacts=80,
           abandonment_rate=0.125, aht=485.7429, csat=4.0909)  # fmt: skip

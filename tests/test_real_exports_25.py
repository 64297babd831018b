"""Twenty-fifth blind acceptance suite: aggregated KPI reports whose KPIs are written the many
ways real reports write them.

The files in ``tests/data/exports25/`` are written by ``make_exports.py`` there (deterministic,
seeded). Every expected number is a literal computed with plain Python over the figures the
generator drew and displayed (``make_exports.py --expected``), never with KPI Lab code.
Definitions are the registry's defaults: contacts = sum of offered (answered in a report
without offered); abandonment = abandoned / offered, short abandons counted; ASA, AHT and a
displayed service level weighted by answered; a service-level count gives within / (answered +
abandoned); CSAT weighted by its responses; NPS = % promoters - % detractors (-100..100) pooled
over responses; FCR % pooled over the contacts it is based on; occupancy = handle time /
(logged in - not ready); transfer rate over answered.

Each file is a normal summary report with one trap: an Avaya CMS split/skill report where a
call queued to several skills counts in each skill (the "Totals" line is not their sum); a
"Service Level (60s)"; a week's "Total Handle Time" in H:MM:SS past 24 hours beside "SL %
(20s)"; "CSAT Avg" with "CSAT Responses" and a "% Satisfied (4-5)"; an NPS survey summary;
"Abandoned (>5s)" beside "Short Abandons"; "Overflow Out" / "Transferred Out" / "Callbacks"
with ASA "38s" and AHT "6m 25s"; "Calls Answered Within SL" whose 30 s threshold is only in a
title line; an agent state summary ("Logged In", "Available", "Not Ready", "Handle Time");
"FCR %" with its "FCR Surveys"; an interval report with "SL% (20s)" and "SL% (60s)".

The round found these importer defects, each marked ``xfail(strict=True)`` with its diagnosis.
SILENT (a wrong number, nothing said): the CMS skill rows are summed and the de-duplicated
"Totals" lines set aside (contacts 1,175 for 946, abandonment 0.0766 for 0.0951); a service
level whose threshold (30 s) is only in a title line is shown as the 20 s service level with
no word. SAID (the KPI comes out unavailable): service level lost from "SL % (20s)" / "SL%
(20s)" (two files); CSAT lost from "CSAT Avg"; abandonment lost from "Abandoned (>5s)";
occupancy lost from "Logged In" + "Not Ready"; FCR lost from "FCR %" + its basis; NPS and CSAT
top-2 box refused for any summary ("needs contact-level data"); "Split/Skill" not a segment.
Read right: a 60 s threshold said; a week's total handle time past 24 h; "38s" / "6m 25s";
flow-outs and callbacks; decimal minutes; "% Satisfied" and "% Promoters" not taken as CSAT.

Only the public API is used: ``kpi.ingest.read_files`` and ``kpi.engine.compute``.
"""

from __future__ import annotations

import pytest
from exports_check import accounted, days, expect, grains, reader, text, unavailable, values

load = reader("exports25")
JUN = ("2025-06-02", "2025-06-13")
SEP = ("2025-09-01", "2025-09-12")
KPIS = ("contacts", "abandonment_rate", "asa", "aht", "service_level")
SL_PCT_KEY = (
    "automap.py _sl_threshold only reads a threshold after the name when nothing but spaces, "
    "'_' or '(' stand between ('_SL_SECONDS': '[\\s_(]*'), so the '%' of 'SL % (20s)' / "
    "'SL% (20s)' stops it; and headers.py header_key keeps the threshold in the key ('sl20s'), "
    "so the 'SL %' synonym of service_level does not match either: the column is not mapped."
)

# --- 1. Avaya CMS split/skill daily: a call counts in each skill it queued to ------------------

_CMS = "cms_skill_multiskill.csv"


def test_cms_rows_days() -> None:
    r = load(_CMS)
    accounted(r, 40, 10)  # 10 "Totals" lines set aside either way
    assert days(r) == JUN


def test_cms_overlap_said() -> None:
    # The Totals lines count fewer calls than the skill rows beside them: said, not silent.
    assert "10 total lines count fewer contacts than the rows beside them" in text(load(_CMS))


@pytest.mark.xfail(
    strict=True,
    reason="SAID (a note, since session 5; the numbers are still over the overlapping rows): "
    "contacts 1175 (the three skills' offered summed), abandonment 0.0766, "
    "ASA 46.9042, AHT 473.396, SL 0.6098 instead of the Totals lines' 946 / 0.0951 / 46.9393 / "
    "473.2956 / 0.6086. The title says a call queued to more than one skill counts in each "
    "skill and the Totals count each call once, but rows.py _label_totals sets a 'Totals' line "
    "aside whenever other rows share its date, without checking that it is their sum (here it "
    "is less: 1175 vs 946 offered); the warnings only say rows sharing a date were added up.",
)
def test_cms_kpis_from_totals() -> None:
    expect(values(load(_CMS), *KPIS), contacts=946, abandonment_rate=0.0951, asa=46.9393,
           aht=473.2956, service_level=0.6086)  # fmt: skip


def test_cms_skill_is_a_segment() -> None:
    frame = load(_CMS).dataset.frame
    assert "queue" in frame and frame["queue"].nunique() == 3


# --- 2. "Service Level (60s)": a non-default threshold --------------------------------------

_S60 = "queue_sl_60s.csv"


def test_sl60_rows_days_kpis() -> None:
    r = load(_S60)
    accounted(r, 20)
    assert days(r) == SEP
    expect(values(r, *KPIS), contacts=2855, abandonment_rate=0.0529, asa=42.7707, aht=386.2615,
           service_level=0.7191)  # fmt: skip


def test_sl60_threshold_said() -> None:
    assert "threshold of 60 s" in text(load(_S60))


# --- 3. Weekly "Total Handle Time" H:MM:SS past 24 h, "SL % (20s)" ----------------------------

_WTH = "weekly_total_handle.csv"


def test_weekly_total_rows_days() -> None:
    r = load(_WTH)
    accounted(r, 16)
    assert days(r) == ("2025-06-02", "2025-07-21")


def test_weekly_total_handle_kpis() -> None:
    # AHT = the week's total handle time / handled ("153:24:10" is 153 h, not a clock).
    expect(values(load(_WTH), "contacts", "abandonment_rate", "asa", "aht"), contacts=10450,
           abandonment_rate=0.0588, asa=60.1899, aht=350.1017)  # fmt: skip


def test_weekly_total_service_level() -> None:
    expect(values(load(_WTH), "service_level"), service_level=0.7033)


# --- 4. "CSAT Avg" + "CSAT Responses", "% Satisfied (4-5)" ----------------------------------------

_CS = "channel_csat_responses.csv"


def test_csat_rows_days_queue_kpis() -> None:
    r = load(_CS)
    accounted(r, 20)
    assert days(r) == JUN  # dd/mm/yyyy
    expect(values(r, *KPIS), contacts=3191, abandonment_rate=0.0536, asa=52.0222, aht=363.7623,
           service_level=0.6633)  # fmt: skip


def test_csat_weighted_by_responses() -> None:
    expect(values(load(_CS), "csat"), csat=3.7605)


def test_csat_top2_from_pct_satisfied() -> None:
    expect(values(load(_CS), "csat_top2"), csat_top2=0.6666)


# --- 5. Monthly NPS survey summary -----------------------------------------------------------------

_NPS = "monthly_nps_survey.csv"


def test_nps_rows_days_volume() -> None:
    r = load(_NPS)
    accounted(r, 18)
    assert days(r) == ("2025-01-01", "2025-06-01")
    expect(values(r, "contacts"), contacts=72170)  # handled: no offered column


def test_nps_no_queue_kpis_no_csat() -> None:
    # "% Promoters" is no service level and no CSAT; there is no queue figure at all.
    unavailable(load(_NPS), "abandonment_rate", "asa", "aht", "service_level", "csat")


def test_nps_pooled_over_responses() -> None:
    expect(values(load(_NPS), "nps"), nps=9.0855)


# --- 6. "Abandoned (>5s)" beside "Short Abandons" -------------------------------------------------

_AB5 = "abandons_over_5s.csv"


def test_ab5_rows_days_kpis() -> None:
    r = load(_AB5)
    accounted(r, 20)
    assert days(r) == SEP
    expect(values(r, "contacts", "asa", "aht", "service_level"), contacts=2962, asa=50.8852,
           aht=380.3266, service_level=0.6609)  # fmt: skip


def test_ab5_abandonment_counts_short() -> None:
    expect(values(load(_AB5), "abandonment_rate"), abandonment_rate=0.0675)


# --- 7. Overflow Out / Transferred Out / Callbacks, ASA "38s", AHT "6m 25s" ------------------------

_FLOW = "queue_flow_callbacks.csv"


def test_flow_rows_days_kpis() -> None:
    r = load(_FLOW)
    accounted(r, 20)
    assert days(r) == JUN
    # Overflow and callbacks leave the queue: in offered, neither answered nor abandoned.
    expect(values(r, *KPIS, "transfer_rate"), contacts=2376, abandonment_rate=0.0568,
           asa=55.5933, aht=391.8365, service_level=0.7218, transfer_rate=0.0452)  # fmt: skip


# --- 8. "Calls Answered Within SL": the 30 s threshold only in a title line ------------------------

_SLC = "sl_count_title_threshold.csv"


def test_sl_count_rows_days_kpis() -> None:
    r = load(_SLC)
    accounted(r, 15)
    assert days(r) == ("2025-09-01", "2025-09-19")  # m/d/yyyy
    expect(values(r, "contacts", "abandonment_rate", "service_level"), contacts=5415,
           abandonment_rate=0.0504, service_level=0.7488)  # fmt: skip


def test_sl_count_decimal_minutes() -> None:
    # "0.63" min: 37.8 s as written, 38 s to the whole second (both honest readings).
    got = values(load(_SLC), "asa", "aht")
    assert abs(got["asa"] - 45.1452) <= 1e-4 or abs(got["asa"] - 45.1484) <= 1e-4, got
    assert abs(got["aht"] - 394.8799) <= 1e-4 or abs(got["aht"] - 394.8683) <= 1e-4, got


def test_sl_count_threshold_from_title_said() -> None:
    assert "30 s" in text(load(_SLC))


# --- 9. Agent state summary: Logged In / Available / Not Ready / Handle Time -----------------------

_AG = "agent_state_summary.csv"


def test_agent_rows_days_kpis() -> None:
    r = load(_AG)
    accounted(r, 60)
    assert days(r) == JUN
    expect(values(r, "contacts", "aht"), contacts=3223, aht=360.0056)
    unavailable(r, "abandonment_rate", "asa", "service_level")


def test_agent_occupancy() -> None:
    expect(values(load(_AG), "occupancy"), occupancy=0.7881)


# --- 10. "FCR %" with its basis "FCR Surveys" -------------------------------------------------------

_FCR = "weekly_fcr_surveyed.csv"


def test_fcr_rows_days_kpis() -> None:
    r = load(_FCR)
    accounted(r, 16)
    assert days(r) == ("2025-06-02", "2025-07-21")  # ISO weeks 23-30
    expect(values(r, *KPIS), contacts=12295, abandonment_rate=0.076, asa=48.5902, aht=358.855,
           service_level=0.6729)  # fmt: skip


def test_fcr_pooled_over_its_basis() -> None:
    expect(values(load(_FCR), "fcr"), fcr=0.7775)


# --- 11. Interval report with "SL% (20s)" and "SL% (60s)" -------------------------------------------

_IV = "interval_two_sl.csv"


def test_interval_rows_days_kpis() -> None:
    r = load(_IV)
    accounted(r, 120)
    assert days(r) == ("2025-09-08", "2025-09-10")  # dd.mm.yyyy
    assert grains(r) == {"interval"}
    expect(values(r, "contacts", "abandonment_rate", "asa", "aht"), contacts=2154,
           abandonment_rate=0.0455, asa=49.3191, aht=378.9728)  # fmt: skip


def test_interval_sl_20s_chosen() -> None:
    expect(values(load(_IV), "service_level"), service_level=0.7204)

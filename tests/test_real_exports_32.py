"""Thirty-second blind acceptance suite: big-platform exports worked on by hand in Excel or
Google Sheets before the upload.

The files in ``tests/data/exports32/`` are written by ``make_exports.py`` there (deterministic,
seeded). Every expected number is a literal computed with plain Python over the records the
generator drew (``make_exports.py --expected``), never with KPI Lab code. Definitions are the
registry's defaults (see the generator's docstring): contacts = rows of a contact log (sum
offered in a summary); abandonment and service level (20 s, abandons negative) over inbound
queued contacts; ASA over answered; AHT = talk + hold + ACW over handled contacts; CSAT the mean
1-5 rating; summaries weighted by answered. The truth is what a careful human counts: a typed
total or SUBTOTAL row is no record, a row hidden by an AutoFilter still is (a filter is a view),
a typed-over cell ("?", "check") is no figure and its row stays a contact.

Files (formula cells carry cached values, as Excel saves them): Amazon Connect contact search
with "Wait" renamed, an "AHT (m)" formula column and a typed SUM "Total" row; Genesys Cloud
Interactions with an AutoFilter hiding the Sales rows, a SUBTOTAL row and a pivot sheet; a
Five9 Call Log with waits typed over ("?", "check"), yellow rows and a "Notes" column whose words
read like outcomes; two NICE CXone exports pasted one under the other, the second header in
another column order; Zendesk Talk with 9 start times re-typed as UK text; Salesforce Service
Cloud Voice with numbers stored as text (quote prefix) and 6 cells with a visible apostrophe
("'45"); a Dynamics 365 daily queue report with the abandon rate made 0-1 by a formula, the
service level left 0-100 and a typed Total row; Talkdesk with a pivot sheet + chart inserted in
front of the data, renamed "Wait" / "Talk" / "Hold" / "Wrap" and an "AHT (m)" formula; a
Genesys export downloaded from Google Sheets as CSV with a blank line and a TOTAL row; a
Dynamics 365 conversation export whose 8 re-typed UK dates all have a day of 12 or less.

The round found these importer defects, each marked ``xfail(strict=True)`` with its diagnosis.
SILENT (a wrong number, nothing said): none; the hand edits of the theme (total and SUBTOTAL
rows, hidden rows, pivot / chart sheets in front, a second header in another order, formula
columns, quote-prefixed numbers, a 0-1 rate beside a 0-100 level) are all handled.
SAID (a row quarantined with a reason, a KPI unavailable, or a note that an order was assumed),
each still losing or bending a number: a wait typed over with "check" quarantines the whole
contact (parsers.py PLACEHOLDERS knows "?" but not "check"), so contacts 79 for 80; a number
typed with a visible leading apostrophe ("'45") is unparseable and quarantines its contact
(parsers.py parse_number_noted: _GROUP_MARK drops an apostrophe only before three digits);
the duration names of the vendors' own UI exports are unknown (headers.py INTERACTION_SYNONYMS:
Connect "Agent interaction duration" / "Customer hold duration" / "After contact work
duration", Zendesk "Call talk time (sec)" / "Call hold time (sec)" / "Call wrap-up time (sec)",
Salesforce "Agent Interaction Duration" / "Total Hold Duration" / "After Conversation Work
Time"), so AHT is unavailable; Dynamics 365's "Status reason" (Closed / Abandoned) is no
outcome column (outcomes.py OUTCOME_NAMES lacks "statusreason"), so abandonment and service
level are unavailable; re-typed "dd/mm/yyyy" dates that are all ambiguous are read month-first
(dates.py detect_date_order weighs only the d/m/y-written values, not the 64 ISO values from
the date-time cells that fix the period to June), putting 6 June contacts in October to
December: said as an assumption, yet the days and per-day counts are wrong.

Only the public API is used: ``kpi.ingest.read_files`` and ``kpi.engine.compute``.
"""

from __future__ import annotations

import pytest
from exports_check import (
    accounted,
    all_accounted,
    days,
    expect,
    office_hours,
    per_period,
    reader,
    starts,
    text,
    unavailable,
    values,
)

load = reader("exports32")
JUN = ("2025-06-02", "2025-06-13")
SEP = ("2025-09-01", "2025-09-12")
KPIS = ("contacts", "abandonment_rate", "asa", "aht", "service_level")
QUEUE_KPIS = ("contacts", "abandonment_rate", "asa", "service_level")
JUN_DAYS = ["2025-06-02", "2025-06-03", "2025-06-04", "2025-06-05", "2025-06-06",
            "2025-06-09", "2025-06-10", "2025-06-11", "2025-06-12", "2025-06-13"]  # fmt: skip


# --- 1. Amazon Connect: "Wait" renamed, "AHT (m)" formula column, typed SUM Total row ----------

_CONNECT = "connect_ctr_edited.xlsx"
_CONNECT_NAMES = (
    "said, not silent: AHT unavailable ('missing column handle_seconds or talk_seconds'; "
    "expected 468.7975 from the three duration columns in seconds). The Connect contact "
    "search export's own column labels 'Agent interaction duration', 'Customer hold duration' "
    "and 'After contact work duration' are not in headers.py INTERACTION_SYNONYMS (only the "
    "CTR field paths 'Agent.AgentInteractionDuration' etc. of the amazon_connect preset in "
    "mapping.py PRESETS), so automap maps no talk, hold or ACW column. Not caused by the "
    "hand-added 'AHT (m)' column (the same file without it maps the same)."
)


def test_connect_rows_days() -> None:
    r = load(_CONNECT)
    all_accounted(r, 90)  # the typed "Total" row of SUM formulas is no contact
    assert r.report.rows_quarantined == 1
    assert days(r) == JUN
    office_hours(r)


def test_connect_queue_kpis() -> None:
    # "Wait" (renamed from "Queue duration") is the wait; the Total row adds nothing.
    expect(values(load(_CONNECT), *QUEUE_KPIS), contacts=90, abandonment_rate=0.1222,
           asa=55.4304, service_level=0.5778)  # fmt: skip


def test_connect_aht() -> None:
    expect(values(load(_CONNECT), "aht"), aht=468.7975)


# --- 2. Genesys Cloud: AutoFilter hiding the Sales rows, SUBTOTAL row, pivot sheet ----------

_GEN = "genesys_filtered_pivot.xlsx"


def test_genesys_filtered_rows_days() -> None:
    r = load(_GEN)
    all_accounted(r, 100)  # 36 hidden Sales rows are records; the SUBTOTAL row is not
    assert r.report.rows_quarantined == 1
    assert days(r) == SEP
    office_hours(r)
    assert "interactions" in text(r)  # the data sheet, not the pivot


def test_genesys_filtered_kpis() -> None:
    expect(values(load(_GEN), *KPIS), contacts=100, abandonment_rate=0.16, asa=56.2976,
           aht=489.8452, service_level=0.55)  # fmt: skip


# --- 3. Five9: waits typed over ("?", "check"), a "Notes" column that reads like outcomes ------

_F9 = "five9_notes_overtyped.xlsx"
_F9_CHECK = (
    "said, not silent: the row whose QUEUE WAIT TIME was typed over with 'check' is "
    "quarantined ('unparseable wait_seconds: 1'), so the contact is lost: contacts 79 for 80, "
    "abandonment 0.0933 for 0.0875, AHT 471.625 for 468.5753 (its talk / hold / ACW are "
    "fine). parsers.py PLACEHOLDERS (used by parse_number_noted and the duration parser via "
    "_NO_DURATION) knows '?', 'tbc', 'pending' but not 'check' (nor 'verify', 'tbc?'): a typed "
    "mark in one figure should blank that figure, not drop the contact."
)


def test_five9_days_clock() -> None:
    r = load(_F9)
    assert days(r) == JUN
    office_hours(r)


def test_five9_rows_kept() -> None:
    accounted(load(_F9), 80, 0)


def test_five9_asa_over_known_waits() -> None:
    # the five typed-over waits are no figure: ASA over the 63 answered calls with a wait
    expect(values(load(_F9), "asa"), asa=57.3235)


@pytest.mark.xfail(
    strict=True,
    reason="OPEN (the 'check' row is kept since session 5): abandonment 0.0933 for 0.0875. The "
    "engine counts a contact as queued when its wait is known (kpi/metrics/sql.py _queued), so "
    "the 5 answered calls whose wait was typed over ('?', 'check') leave the abandonment "
    "denominator too; an unknown wait of an answered call should still count it as queued.",
)
def test_five9_kpis() -> None:
    # "cust said she abandoned 2 calls before" in Notes does not make a call abandoned
    expect(values(load(_F9), "contacts", "abandonment_rate", "aht"), contacts=80,
           abandonment_rate=0.0875, aht=468.5753)  # fmt: skip


# --- 4. NICE CXone: two exports pasted one under the other, second header reordered ----------

_CX = "cxone_two_pasted.xlsx"


def test_cxone_two_pasted_rows_days() -> None:
    r = load(_CX)
    all_accounted(r, 90)  # the blank line and the second header are no contacts
    assert days(r) == JUN
    office_hours(r)
    assert "another order" in text(r)


def test_cxone_two_pasted_kpis() -> None:
    # week 2's "Agent Time" / "In Queue" are read by their own header, not by position
    expect(values(load(_CX), *KPIS), contacts=90, abandonment_rate=0.1111, asa=59.275,
           aht=442.4125, service_level=0.5222)  # fmt: skip


# --- 5. Zendesk Talk: 9 start times re-typed as UK text ("04/06/2025 13:37") ----------------

_ZD = "zendesk_retyped_dates.xlsx"


def test_zendesk_retyped_rows_days() -> None:
    r = load(_ZD)
    accounted(r, 80)
    assert days(r) == JUN
    office_hours(r)


def test_zendesk_retyped_per_day() -> None:
    # 04/06 is 4 June (day-first, as 13/06 shows), so every day keeps its 8 calls
    assert per_period(load(_ZD), "contacts", "day") == {d: 8.0 for d in JUN_DAYS}
    minutes = set(starts(load(_ZD)).dt.strftime("%Y-%m-%d %H:%M"))
    assert {"2025-06-03 08:59", "2025-06-04 08:42", "2025-06-04 13:37", "2025-06-12 10:52",
            "2025-06-12 14:08", "2025-06-13 16:39"} <= minutes  # fmt: skip


def test_zendesk_retyped_queue_kpis() -> None:
    expect(values(load(_ZD), *QUEUE_KPIS), contacts=80, abandonment_rate=0.1,
           asa=42.6389, service_level=0.6625)  # fmt: skip


def test_zendesk_retyped_aht() -> None:
    expect(values(load(_ZD), "aht"), aht=510.8056)


# --- 6. Salesforce Service Cloud Voice: numbers stored as text, "'45" typed --------------------

_SF = "salesforce_scv_text_numbers.xlsx"
_SF_APOS = (
    "said, not silent: the 'Queue Wait Time' cell typed with a visible leading apostrophe "
    '("\'19", a Google Sheets copy) is unparseable and quarantines its contact '
    "('unparseable wait_seconds: 1'): contacts 79 for 80, abandonment 0.1772 for 0.175, ASA "
    "41.2462 for 40.9091, service level 0.5823 for 0.5875. parsers.py parse_number_noted "
    "strips an apostrophe only as a Swiss thousands mark before three digits (_GROUP_MARK); a "
    "leading apostrophe (Excel / Sheets text marker) is not taken off."
)


def test_salesforce_days_text_numbers() -> None:
    r = load(_SF)
    assert days(r) == JUN
    office_hours(r)  # "6/2/2025, 9:19 AM"


def test_salesforce_rows_kept() -> None:
    accounted(load(_SF), 80, 0)


def test_salesforce_queue_kpis() -> None:
    # a third of the rows hold quote-prefixed text numbers ("371"): the same figures
    expect(values(load(_SF), *QUEUE_KPIS), contacts=80, abandonment_rate=0.175,
           asa=40.9091, service_level=0.5875)  # fmt: skip


def test_salesforce_aht() -> None:
    expect(values(load(_SF), "aht"), aht=493.1515)


# --- 7. Dynamics 365 daily queue report: abandon rate 0-1 by formula, SL 0-100, Total row -----

_D365 = "d365_daily_rates_formula.xlsx"


def test_d365_daily_rows_days() -> None:
    r = load(_D365)
    all_accounted(r, 20)  # the typed Total row of SUM / SUMPRODUCT formulas is set aside
    assert days(r) == SEP


def test_d365_daily_kpis() -> None:
    # the service level pasted as 89.42 (no % sign) is 0-100; the formula rate is 0-1
    expect(values(load(_D365), *KPIS), contacts=1183, abandonment_rate=0.06, asa=57.9622,
           aht=369.7158, service_level=0.7201)  # fmt: skip


# --- 8. Talkdesk: pivot + chart sheet in front, renamed headers, "AHT (m)" formula ------------

_TD = "talkdesk_pivot_first.xlsx"


def test_talkdesk_pivot_first_rows_days() -> None:
    r = load(_TD)
    accounted(r, 90)  # the calls sheet, not the pivot in front of it
    assert days(r) == SEP
    office_hours(r)


def test_talkdesk_pivot_first_kpis() -> None:
    expect(values(load(_TD), *KPIS, "csat"), contacts=90, abandonment_rate=0.1778,
           asa=44.3378, aht=445.2703, service_level=0.5778, csat=3.8654)  # fmt: skip


# --- 9. Genesys via Google Sheets CSV: blank line then a TOTAL row ---------------------------

_GS = "genesys_gsheets_total.csv"


def test_gsheets_total_rows_days() -> None:
    r = load(_GS)
    all_accounted(r, 80)
    assert days(r) == SEP
    office_hours(r)


def test_gsheets_total_kpis() -> None:
    expect(values(load(_GS), *KPIS), contacts=80, abandonment_rate=0.1875, asa=55.7385,
           aht=479.6923, service_level=0.5)  # fmt: skip


# --- 10. Dynamics 365 conversations: 8 re-typed UK dates, all with a day of 12 or less -------

_DC = "d365_conversations_retyped.xlsx"
_DC_ORDER = (
    "said, yet wrong: the 8 re-typed 'Created On' texts ('06/06/2025 09:38', '11/06/2025 "
    "10:19', all days <= 12) are read month-first ('ambiguous ... month-first was assumed'), so "
    "6 June contacts land on 2025-10-06 (1), 2025-11-06 (4), 2025-12-06 (1) ('06/06' reads "
    "the same either way); 10, 11 and 12 June lose them, the range ends "
    "2025-12-06 for 2025-06-12. dates.py detect_date_order counts only the d/m/y-written "
    "values; the 64 ISO values of the same column (Excel date-time cells, all 2 to 12 June) "
    "are not evidence, though they place the text dates in June only when read day-first."
)
_DC_STATUS = (
    "said, not silent: abandonment and service level unavailable ('missing column "
    "abandoned'; expected 0.1111 and 0.5694). The D365 'Status reason' column (Closed / "
    "Abandoned) is not taken as the outcome: outcomes.py OUTCOME_NAMES has 'status' but not "
    "'statusreason', so automap falls back to answered = talk time above zero."
)


def test_d365_conversations_days() -> None:
    r = load(_DC)
    accounted(r, 72)
    assert days(r) == ("2025-06-02", "2025-06-12")


def test_d365_conversations_per_day() -> None:
    assert per_period(load(_DC), "contacts", "day") == {d: 8.0 for d in JUN_DAYS[:9]}


def test_d365_conversations_handle_kpis() -> None:
    expect(values(load(_DC), "contacts", "asa", "aht"), contacts=72, asa=50.0312,
           aht=469.875)  # fmt: skip


def test_d365_conversations_abandonment() -> None:
    expect(values(load(_DC), "abandonment_rate", "service_level"), abandonment_rate=0.1111,
           service_level=0.5694)  # fmt: skip


def test_d365_conversations_no_csat() -> None:
    unavailable(load(_DC), "csat")

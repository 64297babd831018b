"""Forty-first blind acceptance suite: the most common first imports of HELPDESK ticket data.

The files in ``tests/data/exports41/`` are written by ``make_exports.py`` there (deterministic,
seeded): the default export (2026 UI, default columns and formats) of Zendesk Explore (CSV),
Zendesk's legacy "Export as CSV", Freshdesk, ServiceNow incidents (.csv with field names and
.xlsx with labels), Jira Service Management, HubSpot, Intercom, Salesforce Service Cloud cases
and Help Scout: 3,000 to 8,000 tickets a file over four weeks (6 April - 3 May 2026). Every
expected number is a literal computed with plain Python over the tickets the generator drew
(``make_exports.py --expected``), never with KPI Lab code. Definitions (the registry's
defaults): a ticket counts once; FRT = mean calendar seconds to the first reply; resolution
time mean / median = calendar seconds from creation to the LAST solve; SLA compliance with the
default targets (urgent 1/4 h, high 4/24 h, normal 8/72 h, low 24/120 h) over tickets with the
time plus open tickets past their target at the data's end; backlog at the end of a day =
tickets created by then and not solved by then (canceled / closed with no solved time: not
open); spam and merged tickets are no tickets; CSAT the mean 1-5 rating (Zendesk good / bad =
5 / 1); tickets per week by creation. Naive local times are read as they are (import zone UTC).

Traps of real data at scale: heavy-tailed resolution times (hours to weeks), tickets still open
at export time, reopened tickets (first vs full resolution), vendor priorities (Urgent / High /
Normal / Low, Medium, Highest / Lowest, "1 - Critical" .. "5 - Planning", Critical), business-
hours twins of the calendar figures, merged and spam tickets, accented agent names, a UTC column
beside a local one, resolved vs closed (auto-close 3 days later) timestamps, a 0/1 "Closed" flag.

Findings (each ``xfail(strict=True)`` with its diagnosis):
SILENT: ServiceNow's Excel export (labels "Resolved" and "Closed"): the solved time is "Closed"
(the auto-close, 3 days after the resolve; canceled incidents' close time counted as a solve),
because headers.py INTERACTION_SYNONYMS["solved_time"] lists "Closed" before "Resolved" and
automap.py takes the first synonym that matches: resolution time 445216.06 s for 194092.71,
resolution SLA 0.1018 for 0.553, backlog wrong. (The CSV export's "resolved_at" is right.)
SILENT: Zendesk's legacy export keeps merged tickets (Status "Closed", tag "closed_by_merge")
as tickets: contacts.py only sets aside the _JUNK_STATUSES (spam / deleted), never a merge tag,
so contacts 3541 for 3468 and every ticket KPI and weekly count drifts.
SAID: Salesforce cases refused (all 5,000 rows quarantined, "unparseable resolution_seconds"):
the standard report's 0/1 "Closed" checkbox is the synonym "Closed" of solved_time, matched
before "Date/Time Closed" (headers.py order; automap.py does not check the column holds times).
SAID: Intercom's dataset export refused ("'Conversation started at (UTC)' looks like dates -
map it to start_time"): no start_time synonym names "Conversation started at" once a zone
suffix is in the header (headers.py; the zone-in-header reading of round 30 never gets there).
SAID: Jira Service Management "Custom field (Satisfaction)" (1-5) is not read as CSAT ("missing
column csat"): no csat synonym strips Jira's "Custom field (...)" wrapper (headers.py).

Everything else came out right with no mapping: Zendesk Explore (calendar over business-hours
minutes, full over first resolution, Good / Bad ratings), Freshdesk (the "Initial response
time" stamp over the business-hours "(in hrs)" figures), ServiceNow CSV ("5 - Planning" low,
resolved_at over closed_at, canceled not open), JSM (Highest / Lowest, "Time to first
response" time-left field ignored), HubSpot (close date over "HH:mm:ss" past 24 h), Help Scout
(ISO Z times, spam set aside, SLA said unavailable with no priority), the per-day backlog.

Only the public API is used: ``kpi.ingest.read_files`` and ``kpi.engine.compute``.

Fixed after the round (xfail marks removed): ServiceNow's "Resolved" now ranks before the
auto-close "Closed"; Intercom's "Conversation started at" / "Conversation last closed at" /
"Time to last close"; Jira's "Custom field (...)" wrapper is seen through (``header_key``); a
0/1 checkbox is no date column (a column of numbers is a date only as Excel serials or epoch
times); Zendesk's merged tickets (tag ``closed_by_merge``) are set aside with their reason
(``contacts.merged_tickets``). Left: the legacy export's FRT and response SLA still differ a
little from the truth (18,054.99 s against 18,084.65 s), not yet diagnosed.
"""

from __future__ import annotations

import pytest
from exports_check import accounted, days, expect, per_period, reader, unavailable, values

from kpi import ingest
from kpi.engine import compute

load = reader("exports41")
APR = ("2026-04-06", "2026-05-03")
KPIS = ("contacts", "frt", "resolution_time", "resolution_time_median", "response_sla",
        "resolution_sla")  # fmt: skip
RES = ("contacts", "resolution_time", "resolution_time_median", "resolution_sla")
QUEUE = ("abandonment_rate", "asa", "service_level")


def by_priority(r: ingest.ImportResult, kpi: str, label: str) -> float:
    """One SLA KPI for the tickets whose priority is written ``label``."""
    return round(
        compute(r.dataset, kpis=[kpi], grain="all", by="priority").value(kpi, priority=label), 4
    )


def backlog_weeks(r: ingest.ImportResult) -> tuple[dict[str, float | None], ...]:
    """Backlog at the end of 17 and 29 April; tickets created in the weeks of 13 and 20 April."""
    bl = per_period(r, "backlog", "day")
    wk = per_period(r, "contacts", "week")
    return (
        {d: bl.get(d) for d in ("2026-04-17", "2026-04-29")},
        {w: wk.get(w) for w in ("2026-04-13", "2026-04-20")},
    )


# --- 1. Zendesk Explore CSV: minutes + business-hours twins, reopens, Good / Bad ---------------

_ZD = "zendesk_explore_tickets.csv"


def test_zendesk_explore_rows_days() -> None:
    r = load(_ZD)
    accounted(r, 6000)
    assert days(r) == APR
    unavailable(r, *QUEUE)


def test_zendesk_explore_kpis() -> None:
    expect(values(load(_ZD), *KPIS, "csat"), contacts=6000, frt=18065.6451,
           resolution_time=195739.4262, resolution_time_median=113460.0, response_sla=0.7273,
           resolution_sla=0.5323, csat=4.0612)  # fmt: skip


def test_zendesk_explore_sla_by_priority() -> None:
    r = load(_ZD)
    got = [by_priority(r, k, p) for p in ("Urgent", "Normal")
           for k in ("response_sla", "resolution_sla")]  # fmt: skip
    assert got == [0.2032, 0.012, 0.8151, 0.6513]


def test_zendesk_explore_backlog_weeks() -> None:
    assert backlog_weeks(load(_ZD)) == (
        {"2026-04-17": 948, "2026-04-29": 1195},
        {"2026-04-13": 1489, "2026-04-20": 1504},
    )


# --- 2. Zendesk legacy "Export as CSV": -0500 offsets, hours, merged and deleted tickets --------

_ZL = "zendesk_legacy_export.csv"
_MERGED = (
    "SILENT: the 73 merged tickets (Status 'Closed', tag 'closed_by_merge') are kept as tickets: "
    "kpi/ingest/contacts.py sets aside only the statuses of _JUNK_STATUSES (spam / deleted, "
    "59 here), never Zendesk's merge tag, so contacts 3541 for 3468 and the KPIs drift."
)


def test_zendesk_legacy_rows_days() -> None:
    r = load(_ZL)
    accounted(r, 3600, quarantined=None)
    assert days(r) == APR  # "2026-04-06 09:14:33 -0500" converted to UTC


@pytest.mark.xfail(strict=True, reason=_MERGED)
def test_zendesk_legacy_kpis() -> None:
    expect(values(load(_ZL), *KPIS, "csat"), contacts=3468, frt=18084.6488,
           resolution_time=190215.3857, resolution_time_median=113531.0, response_sla=0.7326,
           resolution_sla=0.5271, csat=4.14)  # fmt: skip


@pytest.mark.xfail(strict=True, reason=_MERGED)
def test_zendesk_legacy_sla_by_priority() -> None:
    r = load(_ZL)
    got = [by_priority(r, k, p) for p in ("High", "Low")
           for k in ("response_sla", "resolution_sla")]  # fmt: skip
    assert got == [0.6369, 0.3439, 0.9228, 0.7356]


def test_zendesk_legacy_backlog_weeks() -> None:
    assert backlog_weeks(load(_ZL)) == (
        {"2026-04-17": 539, "2026-04-29": 808},
        {"2026-04-13": 851, "2026-04-20": 851},
    )


# --- 3. Freshdesk: "Initial response time" stamp, business "(in hrs)", Medium ------------------

_FD = "freshdesk_tickets.csv"


def test_freshdesk_rows_days() -> None:
    r = load(_FD)
    accounted(r, 5000)
    assert days(r) == APR


def test_freshdesk_kpis() -> None:
    r = load(_FD)
    expect(values(r, *KPIS), contacts=5000, frt=17904.0236, resolution_time=189374.1583,
           resolution_time_median=116960.0, response_sla=0.7261,
           resolution_sla=0.5431)  # fmt: skip
    unavailable(r, "csat", *QUEUE)


def test_freshdesk_sla_by_priority() -> None:
    r = load(_FD)
    got = [by_priority(r, k, p) for p in ("Urgent", "Medium")
           for k in ("response_sla", "resolution_sla")]  # fmt: skip
    assert got == [0.1911, 0.0157, 0.7967, 0.6682]


def test_freshdesk_backlog_weeks() -> None:
    assert backlog_weeks(load(_FD)) == (
        {"2026-04-17": 788, "2026-04-29": 1015},
        {"2026-04-13": 1236, "2026-04-20": 1271},
    )


# --- 4. ServiceNow incident list, CSV: field names, resolved_at vs closed_at, 5 - Planning -----

_SNC = "servicenow_incident.csv"


def test_servicenow_csv_rows_days() -> None:
    r = load(_SNC)
    accounted(r, 5000)
    assert days(r) == APR
    unavailable(r, "frt", "response_sla", "csat")  # the list has no first response


def test_servicenow_csv_kpis() -> None:
    expect(values(load(_SNC), *RES), contacts=5000, resolution_time=196062.4849,
           resolution_time_median=118290.0, resolution_sla=0.5238)  # fmt: skip


def test_servicenow_csv_sla_by_priority() -> None:
    r = load(_SNC)
    assert [by_priority(r, "resolution_sla", p) for p in ("1 - Critical", "2 - High")] == [
        0.0131, 0.2939]  # fmt: skip


def test_servicenow_csv_backlog_weeks() -> None:
    assert backlog_weeks(load(_SNC)) == (
        {"2026-04-17": 812, "2026-04-29": 1026},
        {"2026-04-13": 1244, "2026-04-20": 1210},
    )


# --- 5. ServiceNow incident list, Excel: labels "Resolved" and "Closed" ------------------------

_SNX = "servicenow_incident.xlsx"
_CLOSED = (
    "SILENT: the solved time is 'Closed' (the auto-close 3 days after 'Resolved'; a canceled "
    "incident's close counts as a solve): kpi/ingest/headers.py INTERACTION_SYNONYMS"
    "['solved_time'] lists 'Closed' before 'Resolved' and automap.py takes the first synonym "
    "found: resolution time 445216.06 s for 194092.71, resolution SLA 0.1018 for 0.553."
)


def test_servicenow_xlsx_rows_days() -> None:
    r = load(_SNX)
    accounted(r, 3000)
    assert days(r) == APR
    assert backlog_weeks(r)[1] == {"2026-04-13": 764, "2026-04-20": 733}


def test_servicenow_xlsx_kpis() -> None:
    expect(values(load(_SNX), *RES), contacts=3000, resolution_time=194092.7149,
           resolution_time_median=117206.5, resolution_sla=0.553)  # fmt: skip


def test_servicenow_xlsx_sla_by_priority() -> None:
    r = load(_SNX)
    assert [by_priority(r, "resolution_sla", p) for p in ("2 - High", "3 - Moderate")] == [
        0.3396, 0.6842]  # fmt: skip


def test_servicenow_xlsx_backlog() -> None:
    assert backlog_weeks(load(_SNX))[0] == {"2026-04-17": 459, "2026-04-29": 599}


# --- 6. Jira Service Management: "06/Apr/26 9:14 AM", Highest .. Lowest, Satisfaction ---------

_JSM = "jsm_issues.csv"


def test_jsm_rows_days() -> None:
    r = load(_JSM)
    accounted(r, 4000)
    assert days(r) == ("2026-04-06", "2026-05-04")  # CEST: a Sunday-night ticket is Monday
    unavailable(r, "frt", "response_sla")  # the SLA fields are the time LEFT, no duration


def test_jsm_kpis() -> None:
    expect(values(load(_JSM), *RES), contacts=4000, resolution_time=189329.8989,
           resolution_time_median=114120.0, resolution_sla=0.5304)  # fmt: skip


def test_jsm_csat() -> None:
    expect(values(load(_JSM), "csat"), csat=3.8445)


def test_jsm_sla_by_priority() -> None:
    r = load(_JSM)
    assert [by_priority(r, "resolution_sla", p) for p in ("Highest", "High")] == [0.0087, 0.3164]


def test_jsm_backlog_weeks() -> None:
    assert backlog_weeks(load(_JSM)) == (
        {"2026-04-17": 665, "2026-04-29": 860},
        {"2026-04-13": 974, "2026-04-20": 1036},
    )


# --- 7. HubSpot tickets: "HH:mm:ss" past 24 h, Waiting on contact / us -------------------------

_HS = "hubspot_tickets.csv"


def test_hubspot_rows_days() -> None:
    r = load(_HS)
    accounted(r, 5000)
    assert days(r) == APR


def test_hubspot_kpis() -> None:
    expect(values(load(_HS), *KPIS), contacts=5000, frt=18602.49, resolution_time=190856.13,
           resolution_time_median=111660.0, response_sla=0.7275,
           resolution_sla=0.5415)  # fmt: skip


def test_hubspot_sla_by_priority() -> None:
    r = load(_HS)
    got = [by_priority(r, k, p) for p in ("High", "Medium")
           for k in ("response_sla", "resolution_sla")]  # fmt: skip
    assert got == [0.632, 0.3277, 0.7943, 0.6628]


def test_hubspot_backlog_weeks() -> None:
    assert backlog_weeks(load(_HS)) == (
        {"2026-04-17": 706, "2026-04-29": 1019},
        {"2026-04-13": 1239, "2026-04-20": 1241},
    )


# --- 8. Intercom conversations: every time in (UTC) and (America/New_York) ---------------------

_IC = "intercom_conversations.csv"
_IC_WHY = (
    "SAID: refused ('Conversation started at (UTC)' looks like dates - map it to start_time): "
    "no start_time synonym in kpi/ingest/headers.py names Intercom's 'Conversation started "
    "at', so the zone-in-header reading (round 30) and automap.py _tickets never run."
)


def test_intercom_rows_days_kpis() -> None:
    r = load(_IC)
    accounted(r, 8000)
    assert days(r) == APR
    expect(values(r, "contacts", "frt", "resolution_time", "resolution_time_median", "csat"),
           contacts=8000, frt=450.471, resolution_time=192352.7972,
           resolution_time_median=117687.5, csat=3.8361)  # fmt: skip


def test_intercom_backlog_weeks() -> None:
    assert backlog_weeks(load(_IC)) == (
        {"2026-04-17": 1253, "2026-04-29": 1706},
        {"2026-04-13": 2029, "2026-04-20": 1981},
    )


# --- 9. Salesforce Service Cloud cases: "4/6/2026, 9:14 AM", a 0/1 "Closed", Age (Hours) -------

_SF = "salesforce_cases.csv"
_SF_WHY = (
    "SAID: refused (all 5,000 rows quarantined, 'unparseable resolution_seconds'): the "
    "report's 0/1 'Closed' checkbox matches the solved_time synonym 'Closed', listed before "
    "'Date/Time Closed' in kpi/ingest/headers.py, and automap.py _tickets builds the elapsed "
    "resolution from it without checking that it holds timestamps."
)


def test_salesforce_rows_days_kpis() -> None:
    r = load(_SF)
    accounted(r, 5000)
    assert days(r) == APR
    expect(values(r, *RES), contacts=5000, resolution_time=198426.4422,
           resolution_time_median=115410.0, resolution_sla=0.5389)  # fmt: skip


def test_salesforce_sla_backlog_weeks() -> None:
    r = load(_SF)
    assert [by_priority(r, "resolution_sla", p) for p in ("Critical", "Medium")] == [
        0.0243, 0.6523]  # fmt: skip
    assert backlog_weeks(r) == (
        {"2026-04-17": 808, "2026-04-29": 1000},
        {"2026-04-13": 1281, "2026-04-20": 1237},
    )


# --- 10. Help Scout: ISO Z times beside "Created (Local)", spam, no priority -------------------

_HSC = "helpscout_conversations.csv"


def test_helpscout_rows_days() -> None:
    r = load(_HSC)
    accounted(r, 4000, quarantined=118)  # the spam conversations
    assert days(r) == APR


def test_helpscout_kpis() -> None:
    r = load(_HSC)
    expect(values(r, "contacts", "frt", "resolution_time", "resolution_time_median"),
           contacts=3882, frt=17757.0378, resolution_time=189619.6485,
           resolution_time_median=114532.0)  # fmt: skip
    unavailable(r, "response_sla", "resolution_sla")  # no priority: said, not guessed


def test_helpscout_backlog_weeks() -> None:
    assert backlog_weeks(load(_HSC)) == (
        {"2026-04-17": 620, "2026-04-29": 826},
        {"2026-04-13": 930, "2026-04-20": 986},
    )

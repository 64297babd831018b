"""Thirty-fifth blind acceptance suite: how calls END before or outside an agent.

The files in ``tests/data/exports35/`` are written by ``make_exports.py`` there (deterministic,
seeded). Every expected number is a literal computed with plain Python over the records the
generator drew (``make_exports.py --expected``), never with KPI Lab code.

Theme: the IVR and routing outcomes that decide the denominators of abandonment, service
level, ASA and "calls blocked": IVR-only calls (self-service, after-hours message, callers who
hang up in the menu), flow-outs / overflow-outs / interflows, voicemail after the maximum queue
time, accepted callbacks, blocked calls (busy, all trunks busy) and short abandons, in Amazon
Connect CTRs and historical metrics, Genesys Cloud interactions, Cisco UCCE TCD, Avaya ECH /
CMS-like call records, Five9, Twilio TaskRouter, an ACD log and a daily summary.

Definitions (registry defaults; the generator's docstring gives the details): contacts = rows
of a log (IVR-only, after-hours and blocked calls are rows), the sum of the queue's OFFERED in
a summary (not ``Total Calls`` / ``Contacts incoming``); abandonment = abandoned in queue /
inbound offered (queued, not blocked: flow-outs, overflows, voicemails after the max queue
time and accepted callbacks stay in the denominator, ``abandonment_denominator`` "offered");
short abandons count; a hang-up in the IVR is neither offered nor abandoned; service level 20 s
abandons negative = answered within 20 s / (answered + abandoned); ASA over answered; AHT =
talk + hold + ACW over answered; short abandon rate = abandons under 5 s / offered; calls
blocked = blocked / (offered + blocked), the registry's written denominator "inbound attempts
(offered + blocked)" (an after-hours forced disconnect is neither); summaries weighted by
answered.

Findings (each marked ``xfail(strict=True)`` with its diagnosis):

SILENT (a wrong number, nothing said):
- Genesys: ``Abandoned`` = NO read as answered (``invert``) on flow-outs to voicemail
  (``Flow-out`` = YES, no user) -- ASA 48.3125 for 35.8852, service level 0.557 for 0.5789.
- UCCE TCD: ``Abandoned in Network`` (hung up in the VRU, never queued) read as a queue
  abandon, ``Short`` and ``Interflow`` counted in no rate (abandonment 0.2419 for 0.1944);
  ``RingTime`` taken as the wait (ASA 5.51 for 54.64; ``LocalQTime`` unknown); ``WorkTime``
  (ACW) unknown (AHT 381.6 for 473.0).
- Avaya call records: ``ANSHOLDTIME`` unknown, AHT = talk + ACW (439.84 for 457.09).
- Five9: ``Self-Service`` (IVR-contained, every duration 0:00:00, ``ABANDONED`` 0) read as
  answered with a 0 s wait: abandonment 0.2111 for 0.25, ASA 49.14 for 64.42, AHT 309.46 for
  405.73, service level 0.5385 for 0.4375.
- Daily summary: ``of which Short (<5s)`` mapped as ``answered_within`` (a 5 s threshold) beside
  the report's ``Service Level % (20s)``: service level 0.01 for 0.6633.

SAID (the KPI comes out unavailable):
- Avaya call records: the ``DISPOSITION`` column (ANS / ABAN / BUSY / FORCED_DISCONNECT /
  OVERFLOW) is not read as an outcome: abandonment, service level and calls blocked unavailable.
- Twilio TaskRouter: ``assignment_status`` canceled / completed + ``reason`` not read as an
  outcome: abandonment and service level unavailable.
- Daily summary: ``Blocked (All Trunks Busy)`` not recognised: calls blocked unavailable.

Read right: Amazon Connect CTR IVR-only contacts (no queue: no rate, via the enqueue timestamp),
Connect historical metrics (``Contacts queued`` as offered, not ``Contacts incoming``), the ACD
log's ``Closed - After Hours`` / ``Callback Requested`` / ``Voicemail``, Genesys' IVR-only
conversations in abandonment.

Only the public API is used: ``kpi.ingest.read_files`` and ``kpi.engine.compute``.

Fixed after the round (xfail marks removed): the Genesys flow-outs (where answered is only the
opposite of an abandoned column, a contact that reached no agent -- no talk, handle or wrap-up
time, no agent -- is not answered: ``contacts.reached_no_agent``); Five9's Self-Service rows
(an outcome of a contact that never queued corrects the flags: no rate); the summary's "of which
Short (<5s)" no longer read as answered within the threshold; UCCE's LocalQTime / WorkTime and
Avaya's ANSHOLDTIME; a network abandon and a forced disconnect are no queue outcome.
"""

from __future__ import annotations

import pytest
from exports_check import accounted, days, expect, reader, text, unavailable, values

load = reader("exports35")


# --- 1. Amazon Connect CTR: IVR-only contacts (no queue), short abandons ----------------------

_CTR = "connect_ctr_ivr_endings.csv"


def test_connect_ctr_rows_days() -> None:
    r = load(_CTR)
    accounted(r, 90)
    assert days(r) == ("2025-06-02", "2025-06-13")


def test_connect_ctr_ivr_only_in_no_queue_rate() -> None:
    # 8 menu hang-ups and 10 flow disconnects (self-service, after hours) have no queue.
    expect(values(load(_CTR), "contacts", "abandonment_rate", "short_abandon_rate", "asa", "aht",
                  "service_level"),
           contacts=90, abandonment_rate=0.2639, short_abandon_rate=0.0833, asa=53.6226,
           aht=497.9057, service_level=0.4583)  # fmt: skip


def test_connect_ctr_no_blocked_figure() -> None:
    unavailable(load(_CTR), "blocked_rate")


# --- 2. Genesys Cloud interactions: flow-outs to voicemail, IVR-only conversations -------------

_GEN = "genesys_interactions_flowout.csv"


def test_genesys_rows_days() -> None:
    r = load(_GEN)
    accounted(r, 90)
    assert days(r) == ("2025-06-16", "2025-06-27")


def test_genesys_abandonment_and_aht() -> None:
    # Flow-outs stay in the offered denominator; IVR-only conversations (no queue) do not.
    expect(values(load(_GEN), "contacts", "abandonment_rate", "short_abandon_rate", "aht"),
           contacts=90, abandonment_rate=0.1899, short_abandon_rate=0.0506,
           aht=471.3443)  # fmt: skip


def test_genesys_flowouts_not_answered() -> None:
    expect(values(load(_GEN), "asa", "service_level"), asa=35.8852, service_level=0.5789)


# --- 3. Cisco UCCE Termination_Call_Detail: network abandons, Short, Interflow -----------------

_TCD = "ucce_tcd_dispositions.csv"


def test_ucce_rows_days() -> None:
    r = load(_TCD)
    accounted(r, 80)
    assert days(r) == ("2025-07-07", "2025-07-18")


def test_ucce_contacts() -> None:
    expect(values(load(_TCD), "contacts"), contacts=80)


@pytest.mark.xfail(
    strict=True,
    reason="SILENT: abandonment 0.2419 (expected 0.1944), service level wrong. outcomes.py "
    "classify_value reads any value containing 'abandon' as a queue abandon, so UCCE's "
    "'Abandoned in Network' (the caller hung up in the VRU/network before any queue; only "
    "'ivr' in the value is recognised as a menu hang-up) counts as abandoned; 'Short' (UCCE's "
    "short call: abandoned under the short-call threshold) and 'Interflow' (overflowed to "
    "another site: offered, not abandoned) are unknown and, as the column has no answered "
    "word, propose_rule -> _wrapup_rule makes them wrap-up codes, which without an agent count "
    "in no rate: 7 short abandons and 11 interflows drop out of offered.",
)
def test_ucce_network_abandons_not_queue_abandons() -> None:
    expect(values(load(_TCD), "abandonment_rate", "short_abandon_rate", "service_level"),
           abandonment_rate=0.1944, short_abandon_rate=0.0972,
           service_level=0.5082)  # fmt: skip


def test_ucce_asa_from_local_queue_time() -> None:
    expect(values(load(_TCD), "asa"), asa=54.6383)


def test_ucce_aht_includes_work_time() -> None:
    expect(values(load(_TCD), "aht"), aht=473.0)


# --- 4. Avaya ECH / CMS-like call records: BUSY, FORCED_DISCONNECT, OVERFLOW -------------------

_CMS = "cms_call_records.csv"


def test_cms_rows_days() -> None:
    r = load(_CMS)
    accounted(r, 90)
    assert days(r) == ("2025-08-04", "2025-08-15")


def test_cms_contacts_asa() -> None:
    expect(values(load(_CMS), "contacts", "asa"), contacts=90, asa=65.7091)


@pytest.mark.xfail(
    strict=True,
    reason="SAID: abandonment, short abandon rate, service level ('missing column abandoned') "
    "and calls blocked ('missing column blocked') unavailable; DISPOSITION is mapped as a topic. "
    "outcomes.py propose_rule needs 80% of an outcome-named column's values known: ANS, ABAN, "
    "BUSY are, but Avaya's FORCED_DISCONNECT (vector disconnect: after-hours message, no rate) "
    "and OVERFLOW (interflowed: offered, not abandoned, like 'overflown') are not in _EXACT, "
    "3 of 5 = 60%, so the whole column is dropped and answered falls back to TALKTIME > 0. "
    "(Once read: calls blocked is 12 / (72 offered + 12 blocked) by the registry's written "
    "denominator; sql.py snippets' attempt = _inbound would also count the 6 forced "
    "disconnects, 12 / 90 = 0.1333 -- the engine's log SQL and the registry text disagree.)",
)
def test_cms_dispositions() -> None:
    expect(values(load(_CMS), "abandonment_rate", "short_abandon_rate", "service_level",
                  "blocked_rate"),
           abandonment_rate=0.1528, short_abandon_rate=0.0417, service_level=0.5152,
           blocked_rate=0.1429)  # fmt: skip


def test_cms_aht_includes_hold() -> None:
    expect(values(load(_CMS), "aht"), aht=457.0909)


# --- 5. Five9 call log: Self-Service, Voicemail, Queue Callback ---------------------------------

_F9 = "five9_call_log_selfservice.csv"


def test_five9_rows_days() -> None:
    r = load(_F9)
    accounted(r, 90)
    assert days(r) == ("2025-09-01", "2025-09-12")


def test_five9_contacts() -> None:
    expect(values(load(_F9), "contacts"), contacts=90)


def test_five9_self_service_in_no_rate() -> None:
    expect(values(load(_F9), "abandonment_rate", "short_abandon_rate", "asa", "aht",
                  "service_level"),
           abandonment_rate=0.25, short_abandon_rate=0.0395, asa=64.4222, aht=405.7333,
           service_level=0.4375)  # fmt: skip


def test_five9_voicemail_and_callback_said() -> None:
    assert "queue callback" in text(load(_F9))


# --- 6. Twilio TaskRouter tasks: canceled for a hang-up, a timeout, a voicemail, a callback ---

_TW = "twilio_taskrouter_tasks.csv"


def test_twilio_rows_days() -> None:
    r = load(_TW)
    accounted(r, 80)
    assert days(r) == ("2025-10-06", "2025-10-17")


def test_twilio_answered_kpis() -> None:
    expect(values(load(_TW), "contacts", "asa", "aht"), contacts=80, asa=42.5,
           aht=473.7679)  # fmt: skip


@pytest.mark.xfail(
    strict=True,
    reason="SAID: abandonment and service level unavailable ('missing column abandoned'). "
    "automap.py finds no outcome column: 'assignment_status' (completed / canceled) is not an "
    "outcome header and 'canceled' is no known word; 'reason' (hangup, Task TTL Exceeded, "
    "redirected to voicemail, callback requested, Task completed) has 3 of 6 values known, under "
    "the 95% propose_rule asks of a header that is not an outcome name; answered falls back "
    "to talk_time > 0. (task_sid is not taken as the id either: rows are numbered.)",
)
def test_twilio_canceled_tasks() -> None:
    expect(values(load(_TW), "abandonment_rate", "short_abandon_rate", "service_level"),
           abandonment_rate=0.1375, short_abandon_rate=0.0375,
           service_level=0.6269)  # fmt: skip


# --- 7. An ACD log: Closed - After Hours, Callback Requested, Voicemail, Short Abandoned --------

_ACD = "acd_call_log_after_hours.csv"


def test_acd_rows_days() -> None:
    r = load(_ACD)
    accounted(r, 80)
    assert days(r) == ("2025-11-03", "2025-11-14")


def test_acd_after_hours_in_no_rate() -> None:
    expect(values(load(_ACD), "contacts", "abandonment_rate", "short_abandon_rate", "asa", "aht",
                  "service_level"),
           contacts=80, abandonment_rate=0.1944, short_abandon_rate=0.0556, asa=44.3333,
           aht=509.0, service_level=0.5424)  # fmt: skip
    assert "closed - after hours" in text(load(_ACD))


# --- 8. Daily summary: Blocked, IVR Contained, Overflow Out, Callbacks, "of which Short" ------

_SUM = "daily_queue_summary_blocked.csv"


def test_summary_rows_days() -> None:
    r = load(_SUM)
    accounted(r, 40)
    assert days(r) == ("2025-05-05", "2025-05-30")


def test_summary_offered_not_total_calls() -> None:
    expect(values(load(_SUM), "contacts", "abandonment_rate", "asa", "aht"), contacts=5424,
           abandonment_rate=0.0682, asa=43.7269, aht=391.4309)  # fmt: skip


def test_summary_service_level() -> None:
    expect(values(load(_SUM), "service_level"), service_level=0.6633)


def test_summary_blocked() -> None:
    expect(values(load(_SUM), "blocked_rate"), blocked_rate=0.0352)


# --- 9. Amazon Connect historical metrics: Contacts incoming vs Contacts queued -------------

_HIST = "connect_historical_queues.csv"


def test_connect_hist_rows_days() -> None:
    r = load(_HIST)
    accounted(r, 40)
    assert days(r) == ("2025-03-03", "2025-03-28")


def test_connect_hist_queued_is_offered() -> None:
    expect(values(load(_HIST), "contacts", "abandonment_rate", "asa", "aht", "service_level"),
           contacts=4354, abandonment_rate=0.0714, asa=47.3543, aht=392.4148,
           service_level=0.6815)  # fmt: skip
    unavailable(load(_HIST), "blocked_rate")

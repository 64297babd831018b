"""Thirty-ninth blind acceptance suite: contact data from platform APIs and data streams.

The files in ``tests/data/exports39/`` are written by ``make_exports.py`` there (deterministic,
seeded). Every expected number is a literal computed with plain Python over the records the
generator drew (``make_exports.py --expected``), never with KPI Lab code. Definitions are the
registry's defaults: contacts = rows of a contact log (a record delivered twice is one
contact); abandonment and service level (20 s, abandons negative) over inbound queued contacts
(IVR-only and outbound contacts are not queued); ASA over answered; AHT = talk + hold + ACW
over handled contacts (inbound answered, outbound connected); CSAT the mean 1-5 rating
(Zendesk good / bad = 5 / 1, offered / unoffered is no rating).

The files: Amazon Connect CTRs as Kinesis Firehose writes them to S3 (JSON lines, nested
``Agent`` / ``Queue`` / ``Attributes``, ``Agent`` null on abandoned contacts, ``Queue`` null on
IVR-only contacts, the CSAT attribute a string); the next Firehose object repeating 7 records
(at-least-once delivery); the same CTRs flattened by ``pandas.json_normalize`` to CSV (dotted
headers); Firehose objects concatenated with no newline (``}{``); Genesys Cloud analytics
conversation details (the wait, talk, hold and wrap-up only inside participants -> sessions ->
metrics / segments lists); a Zendesk tickets API page (``{"tickets": [...], "next_page": ...,
"count": 243}``; ``updated_at`` is no solve time); a Twilio Calls list page (RFC 2822 dates,
``duration`` a string, statuses completed / canceled / no-answer / busy); a Talkdesk webhook
log (event envelope, epoch-ms times, numbers as strings, missing keys, retried deliveries); a
Five9 stream as NDJSON with a BOM, CRLF and a trailing empty line.

What passes: the nested CTRs (wait from the enqueue / connect timestamps, null Agent, null
Queue, string CSAT), the repeated Firehose records (quarantined as duplicate contact ids), the
json_normalize CSV, RFC 2822 dates, the Zendesk envelope and its good / bad ratings, the BOM /
CRLF / empty last line, epoch ms written as strings, HH:MM:SS strings; a clear refusal of the
concatenated Firehose object; Genesys' nested metrics left unavailable rather than guessed.

The round found these importer defects, each marked ``xfail(strict=True)`` with its diagnosis.
SILENT (a wrong number, nothing said): the Five9 stream's connected outbound dials are dropped
from AHT (contacts.reached_no_agent clears every outbound answered flag through a numpy view:
``said &= ...`` writes into the answered column's own buffer under pandas 3); the Talkdesk
webhook log is read with the Five9 preset (``call_id`` + ``timestamp`` match its keys), so the
start is the webhook's delivery time and retried deliveries count as contacts; the Connect
JSONL's agent is the empty ``Agent`` parent column (every agent lost); Twilio's ``queue_time``
(ms before an outbound call is placed) read as the wait in seconds (ASA 0.0); a Zendesk API page
with a ``next_page`` read as the whole data set with nothing said. SAID (a KPI unavailable or a
refusal): no abandonment from Twilio's ``status`` (canceled); Twilio's ``sid`` not taken as the
contact id; Genesys' nested participants not named in any message; the concatenated Firehose
object refused rather than read.

Fixed after the round (xfail marks removed): the Five9 dials (the rule now works on a copy of
the flags); the Connect JSONL's empty ``Agent`` parent column is dropped beside its fields; an
API page that names a next page or a larger count says so (``sheets._more_pages``); objects
written back to back are read (``sheets._concatenated``, said); Twilio's ``sid`` is the id.

Only the public API is used: ``kpi.ingest.read_files`` and ``kpi.engine.compute``.
"""

from __future__ import annotations

import pytest
from exports_check import (
    DATA,
    accounted,
    days,
    expect,
    office_hours,
    reader,
    starts,
    text,
    unavailable,
    values,
)

from kpi import ingest

load = reader("exports39")
JUN = ("2025-06-02", "2025-06-13")
JUL = ("2025-07-07", "2025-07-18")
SEP = ("2025-09-01", "2025-09-12")
KPIS = ("contacts", "abandonment_rate", "asa", "aht", "service_level")


# --- 1. Amazon Connect CTRs from Kinesis Firehose (JSON lines, nested, nulls) ------------------

_CA = "connect_ctr_firehose_a.jsonl"
_CB = "connect_ctr_firehose_b.jsonl"


def test_connect_firehose_rows_days() -> None:
    r = load(_CA)
    accounted(r, 90)
    assert days(r) == JUN
    office_hours(r)
    assert "nested json fields" in text(r)


def test_connect_firehose_kpis() -> None:
    # 10 IVR-only contacts (Queue null) are not queued; 7 outbound dials (5 connected) handled;
    # Attributes.csatScore "4" is a string; Agent null on abandoned contacts.
    expect(values(load(_CA), *KPIS, "csat"), contacts=90, abandonment_rate=0.0959, asa=59.6061,
           aht=510.3857, service_level=0.5616, csat=2.4706)  # fmt: skip


def test_connect_firehose_agents() -> None:
    agents = load(_CA).dataset.frame["agent_id"].dropna()
    assert (len(agents), agents.nunique()) == (70, 6)


def test_connect_firehose_b_alone() -> None:
    r = load(_CB)
    accounted(r, 97)
    assert days(r) == JUN
    expect(values(r, *KPIS, "csat"), contacts=97, abandonment_rate=0.1268, asa=53.0806,
           aht=447.6, service_level=0.5352, csat=2.9545)  # fmt: skip


def test_connect_firehose_repeated_records_counted_once() -> None:
    # Object b starts with the last 7 CTRs of object a again (a retried put).
    r = ingest.read_files([DATA / "exports39" / _CA, DATA / "exports39" / _CB], timezone="UTC")
    accounted(r, 187, 7)
    assert days(r) == JUN
    expect(values(r, *KPIS, "csat"), contacts=180, abandonment_rate=0.1151, asa=55.935,
           aht=478.5111, service_level=0.5468, csat=2.6842)  # fmt: skip
    assert "duplicate" in text(r)


# --- 2. The same CTRs flattened by pandas.json_normalize (dotted headers) ----------------------

_NORM = "connect_ctr_normalized.csv"


def test_connect_normalized_csv() -> None:
    r = load(_NORM)
    accounted(r, 90)
    assert days(r) == JUN
    office_hours(r)
    expect(values(r, *KPIS, "csat"), contacts=90, abandonment_rate=0.0959, asa=59.6061,
           aht=510.3857, service_level=0.5616, csat=2.4706)  # fmt: skip
    agents = r.dataset.frame["agent_id"].dropna()
    assert (len(agents), agents.nunique()) == (70, 6)


# --- 3. Firehose objects concatenated with no newline ("}{") -----------------------------------

_CAT = "connect_ctr_concatenated.json"


def test_connect_concatenated_said() -> None:
    # Read since the round (it was refused, clearly): the report says how.
    assert "40 json objects written back to back" in text(load(_CAT))


def test_connect_concatenated_read() -> None:
    r = load(_CAT)
    accounted(r, 40)
    assert days(r) == ("2025-06-02", "2025-06-06")
    expect(values(r, *KPIS), contacts=40, abandonment_rate=0.0625, asa=79.2, aht=529.5806,
           service_level=0.4375)  # fmt: skip


# --- 4. Genesys Cloud conversation details (participants -> sessions -> segments) --------------

_GEN = "genesys_conversation_details.json"


def test_genesys_details_rows_days() -> None:
    r = load(_GEN)
    accounted(r, 80)
    assert days(r) == JUL
    office_hours(r)
    expect(values(r, "contacts"), contacts=80)


def test_genesys_details_no_guessed_kpis() -> None:
    # The wait, talk, hold and wrap-up are only inside the participants list: no number may be
    # made up from conversationStart / conversationEnd.
    unavailable(load(_GEN), "abandonment_rate", "asa", "aht", "service_level")


@pytest.mark.xfail(
    strict=True,
    reason="SAID, but not why: ASA, AHT, abandonment and service level come out unavailable "
    "('missing column wait_seconds...') and nothing tells the user that they are inside the "
    "'participants' list (sessions -> metrics tAcd / tTalk / tHeld / tAcw, segments "
    "interact / hold / wrapup). sheets._flat_records turns the list into JSON text in one "
    "cell silently (its note only names nested OBJECTS renamed), so the user is not told to "
    "flatten the participants or export the conversation aggregates instead.",
)
def test_genesys_details_says_participants_not_read() -> None:
    assert "participants" in text(load(_GEN))


# --- 5. Zendesk tickets API page ({"tickets": [...], "next_page": ...}) ------------------------

_ZD = "zendesk_tickets_page.json"


def test_zendesk_page_rows_days_csat() -> None:
    r = load(_ZD)
    accounted(r, 100)
    assert days(r) == SEP
    expect(values(r, "contacts", "csat"), contacts=100, csat=4.3333)  # offered / unoffered


def test_zendesk_page_updated_at_is_no_solve_time() -> None:
    unavailable(load(_ZD), "resolution_time")


def test_zendesk_page_says_more_pages() -> None:
    t = text(load(_ZD))
    assert "page" in t or "243" in t


# --- 6. Twilio Calls list page ({"calls": [...]}, RFC 2822, duration strings) ------------------

_TW = "twilio_calls_page.json"


def test_twilio_rows_days_aht() -> None:
    r = load(_TW)
    accounted(r, 80)
    assert days(r) == ("2025-07-07", "2025-07-11")
    office_hours(r)  # "Mon, 07 Jul 2025 09:27:07 +0000"
    # duration "352" (a string) of completed calls, inbound answered and outbound connected
    expect(values(r, "contacts", "aht"), contacts=80, aht=352.2105)


@pytest.mark.xfail(
    strict=True,
    reason="SAID: abandonment unavailable ('missing column abandoned'; expected 0.2449: 12 "
    "'canceled' of 49 inbound). automap maps Twilio's 'status' to the ticket status field, "
    "not to the outcome, and outcomes.py's abandon words know 'callcanceled' but not a bare "
    "'canceled'.",
)
def test_twilio_abandonment_from_status() -> None:
    expect(values(load(_TW), "abandonment_rate"), abandonment_rate=0.2449)


@pytest.mark.xfail(
    strict=True,
    reason="SILENT: ASA 0.0. automap maps 'queue_time' (Twilio: milliseconds before an "
    "OUTBOUND call is placed, '0' on every call) to wait_seconds in seconds; the Calls "
    "resource has no inbound queue wait, so ASA must be unavailable.",
)
def test_twilio_no_asa() -> None:
    unavailable(load(_TW), "asa")


def test_twilio_sid_is_the_id() -> None:
    ids = load(_TW).dataset.frame["contact_id"].astype(str)
    assert ids.str.match(r"^CA[0-9a-f]{32}$").all()


# --- 7. Talkdesk webhook log (event envelope, epoch ms, strings, retried deliveries) ----------

_TD = "talkdesk_webhooks.jsonl"
_TD_WHY = (
    "SILENT (wrong numbers; only side warnings 'contacts end before they start' and 'ids made "
    "unique by adding the start date'): automap._preset matches mapping._PRESET_KEYS by "
    "norm(): 'call_id' + 'timestamp' equal Five9's 'CALL ID' + 'TIMESTAMP', so the five9 "
    "preset maps start_time to the envelope's 'timestamp' (the webhook DELIVERY time) instead "
    "of data.start_at; starts drift past 18:00 and a retried delivery (8 of 98 lines) has a "
    "new 'start', so it is kept as another contact (98, not 90) and every KPI shifts."
)


def test_talkdesk_rows_days() -> None:
    r = load(_TD)
    assert days(r) == SEP
    assert "milliseconds since 1970" in text(r)


@pytest.mark.xfail(strict=True, reason=_TD_WHY)
def test_talkdesk_start_is_the_call_start() -> None:
    office_hours(load(_TD))


@pytest.mark.xfail(strict=True, reason=_TD_WHY)
def test_talkdesk_retries_counted_once() -> None:
    expect(values(load(_TD), *KPIS, "csat"), contacts=90, abandonment_rate=0.1778, asa=40.973,
           aht=477.1081, service_level=0.6, csat=2.9259)  # fmt: skip


# --- 8. Five9 stream as NDJSON: BOM, CRLF, trailing empty line ---------------------------------

_F9 = "five9_stream_bom.ndjson"


def test_five9_ndjson_rows_days() -> None:
    r = load(_F9)
    accounted(r, 80)  # the empty last line is no row
    assert days(r) == JUN
    office_hours(r)  # "TIMESTAMP": "1748852131000", epoch ms as a string
    assert starts(r).notna().all()


def test_five9_ndjson_queue_kpis() -> None:
    expect(values(load(_F9), "contacts", "abandonment_rate", "asa", "service_level"),
           contacts=80, abandonment_rate=0.1449, asa=51.4915, service_level=0.5507)  # fmt: skip


def test_five9_ndjson_aht_with_dials() -> None:
    expect(values(load(_F9), "aht"), aht=462.7612)

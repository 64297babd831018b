"""Forty-sixth blind acceptance suite: CRM-centred and omnichannel platforms' exports (2026).

The files in ``tests/data/exports46/`` are written by ``make_exports.py`` there (deterministic,
seeded). Every expected number is a literal computed with plain Python over the records the
generator drew (``make_exports.py --expected``), never with KPI Lab code. Definitions are the
registry's defaults (see the generator's docstring): contacts = rows of a contact log, one per
conversation (a transfer leg or a later queue segment is no new contact); the queue KPIs count
each leg that queued; abandonment and service level (20 s, abandons negative) over inbound
queued contacts; a bot-only (contained) conversation or an offline chat is a contact in no queue
rate; a call that was only planned is no contact; ASA over answered; AHT = the export's handle
time (talk + hold + ACW) over handled, also per channel; FRT over conversations with a first
response; CSAT the mean 1-5 rating (thumbs up 5, down 1); summaries weighted by answered.

Files: Salesforce Service Cloud Voice "Voice Calls" (transfer legs naming a "Previous Call"),
Salesforce Omni-Channel Agent Work over Phone + Messaging (messaging handle time of hours, a
work item transferred to a second queue), Dynamics 365 Contact Center conversations ("Wrap-up"
as a status, bot-only conversations, a conversation duration of hours beside the handle time)
and its historical analytics by day and channel (WhatsApp AHT of 3-5 hours), Zoho Desk calls
(scheduled / overdue calls never made), Kustomer (ms durations, thumbs CSAT, bot-only), Gladly
(a repeating "Conversation Id" first, "Inbox" queues), Sprinklr Service (a bot as the assigned
user), LivePerson by skill segment, Genesys DX (Bold360) chats with timestamps only, Google CCAI
Platform chats (virtual-agent-only, "dismissed").

Passing (the trap is handled): D365's "Wrap-up" status, its bot-only voice and chat
conversations (not abandoned), its conversation duration beside the handle time; D365 day x
channel summary with a WhatsApp AHT of hours (not taken as a period total); Gladly's repeating
conversation ids (Contact Id is the key); LivePerson's MCS beside CSAT and its contacts / FRT.

The round found these importer defects, each marked ``xfail(strict=True)`` with its diagnosis.
SILENT (a wrong number, nothing said that would tell): SCV transfer legs counted as contacts
("Previous Call" is no parent id); an Agent Work item transferred to a second queue counted
twice (id@date) and its "Handle Time" read as milliseconds (AHT 7.92 s for 7,920 s); Zoho Desk's
scheduled / overdue calls counted as contacts; Kustomer's thumbs_up / thumbs_down ratings
quarantine 35 of 80 conversations (every KPI over the 45 left); Sprinklr's bot-closed cases
counted as handled in the AHT; LivePerson's first skill segment set aside as an "older record",
so contacts per skill go to the last skill; CCAI Platform's virtual-agent-only chats counted as
abandoned and its "wrap_up_duration" left out of the AHT. SAID (the KPI comes out unavailable):
abandonment / service level from Zoho's "Missed", Sprinklr's "Case Status" "Abandoned" and
Kustomer's unassigned conversations; every queue KPI of Genesys DX's Created / Answered /
Closed timestamps; queues from Gladly's "Inbox", Genesys DX's "DepartmentName" and CCAI's
"queue_path".

Only the public API is used: ``kpi.ingest.read_files`` and ``kpi.engine.compute``.

Fixed after the round (xfail marks removed): Salesforce's "Previous Call" links a transfer
record to its call; "Inbox", "DepartmentName" and "queue_path" are queues; thumbs up / down
are CSAT 5 / 1; Zoho Desk's planned calls (Scheduled, Overdue) are set aside as no contact yet,
and its Status (Completed / Missed) is the outcome.
"""

from __future__ import annotations

import pytest
from exports_check import (
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
from kpi.engine import compute

load = reader("exports46")
FEB = ("2026-02-02", "2026-02-13")
MAR = ("2026-03-02", "2026-03-13")
APR = ("2026-04-06", "2026-04-17")
KPIS = ("contacts", "abandonment_rate", "asa", "aht", "service_level")


def by(r: ingest.ImportResult, seg: str, kpi: str, *labels: str) -> dict[str, float]:
    """``{kpi_label: value}`` per segment value (NaN when the column or KPI is missing)."""
    out = {f"{kpi}_{x}": float("nan") for x in labels}
    try:
        table = compute(r.dataset, kpis=[kpi], grain="all", by=seg)
    except Exception as e:  # noqa: BLE001 - no such segment column: every value is missing
        out[f"{kpi}_why"] = str(e)  # type: ignore[assignment]
        return out
    for x in labels:
        try:
            out[f"{kpi}_{x}"] = table.value(kpi, **{seg: x})
        except Exception as e:  # noqa: BLE001 - unavailable KPI
            out[f"{kpi}_{x}_why"] = str(e)  # type: ignore[assignment]
    return out


# --- 1. Salesforce Service Cloud Voice "Voice Calls": transfer legs with a "Previous Call" -------

_SCV = "sfdc_scv_voice_calls.csv"
_SCV_WHY = (
    "SILENT: the 13 'Transfer' VoiceCall records (the second leg of a transferred call, naming "
    "the first in 'Previous Call') count as contacts: 93 for 80, Billing Voice 44 for 39, "
    "Support Voice 49 for 41, nothing said. headers.py INTERACTION_SYNONYMS['parent_contact_id'] "
    "knows PreviousContactId / Parent Call ID but not Salesforce's 'Previous Call', so the "
    "legs get no parent and each row is an initial contact (the file has no id column either: "
    "'Voice Call Name' is not taken as the id)."
)


def test_scv_rows_days() -> None:
    r = load(_SCV)
    accounted(r, 93)
    assert days(r) == MAR
    office_hours(r)  # "3/2/2026, 9:05 AM": the user's clock, 12-hour


def test_scv_queue_kpis() -> None:
    # Each leg that queued counts in the queue KPIs (as Amazon Connect's records).
    expect(values(load(_SCV), "abandonment_rate", "asa", "aht", "service_level"),
           abandonment_rate=0.129, asa=43.7284, aht=431.7531, service_level=0.6344)  # fmt: skip


def test_scv_contacts_one_per_call() -> None:
    r = load(_SCV)
    got = {**values(r, "contacts"), **by(r, "queue", "contacts", "Billing Voice", "Support Voice")}
    expect(got, contacts=80, **{"contacts_Billing Voice": 39, "contacts_Support Voice": 41})


# --- 2. Salesforce Omni-Channel Agent Work: Phone + Messaging, a transferred work item ----------

_AW = "sfdc_agent_work_omni.csv"


def test_agent_work_rows_days() -> None:
    r = load(_AW)
    accounted(r, 97)  # a transferred work item's second Agent Work row is real work: kept
    assert days(r) == MAR
    # "3/2/2026, 8:52 AM" / "1:09 PM": the 12-hour clock (a transfer after a long messaging
    # session may start in the evening, so no office-hours check here).
    assert str(starts(r).iloc[0]) == "2026-03-02 08:52:00"
    assert starts(r).dt.hour.max() == 19


def test_agent_work_queue_kpis() -> None:
    r = load(_AW)
    expect(values(r, "abandonment_rate", "asa", "service_level"), abandonment_rate=0.1134,
           asa=33.9419, service_level=0.6907)  # fmt: skip
    expect(by(r, "queue", "contacts", "Care Phone", "Care Messaging"),
           **{"contacts_Care Phone": 45, "contacts_Care Messaging": 45})  # fmt: skip


@pytest.mark.xfail(
    strict=True,
    reason="SILENT: contacts 97 for 90 work items: the 7 work items transferred to 'Tier 2' "
    "have a second Agent Work row with the same 'Work Item' and a later request time, and "
    "combine.py _dedupe_stage -> unique_ids renames the repeat to id@YYYY-MM-DD (a new "
    "contact) with a warning about 'ids that restart every day'; the transfer is not seen "
    "(no leg / parent rule for a work item routed again to another queue).",
)
def test_agent_work_contacts_per_work_item() -> None:
    expect(values(load(_AW), "contacts"), contacts=90)


@pytest.mark.xfail(
    strict=True,
    reason="SILENT: AHT 7.92 s for 7919.99 (Phone 0.45 s for 454.83, Messaging 15.05 s for "
    "15045.82): parsers.py parse_duration -> _unit_from_values reads the unit-less 'Handle "
    "Time' as milliseconds because its median is over 10,000 -- half the rows are Messaging "
    "sessions of 3-5 hours (accept to close), real seconds. The end-time check of "
    "contacts.py milliseconds_labelled_seconds (a chat of hours its end confirms) is never "
    "reached: it only looks at columns read as seconds, and 'Close Date/Time' is not mapped "
    "as end_time. The report notes \"'handle time' read as milliseconds\" but nothing says "
    "the figure is doubtful.",
)
def test_agent_work_aht_per_channel() -> None:
    r = load(_AW)
    got = {**values(r, "aht"), **by(r, "channel", "aht", "Phone", "Messaging")}
    expect(got, aht=7919.9884, aht_Phone=454.8333, aht_Messaging=15045.8182)


# --- 3. Dynamics 365 Contact Center conversations: "Wrap-up" status, bots, long WhatsApp -------

_D3 = "d365_conversations.csv"


def test_d365_rows_days() -> None:
    r = load(_D3)
    accounted(r, 90)
    assert days(r) == FEB
    office_hours(r)


def test_d365_kpis() -> None:
    # 11 bot-only conversations: contacts, in no queue rate; "Wrap-up" rows are handled.
    expect(values(load(_D3), *KPIS, "csat"), contacts=90, abandonment_rate=0.1392, asa=48.0588,
           aht=714.4706, service_level=0.557, csat=3.7045)  # fmt: skip


def test_d365_per_queue_and_channel() -> None:
    # WhatsApp's "Conversation duration" of hours is not the handle time.
    r = load(_D3)
    expect(by(r, "queue", "contacts", "Billing", "Support"), contacts_Billing=39,
           contacts_Support=40)  # fmt: skip
    expect(by(r, "channel", "aht", "Voice call", "Live chat", "WhatsApp"),
           **{"aht_Voice call": 486.9677, "aht_Live chat": 1022.3077,
              "aht_WhatsApp": 841.5833})  # fmt: skip


# --- 4. Dynamics 365 Omnichannel historical analytics: day x channel, WhatsApp AHT of hours ----

_DH = "d365_historical_channels.csv"


def test_d365_historical_rows_days() -> None:
    r = load(_DH)
    accounted(r, 20)
    assert days(r) == APR


def test_d365_historical_kpis() -> None:
    # "03:32:28" is WhatsApp's average per conversation, not a period total to divide.
    r = load(_DH)
    expect(values(r, *KPIS), contacts=2348, abandonment_rate=0.0498, asa=82.0291,
           aht=4023.502, service_level=0.6924)  # fmt: skip
    expect({**by(r, "channel", "contacts", "Voice call", "WhatsApp"),
            **by(r, "channel", "aht", "Voice call", "WhatsApp")},
           **{"contacts_Voice call": 1724, "contacts_WhatsApp": 624,
              "aht_Voice call": 465.5149, "aht_WhatsApp": 14057.7568})  # fmt: skip


# --- 5. Zoho Desk calls: "Scheduled" / "Overdue" calls that never happened ----------------------

_ZD = "zoho_desk_calls.csv"


def test_zoho_rows_days_aht() -> None:
    r = load(_ZD)
    accounted(r, 80, quarantined=None)  # 8 planned calls: set aside or counted in nothing
    assert days(r) == FEB
    office_hours(r)
    expect(values(r, "aht"), aht=395.7143)


def test_zoho_no_wait_no_asa() -> None:
    unavailable(load(_ZD), "asa", "service_level")  # no queue wait is exported


def test_zoho_planned_calls_not_contacts() -> None:
    r = load(_ZD)
    got = {**values(r, "contacts"), **by(r, "queue", "contacts", "Billing", "Support")}
    expect(got, contacts=72, contacts_Billing=43, contacts_Support=29)


def test_zoho_abandonment_from_missed() -> None:
    expect(values(load(_ZD), "abandonment_rate"), abandonment_rate=0.1579)


# --- 6. Kustomer conversations: ms durations, thumbs CSAT, bot-only ------------------------------

_KU = "kustomer_conversations.csv"
_KU_WHY = (
    "SILENT in effect: 35 of 80 conversations are quarantined as 'unparseable csat' because "
    "their 'Satisfaction' is thumbs_up / thumbs_down (parsers.py parse_score's _CSAT_WORDS "
    "knows good / bad / satisfied / rated good, not thumbs; automap._good_bad only takes "
    "Zendesk's words), so every KPI is over the 45 unrated conversations: contacts 45 for 80, "
    "ASA 43.3182 for 40.7719, AHT 847.8182 for 771.2807, FRT 80.7276 for 77.5267, CSAT "
    "unavailable for 3.7429 -- an unreadable rating should leave the rating empty, not set the "
    "contact aside."
)


def test_kustomer_days() -> None:
    r = load(_KU)
    assert days(r) == MAR
    office_hours(r)
    assert "milliseconds" in text(r)


def test_kustomer_rows_kept() -> None:
    accounted(load(_KU), 80)


def test_kustomer_kpis() -> None:
    r = load(_KU)
    got = {**values(r, "contacts", "asa", "aht", "frt", "csat"),
           **by(r, "channel", "aht", "chat", "sms", "voice"),
           **by(r, "queue", "contacts", "Orders", "Returns")}  # fmt: skip
    expect(got, contacts=80, asa=40.7719, aht=771.2807, frt=77.5267, csat=3.7429,
           aht_chat=883.9697, aht_sms=839.4, aht_voice=457.0, contacts_Orders=32,
           contacts_Returns=33)  # fmt: skip


@pytest.mark.xfail(
    strict=True,
    reason="said, not silent: abandonment and service level unavailable ('missing column "
    "abandoned'; expected 0.1231 / 0.6154): a conversation with a 'Queue Time' and no "
    "'Assigned Users' left before an agent took it, but 'Assigned Users' is not mapped as "
    "the agent (headers.py has 'Users' and 'Assignee', not 'Assigned Users') and automap infers "
    "'answered where handle time is above zero', with no abandoned rule from queue time + "
    "no agent (the chat-archive rule needs the agent column). Also short of the 35 "
    "quarantined rows (see the CSAT defect).",
)
def test_kustomer_abandonment() -> None:
    expect(values(load(_KU), "abandonment_rate", "service_level"), abandonment_rate=0.1231,
           service_level=0.6154)  # fmt: skip


# --- 7. Gladly contacts: "Conversation Id" first and repeating; "Inbox" the queue -------------

_GL = "gladly_contacts.csv"


def test_gladly_rows_days() -> None:
    r = load(_GL)
    accounted(r, 80)  # 27 repeated conversation ids are other contacts, not duplicates
    assert days(r) == APR
    office_hours(r)


def test_gladly_kpis() -> None:
    r = load(_GL)
    expect(values(r, *KPIS, "csat"), contacts=80, abandonment_rate=0.25, asa=51.5667,
           aht=762.5833, service_level=0.475, csat=3.963)  # fmt: skip
    expect(by(r, "channel", "aht", "PHONE_CALL", "CHAT", "SMS"), aht_PHONE_CALL=475.28,
           aht_CHAT=942.6842, aht_SMS=997.625)  # fmt: skip


def test_gladly_contacts_per_inbox() -> None:
    expect(by(load(_GL), "queue", "contacts", "Billing Inbox", "Support Inbox"),
           **{"contacts_Billing Inbox": 41, "contacts_Support Inbox": 39})  # fmt: skip


# --- 8. Sprinklr Service cases: a bot as the "Assigned User" ------------------------------------

_SP = "sprinklr_service_cases.csv"


def test_sprinklr_rows_days() -> None:
    r = load(_SP)
    accounted(r, 80)
    assert days(r) == FEB  # day-first: 13/02/2026
    office_hours(r)


def test_sprinklr_kpis() -> None:
    r = load(_SP)
    expect(values(r, "contacts", "asa", "csat"), contacts=80, asa=63.6094, csat=3.902)
    expect(by(r, "queue", "contacts", "Payments", "Technical"), contacts_Payments=41,
           contacts_Technical=29)  # fmt: skip


@pytest.mark.xfail(
    strict=True,
    reason="SILENT: AHT 651.973 for 738.75 (Live Chat 957.76 for 1045.37, Voice 477.33 for "
    "537.06): the 10 cases the 'Sprinklr AI+ Bot' closed alone (no queue, no wait, a bot "
    "handle time of 20-180 s) are counted handled: automap's fallback 'answered where handle "
    "time (sec) is above zero' takes any handle time as an agent's, and nothing knows a bot "
    "named as the assigned user (no bot / virtual-agent rule in automap or outcomes.py).",
)
def test_sprinklr_aht_without_bot_cases() -> None:
    r = load(_SP)
    got = {**values(r, "aht"), **by(r, "channel", "aht", "Voice", "Live Chat", "WhatsApp")}
    expect(got, aht=738.75, aht_Voice=537.0645, **{"aht_Live Chat": 1045.3684},
           aht_WhatsApp=769.2143)  # fmt: skip


@pytest.mark.xfail(
    strict=True,
    reason="said, not silent: abandonment and service level unavailable ('missing column "
    "abandoned'; expected 0.0857 / 0.4714): 'Case Status' Closed / Abandoned is not read as "
    "the outcome: outcomes.py propose_rule finds an abandoned value but no answered one "
    "('Closed' is not a known word), and such a column goes to _wrapup_rule only under an "
    "outcome-named header: 'casestatus' is not in OUTCOME_NAMES (only 'status', "
    "'callstatus'), so the column is dropped and 'answered where handle time is above zero' "
    "is used instead.",
)
def test_sprinklr_abandonment() -> None:
    expect(values(load(_SP), "abandonment_rate", "service_level"), abandonment_rate=0.0857,
           service_level=0.4714)  # fmt: skip


# --- 9. LivePerson by skill segment: a transferred conversation on two rows ----------------------

_LP = "liveperson_segments.csv"


def test_liveperson_rows_days_kpis() -> None:
    # Contacts, FRT and CSAT once per conversation; MCS (-40..100) is not the CSAT.
    r = load(_LP)
    accounted(r, 85, quarantined=None)
    assert days(r) == MAR
    office_hours(r)
    expect(values(r, "contacts", "frt", "csat"), contacts=70, frt=113.0364, csat=3.9688)


@pytest.mark.xfail(
    strict=True,
    reason="SILENT: contacts per skill Care_Messaging 31 for 36, Sales_Messaging 24 for 19: the "
    "15 transferred conversations have one row per skill segment with the same id and start; "
    "combine.py dedupe keeps the LAST row of an id + start ('duplicate contact_id (older "
    "record)', 15 quarantined) -- a rule for re-exported versions of one record -- so each "
    "transferred conversation is counted in the skill it ended in, not the one it entered.",
)
def test_liveperson_contacts_per_skill() -> None:
    expect(by(load(_LP), "queue", "contacts", "Care_Messaging", "Sales_Messaging"),
           contacts_Care_Messaging=36, contacts_Sales_Messaging=19)  # fmt: skip


# --- 10. Genesys DX (Bold360) chats: Created / Answered / Ended / Closed only ------------------

_DX = "genesys_dx_chats.csv"


def test_dx_rows_days() -> None:
    r = load(_DX)
    accounted(r, 80)  # the title and time-zone lines are not rows
    assert days(r) == APR
    office_hours(r)
    expect(values(r, "contacts"), contacts=80)


@pytest.mark.xfail(
    strict=True,
    reason="said, not silent: abandonment, ASA, AHT and service level unavailable (expected "
    "0.2361 / 57.2182 / 851.2727 / 0.4722); the file is read as tickets (resolution = "
    "'created' to 'closed'). automap.py _wait_from_stamps and _queue_stamps know "
    "'answered_at' / 'Accept Time' but not a bare 'Answered' timestamp (_CONNECTED), so no "
    "wait and no answered flag; 'ChatStatusType' (Completed / Missed / Unavailable) is not "
    "an outcome (outcomes.py propose_rule: 2 of 3 known under a header that is not an "
    "outcome name needs 95%); no rule derives a handle time from 'Answered' to 'Closed'.",
)
def test_dx_queue_kpis_from_timestamps() -> None:
    expect(values(load(_DX), "abandonment_rate", "asa", "aht", "service_level"),
           abandonment_rate=0.2361, asa=57.2182, aht=851.2727, service_level=0.4722)  # fmt: skip


def test_dx_contacts_per_department() -> None:
    expect(by(load(_DX), "queue", "contacts", "Sales", "Support"), contacts_Sales=43,
           contacts_Support=37)  # fmt: skip


# --- 11. Google CCAI Platform chats: virtual-agent-only, "dismissed" ----------------------------

_CC = "ccai_platform_chats.csv"


def test_ccai_chats_rows_days_kpis() -> None:
    r = load(_CC)
    accounted(r, 80)
    assert days(r) == FEB
    office_hours(r)
    expect(values(r, "contacts", "asa", "csat"), contacts=80, asa=49.5606, csat=3.8475)


@pytest.mark.xfail(
    strict=True,
    reason="SILENT: abandonment 0.175 for 0.0704, service level 0.5 for 0.5634: the 9 chats "
    "the virtual agent ended alone (status 'finished', 'escalated' false, no agent, no wait) "
    "are counted abandoned. outcomes.py propose_rule rejects 'status' (finished / dismissed) "
    "as an outcome because 'dismissed' is no known word (no abandoned class), so automap "
    "falls back to 'answered where agent_name names an agent, abandoned where it is empty'; "
    "the 'escalated' flag is mapped but not used to say the chat never queued.",
)
def test_ccai_chats_abandonment() -> None:
    expect(values(load(_CC), "abandonment_rate", "service_level"), abandonment_rate=0.0704,
           service_level=0.5634)  # fmt: skip


@pytest.mark.xfail(
    strict=True,
    reason="SILENT: AHT 894.4091 for 944.303: 'chat_duration' is mapped to handle_seconds (the "
    "'Chat Duration is the handle time' synonym) while 'wrap_up_duration' goes to "
    "acw_seconds, and the engine's AHT takes handle_seconds as it is, so the wrap-up is left "
    "out (CCAI Platform's call_duration is the talk time in round 14; chat_duration likewise).",
)
def test_ccai_chats_aht_with_wrap_up() -> None:
    expect(values(load(_CC), "aht"), aht=944.303)


def test_ccai_chats_contacts_per_queue() -> None:
    expect(by(load(_CC), "queue", "contacts", "Billing > Chat > English",
              "Support > Chat > English"),
           **{"contacts_Billing > Chat > English": 41,
              "contacts_Support > Chat > English": 39})  # fmt: skip

"""Thirtieth blind acceptance suite: call logs of the smaller and newer cloud phone platforms.

The files in ``tests/data/exports30/`` are written by ``make_exports.py`` there (deterministic,
seeded). Every expected number is a literal computed with plain Python over the records the
generator drew (``make_exports.py --expected``), never with KPI Lab code. Definitions are the
registry's defaults: contacts = rows of a contact log (one per call: the repeated ring-group
legs of one call are no new contact); abandonment and service level (20 s, abandons negative)
over inbound queued calls (answered + abandoned + voicemail; outbound dials are not queued);
ASA over inbound answered; AHT = talk + hold + ACW over handled calls (inbound answered,
outbound connected); summaries weighted by answered, transfer rate over answered.

Files: JustCall call logs (a "Call Type" of outcomes beside "Call Direction", mm:ss past 60
minutes), CloudTalk call history ("1m 5s" durations, outbound "missed", "$0.0135" costs),
Kixie call history (a power dialer: "Date (America/Los_Angeles)" + "Time", no-answer / busy
dials), GoTo Connect call history (one row per ring-group member: "Answered elsewhere" rows
repeat the call), Zoho Voice call logs (XLSX with title lines, times without seconds),
Freshdesk Contact Center call metrics ("Call Duration" total beside talk / hold / wrap-up, a
"Cost" column), Vonage Business call logs ("Start Time (UTC)" without offsets in the values, a
New York team), Ooma Office call logs ("9:05:12 AM EST" / "EDT" time cells), Genesys Cloud
agent performance summary by 30-minute interval (an agent's "Missed" alert is no abandon).

Findings, each marked ``xfail(strict=True)`` with its diagnosis:
SILENT (a wrong number, nothing said that would tell the user):
- JustCall: "Call Type" (answered / missed / completed / unanswered) is taken as the direction
  (headers.py lists Five9's "CALL TYPE" before "Call Direction" among the direction synonyms),
  so the real "Call Direction" is dropped and outbound "unanswered" dials count as inbound
  abandons: abandonment 0.1667 for 0.1111, ASA 50.65 for 59.79 (only a vague warning that the
  direction values "say neither inbound nor outbound").
- GoTo Connect: combine.dedupe keeps the LAST row of one Call ID + start, whichever it is: an
  "Answered elsewhere" leg (00:00:00) listed after the member who answered replaces the answer,
  so ASA 48.72 for 53.23 and AHT 361.36 for 367.72.
- Ooma Office: "8:25:44 AM EST" is read as 00:08:25 (every call at midnight): the AM/PM regex
  of timestamps._clock_24h is anchored at the end, so a trailing zone abbreviation defeats it,
  and parsers.parse_duration ("hms") then reads the cell's first two parts as minutes:seconds
  without marking it bad.
- Vonage Business: "Start Time (UTC)" is read as local wall-clock time: a header that names
  UTC is not used to localise naive values (timestamps._localise converts only values that
  carry an offset), so a New York team's calls sit at 14:00-00:59 and the evening calls of the
  EST week land on the next day, with nothing said.
SAID (refused, or a KPI unavailable with a message):
- CloudTalk and Freshdesk Contact Center: every row quarantined, "unparseable cost": the
  optional "Cost" column ("$0.0135") is matched to ``cost`` (headers.py) and
  parsers.parse_number has no currency symbol, and validate._field_reasons quarantines a whole
  row for one unparseable optional field. Behind it (checked on a copy without "Cost"):
  Freshdesk is then read right; CloudTalk would be SILENT twice over ("Type" incoming /
  outgoing is not recognised as the direction, so outbound "missed" dials count as abandons:
  0.1875 for 0.125, and connected dials as answered with a 0 s wait: ASA 32.34 for 42.90) and
  AHT is unavailable ("Talking time" is not a talk-time synonym).
- Kixie: refused, "has no date column the importer recognises": the header key of
  "Date (America/Los_Angeles)" is "dateamericalosangeles" (headers.header_key keeps a
  parenthesised time zone), which matches no date synonym, so the "Date" + "Time" pair is not
  formed (GoTo's "Date (America/Chicago)" passes only because its cells carry the time).
- GoTo Connect: abandonment and service level unavailable: outcomes.propose_rule needs 80% of
  the distinct values of "Result" known and "Answered elsewhere" is unknown to classify_value
  (3 of 4 = 75%), so the outcome comes from "Duration" > 0 with no abandons.

Read right: Zoho Voice (title lines, "Feb 09, 2026 09:05 AM"), Genesys agent performance by
interval (no abandonment / ASA / service level from agent alerts), JustCall's AHT (mm:ss past
60 minutes), the queue KPIs of Ooma and Vonage.

Only the public API is used: ``kpi.ingest.read_files`` and ``kpi.engine.compute``.
"""

from __future__ import annotations

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

load = reader("exports30")
FEB = ("2026-02-09", "2026-02-20")
MAR = ("2026-03-02", "2026-03-13")
APR = ("2026-04-06", "2026-04-17")
KPIS = ("contacts", "abandonment_rate", "asa", "aht", "service_level")


# --- 1. JustCall call logs: "Call Type" of outcomes beside "Call Direction" ----------------------

_JC = "justcall_call_logs.csv"
_JC_WHY = (
    "SILENT: 'Call Type' (answered / missed / voicemail / completed / unanswered) is mapped as "
    "the direction and 'Call Direction' (Incoming / Outgoing) is dropped: headers.py's "
    "direction synonyms list Five9's 'CALL TYPE' before 'Call Direction' and automap takes the "
    "best-ranked one. Every row counts as inbound: the 18 outbound dials' 'unanswered' are "
    "abandons and their 0 s ring time answers (abandonment 0.1667, ASA 50.6528, SL 0.5287); "
    "the only message says some direction values are neither inbound nor outbound."
)


def test_justcall_rows_days() -> None:
    r = load(_JC)
    accounted(r, 90)
    assert days(r) == MAR
    office_hours(r)  # "01:09:05 PM" read on the 12-hour clock


def test_justcall_aht_mmss_past_an_hour() -> None:
    # "72:05" is 72 minutes, not 72 hours: handle = the call duration (no hold or wrap-up).
    expect(values(load(_JC), "contacts", "aht"), contacts=90, aht=533.5417)


def test_justcall_queue_kpis_inbound_only() -> None:
    expect(values(load(_JC), "abandonment_rate", "asa", "service_level"),
           abandonment_rate=0.1111, asa=59.7869, service_level=0.5072)  # fmt: skip


# --- 2. CloudTalk call history: "1m 5s" durations, outbound "missed", "$0.0135" cost -------------

_CT = "cloudtalk_call_history.csv"
_COST_WHY = (
    "SAID: refused, every row quarantined 'unparseable cost': the optional 'Cost' column "
    "('$0.0135') is matched to the cost field (headers.py synonym 'Cost'), "
    "parsers.parse_number does not strip a currency symbol, and validate._field_reasons "
    "quarantines the whole row for one unparseable optional field."
)


def test_cloudtalk_rows_days() -> None:
    r = load(_CT)
    accounted(r, 80)
    assert days(r) == APR
    office_hours(r)


def test_cloudtalk_kpis() -> None:
    expect(values(load(_CT), *KPIS), contacts=80, abandonment_rate=0.125, asa=42.898,
           aht=453.5077, service_level=0.5714)  # fmt: skip


# --- 3. Kixie call history: "Date (America/Los_Angeles)" + "Time", a power dialer ----------------

_KX = "kixie_call_history.csv"
_KX_WHY = (
    "SAID: refused, \"has no date column the importer recognises: 'Date "
    "(America/Los_Angeles)' looks like dates\": headers.header_key keeps the parenthesised time "
    "zone ('dateamericalosangeles'), which matches no date synonym, so automap never pairs it "
    "with 'Time' (GoTo's 'Date (America/Chicago)' is only found because its cells hold times)."
)


def test_kixie_rows_days() -> None:
    # The header names the zone of its times: read in Los Angeles time, they stay as written.
    r = load(_KX, timezone="America/Los_Angeles")
    accounted(r, 100)
    assert days(r) == MAR
    office_hours(r)  # "9:05 AM": no seconds


def test_kixie_kpis() -> None:
    # 69 outbound dials: no-answer / busy are not abandons; inbound missed are.
    expect(values(load(_KX), "contacts", "abandonment_rate", "aht"), contacts=100,
           abandonment_rate=0.2258, aht=341.9324)  # fmt: skip


def test_kixie_no_wait_no_asa() -> None:
    unavailable(load(_KX), "asa", "service_level")


# --- 4. GoTo Connect call history: one row per ring-group member ---------------------------------

_GT = "goto_connect_call_history.csv"


def test_goto_one_contact_per_call() -> None:
    r = load(_GT, timezone="America/Chicago")  # the zone its header names
    accounted(r, 123, quarantined=None)  # 53 "Answered elsewhere" legs set aside or ignored
    assert days(r) == MAR
    office_hours(r)
    expect(values(r, "contacts"), contacts=70)


def test_goto_answer_kept_over_elsewhere_legs() -> None:
    expect(values(load(_GT, timezone="America/Chicago"), "asa", "aht"), asa=53.2264, aht=367.717)


def test_goto_abandonment_from_result() -> None:
    expect(values(load(_GT, timezone="America/Chicago"), "abandonment_rate", "service_level"), abandonment_rate=0.1571,
           service_level=0.5625)  # fmt: skip


# --- 5. Zoho Voice call logs (XLSX): title lines, times without seconds --------------------------

_ZV = "zoho_voice_call_logs.xlsx"


def test_zoho_rows_days() -> None:
    r = load(_ZV)
    accounted(r, 80)
    assert days(r) == FEB
    office_hours(r)
    assert "title lines" in text(r)


def test_zoho_kpis() -> None:
    # Outbound "No Answer" / "Busy" are no abandons; AHT = call + hold duration.
    expect(values(load(_ZV), *KPIS), contacts=80, abandonment_rate=0.1803, asa=65.3778,
           aht=422.1636, service_level=0.4821)  # fmt: skip


# --- 6. Freshdesk Contact Center call metrics: "Call Duration" total, "Cost" ---------------------

_FD = "freshdesk_cc_call_metrics.csv"


def test_freshdesk_rows_days() -> None:
    r = load(_FD)
    accounted(r, 90)
    assert days(r) == MAR
    office_hours(r)


def test_freshdesk_kpis() -> None:
    # AHT = talk + hold + wrap-up; "Call Duration" (queue time included) is not the handle time.
    expect(values(load(_FD), *KPIS), contacts=90, abandonment_rate=0.2027, asa=80.9811,
           aht=480.2063, service_level=0.4265)  # fmt: skip


# --- 7. Vonage Business call logs: "Start Time (UTC)", a New York team ---------------------------

_VG = "vonage_vbc_call_logs.csv"


def test_vonage_rows_kpis() -> None:
    r = load(_VG)
    accounted(r, 80)
    expect(values(r, *KPIS), contacts=80, abandonment_rate=0.2097, asa=50.8723, aht=350.7931,
           service_level=0.5167)  # fmt: skip


def test_vonage_utc_header_converted() -> None:
    r = load(_VG, timezone="America/New_York")
    assert days(r) == MAR
    h = starts(r).dt.hour
    assert h.between(10, 19).all(), h.value_counts().sort_index().to_dict()


# --- 8. Ooma Office call logs: "9:05:12 AM EST" / "EDT" ------------------------------------------

_OO = "ooma_office_call_logs.csv"


def test_ooma_rows_days_kpis() -> None:
    r = load(_OO, timezone="America/New_York")
    accounted(r, 80)
    assert days(r) == MAR
    expect(values(r, "contacts", "abandonment_rate", "aht"), contacts=80,
           abandonment_rate=0.169, aht=344.3774)  # fmt: skip
    unavailable(r, "asa", "service_level")  # no queue or ring time in the file


def test_ooma_time_with_zone_abbreviation() -> None:
    office_hours(load(_OO, timezone="America/New_York"))


# --- 9. Genesys Cloud agent performance summary by 30-minute interval ----------------------------

_GN = "genesys_agent_performance_interval.csv"


def test_genesys_agent_rows_days() -> None:
    r = load(_GN)
    accounted(r, 238)
    assert days(r) == ("2026-04-06", "2026-04-10")
    office_hours(r)  # "4/6/26 1:30 PM"


def test_genesys_agent_kpis() -> None:
    expect(values(load(_GN), "aht", "talk_time", "transfer_rate"), aht=379.649,
           talk_time=310.2485, transfer_rate=0.0579)  # fmt: skip


def test_genesys_agent_missed_is_no_abandon() -> None:
    # "Missed" alerts rang on to another agent: no abandons, no queue wait in this report.
    unavailable(load(_GN), "abandonment_rate", "asa", "service_level")

"""The importer on the general shapes behind the blind acceptance suite (#16): localised headers,
compact dates, thousands separators, contact rows without an id, correcting outcome columns,
customer hang-ups, queue timestamps, thresholds in headers, ticket timestamps without a
creation time. Every expected value is worked out by hand in the comment beside it."""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest

import kpi.schema
import kpi.segment
from kpi import ingest
from kpi.engine import compute
from kpi.errors import MappingError
from kpi.ingest.automap import detect_source_shape, propose
from kpi.ingest.headers import header_key, header_unit
from kpi.ingest.mapping import OutcomeRule, load_mapping
from kpi.ingest.outcomes import apply_rule, propose_correction, propose_rule
from kpi.ingest.parsers import number_separators, parse_number_noted
from kpi.ingest.timestamps import compact_dates
from kpi.metrics.settings import Settings


def read(text: str, name: str = "calls.csv", encoding: str = "utf-8") -> ingest.ImportResult:
    return ingest.read_files([(name, text.encode(encoding))], timezone="UTC")


# --- headers -----------------------------------------------------------------------------------


def test_accented_headers_keep_their_letters_and_units() -> None:
    assert header_key("Gesprächszeit (s)") == "gesprachszeit"
    assert header_unit("Gesprächszeit (s)") == "s"
    assert header_key("Durée d'attente") == header_key("duree dattente")
    assert header_unit("Avg Handle Time (mm:ss)") == "hms"
    assert header_key("Avg Handle Time (mm:ss)") == header_key("Avg Handle Time")


def test_german_call_log_maps_with_no_mapping() -> None:
    # ';' + decimal comma + cp1252; 3 calls: waits 10,5 / 30 / 40 s; the second abandoned.
    # ASA = (10.5 + 40) / 2 = 25.25; abandonment 1/3; AHT = (100 + 20 + 200 + 30) / 2 = 175.
    text = (
        "Anruf-ID;Datum;Uhrzeit;Warteschlange;Mitarbeiter;Wartezeit (s);Gesprächszeit (s);"
        "Nachbearbeitungszeit (s);Abgebrochen\r\n"
        "1;13/02/2025;08:00:00;Service;anna;10,5;100;20;Nein\r\n"
        "2;13/02/2025;09:00:00;Service;;30;0;0;Ja\r\n"
        "3;14/02/2025;10:00:00;Service;ben;40;200;30;Nein\r\n"
    )
    r = read(text, "anrufe.csv", "cp1252")
    m = r.mapping
    assert m.get("start_time").source == ("Datum", "Uhrzeit")  # type: ignore[union-attr]
    assert m.get("agent_id").source == ("Mitarbeiter",)  # type: ignore[union-attr]
    assert m.get("acw_seconds").source == ("Nachbearbeitungszeit (s)",)  # type: ignore[union-attr]
    t = compute(r.dataset, kpis=["abandonment_rate", "asa", "aht"], grain="all")
    assert t.value("abandonment_rate") == pytest.approx(1 / 3)
    assert t.value("asa") == pytest.approx(25.25)
    assert t.value("aht") == pytest.approx(175.0)


def test_abbreviated_units_with_a_dot_and_foreign_satisfaction_headers() -> None:
    assert header_key("Wartezeit (Sek.)") == "wartezeit" and header_unit("Wartezeit (Sek.)") == "s"
    assert header_unit("Dauer (Min.)") == "min" and header_unit("ACW Min.") == "min"
    assert header_unit("Wait Time (sec.)") == "s"
    assert header_key("Nr.") == "nr" and header_unit("Nr.") is None  # no unit, no word lost


def test_german_report_with_a_title_block_and_a_status_column() -> None:
    # Title lines above the header, ';' + decimal comma + cp1252, "(Sek.)" units, a German
    # status column and "Zufriedenheit" (CSAT). 3 calls: waits 10 / 30 / 50 s; the second
    # abandoned. ASA (10 + 50) / 2 = 30; AHT (100 + 20 + 200 + 0) / 2 = 160; abandonment 1/3;
    # CSAT (4 + 2) / 2 = 3 (the abandoned call has no score).
    text = (
        "Anrufbericht Kundendienst\r\nErstellt am 04.12.2025\r\n\r\n"
        "Datum;Uhrzeit;Warteschlange;Wartezeit (Sek.);Gesprächsdauer (Sek.);"
        "Nachbearbeitung (Sek.);Status;Zufriedenheit\r\n"
        "03.11.2025;08:00;Service;10;100;20;angenommen;4,0\r\n"
        "03.11.2025;08:37;Service;30;;;abgebrochen;\r\n"
        "13.11.2025;09:14;Service;50;200;0;angenommen;2,0\r\n"
    )
    r = read(text, "bericht.csv", "cp1252")
    m = r.mapping
    assert m.get("wait_seconds").source == ("Wartezeit (Sek.)",)  # type: ignore[union-attr]
    assert m.get("csat").source == ("Zufriedenheit",)  # type: ignore[union-attr]
    assert m.outcome is not None and dict(m.outcome.values) == {
        "angenommen": "answered",
        "abgebrochen": "abandoned",
    }
    assert r.report.rows_kept == 3
    assert r.dataset.frame["start_time"].dt.day.tolist() == [3, 3, 13]  # day-first
    t = compute(r.dataset, kpis=["abandonment_rate", "asa", "aht", "csat"], grain="all")
    assert t.value("abandonment_rate") == pytest.approx(1 / 3)
    assert t.value("asa") == pytest.approx(30.0)
    assert t.value("aht") == pytest.approx(160.0)
    assert t.value("csat") == pytest.approx(3.0)


@pytest.mark.parametrize(
    ("answered", "abandoned"),
    [
        ("Angenommen", "Abgebrochen"),
        ("Répondu", "Abandonné"),
        ("Atendida", "Abandonada"),
        ("Beantwoord", "Afgebroken"),
    ],
)
def test_outcome_words_in_four_more_languages(answered: str, abandoned: str) -> None:
    got = propose_rule("Status", [answered, abandoned, answered])
    assert got is not None
    assert dict(got[0].values) == {answered: "answered", abandoned: "abandoned"}


def test_five9_disposition_codes_are_answered_calls() -> None:
    # Five9's DISPOSITION holds system values (Abandon, Voicemail) and the codes agents chose
    # (Resolved, Sale, Callback Scheduled). 5 calls: Resolved (wait 10, handle 300), Abandon
    # (wait 40), Sale (wait 20, handle 200), Voicemail (wait 90), Callback Scheduled (wait 30,
    # handle 100). Abandonment 1/5; ASA (10 + 20 + 30) / 3 = 20; AHT 600 / 3 = 200.
    rule, why = propose_rule(
        "DISPOSITION", ["Resolved", "Abandon", "Sale", "Voicemail", "Callback Scheduled"]
    ) or (None, "")
    assert rule is not None
    assert dict(rule.values) == {
        "Resolved": "wrapup",
        "Abandon": "abandoned",
        "Sale": "wrapup",
        "Voicemail": "voicemail",
        "Callback Scheduled": "wrapup",
    }
    assert "wrap-up codes" in why
    assert propose_rule("Notes", ["Resolved", "Abandon"]) is None  # not a disposition header
    text = (
        "CALL ID,TIMESTAMP,CAMPAIGN,AGENT,DISPOSITION,QUEUE WAIT TIME,HANDLE TIME\n"
        '1,"Mon, 03 Mar 2025 09:00:00",Support,ann,Resolved,0:00:10,0:05:00\n'
        '2,"Mon, 03 Mar 2025 09:10:00",Support,,Abandon,0:00:40,0:00:00\n'
        '3,"Mon, 03 Mar 2025 09:20:00",Support,bob,Sale,0:00:20,0:03:20\n'
        '4,"Mon, 03 Mar 2025 09:30:00",Support,,Voicemail,0:01:30,0:00:00\n'
        '5,"Tue, 04 Mar 2025 09:40:00",Support,ann,Callback Scheduled,0:00:30,0:01:40\n'
    )
    r = read(text, "five9_call_log.csv")
    f = r.dataset.frame
    assert f["answered"].tolist() == [True, False, True, False, True]
    assert f["abandoned"].tolist() == [False, True, False, False, False]
    t = compute(r.dataset, kpis=["abandonment_rate", "asa", "aht"], grain="all")
    assert t.value("abandonment_rate") == pytest.approx(1 / 5)
    assert t.value("asa") == pytest.approx(20.0)
    assert t.value("aht") == pytest.approx(200.0)
    # A code on a contact that never reached an agent counts in no rate.
    flags, _ = apply_rule(rule, pd.Series(["Sale", "Sale"]), pd.Series([True, False]))
    assert flags["answered"].tolist()[0] is True and flags["answered"].isna().tolist()[1]


def test_ended_normally_is_answered_where_an_agent_was_reached() -> None:
    # Webex Contact Center's terminationType: "normal" or "abandoned". A normal end is answered
    # where the contact reached an agent (talk time), counted in no rate elsewhere.
    got = propose_rule("terminationType", ["normal", "abandoned", "normal"])
    assert got is not None
    rule = got[0]
    assert dict(rule.values) == {"normal": "ended", "abandoned": "abandoned"}
    column = pd.Series(["normal", "normal", "abandoned", "Normal"])
    flags, note = apply_rule(rule, column, pd.Series([True, False, False, True]))
    assert flags["answered"].tolist() == [True, pd.NA, False, True]
    assert flags["abandoned"].tolist() == [False, pd.NA, True, False]
    assert note is None
    assert propose_rule("Notes", ["normal", "abandoned"]) is None  # "normal" alone: no header


# --- values ------------------------------------------------------------------------------------


def test_compact_dates_only_when_every_value_is_a_date() -> None:
    got = compact_dates(pd.Series([990103, 990105, None]))
    assert got is not None
    assert got.tolist()[:2] == [pd.Timestamp("1999-01-03"), pd.Timestamp("1999-01-05")]
    assert compact_dates(pd.Series(["20250304", "20251231"])) is not None
    assert compact_dates(pd.Series(["20250304", "20251331"])) is None  # month 13
    assert compact_dates(pd.Series([45000, 45001])) is None  # Excel serials: month 50
    assert compact_dates(pd.Series(["2025-03-04"])) is None


@pytest.mark.parametrize(
    ("values", "integer_like", "how", "first"),
    [
        (["3,343", "5,838", "900"], True, "thousands_comma", 3343.0),  # a count column
        (["12,5", "3", "4,25"], False, "decimal_comma", 12.5),
        (["1,234,567", "12"], False, "thousands_comma", 1234567.0),  # two groups
        (["1,234", "0.5"], False, "thousands_comma", 1234.0),  # '.' is the decimal point
        (["1,234", "2,5"], False, "decimal_comma", 1.234),  # no evidence: decimal comma
        (["1.234.567", "12"], False, "thousands_dot", 1234567.0),
        (["1.234,5", "2"], False, "thousands_dot", 1234.5),
        (["1.5", "12"], False, "plain", 1.5),
    ],
)
def test_number_separators_decided_per_column(
    values: list[str], integer_like: bool, how: str, first: float
) -> None:
    s = pd.Series(values, dtype="string")
    assert number_separators(s, integer_like) == how
    out, bad, _ = parse_number_noted(s, integer_like=integer_like)
    assert out.iloc[0] == pytest.approx(first) and not bad.any()


def test_monthly_thousands_are_said_in_the_report() -> None:
    # (300 + 500) / (1200 + 2000) = 0.25
    text = 'Month,Inbound Calls,Abandoned Calls\nJan 2025,"1,200",300\nFeb 2025,"2,000",500\n'
    r = read(text, "monthly.csv")
    assert compute(r.dataset, kpis=["abandonment_rate"], grain="all").value(
        "abandonment_rate"
    ) == pytest.approx(0.25)
    assert any("thousands separator (1,200 = 1200)" in n for n in r.report.notes)


# --- shape ---------------------------------------------------------------------------------


def test_rows_without_an_id_are_contacts_when_they_look_like_contacts() -> None:
    cols = ["Date", "Time", "Wait Time", "Abandoned"]
    yes_no = {"Date": ["2025-03-03"], "Time": ["15:11"], "Abandoned": ["No", "Yes"]}
    assert detect_source_shape(cols, yes_no) == "interactions"
    zero_one = {"Date": ["2025-03-03"], "Time": ["15:11"], "Abandoned": ["0", "1"]}
    assert detect_source_shape(cols, zero_one) == "interactions"  # 0/1 beside a wait column
    counts = {"Date": ["2025-03-03"], "Offered": ["120", "98"], "Abandoned": ["7", "3"]}
    assert detect_source_shape(["Date", "Offered", "Abandoned"], counts) == "aggregated"
    assert detect_source_shape(["Date", "Offered", "Abandoned"]) == "aggregated"


def test_identical_rows_of_a_file_without_ids_are_duplicates() -> None:
    # Line 3 repeats line 2 verbatim: quarantined; the two other calls kept (1 abandoned of 2).
    text = (
        "Date,Time,Wait Time,Abandoned\n2025-03-03,09:00,10,No\n2025-03-03,09:00,10,No\n"
        "2025-03-03,09:05,40,Yes\n"
    )
    r = read(text)
    assert (r.report.rows_read, r.report.rows_kept, r.report.rows_quarantined) == (3, 2, 1)
    assert r.report.quarantine["reason"].tolist() == ["duplicate row (identical to an earlier row)"]
    t = compute(r.dataset, kpis=["abandonment_rate"], grain="all")
    assert t.value("abandonment_rate") == pytest.approx(0.5)


# --- outcomes ------------------------------------------------------------------------------


def test_a_disposition_corrects_flags_it_lists_only() -> None:
    rule, _ = propose_correction("DISPOSITION", ["Resolved", "Voicemail", "Abandon"]) or (None, "")
    assert rule is not None and rule.others == "keep"
    assert rule.values == (("Voicemail", "voicemail"),)
    assert propose_correction("Notes", ["Voicemail"]) is None  # not an outcome header
    # 4 calls: answered (wait 10), voicemail (ABANDONED 0, wait 50), abandoned (wait 30),
    # answered (wait 20). Voicemail is offered but not answered: abandonment 1/4, ASA 15.
    text = (
        "CALL ID,DATE,TIME,DISPOSITION,QUEUE WAIT TIME,TALK TIME,ABANDONED\n"
        "1,2025/03/03,09:00:00,Resolved,0:00:10,0:05:00,0\n"
        "2,2025/03/03,09:10:00,Voicemail,0:00:50,0:00:00,0\n"
        "3,2025/03/03,09:20:00,Abandon,0:00:30,0:00:00,1\n"
        "4,2025/03/04,09:30:00,Not Resolved,0:00:20,0:04:00,0\n"
    )
    r = read(text)
    f = r.dataset.frame
    assert f["answered"].tolist() == [True, False, False, True]
    t = compute(r.dataset, kpis=["abandonment_rate", "asa"], grain="all")
    assert t.value("abandonment_rate") == pytest.approx(1 / 4)
    assert t.value("asa") == pytest.approx(15.0)


def test_customer_hangup_is_abandoned_only_before_an_agent() -> None:
    rule, _ = propose_rule(
        "disconnect_reason", ["AGENT_DISCONNECT", "CUSTOMER_DISCONNECT", "CONTACT_FLOW_DISCONNECT"]
    ) or (None, "")
    assert rule is not None and dict(rule.values)["CUSTOMER_DISCONNECT"] == "hangup"
    col = pd.Series(["CUSTOMER_DISCONNECT", "CUSTOMER_DISCONNECT", "AGENT_DISCONNECT", "x"])
    reached = pd.Series([True, False, True, False])
    flags, _ = apply_rule(rule, col, reached)
    assert flags["abandoned"].tolist()[:3] == [False, True, False]
    assert flags["answered"].tolist()[:3] == [True, False, True]
    assert flags["abandoned"].isna().tolist() == [False, False, False, True]


def test_outcome_rule_round_trips_with_its_new_parts() -> None:
    rule = OutcomeRule("outcome", (("HANG", "hangup"), ("VM", "voicemail")), others="keep")
    data = {"shape": "interactions", "fields": {"contact_id": "id"}, "outcome": rule.to_json()}
    assert load_mapping(data).outcome == rule
    with pytest.raises(MappingError, match="others"):
        load_mapping({**data, "outcome": {**rule.to_json(), "others": "drop"}})


def test_ignored_outcomes_are_in_no_denominator() -> None:
    # Handled (wait 10, handle 300) / Abandoned (wait 40) / Phantom (wait 3) / Handled
    # (wait 30, handle 100): abandonment 1/3 (not 2/4), AHT (300 + 100) / 2 = 200, ASA 20.
    text = (
        "Interaction ID,Date,Time,Call Result,Queue Time,Handle Time\n"
        "a,2025-06-02,09:00:00,Handled,00:00:10,00:05:00\n"
        "b,2025-06-02,09:10:00,Abandoned,00:00:40,\n"
        "c,2025-06-02,09:20:00,Phantom,00:00:03,00:00:00\n"
        "d,2025-06-02,09:30:00,Handled,00:00:30,00:01:40\n"
    )
    r = read(text)
    t = compute(r.dataset, kpis=["abandonment_rate", "aht", "asa"], grain="all")
    assert t.value("abandonment_rate") == pytest.approx(1 / 3)
    assert t.value("aht") == pytest.approx(200.0)
    assert t.value("asa") == pytest.approx(20.0)
    assert "unknown or ignored" in t.describe("abandonment_rate")


def test_amazon_connect_queue_info_columns() -> None:
    # Enqueued and never connected = abandoned (1 of 2 queued); the outbound contact is not
    # offered. ASA = the one answered wait, 12 s.
    text = (
        "ContactId,InitiationMethod,InitiationTimestamp,QueueInfo.EnqueueTimestamp,"
        "QueueInfo.Duration,Agent.ConnectedToAgentTimestamp,Agent.AgentInteractionDuration\n"
        "c1,INBOUND,2025-03-03T09:00:00Z,2025-03-03T09:00:10Z,12,2025-03-03T09:00:22Z,300\n"
        "c2,INBOUND,2025-03-03T09:05:00Z,2025-03-03T09:05:10Z,40,,\n"
        "c3,OUTBOUND,2025-03-03T09:10:00Z,,,2025-03-03T09:10:05Z,120\n"
    )
    r = read(text, "ctr.csv")
    assert r.mapping.get("abandoned").transform == "queued_not_answered"  # type: ignore[union-attr]
    t = compute(r.dataset, kpis=["abandonment_rate", "asa"], grain="all")
    assert t.value("abandonment_rate") == pytest.approx(0.5)
    assert t.value("asa") == pytest.approx(12.0)


# --- aggregated service level ----------------------------------------------------------------


def test_answered_within_threshold_gives_service_level() -> None:
    # Week 1: 90 answered (60 within), 10 abandoned; week 2: 45 answered (40 within), 5 abandoned.
    # abandons negative: (60 + 40) / (100 + 50) = 2/3; answered only: 100 / 135.
    text = (
        "Week starting,Offered,Answered,Abandoned,Answered within 30s\n"
        "2025-01-06,100,90,10,60\n2025-01-13,50,45,5,40\n"
    )
    r = read(text, "weekly.csv")
    assert r.mapping.get("answered_within") is not None
    assert any("threshold of 30 s" in n for n in r.report.notes)
    t = compute(r.dataset, kpis=["service_level"], grain="all")
    assert t.value("service_level") == pytest.approx(2 / 3)
    only = compute(
        r.dataset,
        kpis=["service_level"],
        grain="all",
        settings=Settings(sl_variant="answered_only"),
    )
    assert only.value("service_level") == pytest.approx(100 / 135)


def test_daily_mmss_average_is_minutes_and_seconds() -> None:
    # 05:00 over 100 handled, 02:30 over 50: (300 * 100 + 150 * 50) / 150 = 250 s
    text = "Date,Calls Offered,Calls Handled,Avg Handle Time (mm:ss)\n"
    text += "2025-01-01,110,100,05:00\n2025-01-02,55,50,02:30\n"
    t = compute(read(text, "daily.csv").dataset, kpis=["aht"], grain="all")
    assert t.value("aht") == pytest.approx(250.0)


# --- tickets -----------------------------------------------------------------------------------


def test_ticket_timestamps_durations_by_difference() -> None:
    # initial - created: 30 min and 2 h -> FRT 4500 s; resolved - created: 1 day (one ticket).
    text = (
        "Ticket ID,Created time,Initial response time,Resolved time,Closed time\n"
        "1,2025-03-03 09:00:00,2025-03-03 09:30:00,2025-03-04 09:00:00,2025-03-06 09:00:00\n"
        "2,2025-03-03 10:00:00,2025-03-03 12:00:00,,\n"
    )
    r = read(text, "tickets.csv")
    assert r.mapping.get("solved_time").source == ("Resolved time",)  # type: ignore[union-attr]
    t = compute(r.dataset, kpis=["frt", "resolution_time"], grain="all")
    assert t.value("frt") == pytest.approx(4500.0)
    assert t.value("resolution_time") == pytest.approx(86400.0)


def test_date_only_creation_gives_no_response_durations() -> None:
    text = (
        "Number,Date,Priority,State,First response at\n"
        "INC1,2025-04-01,2 - High,In Progress,2025-04-01 20:09:11\n"
        "INC2,2025-04-02,4 - Low,New,\n"
    )
    r = read(text, "incidents.csv")
    assert r.mapping.get("first_response_seconds") is None
    assert r.report.rows_quarantined == 0
    assert any("without a time of day" in n for n in r.report.notes)


# --- one source each ---------------------------------------------------------------------------


def test_safe_csv_is_the_report_guard() -> None:
    frame = pd.DataFrame({"a": ["\tcmd", "=1+1", "ok"], "n": [-1.0, 2.0, math.nan]})
    lines = ingest.safe_csv(frame).decode().splitlines()
    assert lines[1].startswith("'\tcmd") and lines[2].startswith("'=1+1") and lines[3] == "ok,"
    assert lines[1].endswith(",-1.0")  # numbers stay numbers


def test_one_segment_list() -> None:
    assert kpi.schema.SEGMENT_COLUMNS is kpi.segment.SEGMENT_COLUMNS


def test_proposal_evidence_for_a_correction() -> None:
    p = propose(
        ["CALL ID", "DATE", "TIME", "DISPOSITION", "ABANDONED"],
        samples={"DISPOSITION": ["Resolved", "Voicemail"], "ABANDONED": ["0", "1"]},
    )
    assert p.mapping.outcome is not None and p.mapping.outcome.others == "keep"
    assert "Voicemail = voicemail" in p.evidence["outcome"]


# --- round 5: ISO durations, week labels, IVR hang-ups, nested JSON -----------------------------


def test_iso_8601_and_negative_spelled_durations() -> None:
    from kpi.ingest.parsers import parse_duration

    secs, bad, _ = parse_duration(pd.Series(["PT3M19S", "PT0S", "PT1H2M3.5S", "P1DT2H", "x"]))
    assert secs.tolist()[:4] == [199.0, 0.0, 3723.5, 93600.0]
    assert bad.tolist() == [False, False, False, False, True]
    secs, _, _ = parse_duration(pd.Series(["9m 21s", "-3s", "1h 9m 33s"]))
    assert secs.tolist() == [561.0, -3.0, 4173.0]  # negative: then quarantined by its range


@pytest.mark.parametrize("label", ["Week 10 2025", "Wk 10, 2025", "KW 10 2025", "2025 Week 10"])
def test_week_number_labels(label: str) -> None:
    from kpi.ingest.grain import parse_periods

    got = parse_periods(pd.Series([label, "2025-W11"]))
    assert got is not None and got[1] == "week"
    assert [str(d.date()) for d in got[0]] == ["2025-03-03", "2025-03-10"]


def test_an_ivr_hang_up_is_not_a_queue_abandon() -> None:
    got = propose_rule("completion_status", ["completed", "abandoned_in_queue", "abandoned_in_ivr"])
    assert got is not None
    assert dict(got[0].values)["abandoned_in_ivr"] == "ignore"
    assert dict(got[0].values)["abandoned_in_queue"] == "abandoned"


def test_nested_json_records_and_an_api_response() -> None:
    # 2 calls: wait 10 / 30, the second abandoned; csat null or {"score": 4}.
    calls = [
        {"id": "a", "created_at": "2025-03-03T09:00:00Z", "queue": {"name": "Sales"},
         "outcome": "ANSWERED", "timings": {"wait_seconds": 10, "talk_seconds": 100},
         "csat": {"score": 4}},
        {"id": "b", "created_at": "2025-03-03T10:00:00Z", "queue": {"name": "Sales"},
         "outcome": "ABANDONED", "timings": {"wait_seconds": 30, "talk_seconds": 0},
         "csat": None},
    ]  # fmt: skip
    for doc in (calls, {"meta": {"page": 1}, "data": calls}):
        r = read(json.dumps(doc), "calls.json")
        f = r.dataset.frame
        assert f["queue"].tolist() == ["Sales", "Sales"]
        t = compute(r.dataset, kpis=["abandonment_rate", "asa", "csat"], grain="all")
        assert t.value("abandonment_rate") == pytest.approx(0.5)
        assert t.value("asa") == pytest.approx(10.0)
        assert t.value("csat") == pytest.approx(4.0)
        assert any("'timings.wait_seconds' as 'wait_seconds'" in n for n in r.report.notes)


def test_a_one_line_json_lines_file_is_one_record() -> None:
    # A lone object (even with a list of objects inside) is a record, not an API envelope.
    for line in (
        '{"id": "a", "start_time": "2025-03-03T09:00:00", "wait_seconds": 5}',
        '{"id": "a", "start_time": "2025-03-03T09:00:00", "legs": [{"x": 1}, {"x": 2}]}',
    ):
        r = read(line + "\n", "one.jsonl")
        assert (r.report.rows_read, r.report.rows_kept) == (1, 1)
        assert r.dataset.frame["contact_id"].tolist() == ["a"]


def test_a_report_with_one_column_group_per_queue_is_read_one_row_per_queue() -> None:
    # Two lines x two queues: four rows; the "Total" group sums the others and is left out.
    text = (
        "Date,Sales Offered,Sales Answered,Sales ASA,Support Offered,Support Answered,"
        "Support ASA,Total Offered,Total Answered\n"
        "2024-04-08,64,61,70,84,76,93,148,137\n"
        "2024-04-09,79,73,89,82,73,28,161,146\n"
    )
    r = read(text, "wide.csv")
    assert (r.report.rows_read, r.report.rows_kept) == (4, 4)
    f = r.dataset.frame.sort_values(["date", "queue"])
    assert f["queue"].tolist() == ["Sales", "Support", "Sales", "Support"]
    assert f["offered"].tolist() == [64, 84, 79, 82]
    assert f["asa_seconds"].tolist() == [70, 93, 89, 28]
    notes = " ".join(r.report.notes)
    assert "one column group per queue (Sales, Support) read as one row per line and queue" in notes
    assert "column group 'Total' left out: it sums the other queues" in notes
    # ASA pooled over both queues and days, weighted by answered.
    table = compute(r.dataset, kpis=["asa"], grain="all")
    assert table.value("asa") == pytest.approx((61 * 70 + 76 * 93 + 73 * 89 + 73 * 28) / 283)
    # A queue column with ordinary headers is no column group.
    r = read("Date,Queue,Offered,Answered,ASA\n2024-04-08,Sales,64,61,70\n", "long.csv")
    assert r.report.rows_kept == 1

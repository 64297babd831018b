"""Timestamp pairs and value-decided units read with no mapping (fourth blind round).

- the wait from "connected at" - "started at" when the file has no wait column (Aircall, Dialpad),
  and until "ended at" for a contact never connected;
- decimal minutes recognised from the values (Dialpad ``talk_duration`` 4.733333 = 284 s), and
  ordinary seconds columns left as seconds;
- an outcome column whose values also say "outgoing" (Dialpad ``category``);
- the first response from Intercom's "First admin reply at".

Every expected figure is computed by hand in the comments.
"""

from __future__ import annotations

import numpy as np
import pytest

import kpi.engine
from kpi import ingest
from kpi.ingest.parsers import decimal_minutes


def read(text: str, name: str = "calls.csv") -> ingest.ImportResult:
    return ingest.read_files([(name, text.encode())], timezone="UTC")


def kpi_value(r: ingest.ImportResult, k: str) -> float:
    return float(kpi.engine.compute(r.dataset, kpis=[k], grain="all").value(k))


def field(r: ingest.ImportResult, target: str) -> ingest.FieldMap | None:
    return next((f for f in r.mapping.fields if f.target == target), None)


def notes(r: ingest.ImportResult) -> str:
    return " ".join(r.report.notes).lower()


# --- the wait from timestamps ---------------------------------------------------------------------

# Aircall: epoch seconds. Waits 10 s and 30 s (answered), the missed call waited 50 s until it
# ended, the voicemail 100 s.
AIRCALL = """id,direction,status,started_at,answered_at,ended_at,duration (in call)
1,inbound,answered,1741000000,1741000010,1741000110,100
2,inbound,answered,1741003600,1741003630,1741003830,200
3,inbound,missed,1741007200,,1741007250,0
4,inbound,voicemail,1741010800,,1741010900,0
"""


def test_wait_from_answered_at_minus_started_at() -> None:
    r = read(AIRCALL)
    wait = field(r, "wait_seconds")
    assert wait is not None and wait.transform == "elapsed"
    assert wait.source == ("started_at", "answered_at", "ended_at")
    assert kpi_value(r, "asa") == pytest.approx(20.0)  # (10 + 30) / 2
    assert kpi_value(r, "aht") == pytest.approx(150.0)  # (100 + 200) / 2
    # within 20 s: call 1 only; over answered + abandoned (2 + 1)
    assert kpi_value(r, "service_level") == pytest.approx(1 / 3)
    # the voicemail has a wait (until it ended): it still counts as queued, 1 / (2 + 1 + 1)
    assert kpi_value(r, "abandonment_rate") == pytest.approx(0.25)
    assert "'answered_at'" in notes(r)


# Dialpad: text timestamps. Waits 20 s and 14 s; the abandoned call waited 188 s until it ended.
DIALPAD = """call_id,date_started,date_connected,date_ended,direction,category
1,2025-03-03 08:38:50,2025-03-03 08:39:10,2025-03-03 08:43:34,inbound,incoming
2,2025-03-03 10:55:46,,2025-03-03 10:58:54,inbound,abandoned
3,2025-03-03 12:32:40,2025-03-03 12:32:54,2025-03-03 12:36:26,inbound,incoming
4,2025-03-03 14:13:30,,2025-03-03 14:18:06,inbound,voicemail
5,2025-03-03 15:00:00,2025-03-03 15:00:30,2025-03-03 15:05:00,outbound,outgoing
"""


def test_wait_from_date_connected_and_category_outcome() -> None:
    r = read(DIALPAD)
    assert r.mapping.outcome is not None and r.mapping.outcome.source == "category"
    assert dict(r.mapping.outcome.values)["outgoing"] == "ignore"
    assert kpi_value(r, "asa") == pytest.approx(17.0)  # inbound answered: (20 + 14) / 2
    # within 20 s: both answered; over answered + abandoned (2 + 1)
    assert kpi_value(r, "service_level") == pytest.approx(2 / 3)
    # 1 abandoned / (2 answered + 1 abandoned + 1 voicemail); the outbound call is not offered
    assert kpi_value(r, "abandonment_rate") == pytest.approx(0.25)


def test_a_wait_column_wins_over_the_timestamps() -> None:
    text = AIRCALL.replace(",duration (in call)\n", ",duration (in call),wait_time\n", 1)
    lines = text.splitlines()
    waits = ["4", "6", "50", "100"]
    text = (
        "\n".join([lines[0]] + [f"{ln},{w}" for ln, w in zip(lines[1:], waits, strict=True)]) + "\n"
    )
    r = read(text)
    wait = field(r, "wait_seconds")
    assert wait is not None and wait.source == ("wait_time",) and not wait.transform
    assert kpi_value(r, "asa") == pytest.approx(5.0)  # (4 + 6) / 2


def test_no_end_column_leaves_unconnected_contacts_without_a_wait() -> None:
    text = "\n".join(",".join(c for i, c in enumerate(ln.split(",")) if i != 5)
                     for ln in AIRCALL.splitlines()) + "\n"  # fmt: skip
    r = read(text)
    wait = field(r, "wait_seconds")
    assert wait is not None and wait.source == ("started_at", "answered_at")
    assert kpi_value(r, "asa") == pytest.approx(20.0)


# --- decimal minutes ------------------------------------------------------------------------------


def calls(talk: list[str], header: str = "talk_duration") -> str:
    rows = [f"{i},2025-03-03 09:{i:02d}:00,answered,{t}" for i, t in enumerate(talk, 1)]
    return "\n".join([f"call_id,date_started,status,{header}", *rows]) + "\n"


def test_decimal_minutes_from_the_values() -> None:
    # 284 s, 61 s, 150 s, 201 s, 31 s, 360 s written as minutes: mean 1,087 / 6 s
    r = read(calls(["4.733333", "1.016667", "2.500000", "3.350000", "0.516667", "6.000000"]))
    talk = field(r, "talk_seconds")
    assert talk is not None and talk.unit == "min"
    assert kpi_value(r, "aht") == pytest.approx(1087 / 6, abs=1e-3)
    assert "read as minutes (decimal minutes" in notes(r)


@pytest.mark.parametrize(
    ("talk", "aht"),
    [
        (["284", "61", "150", "201", "31", "360"], 1087 / 6),  # whole seconds
        (["12.5", "30.1", "45.3", "61.7", "90.2", "20.0"], 259.8 / 6),  # sixtieths, but 1 decimal
        (["12.345", "30.1", "45.25", "61.7", "90.2", "20.05"], 259.645 / 6),  # millisecond text
    ],
)
def test_seconds_columns_stay_seconds(talk: list[str], aht: float) -> None:
    r = read(calls(talk))
    f = field(r, "talk_seconds")
    assert f is not None and f.unit == "s"
    assert kpi_value(r, "aht") == pytest.approx(aht)
    assert "minutes" not in notes(r)


def test_decimal_minutes_rule() -> None:
    sixtieths = np.array([284, 61, 150, 201, 31, 360]) / 60
    assert decimal_minutes(np.round(sixtieths, 6))
    assert not decimal_minutes(np.round(sixtieths[:4], 6))  # too few values to tell
    assert not decimal_minutes(np.array([2.5, 3.35, 4.4, 1.25, 0.75, 5.05]))  # finite decimals
    assert not decimal_minutes(np.array([4.733, 1.017, 2.5, 3.35, 0.517, 6.0]))  # not sixtieths
    assert not decimal_minutes(np.round(sixtieths + 200, 6))  # a median over 3 hours


def test_summary_averages_are_not_read_as_minutes() -> None:
    # A summary's average handle times of whole seconds over 3 contacts are sixtieths too.
    text = "Date,Queue,Offered,Answered,Abandoned,AHT\n" + "".join(
        f"2025-03-0{d},Sales,3,3,0,{v}\n"
        for d, v in zip(
            range(3, 9),
            ["345.666667", "120.333333", "90.333333", "200.666667", "150.333333", "60.666667"],
            strict=True,
        )
    )
    r = read(text, "summary.csv")
    assert r.dataset.shape == "aggregated"
    f = field(r, "aht_seconds")
    assert f is not None and f.unit == "s"
    assert "minutes" not in notes(r)
    assert kpi_value(r, "aht") == pytest.approx(968 / 6, abs=1e-4)  # weighted by 3 answered each


# --- outcome column with an outbound word ---------------------------------------------------------


def test_outgoing_in_an_outcome_column_without_direction() -> None:
    # No direction column: "outgoing" says outbound (handled, not offered).
    text = """call_id,date_started,type,talk_seconds
1,2025-03-03 09:00:00,incoming,100
2,2025-03-03 09:10:00,missed,0
3,2025-03-03 09:20:00,outgoing,300
4,2025-03-03 09:30:00,incoming,200
"""
    r = read(text)
    assert r.mapping.outcome is not None and r.mapping.outcome.source == "type"
    assert field(r, "direction") is not None
    assert kpi_value(r, "abandonment_rate") == pytest.approx(1 / 3)  # 1 / (2 + 1)
    assert kpi_value(r, "aht") == pytest.approx(200.0)  # (100 + 300 + 200) / 3


# --- ticket timestamps ----------------------------------------------------------------------------

INTERCOM = """Conversation ID,Created at,Updated at,First admin reply at,Last closed at,State,Conversation rating
1,2025-03-03 09:00:00 UTC,2025-03-04 09:00:00 UTC,2025-03-03 10:00:00 UTC,2025-03-03 12:00:00 UTC,closed,4
2,2025-03-03 11:00:00 UTC,2025-03-04 09:00:00 UTC,2025-03-03 11:30:00 UTC,,open,
3,2025-03-03 13:00:00 UTC,2025-03-04 09:00:00 UTC,,,open,2
"""


def test_first_admin_reply_and_last_closed_are_timestamp_pairs() -> None:
    r = read(INTERCOM, "conversations.csv")
    frt = field(r, "first_response_seconds")
    assert frt is not None and frt.transform == "elapsed"
    assert frt.source == ("Created at", "First admin reply at")
    assert kpi_value(r, "frt") == pytest.approx(2700.0)  # (3,600 + 1,800) / 2
    assert kpi_value(r, "resolution_time") == pytest.approx(10800.0)  # 3 h, the closed one
    assert kpi_value(r, "csat") == pytest.approx(3.0)  # (4 + 2) / 2
    # the timestamps are never read as durations
    for f in r.mapping.fields:
        if "First admin reply at" in f.source or "Last closed at" in f.source:
            assert f.transform == "elapsed" or f.target == "solved_time", f

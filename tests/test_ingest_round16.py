"""Import rules added for blind rounds 16-18, each on the smallest file that shows it, with
hand-computed values: written durations and digit clocks, milliseconds with thousands commas,
Mac Roman text, pivot blocks, dates outside the table, handle-time totals and occupancy from an
agent report's time, a chat archive's outcomes, a ticket's "Answered" flag."""

from __future__ import annotations

import pandas as pd
import pytest

from kpi import ingest
from kpi.engine import compute
from kpi.ingest.grain import range_starts
from kpi.ingest.parsers import parse_duration
from kpi.ingest.readers import RawTable, single_byte_codec
from kpi.ingest.rows import drop_layout_rows
from kpi.ingest.timestamps import combine_date_time
from kpi.ingest.wide import date_from_title, date_parts


def _read(text: str, name: str = "report.csv") -> ingest.ImportResult:
    return ingest.read_files([(name, text.encode())], timezone="UTC")


def test_milliseconds_with_thousands_commas_are_whole_milliseconds() -> None:
    secs, bad, unit = parse_duration(
        pd.Series(["3,322", "685,433", "950"], dtype="string"), "auto", "Queue Time (ms)"
    )
    assert unit == "ms" and not bad.any()
    assert secs.tolist() == pytest.approx([3.322, 685.433, 0.95])


def test_times_of_day_written_as_digits_beside_a_date() -> None:
    date = pd.Series(["20241021"] * 5, dtype="string")
    hhmmss = pd.Series(["93435", "101500", "80512", "235959", "120000"], dtype="string")
    out, bad, _ = combine_date_time(date, hhmmss)
    assert not bad.any()
    assert out.dt.strftime("%H:%M:%S").tolist() == [
        "09:34:35", "10:15:00", "08:05:12", "23:59:59", "12:00:00",
    ]  # fmt: skip
    hhmm = pd.Series(["930", "1415", "800", "1759", "1200"], dtype="string", name="T")
    out, _, note = combine_date_time(date, hhmm)
    assert out.dt.strftime("%H:%M").tolist() == ["09:30", "14:15", "08:00", "17:59", "12:00"]
    assert note is not None and "read as HHMM (930 = 9:30:00)" in note
    # Seconds since midnight: 34,475 s has 75 "seconds", no clock. Read as seconds.
    secs = pd.Series(["34475", "34500", "40000", "50000", "61234"], dtype="string")
    out, _, _ = combine_date_time(date, secs)
    assert out.dt.strftime("%H:%M:%S").tolist()[0] == "09:34:35"


def test_a_wrap_up_column_of_written_durations_is_after_call_work() -> None:
    # Talk 300 + ACW 90 and 420 + 125 over two answered calls: AHT (390 + 545) / 2 = 467.5.
    r = _read(
        "Call ID,Start,Talk (s),Wrap Up\n"
        "1,2025-03-03 09:00:00,300,0:01:30\n"
        "2,2025-03-03 09:10:00,420,0:02:05\n"
    )
    f = r.mapping.get("acw_seconds")
    assert f is not None and f.source == ("Wrap Up",)
    assert r.mapping.get("topic") is None
    assert compute(r.dataset, kpis=["aht"], grain="all").value("aht") == pytest.approx(467.5)


def test_an_old_mac_csv_is_decoded_as_mac_roman() -> None:
    codec, name = single_byte_codec("José Müller, Zoë Ångström".encode("mac_roman"))
    assert codec == "mac_roman" and "Mac OS Roman" in name
    assert single_byte_codec("José Müller".encode("cp1252"))[0] == "cp1252"


def test_a_pivot_first_column_is_filled_down_and_its_subtotals_go() -> None:
    frame = pd.DataFrame(
        {
            "Date": ["15/10/2024", None, "15/10/2024 Total", "16/10/2024", None,
                     "16/10/2024 Total", "Grand Total"],
            "Interval": ["08:00", "08:30", None, "08:00", "08:30", None, None],
            "Offered": [12, 10, 22, 9, 7, 16, 38],
        }
    )  # fmt: skip
    out, notes, lines = drop_layout_rows(frame)
    assert out["Date"].tolist() == ["15/10/2024"] * 2 + ["16/10/2024"] * 2
    assert out["Offered"].tolist() == [12, 10, 9, 7]
    assert "filled down over 2 rows" in notes[0]
    assert len(lines) == 3


def test_the_day_of_an_interval_report_from_its_title_line() -> None:
    frame = pd.DataFrame({"Interval": ["08:00-08:15", "08:15-08:30"], "Offered": [3, 4]})
    raw = RawTable(
        "r.csv",
        frame,
        title=["Queue Interval Report", "Report date: 15/10/2024", "Generated: 16/10/2024 06:00"],
    )
    out = date_from_title(raw)
    assert out.frame["Date"].tolist() == ["15/10/2024", "15/10/2024"]
    assert "from the title line 'Report date: 15/10/2024'" in out.notes[0]
    # Two candidate dates, or a table with dates of its own: nothing is guessed.
    twice = RawTable("r.csv", frame, title=["From 14/10/2024", "To 15/10/2024"])
    assert date_from_title(twice) is twice
    dated = RawTable(
        "r.csv", frame.assign(Day=["2024-10-15"] * 2), title=["Report date: 15/10/2024"]
    )
    assert date_from_title(dated) is dated


def test_year_and_week_columns_and_date_ranges_give_each_period_its_first_day() -> None:
    raw = RawTable(
        "w.csv", pd.DataFrame({"Year": [2024, 2025], "Week": [36, 1], "Offered": [5, 6]})
    )
    assert date_parts(raw).frame["Date"].tolist() == ["2024-09-02", "2024-12-30"]  # Mondays
    ranges = pd.Series(["09/08/2024 - 09/14/2024", "1.7.2024 bis 7.7.2024", None])
    assert range_starts(ranges).tolist()[:2] == ["09/08/2024", "1.7.2024"]
    assert range_starts(pd.Series(["2024-09-08", "2024-09-15"])) is None  # ISO dates: no range


def test_handle_time_totals_and_occupancy_of_an_agent_report() -> None:
    # Ann: 20 calls, talk 2:00:00 + hold 0:10:00 + ACW 0:30:00 = 9,600 s; staffed 6 h, AUX 1 h.
    # Bob: 10 calls, 1:00:00 + 0 + 0:20:00 = 4,800 s; staffed 4 h, AUX 0:40.
    # AHT = 14,400 / 30 = 480 s; occupancy = 14,400 / (18,000 + 12,000) = 0.48.
    r = _read(
        "Date,Agent,ACD Calls,Total Talk Time,Total Hold Time,Total ACW Time,AUX Time,Staffed Time\n"
        "2025-03-03,Ann,20,2:00:00,0:10:00,0:30:00,1:00:00,6:00:00\n"
        "2025-03-03,Bob,10,1:00:00,0:00:00,0:20:00,0:40:00,4:00:00\n"
    )
    aht = r.mapping.get("aht_seconds")
    assert aht is not None and aht.transform == "per_answered" and len(aht.source) == 3
    occ = r.mapping.get("occupancy")
    assert occ is not None and occ.transform == "of_available"
    assert occ.source == ("Staffed Time", "AUX Time")
    t = compute(r.dataset, kpis=["aht", "occupancy"], grain="all")
    assert t.value("aht") == pytest.approx(480.0)
    assert t.value("occupancy") == pytest.approx(0.48)


def test_a_chat_archive_is_answered_where_an_operator_took_the_chat() -> None:
    # 4 chats, 1 never taken (no operator) after 120 s in the queue: abandonment 1 / 4; ASA over
    # the 3 answered: (10 + 20 + 30) / 3 = 20.
    r = _read(
        "chat id,chat start date,queue duration (in seconds),operator 1 nick,group name\n"
        "A1,2025-03-03 09:00:00,10,maya,General\n"
        "A2,2025-03-03 09:05:00,20,omar,General\n"
        "A3,2025-03-03 09:10:00,120,,General\n"
        "A4,2025-03-03 09:15:00,30,maya,Billing\n"
    )
    t = compute(r.dataset, kpis=["abandonment_rate", "asa"], grain="all")
    assert t.value("abandonment_rate") == pytest.approx(0.25)
    assert t.value("asa") == pytest.approx(20.0)
    assert any("abandoned where it is empty" in n for n in r.report.notes)


def test_a_tickets_answered_flag_is_no_abandon() -> None:
    r = _read(
        "Ticket Number,Date Created,Priority,Answered\n"
        "1,2025-03-03 09:00:00,High,Yes\n"
        "2,2025-03-03 10:00:00,Normal,No\n"
    )
    assert r.mapping.get("abandoned") is None
    t = compute(r.dataset, kpis=["abandonment_rate"], grain="all")
    assert "missing column abandoned" in t.unavailable["abandonment_rate"]

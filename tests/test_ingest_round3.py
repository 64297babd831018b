"""Unit tests for the importer's third-round general fixes (#16): 12-hour time-of-day columns,
weekday-prefixed dates, Excel serial noise, spacer and note rows, group header rows, a bare
"Duration" column, "Inqueue Time" / "ACW Duration" headers."""

from __future__ import annotations

import pandas as pd

from kpi import ingest
from kpi.ingest.automap import propose
from kpi.ingest.fallbacks import bare_duration
from kpi.ingest.rows import drop_layout_rows, promote_field_row
from kpi.ingest.timestamps import combine_date_time, parse_datetime


def test_twelve_hour_time_column_combined_with_date() -> None:
    date = pd.Series(["3/4/2025", "3/4/2025", "3/4/2025", "3/4/2025"])
    time = pd.Series(["9:05:12 AM", "1:24:19 PM", "12:00:00 AM", "12:30 pm"])
    out, bad, _ = combine_date_time(date, time)
    assert not bad.any()
    assert [str(t) for t in out] == ["2025-03-04 09:05:12", "2025-03-04 13:24:19",
                                     "2025-03-04 00:00:00", "2025-03-04 12:30:00"]  # fmt: skip


def test_impossible_twelve_hour_time_is_bad_not_guessed() -> None:
    out, bad, _ = combine_date_time(pd.Series(["2025-03-04"]), pd.Series(["13:05 PM"]))
    assert bad.tolist() == [True]


def test_weekday_prefixed_timestamps() -> None:
    s = pd.Series(["Tue 03/04/2025 9:05 AM", "Wed 03/05/2025 2:15 PM", "Friday, 7 Mar 2025"])
    out, bad, _ = parse_datetime(s)
    assert not bad.any()
    assert [str(t) for t in out] == ["2025-03-04 09:05:00", "2025-03-05 14:15:00",
                                     "2025-03-07 00:00:00"]  # fmt: skip


def test_excel_serial_rounded_to_the_millisecond() -> None:
    out, bad, _ = parse_datetime(pd.Series([45720.375, 45719.47708333, 45719.4770833333]))
    assert not bad.any()
    assert [str(t) for t in out] == ["2025-03-04 09:00:00", "2025-03-03 11:27:00",
                                     "2025-03-03 11:27:00"]  # fmt: skip


def test_blank_rows_and_trailing_notes_dropped_with_notes() -> None:
    frame = pd.DataFrame(
        {"a": ["x", None, "y", "", "Notes: hand-kept", "Source: CRM"],
         "b": [1.0, None, 2.0, None, None, None], "c": ["p", None, "q", " ", None, None]}
    )  # fmt: skip
    out, notes, _ = drop_layout_rows(frame)
    assert out["a"].tolist() == ["x", "y"]
    assert notes[0].startswith("2 blank rows")
    assert "'Notes: hand-kept'" in notes[1] and "'Source: CRM'" in notes[2]


def test_a_last_row_with_only_a_number_in_the_first_column_is_data() -> None:
    frame = pd.DataFrame({"id": ["1", "2", "3"], "b": ["x", "y", None], "c": ["p", "q", None]})
    out, notes, _ = drop_layout_rows(frame)
    assert len(out) == 3 and notes == []


def test_group_row_promoted_and_repeated_fields_keep_their_group() -> None:
    frame = pd.DataFrame(
        [["Count", "Avg", "Count", "Avg"], ["10", "30", "4", "12"], ["11", "28", "5", "9"]],
        columns=["Inbound", "Inbound.1", "Outbound", "Outbound.1"],
    )
    out, notes = promote_field_row(frame)
    assert list(out.columns) == ["Inbound Count", "Inbound Avg", "Outbound Count", "Outbound Avg"]
    assert out.iloc[0].tolist() == ["10", "30", "4", "12"] and len(out) == 2
    assert "Inbound, Outbound" in notes[0]


def test_ordinary_header_with_text_rows_is_not_promoted() -> None:
    frame = pd.DataFrame({"Agent": ["Ann", "Bo"], "Team": ["A", "B"], "Team.1": ["x", "y"]})
    out, notes = promote_field_row(frame)
    assert out is frame and notes == []


def test_bare_duration_only_when_alone_and_durations() -> None:
    samples = {"Duration": ["0:05:24", "1:02:05"], "Length": ["12", "30"]}
    assert bare_duration(["Duration"], set(), samples) == "Duration"
    assert bare_duration(["Duration", "Length"], set(), samples) is None  # which one? ask
    assert bare_duration(["Duration"], set(), {"Duration": ["short", "long"]}) is None


def test_new_header_synonyms() -> None:
    p = propose(
        ["Contact ID", "Call Start", "Inqueue Time", "ACW Duration", "Talk Time"],
        samples={"Inqueue Time": ["12"], "ACW Duration": ["30"], "Talk Time": ["200"]},
    )
    got = {f.target: f.source[0] for f in p.mapping.fields}
    assert got["wait_seconds"] == "Inqueue Time" and got["acw_seconds"] == "ACW Duration"


def test_start_named_timestamp_column_is_the_start() -> None:
    data = b"call,initiated_at,wait_s\n1,2025-03-04 09:00:00,12\n2,2025-03-04 10:00:00,30\n"
    r = ingest.read_files([("log.csv", data)], timezone="UTC")
    assert r.report.rows_kept == 2
    assert str(r.dataset.date_range[0]) == "2025-03-04 09:00:00"  # type: ignore[index]

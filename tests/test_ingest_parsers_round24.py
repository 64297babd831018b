"""Value parsers fixed in blind round 24, with hand-computed values: durations written as pandas
(and Python) timedeltas, Oracle's default TIMESTAMP text with a dotted clock, and placeholders
("--") in duration columns read as no value."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from kpi import ingest
from kpi.engine import compute
from kpi.ingest.parsers import parse_duration, written_durations
from kpi.ingest.timestamps import parse_datetime


def _text(values: list[str | None]) -> pd.Series:
    return pd.Series(values, dtype="string")


def _stamps(values: pd.Series) -> list[str]:
    return [str(v) for v in values]


# --- pandas / Python timedeltas -------------------------------------------------------------


def test_pandas_timedelta_text_is_a_clock_duration() -> None:
    # 5 min 12 s = 312; 1 day 2 h 3 min 4 s = 86,400 + 7,200 + 180 + 4 = 93,784;
    # pandas writes -10 s as "-1 days +23:59:50" = -86,400 + 86,390.
    secs, bad, unit = parse_duration(
        _text(["0 days 00:05:12", "1 days 02:03:04", "0 days 00:05:12.500000",
               "-1 days +23:59:50", "0 days 00:00:00", None, ""]),
        "auto",
        "wait_time",
    )  # fmt: skip
    assert unit == "hms" and not bad.any()
    assert secs.tolist()[:5] == [312.0, 93_784.0, 312.5, -10.0, 0.0]
    assert math.isnan(secs.iloc[5]) and math.isnan(secs.iloc[6])


def test_pandas_timedeltas_are_read_again_under_their_saved_unit() -> None:
    # The mapping keeps the unit "hms": a second import reads the same values.
    secs, bad, unit = parse_duration(_text(["0 days 00:01:30", "2 days 00:00:01"]), "hms", "x")
    assert unit == "hms" and not bad.any()
    assert secs.tolist() == [90.0, 172_801.0]


def test_python_timedelta_text_writes_days_only_past_one_day() -> None:
    # str(timedelta): "0:05:12" under a day, "1 day, 2:03:04" and "2 days, 0:00:05" beyond.
    secs, bad, unit = parse_duration(
        _text(["0:05:12", "1 day, 2:03:04", "2 days, 0:00:05", "-1 day, 23:59:00"]), "auto", "x"
    )
    assert unit == "hms" and not bad.any()
    assert secs.tolist() == [312.0, 93_784.0, 172_805.0, -60.0]


def test_net_timespans_and_negative_clocks_keep_their_size() -> None:
    # .NET "-1.02:03:04" is -(1 day 2:03:04) = -93,784; "-5:12" is -(5 min 12 s) = -312.
    secs, bad, _ = parse_duration(_text(["1.02:03:04", "-1.02:03:04", "-5:12", "5:12"]), "hms")
    assert not bad.any()
    assert secs.tolist() == [93_784.0, -93_784.0, -312.0, 312.0]


def test_a_timedelta_column_with_an_unreadable_cell_marks_that_cell_bad() -> None:
    secs, bad, unit = parse_duration(
        _text(["0 days 00:00:11", "0 days 00:03:20", "later", "0 days 00:00:51"]), "auto", "x"
    )
    assert unit == "hms"
    assert bad.tolist() == [False, False, True, False]
    assert secs.iloc[[0, 1, 3]].tolist() == [11.0, 200.0, 51.0]


def test_written_durations_know_timedeltas_and_skip_placeholders() -> None:
    assert written_durations(["0 days 00:01:30", "0 days 00:02:05", "1 days 00:00:00"])
    # Mostly "--" (hold never used): judged on the durations it does hold.
    assert written_durations(["--", "--", "--", "0:00:18", "--", "0:01:05"])
    assert not written_durations(["--", "--", "Billing", "Sales"])
    assert not written_durations(["--", "n/a"])


# --- "--" where a duration does not apply ---------------------------------------------------


def test_placeholders_in_a_clock_column_are_empty_not_bad() -> None:
    # Mostly "--": the H:MM:SS majority is judged on "0:00:18" and "0:01:05" (18 s, 65 s).
    secs, bad, unit = parse_duration(
        _text(["--", "--", "--", "0:00:18", "--", "N/A", "-", "0:01:05", "--"]), "auto", "Hold"
    )
    assert unit == "hms" and not bad.any()
    assert secs.iloc[3] == 18.0 and secs.iloc[7] == 65.0
    assert int(secs.isna().sum()) == 7


def test_a_lone_x_among_durations_stays_unreadable() -> None:
    # "x" is a placeholder in a hand-kept number column, not among clock durations.
    secs, bad, _ = parse_duration(_text(["0:00:18", "x", "--", "0:00:20"]), "auto", "Hold")
    assert bad.tolist() == [False, True, False, False]
    assert secs.iloc[0] == 18.0 and secs.iloc[3] == 20.0


def test_a_placeholder_after_the_sample_is_empty_too() -> None:
    values: list[str | None] = ["0:01:00"] * 250 + ["--", "0:00:30", "oops"]
    secs, bad, unit = parse_duration(_text(values), "auto", "Talk")
    assert unit == "hms"
    assert bad.tolist()[250:] == [False, False, True]  # "oops" is still unreadable
    assert math.isnan(secs.iloc[250]) and secs.iloc[251] == 30.0
    assert secs.iloc[:250].sum() == 250 * 60.0


def test_placeholders_in_spelled_and_numeric_durations() -> None:
    secs, bad, _ = parse_duration(_text(["3h 50m", "--", "45m"]), "auto", "x")
    assert not bad.any() and secs.iloc[0] == 13_800.0 and secs.iloc[2] == 2_700.0
    secs, bad, unit = parse_duration(_text(["12", "--", "30"]), "auto", "Talk (s)")
    assert unit == "s" and not bad.any() and secs.iloc[2] == 30.0


def test_a_log_with_dash_durations_keeps_every_row() -> None:
    # Talk + hold + wrap of the 6 handled calls ("--" = 0): 300 + 60 = 360, 240 + 30 = 270,
    # 200 + 10 + 20 = 230, 180 + 20 + 40 = 240, 100 + 40 + 50 = 190, 150 + 50 + 30 = 230;
    # AHT = 1,520 / 6. The abandoned call has no talk, hold or wrap: abandonment 1 / 7.
    r = ingest.read_files(
        [
            (
                "log.csv",
                b"Start Date/Time,Contact ID,Disposition,Queue Time,Talk Time,Hold Time,"
                b"Wrap Time\n"
                b"03/03/2025 08:14:12 AM,1,Handled,0:00:12,0:05:00,--,0:01:00\n"
                b"03/03/2025 09:45:53 AM,2,Handled,0:01:43,0:04:00,0:00:30,--\n"
                b"03/03/2025 10:38:52 AM,3,Abandoned,0:02:00,--,--,--\n"
                b"03/03/2025 11:02:10 AM,4,Handled,0:00:05,0:03:20,0:00:10,0:00:20\n"
                b"03/03/2025 11:40:00 AM,5,Handled,0:00:40,0:03:00,0:00:20,0:00:40\n"
                b"03/03/2025 01:15:30 PM,6,Handled,0:00:09,0:01:40,0:00:40,0:00:50\n"
                b"03/03/2025 02:05:00 PM,7,Handled,0:00:25,0:02:30,0:00:50,0:00:30\n",
            )
        ],
        timezone="UTC",
    )
    assert r.report.rows_kept == 7 and r.report.rows_quarantined == 0
    t = compute(r.dataset, kpis=["aht", "abandonment_rate"], grain="all")
    assert t.value("aht") == pytest.approx(1_520 / 6)
    assert t.value("abandonment_rate") == pytest.approx(1 / 7)


# --- Oracle's default TIMESTAMP text ----------------------------------------------------------


def test_oracle_default_timestamp_text() -> None:
    # DD-MON-RR HH.MI.SSXFF AM: 12 AM is midnight, 12 PM noon, 08 PM 20:00.
    out, bad, _ = parse_datetime(
        _text(["03-MAR-25 08.05.36.913000 AM", "14-MAR-25 12.30.00.000000 PM",
               "03-MAR-25 12.01.02.500000 AM", "07-Mar-25 08.15.00.000001 PM", None])
    )  # fmt: skip
    assert not bad.any()
    assert _stamps(out)[:4] == [
        "2025-03-03 08:05:36.913000",
        "2025-03-14 12:30:00",
        "2025-03-03 00:01:02.500000",
        "2025-03-07 20:15:00.000001",
    ]
    assert pd.isna(out.iloc[4])


def test_oracle_timestamps_with_four_digit_years_no_fraction_or_a_24_hour_clock() -> None:
    out, bad, _ = parse_datetime(_text(["03-MAR-2025 08.05.36 PM", "14-MAR-2025 12.00.00 AM"]))
    assert not bad.any()
    assert _stamps(out) == ["2025-03-03 20:05:36", "2025-03-14 00:00:00"]
    out, bad, _ = parse_datetime(_text(["03-MAR-25 20.05.36.250000", "14-MAR-25 00.30.00.0"]))
    assert not bad.any()
    assert _stamps(out) == ["2025-03-03 20:05:36.250000", "2025-03-14 00:30:00"]


def test_dotted_dates_and_finnish_dotted_clocks_are_unchanged() -> None:
    out, bad, _ = parse_datetime(_text(["03.03.2025", "14.03.2025"]))
    assert not bad.any() and _stamps(out) == ["2025-03-03 00:00:00", "2025-03-14 00:00:00"]
    out, bad, _ = parse_datetime(_text(["2.9.2024 8.41.02", "13.9.2024 17.05.00"]))
    assert not bad.any() and _stamps(out) == ["2024-09-02 08:41:02", "2024-09-13 17:05:00"]
    out, bad, _ = parse_datetime(_text(["03-MAR-2025 08:21", "04-MAR-2025 17:00"]))
    assert not bad.any() and _stamps(out) == ["2025-03-03 08:21:00", "2025-03-04 17:00:00"]

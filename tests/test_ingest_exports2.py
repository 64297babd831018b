"""The general rules behind the second blind export suite (#16), on small hand-built inputs."""

from __future__ import annotations

import pandas as pd
import pytest

from kpi import ingest
from kpi.engine import compute
from kpi.ingest.automap import propose
from kpi.ingest.headers import header_key, header_unit
from kpi.ingest.parsers import parse_duration
from kpi.ingest.timestamps import combine_date_time, epoch_times, parse_datetime


def _targets(cols: list[str], samples: dict[str, list[str]], shape: str | None = None) -> dict:
    p = propose(cols, shape, samples)  # type: ignore[arg-type]
    return {f.target: f for f in p.mapping.fields}


def test_outcome_column_that_says_outbound_is_the_direction_too() -> None:
    cols = ["Call ID", "Start", "Type", "Talk Time"]
    samples = {"Type": ["inbound", "outbound", "abandoned", "missed", "voicemail"],
               "Start": ["2025-02-03 07:04:00"], "Talk Time": ["00:05:19"]}  # fmt: skip
    p = propose(cols, None, samples)
    fields = {f.target: f for f in p.mapping.fields}
    assert fields["direction"].source == ("Type",)
    assert p.mapping.outcome is not None
    rule = dict(p.mapping.outcome.values)
    assert rule["outbound"] == "answered" and rule["missed"] == "abandoned"
    assert rule["voicemail"] == "voicemail"


def test_epoch_seconds_and_milliseconds_are_utc_times() -> None:
    ms = pd.Series([1744018240299, 1744022821354, None], dtype="Int64")
    got = epoch_times(ms)
    assert got is not None and got[1] == "milliseconds"
    v, bad, _ = parse_datetime(ms, "UTC")
    assert v.iloc[0] == pd.Timestamp("2025-04-07 09:30:40.299") and not bad.any()
    secs = pd.Series(["1744018240", "1744022821"])
    v, _, _ = parse_datetime(secs, "Europe/Berlin")
    assert v.iloc[0] == pd.Timestamp("2025-04-07 11:30:40")  # UTC+2 in April
    # ids of the same width but outside 2000-2099 are not times
    assert epoch_times(pd.Series([9_000_000_000_000, 9_000_000_000_001])) is None
    assert epoch_times(pd.Series([123456789012])) is None


def test_interval_report_date_plus_interval_and_handle_sum() -> None:
    cols = ["Date", "Interval", "ACD Calls", "Aband Calls", "Avg Speed Ans", "Avg ACD Time",
            "Avg ACW Time", "% Ans Calls within SL"]  # fmt: skip
    samples = {"Date": ["3/17/2025"], "Interval": ["08:00-08:30", "08:30-09:00"],
               "ACD Calls": ["13"], "Aband Calls": ["0"], "Avg Speed Ans": ["1:07"],
               "Avg ACD Time": ["4:48"], "Avg ACW Time": ["0:23"], "% Ans Calls within SL": ["76"]}  # fmt: skip
    t = _targets(cols, samples, "aggregated")
    assert t["date"].source == ("Date", "Interval")
    assert t["aht_seconds"].source == ("Avg ACD Time", "Avg ACW Time")
    assert t["aht_seconds"].transform == "sum"
    assert t["answered"].source == ("ACD Calls",) and t["abandoned"].source == ("Aband Calls",)
    assert t["asa_seconds"].source == ("Avg Speed Ans",)
    v, bad, _ = combine_date_time(pd.Series(["3/17/2025"]), pd.Series(["08:30-09:00"]))
    assert v.iloc[0] == pd.Timestamp("2025-03-17 08:30") and not bad.any()


def test_interval_report_end_to_end(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "cms.csv"
    path.write_text(
        "Date,Interval,ACD Calls,Aband Calls,Avg Speed Ans,Avg ACD Time,Avg ACW Time\n"
        "3/17/2025,08:00-08:30,10,2,0:20,5:00,1:00\n"
        "3/17/2025,08:30-09:00,30,0,0:40,4:00,0:30\n"
    )
    r = ingest.read_files([path])
    assert r.dataset.grain == "interval"
    table = compute(r.dataset, kpis=["aht", "asa"], grain="all")
    assert table.value("aht") == pytest.approx((10 * 360 + 30 * 270) / 40)
    assert table.value("asa") == pytest.approx((10 * 20 + 30 * 40) / 40)


def test_unit_header_with_a_category_stem_is_a_duration() -> None:
    cols = ["id", "started_at", "queue", "queue_seconds"]
    samples = {"queue": ["EN", "ES"], "queue_seconds": ["11", "155"],
               "started_at": ["2025-06-02T08:26:29"]}  # fmt: skip
    t = _targets(cols, samples, "interactions")
    assert t["queue"].source == ("queue",)
    assert t["wait_seconds"].source == ("queue_seconds",) and t["wait_seconds"].unit == "s"
    # alone, "queue_seconds" is still not taken for the queue's name
    t = _targets(["id", "started_at", "queue_seconds"], samples, "interactions")
    assert "queue" not in t and t["wait_seconds"].source == ("queue_seconds",)


@pytest.mark.parametrize(
    ("header", "key", "unit"),
    [
        ("Tiempo de espera (seg)", "tiempodeespera", "s"),
        ("Duración (min)", "duracion", "min"),
        ("Délai de première réponse (h)", "delaidepremierereponse", "h"),
        ("Dauer (Sekunden)", "dauer", "s"),
        ("Time to first agent email reply (HH:mm:ss)", "timetofirstagentemailreply", "hms"),
    ],
)
def test_locale_units_in_headers(header: str, key: str, unit: str) -> None:
    assert header_key(header) == key
    assert header_unit(header) == unit


def test_hours_and_minutes_round_to_the_second_and_spelled_durations() -> None:
    v, _, unit = parse_duration(pd.Series(["1,8333", "3"]), "h", "x")
    assert unit == "h" and v.tolist() == [6600.0, 10800.0]
    v, bad, _ = parse_duration(pd.Series(["3h 50m", "1d 2h", "45m", None, "soon"]), "auto", "t")
    assert v.iloc[:3].tolist() == [13800.0, 93600.0, 2700.0]
    assert bad.tolist() == [False, False, False, False, True]


def test_jira_dates_and_a_resolved_timestamp_column() -> None:
    v, bad, _ = parse_datetime(pd.Series(["03/Mar/25 8:21 AM", "14/Mar/25 1:06 PM"]))
    assert v.tolist() == [pd.Timestamp("2025-03-03 08:21"), pd.Timestamp("2025-03-14 13:06")]
    assert not bad.any()
    cols = ["Issue key", "Created", "Resolved", "Priority"]
    samples = {"Created": ["03/Mar/25 8:21 AM"], "Resolved": ["04/Mar/25 12:11 PM"],
               "Priority": ["High"]}  # fmt: skip
    t = _targets(cols, samples, "interactions")
    assert "resolved" not in t  # a column of timestamps is not a yes/no flag
    assert t["solved_time"].source == ("Resolved",)


def test_the_only_unnamed_date_column_is_the_start() -> None:
    cols = ["Nummer", "Eröffnet", "Geschlossen am", "Kanal"]
    samples = {"Eröffnet": ["03.03.2025 08:22"], "Geschlossen am": ["04.03.2025 09:00"]}
    t = _targets(cols, samples, "interactions")
    assert t["start_time"].source == ("Eröffnet",)


def test_iso_dates_in_a_day_first_column_are_read(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "d.csv"
    path.write_text("Datum,Wartezeit (s)\n13.03.2025,5\n2025-03-04,7\n04.03.2025,9\n")
    r = ingest.read_files([path])
    assert r.report.rows_quarantined == 0
    days = sorted(r.dataset.frame["start_time"].dt.strftime("%Y-%m-%d"))
    assert days == ["2025-03-04", "2025-03-04", "2025-03-13"]


def test_pooled_occupancy_weighted_by_handle_time(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "agents.csv"
    path.write_text(
        "Date,Agent,Calls Handled,AHT (sec),Occupancy %\n"
        "2025-03-03,A,10,300,75%\n"
        "2025-03-03,B,20,600,60%\n"
        "2025-03-04,A,10,300,\n"
    )
    r = ingest.read_files([path])
    table = compute(r.dataset, kpis=["occupancy"], grain="all")
    # handle 3,000 s at 75% (4,000 s available) + 12,000 s at 60% (20,000 s): 15,000 / 24,000
    assert table.value("occupancy") == pytest.approx(15_000 / 24_000)


def test_french_priorities_and_statuses_count_by_priority(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "t.csv"
    path.write_bytes(
        "N° de ticket;Date de création;Priorité;Statut;Délai de première réponse (h)\n"
        "1;03/03/2025 08:00;Urgente;Résolu;2\n"
        "2;04/03/2025 08:00;Haute;Ouvert;3\n"
        "3;13/03/2025 08:00;Basse;Résolu;30\n".encode()
    )
    r = ingest.read_files([path])
    table = compute(r.dataset, kpis=["response_sla", "frt"], grain="all")
    # urgent 2 h > 1 h: late; high 3 h <= 4 h: on time; low 30 h > 24 h: late
    assert table.value("response_sla") == pytest.approx(1 / 3)
    assert table.value("frt") == pytest.approx((2 + 3 + 30) * 3600 / 3)

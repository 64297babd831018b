"""A corpus of export shapes imported with NO mapping, KPIs checked against hand-computed values.

Every file is in ``tests/data/corpus/``; each case lists rows read / kept / quarantined, the grain,
and KPIs over the whole period (``engine.compute(..., grain="all")``) worked out by hand.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from kpi import ingest
from kpi.engine import compute
from kpi.errors import MissingDateColumn

CORPUS = Path(__file__).parent / "data" / "corpus"

CASES = {
    # AHT = ((300+20+40) + (200+0+20) + (400+40+60)) / 3 answered = 1080 / 3 = 360 s
    # ASA = (10 + 30 + 20) / 3 = 20 s; abandonment = 1 / 4
    "vendor_unit_headers.csv": (
        4,
        4,
        0,
        None,
        {"aht": 360.0, "asa": 20.0, "abandonment_rate": 0.25},
    ),
    # talk 100..500 s: mean 300; cost 1.5 + 2.5 + 3 + 4 + 5 = 16 / 5 = 3.2 (decimal commas)
    "day_first_split.csv": (
        5,
        5,
        0,
        None,
        {"contacts": 5.0, "talk_time": 300.0, "cost_per_contact": 3.2},
    ),
    "month_first_split.csv": (3, 3, 0, None, {"contacts": 3.0, "talk_time": 180.0}),
    # minutes in the header: 2, 3, 4 min -> 180 s
    "ambiguous_dates.csv": (3, 3, 0, None, {"talk_time": 180.0}),
    # ASA over AGENT rows: (17 + 28 + 25) / 3
    "queue_research_log.csv": (6, 6, 0, None, {"contacts": 6.0, "asa": 70 / 3}),
    # Abandonment leaves out May (blank abandoned): (200 + 400) / (1000 + 1200)
    # ASA weighted by offered - abandoned: (30 * 800 + 50 * 800) / 1600 = 40
    "monthly_report.csv": (3, 3, 0, "month", {"abandonment_rate": 600 / 2200, "asa": 40.0}),
    # ASA = (20*90 + 40*150 + 10*100) / 340; abandonment 60 / 400
    "weekly_report.csv": (3, 3, 0, "week", {"asa": 8800 / 340, "abandonment_rate": 0.15}),
    "quarterly_report.csv": (2, 2, 0, "quarter", {"abandonment_rate": 400 / 5000}),
    # hours in the headers: FRT (1 + 2 + 0.5 + 1.5) h / 4 = 4500 s; resolution (4 + 2 + 6) h / 3
    "tickets_durations.csv": (4, 4, 0, None, {"frt": 4500.0, "resolution_time": 14400.0}),
    # first response 30 min, 2 h, 15 min -> 3300 s; resolution 2 h and 24 h -> 46800 s
    "tickets_timestamps.csv": (3, 3, 0, None, {"frt": 3300.0, "resolution_time": 46800.0}),
    # answered Handled (30 s, 60 s wait): ASA 45; abandoned 1; short abandon abandoned
    "call_result_outcomes.csv": (5, 5, 0, None, {"asa": 45.0}),
    # one record delivered twice (same id, same start): quarantined; talk (100 + 200) / 2
    "redelivered_contacts.csv": (4, 3, 1, None, {"contacts": 3.0, "talk_time": 150.0}),
    # .ods: handle 5 and 7 min answered -> 360 s; 1 of 3 abandoned
    "libreoffice_contacts.ods": (3, 3, 0, None, {"aht": 360.0, "abandonment_rate": 1 / 3}),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_corpus_file_imports_with_no_mapping(name: str) -> None:
    read, kept, quarantined, grain, kpis = CASES[name]
    result = ingest.read_files([CORPUS / name])
    rep = result.report
    assert (rep.rows_read, rep.rows_kept, rep.rows_quarantined) == (read, kept, quarantined)
    assert rep.grain == grain and result.dataset.grain == grain
    table = compute(result.dataset, grain="all")
    for kpi, expected in kpis.items():
        assert table.value(kpi) == pytest.approx(expected), kpi


def test_every_corpus_file_is_covered() -> None:
    assert {p.name for p in CORPUS.iterdir()} == set(CASES)
    assert len(CASES) >= 12


def test_day_first_dates_are_read_day_first_and_said() -> None:
    result = ingest.read_files([CORPUS / "day_first_split.csv"])
    starts = result.dataset.frame["start_time"]
    assert starts.min() == pd.Timestamp("2025-01-06 09:15")  # 06/01/2025 = 6 January
    assert starts.max() == pd.Timestamp("2025-02-20 16:05")
    assert (
        "'Date': read day-first (14/01/2025 = 14 January 2025): 2 values have a first field over 12"
        in " ".join(result.report.notes)
    )


def test_day_first_can_be_overridden_in_the_mapping() -> None:
    auto = ingest.read_files([CORPUS / "ambiguous_dates.csv"])
    assert "month-first was assumed" in " ".join(auto.report.notes)
    data = auto.mapping.to_dict()
    data["date_order"] = "dmy"
    forced = ingest.read_files([CORPUS / "ambiguous_dates.csv"], ingest.load_mapping(data))
    assert forced.dataset.frame["start_time"].iloc[0] == pd.Timestamp("2025-04-03 10:00")
    assert "as the mapping says" in " ".join(forced.report.notes)


def test_ids_restarting_every_day_keep_every_row() -> None:
    result = ingest.read_files([CORPUS / "queue_research_log.csv"])
    ids = result.dataset.frame["contact_id"].tolist()
    assert ids == ["1@1999-01-04", "2@1999-01-04", "3", "4", "1@1999-01-05", "2@1999-01-05"]
    assert result.report.ids_renumbered == 4
    assert any("not a unique key" in w for w in result.report.warnings)


def test_outcome_rule_sets_answered_abandoned_and_ignores_phantoms() -> None:
    result = ingest.read_files([CORPUS / "queue_research_log.csv"])
    rule = dict(result.mapping.outcome.values)  # type: ignore[union-attr]
    assert rule == {"HANG": "abandoned", "AGENT": "answered", "PHANTOM": "ignore"}
    f = result.dataset.frame
    assert f["answered"].sum() == 3 and f["abandoned"].sum() == 2
    assert f["answered"].isna().sum() == 1  # the PHANTOM call counts in no rate


def test_missing_date_names_the_candidate_column() -> None:
    data = b"Ticket Ref,Logged,Priority\nA,2025-01-02,High\nB,2025-01-03,Low\n"
    with pytest.raises(MissingDateColumn) as err:
        ingest.read_files([("tickets.csv", data)])
    assert err.value.candidates == ("Logged",)
    assert "'Logged' looks like dates — map it to start_time" in str(err.value)


def test_first_response_timestamps_without_creation_are_not_durations() -> None:
    data = b"Ticket ID,Logged,First response at\n1,2025-01-02,2025-01-02 10:00\n"
    with pytest.raises(MissingDateColumn):
        ingest.read_files([("t.csv", data)])
    m = ingest.auto_map(
        ["Ticket ID", "First response at"], samples={"First response at": ["2025-01-02 10:00"]}
    )
    assert m.get("first_response_seconds") is None


def test_mapping_round_trip_keeps_outcome_and_date_order(tmp_path: Path) -> None:
    result = ingest.read_files([CORPUS / "call_result_outcomes.csv"])
    path = ingest.save_mapping(result.mapping, tmp_path / "m.json")
    again = ingest.read_files([CORPUS / "call_result_outcomes.csv"], ingest.load_mapping(path))
    assert again.mapping.outcome == result.mapping.outcome
    pd.testing.assert_frame_equal(again.dataset.frame, result.dataset.frame)


def test_kpi_map_writes_a_mapping_that_reads_back(tmp_path: Path) -> None:
    from kpi.cli import main

    out = tmp_path / "mapping.json"
    assert main(["map", str(CORPUS / "queue_research_log.csv"), "--out", str(out)]) == 0
    written = ingest.load_mapping(out)  # evidence and notes are ignored on the way back
    assert written.outcome is not None and written.get("wait_seconds").source == ("q_time",)  # type: ignore[union-attr]
    again = ingest.read_files([CORPUS / "queue_research_log.csv"], written)
    auto = ingest.read_files([CORPUS / "queue_research_log.csv"])
    pd.testing.assert_frame_equal(again.dataset.frame, auto.dataset.frame)

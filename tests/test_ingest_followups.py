"""Importer follow-ups (issue 16): a forced date order never mixes orders, structured date-order
decisions on the report, the outcome editor keeps ``others`` and offers every class, and report
notes in plain words."""

from __future__ import annotations

import pandas as pd
import pytest

from kpi import ingest
from kpi.errors import MissingDateColumn
from kpi.ingest.dates import DateOrderDecision, impossible_in
from kpi.ingest.mapping import OUTCOME_CLASSES, OutcomeRule
from kpi.ui import mapping_view as view

# Day-first: 06/01 and 07/01 are ambiguous, 13/01 and 14/01 are only day-first.
DAY_FIRST = (
    b"Date,Time,Outcome,Talk Time (s)\n"
    b"06/01/2025,09:00,ANSWERED,60\n"
    b"13/01/2025,10:00,ANSWERED,70\n"
    b"14/01/2025,11:00,ABANDONED,0\n"
    b"07/01/2025,12:00,ANSWERED,90\n"
)


def _forced(order: str) -> ingest.ImportResult:
    auto = ingest.propose_mapping([("d.csv", DAY_FIRST)])[0]
    return ingest.read_files(
        [("d.csv", DAY_FIRST)], view.with_date_order(auto, "start_time", order)
    )


def test_forced_month_first_sets_aside_impossible_dates_never_mixes_orders() -> None:
    result = _forced("mdy")
    starts = result.dataset.frame["start_time"].tolist()
    # Only the two values that are valid month-first are kept, read month-first.
    assert starts == [pd.Timestamp("2025-06-01 09:00"), pd.Timestamp("2025-07-01 12:00")]
    rep = result.report
    assert (rep.rows_read, rep.rows_kept, rep.rows_quarantined) == (4, 2, 2)
    reason = "not a valid month-first date ('Date' is read month-first)"
    assert rep.quarantine["reason"].tolist() == [reason, reason]
    assert rep.quarantine["Date"].tolist() == ["13/01/2025", "14/01/2025"]
    d = rep.date_orders["start_time"]
    assert (d.order, d.decided_by, d.rejected, d.rejected_example) == (
        "mdy",
        "mapping",
        2,
        "13/01/2025",
    )
    assert (
        "'Date': 2 rows set aside, as 13/01/2025 is not a valid month-first date; if the file is "
        "day-first, set its date order to day-first or to decide from the values"
    ) in rep.warnings


def test_forced_day_first_on_a_month_first_file() -> None:
    data = b"Date,Time,Talk Time (s)\n01/06/2025,09:00,60\n01/13/2025,10:00,70\n"
    auto = ingest.propose_mapping([("m.csv", data)])[0]
    forced = view.with_date_order(auto, "start_time", "dmy")
    result = ingest.read_files([("m.csv", data)], forced)
    assert result.dataset.frame["start_time"].tolist() == [pd.Timestamp("2025-06-01 09:00")]
    assert result.report.date_orders["start_time"].rejected == 1
    assert result.report.reasons()["reason"].tolist() == [
        "not a valid day-first date ('Date' is read day-first)"
    ]


def test_impossible_in_checks_month_and_day_ranges() -> None:
    text = pd.Series(["13/01/2025 10:00", "02/30/2025", "12/31/2025", "2025-13-01", None, "1/2/25"])
    assert impossible_in(text, "mdy").tolist() == [True, True, False, False, False, False]
    assert impossible_in(text, "dmy").tolist() == [False, True, True, False, False, False]


def test_auto_order_is_recorded_with_its_evidence() -> None:
    result = ingest.read_files([("d.csv", DAY_FIRST)])
    d = result.report.date_orders["start_time"]
    assert d == DateOrderDecision("dmy", "data", 2, "13/01/2025", "Date", "start_time")
    assert d.sentence() == (
        "'Date': read day-first (13/01/2025 = 13 January 2025): 2 values have a first field over 12"
    )
    assert result.report.rows_quarantined == 0
    # The proposal and its evidence come with the import: no second read of the file.
    assert result.proposal is not None and result.proposal.get("start_time") is not None
    assert result.evidence["talk_seconds"].startswith("d.csv: ")
    cols = view.date_columns(result.mapping, result.report.date_orders)
    assert [(c.target, c.source, c.order, c.forced) for c in cols] == [
        ("start_time", "Date", "dmy", "auto")
    ]
    assert cols[0].sentence == d.sentence()


def test_ambiguous_and_hinted_orders_say_how_they_were_decided() -> None:
    amb = ingest.read_files([("a.csv", b"Date,Talk Time (s)\n03/04/2025 10:00,5\n")])
    assert amb.report.date_orders["start_time"].decided_by == "assumed"
    semi = b"Date;Talk Time (s)\n03/04/2025 10:00;5,5\n"
    hinted = ingest.read_files([("s.csv", semi)])
    d = hinted.report.date_orders["start_time"]
    assert (d.order, d.decided_by) == ("dmy", "hint")
    assert hinted.dataset.frame["start_time"].iloc[0] == pd.Timestamp("2025-04-03 10:00")


def test_rule_from_table_keeps_others_and_offers_every_class() -> None:
    assert list(view.OUTCOME_LABELS) == list(OUTCOME_CLASSES)
    assert "hangup" in view.OUTCOME_LABELS
    rule = OutcomeRule("Status", (("DONE", "answered"), ("HANG", "abandoned")), others="keep")
    table = view.outcome_table(rule)
    table.loc[1, "Means"] = view.OUTCOME_LABELS["hangup"]
    got = view.rule_from_table(rule, table)
    assert got == OutcomeRule("Status", (("DONE", "answered"), ("HANG", "hangup")), others="keep")


def test_outcome_note_uses_plain_names() -> None:
    result = ingest.read_files([("d.csv", DAY_FIRST)])
    notes = " ".join(result.report.notes)
    assert "outcome <-" not in notes
    assert (
        "Outcome column “Outcome”: gives answered, abandoned and blocked by its values "
        "(ANSWERED means answered; ABANDONED means abandoned)"
    ) in notes


def test_missing_date_message_names_the_field_in_plain_words() -> None:
    data = b"Ticket Ref,Logged,Priority\nA,2025-01-02,High\nB,2025-01-03,Low\n"
    with pytest.raises(MissingDateColumn) as err:
        ingest.read_files([("tickets.csv", data)])
    assert "map it to start_time (the start time)" in str(err.value)

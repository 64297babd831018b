"""Unit tests for the layout rows taken out before mapping (kpi/ingest/rows.py): total lines
("Total", "Total for <queue>", "Grand Total", other languages) set aside with a note and a
quarantine reason, and real records that look like them (a queue "Total Care", an agent
"Totaro", a contact id, a day's "Total" row with a date) kept. Every expectation is written by
hand from the frames below."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pytest

from kpi import ingest
from kpi.ingest.rows import drop_layout_rows

REASON = "total line (a sum of other rows, not a period or a contact)"


def arrow_text(values: list[str | None]) -> pd.Series:
    return pd.Series(values, dtype="string[pyarrow]")


def test_last_total_line_of_an_interval_report() -> None:
    frame = pd.DataFrame(
        {
            "Date": arrow_text(["13/03/2025", "13/03/2025", "14/03/2025", "Total"]),
            "Interval": arrow_text(["08:00 - 08:30", "08:30 - 09:00", "08:00 - 08:30", None]),
            "Queue": arrow_text(["Sales", "Sales", "Sales", None]),
            "Offered": [6, 10, 4, 20],
        }
    )
    out, notes, lines = drop_layout_rows(frame)
    assert out["Date"].tolist() == ["13/03/2025", "13/03/2025", "14/03/2025"]
    assert notes == [
        "a total line set aside (a sum of other rows, not a period or a contact): 'Total'"
    ]
    assert lines == [f"{REASON}: Total,,,20"]


def test_subtotals_after_each_block_and_a_grand_total() -> None:
    # Vonage's layout: per queue its days, then "Total for <queue>" (no date), then "Grand Total".
    frame = pd.DataFrame(
        {
            "Queue": ["Sales", "Sales", "Total for Sales", "Support", "Support",
                      "Total for Support", "Grand Total"],
            "Date": pd.to_datetime(["2025-03-10", "2025-03-11", None, "2025-03-10",
                                    "2025-03-11", None, None]),
            "Offered": [97, 136, 233, 163, 205, 368, 601],
            "ASA": ["00:00:10", "00:01:07", "00:00:42", "00:00:08", "00:01:01", "00:00:50",
                    "00:00:41"],
        }
    )  # fmt: skip
    out, notes, lines = drop_layout_rows(frame)
    assert out["Queue"].tolist() == ["Sales", "Sales", "Support", "Support"]
    assert out["Offered"].tolist() == [97, 136, 163, 205]
    assert notes == [
        "3 total lines (2 subtotals and a grand total) set aside: not periods or contacts: "
        "'Total for Sales', 'Total for Support', 'Grand Total'"
    ]
    assert lines == [
        f"{REASON}: Total for Sales,,233,00:00:42",
        f"{REASON}: Total for Support,,368,00:00:50",
        f"{REASON}: Grand Total,,601,00:00:41",
    ]


def test_total_word_in_the_second_column_when_the_first_is_blank() -> None:
    frame = pd.DataFrame(
        {
            "Region": ["EU", "EU", None],
            "Queue": ["Sales", "Support", "Total:"],
            "Offered": [5, 7, 12],
        }
    )
    out, notes, lines = drop_layout_rows(frame)
    assert out["Queue"].tolist() == ["Sales", "Support"]
    assert notes == [
        "a total line set aside (a sum of other rows, not a period or a contact): 'Total:'"
    ]
    assert lines == [f"{REASON}: ,Total:,12"]


@pytest.mark.parametrize(
    "word",
    ["Total", "TOTAL", "total:", "Totals", "Grand Total", "Grand total:", "Subtotal",
     "Sub-total", "SUB TOTAL", "Total for Billing", "Sum", "Summe", "Gesamt", "Totaal",
     "Totale", "Totale generale", "Total general", "Total geral", "Somme", " Total ",
     "\xa0Grand Total"],
)  # fmt: skip
@pytest.mark.parametrize("arrow", [True, False])
def test_total_words_in_every_language(word: str, arrow: bool) -> None:
    # The total line third of 30 rows: found by the first-column scan, not as part of the
    # last 20 rows that are always looked at.
    first = ["Sales", "Support", word] + ["Billing"] * 27
    frame = pd.DataFrame(
        {
            "Queue": arrow_text(first) if arrow else pd.Series(first, dtype=object),
            "Offered": [1, 2, 3] + [4] * 27,
            "Answered": [1, 1, 2] + [3] * 27,
        }
    )
    out, notes, lines = drop_layout_rows(frame)
    assert out["Queue"].tolist() == ["Sales", "Support"] + ["Billing"] * 27
    assert len(notes) == 1 and len(lines) == 1
    assert lines[0] == f"{REASON}: {word.strip()},3,2"


@pytest.mark.parametrize("arrow", [True, False])
def test_names_that_contain_a_total_word_are_records(arrow: bool) -> None:
    # Whole-cell match only: "Total Care", "Totaro", "Summer", "Subscriptions" are values.
    first = ["Total Care", "Totaro", "Summer Sales", "Subscriptions", "Grand Hotel", "Gesamtheit"]
    frame = pd.DataFrame(
        {
            "Queue": arrow_text(first) if arrow else pd.Series(first, dtype=object),
            "Offered": [1, 2, 3, 4, 5, 6],
            "Answered": [1, 2, 3, 4, 5, 6],
        }
    )
    out, notes, lines = drop_layout_rows(frame)
    assert out is frame and notes == [] and lines == []


def test_a_total_care_queue_is_kept_and_the_total_line_goes() -> None:
    frame = pd.DataFrame(
        {
            "Queue": arrow_text(["Total Care", "Total Care", "Sales", "Total"]),
            "Offered": [10, 20, 5, 35],
            "Answered": [9, 18, 5, 32],
        }
    )
    out, notes, lines = drop_layout_rows(frame)
    assert out["Queue"].tolist() == ["Total Care", "Total Care", "Sales"]
    assert lines == [f"{REASON}: Total,35,32"]


def test_a_total_row_beside_the_rows_it_sums_goes_and_one_with_none_stays() -> None:
    # "Total" per day sums that day's queues (Sales 5 + Support 4 = 9): kept, every contact
    # would count twice. On 12 March no queue row is there to sum: "Total" is that record.
    frame = pd.DataFrame(
        {
            "Queue": ["Sales", "Support", "Total", "Sales", "Total", "Total"],
            "Day": [
                "2025-03-10",
                "2025-03-10",
                "2025-03-10",
                "11/03/2025",
                "11/03/2025",
                "2025-03-12",
            ],
            "Offered": [5, 4, 9, 6, 6, 7],
        }
    )
    out, notes, lines = drop_layout_rows(frame)
    assert out["Queue"].tolist() == ["Sales", "Support", "Sales", "Total"]
    assert lines == [f"{REASON}: Total,2025-03-10,9", f"{REASON}: Total,11/03/2025,6"]
    assert notes == [
        "2 total lines (sums of other rows) set aside: not periods or contacts: 'Total'"
    ]


def test_a_daily_total_in_the_interval_column_goes() -> None:
    # An interval report: "Daily Total" sums that day's intervals of the skill; "Report Total"
    # (no date, no skill) sums everything.
    frame = pd.DataFrame(
        {
            "Date": ["10/14/2024", "10/14/2024", "10/14/2024", "10/15/2024", None],
            "Interval": ["8:00 AM - 8:30 AM", "8:30 AM - 9:00 AM", "Daily Total", "8:00 AM", None],
            "Skill": ["Claims", "Claims", "Claims", "Claims", None],
            "Offered": [17, 11, 28, 9, 37],
        }
    )
    frame.loc[4, "Date"] = "Report Total"
    out, notes, lines = drop_layout_rows(frame)
    assert out["Offered"].tolist() == [17, 11, 9]
    assert "'Daily Total'" in notes[0] and "'Report Total'" in notes[0]


def test_contact_ids_in_the_first_column_never_match() -> None:
    frame = pd.DataFrame(
        {
            "Contact ID": arrow_text([f"C-{i:05d}" for i in range(6)]),
            "Agent": arrow_text(["Totaro", "Sum", "Ann", "Bo", "Total", "Cy"]),
            "Start": arrow_text([f"2025-03-0{i + 1} 09:00:00" for i in range(6)]),
        }
    )
    out, notes, lines = drop_layout_rows(frame)
    assert out is frame and notes == [] and lines == []


def test_integer_ids_in_the_first_column_never_match() -> None:
    frame = pd.DataFrame({"id": [1, 2, 3], "agent": ["Total", "Sum", "Ann"], "x": [1, 2, 3]})
    out, notes, _ = drop_layout_rows(frame)
    assert out is frame and notes == []


def test_mostly_total_rows_are_data() -> None:
    # Three of four rows say "Total": a queue named so, not a layout row.
    frame = pd.DataFrame(
        {"Queue": ["Total", "Total", "Total", "Sales"], "a": [1, 2, 3, 4], "b": [1, 2, 3, 4]}
    )
    out, notes, _ = drop_layout_rows(frame)
    assert len(out) == 4 and notes == []


def test_blank_rows_total_line_and_a_note_together() -> None:
    frame = pd.DataFrame(
        {
            "Queue": ["Sales", None, "Support", "Total", None, "Notes: figures in calls"],
            "Offered": [5.0, None, 7.0, 12.0, None, None],
            "Answered": ["4", None, "6", "10", "", None],
        }
    )
    out, notes, lines = drop_layout_rows(frame)
    assert out["Queue"].tolist() == ["Sales", "Support"]
    assert notes == [
        "2 blank rows (spacers with no value) skipped: not contacts",
        "a total line set aside (a sum of other rows, not a period or a contact): 'Total'",
        "note line below the data skipped (not a contact): 'Notes: figures in calls'",
    ]
    assert lines[2] == f"{REASON}: Total,12.0,10"
    assert len(lines) == 4


def test_chunked_arrow_and_categorical_first_columns() -> None:
    chunked = pd.Series(
        pd.arrays.ArrowStringArray(pa.chunked_array([["Sales", "Support"], ["Total", "Sales"]]))
    )
    frame = pd.DataFrame({"Queue": chunked, "a": [1, 2, 3, 4], "b": [1, 2, 3, 4]})
    out, _, lines = drop_layout_rows(frame)
    assert out["Queue"].tolist() == ["Sales", "Support", "Sales"]
    assert lines == [f"{REASON}: Total,3,3"]
    cat = frame.assign(Queue=frame["Queue"].astype(str).astype("category"))
    out, _, lines = drop_layout_rows(cat)
    assert out["Queue"].tolist() == ["Sales", "Support", "Sales"]
    assert lines == [f"{REASON}: Total,3,3"]


def test_import_quarantines_the_total_line_with_its_reason() -> None:
    data = (
        b"Date,Interval,Queue,Offered,Answered,Abandoned\n"
        b"13/03/2025,08:00 - 08:30,Total Care,6,6,0\n"
        b"13/03/2025,08:30 - 09:00,Total Care,10,8,2\n"
        b"14/03/2025,08:00 - 08:30,Total Care,4,3,1\n"
        b"Total,,,20,17,3\n"
    )
    r = ingest.read_files([("intervals.csv", data)], timezone="UTC")
    rep = r.report
    assert (rep.rows_read, rep.rows_kept, rep.rows_quarantined) == (4, 3, 1)
    assert rep.reasons()["reason"].tolist() == [REASON]
    assert rep.reasons()["rows"].tolist() == [1]
    assert any("a total line set aside" in n and "'Total'" in n for n in rep.notes), rep.notes
    frame = r.dataset.frame
    start = frame["start_time" if "start_time" in frame else "date"]
    assert sorted(start.dt.strftime("%d %H:%M")) == ["13 08:00", "13 08:30", "14 08:00"]
    assert frame["queue"].astype(str).tolist() == ["Total Care"] * 3

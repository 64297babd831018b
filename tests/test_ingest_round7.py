"""Import fixes of the seventh round: summary reports whose duration columns are period totals
(divided by the answered count, never guessed when a header could be either), direction codes,
flags spelled both as yes/no and 0/1 in a file without an id column."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from kpi import ingest
from kpi.engine import compute
from kpi.errors import DataError

DATA = Path(__file__).resolve().parent / "data"


def _read(text: str) -> ingest.ImportResult:
    return ingest.read_files([("report.csv", text.encode())], timezone="UTC")


def _field(r: ingest.ImportResult, target: str) -> ingest.FieldMap | None:
    return r.mapping.get(target)


def test_total_header_in_seconds_is_divided_by_answered_not_read_as_ms() -> None:
    # "Total Talk" with no unit: 120,000 s over 400 answered is 300 s a call. As averages the
    # numbers would pass the millisecond rule (median above 10,000): totals must not.
    r = _read(
        "Date,Queue,Offered,Answered,Abandoned,Total Talk\n"
        "2025-03-03,Sales,430,400,30,120000\n"
        "2025-03-04,Sales,260,250,10,87500\n"
    )
    f = _field(r, "talk_seconds")
    assert f is not None and f.transform == "per_answered" and f.unit == "s"
    assert r.dataset.frame["talk_seconds"].tolist() == [300.0, 350.0]
    assert any(
        "'Total Talk' (a period total, unit s) divided by answered" in n for n in r.report.notes
    )


def test_values_too_long_for_averages_make_a_total_and_offered_minus_abandoned_divides() -> None:
    # "Handle Time (min)" 2,000 min for a day is 33 h: no average per call. No answered column:
    # offered - abandoned (400 and 200) is the count. AHT pooled = (120,000 + 48,000) / 600.
    r = _read(
        "Date,Offered,Abandoned,Handle Time (min)\n2025-03-03,430,30,2000\n2025-03-04,220,20,800\n"
    )
    f = _field(r, "aht_seconds")
    assert f is not None and f.transform == "per_answered" and f.unit == "min"
    assert r.dataset.frame["aht_seconds"].tolist() == [300.0, 240.0]
    assert any("divided by answered (offered - abandoned)" in n for n in r.report.notes)
    table = compute(r.dataset, kpis=["aht"], grain="all")
    assert table.value("aht") == pytest.approx(168_000 / 600)


def test_a_header_that_may_be_an_average_or_a_total_is_not_guessed() -> None:
    # "Handle Time" of 310 s: a plausible average, and a plausible total of one or two calls.
    r = _read(
        "Date,Offered,Answered,Abandoned,Handle Time\n"
        "2025-03-03,12,11,1,310\n"
        "2025-03-04,9,9,0,295\n"
    )
    assert _field(r, "aht_seconds") is None
    notes = " ".join(r.report.notes)
    assert "'Handle Time' is not used: it may be an average or a period total" in notes


def test_an_average_header_stays_an_average() -> None:
    r = _read("Date,Answered,Abandoned,Avg Handle Time\n2025-03-03,400,30,300\n")
    f = _field(r, "aht_seconds")
    assert f is not None and f.transform == "" and r.dataset.frame["aht_seconds"].iloc[0] == 300


def test_direction_labels_that_say_neither_way_are_warned_about() -> None:
    # A bare code "3" is counted as inbound by the KPIs: the report says so. "Internal" is no
    # customer contact: set aside with its reason (since the fifth session of #16).
    r = _read(
        "Call ID,Start Time,Direction,Wait Time,Talk Time,Answered\n"
        "1,2025-03-03 09:00:00,Inbound,10,100,Y\n"
        "2,2025-03-03 09:05:00,Internal,0,60,Y\n"
        "3,2025-03-03 09:06:00,3,0,50,Y\n"
        "4,2025-03-03 09:07:00,Outbound,0,70,Y\n"
    )
    said = [w for w in r.report.warnings if w.startswith("direction values")]
    assert said == [
        "direction values '3' (1 contacts) say neither inbound nor outbound: they count as "
        "inbound; map the direction column's values if they are codes"
    ], said
    assert (r.report.rows_kept, r.report.rows_quarantined) == (3, 1)
    assert "internal call" in r.report.reasons().to_string()


def test_direction_codes_listed_as_outbound_in_a_mapping() -> None:
    m = ingest.Mapping(
        "interactions",
        (
            ingest.FieldMap("contact_id", ("id",)),
            ingest.FieldMap("start_time", ("start",)),
            ingest.FieldMap("direction", ("dir",), transform="equals", values=("2",)),
        ),
    )
    r = ingest.read_files(
        [
            (
                "c.csv",
                b"id,start,dir\na,2025-03-03 09:00,1\nb,2025-03-03 09:01,2\nc,2025-03-03 09:02,\n",
            )
        ],
        mapping=m,
    )
    assert r.dataset.frame["direction"].tolist()[:2] == ["inbound", "outbound"]
    assert r.dataset.frame["direction"].isna().iloc[2]


def test_flags_spelled_yes_no_and_0_1_make_contact_rows_without_an_id() -> None:
    # No id column; "Answered?" mixes Yes / NO / y / 1 / 0: still one call per row, not counts.
    r = _read(
        "Start,Queue,Answered?,Abandoned?,Wait (s)\n"
        "2025-05-05 09:00,Sales,Yes,No,12\n"
        "2025-05-05 09:03,Sales,1,0,30\n"
        "2025-05-05 09:07,Sales,NO,y,44\n"
        "2025-05-05 09:09,Sales,0,1,5\n"
    )
    assert r.dataset.shape == "interactions" and r.report.rows_kept == 4
    assert r.dataset.frame["answered"].tolist() == [True, True, False, False]
    table = compute(r.dataset, kpis=["abandonment_rate"], grain="all")
    assert table.value("abandonment_rate") == 0.5


def test_an_old_excel_97_2003_workbook_is_read() -> None:
    # tests/data/xls/make_xls.py: an Avaya CMS split interval report saved as .xls (BIFF8), with
    # title lines, date cells, "Aban Calls", whole counts stored as numbers ("16.0") and a
    # "Totals" line. Offered = 100 answered + 10 abandoned; ASA = 2,300 / 100; SL = 72 / 110.
    r = ingest.read_files([DATA / "xls" / "cms_split_interval.xls"])
    assert (r.report.rows_read, r.report.rows_kept, r.report.rows_quarantined) == (5, 4, 1)
    assert r.mapping.get("answered_within") is not None  # a count, not a percentage
    table = compute(r.dataset, kpis=["contacts", "abandonment_rate", "asa", "service_level"])
    got = {k: table.value(k, "2024-05-06") for k in ("contacts", "asa")}
    assert got == {"contacts": 55.0, "asa": (20 * 15 + 30 * 25) / 50}
    whole = compute(r.dataset, kpis=["abandonment_rate", "asa", "service_level"], grain="all")
    assert whole.value("abandonment_rate") == pytest.approx(10 / 110)
    assert whole.value("asa") == pytest.approx(23.0)
    assert whole.value("service_level") == pytest.approx(72 / 110)


def test_a_damaged_xls_is_refused_with_what_to_do() -> None:
    with pytest.raises(DataError, match=r"could not be opened as an Excel 97-2003 workbook"):
        ingest.read_files([("legacy.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)])


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Città più però è già", "cp1252"),
        ("Café crème à la française", "cp1252"),
        ("Niño señor mañana", "cp1252"),
        ("Größe Straße Übung", "cp1252"),
        ("Ação não coração", "cp1252"),
        ("Łódź żółć gęślą jaźń", "cp1250"),
        ("Příliš žluťoučký kůň úpěl ďábelské ódy", "cp1250"),
    ],
)
def test_a_file_that_is_not_utf8_is_read_in_the_code_page_of_its_letters(
    text: str, codec: str
) -> None:
    # Western and Central European Windows code pages share most bytes but not their letters:
    # 0xB3 is Polish "ł" or "³", 0xF8 Czech "ř" or Danish "ø".
    from kpi.ingest.readers import single_byte_codec

    assert single_byte_codec(text.encode(codec))[0] == codec
    r = _read_bytes(f"Call ID,Start Time,Queue\n1,2025-03-03 09:00,{text}\n".encode(codec))
    assert r.dataset.frame["queue"].iloc[0] == text


def _read_bytes(data: bytes) -> ingest.ImportResult:
    return ingest.read_files([("calls.csv", data)], timezone="UTC")


def test_assigned_at_is_an_answer_only_beside_a_queued_time() -> None:
    # Dixa: queued_at + assigned_at (a conversation queued, then assigned to an agent): answered
    # and a wait from the queue. A ticket's "Assigned at" (an owner set) is no answer.
    conversation = _read(
        "id,created_at,queued_at,assigned_at\n"
        "1,2025-03-03 09:00:00,2025-03-03 09:00:20,2025-03-03 09:01:00\n"
        "2,2025-03-03 09:05:00,2025-03-03 09:05:10,\n"
        "3,2025-03-03 09:06:00,,2025-03-03 09:30:00\n"
    )
    f = conversation.dataset.frame
    assert f["answered"].tolist() == [True, False, True]
    assert f["wait_seconds"].tolist()[0] == 40.0  # from the queue, not from the start
    ticket = _read(
        "Ticket ID,Created at,Assigned at,Solved at\n"
        "1,2025-03-03 09:00,2025-03-03 09:30,2025-03-03 12:00\n"
    )
    assert ticket.mapping.get("answered") is None and ticket.mapping.get("wait_seconds") is None


def test_a_week_ending_date_is_not_taken_for_the_week_start() -> None:
    # A summary's date is each period's first day: "Week ending" dates would shift every week by
    # six days without a word, so the column is not mapped; the message names it instead.
    with pytest.raises(DataError, match=r"'Week ending' looks like dates"):
        _read("Week ending,Offered,Answered\n2025-03-09,100,90\n2025-03-16,120,110\n")


def test_a_monthly_report_written_sideways_is_read_one_row_per_month() -> None:
    # KPIs as rows, months as columns, a YTD column. Abandonment pooled over the months:
    # (50 + 30) / (1,000 + 600) = 0.05; ASA weighted by answered: (950 x 40 + 570 x 60) / 1,520.
    r = _read(
        "Measure,Jan 2025,Feb 2025,YTD\n"
        "Calls Offered,1000,600,1600\n"
        "Calls Answered,950,570,1520\n"
        "Calls Abandoned,50,30,80\n"
        "ASA (sec),40,60,47.5\n"
    )
    assert r.dataset.grain == "month"
    assert r.dataset.frame["offered"].tolist() == [1000, 600]
    t = compute(r.dataset, kpis=["contacts", "abandonment_rate", "asa"], grain="all")
    assert t.value("contacts") == 1600
    assert t.value("abandonment_rate") == pytest.approx(0.05)
    assert t.value("asa") == pytest.approx((950 * 40 + 570 * 60) / 1520)
    notes = " ".join(r.report.notes)
    assert "2 period columns from 'Jan 2025' give 2 rows" in notes
    assert "column 'YTD' left out" in notes


def test_a_grid_of_names_by_day_and_week_ending_columns_are_not_turned_sideways() -> None:
    # Agents by day (a schedule grid): its row names are no summary fields. Week-ending columns:
    # read as each week's first day they would shift every week, so no period is read.
    from kpi.ingest.readers import RawTable
    from kpi.ingest.wide import transposed

    grid = pd.DataFrame(
        {"Agent": ["Ann", "Bob"], "03/03/2025": ["8", "6"], "04/03/2025": ["7", "8"]}
    )
    raw = RawTable("grid.csv", grid, [], [])
    assert transposed(raw) is raw
    ending = pd.DataFrame(
        {"KPI": ["Offered", "Answered"], "w/e 09/03/2025": ["9", "8"], "w/e 16/03/2025": ["5", "4"]}
    )
    raw = RawTable("weeks.csv", ending, [], [])
    assert transposed(raw) is raw

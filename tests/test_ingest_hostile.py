"""Hostile input for the importer (issue 10, item 4): fuzzed bytes and CSVs, adversarial values.

Properties checked on every input ``kpi.ingest.read_files([(name, bytes)])`` is fed:

* nothing but a :class:`~kpi.errors.KpiLabError` (``DataError`` / ``MappingError``) escapes;
* when the file imports, every row is kept or quarantined
  (``rows_read == rows_kept + rows_quarantined``), ``rows_read`` is the number of data rows
  written (for CSVs built here), each quarantined row has a non-empty reason, and the kept rows
  respect the schema (no value out of range, a start time in the plausible window);
* when it raises, the message is one line that names the file, ends with a period and carries no
  library text ("Traceback", "Error:", "Exception").

Decisions documented here (and in ``kpi/ingest/parsers.py``):

* Timestamps before 1970 or from 2100 on are quarantined as "implausible <column> (before 1970 or
  after 2099)": 1900 is Excel's zero date, 2999/9999 are "never" markers, not contacts.
* A column mixing timestamps with an offset and without one is read cell by cell: a cell with
  ``Z`` / ``+05:30`` is converted to the chosen time zone, a naive cell is local wall-clock time
  as it is (its neighbours do not change its meaning), and a note says so.
* A NUL byte in the first 8 KB makes the file "not a text file" (a clear DataError); text files
  do not hold NUL bytes, and guessing what they stand for would invent data.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from hypothesis.control import currently_in_test_context

from kpi import ingest
from kpi.errors import DataError, KpiLabError
from kpi.schema import AGGREGATE_COLUMNS, INTERACTION_COLUMNS, out_of_range

# The same examples on every run (a failure is reproducible, CI is not flaky). To hunt for new
# bugs: KPI_FUZZ_EXAMPLES=3000 KPI_FUZZ_RANDOM=1 pytest tests/test_ingest_hostile.py
FUZZ = settings(
    max_examples=int(os.environ.get("KPI_FUZZ_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=not os.environ.get("KPI_FUZZ_RANDOM"),
    database=None,
)

# --- checks ------------------------------------------------------------------------------------

_LIBRARY_TEXT = ("Traceback", "Error:", "Exception", "pyarrow", "pandas", "duckdb", "errno")


def _check_message(err: KpiLabError, name: str, columns: Sequence[str] = ()) -> None:
    msg = str(err)
    assert msg and msg.strip() == msg, msg
    assert "\n" not in msg and "\r" not in msg, msg
    assert msg.endswith("."), msg
    for text in _LIBRARY_TEXT:
        assert text not in msg, msg
    assert Path(name).name in msg, f"the message does not name the file {name!r}: {msg}"
    # One sentence, plus at most a short instruction after it: tests/test_ingest.py pins two
    # messages of that form ("... (first reason: ...). Check the date format or the mapping.").
    # The user's own text (file and column names, quoted values) is removed before counting.
    bare = msg
    for text in sorted([name, *columns], key=len, reverse=True):
        if text:
            bare = bare.replace(text, "")
    bare = re.sub(r"'[^']*'|\([^)]*\)", "", bare)
    assert len(re.findall(r"[.!?]\s+[A-Z]", bare)) <= 1, msg


def _check_result(result: ingest.ImportResult, rows_written: int | None = None) -> None:
    r = result.report
    assert r.rows_read == r.rows_kept + r.rows_quarantined
    assert len(r.quarantine) == r.rows_quarantined
    assert result.dataset.n_rows == r.rows_kept - r.rows_joined
    if rows_written is not None:
        assert r.rows_read == rows_written, (r.rows_read, rows_written, r.reasons())
    if r.rows_quarantined:
        reasons = r.quarantine["reason"]
        assert reasons.notna().all()
        assert (reasons.astype(str).str.strip() != "").all()
    frame = result.dataset.frame
    shape = result.dataset.shape
    assert not out_of_range(frame, shape).to_numpy().any()
    time_col = "start_time" if shape == "interactions" else "date"
    t = frame[time_col]
    assert t.notna().all()
    assert (t >= pd.Timestamp("1970-01-01")).all() and (t < pd.Timestamp("2100-01-01")).all()
    # The summary and the download never fail either.
    assert r.summary().endswith(".")
    ingest.safe_csv(r.quarantine)


def _event(text: str) -> None:
    """Tally outcomes for ``--hypothesis-show-statistics`` (most fuzzed files must import)."""
    if currently_in_test_context():
        event(text)


def _run(
    name: str,
    data: bytes,
    rows_written: int | None = None,
    columns: Sequence[str] = (),
    **kw: object,
) -> ingest.ImportResult | KpiLabError:
    try:
        result = ingest.read_files([(name, data)], **kw)
    except KpiLabError as err:
        _check_message(err, name, list(columns))
        _event(f"refused: {type(err).__name__}")
        return err
    _check_result(result, rows_written)
    _event("imported" + (" with quarantine" if result.report.rows_quarantined else ""))
    return result


# --- random bytes --------------------------------------------------------------------------

EXTENSIONS = ("csv", "tsv", "txt", "xlsx", "parquet", "jsonl", "json", "xls", "", "pdf")


TEXTISH = st.text(alphabet=',;\t|"\n\r abcZT:-+./0123456789eé😀', max_size=600).map(
    lambda t: t.encode("utf-8")
)


@FUZZ
@given(
    data=st.one_of(st.binary(max_size=3000), TEXTISH),
    ext=st.sampled_from(EXTENSIONS),
    prefix=st.sampled_from([b"", b"PK\x03\x04", b"PAR1", b"\xef\xbb\xbf", b"\xff\xfe", b"["]),
)
@example(data=b"\x00" * 10, ext="csv", prefix=b"")
@example(data=b"a,b\n1,2\n", ext="parquet", prefix=b"PAR1")
@example(data=b"junk", ext="xlsx", prefix=b"PK\x03\x04")
@example(data=b'{"a": 1}\n[1]\n', ext="jsonl", prefix=b"")
def test_random_bytes_never_escape(data: bytes, ext: str, prefix: bytes) -> None:
    name = f"upload.{ext}" if ext else "upload"
    _run(name, prefix + data)


# --- random CSV shapes ---------------------------------------------------------------------

CANONICAL = sorted({c.name for c in INTERACTION_COLUMNS} | {c.name for c in AGGREGATE_COLUMNS})
SYNONYMS = [
    "ContactId", "Contact ID", "CALL ID", "Ticket ID", "Date", "Time", "Call Date", "Start Time",
    "Interval Start", "Queue", "Skill", "Agent", "Agent Name", "Channel", "Direction",
    "Talk Time", "Hold Time", "ACW", "Wait Time", "Speed of answer in seconds", "AvgTalkDuration",
    "Handle Time", "Answered (Y/N)", "Resolved", "Abandoned", "Satisfaction rating", "CSAT",
    "NPS", "Calls Offered", "Calls Handled", "Calls Abandoned", "ASA", "Service Level",
    "Topic", "Team", "talk_ms", "ACW (min)", "Customer", "Transferred", "LastUpdateTimestamp",
]  # fmt: skip
ADVERSARIAL = [
    "", " ", "0", "1", "-5", "4.5", "6", "3", "1e308", "-1e308", "1e309", str(10**30),
    str(-(10**30)), "NaN", "nan", "inf", "-inf", "Infinity", "NULL", "None", "-", "n/a",
    "00:02:30", "-00:01:30", "1:2:3:4", "99:99", "1,5", "1 000", "50%", "150%", "-3%",
    "Y", "N", "yes", "no", "true", "FALSE", "2",
    "2026-01-05", "2026-01-05 10:00", "2026-01-05T10:00:00", "2026-01-05T10:00:00Z",
    "2026-01-05T10:00:00+05:30", "2026-01-05T10:00:00-08:00", "2026-01-05 10:00 UTC",
    "05/01/2026", "13/31/2026", "31/12/2026 23:59", "1900-01-01", "1900-01-01 00:00:00",
    "2999-12-31", "2999-12-31 23:59:59", "9999-12-31", "0001-01-01", "1677-09-21",
    "2262-04-12", "44927", "2026-02-30", "Jan 5, 2026",
    "😀", "Zoë Ñúñez", "\u202eevil", "\ufeffbom", "<script>alert(1)</script>",
    '=HYPERLINK("http://x","y")', "+cmd", "@SUM(A1)", "x" * 3000, "a\nb", 'quote "inside"',
    "semi;colon", "pipe|bar", "tab\there", "comma,inside",
]  # fmt: skip

names_st = st.one_of(
    st.sampled_from(CANONICAL),
    st.sampled_from(SYNONYMS),
    st.text(
        alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=12
    ),
)
cell_st = st.one_of(
    st.sampled_from(ADVERSARIAL),
    st.text(
        alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=8
    ),
    st.integers(min_value=-(10**25), max_value=10**25).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
)


def _csv_bytes(
    header: list[str], rows: list[list[str]], delimiter: str, quote_all: bool, newline: str
) -> bytes:
    """RFC 4180 text. (Python's csv module leaves a lone "\r" unquoted when the line terminator
    is "\n", which every reader then takes for a line break: not the file meant here.)"""

    def cell(v: str) -> str:
        if quote_all or any(ch in v for ch in (delimiter, '"', "\r", "\n")):
            return '"' + v.replace('"', '""') + '"'
        return v

    lines = [delimiter.join(cell(v) for v in row) for row in [header, *rows]]
    return (newline.join(lines) + newline).encode("utf-8")


TIMESTAMPS = st.one_of(
    st.datetimes(min_value=dt.datetime(2020, 1, 1), max_value=dt.datetime(2030, 12, 31)).map(
        lambda t: t.strftime("%Y-%m-%d %H:%M:%S")
    ),
    st.sampled_from(
        ["2026-01-05", "2026-01-05T10:00:00Z", "2026-01-05T10:00:00+05:30", "01/05/2026 10:00"]
    ),
)


@st.composite
def csv_files(draw: st.DrawFn) -> tuple[bytes, int, list[str]]:
    n_cols = draw(st.integers(2, 9))
    header = draw(st.lists(names_st, min_size=n_cols, max_size=n_cols))
    # Most files carry a timestamp column with mostly valid values (else the importer rightly
    # refuses them before reaching the rows).
    time_col = None
    if draw(st.integers(0, 3)) > 0:
        time_col = draw(st.integers(0, n_cols - 1))
        header[time_col] = draw(
            st.sampled_from(["start_time", "Date", "date", "Start Time", "Interval Start"])
        )
    n_rows = draw(st.integers(1, 25))
    rows = []
    for _ in range(n_rows):
        width = n_cols
        if draw(st.integers(0, 9)) == 0:  # ragged row
            width = draw(st.integers(1, n_cols + 3))
        row = draw(st.lists(cell_st, min_size=width, max_size=width))
        if time_col is not None and time_col < width and draw(st.integers(0, 4)) > 0:
            row[time_col] = draw(TIMESTAMPS)
        if width == 1 and not row[0].strip():
            row[0] = "x"  # a blank line is not a row, for Arrow or for a person
        rows.append(row)
    delimiter = draw(st.sampled_from([",", ";", "\t", "|"]))
    quote_all = draw(st.booleans())
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    return _csv_bytes(header, rows, delimiter, quote_all, newline), n_rows, header


@FUZZ
@given(case=csv_files())
def test_random_csv_shapes_account_for_every_row(case: tuple[bytes, int, list[str]]) -> None:
    data, n_rows, header = case
    _run("fuzz.csv", data, rows_written=n_rows, columns=header, timezone="UTC")


# --- adversarial values in a well-formed contact file ---------------------------------------

VALUE_COLUMNS = [
    "start_time", "end_time", "queue", "topic", "agent_id", "talk_seconds", "hold_seconds",
    "wait_seconds", "csat", "nps", "answered", "abandoned", "cost",
]  # fmt: skip


@FUZZ
@given(
    rows=st.lists(
        st.fixed_dictionaries(
            {
                c: st.one_of(TIMESTAMPS, st.sampled_from(ADVERSARIAL))
                if c == "start_time"
                else st.sampled_from(ADVERSARIAL)
                for c in VALUE_COLUMNS
            }
        ),
        min_size=1,
        max_size=20,
    ),
    good_first=st.booleans(),
)
def test_adversarial_values_are_kept_valid_or_quarantined(
    rows: list[dict[str, str]], good_first: bool
) -> None:
    if good_first:  # one plausible row, so that most files import
        clean = dict.fromkeys(VALUE_COLUMNS, "")
        rows = [{**clean, "start_time": "2026-01-05 10:00", "csat": "4"}, *rows[1:]]
    body = [[str(i + 1), *(r[c] for c in VALUE_COLUMNS)] for i, r in enumerate(rows)]
    data = _csv_bytes(["contact_id", *VALUE_COLUMNS], body, ",", False, "\n")
    out = _run("values.csv", data, rows_written=len(rows), timezone="UTC")
    if isinstance(out, ingest.ImportResult):
        f = out.dataset.frame
        for c in ("talk_seconds", "hold_seconds", "wait_seconds", "cost"):
            if c in f.columns:
                v = f[c].dropna()
                assert np.isfinite(v).all() and (v >= 0).all()
        if "csat" in f.columns:
            assert f["csat"].dropna().between(1, 5).all()


# --- plain cases ------------------------------------------------------------------------------

H = "contact_id,start_time,queue,talk_seconds,csat\n"


def _read(text: str | bytes, name: str = "t.csv", **kw) -> ingest.ImportResult:
    data = text.encode("utf-8") if isinstance(text, str) else text
    result = ingest.read_files([(name, data)], **kw)
    _check_result(result)
    return result


def test_true_false_in_a_duration_column_is_quarantined() -> None:
    # Regression: Arrow reads an all-"true" column as booleans; the duration parser returned the
    # unit "auto" and the note lookup raised a raw KeyError.
    with pytest.raises(DataError) as err:
        ingest.read_files([("b.csv", b"contact_id,start_time,wait_seconds\n1,2026-01-05,true\n")])
    _check_message(err.value, "b.csv")
    assert "unparseable wait_seconds" in str(err.value)


def test_integer_and_decimal_comma_cells_in_one_column() -> None:
    # Regression: "0" then "1,5" in a number column: pandas parsed the first pass as Int64 and
    # refused the 1.5 of the decimal-comma pass (raw TypeError "cannot safely cast").
    r = _read('contact_id,start_time,cost\n1,2026-01-05,0\n2,2026-01-05,"1,5"\n')
    assert r.dataset.frame["cost"].tolist() == [0.0, 1.5]


def test_huge_numbers_and_nan_strings() -> None:
    r = _read(
        H + "1,2026-01-05 10:00,A,1e308,3\n"
        "2,2026-01-05 11:00,A,1e309,3\n"  # overflows to inf
        f"3,2026-01-05 12:00,A,{10**30},3\n"
        "4,2026-01-05 13:00,A,inf,3\n"
        "5,2026-01-05 14:00,A,-inf,3\n"
        "6,2026-01-05 15:00,A,NaN,nan\n"
        "7,2026-01-05 16:00,A,60,3\n"
    )
    q = r.report.quarantine.set_index("contact_id")["reason"]
    assert q.to_dict() == {
        "2": "infinite talk_seconds",
        "4": "infinite talk_seconds",
        "5": "infinite talk_seconds",
    }
    f = r.dataset.frame.set_index("contact_id")
    assert f.loc["1", "talk_seconds"] == 1e308 and f.loc["3", "talk_seconds"] == 1e30
    assert pd.isna(f.loc["6", "talk_seconds"]) and pd.isna(f.loc["6", "csat"])  # NaN = missing
    assert any("over 4 hours" in w for w in r.report.warnings)  # kept, but flagged


def test_csat_off_scale_and_negative_durations() -> None:
    r = _read(
        H + "1,2026-01-05 10:00,A,5,0\n"
        "2,2026-01-05 10:00,A,5,6\n"
        "3,2026-01-05 10:00,A,5,4.5\n"
        "4,2026-01-05 10:00,A,-5,4\n"
        "5,2026-01-05 10:00,A,-00:01:00,4\n"
    )
    q = r.report.quarantine.set_index("contact_id")["reason"].to_dict()
    assert q == {
        "1": "csat outside its 1-5 scale",
        "2": "csat outside its 1-5 scale",
        "4": "negative talk_seconds",
        # HH:MM:SS among plain seconds is not read as a duration: set aside, not guessed.
        "5": "unparseable talk_seconds",
    }
    assert r.dataset.frame["csat"].tolist() == [4.5]  # a mean rating is on the scale: kept


def test_dates_in_1900_and_2999_are_quarantined_as_implausible() -> None:
    # Regression: 2999-12-31 raised a raw pandas OutOfBoundsDatetime (nanoseconds end in 2262).
    r = _read(
        H + "1,1900-01-01 10:00,A,5,3\n"
        "2,2999-12-31 11:00,A,5,3\n"
        "3,9999-12-31,A,5,3\n"
        "4,0001-01-01,A,5,3\n"
        "5,2026-01-05 12:00,A,5,3\n"
        "6,2099-12-31 23:59,A,5,3\n"
        "7,1970-01-01 00:00,A,5,3\n"
    )
    q = r.report.quarantine.set_index("contact_id")["reason"].to_dict()
    text = "implausible start_time (Unix time zero or before, or after 2099)"
    # 1970-01-01 00:00 is Unix time zero: a null written as a time, no contact
    assert q == {"1": text, "2": text, "3": text, "4": text, "7": text}
    assert r.dataset.frame["contact_id"].tolist() == ["5", "6"]


def test_far_future_end_time_quarantines_the_row_with_its_reason() -> None:
    r = _read(
        "contact_id,start_time,end_time\n"
        "1,2026-01-05 10:00,2999-12-31 00:00\n"
        "2,2026-01-05 10:00,2026-01-05 10:05\n"
    )
    assert r.report.quarantine["reason"].tolist() == [
        "implausible end_time (Unix time zero or before, or after 2099)"
    ]


def test_only_implausible_dates_give_one_clear_error() -> None:
    with pytest.raises(DataError) as err:
        ingest.read_files([("old.csv", (H + "1,1900-01-01,A,5,3\n").encode())])
    _check_message(err.value, "old.csv")
    assert "implausible start_time" in str(err.value)


def test_parquet_timestamps_beyond_2262_are_quarantined() -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    times = [dt.datetime(2026, 1, 5, 10), dt.datetime(2999, 1, 1)]
    table = pa.table(
        {"contact_id": ["1", "2"], "start_time": pa.array(times, type=pa.timestamp("ms"))}
    )
    buf = io.BytesIO()
    pq.write_table(table, buf)
    r = _read(buf.getvalue(), name="far.parquet")
    assert r.report.quarantine["reason"].tolist() == [
        "implausible start_time (Unix time zero or before, or after 2099)"
    ]


@pytest.mark.parametrize(
    ("timezone", "expected"),
    [
        # Z = UTC; +05:30 = India; naive cells are local wall-clock time, never shifted.
        ("UTC", ["10:00", "04:30", "10:00", "10:00"]),
        ("Asia/Kolkata", ["15:30", "10:00", "10:00", "10:00"]),
        ("Europe/Paris", ["11:00", "05:30", "10:00", "10:00"]),
    ],
)
def test_mixed_timezones_in_one_column_are_handled_cell_by_cell(
    timezone: str, expected: list[str]
) -> None:
    # Regression: naive first, then offsets raised pandas' raw "Mixed timezones detected" error.
    r = _read(
        "contact_id,start_time\n"
        "1,2026-01-05T10:00:00Z\n"
        "2,2026-01-05T10:00:00+05:30\n"
        "3,2026-01-05T10:00:00\n"
        "4,2026-01-05 10:00\n",
        timezone=timezone,
    )
    got = r.dataset.frame.set_index("contact_id")["start_time"].dt.strftime("%H:%M")
    assert got.tolist() == expected
    assert any("without an offset" in n and timezone in n for n in r.report.notes)
    # The same holds whatever the order and however few the offsets are.
    naive_first = "".join(f"{i},2026-01-05T10:00:00\n" for i in range(400))
    r = _read(
        "contact_id,start_time\n" + naive_first + "x,2026-01-05T10:00:00+01:00\n", timezone="UTC"
    )
    f = r.dataset.frame.set_index("contact_id")["start_time"]
    assert f["x"] == pd.Timestamp("2026-01-05 09:00") and f["0"] == pd.Timestamp("2026-01-05 10:00")


def test_day_first_dates_with_dashes_are_not_taken_for_offsets() -> None:
    r = _read("contact_id,start_time\n1,05-01-2026\n2,31-01-2026\n", timezone="UTC")
    assert r.dataset.frame["start_time"].tolist() == [
        pd.Timestamp("2026-01-05"),
        pd.Timestamp("2026-01-31"),
    ]


def test_ten_thousand_columns_one_row() -> None:
    names = [f"col{i}" for i in range(10_000)]
    header = ",".join([*names, "start_time", "contact_id"])
    row = ",".join(["1"] * 10_000 + ["2026-01-05 10:00", "c1"])
    r = _read(header + "\n" + row + "\n", name="wide.csv")
    assert r.report.rows_read == 1 and r.dataset.n_rows == 1
    assert len(r.columns) == 10_002


def test_one_row_file_and_header_only_file() -> None:
    r = _read("start_time\n2026-01-05\n", name="one.csv")
    assert r.report.rows_read == r.report.rows_kept == 1
    with pytest.raises(DataError) as err:
        ingest.read_files([("head.csv", b"contact_id,start_time\n")])
    _check_message(err.value, "head.csv")


def test_unicode_emoji_and_very_long_strings_survive() -> None:
    long = "é" * 100_000
    r = _read(
        "contact_id,start_time,queue 😀,agent_id,topic\n"
        f"1,2026-01-05 10:00,😀😀,Zoë 🙂,{long}\n"
        "2,2026-01-05 10:00,\u202eevil,名前,x\n",
        name="naïve 😀.csv",
    )
    f = r.dataset.frame
    assert f["agent_id"].tolist() == ["Zoë 🙂", "名前"]
    assert f["topic"].iloc[0] == long


def test_nul_bytes_give_a_clear_error() -> None:
    for data in (H.encode() + b"1,2026-01-05,A\x00B,5,3\n", b"\x00" * 100):
        with pytest.raises(DataError, match="not a text file") as err:
            ingest.read_files([("nul.csv", data)])
        _check_message(err.value, "nul.csv")


def test_upload_size_limit_message() -> None:
    data = (H + "1,2026-01-05 10:00,A,5,3\n" * 100).encode()
    with pytest.raises(DataError) as err:
        ingest.read_files([("big export.csv", data)], max_bytes=1000)
    msg = str(err.value)
    _check_message(err.value, "big export.csv")
    assert msg == (
        f"'big export.csv' is {len(data) / 1000:.1f} KB, over the 1.0 KB import limit: split it "
        "(for example one file per month) or export aggregated daily rows instead."
    )
    assert ingest.read_files([("ok.csv", data)], max_bytes=len(data)).report.rows_read == 100


def test_injection_values_import_and_downloads_neutralise_formulas() -> None:
    script = "<script>alert(1)</script>"
    formula = '=HYPERLINK("http://x","y")'
    rows = [
        ["1", "2026-01-05 10:00", script, formula, "4"],
        ["2", "2026-01-05 10:00", formula, script, "4"],
        ["3", "2026-01-05 10:00", formula, "+cmd|' /C calc'!A0", "9"],  # csat 9: quarantined
        ["4", "2026-01-05 10:00", "@SUM(A1)", "-2+3", "7"],  # quarantined
    ]
    header = ["contact_id", "start_time", "queue", "topic", "csat"]
    r = _read(_csv_bytes(header, rows, ",", False, "\n"), name="inject.csv")
    f = r.dataset.frame
    # Imported verbatim: the values are data (Streamlit escapes them when it shows them).
    assert f["queue"].tolist() == [script, formula]
    assert f["topic"].tolist() == [formula, script]
    assert r.report.rows_quarantined == 2
    # The Data page's download of the set-aside rows goes through ingest.safe_csv.
    for frame in (r.report.quarantine, f):
        out = list(csv.reader(io.StringIO(ingest.safe_csv(frame).decode("utf-8"))))
        cells = [c for row in out for c in row]
        assert not any(c[:1] in ("=", "+", "-", "@", "\t", "\r") for c in cells), cells
        assert "'" + formula in cells
    kept = list(csv.DictReader(io.StringIO(ingest.safe_csv(f).decode("utf-8"))))
    assert [row["queue"] for row in kept] == [script, "'" + formula]  # HTML stays text
    q = list(csv.DictReader(io.StringIO(ingest.safe_csv(r.report.quarantine).decode("utf-8"))))
    assert [row["topic"] for row in q] == ["'+cmd|' /C calc'!A0", "'-2+3"]
    assert [row["queue"] for row in q] == ["'" + formula, "'@SUM(A1)"]


def test_formula_column_names_are_neutralised_too() -> None:
    frame = pd.DataFrame({"=cmd()": ["=1+1"], "ok": ["fine"]})
    text = ingest.safe_csv(frame).decode("utf-8")
    assert text.splitlines() == ["'=cmd(),ok", "'=1+1,fine"]


def test_short_file_with_invalid_utf8_in_the_header_is_read_as_latin1() -> None:
    # Regression: b"\x01\x80\n" (3 bytes, the bad byte within the last 4) was taken for a
    # character cut at the end of the 64 KB sample, read as UTF-8, and Arrow's column-name decode
    # raised a raw UnicodeDecodeError.
    out = _run("tiny.csv", b"\x01\x80\n")
    assert isinstance(out, DataError)
    r = _read("start_time,caf\xe9\n2026-01-05,1\n".encode("latin-1"), name="latin.csv")
    assert "café" in r.columns


def test_date_plus_time_columns_with_impossible_times_are_quarantined() -> None:
    # Regression: "date" + "start_time" columns are combined as a day plus a time of day; a
    # time of 9223372037 seconds overflowed pd.to_timedelta (raw OverflowError), and a file whose
    # only row was ragged crashed the HH:MM:SS parser (raw KeyError 2).
    r = _read(
        "acw_seconds,start_time,date\n"
        ",9223372037,2026-01-05\n"
        ",1e308,2026-01-05\n"
        ",-5,2026-01-05\n"
        ",10:30:00,2026-01-05\n",
        name="split.csv",
    )
    assert r.report.reasons().to_dict("records") == [
        {"reason": "missing or unparseable start_time", "rows": 3}
    ]
    assert r.dataset.frame["start_time"].tolist() == [pd.Timestamp("2026-01-05 10:30")]
    out = _run("ragged.csv", b"acw_seconds,start_time,date\nx\n")
    assert isinstance(out, DataError) and "quarantined" in str(out)


def test_header_with_line_breaks_inside_quotes_and_unicode_separators() -> None:
    # Regression: the header was split with str.splitlines, which also breaks at "\x85" (NEL)
    # and at a "\r" inside quotes; the broken column names then reached the error message,
    # making it two lines.
    data = '\x85,"0\r0"\nx,1\n'.encode()
    out = _run("nel.csv", data, columns=["\x85", "0\r0"])
    assert isinstance(out, DataError) and "0 0" in str(out)
    r = _read(b'"contact\nid",start_time,"q\r\nueue"\n1,2026-01-05,A\n', name="multi.csv")
    assert r.columns == ("contact\nid", "start_time", "q\r\nueue")
    assert r.report.rows_read == 1


def test_text_after_the_first_block_of_a_number_column(monkeypatch) -> None:
    # Regression: Arrow types a column from the first block (16 MB): text further down raised
    # "CSV conversion error" and the whole file was refused with Arrow's own words in the message.
    from kpi.ingest import readers as _ingest_read

    monkeypatch.setattr(_ingest_read, "_BLOCK_SIZE", 256)
    rows = "".join(f"{i},2026-01-05 10:00,{i}\n" for i in range(40)) + "x,2026-01-05 10:00,abc\n"
    r = _read("contact_id,start_time,cost\n" + rows, name="blocks.csv")
    assert r.report.rows_read == 41 and r.dataset.n_rows == 40
    assert r.report.quarantine["reason"].tolist() == ["unparseable cost"]


def test_control_characters_in_an_uploaded_file_name() -> None:
    with pytest.raises(DataError) as err:
        ingest.read_files([("bad\nname\r.csv", b"a,b\n1,2\n")])
    assert "'bad name .csv'" in str(err.value) and "\n" not in str(err.value)


def test_all_lines_ragged_counts_them_in_the_message() -> None:
    # Regression: when every data line was ragged the message said "all 0 rows were quarantined
    # (first reason: no usable rows)"; and one row read "all 1 rows".
    with pytest.raises(DataError) as err:
        ingest.read_files([("ragged.csv", b"contact_id,start_time,queue\n1,2\n3,4\n")])
    _check_message(err.value, "ragged.csv")
    assert "all 2 rows were quarantined (first reason: " in str(err.value)
    assert "has 2 fields where the header has 3" in str(err.value)
    with pytest.raises(DataError, match="its only row was quarantined") as err:
        ingest.read_files([("one.csv", b"contact_id,start_time\n1,not a date\n")])

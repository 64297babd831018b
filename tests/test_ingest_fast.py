"""The importer's fast paths give the same answers as the plain ones.

Large imports read category-like columns dictionary-encoded and parse each distinct value once,
check duplicate ids with a 32-bit key pre-filter, keep reasons as a Categorical and filter
rows column by column. Each of these is checked here against the straightforward computation.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kpi.ingest import _fastpath as fp
from kpi.ingest import api as ingest
from kpi.ingest import combine as C
from kpi.ingest import readers as R
from kpi.ingest import validate as V

DATA = Path(__file__).resolve().parent / "data"
FILES = sorted((DATA / "vendors").glob("*.csv")) + sorted((DATA / "good").glob("contacts_*.csv"))


def _plain_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the reader take every forced column as plain text (no dictionary encoding)."""
    fast = ingest.force_text

    def plain(mapping, shape):  # noqa: ANN001, ANN202 - same signature as the original
        pick = fast(mapping, shape)
        return lambda names, samples: dict.fromkeys(pick(names, samples), "text")

    monkeypatch.setattr(ingest, "force_text", plain)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_dictionary_read_equals_plain_read(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = ingest.read_files([path])
    raw = R.read_raw(R.to_source(path), force_text=ingest.force_text(None, None))
    fast_types = {
        c
        for c, d in raw.frame.dtypes.items()
        if isinstance(d, pd.CategoricalDtype | pd.BooleanDtype)
    }
    if path.name in ("amazon_connect_ctr.csv", "five9_call_log.csv", "contacts_jan.csv"):
        assert fast_types  # these exercise the dictionary / boolean reads
    _plain_text(monkeypatch)
    plain = ingest.read_files([path])
    pd.testing.assert_frame_equal(fast.dataset.frame, plain.dataset.frame)
    assert fast.report.summary() == plain.report.summary()
    assert fast.report.warnings == plain.report.warnings
    assert fast.report.notes == plain.report.notes
    # Quarantined rows keep their cells as written, yes/no cells read as booleans included.
    pd.testing.assert_frame_equal(
        fast.report.quarantine.astype(str), plain.report.quarantine.astype(str)
    )


def test_category_parsing_counts_rows_not_values(tmp_path: Path) -> None:
    path = tmp_path / "flags.csv"
    rows = ["id,start,answered,queue"]
    rows += [
        f"c{i},2025-01-0{1 + i % 5} 10:00,{'maybe' if i % 4 == 0 else 'Y'}, Sales "
        for i in range(40)
    ]
    path.write_text("\n".join(rows) + "\n")
    result = ingest.read_files([path])
    frame = result.dataset.frame
    # 10 of 40 rows say "maybe": the note counts rows, though the value was parsed once.
    assert any("10 values not recognised as yes/no" in n for n in result.report.notes)
    assert frame["answered"].isna().sum() == 10
    assert frame["answered"].sum() == 30
    assert frame["queue"].dtype == "string"
    assert set(frame["queue"]) == {"Sales"}  # stripped


_ids = st.lists(
    st.one_of(
        st.none(),
        st.sampled_from(["", "a", "b", "x" * 20, "x" * 19 + "y", "y" + "x" * 19, "é", "ü" * 9]),
        st.text(max_size=30),
    ),
    max_size=60,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values=_ids, split=st.integers(min_value=0, max_value=60))
def test_repeated_marks_every_duplicate(values: list[str | None], split: int) -> None:
    split = min(split, len(values))
    chunked = pa.chunked_array([values[:split], values[split:]], type=pa.large_string())
    s = pd.Series(pd.array(chunked, dtype="string"))
    marked = fp.repeated(s)
    exact = (s.notna() & s.duplicated(keep=False)).to_numpy()
    assert marked.shape == exact.shape
    assert not (exact & ~marked).any()  # a superset: no duplicate is missed
    assert not (marked & s.isna().to_numpy()).any()  # a missing id is never marked


def test_repeated_on_a_slice_and_on_plain_objects() -> None:
    arr = pa.array(["q", "a", "b", "a", "c", "q"], type=pa.string()).slice(1, 4)
    s = pd.Series(pd.array(arr, dtype="string"))
    assert fp.repeated(s).tolist() == [True, False, True, False]
    assert fp.repeated(pd.Series(["a", None, "a", None], dtype=object)).tolist() == [
        True,
        False,
        True,
        False,
    ]


def test_dedupe_keeps_latest_with_and_without_prefilter() -> None:
    rng = np.random.default_rng(3)
    ids = rng.choice([f"id{i}" for i in range(300)], 1000)
    ends = pd.Timestamp("2025-01-01") + pd.to_timedelta(rng.permutation(1000), unit="min")
    frame = pd.DataFrame({"contact_id": pd.array(ids, dtype="string"), "end_time": ends})
    reason = V.no_reason(frame.index)
    reason = V.first_reason(reason, np.arange(1000) % 97 == 0, "bad row")
    _, r1, n1 = C.dedupe(frame, reason)
    _, r2, n2 = C.dedupe(frame, reason, fp.repeated(frame["contact_id"]))
    assert n1 == n2
    pd.testing.assert_series_equal(r1.astype(object), r2.astype(object))
    # Reference: among rows without a reason, the latest end_time of each id is kept.
    ok = frame[reason.isna().to_numpy()]
    latest = ok.sort_values("end_time").groupby("contact_id").tail(1).index
    dropped = set(ok.index) - set(latest)
    assert set(np.flatnonzero(r1.eq("duplicate contact_id (older record)").to_numpy())) == dropped
    assert n1 == len(dropped)


def test_reasons_keep_their_order_of_precedence() -> None:
    reason = V.no_reason(pd.RangeIndex(4))
    reason = V.first_reason(reason, np.array([True, True, False, False]), "first")
    reason = V.first_reason(reason, np.array([False, True, True, False]), "second")
    assert reason.astype(object).where(reason.notna(), None).tolist() == [
        "first",
        "first",
        "second",
        None,
    ]


def test_rows_filter_matches_pandas() -> None:
    frame = pd.DataFrame(
        {
            "f": [1.0, np.nan, 3.0, 4.0],
            "t": pd.to_datetime(["2025-01-01", None, "2025-01-03", "2025-01-04"]),
            "b": pd.array([True, None, False, True], dtype="boolean"),
            "s": pd.array(["a", None, "c", "d"], dtype="string"),
            "c": pd.Series(pd.Categorical(["x", "y", None, "x"])),
        }
    )
    keep = np.array([True, False, True, True])
    got = fp.rows(frame, keep)
    want = frame[keep].reset_index(drop=True)
    want["c"] = want["c"].astype(object).astype("string")
    pd.testing.assert_frame_equal(got, want)


@settings(max_examples=200, deadline=None)
@given(
    values=st.lists(
        st.one_of(
            st.none(),
            st.text(alphabet=st.sampled_from(list("ab \t\n\r\x0b\x0c\xa0\u2003é\x85")), max_size=6),
        ),
        max_size=30,
    )
)
def test_text_trimming_fast_path_equals_pandas_strip(values: list[str | None]) -> None:
    from kpi.ingest import parsers as P

    s = pd.Series(pd.array(pa.array(values, type=pa.large_string()), dtype="str"))
    want = s.astype("string").str.strip()
    want = want.mask(want.eq("").fillna(False), pd.NA)
    pd.testing.assert_series_equal(P.parse_id_text(s), want)


@settings(max_examples=300, deadline=None)
@given(
    values=st.lists(
        st.one_of(st.none(), st.text(alphabet=st.sampled_from(list("ab \t\u2003")), max_size=4)),
        max_size=20,
    ),
    cut=st.integers(0, 5),
    large=st.booleans(),
)
def test_edge_space_never_misses_a_string_to_trim(
    values: list[str | None], cut: int, large: bool
) -> None:

    arr = pa.array(values, type=pa.large_string() if large else pa.string())
    sliced = arr.slice(min(cut, len(arr)))  # an offset into the buffers
    for a in (arr, sliced, pa.chunked_array([sliced, arr], type=arr.type)):
        texts = [v for v in a.to_pylist() if v is not None]
        needs = any(v != v.strip() for v in texts)
        if needs:  # no false negative (a false positive only costs a trim)
            assert fp.edge_space(a)
    clean = pa.array(["ab", None, "", "b", ""], type=arr.type)
    assert not fp.edge_space(clean)


def test_rows_takes_over_a_dict_of_columns() -> None:
    columns = {
        "f": pd.Series([1.0, 2.0, 3.0]),
        "s": pd.Series(pd.array(["a", "b", None], dtype="string")),
    }
    got = fp.rows(columns, np.array([True, False, True]))
    assert columns == {}  # each column handed over is dropped once filtered
    assert got["f"].tolist() == [1.0, 3.0]
    assert got["s"].tolist() == ["a", pd.NA]


def test_yes_no_cells_read_as_booleans_are_shown_as_written(tmp_path: Path) -> None:
    rows = ["id,start,answered"]
    rows += [f"c{i},2025-01-01 10:00,{'Yes' if i % 3 else 'No'}" for i in range(3000)]
    rows += ["bad,not a date,Yes", "c9999,2025-01-02 10:00,yes"]  # a new spelling, far down
    path = tmp_path / "flags.csv"
    path.write_text("\n".join(rows) + "\n")
    assert path.stat().st_size > 65536  # "yes" lies beyond the sniffer's sample
    result = ingest.read_files([path])
    frame = result.dataset.frame
    assert frame["answered"].sum() == 2000 + 1  # "yes" read as yes after the fall-back
    assert result.report.quarantine["answered"].tolist() == ["Yes"]
    # Without the late spelling Arrow reads the column as booleans, still shown as written.
    path.write_text("\n".join(rows[:-1]) + "\n")
    raw = R.read_raw(R.to_source(path), force_text=ingest.force_text(None, None))
    assert isinstance(raw.frame["answered"].dtype, pd.BooleanDtype)
    assert raw.spellings == {"answered": ("Yes", "No")}
    result = ingest.read_files([path])
    assert result.report.quarantine["answered"].tolist() == ["Yes"]


def test_repeated_column_names_with_a_quarantined_row(tmp_path: Path) -> None:
    # "Note", "Note", "Note.1": renaming the second "Note.1" would clash with the third.
    path = tmp_path / "notes.csv"
    path.write_text(
        "ContactId,Start Time,Note,Note,Note.1\n"
        "c1,2025-01-02 08:00:00,a,b,c\n"
        "c2,not a time,d,e,f\n"
        "c3,2025-01-02 09:00:00,g,h,i\n"
    )
    result = ingest.read_files([path])
    report = result.report
    assert (report.rows_read, report.rows_kept, report.rows_quarantined) == (3, 2, 1)
    assert result.dataset.frame["contact_id"].tolist() == ["c1", "c3"]
    row = report.quarantine.iloc[0]
    assert row["ContactId"] == "c2" and row["reason"] == "missing or unparseable start_time"
    assert [row["Note"], row["Note.1"], row["Note.1.1"]] == ["d", "e", "f"]


@pytest.mark.parametrize("env", ["", "system", "mimalloc"])
def test_arrow_allocator_choice(env: str) -> None:
    import os
    import subprocess
    import sys

    environ = {k: v for k, v in os.environ.items() if k != "ARROW_DEFAULT_MEMORY_POOL"}
    if env:
        environ["ARROW_DEFAULT_MEMORY_POOL"] = env
    code = (
        "from kpi._fastpath import configure_arrow_memory; configure_arrow_memory(); "
        "import pyarrow as pa; print(pa.default_memory_pool().backend_name)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=environ, capture_output=True, text=True, check=True
    )
    backend = out.stdout.strip()
    if env:  # a choice made in the environment is kept
        assert backend == env
    else:  # not mimalloc (huge pages: see kpi._fastpath.configure_arrow_memory)
        assert backend in ("jemalloc", "system")


def test_two_yes_no_spellings_are_shown_as_written(tmp_path: Path) -> None:
    # Arrow's true/false words are global: "Y/N" and "Yes/No" columns cannot both be read as
    # booleans, or a late "Yes" in the Y/N column would come back as "Y" in the quarantine.
    rows = ["id,start,answered,resolved"]
    rows += [
        f"c{i},2025-01-01 10:00,{'Y' if i % 2 else 'N'},{'Yes' if i % 3 else 'No'}"
        for i in range(3000)
    ]
    path = tmp_path / "flags.csv"
    path.write_text("\n".join(rows) + "\n")
    raw = R.read_raw(R.to_source(path), force_text=ingest.force_text(None, None))
    assert len(raw.spellings) == 1  # one column read as booleans, the other dictionary-encoded
    rows += ["bad,not a date,Yes,No"]
    path.write_text("\n".join(rows) + "\n")
    assert path.stat().st_size > 65536  # the "Yes" in answered lies beyond the sample
    result = ingest.read_files([path])
    q = result.report.quarantine
    assert q[["answered", "resolved"]].values.tolist() == [["Yes", "No"]]
    frame = result.dataset.frame
    assert int(frame["answered"].sum()) == 1500 and int(frame["resolved"].sum()) == 2000


@settings(max_examples=200, deadline=None)
@given(
    sizes=st.lists(st.integers(0, 6), min_size=1, max_size=5),
    data=st.data(),
    dtype=st.sampled_from(["string", "str"]),
)
def test_keep_text_chunk_by_chunk_equals_a_plain_filter(
    sizes: list[int], data: st.DataObject, dtype: str
) -> None:
    chunks = [
        pa.array([f"v{i}-{j}" if (i + j) % 4 else None for j in range(n)], type=pa.large_string())
        for i, n in enumerate(sizes)
    ]
    s = pd.Series(pd.array(pa.chunked_array(chunks, type=pa.large_string()), dtype=dtype))
    keep = np.array(data.draw(st.lists(st.booleans(), min_size=len(s), max_size=len(s))), bool)
    got = pd.Series(fp.keep_text(s, keep))
    want = s[keep].reset_index(drop=True)
    pd.testing.assert_series_equal(got, want)
    # chunks that keep every row are reused, not copied
    parts = np.split(keep, np.cumsum(sizes)[:-1])
    kept_whole = [c for c, part in zip(chunks, parts, strict=True) if len(c) and part.all()]
    out = pa.array(got.array)
    out_chunks = out.chunks if isinstance(out, pa.ChunkedArray) else [out]
    for c in kept_whole:
        assert any(
            o.buffers()[2] is not None
            and c.buffers()[2] is not None
            and o.buffers()[2].address == c.buffers()[2].address
            for o in out_chunks
        )


@settings(max_examples=200, deadline=None)
@given(
    sizes=st.lists(st.integers(0, 6), min_size=1, max_size=5),
    data=st.data(),
    dtype=st.sampled_from(["string", "str", "object"]),
)
def test_replace_at_equals_a_plain_setitem(
    sizes: list[int], data: st.DataObject, dtype: str
) -> None:
    chunks = [
        pa.array([f"v{i}-{j}" if (i + j) % 4 else None for j in range(n)], type=pa.large_string())
        for i, n in enumerate(sizes)
    ]
    arrow = pa.chunked_array(chunks, type=pa.large_string())
    s = (
        pd.Series(arrow.to_pylist(), dtype=object)
        if dtype == "object"
        else pd.Series(pd.array(arrow, dtype=dtype))
    )
    positions = np.array(
        data.draw(st.lists(st.integers(0, max(len(s) - 1, 0)), unique=True, max_size=len(s))),
        dtype=np.int64,
    )
    values = pd.Series([f"new{k}" for k in range(len(positions))])
    want = s.astype("string").copy()
    want.iloc[positions] = values.to_numpy()
    pd.testing.assert_series_equal(fp.replace_at(s, positions, values), want)


@settings(max_examples=200, deadline=None)
@given(
    keep=st.lists(st.booleans(), max_size=40),
    block=st.integers(1, 9),
)
def test_compact_in_place_equals_a_filter(keep: list[bool], block: int) -> None:
    values = np.arange(len(keep), dtype=np.float64) * 1.5
    mask = np.array(keep, dtype=bool)
    want = values[mask]
    got = fp.compact(values, mask, block=block)
    np.testing.assert_array_equal(got, want)
    assert np.shares_memory(got, values) or len(got) == 0  # no new array


def test_rows_in_place_with_shared_and_read_only_columns() -> None:
    shared = np.array([1.0, 2.0, 3.0, 4.0])
    read_only = pa.array([10, 20, 30, 40], type=pa.int64()).to_numpy()  # Arrow's memory
    assert not read_only.flags.writeable
    columns = {
        "a": pd.Series(shared, copy=False),
        "b": pd.Series(shared, copy=False),  # the same array under a second name
        "t": pd.Series(pd.to_datetime(["2025-01-01", "2025-01-02", None, "2025-01-04"])),
        "r": pd.Series(read_only, copy=False),
        "s": pd.Series(pd.array(["w", "x", None, "z"], dtype="string")),
        "f": pd.Series(pd.array([True, None, False, True], dtype="boolean")),
    }
    keep = np.array([True, False, True, True])
    want = pd.DataFrame(columns).copy(deep=True)[keep].reset_index(drop=True)
    got = fp.rows(columns, keep, in_place=True)
    assert columns == {}
    pd.testing.assert_frame_equal(got, want)  # "b" would read 1, 4, 4 if compacted twice
    assert np.shares_memory(got["a"].to_numpy(), shared)
    assert read_only.tolist() == [10, 20, 30, 40]  # copied, not overwritten
    with pytest.raises(TypeError):
        fp.rows(pd.DataFrame({"a": shared}), keep, in_place=True)


@settings(max_examples=100, deadline=None)
@given(sizes=st.lists(st.integers(0, 5), min_size=1, max_size=4), data=st.data())
def test_pick_equals_iloc(sizes: list[int], data: st.DataObject) -> None:
    n = sum(sizes)
    chunks = [
        pa.array([f"v{i}-{j}" if j % 3 else None for j in range(k)], type=pa.large_string())
        for i, k in enumerate(sizes)
    ]
    frame = pd.DataFrame(
        {
            "s": pd.array(pa.chunked_array(chunks, type=pa.large_string()), dtype="str"),
            "f": np.arange(n, dtype=np.float64),
            "b": pd.array([bool(i % 2) if i % 5 else None for i in range(n)], dtype="boolean"),
            "c": pd.Categorical([["x", "y", None][i % 3] for i in range(n)]),
        }
    )
    positions = np.array(
        sorted(data.draw(st.sets(st.integers(0, max(n - 1, 0)), max_size=n))), dtype=np.int64
    )
    got = fp.pick(frame, positions)
    want = frame.iloc[positions].reset_index(drop=True)
    want["c"] = want["c"].astype(object).astype("string")
    pd.testing.assert_frame_equal(got, want)


def test_dates_fit_nanoseconds_only_inside_pandas_range() -> None:
    import datetime as dt

    from kpi.ingest._fastpath import fits_ns as _fits_ns

    def table(values: list, type_: pa.DataType) -> pa.Table:
        return pa.table({"a": pa.array(values, type=type_)})

    ts = pa.timestamp("s")
    assert _fits_ns(table([dt.datetime(1677, 9, 22), None, dt.datetime(2262, 4, 11)], ts))
    assert not _fits_ns(table([dt.datetime(2025, 1, 1), dt.datetime(9999, 12, 31)], ts))
    assert not _fits_ns(table([dt.datetime(1677, 9, 21), dt.datetime(2025, 1, 1)], ts))
    assert not _fits_ns(table([dt.date(1, 1, 1), dt.date(2025, 1, 1)], pa.date32()))
    assert _fits_ns(table([dt.date(2025, 1, 1)], pa.date32()))
    assert _fits_ns(table([None, None], ts))
    assert _fits_ns(table([3600, 7200], pa.duration("s")))
    assert _fits_ns(table(["x"], pa.string()))


def test_rows_in_place_copies_overlapping_views() -> None:
    base = np.arange(6, dtype=np.float64)
    columns = {"a": pd.Series(base[:5], copy=False), "b": pd.Series(base[1:], copy=False)}
    keep = np.array([False, True, True, False, True])
    got = fp.rows(columns, keep, in_place=True)
    assert got["a"].tolist() == [1.0, 2.0, 4.0]
    assert got["b"].tolist() == [2.0, 3.0, 5.0]


@settings(max_examples=200, deadline=None)
@given(
    values=st.lists(st.one_of(st.none(), st.sampled_from(["", "a", "bc"])), max_size=20),
    cut=st.integers(0, 5),
)
def test_has_blank_finds_empty_strings_not_missing_ones(values: list[str | None], cut: int) -> None:

    arr = pa.array(values, type=pa.large_string())
    sliced = arr.slice(min(cut, len(arr)))  # an offset into the validity bits
    for a in (arr, sliced, pa.chunked_array([sliced, arr], type=arr.type)):
        assert fp.has_blank(a) == ("" in a.to_pylist())


def _mixed_table(late_date: bool) -> pa.Table:
    import datetime as dt

    ints = pa.chunked_array([pa.array([1, None, 3]), pa.array([], pa.int64()), pa.array([4, 5])])
    whole = pa.chunked_array([pa.array([7, 8, 9, 10, 11]).slice(0)], type=pa.int64())
    day = dt.datetime(2025, 3, 1, 8, 30)
    last = dt.datetime(9999, 12, 31) if late_date else day
    stamps = pa.chunked_array(
        [pa.array([day, None], pa.timestamp("s")), pa.array([day, day, last], pa.timestamp("s"))]
    )
    return pa.table(
        [
            ints,
            whole,
            pa.array([1.5, None, 2.5, 3.0, None]),
            pa.array([1.0, 2.0, 3.0, 4.0, 5.0], pa.float32()),
            pa.array([1, 2, 3, 4, 2**63], pa.uint64()),
            pa.array([1, None, 3, 4, 5], pa.int8()).slice(0),
            stamps,
            pa.array([day] * 5, pa.timestamp("ms", tz="UTC")),
            pa.chunked_array(  # bits from an offset: a sliced chunk
                [
                    pa.array([False, False, False, True, None]).slice(3),
                    pa.array([False, True, None]),
                ]
            ),
            pa.array(["a", None, "c", "d", "e"], pa.large_string()),
            pa.array(["x", "y", None, "x", "y"]).dictionary_encode(),
            pa.array([1, 2, 3, 4, 5]),
        ],
        names=["i", "w", "f", "f32", "u", "i8", "t", "tz", "b", "s", "d", "i"],  # "i" twice
    )


@pytest.mark.parametrize("late_date", [False, True])
def test_to_frame_equals_to_pandas(late_date: bool) -> None:
    from kpi.ingest._fastpath import BOOLEAN as _BOOLEAN
    from kpi.ingest._fastpath import fits_ns as _fits_ns
    from kpi.ingest._fastpath import to_frame

    fits = _fits_ns(_mixed_table(late_date))
    assert fits is not late_date
    want = _mixed_table(late_date).to_pandas(
        date_as_object=False, types_mapper=_BOOLEAN.get, coerce_temporal_nanoseconds=fits
    )
    box = [_mixed_table(late_date)]
    got = to_frame(box)
    assert box == []  # the table was taken
    pd.testing.assert_frame_equal(got, want)
    view = got["f"].to_numpy().view()
    view.flags.writeable = True  # raises on read-only memory: compactable in place later


def test_arrow_pool_memory_is_reused_across_threads() -> None:
    # With kpi's jemalloc options, memory one thread lets go is what another gets next: no
    # fresh pages (what makes the importer's conversions cheap after Arrow's parser is done).
    import os
    import subprocess
    import sys

    code = """
import resource
from concurrent.futures import ThreadPoolExecutor
from kpi._fastpath import configure_arrow_memory
configure_arrow_memory()
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

def faults():
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt

def fill():
    buf = pa.allocate_buffer(64 << 20)
    np.frombuffer(buf, dtype=np.uint8)[:] = 1

a = faults()
ThreadPoolExecutor(1).submit(fill).result()
b = faults()
fill()
print(b - a, faults() - b)
"""
    environ = {
        k: v
        for k, v in os.environ.items()
        if k not in ("ARROW_DEFAULT_MEMORY_POOL", "JE_ARROW_MALLOC_CONF")
    }
    out = subprocess.run(
        [sys.executable, "-c", code], env=environ, capture_output=True, text=True, check=True
    )
    first, second = map(int, out.stdout.split())
    if first < 1000:  # huge pages or another way of counting: nothing to compare
        pytest.skip(f"64 MB cost only {first} page faults here")
    assert second < first // 4


def test_direction_one_by_one_equals_the_vectorised_rules() -> None:
    from kpi.ingest import parsers as P

    labels = [
        "INBOUND",
        " Outbound ",
        "",
        None,
        "abandoned",
        "Autodial",
        "x",
        "queue_callback",
        "inbound-transfer",
        "API",
        "Missed call",
        "ÉTRANGE",
        "TRANSFER",
        "preview",
        "in",
    ]
    small = P._parse_direction(pd.Series(labels, dtype=object))
    large = P._parse_direction(pd.Series(labels * 20, dtype=object))  # over 256: vectorised
    assert small.tolist() * 20 == large.tolist()
    assert small.tolist()[:8] == [
        "inbound",
        "outbound",
        pd.NA,
        pd.NA,
        "inbound",
        "outbound",
        "x",
        "inbound",
    ]


@pytest.mark.parametrize("repeats", [10, 3000])  # few shared keys, and many (the wider table)
def test_repeated_with_few_and_many_repeats(repeats: int) -> None:
    ids = [f"id-{i:06d}" for i in range(20_000)] + [f"id-{i:06d}" for i in range(repeats)]
    s = pd.Series(pd.array(pa.array(ids, type=pa.large_string()), dtype="str"))
    marked = fp.repeated(s)
    exact = s.duplicated(keep=False).to_numpy()
    assert exact.sum() == 2 * repeats
    assert not (exact & ~marked).any()
    assert (marked & ~exact).sum() <= 20  # a pre-filter that still filters


def test_importing_kpi_changes_nothing_in_the_process() -> None:
    # Speed settings are opt-in (kpi._fastpath): a program that imports the library keeps its
    # environment, its Arrow allocator and its threads.
    import subprocess
    import sys

    code = (
        "import os, threading; before = dict(os.environ); n = threading.active_count(); "
        "import kpi, kpi.ingest, kpi.engine, kpi.metrics; "
        "import pyarrow as pa; "
        "assert dict(os.environ) == before, set(os.environ) ^ set(before); "
        "assert threading.active_count() == n; "
        "print(pa.default_memory_pool().backend_name)"
    )
    env = {k: v for k, v in __import__("os").environ.items() if k != "ARROW_DEFAULT_MEMORY_POOL"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    default = subprocess.run(
        [
            sys.executable,
            "-c",
            "import pyarrow as pa; print(pa.default_memory_pool().backend_name)",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout == default.stdout  # Arrow's own default, untouched


@pytest.mark.parametrize(
    "n", [1000, 70_000, 300_001]
)  # NumPy's sort below 65,536 keys, radix above
def test_sorted_keys_equal_numpys_sort(n: int) -> None:
    rng = np.random.default_rng(n)
    keys = rng.integers(0, 2**32, n, dtype=np.uint64).astype(np.uint32)
    keys[: n // 10] = keys[-(n // 10) :]  # repeats, and keys that share one 16-bit half
    keys[n // 3 : n // 3 + 50] = np.arange(50, dtype=np.uint32) << 16
    np.testing.assert_array_equal(fp._sorted_keys(keys), np.sort(keys))


def test_repeated_on_a_million_ids_finds_each_repeat() -> None:
    # Large enough for the radix sort; 1,000 ids delivered twice, 200 three times.
    ids = [f"C{i}" for i in range(1_000_000)]
    ids[-1000:] = ids[:1000]
    ids[500_000:500_200] = ids[:200]
    s = pd.Series(pd.array(pa.array(ids, type=pa.large_string()), dtype="str"))
    marked = fp.repeated(s)
    exact = s.duplicated(keep=False).to_numpy()
    assert exact.sum() == 2200
    assert not (exact & ~marked).any()
    # 32-bit keys: about n^2 / 2^33 = 116 pairs of distinct ids share one by chance.
    assert (marked & ~exact).sum() <= 500


def test_early_repeats_only_for_the_very_text_it_read() -> None:
    chunked = pa.chunked_array(
        [
            pa.array(["a", "b", "a"], pa.large_string()),
            pa.array(["c", None, "b"], pa.large_string()),
        ]
    )
    early = fp.EarlyRepeats(chunked)
    same = pd.Series(pd.array(chunked, dtype="string"))
    assert early.of(same).tolist() == [True, True, True, False, False, True]
    # The same values in other memory (a trimmed or re-read column), a slice, plain objects:
    # not what it looked at, so the caller computes the repeats itself.
    copy = pa.chunked_array([pa.array(["a", "b", "a", "c", None, "b"], pa.large_string())])
    assert early.of(pd.Series(pd.array(copy, dtype="string"))) is None
    assert early.of(same.iloc[1:]) is None
    assert early.of(same.astype(object)) is None


def test_import_uses_the_early_repeats_only_when_the_rows_are_the_ones_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    header = "Contact ID,Start Time,Queue,Talk Time,Answered\n"
    rows = [f"C{i},2025-03-0{1 + i % 3} 09:{i:02d}:00,Sales,100,Y\n" for i in range(40)]
    rows[39] = "C1,2025-03-02 09:01:00,Sales,100,Y\n"  # C1 delivered twice: one quarantined
    rows[38] = "C2,2025-03-05 10:00:00,Sales,100,Y\n"  # C2 again on another day: renumbered
    plain = tmp_path / "plain.csv"
    plain.write_text(header + "".join(rows))
    totals = tmp_path / "with_total.csv"  # a total line the layout sets aside before parsing
    totals.write_text(header + "".join(rows) + "Total,,,4000,\n")
    seen: list[bool] = []
    of = fp.EarlyRepeats.of
    monkeypatch.setattr(fp.EarlyRepeats, "of", lambda self, ids: seen.append(
        (got := of(self, ids)) is not None) or got)  # fmt: skip
    for path, used in ((plain, True), (totals, False)):
        seen.clear()
        result = ingest.read_files([path])
        assert seen == [used]
        assert result.report.rows_quarantined == 1 + (path == totals)
        ids = result.dataset.frame["contact_id"]
        assert sorted(ids[ids.str.startswith("C2@")]) == ["C2@2025-03-03", "C2@2025-03-05"]
        assert len(result.dataset.frame) == 39


def test_match_text_on_the_buffers_agrees_with_arrows_expression() -> None:
    from kpi.ingest import rows as W

    cells = ["Total", " total:", "\xa0Grand Total", "C1024", "Center Total", "Sum", "Summe", "",
             "T", "to", "Tot", "Gesamt", "x", "Totals", "subtotal", "cTotal", "\tTotal", None,
             "Ab", "Total for Sales", "é", "Totale generale"] * 40  # fmt: skip
    for arr in (pa.array(cells, pa.large_string()), pa.array(cells, pa.string()).slice(3)):
        want = pc.match_substring_regex(arr, W._TOTAL_RE2).fill_null(False)
        got = fp.match_text(arr, W._TOTAL_RE2, W._TOTAL_BYTES)
        assert got.tolist() == want.to_pylist()
        assert got.sum() > 100

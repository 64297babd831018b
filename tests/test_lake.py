"""Parquet lakes out of core (kpi.engine.lake), the DuckDB -> Spark dialect, server-side sources."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pandas as pd
import pytest

from kpi import engine, ingest
from kpi.engine import lake as lake_module
from kpi.engine.dialect import translate
from kpi.engine.lake import check_lake, compute_lake, lake_span, load_lake_rows, parquet_globs
from kpi.engine.lake_mapping import lake_scan
from kpi.errors import AnalysisError, DataError
from kpi.metrics import Settings
from kpi.sources import DEFAULT_MAX_ROWS, load_sources

SAMPLE = Path(__file__).resolve().parents[1] / "sample_data" / "contacts.parquet"


@pytest.fixture(scope="module")
def sample() -> pd.DataFrame:
    return pd.read_parquet(SAMPLE)


@pytest.fixture(scope="module")
def lake(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample as a hive-partitioned lake: month=YYYY-MM/ folders, several files each."""
    folder = tmp_path_factory.mktemp("lake") / "contacts"
    con = duckdb.connect()
    con.execute(
        f"COPY (SELECT *, strftime(start_time, '%Y-%m') AS month FROM '{SAMPLE}') "
        f"TO '{folder}' (FORMAT parquet, PARTITION_BY (month), FILE_SIZE_BYTES '2MB')"
    )
    con.close()
    return folder


def _same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(a, b, check_exact=False, rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize(
    "kw",
    [
        {"grain": "day", "by": ["queue"]},
        {"grain": "week", "by": "channel", "start": "2026-01-10", "end": "2026-02-01"},
        {"grain": "month", "filters": {"queue": ["Billing", "Sales"]}},
    ],
    ids=["day-queue", "week-channel-range", "month-filter"],
)
def test_lake_equals_in_memory_engine_on_every_kpi(
    lake: Path, sample: pd.DataFrame, kw: dict
) -> None:
    expected = engine.compute(sample, **kw)
    got = compute_lake(lake, **kw)
    assert isinstance(got, engine.KpiTable)
    assert len(got.kpis) == len(expected.kpis) == 26  # every registry KPI the sample supports
    _same(expected.frame, got.frame)
    assert got.notes == expected.notes
    assert got.unavailable == expected.unavailable


def test_lake_spills_under_a_small_memory_limit(
    lake: Path, sample: pd.DataFrame, tmp_path: Path
) -> None:
    # 100 MB and one thread: the repeat-contact window sort of 215k contacts still completes.
    spill = tmp_path / "spill"
    got = compute_lake(lake, grain="week", memory_limit="100MB", temp_directory=spill, threads=1)
    _same(engine.compute(sample, grain="week").frame, got.frame)
    assert spill.is_dir()


def test_file_glob_and_list_are_accepted(lake: Path, sample: pd.DataFrame) -> None:
    one = compute_lake(SAMPLE, kpis=["contacts"], grain="all")
    assert one.value("contacts") == pytest.approx(
        float(
            (
                sample["parent_contact_id"].isna()
                | (sample["parent_contact_id"] == sample["contact_id"])
            ).sum()
        )
    )
    jan = compute_lake(str(lake / "month=2026-01" / "*.parquet"), kpis=["contacts"], grain="month")
    assert jan.frame["period"].dt.month.unique().tolist() == [1]
    both = compute_lake([SAMPLE, SAMPLE], kpis=["contacts"], grain="all")
    assert both.value("contacts") == 2 * one.value("contacts")


def test_missing_paths_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="does not exist"):
        parquet_globs(tmp_path / "nope")
    (tmp_path / "empty").mkdir()
    with pytest.raises(DataError, match="No Parquet file"):
        parquet_globs(tmp_path / "empty")
    with pytest.raises(AnalysisError, match="Unknown grain"):
        compute_lake(SAMPLE, grain="fortnight")
    with pytest.raises(DataError, match="Cannot split by"):
        compute_lake(SAMPLE, by="region")


@pytest.fixture
def vendor_lake(tmp_path: Path) -> Path:
    """Vendor-shaped contacts: text times, milliseconds, Y/N answers, upper-case directions."""
    frame = pd.DataFrame(
        {
            "Contact ID": ["a1", "a2", "a3", "a4", "a5", "a6"],
            "Start": [
                "2026-03-02 09:00:00",
                "2026-03-02 09:05:00",
                "2026-03-02 10:00:00",
                "not a time",  # quarantined: unreadable start
                "2026-03-03 08:00:00",
                None,  # quarantined: no start time
            ],
            "Queue Name": ["Billing", "Billing", "Sales", "Sales", "Sales", "Sales"],
            "Direction": ["INBOUND", "Inbound", "OUTBOUND", "INBOUND", "INBOUND", "INBOUND"],
            # milliseconds: the median positive wait is above 10,000 (the importer's rule)
            "Wait Time": [12_000.0, 30_000.0, None, 15_000.0, -2_000.0, 20_000.0],
            "Answered (Y/N)": ["Y", "Y", "N", "Y", "Y", "Y"],
        }
    )
    path = tmp_path / "vendor.parquet"
    frame.to_parquet(path, index=False)
    return path


def test_vendor_columns_are_mapped_as_sql_and_bad_rows_counted(vendor_lake: Path) -> None:
    check = check_lake(vendor_lake)
    # Hand count: a4 unreadable start, a6 no start, a5 negative wait (-2 s): 3 of 6 rows.
    assert (check.rows_read, check.rows_quarantined, check.rows_kept) == (6, 3, 3)
    assert check.reasons["unreadable start_time"] == 1
    assert check.reasons["no start_time"] == 1
    assert check.reasons["negative wait_seconds"] == 1
    assert "quarantined 3" in check.summary()
    assert any("milliseconds" in n for n in check.notes)
    table = compute_lake(vendor_lake, kpis=["contacts", "asa"], grain="all", by="queue")
    # Billing: a1, a2 inbound answered, waits 12 s and 30 s (ms / 1000) -> ASA 21 s.
    assert table.value("asa", queue="Billing") == pytest.approx(21.0)
    assert table.value("contacts", queue="Billing") == 2
    # Sales keeps a3 only (outbound, no wait): one contact, no ASA row.
    assert table.value("contacts", queue="Sales") == 1
    assert np.isnan(table.value("asa", queue="Sales"))


# ---------------------------------------------------------------------------------------------
# the dialect (pure text; Spark itself runs in tests/test_spark.py)


def test_spark_dialect_rewrites() -> None:
    sql = (
        "WITH b AS (SELECT * REPLACE (start_time::TIMESTAMP AS start_time) FROM src) "
        "SELECT quantile_cont(w, [0.5, 0.9]) AS q, count_if(a) AS n, "
        "time_bucket(INTERVAL '15 minutes', t) AS p, "
        "count(*) OVER (c RANGE BETWEEN INTERVAL (900000000) MICROSECOND FOLLOWING "
        "AND INTERVAL (604800000000) MICROSECOND FOLLOWING) AS r "
        "FROM b WINDOW c AS (PARTITION BY k ORDER BY t)"
    )
    assert translate(sql, "duckdb") == sql
    out = (
        translate(sql, "spark")
        .replace("PERCENTILE", "percentile")
        .replace("UNIX_MICROS", "unix_micros")
    )
    assert "REPLACE" not in out.upper().replace("OR REPLACE", "")
    assert "percentile(w, ARRAY(CAST(0.5 AS DOUBLE), CAST(0.9 AS DOUBLE)))" in out
    assert "INTERVAL '900' SECOND" in out and "INTERVAL '604800' SECOND" in out
    assert "OVER (PARTITION BY k ORDER BY t" in out and "WINDOW" not in out
    assert "unix_micros" in out and "900000000" in out  # 15-minute buckets in microseconds
    approx = translate(sql, "spark", quantiles="approx").lower()
    assert "percentile_approx(w, array(" in approx and ", 10000)" in approx
    with pytest.raises(AnalysisError, match="Unknown SQL dialect"):
        translate(sql, "oracle")


# ---------------------------------------------------------------------------------------------
# server-side sources


@pytest.fixture
def roots(tmp_path: Path) -> Path:
    (tmp_path / "lake" / "contacts").mkdir(parents=True)
    (tmp_path / "lake" / "contacts" / "a.parquet").write_bytes(b"x")
    (tmp_path / "secret").mkdir()
    (tmp_path / "secret" / "b.parquet").write_bytes(b"x")
    os.symlink(tmp_path / "secret", tmp_path / "lake" / "escape")
    return tmp_path


def test_sources_from_env_resolve_inside_the_root_only(roots: Path) -> None:
    env = {"KPI_LAB_SOURCES": json.dumps({"parquet_roots": {"main": str(roots / "lake")},
                                          "spark_master": "local[2]"})}  # fmt: skip
    src = load_sources(env=env)
    assert src.configured and src.spark_master == "local[2]" and src.origin == "KPI_LAB_SOURCES"
    assert src.resolve("main", "contacts") == [(roots / "lake" / "contacts").resolve()]
    assert src.resolve("main", "contacts/*.parquet") == [
        (roots / "lake" / "contacts" / "a.parquet").resolve()
    ]
    assert src.datasets("main") == ["contacts"]  # the symlink out of the root is not offered
    for bad in ("../secret", "contacts/../../secret/b.parquet", "escape", "escape/*.parquet"):
        with pytest.raises(DataError, match="outside the data source"):
            src.resolve("main", bad)
    with pytest.raises(DataError, match="absolute"):
        src.resolve("main", str(roots / "secret"))
    with pytest.raises(DataError, match="No data source called"):
        src.resolve("other")


def test_sources_from_secrets_and_bad_configs(tmp_path: Path) -> None:
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(
        '[kpi_lab_sources]\nspark_master = "spark://h:7077"\n'
        '[kpi_lab_sources.parquet_roots]\nlake = "/data/lake"\n'
    )
    src = load_sources(env={}, secrets_files=(secrets,))
    assert src.spark_master == "spark://h:7077"
    assert [(r.name, str(r.path)) for r in src.roots] == [("lake", "/data/lake")]
    assert not load_sources(env={}, secrets_files=(tmp_path / "none.toml",)).configured
    listed = load_sources(env={"KPI_LAB_SOURCES": '{"parquet_roots": ["/data/a", "/x/b"]}'})
    assert [r.name for r in listed.roots] == ["a", "b"]
    with pytest.raises(DataError, match="not valid JSON"):
        load_sources(env={"KPI_LAB_SOURCES": "{nope"})
    with pytest.raises(DataError, match="unknown setting"):
        load_sources(env={"KPI_LAB_SOURCES": '{"roots": []}'})


# ---------------------------------------------------------------------------------------------
# the mapping's SQL (kpi.engine.lake_mapping) and the narrow quarantine


def test_direction_sql_reads_labels_as_the_importer_does() -> None:
    from kpi.engine.lake_mapping import direction_sql
    from kpi.ingest.parsers import parse_direction

    labels = ["inbound", "outbound", "INBOUND", " Outbound ", "in", "OUT", "Autodial", "CALLBACK",
              "Transfer", "queue", "abandoned", "Missed", "voicemail", "Internal", "Incoming",
              "weird label", "", None]  # fmt: skip
    expected = parse_direction(pd.Series(labels, dtype="string")).tolist()
    assert expected[13:15] == ["internal", "inbound"]  # "in..." is inbound, "internal" is not
    con = duckdb.connect()
    con.register("t", pd.DataFrame({"d": pd.Series(labels, dtype="string"), "i": range(18)}))
    got = [r[0] for r in con.execute(f"SELECT {direction_sql('d')} FROM t ORDER BY i").fetchall()]
    assert got == [None if pd.isna(v) else v for v in expected]
    assert got[:4] == ["inbound", "outbound", "inbound", "outbound"] and got[-3:] == [
        "weird label",
        None,
        None,
    ]
    spark_sql = translate(f"SELECT {direction_sql('d')} FROM t", "spark").upper()
    assert "RLIKE" in spark_sql or "REGEXP" in spark_sql


def test_direction_codes_listed_as_outbound_read_as_the_importer_does(tmp_path: Path) -> None:
    # PureConnect-style codes: 2 means outbound, any other code inbound (a mapping's "equals").
    frame = pd.DataFrame(
        {
            "id": ["a", "b", "c", "d"],
            "start": pd.to_datetime(["2026-03-02 09:00"] * 4),
            "dir": pd.array([1, 2, 1, None], dtype="Int64"),
        }
    )
    path = tmp_path / "codes.parquet"
    frame.to_parquet(path, index=False)
    m = ingest.Mapping(
        "interactions",
        (
            ingest.FieldMap("contact_id", ("id",)),
            ingest.FieldMap("start_time", ("start",)),
            ingest.FieldMap("direction", ("dir",), transform="equals", values=("2",)),
        ),
    )
    con = duckdb.connect()
    con.execute(f"CREATE VIEW raw AS SELECT * FROM read_parquet('{path}')")
    types = {r[0]: r[1] for r in con.execute("DESCRIBE raw").fetchall()}
    scan = lake_scan(types, lambda sql: con.execute(sql).fetchall(), "raw", m)
    got = [r[0] for r in con.execute(scan.select(["direction"], "raw")).fetchall()]
    imported = ingest.read_files([path], mapping=m).dataset.frame["direction"]
    assert got == ["inbound", "outbound", "inbound", None]
    assert [None if pd.isna(v) else v for v in imported] == got


def test_answered_from_talk_time_reads_as_the_importer_does(tmp_path: Path) -> None:
    # A contact log with talk times and no outcome column: answered where talk > 0 (auto-mapped).
    frame = pd.DataFrame(
        {
            "Contact_ID": ["a", "b", "c", "d"],
            "Start_Time": pd.to_datetime(["2026-03-02 09:00"] * 4),
            "Inqueue_Time": [10.0, 20.0, 30.0, 40.0],
            "Active_Talk_Time": [100.0, 0.0, None, 50.0],
        }
    )
    path = tmp_path / "talk.parquet"
    frame.to_parquet(path, index=False)
    imported = ingest.read_files([path])
    answered = imported.mapping.get("answered")
    assert answered is not None and answered.transform == "positive"
    assert answered.source == ("Active_Talk_Time",)
    con = duckdb.connect()
    con.execute(f"CREATE VIEW raw AS SELECT * FROM read_parquet('{path}')")
    types = {r[0]: r[1] for r in con.execute("DESCRIBE raw").fetchall()}
    scan = lake_scan(types, lambda sql: con.execute(sql).fetchall(), "raw", imported.mapping)
    got = [r[0] for r in con.execute(scan.select(["answered"], "raw")).fetchall()]
    want = imported.dataset.frame["answered"].tolist()
    assert got == [True, False, None, True]
    assert [None if pd.isna(v) else bool(v) for v in want] == got
    asa = compute_lake(path, kpis=["asa"], grain="all").value("asa")
    assert asa == pytest.approx((10 + 40) / 2)


@pytest.fixture
def faulty_lake(tmp_path: Path) -> Path:
    """Canonical contacts; c3 has a negative talk time (only), c4 a CSAT of 9 (only)."""
    frame = pd.DataFrame(
        {
            "contact_id": ["c1", "c2", "c3", "c4"],
            "start_time": pd.to_datetime(["2026-03-02 09:00"] * 4),
            "queue": ["Billing"] * 4,
            "talk_seconds": [100.0, 200.0, -5.0, 300.0],
            "csat": [4.0, None, None, 9.0],
            "wait_seconds": pd.array([10, 20, 30, 40], dtype="int64"),
        }
    )
    path = tmp_path / "faulty.parquet"
    frame.to_parquet(path, index=False)
    return path


def test_only_the_rules_on_columns_read_apply_unless_check_all(faulty_lake: Path) -> None:
    check = check_lake(faulty_lake)
    assert (check.rows_read, check.rows_quarantined) == (4, 2)
    assert check.reasons["negative talk_seconds"] == 1 and check.reasons["csat above 5"] == 1
    # Stored timestamps cannot be unreadable and integers cannot be infinite: no such rules.
    assert "unreadable start_time" not in check.reasons
    assert "infinite wait_seconds" not in check.reasons
    assert "infinite talk_seconds" in check.reasons
    # Contacts alone read no checked column but start_time: all four counted.
    assert compute_lake(faulty_lake, kpis=["contacts"], grain="all").value("contacts") == 4
    # With CSAT the query reads csat: c4 is left out of the whole query; c3 (talk) stays.
    narrow = compute_lake(faulty_lake, kpis=["contacts", "csat"], grain="all")
    assert narrow.value("contacts") == 3 and narrow.value("csat") == pytest.approx(4.0)
    # check_all leaves out both faulty rows, as the importer does: c1 and c2 remain.
    strict = compute_lake(faulty_lake, kpis=["contacts", "csat"], grain="all", check_all=True)
    assert strict.value("contacts") == 2 and strict.value("csat") == pytest.approx(4.0)


# ---------------------------------------------------------------------------------------------
# the date range pushed into the Parquet reader, widened by the repeat window

REPEAT = Settings(fcr_method="repeat", fcr_window_days=7.0, fcr_ignore_minutes=15.0)
WINDOW_KPIS = ["contacts", "fcr", "repeat_contact_rate", "aht", "csat"]


def _rows_scanned(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Rows of the pre-filtered view each compute_lake call ran its plan on (-1: no view)."""
    seen: list[int] = []
    real = lake_module.run_plan

    def spy(con: duckdb.DuckDBPyConnection, qp: object, by: object) -> object:
        views = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views()").fetchall()}
        row = (
            con.execute("SELECT count(*) FROM in_range").fetchone() if "in_range" in views else None
        )
        seen.append(-1 if row is None else int(row[0]))
        return real(con, qp, by)  # type: ignore[arg-type]

    monkeypatch.setattr(lake_module, "run_plan", spy)
    return seen


@pytest.mark.parametrize(
    ("first", "last"),
    [("2026-03-01", "2026-03-31"), ("2026-06-26", "2026-07-05"), ("2026-05-20", None)],
    ids=["mid-lake", "last-days-immature", "open-end"],
)
def test_range_is_pushed_down_widened_by_the_repeat_window(
    lake: Path, sample: pd.DataFrame, monkeypatch: pytest.MonkeyPatch, first: str, last: str | None
) -> None:
    seen = _rows_scanned(monkeypatch)
    kw: dict[str, Any] = {
        "grain": "week",
        "by": "channel",
        "settings": REPEAT,
        "start": first,
        "end": last,
    }
    got = compute_lake(lake, WINDOW_KPIS, **kw)
    expected = engine.compute(sample, WINDOW_KPIS, **kw)
    _same(expected.frame, got.frame)
    assert got.notes == expected.notes
    # The scan read the range widened by the window (15 min before, 7 days after, a day's
    # slack each side), plus the lake's last moment (maturity): far fewer rows than the lake.
    t = sample["start_time"]
    lo = pd.Timestamp(first) - pd.Timedelta(days=1, minutes=15)
    hi = t.max() if last is None else pd.Timestamp(last) + pd.Timedelta(days=9)
    widened = int(((t >= lo) & ((t < hi) | (t == t.max()))).sum())
    assert seen == [widened]
    assert widened < len(sample)
    # The repeat window did look past the range: an unwidened range gives other FCR figures.
    if last == "2026-03-31":
        exact = int(((t >= pd.Timestamp(first)) & (t < pd.Timestamp("2026-04-01"))).sum())
        assert widened > exact


def test_group_kpis_push_the_exact_range(
    lake: Path, sample: pd.DataFrame, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = _rows_scanned(monkeypatch)
    kw: dict[str, Any] = {"grain": "day", "by": "queue", "start": "2026-02-01", "end": "2026-02-28"}
    got = compute_lake(lake, ["contacts", "aht", "asa_p90", "service_level"], **kw)
    _same(engine.compute(sample, ["contacts", "aht", "asa_p90", "service_level"], **kw).frame,
          got.frame)  # fmt: skip
    assert seen == [len(_in_range(sample, "2026-02-01", "2026-02-28"))]
    # No range: nothing to push, the plan runs on the whole lake.
    compute_lake(lake, ["contacts"], grain="all")
    assert seen[-1] == -1


def test_empty_days_in_a_pushed_range_are_filled_as_in_memory(tmp_path: Path) -> None:
    # Contacts on Mar 2, 3, 6, 8 and 20 (none on the 4th and 5th). k1 calls again on the 6th
    # (in the range), k2 on the 8th (past it, inside the 7-day window); the 20th, beyond the
    # widened range, is the lake's last moment, which makes the range's contacts mature.
    days = ["2026-03-02 09:00", "2026-03-03 10:00", "2026-03-06 11:00", "2026-03-08 12:00",
            "2026-03-20 12:00"]  # fmt: skip
    frame = pd.DataFrame(
        {
            "contact_id": ["c1", "c2", "c3", "c4", "c5"],
            "start_time": pd.to_datetime(days),
            "customer_id": ["k1", "k2", "k1", "k2", "k3"],
            "resolved": [True] * 5,
            "handle_seconds": [100.0, 200.0, 300.0, 400.0, 500.0],
        }
    )
    folder = tmp_path / "gappy"
    folder.mkdir()
    for i in range(len(frame)):  # one file per contact: the range prunes whole files
        frame.iloc[[i]].to_parquet(folder / f"part{i}.parquet", index=False)
    kpis = ["contacts", "repeat_contact_rate", "aht"]
    kw: dict[str, Any] = {
        "grain": "day",
        "settings": REPEAT,
        "start": "2026-03-01",
        "end": "2026-03-06",
    }
    expected = engine.compute(frame, kpis, **kw)
    got = compute_lake(folder, kpis, **kw)
    _same(expected.frame, got.frame)
    contacts = got.frame[got.frame["kpi"] == "contacts"].set_index("period")["value"]
    # From the range's first contact (Mar 2) to its last (Mar 6): the 4th and 5th count 0.
    assert contacts.to_dict() == {
        pd.Timestamp(f"2026-03-0{d}"): float(d in (2, 3, 6)) for d in range(2, 7)
    }
    repeats = got.frame[got.frame["kpi"] == "repeat_contact_rate"].set_index("period")["value"]
    assert repeats.to_dict() == {
        pd.Timestamp("2026-03-02"): 1.0,  # k1 again on the 6th
        pd.Timestamp("2026-03-03"): 1.0,  # k2 again on the 8th, past the range
        pd.Timestamp("2026-03-06"): 0.0,
    }


# ---------------------------------------------------------------------------------------------
# a date range of rows for the app (load_lake_rows)


def _in_range(sample: pd.DataFrame, first: str, last: str) -> pd.DataFrame:
    t = sample["start_time"]
    end = pd.Timestamp(last) + pd.Timedelta(days=1)
    return sample[(t >= pd.Timestamp(first)) & (t < end)]


def _by_id(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values(["start_time", "contact_id"]).reset_index(drop=True)


def test_load_lake_rows_is_the_samples_range_and_its_kpis(lake: Path, sample: pd.DataFrame) -> None:
    frame, check = load_lake_rows(lake, "2026-02-01", "2026-02-28")
    expected = _in_range(sample, "2026-02-01", "2026-02-28")
    assert len(frame) == len(expected) == 30_253
    assert (check.rows_read, check.rows_quarantined, check.rows_kept) == (30_253, 0, 30_253)
    assert list(frame.columns) == list(sample.columns)  # canonical columns; no hive 'month'
    pd.testing.assert_frame_equal(_by_id(frame), _by_id(expected))  # values and dtypes
    assert frame["start_time"].is_monotonic_increasing
    _same(
        engine.compute(expected, grain="week", by="queue").frame,
        engine.compute(frame, grain="week", by="queue").frame,
    )
    assert lake_span(lake) == (sample["start_time"].min(), sample["start_time"].max())


def test_load_lake_rows_refuses_a_range_over_the_cap(lake: Path) -> None:
    assert DEFAULT_MAX_ROWS == 5_000_000
    with pytest.raises(DataError, match=r"2026-02-01 to 2026-02-28 holds 30,253 contacts, more "
                       r"than the 30,000 .*shorter range.*kpi compute PATH"):  # fmt: skip
        load_lake_rows(lake, "2026-02-01", "2026-02-28", max_rows=30_000)
    frame, _ = load_lake_rows(lake, "2026-02-01", "2026-02-28", max_rows=30_253)  # the cap itself
    assert len(frame) == 30_253
    with pytest.raises(DataError, match="ends before it starts"):
        load_lake_rows(lake, "2026-03-01", "2026-02-01")


def test_load_lake_rows_maps_vendor_columns_and_counts_the_ranges_quarantine(
    vendor_lake: Path,
) -> None:
    frame, check = load_lake_rows(vendor_lake, "2026-03-02", "2026-03-03")
    # a4 (unreadable) and a6 (no start) belong to no range; a5's wait is -2 s: set aside.
    assert (check.rows_read, check.rows_quarantined) == (4, 1)
    assert check.reasons["negative wait_seconds"] == 1
    assert check.summary() == "Read 4 rows, kept 3, quarantined 1 (1 negative wait_seconds)."
    assert frame["contact_id"].tolist() == ["a1", "a2", "a3"]
    assert frame["wait_seconds"].tolist()[:2] == [12.0, 30.0] and pd.isna(frame["wait_seconds"][2])
    assert frame["answered"].tolist() == [True, True, False]
    assert frame["direction"].tolist() == ["inbound", "inbound", "outbound"]
    assert str(frame["start_time"].dtype) == "datetime64[ns]"
    only_3rd, check3 = load_lake_rows(vendor_lake, "2026-03-03", "2026-03-03")
    assert len(only_3rd) == 0 and (check3.rows_read, check3.rows_quarantined) == (1, 1)


def test_source_files_never_leave_the_root(roots: Path) -> None:
    src = load_sources(env={"KPI_LAB_SOURCES": json.dumps(
        {"parquet_roots": {"main": str(roots / "lake")}, "max_rows": 1000})})  # fmt: skip
    assert src.max_rows == 1000
    assert src.files("main", "contacts") == [(roots / "lake" / "contacts" / "a.parquet").resolve()]
    # A link inside a dataset folder to a folder (or file) outside the root is refused, named.
    os.symlink(roots / "secret", roots / "lake" / "contacts" / "more")
    with pytest.raises(DataError, match="contacts/more leads outside the data source"):
        src.files("main", "contacts")
    os.remove(roots / "lake" / "contacts" / "more")
    os.symlink(roots / "secret" / "b.parquet", roots / "lake" / "contacts" / "b.parquet")
    with pytest.raises(DataError, match="b.parquet leads outside"):
        src.files("main", "contacts")
    for bad in ("..", "../secret", "escape", "contacts/../../secret"):
        with pytest.raises(DataError, match="outside the data source"):
            src.files("main", bad)
    for cap in ('"many"', "0", "true"):
        with pytest.raises(DataError, match="max_rows"):
            load_sources(env={"KPI_LAB_SOURCES": f'{{"parquet_roots": ["/a"], "max_rows": {cap}}}'})
    assert load_sources(env={"KPI_LAB_SOURCES": '{"parquet_roots": ["/a"]}'}).max_rows == 5_000_000


def test_email_zero_waits_and_padded_labels_read_as_the_importer_does(tmp_path: Path) -> None:
    # A blended log: e-mails written with a queue time of 0 wait for no queue; labels padded
    # with spaces are the trimmed labels. ASA over the answered calls with a wait: phone 0 s,
    # chat 10 s, phone 30 s -> 13.3333 (8.0 if the e-mails' zeros counted as answers at once).
    frame = pd.DataFrame(
        {
            "Contact_ID": ["a", "b", "c", "d", "e"],
            "Start_Time": pd.to_datetime(["2026-03-02 09:00"] * 5),
            "Channel": ["phone", "email", "e-mail ", " chat", "phone"],
            "Queue": ["Billing ", "Billing", "Billing", "Sales", "Sales"],
            "Inqueue_Time": [0.0, 0.0, 0.0, 10.0, 30.0],
            "Active_Talk_Time": [100.0, 50.0, 60.0, 70.0, 80.0],
        }
    )
    path = tmp_path / "blended.parquet"
    frame.to_parquet(path, index=False)
    imported = ingest.read_files([path])
    want = engine.compute(imported.dataset, kpis=["asa", "contacts"], grain="all")
    got = compute_lake(path, kpis=["asa", "contacts"], grain="all")
    assert got.value("asa") == pytest.approx(40 / 3)
    assert want.value("asa") == pytest.approx(40 / 3)
    by = ["queue", "channel"]
    lake_rows = compute_lake(path, kpis=["contacts"], grain="all", by=by).frame
    file_rows = engine.compute(imported.dataset, kpis=["contacts"], grain="all", by=by).frame
    table = lake_rows[[*by, "value"]].sort_values(by).values.tolist()
    assert table == file_rows[[*by, "value"]].sort_values(by).values.tolist()
    assert table == [
        ["Billing", "e-mail", 1], ["Billing", "email", 1], ["Billing", "phone", 1],
        ["Sales", "chat", 1], ["Sales", "phone", 1],
    ]  # fmt: skip

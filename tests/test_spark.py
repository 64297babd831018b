"""The same KPIs on Apache Spark (local[2]) as on DuckDB: exact for sums, means and quantiles.

One Spark session for the module (its JVM start is most of the time) and two weeks of the sample
(13,671 contacts: every KPI, the repeat-contact window and both quantiles still covered), so the
module stays short under load.

Skipped with the reason when PySpark or Java is missing, except in CI (``KPI_REQUIRE_SPARK=1``,
set by ``.ci/run``, which installs the ``spark`` extra and Java): there a missing Spark fails.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from kpi.engine.lake import compute_lake

pytestmark = pytest.mark.spark

SAMPLE = Path(__file__).resolve().parents[1] / "sample_data" / "contacts.parquet"
_MISSING = (
    "PySpark is not installed (pip install -e '.[spark]')"
    if importlib.util.find_spec("pyspark") is None
    else "Java is not on the PATH (apt-get install default-jre-headless)"
    if shutil.which("java") is None
    else ""
)
if _MISSING and os.environ.get("KPI_REQUIRE_SPARK") == "1":
    raise RuntimeError(f"KPI_REQUIRE_SPARK=1 but {_MISSING}")
if _MISSING:
    pytest.skip(_MISSING, allow_module_level=True)


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two weeks of the sample, written by pandas (nanosecond timestamps, as exports have)."""
    frame = pd.read_parquet(SAMPLE)
    path = tmp_path_factory.mktemp("spark") / "two_weeks.parquet"
    frame[frame["start_time"] < "2026-01-19"].to_parquet(path, index=False)
    return path


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from kpi.engine.spark import spark_session

    session = spark_session("local[2]", app_name="kpi-lab-tests")
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def test_spark_equals_duckdb_on_every_kpi(spark: Any, small: Path) -> None:
    from kpi.engine.spark import compute_spark

    kw: dict[str, Any] = {"grain": "week", "by": "channel", "start": "2026-01-06"}
    expected = compute_lake(small, **kw)
    got = compute_spark(small, spark=spark, **kw)
    assert len(got.kpis) == len(expected.kpis) == 26
    # Sums, counts and means exactly (to float rounding); the quantile KPIs (asa_median,
    # asa_p90) too: Spark's ``percentile`` interpolates like DuckDB's ``quantile_cont``.
    pd.testing.assert_frame_equal(
        expected.frame, got.frame, check_exact=False, rtol=1e-9, check_dtype=False
    )
    assert got.notes == expected.notes


def test_spark_approximate_quantiles_within_the_stated_rank_error(spark: Any, small: Path) -> None:
    from kpi.engine.dialect import APPROX_ACCURACY
    from kpi.engine.spark import compute_spark

    table = compute_spark(
        small, kpis=["asa_median", "asa_p90"], grain="all", spark=spark, quantiles="approx"
    )
    f = pd.read_parquet(small)
    inbound = f["direction"].ne("outbound").fillna(True)
    waits = np.sort(
        f.loc[inbound & f["answered"].fillna(False), "wait_seconds"].dropna().to_numpy()
    )
    n = len(waits)
    for kpi, p in (("asa_median", 0.5), ("asa_p90", 0.9)):
        v = table.value(kpi)
        # Spark's bound: the returned value's rank is within n / accuracy of p n.
        lo = np.searchsorted(waits, v, side="left") / n
        hi = np.searchsorted(waits, v, side="right") / n
        slack = 1 / APPROX_ACCURACY + 1 / n
        assert lo - slack <= p <= hi + slack, (kpi, v, lo, hi)


def test_cli_engine_spark_equals_the_imported_file(
    spark: Any, small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # ``kpi compute --engine spark`` (the module's session is reused by getOrCreate) gives the
    # values ``kpi compute`` gives on the same file read through the importer.
    from kpi.cli import main

    del spark
    common = ["--grain", "week", "--by", "queue", "--kpis", "contacts,fcr,aht,asa_median"]
    common += ["--from", "2026-01-06", "--to", "2026-01-17"]
    assert main(["compute", str(small), *common, "--out", str(tmp_path / "mem.json")]) == 0
    args = ["compute", str(small), "--engine", "spark", *common]
    assert main([*args, "--out", str(tmp_path / "spark.json"), "--verbose"]) == 0
    assert "Read 13,671 rows, kept 13,671, quarantined 0." in capsys.readouterr().err
    mem = json.loads((tmp_path / "mem.json").read_text())
    got = json.loads((tmp_path / "spark.json").read_text())
    assert "quarantine" not in mem and got["quarantine"]["rows_quarantined"] == 0
    a, b = pd.DataFrame(mem["rows"]), pd.DataFrame(got["rows"])
    assert len(a) == 2 * 4 * 4  # 2 weeks x 4 queues x 4 KPIs
    pd.testing.assert_frame_equal(a, b, check_exact=False, rtol=1e-9, check_dtype=False)

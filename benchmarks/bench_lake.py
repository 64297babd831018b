"""Out of core: KPIs from a hive-partitioned Parquet lake (DuckDB), and the same on Spark.

Generates with DuckDB a lake of N contacts (``date=YYYY-MM-DD/`` folders, one year), then, each
in a fresh subprocess so that its peak memory is its own (``VmHWM``, which sees DuckDB's
native memory):

* ``lake_all``: :func:`kpi.engine.lake.compute_lake`, every KPI by day x queue (the
  repeat-contact window included: a sort of the whole lake by customer);
* ``lake_core``: the engine on the seven core KPIs of the hand-written query;
* ``hand``: one hand-written DuckDB query of those seven KPIs over the same files (the SQL an
  analyst would write; ``vs_hand`` = lake_core / hand, goal <= 1.3);
* ``spark_all`` (``--spark``): :func:`kpi.engine.spark.compute_spark` on ``local[2]``.

DuckDB runs with ``--memory-limit`` (default 3GB) and spills to ``--temp-dir``.

Run by hand:  python benchmarks/bench_lake.py --rows 10000000 100000000 [--spark] [--dir /tmp/x]
Same-process ratio on an existing lake (medians of 5):  python benchmarks/bench_lake.py --same-process /tmp/x/lake_10000000
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import duckdb

HAND_KPIS = ("contacts", "fcr", "aht", "asa", "service_level", "abandonment_rate", "csat")
HAND_SQL = """
SELECT date_trunc('day', start_time) AS period, queue,
    count(*) AS contacts,
    count_if(coalesce(answered, TRUE) AND resolved) / count_if(coalesce(answered, TRUE) AND resolved IS NOT NULL) AS fcr,
    avg(CASE WHEN coalesce(answered, TRUE) THEN handle_seconds END) AS aht,
    avg(CASE WHEN coalesce(direction <> 'outbound', TRUE) AND answered THEN wait_seconds END) AS asa,
    count_if(coalesce(direction <> 'outbound', TRUE) AND answered AND wait_seconds <= 20)
      / count_if(coalesce(direction <> 'outbound', TRUE) AND (wait_seconds IS NOT NULL OR abandoned)
                 AND (answered OR abandoned)) AS service_level,
    count_if(coalesce(direction <> 'outbound', TRUE) AND abandoned)
      / count_if(coalesce(direction <> 'outbound', TRUE) AND NOT coalesce(blocked, FALSE)
                 AND (wait_seconds IS NOT NULL OR abandoned)) AS abandonment_rate,
    avg(csat) AS csat
FROM read_parquet('{glob}', hive_partitioning = true) GROUP BY ALL
"""

GENERATE = """
COPY (
  SELECT
    'C' || i AS contact_id,
    TIMESTAMP '2025-01-01' + to_microseconds((i::HUGEINT * 31536000000000 // {n})::BIGINT) AS start_time,
    'K' || (hash(i) % {customers}) AS customer_id,
    ['phone', 'chat', 'email'][(1 + hash(i + 1) % 3)::BIGINT] AS channel,
    CASE WHEN hash(i + 2) % 10 = 0 THEN 'outbound' ELSE 'inbound' END AS direction,
    'Q' || lpad((hash(i + 3) % 20)::VARCHAR, 2, '0') AS queue,
    'A' || (hash(i + 4) % 400) AS agent_id,
    (hash(i + 5) % 240)::DOUBLE AS wait_seconds,
    hash(i + 6) % 100 >= 8 AS answered,
    hash(i + 6) % 100 < 8 AS abandoned,
    FALSE AS blocked,
    (60 + hash(i + 7) % 600)::DOUBLE AS talk_seconds,
    (hash(i + 8) % 60)::DOUBLE AS hold_seconds,
    (hash(i + 9) % 120)::DOUBLE AS acw_seconds,
    (60 + hash(i + 7) % 600 + hash(i + 8) % 60 + hash(i + 9) % 120)::DOUBLE AS handle_seconds,
    hash(i + 10) % 100 < 72 AS resolved,
    hash(i + 11) % 100 < 6 AS transferred,
    CASE WHEN hash(i + 12) % 10 = 0 THEN 1 + hash(i + 13) % 5 END::DOUBLE AS csat,
    CAST(start_time AS DATE) AS date
  FROM range({n}) t(i)
) TO '{folder}' (FORMAT parquet, PARTITION_BY (date), OVERWRITE_OR_IGNORE)
"""


def generate(n: int, folder: Path, memory_limit: str) -> float:
    """Write ``n`` contacts over 2025 as a ``date=``-partitioned lake; returns seconds."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    con = duckdb.connect(config={"memory_limit": memory_limit, "preserve_insertion_order": False})
    con.execute(GENERATE.format(n=n, customers=max(n // 5, 1), folder=folder))
    con.close()
    return time.perf_counter() - t0


def peak_mb() -> float:
    """This process's peak resident memory (MB): ``VmHWM``, which, unlike ``ru_maxrss``, is not
    inherited across fork + exec from the parent that generated the lake."""
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _measure(kind: str, folder: str, memory_limit: str, temp_dir: str) -> dict[str, float]:
    """Run one measurement in this process (called in a fresh subprocess)."""
    from kpi.engine.lake import compute_lake  # imported before the clock starts

    t0 = time.perf_counter()
    rows = 0
    if kind in ("lake_all", "lake_core"):
        kpis = list(HAND_KPIS) if kind == "lake_core" else None
        table = compute_lake(
            folder,
            kpis,
            grain="day",
            by="queue",
            memory_limit=memory_limit,
            temp_directory=temp_dir,
        )
        rows = len(table.frame)
    elif kind == "hand":
        con = duckdb.connect(
            config={"memory_limit": memory_limit, "temp_directory": temp_dir,
                    "preserve_insertion_order": False}
        )  # fmt: skip
        rows = len(con.execute(HAND_SQL.format(glob=f"{folder}/**/*.parquet")).fetch_df())
        con.close()
    elif kind == "spark_all":
        from kpi.engine.spark import compute_spark, spark_session

        session = spark_session("local[2]")
        session.sparkContext.setLogLevel("ERROR")
        t0 = time.perf_counter()  # the JVM start is not the query
        rows = len(compute_spark(folder, grain="day", by="queue", spark=session).frame)
        session.stop()
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "peak_mb": peak_mb(), "rows": rows}


def same_process(
    folder: Path, memory_limit: str, temp_dir: Path, repeat: int = 5
) -> dict[str, float]:
    """``hand`` and ``lake_core`` timed alternately in this one process, ``repeat`` times each
    after one warm-up of both (the OS file cache and imports are then the same for both):
    medians and their ratio (goal <= 1.3)."""
    from kpi.engine.lake import compute_lake

    def hand() -> None:
        con = duckdb.connect(
            config={"memory_limit": memory_limit, "temp_directory": str(temp_dir),
                    "preserve_insertion_order": False}
        )  # fmt: skip
        con.execute(HAND_SQL.format(glob=f"{folder}/**/*.parquet")).fetch_df()
        con.close()

    def core() -> None:
        compute_lake(folder, list(HAND_KPIS), grain="day", by="queue",
                     memory_limit=memory_limit, temp_directory=temp_dir)  # fmt: skip

    times: dict[str, list[float]] = {"hand": [], "lake_core": []}
    hand()
    core()
    for _ in range(repeat):
        for kind, fn in (("hand", hand), ("lake_core", core)):
            t0 = time.perf_counter()
            fn()
            times[kind].append(time.perf_counter() - t0)
    out = {f"{k}_median_s": statistics.median(v) for k, v in times.items()}
    out["vs_hand"] = out["lake_core_median_s"] / out["hand_median_s"]
    return out


def measure(kind: str, folder: Path, memory_limit: str, temp_dir: Path) -> dict[str, float]:
    """``_measure`` in a fresh Python process (its own peak memory)."""
    out = subprocess.run(
        [sys.executable, __file__, "--one", kind, str(folder), memory_limit, str(temp_dir)],
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode:
        raise SystemExit(f"{kind} failed:\n{out.stderr[-3000:]}")
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, nargs="+", default=[10_000_000])
    ap.add_argument("--dir", type=Path, default=Path("/tmp/kpi_lake_bench"))
    ap.add_argument("--memory-limit", default="3GB")
    ap.add_argument("--spark", action="store_true", help="also time Spark local[2]")
    ap.add_argument("--keep", action="store_true", help="keep the generated lakes")
    ap.add_argument(
        "--same-process", type=Path, metavar="LAKE",
        help="time hand vs lake_core alternately in one process on an existing lake (medians)",
    )  # fmt: skip
    ap.add_argument("--repeat", type=int, default=5, help="runs per kind with --same-process")
    ap.add_argument("--one", nargs=4, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        kind, folder, mem, tmp = args.one
        print(json.dumps(_measure(kind, folder, mem, tmp)))
        return
    if args.same_process:
        spill = args.dir / "spill"
        print(json.dumps(same_process(args.same_process, args.memory_limit, spill, args.repeat)))
        return
    results = {}
    for n in args.rows:
        folder = args.dir / f"lake_{n}"
        gen = generate(n, folder, args.memory_limit)
        size = sum(f.stat().st_size for f in folder.rglob("*.parquet")) / 1e9
        row: dict[str, float] = {"generate_s": gen, "size_gb": size}
        kinds = ["hand", "lake_core", "lake_all"] + (["spark_all"] if args.spark else [])
        for kind in kinds:
            m = measure(kind, folder, args.memory_limit, args.dir / "spill")
            row[f"{kind}_s"] = m["seconds"]
            row[f"{kind}_peak_mb"] = m["peak_mb"]
            print(
                f"  {n:>11,} {kind:<10} {m['seconds']:8.2f} s  peak {m['peak_mb']:7.0f} MB",
                flush=True,
            )
        row["vs_hand"] = row["lake_core_s"] / row["hand_s"]
        results[n] = row
        print(f"{n:,} contacts ({size:.2f} GB Parquet): " + json.dumps(row), flush=True)
        if not args.keep:
            shutil.rmtree(folder)
    if len(results) > 1:
        ns = sorted(results)
        a, b = results[ns[0]], results[ns[-1]]
        growth = b["lake_all_s"] / a["lake_all_s"]
        print(f"growth {ns[0]:,} -> {ns[-1]:,} ({ns[-1] / ns[0]:.0f}x rows): {growth:.1f}x time")


if __name__ == "__main__":
    main()

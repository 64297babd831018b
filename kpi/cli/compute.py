"""``kpi compute``: KPIs by period and segment from export files, as CSV, Parquet or JSON.

kpi compute contacts.csv --grain week --by queue --kpis fcr,aht --out kpis.csv
kpi compute lake/ --from 2025-01-01 --to 2025-12-31 --memory-limit 4GB --out kpis.parquet
kpi compute 's3a://bucket/contacts/' --engine spark --spark-master spark://host:7077 --out k.csv

A folder, a glob or a large Parquet file is scanned in place (:mod:`kpi.engine.lake`: DuckDB
out of core, or Spark with ``--engine spark``); other files go through the importer.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kpi.cli.common import add_input_args, load_inputs
from kpi.engine.validate import GRAINS
from kpi.errors import AnalysisError, DataError
from kpi.report.safe import safe_frame

if TYPE_CHECKING:  # pragma: no cover
    from kpi.engine.table import KpiTable
    from kpi.metrics import Settings

__all__ = ["add_parser", "lake_inputs", "run"]

#: A single Parquet file with more rows than this is scanned in place rather than imported.
SCAN_IN_PLACE_ROWS = 5_000_000
_URI = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Register ``kpi compute``."""
    p = subparsers.add_parser(
        "compute",
        help="compute KPIs by period and segment",
        description="Compute KPIs by period (and segment) from export files and write the tidy "
        "table: period, segments, kpi, value, numerator, denominator, ci_low, ci_high.",
    )
    add_input_args(p)
    p.add_argument(
        "--grain",
        default="day",
        choices=GRAINS,
        help="period length (default: day); a summary report cannot go finer than its own grain",
    )
    p.add_argument("--by", default="", help="segment columns, comma-separated (e.g. queue,channel)")
    p.add_argument("--kpis", default="", help="KPI ids, comma-separated (default: all available)")
    p.add_argument("--settings", type=Path, help="settings JSON (see kpi.metrics.Settings)")
    p.add_argument("--start", "--from", dest="start", help="first day to include (YYYY-MM-DD)")
    p.add_argument("--end", "--to", dest="end", help="last day to include (YYYY-MM-DD)")
    p.add_argument("--out", type=Path, required=True, help="output file: .csv, .parquet or .json")
    lake = p.add_argument_group(
        "Parquet lakes",
        "A folder (hive partitions such as date=2026-01-01/ included), a glob or a Parquet file "
        f"of more than {SCAN_IN_PLACE_ROWS:,} rows is scanned in place, never loaded into memory.",
    )
    lake.add_argument(
        "--engine",
        choices=("duckdb", "spark"),
        help="duckdb: scan Parquet input in place on this machine (out of core); spark: run the "
        "same KPIs on Apache Spark (pip install -e '.[spark]')",
    )
    lake.add_argument(
        "--spark-master",
        default="local[2]",
        help="Spark master: local[n], spark://host:7077, yarn, or Spark Connect sc://host:15002 "
        "(default: local[2])",
    )
    lake.add_argument("--memory-limit", help="DuckDB memory limit, e.g. 4GB (default: 2GB)")
    lake.add_argument("--temp-dir", type=Path, help="where DuckDB spills when over the limit")
    lake.add_argument(
        "--check-all",
        action="store_true",
        help="leave out rows breaking any of the importer's rules (default: only the rules on "
        "the columns the chosen KPIs read, which keeps the scan narrow)",
    )
    return p


def _split(text: str) -> list[str]:
    return [t.strip() for t in text.split(",") if t.strip()]


def run(args: argparse.Namespace) -> int:
    """Read the files, compute, write ``--out``; print unavailable KPIs to stderr."""
    from kpi.engine import compute
    from kpi.metrics import Settings

    suffix = args.out.suffix.lower()
    if suffix not in (".csv", ".parquet", ".json"):
        raise DataError(
            f"Cannot write {args.out.name}: the output must end in .csv, .parquet or .json."
        )
    settings = Settings()
    if args.settings is not None:
        try:
            raw = json.loads(args.settings.read_text())
        except json.JSONDecodeError as err:
            raise AnalysisError(
                f"The settings file {args.settings.name} is not valid JSON (line {err.lineno})."
            ) from err
        if not isinstance(raw, dict):
            raise AnalysisError(f"The settings file {args.settings.name} must hold a JSON object.")
        settings = Settings.from_dict(raw)
    by = _split(args.by)
    lake = lake_inputs(args)
    quarantine: dict[str, Any] | None = None
    if lake is not None:
        table, quarantine = _compute_lake(args, lake, by, settings)
    else:
        table = compute(
            load_inputs(args),
            kpis=_split(args.kpis) or None,
            grain=args.grain,
            by=by,
            settings=settings,
            start=args.start,
            end=args.end,
        )
    frame = table.frame
    args.out.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".csv":
        safe_frame(frame).to_csv(args.out, index=False)
    elif suffix == ".parquet":
        frame.to_parquet(args.out, index=False)
    else:
        out = frame.assign(period=frame["period"].dt.strftime("%Y-%m-%dT%H:%M:%S"))
        payload = {
            "grain": table.grain,
            "by": list(table.by),
            "settings": settings.to_dict(),
            "unavailable": table.unavailable,
            "notes": table.notes,
            "excluded": table.excluded,
            **({"quarantine": quarantine} if quarantine is not None else {}),
            "rows": json.loads(out.to_json(orient="records", force_ascii=False)),
        }
        args.out.write_text(json.dumps(payload, indent=1, ensure_ascii=False))
    for kpi, reason in table.unavailable.items():
        print(f"kpi compute: {kpi} not available: {reason}.", file=sys.stderr)
    for kpi, n in table.excluded.items():
        print(
            f"kpi compute: {kpi}: {table.notes.get(kpi, f'{n:,} rows left out')}.", file=sys.stderr
        )
    print(
        f"kpi compute: wrote {len(frame):,} rows ({len(table.kpis)} KPIs, {table.grain}) to {args.out}",
        file=sys.stderr,
    )
    return 0


def _is_parquet(text: str) -> bool:
    p = Path(text)
    return (
        bool(_URI.match(text))
        or p.is_dir()
        or glob.has_magic(text)
        or p.suffix.lower() in (".parquet", ".parq")
    )


def _rows_in(files: list[str]) -> int:
    """Rows of the Parquet files named (their footers only); 0 when one cannot be read."""
    import pyarrow.parquet as pq

    total = 0
    for f in files:
        try:
            total += pq.ParquetFile(f).metadata.num_rows
        except (OSError, ValueError):
            return 0  # the importer reports it properly
    return total


def lake_inputs(args: argparse.Namespace) -> list[str] | None:
    """The inputs to scan in place (Parquet lake), or None to import the files.

    Scanned in place: ``--engine spark``; or Parquet input with ``--engine duckdb``,
    ``--memory-limit`` or ``--temp-dir``; or a folder, a glob or a URI; or Parquet files of more
    than :data:`SCAN_IN_PLACE_ROWS` rows in all.
    """
    texts = [os.fspath(f) for f in args.files]
    engine = getattr(args, "engine", None)
    forced = engine is not None or bool(
        getattr(args, "memory_limit", None) or getattr(args, "temp_dir", None)
    )
    if not all(_is_parquet(t) for t in texts):
        if engine == "spark" or (forced and engine is None):
            other = next(t for t in texts if not _is_parquet(t))
            raise DataError(
                f"{other} is not Parquet: --engine spark, --memory-limit and --temp-dir scan "
                "Parquet files, folders or globs in place (import other files without them)."
            )
        return None
    if forced or any(_URI.match(t) or Path(t).is_dir() or glob.has_magic(t) for t in texts):
        return texts
    existing = [t for t in texts if Path(t).is_file()]
    if len(existing) == len(texts) and _rows_in(existing) > SCAN_IN_PLACE_ROWS:
        return texts
    return None


def _compute_lake(
    args: argparse.Namespace, paths: list[str], by: list[str], settings: Settings
) -> tuple[KpiTable, dict[str, Any] | None]:
    """KPIs from a Parquet lake (DuckDB or Spark) and its quarantine counts: every rule's rows,
    counted by :func:`kpi.engine.lake.check_lake` when ``--verbose`` or a JSON output shows them
    (None otherwise, and for a remote lake, which DuckDB cannot read without credentials)."""
    from kpi import ingest
    from kpi.engine.lake import check_lake, compute_lake

    mapping = ingest.load_mapping(args.mapping) if args.mapping else None
    common: dict[str, Any] = {
        "kpis": _split(args.kpis) or None,
        "grain": args.grain,
        "by": by,
        "settings": settings,
        "start": args.start,
        "end": args.end,
        "mapping": mapping,
        "check_all": args.check_all,
    }
    duck: dict[str, Any] = {"memory_limit": args.memory_limit or "2GB"}
    if args.temp_dir is not None:
        duck["temp_directory"] = args.temp_dir
    if args.engine == "spark":
        from kpi.engine.spark import compute_spark

        table = compute_spark(paths, master=args.spark_master, **common)
    else:
        table = compute_lake(paths, **common, **duck)
    quarantine: dict[str, Any] | None = None
    if not (args.verbose or args.out.suffix.lower() == ".json"):
        return table, None  # the check is one more scan: only when its counts are shown
    if not any(_URI.match(p) and not p.startswith("file://") for p in paths):
        check = check_lake(paths, mapping=mapping, **duck)
        quarantine = {
            "rows_read": check.rows_read,
            "rows_quarantined": check.rows_quarantined,
            "reasons": check.reasons,
            "left_out_of_kpis": "every rule" if args.check_all else "rules on the columns read",
        }
        if args.verbose:
            print(f"kpi compute: {check.summary()}", file=sys.stderr)
    elif args.verbose:
        print("kpi compute: quarantine counts need a local path (DuckDB).", file=sys.stderr)
    return table, quarantine

"""Arguments and input loading shared by the subcommands that read data files."""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

from kpi.dataset import Dataset

__all__ = ["add_input_args", "load_inputs", "write_json"]


def add_input_args(parser: argparse.ArgumentParser) -> None:
    """FILE... plus --mapping and --verbose, read through the importer."""
    parser.add_argument(
        "files", nargs="+", type=Path, help="export files (CSV, TSV, XLSX, Parquet, JSONL)"
    )
    parser.add_argument(
        "--mapping",
        type=Path,
        help="column mapping JSON (default: auto-mapping; write one with `kpi map`, format in docs/mapping.md)",
    )
    parser.add_argument(
        "--sheet",
        help="Excel sheet to read (default: the sheet that holds the data table, the one with the most rows)",
    )
    parser.add_argument(
        "--verbose", action="store_true", help="print the mapping and the import report to stderr"
    )


def load_inputs(args: argparse.Namespace) -> Dataset:
    """Read ``args.files`` with the importer (the same code the Data page uses)."""
    from kpi import ingest

    mapping = ingest.load_mapping(args.mapping) if getattr(args, "mapping", None) else None
    result = ingest.read_files(
        list(args.files), mapping=mapping, sheet=getattr(args, "sheet", None)
    )
    if getattr(args, "verbose", False):
        print(result.describe(), file=sys.stderr)
    else:  # what the user must hear even without --verbose (a sheet left out, overlaps...)
        for w in result.report.warnings:
            print(f"warning: {w}", file=sys.stderr)
    return result.dataset


def _clean(value: object) -> object:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    if hasattr(value, "item") and callable(value.item):  # numpy scalars
        return _clean(value.item())
    return value


def write_json(payload: object) -> None:
    """Print ``payload`` as JSON on stdout (NaN and infinities written as null)."""
    print(json.dumps(_clean(payload), indent=2, default=str, allow_nan=False))

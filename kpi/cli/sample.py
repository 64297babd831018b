"""``kpi sample --out DIR [--seed N]``: write the simulated sample data set with its truth."""

from __future__ import annotations

import argparse
from pathlib import Path

__all__ = ["add_parser", "run"]


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Register the ``sample`` subcommand."""
    parser = subparsers.add_parser(
        "sample",
        help="write the simulated sample data (contacts.parquet, contacts_excerpt.csv, truth.json)",
        description="Simulate a contact center with planted effects and write the sample files.",
    )
    parser.add_argument(
        "--out", type=Path, required=True, help="output folder (created if missing)"
    )
    parser.add_argument("--seed", type=int, default=7, help="random seed (default: 7)")
    return parser


def run(args: argparse.Namespace) -> int:
    """Write the sample files and print their paths, one a line."""
    from kpi.simulate import write_sample

    for path in write_sample(args.out, seed=args.seed):
        print(path)
    return 0

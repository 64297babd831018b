"""The ``kpi`` command: the library without the UI, for automation and scheduled reports.

Each subcommand lives in ``kpi/cli/<name>.py`` with ``add_parser(subparsers)`` and
``run(args) -> int``. User errors (``KpiLabError``) print one sentence and exit 2, never a
traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from kpi._fastpath import configure_arrow_memory
from kpi.errors import KpiLabError, MissingDateColumn

__all__ = ["main"]

SUBCOMMANDS: tuple[str, ...] = (
    "sample",
    "map",
    "compute",
    "impact",
    "leadlag",
    "staffing",
    "report",
)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand that is installed."""
    parser = argparse.ArgumentParser(
        prog="kpi", description="KPI Lab: contact-center KPIs, relationships and impact tests."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for name in SUBCOMMANDS:
        module = importlib.import_module(f"kpi.cli.{name}")
        p = module.add_parser(sub)
        p.set_defaults(run_command=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``kpi`` console script."""
    configure_arrow_memory()  # before pyarrow loads: see kpi/_fastpath.py
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run_command(args) or 0)
    except KpiLabError as err:
        said = str(err)
        if isinstance(err, MissingDateColumn) and err.candidates and err.target:
            # The fix, as commands: write the auto-mapping, name the date column, read it back.
            said += (
                f" On the command line: kpi map {err.file} --out mapping.json, add "
                f'"{err.target}": "{err.candidates[0]}" to its fields, then run again with '
                "--mapping mapping.json."
            )
        print(f"kpi {args.command}: {said}", file=sys.stderr)
        return 2
    except (FileNotFoundError, IsADirectoryError, PermissionError) as err:
        print(f"kpi {args.command}: cannot read {err.filename}: {err.strerror}.", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

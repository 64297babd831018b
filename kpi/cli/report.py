"""``kpi report``: the standard weekly report as HTML, PowerPoint or Excel, for cron.

Example::

    kpi report exports/*.csv --config report.json --out week.html
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kpi.cli.common import add_input_args, load_inputs, write_json
from kpi.errors import DataError

__all__ = ["add_parser", "run"]


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Register ``kpi report``."""
    parser = subparsers.add_parser(
        "report",
        help="build the weekly KPI report (.html, .pptx or .xlsx)",
        description=(
            "The standard weekly report: core KPIs for the last complete week vs the week "
            "before, with targets, the alerts that fired and the changes beyond day-to-day "
            "noise. The config JSON is documented in kpi.report.weekly_report."
        ),
    )
    add_input_args(parser)
    parser.add_argument(
        "--config", type=Path, help="report config JSON (kpis, targets, triggers, segment, title)"
    )
    parser.add_argument(
        "--out",
        type=Path,
        required=True,
        help="output file; its suffix picks the format: .html, .pptx or .xlsx",
    )
    parser.add_argument(
        "--title", help="report title (default: the config's, or 'Weekly KPI report')"
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="also print the findings (title, sentence, numbers) as JSON",
    )
    return parser


def _read_config(path: Path | None) -> dict:
    if path is None:
        return {}
    try:
        config = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise DataError(
            f"The report config {path} is not valid JSON (line {err.lineno}: {err.msg})."
        ) from err
    if not isinstance(config, dict):
        raise DataError(
            f'The report config {path} must be a JSON object such as {{"kpis": [...]}}.'
        )
    return config


def run(args: argparse.Namespace) -> int:
    """Build the report and write it to ``--out``."""
    from kpi import report

    suffix = args.out.suffix.lower().lstrip(".")
    if suffix not in report.FORMATS:
        raise DataError(
            f"Cannot write {args.out.name}: the output must end in .html, .pptx or .xlsx."
        )
    config = _read_config(args.config)
    dataset = load_inputs(args)
    findings = report.weekly_report(dataset, config)
    week = report.resolve_week(dataset, config)
    title = args.title or config.get("title") or "Weekly KPI report"
    subtitle = f"{dataset.name} · {week.describe()}"
    kpi_table = None
    if suffix == "xlsx":
        # The workbook carries the daily KPI table of the two weeks compared.
        kpi_table = report.weekly_kpi_table(dataset, config)
    report.write_report(findings, args.out, title=title, subtitle=subtitle, kpi_table=kpi_table)
    print(
        f"kpi report: wrote {args.out} ({len(findings)} findings, {week.describe()}).",
        file=sys.stderr,
    )
    if args.json:
        write_json(
            [
                {
                    "kind": f.kind,
                    "title": f.title,
                    "sentence": f.sentence,
                    "numbers": dict(f.numbers),
                    "scope": f.scope,
                }
                for f in findings
            ]
        )
    return 0

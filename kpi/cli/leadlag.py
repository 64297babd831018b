"""``kpi leadlag``: which KPIs move before an outcome KPI, and by how many days.

Example::

    kpi leadlag exports/*.csv --outcome csat --max-lag 14 --grain day --json
"""

from __future__ import annotations

import argparse
import math

import pandas as pd

from kpi.cli.common import add_input_args, load_inputs, write_json
from kpi.errors import AnalysisError

__all__ = ["add_parser", "run"]

_PRINTED = ("kpi", "role", "best_lag", "ccf_at_best_lag", "p_adj", "default_role")


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Register ``kpi leadlag``."""
    parser = subparsers.add_parser(
        "leadlag",
        help="leading vs lagging KPIs for one outcome (cross-correlation + Granger)",
        description=(
            "For each driver KPI: pre-whitened cross-correlation at lags -k..k and Granger tests "
            "both ways (BH-adjusted across drivers); role leading / coincident / lagging / no "
            "evidence beside the textbook role."
        ),
    )
    add_input_args(parser)
    parser.add_argument(
        "--outcome", required=True, help="outcome KPI id (e.g. csat, nps, contacts)"
    )
    parser.add_argument(
        "--drivers", help="comma-separated driver KPI ids (default: every other available KPI)"
    )
    parser.add_argument(
        "--max-lag", type=int, default=14, help="largest lag in periods (default 14)"
    )
    parser.add_argument(
        "--grain", choices=("day", "week"), default="day", help="period (default day)"
    )
    parser.add_argument("--json", action="store_true", help="print the rows and warnings as JSON")
    return parser


def run(args: argparse.Namespace) -> int:
    """Compute the KPIs by period with ``kpi.engine`` and print the lead-lag table."""
    from kpi import engine
    from kpi.analysis.leadlag import analyze

    dataset = load_inputs(args)
    table = engine.compute(dataset, grain=args.grain)
    wide = table.wide()
    if args.outcome not in wide.columns:
        reason = getattr(table, "unavailable", {}).get(args.outcome)
        if reason:
            raise AnalysisError(
                f"The outcome {args.outcome!r} cannot be computed on this data: {reason}."
            )
        raise AnalysisError(
            f"Unknown outcome {args.outcome!r}; pick one of: "
            f"{', '.join(c for c in wide.columns if c != 'date')}."
        )
    drivers = [d.strip() for d in args.drivers.split(",") if d.strip()] if args.drivers else None
    result = analyze(wide, args.outcome, drivers, args.max_lag)
    if args.json:
        write_json(
            {
                "outcome": result.outcome,
                "grain": result.grain,
                "max_lag": result.max_lag,
                "summary": result.summary,
                "rows": _records(result.table),
                "warnings": list(result.warnings),
            }
        )
        return 0
    print(result.summary)
    widths = {c: max(len(c), *(len(_cell(v)) for v in result.table[c])) for c in _PRINTED}
    print("  ".join(c.ljust(widths[c]) for c in _PRINTED))
    for rec in result.table.to_dict("records"):
        print("  ".join(_cell(rec[c]).ljust(widths[c]) for c in _PRINTED))
    for warning in result.warnings:
        print(f"! {warning}")
    return 0


def _records(table: pd.DataFrame) -> list[dict[str, object]]:
    rows = table.astype(object).to_dict("records")
    return [{str(k): (None if _missing(v) else v) for k, v in row.items()} for row in rows]


def _missing(value: object) -> bool:
    if value is None or isinstance(value, str | bool):
        return value is None
    return bool(pd.isna(value))  # type: ignore[call-overload]  # a scalar cell, never a frame


def _cell(value: object) -> str:
    if _missing(value):
        return ""
    if isinstance(value, float):
        return f"{value:.3g}" if math.isfinite(value) else ""
    return str(value)

"""``kpi impact``: did a change shift a KPI? Interrupted time series (DiD with a control).

Example::

    kpi impact sample_data/contacts.parquet --kpi abandonment_rate --change 2026-04-27 \\
        --segment queue=Billing --control queue=Sales --json
"""

from __future__ import annotations

import argparse

from kpi.cli.common import add_input_args, load_inputs, write_json
from kpi.errors import AnalysisError

__all__ = ["add_parser", "run"]


def _pair(text: str | None, flag: str) -> dict[str, str] | None:
    if not text:
        return None
    col, sep, value = text.partition("=")
    if not sep or not col.strip() or not value.strip():
        raise AnalysisError(
            f"{flag} must look like COLUMN=VALUE (e.g. queue=Billing), not {text!r}."
        )
    return {col.strip(): value.strip()}


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Register ``kpi impact``."""
    parser = subparsers.add_parser(
        "impact",
        help="did a change shift a KPI? (interrupted time series, DiD with a control)",
        description=(
            "Segmented regression of the daily KPI with a post-change step, trend, weekday "
            "effects and AR(1) errors; with --control, the same model on treated minus control."
        ),
    )
    add_input_args(parser)
    parser.add_argument("--kpi", required=True, help="KPI id (e.g. abandonment_rate)")
    parser.add_argument("--change", required=True, help="first day of the change (YYYY-MM-DD)")
    parser.add_argument("--segment", help="segment under test, COLUMN=VALUE (e.g. queue=Billing)")
    parser.add_argument(
        "--control", help="control segment, COLUMN=VALUE (same column as --segment)"
    )
    parser.add_argument(
        "--where",
        action="append",
        default=[],
        metavar="COLUMN=VALUE",
        help="keep only these contacts, for treated and control alike (repeatable, e.g. "
        "--where channel=phone when the change touched one channel)",
    )
    parser.add_argument(
        "--alpha", type=float, default=0.05, help="significance level (default 0.05)"
    )
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    return parser


def run(args: argparse.Namespace) -> int:  # noqa: C901 -- ratchet (#17): split or fix pending
    """Compute the daily KPI with ``kpi.engine`` and print the ITS / DiD result."""
    from kpi import engine
    from kpi.analysis.impact import its_from_table, minimum_detectable_effect

    segment = _pair(args.segment, "--segment")
    control = _pair(args.control, "--control")
    if control and segment and set(control) != set(segment):
        raise AnalysisError(
            "--control must use the same column as --segment (e.g. both queue=...)."
        )
    if control and not segment:
        raise AnalysisError("--control needs a --segment to compare against.")
    by = list(segment) if segment else []
    where: dict[str, list[str]] = {}
    for text in args.where:
        pair = _pair(text, "--where") or {}
        for col, value in pair.items():
            if col in by:
                raise AnalysisError(
                    f"--where {text} filters the column that --segment compares: drop it."
                )
            where.setdefault(col, []).append(value)
    dataset = load_inputs(args)
    missing = [c for c in where if c not in dataset.frame.columns]
    if missing:
        raise AnalysisError(
            f"--where names column {missing[0]!r}, which this data does not have "
            f"(columns: {', '.join(map(str, dataset.frame.columns))})."
        )
    table = engine.compute(dataset, kpis=[args.kpi], grain="day", by=by, filters=where or None)
    if args.kpi in table.unavailable:
        raise AnalysisError(
            f"{args.kpi!r} cannot be computed on this data: {table.unavailable[args.kpi]}."
        )
    result = its_from_table(
        table, args.kpi, args.change, segment=segment, control=control, alpha=args.alpha
    )
    if args.json:
        payload = result.to_dict()
        from kpi.analysis.impact import daily_series

        values, _ = daily_series(table, args.kpi, segment)
        try:
            power = minimum_detectable_effect(values, args.change, kpi=args.kpi)
            payload["mde_80"] = power.mde
        except AnalysisError:
            payload["mde_80"] = None
        write_json(payload)
    else:
        if where:
            print("contacts: " + "; ".join(f"{c} = {' or '.join(v)}" for c, v in where.items()))
        print(result.summary)
        print(
            f"effect {result.effect:.6g}  CI [{result.ci_low:.6g}, {result.ci_high:.6g}]  "
            f"p = {result.p_value:.3g}  ({result.method}; {result.n_before} days before, "
            f"{result.n_after} after)"
        )
        for w in result.warnings:
            print(f"warning: {w}")
    return 0

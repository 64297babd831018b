"""``kpi impact``: did a change shift a KPI? Interrupted time series, DiD with one control, or a
counterfactual from several comparison segments.

Example::

    kpi impact sample_data/contacts.parquet --kpi abandonment_rate --change 2026-04-27 \\
        --segment queue=Billing --controls queue=Sales,queue=General --where channel=phone --json
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
        "--controls",
        metavar="COLUMN=VALUE,...",
        help="several comparison segments the change did not reach, comma-separated (e.g. "
        "queue=Sales,queue=General): the KPI is modelled on them before the change and "
        "projected past it",
    )
    parser.add_argument(
        "--grain",
        choices=["day", "week", "month"],
        default="day",
        help="grain of the series (default day)",
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


def _segments(
    args: argparse.Namespace,
) -> tuple[dict[str, str] | None, dict[str, str] | None, list[dict[str, str]]]:
    segment = _pair(args.segment, "--segment")
    control = _pair(args.control, "--control")
    controls = [
        _pair(item, "--controls") or {} for item in (args.controls or "").split(",") if item.strip()
    ]
    for other in ([control] if control else []) + controls:
        if segment and set(other) != set(segment):
            raise AnalysisError(
                "--control and --controls must use the same column as --segment (e.g. all queue=...)."
            )
        if not segment:
            raise AnalysisError("--control and --controls need a --segment to compare against.")
    if control and controls:
        raise AnalysisError("Give --control (one) or --controls (several), not both.")
    return segment, control, controls


def _filters(args: argparse.Namespace, by: list[str]) -> dict[str, list[str]]:
    where: dict[str, list[str]] = {}
    for text in args.where:
        pair = _pair(text, "--where") or {}
        for col, value in pair.items():
            if col in by:
                raise AnalysisError(
                    f"--where {text} filters the column that --segment compares: drop it."
                )
            where.setdefault(col, []).append(value)
    return where


def run(args: argparse.Namespace) -> int:
    """Compute the KPI series with ``kpi.engine`` and print the ITS / DiD / counterfactual."""
    from kpi import engine
    from kpi.analysis.impact import daily_series, its_from_table, minimum_detectable_effect

    segment, control, controls = _segments(args)
    by = list(segment) if segment else []
    where = _filters(args, by)
    dataset = load_inputs(args)
    missing = [c for c in where if c not in dataset.frame.columns]
    if missing:
        raise AnalysisError(
            f"--where names column {missing[0]!r}, which this data does not have "
            f"(columns: {', '.join(map(str, dataset.frame.columns))})."
        )
    table = engine.compute(dataset, kpis=[args.kpi], grain=args.grain, by=by, filters=where or None)
    if args.kpi in table.unavailable:
        raise AnalysisError(
            f"{args.kpi!r} cannot be computed on this data: {table.unavailable[args.kpi]}."
        )
    result = its_from_table(
        table,
        args.kpi,
        args.change,
        segment=segment,
        control=control,
        controls=controls,
        alpha=args.alpha,
    )
    if args.json:
        payload = result.to_dict()
        values, _ = daily_series(table, args.kpi, segment)
        try:
            payload["mde_80"] = minimum_detectable_effect(values, args.change, kpi=args.kpi).mde
        except AnalysisError:
            payload["mde_80"] = None
        write_json(payload)
        return 0
    if where:
        print("contacts: " + "; ".join(f"{c} = {' or '.join(v)}" for c, v in where.items()))
    print(result.summary)
    print(
        f"effect {result.effect:.6g}  CI [{result.ci_low:.6g}, {result.ci_high:.6g}]  "
        f"p = {result.p_value:.3g}  ({result.method}; {result.n_before} {result.grain}s before, "
        f"{result.n_after} after)"
    )
    for w in result.warnings:
        print(f"warning: {w}")
    return 0

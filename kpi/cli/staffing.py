"""``kpi staffing``: agents, service level and cost of the last complete month, and a what-if.

Examples::

    kpi staffing contacts.parquet --interval 30 --sl 0.8 --threshold 20
    kpi staffing contacts.parquet --aht-minutes 5 --fcr 0.61 --cost-per-hour 32 --json
    kpi staffing contacts.parquet --seed-scenario      # AHT 8 -> 5 min with FCR 78% -> 61%
"""

from __future__ import annotations

import argparse
from dataclasses import asdict, replace

from kpi.cli.common import add_input_args, load_inputs, write_json
from kpi.errors import AnalysisError

__all__ = ["add_parser", "run"]


def _rate(text: str) -> float:
    """A share given as 0.8 or as 80%."""
    percent = text.strip().endswith("%")
    try:
        value = float(text.strip().rstrip("%"))
    except ValueError as err:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from err
    return value / 100.0 if percent else value


def _check_shares(args: argparse.Namespace) -> None:
    names = {
        "sl": "--sl",
        "shrinkage": "--shrinkage",
        "fcr": "--fcr",
        "baseline_fcr": "--baseline-fcr",
    }
    for attr, flag in names.items():
        value = getattr(args, attr)
        if value is not None and not 0 <= value <= 1:
            raise AnalysisError(
                f"{flag} {value:g} is not a share: give a value between 0 and 1 (e.g. 0.8) or a "
                "percentage (80%)."
            )


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Register ``kpi staffing``."""
    p = subparsers.add_parser(
        "staffing",
        help="agents needed (Erlang C/A) and the cost of a change in AHT, FCR or volume",
        description=(
            "Staff the data's last complete month interval by interval (Erlang C for the "
            "target, Erlang A for abandonment) and compare a scenario: new AHT, FCR (repeat "
            "calls follow), volume, shrinkage and cost per agent-hour."
        ),
    )
    add_input_args(p)
    p.add_argument("--interval", type=int, default=30, choices=(15, 30, 60), help="minutes")
    p.add_argument("--sl", type=_rate, default=0.8, help="service-level target (default 0.8)")
    p.add_argument("--threshold", type=float, default=20.0, help="SL threshold, seconds")
    p.add_argument("--asa", type=float, help="average-speed-of-answer target, seconds")
    p.add_argument("--shrinkage", type=_rate, default=0.3, help="share of paid time off the phones")
    p.add_argument("--cost-per-hour", type=float, default=30.0, help="cost of an agent-hour")
    p.add_argument("--currency", default="€", help="currency symbol or code (default €)")
    p.add_argument("--channel", default="phone", help="channel to staff (default phone; 'all')")
    p.add_argument("--queue", help="one queue (default: every queue, each staffed alone)")
    p.add_argument("--aht-minutes", type=float, help="scenario AHT, minutes")
    p.add_argument("--fcr", type=_rate, help="scenario first-contact resolution")
    p.add_argument("--volume-change", type=float, default=0.0, help="e.g. 0.1 = 10%% more calls")
    p.add_argument("--baseline-aht-minutes", type=float, help="baseline AHT (default: the data)")
    p.add_argument("--baseline-fcr", type=_rate, help="baseline FCR (default: the data)")
    p.add_argument(
        "--seed-scenario",
        action="store_true",
        help="the seed story: baseline AHT 8 min / FCR 78%%, scenario 5 min / 61%%",
    )
    p.add_argument("--json", action="store_true", help="print the comparison as JSON")
    return p


def run(args: argparse.Namespace) -> int:
    """Load the files, build the month's workload, run the what-if, print it."""
    from kpi.analysis import staffing

    _check_shares(args)
    if args.volume_change <= -1:
        raise AnalysisError("The volume change must be above -1 (that is, above -100%).")
    if args.threshold < 0:
        raise AnalysisError("The service-level threshold must be 0 seconds or more.")
    dataset = load_inputs(args)
    channel = None if args.channel in ("", "all") else args.channel
    workload = staffing.month_workload(dataset, args.interval, channel=channel, queue=args.queue)
    common = staffing.Scenario(
        shrinkage=args.shrinkage,
        service_level=args.sl,
        threshold_seconds=args.threshold,
        asa_seconds=args.asa,
        cost_per_agent_hour=args.cost_per_hour,
        currency=args.currency,
    )
    if args.seed_scenario:
        baseline, scenario = staffing.seed_scenarios(common)
    else:
        baseline = replace(
            common, name="Baseline", aht_minutes=args.baseline_aht_minutes, fcr=args.baseline_fcr
        )
        scenario = replace(
            common,
            name="Scenario",
            aht_minutes=args.aht_minutes,
            fcr=args.fcr,
            volume_change=args.volume_change,
        )
    result = staffing.what_if(workload, baseline, scenario)
    if args.json:
        write_json(
            {
                "month": result.month,
                "channel": result.channel,
                "queue": result.queue,
                "interval_minutes": result.interval_minutes,
                "summary": result.summary(),
                "saving_survives": result.saving_survives,
                "baseline": asdict(result.baseline),
                "aht_change_only": asdict(result.aht_change_only),
                "scenario": asdict(result.scenario),
                "repeat_model": asdict(workload.repeats),
                "warnings": list(result.warnings),
            }
        )
        return 0
    print(result.summary())
    print(staffing.comparison_table(result).to_string(index=False))
    for warning in result.warnings:
        print(f"! {warning}")
    return 0

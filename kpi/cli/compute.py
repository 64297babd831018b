"""``kpi compute``: KPIs by period and segment from export files, as CSV, Parquet or JSON.

kpi compute contacts.csv --grain week --by queue --kpis fcr,aht --out kpis.csv
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pandas as pd

from kpi.cli.common import add_input_args, load_inputs
from kpi.engine.validate import GRAINS
from kpi.errors import AnalysisError, DataError

__all__ = ["add_parser", "neutralise_formulas", "run"]

_FORMULA_START = ("=", "+", "-", "@")


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
    p.add_argument("--start", help="first day to include (YYYY-MM-DD)")
    p.add_argument("--end", help="last day to include (YYYY-MM-DD)")
    p.add_argument("--out", type=Path, required=True, help="output file: .csv, .parquet or .json")
    return p


def _split(text: str) -> list[str]:
    return [t.strip() for t in text.split(",") if t.strip()]


def neutralise_formulas(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Prefix text cells that a spreadsheet would run as a formula (= + - @) with a quote."""
    out = frame.copy()
    for c in columns:
        s = out[c].astype("string")
        risky = s.str.startswith(_FORMULA_START).fillna(False)
        out[c] = s.where(~risky, "'" + s)
    return out


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
    dataset = load_inputs(args)
    by = _split(args.by)
    table = compute(
        dataset,
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
        neutralise_formulas(frame, [*by, "kpi"]).to_csv(args.out, index=False)
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

"""``kpi map``: write the auto-mapping of export files, with the evidence for each choice.

The file format is documented in docs/mapping.md (JSON Schema: docs/mapping.schema.json); edit
the file and pass it back with ``--mapping`` to any subcommand that reads data.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

__all__ = ["add_parser", "run"]

DOC = "docs/mapping.md"


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:  # type: ignore[type-arg]
    p = sub.add_parser(
        "map",
        help="write the auto-mapping of export files (with evidence) to a JSON file",
        description=(
            "Map export files onto KPI Lab's canonical columns with no input and write the "
            "mapping with the evidence for each choice (header match, unit, sample values), the "
            "outcome value rule, date order and grain. Edit it and pass it back with --mapping. "
            f"Format: {DOC} (JSON Schema: docs/mapping.schema.json)."
        ),
    )
    p.add_argument("files", nargs="+", type=Path, help="export files (CSV, TSV, XLSX, ODS, ...)")
    p.add_argument("--out", type=Path, help="where to write the mapping (default: stdout)")
    p.add_argument(
        "--sheet",
        help="workbook sheet to read (default: the sheet that holds the data table, the one with the most rows)",
    )
    return p


def run(args: argparse.Namespace) -> int:
    from kpi import ingest

    mapping, evidence, notes = ingest.propose_mapping(list(args.files), sheet=args.sheet)
    data = mapping.to_dict() | {"evidence": evidence, "notes": list(notes)}
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if args.out is None:
        print(text, end="")
    else:
        args.out.write_text(text, encoding="utf-8")
    return 0

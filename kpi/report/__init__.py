"""Findings for the meeting: export pinned results as HTML, PowerPoint, Excel, PNG or SVG.

Every exporter works offline (charts are rendered by vl-convert, never fetched) and treats text
from the user's data as hostile: it is HTML-escaped in the page, and formula-looking strings are
neutralised in spreadsheets (:func:`safe_cell`, :func:`safe_frame`, reusable for CSV downloads).

``weekly_report`` builds the standard weekly report without the UI (the ``kpi report`` command).
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kpi.errors import DataError
from kpi.findings import Finding
from kpi.report.export import (
    chart_png,
    chart_svg,
    export_bytes,
    png_size,
    sheet_name,
    to_html,
    to_pptx,
    to_xlsx,
)
from kpi.report.safe import FORMULA_PREFIXES, safe_cell, safe_frame
from kpi.report.weekly import DEFAULT_CONFIG, Week, resolve_week, weekly_kpi_table, weekly_report

__all__ = [
    "DEFAULT_CONFIG",
    "FORMULA_PREFIXES",
    "FORMATS",
    "chart_png",
    "chart_svg",
    "dedupe_ids",
    "export_bytes",
    "png_size",
    "resolve_week",
    "safe_cell",
    "safe_frame",
    "sheet_name",
    "to_html",
    "to_pptx",
    "to_xlsx",
    "Week",
    "weekly_kpi_table",
    "weekly_report",
    "write_report",
]

FORMATS: dict[str, str] = {
    "html": "text/html",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def write_report(
    findings: Sequence[Finding],
    path: str | Path,
    *,
    title: str,
    subtitle: str = "",
    kpi_table: Any = None,
) -> Path:
    """Write the report to ``path``; the format follows the suffix (.html, .pptx or .xlsx).

    Raises
    ------
    DataError
        when the suffix is not one of the three formats.
    """
    path = Path(path)
    if not path.parent.is_dir():
        raise DataError(f"Cannot write {path}: the folder {path.parent} does not exist.")
    data = export_bytes(findings, path.suffix, title=title, subtitle=subtitle, kpi_table=kpi_table)
    path.write_bytes(data)
    return path


def dedupe_ids(findings: Sequence[Finding]) -> list[Finding]:
    """The findings with unique ids: a finding pinned twice gets a fresh id for its copy.

    Reordering, removing and notes work by id, so two entries must never share one.
    """
    seen: set[str] = set()
    out = []
    for finding in findings:
        if finding.id in seen:
            finding = dataclasses.replace(finding, id=uuid.uuid4().hex[:12])
        seen.add(finding.id)
        out.append(finding)
    return out

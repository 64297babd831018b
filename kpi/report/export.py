"""Exporters: findings -> a self-contained HTML page, a PowerPoint deck, an Excel workbook.

Charts are rendered by :mod:`kpi.report.render`, the deck is built by :mod:`kpi.report.slides`;
this module writes the HTML page and the workbook and dispatches by format.
"""

from __future__ import annotations

import base64
import html
import io
import re
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from kpi.errors import AnalysisError, DataError
from kpi.findings import Finding
from kpi.report.render import EXPORT_WIDTH, chart_png, chart_svg, fixed_width, png_size
from kpi.report.safe import format_value, safe_frame, xml_text
from kpi.report.slides import default_subtitle, to_pptx

__all__ = [
    "EXPORT_WIDTH",
    "KIND_LABELS",
    "chart_png",
    "chart_svg",
    "export_bytes",
    "fixed_width",
    "png_size",
    "sheet_name",
    "to_html",
    "to_pptx",
    "to_xlsx",
]

KIND_LABELS: dict[str, str] = {
    "kpi_cards": "KPIs",
    "trend": "Trend",
    "breakdown": "Breakdown",
    "signal": "Conflicting signal",
    "correlation": "Relationship",
    "impact": "Impact of a change",
    "leadlag": "Leading / lagging",
    "staffing": "Staffing what-if",
    "table": "Table",
}

_HTML_TABLE_ROWS = 200


# ----------------------------------------------------------------------------------------- HTML
_CSS = """
:root { --ink:#1f2933; --muted:#616e7c; --line:#d9e2ec; --accent:#2563eb; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial,
  sans-serif; color: var(--ink); background: #f5f7fa; }
main { max-width: 980px; margin: 0 auto; padding: 32px 24px 64px; }
header.report h1 { margin: 0 0 4px; font-size: 30px; }
header.report p { margin: 0; color: var(--muted); }
nav ol { padding-left: 20px; color: var(--muted); }
nav a { color: var(--accent); text-decoration: none; }
section.finding { background: #fff; border: 1px solid var(--line); border-radius: 10px;
  padding: 24px 28px; margin: 24px 0; }
.kind { margin: 0; font-size: 12px; letter-spacing: .06em; text-transform: uppercase;
  color: var(--muted); }
section.finding h2 { margin: 4px 0 8px; font-size: 22px; }
.sentence { font-size: 18px; margin: 0 0 16px; }
figure { margin: 0 0 16px; text-align: center; }
figure img { max-width: 100%; height: auto; }
dl.numbers { display: flex; flex-wrap: wrap; gap: 12px; margin: 0 0 16px; }
dl.numbers div { border: 1px solid var(--line); border-radius: 8px; padding: 8px 12px;
  min-width: 120px; }
dl.numbers dt { font-size: 12px; color: var(--muted); }
dl.numbers dd { margin: 0; font-size: 20px; font-weight: 600; }
.note { background: #fffbea; border-left: 4px solid #f0b429; padding: 8px 12px;
  white-space: pre-wrap; margin: 0 0 16px; }
details { margin: 0 0 12px; }
table { border-collapse: collapse; font-size: 13px; margin-top: 8px; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 10px; text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
footer.scope { font-size: 12px; color: var(--muted); border-top: 1px solid var(--line);
  padding-top: 8px; }
.missing { color: var(--muted); font-style: italic; }
@media print {
  body { background: #fff; }
  nav { display: none; }
  section.finding { break-inside: avoid; break-after: page; border: none; }
  details { display: none; }
}
"""

# Defence in depth on top of escaping: the page can run no script and load nothing from
# anywhere; images are data: URIs and the style sheet is inline.
_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"


def _esc(text: Any) -> str:
    return html.escape("" if text is None else str(text), quote=True)


def _html_table(frame: pd.DataFrame) -> str:
    shown = frame.head(_HTML_TABLE_ROWS)
    if not isinstance(shown.index, pd.RangeIndex):
        shown = shown.reset_index()
    numeric = [pd.api.types.is_numeric_dtype(shown[c]) for c in shown.columns]
    head = "".join(f"<th>{_esc(c)}</th>" for c in shown.columns)
    rows = []
    for values in shown.itertuples(index=False, name=None):
        cells = "".join(
            f'<td class="num">{_esc(format_value(v))}</td>'
            if is_num
            else f"<td>{_esc(format_value(v))}</td>"
            for v, is_num in zip(values, numeric, strict=True)
        )
        rows.append(f"<tr>{cells}</tr>")
    more = (
        f"<p class='missing'>First {_HTML_TABLE_ROWS} of {len(frame):,} rows.</p>"
        if len(frame) > _HTML_TABLE_ROWS
        else ""
    )
    return (
        f"<details><summary>Table ({len(frame):,} rows)</summary>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>{more}"
        "</details>"
    )


def _html_figure(finding: Finding) -> str:
    if not finding.chart:
        return ""
    try:
        svg = chart_svg(finding.chart)
    except AnalysisError as err:
        return f"<p class='missing'>{_esc(err)}</p>"
    # As an <img> the SVG is inert: a browser never runs script or loads links inside it.
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return (
        f'<figure><img src="data:image/svg+xml;base64,{data}" '
        f'alt="{_esc("Chart: " + finding.title)}"></figure>'
    )


def _html_finding(number: int, finding: Finding) -> str:
    numbers = "".join(
        f"<div><dt>{_esc(label)}</dt><dd>{_esc(value)}</dd></div>"
        for label, value in finding.numbers
    )
    parts = [
        f'<section class="finding" id="finding-{number}">',
        f'<p class="kind">{number} · {_esc(KIND_LABELS.get(finding.kind, finding.kind))}</p>',
        f"<h2>{_esc(finding.title)}</h2>",
        f'<p class="sentence">{_esc(finding.sentence)}</p>',
        _html_figure(finding),
        f'<dl class="numbers">{numbers}</dl>' if numbers else "",
        f'<p class="note"><strong>Note:</strong> {_esc(finding.note)}</p>'
        if finding.note.strip()
        else "",
        _html_table(finding.table)
        if isinstance(finding.table, pd.DataFrame) and not finding.table.empty
        else "",
        f'<footer class="scope">{_esc(finding.scope)}</footer>' if finding.scope else "",
        "</section>",
    ]
    return "\n".join(p for p in parts if p)


def to_html(findings: Sequence[Finding], *, title: str, subtitle: str = "") -> str:
    """The report as one self-contained HTML page (opens offline, no script, nothing external).

    Each finding is a section: its kind, title, sentence, chart (an SVG rendered by vl-convert,
    embedded as a ``data:`` image), numbers, note, table (folded, first 200 rows) and scope.
    Every text from the findings is HTML-escaped; a Content-Security-Policy forbids scripts and
    any network access.

    Parameters
    ----------
    findings : the findings in report order.
    title : the report's title (first heading and ``<title>``).
    subtitle : a line under the title; default "N findings · generated <date>".

    Returns
    -------
    The HTML document as text (UTF-8 when saved).
    """
    findings = list(findings)
    subtitle = subtitle or default_subtitle(len(findings))
    toc = "".join(
        f'<li><a href="#finding-{i}">{_esc(f.title)}</a></li>'
        for i, f in enumerate(findings, start=1)
    )
    body = (
        "\n".join(_html_finding(i, f) for i, f in enumerate(findings, start=1))
        if findings
        else "<p class='missing'>No findings were pinned to this report.</p>"
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="KPI Lab">\n'
        f"<title>{_esc(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n<main>\n"
        f'<header class="report"><h1>{_esc(title)}</h1><p>{_esc(subtitle)}</p></header>\n'
        + (f"<nav><ol>{toc}</ol></nav>\n" if len(findings) > 1 else "")
        + body
        + "\n</main>\n</body>\n</html>\n"
    )


# ----------------------------------------------------------------------------------------- XLSX
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_MAX_SHEET = 31
_MAX_ROWS = 1_048_575  # Excel's row limit minus the header


def sheet_name(wanted: str, taken: set[str]) -> str:
    """A valid, unique Excel sheet name (<= 31 chars, no ``[]:*?/\\``, not quoted at the ends)."""
    name = _SHEET_FORBIDDEN.sub(" ", xml_text(wanted))
    name = re.sub(r"\s+", " ", name).strip().strip("'").strip() or "Sheet"
    name = name[:_MAX_SHEET].rstrip().rstrip("'") or "Sheet"
    candidate, n = name, 1
    while candidate.casefold() in taken:  # Excel compares sheet names case-insensitively
        n += 1
        suffix = f" ({n})"
        candidate = name[: _MAX_SHEET - len(suffix)].rstrip() + suffix
    taken.add(candidate.casefold())
    return candidate


def _excel_ready(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame
    if not isinstance(out.index, pd.RangeIndex):
        out = out.reset_index()
    if isinstance(out.columns, pd.MultiIndex):
        out = out.set_axis([" / ".join(map(str, c)) for c in out.columns], axis=1)
    out = out.head(_MAX_ROWS)
    out = safe_frame(out)
    for i in range(out.shape[1]):
        col = out.iloc[:, i]
        if isinstance(col.dtype, pd.DatetimeTZDtype):
            out.isetitem(i, col.dt.tz_localize(None))  # Excel has no time zones
        elif pd.api.types.is_object_dtype(col.dtype):
            cleaned = [xml_text(v) if isinstance(v, str) else v for v in col.tolist()]
            out.isetitem(i, np.array(cleaned, dtype=object))
    out.columns = [xml_text(c) for c in out.columns]
    return out


def _autosize(sheet: Any, frame: pd.DataFrame) -> None:
    from openpyxl.utils import get_column_letter

    sample = frame.head(200)
    for i, column in enumerate(frame.columns, start=1):
        width = max([len(str(column))] + [len(format_value(v)) for v in sample.iloc[:, i - 1]])
        sheet.column_dimensions[get_column_letter(i)].width = min(max(width + 2, 8), 60)
    sheet.freeze_panes = "A2"


def _kpi_frame(kpi_table: Any) -> pd.DataFrame | None:
    if kpi_table is None:
        return None
    if isinstance(kpi_table, pd.DataFrame):
        return kpi_table
    frame = getattr(kpi_table, "frame", None)
    if isinstance(frame, pd.DataFrame):
        return frame
    raise TypeError("kpi_table must be a KpiTable or a DataFrame")


def to_xlsx(findings: Sequence[Finding], kpi_table: Any = None) -> bytes:
    """The report as an Excel workbook (openpyxl).

    Sheets, in order:

    - ``Findings``: one row per finding with columns ``number, kind, title, sentence, numbers,
      scope, note, sheet`` (``numbers`` = "label: value" lines; ``sheet`` = its table's sheet).
    - ``KPI table`` (when ``kpi_table`` is given): the tidy KPI table (``period, <segments>,
      kpi, value, numerator, denominator, ci_low, ci_high`` for a ``KpiTable``).
    - one sheet per finding that has a table, named "<number> <title>" (sanitised, unique).

    Text cells that look like formulas are neutralised (:func:`safe_cell`); numbers stay
    numbers, so ``pandas.read_excel`` reads back the same values.

    Parameters
    ----------
    findings : the findings in report order.
    kpi_table : a ``kpi.engine.KpiTable`` or a DataFrame, optional.

    Returns
    -------
    The .xlsx file as bytes.
    """
    from openpyxl.styles import Alignment, Font

    findings = list(findings)
    taken: set[str] = set()
    index_name = sheet_name("Findings", taken)
    kpi_frame = _kpi_frame(kpi_table)
    kpi_name = sheet_name("KPI table", taken) if kpi_frame is not None else None
    table_sheets: list[tuple[str, pd.DataFrame]] = []
    rows = []
    for number, finding in enumerate(findings, start=1):
        name = ""
        if isinstance(finding.table, pd.DataFrame):
            name = sheet_name(f"{number} {finding.title}", taken)
            table_sheets.append((name, finding.table))
        rows.append(
            {
                "number": number,
                "kind": finding.kind,
                "title": finding.title,
                "sentence": finding.sentence,
                "numbers": "\n".join(f"{label}: {value}" for label, value in finding.numbers),
                "scope": finding.scope,
                "note": finding.note,
                "sheet": name,
            }
        )
    index = pd.DataFrame(
        rows,
        columns=["number", "kind", "title", "sentence", "numbers", "scope", "note", "sheet"],
    )

    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        ready = _excel_ready(index)
        ready.to_excel(writer, sheet_name=index_name, index=False)
        sheet = writer.sheets[index_name]
        widths = {"A": 8, "B": 12, "C": 36, "D": 60, "E": 36, "F": 40, "G": 40, "H": 24}
        for letter, width in widths.items():
            sheet.column_dimensions[letter].width = width
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        if kpi_frame is not None and kpi_name is not None:
            ready = _excel_ready(kpi_frame)
            ready.to_excel(writer, sheet_name=kpi_name, index=False)
            _autosize(writer.sheets[kpi_name], ready)
        for name, table in table_sheets:
            ready = _excel_ready(table)
            ready.to_excel(writer, sheet_name=name, index=False)
            _autosize(writer.sheets[name], ready)
    return buffer.getvalue()


def export_bytes(
    findings: Sequence[Finding], fmt: str, *, title: str, subtitle: str = "", kpi_table: Any = None
) -> bytes:
    """The report in ``fmt`` ("html", "pptx" or "xlsx") as bytes."""
    fmt = fmt.lower().lstrip(".")
    if fmt in ("html", "htm"):
        return to_html(findings, title=title, subtitle=subtitle).encode("utf-8")
    if fmt == "pptx":
        return to_pptx(findings, title=title, subtitle=subtitle)
    if fmt == "xlsx":
        return to_xlsx(findings, kpi_table)
    raise DataError(
        f"Unknown report format {fmt!r}: use a file name ending in .html, .pptx or .xlsx."
    )

"""What a text export's first lines say about its layout: the delimiter, a decimal comma, quoted
line breaks, the header line (below any report title lines) and the rows after it.

Part of the text reader (:mod:`kpi.ingest.readers`); works on a decoded sample, never the whole
file.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Sequence

__all__ = ["header_and_rows", "looks_like_data", "preamble_rows", "sniff"]


def sniff(text: str) -> tuple[str, bool, bool]:
    """(delimiter, decimal comma?, quotes with newlines?) from the first lines."""
    lines = [ln for ln in _lines(text)[:50] if ln.strip()]
    if not lines:
        return ",", False, False
    best, best_score = ",", -1.0
    for d in (",", ";", "\t", "|"):
        counts = [len(next(csv.reader([ln], delimiter=d))) for ln in lines[:30]]
        # The usual width, not the first line's: a report title may stand above the header.
        width = Counter(counts).most_common(1)[0][0]
        if width < 2:
            continue
        same = sum(1 for c in counts if c == width) / len(counts)
        score = same * 10 + min(width, 50) / 50
        if score > best_score:
            best, best_score = d, score
    decimal_comma = False
    if best != ",":
        body = "\n".join(lines[1:])
        fields = re.split(re.escape(best) + r"|\n", body)
        # "2.959" may be a thousands group as much as a decimal: evidence for neither side.
        comma = sum(1 for f in fields if _COMMA_DECIMAL.fullmatch(f))
        dot = sum(1 for f in fields if _DOT_DECIMAL.fullmatch(f) and not _DOT_GROUPS.fullmatch(f))
        decimal_comma = comma > 0 and dot == 0
    return best, decimal_comma, _quoted_newlines(text, best)


#: A number with a decimal comma ("75,3", "1.136,5"), one with a decimal point ("922.5",
#: "1,126.6"), and one that may be either ("2.959": a decimal, or 2,959 with its thousands
#: grouped by a dot).
_COMMA_DECIMAL = re.compile(r'\s*"?-?(\d{1,3}(\.\d{3})+|\d+),\d+"?\s*')
_DOT_DECIMAL = re.compile(r'\s*"?-?(\d{1,3}(,\d{3})+|\d+)\.\d+"?\s*')
_DOT_GROUPS = re.compile(r'\s*"?-?\d{1,3}(\.\d{3})+"?\s*')


def _quoted_newlines(text: str, delimiter: str) -> bool:
    """True when a quoted cell of the sample spans lines. Arrow then has to read the file
    quote-aware, which is much slower, so this is judged by parsing, not by counting quotes
    (a sample cut mid-line has an odd number of them)."""
    if '"' not in text:
        return False
    # A cell that opens a quote on one line and closes it on a later one leaves an odd number
    # of quote marks on its first line (an escaped "" counts two). Every complete line even:
    # no cell spans lines, and the sample need not be parsed (a stray quote inside an unquoted
    # cell makes a line odd: then the parse decides). The last line may be cut: not counted.
    if all(line.count('"') % 2 == 0 for line in _lines(text)[:-1]):
        return False
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            if any("\n" in cell or "\r" in cell for cell in row):
                return True
    except csv.Error:  # pragma: no cover - a NUL or similar: read quote-aware to be safe
        return True
    return False


def _lines(text: str) -> list[str]:
    """Lines as a CSV reader sees them (str.splitlines also breaks at \x85, \u2028...)."""
    return re.split(r"\r\n|\r|\n", text)


def header_and_rows(sample: str, delimiter: str) -> tuple[list[str], list[list[str]], int]:
    """The header, up to 50 rows after it (quoted line breaks kept inside their cell) and the
    number of title lines above the header (see :func:`preamble_rows`)."""
    try:
        reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
        rows = [r for _, r in zip(range(90), reader, strict=False)]
    except csv.Error:  # pragma: no cover - the csv module refuses a pathological sample
        rows = list(csv.reader(_lines(sample)[:90], delimiter=delimiter))
    skip = preamble_rows(rows)
    if not rows:
        return [], [], 0
    return rows[skip], rows[skip + 1 : skip + 51], skip


def preamble_rows(rows: Sequence[Sequence[object]]) -> int:
    """How many title lines stand above the header (a report name, a date range, blank lines).

    0 unless the first row is clearly not the header: it fills fewer than 60% of the cells that
    the table's rows usually fill (and they usually fill at least three). The header is then
    the first row that fills them and does not look like data; when that row is narrower than
    the table's rows and a later one fills them (a summary table stacked above the data), the
    later one. At most 30 lines are skipped.
    """

    def cells(row: Sequence[object]) -> list[str]:
        return [str(c).strip() for c in row if c is not None and c == c and str(c).strip()]

    filled = [len(cells(r)) for r in rows[:60]]
    body = sorted(w for w in filled if w >= 2)
    if not body or body[len(body) // 2] < 3:  # a two-column table: too little to judge by
        return 0
    usual = body[len(body) // 2]
    wide = max(2.0, 0.6 * usual)
    if filled[0] >= wide:
        return 0
    for i, w in enumerate(filled[:31]):
        if w >= wide and not looks_like_data(cells(rows[i])):
            if w < usual:  # a narrower table above the data (a summary): its own header?
                later = [
                    j
                    for j in range(i + 1, min(31, len(filled)))
                    if filled[j] >= usual and not looks_like_data(cells(rows[j]))
                ]
                if later:
                    return later[0]
            return i - 1 if i and _group_row(rows[i - 1], rows[i]) else i
    return 0


def _group_row(above: Sequence[object], header: Sequence[object]) -> bool:
    """Whether the sparse line above the header names groups of its columns (a merged
    "Voice | Chat | Email" cell over "Offered, Answered, ..." repeated under each): at least two
    names, each over the start of a run of columns, and the runs repeat the same column names.
    Such a line is the header's first row, not a title (:func:`kpi.ingest.rows.promote_field_row`
    joins the two)."""

    def text(v: object) -> str:
        return str(v).strip() if v is not None and v == v else ""

    starts = [k for k, v in enumerate(above) if text(v)]
    names = [text(v) for v in header]
    if len(starts) < 2 or len(starts) > len(names) // 2:
        return False
    ends = [*starts[1:], len(names)]
    runs = [{n for n in names[a:b] if n} for a, b in zip(starts, ends, strict=True)]
    return all(len(run) >= 2 for run in runs) and len(set.intersection(*runs)) >= 2


def looks_like_data(names: list[str]) -> bool:
    pattern = re.compile(r"^[\d\s:/.,+\-TZ]+$")
    hits = sum(1 for n in names if pattern.match(n.strip()) and any(ch.isdigit() for ch in n))
    return len(names) >= 2 and hits >= max(2, len(names) // 2)

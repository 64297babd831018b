"""File readers for the importer: CSV/TSV/semicolon text files -> raw frames (workbooks,
Parquet and JSON lines: :mod:`kpi.ingest.sheets`; a text sample's layout:
:mod:`kpi.ingest.sniff`).

Private to :mod:`kpi.ingest`. Text files are parsed by Arrow's multi-threaded CSV reader (never
row by row in Python). Each reader returns a :class:`RawTable`: the source columns as read, plus
rows the parser had to skip (ragged lines), so that every row is accounted for.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.pandas_compat  # noqa: F401 - to_pandas loads it on first use (~10 ms)

from kpi.errors import DataError, NoDataRows
from kpi.ingest._fastpath import EarlyRepeats, to_frame
from kpi.ingest.rows import (
    drop_layout_rows,
    promote_field_row,
    repeated_headers,
    survey_header_rows,
    units_row,
)
from kpi.ingest.sniff import header_and_rows, looks_like_data, sniff

__all__ = ["RawTable", "Source", "list_sheets", "read_raw", "to_source"]

TEXT_EXT = {".csv", ".tsv", ".txt", ".tab", ".dat", ""}
EXCEL_EXT = {".xlsx", ".xlsm"}
PARQUET_EXT = {".parquet", ".pq"}
JSON_EXT = {".jsonl", ".ndjson", ".json"}
ODS_EXT = {".ods"}
SUPPORTED = "CSV, TSV, Excel (.xlsx, .xls), Parquet or JSON lines"  # .ods too (not listed: rare)
# Yes/no words Arrow reads as booleans while it reads the file (exact spellings; the importer's
# own parser, which also trims and ignores case, takes anything else). Arrow's defaults first.
_TRUE_WORDS = ["1", "True", "TRUE", "true", "Y", "y", "Yes", "YES", "yes", "T", "t", "X", "x"]
_FALSE_WORDS = ["0", "False", "FALSE", "false", "N", "n", "No", "NO", "no", "F", "f"]
_OPPOSITE = dict(
    zip(
        ["True", "TRUE", "true", "Y", "y", "Yes", "YES", "yes", "T", "t"],
        ["False", "FALSE", "false", "N", "n", "No", "NO", "no", "F", "f"],
        strict=True,
    )
)
_OPPOSITE |= {v: k for k, v in _OPPOSITE.items()}
#: Cells a column must hold (or be empty) to be read as booleans by Arrow.
ARROW_BOOL_WORDS = frozenset(_TRUE_WORDS[1:] + _FALSE_WORDS[1:])

#: Names the columns to read as text: a set of names, or name -> "text" | "key" | "dict" | "bool".
ForceText = Callable[[list[str], dict[str, list[str]]], "Iterable[str] | dict[str, str]"]

_BLOCK_SIZE = 1 << 24  # Arrow's CSV block (types are inferred from the first block)


@dataclass(frozen=True)
class Source:
    """One input: a path on disk or an uploaded (name, bytes) pair."""

    name: str
    path: Path | None = None
    data: bytes | None = None

    @property
    def size(self) -> int:
        if self.data is not None:
            return len(self.data)
        assert self.path is not None
        return self.path.stat().st_size

    @property
    def ext(self) -> str:
        return Path(self.name).suffix.lower()

    def head(self, n: int = 65536) -> bytes:
        if self.data is not None:
            return self.data[:n]
        assert self.path is not None
        with self.path.open("rb") as fh:
            return fh.read(n)

    def stream(self) -> io.BufferedIOBase | io.BytesIO | str:
        if self.data is not None:
            return io.BytesIO(self.data)
        return str(self.path)


@dataclass
class RawTable:
    """The columns of one file as read, before mapping."""

    source: str
    frame: pd.DataFrame
    skipped: list[str] = field(default_factory=list)  # ragged lines (text) that were not parsed
    notes: list[str] = field(default_factory=list)  # what the reader detected (encoding, ...)
    sheet: str | None = None
    # Yes/no columns Arrow read as booleans: column -> (true, false) as the file writes them,
    # so that quarantined rows are shown as written ("Y", not True).
    spellings: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)  # what the user must hear (sheets left out)
    title: list[str] = field(
        default_factory=list
    )  # the lines above the header ("Report date: ...")
    # The contact ids' repeats, looked for while the rest is read (see ``EarlyRepeats``).
    early_repeats: EarlyRepeats | None = None

    def as_written(self, rows: pd.DataFrame) -> pd.DataFrame:
        """``rows`` of this file's frame with yes/no cells spelled as the file writes them."""
        out = rows.copy()
        for c, (yes, no) in self.spellings.items():
            if c in out.columns:
                out[c] = out[c].astype(object).map({True: yes, False: no})
        return out


def to_source(item: str | Path | tuple[str, bytes]) -> Source:
    """A path, or an uploaded ``(filename, bytes)`` pair, as a :class:`Source`."""
    if isinstance(item, tuple):
        name, data = item
        # Line breaks and control characters in an uploaded name would break one-line messages.
        shown = re.sub(r"[\x00-\x1f\x7f\x85\u2028\u2029]", " ", Path(str(name)).name).strip()
        return Source(name=shown or "upload", data=bytes(data))
    path = Path(item)
    if not path.exists():
        raise DataError(f"File '{path}' does not exist: check the path and the file name.")
    if path.is_dir():
        raise DataError(f"'{path}' is a folder, not a file: give the export files inside it.")
    return Source(name=path.name, path=path)


def _human(n: float) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1000
    return f"{n:.1f} GB"  # pragma: no cover


def check_size(src: Source, max_bytes: int) -> None:
    size = src.size
    if size > max_bytes:
        raise DataError(
            f"'{src.name}' is {_human(size)}, over the {_human(max_bytes)} import limit: "
            "split it (for example one file per month) or export aggregated daily rows instead."
        )


def _kind(src: Source) -> str:
    head = src.head(96)
    if head.startswith(b"PK\x03\x04"):
        if b"opendocument.spreadsheet" in head or src.ext in ODS_EXT:
            return "ods"
        if src.ext in PARQUET_EXT:
            return "corrupt-parquet"
        if src.ext not in EXCEL_EXT and not any(m in head for m in _WORKBOOK_PARTS):
            raise DataError(_archive_message(src, head))
        return "excel"
    if head.startswith(b"PAR1"):
        return "parquet"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "xls"
    if src.ext in EXCEL_EXT | ODS_EXT and _looks_like_text(src.head(4096)):
        return "renamed-text"  # a CSV saved with a workbook's name: read it as what it is
    by_ext = (
        (EXCEL_EXT, "excel"),
        (ODS_EXT, "ods"),
        (PARQUET_EXT, "parquet"),
        (JSON_EXT, "json"),
        ({".xls"}, "xls-text"),
        (TEXT_EXT, "text"),
    )
    for exts, kind in by_ext:
        if src.ext in exts:
            return kind
    raise DataError(
        f"'{src.name}' is not a supported file type ({src.ext}): export the data as {SUPPORTED}."
    )


#: Names a workbook's zip holds first ("[Content_Types].xml", "_rels/.rels", "xl/...").
_WORKBOOK_PARTS = (b"[Content_Types]", b"_rels/", b"docProps/", b"xl/")


def _archive_message(src: Source, head: bytes) -> str:
    """What to do with a zip archive (a download that packs the export): name its first file."""
    size = int.from_bytes(head[26:28], "little")
    inside = head[30 : 30 + size].decode("utf-8", "replace") if len(head) >= 30 + size else ""
    holds = f" (it holds '{inside}'{', ...' if inside else ''})" if inside else ""
    return (
        f"'{src.name}' is a zip archive{holds}, not an export: extract it and import the "
        f"files inside ({SUPPORTED})."
    )


def _looks_like_text(head: bytes) -> bool:
    """The first bytes are text with a line break (not a workbook's binary)."""
    if not head or b"\x00" in head:
        return False
    text = head.decode("utf-8", errors="ignore")  # the sample may cut a character
    printable = sum(ch.isprintable() or ch in "\r\n\t" for ch in text)
    if printable < 0.95 * len(text) or text.lstrip().startswith("<"):
        return False
    # A table: two whole lines with as many separators (and at least one).
    lines = [ln for ln in re.split(r"\r\n|\r|\n", text)[:-1] if ln.strip()][:2]
    return len(lines) == 2 and any(
        lines[0].count(d) == lines[1].count(d) > 0 for d in (",", ";", "\t", "|")
    )


def list_sheets(item: str | Path | tuple[str, bytes]) -> list[str]:
    """The sheet names of an Excel or LibreOffice workbook (empty list for other file types)."""
    from kpi.ingest import sheets

    src = item if isinstance(item, Source) else to_source(item)
    kind = _kind(src)
    if kind not in ("excel", "xls", "ods"):
        return []
    return sheets.workbook_sheets(src, kind)


def read_raw(
    src: Source,
    *,
    sheet: str | None = None,
    force_text: ForceText | None = None,
) -> RawTable:
    """Read one file into a raw frame (source column names, values barely typed).

    ``force_text(header, samples)`` names the columns read as text (ids with leading zeros,
    phone numbers, durations written as MM:SS that Arrow would take for times of day): a set of
    names, or a dict of name -> "text" | "key" | "dict" ("key": the contact id, text whose
    repeats are looked for at once; "dict": dictionary-encoded text, read as a
    pandas Categorical, for columns with few distinct values).
    """
    if src.size == 0:
        raise DataError(
            f"'{src.name}' is empty: export the data again and check that the file has a header "
            "row and at least one data row."
        )
    kind = _kind(src)
    if kind == "corrupt-parquet":
        kind = "parquet"
    if kind in ("excel", "xls", "ods", "parquet", "json"):
        from kpi.ingest import sheets  # its readers load only when such a file comes

        if kind == "parquet":
            raw = sheets.read_parquet(src)
        elif kind == "json":
            raw = sheets.read_jsonl(src)
        else:
            raw = sheets.read_excel(src, sheet, kind)
    else:
        raw = _read_text(src, force_text, xls_named=kind == "xls-text")
        if kind == "renamed-text":
            raw.notes.insert(0, f"the file is text (CSV), though named {src.ext}: read as CSV")
    _layout(raw)
    if raw.frame.shape[1] == 0 or (len(raw.frame) == 0 and not raw.skipped):
        where = f"Sheet '{raw.sheet}' of '{src.name}'" if raw.sheet else f"'{src.name}'"
        if raw.frame.shape[1] == 0:
            raise DataError(f"{where} is empty: pick the sheet or file that holds the data.")
        raise NoDataRows(
            f"{where} has column names but no data rows: export a period that contains contacts."
        )
    return raw


def _layout(raw: RawTable) -> None:
    """The table below its layout, in place: a group row above the names read as the header;
    survey header rows, repeated header lines (page breaks), blank, total and note lines set
    aside (as ``raw.skipped`` lines with their reason), each said in ``raw.notes``."""
    raw.frame = _clean_columns(raw.frame)
    raw.frame, promoted = promote_field_row(raw.frame)
    if promoted:
        raw.frame = _clean_columns(raw.frame.reset_index(drop=True))
    raw.frame, survey_notes, survey_lines = survey_header_rows(raw.frame)
    raw.frame, page_notes, page_lines = repeated_headers(raw.frame)
    raw.frame, unit_notes, unit_lines = units_row(raw.frame)
    if survey_notes or page_notes or unit_notes:
        raw.frame = _clean_columns(raw.frame.reset_index(drop=True))
    raw.frame, dropped, layout_lines = drop_layout_rows(raw.frame)
    raw.notes += promoted + survey_notes + page_notes + unit_notes + dropped
    raw.skipped += survey_lines + page_lines + unit_lines + layout_lines


def _clean_columns(frame: pd.DataFrame) -> pd.DataFrame:
    names: list[str] = []
    taken: set[str] = set()
    for c in frame.columns:
        name = str(c).replace("\ufeff", "").strip() or "column"
        if name.startswith("Unnamed: "):
            name = f"column {len(names) + 1}"
        # A repeated name gets ".1", ".2"...; never one another column already has
        # ("Note", "Note", "Note.1" -> "Note", "Note.1", "Note.1.1").
        unique, k = name, 0
        while unique in taken:
            k += 1
            unique = f"{name}.{k}"
        taken.add(unique)
        names.append(unique)
    if names != list(frame.columns):
        frame = frame.set_axis(names, axis=1)
    # Drop columns that are entirely empty and unnamed (trailing separators).
    drop = [c for c in frame.columns if c.startswith("column ") and frame[c].isna().all()]
    return frame.drop(columns=drop) if drop else frame


# --- text ------------------------------------------------------------------------------------

_BINARY_MAGIC = (b"\x89PNG", b"%PDF", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b", b"7z\xbc\xaf", b"Rar!")


def _encoding(src: Source, head: bytes) -> tuple[str, str | None]:
    """(encoding for Arrow, note) — UTF-16 and Latin-1 are transcoded, BOMs handled."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16", "text encoding: UTF-16"
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf8", "text encoding: UTF-8 with BOM"
    if any(head.startswith(m) for m in _BINARY_MAGIC) or b"\x00" in head[:8192]:
        raise DataError(
            f"'{src.name}' is not a text file (it contains binary data): export the data as "
            f"{SUPPORTED}."
        )
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as err:
        cut = len(head) < src.size and err.start >= len(head) - 4  # a character cut by the sample
        if not cut:
            codec, name = multi_byte_codec(head) or single_byte_codec(head)
            return codec, f"text encoding: {name} (not UTF-8)"
    return "utf8", None


#: Single-byte code pages an export that is not UTF-8 is likely written in: codec, name, and
#: the letters above ASCII its languages use most (the same bytes read as other letters in the
#: other page: 0xE8 is "è" in Western European, "č" in Central European).
_WESTERN = frozenset("àáâãäåçèéêëìíîïñòóôõöùúûüßÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜ")
_CODE_PAGES = (
    ("cp1252", "Windows-1252 (Western European)", _WESTERN),
    ("cp1250", "Windows-1250 (Central European)",
     frozenset("áäčďéěíĺľňóôŕřšťúůýžąćęłńśźżőűÁÄČĎÉĚÍĹĽŇÓÔŔŘŠŤÚŮÝŽĄĆĘŁŃŚŹŻŐŰ")),
    # "CSV (Macintosh)" from an old Mac Excel: "é" is 0x8E, "ü" 0x9F.
    ("mac_roman", "Mac OS Roman (an old Mac Excel's CSV)", _WESTERN),
)  # fmt: skip


#: Japanese, Korean and Chinese code pages: codec, name, the characters that say the language
#: (kana, Hangul, Han ideographs) and the share of the text's wide characters they must make.
#: Japanese first: Chinese GBK reads Shift-JIS bytes as Han too, but never as kana.
_CJK_PAGES = (
    ("cp932", "Shift-JIS / CP932 (Japanese)", re.compile(r"[\u3040-\u30ff]"), 0.1),
    ("cp949", "EUC-KR / CP949 (Korean)", re.compile(r"[\uac00-\ud7af]"), 0.6),
    ("gb18030", "GBK / GB18030 (Chinese)", re.compile(r"[\u4e00-\u9fff]"), 0.6),
)
_HIGH_RUN = re.compile(rb"[\x80-\xff]+")


def multi_byte_codec(data: bytes) -> tuple[str, str] | None:
    """(codec, name) of Japanese, Korean or Chinese text that is not UTF-8, or None. Such text
    writes its characters above ASCII mostly as two bytes, where Western text mostly has single
    accented letters between ASCII ones: most bytes above ASCII must come in runs of two or
    more, and the page must read them as its language's script (kana, Hangul, Han)."""
    runs = [len(r) for r in _HIGH_RUN.findall(data)]
    high = sum(runs)
    if high < 20 or sum(n for n in runs if n >= 2) < 0.6 * high:
        return None
    body = data[: len(data) - 4] if len(data) > 4 else data  # a character cut by the sample
    for codec, name, script, share in _CJK_PAGES:
        try:
            text = body.decode(codec)
        except UnicodeDecodeError:
            continue
        wide = sum(ord(ch) > 0x7F for ch in text)
        if wide and len(script.findall(text)) >= share * wide:
            return codec, name
    return None


def single_byte_codec(data: bytes) -> tuple[str, str]:
    """(codec, name) of text that is not UTF-8: the code page under which most bytes above
    ASCII read as the letters of its languages (Polish "ł", 0xB3, is "³" in Western European;
    Czech "ř", 0xF8, is "ø"; Mac Roman's "é", 0x8E, is "Ž" in Windows-1252), the first listed
    when they tie (Windows-1252)."""
    high = bytes(b for b in data if b >= 0x80)
    best: tuple[int, str, str] | None = None
    for codec, name, letters in _CODE_PAGES:
        try:
            score = sum(ch in letters for ch in high.decode(codec))
        except UnicodeDecodeError:
            continue
        if best is None or score > best[0]:
            best = (score, codec, name)
    return (best[1], best[2]) if best is not None else ("latin-1", "Latin-1")


# "dict": flags and labels Arrow dictionary-encodes while it reads, so that the importer parses
# each distinct value once instead of a million cells.
_TYPE = {
    "text": pa.large_string(),  # what pandas holds text as: no cast in to_pandas
    "key": pa.large_string(),  # the contact id: text, its repeats looked for at once
    "dict": pa.dictionary(pa.int32(), pa.string()),
    "bool": pa.bool_(),
}


def _wrapped_lines(sample: str) -> bool:
    """Every line is one quoted field that holds the delimiters (a CSV pasted into one
    spreadsheet column and saved again: ``"T-1,07/04/2025,Billing"``)."""
    lines = [ln.strip().lstrip("\ufeff") for ln in sample.splitlines() if ln.strip()][:50]
    return len(lines) >= 2 and all(
        len(ln) > 2 and ln[0] == ln[-1] == '"' and ("," in ln or ";" in ln or "\t" in ln)
        for ln in lines
    )


def _unwrapped(
    src: Source, force_text: ForceText | None, *, xls_named: bool, encoding: str
) -> RawTable:
    """A file of wrapped lines (:func:`_wrapped_lines`) read with each line unwrapped."""
    text = src.head(src.size).decode(encoding, errors="replace").lstrip("\ufeff")
    lines = []
    for ln in text.splitlines():
        ln = ln.strip()
        lines.append(ln[1:-1].replace('""', '"') if len(ln) > 1 and ln[0] == ln[-1] == '"' else ln)
    inner = Source(src.name, data=("\n".join(lines) + "\n").encode("utf-8"))
    raw = _read_text(inner, force_text, xls_named=xls_named)
    raw.notes.insert(0, "each line was one quoted cell holding a whole row: read unwrapped")
    return raw


def _format_notes(
    enc_note: str | None, skip: int, delimiter: str, decimal_comma: bool
) -> list[str]:
    """What the report says of a text file's format: its encoding, title lines, delimiter."""
    notes = [n for n in (enc_note,) if n]
    if skip:
        notes.append(f"header on line {skip + 1}: {lines_text(skip)} above it skipped")
    if delimiter != ",":
        notes.append(f"delimiter: {'tab' if delimiter == chr(9) else repr(delimiter)}")
    if decimal_comma:
        notes.append("decimal comma")
    return notes


def _read_text(src: Source, force_text: ForceText | None, *, xls_named: bool) -> RawTable:
    """A text file through Arrow's CSV reader: sample -> format and header -> column types ->
    read (:class:`_ArrowText`) -> frame. Unreadable text: :func:`_unreadable`."""
    head, encoding, enc_note, sample = _text_sample(src, xls_named)
    delimiter, decimal_comma, quoted_newlines = sniff(sample)
    header, rows, skip = header_and_rows(sample, delimiter)
    title_rows = list(csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter))[:skip]
    if looks_like_data(header):
        raise DataError(
            f"The first line of '{src.name}' looks like data, not column names: add a header row "
            "with the column names and import it again."
        )
    if len(header) == 1 and _wrapped_lines(sample):
        return _unwrapped(src, force_text, xls_named=xls_named, encoding=encoding)
    names = [h.replace("\ufeff", "").strip() for h in header]
    samples = {n: [r[i] for r in rows if i < len(r)] for i, n in enumerate(names)}
    wanted = force_text(names, samples) if force_text is not None else {}
    wanted = wanted if isinstance(wanted, dict) else dict.fromkeys(wanted, "text")
    spellings = _bool_spellings(wanted, samples)
    types = {
        h: _TYPE[wanted[key]] for h in header if (key := h.replace("\ufeff", "").strip()) in wanted
    }
    notes = _format_notes(enc_note, skip, delimiter, decimal_comma)
    reader = _ArrowText(
        src, head, encoding, skip, delimiter, decimal_comma, quoted_newlines, spellings
    )
    try:
        try:
            table = reader.read(types)
        except pa.ArrowInvalid as err:
            if "conversion error" not in str(err):
                raise
            # A column typed from the first block (numbers) holds text further down: read every
            # column as text and let the importer's parsers judge each cell.
            text = {h: _TYPE["dict"] if t == pa.bool_() else t for h, t in types.items()}
            table = reader.read({h: text.get(h, pa.large_string()) for h in header})
            spellings = {}  # no column was read as booleans after all
    except (pa.ArrowInvalid, UnicodeDecodeError) as err:
        return _unreadable(err, src, force_text, encoding, delimiter)
    early = _key_repeats(table, header, wanted)
    try:
        box = [normalise_arrow(table)]
        del table  # to_frame lets each column go once it is converted
        frame = to_frame(box)
    except UnicodeDecodeError:  # column names that are not UTF-8 after the sample
        if encoding == "utf8":
            return _retry_single_byte(src, force_text)
        raise  # pragma: no cover - Latin-1 decodes every byte
    frame.columns = names[: frame.shape[1]] + list(frame.columns[len(names) :])
    title = [" ".join(c.strip() for c in row if c.strip()) for row in title_rows]
    notes += reader.notes
    return RawTable(
        src.name,
        frame,
        reader.skipped,
        notes,
        spellings=spellings,
        title=title,
        early_repeats=early,
    )


def _key_repeats(table: pa.Table, header: list[str], wanted: dict[str, str]) -> EarlyRepeats | None:
    """The repeats of the column read as the contact id ("key"), started now (a name the header
    holds once, read as text)."""
    keys = [i for i, h in enumerate(header) if wanted.get(h.replace("\ufeff", "").strip()) == "key"]
    if len(keys) != 1 or keys[0] >= table.num_columns:
        return None
    col = table.column(keys[0])
    if not pa.types.is_large_string(col.type):
        return None
    return EarlyRepeats(col)


def _text_sample(src: Source, xls_named: bool) -> tuple[bytes, str, str | None, str]:
    """(first bytes, encoding for Arrow, encoding note, decoded sample) of a text file."""
    head = src.head()
    if xls_named and head.lstrip()[:15].lower().startswith((b"<html", b"<!doctype", b"<table")):
        raise DataError(
            f"'{src.name}' is a web page (HTML) saved with an .xls name: open it in Excel and save "
            "it as .xlsx or CSV."
        )
    encoding, enc_note = _encoding(src, head)
    sample = head.decode("utf-16" if encoding == "utf-16" else encoding, errors="ignore")
    sample = sample.lstrip("\ufeff")
    if not sample.strip():
        raise DataError(
            f"'{src.name}' is empty: export the data again and check that the file has a header "
            "row and at least one data row."
        )
    return head, encoding, enc_note, sample


def _bool_spellings(
    wanted: dict[str, str], samples: dict[str, list[str]]
) -> dict[str, tuple[str | None, str | None]]:
    """Column -> (true, false) as written, for the columns Arrow reads as booleans; ``wanted``
    is updated ("bool" -> "dict") for the columns that cannot be.

    Booleans only where each column writes one word for yes and one for no, and Arrow takes
    just the words seen: any other spelling further down makes it fall back to "dict", so a
    quarantined row can always be shown as written.
    """
    spellings: dict[str, tuple[str | None, str | None]] = {}
    for c, how in list(wanted.items()):
        if how != "bool":
            continue
        seen = {v for v in samples.get(c, []) if v != ""}
        yes, no = sorted(seen & set(_TRUE_WORDS)), sorted(seen & set(_FALSE_WORDS))
        if len(yes) > 1 or len(no) > 1:
            wanted[c] = "dict"
            continue
        y = yes[0] if yes else _OPPOSITE.get(no[0]) if no else None
        n_ = no[0] if no else _OPPOSITE.get(yes[0]) if yes else None
        spellings[c] = (y, n_)
    # Arrow's true/false words hold for every column: with one pair (the most common), a "Yes"
    # turning up in a Y/N column stops the boolean read instead of being shown as "Y".
    pairs = Counter(spellings.values()).most_common()
    for c, pair in list(spellings.items()):
        if pairs and pair != pairs[0][0]:
            wanted[c] = "dict"
            del spellings[c]
    return spellings


#: Cells that mean "no value": Arrow's own list, and MySQL's ``\N`` (``SELECT ... INTO OUTFILE``).
_NULL_WORDS = [*pacsv.ConvertOptions().null_values, "\\N"]


class _ArrowText:
    """One text file read by Arrow with the format found in its sample; ``skipped`` collects
    the lines that do not split into the header's columns."""

    def __init__(
        self,
        src: Source,
        head: bytes,
        encoding: str,
        skip: int,
        delimiter: str,
        decimal_comma: bool,
        quoted_newlines: bool,
        spellings: dict[str, tuple[str | None, str | None]],
    ) -> None:
        self.src, self.head, self.encoding, self.skip = src, head, encoding, skip
        self.delimiter, self.decimal_comma, self.newlines = (
            delimiter,
            decimal_comma,
            quoted_newlines,
        )
        self.true_words = sorted({y for y, _ in spellings.values() if y}) or _TRUE_WORDS[:4]
        self.false_words = sorted({n for _, n in spellings.values() if n}) or _FALSE_WORDS[:4]
        self.skipped: list[str] = []
        self.notes: list[str] = []  # what reading found (a Ctrl-Z line at the end: no row)

    def on_invalid(self, row: pacsv.InvalidRow) -> str:
        if row.text.strip() == "\x1a":  # MS-DOS's end-of-file mark after the last line
            self.notes[:] = ["an MS-DOS end-of-file mark (Ctrl-Z) after the last line ignored"]
            return "skip"
        where = f"line {row.number}" if row.number is not None else "a line"
        self.skipped.append(
            f"{where} has {row.actual_columns} fields where the header has "
            f"{row.expected_columns}: {row.text[:200]}"
        )
        return "skip"

    def read(self, column_types: dict[str, pa.DataType] | None) -> pa.Table:
        table = self.read_once(column_types)
        if self.skipped and not self.newlines and b'"' in self.head:
            # Broken lines and quotes: a quoted cell may span lines further down than the
            # sample reached. Read again quote-aware and keep that if it breaks fewer lines.
            first = list(self.skipped)
            self.newlines = True
            try:
                again = self.read_once(column_types)
            except pa.ArrowInvalid:
                again = None
            if again is not None and len(self.skipped) < len(first):
                return again
            self.skipped[:] = first
        return table

    def read_once(self, column_types: dict[str, pa.DataType] | None) -> pa.Table:
        self.skipped.clear()
        with arrow_input(self.src) as where:
            return pacsv.read_csv(
                where,
                read_options=pacsv.ReadOptions(
                    encoding=self.encoding, block_size=_BLOCK_SIZE, skip_rows=self.skip
                ),
                parse_options=pacsv.ParseOptions(
                    delimiter=self.delimiter,
                    newlines_in_values=self.newlines,
                    invalid_row_handler=self.on_invalid,
                ),
                convert_options=pacsv.ConvertOptions(
                    column_types=column_types,
                    null_values=_NULL_WORDS,
                    decimal_point="," if self.decimal_comma else ".",
                    strings_can_be_null=True,
                    quoted_strings_can_be_null=True,
                    true_values=self.true_words,
                    false_values=self.false_words,
                ),
            )


def _unreadable(
    err: pa.ArrowInvalid | UnicodeDecodeError,
    src: Source,
    force_text: ForceText | None,
    encoding: str,
    delimiter: str,
) -> RawTable:
    """Arrow could not read the text: read it again as Latin-1 when UTF-8 was the problem,
    else a clear error."""
    said = str(err)
    utf8_problem = "UTF8" in said or "utf-8" in said.lower() or isinstance(err, UnicodeDecodeError)
    if utf8_problem and encoding == "utf8":
        return _retry_single_byte(src, force_text)
    if "Empty CSV file" in said:
        raise DataError(
            f"'{src.name}' is empty: export the data again and check that the file has a "
            "header row and at least one data row."
        ) from None
    problem = (
        "a quoted value is not closed or spans lines"
        if "straddl" in said or "quote" in said.lower()
        else "its lines do not split into the same columns"
    )
    raise DataError(
        f"'{src.name}' could not be read as {_delim_name(delimiter)}-separated text "
        f"({problem}): check that it is a CSV export."
    ) from None


def arrow_input(src: Source) -> pa.NativeFile:
    """The source as an Arrow file, read by Arrow's own threads (a Python file object would make
    every block go through the interpreter): uploaded bytes in place, a file on disk memory-mapped.

    Mapping the file reads it straight from the page cache: reading it into fresh buffers
    instead costs a copy of the whole file and, on a machine that hands out fresh memory
    slowly, more time than parsing it. The price: a file cut short by another program while it
    is being read stops the process (SIGBUS) rather than raising an error. Uploads, the app's
    only input besides its own sample data, are bytes and never mapped.
    """
    if src.data is not None:
        return pa.BufferReader(src.data)
    try:
        return pa.memory_map(str(src.path))
    except OSError:  # a pipe or a special file: read it as a stream
        return pa.OSFile(str(src.path))


def lines_text(n: int) -> str:
    return "the title line" if n == 1 else f"{n} title lines"


def _retry_single_byte(src: Source, force_text: ForceText | None) -> RawTable:
    """The file again, decoded with the single-byte code page its bytes read best in (the
    sample was UTF-8, a later part of the file is not)."""
    data = src.data if src.data is not None else Path(str(src.path)).read_bytes()
    codec, name = single_byte_codec(data)
    again = Source(src.name, data=data.decode(codec).encode("utf-8"))
    raw = _read_text(again, force_text, xls_named=False)
    raw.notes.insert(0, f"text encoding: {name} (not UTF-8)")
    return raw


def _delim_name(d: str) -> str:
    return {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}.get(d, repr(d))


def normalise_arrow(table: pa.Table) -> pa.Table:
    """Times of day (Arrow infers them from HH:MM:SS) become durations; nothing else changes."""
    cols = []
    changed = False
    for col in table.columns:
        if pa.types.is_time(col.type):
            unit = col.type.unit
            ints = col.cast(pa.int64() if pa.types.is_time64(col.type) else pa.int32()).cast(
                pa.int64()
            )
            cols.append(ints.cast(pa.duration(unit)))
            changed = True
        else:
            cols.append(col)
    return pa.table(cols, names=table.column_names) if changed else table

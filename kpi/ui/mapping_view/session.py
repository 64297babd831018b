"""The Data page's memory for the session, and the few widgets it draws itself.

Streamlit forgets an uploader's files when its page is not drawn, so the page's last import
(files, options, result) is kept here: coming back to the Data page after "Use this data" shows
the report of the loaded file. Edits to the mapping are kept as the user's mapping and the
files are imported again with it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

import streamlit as st

from kpi import ingest
from kpi.errors import KpiLabError, MissingDateColumn
from kpi.ingest.mapping import Mapping
from kpi.schema import Shape
from kpi.ui.mapping_view.tables import missing_date_message, read_mapping_file, target_label

__all__ = [
    "ImportOptions",
    "Loaded",
    "apply",
    "date_fix_mapping",
    "forget",
    "import_key",
    "in_use",
    "load_mapping_upload",
    "loaded_files",
    "mapping_origin",
    "needs_first_day",
    "proposal",
    "remembered",
    "run_import",
    "set_user_mapping",
    "show_import_error",
    "show_missing_date",
    "uploader_is_fresh",
    "user_mapping",
]

Files = list[tuple[str, bytes]]

# Evidence from the proposal is computed on at most this much of a text file (the auto-mapping
# looks at the first 500 rows only), and on binary files (Excel, Parquet) up to this size.
_TEXT_HEAD = 1_000_000
_BINARY_LIMIT = 20_000_000
_TEXT_EXTS = (".csv", ".tsv", ".txt", ".jsonl", ".ndjson", ".json")

# ------------------------------------------------------------------------------------------
# The page's memory for the session (Streamlit forgets an uploader's files on a page switch)
# ------------------------------------------------------------------------------------------
# Tests read these two: the last import as (key, ImportResult), and the user's mapping (JSON).
_IMPORT = "data_page_import"
_MAPPING = "data_page_mapping"
_ORIGIN = "data_page_mapping_origin"  # "edited" (on this page) or "file" (a loaded mapping)
_FILES = "data_page_files"  # [(name, bytes)] of the last files given
_OPTIONS = "data_page_options"  # widget values that produced the last import
_PROPOSAL = "data_page_proposal"  # (files key, proposal) of the importer's own mapping
_RESTORED = "data_page_restored"  # the files shown are the remembered ones (uploader empty)
_NEEDS_DAY = "data_needs_first_day"  # an undated daily file: ask for the first row's date
_UPLOADER = "data_upload"
# The page's option widgets (sheet, shape, time zone, first day of an undated daily file).
_OPTION_WIDGETS = ("data_sheet", "data_shape", "data_timezone", "data_first_day")
# Widgets that edit the mapping (their state is the edit, relative to the mapping shown).
_EDITORS = (
    "data_outcome_editor",
    "data_units_editor",
    "data_mapping_editor",
    "data_date_order_",
    "data_grain",
)
_LOADED = "data_page_mapping_file"  # digest of the mapping file applied (applied once)
#: Streamlit's upload limit (.streamlit/config.toml server.maxUploadSize), the import's limit.
_UPLOAD_LIMIT = 200 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class ImportOptions:
    """The page's import choices (``ingest.read_files`` arguments)."""

    sheet: str | None = None
    shape: Shape | None = None
    timezone: str | None = None
    first_day: dt.date | None = None


@dataclass(frozen=True)
class Loaded:
    """The files to import, and whether they were restored from earlier in the session
    (the uploader is empty after a page switch)."""

    files: Files
    restored: bool


def _ss() -> Any:
    return st.session_state


def uploader_is_fresh() -> bool:
    """True when the uploader is about to be drawn for the first time since the page opened
    (call before drawing it): its files were forgotten by a page switch, not removed."""
    return _UPLOADER not in _ss()


def in_use() -> bool:
    """True when the remembered import is the dataset every page uses now."""
    from kpi.ui import state

    memo = _ss().get(_IMPORT)
    return bool(memo) and not state.is_sample() and memo[1].dataset is state.current_dataset()


def _files_key(files: Files) -> list[list[str]]:
    return [[n, hashlib.sha256(d).hexdigest()] for n, d in files]


def loaded_files(uploads: Sequence[Any] | None, fresh: bool) -> Loaded | None:
    """The files to import: the uploads, else (after a page switch, or while they are the data
    in use) the files of the remembered import. None when there are none.

    New files drop a mapping edited on this page (it named the old files' columns); a mapping
    loaded from a file stays, as it is meant for the files that come.
    """
    ss = _ss()
    if uploads:
        files = [(u.name, u.getvalue()) for u in uploads]
        old = ss.get(_FILES)
        if old is not None and _files_key(old) != _files_key(files):
            if ss.get(_ORIGIN) != "file":
                set_user_mapping(None)
            ss.pop(_NEEDS_DAY, None)
        ss[_FILES] = files
        ss.pop(_RESTORED, None)
        return Loaded(files, restored=False)
    stored = ss.get(_FILES)
    # Restored files stay until new ones are given: the empty uploader holds nothing to remove.
    if stored and (fresh or in_use() or ss.get(_RESTORED)):
        ss[_RESTORED] = True
        return Loaded(stored, restored=True)
    forget()
    return None


def forget() -> None:
    """Drop the remembered import, files and mapping (back to the sample, files removed)."""
    for key in (
        _IMPORT,
        _FILES,
        _OPTIONS,
        _MAPPING,
        _ORIGIN,
        _PROPOSAL,
        _RESTORED,
        _NEEDS_DAY,
        _LOADED,
    ):
        _ss().pop(key, None)


def remembered(key: str, default: Any, options: Sequence[Any] | None = None) -> str:
    """Use as a widget's ``key=``: seeds the widget from the options of the remembered import.

    Not ``state.persist``: "Use this data" resets every persisted choice (they belong to the
    previous dataset), while these choices produced the data now in use.
    """
    ss = _ss()
    if key not in ss:
        value = ss.get(_OPTIONS, {}).get(key, default)
        ss[key] = value if options is None or value in options else default
    return key


def user_mapping() -> Mapping | None:
    """The mapping edited on this page or loaded from a file (None: the importer's own)."""
    data = _ss().get(_MAPPING)
    return ingest.load_mapping(data) if data else None


def mapping_origin() -> str:
    """Where the user's mapping comes from: "edited", "file", or "auto" (none)."""
    return str(_ss().get(_ORIGIN, "edited")) if _ss().get(_MAPPING) else "auto"


def set_user_mapping(mapping: Mapping | None, origin: str = "edited") -> None:
    """Import with ``mapping`` from the next run on (None: back to the automatic mapping).

    The mapping editors' pending edits are dropped: they were made on the mapping replaced,
    and re-applied on top of the new one they would bring it back.
    """
    ss = _ss()
    for key in [k for k in list(ss.keys()) if str(k).startswith(_EDITORS)]:
        del ss[key]
    if mapping is None:
        _ss().pop(_MAPPING, None)
        _ss().pop(_ORIGIN, None)
        return
    _ss()[_MAPPING] = mapping.to_dict()
    _ss()[_ORIGIN] = origin


def import_key(files: Files, mapping: Mapping | None, options: ImportOptions) -> str:
    """A hash of everything an import depends on."""
    parts = [_files_key(files), asdict(options), mapping.to_dict() if mapping else None]
    return hashlib.sha256(json.dumps(parts, default=str).encode()).hexdigest()


def run_import(
    files: Files, mapping: Mapping | None, options: ImportOptions
) -> ingest.ImportResult:
    """The import of ``files`` (remembered for the session; re-run only when an input changed).

    The values of the page's option widgets are remembered with it, and restored by
    :func:`remembered` after a page switch. Raises what ``ingest.read_files`` raises.
    """
    key = import_key(files, mapping, options)
    memo = _ss().get(_IMPORT)
    if memo and memo[0] == key:
        return memo[1]  # type: ignore[no-any-return]
    bar = st.progress(0.0, text="Reading…")

    def progress(fraction: float, message: str) -> None:
        bar.progress(fraction, text=message)

    try:
        result = ingest.read_files(
            files,
            mapping,
            sheet=options.sheet,
            shape=options.shape,
            timezone=options.timezone,
            max_bytes=_UPLOAD_LIMIT,
            undated_start=options.first_day,
            progress=progress,
        )
    finally:
        bar.empty()
    _ss()[_IMPORT] = (key, result)
    _ss()[_OPTIONS] = {k: _ss()[k] for k in _OPTION_WIDGETS if k in _ss()}
    return result


def _evidence_input(name: str, data: bytes) -> tuple[str, bytes] | None:
    """The part of a file the proposal reads: the head of a text file (cut at a line end)."""
    if name.lower().endswith(_TEXT_EXTS):
        if len(data) <= _TEXT_HEAD:
            return name, data
        cut = data.rfind(b"\n", 0, _TEXT_HEAD)
        return (name, data[: cut + 1]) if cut > 0 else None
    return (name, data) if len(data) <= _BINARY_LIMIT else None


def proposal(
    files: Files, options: ImportOptions, result: ingest.ImportResult | None = None
) -> tuple[Mapping, dict[str, str]] | None:
    """The importer's own mapping of ``files`` and its evidence per field: from ``result``
    (the import of these files) when it has them, else read again (remembered per files and
    options; None when it cannot be computed, e.g. a workbook over 20 MB)."""
    if result is not None and result.proposal is not None:
        return result.proposal, result.evidence
    key = json.dumps([_files_key(files), options.sheet, options.shape])
    memo = _ss().get(_PROPOSAL)
    if memo and memo[0] == key:
        return memo[1]  # type: ignore[no-any-return]
    parts = [_evidence_input(n, d) for n, d in files]
    got: tuple[Mapping, dict[str, str]] | None = None
    if all(p is not None for p in parts):
        try:
            mapping, evidence, _ = ingest.propose_mapping(
                [p for p in parts if p is not None], shape=options.shape, sheet=options.sheet
            )
            got = (mapping, evidence)
        except KpiLabError:
            got = None
    _ss()[_PROPOSAL] = (key, got)
    return got


def date_fix_mapping(
    err: MissingDateColumn, column: str, files: Files, options: ImportOptions
) -> Mapping:
    """The mapping that fixes ``err``: the user's mapping (else the importer's own) with
    ``column`` as the missing date field."""
    base = user_mapping()
    if base is None:
        got = proposal(files, options)
        shape: Shape = options.shape or ("aggregated" if err.target == "date" else "interactions")
        base = got[0] if got is not None else Mapping(shape)
    return base.with_field(err.target, column)


def needs_first_day() -> bool:
    """True when the last import failed on a daily file with no date column and no candidate."""
    return bool(_ss().get(_NEEDS_DAY))


def apply(new: Mapping, current: Mapping, origin: str = "edited") -> None:
    """Import again with ``new`` when it differs from ``current`` (the mapping shown)."""
    if new.to_dict() != current.to_dict():
        set_user_mapping(new, origin)
        st.rerun()


def show_missing_date(err: MissingDateColumn, files: Files, options: ImportOptions) -> None:
    """The error, and the one choice that fixes it: a column pre-set to the best candidate and
    a button that imports again with it (or, for a daily file with no date-like column, the
    date of its first row)."""
    if not err.candidates:
        if err.target == "date" and not needs_first_day():
            _ss()[_NEEDS_DAY] = True
            st.rerun()
        st.error(str(err))
        return
    st.error(missing_date_message(err))
    label = target_label(err)
    column = st.selectbox(
        f"Column of '{err.file}' that holds the {label.lower()}",
        list(err.candidates),
        index=0,
        key="data_fix_date_column",
    )
    if st.button(
        f"Use '{column}' as the {label.lower()}", key="data_fix_date_apply", type="primary"
    ):
        set_user_mapping(date_fix_mapping(err, str(column), files, options))
        st.rerun()


def load_mapping_upload(name: str, data: bytes) -> None:
    """Import with an uploaded mapping file from the next run on (once per file content).

    Raises MappingError (one sentence) when the file is not a valid KPI Lab mapping; the
    current mapping is then left as it was.
    """
    digest = hashlib.sha256(data).hexdigest()
    if _ss().get(_LOADED) == digest:
        return
    mapping = read_mapping_file(data, name)
    _ss()[_LOADED] = digest
    set_user_mapping(mapping, "file")
    st.rerun()


def show_import_error(err: Exception, files: Files, options: ImportOptions) -> None:
    """Say why the import failed in one sentence (never a traceback), with the fix when one is
    known: the missing date column, or going back to the automatic mapping."""
    if isinstance(err, MissingDateColumn):
        show_missing_date(err, files, options)
    elif isinstance(err, KpiLabError):
        st.error(str(err))
    else:
        st.error(
            f"The file could not be imported ({type(err).__name__}): check that it is a CSV, "
            "Excel, Parquet or JSON lines export, or send it to the KPI Lab maintainers."
        )
    if mapping_origin() != "auto" and st.button(
        "Back to the automatic mapping", key="data_mapping_reset_error"
    ):
        set_user_mapping(None)
        st.rerun()

"""Read contact-center exports into the canonical table, with an import report.

Every row is kept or quarantined with a reason. Public API re-exported from the modules:
``api`` (entry points), ``readers`` (files to Arrow), ``parsers`` (text to typed columns),
``mapping`` (columns to canonical fields).
"""

from kpi.ingest.api import (
    MAX_BYTES,
    PRESETS,
    UNITS,
    FieldMap,
    ImportReport,
    ImportResult,
    Mapping,
    MissingDateColumn,
    MissingTimestampError,
    Proposal,
    auto_map,
    detect_source_shape,
    list_sheets,
    load_mapping,
    mapping_from_table,
    mapping_table,
    mapping_targets,
    propose,
    propose_mapping,
    read_files,
    safe_csv,
    save_mapping,
)
from kpi.ingest.dates import DateOrderDecision

__all__ = [
    "MAX_BYTES",
    "PRESETS",
    "UNITS",
    "DateOrderDecision",
    "FieldMap",
    "ImportReport",
    "ImportResult",
    "Mapping",
    "MissingDateColumn",
    "MissingTimestampError",
    "Proposal",
    "auto_map",
    "detect_source_shape",
    "list_sheets",
    "load_mapping",
    "mapping_from_table",
    "mapping_table",
    "mapping_targets",
    "propose",
    "propose_mapping",
    "read_files",
    "safe_csv",
    "save_mapping",
]

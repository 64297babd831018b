"""User-facing errors: each carries one clear sentence for the UI and the CLI."""

from __future__ import annotations

__all__ = [
    "AnalysisError",
    "DataError",
    "KpiLabError",
    "MappingError",
    "MissingDateColumn",
    "NoDataRows",
]


class KpiLabError(Exception):
    """Base class: ``str(err)`` is a complete sentence shown to the user as is (no traceback)."""


class DataError(KpiLabError):
    """The input file or table cannot be used (empty, unreadable, no timestamp, too large...)."""


class MappingError(KpiLabError):
    """A column mapping is invalid (unknown canonical column, missing source column...)."""


class AnalysisError(KpiLabError):
    """An analysis cannot run on this data (too few days, change date outside the data...)."""


class MissingDateColumn(DataError):
    """A file has no usable date or time column, so its rows cannot be placed in time.

    Attributes
    ----------
    file : the file's name.
    target : the canonical column that is missing (``start_time`` or ``date``).
    candidates : the source columns closest to being that column, best first (may be empty).
    """

    def __init__(
        self, message: str, *, file: str = "", target: str = "", candidates: tuple[str, ...] = ()
    ) -> None:
        super().__init__(message)
        self.file = file
        self.target = target
        self.candidates = candidates


class NoDataRows(DataError):
    """A file has column names but no data rows (an export of a period with no contacts)."""

"""User-facing errors: each carries one clear sentence for the UI and the CLI."""

from __future__ import annotations

__all__ = ["DataError", "KpiLabError", "MappingError", "AnalysisError"]


class KpiLabError(Exception):
    """Base class: ``str(err)`` is a complete sentence shown to the user as is (no traceback)."""


class DataError(KpiLabError):
    """The input file or table cannot be used (empty, unreadable, no timestamp, too large...)."""


class MappingError(KpiLabError):
    """A column mapping is invalid (unknown canonical column, missing source column...)."""


class AnalysisError(KpiLabError):
    """An analysis cannot run on this data (too few days, change date outside the data...)."""

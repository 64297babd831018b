"""What an import did: :class:`ImportReport` (every row kept or quarantined, with why) and
:class:`ImportResult` (the dataset, the report and the mapping).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from kpi.dataset import Dataset
from kpi.ingest.dates import DateOrderDecision
from kpi.ingest.mapping import Mapping
from kpi.schema import Shape

__all__ = ["ImportReport", "ImportResult"]


@dataclass(frozen=True, eq=False)
class ImportReport:
    """What the importer did with every row.

    Attributes
    ----------
    rows_read : rows found in the files (data rows, including rows the parser had to skip).
    rows_kept : rows used (contacts or daily rows in the dataset, plus survey rows joined onto them).
    rows_quarantined : rows set aside; ``rows_read == rows_kept + rows_quarantined``.
    quarantine : the quarantined rows, original columns plus ``file`` and ``reason``.
    warnings : kept-with-warning findings (talk time over 4 hours, percent rates...).
    mapping : the mapping used (``Mapping.to_dict()`` form, detected units filled in).
    shape : "interactions" or "aggregated".
    files : file names read.
    fill_rates : one row per mapped canonical column: ``column, source, filled, fill_rate``
        (share of kept rows with a value).
    rows_joined : survey rows joined onto contacts (counted in ``rows_kept``).
    duplicates : older duplicate records quarantined.
    notes : what the readers detected (encoding, delimiter, sheet, units, date order).
    grain : aggregated rows: their period (day, week, month, quarter, year); None for contacts.
    ids_renumbered : contact ids made unique because the id column repeats across different
        starts (it is not a key: every row kept).
    date_orders : per canonical date field (``start_time``, ``date``...), how the day/month
        order of its text dates was decided (:class:`DateOrderDecision`: order, decided by
        "data", "hint", "assumed" or "mapping", evidence, rows set aside); the first file's
        decision, with the rows set aside summed over the files.
    """

    rows_read: int
    rows_kept: int
    rows_quarantined: int
    quarantine: pd.DataFrame
    warnings: tuple[str, ...]
    mapping: dict[str, Any]
    shape: Shape
    files: tuple[str, ...]
    fill_rates: pd.DataFrame
    rows_joined: int = 0
    duplicates: int = 0
    notes: tuple[str, ...] = ()
    grain: str | None = None
    ids_renumbered: int = 0
    date_orders: dict[str, DateOrderDecision] = field(default_factory=dict)

    def reasons(self) -> pd.DataFrame:
        """Quarantine counts by reason: columns ``reason, rows``, most frequent first."""
        if self.quarantine.empty:
            return pd.DataFrame(
                {"reason": pd.Series(dtype="string"), "rows": pd.Series(dtype="int64")}
            )
        counts = self.quarantine["reason"].value_counts()
        return pd.DataFrame({"reason": counts.index.astype("string"), "rows": counts.to_numpy()})

    def summary(self) -> str:
        """One sentence: rows read, kept and quarantined, and the main reasons."""
        unit = "contacts" if self.shape == "interactions" else f"{self.grain or 'daily'} rows"
        files = ", ".join(self.files)
        s = (
            f"Read {self.rows_read:,} rows from {files}: kept {self.rows_kept:,}"
            + (
                f" ({self.rows_joined:,} of them survey responses joined to {unit})"
                if self.rows_joined
                else ""
            )
            + f", quarantined {self.rows_quarantined:,}"
        )
        if self.rows_quarantined:
            top = self.reasons().head(3)
            s += " (" + "; ".join(f"{r.reason}: {r.rows:,}" for r in top.itertuples()) + ")"
        return s + "."

    def to_frame(self) -> pd.DataFrame:
        """The accounting as a tidy table: columns ``item, rows``."""
        items = [
            ("read", self.rows_read),
            ("kept", self.rows_kept),
            ("quarantined", self.rows_quarantined),
            ("survey rows joined", self.rows_joined),
            ("duplicates quarantined", self.duplicates),
        ]
        return pd.DataFrame(items, columns=["item", "rows"])


@dataclass(frozen=True, eq=False)
class ImportResult:
    """The imported dataset, the report, and the mapping that produced them."""

    dataset: Dataset
    report: ImportReport
    mapping: Mapping
    columns: tuple[str, ...] = field(default=())  # every source column seen (for the editor)
    #: The importer's own mapping of these files (None when it could not be made), and its
    #: evidence per target ("file: why"), as ``propose_mapping`` gives them: the Data page
    #: shows them without reading the files again.
    proposal: Mapping | None = None
    evidence: dict[str, str] = field(default_factory=dict)

    def describe(self) -> str:
        """The report summary, warnings, reader notes and the mapping, for ``--verbose``."""
        lines = [self.report.summary()]
        lines += [f"note: {n}" for n in self.report.notes]
        lines += [f"warning: {w}" for w in self.report.warnings]
        lines.append("mapping: " + self.mapping.describe())
        return "\n".join(lines)

"""The spurious-correlation guards: which are on, and what each one does in words."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import Literal

import numpy as np
from scipy import stats

from kpi.errors import AnalysisError

__all__ = [
    "GUARD_SHORT",
    "GUARD_TEXT",
    "MIN_PERIODS",
    "Z975",
    "Guards",
    "Method",
    "check_method",
]

Method = Literal["pearson", "spearman"]

#: Below this many periods a correlation is flagged as fragile.
MIN_PERIODS = 20
#: The two-sided 95% normal quantile (Fisher-z intervals, posterior bands).
Z975 = float(stats.norm.ppf(0.975))

#: One line per guard, shown beside the guards toggle.
GUARD_TEXT: dict[str, str] = {
    "detrend": (
        "Weekday pattern and straight-line trend removed from each daily series first: busy "
        "Mondays and slow drifts make unrelated KPIs look linked."
    ),
    "prewhiten": (
        "Each series' day-to-day carry-over removed (AR(1) prewhitening), so two KPIs that merely "
        "wander slowly are not mistaken for partners."
    ),
    "n_eff": (
        "P-values and intervals count the effective number of independent periods, not the raw "
        "number of days, because neighbouring days are alike."
    ),
    "volume_weights": (
        "Rates and averages weighted by their volume, so a 40-contact day counts less than a "
        "900-contact day."
    ),
    "partial_volume": (
        "Partial correlation controlling for contact volume: a busy day that pushes both KPIs "
        "is not counted as a link between them."
    ),
    "min_periods": f"Correlations resting on fewer than {MIN_PERIODS} periods are flagged as fragile.",
}

#: The guards as a short list, for a table's ``guards`` column.
GUARD_SHORT: dict[str, str] = {
    "detrend": "weekday+trend removed",
    "prewhiten": "AR(1) prewhitened",
    "n_eff": "effective n",
    "volume_weights": "volume-weighted",
    "partial_volume": "partial on volume",
}


@dataclass(frozen=True, slots=True)
class Guards:
    """Which spurious-correlation guards are on (all by default).

    ``Guards.coerce(True)`` = all on, ``Guards.coerce(False)`` = all off (plain correlation of
    levels), or pass an iterable of guard names to switch on only those.
    """

    detrend: bool = True
    prewhiten: bool = True
    n_eff: bool = True
    volume_weights: bool = True
    partial_volume: bool = True

    @classmethod
    def coerce(cls, guards: bool | Guards | Iterable[str]) -> Guards:
        """Build a ``Guards`` from True / False / a ``Guards`` / an iterable of guard names."""
        if isinstance(guards, Guards):
            return guards
        if isinstance(guards, bool | np.bool_):
            return cls() if guards else cls(**{f.name: False for f in fields(cls)})
        names = set(guards)
        unknown = names - {f.name for f in fields(cls)}
        if unknown:
            raise AnalysisError(
                f"Unknown guard(s) {sorted(unknown)}: choose from {[f.name for f in fields(cls)]}."
            )
        return cls(**{f.name: f.name in names for f in fields(cls)})

    @property
    def any(self) -> bool:
        """True when at least one guard is on."""
        return any(getattr(self, f.name) for f in fields(self))

    def names(self) -> tuple[str, ...]:
        """Names of the guards that are on."""
        return tuple(f.name for f in fields(self) if getattr(self, f.name))


def check_method(method: str) -> str:
    """The correlation method in lower case ("pearson" / "spearman"), or a clear error."""
    m = str(method).lower()
    if m not in ("pearson", "spearman"):
        raise AnalysisError(f"Unknown method '{method}': use 'pearson' or 'spearman'.")
    return m

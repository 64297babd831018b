"""Result types of the relations analysis: numbers and frames; ``summary`` is produced on read."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from kpi.analysis.relations import text

__all__ = ["BalanceResult", "PairResult"]


@dataclass(frozen=True, eq=False, slots=True)
class PairResult:
    """One pair of KPIs examined closely (``pair_analysis``).

    Attributes
    ----------
    kpi_x, kpi_y : the KPI ids. method : "pearson" or "spearman".
    r, ci_low, ci_high : the correlation and its 95% Fisher-z interval (using ``n_eff``).
    p_value : two-sided. n : periods (or entities) with both values. n_eff : effective n.
    slope, intercept : least-squares line of the plotted y on the plotted x.
    guards : what was applied, in words. filter : which periods were used.
    adjusted : True when the plotted values are the guarded (cleaned) ones, not the raw levels.
    points : one row per period/entity: ``label, x, y`` (raw), ``x_plot, y_plot`` (what is
        plotted and correlated), ``weight``.
    line : the fitted line with its 95% band: ``x, fit, fit_low, fit_high``.
    warnings : caveats. is_time : True when the points are periods (False: agents, queues...).
    summary : one plain-language sentence, produced from the numbers when read.
    """

    kpi_x: str
    kpi_y: str
    method: str
    r: float
    ci_low: float
    ci_high: float
    p_value: float
    n: int
    n_eff: float
    slope: float
    intercept: float
    guards: str
    filter: str
    adjusted: bool
    points: pd.DataFrame
    line: pd.DataFrame
    warnings: tuple[str, ...] = ()
    is_time: bool = True

    @property
    def summary(self) -> str:
        """One plain-language sentence (the link, its interval, association not cause)."""
        return text.pair_summary(self)

    def to_frame(self) -> pd.DataFrame:
        """One tidy row: ``kpi_x, kpi_y, r, ci_low, ci_high, p_value, n, n_eff, slope,
        intercept, method, guards, filter, summary``."""
        cols = [
            "kpi_x",
            "kpi_y",
            "r",
            "ci_low",
            "ci_high",
            "p_value",
            "n",
            "n_eff",
            "slope",
            "intercept",
            "method",
            "guards",
            "filter",
            "summary",
        ]
        return pd.DataFrame([{c: getattr(self, c) for c in cols}])


@dataclass(frozen=True, eq=False, slots=True)
class BalanceResult:
    """Agents (or teams) placed on an efficiency KPI vs an experience KPI (``balance_table``).

    Attributes
    ----------
    kpi_x, kpi_y : the KPI ids (x: efficiency, y: experience). by : the entity column.
    x_center, y_center : the centre's pooled values (sum of numerators / sum of denominators):
        the quadrant boundaries.
    n_entities : entities placed. r : volume-weighted correlation of the shrunk values.
    table : one row per entity: ``entity, n_x, n_y, x_raw, y_raw, x_shrunk, y_shrunk, x_low,
        x_high, y_low, y_high, x_weight_own, y_weight_own, quadrant, clear`` (``clear``: both
        95% posterior intervals exclude the centre).
    quadrants : the four labels keyed by (x better, y better).
    warnings : caveats.
    summary : one sentence, produced from the table when read.
    """

    kpi_x: str
    kpi_y: str
    by: str
    x_center: float
    y_center: float
    n_entities: int
    r: float
    table: pd.DataFrame
    quadrants: dict[tuple[bool, bool], str]
    warnings: tuple[str, ...] = ()

    @property
    def watch(self) -> str:
        """The quadrant worth a manager's look (efficient but poor experience, else worse on
        both)."""
        return text.watch_quadrant(self.quadrants)

    @property
    def summary(self) -> str:
        """One sentence: how many entities sit in the quadrant to watch, and the correlation."""
        return text.balance_summary(self)

    def to_frame(self) -> pd.DataFrame:
        """The entity table with ``kpi_x, kpi_y`` columns added (tidy, ready to pin)."""
        return self.table.assign(kpi_x=self.kpi_x, kpi_y=self.kpi_y)

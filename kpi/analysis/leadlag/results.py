"""Lead-lag result types and constants.

The results hold numbers; every sentence (the overall reading, each driver's reading, the
impulse response's) is produced from them when read (:mod:`kpi.analysis.leadlag.text`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

import pandas as pd

from kpi.analysis.leadlag import text
from kpi.analysis.leadlag.text import ROLE_RANK
from kpi.errors import AnalysisError
from kpi.format import fmt_p, kpi_label
from kpi.segment import Segment

__all__ = [
    "CAVEATS",
    "MIN_PERIODS",
    "OUTCOME_CHOICES",
    "ROLES",
    "ROLE_RANK",
    "SURVEY_KPIS",
    "WARN_PERIODS",
    "GrangerResult",
    "ImpulseResponse",
    "LeadLagResult",
    "Role",
    "Stationarity",
]

Role = Literal["leading", "coincident", "lagging", "no evidence"]
ROLES: tuple[str, ...] = ("leading", "coincident", "lagging", "no evidence")
# Outcomes a manager usually asks about (churn is not in the KPI registry; "contacts" is volume).
OUTCOME_CHOICES: tuple[str, ...] = (
    "csat",
    "nps",
    "csat_top2",
    "ces",
    "repeat_contact_rate",
    "contacts",
)
SURVEY_KPIS: frozenset[str] = frozenset({"csat", "csat_top2", "nps", "ces"})
MIN_PERIODS = 20  # below this the tests cannot run at all
WARN_PERIODS = 60  # below this the roles are unstable (say so)

CAVEATS: tuple[str, ...] = (
    "Moving first is not proof of cause: Granger precedence means past values of the driver "
    "help predict the outcome, and a third factor that moves both (earlier for one of them) "
    "produces the same pattern.",
    "Survey KPIs (CSAT, NPS, CES) collected weekly, or with few responses a day, are mostly "
    "noise at daily grain: analyse them at weekly grain (and then you need about 60 weeks).",
    "Roles are relative to the chosen outcome and period: a KPI can lead CSAT and lag volume, "
    "and a link can change after a process change.",
)


# --------------------------------------------------------------------------------------------
# Result types
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class GrangerResult:
    """Granger ssr F-test (H0: ``cause`` does not help predict ``effect``)."""

    f_stat: float
    p_value: float
    df_num: int
    df_denom: int
    lag_order: int


@dataclass(frozen=True, slots=True)
class Stationarity:
    """ADF and KPSS on one series; ``stationary`` = ADF rejects and KPSS does not."""

    adf_p: float
    kpss_p: float  # clipped to [0.01, 0.10] by statsmodels
    stationary: bool


@dataclass(frozen=True, slots=True)
class LeadLagResult:
    """Everything ``analyze`` found: numbers, with the sentences produced when read.

    Attributes
    ----------
    outcome : the outcome KPI id.
    grain : "day", "week" or "period".
    max_lag : largest lag tested, in periods.
    alpha : significance level of the role rule.
    drivers : one row per driver, numbers only: the columns of ``lead_lag`` without
        ``summary``, plus ``error`` (why a driver could not be tested; "" when it was).
    ccf : long table ``kpi, lag, ccf, band`` (pre-whitened cross-correlation of every driver).
    warnings : data-specific warnings followed by the standing caveats.
    segment : the segment analysed (None: every contact).
    table : (read) ``drivers`` with each driver's ``summary`` sentence, as ``lead_lag``
        returns it (``attrs``: warnings, outcome, grain, max_lag, summary).
    summary : (read) one plain-language sentence about the whole result.
    """

    outcome: str
    grain: str
    max_lag: int
    alpha: float
    drivers: pd.DataFrame
    ccf: pd.DataFrame
    warnings: tuple[str, ...] = ()
    segment: Segment | None = None

    @property
    def summary(self) -> str:
        """One sentence: which KPIs move before the outcome, and by how much."""
        return text.overall_summary(self.drivers, self.outcome, self.grain, self.segment)

    def driver_summary(self, kpi: str) -> str:
        """One driver's reading: its role, lag, strength and the textbook's view."""
        return text.driver_summary(self.row(kpi, with_summary=False), self.outcome, self.grain)

    @property
    def table(self) -> pd.DataFrame:
        """The per-driver table with a ``summary`` sentence each (see ``lead_lag``)."""
        t = self.drivers.copy()
        t["summary"] = [
            text.driver_summary({str(k): v for k, v in rec.items()}, self.outcome, self.grain)
            for rec in self.drivers.to_dict("records")
        ]
        t.attrs.update(
            warnings=self.warnings,
            outcome=self.outcome,
            grain=self.grain,
            max_lag=self.max_lag,
            summary=self.summary,
        )
        return t

    def to_frame(self) -> pd.DataFrame:
        """The per-driver table with its sentences (a new frame)."""
        return self.table

    def display_table(self) -> pd.DataFrame:
        """The columns a manager reads, with readable names (for the page and the report)."""
        t = self.table
        unit = {"day": "days", "week": "weeks"}.get(self.grain, "periods")
        return pd.DataFrame(
            {
                "KPI": t["kpi"].map(kpi_label),
                "role in your data": t["role"],
                f"moves first by ({unit})": t["best_lag"],
                "r (pre-whitened)": t["ccf_at_best_lag"].round(2),
                "Granger p (adjusted)": t["p_adj"].map(fmt_p),
                "textbook role": t["default_role"],
                "textbook expects": t["expected_role"],
                "agreement": t["agreement"],
                "reading": t["summary"],
            }
        )

    def headline_numbers(self) -> tuple[tuple[str, str], ...]:
        """(label, value) pairs for a pinned finding: each non-null role with its lag."""
        unit = {"day": "d", "week": "wk"}.get(self.grain, "")
        out = []
        for rec in self.drivers.to_dict("records"):
            if rec["role"] == "no evidence":
                continue
            lag = rec["best_lag"]
            lag_txt = f"{int(lag):+d}{unit}" if lag is not pd.NA and lag == lag else ""
            out.append((kpi_label(str(rec["kpi"])), f"{rec['role']} {lag_txt}".strip()))
        n_none = int((self.drivers["role"] == "no evidence").sum())
        out.append(("no evidence", f"{n_none} KPIs"))
        return tuple(out)

    def row(self, kpi: str, *, with_summary: bool = True) -> dict[str, Any]:
        """One driver's row as a dict, with its ``summary`` sentence unless ``with_summary`` is
        False (``AnalysisError`` if it was not tested)."""
        hit = self.drivers[self.drivers["kpi"] == kpi]
        if hit.empty:
            raise AnalysisError(f"{kpi!r} was not among the drivers tested; add it to the drivers.")
        rec = {str(k): v for k, v in hit.iloc[0].to_dict().items()}
        if with_summary:
            rec["summary"] = text.driver_summary(rec, self.outcome, self.grain)
        return rec


@dataclass(frozen=True, slots=True)
class ImpulseResponse:
    """Response of the outcome to a one-off shock in the driver, from a small VAR.

    Attributes
    ----------
    driver, outcome : KPI ids.
    shock : size of the driver shock, in the driver's units (default: one typical surprise,
        the standard deviation of the driver's VAR residual).
    lag_order : VAR order.
    differenced : whether the VAR ran on differences (then ``level`` is the cumulative response).
    frame : ``step, response, ci_low, ci_high, level, level_low, level_high`` (95% asymptotic
        bands); ``level`` is the change in the outcome's level ``step`` periods after the shock.
    peak_step, peak_level, peak_low, peak_high : where the level response is largest in size,
        its value and its 95% band.
    grain : "day", "week" or "period" (the unit of ``step``).
    warnings : caveats. segment : the segment analysed (None: every contact).
    summary : (read) one sentence, produced from the numbers.
    """

    driver: str
    outcome: str
    shock: float
    lag_order: int
    differenced: bool
    frame: pd.DataFrame
    peak_step: int
    peak_level: float
    peak_low: float
    peak_high: float
    grain: str = "period"
    warnings: tuple[str, ...] = field(default=())
    segment: Segment | None = None

    @property
    def summary(self) -> str:
        """One sentence: the shock, the peak response and whether its band excludes zero."""
        return text.impulse_summary(self)

    def to_frame(self) -> pd.DataFrame:
        """The response by step (a copy)."""
        return self.frame.copy()

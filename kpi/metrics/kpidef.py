"""The typed pieces of the registry: a KPI (:class:`KpiDef`), its SQL (:class:`KpiSql`) and the
typed reason it cannot be computed (:class:`Unavailable`).

A ``KpiDef`` holds every per-KPI fact: what it means, its unit and direction, the columns it
needs under given settings, its SQL over contacts and over aggregated tables, the extra hover
text its settings call for, the engine pass it runs in, its default target and action trigger.
The engine, the availability check and the pages read these; nothing else spells them out.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from kpi.metrics.settings import Settings

__all__ = [
    "AggregatedSql",
    "EnginePass",
    "KpiDef",
    "KpiSql",
    "Stat",
    "Unavailable",
    "Unit",
]

Unit = Literal["count", "seconds", "rate", "score", "nps", "currency"]
#: How the value is built from the aggregates: count (a sum), rate (num ÷ den, Wilson interval),
#: mean (sum ÷ n, Student t), ratio (ratio of sums, delta method), nps (promoters − detractors),
#: quantile (an order statistic). A count computed by the "stock" engine pass is a level at the
#: period's end (the open backlog), not a sum over the period.
Stat = Literal["count", "rate", "mean", "ratio", "nps", "quantile"]
#: Which engine pass computes the KPI: one GROUP BY over the rows ("group"), the per-customer
#: window pass ("window"), or the running balance of opened minus closed items ("stock").
EnginePass = Literal["group", "window", "stock"]


@dataclass(frozen=True, slots=True)
class KpiSql:
    """SQL aggregates of one KPI.

    ``aggs`` maps a name to a SQL aggregate: the parts the value is built from (``num``,
    ``den``, ``ss``, ``prom``, ``det``, ``q``, ``p``, ``n``, ``yy``, ``xx``, ``xy``) and
    bookkeeping totals the KPI's ``note`` reads: ``excl`` (rows left out because a numerator or
    denominator is missing), ``gap``, ``immature``. ``note`` says how the SQL was chosen (weights,
    fallbacks) when that depends on the columns present.
    """

    stat: Stat
    aggs: dict[str, str]
    note: str = ""


@dataclass(frozen=True, slots=True)
class Unavailable:
    """Why a KPI cannot be computed: a sentence fragment plus the missing columns, if any.

    ``missing`` names canonical columns (a group of alternatives as ``"a|b"``); it is empty when
    no column would help (e.g. a median needs contact-level data, not a column).
    """

    reason: str
    missing: tuple[str, ...] = ()

    @property
    def needs_contacts(self) -> bool:
        """True when only contact-level data would do (no column of a summary would help)."""
        return not self.missing


#: An aggregated-table builder: (columns present, settings) -> the SQL or why it cannot be built.
AggregatedSql = Callable[[frozenset[str], Settings], "KpiSql | Unavailable"]


def _no_extra(settings: Settings) -> tuple[str, ...]:
    del settings
    return ()


def _no_text(settings: Settings, shape: str) -> str:
    del settings, shape
    return ""


def _no_note(totals: Mapping[str, float], settings: Settings, shape: str) -> str:
    del totals, settings, shape
    return ""


@dataclass(frozen=True, slots=True)
class KpiDef:
    """One KPI of the registry.

    Attributes
    ----------
    id : stable identifier (column name in wide tables).
    name : display name.
    unit : "count", "seconds", "rate" (a 0-1 fraction, shown as %), "score", "nps" or "currency".
    better : "higher" or "lower".
    category : experience, access, efficiency, workforce or business.
    role : default role in lead/lag analyses: leading, lagging or bridging (KPI_REFERENCE.md).
    formula : the formula in words (numerator ÷ denominator over canonical columns).
    numerator, denominator : each in words.
    definition : glossary text.
    stat : how the value is built from the aggregates (see :data:`Stat`).
    sql : aggregate templates over contacts (``{snippet}`` placeholders, see ``sql.snippets``).
    columns : canonical interaction columns it needs (all of them).
    any_of : groups of columns of which at least one is needed (e.g. handle or talk time).
    target : default target in the KPI's unit (None = depends on the business).
    trigger : the action trigger in the KPI's unit: a value beyond it (on the wrong side given
        ``better``) marks the KPI red and fires an Overview trigger (KPI_REFERENCE.md).
    trigger_change : an action trigger on the *change* (in the KPI's unit) against ``better``
        over the trigger window, e.g. NPS down 10+ points.
    display_unit : the unit shown next to a value ("%", "s", "pts", "" for plain numbers).
    benchmark : (low, high) band in the KPI's unit, or None.
    benchmark_note : where the target/band comes from.
    optional : computed by default only when the data has its columns (ticket KPIs): a contact
        log is not told "backlog not available" unless it asks for it.
    engine : the engine pass (``pass_for`` overrides it per settings).
    needs : extra columns it needs under given settings, beyond ``columns``.
    aggregated : its SQL over an aggregated (daily/monthly) table; None = contact-level only.
    explain : settings-dependent hover text (appended to ``name = formula.``).
    note : a note from the KPI's bookkeeping totals (e.g. immature contacts), after a run.
    """

    id: str
    name: str
    unit: Unit
    better: Literal["higher", "lower"]
    category: Literal["experience", "access", "efficiency", "workforce", "business"]
    role: Literal["leading", "lagging", "bridging"]
    formula: str
    numerator: str
    denominator: str
    definition: str
    stat: Stat
    sql: dict[str, str]
    columns: tuple[str, ...] = ()
    any_of: tuple[tuple[str, ...], ...] = ()
    target: float | None = None
    trigger: float | None = None
    trigger_change: float | None = None
    display_unit: str = ""
    benchmark: tuple[float, float] | None = None
    benchmark_note: str = ""
    optional: bool = False
    engine: EnginePass = "group"
    pass_for: Callable[[Settings], EnginePass] | None = field(default=None, repr=False)
    needs: Callable[[Settings], tuple[str, ...]] = field(default=_no_extra, repr=False)
    aggregated: AggregatedSql | None = field(default=None, repr=False)
    explain: Callable[[Settings, str], str] = field(default=_no_text, repr=False)
    note: Callable[[Mapping[str, float], Settings, str], str] = field(default=_no_note, repr=False)

    def engine_pass(self, settings: Settings) -> EnginePass:
        """The engine pass this KPI runs in under ``settings``."""
        return self.pass_for(settings) if self.pass_for is not None else self.engine

    def required(self, settings: Settings) -> tuple[str, ...]:
        """Every column it needs under ``settings`` (alternatives as ``"a|b"``)."""
        return (
            *dict.fromkeys((*self.columns, *self.needs(settings))),
            *("|".join(g) for g in self.any_of),
        )

    def format(self, value: float | None) -> str:
        """The value in its display unit ("75.0%", "4.5 min", "+40", "4.20"), by ``kpi.format``."""
        from kpi.format import fmt_kpi  # imported late: kpi.format reads this registry

        return fmt_kpi(self.id, value)

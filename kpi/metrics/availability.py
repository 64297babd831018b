"""Which KPIs a table can give, and their SQL for it: contacts or a summary table.

:func:`kpi_sql` and :func:`aggregated_sql` turn a registry entry into SQL for the columns
present; :func:`unavailable` says, as a typed :class:`Unavailable`, why a KPI cannot be built;
:func:`available_kpis` is the column-level view the Data page shows.
"""

from __future__ import annotations

from collections.abc import Iterable

from kpi.metrics.kpidef import KpiSql, Unavailable
from kpi.metrics.registry import KPIS
from kpi.metrics.settings import Settings
from kpi.metrics.sql import snippets

__all__ = [
    "AGGREGATED_SQL",
    "aggregated_sql",
    "available_kpis",
    "kpi_sql",
    "unavailable",
]


def kpi_sql(kpi_id: str, columns: Iterable[str], settings: Settings) -> KpiSql:
    """The SQL aggregates of ``kpi_id`` over interaction columns, under ``settings``."""
    k = KPIS[kpi_id]
    sn = snippets(columns, settings)
    return KpiSql(k.stat, {name: tpl.format(**sn) for name, tpl in k.sql.items()})


def aggregated_sql(kpi_id: str, columns: Iterable[str], settings: Settings) -> KpiSql | Unavailable:
    """The SQL of ``kpi_id`` over an aggregated (summary) table, or why it cannot be built.

    Averages are re-weighted by their denominators (ASA, AHT, talk time and service level by
    answered contacts; CSAT by survey responses), so a week is a ratio of sums, not a mean of
    days; a row whose numerator is missing is left out of numerator and denominator.
    """
    k = KPIS[kpi_id]
    if k.aggregated is None:
        return Unavailable(
            f"needs contact-level data ({k.formula}); a summary table cannot give it"
        )
    return k.aggregated(frozenset(columns), settings)


AGGREGATED_SQL = aggregated_sql


def _missing_columns(kpi_id: str, cols: set[str], settings: Settings) -> tuple[str, ...]:
    k = KPIS[kpi_id]
    gone = [c for c in dict.fromkeys((*k.columns, *k.needs(settings))) if c not in cols]
    gone += ["|".join(g) for g in k.any_of if not any(c in cols for c in g)]
    return tuple(gone)


def unavailable(
    kpi_id: str, columns: Iterable[str], shape: str, settings: Settings
) -> Unavailable | None:
    """Why ``kpi_id`` cannot be computed from these columns (None when it can)."""
    cols = set(columns)
    if shape == "aggregated":
        res = aggregated_sql(kpi_id, cols, settings)
        return res if isinstance(res, Unavailable) else None
    gone = _missing_columns(kpi_id, cols, settings)
    if not gone:
        return None
    names = [" or ".join(g.split("|")) for g in gone]
    reason = f"missing column{'s' if len(names) > 1 else ''} {', '.join(names)}"
    if kpi_id == "fcr" and settings.fcr_method == "flag" and "customer_id" in cols:
        reason += " (or switch the FCR method to the repeat-contact window)"
    return Unavailable(reason, gone)


def available_kpis(
    columns: Iterable[str],
    shape: str = "interactions",
    settings: Settings | None = None,
) -> dict[str, tuple[str, ...]]:
    """Which KPIs can be computed from these canonical columns.

    Returns
    -------
    dict kpi id -> missing columns (empty tuple = available). A group of alternatives is
    named ``"a|b"`` (either column would do). For the aggregated shape a KPI that needs
    contact-level data lists ``"contact-level data"``.
    """
    settings = settings or Settings()
    cols = set(columns)
    out: dict[str, tuple[str, ...]] = {}
    for kid in KPIS:
        why = unavailable(kid, cols, shape, settings)
        if why is None:
            out[kid] = ()
        else:
            out[kid] = why.missing or ("contact-level data",)
    return out

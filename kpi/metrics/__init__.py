"""The KPI registry: every fact about a KPI in its one entry (definition, SQL, unit, target).

The package reads like a map:

* ``settings``     — :class:`Settings`, the formula variants (service level, FCR, SLA targets...);
* ``kpidef``       — the typed pieces: :class:`KpiDef`, :class:`KpiSql`, :class:`Unavailable`;
* ``sql``          — the SQL building blocks (derived per-row columns, snippets, aggregate shapes);
* ``aggregated``   — the SQL of KPIs over summary tables (daily / weekly / monthly reports);
* ``registry``     — the contact-centre entries and :data:`KPIS`; ``tickets`` the ticket entries;
* ``availability`` — which KPIs a table can give, and their SQL for it.

A new KPI is one ``KpiDef`` entry in ``registry.py`` (or ``tickets.py``) plus its test.
"""

from kpi.metrics.availability import (
    AGGREGATED_SQL,
    aggregated_sql,
    available_kpis,
    kpi_sql,
    unavailable,
)
from kpi.metrics.kpidef import KpiDef, KpiSql, Unavailable
from kpi.metrics.registry import KPIS, better
from kpi.metrics.settings import PRIORITIES, SL_VARIANTS, Settings
from kpi.metrics.sql import QUANTILE_FRACTIONS, derived_columns, quantile_grid, snippets

__all__ = [
    "AGGREGATED_SQL",
    "KPIS",
    "KpiDef",
    "KpiSql",
    "PRIORITIES",
    "QUANTILE_FRACTIONS",
    "SL_VARIANTS",
    "Settings",
    "Unavailable",
    "aggregated_sql",
    "available_kpis",
    "better",
    "derived_columns",
    "kpi_sql",
    "quantile_grid",
    "snippets",
    "unavailable",
]

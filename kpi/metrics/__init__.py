"""The KPI registry: every fact about a KPI in its one entry (definition, SQL, unit, target)."""

from kpi.metrics.definitions import (
    AGGREGATED_SQL,
    KPIS,
    QUANTILE_FRACTIONS,
    SL_VARIANTS,
    KpiDef,
    KpiSql,
    Settings,
    aggregated_sql,
    available_kpis,
    better,
    derived_columns,
    kpi_sql,
    quantile_grid,
    snippets,
)

__all__ = [
    "AGGREGATED_SQL",
    "KPIS",
    "KpiDef",
    "KpiSql",
    "QUANTILE_FRACTIONS",
    "SL_VARIANTS",
    "Settings",
    "available_kpis",
    "better",
    "derived_columns",
    "kpi_sql",
    "aggregated_sql",
    "quantile_grid",
    "snippets",
]

"""The KPI engine: the registry's SQL run over contacts or aggregated rows, giving a KpiTable."""

from kpi.engine.core import (
    GRAINS,
    KpiTable,
    compute,
    wilson_interval,
)

__all__ = [
    "GRAINS",
    "KpiTable",
    "compute",
    "wilson_interval",
]

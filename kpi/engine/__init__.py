"""The KPI engine: the registry's SQL run over contacts or aggregated rows, giving a KpiTable.

validate (``validate.py``: check the request, pick the computable KPIs) → plan (``plan.py``: pure
SQL assembly, any source relation) → run (``run.py``: DuckDB) → tidy (``tidy.py``: values,
intervals from ``intervals.py``, empty periods, stocks) → :class:`KpiTable` (``table.py``).
"""

from kpi.engine.intervals import wilson_interval
from kpi.engine.plan import QueryPlan, plan
from kpi.engine.run import compute, execute
from kpi.engine.table import KpiTable
from kpi.engine.validate import GRAINS, check_grain

__all__ = [
    "GRAINS",
    "KpiTable",
    "QueryPlan",
    "check_grain",
    "compute",
    "execute",
    "plan",
    "wilson_interval",
]

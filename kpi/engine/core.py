"""Transitional names for ``kpi/engine/lake.py`` and ``spark.py`` while they move to the split
engine (``plan.plan``, ``tidy.merge``, ``tidy.tidy``, ``table.KpiTable``). Delete this module once
nothing imports ``kpi.engine.core``; new code imports from the modules named above.
"""

from __future__ import annotations

from kpi.engine.table import KpiTable
from kpi.engine.tidy import merge as _merge
from kpi.engine.tidy import tidy as _tidy
from kpi.engine.validate import GRAINS

__all__ = ["GRAINS", "KpiTable"]

# Kept under their old private names for the interim imports of kpi/engine/lake.py.
_ = (_merge, _tidy)

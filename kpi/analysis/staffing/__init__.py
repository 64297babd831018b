"""Staffing and money what-ifs: Erlang C and Erlang A from the user's own contacts.

``erlang`` holds the queueing models (vectorised, safe for thousands of calls per interval),
``data`` turns contacts into interval workloads, patience and the repeat model, ``whatif`` restaffs
a month under changed AHT, FCR and volume and prices it.
"""

from kpi.analysis.staffing.check import StaffingCheck, segments, staffing_check
from kpi.analysis.staffing.data import (
    ALL_QUEUES,
    RepeatModel,
    Workload,
    interval_load,
    interval_staffing,
    last_complete_month,
    month_workload,
    patience_by_queue,
    repeat_model,
)
from kpi.analysis.staffing.erlang import (
    ErlangA,
    ErlangC,
    agents_needed,
    erlang_a,
    erlang_a_table,
    erlang_b,
    erlang_c,
    erlang_c_table,
    staffing_table,
    traffic_erlangs,
)
from kpi.analysis.staffing.whatif import (
    SEED_SCENARIO,
    Outcome,
    Scenario,
    WhatIf,
    agents_by_time_of_day,
    cards,
    comparison_table,
    evaluate,
    seed_scenarios,
    what_if,
)

__all__ = [
    "ALL_QUEUES",
    "SEED_SCENARIO",
    "ErlangA",
    "ErlangC",
    "Outcome",
    "RepeatModel",
    "Scenario",
    "StaffingCheck",
    "WhatIf",
    "Workload",
    "agents_by_time_of_day",
    "agents_needed",
    "cards",
    "erlang_a",
    "erlang_a_table",
    "erlang_b",
    "erlang_c",
    "comparison_table",
    "erlang_c_table",
    "evaluate",
    "interval_load",
    "interval_staffing",
    "last_complete_month",
    "month_workload",
    "patience_by_queue",
    "repeat_model",
    "seed_scenarios",
    "segments",
    "staffing_check",
    "staffing_table",
    "traffic_erlangs",
    "what_if",
]

"""The Overview's analyses: KPI cards, triggers, signals, topics and money.

* :mod:`.cards` — each KPI's latest complete period against its target, with a status;
* :mod:`.triggers` — targets, red lines and action triggers, all read from the registry;
* :mod:`.signals` — conflicting signals and gaming ("AHT improved while FCR and CSAT declined");
* :mod:`.breakdown` — every KPI per segment; :mod:`.topics` — contact reasons and AHT norms;
* :mod:`.money` — cost per contact and the cost of repeat contacts.

Everything works on ``KpiTable`` objects from :func:`kpi.engine.compute` (or their tidy frame),
so the Overview agrees with ``kpi compute`` on the same data.
"""

from kpi.analysis.overview.breakdown import breakdown_table, segment_columns
from kpi.analysis.overview.cards import (
    CORE_KPIS,
    DEFAULT_CARD_KPIS,
    FALLBACK_CARD_KPIS,
    SUPPORTING_KPIS,
    KpiCard,
    cards_frame,
    cards_reading,
    default_card_kpis,
    format_change,
    kpi_cards,
    period_end,
    rag_status,
    trend_reading,
)
from kpi.analysis.overview.money import MoneyResult, money
from kpi.analysis.overview.signals import (
    Signal,
    detect_signals,
    detect_transfer_gaming,
    signal_kpis,
    signal_numbers,
    signals_frame,
)
from kpi.analysis.overview.topics import (
    TOPIC_NORMS,
    TopicNorm,
    aht_by_topic,
    topic_norm,
    topic_pareto,
    topic_spikes,
)
from kpi.analysis.overview.triggers import (
    DEFAULT_TRIGGERS,
    TRIGGER_ACTIONS,
    Trigger,
    default_red_lines,
    default_targets,
    evaluate_triggers,
    meets_target,
    registry_triggers,
    targets_met,
)

__all__ = [
    "CORE_KPIS",
    "DEFAULT_CARD_KPIS",
    "DEFAULT_TRIGGERS",
    "FALLBACK_CARD_KPIS",
    "SUPPORTING_KPIS",
    "TOPIC_NORMS",
    "TRIGGER_ACTIONS",
    "KpiCard",
    "MoneyResult",
    "Signal",
    "TopicNorm",
    "Trigger",
    "aht_by_topic",
    "breakdown_table",
    "cards_frame",
    "cards_reading",
    "default_card_kpis",
    "default_red_lines",
    "default_targets",
    "detect_signals",
    "detect_transfer_gaming",
    "evaluate_triggers",
    "format_change",
    "kpi_cards",
    "meets_target",
    "money",
    "period_end",
    "rag_status",
    "registry_triggers",
    "segment_columns",
    "signal_kpis",
    "signal_numbers",
    "signals_frame",
    "targets_met",
    "topic_norm",
    "topic_pareto",
    "topic_spikes",
    "trend_reading",
]

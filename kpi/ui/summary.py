"""The Overview's short forms: what needs attention in three lines, one line per fired trigger,
a signal's evidence in one line (the long forms sit behind expanders)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
import streamlit as st

from kpi import format as fmt

__all__ = [
    "attention_lines",
    "attention_summary",
    "evidence_text",
    "trigger_lines",
]


def trigger_lines(table: pd.DataFrame) -> list[str]:
    """One markdown line per fired trigger (from ``tables.triggers_table(...).main``)."""
    out = []
    for rec in table.to_dict("records"):
        out.append(
            f"**{rec['Where']}** · {rec['Rule']} · {rec['Which weeks']} "
            f"(latest {rec['Latest']}) → {rec['Action']}"
        )
    return out


def evidence_text(evidence: Mapping[str, Any]) -> str:
    """A signal's evidence in one line: "Average handle time 8.6 min → 6.4 min (−25%, p < 0.001) · …"."""
    parts = []
    for key in evidence:
        if not str(key).endswith("_before") or str(key).startswith("n_weeks"):
            continue
        kpi = str(key).removesuffix("_before")
        before, after = evidence.get(f"{kpi}_before"), evidence.get(f"{kpi}_after")
        rel = evidence.get(f"{kpi}_relative_change")
        p = evidence.get(f"{kpi}_p_value")
        extra = [f"{100 * float(rel):+.0f}%"] if rel is not None else []
        if p is not None:
            extra.append(fmt.fmt_p_clause(p))
        parts.append(
            f"{fmt.kpi_label(kpi)} {fmt.fmt_kpi(kpi, before)} → {fmt.fmt_kpi(kpi, after)}"
            + (f" ({', '.join(extra)})" if extra else "")
        )
    weeks = [evidence.get("n_weeks_before"), evidence.get("n_weeks_after")]
    if all(w is not None for w in weeks):
        parts.append(f"{weeks[0]} weeks before, {weeks[1]} after")
    return " · ".join(parts)


def attention_lines(
    signals: Sequence[Any], triggers: pd.DataFrame, cards: Sequence[Any]
) -> list[str]:
    """At most three lines: the KPIs off target, the first conflicting signal, the triggers.

    Parameters
    ----------
    signals : ``overview.Signal`` objects (``segment``, ``sentence``).
    triggers : ``tables.triggers_table(...).main`` (Where, Rule, Weeks, Which weeks...).
    cards : ``overview.KpiCard`` objects (``name``, ``value_text``, ``target_text``, ``status``).
    """
    lines = []
    red = [c for c in cards if getattr(c, "status", "") == "red"]
    rated = [c for c in cards if getattr(c, "status", "none") != "none"]
    if red:
        names = ", ".join(f"{c.name} {c.value_text} (target {c.target_text})" for c in red[:3])
        more = f" and {len(red) - 3} more" if len(red) > 3 else ""
        lines.append(f"🔴 **{len(red)} of {len(rated)} KPIs miss their target**: {names}{more}.")
    elif rated:
        lines.append(f"🟢 **All {len(rated)} KPIs with a target are on or near it.**")
    if signals:
        first = signals[0]
        where = first.label()
        reading = first.sentence.split(": ", 1)[-1].split(" — ")[0].split(". ")[0].rstrip(".")
        more = f" (+{len(signals) - 1} more signals)" if len(signals) > 1 else ""
        lines.append(f"⚠️ **{where}**: {reading}{more}.")
    if not triggers.empty:
        top = triggers.sort_values("Weeks", ascending=False).iloc[0]
        lines.append(
            f"🚩 **{len(triggers)} action trigger{'s' if len(triggers) != 1 else ''} fired**; "
            f"the longest: {top['Where']}, {top['Rule']} in {top['Which weeks']}."
        )
    if not lines:
        lines.append("✅ Nothing needs attention on the selected data.")
    return lines[:3]


def attention_summary(signals: Sequence[Any], shown: Any, cards: Sequence[Any]) -> None:
    """Draw the three-line summary in a bordered box (``shown`` = ``tables.triggers_table``)."""
    with st.container(border=True):
        st.markdown("**What needs attention**")
        st.markdown("  \n".join(attention_lines(signals, shown.main, cards)))

"""Widgets shared by the pages: the sidebar frame, pickers, the pin button."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from kpi.findings import Finding
from kpi.ui import state

if TYPE_CHECKING:
    from kpi.engine import KpiTable

__all__ = [
    "GRAINS",
    "dataset_badge",
    "grain_select",
    "kpi_label",
    "kpi_select",
    "pin_button",
    "scope_text",
    "sidebar",
    "unavailable_note",
]

GRAINS: dict[str, str] = {"day": "Day", "week": "Week", "month": "Month"}
_FILTER_COLUMNS = ("queue", "channel", "team", "topic")


def kpi_label(kpi_id: str) -> str:
    """Display name of a KPI id (the id itself if the registry does not know it)."""
    from kpi.metrics import KPIS

    k = KPIS.get(kpi_id)
    return k.name if k is not None else kpi_id


def dataset_badge() -> str:
    """One line: which dataset is active, its row count and date range."""
    ds = state.current_dataset()
    rng = ds.date_range
    dates = f"{rng[0]:%d %b %Y} – {rng[1]:%d %b %Y}" if rng else "no dates"
    unit = "contacts" if ds.shape == "interactions" else "daily rows"
    return f"**{ds.name}** · {ds.n_rows:,} {unit} · {dates}"


def sidebar() -> None:
    """The shared frame: active dataset, date range and segment filter, reset to sample."""
    ds = state.current_dataset()
    with st.sidebar:
        st.markdown("#### Dataset")
        st.markdown(dataset_badge(), help="Load your own export on the Data page.")
        if not state.is_sample() and st.button("Back to the sample", key="sidebar_reset"):
            state.reset_dataset()
            st.rerun()
        rng = ds.date_range
        if rng is None:
            return
        lo, hi = rng[0].date(), rng[1].date()
        sc = state.scope()
        picked = st.date_input(
            "Date range",
            value=(sc.start or lo, sc.end or hi),
            min_value=lo,
            max_value=hi,
            key=f"sidebar_dates_{ds.fingerprint}",
        )
        start, end = picked if isinstance(picked, tuple) and len(picked) == 2 else (lo, hi)
        filters: list[tuple[str, tuple[str, ...]]] = []
        for col in _FILTER_COLUMNS:
            if col not in ds.frame.columns:
                continue
            values = sorted(v for v in ds.frame[col].dropna().unique().tolist() if str(v))
            if not 1 < len(values) <= 200:
                continue
            chosen = st.multiselect(
                col.replace("_", " ").capitalize(),
                values,
                default=[v for v in dict(sc.filters).get(col, ()) if v in values],
                key=f"sidebar_filter_{col}_{ds.fingerprint}",
                placeholder="All",
            )
            if chosen:
                filters.append((col, tuple(chosen)))
        new = state.Scope(
            start=start if start != lo else None,
            end=end if end != hi else None,
            filters=tuple(filters),
        )
        if new != sc:
            state.set_scope(new)
        if new != state.Scope():
            st.caption(f"Filtered: {new.describe()}")


def grain_select(
    key: str, default: str = "day", options: Sequence[str] = ("day", "week", "month")
) -> str:
    """A horizontal radio for the period grain."""
    return st.radio(
        "Period",
        list(options),
        index=list(options).index(default),
        format_func=lambda g: GRAINS.get(g, g),
        horizontal=True,
        key=key,
    )


def kpi_select(
    label: str,
    options: Sequence[str],
    default: Sequence[str] | str | None,
    key: str,
    *,
    multiple: bool = True,
) -> list[str] | str:
    """Pick KPI ids by display name (multiselect, or a selectbox with ``multiple=False``)."""
    opts = list(options)
    if not multiple:
        index = opts.index(default) if isinstance(default, str) and default in opts else 0
        return st.selectbox(label, opts, index=index, format_func=kpi_label, key=key)
    chosen = [d for d in (default or []) if d in opts]
    return st.multiselect(label, opts, default=chosen, format_func=kpi_label, key=key)


def unavailable_note(table: KpiTable, wanted: Sequence[str] | None = None) -> None:
    """Say which KPIs cannot be computed on this data and which columns they need."""
    items = {k: v for k, v in table.unavailable.items() if wanted is None or k in wanted}
    if not items:
        return
    lines = "\n".join(f"- **{kpi_label(k)}**: {reason}" for k, reason in items.items())
    st.info(f"Not available on this data:\n{lines}")


def pin_button(
    finding: Finding | Callable[[], Finding], key: str, label: str = "📌 Pin to report"
) -> bool:
    """A button that adds ``finding`` to the session's meeting report (a callable is only
    called when the button is clicked: for findings whose chart costs something to build)."""
    if st.button(label, key=key, help="Adds this result to the Report page."):
        if callable(finding):
            finding = finding()
        state.pin(finding)
        st.toast(f"Pinned: {finding.title}")
        return True
    return False


def scope_text(extra: str = "") -> str:
    """The data scope sentence stored with a finding (dataset, dates, filter, settings)."""
    ds = state.scoped_dataset()
    rng = ds.date_range
    dates = f"{rng[0]:%Y-%m-%d} to {rng[1]:%Y-%m-%d}" if rng else "no dates"
    parts = [ds.name, dates, state.scope().describe(), state.settings().describe()]
    if extra:
        parts.append(extra)
    return " · ".join(p for p in parts if p)


def today() -> dt.date:
    """Today's date (a seam for tests)."""
    return pd.Timestamp.now().date()

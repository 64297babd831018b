"""Widgets shared by the pages: the sidebar frame, pickers that remember their value, unit-aware
inputs, the pin button and the context every pinned finding carries."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, cast

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from kpi import format as fmt
from kpi.findings import Finding, FindingKind
from kpi.segment import COMPARE_COLUMNS
from kpi.ui import layout, state

if TYPE_CHECKING:
    from kpi.engine import KpiTable

__all__ = [
    "GRAINS",
    "chart",
    "context",
    "currency_select",
    "dataset_badge",
    "events_for",
    "finding",
    "grain_select",
    "kpi_label",
    "kpi_select",
    "kpi_target_input",
    "pin_button",
    "pinned_count",
    "readable",
    "remembered",
    "scope_text",
    "sidebar",
    "unavailable_note",
]

GRAINS: dict[str, str] = {"day": "Day", "week": "Week", "month": "Month"}
_CURRENCY_NAMES = {"": "none", "$": "$ dollar", "€": "€ euro", "£": "£ pound", "CHF ": "CHF"}


def kpi_label(kpi_id: str) -> str:
    """Display name of a KPI id ("Average handle time"), never the id."""
    return fmt.kpi_label(kpi_id)


_ID_PATTERN: re.Pattern[str] | None = None


def readable(text: str) -> str:
    """``text`` with every KPI id written as the KPI's name ("csat_top2" -> "CSAT (% satisfied)").

    For sentences produced by the analyses before they learnt to name KPIs: ids are replaced as
    whole words only where they are ids (lower case, not part of a longer word), so "contacts"
    as a word stays a word while "asa_p90" becomes its name.
    """
    global _ID_PATTERN  # noqa: PLW0603 - compiled once, read-only afterwards
    from kpi.metrics import KPIS

    if _ID_PATTERN is None:
        ids = sorted((k for k in KPIS if k.lower() != KPIS[k].name.lower()), key=len, reverse=True)
        _ID_PATTERN = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, ids)) + r")(?![\w-])")
    return _ID_PATTERN.sub(lambda m: fmt.kpi_label(m.group(1)), text)


def dataset_badge(*, scoped: bool = False) -> str:
    """One line: which dataset is active, its row count and date range.

    With ``scoped`` the count and dates are those of the sidebar's filter ("60,114 of 214,780
    contacts" when filtered to Billing), so a page's caption agrees with what it shows.
    """
    ds = state.current_dataset()
    shown = state.scoped_dataset() if scoped else ds
    rng = shown.date_range
    dates = f"{rng[0]:%d %b %Y} – {rng[1]:%d %b %Y}" if rng else "no dates"
    unit = "contacts" if ds.shape == "interactions" else "daily rows"
    count = f"{shown.n_rows:,} {unit}"
    if shown.n_rows != ds.n_rows:
        count = f"{shown.n_rows:,} of {ds.n_rows:,} {unit}"
    return f"**{ds.name}** · {count} · {dates}"


def remembered(key: str, default: Any, options: Sequence[Any] | None = None) -> str:
    """``state.persist``: use as a widget's ``key=`` so the choice survives a page switch."""
    return state.persist(key, default, options)


def _sidebar_scope(ds: Any) -> None:
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
        help="Pick the dates in the calendar, or type them and press Enter to apply.",
    )
    start, end = picked if isinstance(picked, tuple) and len(picked) == 2 else (lo, hi)
    filters: list[tuple[str, tuple[str, ...]]] = []
    for col in COMPARE_COLUMNS:
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


def _sidebar_settings() -> None:
    # Seeded from state (not the widgets' value=) so a value set elsewhere, e.g. by the
    # "exit presentation" button, is what the widget shows.
    st.session_state.setdefault("sidebar_presentation", state.presentation())
    currency_select("Currency for costs", key="sidebar_currency")
    st.toggle(
        "Presentation mode",
        key="sidebar_presentation",
        on_change=lambda: state.set_presentation(st.session_state["sidebar_presentation"]),
        help="Hides this sidebar and the filters: charts and verdicts only, for the meeting.",
    )
    if st.button(
        "Reset my choices",
        key="sidebar_reset_choices",
        help="Targets, segments and periods chosen on every page go back to their defaults.",
    ):
        state.reset_choices()
        st.rerun()


def sidebar() -> DeltaGenerator:
    """The shared frame: dataset, date range and segment filter, currency, presentation mode,
    the page CSS (900 px layout, presentation mode).

    Returns the sidebar slot for the count of pinned findings: the frame fills it with
    :func:`pinned_count` after the page ran, so a pin made in this run is counted.
    """
    ds = state.current_dataset()
    layout.apply(presentation=state.presentation())
    if state.presentation():
        layout.exit_presentation_button()
    with st.sidebar:
        slot = st.empty()
        pinned_count(slot)
        st.markdown("#### Dataset")
        st.markdown(dataset_badge(), help="Load your own export on the Data page.")
        if not state.is_sample() and st.button("Back to the sample", key="sidebar_reset"):
            state.reset_dataset()
            st.rerun()
        _sidebar_scope(ds)
        st.markdown("#### Settings")
        _sidebar_settings()
    return slot


_CURRENCY_KEYS = ("sidebar_currency", "whatif_currency")


def currency_select(label: str, key: str, container: DeltaGenerator | None = None) -> str:
    """A selectbox for the session's one currency (:func:`state.currency`): the sidebar's and a
    page's boxes edit the same setting, so every cost on every page shows the same symbol."""

    def _chosen() -> None:
        state.set_currency(st.session_state[key])
        for other in _CURRENCY_KEYS:  # the other boxes follow (callbacks run before widgets)
            if other != key:
                st.session_state[other] = state.currency()

    st.session_state[key] = state.currency()
    return str(
        (container or st).selectbox(
            label,
            state.CURRENCIES,
            format_func=lambda c: _CURRENCY_NAMES.get(c, c.strip()),
            key=key,
            on_change=_chosen,
        )
    )


def chart(make: Callable[[], Any], key: str, memo: tuple[Any, ...] | None = None) -> dict[str, Any]:
    """Draw an Altair chart from its Vega-Lite spec, built once per session under ``memo``.

    ``st.altair_chart`` validates the chart against the Vega-Lite JSON schema on every run
    (about 40 ms a chart, most of a rerun's time on a page of charts). The charts of
    :mod:`kpi.charts` are validated by their own tests, so the spec is built without it, and
    with ``memo`` (everything the chart depends on: dataset fingerprint, settings, choices) it
    is not rebuilt at all on a rerun that changed none of it. Returns the spec (a pinned
    finding's ``chart``).
    """

    def _spec() -> dict[str, Any]:
        return cast("dict[str, Any]", make().to_dict(validate=False))

    if memo is None:
        spec = _spec()
    else:  # parts as text: a memo key may hold a dict (a segment) or a list (events)
        spec = state.memo(("chart_spec", key, *map(repr, memo)), _spec)
    st.vega_lite_chart(spec, width="stretch", key=key)
    return spec


def pinned_count(slot: DeltaGenerator) -> None:
    """Write the number of pinned findings into ``slot`` (the sidebar's first line)."""
    n = len(state.findings())
    slot.markdown(
        f"📌 **{n} finding{'s' if n != 1 else ''} pinned** for the report",
        help="Pin a result with 📌 under it; the Report page orders and exports them.",
    )


def grain_select(
    key: str, default: str = "day", options: Sequence[str] = ("day", "week", "month")
) -> str:
    """A horizontal radio for the period grain (remembered for the session)."""
    return st.radio(
        "Period",
        list(options),
        format_func=lambda g: GRAINS.get(g, g),
        horizontal=True,
        key=state.persist(key, default, list(options)),
    )


def kpi_select(
    label: str,
    options: Sequence[str],
    default: Sequence[str] | str | None,
    key: str,
    *,
    multiple: bool = True,
) -> list[str] | str:
    """Pick KPI ids by display name (multiselect, or a selectbox with ``multiple=False``);
    the choice is remembered for the session while its KPIs are still on offer."""
    opts = list(options)
    if not multiple:
        first = default if isinstance(default, str) and default in opts else opts[0]
        return st.selectbox(label, opts, format_func=kpi_label, key=state.persist(key, first, opts))
    chosen = [d for d in (default or []) if d in opts]
    return st.multiselect(label, opts, format_func=kpi_label, key=state.persist(key, chosen, opts))


def kpi_target_input(kpi: str, default: float | None, key: str) -> float | None:
    """A target box in the KPI's display unit ("Average handle time (min)"), remembered for
    the session; returns the target in the registry's unit (seconds, 0-1 rate) or None."""
    unit = fmt.display_unit(kpi, state.currency())
    shown = fmt.to_display(kpi, default)
    typed = st.number_input(
        fmt.axis_title(kpi, state.currency()),
        key=state.persist(key, None if shown is None else round(shown, 4)),
        placeholder="no target",
        step=_step(unit),
        format="%.2f" if unit in ("", "min", "h") else "%.1f",
        help=f"Type it in {unit or 'the KPI’s own scale'}; empty = no target.",
    )
    return fmt.from_display(kpi, typed) if typed is not None else None


def _step(unit: str) -> float:
    return {"%": 1.0, "s": 1.0, "min": 0.5, "h": 0.5}.get(unit, 0.1)


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


def scope_text(extra: str = "", segment: str = "") -> str:
    """The data scope line stored with a finding (dataset, dates, filter, segment, settings)."""
    return " · ".join(f"{k}: {v}" for k, v in context(segment, extra) if v)


def context(segment: str = "", details: str = "") -> tuple[tuple[str, str], ...]:
    """What a pinned finding was computed on, as (label, value) pairs in display order.

    Parameters
    ----------
    segment : the page's own segment choice ("Queue: Tech Support"); "" = the whole centre.
    details : the page's settings behind the numbers ("daily grain; Spearman; guards on").
    """
    ds = state.scoped_dataset()
    rng = ds.date_range
    filters = "; ".join(f"{c} = {', '.join(v)}" for c, v in state.scope().filters)
    return (
        ("Dataset", state.current_dataset().name),
        ("Period", fmt.fmt_date_range(rng[0], rng[1]) if rng else "no dates"),
        ("Filters", filters or "none"),
        ("Segment", segment or "whole centre"),
        ("Settings", "; ".join(p for p in (details, state.settings().describe()) if p)),
    )


def finding(
    kind: FindingKind,
    title: str,
    sentence: str,
    *,
    segment: str = "",
    details: str = "",
    numbers: Sequence[tuple[str, str]] = (),
    chart: dict[str, Any] | None = None,
    table: pd.DataFrame | None = None,
) -> Finding:
    """A finding carrying its full context: the segment in its title (when it is not the whole
    centre and not named already) and dataset, period, filters, segment and settings in its
    context and caption, which every export prints."""
    where = segment or _filter_label()
    if where and where.split(": ")[-1] not in title:
        title = f"{title} — {where}"
    ctx = context(segment, details)
    return Finding(
        kind=kind,
        title=readable(title),
        sentence=readable(sentence),
        numbers=tuple((readable(k), v) for k, v in numbers),
        scope=" · ".join(f"{k}: {v}" for k, v in ctx if v),
        chart=chart,
        table=table,
        context=ctx,
    )


def _filter_label() -> str:
    filters = state.scope().filters
    return "; ".join(", ".join(v) for _, v in filters)


def events_for(segment: dict[str, str] | None) -> list[state.Event]:
    """The pinned events relevant to a chart of ``segment`` (None = the whole centre).

    A change in one segment (the Billing IVR) is drawn only on that segment's charts; a
    whole-centre change on every chart. A chart of the whole centre that the sidebar filters to
    one queue also shows that queue's events.
    """
    wanted: set[str] = set()
    if segment:
        wanted = {f"{c}={v}" for c, v in segment.items()}
    else:
        for col, values in state.scope().filters:
            if len(values) == 1:
                wanted.add(f"{col}={values[0]}")
    return [e for e in state.events() if not e.segment or e.segment.replace(" ", "") in wanted]


def today() -> dt.date:
    """Today's date (a seam for tests)."""
    return pd.Timestamp.now().date()

"""Before/after: did the change work, by how much, and could it be noise?"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

import streamlit as st

from kpi import format as fmt
from kpi.analysis import impact
from kpi.charts.impact import (
    change_point_chart,
    counterfactual_chart,
    did_chart,
    impact_chart,
)
from kpi.errors import KpiLabError
from kpi.segment import COMPARE_COLUMNS, column_label
from kpi.ui import layout, state, widgets

T = TypeVar("T")

_WHOLE = "(whole center)"
_OTHER_DATE = "Another date..."
_NO_CONTROL = "(no control)"
_ALL_DAYS = "All days before vs after the change"
_CHOSEN = "Two periods I choose"
_COMPARE_ALSO = ("abandonment_rate", "service_level", "asa", "aht", "fcr", "csat", "transfer_rate")
# Choices made around one change (its periods, its control segments) start again with another.
_PER_CHANGE = ("impact_before_range", "impact_after_range", "impact_control", "impact_controls")
_METHODS = {
    "its_ar1": "interrupted time series (AR(1) errors, weekday effects)",
    "did_its_ar1": "difference-in-differences against a control segment",
}

st.title("Before/after")
st.markdown(
    "**Did the change really move the KPI, by how much, and could it be noise?** Days are not "
    "independent (a bad day is followed by another) and weekdays differ, so every test here "
    "models the day as the unit, with weekday effects and correlated errors. Ticking comparison "
    "segments the change did not reach gives the most direct answer: what the KPI would have "
    "been without the change, judging by them."
)

ds = state.scoped_dataset()
columns = [c for c in COMPARE_COLUMNS if c in ds.frame.columns]
events = state.events()
by_label = {f"{e.label} — {fmt.fmt_date(e.date)}": e for e in events}
rng = ds.date_range
first, last = (rng[0].date(), rng[1].date()) if rng else (widgets.today(), widgets.today())


def _basis() -> tuple[str, str]:
    # Every analysis on this page depends on the data in scope and the KPI settings, plus its
    # own parameters: a rerun that changes none of them (a click elsewhere) recomputes nothing.
    return (ds.fingerprint, repr(state.settings()))


def _memo(name: str, *parts: Any, make: Callable[[], T]) -> T:
    return state.memo(("impact", name, *_basis(), *map(repr, parts)), make)


def _follow_event() -> None:
    # A pinned change names its segment ("queue=Billing"): picking it moves the segment there.
    event = by_label.get(st.session_state["impact_event"])
    if event is not None:
        col, _, val = event.segment.partition("=")
        st.session_state["impact_segment_column"] = col if val else _WHOLE
        if val:
            st.session_state["impact_segment"] = val
    state.forget(*_PER_CHANGE)


def _in_data(value: Any) -> bool:
    days = value if isinstance(value, tuple) else (value,)
    return all(isinstance(d, dt.date) and first <= d <= last for d in days)


controls = layout.controls("impact_top")
# The change's label is long ("New IVR (Billing) — 27 Apr 2026"): a wide first column, so it
# is not cut at 900 px; the segment choices share the second row.
c1, c_kpi = controls.columns([3, 2])
c2, c2b, c3 = controls.columns(3)
with c1:
    options = [*by_label, _OTHER_DATE]
    # The most recent pinned intervention by default (the one a team is asking about).
    picked = st.selectbox(
        "Change",
        options,
        key=state.persist("impact_event", options[max(len(events) - 1, 0)], options),
        on_change=_follow_event,
    )
    event = by_label.get(picked)
    if event is None:
        change: dt.date = st.date_input(
            "Change date (first day of the new regime)",
            min_value=first,
            max_value=last,
            key=state.persist("impact_date", first + (last - first) * 2 // 3, valid=_in_data),
            on_change=lambda: state.forget(*_PER_CHANGE),
        )
    else:
        change = event.date
seg_col_default, _, seg_val_default = (event.segment if event else "").partition("=")
with c2:
    col_options = [_WHOLE, *columns]
    seg_col = st.selectbox(
        "Segment by",
        col_options,
        format_func=lambda c: c if c == _WHOLE else column_label(c),
        key=state.persist(
            "impact_segment_column",
            seg_col_default if seg_col_default in columns else col_options[min(1, len(columns))],
            col_options,
        ),
    )
by = () if seg_col == _WHOLE else (seg_col,)
try:
    table = state.compute(ds, grain="day", by=by)
except KpiLabError as err:
    st.warning(str(err))
    st.stop()
values = sorted(str(v) for v in table.frame[seg_col].dropna().unique()) if by else []
segment: dict[str, str] | None = None
seg_val = ""
with c2b:
    if by and values:
        seg_val = st.selectbox(
            "Segment",
            values,
            key=state.persist(
                "impact_segment",
                seg_val_default if seg_val_default in values else values[0],
                values,
            ),
        )
        segment = {seg_col: seg_val}
others = [v for v in values if v != seg_val]
control = None
with c_kpi:
    kpis = list(table.kpis)
    kpi = str(
        widgets.kpi_select(
            "KPI",
            kpis,
            "abandonment_rate" if "abandonment_rate" in kpis else kpis[0],
            key="impact_kpi",
            multiple=False,
        )
    )
with c3:
    if segment:
        ctl = st.selectbox(
            "Control segment (optional)",
            [_NO_CONTROL, *others],
            key=state.persist("impact_control", _NO_CONTROL, [_NO_CONTROL, *others]),
            help="A segment the change did not reach: its movement is subtracted "
            "(difference-in-differences).",
        )
        control = None if ctl == _NO_CONTROL else {seg_col: ctl}
comparisons: list[str] = []
if segment:
    comparisons = controls.multiselect(
        "Comparison segments (untouched by the change)",
        others,
        key=state.persist("impact_controls", [], others),
        help="Other queues, channels or teams the change did not reach. The KPI is modelled on "
        "them before the change and projected past it: expected without the change.",
    )
widgets.unavailable_note(table, [kpi])
segment_text = f"{column_label(seg_col)}: {seg_val}" if segment else ""
# Only changes in this segment or the whole centre are relevant caveats here.
other_events = [e for e in widgets.events_for(segment) if e.date != change]
where = (kpi, change, segment)

try:
    series, _ = impact.daily_series(table, kpi, segment)
    power = _memo(
        "power", *where, make=lambda: impact.minimum_detectable_effect(series, change, kpi=kpi)
    )
    result = _memo(
        "its",
        *where,
        other_events,
        make=lambda: impact.its_from_table(
            table, kpi, change, segment=segment, events=other_events
        ),
    )
except KpiLabError as err:
    st.warning(str(err))
    st.stop()

st.subheader("1 · Could this data show an effect at all?")
st.info(power.summary)
for w in power.warnings:
    st.warning(w)

st.subheader("2 · Before vs after")
compare = [kpi, *[k for k in _COMPARE_ALSO if k in kpis and k != kpi]][:6]
period_controls = layout.controls("impact_periods")
mode = period_controls.radio(
    "Periods",
    [_ALL_DAYS, _CHOSEN],
    horizontal=True,
    key=state.persist("impact_period_mode", _ALL_DAYS, [_ALL_DAYS, _CHOSEN]),
    help="Choose the periods to leave out a ramp-up after the launch, or to compare the same "
    "weeks of two seasons.",
)
periods: dict[str, tuple[dt.date, dt.date]] = {}
if mode == _CHOSEN:
    defaults = {
        "before": (
            "Before: first and last day",
            (max(first, change - dt.timedelta(days=28)), change - dt.timedelta(days=1)),
        ),
        "after": ("After: first and last day", (change, min(last, change + dt.timedelta(days=27)))),
    }
    for column, (name, (label, default)) in zip(
        period_controls.columns(2), defaults.items(), strict=True
    ):
        picked_range = column.date_input(
            label,
            min_value=first,
            max_value=last,
            key=state.persist(f"impact_{name}_range", default, valid=_in_data),
        )
        if isinstance(picked_range, tuple) and len(picked_range) == 2:
            periods[name] = (picked_range[0], picked_range[1])
comparison = None
try:
    if mode == _CHOSEN and len(periods) < 2:
        raise KpiLabError("Pick a first and a last day for both periods.")
    if mode == _CHOSEN and periods["before"][1] >= periods["after"][0]:
        raise KpiLabError(
            f"The periods overlap: the before period ends {fmt.fmt_date(periods['before'][1])} "
            f"and the after period starts {fmt.fmt_date(periods['after'][0])}. Pick an after "
            "period that starts later."
        )
    if mode == _CHOSEN:
        comparison = _memo(
            "periods",
            compare,
            segment,
            periods,
            make=lambda: impact.before_after(
                table,
                kpis=compare,
                segment=segment,
                before=periods["before"],
                after=periods["after"],
            ),
        )
        span = (
            f"{fmt.fmt_date_range(*periods['before'])} vs {fmt.fmt_date_range(*periods['after'])}"
        )
    else:
        comparison = _memo(
            "before_after",
            compare,
            segment,
            change,
            make=lambda: impact.before_after(table, change, kpis=compare, segment=segment),
        )
        span = f"every day before {fmt.fmt_date(change)} vs every day from it"
    st.dataframe(
        impact.format_comparison(comparison), hide_index=True, width="stretch", key="impact_table"
    )
    st.caption(
        f"Periods: {span}. Observed values, pooled over each period (ratios of sums). "
        "Intervals treat the day, not the contact, as the unit and allow for correlated "
        "neighbouring days; p (adjusted) corrects for testing several KPIs (Holm)."
    )
except KpiLabError as err:
    st.warning(str(err))

st.subheader("3 · Did it shift, beyond trend and weekdays? (interrupted time series)")
st.markdown(f"**{widgets.readable(result.summary)}**")
also_moved = impact.side_effects(comparison, kpi) if comparison is not None else ""
if also_moved:
    st.markdown(widgets.readable(also_moved))
chart = widgets.chart(
    lambda: impact_chart(result), key="impact_its_chart", memo=(*_basis(), *where, other_events)
)
for w in result.warnings:
    st.warning(widgets.readable(w))

counterfactual = None
if comparisons:
    st.subheader("4 · Expected without the change, judging by the comparison segments")
    try:
        counterfactual = _memo(
            "counterfactual",
            *where,
            comparisons,
            other_events,
            make=lambda: impact.its_from_table(
                table,
                kpi,
                change,
                segment=segment,
                controls=[{seg_col: v} for v in comparisons],
                events=other_events,
            ),
        )
    except KpiLabError as err:
        st.warning(str(err))
    if counterfactual is not None:
        st.markdown(f"**{widgets.readable(counterfactual.summary)}**")
        cf_chart = widgets.chart(
            lambda: counterfactual_chart(counterfactual),
            key="impact_cf_chart",
            memo=(*_basis(), *where, comparisons, other_events),
        )
        st.markdown(counterfactual.fit_summary)
        for w in counterfactual.warnings:
            st.warning(widgets.readable(w))

did = None
if control:
    st.subheader("5 · Against one control segment (difference-in-differences)")
    try:
        did = _memo(
            "did",
            *where,
            control,
            make=lambda: impact.its_from_table(
                table, kpi, change, segment=segment, control=control
            ),
        )
    except KpiLabError as err:
        st.warning(str(err))
    if did is not None:
        st.markdown(f"**{widgets.readable(did.summary)}**")
        did_spec = widgets.chart(
            lambda: did_chart(did), key="impact_did_chart", memo=(*_basis(), *where, control)
        )
        parallel = "moved in parallel" if did.pretrend_p >= 0.05 else "did NOT move in parallel"
        st.markdown(
            f"Parallel-trend check: before the change the two segments {parallel} "
            f"(slope of the gap per week {fmt.fmt_p_clause(did.pretrend_p)}). The control's own "
            f"shift at the date: {fmt.fmt_p_clause(did.control_p)}."
        )
        for w in did.warnings:
            st.warning(widgets.readable(w))

st.subheader("Not sure of the date? Candidate shift dates")
try:
    cps = _memo("change_points", kpi, segment, make=lambda: impact.change_points(series, kpi=kpi))
    st.markdown(widgets.readable(cps.summary))
    widgets.chart(
        lambda: change_point_chart(series, cps, unit=result.unit),
        key="impact_cp_chart",
        memo=(*_basis(), kpi, repr(segment)),
    )
    st.dataframe(
        impact.format_candidates(cps, result.unit, with_p=False),
        hide_index=True,
        width="stretch",
        key="impact_cp_table",
    )
    st.caption(cps.warnings[0])
except KpiLabError as err:
    st.info(str(err))

with st.expander("Caveats"):
    st.markdown(
        "- The verdict says whether the shift is larger than day-to-day noise, not what caused "
        "it: other changes on the same dates (new staff, a campaign, seasonality) look the same.\n"
        "- A change launched right after a bad spell tends to look like it worked "
        "(regression to the mean); a control segment or a longer baseline helps.\n"
        "- A date found by searching the data must not then be tested on the same data."
    )


def _finding() -> Any:
    best = counterfactual or did or result
    if counterfactual is not None:
        best_chart, how = cf_chart, f"compared with {', '.join(comparisons)}"
    elif did is not None and control:
        best_chart, how = did_spec, f"control segment {control[seg_col]}"
    else:
        best_chart, how = chart, ""
    method = _METHODS.get(best.method, best.method.replace("_", " "))
    details = "; ".join(p for p in (f"change {fmt.fmt_date(change)}", method, how) if p)
    return widgets.finding(
        "impact",
        f"{widgets.kpi_label(kpi)}: before/after {fmt.fmt_date(change)}",
        " ".join(part for part in (best.summary, also_moved) if part),
        segment=segment_text,
        details=details,
        numbers=best.key_numbers(),
        chart=best_chart,
        table=best.to_frame(),
    )


widgets.pin_button(_finding, key="impact_pin")

"""Before/after: did the change work, by how much, and could it be noise?"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from kpi.analysis import impact
from kpi.charts.impact import (
    change_point_chart,
    counterfactual_chart,
    did_chart,
    impact_chart,
)
from kpi.errors import KpiLabError
from kpi.findings import Finding
from kpi.format import fmt_p_clause
from kpi.ui import state, widgets

_SEGMENT_COLUMNS = ("queue", "channel", "team", "topic")
_OTHER_DATE = "Another date..."
_NO_CONTROL = "(no control)"
_ALL_DAYS = "All days before vs after the change"
_CHOSEN = "Two periods I choose"
_COMPARE_ALSO = ("abandonment_rate", "service_level", "asa", "aht", "fcr", "csat", "transfer_rate")

st.title("Before/after")
st.markdown(
    "**Did the change really move the KPI, by how much, and could it be noise?** Days are not "
    "independent (a bad day is followed by another) and weekdays differ, so every test here "
    "models the day as the unit, with weekday effects and correlated errors. Ticking comparison "
    "segments the change did not reach gives the most direct answer: what the KPI would have "
    "been without the change, judging by them."
)

ds = state.scoped_dataset()
columns = [c for c in _SEGMENT_COLUMNS if c in ds.frame.columns]
events = state.events()

c1, c2, c3 = st.columns(3)
with c1:
    labels = [f"{e.label} — {e.date:%d %b %Y}" for e in events] + [_OTHER_DATE]
    # The most recent pinned intervention by default (the one a team is asking about).
    picked = st.selectbox("Change", labels, index=max(len(events) - 1, 0), key="impact_event")
    event = events[labels.index(picked)] if picked != _OTHER_DATE else None
    if event is None:
        rng = ds.date_range
        lo, hi = (rng[0].date(), rng[1].date()) if rng else (widgets.today(), widgets.today())
        change: dt.date = st.date_input(
            "Change date (first day of the new regime)",
            value=lo + (hi - lo) * 2 // 3,
            min_value=lo,
            max_value=hi,
            key="impact_date",
        )
    else:
        change = event.date
seg_col_default, seg_val_default = ("queue", "")
if event is not None and "=" in event.segment:
    seg_col_default, seg_val_default = event.segment.split("=", 1)
with c2:
    seg_col = st.selectbox(
        "Segment by",
        ["(whole center)", *columns],
        index=(
            ["(whole center)", *columns].index(seg_col_default) if seg_col_default in columns else 0
        ),
        key="impact_segment_column",
    )
by = () if seg_col == "(whole center)" else (seg_col,)
try:
    table = state.compute(ds, grain="day", by=by)
except KpiLabError as err:
    st.warning(str(err))
    st.stop()
values = sorted(str(v) for v in table.frame[seg_col].dropna().unique()) if by else []
segment = None
control = None
with c2:
    if by:
        seg_val = st.selectbox(
            "Segment",
            values,
            index=values.index(seg_val_default) if seg_val_default in values else 0,
            key="impact_segment",
        )
        segment = {seg_col: seg_val}
with c3:
    kpis = list(table.kpis)
    kpi = widgets.kpi_select(
        "KPI",
        kpis,
        "abandonment_rate" if "abandonment_rate" in kpis else kpis[0],
        key="impact_kpi",
        multiple=False,
    )
    if by:
        ctl = st.selectbox(
            "Control segment (optional)",
            [_NO_CONTROL, *[v for v in values if v != seg_val]],
            key="impact_control",
            help="A segment the change did not reach: its movement is subtracted (difference-in-differences).",
        )
        control = None if ctl == _NO_CONTROL else {seg_col: ctl}
comparisons: list[str] = []
if by:
    comparisons = st.multiselect(
        "Comparison segments (untouched by the change)",
        [v for v in values if v != seg_val],
        key="impact_controls",
        help="Other queues, channels or teams the change did not reach. The KPI is modelled on "
        "them before the change and projected past it: expected without the change.",
    )
widgets.unavailable_note(table, [kpi])
other_events = [e for e in events if e.date != change]

try:
    series, _ = impact.daily_series(table, kpi, segment)
    power = impact.minimum_detectable_effect(series, change, kpi=kpi)
    result = impact.its_from_table(
        table,
        kpi,
        change,
        segment=segment,
        events=other_events,
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
mode = st.radio(
    "Periods",
    [_ALL_DAYS, _CHOSEN],
    horizontal=True,
    key="impact_period_mode",
    help="Choose the periods to leave out a ramp-up after the launch, or to compare the same "
    "weeks of two seasons.",
)
periods: dict[str, tuple[dt.date, dt.date]] = {}
if mode == _CHOSEN:
    rng = ds.date_range
    first, last = (rng[0].date(), rng[1].date()) if rng else (change, change)
    month = dt.timedelta(days=27)
    default_before = (max(first, change - dt.timedelta(days=28)), change - dt.timedelta(days=1))
    default_after = (change, min(last, change + month))
    ranges = {
        "before": ("Before: first and last day", default_before),
        "after": ("After: first and last day", default_after),
    }
    for column, (name, (label, default)) in zip(st.columns(2), ranges.items(), strict=True):
        with column:
            picked_range = st.date_input(
                label,
                value=default,
                min_value=first,
                max_value=last,
                key=f"impact_{name}_range",
            )
        if isinstance(picked_range, tuple) and len(picked_range) == 2:
            periods[name] = (picked_range[0], picked_range[1])
comparison = None
try:
    if mode == _CHOSEN and len(periods) < 2:
        raise KpiLabError("Pick a first and a last day for both periods.")
    if mode == _CHOSEN and periods["before"][1] >= periods["after"][0]:
        raise KpiLabError(
            f"The periods overlap: the before period ends {periods['before'][1]:%d %b %Y} and "
            f"the after period starts {periods['after'][0]:%d %b %Y}. Pick an after period that "
            "starts later."
        )
    if mode == _CHOSEN:
        comparison = impact.before_after(
            table, kpis=compare, segment=segment, before=periods["before"], after=periods["after"]
        )
        span = (
            f"{periods['before'][0]:%d %b} – {periods['before'][1]:%d %b %Y} vs "
            f"{periods['after'][0]:%d %b} – {periods['after'][1]:%d %b %Y}"
        )
    else:
        comparison = impact.before_after(table, change, kpis=compare, segment=segment)
        span = f"every day before {change:%d %b %Y} vs every day from it"
    st.dataframe(
        impact.format_comparison(comparison), hide_index=True, width="stretch", key="impact_table"
    )
    st.caption(
        f"Periods: {span}. Observed values, pooled over each period (ratios of sums). Intervals treat "
        "the day, not the contact, as the unit and allow for correlated neighbouring days; "
        "p (adjusted) corrects for testing several KPIs (Holm)."
    )
except KpiLabError as err:
    st.warning(str(err))

st.subheader("3 · Did it shift, beyond trend and weekdays? (interrupted time series)")
st.markdown(f"**{result.summary}**")
also_moved = impact.side_effects(comparison, kpi) if comparison is not None else ""
if also_moved:
    st.markdown(also_moved)
chart = impact_chart(result)
st.altair_chart(chart, width="stretch", key="impact_its_chart")
for w in result.warnings:
    st.warning(w)

counterfactual = None
if comparisons:
    st.subheader("4 · Expected without the change, judging by the comparison segments")
    try:
        counterfactual = impact.its_from_table(
            table,
            kpi,
            change,
            segment=segment,
            controls=[{seg_col: v} for v in comparisons],
            events=other_events,
        )
    except KpiLabError as err:
        st.warning(str(err))
    if counterfactual is not None:
        st.markdown(f"**{counterfactual.summary}**")
        st.altair_chart(
            counterfactual_chart(counterfactual), width="stretch", key="impact_cf_chart"
        )
        st.markdown(counterfactual.fit_summary)
        for w in counterfactual.warnings:
            st.warning(w)

did = None
if control:
    st.subheader("5 · Against one control segment (difference-in-differences)")
    try:
        did = impact.its_from_table(table, kpi, change, segment=segment, control=control)
    except KpiLabError as err:
        st.warning(str(err))
    if did is not None:
        st.markdown(f"**{did.summary}**")
        st.altair_chart(did_chart(did), width="stretch", key="impact_did_chart")
        parallel = "moved in parallel" if did.pretrend_p >= 0.05 else "did NOT move in parallel"
        st.markdown(
            f"Parallel-trend check: before the change the two segments {parallel} "
            f"(slope of the gap per week {fmt_p_clause(did.pretrend_p)}). The control's own "
            f"shift at the date: {fmt_p_clause(did.control_p)}."
        )
        for w in did.warnings:
            st.warning(w)

st.subheader("Not sure of the date? Candidate shift dates")
try:
    cps = impact.change_points(series, kpi=kpi)
    st.markdown(cps.summary)
    st.altair_chart(
        change_point_chart(series, cps, unit=result.unit), width="stretch", key="impact_cp_chart"
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

best = counterfactual or did or result
best_chart = (
    counterfactual_chart(counterfactual)
    if counterfactual is not None
    else did_chart(did)
    if did is not None
    else chart
)
where = f" in {segment[seg_col]}" if segment else ""
finding = Finding(
    kind="impact",
    title=f"{widgets.kpi_label(kpi)}{where}: before/after {change:%d %b %Y}",
    sentence=" ".join(part for part in (best.summary, also_moved) if part),
    numbers=best.key_numbers(),
    scope=widgets.scope_text(
        f"method {best.method}", segment=f"{seg_col}={segment[seg_col]}" if segment else ""
    ),
    chart=best_chart.to_dict(),
    table=best.to_frame(),
)
widgets.pin_button(finding, key="impact_pin")

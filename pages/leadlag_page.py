"""Leading vs lagging: which KPIs move first, and by how many days."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kpi.analysis import leadlag
from kpi.charts.leadlag import (
    leadlag_ccf_chart,
    leadlag_detail_chart,
    leadlag_irf_chart,
    leadlag_map_chart,
)
from kpi.errors import KpiLabError
from kpi.ui import layout, state, tables, widgets

st.title("Leading vs lagging")
st.markdown(
    "**Which KPIs move before the outcome you care about, and by how many days?** "
    "Each KPI is compared with the outcome after removing trend and weekday effects: a "
    "pre-whitened cross-correlation and Granger tests both ways, adjusted for the number of "
    "KPIs tested."
)


def _wide_and_outcomes(wide: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    return wide, list(leadlag.outcome_options(wide))


ds = state.scoped_dataset()
controls = layout.controls("leadlag_top")
left, mid, right = controls.columns([2, 1, 1])
with mid:
    grain = widgets.grain_select(key="leadlag_grain", options=("day", "week"))
with right:
    max_lag = int(
        st.number_input(
            f"Max lag ({'days' if grain == 'day' else 'weeks'})",
            min_value=1,
            max_value=30,
            step=1,
            key=state.persist(f"leadlag_max_lag_{grain}", 14 if grain == "day" else 6),
        )
    )
# What every result and chart below depends on, besides its own choices (the memo keys).
basis = (ds.fingerprint, repr(state.settings()), grain)
try:
    wide, options = state.memo(
        ("leadlag_wide", *basis),
        lambda: _wide_and_outcomes(state.compute(ds, grain=grain).wide()),
    )
except KpiLabError as err:
    st.warning(str(err))
    st.stop()
if len(options) < 2:
    st.warning(
        f"Not enough {grain}s with KPI values for a lead-lag analysis (at least "
        f"{leadlag.MIN_PERIODS} needed): widen the date range or use daily grain."
    )
    st.stop()
with left:
    outcome = widgets.kpi_select(
        "Outcome KPI",
        options,
        "csat" if "csat" in options else options[0],
        key="leadlag_outcome",
        multiple=False,
    )
others = [k for k in options if k != outcome]
with controls, st.expander(f"Candidate drivers ({len(others)} KPIs)"):
    drivers = widgets.kpi_select(
        "Candidate drivers", others, others, key=f"leadlag_drivers_{outcome}"
    )
if not drivers:
    st.info("Pick at least one candidate driver.")
    st.stop()

try:
    result = state.memo(
        ("leadlag", *basis, outcome, tuple(drivers), max_lag),
        lambda: leadlag.analyze(wide, outcome, list(drivers), max_lag),
    )
except KpiLabError as err:
    st.warning(str(err))
    st.stop()

st.subheader("What moves first")
st.markdown(widgets.readable(result.summary))
map_chart = widgets.chart(
    lambda: leadlag_map_chart(result),
    key="leadlag_map",
    memo=(*basis, outcome, tuple(drivers), max_lag),
)
st.caption(
    "Right of the dashed line: moves before the outcome; left: after. Bubble size: strength of "
    "the pre-whitened cross-correlation. Colour: the role found in your data."
)
shown = tables.leadlag_table(result.table, result.grain)
st.dataframe(
    shown.main, hide_index=True, width="stretch", key="leadlag_table", column_config=shown.config
)
with st.expander("Details: what the textbook expects, and each KPI's reading"):
    st.dataframe(shown.details, hide_index=True, width="stretch", key="leadlag_details")

st.subheader("One driver in detail")
tested = result.table["kpi"].tolist()
default_driver = next(
    (k for k, r in zip(result.table["kpi"], result.table["role"], strict=True) if r == "leading"),
    tested[0],
)
with layout.controls("leadlag_detail"):
    driver = widgets.kpi_select(
        "Driver", tested, default_driver, key=f"leadlag_detail_{outcome}", multiple=False
    )
row = result.row(driver)
lag = int(row["best_lag"]) if pd.notna(row["best_lag"]) else 0
st.markdown(widgets.readable(str(row["summary"])))
try:
    widgets.chart(
        lambda: leadlag_detail_chart(wide, driver, outcome, lag, grain=result.grain),
        key="leadlag_detail_chart",
        memo=(*basis, driver, outcome, lag),
    )
    widgets.chart(
        lambda: leadlag_ccf_chart(result, driver),
        key="leadlag_ccf_chart",
        memo=(*basis, outcome, tuple(drivers), max_lag, driver),
    )
except KpiLabError as err:
    st.warning(str(err))

if st.toggle("Show the impulse response (small VAR)", key=state.persist("leadlag_irf", False)):
    try:
        irf = state.memo(
            ("leadlag_irf", *basis, driver, outcome, max_lag),
            lambda: leadlag.impulse_response(wide, driver, outcome, periods=max_lag),
        )
        widgets.chart(
            lambda: leadlag_irf_chart(irf, grain=result.grain),
            key="leadlag_irf_chart",
            memo=(*basis, driver, outcome, max_lag),
        )
        st.markdown(widgets.readable(irf.summary))
        for w in irf.warnings:
            st.caption(widgets.readable(w))
    except KpiLabError as err:
        st.warning(str(err))

with st.expander("Caveats", expanded=True):
    for w in result.warnings:
        st.markdown(f"- {widgets.readable(w)}")

widgets.pin_button(
    lambda: widgets.finding(
        "leadlag",
        f"What moves before {widgets.kpi_label(outcome)}",
        result.summary,
        details=f"{grain} grain, lags up to {max_lag}",
        numbers=result.headline_numbers(),
        chart=map_chart,
        table=shown.main,
    ),
    key="leadlag_pin",
)

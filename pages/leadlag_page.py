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
from kpi.findings import Finding
from kpi.ui import state, widgets


# Session-scoped and keyed on the wide table's content: no user sees another user's result.
@st.cache_data(scope="session", max_entries=24, show_spinner="Testing which KPIs move first...")
def _analyze(
    wide: pd.DataFrame, outcome: str, drivers: tuple[str, ...], max_lag: int
) -> leadlag.LeadLagResult:
    return leadlag.analyze(wide, outcome, list(drivers), max_lag)


@st.cache_data(scope="session", max_entries=24, show_spinner="Fitting the VAR...")
def _irf(wide: pd.DataFrame, driver: str, outcome: str, periods: int) -> leadlag.ImpulseResponse:
    return leadlag.impulse_response(wide, driver, outcome, periods=periods)


st.title("Leading vs lagging")
st.markdown(
    "**Which KPIs move before the outcome you care about, and by how many days?** "
    "Each KPI is compared with the outcome after removing trend and weekday effects: a "
    "pre-whitened cross-correlation and Granger tests both ways, adjusted for the number of "
    "KPIs tested."
)

ds = state.scoped_dataset()
left, mid, right = st.columns([2, 1, 1])
with mid:
    grain = widgets.grain_select(key="leadlag_grain", options=("day", "week"))
with right:
    max_lag = int(
        st.number_input(
            "Max lag (periods)",
            min_value=1,
            max_value=30,
            value=14 if grain == "day" else 6,
            step=1,
            key=f"leadlag_max_lag_{grain}",
        )
    )
try:
    wide = state.compute(ds, grain=grain).wide()
    options = leadlag.outcome_options(wide)
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
drivers = widgets.kpi_select("Candidate drivers", others, others, key=f"leadlag_drivers_{outcome}")
if not drivers:
    st.info("Pick at least one candidate driver.")
    st.stop()

try:
    result = _analyze(wide, outcome, tuple(drivers), max_lag)
except KpiLabError as err:
    st.warning(str(err))
    st.stop()

st.subheader("What moves first")
st.markdown(result.summary)
map_chart = leadlag_map_chart(result)
st.altair_chart(map_chart, width="stretch", key="leadlag_map")
st.caption(
    "Right of the dashed line: moves before the outcome; left: after. Bubble size: strength of "
    "the pre-whitened cross-correlation. Colour: the role found in your data."
)
st.dataframe(result.display_table(), hide_index=True, width="stretch", key="leadlag_table")

st.subheader("One driver in detail")
tested = result.table["kpi"].tolist()
default_driver = next(
    (k for k, r in zip(result.table["kpi"], result.table["role"], strict=True) if r == "leading"),
    tested[0],
)
driver = widgets.kpi_select(
    "Driver", tested, default_driver, key=f"leadlag_detail_{outcome}", multiple=False
)
row = result.row(driver)
lag = int(row["best_lag"]) if pd.notna(row["best_lag"]) else 0
st.markdown(row["summary"])
try:
    st.altair_chart(
        leadlag_detail_chart(wide, driver, outcome, lag, grain=result.grain),
        width="stretch",
        key="leadlag_detail_chart",
    )
    st.altair_chart(leadlag_ccf_chart(result, driver), width="stretch", key="leadlag_ccf_chart")
except KpiLabError as err:
    st.warning(str(err))

if st.toggle("Show the impulse response (small VAR)", key="leadlag_irf"):
    try:
        irf = _irf(wide, driver, outcome, max_lag)
        st.altair_chart(
            leadlag_irf_chart(irf, grain=result.grain), width="stretch", key="leadlag_irf_chart"
        )
        st.markdown(irf.summary)
        for w in irf.warnings:
            st.caption(w)
    except KpiLabError as err:
        st.warning(str(err))

with st.expander("Caveats", expanded=True):
    for w in result.warnings:
        st.markdown(f"- {w}")

widgets.pin_button(
    Finding(
        kind="leadlag",
        title=f"What moves before {widgets.kpi_label(outcome)}",
        sentence=result.summary,
        numbers=result.headline_numbers(),
        scope=widgets.scope_text(f"{grain} grain, lags up to {max_lag}"),
        chart=map_chart.to_dict(),
        table=result.display_table().drop(columns=["reading"]),
    ),
    key="leadlag_pin",
)

"""What would it take? Agents, service and money when AHT, FCR or volume change."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from kpi import format as fmt
from kpi.analysis import staffing
from kpi.charts.staffing import agents_chart
from kpi.errors import KpiLabError
from kpi.findings import Finding
from kpi.ui import layout, state, widgets

_BASE = ("whatif_base_aht", "whatif_base_fcr")

st.title("What would it take?")
st.markdown(
    "**Change AHT, first-contact resolution or volume and see the agents, service level and "
    "money it takes.** The last complete month of your calls is restaffed interval by interval "
    "(Erlang C for the target, Erlang A for callers who hang up). Unresolved contacts come "
    "back: the repeat calls follow from the repeat rate your data shows."
)

ds = state.scoped_dataset()
try:
    choices = state.memo(("whatif_segments", ds.fingerprint), lambda: staffing.segments(ds))
except KpiLabError as err:
    st.warning(str(err))
    st.stop()

controls = layout.controls("whatif_top")
c1, c2, c3 = controls.columns(3)
channels = list(choices["channel"])
channel = (
    c1.selectbox(
        "Channel",
        channels,
        key=state.persist(
            "whatif_channel", "phone" if "phone" in channels else channels[0], channels
        ),
    )
    if channels
    else None
)
queues = list(choices["queue"])
queue = c2.selectbox("Queue", queues, key=state.persist("whatif_queue", queues[0], queues))
interval = c3.selectbox(
    "Interval (minutes)", [15, 30, 60], key=state.persist("whatif_interval", 30, [15, 30, 60])
)
if channel and channel != "phone":
    st.info(
        f"The models describe calls. On {channel}, agents handle several chats at once and "
        "e-mails wait in a backlog, so the agents shown here are an upper bound at best."
    )

basis = (ds.fingerprint, interval, channel, queue)
try:
    with st.spinner("Reading the month's calls..."):
        workload = state.memo(
            ("whatif_workload", *basis),
            lambda: staffing.month_workload(ds, interval, channel=channel, queue=queue),
        )
except KpiLabError as err:
    st.warning(str(err))
    st.stop()
data_aht = round(workload.aht_seconds / 60.0, 2)
data_fcr = round(workload.repeats.fcr * 100.0, 1)
if state.persisted("whatif_basis") != basis:
    # A new month or scope: the baseline starts again from what the data shows.
    state.forget(*_BASE)
    state.remember("whatif_basis", basis)


def _load_seed() -> None:
    for column, values in staffing.SEED_SCENARIO.items():
        prefix = "whatif_base" if column == "baseline" else "whatif_scn"
        st.session_state[f"{prefix}_aht"] = values["aht_minutes"]
        st.session_state[f"{prefix}_fcr"] = values["fcr"] * 100.0
    st.session_state["whatif_volume"] = 0.0


controls.button(
    "Load the seed story: AHT 8 → 5 minutes while FCR falls 78% → 61%",
    key="whatif_preset",
    on_click=_load_seed,
    help="A centre cut handle time hard; did the saving survive the repeat calls?",
)

st.subheader("Targets and money")
targets = layout.controls("whatif_targets")
# Two rows of three: six boxes in one row leave each label a word wide at 900 px.
t1, t2, t3 = targets.columns(3)
t4, t5, t6 = targets.columns(3)
sl_pct = t1.number_input(
    "Service-level target (%)",
    min_value=1.0,
    max_value=99.9,
    step=1.0,
    key=state.persist("whatif_sl", 80.0),
)
threshold = t2.number_input(
    "Answered within (seconds)",
    min_value=0.0,
    max_value=3600.0,
    step=5.0,
    key=state.persist("whatif_threshold", 20.0),
)
asa = t3.number_input(
    "Average speed of answer target (seconds, 0 = none)",
    min_value=0.0,
    max_value=3600.0,
    key=state.persist("whatif_asa", 0.0),
)
shrinkage_pct = t4.number_input(
    "Shrinkage (% of paid time)",
    min_value=0.0,
    max_value=90.0,
    step=1.0,
    key=state.persist("whatif_shrinkage", 30.0),
)
currency = widgets.currency_select("Currency (all pages)", key="whatif_currency", container=t5)
cost = t6.number_input(
    f"Cost per agent-hour ({currency.strip() or 'currency units'})",
    min_value=0.0,
    max_value=10_000.0,
    key=state.persist("whatif_cost", 30.0),
)

left, right = targets.columns(2)
with left:
    st.subheader(f"Baseline: {workload.label}")
    base_aht = st.number_input(
        "AHT (minutes)",
        min_value=0.1,
        max_value=240.0,
        step=0.25,
        key=state.persist("whatif_base_aht", data_aht),
    )
    base_fcr = st.number_input(
        "First-contact resolution (%)",
        min_value=0.0,
        max_value=100.0,
        step=1.0,
        key=state.persist("whatif_base_fcr", data_fcr),
    )
with right:
    st.subheader("Scenario")
    scn_aht = st.number_input(
        "AHT (minutes)",
        min_value=0.1,
        max_value=240.0,
        step=0.25,
        key=state.persist("whatif_scn_aht", data_aht),
    )
    scn_fcr = st.number_input(
        "First-contact resolution (%)",
        min_value=0.0,
        max_value=100.0,
        step=1.0,
        key=state.persist("whatif_scn_fcr", data_fcr),
    )
    volume = st.number_input(
        "Change in first contacts (%)",
        min_value=-90.0,
        max_value=500.0,
        step=5.0,
        key=state.persist("whatif_volume", 0.0),
    )

try:
    common = staffing.Scenario(
        shrinkage=shrinkage_pct / 100.0,
        service_level=sl_pct / 100.0,
        threshold_seconds=threshold,
        asa_seconds=asa or None,
        cost_per_agent_hour=cost,
        currency=currency,
    )
    baseline = replace(common, name="Baseline", aht_minutes=base_aht, fcr=base_fcr / 100.0)
    scenario = replace(
        common,
        name="Scenario",
        aht_minutes=scn_aht,
        fcr=scn_fcr / 100.0,
        volume_change=volume / 100.0,
    )
    scenario_key = (*basis, repr(baseline), repr(scenario))
    result = state.memo(
        ("whatif", *scenario_key),
        lambda: staffing.what_if(workload, baseline, scenario),
    )
except KpiLabError as err:
    st.warning(str(err))
    st.stop()

st.subheader("The answer")
st.markdown(f"**{result.summary()}**")
for column, (title, items) in zip(st.columns(3), staffing.cards(result), strict=True):
    with column:
        st.markdown(f"##### {title}")
        for card in items:
            st.metric(**card)
st.caption(
    "AHT change only: the scenario's handle time with the baseline's FCR, i.e. the saving "
    "before any repeat call comes back. Agents are scheduled agents (shrinkage included), "
    "summed over queues; cost = scheduled agent-hours x cost per agent-hour."
)
chart = widgets.chart(lambda: agents_chart(result), key="whatif_chart", memo=scenario_key)
st.dataframe(
    staffing.comparison_table(result), hide_index=True, width="stretch", key="whatif_table"
)
for warning in result.warnings:
    st.warning(warning)

with st.expander(f"How {workload.label} was actually staffed"):
    try:
        check = state.memo(
            ("whatif_check", *basis, sl_pct, threshold),
            lambda: staffing.staffing_check(
                ds, interval, sl_pct / 100.0, threshold, channel=channel, queue=queue
            ),
        )
        st.markdown(check.summary())
        st.dataframe(check.worst(10), hide_index=True, width="stretch", key="whatif_worst")
    except KpiLabError as err:
        st.info(str(err))

rep = workload.repeats
with st.expander("Assumptions, and where they break"):
    st.markdown(
        "- **Poisson arrivals within an interval**: calls arrive at random at a steady rate "
        "inside each interval; bursts (an outage, a mailing) need more agents than shown.\n"
        "- **Exponential handle times** around the queue's average AHT (Erlang C and A).\n"
        "- **Exponential patience (Erlang A)**: each queue's mean patience is estimated from "
        "its abandoned calls' waits (maximum likelihood with answered calls as censored: "
        "abandoned calls ÷ total waiting time of every caller who queued).\n"
        "- **No multi-skill routing**: each queue is staffed on its own; agents shared between "
        "queues would need fewer in total.\n"
        f"- **Repeat calls**: a contact is followed by another from the same customer "
        f"{fmt.fmt_share(rep.repeat_if_resolved, 0)} of the time when resolved and "
        f"{fmt.fmt_share(rep.repeat_if_unresolved, 0)} when not (repeat window "
        f"{rep.window_days:g} days); every contact, first or repeat, repeats at that rate.\n"
        "- **Where they break**: chat (agents handle several chats at once: Erlang overstates "
        "the agents) and e-mail (a backlog worked down over hours, not a queue of callers)."
    )


def _finding() -> Finding:
    details = (
        f"{channel or 'all channels'}, {interval}-minute intervals; target "
        f"{fmt.fmt_share(sl_pct / 100.0, 0)} in {threshold:g} s; shrinkage "
        f"{fmt.fmt_share(shrinkage_pct / 100.0, 0)}; cost per agent-hour "
        f"{fmt.fmt_money(cost, currency)}"
    )
    return widgets.finding(
        "staffing",
        result.title(),
        result.summary(),
        segment="" if queue == staffing.ALL_QUEUES else f"Queue: {queue}",
        details=details,
        numbers=result.key_numbers(),
        chart=chart,
        table=result.to_frame(),
    )


widgets.pin_button(_finding, key="whatif_pin")

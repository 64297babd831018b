"""What would it take? Agents, service and money when AHT, FCR or volume change."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from kpi.analysis import staffing
from kpi.charts.staffing import agents_chart
from kpi.errors import KpiLabError
from kpi.findings import Finding
from kpi.ui import state, widgets

_CURRENCIES = ("€", "$", "£", "CHF ", "kr ")
_WORKLOAD = "whatif_workload"  # this page's memo: (dataset, interval, channel, queue) -> workload

st.title("What would it take?")
st.markdown(
    "**Change AHT, first-contact resolution or volume and see the agents, service level and "
    "money it takes.** The last complete month of your calls is restaffed interval by interval "
    "(Erlang C for the target, Erlang A for callers who hang up). Unresolved contacts come "
    "back: the repeat calls follow from the repeat rate your data shows."
)

ds = state.scoped_dataset()
try:
    choices = staffing.segments(ds)
except KpiLabError as err:
    st.warning(str(err))
    st.stop()

c1, c2, c3 = st.columns(3)
with c1:
    channels = choices["channel"]
    channel = (
        st.selectbox(
            "Channel",
            channels,
            index=channels.index("phone") if "phone" in channels else 0,
            key="whatif_channel",
        )
        if channels
        else None
    )
with c2:
    queue = st.selectbox("Queue", choices["queue"], key="whatif_queue")
with c3:
    interval = st.selectbox("Interval (minutes)", [15, 30, 60], index=1, key="whatif_interval")
if channel and channel != "phone":
    st.info(
        f"The models describe calls. On {channel}, agents handle several chats at once and "
        "e-mails wait in a backlog, so the agents shown here are an upper bound at best."
    )

memo_key = (ds.fingerprint, interval, channel, queue)
memo = st.session_state.get(_WORKLOAD)
try:
    if memo is None or memo[0] != memo_key:
        with st.spinner("Reading the month's calls..."):
            memo = (memo_key, staffing.month_workload(ds, interval, channel=channel, queue=queue))
        st.session_state[_WORKLOAD] = memo
        # A new month or scope: the baseline starts again from what the data shows.
        st.session_state["whatif_base_aht"] = round(memo[1].aht_seconds / 60.0, 2)
        st.session_state["whatif_base_fcr"] = round(memo[1].repeats.fcr * 100.0, 1)
        st.session_state.setdefault("whatif_scn_aht", st.session_state["whatif_base_aht"])
        st.session_state.setdefault("whatif_scn_fcr", st.session_state["whatif_base_fcr"])
except KpiLabError as err:
    st.warning(str(err))
    st.stop()
workload = memo[1]


def _load_seed() -> None:
    for column, values in staffing.SEED_SCENARIO.items():
        prefix = "whatif_base" if column == "baseline" else "whatif_scn"
        st.session_state[f"{prefix}_aht"] = values["aht_minutes"]
        st.session_state[f"{prefix}_fcr"] = values["fcr"] * 100.0
    st.session_state["whatif_volume"] = 0.0


st.button(
    "Load the seed story: AHT 8 → 5 minutes while FCR falls 78% → 61%",
    key="whatif_preset",
    on_click=_load_seed,
    help="A centre cut handle time hard; did the saving survive the repeat calls?",
)

st.subheader("Targets and money")
t1, t2, t3, t4, t5, t6 = st.columns(6)
sl_pct = t1.number_input("Service-level target (%)", 1.0, 99.9, 80.0, step=1.0, key="whatif_sl")
threshold = t2.number_input(
    "Answered within (seconds)", 0.0, 3600.0, 20.0, step=5.0, key="whatif_threshold"
)
asa = t3.number_input(
    "Average speed of answer target (seconds, 0 = none)", 0.0, 3600.0, 0.0, key="whatif_asa"
)
shrinkage_pct = t4.number_input(
    "Shrinkage (% of paid time)", 0.0, 90.0, 30.0, step=1.0, key="whatif_shrinkage"
)
currency = t5.selectbox("Currency", _CURRENCIES, key="whatif_currency")
cost = t6.number_input(
    f"Cost per agent-hour ({currency.strip()})", 0.0, 10_000.0, 30.0, key="whatif_cost"
)

left, right = st.columns(2)
with left:
    st.subheader(f"Baseline: {workload.label}")
    base_aht = st.number_input("AHT (minutes)", 0.1, 240.0, step=0.25, key="whatif_base_aht")
    base_fcr = st.number_input(
        "First-contact resolution (%)", 0.0, 100.0, step=1.0, key="whatif_base_fcr"
    )
with right:
    st.subheader("Scenario")
    scn_aht = st.number_input("AHT (minutes)", 0.1, 240.0, step=0.25, key="whatif_scn_aht")
    scn_fcr = st.number_input(
        "First-contact resolution (%)", 0.0, 100.0, step=1.0, key="whatif_scn_fcr"
    )
    st.session_state.setdefault("whatif_volume", 0.0)
    volume = st.number_input(
        "Change in first contacts (%)", -90.0, 500.0, step=5.0, key="whatif_volume"
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
    result = staffing.what_if(workload, baseline, scenario)
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
chart = agents_chart(result)
st.altair_chart(chart, width="stretch", key="whatif_chart")
st.dataframe(
    staffing.comparison_table(result), hide_index=True, width="stretch", key="whatif_table"
)
for warning in result.warnings:
    st.warning(warning)

with st.expander(f"How {workload.label} was actually staffed"):
    try:
        check = staffing.staffing_check(
            ds, interval, sl_pct / 100.0, threshold, channel=channel, queue=queue
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
        f"{rep.repeat_if_resolved:.0%} of the time when resolved and "
        f"{rep.repeat_if_unresolved:.0%} when not (repeat window {rep.window_days:g} days); "
        "every contact, first or repeat, repeats at that rate.\n"
        "- **Where they break**: chat (agents handle several chats at once: Erlang overstates "
        "the agents) and e-mail (a backlog worked down over hours, not a queue of callers)."
    )

finding = Finding(
    kind="table",
    title=result.title(),
    sentence=result.summary(),
    numbers=result.key_numbers(),
    scope=widgets.scope_text(
        f"{channel or 'all channels'}, {interval}-minute intervals, target "
        f"{sl_pct:.0f}% in {threshold:g} s, shrinkage {shrinkage_pct:.0f}%"
    ),
    chart=chart.to_dict(),
    table=result.to_frame(),
)
widgets.pin_button(finding, key="whatif_pin")

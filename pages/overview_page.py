"""Overview: how are we doing, and what needs attention? (the landing page)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from kpi.analysis import overview as ov
from kpi.charts.trends import breakdown_chart, cards_chart, pareto_chart, trend_chart
from kpi.engine import KpiTable
from kpi.errors import KpiLabError
from kpi.findings import Finding
from kpi.metrics import KPIS, available_kpis
from kpi.ui import state, widgets

# Week-level KPIs the warnings read (triggers, conflicting signals).
SIGNAL_KPIS = ("aht", "fcr", "csat", "nps", "transfer_rate", "abandonment_rate", "asa")
MONEY_KPIS = ("contacts", "aht", "fcr", "repeat_contact_rate", "cost_per_contact")

ds = state.scoped_dataset()
settings = state.settings()
data_end = ds.date_range[1] if ds.date_range else None
segments = ov.segment_columns(ds.frame)

st.title("How are we doing, and what needs attention?")
st.caption(widgets.dataset_badge() + f" · {state.scope().describe()}")

if ds.n_rows == 0 or data_end is None:
    st.warning("No rows in the selected date range or segment: widen the filter in the sidebar.")
    st.stop()


def _scale(kpi: str) -> float:
    """Targets are typed in display units: rates in percent."""
    return 100.0 if KPIS[kpi].unit == "rate" else 1.0


# ---------------------------------------------------------------------------------------------
st.header("The KPIs that matter, against their targets")
left, right = st.columns([3, 1])
with left:
    lacking = [
        k for k, cols in available_kpis(ds.frame.columns, ds.shape, settings).items() if cols
    ]
    card_kpis = widgets.kpi_select(
        "KPIs on the cards",
        list(KPIS),
        ov.default_card_kpis(lacking),
        key=f"overview_cards_kpis_{ds.shape}_{len(lacking)}",
    )
with right:
    card_grain = widgets.grain_select("overview_cards_grain", default="week")

targets: dict[str, float] = {}
with st.expander("Targets (defaults from the KPI reference)"):
    defaults = ov.default_targets(card_kpis)
    cols = st.columns(4)
    for i, kpi in enumerate(card_kpis):
        unit = " (%)" if KPIS[kpi].unit == "rate" else ""
        default = defaults.get(kpi)
        with cols[i % 4]:
            typed = st.number_input(
                f"{KPIS[kpi].name}{unit}",
                value=None if default is None else round(default * _scale(kpi), 4),
                key=f"overview_target_{kpi}",
                placeholder="no target",
            )
        if typed is not None:
            targets[kpi] = float(typed) / _scale(kpi)


def _cards_spec(table: KpiTable, kpis: list[str], targets: dict[str, float | None]) -> dict | None:
    try:
        return cards_chart(table, kpis, targets).to_dict()
    except ValueError:  # no card KPI has values: the finding keeps its numbers only
        return None


try:
    period_table = state.compute(ds, grain=card_grain)
except KpiLabError as err:
    st.error(str(err))
    st.stop()
cards = ov.kpi_cards(
    period_table, card_kpis, targets, data_end=data_end, settings=settings, grain=card_grain
)
for start in range(0, len(cards), 4):
    row = cards[start : start + 4]
    for col, card in zip(st.columns(4), row, strict=False):
        col.metric(**card.metric_kwargs())
widgets.unavailable_note(period_table, wanted=[*ov.DEFAULT_CARD_KPIS, *card_kpis])
st.markdown(f"**Reading.** {ov.cards_reading(cards)}")
st.caption(
    "Each card shows the latest complete period (an unfinished week is not compared with a "
    "full one) and its change from the period before. 🟢 meets the target, 🟠 between the "
    "target and the action trigger (or within 10% of the target), 🔴 beyond it. Hover a card "
    "for its formula and the settings used. Single periods are noisy: read the trend below."
)
widgets.pin_button(
    Finding(
        kind="kpi_cards",
        title="KPIs against their targets",
        sentence=ov.cards_reading(cards),
        numbers=tuple((c.name, c.value_text) for c in cards if not c.unavailable),
        scope=widgets.scope_text(f"{card_grain} grain"),
        chart=_cards_spec(period_table, card_kpis, targets),
        table=ov.cards_frame(cards),
    ),
    key="overview_pin_cards",
)


# ---------------------------------------------------------------------------------------------
@st.fragment
def attention() -> None:
    st.header("What needs attention?")
    st.subheader("Action triggers")
    with st.expander("Thresholds (defaults from the KPI reference)"):
        c1, c2, c3, c4 = st.columns(4)
        csat = c1.number_input("CSAT below", value=4.0, step=0.1, key="overview_trigger_csat")
        fcr = c2.number_input("FCR below (%)", value=70.0, step=1.0, key="overview_trigger_fcr")
        aband = c3.number_input(
            "Abandonment above (%)", value=8.0, step=0.5, key="overview_trigger_abandonment"
        )
        nps = c4.number_input(
            "NPS down by (points)", value=10.0, step=1.0, key="overview_trigger_nps"
        )
    actions = {t.kpi: t.action for t in ov.DEFAULT_TRIGGERS}
    triggers = [
        ov.Trigger("csat", "<", float(csat), actions["csat"]),
        ov.Trigger("fcr", "<", float(fcr) / 100, actions["fcr"]),
        ov.Trigger("abandonment_rate", ">", float(aband) / 100, actions["abandonment_rate"]),
        ov.Trigger("nps", "drop", float(nps), actions["nps"]),
    ]
    weekly = state.compute(ds, grain="week", kpis=SIGNAL_KPIS)
    by = "queue" if "queue" in segments else None
    weekly_by = state.compute(ds, grain="week", by=(by,), kpis=SIGNAL_KPIS) if by else None
    fired = ov.evaluate_triggers(weekly, weekly_by, triggers)
    if fired.empty:
        st.success("No action trigger fired on any week of the selected data.")
    else:
        for sentence in fired["sentence"]:
            st.warning(sentence, icon="🚩")
        st.dataframe(
            fired[["where", "rule", "n_weeks", "weeks", "action"]],
            hide_index=True,
            width="stretch",
            key="overview_triggers_table",
        )
    st.caption(
        "Weeks with fewer than 30 responses behind the value are not judged. The NPS trigger "
        "compares four pooled weeks with the four before, so one noisy week does not fire it."
    )

    st.subheader("Conflicting signals and gaming")
    signals = ov.detect_signals(weekly_by if weekly_by is not None else weekly, segment_column=by)
    for col in ("agent_id", "queue"):
        if col in segments:
            by_col = state.compute(ds, grain="all", by=(col,), kpis=("aht", "transfer_rate"))
            signals += ov.detect_transfer_gaming(
                by_col, segment_column=col, start=ds.date_range[0], end=data_end
            )
    if not signals:
        st.success(
            "No conflicting movement found: where AHT or abandonment shifted, the other KPIs "
            "did not move against them beyond week-to-week noise."
        )
    for i, sig in enumerate(signals):
        st.error(f"**{sig.segment}** — {sig.sentence}", icon="⚠️")
        with st.expander("Evidence"):
            st.json({k: str(v) for k, v in sig.evidence.items()}, expanded=False)
        widgets.pin_button(
            lambda sig=sig: _signal_finding(
                sig, weekly_by if weekly_by is not None else weekly, by
            ),
            key=f"overview_pin_signal_{i}",
        )
    st.caption(
        "How: per queue, the week at which AHT (or abandonment) shifts is found by a single "
        "mean-shift split of weekly values; weeks before and after are compared with Welch's "
        "t-test on weekly values (corrected for the search over weeks) and must also move by "
        "at least 5% (2 points for rates). Agents are flagged when their AHT is 15% below the "
        "median agent and their transfer rate 1.5x the median, significantly. A signal is a "
        "question to investigate, not proof of gaming."
    )


def _signal_finding(sig: ov.Signal, weekly_table: KpiTable, by: str | None) -> Finding:
    """A pinned signal: its sentence, the KPIs before -> after, and their weekly lines."""
    kpis_in = ov.signal_kpis(sig)
    frame = weekly_table.frame
    col, _, value = sig.segment.partition(" = ")
    if sig.segment == "All":
        rows = frame
    elif by and col == by and by in frame.columns:
        rows = frame.loc[frame[by].astype("string") == value].drop(columns=[by])
    else:  # an agent against its peers: no weekly series of its own to draw
        rows = frame.iloc[0:0]
    chart = None
    if kpis_in and not rows.empty:
        try:
            chart = cards_chart(rows, kpis_in, columns=len(kpis_in)).to_dict()
        except ValueError:  # none of the signal's KPIs has weekly values here
            chart = None
    return Finding(
        kind="signal",
        title=f"Conflicting signal — {sig.segment}",
        sentence=sig.sentence,
        numbers=ov.signal_numbers(sig),
        scope=widgets.scope_text("weekly KPIs"),
        chart=chart,
        table=pd.DataFrame([{k: str(v) for k, v in sig.evidence.items()}]),
    )


attention()


# ---------------------------------------------------------------------------------------------
@st.fragment
def trends() -> None:
    st.header("How have the KPIs moved?")
    c1, c2 = st.columns([1, 2])
    with c1:
        grain = widgets.grain_select("overview_trend_grain", default="week")
    where_options = ["All"]
    if "queue" in segments:
        where_options += sorted(str(v) for v in ds.frame["queue"].dropna().unique())
    with c2:
        where = st.selectbox("Where", where_options, key="overview_trend_where")
    if where == "All":
        table = state.compute(ds, grain=grain)
        segment = None
    else:
        table = state.compute(ds, grain=grain, by=("queue",))
        segment = {"queue": where}
    events = [
        e
        for e in state.events()
        if not e.segment or where in ("All", "") or e.segment == f"queue={where}"
    ]
    shown = [k for k in card_kpis if k not in table.unavailable]
    charts = {}
    grid = st.columns(2)
    for i, kpi in enumerate(shown):
        chart = trend_chart(
            table,
            kpi,
            target=targets.get(kpi),
            events=events,
            segment=segment,
            title=f"{KPIS[kpi].name}{'' if where == 'All' else f' — {where}'}",
            height=220,
        )
        charts[kpi] = chart
        with grid[i % 2]:
            st.altair_chart(chart, width="stretch", key=f"overview_trend_chart_{kpi}")
    if not shown:
        st.info("None of the chosen KPIs can be computed on this data.")
        return
    pick = st.selectbox(
        "Pin which trend?",
        shown,
        format_func=widgets.kpi_label,
        key="overview_trend_pin_kpi",
    )
    reading = ov.trend_reading(table, pick, targets.get(pick), segment=segment)
    st.markdown(f"**Reading.** {reading}")
    st.caption(
        "The band is the 95% interval of each period's value (wide bands = few contacts or "
        "responses). Dashed green: the target; dotted red: pinned events."
    )
    widgets.pin_button(
        Finding(
            kind="trend",
            title=f"{KPIS[pick].name} by {grain}{'' if where == 'All' else f' — {where}'}",
            sentence=reading,
            scope=widgets.scope_text(f"{grain} grain"),
            chart=charts[pick].to_dict(),
        ),
        key="overview_pin_trend",
    )

    with st.expander(f"Pinned events ({len(state.events())}) — shared with Before/after"):
        for ev in state.events():
            st.markdown(f"- {ev.date:%d %b %Y}: **{ev.label}** {ev.segment or '(whole center)'}")
        lo, hi = ds.date_range[0].date(), data_end.date()
        e1, e2, e3 = st.columns(3)
        date = e1.date_input(
            "Date",
            value=lo + (hi - lo) / 2,
            min_value=lo,
            max_value=hi,
            key="overview_event_date",
        )
        label = e2.text_input(
            "What changed", value="", key="overview_event_label", placeholder="e.g. New IVR"
        )
        seg_options = [""] + [f"queue={q}" for q in where_options[1:]]
        seg = e3.selectbox(
            "Where",
            seg_options,
            format_func=lambda s: s or "whole center",
            key="overview_event_segment",
        )
        if st.button("Add event", key="overview_event_add") and isinstance(date, dt.date):
            state.add_event(date, label, seg)
            st.rerun()
        if state.events():
            idx = st.selectbox(
                "Remove an event",
                range(len(state.events())),
                format_func=lambda i: (
                    f"{state.events()[i].date:%d %b %Y} {state.events()[i].label}"
                ),
                key="overview_event_remove_pick",
            )
            if st.button("Remove", key="overview_event_remove"):
                state.remove_event(int(idx))
                st.rerun()


trends()


# ---------------------------------------------------------------------------------------------
@st.fragment
def breakdowns() -> None:
    st.header("Where is it good, where is it bad?")
    if not segments:
        st.info("This data has no queue, channel, topic, team or agent column to break down by.")
        return
    c1, c2 = st.columns(2)
    by = c1.selectbox(
        "Break down by",
        segments,
        format_func=lambda c: c.replace("_", " "),
        key="overview_breakdown_by",
    )
    table = state.compute(ds, grain="all", by=(by,))
    wide = ov.breakdown_table(table)
    st.dataframe(wide, hide_index=True, width="stretch", key="overview_breakdown_table")
    available = [k for k in card_kpis if k not in table.unavailable] or list(table.kpis)
    kpi = c2.selectbox(
        "Chart", available, format_func=widgets.kpi_label, key="overview_breakdown_kpi"
    )
    chart = breakdown_chart(table, kpi, by, target=targets.get(kpi))
    st.altair_chart(chart, width="stretch", key="overview_breakdown_chart")
    st.caption(
        "Each value is a ratio of sums over the whole selected period; bars show the 95% "
        "interval. Click a column header to sort. Small segments have wide intervals: compare "
        "them with care."
    )
    widgets.pin_button(
        Finding(
            kind="breakdown",
            title=f"KPIs by {by.replace('_', ' ')}",
            sentence=f"{KPIS[kpi].name} by {by.replace('_', ' ')} over the selected period.",
            scope=widgets.scope_text(),
            chart=chart.to_dict(),
            table=ov.breakdown_table(table, display=False),
        ),
        key="overview_pin_breakdown",
    )
    if "topic" in segments and "aht" not in period_table.unavailable:
        st.subheader("Handle time by topic, against topic norms")
        by_topic = state.compute(ds, grain="all", by=("topic",), kpis=("aht", "contacts"))
        aht_target = targets.get("aht") or KPIS["aht"].target
        st.dataframe(
            ov.aht_by_topic(by_topic, aht_target),
            hide_index=True,
            width="stretch",
            key="overview_aht_topic",
            column_config={
                "aht_seconds": None,
                "aht_minutes": st.column_config.NumberColumn("AHT (min)", format="%.1f"),
                "norm_low_minutes": st.column_config.NumberColumn("norm from (min)", format="%.0f"),
                "norm_high_minutes": st.column_config.NumberColumn("norm to (min)", format="%.0f"),
                "handled": st.column_config.NumberColumn("handled", format="%d"),
            },
        )
        st.caption(
            "Norms from the KPI reference: password reset 2–3 min, billing 5–7, technical 8–12, "
            "disputes 10–15 (matched by keyword in the topic name); other topics use the "
            "overall AHT target. A short AHT on a complex topic is as suspect as a long one."
        )


breakdowns()


# ---------------------------------------------------------------------------------------------
@st.fragment
def reasons() -> None:
    st.header("Why do customers contact us?")
    if "topic" not in segments:
        st.info("This data has no topic (contact reason) column.")
        return
    share = st.slider(
        "A reason is structural when it holds at least this share of contacts on most weeks (%)",
        10,
        60,
        30,
        step=5,
        key="overview_structural_share",
    )
    total = state.compute(ds, grain="all", by=("topic",), kpis=("contacts",))
    weekly = state.compute(ds, grain="week", by=("topic",), kpis=("contacts",))
    pareto = ov.topic_pareto(total, weekly, structural_share=share / 100)
    st.altair_chart(pareto_chart(pareto), width="stretch", key="overview_pareto")
    st.dataframe(
        pareto.drop(columns=["share_before"]),
        hide_index=True,
        width="stretch",
        key="overview_pareto_table",
        column_config={
            "share": st.column_config.NumberColumn(format="percent"),
            "cumulative_share": st.column_config.NumberColumn(format="percent"),
            "share_recent": st.column_config.NumberColumn("share, last 4 weeks", format="percent"),
            "share_change": st.column_config.NumberColumn("change vs before", format="percent"),
        },
    )
    structural = pareto.loc[pareto["structural"], "topic"].tolist()
    daily = state.compute(ds, grain="day", by=("topic",), kpis=("contacts",))
    spikes = ov.topic_spikes(daily)
    if structural:
        st.markdown(
            f"**Reading.** {', '.join(structural)} "
            f"{'is' if len(structural) == 1 else 'are'} a structural reason (≥ {share}% of "
            "contacts on most weeks): fix the cause (self-service, a clearer bill, a product "
            "fix) rather than staffing for it."
        )
    else:
        st.markdown(
            f"**Reading.** No reason holds {share}% of contacts on most weeks; the top three "
            f"make {pareto['share'].head(3).sum():.0%} of contacts."
        )
    if spikes.empty:
        st.caption(
            "No one-day spike of a reason (more than 5 robust SDs above its weekday median)."
        )
    else:
        for sentence in spikes["sentence"].head(5):
            st.warning(sentence, icon="📈")


reasons()


# ---------------------------------------------------------------------------------------------
@st.fragment
def cost() -> None:
    st.header("What do repeat contacts cost?")
    table = state.compute(ds, grain="all", kpis=MONEY_KPIS)
    has_cost = "cost_per_contact" not in table.unavailable
    c1, c2, c3 = st.columns(3)
    per_minute = c1.number_input(
        "Cost per handled minute",
        min_value=0.0,
        value=0.0,
        step=0.1,
        key="overview_cost_per_minute",
        disabled=has_cost,
    )
    per_contact = c2.number_input(
        "…or cost per contact",
        min_value=0.0,
        value=0.0,
        step=0.5,
        key="overview_cost_per_contact",
        disabled=has_cost,
    )
    currency = c3.text_input("Currency", value="", key="overview_currency", max_chars=4)
    m = ov.money(
        table,
        cost_per_minute=per_minute or None,
        cost_per_contact=per_contact or None,
        currency=currency,
    )
    if has_cost:
        st.caption("The data has a cost column: its cost per contact is used.")
    if m.basis:
        k1, k2, k3, k4 = st.columns(4)
        k1.metric("Cost per contact", f"{currency}{m.cost_per_contact:,.2f}")
        k2.metric("Repeat contacts", f"{m.repeats:,.0f}")
        k3.metric("Cost of repeats", f"{currency}{m.repeat_cost:,.0f}")
        k4.metric("One point of FCR is worth", f"{currency}{m.cost_per_fcr_point:,.0f}")
    st.markdown(f"**Reading.** {m.summary}")
    for w in m.warnings:
        st.caption(w)


cost()

st.divider()
st.caption(
    "Caveats: figures are ratios of sums over each period, never averages of daily rates; "
    f"settings in force: {settings.describe()}. Correlation between KPIs is not causation — use "
    "the Before/after page to test whether a change moved a KPI."
)

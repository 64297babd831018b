"""Overview: how are we doing, and what needs attention? (the landing page)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from kpi import format as fmt
from kpi.analysis import overview as ov
from kpi.charts.trends import breakdown_chart, cards_chart, pareto_chart, trend_chart
from kpi.engine import KpiTable
from kpi.errors import KpiLabError
from kpi.findings import Finding
from kpi.metrics import KPIS, available_kpis
from kpi.segment import column_label
from kpi.ui import layout, state, summary, tables, widgets

# Week-level KPIs the warnings read (triggers, conflicting signals).
SIGNAL_KPIS = ("aht", "fcr", "csat", "nps", "transfer_rate", "abandonment_rate", "asa")
MONEY_KPIS = ("contacts", "aht", "fcr", "repeat_contact_rate", "cost_per_contact")

ds = state.scoped_dataset()
settings = state.settings()
data_end = ds.date_range[1] if ds.date_range else None
segments = ov.segment_columns(ds.frame)


def _basis() -> tuple[str, str, str]:
    """What every chart on this page depends on, besides its own choices (a memo key)."""
    return (ds.fingerprint, repr(settings), state.currency())


st.title("How are we doing, and what needs attention?")
st.caption(widgets.dataset_badge(scoped=True) + f" · {state.scope().describe()}")

if ds.n_rows == 0 or data_end is None:
    st.warning("No rows in the selected date range or segment: widen the filter in the sidebar.")
    st.stop()

# The three-line summary is drawn here, first, once the sections below have found what to say.
summary_slot = st.container()

# ---------------------------------------------------------------------------------------------
st.header("The KPIs that matter, against their targets")
with layout.controls("overview_cards"):
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
        cols = st.columns(2)
        for i, kpi in enumerate(card_kpis):
            with cols[i % 2]:
                typed = widgets.kpi_target_input(kpi, defaults.get(kpi), f"overview_target_{kpi}")
            if typed is not None:
                targets[kpi] = typed


def _page_kpis(card_kpis: list[str]) -> tuple[str, ...] | None:
    """The KPIs the cards, trends and warnings read (None = every KPI, when a card shows an
    optional one: the engine computes those unasked only when every KPI is asked for)."""
    wanted = tuple(dict.fromkeys([*card_kpis, *ov.DEFAULT_CARD_KPIS, *SIGNAL_KPIS]))
    return None if any(KPIS[k].optional for k in wanted) else wanted


page_kpis = _page_kpis(list(card_kpis))


def _cards_spec(table: KpiTable, kpis: list[str], targets: dict[str, float | None]) -> dict | None:
    try:
        return cards_chart(table, kpis, targets).to_dict()
    except ValueError:  # no card KPI has values: the finding keeps its numbers only
        return None


try:
    period_table = state.compute(ds, grain=card_grain, kpis=page_kpis)
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
    lambda: widgets.finding(
        "kpi_cards",
        "KPIs against their targets",
        ov.cards_reading(cards),
        details=f"{card_grain} grain",
        numbers=tuple((c.name, c.value_text) for c in cards if not c.unavailable),
        chart=_cards_spec(period_table, card_kpis, targets),
        table=ov.cards_frame(cards),
    ),
    key="overview_pin_cards",
)


# ---------------------------------------------------------------------------------------------
def attention() -> tuple[list[ov.Signal], object]:
    """Action triggers and conflicting signals, behind expanders; returns what the summary needs."""
    actions = {t.kpi: t.action for t in ov.DEFAULT_TRIGGERS}
    with (
        st.expander("Action thresholds (defaults from the KPI reference)"),
        layout.controls("overview_thresholds"),
    ):
        c1, c2, c3, c4 = st.columns(4)
        csat = c1.number_input(
            "CSAT (mean) below", step=0.1, key=state.persist("overview_trigger_csat", 4.0)
        )
        fcr = c2.number_input(
            "First contact resolution below (%)",
            step=1.0,
            key=state.persist("overview_trigger_fcr", 70.0),
        )
        aband = c3.number_input(
            "Abandonment rate above (%)",
            step=0.5,
            key=state.persist("overview_trigger_abandonment", 8.0),
        )
        nps = c4.number_input(
            "Net promoter score down by (points)",
            step=1.0,
            key=state.persist("overview_trigger_nps", 10.0),
        )
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
    shown = tables.triggers_table(fired)
    with st.expander(f"Action triggers that fired ({len(fired)})", expanded=False):
        if fired.empty:
            st.success("No action trigger fired on any week of the selected data.")
        for line in summary.trigger_lines(shown.main):
            st.warning(line, icon="🚩")
        st.caption(
            "Weeks are ISO week numbers. Weeks with fewer than 30 responses behind the value are "
            "not judged. The NPS trigger compares four pooled weeks with the four before, so "
            "one noisy week does not fire it."
        )

    signals = ov.detect_signals(weekly_by if weekly_by is not None else weekly, segment_column=by)
    # An open breakdown below computes every KPI by its column: cut this one from that table.
    broken_down = (
        state.persisted("overview_breakdown_by", segments[0] if segments else None)
        if state.persisted("overview_breakdown_open", False)
        else None
    )
    for col in ("agent_id", "queue"):
        if col in segments:
            by_col = state.compute(
                ds,
                grain="all",
                by=(col,),
                kpis=("aht", "transfer_rate"),
                via_full=col == broken_down,
            )
            signals += ov.detect_transfer_gaming(
                by_col, segment_column=col, start=ds.date_range[0], end=data_end
            )
    with st.expander(f"Conflicting signals and gaming ({len(signals)})", expanded=False):
        if not signals:
            st.success(
                "No conflicting movement found: where AHT or abandonment shifted, the other "
                "KPIs did not move against them beyond week-to-week noise."
            )
        for i, sig in enumerate(signals):
            st.error(f"**{sig.label()}** — {sig.sentence}", icon="⚠️")
            st.caption(summary.evidence_text(sig.evidence))
            widgets.pin_button(
                lambda sig=sig: _signal_finding(
                    sig, weekly_by if weekly_by is not None else weekly, by
                ),
                key=f"overview_pin_signal_{i}",
            )
        st.caption(
            "How: per queue, the week at which AHT (or abandonment) shifts is found by a single "
            "mean-shift split of weekly values; weeks before and after are compared with "
            "Welch's t-test on weekly values (corrected for the search over weeks) and must "
            "also move by at least 5% (2 points for rates). Agents are flagged when their AHT "
            "is 15% below the median agent and their transfer rate 1.5x the median, "
            "significantly. A signal is a question to investigate, not proof of gaming."
        )
    return signals, shown


def _signal_finding(sig: ov.Signal, weekly_table: KpiTable, by: str | None) -> Finding:
    """A pinned signal: its sentence, the KPIs before -> after, and their weekly lines."""
    kpis_in = ov.signal_kpis(sig)
    frame = weekly_table.frame
    where = sig.where
    if where is None:
        rows = frame
    elif by and where.column == by and by in frame.columns:
        rows = frame.loc[where.mask(frame)].drop(columns=[by])
    else:  # an agent against its peers: no weekly series of its own to draw
        rows = frame.iloc[0:0]
    chart = None
    if kpis_in and not rows.empty:
        try:
            chart = cards_chart(rows, kpis_in, columns=len(kpis_in)).to_dict()
        except ValueError:  # none of the signal's KPIs has weekly values here
            chart = None
    found = widgets.finding(
        "signal",
        f"Conflicting signal — {sig.segment}",
        sig.sentence,
        segment="" if where is None else where.label(),
        details="weekly KPIs",
        numbers=ov.signal_numbers(sig),
        chart=chart,
        table=pd.DataFrame([{k: str(v) for k, v in sig.evidence.items()}]),
    )
    return found


st.header("What needs attention?")
found_signals, fired_table = attention()
with summary_slot:
    summary.attention_summary(found_signals, fired_table, cards)


# ---------------------------------------------------------------------------------------------
@st.fragment
def trends() -> None:
    where_options = ["All"]
    if "queue" in segments:
        where_options += sorted(str(v) for v in ds.frame["queue"].dropna().unique())
    with layout.controls("overview_trends"):
        c1, c2 = st.columns(2)  # "Day Week Month" on one line at 900 px
        with c1:
            grain = widgets.grain_select("overview_trend_grain", default="week")
        with c2:
            where = st.selectbox(
                "Where",
                where_options,
                format_func=lambda w: "Whole centre" if w == "All" else f"Queue: {w}",
                key=state.persist("overview_trend_where", "All", where_options),
            )
    if where == "All":
        table = state.compute(ds, grain=grain, kpis=page_kpis)
        segment = None
    else:
        table = state.compute(ds, grain=grain, by=("queue",), kpis=page_kpis)
        segment = {"queue": where}
    events = widgets.events_for({"queue": where} if where != "All" else None)
    shown = [k for k in card_kpis if k not in table.unavailable]
    charts = {}
    grid = st.columns(2)
    for i, kpi in enumerate(shown):
        if i % 2 == 0 and i:
            grid = st.columns(2)  # one row per pair: a chart's title never sits under another
        with grid[i % 2]:
            charts[kpi] = widgets.chart(
                lambda kpi=kpi: trend_chart(
                    table,
                    kpi,
                    target=targets.get(kpi),
                    events=events,
                    segment=segment,
                    title=f"{KPIS[kpi].name}{'' if where == 'All' else f' — {where}'}",
                    height=220,
                ),
                key=f"overview_trend_chart_{kpi}",
                memo=(*_basis(), grain, where, targets.get(kpi), repr(events)),
            )
    if not shown:
        st.info("None of the chosen KPIs can be computed on this data.")
        return
    pick = st.selectbox(
        "Pin which trend?",
        shown,
        format_func=widgets.kpi_label,
        key=state.persist("overview_trend_pin_kpi", shown[0], shown),
    )
    reading = ov.trend_reading(table, pick, targets.get(pick), segment=segment)
    st.markdown(f"**Reading.** {reading}")
    st.caption(
        "The band is the 95% interval of each period's value (wide bands = few contacts or "
        "responses). Dashed green: the target; dotted red: pinned events of this segment or "
        "of the whole centre."
    )
    widgets.pin_button(
        lambda: widgets.finding(
            "trend",
            f"{KPIS[pick].name} by {grain}",
            reading,
            segment="" if where == "All" else f"Queue: {where}",
            details=f"{grain} grain",
            chart=charts[pick],
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


# Seven charts: drawn once the reader opens them (the cards above show where each KPI stands).
layout.lazy_expander("How have the KPIs moved? (trend charts)", "overview_trends_open", trends)


# ---------------------------------------------------------------------------------------------
@st.fragment
def breakdowns() -> None:
    if not segments:
        st.info("This data has no queue, channel, topic, team or agent column to break down by.")
        return
    with layout.controls("overview_breakdown"):
        c1, c2 = st.columns(2)
        by = c1.selectbox(
            "Break down by",
            segments,
            format_func=column_label,
            key=state.persist("overview_breakdown_by", segments[0], segments),
        )
    table = state.compute(ds, grain="all", by=(by,))
    wide, config = tables.kpi_columns(
        ov.breakdown_table(table, display=False), table.kpis, state.currency()
    )
    st.dataframe(
        wide.rename(columns={by: column_label(by)}),
        hide_index=True,
        width="stretch",
        key="overview_breakdown_table",
        column_config=config,
    )
    available = [k for k in card_kpis if k not in table.unavailable] or list(table.kpis)
    with layout.controls("overview_breakdown_kpi"):
        kpi = c2.selectbox(
            "Chart",
            available,
            format_func=widgets.kpi_label,
            key=state.persist("overview_breakdown_kpi", available[0], available),
        )
    chart = widgets.chart(
        lambda: breakdown_chart(table, kpi, by, target=targets.get(kpi)),
        key="overview_breakdown_chart",
        memo=(*_basis(), by, kpi, targets.get(kpi)),
    )
    st.caption(
        "Each value is a ratio of sums over the whole selected period; bars show the 95% "
        "interval. Click a column header to sort. Small segments have wide intervals: compare "
        "them with care."
    )
    widgets.pin_button(
        lambda: widgets.finding(
            "breakdown",
            f"KPIs by {column_label(by).lower()}",
            f"{KPIS[kpi].name} by {column_label(by).lower()} over the selected period.",
            chart=chart,
            table=ov.breakdown_table(table, display=False),
        ),
        key="overview_pin_breakdown",
    )
    if "topic" in segments and "aht" not in period_table.unavailable:
        st.markdown("**Handle time by topic, against topic norms**")
        by_topic = state.compute(ds, grain="all", by=("topic",), kpis=("aht", "contacts"))
        aht_target = targets.get("aht") or KPIS["aht"].target
        topic_table = tables.aht_topic_table(ov.aht_by_topic(by_topic, aht_target))
        st.dataframe(
            topic_table.main,
            hide_index=True,
            width="stretch",
            key="overview_aht_topic",
            column_config=topic_table.config,
        )
        st.caption(
            "Norms from the KPI reference: password reset 2–3 min, billing 5–7, technical 8–12, "
            "disputes 10–15 (matched by keyword in the topic name); other topics use the "
            "overall AHT target. A short AHT on a complex topic is as suspect as a long one."
        )


layout.lazy_expander(
    "Where is it good, where is it bad? (KPIs by queue, channel, topic, agent)",
    "overview_breakdown_open",
    breakdowns,
)


# ---------------------------------------------------------------------------------------------
def reasons() -> None:
    if "topic" not in segments:
        st.info("This data has no topic (contact reason) column.")
        return
    with layout.controls("overview_reasons"):
        share = st.slider(
            "A reason is structural when it holds at least this share of contacts on most "
            "weeks (%)",
            10,
            60,
            step=5,
            key=state.persist("overview_structural_share", 30),
        )
    total = state.compute(ds, grain="all", by=("topic",), kpis=("contacts",))
    weekly = state.compute(ds, grain="week", by=("topic",), kpis=("contacts",))
    pareto = ov.topic_pareto(total, weekly, structural_share=share / 100)
    widgets.chart(lambda: pareto_chart(pareto), key="overview_pareto", memo=(*_basis(), share))
    reasons_table = tables.pareto_table(pareto)
    st.dataframe(
        reasons_table.main,
        hide_index=True,
        width="stretch",
        key="overview_pareto_table",
        column_config=reasons_table.config,
    )
    with st.expander("Details"):
        st.dataframe(reasons_table.details, hide_index=True, key="overview_pareto_details")
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


# Not read by the summary: computed only once the reader opens it.
layout.lazy_expander(
    "Why do customers contact us? (contact reasons)", "overview_reasons_open", reasons
)


# ---------------------------------------------------------------------------------------------
def cost() -> None:
    table = state.compute(ds, grain="all", kpis=MONEY_KPIS)
    has_cost = "cost_per_contact" not in table.unavailable
    currency = state.currency()
    unit = currency.strip() or "currency units"
    with layout.controls("overview_cost"):
        c1, c2 = st.columns(2)
        per_minute = c1.number_input(
            f"Cost per handled minute ({unit})",
            min_value=0.0,
            step=0.1,
            key=state.persist("overview_cost_per_minute", 0.0),
            disabled=has_cost,
        )
        per_contact = c2.number_input(
            f"…or cost per contact ({unit})",
            min_value=0.0,
            step=0.5,
            key=state.persist("overview_cost_per_contact", 0.0),
            disabled=has_cost,
        )
        if not currency:
            st.caption("Choose the currency in the sidebar (Settings).")
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
        k1.metric("Cost per contact", fmt.fmt_money(m.cost_per_contact, currency))
        k2.metric("Repeat contacts", fmt.fmt_count(m.repeats))
        k3.metric("Cost of repeats", fmt.fmt_money(m.repeat_cost, currency, decimals=0))
        k4.metric(
            "One point of FCR is worth", fmt.fmt_money(m.cost_per_fcr_point, currency, decimals=0)
        )
    st.markdown(f"**Reading.** {m.summary}")
    for w in m.warnings:
        st.caption(w)


layout.lazy_expander("What do repeat contacts cost?", "overview_cost_open", cost)

st.divider()
st.caption(
    "Caveats: figures are ratios of sums over each period, never averages of daily rates; "
    f"settings in force: {settings.describe()}. Correlation between KPIs is not causation — use "
    "the Before/after page to test whether a change moved a KPI."
)

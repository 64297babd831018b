"""The registry entries of the contact-centre KPIs: one :class:`KpiDef` each, every fact in it.

Sources for formulas, variants, targets and action triggers: ``/work/shared/KPI_REFERENCE.md``
(vendor docs of Amazon Connect, Genesys Cloud, Cisco, Talkdesk; SQM and industry benchmarks).
The settings-dependent parts of an entry (columns it needs, hover text, notes) are the small
functions above the entries. The module runs past ~600 lines because it is data: 26 entries of
about 20 lines each, kept in one place so that the registry reads as one table.
"""

from __future__ import annotations

from collections.abc import Mapping

from kpi.metrics import aggregated as agg
from kpi.metrics.kpidef import EnginePass, KpiDef
from kpi.metrics.settings import SL_VARIANTS, Settings
from kpi.metrics.sql import mean_aggs, quantile_aggs, rate_aggs
from kpi.metrics.tickets import TICKET_KPIS

__all__ = ["CONTACT_KPIS", "KPIS", "better"]


# --- settings-dependent facts, one small function per KPI that needs one --------------------


def _fcr_needs(s: Settings) -> tuple[str, ...]:
    return ("resolved",) if s.fcr_method == "flag" else ("customer_id",)


def _fcr_pass(s: Settings) -> EnginePass:
    return "group" if s.fcr_method == "flag" else "window"


def _fcr_explain(s: Settings, shape: str) -> str:
    if shape != "interactions":
        return ""
    if s.fcr_method == "flag":
        return "Method: the agent/survey-declared resolved flag."
    return (
        f"Method: no repeat contact by the same customer within {s.fcr_window_days:g} days "
        f"(contacts within {s.fcr_ignore_minutes:g} min ignored as transfers or callbacks; the "
        f"last {s.fcr_window_days:g} days are immature and left out)."
    )


def _fcr_note(totals: Mapping[str, float], s: Settings, shape: str) -> str:
    if "immature" not in totals:
        return ""
    return (
        f"{int(totals['immature']):,} handled contacts in the last {s.fcr_window_days:g} days are "
        "immature (a repeat could still come) and are left out of the denominator"
    )


def _repeat_explain(s: Settings, shape: str) -> str:
    return (
        f"Window {s.fcr_window_days:g} days, ignoring {s.fcr_ignore_minutes:g} min; the last "
        f"{s.fcr_window_days:g} days are immature and left out."
    )


def _repeat_note(totals: Mapping[str, float], s: Settings, shape: str) -> str:
    return f"contacts in the last {s.fcr_window_days:g} days of the data are immature and left out"


def _sl_needs(s: Settings) -> tuple[str, ...]:
    return ("abandoned",) if s.sl_variant != "answered_only" else ()


def _sl_explain(s: Settings, shape: str) -> str:
    if shape != "interactions":
        return (
            "The summary's own threshold and variant: the settings' threshold cannot be "
            "re-applied to a summary table."
        )
    text = (
        f"Threshold {s.sl_threshold_seconds:g} s; variant {s.sl_variant.replace('_', ' ')}: "
        f"{SL_VARIANTS[s.sl_variant]}."
    )
    if s.exclude_short_abandons or s.sl_variant == "abandons_ignored":
        text += f" Short abandons (< {s.short_abandon_seconds:g} s) left out."
    return text


def _ab_needs(s: Settings) -> tuple[str, ...]:
    extra = ["wait_seconds"] if s.exclude_short_abandons else []
    if s.abandonment_denominator != "offered":
        extra.append("answered")
    return tuple(extra)


def _ab_explain(s: Settings, shape: str) -> str:
    if shape != "interactions":
        return ""
    text = (
        "Denominator: inbound offered (queued, not blocked; contacts with an unknown or "
        "ignored outcome left out)."
        if s.abandonment_denominator == "offered"
        else "Denominator: answered + abandoned."
    )
    if s.exclude_short_abandons:
        text += f" Short abandons (< {s.short_abandon_seconds:g} s) left out."
    return text


def _ab_note(totals: Mapping[str, float], s: Settings, shape: str) -> str:
    gap = float(totals.get("gap", 0.0))
    if shape != "aggregated" or abs(gap) <= 0.5:
        return ""
    return (
        f"offered ≠ answered + abandoned by {gap:,.0f} contacts over the range "
        "(a third outcome such as flow-outs or callbacks)"
    )


def _short_explain(s: Settings, shape: str) -> str:
    return f"Short abandon = abandoned within {s.short_abandon_seconds:g} s."


def _top2_explain(s: Settings, shape: str) -> str:
    return f"Satisfied = rating ≥ {s.csat_top_box_min:g}."


def _ces_explain(s: Settings, shape: str) -> str:
    if s.ces_higher_is_better:
        return "Scale: agreement (higher = better)."
    return "Scale: effort 1-7 (lower = better)."


CONTACT_KPIS: tuple[KpiDef, ...] = (
    KpiDef(
        id="contacts",
        name="Contacts",
        unit="count",
        better="higher",
        category="business",
        role="leading",
        formula="count of contacts (one per transfer chain)",
        numerator="contacts (initial records of a transfer chain)",
        denominator="—",
        definition="Volume: contacts that started in the period, counted once per initial contact "
        "(transfer legs sharing a parent_contact_id are not counted again).",
        stat="count",
        sql={"num": "count_if({initial})"},
        display_unit="",
        aggregated=agg.contacts,
    ),
    KpiDef(
        id="fcr",
        name="First contact resolution",
        unit="rate",
        better="higher",
        category="experience",
        role="bridging",
        formula="first contacts resolved ÷ first contacts handled",
        numerator="handled first contacts resolved (flag) or not followed by a repeat within N days",
        denominator="handled first contacts (repeat method: mature ones only)",
        definition="Share of customer issues resolved on the first contact. Two methods: the "
        "agent/survey-declared resolved flag, or no repeat contact by the same customer within N "
        "days (default 7; contacts within 15 minutes are the same contact; the last N days of data "
        "are immature and left out). An FCR trend predicts CSAT and future volume.",
        stat="rate",
        sql=rate_aggs("{fcr_num}", "{fcr_den}"),
        target=0.75,
        benchmark=(0.70, 0.85),
        benchmark_note="average 70–75%, top 80–85%, world-class 85%+; tech support 60–65%; "
        "action trigger below 70%",
        trigger=0.70,
        display_unit="%",
        pass_for=_fcr_pass,
        needs=_fcr_needs,
        aggregated=agg.fcr,
        explain=_fcr_explain,
        note=_fcr_note,
    ),
    KpiDef(
        id="repeat_contact_rate",
        name="Repeat contact rate",
        unit="rate",
        better="lower",
        category="experience",
        role="leading",
        formula="contacts followed by another contact of the same customer within N days ÷ contacts",
        numerator="mature inbound contacts followed by a repeat within N days (after the "
        "ignore window)",
        denominator="mature inbound contacts with a customer id",
        definition="Share of contacts the same customer has to follow up within N days (default 7). "
        "Contacts in the last N days of the data cannot be judged yet and are left out.",
        stat="rate",
        sql=rate_aggs("{rep_num}", "{rep_den}"),
        columns=("customer_id",),
        display_unit="%",
        engine="window",
        explain=_repeat_explain,
        note=_repeat_note,
    ),
    KpiDef(
        id="aht",
        name="Average handle time",
        unit="seconds",
        better="lower",
        category="efficiency",
        role="leading",
        formula="(talk + hold + after-contact work) ÷ handled contacts",
        numerator="handle seconds of handled contacts",
        denominator="handled contacts with a handle time (a contact whose answered and "
        "abandoned flags are both unknown is not handled)",
        definition="Mean time an agent spends on a contact: talk + hold + after-contact work "
        "(or the export's handle time). Track it by topic; never one target for all.",
        stat="mean",
        sql=mean_aggs("{handle}", "{served}"),
        any_of=(("handle_seconds", "talk_seconds"),),
        benchmark_note="by topic: password reset 2–3 min, billing 5–7, technical 8–12, disputes 10–15",
        display_unit="min",
        aggregated=agg.answered_weighted("aht_seconds"),
    ),
    KpiDef(
        id="talk_time",
        name="Average talk time",
        unit="seconds",
        better="lower",
        category="efficiency",
        role="leading",
        formula="talk seconds ÷ handled contacts",
        numerator="talk seconds of handled contacts",
        denominator="handled contacts with a talk time",
        definition="Mean talk (interaction) time of handled contacts.",
        stat="mean",
        sql=mean_aggs("talk_seconds", "{served}"),
        columns=("talk_seconds",),
        display_unit="min",
        aggregated=agg.answered_weighted("talk_seconds"),
    ),
    KpiDef(
        id="hold_time",
        name="Average hold time",
        unit="seconds",
        better="lower",
        category="efficiency",
        role="leading",
        formula="hold seconds ÷ handled contacts (all handled, not only held ones)",
        numerator="hold seconds of handled contacts",
        denominator="handled contacts with a hold time",
        definition="Mean customer hold time over all handled contacts (hold averaged only over "
        "held contacts is a different, larger figure).",
        stat="mean",
        sql=mean_aggs("hold_seconds", "{served}"),
        columns=("hold_seconds",),
        display_unit="s",
    ),
    KpiDef(
        id="acw_time",
        name="Average after-contact work",
        unit="seconds",
        better="lower",
        category="efficiency",
        role="leading",
        formula="after-contact work seconds ÷ handled contacts",
        numerator="ACW seconds of handled contacts",
        denominator="handled contacts with an ACW time",
        definition="Mean wrap-up time after handled contacts.",
        stat="mean",
        sql=mean_aggs("acw_seconds", "{served}"),
        columns=("acw_seconds",),
        display_unit="s",
    ),
    KpiDef(
        id="asa",
        name="Average speed of answer",
        unit="seconds",
        better="lower",
        category="access",
        role="leading",
        formula="queue seconds of answered contacts ÷ answered contacts",
        numerator="wait seconds of answered inbound contacts",
        denominator="answered inbound contacts",
        definition="Mean queue time of answered contacts. A mean wait that includes abandoned "
        "contacts is 'average wait time', a different KPI.",
        stat="mean",
        sql=mean_aggs("wait_seconds", "{inbound} AND {ans}"),
        columns=("wait_seconds", "answered"),
        target=20.0,
        benchmark=(15.0, 30.0),
        benchmark_note="target 20–30 s; good 15–20 s, excellent < 15 s; > 45 s abandonment rises",
        display_unit="s",
        aggregated=agg.answered_weighted("asa_seconds"),
    ),
    KpiDef(
        id="asa_median",
        name="Median speed of answer",
        unit="seconds",
        better="lower",
        category="access",
        role="leading",
        formula="median queue seconds of answered contacts",
        numerator="the middle wait of answered inbound contacts (half waited longer)",
        denominator="answered inbound contacts with a wait time",
        definition="The typical wait of an answered contact. Shown beside the ASA because a few "
        "very long waits pull the mean up while most callers wait far less. Pooled over several "
        "periods (a before/after comparison) it is the contact-weighted mean of their medians.",
        stat="quantile",
        sql=quantile_aggs("wait_seconds", 0.5, "{inbound} AND {ans}"),
        columns=("wait_seconds", "answered"),
        benchmark=(15.0, 30.0),
        benchmark_note="compare with the ASA target (20–30 s); UK median 20.5 s",
        display_unit="s",
    ),
    KpiDef(
        id="asa_p90",
        name="90th percentile speed of answer",
        unit="seconds",
        better="lower",
        category="access",
        role="leading",
        formula="90th percentile of queue seconds of answered contacts",
        numerator="the wait that 90% of answered inbound contacts did not exceed",
        denominator="answered inbound contacts with a wait time",
        definition="The long-wait tail: one answered contact in ten waited longer than this. It "
        "moves when queues spike even if the mean barely does. Pooled over several periods it is "
        "the contact-weighted mean of their 90th percentiles.",
        stat="quantile",
        sql=quantile_aggs("wait_seconds", 0.9, "{inbound} AND {ans}"),
        columns=("wait_seconds", "answered"),
        display_unit="min",
    ),
    KpiDef(
        id="service_level",
        name="Service level",
        unit="rate",
        better="higher",
        category="access",
        role="leading",
        formula="answered within T ÷ queued contacts (variant: see settings)",
        numerator="inbound contacts answered within T seconds (abandons positive: + abandoned within T)",
        denominator="queued contacts answered (+ abandoned, − short abandons, by variant); "
        "contacts with no queue wait (e-mail, outbound) are not counted",
        definition="Share of contacts answered within the threshold T (default 20 s). Platforms "
        "differ on abandoned contacts: answered-only, abandons negative (Genesys), abandons "
        "ignored below the short-abandon threshold (Talkdesk), abandons positive (Amazon "
        "Connect). The variant is shown next to every figure.",
        stat="rate",
        sql=rate_aggs("{sl_num}", "{sl_den}"),
        columns=("wait_seconds", "answered"),
        target=0.80,
        benchmark=(0.80, 0.90),
        benchmark_note="the common 80/20 standard (80% in 20 s)",
        display_unit="%",
        needs=_sl_needs,
        aggregated=agg.service_level,
        explain=_sl_explain,
    ),
    KpiDef(
        id="abandonment_rate",
        name="Abandonment rate",
        unit="rate",
        better="lower",
        category="access",
        role="leading",
        formula="abandoned ÷ inbound offered",
        numerator="inbound contacts abandoned in queue",
        denominator="inbound offered (queued, not blocked) — or answered + abandoned; "
        "a contact counts as queued when it has a queue wait or abandoned; contacts whose "
        "abandoned flag is unknown (an outcome marked ignore: phantom calls, short abandons) "
        "are left out",
        definition="Share of queued callers who hung up before reaching an agent. Contacts "
        "that never waited in a queue (e-mail, outbound) and contacts whose outcome is unknown "
        "or ignored are not in the denominator.",
        stat="rate",
        sql=rate_aggs("{ab_num}", "{ab_den}"),
        columns=("abandoned",),
        target=0.05,
        benchmark=(0.03, 0.05),
        benchmark_note="< 5% (< 3% competitive); UK mean 5.6%, median 4.5%; action trigger above 8%",
        trigger=0.08,
        display_unit="%",
        needs=_ab_needs,
        aggregated=agg.abandonment,
        explain=_ab_explain,
        note=_ab_note,
    ),
    KpiDef(
        id="short_abandon_rate",
        name="Short abandon rate",
        unit="rate",
        better="lower",
        category="access",
        role="leading",
        formula="abandoned before the short-abandon threshold ÷ inbound offered",
        numerator="inbound contacts abandoned with a queue time below the threshold",
        denominator="inbound offered (queued, not blocked)",
        definition="Share of offered contacts abandoned within a few seconds (misdials, IVR "
        "hang-ups): usually left out of abandonment and service level.",
        stat="rate",
        sql=rate_aggs("({inbound} AND {short})", "{offered}"),
        columns=("abandoned", "wait_seconds"),
        display_unit="%",
        explain=_short_explain,
    ),
    KpiDef(
        id="transfer_rate",
        name="Transfer rate",
        unit="rate",
        better="lower",
        category="efficiency",
        role="leading",
        formula="transferred contacts ÷ handled contacts (per initial contact)",
        numerator="handled initial contacts transferred",
        denominator="handled initial contacts",
        definition="Share of handled contacts transferred to another agent or queue, counted per "
        "initial contact. Low AHT with a high transfer rate signals transfer without resolution.",
        stat="rate",
        sql=rate_aggs(
            "{initial} AND {handled} AND coalesce(transferred, FALSE)", "{initial} AND {handled}"
        ),
        columns=("transferred",),
        display_unit="%",
        aggregated=agg.per_answered("transferred"),
    ),
    KpiDef(
        id="escalation_rate",
        name="Escalation rate",
        unit="rate",
        better="lower",
        category="efficiency",
        role="leading",
        formula="escalated contacts ÷ handled contacts",
        numerator="handled initial contacts escalated",
        denominator="handled initial contacts",
        definition="Share of handled contacts escalated to a supervisor or higher tier.",
        stat="rate",
        sql=rate_aggs(
            "{initial} AND {handled} AND coalesce(escalated, FALSE)", "{initial} AND {handled}"
        ),
        columns=("escalated",),
        display_unit="%",
    ),
    KpiDef(
        id="blocked_rate",
        name="Calls blocked",
        unit="rate",
        better="lower",
        category="access",
        role="leading",
        formula="blocked ÷ inbound attempts",
        numerator="inbound contacts blocked before queueing",
        denominator="inbound attempts (offered + blocked)",
        definition="Share of inbound attempts rejected before queueing (busy signal, queue full).",
        stat="rate",
        sql=rate_aggs("{attempt} AND {blk}", "{attempt}"),
        columns=("blocked",),
        display_unit="%",
        aggregated=agg.blocked,
    ),
    KpiDef(
        id="csat",
        name="CSAT (mean)",
        unit="score",
        better="higher",
        category="experience",
        role="lagging",
        formula="sum of ratings ÷ responses (1–5)",
        numerator="sum of CSAT ratings",
        denominator="survey responses",
        definition="Mean post-contact satisfaction rating on a 1–5 scale (5 best).",
        stat="mean",
        sql=mean_aggs("csat"),
        columns=("csat",),
        target=4.2,
        benchmark=(4.0, 4.2),
        benchmark_note="target ≥ 4.2 of 5; action trigger below 4.0",
        trigger=4.0,
        aggregated=agg.csat,
    ),
    KpiDef(
        id="csat_top2",
        name="CSAT (% satisfied)",
        unit="rate",
        better="higher",
        category="experience",
        role="lagging",
        formula="responses rated 4–5 ÷ all responses",
        numerator="responses rated 4 or 5",
        denominator="survey responses",
        definition="Share of survey responses in the top-2 box (4–5 on a 1–5 scale).",
        stat="rate",
        sql=rate_aggs("csat >= {csat_top_box_min}", "csat IS NOT NULL"),
        columns=("csat",),
        target=0.85,
        benchmark=(0.80, 0.85),
        benchmark_note="world-class ≥ 85% top box (SQM)",
        display_unit="%",
        explain=_top2_explain,
        aggregated=agg.csat_top2,
    ),
    KpiDef(
        id="nps",
        name="Net promoter score",
        unit="nps",
        better="higher",
        category="experience",
        role="lagging",
        formula="% promoters (9–10) − % detractors (0–6)",
        numerator="promoters − detractors",
        denominator="NPS responses",
        definition="Promoters (9–10) minus detractors (0–6) as a share of responses, −100 to +100. "
        "Its interval uses the multinomial variance of the difference of two proportions.",
        stat="nps",
        sql={
            "prom": "count_if(nps >= 9)",
            "det": "count_if(nps <= 6)",
            "den": "count(nps)",
        },
        columns=("nps",),
        target=30.0,
        benchmark=(30.0, 70.0),
        benchmark_note="B2B 30–50, B2C 50–70; action trigger: a drop of 10+ points",
        trigger_change=10.0,
        display_unit="pts",
        aggregated=agg.nps,
    ),
    KpiDef(
        id="ces",
        name="Customer effort score",
        unit="score",
        better="lower",
        category="experience",
        role="lagging",
        formula="sum of effort ratings ÷ responses",
        numerator="sum of CES ratings",
        denominator="CES responses",
        definition="Mean effort rating (1–7; lower = less effort unless the scale is set to a CES "
        "2.0 agreement scale, where higher is better).",
        stat="mean",
        sql=mean_aggs("ces"),
        columns=("ces",),
        target=3.0,
        benchmark_note="< 3 on a 7-point effort scale",
        explain=_ces_explain,
    ),
    KpiDef(
        id="frt",
        name="First response time",
        unit="seconds",
        better="lower",
        category="access",
        role="leading",
        formula="time to first response ÷ inquiries",
        numerator="first-response seconds",
        denominator="inquiries with a first response",
        definition="Mean time to the first agent response on digital channels.",
        stat="mean",
        sql=mean_aggs("first_response_seconds"),
        columns=("first_response_seconds",),
        benchmark_note="phone < 30 s, chat < 2 min, email < 4 h (business hours), social < 1 h",
        display_unit="min",
    ),
    KpiDef(
        id="occupancy",
        name="Occupancy",
        unit="rate",
        better="higher",
        category="workforce",
        role="leading",
        formula="handle time ÷ (handle time + available time)",
        numerator="handle seconds",
        denominator="handle + idle (available) seconds",
        definition="Share of agents' logged-in available time spent handling contacts (needs "
        "agent idle time). Above 85% risks burnout.",
        stat="ratio",
        sql={
            "num": "sum(CASE WHEN {occ} THEN {handle} END)",
            "den": "sum(CASE WHEN {occ} THEN {handle} + idle_seconds END)",
            "n": "count(CASE WHEN {occ} THEN {handle} END)",
            "yy": "sum(CASE WHEN {occ} THEN {handle} * {handle} END)",
            "xx": "sum(CASE WHEN {occ} THEN ({handle} + idle_seconds) * ({handle} + idle_seconds) END)",
            "xy": "sum(CASE WHEN {occ} THEN {handle} * ({handle} + idle_seconds) END)",
        },
        columns=("idle_seconds",),
        any_of=(("handle_seconds", "talk_seconds"),),
        target=0.85,
        benchmark=(0.80, 0.85),
        benchmark_note="80–85%; above 85% risks burnout",
        display_unit="%",
        aggregated=agg.occupancy,
    ),
    KpiDef(
        id="cost_per_contact",
        name="Cost per contact",
        unit="currency",
        better="lower",
        category="business",
        role="lagging",
        formula="total cost ÷ contacts with a cost",
        numerator="cost",
        denominator="contacts with a cost",
        definition="Mean cost of a contact; translates KPI changes (e.g. avoided repeats) into money.",
        stat="mean",
        sql=mean_aggs("cost"),
        columns=("cost",),
        aggregated=agg.cost_per_contact,
    ),
    KpiDef(
        id="conversion_rate",
        name="Conversion rate",
        unit="rate",
        better="higher",
        category="business",
        role="lagging",
        formula="contacts with a sale ÷ handled contacts",
        numerator="handled contacts converted",
        denominator="handled contacts with a conversion flag",
        definition="Share of handled contacts that resulted in a sale or conversion.",
        stat="rate",
        sql=rate_aggs("{handled} AND converted", "{handled} AND converted IS NOT NULL"),
        columns=("converted",),
        display_unit="%",
    ),
    KpiDef(
        id="proactive_ratio",
        name="Proactive contact ratio",
        unit="rate",
        better="higher",
        category="business",
        role="leading",
        formula="proactive contacts ÷ all contacts",
        numerator="proactive outreach contacts",
        denominator="contacts with a proactive flag",
        definition="Share of contacts the center initiated proactively (not customer-initiated).",
        stat="rate",
        sql=rate_aggs("proactive", "proactive IS NOT NULL"),
        columns=("proactive",),
        display_unit="%",
    ),
    KpiDef(
        id="engagement",
        name="Employee engagement",
        unit="score",
        better="higher",
        category="workforce",
        role="leading",
        formula="sum of agents' engagement scores ÷ contacts with a score (contact-weighted)",
        numerator="engagement score of the handling agent, per contact",
        denominator="contacts with an engagement score",
        definition="Mean engagement score (1–5) of the agents who handled the contacts, weighted "
        "by the contacts each handled.",
        stat="mean",
        sql=mean_aggs("engagement"),
        columns=("engagement",),
    ),
)

#: Every KPI by id, in display order: the contact-centre KPIs, then the ticket KPIs.
KPIS: dict[str, KpiDef] = {k.id: k for k in (*CONTACT_KPIS, *TICKET_KPIS)}


def better(kpi_id: str, settings: Settings | None = None) -> str:
    """ "higher" or "lower" for ``kpi_id`` under ``settings`` (the CES scale can flip it)."""
    if kpi_id == "ces" and settings is not None and settings.ces_higher_is_better:
        return "higher"
    return KPIS[kpi_id].better

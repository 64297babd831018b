"""The registry entries of the help-desk ticket KPIs (Zendesk, Freshdesk, Jira Service
Management, ServiceNow, HubSpot exports): resolution time, SLA compliance by priority, backlog.

A ticket is a contact row: ``start_time`` is its creation, ``first_response_seconds`` the time to
the first agent reply, ``resolution_seconds`` (or ``solved_time``) when it was solved, plus
``priority`` and ``status``. These KPIs are ``optional``: computed by default only when the data
has their columns, so a call log is not told that its backlog is unavailable.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from kpi.metrics.kpidef import KpiDef
from kpi.metrics.settings import Settings
from kpi.metrics.sql import mean_aggs, quantile_aggs, rate_aggs

__all__ = ["TICKET_KPIS"]

_SOLVED = (("resolution_seconds", "solved_time"),)


def _response_explain(s: Settings, shape: str) -> str:
    return (
        f"Targets by priority: {s.sla_text('response')} (tickets with no or an unrecognised "
        "priority: the normal target). A ticket still unanswered past its target counts as a "
        "breach; one still within it is not judged yet."
    )


def _resolution_explain(s: Settings, shape: str) -> str:
    return (
        f"Targets by priority: {s.sla_text('resolution')} (tickets with no or an unrecognised "
        "priority: the normal target). A ticket still open past its target counts as a breach; "
        "one still within it is not judged yet."
    )


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _sla_note(what: str) -> Callable[[Mapping[str, float], Settings, str], str]:
    def note(totals: Mapping[str, float], s: Settings, shape: str) -> str:
        parts = []
        waiting, gone = int(totals.get("wait", 0)), int(totals.get("excl", 0))
        if waiting:
            parts.append(
                f"{_plural(waiting, 'open ticket')} without a {what} still within the target: "
                "not judged yet"
            )
        if gone:
            parts.append(f"{_plural(gone, 'closed ticket')} with no {what} time left out")
        return "; ".join(parts)

    return note


def _open_explain(s: Settings, shape: str) -> str:
    return (
        "Open = created by the end of the period and not solved by then (solved time, else "
        "created + resolution time); tickets in a closed status with no solved time are not open."
    )


def _closed_note(totals: Mapping[str, float], s: Settings, shape: str) -> str:
    n = int(totals.get("excl", 0))
    if n == 0:
        return ""
    return (
        f"{_plural(n, 'ticket')} in a closed status with no solved time left out (when it "
        "left the backlog is unknown)"
    )


TICKET_KPIS: tuple[KpiDef, ...] = (
    KpiDef(
        id="resolution_time",
        name="Resolution time (mean)",
        unit="seconds",
        better="lower",
        category="efficiency",
        role="lagging",
        formula="seconds from creation to solved ÷ solved tickets",
        numerator="seconds from creation to solved, summed over solved tickets",
        denominator="solved tickets (with a resolution time)",
        definition="Mean time from a ticket's creation to its resolution. Open tickets have no "
        "resolution time yet and are not in it (see the backlog and the resolution SLA).",
        stat="mean",
        sql=mean_aggs("{resolution}"),
        any_of=_SOLVED,
        display_unit="h",
        optional=True,
    ),
    KpiDef(
        id="resolution_time_median",
        name="Resolution time (median)",
        unit="seconds",
        better="lower",
        category="efficiency",
        role="lagging",
        formula="median seconds from creation to solved",
        numerator="the middle resolution time of solved tickets (half took longer)",
        denominator="solved tickets (with a resolution time)",
        definition="The typical time to resolve a ticket, beside the mean because a few "
        "long-running tickets pull the mean up.",
        stat="quantile",
        sql=quantile_aggs("{resolution}", 0.5),
        any_of=_SOLVED,
        display_unit="h",
        optional=True,
    ),
    KpiDef(
        id="response_sla",
        name="First-response SLA compliance",
        unit="rate",
        better="higher",
        category="access",
        role="leading",
        formula="tickets answered within their priority's target ÷ judged tickets",
        numerator="tickets whose first response came within the target of their priority",
        denominator="tickets with a first response, plus unanswered open tickets already past "
        "their target",
        definition="Share of tickets that got a first agent response within the SLA target of "
        "their priority (defaults urgent 1 h, high 4 h, normal 8 h, low 24 h; settings).",
        stat="rate",
        sql={
            **rate_aggs("{rsp_num}", "{rsp_den}"),
            "wait": "count_if({rsp_wait})",
            "excl": "count_if({rsp_gone})",
        },
        columns=("first_response_seconds", "priority"),
        display_unit="%",
        optional=True,
        explain=_response_explain,
        note=_sla_note("first response"),
    ),
    KpiDef(
        id="resolution_sla",
        name="Resolution SLA compliance",
        unit="rate",
        better="higher",
        category="experience",
        role="lagging",
        formula="tickets solved within their priority's target ÷ judged tickets",
        numerator="tickets solved within the resolution target of their priority",
        denominator="solved tickets, plus open tickets already past their target",
        definition="Share of tickets solved within the SLA target of their priority (defaults "
        "urgent 4 h, high 24 h, normal 72 h, low 120 h; settings).",
        stat="rate",
        sql={
            **rate_aggs("{res_num}", "{res_den}"),
            "wait": "count_if({res_wait})",
            "excl": "count_if({res_gone})",
        },
        columns=("priority",),
        any_of=_SOLVED,
        display_unit="%",
        optional=True,
        explain=_resolution_explain,
        note=_sla_note("resolution"),
    ),
    KpiDef(
        id="backlog",
        name="Backlog (open tickets)",
        unit="count",
        better="lower",
        category="workforce",
        role="leading",
        formula="tickets created by the period's end and not solved by then",
        numerator="open tickets at the end of the period",
        denominator="—",
        definition="Tickets still open at the end of each period: a stock, not a flow. Over "
        "several periods it is the level at the last one, not a sum.",
        stat="count",
        # The moments an item enters and leaves the stock; the engine's stock pass counts
        # entries minus exits per period and accumulates them.
        sql={
            "opened": "start_time",
            "closed": "{solved_at}",
            "open": "{open}",
            "excl": "count_if({solved_at} IS NULL AND NOT {open})",
        },
        any_of=_SOLVED,
        engine="stock",
        optional=True,
        explain=_open_explain,
        note=_closed_note,
    ),
)

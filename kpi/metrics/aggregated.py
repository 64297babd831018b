"""SQL of the KPIs a summary table (one row per day, week or month) can give.

Each builder takes the columns present and the settings and returns a :class:`KpiSql` or an
:class:`Unavailable` naming the missing columns; registry entries point at them
(``KpiDef.aggregated``). Averages are re-weighted by their denominators (ASA, AHT, talk time and
service level by answered contacts; CSAT by survey responses), so a month is a ratio of sums, not
a mean of days. A row whose numerator (or denominator) is missing is left out of both and
counted (``excl``).
"""

from __future__ import annotations

from typing import Literal

from kpi.metrics.kpidef import AggregatedSql, KpiSql, Unavailable
from kpi.metrics.settings import Settings
from kpi.metrics.sql import count_rate, weighted_mean

__all__ = [
    "abandonment",
    "answered_weighted",
    "blocked",
    "contacts",
    "cost_per_contact",
    "csat",
    "csat_top2",
    "fcr",
    "missing",
    "nps",
    "occupancy",
    "per_answered",
    "service_level",
]


def missing(cols: frozenset[str], *need: str) -> Unavailable | None:
    """An ``Unavailable`` naming the columns of ``need`` absent from ``cols``, else None."""
    gone = tuple(c for c in need if c not in cols)
    if not gone:
        return None
    return Unavailable(f"missing column{'s' if len(gone) > 1 else ''} {', '.join(gone)}", gone)


def contacts(cols: frozenset[str], settings: Settings) -> KpiSql | Unavailable:
    """Volume: offered, else answered + abandoned, else answered."""
    del settings
    if "offered" in cols:
        return KpiSql("count", {"num": "sum(offered)"}, "contacts = sum of offered")
    if {"answered", "abandoned"} <= cols:
        return KpiSql(
            "count",
            {"num": "sum(coalesce(answered, 0) + coalesce(abandoned, 0))"},
            "contacts = answered + abandoned (no offered column)",
        )
    if "answered" in cols:
        return KpiSql("count", {"num": "sum(answered)"}, "contacts = answered (no offered column)")
    return missing(cols, "offered") or Unavailable("missing column offered", ("offered",))


def answered_weighted(
    src: str, stat: Literal["mean", "rate"] = "mean", what: str = ""
) -> AggregatedSql:
    """A per-period average of answered contacts (ASA, AHT, talk time, service level).

    Weighted by answered contacts; without an answered column, by offered − abandoned when both
    exist (the answered contacts of a queue with no third outcome); else every row weighs the
    same, and the note says so once.
    """
    label = what or src

    def build(cols: frozenset[str], settings: Settings) -> KpiSql | Unavailable:
        del settings
        gone = missing(cols, src)
        if gone is not None:
            return gone
        kind = stat
        if "answered" in cols:
            return KpiSql(
                kind, weighted_mean(src, "answered"), f"{label} weighted by answered contacts"
            )
        if {"offered", "abandoned"} <= cols:
            return KpiSql(
                kind,
                weighted_mean(src, "greatest(offered - abandoned, 0)", "offered", "abandoned"),
                f"{label} weighted by offered − abandoned (no answered column)",
            )
        return KpiSql(
            kind,
            {"num": f"sum({src})", "den": f"count({src})"},
            f"{label} rows averaged with equal weight (no answered, offered or abandoned "
            "column to weight them)",
        )

    return build


def abandonment(cols: frozenset[str], settings: Settings) -> KpiSql | Unavailable:
    """Abandoned ÷ offered (or ÷ answered + abandoned), over rows where both parts are known."""
    gone = missing(cols, "abandoned")
    if gone is not None:
        return gone
    gap = _gap_sql(cols)
    if settings.abandonment_denominator == "offered" and "offered" in cols:
        return KpiSql(
            "rate", {**count_rate("abandoned", "offered"), "gap": gap}, "abandoned ÷ offered"
        )
    if "answered" not in cols:
        return missing(cols, "offered", "answered") or Unavailable(
            "missing column answered", ("answered",)
        )
    den = "answered + abandoned"
    return KpiSql(
        "rate",
        {**count_rate("abandoned", den, "abandoned", "answered"), "gap": gap},
        "abandoned ÷ (answered + abandoned)",
    )


def _gap_sql(cols: frozenset[str]) -> str:
    if {"offered", "answered", "abandoned"} <= cols:
        ok = "offered IS NOT NULL AND answered IS NOT NULL AND abandoned IS NOT NULL"
        return f"sum(offered - answered - abandoned) FILTER (WHERE {ok})"
    return "0"


def service_level(cols: frozenset[str], settings: Settings) -> KpiSql | Unavailable:
    """Service level of a summary: from a count answered within the threshold when the export
    has one (``answered_within`` ÷ (answered + abandoned), or ÷ answered for the answered-only
    variant), else its own service-level percentage weighted by answered contacts."""
    if "answered_within" not in cols:
        return answered_weighted("service_level", "rate", "service level")(cols, settings)
    gone = missing(cols, "answered")
    if gone is not None:
        return gone
    if settings.sl_variant == "answered_only" or "abandoned" not in cols:
        why = "" if "abandoned" in cols else " (no abandoned column: answered-only variant)"
        return KpiSql(
            "rate",
            count_rate("answered_within", "answered"),
            f"answered within the threshold ÷ answered{why}",
        )
    return KpiSql(
        "rate",
        count_rate(
            "answered_within", "answered + abandoned", "answered_within", "answered", "abandoned"
        ),  # fmt: skip
        "answered within the threshold ÷ (answered + abandoned)",
    )


def blocked(cols: frozenset[str], settings: Settings) -> KpiSql | Unavailable:
    """Blocked ÷ (offered + blocked)."""
    del settings
    return missing(cols, "blocked", "offered") or KpiSql(
        "rate",
        count_rate("blocked", "offered + blocked", "blocked", "offered"),
        "blocked ÷ (offered + blocked)",
    )


def per_answered(src: str) -> AggregatedSql:
    """A count of the summary (resolved, transferred) ÷ answered, over rows with both."""

    def build(cols: frozenset[str], settings: Settings) -> KpiSql | Unavailable:
        del settings
        return missing(cols, src, "answered") or KpiSql(
            "rate", count_rate(src, "answered"), f"{src} ÷ answered (counts of the summary table)"
        )

    return build


def csat(cols: frozenset[str], settings: Settings) -> KpiSql | Unavailable:
    """Mean CSAT weighted by responses (equal weights without a responses column)."""
    del settings
    return _by_responses(cols, "csat", "mean", "CSAT")


def _by_responses(
    cols: frozenset[str], col: str, stat: Literal["mean", "rate"], what: str
) -> KpiSql | Unavailable:
    """A survey figure of each row weighted by its survey responses (``csat_responses``), or
    the rows averaged with equal weight without them."""
    gone = missing(cols, col)
    if gone is not None:
        return gone
    if "csat_responses" in cols:
        return KpiSql(
            stat, weighted_mean(col, "csat_responses"), f"{what} weighted by survey responses"
        )
    return KpiSql(
        "mean",
        {"num": f"sum({col})", "den": f"count({col})"},
        f"{what} rows averaged with equal weight (no csat_responses column)",
    )


def occupancy(cols: frozenset[str], settings: Settings) -> KpiSql | Unavailable:
    """Pooled occupancy of rows that each carry their own occupancy (agent-level reports).

    A row's occupancy is its handle time ÷ its available time, so its available time is handle
    time ÷ occupancy; the pooled value is total handle time ÷ Σ(handle time ÷ occupancy), i.e.
    the rows' occupancies weighted by handle time (AHT × answered). Without an AHT column the
    handle time is taken as proportional to answered contacts; without either, rows weigh the
    same. Rows with a missing part, or an occupancy of 0, are left out and counted.
    """
    del settings
    time = ("aht_seconds", "answered", "available_seconds")
    if set(time) <= cols:  # the report's own time: every row's available time counts
        # An agent with no contacts has no AHT: no handle time, all of the time available.
        ok = (
            "answered IS NOT NULL AND available_seconds > 0 "
            "AND (aht_seconds IS NOT NULL OR answered = 0)"
        )
        return KpiSql(
            "rate",
            {
                "num": f"sum(coalesce(aht_seconds, 0) * answered) FILTER (WHERE {ok})",
                "den": f"sum(available_seconds) FILTER (WHERE {ok})",
                "excl": f"count(*) FILTER (WHERE NOT coalesce({ok}, FALSE))",
            },
            "occupancy = handle time (AHT × answered) ÷ available time, pooled over the rows "
            "(rows with no available time left out)",
        )
    gone = missing(cols, "occupancy")
    if gone is not None:
        return gone
    inputs: tuple[str, ...]
    if {"aht_seconds", "answered"} <= cols:
        weight, inputs, how = "aht_seconds * answered", ("aht_seconds", "answered"), "handle time"
    elif "answered" in cols:
        weight, inputs, how = "answered", ("answered",), "answered contacts (no AHT column)"
    else:
        weight, inputs, how = "1", (), "equal weights (no AHT or answered column)"
    ok = " AND ".join(f"{c} IS NOT NULL" for c in ("occupancy", *inputs)) + " AND occupancy > 0"
    some = " OR ".join(f"{c} IS NOT NULL" for c in ("occupancy", *inputs))
    return KpiSql(
        "rate",
        {
            "num": f"sum({weight}) FILTER (WHERE {ok})",
            "den": f"sum(({weight}) / occupancy) FILTER (WHERE {ok})",
            "excl": f"count(*) FILTER (WHERE ({some}) AND NOT coalesce({ok}, FALSE))",
        },
        f"occupancy pooled as handle time ÷ available time, rows weighted by {how}",
    )


def csat_top2(cols: frozenset[str], settings: Settings) -> KpiSql | Unavailable:
    """The top-box share of a summary ("% Satisfied (4-5)"), weighted by survey responses
    (equal weights without them). The box is the export's own: the settings' cannot be
    re-applied to a summary."""
    del settings
    return _by_responses(cols, "csat_top2", "rate", "the export's own top box")


def nps(cols: frozenset[str], settings: Settings) -> KpiSql | Unavailable:
    """NPS of a summary: from each row's promoter and detractor shares weighted by its NPS
    responses (promoters and detractors then counted, as in the contact-level interval), else
    the rows' NPS weighted by responses (equal weights without them)."""
    del settings
    shares = ("nps_promoters", "nps_detractors", "nps_responses")
    if set(shares) <= cols:
        ok = " AND ".join(f"{c} IS NOT NULL" for c in shares)
        return KpiSql(
            "nps",
            {
                "prom": f"sum(nps_promoters * nps_responses) FILTER (WHERE {ok})",
                "det": f"sum(nps_detractors * nps_responses) FILTER (WHERE {ok})",
                "den": f"sum(nps_responses) FILTER (WHERE {ok})",
                "excl": f"count(*) FILTER (WHERE NOT ({ok}))",
            },
            "promoter and detractor shares pooled over NPS responses",
        )
    gone = missing(cols, "nps")
    if gone is not None:
        return gone
    if "nps_responses" in cols:
        return KpiSql("mean", weighted_mean("nps", "nps_responses"), "NPS weighted by responses")
    return KpiSql(
        "mean",
        {"num": "sum(nps)", "den": "count(nps)"},
        "NPS rows averaged with equal weight (no responses column)",
    )


def fcr(cols: frozenset[str], settings: Settings) -> KpiSql | Unavailable:
    """FCR of a summary: resolved ÷ answered counts, else its FCR rate weighted by the contacts
    or surveys it is measured on (its basis column), else by answered contacts."""
    if {"resolved", "answered"} <= cols or "fcr_rate" not in cols:
        return per_answered("resolved")(cols, settings)
    for weight, what in (("fcr_responses", "its basis"), ("answered", "answered contacts")):
        if weight in cols:
            return KpiSql("rate", weighted_mean("fcr_rate", weight), f"FCR weighted by {what}")
    return KpiSql(
        "mean",
        {"num": "sum(fcr_rate)", "den": "count(fcr_rate)"},
        "FCR rows averaged with equal weight (no basis or answered column)",
    )


def cost_per_contact(cols: frozenset[str], settings: Settings) -> KpiSql | Unavailable:
    """A summary's total cost ÷ its contacts (offered, else answered), over rows with both."""
    del settings
    gone = missing(cols, "cost")
    if gone is not None:
        return gone
    base = "offered" if "offered" in cols else "answered" if "answered" in cols else None
    if base is None:
        return Unavailable("missing column offered", ("offered",))
    return KpiSql(
        "mean",  # an amount per contact, not a share: no binomial interval
        count_rate("cost", base),
        f"total cost ÷ {base} contacts (rows with both)",
    )

"""The KPI registry: every KPI as data (definition, formula, SQL, unit, direction, target).

Each KPI is one :class:`KpiDef`. Its SQL over the canonical columns (``kpi.schema``) is the single
definition the engine runs: aggregates named ``num`` / ``den`` (and ``ss`` for the sum of
squares of a mean, or ``prom`` / ``det`` for NPS), composed in one ``GROUP BY`` pass by
:mod:`kpi.engine`. Period values are always ratios of those sums, never averages of daily rates.

Formula choices that differ between platforms are :class:`Settings`, not forks: service-level
threshold and variant, short abandons, the abandonment denominator, the FCR method (resolved flag
or repeat-contact window with right-censoring), CSAT mean vs top-2 box, the CES scale direction.
Settings travel with every result (``KpiTable.settings``) so a figure always says how it was made.

Sources for formulas, variants and targets: ``/work/shared/KPI_REFERENCE.md`` (vendor docs of
Amazon Connect, Genesys Cloud, Cisco, Talkdesk; SQM and industry benchmarks).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, fields
from typing import Any, Literal

from kpi.errors import AnalysisError

__all__ = [
    "AGGREGATED_SQL",
    "KPIS",
    "KpiDef",
    "KpiSql",
    "QUANTILE_FRACTIONS",
    "SL_VARIANTS",
    "Settings",
    "available_kpis",
    "better",
    "derived_columns",
    "kpi_sql",
    "aggregated_sql",
    "quantile_grid",
    "snippets",
]

Unit = Literal["count", "seconds", "rate", "score", "nps", "currency"]
Stat = Literal["count", "rate", "mean", "ratio", "nps", "quantile"]

SL_VARIANTS: dict[str, str] = {
    "answered_only": "answered within T ÷ answered",
    "abandons_negative": "answered within T ÷ (answered + abandoned)  [Genesys default, Cisco 'abandons negative']",
    "abandons_ignored": "answered within T ÷ (answered + abandoned − short abandons)  [Talkdesk; abandons below the short-abandon threshold ignored]",
    "abandons_positive": "(answered within T + abandoned within T) ÷ (answered + abandoned)  [Amazon Connect, Cisco 'abandons positive']",
}


@dataclass(frozen=True, slots=True)
class Settings:
    """How the KPIs with platform-dependent formulas are computed.

    Attributes
    ----------
    sl_threshold_seconds : service-level threshold T (answered within T seconds). Default 20.
    sl_variant : one of ``SL_VARIANTS`` (default "abandons_negative", the Genesys default).
    short_abandon_seconds : an abandon with a queue time below this is a *short abandon*.
    exclude_short_abandons : drop short abandons from abandonment and service-level numerators
        and denominators (Google CCAI / Genesys switch).
    abandonment_denominator : "offered" (every queued inbound contact, incl. flow-outs) or
        "answered_abandoned" (answered + abandoned only).
    fcr_method : "flag" (agent/survey-declared ``resolved``) or "repeat" (no repeat contact by the
        same customer within ``fcr_window_days``; the last ``fcr_window_days`` of the data are
        right-censored: immature and out of the denominator).
    fcr_window_days : repeat-contact window N (days).
    fcr_ignore_minutes : a further contact within this many minutes is a transfer/callback of the
        same contact, not a repeat.
    csat_method : "mean" or "top2" — which CSAT figure is the headline (both are computed).
    csat_top_box_min : lowest rating counted as satisfied in the top-2 box (1-5 scale).
    ces_higher_is_better : False for a 1-7 *effort* scale (default), True for a CES 2.0
        *agreement* scale.
    interval_minutes : length of the "interval" grain.
    time_attribution : book a contact in the period it "start"s or "end"s.
    """

    sl_threshold_seconds: float = 20.0
    sl_variant: str = "abandons_negative"
    short_abandon_seconds: float = 5.0
    exclude_short_abandons: bool = False
    abandonment_denominator: str = "offered"
    fcr_method: str = "flag"
    fcr_window_days: float = 7.0
    fcr_ignore_minutes: float = 15.0
    csat_method: str = "top2"
    csat_top_box_min: float = 4.0
    ces_higher_is_better: bool = False
    interval_minutes: int = 30
    time_attribution: str = "start"

    def __post_init__(self) -> None:
        choices = {
            "sl_variant": tuple(SL_VARIANTS),
            "abandonment_denominator": ("offered", "answered_abandoned"),
            "fcr_method": ("flag", "repeat"),
            "csat_method": ("mean", "top2"),
            "time_attribution": ("start", "end"),
        }
        for name, allowed in choices.items():
            if getattr(self, name) not in allowed:
                raise AnalysisError(
                    f"Setting {name}={getattr(self, name)!r} is not valid: use one of {', '.join(allowed)}."
                )
        for name in (
            "sl_threshold_seconds",
            "short_abandon_seconds",
            "fcr_window_days",
            "fcr_ignore_minutes",
            "interval_minutes",
        ):
            v = getattr(self, name)
            if (
                isinstance(v, bool)
                or not isinstance(v, int | float)
                or not math.isfinite(v)
                or v < 0
            ):
                raise AnalysisError(f"Setting {name} must be a non-negative number, not {v!r}.")
        if self.fcr_window_days <= 0 or self.interval_minutes <= 0:
            raise AnalysisError("Settings fcr_window_days and interval_minutes must be above zero.")

    @property
    def csat_kpi(self) -> str:
        """The headline CSAT KPI id for ``csat_method`` ("csat" or "csat_top2")."""
        return "csat_top2" if self.csat_method == "top2" else "csat"

    def describe(self) -> str:
        """One line saying how the variant KPIs are computed (shown next to every figure)."""
        t = _num(self.sl_threshold_seconds)
        parts = [f"service level {t} s, {self.sl_variant.replace('_', ' ')}"]
        if self.exclude_short_abandons:
            parts.append(f"short abandons (< {_num(self.short_abandon_seconds)} s) excluded")
        else:
            parts.append(f"short abandon < {_num(self.short_abandon_seconds)} s")
        parts.append(
            "abandonment ÷ offered"
            if self.abandonment_denominator == "offered"
            else "abandonment ÷ (answered + abandoned)"
        )
        if self.fcr_method == "flag":
            parts.append("FCR from the resolved flag")
        else:
            parts.append(
                f"FCR = no repeat within {_num(self.fcr_window_days)} days "
                f"(contacts within {_num(self.fcr_ignore_minutes)} min ignored; last "
                f"{_num(self.fcr_window_days)} days immature)"
            )
        parts.append("CSAT top-2 box" if self.csat_method == "top2" else "CSAT mean of 1-5")
        parts.append(
            "CES higher = better" if self.ces_higher_is_better else "CES lower = less effort"
        )
        if self.time_attribution == "end":
            parts.append("contacts booked at their end time")
        return "; ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        """Plain dict (JSON-ready)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> Settings:
        """Settings from a dict (e.g. ``settings.json``); unknown keys raise ``AnalysisError``."""
        data = dict(data or {})
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise AnalysisError(
                f"Unknown setting(s) {', '.join(unknown)}: known settings are {', '.join(sorted(known))}."
            )
        return cls(**data)


def _num(v: float) -> str:
    return f"{v:g}"


@dataclass(frozen=True, slots=True)
class KpiSql:
    """SQL aggregates of one KPI: ``aggs`` maps a name (num, den, ss, prom, det...) to SQL."""

    stat: Stat
    aggs: dict[str, str]
    note: str = ""


@dataclass(frozen=True, slots=True)
class KpiDef:
    """One KPI of the registry.

    Attributes
    ----------
    id : stable identifier (column name in wide tables).
    name : display name.
    unit : "count", "seconds", "rate" (a 0-1 fraction, shown as %), "score", "nps" or "currency".
    better : "higher" or "lower".
    category : experience, access, efficiency, workforce or business.
    role : default role in lead/lag analyses: leading, lagging or bridging (KPI_REFERENCE.md).
    target : default target in the KPI's unit (None = depends on the business).
    benchmark : (low, high) band in the KPI's unit, or None.
    benchmark_note : where the target/band comes from.
    formula : the formula in words (numerator ÷ denominator over canonical columns).
    numerator, denominator : each in words.
    definition : glossary text.
    stat : how the value is built from the aggregates (count, rate, mean, ratio, nps).
    columns : canonical interaction columns it needs (all of them).
    any_of : groups of columns of which at least one is needed (e.g. handle or talk time).
    sql : aggregate templates (``{snippet}`` placeholders, see :func:`snippets`).
    """

    id: str
    name: str
    unit: Unit
    better: Literal["higher", "lower"]
    category: Literal["experience", "access", "efficiency", "workforce", "business"]
    role: Literal["leading", "lagging", "bridging"]
    formula: str
    numerator: str
    denominator: str
    definition: str
    stat: Stat
    sql: dict[str, str]
    columns: tuple[str, ...] = ()
    any_of: tuple[tuple[str, ...], ...] = ()
    target: float | None = None
    benchmark: tuple[float, float] | None = None
    benchmark_note: str = ""

    def format(self, value: float | None) -> str:
        """The value in its display unit: "75.0%", "4.5 min", "+40", "4.20", "1,234"."""
        if value is None or not math.isfinite(float(value)):
            return "–"
        v = float(value)
        if self.unit == "rate":
            return f"{100 * v:.1f}%"
        if self.unit == "nps":
            return f"{v:+.0f}"
        if self.unit == "seconds":
            if abs(v) < 100:
                return f"{v:.1f} s"
            if abs(v) < 3 * 3600:
                return f"{v / 60:.1f} min"
            return f"{v / 3600:.1f} h"
        if self.unit == "count":
            return f"{v:,.0f}"
        if self.unit == "currency":
            return f"{v:,.2f}"
        return f"{v:.2f}"


def better(kpi_id: str, settings: Settings | None = None) -> str:
    """ "higher" or "lower" for ``kpi_id`` under ``settings`` (the CES scale can flip it)."""
    if kpi_id == "ces" and settings is not None and settings.ces_higher_is_better:
        return "higher"
    return KPIS[kpi_id].better


# ---------------------------------------------------------------------------------------------
# SQL building blocks over the canonical interaction columns. ``{inbound}`` etc. in a KpiDef's
# templates are replaced by these, built for the columns present and the settings in force.


def derived_columns(columns: Iterable[str], settings: Settings) -> dict[str, str]:
    """Per-contact derived columns (name -> SQL over canonical columns), computed once per row.

    ``_inbound`` (not outbound), ``_initial`` (first record of a transfer chain), ``_ans`` /
    ``_aband`` / ``_blk`` (outcome flags, NULL read as False), ``_handled`` (answered, or not
    marked unanswered), ``_short`` (abandoned below the short-abandon threshold), ``_within`` /
    ``_ab_within`` (answered / abandoned within the service-level threshold T) and ``_handle``
    (handle seconds: the export's figure, else talk + hold + ACW).
    """
    cols = set(columns)

    def flag(c: str) -> str:
        return f"coalesce({c}, FALSE)" if c in cols else "FALSE"

    t = float(settings.sl_threshold_seconds)
    sa = float(settings.short_abandon_seconds)
    out: dict[str, str] = {}
    out["_inbound"] = "coalesce(direction <> 'outbound', TRUE)" if "direction" in cols else "TRUE"
    if "parent_contact_id" in cols:
        out["_initial"] = "(parent_contact_id IS NULL OR parent_contact_id = contact_id)"
    else:
        out["_initial"] = "TRUE"
    out["_ans"] = flag("answered")
    out["_aband"] = flag("abandoned")
    out["_blk"] = flag("blocked")
    out["_handled"] = "coalesce(answered, TRUE)" if "answered" in cols else "TRUE"
    if "wait_seconds" in cols:
        out["_short"] = f"({out['_aband']} AND coalesce(wait_seconds < {sa}, FALSE))"
        out["_within"] = f"({out['_ans']} AND coalesce(wait_seconds <= {t}, FALSE))"
        out["_ab_within"] = f"({out['_aband']} AND coalesce(wait_seconds <= {t}, FALSE))"
        # A contact that never waited in a queue (e-mail, outbound) is not "offered" to a
        # queue: it would dilute abandonment and sit in the service-level denominator with no
        # wait to judge. Abandoned contacts always queued.
        out["_queued"] = f"(wait_seconds IS NOT NULL OR {out['_aband']})"
    else:
        out["_short"] = out["_within"] = out["_ab_within"] = "FALSE"
        out["_queued"] = "TRUE"
    extra = "".join(f" + coalesce({c}, 0)" for c in ("hold_seconds", "acw_seconds") if c in cols)
    if "handle_seconds" in cols:
        fallback = f"talk_seconds{extra}" if "talk_seconds" in cols else "NULL"
        out["_handle"] = f"coalesce(handle_seconds, {fallback})::DOUBLE"
    elif "talk_seconds" in cols:
        out["_handle"] = f"(talk_seconds{extra})::DOUBLE"
    else:
        out["_handle"] = "NULL::DOUBLE"
    return out


def snippets(columns: Iterable[str], settings: Settings) -> dict[str, str]:
    """SQL fragments the KPI templates are written with (over :func:`derived_columns`).

    ``inbound``, ``initial``, ``ans``, ``aband``, ``blk``, ``handled``, ``short``, ``within``,
    ``ab_within``, ``handle`` (the derived columns); ``offered`` (inbound, not blocked),
    ``attempt`` (inbound); ``sl_num``/``sl_den`` (service-level variant), ``ab_num``/``ab_den``
    (abandonment), ``fcr_num``/``fcr_den`` and ``rep_num``/``rep_den`` (the repeat-window flags
    ``_repeat``, ``_first``, ``_mature``, ``_inb_cust`` come from the engine's window pass).
    """
    del columns  # the derived columns already account for missing ones
    s = settings
    out = {k.lstrip("_"): k for k in ("_inbound", "_initial", "_ans", "_aband", "_blk",
                                       "_handled", "_short", "_within", "_ab_within", "_handle", "_queued")}  # fmt: skip
    out["offered"] = "(_inbound AND NOT _blk AND _queued)"
    out["occ"] = "(_handled AND _handle IS NOT NULL AND idle_seconds IS NOT NULL)"
    out["attempt"] = "_inbound"
    queued = "(_inbound AND _queued AND (_ans OR _aband))"
    drop_short = s.exclude_short_abandons or s.sl_variant == "abandons_ignored"
    keep = f"({queued} AND NOT _short)" if drop_short else queued
    v = s.sl_variant
    if v == "answered_only":
        out["sl_num"], out["sl_den"] = "(_inbound AND _within)", "(_inbound AND _ans AND _queued)"
    elif v == "abandons_positive":
        out["sl_num"], out["sl_den"] = f"({keep} AND (_within OR _ab_within))", keep
    else:  # abandons_negative, abandons_ignored
        out["sl_num"], out["sl_den"] = "(_inbound AND _within)", keep
    den = out["offered"] if s.abandonment_denominator == "offered" else queued
    if s.exclude_short_abandons:
        out["ab_num"] = "(_inbound AND _aband AND NOT _short)"
        out["ab_den"] = f"({den} AND NOT _short)"
    else:
        out["ab_num"], out["ab_den"] = "(_inbound AND _aband)", den
    if s.fcr_method == "flag":
        out["fcr_den"] = "(_initial AND _handled AND resolved IS NOT NULL)"
        out["fcr_num"] = f"({out['fcr_den']} AND resolved)"
    else:
        out["fcr_den"] = "(_initial AND _handled AND _inb_cust AND _first AND _mature)"
        out["fcr_num"] = f"({out['fcr_den']} AND NOT _repeat)"
    out["rep_den"] = "(_initial AND _inb_cust AND _mature)"
    out["rep_num"] = f"({out['rep_den']} AND _repeat)"
    out["fcr_immature"] = "(_initial AND _handled AND _inb_cust AND _first AND NOT _mature)"
    out["csat_top_box_min"] = repr(float(s.csat_top_box_min))
    return out


def _rate(num: str, den: str) -> dict[str, str]:
    return {"num": f"count_if({num})", "den": f"count_if({den})"}


def _mean(x: str, where: str = "TRUE") -> dict[str, str]:
    # CASE masks rather than FILTER clauses: DuckDB runs these about twice as fast.
    v = x if where == "TRUE" else f"(CASE WHEN {where} THEN {x} END)"
    return {"num": f"sum({v})", "den": f"count({v})", "ss": f"sum({v} * {v})"}


#: Offsets from p at which the engine evaluates a p-quantile, to read a distribution-free
#: interval off the contacts' own order statistics (see ``engine._quantile_interval``): dense
#: near p, where large groups need it, sparse further out. DuckDB selects each fraction
#: separately, so fewer points cost less.
QUANTILE_OFFSETS: tuple[float, ...] = (
    0.0025, 0.005, 0.0075, 0.01, 0.015, 0.02, 0.03, 0.04, 0.05, 0.065, 0.08, 0.1, 0.125, 0.15,
)  # fmt: skip


def quantile_grid(p: float) -> list[float]:
    """Fractions p -/+ ``QUANTILE_OFFSETS`` inside (0, 1), p itself included, ascending."""
    grid = {round(p, 6)} | {round(p + s * d, 6) for d in QUANTILE_OFFSETS for s in (-1, 1)}
    return sorted(g for g in grid if 0.0 < g < 1.0)


#: The fractions every quantile KPI evaluates (the union of their grids): the median and the
#: P90 of the same column then share one identical aggregate, which DuckDB computes once.
QUANTILE_FRACTIONS: tuple[float, ...] = tuple(
    sorted({g for p in (0.5, 0.9) for g in quantile_grid(p)})
)


def _quantile(x: str, p: float, where: str = "TRUE") -> dict[str, str]:
    # One sort per group gives the quantile and the grid its interval is read from.
    assert round(p, 6) in QUANTILE_FRACTIONS
    v = x if where == "TRUE" else f"(CASE WHEN {where} THEN {x} END)"
    grid = ", ".join(f"{g:g}" for g in QUANTILE_FRACTIONS)
    return {"q": f"quantile_cont({v}, [{grid}])", "den": f"count({v})", "p": f"{p:g}"}


def _k(**kw: Any) -> KpiDef:
    return KpiDef(**kw)


_DEFS: tuple[KpiDef, ...] = (
    _k(
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
    ),
    _k(
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
        sql=_rate("{fcr_num}", "{fcr_den}"),
        target=0.75,
        benchmark=(0.70, 0.85),
        benchmark_note="average 70–75%, top 80–85%, world-class 85%+; tech support 60–65%; "
        "action trigger below 70%",
    ),
    _k(
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
        sql=_rate("{rep_num}", "{rep_den}"),
        columns=("customer_id",),
    ),
    _k(
        id="aht",
        name="Average handle time",
        unit="seconds",
        better="lower",
        category="efficiency",
        role="leading",
        formula="(talk + hold + after-contact work) ÷ handled contacts",
        numerator="handle seconds of handled contacts",
        denominator="handled contacts with a handle time",
        definition="Mean time an agent spends on a contact: talk + hold + after-contact work "
        "(or the export's handle time). Track it by topic; never one target for all.",
        stat="mean",
        sql=_mean("{handle}", "{handled}"),
        any_of=(("handle_seconds", "talk_seconds"),),
        benchmark_note="by topic: password reset 2–3 min, billing 5–7, technical 8–12, disputes 10–15",
    ),
    _k(
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
        sql=_mean("talk_seconds", "{handled}"),
        columns=("talk_seconds",),
    ),
    _k(
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
        sql=_mean("hold_seconds", "{handled}"),
        columns=("hold_seconds",),
    ),
    _k(
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
        sql=_mean("acw_seconds", "{handled}"),
        columns=("acw_seconds",),
    ),
    _k(
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
        sql=_mean("wait_seconds", "{inbound} AND {ans}"),
        columns=("wait_seconds", "answered"),
        target=20.0,
        benchmark=(15.0, 30.0),
        benchmark_note="target 20–30 s; good 15–20 s, excellent < 15 s; > 45 s abandonment rises",
    ),
    _k(
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
        sql=_quantile("wait_seconds", 0.5, "{inbound} AND {ans}"),
        columns=("wait_seconds", "answered"),
        benchmark=(15.0, 30.0),
        benchmark_note="compare with the ASA target (20–30 s); UK median 20.5 s",
    ),
    _k(
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
        sql=_quantile("wait_seconds", 0.9, "{inbound} AND {ans}"),
        columns=("wait_seconds", "answered"),
    ),
    _k(
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
        sql=_rate("{sl_num}", "{sl_den}"),
        columns=("wait_seconds", "answered"),
        target=0.80,
        benchmark=(0.80, 0.90),
        benchmark_note="the common 80/20 standard (80% in 20 s)",
    ),
    _k(
        id="abandonment_rate",
        name="Abandonment rate",
        unit="rate",
        better="lower",
        category="access",
        role="leading",
        formula="abandoned ÷ inbound offered",
        numerator="inbound contacts abandoned in queue",
        denominator="inbound offered (queued, not blocked) — or answered + abandoned; "
        "a contact counts as queued when it has a queue wait or abandoned",
        definition="Share of queued callers who hung up before reaching an agent. Contacts "
        "that never waited in a queue (e-mail, outbound) are not in the denominator.",
        stat="rate",
        sql=_rate("{ab_num}", "{ab_den}"),
        columns=("abandoned",),
        target=0.05,
        benchmark=(0.03, 0.05),
        benchmark_note="< 5% (< 3% competitive); UK mean 5.6%, median 4.5%; action trigger above 8%",
    ),
    _k(
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
        sql=_rate("({inbound} AND {short})", "{offered}"),
        columns=("abandoned", "wait_seconds"),
    ),
    _k(
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
        sql=_rate(
            "{initial} AND {handled} AND coalesce(transferred, FALSE)", "{initial} AND {handled}"
        ),
        columns=("transferred",),
    ),
    _k(
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
        sql=_rate(
            "{initial} AND {handled} AND coalesce(escalated, FALSE)", "{initial} AND {handled}"
        ),
        columns=("escalated",),
    ),
    _k(
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
        sql=_rate("{attempt} AND {blk}", "{attempt}"),
        columns=("blocked",),
    ),
    _k(
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
        sql=_mean("csat"),
        columns=("csat",),
        target=4.2,
        benchmark=(4.0, 4.2),
        benchmark_note="target ≥ 4.2 of 5; action trigger below 4.0",
    ),
    _k(
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
        sql=_rate("csat >= {csat_top_box_min}", "csat IS NOT NULL"),
        columns=("csat",),
        target=0.85,
        benchmark=(0.80, 0.85),
        benchmark_note="world-class ≥ 85% top box (SQM)",
    ),
    _k(
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
    ),
    _k(
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
        sql=_mean("ces"),
        columns=("ces",),
        target=3.0,
        benchmark_note="< 3 on a 7-point effort scale",
    ),
    _k(
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
        sql=_mean("first_response_seconds"),
        columns=("first_response_seconds",),
        benchmark_note="phone < 30 s, chat < 2 min, email < 4 h (business hours), social < 1 h",
    ),
    _k(
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
    ),
    _k(
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
        sql=_mean("cost"),
        columns=("cost",),
    ),
    _k(
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
        sql=_rate("{handled} AND converted", "{handled} AND converted IS NOT NULL"),
        columns=("converted",),
    ),
    _k(
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
        sql=_rate("proactive", "proactive IS NOT NULL"),
        columns=("proactive",),
    ),
    _k(
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
        sql=_mean("engagement"),
        columns=("engagement",),
    ),
)

KPIS: dict[str, KpiDef] = {k.id: k for k in _DEFS}


def _needs_extra(kpi_id: str, settings: Settings) -> tuple[str, ...]:
    """Columns a KPI needs under these settings beyond ``KpiDef.columns``."""
    if kpi_id == "fcr":
        return ("resolved",) if settings.fcr_method == "flag" else ("customer_id",)
    if kpi_id == "service_level" and settings.sl_variant != "answered_only":
        return ("abandoned",)
    if kpi_id == "abandonment_rate":
        extra = ["wait_seconds"] if settings.exclude_short_abandons else []
        if settings.abandonment_denominator != "offered":
            extra.append("answered")
        return tuple(extra)
    return ()


def kpi_sql(kpi_id: str, columns: Iterable[str], settings: Settings) -> KpiSql:
    """The SQL aggregates of ``kpi_id`` over interaction columns, under ``settings``."""
    k = KPIS[kpi_id]
    sn = snippets(columns, settings)
    return KpiSql(k.stat, {name: tpl.format(**sn) for name, tpl in k.sql.items()})


# ---------------------------------------------------------------------------------------------
# Aggregated (daily report) shape: which KPIs can be rebuilt, and with which weights.


def _w(avg: str, weight: str) -> dict[str, str]:
    # A period average is rebuilt as sum(avg x weight) / sum(weight) over rows with both.
    return {
        "num": f"sum({avg} * {weight}) FILTER (WHERE {avg} IS NOT NULL AND {weight} IS NOT NULL)",
        "den": f"sum({weight}) FILTER (WHERE {avg} IS NOT NULL AND {weight} IS NOT NULL)",
    }


def aggregated_sql(kpi_id: str, columns: Iterable[str], settings: Settings) -> KpiSql | str:  # noqa: C901 -- ratchet (#17): split or fix pending
    """The SQL of ``kpi_id`` over an aggregated (daily) table, or the reason it cannot be built.

    Averages are re-weighted by their denominators (ASA, AHT, talk time and service level by
    answered contacts; CSAT by survey responses), so a week is a ratio of sums, not a mean of days.
    """
    cols = set(columns)

    def missing(*need: str) -> str:
        gone = [c for c in need if c not in cols]
        return f"needs column{'s' if len(gone) > 1 else ''} {', '.join(gone)}" if gone else ""

    if kpi_id == "contacts":
        if "offered" in cols:
            return KpiSql("count", {"num": "sum(offered)"}, "contacts = sum of offered")
        if {"answered", "abandoned"} <= cols:
            return KpiSql(
                "count",
                {"num": "sum(coalesce(answered, 0) + coalesce(abandoned, 0))"},
                "contacts = answered + abandoned (no offered column)",
            )
        if "answered" in cols:
            return KpiSql(
                "count", {"num": "sum(answered)"}, "contacts = answered (no offered column)"
            )
        return missing("offered")
    if kpi_id in ("asa", "aht", "talk_time"):
        src = {"asa": "asa_seconds", "aht": "aht_seconds", "talk_time": "talk_seconds"}[kpi_id]
        return missing(src, "answered") or KpiSql(
            "mean", _w(src, "answered"), f"{src} weighted by answered contacts"
        )
    if kpi_id == "service_level":
        return missing("service_level", "answered") or KpiSql(
            "rate",
            _w("service_level", "answered"),
            "daily service level weighted by answered contacts (the source's own threshold and "
            "variant; the settings' threshold cannot be re-applied to a daily table)",
        )
    if kpi_id == "abandonment_rate":
        if "abandoned" not in cols:
            return missing("abandoned")
        if settings.abandonment_denominator == "offered" and "offered" in cols:
            return KpiSql(
                "rate",
                {"num": "sum(abandoned)", "den": "sum(offered)", "gap": _gap_sql(cols)},
                "abandoned ÷ offered",
            )
        if "answered" not in cols:
            return missing("offered", "answered")
        return KpiSql(
            "rate",
            {
                "num": "sum(abandoned)",
                "den": "sum(coalesce(answered, 0) + coalesce(abandoned, 0))",
                "gap": _gap_sql(cols),
            },
            "abandoned ÷ (answered + abandoned)",
        )
    if kpi_id == "blocked_rate":
        return missing("blocked", "offered") or KpiSql(
            "rate",
            {"num": "sum(blocked)", "den": "sum(offered + coalesce(blocked, 0))"},
            "blocked ÷ (offered + blocked)",
        )
    if kpi_id in ("fcr", "transfer_rate"):
        src = "resolved" if kpi_id == "fcr" else "transferred"
        return missing(src, "answered") or KpiSql(
            "rate",
            {
                "num": f"sum({src}) FILTER (WHERE answered IS NOT NULL)",
                "den": f"sum(answered) FILTER (WHERE {src} IS NOT NULL)",
            },
            f"{src} ÷ answered (counts of the daily table)",
        )
    if kpi_id == "csat":
        if "csat" not in cols:
            return missing("csat")
        if "csat_responses" in cols:
            return KpiSql("mean", _w("csat", "csat_responses"), "CSAT weighted by survey responses")
        return KpiSql(
            "mean",
            {"num": "sum(csat)", "den": "count(csat)"},
            "CSAT rows averaged with equal weight (no csat_responses column)",
        )
    k = KPIS[kpi_id]
    return f"needs contact-level data ({k.formula}); the daily table has no column for it"


def _gap_sql(cols: set[str]) -> str:
    if {"offered", "answered", "abandoned"} <= cols:
        return "sum(offered) - sum(coalesce(answered, 0) + coalesce(abandoned, 0))"
    return "0"


AGGREGATED_SQL = aggregated_sql


def available_kpis(
    columns: Iterable[str],
    shape: str = "interactions",
    settings: Settings | None = None,
) -> dict[str, tuple[str, ...]]:
    """Which KPIs can be computed from these canonical columns.

    Returns
    -------
    dict kpi id -> missing columns (empty tuple = available). A group of alternatives is
    named ``"a|b"`` (either column would do). For the aggregated shape a KPI that needs
    contact-level data lists ``"contact-level data"``.
    """
    settings = settings or Settings()
    cols = set(columns)
    out: dict[str, tuple[str, ...]] = {}
    for kid, k in KPIS.items():
        if shape == "aggregated":
            res = aggregated_sql(kid, cols, settings)
            if isinstance(res, KpiSql):
                out[kid] = ()
            elif res.startswith("needs column"):
                out[kid] = tuple(c.strip() for c in res.split(" ", 2)[2].split(",") if c.strip())
            else:
                out[kid] = ("contact-level data",)
            continue
        need = (*k.columns, *_needs_extra(kid, settings))
        gone = [c for c in dict.fromkeys(need) if c not in cols]
        for group in k.any_of:
            if not any(c in cols for c in group):
                gone.append("|".join(group))
        out[kid] = tuple(gone)
    return out

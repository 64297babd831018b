"""SQL building blocks over the canonical columns: the derived per-row columns, the snippets the
registry's templates are written with, and the aggregate shapes (rate, mean, quantile, weighted
mean of a summary table).

``{inbound}`` etc. in a KpiDef's templates are replaced by :func:`snippets`, built for the
columns present and the settings in force. Period values are always ratios of sums, never
averages of daily rates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kpi.metrics.settings import PRIORITIES, Settings

__all__ = [
    "QUANTILE_FRACTIONS",
    "QUANTILE_OFFSETS",
    "count_rate",
    "derived_columns",
    "mean_aggs",
    "priority_of",
    "priority_sql",
    "quantile_aggs",
    "quantile_grid",
    "rate_aggs",
    "snippets",
    "weighted_mean",
]

#: Status words meaning a ticket is no longer open (it left the backlog even without a time).
CLOSED_STATUSES: tuple[str, ...] = (
    "solved", "closed", "resolved", "done", "cancelled", "canceled", "completed", "merged",
    # French, Spanish, German, Dutch
    "résolu", "resolu", "fermé", "ferme", "clos", "clôturé", "cloture", "terminé", "termine",
    "resuelto", "cerrado", "completado", "gelöst", "geloest", "geschlossen", "erledigt",
    "opgelost", "gesloten", "afgesloten",
)  # fmt: skip

#: The words help desks use for each priority (Zendesk, Freshdesk, Jira, ServiceNow, P1-P4), in
#: English, French, Spanish, German and Dutch.
PRIORITY_WORDS: dict[str, tuple[str, ...]] = {
    "urgent": ("urgent", "critical", "highest", "emergency", "blocker", "p1", "1", "1 - critical",
               "urgente", "critique", "très haute", "tres haute", "crítica", "critica", "dringend",
               "kritisch", "sehr hoch", "spoed", "kritiek"),
    "high": ("high", "major", "p2", "2", "2 - high", "haute", "élevée", "elevee", "haut", "alta",
             "hoch", "hoog"),
    "normal": ("normal", "medium", "moderate", "p3", "3", "3 - moderate", "3 - medium", "normale",
               "moyenne", "media", "mittel", "normaal", "gemiddeld"),
    "low": ("low", "lowest", "minor", "trivial", "planning", "p4", "p5", "4", "5", "4 - low",
            "5 - planning", "basse", "faible", "bas", "baja", "niedrig", "gering", "laag"),
}  # fmt: skip


#: "Sev 1", "P2 - High", "Severity 3", "S4", "Priority 2": the number after a priority prefix
#: decides (1 urgent, 2 high, 3 normal, 4-5 low).
_NUMBERED = r"^(?:p|s|sev|severity|prio|priority|level|tier)[ .:-]*([1-5])\b"
_BY_NUMBER = {"1": "urgent", "2": "high", "3": "normal", "4": "low", "5": "low"}
#: A leading number before a word ("1 low", "3 - high"): the word decides.
_LEADING_NUMBER = r"^[0-9]+ *[-.:)]? *"


def priority_of(label: str) -> str | None:
    """The priority a help desk's label reads as: "urgent", "high", "normal", "low", or None
    for a label none of the rules knows (:func:`priority_sql` applies the same rules)."""
    value = label.strip().lower()
    for p, words in PRIORITY_WORDS.items():
        if value in words:
            return p
    m = re.match(_NUMBERED, value)
    if m:
        return _BY_NUMBER[m.group(1)]
    word = re.sub(_LEADING_NUMBER, "", value)
    for p, words in PRIORITY_WORDS.items():
        if word[:1].isalpha() and word in words:
            return p
    return None


def priority_sql(column: str = "priority") -> str:
    """SQL giving "urgent", "high", "normal", "low" or NULL (no or an unknown priority).

    A value is matched as written ("P1", "2 - High"), else by the number after a priority
    prefix ("Sev 1", "P2 - High"), else by the word after a leading number (Zammad's "1 low",
    "3 high": the word decides, not the number); :func:`priority_of` in Python."""
    value = f"lower(trim({column}::VARCHAR))"
    number = f"regexp_extract({value}, '{_NUMBERED}', 1)"
    word = f"regexp_replace({value}, '{_LEADING_NUMBER}', '')"
    whens = (
        [
            f"WHEN {value} IN ({', '.join(repr(w) for w in words)}) THEN '{p}'"
            for p, words in PRIORITY_WORDS.items()
        ]
        + [f"WHEN {number} = '{n}' THEN '{p}'" for n, p in _BY_NUMBER.items()]
        + [
            f"WHEN {word} IN ({', '.join(repr(w) for w in words if w[0].isalpha())}) THEN '{p}'"
            for p, words in PRIORITY_WORDS.items()
        ]
    )
    return f"(CASE {' '.join(whens)} END)"


def _sla_target_sql(priority: str, seconds: dict[str, float]) -> str:
    whens = " ".join(f"WHEN '{p}' THEN {seconds[p]!r}" for p in PRIORITIES)
    return f"(CASE {priority} {whens} ELSE {seconds['normal']!r} END)"


def _ticket_columns(cols: set[str], settings: Settings, data_end: str) -> dict[str, str]:
    """``_resolution`` (seconds), ``_solved_at``, ``_open``, ``_age`` and the SLA targets."""
    out: dict[str, str] = {}
    span = "(date_diff('microsecond', start_time, solved_time) / 1e6)"
    if "resolution_seconds" in cols:
        out["_resolution"] = (
            f"coalesce(resolution_seconds, {span})::DOUBLE"
            if "solved_time" in cols
            else "resolution_seconds::DOUBLE"
        )
    else:
        out["_resolution"] = f"{span}::DOUBLE" if "solved_time" in cols else "NULL::DOUBLE"
    later = "start_time + to_microseconds(CAST(round(resolution_seconds * 1e6) AS BIGINT))"
    if "solved_time" in cols:
        fallback = later if "resolution_seconds" in cols else "NULL"
        out["_solved_at"] = f"coalesce(solved_time::TIMESTAMP, {fallback})"
    else:
        out["_solved_at"] = later if "resolution_seconds" in cols else "NULL::TIMESTAMP"
    closed = ", ".join(repr(s) for s in CLOSED_STATUSES)
    out["_open"] = f"({out['_solved_at']} IS NULL" + (
        f" AND NOT coalesce(lower(trim(status::VARCHAR)) IN ({closed}), FALSE))"
        if "status" in cols
        else ")"
    )
    out["_age"] = f"(date_diff('microsecond', start_time, {data_end}) / 1e6)"
    prio = priority_sql() if "priority" in cols else "NULL"
    out["_rsp_target"] = _sla_target_sql(prio, settings.sla_seconds("response"))
    out["_res_target"] = _sla_target_sql(prio, settings.sla_seconds("resolution"))
    return out


def derived_columns(
    columns: Iterable[str], settings: Settings, data_end: str = "NULL::TIMESTAMP"
) -> dict[str, str]:
    """Per-contact derived columns (name -> SQL over canonical columns), computed once per row.

    ``_inbound`` (not outbound), ``_initial`` (first record of a transfer chain), ``_ans`` /
    ``_aband`` / ``_blk`` (outcome flags, NULL read as False), ``_handled`` (answered, or not
    marked unanswered), ``_known`` (the abandoned flag is known: rows without it are not
    offered), ``_served`` (handled, and not a row whose answered and abandoned flags are both
    missing: the handle-time averages), ``_short`` (abandoned below the short-abandon threshold), ``_within`` /
    ``_ab_within`` (answered / abandoned within the service-level threshold T), ``_handle``
    (handle seconds: the export's figure, else talk + hold + ACW) and, for tickets,
    ``_resolution`` (seconds from creation to solved), ``_solved_at``, ``_open`` (not solved and
    not in a closed status), ``_age`` (seconds from creation to ``data_end``, the SQL of the
    data's last timestamp) and ``_rsp_target`` / ``_res_target`` (SLA seconds by priority).
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
    # A contact whose outcome is unknown (an outcome the export marks as not a real contact --
    # phantom, short abandon -- or simply not recorded) is not offered (``_known``) and, when
    # both flags are missing, not in the handle-time averages (``_served``).
    out["_known"] = "(abandoned IS NOT NULL)" if "abandoned" in cols else "TRUE"
    both = {"answered", "abandoned"} <= cols
    known = "(answered IS NOT NULL OR abandoned IS NOT NULL)"
    out["_served"] = f"({out['_handled']} AND {known})" if both else out["_handled"]
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
    out.update(_ticket_columns(cols, settings, data_end))
    return out


_DERIVED = ("_inbound", "_initial", "_ans", "_aband", "_blk", "_handled", "_known", "_served",
            "_short", "_within", "_ab_within", "_handle", "_queued", "_resolution", "_solved_at", "_open", "_age",
            "_rsp_target", "_res_target")  # fmt: skip


def snippets(columns: Iterable[str], settings: Settings) -> dict[str, str]:
    """SQL fragments the KPI templates are written with (over :func:`derived_columns`).

    ``inbound``, ``initial``, ``ans``, ``aband``, ``blk``, ``handled``, ``short``, ``within``,
    ``ab_within``, ``handle`` (the derived columns); ``offered`` (inbound, not blocked),
    ``attempt`` (inbound); ``sl_num``/``sl_den`` (service-level variant), ``ab_num``/``ab_den``
    (abandonment), ``fcr_num``/``fcr_den`` and ``rep_num``/``rep_den`` (the repeat-window flags
    ``_repeat``, ``_first``, ``_mature``, ``_inb_cust`` come from the engine's window pass);
    ``rsp_num``/``rsp_den`` and ``res_num``/``res_den`` (ticket SLAs: an open ticket already
    older than its target is a breach; one still within it is not judged yet: ``*_wait``; a
    closed ticket without the time is left out: ``*_gone``).
    """
    del columns  # the derived columns already account for missing ones
    s = settings
    out = {k.lstrip("_"): k for k in _DERIVED}
    out["offered"] = "(_inbound AND NOT _blk AND _queued AND _known)"
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
    out["rsp_num"] = "coalesce(first_response_seconds <= _rsp_target, FALSE)"
    out["rsp_den"] = "(first_response_seconds IS NOT NULL OR (_open AND _age > _rsp_target))"
    out["rsp_wait"] = "(first_response_seconds IS NULL AND _open AND NOT _age > _rsp_target)"
    out["rsp_gone"] = "(first_response_seconds IS NULL AND NOT _open)"
    out["res_num"] = "coalesce(_resolution <= _res_target, FALSE)"
    out["res_den"] = "(_resolution IS NOT NULL OR (_open AND _age > _res_target))"
    out["res_wait"] = "(_resolution IS NULL AND _open AND NOT _age > _res_target)"
    out["res_gone"] = "(_resolution IS NULL AND NOT _open)"
    out["csat_top_box_min"] = repr(float(s.csat_top_box_min))
    return out


def rate_aggs(num: str, den: str) -> dict[str, str]:
    """Aggregates of a rate: rows meeting ``num`` ÷ rows meeting ``den``."""
    return {"num": f"count_if({num})", "den": f"count_if({den})"}


def mean_aggs(x: str, where: str = "TRUE") -> dict[str, str]:
    """Aggregates of a mean of ``x`` over the rows meeting ``where`` (with the sum of squares)."""
    # CASE masks rather than FILTER clauses: DuckDB runs these about twice as fast.
    v = x if where == "TRUE" else f"(CASE WHEN {where} THEN {x} END)"
    return {"num": f"sum({v})", "den": f"count({v})", "ss": f"sum({v} * {v})"}


#: Offsets from p at which the engine evaluates a p-quantile, to read a distribution-free
#: interval off the contacts' own order statistics (see ``engine.intervals``): dense near p,
#: where large groups need it, sparse further out. DuckDB selects each fraction separately, so
#: fewer points cost less.
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


def quantile_aggs(x: str, p: float, where: str = "TRUE") -> dict[str, str]:
    """Aggregates of the p-quantile of ``x``: the whole grid (for the interval) and the count."""
    # One sort per group gives the quantile and the grid its interval is read from.
    if round(p, 6) not in QUANTILE_FRACTIONS:
        raise ValueError(f"quantile {p} is not on QUANTILE_FRACTIONS")
    v = x if where == "TRUE" else f"(CASE WHEN {where} THEN {x} END)"
    grid = ", ".join(f"{g:g}" for g in QUANTILE_FRACTIONS)
    return {"q": f"quantile_cont({v}, [{grid}])", "den": f"count({v})", "p": f"{p:g}"}


# --- aggregated (summary) tables: a row or period with a missing part is left out -------------


def _both(a: str, b: str) -> str:
    return f"{a} IS NOT NULL AND {b} IS NOT NULL"


def _excluded(*parts: str) -> str:
    # Rows that carry some but not all of the KPI's inputs: left out, and counted so the result
    # can say so. Rows with none of them never were part of this KPI.
    some = " OR ".join(f"{p} IS NOT NULL" for p in parts)
    every = " AND ".join(f"{p} IS NOT NULL" for p in parts)
    return f"count(*) FILTER (WHERE ({some}) AND NOT ({every}))"


def weighted_mean(avg: str, weight: str, *inputs: str) -> dict[str, str]:
    """A period average rebuilt as sum(avg × weight) ÷ sum(weight) over rows with both.

    ``inputs`` are the columns behind ``weight`` (to count rows left out when one is missing).
    """
    ok = " AND ".join(f"{c} IS NOT NULL" for c in (avg, *inputs)) if inputs else _both(avg, weight)
    return {
        "num": f"sum({avg} * {weight}) FILTER (WHERE {ok})",
        "den": f"sum({weight}) FILTER (WHERE {ok})",
        "excl": _excluded(avg, *(inputs or (weight,))),
    }


def count_rate(num: str, den: str, *inputs: str) -> dict[str, str]:
    """A rate from a summary's counts: sum(num) ÷ sum(den) over rows where every input is known.

    A row whose numerator is missing is left out of the numerator *and* the denominator (an
    empty "abandoned" cell must not add its offered calls to the denominator).
    """
    parts = inputs or (num, den)
    ok = " AND ".join(f"{c} IS NOT NULL" for c in parts)
    return {
        "num": f"sum({num}) FILTER (WHERE {ok})",
        "den": f"sum({den}) FILTER (WHERE {ok})",
        "excl": _excluded(*parts),
    }

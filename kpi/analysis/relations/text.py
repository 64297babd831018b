"""Words of the relations analysis, produced from the numbers when asked (never stored)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from kpi.analysis.relations.prepare import kpi_unit
from kpi.format import fmt_p_clause, kpi_label

if TYPE_CHECKING:
    from kpi.analysis.relations.results import BalanceResult, PairResult

__all__ = [
    "ENTITY_WORDS",
    "GAMING_NOTE",
    "balance_summary",
    "entity_words",
    "kpi_name",
    "pair_summary",
    "quadrant_labels",
    "strength",
    "watch_quadrant",
]

_WORDS: dict[str, tuple[str, str]] = {
    "aht": ("fast", "slow"),
    "talk_time": ("short talks", "long talks"),
    "hold_time": ("little hold", "long holds"),
    "acw_time": ("quick wrap-up", "slow wrap-up"),
    "fcr": ("resolving", "not resolving"),
    "csat": ("satisfying", "not satisfying"),
    "csat_top2": ("satisfying", "not satisfying"),
    "nps": ("promoting", "not promoting"),
    "ces": ("low effort", "high effort"),
    "transfer_rate": ("few transfers", "many transfers"),
    "escalation_rate": ("few escalations", "many escalations"),
    "repeat_contact_rate": ("few repeats", "many repeats"),
}
#: Appended to the quadrant where speed is good and the other KPI bad.
GAMING_NOTE = " (possible rushing or transfer gaming)"
#: Entity columns in the plural, as a sentence names them.
ENTITY_WORDS = {"agent_id": "agents", "team": "teams", "queue": "queues", "channel": "channels"}


def kpi_name(kpi: str) -> str:
    """Display name of a KPI id (:func:`kpi.format.kpi_label`)."""
    return kpi_label(kpi)


def entity_words(by: str) -> str:
    """The entities of column ``by`` in the plural ("agents", "region values")."""
    return ENTITY_WORDS.get(by, by + " values")


def strength(r: float) -> str:
    """The size of a correlation in words: "no", "a weak", "a moderate", "a strong"."""
    a = abs(r)
    if a < 0.1:
        return "no"
    if a < 0.3:
        return "a weak"
    if a < 0.5:
        return "a moderate"
    return "a strong"


def pair_summary(res: PairResult) -> str:
    """One sentence on a pair: the link, its interval, and that it is not a cause."""
    x, y, r, lo, hi, p = res.kpi_x, res.kpi_y, res.r, res.ci_low, res.ci_high, res.p_value
    unit = "periods" if res.is_time else "points"
    if not math.isfinite(r):
        return f"{kpi_name(x)} and {kpi_name(y)} cannot be correlated on this data."
    direction = "rise together" if r > 0 else "move in opposite directions"
    ci = f"r = {r:+.2f}, 95% CI {lo:+.2f} to {hi:+.2f}" if math.isfinite(lo) else f"r = {r:+.2f}"
    if math.isfinite(p) and p < 0.05:
        return (
            f"{kpi_name(x)} and {kpi_name(y)} {direction} ({strength(r)} link across {unit}, "
            f"{ci}); this is an association, not proof that one drives the other."
        )
    return (
        f"No reliable link between {kpi_name(x)} and {kpi_name(y)} across {unit} "
        f"({ci}, {fmt_p_clause(p)}): what moves together here could be chance."
    )


def _words(kpi: str) -> tuple[str, str]:
    if kpi in _WORDS:
        return _WORDS[kpi]
    name = kpi_name(kpi)
    return f"better {name}", f"worse {name}"


def quadrant_labels(kpi_x: str, kpi_y: str) -> dict[tuple[bool, bool], str]:
    """Quadrant names keyed by (x is better than the centre, y is better than the centre)."""
    gx, bx = _words(kpi_x)
    gy, by_ = _words(kpi_y)
    speed = {k for k in (kpi_x, kpi_y) if kpi_unit(k) == "seconds" or k in ("aht", "talk_time")}
    out = {}
    for good_x in (True, False):
        for good_y in (True, False):
            text = f"{gx if good_x else bx} and {gy if good_y else by_}"
            text = text[0].upper() + text[1:]
            fast_axis_good = (kpi_x in speed and good_x) or (kpi_y in speed and good_y)
            other_bad = (kpi_x in speed and not good_y) or (kpi_y in speed and not good_x)
            if speed and fast_axis_good and other_bad and good_x != good_y:
                text += GAMING_NOTE
            out[(good_x, good_y)] = text
    return out


def watch_quadrant(quadrants: dict[tuple[bool, bool], str]) -> str:
    """The quadrant worth a manager's look: efficient but poor experience when the pair has
    one, else worse on both."""
    flagged = [lab for lab in quadrants.values() if GAMING_NOTE in lab]
    return flagged[0] if flagged else quadrants[(False, False)]


def balance_summary(res: BalanceResult) -> str:
    """One sentence on a balance view: how many entities sit in the quadrant to watch."""
    watch = watch_quadrant(res.quadrants)
    table = res.table
    risky = table[table["quadrant"] == watch]
    n_clear = int(risky["clear"].sum())
    return (
        f"Of {len(table)} {entity_words(res.by)}, {len(risky)} sit in "
        f"'{watch.split(' (')[0].lower()}' ({n_clear} clearly so after shrinking small samples "
        f"toward the centre); across them {kpi_name(res.kpi_x)} and {kpi_name(res.kpi_y)} "
        f"correlate at r = {res.r:+.2f}."
    )

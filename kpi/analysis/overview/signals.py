"""Conflicting signals and gaming: AHT down while FCR / CSAT fall, transfers without
resolution, abandonment without a longer wait."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from scipy import special

from kpi.analysis.overview._common import frame_of, kpi_meta
from kpi.analysis.overview.cards import period_end
from kpi.analysis.overview.signal_text import signal_sentence
from kpi.format import fmt_kpi, fmt_p, fmt_p_clause, kpi_label
from kpi.segment import Segment, as_segment

__all__ = [
    "Signal",
    "detect_signals",
    "detect_transfer_gaming",
    "signal_kpis",
    "signal_numbers",
    "signals_frame",
]


@dataclass(frozen=True, slots=True)
class Signal:
    """A conflicting signal or a gaming pattern, with its evidence.

    Attributes
    ----------
    kind : "rushed_calls" (AHT down while FCR / CSAT fall), "transfer_without_resolution"
        (AHT down while transfers rise, or an agent/queue with low AHT and high transfers),
        "abandonment_without_wait" (abandonment up while ASA is flat).
    where : the segment (``Segment("queue", "Tech Support")``), None for the whole centre; a
        ``Segment`` or its text ("queue=Tech Support") is accepted.
    evidence : the numbers behind it (before/after means, changes, p-values, periods).
    start, end : the period the pattern covers (the change week to the last week).
    sentence : (read) the plain-language reading with the numbers and dates, produced from
        ``evidence``.
    segment : (read) the segment as the older text ("queue = Tech Support", "All"), for callers
        that still read it; prefer ``where`` and :meth:`label`.
    """

    kind: str
    where: Segment | None
    evidence: dict[str, Any] = field(default_factory=dict, hash=False)
    start: pd.Timestamp | None = None
    end: pd.Timestamp | None = None

    def __post_init__(self) -> None:
        where: Any = self.where
        if isinstance(where, str) and where.strip() in ("All", ""):
            where = None  # the older text for the whole centre
        object.__setattr__(self, "where", as_segment(where))

    @property
    def sentence(self) -> str:
        """The plain-language reading, with the numbers and dates (from ``evidence``)."""
        return signal_sentence(self)

    @property
    def segment(self) -> str:
        """The segment as text: "queue = Tech Support", or "All" for the whole centre."""
        return "All" if self.where is None else f"{self.where.column} = {self.where.value}"

    def label(self) -> str:
        """Where, as a reader sees it: "Queue: Tech Support" or "Whole centre"."""
        return "Whole centre" if self.where is None else self.where.label()

    def to_dict(self) -> dict[str, Any]:
        """One row of :func:`signals_frame`."""
        return {
            "kind": self.kind,
            "segment": self.segment,
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence,
        }


def signal_numbers(signal: Signal) -> tuple[tuple[str, str], ...]:
    """The key figures of a signal for a pinned finding: each KPI before -> after, with p."""
    ev = signal.evidence
    out: list[tuple[str, str]] = []
    for kpi in signal_kpis(signal):
        before, after = fmt_kpi(kpi, ev[f"{kpi}_before"]), fmt_kpi(kpi, ev[f"{kpi}_after"])
        text = f"{before} → {after}"
        name = kpi_label(kpi)
        p = ev.get(f"{kpi}_p_value")
        if p is not None and math.isfinite(float(p)):
            text += f" ({fmt_p_clause(p)})"
        out.append((name, text))
    for key in ev:  # a segment against its peers (transfer gaming)
        if key.endswith("_peer_median"):
            kpi = key.removesuffix("_peer_median")
            if kpi in ev:
                mine, peers = fmt_kpi(kpi, float(ev[kpi])), fmt_kpi(kpi, float(ev[key]))
                out.append((kpi_label(kpi), f"{mine} (median peer {peers})"))
    if "change_week" in ev:
        out.append(("From the week of", f"{pd.Timestamp(ev['change_week']):%d %b %Y}"))
    elif "p_value" in ev:
        out.append(("p (one-sided, Bonferroni over peers)", fmt_p(ev["p_value"])))
    return tuple(out)


def signal_kpis(signal: Signal) -> list[str]:
    """The KPIs a signal is about, in the order its evidence names them."""
    ev = signal.evidence
    return [
        k.removesuffix("_before")
        for k in ev
        if k.endswith("_before") and k != "n_weeks_before" and f"{k[:-7]}_after" in ev
    ]


def signals_frame(signals: Sequence[Signal]) -> pd.DataFrame:
    """Signals as a tidy table: ``kind, segment, start, end, sentence``."""
    return pd.DataFrame(
        [s.to_dict() for s in signals], columns=["kind", "segment", "start", "end", "sentence"]
    )


@dataclass(frozen=True, slots=True)
class _Shift:
    """Before/after comparison of a weekly series at a split."""

    before: float
    after: float
    change: float
    relative: float
    p_value: float
    n_before: int
    n_after: int


def _best_split(values: np.ndarray, min_weeks: int) -> int | None:
    """Index of the first "after" week of the single mean shift that best explains ``values``.

    The split minimises the within-segment sum of squares (a one-change-point least-squares fit).
    """
    n = len(values)
    if n < 2 * min_weeks:
        return None
    best, best_sse = None, math.inf
    for k in range(min_weeks, n - min_weeks + 1):
        a, b = values[:k], values[k:]
        sse = float(((a - a.mean()) ** 2).sum() + ((b - b.mean()) ** 2).sum())
        if sse < best_sse:
            best, best_sse = k, sse
    return best


def _shift(values: np.ndarray, k: int) -> _Shift:
    a, b = values[:k], values[k:]
    before, after = float(a.mean()), float(b.mean())
    if len(a) > 1 and len(b) > 1 and (a.std() > 0 or b.std() > 0):
        p = _welch_p(b, a)
    else:
        p = float("nan")
    rel = (after - before) / abs(before) if before else float("nan")
    return _Shift(before, after, after - before, rel, p, len(a), len(b))


def _welch_p(b: np.ndarray, a: np.ndarray) -> float:
    """Two-sided p of Welch's t-test, as ``scipy.stats.ttest_ind(b, a, equal_var=False)``.

    Written with ``scipy.special`` because ``scipy.stats`` costs ~0.45 s to import, paid by the
    Overview on a cold start; ``tests/test_overview_signals.py`` checks it against scipy.stats.
    """
    vb, va = b.var(ddof=1) / len(b), a.var(ddof=1) / len(a)
    se2 = vb + va
    t = (b.mean() - a.mean()) / math.sqrt(se2)
    df = se2 * se2 / (vb * vb / (len(b) - 1) + va * va / (len(a) - 1))
    return float(2 * special.stdtr(df, -abs(t)))


def _weekly_wide(frame: pd.DataFrame) -> pd.DataFrame:
    wide = frame.pivot_table(index="period", columns="kpi", values="value", aggfunc="first")
    return wide.sort_index()


def _moved(sh: _Shift | None, direction: int, alpha: float, min_relative: float) -> bool:
    if sh is None or math.isnan(sh.p_value):
        return False
    return direction * sh.change > 0 and sh.p_value < alpha and abs(sh.relative) >= min_relative


def detect_signals(
    weekly: Any,
    *,
    segment_column: str | None = "queue",
    min_weeks: int = 3,
    alpha: float = 0.01,
    min_relative_change: float = 0.05,
    grain: str = "week",
) -> list[Signal]:
    """Conflicting movements of KPIs over time, per segment.

    For each segment (and for the whole table when ``segment_column`` is None), the week at
    which the driving KPI (AHT; abandonment for the access check) shifts is found by a single
    mean-shift split of its weekly values (least squares, at least ``min_weeks`` weeks each
    side). Weeks before and from that week are compared with Welch's t-test on the weekly values
    (so week-to-week noise, not the contact count, sets the bar). The driving KPI must pass
    ``alpha`` divided by the number of candidate splits (the split was searched for), the
    companion KPIs ``alpha``; every change must also be at least ``min_relative_change`` of its
    level (or 2 points for rates) to count.

    Patterns
    --------
    * ``rushed_calls``: AHT fell while FCR and/or CSAT fell (calls are rushed).
    * ``transfer_without_resolution``: AHT fell while the transfer rate rose.
    * ``abandonment_without_wait``: abandonment rose while ASA stayed flat (look before the queue).

    Parameters
    ----------
    weekly : a ``KpiTable`` (or frame) by week (optionally by ``segment_column``) with ``aht``,
        ``fcr``, ``csat``, ``transfer_rate``, ``abandonment_rate``, ``asa`` where available.
    segment_column : the segment column; None for a table without segments.

    Returns
    -------
    list[Signal]
        ``start`` is the first week after the shift, ``end`` the last day of the last week.
    """
    frame = frame_of(weekly)
    groups: list[tuple[Segment | None, pd.DataFrame]] = [(None, frame)]
    if segment_column and segment_column in frame.columns:
        groups = [
            (Segment(segment_column, str(v)), part)
            for v, part in frame.groupby(segment_column, sort=True, dropna=True)
            if str(v).strip()
        ]
    out: list[Signal] = []
    for segment, part in groups:
        wide = _weekly_wide(part)
        out.extend(_time_signals(segment, wide, min_weeks, alpha, min_relative_change, grain))
    return out


def _min_rel(kpi: str, level: float, min_relative: float) -> float:
    # Rates need an absolute 2-point move as well: 2 pts of a 10% rate is a 20% relative change.
    if kpi_meta(kpi)[1] == "rate" and level:
        return min(min_relative, 0.02 / abs(level))
    return min_relative


@dataclass(frozen=True, slots=True)
class _Weekly:
    """One segment's weekly KPI values and the test settings of :func:`detect_signals`."""

    segment: Segment | None
    wide: pd.DataFrame
    min_weeks: int
    alpha: float
    min_relative: float
    grain: str

    @property
    def periods(self) -> list[pd.Timestamp]:
        return [pd.Timestamp(p) for p in self.wide.index]

    def series(self, kpi: str) -> np.ndarray | None:
        if kpi not in self.wide.columns:
            return None
        v = self.wide[kpi].to_numpy(float)
        return None if np.isnan(v).any() or len(v) < 2 * self.min_weeks else v

    def at(self, kpi: str, k: int) -> _Shift | None:
        v = self.series(kpi)
        return None if v is None else _shift(v, k)

    def moved(self, kpi: str, sh: _Shift | None, direction: int, alpha: float) -> bool:
        lvl = sh.before if sh is not None else 0.0
        return _moved(sh, direction, alpha, _min_rel(kpi, lvl, self.min_relative))

    def split(self, kpi: str) -> tuple[int, _Shift, float] | None:
        """The best single split of ``kpi``: (first "after" week, shift, alpha / candidates)."""
        v = self.series(kpi)
        k = None if v is None else _best_split(v, self.min_weeks)
        if v is None or k is None:
            return None
        return k, _shift(v, k), self.alpha / (len(v) - 2 * self.min_weeks + 1)

    def end(self) -> pd.Timestamp | None:
        periods = self.periods
        return period_end(periods[-1], self.grain) if periods else None

    def weeks(self, k: int) -> dict[str, Any]:
        p = self.periods
        return {"change_week": p[k], "before_weeks": (p[0], p[k - 1]), "after_weeks": (p[k], p[-1])}


def _time_signals(
    segment: Segment | None,
    wide: pd.DataFrame,
    min_weeks: int,
    alpha: float,
    min_relative: float,
    grain: str,
) -> list[Signal]:
    w = _Weekly(segment, wide, min_weeks, alpha, min_relative, grain)
    return [*_aht_signals(w), *_abandonment_signals(w)]


def _aht_signals(w: _Weekly) -> list[Signal]:
    """AHT fell (a searched-for split) while FCR / CSAT fell, or while transfers rose."""
    found = w.split("aht")
    if found is None or not w.moved("aht", found[1], -1, found[2]):
        return []
    k, sh_aht, _ = found
    start, end = w.periods[k], w.end()
    base = w.weeks(k) | {"aht": sh_aht}
    out: list[Signal] = []
    declined: dict[str, _Shift] = {}
    for kpi in ("fcr", "csat"):
        sh = w.at(kpi, k)
        if sh is not None and w.moved(kpi, sh, -1, w.alpha):
            declined[kpi] = sh
    if declined:
        evidence = _evidence(base | declined)
        out.append(Signal("rushed_calls", w.segment, evidence, start, end))
    sh_tr = w.at("transfer_rate", k)
    if sh_tr is not None and w.moved("transfer_rate", sh_tr, +1, w.alpha):
        evidence = _evidence(base | {"transfer_rate": sh_tr})
        out.append(Signal("transfer_without_resolution", w.segment, evidence, start, end))
    return out


def _abandonment_signals(w: _Weekly) -> list[Signal]:
    """Abandonment rose (a searched-for split) while ASA stayed flat."""
    found = w.split("abandonment_rate")
    if found is None:
        return []
    k, sh_ab, alpha = found
    sh_asa = w.at("asa", k)
    if sh_asa is None or not w.moved("abandonment_rate", sh_ab, +1, alpha):
        return []
    asa_flat = (math.isnan(sh_asa.p_value) or sh_asa.p_value >= 0.05) and abs(
        sh_asa.relative
    ) < 0.10
    if not asa_flat:
        return []
    evidence = _evidence(w.weeks(k) | {"abandonment_rate": sh_ab, "asa": sh_asa})
    return [Signal("abandonment_without_wait", w.segment, evidence, w.periods[k], w.end())]


def _evidence(items: Mapping[str, Any]) -> dict[str, Any]:
    """Flatten shifts into plain numbers: ``aht_before``, ``aht_after``, ``aht_p_value``..."""
    out: dict[str, Any] = {}
    for key, value in items.items():
        if isinstance(value, _Shift):
            out[f"{key}_before"] = value.before
            out[f"{key}_after"] = value.after
            out[f"{key}_change"] = value.change
            out[f"{key}_relative_change"] = value.relative
            out[f"{key}_p_value"] = value.p_value
            out["n_weeks_before"] = value.n_before
            out["n_weeks_after"] = value.n_after
        else:
            out[key] = value
    return out


def _above_the_rest(x1: float, n1: float, x2: float, n2: float) -> tuple[float, float] | None:
    """One-sided two-proportion z-test that x1/n1 exceeds x2/n2: (z, p), None if undefined."""
    if n2 <= 0:
        return None
    pooled = (x1 + x2) / (n1 + n2)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2)) if 0 < pooled < 1 else 0.0
    if se == 0:
        return None
    z = (x1 / n1 - x2 / n2) / se
    return float(z), float(special.ndtr(-z))  # = scipy.stats.norm.sf(z)


def detect_transfer_gaming(
    table: Any,
    *,
    segment_column: str = "agent_id",
    min_contacts: float = 50.0,
    aht_ratio: float = 0.85,
    transfer_ratio: float = 1.5,
    alpha: float = 0.01,
    start: pd.Timestamp | None = None,
    end: pd.Timestamp | None = None,
) -> list[Signal]:
    """Agents (or queues) with a low AHT and a high transfer rate: "transfer without resolution".

    A segment is flagged when its AHT is at most ``aht_ratio`` times the median of its peers and
    its transfer rate at least ``transfer_ratio`` times the peers' median, and the transfer rate
    is significantly above the rest (two-proportion z-test, ``alpha`` divided by the number of
    segments tested).

    Parameters
    ----------
    table : a ``KpiTable`` (or frame) with grain "all", ``by=(segment_column,)``, holding ``aht``
        and ``transfer_rate`` (with numerators and denominators).
    start, end : the period covered (reported on the signal).

    Returns
    -------
    list[Signal]
        Kind "transfer_without_resolution", one per flagged segment.
    """
    frame = frame_of(table)
    if segment_column not in frame.columns:
        return []
    aht = frame.loc[frame["kpi"] == "aht"].set_index(segment_column)
    tr = frame.loc[frame["kpi"] == "transfer_rate"].set_index(segment_column)
    common = aht.index.intersection(tr.index)
    if len(common) < 3:
        return []
    aht, tr = aht.loc[common], tr.loc[common]
    keep = tr["denominator"].astype(float) >= min_contacts
    aht, tr = aht.loc[keep], tr.loc[keep]
    if len(aht) < 3:
        return []
    med_aht = float(aht["value"].median())
    med_tr = float(tr["value"].median())
    total_num = float(tr["numerator"].sum())
    total_den = float(tr["denominator"].sum())
    out = []
    for seg in aht.index:
        a, t = float(aht.at[seg, "value"]), float(tr.at[seg, "value"])  # type: ignore[arg-type]  # pandas-stubs: .at is a scalar
        if not (a <= aht_ratio * med_aht and t >= transfer_ratio * med_tr and t > 0):
            continue
        x1, n1 = float(tr.at[seg, "numerator"]), float(tr.at[seg, "denominator"])  # type: ignore[arg-type]  # pandas-stubs: .at is a scalar
        test = _above_the_rest(x1, n1, total_num - x1, total_den - n1)
        if test is None or test[1] >= alpha / len(aht):
            continue
        z, p = test
        out.append(
            Signal(
                "transfer_without_resolution",
                Segment(segment_column, str(seg)),
                {
                    "aht": a,
                    "aht_peer_median": med_aht,
                    "transfer_rate": t,
                    "transfer_rate_peer_median": med_tr,
                    "contacts": n1,
                    "z": float(z),
                    "p_value": p,
                },
                start,
                end,
            )
        )
    return out

"""The sentence of a conflicting signal, produced from its evidence when read (never stored)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import pandas as pd

from kpi.analysis.overview.cards import format_change
from kpi.format import fmt_kpi, kpi_label
from kpi.segment import column_label

if TYPE_CHECKING:
    from kpi.analysis.overview.signals import Signal

__all__ = ["signal_sentence"]


def _shift(ev: Mapping[str, Any], kpi: str) -> str:
    """ "Average handle time fell 1.2 min (8.6 min → 7.4 min)" from ``<kpi>_before/_after``."""
    before, after = float(ev[f"{kpi}_before"]), float(ev[f"{kpi}_after"])
    change = after - before
    verb = "fell" if change < 0 else "rose"
    return (
        f"{kpi_label(kpi)} {verb} {format_change(kpi, abs(change)).lstrip('+')} "
        f"({fmt_kpi(kpi, before)} → {fmt_kpi(kpi, after)})"
    )


def _opening(sig: Signal) -> str:
    """ "In Tech Support, from the week of 02 Mar 2026" (the whole centre when no segment)."""
    where = "Across the centre" if sig.where is None else f"In {sig.where.value}"
    week: Any = sig.evidence.get("change_week", sig.start)
    return where if week is None else f"{where}, from the week of {pd.Timestamp(week):%d %b %Y}"


def _rushed(sig: Signal) -> str:
    ev = sig.evidence
    declined = [k for k in ("fcr", "csat") if f"{k}_before" in ev]
    parts = " and ".join(_shift(ev, k) for k in declined)
    return (
        f"{_opening(sig)} {_shift(ev, 'aht')} while {parts}: calls look rushed — the faster "
        "handling is not resolving the issue. Check repeat contacts and transfers before "
        "rewarding the lower AHT."
    )


def _transfers_over_time(sig: Signal) -> str:
    ev = sig.evidence
    return (
        f"{_opening(sig)} {_shift(ev, 'aht')} while {_shift(ev, 'transfer_rate')}: contacts are "
        "being passed on rather than resolved (transfer without resolution)."
    )


def _transfers_against_peers(sig: Signal) -> str:
    ev = sig.evidence
    who = (
        "The centre" if sig.where is None else f"{column_label(sig.where.column)} {sig.where.value}"
    )
    aht, peers_aht = fmt_kpi("aht", float(ev["aht"])), fmt_kpi("aht", float(ev["aht_peer_median"]))
    tr = fmt_kpi("transfer_rate", float(ev["transfer_rate"]))
    peers_tr = fmt_kpi("transfer_rate", float(ev["transfer_rate_peer_median"]))
    return (
        f"{who} has a short AHT ({aht} vs {peers_aht} for the median peer) but transfers {tr} of "
        f"contacts (peers {peers_tr}): a low AHT obtained by passing contacts on, not by "
        "resolving them."
    )


def _abandonment(sig: Signal) -> str:
    ev = sig.evidence
    asa_before, asa_after = (
        fmt_kpi("asa", float(ev["asa_before"])),
        fmt_kpi("asa", float(ev["asa_after"])),
    )
    return (
        f"{_opening(sig)} {_shift(ev, 'abandonment_rate')} while ASA stayed flat "
        f"({asa_before} → {asa_after}): callers are not leaving because of the wait — look "
        "before the queue (IVR, messages, callback offers) and at short abandons."
    )


def signal_sentence(sig: Signal) -> str:
    """The plain-language reading of a signal, with its numbers and dates."""
    if sig.kind == "rushed_calls":
        return _rushed(sig)
    if sig.kind == "transfer_without_resolution":
        if "aht_peer_median" in sig.evidence:
            return _transfers_against_peers(sig)
        return _transfers_over_time(sig)
    if sig.kind == "abandonment_without_wait":
        return _abandonment(sig)
    return f"{sig.kind.replace('_', ' ').capitalize()} ({sig.label()})."

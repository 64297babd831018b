"""Session state: the one module that owns the session keys, with typed accessors.

Everything a user loads or pins lives in ``st.session_state`` (per browser session), never in a
process-global cache: user B must never see user A's data. The only process-wide objects are the
bundled sample, which is read-only and the same for everybody, and the KPI tables computed on it.

State initialises lazily, so a page works even when ``app.py`` (the frame) did not run.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import OrderedDict
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import pandas as pd
import streamlit as st

from kpi.dataset import Dataset, load_sample
from kpi.findings import Finding

if TYPE_CHECKING:
    from kpi.engine import KpiTable
    from kpi.metrics import Settings

__all__ = [
    "Event",
    "Scope",
    "add_event",
    "compute",
    "current_dataset",
    "events",
    "findings",
    "is_sample",
    "pin",
    "remove_event",
    "reset_dataset",
    "scope",
    "scoped_dataset",
    "set_dataset",
    "set_events",
    "set_findings",
    "set_scope",
    "set_settings",
    "settings",
]

_DATASET = "kpi_dataset"
_SETTINGS = "kpi_settings"
_EVENTS = "kpi_events"
_FINDINGS = "kpi_findings"
_SCOPE = "kpi_scope"
_MEMO = "kpi_memo"
_MEMO_SIZE = 48


@dataclass(frozen=True, slots=True)
class Event:
    """A pinned intervention ("New IVR" on a date), shared by the Overview and Before/after pages."""

    date: dt.date
    label: str
    segment: str = ""  # e.g. "queue=Billing"; empty = the whole center
    planted: bool = False  # seeded from the sample's truth.json (dropped when data changes)


@dataclass(frozen=True, slots=True)
class Scope:
    """The sidebar's date range and segment filter (None / empty = everything)."""

    start: dt.date | None = None
    end: dt.date | None = None
    filters: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def describe(self) -> str:
        """e.g. "2026-01-05 to 2026-07-05; queue = Billing"."""
        parts = []
        if self.start or self.end:
            parts.append(f"{self.start or 'start'} to {self.end or 'end'}")
        for col, values in self.filters:
            parts.append(f"{col} = {', '.join(values)}")
        return "; ".join(parts) if parts else "all data"


@st.cache_resource(show_spinner="Loading the sample data...")
def _sample() -> Dataset:
    # Process-wide on purpose: the bundled sample is read-only and identical for every user.
    return load_sample()


def _ss() -> Any:
    return st.session_state


def current_dataset() -> Dataset:
    """The active dataset: the user's upload, or the bundled sample until there is one."""
    ds = _ss().get(_DATASET)
    return ds if ds is not None else _sample()


def is_sample() -> bool:
    """True while the user has not loaded data of their own."""
    return _ss().get(_DATASET) is None


def set_dataset(dataset: Dataset) -> None:
    """Make ``dataset`` the active one for this session (the scope and memo are reset)."""
    _ss()[_DATASET] = dataset
    _ss()[_SCOPE] = Scope()
    _ss()[_EVENTS] = [e for e in events() if not e.planted]
    _ss()[_MEMO] = OrderedDict()


def reset_dataset() -> None:
    """Back to the bundled sample; the user's data is dropped from the session."""
    for key in (_DATASET, _SCOPE, _MEMO, _EVENTS):
        _ss().pop(key, None)


def scope() -> Scope:
    """The sidebar's current date range and segment filter."""
    return _ss().get(_SCOPE) or Scope()


def set_scope(new: Scope) -> None:
    """Replace the sidebar's scope."""
    _ss()[_SCOPE] = new


def _apply_scope(ds: Dataset, sc: Scope) -> Dataset:
    frame = ds.frame
    mask = pd.Series(True, index=frame.index)
    t = frame[ds.time_column]
    if sc.start is not None:
        mask &= t >= pd.Timestamp(sc.start)
    if sc.end is not None:
        mask &= t < pd.Timestamp(sc.end) + pd.Timedelta(days=1)
    for col, values in sc.filters:
        if col in frame.columns and values:
            mask &= frame[col].isin(list(values)).fillna(False)
    if bool(mask.all()):
        return ds
    return replace(ds, frame=frame.loc[mask].reset_index(drop=True), _fingerprint=[])


def scoped_dataset() -> Dataset:
    """The active dataset with the sidebar's date range and segment filter applied."""
    ds = current_dataset()
    sc = scope()
    if sc == Scope():
        return ds
    return _memo(("scope", ds.fingerprint, repr(sc)), lambda: _apply_scope(ds, sc))


def settings() -> Settings:
    """KPI formula settings (service-level threshold, FCR method...) for this session."""
    from kpi.metrics import Settings

    s = _ss().get(_SETTINGS)
    return s if s is not None else Settings()


def set_settings(new: Settings) -> None:
    """Replace the KPI settings; every figure computed afterwards says it used them."""
    _ss()[_SETTINGS] = new


def _events_from_truth(ds: Dataset) -> list[Event]:
    # The sample arrives with its planted interventions pinned, so the story is there to test.
    out = []
    for effect in (ds.truth or {}).get("effects", []):
        if "date" in effect and "queue" in effect:
            label = {"ivr": "New IVR", "aht_target": "AHT target"}.get(effect["id"], effect["id"])
            out.append(
                Event(
                    date=dt.date.fromisoformat(str(effect["date"])[:10]),
                    label=f"{label} ({effect['queue']})",
                    segment=f"queue={effect['queue']}",
                    planted=True,
                )
            )
    return out


def events() -> list[Event]:
    """Pinned interventions, oldest first (the sample's planted ones until the user edits them)."""
    if _EVENTS not in _ss():
        ds = current_dataset()
        _ss()[_EVENTS] = (
            sorted(_events_from_truth(ds), key=lambda e: e.date) if ds.source == "sample" else []
        )
    return list(_ss()[_EVENTS])


def set_events(items: list[Event]) -> None:
    """Replace the pinned interventions."""
    _ss()[_EVENTS] = sorted(items, key=lambda e: e.date)


def add_event(date: dt.date, label: str, segment: str = "") -> None:
    """Pin an intervention date (e.g. "New IVR")."""
    set_events([*events(), Event(date=date, label=label.strip() or "Change", segment=segment)])


def remove_event(index: int) -> None:
    """Remove the pinned intervention at ``index``."""
    items = events()
    if 0 <= index < len(items):
        items.pop(index)
    set_events(items)


def findings() -> list[Finding]:
    """Findings pinned to the meeting report, in report order."""
    return list(_ss().get(_FINDINGS, []))


def set_findings(items: list[Finding]) -> None:
    """Replace the report's findings (reorder, remove, edit notes)."""
    _ss()[_FINDINGS] = list(items)


def pin(finding: Finding) -> None:
    """Add ``finding`` at the end of the report."""
    set_findings([*findings(), finding])


def _memo(key: tuple[Any, ...], make: Any) -> Any:
    # Session-scoped memo: keyed by the dataset's content hash, never shared between sessions.
    memo = _ss().get(_MEMO)
    if memo is None:
        memo = OrderedDict()
        _ss()[_MEMO] = memo
    if key in memo:
        memo.move_to_end(key)
        return memo[key]
    value = make()
    memo[key] = value
    while len(memo) > _MEMO_SIZE:
        memo.popitem(last=False)
    return value


@st.cache_data(show_spinner=False, max_entries=64)
def _sample_compute(
    fingerprint: str,
    grain: str,
    by: tuple[str, ...],
    kpis: tuple[str, ...] | None,
    settings_json: str,
) -> KpiTable:
    # Shared by every session, and safe to share: it only ever computes on the bundled sample
    # (the fingerprint is part of the key), never on anything a user uploaded. Many people
    # opening the app at once then pay for the landing page's KPIs once.
    from kpi import engine
    from kpi.metrics import Settings

    ds = _sample()
    if ds.fingerprint != fingerprint:  # pragma: no cover - defensive: a stale key
        raise RuntimeError("sample fingerprint changed")
    return engine.compute(
        ds,
        kpis=list(kpis) if kpis is not None else None,
        grain=grain,
        by=list(by),
        settings=Settings.from_dict(json.loads(settings_json)),
    )


def compute(
    ds: Dataset,
    grain: str = "day",
    by: tuple[str, ...] | list[str] = (),
    kpis: tuple[str, ...] | list[str] | None = None,
    settings_: Settings | None = None,
) -> KpiTable:
    """``kpi.engine.compute`` memoised for this session by the dataset's content fingerprint."""
    from kpi import engine

    s = settings_ or settings()
    settings_json = json.dumps(s.to_dict(), sort_keys=True, default=str)
    if ds.source == "sample" and ds is _sample():
        return _sample_compute(
            ds.fingerprint,
            grain,
            tuple(by),
            tuple(kpis) if kpis is not None else None,
            settings_json,
        )
    key = (
        "compute",
        ds.fingerprint,
        grain,
        tuple(by),
        tuple(kpis) if kpis is not None else None,
        settings_json,
    )
    return _memo(
        key,
        lambda: engine.compute(
            ds, kpis=list(kpis) if kpis is not None else None, grain=grain, by=list(by), settings=s
        ),
    )

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
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, TypeVar, cast

import pandas as pd
import streamlit as st

from kpi.dataset import Dataset, load_sample
from kpi.findings import Finding

if TYPE_CHECKING:
    from kpi.engine import KpiTable
    from kpi.metrics import Settings

T = TypeVar("T")

__all__ = [
    "CURRENCIES",
    "Event",
    "Scope",
    "add_event",
    "compute",
    "currency",
    "current_dataset",
    "events",
    "findings",
    "forget",
    "is_sample",
    "memo",
    "persist",
    "persisted",
    "pin",
    "presentation",
    "remember",
    "remove_event",
    "reset_choices",
    "reset_dataset",
    "scope",
    "scoped_dataset",
    "set_currency",
    "set_dataset",
    "set_events",
    "set_findings",
    "set_presentation",
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
_MEMO_SIZE = 96  # the pages memoise charts as well as tables: ~6-8 per page
_CURRENCY = "kpi_currency"
_PRESENT = "kpi_presentation"
# Durable copies of widget values: Streamlit deletes a widget's key when its page is not drawn,
# so every choice a user makes is mirrored under this prefix and restored on the way back.
_KEEP = "kpi_keep__"

# Currency symbols offered in the sidebar ("" = amounts without a symbol).
CURRENCIES: tuple[str, ...] = ("", "$", "€", "£", "CHF ", "¥", "₹", "A$", "C$")


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
    """Make ``dataset`` the active one for this session.

    The scope, the memo and every remembered page choice are reset: they were made on the
    data the user has just replaced (a segment or a target of the sample means nothing on an
    upload). Findings, events the user added, the currency and presentation mode stay.
    """
    kept_events = [e for e in events() if not e.planted]
    reset_choices()
    _ss()[_DATASET] = dataset
    _ss()[_SCOPE] = Scope()
    _ss()[_EVENTS] = kept_events
    _ss()[_MEMO] = OrderedDict()


def reset_dataset() -> None:
    """Back to the bundled sample; the user's data and the choices made on it are dropped."""
    reset_choices()
    for key in (_DATASET, _SCOPE, _MEMO, _EVENTS):
        _ss().pop(key, None)


def reset_choices() -> None:
    """Forget every remembered widget choice (targets, segments, periods...) of this session."""
    ss = _ss()
    for key in [k for k in list(ss.keys()) if str(k).startswith(_KEEP)]:
        widget_key = str(key).removeprefix(_KEEP)
        del ss[key]
        if widget_key in ss:
            del ss[widget_key]


def persist(
    key: str,
    default: Any,
    options: Sequence[Any] | None = None,
    *,
    valid: Callable[[Any], bool] | None = None,
) -> str:
    """Make the widget ``key`` remember its value for the session, across page switches.

    Call it as the widget's ``key=`` and give the widget no ``value``/``index``/``default`` of
    its own: ``st.number_input("AHT target (min)", key=state.persist("ov_aht", 6.0))``.
    Streamlit deletes a widget's value when its page is not drawn; this seeds the widget from
    a durable copy (or ``default`` the first time) and records the value the user chose.

    Parameters
    ----------
    key : the widget's key.
    default : the value before the user chooses one.
    options : for a selectbox/radio/multiselect, the options on offer now: a remembered value
        that is no longer offered (another dataset, another segment list) falls back to
        ``default``.
    valid : for other widgets, a test of a remembered value (a date inside the data's range):
        a value that fails it falls back to ``default``.

    Returns
    -------
    str
        ``key``, so the call sits in the widget's ``key=`` argument.
    """
    ss = _ss()
    durable = _KEEP + key
    if key not in ss:
        ss[key] = ss.get(durable, default)
    if options is not None and not _offered(ss[key], options):
        ss[key] = default
    if valid is not None and not valid(ss[key]):
        ss[key] = default
    ss[durable] = ss[key]
    return key


def remember(key: str, value: Any) -> None:
    """Record ``value`` under ``key`` for the session (read back with :func:`persisted`), for a
    choice that is not a widget: e.g. which month a page's inputs were last seeded from.
    Forgotten with every other choice by :func:`reset_choices` and on a new dataset."""
    _ss()[_KEEP + key] = value


def forget(*keys: str) -> None:
    """Drop the remembered values of the widgets ``keys``: they start again from their default
    (e.g. a period picked around one change date, when the user picks another change)."""
    ss = _ss()
    for key in keys:
        ss.pop(key, None)
        ss.pop(_KEEP + key, None)


def _offered(value: Any, options: Sequence[Any]) -> bool:
    if isinstance(value, list):
        return all(v in options for v in value)
    return value in options


def persisted(key: str, default: Any = None) -> Any:
    """The remembered value of the widget ``key`` (its durable copy), or ``default``."""
    ss = _ss()
    if key in ss:
        return ss[key]
    return ss.get(_KEEP + key, default)


def currency() -> str:
    """The currency symbol cost figures are shown with ("" = none chosen)."""
    value = _ss().get(_CURRENCY, "")
    return str(value) if value in CURRENCIES else ""


def set_currency(symbol: str) -> None:
    """Choose the currency symbol for cost figures (one of ``CURRENCIES``)."""
    if symbol not in CURRENCIES:
        raise ValueError(f"unknown currency {symbol!r}; choose one of {CURRENCIES}")
    _ss()[_CURRENCY] = symbol


def presentation() -> bool:
    """True while presentation mode hides the sidebar and the page's filters."""
    return bool(_ss().get(_PRESENT, False))


def set_presentation(on: bool) -> None:
    """Switch presentation mode on or off."""
    _ss()[_PRESENT] = bool(on)


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
    return memo(("scope", ds.fingerprint, repr(sc)), lambda: _apply_scope(ds, sc))


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


def memo(key: tuple[Hashable, ...], make: Callable[[], T]) -> T:
    """``make()`` remembered for this session under ``key`` (the one session memo).

    The key must name everything the result depends on: the dataset's content fingerprint and
    every parameter. Kept per browser session (never shared between users), the last
    ``_MEMO_SIZE`` results, least recently used dropped first; cleared when the data changes.
    """
    store = _ss().get(_MEMO)
    if store is None:
        store = OrderedDict()
        _ss()[_MEMO] = store
    if key in store:
        store.move_to_end(key)
        return cast("T", store[key])
    value = make()
    store[key] = value
    while len(store) > _MEMO_SIZE:
        store.popitem(last=False)
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
    *,
    via_full: bool = False,
) -> KpiTable:
    """``kpi.engine.compute`` memoised for this session by the dataset's content fingerprint.

    A request for some KPIs is cut from a table already computed this session with the same
    dataset, grain, segments and settings that holds them all. Every KPI the engine computes is
    independent of the others, so the cut is the table the engine would return: the same rows,
    values, notes and reasons (checked on the sample for every grain and several segments; the
    one difference seen was a 95% bound 4e-16 apart, DuckDB summing in another order).
    ``via_full=True`` computes the table of every KPI first when there is none, for a caller
    whose page needs that table anyway (one engine pass instead of two).
    """
    s = settings_ or settings()
    settings_json = json.dumps(s.to_dict(), sort_keys=True, default=str)
    wanted = tuple(kpis) if kpis is not None else None
    key = ("compute", ds.fingerprint, grain, tuple(by), wanted, settings_json)
    store = _ss().get(_MEMO)
    if wanted is not None and (store is None or key not in store):
        if via_full:
            compute(ds, grain, by, None, s)
        wider = _wider_table(key)
        if wider is not None:
            return memo(key, lambda: _cut(wider, wanted))
    return memo(key, lambda: _engine_compute(ds, grain, tuple(by), wanted, s, settings_json))


def _engine_compute(
    ds: Dataset,
    grain: str,
    by: tuple[str, ...],
    kpis: tuple[str, ...] | None,
    s: Settings,
    settings_json: str,
) -> KpiTable:
    if ds.source == "sample" and ds is _sample():
        return _sample_compute(ds.fingerprint, grain, by, kpis, settings_json)
    from kpi import engine

    return engine.compute(
        ds, kpis=list(kpis) if kpis is not None else None, grain=grain, by=list(by), settings=s
    )


def _wider_table(key: tuple[Any, ...]) -> KpiTable | None:
    """A memoised table of the same request as ``key`` holding every KPI ``key`` asks for."""
    store: OrderedDict[Any, Any] = _ss().get(_MEMO) or OrderedDict()
    wanted = set(key[4])
    for other, table in list(store.items()):
        if (
            len(other) != len(key)
            or other[0] != "compute"
            or other[4] == key[4]
            or (other[:4], other[5]) != (key[:4], key[5])
        ):
            continue
        if other[4] is not None and not wanted <= set(other[4]):
            continue
        if wanted <= set(table.kpis) | set(table.unavailable):
            store.move_to_end(other)
            return cast("KpiTable", table)
    return None


def _cut(table: KpiTable, kpis: Sequence[str]) -> KpiTable:
    """``table`` reduced to ``kpis``: its rows, unavailable reasons, notes and exclusions."""
    keep = set(kpis)
    frame = table.frame.loc[table.frame["kpi"].isin(keep)].reset_index(drop=True)
    return replace(
        table,
        frame=frame,
        unavailable={k: v for k, v in table.unavailable.items() if k in keep},
        notes={k: v for k, v in table.notes.items() if k in keep},
        excluded={k: v for k, v in table.excluded.items() if k in keep},
    )

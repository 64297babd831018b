"""The server-side data source picker (a team deployment's Parquet lake).

The Data page calls ``source_picker(key="data_source")``; it shows nothing when the server
configures no Parquet root (``KPI_LAB_SOURCES`` or ``[kpi_lab_sources]`` in secrets, see
:mod:`kpi.sources`). A user picks a root, a file or folder inside it and a date range, never a
free path: every file is resolved and checked inside the root (:meth:`Sources.files`) before
DuckDB opens it. Loading the rows into pandas is DuckDB's job here; a configured Spark master is
for ``kpi compute PATH --engine spark`` (only the KPI table comes back, not rows).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from kpi.engine.lake import lake_span
from kpi.errors import KpiLabError
from kpi.sources import SECRETS_KEY, Sources, load_sources

__all__ = ["LakeChoice", "configured_sources", "source_picker"]

#: Days the range covers when the picker first shows (the lake's last four weeks).
_DEFAULT_DAYS = 28


@dataclass(frozen=True, slots=True)
class LakeChoice:
    """What the user picked: the Parquet files (resolved, inside the root) and the date range.

    Attributes
    ----------
    root, dataset : the root's name and the file or folder picked inside it.
    paths : every Parquet file to read, resolved and checked inside the root.
    start, end : the first and last day (both included).
    max_rows : the configured cap on rows loaded into the session.
    """

    root: str
    dataset: str
    paths: tuple[Path, ...]
    start: dt.date
    end: dt.date
    max_rows: int

    @property
    def name(self) -> str:
        """What the sidebar shows for the loaded rows."""
        return f"{self.root}/{self.dataset}, {self.start:%d %b %Y} – {self.end:%d %b %Y}"


def configured_sources() -> Sources:
    """The server's sources: ``KPI_LAB_SOURCES``, else the app's secrets (may raise DataError)."""
    try:
        secrets = st.secrets.to_dict() if SECRETS_KEY in st.secrets else {}
    except FileNotFoundError:  # no secrets file at all
        secrets = {}
    return load_sources(secrets=secrets)


@st.cache_data(ttl=600, show_spinner=False, max_entries=32)
def _span(paths: tuple[str, ...]) -> tuple[dt.date, dt.date] | None:
    span = lake_span(list(paths))
    return None if span is None else (span[0].date(), span[1].date())


def _dates(key: str, paths: tuple[Path, ...]) -> tuple[dt.date, dt.date] | None:
    """The range picker, bounded by the dataset's first and last day."""
    span = _span(tuple(str(p) for p in paths))
    if span is None:
        st.info("This dataset has no start time in any row.")
        return None
    first, last = span
    default = (max(first, last - dt.timedelta(days=_DEFAULT_DAYS - 1)), last)
    picked = st.date_input(
        f"Contacts started from … to … (the data runs {first:%d %b %Y} – {last:%d %b %Y})",
        value=default,
        min_value=first,
        max_value=last,
        key=f"{key}_dates",
    )
    if not isinstance(picked, tuple) or len(picked) != 2:
        st.info("Pick the last day of the range too.")
        return None
    return picked[0], picked[1]


def source_picker(*, key: str) -> LakeChoice | None:
    """Root, dataset and date-range pickers; the choice once the user presses "Use this data".

    Shows nothing (returns None) when the server configures no Parquet root.
    """
    try:
        sources = configured_sources()
    except KpiLabError as err:
        st.error(str(err))
        return None
    if not sources.roots:
        return None
    st.subheader("From the team's data lake")
    st.caption(
        f"Only the contacts of the range you pick are loaded (at most {sources.max_rows:,} "
        "rows); for the whole lake, run `kpi compute PATH` on the server."
    )
    names = [r.name for r in sources.roots]
    root = st.selectbox("Data source", names, key=f"{key}_root")
    entries = sources.datasets(root)
    if not entries:
        st.info(f"{root} holds no Parquet file or folder yet.")
        return None
    entry = st.selectbox("Dataset", entries, key=f"{key}_dataset")
    try:
        paths = tuple(sources.files(root, entry))
        days = _dates(key, paths)
    except KpiLabError as err:
        st.error(str(err))
        return None
    if days is None or not st.button("Use this data", key=f"{key}_use", type="primary"):
        return None
    return LakeChoice(root, entry, paths, days[0], days[1], sources.max_rows)

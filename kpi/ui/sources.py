"""The server-side data source picker (a team deployment's Parquet lake or Spark cluster).

The Data page calls ``source_picker(key="data_source")``; it shows nothing when the server
configures no source (``KPI_LAB_SOURCES`` or ``[kpi_lab_sources]`` in secrets, see
:mod:`kpi.sources`). A user picks a root and a file or folder inside it, never a free path.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from kpi.errors import KpiLabError
from kpi.sources import SECRETS_KEY, Sources, load_sources

__all__ = ["LakeChoice", "source_picker"]


@dataclass(frozen=True, slots=True)
class LakeChoice:
    """What the user picked: resolved paths inside a root, and the engine to run on them."""

    root: str
    paths: tuple[Path, ...]
    engine: str  # "duckdb" or "spark"
    spark_master: str | None = None


def _sources() -> Sources:
    try:
        secrets = st.secrets.to_dict() if SECRETS_KEY in st.secrets else {}
    except FileNotFoundError:  # no secrets file at all
        secrets = {}
    return load_sources(secrets=secrets)


def source_picker(*, key: str) -> LakeChoice | None:
    """Root, dataset and engine pickers; the choice once the user presses "Use this source"."""
    try:
        sources = _sources()
    except KpiLabError as err:
        st.error(str(err))
        return None
    if not sources.configured or not sources.roots:
        return None
    st.subheader("Server data source")
    names = [r.name for r in sources.roots]
    root = st.selectbox("Data source", names, key=f"{key}_root")
    entries = sources.datasets(root)
    if not entries:
        st.info(f"{root} holds no Parquet file or folder yet.")
        return None
    entry = st.selectbox("Dataset", entries, key=f"{key}_dataset")
    engines = ["duckdb", "spark"] if sources.spark_master else ["duckdb"]
    engine = st.radio("Run on", engines, horizontal=True, key=f"{key}_engine")
    if not st.button("Use this source", key=f"{key}_use"):
        return None
    try:
        paths = tuple(sources.resolve(root, entry))
    except KpiLabError as err:
        st.error(str(err))
        return None
    master = sources.spark_master if engine == "spark" else None
    return LakeChoice(root=root, paths=paths, engine=str(engine), spark_master=master)

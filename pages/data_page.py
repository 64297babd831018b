"""Data: load your own export — mapped, checked, and every row accounted for."""

from __future__ import annotations

import contextlib
import hashlib
import json

import streamlit as st

from kpi import ingest
from kpi.errors import KpiLabError
from kpi.ui import state, widgets

_MEMO = "data_page_import"  # this page's own cache of the last import (per session)
_MAPPING = "data_page_mapping"  # the mapping the user edited or loaded (JSON form)
_UPLOAD_LIMIT = 200 * 1024 * 1024  # .streamlit/config.toml server.maxUploadSize
_ZONES = [
    "(this computer's zone)",
    "UTC",
    "Europe/London",
    "Europe/Paris",
    "Europe/Berlin",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
    "America/Sao_Paulo",
    "Asia/Kolkata",
    "Asia/Singapore",
    "Asia/Tokyo",
    "Australia/Sydney",
]

st.title("Your data")
st.markdown(
    "Load the contact records or daily reports your platform exports (Amazon Connect, Genesys, "
    "Five9, NICE CXone, Talkdesk, Zendesk or any CSV/Excel). Columns are matched automatically; "
    "you can check and change the mapping below. Every row is either kept or set aside with its reason."
)
st.caption(widgets.dataset_badge())
if not state.is_sample() and st.button("Back to the sample", key="data_reset"):
    state.reset_dataset()
    st.session_state.pop(_MEMO, None)
    st.rerun()

uploads = st.file_uploader(
    "Export files (CSV, TSV, Excel, Parquet, JSON lines) — several monthly files, or contacts plus a survey file",
    type=["csv", "tsv", "txt", "xlsx", "xlsm", "xls", "parquet", "jsonl", "ndjson", "json"],
    accept_multiple_files=True,
    key="data_upload",
)
if not uploads:
    st.info("Until you load a file, every page uses the bundled sample contact center.")
    st.stop()

files = [(u.name, u.getvalue()) for u in uploads]

sheets: list[str] = []
for name, data in files:
    with contextlib.suppress(KpiLabError):  # the import below says what is wrong
        sheets += [s for s in ingest.list_sheets((name, data)) if s not in sheets]

c1, c2, c3 = st.columns(3)
sheet = None
if len(sheets) > 1:
    picked = c1.selectbox("Excel sheet", ["(first sheet with data)", *sheets], key="data_sheet")
    sheet = None if picked.startswith("(") else picked
shape_label = c2.selectbox(
    "Each row is",
    ["detect automatically", "one contact", "one day or interval (aggregated)"],
    key="data_shape",
)
shape = {"one contact": "interactions", "one day or interval (aggregated)": "aggregated"}.get(
    shape_label
)
zone = c3.selectbox("Show UTC timestamps in", _ZONES, key="data_timezone")
timezone = None if zone.startswith("(") else zone

loaded = st.file_uploader("Load a saved mapping (JSON)", type=["json"], key="data_mapping_upload")
if loaded is not None:
    try:
        st.session_state[_MAPPING] = ingest.load_mapping(loaded.getvalue()).to_dict()
    except KpiLabError as err:
        st.error(str(err))

first_day = None
if st.session_state.get("data_needs_first_day"):
    first_day = st.date_input(
        "The file has no date column: date of its first row (rows are read as consecutive days)",
        value=None,
        key="data_first_day",
    )

mapping = (
    ingest.load_mapping(st.session_state[_MAPPING]) if st.session_state.get(_MAPPING) else None
)
key = hashlib.sha256(
    json.dumps(
        [[n, hashlib.sha256(d).hexdigest()] for n, d in files]
        + [sheet, shape, timezone, str(first_day), mapping.to_dict() if mapping else None],
        default=str,
    ).encode()
).hexdigest()

memo = st.session_state.get(_MEMO)
result = memo[1] if memo and memo[0] == key else None
if result is None:
    bar = st.progress(0.0, text="Reading…")
    try:
        result = ingest.read_files(
            files,
            mapping,
            sheet=sheet,
            shape=shape,
            timezone=timezone,
            max_bytes=_UPLOAD_LIMIT,
            undated_start=first_day,
            progress=lambda f, m: bar.progress(f, text=m),
        )
        st.session_state[_MEMO] = (key, result)
        st.session_state["data_needs_first_day"] = False
    except KpiLabError as err:
        bar.empty()
        if (
            isinstance(err, ingest.MissingTimestampError)
            and "has no date column" in str(err)
            and not st.session_state.get("data_needs_first_day")
        ):
            st.session_state["data_needs_first_day"] = True
            st.rerun()
        st.error(str(err))
        st.stop()
    except Exception as err:  # never a traceback on screen
        bar.empty()
        st.error(
            f"The file could not be imported ({type(err).__name__}): check that it is a CSV, Excel, "
            "Parquet or JSON lines export, or send it to the KPI Lab maintainers."
        )
        st.stop()
    bar.empty()

report = result.report
ds = result.dataset

st.subheader("Import report")
st.markdown(report.summary())
m1, m2, m3 = st.columns(3)
m1.metric("Rows read", f"{report.rows_read:,}")
m2.metric("Rows kept", f"{report.rows_kept:,}")
m3.metric("Rows set aside", f"{report.rows_quarantined:,}")
for w in report.warnings:
    st.warning(w)
if report.notes:
    with st.expander("What the importer detected"):
        st.markdown("\n".join(f"- {n}" for n in report.notes))

u1, u2 = st.columns(2)
if u1.button("Use this data", key="data_use", type="primary"):
    state.set_dataset(ds)
    st.session_state["data_page_used"] = ds.name
    st.rerun()
if st.session_state.pop("data_page_used", None) == ds.name and not state.is_sample():
    st.success(f"Every page now uses {ds.name} ({ds.n_rows:,} rows).")

st.subheader("Column mapping")
st.caption(
    f"Read as {'one row per contact' if result.mapping.shape == 'interactions' else 'one row per day or interval'}"
    + (f", preset: {result.mapping.preset}" if result.mapping.preset else "")
    + ". Change a source and press Apply; two columns joined by ' + ' are a date and a time."
)
table = ingest.mapping_table(result.mapping)
options = ["", *result.columns, *[s for s in table["source"] if " + " in s]]
edited = st.data_editor(
    table,
    key="data_mapping_editor",
    hide_index=True,
    disabled=["column", "meaning"],
    column_config={
        "source": st.column_config.SelectboxColumn(
            "source column", options=list(dict.fromkeys(options))
        ),
        "unit": st.column_config.SelectboxColumn("unit", options=list(ingest.UNITS)),
        "rule": st.column_config.TextColumn(
            "rule", help="invert, present, equals:value1|value2 ..."
        ),
    },
)
b1, b2 = st.columns(2)
if b1.button("Apply mapping", key="data_apply_mapping"):
    try:
        new = ingest.mapping_from_table(edited, result.mapping.shape, result.mapping.preset)
        st.session_state[_MAPPING] = new.to_dict()
        st.rerun()
    except KpiLabError as err:
        st.error(str(err))
b2.download_button(
    "Save mapping (JSON)",
    json.dumps(result.mapping.to_dict(), indent=2).encode(),
    file_name="kpi_mapping.json",
    mime="application/json",
    key="data_mapping_download",
)

st.subheader("Preview")
st.dataframe(ds.frame.head(100), hide_index=True)

st.subheader("How complete each column is")
st.dataframe(
    report.fill_rates,
    hide_index=True,
    column_config={
        "fill_rate": st.column_config.ProgressColumn(
            "filled", min_value=0, max_value=1, format="percent"
        )
    },
)

st.subheader("KPIs this data supports")
try:
    from kpi.metrics import available_kpis

    avail = available_kpis(ds.frame.columns, ds.shape)
except ImportError:  # the registry ships separately
    avail = {}
yes = [widgets.kpi_label(k) for k, missing in avail.items() if not missing]
no = {widgets.kpi_label(k): missing for k, missing in avail.items() if missing}
if yes:
    st.markdown("**Available:** " + ", ".join(yes))
if no:
    st.markdown(
        "**Not available (columns needed):**\n"
        + "\n".join(f"- {k}: {', '.join(m.replace('|', ' or ') for m in v)}" for k, v in no.items())
    )

if report.rows_quarantined:
    st.subheader("Rows set aside")
    st.dataframe(report.reasons(), hide_index=True)
    st.download_button(
        "Download the set-aside rows (CSV)",
        ingest.safe_csv(report.quarantine),
        file_name="quarantined_rows.csv",
        mime="text/csv",
        key="data_quarantine_download",
    )

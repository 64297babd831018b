"""Data: load your own export — mapped, checked, and every row accounted for."""

from __future__ import annotations

import contextlib

import streamlit as st

from kpi import ingest
from kpi.errors import KpiLabError
from kpi.metrics import available_kpis
from kpi.schema import Shape
from kpi.ui import mapping_view as view
from kpi.ui import state, widgets
from kpi.ui.sources import source_picker

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
_SHAPES: dict[str, Shape | None] = {
    "detect automatically": None,
    "one contact": "interactions",
    "one day or interval (aggregated)": "aggregated",
}

st.title("Your data")
st.markdown(
    "Load the contact records or daily reports your platform exports (Amazon Connect, Genesys, "
    "Five9, NICE CXone, Talkdesk, Zendesk or any CSV/Excel). Columns are matched automatically; "
    "you can check and change the mapping below. Every row is either kept or set aside with its reason."
)
st.caption(widgets.dataset_badge())
if not state.is_sample() and st.button("Back to the sample", key="data_reset"):
    state.reset_dataset()
    view.forget()
    st.rerun()

lake = source_picker(key="data_source")  # nothing unless the server configures a lake
if lake is not None:
    try:
        lake_ds = view.load_lake(lake)
    except KpiLabError as err:
        st.error(str(err))
    else:
        view.forget()
        state.set_dataset(lake_ds)
        st.rerun()
lake_check = view.lake_report()
if lake_check is not None:
    st.success(f"Every page now uses {state.current_dataset().name}.")
    st.markdown(lake_check.summary())
    l1, l2, l3 = st.columns(3)
    l1.metric("Rows in the range", f"{lake_check.rows_read:,}")
    l2.metric("Rows kept", f"{lake_check.rows_kept:,}")
    l3.metric("Rows set aside", f"{lake_check.rows_quarantined:,}")
    if lake_check.rows_quarantined:
        st.dataframe(view.lake_reasons_table(lake_check), hide_index=True)
    for note in lake_check.notes:
        st.caption(note)

fresh = view.uploader_is_fresh()
uploads = st.file_uploader(
    "Export files (CSV, TSV, Excel, Parquet, JSON lines) — several monthly files, or contacts plus a survey file",
    type=["csv", "tsv", "txt", "xlsx", "xlsm", "xls", "ods", "parquet", "jsonl", "ndjson", "json"],
    accept_multiple_files=True,
    key="data_upload",
)
loaded = view.loaded_files(uploads, fresh)
if loaded is None:
    if lake_check is None:
        st.info("Until you load a file, every page uses the bundled sample contact center.")
    st.stop()
files = loaded.files
if loaded.restored:
    names = ", ".join(n for n, _ in files)
    st.caption(
        f"The import of {names}"
        + (", the data every page uses now" if view.in_use() else "")
        + ". Give other files above to replace it."
    )

sheets: list[str] = []
for name, data in files:
    with contextlib.suppress(KpiLabError):  # the import below says what is wrong
        sheets += [s for s in ingest.list_sheets((name, data)) if s not in sheets]

c1, c2, c3 = st.columns(3)
sheet = None
if len(sheets) > 1:
    sheet_names = ["(first sheet with data)", *sheets]
    picked = c1.selectbox(
        "Excel sheet", sheet_names, key=view.remembered("data_sheet", sheet_names[0], sheet_names)
    )
    sheet = None if picked.startswith("(") else picked
shape_label = c2.selectbox(
    "Each row is",
    list(_SHAPES),
    key=view.remembered("data_shape", "detect automatically", list(_SHAPES)),
)
zone = c3.selectbox(
    "Show UTC timestamps in", _ZONES, key=view.remembered("data_timezone", _ZONES[0], _ZONES)
)

mapping_file = st.file_uploader(
    f"Load a saved mapping (JSON, format: {view.DOC_PATH})",
    type=["json"],
    key="data_mapping_upload",
)
if mapping_file is not None:
    try:
        view.load_mapping_upload(mapping_file.name, mapping_file.getvalue())
    except KpiLabError as err:
        st.error(str(err))

first_day = None
if view.needs_first_day():
    first_day = st.date_input(
        "The file has no date column: date of its first row (rows are read as consecutive days)",
        key=view.remembered("data_first_day", None),
    )

options = view.ImportOptions(
    sheet=sheet,
    shape=_SHAPES[shape_label],
    timezone=None if zone.startswith("(") else zone,
    first_day=first_day,
)
try:
    result = view.run_import(files, view.user_mapping(), options)
except Exception as err:  # never a traceback on screen: one sentence, and the fix when known
    view.show_import_error(err, files, options)
    st.stop()

report = result.report
ds = result.dataset
mapping = result.mapping

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

if st.button("Use this data", key="data_use", type="primary"):
    state.set_dataset(ds)
    st.session_state["data_page_used"] = ds.name
    st.rerun()
if st.session_state.pop("data_page_used", None) == ds.name and not state.is_sample():
    st.success(f"Every page now uses {ds.name} ({ds.n_rows:,} rows).")

st.subheader("Column mapping")
st.caption(
    f"Read as {'one row per contact' if mapping.shape == 'interactions' else 'one row per period'}"
    + (f", preset: {mapping.preset}" if mapping.preset else "")
    + ". Each change below imports the file again."
)
proposed = view.proposal(files, options, result)
st.dataframe(
    view.evidence_table(
        mapping,
        proposed[0] if proposed else None,
        proposed[1] if proposed else {},
        view.mapping_origin(),
        [n for n, _ in files],
    ),
    hide_index=True,
)

if mapping.outcome is not None:
    st.markdown(f"**What the values of '{mapping.outcome.source}' mean**")
    rules = st.data_editor(
        view.outcome_table(mapping.outcome),
        key="data_outcome_editor",
        hide_index=True,
        disabled=["Value in the file"],
        column_config={
            "Means": st.column_config.SelectboxColumn(
                "Means", options=list(view.OUTCOME_LABELS.values()), required=True
            )
        },
    )
    try:
        new_rule = view.rule_from_table(mapping.outcome, rules)
        view.apply(view.replace_outcome(mapping, new_rule), mapping)
    except KpiLabError as err:
        st.error(str(err))
    sentence = view.abandonment_sentence(
        state.compute(ds, grain="all", kpis=("abandonment_rate",)).frame
    )
    if sentence:
        st.markdown(sentence)

for dc in view.date_columns(mapping, report.date_orders):
    st.markdown(f"**Date order** — {dc.sentence}")
    order_labels = list(view.ORDER_LABELS.values())
    picked_order = st.selectbox(
        f"Dates in '{dc.source}' are written",
        order_labels,
        index=list(view.ORDER_LABELS).index(dc.forced),
        key=f"data_date_order_{dc.target}",
    )
    view.apply(view.with_date_order(mapping, dc.target, view.order_of(picked_order)), mapping)

if report.grain is not None:
    st.markdown(f"**Period of each row** — {view.grain_sentence(report.grain, mapping.grain)}")
    grain_labels = list(view.GRAIN_LABELS.values())
    picked_grain = st.selectbox(
        "Each row summarises",
        grain_labels,
        index=list(view.GRAIN_LABELS).index(mapping.grain),
        key="data_grain",
    )
    view.apply(view.with_grain(mapping, view.grain_of(picked_grain)), mapping)

units = view.unit_table(mapping)
if not units.empty:
    st.markdown("**Unit of each duration column** (stored in seconds)")
    edited_units = st.data_editor(
        units,
        key="data_units_editor",
        hide_index=True,
        disabled=["Field", "Column in your file"],
        column_config={
            "Unit": st.column_config.SelectboxColumn(
                "Unit", options=list(view.UNIT_LABELS.values()), required=True
            )
        },
    )
    view.apply(view.units_from_table(mapping, edited_units), mapping)

with st.expander("Change which column feeds a field"):
    st.caption("Two columns joined by ' + ' are a date and a time. Press Apply to import again.")
    columns = view.column_table(mapping)
    edited = st.data_editor(
        columns,
        key="data_mapping_editor",
        hide_index=True,
        disabled=["Field", "What it is"],
        column_config={
            "Column in your file": st.column_config.SelectboxColumn(
                "Column in your file", options=view.column_choices(columns, result.columns)
            )
        },
    )
    b1, b2 = st.columns(2)
    if b1.button("Apply", key="data_apply_mapping"):
        try:
            view.apply(view.columns_from_table(mapping, edited), mapping)
        except KpiLabError as err:
            st.error(str(err))
    if view.mapping_origin() != "auto" and b2.button(
        "Back to the automatic mapping", key="data_mapping_reset"
    ):
        view.set_user_mapping(None)
        st.rerun()

st.markdown("**The mapping as a file**")
st.caption(
    f"Save it to reuse on next month's export, or edit it by hand: the format is described in "
    f"`{view.DOC_PATH}` (JSON Schema: `docs/mapping.schema.json`) in the KPI Lab repository; "
    "`kpi map FILE --out mapping.json` writes the same file from the command line."
)
st.download_button(
    "Save mapping (JSON)",
    view.mapping_json(mapping, proposed[1] if proposed else None),
    file_name="kpi_mapping.json",
    mime="application/json",
    key="data_mapping_download",
)

st.subheader("Preview")
st.dataframe(view.preview_table(ds.frame, ds.shape), hide_index=True)

st.subheader("How complete each column is")
st.dataframe(
    view.completeness_table(report.fill_rates, ds.shape),
    hide_index=True,
    column_config={
        "Share filled": st.column_config.ProgressColumn(
            "Share filled", min_value=0, max_value=1, format="percent"
        )
    },
)

st.subheader("KPIs this data supports")
avail = available_kpis(ds.frame.columns, ds.shape)
yes = [widgets.kpi_label(k) for k, missing in avail.items() if not missing]
no = {widgets.kpi_label(k): missing for k, missing in avail.items() if missing}
if yes:
    st.markdown("**Available:** " + ", ".join(yes))
if no:
    st.markdown(
        "**Not available (columns needed):**\n"
        + "\n".join(f"- {k}: {view.needed_text(v, ds.shape)}" for k, v in no.items())
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

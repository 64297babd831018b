"""Relationships: which KPIs really move together, and the balance of efficiency and experience."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kpi.analysis import relations
from kpi.charts.relations import (
    balance_quadrant_chart,
    correlation_heatmap,
    pair_scatter,
    rolling_correlation_chart,
)
from kpi.errors import KpiLabError
from kpi.metrics import available_kpis
from kpi.ui import layout, state, tables, widgets

_DEFAULT_KPIS = (
    "contacts",
    "aht",
    "fcr",
    "csat",
    "transfer_rate",
    "hold_time",
    "asa",
    "abandonment_rate",
)
_BALANCE_PAIRS = {
    "AHT vs FCR": ("aht", "fcr"),
    "AHT vs CSAT": ("aht", "csat"),
    "Transfer rate vs AHT": ("transfer_rate", "aht"),
}
_ENTITIES = {"agent_id": "Agents", "team": "Teams", "queue": "Queues"}


st.title("Relationships")
st.markdown(
    "**Which KPIs really move together, and which only seem to?** Daily KPIs share weekday "
    "patterns and slow trends, so almost any two look related. With the guards on, each series "
    "is cleaned first and the p-values are adjusted for the number of pairs tested."
)

ds = state.scoped_dataset()
offered = [k for k, missing in available_kpis(ds.frame.columns, ds.shape).items() if not missing]
segments = relations.segment_choices(ds.frame)

controls = layout.controls("rel_top")
# At 900 px (a laptop with the sidebar open) three or more columns cut labels ("Mont h",
# "Weekdays …"): the KPI list has its own row and the rest sit two by two.
c1 = controls.container()
c2, c3 = controls.columns(2)
with c1:
    chosen = widgets.kpi_select(
        "KPIs", offered, [k for k in _DEFAULT_KPIS if k in offered], key="rel_kpis"
    )
with c2:
    grain = widgets.grain_select(key="rel_grain")
with c3:
    segment_label = st.selectbox(
        "Segment",
        list(segments),
        key=state.persist("rel_segment", "Whole centre", list(segments)),
    )
segment = segments.get(segment_label)
segment_text = "" if segment is None else segment_label

c4, c5 = controls.columns(2)

with c4:
    method = st.radio(
        "Method",
        ["spearman", "pearson"],
        format_func=lambda m: {"spearman": "Spearman (ranks)", "pearson": "Pearson"}[m],
        horizontal=True,
        key=state.persist("rel_method", "spearman", ["spearman", "pearson"]),
    )
with c5:
    weekdays_only = st.checkbox("Weekdays only", key=state.persist("rel_weekdays", False))
with c5:
    guards = st.toggle("Spurious-correlation guards", key=state.persist("rel_guards", True))
with st.expander("What the guards do", expanded=False):
    for name, text in relations.GUARD_TEXT.items():
        st.markdown(f"- **{name.replace('_', ' ').capitalize()}**: {text}")

if len(chosen) < 2:
    st.info("Pick at least two KPIs to see how they move together.")
    st.stop()

by = tuple(segment) if segment else ()
# What every result and chart below depends on, besides its own choices (the memo keys).
basis = (
    ds.fingerprint,
    repr(state.settings()),
    grain,
    segment_label,
    method,
    guards,
    weekdays_only,
)
try:
    table = state.compute(ds, grain=grain, by=by, kpis=sorted({*chosen, "contacts"} & set(offered)))
    values, volumes = state.memo(
        ("rel_wide", *basis, tuple(chosen)), lambda: relations.wide_from_table(table, segment)
    )
    matrix = state.memo(
        ("rel_matrix", *basis, tuple(chosen)),
        lambda: relations.correlation_table(
            values,
            list(chosen),
            method=method,
            guards=guards,
            weights=volumes,
            weekdays_only=weekdays_only,
        ),
    )
except KpiLabError as err:
    st.warning(str(err))
    st.stop()
widgets.unavailable_note(table, chosen)

st.subheader("How the KPIs move together")
heatmap = widgets.chart(
    lambda: correlation_heatmap(matrix), key="rel_heatmap", memo=(*basis, tuple(chosen))
)
guards_used = max(matrix["guards"], key=len)
how = (
    f"{method.capitalize()} correlation per {grain} · data: {state.scope().describe()} · "
    f"segment: {segment_label} · "
    f"{matrix['filter'].iloc[0]} · guards: {guards_used} · p-values Benjamini-Hochberg adjusted "
    f"over {len(matrix)} pairs."
)
st.caption(how)
n_sig = int(matrix["significant"].sum())
strongest = matrix.loc[matrix["r"].abs().fillna(-1).idxmax()]
reading = (
    f"{n_sig} of {len(matrix)} pairs move together beyond chance; the strongest link is "
    f"{widgets.kpi_label(strongest['kpi_x'])} with {widgets.kpi_label(strongest['kpi_y'])} "
    f"(r = {strongest['r']:+.2f}{'' if segment is None else ', ' + segment_label})."
    if pd.notna(strongest["r"])
    else "No pair could be correlated on this data."
)
st.markdown(reading)
pairs = tables.correlation_table(matrix)
st.dataframe(
    pairs.main, hide_index=True, width="stretch", key="rel_table", column_config=pairs.config
)
if not guards:
    st.warning(
        "Guards are off: these are correlations of raw levels. Shared trends and weekday "
        "patterns can make unrelated KPIs look linked, and the p-values assume independent days."
    )
fragile = matrix[matrix["warning"] != ""]
if not fragile.empty:
    st.caption("Caveats: " + "; ".join(sorted(set(fragile["warning"]))))
widgets.pin_button(
    lambda: widgets.finding(
        "correlation",
        f"How the KPIs move together ({segment_label})",
        reading,
        segment=segment_text,
        details=f"{method} per {grain}; guards: {guards_used}",
        numbers=tuple(
            (f"{widgets.kpi_label(r.kpi_x)} ~ {widgets.kpi_label(r.kpi_y)}", f"r = {r.r:+.2f}")
            for r in matrix[matrix["significant"]].itertuples()
        )[:6],
        chart=heatmap,
        table=matrix,
    ),
    key="rel_pin_matrix",
)

st.subheader("Pair explorer")
p1, p2, p3 = layout.controls("rel_pair").columns([2, 2, 1])
with p1:
    kx = widgets.kpi_select(
        "KPI on the x axis",
        chosen,
        "aht" if "aht" in chosen else chosen[0],
        key="rel_x",
        multiple=False,
    )
others = [k for k in chosen if k != kx]
with p2:
    default_y = "fcr" if kx == "aht" and "fcr" in others else others[0]
    ky = widgets.kpi_select("KPI on the y axis", others, default_y, key="rel_y", multiple=False)
entity_options = {"period": f"{grain.capitalize()}s"} | {
    c: lab for c, lab in _ENTITIES.items() if c in ds.frame.columns
}
with p3:
    points = st.selectbox(
        "Points",
        list(entity_options),
        format_func=entity_options.get,
        key=state.persist("rel_points", "period", list(entity_options)),
    )
try:
    pair_key = (*basis, kx, ky, points)
    if points == "period":
        pair = state.memo(
            ("rel_pair", *pair_key),
            lambda: relations.pair_analysis(
                values,
                kx,
                ky,
                method=method,
                guards=guards,
                weights=volumes,
                weekdays_only=weekdays_only,
            ),
        )
    else:
        ent_table = state.compute(ds, grain="all", by=(points,), kpis=sorted({kx, ky, "contacts"}))
        ent_values, ent_volumes = relations.entity_wide(ent_table, points)
        pair = state.memo(
            ("rel_pair", *pair_key),
            lambda: relations.pair_analysis(
                ent_values, kx, ky, method=method, guards=guards, weights=ent_volumes, label=points
            ),
        )
    pair_spec = widgets.chart(lambda: pair_scatter(pair), key="rel_pair_chart", memo=pair_key)
    st.markdown(widgets.readable(pair.summary))
    st.caption(
        f"{pair.method.capitalize()} · {pair.n} points ({pair.n_eff:.0f} effective) · "
        f"guards: {pair.guards} · {pair.filter}"
        + (" · plotted values are adjusted the same way as r" if pair.adjusted else "")
    )
    for w in pair.warnings:
        st.caption(f"⚠️ {w}")
    if points == "period":
        window = st.slider(
            "Rolling window (periods)",
            min_value=7,
            max_value=91,
            key=state.persist("rel_window", 28),
        )
        rolling = state.memo(
            ("rel_rolling", *pair_key, window),
            lambda: relations.rolling_correlation(
                values,
                kx,
                ky,
                window=window,
                method=method,
                guards=guards,
                weights=volumes,
                weekdays_only=weekdays_only,
            ),
        )
        if rolling.empty:
            st.info(f"Fewer than {window} periods: no rolling correlation.")
        else:
            widgets.chart(
                lambda: rolling_correlation_chart(rolling, kpi_x=kx, kpi_y=ky),
                key="rel_rolling_chart",
                memo=(*pair_key, window),
            )
            st.caption(
                "Each point is the correlation over the preceding window; a band that leaves "
                "its usual level marks a change in how the two KPIs relate."
            )
    widgets.pin_button(
        lambda: widgets.finding(
            "correlation",
            f"{widgets.kpi_label(ky)} vs {widgets.kpi_label(kx)}",
            pair.summary,
            segment=segment_text,
            details=f"{pair.method}; guards: {pair.guards}; {pair.filter}",
            numbers=(
                ("r", f"{pair.r:+.2f}"),
                ("95% CI", f"{pair.ci_low:+.2f} to {pair.ci_high:+.2f}"),
                ("points", str(pair.n)),
            ),
            chart=pair_spec,
            table=pair.to_frame(),
        ),
        key="rel_pin_pair",
    )
except KpiLabError as err:
    st.warning(str(err))

st.subheader("Balance: efficiency vs experience")
st.markdown(
    "Speed is only good when the customer's issue is solved. Each point is an agent (or team) "
    "placed on an efficiency KPI and an experience KPI; small samples are pulled toward the "
    "centre (empirical Bayes), so a 12-contact agent is not flagged as the worst."
)
b1, b2 = layout.controls("rel_balance").columns(2)
with b1:
    pair_label = st.radio(
        "Compare",
        list(_BALANCE_PAIRS),
        horizontal=True,
        key=state.persist("rel_balance_pair", "AHT vs FCR", list(_BALANCE_PAIRS)),
    )
with b2:
    entity_cols = [c for c in ("agent_id", "team") if c in ds.frame.columns]
    balance_by = (
        st.radio(
            "Place",
            entity_cols,
            format_func=_ENTITIES.get,
            horizontal=True,
            key=state.persist("rel_balance_by", entity_cols[0], entity_cols),
        )
        if entity_cols
        else None
    )
if balance_by is None:
    st.info("This data has no agent or team column, so there is no balance view.")
else:
    bx, byk = _BALANCE_PAIRS[pair_label]
    try:
        per_entity = state.compute(ds, grain="all", by=(balance_by,), kpis=[bx, byk])
        balance_key = (ds.fingerprint, repr(state.settings()), bx, byk, balance_by)
        balance = state.memo(
            ("rel_balance", *balance_key),
            lambda: relations.balance_table(per_entity, bx, byk, by=balance_by),
        )
        chart = widgets.chart(
            lambda: balance_quadrant_chart(balance), key="rel_balance_chart", memo=balance_key
        )
        st.markdown(widgets.readable(balance.summary))
        counts = balance.table["quadrant"].value_counts()
        for label in balance.quadrants.values():
            st.markdown(f"- **{label}**: {int(counts.get(label, 0))}")
        for w in balance.warnings:
            st.caption(f"⚠️ {w}")
        st.caption(
            "Dashed lines: the centre's pooled values. 'Clearly' = both 95% intervals after "
            "shrinkage exclude the centre. Agents working different queues handle different "
            "work: filter one queue in the sidebar for a fair comparison."
        )
        shown = tables.balance_table(balance.table, bx, byk, balance_by)
        st.dataframe(
            shown.main,
            hide_index=True,
            width="stretch",
            key="rel_balance_table",
            column_config=shown.config,
        )
        with st.expander("Details: observed values, intervals and shrinkage weights"):
            st.dataframe(shown.details, hide_index=True, width="stretch", key="rel_balance_details")
        widgets.pin_button(
            lambda: widgets.finding(
                "correlation",
                f"Balance: {pair_label} by {_ENTITIES.get(balance_by, balance_by).lower()}",
                balance.summary,
                details="empirical-Bayes shrinkage",
                numbers=tuple(
                    (lab, str(int(counts.get(lab, 0)))) for lab in balance.quadrants.values()
                ),
                chart=chart,
                table=balance.to_frame(),
            ),
            key="rel_pin_balance",
        )
    except KpiLabError as err:
        st.warning(str(err))

with st.expander("Caveats", expanded=False):
    st.markdown(
        "- A correlation is an association, not a cause: a third factor (staffing, a product "
        "launch) can move both KPIs.\n"
        f"- Fewer than {relations.MIN_PERIODS} periods: read any correlation as a hint only.\n"
        "- Weekly and monthly grains have few periods: prefer daily for correlations.\n"
        "- Rates are weighted by their volume; the pair explorer and the matrix use the same "
        "guards, so their numbers agree."
    )

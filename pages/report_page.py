"""Report: the findings pinned for the meeting, in order, with notes, exports and a slide view."""

from __future__ import annotations

import functools
import re

import streamlit as st

from kpi import report
from kpi.dataset import Dataset
from kpi.errors import KpiLabError
from kpi.findings import Finding
from kpi.metrics import Settings
from kpi.report.export import KIND_LABELS
from kpi.ui import layout, state

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|$~])")


def _plain(text: str) -> str:
    """Text from the data shown literally in markdown (no links, emphasis or LaTeX from `$`)."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def _move(finding_id: str, step: int) -> None:
    items = state.findings()
    i = next(k for k, f in enumerate(items) if f.id == finding_id)
    j = i + step
    if 0 <= j < len(items):
        items[i], items[j] = items[j], items[i]
        state.set_findings(items)


def _remove(finding_id: str) -> None:
    state.set_findings([f for f in state.findings() if f.id != finding_id])


def _save_note(finding_id: str) -> None:
    note = st.session_state.get(f"report_note_{finding_id}", "")
    state.set_findings([f.with_note(note) if f.id == finding_id else f for f in state.findings()])


def _step_slide(step: int, count: int) -> None:
    current = int(st.session_state.get("report_slide", 1))
    st.session_state["report_slide"] = min(max(current + step, 1), count)


def _chart(finding: Finding) -> None:
    if finding.chart:
        st.vega_lite_chart(spec=finding.chart, width="stretch", key=f"report_chart_{finding.id}")


def _numbers(finding: Finding) -> None:
    short = all(len(value) <= 12 for _, value in finding.numbers)
    per_row = 4 if short else 2  # long values ("4.9% (+0.7 pts vs 4.2%)") would be cut in a metric
    for start in range(0, len(finding.numbers), per_row):
        row = finding.numbers[start : start + per_row]
        for col, (label, value) in zip(st.columns(per_row), row, strict=False):
            if short:
                col.metric(label, value)
            else:
                col.markdown(f":gray[{_plain(label)}]  \n**{_plain(value)}**")


def _slide(findings: list[Finding]) -> None:
    count = len(findings)
    if int(st.session_state.get("report_slide", 1)) > count:
        st.session_state["report_slide"] = count
    prev, where, nxt = st.columns([2, 5, 2], vertical_alignment="bottom")
    prev.button(
        "◀ Previous", key="report_prev", on_click=_step_slide, args=(-1, count), width="stretch"
    )
    nxt.button("Next ▶", key="report_next", on_click=_step_slide, args=(1, count), width="stretch")
    number = where.number_input(
        "Finding", min_value=1, max_value=count, value=1, step=1, key="report_slide"
    )
    finding = findings[int(number) - 1]
    st.caption(f"{number} / {count} · {KIND_LABELS.get(finding.kind, finding.kind)}")
    st.header(_plain(finding.title), anchor=False)
    st.markdown(f"#### {_plain(finding.sentence)}")
    _chart(finding)
    _numbers(finding)
    if finding.note.strip():
        st.info(_plain(finding.note), icon="📝")
    if finding.scope:
        st.caption(_plain(finding.scope))


def _xlsx(findings: list[Finding], dataset: Dataset | None, settings: Settings) -> bytes:
    # Runs in the download thread: no session state here, only the values captured below.
    from kpi import engine

    kpi_table = None
    if dataset is not None:
        try:
            kpi_table = engine.compute(dataset, grain="day", settings=settings)
        except KpiLabError:
            kpi_table = None
    return report.to_xlsx(findings, kpi_table)


def _downloads(findings: list[Finding], title: str) -> None:
    # The files are built only when a button is clicked (deferred callables), not on every rerun.
    snapshot = list(findings)
    # A wrapping row: at 900 px the buttons keep their labels instead of shrinking to "HTML r…".
    row = st.container(horizontal=True, vertical_alignment="center", gap="small")
    with_kpis = row.checkbox(
        "KPI table in Excel",
        value=True,
        key="report_xlsx_kpis",
        help="Adds the current dataset's daily KPI table (sidebar filter applied).",
    )
    row.download_button(
        "⬇ HTML report",
        data=functools.partial(report.export_bytes, snapshot, "html", title=title),
        file_name="kpi-report.html",
        mime=report.FORMATS["html"],
        key="report_download_html",
        on_click="ignore",
        help="One self-contained page: opens offline, charts embedded.",
    )
    row.download_button(
        "⬇ PowerPoint",
        data=functools.partial(report.export_bytes, snapshot, "pptx", title=title),
        file_name="kpi-report.pptx",
        mime=report.FORMATS["pptx"],
        key="report_download_pptx",
        on_click="ignore",
        help="A title slide, then one slide per finding.",
    )
    row.download_button(
        "⬇ Excel",
        data=functools.partial(
            _xlsx, snapshot, state.scoped_dataset() if with_kpis else None, state.settings()
        ),
        file_name="kpi-report.xlsx",
        mime=report.FORMATS["xlsx"],
        key="report_download_xlsx",
        on_click="ignore",
        help="A Findings index sheet, the daily KPI table and one sheet per finding's table.",
    )


def _card(number: int, finding: Finding, count: int) -> None:
    fid = finding.id
    with st.container(border=True):
        kind = KIND_LABELS.get(finding.kind, finding.kind)
        st.markdown(f"**{number}. {_plain(finding.title)}**  \n:gray[{kind}]")
        # Buttons sized to their label in a wrapping row (narrow columns made empty boxes).
        buttons = st.container(horizontal=True, gap="small")
        buttons.button(
            "↑",
            key=f"report_up_{fid}",
            disabled=number == 1,
            on_click=_move,
            args=(fid, -1),
            help="Move up",
        )
        buttons.button(
            "↓",
            key=f"report_down_{fid}",
            disabled=number == count,
            on_click=_move,
            args=(fid, 1),
            help="Move down",
        )
        buttons.button(
            "✕", key=f"report_remove_{fid}", on_click=_remove, args=(fid,), help="Remove"
        )
        st.markdown(_plain(finding.sentence))
        _numbers(finding)
        if finding.chart:
            with st.expander("Chart"):
                _chart(finding)
                png_col, svg_col = st.columns(2)
                png_col.download_button(
                    "⬇ PNG",
                    data=functools.partial(report.chart_png, finding.chart, scale=2),
                    file_name=f"finding-{number}.png",
                    mime="image/png",
                    key=f"report_png_{fid}",
                    on_click="ignore",
                )
                svg_col.download_button(
                    "⬇ SVG",
                    data=functools.partial(report.chart_svg, finding.chart),
                    file_name=f"finding-{number}.svg",
                    mime="image/svg+xml",
                    key=f"report_svg_{fid}",
                    on_click="ignore",
                )
        st.text_area(
            "Note for the meeting",
            value=finding.note,
            key=f"report_note_{fid}",
            on_change=_save_note,
            args=(fid,),
            placeholder="What to say or decide about this finding (saved with the report).",
        )
        if finding.scope:
            st.caption(_plain(finding.scope))


def _empty() -> None:
    st.info(
        "Nothing is pinned yet. On the Overview, Relationships, Lead/lag or Before/after page, "
        "press **📌 Pin to report** under a result: it appears here, in order, ready to reorder, "
        "annotate and export as HTML, PowerPoint or Excel."
    )
    st.markdown("Or start from the standard weekly report of the current data:")
    if st.button("Build this week's standard report", key="report_build_weekly"):
        try:
            state.set_findings(report.weekly_report(state.scoped_dataset()))
        except KpiLabError as err:
            st.warning(str(err))
        else:
            st.rerun()


items = report.dedupe_ids(state.findings())
if [f.id for f in items] != [f.id for f in state.findings()]:
    state.set_findings(items)

with layout.controls("report_mode"):
    slides = bool(items) and st.toggle(
        "Slides: one finding at a time",
        key="report_present",
        help="One finding at a time, full width, for the meeting-room screen (on by itself in "
        "presentation mode).",
    )
present = bool(items) and (slides or state.presentation())
if present:
    if "report_title" in st.session_state:
        # Keeps the typed title alive while its text box is hidden (Streamlit drops the state
        # of widgets that are not drawn in a run).
        st.session_state["report_title"] = st.session_state["report_title"]
    _slide(items)
else:
    st.title("Report: findings for the meeting")
    if not items:
        _empty()
    else:
        dataset = state.current_dataset()
        default_title = (
            None if "report_title" in st.session_state else f"KPI review: {dataset.name}"
        )
        title = st.text_input("Report title", value=default_title, key="report_title") or (
            f"KPI review: {dataset.name}"
        )
        st.caption(f"{len(items)} finding{'s' if len(items) != 1 else ''} in report order.")
        _downloads(items, title)
        for number, finding in enumerate(items, start=1):
            _card(number, finding, len(items))

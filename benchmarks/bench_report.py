"""How long do exports take? One chart as PNG, and a 10-finding report as HTML / PPTX / XLSX.

Goal: the HTML report with 10 charts in under 5 s (a user waits for it after one click).

Run: ``/work/venv/bin/python benchmarks/bench_report.py``. The charts are realistic: daily KPI
trends of the bundled sample (182 days, 95% interval band, target rule) built from the engine.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

import altair as alt
import pandas as pd

from kpi import engine, report
from kpi.dataset import load_sample
from kpi.findings import Finding
from kpi.metrics import KPIS
from kpi.report.weekly import CORE_KPIS

# The weekly report's core KPIs plus two more, for ten charts.
KPI_IDS = (*CORE_KPIS, "transfer_rate", "hold_time")


def _timed(fn: Callable[[], object], repeat: int) -> tuple[float, float, object]:
    """(first call seconds, median of the next ``repeat`` calls, last result)."""
    t0 = time.perf_counter()
    out = fn()
    first = time.perf_counter() - t0
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return first, statistics.median(times) if times else first, out


def _trend_chart(frame: pd.DataFrame, name: str, target: float | None) -> dict:
    base = alt.Chart(frame).encode(x=alt.X("period:T", title=None))
    layers = [
        base.mark_area(opacity=0.2).encode(y=alt.Y("ci_low:Q", title=name), y2="ci_high:Q"),
        base.mark_line().encode(y=alt.Y("value:Q", title=name, scale=alt.Scale(zero=False))),
    ]
    if target is not None:
        layers.append(
            alt.Chart(pd.DataFrame({"t": [target]})).mark_rule(strokeDash=[6, 4]).encode(y="t:Q")
        )
    return alt.layer(*layers).properties(width=640, height=280).to_dict()


def build_findings() -> list[Finding]:
    sample = load_sample()
    table = engine.compute(sample, kpis=list(KPI_IDS), grain="day").frame
    findings = []
    for kpi in KPI_IDS:
        frame = table.loc[table["kpi"] == kpi].reset_index(drop=True)
        k = KPIS[kpi]
        findings.append(
            Finding(
                kind="trend",
                title=f"{k.name} by day",
                sentence=f"{k.name} averaged {k.format(frame['value'].mean())} over the period.",
                numbers=(("Days", str(len(frame))), ("Last", k.format(frame["value"].iloc[-1]))),
                scope=f"{sample.name} · all dates",
                chart=_trend_chart(frame, k.name, k.target),
                table=frame,
            )
        )
    return findings


def main() -> None:
    t0 = time.perf_counter()
    findings = build_findings()
    print(f"build 10 findings from the engine (sample, 182 days): {time.perf_counter() - t0:.2f} s")
    spec = findings[0].chart
    first, median, png = _timed(lambda: report.chart_png(spec, scale=2), repeat=5)
    w, h = report.png_size(png)  # type: ignore[arg-type]
    print(
        f"chart_png (1 chart, scale 2, {w}x{h} px, {len(png) / 1024:.0f} KiB): "  # type: ignore[arg-type]
        f"first call {first:.2f} s (starts the renderer), then {median * 1000:.0f} ms"
    )
    first, median, _ = _timed(lambda: report.chart_svg(spec), repeat=5)
    print(f"chart_svg (1 chart): first {first * 1000:.0f} ms, then {median * 1000:.0f} ms")
    for label, fn in (
        ("to_html (10 findings, 10 charts)", lambda: report.to_html(findings, title="Bench")),
        ("to_pptx (10 findings, 10 charts)", lambda: report.to_pptx(findings, title="Bench")),
        ("to_xlsx (10 findings + KPI table)", lambda: report.to_xlsx(findings, findings[0].table)),
    ):
        first, median, out = _timed(fn, repeat=3)
        size = len(out) / 1024  # type: ignore[arg-type]
        print(f"{label}: {median:.2f} s (first {first:.2f} s), {size:.0f} KiB")
    html_s = _timed(lambda: report.to_html(findings, title="Bench"), repeat=3)[1]
    verdict = "OK" if html_s < 5 else "SLOW"
    print(f"goal: HTML with 10 charts under 5 s -> {html_s:.2f} s {verdict}")


if __name__ == "__main__":
    main()

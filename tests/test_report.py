"""kpi.report: exports (HTML, PPTX, XLSX, PNG, SVG), hostile data, and the weekly report."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import altair as alt
import numpy as np
import pandas as pd
import pytest

from kpi import report
from kpi.dataset import Dataset, load_sample
from kpi.errors import AnalysisError, DataError
from kpi.findings import Finding

ROOT = Path(__file__).resolve().parents[1]
KINDS = ("kpi_cards", "trend", "breakdown", "correlation", "impact", "leadlag")
HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_FORMULA = '=HYPERLINK("http://x","y")'


# --------------------------------------------------------------------------------- safe cells
@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+41 22 000", "'+41 22 000"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTAB", "'\tTAB"),
        ("\rCR", "'\rCR"),
        ("Billing", "Billing"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_safe_cell_quotes_formula_looking_strings(value: str, expected: str) -> None:
    assert report.safe_cell(value) == expected


@pytest.mark.parametrize("value", [-5, -5.5, np.float64(-0.25), np.int64(-3), None, True])
def test_safe_cell_leaves_numbers_and_non_strings_alone(value: object) -> None:
    out = report.safe_cell(value)
    assert out is value or out == value
    assert type(out) is type(value)


def test_safe_frame_neutralises_strings_keeps_numbers() -> None:
    frame = pd.DataFrame(
        {
            "topic": pd.Series([HOSTILE_FORMULA, "Billing", None], dtype="string"),
            "obj": ["-1", "@x", 3],
            "cat": pd.Categorical(["=A1", "ok", "ok"]),
            "=evil": [-1.5, 2.0, -3.0],
            "n": [-1, 0, 1],
        }
    )
    out = report.safe_frame(frame)
    assert out["topic"].tolist()[:2] == ["'" + HOSTILE_FORMULA, "Billing"]
    assert pd.isna(out["topic"].iloc[2])
    assert out["obj"].tolist() == ["'-1", "'@x", 3]
    assert out["cat"].tolist() == ["'=A1", "ok", "ok"]
    assert list(out.columns) == ["topic", "obj", "cat", "'=evil", "n"]
    assert out["'=evil"].tolist() == [-1.5, 2.0, -3.0]
    assert out["n"].dtype == frame["n"].dtype
    # the input is not modified
    assert frame["topic"].iloc[0] == HOSTILE_FORMULA
    assert "=evil" in frame.columns


# ------------------------------------------------------------------------------------ charts
def _exact_chart() -> dict:
    """300 x 200 px with no axes, padding or border: the rendered size is known exactly."""
    data = pd.DataFrame({"x": ["a", "b"], "y": [1.0, 2.0]})
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(x=alt.X("x:N", axis=None), y=alt.Y("y:Q", axis=None))
        .properties(width=300, height=200, padding=0)
        .configure_view(stroke=None)
        .to_dict()
    )


def test_chart_png_has_the_chart_size_times_scale() -> None:
    spec = _exact_chart()
    assert report.png_size(report.chart_png(spec, scale=1)) == (300, 200)
    png = report.chart_png(spec, scale=2)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert report.png_size(png) == (600, 400)


def test_chart_png_matches_svg_size_for_a_chart_with_axes() -> None:
    data = pd.DataFrame({"day": [1, 2, 3], "csat": [4.1, 4.3, 4.0]})
    spec = (
        alt.Chart(data).mark_line().encode(x="day:Q", y="csat:Q").properties(width=320, height=180)
    ).to_dict()
    svg = report.chart_svg(spec)
    w, h = (int(v) for v in re.search(r'width="(\d+)" height="(\d+)"', svg).groups())
    assert w > 320 and h > 180  # plot area plus axes
    assert report.png_size(report.chart_png(spec, scale=3)) == (3 * w, 3 * h)


def test_chart_rendering_refuses_external_data_and_bad_specs() -> None:
    spec = {"data": {"url": "https://example.com/data.csv"}, "mark": "point"}
    with pytest.raises(AnalysisError, match="could not be rendered"):
        report.chart_svg(spec)
    with pytest.raises(AnalysisError):
        report.chart_png({})


# ------------------------------------------------------------- findings of every kind (sample)
@pytest.fixture(scope="module")
def sample() -> Dataset:
    return load_sample()


def _daily(sample: Dataset, kpis: list[str], **kwargs: object) -> pd.DataFrame:
    engine = pytest.importorskip("kpi.engine")
    return engine.compute(sample, kpis=kpis, grain="day", **kwargs).frame


@pytest.fixture(scope="module")
def all_kinds(sample: Dataset) -> list[Finding]:
    """One finding of each kind: KPI cards, trend and breakdown from the engine; correlation,
    impact and lead/lag from small frames computed here (their modules have their own tests)."""
    engine = pytest.importorskip("kpi.engine")
    from kpi.metrics import KPIS

    scope = f"{sample.name} · all dates"
    cards_tab = engine.compute(sample, kpis=["contacts", "abandonment_rate", "csat"], grain="all")
    cards = cards_tab.frame[["kpi", "value", "numerator", "denominator", "ci_low", "ci_high"]]
    cards = cards.reset_index(drop=True)
    cards_chart = alt.Chart(cards).mark_bar().encode(x="kpi:N", y="value:Q").to_dict()

    daily = engine.compute(sample, kpis=["csat", "engagement"], grain="day").frame
    wide = daily.pivot(index="period", columns="kpi", values="value").reset_index()
    wide["period"] = pd.to_datetime(wide["period"])
    trend = wide[["period", "csat"]]
    trend_chart = alt.Chart(trend).mark_line().encode(x="period:T", y="csat:Q").to_dict()

    by_queue = engine.compute(sample, kpis=["abandonment_rate"], grain="all", by=["queue"]).frame
    breakdown = by_queue[["queue", "value", "numerator", "denominator"]].reset_index(drop=True)
    breakdown_chart = alt.Chart(breakdown).mark_bar().encode(x="queue:N", y="value:Q").to_dict()

    corr = wide[["csat", "engagement"]].corr(method="spearman")
    corr_long = corr.rename_axis(index="x", columns="y").stack().rename("rho").reset_index()
    corr_chart = alt.Chart(corr_long).mark_rect().encode(x="x:N", y="y:N", color="rho:Q").to_dict()

    ivr = next(e for e in sample.truth["effects"] if e["id"] == "ivr")
    billing = engine.compute(
        Dataset.from_frame("billing", sample.frame[sample.frame["queue"] == "Billing"]),
        kpis=["abandonment_rate"],
        grain="day",
    ).frame
    billing = billing.assign(period=pd.to_datetime(billing["period"]))
    billing = billing.assign(after=billing["period"] >= pd.Timestamp(ivr["date"]))
    impact = billing.groupby("after", as_index=False)[["numerator", "denominator"]].sum()
    impact = impact.assign(rate=impact["numerator"] / impact["denominator"])
    impact_chart = alt.Chart(billing).mark_line().encode(x="period:T", y="value:Q").to_dict()

    lags = pd.DataFrame(
        {
            "lag": range(0, 8),
            "r": [wide["csat"].corr(wide["engagement"].shift(k)) for k in range(0, 8)],
        }
    )
    leadlag_chart = alt.Chart(lags).mark_bar().encode(x="lag:O", y="r:Q").to_dict()

    fmt = {k: KPIS[k].format for k in ("contacts", "abandonment_rate", "csat")}
    cards_numbers = tuple(
        (KPIS[r.kpi].name, fmt[r.kpi](r.value)) for r in cards.itertuples(index=False)
    )
    before, after = impact["rate"].tolist()
    return [
        Finding("kpi_cards", "Headline KPIs", "Abandonment and CSAT over the period.",
                cards_numbers, scope, cards_chart, cards),
        Finding("trend", "CSAT by day", "CSAT moves day to day around its mean.",
                (("Days", str(len(trend))),), scope, trend_chart, trend),
        Finding("breakdown", "Abandonment by queue", "Billing abandons most.",
                (("Queues", str(len(breakdown))),), scope, breakdown_chart, breakdown),
        Finding("correlation", "Engagement and CSAT", "Engagement and CSAT move together.",
                (("Spearman rho", f"{corr.iloc[0, 1]:.2f}"),), scope, corr_chart,
                corr_long),
        Finding("impact", "New IVR in Billing", "Abandonment in Billing fell after the IVR.",
                (("Before", f"{before:.1%}"), ("After", f"{after:.1%}")), scope,
                impact_chart, impact, note="Check against Sales and General."),
        Finding("leadlag", "Engagement leads CSAT", "Engagement today, CSAT a few days later.",
                (("Best lag", f"{int(lags['r'].idxmax())} days"),), scope, leadlag_chart, lags),
    ]  # fmt: skip


_REMOTE = re.compile(r"""(?:src|href|url)\s*[=(]\s*["']?\s*(?:https?:)?//""", re.IGNORECASE)


def test_html_report_is_self_contained_with_every_sentence_and_chart(
    all_kinds: list[Finding], artifacts: Path
) -> None:
    text = report.to_html(all_kinds, title="Weekly review", subtitle="Sample")
    (artifacts / "report_all_kinds.html").write_text(text, encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>")
    assert not _REMOTE.search(text), "the page must not load anything from the network"
    assert "<script" not in text.lower()
    assert "<link" not in text.lower()
    for finding in all_kinds:
        assert finding.sentence in text
    images = re.findall(r'<img src="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)"', text)
    assert len(images) == len(all_kinds)
    import base64

    assert all(base64.b64decode(img).startswith(b"<svg") for img in images)
    assert "Check against Sales and General." in text


def test_pptx_has_a_title_slide_then_one_slide_with_a_picture_per_finding(
    all_kinds: list[Finding], artifacts: Path
) -> None:
    from pptx import Presentation
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    data = report.to_pptx(all_kinds, title="Weekly review")
    (artifacts / "report_all_kinds.pptx").write_bytes(data)
    deck = Presentation(io.BytesIO(data))
    slides = list(deck.slides)
    assert len(slides) == 1 + len(all_kinds)
    assert slides[0].shapes.title.text == "Weekly review"
    for slide in slides:  # every shape placed, sized and inside the 16:9 slide
        for shape in slide.shapes:
            assert shape.width > 0 and shape.height > 0, shape.name
            assert shape.left + shape.width <= deck.slide_width, shape.name
            assert shape.top + shape.height <= deck.slide_height, shape.name
    for slide, finding in zip(slides[1:], all_kinds, strict=True):
        assert slide.shapes.title.text == finding.title
        pictures = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert len(pictures) == 1
        pic = pictures[0]
        assert pic.left + pic.width <= deck.slide_width
        assert pic.top + pic.height <= deck.slide_height
        text = "\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
        assert finding.sentence in text
        assert finding.scope in text
        for label, value in finding.numbers:
            assert f"{label}: {value}" in text
        if finding.note:
            assert finding.note in text
            assert finding.note in slide.notes_slide.notes_text_frame.text


def test_xlsx_reads_back_the_same_numbers(all_kinds: list[Finding], sample: Dataset) -> None:
    kpi_frame = _daily(sample, ["contacts", "csat"])
    data = report.to_xlsx(all_kinds, kpi_frame)
    sheets = pd.read_excel(io.BytesIO(data), sheet_name=None)
    names = list(sheets)
    assert names[:2] == ["Findings", "KPI table"]
    assert len(names) == 2 + len(all_kinds)
    assert all(len(n) <= 31 for n in names)
    index = sheets["Findings"]
    assert index["title"].tolist() == [f.title for f in all_kinds]
    assert index["sentence"].tolist() == [f.sentence for f in all_kinds]
    assert index["kind"].tolist() == list(KINDS)
    for finding, sheet in zip(all_kinds, index["sheet"], strict=True):
        back = sheets[sheet]
        assert list(back.columns) == [str(c) for c in finding.table.columns]
        for column in finding.table.columns:
            original = finding.table[column]
            if pd.api.types.is_numeric_dtype(original) and not pd.api.types.is_bool_dtype(original):
                np.testing.assert_allclose(
                    back[str(column)].to_numpy(dtype=float),
                    original.to_numpy(dtype=float, na_value=np.nan),
                    rtol=1e-12,
                )
    kpi_back = sheets["KPI table"]
    np.testing.assert_allclose(
        kpi_back["value"].to_numpy(dtype=float),
        kpi_frame["value"].to_numpy(dtype=float, na_value=np.nan),
        rtol=1e-12,
    )


def test_exports_accept_no_findings() -> None:
    assert "No findings" in report.to_html([], title="Empty")
    from pptx import Presentation

    assert len(Presentation(io.BytesIO(report.to_pptx([], title="Empty"))).slides) == 1
    assert list(pd.read_excel(io.BytesIO(report.to_xlsx([])), sheet_name=None)) == ["Findings"]


# --------------------------------------------------------------------------------- hostile
@pytest.fixture(scope="module")
def hostile() -> list[Finding]:
    table = pd.DataFrame(
        {
            "topic": pd.Series([HOSTILE_SCRIPT, HOSTILE_FORMULA, "Billing"], dtype="string"),
            "csat": [4.1, -0.5, 3.9],
            "contacts": [10, -2, 7],
        }
    )
    chart = alt.Chart(table).mark_bar().encode(x="topic:N", y="csat:Q").to_dict()
    return [
        Finding(
            "breakdown",
            f"CSAT by topic {HOSTILE_SCRIPT}",
            f"The topic {HOSTILE_SCRIPT} scores lowest; {HOSTILE_FORMULA} too.",
            ((HOSTILE_FORMULA, HOSTILE_SCRIPT),),
            f"topic = {HOSTILE_SCRIPT}",
            chart,
            table,
            note=f"{HOSTILE_FORMULA}\n<img src=x onerror=alert(2)>",
        )
    ]


def test_hostile_text_is_escaped_in_html(hostile: list[Finding]) -> None:
    text = report.to_html(hostile, title=f"Report {HOSTILE_SCRIPT}")
    assert "<script" not in text.lower()
    assert "<img src=x" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert not _REMOTE.search(text)
    # a Content-Security-Policy forbids scripts even if something slipped through
    assert "default-src 'none'" in text
    # the table is rendered, escaped
    assert "&lt;script&gt;" in text.split("<details>")[1]


def test_hostile_text_is_inert_in_the_svg(hostile: list[Finding]) -> None:
    svg = report.chart_svg(hostile[0].chart)
    assert "<script" not in svg.lower()
    assert "&lt;script&gt;" in svg


def test_hostile_cells_start_with_a_quote_in_xlsx(hostile: list[Finding]) -> None:
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(report.to_xlsx(hostile)))
    formulas = [
        c.coordinate
        for ws in book.worksheets
        for row in ws.iter_rows()
        for c in row
        if c.data_type == "f"
    ]
    assert formulas == [], "no cell may be stored as a formula"
    table = book.worksheets[1]
    assert table["A3"].value == "'" + HOSTILE_FORMULA
    assert table["A2"].value == HOSTILE_SCRIPT  # plain text in a spreadsheet, not a formula
    assert table["B3"].value == -0.5 and table["C3"].value == -2  # numbers stay numbers
    index = book["Findings"]
    header = [c.value for c in index[1]]
    numbers = index.cell(row=2, column=header.index("numbers") + 1).value
    note = index.cell(row=2, column=header.index("note") + 1).value
    assert numbers.startswith("'=HYPERLINK")
    assert note.startswith("'=HYPERLINK")


def test_hostile_text_is_plain_text_in_pptx(hostile: list[Finding]) -> None:
    data = report.to_pptx(hostile, title=HOSTILE_SCRIPT)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read("ppt/slides/slide2.xml").decode("utf-8")
    assert "<script" not in xml
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in xml


def test_sheet_names_are_sanitised_and_unique() -> None:
    taken: set[str] = set()
    a = report.sheet_name("CSAT [by] topic: a/b?*\\ " + "x" * 40, taken)
    b = report.sheet_name("CSAT [by] topic: a/b?*\\ " + "x" * 40, taken)
    c = report.sheet_name("findings", {"findings"})
    d = report.sheet_name("'quoted'", taken)
    assert len(a) <= 31 and len(b) <= 31
    assert not re.search(r"[\[\]:*?/\\]", a + b)
    assert a != b and b.endswith(" (2)")
    assert c == "findings (2)"
    assert d == "quoted"


def test_control_characters_from_data_do_not_break_the_files() -> None:
    bad = "line\x00one\x0b\x1f"
    f = Finding("table", bad, bad, ((bad, bad),), bad, None, pd.DataFrame({bad: [bad]}), bad)
    assert report.to_pptx([f], title=bad)
    back = pd.read_excel(io.BytesIO(report.to_xlsx([f])), sheet_name=None)
    assert back["Findings"]["title"].iloc[0] == "lineone"


def test_dedupe_ids_gives_a_repeated_finding_a_new_id() -> None:
    f = Finding("trend", "t", "s")
    g = Finding("trend", "u", "s")
    out = report.dedupe_ids([f, g, f])
    assert [x.id for x in out[:2]] == [f.id, g.id]
    assert out[2].id not in (f.id, g.id) and out[2].title == "t"


def test_write_report_picks_the_format_from_the_suffix(tmp_path: Path) -> None:
    f = Finding("trend", "t", "s")
    assert (
        report.write_report([f], tmp_path / "r.html", title="T")
        .read_bytes()
        .startswith(b"<!DOCTYPE html>")
    )
    assert report.write_report([f], tmp_path / "r.pptx", title="T").read_bytes()[:2] == b"PK"
    with pytest.raises(DataError, match=r"\.html, \.pptx or \.xlsx"):
        report.write_report([f], tmp_path / "r.pdf", title="T")
    with pytest.raises(DataError, match="does not exist"):
        report.write_report([f], tmp_path / "nope" / "r.html", title="T")


# ----------------------------------------------------------------------------- weekly report
def test_resolve_week_picks_the_last_complete_monday_to_sunday_week() -> None:
    def ds(last: str) -> Dataset:
        t = pd.date_range("2026-06-01 09:00", last, freq="D")
        return Dataset.from_frame("x", pd.DataFrame({"contact_id": range(len(t)), "start_time": t}))

    import datetime as dt

    # 2026-07-05 is a Sunday: its week is complete
    assert report.resolve_week(ds("2026-07-05 10:00")).start == dt.date(2026, 6, 29)
    # Saturday 2026-07-04: that week is not complete, report the one before
    week = report.resolve_week(ds("2026-07-04 10:00"))
    assert (week.start, week.end) == (dt.date(2026, 6, 22), dt.date(2026, 6, 28))
    assert report.resolve_week(ds("2026-07-04"), {"week": "2026-06-10"}).start == dt.date(
        2026, 6, 8
    )
    with pytest.raises(AnalysisError, match="two complete weeks"):
        report.resolve_week(ds("2026-06-08 10:00"))


def test_weekly_report_config_errors_are_one_sentence(sample: Dataset) -> None:
    pytest.importorskip("kpi.engine")
    with pytest.raises(DataError, match="Unknown KPI"):
        report.weekly_report(sample, {"kpis": ["csat", "happiness"]})
    with pytest.raises(DataError, match="Unknown trigger"):
        report.weekly_report(sample, {"triggers": {"csat_sideways": 1}})
    with pytest.raises(DataError, match="Unknown report setting"):
        report.weekly_report(sample, {"kpi": ["csat"]})
    with pytest.raises(DataError, match="does not have"):
        report.weekly_report(sample, {"segment": {"region": "EU"}})


def _week_rows(frame: pd.DataFrame, start: str) -> pd.DataFrame:
    t = frame["start_time"]
    lo = pd.Timestamp(start)
    return frame[(t >= lo) & (t < lo + pd.Timedelta(days=7))]


def test_weekly_report_values_match_hand_counts(sample: Dataset) -> None:
    pytest.importorskip("kpi.engine")
    findings = report.weekly_report(sample)
    assert [f.kind for f in findings[:2]] == ["kpi_cards", "table"]
    assert all(f.kind == "trend" for f in findings[2:])
    cards = findings[0].table.set_index("kpi")
    # the sample ends on Sunday 2026-07-05, so the last complete week starts Monday 29 June
    assert findings[0].title == "KPIs for the week of 29 Jun 2026"
    this, prev = (_week_rows(sample.frame, d) for d in ("2026-06-29", "2026-06-22"))
    assert cards.loc["contacts", "this_week"] == len(this)
    assert cards.loc["contacts", "previous_week"] == len(prev)
    # CSAT (mean) = sum of scores / responses over the week, not a mean of daily means
    assert cards.loc["csat", "this_week"] == pytest.approx(this["csat"].mean(), rel=1e-12)
    nps = this["nps"].dropna()
    hand_nps = 100 * ((nps >= 9).mean() - (nps <= 6).mean())
    assert cards.loc["nps", "this_week"] == pytest.approx(hand_nps, rel=1e-9)

    # day-level test: daily mean CSAT paired by weekday (scipy.stats.ttest_rel), then Holm
    # over the KPIs tested (statsmodels multipletests(method="holm"))
    from scipy import stats
    from statsmodels.stats.multitest import multipletests

    def daily_csat(rows: pd.DataFrame) -> pd.Series:
        return rows.groupby(rows["start_time"].dt.day_of_week)["csat"].mean()

    expected_p = stats.ttest_rel(daily_csat(this), daily_csat(prev)).pvalue
    assert cards.loc["csat", "p_value"] == pytest.approx(expected_p, rel=1e-9)
    holm = multipletests(cards["p_value"].to_numpy(dtype=float), method="holm")[1]
    np.testing.assert_allclose(cards["p_adj"].to_numpy(dtype=float), holm, rtol=1e-12)

    alerts = findings[1].table.set_index("trigger")
    assert bool(alerts.loc["csat_below", "fired"]) == (this["csat"].mean() < 4.0)
    assert alerts.loc["abandonment_rate_above", "threshold"] == 0.08
    fired = list(alerts.index[alerts["fired"].astype(bool)])
    assert findings[1].title.startswith(f"Alerts: {len(fired)} trigger")


def test_weekly_report_catches_the_planted_aht_target(sample: Dataset) -> None:
    pytest.importorskip("kpi.engine")
    truth = next(e for e in sample.truth["effects"] if e["id"] == "aht_target")
    findings = report.weekly_report(
        sample, {"segment": {"queue": truth["queue"]}, "week": truth["date"]}
    )
    cards = findings[0].table.set_index("kpi")
    # planted: handle time cut ~25%, resolution and CSAT fall (kpi.simulate, truth.json)
    for kpi in ("aht", "fcr", "csat"):
        assert cards.loc[kpi, "change"] < 0
        assert cards.loc[kpi, "significant"], kpi
    assert cards.loc["aht", "this_week"] / cards.loc["aht", "previous_week"] < 0.8
    assert not cards.loc["abandonment_rate", "significant"]  # access was not touched
    titles = [f.title for f in findings[2:]]
    assert "Average handle time fell this week" in titles
    aht = next(f for f in findings if f.title == "Average handle time fell this week")
    assert aht.chart is not None and "an improvement" in aht.sentence
    fcr = next(f for f in findings if f.title.startswith("First contact resolution"))
    assert "a deterioration" in fcr.sentence
    alerts = findings[1].table.set_index("trigger")
    assert bool(alerts.loc["fcr_below", "fired"])  # ~58% after the target, under 70%
    scope = findings[0].scope
    assert "queue = Tech Support" in scope and "week of 23 Mar 2026" in scope
    segment = _week_rows(sample.frame, truth["date"])
    assert cards.loc["contacts", "this_week"] == int((segment["queue"] == "Tech Support").sum())


def test_weekly_report_config_overrides(sample: Dataset) -> None:
    pytest.importorskip("kpi.engine")
    config = {
        "kpis": ["abandonment_rate", "csat"],
        "targets": {"csat": 3.5},
        "triggers": {"csat_below": 3.5, "fcr_below": None, "abandonment_rate_above": 4},
    }
    findings = report.weekly_report(sample, config)
    cards = findings[0].table.set_index("kpi")
    assert list(cards.index) == ["abandonment_rate", "csat"]
    assert cards.loc["csat", "target"] == 3.5 and bool(cards.loc["csat", "on_target"])
    alerts = findings[1].table.set_index("trigger")
    assert list(alerts.index) == ["csat_below", "abandonment_rate_above", "nps_drop"]
    assert alerts.loc["abandonment_rate_above", "threshold"] == 0.04  # "4" read as 4%
    assert not alerts.loc["csat_below", "fired"]  # the week's CSAT is ~3.86 > 3.5
    rate = cards.loc["abandonment_rate", "this_week"]
    assert bool(alerts.loc["abandonment_rate_above", "fired"]) == (rate > 0.04)


def test_cli_report_writes_each_format(
    sample: Dataset, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("kpi.engine")
    pytest.importorskip("kpi.ingest")
    from kpi.cli import main

    recent = sample.frame[sample.frame["start_time"] >= "2026-06-15"]
    source = tmp_path / "contacts.parquet"
    recent.to_parquet(source)
    config = tmp_path / "report.json"
    config.write_text(
        json.dumps({"title": "Ops weekly", "kpis": ["contacts", "csat"], "triggers": {}})
    )
    out = tmp_path / "week.html"
    assert main(["report", str(source), "--config", str(config), "--out", str(out), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed[0]["title"] == "KPIs for the week of 29 Jun 2026"
    page = out.read_text(encoding="utf-8")
    assert "<title>Ops weekly</title>" in page and printed[0]["sentence"] in page

    xlsx = tmp_path / "week.xlsx"
    assert main(["report", str(source), "--config", str(config), "--out", str(xlsx)]) == 0
    sheets = pd.read_excel(xlsx, sheet_name=None)
    assert list(sheets)[:2] == ["Findings", "KPI table"]
    daily = sheets["KPI table"]
    assert set(daily["kpi"]) == {"contacts", "csat"} and len(daily) == 2 * 14

    pptx = tmp_path / "week.pptx"
    assert main(["report", str(source), "--out", str(pptx)]) == 0
    from pptx import Presentation

    assert len(Presentation(str(pptx)).slides) >= 3

    assert main(["report", str(source), "--out", str(tmp_path / "week.pdf")]) == 2
    assert ".html, .pptx or .xlsx" in capsys.readouterr().err
    config.write_text("{not json")
    assert main(["report", str(source), "--config", str(config), "--out", str(out)]) == 2
    assert "not valid JSON" in capsys.readouterr().err


def test_hostile_topic_names_from_the_engine_export_inert(sample: Dataset) -> None:
    engine = pytest.importorskip("kpi.engine")
    import openpyxl

    frame = sample.frame[sample.frame["start_time"] >= "2026-06-15"]
    topic = frame["topic"].replace({"Dispute": HOSTILE_SCRIPT, "Order": HOSTILE_FORMULA})
    hostile_ds = Dataset.from_frame("evil.csv", frame.assign(topic=topic))
    table = engine.compute(hostile_ds, kpis=["csat"], grain="all", by=["topic"]).frame
    table = table[["topic", "value", "numerator", "denominator"]].reset_index(drop=True)
    assert {HOSTILE_SCRIPT, HOSTILE_FORMULA} <= set(table["topic"])
    chart = alt.Chart(table).mark_bar().encode(x="topic:N", y="value:Q").to_dict()
    weekly = report.weekly_report(hostile_ds, {"segment": {"topic": HOSTILE_SCRIPT}})
    assert HOSTILE_SCRIPT in weekly[0].scope
    findings = [
        Finding("breakdown", "CSAT by topic", "See the topics.", (), "evil.csv", chart, table),
        *weekly,
    ]
    page = report.to_html(findings, title="Hostile")
    assert "<script" not in page.lower() and not _REMOTE.search(page)
    assert page.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 2  # table and scope, escaped
    book = openpyxl.load_workbook(io.BytesIO(report.to_xlsx(findings)))
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    topics = [c.value for c in book.worksheets[1]["A"][1:]]
    assert "'" + HOSTILE_FORMULA in topics and HOSTILE_FORMULA not in topics
    assert report.to_pptx(findings, title="Hostile")


def test_container_width_charts_render_at_the_export_width() -> None:
    # A page chart sized "container" (as kpi.charts builds them) must not shrink to vl-convert's
    # 300 px default in a file: it gets EXPORT_WIDTH (760 px) of plot, so the PNG at scale 1 is
    # wider than 760 px (plot + axis labels).
    import altair as alt

    from kpi.report.export import EXPORT_WIDTH, fixed_width

    frame = pd.DataFrame({"x": [1, 2, 3], "y": [3, 1, 2]})
    spec = alt.Chart(frame).mark_line().encode(x="x", y="y").properties(width="container").to_dict()
    assert fixed_width({"layer": [spec]})["layer"][0]["width"] == EXPORT_WIDTH
    png = report.chart_png(spec, scale=1)
    width, _height = report.png_size(png)
    assert width > EXPORT_WIDTH


def test_a_pinned_signal_exports_with_its_label_numbers_and_chart() -> None:
    from kpi.analysis import overview as ov
    from kpi.charts.trends import cards_chart
    from kpi.engine import compute

    sample = load_sample()
    weekly = compute(sample, grain="week", by=("queue",))
    sig = next(
        s for s in ov.detect_signals(weekly, segment_column="queue") if s.kind == "rushed_calls"
    )
    rows = weekly.frame.loc[weekly.frame["queue"] == "Tech Support"].drop(columns=["queue"])
    finding = Finding(
        kind="signal",
        title=f"Conflicting signal — {sig.segment}",
        sentence=sig.sentence,
        numbers=ov.signal_numbers(sig),
        chart=cards_chart(rows, ov.signal_kpis(sig), columns=3).to_dict(),
    )
    html = report.to_html([finding], title="Weekly review")
    assert "Conflicting signal" in html and "8.6 min → 6.4 min" in html
    assert html.count("<img") + html.count("<svg") >= 1
    deck = report.to_pptx([finding], title="Weekly review")
    with zipfile.ZipFile(io.BytesIO(deck)) as z:
        slides = " ".join(
            z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("ppt/slides/slide")
        )
        assert "8.6 min → 6.4 min" in slides
        assert any(n.startswith("ppt/media/") for n in z.namelist())


def test_weekly_report_and_overview_count_met_targets_the_same_way(sample: Dataset) -> None:
    # issue 18 item 6: the report said "0 of 6 KPIs met target" where the Overview said "1 of 6"
    # (the report's KPI list had ASA, the Overview's cards CES). One KPI list, one rule.
    pytest.importorskip("kpi.engine")
    from kpi import engine
    from kpi.analysis import overview as ov
    from kpi.metrics import Settings

    findings = report.weekly_report(sample)
    cards_table = findings[0].table.set_index("kpi")
    week = pd.Timestamp("2026-06-29")
    weekly = engine.compute(sample, kpis=list(ov.DEFAULT_CARD_KPIS), grain="week")
    cards = ov.kpi_cards(
        weekly, ov.DEFAULT_CARD_KPIS, data_end=sample.date_range[1], settings=Settings()
    )
    assert {c.period for c in cards} == {week}
    met, rated = ov.targets_met(c.meets_target for c in cards)
    # on the sample only CES meets its target (2.81 <= 3.0); CSAT, NPS, FCR, abandonment and
    # service level miss theirs, AHT has no default target
    assert (met, rated) == (1, 6)
    assert f"{met} of {rated} KPIs with a target met it" in findings[0].sentence
    assert ov.cards_reading(cards).startswith(f"{met} of {rated} KPIs with a target meet it")
    for c in cards:  # the same values and verdicts, KPI by KPI
        assert cards_table.loc[c.kpi, "this_week"] == pytest.approx(c.value, rel=1e-9)
        on_target = cards_table.loc[c.kpi, "on_target"]
        assert (None if pd.isna(on_target) else bool(on_target)) == c.meets_target


def test_weekly_report_triggers_are_the_overviews() -> None:
    from kpi.analysis import overview as ov
    from kpi.report.weekly import DEFAULT_TRIGGERS

    ops = {"<": "below", ">": "above", "drop": "drop", "rise": "rise"}
    assert {f"{t.kpi}_{ops[t.op]}": t.threshold for t in ov.DEFAULT_TRIGGERS} == DEFAULT_TRIGGERS
    # KPI_REFERENCE.md: CSAT < 4.0, FCR < 70%, abandonment > 8%, NPS down 10+ points
    assert DEFAULT_TRIGGERS == {
        "fcr_below": 0.70,
        "abandonment_rate_above": 0.08,
        "csat_below": 4.0,
        "nps_drop": 10.0,
    }
    assert ov.default_red_lines(["csat", "fcr", "abandonment_rate", "aht"]) == {
        "csat": 4.0,
        "fcr": 0.70,
        "abandonment_rate": 0.08,
    }


def test_a_slide_whose_chart_cannot_render_gives_the_text_the_full_width() -> None:
    from pptx import Presentation
    from pptx.util import Inches

    from kpi.report import slides

    assert report.to_pptx is slides.to_pptx  # the deck is built by kpi.report.slides
    broken = {"mark": "nonsense", "data": {"values": [{"a": 1}]}}
    findings = [
        Finding("trend", "Broken chart", "It fell.", (("AHT", "6.2 min"),), "Sample", broken),
        Finding("trend", "No chart", "It rose.", note="ask the team lead"),
    ]
    deck = Presentation(io.BytesIO(report.to_pptx(findings, title="T", subtitle="S")))
    first, second = list(deck.slides)[1:]
    boxes = [s for s in first.shapes if s.has_text_frame and s != first.shapes.title]
    body = next(s for s in boxes if "It fell." in s.text_frame.text)
    assert body.left == Inches(0.5) and body.width == Inches(13.333) - 2 * Inches(0.5)
    assert "(The chart could not be rendered.)" in body.text_frame.text
    assert "AHT: 6.2 min" in body.text_frame.text
    texts = [s.text_frame.text for s in boxes]
    assert "Sample" in texts and "1 / 2" in texts
    # No chart at all: no "could not be rendered" line; the note is on the slide and in the notes.
    body2 = "\n".join(s.text_frame.text for s in second.shapes if s.has_text_frame)
    assert "could not be rendered" not in body2 and "Note: ask the team lead" in body2
    assert second.notes_slide.notes_text_frame.text == "It rose.\n\nask the team lead"
    assert slides.default_subtitle(1).startswith("1 finding · generated ")


def test_every_finding_kind_has_an_export_label() -> None:
    # A new kind of finding must be named in the exports, not shown as its code.
    from typing import get_args

    from kpi.findings import FindingKind
    from kpi.report.export import KIND_LABELS

    assert set(KIND_LABELS) == set(get_args(FindingKind))


def test_every_chart_builder_named_in_kpi_charts_loads() -> None:
    # kpi.charts loads its modules on first use; each public name must resolve.
    import kpi.charts

    for name in kpi.charts.__all__:
        assert getattr(kpi.charts, name) is not None, name

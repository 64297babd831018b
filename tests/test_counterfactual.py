"""Tests of the counterfactual from several comparison series, and of every grain (day to year)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from kpi.analysis import impact
from kpi.analysis.impact.counterfactual import project
from kpi.charts.impact import counterfactual_chart
from kpi.errors import AnalysisError

ROOT = Path(__file__).resolve().parents[1]
STATS = ROOT.parent / "shared" / "data" / "stats"


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"public dataset not found at {path} (../shared is test data only)")
    return path


def ar1(rng: np.random.Generator, phi: float, n: int) -> np.ndarray:
    e = np.empty(n)
    e[0] = rng.normal() / math.sqrt(1 - phi * phi)
    for t in range(1, n):
        e[t] = phi * e[t - 1] + rng.normal()
    return e


def panel(
    rng: np.random.Generator,
    index: pd.DatetimeIndex,
    change: pd.Timestamp,
    *,
    k: int = 3,
    shift: float = 0.0,
    season: np.ndarray | None = None,
    phi: float = 0.3,
) -> tuple[pd.Series, pd.DataFrame]:
    """Treated and k comparison series sharing a common factor (and a season)."""
    n = len(index)
    common = 3.0 * ar1(rng, phi, n)
    base = 50.0 + common + (season if season is not None else 0.0)
    y = base + ar1(rng, phi, n)
    y[np.asarray(index >= change)] += shift
    ctl = {f"queue={q}": base * (1 + 0.1 * j) + ar1(rng, phi, n) for j, q in enumerate("ABCDE"[:k])}
    return pd.Series(y, index=index), pd.DataFrame(ctl, index=index)


# --------------------------------------------------------------------------------------------
# Reference: R CausalImpact's standard example
# --------------------------------------------------------------------------------------------


def test_google_causalimpact_example() -> None:
    data = pd.read_csv(
        need(STATS / "causalimpact_google_data.csv"), parse_dates=["date"]
    ).set_index("date")
    r = impact.interrupted_time_series(data["y"], "2020-03-02", controls=data[["x1", "x2"]])
    # R: CausalImpact(data, pre.period = c(1, 61), post.period = c(62, 91)) (README of
    # ../shared/data/stats): average effect 27 (95% CI 18-36), cumulative 804 (539-1073),
    # relative 21% (14%-28%), p = 0.001. Ours (AR(1) errors, coefficient uncertainty, day of
    # week) is within a unit on the effect, significant, with a wider interval.
    assert r.method == "counterfactual_ar1"
    assert r.effect == pytest.approx(27, abs=3)
    assert r.ci_low > 0 and r.ci_low < 18 and r.ci_high > 36
    assert r.p_value < 0.01
    assert r.cumulative == pytest.approx(804, abs=90)
    assert r.cumulative_low < 804 < r.cumulative_high
    assert r.relative_effect == pytest.approx(0.21, abs=0.02)
    assert r.value_before == pytest.approx(129, abs=3)  # R: prediction 129 (120-138)
    assert r.value_after == pytest.approx(156, abs=0.5)  # R: actual 156
    assert r.n_before == 61 and r.n_after == 30 and r.grain == "day"
    assert r.value_after - r.value_before == pytest.approx(r.effect)
    after = r.fitted[r.fitted.period == "after"]
    assert (after.observed - after.counterfactual).sum() == pytest.approx(r.cumulative)
    assert after.cumulative.iloc[-1] == pytest.approx(r.cumulative)
    # Null case: a placebo date inside the pre-period (nothing happened on 10 Feb 2020).
    pre = data[data.index < "2020-03-02"]
    placebo = impact.interrupted_time_series(pre["y"], "2020-02-10", controls=pre[["x1", "x2"]])
    assert placebo.p_value > 0.5 and placebo.ci_low < 0 < placebo.ci_high


def test_projection_covariance_is_exact_for_known_ar1() -> None:
    # Hand check of the projection error covariance: with phi = 0.5 and sigma2 = 1, the AR(1)
    # forecast errors at h = 1, 2 have variances 1 and 1 + 0.25 and covariance 0.5 (plus the
    # coefficients' share, which vanishes as the pre-period grows).
    rng = np.random.default_rng(3)
    n = 4000
    e = ar1(rng, 0.5, n + 2)
    x = np.column_stack([np.ones(n + 2)])
    proj = project(5.0 + e, x, n)
    np.testing.assert_allclose(proj.post_cov, [[1.0, 0.5], [0.5, 1.25]], atol=0.08)
    assert proj.phi == pytest.approx(0.5, abs=0.05)


# --------------------------------------------------------------------------------------------
# Sample data: the planted Billing IVR effect with Sales and General as comparison series
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample():  # type: ignore[no-untyped-def]
    from kpi import engine
    from kpi.dataset import load_sample

    ds = load_sample()
    if not ds.truth:
        pytest.skip("sample truth.json not available")
    ivr = next(e for e in ds.truth["effects"] if e["id"] == "ivr")
    table = engine.compute(
        ds, kpis=["abandonment_rate"], grain="day", by=["queue"], filters={"channel": ["phone"]}
    )
    return table, ivr


def test_sample_ivr_recovered_with_sales_and_general(sample) -> None:  # type: ignore[no-untyped-def]
    table, ivr = sample
    r = impact.its_from_table(
        table,
        "abandonment_rate",
        ivr["date"],
        segment={"queue": ivr["queue"]},
        controls=[{"queue": q} for q in ivr["control_queues"]],  # Sales, General
    )
    assert isinstance(r, impact.CounterfactualResult)
    assert r.ci_low < ivr["effect"] < r.ci_high  # planted -0.064
    assert r.p_value < 0.001
    assert r.controls == ("queue=Sales", "queue=General")
    assert all(p > 0.05 for p in r.control_shift_p)  # neither comparison queue moved
    assert not any("itself shifted" in w for w in r.warnings)
    assert r.summary.startswith("Abandonment rate in Billing was ")
    assert "expected" in r.summary and "without the change" in r.summary
    assert " from " not in r.summary and "per day" in r.summary
    assert "Sales and General" in r.fit_summary and "R²" in r.fit_summary
    labels = dict(r.key_numbers())
    assert labels["Expected without the change"].endswith("%")
    assert r.contacts_after > 10_000


def test_cli_controls_json(capsys: pytest.CaptureFixture[str]) -> None:
    from kpi.cli import main
    from kpi.dataset import SAMPLE_DIR

    path = SAMPLE_DIR / "contacts.parquet"
    if not path.exists():
        pytest.skip("sample_data/contacts.parquet not generated yet")
    args = ["impact", str(path), "--kpi", "abandonment_rate", "--change", "2026-04-27"]
    args += ["--segment", "queue=Billing", "--controls", "queue=Sales,queue=General"]
    assert main([*args, "--where", "channel=phone", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["method"] == "counterfactual_ar1"
    assert out["controls"] == ["queue=Sales", "queue=General"]
    assert out["ci_low"] < -0.064 < out["ci_high"]
    for key in ("cumulative", "cumulative_low", "cumulative_high", "fit_r2", "relative_effect"):
        assert isinstance(out[key], float)
    assert main([*args[:-2], "--segment", "queue=Billing", "--controls", "channel=email"]) == 2
    assert "same column" in capsys.readouterr().err


# --------------------------------------------------------------------------------------------
# Grains: monthly, weekly, yearly
# --------------------------------------------------------------------------------------------


def test_monthly_report_gives_a_verdict_in_months_with_month_of_year_season() -> None:
    rng = np.random.default_rng(7)
    index = pd.date_range("2022-01-01", periods=48, freq="MS")
    change = pd.Timestamp("2025-01-01")
    season = 4.0 * np.sin(2 * np.pi * (index.month.to_numpy() - 1) / 12)
    y, ctl = panel(rng, index, change, k=2, shift=-4.0, season=season)
    r = impact.interrupted_time_series(y, change, controls=ctl, kpi="contacts")
    assert r.grain == "month" and r.seasonality == "month of year"
    assert (r.n_before, r.n_after) == (36, 12)
    assert r.ci_low < -4.0 < r.ci_high and r.p_value < 0.01
    assert "per month" in r.summary and "day" not in r.summary
    assert "36 months before" in r.fit_summary
    # Under two years of months there is no month-of-year term (11 dummies on 12 points).
    short = impact.interrupted_time_series(y.iloc[:20], "2023-03-01", controls=ctl.iloc[:20])
    assert short.seasonality == "" and short.n_after == 6
    assert any(w.startswith("Only 6 months after the change") for w in short.warnings)
    with pytest.raises(AnalysisError, match="Only 4 months of .* after 2023-05-01"):
        impact.interrupted_time_series(y.iloc[:20], "2023-05-01", controls=ctl.iloc[:20])


def test_monthly_its_without_controls_removes_month_of_year() -> None:
    rng = np.random.default_rng(8)
    index = pd.date_range("2021-01-01", periods=48, freq="MS")
    season = 10.0 * (index.month.to_numpy() == 12)  # December peak
    y = pd.Series(100 + season + ar1(rng, 0.3, 48), index=index)
    y[index >= "2024-01-01"] += 5.0
    r = impact.interrupted_time_series(y, "2024-01-01")
    assert r.grain == "month" and r.ci_low < 5.0 < r.ci_high
    assert "Only 12 months" not in " ".join(r.warnings)  # 12 is enough for a monthly post period
    x, names, _ = impact.segmented.design(
        pd.DatetimeIndex(index), pd.Timestamp("2024-01-01"), trend=True, slope_change=False,
        weekly=True,
    )  # fmt: skip
    assert [n for n in names if n.startswith("season")] == [f"season_{m}" for m in range(2, 13)]
    power = impact.minimum_detectable_effect(y, "2024-01-01")
    assert "36 months before and 12 months after" in power.summary


def test_weekly_series_speak_in_weeks() -> None:
    rng = np.random.default_rng(9)
    index = pd.date_range("2025-01-06", periods=50, freq="W-MON")
    change = index[40]
    y, ctl = panel(rng, index, change, k=3, shift=6.0)
    r = impact.interrupted_time_series(y, change, controls=ctl)
    assert r.grain == "week" and r.seasonality == ""
    assert r.ci_low < 6.0 < r.ci_high
    assert "per week" in r.summary
    assert any(w.startswith("Only 10 weeks after the change") for w in r.warnings)
    with pytest.raises(AnalysisError, match="Only 5 weeks"):
        impact.interrupted_time_series(y, index[45], controls=ctl)


def test_nile_yearly_its_speaks_in_years() -> None:
    n = pd.read_csv(need(STATS / "nile_annual_flow_1871_1970.csv"))
    y = pd.Series(n.volume.to_numpy(float), index=pd.to_datetime(n.year.astype(str) + "-01-01"))
    r = impact.interrupted_time_series(y, "1899-01-01", trend=False)
    # Known drop after 1898 (Aswan dam): observed means 1097.75 -> 849.97 (strucchange).
    assert r.grain == "year"
    assert r.effect == pytest.approx(849.97 - 1097.75, abs=60) and r.p_value < 0.01
    assert "days" not in r.summary + " ".join(r.warnings)


# --------------------------------------------------------------------------------------------
# Null case, comparison series that moved, bad input, presentation
# --------------------------------------------------------------------------------------------


def test_null_case_is_not_significant_and_a_touched_control_is_flagged() -> None:
    rng = np.random.default_rng(10)
    index = pd.date_range("2026-01-05", periods=140, freq="D")
    change = index[84]
    y, ctl = panel(rng, index, change, k=3)
    r = impact.interrupted_time_series(y, change, controls=ctl)
    assert r.p_value > 0.05 and r.ci_low < 0 < r.ci_high
    assert r.summary.split(";")[-1].strip().startswith("a change this size could well be noise")
    touched = ctl.copy()
    touched.loc[touched.index >= change, "queue=B"] += 8.0
    r2 = impact.interrupted_time_series(y, change, controls=touched)
    assert any(w.startswith("The comparison series B itself shifted") for w in r2.warnings)
    assert r2.control_shift_p[1] < 0.001


def test_poor_pre_period_fit_is_warned() -> None:
    rng = np.random.default_rng(11)
    index = pd.date_range("2026-01-05", periods=140, freq="D")
    y = pd.Series(rng.normal(size=140), index=index)
    ctl = pd.DataFrame({"queue=Z": rng.normal(size=140)}, index=index)
    r = impact.interrupted_time_series(y, index[84], controls=ctl)
    assert r.fit_r2 < 0.25
    assert any("tracked the KPI poorly" in w for w in r.warnings)


def test_counterfactual_bad_input() -> None:
    index = pd.date_range("2026-01-05", periods=60, freq="D")
    y, ctl = panel(np.random.default_rng(12), index, index[40])
    with pytest.raises(AnalysisError, match="one column per series"):
        impact.interrupted_time_series(y, index[40], controls=pd.DataFrame(index=index))
    with pytest.raises(AnalysisError, match="not both"):
        impact.interrupted_time_series(y, index[40], control=ctl.iloc[:, 0], controls=ctl)
    flat = ctl.assign(**{"queue=A": 1.0})
    with pytest.raises(AnalysisError, match="comparison series queue=A is constant"):
        impact.interrupted_time_series(y, index[40], controls=flat)
    wide = pd.DataFrame({f"c{j}": np.random.default_rng(j).normal(size=60) for j in range(12)})
    wide.index = index
    with pytest.raises(AnalysisError, match="use fewer comparison series"):
        impact.interrupted_time_series(y, index[20], controls=wide)
    with pytest.raises(AnalysisError, match="Unknown counterfactual model"):
        impact.counterfactual_impact(y, index[40], ctl, model="bsts")
    gappy = ctl.copy()
    gappy.iloc[5:8, 0] = np.nan
    r = impact.interrupted_time_series(y, index[40], controls=gappy)
    assert any(w.startswith("3 days without a value") for w in r.warnings)
    assert r.n_before == 37


def test_local_level_model_runs_and_agrees_on_a_clear_effect() -> None:
    rng = np.random.default_rng(13)
    index = pd.date_range("2026-01-05", periods=120, freq="D")
    y, ctl = panel(rng, index, index[80], k=2, shift=-5.0)
    r = impact.counterfactual_impact(y, index[80], ctl, model="local_level")
    assert r.method == "counterfactual_local_level"
    assert r.ci_low < -5.0 < r.ci_high and r.p_value < 0.05


def test_counterfactual_chart_and_side_effects() -> None:
    rng = np.random.default_rng(14)
    index = pd.date_range("2026-01-05", periods=100, freq="D")
    y, ctl = panel(rng, index, index[70], k=2, shift=3.0)
    r = impact.interrupted_time_series(y, index[70], controls=ctl)
    spec = counterfactual_chart(r).to_dict()
    assert len(spec["vconcat"]) == 2 and len(spec["vconcat"][0]["layer"]) == 4
    table = pd.DataFrame(
        {
            "kpi": ["abandonment_rate", "asa", "aht"],
            "value_before": [0.12, 21.0, 300.0],
            "value_after": [0.07, 28.0, 301.0],
            "change": [-0.05, 7.0, 1.0],
            "p_adj": [0.0001, 0.0004, 0.6],
        }
    )
    text = impact.side_effects(table, "abandonment_rate")
    assert "Average speed of answer" in text or "ASA" in text
    assert "+7.0 s" in text and "handle" not in text.lower()
    assert impact.side_effects(table.iloc[[0, 2]], "abandonment_rate") == ""


def test_events_in_other_segments_are_not_warned() -> None:
    from dataclasses import dataclass

    @dataclass
    class Event:
        date: pd.Timestamp
        label: str
        segment: str

    rng = np.random.default_rng(15)
    index = pd.date_range("2026-01-05", periods=140, freq="D")
    y = pd.Series(10 + ar1(rng, 0.3, 140), index=index)
    events = [
        Event(index[30], "AHT target", "queue=Tech Support"),
        Event(index[50], "New routing", ""),
        Event(index[60], "Billing script", "queue = Billing"),
    ]
    r = impact.interrupted_time_series(y, index[84], segment="queue=Billing", events=events)
    text = " ".join(r.warnings)
    assert "AHT target" not in text
    assert "New routing" in text and "Billing script" in text


def test_change_point_table_for_people_has_no_invalid_p() -> None:
    rng = np.random.default_rng(16)
    index = pd.date_range("2026-01-05", periods=140, freq="D")
    y = pd.Series(10 + ar1(rng, 0.3, 140) - 2.0 * (index >= index[84]), index=index)
    cps = impact.change_points(y)
    shown = impact.format_candidates(cps, "value", with_p=False)
    assert "p" not in shown.columns and "significant" not in shown.columns
    assert "95% range of the date" in shown.columns

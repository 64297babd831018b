"""Tests of kpi.analysis.impact: calibration on simulated series, reference cases, sample data, bad input."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy import stats
from statsmodels.stats.proportion import proportions_ztest

from kpi.analysis import impact
from kpi.analysis.impact import segmented as impact_core
from kpi.analysis.impact.models import _argmax_cdf, ar1_covariance_of_beta, argmax_quantile
from kpi.charts.impact import before_after_chart, change_point_chart, did_chart, impact_chart
from kpi.errors import AnalysisError

ROOT = Path(__file__).resolve().parents[1]
STATS = ROOT.parent / "shared" / "data" / "stats"
CALL_CENTER = (
    ROOT.parent / "shared" / "data" / "call_center_daily" / "Call Center Data.sarima_dated.csv"
)
START = pd.Timestamp("2026-01-05")  # a Monday
WEEKLY = np.array([0.0, 0.3, 0.2, 0.1, 0.0, -0.8, -1.0])
CHANGE = START + pd.Timedelta(days=84)


def ar1(rng: np.random.Generator, phi: float, n: int) -> np.ndarray:
    e = np.empty(n)
    e[0] = rng.normal() / math.sqrt(1 - phi * phi)
    for t in range(1, n):
        e[t] = phi * e[t - 1] + rng.normal()
    return e


def series(
    rng: np.random.Generator, phi: float = 0.6, shift: float = 0.0, n: int = 140
) -> pd.Series:
    idx = pd.date_range(START, periods=n, freq="D")
    y = 10.0 + WEEKLY[idx.day_of_week] + ar1(rng, phi, n)
    y[idx >= CHANGE] += shift
    return pd.Series(y, index=idx)


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"public dataset not found at {path}")
    return path


# --------------------------------------------------------------------------------------------
# Calibration (small versions of benchmarks/calibration.py)
# --------------------------------------------------------------------------------------------


def test_its_holds_its_level_where_welch_cries_wolf() -> None:
    # 150 null series, AR(1) phi = 0.6, weekly seasonality, 84 + 56 days. The full benchmark
    # (1000 series) gives 5-7%; with 150 the Monte Carlo margin is about +/-3.5 points.
    rng = np.random.default_rng(11)
    its = welch = 0
    for _ in range(150):
        y = series(rng, phi=0.6)
        its += impact.interrupted_time_series(y, CHANGE).p_value < 0.05
        welch += (
            stats.ttest_ind(y[y.index < CHANGE], y[y.index >= CHANGE], equal_var=False).pvalue
            < 0.05
        )
    assert its / 150 <= 0.10
    assert welch / 150 >= 0.18  # the naive test on the same series: ~28% false alarms


def test_its_power_matches_the_planned_mde() -> None:
    # The MDE from the exact GLS variance of the design (true phi = 0.6, sigma = 1) should be
    # detected about 80% of the time.
    idx = pd.date_range(START, periods=140, freq="D")
    x, names, _ = impact_core.design(idx, CHANGE, trend=True, slope_change=False, weekly=True)
    se = math.sqrt(ar1_covariance_of_beta(x, 0.6, 1.0)[names.index("step"), names.index("step")])
    mde = (stats.t.ppf(0.975, 130) + stats.t.ppf(0.8, 130)) * se
    rng = np.random.default_rng(12)
    hits = sum(
        impact.interrupted_time_series(series(rng, 0.6, shift=mde), CHANGE).p_value < 0.05
        for _ in range(150)
    )
    assert 0.68 <= hits / 150 <= 0.92


def test_ar1_covariance_reduces_to_ols_without_autocorrelation() -> None:
    x = np.column_stack([np.ones(6), np.arange(6.0), [0, 0, 0, 1, 1, 1]])
    np.testing.assert_allclose(ar1_covariance_of_beta(x, 0.0, 2.0), 2.0 * np.linalg.inv(x.T @ x))


def test_day_level_comparison_vs_pooled_z_on_wobbling_rates() -> None:
    # Daily abandonment 8% +/- 1.5 points of day-to-day wobble, 400 weekday / 120 weekend
    # contacts. Pooling contacts in a z-test treats 30,000 calls as independent.
    rng = np.random.default_rng(13)
    idx = pd.date_range(START, periods=140, freq="D")
    ours = pooled = 0
    for _ in range(150):
        offered = rng.poisson(np.where(idx.day_of_week >= 5, 120, 400))
        p = 0.08 + 0.015 * rng.normal(size=140)
        abandoned = rng.binomial(offered, np.clip(p, 0.005, 0.5))
        d = pd.DataFrame(
            {
                "date": idx,
                "numerator": abandoned,
                "denominator": offered,
                "value": abandoned / offered,
            }
        )
        ours += impact.compare_periods(d, CHANGE, kpi="abandonment_rate").p_value < 0.05
        b, a = d[d.date < CHANGE], d[d.date >= CHANGE]
        z = proportions_ztest(
            [b.numerator.sum(), a.numerator.sum()], [b.denominator.sum(), a.denominator.sum()]
        )
        pooled += z[1] < 0.05
    assert ours / 150 <= 0.10
    assert pooled / 150 >= 0.15


# --------------------------------------------------------------------------------------------
# Planted effects, DiD, warnings
# --------------------------------------------------------------------------------------------


def test_planted_step_is_recovered_with_a_consistent_verdict() -> None:
    rng = np.random.default_rng(21)
    y = series(rng, phi=0.3, shift=-2.5)
    r = impact.interrupted_time_series(y, CHANGE.date())
    assert r.ci_low < -2.5 < r.ci_high
    assert r.p_value < 0.001
    assert r.value_after - r.value_before == pytest.approx(r.effect)
    assert r.n_before == 84 and r.n_after == 56
    assert r.method == "its_ar1"
    assert "fell" in r.summary and "very unlikely to be noise" in r.summary
    f = r.fitted
    assert list(f.columns) == [
        "date",
        "observed",
        "fitted",
        "counterfactual",
        "cf_low",
        "cf_high",
        "period",
    ]
    after = f[f.period == "after"]
    assert (after.fitted - after.counterfactual).mean() == pytest.approx(r.effect)
    row = r.to_frame()
    assert row.loc[0, "effect"] == pytest.approx(r.effect) and len(row) == 1


def test_slope_change_effect_is_the_average_post_shift() -> None:
    rng = np.random.default_rng(22)
    idx = pd.date_range(START, periods=140, freq="D")
    weeks = np.asarray((idx - CHANGE) / pd.Timedelta(days=7))
    y = series(rng, phi=0.0) + np.where(idx >= CHANGE, 0.5 * weeks, 0.0)
    r = impact.interrupted_time_series(y, CHANGE, slope_change=True)
    # planted: 0.5 per week over weeks 0..7.86 after the change -> mean 1.96
    assert r.ci_low < 0.5 * weeks[idx >= CHANGE].mean() < r.ci_high


def test_rate_verdict_uses_percent_points_and_pooled_after_value() -> None:
    rng = np.random.default_rng(23)
    idx = pd.date_range(START, periods=140, freq="D")
    rate = pd.Series(0.09 + 0.01 * ar1(rng, 0.3, 140) - 0.03 * (idx >= CHANGE), index=idx)
    weights = pd.Series(np.where(idx.day_of_week >= 5, 100.0, 400.0), index=idx)
    r = impact.interrupted_time_series(
        rate, CHANGE, weights=weights, kpi="abandonment_rate", segment="queue=Billing"
    )
    post = idx >= CHANGE
    assert r.value_after == pytest.approx(np.average(rate[post], weights=weights[post]))
    assert r.contacts_after == pytest.approx(weights[post].sum())
    assert r.summary.startswith("Abandonment rate in Billing fell from")
    assert " pts" in r.summary and "%" in r.summary


def test_did_removes_a_shared_shock_and_flags_it_in_the_control() -> None:
    rng = np.random.default_rng(31)
    shared = pd.Series(
        np.where(pd.date_range(START, periods=140) >= CHANGE, 2.0, 0.0), index=series(rng).index
    )
    treated = series(rng, 0.3, shift=-1.0) + shared
    control = series(rng, 0.3) + shared
    r = impact.interrupted_time_series(
        treated, CHANGE, control=control, control_segment="queue=Sales"
    )
    assert r.method == "did_its_ar1"
    assert r.ci_low < -1.0 < r.ci_high
    assert r.control_p < 0.001 and r.control_effect == pytest.approx(2.0, abs=0.8)
    assert any("control also shifted" in w for w in r.warnings)
    assert {"treated", "control"} <= set(r.fitted.columns)


def test_did_flags_non_parallel_pre_trends() -> None:
    rng = np.random.default_rng(32)
    idx = pd.date_range(START, periods=140, freq="D")
    treated = series(rng, 0.0) + np.arange(140) * 0.03  # diverges from the control
    control = series(rng, 0.0)
    r = impact.interrupted_time_series(treated, CHANGE, control=control)
    assert r.pretrend_p < 0.001
    assert r.pretrend_slope == pytest.approx(0.21, abs=0.05)  # 0.03 per day = 0.21 per week
    assert any("did not move in parallel" in w for w in r.warnings)
    assert len(idx) == 140


def test_warnings_other_events_short_post_and_regression_to_the_mean() -> None:
    rng = np.random.default_rng(41)
    y = series(rng, 0.0, n=84 + 20)
    y[(y.index >= CHANGE - pd.Timedelta(days=14)) & (y.index < CHANGE)] += 2.5  # a bad spell
    y[y.index >= CHANGE] -= 0.0  # nothing really happened
    r = impact.interrupted_time_series(
        y, CHANGE, events=[(START + pd.Timedelta(days=30), "AHT target")]
    )
    text = " ".join(r.warnings)
    assert "Only 20 days after the change" in text
    assert "AHT target, 2026-02-04" in text
    assert "regression to the mean" in text


def test_minimum_detectable_effect_shrinks_with_more_days_and_warns_when_short() -> None:
    rng = np.random.default_rng(51)
    y = series(rng, 0.6, n=84 + 21)
    p = impact.minimum_detectable_effect(y, CHANGE)
    assert p.n_after == 21 and p.n_before == 84
    assert list(p.table.n_after) == [14, 21, 28, 42, 56, 84]
    assert p.table.mde.is_monotonic_decreasing
    assert any("post period is short (21 days)" in w for w in p.warnings)
    assert p.mde == pytest.approx(p.table.set_index("n_after").loc[21, "mde"])
    # the AR(1) model knows neighbouring days carry less information than independent ones
    assert p.phi == pytest.approx(0.6, abs=0.2)


def test_change_points_find_a_planted_daily_shift() -> None:
    rng = np.random.default_rng(61)
    y = series(rng, 0.3, shift=-2.0)
    cp = impact.change_points(y)
    top = cp.candidates.iloc[0]
    assert bool(top.significant)
    assert top.ci_low <= CHANGE <= top.ci_high
    assert abs((top.date - CHANGE).days) <= 3
    assert "chosen in advance" in cp.warnings[0]


def test_change_points_on_noise_report_no_clear_shift() -> None:
    y = series(np.random.default_rng(62), 0.0)
    cp = impact.change_points(y)
    assert not cp.candidates.significant.any()
    assert cp.summary.startswith("No clear shift")


def test_bai_argmax_distribution() -> None:
    # Bai (1997), Table 1: the 97.5% quantile of argmax {W(s) - |s|/2} is 11.03; the CDF is
    # symmetric around 0.
    assert argmax_quantile(0.975) == pytest.approx(11.03, abs=0.01)
    assert _argmax_cdf(0.0) == 0.5
    assert _argmax_cdf(-3.0) == pytest.approx(1 - _argmax_cdf(3.0))


# --------------------------------------------------------------------------------------------
# Reference cases (/work/shared/data/stats/README.md)
# --------------------------------------------------------------------------------------------


def test_sicily_smoking_ban_quasi_poisson_with_harmonics() -> None:
    s = pd.read_csv(need(STATS / "sicily_ace_lopezbernal2017.csv"))
    r = impact.its_counts(
        s.aces, s.smokban == 1, offset=s.stdpop, harmonics=2, period=12, rate_per=1e5
    )
    # Lopez Bernal et al. 2017, model 3 (R glm quasipoisson + harmonic(month, 2, 12)):
    # RR 0.885 (0.839-0.933), dispersion 2.262, p = 6.3e-06
    assert r.rate_ratio == pytest.approx(0.885, abs=5e-4)
    assert r.ci_low == pytest.approx(0.839, abs=5e-4)
    assert r.ci_high == pytest.approx(0.933, abs=5e-4)
    assert r.dispersion == pytest.approx(2.262, abs=5e-4)
    assert r.p_value == pytest.approx(6.3e-6, rel=0.02)
    # The naive comparison points the wrong way: 213.27 -> 220.51 per 100k, p = 0.119
    assert r.naive_before == pytest.approx(213.27, abs=0.01)
    assert r.naive_after == pytest.approx(220.51, abs=0.01)
    assert r.naive_p == pytest.approx(0.119, abs=5e-4)
    assert r.rate_ratio < 1 < r.naive_after / r.naive_before
    assert any("other way" in w for w in r.warnings)


def test_sicily_plain_quasi_poisson() -> None:
    s = pd.read_csv(need(STATS / "sicily_ace_lopezbernal2017.csv"))
    r = impact.its_counts(s.aces, s.smokban == 1, offset=s.stdpop, harmonics=0)
    # README: quasi-Poisson (Pearson chi2/df): 0.894 (0.839-0.953), dispersion 3.559
    assert (r.rate_ratio, r.ci_low, r.ci_high) == pytest.approx((0.894, 0.839, 0.953), abs=6e-4)
    assert r.dispersion == pytest.approx(3.559, abs=5e-4)


def test_nile_change_point_at_1898() -> None:
    n = pd.read_csv(need(STATS / "nile_annual_flow_1871_1970.csv"))
    y = pd.Series(n.volume.to_numpy(float), index=pd.to_datetime(n.year.astype(str) + "-01-01"))
    cp = impact.change_points(y, min_size=5)
    top = cp.candidates.iloc[0]
    # strucchange::breakpoints(Nile ~ 1): break after obs 28 (1898), means 1097.75 -> 849.97
    assert top.last_before.year == 1898
    assert top.mean_before == pytest.approx(1097.75)
    assert top.mean_after == pytest.approx(849.9722, abs=1e-3)
    # strucchange's 95% CI: obs 25-32 (break after 1895..1902). Ours (homogeneous Bai, Newey-West
    # long-run variance) says the new level starts 1895..1903, i.e. break after obs 24..32.
    assert top.ci_low.year == 1895 and top.ci_high.year == 1903
    assert len(cp.candidates[cp.candidates.significant]) == 1


def test_banks_did_2x2_and_regression() -> None:
    b = pd.read_csv(need(STATS / "causalpy_banks.csv"))
    med = b.groupby("year")[["bib6", "bib8"]].median()
    # Angrist & Pischke, Mastering 'Metrics ch. 5: 2x2 on yearly medians 1930 vs 1931 = 19.0
    d = impact.did_2x2(
        b.loc[b.year == 1930, "bib6"], b.loc[b.year == 1931, "bib6"],
        b.loc[b.year == 1930, "bib8"], b.loc[b.year == 1931, "bib8"],
        stat="median",
    )  # fmt: skip
    assert d == pytest.approx(19.0)
    long = pd.concat(
        [
            pd.DataFrame({"year": med.index, "banks": med.bib6.to_numpy(), "treated": 1}),
            pd.DataFrame({"year": med.index, "banks": med.bib8.to_numpy(), "treated": 0}),
        ]
    ).assign(post=lambda f: (f.year >= 1931).astype(int))
    r = impact.did_regression(
        long, outcome="banks", treated="treated", post="post", time="year", use_t=False
    )
    # OLS banks ~ treated*post + year, 1929-1934: 20.75 (13.65-27.85)
    assert r.effect == pytest.approx(20.75)
    assert (r.ci_low, r.ci_high) == pytest.approx((13.65, 27.85), abs=0.01)
    assert r.n == 12


def test_real_data_placebo_rarely_significant() -> None:
    frame = pd.read_csv(need(CALL_CENTER), parse_dates=["Fecha"]).sort_values("Fecha")
    y = pd.Series(
        (frame["Abandoned Calls"] / frame["Incoming Calls"]).to_numpy(float), index=frame["Fecha"]
    )
    rng = np.random.default_rng(71)
    starts = rng.integers(0, len(y) - 140, size=40)
    hits = sum(
        impact.interrupted_time_series(y.iloc[s : s + 140], y.index[s + 84]).p_value < 0.05
        for s in starts
    )
    # benchmark (300 windows): ITS ~6% vs Welch ~45%
    assert hits / len(starts) <= 0.15


# --------------------------------------------------------------------------------------------
# Bad input
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("2027-01-01", "outside the data"),
        (START, "outside the data"),
        (START + pd.Timedelta(days=10), "Only 10 days"),
        (START + pd.Timedelta(days=135), "Only 5 days"),
    ],
)
def test_bad_change_dates_raise_analysis_error(change: object, message: str) -> None:
    y = series(np.random.default_rng(81))
    with pytest.raises(AnalysisError, match=message):
        impact.interrupted_time_series(y, change)


def test_no_data_in_one_period_and_constant_series() -> None:
    y = series(np.random.default_rng(82))
    y[y.index >= CHANGE] = np.nan
    with pytest.raises(AnalysisError, match="outside the data|no data after"):
        impact.interrupted_time_series(y, CHANGE)
    daily = pd.DataFrame({"date": y.index, "value": y.to_numpy()})
    with pytest.raises(AnalysisError, match="no data after"):
        impact.compare_periods(daily, CHANGE, before=None, after=None)
    with pytest.raises(AnalysisError, match="no data after"):
        impact.compare_periods(
            daily,
            before=(START, CHANGE - pd.Timedelta(days=1)),
            after=(CHANGE, CHANGE + pd.Timedelta(days=30)),
        )
    flat = pd.Series(0.05, index=pd.date_range(START, periods=140))
    with pytest.raises(AnalysisError, match="constant"):
        impact.interrupted_time_series(flat, CHANGE)
    with pytest.raises(AnalysisError, match="constant"):
        impact.change_points(flat)
    with pytest.raises(AnalysisError, match="not a date"):
        impact.interrupted_time_series(series(np.random.default_rng(83)), "next tuesday")


# --------------------------------------------------------------------------------------------
# Sample data (kpi.simulate's planted IVR effect), CLI, charts
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_table():  # type: ignore[no-untyped-def]
    from kpi import engine
    from kpi.dataset import load_sample

    ds = load_sample()
    if not ds.truth:
        pytest.skip("sample truth.json not available")
    ivr = next(e for e in ds.truth["effects"] if e["id"] == "ivr")
    table = engine.compute(
        ds,
        kpis=["abandonment_rate", "aht"],
        grain="day",
        by=["queue"],
        filters={"channel": [ivr["channel"]]},
    )
    return table, ivr


def test_sample_ivr_effect_found_in_billing(sample_table) -> None:  # type: ignore[no-untyped-def]
    table, ivr = sample_table
    r = impact.its_from_table(
        table, "abandonment_rate", ivr["date"], segment={"queue": ivr["queue"]}
    )
    assert r.p_value < 0.001
    assert r.ci_low < ivr["effect"] < r.ci_high  # planted -0.064
    assert "fell" in r.summary
    for queue in ivr["control_queues"]:
        c = impact.its_from_table(table, "abandonment_rate", ivr["date"], segment={"queue": queue})
        assert c.p_value > 0.05, queue
    did = impact.its_from_table(
        table,
        "abandonment_rate",
        ivr["date"],
        segment={"queue": ivr["queue"]},
        control={"queue": "Sales"},
    )
    assert did.effect == pytest.approx(ivr["effect"], abs=0.015)
    assert did.pretrend_p > 0.05 and did.control_p > 0.05


def test_sample_before_after_table(sample_table) -> None:  # type: ignore[no-untyped-def]
    table, ivr = sample_table
    t = impact.before_after(
        table, ivr["date"], kpis=["abandonment_rate", "aht", "csat"], segment={"queue": "Billing"}
    )
    assert list(t.kpi) == ["abandonment_rate", "aht", "csat"]
    ab = t.set_index("kpi").loc["abandonment_rate"]
    # truth.json: realised Billing phone abandonment before / after the IVR
    assert ab.value_before == pytest.approx(ivr["before"], abs=1e-5)
    assert ab.value_after == pytest.approx(ivr["after"], abs=1e-5)
    assert ab.ci_low < ab.change < ab.ci_high < 0 and ab.p_adj < 0.001
    assert ab.contacts_before > 10_000 and ab.days_before == 112
    assert np.isnan(t.set_index("kpi").loc["csat", "change"])  # not in the table: a note instead
    assert "No daily values" in t.set_index("kpi").loc["csat", "note"]
    assert t.set_index("kpi").loc["aht", "p_adj"] >= t.set_index("kpi").loc["aht", "p_value"]


def test_cli_impact_json(capsys: pytest.CaptureFixture[str]) -> None:
    from kpi.cli import main
    from kpi.dataset import SAMPLE_DIR

    path = SAMPLE_DIR / "contacts.parquet"
    if not path.exists():
        pytest.skip("sample_data/contacts.parquet not generated yet")
    truth = json.loads((SAMPLE_DIR / "truth.json").read_text())
    ivr = next(e for e in truth["effects"] if e["id"] == "ivr")
    code = main(
        [
            "impact",
            str(path),
            "--kpi",
            "abandonment_rate",
            "--change",
            ivr["date"],
            "--segment",
            "queue=Billing",
            "--json",
        ]
    )
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    for key in (
        "effect",
        "ci_low",
        "ci_high",
        "p_value",
        "method",
        "summary",
        "warnings",
        "value_before",
        "value_after",
    ):
        assert key in out
    assert out["method"] == "its_ar1" and out["effect"] < 0 and out["p_value"] < 0.001
    assert main(["impact", str(path), "--kpi", "abandonment_rate", "--change", "2030-01-01"]) == 2
    assert "outside the data" in capsys.readouterr().err


def test_charts_render_to_vega_lite() -> None:
    rng = np.random.default_rng(91)
    r = impact.interrupted_time_series(
        series(rng, 0.3, shift=-1.0), CHANGE, control=series(rng, 0.3)
    )
    spec = impact_chart(r).to_dict()
    assert len(spec["layer"]) == 5  # band, points, fitted, counterfactual, change rule
    assert did_chart(r).to_dict()["layer"][0]["encoding"]["color"]["scale"]["domain"] == [
        "treated",
        "control",
    ]
    y = series(rng, 0.3, shift=-2.0)
    cp_spec = change_point_chart(y, impact.change_points(y)).to_dict()
    assert len(cp_spec["layer"]) == 3
    daily = pd.DataFrame(
        {
            "date": y.index,
            "value": y.to_numpy(),
            "kpi": "aht",
            "numerator": y.to_numpy(),
            "denominator": 1.0,
        }
    )
    t = impact.before_after(daily, CHANGE)
    assert before_after_chart(t).to_dict()["layer"][1]["mark"]["type"] == "point"


def test_key_numbers_are_formatted_in_the_kpis_unit() -> None:
    # A rate falls 10 pts on a noise-free weekly pattern: the slide shows %, pts and the CI.
    idx = pd.date_range("2026-01-05", periods=84, freq="D")
    rng = np.random.default_rng(1)
    values = 0.20 + 0.01 * rng.standard_normal(84)
    values[56:] -= 0.10
    res = impact.interrupted_time_series(
        pd.Series(values, index=idx),
        pd.Timestamp("2026-03-02"),
        kpi="abandonment_rate",
        unit="rate",
    )
    numbers = dict(res.key_numbers())
    assert numbers["Before"].endswith("%") and numbers["After"].endswith("%")
    assert (
        numbers["Change (95% CI)"].startswith("\u221210.") and "pts" in numbers["Change (95% CI)"]
    )
    assert numbers["p-value"] == "p < 0.001"


def test_display_formats_for_a_meeting(sample_table) -> None:  # type: ignore[no-untyped-def]
    from kpi.analysis.impact.text import fmt_change, fmt_interval

    assert fmt_change(0.0548, "score") == "+0.05"
    assert fmt_interval(-0.0379, 0.148, "score") == "\u22120.04 to +0.15"
    table, ivr = sample_table
    series, _ = impact.daily_series(table, "abandonment_rate", {"queue": ivr["queue"]})
    cps = impact.change_points(series, kpi="abandonment_rate")
    shown = impact.format_candidates(cps, "rate")
    first = shown.iloc[0]
    # The IVR went live on 27 Apr 2026; the level shift is found within days of it.
    assert first["new level from"].endswith("Apr 2026") and first["shift"].endswith("pts")
    assert first["before"].endswith("%") and first["significant"] == "yes"
    r = impact.its_from_table(table, "abandonment_rate", ivr["date"], segment={"queue": "Billing"})
    spec = impact_chart(r).to_dict()
    assert '"title": "Abandonment rate"' in json.dumps(spec)

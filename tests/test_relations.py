"""Tests of ``kpi.analysis.relations``: guarded correlations, pair explorer, rolling r, agent balance."""

from __future__ import annotations

import importlib.util
import math
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy import stats
from statsmodels.stats.multitest import multipletests

from kpi.analysis import relations as R
from kpi.charts import relations as C
from kpi.errors import AnalysisError

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
DATES = pd.date_range("2026-01-05", periods=182, freq="D")


def _ar1(rng: np.random.Generator, n: int, phi: float) -> np.ndarray:
    out = np.zeros(n)
    e = rng.normal(size=n)
    for i in range(1, n):
        out[i] = phi * out[i - 1] + e[i]
    return out


def _frame(**cols: np.ndarray) -> pd.DataFrame:
    n = len(next(iter(cols.values())))
    return pd.DataFrame({"date": DATES[:n], **cols})


# ---------------------------------------------------------------------------------------------
# Guards off = the textbook statistics
# ---------------------------------------------------------------------------------------------


def test_guards_off_matches_scipy_pearson_and_spearman() -> None:
    rng = np.random.default_rng(1)
    a = rng.normal(size=60)
    b = 0.4 * a + rng.normal(size=60)
    f = _frame(a=a, b=b)
    p = R.correlation_table(f, method="pearson", guards=False).iloc[0]
    ref = stats.pearsonr(a, b)  # scipy.stats.pearsonr(a, b)
    assert p["r"] == pytest.approx(ref.statistic, abs=1e-12)
    assert p["p_value"] == pytest.approx(ref.pvalue, rel=1e-9)
    assert p["n"] == 60 and p["n_eff"] == 60 and p["guards"] == "none (levels)"
    # Fisher z interval by hand: tanh(atanh(r) +- 1.959964 / sqrt(n - 3))
    half = 1.959963984540054 / math.sqrt(57)
    assert p["ci_low"] == pytest.approx(math.tanh(math.atanh(ref.statistic) - half), abs=1e-12)
    assert p["ci_high"] == pytest.approx(math.tanh(math.atanh(ref.statistic) + half), abs=1e-12)
    s = R.correlation_table(f, method="spearman", guards=False).iloc[0]
    ref_s = stats.spearmanr(a, b)  # scipy.stats.spearmanr(a, b): t approximation
    assert s["r"] == pytest.approx(ref_s.statistic, abs=1e-12)
    assert s["p_value"] == pytest.approx(ref_s.pvalue, rel=1e-9)


def test_p_adj_is_benjamini_hochberg_not_holm_sidak() -> None:
    rng = np.random.default_rng(2)
    base = rng.normal(size=40)
    f = _frame(**{f"k{i}": base * (i / 4) + rng.normal(size=40) for i in range(5)})
    t = R.correlation_table(f, method="pearson", guards=False)
    assert len(t) == 10
    p = t["p_value"].to_numpy()
    # BH by hand: p_adj_(i) = min_{j >= i} p_(j) * m / j
    order = np.argsort(p)
    m = len(p)
    bh = np.minimum.accumulate((p[order] * m / np.arange(1, m + 1))[::-1])[::-1]
    expected = np.empty(m)
    expected[order] = np.minimum(bh, 1.0)
    np.testing.assert_allclose(t["p_adj"].to_numpy(), expected, rtol=1e-12)
    holm_sidak = multipletests(p)[1]  # statsmodels' default method
    assert not np.allclose(holm_sidak, expected)
    assert (t["significant"] == (t["p_adj"] < 0.05)).all()


def test_bh_reference_values_from_the_stats_readme() -> None:
    # /work/shared/data/stats/README.md: BH of .01 .02 .03 .04 .05 .20 .50 -> .07 x5, .2333, .50
    p = np.array([0.01, 0.02, 0.03, 0.04, 0.05, 0.20, 0.50])
    got = multipletests(p, method="fdr_bh")[1]
    np.testing.assert_allclose(got, [0.07] * 5 + [0.7 / 3, 0.5], atol=1e-4)


# ---------------------------------------------------------------------------------------------
# The guards matter
# ---------------------------------------------------------------------------------------------


def test_shared_trend_is_flagged_without_guards_and_not_with_them() -> None:
    rng = np.random.default_rng(11)
    t = np.arange(182)
    weekday = np.array([3.0, 2.0, 1.0, 0.0, -1.0, -2.0, -3.0])[DATES.day_of_week]
    contacts = 100 + 0.15 * t + weekday + _ar1(rng, 182, 0.5)
    hold = 30 + 0.05 * t + 0.5 * weekday + _ar1(rng, 182, 0.5)
    f = _frame(contacts=contacts, hold_time=hold)
    off = R.correlation_table(f, guards=False).iloc[0]
    on = R.correlation_table(f, guards=True).iloc[0]
    assert off["r"] > 0.5 and off["p_value"] < 1e-6
    assert abs(on["r"]) < 0.2 and on["p_adj"] > 0.05 and not on["significant"]
    assert "weekday+trend removed" in on["guards"] and "AR(1) prewhitened" in on["guards"]


def test_planted_day_level_link_survives_the_guards() -> None:
    rng = np.random.default_rng(12)
    pressure = _ar1(rng, 182, 0.6)
    t = np.arange(182)
    aht = 500 + 30 * pressure + 0.3 * t + rng.normal(0, 15, 182)
    fcr = 0.75 + 0.02 * pressure - 0.0002 * t + rng.normal(0, 0.01, 182)
    row = R.correlation_table(_frame(aht=aht, fcr=fcr)).iloc[0]
    assert row["r"] > 0.4 and row["p_adj"] < 0.001 and row["significant"]
    assert row["ci_low"] < row["r"] < row["ci_high"]


def test_random_walks_calibration_small() -> None:
    # benchmarks/relations_calibration.py, reduced: 12 families x 10 pairs of random walks.
    spec = importlib.util.spec_from_file_location(
        "relations_calibration", ROOT / "benchmarks" / "relations_calibration.py"
    )
    mod = importlib.util.module_from_spec(spec)
    sys.modules["relations_calibration"] = mod
    spec.loader.exec_module(mod)
    out = mod.run(12, n_days=120, methods=("pearson",), scenarios=("random_walk",), seed=3)
    rate = out.set_index("guards")["false_positive_rate"]
    assert rate["off"] > 0.5  # levels of random walks: most pairs "significant"
    assert rate["on"] <= 0.12  # nominal 5%; 120 pairs -> allow sampling noise


def test_effective_n_by_hand_and_for_persistent_series() -> None:
    x = np.array([1.0, 2.0, 0.0, 3.0, 1.0, 4.0, 2.0, 5.0, 3.0, 6.0, 4.0, 7.0])
    y = np.array([0.0, 1.0, 1.0, 0.0, 2.0, 1.0, 3.0, 2.0, 2.0, 4.0, 3.0, 5.0])
    n, lags = 12, 2  # lags = n // 5

    def acf(v: np.ndarray, k: int) -> float:
        d = v - v.mean()
        return float(np.sum(d[k:] * d[:-k]) / np.sum(d * d))

    s = sum((1 - k / n) * acf(x, k) * acf(y, k) for k in range(1, lags + 1))
    assert R.effective_n(x, y) == pytest.approx(min(n, max(3.0, n / (1 + 2 * s))))
    rng = np.random.default_rng(4)
    a, b = _ar1(rng, 300, 0.9), _ar1(rng, 300, 0.9)
    assert R.effective_n(a, b) < 120  # theory for two AR(0.9): n (1 - .81) / (1 + .81) = 31
    assert R.effective_n(rng.normal(size=300), rng.normal(size=300)) > 250


def test_partial_correlation_controls_for_volume() -> None:
    rng = np.random.default_rng(5)
    vol = rng.normal(size=200)
    x = vol + 0.5 * rng.normal(size=200)
    y = vol + 0.5 * rng.normal(size=200)
    f = pd.DataFrame({"agent": [f"A{i}" for i in range(200)], "x": x, "y": y, "contacts": vol})
    row = R.correlation_table(f, ["x", "y"], method="pearson").iloc[0]
    rxy, rxv, ryv = (np.corrcoef(a, b)[0, 1] for a, b in ((x, y), (x, vol), (y, vol)))
    # textbook first-order partial correlation
    partial = (rxy - rxv * ryv) / math.sqrt((1 - rxv**2) * (1 - ryv**2))
    assert row["r"] == pytest.approx(partial, abs=1e-10)
    assert abs(row["r"]) < 0.2 and rxy > 0.7
    assert "partial on contacts" in row["guards"]
    # df = n - 3 for one control variable (pingouin.partial_corr uses the same)
    tstat = partial * math.sqrt(197 / (1 - partial**2))
    assert row["p_value"] == pytest.approx(2 * stats.t.sf(abs(tstat), 197), rel=1e-9)


def test_volume_weights_give_the_weighted_pearson() -> None:
    rng = np.random.default_rng(6)
    x, y = rng.normal(size=50), rng.normal(size=50)
    wx, wy = rng.integers(10, 1000, 50).astype(float), rng.integers(10, 1000, 50).astype(float)
    f = pd.DataFrame({"queue": [f"q{i}" for i in range(50)], "fcr": x, "csat": y})
    w = pd.DataFrame({"fcr": wx, "csat": wy})
    row = R.correlation_table(f, method="pearson", guards=["volume_weights"], weights=w).iloc[0]
    pw = 1 / (1 / wx + 1 / wy)
    cov = np.cov(x, y, aweights=pw)  # numpy weighted covariance
    assert row["r"] == pytest.approx(cov[0, 1] / math.sqrt(cov[0, 0] * cov[1, 1]), abs=1e-12)
    assert row["n_eff"] == pytest.approx(pw.sum() ** 2 / (pw**2).sum(), rel=1e-9)  # Kish
    assert row["guards"] == "volume-weighted"


def test_few_periods_warning_and_weekdays_filter() -> None:
    rng = np.random.default_rng(7)
    f = _frame(a=rng.normal(size=15), b=rng.normal(size=15))
    row = R.correlation_table(f).iloc[0]
    assert row["n"] == 15 and "fragile" in row["warning"]
    g = _frame(a=rng.normal(size=28), b=rng.normal(size=28))
    row = R.correlation_table(g, weekdays_only=True, guards=False).iloc[0]
    assert row["n"] == 20 and row["filter"].startswith("weekdays only")


def test_user_errors_are_one_sentence() -> None:
    f = _frame(a=np.arange(30.0), b=np.arange(30.0) ** 2)
    with pytest.raises(AnalysisError, match="at least two KPIs"):
        R.correlation_table(f, ["a"])
    with pytest.raises(AnalysisError, match="not in the table"):
        R.correlation_table(f, ["a", "zzz"])
    with pytest.raises(AnalysisError, match="pearson"):
        R.correlation_table(f, method="kendall")  # type: ignore[arg-type]
    with pytest.raises(AnalysisError, match="Unknown guard"):
        R.correlation_table(f, guards=["detrend", "magic"])
    with pytest.raises(AnalysisError, match="empty"):
        R.correlation_table(pd.DataFrame())


# ---------------------------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------------------------

_values = st.lists(
    st.floats(min_value=-1e3, max_value=1e3, allow_nan=False, allow_infinity=False),
    min_size=25,
    max_size=40,
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    a=_values, b=_values, seed=st.integers(0, 2**16), guards=st.booleans(), pearson=st.booleans()
)
def test_properties_symmetric_bounded_order_free(
    a: list[float], b: list[float], seed: int, guards: bool, pearson: bool
) -> None:
    n = min(len(a), len(b))
    f = _frame(a=np.array(a[:n]), b=np.array(b[:n]))
    method = "pearson" if pearson else "spearman"
    ab = R.correlation_table(f, ["a", "b"], method=method, guards=guards).iloc[0]
    ba = R.correlation_table(f, ["b", "a"], method=method, guards=guards).iloc[0]
    shuffled = f.sample(frac=1.0, random_state=seed)
    sh = R.correlation_table(shuffled, ["a", "b"], method=method, guards=guards).iloc[0]
    for row in (ab, ba, sh):
        if math.isfinite(row["r"]):
            assert -1.0 <= row["r"] <= 1.0
            if math.isfinite(row["ci_low"]):
                assert row["ci_low"] - 1e-9 <= row["r"] <= row["ci_high"] + 1e-9
    np.testing.assert_allclose(
        [ab["r"], ab["p_value"]], [ba["r"], ba["p_value"]], rtol=1e-9, atol=1e-12
    )
    np.testing.assert_allclose(
        [ab["r"], ab["p_value"]], [sh["r"], sh["p_value"]], rtol=1e-9, atol=1e-12
    )


# ---------------------------------------------------------------------------------------------
# Pair explorer and rolling correlation
# ---------------------------------------------------------------------------------------------


def test_pair_analysis_points_line_and_summary() -> None:
    rng = np.random.default_rng(8)
    pressure = _ar1(rng, 120, 0.5)
    f = _frame(aht=400 + 20 * pressure + rng.normal(0, 5, 120), fcr=0.7 + 0.01 * pressure)
    res = R.pair_analysis(f, "aht", "fcr", method="pearson")
    table = R.correlation_table(f, method="pearson")
    assert res.r == pytest.approx(table["r"].iloc[0], abs=1e-12)
    assert res.adjusted and len(res.points) == 119  # prewhitening drops the first day
    assert set(res.points.columns) >= {"label", "x", "y", "x_plot", "y_plot", "weight"}
    # the plotted values are the ones correlated
    assert np.corrcoef(res.points["x_plot"], res.points["y_plot"])[0, 1] == pytest.approx(res.r)
    assert res.slope > 0 and len(res.line) == 50
    assert (res.line["fit_low"] <= res.line["fit"]).all() and (
        res.line["fit"] <= res.line["fit_high"]
    ).all()
    assert "rise together" in res.summary and "not proof" in res.summary
    assert res.to_frame().shape == (1, 14)
    raw = R.pair_analysis(f, "aht", "fcr", guards=False)
    assert not raw.adjusted and (raw.points["x_plot"] == raw.points["x"]).all()


def test_pair_analysis_with_agents_as_points() -> None:
    rng = np.random.default_rng(9)
    aht = rng.normal(400, 40, 30)
    f = pd.DataFrame(
        {"agent_id": [f"A{i:03d}" for i in range(30)], "aht": aht, "fcr": 1 - aht / 1000}
    )
    res = R.pair_analysis(f, "aht", "fcr", label="agent_id")
    assert res.r == pytest.approx(-1.0, abs=1e-9)
    assert res.points["label"].tolist()[:2] == ["A000", "A001"]
    assert "points are not periods" in " ".join(res.warnings)


def test_rolling_correlation_sees_a_sign_change() -> None:
    rng = np.random.default_rng(10)
    a = rng.normal(size=182)
    b = np.where(np.arange(182) < 91, a, -a) + 0.3 * rng.normal(size=182)
    roll = R.rolling_correlation(_frame(a=a, b=b), "a", "b", window=28, guards=False)
    assert list(roll.columns) == ["date", "r", "ci_low", "ci_high", "n", "n_eff"]
    assert len(roll) == 182 - 28 + 1
    assert roll["r"].iloc[0] > 0.8 and roll["r"].iloc[-1] < -0.8
    assert (roll["n"] == 28).all()


# ---------------------------------------------------------------------------------------------
# Balance view and shrinkage
# ---------------------------------------------------------------------------------------------


def _agents(rng: np.random.Generator, n_agents: int = 30) -> pd.DataFrame:
    rows = []
    for i in range(n_agents):
        n = int(rng.integers(300, 900))
        p = float(np.clip(rng.normal(0.75, 0.04), 0.5, 0.95))
        k = int(rng.binomial(n, p))
        aht = float(rng.normal(420, 30))
        se = aht / math.sqrt(n)
        rows += [
            {"period": "all", "agent_id": f"A{i:03d}", "kpi": "fcr", "value": k / n,
             "numerator": k, "denominator": n, "ci_low": np.nan, "ci_high": np.nan},
            {"period": "all", "agent_id": f"A{i:03d}", "kpi": "aht", "value": aht,
             "numerator": aht * n, "denominator": n, "ci_low": aht - 1.96 * se,
             "ci_high": aht + 1.96 * se},
        ]  # fmt: skip
    # a 12-contact agent who resolved 3: the worst raw FCR by far
    rows += [
        {"period": "all", "agent_id": "NEW", "kpi": "fcr", "value": 0.25, "numerator": 3,
         "denominator": 12, "ci_low": np.nan, "ci_high": np.nan},
        {"period": "all", "agent_id": "NEW", "kpi": "aht", "value": 300.0, "numerator": 3600.0,
         "denominator": 12, "ci_low": 200.0, "ci_high": 400.0},
    ]  # fmt: skip
    return pd.DataFrame(rows)


def test_balance_shrinks_the_small_agent_and_labels_quadrants() -> None:
    rng = np.random.default_rng(13)
    tidy = _agents(rng)
    res = R.balance_table(tidy, "aht", "fcr", by="agent_id")
    t = res.table.set_index("entity")
    assert res.n_entities == 31
    assert t.loc["NEW", "y_raw"] == t["y_raw"].min()
    assert t.loc["NEW", "y_shrunk"] > t["y_shrunk"].min()  # no longer the worst
    assert t.loc["NEW", "y_weight_own"] < 0.5
    # beta-binomial posterior mean (k + a) / (n + a + b): between raw and the centre
    assert t.loc["NEW", "y_raw"] < t.loc["NEW", "y_shrunk"] < res.y_center
    assert res.y_center == pytest.approx(
        tidy.query("kpi == 'fcr'")["numerator"].sum()
        / tidy.query("kpi == 'fcr'")["denominator"].sum()
    )
    big = t.drop(index="NEW")
    assert (big["y_weight_own"] > 0.5).all()
    assert set(res.quadrants.values()) == {
        "Fast and resolving",
        "Slow and resolving",
        "Fast and not resolving (possible rushing or transfer gaming)",
        "Slow and not resolving",
    }
    assert set(t["quadrant"]) <= set(res.quadrants.values())
    fast = t["x_shrunk"] <= res.x_center
    good = t["y_shrunk"] >= res.y_center
    assert (t.loc[fast & ~good, "quadrant"] == res.quadrants[(True, False)]).all()
    assert "NEW has the worst raw" in " ".join(res.warnings)
    assert res.to_frame()["kpi_x"].eq("aht").all()


def test_normal_normal_shrinkage_by_hand() -> None:
    # Three agents, SE from the interval, DerSimonian-Laird tau^2 computed by hand.
    m = np.array([300.0, 400.0, 500.0])
    se = np.array([10.0, 20.0, 40.0])
    rows = []
    for i in range(3):
        rows += [
            {"agent_id": f"A{i}", "kpi": "aht", "value": m[i], "numerator": m[i] * 10,
             "denominator": 10.0, "ci_low": m[i] - 1.959963984540054 * se[i],
             "ci_high": m[i] + 1.959963984540054 * se[i]},
            {"agent_id": f"A{i}", "kpi": "fcr", "value": 0.7, "numerator": 70.0,
             "denominator": 100.0, "ci_low": np.nan, "ci_high": np.nan},
        ]  # fmt: skip
    res = R.balance_table(pd.DataFrame(rows), "aht", "fcr", by="agent_id")
    w = 1 / se**2
    mw = np.sum(w * m) / w.sum()
    q = np.sum(w * (m - mw) ** 2)
    tau2 = (q - 2) / (w.sum() - np.sum(w**2) / w.sum())
    mu = np.sum(m / (se**2 + tau2)) / np.sum(1 / (se**2 + tau2))
    b = tau2 / (tau2 + se**2)
    np.testing.assert_allclose(res.table["x_shrunk"], mu + b * (m - mu), rtol=1e-10)
    np.testing.assert_allclose(res.table["x_weight_own"], b, rtol=1e-10)


def test_quadrant_labels_transfer_rate_vs_aht() -> None:
    labels = R.quadrant_labels("transfer_rate", "aht")
    assert labels[(False, True)] == "Many transfers and fast (possible rushing or transfer gaming)"
    assert labels[(True, True)] == "Few transfers and fast"
    assert "gaming" not in labels[(True, False)]


def test_balance_errors() -> None:
    tidy = _agents(np.random.default_rng(14), 2)
    with pytest.raises(AnalysisError, match="need at least 3"):
        R.balance_table(tidy, "aht", "fcr", by="agent_id", min_volume=100)
    with pytest.raises(AnalysisError, match="csat"):
        R.balance_table(tidy, "aht", "csat", by="agent_id")


# ---------------------------------------------------------------------------------------------
# Charts
# ---------------------------------------------------------------------------------------------


def test_heatmap_mutes_non_significant_cells() -> None:
    rng = np.random.default_rng(15)
    a = rng.normal(size=100)
    f = _frame(aht=a, fcr=a + 0.3 * rng.normal(size=100), csat=rng.normal(size=100))
    table = R.correlation_table(f, method="pearson")
    spec = C.correlation_heatmap(table).to_dict()
    values = next(iter(spec["datasets"].values()))
    cells = {(v["row"], v["col"]): v for v in values}
    sig = cells[(R.kpi_name("aht"), R.kpi_name("fcr"))]
    not_sig = cells[(R.kpi_name("aht"), R.kpi_name("csat"))]
    assert sig["significant"] == "yes" and sig["shade"] == 1.0
    assert not_sig["significant"] == "no" and not_sig["shade"] < 0.5
    assert sig["sub"] == "n=100"
    assert spec["layer"][0]["encoding"]["opacity"]["field"] == "shade"


def test_pair_rolling_and_balance_charts_build() -> None:
    rng = np.random.default_rng(16)
    a = rng.normal(size=90)
    f = _frame(aht=a, fcr=a + rng.normal(size=90))
    pair = R.pair_analysis(f, "aht", "fcr")
    spec = C.pair_scatter(pair).to_dict()
    assert len(spec["layer"]) == 3 and "r = +" in spec["title"]["subtitle"]
    roll = R.rolling_correlation(f, "aht", "fcr", window=21)
    assert C.rolling_correlation_chart(roll).to_dict()["layer"][0]["mark"]["type"] == "area"
    bal = R.balance_table(_agents(rng), "aht", "fcr", by="agent_id")
    bspec = C.balance_quadrant_chart(bal).to_dict()
    texts = [
        d["text"]
        for ds in bspec["datasets"].values()
        for d in ds
        if isinstance(d, dict) and "text" in d
    ]
    assert "Fast and not resolving" in texts and "Slow and resolving" in texts


# ---------------------------------------------------------------------------------------------
# KpiTable plumbing
# ---------------------------------------------------------------------------------------------


def test_wide_from_table_and_entity_wide() -> None:
    tidy = pd.DataFrame(
        {
            "period": pd.to_datetime(["2026-01-05", "2026-01-05", "2026-01-06", "2026-01-06"] * 2),
            "queue": ["A"] * 4 + ["B"] * 4,
            "kpi": ["aht", "fcr"] * 4,
            "value": [400.0, 0.7, 410.0, 0.72, 300.0, 0.8, 310.0, 0.81],
            "numerator": [4000.0, 70, 4100, 72, 3000, 80, 3100, 81],
            "denominator": [10.0, 100, 10, 100, 10, 100, 10, 100],
        }
    )
    values, volumes = R.wide_from_table(tidy, {"queue": "B"})
    assert values["aht"].tolist() == [300.0, 310.0] and values["date"].iloc[0] == pd.Timestamp(
        "2026-01-05"
    )
    assert volumes["fcr"].tolist() == [100.0, 100.0]
    with pytest.raises(AnalysisError, match="No KPI values"):
        R.wide_from_table(tidy, {"queue": "Z"})
    per = tidy[tidy["period"] == pd.Timestamp("2026-01-05")]
    ev, evol = R.entity_wide(per, "queue")
    assert (
        ev.set_index("queue").loc["A", "aht"] == 400.0
        and evol.set_index("queue").loc["B", "fcr"] == 100.0
    )


# ---------------------------------------------------------------------------------------------
# Real and sample data
# ---------------------------------------------------------------------------------------------


def test_city_311_asa_abandonment_published_correlation() -> None:
    path = SHARED / "city_311_daily" / "3-1-1-contact-centre-metrics-2023.xlsx"
    if not path.is_file():
        pytest.skip(f"public 3-1-1 data not found at {path}")
    raw = pd.read_excel(path)
    f = pd.DataFrame(
        {
            "date": pd.to_datetime(raw["Date"]),
            "asa": raw["AverageSpeedofAnswer"],
            "abandonment_rate": raw["CallsAbandoned"] / raw["CallsOffered"],
        }
    )
    row = R.correlation_table(f, method="pearson", guards=False, weekdays_only=True).iloc[0]
    # shared/data/README.md: corr(daily ASA, daily abandonment) 0.86 on weekdays of 2023
    assert round(row["r"], 2) == 0.86
    assert row["n"] == 260 and row["filter"].startswith("weekdays only")
    assert row["method"] == "pearson" and row["guards"] == "none (levels)"
    # all days give a different number: the filter matters and is stated
    all_days = R.correlation_table(f, method="pearson", guards=False).iloc[0]
    assert round(all_days["r"], 2) != 0.86 and all_days["filter"] == "all periods"


@pytest.fixture(scope="module")
def sample_tables() -> tuple[object, object]:
    engine = pytest.importorskip("kpi.engine", reason="kpi.engine not available yet")
    from kpi.dataset import load_sample

    ds = load_sample()
    by_queue = engine.compute(
        ds, kpis=["contacts", "aht", "fcr", "hold_time"], grain="day", by=["queue"]
    )
    centre = engine.compute(ds, kpis=["contacts", "hold_time"], grain="day")
    return by_queue, centre


def test_sample_tech_support_aht_fcr_link_is_found(sample_tables: tuple[object, object]) -> None:
    by_queue, _ = sample_tables
    values, volumes = R.wide_from_table(by_queue, {"queue": "Tech Support"})
    row = R.correlation_table(values, ["aht", "fcr"], weights=volumes).iloc[0]
    # truth.json aht_target: a daily AR(1) pressure factor moves Tech Support AHT and FCR together
    assert row["significant"] and row["r"] > 0.5 and row["p_adj"] < 1e-6
    assert "volume-weighted" in row["guards"] and "partial on contacts" in row["guards"]


def test_sample_shared_trend_needs_the_guards(sample_tables: tuple[object, object]) -> None:
    _, centre = sample_tables
    values, volumes = R.wide_from_table(centre)
    # truth.json shared_trend: contacts and hold_time both grow, with no day-level link
    off = R.correlation_table(
        values, ["contacts", "hold_time"], weights=volumes, guards=False
    ).iloc[0]
    on = R.correlation_table(values, ["contacts", "hold_time"], weights=volumes, guards=True).iloc[
        0
    ]
    assert off["significant"] and off["r"] > 0.2
    assert not on["significant"] and abs(on["r"]) < 0.15


# ---------------------------------------------------------------------------------------------
# Segments as values; sentences produced from the numbers (issue 17)
# ---------------------------------------------------------------------------------------------


def _two_queues() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "period": pd.to_datetime(["2026-01-05", "2026-01-05", "2026-01-06", "2026-01-06"] * 2),
            "queue": ["A"] * 4 + ["Tech Support"] * 4,
            "kpi": ["aht", "fcr"] * 4,
            "value": [400.0, 0.7, 410.0, 0.72, 300.0, 0.8, 310.0, 0.81],
            "numerator": [4000.0, 70, 4100, 72, 3000, 80, 3100, 81],
            "denominator": [10.0, 100, 10, 100, 10, 100, 10, 100],
        }
    )


def test_wide_from_table_takes_a_segment_value_its_text_or_the_older_dict() -> None:
    from kpi.segment import Segment

    tidy = _two_queues()
    by_dict = R.wide_from_table(tidy, {"queue": "Tech Support"})[0]
    by_value = R.wide_from_table(tidy, Segment("queue", "Tech Support"))[0]
    by_text = R.wide_from_table(tidy, "queue = Tech Support")[0]
    pd.testing.assert_frame_equal(by_value, by_dict)
    pd.testing.assert_frame_equal(by_text, by_dict)
    assert by_value["aht"].tolist() == [300.0, 310.0]
    # The error names the segment as a reader sees it, not as a dict.
    with pytest.raises(AnalysisError, match="No KPI values for segment Queue: Z"):
        R.wide_from_table(tidy, Segment("queue", "Z"))
    with pytest.raises(AnalysisError, match="no 'team' segment"):
        R.wide_from_table(tidy, "team=North")
    with pytest.raises(AnalysisError, match="column=value"):
        R.wide_from_table(tidy, "Tech Support")


def test_segment_options_are_segment_values_and_choices_keep_the_dict_form() -> None:
    from kpi.segment import Segment

    frame = pd.DataFrame(
        {"queue": ["Billing", "Sales", "Billing", " "], "agent_id": ["a1", "a1", "a1", "a1"]}
    )
    options = R.segment_options(frame)
    assert options == {
        "Whole centre": None,
        "Queue: Billing": Segment("queue", "Billing"),
        "Queue: Sales": Segment("queue", "Sales"),
    }  # a blank value is not offered; one agent value is not a choice
    assert R.segment_choices(frame)["Queue: Sales"] == {"queue": "Sales"}
    assert R.segment_choices(frame)["Whole centre"] is None


def test_pair_summary_is_produced_from_the_numbers_not_stored() -> None:
    import dataclasses

    rng = np.random.default_rng(8)
    pressure = _ar1(rng, 120, 0.5)
    f = _frame(aht=400 + 20 * pressure + rng.normal(0, 5, 120), fcr=0.7 + 0.01 * pressure)
    res = R.pair_analysis(f, "aht", "fcr", method="pearson")
    assert "summary" not in {fld.name for fld in dataclasses.fields(R.PairResult)}
    # KPI names, never ids; the numbers in the sentence are the result's own.
    assert res.summary.startswith("Average handle time and First contact resolution rise")
    assert f"r = {res.r:+.2f}" in res.summary and "across periods" in res.summary
    flipped = dataclasses.replace(res, r=-0.42, ci_low=-0.6, ci_high=-0.2, p_value=0.001)
    assert "move in opposite directions (a moderate link" in flipped.summary
    assert "r = -0.42, 95% CI -0.60 to -0.20" in flipped.summary
    weak = dataclasses.replace(res, r=0.05, ci_low=-0.15, ci_high=0.25, p_value=0.6, is_time=False)
    assert weak.summary.startswith("No reliable link between Average handle time")
    assert "across points" in weak.summary and "p = 0.6" in weak.summary
    assert weak.to_frame()["summary"].iloc[0] == weak.summary


def test_balance_summary_counts_the_quadrant_to_watch_from_the_table() -> None:
    import dataclasses

    res = R.balance_table(_agents(np.random.default_rng(14), 30), "aht", "fcr", by="agent_id")
    assert "summary" not in {fld.name for fld in dataclasses.fields(R.BalanceResult)}
    assert res.watch == "Fast and not resolving (possible rushing or transfer gaming)"
    in_watch = res.table["quadrant"] == res.watch
    n_clear = int(res.table.loc[in_watch, "clear"].sum())
    assert res.summary == (
        f"Of {len(res.table)} agents, {int(in_watch.sum())} sit in 'fast and not resolving' ({n_clear} clearly "
        "so after shrinking small samples toward the centre); across them Average handle time "
        f"and First contact resolution correlate at r = {res.r:+.2f}."
    )
    # Fewer rows in the table: the sentence follows the numbers.
    fewer = dataclasses.replace(res, table=res.table[~in_watch])
    assert fewer.summary.startswith(f"Of {int((~in_watch).sum())} agents, 0 sit in")

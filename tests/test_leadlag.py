"""Lead-lag analysis: reference values, planted leads in simulated series, calibration, CLI."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from kpi.analysis.leadlag import (
    CAVEATS,
    _bh,
    analyze,
    check_stationarity,
    cross_correlation,
    granger_test,
    impulse_response,
    lead_lag,
    prewhiten,
)
from kpi.errors import AnalysisError

ROOT = Path(__file__).resolve().parents[1]
UNLINKED_IN_SAMPLE = (
    "contacts",
    "hold_time",
    "escalation_rate",
    "conversion_rate",
    "proactive_ratio",
)
COLUMNS = [
    "kpi",
    "role",
    "best_lag",
    "ccf_at_best_lag",
    "granger_p_forward",
    "granger_p_reverse",
    "p_adj",
    "default_role",
    "n",
    "lag_order",
    "summary",
]


def _ar1(rng: np.random.Generator, n: int, phi: float, sd: float = 1.0) -> np.ndarray:
    e = rng.normal(0.0, sd, n + 100)
    x = np.zeros(n + 100)
    for t in range(1, n + 100):
        x[t] = phi * x[t - 1] + e[t]
    return x[100:]


def _frame(seed: int = 3, days: int = 182, lag: int = 5) -> pd.DataFrame:
    """csat follows a latent ``lag`` days after 'engagement' measures it; 'aht' is unrelated;
    'same_day' moves with csat on the same day; 'follower' moves 3 days after csat. All carry a
    weekly cycle and a trend."""
    rng = np.random.default_rng(seed)
    dates = pd.date_range("2026-01-05", periods=days, freq="D")
    week = np.array([0.5, 0.2, 0.0, 0.0, -0.1, -0.5, -0.6])[np.asarray(dates.day_of_week)]
    trend = np.linspace(0.0, 1.0, days)
    latent = _ar1(rng, days + lag, 0.7)
    engagement = latent[lag:] + rng.normal(0, 0.5, days) + week + trend
    csat = 0.6 * latent[:days] + _ar1(rng, days, 0.5) + 2 * week - trend
    aht = _ar1(rng, days, 0.8) + week + 2 * trend
    same_day = 0.8 * csat + rng.normal(0, 0.6, days)
    follower = np.r_[rng.normal(0, 1, 3), csat[:-3]] + rng.normal(0, 0.6, days)
    return pd.DataFrame(
        {
            "date": dates,
            "csat": csat,
            "engagement": engagement,
            "aht": aht,
            "same_day": same_day,
            "follower": follower,
        }
    )


# ---------------------------------------------------------------------------------------------
# Building blocks against references
# ---------------------------------------------------------------------------------------------
def test_granger_wrapper_reproduces_lmtest_reference() -> None:
    sm = pytest.importorskip("statsmodels.api")
    data = sm.datasets.macrodata.load_pandas().data
    dlog = np.log(data[["realcons", "realgdp"]]).diff().dropna()
    res = granger_test(dlog["realcons"].to_numpy(), dlog["realgdp"].to_numpy(), 2)
    # R: lmtest::grangertest(realcons ~ realgdp, order = 2) on dlog macrodata;
    # statsmodels: grangercausalitytests(data[["realcons","realgdp"]], 2) ssr F-test.
    assert res.f_stat == pytest.approx(0.243097, abs=1e-6)
    assert res.p_value == pytest.approx(0.7844328, abs=1e-7)
    assert (res.df_num, res.df_denom) == (2, 195)
    assert isinstance(res.p_value, float)


def test_benjamini_hochberg_matches_reference() -> None:
    p = np.array([0.01, 0.02, 0.03, 0.04, 0.05, 0.20, 0.50])
    # Reference (shared/data/stats/README.md): BH .07 .07 .07 .07 .07 .2333 .50 (Holm would differ)
    assert _bh(p) == pytest.approx([0.07, 0.07, 0.07, 0.07, 0.07, 0.7 / 3, 0.5], abs=1e-4)
    assert np.isnan(_bh(np.array([0.01, np.nan]))[1])


def test_cross_correlation_matches_statsmodels_ccf() -> None:
    from statsmodels.tsa.stattools import ccf

    rng = np.random.default_rng(0)
    x, y = rng.normal(size=80), rng.normal(size=80)
    got = cross_correlation(x, y, 5).set_index("lag")["ccf"]
    # statsmodels ccf(a, b)[k] = corr(a_{t+k}, b_t): our r(L) = corr(x_t, y_{t+L})
    forward = ccf(y, x, adjusted=False, nlags=6)
    backward = ccf(x, y, adjusted=False, nlags=6)
    for lag in range(6):
        assert got[lag] == pytest.approx(forward[lag], abs=1e-12)
        assert got[-lag] == pytest.approx(backward[lag], abs=1e-12)


def test_cross_correlation_finds_a_hand_built_shift() -> None:
    rng = np.random.default_rng(1)
    x = rng.normal(size=200)
    y = np.r_[np.zeros(4), x[:-4]]  # y_t = x_{t-4}: x moves 4 steps first
    r = cross_correlation(x, y, 8).set_index("lag")["ccf"]
    assert int(r.abs().idxmax()) == 4
    assert r[4] == pytest.approx(1.0, abs=0.03)


def test_prewhiten_removes_the_drivers_autocorrelation() -> None:
    rng = np.random.default_rng(2)
    x = _ar1(rng, 400, 0.8)
    xf, yf, order = prewhiten(x, x.copy(), max_order=8)
    assert order >= 1
    lag1 = np.corrcoef(xf[1:], xf[:-1])[0, 1]
    assert abs(lag1) < 0.1  # raw series: about 0.8
    assert len(xf) == len(yf) == 400 - order


def test_stationarity_checks_tell_random_walk_from_noise() -> None:
    rng = np.random.default_rng(4)
    assert check_stationarity(rng.normal(size=200)).stationary
    walk = check_stationarity(np.cumsum(rng.normal(size=200)))
    assert not walk.stationary
    assert 0.01 <= walk.kpss_p <= 0.10  # statsmodels clips KPSS p-values to [0.01, 0.10]


# ---------------------------------------------------------------------------------------------
# Roles on planted series
# ---------------------------------------------------------------------------------------------
def test_planted_roles_are_recovered() -> None:
    table = lead_lag(_frame(), "csat", max_lag=14)
    assert list(table.columns[: len(COLUMNS) - 3]) == COLUMNS[:7] + ["p_adj_reverse"]
    assert set(COLUMNS) <= set(table.columns)
    roles = table.set_index("kpi")
    assert roles.loc["engagement", "role"] == "leading"
    assert abs(int(roles.loc["engagement", "best_lag"]) - 5) <= 1
    assert roles.loc["engagement", "ccf_at_best_lag"] > 0
    assert roles.loc["engagement", "p_adj"] < 0.01
    assert roles.loc["same_day", "role"] == "coincident"
    assert int(roles.loc["same_day", "best_lag"]) == 0
    assert roles.loc["follower", "role"] == "lagging"
    assert -4 <= int(roles.loc["follower", "best_lag"]) <= -2
    assert roles.loc["aht", "role"] == "no evidence"
    assert table["n"].min() >= 180
    assert "5 days before CSAT (mean)" in roles.loc["engagement", "summary"]
    # roles sorted leading -> coincident -> lagging -> no evidence
    assert table["role"].tolist() == ["leading", "coincident", "lagging", "no evidence"]


def test_p_adj_is_bh_of_forward_granger() -> None:
    table = lead_lag(_frame(), "csat")
    assert table["p_adj"].to_numpy() == pytest.approx(_bh(table["granger_p_forward"].to_numpy()))
    assert (table["p_adj"] >= table["granger_p_forward"] - 1e-12).all()


def test_caveats_and_short_series_warning() -> None:
    table = lead_lag(_frame(days=45), "csat", max_lag=7)
    warnings = table.attrs["warnings"]
    assert any("Only 45 days" in w for w in warnings)
    assert all(c in warnings for c in CAVEATS)
    assert any("not proof of cause" in w for w in warnings)
    long = lead_lag(_frame(), "csat").attrs["warnings"]
    assert not any(w.startswith("Only") for w in long)


def test_weekly_grain_is_detected_and_reported() -> None:
    daily = _frame(seed=5, days=7 * 70)
    weekly = daily.set_index("date").resample("W-MON", label="left", closed="left").mean()
    result = analyze(weekly.reset_index(), "csat", max_lag=4)
    assert result.grain == "week"
    assert result.table["n"].max() == 70
    # a 5-day lead shows as one week at weekly grain
    row = result.row("engagement")
    assert row["role"] == "leading" and int(row["best_lag"]) == 1
    assert "Employee engagement (1 week)" in result.summary


def test_user_errors_are_one_sentence() -> None:
    frame = _frame()
    with pytest.raises(AnalysisError, match="outcome 'nps' is not in the table"):
        lead_lag(frame, "nps")
    with pytest.raises(AnalysisError, match="at least 20"):
        lead_lag(frame.head(15), "csat")
    with pytest.raises(AnalysisError, match="not in the table"):
        lead_lag(frame, "csat", drivers=["nope"])
    with pytest.raises(AnalysisError, match="finer than daily"):
        hourly = frame.assign(date=pd.date_range("2026-01-05", periods=len(frame), freq="h"))
        lead_lag(hourly, "csat")


def test_unusable_driver_gets_a_row_not_an_exception() -> None:
    frame = _frame().assign(blocked_rate=0.0)
    table = lead_lag(frame, "csat", drivers=["engagement", "blocked_rate"])
    row = table.set_index("kpi").loc["blocked_rate"]
    assert row["role"] == "no evidence"
    assert "could not be tested" in row["summary"]
    # By default a constant column is skipped and named in the warnings.
    auto = lead_lag(frame, "csat")
    assert "blocked_rate" not in auto["kpi"].tolist()
    assert any("Calls blocked" in w for w in auto.attrs["warnings"])


def test_missing_days_are_interpolated_not_misaligned() -> None:
    frame = _frame()
    gappy = frame.drop(index=[30, 31, 90]).reset_index(drop=True)
    row = lead_lag(gappy, "csat").set_index("kpi").loc["engagement"]
    assert row["role"] == "leading"
    assert abs(int(row["best_lag"]) - 5) <= 1


def test_impulse_response_of_planted_lead() -> None:
    irf = impulse_response(_frame(), "engagement", "csat", periods=10)
    assert list(irf.frame.columns) == [
        "step",
        "response",
        "ci_low",
        "ci_high",
        "level",
        "level_low",
        "level_high",
    ]
    assert 4 <= irf.peak_step <= 6
    assert irf.peak_level > 0 and irf.peak_low > 0  # a rise in engagement -> csat rises later
    assert "engagement" in irf.summary and "excludes zero" in irf.summary


# ---------------------------------------------------------------------------------------------
# Calibration (small version of benchmarks/leadlag_calibration.py)
# ---------------------------------------------------------------------------------------------
def _calibration_module():
    path = ROOT / "benchmarks" / "leadlag_calibration.py"
    spec = importlib.util.spec_from_file_location("leadlag_calibration", path)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_calibration_small() -> None:
    # Speed is the benchmark's business (benchmarks/leadlag_calibration.py), not a timed test.
    res = _calibration_module().run(pairs=80, families=8, planted=30, seed=11)
    # Nominal 5%: 80 independent pairs -> expect ~4 or fewer; a method without pre-whitening
    # or correction across lags labels a large share of such pairs "leading".
    assert res["false_leading_per_pair"]["count"] <= 8
    assert res["false_leading_per_family_of_8"]["count"] <= 2
    assert res["planted_lag_recovered_within_1"]["rate"] >= 0.6


# ---------------------------------------------------------------------------------------------
# Charts
# ---------------------------------------------------------------------------------------------
def test_chart_builders() -> None:
    from kpi.charts.leadlag import (
        leadlag_ccf_chart,
        leadlag_detail_chart,
        leadlag_irf_chart,
        leadlag_map_chart,
    )

    frame = _frame()
    result = analyze(frame, "csat")
    spec = leadlag_map_chart(result).to_dict()
    points = spec["layer"][1]
    assert points["mark"]["type"] == "circle"
    assert points["encoding"]["x"]["field"] == "lag"
    rows = spec["datasets"][points["data"]["name"]]
    eng = next(r for r in rows if r["kpi"] == "engagement")
    assert eng["role"] == "leading" and abs(eng["lag"] - 5) <= 1
    # the map also accepts the DataFrame lead_lag returns
    assert leadlag_map_chart(result.table).to_dict()["layer"][1]["mark"]["type"] == "circle"

    lag = int(result.row("engagement")["best_lag"])
    detail = leadlag_detail_chart(frame, "engagement", "csat", lag).to_dict()
    data = detail["datasets"][detail["data"]["name"]]
    labels = {r["series"] for r in data}
    assert labels == {"csat", f"engagement, {lag} days earlier"}
    # the shifted driver starts ``lag`` days after the first date
    first = min(r["date"] for r in data if r["series"] != "csat")
    assert pd.Timestamp(first) == pd.Timestamp("2026-01-05") + pd.Timedelta(days=lag)

    ccf_spec = leadlag_ccf_chart(result, "engagement").to_dict()
    assert ccf_spec["layer"][0]["mark"]["type"] == "bar"
    irf_spec = leadlag_irf_chart(impulse_response(frame, "engagement", "csat")).to_dict()
    assert irf_spec["layer"][0]["mark"]["type"] == "area"


# ---------------------------------------------------------------------------------------------
# Sample data and CLI (need H1's sample and H2's engine)
# ---------------------------------------------------------------------------------------------
def _sample_wide() -> tuple[pd.DataFrame, dict]:
    engine = pytest.importorskip("kpi.engine", reason="kpi.engine not available yet")
    from kpi.dataset import load_sample

    ds = load_sample()
    if not ds.truth:
        pytest.skip("sample truth.json not available")
    return engine.compute(ds, grain="day").wide(), ds.truth


@pytest.fixture(scope="module")
def sample_result():
    wide, truth = _sample_wide()
    return analyze(wide, "csat", max_lag=14), truth


def test_sample_engagement_leads_csat_by_planted_lag(sample_result) -> None:
    result, truth = sample_result
    effect = next(e for e in truth["effects"] if e["id"] == "engagement_leads_csat")
    row = result.row(effect["driver"])
    assert row["role"] == "leading"
    assert abs(int(row["best_lag"]) - int(effect["lag_days"])) <= 1
    assert row["default_role"] == "leading"


def test_sample_unlinked_kpis_show_no_lead(sample_result) -> None:
    result, _ = sample_result
    table = result.table.set_index("kpi")
    # Only engagement is planted to lead CSAT. kpi/simulate/ does build same-day mechanical
    # links into each survey answer (resolution -> fcr/repeat rate, transfers, queue wait ->
    # asa/service level/abandonment, Tech Support time pressure -> aht/talk/acw, and nps/ces/
    # csat_top2 come from the same satisfaction draw), so those may come out "coincident".
    # The KPIs below have no path to CSAT at all (contacts and hold time only share a trend).
    others = table.drop(index="engagement")
    assert (others["role"] == "leading").sum() <= 1
    unlinked = [k for k in UNLINKED_IN_SAMPLE if k in table.index]
    assert len(unlinked) >= 3
    no_evidence = (table.loc[unlinked, "role"] == "no evidence").sum()
    assert no_evidence >= len(unlinked) - 1


def _cli(argv: list[str]) -> int:
    """Run ``kpi leadlag`` through kpi.cli.main when every subcommand is installed, else through
    the leadlag subcommand's own parser (the other subcommands are written in parallel)."""
    import argparse

    from kpi.cli import leadlag as sub
    from kpi.errors import KpiLabError

    try:
        from kpi.cli import main

        return main(argv)
    except ModuleNotFoundError:
        parser = argparse.ArgumentParser(prog="kpi")
        sub.add_parser(parser.add_subparsers(dest="command"))
        try:
            return sub.run(parser.parse_args(argv))
        except KpiLabError as err:
            print(f"kpi leadlag: {err}", file=sys.stderr)
            return 2


def _sample_path() -> Path:
    pytest.importorskip("kpi.engine", reason="kpi.engine not available yet")
    pytest.importorskip("kpi.ingest", reason="kpi.ingest not available yet")
    from kpi.dataset import SAMPLE_DIR

    path = SAMPLE_DIR / "contacts.parquet"
    if not path.exists():
        pytest.skip("sample_data/contacts.parquet not written yet")
    return path


def test_cli_leadlag_json(capsys) -> None:
    code = _cli(["leadlag", str(_sample_path()), "--outcome", "csat", "--max-lag", "10", "--json"])
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    rows = {r["kpi"]: r for r in out["rows"]}
    assert rows["engagement"]["role"] == "leading"
    assert abs(rows["engagement"]["best_lag"] - 5) <= 1
    assert set(COLUMNS) <= set(rows["engagement"])
    assert out["outcome"] == "csat" and out["grain"] == "day"
    assert any("not proof of cause" in w for w in out["warnings"])


def test_cli_text_table_and_unknown_outcome(capsys) -> None:
    path = str(_sample_path())
    assert _cli(["leadlag", path, "--outcome", "csat", "--drivers", "engagement,contacts"]) == 0
    text = capsys.readouterr().out
    assert "engagement" in text and "leading" in text and "! Moving first" in text
    assert _cli(["leadlag", path, "--outcome", "churn", "--json"]) == 2
    err = capsys.readouterr().err
    assert "churn" in err and "Traceback" not in err


def test_row_order_of_the_input_does_not_matter() -> None:
    frame = _frame()
    shuffled = frame.sample(frac=1.0, random_state=0)
    a = lead_lag(frame, "csat").set_index("kpi").sort_index()
    b = lead_lag(shuffled, "csat").set_index("kpi").sort_index()
    pd.testing.assert_frame_equal(a, b)


# ---------------------------------------------------------------------------------------------
# Segments as values; sentences produced from the numbers (issue 17)
# ---------------------------------------------------------------------------------------------
class _FakeKpiTable:
    """What lead-lag reads from a KpiTable computed ``by`` a segment column."""

    def __init__(self, wide_by: pd.DataFrame, by: str) -> None:
        self.by = (by,)
        self.frame = wide_by.rename(columns={"date": "period"}).melt(
            id_vars=["period", by], var_name="kpi", value_name="value"
        )

    def wide(self, segment: dict[str, str] | None = None) -> pd.DataFrame:
        f = self.frame
        by = list(self.by)
        for col, value in (segment or {}).items():
            f, by = f[f[col] == value], [b for b in by if b != col]
        w = f.pivot_table(index=[*by, "period"], columns="kpi", values="value", aggfunc="first")
        return w.reset_index().rename(columns={"period": "date"}).rename_axis(None, axis=1)


def _two_queues() -> pd.DataFrame:
    linked = _frame(seed=3)[["date", "csat", "engagement"]].assign(queue="Billing")
    unlinked = _frame(seed=8)[["date", "csat", "engagement"]]
    rng = np.random.default_rng(8)
    unlinked = unlinked.assign(engagement=rng.permutation(unlinked["engagement"].to_numpy()))
    return pd.concat([linked, unlinked.assign(queue="Sales")], ignore_index=True)


def test_a_segment_is_analysed_alone_from_a_wide_frame_or_a_kpi_table() -> None:
    from kpi.segment import Segment

    both = _two_queues()
    with pytest.raises(AnalysisError, match="several rows per date"):
        analyze(both, "csat", ["engagement"])
    billing = analyze(both, "csat", ["engagement"], segment="queue = Billing")
    assert billing.segment == Segment("queue", "Billing")
    assert billing.row("engagement")["role"] == "leading"
    assert "move before CSAT (mean) (Queue: Billing)" in billing.summary
    # The same numbers as the segment's rows on their own.
    alone = analyze(both[both["queue"] == "Billing"].drop(columns="queue"), "csat", ["engagement"])
    pd.testing.assert_frame_equal(billing.drivers, alone.drivers)
    # A KpiTable computed by queue: the segment is picked through its wide().
    table = _FakeKpiTable(both, "queue")
    from_table = analyze(table, "csat", ["engagement"], segment=Segment("queue", "Billing"))
    assert from_table.drivers["p_adj"].tolist() == pytest.approx(alone.drivers["p_adj"].tolist())
    with pytest.raises(AnalysisError, match="not computed by 'team'"):
        analyze(table, "csat", ["engagement"], segment="team=North")
    with pytest.raises(AnalysisError, match="No KPI values for Queue: Support"):
        analyze(both, "csat", ["engagement"], segment="queue=Support")


def test_leadlag_sentences_are_produced_from_the_numbers_with_kpi_names() -> None:
    import dataclasses

    from kpi.analysis.leadlag import ImpulseResponse, LeadLagResult

    result = analyze(_frame(), "csat", ["engagement", "aht"])
    fields = {f.name for f in dataclasses.fields(LeadLagResult)}
    assert "summary" not in fields and "table" not in fields
    assert "summary" not in result.drivers.columns and "error" in result.drivers.columns
    reading = result.driver_summary("engagement")
    assert reading == result.table.set_index("kpi").loc["engagement", "summary"]
    assert reading.startswith("Employee engagement moves 5 days before CSAT (mean): a rise in")
    assert "csat" not in reading  # the id never shows; "CSAT (mean)" does
    assert result.summary == "1 of 2 KPIs move before CSAT (mean): Employee engagement (5 days)."
    # Change the numbers, and the sentences follow.
    drivers = result.drivers.assign(role="no evidence")
    none = dataclasses.replace(result, drivers=drivers)
    assert none.summary == "No KPI shows a confirmed lead over CSAT (mean) in this data."
    assert none.driver_summary("engagement").startswith(
        "No evidence that Employee engagement moves before or after CSAT (mean)"
    )
    irf = impulse_response(_frame(), "engagement", "csat", periods=8)
    assert "summary" not in {f.name for f in dataclasses.fields(ImpulseResponse)}
    assert "in Employee engagement is followed by a change of" in irf.summary
    assert f"after {irf.peak_step} days (the 95% band excludes zero)." in irf.summary
    unclear = dataclasses.replace(irf, peak_low=-1.0, peak_high=1.0)
    assert unclear.summary.endswith("(the 95% band includes zero: no clear response).")

"""Staffing: Erlang C / Erlang A against references and a simulation; the what-if by hand."""

from __future__ import annotations

import heapq
import json
import math
from fractions import Fraction
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kpi.analysis import staffing
from kpi.analysis.staffing import (
    RepeatModel,
    Scenario,
    Workload,
    agents_needed,
    erlang_a,
    erlang_a_table,
    erlang_b,
    erlang_c,
    erlang_c_table,
    staffing_table,
)
from kpi.errors import AnalysisError, DataError

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_data" / "contacts.parquet"


# --------------------------------------------------------------------------- reference values


def test_reference_100_calls_in_30_minutes() -> None:
    # The ticket's reference (also the worked example of Call Centre Helper's "Erlang C formula
    # made simple" and of pyworkforce's README): 100 calls / 30 min, AHT 180 s, 80/20.
    r = agents_needed(100, 30, 180, service_level=0.8, threshold_seconds=20)
    assert r.agents == 14
    assert r.service_level == pytest.approx(0.888, abs=5e-4)
    assert r.asa == pytest.approx(7.8, abs=0.05)
    assert r.occupancy == pytest.approx(0.714, abs=5e-4)
    assert r.wait_probability == pytest.approx(0.1741319, abs=1e-7)
    assert erlang_c(13, 100, 30, 180).service_level == pytest.approx(0.796, abs=5e-4)
    assert "14 agents" in r.summary() and "88.8%" in r.summary()


def test_shrinkage_is_added_on_top() -> None:
    r = agents_needed(100, 30, 180, shrinkage=0.3)
    assert r.agents == 14 and r.scheduled_agents == pytest.approx(20.0)


def test_asa_target() -> None:
    # ASA at 13 agents is 17.1 s and at 14 agents 7.8 s (table below): a 10 s target needs 14.
    assert agents_needed(100, 30, 180, service_level=None, asa_seconds=10).agents == 14
    assert agents_needed(100, 30, 180, service_level=None, asa_seconds=20).agents == 13
    # Both targets: the stricter one wins.
    assert agents_needed(100, 30, 180, service_level=0.5, asa_seconds=10).agents == 14


@pytest.mark.parametrize(
    ("agents", "wait_probability", "service_level", "asa"),
    [
        # R package ErlangC 0.1.0 (CRAN, Damonsoul), README, calculate_agents(call_count = 100,
        # call_period = 30 min, avg_handle_time = 180 s, target_anser_time = 20 s, ...)$process
        (11, 0.6821182, 0.3896138, 122.78127684408),
        (12, 0.4493882, 0.640158, 40.4449401868444),
        (13, 0.2852705, 0.7955948, 17.1162271821896),
    ],
)
def test_erlang_c_against_the_r_erlangc_table(
    agents: int, wait_probability: float, service_level: float, asa: float
) -> None:
    r = erlang_c(agents, 100, 30, 180)
    assert r.wait_probability == pytest.approx(wait_probability, abs=1e-7)
    assert r.service_level == pytest.approx(service_level, abs=1e-6)
    assert r.asa == pytest.approx(asa, rel=1e-9)


@pytest.mark.parametrize(
    ("lines", "traffic"),
    # Erlang B table, 1% grade of service (the traffic in Erlangs that N lines carry with 1% of
    # calls blocked), as printed in every Erlang B table, e.g. Iversen, "Teletraffic
    # Engineering and Network Planning" (DTU / ITU-D, 2015); tables round A to 2 decimals.
    [(10, 4.46), (20, 12.03), (50, 37.90), (100, 84.06)],
)
def test_erlang_b_against_the_1_percent_table(lines: int, traffic: float) -> None:
    assert float(erlang_b(lines, traffic)[()]) == pytest.approx(0.01, abs=2e-5)


def _exact_erlang_b(n: int, a: int) -> float:
    # B = (A^n / n!) / sum_k A^k / k! = A^n / sum_k A^k * n! / k!, in exact integers.
    total, falling = 0, 1  # falling = n! / k!
    for k in range(n, -1, -1):
        total += a**k * falling
        falling *= k if k else 1
    return float(Fraction(a**n, total))


@pytest.mark.parametrize(("n", "a"), [(20, 15), (300, 280), (2000, 1900), (1500, 1900)])
def test_erlang_b_is_exact_for_large_centres(n: int, a: int) -> None:
    # No factorial overflow: thousands of lines agree with exact integer arithmetic.
    assert float(erlang_b(n, a)[()]) == pytest.approx(_exact_erlang_b(n, a), rel=1e-9)


def test_thousands_of_calls_per_interval() -> None:
    r = agents_needed(20_000, 30, 300, service_level=0.9, threshold_seconds=15)
    assert r.traffic == pytest.approx(3333.33, abs=0.01)
    assert 3333 < r.agents < 3450
    assert r.service_level >= 0.9 and math.isfinite(r.asa)
    below = erlang_c(r.agents - 1, 20_000, 30, 300, threshold_seconds=15)
    assert below.service_level < 0.9


def test_vectorised_table_equals_scalar_calls() -> None:
    volume = np.array([0, 1, 7, 55, 100, 480, 3000])
    aht = np.array([200, 200, 410, 300, 180, 260, 320])
    table = staffing_table(volume, 30, aht, 0.8, 20, shrinkage=0.25)
    for i, (v, h) in enumerate(zip(volume, aht, strict=True)):
        one = agents_needed(float(v), 30, float(h), 0.8, 20, shrinkage=0.25)
        assert table.loc[i, "agents"] == one.agents
        assert table.loc[i, "service_level"] == pytest.approx(one.service_level)
    assert table.loc[0, "agents"] == 0 and table.loc[0, "service_level"] == 1.0


def test_unstable_staffing_in_erlang_c() -> None:
    row = erlang_c_table(10, 100, 30, 180).iloc[0]  # 10 agents for 10 Erlangs
    assert row["wait_probability"] == 1.0 and row["service_level"] == 0.0
    assert math.isinf(row["asa_seconds"])


@pytest.mark.parametrize(
    "kwargs",
    [
        {"service_level": 1.0},
        {"service_level": 0.0},
        {"shrinkage": 1.0},
        {"service_level": None},
        {"asa_seconds": 0.0},
    ],
)
def test_impossible_targets_raise_a_sentence(kwargs: dict) -> None:
    with pytest.raises(AnalysisError):
        agents_needed(100, 30, 180, **kwargs)


@settings(max_examples=60, deadline=None)
@given(
    volume=st.floats(0, 5000),
    aht=st.floats(10, 1800),
    target=st.floats(0.05, 0.99),
)
def test_staffing_properties(volume: float, aht: float, target: float) -> None:
    r = agents_needed(volume, 30, aht, service_level=target)
    assert 0 <= r.service_level <= 1 and 0 <= r.occupancy < 1 or r.agents == 0
    assert r.service_level >= target - 1e-9
    if r.agents > 0 and r.agents - 1 > r.traffic:
        assert erlang_c(r.agents - 1, volume, 30, aht).service_level < target
    more = agents_needed(volume * 1.5, 30, aht, service_level=target)
    assert more.agents >= r.agents


# --------------------------------------------------------------------------- Erlang A


def test_erlang_a_against_pyworkforce() -> None:
    # rodrigo-arenas/pyworkforce, pyworkforce/queuing/tests/test_abandonment.py,
    # test_erlanga_regression_metrics: 100 calls / 30 min, AHT 3 min, patience 5 min,
    # 14 positions, 20 s threshold.
    r = erlang_a(14, 100, 30, 180, patience_seconds=300, threshold_seconds=20)
    assert round(r.wait_probability, 5) == 0.14526
    assert round(r.abandonment, 6) == 0.013984
    assert round(r.occupancy, 6) == 0.704297
    assert round(r.service_level, 6) == 0.916792
    assert "abandon" in r.summary()


def _markov_chain(n: int, lam: float, mu: float, theta: float, size: int = 4000) -> tuple:
    # The M/M/n+M birth-death chain solved directly (truncated far in the tail): an independent
    # check of Mandelbaum & Zeltyn's closed forms. P(wait) = P(k >= n) by PASTA; abandonment
    # = theta E[queue] / lambda (abandonment flow over arrival flow).
    log_p = np.zeros(size)
    for k in range(1, size):
        death = min(k, n) * mu + max(k - n, 0) * theta
        log_p[k] = log_p[k - 1] + math.log(lam / death)
    p = np.exp(log_p - log_p.max())
    p /= p.sum()
    k = np.arange(size)
    return float(p[k >= n].sum()), float(theta * (p * np.maximum(k - n, 0)).sum() / lam)


@pytest.mark.parametrize(
    ("agents", "volume", "aht", "patience"),
    [(14, 100, 180, 300), (9, 100, 180, 300), (5, 100, 180, 60), (120, 2000, 200, 500)],
)
def test_erlang_a_against_the_markov_chain(
    agents: int, volume: float, aht: float, patience: float
) -> None:
    r = erlang_a(agents, volume, 30, aht, patience)
    p_wait, p_ab = _markov_chain(agents, volume / 1800, 1 / aht, 1 / patience)
    assert r.wait_probability == pytest.approx(p_wait, rel=1e-6)
    assert r.abandonment == pytest.approx(p_ab, rel=1e-6)


def test_erlang_a_tends_to_erlang_c_with_infinite_patience() -> None:
    a = erlang_a(14, 100, 30, 180, patience_seconds=1e9)
    c = erlang_c(14, 100, 30, 180)
    assert a.service_level == pytest.approx(c.service_level, abs=1e-6)
    assert a.wait_probability == pytest.approx(c.wait_probability, abs=1e-6)
    assert a.abandonment < 1e-6
    table = erlang_a_table([14, 0], 100, 30, 180, [np.inf, 300])
    assert table.loc[0, "service_level"] == pytest.approx(c.service_level)
    assert table.loc[1, "abandonment"] == 1.0  # nobody answers


# --------------------------------------------------------------------------- simulation


def _simulate(
    agents: int,
    volume: float,
    aht: float,
    patience: float,
    threshold: float,
    customers: int = 400_000,
    seed: int = 7,
) -> dict[str, tuple[float, float]]:
    """Seeded discrete-event simulation of an M/M/n(+M) FCFS queue.

    First-come-first-served with abandonment needs only the times the agents become free: a
    caller's wait is the earliest free time minus their arrival; a caller whose patience runs
    out first leaves without taking an agent, so later callers are unaffected. Returns each
    measure's mean and batch-means standard error (20 batches, first 5% dropped as warm-up).
    """
    rng = np.random.default_rng(seed)
    arrivals = np.cumsum(rng.exponential(1800.0 / volume, customers))
    service = rng.exponential(aht, customers)
    give_up = rng.exponential(patience, customers) if math.isfinite(patience) else None
    free = [0.0] * agents
    wait = np.zeros(customers)
    waited = np.zeros(customers, dtype=bool)
    within = np.zeros(customers, dtype=bool)
    abandoned = np.zeros(customers, dtype=bool)
    for i in range(customers):
        t = arrivals[i]
        v = free[0] - t if free[0] > t else 0.0
        if give_up is not None and v > give_up[i]:
            abandoned[i], waited[i], wait[i] = True, True, give_up[i]
            continue
        heapq.heapreplace(free, t + v + service[i])
        wait[i], waited[i], within[i] = v, v > 0, v <= threshold
    keep = slice(customers // 20, None)
    measures = {
        "service_level": within[keep],
        "wait_probability": waited[keep],
        "abandonment": abandoned[keep],
        "average_wait_seconds": wait[keep],
    }
    out = {}
    for name, values in measures.items():
        batches = np.array_split(values.astype(float), 20)
        means = np.array([b.mean() for b in batches])
        out[name] = (float(values.mean()), float(means.std(ddof=1) / math.sqrt(len(means))))
    return out


def test_erlang_c_against_the_simulation() -> None:
    sim = _simulate(14, 100, 180, math.inf, 20)
    model = erlang_c(14, 100, 30, 180)
    for name, value in [
        ("service_level", model.service_level),
        ("wait_probability", model.wait_probability),
        ("average_wait_seconds", model.asa),
    ]:
        mean, se = sim[name]
        assert abs(mean - value) < 4 * se + 1e-3, (name, mean, se, value)


@pytest.mark.parametrize(("agents", "patience"), [(14, 300.0), (9, 300.0)])
def test_erlang_a_against_the_simulation(agents: int, patience: float) -> None:
    # 14 agents: well staffed; 9 agents for 10 Erlangs: Erlang C has no answer, Erlang A has.
    sim = _simulate(agents, 100, 180, patience, 20, seed=11)
    model = erlang_a(agents, 100, 30, 180, patience)
    for name in ("service_level", "wait_probability", "abandonment", "average_wait_seconds"):
        mean, se = sim[name]
        value = getattr(model, name)
        assert abs(mean - value) < 4 * se + 1e-3, (name, mean, se, value)


# --------------------------------------------------------------------------- from the data


def _contacts() -> pd.DataFrame:
    t0 = pd.Timestamp("2026-03-02 09:00")
    rows = [
        # queue, minute, answered, abandoned, wait, talk, hold, acw, agent, resolved
        ("A", 1, True, False, 10.0, 200.0, 20.0, 20.0, "x", True),
        ("A", 5, True, False, 30.0, 100.0, 0.0, 20.0, "y", False),
        ("A", 12, False, True, 60.0, None, None, None, None, None),
        ("A", 40, True, False, 0.0, 300.0, 0.0, 0.0, "x", True),
        ("B", 2, False, True, 100.0, None, None, None, None, None),
        ("B", 3, True, False, 200.0, 50.0, 0.0, 10.0, "z", True),
    ]
    frame = pd.DataFrame(
        rows,
        columns=[
            "queue", "minute", "answered", "abandoned", "wait_seconds", "talk_seconds",
            "hold_seconds", "acw_seconds", "agent_id", "resolved",
        ],
    )  # fmt: skip
    frame["start_time"] = t0 + pd.to_timedelta(frame.pop("minute"), unit="min")
    frame["contact_id"] = [f"c{i}" for i in range(len(frame))]
    frame["channel"] = "phone"
    return frame


def test_interval_load_counts_by_hand() -> None:
    load = staffing.interval_load(_contacts(), 30, threshold_seconds=20)
    a = load[load["queue"] == "A"].reset_index(drop=True)
    assert list(a["offered"]) == [3, 1]
    assert list(a["answered"]) == [2, 1] and list(a["abandoned"]) == [1, 0]
    assert list(a["answered_within"]) == [1, 1]
    assert list(a["handle_seconds"]) == [360.0, 300.0]  # (200+20+20) + (100+0+20)
    assert list(a["agents_seen"]) == [2.0, 1.0]
    assert list(a["wait_seconds"]) == [100.0, 0.0]


def test_patience_estimator_by_hand() -> None:
    # Exponential patience, answered callers censored: theta = abandoned / total wait.
    load = staffing.interval_load(_contacts(), 30)
    p = staffing.patience_by_queue(load).set_index("queue")
    assert p.loc["A", "patience_seconds"] == pytest.approx(100.0 / 1)  # waits 10+30+60+0
    assert p.loc["B", "patience_seconds"] == pytest.approx(300.0 / 1)  # waits 100+200


def test_interval_staffing_needs_and_status() -> None:
    load = staffing.interval_load(_contacts(), 30)
    table = staffing.interval_staffing(load, 30)
    first = table.iloc[0]
    assert first["aht_seconds"] == pytest.approx((360 + 300) / 3)  # queue A's AHT
    assert first["agents_needed"] == agents_needed(3, 30, 220).agents
    assert first["service_level_reached"] == pytest.approx(1 / 3)
    assert set(table["status"]) <= {"understaffed", "overstaffed", "as needed"}


def test_last_complete_month() -> None:
    frame = pd.DataFrame(
        {
            "start_time": [pd.Timestamp("2026-01-05 08:00"), pd.Timestamp("2026-03-31 10:00")],
            "contact_id": ["a", "b"],
        }
    )
    start, end = staffing.last_complete_month(frame)
    assert (start, end) == (pd.Timestamp("2026-03-01"), pd.Timestamp("2026-04-01"))
    frame.loc[1, "start_time"] = pd.Timestamp("2026-03-30 10:00")
    assert staffing.last_complete_month(frame)[0] == pd.Timestamp("2026-02-01")
    frame.loc[0, "start_time"] = pd.Timestamp("2026-02-03")
    with pytest.raises(AnalysisError, match="no complete calendar month"):
        staffing.last_complete_month(frame)


def test_aggregated_data_is_refused() -> None:
    from kpi.dataset import Dataset

    daily = Dataset.from_frame("daily", pd.DataFrame({"date": pd.to_datetime(["2026-01-01"])}))
    with pytest.raises(DataError, match="one row per contact"):
        staffing.interval_load(daily)


def test_repeat_model_by_hand() -> None:
    model = RepeatModel(
        fcr=0.78, repeat_rate=0.232, repeat_if_resolved=0.1, repeat_if_unresolved=0.7
    )
    assert model.repeat_rate_at(0.78) == pytest.approx(0.232)  # .78 x .1 + .22 x .7
    assert model.repeat_rate_at(0.61) == pytest.approx(0.334)  # .61 x .1 + .39 x .7
    assert model.volume_factor(0.61) == pytest.approx(0.768 / 0.666)


# --------------------------------------------------------------------------- what-if


def _textbook_agents(volume: float, aht: float, target: float, threshold: float = 20.0) -> tuple:
    """Erlang C the long way (pure Python, B recursion from one line): agents and SL."""
    a = volume * aht / 1800.0
    if a == 0:
        return 0, 1.0
    b, n = 1.0, 0
    while True:
        n += 1
        b = a * b / (n + a * b)
        if n > a:
            c = n * b / (n - a * (1 - b))
            sl = 1 - c * math.exp(-(n - a) * threshold / aht)
            if sl >= target:
                return n, sl


def _workload(volumes: list[float], aht: float) -> Workload:
    t0 = pd.Timestamp("2026-03-02 09:00")
    intervals = pd.DataFrame(
        {
            "queue": "A",
            "interval_start": [t0 + pd.Timedelta(minutes=30 * i) for i in range(len(volumes))],
            "volume": volumes,
            "aht_seconds": aht,
            "patience_seconds": np.inf,
        }
    )
    repeats = RepeatModel(
        fcr=0.78, repeat_rate=0.232, repeat_if_resolved=0.1, repeat_if_unresolved=0.7
    )
    return Workload(
        intervals, 30, pd.Timestamp("2026-03-01"), pd.Timestamp("2026-04-01"), "phone", "A", repeats
    )


def test_what_if_by_hand() -> None:
    workload = _workload([100.0, 100.0], 180.0)
    common = Scenario(shrinkage=0.3, cost_per_agent_hour=30.0)
    result = staffing.what_if(
        workload,
        Scenario(name="Baseline", shrinkage=0.3),
        Scenario(aht_minutes=2.0, fcr=0.61, shrinkage=common.shrinkage),
    )
    b, s = result.baseline, result.scenario
    # Baseline: the reference interval twice: 14 agents, 20 scheduled, 2 x 20 x 0.5 h x 30.
    assert b.average_agents == pytest.approx(20.0) and b.agent_hours == pytest.approx(20.0)
    assert b.cost == pytest.approx(600.0)
    assert b.service_level == pytest.approx(0.88835, abs=1e-5)
    # Scenario: repeats follow FCR: 100 x (1 - .232) / (1 - .334) calls at 120 s.
    calls = 100.0 * 0.768 / 0.666
    agents, sl = _textbook_agents(calls, 120.0, 0.8)
    assert s.contacts == pytest.approx(2 * calls)
    assert s.agent_hours == pytest.approx(2 * agents / 0.7 * 0.5)
    assert s.cost == pytest.approx(2 * agents / 0.7 * 0.5 * 30.0)
    assert s.service_level == pytest.approx(sl)
    assert s.cost_per_resolved == pytest.approx(s.cost / (2 * calls * 0.61))
    # The AHT change alone keeps the baseline's calls.
    assert result.aht_change_only.contacts == pytest.approx(200.0)
    frame = result.to_frame()
    assert list(frame.columns) == [
        "measure",
        "unit",
        "baseline",
        "aht_change_only",
        "scenario",
        "change",
    ]
    assert staffing.comparison_table(result).shape[0] == len(frame)
    cards = staffing.cards(result)
    assert [c[0] for c in cards] == ["Baseline", "AHT change only", "Scenario"]


@pytest.fixture(scope="module")
def sample_workload() -> Workload:
    from kpi.dataset import load_sample

    return staffing.month_workload(load_sample(), 30)


def test_seed_scenario_on_the_sample_against_a_hand_computation(sample_workload: Workload) -> None:
    w = sample_workload
    assert w.label == "June 2026" and w.queue == "All queues"
    rep = w.repeats
    baseline, scenario = staffing.seed_scenarios(Scenario(shrinkage=0.3, cost_per_agent_hour=30))
    result = staffing.what_if(w, baseline, scenario)
    iv = w.intervals
    for outcome, aht_min, fcr in [(result.baseline, 8.0, 0.78), (result.scenario, 5.0, 0.61)]:
        # By hand: volume x (1 - repeat rate at the data's FCR) / (1 - repeat rate at this FCR),
        # each queue's AHT scaled to the new average, every interval staffed the long way.
        def rate(f: float) -> float:
            return f * rep.repeat_if_resolved + (1 - f) * rep.repeat_if_unresolved

        factor = (1 - rate(rep.fcr)) / (1 - rate(fcr))
        scale = aht_min * 60 / (np.sum(iv["volume"] * iv["aht_seconds"]) / iv["volume"].sum())
        hours = sl_sum = 0.0
        for v, h in zip(iv["volume"] * factor, iv["aht_seconds"] * scale, strict=True):
            agents, sl = _textbook_agents(v, h, 0.8)
            hours += agents / 0.7 * 0.5
            sl_sum += sl * v
        assert outcome.agent_hours == pytest.approx(hours, rel=1e-12)
        assert outcome.cost == pytest.approx(hours * 30, rel=1e-12)
        assert outcome.service_level == pytest.approx(sl_sum / (iv["volume"].sum() * factor))
    # The figures reported to the team (June 2026, phone, 30-minute intervals, 80/20, 30%
    # shrinkage, 30 per agent-hour).
    assert result.baseline.agent_hours == pytest.approx(8977.14, abs=0.01)
    assert result.scenario.agent_hours == pytest.approx(7275.71, abs=0.01)
    assert result.baseline.cost == pytest.approx(269_314.29, abs=0.01)
    assert result.scenario.cost == pytest.approx(218_271.43, abs=0.01)
    assert result.saving_survives
    assert "survives the repeat calls" in result.summary()
    assert result.scenario.contacts > result.baseline.contacts  # the repeats came back


def test_unchanged_scenario_is_the_baseline(sample_workload: Workload) -> None:
    result = staffing.what_if(sample_workload, Scenario(name="Baseline"), Scenario())
    assert result.scenario.cost == result.baseline.cost
    assert result.baseline.contacts == sample_workload.contacts


def test_scenario_inputs_are_checked() -> None:
    with pytest.raises(AnalysisError):
        Scenario(fcr=1.2)
    with pytest.raises(AnalysisError):
        Scenario(aht_minutes=0)
    with pytest.raises(AnalysisError):
        Scenario(volume_change=-1)


# --------------------------------------------------------------------------- command line


def test_cli_seed_scenario_json(capsys: pytest.CaptureFixture[str]) -> None:
    from kpi.cli import main

    assert main(["staffing", str(SAMPLE), "--seed-scenario", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["month"] == "June 2026" and payload["saving_survives"] is True
    assert payload["baseline"]["cost"] == pytest.approx(269_314.29, abs=0.01)
    assert payload["scenario"]["fcr"] == pytest.approx(0.61)


@pytest.mark.parametrize(
    "argv", [["--sl", "1.5"], ["--shrinkage", "100%"], ["--queue", "Nope"], ["--fcr", "2"]]
)
def test_cli_bad_input_is_one_sentence(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    from kpi.cli import main

    assert main(["staffing", str(SAMPLE), *argv]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("kpi staffing: ") and "\n" not in err

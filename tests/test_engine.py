"""The KPI engine: hand-computed values, formula variants, intervals, properties, sample truth."""

from __future__ import annotations

import argparse
import json
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy import stats
from statsmodels.stats.proportion import proportion_confint

from kpi.dataset import Dataset, load_sample
from kpi.engine import KpiTable, compute
from kpi.errors import AnalysisError, DataError
from kpi.metrics import Settings
from kpi.schema import coerce

DAY = pd.Timestamp("2026-03-02")  # a Monday


def frame(n: int, start: pd.Timestamp = DAY, step_minutes: float = 1.0, **cols) -> pd.DataFrame:
    """A canonical interaction frame of n inbound contacts, one every ``step_minutes``."""
    data = {
        "contact_id": [f"c{i}" for i in range(n)],
        "start_time": start + pd.to_timedelta(np.arange(n) * step_minutes, unit="min"),
        "direction": ["inbound"] * n,
    }
    data.update({k: (list(v) if not np.isscalar(v) else [v] * n) for k, v in cols.items()})
    return coerce(pd.DataFrame(data), "interactions")


def one(table: KpiTable, kpi: str) -> pd.Series:
    rows = table.frame.loc[table.frame["kpi"] == kpi]
    assert len(rows) == 1, rows
    return rows.iloc[0]


# --- the worked examples of KPI_REFERENCE.md ------------------------------------------------


def test_aht_worked_example():
    # 300 min talk + 50 min hold + 100 min ACW over 100 calls -> 4.5 min (270 s).
    talk = np.tile([120.0, 240.0], 50)  # 18,000 s = 300 min
    hold = np.tile([0.0, 60.0], 50)  # 3,000 s = 50 min
    acw = np.full(100, 60.0)  # 6,000 s = 100 min
    f = frame(100, answered=True, talk_seconds=talk, hold_seconds=hold, acw_seconds=acw)
    r = one(compute(f, kpis=["aht"], grain="all"), "aht")
    assert r["value"] == pytest.approx(270.0)
    assert (r["numerator"], r["denominator"]) == (27_000.0, 100.0)


def test_fcr_worked_example():
    f = frame(200, answered=True, resolved=[True] * 150 + [False] * 50)
    r = one(compute(f, kpis=["fcr"], grain="all"), "fcr")
    assert r["value"] == pytest.approx(0.75) and r["denominator"] == 200
    lo, hi = proportion_confint(150, 200, alpha=0.05, method="wilson")
    assert (r["ci_low"], r["ci_high"]) == pytest.approx((lo, hi), abs=1e-9)


def test_nps_worked_example_and_multinomial_interval():
    scores = [10] * 35 + [9] * 25 + [8] * 10 + [7] * 10 + [6] * 12 + [0] * 8  # 60% / 20%
    f = frame(100, nps=scores)
    r = one(compute(f, kpis=["nps"], grain="all"), "nps")
    assert r["value"] == pytest.approx(40.0)
    assert (r["numerator"], r["denominator"]) == (40.0, 100.0)
    # NPS is the mean of +1/0/-1 per respondent: its SE is the population SD / sqrt(n).
    s = np.select([np.array(scores) >= 9, np.array(scores) <= 6], [1.0, -1.0], 0.0)
    se = np.std(s) / np.sqrt(len(s))
    assert r["ci_low"] == pytest.approx(100 * (0.4 - stats.norm.ppf(0.975) * se))
    assert r["ci_high"] == pytest.approx(100 * (0.4 + stats.norm.ppf(0.975) * se))


def test_csat_top2_and_mean_worked_example():
    ratings = [5] * 50 + [4] * 30 + [3] * 10 + [2] * 5 + [1] * 5  # 80 of 100 rate 4-5
    f = frame(100, csat=ratings)
    t = compute(f, kpis=["csat", "csat_top2"], grain="all")
    assert one(t, "csat_top2")["value"] == pytest.approx(0.80)
    lo, hi = proportion_confint(80, 100, method="wilson")
    assert (one(t, "csat_top2")["ci_low"], one(t, "csat_top2")["ci_high"]) == pytest.approx(
        (lo, hi)
    )
    m = one(t, "csat")
    assert m["value"] == pytest.approx(np.mean(ratings))
    # Student t interval, as scipy computes it from the raw ratings.
    ref = stats.t.interval(0.95, len(ratings) - 1, loc=np.mean(ratings), scale=stats.sem(ratings))
    assert (m["ci_low"], m["ci_high"]) == pytest.approx(ref)


def test_asa_worked_example_ignores_abandoned_waits():
    # 1,000 s over 200 answered -> 5 s; the 50 abandoned callers' waits are not ASA.
    waits = np.r_[np.tile([2.0, 8.0], 100), np.full(50, 300.0)]
    f = frame(250, answered=[True] * 200 + [False] * 50, abandoned=[False] * 200 + [True] * 50,
              wait_seconds=waits)  # fmt: skip
    r = one(compute(f, kpis=["asa"], grain="all"), "asa")
    assert r["value"] == pytest.approx(5.0) and r["denominator"] == 200


def test_abandonment_and_blocked_worked_examples():
    f = frame(500, answered=[True] * 450 + [False] * 50, abandoned=[False] * 450 + [True] * 50,
              blocked=False)  # fmt: skip
    assert one(compute(f, kpis=["abandonment_rate"], grain="all"), "abandonment_rate")[
        "value"
    ] == pytest.approx(0.10)
    g = frame(1000, blocked=[True] * 20 + [False] * 980, answered=[False] * 20 + [True] * 980)
    r = one(compute(g, kpis=["blocked_rate"], grain="all"), "blocked_rate")
    assert r["value"] == pytest.approx(0.02) and r["denominator"] == 1000


def test_frt_and_ces_worked_examples():
    f = frame(50, first_response_seconds=np.tile([300.0, 900.0], 25))  # 500 min over 50 -> 10 min
    assert one(compute(f, kpis=["frt"], grain="all"), "frt")["value"] == pytest.approx(600.0)
    g = frame(100, ces=np.tile([1.0, 5.0], 50))  # sum 300 over 100 -> 3.0
    r = one(compute(g, kpis=["ces"], grain="all"), "ces")
    assert (r["value"], r["numerator"], r["denominator"]) == (3.0, 300.0, 100.0)


# --- variants -------------------------------------------------------------------------------


@pytest.fixture
def queue_table() -> pd.DataFrame:
    """6 answered (3 within 20 s), 5 abandoned (2 short < 5 s, 3 within 20 s), 1 blocked,
    1 flow-out (queued, neither answered nor abandoned)."""
    waits = [5, 10, 15, 25, 40, 50, 2, 3, 10, 30, 60, np.nan, 90]
    ans = [True] * 6 + [False] * 7
    ab = [False] * 6 + [True] * 5 + [False, False]
    blk = [False] * 11 + [True, False]
    return frame(13, wait_seconds=waits, answered=ans, abandoned=ab, blocked=blk)


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"sl_variant": "answered_only"}, 3 / 6),
        ({"sl_variant": "abandons_negative"}, 3 / 11),
        ({"sl_variant": "abandons_ignored"}, 3 / 9),
        ({"sl_variant": "abandons_positive"}, 6 / 11),
        ({"sl_variant": "abandons_positive", "exclude_short_abandons": True}, 4 / 9),
        ({"sl_variant": "answered_only", "sl_threshold_seconds": 30}, 4 / 6),
        ({"sl_variant": "abandons_ignored", "short_abandon_seconds": 2.5}, 3 / 10),
    ],
)
def test_service_level_variants(queue_table, overrides, expected):
    t = compute(queue_table, kpis=["service_level"], grain="all", settings=Settings(**overrides))
    assert t.value("service_level") == pytest.approx(expected)
    assert t.settings == Settings(**overrides)
    assert overrides["sl_variant"].replace("_", " ") in t.describe("service_level")


@pytest.mark.parametrize(
    ("overrides", "abandonment", "short"),
    [
        ({}, 5 / 12, 2 / 12),  # offered = every queued inbound contact (incl. the flow-out)
        ({"abandonment_denominator": "answered_abandoned"}, 5 / 11, 2 / 12),
        ({"exclude_short_abandons": True}, 3 / 10, 2 / 12),
        ({"short_abandon_seconds": 10}, 5 / 12, 2 / 12),
        ({"short_abandon_seconds": 11}, 5 / 12, 3 / 12),
    ],
)
def test_abandonment_variants_and_short_abandons(queue_table, overrides, abandonment, short):
    t = compute(
        queue_table,
        kpis=["abandonment_rate", "short_abandon_rate", "blocked_rate"],
        grain="all",
        settings=Settings(**overrides),
    )
    assert t.value("abandonment_rate") == pytest.approx(abandonment)
    assert t.value("short_abandon_rate") == pytest.approx(short)
    assert t.value("blocked_rate") == pytest.approx(1 / 13)


@pytest.fixture
def repeat_table() -> pd.DataFrame:
    """Customers with repeats, a transfer within 15 min, and immature contacts at the end."""
    rows = [
        # id, customer, time, answered, resolved
        ("A1", "A", "2026-01-01 10:00", True, True),  # A3 within 7 days -> not resolved
        ("A2", "A", "2026-01-01 10:05", True, True),  # 5 min later: a transfer, not a first contact
        ("A3", "A", "2026-01-04 09:00", True, True),
        ("B1", "B", "2026-01-02 10:00", True, False),  # never back -> resolved by the window
        ("C1", "C", "2026-01-03 10:00", True, True),
        ("C2", "C", "2026-01-12 10:00", True, True),  # 9 days later: not a repeat of C1
        ("D1", "D", "2026-01-18 10:00", True, True),  # last 7 days: immature
        ("E1", "E", "2026-01-20 12:00", True, False),  # last contact of the data: immature
        ("F1", "F", "2026-01-05 10:00", False, None),  # abandoned
        ("F2", "F", "2026-01-05 11:00", True, True),
    ]
    f = pd.DataFrame(
        rows, columns=["contact_id", "customer_id", "start_time", "answered", "resolved"]
    )
    f["abandoned"] = ~f["answered"]
    f["direction"] = "inbound"
    return coerce(f, "interactions")


def test_fcr_flag_vs_repeat_window_with_censoring(repeat_table):
    flag = compute(repeat_table, kpis=["fcr"], grain="all")
    r = one(flag, "fcr")
    assert (r["numerator"], r["denominator"]) == (7, 9)  # resolved flags of answered contacts
    rep = compute(
        repeat_table,
        kpis=["fcr", "repeat_contact_rate"],
        grain="all",
        settings=Settings(fcr_method="repeat"),
    )
    r = one(rep, "fcr")
    # first, mature, handled: A1 (repeat), A3, B1, C1, C2, F2 -> 5 / 6; D1, E1 immature.
    assert (r["numerator"], r["denominator"]) == (5, 6)
    assert "2 handled contacts" in rep.notes["fcr"] and "immature" in rep.describe("fcr")
    # repeats among the 8 mature contacts: A1 and A2 (A3 within 7 days), F1 (F2 an hour later).
    rr = one(rep, "repeat_contact_rate")
    assert (rr["numerator"], rr["denominator"]) == (3, 8)
    # A 2-day window: A3 (2 days 23 h later) is no repeat, D1 becomes mature.
    short = compute(
        repeat_table,
        kpis=["fcr"],
        grain="all",
        settings=Settings(fcr_method="repeat", fcr_window_days=2),
    )
    assert (one(short, "fcr")["numerator"], one(short, "fcr")["denominator"]) == (7, 7)
    # Without the 15-minute rule A2 becomes a first contact (and A1's repeat).
    no_ignore = compute(
        repeat_table,
        kpis=["fcr"],
        grain="all",
        settings=Settings(fcr_method="repeat", fcr_ignore_minutes=0),
    )
    assert (one(no_ignore, "fcr")["numerator"], one(no_ignore, "fcr")["denominator"]) == (5, 7)


def test_repeat_window_sees_contacts_outside_the_date_range(repeat_table):
    t = compute(
        repeat_table,
        kpis=["fcr"],
        grain="all",
        settings=Settings(fcr_method="repeat"),
        end="2026-01-03",
    )
    # A1, B1, C1 in range; A1's repeat (A3 on 4 Jan) lies outside the range but still counts.
    assert (one(t, "fcr")["numerator"], one(t, "fcr")["denominator"]) == (2, 3)


def test_fcr_unavailable_without_flag_suggests_repeat_method(repeat_table):
    t = compute(repeat_table.drop(columns="resolved"), kpis=["fcr"])
    assert "resolved" in t.unavailable["fcr"] and "repeat" in t.unavailable["fcr"]
    assert t.frame.empty


# --- intervals and other statistics ----------------------------------------------------------


def test_occupancy_is_a_ratio_of_sums_with_delta_interval():
    handle = np.array([300.0, 200.0, 400.0, 100.0])
    idle = np.array([100.0, 0.0, 100.0, 300.0])
    f = frame(4, answered=True, handle_seconds=handle, idle_seconds=idle)
    r = one(compute(f, kpis=["occupancy"], grain="all"), "occupancy")
    assert r["value"] == pytest.approx(1000 / 1500)
    x = handle + idle
    resid = handle - (1000 / 1500) * x
    se = np.sqrt(np.sum(resid**2) / 3 / 4) / x.mean()
    assert r["ci_low"] == pytest.approx(1000 / 1500 - stats.norm.ppf(0.975) * se)


def test_contacts_count_initial_contacts_only():
    f = frame(5, parent_contact_id=[None, "c0", None, None, "c3"])
    assert compute(f, kpis=["contacts"], grain="all").value("contacts") == 3


# --- grains, segments, filters, shape ------------------------------------------------------------


def _two_weeks() -> pd.DataFrame:
    rng = np.random.default_rng(3)
    n = 600
    f = frame(
        n,
        step_minutes=14 * 24 * 60 / n,
        queue=rng.choice(["Billing", "Sales"], n),
        answered=rng.random(n) < 0.9,
        wait_seconds=rng.exponential(20, n),
        talk_seconds=rng.exponential(200, n),
        resolved=rng.random(n) < 0.7,
        csat=rng.integers(1, 6, n).astype(float),
    )
    return f.assign(abandoned=~f["answered"])


def test_grains_periods_and_ratio_of_sums():
    f = _two_weeks()
    day = compute(f, kpis=["fcr", "asa"], grain="day")
    week = compute(f, kpis=["fcr", "asa"], grain="week")
    month = compute(f, kpis=["fcr"], grain="month")
    assert sorted(week.frame["period"].unique()) == [DAY, DAY + pd.Timedelta(days=7)]
    assert month.frame["period"].unique().tolist() == [pd.Timestamp("2026-03-01")]
    assert day.frame["period"].nunique() == 14
    d = day.frame.loc[day.frame["kpi"] == "fcr"]
    w1 = d.loc[d["period"] < DAY + pd.Timedelta(days=7)]
    expected = w1["numerator"].sum() / w1["denominator"].sum()
    assert week.value("fcr", DAY) == pytest.approx(expected)
    # ... which is not the mean of the daily rates (unequal daily denominators).
    assert abs(w1["value"].mean() - expected) > 1e-6
    interval = compute(f, kpis=["contacts"], grain="interval")
    assert interval.frame["period"].dt.minute.isin([0, 30]).all()
    assert interval.frame["value"].sum() == len(f)


def test_by_segment_wide_value_and_filters():
    f = _two_weeks()
    t = compute(f, kpis=["fcr", "csat"], grain="week", by=["queue"])
    assert list(t.frame.columns) == [
        "period", "queue", "kpi", "value", "numerator", "denominator", "ci_low", "ci_high"
    ]  # fmt: skip
    w = t.wide()
    assert list(w.columns) == ["date", "queue", "fcr", "csat"] and len(w) == 4
    billing = t.wide({"queue": "Billing"})
    assert list(billing.columns) == ["date", "fcr", "csat"] and len(billing) == 2
    assert t.wide("Billing").equals(billing)
    only = compute(f, kpis=["fcr"], grain="week", filters={"queue": ["Billing"]})
    assert only.value("fcr", DAY) == pytest.approx(t.value("fcr", DAY, queue="Billing"))
    with pytest.raises(AnalysisError):
        t.value("fcr")  # several periods and segments: ambiguous
    assert np.isnan(t.value("fcr", "2030-01-06", queue="Billing"))
    ranged = compute(f, kpis=["contacts"], grain="day", start="2026-03-03", end="2026-03-04")
    assert ranged.frame["period"].tolist() == [
        pd.Timestamp("2026-03-03"),
        pd.Timestamp("2026-03-04"),
    ]
    assert "Ratio of sums per week by queue" in t.describe("fcr")


def test_dataset_input_and_errors():
    f = _two_weeks()
    ds = Dataset.from_frame("x", f)
    assert compute(ds, kpis=["contacts"], grain="all").value("contacts") == len(f)
    with pytest.raises(AnalysisError, match="Unknown KPI"):
        compute(f, kpis=["nope"])
    with pytest.raises(AnalysisError, match="grain"):
        compute(f, grain="fortnight")
    with pytest.raises(DataError, match="team"):
        compute(f, by=["team"])
    with pytest.raises(DataError, match="timestamp"):
        compute(pd.DataFrame({"x": [1]}))


def test_unavailable_kpis_have_no_rows_and_name_the_column():
    f = _two_weeks().drop(columns=["csat", "talk_seconds"])
    t = compute(f, kpis=["csat", "csat_top2", "aht", "fcr"], grain="week")
    assert t.unavailable["csat"] == "missing column csat"
    assert "csat" in t.unavailable["csat_top2"]
    assert t.unavailable["aht"] == "missing column handle_seconds or talk_seconds"
    assert set(t.frame["kpi"]) == {"fcr"}  # no zero rows for the unavailable ones
    assert list(t.wide().columns) == ["date", "fcr"]
    with pytest.raises(AnalysisError, match="csat"):
        t.value("csat", DAY)


def test_aggregated_daily_table_is_reweighted():
    daily = pd.DataFrame(
        {
            "date": pd.date_range(DAY, periods=4, freq="D"),
            "offered": [100.0, 300.0, 50.0, 50.0],
            "answered": [90.0, 240.0, 45.0, 40.0],
            "abandoned": [10.0, 50.0, 5.0, 5.0],
            "asa_seconds": [10.0, 40.0, 20.0, 20.0],
            "service_level": [0.9, 0.5, 0.8, 0.8],
            "csat": [4.0, 3.0, 5.0, np.nan],
            "csat_responses": [10.0, 30.0, 10.0, 0.0],
        }
    )
    t = compute(coerce(daily, "aggregated"), grain="week")
    assert t.shape == "aggregated"
    assert t.value("asa", DAY) == pytest.approx((900 + 9600 + 900 + 800) / 415)
    assert t.value("service_level", DAY) == pytest.approx((81 + 120 + 36 + 32) / 415)
    assert t.value("abandonment_rate", DAY) == pytest.approx(70 / 500)
    assert t.value("csat", DAY) == pytest.approx((40 + 90 + 50) / 50)
    assert t.value("contacts", DAY) == 500
    assert "answered" in t.notes["asa"] and "responses" in t.notes["csat"]
    assert "offered ≠ answered + abandoned by 15" in t.notes["abandonment_rate"]
    assert "contact-level" in t.unavailable["ces"]
    assert t.unavailable["nps"] == "missing column nps"  # a summary's NPS needs its column
    alt = compute(daily, kpis=["abandonment_rate"], grain="all",
                  settings=Settings(abandonment_denominator="answered_abandoned"))  # fmt: skip
    assert alt.value("abandonment_rate") == pytest.approx(70 / 485)
    day = compute(daily, kpis=["asa"], grain="day")
    assert day.frame["value"].tolist() == [10.0, 40.0, 20.0, 20.0]  # passes through


def test_city_311_daily_aggregates(shared_data):
    path = shared_data / "city_311_daily" / "3-1-1-contact-centre-metrics-2023.xlsx"
    if not path.exists():
        pytest.skip(f"{path} not found")
    raw = pd.read_excel(path)
    daily = coerce(
        raw.rename(
            columns={
                "Date": "date",
                "CallsOffered": "offered",
                "CallsHandled": "answered",
                "CallsAbandoned": "abandoned",
                "AverageSpeedofAnswer": "asa_seconds",
            }
        ),
        "aggregated",
    )
    t = compute(daily, kpis=["contacts", "abandonment_rate", "asa"], grain="all")
    # Published pooled figures over all days of 2023 (shared/data/README.md).
    assert t.value("contacts") == 400_896
    assert t.value("abandonment_rate") == pytest.approx(19_661 / 400_896)
    assert round(t.value("abandonment_rate"), 4) == 0.0490
    assert t.value("asa") == pytest.approx(52.96, abs=0.01)  # weighted by calls handled


def test_concurrent_calls_are_independent():
    f = _two_weeks()
    ref = compute(f, grain="week", by=["queue"]).frame
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _: compute(f, grain="week", by=["queue"]).frame, range(6)))
    for r in results:
        pd.testing.assert_frame_equal(r, ref)


# --- properties ---------------------------------------------------------------------------------

RATES = ("fcr", "service_level", "abandonment_rate", "csat_top2", "transfer_rate")
SUMMABLE = ("contacts", *RATES, "aht", "asa", "csat", "nps")


@st.composite
def contact_frames(draw):
    n = draw(st.integers(1, 60))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    answered = rng.random(n) < draw(st.floats(0, 1))
    f = pd.DataFrame(
        {
            "contact_id": [f"c{i}" for i in range(n)],
            "start_time": DAY + pd.to_timedelta(rng.integers(0, 21 * 86400, n), unit="s"),
            "queue": rng.choice(["A", "B", "C"], n),
            "answered": answered,
            "abandoned": ~answered,
            "wait_seconds": rng.exponential(25, n).round(),
            "talk_seconds": np.where(answered, rng.exponential(200, n), np.nan),
            "resolved": np.where(answered, rng.random(n) < 0.7, None),
            "transferred": rng.random(n) < 0.1,
            "csat": np.where(rng.random(n) < 0.5, rng.integers(1, 6, n), np.nan),
            "nps": np.where(rng.random(n) < 0.5, rng.integers(0, 11, n), np.nan),
        }
    )
    return coerce(f, "interactions")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(f=contact_frames(), perm_seed=st.integers(0, 1000))
def test_properties(f, perm_seed):
    day = compute(f, kpis=list(SUMMABLE), grain="day").frame
    week = compute(f, kpis=list(SUMMABLE), grain="week").frame
    # weekly = ratio of summed daily numerators and denominators
    d = day.assign(
        period=day["period"].dt.to_period("W-SUN").dt.start_time.astype("datetime64[ns]")
    )
    sums = d.groupby(["period", "kpi"])[["numerator", "denominator"]].sum(min_count=1)
    w = week.set_index(["period", "kpi"])
    pd.testing.assert_frame_equal(
        w[["numerator", "denominator"]].sort_index(), sums.sort_index(), check_dtype=False
    )
    ratio = w.loc[w.index.get_level_values("kpi") != "contacts"]
    scale = np.where(ratio.index.get_level_values("kpi") == "nps", 100, 1)
    np.testing.assert_allclose(ratio["value"], scale * ratio["numerator"] / ratio["denominator"])
    # splitting by segment and recombining gives the same totals
    seg = compute(f, kpis=list(SUMMABLE), grain="all", by=["queue"]).frame
    total = compute(f, kpis=list(SUMMABLE), grain="all").frame.set_index("kpi")
    back = seg.groupby("kpi")[["numerator", "denominator"]].sum(min_count=1)
    np.testing.assert_allclose(back.loc[total.index, "numerator"], total["numerator"], rtol=1e-9)
    # rates and their intervals stay in [0, 1]; the value lies inside its interval
    rates = week.loc[week["kpi"].isin(RATES)]
    assert rates[["value", "ci_low", "ci_high"]].stack().between(0, 1).all()
    assert (rates["ci_low"] <= rates["value"] + 1e-12).all()
    assert (rates["value"] <= rates["ci_high"] + 1e-12).all()
    # row order does not matter
    shuffled = f.sample(frac=1, random_state=perm_seed).reset_index(drop=True)
    again = compute(shuffled, kpis=list(SUMMABLE), grain="week").frame
    pd.testing.assert_frame_equal(again, week, check_exact=False, rtol=1e-9)


# --- the bundled sample reproduces its planted effects -------------------------------------------


@pytest.fixture(scope="module")
def sample() -> Dataset:
    ds = load_sample()
    if ds.truth is None:
        pytest.skip("the sample has no truth.json")
    return ds


def test_sample_reproduces_the_aht_target_effect(sample):
    eff = next(e for e in sample.truth["effects"] if e["id"] == "aht_target")
    change = pd.Timestamp(eff["date"])
    scope = {"queue": ["Tech Support"], "direction": ["inbound"]}
    kpis = ["fcr", "aht", "csat", "transfer_rate"]
    before = compute(
        sample, kpis=kpis, grain="all", filters=scope, end=change - pd.Timedelta(days=1)
    )
    after = compute(sample, kpis=kpis, grain="all", filters=scope, start=change)
    # truth.json records these over answered inbound Tech Support contacts (the engine's
    # denominators for the flag FCR, AHT, transfers), so they agree to rounding.
    for kpi, key in [
        ("fcr", "fcr"),
        ("aht", "aht"),
        ("csat", "csat"),
        ("transfer_rate", "transfer"),
    ]:
        suffix = "_seconds" if kpi == "aht" else ""
        assert before.value(kpi) == pytest.approx(eff[f"{key}_before{suffix}"], abs=1e-5), kpi
        assert after.value(kpi) == pytest.approx(eff[f"{key}_after{suffix}"], abs=1e-5), kpi
    assert before.value("fcr") == pytest.approx(0.78, abs=0.02)
    assert after.value("fcr") == pytest.approx(0.61, abs=0.02)
    # The repeat-contact window (truth: any later contact within 7 days, censored).
    s = Settings(fcr_method="repeat", fcr_ignore_minutes=0)
    answered = {"queue": ["Tech Support"], "answered": [True]}
    rb = compute(sample, kpis=["repeat_contact_rate"], grain="all", settings=s, filters=answered,
                 end=change - pd.Timedelta(days=1))  # fmt: skip
    ra = compute(sample, kpis=["repeat_contact_rate"], grain="all", settings=s, filters=answered,
                 start=change)  # fmt: skip
    # truth also counts outbound call-outs as repeats; the engine counts customer contacts only.
    assert rb.value("repeat_contact_rate") == pytest.approx(eff["repeat_before"], abs=0.01)
    assert ra.value("repeat_contact_rate") == pytest.approx(eff["repeat_after"], abs=0.01)


def test_sample_reproduces_the_ivr_effect(sample):
    eff = next(e for e in sample.truth["effects"] if e["id"] == "ivr")
    change = pd.Timestamp(eff["date"])
    scope = {"queue": ["Billing"], "channel": ["phone"]}
    s = Settings(abandonment_denominator="answered_abandoned")  # truth: ÷ (answered + abandoned)
    t = compute(sample, kpis=["abandonment_rate"], grain="all", filters=scope, settings=s,
                end=change - pd.Timedelta(days=1))  # fmt: skip
    u = compute(
        sample, kpis=["abandonment_rate"], grain="all", filters=scope, settings=s, start=change
    )
    assert t.value("abandonment_rate") == pytest.approx(eff["before"], abs=1e-5)
    assert u.value("abandonment_rate") == pytest.approx(eff["after"], abs=1e-5)


def test_sample_all_kpis_by_day_and_queue(sample):
    t = compute(sample, grain="day", by=["queue"])
    assert t.unavailable == {}
    assert set(t.frame["queue"].unique()) == {"Billing", "Tech Support", "Sales", "General"}
    assert t.frame["period"].nunique() == sample.truth["days"]
    rates = t.frame.loc[t.frame["kpi"].isin(RATES)]
    assert rates["value"].between(0, 1).all()
    # the sample's contacts add up to its row count (no transfer legs in the sample)
    assert t.frame.loc[t.frame["kpi"] == "contacts", "value"].sum() == sample.n_rows


# --- command line ---------------------------------------------------------------------------------


def _run_cli(argv: list[str]) -> int:
    from kpi.cli import compute as cli

    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command")
    cli.add_parser(sub)
    return cli.run(parser.parse_args(["compute", *argv]))


def test_cli_compute_csv_neutralises_formula_cells(tmp_path):
    f = _two_weeks().assign(
        queue=lambda d: d["queue"].map({"Billing": "=HYPERLINK(1)", "Sales": "-Sales"})
    )
    src = tmp_path / "contacts.csv"
    f.to_csv(src, index=False)
    (tmp_path / "s.json").write_text(json.dumps({"sl_threshold_seconds": 30}))
    out = tmp_path / "kpis.csv"
    code = _run_cli([str(src), "--grain", "week", "--by", "queue", "--kpis", "fcr,nps,asa",
                     "--settings", str(tmp_path / "s.json"), "--out", str(out)])  # fmt: skip
    assert code == 0
    got = pd.read_csv(out)
    assert list(got.columns) == [
        "period", "queue", "kpi", "value", "numerator", "denominator", "ci_low", "ci_high"
    ]  # fmt: skip
    assert set(got["queue"]) == {"'=HYPERLINK(1)", "'-Sales"}
    assert set(got["kpi"]) == {"fcr", "asa"}  # nps has no column: unavailable, not zero
    ref = compute(f, kpis=["fcr"], grain="week", by=["queue"])
    assert got.loc[got["kpi"] == "fcr", "value"].sum() == pytest.approx(ref.frame["value"].sum())


def test_cli_compute_json_and_parquet(tmp_path):
    f = _two_weeks()
    src = tmp_path / "contacts.csv"
    f.to_csv(src, index=False)
    _run_cli([str(src), "--grain", "all", "--out", str(tmp_path / "k.json")])
    payload = json.loads((tmp_path / "k.json").read_text())
    assert payload["settings"] == Settings().to_dict() and payload["grain"] == "all"
    assert "nps" in payload["unavailable"]
    _run_cli([str(src), "--grain", "month", "--out", str(tmp_path / "k.parquet")])
    assert set(pd.read_parquet(tmp_path / "k.parquet")["kpi"]) >= {"contacts", "fcr", "asa"}
    with pytest.raises(DataError, match="csv"):
        _run_cli([str(src), "--out", str(tmp_path / "k.txt")])


def test_repeat_window_with_segment_filters_and_end_attribution(repeat_table):
    s = Settings(fcr_method="repeat")
    t = compute(repeat_table, kpis=["fcr"], grain="all", settings=s, filters={"customer_id": ["A"]})
    # A1 (repeat) and A3 (resolved); A2 is a transfer within 15 minutes.
    assert (one(t, "fcr")["numerator"], one(t, "fcr")["denominator"]) == (1, 2)
    ended = repeat_table.assign(end_time=repeat_table["start_time"] + pd.Timedelta(days=1))
    e = compute(
        ended,
        kpis=["contacts"],
        grain="day",
        settings=Settings(time_attribution="end"),
        start="2026-01-21",
    )
    assert e.frame["period"].tolist() == [pd.Timestamp("2026-01-21")]  # E1 ends on the 21st
    assert "end time" in Settings(time_attribution="end").describe()
    with pytest.raises(DataError, match="end_time"):
        compute(repeat_table, settings=Settings(time_attribution="end"))


def test_contacts_that_never_queued_are_not_in_access_denominators() -> None:
    # 2 phone answered (waits 10 s and 40 s), 1 phone abandoned, 3 e-mails answered with no
    # queue wait. Abandonment = 1 / 3 (not 1 / 6); service level (abandons negative, T = 20 s)
    # = 1 / 3; answered-only = 1 / 2. Hand-computed.
    frame = coerce(
        pd.DataFrame(
            {
                "contact_id": [str(i) for i in range(6)],
                "start_time": pd.to_datetime(["2026-03-02 10:00"] * 6),
                "channel": ["phone", "phone", "phone", "email", "email", "email"],
                "answered": [True, True, False, True, True, True],
                "abandoned": [False, False, True, False, False, False],
                "wait_seconds": [10.0, 40.0, 30.0, None, None, None],
            }
        )
    )
    t = compute(frame, kpis=["abandonment_rate", "service_level"], grain="all")
    assert t.value("abandonment_rate") == pytest.approx(1 / 3)
    assert t.value("service_level") == pytest.approx(1 / 3)
    only = compute(
        frame,
        kpis=["service_level"],
        grain="all",
        settings=Settings(sl_variant="answered_only"),
    )
    assert only.value("service_level") == pytest.approx(1 / 2)


# --- median and 90th percentile wait beside the ASA ------------------------------------------


def test_wait_quantiles_hand_computed_and_only_answered_inbound():
    # Answered inbound waits 1, 2, 3, 4, 100; an abandoned contact (500 s) and an outbound
    # one (1,000 s) are not answered inbound contacts and must not count.
    f = frame(
        7,
        wait_seconds=[1, 2, 3, 4, 100, 500, 1000],
        answered=[True] * 5 + [False, True],
        abandoned=[False] * 5 + [True, False],
        direction=["inbound"] * 6 + ["outbound"],
    )
    t = compute(f, kpis=["asa", "asa_median", "asa_p90"], grain="all")
    assert one(t, "asa")["value"] == pytest.approx(22.0)  # (1+2+3+4+100) / 5: the tail's pull
    assert one(t, "asa_median")["value"] == 3.0
    # Linear interpolation between order statistics (NumPy's default): rank 0.9 x 4 = 3.6.
    assert one(t, "asa_p90")["value"] == pytest.approx(4 + 0.6 * 96)
    assert one(t, "asa_p90")["value"] == pytest.approx(np.quantile([1, 2, 3, 4, 100], 0.9))
    assert one(t, "asa_median")["denominator"] == 5
    assert np.isnan(one(t, "asa_median")["ci_low"])  # 5 contacts: no interval is claimed
    assert "Quantile of the contacts" in t.describe("asa_p90")


def test_wait_quantiles_by_week_are_quantiles_of_the_week_not_of_days():
    rng = np.random.default_rng(5)
    n = 14 * 200
    waits = np.round(rng.exponential(30, n))
    f = frame(n, step_minutes=14 * 24 * 60 / n, wait_seconds=waits, answered=True)
    t = compute(f, kpis=["asa_median", "asa_p90"], grain="week")
    weeks = pd.Series(waits, index=f["start_time"]).groupby(
        pd.Grouper(freq="W-MON", label="left", closed="left")
    )
    got = t.frame.pivot(index="period", columns="kpi", values="value")
    for (week, w), (period, row) in zip(weeks, got.iterrows(), strict=True):
        assert week == period
        assert row["asa_median"] == pytest.approx(np.quantile(w, 0.5))
        assert row["asa_p90"] == pytest.approx(np.quantile(w, 0.9))


def test_wait_quantile_interval_covers_the_true_median_95_percent():
    # 400 queues of 300 answered contacts each, exponential waits (true median 30 ln 2):
    # the distribution-free interval should cover it about 95% of the time.
    rng = np.random.default_rng(11)
    reps, n = 400, 300
    waits = rng.exponential(30, reps * n)
    f = frame(
        reps * n,
        step_minutes=0.01,
        wait_seconds=waits,
        answered=True,
        queue=np.repeat([f"q{i:03d}" for i in range(reps)], n),
    )
    t = compute(f, kpis=["asa_median"], grain="all", by=("queue",))
    truth = 30 * np.log(2)
    covered = ((t.frame["ci_low"] <= truth) & (truth <= t.frame["ci_high"])).mean()
    assert len(t.frame) == reps
    assert 0.92 <= covered <= 0.98, covered


def test_wait_quantiles_unavailable_on_a_daily_report():
    daily = coerce(
        pd.DataFrame(
            {
                "date": pd.date_range("2026-01-01", periods=3),
                "answered": [10, 20, 30],
                "asa_seconds": [20.0, 25.0, 30.0],
            }
        ),
        "aggregated",
    )
    t = compute(daily, kpis=["asa", "asa_median"], grain="all")
    assert "contact-level data" in t.unavailable["asa_median"]
    assert one(t, "asa")["value"] == pytest.approx((200 + 500 + 900) / 60)


def test_quantile_rows_pool_to_the_contact_weighted_mean_of_their_quantiles():
    from kpi.analysis import impact

    rng = np.random.default_rng(2)
    n = 28 * 50
    f = frame(
        n,
        step_minutes=28 * 24 * 60 / n,
        wait_seconds=np.round(rng.exponential(30, n)),
        answered=True,
    )
    t = compute(f, kpis=["asa_median"], grain="day")
    rows = t.frame
    np.testing.assert_allclose(rows["numerator"] / rows["denominator"], rows["value"])
    table = impact.before_after(t, DAY + pd.Timedelta(days=14), kpis=["asa_median"])
    before = rows.loc[rows["period"] < DAY + pd.Timedelta(days=14)]
    want = (before["value"] * before["denominator"]).sum() / before["denominator"].sum()
    assert table.loc[0, "value_before"] == pytest.approx(want)
    assert "contact-weighted mean of its daily quantiles" in table.loc[0, "note"]


# --- grains, missing numerators, summary ASA, empty days (issue 16) -----------------------------


def _monthly(grain: str | None = "month") -> Dataset:
    """Six months of a monthly report; March and May have an empty 'abandoned' cell."""
    m = pd.DataFrame(
        {
            "date": pd.date_range("2024-01-01", periods=6, freq="MS"),
            "offered": [100.0, 200.0, 100.0, 300.0, 100.0, 200.0],
            "abandoned": [30.0, np.nan, 20.0, np.nan, 40.0, 60.0],
            "asa_seconds": [10.0, 20.0, 30.0, 40.0, 50.0, 60.0],
        }
    )
    return Dataset(name="monthly", frame=coerce(m, "aggregated"), shape="aggregated", grain=grain)


def test_missing_numerators_leave_numerator_and_denominator():
    t = compute(_monthly(), kpis=["abandonment_rate", "contacts"], grain="year")
    # Known months: 30 + 20 + 40 + 60 = 150 abandoned of 100 + 100 + 100 + 200 = 500 offered
    # -> 30%, not 150 / 1,000 = 15% with the unknown months' offered calls in the denominator.
    r = one(t, "abandonment_rate")
    assert (r["numerator"], r["denominator"]) == (150.0, 500.0)
    assert t.value("abandonment_rate") == pytest.approx(0.30)
    assert t.excluded == {"abandonment_rate": 2}
    assert "2 rows of the summary left out" in t.describe("abandonment_rate")
    assert t.value("contacts") == 1_000  # volume still counts every month's offered calls
    q = compute(_monthly(), kpis=["abandonment_rate"], grain="quarter")
    assert q.frame["value"].tolist() == pytest.approx([50 / 200, 100 / 300])


def test_a_grain_finer_than_the_report_is_refused():
    with pytest.raises(AnalysisError, match="This report is monthly: choose month, quarter, year"):
        compute(_monthly(), grain="week")
    with pytest.raises(AnalysisError, match="monthly"):
        compute(_monthly(), grain="day")
    assert len(compute(_monthly(), kpis=["contacts"], grain="month").frame) == 6
    assert compute(_monthly(None), kpis=["contacts"], grain="day").frame["value"].sum() == 1_000
    weekly = Dataset(
        name="w", frame=_monthly().frame, shape="aggregated", grain="week"
    )  # the rows stand for weeks here: booked into the month of their first day
    t = compute(weekly, kpis=["contacts"], grain="month")
    assert "booked in the month its first day falls in" in t.describe("contacts")


def test_summary_asa_without_answered_is_weighted_by_offered_minus_abandoned():
    t = compute(_monthly(), kpis=["asa"], grain="all")
    # Weights offered − abandoned on the months where both are known: 70, 80, 60, 140.
    want = (10 * 70 + 30 * 80 + 50 * 60 + 60 * 140) / (70 + 80 + 60 + 140)
    assert t.value("asa") == pytest.approx(want)
    assert "weighted by offered − abandoned" in t.notes["asa"]
    only = _monthly().frame.drop(columns=["offered", "abandoned"])
    e = compute(only, kpis=["asa"], grain="all")
    assert e.value("asa") == pytest.approx(35.0)  # equal weights, said once
    assert "equal weight" in e.notes["asa"] and "asa" not in e.unavailable


def test_empty_days_count_zero_contacts_and_leave_rates_missing():
    f = frame(4, step_minutes=0.0, answered=True, resolved=[True, False, True, True],
              queue=["A", "A", "B", "B"])  # fmt: skip
    f = f.assign(
        start_time=pd.to_datetime(["2026-03-02", "2026-03-02", "2026-03-02", "2026-03-05"])
    )
    t = compute(f, kpis=["contacts", "fcr"], grain="day")
    w = t.wide()
    assert w["date"].tolist() == list(pd.date_range("2026-03-02", "2026-03-05"))
    assert w["contacts"].tolist() == [3, 0, 0, 1]
    assert w["fcr"].isna().tolist() == [False, True, True, False]
    seg = compute(f, kpis=["contacts"], grain="day", by="queue").wide()
    assert len(seg) == 8  # both queues on all four days
    assert seg.loc[seg["queue"] == "A", "contacts"].tolist() == [2, 0, 0, 0]
    assert seg.loc[seg["queue"] == "B", "contacts"].tolist() == [1, 0, 0, 1]


def test_quarter_and_year_grains():
    f = frame(3, answered=True, resolved=[True, False, True])
    f = f.assign(start_time=pd.to_datetime(["2025-11-30", "2026-02-01", "2026-05-01"]))
    q = compute(f, kpis=["contacts"], grain="quarter")
    assert (
        q.frame["period"].tolist()
        == pd.to_datetime(["2025-10-01", "2026-01-01", "2026-04-01"]).tolist()
    )
    y = compute(f, kpis=["fcr"], grain="year")
    assert y.value("fcr", "2026-01-01") == pytest.approx(1 / 2)


def test_plan_is_pure_sql_over_any_source():
    from kpi.engine import plan
    from kpi.engine.run import execute

    f = _two_weeks()
    qp = plan("read_parquet('lake/*.parquet')", list(f.columns), ["fcr", "asa"], grain="week",
              by=("queue",), filters={"queue": ["Billing"]})  # fmt: skip
    assert "FROM read_parquet('lake/*.parquet')" in qp.main and qp.window == ""
    assert qp.params == ("Billing",)
    assert set(qp.columns) == {"start_time", "queue", "answered", "wait_seconds", "resolved",
                               "direction"}  # fmt: skip
    # The same plan over a registered table gives the engine's figures.
    local = plan("src", list(f.columns), ["fcr"], grain="week", by=("queue",))
    agg, _ = execute(local, f[list(local.columns)], ["queue"])
    ref = compute(f, kpis=["fcr"], grain="week", by=["queue"])
    got = (
        agg.set_index(["_period", "queue"])["fcr__num"]
        / agg.set_index(["_period", "queue"])["fcr__den"]
    )
    assert sorted(got.tolist()) == pytest.approx(sorted(ref.frame["value"].tolist()))

"""kpi.simulate: the sample is deterministic, canonical, realistic and carries its planted effects.

The planted effects are re-measured here from the generated rows with plain pandas (not the
engine), so the truth file and the data cannot drift apart.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from kpi import schema
from kpi.cli import sample as sample_cli
from kpi.simulate import simulate, write_sample

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_data"
FILES = ("contacts.parquet", "contacts_excerpt.csv", "truth.json")


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return pd.read_parquet(SAMPLE / "contacts.parquet")


@pytest.fixture(scope="module")
def truth() -> dict:
    return json.loads((SAMPLE / "truth.json").read_text())


@pytest.fixture(scope="module")
def effects(truth: dict) -> dict[str, dict]:
    return {e["id"]: e for e in truth["effects"]}


def _day(frame: pd.DataFrame) -> pd.Series:
    return frame["start_time"].dt.normalize()


def _flag(frame: pd.DataFrame, col: str) -> pd.Series:
    return frame[col].fillna(False).astype(bool)


# --- determinism --------------------------------------------------------------------------


def test_write_sample_is_byte_identical_and_bundled_sample_is_current(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    a = write_sample(tmp_path / "a", seed=7)
    parser = argparse.ArgumentParser()
    sample_cli.add_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["sample", "--out", str(tmp_path / "b")])
    assert args.seed == 7
    assert sample_cli.run(args) == 0
    printed = capsys.readouterr().out.split()
    assert printed == [str(tmp_path / "b" / name) for name in FILES]
    assert [p.name for p in a] == list(FILES)
    for name in FILES:
        first = (tmp_path / "a" / name).read_bytes()
        assert first == (tmp_path / "b" / name).read_bytes(), name
        # sample_data/ must be regenerated (kpi sample --out sample_data) when the simulator changes
        assert first == (SAMPLE / name).read_bytes(), f"sample_data/{name} is stale"
    excerpt = pd.read_csv(tmp_path / "a" / "contacts_excerpt.csv")
    assert list(excerpt.columns) == [c.name for c in schema.INTERACTION_COLUMNS]
    assert len(excerpt) == 500 and excerpt["start_time"].str.match(r"^\d{4}-\d\d-\d\dT").all()
    assert (tmp_path / "a" / "truth.json").read_text().startswith('{\n  "days"')  # sorted, indent 2


def test_cli_requires_out() -> None:
    parser = argparse.ArgumentParser()
    p = sample_cli.add_parser(parser.add_subparsers(dest="command"))
    assert p.parse_args(["--out", "x", "--seed", "3"]).seed == 3
    with pytest.raises(SystemExit):
        p.parse_args([])  # --out is required


def test_same_seed_same_frame_other_seed_differs() -> None:
    f1, t1 = simulate(3, days=21)
    f2, t2 = simulate(3, days=21)
    pd.testing.assert_frame_equal(f1, f2)
    assert t1 == t2
    f3, t3 = simulate(4, days=21)
    assert len(f3) != len(f1) or not f3.equals(f1)
    assert t3["effects"][0]["before"] != t1["effects"][0]["before"]


def test_short_periods_and_change_dates() -> None:
    f, t = simulate(1, days=14, start="2026-03-02")
    assert (t["start"], t["end"], t["days"], t["rows"]) == ("2026-03-02", "2026-03-15", 14, len(f))
    assert f["start_time"].min() >= pd.Timestamp("2026-03-02")
    assert f["start_time"].max() < pd.Timestamp("2026-03-16")
    for e in t["effects"][:2]:
        d = pd.Timestamp(e["date"])
        assert d.day_of_week < 5 and pd.Timestamp("2026-03-02") < d <= pd.Timestamp("2026-03-15")
    json.dumps(t, allow_nan=False)  # NaN-free (None where a value cannot be measured)
    with pytest.raises(ValueError):
        simulate(1, days=10)


# --- schema conformance -------------------------------------------------------------------


def test_schema_conformance(frame: pd.DataFrame) -> None:
    assert tuple(frame.columns) == tuple(c.name for c in schema.INTERACTION_COLUMNS)
    pd.testing.assert_frame_equal(schema.coerce(frame), frame)
    assert not schema.out_of_range(frame).to_numpy().any()
    assert frame["contact_id"].is_unique
    assert frame["start_time"].is_monotonic_increasing
    assert (frame["end_time"] >= frame["start_time"]).all()
    assert frame["parent_contact_id"].isna().all()
    assert set(frame["queue"]) == {"Billing", "Tech Support", "Sales", "General"}
    assert set(frame["channel"]) == {"phone", "chat", "email"}
    assert set(frame["direction"]) == {"inbound", "outbound"}
    assert frame["agent_id"].nunique() == 40 and frame["team"].nunique() == 5
    assert (frame.groupby("agent_id")["team"].nunique() == 1).all()


def test_outcome_semantics(frame: pd.DataFrame) -> None:
    ans, ab, bl = (_flag(frame, c) for c in ("answered", "abandoned", "blocked"))
    inbound = frame["direction"] == "inbound"
    phone, chat, email = (frame["channel"] == c for c in ("phone", "chat", "email"))
    # exclusive outcomes of an inbound queued contact
    queued = inbound & (phone | chat)
    assert ((ans.astype(int) + ab.astype(int) + bl.astype(int))[queued] == 1).all()
    assert 0 < bl[inbound & phone].mean() < 0.02 and not bl[chat].any()
    assert not (ab | bl)[email | ~inbound].any() and ans[email | ~inbound].all()
    # waits: blocked never queued; email and outbound have no queue wait
    wait = frame["wait_seconds"]
    assert wait[bl].isna().all() and wait[(email | ~inbound)].isna().all()
    assert wait[queued & ~bl].notna().all()
    # first response: answered inbound digital only
    frt = frame["first_response_seconds"]
    assert frt[ans & inbound & (chat | email)].notna().all() and frt[phone].isna().all()
    assert frt[ans & chat].median() < 120 and frt[ans & email].median() > 3600
    assert (frt[ans & chat] >= wait[ans & chat]).all()
    # handling fields on answered rows only; handle = talk + hold + acw; no hold off the phone
    for col in ("talk_seconds", "hold_seconds", "acw_seconds", "handle_seconds", "idle_seconds"):
        assert frame.loc[ans, col].notna().all() and frame.loc[~ans, col].isna().all(), col
    total = frame["talk_seconds"] + frame["hold_seconds"] + frame["acw_seconds"]
    assert np.allclose(total[ans], frame.loc[ans, "handle_seconds"])
    assert (frame.loc[ans & ~phone, "hold_seconds"] == 0).all()
    assert frame.loc[~ans, ["agent_id", "team", "engagement", "transferred"]].isna().all().all()
    assert (
        frame["resolved"][ans & inbound].notna().all() and frame["resolved"][~inbound].isna().all()
    )
    # proactive contacts are outbound; conversions are a Sales outcome
    assert (frame.loc[_flag(frame, "proactive"), "direction"] == "outbound").all()
    assert set(frame.loc[frame["converted"].notna(), "queue"]) == {"Sales"}
    # surveys only on answered inbound contacts
    surveyed = frame["csat"].notna()
    assert (ans & inbound)[surveyed].all()
    assert (frame["nps"].notna() == surveyed).all() and (frame["ces"].notna() == surveyed).all()


# --- realism ------------------------------------------------------------------------------


def test_volumes_and_patterns(frame: pd.DataFrame) -> None:
    daily = frame.groupby(_day(frame)).size()
    weekday = daily[daily.index.day_of_week < 5]
    weekend = daily[daily.index.day_of_week >= 5]
    assert 1200 <= weekday.mean() <= 1800
    assert weekend.mean() < 0.5 * weekday.mean()
    hour = frame.loc[frame["channel"] == "phone", "start_time"].dt.hour
    assert hour.between(8, 21).mean() > 0.97  # phone lines open 08:00-20:00 (retries spill)
    assert frame["channel"].value_counts(normalize=True)["phone"] > 0.6
    assert 0.01 <= frame["proactive"].mean() <= 0.05
    assert 20_000 < frame["customer_id"].nunique() < len(frame)


def test_kpi_levels_are_plausible(frame: pd.DataFrame) -> None:
    ans = frame[_flag(frame, "answered")]
    inbound = ans[ans["direction"] == "inbound"]
    rate = inbound["csat"].notna().mean()
    assert 0.15 <= rate <= 0.25, rate
    occupancy = ans["handle_seconds"].sum() / (ans["handle_seconds"] + ans["idle_seconds"]).sum()
    assert 0.80 <= occupancy <= 0.88, occupancy
    aht = ans.groupby("topic")["handle_seconds"].mean() / 60
    # KPI_REFERENCE "AHT by topic": password reset 2-3 min, billing 5-7, technical 8-12, disputes 10-15
    assert 2 <= aht["Password reset"] <= 3
    assert 5 <= aht["Billing question"] <= 7
    assert 8 <= aht["Technical issue"] <= 12
    assert 10 <= aht["Dispute"] <= 15
    phone = inbound[inbound["channel"] == "phone"]
    assert 10 <= phone["wait_seconds"].mean() <= 40
    assert 0.7 <= (phone["wait_seconds"] <= 20).mean() <= 0.9
    assert 0.6 <= inbound["resolved"].astype(float).mean() <= 0.85
    assert 0.03 <= ans["transferred"].astype(float).mean() <= 0.15
    sales = ans[ans["queue"] == "Sales"]
    assert 0.1 <= sales["converted"].astype(float).mean() <= 0.3
    assert (frame["engagement"].dropna() * 10 % 1 == 0).all()  # one decimal
    assert 0 < frame["cost"].sum() / len(ans) < 15


# --- planted effects ----------------------------------------------------------------------


def _abandonment(frame: pd.DataFrame, queue: str, date: str) -> tuple[float, float]:
    sel = (
        (frame["queue"] == queue)
        & (frame["channel"] == "phone")
        & (frame["direction"] == "inbound")
        & ~_flag(frame, "blocked")
    )
    ab = _flag(frame, "abandoned")[sel]
    after = frame.loc[sel, "start_time"] >= pd.Timestamp(date)
    return float(ab[~after].mean()), float(ab[after].mean())


def test_truth_fields(truth: dict, frame: pd.DataFrame) -> None:
    assert (truth["seed"], truth["start"], truth["end"], truth["rows"]) == (
        7,
        "2026-01-05",
        "2026-07-05",
        len(frame),
    )
    assert [e["id"] for e in truth["effects"]] == [
        "ivr",
        "aht_target",
        "engagement_leads_csat",
        "shared_trend",
    ]
    ivr, aht, eng, trend = truth["effects"]
    assert {"queue", "date", "kpi", "before", "after", "effect", "control_queues"} <= set(ivr)
    assert ivr["control_queues"] == ["Sales", "General"] and ivr["kpi"] == "abandonment_rate"
    for k in ("aht", "fcr", "csat", "repeat", "transfer"):
        suffix = "_seconds" if k == "aht" else ""
        assert f"{k}_before{suffix}" in aht and f"{k}_after{suffix}" in aht
    assert (eng["driver"], eng["outcome"], eng["lag_days"]) == ("engagement", "csat", 5)
    assert trend["kpis"] == ["contacts", "hold_time"]
    n = (pd.Timestamp(truth["end"]) - pd.Timestamp(truth["start"])).days
    assert 0.55 * n <= (pd.Timestamp(ivr["date"]) - pd.Timestamp(truth["start"])).days <= 0.65 * n
    assert 0.35 * n <= (pd.Timestamp(aht["date"]) - pd.Timestamp(truth["start"])).days <= 0.45 * n
    assert pd.Timestamp(ivr["date"]).day_of_week < 5 and pd.Timestamp(aht["date"]).day_of_week < 5


def test_ivr_cuts_billing_abandonment_only(effects: dict, frame: pd.DataFrame) -> None:
    ivr = effects["ivr"]
    before, after = _abandonment(frame, "Billing", ivr["date"])
    assert before == pytest.approx(ivr["before"], abs=1e-6)
    assert after == pytest.approx(ivr["after"], abs=1e-6)
    assert 0.10 <= before <= 0.15 and 0.05 <= after <= 0.09
    assert -0.08 <= ivr["effect"] <= -0.05
    # the realised before/after change matches the expected effect to within 1.5 points (the
    # rest is day-level load noise between the two periods; SE of the difference ~0.5 points)
    assert after - before == pytest.approx(ivr["effect"], abs=0.015)
    for queue in ivr["control_queues"]:
        b, a = _abandonment(frame, queue, ivr["date"])
        assert abs(a - b) < 0.012, queue


def _followed_within_7_days(frame: pd.DataFrame) -> pd.Series:
    s = frame[["customer_id", "start_time"]].sort_values(
        ["customer_id", "start_time"], kind="stable"
    )
    nxt = s.groupby("customer_id")["start_time"].shift(-1)
    gap = nxt - s["start_time"]
    hit = (gap > pd.Timedelta(0)) & (gap <= pd.Timedelta(days=7))
    return hit.reindex(frame.index)


def test_aht_target_in_tech_support(effects: dict, frame: pd.DataFrame) -> None:
    e = effects["aht_target"]
    date = pd.Timestamp(e["date"])
    ts = frame[
        (frame["queue"] == "Tech Support")
        & (frame["direction"] == "inbound")
        & _flag(frame, "answered")
    ]
    after = ts["start_time"] >= date
    pre, post = ts[~after], ts[after]
    assert post["handle_seconds"].mean() / pre["handle_seconds"].mean() == pytest.approx(
        0.75, abs=0.05
    )
    fcr_pre, fcr_post = (x["resolved"].astype(float).mean() for x in (pre, post))
    assert fcr_pre == pytest.approx(0.78, abs=0.03) and fcr_post == pytest.approx(0.61, abs=0.03)
    csat_pre, csat_post = pre["csat"].mean(), post["csat"].mean()
    assert csat_pre == pytest.approx(4.2, abs=0.15) and csat_post == pytest.approx(3.6, abs=0.15)
    tr_pre, tr_post = (x["transferred"].astype(float).mean() for x in (pre, post))
    assert tr_post > tr_pre + 0.02
    repeat = _followed_within_7_days(frame)
    judged = frame["start_time"] < frame["start_time"].max().normalize() - pd.Timedelta(days=6)
    rep_pre = repeat[pre.index][judged[pre.index]].mean()
    rep_post = repeat[post.index][judged[post.index]].mean()
    assert rep_post > rep_pre + 0.05
    measured = {
        "aht_before_seconds": pre["handle_seconds"].mean(),
        "aht_after_seconds": post["handle_seconds"].mean(),
        "fcr_before": fcr_pre,
        "fcr_after": fcr_post,
        "csat_before": csat_pre,
        "csat_after": csat_post,
        "transfer_before": tr_pre,
        "transfer_after": tr_post,
        "repeat_before": rep_pre,
        "repeat_after": rep_post,
    }
    for key, value in measured.items():
        assert e[key] == pytest.approx(value, abs=1e-5), key
    # control: the other queues' AHT does not drop at the date
    other = frame[(frame["queue"] == "General") & _flag(frame, "answered")]
    later = other["start_time"] >= date
    assert (
        other.loc[later, "handle_seconds"].mean()
        >= 0.97 * other.loc[~later, "handle_seconds"].mean()
    )


def test_daily_aht_and_fcr_covary_in_tech_support(effects: dict, frame: pd.DataFrame) -> None:
    ts = frame[(frame["queue"] == "Tech Support") & _flag(frame, "answered")]
    ts = ts[ts["start_time"] < pd.Timestamp(effects["aht_target"]["date"])]  # within one regime
    daily = ts.groupby(_day(ts)).agg(aht=("handle_seconds", "mean"), fcr=("resolved", "mean"))
    assert daily["aht"].corr(daily["fcr"].astype(float)) > 0.5


def _daily(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.groupby(_day(frame)).agg(
        engagement=("engagement", "mean"), csat=("csat", "mean"), nps=("nps", "mean")
    )


def test_engagement_leads_csat_by_five_days(effects: dict, frame: pd.DataFrame) -> None:
    daily = _daily(frame)
    corr = {lag: daily["engagement"].shift(lag).corr(daily["csat"]) for lag in range(0, 11)}
    assert corr[5] == pytest.approx(effects["engagement_leads_csat"]["lag_correlation"], abs=1e-5)
    assert 0.4 <= corr[5] <= 0.6
    assert abs(corr[0]) < 0.2
    assert all(corr[5] > corr[lag] + 0.05 for lag in corr if lag != 5)
    # engagement leads, it does not follow
    assert abs(daily["csat"].shift(5).corr(daily["engagement"])) < 0.25
    # nothing else depends on engagement (NPS shares CSAT's contact-level drivers, not the shift)
    assert abs(daily["engagement"].shift(5).corr(daily["nps"])) < 0.25


def _trend_fit(y: np.ndarray, dow: np.ndarray) -> tuple[float, np.ndarray]:
    """Relative growth over the period of a log-linear trend with weekday dummies, residuals."""
    t = np.arange(len(y)) / (len(y) - 1)
    design = np.column_stack([t, *(dow == d for d in range(7))]).astype(float)
    coef, *_ = np.linalg.lstsq(design, np.log(y), rcond=None)
    return float(np.exp(coef[0]) - 1.0), np.log(y) - design @ coef


def test_volume_and_hold_trend_up_independently(frame: pd.DataFrame) -> None:
    ans = frame[_flag(frame, "answered")]
    days = frame.groupby(_day(frame)).size()
    hold = ans.groupby(_day(ans))["hold_seconds"].mean().reindex(days.index)
    dow = days.index.day_of_week.to_numpy()
    growth_v, resid_v = _trend_fit(days.to_numpy(dtype=float), dow)
    growth_h, resid_h = _trend_fit(hold.to_numpy(dtype=float), dow)
    assert 0.18 <= growth_v <= 0.45, growth_v  # 25% planted on new issues (+ repeat contacts)
    assert 0.2 <= growth_h <= 0.4, growth_h  # 30% planted
    assert abs(np.corrcoef(resid_v, resid_h)[0, 1]) < 0.2  # no day-level link

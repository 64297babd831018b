"""Speed: the KPI engine (DuckDB) vs a straightforward pandas groupby, by day x queue.

Generates 1M and 10M canonical contacts (vectorised numpy, no simulator), then in the same run
times (a) ``kpi.engine.compute`` of every available KPI by day x queue (incl. the Arrow hand-off
and the repeat-contact window), (b) a plain pandas implementation of the same KPIs (conditional
columns, one groupby-sum, a sort + shift for the repeat window) and (c) the engine on seven core
KPIs against the same figures from one hand-written DuckDB query (``vs_handwritten`` ≈ 1: the
registry and the plan cost nothing over writing the SQL by hand). Prints both times, the ratio and
peak memory (``resource.getrusage`` max RSS, which also sees DuckDB's native memory).

Goal: 10M contacts by day x queue in under 5 s on a 2-core machine, >= 5x faster than pandas.

Run by hand:  python benchmarks/bench_engine.py [--sizes 1000000 10000000] [--repeat 2]
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import time

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa

from kpi.engine import compute, wilson_interval
from kpi.metrics import Settings

QUEUES = np.array(["Billing", "Tech Support", "Sales", "General"])
CHANNELS = np.array(["phone", "chat", "email"])


def rss_mb() -> float:
    """Current resident memory (MB), from /proc."""
    with open(f"/proc/{os.getpid()}/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def peak_mb() -> float:
    """Peak resident memory of this process so far (MB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _strings(values: np.ndarray) -> pd.Series:
    # Build string columns through Arrow: 10M Python str objects would dominate the run.
    return pd.Series(pa.array(values).cast(pa.string()), dtype=pd.StringDtype("pyarrow"))


def _bool(values: np.ndarray, mask: np.ndarray | None = None) -> pd.arrays.BooleanArray:
    m = np.zeros(len(values), bool) if mask is None else mask
    return pd.arrays.BooleanArray(values.astype(bool), m)


def generate(n: int, seed: int = 1, days: int = 182) -> pd.DataFrame:
    """n canonical contacts over ``days`` days (canonical dtypes; unsorted like a raw export)."""
    rng = np.random.default_rng(seed)
    start = np.datetime64("2026-01-05T00:00:00", "ns")
    t = start + rng.integers(0, days * 86400, n).astype("timedelta64[s]").astype("timedelta64[ns]")
    customers = (rng.pareto(1.2, n) * 1000).astype(np.int64) % max(n // 3, 1)
    queue = rng.integers(0, 4, n)
    channel = rng.choice(3, n, p=[0.7, 0.2, 0.1])
    outbound = rng.random(n) < 0.04
    u = rng.random(n)
    blocked = ~outbound & (u < 0.01)
    abandoned = ~outbound & (u >= 0.01) & (u < 0.08)
    answered = ~blocked & ~abandoned
    nan = np.full(n, np.nan)
    wait = np.where(blocked | outbound, np.nan, rng.exponential(30, n).round())
    talk = np.where(answered, rng.gamma(2.0, 150, n).round(), nan)
    hold = np.where(answered, rng.exponential(20, n).round(), nan)
    acw = np.where(answered, rng.exponential(40, n).round(), nan)
    survey = answered & (rng.random(n) < 0.2)
    not_ans = ~answered
    frame = pd.DataFrame(
        {
            "contact_id": _strings(np.arange(n)),
            "start_time": t,
            "customer_id": _strings(customers),
            "channel": _strings(CHANNELS[channel]),
            "direction": _strings(np.where(outbound, "outbound", "inbound")),
            "queue": _strings(QUEUES[queue]),
            "wait_seconds": wait,
            "talk_seconds": talk,
            "hold_seconds": hold,
            "acw_seconds": acw,
            "handle_seconds": talk + hold + acw,
            "first_response_seconds": np.where(answered & (channel > 0), wait + 30, nan),
            "idle_seconds": np.where(answered, rng.exponential(60, n).round(), nan),
            "answered": _bool(answered),
            "abandoned": _bool(abandoned),
            "blocked": _bool(blocked),
            "transferred": _bool(rng.random(n) < 0.08, not_ans),
            "escalated": _bool(rng.random(n) < 0.03, not_ans),
            "resolved": _bool(rng.random(n) < 0.72, not_ans | outbound),
            "converted": _bool(rng.random(n) < 0.2, not_ans | (queue != 2)),
            "proactive": _bool(outbound & (rng.random(n) < 0.5)),
            "csat": np.where(survey, rng.integers(1, 6, n), nan),
            "nps": np.where(survey, rng.integers(0, 11, n), nan),
            "ces": np.where(survey, rng.integers(1, 8, n), nan),
            "engagement": np.where(answered, rng.normal(3.8, 0.4, n).round(1).clip(1, 5), nan),
            "cost": np.where(answered, (talk + hold + acw) / 60 * 0.9, 0.0),
        }
    )
    return frame


def pandas_baseline(df: pd.DataFrame, settings: Settings) -> pd.DataFrame:  # noqa: PLR0915 -- ratchet (#17): split or fix pending
    """The same KPIs (values + Wilson/t intervals) by day x queue with plain pandas."""
    T, sa = settings.sl_threshold_seconds, settings.short_abandon_seconds
    inbound = (df["direction"] != "outbound").fillna(True).to_numpy(bool)
    ans = df["answered"].fillna(False).to_numpy(bool)
    ab = df["abandoned"].fillna(False).to_numpy(bool)
    blk = df["blocked"].fillna(False).to_numpy(bool)
    handled = df["answered"].fillna(True).to_numpy(bool)
    wait = df["wait_seconds"].to_numpy()
    handle = df["handle_seconds"].to_numpy()
    idle = df["idle_seconds"].to_numpy()
    offered = inbound & ~blk
    queued = inbound & (ans | ab)

    # repeat window: a later inbound contact of the same customer in [t + 15 min, t + 7 days]
    has = inbound & df["customer_id"].notna().to_numpy()
    codes = pd.factorize(df["customer_id"])[0].astype(np.int64)
    secs = ((df["start_time"] - df["start_time"].min()).dt.total_seconds()).to_numpy(np.int64)
    key = np.where(has, codes * (1 << 34) + secs, -1)
    order = np.argsort(key, kind="stable")
    sorted_key = key[order]
    lo = np.searchsorted(sorted_key, key + 15 * 60, side="left")
    nxt = sorted_key[np.minimum(lo, len(key) - 1)]
    repeat = has & (lo < len(key)) & (nxt >> 34 == codes) & (nxt - key <= 7 * 86400)
    prev_i = np.searchsorted(sorted_key, key - 15 * 60, side="left")
    prev_k = sorted_key[np.minimum(prev_i, len(key) - 1)]
    # a contact with an earlier one of the same customer within 15 min is not a first contact
    has & ~((prev_k >> 34 == codes) & (prev_k < key))
    mature = (df["start_time"] <= df["start_time"].max() - pd.Timedelta(days=7)).to_numpy()
    inb_mask = has

    res = df["resolved"]
    cols: dict[str, np.ndarray] = {
        "contacts": np.ones(len(df)),
        "fcr_num": handled & res.fillna(False).to_numpy(bool),
        "fcr_den": handled & res.notna().to_numpy(),
        "rep_num": inb_mask & mature & repeat,
        "rep_den": inb_mask & mature,
        "sl_num": inbound & ans & (wait <= T),
        "sl_den": queued,
        "ab_num": inbound & ab,
        "ab_den": offered,
        "sab_num": inbound & ab & (wait < sa),
        "blk_num": inbound & blk,
        "blk_den": inbound,
        "tr_num": handled & df["transferred"].fillna(False).to_numpy(bool),
        "esc_num": handled & df["escalated"].fillna(False).to_numpy(bool),
        "handled": handled,
        "conv_num": handled & df["converted"].fillna(False).to_numpy(bool),
        "conv_den": handled & df["converted"].notna().to_numpy(),
        "pro_num": df["proactive"].fillna(False).to_numpy(bool),
        "pro_den": df["proactive"].notna().to_numpy(),
        "occ_num": np.where(handled & ~np.isnan(idle), handle, 0),
        "occ_den": np.where(handled, np.nan_to_num(handle + idle), 0),
    }
    means = {
        "aht": (handle, handled),
        "talk_time": (df["talk_seconds"].to_numpy(), handled),
        "hold_time": (df["hold_seconds"].to_numpy(), handled),
        "acw_time": (df["acw_seconds"].to_numpy(), handled),
        "asa": (wait, inbound & ans),
        "csat": (df["csat"].to_numpy(), None),
        "ces": (df["ces"].to_numpy(), None),
        "frt": (df["first_response_seconds"].to_numpy(), None),
        "cost_per_contact": (df["cost"].to_numpy(), None),
        "engagement": (df["engagement"].to_numpy(), None),
    }
    for k, (x, where) in means.items():
        ok = ~np.isnan(x) if where is None else where & ~np.isnan(x)
        cols[f"{k}_sum"] = np.where(ok, x, 0)
        cols[f"{k}_n"] = ok
        cols[f"{k}_ss"] = np.where(ok, x * x, 0)
    csat, nps = df["csat"].to_numpy(), df["nps"].to_numpy()
    cols["top2"] = csat >= 4
    cols["prom"], cols["det"], cols["nps_n"] = nps >= 9, nps <= 6, ~np.isnan(nps)
    tmp = pd.DataFrame({k: np.asarray(v, dtype="float64") for k, v in cols.items()})
    tmp["day"] = df["start_time"].dt.floor("D")
    tmp["queue"] = df["queue"]
    g = tmp.groupby(["day", "queue"]).sum()
    out = {"contacts": g["contacts"]}
    rates = {
        "fcr": ("fcr_num", "fcr_den"),
        "repeat_contact_rate": ("rep_num", "rep_den"),
        "service_level": ("sl_num", "sl_den"),
        "abandonment_rate": ("ab_num", "ab_den"),
        "short_abandon_rate": ("sab_num", "ab_den"),
        "blocked_rate": ("blk_num", "blk_den"),
        "transfer_rate": ("tr_num", "handled"),
        "escalation_rate": ("esc_num", "handled"),
        "conversion_rate": ("conv_num", "conv_den"),
        "proactive_ratio": ("pro_num", "pro_den"),
        "csat_top2": ("top2", "csat_n"),
    }
    for k, (num, den) in rates.items():
        out[k] = g[num] / g[den]
        out[k + "_lo"], out[k + "_hi"] = wilson_interval(g[num], g[den])
    for k in means:
        n = g[f"{k}_n"]
        m = g[f"{k}_sum"] / n
        sd = np.sqrt(np.maximum(g[f"{k}_ss"] - n * m * m, 0) / (n - 1))
        out[k] = m
        out[k + "_half"] = 1.96 * sd / np.sqrt(n)
    out["nps"] = 100 * (g["prom"] - g["det"]) / g["nps_n"]
    out["occupancy"] = g["occ_num"] / g["occ_den"]
    # Median and P90 wait of answered inbound contacts (values only: the engine also reads a
    # distribution-free interval off a grid of quantiles, which this baseline skips).
    waits = pd.DataFrame(
        {"day": tmp["day"], "queue": tmp["queue"], "wait": np.where(inbound & ans, wait, np.nan)}
    ).dropna(subset=["wait"])
    q = waits.groupby(["day", "queue"])["wait"]
    out["asa_median"] = q.quantile(0.5)
    out["asa_p90"] = q.quantile(0.9)
    return pd.DataFrame(out)


#: The KPIs the hand-written DuckDB query computes (one GROUP BY, the SQL an analyst would write).
HAND_KPIS = ("contacts", "fcr", "aht", "asa", "service_level", "abandonment_rate", "csat")
HAND_SQL = """
SELECT date_trunc('day', start_time::TIMESTAMP) AS period, queue,
    count(*) AS contacts,
    count_if(coalesce(answered, TRUE) AND resolved) / count_if(coalesce(answered, TRUE) AND resolved IS NOT NULL) AS fcr,
    avg(CASE WHEN coalesce(answered, TRUE) THEN handle_seconds END) AS aht,
    avg(CASE WHEN coalesce(direction <> 'outbound', TRUE) AND answered THEN wait_seconds END) AS asa,
    count_if(coalesce(direction <> 'outbound', TRUE) AND answered AND wait_seconds <= 20)
      / count_if(coalesce(direction <> 'outbound', TRUE) AND (wait_seconds IS NOT NULL OR abandoned)
                 AND (answered OR abandoned)) AS service_level,
    count_if(coalesce(direction <> 'outbound', TRUE) AND abandoned)
      / count_if(coalesce(direction <> 'outbound', TRUE) AND NOT coalesce(blocked, FALSE)
                 AND (wait_seconds IS NOT NULL OR abandoned)) AS abandonment_rate,
    avg(csat) AS csat
FROM src GROUP BY ALL
"""


def handwritten(df: pd.DataFrame) -> pd.DataFrame:
    """The core KPIs by day x queue in one hand-written DuckDB query (values only)."""
    cols = ["start_time", "queue", "direction", "answered", "abandoned", "blocked", "resolved",
            "handle_seconds", "wait_seconds", "csat"]  # fmt: skip
    con = duckdb.connect()
    try:
        con.register("src", pa.Table.from_pandas(df[cols], preserve_index=False))
        return con.execute(HAND_SQL).fetch_df()
    finally:
        con.close()


def bench(n: int, repeat: int) -> dict[str, float]:
    t0 = time.perf_counter()
    df = generate(n)
    gen = time.perf_counter() - t0
    gc.collect()
    base_rss = rss_mb()
    settings = Settings()

    engine_times, pandas_times = [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        table = compute(df, grain="day", by=["queue"], settings=settings)
        engine_times.append(time.perf_counter() - t0)
        engine_peak = peak_mb()
    n_kpis = len(table.kpis)
    assert not table.unavailable, table.unavailable
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        ref = pandas_baseline(df, settings)
        pandas_times.append(time.perf_counter() - t0)
    pandas_peak = peak_mb()

    # Same numbers: compare a few KPIs between the two implementations.
    wide = table.frame.pivot_table(index=["period", "queue"], columns="kpi", values="value")
    ref.index = ref.index.set_names(["period", "queue"])
    checked = ("fcr", "aht", "service_level", "abandonment_rate", "repeat_contact_rate", "nps")
    for k in (*checked, "asa_median", "asa_p90"):
        a = wide[k].sort_index().to_numpy()
        b = ref[k].sort_index().to_numpy()
        if not np.allclose(a, b, rtol=1e-6, equal_nan=True):
            bad = np.nanmax(np.abs(a - b))
            raise SystemExit(f"engine and pandas disagree on {k} (max difference {bad:g})")

    # The engine on the core KPIs vs the same figures in one hand-written DuckDB query.
    core_times, hand_times = [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        core = compute(df, kpis=list(HAND_KPIS), grain="day", by=["queue"], settings=settings)
        core_times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        hand = handwritten(df)
        hand_times.append(time.perf_counter() - t0)
    cw = core.wide().set_index(["date", "queue"]).sort_index()
    hw = hand.set_index(["period", "queue"]).sort_index()
    for k in HAND_KPIS[1:]:
        if not np.allclose(cw[k].to_numpy(), hw[k].to_numpy(), rtol=1e-6, equal_nan=True):
            raise SystemExit(f"engine and the hand-written query disagree on {k}")

    e, p = min(engine_times), min(pandas_times)
    c, h = min(core_times), min(hand_times)
    return {
        "contacts": n,
        "kpis": n_kpis,
        "rows_out": len(table.frame),
        "generate_s": gen,
        "engine_s": e,
        "pandas_s": p,
        "speedup": p / e,
        "engine_core_s": c,
        "handwritten_s": h,
        "vs_handwritten": c / h,
        "data_rss_mb": base_rss,
        "peak_after_engine_mb": engine_peak,
        "peak_after_pandas_mb": pandas_peak,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000_000, 10_000_000])
    parser.add_argument("--repeat", type=int, default=2, help="runs per implementation (best kept)")
    args = parser.parse_args()
    print(f"cores: {os.cpu_count()} (shared machine: timings vary with other users' load)")
    for n in args.sizes:
        res = bench(n, args.repeat)
        print(
            " ".join(
                f"{k}={v:.2f}" if isinstance(v, float) else f"{k}={v}" for k, v in res.items()
            ),
            flush=True,
        )
        gc.collect()


if __name__ == "__main__":
    main()

"""Speed: Erlang C staffing and Erlang A for 1,000 intervals x 4 queues, vectorised vs a loop.

In the same run, times (a) ``kpi.analysis.staffing.staffing_table`` (agents for 80/20 for every
interval at once) followed by ``erlang_a_table`` (abandonment at that staffing), and (b) a naive
per-interval loop: the textbook Erlang C search in plain Python (Erlang B recursion from one
agent, one interval at a time), the way a spreadsheet macro does it. Prints both times, their
ratio, and checks that both give the same agents.

Three load profiles: a small centre (5-40 calls per interval, like the sample), a mid-size one
(50-800) and a large one (1,000-5,000 calls per 30 minutes, where factorial-based code overflows).

Goal: 1,000 intervals x 4 queues in under 1 s.

Run by hand:  python benchmarks/bench_staffing.py [--intervals 1000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import math
import time

import numpy as np

from kpi.analysis.staffing import erlang_a_table, staffing_table

PROFILES = {"small": (5, 40), "mid-size": (50, 800), "large": (1_000, 5_000)}


def naive_agents(volume: float, aht: float, target: float, threshold: float) -> int:
    """The per-interval loop: Erlang B recursion from one agent until the target is met."""
    a = volume * aht / 1800.0
    if a == 0:
        return 0
    b, n = 1.0, 0
    while True:
        n += 1
        b = a * b / (n + a * b)
        if n > a:
            c = n * b / (n - a * (1 - b))
            if 1 - c * math.exp(-(n - a) * threshold / aht) >= target:
                return n


def best_of(repeat: int, fn) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    times, out = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return min(times), out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--intervals", type=int, default=1000)
    parser.add_argument("--queues", type=int, default=4)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rng = np.random.default_rng(7)
    rows = args.intervals * args.queues
    print(
        f"{args.intervals:,} intervals x {args.queues} queues = {rows:,} rows, 30-minute intervals"
    )
    print(
        f"{'profile':<10} {'vectorised C':>13} {'+ Erlang A':>11} {'naive loop C':>13} {'ratio':>7}"
    )
    for name, (lo, hi) in PROFILES.items():
        volume = rng.integers(lo, hi + 1, rows).astype(float)
        aht = rng.uniform(180, 480, rows)
        patience = rng.uniform(60, 600, rows)
        t_vec, t_a, t_loop, same = run_profile(volume, aht, patience, args.repeat)
        print(
            f"{name:<10} {t_vec:>12.3f}s {t_a:>10.3f}s {t_loop:>12.3f}s {t_loop / t_vec:>6.1f}x"
            f"  same agents: {same}"
        )
        if t_vec + t_a > 1.0:
            print(f"  ! {name}: Erlang C + Erlang A took {t_vec + t_a:.2f} s (goal < 1 s)")


def run_profile(
    volume: np.ndarray, aht: np.ndarray, patience: np.ndarray, repeat: int
) -> tuple[float, float, float, bool]:
    """Times of the vectorised Erlang C, the Erlang A on top, the naive loop; same agents?"""
    t_vec, table = best_of(repeat, lambda: staffing_table(volume, 30, aht, 0.8, 20, shrinkage=0.3))
    agents = table["agents"].to_numpy()  # type: ignore[index]
    t_a, _ = best_of(repeat, lambda: erlang_a_table(agents, volume, 30, aht, patience, 20))
    t_loop, naive = best_of(
        1,
        lambda: np.array([naive_agents(v, h, 0.8, 20) for v, h in zip(volume, aht, strict=True)]),
    )
    return t_vec, t_a, t_loop, bool(np.array_equal(agents, naive))


if __name__ == "__main__":
    main()

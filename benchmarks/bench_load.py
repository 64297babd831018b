"""Load: N concurrent browser sessions against one KPI Lab server.

Each session opens the app (the sample loads), then visits every page in turn. Reports errors
(goal: none), median and p95 page time, and server memory (RSS) before, at peak and after the
sessions close (goal: growth per session below the size of one dataset; memory returns).

Run by hand:  python benchmarks/bench_load.py --sessions 10 25
Only loopback traffic: the server is started here on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "e2e"))

from conftest import CHROMIUM, CHROMIUM_ARGS, streamlit_process  # noqa: E402
from playwright.async_api import async_playwright  # noqa: E402

PAGES = ["", "data", "relationships", "before-after", "leading-lagging", "report"]
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, in MB (Linux /proc)."""
    total = 0.0
    pids = [pid]
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += [int(c) for c in children]
    except OSError:
        pass
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) / 1024
        except OSError:
            pass
    return total


def lazy_free_mb(pid: int) -> float:
    """Memory the server freed lazily (``MADV_FREE``: Arrow's allocator after a second unused),
    in MB: counted in the resident size until the kernel takes it back, which it does when it
    needs memory."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("LazyFree:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


async def one_session(browser, url: str, times: list[float], errors: list[str]) -> None:
    context = await browser.new_context(viewport={"width": 1400, "height": 900})
    page = await context.new_page()
    try:
        for path in PAGES:
            t0 = time.perf_counter()
            await page.goto(f"{url}/{path}", timeout=180_000)
            await page.wait_for_selector("[data-testid='stApp']", timeout=180_000)
            await page.wait_for_timeout(200)
            await page.wait_for_selector(IDLE, timeout=180_000)
            times.append(time.perf_counter() - t0)
            if await page.locator("[data-testid='stException']").count():
                errors.append(f"{path}: exception shown")
    except Exception as err:  # noqa: BLE001 - a load test counts every failure
        errors.append(f"{type(err).__name__}: {err}"[:200])
    finally:
        await context.close()


async def run(n: int, url: str, pid: int) -> dict[str, float]:
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        cold = rss_mb(pid)
        # One warm-up session first: the libraries (pandas, statsmodels, altair, duckdb...) and
        # the shared sample load once per process and are not a per-session cost.
        await one_session(browser, url, [], [])
        await asyncio.sleep(5)
        before = rss_mb(pid)
        times: list[float] = []
        errors: list[str] = []
        peak = before

        async def sample_memory() -> None:
            nonlocal peak
            while True:
                peak = max(peak, rss_mb(pid))
                await asyncio.sleep(0.5)

        sampler = asyncio.create_task(sample_memory())
        t0 = time.perf_counter()
        await asyncio.gather(*(one_session(browser, url, times, errors) for _ in range(n)))
        wall = time.perf_counter() - t0
        sampler.cancel()
        await browser.close()
    await asyncio.sleep(20)
    after = rss_mb(pid)
    # Streamlit keeps a disconnected session for server.disconnectedSessionTTL (120 s) so a
    # reconnecting tab finds its state; measure again once that has passed.
    await asyncio.sleep(130)
    after_ttl = rss_mb(pid)
    lazy = lazy_free_mb(pid)
    q = sorted(times)
    return {
        "sessions": n,
        "page_loads": len(times),
        "errors": len(errors),
        "median_s": statistics.median(q) if q else float("nan"),
        "p95_s": q[int(0.95 * (len(q) - 1))] if q else float("nan"),
        "wall_s": wall,
        "rss_cold_mb": cold,
        "rss_warm_mb": before,
        "rss_peak_mb": peak,
        "rss_after_20s_mb": after,
        "rss_after_150s_mb": after_ttl,
        "of_which_lazily_freed_mb": lazy,
        "mb_per_session": (peak - before) / n,
        "first_errors": "; ".join(errors[:3]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, nargs="+", default=[10, 25])
    args = parser.parse_args()
    import pandas as pd

    sample = Path(__file__).resolve().parents[1] / "sample_data" / "contacts.parquet"
    size_mb = pd.read_parquet(sample).memory_usage(deep=True).sum() / 1e6
    print(f"sample dataset in memory: {size_mb:.0f} MB")
    for n in args.sessions:
        with streamlit_process() as (url, proc):
            res = asyncio.run(run(n, url, proc.pid))
            print(
                " ".join(
                    f"{k}={v:.2f}" if isinstance(v, float) else f"{k}={v}" for k, v in res.items()
                )
            )


if __name__ == "__main__":
    main()

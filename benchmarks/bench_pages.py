"""Page timings in a real browser (issue 18): each page ready on the sample after a fresh server
start (goal < 3 s), and the rerun after a widget change (goal < 1 s).

Run: ``.venv/bin/python benchmarks/bench_pages.py [--runs 3] [--pages Overview,Report]``
(needs Debian's /usr/bin/chromium). For every run and every page a new ``streamlit run app.py``
is started, so each page pays for what a first visitor pays: the imports of its modules, the
sample's load and its KPI computes. The server is healthy before the clock starts (its own
start-up is not a page's time). "Ready" = Streamlit reports the script not running and no status
widget is left (``[data-testid='stApp'][data-test-script-state='notRunning']``); the fixed
300 ms settle of ``wait_idle`` is subtracted. The rerun is the same session changing one widget
(a grain radio, a selectbox; on the empty Report, building the standard weekly report).
Figures are the median of the runs, with the slowest run beside it.

Beside the wall-clock times, the server's CPU time over the same span (user + system of the
``streamlit`` process, all its threads, from ``/proc``): on a shared machine the wall clock
measures the other processes too, the CPU time measures the page. On 2 idle cores the wall
time of a page is about its CPU time (DuckDB's second thread overlaps a little) plus the
browser's drawing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))

from browser_helpers import by_key, choose, dismiss_page_not_found, wait_idle  # noqa: E402
from conftest import CHROMIUM, CHROMIUM_ARGS, streamlit_process  # noqa: E402
from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402

SETTLE = 0.3  # wait_idle's fixed settle (s)
GOAL_READY, GOAL_RERUN = 3.0, 1.0


def _cpu(pid: int) -> float:
    """User + system CPU seconds of process ``pid`` so far (all threads)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _radio(key: str, option: str) -> Callable[[Page], None]:
    def act(page: Page) -> None:
        by_key(page, key).get_by_text(option, exact=True).click()
        wait_idle(page)

    return act


def _select(key: str, option: str) -> Callable[[Page], None]:
    def act(page: Page) -> None:
        choose(page, key, option)  # waits for the rerun itself

    return act


def _button(key: str) -> Callable[[Page], None]:
    def act(page: Page) -> None:
        by_key(page, key).get_by_role("button").click()
        wait_idle(page)

    return act


# title -> (url path, the widget change timed as the rerun, what it is)
PAGES: dict[str, tuple[str, Callable[[Page], None] | None, str]] = {
    "Overview": ("overview", _radio("overview_cards_grain", "Day"), "card grain -> Day"),
    "Data": ("data", None, ""),
    "Relationships": ("relationships", _radio("rel_grain", "Week"), "grain -> Week"),
    "Before/after": (
        "before-after",
        _radio("impact_period_mode", "Two periods I choose"),
        "periods -> two chosen",
    ),
    "Leading vs lagging": ("leading-lagging", _radio("leadlag_grain", "Week"), "grain -> Week"),
    "What-if": ("what-if", _select("whatif_interval", "60"), "interval -> 60 min"),
    "Report": ("report", _button("report_build_weekly"), "build weekly report"),
}


def _time_page(
    browser: Browser, url: str, pid: int, path: str, act: Callable[[Page], None] | None
) -> tuple[float, float, float, float]:
    """(ready, rerun, server CPU to ready, server CPU of the rerun) in seconds."""
    page = browser.new_page(viewport={"width": 1440, "height": 1000})
    try:
        c0, t0 = _cpu(pid), time.perf_counter()
        page.goto(f"{url}/{path}")
        wait_idle(page)
        ready, ready_cpu = time.perf_counter() - t0 - SETTLE, _cpu(pid) - c0
        dismiss_page_not_found(page)  # streamlit#9624: a deep link on a fresh server
        rerun = rerun_cpu = float("nan")
        if act is not None:
            c1, t1 = _cpu(pid), time.perf_counter()
            act(page)
            rerun, rerun_cpu = time.perf_counter() - t1 - SETTLE, _cpu(pid) - c1
        return ready, rerun, ready_cpu, rerun_cpu
    finally:
        page.close()


def _median(values: list[float]) -> str:
    kept = [v for v in values if v == v]  # NaN: no rerun on this page
    return f"{statistics.median(kept):6.2f} ({max(kept):5.2f})" if kept else f"{'-':>14s}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="fresh starts per page (default 3)")
    parser.add_argument("--pages", default="", help="comma-separated titles (default: all)")
    args = parser.parse_args(argv)
    titles = [t.strip() for t in args.pages.split(",") if t.strip()] or list(PAGES)
    unknown = [t for t in titles if t not in PAGES]
    if unknown:
        parser.error(f"unknown page(s) {unknown}; choose from {list(PAGES)}")
    results: dict[str, list[tuple[float, float, float, float]]] = {t: [] for t in titles}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for run in range(args.runs):
            for title in titles:
                path, act, _ = PAGES[title]
                with streamlit_process() as (url, proc):
                    results[title].append(_time_page(browser, url, proc.pid, path, act))
                ready, rerun, ready_cpu, rerun_cpu = results[title][-1]
                print(
                    f"run {run + 1} {title:20s} ready {ready:5.2f} (cpu {ready_cpu:5.2f})  "
                    f"rerun {rerun:5.2f} (cpu {rerun_cpu:5.2f})",
                    flush=True,
                )
        browser.close()
    print("\nmedian (slowest) of", args.runs, "fresh starts, seconds")
    print(f"{'page':20s} {'ready':>14s} {'ready cpu':>14s} {'rerun':>14s} {'rerun cpu':>14s}")
    for title in titles:
        cols = [_median([r[i] for r in results[title]]) for i in (0, 2, 1, 3)]
        print(f"{title:20s} {' '.join(f'{c:>14s}' for c in cols)}  rerun: {PAGES[title][2]}")
    print(f"goals: ready < {GOAL_READY:.0f} s after a fresh start, rerun < {GOAL_RERUN:.0f} s")


if __name__ == "__main__":
    main()

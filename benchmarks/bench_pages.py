"""Page timings in a real browser (issue 18): each page ready on the sample after a fresh server
start (goal < 3 s), and the rerun after a widget change (goal < 1 s).

Run: ``.venv/bin/python benchmarks/bench_pages.py [--runs 3] [--pages Overview,Report]``
(needs Debian's /usr/bin/chromium). For every run and every page a new ``streamlit run app.py``
is started, and the page is timed two ways:

* **after landing**: the browser opens the app at ``/`` (the Overview, what ``streamlit run``
  opens), then the page is reached by its sidebar link, as a user does: its first visit after a
  fresh start. The Overview's own figure is the landing itself.
* **deep link**: the page's address opened directly on a fresh server (a bookmark), so the page
  also pays for everything the landing page would have loaded: Python's imports of pandas,
  Arrow, DuckDB and Altair, and the sample.

The server is healthy before the clock starts (its own start-up is not a page's time). "Ready" =
Streamlit reports the script not running and no status widget is left
(``[data-testid='stApp'][data-test-script-state='notRunning']``); the fixed 300 ms settle of
``wait_idle`` is subtracted. The rerun is the same session changing one widget (a grain radio, a
selectbox; on the empty Report, building the standard weekly report). Figures are the median of
the runs, with the slowest run beside it.

Beside the wall-clock times, the server's CPU time over the same span (user + system of the
``streamlit`` process, all its threads, from ``/proc``): on a shared machine the wall clock
measures the other processes too, the CPU time measures the page. A trivial one-line Streamlit
app is ready in about 0.85 s on this harness (the browser loading Streamlit's frontend): that is
the floor under every figure.
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

from browser_helpers import (  # noqa: E402
    by_key,
    choose,
    go_to,
    wait_idle,
)
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


# title -> (url path, sidebar title, the widget change timed as the rerun, what it is)
PAGES: dict[str, tuple[str, str, Callable[[Page], None] | None, str]] = {
    "Overview": (
        "overview",
        "Overview",
        _radio("overview_cards_grain", "Day"),
        "card grain -> Day",
    ),
    "Data": ("data", "Data", None, ""),
    "Relationships": (
        "relationships",
        "Relationships",
        _radio("rel_grain", "Week"),
        "grain -> Week",
    ),
    "Before/after": (
        "before-after",
        "Before/after",
        _radio("impact_period_mode", "Two periods I choose"),
        "periods -> two chosen",
    ),
    "Leading vs lagging": (
        "leading-lagging",
        "Leading vs lagging",
        _radio("leadlag_grain", "Week"),
        "grain -> Week",
    ),
    "What-if": (
        "what-if",
        "What would it take?",
        _select("whatif_interval", "60"),
        "interval -> 60 min",
    ),
    "Report": ("report", "Report", _button("report_build_weekly"), "build weekly report"),
}

# (ready after landing, its CPU, ready by deep link, its CPU, rerun, its CPU), seconds
Timing = tuple[float, float, float, float, float, float]


def _landing(browser: Browser, url: str, pid: int, title: str) -> tuple[float, float, Page]:
    """Open ``/`` and, unless ``title`` is the Overview, follow its sidebar link: (ready, CPU)
    of the last step, and the page (left open for the rerun)."""
    page = browser.new_page(viewport={"width": 1440, "height": 1000})
    c0, t0 = _cpu(pid), time.perf_counter()
    page.goto(f"{url}/")
    wait_idle(page)
    if title != "Overview":
        c0, t0 = _cpu(pid), time.perf_counter()
        go_to(page, PAGES[title][1])
    return time.perf_counter() - t0 - SETTLE, _cpu(pid) - c0, page


def _deep_link(browser: Browser, url: str, pid: int, path: str) -> tuple[float, float]:
    page = browser.new_page(viewport={"width": 1440, "height": 1000})
    try:
        c0, t0 = _cpu(pid), time.perf_counter()
        page.goto(f"{url}/{path}")
        wait_idle(page)
        return time.perf_counter() - t0 - SETTLE, _cpu(pid) - c0
    finally:
        page.close()


def _time_page(browser: Browser, title: str) -> Timing:
    """Both ways of reaching ``title``, each on its own fresh server, and the rerun."""
    path, _, act, _ = PAGES[title]
    with streamlit_process() as (url, proc):
        ready, ready_cpu, page = _landing(browser, url, proc.pid, title)
        try:
            rerun = rerun_cpu = float("nan")
            if act is not None:
                c1, t1 = _cpu(proc.pid), time.perf_counter()
                act(page)
                rerun, rerun_cpu = time.perf_counter() - t1 - SETTLE, _cpu(proc.pid) - c1
        finally:
            page.close()
    with streamlit_process() as (url, proc):
        deep, deep_cpu = _deep_link(browser, url, proc.pid, path)
    return ready, ready_cpu, deep, deep_cpu, rerun, rerun_cpu


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
    results: dict[str, list[Timing]] = {t: [] for t in titles}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for run in range(args.runs):
            for title in titles:
                results[title].append(_time_page(browser, title))
                ready, ready_cpu, deep, deep_cpu, rerun, rerun_cpu = results[title][-1]
                print(
                    f"run {run + 1} {title:20s} ready {ready:5.2f} (cpu {ready_cpu:5.2f})  "
                    f"deep link {deep:5.2f} (cpu {deep_cpu:5.2f})  "
                    f"rerun {rerun:5.2f} (cpu {rerun_cpu:5.2f})",
                    flush=True,
                )
        browser.close()
    print("\nmedian (slowest) of", args.runs, "fresh starts, seconds")
    heads = ("ready", "cpu", "deep link", "cpu", "rerun", "cpu")
    print(f"{'page':20s} " + " ".join(f"{h:>14s}" for h in heads))
    for title in titles:
        cols = [_median([r[i] for r in results[title]]) for i in range(6)]
        print(f"{title:20s} {' '.join(f'{c:>14s}' for c in cols)}  rerun: {PAGES[title][3]}")
    print(
        f"goals: ready < {GOAL_READY:.0f} s after a fresh start (landing on the Overview, then "
        f"the page's link), rerun < {GOAL_RERUN:.0f} s; deep link reported"
    )


if __name__ == "__main__":
    main()

"""Page timings in a real browser (issue 18): each page ready on the sample after a fresh server
start (< 3 s), and the rerun after a widget change (< 1 s).

Run: ``.venv/bin/python benchmarks/bench_pages.py`` (needs Debian's /usr/bin/chromium).
"Ready" = Streamlit reports the script not running and no status widget is left. The first
page pays for the sample's load; each page is then opened in a new session (a fresh page load
of its URL), which is what a colleague following a shared link gets.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))

from browser_helpers import by_key, dismiss_page_not_found, wait_idle  # noqa: E402
from conftest import CHROMIUM, CHROMIUM_ARGS, streamlit_server  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

PAGES = {
    "Overview": ("overview", "overview_cards_grain", "Day"),
    "Data": ("data", None, None),
    "Relationships": ("relationships", "rel_grain", "Week"),
    "Before/after": ("before-after", None, None),
    "Leading vs lagging": ("leading-lagging", "leadlag_grain", "Week"),
    "Report": ("report", None, None),
}


def main() -> None:
    rows = []
    with streamlit_server() as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        first = True
        for title, (path, radio, option) in PAGES.items():
            page = browser.new_page(viewport={"width": 1440, "height": 1000})
            t0 = time.perf_counter()
            page.goto(f"{url}/{path}")
            wait_idle(page)
            ready = time.perf_counter() - t0 - 0.3  # wait_idle's fixed 300 ms settle
            dismiss_page_not_found(page)  # streamlit#9624, first session only
            rerun = float("nan")
            if radio:
                t1 = time.perf_counter()
                by_key(page, radio).get_by_text(option, exact=True).click()
                wait_idle(page)
                rerun = time.perf_counter() - t1 - 0.3
            rows.append((title + (" (first, cold)" if first else ""), ready, rerun))
            first = False
            page.close()
        browser.close()
    print(f"{'page':34s} {'ready (s)':>10s} {'rerun (s)':>10s}")
    for title, ready, rerun in rows:
        print(f"{title:34s} {ready:10.2f} {rerun:10.2f}")


if __name__ == "__main__":
    main()

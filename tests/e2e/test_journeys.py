"""Browser journeys a team lead makes (issue 10): load an export, test a change, build the report,
and two people using the app at once without seeing each other's data.

Pages are switched by clicking the sidebar links: a ``page.goto`` opens a new Streamlit session
and would drop the upload and the pinned findings.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from browser_helpers import by_key, choose, go_to, open_page, upload, wait_idle
from playwright.sync_api import Browser, Page, expect

from kpi.dataset import load_sample

LONG = 90_000  # ms: two shared cores; the sample Overview alone takes ~4 s to render
SIDEBAR = "[data-testid='stSidebar']"
MAIN = "[data-testid='stMain']"
CARD_VALUES = f"{MAIN} [data-testid='stMetricValue']"

# (path under shared/data, what the sidebar badge says): row counts from shared/data/README.md
# ("5,000 calls", "365 rows", "1,251 daily rows"); a contact export is counted in contacts, a
# daily report in daily rows (kpi.ui.widgets.dataset_badge).
DATASETS = {
    "pwc": ("pwc_calls/01 Call-Center-Dataset.xlsx", "5,000 contacts"),
    "city311": ("city_311_daily/3-1-1-contact-centre-metrics-2023.xlsx", "365 daily rows"),
    "daily_csv": ("call_center_daily/Call Center Data.sarima_dated.csv", "1,251 daily rows"),
}


def _no_exception(page: Page) -> None:
    expect(page.locator("[data-testid='stException']")).to_have_count(0)


def _card_values(page: Page) -> list[str]:
    expect(page.locator(CARD_VALUES).first).to_be_visible(timeout=LONG)
    return page.locator(CARD_VALUES).all_inner_texts()


def _use_upload(page: Page, file: Path) -> None:
    """On the Data page: give the file, wait for the import report, press "Use this data"."""
    upload(page, "data_upload", file)
    use = by_key(page, "data_use").get_by_role("button", name="Use this data")
    expect(use).to_be_visible(timeout=LONG)
    wait_idle(page)
    use.click()
    expect(page.locator(MAIN)).to_contain_text(f"Every page now uses {file.name}", timeout=LONG)
    wait_idle(page)


# 1 ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("which", list(DATASETS))
def test_an_uploaded_export_replaces_the_sample_on_every_page(
    page: Page, server: str, shots: Path, shared_data: Path, which: str
) -> None:
    relative, badge = DATASETS[which]
    file = shared_data / relative
    if not file.is_file():
        pytest.skip(f"{file} not found")
    sample = load_sample()
    open_page(page, server + "/")
    sidebar = page.locator(SIDEBAR)
    expect(sidebar).to_contain_text(f"{sample.n_rows:,} contacts", timeout=LONG)
    sample_cards = _card_values(page)

    go_to(page, "Data")
    _use_upload(page, file)
    # The import report counts every row: all kept, none set aside, on these clean exports.
    n = badge.split()[0]
    expect(page.locator(MAIN)).to_contain_text(f"({n} rows)")
    expect(sidebar).to_contain_text(f"{file.name} · {badge}", timeout=LONG)
    expect(sidebar).not_to_contain_text("Sample contact center")

    go_to(page, "Overview")
    expect(sidebar).to_contain_text(f"{file.name} · {badge}")
    main = page.locator(MAIN)
    expect(main).to_contain_text(f"{file.name} · {badge}", timeout=LONG)  # the page's caption
    cards = _card_values(page)
    _no_exception(page)
    assert sum(bool(re.search(r"\d", t)) for t in cards) >= 2, cards
    assert cards != sample_cards, (cards, sample_cards)
    page.screenshot(path=str(shots / f"journey-upload-{which}.png"), full_page=True)


# 2 ------------------------------------------------------------------------------------------
VERDICT = re.compile(r"^Abandonment rate in Billing ")
CI = re.compile(r"95% CI (−?[\d.]+) to (−?[\d.]+) pts")


def _number(text: str) -> float:
    return float(text.replace("−", "-"))


def _before_after_on_the_ivr(page: Page) -> str:
    """On Before/after: Billing, abandonment, the sample's pinned IVR date; the ITS verdict."""
    go_to(page, "Before/after")
    # The sample arrives with its planted interventions pinned; the page opens on the latest
    # one, the IVR in Billing on 27 Apr 2026 (truth.json), with its queue and abandonment.
    choose(page, "impact_event", "New IVR (Billing) — 27 Apr 2026")
    choose(page, "impact_segment_column", "Queue")  # labelled by name (issue 18)
    choose(page, "impact_segment", "Billing")
    choose(page, "impact_kpi", "Abandonment rate")
    verdict = page.locator(f"{MAIN} strong").filter(has_text=VERDICT)
    expect(verdict).to_have_count(1, timeout=LONG)
    _no_exception(page)
    return verdict.inner_text()


def test_before_after_finds_the_planted_ivr_drop(page: Page, server: str, shots: Path) -> None:
    open_page(page, server + "/")
    text = _before_after_on_the_ivr(page)
    assert " fell " in text, text
    assert "27 Apr 2026" in text, text
    ci = CI.search(text)
    assert ci, text
    low, high = _number(ci.group(1)), _number(ci.group(2))
    # The planted IVR halves Billing's phone abandonment: the whole interval is below zero.
    assert low < high < 0, text
    page.screenshot(path=str(shots / "journey-before-after-ivr.png"), full_page=True)


# 3 ------------------------------------------------------------------------------------------
def _pin(page: Page, key: str, title: str) -> None:
    by_key(page, key).get_by_role("button").click()
    expect(page.locator("[data-testid='stToast']")).to_contain_text(
        f"Pinned: {title}", timeout=LONG
    )
    wait_idle(page)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_pinned_findings_become_a_self_contained_html_report(
    page: Page, server: str, shots: Path
) -> None:
    open_page(page, server + "/")
    # Finding 1: the KPI cards of the Overview, with the reading printed under them.
    cards_title = "KPIs against their targets"
    reading = page.locator(f"{MAIN} [data-testid='stMarkdownContainer'] p").filter(
        has_text=re.compile(r"^Reading\. ")
    )
    expect(reading.first).to_be_visible(timeout=LONG)
    cards_sentence = _squash(reading.first.inner_text()).removeprefix("Reading. ")
    _pin(page, "overview_pin_cards", cards_title)

    # Finding 2: the IVR test on Before/after.
    verdict = _before_after_on_the_ivr(page)
    # The finding's title carries its segment (issue 18: a finding keeps its full context).
    impact_title = "Abandonment rate: before/after 27 Apr 2026 — Queue: Billing"
    _pin(page, "impact_pin", impact_title)

    go_to(page, "Report")
    main = page.locator(MAIN)
    expect(main).to_contain_text("2 findings in report order.", timeout=LONG)
    expect(main).to_contain_text(f"1. {cards_title}")
    expect(main).to_contain_text(f"2. {impact_title}")
    _no_exception(page)
    page.screenshot(path=str(shots / "journey-report-page.png"), full_page=True)

    with page.expect_download(timeout=LONG) as info:
        by_key(page, "report_download_html").get_by_role("button").click()
    download = info.value
    assert download.suggested_filename == "kpi-report.html"
    saved = shots / "journey-kpi-report.html"
    download.save_as(saved)
    html = saved.read_text(encoding="utf-8")
    assert "<svg" in html or "data:image/" in html, html[:500]

    page.goto(saved.resolve().as_uri())
    body = page.locator("body")
    expect(body).to_contain_text(cards_title)
    expect(body).to_contain_text(impact_title)
    shown = _squash(body.inner_text())
    assert cards_sentence in shown, (cards_sentence, shown[:2000])
    assert _squash(verdict) in shown, (verdict, shown[:2000])
    # Charts are embedded (inline SVG or a data: image), so the file opens offline.
    embedded = page.locator("svg, img[src^='data:image/']")
    assert embedded.count() >= 1
    expect(embedded.first).to_be_visible()
    page.screenshot(path=str(shots / "journey-report-html.png"), full_page=True)


# 4 ------------------------------------------------------------------------------------------
def _excerpt(tmp_path: Path, name: str, rows: int) -> Path:
    """The first ``rows`` contacts of the bundled excerpt, as a CSV export named ``name``."""
    from conftest import ROOT

    lines = (ROOT / "sample_data" / "contacts_excerpt.csv").read_text().splitlines()
    assert len(lines) > rows
    out = tmp_path / name
    out.write_text("\n".join(lines[: rows + 1]) + "\n")
    return out


def test_two_people_uploading_at_once_each_see_only_their_own_data(  # noqa: C901
    browser: Browser, server: str, shots: Path, tmp_path: Path
) -> None:
    files = {
        "ana": _excerpt(tmp_path, "team_ana.csv", 120),
        "ben": _excerpt(tmp_path, "team_ben.csv", 300),
    }
    badges = {"ana": "team_ana.csv · 120 contacts", "ben": "team_ben.csv · 300 contacts"}
    contexts = {who: browser.new_context(viewport={"width": 1400, "height": 1000}) for who in files}
    try:
        pages = {who: ctx.new_page() for who, ctx in contexts.items()}
        # Both start on the landing page (a deep link on a fresh server can show Streamlit's
        # "Page not found" dialog) and open the Data page from the sidebar.
        for p in pages.values():
            p.goto(server + "/")
        for p in pages.values():
            wait_idle(p)
            go_to(p, "Data")
        # Both upload before either import has finished: the two sessions run side by side.
        for who, p in pages.items():
            upload(p, "data_upload", files[who])
        for p in pages.values():
            use = by_key(p, "data_use").get_by_role("button", name="Use this data")
            expect(use).to_be_visible(timeout=LONG)
        for p in pages.values():
            wait_idle(p)
            by_key(p, "data_use").get_by_role("button").click()
        for who, p in pages.items():
            expect(p.locator(MAIN)).to_contain_text(
                f"Every page now uses {files[who].name}", timeout=LONG
            )
            wait_idle(p)

        def check(label: str, expected: dict[str, str]) -> None:
            for who, p in pages.items():
                sidebar = p.locator(SIDEBAR)
                expect(sidebar).to_contain_text(expected[who], timeout=LONG)
                for other in set(badges.values()) - {expected[who]}:
                    expect(sidebar).not_to_contain_text(other.split(" · ")[0])
                p.screenshot(
                    path=str(shots / f"journey-isolation-{label}-{who}.png"), full_page=True
                )

        check("uploaded", badges)
        # A rerun in each session (another page, then a widget change) keeps each one's data.
        for p in pages.values():
            go_to(p, "Report")
        check("rerun", badges)
        for who, p in pages.items():
            go_to(p, "Overview")
            by_key(p, "overview_cards_grain").get_by_text("Day", exact=True).click()
            expect(
                by_key(p, "overview_cards_grain").get_by_role("radio", name="Day")
            ).to_be_checked()
            wait_idle(p)
            expect(p.locator(MAIN)).to_contain_text(badges[who], timeout=LONG)
            _no_exception(p)
        check("overview", badges)

        # Ana goes back to the sample; Ben, after his next rerun, still has his own file.
        pages["ana"].locator(SIDEBAR).get_by_role("button", name="Back to the sample").click()
        sample = load_sample()
        expect(pages["ana"].locator(SIDEBAR)).to_contain_text("Sample contact center", timeout=LONG)
        wait_idle(pages["ana"])
        go_to(pages["ben"], "Report")
        check("after-reset", {"ana": f"{sample.n_rows:,} contacts", "ben": badges["ben"]})
    finally:
        for ctx in contexts.values():
            ctx.close()

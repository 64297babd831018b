"""Small Playwright helpers for Streamlit pages."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Locator, Page, expect

IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"


def wait_idle(page: Page, timeout: float = 90_000) -> None:
    """Wait until the script has finished running and the app is idle."""
    page.wait_for_selector("[data-testid='stApp']", timeout=timeout)
    page.wait_for_timeout(300)
    page.wait_for_selector(IDLE, timeout=timeout)
    expect(page.locator("[data-testid='stStatusWidget']")).to_have_count(0, timeout=timeout)


def open_page(page: Page, url: str) -> None:
    page.goto(url)
    wait_idle(page)


def sidebar_link(page: Page, title: str) -> Locator:
    """The sidebar navigation link of the page titled ``title`` (exact)."""
    return page.locator(
        f"[data-testid='stSidebarNav'] [data-testid='stSidebarNavLink']:has(span[label='{title}'])"
    )


def go_to(page: Page, title: str, timeout: float = 90_000) -> None:
    """Switch page by clicking its sidebar link: the same Streamlit session (a goto is a new one)."""
    sidebar_link(page, title).click()
    expect(sidebar_link(page, title)).to_have_attribute("aria-current", "page", timeout=timeout)
    wait_idle(page, timeout)


def by_key(page: Page, key: str) -> Locator:
    """The element container of the widget created with ``key=`` (Streamlit's st-key-<key> class)."""
    return page.locator(f".st-key-{key}")


def choose(page: Page, key: str, option: str, timeout: float = 90_000) -> None:
    """Pick ``option`` in the selectbox with ``key`` (no-op when it is already selected).

    Streamlit's selectbox is a combobox: an ``input`` holding the shown option and an "Open"
    button listing the options.
    """
    box = by_key(page, key).get_by_role("combobox")
    if box.input_value() == option:
        return
    by_key(page, key).get_by_role("button", name="Open").click()
    page.get_by_role("option", name=option, exact=True).click()
    expect(box).to_have_value(option, timeout=timeout)
    wait_idle(page, timeout)


def upload(page: Page, key: str, *files: Path) -> None:
    """Give files to the ``st.file_uploader`` with ``key`` (its hidden input[type=file])."""
    by_key(page, key).locator("input[type='file']").set_input_files([str(f) for f in files])


def open_section(page: Page, label: str, timeout: float = 90_000) -> None:
    """Open the collapsed expander whose label starts with ``label`` (no-op when it is open)
    and wait for the rerun that draws its content."""
    details = (
        page.locator("[data-testid='stExpander'] details")
        .filter(has=page.locator("summary").filter(has_text=label))
        .first
    )
    if details.evaluate("e => e.open"):
        return
    details.locator("summary").first.click()
    wait_idle(page, timeout)


def dismiss_page_not_found(page: Page) -> None:
    """Close Streamlit's "Page not found" notice if it is showing."""
    notice = page.get_by_text("Page not found")
    if notice.count():
        page.keyboard.press("Escape")
        expect(notice).to_have_count(0, timeout=10_000)

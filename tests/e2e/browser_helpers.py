"""Small Playwright helpers for Streamlit pages."""

from __future__ import annotations

from playwright.sync_api import Page, expect

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

"""The page shows what the APIs return, and stays readable at phone and desktop widths."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import OpenPage, StartStack, save_screenshot
from tests.e2e.status_page import STATUS_ANSWERS_JS, StatusPage


@pytest.mark.e2e
def test_page_shows_the_figures_the_api_returns(
    start_stack: StartStack, open_page: OpenPage
) -> None:
    stack = start_stack()
    page = StatusPage(open_page(f"{stack.server.url}&interval=1"))
    figures = stack.api("/api/backend/status")
    system, process, database = figures["system"], figures["process"], figures["database"]

    expect(page.state_chip()).to_have_text("Healthy")
    expect(page.state_chip()).to_have_attribute("data-health", "ok")
    expect(page.fact("Watchdog", "Process ID")).to_have_text(str(stack.guard.backend_pid()))
    expect(page.fact("Backend process", "Process ID")).to_have_text(str(process["pid"]))
    expect(page.fact("Backend process", "Host")).to_have_text(
        f"{system['hostname']} · {system['os']}"
    )
    expect(page.fact("Backend process", "Version")).to_have_text(
        f"{process['app_version']} · Python {process['python_version']}"
    )
    expect(page.card("CPU")).to_contain_text(f"{system['cpu_count']} cores")
    expect(page.fact("Database", "SQLite")).to_have_text(
        f"{database['sqlite_version']} · {database['journal_mode']}"
    )
    assert database["tables"], "the bundled backend seeds its database with tables"
    for table in database["tables"]:
        expect(page.table_rows(table["name"])).to_have_text(f"{table['rows']:,}")


@pytest.mark.e2e
@pytest.mark.parametrize("width", [375, 1280])
def test_page_fits_phone_and_desktop_widths(
    start_stack: StartStack, open_page: OpenPage, width: int
) -> None:
    # With the token: the fullest page, with the watchdog's buttons. The tmp data folder gives
    # a disk path as long as a Windows user's AppData path, or longer.
    stack = start_stack()
    page = StatusPage(open_page(f"{stack.server.url}&interval=1", width=width))
    expect(page.state_chip()).to_have_text("Healthy")
    expect(page.fact("Backend process", "Process ID")).to_have_text(str(stack.guard.backend_pid()))
    expect(page.button("Restart backend")).to_be_visible()
    # A few polls, so that the charts have lines to draw in the screenshot.
    page.page.wait_for_function(f"{STATUS_ANSWERS_JS} >= 3")

    shot = save_screenshot(page.page, f"status-{width}px")

    assert shot.stat().st_size > 0
    assert page.page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.overflowing_elements() == []

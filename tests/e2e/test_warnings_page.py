"""Early warnings and incident reports on the page, from a real supervisor and a real service."""

from __future__ import annotations

import os
import re
import signal
import sys

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import ARTIFACTS, OpenPage, StartStack, save_screenshot
from tests.e2e.status_page import StatusPage
from tests.watchdog.harness import service_cmd
from tray_app.watchdog import EventName

POLL_INTERVAL_S = 0.5


@pytest.mark.e2e
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_page_shows_the_error_warning_then_the_report_of_a_killed_backend(
    start_stack: StartStack, open_page: OpenPage
) -> None:
    # A service that prints 20 error lines a second; the rule fires above 10 a minute.
    stack = start_stack(
        backend_cmd=service_cmd("--errors-per-s", "20"),
        warn_errors_per_minute=10,
        monitor_interval=0.2,
    )
    browser_page = open_page(f"{stack.server.base_url}/?interval={POLL_INTERVAL_S}", width=375)
    page = StatusPage(browser_page)

    warnings = browser_page.get_by_role("region", name="Active warnings", exact=True)
    errors = warnings.locator('[data-rule="errors_per_minute"]')
    expect(errors).to_contain_text("Backend reports errors")
    expect(errors).to_contain_text("error lines in the last minute")  # the engine's hint
    expect(errors).to_contain_text("/min, threshold 10/min · since")
    # Another rule may fire on a busy machine (slow checks): the count is at least this one.
    mark = page.card("Watchdog").get_by_test_id("warning-mark")
    expect(mark).to_have_accessible_name(re.compile(r"^(1 active warning|[2-9] active warnings)$"))
    expect(page.state_chip()).to_have_attribute("data-health", "ok")  # the mark beside it
    save_screenshot(browser_page, "warnings-375px")

    os.kill(stack.guard.backend_pid(), signal.SIGKILL)
    report = stack.guard.wait_event(EventName.INCIDENT, timeout_s=30).data
    tail = stack.api(f"/api/watchdog/incidents/{report['id']}")["backend_output_tail"]
    assert "ERROR something failed" in tail, tail

    incident = browser_page.locator(f'[data-incident="{report["id"]}"]')
    expect(incident).to_contain_text("signal")
    expect(incident).to_contain_text("Recovered in")
    expect(incident).to_contain_text("killed by SIGKILL")
    assert page.overflowing_elements() == []
    incident.click()
    dialog = browser_page.get_by_role("dialog")
    expect(dialog.get_by_role("region", name="Timeline", exact=True)).to_contain_text("Exited")
    output = dialog.get_by_test_id("incident-output")
    expect(output).to_contain_text("ERROR something failed")
    assert output.text_content() == "\n".join(tail)
    output.scroll_into_view_if_needed()
    # The dialog fills the phone's screen: a picture of the window, not of the page behind it.
    shot = ARTIFACTS / "incident-report-375px.png"
    browser_page.screenshot(path=str(shot), animations="disabled")

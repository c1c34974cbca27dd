"""Restarting from the page needs the per-run token that the tray app puts in the URL."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import OpenPage, StartStack
from tests.e2e.status_page import StatusPage
from tests.waiting import wait_for
from tray_app.watchdog import EventName, State

POST_RESTART_JS = "fetch('/api/watchdog/restart', {method: 'POST'}).then((r) => r.status)"


@pytest.mark.e2e
def test_without_the_token_there_are_no_buttons_and_a_restart_is_refused(
    start_stack: StartStack, open_page: OpenPage
) -> None:
    stack = start_stack()
    pid = stack.guard.backend_pid()
    page = StatusPage(open_page(f"{stack.server.base_url}/?interval=1"))
    # The cache button shows that the controls are drawn; the watchdog's own are not.
    expect(page.button("Reset status cache")).to_be_enabled()
    for name in ("Restart backend", "Stop backend", "Start backend"):
        expect(page.button(name)).to_have_count(0)

    assert page.page.evaluate(POST_RESTART_JS) == 403

    assert EventName.STOPPING.value not in stack.guard.names()
    assert stack.guard.backend_pid() == pid


@pytest.mark.e2e
def test_restart_button_with_the_token_restarts_the_backend(
    start_stack: StartStack, open_page: OpenPage
) -> None:
    stack = start_stack()
    old_pid = stack.guard.backend_pid()
    page = StatusPage(open_page(f"{stack.server.url}&interval=1"))
    # The page keeps the token in memory and takes it out of the address bar.
    expect(page.page).not_to_have_url(re.compile("token="))
    expect(page.fact("Watchdog", "Process ID")).to_have_text(str(old_pid))

    page.button("Restart backend").click()

    expect(page.page.get_by_text("Restart requested")).to_be_visible()
    new_pid = wait_for(
        lambda: (
            (snapshot := stack.guard.supervisor.snapshot()).state is State.HEALTHY
            and snapshot.pid not in (None, old_pid)
            and snapshot.pid
        ),
        timeout_s=30,
        describe=stack.guard.names,
        message="a new healthy backend",
    )
    expect(page.fact("Watchdog", "Process ID")).to_have_text(str(new_pid))
    expect(page.fact("Backend process", "Process ID")).to_have_text(str(new_pid))
    expect(page.state_chip()).to_have_text("Healthy")

"""The executable on a virtual screen with a system tray: the real tray app runs, and a second
start only wakes the first one (its status window opens) and exits 0."""

from __future__ import annotations

import subprocess

import pytest

from tests.exe.conftest import StartExe
from tests.exe.harness import ExeRun
from tests.waiting import wait_for

pytestmark = [pytest.mark.exe, pytest.mark.xvfb]

STATUS_TITLE = "ERP Guardian: status"


def _visible_windows(run: ExeRun, title: str) -> list[str]:
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", title],
        env=run.sandbox.env,
        capture_output=True,
        text=True,
        timeout=10,
        check=False,
    )
    return found.stdout.split()


def test_second_start_shows_the_running_app_and_exits_0(tray_runs: StartExe) -> None:
    first = tray_runs()
    first.wait_healthy()
    assert "headless" not in first.output(), first.output()  # the tray app, not the fallback
    backend = first.backend_pid()
    assert _visible_windows(first, STATUS_TITLE) == []

    second = tray_runs(port=first.port, web_port=first.web_port)
    assert second.process.wait(30) == 0, second.output()
    assert second.leftovers() == []
    wait_for(
        lambda: _visible_windows(first, STATUS_TITLE),
        timeout_s=10,
        message="the first instance's status window",
    )
    assert first.health() is not None and first.backend_pid() == backend

    assert first.terminate() == 0, first.output()
    assert first.leftovers() == [] and first.sandbox.processes() == []
    assert first.lifecycle_event_names()[-2:] == ["stopping", "stopped"]

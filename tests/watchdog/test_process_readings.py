"""What the engine reads of a spawned backend through psutil: its RSS and whether the OS has it
stopped, from one psutil object kept for the child's life, and nothing once it is reaped (its
PID may then belong to another process)."""

from __future__ import annotations

import sys
import threading

from tests.waiting import wait_for
from tray_app.watchdog.platform import current
from tray_app.watchdog.process import BackendProcess, LaunchSpec

SLEEPER = [sys.executable, "-c", "import time; time.sleep(600)"]


def test_backend_rss_is_read_while_it_runs_and_not_once_it_is_reaped() -> None:
    exited = threading.Event()
    process = BackendProcess(
        LaunchSpec(SLEEPER),
        current(),
        on_output=lambda _line: None,
        on_exit=lambda _code: exited.set(),
    )
    try:
        first, second = process.rss_bytes(), process.rss_bytes()
        assert first is not None and first > 1024**2, first  # an interpreter, not nothing
        assert second is not None and second > 1024**2, second
        assert not process.is_suspended()
        process.kill_tree()
        wait_for(exited.is_set, timeout_s=10, message="the exit watcher reaped the child")
        assert process.rss_bytes() is None
        assert not process.is_suspended()
    finally:
        process.kill_tree()

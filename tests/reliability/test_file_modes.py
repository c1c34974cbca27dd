"""Config and log files are created readable by their user only (mode & 0o077 == 0), even
under the usual umask 022 that would make them world-readable."""

from __future__ import annotations

import os
import signal
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.watchdog.harness import StartGuard
from tray_app.config import GuardianConfig, save_config
from tray_app.watchdog import EventName


@pytest.fixture
def usual_umask() -> Iterator[None]:
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def _others_can_read(path: Path) -> bool:
    return stat.S_IMODE(path.stat().st_mode) & 0o077 != 0


@pytest.mark.usefixtures("usual_umask")
def test_log_files_and_incident_reports_are_private(guard: StartGuard) -> None:
    g = guard()  # the bundled backend, which writes a log file of its own too
    g.wait_event(EventName.HEALTHY, timeout_s=30)
    os.kill(g.backend_pid(), signal.SIGKILL)
    g.wait_event(EventName.INCIDENT, timeout_s=30)
    folder = g.logs.directory
    files = [
        folder / name for name in ("guardian.log", "events.jsonl", "backend.log", "erp-backend.log")
    ]
    files += sorted((folder / "incidents").iterdir())
    assert len(files) == 6, files
    assert not [f"{p.name} {p.stat().st_mode:o}" for p in [folder, *files] if _others_can_read(p)]


@pytest.mark.usefixtures("usual_umask")
def test_saved_config_file_is_private(tmp_path: Path) -> None:
    path = tmp_path / "config" / "config.toml"
    save_config(GuardianConfig(check_interval=2), path)
    assert not _others_can_read(path), f"{path.stat().st_mode:o}"

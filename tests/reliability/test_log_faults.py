"""The log folder fills up or turns read-only while the guardian runs: it says so, keeps
guarding, and writes its logs again once it can.

A log file deleted while the guardian runs is tested in tests/watchdog/test_logs.py.
"""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

import pytest

from tests.reliability.faults import assert_every_event_logged, fill, small_volume
from tests.watchdog.harness import Guard, StartGuard, service_cmd
from tray_app.logs.incidents import incidents_dir
from tray_app.watchdog import EventName

MAX_CRASHES_TO_FILL = 10


def _crash_and_recover(g: Guard) -> int:
    """SIGKILL the backend; returns the index of the first event of this outage."""
    mark = len(g.events)
    os.kill(g.backend_pid(), signal.SIGKILL)
    g.wait_event(EventName.RECOVERED, after=mark)
    g.wait_event(EventName.INCIDENT, after=mark)
    return mark


def _guard_until_the_log_is_full(
    guard: StartGuard, volume: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[Guard, Path]:
    """A guardian logging to `volume`, crashed until a write to events.jsonl failed for want
    of space (the last page of each open log still takes a few lines); returns the filler."""
    g = guard(backend_cmd=service_cmd(), log_dir=str(volume / "log"))
    g.wait_event(EventName.HEALTHY)
    filler = fill(volume)
    err = ""
    for _ in range(MAX_CRASHES_TO_FILL):
        _crash_and_recover(g)  # the watchdog keeps guarding on a full disk
        err += capsys.readouterr().err
        if "events.jsonl" in err:
            break
    assert "events.jsonl: [Errno 28] No space left on device" in err, err
    return g, filler


def test_full_log_volume_is_reported_and_logging_resumes_when_space_is_back(
    guard: StartGuard, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with small_volume(tmp_path / "volume", size_kb=1024) as volume:
        g, filler = _guard_until_the_log_is_full(guard, volume, capsys)
        assert not list(incidents_dir(g.logs.directory).glob("*.txt"))
        filler.unlink()
        mark = _crash_and_recover(g)
        # The record whose write failed stays a fragment (it was reported on stderr); the
        # first one written when space is back starts a line of its own, not glued to it.
        assert_every_event_logged(g, since=mark, skip_torn=True)
        assert len(list(incidents_dir(g.logs.directory).glob("*.txt"))) >= 1


def test_read_only_log_folder_is_reported_and_logging_resumes_when_writable(
    guard: StartGuard, tmp_path: Path
) -> None:
    g = guard(backend_cmd=service_cmd(), log_dir=str(tmp_path / "log"))
    g.wait_event(EventName.HEALTHY)
    folder = g.logs.directory
    # Linux refuses `remount,ro` while files are open for writing, so the folder is covered by
    # a read-only view of itself: every new file (an incident report, a reopened or rotated
    # log) is refused with EROFS, as on a volume the system turned read-only.
    bound = subprocess.run(
        ["mount", "--bind", "-o", "ro", str(folder), str(folder)], capture_output=True, text=True
    )
    if bound.returncode != 0:
        pytest.skip(f"cannot bind-mount here: {bound.stderr.strip()}")
    try:
        mark = _crash_and_recover(g)
        guardian_log = g.logs.path("guardian.log").read_text()
        assert "incident report could not be written" in guardian_log
        assert "Read-only file system" in guardian_log
        assert not list(incidents_dir(folder).glob("*.txt"))
    finally:
        subprocess.run(["umount", str(folder)], check=True)
    assert_every_event_logged(g, since=mark)
    _crash_and_recover(g)
    assert len(list(incidents_dir(folder).glob("*.txt"))) == 1
    assert_every_event_logged(g)


def test_failed_log_write_is_an_event_the_tray_and_page_can_show(
    guard: StartGuard, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with small_volume(tmp_path / "volume", size_kb=1024) as volume:
        g, _ = _guard_until_the_log_is_full(guard, volume, capsys)
        problems = [e for e in g.supervisor.recent_events() if e.name is EventName.LOG_ERROR]
        assert problems and "No space left on device" in problems[0].detail

"""Ctrl+C during a big `logs summary`: exit code 130, no traceback, no worker left behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from tests.waiting import wait_for
from tray_app.logs.parallel_scan import ScanPlan, usable_cores

pytestmark = pytest.mark.posix  # a process group and SIGINT

LINE = (
    '{"time": "2026-03-01T06:00:00.000001+00:00", "level": "info", "event": "healthy", '
    '"state": "healthy", "previous": "unhealthy", "reason": "check_passed", "detail": "ok", '
    '"pid": 1, "attempt": 0, "outage_s": null, "latency_ms": 1.5, "exit_code": null, '
    '"data": {}}\n'
)


def _workers(pid: int) -> list[psutil.Process] | None:
    """The summary's worker processes once two run (None before)."""
    try:
        children = psutil.Process(pid).children(recursive=True)
        found = [child for child in children if "spawn_main" in " ".join(child.cmdline())]
    except psutil.Error:
        return None
    return found if len(found) >= 2 else None


def test_ctrl_c_ends_a_big_summary_quietly(tmp_path: Path) -> None:
    log_dir = tmp_path / "logs"
    log_dir.mkdir()
    copies = ScanPlan().parallel_from // len(LINE) + 100_000  # workers are used for it
    (log_dir / "events.jsonl").write_text(LINE * copies, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "tray_app.cli", "logs", "summary", "--log-dir", str(log_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group, as a terminal gives a command
        # a shell without job control starts background jobs with SIGINT ignored: undo that
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    # Interrupt while the workers read (one usable core: while this process reads alone).
    workers: list[psutil.Process] = []
    if usable_cores() >= 2:
        workers = wait_for(lambda: _workers(process.pid), timeout_s=10, interval_s=0.01)
    time.sleep(0.1)
    assert process.poll() is None, "the summary ended before it could be interrupted"
    os.killpg(process.pid, signal.SIGINT)  # Ctrl+C reaches the whole foreground group
    output = process.communicate(timeout=30)[0].decode(errors="replace")
    assert process.returncode == 130, output
    assert "Traceback" not in output
    assert "KeyboardInterrupt" not in output
    _, alive = psutil.wait_procs(workers, timeout=10)
    assert not alive

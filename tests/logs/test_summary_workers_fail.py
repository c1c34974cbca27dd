"""A big `logs summary` still gives its figures when its workers cannot start or one dies.

Both ended it before: ProcessPoolExecutor's locks failed on a read-only /dev/shm (OSError),
and a worker killed while the next one started hung the summary for good."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import psutil
import pytest

from tests.waiting import wait_for
from tray_app.logs.parallel_scan import ScanPlan, usable_cores

pytestmark = pytest.mark.posix  # SIGKILL, and a mount namespace

LINE = (
    '{"time": "2026-03-01T06:00:00.000001+00:00", "level": "warning", "event": "check_failed", '
    '"state": "unhealthy", "previous": "healthy", "reason": "timeout", "detail": "no answer", '
    '"pid": 1, "attempt": 0, "outage_s": null, "latency_ms": 500.5, "exit_code": null, '
    '"data": {}}\n'
)
SUMMARY = [sys.executable, "-m", "tray_app.cli", "logs", "summary", "--json", "--log-dir"]


def _big_log(tmp_path: Path) -> tuple[Path, int]:
    """A log the summary reads with workers (on two or more cores), and its event count."""
    log_dir = tmp_path / "logs"
    log_dir.mkdir()
    copies = ScanPlan().parallel_from // len(LINE) + 200_000
    (log_dir / "events.jsonl").write_text(LINE * copies, encoding="utf-8")
    return log_dir, copies


def _levels(output: str) -> dict[str, int]:
    levels: dict[str, int] = json.loads(output)["levels"]
    return levels


def test_without_a_writable_dev_shm_the_summary_reads_in_one_process(tmp_path: Path) -> None:
    """A container may mount /dev/shm read-only or not at all."""
    unshare = shutil.which("unshare")
    probe = [unshare or "unshare", "--mount", "mount", "-t", "tmpfs", "-o", "ro", "x", "/dev/shm"]
    if unshare is None or subprocess.run(probe, capture_output=True, check=False).returncode:
        pytest.skip("no mount namespace here (needs unshare and CAP_SYS_ADMIN)")
    log_dir, events = _big_log(tmp_path)
    script = 'mount -t tmpfs -o ro tmpfs /dev/shm && exec "$@"'
    done = subprocess.run(
        [unshare, "--mount", "sh", "-c", script, "sh", *SUMMARY, str(log_dir)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert _levels(done.stdout) == {"warning": events}


@pytest.mark.skipif(usable_cores() < 2, reason="workers run on two or more cores only")
def test_a_worker_killed_mid_scan_costs_time_not_figures(tmp_path: Path) -> None:
    log_dir, events = _big_log(tmp_path)
    process = subprocess.Popen(
        [*SUMMARY, str(log_dir)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )

    def a_worker() -> psutil.Process | None:
        try:
            children = psutil.Process(process.pid).children()
            return next((c for c in children if "spawn_main" in " ".join(c.cmdline())), None)
        except psutil.Error:
            return None

    # Killed at once: the others may still be starting (what hung ProcessPoolExecutor).
    worker = wait_for(a_worker, timeout_s=20, interval_s=0.005)
    os.kill(worker.pid, signal.SIGKILL)  # as the kernel's OOM killer would
    output, errors = process.communicate(timeout=60)
    assert process.returncode == 0, errors
    assert "Traceback" not in errors
    assert _levels(output) == {"warning": events}

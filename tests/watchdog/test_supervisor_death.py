"""The backend does not outlive its supervisor, even when the supervisor is SIGKILLed."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import psutil

from tests.waiting import free_port, wait_for
from tests.watchdog.harness import service_cmd


def _run_guardian(tmp_path: Path, *extra: str, port: int = 0) -> subprocess.Popen[bytes]:
    port = port or free_port()
    cmd = " ".join(part.replace("{port}", str(port)) for part in service_cmd())
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tray_app",
            "run",
            "--backend-only",
            "--port",
            str(port),
            "--backend-cmd",
            cmd,
            "--log-dir",
            str(tmp_path / "log"),
            "--data-dir",
            str(tmp_path / "data"),
            "--check-interval",
            "0.5",
            *extra,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


def _backend_pid(tmp_path: Path) -> int | None:
    try:
        return int(json.loads((tmp_path / "data" / "backend.lock").read_text())["pid"])
    except (OSError, ValueError, KeyError):
        return None


def _gone(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


def test_backend_dies_with_a_sigkilled_supervisor(tmp_path: Path) -> None:
    guardian = _run_guardian(tmp_path)
    backend_pid = None
    try:
        backend_pid = wait_for(lambda: _backend_pid(tmp_path), timeout_s=20, message="backend")
        os.kill(guardian.pid, signal.SIGKILL)
        guardian.wait(5)
        wait_for(lambda: _gone(backend_pid), timeout_s=2, message="backend gone")
    finally:
        guardian.kill()
        guardian.wait()
        if backend_pid and not _gone(backend_pid):
            os.kill(backend_pid, signal.SIGKILL)


def test_sigterm_stops_the_backend_gracefully_and_exits_0(tmp_path: Path) -> None:
    guardian = _run_guardian(tmp_path)
    try:
        backend_pid = wait_for(lambda: _backend_pid(tmp_path), timeout_s=20, message="backend")
        wait_for(
            lambda: b"healthy" in (tmp_path / "log" / "events.jsonl").read_bytes(),
            timeout_s=20,
            message="healthy event",
        )
        guardian.send_signal(signal.SIGTERM)
        output, _ = guardian.communicate(timeout=15)
        assert guardian.returncode == 0, output
        assert _gone(backend_pid)
        assert b"STOPPED" in output
        assert not (tmp_path / "data" / "backend.lock").exists()
    finally:
        guardian.kill()
        guardian.wait()


def test_second_start_exits_0_and_leaves_the_first_guarding(tmp_path: Path) -> None:
    port = free_port()
    first = _run_guardian(tmp_path, port=port)
    try:
        backend_pid = wait_for(lambda: _backend_pid(tmp_path), timeout_s=20, message="backend")
        # The same backend port with other folders is still the same backend: not twice.
        second = subprocess.run(
            [
                *(sys.executable, "-m", "tray_app", "run", "--headless", "--port", str(port)),
                *("--log-dir", str(tmp_path / "log2"), "--data-dir", str(tmp_path / "data2")),
            ],
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert second.returncode == 0
        assert f"already running (PID {first.pid})" in second.stdout
        assert first.poll() is None and not _gone(backend_pid)
    finally:
        first.terminate()
        first.wait(15)

"""A config file edited to nonsense while the guardian runs: the running guardian keeps the
config it started with, `config validate` names the problem. (That a start with such a file
stops with exit code 2 is tested in tests/watchdog/test_config_and_cli.py.)"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import psutil
import tomli_w

from tests.reliability.faults import REPO_ROOT, logged_events
from tests.waiting import free_port, wait_for
from tests.watchdog.harness import service_cmd

NONSENSE = 'check_interval = "whenever"\nport = -1\n[[[ this is not TOML\n'


def _guardian(*args: str) -> list[str]:
    return [sys.executable, "-m", "tray_app", *args]


def _last_event(events_file: Path, name: str, after: int = 0) -> dict[str, Any] | None:
    found = [e for e in logged_events(events_file)[after:] if e["event"] == name]
    return found[-1] if found else None


def test_config_edited_to_nonsense_while_running_changes_nothing_until_restart(
    tmp_path: Path,
) -> None:
    config_file = tmp_path / "config.toml"
    values = {
        "backend_cmd": service_cmd(),
        "port": free_port(),
        "log_dir": str(tmp_path / "log"),
        "data_dir": str(tmp_path / "data"),
        "check_interval": 0.2,
        "check_timeout": 0.3,
        "stats_interval": 0,
    }
    config_file.write_text(tomli_w.dumps(values))
    events_file = tmp_path / "log" / "events.jsonl"
    stderr_file = tmp_path / "stderr.txt"
    with stderr_file.open("wb") as stderr:
        guardian = subprocess.Popen(
            _guardian("run", "--backend-only", "--config", str(config_file)),
            cwd=REPO_ROOT,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    backend_pids: set[int] = set()
    try:
        healthy = wait_for(lambda: _last_event(events_file, "healthy"), timeout_s=20)
        backend_pids.add(healthy["pid"])
        config_file.write_text(NONSENSE)

        validate = subprocess.run(
            _guardian("config", "validate", str(config_file)),
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert validate.returncode == 2
        assert "not valid TOML" in validate.stderr and str(config_file) in validate.stderr

        # Still guarding with the config it started with: a crash is recovered as before.
        mark = len(logged_events(events_file))
        os.kill(healthy["pid"], signal.SIGKILL)
        recovered = wait_for(lambda: _last_event(events_file, "recovered", mark), timeout_s=20)
        backend_pids.add(recovered["pid"])
        assert guardian.poll() is None
        assert recovered["pid"] != healthy["pid"]
    finally:
        guardian.send_signal(signal.SIGTERM)
        try:
            guardian.wait(timeout=30)
        except subprocess.TimeoutExpired:
            guardian.kill()
            guardian.wait(timeout=10)
    err = stderr_file.read_text()
    assert guardian.returncode == 0, err
    assert "invalid configuration" not in err
    assert not [pid for pid in backend_pids if psutil.pid_exists(pid)], "backend left running"

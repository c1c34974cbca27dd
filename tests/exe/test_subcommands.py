"""Every sub-command works in the frozen executable, and writes only to the user's folders."""

from __future__ import annotations

import contextlib
import re
import subprocess
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psutil
import pytest

from tests.exe.harness import Sandbox, run_exe
from tray_app.logs.parallel_scan import ScanPlan, usable_cores

pytestmark = pytest.mark.exe


def test_version_and_backend_help(exe: Path, sandbox: Sandbox) -> None:
    code, output = run_exe(exe, sandbox, "--version")
    assert (code, output.split()[0]) == (0, "erp-guardian"), output
    code, output = run_exe(exe, sandbox, "backend", "--help")
    assert code == 0, output
    assert "usage: erp-guardian backend" in output
    assert "--port" in output


def test_backend_rejects_a_bad_option_with_exit_code_2(exe: Path, sandbox: Sandbox) -> None:
    code, output = run_exe(exe, sandbox, "backend", "--port", "99999")
    assert code == 2, output
    assert "--port" in output
    assert "Traceback" not in output


def test_doctor_finds_the_bundled_page_and_modules(exe: Path, sandbox: Sandbox) -> None:
    code, output = run_exe(exe, sandbox, "doctor")
    assert code == 0, output
    imports = [line for line in output.splitlines() if line.split()[1:2] == ["import"]]
    assert len(imports) >= 5, output  # fastapi, uvicorn, ... PySide6.QtWidgets, backend.app.main
    assert all(line.startswith("OK") for line in imports), output
    assert "built page found" in output, output
    assert "FAIL" not in output, output


def test_doctor_fix_creates_the_folders_in_the_users_home(exe: Path, sandbox: Sandbox) -> None:
    code, output = run_exe(exe, sandbox, "doctor", "--fix")
    assert code == 0, output
    assert (Path(sandbox.env["XDG_DATA_HOME"]) / "erp-guardian" / "erp.sqlite3").is_file()
    assert (Path(sandbox.env["XDG_STATE_HOME"]) / "erp-guardian" / "log").is_dir()
    assert not list(exe.parent.glob("*.sqlite3")), "nothing may be written beside the executable"


def test_config_show_path_and_validate(exe: Path, sandbox: Sandbox) -> None:
    code, output = run_exe(exe, sandbox, "config", "show", "--web-port", "9123")
    assert code == 0, output
    assert f"# config file: {sandbox.env['XDG_CONFIG_HOME']}/erp-guardian/config.toml" in output
    assert "web_port = 9123" in output
    bad = sandbox.root / "bad.toml"
    bad.write_text("port = 0\n")
    code, output = run_exe(exe, sandbox, "config", "validate", str(bad))
    assert code == 2, output
    assert "port" in output
    assert "Traceback" not in output


def test_logs_summary_on_an_empty_log_folder(exe: Path, sandbox: Sandbox) -> None:
    code, output = run_exe(exe, sandbox, "logs", "summary", "--log-dir", str(sandbox.root))
    assert code == 0, output
    assert "Restarts:" in output


def _write_big_log(path: Path, bytes_wanted: int) -> int:
    """events.jsonl in the writer's form, a check failing and passing in turn; its events."""
    start = datetime(2026, 3, 1, tzinfo=UTC)
    lines: list[str] = []
    size = 0
    while size < bytes_wanted:
        number = len(lines)
        state, previous = ("healthy", "unhealthy") if number % 2 else ("unhealthy", "healthy")
        moment = (start + timedelta(seconds=number)).isoformat(timespec="microseconds")
        line = (
            f'{{"time": "{moment}", '
            f'"level": "info", "event": "x", "state": "{state}", "previous": "{previous}", '
            '"reason": "check_passed", "detail": "a check, as the writer writes it", "pid": 42, '
            '"attempt": 0, "outage_s": null, "latency_ms": 1.5, "exit_code": null, "data": {}}\n'
        )
        lines.append(line)
        size += len(line)
    path.write_text("".join(lines), encoding="utf-8")
    return len(lines)


def test_logs_summary_of_a_big_log_runs_in_worker_processes(exe: Path, sandbox: Sandbox) -> None:
    """A log over ScanPlan.parallel_from is read by spawned workers: the frozen executable
    started again, which freeze_support (build/entry.py) turns into a worker. Windows takes
    this path in every start method, Linux too since spawn is used everywhere."""
    log_dir = sandbox.root / "logs"
    log_dir.mkdir()
    events = _write_big_log(log_dir / "events.jsonl", ScanPlan().parallel_from + 1_000_000)
    process = subprocess.Popen(
        [str(exe.resolve()), "logs", "summary", "--log-dir", str(log_dir)],
        cwd=sandbox.root,
        env=sandbox.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    workers: set[int] = set()
    while process.poll() is None:
        with contextlib.suppress(psutil.Error):
            for child in psutil.Process(process.pid).children(recursive=True):
                if "--multiprocessing-fork" in child.cmdline():
                    workers.add(child.pid)
        time.sleep(0.02)
    output = process.communicate()[0].decode(errors="replace")
    assert process.returncode == 0, output
    assert re.search(rf"^Events:\s+{events}$", output, re.MULTILINE), output
    assert f"info {events}" in output
    assert "Traceback" not in output
    assert "usage:" not in output  # a worker that ran the CLI instead (no freeze_support)
    if usable_cores() >= 2:
        assert len(workers) >= 2, "the big log was read in one process"

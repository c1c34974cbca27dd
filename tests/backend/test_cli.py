"""`python -m backend`: options, exit codes, signals, logs."""

from __future__ import annotations

import signal
import socket
import sys
from pathlib import Path

import pytest

from backend.cli import main
from tests.backend.harness import StartBackend, run_backend_cli
from tests.waiting import wait_for

posix_signals = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["--port", "abc"], "--port"),
        (["--port", "70000"], "--port"),
        (["--cache-ttl", "-1"], "--cache-ttl"),
        (["--log-backups", "0"], "--log-backups"),
        (["--log-max-bytes", "12"], "--log-max-bytes"),
        (["--cors-origin", "evil.example"], "--cors-origin"),
        (["--no-such-option"], "--no-such-option"),
    ],
)
def test_bad_option_exits_2_naming_the_option(
    args: list[str], option: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(args) == 2
    err = capsys.readouterr().err
    assert option in err
    assert "Traceback" not in err


def test_bad_option_from_the_command_line_exits_2() -> None:
    result = run_backend_cli("--port", "not-a-port")
    assert result.returncode == 2
    assert "--port" in result.stderr
    assert "Traceback" not in result.stderr


def test_help_shows_the_default_port(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    assert "8765" in capsys.readouterr().out


def test_port_in_use_exits_3_with_one_line(tmp_path: Path) -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        result = run_backend_cli(
            "--port", str(port), "--db", str(tmp_path / "db"), "--log-dir", str(tmp_path)
        )
    assert result.returncode == 3
    assert result.stderr.strip() == (
        f"erp-backend: port {port} is in use: 127.0.0.1:{port} is already in use"
    )


@posix_signals
@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT])
def test_stop_signal_shuts_down_gracefully_with_exit_0(
    backend_factory: StartBackend, stop_signal: signal.Signals
) -> None:
    backend = backend_factory()
    backend.get("/health")
    backend.process.send_signal(stop_signal)
    assert backend.process.wait(timeout=10) == 0
    log = backend.log_text()
    assert "backend shutting down" in log
    assert f"stopped by signal {stop_signal.name}" in log
    assert "Traceback" not in backend.stderr()


def test_requests_are_logged_to_the_rotating_file_and_stdout(
    backend_factory: StartBackend,
) -> None:
    backend = backend_factory("--log-max-bytes", "2048", "--log-backups", "2")
    for _ in range(80):
        backend.get("/api/v1/missing")  # /health checks are only counted: not enough to rotate
    backend.get("/api/v1/nothing")
    logs = backend.log_dir / "erp-backend.log"
    wait_for(lambda: "GET /api/v1/nothing 404" in backend.log_text(), message="the 404 line")
    assert logs.stat().st_size <= 2048
    rotated = sorted(path.name for path in backend.log_dir.iterdir())
    assert rotated == ["erp-backend.log", "erp-backend.log.1", "erp-backend.log.2"]
    assert "GET /api/v1/missing 404" in backend.stdout_path.read_text()


def test_unwritable_log_dir_falls_back_to_stdout(
    backend_factory: StartBackend, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the log folder should be")
    backend = backend_factory("--log-dir", str(blocker / "logs"))
    backend.get("/api/v1/nothing")
    assert backend.stderr().count("logging to stdout only") == 1
    wait_for(
        lambda: "GET /api/v1/nothing 404" in backend.stdout_path.read_text(),
        message="stdout line",
    )


@posix_signals
def test_sigusr1_dumps_stacks_to_stderr_and_keeps_running(backend_factory: StartBackend) -> None:
    backend = backend_factory()
    if sys.platform != "win32":  # for mypy --platform win32; the test is skipped there
        backend.process.send_signal(signal.SIGUSR1)
    # The main thread comes last in the dump and ends in runpy's module runner.
    wait_for(lambda: "_run_module_as_main" in backend.stderr(), message="a full stack dump")
    assert "Current thread" in backend.stderr()
    assert "uvicorn" in backend.stderr()
    assert backend.get("/health").status_code == 200


def test_database_and_seed_rows_are_created_on_first_start(
    backend_factory: StartBackend,
) -> None:
    backend = backend_factory()
    assert backend.db_path.exists()
    tables = {t["name"]: t["rows"] for t in backend.status()["database"]["tables"]}
    assert tables == {"articles": 5, "customers": 3, "orders": 4}


def test_usage_names_the_command_it_was_called_as(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--port", "0"], prog="erp-guardian backend") == 2
    assert capsys.readouterr().err.startswith("usage: erp-guardian backend")

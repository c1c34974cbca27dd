"""How the real Supervisor asks a backend to stop: the bundled one by closing the pipe on its
stdin (the same on every OS), a foreign one by the OS's own request (SIGTERM; Ctrl+C on
Windows). No module-level POSIX means: the Windows workflow runs these too."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import httpx

from tests.waiting import wait_for
from tests.watchdog.harness import StartGuard, bundled_backend_env, service_cmd
from tray_app.config import GuardianConfig
from tray_app.watchdog import EventName, State
from tray_app.watchdog.launch import launch_spec
from tray_app.watchdog.platform import StopMethod

STDIN_FLAG = "--stop-on-stdin-eof"


def _backend_log(config: GuardianConfig) -> str:
    return (Path(config.log_path) / "erp-backend.log").read_text(encoding="utf-8")


def test_the_bundled_backend_is_stopped_by_closing_its_stdin(tmp_path: Path) -> None:
    spec = launch_spec(GuardianConfig(log_dir=str(tmp_path), data_dir=str(tmp_path)))
    assert spec.stop_method is StopMethod.PIPE_CLOSE
    assert STDIN_FLAG in spec.argv


def test_a_foreign_backend_is_stopped_by_the_os_and_gets_no_pipe_flag(tmp_path: Path) -> None:
    config = GuardianConfig(
        backend_cmd=service_cmd(), log_dir=str(tmp_path), data_dir=str(tmp_path)
    )
    spec = launch_spec(config)
    assert spec.stop_method is StopMethod.OS_SIGNAL
    assert STDIN_FLAG not in spec.argv


def test_the_guardian_stops_the_bundled_backend_through_the_pipe_with_exit_0(
    guard: StartGuard,
) -> None:
    g = guard(backend_env=bundled_backend_env(), stop_timeout=10)
    g.wait_event(EventName.HEALTHY, timeout_s=30)
    mark = len(g.events)
    g.supervisor.stop()
    stopped = g.wait_event(EventName.STOPPED, after=mark, timeout_s=15)
    assert stopped.detail == "backend stopped: exit code 0"
    assert g.lifecycle_names(mark) == ["stopping", "stopped"]  # no "killed": ended in time
    log = _backend_log(g.config)
    assert "stopped because stdin closed" in log  # not by a signal: that line would say so
    assert "stopped by signal" not in log
    assert "backend shutting down" in log


def test_a_request_in_flight_when_the_guardian_stops_the_backend_is_answered(
    guard: StartGuard,
) -> None:
    # Checks far apart: the blocked loop must not be taken for a hang during this test.
    g = guard(backend_env=bundled_backend_env(), stop_timeout=10, check_interval=30)
    g.wait_event(EventName.HEALTHY, timeout_s=30)
    answers: list[httpx.Response | Exception] = []

    def slow_request() -> None:
        try:
            url = f"http://127.0.0.1:{g.config.port}/api/v1/faults/block"
            answers.append(httpx.post(url, params={"seconds": 1}, timeout=15))
        except Exception as error:  # reported by the assertion below
            answers.append(error)

    client = threading.Thread(target=slow_request)
    client.start()
    try:
        wait_for(
            lambda: "fault: blocking the event loop" in _backend_log(g.config), message="block"
        )
        mark = len(g.events)
        g.supervisor.stop()
        stopped = g.wait_event(EventName.STOPPED, after=mark, timeout_s=15)
    finally:
        client.join(20)
    assert stopped.detail == "backend stopped: exit code 0"
    assert len(answers) == 1, answers
    answer = answers[0]
    assert isinstance(answer, httpx.Response), answer
    assert answer.status_code == 200
    assert "stopped because stdin closed" in _backend_log(g.config)


def test_a_foreign_backend_is_asked_by_the_os_and_ends_before_the_kill(guard: StartGuard) -> None:
    # POSIX: SIGTERM to its process group (the test service dies of it). Windows: Ctrl+C
    # through its console, as WinSW sends it. Either way it ends before stop_timeout: no kill.
    g = guard(backend_cmd=service_cmd(), stop_timeout=10)
    g.wait_event(EventName.HEALTHY)
    mark = len(g.events)
    g.supervisor.stop()
    stopped = g.wait_event(EventName.STOPPED, after=mark, timeout_s=15)
    assert g.lifecycle_names(mark) == ["stopping", "stopped"]
    if sys.platform != "win32":
        assert stopped.detail == "backend stopped: killed by SIGTERM"
    assert g.supervisor.snapshot().state is State.STOPPED

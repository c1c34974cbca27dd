"""`--stop-on-stdin-eof`: the backend stops gracefully when the pipe on its stdin closes.

The guardian's stop request on every OS, and what happens when the guardian dies: its end of
the pipe closes with it. No signal is sent in these tests, so they run on Windows as well.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import psutil
import pytest

from tests.backend.harness import REPO_ROOT, Backend, _environment
from tests.waiting import free_port, process_alive, wait_for

FAULTS = {"ERP_GUARDIAN_FAULTS": "1"}
STOP_LINE = "stopped because stdin closed"


def _command(workdir: Path, port: int) -> list[str]:
    return [
        *(sys.executable, "-m", "backend", "--stop-on-stdin-eof", "--port", str(port)),
        *("--db", str(workdir / "erp.sqlite3"), "--log-dir", str(workdir / "logs")),
    ]


def _spawn(workdir: Path, stdin: int, env: dict[str, str] | None = None) -> Backend:
    port = free_port()
    out, err = workdir / f"stdout-{port}.txt", workdir / f"stderr-{port}.txt"
    with out.open("wb") as out_file, err.open("wb") as err_file:
        process = subprocess.Popen(
            _command(workdir, port),
            cwd=REPO_ROOT,
            stdin=stdin,
            stdout=out_file,
            stderr=err_file,
            env=_environment(env or {}),
        )
    return Backend(process, port, workdir / "erp.sqlite3", workdir / "logs", out, err)


@pytest.fixture
def piped() -> Iterator[list[Backend]]:
    """Backends started here, each ended afterwards whatever the test did."""
    started: list[Backend] = []
    try:
        yield started
    finally:
        for backend in started:
            backend.stop()


def test_closing_stdin_stops_the_backend_gracefully_with_exit_0(
    tmp_path: Path, piped: list[Backend]
) -> None:
    backend = _spawn(tmp_path, subprocess.PIPE)
    piped.append(backend)
    backend.wait_healthy()
    assert backend.process.stdin is not None
    backend.process.stdin.close()
    assert backend.process.wait(timeout=15) == 0
    log = backend.log_text()
    assert "stdin closed: shutting down gracefully" in log
    assert "backend shutting down" in log  # the lifespan's shutdown ran
    assert STOP_LINE in log
    assert "stopped by signal" not in log
    assert "Traceback" not in backend.stderr()


def test_a_backend_whose_stdin_is_already_closed_stops_after_its_start(
    tmp_path: Path, piped: list[Backend]
) -> None:
    # The guardian gone before the backend was up: it starts, then stops by itself.
    backend = _spawn(tmp_path, subprocess.DEVNULL)
    piped.append(backend)
    assert backend.process.wait(timeout=30) == 0
    log = backend.log_text()
    assert "backend shutting down" in log
    assert STOP_LINE in log


def test_a_request_in_flight_when_stdin_closes_is_answered(
    tmp_path: Path, piped: list[Backend]
) -> None:
    backend = _spawn(tmp_path, subprocess.PIPE, env=FAULTS)
    piped.append(backend)
    backend.wait_healthy()
    answers: list[httpx.Response | Exception] = []

    def slow_request() -> None:
        try:
            url = f"{backend.url}/api/v1/faults/block"
            answers.append(httpx.post(url, params={"seconds": 1}, timeout=15))
        except Exception as error:  # reported by the assertion below
            answers.append(error)

    client = threading.Thread(target=slow_request)
    client.start()
    try:
        # The handler has started: the request is in flight from here on.
        wait_for(lambda: "fault: blocking the event loop" in backend.log_text(), message="block")
        assert backend.process.stdin is not None
        backend.process.stdin.close()
        assert backend.process.wait(timeout=15) == 0
    finally:
        client.join(20)
    assert len(answers) == 1, answers
    answer = answers[0]
    assert isinstance(answer, httpx.Response), answer
    assert answer.status_code == 200
    assert answer.json() == {"blocked_s": 1.0}
    log = backend.log_text()
    assert log.index("fault: blocking") < log.index("stdin closed: shutting down")
    assert log.index("stdin closed: shutting down") < log.index("backend shutting down")


PARENT = """
import subprocess, sys
child = subprocess.Popen(sys.argv[1:], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT)
print(child.pid, flush=True)
sys.stdin.read()  # until the test kills us; the child's stdout is never read, as after a crash
"""


def test_the_backend_stops_by_itself_when_its_parent_is_killed(tmp_path: Path) -> None:
    # A parent without PR_SET_PDEATHSIG or a job object: only the pipe tells the backend.
    port = free_port()
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT, *_command(tmp_path, port)],
        cwd=REPO_ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=_environment({}),
    )
    backend_pid = None
    try:
        assert parent.stdout is not None
        backend_pid = int(parent.stdout.readline())
        wait_for(
            lambda: _answers(f"http://127.0.0.1:{port}/health"), timeout_s=20, message="health"
        )
        parent.kill()
        parent.wait(10)
        gone_pid = backend_pid
        wait_for(lambda: not process_alive(gone_pid), timeout_s=10, message="backend gone")
        log = (tmp_path / "logs" / "erp-backend.log").read_text(encoding="utf-8")
        assert "backend shutting down" in log
        assert STOP_LINE in log
    finally:
        parent.kill()
        parent.wait(10)
        if backend_pid is not None and process_alive(backend_pid):
            psutil.Process(backend_pid).kill()


def _answers(url: str) -> bool:
    try:
        return httpx.get(url, timeout=1).status_code == 200
    except httpx.HTTPError:
        return False

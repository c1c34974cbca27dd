"""The request log: every request has its line, except successful /health checks, which are
counted and summed up once per interval (one a second was 6.6 MB a day in each of two logs)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import httpx

from tests.backend.harness import FAULTS_ENV_VAR, REPO_ROOT, Backend, StartBackend
from tests.waiting import free_port, wait_for

COUNT_LINE = re.compile(r"health: (\d+) requests? in \d+ s, all 2xx, slowest [\d.]+ ms")

# The real CLI with one setting changed: the command line has no option for the interval.
LAUNCHER = """
import sys
from backend import cli
interval = float(sys.argv[1])
parse = cli.settings_from_args
cli.settings_from_args = lambda args: parse(args).model_copy(
    update={"health_log_interval_s": interval}
)
sys.exit(cli.main(sys.argv[2:]))
"""


def _start(workdir: Path, health_log_interval_s: float) -> Backend:
    port = free_port()
    paths = workdir / "erp.sqlite3", workdir / "logs", workdir / "out.txt", workdir / "err.txt"
    db_path, log_dir, stdout_path, stderr_path = paths
    command = [sys.executable, "-c", LAUNCHER, str(health_log_interval_s), "--port", str(port)]
    command += ["--db", str(db_path), "--log-dir", str(log_dir)]
    env = {**os.environ, FAULTS_ENV_VAR: "1", "PYTHONUNBUFFERED": "1"}
    with stdout_path.open("wb") as out, stderr_path.open("wb") as err:
        process = subprocess.Popen(command, cwd=REPO_ROOT, stdout=out, stderr=err, env=env)
    backend = Backend(process, port, db_path, log_dir, stdout_path, stderr_path)
    try:
        backend.wait_healthy()
    except BaseException:
        backend.stop()
        raise
    return backend


def _counted(text: str) -> list[int]:
    return [int(match.group(1)) for match in COUNT_LINE.finditer(text)]


def _stop(backend: Backend) -> None:
    backend.process.send_signal(signal.SIGTERM)
    assert backend.process.wait(timeout=10) == 0, backend.stderr()


def test_health_checks_are_counted_per_interval_and_the_rest_logged_one_by_one(
    tmp_path: Path,
) -> None:
    backend = _start(tmp_path, health_log_interval_s=0.5)
    try:
        client = httpx.Client(base_url=backend.url, timeout=10)
        quick = 1  # wait_healthy's answered check
        for _ in range(20):
            assert client.get("/health").status_code == 200
            quick += 1
        assert client.get("/api/v1/system/status").status_code == 200
        assert client.get("/health", headers={"Host": "evil.example"}).status_code == 400

        def count_line_written() -> bool:
            nonlocal quick
            if _counted(backend.log_text()):
                return True
            assert client.get("/health").status_code == 200  # the line is written lazily
            quick += 1
            return False

        wait_for(count_line_written, timeout_s=15, interval_s=0.1, message="a count line")
        assert client.get("/health").status_code == 200  # left for the line at shutdown
        quick += 1
        client.post("/api/v1/faults/slow-health", params={"ms": 1100})
        assert client.get("/health").status_code == 200  # slow: a line of its own
        client.close()
    finally:
        _stop(backend)

    for text in (backend.log_text(), backend.stdout_path.read_text(encoding="utf-8")):
        assert "GET /api/v1/system/status 200" in text
        assert "GET /health 400" in text
        assert re.search(r"GET /health 200 1\d{3}\.\dms", text), text[-2000:]
        assert len(re.findall(r"GET /health 200", text)) == 1, "only the slow check has a line"
        # Every quick check is in a count line; the last ones in the one written at shutdown.
        assert sum(_counted(text)) == quick, (quick, _counted(text))
        assert len(_counted(text)) >= 2


def test_real_cli_writes_the_count_at_shutdown(backend_factory: StartBackend) -> None:
    backend = backend_factory()  # the default interval, a minute, is not over yet
    for _ in range(30):
        backend.get("/health")
    backend.get("/api/v1/system/status")
    _stop(backend)
    log = backend.log_text()
    assert "GET /api/v1/system/status 200" in log
    assert "GET /health" not in log
    assert _counted(log) == [31]  # 30 and the harness's own check

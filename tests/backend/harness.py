"""Runs the real backend in a subprocess on a free port, and waits with deadlines."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from tests.waiting import free_port, wait_for

REPO_ROOT = Path(__file__).resolve().parents[2]
FAULTS_ENV_VAR = "ERP_GUARDIAN_FAULTS"


def assert_no_traceback(response: httpx.Response) -> None:
    assert "Traceback" not in response.text, response.text
    assert 'File "' not in response.text, response.text


@dataclass
class Backend:
    """A started backend process and where to reach it."""

    process: subprocess.Popen[bytes]
    port: int
    db_path: Path
    log_dir: Path
    stdout_path: Path
    stderr_path: Path
    session: httpx.Client = field(default_factory=httpx.Client)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        kwargs.setdefault("timeout", 5)
        response = self.session.get(self.url + path, **kwargs)
        assert_no_traceback(response)
        return response

    def post(self, path: str, **kwargs: Any) -> httpx.Response:
        kwargs.setdefault("timeout", 5)
        response = self.session.post(self.url + path, **kwargs)
        assert_no_traceback(response)
        return response

    def status(self, **params: Any) -> dict[str, Any]:
        response = self.get("/api/v1/system/status", params=params)
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    def reset_cache(self) -> None:
        assert self.post("/api/v1/system/status/reset-cache").json()["reset"] is True

    def stderr(self) -> str:
        return self.stderr_path.read_text(encoding="utf-8", errors="replace")

    def log_text(self) -> str:
        return (self.log_dir / "erp-backend.log").read_text(encoding="utf-8")

    def wait_healthy(self, timeout_s: float = 15.0) -> dict[str, Any]:
        seen: list[object] = [None]

        def healthy() -> dict[str, Any] | None:
            if self.process.poll() is not None:
                raise AssertionError(
                    f"backend exited with {self.process.returncode}: {self.stderr()}"
                )
            try:
                body: dict[str, Any] = self.session.get(self.url + "/health", timeout=1).json()
            except httpx.HTTPError as error:  # not listening yet
                seen[0] = error
                return None
            return body

        body = wait_for(
            healthy, timeout_s, describe=lambda: seen[0], message=f"{self.url}/health to answer"
        )
        assert body is not None
        return body

    def stop(self) -> None:
        """Graceful stop, then kill; always leaves no process behind."""
        self.session.close()
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


StartBackend = Callable[..., Backend]


def start_backend(
    workdir: Path, *extra_args: str, env: dict[str, str] | None = None, wait: bool = True
) -> Backend:
    """Start `python -m backend` on a free port with its files under `workdir`."""
    port = free_port()
    db_path = workdir / "erp.sqlite3"
    log_dir = workdir / "logs"
    stdout_path = workdir / f"stdout-{port}.txt"
    stderr_path = workdir / f"stderr-{port}.txt"
    command = [sys.executable, "-m", "backend", "--port", str(port), "--db", str(db_path)]
    command += ["--log-dir", str(log_dir), *extra_args]
    with stdout_path.open("wb") as out, stderr_path.open("wb") as err:
        process = subprocess.Popen(
            command,
            cwd=REPO_ROOT,
            stdout=out,
            stderr=err,
            env=_environment(env or {}),
        )
    backend = Backend(process, port, db_path, log_dir, stdout_path, stderr_path)
    if wait:
        try:
            backend.wait_healthy()
        except BaseException:
            backend.stop()
            raise
    return backend


def _environment(extra: dict[str, str]) -> dict[str, str]:
    # Faults stay off unless a test turns them on, whatever the caller's environment says.
    base = {key: value for key, value in os.environ.items() if key != FAULTS_ENV_VAR}
    return {**base, "PYTHONUNBUFFERED": "1", **extra}


def run_backend_cli(*args: str, timeout_s: float = 30) -> subprocess.CompletedProcess[str]:
    """Run `python -m backend ARGS` to completion (for options that make it exit)."""
    return subprocess.run(
        [sys.executable, "-m", "backend", *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=timeout_s,
    )

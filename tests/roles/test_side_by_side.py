"""One lock per role: a page-only guardian runs beside a backend-only one; no role twice."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.reliability.faults import REPO_ROOT
from tests.waiting import free_port, wait_for


@contextmanager
def guardian(folder: Path, *args: str) -> Iterator[tuple[subprocess.Popen[bytes], Path]]:
    console = folder / f"console-{len(list(folder.glob('console-*')))}.txt"
    with console.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "tray_app", "run", *args],
            cwd=REPO_ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        yield process, console
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def _get_json(url: str) -> dict[str, object] | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as answer:
            return dict(json.loads(answer.read()))
    except OSError:
        return None


def test_a_page_only_guardian_runs_beside_a_backend_only_one(tmp_path: Path) -> None:
    port, web_port = free_port(), free_port()
    folders = ("--log-dir", str(tmp_path / "log"), "--data-dir", str(tmp_path / "data"))
    ports = ("--port", str(port), "--web-port", str(web_port))
    with guardian(tmp_path, "--backend-only", *ports, *folders) as (backend_only, out1):
        wait_for(
            lambda: _get_json(f"http://127.0.0.1:{port}/health"),
            timeout_s=30,
            describe=out1.read_text,
            message="the guarded backend to answer",
        )
        page_folders = ("--log-dir", str(tmp_path / "log2"), "--data-dir", str(tmp_path / "d2"))
        with guardian(tmp_path, "--frontend-only", *ports, *page_folders) as (page_only, out2):
            status = wait_for(
                lambda: _get_json(f"http://127.0.0.1:{web_port}/api/backend/status"),
                timeout_s=30,
                describe=out2.read_text,
                message="the page-only guardian to proxy the backend's status",
            )
            assert "database" in status
            assert page_only.poll() is None and backend_only.poll() is None
            # A second backend-only guardian of the same backend is refused, and exits 0.
            second = subprocess.run(
                [sys.executable, "-m", "tray_app", "run", "--backend-only", *ports, *folders],
                cwd=REPO_ROOT,
                capture_output=True,
                text=True,
                timeout=30,
            )
            assert second.returncode == 0
            assert f"already running (PID {backend_only.pid}) and guards" in second.stdout
            # So is a second page on the same port.
            third = subprocess.run(
                [sys.executable, "-m", "tray_app", "run", "--frontend-only", *ports, *folders],
                cwd=REPO_ROOT,
                capture_output=True,
                text=True,
                timeout=30,
            )
            assert third.returncode == 0
            assert f"already running (PID {page_only.pid}) and serves" in third.stdout

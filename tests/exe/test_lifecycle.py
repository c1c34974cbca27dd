"""The executable started as a user would, offscreen: there is no system tray there, so the
app falls back to headless, supervising the bundled backend and serving the page."""

from __future__ import annotations

import re
import shutil

import psutil
import pytest
import requests

from tests.exe.conftest import StartExe
from tests.exe.harness import ExeRun
from tests.waiting import wait_for

pytestmark = pytest.mark.exe


def _event_names(run: ExeRun) -> list[str]:
    return run.lifecycle_event_names()


def _assert_page_served(run: ExeRun) -> None:
    base = f"http://127.0.0.1:{run.web_port}"
    page = requests.get(f"{base}/", timeout=5)
    assert page.status_code == 200, page.text
    assert page.headers["content-type"].startswith("text/html")
    assert '<div id="root">' in page.text
    script = re.search(r'src="(/assets/[^"]+\.js)"', page.text)
    assert script is not None, page.text
    bundle = requests.get(base + script.group(1), timeout=5)
    assert bundle.status_code == 200
    assert "javascript" in bundle.headers["content-type"]
    status = requests.get(f"{base}/api/watchdog/status", timeout=5)
    assert status.json()["state"] == "healthy", status.text


def test_starts_serves_restarts_a_killed_backend_and_stops_cleanly(exe_runs: StartExe) -> None:
    run = exe_runs()
    health = run.wait_healthy()
    assert health["checks"]["database"]["ok"] is True
    _assert_page_served(run)
    assert "running headless instead" in run.output()

    first_backend = run.backend_pid()
    assert first_backend is not None
    psutil.Process(first_backend).kill()  # SIGKILL

    def restarted() -> int | None:
        run.note_processes()
        pid = run.backend_pid()
        return pid if pid != first_backend and "recovered" in _event_names(run) else None

    second_backend = wait_for(restarted, timeout_s=30, describe=lambda: _event_names(run))
    exited = next(event for event in run.events() if event["event"] == "exited")
    assert (exited["pid"], exited["reason"], exited["exit_code"]) == (first_backend, "signal", -9)
    assert run.wait_healthy() and run.backend_pid() == second_backend

    assert run.terminate() == 0, run.output()
    assert _event_names(run)[-2:] == ["stopping", "stopped"], _event_names(run)
    assert not (run.data_dir / "backend.lock").exists()
    assert run.leftovers() == [] and run.sandbox.processes() == [], "SIGTERM must end all"


def test_logs_and_data_go_to_the_users_folders_by_default(exe_runs: StartExe) -> None:
    run = exe_runs(folders_as_options=False)
    run.wait_healthy()
    # Where platformdirs puts them for this user: the sandbox's XDG folders.
    assert (run.log_dir / "events.jsonl").is_file()
    assert (run.log_dir / "guardian.log").is_file()
    assert (run.data_dir / "erp.sqlite3").is_file()
    for unpacked in run.sandbox.unpack_folders():  # a one-file build's, while it runs
        assert not list(unpacked.rglob("*.log")) and not list(unpacked.rglob("*.sqlite3"))
    assert run.terminate() == 0, run.output()


def test_second_start_in_the_headless_fallback_leaves_the_first_running(
    exe_runs: StartExe,
) -> None:
    first = exe_runs()
    first.wait_healthy()
    backend = first.backend_pid()
    second = exe_runs(port=first.port, web_port=first.web_port)
    second.process.wait(30)
    second.note_processes()
    assert first.process.poll() is None
    assert first.health() is not None and first.backend_pid() == backend
    assert first.terminate() == 0, first.output()


def test_second_start_in_the_headless_fallback_exits_0(exe_runs: StartExe) -> None:
    first = exe_runs()
    first.wait_healthy()
    second = exe_runs(port=first.port, web_port=first.web_port)
    code = second.process.wait(30)
    assert (code, "Traceback" in second.output()) == (0, False), second.output()


def test_sigkill_of_the_one_file_bootloader_still_stops_app_and_backend(
    exe_runs: StartExe,
) -> None:
    """A SIGKILL cannot be passed on by the bootloader; the app asked the kernel for a SIGTERM
    when its parent dies (build/entry.py), so it stops its backend gracefully."""
    run = exe_runs("run", "--headless")
    run.wait_healthy()
    if not run.sandbox.unpack_folders():
        pytest.skip("a one-folder build runs as one process: there is no bootloader")
    run.process.kill()
    run.process.wait(10)
    wait_for(lambda: not run.leftovers(), timeout_s=20, describe=run.leftovers)
    assert _event_names(run)[-2:] == ["stopping", "stopped"], _event_names(run)
    # Only the bootloader deletes the unpack folder, and it was killed: clean up after it.
    for folder in run.sandbox.unpack_folders():
        shutil.rmtree(folder)

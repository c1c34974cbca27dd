"""Fixtures for the smoke tests on the built executable (run `bash build/build.sh` first).

Every test gets its own sandbox (home, XDG folders, TMPDIR); every executable it starts is
ended afterwards, and the fixture fails the test if a process of ours or a one-file unpack
folder is left behind.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import pytest

from tests.exe.harness import ExeRun, Sandbox, default_exe, start_exe
from tests.waiting import wait_for
from tests.x_screen import tray_screen

StartExe = Callable[..., ExeRun]
X_TOOLS = ("Xvfb", "trayer", "xdotool")


@pytest.fixture(scope="session")
def exe() -> Path:
    path = default_exe()
    if not path.is_file():
        pytest.skip(f"no executable at {path}: build it with `bash build/build.sh`")
    return path


@pytest.fixture
def sandbox(tmp_path: Path) -> Sandbox:
    return Sandbox.create(tmp_path)


@contextmanager
def _managed_runs(exe: Path, box: Sandbox) -> Iterator[StartExe]:
    """start(*args, **options) -> ExeRun in `box`. Afterwards each run still going gets a
    SIGTERM; then no process of ours and no one-file unpack folder may be left behind."""
    runs: list[ExeRun] = []

    def start(*args: str, **options: Any) -> ExeRun:
        run = start_exe(exe, box, *args, name=f"app{len(runs) + 1}", **options)
        runs.append(run)
        return run

    try:
        yield start
    finally:
        for run in runs:
            if run.process.poll() is None:  # still running: stop it as a user would
                with suppress(subprocess.TimeoutExpired):
                    run.terminate()
        leftovers = sorted({*box.processes(), *(pid for run in runs for pid in run.leftovers())})
        box.kill_processes()
        for run in runs:
            with suppress(subprocess.TimeoutExpired):
                run.process.wait(10)
    assert not leftovers, f"processes left behind: {leftovers}"
    wait_for(
        lambda: not box.unpack_folders(),
        timeout_s=10,
        describe=box.unpack_folders,
        message="unpack folders removed",
    )


@pytest.fixture
def exe_runs(exe: Path, sandbox: Sandbox) -> Iterator[StartExe]:
    """Start the executable offscreen (no system tray: the app falls back to headless)."""
    with _managed_runs(exe, sandbox) as start:
        yield start


@pytest.fixture
def tray_runs(exe: Path, tray_sandbox: Sandbox) -> Iterator[StartExe]:
    """Start the executable on a virtual screen with a system tray: the real tray app."""
    with _managed_runs(exe, tray_sandbox) as start:
        yield start


@pytest.fixture
def tray_sandbox(tmp_path: Path) -> Iterator[Sandbox]:
    """A sandbox on a virtual X screen with a system tray host (Xvfb + trayer)."""
    missing = [tool for tool in X_TOOLS if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (Debian packages xvfb, trayer, xdotool)")
    with tray_screen(first_display=150) as display:
        yield Sandbox.create(tmp_path, DISPLAY=display, QT_QPA_PLATFORM="xcb")

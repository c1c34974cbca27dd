"""The frozen executable's entry point: `erp-guardian`, as the console script runs it."""

from __future__ import annotations

import multiprocessing
import os
import sys


def _give_windowed_exe_a_console() -> None:
    """A windowed Windows exe starts with sys.stdout/stderr set to None, so a sub-command run
    from a terminal (`erp-guardian doctor`) would print nothing or fail on write. Attach to
    the terminal it was started from, or write to the null device when there is none."""
    if sys.platform != "win32" or (sys.stdout is not None and sys.stderr is not None):
        return
    import ctypes

    attach_parent_process = -1
    if ctypes.windll.kernel32.AttachConsole(attach_parent_process):
        target = "CONOUT$"
    else:
        target = os.devnull  # a double-click: no terminal, and nothing needs one
    if sys.stdout is None:
        sys.stdout = open(target, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as we do
    if sys.stderr is None:
        sys.stderr = open(target, "w", encoding="utf-8")  # noqa: SIM115


def _end_with_the_bootloader() -> None:
    """A one-file build on Linux runs as two processes: the bootloader that unpacked the bundle,
    and this one, its child. The bootloader passes SIGTERM on, but a SIGKILL of it (a task
    manager, `kill -9`) cannot be passed on: have the kernel send us SIGTERM then, so the app
    still stops supervising and stops its backend instead of living on as an orphan. The
    unpack folder stays behind then: only the bootloader deletes it. (Windows has no such
    signal; there the app outlives a killed bootloader, see pyinstaller issue 9016.)"""
    if not sys.platform.startswith("linux") or not getattr(sys, "frozen", False):
        return
    if sys.argv[1:2] == ["backend"]:
        return  # the backend follows its supervisor (SIGKILL), set up when it was started
    parent = os.getppid()
    try:
        parent_exe = os.readlink(f"/proc/{parent}/exe")
    except OSError:
        return
    if parent_exe != os.path.realpath(sys.executable):
        return  # a one-folder build, started by a shell or a desktop: nothing to follow
    import ctypes
    import signal

    pr_set_pdeathsig = 1  # from <sys/prctl.h>
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(pr_set_pdeathsig, signal.SIGTERM)
    if os.getppid() != parent:  # the bootloader died before the prctl call
        raise SystemExit(1)


if __name__ == "__main__":
    # A worker process of a big `logs summary` (tray_app/logs/parallel_scan.py) is this
    # executable started again: freeze_support runs the worker's code in it, and returns at
    # once in every other start.
    multiprocessing.freeze_support()
    _give_windowed_exe_a_console()
    _end_with_the_bootloader()
    from tray_app.cli import main

    sys.exit(main())

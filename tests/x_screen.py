"""A virtual X screen with a system tray host (Xvfb + trayer), for the tests that need a real
tray: Xvfb alone has no tray, and the app would fall back to headless there."""

from __future__ import annotations

import os
import signal
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.waiting import wait_for

TRAY_HEIGHT = 32


def free_display(first: int = 90, last: int = 250) -> str:
    """A display (":N") with neither a lock file nor a socket."""
    for number in range(first, last):
        taken = Path(f"/tmp/.X{number}-lock"), Path(f"/tmp/.X11-unix/X{number}")
        if not any(path.exists() for path in taken):
            return f":{number}"
    raise RuntimeError("no free X display number")


def stop_process(process: subprocess.Popen[bytes], timeout_s: float = 15) -> None:
    """SIGTERM, then SIGKILL if it does not end in time."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout_s)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


@contextmanager
def tray_screen(size: tuple[int, int] = (800, 600), first_display: int = 90) -> Iterator[str]:
    """Xvfb and trayer on a free display; yields the DISPLAY value; both ended afterwards."""
    display = free_display(first_display)
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    xvfb = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", f"{size[0]}x{size[1]}x24", "-nolisten", "tcp"],
        **quiet,  # type: ignore[call-overload]
    )
    trayer: subprocess.Popen[bytes] | None = None
    try:
        socket_file = Path(f"/tmp/.X11-unix/X{display[1:]}")
        wait_for(socket_file.exists, timeout_s=15, message=f"Xvfb on {display}")
        trayer = subprocess.Popen(
            ["trayer", "--edge", "top", "--align", "right", "--widthtype", "pixel",
             "--width", "160", "--heighttype", "pixel", "--height", str(TRAY_HEIGHT),
             "--tint", "0x404040", "--transparent", "false"],
            env={**os.environ, "DISPLAY": display},
            **quiet,  # type: ignore[call-overload]
        )  # fmt: skip
        yield display
    finally:
        if trayer is not None:
            stop_process(trayer)
        stop_process(xvfb)

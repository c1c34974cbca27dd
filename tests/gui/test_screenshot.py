"""On a virtual X screen with a tray host: the icon turns green, its menu opens on a right
click, and both are saved as screenshots in artifacts/ (for people to look at)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.gui.conftest import gui_config
from tests.waiting import wait_for
from tray_app.config import save_config

pytestmark = pytest.mark.xvfb

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"
NEEDED = ("Xvfb", "trayer", "xdotool", "import")


def free_display() -> int:
    """A display number with neither a lock file nor a socket."""
    for number in range(90, 190):
        lock = Path(f"/tmp/.X{number}-lock")
        sock = Path(f"/tmp/.X11-unix/X{number}")
        if not lock.exists() and not sock.exists():
            return number
    raise RuntimeError("no free X display number")


def stop(process: subprocess.Popen[bytes], timeout_s: float = 15) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout_s)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


@pytest.fixture
def x_screen() -> Iterator[dict[str, str]]:
    """Xvfb and trayer on a free display; both ended afterwards."""
    missing = [tool for tool in NEEDED if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (Debian: xvfb trayer xdotool imagemagick)")
    display = f":{free_display()}"
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)  # Qt's own tray path, no desktop bus
    xvfb = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "640x480x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    trayer: subprocess.Popen[bytes] | None = None
    try:
        socket_file = Path(f"/tmp/.X11-unix/X{display[1:]}")
        wait_for(socket_file.exists, timeout_s=15, message=f"Xvfb on {display}")
        trayer = subprocess.Popen(
            ["trayer", "--edge", "top", "--align", "right", "--widthtype", "pixel", "--width",
             "160", "--heighttype", "pixel", "--height", "32", "--tint", "0x404040",
             "--transparent", "false"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        yield env
    finally:
        if trayer is not None:
            stop(trayer)
        stop(xvfb)


def screenshot(env: dict[str, str], target: Path) -> None:
    subprocess.run(["import", "-window", "root", str(target)], env=env, check=True, timeout=30)


def test_icon_and_menu_on_a_virtual_screen(x_screen: dict[str, str], tmp_path: Path) -> None:
    env = x_screen
    config_file = tmp_path / "config.toml"
    save_config(gui_config(tmp_path), config_file)
    state_file = tmp_path / "state.json"
    app = subprocess.Popen(
        [sys.executable, "-m", "tests.gui.tray_on_screen", str(config_file), str(state_file)],
        cwd=ROOT,
        env=env,
        stdout=(tmp_path / "app.out").open("wb"),
        stderr=subprocess.STDOUT,
    )
    try:

        def state() -> dict[str, Any]:
            if app.poll() is not None:
                raise AssertionError((tmp_path / "app.out").read_text(errors="replace"))
            text = state_file.read_text() if state_file.exists() else "{}"
            return dict(json.loads(text or "{}"))

        icon = wait_for(lambda: state().get("icon"), timeout_s=60, message="green icon")
        x, y, width, height = icon
        assert width > 0 and height > 0, icon
        ARTIFACTS.mkdir(exist_ok=True)
        screenshot(env, ARTIFACTS / "tray-icon.png")
        centre = [str(x + width // 2), str(y + height // 2)]
        subprocess.run(["xdotool", "mousemove", *centre, "click", "3"], env=env, check=True)
        menu = wait_for(lambda: state().get("menu"), timeout_s=20, message="menu opened")
        assert menu[2] > 50 and menu[3] > 100, menu
        screenshot(env, ARTIFACTS / "tray-menu.png")
        assert (ARTIFACTS / "tray-menu.png").stat().st_size > 0
        backend_pid = state()["pid"]
    finally:
        stop(app, 30)
    assert app.returncode == 0, (tmp_path / "app.out").read_text(errors="replace")
    assert backend_pid is not None and not _alive(backend_pid)


def _alive(pid: int) -> bool:
    import psutil

    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False

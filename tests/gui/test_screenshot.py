"""The real starter (`python -m tray_app tray`) on a virtual X screen with a tray host: the
icon turns green, a right click opens its menu, both are saved as screenshots in artifacts/
(for people to look at), and SIGTERM quits like the menu's Quit, leaving no backend behind."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest
from PySide6.QtGui import QImage

from tests.gui.conftest import gui_config
from tests.waiting import free_port, wait_for
from tests.x_screen import TRAY_HEIGHT, stop_process, tray_screen
from tray_app.config import save_config
from tray_app.gui.single_instance import INSTANCE_ENV

pytestmark = pytest.mark.xvfb

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"
NEEDED = ("Xvfb", "trayer", "xdotool", "import")
SCREEN = (640, 480)


@pytest.fixture
def x_screen() -> Iterator[dict[str, str]]:
    """Xvfb and trayer on a free display, as the environment to start the app in."""
    missing = [tool for tool in NEEDED if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (Debian: xvfb trayer xdotool imagemagick)")
    with tray_screen(SCREEN) as display:
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        env.pop("DBUS_SESSION_BUS_ADDRESS", None)  # Qt's own tray path, no desktop bus
        env[INSTANCE_ENV] = f"test-{uuid.uuid4().hex}"  # never meets a real running app
        yield env


def screenshot(env: dict[str, str], target: Path) -> QImage:
    subprocess.run(["import", "-window", "root", str(target)], env=env, check=True, timeout=30)
    return QImage(str(target))


def green_icon_centre(image: QImage) -> tuple[int, int] | None:
    """Centre of the green pixels in the tray strip at the top, if there are enough."""
    points = [
        (x, y)
        for y in range(min(TRAY_HEIGHT, image.height()))
        for x in range(image.width() - 200, image.width())
        if (c := image.pixelColor(x, y)).green() > 120 and c.red() < 100 and c.blue() < 110
    ]
    if len(points) < 40:
        return None
    return sum(p[0] for p in points) // len(points), sum(p[1] for p in points) // len(points)


def menu_is_open(image: QImage) -> bool:
    """The open menu is a light panel below the tray strip on the black screen."""
    light = sum(
        1
        for y in range(TRAY_HEIGHT + 10, image.height() // 2, 4)
        for x in range(image.width() // 2, image.width(), 4)
        if image.pixelColor(x, y).lightness() > 200
    )
    return light > 200


def test_icon_and_menu_on_a_virtual_screen(x_screen: dict[str, str], tmp_path: Path) -> None:
    env = x_screen
    config = gui_config(tmp_path, web_port=free_port())  # the page server runs as well
    save_config(config, tmp_path / "config.toml")
    output = tmp_path / "app.out"
    app = subprocess.Popen(
        [sys.executable, "-m", "tray_app", "tray", "--config", str(tmp_path / "config.toml")],
        cwd=ROOT,
        env=env,
        stdout=output.open("wb"),
        stderr=subprocess.STDOUT,
    )
    backends: list[psutil.Process] = []
    try:

        def green() -> tuple[int, int] | None:
            assert app.poll() is None, output.read_text(errors="replace")
            return green_icon_centre(screenshot(env, tmp_path / "screen.png"))

        x, y = wait_for(green, timeout_s=60, interval_s=0.3, message="a green tray icon")
        backends = psutil.Process(app.pid).children(recursive=True)
        assert backends, "the tray app runs no backend"
        ARTIFACTS.mkdir(exist_ok=True)
        shutil.copy(tmp_path / "screen.png", ARTIFACTS / "tray-icon.png")
        subprocess.run(["xdotool", "mousemove", str(x), str(y), "click", "3"], env=env, check=True)

        def menu() -> bool:
            return menu_is_open(screenshot(env, tmp_path / "menu.png"))

        wait_for(menu, timeout_s=20, interval_s=0.3, message="the tray menu")
        shutil.copy(tmp_path / "menu.png", ARTIFACTS / "tray-menu.png")
        subprocess.run(["xdotool", "key", "Escape"], env=env, check=True)
    finally:
        stop_process(app, 30)
    assert app.returncode == 0, output.read_text(errors="replace")
    left = [p.pid for p in backends if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
    assert not left, f"left behind: {left}"

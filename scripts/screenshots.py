"""Screenshots of the tray app in English and German, for the README.

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--languages en de]

Starts Xvfb and a tray host (trayer) on a free display, as tests/x_screen.py does, then runs
the real tray app once per language in a child process of this script: the real engine and the
bundled backend on a free port, logs and data in a temporary folder, no session bus (so Qt
shows its own notification balloon). The child lets the backend crash three times (SIGKILL),
so the restart history, the log and the notifications have something to show, and saves
<what>-<lang>.png for: tray-menu, status-window, log-viewer, settings, notification.
The files are reduced to 256 colours with ImageMagick's `convert` when it is there.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # run as a file: the project's packages and tests/ helpers

SCREEN = (1280, 900)
SHOTS = ("tray-menu", "status-window", "log-viewer", "settings", "notification")
CRASHES = 3  # the notification policy's crash-loop threshold: a real notification follows
CHILD_TIMEOUT_S = 120
MARGIN_PX = 6


# ------------------------------------------------------------------ the parent: screen and runs
def take_all(out: Path, languages: list[str]) -> list[Path]:
    """One child per language on one virtual screen with a tray; returns the files written."""
    from tests.x_screen import tray_screen

    missing = [tool for tool in ("Xvfb", "trayer") if shutil.which(tool) is None]
    if missing:
        raise SystemExit(f"needs {', '.join(missing)} (Debian: xvfb trayer)")
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tray_screen(SCREEN) as display:
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        env.pop("DBUS_SESSION_BUS_ADDRESS", None)  # Qt's own balloon, not a desktop daemon
        env.pop("LANGUAGE", None)  # the `language` setting decides
        for language in languages:
            command = [sys.executable, __file__, "--child", language, "--out", str(out)]
            subprocess.run(command, env=env, check=True, timeout=CHILD_TIMEOUT_S)
            written += [out / f"{shot}-{language}.png" for shot in SHOTS]
    if shutil.which("convert"):
        for path in written:  # 8-bit palette: a third of the size, text stays sharp
            subprocess.run(["convert", str(path), "-colors", "256", f"PNG8:{path}"], check=True)
    return written


# ------------------------------------------------------------------ the child: one language
def run_child(language: str, out: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from tray_app.gui import theme
    from tray_app.gui.pyside_guard import protect_none
    from tray_app.gui.translations import install_translators

    app = QApplication(sys.argv[:1])
    app.setApplicationName("ERP Guardian")
    app.setQuitOnLastWindowClosed(False)
    app.setWindowIcon(theme.app_icon())
    install_translators(app, language)
    protect_none()
    with tempfile.TemporaryDirectory(prefix="erp-guardian-shots-") as temp:
        Shooter(app, language, out, Path(temp)).run()


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Shooter:
    """Drives the real tray app through the moments worth a picture."""

    def __init__(self, app: Any, language: str, out: Path, temp: Path) -> None:
        self.app = app
        self.language = language
        self.out = out
        self.temp = temp

    def wait(self, condition: Callable[[], object], what: str, timeout_s: float = 30) -> None:
        """Let Qt work until condition() holds; on timeout say what was awaited."""
        deadline = time.monotonic() + timeout_s
        while not condition():
            if time.monotonic() >= deadline:
                raise TimeoutError(f"{what}: not within {timeout_s} s")
            self.app.processEvents()
            time.sleep(0.02)

    def settle(self, seconds: float = 0.3) -> None:
        """Paint what is pending (a menu or window just shown needs a few passes)."""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.app.processEvents()
            time.sleep(0.02)

    def save(self, image: Any, shot: str) -> None:
        path = self.out / f"{shot}-{self.language}.png"
        if not image.save(str(path)):
            raise OSError(f"could not write {path}")

    def grab_screen(self, rect: Any) -> Any:
        screen = self.app.primaryScreen()
        return screen.grabWindow(0, rect.x(), rect.y(), rect.width(), rect.height())

    def run(self) -> None:
        from PySide6.QtWidgets import QSystemTrayIcon

        from tray_app.autostart.linux import XdgAutostart
        from tray_app.config import GuardianConfig, LoadedConfig
        from tray_app.gui.controller import TrayController, UserQuestions
        from tray_app.headless import build_supervisor
        from tray_app.logs.writer import GuardianLogs

        self.wait(QSystemTrayIcon.isSystemTrayAvailable, "a system tray")
        config = GuardianConfig(
            port=_free_port(),
            web_port=0,
            log_dir=str(self.temp / "log"),
            data_dir=str(self.temp / "data"),
            language=self.language,
            check_interval=0.5,
            backoff_initial=0.3,
            backoff_max=1.0,
        )
        logs = GuardianLogs(config)
        controller = TrayController(
            LoadedConfig(config, self.temp / "config.toml", False, {}),
            lambda cfg: build_supervisor(cfg, logs),
            None,
            instance=None,
            autostart=XdgAutostart("erp-guardian-shots", ["true"], self.temp / "xdg"),
            questions=UserQuestions(),
        )
        self.controller = controller
        try:
            controller.start()
            self.wait_healthy()
            self.tray_menu()
            self.notification()
            self.status_window()
            self.log_viewer()
            self.settings()
        finally:
            controller.shutdown()
            logs.close()

    def wait_healthy(self) -> None:
        from tray_app.watchdog.model import State

        engine = self.controller.engine
        self.wait(lambda: engine.snapshot().state is State.HEALTHY, "the backend healthy", 60)

    def tray_menu(self) -> None:
        tray = self.controller.tray
        self.wait(lambda: not tray.icon.geometry().isEmpty(), "the tray icon's place")
        icon = tray.icon.geometry()
        tray.menu.popup(icon.bottomLeft())
        self.wait(tray.menu.isVisible, "the tray menu")
        self.settle()
        area = icon.united(tray.menu.geometry()).adjusted(-MARGIN_PX, 0, MARGIN_PX, MARGIN_PX)
        self.save(self.grab_screen(area), "tray-menu")
        tray.menu.hide()

    def notification(self) -> None:
        """Three crashes in a row; the newest notification, in Qt's own balloon."""
        engine = self.controller.engine
        shown = self.controller.notifier.history
        for crash in range(CRASHES):
            pid = engine.snapshot().pid
            assert pid is not None, "a healthy backend has a PID"
            os.kill(pid, signal.SIGKILL)
            if crash < CRASHES - 1:
                self.wait(lambda: engine.snapshot().pid not in (None, pid), "a restart")  # noqa: B023
                self.wait_healthy()
        self.wait(lambda: len(shown) > 0, "a notification")
        self.wait(lambda: self.balloon() is not None, "Qt's notification balloon")
        self.settle()
        balloon = self.balloon()
        area = balloon.geometry().adjusted(-MARGIN_PX, -MARGIN_PX, MARGIN_PX, MARGIN_PX)
        self.save(self.grab_screen(area), "notification")
        balloon.hide()
        self.wait_healthy()

    def balloon(self) -> Any:
        for widget in self.app.topLevelWidgets():
            if widget.metaObject().className() == "QBalloonTip" and widget.isVisible():
                return widget
        return None

    def status_window(self) -> None:
        window = self.controller.status_window
        received: list[object] = []
        window.client.status_received.connect(received.append)
        self.controller.show_status()
        # Three fetches (the window asks every 2 s while shown): the sparklines have a line.
        self.wait(lambda: len(received) >= 3, "the backend's figures", 30)
        window.show_snapshot(self.controller.bridge.refresh())
        self.settle()
        self.save(window.grab().toImage(), "status-window")
        window.hide()

    def log_viewer(self) -> None:
        self.controller.show_logs()
        viewer = self.controller.log_viewer
        assert viewer is not None
        self.wait(lambda: viewer.model.rowCount() > 0, "lines in the log viewer")
        self.settle()
        self.save(viewer.grab().toImage(), "log-viewer")
        viewer.hide()

    def settings(self) -> None:
        self.controller.show_settings()
        dialog = self.controller.settings_dialog
        assert dialog is not None
        self.wait(dialog.isVisible, "the settings dialog")
        self.settle()
        self.save(dialog.grab().toImage(), "settings")
        dialog.reject()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--languages", nargs="+", default=["en", "de"], choices=["en", "de"])
    parser.add_argument("--child", choices=["en", "de"], help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        run_child(args.child, args.out)
        return 0
    for path in take_all(args.out, args.languages):
        print(path)  # noqa: T201 - the script's output is the list of files it wrote
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The tray app on a real X screen, for the screenshot test (run by test_screenshot.py).

    python -m tests.gui.tray_on_screen CONFIG.toml STATE.json

Starts the real engine and backend like run_tray does, then writes STATE.json once the icon is
green (the icon's place on the screen) and again when its menu has opened. Ends on SIGTERM,
stopping the backend like the menu's Quit.
"""

from __future__ import annotations

import json
import signal
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from tray_app.autostart import NullAutostart
from tray_app.config import GuardianConfig, load_config
from tray_app.gui.controller import TrayController
from tray_app.watchdog import Supervisor
from tray_app.watchdog.model import Snapshot, State


def main(config_file: Path, state_file: Path) -> int:
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    if not QSystemTrayIcon.isSystemTrayAvailable():
        state_file.write_text(json.dumps({"error": "no system tray"}), encoding="utf-8")
        return 3
    loaded = load_config(config_file)

    def engine(config: GuardianConfig) -> Supervisor:
        return Supervisor(config)

    controller = TrayController(loaded, engine, autostart=NullAutostart("x", []))
    state: dict[str, Any] = {}

    def write() -> None:
        state_file.write_text(json.dumps(state), encoding="utf-8")

    def on_snapshot(snapshot: Snapshot) -> None:
        if snapshot.state is State.HEALTHY and "icon" not in state:
            QTimer.singleShot(300, record_icon)  # let the tray host paint the new icon

    def record_icon() -> None:
        rect = controller.tray.icon.geometry()
        state["icon"] = [rect.x(), rect.y(), rect.width(), rect.height()]
        state["pid"] = controller.bridge.refresh().pid
        write()

    def on_menu() -> None:
        QTimer.singleShot(300, record_menu)

    def record_menu() -> None:
        menu = controller.tray.menu.geometry()
        state["menu"] = [menu.x(), menu.y(), menu.width(), menu.height()]
        write()

    controller.start()
    controller.bridge.snapshot_changed.connect(on_snapshot)
    controller.tray.menu.aboutToShow.connect(on_menu)
    signal.signal(signal.SIGTERM, lambda *_: app.quit())
    awake = QTimer()
    awake.timeout.connect(lambda: None)
    awake.start(200)  # lets Python run the SIGTERM handler
    try:
        return int(app.exec())
    finally:
        controller.shutdown()


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))

"""Entry point of the tray app: `run_tray(loaded, web_factory)`, called by tray_app/cli.py.

Order matters: the display check comes before the QApplication (without a display Qt aborts
the process), the single-instance check before the tray check (a second launch only has to
wake the first), and TrayUnavailable is raised before the engine, the backend or any window
exists, so the caller can fall back to headless cleanly.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from tray_app import __version__
from tray_app.config import GuardianConfig, LoadedConfig
from tray_app.gui import theme
from tray_app.gui.controller import TrayController
from tray_app.gui.pyside_guard import protect_none
from tray_app.gui.single_instance import SingleInstance
from tray_app.gui.translations import install_translators
from tray_app.gui.web_page import WebFactory

log = logging.getLogger(__name__)

WINDOWLESS_PLATFORMS = frozenset({"offscreen", "minimal"})
TRAY_WAIT_S = 3.0  # a tray host started in the same login session may come up a little later
SIGNAL_POLL_MS = 500  # lets Python run its SIGTERM/SIGINT handlers while Qt's loop runs


class TrayUnavailable(RuntimeError):
    """There is no display or no system tray. Raised by run_tray before anything is started
    (no engine, no backend, no window); the message says which."""


def display_available() -> bool:
    """False on X11/Wayland systems without a display; Windows and macOS always have one."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return True  # Qt was told which platform to use (offscreen, xcb, wayland ...)
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _wait_for_tray(app: QApplication, timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while not QSystemTrayIcon.isSystemTrayAvailable():
        if time.monotonic() >= deadline:
            return False
        app.processEvents()
        time.sleep(0.1)
    return True


def _application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("ERP Guardian")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("erp-guardian")
    app.setQuitOnLastWindowClosed(False)  # closing a window must not end the watchdog
    app.setWindowIcon(theme.app_icon())
    return app


def _engine_with_logs(config: GuardianConfig) -> tuple[Any, Any, Callable[[], None]]:
    """A Supervisor whose events and backend output go to the log files, with its metrics'
    textfile and Kuma push on threads of their own (never the GUI thread), its backup service
    (started and closed by the controller, as headless.py does) and its closer."""
    from tray_app.backup.service import BackupService
    from tray_app.headless import build_supervisor
    from tray_app.logs.writer import GuardianLogs
    from tray_app.metrics.registry import metrics_of
    from tray_app.metrics.runner import MetricsRunner

    logs = GuardianLogs(config)
    engine = build_supervisor(config, logs)
    backups = BackupService(config, engine)
    engine.recovery.use_backup(backups.before_restart)  # after a crash, once quick_check passed
    metrics = MetricsRunner(metrics_of(engine)).start()
    metrics.use_backup_ages(backups.last_good_age_s)

    def close() -> None:
        metrics.stop()  # the closers run after the engine stopped: the textfile says so
        logs.close()

    return engine, backups, close


def run_tray(
    loaded: LoadedConfig,
    web_factory: WebFactory | None = None,
) -> int:
    """Run the tray app until Quit; returns the exit code. Raises TrayUnavailable."""
    if not display_available():
        raise TrayUnavailable("no display (neither DISPLAY nor WAYLAND_DISPLAY is set)")
    app = _application()
    # Before any window or menu exists: texts are translated when they are made.
    install_translators(app, loaded.config.language)
    protect_none()  # before the first timer tick; see pyside_guard.py
    instance = SingleInstance()
    if instance.notify_running():
        return 0  # the running instance shows its status window
    if app.platformName() in WINDOWLESS_PLATFORMS:
        # These platforms never get a tray: waiting TRAY_WAIT_S would only delay the fallback.
        raise TrayUnavailable(f"no system tray on Qt's {app.platformName()!r} platform")
    if not _wait_for_tray(app, TRAY_WAIT_S):
        raise TrayUnavailable("no system tray on this desktop")
    if not instance.listen():
        # Still guard the backend; only a later launch will not find this one.
        log.warning("cannot register the single-instance name %s", instance.name)
    closers: list[Callable[[], None]] = []
    backups: list[Any] = []

    def engine_factory(config: GuardianConfig) -> Any:
        engine, service, close = _engine_with_logs(config)
        closers.append(close)
        backups.append(service)
        return engine

    controller = TrayController(
        loaded,
        engine_factory,
        web_factory,
        instance,
        backups_of=lambda: backups[-1] if backups else None,
    )
    app.aboutToQuit.connect(controller.shutdown)
    previous = {sig: signal.signal(sig, lambda *_: app.quit()) for sig in _quit_signals()}
    keep_python_awake = QTimer()
    keep_python_awake.timeout.connect(lambda: None)
    keep_python_awake.start(SIGNAL_POLL_MS)
    try:
        controller.start()
        code = app.exec()
    finally:
        keep_python_awake.stop()
        controller.shutdown()
        for close in closers:
            close()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return int(code)


def _quit_signals() -> list[signal.Signals]:
    """SIGTERM (logout, service stop) and SIGINT (Ctrl-C) quit like the menu's Quit."""
    return [getattr(signal, name) for name in ("SIGTERM", "SIGINT") if hasattr(signal, name)]

"""Wires the tray app together: engine bridge, tray icon, notifications, windows, web page.

The controller holds the current config and the objects; the views hold no state of their own
beyond what they were last given. Questions to the user (confirmations, a port number) are
callables, so tests can answer them without a modal dialog.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication

from tray_app.autostart import Autostart, AutostartError, platform_autostart
from tray_app.config import GuardianConfig, LoadedConfig
from tray_app.gui import dialogs, port_actions
from tray_app.gui.backend_client import BackendStatusClient, backend_base_url
from tray_app.gui.dialogs import UserQuestions
from tray_app.gui.doctor_dialog import DoctorDialog
from tray_app.gui.engine_bridge import Engine, EngineBridge
from tray_app.gui.gc_guard import GuiThreadCollector
from tray_app.gui.log_viewer import LogViewer
from tray_app.gui.notifications import NotificationPolicy
from tray_app.gui.notifier import Notifier
from tray_app.gui.settings_dialog import SettingsDialog
from tray_app.gui.single_instance import SingleInstance
from tray_app.gui.status_window import StatusWindow
from tray_app.gui.tray import TrayIcon
from tray_app.gui.tray_backups import TrayBackups
from tray_app.gui.web_page import WebFactory, WebPage
from tray_app.watchdog.model import Event

if TYPE_CHECKING:
    from tray_app.backup.service import BackupService

log = logging.getLogger(__name__)

POLICY_TICK_MS = 5000
SHUTDOWN_MARGIN_S = 5.0
JOBS_WAIT_MS = 10_000  # a support bundle of large logs takes a few seconds to zip


EngineFactory = Callable[[GuardianConfig], Engine]


class TrayController(QObject):
    def __init__(
        self,
        loaded: LoadedConfig,
        engine_factory: EngineFactory,
        web_factory: WebFactory | None = None,
        instance: SingleInstance | None = None,
        autostart: Autostart | None = None,
        questions: UserQuestions | None = None,
        backups_of: Callable[[], BackupService | None] | None = None,
    ) -> None:
        """backups_of() gives the backup service made with the engine (None: no backups)."""
        super().__init__()
        self._backups_of = backups_of
        self.config = loaded.config
        self.config_file = loaded.file
        self._engine_factory = engine_factory
        self.instance = instance
        self.autostart = autostart or platform_autostart()
        self.questions = questions or UserQuestions()
        self.web = WebPage(web_factory)
        self.log_viewer: LogViewer | None = None
        self.settings_dialog: SettingsDialog | None = None
        self.doctor_dialog: DoctorDialog | None = None
        self._down = False
        self._tick = QTimer(self)
        self._tick.timeout.connect(self._policy_tick)
        self._collector = GuiThreadCollector(self)

    # ----------------------------------------------------------------- start
    def start(self) -> None:
        self._collector.install()  # before the engine threads exist
        engine = self._engine_factory(self.config)
        self.engine = engine
        self._log_dir = self.config.log_path  # the logs stay there until the next start
        self.bridge = EngineBridge(engine, self)
        self.web.start(engine, self.config)
        self.tray = TrayIcon(
            self.bridge.refresh,
            self._autostart_state,
            lambda: self.web.available,
            self,
            startup_grace_s=lambda: self.config.startup_grace,
        )
        self.notifier = Notifier(self.tray.icon, self)
        self.policy = NotificationPolicy(self.config)
        self.client = BackendStatusClient(backend_base_url(self.config), self)
        self.status_window = StatusWindow(self.client, self.web.available, self._files_config)
        service = self._backups_of() if self._backups_of is not None else None
        self.backups = TrayBackups(service, self.status_window, self)
        self._connect()
        self._tick.start(POLICY_TICK_MS)
        self.bridge.start()
        self.backups.start()
        self.tray.show()

    def _connect(self) -> None:
        bridge, tray, window = self.bridge, self.tray, self.status_window
        bridge.snapshot_changed.connect(tray.show_snapshot)
        bridge.snapshot_changed.connect(window.show_snapshot)
        bridge.engine_event.connect(self._on_event)
        bridge.engine_finished.connect(self._on_engine_finished)
        tray.status_requested.connect(self.show_status)
        tray.logs_requested.connect(self.show_logs)
        tray.web_requested.connect(self.open_web)
        tray.restart_requested.connect(bridge.restart_backend)
        tray.start_requested.connect(bridge.start_backend)
        tray.stop_requested.connect(bridge.stop_backend)
        tray.pause_requested.connect(bridge.pause)
        tray.resume_requested.connect(bridge.resume)
        tray.settings_requested.connect(self.show_settings)
        tray.doctor_requested.connect(self.show_doctor)
        tray.backups_requested.connect(self.backups.show_window)
        tray.logs_folder_requested.connect(self.open_logs_folder)
        tray.autostart_toggled.connect(self.set_autostart)
        tray.about_requested.connect(self.show_about)
        tray.quit_requested.connect(self.quit)
        tray.stop_port_holder_requested.connect(self.stop_port_holder)
        tray.other_port_requested.connect(self.use_other_port)
        window.restart_requested.connect(bridge.restart_backend)
        window.web_requested.connect(self.open_web)
        window.stop_port_holder_requested.connect(self.stop_port_holder)
        window.other_port_requested.connect(self.use_other_port)
        guidance = window.guidance_panel
        guidance.open_log_requested.connect(self.show_logs)
        guidance.try_again_requested.connect(bridge.start_backend)
        guidance.check_and_fix_requested.connect(self.show_doctor)
        guidance.restore_backup_requested.connect(self.backups.show_window)
        if self.instance is not None:
            self.instance.show_requested.connect(self.show_status)

    def _files_config(self) -> GuardianConfig:
        """The settings, with the log folder the running logs and incident reports are in."""
        return self.config.model_copy(update={"log_dir": str(self._log_dir)})

    def _autostart_state(self) -> bool | None:
        if not self.autostart.available:
            return None
        return self.autostart.is_enabled()

    # ----------------------------------------------------------------- events
    @Slot(object)
    def _on_event(self, event: Event) -> None:
        for notification in self.policy.on_event(event, self.bridge.snapshot):
            self.notifier.notify(notification)
        self.status_window.add_event(event)

    @Slot()
    def _policy_tick(self) -> None:
        for notification in self.policy.on_tick():
            self.notifier.notify(notification)

    @Slot(str)
    def _on_engine_finished(self, error: str) -> None:
        if error and not self._down:
            self.questions.show_message(
                self.tr("ERP Guardian stopped guarding"),
                self.tr("The watchdog stopped because of an error: {error}").format(error=error),
            )

    # ----------------------------------------------------------------- actions
    @Slot()
    def show_status(self) -> None:
        self.status_window.set_history(self.bridge.recent_events(200))
        self.status_window.show_snapshot(self.bridge.refresh())
        self.status_window.present()

    @Slot()
    def show_logs(self) -> None:
        if self.log_viewer is None:
            self.log_viewer = LogViewer(self.config.log_path)
        self.log_viewer.present()

    @Slot()
    def open_web(self) -> None:
        if self.web.url is not None:
            QDesktopServices.openUrl(QUrl(self.web.url))

    @Slot()
    def open_logs_folder(self) -> None:
        folder = self.config.log_path
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    @Slot(bool)
    def set_autostart(self, enabled: bool) -> None:
        try:
            self.autostart.set_enabled(enabled)
        except AutostartError as error:
            self.questions.show_message(self.tr("Start at login"), str(error))

    @Slot()
    def show_about(self) -> None:
        self._about = dialogs.about_box()

    @Slot()
    def show_settings(self) -> None:
        if self.settings_dialog is None:
            self.settings_dialog = SettingsDialog(self.config, self.config_file)
            self.settings_dialog.saved.connect(self.apply_config)
            self.settings_dialog.finished.connect(self._settings_closed)
        dialogs.present(self.settings_dialog)

    @Slot()
    def show_doctor(self) -> None:
        """The same checks as `erp-guardian doctor`, with a Fix button; one window at a time."""
        if self.doctor_dialog is None:
            self.doctor_dialog = DoctorDialog(lambda: self.config)
        dialogs.present(self.doctor_dialog)

    @Slot()
    def _settings_closed(self) -> None:
        if self.settings_dialog is not None:
            self.settings_dialog.deleteLater()
            self.settings_dialog = None

    @Slot(object)
    def apply_config(self, config: GuardianConfig) -> None:
        """New settings, already saved: apply them without restarting the app."""
        old, self.config = self.config, config
        self.bridge.reconfigure(config)
        self.policy.reconfigure(config)
        self.client.base_url = backend_base_url(config)
        if self.log_viewer is not None and config.log_path != old.log_path:
            self.log_viewer.log_dir = config.log_path
            self.log_viewer.refresh_files()
        # The page server holds who may connect from other computers: renew it with them too.
        if self.web.reconfigure(self.engine, old, config):
            self.status_window.set_web_available(self.web.available)

    @Slot()
    def stop_port_holder(self) -> None:
        holder = port_actions.holder_to_stop(self.bridge.refresh(), self.questions, self.tr)
        if holder is not None:
            self.bridge.stop_port_holder()

    @Slot()
    def use_other_port(self) -> None:
        config = port_actions.choose_other_port(
            self.config, self.config_file, self.questions, self.tr
        )
        if config is not None:
            self.apply_config(config)
            self.bridge.restart_backend()  # a blocked backend waits for its retry otherwise

    # ----------------------------------------------------------------- quit
    @Slot()
    def quit(self) -> None:
        self.shutdown()
        QApplication.quit()

    def shutdown(self) -> bool:
        """Stop the backend and every thread, bounded in time; safe to call twice."""
        if self._down:
            return True
        self._down = True
        if not hasattr(self, "bridge"):  # start() never got as far as the engine
            self._collector.uninstall()
            return True
        self._tick.stop()
        tray: TrayIcon | None = getattr(self, "tray", None)
        if tray is not None:
            tray.hide()
        status_window: StatusWindow | None = getattr(self, "status_window", None)
        backups: TrayBackups | None = getattr(self, "backups", None)
        if backups is not None:
            backups.close()  # no daily backup or restore request while stopping
        for widget in (status_window, self.log_viewer, self.settings_dialog):
            if widget is not None:
                widget.close()
        if self.log_viewer is not None:
            self.log_viewer.shutdown()
        if status_window is not None and not status_window.shutdown(JOBS_WAIT_MS):
            log.warning("a support bundle or report read did not end within the bound")
        bound = self.config.stop_timeout + self.config.hung_stop_timeout + SHUTDOWN_MARGIN_S
        stopped = self.bridge.shutdown(bound)
        self.web.stop()
        if self.instance is not None:
            self.instance.close()
        if stopped:
            self._collector.uninstall()  # the engine thread is gone: collecting is safe again
        return stopped

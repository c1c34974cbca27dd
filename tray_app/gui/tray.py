"""The tray icon and its menu. It holds no state: the menu is rebuilt from a fresh snapshot
each time it opens, and every action is a signal the app connects to the engine or a window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, SignalInstance, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from tray_app.config import GuardianConfig
from tray_app.gui import theme
from tray_app.gui.formats import number_text
from tray_app.gui.port_panel import holder_text
from tray_app.gui.standby_words import promotions_line, standby_line
from tray_app.gui.wording import duration_text, engine_text, starting_text, state_label
from tray_app.watchdog.model import State, UserCommand
from tray_app.watchdog.snapshot import Snapshot

DEFAULT_STARTUP_GRACE_S = float(GuardianConfig.model_fields["startup_grace"].default)


def state_text(snapshot: Snapshot | None, startup_grace_s: float) -> str:
    """The state in words; while starting, how long it has been of the time allowed."""
    if snapshot is None:
        return state_label(State.STOPPED)
    if snapshot.state is State.STARTING:
        return starting_text(snapshot.uptime_s, startup_grace_s)
    return state_label(snapshot.state)


def tooltip_text(
    snapshot: Snapshot | None,
    tr: Callable[[str], str],
    startup_grace_s: float = DEFAULT_STARTUP_GRACE_S,
) -> str:
    """State, uptime, restarts and the last check's latency, in a few short lines."""
    if snapshot is None:
        return tr("ERP Guardian")
    lines = [tr("ERP system: {state}").format(state=state_text(snapshot, startup_grace_s))]
    if snapshot.uptime_s is not None:
        lines.append(tr("Up for {uptime}").format(uptime=duration_text(snapshot.uptime_s)))
    lines.append(tr("Restarts: {count}").format(count=snapshot.restart_count))
    lines += filter(None, (standby_line(snapshot), promotions_line(snapshot)))
    if snapshot.warnings:
        lines.append(tr("Warnings: {count}").format(count=len(snapshot.warnings)))
    if snapshot.last_check_latency_ms is not None:
        lines.append(
            tr("Last check: {ms} ms").format(ms=number_text(snapshot.last_check_latency_ms))
        )
    return "\n".join(lines)


class TrayIcon(QObject):
    """QSystemTrayIcon plus a menu of actions, each reported as a signal."""

    status_requested = Signal()
    logs_requested = Signal()
    web_requested = Signal()
    restart_requested = Signal()
    start_requested = Signal()
    stop_requested = Signal()
    pause_requested = Signal()
    resume_requested = Signal()
    settings_requested = Signal()
    doctor_requested = Signal()
    backups_requested = Signal()
    logs_folder_requested = Signal()
    autostart_toggled = Signal(bool)
    about_requested = Signal()
    quit_requested = Signal()
    stop_port_holder_requested = Signal()
    other_port_requested = Signal()

    def __init__(
        self,
        current_snapshot: Callable[[], Snapshot | None],
        autostart_state: Callable[[], bool | None],
        web_available: Callable[[], bool],
        parent: QObject | None = None,
        startup_grace_s: Callable[[], float] = lambda: DEFAULT_STARTUP_GRACE_S,
    ) -> None:
        """autostart_state() gives None where start at login is not supported;
        startup_grace_s() the time a start may take now (the setting)."""
        super().__init__(parent)
        self._current_snapshot = current_snapshot
        self._startup_grace_s = startup_grace_s
        self._autostart_state = autostart_state
        self._web_available = web_available
        self.icon = QSystemTrayIcon(theme.state_icon(State.STOPPED), self)
        self.shown_state = State.STOPPED
        self.shows_warning_badge = False
        self.menu = QMenu()
        self.menu.aboutToShow.connect(self.rebuild_menu)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._on_activated)
        self.icon.setToolTip(tooltip_text(None, self.tr))
        self.rebuild_menu()

    def show(self) -> None:
        self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    @Slot(object)
    def show_snapshot(self, snapshot: Snapshot) -> None:
        badge = bool(snapshot.warnings)
        if self.shown_state is not snapshot.state or self.shows_warning_badge != badge:
            self.icon.setIcon(theme.state_icon(snapshot.state, warning=badge))
            self.shown_state = snapshot.state
            self.shows_warning_badge = badge
        self.icon.setToolTip(tooltip_text(snapshot, self.tr, self._startup_grace_s()))

    @Slot(QSystemTrayIcon.ActivationReason)
    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.status_requested.emit()

    def action(self, name: str) -> QAction:
        """The menu action with this objectName (tests and the screenshot use it)."""
        for action in self.menu.actions():
            if action.objectName() == name:
                return action
        raise KeyError(name)

    @Slot()
    def rebuild_menu(self) -> None:
        snapshot = self._current_snapshot()
        menu = self.menu
        menu.clear()
        state = snapshot.state if snapshot else State.STOPPED
        words = state_text(snapshot, self._startup_grace_s())
        header = self._add("state", self.tr("ERP system: {state}").format(state=words))
        header.setIcon(theme.state_icon(state))
        header.setEnabled(False)
        font = header.font()
        font.setBold(True)
        header.setFont(font)
        standby = standby_line(snapshot) if snapshot else None
        if standby is not None:
            self._add("standby", standby).setEnabled(False)
        for number, warning in enumerate(snapshot.warnings if snapshot else ()):
            line = self._add(
                f"warning_{number}",
                self.tr("Warning: {title}").format(
                    title=engine_text(warning.title_message, warning.title)
                ),
            )
            line.setToolTip(engine_text(warning.hint_message, warning.hint))
            line.setEnabled(False)
        if snapshot and snapshot.port_holder is not None:
            self._add_port_holder_items(snapshot)
        menu.addSeparator()
        self._add("status", self.tr("&Status window"), self.status_requested)
        self._add("logs", self.tr("&Log viewer"), self.logs_requested)
        web = self._add("web", self.tr("Open &web dashboard"), self.web_requested)
        web.setEnabled(self._web_available())
        menu.addSeparator()
        self._add_commands(snapshot.allowed_commands if snapshot else ())
        menu.addSeparator()
        self._add("settings", self.tr("Setti&ngs…"), self.settings_requested)
        self._add("doctor", self.tr("&Check and fix…"), self.doctor_requested)
        self._add("backups", self.tr("&Backups…"), self.backups_requested)
        self._add("logs_folder", self.tr("Open logs f&older"), self.logs_folder_requested)
        self._add_autostart_item()
        self._add("about", self.tr("&About ERP Guardian"), self.about_requested)
        menu.addSeparator()
        self._add("quit", self.tr("&Quit"), self.quit_requested)

    def _add(self, name: str, text: str, signal: SignalInstance | None = None) -> QAction:
        action = self.menu.addAction(text)
        action.setObjectName(f"action_{name}")
        if signal is not None:
            action.triggered.connect(signal)
        return action

    def _add_commands(self, allowed: tuple[UserCommand, ...]) -> None:
        """Exactly the commands the engine offers now, always in this order."""
        items = {
            UserCommand.RESTART: (self.tr("&Restart backend"), self.restart_requested),
            UserCommand.START: (self.tr("S&tart backend"), self.start_requested),
            UserCommand.STOP: (self.tr("Sto&p backend"), self.stop_requested),
            UserCommand.PAUSE: (self.tr("Pa&use watchdog"), self.pause_requested),
            UserCommand.RESUME: (self.tr("Resu&me watchdog"), self.resume_requested),
        }
        for command, (text, signal) in items.items():
            if command in allowed:
                self._add(command.value, text, signal)

    def _add_port_holder_items(self, snapshot: Snapshot) -> None:
        holder = snapshot.port_holder
        assert holder is not None
        who = holder_text(holder, self.tr("another program"))
        info = self._add(
            "port_info", self.tr("Port {port} is used by {who}").format(port=holder.port, who=who)
        )
        info.setEnabled(False)
        stop = self._add(
            "stop_port_holder", self.tr("Stop t&hat program…"), self.stop_port_holder_requested
        )
        stop.setEnabled(holder.pid is not None)
        self._add("other_port", self.tr("Use anoth&er port…"), self.other_port_requested)

    def _add_autostart_item(self) -> None:
        enabled = self._autostart_state()
        action = self._add("autostart", self.tr("Start at lo&gin"))
        action.setCheckable(True)
        action.setChecked(bool(enabled))
        action.setEnabled(enabled is not None)
        action.toggled.connect(self.autostart_toggled)

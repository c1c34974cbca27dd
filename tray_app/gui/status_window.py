"""The native status window: watchdog state, the backend's figures, restart history, incident
reports, actions.

It renders what it is given (snapshots and events from the bridge, JSON from the status
client) and owns one timer that asks the client for fresh figures. Nothing here waits on I/O:
incident reports and the support bundle are read and written on background jobs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tray_app.config import GuardianConfig
from tray_app.gui import theme
from tray_app.gui.backend_client import BackendStatusClient
from tray_app.gui.background import BackgroundJobs
from tray_app.gui.guidance_panel import GuidancePanel
from tray_app.gui.history_group import history_group
from tray_app.gui.history_model import RestartHistoryModel
from tray_app.gui.incidents_panel import IncidentsPanel
from tray_app.gui.port_panel import PortHolderPanel
from tray_app.gui.status_figures import BackendFigures
from tray_app.gui.support_bundle import SupportBundleBar
from tray_app.gui.tray import state_text
from tray_app.gui.warnings_panel import WarningsPanel
from tray_app.gui.watchdog_figures import WatchdogFigures
from tray_app.gui.window_keys import add_window_keys
from tray_app.gui.wording import duration_text, engine_text
from tray_app.watchdog.model import Event, EventName
from tray_app.watchdog.snapshot import Snapshot

VISIBLE_REFRESH_MS = 2000
HIDDEN_REFRESH_MS = 15000  # keeps a few minutes of chart history for when the window opens
TWO_COLUMNS_FROM_PX = 860


class StatusWindow(QWidget):
    restart_requested = Signal()
    web_requested = Signal()
    stop_port_holder_requested = Signal()
    other_port_requested = Signal()

    def __init__(
        self,
        client: BackendStatusClient,
        web_available: bool,
        config: Callable[[], GuardianConfig],
        parent: QWidget | None = None,
    ) -> None:
        """config() gives the current settings, with the log folder the logs go to now."""
        super().__init__(parent)
        self.setObjectName("status_window")
        self.setWindowTitle(self.tr("ERP Guardian: status"))
        self.setWindowIcon(theme.app_icon())
        self.client = client
        self._config = config
        self.watchdog = WatchdogFigures()
        self.figures = BackendFigures()
        self.history = RestartHistoryModel(self)
        self.port_panel = PortHolderPanel()
        self.port_panel.stop_holder_requested.connect(self.stop_port_holder_requested)
        self.port_panel.other_port_requested.connect(self.other_port_requested)
        self.warnings_panel = WarningsPanel()
        self.guidance_panel = GuidancePanel()  # its other buttons are wired by the controller
        self.guidance_panel.stop_port_holder_requested.connect(self.stop_port_holder_requested)
        self.jobs = BackgroundJobs(self)
        self.incidents = IncidentsPanel(self.jobs, lambda: config().log_path)
        self.bundle_bar = SupportBundleBar(self.jobs, config)
        self.backup_age = QLabel()
        self.backup_age.setObjectName("backup_age")
        self.fetch_note = QLabel()
        self.fetch_note.setObjectName("fetch_note")
        self.fetch_note.setWordWrap(True)
        self._build(web_available)
        client.status_received.connect(self.show_backend_status)
        client.status_failed.connect(self.show_backend_failure)
        client.cache_reset.connect(self._on_cache_reset)
        self._timer = QTimer(self)
        self._timer.timeout.connect(client.fetch)
        self._timer.start(HIDDEN_REFRESH_MS)
        add_window_keys(self, refresh=self.refresh)  # F5 refreshes, Esc closes
        self.resize(960, 760)

    # ----------------------------------------------------------------- layout
    def _build(self, web_available: bool) -> None:
        self.header_icon = QLabel()
        self.header_icon.setObjectName("status_header_icon")
        self.header = QLabel()
        self.header.setObjectName("status_header")
        self.header.setWordWrap(True)
        font = self.header.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.header.setFont(font)
        top = QHBoxLayout()
        top.addWidget(self.header_icon)
        top.addWidget(self.header, 1)

        left = QVBoxLayout()
        left.addWidget(self.watchdog)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.figures)
        right.addStretch(1)
        self._columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._columns.addLayout(left, 1)
        self._columns.addLayout(right, 1)
        body = QWidget()
        rows = QVBoxLayout(body)
        rows.addLayout(self._columns)
        rows.addWidget(self._readable_history(), 1)  # the full width: its details need it
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)  # small windows scroll instead of squashing the figures
        self.tabs = QTabWidget()
        self.tabs.addTab(scroll, self.tr("Overview"))
        self.tabs.addTab(self.incidents, self.tr("Incidents"))

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.guidance_panel)
        layout.addWidget(self.port_panel)
        layout.addWidget(self.warnings_panel)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.backup_age)
        layout.addWidget(self.fetch_note)
        layout.addLayout(self._buttons(web_available))
        layout.addWidget(self.bundle_bar)

    def _readable_history(self) -> QGroupBox:
        """The restart history with its long columns wrapped, so that nothing reads "it …"."""
        group = history_group(self.history)
        view = group.findChild(QTableView, "history_view")
        assert view is not None
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The details take the rest of the width and wrap; the other columns fit their words.
        detail = self.history.COLUMNS.index("detail")
        header.setSectionResizeMode(detail, QHeaderView.ResizeMode.Stretch)
        view.setWordWrap(True)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setMinimumHeight(200)
        self.history_view = view
        return group

    def _buttons(self, web_available: bool) -> QHBoxLayout:
        row = QHBoxLayout()
        specs: list[tuple[str, str, Any]] = [
            ("restart", self.tr("&Restart backend"), self.restart_requested.emit),
            ("refresh", self.tr("Re&fresh"), self.refresh),
            ("reset_cache", self.tr("Reset &cache"), self.client.reset_cache),
            ("web", self.tr("Open &web dashboard"), self.web_requested.emit),
        ]
        for name, text, slot in specs:
            button = QPushButton(text)
            button.setObjectName(f"button_{name}")
            button.clicked.connect(slot)
            row.addWidget(button)
            if name == "web":
                self.web_button = button
                button.setEnabled(web_available)
        row.addStretch(1)
        return row

    def resizeEvent(self, event: QResizeEvent) -> None:
        wide = event.size().width() >= TWO_COLUMNS_FROM_PX
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self._columns.direction() != direction:
            self._columns.setDirection(direction)
        super().resizeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        self._timer.setInterval(VISIBLE_REFRESH_MS)
        self.client.fetch()
        super().showEvent(event)

    def hideEvent(self, event: Any) -> None:
        self._timer.setInterval(HIDDEN_REFRESH_MS)
        super().hideEvent(event)

    def set_web_available(self, available: bool) -> None:
        self.web_button.setEnabled(available)

    def present(self) -> None:
        """Show, un-minimise and raise the window (also when a second launch asks for it)."""
        self.show()
        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.raise_()
        self.activateWindow()

    # ----------------------------------------------------------------- content
    @Slot()
    def refresh(self) -> None:
        self.client.fetch()

    @Slot(object)
    def show_snapshot(self, snapshot: Snapshot) -> None:
        label = state_text(snapshot, self._config().startup_grace)
        self.header.setText(self.tr("ERP system: {state}").format(state=label))
        detail = engine_text(snapshot.message, snapshot.detail)
        self.header.setToolTip(detail)
        icon = theme.state_icon(snapshot.state, warning=bool(snapshot.warnings))
        self.header_icon.setPixmap(icon.pixmap(32, 32))
        self.header_icon.setAccessibleName(self.header.text())  # an icon alone says nothing
        self.setWindowIcon(icon)
        self.watchdog.show_snapshot(snapshot, label)
        self.guidance_panel.show_guidance(snapshot.guidance)
        self.port_panel.show_holder(snapshot.port_holder)
        self.warnings_panel.show_warnings(snapshot.warnings)

    def set_history(self, events: list[Event]) -> None:
        self.history.set_events(events)

    @Slot(object)
    def add_event(self, event: Event) -> None:
        self.history.add_event(event)
        if event.name is EventName.INCIDENT:
            self.incidents.add_report(event.data)

    def show_backup_age(self, age_s: float | None) -> None:
        """The age of the newest verified backup of the database; None: there is none."""
        if age_s is None:
            self.backup_age.setText(self.tr("Last good backup: none yet"))
        else:
            text = self.tr("Last good backup: {age} ago")
            self.backup_age.setText(text.format(age=duration_text(age_s)))

    def shutdown(self, timeout_ms: int) -> bool:
        """Wait for a report read or a bundle being written; False if time ran out."""
        return self.jobs.wait(timeout_ms)

    @Slot(dict)
    def show_backend_status(self, data: dict[str, Any]) -> None:
        self.figures.show_status(data)
        cache = data.get("cache") if isinstance(data.get("cache"), dict) else {}
        age = cache.get("age_s") if cache else None
        self.fetch_note.setText(
            self.tr("Figures from the backend, {age} old.").format(age=duration_text(age))
        )

    @Slot(str)
    def show_backend_failure(self, error: str) -> None:
        self.fetch_note.setText(
            self.tr(
                "The backend does not answer ({error}); showing the last known figures."
            ).format(error=error)
        )

    @Slot(bool, str)
    def _on_cache_reset(self, ok: bool, message: str) -> None:
        if ok:
            self.fetch_note.setText(self.tr("Cache cleared; fetching fresh figures."))
            self.client.fetch()
        else:
            self.fetch_note.setText(
                self.tr("Could not clear the cache: {error}").format(error=message)
            )

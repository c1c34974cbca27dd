""" "Backups…": the backups of the ERP's database in a table, with create, verify and restore.

Every action is a `BackupService` call run off the GUI thread (`BackgroundJobs`); a restore is
asked about first, because it replaces the database (the replaced file is kept as a copy).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tray_app.backup.model import BackupInfo, BackupKind, BackupResult, RestoreResult
from tray_app.backup.warning_inputs import last_good_age_s
from tray_app.gui.background import BackgroundJobs

Ask = Callable[[str, str], bool]  # (title, question) -> yes?
W = TypeVar("W", bound=QWidget)


class BackupActions(Protocol):
    """What the window needs of `tray_app.backup.service.BackupService`."""

    def list(self) -> list[BackupInfo]: ...
    def create(self, kind: BackupKind = ...) -> BackupResult: ...
    def verify(self, backup_id: str) -> BackupInfo: ...
    def restore(self, backup_id: str) -> RestoreResult: ...


class BackupsWindow(QDialog):
    COLUMNS = 4  # time, kind, size, checked

    def __init__(
        self, service: BackupActions, ask: Ask | None = None, parent: QWidget | None = None
    ) -> None:
        """ask(title, question) confirms a restore; the default asks with a message box."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Backups"))
        self.resize(640, 360)
        self._service = service
        self._ask = ask or self._ask_box
        self._jobs = BackgroundJobs(self)
        self.backups: list[BackupInfo] = []
        self._busy = False
        self.summary = _named(QLabel(), "backups_summary")
        self.message = _named(QLabel(), "backups_message")
        self.message.setWordWrap(True)
        self.table = _named(QTableWidget(0, self.COLUMNS), "backups_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Taken"), self.tr("Kind"), self.tr("Size"), self.tr("Check")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.create_button = _named(QPushButton(self.tr("&Back up now")), "backup_create")
        self.verify_button = _named(QPushButton(self.tr("&Check")), "backup_verify")
        self.restore_button = _named(QPushButton(self.tr("&Restore…")), "backup_restore")
        self.create_button.clicked.connect(self.create_backup)
        self.verify_button.clicked.connect(self.verify_selected)
        self.restore_button.clicked.connect(self.restore_selected)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        buttons = QHBoxLayout()
        for button in (self.create_button, self.verify_button, self.restore_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        for widget in (self.summary, self.table, self.message):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        self._update_buttons()

    # ------------------------------------------------------------------ actions
    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        self._run(self._service.list, self._show_list)

    @Slot()
    def create_backup(self) -> None:
        self.message.setText(self.tr("Backing up the database…"))
        self._run(lambda: self._service.create(BackupKind.MANUAL), self._created)

    @Slot()
    def verify_selected(self) -> None:
        info = self.selected()
        if info is not None:
            self.message.setText(self.tr("Checking the backup…"))
            self._run(lambda: self._service.verify(info.id), self._verified)

    @Slot()
    def restore_selected(self) -> None:
        info = self.selected()
        if info is None:
            return
        question = self.tr(
            "Replace the database with the backup of {time}? Everything entered since then "
            "is lost. The ERP is stopped for this and started again; the current file is "
            "kept as a copy."
        ).format(time=_local(info.time))
        if not self._ask(self.tr("Restore backup"), question):
            return
        self.message.setText(self.tr("Restoring the backup…"))
        self._run(lambda: self._service.restore(info.id), self._restored)

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def wait_for_jobs(self, timeout_ms: int) -> bool:
        return self._jobs.wait(timeout_ms)

    # ------------------------------------------------------------------ results
    def _run(self, job: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self._set_busy(True)

        def finished(result: Any, error: str) -> None:
            self._set_busy(False)
            if error:
                self.message.setText(self.tr("That did not work: {error}").format(error=error))
            else:
                done(result)

        self._jobs.submit(job, finished)

    def _show_list(self, infos: list[BackupInfo]) -> None:
        self.backups = list(reversed(infos))  # newest first
        self.table.setRowCount(len(self.backups))
        for row, info in enumerate(self.backups):
            checked = self.tr("OK") if info.verified else self.tr("Damaged")
            cells = (_local(info.time), self._kind(info.kind), _size(info.size_bytes), checked)
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        age = last_good_age_s(infos, datetime.now(UTC))
        self.summary.setText(self.age_text(age))
        self._update_buttons()

    def age_text(self, age_s: float | None) -> str:
        if age_s is None:
            return self.tr("No good backup yet.")
        hours = int(age_s // 3600)
        if hours < 1:
            return self.tr("Last good backup: less than an hour ago.")
        if hours < 48:
            return self.tr("Last good backup: %n hour(s) ago.", "", hours)
        return self.tr("Last good backup: %n day(s) ago.", "", hours // 24)

    def _created(self, result: BackupResult) -> None:
        if result.ok:
            self.message.setText(self.tr("Backup taken and checked."))
        else:
            self.message.setText(
                self.tr("The backup failed: {detail}").format(detail=result.detail)
            )
        self.refresh()

    def _verified(self, info: BackupInfo) -> None:
        if info.verified:
            self.message.setText(self.tr("The backup is intact."))
        else:
            self.message.setText(
                self.tr("The backup is damaged: {problem}").format(problem=info.problem)
            )
        self.refresh()

    def _restored(self, result: RestoreResult) -> None:
        kept = result.kept_copy.name if result.kept_copy else "-"
        self.message.setText(
            self.tr("The backup was restored. The replaced file is kept as {kept}.").format(
                kept=kept
            )
        )
        self.refresh()

    def _kind(self, kind: BackupKind) -> str:
        names = {
            BackupKind.DAILY: self.tr("daily"),
            BackupKind.PRE_RESTART: self.tr("before a restart"),
            BackupKind.MANUAL: self.tr("by hand"),
        }
        return names[kind]

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_buttons()

    def _update_buttons(self) -> None:
        busy = self._busy
        chosen = self.table.selectionModel().hasSelection()
        self.create_button.setEnabled(not busy)
        self.verify_button.setEnabled(not busy and chosen)
        self.restore_button.setEnabled(not busy and chosen)

    def _ask_box(self, title: str, question: str) -> bool:
        answer = QMessageBox.question(
            self, title, question, defaultButton=QMessageBox.StandardButton.No
        )
        return answer == QMessageBox.StandardButton.Yes


def _named(widget: W, name: str) -> W:
    widget.setObjectName(name)
    return widget


def _local(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _size(size_bytes: int) -> str:
    return f"{size_bytes / 1e6:.1f} MB"

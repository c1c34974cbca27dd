"""The database backups as the tray app reaches them: the Backups window, one at a time, and
the age of the last good backup in the status window, once a minute.

The service itself (the daily backup, copies, checks, restore) is tray_app/backup/, made with
the engine; this only starts and closes it and shows what it says.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Slot

from tray_app.gui import dialogs
from tray_app.gui.status_window import StatusWindow

if TYPE_CHECKING:
    from tray_app.backup.service import BackupService
    from tray_app.gui.backups_window import BackupsWindow

AGE_EVERY_MS = 60_000  # reading the age reads the backup folder's manifests


class TrayBackups(QObject):
    """service None: no backups (the tray's "Backups…" then does nothing)."""

    def __init__(
        self,
        service: BackupService | None,
        status_window: StatusWindow,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.window: BackupsWindow | None = None
        self._status_window = status_window
        self._age_timer = QTimer(self)
        self._age_timer.setInterval(AGE_EVERY_MS)
        self._age_timer.timeout.connect(self.show_age)

    def start(self) -> None:
        if self.service is None:
            return
        self.service.start()  # the daily backup and `erp-guardian backup`'s channel
        self.show_age()
        self._age_timer.start()

    @Slot()
    def show_window(self) -> None:
        """The Backups window (list, back up now, check, restore)."""
        if self.service is None:
            return
        if self.window is None:
            from tray_app.gui.backups_window import BackupsWindow

            self.window = BackupsWindow(self.service)
        dialogs.present(self.window)

    @Slot()
    def show_age(self) -> None:
        """Off the GUI thread: it reads the backup folder's manifests."""
        if self.service is None:
            return
        window = self._status_window
        window.jobs.submit(
            self.service.last_good_age_s,
            lambda age, error: None if error else window.show_backup_age(age),
        )

    def close(self) -> None:
        """No daily backup or restore request from here on."""
        self._age_timer.stop()
        if self.service is not None:
            self.service.close()
        if self.window is not None:
            self.window.close()

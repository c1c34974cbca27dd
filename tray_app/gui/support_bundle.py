"""The status window's "Create support bundle" row: writes the zip off the GUI thread, then says
where it is and offers to open its folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from tray_app.config import GuardianConfig
from tray_app.gui.background import BackgroundJobs
from tray_app.logs.bundle import default_bundle_path, write_bundle


class SupportBundleBar(QWidget):
    def __init__(
        self,
        jobs: BackgroundJobs,
        config: Callable[[], GuardianConfig],
        parent: QWidget | None = None,
    ) -> None:
        """config() gives the settings to bundle, with the log folder the logs go to now."""
        super().__init__(parent)
        self.setObjectName("support_bundle")
        self._jobs = jobs
        self._config = config
        self.written: Path | None = None
        self.create_button = QPushButton(self.tr("Create support bundle"))
        self.create_button.setObjectName("button_support_bundle")
        self.create_button.setToolTip(
            self.tr(
                "One zip file with the logs, incident reports, settings (without passwords) "
                "and facts about this computer, to send with a support request."
            )
        )
        self.create_button.clicked.connect(self.create_bundle)
        self.note = QLabel()
        self.note.setObjectName("support_bundle_note")
        self.note.setWordWrap(True)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(self.tr("Open folder"))
        self.open_button.setObjectName("button_open_bundle_folder")
        self.open_button.clicked.connect(self.open_folder)
        self.open_button.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.create_button)
        layout.addWidget(self.note, 1)
        layout.addWidget(self.open_button)

    @Slot()
    def create_bundle(self) -> None:
        config = self._config()
        target = default_bundle_path(config)
        self.create_button.setEnabled(False)
        self.open_button.hide()
        self.note.setText(self.tr("Writing the support bundle…"))
        self._jobs.submit(lambda: write_bundle(config, target), self._on_written)

    def _on_written(self, result: Any, error: str) -> None:
        self.create_button.setEnabled(True)
        if error:
            self.note.setText(
                self.tr("The support bundle could not be written: {error}").format(error=error)
            )
            return
        self.written = Path(result)
        self.note.setText(
            self.tr("Support bundle written to {path}").format(path=str(self.written))
        )
        self.open_button.show()

    @Slot()
    def open_folder(self) -> None:
        if self.written is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written.parent)))

"""The status window's "Create support bundle": writes the zip off the GUI thread, says where,
and opens its folder on request; a folder that cannot be written is reported, not raised."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QPushButton

from tests.gui.conftest import StartTray, wait_state
from tests.waiting import free_port
from tray_app.config import GuardianConfig
from tray_app.gui.backend_client import BackendStatusClient
from tray_app.gui.status_window import StatusWindow
from tray_app.watchdog.model import State


class FolderCatcher(QObject):
    """Stands in for the file manager: QDesktopServices hands file URLs to it."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toLocalFile())


def test_bundle_button_writes_a_zip_with_the_event_log_and_opens_its_folder(
    qtbot: Any, start_tray: StartTray
) -> None:
    running = start_tray()
    wait_state(qtbot, running, State.HEALTHY)
    controller = running.controller
    controller.show_status()
    bar = controller.status_window.bundle_bar
    button = controller.status_window.findChild(QPushButton, "button_support_bundle")
    assert button is bar.create_button and button.isVisible()
    button.click()
    assert not button.isEnabled()  # returns at once; the zip is written on a pool thread
    qtbot.waitUntil(lambda: bar.written is not None, timeout=30000)
    assert button.isEnabled()
    written = bar.written
    assert written is not None and written.parent == running.config.log_path.parent
    assert str(written) in bar.note.text()
    with zipfile.ZipFile(written) as archive:
        names = archive.namelist()
        events = archive.read("logs/events.jsonl").decode()
    assert "logs/backend.log" in names and "config.json" in names
    assert '"event": "healthy"' in events

    catcher = FolderCatcher()
    # The PySide6 stubs want the method name as bytes; at run time only str is accepted.
    QDesktopServices.setUrlHandler("file", catcher, "open")  # type: ignore[arg-type]
    try:
        assert bar.open_button.isVisible()
        bar.open_button.click()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert catcher.opened == [str(written.parent)]


def test_a_bundle_that_cannot_be_written_is_reported(qtbot: Any, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    config = GuardianConfig(log_dir=str(blocker / "log"), data_dir=str(tmp_path / "data"))
    client = BackendStatusClient(f"http://127.0.0.1:{free_port()}")
    window = StatusWindow(client, False, lambda: config)
    client.setParent(window)
    qtbot.addWidget(window)
    window.show()
    bar = window.bundle_bar
    bar.create_button.click()
    qtbot.waitUntil(lambda: "could not be written" in bar.note.text(), timeout=30000)
    assert bar.create_button.isEnabled()
    assert not bar.open_button.isVisible()
    assert bar.written is None

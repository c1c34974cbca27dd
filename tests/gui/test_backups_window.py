""" "Backups…": create, check and restore from the window, on a real database file, with a
real BackupService and a real (not running, so stopped) Supervisor."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from backend.app.services.database import Database
from tests.waiting import free_port
from tray_app.backup.service import BackupService
from tray_app.config import GuardianConfig
from tray_app.gui.backups_window import BackupsWindow
from tray_app.watchdog import Supervisor


def _customers(db: Path) -> int:
    connection = sqlite3.connect(db)
    try:
        return int(connection.execute("SELECT count(*) FROM customers").fetchone()[0])
    finally:
        connection.close()


def test_backups_window_creates_checks_and_restores(qtbot: Any, tmp_path: Path) -> None:
    config = GuardianConfig(
        port=free_port(), web_port=0, data_dir=str(tmp_path / "data"), log_dir=str(tmp_path / "log")
    )
    assert Database(config.database_file).initialize()
    seeded = _customers(config.database_file)
    asked: list[str] = []
    service = BackupService(config, Supervisor(config), report=lambda _result: None)

    def ask(_title: str, text: str) -> bool:
        asked.append(text)
        return True

    window = BackupsWindow(service, ask=ask)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.summary.text() == "No good backup yet.")
    assert not window.restore_button.isEnabled()

    qtbot.mouseClick(window.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.table.rowCount() == 1, timeout=30000)
    verified = window.table.item(0, 3)
    assert verified is not None and verified.text() == "OK"
    assert window.summary.text() == "Last good backup: less than an hour ago."

    window.table.selectRow(0)
    qtbot.mouseClick(window.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.message.text() == "The backup is intact.", timeout=30000)

    connection = sqlite3.connect(config.database_file)
    connection.execute("INSERT INTO customers (name) VALUES ('entered after the backup')")
    connection.commit()
    connection.close()
    window.table.selectRow(0)
    qtbot.mouseClick(window.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "was restored" in window.message.text(), timeout=30000)
    assert len(asked) == 1 and "Everything entered since then is lost" in asked[0]
    assert _customers(config.database_file) == seeded
    assert list(config.database_file.parent.glob("erp.sqlite3.before-restore-*"))
    assert window.wait_for_jobs(30000)


def test_a_restore_that_is_not_confirmed_changes_nothing(qtbot: Any, tmp_path: Path) -> None:
    config = GuardianConfig(port=free_port(), web_port=0, data_dir=str(tmp_path / "data"))
    assert Database(config.database_file).initialize()
    service = BackupService(config, Supervisor(config), report=lambda _result: None)
    assert service.create().ok
    window = BackupsWindow(service, ask=lambda _title, _text: False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.table.rowCount() == 1)
    before = config.database_file.read_bytes()
    window.table.selectRow(0)
    qtbot.mouseClick(window.restore_button, Qt.MouseButton.LeftButton)
    assert window.wait_for_jobs(30000)
    assert config.database_file.read_bytes() == before
    assert not list(config.database_file.parent.glob("*before-restore*"))

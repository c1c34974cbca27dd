"""The status window's Incidents tab: a real outage is listed as it ends and its report opens;
reports written earlier are read from the log folder off the GUI thread, bounded in size."""

from __future__ import annotations

import os
import signal
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtGui import QFontInfo

from tests.gui.conftest import StartTray, wait_state
from tests.waiting import free_port
from tests.watchdog.harness import service_cmd
from tray_app.config import GuardianConfig
from tray_app.gui.backend_client import BackendStatusClient
from tray_app.gui.incidents_panel import MAX_REPORT_BYTES, IncidentsPanel
from tray_app.gui.status_window import StatusWindow
from tray_app.logs.incidents import incidents_dir, write_report
from tray_app.watchdog.model import State


def cell(panel: IncidentsPanel, row: int, column: int) -> str:
    return str(panel.model.data(panel.model.index(row, column)))


def test_a_killed_backend_appears_as_an_incident_whose_report_shows_its_last_output(
    qtbot: Any, start_tray: StartTray
) -> None:
    running = start_tray(backend_cmd=service_cmd("--tick"))
    wait_state(qtbot, running, State.HEALTHY)
    backend_log = running.config.log_path / "backend.log"
    qtbot.waitUntil(lambda: "tick 3" in backend_log.read_text(), timeout=10000)
    controller = running.controller
    controller.show_status()
    window = controller.status_window
    panel = window.incidents
    window.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: "No incidents" in panel.note.text(), timeout=5000)
    pid = running.snapshot().pid
    assert pid is not None
    os.kill(pid, signal.SIGKILL)

    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=30000)
    assert cell(panel, 0, 1) == "it was ended by the system or another program"
    assert cell(panel, 0, 2).startswith("recovered in")
    assert "SIGKILL" in cell(panel, 0, 3)
    incident_id = panel.model.incident_at(0).id
    assert (incidents_dir(running.config.log_path) / f"{incident_id}.txt").exists()

    panel.table.setCurrentIndex(panel.model.index(0, 0))  # what a click on the row does
    view = panel.report_view
    qtbot.waitUntil(lambda: "| tick" in view.toPlainText(), timeout=5000)
    assert view.isReadOnly()
    assert QFontInfo(view.font()).fixedPitch()  # the font really drawn, not only asked for
    assert f"ERP Guardian incident {incident_id}" in view.toPlainText()
    assert "SIGKILL" in view.toPlainText()

    window.tabs.setCurrentIndex(0)
    window.tabs.setCurrentWidget(panel)  # shown again: the list is read from the folder
    qtbot.waitUntil(lambda: not panel._listing, timeout=5000)
    assert panel.model.ids() == [incident_id]  # the same incident, listed once
    assert panel.table.currentIndex().row() == 0  # and still the opened one


def report(number: int, recovered: bool, **extra: Any) -> dict[str, Any]:
    started = datetime(2026, 1, 5, 9, 0, tzinfo=UTC) + timedelta(hours=number)
    return {
        "id": started.strftime("%Y%m%d-%H%M%S-") + "exit_code",
        "reason": "exit_code",
        "detail": f"backend ended: exit code {number}",
        "started_at": started.isoformat(),
        "ended_at": (started + timedelta(seconds=3)).isoformat(),
        "recovered": recovered,
        "recovery_s": 2.5 if recovered else None,
        "timeline": [],
        "backend_output_tail": [f"last words {number}"],
        "figures_before": {},
        **extra,
    }


def make_window(qtbot: Any, log_dir: Path) -> StatusWindow:
    client = BackendStatusClient(f"http://127.0.0.1:{free_port()}")
    window = StatusWindow(client, False, lambda: GuardianConfig(log_dir=str(log_dir)))
    client.setParent(window)
    qtbot.addWidget(window)
    return window


def test_reports_in_the_log_folder_are_listed_newest_first_and_open(
    qtbot: Any, tmp_path: Path
) -> None:
    for number, recovered in ((1, True), (2, False)):
        write_report(tmp_path, report(number, recovered))
    window = make_window(qtbot, tmp_path)
    window.show()
    panel = window.incidents
    window.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=5000)
    assert [cell(panel, row, 3) for row in range(2)] == [
        "backend ended: exit code 2",
        "backend ended: exit code 1",
    ]
    assert [cell(panel, row, 2) for row in range(2)] == ["not recovered", "recovered in 2.5 s"]
    assert "2 incidents" in panel.note.text()
    panel.open_incident(1)
    qtbot.waitUntil(lambda: "| last words 1" in panel.report_view.toPlainText(), timeout=5000)


def test_an_oversized_report_file_is_refused_not_read(qtbot: Any, tmp_path: Path) -> None:
    write_report(tmp_path, report(1, True))
    window = make_window(qtbot, tmp_path)
    window.show()
    panel = window.incidents
    window.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=5000)
    path = incidents_dir(tmp_path) / f"{panel.model.incident_at(0).id}.json"
    with path.open("ab") as handle:
        handle.truncate(MAX_REPORT_BYTES + 1)
    panel.open_incident(0)
    qtbot.waitUntil(lambda: "could not be read" in panel.report_view.toPlainText(), timeout=5000)
    assert "more than a report can have" in panel.report_view.toPlainText()


def test_an_empty_log_folder_says_there_were_no_incidents(qtbot: Any, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path / "not-created-yet")
    window.show()
    panel = window.incidents
    window.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: not panel._listing, timeout=5000)
    assert panel.model.rowCount() == 0
    assert "No incidents" in panel.note.text()

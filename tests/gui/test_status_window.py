"""The status window against the real backend: its figures match the API, its buttons work,
and a port held by another program can be freed or avoided from it."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import psutil
import pytest
from PySide6.QtWidgets import QPushButton

from tests.gui.conftest import StartTray, make_snapshot, wait_state
from tests.waiting import free_port, wait_for
from tray_app.config import GuardianConfig, load_config
from tray_app.gui.backend_client import BackendStatusClient
from tray_app.gui.status_window import StatusWindow
from tray_app.watchdog.model import ActiveWarning, State

PROGRAMS = Path(__file__).resolve().parents[1] / "programs"
NOW = datetime.now(UTC)


def test_status_window_shows_the_values_the_api_gives(qtbot: Any, start_tray: StartTray) -> None:
    running = start_tray()
    wait_state(qtbot, running, State.HEALTHY)
    controller = running.controller
    controller.show_status()
    window = controller.status_window
    assert window.isVisible()
    figures = window.figures
    qtbot.waitUntil(lambda: figures.tables.rowCount() > 0, timeout=15000)
    api = httpx.get(f"http://127.0.0.1:{running.config.port}/api/v1/system/status").json()
    assert figures.value_text("hostname") == api["system"]["hostname"]
    assert figures.value_text("cpu_count") == str(api["system"]["cpu_count"])
    assert figures.value_text("process_pid") == str(api["process"]["pid"])
    assert figures.value_text("sqlite_version") == api["database"]["sqlite_version"]
    shown = {
        _cell(figures, row, 0): _cell(figures, row, 1) for row in range(figures.tables.rowCount())
    }
    assert shown == {t["name"]: str(t["rows"]) for t in api["database"]["tables"]}
    assert window.watchdog.value_text("pid") == str(running.snapshot().pid)
    assert window.header.text() == "ERP system: running"
    assert figures.cpu_chart.values()  # the chart got its first point


def _cell(figures: Any, row: int, column: int) -> str:
    item = figures.tables.item(row, column)
    assert item is not None
    return str(item.text())


def test_restart_button_and_history(qtbot: Any, start_tray: StartTray) -> None:
    running = start_tray()
    wait_state(qtbot, running, State.HEALTHY)
    controller = running.controller
    controller.show_status()
    first_pid = running.snapshot().pid
    button = controller.status_window.findChild(QPushButton, "button_restart")
    assert button is not None
    button.click()

    def restarted() -> None:
        assert running.snapshot().state is State.HEALTHY and running.snapshot().pid != first_pid

    qtbot.waitUntil(restarted, timeout=30000)
    history = controller.status_window.history
    whats = [history.data(history.index(row, 1)) for row in range(history.rowCount())]
    assert whats[:2] == ["started", "stopping"], whats


def test_window_stays_responsive_while_the_backend_does_not_answer(
    qtbot: Any, tmp_path: Path
) -> None:
    """A closed port: the fetch fails without blocking, and the window says so."""
    client = BackendStatusClient(f"http://127.0.0.1:{free_port()}")
    window = StatusWindow(client, False, lambda: GuardianConfig(log_dir=str(tmp_path)))
    client.setParent(window)  # destroyed with the window, before the QApplication
    qtbot.addWidget(window)
    with qtbot.waitSignal(client.status_failed, timeout=5000):
        window.show()
    assert "does not answer" in window.fetch_note.text()
    window.show_snapshot(make_snapshot(State.UNHEALTHY))
    assert window.header.text() == "ERP system: not answering"
    window.resize(420, 500)
    qtbot.waitUntil(lambda: window._columns.direction().name == "TopToBottom", timeout=2000)


@pytest.fixture
def foreign_listener() -> Any:
    """A program that is not ours, listening on a free port."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, str(PROGRAMS / "http_service.py"), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(lambda: _listening(port), timeout_s=15, message=f"listener on {port}")
        yield process, port
    finally:
        process.kill()
        process.wait(10)


def _listening(port: int) -> bool:
    return any(
        c.laddr and c.laddr.port == port and c.status == psutil.CONN_LISTEN
        for c in psutil.net_connections("tcp")
    )


def test_port_held_by_another_program_can_be_stopped_after_confirming(
    qtbot: Any, start_tray: StartTray, foreign_listener: Any
) -> None:
    process, port = foreign_listener
    running = start_tray(port=port, backoff_max=30)
    wait_state(qtbot, running, State.BLOCKED)
    controller = running.controller
    controller.show_status()
    panel = controller.status_window.port_panel
    qtbot.waitUntil(panel.isVisible, timeout=5000)
    assert f"(PID {process.pid})" in panel.message.text()
    running.answers.confirm = False
    panel.stop_button.click()
    assert running.answers.asked and str(process.pid) in running.answers.asked[0]
    assert process.poll() is None  # "no" leaves it alone
    running.answers.confirm = True
    panel.stop_button.click()
    wait_state(qtbot, running, State.HEALTHY)
    assert process.wait(10) is not None
    qtbot.waitUntil(lambda: not panel.isVisible(), timeout=5000)


def test_port_held_by_another_program_can_be_avoided_with_another_port(
    qtbot: Any, start_tray: StartTray, foreign_listener: Any
) -> None:
    process, port = foreign_listener
    running = start_tray(port=port, backoff_max=30)
    wait_state(qtbot, running, State.BLOCKED)
    new_port = free_port()
    running.answers.port = new_port
    controller = running.controller
    controller.tray.rebuild_menu()
    controller.tray.action("action_other_port").trigger()
    wait_state(qtbot, running, State.HEALTHY)
    assert running.engine.config.port == new_port
    assert load_config(controller.config_file).config.port == new_port
    assert process.poll() is None  # the other program was not touched
    assert httpx.get(f"http://127.0.0.1:{new_port}/health").status_code == 200


def test_active_warnings_appear_and_go(qtbot: Any, tmp_path: Path) -> None:
    client = BackendStatusClient(f"http://127.0.0.1:{free_port()}")
    window = StatusWindow(client, False, lambda: GuardianConfig(log_dir=str(tmp_path)))
    client.setParent(window)
    qtbot.addWidget(window)
    window.show()
    warning = ActiveWarning(
        "disk_free_db", "Low disk space (database)", 1.2, 2.0, "GB", "1.2 GB free", NOW
    )
    window.show_snapshot(make_snapshot(State.HEALTHY, warnings=(warning,)))
    assert window.warnings_panel.isVisible()
    assert "Low disk space (database)" in window.warnings_panel.body.text()
    assert "1.2 GB free" in window.warnings_panel.body.text()
    window.show_snapshot(make_snapshot(State.HEALTHY))
    assert not window.warnings_panel.isVisible()

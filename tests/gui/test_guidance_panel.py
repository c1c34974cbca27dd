"""The status window explains a red state in words and offers the buttons that help; each
button reaches the controller (log viewer, start, the Check-and-fix dialog)."""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtWidgets import QPushButton

from tests.gui.conftest import StartTray, make_snapshot, wait_state
from tray_app.gui.guidance_panel import GuidancePanel
from tray_app.watchdog.model import EventName, Guidance, GuidanceAction, GuidanceId, State

GIVES_UP = {
    "backend_cmd": [sys.executable, "-c", "print('bad config line 7'); raise SystemExit(4)"],
    "backoff_initial": 0.05,
    "max_restarts": 1,
    "giveup_cooldown": 0,
}


def _button(panel: GuidancePanel, action: GuidanceAction) -> QPushButton:
    button = panel.findChild(QPushButton, f"guidance_{action.value}")
    assert button is not None
    return button


def test_gave_up_panel_shows_output_and_its_buttons_call_the_controller(
    qtbot: Any, start_tray: StartTray
) -> None:
    running = start_tray(**GIVES_UP)
    wait_state(qtbot, running, State.GAVE_UP)
    controller = running.controller
    controller.show_status()
    panel = controller.status_window.guidance_panel
    qtbot.waitUntil(lambda: panel.isVisible(), timeout=10000)
    assert panel.title.text().startswith("The ERP system keeps stopping")
    assert "bad config line 7" in panel.evidence.toPlainText()
    assert _button(panel, GuidanceAction.OPEN_LOG).isVisible()
    assert _button(panel, GuidanceAction.TRY_AGAIN).isVisible()
    assert not _button(panel, GuidanceAction.CHECK_AND_FIX).isVisible()

    _button(panel, GuidanceAction.OPEN_LOG).click()
    assert controller.log_viewer is not None and controller.log_viewer.isVisible()

    starts = [e for e in running.engine.recent_events() if e.name is EventName.STARTING]
    _button(panel, GuidanceAction.TRY_AGAIN).click()

    def started_again() -> bool:
        now = [e for e in running.engine.recent_events() if e.name is EventName.STARTING]
        return len(now) > len(starts)

    qtbot.waitUntil(started_again, timeout=10000)
    assert controller.status_window.jobs.wait(10000)  # the incident list read on show


def test_check_and_fix_opens_the_doctor_dialog(qtbot: Any, start_tray: StartTray) -> None:
    running = start_tray(backend_cmd=["erp-ledger-server-not-installed", "--port", "{port}"])
    wait_state(qtbot, running, State.BLOCKED)
    controller = running.controller
    controller.show_status()
    panel = controller.status_window.guidance_panel
    qtbot.waitUntil(lambda: panel.isVisible(), timeout=10000)
    assert "erp-ledger-server-not-installed" in panel.text.text()
    _button(panel, GuidanceAction.CHECK_AND_FIX).click()
    assert controller.doctor_dialog is not None
    qtbot.waitUntil(
        lambda: controller.doctor_dialog is not None and controller.doctor_dialog.isVisible()
    )
    assert controller.doctor_dialog.wait_for_jobs(30000)  # its checks run on a pool thread
    assert controller.status_window.jobs.wait(10000)  # the incident list read on show


def test_panel_hides_when_all_is_well_and_for_a_port_holder(qtbot: Any) -> None:
    panel = GuidancePanel()
    qtbot.addWidget(panel)
    panel.show_guidance(Guidance(GuidanceId.MISSING_MODULE, {"module": "erp"}, ("x",)))
    assert not panel.isHidden() and "\u201cerp\u201d" in panel.text.text()
    panel.show_guidance(make_snapshot(State.HEALTHY).guidance)
    assert panel.isHidden()
    panel.show_guidance(Guidance(GuidanceId.PORT_IN_USE, {"port": "1", "holder": "", "pid": ""}))
    assert panel.isHidden()  # the port panel says it, with its own buttons

"""A warning raised by the real engine becomes one desktop notification and the icon's badge;
with `notify_warnings` off the badge still shows, the notification does not."""

from __future__ import annotations

from typing import Any

from tests.gui.conftest import StartTray
from tests.watchdog.harness import service_cmd
from tray_app.gui.notifications import Notification, NotificationKind
from tray_app.watchdog.model import EventName

ERRORS = {
    "backend_cmd": service_cmd("--errors-per-s", "20"),
    "monitor_interval": 0.2,
    "warn_errors_per_minute": 10,
}


def is_warning(notification: Notification) -> bool:
    return notification.kind is NotificationKind.WARNING


def test_a_new_warning_is_a_notification_and_a_badge(qtbot: Any, start_tray: StartTray) -> None:
    running = start_tray(**ERRORS)
    controller = running.controller
    with qtbot.waitSignal(
        controller.notifier.shown, check_params_cb=is_warning, timeout=30000
    ) as shown:
        pass
    notification = shown.args[0] if shown.args else None
    assert notification is not None
    assert notification.title == "Backend reports errors"  # the rule's title
    assert "backend.log" in notification.body
    qtbot.waitUntil(lambda: controller.tray.shows_warning_badge, timeout=5000)
    warnings = [n for n in controller.notifier.history if is_warning(n)]
    assert len(warnings) == 1  # one per new warning, not one per measurement
    assert "Warnings: 1" in controller.tray.icon.toolTip()


def test_no_warning_notification_when_switched_off(qtbot: Any, start_tray: StartTray) -> None:
    running = start_tray(notify_warnings=False, **ERRORS)
    controller = running.controller
    # The controller's slot runs before this spy's: once it fires, the event was handled.
    with qtbot.waitSignal(
        controller.bridge.engine_event,
        check_params_cb=lambda event: event.name is EventName.WARNING,
        timeout=30000,
    ):
        pass
    assert controller.tray.shows_warning_badge
    assert not [n for n in controller.notifier.history if is_warning(n)]

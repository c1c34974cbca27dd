"""The tray icon's colour and shape follow the state; the tooltip says state, uptime, restarts."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtGui import QColor, QImage

from tests.gui.conftest import make_snapshot
from tray_app.gui import theme
from tray_app.gui.tray import TrayIcon
from tray_app.watchdog.model import ActiveWarning, Health, PortHolder, State

NOW = datetime.now(UTC)

EXPECTED_COLOUR = {
    State.HEALTHY: "green",
    State.STARTING: "yellow",
    State.DEGRADED: "yellow",
    State.UNHEALTHY: "yellow",
    State.STOPPING: "yellow",
    State.BACKOFF: "yellow",
    State.GAVE_UP: "red",
    State.BLOCKED: "red",
    State.STOPPED: "grey",
    State.PAUSED: "grey",
}


def colour_name(colour: QColor) -> str:
    """Classify by hue and saturation, independent of the exact shades the theme uses."""
    if colour.hsvSaturation() < 60:
        return "grey"
    hue = colour.hsvHue()
    if hue < 20 or hue > 340:
        return "red"
    if 30 <= hue <= 65:
        return "yellow"
    if 80 <= hue <= 160:
        return "green"
    return f"hue {hue}"


def dominant_colour(image: QImage) -> QColor:
    """The most common opaque colour: the icon's fill, not its glyph or outline."""
    counts: Counter[int] = Counter()
    for y in range(image.height()):
        for x in range(image.width()):
            pixel = image.pixelColor(x, y)
            if pixel.alpha() == 255:
                counts[pixel.rgb()] += 1
    return QColor.fromRgb(counts.most_common(1)[0][0])


def make_tray() -> TrayIcon:
    return TrayIcon(lambda: None, lambda: None, lambda: False)


@pytest.mark.parametrize("state", list(State))
def test_tray_icon_colour_follows_the_state(qtbot: Any, state: State) -> None:
    assert qtbot is not None
    tray = make_tray()
    tray.show_snapshot(make_snapshot(state))
    image = tray.icon.icon().pixmap(32, 32).toImage()
    assert colour_name(dominant_colour(image)) == EXPECTED_COLOUR[state]


def test_each_colour_group_has_its_own_shape(qtbot: Any) -> None:
    """Without colour (a monochrome tray, a colour-blind user) the groups still differ."""
    assert qtbot is not None
    masks = {}
    for health in Health:
        image = theme.health_icon(health).pixmap(32, 32).toImage()
        masks[health] = tuple(
            image.pixelColor(x, y).alpha() > 128 or image.pixelColor(x, y).lightness() > 200
            for y in range(32)
            for x in range(32)
        )
    assert len(set(masks.values())) == len(Health)


def test_tooltip_gives_state_uptime_restarts_and_latency(qtbot: Any) -> None:
    assert qtbot is not None
    tray = make_tray()
    tray.show_snapshot(make_snapshot(State.HEALTHY, uptime_s=125.0, restart_count=3))
    tip = tray.icon.toolTip()
    assert "running" in tip
    assert "2 min 05 s" in tip
    assert "Restarts: 3" in tip
    assert "3 ms" in tip


def test_menu_is_rebuilt_from_the_snapshot_when_it_opens(qtbot: Any) -> None:
    assert qtbot is not None
    current = {"snapshot": make_snapshot(State.HEALTHY)}
    tray = TrayIcon(lambda: current["snapshot"], lambda: False, lambda: True)
    tray.menu.aboutToShow.emit()
    assert tray.action("action_state").text() == "ERP system: running"
    assert tray.action("action_stop").isEnabled()
    assert tray.action("action_web").isEnabled()
    holder = PortHolder(port=8765, pid=99, name="nginx", ours=False)
    current["snapshot"] = make_snapshot(State.BLOCKED, port_holder=holder, pid=None)
    tray.menu.aboutToShow.emit()
    assert tray.action("action_start").isVisible()
    assert tray.action("action_port_info").text() == "Port 8765 is used by nginx (PID 99)"
    assert tray.action("action_stop_port_holder").isEnabled()
    with pytest.raises(KeyError):
        tray.action("action_pause")
    current["snapshot"] = make_snapshot(State.PAUSED)
    tray.menu.aboutToShow.emit()
    assert tray.action("action_resume").isEnabled()
    assert not tray.action("action_autostart").isChecked()


def test_left_click_asks_for_the_status_window(qtbot: Any) -> None:
    tray = make_tray()
    with qtbot.waitSignal(tray.status_requested, timeout=1000):
        tray.icon.activated.emit(tray.icon.ActivationReason.Trigger)


def test_active_warnings_show_in_tooltip_and_menu(qtbot: Any) -> None:
    assert qtbot is not None
    warning = ActiveWarning(
        "memory_available", "Low memory", 300.0, 500.0, "MB", "only 300 MB available", NOW
    )
    snapshot = make_snapshot(State.HEALTHY, warnings=(warning,))
    tray = TrayIcon(lambda: snapshot, lambda: None, lambda: False)
    tray.show_snapshot(snapshot)
    assert "Warnings: 1" in tray.icon.toolTip()
    tray.rebuild_menu()
    assert tray.action("action_warning_0").text() == "Warning: Low memory"
    assert tray.action("action_warning_0").toolTip() == "only 300 MB available"

"""The early-warning badge: an amber triangle in the icon's lower right corner while warnings are
active. The state's colour stays the icon's main colour, and the badge shows in monochrome."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtGui import QColor, QImage

from tests.gui.conftest import make_snapshot
from tests.gui.test_icons_and_tooltip import EXPECTED_COLOUR, colour_name, dominant_colour
from tray_app.gui import theme
from tray_app.gui.tray import TrayIcon
from tray_app.watchdog.model import ActiveWarning, Health, State

BADGE_FILL = QColor("#f59e0b")  # warning-badge.svg
SIZE = 32

WARNING = ActiveWarning(
    "memory_available", "Low memory", 300.0, 500.0, "MB", "only 300 MB available", datetime.now(UTC)
)


def rgb(colour: QColor) -> tuple[int, int, int]:
    return colour.red(), colour.green(), colour.blue()


def badge_pixels(image: QImage) -> int:
    """Opaque pixels of the badge's amber fill (the yellow state icon's fill is not close)."""
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            pixel = image.pixelColor(x, y)
            if pixel.alpha() == 255 and all(
                abs(a - b) <= 8 for a, b in zip(rgb(pixel), rgb(BADGE_FILL), strict=True)
            ):
                count += 1
    return count


def monochrome(image: QImage) -> list[bool]:
    """What a one-bit tray shows: dark ink where the icon is opaque and dark."""
    return [
        image.pixelColor(x, y).alpha() > 128 and image.pixelColor(x, y).lightness() < 128
        for y in range(image.height())
        for x in range(image.width())
    ]


def tray_image(tray: TrayIcon) -> QImage:
    return tray.icon.icon().pixmap(SIZE, SIZE).toImage()


@pytest.mark.parametrize("state", list(State))
def test_badge_comes_and_goes_with_warnings_and_keeps_the_state_colour(
    qtbot: Any, state: State
) -> None:
    assert qtbot is not None
    tray = TrayIcon(lambda: None, lambda: None, lambda: False)
    tray.show_snapshot(make_snapshot(state))
    plain = tray_image(tray)
    assert badge_pixels(plain) == 0

    tray.show_snapshot(make_snapshot(state, warnings=(WARNING,)))
    badged = tray_image(tray)
    assert tray.shows_warning_badge
    assert colour_name(dominant_colour(badged)) == EXPECTED_COLOUR[state]
    corner = badged.copy(SIZE // 2, SIZE // 2, SIZE // 2, SIZE // 2)
    assert badge_pixels(corner) >= 8, "no amber badge in the lower right corner"
    assert badge_pixels(badged) == badge_pixels(corner)  # only there

    tray.show_snapshot(make_snapshot(state))
    assert not tray.shows_warning_badge
    assert badge_pixels(tray_image(tray)) == 0
    assert tray_image(tray) == plain


@pytest.mark.parametrize("health", list(Health))
@pytest.mark.parametrize("size", [16, 32])
def test_badge_shows_in_monochrome(qtbot: Any, health: Health, size: int) -> None:
    """On a one-bit tray the badge's dark outline and "!" still change the corner."""
    assert qtbot is not None
    plain = monochrome(theme.health_icon(health).pixmap(size, size).toImage())
    badged = monochrome(theme.health_icon(health, warning=True).pixmap(size, size).toImage())
    changed = [index for index, (a, b) in enumerate(zip(plain, badged, strict=True)) if a != b]
    assert len(changed) >= size // 2, f"only {len(changed)} pixels differ"
    start = size * 2 // 5 - 1  # the badge covers the lower right 60 %
    assert all(i // size >= start and i % size >= start for i in changed)

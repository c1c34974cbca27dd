"""Readable on a dark palette too; sparklines write their scale, in the user's format."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor, QPalette

from tests.gui.i18n_fixtures import compile_catalogues, speaking
from tray_app.gui import theme
from tray_app.gui.formats import percent_text
from tray_app.gui.sparkline import Sparkline
from tray_app.watchdog.model import Level


def palette(base: str, text: str) -> QPalette:
    colours = QPalette()
    for role in (QPalette.ColorRole.Base, QPalette.ColorRole.Window):
        colours.setColor(role, QColor(base))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText):
        colours.setColor(role, QColor(text))
    return colours


LIGHT = palette("#ffffff", "#1f2328")
DARK = palette("#1e1e1e", "#f0f0f0")


@pytest.mark.parametrize("colours", [LIGHT, DARK], ids=["light", "dark"])
def test_search_matches_stay_readable(qapp: Any, colours: QPalette) -> None:
    del qapp
    text = colours.color(QPalette.ColorRole.Text)
    background = theme.search_highlight_colour(colours)
    assert theme.contrast_ratio(text, background) >= theme.MIN_CONTRAST


def test_the_light_highlight_is_unreadable_under_dark_text_colours(qapp: Any) -> None:
    """What the log viewer did before: the light highlight under a dark palette's text."""
    del qapp
    text = DARK.color(QPalette.ColorRole.Text)
    assert theme.contrast_ratio(text, QColor(theme.HIGHLIGHT_COLOUR)) < 1.5


@pytest.mark.parametrize("colours", [LIGHT, DARK], ids=["light", "dark"])
@pytest.mark.parametrize("level", [Level.DEBUG, Level.WARNING, Level.ERROR, Level.CRITICAL])
def test_severity_colours_stay_readable(qapp: Any, colours: QPalette, level: Level) -> None:
    del qapp
    colour = theme.severity_colour(level, colours)
    assert colour is not None
    base = colours.color(QPalette.ColorRole.Base)
    assert theme.contrast_ratio(colour, base) >= theme.MIN_CONTRAST


@pytest.fixture
def german(qapp: Any, tmp_path: Path) -> Iterator[None]:
    del qapp
    with speaking("de", compile_catalogues(tmp_path)):
        yield


@pytest.mark.usefixtures("german")
def test_a_sparkline_writes_its_scale_and_latest_value(qtbot: Any) -> None:
    chart = Sparkline(maximum=100.0, value_text=percent_text)
    qtbot.addWidget(chart)
    chart.add(10.0)
    chart.add(12.5)
    chart.show()
    assert chart.scale_texts() == ("max. 100,0\N{NO-BREAK SPACE}%", "jetzt 12,5\N{NO-BREAK SPACE}%")
    assert "jetzt 12,5" in chart.accessibleDescription()
    assert not chart.grab().isNull()


def test_a_sparkline_without_maximum_scales_to_its_largest_value(qtbot: Any) -> None:
    chart = Sparkline()
    qtbot.addWidget(chart)
    for value in (3.0, 40.0, 7.0):
        chart.add(value)
    assert chart.scale_top() == 40.0

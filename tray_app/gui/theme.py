"""The one place that maps states and severities to icons and colours.

The icons are PNGs rendered from the SVG sources in resources/icons/src (see
resources/generate_icons.py). Each colour group also has its own shape and glyph, so the state
can be told apart without colour: circle with a check (ok), triangle with "!" (warn), octagon
with a cross (fail), square with pause bars (idle). While early warnings are active, the
`-warning` variants add an amber triangle badge in the lower right corner: the state's colour
and shape stay visible, and its outline and halo show in monochrome too.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from PySide6.QtGui import QColor, QIcon

from tray_app.watchdog.model import HEALTH_OF_STATE, Health, Level, State

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)

_ICON_NAME = {Health.OK: "ok", Health.WARN: "warn", Health.FAIL: "fail", Health.IDLE: "idle"}

# The fill colours of the SVG sources, for text and swatches next to the icons.
_HEALTH_COLOUR = {
    Health.OK: "#2ea043",
    Health.WARN: "#e3a008",
    Health.FAIL: "#d1242f",
    Health.IDLE: "#8c959f",
}

# Log severities; None keeps the view's normal text colour.
_SEVERITY_COLOUR: dict[Level, str | None] = {
    Level.DEBUG: "#6e7781",
    Level.INFO: None,
    Level.WARNING: "#9a6700",
    Level.ERROR: "#cf222e",
    Level.CRITICAL: "#a40e26",
}

HIGHLIGHT_COLOUR = "#fff8a6"  # background of search matches in the log viewer
CHART_COLOUR = "#0969da"


def resources_dir() -> Path:
    """resources/ next to the package, or inside the PyInstaller bundle when frozen."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def icon_dir() -> Path:
    return resources_dir() / "icons"


@cache
def health_icon(health: Health, warning: bool = False) -> QIcon:
    """The icon of a colour group; `warning` adds the early-warning badge."""
    name = _ICON_NAME[health] + ("-warning" if warning else "")
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(icon_dir() / f"{name}-{size}.png"))
    return icon


def state_icon(state: State, warning: bool = False) -> QIcon:
    return health_icon(HEALTH_OF_STATE[state], warning)


def app_icon() -> QIcon:
    return health_icon(Health.OK)


def health_colour(health: Health) -> QColor:
    return QColor(_HEALTH_COLOUR[health])


def severity_colour(level: Level | None) -> QColor | None:
    name = _SEVERITY_COLOUR.get(level) if level is not None else None
    return QColor(name) if name else None


def severity_is_bold(level: Level | None) -> bool:
    return level is Level.CRITICAL

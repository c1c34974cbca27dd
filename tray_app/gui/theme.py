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

from PySide6.QtGui import QColor, QIcon, QPalette

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

HIGHLIGHT_COLOUR = "#fff8a6"  # background of search matches in the log viewer (light palette)
CHART_COLOUR = "#0969da"

# The same meanings on a dark palette (Windows dark mode, dark desktop themes): lighter text
# colours and a dark match background, so that each keeps a contrast of 4.5:1 (WCAG AA).
_DARK_SEVERITY_COLOUR: dict[Level, str | None] = {
    Level.DEBUG: "#9198a1",
    Level.INFO: None,
    Level.WARNING: "#d29922",
    Level.ERROR: "#ff7b72",
    Level.CRITICAL: "#ffa198",
}
_DARK_HIGHLIGHT_COLOUR = "#5a4500"
_DARK_CHART_COLOUR = "#58a6ff"
MIN_CONTRAST = 4.5


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


def is_dark(palette: QPalette) -> bool:
    """True when the window's text is lighter than its background."""
    return palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG's contrast ratio, 1 (none) to 21 (black on white)."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def severity_colour(level: Level | None, palette: QPalette | None = None) -> QColor | None:
    """The text colour of a log level, for the palette it is drawn on (light by default)."""
    table = _DARK_SEVERITY_COLOUR if palette is not None and is_dark(palette) else _SEVERITY_COLOUR
    name = table.get(level) if level is not None else None
    return QColor(name) if name else None


def search_highlight_colour(palette: QPalette) -> QColor:
    """The background of search matches, readable under the palette's own text colour."""
    return QColor(_DARK_HIGHLIGHT_COLOUR if is_dark(palette) else HIGHLIGHT_COLOUR)


def chart_colour(palette: QPalette) -> QColor:
    return QColor(_DARK_CHART_COLOUR if is_dark(palette) else CHART_COLOUR)


def severity_is_bold(level: Level | None) -> bool:
    return level is Level.CRITICAL

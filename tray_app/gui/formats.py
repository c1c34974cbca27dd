"""Numbers, sizes, durations and times in the user's local format, through QLocale.

The default QLocale follows the chosen language (tray_app/gui/translations.py), so German
reads "1,5 s", "1.234" and "29.11.2026 21:38" where English reads "1.5 s", "1,234" and
"11/29/2026 9:38 PM". Every figure the windows show goes through here.
"""

from __future__ import annotations

import re
from datetime import datetime

from PySide6.QtCore import QDateTime, QLocale, QTimeZone

NOT_AVAILABLE = "\N{EN DASH}"  # shown where a figure is not known
_BYTE_UNITS = ("B", "KB", "MB", "GB", "TB")


def number_text(value: float, decimals: int = 0) -> str:
    """1234.5 -> '1.234,5' (de) or '1,234.5' (en), with `decimals` digits after the sign."""
    if decimals == 0:
        return QLocale().toString(round(value))
    return QLocale().toString(float(value), "f", decimals)


def percent_text(value: float | None, decimals: int = 1) -> str:
    return NOT_AVAILABLE if value is None else f"{number_text(value, decimals)}\N{NO-BREAK SPACE}%"


def unit_text(value: float | None, unit: str, decimals: int = 0) -> str:
    """'250 ms', '1,5 s': a figure and its unit, kept on one line."""
    return (
        NOT_AVAILABLE
        if value is None
        else f"{number_text(value, decimals)}\N{NO-BREAK SPACE}{unit}"
    )


def bytes_text(count: float | None) -> str:
    """'512 B', '1,5 MB' (units of 1024)."""
    if count is None:
        return NOT_AVAILABLE
    value = float(count)
    for unit in _BYTE_UNITS:
        if abs(value) < 1024 or unit == _BYTE_UNITS[-1]:
            return unit_text(value, unit, 0 if unit == "B" else 1)
        value /= 1024
    raise AssertionError("unreachable: the last unit returns")


def _qt_datetime(moment: datetime) -> QDateTime:
    local = moment.astimezone()
    return QDateTime.fromSecsSinceEpoch(int(local.timestamp()), QTimeZone.systemTimeZone())


def date_time_text(moment: datetime | None) -> str:
    """'29.11.2026 21:38' (de), '11/29/2026 9:38 PM' (en): the year in full."""
    if moment is None:
        return NOT_AVAILABLE
    locale = QLocale()
    date_format = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in date_format:
        date_format = date_format.replace("yy", "yyyy")
    pattern = f"{date_format} {locale.timeFormat(QLocale.FormatType.ShortFormat)}"
    return locale.toString(_qt_datetime(moment), pattern)


def time_text(moment: datetime | None, seconds: bool = True) -> str:
    """'21:38:05' (de), '9:38:05 PM' (en)."""
    if moment is None:
        return NOT_AVAILABLE
    locale = QLocale()
    kind = QLocale.FormatType.LongFormat if seconds else QLocale.FormatType.ShortFormat
    pattern = re.sub(r"\s*t+", "", locale.timeFormat(kind)).strip()  # no time zone name
    return locale.toString(_qt_datetime(moment), pattern)

"""Words for states, reasons and durations, as an office user reads them (all translatable)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from tray_app.gui.formats import NOT_AVAILABLE as NOT_AVAILABLE  # re-exported for the views
from tray_app.gui.formats import bytes_text as bytes_text
from tray_app.gui.formats import date_time_text, number_text, time_text
from tray_app.i18n.catalogue import Message, render
from tray_app.i18n.language import locale_language
from tray_app.watchdog.model import Reason, State


def _tr(text: str) -> str:
    # The empty context: lupdate files _tr() texts there (scripts/update_translations.sh).
    return QCoreApplication.translate("", text)


def engine_text(message: Message | dict[str, Any] | None, english: str) -> str:
    """The engine's words (a detail, hint or title) in the GUI's language: the default QLocale
    that install_translators set. `english` for a technical text without a message."""
    if isinstance(message, dict):
        message = Message.from_dict(message)
    if message is None:
        return english
    return render(message, locale_language(QLocale().name()) or "en")


def state_label(state: State) -> str:
    labels = {
        State.STOPPED: _tr("stopped"),
        State.STARTING: _tr("starting"),
        State.HEALTHY: _tr("running"),
        State.DEGRADED: _tr("running with problems"),
        State.UNHEALTHY: _tr("not answering"),
        State.STOPPING: _tr("stopping"),
        State.BACKOFF: _tr("waiting to restart"),
        State.GAVE_UP: _tr("stopped after too many crashes"),
        State.BLOCKED: _tr("cannot start"),
        State.PAUSED: _tr("watchdog paused"),
    }
    return labels[state]


def reason_label(reason: Reason | None) -> str:
    if reason is None:
        return ""
    labels = {
        Reason.USER: _tr("you asked for it"),
        Reason.STARTUP: _tr("ERP Guardian started"),
        Reason.EXIT_CODE: _tr("it closed unexpectedly"),
        Reason.SIGNAL: _tr("it was ended by the system or another program"),
        Reason.TIMEOUT: _tr("it did not answer in time"),
        Reason.CONNECTION_REFUSED: _tr("it did not accept connections"),
        Reason.CONNECTION_ERROR: _tr("it could not be reached"),
        Reason.HTTP_STATUS: _tr("it answered with an error"),
        Reason.BAD_RESPONSE: _tr("it gave an unreadable answer"),
        Reason.DEPENDENCY: _tr("the database has a problem"),
        Reason.CHECK_PASSED: _tr("it answers again"),
        Reason.HANG: _tr("it stopped responding"),
        Reason.STARTUP_GRACE: _tr("it did not finish starting in time"),
        Reason.PORT_IN_USE: _tr("another program uses its network port"),
        Reason.SPAWN_FAILED: _tr("it could not be started"),
        Reason.RESTART_LIMIT: _tr("it crashed too often"),
        Reason.COOLDOWN: _tr("the waiting time is over"),
        Reason.STOP_TIMEOUT: _tr("it did not stop in time and was ended"),
        Reason.STABLE: _tr("it has run steadily"),
        Reason.SHUTDOWN: _tr("ERP Guardian is closing"),
        Reason.STATS: _tr("statistics"),
        Reason.LOG_IO: _tr("a log file could not be written"),
        Reason.EARLY_WARNING: _tr("an early warning"),
        Reason.RSS_LIMIT: _tr("it used too much memory"),
        Reason.SCHEDULED: _tr("the daily restart"),
    }
    return labels.get(reason, str(reason))


def duration_text(seconds: float | None) -> str:
    """1,5 s, 4 min 05 s, 2 h 03 min, 3 d 4 h (numbers in the user's format)."""
    if seconds is None:
        return NOT_AVAILABLE
    total = round(seconds)
    if seconds < 10:
        return _tr("{n} s").format(n=number_text(seconds, 1))
    if total < 60:
        return _tr("{n} s").format(n=number_text(total))
    minutes, secs = divmod(total, 60)
    if minutes < 60:
        return _tr("{m} min {s:02d} s").format(m=minutes, s=secs)
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return _tr("{h} h {m:02d} min").format(h=hours, m=minutes)
    days, hours = divmod(hours, 24)
    return _tr("{d} d {h} h").format(d=number_text(days), h=hours)


def starting_text(uptime_s: float | None, startup_grace_s: float) -> str:
    """'starting (4 s of 30 s)': how long the backend has been starting, of the time allowed."""
    if uptime_s is None:
        return state_label(State.STARTING)
    # Whole seconds while it counts up: "4 s of 30 s" reads calmer than "4,3 s of 30 s".
    whole = _tr("{n} s").format(n=number_text(int(uptime_s)))
    return _tr("starting ({elapsed} of {allowed})").format(
        elapsed=whole if uptime_s < 60 else duration_text(uptime_s),
        allowed=duration_text(startup_grace_s),
    )


def local_time_text(moment: datetime | None) -> str:
    """A wall-clock time in the user's time zone and format: the time today, else date and time."""
    if moment is None:
        return NOT_AVAILABLE
    if moment.astimezone().date() == datetime.now().astimezone().date():
        return time_text(moment)
    return date_time_text(moment)

"""Words for states, reasons and durations, as an office user reads them (all translatable)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from tray_app.watchdog.model import Reason, State

NOT_AVAILABLE = "\N{EN DASH}"  # shown where a figure is not known


def _tr(text: str) -> str:
    return QCoreApplication.translate("Wording", text)


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
    """3 s, 4 min 05 s, 2 h 03 min, 3 d 4 h."""
    if seconds is None:
        return NOT_AVAILABLE
    total = round(seconds)
    if seconds < 10:
        return _tr("{n} s").format(n=f"{seconds:.1f}")
    if total < 60:
        return _tr("{n} s").format(n=total)
    minutes, secs = divmod(total, 60)
    if minutes < 60:
        return _tr("{m} min {s:02d} s").format(m=minutes, s=secs)
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return _tr("{h} h {m:02d} min").format(h=hours, m=minutes)
    days, hours = divmod(hours, 24)
    return _tr("{d} d {h} h").format(d=days, h=hours)


def local_time_text(moment: datetime | None) -> str:
    """A wall-clock time in the user's time zone, short."""
    if moment is None:
        return NOT_AVAILABLE
    local = moment.astimezone()
    if local.date() == datetime.now().astimezone().date():
        return local.strftime("%H:%M:%S")
    return local.strftime("%Y-%m-%d %H:%M")


def bytes_text(count: float | None) -> str:
    if count is None:
        return NOT_AVAILABLE
    value = float(count)
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if abs(value) < 1024 or unit == "TB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} TB"

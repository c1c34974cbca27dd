"""Which desktop notifications the user gets, decided from the engine's events.

Plain logic with an injected clock, so the crash-loop rule can be tested without waiting. A
crash loop (several failures close together) gives one summarising notification instead of one
per restart; once the backend has stayed healthy for a while, one "works again" follows.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from tray_app.config import GuardianConfig
from tray_app.gui.wording import duration_text, engine_text, local_time_text, reason_label
from tray_app.watchdog.model import Event, EventName, Reason, State
from tray_app.watchdog.snapshot import Snapshot

_FAILURES = {EventName.EXITED, EventName.HUNG}
_NOT_FAILURES = {Reason.USER, Reason.SHUTDOWN}


class NotificationKind(StrEnum):
    RESTARTED = "restarted"
    CRASH_LOOP = "crash_loop"
    GAVE_UP = "gave_up"
    BLOCKED = "blocked"
    RECOVERED = "recovered"
    WARNING = "warning"  # an early-warning rule fired
    ACTION_RESTART = "action_restart"  # restarted by an optional action (memory limit)


@dataclass(frozen=True)
class Notification:
    kind: NotificationKind
    title: str
    body: str
    critical: bool = False


def _tr(text: str) -> str:
    # The empty context: lupdate files _tr() texts there (scripts/update_translations.sh).
    return QCoreApplication.translate("", text)


def _cause(event: Event | None) -> str:
    if event is None:
        return _tr("unknown cause")
    label = reason_label(event.reason)
    detail = engine_text(event.message, event.detail)
    return f"{label} ({detail})" if detail else label


class NotificationPolicy:
    """Turns events into at most a few notifications, honouring the notify_* settings."""

    def __init__(
        self,
        config: GuardianConfig,
        clock: Callable[[], float] = time.monotonic,
        loop_threshold: int = 3,
        loop_window_s: float = 120.0,
        settle_s: float = 30.0,
    ) -> None:
        self._config = config
        self._clock = clock
        self._loop_threshold = loop_threshold
        self._loop_window_s = loop_window_s
        self._settle_s = settle_s
        self._failure_times: deque[float] = deque()
        self._last_failure: Event | None = None
        self._in_loop = False
        self._gave_up = False
        self._blocked_told = False
        self._outage_started: float | None = None
        self._healthy_since: float | None = None

    def reconfigure(self, config: GuardianConfig) -> None:
        self._config = config

    def on_event(self, event: Event, snapshot: Snapshot | None = None) -> list[Notification]:
        now = self._clock()
        if event.state in (State.HEALTHY, State.DEGRADED):
            if self._healthy_since is None:
                self._healthy_since = now
        else:
            self._healthy_since = None
        if event.name in _FAILURES and event.reason not in _NOT_FAILURES:
            return self._on_failure(event, now)
        if event.name in (EventName.RECOVERED, EventName.HEALTHY):
            return self._on_healthy(event)
        if event.name is EventName.GAVE_UP:
            return self._on_gave_up(snapshot)
        if event.name is EventName.BLOCKED:
            return self._on_blocked(event)
        if event.name is EventName.WARNING:
            return self._on_warning(event, snapshot)
        if event.name is EventName.STOPPING and event.reason is Reason.RSS_LIMIT:
            return self._on_memory_restart(event)
        return []

    def on_tick(self) -> list[Notification]:
        """Called every few seconds: ends a crash loop once the backend stayed healthy."""
        if not self._in_loop or self._healthy_since is None:
            return []
        now = self._clock()
        if now - self._healthy_since < self._settle_s:
            return []
        count = len(self._failure_times)
        outage = now - self._outage_started if self._outage_started is not None else None
        self._reset()
        if not self._config.notify_recovered:
            return []
        body = _tr(
            "The ERP system runs steadily again after {count} restarts in {span}. "
            "You do not need to do anything."
        ).format(count=count, span=duration_text(outage))
        return [Notification(NotificationKind.RECOVERED, _tr("ERP system works again"), body)]

    def _reset(self) -> None:
        self._failure_times.clear()
        self._in_loop = False
        self._gave_up = False
        self._blocked_told = False
        self._outage_started = None

    def _on_failure(self, event: Event, now: float) -> list[Notification]:
        self._last_failure = event
        if self._outage_started is None:
            self._outage_started = now
        self._failure_times.append(now)
        while self._failure_times and now - self._failure_times[0] > self._loop_window_s:
            self._failure_times.popleft()
        if self._in_loop or len(self._failure_times) < self._loop_threshold:
            return []
        self._in_loop = True
        if not self._config.notify_restarts:
            return []
        body = _tr(
            "The ERP system stopped {count} times in the last {window}. ERP Guardian keeps "
            "restarting it. Last cause: {cause}. If this goes on, save your work and tell "
            "your IT contact."
        ).format(
            count=len(self._failure_times),
            window=duration_text(self._loop_window_s),
            cause=_cause(event),
        )
        title = _tr("ERP system keeps stopping")
        return [Notification(NotificationKind.CRASH_LOOP, title, body)]

    def _on_healthy(self, event: Event) -> list[Notification]:
        if self._gave_up or self._blocked_told:
            self._reset()
            if not self._config.notify_recovered:
                return []
            body = _tr("The ERP system is available again. You do not need to do anything.")
            return [Notification(NotificationKind.RECOVERED, _tr("ERP system works again"), body)]
        if self._in_loop or event.name is not EventName.RECOVERED or self._last_failure is None:
            return []  # a loop waits for on_tick; a plain start is no news
        failure, self._last_failure = self._last_failure, None
        self._outage_started = None
        if not self._config.notify_restarts:
            return []
        body = _tr(
            "The ERP system stopped: {cause}. ERP Guardian restarted it; it was unavailable "
            "for {outage}. It works again, you do not need to do anything."
        ).format(cause=_cause(failure), outage=duration_text(event.outage_s))
        return [Notification(NotificationKind.RESTARTED, _tr("ERP system restarted"), body)]

    def _on_gave_up(self, snapshot: Snapshot | None) -> list[Notification]:
        self._gave_up = True
        self._in_loop = False
        if not self._config.notify_gave_up:
            return []
        retry_at = snapshot.next_start_at if snapshot else None
        if retry_at is not None:
            retry = _tr("It tries again at {time}.").format(time=local_time_text(retry_at))
        else:
            retry = _tr("It will not try again by itself.")
        body = _tr(
            "The ERP system crashed too often, so ERP Guardian stopped restarting it. {retry} "
            "You can restart it now from the tray menu. Last cause: {cause}."
        ).format(retry=retry, cause=_cause(self._last_failure))
        title = _tr("ERP system is not running")
        return [Notification(NotificationKind.GAVE_UP, title, body, critical=True)]

    def _on_blocked(self, event: Event) -> list[Notification]:
        if self._blocked_told:
            return []
        self._blocked_told = True
        if not self._config.notify_gave_up:
            return []
        body = _tr(
            "The ERP system cannot start: {detail}. Open the status window from the tray menu "
            "to stop that program or to use another port."
        ).format(detail=engine_text(event.message, event.detail) or reason_label(event.reason))
        title = _tr("ERP system cannot start")
        return [Notification(NotificationKind.BLOCKED, title, body, critical=True)]

    def _on_warning(self, event: Event, snapshot: Snapshot | None) -> list[Notification]:
        if not self._config.notify_warnings:
            return []
        rule = event.data.get("rule")
        titles = (
            {w.rule: engine_text(w.title_message, w.title) for w in snapshot.warnings}
            if snapshot
            else {}
        )
        detail = engine_text(event.message, event.detail)
        title = titles.get(str(rule), _tr("ERP Guardian warning"))
        body = _tr(
            "{detail}. The ERP system still works; please tell your IT contact soon."
        ).format(detail=detail[:1].upper() + detail[1:])
        return [Notification(NotificationKind.WARNING, title, body)]

    def _on_memory_restart(self, event: Event) -> list[Notification]:
        if not self._config.notify_restarts:
            return []
        body = _tr(
            "ERP Guardian restarts the ERP system because it uses too much memory ({detail}). "
            "It is back in a few seconds."
        ).format(detail=engine_text(event.message, event.detail))
        title = _tr("ERP system is being restarted")
        return [Notification(NotificationKind.ACTION_RESTART, title, body)]

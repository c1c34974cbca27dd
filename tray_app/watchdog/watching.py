"""Early warnings and the optional restart actions, carried out on the engine.

`Monitoring` decides (which warning rose or cleared, whether the memory limit or the daily
schedule wants a restart); this module publishes those decisions as events and restarts
through the stopper, so that the state still changes in one place only.
"""

from __future__ import annotations

from tray_app.config import GuardianConfig
from tray_app.i18n.catalogue import Message, MessageId
from tray_app.watchdog.early_warning import MB
from tray_app.watchdog.model import EventName, Level, Reason, State
from tray_app.watchdog.monitoring import Monitoring
from tray_app.watchdog.runtime import Runtime
from tray_app.watchdog.stopping import StopIntent, Stopper
from tray_app.watchdog.transitions import Transitions
from tray_app.watchdog.warning_monitor import WarningChange


class Watching:
    """Runs the monitoring on every loop pass and publishes what it found."""

    def __init__(
        self,
        runtime: Runtime,
        transitions: Transitions,
        monitoring: Monitoring,
        stopper: Stopper,
    ) -> None:
        self._rt = runtime
        self._transitions = transitions
        self._monitoring = monitoring
        self._stopper = stopper

    def tick(self, now: float) -> None:
        process = self._rt.process
        result = self._monitoring.tick(
            now, self._rt.pid, lambda: process.rss_bytes() if process else None
        )
        self._announce(result.changes)
        if result.restart is not None:
            self._restart(result.restart.reason, self._restart_words(result.restart.reason))

    def reconfigure(self, config: GuardianConfig, now: float) -> None:
        self._announce(self._monitoring.reconfigure(config, now))

    def _announce(self, changes: list[WarningChange]) -> None:
        for change in changes:
            warning = change.warning
            data = {
                "rule": warning.rule,
                "value": warning.value,
                "threshold": warning.threshold,
                "unit": warning.unit,
            }
            if change.raised:
                self._transitions.announce(
                    EventName.WARNING, Reason.EARLY_WARNING, change.words, Level.WARNING, data=data
                )
            else:
                self._transitions.announce(
                    EventName.WARNING_CLEARED, Reason.EARLY_WARNING, change.words, data=data
                )

    def _restart_words(self, reason: Reason) -> Message:
        """Why an optional action restarts the backend, in words."""
        config = self._rt.config
        if reason is Reason.SCHEDULED:
            return Message(MessageId.RESTART_SCHEDULED, {"when": str(config.scheduled_restart)})
        process = self._rt.process
        rss = (process.rss_bytes() if process else None) or 0
        limit_mb = float(config.restart_on_rss_mb)
        return Message(MessageId.RESTART_RSS_LIMIT, {"rss_mb": rss / MB, "limit_mb": limit_mb})

    def _restart(self, reason: Reason, detail: Message) -> None:
        """An optional action's restart: only a running backend the user has not paused."""
        if self._rt.process is None or self._transitions.state in (State.STOPPING, State.PAUSED):
            return
        self._stopper.stop(StopIntent.RESTART, reason, detail)  # running -> STOPPING

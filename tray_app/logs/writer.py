"""Sets up the three log files and turns engine events and backend output into lines.

guardian.log   human-readable, with levels: every event, statistics, the guardian's own messages
events.jsonl   one JSON object per watchdog event (no statistics), for the analysis tools
backend.log    the backend's stdout and stderr, line by line
"""

from __future__ import annotations

import contextlib
import json
import logging
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from tray_app.config import GuardianConfig
from tray_app.logs.handlers import GuardianFileHandler, prune_rotated
from tray_app.logs.incidents import write_report
from tray_app.watchdog.model import Event, EventName, Level

GUARDIAN_LOG = "guardian.log"
EVENTS_LOG = "events.jsonl"
BACKEND_LOG = "backend.log"

LOGGING_LEVEL: dict[Level, int] = {
    Level.DEBUG: logging.DEBUG,
    Level.INFO: logging.INFO,
    Level.WARNING: logging.WARNING,
    Level.ERROR: logging.ERROR,
    Level.CRITICAL: logging.CRITICAL,
}
GUARDIAN_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

# Loggers that own one file each. propagate=False keeps each line in its own file only.
_GUARDIAN = logging.getLogger("erp_guardian")
_EVENTS = logging.getLogger("erp_guardian_events")
_BACKEND = logging.getLogger("erp_guardian_backend_output")
_ENGINE = logging.getLogger("erp_guardian.watchdog")


def event_line(record: dict[str, Any]) -> str:
    """One line of events.jsonl for `Event.to_dict()` (the summary's fast path reads this form)."""
    return json.dumps(record, ensure_ascii=False, default=str)


def write_record(
    name: EventName, level: Level, detail: str, data: dict[str, Any], time: datetime
) -> None:
    """An event that is not a state change of the engine (a backup): the head of an engine
    event's line (time, level, event), its detail and figures. Only the process that owns the
    log files calls this (one process writes each file); without GuardianLogs it goes nowhere."""
    record = {
        "time": time.isoformat(),
        "level": level.value,
        "event": name.value,
        "detail": detail,
        "data": data,
    }
    _EVENTS.log(LOGGING_LEVEL[level], "%s", event_line(record))


class GuardianLogs:
    """Owns the handlers; `on_event` and `on_backend_output` are the engine's listeners."""

    def __init__(self, config: GuardianConfig) -> None:
        self.directory = config.log_path
        self.problem: str | None = None
        self.on_problem: Callable[[str], None] | None = None  # set by whoever can show it
        self._max_age_days = config.log_max_age_days
        self._folder_max_mb = config.log_dir_max_mb
        self._handlers: list[tuple[logging.Logger, logging.Handler]] = []
        try:
            self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
            self._probe_writable()
        except OSError as error:
            self.problem = f"log directory {self.directory} cannot be written: {error.strerror}"
            sys.stderr.write(f"erp-guardian: {self.problem}; logging to the console only\n")
        self._attach(_GUARDIAN, GUARDIAN_LOG, GUARDIAN_FORMAT, config)
        self._attach(_EVENTS, EVENTS_LOG, "%(message)s", config)
        self._attach(_BACKEND, BACKEND_LOG, "%(message)s", config)
        if not self.problem:
            self.prune()
        _GUARDIAN.setLevel(logging.INFO)
        _EVENTS.setLevel(logging.DEBUG)
        _BACKEND.setLevel(logging.DEBUG)
        _EVENTS.propagate = False
        _BACKEND.propagate = False

    def _probe_writable(self) -> None:
        probe = self.directory / ".write-test"
        probe.write_bytes(b"")
        probe.unlink()

    def _attach(self, logger: logging.Logger, name: str, fmt: str, config: GuardianConfig) -> None:
        if self.problem:
            return
        handler = GuardianFileHandler(
            str(self.directory / name),
            config.log_max_bytes,
            config.log_backups,
            on_error=self._report_problem,
            on_rollover=self.prune,
        )
        handler.setFormatter(logging.Formatter(fmt))
        logger.addHandler(handler)
        self._handlers.append((logger, handler))

    def prune(self) -> list[Path]:
        """Rotated files past log_max_age_days, then the oldest while the folder is above
        log_dir_max_mb: at start and after every rotation."""
        return prune_rotated(self.directory, self._max_age_days, self._folder_max_mb)

    def _report_problem(self, message: str) -> None:
        if self.on_problem is not None:
            self.on_problem(message)

    def path(self, name: str) -> Path:
        return self.directory / name

    def on_event(self, event: Event) -> None:
        level = LOGGING_LEVEL[event.level]
        if event.name is EventName.STATS:
            _GUARDIAN.getChild("stats").log(level, "%s", event.detail)
            return
        record = event.to_dict()
        if event.name is EventName.INCIDENT:
            # The report goes to a file of its own; the event line only points at it.
            record["data"] = {"id": event.data.get("id"), "file": self._save_incident(event)}
        _ENGINE.log(level, "%s: %s", event.name.value, event.detail)
        _EVENTS.log(level, "%s", event_line(record))

    def _save_incident(self, event: Event) -> str | None:
        if self.problem:
            return None
        try:
            return write_report(self.directory, event.data).name
        except OSError as error:
            _GUARDIAN.error("incident report could not be written: %s", error)
            return None

    def on_backend_output(self, line: bytes) -> None:
        _BACKEND.info("%s", line.decode("utf-8", "replace"))

    def close(self) -> None:
        for logger, handler in self._handlers:
            logger.removeHandler(handler)
            with contextlib.suppress(Exception):
                handler.close()
        self._handlers.clear()

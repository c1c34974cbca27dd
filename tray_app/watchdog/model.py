"""Typed state of the watchdog: states, reasons, events and guidance.

Everything here is immutable and JSON-friendly (enum values are lowercase strings), because
events travel to the log files, the console, the Qt adapter and the web API unchanged.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from tray_app.i18n.catalogue import Message


class State(StrEnum):
    """Where the supervised backend is in its life cycle (see DESIGN.md)."""

    STOPPED = "stopped"
    STARTING = "starting"
    HEALTHY = "healthy"
    DEGRADED = "degraded"
    UNHEALTHY = "unhealthy"
    STOPPING = "stopping"
    BACKOFF = "backoff"
    GAVE_UP = "gave_up"
    BLOCKED = "blocked"  # cannot start at all: port held by another program, command missing
    PAUSED = "paused"


# The state groups, defined once; the engine, the tray and (through allowed_commands) the page
# all use these.
RUNNING_STATES: frozenset[State] = frozenset(
    {State.STARTING, State.HEALTHY, State.DEGRADED, State.UNHEALTHY}
)  # a process is up and its health is checked
WAITING_STATES: frozenset[State] = frozenset(
    {State.BACKOFF, State.GAVE_UP, State.BLOCKED}
)  # no process; the engine starts one at next_start_at (GAVE_UP: only after a cooldown)
STARTABLE_STATES: frozenset[State] = WAITING_STATES | {State.STOPPED}  # "start" means now


class UserCommand(StrEnum):
    """What a person can ask of the watchdog (tray menu, web page, CLI)."""

    START = "start"
    STOP = "stop"
    RESTART = "restart"
    PAUSE = "pause"
    RESUME = "resume"


class Health(StrEnum):
    """The colour group of a state; one place maps states to it."""

    OK = "ok"  # green
    WARN = "warn"  # yellow
    FAIL = "fail"  # red
    IDLE = "idle"  # grey


HEALTH_OF_STATE: dict[State, Health] = {
    State.STOPPED: Health.IDLE,
    State.PAUSED: Health.IDLE,
    State.HEALTHY: Health.OK,
    State.STARTING: Health.WARN,
    State.DEGRADED: Health.WARN,
    State.UNHEALTHY: Health.WARN,
    State.STOPPING: Health.WARN,
    State.BACKOFF: Health.WARN,
    State.GAVE_UP: Health.FAIL,
    State.BLOCKED: Health.FAIL,
}


class Level(StrEnum):
    """Severity of an event, as written to the logs."""

    DEBUG = "debug"
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"
    CRITICAL = "critical"


class EventName(StrEnum):
    """What happened. One event per transition, plus a few that are not transitions."""

    STARTING = "starting"  # a process was spawned
    HEALTHY = "healthy"
    RECOVERED = "recovered"  # healthy again after an outage; carries outage_s
    DEGRADED = "degraded"
    CHECK_FAILED = "check_failed"  # a failed check below the threshold
    HUNG = "hung"  # failure_threshold reached: the backend is declared hung
    EXITED = "exited"  # the process ended without being asked to
    STOPPING = "stopping"
    STOPPED = "stopped"
    KILLED = "killed"  # the process tree was killed after a stop timeout
    BACKOFF = "backoff"  # waiting before the next start
    GAVE_UP = "gave_up"
    BLOCKED = "blocked"
    PAUSED = "paused"
    RESUMED = "resumed"
    STALE_REPLACED = "stale_replaced"  # a backend left by an earlier run of ours was stopped
    BUDGET_RESTORED = "budget_restored"  # stable_after passed: restart counters reset
    STATS = "stats"  # periodic system statistics
    LOG_ERROR = "log_error"  # a log file could not be written
    WARNING = "warning"  # an early-warning rule fired
    WARNING_CLEARED = "warning_cleared"  # its value is back past the clear level
    INCIDENT = "incident"  # an outage ended (or was given up); data holds the report
    DATABASE_DAMAGED = "database_damaged"  # quick_check failed after an unclean stop
    BACKUP = "backup"  # a backup of the database was taken and verified (not a transition)
    BACKUP_FAILED = "backup_failed"
    STANDBY_WARMING = "standby_warming"  # a standby process was spawned and warms up
    STANDBY_READY = "standby_ready"  # it is ready to take over
    PROMOTED = "promoted"  # the standby took over from a process that died or hung
    STANDBY_REPLACED = "standby_replaced"  # a standby died or hung: a new one is warmed


# The warm standby's own events: a role of a process, not a change of the watchdog's state.
STANDBY_EVENTS: frozenset[EventName] = frozenset(
    {EventName.STANDBY_WARMING, EventName.STANDBY_READY, EventName.STANDBY_REPLACED}
)


class Reason(StrEnum):
    """Why an event happened; the human detail is in Event.detail."""

    USER = "user"  # a user action (start, stop, restart, pause, resume)
    STARTUP = "startup"  # the supervisor started
    EXIT_CODE = "exit_code"
    SIGNAL = "signal"
    TIMEOUT = "timeout"
    CONNECTION_REFUSED = "connection_refused"
    CONNECTION_ERROR = "connection_error"
    HTTP_STATUS = "http_status"
    BAD_RESPONSE = "bad_response"
    DEPENDENCY = "dependency"  # /health said degraded
    CHECK_PASSED = "check_passed"
    HANG = "hang"
    STARTUP_GRACE = "startup_grace"  # no healthy check within startup_grace
    PORT_IN_USE = "port_in_use"
    SPAWN_FAILED = "spawn_failed"
    RESTART_LIMIT = "restart_limit"
    COOLDOWN = "cooldown"  # the long retry after giving up
    STOP_TIMEOUT = "stop_timeout"
    STABLE = "stable"
    SHUTDOWN = "shutdown"  # the supervisor itself is quitting
    STATS = "stats"
    LOG_IO = "log_io"
    EARLY_WARNING = "early_warning"
    RSS_LIMIT = "rss_limit"  # optional action: the backend passed its hard memory limit
    SCHEDULED = "scheduled"  # optional action: the daily restart at a quiet time
    DATABASE_DAMAGED = "database_damaged"  # quick_check of the database failed


@dataclass(frozen=True)
class PortHolder:
    """The process that holds the backend's port, when it is not our child."""

    port: int
    pid: int | None
    name: str | None
    ours: bool  # a backend left behind by an earlier run of ERP Guardian


@dataclass(frozen=True)
class Failure:
    """The last thing that went wrong: a failed check, an exit, a start that was blocked."""

    time: datetime  # wall clock, UTC
    reason: Reason
    detail: str
    message: Message | None = None  # the detail as an id: each UI renders it in its language


@dataclass(frozen=True)
class ActiveWarning:
    """An early-warning rule that fired and has not cleared yet."""

    rule: str
    title: str
    value: float
    threshold: float
    unit: str
    hint: str
    since: datetime
    # title and hint as ids: English above is render(..., "en") of these
    title_message: Message | None = None
    hint_message: Message | None = None


@dataclass(frozen=True)
class Event:
    """One thing the watchdog did or saw. Written to events.jsonl as to_dict()."""

    name: EventName
    level: Level
    state: State
    previous: State | None
    reason: Reason
    detail: str
    time: datetime  # wall clock, UTC, for display only
    pid: int | None = None
    attempt: int = 0  # restart attempt within the current window
    outage_s: float | None = None
    latency_ms: float | None = None
    exit_code: int | None = None
    data: dict[str, Any] = field(default_factory=dict)  # extra figures (stats, warnings)
    # The detail as an id with parameters (None: a technical text with no translation, such as
    # a log file's I/O error); `detail` is its English rendering.
    message: Message | None = None

    def to_dict(self, with_message: bool = False) -> dict[str, Any]:
        """time, level and event name first, so a line of events.jsonl reads left to right.

        events.jsonl keeps its form without the message (its English detail is the log's
        vocabulary, and the summary's fast path reads flat lines); the web API and incident
        reports ask `with_message` for the id and parameters."""
        fields = asdict(self)
        head = {"time": self.time.isoformat(), "level": fields.pop("level"), "event": self.name}
        del fields["name"], fields["time"], fields["message"]
        if with_message:
            fields["message"] = self.message.to_dict() if self.message else None
        return {**head, **fields}


class GuidanceId(StrEnum):
    """What a yellow or red state means for the user; each UI words it from its catalogue."""

    STARTING = "starting"
    STOPPING = "stopping"
    NOT_ANSWERING = "not_answering"  # params: failures, threshold
    RESTARTING = "restarting"  # lines: the last output
    DEGRADED = "degraded"  # lines: what /health said
    DATABASE_LOCKED = "database_locked"  # params: database; lines: the programs holding it
    GAVE_UP = "gave_up"  # lines: the last output
    MISSING_MODULE = "missing_module"  # params: module; lines: the last output
    MISSING_PROGRAM = "missing_program"  # params: program
    PORT_IN_USE = "port_in_use"  # params: port, holder (name or ""), pid ("" if unknown)
    CANNOT_START = "cannot_start"  # lines: the spawn error
    DATABASE_DAMAGED = "database_damaged"  # params: database; lines: what quick_check found


class GuidanceAction(StrEnum):
    """A button a guidance offers; each UI wires it to what it can do."""

    OPEN_LOG = "open_log"
    TRY_AGAIN = "try_again"  # the start command
    CHECK_AND_FIX = "check_and_fix"  # the doctor's dialog (tray only)
    STOP_PORT_HOLDER = "stop_port_holder"
    RESTORE_BACKUP = "restore_backup"  # the backups window / list, where a restore is asked


@dataclass(frozen=True)
class Guidance:
    """What happened and what the user can do, as ids and values, never as sentences."""

    id: GuidanceId
    params: dict[str, str] = field(default_factory=dict)
    lines: tuple[str, ...] = ()  # evidence: output lines, lock holders, an error
    actions: tuple[GuidanceAction, ...] = ()

"""Starting the backend: a free port first (replacing a backend left by an earlier run of
ours), then the spawn. A port held by someone else, or a command that cannot run, is BLOCKED:
the reason is shown and the start is tried again after backoff_max, without hammering."""

from __future__ import annotations

import socket
import time
from collections.abc import Callable
from datetime import datetime

from tray_app.i18n.catalogue import Message, MessageId, render
from tray_app.watchdog.checks import STARTUP_POLL_S, CheckCounters
from tray_app.watchdog.launch import launch_spec
from tray_app.watchdog.listener import GuardianListener
from tray_app.watchdog.model import EventName, Failure, Level, PortHolder, Reason, State
from tray_app.watchdog.platform import ProcessPlatform
from tray_app.watchdog.ports import LockFile, identify_holder, kill_process_tree, port_is_free
from tray_app.watchdog.process import BackendProcess, OutputSink
from tray_app.watchdog.readings import ReadingCollector
from tray_app.watchdog.runtime import Runtime
from tray_app.watchdog.transitions import Transitions

PORT_RELEASE_WAIT_S = 0.5  # leftovers of a backend just killed need a moment to free the port
STALE_RELEASE_WAIT_S = 2.0

ExitSink = Callable[[BackendProcess, int], None]

# Starts someone wanted: a user's start or restart, new settings, the optional memory-limit
# and daily restarts. They are not trouble, so the "frequent restarts" warning leaves them out.
PLANNED_START_REASONS = frozenset({Reason.USER, Reason.STARTUP, Reason.RSS_LIMIT, Reason.SCHEDULED})


class Starter:
    """Spawns the backend and finds out why it cannot be spawned."""

    def __init__(
        self,
        runtime: Runtime,
        transitions: Transitions,
        platform: ProcessPlatform,
        lock_file: LockFile,
        readings: ReadingCollector,
        on_output: OutputSink,
        on_exit: ExitSink,
        clock: Callable[[], float],
        wall_clock: Callable[[], datetime],
        listener: GuardianListener,
    ) -> None:
        """on_output and on_exit are called on the process's own threads."""
        self._listener = listener
        self._rt = runtime
        self._transitions = transitions
        self._platform = platform
        self._lock_file = lock_file
        self._readings = readings
        self._on_output = on_output
        self._on_exit = on_exit
        self._clock = clock
        self._wall = wall_clock

    def spawn(self, reason: Reason, detail: str | Message) -> None:
        """Start the backend now (-> STARTING), unless its port is taken (-> BLOCKED)."""
        rt = self._rt
        if rt.shutting_down:
            return
        ready, sock = self._listening_socket()
        if not ready:
            return
        try:
            process = BackendProcess(
                launch_spec(rt.config),
                self._platform,
                on_output=self._on_output,
                on_exit=lambda code: self._on_exit(process, code),
                clock=self._clock,
                listen_socket=sock,
            )
        except OSError as error:
            missing = isinstance(error, FileNotFoundError)
            rt.missing_program = (
                str(error.filename or launch_spec(rt.config).argv[0]) if missing else None
            )
            self.block(Reason.SPAWN_FAILED, Message(MessageId.SPAWN_FAILED, {"error": str(error)}))
            return
        now = self._clock()
        if rt.spawned_once:
            rt.restart_count += 1
            if reason not in PLANNED_START_REASONS:
                self._readings.note_restart(now)
        rt.spawned_once = True
        self._readings.forget_backend()
        rt.process = process
        rt.started_mono = process.started_at
        self._lock_file.write(process.pid, rt.config.port)
        self.reset_checks(now)
        rt.port_holder = None
        rt.missing_program = None
        rt.next_start_at = None
        # STOPPED/STOPPING/BACKOFF/GAVE_UP/BLOCKED/PAUSED -> STARTING
        started = Message(MessageId.STARTED_PID, {"what": detail, "pid": process.pid})
        self._transitions.move(State.STARTING, EventName.STARTING, reason, started)
        rt.due = now + STARTUP_POLL_S

    def adopt(self, process: BackendProcess, reason: Reason, detail: Message) -> None:
        """The promoted standby serves from now on (BACKOFF -> STARTING), checked at once."""
        rt = self._rt
        now = self._clock()
        rt.restart_count += 1
        self._readings.note_restart(now)
        self._readings.forget_backend()
        rt.process = process
        rt.started_mono = now
        self._lock_file.write(process.pid, rt.config.port)
        self.reset_checks(now)
        rt.next_start_at = None
        self._transitions.move(  # BACKOFF -> STARTING
            State.STARTING, EventName.PROMOTED, reason, detail, pid=process.pid
        )
        rt.due = now

    def _listening_socket(self) -> tuple[bool, socket.socket | None]:
        """(may spawn, the guardian's socket to hand over or None). The socket is bound once
        and kept: while it is open the port is ours, whoever serves it."""
        config = self._rt.config
        if not launch_spec(config).takes_socket:
            self._listener.close()
            return self._port_available(), None
        sock = self._listener.socket_for(config.host, config.port)
        if sock is not None:
            return True, sock
        self._listener.close()
        if not self._port_available():
            return False, None
        try:
            return True, self._listener.bind(config.host, config.port)
        except OSError as error:
            self.block(Reason.PORT_IN_USE, f"cannot listen on {config.host}:{config.port}: {error}")
            return False, None

    def reset_checks(self, now: float) -> None:
        """A new (or resumed) process starts with fresh counters and its startup grace."""
        self._rt.counters = CheckCounters.fresh(now, self._rt.config.startup_grace)

    def block(self, reason: Reason, message: str | Message) -> None:
        """Cannot start at all: say why, and look again after backoff_max (no hammering)."""
        rt = self._rt
        now = self._clock()
        rt.next_start_at = rt.due = now + max(rt.config.backoff_max, 1.0)
        rt.outage_started = rt.outage_started or now
        detail = render(message, "en") if isinstance(message, Message) else message
        words = message if isinstance(message, Message) else None
        rt.last_failure = Failure(self._wall(), reason, detail, words)
        transitions = self._transitions
        if transitions.state is State.BLOCKED and transitions.detail == detail:
            return  # still the same obstacle: one event says it, the snapshot shows the retry
        # any state that may spawn -> BLOCKED
        transitions.move(State.BLOCKED, EventName.BLOCKED, reason, message, Level.ERROR)

    def stop_port_holder(self) -> None:
        """The user agreed: kill the program on our port and start at once."""
        holder = self._rt.port_holder
        if self._transitions.state is not State.BLOCKED or holder is None or holder.pid is None:
            return
        kill_process_tree(holder.pid, timeout_s=self._rt.config.stop_timeout)
        self.wait_port_free(timeout_s=STALE_RELEASE_WAIT_S)
        name = holder.name or Message(MessageId.THE_OTHER_PROGRAM)
        self.spawn(Reason.USER, Message(MessageId.START_AFTER_PORT_HOLDER, {"holder": name}))

    def wait_port_free(self, timeout_s: float) -> bool:
        config = self._rt.config
        deadline = self._clock() + timeout_s
        while not port_is_free(self._platform, config.host, config.port):
            if self._clock() >= deadline:
                return False
            time.sleep(0.01)
        return True

    def _port_available(self) -> bool:
        if self.wait_port_free(timeout_s=PORT_RELEASE_WAIT_S):
            return True
        config = self._rt.config
        holder = identify_holder(config.port, self._lock_file.read())
        if holder.ours and holder.pid is not None:
            kill_process_tree(holder.pid, timeout_s=config.stop_timeout)
            self._lock_file.remove()
            self._transitions.announce(
                EventName.STALE_REPLACED,
                Reason.PORT_IN_USE,
                Message(MessageId.STALE_REPLACED, {"pid": holder.pid}),
                Level.WARNING,
                pid=holder.pid,
            )
            if self.wait_port_free(timeout_s=STALE_RELEASE_WAIT_S):
                return True
        self._rt.port_holder = holder
        self.block(Reason.PORT_IN_USE, describe_holder(holder))
        return False


def describe_holder(holder: PortHolder) -> Message:
    if holder.pid is None:
        return Message(MessageId.PORT_USED, {"port": holder.port})
    name = holder.name or Message(MessageId.ANOTHER_PROGRAM)
    return Message(MessageId.PORT_USED_BY, {"port": holder.port, "name": name, "pid": holder.pid})

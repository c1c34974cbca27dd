"""The supervisor: one loop that owns the backend process and every state change.

Other threads never touch the loop's state: they queue commands (start, stop, restart, ...)
and the exit watcher queues exits; both set one wake-up event, so a crash or a click is handled
at once instead of at the next check. The work is done by parts that share the loop's
`Runtime`: `starting`, `probing` (with the pure verdicts of `checks`), `stopping`, `commands`,
`watching`, `standby` and `stats_events`; every state change goes through
`transitions.Transitions.move`.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from tray_app.config import GuardianConfig
from tray_app.i18n.catalogue import Message, MessageId
from tray_app.watchdog.commands import Command, CommandHandler, policy_settings
from tray_app.watchdog.listener import GuardianListener
from tray_app.watchdog.model import RUNNING_STATES, Event, Reason, State
from tray_app.watchdog.monitoring import Monitoring
from tray_app.watchdog.platform import ProcessPlatform, current
from tray_app.watchdog.policy import RestartPolicy
from tray_app.watchdog.ports import LockFile
from tray_app.watchdog.probing import HealthChecks
from tray_app.watchdog.process import BackendProcess, OutputSink
from tray_app.watchdog.publishing import EventHub, Listener
from tray_app.watchdog.recovery_check import DatabaseCheckFn, PreRestartBackup, RecoveryCheck
from tray_app.watchdog.runtime import Runtime
from tray_app.watchdog.snapshot import Snapshot, build_snapshot
from tray_app.watchdog.standby import StandbyKeeper
from tray_app.watchdog.starting import Starter
from tray_app.watchdog.stats_events import StatsEvents
from tray_app.watchdog.stopping import Stopper
from tray_app.watchdog.transitions import Transitions
from tray_app.watchdog.watching import Watching


def _utc_now() -> datetime:
    return datetime.now(UTC)


class Supervisor:
    """Keeps one backend alive. Run `run()` in a thread of your choice; talk to it from any."""

    def __init__(
        self,
        config: GuardianConfig,
        *,
        output_sink: OutputSink | None = None,
        platform: ProcessPlatform | None = None,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], datetime] = _utc_now,
        database_check: DatabaseCheckFn | None = None,
        pre_restart_backup: PreRestartBackup | None = None,
    ) -> None:
        """database_check and pre_restart_backup run before a restart after a crash or hang
        (`recovery_check.py`); the check defaults to quick_check, the backup to none."""
        self._clock = clock
        self._wall = wall_clock
        self._output_sink: OutputSink = output_sink or (lambda _line: None)
        self._commands: queue.SimpleQueue[tuple[Command, Any]] = queue.SimpleQueue()
        self._exits: queue.SimpleQueue[tuple[BackendProcess, int]] = queue.SimpleQueue()
        self._wake = threading.Event()
        platform = platform or current()
        lock_file = LockFile(config.data_path / "backend.lock")
        rt = self._rt = Runtime(config)
        self._policy = RestartPolicy(policy_settings(config))
        self._monitoring = Monitoring(config, wall_clock)
        self._readings = self._monitoring.readings
        self._hub = EventHub(rt, self._monitoring, wall_clock)
        self._transitions = Transitions(
            rt, self._hub.publish, lambda: self._policy.attempt, wall_clock, self._refresh
        )
        self.recovery = RecoveryCheck(
            rt, self._transitions, database_check, pre_restart_backup, clock, wall_clock
        )
        # The guardian's socket and the warm standby (listener.py, standby.py).
        self._listener = GuardianListener(platform)
        self._standby = StandbyKeeper(
            rt, self._transitions, platform, self._on_output, self._on_process_exit,
            self._wake.set, clock, wall_clock,
        )  # fmt: skip
        self._starter = Starter(
            rt,
            self._transitions,
            platform,
            lock_file,
            self._readings,
            self._on_output,
            self._on_process_exit,
            clock,
            wall_clock,
            self._listener,
        )
        self._stopper = Stopper(
            rt, self._transitions, self._starter, self._policy, platform, lock_file,
            self._hub.incidents, clock, wall_clock, self._standby, self._listener, self.recovery,
        )  # fmt: skip
        self._stats = StatsEvents(
            rt, lambda: self._transitions.state, self._hub.publish, wall_clock
        )
        self._checks = HealthChecks(
            rt,
            self._transitions,
            self._stopper,
            self._policy,
            self._readings,
            lambda: not self._exits.empty(),
            clock,
            wall_clock,
        )
        self._watching = Watching(rt, self._transitions, self._monitoring, self._stopper)
        self._handler = CommandHandler(
            rt,
            self._transitions,
            self._starter,
            self._stopper,
            self._checks,
            self._watching,
            self._policy,
        )
        self._snapshot = self._build_snapshot()

    # ----------------------------------------------------------------- public, any thread
    @property
    def config(self) -> GuardianConfig:
        return self._rt.config

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call listener(event) on the engine thread for every event; returns an unsubscribe."""
        return self._hub.subscribe(listener)

    def snapshot(self) -> Snapshot:
        """The state at this moment; safe from any thread."""
        snap, started = self._snapshot, self._rt.started_mono
        uptime = None if started is None or snap.pid is None else self._clock() - started
        return replace(snap, uptime_s=uptime, time=self._wall())

    def recent_events(self, limit: int = 100) -> list[Event]:
        return self._hub.recent(limit)

    def start(self) -> None:
        self._send(Command.START)

    def stop(self) -> None:
        self._send(Command.STOP)

    def restart(self) -> None:
        self._send(Command.RESTART)

    def pause(self) -> None:
        self._send(Command.PAUSE)

    def resume(self) -> None:
        self._send(Command.RESUME)

    def reconfigure(self, config: GuardianConfig) -> None:
        self._send(Command.RECONFIGURE, config)

    def stop_port_holder(self) -> None:
        """Kill the program holding the backend's port. Ask the user first if it is not ours."""
        self._send(Command.STOP_PORT_HOLDER)

    def report_log_error(self, detail: str) -> None:
        """A log file could not be written: published as a log_error event (any thread)."""
        self._send(Command.LOG_ERROR, detail)

    def request_shutdown(self) -> None:
        """Stop supervising, stop the backend, and let run() return."""
        self._send(Command.SHUTDOWN)

    def run_in_thread(self) -> threading.Thread:
        thread = threading.Thread(target=self.run, name="watchdog", daemon=True)
        thread.start()
        return thread

    def run(self) -> None:
        """The engine loop. Spawns the backend, then waits on one wake-up until shutdown."""
        self._starter.spawn(Reason.STARTUP, Message(MessageId.START_STARTUP))  # STOPPED -> STARTING
        while not self.step():
            self._wake.wait(self._wait_timeout())
            self._wake.clear()
        self._checks.close()
        self._standby.close(self._rt.config.stop_timeout)
        self._listener.close()

    def step(self) -> bool:
        """One pass of the loop: exits, commands, what is due. True once the loop is done.

        run() calls it after every wake-up; tests with a fake clock call it directly."""
        rt = self._rt
        self._handle_exits()
        self._handle_commands()
        now = self._clock()
        if rt.due is not None and now >= rt.due and not rt.finished:
            rt.due = None
            self._on_due(now)
        self._stats.tick(now)
        self._watching.tick(now)
        # A standby is warmed once the serving process has passed checks for one interval:
        # its warm-up does not compete with a cold start.
        since = rt.counters.healthy_since
        serving = self._transitions.state in (State.HEALTHY, State.DEGRADED) and (
            since is not None and now - since >= rt.config.check_interval
        )
        self._standby.tick(now, serving, self._listener.socket_for(rt.config.host, rt.config.port))
        self._refresh()
        return rt.finished

    # ----------------------------------------------------------------- loop plumbing
    def _send(self, command: Command, argument: Any = None) -> None:
        self._commands.put((command, argument))
        self._wake.set()

    def _on_output(self, line: bytes) -> None:
        self._readings.note_output(line, self._clock())  # called on the output thread
        self._output_sink(line)

    def _on_process_exit(self, process: BackendProcess, returncode: int) -> None:
        self._exits.put((process, returncode))  # called on the exit watcher thread
        self._wake.set()

    def _wait_timeout(self) -> float | None:
        candidates = (
            self._rt.due, self._stats.next_due(), self._monitoring.next_due(),
            self._standby.next_due(),
        )  # fmt: skip
        deadlines = [t for t in candidates if t is not None]
        if not deadlines:
            return None
        return max(0.0, min(deadlines) - self._clock())

    def _handle_exits(self) -> None:
        while True:
            try:
                process, returncode = self._exits.get_nowait()
            except queue.Empty:
                return
            if process is self._rt.process:
                self._stopper.on_exit(process, returncode)
            elif self._standby.owns(process):
                self._standby.on_exit(process, returncode)

    def _handle_commands(self) -> None:
        while True:
            try:
                command, argument = self._commands.get_nowait()
            except queue.Empty:
                return
            self._handler.handle(command, argument, self._clock())

    def _on_due(self, now: float) -> None:
        state = self._transitions.state
        if state in RUNNING_STATES:
            self._checks.check(now)
        elif state is State.STOPPING:
            self._stopper.kill_after_timeout()
        elif state is State.BACKOFF:
            if self.recovery.before_restart():  # quick_check, then the backup
                self._stopper.hold_damaged()  # BACKOFF -> BLOCKED
                return
            failure = self._rt.last_failure
            reason = failure.reason if failure else Reason.EXIT_CODE
            self._starter.spawn(reason, Message(MessageId.START_AGAIN))  # BACKOFF -> STARTING
        elif state is State.GAVE_UP:
            self._policy.on_cooldown_retry()
            self._starter.spawn(Reason.COOLDOWN, Message(MessageId.START_COOLDOWN))
        elif state is State.BLOCKED:
            self._starter.spawn(
                Reason.PORT_IN_USE, Message(MessageId.START_RETRY)
            )  # BLOCKED -> STARTING

    def _refresh(self) -> None:
        self._snapshot = self._build_snapshot()

    def _build_snapshot(self) -> Snapshot:
        transitions = self._transitions
        snapshot = build_snapshot(
            self._rt,
            transitions.state,
            transitions.message or transitions.detail,
            self._policy.attempt,
            self._monitoring.active(),
            self._clock(),
            self._wall(),
        )
        return replace(snapshot, standby=self._standby.info(), promotions=self._standby.promotions)

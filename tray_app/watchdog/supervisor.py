"""The supervisor: one loop that owns the backend process and every state change.

Other threads never touch the loop's state: they queue commands (start, stop, restart, ...)
and the exit watcher queues exits; both set one wake-up event, so a crash or a click is handled
at once instead of at the next check. Every state change goes through `_transition`, which
checks that the move is legal and publishes exactly one frozen Event.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

from tray_app.config import GuardianConfig
from tray_app.watchdog import stats
from tray_app.watchdog.incidents import IncidentTracker
from tray_app.watchdog.launch import launch_spec
from tray_app.watchdog.model import (
    HEALTH_OF_STATE,
    ActiveWarning,
    Event,
    EventName,
    Level,
    PortHolder,
    Reason,
    Snapshot,
    State,
)
from tray_app.watchdog.monitoring import Monitoring
from tray_app.watchdog.platform import ProcessPlatform, current
from tray_app.watchdog.policy import PolicySettings, RestartPolicy
from tray_app.watchdog.ports import LockFile, identify_holder, kill_process_tree, port_is_free
from tray_app.watchdog.probe import CheckResult, HealthProbe
from tray_app.watchdog.process import BackendProcess, OutputSink
from tray_app.watchdog.transitions import check_transition

log = logging.getLogger("erp_guardian.watchdog")

Listener = Callable[[Event], None]

STARTUP_POLL_S = 0.025  # fast checks while starting, so recovery costs little beyond cold start
EVENT_HISTORY = 500
PORT_RELEASE_WAIT_S = 0.5
OUTPUT_DRAIN_S = 0.05


class Command(StrEnum):
    START = "start"
    STOP = "stop"
    RESTART = "restart"
    PAUSE = "pause"
    RESUME = "resume"
    RECONFIGURE = "reconfigure"
    STOP_PORT_HOLDER = "stop_port_holder"
    LOG_ERROR = "log_error"
    SHUTDOWN = "shutdown"


class StopIntent(StrEnum):
    """What to do once a stopping backend is gone."""

    STOP = "stop"
    SHUTDOWN = "shutdown"
    RESTART = "restart"  # user restart or new settings: start again at once
    RECOVER = "recover"  # the backend hung: restart under the restart policy


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _policy_settings(config: GuardianConfig) -> PolicySettings:
    return PolicySettings(
        backoff_initial=config.backoff_initial,
        backoff_max=config.backoff_max,
        max_restarts=config.max_restarts,
        restart_window=config.restart_window,
        giveup_cooldown=config.giveup_cooldown,
        stable_after=config.stable_after,
    )


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
    ) -> None:
        self._config = config
        self._platform = platform or current()
        self._clock = clock
        self._wall = wall_clock
        self._output_sink: OutputSink = output_sink or (lambda _line: None)
        self._listeners: list[Listener] = []
        self._listeners_lock = threading.Lock()
        self._commands: queue.SimpleQueue[tuple[Command, Any]] = queue.SimpleQueue()
        self._exits: queue.SimpleQueue[tuple[BackendProcess, int]] = queue.SimpleQueue()
        self._wake = threading.Event()
        self._history: deque[Event] = deque(maxlen=EVENT_HISTORY)
        self._history_lock = threading.Lock()
        self._lock_file = LockFile(config.data_path / "backend.lock")
        self._probe = HealthProbe(config.effective_health_url)
        self._policy = RestartPolicy(_policy_settings(config))
        self._monitoring = Monitoring(config, wall_clock)
        self._readings = self._monitoring.readings
        self._incidents = IncidentTracker()
        self._exited_tail: list[str] = []
        # Loop-thread state below: read and written by the loop thread only.
        self._state = State.STOPPED
        self._detail = "not started"
        self._process: BackendProcess | None = None
        self._due: float | None = None
        self._next_stats = 0.0
        self._grace_until = 0.0
        self._failures = 0
        self._first_failure_at: float | None = None
        self._outage_started: float | None = None
        self._ever_healthy = False
        self._healthy_since: float | None = None
        self._budget_restored = True
        self._stop_intent: StopIntent | None = None
        self._stop_reason = Reason.USER  # why the current stop was asked for
        self._stop_deadline: float | None = None
        self._killed = False
        self._restart_count = 0
        self._spawned_once = False
        self._last_check: CheckResult | None = None
        self._last_check_at: datetime | None = None
        self._last_failure: tuple[datetime, Reason, str] | None = None
        self._next_start_at: float | None = None
        self._port_holder: PortHolder | None = None
        self._shutting_down = False
        self._finished = False
        self._started_mono: float | None = None
        self._snapshot = self._build_snapshot()

    # ----------------------------------------------------------------- public, any thread
    @property
    def config(self) -> GuardianConfig:
        return self._config

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call listener(event) on the engine thread for every event; returns an unsubscribe."""
        with self._listeners_lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._listeners_lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def snapshot(self) -> Snapshot:
        """The state at this moment; safe from any thread."""
        snap, started = self._snapshot, self._started_mono
        uptime = None if started is None or snap.pid is None else self._clock() - started
        return replace(snap, uptime_s=uptime, time=self._wall())

    def recent_events(self, limit: int = 100) -> list[Event]:
        with self._history_lock:
            events = list(self._history)
        return events[-limit:] if limit > 0 else []

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
        self._spawn(Reason.STARTUP, "starting the backend")
        while not self._finished:
            self._handle_exits()
            self._handle_commands()
            now = self._clock()
            if self._due is not None and now >= self._due and not self._finished:
                self._due = None
                self._on_due(now)
            self._maybe_stats(now)
            self._watch(now)
            self._snapshot = self._build_snapshot()
            if self._finished:
                break
            self._wake.wait(self._wait_timeout())
            self._wake.clear()
        self._probe.close()

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
        candidates = (self._due, self._stats_due(), self._monitoring.next_due())
        deadlines = [t for t in candidates if t is not None]
        if not deadlines:
            return None
        return max(0.0, min(deadlines) - self._clock())

    def _stats_due(self) -> float | None:
        return self._next_stats if self._config.stats_interval > 0 else None

    def _handle_exits(self) -> None:
        while True:
            try:
                process, returncode = self._exits.get_nowait()
            except queue.Empty:
                return
            if process is self._process:
                self._on_exit(process, returncode)

    def _handle_commands(self) -> None:
        while True:
            try:
                command, argument = self._commands.get_nowait()
            except queue.Empty:
                return
            self._on_command(command, argument)

    def _on_due(self, now: float) -> None:
        state = self._state
        if state in (State.STARTING, State.HEALTHY, State.DEGRADED, State.UNHEALTHY):
            self._check(now)
        elif state is State.STOPPING:
            self._kill_after_timeout()
        elif state is State.BACKOFF:
            reason = self._last_failure[1] if self._last_failure else Reason.EXIT_CODE
            self._spawn(reason, "starting the backend again")
        elif state is State.GAVE_UP:
            self._policy.on_cooldown_retry()
            self._spawn(Reason.COOLDOWN, "one more try after giving up")
        elif state is State.BLOCKED:
            self._spawn(Reason.PORT_IN_USE, "trying again")

    # ----------------------------------------------------------------- transitions
    def _transition(
        self,
        new_state: State,
        name: EventName,
        reason: Reason,
        detail: str,
        level: Level = Level.INFO,
        **extra: Any,
    ) -> None:
        """The one place where the state changes and an event is published."""
        previous = self._state
        check_transition(previous, new_state)
        self._state = new_state
        if new_state is not previous or name in (EventName.BLOCKED, EventName.STARTING):
            self._detail = detail
        process = self._process
        event = Event(
            name=name,
            level=level,
            state=new_state,
            previous=previous,
            reason=reason,
            detail=detail,
            time=self._wall(),
            pid=extra.pop("pid", process.pid if process else None),
            attempt=self._policy.attempt,
            **extra,
        )
        self._snapshot = self._build_snapshot()
        self._publish(event)

    def _publish(self, event: Event) -> None:
        if event.name is not EventName.STATS:
            with self._history_lock:
                self._history.append(_light(event))
        process = self._process
        tail = list(process.tail) if process else self._exited_tail
        self._incidents.observe(event, tail, self._monitoring.last_reading)
        with self._listeners_lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(event)
            except Exception:  # a faulty listener must not stop the watchdog
                log.exception("event listener failed")
        if self._incidents.is_open and _ends_outage(event):
            self._publish_incident(event)

    def _publish_incident(self, ending: Event) -> None:
        recovered = ending.name is EventName.RECOVERED
        report = self._incidents.close(ending.time, recovered, ending.outage_s)
        outcome = (
            f"recovered after {ending.outage_s:.1f} s"
            if recovered and ending.outage_s is not None
            else "not recovered: " + ending.detail
        )
        self._publish(
            Event(
                name=EventName.INCIDENT,
                level=Level.INFO if recovered else Level.ERROR,
                state=ending.state,
                previous=None,
                reason=Reason(report["reason"]),
                detail=f"incident {report['id']}: {report['detail']}; {outcome}",
                time=self._wall(),
                pid=ending.pid,
                outage_s=ending.outage_s,
                data=report,
            )
        )

    # ----------------------------------------------------------------- starting
    def _spawn(self, reason: Reason, detail: str) -> None:
        """Start the backend now, unless its port is taken (then BLOCKED)."""
        if self._shutting_down:
            return
        config = self._config
        if not self._port_available(config):
            return
        try:
            process = BackendProcess(
                launch_spec(config),
                self._platform,
                on_output=self._on_output,
                on_exit=lambda code: self._on_process_exit(process, code),
                clock=self._clock,
            )
        except OSError as error:
            self._block(Reason.SPAWN_FAILED, f"the backend could not be started: {error}")
            return
        now = self._clock()
        if self._spawned_once:
            self._restart_count += 1
            self._readings.note_restart(now)
        self._spawned_once = True
        self._readings.forget_backend()
        self._process = process
        self._started_mono = process.started_at
        self._lock_file.write(process.pid, config.port)
        self._reset_check_state(now)
        self._port_holder = None
        self._next_start_at = None
        self._transition(
            State.STARTING, EventName.STARTING, reason, f"{detail} (PID {process.pid})"
        )
        self._due = now + STARTUP_POLL_S

    def _reset_check_state(self, now: float) -> None:
        self._grace_until = now + self._config.startup_grace
        self._failures = 0
        self._first_failure_at = None
        self._ever_healthy = False
        self._healthy_since = None

    def _port_available(self, config: GuardianConfig) -> bool:
        # Leftovers of a backend just killed need a moment to die and release the port.
        if self._wait_port_free(config, timeout_s=PORT_RELEASE_WAIT_S):
            return True
        holder = identify_holder(config.port, self._lock_file.read())
        if holder.ours and holder.pid is not None:
            kill_process_tree(holder.pid, timeout_s=config.stop_timeout)
            self._lock_file.remove()
            self._transition(
                self._state,
                EventName.STALE_REPLACED,
                Reason.PORT_IN_USE,
                f"stopped a backend left by an earlier run (PID {holder.pid})",
                Level.WARNING,
                pid=holder.pid,
            )
            if self._wait_port_free(config, timeout_s=2.0):
                return True
        self._port_holder = holder
        self._block(Reason.PORT_IN_USE, _describe_holder(holder))
        return False

    def _wait_port_free(self, config: GuardianConfig, timeout_s: float) -> bool:
        deadline = self._clock() + timeout_s
        while not port_is_free(self._platform, config.host, config.port):
            if self._clock() >= deadline:
                return False
            time.sleep(0.01)
        return True

    def _block(self, reason: Reason, detail: str) -> None:
        """Cannot start at all: say why, and look again after backoff_max (no hammering)."""
        retry_s = max(self._config.backoff_max, 1.0)
        now = self._clock()
        self._next_start_at = now + retry_s
        self._due = now + retry_s
        self._outage_started = self._outage_started or now
        self._last_failure = (self._wall(), reason, detail)
        if self._state is State.BLOCKED and self._detail == detail:
            return  # still the same obstacle: one event says it, the snapshot shows the retry
        self._transition(State.BLOCKED, EventName.BLOCKED, reason, detail, Level.ERROR)

    # ----------------------------------------------------------------- checks
    def _check(self, started: float) -> None:
        result = self._probe.check(self._config.check_timeout)
        now = self._clock()
        if not self._exits.empty():
            self._due = now  # the process ended during the check: its exit explains it
            return
        self._last_check = result
        self._last_check_at = self._wall()
        if result.alive:
            self._readings.note_latency(result.latency_ms)
            self._on_check_passed(result, now)
        else:
            self._on_check_failed(result, now)
        if self._state in (State.HEALTHY, State.DEGRADED, State.UNHEALTHY, State.STARTING):
            interval = (
                STARTUP_POLL_S if self._state is State.STARTING else self._config.check_interval
            )
            self._due = max(started + interval, now)

    def _on_check_passed(self, result: CheckResult, now: float) -> None:
        self._failures = 0
        self._first_failure_at = None
        target = State.DEGRADED if result.degraded else State.HEALTHY
        if self._state is State.STARTING:
            self._ever_healthy = True
            self._policy.on_healthy()
        if self._state is not target:
            self._announce_health(target, result, now)
        if self._healthy_since is None:
            self._healthy_since = now
            self._budget_restored = False
        if not self._budget_restored and self._policy.is_stable(self._healthy_since, now):
            self._budget_restored = True
            if self._policy.restore_budget():
                self._transition(
                    self._state,
                    EventName.BUDGET_RESTORED,
                    Reason.STABLE,
                    f"stable for {self._config.stable_after:g} s: restart budget restored",
                )

    def _announce_health(self, target: State, result: CheckResult, now: float) -> None:
        latency = round(result.latency_ms, 2)
        if self._outage_started is not None:
            outage_s = round(now - self._outage_started, 3)
            self._outage_started = None
            level = Level.WARNING if target is State.DEGRADED else Level.INFO
            detail = f"back after an outage of {outage_s:.1f} s"
            if target is State.DEGRADED:
                detail += f", but {result.detail}"
            self._transition(
                target,
                EventName.RECOVERED,
                Reason.CHECK_PASSED,
                detail,
                level,
                outage_s=outage_s,
                latency_ms=latency,
            )
        elif target is State.DEGRADED:
            self._transition(
                target,
                EventName.DEGRADED,
                Reason.DEPENDENCY,
                result.detail,
                Level.WARNING,
                latency_ms=latency,
            )
        else:
            self._transition(
                target, EventName.HEALTHY, Reason.CHECK_PASSED, result.detail, latency_ms=latency
            )

    def _on_check_failed(self, result: CheckResult, now: float) -> None:
        if self._state is State.STARTING and now < self._grace_until:
            return  # not counted until the first pass or the end of startup_grace
        self._failures += 1
        self._healthy_since = None
        self._first_failure_at = self._first_failure_at or now
        self._last_failure = (self._wall(), result.reason, result.detail)
        threshold = self._config.failure_threshold
        detail = f"check {self._failures} of {threshold} failed: {result.detail}"
        if self._state is State.STARTING:
            detail = f"not healthy within the startup grace; {detail}"
        if self._failures >= threshold:
            self._declare_hung(result, detail)
            return
        self._transition(
            State.UNHEALTHY,
            EventName.CHECK_FAILED,
            result.reason,
            detail,
            Level.WARNING,
            latency_ms=round(result.latency_ms, 2),
        )

    def _declare_hung(self, result: CheckResult, detail: str) -> None:
        process = self._process
        if process is None:
            return
        self._outage_started = self._first_failure_at or self._clock()
        if not self._config.backend_cmd:
            # Only the bundled backend registers faulthandler on SIGUSR1; for any other
            # program the signal's default action would end it before its graceful stop.
            process.request_stack_dump()
        self._begin_stop(StopIntent.RECOVER)
        timeout = 0.0 if process.is_suspended() else self._config.hung_stop_timeout
        self._stop_deadline = self._clock() + timeout
        self._due = self._stop_deadline
        self._transition(
            State.STOPPING,
            EventName.HUNG,
            Reason.HANG,
            f"backend hung ({detail})",
            Level.ERROR,
            latency_ms=round(result.latency_ms, 2),
        )

    # ----------------------------------------------------------------- stopping
    def _begin_stop(self, intent: StopIntent) -> None:
        process = self._process
        assert process is not None
        self._stop_intent = intent
        self._killed = False
        self._stop_deadline = self._clock() + self._config.stop_timeout
        self._due = self._stop_deadline
        process.request_stop()

    def _stop_process(self, intent: StopIntent, reason: Reason, detail: str) -> None:
        self._begin_stop(intent)
        self._stop_reason = reason
        self._transition(State.STOPPING, EventName.STOPPING, reason, detail)

    def _kill_after_timeout(self) -> None:
        process = self._process
        if process is None:
            return
        process.kill_tree()
        if not self._killed:
            self._killed = True
            self._transition(
                State.STOPPING,
                EventName.KILLED,
                Reason.STOP_TIMEOUT,
                f"killed the backend's process tree (PID {process.pid}): it did not stop in time",
                Level.WARNING,
            )
        self._due = self._clock() + 1.0  # kill again if the exit still has not come

    def _on_exit(self, process: BackendProcess, returncode: int) -> None:
        process.reap_leftovers()
        process.drain_output(OUTPUT_DRAIN_S)  # its last lines (a stack dump) belong to the report
        self._exited_tail = list(process.tail)
        self._incidents.refresh_tail(self._exited_tail)
        self._lock_file.remove()
        self._process = None
        self._started_mono = None
        self._due = None
        is_signal, how = self._platform.describe_exit(returncode)
        reason = Reason.SIGNAL if is_signal else Reason.EXIT_CODE
        if self._state is State.STOPPING:
            self._finish_stop(how, process.pid)
        elif self._state is State.PAUSED:
            self._transition(
                State.PAUSED,
                EventName.EXITED,
                reason,
                f"backend ended while paused: {how}",
                Level.WARNING,
                pid=process.pid,
                exit_code=returncode,
            )
        else:
            now = self._clock()
            self._outage_started = self._outage_started or now
            self._last_failure = (self._wall(), reason, f"backend ended: {how}")
            self._recover(
                EventName.EXITED, reason, f"backend ended: {how}", process.pid, returncode
            )

    def _finish_stop(self, how: str, pid: int) -> None:
        intent = self._stop_intent
        self._stop_intent = None
        if intent is StopIntent.RESTART:
            self._spawn(self._stop_reason, "restarting the backend")
        elif intent is StopIntent.RECOVER:
            self._recover(
                EventName.STOPPED, Reason.HANG, f"hung backend stopped: {how}", None, None
            )
        else:
            reason = Reason.SHUTDOWN if intent is StopIntent.SHUTDOWN else Reason.USER
            self._transition(
                State.STOPPED, EventName.STOPPED, reason, f"backend stopped: {how}", pid=pid
            )
            self._finished = intent is StopIntent.SHUTDOWN

    def _recover(
        self, name: EventName, reason: Reason, detail: str, pid: int | None, code: int | None
    ) -> None:
        """After a crash or hang: back off and start again, or give up."""
        now = self._clock()
        decision = self._policy.on_failure(now, was_healthy=self._ever_healthy)
        if decision.give_up:
            self._transition(
                State.BACKOFF, name, reason, detail, Level.ERROR, pid=pid, exit_code=code
            )
            self._give_up(decision.retry_after_s, now)
            return
        self._next_start_at = now + decision.delay_s
        self._due = self._next_start_at
        when = "now" if decision.delay_s == 0 else f"in {decision.delay_s:g} s"
        self._transition(
            State.BACKOFF,
            name,
            reason,
            f"{detail}; restarting {when} (attempt {decision.attempt} of "
            f"{self._config.max_restarts})",
            Level.ERROR,
            pid=pid,
            exit_code=code,
            data={"delay_s": decision.delay_s},
        )

    def _give_up(self, retry_after_s: float | None, now: float) -> None:
        config = self._config
        if retry_after_s is None:
            self._next_start_at = None
            retry = "no automatic retry: restart it by hand"
        else:
            self._next_start_at = now + retry_after_s
            self._due = self._next_start_at
            at = self._wall() + timedelta(seconds=retry_after_s)
            retry = f"one more try at {at.astimezone().strftime('%H:%M:%S')}"
        self._transition(
            State.GAVE_UP,
            EventName.GAVE_UP,
            Reason.RESTART_LIMIT,
            f"gave up after {config.max_restarts} restarts within {config.restart_window:g} s; "
            f"{retry}",
            Level.CRITICAL,
        )

    # ----------------------------------------------------------------- commands
    def _on_command(self, command: Command, argument: Any) -> None:
        if self._shutting_down:
            return
        handler = getattr(self, f"_cmd_{command.value}")
        handler() if argument is None else handler(argument)

    def _cmd_start(self) -> None:
        if self._state is State.PAUSED:
            self._cmd_resume()
        elif self._process is None and self._state is not State.STOPPING:
            self._policy.restore_budget()
            self._spawn(Reason.USER, "started by the user")

    def _cmd_stop(self) -> None:
        if self._process is not None and self._state is not State.STOPPING:
            self._stop_process(StopIntent.STOP, Reason.USER, "stopping the backend on request")
        elif self._process is None and self._state is not State.STOPPED:
            self._due = None
            self._next_start_at = None
            self._transition(State.STOPPED, EventName.STOPPED, Reason.USER, "stopped on request")

    def _cmd_restart(self) -> None:
        self._policy.restore_budget()
        if self._process is None:
            if self._state is not State.STOPPING:
                self._spawn(Reason.USER, "started by the user")
        elif self._state is State.STOPPING:
            self._stop_intent, self._stop_reason = StopIntent.RESTART, Reason.USER
        else:
            self._stop_process(StopIntent.RESTART, Reason.USER, "restarting the backend on request")

    def _cmd_pause(self) -> None:
        if self._state not in (State.PAUSED, State.STOPPING):
            self._due = None
            self._transition(
                State.PAUSED,
                EventName.PAUSED,
                Reason.USER,
                "watchdog paused: the backend is not checked or restarted",
            )

    def _cmd_resume(self) -> None:
        if self._state is not State.PAUSED:
            return
        if self._process is None:
            self._spawn(Reason.USER, "watchdog resumed; starting the backend")
            return
        now = self._clock()
        self._reset_check_state(now)
        self._transition(State.STARTING, EventName.RESUMED, Reason.USER, "watchdog resumed")
        self._due = now

    def _cmd_reconfigure(self, config: GuardianConfig) -> None:
        old = self._config
        self._config = config
        self._policy.settings = _policy_settings(config)
        if config.effective_health_url != old.effective_health_url:
            self._probe.close()
            self._probe = HealthProbe(config.effective_health_url)
        if config.stats_interval != old.stats_interval:
            self._next_stats = self._clock()
        for change in self._monitoring.reconfigure(config, self._clock()):
            self._announce_warning(change.raised, change.warning)
        relaunch = launch_spec(config) != launch_spec(old)
        if relaunch and self._process is not None and self._state is not State.STOPPING:
            self._stop_process(StopIntent.RESTART, Reason.USER, "applying new settings")

    def _cmd_log_error(self, detail: str) -> None:
        self._transition(self._state, EventName.LOG_ERROR, Reason.LOG_IO, detail, Level.ERROR)

    def _cmd_stop_port_holder(self) -> None:
        holder = self._port_holder
        if self._state is not State.BLOCKED or holder is None or holder.pid is None:
            return
        kill_process_tree(holder.pid, timeout_s=self._config.stop_timeout)
        self._wait_port_free(self._config, timeout_s=2.0)
        self._spawn(Reason.USER, f"stopped {holder.name or 'the other program'}; starting")

    def _cmd_shutdown(self) -> None:
        self._shutting_down = True  # from here on nothing is spawned
        if self._process is None:
            self._due = None
            if self._state is not State.STOPPED:
                self._transition(
                    State.STOPPED, EventName.STOPPED, Reason.SHUTDOWN, "supervisor stopped"
                )
            self._finished = True
        elif self._state is State.STOPPING:
            self._stop_intent = StopIntent.SHUTDOWN
        else:
            self._stop_process(StopIntent.SHUTDOWN, Reason.SHUTDOWN, "supervisor quitting")

    # ----------------------------------------------------------------- statistics
    def _maybe_stats(self, now: float) -> None:
        interval = self._config.stats_interval
        if interval <= 0 or now < self._next_stats:
            return
        first = self._next_stats == 0.0
        self._next_stats = now + interval
        rss = self._process.rss_bytes() if self._process else None
        figures = stats.sample(self._config.data_path, rss)
        if first:
            return  # psutil's first CPU reading is meaningless; this one only primes it
        self._publish(
            Event(
                name=EventName.STATS,
                level=Level.INFO,
                state=self._state,
                previous=None,
                reason=Reason.STATS,
                detail=stats.describe(figures),
                time=self._wall(),
                pid=self._process.pid if self._process else None,
                data=figures,
            )
        )

    # ----------------------------------------------------------------- early warning
    def _watch(self, now: float) -> None:
        process = self._process
        result = self._monitoring.tick(now, lambda: process.rss_bytes() if process else None)
        for change in result.changes:
            self._announce_warning(change.raised, change.warning)
        if result.restart is not None:
            self._action_restart(result.restart.reason, result.restart.detail)

    def _announce_warning(self, raised: bool, warning: ActiveWarning) -> None:
        data = {
            "rule": warning.rule,
            "value": warning.value,
            "threshold": warning.threshold,
            "unit": warning.unit,
        }
        if raised:
            self._transition(
                self._state,
                EventName.WARNING,
                Reason.EARLY_WARNING,
                warning.hint,
                Level.WARNING,
                data=data,
            )
        else:
            self._transition(
                self._state,
                EventName.WARNING_CLEARED,
                Reason.EARLY_WARNING,
                f"{warning.title}: back to normal ({warning.value:g} {warning.unit})",
                data=data,
            )

    def _action_restart(self, reason: Reason, detail: str) -> None:
        """An optional action's restart: only a running backend the user has not paused."""
        if self._process is None or self._state in (State.STOPPING, State.PAUSED):
            return
        self._stop_process(StopIntent.RESTART, reason, detail)

    # ----------------------------------------------------------------- snapshot
    def _build_snapshot(self) -> Snapshot:
        now_mono, now_wall = self._clock(), self._wall()

        def wall_of(mono: float | None) -> datetime | None:
            return None if mono is None else now_wall + timedelta(seconds=mono - now_mono)

        process = self._process
        check = self._last_check
        failure = self._last_failure
        checking = self._state in (State.STARTING, State.HEALTHY, State.DEGRADED, State.UNHEALTHY)
        return Snapshot(
            state=self._state,
            health=HEALTH_OF_STATE[self._state],
            detail=self._detail,
            pid=process.pid if process else None,
            health_url=self._config.effective_health_url,
            started_at=wall_of(self._started_mono),
            uptime_s=None if self._started_mono is None else now_mono - self._started_mono,
            restart_count=self._restart_count,
            attempt=self._policy.attempt,
            max_restarts=self._config.max_restarts,
            consecutive_failures=self._failures,
            failure_threshold=self._config.failure_threshold,
            last_failure_at=failure[0] if failure else None,
            last_failure_reason=failure[1] if failure else None,
            last_failure_detail=failure[2] if failure else None,
            last_check_at=self._last_check_at,
            last_check_latency_ms=round(check.latency_ms, 2) if check else None,
            next_check_at=wall_of(self._due) if checking else None,
            next_start_at=wall_of(self._next_start_at)
            if self._state in (State.BACKOFF, State.GAVE_UP, State.BLOCKED)
            else None,
            port_holder=self._port_holder,
            backend_status=check.status if check and check.alive else None,
            time=now_wall,
            warnings=self._monitoring.active(),
        )


def _light(event: Event) -> Event:
    """The history keeps an incident's id only: its report (output tail, timeline) is in its
    file, and 500 full reports would grow the guardian's memory for nothing."""
    if event.name is EventName.INCIDENT:
        return replace(event, data={"id": event.data.get("id")})
    return event


def _ends_outage(event: Event) -> bool:
    """Recovered, given up, or stopped for good while the backend was down."""
    if event.name in (EventName.RECOVERED, EventName.GAVE_UP):
        return True
    return event.name is EventName.STOPPED and event.state is State.STOPPED


def _describe_holder(holder: PortHolder) -> str:
    if holder.pid is None:
        return f"port {holder.port} is used by another program"
    name = holder.name or "another program"
    return f"port {holder.port} is used by {name} (PID {holder.pid})"

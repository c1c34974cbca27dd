"""Stopping the backend and what follows its end: a graceful stop with a kill after the
timeout; an exit that was asked for finishes the stop, one that was not goes to the restart
policy (back off and start again, or give up), or to the standby, whose database is checked
right after it took over (a damaged file stops it: BLOCKED, as after a backoff)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from enum import StrEnum

from tray_app.i18n.catalogue import Message, MessageId, Param, render
from tray_app.watchdog.incidents import IncidentTracker
from tray_app.watchdog.listener import GuardianListener
from tray_app.watchdog.model import EventName, Failure, Level, Reason, State
from tray_app.watchdog.platform import ProcessPlatform
from tray_app.watchdog.policy import RestartPolicy
from tray_app.watchdog.ports import LockFile
from tray_app.watchdog.process import BackendProcess, describe_end
from tray_app.watchdog.recovery_check import RecoveryCheck
from tray_app.watchdog.runtime import Runtime
from tray_app.watchdog.standby import StandbyKeeper
from tray_app.watchdog.starting import Starter
from tray_app.watchdog.transitions import Transitions

OUTPUT_DRAIN_S = 0.05
KILL_AGAIN_S = 1.0  # kill again if the exit still has not come


class StopIntent(StrEnum):
    """What to do once a stopping backend is gone."""

    STOP = "stop"
    SHUTDOWN = "shutdown"
    RESTART = "restart"  # user restart, new settings or an optional action: start again at once
    RECOVER = "recover"  # the backend hung: restart under the restart policy
    HOLD = "hold"  # the database is damaged: BLOCKED once the backend is gone


class Stopper:
    """Ends the backend and decides what comes after its exit."""

    def __init__(
        self,
        runtime: Runtime,
        transitions: Transitions,
        starter: Starter,
        policy: RestartPolicy,
        platform: ProcessPlatform,
        lock_file: LockFile,
        incidents: IncidentTracker,
        clock: Callable[[], float],
        wall_clock: Callable[[], datetime],
        standby: StandbyKeeper,
        listener: GuardianListener,
        recovery: RecoveryCheck,
    ) -> None:
        self._standby = standby
        self._listener = listener
        self._recovery = recovery
        self._successor: BackendProcess | None = None  # a standby promoted at a hang
        self._rt = runtime
        self._transitions = transitions
        self._starter = starter
        self._policy = policy
        self._platform = platform
        self._lock_file = lock_file
        self._incidents = incidents
        self._clock = clock
        self._wall = wall_clock
        self.intent: StopIntent | None = None
        self.reason = Reason.USER  # why the current stop was asked for
        self._killed = False

    def stop(self, intent: StopIntent, reason: Reason, detail: str | Message) -> None:
        """Ask the running backend to stop (-> STOPPING); kill it after stop_timeout."""
        self.begin(intent, self._rt.config.stop_timeout)
        self.reason = reason
        # running, PAUSED -> STOPPING
        self._transitions.move(State.STOPPING, EventName.STOPPING, reason, detail)

    def begin(self, intent: StopIntent, timeout_s: float) -> None:
        """Send the graceful stop; the caller publishes the move to STOPPING."""
        process = self._rt.process
        assert process is not None
        self.intent = intent
        self._killed = False
        self._rt.due = self._clock() + timeout_s
        process.request_stop()
        if intent is StopIntent.RECOVER and self._successor is None:
            # Hung: the standby serves from now on; the state follows once the hung one is gone.
            self._successor = self._standby.take()

    def kill_after_timeout(self) -> None:
        process = self._rt.process
        if process is None:
            return
        process.kill_tree()
        if not self._killed:
            self._killed = True
            self._transitions.announce(  # STOPPING -> STOPPING
                EventName.KILLED,
                Reason.STOP_TIMEOUT,
                Message(MessageId.KILLED, {"pid": process.pid}),
                Level.WARNING,
            )
        self._rt.due = self._clock() + KILL_AGAIN_S

    def on_exit(self, process: BackendProcess, returncode: int) -> None:
        """The current process ended, asked to or not."""
        rt = self._rt
        process.reap_leftovers()
        process.drain_output(OUTPUT_DRAIN_S)  # its last lines (a stack dump) belong to the report
        rt.exited_tail = list(process.tail)
        self._incidents.refresh_tail(rt.exited_tail)
        self._lock_file.remove()
        rt.process = None
        rt.started_mono = None
        rt.due = None
        reason, how = describe_end(self._platform, returncode)
        state = self._transitions.state
        if state is State.STOPPING:
            self._finish_stop(how, process.pid)
        elif state is State.PAUSED:
            self._transitions.announce(  # PAUSED -> PAUSED: seen, not restarted
                EventName.EXITED,
                reason,
                Message(MessageId.EXITED_PAUSED, {"how": how}),
                Level.WARNING,
                pid=process.pid,
                exit_code=returncode,
            )
        else:
            detail = Message(MessageId.EXITED, {"how": how})
            rt.outage_started = rt.outage_started or self._clock()
            rt.last_failure = Failure(self._wall(), reason, render(detail, "en"), detail)
            self.recover(EventName.EXITED, reason, detail, process.pid, returncode)

    def recover(
        self, name: EventName, reason: Reason, detail: Message, pid: int | None, code: int | None
    ) -> None:
        """After a crash or hang: back off and start again, or give up."""
        rt = self._rt
        now = self._clock()
        decision = self._policy.on_failure(now, was_healthy=rt.counters.ever_healthy)
        move = self._transitions.move
        successor, self._successor = self._successor or self._standby.take(), None
        if successor is not None:
            # Counted as a restart, but never given up: a healthy process already serves.
            move(State.BACKOFF, name, reason, detail, Level.ERROR, pid=pid, exit_code=code)
            took_over = Message(MessageId.PROMOTED, {"pid": successor.pid})
            self._starter.adopt(successor, reason, took_over)  # BACKOFF -> STARTING
            if self._recovery.after_takeover():  # it serves a damaged file: stop it
                damaged = Message(MessageId.STOP_DATABASE_DAMAGED, {"pid": successor.pid})
                self.stop(StopIntent.HOLD, Reason.DATABASE_DAMAGED, damaged)  # -> STOPPING
            return
        if decision.give_up:
            # running/STOPPING -> BACKOFF, then BACKOFF -> GAVE_UP
            move(State.BACKOFF, name, reason, detail, Level.ERROR, pid=pid, exit_code=code)
            self._give_up(decision.retry_after_s, now)
            return
        rt.next_start_at = rt.due = now + decision.delay_s
        when = (
            Message(MessageId.WHEN_NOW)
            if decision.delay_s == 0
            else Message(MessageId.WHEN_IN, {"seconds": decision.delay_s})
        )
        restarting: dict[str, Param] = {"cause": detail, "when": when, "attempt": decision.attempt}
        move(  # running/STOPPING -> BACKOFF
            State.BACKOFF,
            name,
            reason,
            Message(MessageId.RESTARTING, {**restarting, "max_restarts": rt.config.max_restarts}),
            Level.ERROR,
            pid=pid,
            exit_code=code,
            data={"delay_s": decision.delay_s},
        )

    def _finish_stop(self, how: Message, pid: int) -> None:
        intent, self.intent = self.intent, None
        if intent is StopIntent.RESTART:
            restarting = Message(MessageId.START_RESTARTING)
            self._starter.spawn(self.reason, restarting)  # STOPPING -> STARTING
        elif intent is StopIntent.RECOVER:
            stopped = Message(MessageId.HUNG_STOPPED, {"how": how})
            self.recover(EventName.STOPPED, Reason.HANG, stopped, None, None)
        elif intent is StopIntent.HOLD:
            self.hold_damaged()  # STOPPING -> BLOCKED
        else:
            self._let_everything_go()
            reason = Reason.SHUTDOWN if intent is StopIntent.SHUTDOWN else Reason.USER
            self._transitions.move(  # STOPPING -> STOPPED
                State.STOPPED,
                EventName.STOPPED,
                reason,
                Message(MessageId.STOPPED, {"how": how}),
                pid=pid,
            )
            self._rt.finished = intent is StopIntent.SHUTDOWN

    def hold_damaged(self) -> None:
        """The database check found damage: nothing is started onto the file, nothing waits
        for it (BACKOFF/STOPPING -> BLOCKED)."""
        self._let_everything_go()
        self._recovery.hold()

    def _let_everything_go(self) -> None:
        """Stopped for good (or given up): no standby, and the port is closed, so clients are
        refused at once rather than left waiting for a backend that will not come."""
        if self._successor is not None:
            self._standby.release(self._successor)
            self._successor = None
        self._standby.dismiss(Reason.USER, MessageId.STANDBY_BACKEND_STOPPED)
        self._listener.close()

    def _give_up(self, retry_after_s: float | None, now: float) -> None:
        self._let_everything_go()
        rt = self._rt
        config = rt.config
        if retry_after_s is None:
            rt.next_start_at = None
            retry = Message(MessageId.RETRY_NONE)
        else:
            rt.next_start_at = rt.due = now + retry_after_s
            at = self._wall() + timedelta(seconds=retry_after_s)
            retry = Message(MessageId.RETRY_AT, {"time": at.astimezone().strftime("%H:%M:%S")})
        self._transitions.move(  # BACKOFF -> GAVE_UP
            State.GAVE_UP,
            EventName.GAVE_UP,
            Reason.RESTART_LIMIT,
            Message(
                MessageId.GAVE_UP,
                {
                    "max_restarts": config.max_restarts,
                    "window_s": float(config.restart_window),
                    "retry": retry,
                },
            ),
            Level.CRITICAL,
        )

"""The warm standby: a second bundled backend, warmed up and waiting, that takes over the
moment the serving process dies or is declared hung.

It is a role, not a second state machine: the engine's state stays that of the serving
process, and `Stopper.recover` asks `take()` for a successor before it would start a cold
one. The keeper only spawns, checks and replaces the standby, and says so in events that keep
the state. Talk goes over the backend's stdin and stdout (backend/app/control.py): the standby
says `ready`; the keeper writes `ping` every check interval and wants a `pong` back, so each
process is checked on its own (the standby serves no HTTP, the health URL reaches the serving
one); `promote` makes it serve on the guardian's socket, which it was handed at its spawn.
A standby that dies, hangs or never gets ready is replaced, quietly: it is not an outage.
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from datetime import datetime

from tray_app.i18n.catalogue import Message, MessageId, Param
from tray_app.watchdog.launch import launch_spec, standby_possible
from tray_app.watchdog.model import EventName, Level, Reason
from tray_app.watchdog.platform import ProcessPlatform
from tray_app.watchdog.process import BackendProcess, OutputSink, describe_end
from tray_app.watchdog.roles import StandbyInfo, StandbyState
from tray_app.watchdog.runtime import Runtime
from tray_app.watchdog.transitions import Transitions

# The marker lines of backend/app/control.py.
_MARK = b"erp-guardian-standby:"
READY_LINE = _MARK + b" ready"
PONG_LINE = _MARK + b" pong"
RESPAWN_AFTER_S = 2.0  # a standby that keeps dying costs one spawn per 2 s, not a busy loop


class StandbyKeeper:
    """Owns at most one standby process; all methods run on the loop thread except the
    output hook, which only stores times and wakes the loop."""

    def __init__(
        self,
        runtime: Runtime,
        transitions: Transitions,
        platform: ProcessPlatform,
        on_output: OutputSink,
        on_exit: Callable[[BackendProcess, int], None],
        wake: Callable[[], None],
        clock: Callable[[], float],
        wall_clock: Callable[[], datetime],
    ) -> None:
        self._rt = runtime
        self._transitions = transitions
        self._platform = platform
        self._on_output = on_output
        self._on_exit = on_exit
        self._wake = wake
        self._clock = clock
        self._wall = wall_clock
        self.process: BackendProcess | None = None
        self._state = StandbyState.WARMING
        self._since = wall_clock()
        self._spawned_at = 0.0
        self._ready_at: float | None = None  # written by the output thread
        self._pong_at: float | None = None  # written by the output thread
        self._next_ping = 0.0
        self._next_spawn = 0.0
        self._leaving: dict[int, BackendProcess] = {}  # asked to go: their exits are no news
        self.promotions = 0

    # ------------------------------------------------------------------ what others read
    def info(self) -> StandbyInfo | None:
        if self.process is None:
            return None
        return StandbyInfo(self._state, self.process.pid, self._since)

    def owns(self, process: BackendProcess) -> bool:
        return process is self.process or process.pid in self._leaving

    def next_due(self) -> float | None:
        if self.process is None:
            return self._next_spawn if self._wanted() else None
        if self._state is StandbyState.WARMING:
            return self._next_ping  # the ready line wakes the loop; this is the deadline
        # Pings ride on the loop's wake-ups for the health checks (one each check interval):
        # a wake-up of their own doubled the guardian's idle wake-ups. This one is only for
        # when no check comes (paused).
        return self._next_ping + self._rt.config.check_interval

    # ------------------------------------------------------------------ the loop's calls
    def tick(self, now: float, serving: bool, sock: socket.socket | None) -> None:
        """Spawn a standby while the serving process is healthy; check the one there is."""
        if self._rt.shutting_down:
            self.dismiss(Reason.SHUTDOWN, MessageId.STANDBY_SHUTDOWN)
            return
        if not self._wanted() or sock is None:  # off in the settings, or no socket on the address
            self.dismiss(Reason.USER, MessageId.STANDBY_NOT_WANTED)
            return
        if self.process is None:
            if serving and now >= self._next_spawn:
                self._spawn(now, sock)
            return
        if self._state is StandbyState.WARMING:
            self._check_warming(now)
        elif now >= self._next_ping:
            self._check_ready(now)

    def take(self) -> BackendProcess | None:
        """Promote the ready standby and hand it over, or None if there is none fit."""
        process = self.process
        if process is None or self._state is not StandbyState.READY:
            return None
        if not process.is_running() or process.is_suspended():
            return None
        if not process.send_line("promote"):
            return None
        self.process = None
        self._next_spawn = self._clock() + RESPAWN_AFTER_S
        self.promotions += 1
        return process

    def on_exit(self, process: BackendProcess, returncode: int) -> None:
        """A standby (or one asked to leave) ended."""
        process.reap_leftovers()
        if self._leaving.pop(process.pid, None) is not None:
            return
        if process is not self.process:
            return
        self.process = None
        self._next_spawn = self._clock() + RESPAWN_AFTER_S
        reason, how = describe_end(self._platform, returncode)
        ended = Message(MessageId.STANDBY_EXITED, {"pid": process.pid, "how": how})
        self._announce_replaced(ended, process.pid, reason)

    def dismiss(self, reason: Reason, why: MessageId) -> None:
        """Let the standby go (stdin closes: it exits without having served); `why` is one of
        the STANDBY_* messages with the parameter pid."""
        process = self.process
        if process is None:
            return
        self.process = None
        self.release(process)
        words = Message(why, {"pid": process.pid})
        self._transitions.announce(EventName.STANDBY_REPLACED, reason, words, pid=process.pid)

    def release(self, process: BackendProcess) -> None:
        """Ask a process of ours to stop; its exit is expected and no news."""
        self._leaving[process.pid] = process
        process.request_stop()
        if process.is_suspended():
            process.kill_tree()

    def close(self, timeout_s: float) -> None:
        """The loop ends: every process of ours asked to go is gone before it returns."""
        self.dismiss(Reason.SHUTDOWN, MessageId.STANDBY_SHUTDOWN)
        for process in list(self._leaving.values()):
            if not process.wait(timeout_s):
                process.kill_tree()
                process.wait(timeout_s)
            process.reap_leftovers()
        self._leaving.clear()

    # ------------------------------------------------------------------ inside
    def _wanted(self) -> bool:
        rt = self._rt
        return standby_possible(rt.config) and not rt.shutting_down

    def _spawn(self, now: float, sock: socket.socket) -> None:
        try:
            process = BackendProcess(
                launch_spec(self._rt.config, standby=True),
                self._platform,
                on_output=self._output,
                on_exit=lambda code: self._on_exit(process, code),
                clock=self._clock,
                listen_socket=sock,
            )
        except OSError as error:
            self._next_spawn = now + RESPAWN_AFTER_S
            self._transitions.announce(
                EventName.STANDBY_REPLACED,
                Reason.SPAWN_FAILED,
                Message(MessageId.STANDBY_SPAWN_FAILED, {"error": str(error)}),
                Level.WARNING,
            )
            return
        self.process = process
        self._spawned_at = now
        self._ready_at = self._pong_at = None
        self._set_state(StandbyState.WARMING)
        self._next_ping = now + self._rt.config.startup_grace
        self._transitions.announce(
            EventName.STANDBY_WARMING,
            Reason.STARTUP,
            Message(MessageId.STANDBY_WARMING, {"pid": process.pid}),
            pid=process.pid,
        )

    def _check_warming(self, now: float) -> None:
        assert self.process is not None
        if self._ready_at is not None:
            self._set_state(StandbyState.READY)
            self._pong_at = self._ready_at
            self._next_ping = now
            warm_ms = max(0.0, (self._ready_at - self._spawned_at) * 1000)
            self._transitions.announce(
                EventName.STANDBY_READY,
                Reason.CHECK_PASSED,
                Message(MessageId.STANDBY_READY, {"pid": self.process.pid, "warm_ms": warm_ms}),
                pid=self.process.pid,
                data={"warm_ms": round(warm_ms), "rss_bytes": self.process.rss_bytes()},
            )
        elif now >= self._spawned_at + self._rt.config.startup_grace:
            grace_s = float(self._rt.config.startup_grace)
            self._replace(MessageId.STANDBY_NOT_READY, {"grace_s": grace_s})

    def _check_ready(self, now: float) -> None:
        """One ping per check interval; silent for failure_threshold intervals: hung."""
        assert self.process is not None
        config = self._rt.config
        last = self._pong_at or self._spawned_at
        allowed = config.failure_threshold * config.check_interval + config.check_timeout
        if now - last > allowed:
            self._replace(MessageId.STANDBY_NOT_ANSWERING, {"silent_s": now - last})
            return
        self.process.send_line("ping")
        # Half an interval: the next health check's wake-up, whenever it falls, pings again.
        self._next_ping = now + config.check_interval / 2

    def _replace(self, why: MessageId, params: dict[str, Param]) -> None:
        """It hung or never got ready: kill it and warm a new one at once."""
        process = self.process
        assert process is not None
        self.process = None
        self._leaving[process.pid] = process
        process.kill_tree()
        self._next_spawn = self._clock()  # at once: it hung, it did not crash-loop
        words = Message(why, {"pid": process.pid, **params})
        self._announce_replaced(words, process.pid, Reason.HANG)

    def _announce_replaced(self, words: Message, pid: int, reason: Reason) -> None:
        """A new one is warmed: each message of this kind says so."""
        self._transitions.announce(
            EventName.STANDBY_REPLACED, reason, words, Level.WARNING, pid=pid
        )

    def _set_state(self, state: StandbyState) -> None:
        self._state = state
        self._since = self._wall()

    def _output(self, line: bytes) -> None:
        """On the standby's output thread: note the marker lines, pass everything on."""
        if line.startswith(_MARK):
            if line == READY_LINE:
                self._ready_at = self._clock()
                self._wake()
            elif line == PONG_LINE:
                self._pong_at = self._clock()
            return
        self._on_output(line)

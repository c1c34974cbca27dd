"""What other threads may ask of the engine, which of it a person is offered, and how the
loop carries each request out.

`allowed_commands()` is the one answer to "which buttons now": the snapshot carries it, and
the tray menu and the web page offer exactly those. The rules:

| state                                  | offered                            |
|----------------------------------------|------------------------------------|
| STOPPED                                | start                              |
| STARTING, HEALTHY, DEGRADED, UNHEALTHY | restart, stop, pause               |
| STOPPING                               | nothing: wait for the stop to end  |
| BACKOFF, GAVE_UP, BLOCKED              | start (try now, budget restored), stop |
| PAUSED                                 | resume, restart (if a backend runs), stop |

The engine still carries out a request that is not offered when it has a meaning (restart
where no backend runs starts one; start while paused resumes) and ignores the others, so a
late click or an API client can never drive it into an illegal state.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, assert_never

from tray_app.config import GuardianConfig
from tray_app.i18n.catalogue import Message, MessageId
from tray_app.watchdog.launch import launch_spec
from tray_app.watchdog.model import (
    RUNNING_STATES,
    WAITING_STATES,
    EventName,
    Level,
    Reason,
    State,
    UserCommand,
)
from tray_app.watchdog.policy import PolicySettings, RestartPolicy
from tray_app.watchdog.probing import HealthChecks
from tray_app.watchdog.runtime import Runtime
from tray_app.watchdog.starting import Starter
from tray_app.watchdog.stopping import StopIntent, Stopper
from tray_app.watchdog.transitions import Transitions
from tray_app.watchdog.watching import Watching


class Command(StrEnum):
    """A request queued for the loop: the user's commands and the engine's own."""

    START = "start"
    STOP = "stop"
    RESTART = "restart"
    PAUSE = "pause"
    RESUME = "resume"
    RECONFIGURE = "reconfigure"  # argument: the new GuardianConfig
    STOP_PORT_HOLDER = "stop_port_holder"
    LOG_ERROR = "log_error"  # argument: what could not be written
    SHUTDOWN = "shutdown"


_RUNNING_OFFER = (UserCommand.RESTART, UserCommand.STOP, UserCommand.PAUSE)
_WAITING_OFFER = (UserCommand.START, UserCommand.STOP)


def allowed_commands(state: State, has_process: bool) -> tuple[UserCommand, ...]:
    """The commands a person is offered in this state (see the table above)."""
    if state in RUNNING_STATES:
        return _RUNNING_OFFER
    if state in WAITING_STATES:
        return _WAITING_OFFER
    if state is State.STOPPED:
        return (UserCommand.START,)
    if state is State.PAUSED:
        if has_process:
            return (UserCommand.RESUME, UserCommand.RESTART, UserCommand.STOP)
        return (UserCommand.RESUME, UserCommand.STOP)
    return ()  # STOPPING


def policy_settings(config: GuardianConfig) -> PolicySettings:
    return PolicySettings(
        backoff_initial=config.backoff_initial,
        backoff_max=config.backoff_max,
        max_restarts=config.max_restarts,
        restart_window=config.restart_window,
        giveup_cooldown=config.giveup_cooldown,
        stable_after=config.stable_after,
    )


class CommandHandler:
    """Carries out one queued command on the loop thread."""

    def __init__(
        self,
        runtime: Runtime,
        transitions: Transitions,
        starter: Starter,
        stopper: Stopper,
        checks: HealthChecks,
        watching: Watching,
        policy: RestartPolicy,
    ) -> None:
        self._rt = runtime
        self._transitions = transitions
        self._starter = starter
        self._stopper = stopper
        self._checks = checks
        self._watching = watching
        self._policy = policy

    def handle(self, command: Command, argument: Any, now: float) -> None:
        if self._rt.shutting_down:
            return
        match command:
            case Command.START:
                self._start(now)
            case Command.STOP:
                self._stop()
            case Command.RESTART:
                self._restart()
            case Command.PAUSE:
                self._pause()
            case Command.RESUME:
                self._resume(now)
            case Command.RECONFIGURE:
                self._reconfigure(argument, now)
            case Command.STOP_PORT_HOLDER:
                self._starter.stop_port_holder()  # BLOCKED -> STARTING or BLOCKED
            case Command.LOG_ERROR:
                self._transitions.announce(
                    EventName.LOG_ERROR, Reason.LOG_IO, str(argument), Level.ERROR
                )
            case Command.SHUTDOWN:
                self._shutdown()
            case _:
                assert_never(command)

    def _start(self, now: float) -> None:
        state = self._transitions.state
        if state is State.PAUSED:
            self._resume(now)
        elif self._rt.process is None and state is not State.STOPPING:
            self._policy.restore_budget()
            self._starter.spawn(
                Reason.USER, Message(MessageId.START_USER)
            )  # -> STARTING or BLOCKED

    def _stop(self) -> None:
        rt = self._rt
        state = self._transitions.state
        if rt.process is not None and state is not State.STOPPING:
            self._stopper.stop(StopIntent.STOP, Reason.USER, Message(MessageId.STOP_USER))
        elif rt.process is None and state is not State.STOPPED:
            rt.due = rt.next_start_at = None
            self._transitions.move(  # BACKOFF/GAVE_UP/BLOCKED/PAUSED -> STOPPED
                State.STOPPED, EventName.STOPPED, Reason.USER, Message(MessageId.STOPPED_ON_REQUEST)
            )

    def _restart(self) -> None:
        self._policy.restore_budget()
        stopping = self._transitions.state is State.STOPPING
        if self._rt.process is None:
            if not stopping:
                self._starter.spawn(
                    Reason.USER, Message(MessageId.START_USER)
                )  # -> STARTING/BLOCKED
        elif stopping:
            self._stopper.intent, self._stopper.reason = StopIntent.RESTART, Reason.USER
        else:
            restart = Message(MessageId.STOP_RESTART_USER)
            self._stopper.stop(StopIntent.RESTART, Reason.USER, restart)

    def _pause(self) -> None:
        if self._transitions.state in (State.PAUSED, State.STOPPING, State.STOPPED):
            return  # nothing to pause while stopped; pausing a stop would leave it half done
        self._rt.due = None
        self._transitions.move(  # running/BACKOFF/GAVE_UP/BLOCKED -> PAUSED
            State.PAUSED,
            EventName.PAUSED,
            Reason.USER,
            Message(MessageId.PAUSED),
        )

    def _resume(self, now: float) -> None:
        if self._transitions.state is not State.PAUSED:
            return
        if self._rt.process is None:
            self._starter.spawn(Reason.USER, Message(MessageId.START_RESUMED))
            return
        self._starter.reset_checks(now)
        resumed = Message(MessageId.RESUMED)
        self._transitions.move(State.STARTING, EventName.RESUMED, Reason.USER, resumed)
        self._rt.due = now  # PAUSED -> STARTING, checked at once

    def _reconfigure(self, config: GuardianConfig, now: float) -> None:
        rt = self._rt
        old, rt.config = rt.config, config
        self._policy.settings = policy_settings(config)
        self._checks.use_url(config.effective_health_url)
        if config.stats_interval != old.stats_interval:
            rt.next_stats = now
        self._watching.reconfigure(config, now)
        relaunch = launch_spec(config) != launch_spec(old)
        if relaunch and rt.process is not None and self._transitions.state is not State.STOPPING:
            applying = Message(MessageId.STOP_NEW_SETTINGS)
            self._stopper.stop(StopIntent.RESTART, Reason.USER, applying)

    def _shutdown(self) -> None:
        rt = self._rt
        rt.shutting_down = True  # from here on nothing is spawned
        state = self._transitions.state
        if rt.process is None:
            rt.due = None
            if state is not State.STOPPED:
                self._transitions.move(  # any state without a process -> STOPPED
                    State.STOPPED,
                    EventName.STOPPED,
                    Reason.SHUTDOWN,
                    Message(MessageId.SUPERVISOR_STOPPED),
                )
            rt.finished = True
        elif state is State.STOPPING:
            self._stopper.intent = StopIntent.SHUTDOWN
        else:
            quitting = Message(MessageId.STOP_SHUTDOWN)
            self._stopper.stop(StopIntent.SHUTDOWN, Reason.SHUTDOWN, quitting)

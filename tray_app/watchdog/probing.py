"""The health checks of a running backend: ask the probe, let `checks.judge` decide, carry
the verdict out (publish it; on a hang, dump the stacks and stop the backend to recover)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from tray_app.i18n.catalogue import Message, MessageId
from tray_app.watchdog.checks import STARTUP_POLL_S, Verdict, judge
from tray_app.watchdog.hang_dump import dump_foreign, faulthandler_note
from tray_app.watchdog.lock_holders import backend_tree, find_lock_holders
from tray_app.watchdog.model import RUNNING_STATES, EventName, Failure, Level, Reason, State
from tray_app.watchdog.policy import RestartPolicy
from tray_app.watchdog.probe import CheckResult, HealthProbe
from tray_app.watchdog.readings import ReadingCollector
from tray_app.watchdog.runtime import Runtime
from tray_app.watchdog.stopping import StopIntent, Stopper
from tray_app.watchdog.transitions import Transitions

LOCKS_LOOK_AGAIN_S = 10.0  # a lock holder may come and go; the look costs up to a second


class HealthChecks:
    """Owns the probe; one check per call of `check()`, on the loop thread."""

    def __init__(
        self,
        runtime: Runtime,
        transitions: Transitions,
        stopper: Stopper,
        policy: RestartPolicy,
        readings: ReadingCollector,
        exit_pending: Callable[[], bool],
        clock: Callable[[], float],
        wall_clock: Callable[[], datetime],
    ) -> None:
        """exit_pending() says whether the exit watcher has queued an exit not yet handled."""
        self._rt = runtime
        self._transitions = transitions
        self._stopper = stopper
        self._policy = policy
        self._readings = readings
        self._exit_pending = exit_pending
        self._clock = clock
        self._wall = wall_clock
        self._probe = HealthProbe(runtime.config.effective_health_url)

    def use_url(self, url: str) -> None:
        """New settings: check this URL from now on."""
        if url != self._probe.url:
            self._probe.close()
            self._probe = HealthProbe(url)

    def close(self) -> None:
        self._probe.close()

    def check(self, started: float) -> None:
        """One check of the running backend; `started` is when the loop pass began."""
        rt = self._rt
        result = self._probe.check(rt.config.check_timeout)
        now = self._clock()
        if self._exit_pending():
            rt.due = now  # the process ended during the check: its exit explains it
            return
        rt.last_check = result
        rt.last_check_at = self._wall()
        self._readings.note_health(result.alive and result.degraded, now)
        self._look_for_lock_holders(result.alive and result.degraded, now)
        if result.alive:
            self._readings.note_latency(result.latency_ms)
        self._apply(result, now)
        state = self._transitions.state
        if state in RUNNING_STATES:
            interval = STARTUP_POLL_S if state is State.STARTING else rt.config.check_interval
            rt.due = max(started + interval, now)

    def _look_for_lock_holders(self, degraded: bool, now: float) -> None:
        """While degraded, who else has the database open (looked up again now and then)."""
        rt = self._rt
        if not degraded:
            rt.lock_holders, rt.locks_looked_at = (), None
            return
        if rt.locks_looked_at is not None and now - rt.locks_looked_at < LOCKS_LOOK_AGAIN_S:
            return
        rt.locks_looked_at = now
        rt.lock_holders = find_lock_holders(rt.config.database_file, backend_tree(rt.pid))

    def _apply(self, result: CheckResult, now: float) -> None:
        rt = self._rt
        state = self._transitions.state
        verdict = judge(
            state,
            result,
            rt.counters,
            now,
            failure_threshold=rt.config.failure_threshold,
            stable_after_s=rt.config.stable_after,
            outage_started=rt.outage_started,
        )
        rt.counters = verdict.counters
        if result.alive and state is State.STARTING:
            self._policy.on_healthy()
        if not result.alive and verdict.event is not None:
            rt.last_failure = Failure(
                self._wall(), result.reason, result.detail, result_message(result)
            )
        latency_ms = round(result.latency_ms, 2)
        words = verdict_message(verdict, result, state, rt.config.failure_threshold)
        if verdict.hung:
            self._declare_hung(words, latency_ms)
        elif verdict.event is not None:
            if verdict.event is EventName.RECOVERED:
                rt.outage_started = None
            self._transitions.move(  # running -> HEALTHY / DEGRADED / UNHEALTHY
                verdict.target,
                verdict.event,
                verdict.reason,
                words,
                verdict.level,
                outage_s=verdict.outage_s,
                latency_ms=latency_ms,
            )
        if verdict.restore_budget and self._policy.restore_budget():
            self._transitions.announce(
                EventName.BUDGET_RESTORED,
                Reason.STABLE,
                Message(MessageId.BUDGET_RESTORED, {"seconds": float(rt.config.stable_after)}),
            )

    def _declare_hung(self, detail: Message, latency_ms: float) -> None:
        rt = self._rt
        process = rt.process
        if process is None:
            return
        declared_at = self._clock()
        rt.outage_started = rt.counters.first_failure_at or declared_at
        if rt.config.backend_cmd:
            # Any other program: read its threads from outside, before the stop changes them.
            dump = dump_foreign(process.pid, declared_at, self._clock)
        else:
            # Only the bundled backend registers faulthandler on SIGUSR1 (faster than py-spy:
            # it writes its own threads); for any other program the signal's default action
            # would end it before its graceful stop.
            process.request_stack_dump()
            dump = faulthandler_note(process.pid)
        timeout = 0.0 if process.is_suspended() else rt.config.hung_stop_timeout
        self._stopper.begin(StopIntent.RECOVER, timeout)
        self._transitions.move(  # running -> STOPPING
            State.STOPPING,
            EventName.HUNG,
            Reason.HANG,
            detail,
            Level.ERROR,
            latency_ms=latency_ms,
            data={"stack_dump": dump.to_dict()},
        )


def verdict_message(verdict: Verdict, result: CheckResult, state: State, threshold: int) -> Message:
    """The verdict's detail as words; its English rendering is what `checks.judge` writes."""
    said = result_message(result)
    if verdict.event is EventName.RECOVERED:
        outage_s = verdict.outage_s or 0.0
        if verdict.target is State.DEGRADED:
            return Message(MessageId.RECOVERED_DEGRADED, {"outage_s": outage_s, "detail": said})
        return Message(MessageId.RECOVERED, {"outage_s": outage_s})
    if result.alive:
        return said
    failures = verdict.counters.failures
    failed = Message(
        MessageId.CHECK_FAILED, {"failures": failures, "threshold": threshold, "detail": said}
    )
    if state is State.STARTING:
        failed = Message(MessageId.CHECK_FAILED_GRACE, {"detail": failed})
    return Message(MessageId.HUNG, {"detail": failed}) if verdict.hung else failed


def result_message(result: CheckResult) -> Message:
    """What one check saw, as words (the probe's own detail is the English of these)."""
    detail = result.detail
    if result.alive and result.degraded:
        if detail.startswith("degraded (") and detail.endswith(")"):
            return Message(MessageId.PROBE_DEGRADED_CHECKS, {"checks": detail[10:-1]})
        return Message(MessageId.PROBE_DEGRADED)
    if result.alive:
        if result.reason is Reason.CHECK_PASSED and detail.startswith("answers in"):
            return Message(MessageId.PROBE_ANSWERS, {"latency_ms": result.latency_ms})
        return Message(MessageId.PROBE_ANSWERED_PLAIN)
    by_reason = {
        Reason.HTTP_STATUS: MessageId.PROBE_HTTP_STATUS,
        Reason.BAD_RESPONSE: MessageId.PROBE_BAD_RESPONSE,
        Reason.CONNECTION_ERROR: MessageId.PROBE_CONNECTION_ERROR,
    }
    if result.reason is Reason.TIMEOUT:
        seconds = detail.removeprefix("no answer within ").removesuffix(" s")
        try:
            return Message(MessageId.PROBE_TIMEOUT, {"timeout_s": float(seconds)})
        except ValueError:
            return Message(MessageId.PROBE_CONNECTION_ERROR, {"detail": detail})
    if result.reason is Reason.CONNECTION_REFUSED:
        return Message(MessageId.PROBE_REFUSED)
    return Message(by_reason.get(result.reason, MessageId.PROBE_BAD_RESPONSE), {"detail": detail})

"""Check verdicts: what one health check means, as a pure function of what the engine knows.

`judge()` takes the state, the probe's result, the check counters and the time, and answers
with the state to move to, the event to publish and the new counters. It changes nothing; the
health checker (`probing.py`) carries the verdict out. So every rule here (the startup grace,
the failure threshold, recovered versus healthy) is tested with plain values and a fake clock.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from tray_app.watchdog.model import EventName, Level, Reason, State
from tray_app.watchdog.probe import CheckResult

STARTUP_POLL_S = 0.025  # fast checks while starting, so recovery costs little beyond cold start


@dataclass(frozen=True)
class CheckCounters:
    """What the checks of the current process have seen so far (monotonic seconds)."""

    grace_until: float = 0.0  # failures while starting count only after this
    failures: int = 0  # failed checks in a row
    first_failure_at: float | None = None  # the first of those failures: the outage began
    ever_healthy: bool = False  # the current process passed a check
    healthy_since: float | None = None  # start of the current run of passed checks
    budget_restored: bool = True  # this run of passed checks already earned the budget back

    @classmethod
    def fresh(cls, now: float, startup_grace_s: float) -> CheckCounters:
        """The counters of a process that was just spawned (or resumed)."""
        return cls(grace_until=now + startup_grace_s)


@dataclass(frozen=True)
class Verdict:
    """What to do about one check. `event` None: the state stays and nothing is published."""

    counters: CheckCounters
    target: State
    event: EventName | None = None
    reason: Reason = Reason.CHECK_PASSED
    level: Level = Level.INFO
    detail: str = ""
    outage_s: float | None = None  # set with RECOVERED
    restore_budget: bool = False  # healthy for stable_after: forget the counted restarts

    @property
    def hung(self) -> bool:
        return self.event is EventName.HUNG


def judge(
    state: State,
    result: CheckResult,
    counters: CheckCounters,
    now: float,
    *,
    failure_threshold: int,
    stable_after_s: float,
    outage_started: float | None,
) -> Verdict:
    """The verdict on one check made in one of the running states."""
    if result.alive:
        verdict = _passed(state, result, counters, now, outage_started)
        since = verdict.counters.healthy_since
        assert since is not None
        if not verdict.counters.budget_restored and now - since >= stable_after_s:
            restored = replace(verdict.counters, budget_restored=True)
            return replace(verdict, counters=restored, restore_budget=True)
        return verdict
    return _failed(state, result, counters, now, failure_threshold)


def _passed(
    state: State,
    result: CheckResult,
    counters: CheckCounters,
    now: float,
    outage_started: float | None,
) -> Verdict:
    target = State.DEGRADED if result.degraded else State.HEALTHY
    first_pass_of_run = counters.healthy_since is None
    counters = replace(
        counters,
        failures=0,
        first_failure_at=None,
        ever_healthy=counters.ever_healthy or state is State.STARTING,
        healthy_since=now if first_pass_of_run else counters.healthy_since,
        budget_restored=counters.budget_restored and not first_pass_of_run,
    )
    if state is target:
        return Verdict(counters, target)
    if outage_started is not None:
        outage_s = round(now - outage_started, 3)
        detail = f"back after an outage of {outage_s:.1f} s"
        if target is State.DEGRADED:
            detail += f", but {result.detail}"
        level = Level.WARNING if target is State.DEGRADED else Level.INFO
        return Verdict(
            counters, target, EventName.RECOVERED, Reason.CHECK_PASSED, level, detail, outage_s
        )
    if target is State.DEGRADED:
        return Verdict(
            counters, target, EventName.DEGRADED, Reason.DEPENDENCY, Level.WARNING, result.detail
        )
    return Verdict(counters, target, EventName.HEALTHY, Reason.CHECK_PASSED, detail=result.detail)


def _failed(
    state: State, result: CheckResult, counters: CheckCounters, now: float, threshold: int
) -> Verdict:
    if state is State.STARTING and now < counters.grace_until:
        return Verdict(counters, state)  # not counted until the first pass or the grace's end
    failures = counters.failures + 1
    counters = replace(
        counters,
        failures=failures,
        healthy_since=None,
        first_failure_at=counters.first_failure_at or now,
    )
    detail = f"check {failures} of {threshold} failed: {result.detail}"
    if state is State.STARTING:
        detail = f"not healthy within the startup grace; {detail}"
    if failures >= threshold:
        hung = f"backend hung ({detail})"
        return Verdict(counters, State.STOPPING, EventName.HUNG, Reason.HANG, Level.ERROR, hung)
    return Verdict(
        counters, State.UNHEALTHY, EventName.CHECK_FAILED, result.reason, Level.WARNING, detail
    )

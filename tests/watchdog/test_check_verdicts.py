"""What one health check means: `checks.judge` on plain values and a fake time line."""

from __future__ import annotations

from tray_app.watchdog.checks import CheckCounters, Verdict, judge
from tray_app.watchdog.model import EventName, Level, Reason, State
from tray_app.watchdog.probe import CheckResult

OK = CheckResult(
    alive=True, degraded=False, latency_ms=3.0, reason=Reason.CHECK_PASSED, detail="ok"
)
DEGRADED = CheckResult(
    alive=True, degraded=True, latency_ms=3.0, reason=Reason.DEPENDENCY, detail="database locked"
)
REFUSED = CheckResult(
    alive=False,
    degraded=False,
    latency_ms=1.0,
    reason=Reason.CONNECTION_REFUSED,
    detail="connection refused",
)
THRESHOLD = 3
STABLE_AFTER_S = 30.0


def verdict(
    state: State,
    result: CheckResult,
    counters: CheckCounters,
    now: float,
    outage_started: float | None = None,
) -> Verdict:
    return judge(
        state,
        result,
        counters,
        now,
        failure_threshold=THRESHOLD,
        stable_after_s=STABLE_AFTER_S,
        outage_started=outage_started,
    )


def test_failures_within_the_startup_grace_are_not_counted() -> None:
    counters = CheckCounters.fresh(now=0.0, startup_grace_s=10.0)
    result = verdict(State.STARTING, REFUSED, counters, now=9.9)
    assert result.event is None
    assert result.target is State.STARTING
    assert result.counters == counters


def test_after_the_grace_a_starting_backend_fails_with_the_grace_named() -> None:
    counters = CheckCounters.fresh(now=0.0, startup_grace_s=10.0)
    result = verdict(State.STARTING, REFUSED, counters, now=10.0)
    assert (result.event, result.target) == (EventName.CHECK_FAILED, State.UNHEALTHY)
    assert result.reason is Reason.CONNECTION_REFUSED
    assert result.detail == (
        "not healthy within the startup grace; check 1 of 3 failed: connection refused"
    )


def test_failures_in_a_row_reach_the_threshold_and_declare_a_hang() -> None:
    counters = CheckCounters(ever_healthy=True, healthy_since=0.0)
    state = State.HEALTHY
    seen = []
    for now in (5.0, 6.0, 7.0):
        result = verdict(state, REFUSED, counters, now)
        counters, state = result.counters, result.target
        seen.append((result.event, result.target, result.level))
    assert seen == [
        (EventName.CHECK_FAILED, State.UNHEALTHY, Level.WARNING),
        (EventName.CHECK_FAILED, State.UNHEALTHY, Level.WARNING),
        (EventName.HUNG, State.STOPPING, Level.ERROR),
    ]
    assert result.hung and result.reason is Reason.HANG
    assert result.detail == "backend hung (check 3 of 3 failed: connection refused)"
    assert counters.first_failure_at == 5.0  # where the outage began
    assert counters.healthy_since is None


def test_a_first_pass_while_starting_is_healthy_and_marks_the_process_healthy_once() -> None:
    result = verdict(State.STARTING, OK, CheckCounters.fresh(0.0, 10.0), now=0.5)
    assert (result.event, result.target) == (EventName.HEALTHY, State.HEALTHY)
    assert result.counters.ever_healthy
    assert result.counters.healthy_since == 0.5


def test_a_pass_after_an_outage_is_a_recovery_with_its_length() -> None:
    counters = CheckCounters(failures=2, first_failure_at=4.0)
    result = verdict(State.UNHEALTHY, OK, counters, now=6.25, outage_started=4.0)
    assert (result.event, result.target) == (EventName.RECOVERED, State.HEALTHY)
    assert result.outage_s == 2.25
    assert result.detail == "back after an outage of 2.2 s"
    assert result.counters.failures == 0 and result.counters.first_failure_at is None


def test_a_degraded_answer_is_yellow_and_not_a_failure() -> None:
    result = verdict(State.HEALTHY, DEGRADED, CheckCounters(healthy_since=0.0), now=1.0)
    assert (result.event, result.target) == (EventName.DEGRADED, State.DEGRADED)
    assert result.reason is Reason.DEPENDENCY
    assert result.counters.failures == 0


def test_recovering_into_degraded_says_both() -> None:
    result = verdict(State.STARTING, DEGRADED, CheckCounters(), now=3.0, outage_started=1.0)
    assert (result.event, result.level) == (EventName.RECOVERED, Level.WARNING)
    assert result.detail == "back after an outage of 2.0 s, but database locked"


def test_passing_in_the_same_state_publishes_nothing() -> None:
    counters = CheckCounters(healthy_since=0.0, budget_restored=True)
    result = verdict(State.HEALTHY, OK, counters, now=100.0)
    assert result.event is None and not result.restore_budget


def test_the_budget_comes_back_once_per_healthy_run_after_stable_after() -> None:
    counters = CheckCounters()
    timeline = []
    for now in (0.0, 29.0, 30.0, 31.0):
        result = verdict(State.HEALTHY, OK, counters, now)
        counters = result.counters
        timeline.append(result.restore_budget)
    assert timeline == [False, False, True, False]
    failed = verdict(State.HEALTHY, REFUSED, counters, now=32.0)  # the run ends
    again = verdict(State.UNHEALTHY, OK, failed.counters, now=33.0)
    assert not again.counters.budget_restored
    assert verdict(State.HEALTHY, OK, again.counters, now=63.0).restore_budget

"""The restart policy's decisions on plain monotonic times: no process, no waiting."""

from __future__ import annotations

from tray_app.watchdog.policy import PolicySettings, RestartPolicy

SETTINGS = PolicySettings(
    backoff_initial=1.0,
    backoff_max=4.0,
    max_restarts=3,
    restart_window=60.0,
    giveup_cooldown=300.0,
    stable_after=30.0,
)


def test_crash_of_a_healthy_backend_restarts_at_once() -> None:
    policy = RestartPolicy(SETTINGS)
    decision = policy.on_failure(100.0, was_healthy=True)
    assert (decision.give_up, decision.delay_s, decision.attempt) == (False, 0.0, 1)


def test_failed_starts_double_the_delay_up_to_backoff_max() -> None:
    policy = RestartPolicy(PolicySettings(1.0, 4.0, 10, 60.0, 300.0, 30.0))
    delays = [policy.on_failure(float(t), was_healthy=False).delay_s for t in range(5)]
    assert delays == [1.0, 2.0, 4.0, 4.0, 4.0]


def test_a_healthy_run_between_failures_resets_the_delay() -> None:
    policy = RestartPolicy(SETTINGS)
    assert policy.on_failure(0.0, was_healthy=False).delay_s == 1.0
    assert policy.on_failure(1.0, was_healthy=False).delay_s == 2.0
    assert policy.on_failure(2.0, was_healthy=True).delay_s == 0.0


def test_too_many_restarts_in_the_window_give_up_with_the_cooldown() -> None:
    policy = RestartPolicy(SETTINGS)
    for now in (0.0, 1.0, 2.0):
        assert not policy.on_failure(now, was_healthy=True).give_up
    decision = policy.on_failure(3.0, was_healthy=True)
    assert decision.give_up
    assert decision.retry_after_s == 300.0
    assert decision.attempt == 3


def test_without_a_cooldown_giving_up_is_for_good() -> None:
    policy = RestartPolicy(PolicySettings(1.0, 4.0, 1, 60.0, 0.0, 30.0))
    policy.on_failure(0.0, was_healthy=True)
    assert policy.on_failure(1.0, was_healthy=True).retry_after_s is None


def test_restarts_older_than_the_window_no_longer_count() -> None:
    policy = RestartPolicy(SETTINGS)
    for now in (0.0, 1.0, 2.0):
        policy.on_failure(now, was_healthy=True)
    decision = policy.on_failure(61.5, was_healthy=True)  # 0.0 and 1.0 left the window
    assert not decision.give_up
    assert decision.attempt == 2


def test_the_try_after_the_cooldown_gives_up_again_at_once_if_it_fails() -> None:
    policy = RestartPolicy(SETTINGS)
    policy.on_cooldown_retry()
    assert policy.attempt == 0
    assert policy.on_failure(500.0, was_healthy=False).give_up


def test_a_healthy_check_after_the_cooldown_try_ends_the_last_chance() -> None:
    policy = RestartPolicy(SETTINGS)
    policy.on_cooldown_retry()
    policy.on_healthy()
    assert not policy.on_failure(500.0, was_healthy=True).give_up


def test_restore_budget_forgets_restarts_and_says_whether_there_were_any() -> None:
    policy = RestartPolicy(SETTINGS)
    assert policy.restore_budget() is False
    policy.on_failure(0.0, was_healthy=True)
    assert policy.restore_budget() is True
    assert policy.attempt == 0


def test_stable_after_is_measured_from_the_first_healthy_check() -> None:
    policy = RestartPolicy(SETTINGS)
    assert not policy.is_stable(100.0, 129.9)
    assert policy.is_stable(100.0, 130.0)

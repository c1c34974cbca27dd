"""Which notifications a user gets: one per restart, one summary per crash loop, critical
ones for giving up and for a blocked port, and none where the settings turn them off."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from tests.gui.conftest import make_snapshot
from tray_app.config import GuardianConfig
from tray_app.gui import formats
from tray_app.gui.notifications import Notification, NotificationKind, NotificationPolicy
from tray_app.watchdog.model import ActiveWarning, Event, EventName, Level, Reason, State


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def event(name: EventName, state: State, reason: Reason, detail: str = "", **extra: Any) -> Event:
    return Event(
        name=name,
        level=Level.INFO,
        state=state,
        previous=None,
        reason=reason,
        detail=detail,
        time=datetime.now(UTC),
        **extra,
    )


def crash(clock: FakeClock, policy: NotificationPolicy) -> list[Notification]:
    clock.now += 5
    told = policy.on_event(
        event(EventName.EXITED, State.BACKOFF, Reason.SIGNAL, "backend ended: killed by SIGKILL")
    )
    told += policy.on_event(event(EventName.STARTING, State.STARTING, Reason.SIGNAL))
    clock.now += 1
    told += policy.on_event(
        event(EventName.RECOVERED, State.HEALTHY, Reason.CHECK_PASSED, outage_s=1.4)
    )
    return told


def make_policy(**config: Any) -> tuple[FakeClock, NotificationPolicy]:
    clock = FakeClock()
    return clock, NotificationPolicy(GuardianConfig(**config), clock=clock)


def test_a_crash_gives_one_restart_notification_with_reason_and_outage() -> None:
    clock, policy = make_policy()
    told = crash(clock, policy)
    assert [n.kind for n in told] == [NotificationKind.RESTARTED]
    assert "killed by SIGKILL" in told[0].body
    assert "1.4 s" in told[0].body
    assert not told[0].critical


def test_a_crash_loop_gives_one_summary_then_one_works_again() -> None:
    clock, policy = make_policy()
    told = []
    for _ in range(6):
        told += crash(clock, policy)
    kinds = [n.kind for n in told]
    assert kinds == [
        NotificationKind.RESTARTED,
        NotificationKind.RESTARTED,
        NotificationKind.CRASH_LOOP,
    ]
    assert "3 times" in told[-1].body
    clock.now += 10
    assert policy.on_tick() == []  # not settled yet
    clock.now += 30
    settled = policy.on_tick()
    assert [n.kind for n in settled] == [NotificationKind.RECOVERED]
    assert policy.on_tick() == []
    clock.now += 600
    assert [n.kind for n in crash(clock, policy)] == [NotificationKind.RESTARTED]


def test_giving_up_is_critical_and_says_when_it_tries_again() -> None:
    clock, policy = make_policy()
    policy.on_event(event(EventName.EXITED, State.BACKOFF, Reason.EXIT_CODE, "exit code 3"))
    retry_at = datetime.now(UTC) + timedelta(minutes=10)
    snapshot = make_snapshot(State.GAVE_UP, next_start_at=retry_at)
    told = policy.on_event(event(EventName.GAVE_UP, State.GAVE_UP, Reason.RESTART_LIMIT), snapshot)
    assert [n.kind for n in told] == [NotificationKind.GAVE_UP]
    assert told[0].critical
    assert formats.time_text(retry_at) in told[0].body  # in the local format, whatever it is
    assert "exit code 3" in told[0].body
    clock.now += 600
    back = policy.on_event(event(EventName.RECOVERED, State.HEALTHY, Reason.CHECK_PASSED))
    assert [n.kind for n in back] == [NotificationKind.RECOVERED]


def test_a_blocked_port_is_told_once() -> None:
    _, policy = make_policy()
    blocked = event(
        EventName.BLOCKED, State.BLOCKED, Reason.PORT_IN_USE, "port 8765 is used by nginx"
    )
    told = policy.on_event(blocked) + policy.on_event(blocked)
    assert [n.kind for n in told] == [NotificationKind.BLOCKED]
    assert "nginx" in told[0].body


def test_user_actions_give_no_notification() -> None:
    _, policy = make_policy()
    told = policy.on_event(event(EventName.STOPPING, State.STOPPING, Reason.USER))
    told += policy.on_event(event(EventName.STARTING, State.STARTING, Reason.USER))
    told += policy.on_event(event(EventName.HEALTHY, State.HEALTHY, Reason.CHECK_PASSED))
    assert told == []


def test_settings_turn_each_kind_off() -> None:
    clock, policy = make_policy(notify_restarts=False, notify_gave_up=False)
    assert crash(clock, policy) == []
    told = policy.on_event(event(EventName.GAVE_UP, State.GAVE_UP, Reason.RESTART_LIMIT))
    assert told == []
    policy.reconfigure(GuardianConfig(notify_restarts=True))
    clock.now += 1000
    assert [n.kind for n in crash(clock, policy)] == [NotificationKind.RECOVERED]


def test_an_early_warning_is_told_with_its_title_unless_switched_off() -> None:
    warning = ActiveWarning(
        rule="disk_free_db",
        title="Low disk space (database)",
        value=1.2,
        threshold=2.0,
        unit="GB",
        hint="free disk on /data is 1.2 GB, below 2.0 GB",
        since=datetime.now(UTC),
    )
    snapshot = make_snapshot(State.HEALTHY, warnings=(warning,))
    fired = event(
        EventName.WARNING, State.HEALTHY, Reason.EARLY_WARNING, warning.hint,
        data={"rule": "disk_free_db"},
    )  # fmt: skip
    _, policy = make_policy()
    told = policy.on_event(fired, snapshot)
    assert [(n.kind, n.title) for n in told] == [
        (NotificationKind.WARNING, "Low disk space (database)")
    ]
    assert "Free disk on /data is 1.2 GB" in told[0].body
    _, quiet = make_policy(notify_warnings=False)
    assert quiet.on_event(fired, snapshot) == []


def test_a_restart_for_the_memory_limit_is_told() -> None:
    _, policy = make_policy()
    stopping = event(
        EventName.STOPPING, State.STOPPING, Reason.RSS_LIMIT, "it uses 2100 MB, above 2000 MB"
    )
    told = policy.on_event(stopping)
    assert [n.kind for n in told] == [NotificationKind.ACTION_RESTART]
    assert "2100 MB" in told[0].body

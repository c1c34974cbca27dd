"""Backoff, the restart budget, giving up and coming back, on real processes."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from tests.watchdog.harness import StartGuard, service_cmd
from tray_app.watchdog import EventName, Level, Reason, State

EXIT_AT_ONCE = [sys.executable, "-c", "import sys; sys.exit(1)"]


def test_command_that_exits_at_once_backs_off_growing_then_gives_up(guard: StartGuard) -> None:
    g = guard(
        backend_cmd=EXIT_AT_ONCE,
        backoff_initial=0.1,
        backoff_max=0.4,
        max_restarts=4,
        giveup_cooldown=0,
    )
    gave_up = g.wait_event(EventName.GAVE_UP, timeout_s=20)
    assert gave_up.level is Level.CRITICAL
    assert gave_up.reason is Reason.RESTART_LIMIT
    exits = [e for e in g.events if e.name is EventName.EXITED]
    delays = [e.data["delay_s"] for e in exits if "delay_s" in e.data]
    assert delays == [0.1, 0.2, 0.4, 0.4]  # doubling, capped at backoff_max
    assert all(e.exit_code == 1 for e in exits)
    assert [e.name for e in g.events].count(EventName.STARTING) == 5  # first start + 4 restarts
    snap = g.supervisor.snapshot()
    assert snap.state is State.GAVE_UP
    assert snap.next_start_at is None  # giveup_cooldown = 0: never by itself


def test_after_giving_up_one_more_try_comes_after_the_cooldown(guard: StartGuard) -> None:
    g = guard(backend_cmd=EXIT_AT_ONCE, backoff_initial=0.05, max_restarts=1, giveup_cooldown=1)
    first = g.wait_event(EventName.GAVE_UP, timeout_s=10)
    assert g.supervisor.snapshot().next_start_at is not None
    mark = len(g.events)
    g.wait_event(EventName.STARTING, after=mark, timeout_s=5)
    second = g.wait_event(EventName.GAVE_UP, after=mark, timeout_s=5)
    assert second.time > first.time
    starts_between = [e for e in g.events[mark:] if e.name is EventName.STARTING]
    assert len(starts_between) == 1  # exactly one more try, then given up again
    assert starts_between[0].reason is Reason.COOLDOWN


def test_manual_restart_after_giving_up_resets_the_counters(
    guard: StartGuard, tmp_path: Path
) -> None:
    flag = tmp_path / "fixed"
    # Fails until the flag file exists, as a broken install does until someone repairs it.
    cmd = [
        sys.executable,
        "-c",
        f"import os, runpy, sys; os.path.exists({str(flag)!r}) or sys.exit(3); "
        f"sys.argv = {service_cmd()!r}[1:]; runpy.run_path(sys.argv[0], run_name='__main__')",
    ]
    g = guard(backend_cmd=cmd, backoff_initial=0.05, max_restarts=2, giveup_cooldown=0)
    g.wait_event(EventName.GAVE_UP, timeout_s=10)
    assert g.supervisor.snapshot().attempt == 2
    flag.write_text("")
    mark = len(g.events)
    g.supervisor.restart()
    recovered = g.wait_event(EventName.RECOVERED, after=mark, timeout_s=10)
    assert recovered.outage_s is not None
    snap = g.supervisor.snapshot()
    assert snap.state is State.HEALTHY
    assert snap.attempt == 0


def test_stable_backend_earns_its_restart_budget_back(guard: StartGuard) -> None:
    g = guard(backend_cmd=service_cmd(), stable_after=0.5, check_interval=0.1)
    g.wait_event(EventName.HEALTHY)
    os.kill(g.backend_pid(), signal.SIGKILL)
    g.wait_event(EventName.RECOVERED)
    assert g.supervisor.snapshot().attempt == 1
    restored = g.wait_event(EventName.BUDGET_RESTORED, timeout_s=5)
    assert restored.reason is Reason.STABLE
    assert g.supervisor.snapshot().attempt == 0


def test_backend_ignoring_sigterm_is_killed_after_stop_timeout(guard: StartGuard) -> None:
    g = guard(backend_cmd=service_cmd("--ignore-sigterm"), stop_timeout=0.5)
    g.wait_event(EventName.HEALTHY)
    pid = g.backend_pid()
    mark = len(g.events)
    g.supervisor.stop()
    stopped = g.wait_event(EventName.STOPPED, after=mark, timeout_s=10)
    assert g.names()[mark:] == ["stopping", "killed", "stopped"]
    assert "SIGKILL" in stopped.detail
    killed = g.events[mark + 1]
    # Killed only after the graceful stop had its stop_timeout (lower bound, with timer slack).
    assert (killed.time - g.events[mark].time).total_seconds() >= 0.45
    assert g.supervisor.snapshot().state is State.STOPPED
    assert pid not in [p for p in [g.supervisor.snapshot().pid] if p]


def test_pause_leaves_the_backend_alone_and_resume_checks_again(guard: StartGuard) -> None:
    g = guard(backend_cmd=service_cmd(), check_interval=0.1)
    g.wait_event(EventName.HEALTHY)
    mark = len(g.events)
    g.supervisor.pause()
    g.wait_state(State.PAUSED)
    pid = g.backend_pid()
    os.kill(pid, signal.SIGKILL)
    ended = g.wait_event(EventName.EXITED, after=mark)
    assert ended.state is State.PAUSED  # seen, but not restarted while paused
    g.supervisor.resume()
    g.wait_event(EventName.HEALTHY, after=mark, timeout_s=10)
    assert g.backend_pid() != pid


def test_flooding_backend_output_does_not_block_it(guard: StartGuard) -> None:
    g = guard(backend_cmd=service_cmd("--flood"), log_max_bytes=1024 * 1024, log_backups=2)
    g.wait_event(EventName.HEALTHY)
    g.wait_checks(10)  # the service keeps answering while writing megabytes per second
    assert g.supervisor.snapshot().state is State.HEALTHY
    files = sorted(p.name for p in g.logs.directory.glob("backend.log*"))
    assert files == ["backend.log", "backend.log.1", "backend.log.2"]

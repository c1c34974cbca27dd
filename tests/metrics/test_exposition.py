"""/metrics' figures against a real supervisor and a real (misbehaving) backend."""

from __future__ import annotations

import os
import signal

from tests.metrics.scrape import samples, value
from tests.waiting import wait_for
from tests.watchdog.harness import StartGuard, service_cmd
from tray_app import __version__
from tray_app.metrics.registry import GuardianMetrics, metrics_of
from tray_app.watchdog import EventName, State


def test_a_healthy_backend_is_up_with_its_state_memory_and_version(guard: StartGuard) -> None:
    g = guard(backend_cmd=service_cmd())
    g.wait_event(EventName.HEALTHY)
    text = metrics_of(g.supervisor).exposition()
    assert value(text, "erp_guardian_up") == 1
    assert value(text, "erp_guardian_state", state="healthy") == 1
    states = [k for k, v in samples(text).items() if k[0] == "erp_guardian_state" and v == 1]
    assert states == [("erp_guardian_state", (("state", "healthy"),))]
    assert (value(text, "erp_guardian_backend_memory_bytes") or 0) > 1_000_000
    assert value(text, "erp_guardian_backend_cpu_seconds_total") is not None
    assert value(text, "erp_guardian_build_info", version=__version__) == 1
    assert value(text, "erp_guardian_restarts_total", reason="signal") == 0
    assert value(text, "erp_guardian_disk_free_bytes", files="data") is not None
    assert value(text, "erp_guardian_warnings_active", rule="disk_free_db") == 0
    # No backups hooked in: no backup metric rather than a made-up one.
    assert "erp_guardian_backup_last_success_timestamp_seconds" not in text.decode()


def test_a_killed_backend_counts_one_restart_by_its_reason(guard: StartGuard) -> None:
    g = guard(backend_cmd=service_cmd())
    g.wait_event(EventName.HEALTHY)
    metrics = metrics_of(g.supervisor)
    os.kill(g.backend_pid(), signal.SIGKILL)
    g.wait_event(EventName.RECOVERED)
    starting = [e for e in g.events if e.name is EventName.STARTING]
    reason = starting[-1].reason.value
    text = metrics.exposition()
    restarts = {k[1]: v for k, v in samples(text).items() if k[0] == "erp_guardian_restarts_total"}
    assert restarts[(("reason", reason),)] == 1
    assert sum(restarts.values()) == 1 == g.supervisor.snapshot().restart_count


def test_check_durations_fill_the_histogram_once_per_check(guard: StartGuard) -> None:
    g = guard(backend_cmd=service_cmd(), check_interval=0.1)
    g.wait_state(State.HEALTHY)
    metrics = metrics_of(g.supervisor)
    seen: set[object] = set()

    def observed_checks() -> bool:
        metrics.note_check()
        seen.add(g.supervisor.snapshot().last_check_at)
        return len(seen) >= 6

    wait_for(observed_checks, interval_s=0.01)
    text = metrics.exposition()
    count = value(text, "erp_guardian_health_check_duration_seconds_count") or 0
    inf = value(text, "erp_guardian_health_check_duration_seconds_bucket", le="+Inf")
    assert 5 <= count <= len(seen) and inf == count
    assert 0 < (value(text, "erp_guardian_health_check_duration_seconds_sum") or 0) < count


def test_backup_hook_gives_the_newest_good_backups_time(guard: StartGuard) -> None:
    g = guard(backend_cmd=service_cmd())
    metrics = GuardianMetrics(g.supervisor, backup_clock=lambda: None)
    try:
        assert (
            value(metrics.exposition(), "erp_guardian_backup_last_success_timestamp_seconds") == 0
        )
        metrics.set_backup_clock(lambda: 1_700_000_000.0)
        text = metrics.exposition()
        assert value(text, "erp_guardian_backup_last_success_timestamp_seconds") == 1.7e9
    finally:
        metrics.close()


def test_each_metrics_object_has_a_registry_of_its_own(guard: StartGuard) -> None:
    g = guard(backend_cmd=service_cmd())
    first, second = GuardianMetrics(g.supervisor), GuardianMetrics(g.supervisor)
    try:
        assert first.registry is not second.registry
        assert metrics_of(g.supervisor) is metrics_of(g.supervisor)
    finally:
        first.close()
        second.close()

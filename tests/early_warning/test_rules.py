"""Each early-warning rule fired by real conditions on real processes."""

from __future__ import annotations

import re
from pathlib import Path

import httpx

from tests.conditions import small_volume
from tests.watchdog.harness import StartGuard, service_cmd
from tray_app.watchdog import Event, EventName, Level, State


def _warnings(events: list[Event], rule: str, name: EventName = EventName.WARNING) -> list[Event]:
    return [e for e in events if e.name is name and e.data.get("rule") == rule]


def test_low_disk_on_the_database_volume_warns_and_clears(
    guard: StartGuard, tmp_path: Path
) -> None:
    with small_volume(tmp_path / "vol", size_kb=64 * 1024) as volume:
        g = guard(
            backend_cmd=service_cmd(),
            data_dir=str(volume / "data"),
            log_dir=str(tmp_path / "log"),
            monitor_interval=0.1,
            warn_disk_free_gb=40 / 1024,  # 40 MB on a 64 MB volume
        )
        g.wait_event(EventName.HEALTHY)
        filler = volume / "filler"
        filler.write_bytes(b"\0" * 30 * 1024**2)  # 34 MB free: below 40
        raised = g.wait_event(EventName.WARNING)
        assert raised.level is Level.WARNING and raised.data["rule"] == "disk_free_db"
        assert "below" in raised.detail and str(volume) in raised.detail
        assert [w.rule for w in g.supervisor.snapshot().warnings] == ["disk_free_db"]
        # 42 MB free: past the line but not past the clear level (44 MB): still one warning.
        filler.write_bytes(b"\0" * 22 * 1024**2)
        g.wait_checks(3)
        filler.unlink()  # 64 MB free
        cleared = g.wait_event(EventName.WARNING_CLEARED)
        assert cleared.data["rule"] == "disk_free_db"
        assert len(_warnings(g.events, "disk_free_db")) == 1
        assert g.supervisor.snapshot().warnings == ()
        g.supervisor.request_shutdown()
        g.thread.join(10)


def test_steadily_growing_backend_memory_is_a_leak_warning(guard: StartGuard) -> None:
    g = guard(
        backend_cmd=service_cmd("--leak-mb-per-s", "8"),
        monitor_interval=0.25,
        rss_growth_window=10,
        warn_rss_growth_mb_per_hour=3600,  # 1 MB/s; the service grows by 8 MB/s
        warn_backend_rss_mb=60,
    )
    above = g.wait_event(EventName.WARNING, timeout_s=20)
    assert above.data["rule"] == "backend_rss" and above.data["value"] > 60
    leak = g.wait_event(EventName.WARNING, count=2, timeout_s=30)
    assert leak.data["rule"] == "backend_rss_growth"
    assert 3600 < leak.data["value"] < 8 * 3600 * 2
    assert "grows steadily" in leak.detail


def test_slow_health_of_the_real_backend_warns_on_latency(guard: StartGuard) -> None:
    g = guard(
        backend_env={"ERP_GUARDIAN_FAULTS": "1"},
        check_interval=0.1,
        check_timeout=2,
        monitor_interval=0.2,
        warn_latency_p95_ms=250,
        warn_latency_rise_factor=0,
    )
    g.wait_event(EventName.HEALTHY, timeout_s=30)
    url = f"http://127.0.0.1:{g.config.port}/api/v1/faults/slow-health"
    assert httpx.post(url, params={"ms": 300}, timeout=5).is_success
    warning = g.wait_event(EventName.WARNING, timeout_s=20)
    assert warning.data["rule"] == "latency_p95" and warning.data["value"] >= 300
    assert g.supervisor.snapshot().state is State.HEALTHY  # slow is a warning, not a restart
    assert re.search(r"health checks take \d+ ms ", warning.detail), warning.detail
    assert httpx.post(url, params={"ms": 0}, timeout=5).is_success
    cleared = g.wait_event(EventName.WARNING_CLEARED, timeout_s=20)
    # The value rounded as the warning's hint rounds it, not 15.987 ms.
    assert re.search(r": back to normal \(\d+ ms\)$", cleared.detail), cleared.detail


def test_backend_printing_errors_warns_on_the_error_rate(guard: StartGuard) -> None:
    g = guard(
        backend_cmd=service_cmd("--errors-per-s", "20"),
        monitor_interval=0.2,
        warn_errors_per_minute=10,
    )
    warning = g.wait_event(EventName.WARNING, timeout_s=10)
    assert warning.data["rule"] == "errors_per_minute" and warning.data["value"] > 10
    assert "backend.log" in warning.detail


def test_rss_hard_limit_action_restarts_and_says_why(guard: StartGuard) -> None:
    g = guard(
        backend_cmd=service_cmd("--leak-mb-per-s", "20"),
        monitor_interval=0.2,
        restart_on_rss_mb=80,
        warn_backend_rss_mb=0,
    )
    g.wait_event(EventName.HEALTHY)
    first = g.backend_pid()
    stopping = g.wait_event(EventName.STOPPING, timeout_s=20)
    assert stopping.reason.value == "rss_limit" and "hard limit" in stopping.detail
    starting = g.wait_event(EventName.STARTING, count=2, timeout_s=10)
    assert starting.reason.value == "rss_limit"  # the new process says why it was started
    g.wait_event(EventName.HEALTHY, count=2, timeout_s=10)
    assert g.backend_pid() != first

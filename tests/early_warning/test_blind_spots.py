"""Early warning without blind spots: error lines in any case and in German, the backend's own
process tree for the CPU, one disk warning per volume, only unplanned restarts counted, and a
database that stays locked."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import psutil
import pytest

from tests.early_warning.test_hysteresis import BASE, NOW, _monitor
from tests.waiting import wait_for
from tests.watchdog.harness import StartGuard, service_cmd
from tray_app.config import ConfigError, GuardianConfig, validate_values
from tray_app.watchdog import EventName
from tray_app.watchdog.early_warning import GB
from tray_app.watchdog.readings import ReadingCollector
from tray_app.watchdog.tree_cpu import TreeCpuMeter


def _errors_counted(lines: list[bytes], **config: object) -> float:
    readings = ReadingCollector(GuardianConfig.model_validate(config))
    for line in lines:
        readings.note_output(line, now=1.0)
    return readings.read(2.0, None).errors_per_minute


def test_error_lines_are_found_in_any_case_and_in_german() -> None:
    lines = [
        b"2026-01-01 ERROR posting failed",
        b"error: lowercase too",
        b"Critical: disk",
        b"fatal signal",
        b"Traceback (most recent call last):",
        b"raised an Exception in worker",
        b"FEHLER beim Buchen der Rechnung",
        b"Kritisch: Datenbank nicht erreichbar",
    ]
    assert _errors_counted(lines) == len(lines)
    harmless = [b"0 errors so far", b"no exceptions raised", b"Fehlerfrei gebucht", b"INFO ok"]
    assert _errors_counted(harmless) == 0


def test_error_patterns_come_from_the_config() -> None:
    lines = [b"E1234 posting failed", b"ERROR is not in my list"]
    assert _errors_counted(lines, error_patterns=[r"^E\d{4}\b"]) == 1
    assert _errors_counted(lines, error_patterns=[]) == 0


def test_a_bad_error_pattern_names_the_key_and_the_pattern() -> None:
    with pytest.raises(ConfigError) as caught:
        validate_values({"error_patterns": [r"\bERROR\b", "Fehler ("]})
    message = str(caught.value)
    assert message.startswith("error_patterns") and "'Fehler ('" in message


BUSY_CHILD = """
import subprocess, sys, time
child = subprocess.Popen([sys.executable, "-c", "while True: pass"])
print(child.pid, flush=True)
time.sleep(600)
"""


def test_cpu_is_measured_over_the_backend_tree_not_the_machine() -> None:
    """An idle parent with a busy child: the child's CPU counts; the parent alone shows ~0."""
    parent = subprocess.Popen(
        [sys.executable, "-c", BUSY_CHILD],
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        assert parent.stdout is not None
        int(parent.stdout.readline())
        tree, root_only = TreeCpuMeter(), psutil.Process(parent.pid)
        seen: list[tuple[float | None, float]] = []

        def busy_tree() -> bool:
            seen.append((tree.percent(parent.pid, now=0.0), root_only.cpu_percent(interval=None)))
            return (seen[-1][0] or 0.0) > 50.0

        wait_for(busy_tree, timeout_s=15, interval_s=0.3, describe=lambda: seen)
        assert seen[-1][1] < 20.0, seen  # the backend process alone sleeps
        assert tree.percent(None, now=0.0) is None  # no backend: no figure, not the machine's
        readings = ReadingCollector(GuardianConfig())
        readings.read(0.0, None, parent.pid)  # the baseline of this collector's meter
        wait_for(
            lambda: (readings.read(1.0, None, parent.pid).backend_cpu_percent or 0) > 50,
            timeout_s=15,
            interval_s=0.3,
        )
    finally:
        os.killpg(parent.pid, signal.SIGKILL)
        parent.wait(10)


def test_database_and_logs_on_one_volume_give_one_disk_warning() -> None:
    low = replace(BASE, db_volume_free_bytes=1 * GB, log_volume_free_bytes=1 * GB)
    changes = _monitor(warn_disk_free_gb=5).update(low, NOW)
    assert [c.warning.rule for c in changes] == ["disk_free_db"]
    assert "and the logs" in changes[0].warning.hint
    apart = replace(low, log_volume="D:\\")
    changes = _monitor(warn_disk_free_gb=5).update(apart, NOW)
    assert [c.warning.rule for c in changes] == ["disk_free_db", "disk_free_logs"]


def test_database_degraded_longer_than_the_limit_warns_and_clears() -> None:
    monitor = _monitor(warn_db_degraded_s=60)
    assert monitor.update(replace(BASE, db_degraded_s=59.0), NOW) == []
    (raised,) = monitor.update(replace(BASE, db_degraded_s=61.0), NOW)
    assert raised.raised and raised.warning.rule == "db_degraded"
    (cleared,) = monitor.update(replace(BASE, db_degraded_s=0.0), NOW)
    assert not cleared.raised
    assert _monitor(warn_db_degraded_s=0).update(replace(BASE, db_degraded_s=1e6), NOW) == []


def test_degraded_time_counts_from_the_first_degraded_answer_in_a_row() -> None:
    readings = ReadingCollector(GuardianConfig())
    readings.note_health(True, 10.0)
    readings.note_health(True, 40.0)
    assert readings.read(70.0, None).db_degraded_s == 60.0
    readings.note_health(False, 71.0)
    assert readings.read(72.0, None).db_degraded_s == 0.0


def test_real_backend_degraded_too_long_raises_the_locked_database_warning(
    guard: StartGuard,
) -> None:
    g = guard(
        backend_cmd=service_cmd("--status", "degraded"),
        monitor_interval=0.1,
        warn_db_degraded_s=0.5,
        check_interval=0.1,
    )
    warning = g.wait_event(EventName.WARNING)
    assert warning.data["rule"] == "db_degraded", g.names()
    assert "database" in warning.detail


def _restart_warnings(g: object) -> list[object]:
    events = g.events  # type: ignore[attr-defined]
    return [e for e in events if e.name is EventName.WARNING and e.data["rule"] == "restarts_24h"]


def test_only_unplanned_restarts_count_towards_frequent_restarts(
    guard: StartGuard, tmp_path: Path
) -> None:
    g = guard(backend_cmd=service_cmd(), monitor_interval=0.1, warn_restarts_24h=1)
    g.wait_event(EventName.HEALTHY)
    for count in (1, 2, 3):  # user restarts: planned
        g.supervisor.restart()
        g.wait_event(EventName.HEALTHY, count=count + 1)
    g.supervisor.reconfigure(g.config.model_copy(update={"backend_env": {"X": "1"}}))
    g.wait_event(EventName.HEALTHY, count=5)
    g.wait_checks(3)
    assert _restart_warnings(g) == [], g.names()
    for count in (1, 2):  # crashes: unplanned
        os.kill(g.backend_pid(), signal.SIGKILL)
        g.wait_event(EventName.RECOVERED, count=count)
    g.wait_event(EventName.WARNING)
    assert len(_restart_warnings(g)) == 1, g.names()
    assert tmp_path.exists()

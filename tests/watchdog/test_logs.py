"""The log files: rotation, a deleted file, an unwritable folder, and the summary figures."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.waiting import wait_for
from tests.watchdog.harness import StartGuard, service_cmd
from tray_app.config import GuardianConfig
from tray_app.logs.analysis import summarise_log
from tray_app.logs.writer import GuardianLogs
from tray_app.watchdog import EventName, State


def test_rotation_keeps_the_configured_number_of_files(tmp_path: Path) -> None:
    config = GuardianConfig(log_dir=str(tmp_path), log_max_bytes=2048, log_backups=3)
    logs = GuardianLogs(config)
    try:
        for number in range(2000):
            logs.on_backend_output(f"line {number} ".encode() + b"x" * 80)
    finally:
        logs.close()
    files = sorted(p.name for p in tmp_path.glob("backend.log*"))
    assert files == ["backend.log", "backend.log.1", "backend.log.2", "backend.log.3"]
    assert all(p.stat().st_size <= 2048 for p in tmp_path.glob("backend.log*"))
    assert "line 1999" in (tmp_path / "backend.log").read_text()


def test_log_files_are_private_to_the_user(tmp_path: Path) -> None:
    logs = GuardianLogs(GuardianConfig(log_dir=str(tmp_path)))
    try:
        logs.on_backend_output(b"hello")
    finally:
        logs.close()
    assert (tmp_path / "backend.log").stat().st_mode & 0o077 == 0


def test_deleted_log_file_is_created_again(guard: StartGuard) -> None:
    g = guard(backend_cmd=service_cmd())
    g.wait_event(EventName.HEALTHY)
    events_file = g.logs.path("events.jsonl")
    events_file.unlink()
    g.supervisor.restart()
    g.wait_event(EventName.HEALTHY, count=2)
    lines = [json.loads(x) for x in events_file.read_text().splitlines()]
    assert [x["event"] for x in lines][-2:] == ["starting", "healthy"]


def test_unwritable_log_dir_is_reported_and_the_watchdog_keeps_guarding(
    guard: StartGuard, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the log folder should be")
    g = guard(backend_cmd=service_cmd(), log_dir=str(blocker / "log"))
    assert g.logs.problem is not None and "cannot be written" in g.logs.problem
    assert "cannot be written" in capsys.readouterr().err
    g.wait_event(EventName.HEALTHY)
    os.kill(g.backend_pid(), 9)
    g.wait_event(EventName.RECOVERED)


def test_summary_figures_on_a_log_with_known_outages(tmp_path: Path) -> None:
    start = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)

    def at(seconds: float, event: str, state: str, **extra: object) -> dict[str, object]:
        time = (start + timedelta(seconds=seconds)).isoformat()
        return {"time": time, "event": event, "state": state, "level": "info", **extra}

    rows = [
        at(0, "starting", "starting", previous="stopped", reason="startup"),
        at(10, "healthy", "healthy"),
        # A crash at 1000 s, back at 1004 s.
        at(1000, "exited", "backoff", level="error", reason="signal"),
        at(1001, "starting", "starting", previous="backoff", reason="signal"),
        at(1004, "recovered", "healthy", outage_s=4.0),
        # A hang declared at 2000 s, back at 2010 s.
        at(2000, "hung", "stopping", level="error", reason="hang"),
        at(2001, "stopped", "backoff", reason="hang"),
        at(2002, "starting", "starting", previous="backoff", reason="hang"),
        at(2010, "recovered", "healthy", outage_s=10.0),
        at(3010, "stopped", "stopped", reason="shutdown"),
    ]
    # Spread over a rotated file and the current one, as a long run would be.
    (tmp_path / "events.jsonl.1").write_text("\n".join(json.dumps(r) for r in rows[:5]) + "\n")
    (tmp_path / "events.jsonl").write_text(
        "\n".join(json.dumps(r) for r in rows[5:]) + "\nnot json\n"
    )
    until = start + timedelta(seconds=4000)
    result, events_read = summarise_log(tmp_path / "events.jsonl", None, until)
    assert events_read == len(rows)
    assert result.restarts == 2
    assert result.restarts_by_reason == {"signal": 1, "hang": 1}
    assert result.failures == 2
    assert result.mttr_s == 7.0
    assert result.longest_outage_s == 10.0
    # Supervised 0..3010 s (then stopped); serving 10..1000, 1004..2000, 2010..3010.
    assert result.supervised_s == 3010.0
    assert result.serving_s == 990 + 996 + 1000
    assert result.uptime_percent == round(100 * 2986 / 3010, 3)
    assert result.mtbf_s == 2986 / 2
    assert result.levels["error"] == 2
    assert result.unreadable_lines == 1
    # A window that starts after the crash sees only the hang.
    later, _ = summarise_log(tmp_path / "events.jsonl", start + timedelta(seconds=1500), until)
    assert later.restarts_by_reason == {"hang": 1}
    assert later.supervised_s == 1510.0


def test_logs_summary_command_prints_json(tmp_path: Path) -> None:
    row = {
        "time": datetime.now(UTC).isoformat(),
        "event": "healthy",
        "state": "healthy",
        "level": "info",
    }
    (tmp_path / "events.jsonl").write_text(json.dumps(row) + "\n")
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "tray_app",
            "logs",
            "summary",
            "--json",
            "--since",
            "1h",
            "--log-dir",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    data = json.loads(out)
    assert data["events"] == 1 and data["levels"] == {"info": 1}


def test_logs_show_filters_by_level_and_text(tmp_path: Path) -> None:
    lines = [
        "2026-11-28 10:00:00,000 INFO erp_guardian.watchdog: healthy: answers in 3 ms",
        "2026-11-28 10:00:01,000 ERROR erp_guardian.watchdog: exited: killed by SIGKILL",
        "2026-11-28 10:00:02,000 WARNING erp_guardian.watchdog: check_failed: timeout",
    ]
    (tmp_path / "guardian.log").write_text("\n".join(lines) + "\n")
    run = [sys.executable, "-m", "tray_app", "logs", "show", "--log-dir", str(tmp_path)]
    out = subprocess.run([*run, "--level", "warning"], capture_output=True, text=True).stdout
    assert out.splitlines() == lines[1:]
    out = subprocess.run([*run, "--grep", "sigkill"], capture_output=True, text=True).stdout
    assert out.splitlines() == [lines[1]]


# An ERROR record as Python's logging writes it: the message line, then the traceback.
ERROR_RECORD = [
    "2026-11-28 10:00:01,000 ERROR erp_guardian: event listener failed",
    "Traceback (most recent call last):",
    '  File "tray_app/watchdog/supervisor.py", line 329, in _publish',
    "    listener(event)",
    "OSError: [Errno 28] No space left on device",
]


def show(log_dir: Path, *options: str) -> list[str]:
    run = [sys.executable, "-m", "tray_app", "logs", "show", "--log-dir", str(log_dir)]
    done = subprocess.run([*run, *options], capture_output=True, text=True, check=True)
    return done.stdout.splitlines()


def test_logs_show_level_error_prints_the_whole_record_with_its_traceback(
    tmp_path: Path,
) -> None:
    before = "2026-11-28 10:00:00,000 INFO erp_guardian.watchdog: healthy: answers in 3 ms"
    after = "2026-11-28 10:00:02,000 INFO erp_guardian.watchdog: recovered"
    lines = [before, *ERROR_RECORD, after]
    (tmp_path / "guardian.log").write_text("\n".join(lines) + "\n")
    assert show(tmp_path, "--level", "error") == ERROR_RECORD


def test_logs_show_grep_and_since_take_a_record_as_a_unit(tmp_path: Path) -> None:
    old = [
        "2026-11-28 09:00:00,000 ERROR erp_guardian: event listener failed",
        "Traceback (most recent call last):",
        "OSError: [Errno 28] No space left on device",
    ]
    other = "2026-11-28 10:00:00,500 WARNING erp_guardian.watchdog: check_failed: timeout"
    (tmp_path / "guardian.log").write_text("\n".join([*old, *ERROR_RECORD, other]) + "\n")
    # The text is only in the traceback: the record's first line comes with it.
    assert show(tmp_path, "--grep", "no space left") == [*old, *ERROR_RECORD]
    # A traceback line has no time of its own: it goes with its record, old or new.
    since = datetime(2026, 11, 28, 9, 30).astimezone().isoformat()
    assert show(tmp_path, "--since", since) == [*ERROR_RECORD, other]


def test_stats_line_is_written_every_stats_interval(guard: StartGuard) -> None:
    g = guard(backend_cmd=service_cmd(), stats_interval=0.2)
    g.wait_event(EventName.HEALTHY)
    guardian_log = g.logs.path("guardian.log")

    wait_for(lambda: guardian_log.read_text().count("erp_guardian.stats") >= 2, timeout_s=10)
    line = next(x for x in guardian_log.read_text().splitlines() if "stats" in x)
    assert "cpu" in line and "ram" in line and "disk" in line and "backend rss" in line
    assert " INFO erp_guardian.stats: " in line
    assert g.supervisor.snapshot().state is State.HEALTHY

"""Incident reports from real outages, the stack dump of a hung backend, the support bundle."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import httpx

from tests.waiting import wait_for
from tests.watchdog.harness import StartGuard, service_cmd
from tray_app.config import GuardianConfig
from tray_app.logs.bundle import MASK, write_bundle
from tray_app.logs.incidents import list_incidents
from tray_app.watchdog import EventName, State


def test_sigkill_incident_holds_the_last_output_lines_and_the_reason(guard: StartGuard) -> None:
    g = guard(backend_cmd=service_cmd("--tick"))
    g.wait_event(EventName.HEALTHY)
    wait_for(lambda: "tick 3" in g.logs.path("backend.log").read_text(), message="ticks")
    os.kill(g.backend_pid(), signal.SIGKILL)
    incident = g.wait_event(EventName.INCIDENT)
    report = incident.data
    assert report["reason"] == "signal" and "SIGKILL" in report["detail"]
    assert report["recovered"] is True and report["recovery_s"] > 0
    assert any(line.startswith("tick ") for line in report["backend_output_tail"])
    assert [e["event"] for e in report["timeline"]] == ["exited", "starting", "recovered"]
    assert "memory_available_bytes" in report["figures_before"]
    text_file = g.logs.directory / "incidents" / f"{report['id']}.txt"
    wait_for(text_file.exists, message="report file")
    assert "SIGKILL" in text_file.read_text() and "| tick" in text_file.read_text()
    events = [json.loads(x) for x in g.logs.path("events.jsonl").read_text().splitlines()]
    assert events[-1]["event"] == "incident"
    assert events[-1]["data"] == {"id": report["id"], "file": text_file.name}
    listed = subprocess.run(
        [sys.executable, "-m", "tray_app", "logs", "incidents", "--log-dir", str(g.logs.directory)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert report["id"] in listed and "recovered in" in listed
    shown = subprocess.run(
        [
            sys.executable,
            "-m",
            "tray_app",
            "logs",
            "incidents",
            report["id"],
            "--log-dir",
            str(g.logs.directory),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Timeline:" in shown and "| tick" in shown


def test_hung_real_backend_dumps_its_stacks_into_the_report(guard: StartGuard) -> None:
    g = guard(backend_env={"ERP_GUARDIAN_FAULTS": "1"}, check_interval=0.3, check_timeout=0.3)
    g.wait_event(EventName.HEALTHY, timeout_s=30)
    url = f"http://127.0.0.1:{g.config.port}/api/v1/faults/block"
    # The event loop is blocked: that is the point.
    with contextlib.suppress(httpx.TimeoutException):
        httpx.post(url, params={"seconds": 60}, timeout=0.3)
    incident = g.wait_event(EventName.INCIDENT, timeout_s=30)
    report = incident.data
    assert report["reason"] == "hang"
    tail = "\n".join(report["backend_output_tail"])
    # faulthandler's dump names the blocking call in the fault route.
    assert "Thread 0x" in tail or "Current thread" in tail, tail[-2000:]
    assert "faults" in tail


def test_gave_up_outage_is_reported_as_not_recovered(guard: StartGuard) -> None:
    g = guard(
        backend_cmd=[sys.executable, "-c", "print('bad config line 7'); raise SystemExit(4)"],
        backoff_initial=0.05,
        max_restarts=1,
        giveup_cooldown=0,
    )
    incident = g.wait_event(EventName.INCIDENT, timeout_s=10)
    assert incident.data["recovered"] is False
    assert "bad config line 7" in incident.data["backend_output_tail"]
    assert g.supervisor.snapshot().state is State.GAVE_UP
    assert [i.recovered for i in list_incidents(g.logs.directory)] == [False]


def test_support_bundle_holds_logs_incidents_and_a_redacted_config(tmp_path: Path) -> None:
    log_dir = tmp_path / "log"
    (log_dir / "incidents").mkdir(parents=True)
    (log_dir / "guardian.log").write_text("a line\n")
    (log_dir / "incidents" / "x.txt").write_text("report\n")
    config = GuardianConfig(
        log_dir=str(log_dir),
        data_dir=str(tmp_path / "data"),
        backend_env={"DB_PASSWORD": "hunter2"},
        backend_cmd=["server", "--api-token=abc123", "--port", "{port}"],
    )
    target = write_bundle(config, tmp_path / "support.zip")
    with zipfile.ZipFile(target) as archive:
        names = set(archive.namelist())
        assert {
            "logs/guardian.log",
            "logs/incidents/x.txt",
            "config.json",
            "system.json",
            "doctor.txt",
        } <= names
        config_text = archive.read("config.json").decode()
        facts = json.loads(archive.read("system.json"))
    assert "hunter2" not in config_text and "abc123" not in config_text
    assert json.loads(config_text)["backend_env"] == {"DB_PASSWORD": MASK}
    assert facts["erp_guardian"] and facts["memory_total_bytes"] > 0


def test_scheduled_restart_happens_at_the_configured_time(guard: StartGuard) -> None:
    # The wall clock stands 1 s before 03:30 local time; the schedule runs on monotonic time.
    local = datetime.now().astimezone().replace(hour=3, minute=29, second=59, microsecond=0)
    fixed = local.astimezone(UTC)
    g = guard(
        backend_cmd=service_cmd(), scheduled_restart="03:30", engine={"wall_clock": lambda: fixed}
    )
    g.wait_event(EventName.HEALTHY)
    first = g.backend_pid()
    stopping = g.wait_event(EventName.STOPPING, timeout_s=10)
    assert stopping.reason.value == "scheduled" and "03:30" in stopping.detail
    g.wait_event(EventName.HEALTHY, count=2)
    assert g.backend_pid() != first

"""A hung foreign backend is dumped with py-spy before it is stopped; the report keeps the dump,
or says plainly why there is none."""

from __future__ import annotations

import os
import signal

import pytest

from tests.waiting import free_port, wait_for
from tests.watchdog.harness import StartGuard, service_cmd
from tray_app.logs.incidents import format_report
from tray_app.watchdog import EventName
from tray_app.watchdog.stack_dump import find_py_spy

pytestmark = pytest.mark.skipif(find_py_spy() is None, reason="py-spy is installed by setup.sh")

FAST_HANG = {"check_interval": 0.2, "check_timeout": 0.2, "failure_threshold": 2}


def test_hung_foreign_python_backend_is_dumped_before_it_is_stopped(guard: StartGuard) -> None:
    g = guard(backend_cmd=service_cmd("--hang-after", "0.5"), **FAST_HANG)
    g.wait_event(EventName.HEALTHY)
    hung = g.wait_event(EventName.HUNG)
    dump = hung.data["stack_dump"]
    assert dump["method"] == "py_spy" and dump["problem"] is None, dump
    assert "hold_the_ledger_lock" in dump["text"]
    assert dump["dumped_after_ms"] > 0
    report = g.wait_event(EventName.INCIDENT).data
    assert report["reason"] == "hang"
    assert "hold_the_ledger_lock" in report["stack_dump"]["text"]
    hung_in_timeline = next(e for e in report["timeline"] if e["event"] == "hung")
    assert "stack_dump" not in hung_in_timeline["data"]  # said once, in its own section
    text = format_report(report)
    assert "Stack dump (taken " in text and "hold_the_ledger_lock" in text
    saved = g.logs.directory / "incidents" / f"{report['id']}.txt"
    wait_for(saved.exists, message="report file")
    assert "hold_the_ledger_lock" in saved.read_text()


def test_hung_backend_that_is_not_python_gets_the_plain_reason(guard: StartGuard) -> None:
    nobody_listens = f"http://127.0.0.1:{free_port()}/health"
    g = guard(
        backend_cmd=["sleep", "3600"],
        health_url=nobody_listens,
        startup_grace=0.2,
        max_restarts=0,
        giveup_cooldown=0,
        **FAST_HANG,
    )
    hung = g.wait_event(EventName.HUNG)
    assert hung.data["stack_dump"]["problem"] == "not_python", hung.data
    report = g.wait_event(EventName.INCIDENT).data
    dump = report["stack_dump"]
    assert dump["text"] is None and dump["problem"] == "not_python"
    assert "not a Python program" in format_report(report)


def test_bundled_backend_keeps_its_own_faulthandler_dump(guard: StartGuard) -> None:
    """No py-spy for the bundled backend: the report points at the output tail."""
    g = guard(backend_env={"ERP_GUARDIAN_FAULTS": "1"}, **FAST_HANG)
    g.wait_event(EventName.HEALTHY, timeout_s=30)
    os.kill(g.backend_pid(), signal.SIGSTOP)
    hung = g.wait_event(EventName.HUNG)
    assert hung.data["stack_dump"]["method"] == "faulthandler"
    assert hung.data["stack_dump"]["text"] is None

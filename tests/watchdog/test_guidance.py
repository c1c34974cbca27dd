"""Every yellow or red state comes with guidance: what happened, the evidence, what helps.
Real processes: a command missing a module, a program that does not exist, a backend that
gives up, a database held locked by another process, a port held by another program."""

from __future__ import annotations

import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.waiting import wait_for
from tests.watchdog.harness import Guard, StartGuard, service_cmd
from tray_app.watchdog import State
from tray_app.watchdog.model import Guidance, GuidanceAction, GuidanceId

GIVE_UP_AT_ONCE = {"backoff_initial": 0.05, "max_restarts": 1, "giveup_cooldown": 0}

LOCKER = """
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
time.sleep(600)
"""


def _guidance_in(g: Guard, state: State) -> Guidance:
    g.wait_state(state)
    guidance = g.supervisor.snapshot().guidance
    assert guidance is not None, g.names()
    return guidance


def test_a_missing_module_is_named_after_giving_up(guard: StartGuard) -> None:
    g = guard(backend_cmd=[sys.executable, "-c", "import erp_ledger_core"], **GIVE_UP_AT_ONCE)
    guidance = _guidance_in(g, State.GAVE_UP)
    assert guidance.id is GuidanceId.MISSING_MODULE
    assert guidance.params == {"module": "erp_ledger_core"}
    assert any("No module named 'erp_ledger_core'" in line for line in guidance.lines)
    assert guidance.actions[0] is GuidanceAction.CHECK_AND_FIX
    assert GuidanceAction.TRY_AGAIN in guidance.actions


def test_gave_up_shows_the_last_output_with_open_log_and_try_again(guard: StartGuard) -> None:
    command = [sys.executable, "-c", "print('bad config line 7'); raise SystemExit(4)"]
    g = guard(backend_cmd=command, **GIVE_UP_AT_ONCE)
    guidance = _guidance_in(g, State.GAVE_UP)
    assert guidance.id is GuidanceId.GAVE_UP
    assert "bad config line 7" in guidance.lines
    assert guidance.actions == (GuidanceAction.OPEN_LOG, GuidanceAction.TRY_AGAIN)
    assert g.supervisor.snapshot().to_dict()["guidance"] == {
        "id": "gave_up",
        "params": {},
        "lines": list(guidance.lines),
        "actions": ["open_log", "try_again"],
    }


def test_a_program_that_does_not_exist_blocks_the_start_and_is_named(guard: StartGuard) -> None:
    g = guard(backend_cmd=["erp-ledger-server-not-installed", "--port", "{port}"])
    guidance = _guidance_in(g, State.BLOCKED)
    assert guidance.id is GuidanceId.MISSING_PROGRAM
    assert guidance.params == {"program": "erp-ledger-server-not-installed"}
    assert guidance.actions == (GuidanceAction.CHECK_AND_FIX, GuidanceAction.TRY_AGAIN)


def test_a_database_held_locked_names_the_program_holding_it(
    guard: StartGuard, tmp_path: Path
) -> None:
    database = tmp_path / "erp.sqlite3"
    sqlite3.connect(database).close()
    locker = subprocess.Popen(
        [sys.executable, "-c", LOCKER, str(database)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert locker.stdout is not None and locker.stdout.readline().strip() == "locked"
        g = guard(backend_cmd=service_cmd("--db", str(database)), database_path=str(database))
        guidance = _guidance_in(g, State.DEGRADED)
        assert guidance.id is GuidanceId.DATABASE_LOCKED, guidance
        assert guidance.params == {"database": str(database)}
        assert any(f"(PID {locker.pid})" in line for line in guidance.lines), guidance.lines
        assert not any(f"(PID {g.backend_pid()})" in line for line in guidance.lines)
    finally:
        locker.kill()
        locker.wait(10)
    g.wait_state(State.HEALTHY)
    assert g.supervisor.snapshot().guidance is None


def test_a_port_held_by_another_program_offers_to_stop_it(guard: StartGuard) -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        g = guard(backend_cmd=service_cmd(), port=port)
        guidance = _guidance_in(g, State.BLOCKED)
        assert guidance.id is GuidanceId.PORT_IN_USE
        assert guidance.params["port"] == str(port)
        assert guidance.actions == (GuidanceAction.STOP_PORT_HOLDER, GuidanceAction.CHECK_AND_FIX)
        g.supervisor.stop()
        wait_for(lambda: g.supervisor.snapshot().state is State.STOPPED)

"""py-spy dumps any hung Python process before it is killed, or says plainly why it cannot."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.waiting import wait_for
from tray_app.watchdog.stack_dump import DumpProblem, _classify, dump_stacks, find_py_spy

HUNG_PROGRAM = """
import sys, threading, time
def waiting_for_the_invoice_lock():
    print("ready", flush=True)
    threading.Event().wait()
waiting_for_the_invoice_lock()
"""

pytestmark = pytest.mark.skipif(find_py_spy() is None, reason="py-spy is installed by setup.sh")


@contextmanager
def running(argv: list[str]) -> Iterator[subprocess.Popen[str]]:
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, text=True, start_new_session=True)
    try:
        yield process
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def _ready(process: subprocess.Popen[str]) -> None:
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "ready"


def test_a_hung_foreign_python_process_is_dumped_with_its_function() -> None:
    with running([sys.executable, "-c", HUNG_PROGRAM]) as process:
        _ready(process)
        dump = dump_stacks(process.pid)
    assert dump.ok, dump.detail
    assert dump.text is not None and "waiting_for_the_invoice_lock" in dump.text
    assert dump.problem is None


def test_a_suspended_process_is_dumped_without_being_paused_again() -> None:
    with running([sys.executable, "-c", HUNG_PROGRAM]) as process:
        _ready(process)
        os.kill(process.pid, signal.SIGSTOP)
        dump = dump_stacks(process.pid)
    assert dump.ok, dump.detail
    assert dump.text is not None and "waiting_for_the_invoice_lock" in dump.text


def test_python_behind_a_wrapper_is_found_among_the_children() -> None:
    wrapper = ["/bin/sh", "-c", f"\"{sys.executable}\" -c '{HUNG_PROGRAM}'; exit 0"]
    with running(wrapper) as process:
        _ready(process)
        dump = dump_stacks(process.pid)
    assert dump.ok, dump.detail
    assert dump.text is not None and "waiting_for_the_invoice_lock" in dump.text


def test_a_program_that_is_not_python_is_said_to_be_so() -> None:
    with running(["sleep", "60"]) as process:
        wait_for(lambda: Path(f"/proc/{process.pid}/exe").exists(), message="sleep started")
        dump = dump_stacks(process.pid)
    assert not dump.ok
    assert dump.problem is DumpProblem.NOT_PYTHON, dump.detail


def test_a_dump_that_takes_too_long_is_cut_off(tmp_path: Path) -> None:
    slow_tool = tmp_path / "py-spy"
    slow_tool.write_text("#!/bin/sh\nsleep 30\n")
    slow_tool.chmod(0o755)
    dump = dump_stacks(os.getpid(), timeout_s=0.3, tool=slow_tool)
    assert dump.problem is DumpProblem.TIMED_OUT
    assert dump.duration_s == pytest.approx(0.3)


def test_a_missing_tool_is_said_to_be_missing(tmp_path: Path) -> None:
    dump = dump_stacks(os.getpid(), tool=tmp_path / "no-such-py-spy")
    assert dump.problem is DumpProblem.NO_TOOL


def test_py_spys_own_error_texts_are_classified() -> None:
    # The first lines py-spy 0.4 prints on Linux and on Windows when it may not read memory.
    assert _classify("Permission denied (os error 13)") is DumpProblem.NO_PERMISSION
    assert _classify("Access is denied. (os error 5)") is DumpProblem.NO_PERMISSION
    assert _classify("Failed to find python version from target process") is (
        DumpProblem.NOT_PYTHON
    )

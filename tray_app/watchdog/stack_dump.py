"""Stack dumps of a hung Python backend, any backend, with py-spy.

py-spy reads the threads of another process from outside, so it works on a backend that never
registered faulthandler, and on one that is suspended (`--nonblocking`: it does not try to
pause a process that is already stopped, which fails). It runs before the hung process is
killed, bounded in time; when no dump is possible the result says why in plain words.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import psutil

DUMP_TIMEOUT_S = 3.0
_TOOL = "py-spy.exe" if os.name == "nt" else "py-spy"


class DumpProblem(StrEnum):
    """Why there is no stack dump."""

    NO_TOOL = "no_tool"  # py-spy is not installed next to us
    NOT_PYTHON = "not_python"  # the backend is not a Python program
    NO_PERMISSION = "no_permission"  # the OS does not let us read its memory
    TIMED_OUT = "timed_out"
    FAILED = "failed"  # anything else py-spy reports


@dataclass(frozen=True)
class StackDump:
    """The threads of one process tree, or why they could not be read."""

    pid: int
    text: str | None
    problem: DumpProblem | None
    detail: str  # py-spy's own first line of error, or "" when the dump worked
    duration_s: float

    @property
    def ok(self) -> bool:
        return self.text is not None


def find_py_spy() -> Path | None:
    """py-spy in the frozen bundle, beside our interpreter (a venv's bin), or on PATH."""
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / _TOOL)
    candidates.append(Path(sys.executable).parent / _TOOL)
    found = shutil.which(_TOOL)
    if found:
        candidates.append(Path(found))
    return next((path for path in candidates if path.is_file()), None)


def dump_stacks(pid: int, timeout_s: float = DUMP_TIMEOUT_S, tool: Path | None = None) -> StackDump:
    """Every thread of pid and its child processes, read without pausing them.

    A backend started through a wrapper (a shell, a launcher .exe) is not Python itself: then
    its descendants are tried in turn, within the same time bound.
    """
    tool = tool or find_py_spy()
    if tool is None:
        return StackDump(pid, None, DumpProblem.NO_TOOL, "py-spy not found", 0.0)
    deadline = time.monotonic() + timeout_s
    dump = _dump_one(tool, pid, timeout_s)
    if dump.problem is not DumpProblem.NOT_PYTHON:
        return dump
    for child in _descendants(pid):
        left = deadline - time.monotonic()
        if left <= 0:
            break
        found = _dump_one(tool, child, left)
        if found.ok:
            return found
    return dump


def _descendants(pid: int) -> list[int]:
    try:
        return [child.pid for child in psutil.Process(pid).children(recursive=True)]
    except psutil.Error:
        return []


def _dump_one(tool: Path, pid: int, timeout_s: float) -> StackDump:
    started = time.monotonic()
    argv = [str(tool), "dump", "--nonblocking", "--subprocesses", "--pid", str(pid)]
    try:
        done = subprocess.run(
            argv, capture_output=True, text=True, errors="replace", timeout=timeout_s, check=False
        )
    except subprocess.TimeoutExpired:
        return StackDump(
            pid, None, DumpProblem.TIMED_OUT, f"no answer in {timeout_s:g} s", timeout_s
        )
    except OSError as error:
        return StackDump(pid, None, DumpProblem.NO_TOOL, str(error), 0.0)
    duration = time.monotonic() - started
    if done.returncode == 0 and "Thread " in done.stdout:
        return StackDump(pid, done.stdout.strip(), None, "", duration)
    detail = _first_error_line(done.stderr or done.stdout)
    return StackDump(pid, None, _classify(detail), detail, duration)


def _first_error_line(text: str) -> str:
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith(("Stack backtrace", "Process ")):
            return line.removeprefix("Error: ").strip()
    return "py-spy gave no output"


def _classify(detail: str) -> DumpProblem:
    lowered = detail.lower()
    if (
        "permission" in lowered
        or "access is denied" in lowered
        or "operation not permitted" in lowered
    ):
        return DumpProblem.NO_PERMISSION
    if "python version" in lowered or "python interpreter" in lowered:
        return DumpProblem.NOT_PYTHON
    return DumpProblem.FAILED

"""The stack dump of a backend declared hung, taken before it is stopped, as the report keeps it.

Two ways, chosen by what is guarded:
- the bundled backend registers faulthandler on SIGUSR1 and writes its own threads to its
  output within a millisecond or two; the dump then arrives with the output tail, and no
  outside tool is needed (faster than py-spy, which must read another process's memory);
- any other backend (`backend_cmd`) gets py-spy, bounded in time, on the engine thread: it
  takes about 20 ms, and the process is stopped only after it, so the dump shows the hang
  itself and not the shutdown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from tray_app.watchdog.stack_dump import DumpProblem, StackDump, dump_stacks

HUNG_DUMP_TIMEOUT_S = 2.0  # py-spy needs ~20 ms; a stop must not wait longer than this for it

Dumper = Callable[[int, float], StackDump]


class DumpMethod(StrEnum):
    PY_SPY = "py_spy"
    FAULTHANDLER = "faulthandler"


# Why there is no dump, in the log files' plain English (the page says it from the problem id).
_NO_DUMP_BECAUSE: dict[DumpProblem, str] = {
    DumpProblem.NO_TOOL: "py-spy is not installed, so the hung backend could not be read",
    DumpProblem.NOT_PYTHON: "the backend is not a Python program; py-spy reads Python only",
    DumpProblem.NO_PERMISSION: "the system did not allow reading the backend's memory",
    DumpProblem.TIMED_OUT: f"py-spy gave no answer within {HUNG_DUMP_TIMEOUT_S:g} s",
    DumpProblem.FAILED: "py-spy could not read the backend",
}
FAULTHANDLER_NOTE = "the backend wrote its own stack dump to its output: see its last lines"


@dataclass(frozen=True)
class HangDump:
    """What the report's "Stack dump" section holds."""

    method: DumpMethod
    pid: int
    text: str | None  # the threads, when py-spy read them
    problem: DumpProblem | None  # why there is no text (py-spy only)
    reason: str  # the sentence why there is no text, or where the dump is; "" with text
    detail: str  # py-spy's own words about its failure
    dumped_after_ms: float | None  # from "hang declared" to "stack dumped"

    def to_dict(self) -> dict[str, Any]:
        return {
            "method": self.method.value,
            "pid": self.pid,
            "text": self.text,
            "problem": self.problem.value if self.problem else None,
            "reason": self.reason,
            "detail": self.detail,
            "dumped_after_ms": self.dumped_after_ms,
        }


def dump_foreign(
    pid: int, declared_at: float, clock: Callable[[], float], dumper: Dumper = dump_stacks
) -> HangDump:
    """py-spy on a hung foreign backend (and its children), within HUNG_DUMP_TIMEOUT_S."""
    dump = dumper(pid, HUNG_DUMP_TIMEOUT_S)
    after_ms = round((clock() - declared_at) * 1000, 1)
    if dump.ok:
        return HangDump(DumpMethod.PY_SPY, dump.pid, dump.text, None, "", "", after_ms)
    problem = dump.problem or DumpProblem.FAILED
    return HangDump(
        DumpMethod.PY_SPY, pid, None, problem, _NO_DUMP_BECAUSE[problem], dump.detail, after_ms
    )


def faulthandler_note(pid: int) -> HangDump:
    """The bundled backend dumps itself; its output tail holds the threads."""
    return HangDump(DumpMethod.FAULTHANDLER, pid, None, None, FAULTHANDLER_NOTE, "", None)

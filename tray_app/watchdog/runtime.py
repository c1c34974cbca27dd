"""The engine's working memory: what the loop knows between two passes.

One object, shared by the parts of the supervisor (starting, checking, stopping, commands),
read and written by the loop thread only. The state itself is not here: `transitions.py` owns
it, so that nothing can change it except through its one legal path.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from tray_app.config import GuardianConfig
from tray_app.watchdog.checks import CheckCounters
from tray_app.watchdog.model import Failure, PortHolder
from tray_app.watchdog.probe import CheckResult
from tray_app.watchdog.process import BackendProcess


@dataclass
class Runtime:
    """Loop-thread state. Times are monotonic seconds unless the name says otherwise."""

    config: GuardianConfig
    process: BackendProcess | None = None
    started_mono: float | None = None  # when the current process was spawned
    exited_tail: list[str] = field(default_factory=list)  # the last process's last lines
    due: float | None = None  # the next check, kill or start
    next_start_at: float | None = None  # backoff end, the retry after giving up or blocking
    next_stats: float = 0.0  # 0.0: no statistics sampled yet
    counters: CheckCounters = field(default_factory=CheckCounters)
    outage_started: float | None = None
    last_failure: Failure | None = None
    last_check: CheckResult | None = None
    last_check_at: datetime | None = None  # wall clock, UTC
    port_holder: PortHolder | None = None
    missing_program: str | None = None  # the program (or folder) the last spawn did not find
    lock_holders: tuple[str, ...] = ()  # other programs with the database open, while degraded
    locks_looked_at: float | None = None
    restart_count: int = 0  # spawns after the first one
    spawned_once: bool = False
    shutting_down: bool = False  # from here on nothing is spawned
    finished: bool = False  # the loop ends after this pass

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process else None

    def output_tail(self) -> list[str]:
        """The running process's last lines, else those of the one that ended last."""
        return list(self.process.tail) if self.process else self.exited_tail

"""What a doctor check found, and the automatic fix it offers, as typed values.

The command line prints them and the "Check and fix…" dialog shows them; both apply the same
fixes, chosen by `Fix.kind`. A check's `id` is stable ("guardian.log_dir",
"backend.requirement.fastapi"), so a GUI or a test can find a check again after a re-run.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class Status(StrEnum):
    OK = "ok"
    WARN = "warn"  # worth knowing; the guardian works anyway
    FAIL = "fail"  # a problem left: the exit code is 1
    FIXED = "fixed"  # was a problem, repaired by this run


class FixKind(StrEnum):
    CREATE_FOLDER = "create_folder"
    CREATE_DATABASE = "create_database"  # the bundled backend's own database only
    INSTALL_REQUIREMENTS = "install_requirements"


@dataclass(frozen=True)
class Fix:
    """An automatic fix. For an install: the interpreter, the specs to hand to its pip, the
    folder and extra environment to run it with, and whether it is a virtual environment."""

    kind: FixKind
    path: Path | None = None
    python: str | None = None
    specs: tuple[str, ...] = ()
    cwd: str | None = None
    env: tuple[tuple[str, str], ...] = ()
    in_venv: bool = True


@dataclass(frozen=True)
class Check:
    id: str
    title: str
    status: Status
    detail: str
    hint: str = ""  # what to do, in plain words, when the status is WARN or FAIL
    fix: Fix | None = None  # what `doctor --fix` (or the dialog's Fix button) would do

    @property
    def is_problem(self) -> bool:
        return self.status is Status.FAIL


@dataclass(frozen=True)
class FixOutcome:
    """What one fix did: done, or why not."""

    check_ids: tuple[str, ...]
    done: bool
    detail: str
    hint: str = ""


def has_problems(checks: list[Check]) -> bool:
    return any(check.is_problem for check in checks)

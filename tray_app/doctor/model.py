"""What a doctor check found, and the automatic fix it offers, as typed values.

The command line prints them and the "Check and fix…" dialog shows them; both apply the same
fixes, chosen by `Fix.kind`. A check's `id` is stable ("guardian.log_dir",
"backend.requirement.fastapi"), so a GUI or a test can find a check again after a re-run.

Titles, details and hints are messages (a console catalogue id with parameters), rendered
where they are shown: the terminal in the console's language, the dialog in the Qt language,
the support bundle in English. The `title`, `detail` and `hint` properties are that English.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from tray_app.i18n.catalogue import Message, Param, render
from tray_app.i18n.console_ids import ConsoleId


class Status(StrEnum):
    OK = "ok"
    WARN = "warn"  # worth knowing; the guardian works anyway
    FAIL = "fail"  # a problem left: the exit code is 1
    FIXED = "fixed"  # was a problem, repaired by this run


class FixKind(StrEnum):
    CREATE_FOLDER = "create_folder"
    CREATE_DATABASE = "create_database"  # the bundled backend's own database only
    INSTALL_REQUIREMENTS = "install_requirements"


def words(message_id: ConsoleId, **params: Param) -> Message:
    """A doctor text: the id and its values, rendered later in the reader's language."""
    return Message(message_id, params)


def in_language(message: Message | None, language: str) -> str:
    return "" if message is None else render(message, language)


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
    title_message: Message
    status: Status
    detail_message: Message
    hint_message: Message | None = None  # what to do, when the status is WARN or FAIL
    fix: Fix | None = None  # what `doctor --fix` (or the dialog's Fix button) would do

    @property
    def is_problem(self) -> bool:
        return self.status is Status.FAIL

    def title_in(self, language: str) -> str:
        return in_language(self.title_message, language)

    def detail_in(self, language: str) -> str:
        return in_language(self.detail_message, language)

    def hint_in(self, language: str) -> str:
        return in_language(self.hint_message, language)

    @property
    def title(self) -> str:
        return self.title_in("en")

    @property
    def detail(self) -> str:
        return self.detail_in("en")

    @property
    def hint(self) -> str:
        return self.hint_in("en")


@dataclass(frozen=True)
class FixOutcome:
    """What one fix did: done, or why not."""

    check_ids: tuple[str, ...]
    done: bool
    detail_message: Message
    hint_message: Message | None = None

    @property
    def detail(self) -> str:
        return in_language(self.detail_message, "en")

    @property
    def hint(self) -> str:
        return in_language(self.hint_message, "en")


def has_problems(checks: list[Check]) -> bool:
    return any(check.is_problem for check in checks)

"""`erp-guardian doctor [--fix] [--yes] [--allow-system]` on a terminal: the table, the
question before an install, and the exit code (1 while a problem is left)."""

from __future__ import annotations

import sys
from typing import TextIO

from tray_app.config import GuardianConfig
from tray_app.doctor.fixing import Confirm, install_question
from tray_app.doctor.model import Check, Fix, FixOutcome, Status, has_problems, in_language
from tray_app.doctor.runner import all_checks, fix_and_check_again
from tray_app.i18n.catalogue import ConsoleId as C
from tray_app.i18n.catalogue import render, say
from tray_app.i18n.console import console_language

_YES = ("y", "yes", "j", "ja")


_STATUS_WORDS = {
    Status.OK: C.DOCTOR_OK,
    Status.WARN: C.DOCTOR_WARN,
    Status.FAIL: C.DOCTOR_FAIL,
    Status.FIXED: C.DOCTOR_FIXED,
}


def _column(language: str) -> int:
    """The status column fits its longest word in this language ("WARNUNG")."""
    return max(len(say(word, language)) for word in (*_STATUS_WORDS.values(), C.DOCTOR_NOT_FIXED))


def print_table(checks: list[Check], out: TextIO, language: str = "en") -> None:
    """The checks' titles, details and hints in `language` (the support bundle asks for "en")."""
    titles = [check.title_in(language) for check in checks]
    width = max(len(title) for title in titles)
    column = _column(language)
    for check, title in zip(checks, titles, strict=True):
        status = say(_STATUS_WORDS[check.status], language)
        line = f"{status:<{column}} {title:<{width}}  {check.detail_in(language)}"
        hint = check.hint_in(language)
        if hint and check.status in (Status.WARN, Status.FAIL):
            fix = say(C.DOCTOR_FIX, language, hint=hint)
            line += f"\n{'':<{column}} {'':<{width}}  {fix}"
        out.write(line + "\n")


def print_outcomes(outcomes: list[FixOutcome], out: TextIO, language: str = "en") -> None:
    column = _column(language)
    for outcome in outcomes:
        done = say(C.DOCTOR_FIXED if outcome.done else C.DOCTOR_NOT_FIXED, language)
        out.write(f"{done:<{column}} {in_language(outcome.detail_message, language)}\n")
        hint = in_language(outcome.hint_message, language)
        if hint:
            out.write(f"{'':<{column}} {say(C.DOCTOR_FIX, language, hint=hint)}\n")
    if outcomes:
        out.write("\n")


def terminal_confirm(yes: bool, stdin: TextIO, out: TextIO, language: str = "en") -> Confirm:
    """Ask on the terminal; --yes answers for the user; with no terminal, say how to say yes."""

    def confirm(install: Fix) -> bool:
        if yes:
            return True
        question = render(install_question(install), language)
        if not stdin.isatty():
            out.write(f"{question}\n       {say(C.DOCTOR_NOT_ASKED, language)}\n")
            return False
        out.write(say(C.DOCTOR_ASK, language, question=question))
        out.flush()
        return stdin.readline().strip().lower() in _YES

    return confirm


def doctor_command(
    config: GuardianConfig,
    fix: bool = False,
    out: TextIO = sys.stdout,
    *,
    yes: bool = False,
    allow_system: bool = False,
    stdin: TextIO | None = None,
) -> int:
    """Exit code 1 when a problem is left, else 0. Everything printed speaks the config's
    language (its `language`, else the environment)."""
    language = console_language(config.language)
    checks = all_checks(config)
    if fix:
        confirm = terminal_confirm(yes, stdin or sys.stdin, out, language)
        fixed = fix_and_check_again(config, checks, confirm, allow_system)
        print_outcomes(fixed.outcomes, out, language)
        checks = fixed.checks
    print_table(checks, out, language)
    return 1 if has_problems(checks) else 0

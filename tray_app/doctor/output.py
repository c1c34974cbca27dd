"""`erp-guardian doctor [--fix] [--yes] [--allow-system]` on a terminal: the table, the
question before an install, and the exit code (1 while a problem is left)."""

from __future__ import annotations

import sys
from typing import TextIO

from tray_app.config import GuardianConfig
from tray_app.doctor.fixing import Confirm, install_question
from tray_app.doctor.model import Check, Fix, FixOutcome, Status, has_problems
from tray_app.doctor.runner import all_checks, fix_and_check_again

_YES = ("y", "yes", "j", "ja")


def print_table(checks: list[Check], out: TextIO) -> None:
    width = max(len(c.title) for c in checks)
    for check in checks:
        line = f"{check.status.value.upper():<6} {check.title:<{width}}  {check.detail}"
        if check.hint and check.status in (Status.WARN, Status.FAIL):
            line += f"\n       {'':<{width}}  fix: {check.hint}"
        out.write(line + "\n")


def print_outcomes(outcomes: list[FixOutcome], out: TextIO) -> None:
    for outcome in outcomes:
        out.write(f"{'FIXED' if outcome.done else 'NOT':<6} {outcome.detail}\n")
        if outcome.hint:
            out.write(f"       fix: {outcome.hint}\n")
    if outcomes:
        out.write("\n")


def terminal_confirm(yes: bool, stdin: TextIO, out: TextIO) -> Confirm:
    """Ask on the terminal; --yes answers for the user; with no terminal, say how to say yes."""

    def confirm(install: Fix) -> bool:
        if yes:
            return True
        question = install_question(install)
        if not stdin.isatty():
            out.write(
                f"{question}\n       not asked: there is no terminal to answer on; run "
                "erp-guardian doctor --fix --yes to install without a question\n"
            )
            return False
        out.write(f"{question} [y/N] ")
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
    """Exit code 1 when a problem is left, else 0."""
    checks = all_checks(config)
    if fix:
        confirm = terminal_confirm(yes, stdin or sys.stdin, out)
        fixed = fix_and_check_again(config, checks, confirm, allow_system)
        print_outcomes(fixed.outcomes, out)
        checks = fixed.checks
    print_table(checks, out)
    return 1 if has_problems(checks) else 0

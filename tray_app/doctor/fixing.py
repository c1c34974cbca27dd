"""The automatic fixes: create folders, create the bundled database, install the ERP's missing
requirements with its own pip.

An install changes another program's Python, so it needs a yes (the `confirm` callable: a
terminal question, `--yes`, or the dialog's confirmation), and a Python outside a virtual
environment is left alone unless `allow_system` is given.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable

from tray_app.doctor.interpreter import backend_environment
from tray_app.doctor.model import Check, Fix, FixKind, FixOutcome, Status

Confirm = Callable[[Fix], bool]  # may this install run? (install_question(fix) says what)
PIP_TIMEOUT_S = 900.0
_PIP_LINES_SHOWN = 3


def fixable(checks: list[Check]) -> list[Check]:
    return [c for c in checks if c.fix is not None and c.status is not Status.OK]


def apply_fixes(checks: list[Check], confirm: Confirm, allow_system: bool) -> list[FixOutcome]:
    outcomes: list[FixOutcome] = []
    installs: dict[Fix, list[Check]] = {}
    for check in fixable(checks):
        assert check.fix is not None
        if check.fix.kind is FixKind.INSTALL_REQUIREMENTS:
            installs.setdefault(check.fix, []).append(check)
        elif check.fix.kind is FixKind.CREATE_FOLDER:
            outcomes.append(_create_folder(check))
        else:
            outcomes.append(_create_database(check))
    for fix, wanting in installs.items():
        outcomes.append(install(fix, tuple(c.id for c in wanting), confirm, allow_system))
    return outcomes


def _create_folder(check: Check) -> FixOutcome:
    assert check.fix is not None and check.fix.path is not None
    path = check.fix.path
    try:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as error:
        return FixOutcome((check.id,), False, f"{path}: {error.strerror}", "check permissions")
    return FixOutcome((check.id,), True, f"{path} created")


def _create_database(check: Check) -> FixOutcome:
    assert check.fix is not None and check.fix.path is not None
    path = check.fix.path
    from backend.app.services.database import Database  # the bundled backend's own schema

    if Database(path).initialize():
        return FixOutcome((check.id,), True, f"{path} created")
    return FixOutcome((check.id,), False, f"{path} could not be created", "see the message above")


def install_question(fix: Fix) -> str:
    return f"Install {', '.join(fix.specs)} into {fix.python} with its pip?"


def refusal(fix: Fix) -> str:
    """Why a system Python is left alone, in plain words."""
    return (
        f"{fix.python} is not in a virtual environment: installing there changes the Python "
        "that other programs on this computer use too"
    )


def install(
    fix: Fix, check_ids: tuple[str, ...], confirm: Confirm, allow_system: bool
) -> FixOutcome:
    if not fix.in_venv and not allow_system:
        return FixOutcome(
            check_ids,
            False,
            f"not installed: {refusal(fix)}",
            "Give the ERP a virtual environment (python -m venv .venv, then that python in "
            "backend_cmd), or run erp-guardian doctor --fix --allow-system if you mean it.",
        )
    if not confirm(fix):
        return FixOutcome(check_ids, False, "not installed: not confirmed")
    assert fix.python is not None
    command = [fix.python, "-m", "pip", "install", "--disable-pip-version-check", *fix.specs]
    try:
        result = subprocess.run(
            command,
            cwd=fix.cwd,
            env=backend_environment(dict(fix.env)),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            encoding="utf-8",
            errors="replace",
            timeout=PIP_TIMEOUT_S,
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )
    except subprocess.TimeoutExpired:
        return FixOutcome(check_ids, False, f"pip did not finish within {PIP_TIMEOUT_S:.0f} s")
    except OSError as error:
        return FixOutcome(check_ids, False, f"pip could not be started: {error.strerror}")
    if result.returncode != 0:
        return FixOutcome(
            check_ids,
            False,
            f"pip could not install them: {_pip_said(result.stdout + result.stderr)}",
            f"Run the command by hand to see everything: {' '.join(command)}",
        )
    return FixOutcome(check_ids, True, f"installed {', '.join(fix.specs)} into {fix.python}")


def _pip_said(output: str) -> str:
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("ERROR")] or lines
    return " / ".join(errors[-_PIP_LINES_SHOWN:]) or "no output"


def mark_fixed(checks: list[Check], outcomes: list[FixOutcome]) -> list[Check]:
    """A re-run's checks, with those that a fix repaired shown as FIXED."""
    repaired = {cid: o for o in outcomes if o.done for cid in o.check_ids}
    marked = []
    for check in checks:
        outcome = repaired.get(check.id)
        if outcome is not None and check.status is Status.OK:
            check = Check(check.id, check.title, Status.FIXED, outcome.detail)
        marked.append(check)
    return marked

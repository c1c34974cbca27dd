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
from tray_app.doctor.model import Check, Fix, FixKind, FixOutcome, Status, words
from tray_app.i18n.catalogue import ConsoleId as C
from tray_app.i18n.catalogue import Message

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
        said = words(C.DOCTOR_PATH_ERROR, path=str(path), error=error.strerror or str(error))
        return FixOutcome((check.id,), False, said, words(C.DOCTOR_CHECK_PERMISSIONS))
    return FixOutcome((check.id,), True, words(C.DOCTOR_CREATED, path=str(path)))


def _create_database(check: Check) -> FixOutcome:
    assert check.fix is not None and check.fix.path is not None
    path = check.fix.path
    from backend.app.services.database import Database  # the bundled backend's own schema

    if Database(path).initialize():
        return FixOutcome((check.id,), True, words(C.DOCTOR_CREATED, path=str(path)))
    failed = words(C.DOCTOR_CANNOT_CREATE, path=str(path))
    return FixOutcome((check.id,), False, failed, words(C.DOCTOR_SEE_ABOVE))


def install_question(fix: Fix) -> Message:
    packages = ", ".join(fix.specs)
    return words(C.DOCTOR_INSTALL_QUESTION, packages=packages, python=str(fix.python))


def refusal(fix: Fix) -> Message:
    """Why a system Python is left alone, in plain words."""
    return words(C.DOCTOR_SYSTEM_PYTHON, python=str(fix.python))


def install(
    fix: Fix, check_ids: tuple[str, ...], confirm: Confirm, allow_system: bool
) -> FixOutcome:
    if not fix.in_venv and not allow_system:
        return FixOutcome(
            check_ids,
            False,
            words(C.DOCTOR_NOT_INSTALLED_BECAUSE, reason=refusal(fix)),
            words(C.DOCTOR_VENV_HINT),
        )
    if not confirm(fix):
        not_confirmed = words(C.DOCTOR_NOT_CONFIRMED)
        return FixOutcome(
            check_ids, False, words(C.DOCTOR_NOT_INSTALLED_BECAUSE, reason=not_confirmed)
        )
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
        return FixOutcome(check_ids, False, words(C.DOCTOR_PIP_TIMEOUT, seconds=PIP_TIMEOUT_S))
    except OSError as error:
        said = error.strerror or str(error)
        return FixOutcome(check_ids, False, words(C.DOCTOR_PIP_NOT_STARTED, error=said))
    if result.returncode != 0:
        return FixOutcome(
            check_ids,
            False,
            words(C.DOCTOR_PIP_FAILED, said=_pip_said(result.stdout + result.stderr)),
            words(C.DOCTOR_PIP_BY_HAND_HINT, command=" ".join(command)),
        )
    packages = ", ".join(fix.specs)
    return FixOutcome(
        check_ids, True, words(C.DOCTOR_INSTALLED, packages=packages, python=fix.python)
    )


def _pip_said(output: str) -> Message:
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("ERROR")] or lines
    if not errors:
        return words(C.DOCTOR_NO_OUTPUT)
    return words(C.DOCTOR_VERBATIM, text=" / ".join(errors[-_PIP_LINES_SHOWN:]))


def mark_fixed(checks: list[Check], outcomes: list[FixOutcome]) -> list[Check]:
    """A re-run's checks, with those that a fix repaired shown as FIXED."""
    repaired = {cid: o for o in outcomes if o.done for cid in o.check_ids}
    marked = []
    for check in checks:
        outcome = repaired.get(check.id)
        if outcome is not None and check.status is Status.OK:
            check = Check(check.id, check.title_message, Status.FIXED, outcome.detail_message)
        marked.append(check)
    return marked

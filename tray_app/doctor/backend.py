"""Checks of the guarded backend's program: it is there, its Python runs, its modules import,
and the requirements its folder declares are installed in that Python.

The command is the one the supervisor would spawn (`launch_spec`), with the backend's folder
and extra environment. A program that is not Python is looked at, never run.
"""

from __future__ import annotations

from pathlib import Path

from tray_app.config import GuardianConfig
from tray_app.doctor.interpreter import (
    BackendProgram,
    ProbeError,
    PythonFacts,
    backend_environment,
    check_imports,
    describe_program,
    read_facts,
)
from tray_app.doctor.model import Check, Fix, FixKind, Status, words
from tray_app.doctor.requirements import declared_requirements, unmet_requirements
from tray_app.i18n.catalogue import ConsoleId as C
from tray_app.i18n.catalogue import Message
from tray_app.watchdog.launch import launch_spec


def backend_checks(config: GuardianConfig) -> list[Check]:
    spec = launch_spec(config)
    if spec.cwd and not Path(spec.cwd).is_dir():
        return [
            Check(
                "backend.cwd",
                words(C.DOCTOR_T_BACKEND_FOLDER),
                Status.FAIL,
                words(C.DOCTOR_CWD_MISSING, path=spec.cwd),
                words(C.DOCTOR_CWD_HINT),
            )
        ]
    env = backend_environment(spec.env)
    program = describe_program(spec.argv, spec.cwd, env)
    checks = [_program_check(program, spec.cwd)]
    if program.python is None:
        return checks
    try:
        facts = read_facts(program.python, spec.cwd, env)
    except ProbeError as error:
        checks.append(
            Check(
                "backend.python",
                words(C.DOCTOR_T_BACKEND_PYTHON),
                Status.FAIL,
                words(C.DOCTOR_PYTHON_BROKEN, python=str(program.python), error=error.message),
                words(C.DOCTOR_PYTHON_BROKEN_HINT),
            )
        )
        return checks
    checks.append(_python_check(program.python, facts))
    if program.script is not None:
        checks.append(_script_check(program.script))
    if program.targets:
        checks.extend(_import_checks(program, spec.cwd, env))
    if spec.cwd and config.backend_cmd:
        checks.extend(requirement_checks(Path(spec.cwd), program.python, facts, config))
    return checks


def _program_check(program: BackendProgram, cwd: str | None) -> Check:
    name = program.argv[0] if program.argv else ""
    title = words(C.DOCTOR_T_BACKEND_PROGRAM)
    if program.path is None:
        return Check(
            "backend.program",
            title,
            Status.FAIL,
            _not_found(name, cwd),
            words(C.DOCTOR_PROGRAM_HINT),
        )
    path = str(program.path)
    detail = words(C.DOCTOR_PROGRAM_OTHER, path=path)
    if program.python == program.path:
        detail = words(C.DOCTOR_PROGRAM_PYTHON, path=path)
    elif program.python is not None:
        detail = words(C.DOCTOR_PROGRAM_SCRIPT, path=path, python=program.python.name)
    return Check("backend.program", title, Status.OK, detail)


def _not_found(name: str, cwd: str | None) -> Message:
    if Path(name).name == name:
        return words(C.DOCTOR_NOT_ON_PATH, program=repr(name))
    if cwd and not Path(name).is_absolute():
        return words(C.DOCTOR_NOT_IN_CWD, program=repr(name), cwd=cwd)
    return words(C.DOCTOR_NOT_FOUND, program=repr(name))


def _python_check(python: Path, facts: PythonFacts) -> Check:
    kind = C.DOCTOR_PYTHON_VENV if facts.in_venv else C.DOCTOR_PYTHON_SYSTEM
    return Check(
        "backend.python",
        words(C.DOCTOR_T_BACKEND_PYTHON),
        Status.OK,
        words(kind, version=facts.version, python=str(python)),
    )


def _script_check(script: Path) -> Check:
    title = words(C.DOCTOR_T_BACKEND_SCRIPT)
    if script.is_file():
        return Check("backend.script", title, Status.OK, words(C.DOCTOR_VERBATIM, text=str(script)))
    return Check(
        "backend.script",
        title,
        Status.FAIL,
        words(C.DOCTOR_MISSING, path=str(script)),
        words(C.DOCTOR_SCRIPT_HINT),
    )


def _import_checks(program: BackendProgram, cwd: str | None, env: dict[str, str]) -> list[Check]:
    assert program.python is not None
    try:
        errors = check_imports(program.python, program.targets, cwd, env)
    except ProbeError as failure:
        return [
            Check(
                "backend.imports",
                words(C.DOCTOR_T_BACKEND_MODULES),
                Status.FAIL,
                words(C.DOCTOR_IMPORTS_UNFINISHED, error=failure.message),
                words(C.DOCTOR_IMPORTS_UNFINISHED_HINT),
            )
        ]
    checks = []
    for target in program.targets:
        check_id, title = (
            f"backend.import.{target.key}",
            words(C.DOCTOR_T_IMPORT, name=target.label),
        )
        error = errors.get(target.label)
        if error == "":
            checks.append(Check(check_id, title, Status.OK, words(C.DOCTOR_IMPORTABLE)))
            continue
        said = (
            words(C.DOCTOR_NOT_CHECKED) if error is None else words(C.DOCTOR_VERBATIM, text=error)
        )
        checks.append(Check(check_id, title, Status.FAIL, said, words(C.DOCTOR_IMPORT_HINT)))
    return checks


def requirement_checks(
    folder: Path, python: Path, facts: PythonFacts, config: GuardianConfig
) -> list[Check]:
    declared = declared_requirements(folder)
    title = words(C.DOCTOR_T_REQUIREMENTS)
    if declared is None:
        detail = words(C.DOCTOR_NO_REQUIREMENTS, folder=str(folder))
        return [Check("backend.requirements", title, Status.OK, detail)]
    checks = [
        Check(
            "backend.requirements.unchecked",
            title,
            Status.WARN,
            words(C.DOCTOR_UNCHECKABLE, line=line),
            words(C.DOCTOR_UNCHECKABLE_HINT),
        )
        for line in declared.unchecked
    ]
    unmet = unmet_requirements(declared, facts)
    fix = Fix(
        FixKind.INSTALL_REQUIREMENTS,
        python=str(python),
        specs=tuple(item.spec for item in unmet),
        cwd=str(folder),
        env=tuple(sorted(config.backend_env.items())),
        in_venv=facts.in_venv,
    )
    hint = words(C.DOCTOR_INSTALL_HINT_VENV)
    if not facts.in_venv:
        hint = words(C.DOCTOR_INSTALL_HINT_SYSTEM, python=str(python))
    for item in unmet:
        name = item.requirement.name
        detail = words(
            C.DOCTOR_UNMET,
            requirement=str(item.requirement),
            problem=item.message,
            source=declared.source.name,
        )
        checks.append(
            Check(
                f"backend.requirement.{name.lower()}",
                words(C.DOCTOR_T_REQUIREMENT, name=name),
                Status.FAIL,
                detail,
                hint,
                fix,
            )
        )
    if not unmet:
        count = len(declared.requirements)
        detail = words(C.DOCTOR_REQUIREMENTS_MET, source=str(declared.source), count=count)
        checks.append(Check("backend.requirements", title, Status.OK, detail))
    return checks

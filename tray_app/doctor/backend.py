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
from tray_app.doctor.model import Check, Fix, FixKind, Status
from tray_app.doctor.requirements import declared_requirements, unmet_requirements
from tray_app.watchdog.launch import launch_spec

CHECK_COMMAND_HINT = "Check backend_cmd (Settings, or config.toml)"


def backend_checks(config: GuardianConfig) -> list[Check]:
    spec = launch_spec(config)
    if spec.cwd and not Path(spec.cwd).is_dir():
        return [
            Check(
                "backend.cwd",
                "backend folder",
                Status.FAIL,
                f"{spec.cwd} does not exist or is not a folder",
                "Check backend_cwd (Settings, or config.toml): the ERP's folder.",
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
                "backend Python",
                Status.FAIL,
                f"{program.python} does not run: {error}",
                "Repair or recreate the ERP's Python environment, or check backend_cmd "
                "(Settings, or config.toml).",
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
    if program.path is None:
        place = " on the PATH" if Path(name).name == name else ""
        if place == "" and cwd and not Path(name).is_absolute():
            place = f" (relative to {cwd})"
        return Check(
            "backend.program",
            "backend program",
            Status.FAIL,
            f"{name!r} was not found{place}, or is not executable",
            f"{CHECK_COMMAND_HINT}: install the program, or give its full path.",
        )
    kind = "Python" if program.python == program.path else "program"
    if program.python is not None and program.python != program.path:
        kind = f"a script of the Python beside it ({program.python.name})"
    return Check("backend.program", "backend program", Status.OK, f"{program.path}: {kind}")


def _python_check(python: Path, facts: PythonFacts) -> Check:
    where = "a virtual environment" if facts.in_venv else "not a virtual environment"
    return Check(
        "backend.python",
        "backend Python",
        Status.OK,
        f"Python {facts.version} at {python} ({where})",
    )


def _script_check(script: Path) -> Check:
    if script.is_file():
        return Check("backend.script", "backend script", Status.OK, str(script))
    return Check(
        "backend.script",
        "backend script",
        Status.FAIL,
        f"{script} does not exist",
        f"{CHECK_COMMAND_HINT}, and backend_cwd: the script is looked for there.",
    )


def _import_checks(program: BackendProgram, cwd: str | None, env: dict[str, str]) -> list[Check]:
    assert program.python is not None
    try:
        errors = check_imports(program.python, program.targets, cwd, env)
    except ProbeError as failure:
        return [
            Check(
                "backend.imports",
                "backend modules",
                Status.FAIL,
                f"the import check did not finish: {failure}",
                "Start the ERP by hand once to see what it waits for.",
            )
        ]
    checks = []
    for target in program.targets:
        error = errors.get(target.label, "not checked")
        title = f"import {target.label}"
        if not error:
            checks.append(Check(f"backend.import.{target.key}", title, Status.OK, "importable"))
            continue
        checks.append(
            Check(
                f"backend.import.{target.key}",
                title,
                Status.FAIL,
                error,
                "Install what the ERP needs in its Python (erp-guardian doctor --fix installs "
                "its requirements), and check backend_cwd: modules are looked up from there.",
            )
        )
    return checks


def requirement_checks(
    folder: Path, python: Path, facts: PythonFacts, config: GuardianConfig
) -> list[Check]:
    declared = declared_requirements(folder)
    if declared is None:
        detail = f"no requirements.txt or pyproject.toml in {folder}: nothing to compare"
        return [Check("backend.requirements", "backend requirements", Status.OK, detail)]
    checks = [
        Check(
            "backend.requirements.unchecked",
            "backend requirements",
            Status.WARN,
            f"cannot be checked: {line}",
            "Make sure yourself that this one is installed.",
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
    hint = "erp-guardian doctor --fix installs it with the ERP's own pip."
    if not facts.in_venv:
        hint = (
            f"Install it with {python} -m pip install (that Python is not a virtual environment: "
            "doctor --fix changes it only with --allow-system)."
        )
    for item in unmet:
        name = item.requirement.name
        checks.append(
            Check(
                f"backend.requirement.{name.lower()}",
                f"requirement {name}",
                Status.FAIL,
                f"{item.requirement}: {item.detail} (asked for in {declared.source.name})",
                hint,
                fix,
            )
        )
    if not unmet:
        count = len(declared.requirements)
        detail = f"what {declared.source} asks for is installed ({count} listed)"
        checks.append(Check("backend.requirements", "backend requirements", Status.OK, detail))
    return checks

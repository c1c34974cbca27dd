"""The backend's program and, for a Python backend, its interpreter and what it would import.

Nothing here runs the backend: a non-Python program is only looked at, and the interpreter
runs the small probe scripts in `probe_scripts` with the backend's folder and environment.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tray_app.doctor.model import words
from tray_app.doctor.probe_scripts import FACTS, IMPORTS, MARK
from tray_app.i18n.catalogue import ConsoleId as C
from tray_app.i18n.catalogue import Message, render

FACTS_TIMEOUT_S = 30.0
IMPORTS_TIMEOUT_S = 60.0  # the ERP's own module is imported: allow for a slow start
_PYTHON_NAME = re.compile(r"pythonw?(\d+(\.\d+)*)?(\.exe)?", re.IGNORECASE)
_SCRIPT_FOLDERS = ("bin", "Scripts")  # a venv's console scripts, POSIX and Windows
_PYTHON_BESIDE = ("python", "python3", "python.exe")
# "package.module:attribute", as uvicorn and gunicorn take it; "localhost:8000" is not one.
_APP_REFERENCE = re.compile(r"([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*):([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)")
_OPTIONS_WITH_VALUE = {"-X", "-W", "-Q"}  # Python options that take the next argument


@dataclass(frozen=True)
class ImportTarget:
    """A module the backend needs: `-m module` (found, not run) or `module:attribute`."""

    module: str
    attribute: str | None = None

    @property
    def key(self) -> str:
        """Unique per target, for the check's id: "serve", "erp.main:app"."""
        return f"{self.module}:{self.attribute}" if self.attribute else self.module

    @property
    def label(self) -> str:
        return f"{self.module}:{self.attribute}" if self.attribute else f"-m {self.module}"


@dataclass(frozen=True)
class BackendProgram:
    """What argv[0] turned out to be."""

    argv: list[str]
    path: Path | None  # None: not found
    python: Path | None  # the interpreter, for a Python backend
    script: Path | None  # `python script.py`: the script
    targets: tuple[ImportTarget, ...]


@dataclass(frozen=True)
class Installed:
    version: str
    requires: tuple[str, ...]


@dataclass(frozen=True)
class PythonFacts:
    executable: str
    version: str
    in_venv: bool
    distributions: dict[str, Installed]  # by the name as the distribution spells it
    markers: dict[str, str]


class ProbeError(Exception):
    """The interpreter did not run or did not answer; `message` says how, for the user."""

    def __init__(self, message: Message) -> None:
        super().__init__(render(message, "en"))
        self.message = message


def backend_environment(extra: Mapping[str, str]) -> dict[str, str]:
    return {**os.environ, **extra}


def resolve_program(program: str, cwd: str | None, env: Mapping[str, str]) -> Path | None:
    """Where argv[0] is, as the spawn would find it: a path relative to the backend's folder,
    a bare name on the backend's PATH. None when it is not there or not executable."""
    if os.sep in program or (os.altsep and os.altsep in program):
        path = Path(program)
        if not path.is_absolute() and cwd:
            path = Path(cwd) / path
        found = shutil.which(str(path))
    else:
        found = shutil.which(program, path=env.get("PATH", os.defpath))
    return Path(found) if found else None


def is_python_name(path: Path | str) -> bool:
    return _PYTHON_NAME.fullmatch(Path(path).name) is not None


def python_beside(script: Path) -> Path | None:
    """The interpreter of a console script in a venv's bin/ or Scripts/ folder."""
    if script.parent.name not in _SCRIPT_FOLDERS:
        return None
    return next(
        (script.parent / name for name in _PYTHON_BESIDE if (script.parent / name).is_file()),
        None,
    )


def describe_program(argv: list[str], cwd: str | None, env: Mapping[str, str]) -> BackendProgram:
    path = resolve_program(argv[0], cwd, env) if argv else None
    if path is None:
        return BackendProgram(argv, None, None, None, ())
    if is_python_name(path):
        module, script, rest = _split_python_args(argv[1:])
        targets = ([ImportTarget(module)] if module else []) + _app_references(rest)
        script_path = None
        if script is not None:
            script_path = (
                Path(script) if Path(script).is_absolute() or not cwd else Path(cwd, script)
            )
        return BackendProgram(argv, path, path, script_path, tuple(targets))
    python = python_beside(path)
    targets = _app_references(argv[1:]) if python else []
    return BackendProgram(argv, path, python, None, tuple(targets))


def _split_python_args(args: list[str]) -> tuple[str | None, str | None, list[str]]:
    """(module of -m, script, the arguments after them) from the interpreter's arguments."""
    index = 0
    while index < len(args):
        arg = args[index]
        if arg == "-m" and index + 1 < len(args):
            return args[index + 1], None, args[index + 2 :]
        if arg.startswith("-m") and len(arg) > 2:
            return arg[2:], None, args[index + 1 :]
        if arg == "-c":
            return None, None, []  # inline code: nothing to look up
        if not arg.startswith("-"):
            return None, arg, args[index + 1 :]
        index += 2 if arg in _OPTIONS_WITH_VALUE else 1
    return None, None, []


def _app_references(args: list[str]) -> list[ImportTarget]:
    found = []
    for arg in args:
        match = None if arg.startswith("-") else _APP_REFERENCE.fullmatch(arg)
        if match:
            found.append(ImportTarget(match.group(1), match.group(2)))
    return found


def read_facts(python: Path, cwd: str | None, env: Mapping[str, str]) -> PythonFacts:
    data = _run_probe(python, FACTS, [], cwd, env, FACTS_TIMEOUT_S)
    distributions: dict[str, Installed] = {}
    for name, version, requires in data["distributions"]:
        # The first one on sys.path wins, as it does for an import.
        distributions.setdefault(str(name), Installed(str(version), tuple(requires)))
    return PythonFacts(
        executable=str(data["executable"]),
        version=str(data["version"]),
        in_venv=bool(data["in_venv"]),
        distributions=distributions,
        markers={str(key): str(value) for key, value in data["markers"].items()},
    )


def check_imports(
    python: Path, targets: tuple[ImportTarget, ...], cwd: str | None, env: Mapping[str, str]
) -> dict[str, str]:
    """label -> "" when importable, else the error as the interpreter said it."""
    request = json.dumps([[t.label, t.module, t.attribute] for t in targets])
    data = _run_probe(python, IMPORTS, [request], cwd, env, IMPORTS_TIMEOUT_S)
    return {str(label): str(error) for label, error in data.items()}


def _run_probe(
    python: Path,
    script: str,
    args: list[str],
    cwd: str | None,
    env: Mapping[str, str],
    timeout_s: float,
) -> dict[str, Any]:
    try:
        result = subprocess.run(
            [str(python), "-c", script, *args],
            cwd=cwd,
            env=dict(env),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            encoding="utf-8",
            errors="replace",
            timeout=timeout_s,
            # No console window flashing up from a windowed guardian on Windows; 0 elsewhere.
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )
    except subprocess.TimeoutExpired:
        raise ProbeError(words(C.DOCTOR_NO_ANSWER, seconds=timeout_s)) from None
    except OSError as error:
        raise ProbeError(words(C.DOCTOR_VERBATIM, text=error.strerror or str(error))) from None
    for line in reversed(result.stdout.splitlines()):
        if line.startswith(MARK):
            parsed: dict[str, Any] = json.loads(line[len(MARK) :])
            return parsed
    said = result.stderr.strip().splitlines()
    if said:  # the interpreter's own last words, as it said them
        raise ProbeError(words(C.DOCTOR_VERBATIM, text=said[-1]))
    raise ProbeError(words(C.DOCTOR_EXIT_CODE, code=result.returncode))

"""`erp-guardian doctor`: checks what ERP Guardian needs, with the fix for each problem."""

from __future__ import annotations

import importlib
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TextIO

from tray_app.config import GuardianConfig, default_config_file
from tray_app.watchdog.platform import current
from tray_app.watchdog.ports import find_listener, port_is_free

MIN_FREE_DISK_BYTES = 1024**3
MIN_PYTHON = (3, 11)
REQUIRED_MODULES = ("fastapi", "uvicorn", "pydantic", "psutil", "requests", "platformdirs")


class Status(StrEnum):
    OK = "ok"
    WARN = "warn"
    FAIL = "fail"
    FIXED = "fixed"


@dataclass(frozen=True)
class Check:
    name: str
    status: Status
    detail: str
    fix: str = ""


def frontend_dist() -> Path | None:
    """Where the built page is, bundled or in the source tree, if it was built."""
    bundle = getattr(sys, "_MEIPASS", None)
    candidates = [Path(bundle) / "frontend" / "dist"] if bundle else []
    candidates.append(Path(__file__).resolve().parent.parent / "frontend" / "dist")
    return next((path for path in candidates if (path / "index.html").exists()), None)


def _python() -> Check:
    version = ".".join(map(str, sys.version_info[:3]))
    if sys.version_info >= MIN_PYTHON:
        return Check("Python", Status.OK, version)
    return Check("Python", Status.FAIL, version, "install Python 3.11 or newer")


def _modules() -> list[Check]:
    checks = []
    for name in (*REQUIRED_MODULES, "PySide6.QtWidgets", "backend.app.main"):
        try:
            importlib.import_module(name)
            checks.append(Check(f"import {name}", Status.OK, "importable"))
        except Exception as error:  # any import failure is worth reporting, not raising
            fix = "pip install erp-guardian (or the README's run command)"
            status = Status.WARN if name.startswith("PySide6") else Status.FAIL
            detail = f"{type(error).__name__}: {error}"
            if status is Status.WARN:
                detail += " (only headless mode works)"
            checks.append(Check(f"import {name}", status, detail, fix))
    return checks


def _port(label: str, host: str, port: int) -> Check:
    if port == 0:
        return Check(label, Status.OK, "disabled")
    if port_is_free(current(), host, port):
        return Check(label, Status.OK, f"{host}:{port} is free")
    pid, name = find_listener(port)
    holder = f"{name or 'a program'} (PID {pid})" if pid else "another program"
    return Check(
        label,
        Status.WARN,
        f"{host}:{port} is used by {holder}",
        "stop that program, or choose another port with --port / --web-port",
    )


def _directory(label: str, path: Path, fix: bool) -> Check:
    if not path.exists():
        if not fix:
            return Check(
                label, Status.WARN, f"{path} does not exist yet", "erp-guardian doctor --fix"
            )
        try:
            path.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as error:
            return Check(label, Status.FAIL, f"{path}: {error.strerror}", "check permissions")
        return Check(label, Status.FIXED, f"{path} created")
    probe = path / ".doctor-write-test"
    try:
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as error:
        return Check(label, Status.FAIL, f"{path}: {error.strerror}", "make it writable")
    return Check(label, Status.OK, f"{path} is writable")


def _disk(path: Path) -> Check:
    while not path.exists() and path != path.parent:
        path = path.parent
    free = shutil.disk_usage(path).free
    detail = f"{free / 1024**3:.1f} GB free on the data volume"
    if free < MIN_FREE_DISK_BYTES:
        return Check("free disk", Status.WARN, detail, "free at least 1 GB for the database")
    return Check("free disk", Status.OK, detail)


def _database(config: GuardianConfig, fix: bool) -> Check:
    path = config.database_file
    if path.exists():
        return Check("database", Status.OK, str(path))
    if not fix:
        return Check(
            "database", Status.WARN, f"{path} not created yet", "erp-guardian doctor --fix"
        )
    from backend.app.services.database import Database

    if Database(path).initialize():
        return Check("database", Status.FIXED, f"{path} created")
    return Check("database", Status.FAIL, f"{path} could not be created", "see the message above")


def _frontend() -> Check:
    found = frontend_dist()
    if found:
        return Check("status page", Status.OK, "built page found")
    return Check(
        "status page", Status.WARN, "frontend/dist not built", "npm --prefix frontend run build"
    )


def run_checks(config: GuardianConfig, fix: bool) -> list[Check]:
    steps: list[Callable[[], Check | list[Check]]] = [
        _python,
        _modules,
        lambda: _port("backend port", config.host, config.port),
        lambda: _port("web page port", config.web_host, config.web_port),
        lambda: _directory("log dir", config.log_path, fix),
        lambda: _directory("data dir", config.data_path, fix),
        lambda: _directory("config dir", default_config_file().parent, fix),
        lambda: _disk(config.data_path),
        lambda: _database(config, fix),
        _frontend,
    ]
    checks: list[Check] = []
    for step in steps:
        result = step()
        checks.extend(result if isinstance(result, list) else [result])
    return checks


def print_table(checks: list[Check], out: TextIO) -> None:
    width = max(len(c.name) for c in checks)
    for check in checks:
        line = f"{check.status.value.upper():<6} {check.name:<{width}}  {check.detail}"
        if check.fix and check.status in (Status.WARN, Status.FAIL):
            line += f"\n       {'':<{width}}  fix: {check.fix}"
        out.write(line + "\n")


def doctor_command(config: GuardianConfig, fix: bool, out: TextIO = sys.stdout) -> int:
    """Exit code 1 when a check failed, else 0."""
    checks = run_checks(config, fix)
    print_table(checks, out)
    return 1 if any(c.status is Status.FAIL for c in checks) else 0

"""Checks of what ERP Guardian itself needs: its Python, its modules, its folders, free disk
space and the built status page."""

from __future__ import annotations

import importlib
import shutil
import sys
from pathlib import Path

from tray_app.config import GuardianConfig, default_config_file
from tray_app.doctor.model import Check, Fix, FixKind, Status

MIN_FREE_DISK_BYTES = 1024**3
MIN_PYTHON = (3, 11)
REQUIRED_MODULES = ("fastapi", "uvicorn", "pydantic", "psutil", "platformdirs", "packaging")
BUNDLED_BACKEND_MODULE = "backend.app.main"
REINSTALL_HINT = "pip install erp-guardian (or the README's run command)"


def frontend_dist() -> Path | None:
    """Where the built page is, bundled or in the source tree, if it was built."""
    bundle = getattr(sys, "_MEIPASS", None)
    candidates = [Path(bundle) / "frontend" / "dist"] if bundle else []
    candidates.append(Path(__file__).resolve().parents[2] / "frontend" / "dist")
    return next((path for path in candidates if (path / "index.html").exists()), None)


def python_check() -> Check:
    version = ".".join(map(str, sys.version_info[:3]))
    if sys.version_info >= MIN_PYTHON:
        return Check("guardian.python", "Python", Status.OK, version)
    return Check("guardian.python", "Python", Status.FAIL, version, "install Python 3.11 or newer")


def module_checks(config: GuardianConfig) -> list[Check]:
    names = [*REQUIRED_MODULES, "PySide6.QtWidgets"]
    if not config.backend_cmd:  # the bundled backend runs from our own modules
        names.append(BUNDLED_BACKEND_MODULE)
    checks = []
    for name in names:
        check_id, title = f"guardian.import.{name}", f"import {name}"
        try:
            importlib.import_module(name)
            checks.append(Check(check_id, title, Status.OK, "importable"))
        except Exception as error:  # any import failure is worth reporting, not raising
            detail = f"{type(error).__name__}: {error}"
            if name.startswith("PySide6"):
                detail += " (only headless mode works)"
                checks.append(Check(check_id, title, Status.WARN, detail, REINSTALL_HINT))
            else:
                checks.append(Check(check_id, title, Status.FAIL, detail, REINSTALL_HINT))
    return checks


def folder_checks(config: GuardianConfig) -> list[Check]:
    return [
        folder_check("guardian.log_dir", "log dir", config.log_path),
        folder_check("guardian.data_dir", "data dir", config.data_path),
        folder_check("guardian.config_dir", "config dir", default_config_file().parent),
    ]


def folder_check(check_id: str, title: str, path: Path) -> Check:
    if not path.exists():
        return Check(
            check_id,
            title,
            Status.WARN,
            f"{path} does not exist yet",
            "erp-guardian doctor --fix",
            Fix(FixKind.CREATE_FOLDER, path=path),
        )
    probe = path / ".doctor-write-test"
    try:
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as error:
        return Check(check_id, title, Status.FAIL, f"{path}: {error.strerror}", "make it writable")
    return Check(check_id, title, Status.OK, f"{path} is writable")


def disk_check(path: Path) -> Check:
    while not path.exists() and path != path.parent:
        path = path.parent
    free = shutil.disk_usage(path).free
    detail = f"{free / 1024**3:.1f} GB free on the data volume"
    if free < MIN_FREE_DISK_BYTES:
        return Check(
            "guardian.disk", "free disk", Status.WARN, detail, "free at least 1 GB for the database"
        )
    return Check("guardian.disk", "free disk", Status.OK, detail)


def frontend_check() -> Check:
    if frontend_dist():
        return Check("guardian.status_page", "status page", Status.OK, "built page found")
    return Check(
        "guardian.status_page",
        "status page",
        Status.WARN,
        "frontend/dist not built",
        "npm --prefix frontend run build",
    )

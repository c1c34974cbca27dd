"""Checks of what ERP Guardian itself needs: its Python, its modules, its folders, free disk
space and the built status page."""

from __future__ import annotations

import importlib
import shutil
import sys
from pathlib import Path

from tray_app.config import GuardianConfig, default_config_file
from tray_app.doctor.model import Check, Fix, FixKind, Status, words
from tray_app.i18n.catalogue import ConsoleId as C
from tray_app.i18n.catalogue import Message

MIN_FREE_DISK_BYTES = 1024**3
MIN_PYTHON = (3, 11)
REQUIRED_MODULES = ("fastapi", "uvicorn", "pydantic", "psutil", "platformdirs", "packaging")
BUNDLED_BACKEND_MODULE = "backend.app.main"


def frontend_dist() -> Path | None:
    """Where the built page is, bundled or in the source tree, if it was built."""
    bundle = getattr(sys, "_MEIPASS", None)
    candidates = [Path(bundle) / "frontend" / "dist"] if bundle else []
    candidates.append(Path(__file__).resolve().parents[2] / "frontend" / "dist")
    return next((path for path in candidates if (path / "index.html").exists()), None)


def python_check() -> Check:
    version = ".".join(map(str, sys.version_info[:3]))
    title, detail = words(C.DOCTOR_T_PYTHON), words(C.DOCTOR_VERBATIM, text=version)
    if sys.version_info >= MIN_PYTHON:
        return Check("guardian.python", title, Status.OK, detail)
    needed = ".".join(map(str, MIN_PYTHON))
    return Check(
        "guardian.python",
        title,
        Status.FAIL,
        detail,
        words(C.DOCTOR_PYTHON_TOO_OLD, version=needed),
    )


def module_checks(config: GuardianConfig) -> list[Check]:
    names = [*REQUIRED_MODULES, "PySide6.QtWidgets"]
    if not config.backend_cmd:  # the bundled backend runs from our own modules
        names.append(BUNDLED_BACKEND_MODULE)
    checks = []
    for name in names:
        check_id, title = f"guardian.import.{name}", words(C.DOCTOR_T_IMPORT, name=name)
        try:
            importlib.import_module(name)
            checks.append(Check(check_id, title, Status.OK, words(C.DOCTOR_IMPORTABLE)))
        except Exception as error:  # any import failure is worth reporting, not raising
            said = f"{type(error).__name__}: {error}"
            hint = words(C.DOCTOR_REINSTALL)
            if name.startswith("PySide6"):
                detail = words(C.DOCTOR_HEADLESS_ONLY, error=said)
                checks.append(Check(check_id, title, Status.WARN, detail, hint))
            else:
                detail = words(C.DOCTOR_VERBATIM, text=said)
                checks.append(Check(check_id, title, Status.FAIL, detail, hint))
    return checks


def folder_checks(config: GuardianConfig) -> list[Check]:
    return [
        folder_check("guardian.log_dir", words(C.DOCTOR_T_LOG_DIR), config.log_path),
        folder_check("guardian.data_dir", words(C.DOCTOR_T_DATA_DIR), config.data_path),
        folder_check(
            "guardian.config_dir", words(C.DOCTOR_T_CONFIG_DIR), default_config_file().parent
        ),
    ]


def folder_check(check_id: str, title: Message, path: Path) -> Check:
    if not path.exists():
        return Check(
            check_id,
            title,
            Status.WARN,
            words(C.DOCTOR_NOT_YET, path=str(path)),
            words(C.DOCTOR_RUN_FIX),
            Fix(FixKind.CREATE_FOLDER, path=path),
        )
    probe = path / ".doctor-write-test"
    try:
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as error:
        detail = words(C.DOCTOR_PATH_ERROR, path=str(path), error=error.strerror or str(error))
        return Check(check_id, title, Status.FAIL, detail, words(C.DOCTOR_MAKE_WRITABLE))
    return Check(check_id, title, Status.OK, words(C.DOCTOR_WRITABLE, path=str(path)))


def disk_check(path: Path) -> Check:
    while not path.exists() and path != path.parent:
        path = path.parent
    free = shutil.disk_usage(path).free
    title = words(C.DOCTOR_T_DISK)
    detail = words(C.DOCTOR_DISK_FREE, free_gb=free / 1024**3)
    if free < MIN_FREE_DISK_BYTES:
        hint = words(C.DOCTOR_DISK_HINT, needed_gb=MIN_FREE_DISK_BYTES // 1024**3)
        return Check("guardian.disk", title, Status.WARN, detail, hint)
    return Check("guardian.disk", title, Status.OK, detail)


def frontend_check() -> Check:
    title = words(C.DOCTOR_T_STATUS_PAGE)
    if frontend_dist():
        return Check("guardian.status_page", title, Status.OK, words(C.DOCTOR_PAGE_FOUND))
    return Check(
        "guardian.status_page",
        title,
        Status.WARN,
        words(C.DOCTOR_PAGE_MISSING, folder="frontend/dist"),
        words(C.DOCTOR_VERBATIM, text="npm --prefix frontend run build"),
    )

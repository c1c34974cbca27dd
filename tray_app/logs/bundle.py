"""`erp-guardian logs bundle`: one zip for a support request (logs, incidents, config, facts)."""

from __future__ import annotations

import io
import json
import platform
import sys
import zipfile
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import psutil

from tray_app import __version__
from tray_app.config import GuardianConfig

MASK = "***"
_SECRET_WORDS = ("token", "password", "secret", "key", "pass")
MAX_FILE_BYTES = 50 * 1024**2  # a runaway log is cut to its last part, the zip stays mailable


def redacted_config(config: GuardianConfig) -> dict[str, Any]:
    """The effective config with every value that could be a secret masked."""
    values = config.model_dump(mode="json")
    values["backend_env"] = {name: MASK for name in values.get("backend_env", {})}
    values["backend_cmd"] = [_mask_arg(arg) for arg in values.get("backend_cmd", [])]
    return values


def _mask_arg(arg: str) -> str:
    name, sep, _value = arg.partition("=")
    if sep and any(word in name.lower() for word in _SECRET_WORDS):
        return f"{name}={MASK}"
    return arg


def system_facts() -> dict[str, Any]:
    packages: dict[str, str | None] = {}
    for name in ("fastapi", "uvicorn", "pydantic", "psutil", "requests", "PySide6-Essentials"):
        try:
            packages[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            packages[name] = None
    memory = psutil.virtual_memory()
    return {
        "created_at": datetime.now(UTC).isoformat(),
        "erp_guardian": __version__,
        "python": sys.version,
        "platform": platform.platform(),
        "frozen": bool(getattr(sys, "frozen", False)),
        "cpu_count": psutil.cpu_count(),
        "memory_total_bytes": memory.total,
        "memory_available_bytes": memory.available,
        "boot_time": datetime.fromtimestamp(psutil.boot_time(), UTC).isoformat(),
        "packages": packages,
    }


def write_bundle(config: GuardianConfig, output: Path) -> Path:
    """Write the zip; returns its path. Raises OSError when it cannot be written."""
    log_dir = config.log_path
    output.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        if log_dir.is_dir():
            for path in sorted(log_dir.rglob("*")):
                if path.is_file() and path.resolve() != output.resolve():
                    archive.writestr(f"logs/{path.relative_to(log_dir)}", _read_tail(path))
        archive.writestr("config.json", json.dumps(redacted_config(config), indent=2))
        archive.writestr("system.json", json.dumps(system_facts(), indent=2))
        archive.writestr("doctor.txt", _doctor_table(config))
    return output


def _read_tail(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            size = handle.seek(0, io.SEEK_END)
            handle.seek(max(0, size - MAX_FILE_BYTES))
            return handle.read()
    except OSError as error:
        return f"(could not be read: {error})\n".encode()


def _doctor_table(config: GuardianConfig) -> str:
    from tray_app.doctor import print_table, run_checks

    out = io.StringIO()
    print_table(run_checks(config, fix=False), out)
    return out.getvalue()


def default_bundle_path(config: GuardianConfig) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return config.log_path.parent / f"erp-guardian-support-{stamp}.zip"

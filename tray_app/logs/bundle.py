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
from tray_app.logs.redaction import MASK, Redactions, redact_text, redacted_config

__all__ = ["MASK", "default_bundle_path", "redacted_config", "write_bundle"]

MAX_FILE_BYTES = 50 * 1024**2  # a runaway log is cut to its last part, the zip stays mailable
REDACTED_LIST = "REDACTED.txt"


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
    """Write the zip; returns its path. Raises OSError when it cannot be written.

    Every text in it passes through the redaction (`redaction.py`): logs, incident reports,
    the config; REDACTED.txt lists, per file, which names had values masked and how often."""
    log_dir = config.log_path
    output.parent.mkdir(parents=True, exist_ok=True)
    found = Redactions()
    with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        if log_dir.is_dir():
            for path in sorted(log_dir.rglob("*")):
                if path.is_file() and path.resolve() != output.resolve():
                    name = f"logs/{path.relative_to(log_dir).as_posix()}"
                    archive.writestr(name, _redacted(_read_tail(path), name, found))
        settings = redacted_config(config, found)
        archive.writestr("config.json", json.dumps(settings, indent=2))
        archive.writestr("system.json", json.dumps(system_facts(), indent=2))
        archive.writestr("doctor.txt", redact_text(_doctor_table(config), "doctor.txt", found))
        archive.writestr(REDACTED_LIST, _redaction_list(found))
    return output


def _redacted(raw: bytes, name: str, found: Redactions) -> bytes:
    """surrogateescape: bytes that are not UTF-8 come back unchanged."""
    text = raw.decode("utf-8", "surrogateescape")
    return redact_text(text, name, found).encode("utf-8", "surrogateescape")


def _redaction_list(found: Redactions) -> str:
    head = (
        "Values masked as *** in this bundle (where, name: how many). The names stay, so it "
        "shows which options were set; the values never left the machine.\n"
    )
    return head + ("\n".join(found.lines()) or "nothing was masked") + "\n"


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

"""Logging of the backend process: its own rotating file and stdout.

The backend writes `erp-backend.log` itself (one process per log file: the standard rotating
handler is not safe across processes). The watchdog writes the backend's stdout and stderr
to its own `backend.log`.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import Any

from backend.app.settings import LOG_FILE_NAME

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s"


class PrivateRotatingFileHandler(RotatingFileHandler):
    """A rotating log readable by its user only, whatever the umask (logs name paths and
    request details). Applies to the first file and to every one opened after a rotation."""

    def _open(self) -> Any:
        stream = super()._open()
        with contextlib.suppress(OSError):  # a file system without modes still gets its log
            os.chmod(self.baseFilename, 0o600)
        return stream


def configure_logging(log_dir: Path, max_bytes: int, backups: int) -> Path | None:
    """Send all logs to the rotating file and stdout; returns the file, None if unusable.

    A log folder that cannot be written is not fatal: stdout only, said once on stderr.
    """
    handlers: list[logging.Handler] = []
    # A windowed executable on Windows has no stdout at all.
    if sys.stdout is not None:
        handlers.append(logging.StreamHandler(sys.stdout))
    file_handler = _open_log_file(log_dir, max_bytes, backups)
    if file_handler is not None:
        handlers.append(file_handler)
    formatter = logging.Formatter(LOG_FORMAT)
    root = logging.getLogger()
    for handler in handlers:
        handler.setFormatter(formatter)
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    return None if file_handler is None else Path(file_handler.baseFilename)


def _open_log_file(log_dir: Path, max_bytes: int, backups: int) -> RotatingFileHandler | None:
    try:
        log_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        return PrivateRotatingFileHandler(
            log_dir / LOG_FILE_NAME, maxBytes=max_bytes, backupCount=backups, encoding="utf-8"
        )
    except OSError as error:
        if sys.stderr is not None:
            sys.stderr.write(
                f"erp-backend: cannot write logs to {log_dir} ({error.strerror or error}); "
                "logging to stdout only\n"
            )
        return None

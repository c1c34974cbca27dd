"""A rotating file handler that survives a deleted file and reports write errors once."""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import os
import sys
import time
from typing import Any

ERROR_REPORT_INTERVAL_S = 60.0


class GuardianFileHandler(logging.handlers.RotatingFileHandler):
    """RotatingFileHandler + WatchedFileHandler's reopen-if-gone, files private to the user.

    The standard handler keeps writing into a deleted file's inode, so a log removed while we
    run would stay invisible until the next rotation; we check the inode before each record,
    as WatchedFileHandler does (it cannot rotate, hence this combination). A failing write
    (disk full, directory made read-only) is reported on stderr at most once a minute instead
    of a traceback per record, and logging goes on when the disk is writable again.
    """

    def __init__(self, filename: str, max_bytes: int, backups: int) -> None:
        self._dev_ino: tuple[int, int] | None = None
        self._last_error_report = -ERROR_REPORT_INTERVAL_S
        super().__init__(
            filename, maxBytes=max_bytes, backupCount=backups, encoding="utf-8", delay=True
        )

    def _open(self) -> Any:
        stream = super()._open()
        with contextlib.suppress(OSError):
            os.chmod(self.baseFilename, 0o600)
            st = os.fstat(stream.fileno())
            self._dev_ino = (st.st_dev, st.st_ino)
        return stream

    def _reopen_if_gone(self) -> None:
        if self.stream is None or self._dev_ino is None:
            return
        try:
            st = os.stat(self.baseFilename)
            if (st.st_dev, st.st_ino) == self._dev_ino:
                return
        except FileNotFoundError:
            pass
        except OSError:
            return
        with contextlib.suppress(OSError):
            self.stream.close()
        self.stream = None  # reopened lazily by emit (delay=True)

    def emit(self, record: logging.LogRecord) -> None:
        self._reopen_if_gone()
        super().emit(record)

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: ARG002
        error = sys.exc_info()[1]
        if self.stream is not None:
            with contextlib.suppress(OSError):
                self.stream.close()
            self.stream = None  # try a fresh open next time
        now = time.monotonic()
        if now - self._last_error_report >= ERROR_REPORT_INTERVAL_S:
            self._last_error_report = now
            with contextlib.suppress(Exception):
                sys.stderr.write(f"erp-guardian: cannot write {self.baseFilename}: {error}\n")

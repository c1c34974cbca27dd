"""A rotating file handler that survives a deleted file and reports write errors once, and
the pruning of rotated files by age and by the size of the whole log folder."""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import os
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ERROR_REPORT_INTERVAL_S = 60.0
_ROTATED = re.compile(r".+\.\d+")  # guardian.log.3, events.jsonl.1: never a live file
DAY_S = 86400.0
MB = 1024**2


def prune_rotated(
    folder: Path, max_age_days: float, folder_max_mb: float, now: float | None = None
) -> list[Path]:
    """Remove rotated files older than max_age_days, then the oldest rotated files while the
    folder (with its subfolders: incident reports) is larger than folder_max_mb; 0 turns a
    limit off. Live files are never removed. Returns what was removed."""
    try:
        files = [(path, path.stat()) for path in folder.rglob("*") if path.is_file()]
    except OSError:
        return []
    now = time.time() if now is None else now
    rotated = sorted(
        (
            (path, st)
            for path, st in files
            if path.parent == folder and _ROTATED.fullmatch(path.name)
        ),
        key=lambda item: item[1].st_mtime,
    )
    total = sum(st.st_size for _, st in files)
    removed: list[Path] = []
    for path, st in rotated:
        too_old = max_age_days > 0 and now - st.st_mtime > max_age_days * DAY_S
        too_big = folder_max_mb > 0 and total > folder_max_mb * MB
        if not (too_old or too_big):
            continue
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            removed.append(path)
        total -= st.st_size
    return removed


class GuardianFileHandler(logging.handlers.RotatingFileHandler):
    """RotatingFileHandler + WatchedFileHandler's reopen-if-gone, files private to the user.

    The standard handler keeps writing into a deleted file's inode, so a log removed while we
    run would stay invisible until the next rotation; we check the inode before each record,
    as WatchedFileHandler does (it cannot rotate, hence this combination). A failing write
    (disk full, directory made read-only) is reported on stderr at most once a minute instead
    of a traceback per record, and logging goes on when the disk is writable again.
    """

    def __init__(
        self,
        filename: str,
        max_bytes: int,
        backups: int,
        on_error: Callable[[str], None] | None = None,
        on_rollover: Callable[[], object] | None = None,
    ) -> None:
        """on_rollover runs after each rotation (the pruning by age and folder size)."""
        self._on_rollover = on_rollover
        self._dev_ino: tuple[int, int] | None = None
        self._last_error_report = -ERROR_REPORT_INTERVAL_S
        self._failed = False  # a write failed: the file may end in a torn line
        self._on_error = on_error
        super().__init__(
            filename, maxBytes=max_bytes, backupCount=backups, encoding="utf-8", delay=True
        )

    def _open(self) -> Any:
        stream = super()._open()
        with contextlib.suppress(OSError):
            os.chmod(self.baseFilename, 0o600)
            st = os.fstat(stream.fileno())
            self._dev_ino = (st.st_dev, st.st_ino)
        if self._failed:
            self._end_torn_line(stream)
        return stream

    def _end_torn_line(self, stream: Any) -> None:
        """After a failed write (a full disk) the file may end mid-line; a newline keeps the
        next record on a line of its own, so one torn line costs one record, not two."""
        with open(self.baseFilename, "rb") as tail:
            size = tail.seek(0, os.SEEK_END)
            if size:
                tail.seek(size - 1)
                if tail.read(1) != b"\n":
                    stream.write("\n")
        self._failed = False

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

    def doRollover(self) -> None:
        super().doRollover()
        if self._on_rollover is not None:
            with contextlib.suppress(OSError):
                self._on_rollover()

    def emit(self, record: logging.LogRecord) -> None:
        self._reopen_if_gone()
        super().emit(record)

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: ARG002
        error = sys.exc_info()[1]
        self._failed = True
        if self.stream is not None:
            with contextlib.suppress(OSError):
                self.stream.close()
            self.stream = None  # try a fresh open next time
        now = time.monotonic()
        if now - self._last_error_report >= ERROR_REPORT_INTERVAL_S:
            self._last_error_report = now
            message = f"cannot write {self.baseFilename}: {error}"
            with contextlib.suppress(Exception):
                sys.stderr.write(f"erp-guardian: {message}\n")
            if self._on_error is not None:
                with contextlib.suppress(Exception):  # the listener must not fail the logging
                    self._on_error(message)

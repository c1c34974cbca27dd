"""`logs show` filters records, not lines: a traceback goes with the line that starts it.

A record is a line that states a level (levels.detect_level) and the lines after it that do
not. `--level` and `--since` judge the record by its first line (a continuation line has no
level or time of its own); `--grep` keeps a record if any of its lines holds the text, and
then prints all of them. Lines are fed one at a time, so the same filter serves a whole file
and `--follow`.
"""

from __future__ import annotations

from collections import deque
from datetime import datetime

from tray_app.logs.levels import LogKind, at_least, detect_level, header_time
from tray_app.watchdog.model import Level

# Lines of one record held back while none of them has matched --grep; a record longer than
# this keeps its last lines only.
MAX_PENDING_LINES = 5000


def decode_line(raw: bytes) -> str:
    return raw.rstrip(b"\r").decode("utf-8", errors="replace")


class RecordFilter:
    """Feed it the lines of a log in order; it returns the lines to print as they are known."""

    def __init__(
        self,
        kind: LogKind,
        minimum: Level | None = None,
        since: datetime | None = None,
        grep: str | None = None,
    ) -> None:
        self.kind = kind
        self.minimum = minimum
        self.since = since
        self.needle = grep.lower() if grep else None
        self._keep = False  # the current record passes --level and --since
        self._shown = False  # and --grep: its lines are printed as they come
        self._pending: deque[str] = deque(maxlen=MAX_PENDING_LINES)
        self._started = False

    def feed(self, raw: bytes) -> list[str]:
        level = detect_level(self.kind, raw)
        if level is not None or not self._started:
            self._begin(level, raw)
        if not self._keep:
            return []
        line = decode_line(raw)
        if self._shown:
            return [line]
        self._pending.append(line)
        if self.needle is not None and self.needle not in line.lower():
            return []
        self._shown = True
        shown = list(self._pending)
        self._pending.clear()
        return shown

    def _begin(self, level: Level | None, first_line: bytes) -> None:
        """A new record (or the lines before the file's first header, with no level)."""
        self._started = True
        self._shown = False
        self._pending.clear()
        too_old = False
        if self.since is not None and level is not None:
            moment = header_time(self.kind, first_line)
            too_old = moment is not None and moment < self.since
        self._keep = at_least(level, self.minimum) and not too_old

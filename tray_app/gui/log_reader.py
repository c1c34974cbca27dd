"""Reading a log file in pieces: backwards from any offset, forwards from any offset.

A 1 GB file opens at its end: blocks are read backwards until a page of lines is found, never
the whole file. Each piece says which byte range it covers, so the viewer can ask for the piece
before it (scrolling back) or after it (the live tail). With a level filter a piece holds only
the lines that pass, and a scan stops after `max_scan_bytes` so the caller can show progress.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from tray_app.logs.levels import LogKind, at_least, detect_level, header_starts, kind_of
from tray_app.watchdog.model import Level

BLOCK_BYTES = 256 * 1024
MAX_LINE_BYTES = 64 * 1024  # longer lines are cut for display
MAX_PENDING_LINES = 5000  # continuation lines waiting for their header line


@dataclass(frozen=True)
class Chunk:
    """Lines (in file order) from the byte range [start, end) of a file."""

    lines: list[str]
    levels: list[Level | None]
    offsets: list[int]  # byte offset where each line starts
    start: int
    end: int
    end_level: Level | None = None  # the level in force at `end`, for the next forward read
    reset: bool = False  # the file was truncated or replaced: start over from its tail
    file_size: int = 0
    extra: dict[str, int] = field(default_factory=dict)


def _decode(raw: bytes) -> str:
    if len(raw) > MAX_LINE_BYTES:
        raw = raw[:MAX_LINE_BYTES] + b" [...]"
    return raw.rstrip(b"\r").decode("utf-8", errors="replace")


class LogFile:
    """One log file; every read opens, seeks and closes (a rotating writer may replace it)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.kind: LogKind = kind_of(path)
        self.identity = self._identity()

    def _identity(self) -> tuple[int, int] | None:
        try:
            stat = os.stat(self.path)
        except OSError:
            return None
        return (stat.st_dev, stat.st_ino)

    def size(self) -> int:
        try:
            return os.stat(self.path).st_size
        except OSError:
            return 0

    def replaced(self) -> bool:
        """True once the path names another file than at open (rotation)."""
        return self._identity() != self.identity

    def read_backward(
        self,
        end: int | None,
        want: int,
        minimum: Level | None = None,
        max_scan_bytes: int | None = None,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> Chunk:
        """Up to `want` lines passing `minimum` that end before byte `end` (None: the end)."""
        size = self.size()
        stop = size if end is None else min(end, size)
        scan = _BackwardScan(self.kind, want, minimum)
        try:
            with self.path.open("rb") as handle:
                scan.run(handle, stop, max_scan_bytes, cancelled)
        except OSError:
            return Chunk([], [], [], 0, 0, file_size=size)
        return scan.chunk(stop, size)

    def read_forward(
        self, start: int, carry: Level | None, minimum: Level | None, max_bytes: int
    ) -> Chunk:
        """Complete lines after byte `start`, at most max_bytes of the file."""
        size = self.size()
        if size < start or self.replaced():
            return Chunk([], [], [], 0, 0, reset=True, file_size=size)
        try:
            with self.path.open("rb") as handle:
                handle.seek(start)
                data = handle.read(min(max_bytes, size - start))
        except OSError:
            return Chunk([], [], [], start, start, end_level=carry, file_size=size)
        cut = data.rfind(b"\n") + 1
        if cut == 0 and len(data) >= max_bytes:
            cut = len(data)  # one line longer than max_bytes: take it as it is
        lines, levels, offsets = [], [], []
        level, offset = carry, start
        for raw in data[:cut].split(b"\n")[:-1] if cut else []:
            found = detect_level(self.kind, raw)
            level = found if found is not None else level
            if at_least(level, minimum):
                lines.append(_decode(raw))
                levels.append(level)
                offsets.append(offset)
            offset += len(raw) + 1
        return Chunk(lines, levels, offsets, start, start + cut, level, file_size=size)


def _split(data: bytes, base: int) -> list[tuple[int, bytes]]:
    """The lines of data (whole lines; a final newline is optional) with their offsets."""
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    out = []
    offset = base
    for raw in lines:
        out.append((offset, raw))
        offset += len(raw) + 1
    return out


class _BackwardScan:
    """State of one backward read. A block is cut into spans: a line that states a level and
    the continuation lines after it. Continuation lines at the start of a block wait in
    `pending` until their header line turns up in the block before."""

    def __init__(self, kind: LogKind, want: int, minimum: Level | None) -> None:
        self.kind = kind
        self.want = want
        self.minimum = minimum
        self.kept: list[tuple[int, bytes, Level | None]] = []  # last-first
        self.pending: list[tuple[int, bytes]] = []  # last-first
        self.start: int | None = None  # offset of the earliest line fully decided
        self.end_level: Level | None = None
        self.end_level_known = False

    def _resolve(self, lines: list[tuple[int, bytes]], level: Level | None) -> bool:
        """A span (file order) and the pending lines after it get `level`."""
        if not self.end_level_known:
            self.end_level, self.end_level_known = level, True
        if at_least(level, self.minimum):
            self.kept.extend((off, raw, level) for off, raw in self.pending)
            self.kept.extend((off, raw, level) for off, raw in reversed(lines))
        earliest = lines[0][0] if lines else self.pending[-1][0]
        self.pending.clear()
        self.start = earliest
        return len(self.kept) >= self.want

    def run(
        self,
        handle: BinaryIO,
        stop: int,
        max_scan_bytes: int | None,
        cancelled: Callable[[], bool],
    ) -> None:
        pos, tail = stop, b""  # tail: the start of a line whose beginning is not read yet
        limit = stop - max_scan_bytes if max_scan_bytes else 0
        while pos > 0 and not cancelled():
            read_from = max(0, pos - BLOCK_BYTES)
            handle.seek(read_from)
            buffer = handle.read(pos - read_from) + tail
            pos = read_from
            first = buffer.find(b"\n") + 1 if pos > 0 else 0
            if first == 0 and pos > 0:
                tail = buffer  # a very long line: keep reading backwards
                continue
            tail, body = buffer[:first], buffer[first:]
            if self._scan_block(body, pos + first):
                return
            if pos <= limit and not self.pending:
                return
        if pos == 0 and not cancelled() and self.pending:
            self._resolve([], None)  # lines before the first header of the file

    def _scan_block(self, body: bytes, body_offset: int) -> bool:
        headers = header_starts(self.kind, body)
        if headers:
            if not self.end_level_known:
                self.end_level, self.end_level_known = headers[-1][1], True
            ends = [start for start, _ in headers[1:]]
            ends.append(len(body))
            for (start, level), end in zip(reversed(headers), reversed(ends), strict=True):
                if not at_least(level, self.minimum):
                    self.pending.clear()  # the continuation lines go with their dropped header
                    continue  # a dropped span is not even split into lines
                if self._resolve(_split(body[start:end], body_offset + start), level):
                    return True
            self.pending.clear()
            self.start = body_offset + headers[0][0]
        lead = headers[0][0] if headers else len(body)
        if lead:
            self.pending.extend(reversed(_split(body[:lead], body_offset)))
            if len(self.pending) > MAX_PENDING_LINES:
                return self._resolve([], None)  # no header in sight: give up on their level
        return False

    def chunk(self, stop: int, size: int) -> Chunk:
        kept = self.kept[::-1]
        start = self.start if self.start is not None else stop
        return Chunk(
            lines=[_decode(raw) for _, raw, _ in kept],
            levels=[level for _, _, level in kept],
            offsets=[off for off, _, _ in kept],
            start=start,
            end=stop,
            end_level=self.end_level,
            file_size=size,
        )

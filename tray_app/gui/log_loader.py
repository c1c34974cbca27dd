"""File reads for the log viewer, on a thread of their own so the window never waits on disk.

The viewer sends LoadRequests; every request gives one or more LoadResults, the last with
done=True. A long filtered scan comes back in slices (matches appear while it runs) and stops
early when the viewer moves on (a newer generation: another file or filter).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QDeadlineTimer, QObject, QThread, Signal, Slot

from tray_app.gui.log_reader import Chunk, LogFile
from tray_app.watchdog.model import Level

PAGE_LINES = 2000
SCAN_SLICE_BYTES = 16 * 1024 * 1024
FORWARD_MAX_BYTES = 4 * 1024 * 1024


class LoadOp(StrEnum):
    OPEN = "open"  # the last page of the file
    EARLIER = "earlier"  # the page before `offset`
    LATER = "later"  # what follows `offset` (live tail, or lines dropped earlier)


class ResultKind(StrEnum):
    LOAD = "load"  # replaces the model's content
    PREPEND = "prepend"
    APPEND = "append"
    RESET = "reset"  # the file was truncated or rotated: open it again


@dataclass(frozen=True)
class LoadRequest:
    generation: int
    op: LoadOp
    path: Path
    minimum: Level | None
    offset: int | None = None
    carry: Level | None = None


@dataclass(frozen=True)
class LoadResult:
    generation: int
    kind: ResultKind
    chunk: Chunk
    done: bool
    scanned_bytes: int = 0


class _Generation:
    """The viewer's current generation, read by the loader thread to drop stale work."""

    value = 0


class LogLoaderWorker(QObject):
    result = Signal(object)  # LoadResult

    def __init__(self, generation: _Generation) -> None:
        super().__init__()
        self._generation = generation
        self._files: dict[Path, LogFile] = {}

    def _file(self, request: LoadRequest) -> LogFile:
        log_file = self._files.get(request.path)
        if log_file is None or request.op is LoadOp.OPEN:
            log_file = LogFile(request.path)
            self._files = {request.path: log_file}
        return log_file

    @Slot(object)
    def handle(self, request: LoadRequest) -> None:
        if request.generation != self._generation.value:
            return  # the viewer moved on before this request got its turn
        log_file = self._file(request)
        if request.op is LoadOp.LATER:
            self._later(log_file, request)
        else:
            self._backward(log_file, request)

    def _later(self, log_file: LogFile, request: LoadRequest) -> None:
        chunk = log_file.read_forward(
            request.offset or 0, request.carry, request.minimum, FORWARD_MAX_BYTES
        )
        kind = ResultKind.RESET if chunk.reset else ResultKind.APPEND
        self.result.emit(LoadResult(request.generation, kind, chunk, done=True))

    def _backward(self, log_file: LogFile, request: LoadRequest) -> None:
        """Read back page by page in slices until PAGE_LINES passed the filter or at start."""
        generation = request.generation

        def cancelled() -> bool:
            return generation != self._generation.value

        end = None if request.op is LoadOp.OPEN else request.offset
        kind = ResultKind.LOAD if request.op is LoadOp.OPEN else ResultKind.PREPEND
        found = 0
        scanned = 0
        while True:
            chunk = log_file.read_backward(
                end, PAGE_LINES - found, request.minimum, SCAN_SLICE_BYTES, cancelled
            )
            found += len(chunk.lines)
            scanned += chunk.end - chunk.start
            done = found >= PAGE_LINES or chunk.start == 0 or cancelled()
            self.result.emit(LoadResult(generation, kind, chunk, done, scanned))
            if done:
                return
            end, kind = chunk.start, ResultKind.PREPEND


class LogLoader(QObject):
    """GUI-thread owner of the loader thread; results come back on `result` (queued)."""

    result = Signal(object)  # LoadResult
    _request = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._generation = _Generation()
        self._thread = QThread()
        self._thread.setObjectName("log-loader")
        self._worker = LogLoaderWorker(self._generation)
        self._worker.moveToThread(self._thread)
        self._request.connect(self._worker.handle)
        self._worker.result.connect(self._on_result)
        self._thread.start()
        self.in_flight = 0

    @property
    def generation(self) -> int:
        return self._generation.value

    def new_generation(self) -> int:
        """Drop everything asked before; returns the generation for new requests."""
        self._generation.value += 1
        self.in_flight = 0
        return self._generation.value

    def submit(self, request: LoadRequest) -> None:
        self.in_flight += 1
        self._request.emit(request)

    @Slot(object)
    def _on_result(self, result: LoadResult) -> None:
        if result.generation != self._generation.value:
            return
        if result.done:
            self.in_flight = max(0, self.in_flight - 1)
        self.result.emit(result)

    def shutdown(self, timeout_ms: int = 5000) -> None:
        self.new_generation()  # a running scan stops at its next block
        self._thread.quit()
        self._thread.wait(QDeadlineTimer(timeout_ms))

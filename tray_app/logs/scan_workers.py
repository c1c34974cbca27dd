"""Worker processes for a big summary (parallel_scan.py): each takes ScanTasks over a pipe of
its own and sends back their results in the order it got them.

Not concurrent.futures.ProcessPoolExecutor: on Python 3.11 a worker killed while the next
one was starting hung it for good (seen here with SIGKILL: its manager thread waited for a
worker that never got the stop sentinel), and its locks need a writable /dev/shm, which a
container may not give. A pipe per worker needs neither, and a dead worker shows as the end
of its pipe.

Workers are spawned, not forked, on every platform: one path on Windows and Linux, and no fork
of a process that may have threads. The frozen executable calls freeze_support() first thing
(build/entry.py), so that a worker started from it runs `_serve`, not the app.
"""

from __future__ import annotations

import multiprocessing
import signal
import sys
import threading
from collections.abc import Generator, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from multiprocessing.process import BaseProcess
from types import ModuleType
from typing import Any, Protocol

from tray_app.logs.block_figures import BlockResult, ScanTask, scan

AHEAD_PER_WORKER = 2  # tasks sent to a worker before its first result: it never waits
STOP_WAIT_S = 5.0


class WorkerDied(Exception):
    """A worker ended before it sent a result (killed, out of memory)."""


class _Pipe(Protocol):
    """One end of a multiprocessing pipe (a Connection, or a PipeConnection on Windows)."""

    def send(self, obj: Any) -> None: ...

    def recv(self) -> Any: ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class _Worker:
    process: BaseProcess
    pipe: _Pipe


class ScanWorkers:
    """`count` worker processes, started at once; stop() ends them."""

    def __init__(self, count: int) -> None:
        """Raises OSError if a worker cannot start (a process limit, say)."""
        context = multiprocessing.get_context("spawn")
        self._workers: list[_Worker] = []
        try:
            with _main_module_hidden(), _interrupts_ignored():
                for _ in range(count):
                    ours, theirs = context.Pipe()
                    process = context.Process(target=_serve, args=(theirs,), daemon=True)
                    process.start()
                    theirs.close()  # so that the worker's end shows here as end of file
                    self._workers.append(_Worker(process, ours))
        except OSError:
            self.stop()
            raise

    def scan(self, tasks: list[ScanTask]) -> Generator[BlockResult]:
        """The results of the tasks in their order; raises WorkerDied. Task i goes to worker
        i mod count, which answers its tasks in the order it got them."""
        sent = min(len(tasks), AHEAD_PER_WORKER * len(self._workers))
        for index in range(sent):
            self._send(tasks[index], index)
        for index in range(len(tasks)):
            results = self._receive(index)
            if sent < len(tasks):  # the same worker: (index + AHEAD * count) mod count
                self._send(tasks[sent], sent)
                sent += 1
            yield from results

    def stop(self) -> None:
        """End every worker: closing its pipe ends it after its current task at most."""
        for worker in self._workers:
            worker.pipe.close()
        for worker in self._workers:
            worker.process.join(STOP_WAIT_S)
            if worker.process.is_alive():
                worker.process.terminate()
                worker.process.join(STOP_WAIT_S)

    def _send(self, task: ScanTask, index: int) -> None:
        try:
            self._workers[index % len(self._workers)].pipe.send(task)
        except OSError as error:
            raise WorkerDied from error

    def _receive(self, index: int) -> list[BlockResult]:
        try:
            results: list[BlockResult] = self._workers[index % len(self._workers)].pipe.recv()
        except (EOFError, OSError) as error:
            raise WorkerDied from error
        return results


def _serve(pipe: _Pipe) -> None:
    """A worker's life: scan each task it gets until its pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # on Windows; see _interrupts_ignored
    with suppress(EOFError, OSError):  # the parent closed the pipe: the scan is over
        while True:
            pipe.send(scan(pipe.recv()))


@contextmanager
def _interrupts_ignored() -> Iterator[None]:
    """Ctrl+C reaches every process of the terminal's group (on Windows, of the console): the
    parent ends the scan and its workers, and a worker would only print a traceback. Started
    with SIGINT ignored, a POSIX worker inherits that through exec and Python keeps it, so it
    holds from its first instruction; `_serve` ignores it again for Windows, where only the
    start is exposed. A Ctrl+C in these few milliseconds is lost: press it again."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set signal handlers
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


@contextmanager
def _main_module_hidden() -> Iterator[None]:
    """A spawned process first imports its parent's __main__ (for what a pickle may name
    there): for `erp-guardian logs summary` that is the whole CLI, 0.2 s per worker, where
    `_serve` needs only tray_app.logs. A main module with no file and no spec is not
    imported. Only the workers' start is faster with it; they work the same without it."""
    main = sys.modules["__main__"]
    sys.modules["__main__"] = ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = main

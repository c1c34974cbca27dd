"""Reading a big events.jsonl on every core, the results in file order.

The files are cut into ranges of whole lines; a worker process makes each range into block
results (block_figures.scan), and they come back in the order of the ranges, a few ranges
ahead at most, so memory stays flat. A small log, or a machine with one usable core, is read
the same way in this process: starting the workers costs about 0.1 s (bench/README.md).

Workers are spawned, not forked, on every platform: one path on Windows and Linux, and no fork
of a process that may have threads. The frozen executable calls freeze_support() first thing
(build/entry.py), so that a worker started from it runs the worker's code, not the app.
"""

from __future__ import annotations

import io
import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Generator, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import ModuleType

from tray_app.logs.block_figures import BlockResult, ScanTask, scan
from tray_app.logs.event_scan import BLOCK_BYTES

MAX_WORKERS = 4  # the summary's other work (one process folding the results) keeps up with 4
AHEAD_PER_WORKER = 2  # ranges queued per worker: enough to keep each busy


@dataclass(frozen=True)
class ScanPlan:
    """How to read: block and range sizes, and from what total size to use workers."""

    block_bytes: int = BLOCK_BYTES
    range_bytes: int = 8 * 1024 * 1024
    # Below this, starting the workers costs more than they save: two cores here broke even
    # at about 85 MB (bench/README.md), and a process starts slower on Windows.
    parallel_from: int = 128 * 1024 * 1024
    workers: int | None = None  # None: the usable cores, at most MAX_WORKERS


def scan_files(
    paths: list[Path], since: datetime | None, until: datetime, plan: ScanPlan
) -> Generator[BlockResult]:
    """The results of every block of the files, in file order. Raises BrokenProcessPool if a
    worker could not start or died (the caller reads in this process then)."""
    tasks = [
        ScanTask(path, start, stop, plan.block_bytes, since, until)
        for path in paths
        for start, stop in line_ranges(path, plan.range_bytes)
    ]
    workers = min(plan.workers or usable_cores(), MAX_WORKERS, len(tasks))
    if workers < 2 or sum(task.stop - task.start for task in tasks) < plan.parallel_from:
        for task in tasks:
            yield from scan(task)
    else:
        yield from _in_workers(tasks, workers)


def _in_workers(tasks: list[ScanTask], workers: int) -> Generator[BlockResult]:
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(workers, context, initializer=_leave_interrupts_to_the_parent)
    pending: deque[Future[list[BlockResult]]] = deque()
    try:
        # The first submissions start the workers (one each): without the CLI as __main__.
        with _main_module_hidden():
            pending.extend(pool.submit(scan, task) for task in tasks[:workers])
        for task in tasks[workers:]:
            pending.append(pool.submit(scan, task))
            if len(pending) >= AHEAD_PER_WORKER * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _leave_interrupts_to_the_parent() -> None:
    """Ctrl+C reaches every process of the terminal's group (on Windows, of the console): the
    parent ends the scan and the pool; a worker would only print its own traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextmanager
def _main_module_hidden() -> Iterator[None]:
    """A spawned process first imports its parent's __main__ (for what a pickle may name
    there): for `erp-guardian logs summary` that is the whole CLI, 0.2 s per worker, where
    `scan` needs only tray_app.logs. A main module with no file and no spec is not imported.
    Only the workers' start is faster with it; they work the same without it."""
    main = sys.modules["__main__"]
    sys.modules["__main__"] = ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = main


def line_ranges(path: Path, range_bytes: int) -> list[tuple[int, int]]:
    """The file cut into [start, stop) ranges of about range_bytes, each of whole lines
    (the last may end without a newline); [] if it cannot be read."""
    try:
        size = path.stat().st_size
        starts = [0]
        with path.open("rb") as handle:
            for target in range(range_bytes, size, range_bytes):
                if target > starts[-1]:
                    starts.append(_next_line_start(handle, target, size))
    except OSError:
        return []
    starts = sorted(set(starts) - {size})  # an empty file has no range
    return list(zip(starts, [*starts[1:], size], strict=False))


def _next_line_start(handle: io.BufferedReader, target: int, size: int) -> int:
    """Where the first line that starts at or after `target` starts (size if none does)."""
    handle.seek(target - 1)
    position = target - 1
    while piece := handle.read(64 * 1024):
        found = piece.find(b"\n")
        if found >= 0:
            return position + found + 1
        position += len(piece)
    return size


def usable_cores() -> int:
    """The cores this process may run on (its affinity where the platform has one)."""
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity else os.cpu_count() or 1

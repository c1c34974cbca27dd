"""Reading a big events.jsonl on every core, the results in file order.

The files are cut into ranges of whole lines; a worker process makes each range into block
results (block_figures.scan), and they come back in the order of the ranges, a few ranges
ahead at most, so memory stays flat. A small log, or a machine with one usable core, is read
the same way in this process: starting the workers costs about 0.1 s (bench/README.md).
"""

from __future__ import annotations

import io
import os
from collections.abc import Generator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tray_app.logs.block_figures import BlockResult, ScanTask, scan
from tray_app.logs.event_scan import BLOCK_BYTES
from tray_app.logs.scan_workers import ScanWorkers

MAX_WORKERS = 4  # the summary's other work (one process folding the results) keeps up with 4


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
    """The results of every block of the files, in file order; in this process where no
    worker can start. Raises WorkerDied if a worker died (killed, out of memory): the caller
    then reads again in this process."""
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


def _in_workers(tasks: list[ScanTask], count: int) -> Generator[BlockResult]:
    try:
        workers = ScanWorkers(count)
    except OSError:  # no worker can start here (a process limit): read in this process
        for task in tasks:
            yield from scan(task)
        return
    try:
        yield from workers.scan(tasks)
    finally:
        workers.stop()


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

"""One block of events.jsonl made into what the summary needs of it, where it was read.

For a big log that is a worker process (parallel_scan.py), so what comes back must be small
and picklable. A block in the writer's form, in time order and wholly before, inside or after
the summary's window becomes its figures: the times at its ends, counts per kind, and the time
its own spans spent supervised and serving. Any other block (a line in another form, the one
where the window starts or ends) becomes its events, parsed one line at a time. Durations are
`timedelta`s, exact in microseconds, so the figures of blocks add up to the same total in any
grouping.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import compress, islice
from operator import sub
from pathlib import Path

from tray_app.logs.event_fields import RECOVERED, SERVING, EventFields, parse_line, supervised
from tray_app.logs.event_scan import Block, Kind, blocks_in, kind_of

ZERO = timedelta(0)


@dataclass(frozen=True)
class BlockFigures:
    """A block whose lines are all in the writer's form and in time order."""

    first: datetime
    last: datetime
    events: int
    last_state: str  # the state the block's last event left
    kinds: dict[Kind, int]  # how many events of each kind, in the order they first appear
    # The spans from each event to the next within the block, by the state the first left.
    supervised: timedelta
    serving: timedelta
    outages: tuple[float | None, ...]  # the outage_s of each recovery in order


@dataclass(frozen=True)
class ParsedBlock:
    """Any other block: its events in file order, None for an unreadable line."""

    events: list[EventFields | None]


BlockResult = BlockFigures | ParsedBlock


@dataclass(frozen=True)
class ScanTask:
    """Read the bytes [start, stop) of a file (whole lines) in blocks of block_bytes, for a
    summary over [since, until]."""

    path: Path
    start: int
    stop: int
    block_bytes: int
    since: datetime | None
    until: datetime


def scan(task: ScanTask) -> list[BlockResult]:
    """The blocks of the task's range, each made into figures or events (none when the file
    cannot be read any more: a rotation removed it since the scan was planned)."""
    results: list[BlockResult] = []
    try:
        for block in blocks_in(task.path, task.start, task.stop, task.block_bytes):
            figures = figures_of(block, task.since, task.until)
            results.append(figures or ParsedBlock(events_of(block)))
    except OSError:
        pass  # what was read counts, as it did when the files were read in one process
    return results


def events_of(block: Block) -> list[EventFields | None]:
    """The events of a block in file order, None for an unreadable line (blank ones skipped)."""
    return [parse_line(line) for line in block.lines() if line.strip()]


def figures_of(block: Block, since: datetime | None, until: datetime) -> BlockFigures | None:
    """The block's figures from its columns, with C-level loops only (no Python code per
    event); None if a value is not what the writer writes, the block is not in time order, or
    the window [since, until] starts or ends inside it."""
    if not block.times:
        return None
    try:
        times = list(map(datetime.fromisoformat, block.times))
    except ValueError:
        return None
    first, last = times[0], times[-1]
    if (since is not None and first < since <= last) or first <= until < last:
        return None
    spans = list(map(sub, islice(times, 1, None), times))
    if spans and min(spans) < ZERO:
        return None
    column = block.kinds
    distinct = Counter(column)  # in the order each kind first appears
    kinds = {text: kind_of(text) for text in distinct}
    counts: dict[Kind, int] = {}
    for text, count in distinct.items():
        kind = kinds[text]
        if kind is None:
            return None
        counts[kind] = count
    outages = block.outages()
    if len(outages) != sum(n for kind, n in counts.items() if kind.event == RECOVERED):
        return None
    in_supervised = {text for text, kind in kinds.items() if kind and supervised(kind.state)}
    in_serving = {text for text, kind in kinds.items() if kind and kind.state in SERVING}
    # compress stops at the last span: the last event's state counts in the next block.
    supervised_time = sum(compress(spans, map(in_supervised.__contains__, column)), ZERO)
    serving_time = sum(compress(spans, map(in_serving.__contains__, column)), ZERO)
    last_kind = kinds[column[-1]]
    assert last_kind is not None
    return BlockFigures(
        first,
        last,
        len(times),
        last_kind.state,
        counts,
        supervised_time,
        serving_time,
        tuple(outages),
    )

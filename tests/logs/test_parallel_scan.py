"""The cutting of a log into ranges for the workers, and the workers' results in file order."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, datetime
from itertools import pairwise
from pathlib import Path

import pytest

from tray_app.logs.block_figures import BlockFigures, ParsedBlock
from tray_app.logs.parallel_scan import ScanPlan, line_ranges, scan_files

UNTIL = datetime(2030, 1, 1, tzinfo=UTC)


def _lines(rng: random.Random, count: int) -> list[bytes]:
    return [b"x" * rng.choice([0, 1, 5, 40, 300]) for _ in range(count)]


@pytest.mark.parametrize("range_bytes", [1, 7, 64, 1000, 10**6])
@pytest.mark.parametrize("final_newline", [True, False])
def test_ranges_cover_the_file_in_whole_lines(
    tmp_path: Path, range_bytes: int, final_newline: bool
) -> None:
    rng = random.Random(range_bytes)
    data = b"\n".join(_lines(rng, 300)) + (b"\n" if final_newline else b"")
    path = tmp_path / "events.jsonl"
    path.write_bytes(data)
    ranges = line_ranges(path, range_bytes)
    assert ranges[0][0] == 0
    assert ranges[-1][1] == len(data)
    for (_, stop), (start, _) in pairwise(ranges):
        assert stop == start
        assert data[start - 1 : start] == b"\n"  # every range starts a line
    assert all(start < stop for start, stop in ranges)
    if range_bytes >= len(data):
        assert len(ranges) == 1
    else:  # as many as the lines allow: a cut falls at the first line start after each mark
        starts = [0] + [i + 1 for i, byte in enumerate(data[:-1]) if byte == ord("\n")]
        marks = range(range_bytes, len(data), range_bytes)
        assert {start for start, _ in ranges} == {0} | {
            min(s for s in starts if s >= mark) for mark in marks if any(s >= mark for s in starts)
        }


def test_an_empty_or_missing_file_has_no_ranges(tmp_path: Path) -> None:
    (tmp_path / "empty").write_bytes(b"")
    assert line_ranges(tmp_path / "empty", 10) == []
    assert line_ranges(tmp_path / "missing", 10) == []


def _event_line(second: int) -> str:
    return (
        f'{{"time": "2026-03-01T06:{second // 60:02d}:{second % 60:02d}.000001+00:00", '
        '"level": "info", "event": "healthy", "state": "healthy", "previous": "unhealthy", '
        '"reason": "check_passed", "detail": "ok", "pid": 1, "attempt": 0, "outage_s": null, '
        '"latency_ms": 1.5, "exit_code": null, "data": {}}\n'
    )


def test_workers_give_the_blocks_in_file_order(tmp_path: Path) -> None:
    """Two files, many small ranges, two workers: the results come back in the files' order,
    as the same scan in this process gives them."""
    lines = [_event_line(second) for second in range(3000)]
    lines[1234] = "a torn line\n"
    (tmp_path / "events.jsonl.1").write_text("".join(lines[:1500]), encoding="utf-8")
    (tmp_path / "events.jsonl").write_text("".join(lines[1500:]), encoding="utf-8")
    paths = [tmp_path / "events.jsonl.1", tmp_path / "events.jsonl"]
    plan = ScanPlan(block_bytes=4096, range_bytes=20_000, workers=2, parallel_from=0)
    in_workers = list(scan_files(paths, None, UNTIL, plan))
    in_process = list(scan_files(paths, None, UNTIL, replace(plan, workers=1)))
    assert in_workers == in_process
    figures = [r for r in in_workers if isinstance(r, BlockFigures)]
    parsed = [r for r in in_workers if isinstance(r, ParsedBlock)]
    assert len(parsed) == 1 and None in parsed[0].events  # the torn line's block, read slowly
    assert sum(f.events for f in figures) + len(parsed[0].events) == 3000
    firsts = [f.first for f in figures]
    assert firsts == sorted(firsts)

"""One parser for log lines: `logs show` and the log viewer agree on records and levels."""

from __future__ import annotations

import random
from datetime import datetime
from pathlib import Path

import pytest

from tray_app.gui.log_reader import LogFile
from tray_app.logs.levels import LogKind, header_time, kind_of
from tray_app.logs.records import RecordFilter
from tray_app.watchdog.model import Level

WORDS = ["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]


def write_mixed_log(path: Path, count: int) -> None:
    """Records of every level, some with a traceback, and lines before the first record."""
    rng = random.Random(7)
    lines = ["continued from an earlier file", "  still"]
    for number in range(count):
        word = rng.choice(WORDS)
        lines.append(f"2026-11-28 10:{number // 60 % 60:02d}:{number % 60:02d},000 {word} x: n")
        if rng.random() < 0.3:
            lines += ["Traceback (most recent call last):", f'  File "x.py", line {number}']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize("minimum", [None, Level.WARNING, Level.ERROR, Level.CRITICAL])
def test_logs_show_and_the_viewer_keep_the_same_lines(tmp_path: Path, minimum: Level) -> None:
    path = tmp_path / "guardian.log"
    write_mixed_log(path, 3000)
    records = RecordFilter(LogKind.GUARDIAN, minimum)
    shown = [line for raw in path.read_bytes().splitlines() for line in records.feed(raw)]
    viewer = LogFile(path).read_backward(None, 10**6, minimum)
    assert shown == viewer.lines
    assert any(line.startswith("Traceback") for line in shown)


def test_header_time_of_each_format() -> None:
    local = datetime(2026, 11, 28, 10, 0, 1).astimezone()
    assert header_time(LogKind.GUARDIAN, b"2026-11-28 10:00:01,123 ERROR x: y") == local
    event = b'{"time": "2026-11-28T09:00:01+00:00", "level": "error"}'
    assert header_time(LogKind.EVENTS, event) == datetime.fromisoformat("2026-11-28T09:00:01Z")
    assert header_time(LogKind.BACKEND, b"2026-11-28 10:00:01 ERROR boom") is None
    assert kind_of(Path("events.jsonl.3")) is LogKind.EVENTS

"""Reading log files in pieces: backwards pages add up to the file, filters keep the right
lines, continuation lines take their header's level, and a big file opens at its end."""

from __future__ import annotations

import json
from pathlib import Path

from tray_app.gui.log_files import list_log_files
from tray_app.gui.log_reader import LogFile
from tray_app.logs.levels import LogKind, detect_level
from tray_app.watchdog.model import Level

LEVELS = ("DEBUG", "INFO", "INFO", "WARNING", "INFO", "ERROR", "CRITICAL")


def write_guardian_log(path: Path, count: int) -> list[str]:
    lines = []
    for index in range(count):
        level = LEVELS[index % len(LEVELS)]
        lines.append(
            f"2026-11-28 11:00:00,{index % 1000:03d} {level} erp_guardian.watchdog: n{index}"
        )
        if level == "ERROR":
            lines += ["Traceback (most recent call last):", f'  File "x.py", line {index}']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return lines


def test_backward_pages_add_up_to_the_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "guardian.log"
    lines = write_guardian_log(path, 20_000)
    log_file = LogFile(path)
    seen: list[str] = []
    end = None
    pages = 0
    while True:
        chunk = log_file.read_backward(end, 1500)
        seen[:0] = chunk.lines
        pages += 1
        if chunk.start == 0:
            break
        end = chunk.start
    assert seen == lines
    assert pages > 10


def test_level_filter_keeps_continuation_lines_with_their_header(tmp_path: Path) -> None:
    path = tmp_path / "guardian.log"
    lines = write_guardian_log(path, 3000)
    chunk = LogFile(path).read_backward(None, 10**6, Level.ERROR)
    expected = []
    current = None
    for line in lines:
        if line.startswith("2026"):
            current = line.split(" ")[2]
        if current in ("ERROR", "CRITICAL"):
            expected.append(line)
    assert chunk.lines == expected
    assert any(line.startswith("Traceback") for line in chunk.lines)
    assert set(chunk.levels) == {Level.ERROR, Level.CRITICAL}


def test_forward_read_takes_complete_lines_only(tmp_path: Path) -> None:
    path = tmp_path / "backend.log"
    path.write_bytes(b"INFO one\nERROR two\nhalf a li")
    log_file = LogFile(path)
    chunk = log_file.read_forward(0, None, None, 1 << 20)
    assert chunk.lines == ["INFO one", "ERROR two"]
    assert chunk.levels == [Level.INFO, Level.ERROR]
    with path.open("ab") as handle:
        handle.write(b"ne\n")
    more = log_file.read_forward(chunk.end, chunk.end_level, None, 1 << 20)
    assert more.lines == ["half a line"]
    assert more.levels == [Level.ERROR]  # no level word: continues the line before


def test_truncated_file_asks_for_a_reset(tmp_path: Path) -> None:
    path = tmp_path / "guardian.log"
    write_guardian_log(path, 100)
    log_file = LogFile(path)
    end = log_file.size()
    path.write_text("", encoding="utf-8")
    assert log_file.read_forward(end, None, None, 1 << 20).reset


def test_large_file_tail_reads_only_its_end(tmp_path: Path) -> None:
    """A sparse 2 GB file: reading its tail must not touch (or allocate) the rest."""
    path = tmp_path / "backend.log"
    with path.open("wb") as handle:
        handle.truncate(2 * 1024**3)
    with path.open("ab") as handle:
        handle.write(b"\nWARNING last but one\nINFO last\n")
    chunk = LogFile(path).read_backward(None, 2)
    assert chunk.lines == ["WARNING last but one", "INFO last"]
    assert chunk.start > 2 * 1024**3 - 1


def test_levels_in_each_format() -> None:
    assert detect_level(LogKind.GUARDIAN, b"2026-11-28 11:00:00,123 WARNING x: y") is Level.WARNING
    assert detect_level(LogKind.GUARDIAN, b"  File x, ERROR in text") is None
    event = json.dumps({"event": "exited", "level": "error"}).encode()
    assert detect_level(LogKind.EVENTS, event) is Level.ERROR
    assert detect_level(LogKind.BACKEND, b"INFO:     127.0.0.1 - GET /health") is Level.INFO
    assert detect_level(LogKind.BACKEND, b"sqlite3.OperationalError: locked") is None
    assert detect_level(LogKind.BACKEND, b"2026 [ERROR] boom") is Level.ERROR


def test_log_file_list_has_current_then_rotated_files(tmp_path: Path) -> None:
    for name in ("backend.log.2", "guardian.log.1", "backend.log.1", "events.jsonl.1", "x.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    names = [path.name for path in list_log_files(tmp_path)]
    assert names == [
        "guardian.log",
        "backend.log",
        "events.jsonl",
        "guardian.log.1",
        "backend.log.1",
        "backend.log.2",
        "events.jsonl.1",
    ]


def test_traceback_lines_take_the_level_of_their_error_line(tmp_path: Path) -> None:
    path = tmp_path / "guardian.log"
    lines = [
        "2026-11-28 10:00:00,000 INFO erp_guardian.watchdog: healthy",
        "2026-11-28 10:00:01,000 ERROR erp_guardian: event listener failed",
        "Traceback (most recent call last):",
        '  File "tray_app/watchdog/supervisor.py", line 329, in _publish',
        "OSError: [Errno 28] No space left on device",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = [Level.INFO] + [Level.ERROR] * 4
    assert LogFile(path).read_forward(0, None, None, 1 << 20).levels == expected
    assert LogFile(path).read_backward(None, 100).levels == expected
    assert LogFile(path).read_backward(None, 100, Level.ERROR).lines == lines[1:]

"""The one parser of log lines: which file is which, a line's level and time in each format.

guardian.log:  `2026-11-28 11:00:00,123 WARNING erp_guardian.watchdog: backend exited ...`
events.jsonl:  one JSON object per line with a lowercase "level" key and a "time"
backend.log:   free text; the first ERROR/WARNING/INFO/DEBUG/CRITICAL word decides
A line that states a level starts a record; a line without one (a traceback line, a wrapped
message) continues the record before it and takes its level and time. The CLI (`logs show`,
records.py) and the log viewer (gui/log_reader.py) both read records through this module.
Lines are matched as bytes, so a filter over a large file decodes only the lines it keeps, and
`header_starts` finds the record starts of a whole block with one regex scan.
"""

from __future__ import annotations

import re
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from tray_app.watchdog.model import Level

SEVERITY_RANK = {
    Level.DEBUG: 10,
    Level.INFO: 20,
    Level.WARNING: 30,
    Level.ERROR: 40,
    Level.CRITICAL: 50,
}

_WORDS = {
    b"DEBUG": Level.DEBUG,
    b"INFO": Level.INFO,
    b"WARNING": Level.WARNING,
    b"WARN": Level.WARNING,
    b"ERROR": Level.ERROR,
    b"CRITICAL": Level.CRITICAL,
    b"FATAL": Level.CRITICAL,
}
_LOWER = {word.lower(): level for word, level in _WORDS.items()}

_LEVEL_WORDS = rb"(DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL|FATAL)"
# Each pattern finds the lines that state a level in a whole block at once. They start with
# the newline before the line (the block gets one in front): a literal first character lets
# the regex engine jump from newline to newline instead of trying every byte.
_GUARDIAN = re.compile(rb"\n\d{4}-\d\d-\d\d[ T][\d:,.]+ " + _LEVEL_WORDS + rb" ")
_JSON_LEVEL = re.compile(rb'\n[^\n]*?"level"\s*:\s*"(\w+)"')
_WORD = re.compile(rb"\n[^\n]*?\b" + _LEVEL_WORDS + rb"\b")
_GUARDIAN_TIME = re.compile(rb"(\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d)")
_JSON_TIME = re.compile(rb'"time"\s*:\s*"([^"\\]+)"')


class LogKind(StrEnum):
    GUARDIAN = "guardian"
    BACKEND = "backend"
    EVENTS = "events"


def kind_of(path: Path) -> LogKind:
    """guardian.log, guardian.log.3, events.jsonl.1, backend.log ... by the base name."""
    name = path.name.lower()
    if name.startswith("events"):
        return LogKind.EVENTS
    if name.startswith("guardian"):
        return LogKind.GUARDIAN
    return LogKind.BACKEND


def at_least(level: Level | None, minimum: Level | None) -> bool:
    """True if a line of `level` passes a filter of `minimum` (None: no filter)."""
    if minimum is None:
        return True
    return level is not None and SEVERITY_RANK[level] >= SEVERITY_RANK[minimum]


def _pattern(kind: LogKind) -> re.Pattern[bytes]:
    if kind is LogKind.GUARDIAN:
        return _GUARDIAN
    return _JSON_LEVEL if kind is LogKind.EVENTS else _WORD


def _level_of(match: re.Match[bytes]) -> Level | None:
    return _WORDS.get(match.group(1)) or _LOWER.get(match.group(1).lower())


def detect_level(kind: LogKind, line: bytes) -> Level | None:
    """The level a line states itself, or None (then it continues the line before)."""
    match = _pattern(kind).match(b"\n" + line)
    return _level_of(match) if match else None


def header_starts(kind: LogKind, block: bytes) -> list[tuple[int, Level]]:
    """Where the lines that state a level start in a block of whole lines, with their level."""
    found = []
    for match in _pattern(kind).finditer(b"\n" + block):
        level = _level_of(match)
        if level is not None:
            found.append((match.start(), level))  # the "\n" in front shifts by one: cancels
    return found


def level_named(name: str) -> Level:
    """The level of a `--level` choice ("warning"); raises ValueError for another word."""
    return Level(name.lower())


def header_time(kind: LogKind, line: bytes) -> datetime | None:
    """The time a record's first line states, if it states one (backend.log lines do not).
    guardian.log writes local time; events.jsonl writes UTC with its offset."""
    if kind is LogKind.GUARDIAN:
        match = _GUARDIAN_TIME.match(line)
    elif kind is LogKind.EVENTS:
        match = _JSON_TIME.search(line)
    else:
        return None
    if match is None:
        return None
    try:
        moment = datetime.fromisoformat(match.group(1).decode("ascii", errors="replace"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.astimezone()

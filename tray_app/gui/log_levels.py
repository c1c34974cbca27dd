"""Which log file is which, and how to tell a line's severity in each format.

guardian.log:  `2026-11-28 11:00:00,123 WARNING erp_guardian.watchdog: backend exited ...`
events.jsonl:  one JSON object per line with a lowercase "level" key
backend.log:   free text; the first ERROR/WARNING/INFO/DEBUG/CRITICAL word decides
A line without a level (a traceback line, a wrapped message) takes the level of the line before.
Lines are matched as bytes, so a filter over a large file decodes only the lines it keeps.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
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


def assign_levels(
    kind: LogKind, lines: Iterable[bytes], carry: Level | None = None
) -> list[Level | None]:
    """Levels of consecutive lines; `carry` is the level of the line before the first."""
    levels: list[Level | None] = []
    current = carry
    for line in lines:
        found = detect_level(kind, line)
        if found is not None:
            current = found
        levels.append(current)
    return levels

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

_GUARDIAN = re.compile(rb"\d{4}-\d\d-\d\d[ T][\d:,.]+ ([A-Z]+) ")
_JSON_LEVEL = re.compile(rb'"level"\s*:\s*"(\w+)"')
_WORD = re.compile(rb"\b(DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL|FATAL)\b")


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


def detect_level(kind: LogKind, line: bytes) -> Level | None:
    """The level a line states itself, or None (then it continues the line before)."""
    if kind is LogKind.GUARDIAN:
        match = _GUARDIAN.match(line)
        return _WORDS.get(match.group(1)) if match else None
    if kind is LogKind.EVENTS:
        match = _JSON_LEVEL.search(line)
        return _LOWER.get(match.group(1).lower()) if match else None
    match = _WORD.search(line)
    return _WORDS[match.group(1)] if match else None


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

"""Reading the log files back: rotated sets in order, time spans, level filters."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

LEVELS = ("debug", "info", "warning", "error", "critical")
_SPAN = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw])\s*$")
_SPAN_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}
_GUARDIAN_LINE = re.compile(
    r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d),\d+ (DEBUG|INFO|WARNING|ERROR|CRITICAL) "
)
_LEVEL_WORD = re.compile(r"\b(DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL|FATAL)\b")


def parse_since(text: str, now: datetime | None = None) -> datetime:
    """'24h', '30m', '7d', '90s', '2w' ago, or an ISO 8601 time; raises ValueError."""
    now = now or datetime.now(UTC)
    match = _SPAN.match(text)
    if match:
        return now - timedelta(seconds=float(match.group(1)) * _SPAN_SECONDS[match.group(2)])
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(
            f"--since {text!r}: use a span like 30m, 24h, 7d or a time like 2026-11-28T08:00"
        ) from None
    return moment if moment.tzinfo else moment.astimezone()


def rotated_set(path: Path) -> list[Path]:
    """The rotated files oldest first (name.N ... name.1), then the current one."""
    backups = []
    for candidate in path.parent.glob(path.name + ".*"):
        suffix = candidate.name[len(path.name) + 1 :]
        if suffix.isdigit():
            backups.append((int(suffix), candidate))
    ordered = [p for _, p in sorted(backups, reverse=True)]
    return [*ordered, path] if path.exists() else ordered


def read_lines(paths: list[Path]) -> Iterator[str]:
    for path in paths:
        try:
            with path.open(encoding="utf-8", errors="replace") as handle:
                for line in handle:
                    yield line.rstrip("\n")
        except OSError:
            continue


def read_events(path: Path) -> tuple[list[dict[str, Any]], int]:
    """All events of events.jsonl and its rotated files, and the count of unreadable lines."""
    events, bad = [], 0
    for line in read_lines(rotated_set(path)):
        if not line.strip():
            continue
        try:
            event = json.loads(line)
            event["_time"] = datetime.fromisoformat(event["time"])
        except (ValueError, KeyError, TypeError):
            bad += 1
            continue
        events.append(event)
    events.sort(key=lambda e: e["_time"])
    return events, bad


def line_level(line: str, kind: str) -> str | None:
    """The severity of one line of guardian.log, events.jsonl or backend.log, if it has one."""
    if kind == "events":
        try:
            level = json.loads(line).get("level")
        except (ValueError, AttributeError):
            return None
        return level if level in LEVELS else None
    if kind == "guardian":
        match = _GUARDIAN_LINE.match(line)
        return match.group(2).lower() if match else None
    match = _LEVEL_WORD.search(line)
    if not match:
        return None
    word = match.group(1).lower()
    return {"warn": "warning", "fatal": "critical"}.get(word, word)


def line_time(line: str, kind: str) -> datetime | None:
    if kind == "events":
        try:
            return datetime.fromisoformat(json.loads(line)["time"])
        except (ValueError, KeyError, TypeError):
            return None
    match = _GUARDIAN_LINE.match(line)
    if kind == "guardian" and match:
        return datetime.strptime(match.group(1), "%Y-%m-%d %H:%M:%S").astimezone()
    return None

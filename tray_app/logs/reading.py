"""Reading the log files back: rotated sets in order, `--since` spans."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

_SPAN = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw])\s*$")
_SPAN_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}


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


def read_raw_lines(paths: list[Path]) -> Iterator[bytes]:
    """The lines of the files in order, without their line ends (a missing file is skipped)."""
    for path in paths:
        try:
            with path.open("rb") as handle:
                for line in handle:
                    yield line.rstrip(b"\n")
        except OSError:
            continue

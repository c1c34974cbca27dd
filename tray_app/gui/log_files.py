"""The log files a user can pick in the viewer: the three current ones, then rotated ones."""

from __future__ import annotations

import re
from pathlib import Path

BASE_NAMES = ("guardian.log", "backend.log", "events.jsonl")
_ROTATED = re.compile(r"^(guardian\.log|backend\.log|events\.jsonl)\.(\d+)$")


def list_log_files(log_dir: Path) -> list[Path]:
    """guardian.log, backend.log, events.jsonl (always, even before they exist), then
    their rotated copies (.1 is the newest) in that order."""
    rotated: list[tuple[int, int, Path]] = []
    try:
        entries = list(log_dir.iterdir())
    except OSError:
        entries = []
    for entry in entries:
        match = _ROTATED.match(entry.name)
        if match and entry.is_file():
            rotated.append((BASE_NAMES.index(match.group(1)), int(match.group(2)), entry))
    rotated.sort()
    return [log_dir / name for name in BASE_NAMES] + [path for _, _, path in rotated]

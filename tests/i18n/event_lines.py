"""A tiny events.jsonl (a start and a healthy check) for the summary's language tests."""

from __future__ import annotations

import json
from pathlib import Path


def write_two_events(log_dir: Path) -> None:
    log_dir.mkdir(parents=True, exist_ok=True)
    lines = [
        {"time": "2026-11-28T12:00:00+00:00", "level": "info", "event": "starting",
         "state": "starting", "previous": "stopped", "reason": "startup", "detail": "x"},
        {"time": "2026-11-28T12:00:01+00:00", "level": "info", "event": "healthy",
         "state": "healthy", "previous": "starting", "reason": "check_passed", "detail": "x"},
    ]  # fmt: skip
    (log_dir / "events.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines))

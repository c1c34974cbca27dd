"""Typed records of the backup package: what a backup is, and what creating or restoring did."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any


class BackupError(Exception):
    """A backup or restore that could not be done; the message is meant for the user."""


class BackupKind(StrEnum):
    DAILY = "daily"  # the scheduled one at backup_time
    PRE_RESTART = "pre_restart"  # before a restart that follows a crash or a hang
    MANUAL = "manual"  # asked for from the CLI, the tray or the page


@dataclass(frozen=True)
class BackupInfo:
    """One backup copy, as its manifest (`<id>.json` beside `<id>.sqlite3`) describes it."""

    id: str
    time: datetime  # when the copy was taken, UTC
    kind: BackupKind
    size_bytes: int
    duration_s: float
    verified: bool  # the last integrity_check of the copy passed
    source: str  # the database file it was taken from
    verified_at: datetime | None = None
    problem: str | None = None  # what the last failed verification said

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["time"] = self.time.isoformat()
        out["kind"] = self.kind.value
        out["verified_at"] = self.verified_at.isoformat() if self.verified_at else None
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> BackupInfo:
        verified_at = data.get("verified_at")
        return cls(
            id=str(data["id"]),
            time=datetime.fromisoformat(str(data["time"])),
            kind=BackupKind(data["kind"]),
            size_bytes=int(data["size_bytes"]),
            duration_s=float(data["duration_s"]),
            verified=bool(data["verified"]),
            source=str(data["source"]),
            verified_at=datetime.fromisoformat(str(verified_at)) if verified_at else None,
            problem=data.get("problem"),
        )


@dataclass(frozen=True)
class CopyFigures:
    """How a copy went: its duration and the longest single step (the longest hold on the
    source; in rollback-journal mode writers wait that long at most)."""

    duration_s: float
    steps: int
    longest_step_s: float


@dataclass(frozen=True)
class BackupResult:
    """The outcome of one backup attempt; `info` is None when it failed."""

    ok: bool
    kind: BackupKind
    detail: str  # one English line for the log
    info: BackupInfo | None = None
    figures: CopyFigures | None = None
    removed: tuple[str, ...] = ()  # ids that retention removed afterwards

    def event_data(self) -> dict[str, Any]:
        """The figures of its events.jsonl line: kind, size, duration, result, longest step."""
        data: dict[str, Any] = {"kind": self.kind.value, "removed": list(self.removed)}
        if self.info is not None:
            data.update(
                id=self.info.id,
                size_bytes=self.info.size_bytes,
                duration_s=round(self.info.duration_s, 3),
                verified=self.info.verified,
            )
        if self.figures is not None:
            data["longest_step_ms"] = round(self.figures.longest_step_s * 1000, 2)
            data["steps"] = self.figures.steps
        return data


@dataclass(frozen=True)
class RestoreResult:
    backup_id: str
    database: Path
    kept_copy: Path | None  # the file that was replaced, kept aside (None: there was none)
    detail: str


@dataclass(frozen=True)
class DatabaseCheck:
    """The answer of `check_database`: ok, or the problem in one line."""

    ok: bool
    problem: str | None = None

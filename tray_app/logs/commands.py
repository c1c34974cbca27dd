"""`erp-guardian logs summary` and `erp-guardian logs show`."""

from __future__ import annotations

import json
import os
import sys
import time
from collections import deque
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from tray_app.config import GuardianConfig
from tray_app.i18n.console import console_language
from tray_app.logs.analysis import format_summary, summarise_log
from tray_app.logs.bundle import default_bundle_path, write_bundle
from tray_app.logs.incidents import find_report, format_report, list_incidents
from tray_app.logs.levels import LogKind, level_named
from tray_app.logs.reading import read_raw_lines, rotated_set
from tray_app.logs.records import RecordFilter
from tray_app.logs.writer import BACKEND_LOG, EVENTS_LOG, GUARDIAN_LOG

FILES = {"guardian": GUARDIAN_LOG, "backend": BACKEND_LOG, "events": EVENTS_LOG}


def summary_command(
    log_dir: Path,
    since: datetime | None,
    as_json: bool,
    out: TextIO = sys.stdout,
    language: str | None = None,
) -> int:
    """`language` is the config's setting ("auto", "de", "en"); None: the environment's."""
    result, events_read = summarise_log(log_dir / EVENTS_LOG, since, datetime.now(UTC))
    if not events_read:
        sys.stderr.write(f"no events in {log_dir / EVENTS_LOG}\n")
    if as_json:
        out.write(json.dumps(result.to_dict(), indent=2))
    else:
        out.write(format_summary(result, console_language(language)))
    out.write("\n")
    return 0


def incidents_command(
    log_dir: Path, since: datetime | None, incident_id: str | None, out: TextIO = sys.stdout
) -> int:
    if incident_id:
        report = find_report(log_dir, incident_id)
        if report is None:
            sys.stderr.write(f"erp-guardian: no incident {incident_id!r} in {log_dir}\n")
            return 1
        out.write(format_report(report))
        return 0
    found = list_incidents(log_dir, since)
    if not found:
        out.write("no incidents\n")
    for item in found:
        outcome = (
            f"recovered in {item.recovery_s:.1f} s"
            if item.recovered and item.recovery_s is not None
            else "not recovered"
        )
        out.write(f"{item.id}  {outcome:<22} {item.detail}\n")
    return 0


def bundle_command(config: GuardianConfig, output: Path | None, out: TextIO = sys.stdout) -> int:
    target = output or default_bundle_path(config)
    try:
        write_bundle(config, target)
    except OSError as error:
        sys.stderr.write(f"erp-guardian: cannot write {target}: {error.strerror or error}\n")
        return 1
    out.write(f"{target}\n")
    return 0


def show_command(
    log_dir: Path,
    kind: str,
    level: str | None,
    since: datetime | None,
    grep: str | None,
    lines: int,
    follow: bool,
    out: TextIO = sys.stdout,
) -> int:
    path = log_dir / FILES[kind]
    records = RecordFilter(LogKind(kind), level_named(level) if level else None, since, grep)
    shown: deque[str] = deque(maxlen=lines if lines > 0 else None)
    for raw in read_raw_lines(rotated_set(path)):
        shown.extend(records.feed(raw))
    for line in shown:
        out.write(line + "\n")
    out.flush()
    if follow:
        try:
            for raw in follow_file(path):
                for line in records.feed(raw):
                    out.write(line + "\n")
                out.flush()
        except KeyboardInterrupt:
            return 0
    return 0


def follow_file(path: Path, poll_s: float = 0.25) -> Iterator[bytes]:
    """Yield lines appended to path, like `tail -F`: survives rotation and re-creation."""
    handle, inode = None, None
    try:
        while True:
            if handle is None:
                try:
                    handle = path.open("rb")
                    inode = os.fstat(handle.fileno()).st_ino
                    handle.seek(0, os.SEEK_END)
                except OSError:
                    time.sleep(poll_s)
                    continue
            line = handle.readline()
            if line:
                yield line.rstrip(b"\n")
                continue
            try:
                if os.stat(path).st_ino != inode:  # rotated or re-created: read the new file
                    handle.close()
                    handle = path.open("rb")
                    inode = os.fstat(handle.fileno()).st_ino
                    continue
            except OSError:
                pass
            time.sleep(poll_s)
    finally:
        if handle is not None:
            handle.close()

"""Incident report files: written from `incident` events, listed and printed by the CLI."""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from tray_app.i18n.catalogue import Message, MessageId, render

INCIDENTS_DIR = "incidents"
MAX_REPORTS = 200  # the oldest are removed beyond this, so reports cannot fill the disk


@dataclass(frozen=True)
class IncidentSummary:
    id: str
    started_at: datetime
    reason: str
    recovered: bool
    recovery_s: float | None
    detail: str
    message: dict[str, Any] | None = None  # the detail as an id with parameters (JSON form)


def incidents_dir(log_dir: Path) -> Path:
    return log_dir / INCIDENTS_DIR


def write_report(log_dir: Path, report: dict[str, Any]) -> Path:
    """Save the report as JSON and as text; returns the text file's path. Raises OSError."""
    folder = incidents_dir(log_dir)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    base = folder / _safe_name(str(report["id"]))
    for path, text in (
        (base.with_suffix(".json"), json.dumps(report, indent=2, ensure_ascii=False)),
        (base.with_suffix(".txt"), format_report(report)),
    ):
        path.write_text(text, encoding="utf-8")
        with contextlib.suppress(OSError):
            os.chmod(path, 0o600)
    _prune(folder)
    return base.with_suffix(".txt")


def _safe_name(text: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in text)


def _prune(folder: Path) -> None:
    reports = sorted(folder.glob("*.json"))
    for old in reports[:-MAX_REPORTS]:
        for path in (old, old.with_suffix(".txt")):
            with contextlib.suppress(OSError):
                path.unlink()


def format_report(report: dict[str, Any]) -> str:
    """A plain-text report a person can read or attach to a support request."""
    recovered = report.get("recovered")
    seconds = report.get("recovery_s")
    outcome = f"recovered after {seconds:.1f} s" if recovered and seconds else "not recovered"
    served_ms = report.get("served_by_standby_after_ms")
    if served_ms is not None:  # the report file is English, as the logs are
        served = Message(MessageId.INCIDENT_SERVED_BY_STANDBY, {"ms": served_ms})
        outcome += "; " + render(served, "en")
    lines = [
        f"ERP Guardian incident {report['id']}",
        "",
        f"What happened: {report.get('detail', '')}",
        f"Started:       {report.get('started_at')}",
        f"Ended:         {report.get('ended_at')} ({outcome})",
        f"Reason:        {report.get('reason')}",
        "",
        "Timeline:",
    ]
    for event in report.get("timeline", []):
        lines.append(
            f"  {event.get('time')}  {str(event.get('level', '')).upper():<8} "
            f"{event.get('event')}: {event.get('detail')}"
        )
    figures = report.get("figures_before") or {}
    lines += ["", "Figures just before:"]
    lines += [f"  {key}: {value}" for key, value in figures.items()] or ["  (none measured)"]
    lines += _stack_dump_lines(report.get("stack_dump"))
    tail = report.get("backend_output_tail") or []
    lines += ["", f"Last {len(tail)} lines of the backend's output:"]
    lines += [f"  | {line}" for line in tail] or ["  (no output)"]
    return "\n".join(lines) + "\n"


def _stack_dump_lines(dump: object) -> list[str]:
    """The "Stack dump" section of a hang: the threads, or the sentence why there are none."""
    if not isinstance(dump, dict):
        return []
    after_ms = dump.get("dumped_after_ms")
    timing = f" (taken {after_ms:.0f} ms after the hang was declared)" if after_ms else ""
    lines = ["", f"Stack dump{timing}:"]
    text = dump.get("text")
    if text:
        return lines + [f"  {line}" for line in str(text).splitlines()]
    lines.append(f"  {dump.get('reason') or 'none'}")
    if dump.get("detail"):
        lines.append(f"  ({dump['detail']})")
    return lines


def list_incidents(log_dir: Path, since: datetime | None = None) -> list[IncidentSummary]:
    found = []
    for path in sorted(incidents_dir(log_dir).glob("*.json")):
        report = load_report(path)
        started = _aware_time(report.get("started_at")) if report else None
        if report is None or started is None:
            continue  # a damaged or foreign file must not hide the others
        if since is not None and started < since:
            continue
        found.append(
            IncidentSummary(
                id=str(report["id"]),
                started_at=started,
                reason=str(report.get("reason")),
                recovered=bool(report.get("recovered")),
                recovery_s=report.get("recovery_s"),
                detail=str(report.get("detail", "")),
                message=report.get("message") if isinstance(report.get("message"), dict) else None,
            )
        )
    found.sort(key=lambda item: item.started_at)
    return found


def _aware_time(value: object) -> datetime | None:
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def load_report(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and "id" in data and "started_at" in data else None


def find_report(log_dir: Path, incident_id: str) -> dict[str, Any] | None:
    return load_report(incidents_dir(log_dir) / f"{_safe_name(incident_id)}.json")

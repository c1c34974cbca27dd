"""`logs summary` counts the standby's promotions: among the restarts, and on their own."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.logs import list_summary
from tray_app.logs.analysis import format_summary, summarise_log
from tray_app.logs.writer import event_line
from tray_app.watchdog.model import Event, EventName, Level, Reason, State

START = datetime(2026, 3, 1, 6, 0, tzinfo=UTC)
UNTIL = START + timedelta(hours=1)

# (seconds after START, event, state, previous, reason): one crash the standby took over,
# then one cold restart after a crash with no standby ready.
SEQUENCE = [
    (0, EventName.STARTING, State.STARTING, State.STOPPED, Reason.STARTUP),
    (2, EventName.HEALTHY, State.HEALTHY, State.STARTING, Reason.CHECK_PASSED),
    (60, EventName.EXITED, State.BACKOFF, State.HEALTHY, Reason.SIGNAL),
    (60, EventName.PROMOTED, State.STARTING, State.BACKOFF, Reason.SIGNAL),
    (60.2, EventName.RECOVERED, State.HEALTHY, State.STARTING, Reason.CHECK_PASSED),
    (600, EventName.EXITED, State.BACKOFF, State.HEALTHY, Reason.EXIT_CODE),
    (600.5, EventName.STARTING, State.STARTING, State.BACKOFF, Reason.EXIT_CODE),
    (601.5, EventName.RECOVERED, State.HEALTHY, State.STARTING, Reason.CHECK_PASSED),
]


def _write(folder: Path) -> Path:
    lines = []
    for seconds, name, state, previous, reason in SEQUENCE:
        event = Event(
            name=name,
            level=Level.ERROR if name is EventName.EXITED else Level.INFO,
            state=state,
            previous=previous,
            reason=reason,
            detail="",
            time=START + timedelta(seconds=seconds),
            outage_s=(0.2 if seconds < 100 else 1.5) if name is EventName.RECOVERED else None,
        )
        lines.append(event_line(event.to_dict()))
    path = folder / "events.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_promotion_counts_as_a_restart_and_as_a_promotion(tmp_path: Path) -> None:
    path = _write(tmp_path)

    summary, _ = summarise_log(path, None, UNTIL)

    assert (summary.restarts, summary.promotions) == (2, 1)
    assert summary.restarts_by_reason == {"signal": 1, "exit_code": 1}
    assert json.loads(json.dumps(summary.to_dict()))["promotions"] == 1
    events, bad = list_summary.read_events(path)
    assert list_summary.summarise(events, None, UNTIL, bad) == summary  # the oracle agrees


def test_the_summary_text_says_how_many_restarts_the_standby_took_over(tmp_path: Path) -> None:
    summary, _ = summarise_log(_write(tmp_path), None, UNTIL)

    english = format_summary(summary, "en").splitlines()
    german = format_summary(summary, "de").splitlines()

    assert "  1 of them by the standby taking over" in english
    assert "  davon 1 durch Übernahme des Ersatzprozesses" in german


def test_no_promotion_line_without_a_promotion(tmp_path: Path) -> None:
    path = _write(tmp_path)
    summary, _ = summarise_log(path, START + timedelta(seconds=300), UNTIL)

    assert (summary.restarts, summary.promotions) == (1, 0)
    assert "standby" not in format_summary(summary, "en")

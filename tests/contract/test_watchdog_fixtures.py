"""The page's watchdog fixtures against the engine's model and a live supervisor's answers."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import TypeAdapter

from tests.contract.conftest import LiveAnswers
from tests.contract.shapes import fixture_files, load, shape_differences
from tray_app.logs.incidents import IncidentSummary
from tray_app.watchdog import HEALTH_OF_STATE, Event, Health, Snapshot, State
from tray_app.watchdog.transitions import check_transition

STATUS_FIXTURES = fixture_files("watchdog-status-*.json")
EVENTS_FIXTURES = fixture_files("watchdog-events*.json")
SNAPSHOT = TypeAdapter(Snapshot)
# The keys of the report IncidentTracker.close() builds.
REPORT_KEYS = {
    "id",
    "reason",
    "detail",
    "started_at",
    "ended_at",
    "recovered",
    "recovery_s",
    "timeline",
    "backend_output_tail",
    "figures_before",
}
EVENT = TypeAdapter(Event)


def as_event(item: dict[str, Any]) -> Event:
    """An event as the model reads it: to_dict() writes the field `name` as "event"."""
    fields = {("name" if key == "event" else key): value for key, value in item.items()}
    return EVENT.validate_json(json.dumps(fields), strict=True)


@pytest.mark.parametrize("path", STATUS_FIXTURES, ids=lambda path: path.stem)
def test_status_fixture_is_a_snapshot_the_engine_can_have(path: Path) -> None:
    snapshot = SNAPSHOT.validate_json(path.read_text(encoding="utf-8"), strict=True)
    assert snapshot.state is State(path.stem.removeprefix("watchdog-status-").replace("-", "_"))
    assert snapshot.health is HEALTH_OF_STATE[snapshot.state]


@pytest.mark.parametrize("path", EVENTS_FIXTURES, ids=lambda path: path.stem)
def test_events_fixture_is_a_sequence_the_engine_can_publish(path: Path) -> None:
    events = [as_event(item) for item in load(path)["events"]]
    state: State | None = None
    for event in events:
        if event.previous is not None:
            check_transition(event.previous, event.state)  # raises on an illegal move
            if state is not None:
                assert event.previous is state, f"{event.name}: previous {event.previous}"
        state = event.state


def test_watchdog_fixtures_have_the_keys_and_types_of_live_answers(live: LiveAnswers) -> None:
    live_snapshot = SNAPSHOT.validate_python(live.watchdog_status)
    assert live_snapshot.health is Health.OK
    live_events = [as_event(item) for item in live.watchdog_events]
    assert {"exited", "recovered"} <= {event.name.value for event in live_events}
    # The events with the most figures set, so that their types are compared too.
    exited = next(item for item in live.watchdog_events if item["event"] == "exited")
    recovered = next(item for item in live.watchdog_events if item["event"] == "recovered")

    problems: dict[str, list[str]] = {}
    for path in STATUS_FIXTURES:
        problems[path.stem] = shape_differences(load(path), live.watchdog_status)
    free = frozenset({"events.data"})  # each kind of event has figures of its own there
    for path in EVENTS_FIXTURES:
        data = load(path)
        found = [
            line
            for live_event in (exited, recovered)
            for line in shape_differences(data, {"events": [live_event]}, free_form=free)
        ]
        problems[path.stem] = list(dict.fromkeys(found))
    assert problems == {path.stem: [] for path in STATUS_FIXTURES + EVENTS_FIXTURES}


def test_warnings_and_incident_fixtures_have_the_engine_shapes() -> None:
    snapshot = SNAPSHOT.validate_json(
        (fixture_files("watchdog-warnings.json")[0]).read_text(encoding="utf-8"), strict=True
    )
    assert snapshot.warnings, "the warnings fixture should hold active warnings"
    summaries = load(fixture_files("watchdog-incidents.json")[0])["incidents"]
    summary_keys = {field.name for field in dataclasses.fields(IncidentSummary)}
    assert summaries and all(set(item) == summary_keys for item in summaries)
    report = load(fixture_files("watchdog-incident.json")[0])
    assert set(report) == REPORT_KEYS
    for item in report["timeline"]:
        as_event(item)  # every timeline entry is an event the model can read

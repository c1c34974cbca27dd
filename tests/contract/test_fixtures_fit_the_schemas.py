"""The page's test fixtures against the OpenAPI documents its types are generated from.

A fixture that no server could send makes the component tests test a fiction; these tests hold
every fixture to its route's response schema (keys, types, nulls, enum values, date-times) and
to what the engine can do (a state's health, legal transitions).
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from tests.contract.openapi import FIXTURES, problems, response_validator
from tray_app.watchdog import HEALTH_OF_STATE, Health, State
from tray_app.watchdog.commands import allowed_commands
from tray_app.watchdog.transitions import check_transition

# Each fixture file by the start of its name, and the route whose answer it stands for.
ROUTES = {
    "watchdog-status-": ("guardian", "/api/watchdog/status"),
    "watchdog-warnings": ("guardian", "/api/watchdog/status"),
    "watchdog-events": ("guardian", "/api/watchdog/events"),
    "watchdog-incidents": ("guardian", "/api/watchdog/incidents"),
    "watchdog-incident": ("guardian", "/api/watchdog/incidents/{incident_id}"),
    "watchdog-backups": ("guardian", "/api/watchdog/backups"),
    "backend-status": ("backend", "/api/v1/system/status"),
}
# Answers recorded together from one real run: each part stands for its own route.
RECORDED = {
    "watchdog-crash-recovered": {
        "status": ("guardian", "/api/watchdog/status"),
        "events": ("guardian", "/api/watchdog/events"),
        "incidents": ("guardian", "/api/watchdog/incidents"),
    },
}
FIXTURE_FILES = sorted(path for path in FIXTURES.glob("*.json") if path.stem not in RECORDED)


def route_of(path: Path) -> tuple[str, str]:
    # The longest matching start: "watchdog-incidents" before "watchdog-incident".
    starts = sorted((start for start in ROUTES if path.stem.startswith(start)), key=len)
    assert starts, f"{path.name}: no route known for this fixture (add it to ROUTES)"
    return ROUTES[starts[-1]]


def load(name: str) -> Any:
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


def test_there_are_fixtures_of_every_route() -> None:
    assert {route_of(path) for path in FIXTURE_FILES} == set(ROUTES.values())


@pytest.mark.parametrize("name", sorted(RECORDED))
def test_each_part_of_a_recorded_fixture_fits_its_route(name: str) -> None:
    body = load(name)
    assert set(body) == set(RECORDED[name])
    for part, route in RECORDED[name].items():
        assert problems(response_validator(*route), body[part]) == [], part


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda path: path.stem)
def test_fixture_fits_its_routes_response_schema(path: Path) -> None:
    body = json.loads(path.read_text(encoding="utf-8"))
    assert problems(response_validator(*route_of(path)), body) == []


def test_a_fixture_that_no_server_sends_is_refused() -> None:
    """The validation can fail: a missing key, an extra one, a wrong type, an unknown value."""
    status = load("watchdog-status-healthy")
    del status["restart_count"]
    status["restarts"] = 2
    status["allowed_commands"] = ["reboot"]
    status["port_holder"] = {"port": "8765", "pid": None, "name": None, "ours": False}
    found = problems(response_validator("guardian", "/api/watchdog/status"), status)
    assert [line.split(":")[0] for line in found] == [
        "/",  # restart_count missing
        "/",  # restarts not allowed
        "/allowed_commands/0",
        "/port_holder",  # a nullable object: reported where it stands
    ], found

    figures = load("backend-status")
    figures["system"]["memory"]["percent"] = "40"
    figures["database"]["colour"] = "blue"
    found = problems(response_validator("backend", "/api/v1/system/status"), figures)
    assert [line.split(":")[0] for line in found] == ["/database", "/system/memory/percent"]


def test_an_incident_report_may_say_more_but_its_timeline_holds_events() -> None:
    report = load("watchdog-incident")
    validator = response_validator("guardian", "/api/watchdog/incidents/{incident_id}")
    report["written_by"] = "a later version"  # reports are files: other versions' keys pass
    report["figures_before"]["disk_temperature_c"] = 41
    assert problems(validator, report) == []
    broken = copy.deepcopy(report)
    del broken["timeline"][0]["state"]
    broken["timeline"][1]["time"] = "yesterday"
    assert [line.split(":")[0] for line in problems(validator, broken)] == [
        "/timeline/0",
        "/timeline/1/time",
    ]


@pytest.mark.parametrize(
    "path", sorted(FIXTURES.glob("watchdog-status-*.json")), ids=lambda path: path.stem
)
def test_status_fixture_is_a_snapshot_the_engine_can_make(path: Path) -> None:
    snapshot = json.loads(path.read_text(encoding="utf-8"))
    state = State(snapshot["state"])
    assert state is State(path.stem.removeprefix("watchdog-status-").replace("-", "_"))
    assert Health(snapshot["health"]) is HEALTH_OF_STATE[state]
    offered = allowed_commands(state, has_process=snapshot["pid"] is not None)
    assert snapshot["allowed_commands"] == [command.value for command in offered]


@pytest.mark.parametrize(
    "path", sorted(FIXTURES.glob("watchdog-events*.json")), ids=lambda path: path.stem
)
def test_events_fixture_is_a_sequence_the_engine_can_publish(path: Path) -> None:
    current: State | None = None
    for event in json.loads(path.read_text(encoding="utf-8"))["events"]:
        state = State(event["state"])
        if event["previous"] is not None:
            previous = State(event["previous"])
            check_transition(previous, state)  # raises on an illegal move
            if current is not None:
                assert previous is current, f"{event['event']}: previous {previous}"
        current = state

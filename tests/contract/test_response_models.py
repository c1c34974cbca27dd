"""The web API's response models say what the engine's own JSON says, field for field.

The routes build their answers from `to_dict()` of the engine's dataclasses; a field added to a
dataclass and not to its model fails here by name (and in every web test, as a refused key).
"""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from tray_app.config import GuardianConfig
from tray_app.logs import incidents as incident_files
from tray_app.watchdog import Event, EventName, Level, PortHolder, Reason, State, Supervisor
from tray_app.watchdog.incidents import IncidentTracker
from tray_app.watchdog.model import ActiveWarning, UserCommand
from tray_app.watchdog.snapshot import Snapshot
from tray_app.web import incident_schemas, schemas

T0 = datetime(2026, 11, 28, 12, 0, 0, 123456, tzinfo=UTC)

MODEL_OF_DATACLASS: list[tuple[type[BaseModel], type[Any]]] = [
    (schemas.WatchdogStatus, Snapshot),
    (schemas.PortHolder, PortHolder),
    (schemas.ActiveWarning, ActiveWarning),
    (incident_schemas.IncidentSummary, incident_files.IncidentSummary),
]


@pytest.mark.parametrize(
    ("model", "dataclass"), MODEL_OF_DATACLASS, ids=[m.__name__ for m, _ in MODEL_OF_DATACLASS]
)
def test_model_has_the_fields_of_its_dataclass(model: type[BaseModel], dataclass: Any) -> None:
    assert list(model.model_fields) == [field.name for field in dataclasses.fields(dataclass)]


def an_event(**changes: Any) -> Event:
    values: dict[str, Any] = {
        "name": EventName.EXITED,
        "level": Level.ERROR,
        "state": State.BACKOFF,
        "previous": State.HEALTHY,
        "reason": Reason.SIGNAL,
        "detail": "backend ended: killed by SIGKILL",
        "time": T0,
        "pid": 4242,
        "attempt": 1,
        "exit_code": -9,
        "data": {"delay_s": 0.0},
    }
    return Event(**{**values, **changes})


def same_json(model_json: Any, engine_json: Any) -> bool:
    """Equal, where a time may be written with `Z` or `+00:00` (the same instant)."""
    if isinstance(engine_json, dict):
        return set(model_json) == set(engine_json) and all(
            same_json(model_json[key], engine_json[key]) for key in engine_json
        )
    if isinstance(engine_json, list):
        return len(model_json) == len(engine_json) and all(map(same_json, model_json, engine_json))
    if isinstance(engine_json, str) and isinstance(model_json, str) and engine_json[:4].isdigit():
        try:
            return datetime.fromisoformat(model_json) == datetime.fromisoformat(engine_json)
        except ValueError:
            pass
    return bool(model_json == engine_json)


def test_status_json_is_the_snapshots_own(tmp_path: Path) -> None:
    config = GuardianConfig(log_dir=str(tmp_path / "log"), data_dir=str(tmp_path / "data"))
    snapshot = dataclasses.replace(
        Supervisor(config).snapshot(),  # not started: only its snapshot is used
        state=State.BLOCKED,
        pid=None,
        started_at=T0,
        last_failure_at=T0,
        last_failure_reason=Reason.PORT_IN_USE,
        next_start_at=T0 + timedelta(seconds=5),
        port_holder=PortHolder(port=8765, pid=99, name="nginx", ours=False),
        warnings=(ActiveWarning("disk_free_db", "Low disk", 3.1, 5.0, "GB", "free disk", T0),),
        allowed_commands=(UserCommand.START, UserCommand.STOP),
    )
    engine = json.loads(json.dumps(snapshot.to_dict()))
    # The engine says {"id", "params"}; the page gets those words in both languages.
    for key in ("message", "last_failure_message"):
        engine[key] = schemas.words_of(engine[key])
    for warning in engine["warnings"]:
        for key in ("title_message", "hint_message"):
            warning[key] = schemas.words_of(warning[key])
    answer = json.loads(schemas.WatchdogStatus.of(snapshot).model_dump_json())
    assert same_json(answer, engine), (answer, engine)
    assert answer["message"] == {"en": "not started", "de": "nicht gestartet"}
    assert answer["allowed_commands"] == ["start", "stop"]


def test_event_json_is_the_events_own() -> None:
    for event in (an_event(), an_event(name=EventName.STATS, previous=None, data={"cpu": 1})):
        engine = json.loads(json.dumps(event.to_dict(with_message=True)))
        answer = json.loads(schemas.WatchdogEvent.of(event).model_dump_json())
        assert same_json(answer, engine), (answer, engine)


def test_a_report_the_engine_builds_is_an_incident_report() -> None:
    tracker = IncidentTracker()
    tracker.observe(an_event(), ["listening", "Traceback ..."], None)
    tracker.observe(an_event(name=EventName.RECOVERED, state=State.HEALTHY), None, None)
    report = tracker.close(T0 + timedelta(seconds=1), recovered=True, outage_s=1.0)
    engine = json.loads(json.dumps(report))
    read = incident_schemas.IncidentReport.read(engine)
    assert read is not None
    assert same_json(json.loads(read.model_dump_json()), engine)


def test_an_incident_this_version_cannot_read_is_left_out() -> None:
    def summary(reason: str) -> incident_files.IncidentSummary:
        return incident_files.IncidentSummary(f"x-{reason}", T0, reason, True, 1.0, "detail")

    listed = incident_schemas.WatchdogIncidents.of([summary("signal"), summary("gremlins")])
    assert [item.id for item in listed.incidents] == ["x-signal"]
    assert incident_schemas.IncidentReport.read({"id": "x", "reason": "gremlins"}) is None

"""A real crash and recovery: every event, the snapshot and the incident report carry the
engine's message, the web API sends it in German with no English sentence of the engine, and
the English rendering is exactly the detail the logs keep."""

from __future__ import annotations

import os
import re
import signal

from tests.watchdog.conftest import guard  # noqa: F401 (the fixture, used by name)
from tests.watchdog.harness import StartGuard, service_cmd
from tray_app.i18n.catalogue import render
from tray_app.watchdog import EventName
from tray_app.web import incident_schemas, schemas

# Words of the engine's English details; none may reach a German reader.
ENGLISH = re.compile(
    r"\b(backend ended|killed by|restarting|attempt|back after|outage of|incident|recovered"
    r"|starting the backend|answers in|not started)\b"
)


def test_a_crash_and_recovery_reads_in_german_and_logs_stay_english(guard: StartGuard) -> None:  # noqa: F811
    g = guard(backend_cmd=service_cmd(), check_interval=30, check_timeout=1)
    g.wait_event(EventName.HEALTHY)
    mark = len(g.events)
    os.kill(g.backend_pid(), signal.SIGKILL)
    incident = g.wait_event(EventName.INCIDENT, after=mark, timeout_s=10)
    events = g.events[mark:]
    assert [e.name for e in events] == ["exited", "starting", "recovered", "incident"]
    for event in events:
        assert event.message is not None, event
        assert render(event.message, "en") == event.detail  # the log's words, one source
        words = schemas.WatchdogEvent.of(event).message
        assert words is not None and words.en == event.detail
        assert not ENGLISH.search(words.de), words.de
    exited = schemas.WatchdogEvent.of(events[0]).message
    assert exited is not None and "wurde beendet" in exited.de and "SIGKILL" in exited.de
    status = schemas.WatchdogStatus.of(g.supervisor.snapshot())
    assert status.message is not None and not ENGLISH.search(status.message.de)
    assert status.last_failure_message is not None
    assert not ENGLISH.search(status.last_failure_message.de)
    report = incident_schemas.IncidentReport.read(incident.data)
    assert report is not None and report.message is not None
    assert not ENGLISH.search(report.message.de)
    assert all(item.message is not None for item in report.timeline)

"""An outage the standby took over ends in an incident that says "served by the standby after
N ms": in the incident event's words (en and de) and in the report file."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from tray_app.config import GuardianConfig
from tray_app.i18n.catalogue import render
from tray_app.logs.incidents import format_report
from tray_app.watchdog.model import Event, EventName, Level, Reason, State
from tray_app.watchdog.monitoring import Monitoring
from tray_app.watchdog.publishing import EventHub
from tray_app.watchdog.runtime import Runtime

T0 = datetime(2026, 3, 1, 6, 0, tzinfo=UTC)


def _outage(tmp_path: Path, promoted: bool) -> Event:
    """exited -> (promoted | starting) -> recovered through the real hub; the incident event."""
    config = GuardianConfig(log_dir=str(tmp_path / "log"), data_dir=str(tmp_path / "data"))
    hub = EventHub(Runtime(config), Monitoring(config, lambda: T0), lambda: T0)
    published: list[Event] = []
    hub.subscribe(published.append)
    second = EventName.PROMOTED if promoted else EventName.STARTING
    steps = [
        (EventName.EXITED, State.BACKOFF, State.HEALTHY, Reason.SIGNAL, None),
        (second, State.STARTING, State.BACKOFF, Reason.SIGNAL, None),
        (EventName.RECOVERED, State.HEALTHY, State.STARTING, Reason.CHECK_PASSED, 0.183),
    ]
    for offset_ms, (name, state, previous, reason, outage_s) in enumerate(steps):
        hub.publish(
            Event(
                name=name,
                level=Level.INFO,
                state=state,
                previous=previous,
                reason=reason,
                detail=name.value,
                time=T0 + timedelta(milliseconds=offset_ms),
                outage_s=outage_s,
            )
        )
    (incident,) = [e for e in published if e.name is EventName.INCIDENT]
    return incident


def test_an_incident_the_standby_took_over_says_so_in_both_languages(tmp_path: Path) -> None:
    incident = _outage(tmp_path, promoted=True)

    assert incident.data["served_by_standby_after_ms"] == 183
    assert incident.message is not None
    assert render(incident.message, "en").endswith("; served by the standby after 183 ms")
    assert render(incident.message, "de").endswith("; nach 183 ms vom Ersatzprozess übernommen")
    assert "served by the standby after 183 ms" in format_report(incident.data)


def test_a_cold_restart_says_recovered_and_not_standby(tmp_path: Path) -> None:
    incident = _outage(tmp_path, promoted=False)

    assert incident.data["served_by_standby_after_ms"] is None
    assert incident.detail.endswith("; recovered after 0.2 s")
    assert "standby" not in format_report(incident.data)
